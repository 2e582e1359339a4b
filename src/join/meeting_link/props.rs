//! Property tests: any pasted text is answered without a panic, a join link inside arbitrary
//! text is found, and an accepted link parses back to itself.

use proptest::prelude::*;

use super::*;

/// Pieces an invitation (or a hostile paste) is made of.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://".to_string()),
        Just("HTTPS://".to_string()),
        Just("https://meet.lync.com/contoso/ada/OPEN1234".to_string()),
        Just("https://join.example/x".to_string()),
        Just("https://nam01.safelinks.protection.outlook.com/?url=".to_string()),
        Just("%3A%2F%2F".to_string()),
        Just("sip:".to_string()),
        Just("://".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\"".to_string()),
        Just("[".to_string()),
        Just("@".to_string()),
        Just("/meet/".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just(".".to_string()),
        Just("\u{202e}".to_string()),
        "[a-zA-Z0-9:/?#&=%._-]{0,12}",
        any::<String>(),
    ]
}

fn invitation_like() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..24).prop_map(|parts| parts.concat())
}

/// A meeting join link of the shape Skype for Business hands out.
fn meeting_url() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("meet"), Just("join")],
        "[a-z][a-z0-9]{0,10}",
        "[a-z]{2,6}",
        prop::collection::vec("[A-Za-z0-9_-]{1,12}", 1..4),
    )
        .prop_map(|(sub, domain, tld, segs)| {
            format!("https://{sub}.{domain}.{tld}/{}", segs.join("/"))
        })
}

/// Text around a link: anything without an `https://` of its own.
fn surrounding() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("no second link", |s| {
        !s.to_ascii_lowercase().contains("https://") && s.chars().count() < 400
    })
}

fn check_accepted(link: &MeetingLink) -> Result<(), TestCaseError> {
    prop_assert_eq!(link.url().scheme(), "https");
    prop_assert!(!link.host().is_empty());
    prop_assert!(link.url().username().is_empty() && link.url().password().is_none());
    prop_assert!(link.as_str().chars().count() <= MAX_URL_CHARS);
    let again = MeetingLink::parse(&link.to_string());
    prop_assert_eq!(again.as_ref(), Ok(link), "display of {:?} re-parses", link);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(input in any::<String>()) {
        if let Ok(link) = MeetingLink::parse(&input) {
            check_accepted(&link)?;
        }
    }

    #[test]
    fn invitation_like_text_never_panics(input in invitation_like()) {
        if let Ok(link) = MeetingLink::parse(&input) {
            check_accepted(&link)?;
        }
    }

    #[test]
    fn a_link_in_arbitrary_text_is_found(
        before in surrounding(),
        after in surrounding(),
        url in meeting_url(),
        wrap in 0usize..4,
    ) {
        let wrapped = match wrap {
            0 => url.clone(),
            1 => format!("<{url}>"),
            2 => format!("\"{url}\"."),
            _ => format!("({url})"),
        };
        let text = format!("{before} {wrapped}\n{after}");
        let link = MeetingLink::parse(&text);
        prop_assert_eq!(link.as_ref().map(MeetingLink::as_str), Ok(url.as_str()));
    }

    #[test]
    fn display_round_trips(url in meeting_url(), query in proptest::option::of("[a-z]{1,4}=[A-Za-z0-9]{0,6}")) {
        let url = match query {
            Some(q) => format!("{url}?{q}"),
            None => url,
        };
        let link = MeetingLink::parse(&url).map_err(|e| TestCaseError::fail(format!("{url}: {e}")))?;
        prop_assert_eq!(link.as_str(), url.as_str());
        check_accepted(&link)?;
    }
}
