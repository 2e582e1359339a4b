//! Property tests: any input is answered without a panic; an accepted name is trimmed,
//! 1–250 characters, free of control characters, and parsing it again changes nothing.

use proptest::prelude::*;

use super::*;

/// Names with the awkward parts real input has: padding, tabs, emoji, combining marks.
fn name_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[A-Za-zÀ-ÿ]{1,8}",
            Just(" ".to_string()),
            Just("\t".to_string()),
            Just("\u{a0}".to_string()),
            Just("\u{85}".to_string()),
            Just("😀".to_string()),
            Just("e\u{301}".to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn check(input: &str) -> Result<(), TestCaseError> {
    match DisplayName::parse(input) {
        Ok(name) => {
            let s = name.as_str();
            prop_assert_eq!(s, input.trim());
            prop_assert_eq!(s, s.trim());
            let chars = s.chars().count();
            prop_assert!((1..=MAX_NAME_CHARS).contains(&chars), "{} chars", chars);
            prop_assert!(!s.chars().any(char::is_control));
            prop_assert_eq!(DisplayName::parse(s), Ok(name.clone()));
        }
        Err(DisplayNameError::Empty) => prop_assert!(input.trim().is_empty()),
        Err(DisplayNameError::ControlCharacter) => {
            prop_assert!(input.trim().chars().any(char::is_control));
        }
        Err(DisplayNameError::TooLong { chars }) => {
            prop_assert_eq!(chars, input.trim().chars().count());
            prop_assert!(chars > MAX_NAME_CHARS);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_input_never_panics(input in any::<String>()) {
        check(&input)?;
    }

    #[test]
    fn name_like_input_is_judged_consistently(input in name_like()) {
        check(&input)?;
    }

    #[test]
    fn every_clean_name_is_accepted_as_is(
        name in "[^\\p{Cc}\\s][^\\p{Cc}]{0,248}[^\\p{Cc}\\s]",
    ) {
        prop_assume!(name.chars().count() <= MAX_NAME_CHARS);
        prop_assert_eq!(DisplayName::parse(&name).map(|n| n.as_str().to_string()), Ok(name));
    }
}
