//! Property tests: both date forms round-trip to the same instant, an ISO-8601 time with any
//! offset names the instant it should, and no string makes the parser panic.

use proptest::prelude::*;
use time::{OffsetDateTime, UtcOffset};

use super::*;

/// 0001-01-01T00:00:00Z .. 9998-12-31T23:59:59.999Z: years every offset keeps in 4 digits.
const ISO_MIN_MS: i64 = -62_135_596_800_000;
const ISO_MAX_MS: i64 = 253_370_764_799_999;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn aspnet_form_round_trips(ms in any::<i64>()) {
        let d = UcwaDate::from_unix_ms(ms);
        prop_assert_eq!(UcwaDate::parse(&d.to_aspnet()), Ok(d));
        let escaped = d.to_aspnet().replace('/', "\\/");
        prop_assert_eq!(UcwaDate::parse(&escaped), Ok(d));
        let json = serde_json::to_string(&d).expect("serialises");
        prop_assert_eq!(serde_json::from_str::<UcwaDate>(&json).ok(), Some(d));
    }

    #[test]
    fn iso_form_round_trips(ms in ISO_MIN_MS..=ISO_MAX_MS) {
        let d = UcwaDate::from_unix_ms(ms);
        let iso = d.to_iso();
        prop_assert!(iso.ends_with('Z'), "{}", iso);
        prop_assert_eq!(UcwaDate::parse(&iso), Ok(d));
    }

    #[test]
    fn any_instant_formats_to_something_that_parses_back(ms in any::<i64>()) {
        let d = UcwaDate::from_unix_ms(ms);
        prop_assert_eq!(UcwaDate::parse(&d.to_iso()), Ok(d));
        prop_assert_eq!(UcwaDate::parse(&d.to_string()), Ok(d));
    }

    #[test]
    fn iso_with_an_offset_names_the_same_instant(
        ms in ISO_MIN_MS..=ISO_MAX_MS,
        hours in -23i8..=23,
        minutes in 0i8..60,
    ) {
        let minutes = if hours < 0 { -minutes } else { minutes };
        let offset = UtcOffset::from_hms(hours, minutes, 0).expect("in range");
        let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
            .expect("in range")
            .to_offset(offset);
        let text = t.format(&Rfc3339).expect("4-digit year");
        prop_assert_eq!(UcwaDate::parse(&text), Ok(UcwaDate::from_unix_ms(ms)), "{}", text);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = UcwaDate::parse(&s);
        let _ = UcwaDate::parse(&format!("/Date({s})/"));
        let _ = UcwaDate::parse(&format!("{s}Z"));
    }

    #[test]
    fn date_like_strings_never_panic(
        s in "[\\\\/]{0,2}Date\\([-+0-9a-z]{0,24}\\)[\\\\/]{0,2}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{0,16}[Z+-]?[0-9:]{0,6}",
    ) {
        if let Ok(d) = UcwaDate::parse(&s) {
            prop_assert_eq!(UcwaDate::parse(&d.to_aspnet()), Ok(d));
        }
    }
}
