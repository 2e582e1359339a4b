//! `Retry-After` (RFC 9110 §10.2.3): delay-seconds, or an HTTP date (IMF-fixdate, and the
//! obsolete RFC 850 and asctime forms, read by the `httpdate` crate). How long the client
//! actually waits is capped by [`super::retry::RetryPolicy::delay`].

use std::time::{Duration, SystemTime};

/// How long the server asks the client to wait, as of `now`. A date in the past is zero (retry
/// now); anything else that is not a number of seconds or an HTTP date is `None`. Digits too
/// many for a `u64` are read as the longest wait.
pub fn parse(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's example date.
    fn rfc_example() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777)
    }

    fn secs(n: u64) -> Option<Duration> {
        Some(Duration::from_secs(n))
    }

    #[test]
    fn delay_seconds() {
        let now = SystemTime::now();
        assert_eq!(parse("120", now), secs(120));
        assert_eq!(parse(" 0 ", now), secs(0));
        assert_eq!(parse("007", now), secs(7));
        assert_eq!(
            parse("99999999999999999999999", now),
            secs(u64::MAX),
            "absurdly far: the longest wait, capped by the retry policy"
        );
    }

    #[test]
    fn http_dates_in_all_three_forms() {
        let now = rfc_example() - Duration::from_secs(90);
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse(form, now), secs(90), "{form}");
        }
        // Generated, so the weekday is right.
        let far = rfc_example() + Duration::from_secs(3600 * 24 * 365 * 30);
        assert_eq!(
            parse(&httpdate::fmt_http_date(far), rfc_example()),
            secs(3600 * 24 * 365 * 30)
        );
    }

    #[test]
    fn a_date_in_the_past_means_now() {
        let later = rfc_example() + Duration::from_secs(5);
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT", later), secs(0));
        assert_eq!(
            parse("Sun, 06 Nov 1994 08:49:37 GMT", rfc_example()),
            secs(0)
        );
    }

    #[test]
    fn garbage_is_none() {
        let now = rfc_example();
        for value in [
            "",
            " ",
            "-5",
            "+5",
            "1.5",
            "5s",
            "0x10",
            "soon",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 25:49:37 GMT",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT trailing",
            "06 Nov 1994",
            "Sün, 06 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse(value, now), None, "{value:?}");
        }
    }
}
