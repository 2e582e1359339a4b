//! UCWA dates: the ASP.NET AJAX form `/Date(ms)/` (also `\/Date(ms)\/` and with a `+hhmm`
//! offset) and ISO-8601 / RFC 3339 (docs/protocol.md §2.2).

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A point in time as milliseconds since the Unix epoch; serialised as `/Date(ms)/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UcwaDate {
    pub unix_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date in /Date(ms)/ or ISO-8601 form: {0:?}")]
pub struct DateParseError(pub String);

impl UcwaDate {
    pub fn from_unix_ms(unix_ms: i64) -> Self {
        Self { unix_ms }
    }

    pub fn now() -> Self {
        Self::from_system_time(SystemTime::now())
    }

    pub fn from_system_time(t: SystemTime) -> Self {
        let ms = match t.duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
            Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
        };
        Self { unix_ms: ms }
    }

    pub fn to_system_time(self) -> SystemTime {
        if self.unix_ms >= 0 {
            UNIX_EPOCH + Duration::from_millis(self.unix_ms as u64)
        } else {
            UNIX_EPOCH - Duration::from_millis(self.unix_ms.unsigned_abs())
        }
    }

    /// `/Date(ms)/`, the form UCWA and the Trusted Application API emit most.
    pub fn to_aspnet(self) -> String {
        format!("/Date({})/", self.unix_ms)
    }

    /// ISO-8601 with milliseconds in UTC, e.g. `2016-06-27T01:42:13.094Z`; outside the years
    /// 0000–9999 (which ISO-8601 cannot write in its basic form) the `/Date(ms)/` form.
    pub fn to_iso(self) -> String {
        let nanos = i128::from(self.unix_ms) * 1_000_000;
        match OffsetDateTime::from_unix_timestamp_nanos(nanos) {
            Ok(t) => {
                let ms = t.millisecond();
                let t = t.replace_nanosecond(0).unwrap_or(t);
                // RFC 3339 has 4-digit years only; other instants keep the `/Date(ms)/` form.
                let Ok(base) = t.format(&Rfc3339) else {
                    return self.to_aspnet();
                };
                // base looks like 2016-06-27T01:42:13Z
                match base.strip_suffix('Z') {
                    Some(stem) => format!("{stem}.{ms:03}Z"),
                    None => base,
                }
            }
            Err(_) => self.to_aspnet(),
        }
    }

    /// Parse either form; surrounding whitespace and escaping backslashes are tolerated.
    pub fn parse(s: &str) -> Result<Self, DateParseError> {
        let err = || DateParseError(s.chars().take(64).collect());
        let t = s.trim();
        let unescaped: String = t.chars().filter(|c| *c != '\\').collect();
        if let Some(inner) = unescaped
            .strip_prefix("/Date(")
            .and_then(|r| r.strip_suffix(")/"))
        {
            // Optional timezone suffix like +0100 or -0500: the number is still UTC ms.
            let digits_end = inner
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '+' || *c == '-')
                .map(|(i, _)| i)
                .unwrap_or(inner.len());
            let (num, tz) = inner.split_at(digits_end);
            let tz_ok =
                tz.is_empty() || (tz.len() == 5 && tz[1..].chars().all(|c| c.is_ascii_digit()));
            if !tz_ok {
                return Err(err());
            }
            let ms: i64 = num.parse().map_err(|_| err())?;
            return Ok(Self { unix_ms: ms });
        }
        let parsed = OffsetDateTime::parse(t, &Rfc3339)
            .or_else(|_| OffsetDateTime::parse(&format!("{t}Z"), &Rfc3339))
            .map_err(|_| err())?;
        let ms = parsed.unix_timestamp_nanos() / 1_000_000;
        Ok(Self {
            unix_ms: i64::try_from(ms).map_err(|_| err())?,
        })
    }
}

impl fmt::Display for UcwaDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for UcwaDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_aspnet())
    }
}

impl<'de> Deserialize<'de> for UcwaDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        UcwaDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        assert_eq!(
            UcwaDate::parse("/Date(1488872625837)/").unwrap().unix_ms,
            1488872625837
        );
        assert_eq!(
            UcwaDate::parse(r"\/Date(1483967116000)\/").unwrap().unix_ms,
            1483967116000
        );
        assert_eq!(
            UcwaDate::parse("/Date(1483967116000+0100)/")
                .unwrap()
                .unix_ms,
            1483967116000
        );
        assert_eq!(UcwaDate::parse("/Date(-1000)/").unwrap().unix_ms, -1000);
        assert_eq!(
            UcwaDate::parse("2016-06-27T01:42:13.094Z").unwrap().unix_ms,
            1466991733094
        );
        assert_eq!(
            UcwaDate::parse("2016-06-27T03:42:13.094+02:00")
                .unwrap()
                .unix_ms,
            1466991733094
        );
        assert_eq!(
            UcwaDate::parse("2016-06-27T01:42:13.094").unwrap().unix_ms,
            1466991733094
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "Date(1)",
            "/Date()/",
            "/Date(abc)/",
            "/Date(1+xx)/",
            "yesterday",
            "2016-13-01T00:00:00Z",
        ] {
            assert_eq!(
                UcwaDate::parse(bad).unwrap_err().to_string(),
                format!("not a date in /Date(ms)/ or ISO-8601 form: {bad:?}")
            );
        }
    }

    #[test]
    fn round_trips() {
        let d = UcwaDate::from_unix_ms(1466991733094);
        assert_eq!(d.to_aspnet(), "/Date(1466991733094)/");
        assert_eq!(d.to_iso(), "2016-06-27T01:42:13.094Z");
        assert_eq!(UcwaDate::parse(&d.to_iso()).unwrap(), d);
        assert_eq!(UcwaDate::parse(&d.to_aspnet()).unwrap(), d);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<UcwaDate>(&json).unwrap(), d);
    }

    /// Found by the property tests: a year before 0000 (or after 9999) formatted as an empty
    /// string, which no parser reads back.
    #[test]
    fn instants_outside_four_digit_years_keep_the_aspnet_form() {
        for ms in [i64::MIN, -62_167_219_200_001, 253_402_300_800_000, i64::MAX] {
            let d = UcwaDate::from_unix_ms(ms);
            assert_eq!(d.to_iso(), d.to_aspnet());
            assert_eq!(UcwaDate::parse(&d.to_string()).unwrap(), d);
        }
    }
}

#[cfg(test)]
mod props;
