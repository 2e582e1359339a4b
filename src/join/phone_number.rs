//! The guest's own phone number for "call me" (docs/protocol.md §6a): what the guest typed,
//! checked and normalised to E.164 with libphonenumber's numbering plans (the `phonenumber`
//! crate), a national number read in the default region (from the config's `phone_region`,
//! else the culture). It is a secret like a token: it never prints, and the masked form
//! (`+49 ••• ••• 67`) is what logs, JSON lines and reports show.

use std::fmt;
use std::str::FromStr;

use phonenumber::country::Id as Country;

use crate::secret::Secret;

/// Why a typed number cannot be called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneNumberError {
    #[error("no phone number was given")]
    Empty,
    #[error("a phone number holds digits, spaces, dashes, brackets and a leading +")]
    NotANumber,
    #[error("a number without its country code (+…) needs a default region")]
    NeedsCountry,
    #[error("this is not a phone number that can be called")]
    Invalid,
}

/// A checked phone number in E.164 (`+493023125100`). No `Display`, `Debug` shows it masked.
#[derive(Clone, PartialEq, Eq)]
pub struct PhoneNumber {
    e164: Secret,
    masked: String,
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked)
    }
}

/// The region code (`DE`) of a culture or locale tag (`de-DE`, `en_GB.UTF-8`), or a bare
/// region code; `None` when it names no known region.
pub fn region_of(tag: &str) -> Option<String> {
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    let candidate = tag.rsplit(['-', '_']).next().unwrap_or_default();
    let upper = candidate.to_ascii_uppercase();
    (upper.len() == 2 && Country::from_str(&upper).is_ok()).then_some(upper)
}

impl PhoneNumber {
    /// Check `typed` and normalise it; `default_region` (`DE`) reads a national number.
    pub fn parse(typed: &str, default_region: Option<&str>) -> Result<Self, PhoneNumberError> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Err(PhoneNumberError::Empty);
        }
        let allowed = |c: char| c.is_ascii_digit() || " -()./+".contains(c);
        if typed.chars().count() > 30 || !typed.chars().all(allowed) {
            return Err(PhoneNumberError::NotANumber);
        }
        if typed.contains('+') && !typed.starts_with('+') {
            return Err(PhoneNumberError::NotANumber);
        }
        let country = default_region.and_then(|r| Country::from_str(&r.to_ascii_uppercase()).ok());
        if !typed.starts_with('+') && !typed.starts_with("00") && country.is_none() {
            return Err(PhoneNumberError::NeedsCountry);
        }
        let typed = match typed.strip_prefix("00") {
            Some(rest) if country.is_none() => format!("+{rest}"),
            _ => typed.to_string(),
        };
        let number = phonenumber::parse(country, &typed).map_err(|_| PhoneNumberError::Invalid)?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneNumberError::Invalid);
        }
        let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
        let masked = mask(&e164, number.code().value());
        Ok(Self {
            e164: Secret::new(e164),
            masked,
        })
    }

    /// The E.164 form, for the wire only.
    pub fn expose(&self) -> &str {
        self.e164.expose()
    }

    /// As the wire writes it in `addPhoneAudio`: `tel:+…`.
    pub fn tel_uri(&self) -> Secret {
        Secret::new(format!("tel:{}", self.e164.expose()))
    }

    /// The country code and the last two digits, the rest hidden: `+49 ••• ••• 00`.
    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// As the guest reads it (`+49 30 23125100`): only for the guest's own screen.
    pub fn readable(&self) -> String {
        phonenumber::parse(None, self.e164.expose())
            .map(|p| {
                p.format()
                    .mode(phonenumber::Mode::International)
                    .to_string()
            })
            .unwrap_or_else(|_| self.e164.expose().to_string())
    }
}

fn mask(e164: &str, country_code: u16) -> String {
    let digits = e164.trim_start_matches('+');
    let cc = country_code.to_string();
    let rest = digits.strip_prefix(cc.as_str()).unwrap_or(digits);
    let tail: String = rest
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("+{cc} ••• ••• {tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_normalised_to_e164() {
        for (typed, region, e164) in [
            ("+49 30 23125100", None, "+493023125100"),
            ("030 23125100", Some("DE"), "+493023125100"),
            ("(425) 555-0123", Some("us"), "+14255550123"),
            ("0049 30 23125100", None, "+493023125100"),
            ("+44 20 7946 0958", Some("DE"), "+442079460958"),
        ] {
            let n = PhoneNumber::parse(typed, region).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(n.expose(), e164, "{typed}");
        }
        let n = PhoneNumber::parse("+49 30 23125100", None).unwrap();
        assert_eq!(n.tel_uri().expose(), "tel:+493023125100");
        assert_eq!(n.readable(), "+49 30 23125100");
    }

    #[test]
    fn bad_numbers_say_why() {
        for (typed, region, why) in [
            ("", None, PhoneNumberError::Empty),
            ("   ", Some("DE"), PhoneNumberError::Empty),
            ("call me maybe", None, PhoneNumberError::NotANumber),
            ("+49 30 2312;5100", None, PhoneNumberError::NotANumber),
            ("49+3023125100", None, PhoneNumberError::NotANumber),
            ("030 23125100", None, PhoneNumberError::NeedsCountry),
            ("030 23125100", Some("ZZ"), PhoneNumberError::NeedsCountry),
            ("+49 1", None, PhoneNumberError::Invalid),
            ("+999 12345678", None, PhoneNumberError::Invalid),
            ("123", Some("DE"), PhoneNumberError::Invalid),
        ] {
            assert_eq!(PhoneNumber::parse(typed, region), Err(why), "{typed:?}");
        }
        let long = "1".repeat(31);
        assert_eq!(
            PhoneNumber::parse(&long, Some("DE")),
            Err(PhoneNumberError::NotANumber)
        );
    }

    #[test]
    fn the_number_never_prints_in_full() {
        let n = PhoneNumber::parse("+49 30 23125100", None).unwrap();
        assert_eq!(n.masked(), "+49 ••• ••• 00");
        let shown = format!("{n:?} {:?}", Some(&n));
        assert!(!shown.contains("23125"), "{shown}");
    }

    #[test]
    fn the_region_comes_from_a_culture_or_a_code() {
        assert_eq!(region_of("de-DE").as_deref(), Some("DE"));
        assert_eq!(region_of("en_GB.UTF-8").as_deref(), Some("GB"));
        assert_eq!(region_of("pt-BR").as_deref(), Some("BR"));
        assert_eq!(region_of("FR").as_deref(), Some("FR"));
        assert_eq!(region_of("en").as_deref(), None);
        assert_eq!(region_of("xx-QQ").as_deref(), None);
        assert_eq!(region_of("").as_deref(), None);
    }
}
