//! The meeting field: any pasted text (a URL, an invitation, garbage) → `MeetingLink`, and the
//! display-name field. Nothing may panic; an accepted link re-parses to itself.

#![no_main]

use guest_join::join::{DisplayName, MeetingLink};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(link) = MeetingLink::parse(&text) {
        assert_eq!(link.url().scheme(), "https");
        assert!(!link.host().is_empty());
        let again = MeetingLink::parse(&link.to_string()).expect("an accepted link re-parses");
        assert_eq!(again, link);
    }
    if let Ok(name) = DisplayName::parse(&text) {
        let again = DisplayName::parse(name.as_str()).expect("an accepted name re-parses");
        assert_eq!(again, name);
    }
});
