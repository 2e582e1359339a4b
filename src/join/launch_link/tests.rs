//! Every form the desktop may hand over, and what the form is filled with.

use super::*;
use crate::join::{DirectMeeting, MeetingLink, MeetingLinkError};

const MEETING: &str = "https://meet.contoso.com/ada/PSDFOZC4";
const CONFERENCE: &str = "sip:ada@contoso.com;gruu;opaque=app:conf:focus:id:PSDFOZC4";

fn link(meeting: &str) -> LaunchLink {
    LaunchLink {
        meeting: meeting.into(),
        ..LaunchLink::default()
    }
}

#[test]
fn the_join_pages_launch_links_carry_the_meeting_link() {
    let encoded = "https%3A%2F%2Fmeet.contoso.com%2Fada%2FPSDFOZC4";
    for input in [
        format!("lync15:confjoin?url={MEETING}"),
        format!("lync15:confjoin?url={encoded}"),
        format!("LYNC15:confjoin?url={encoded}"),
        format!("lync15classic:confjoin?url={encoded}"),
        format!("lync15mlx:confjoin?url={MEETING}"),
        format!("lync15://confjoin?url={encoded}"),
        format!("lync://confjoin?url={MEETING}"),
        format!("lync:confjoin?url={encoded}"),
        format!("  {MEETING}\n"),
    ] {
        let l = LaunchLink::parse(&input);
        assert_eq!(l, link(MEETING), "{input}");
        assert!(MeetingLink::parse(&l.meeting).is_ok(), "{input}");
    }
    // The page passes its own URL as it is: a query of the meeting link stays whole.
    let with_query = "https://meet.contoso.com/ada/PSDFOZC4?sl=1&x=2";
    assert_eq!(
        LaunchLink::parse(&format!("lync15:confjoin?url={with_query}")).meeting,
        with_query
    );
}

#[test]
fn the_conf_fallback_link_is_a_conference_address_for_the_direct_mode() {
    let l = LaunchLink::parse(&format!("conf:{CONFERENCE}%3Frequired-media=audio"));
    assert_eq!(l.meeting, CONFERENCE);
    assert!(l.direct);
    assert!(DirectMeeting::parse(&l.meeting).is_ok());
    assert_eq!(
        LaunchLink::parse(&format!("conf:{CONFERENCE}")).meeting,
        CONFERENCE
    );
}

#[test]
fn the_apps_own_links_fill_name_and_service_too() {
    let l = LaunchLink::parse(
        "guest-join:join?url=https%3A%2F%2Fmeet.contoso.com%2Fada%2FPSDFOZC4&name=J%C3%B6rg%20Gast&profile=Contoso",
    );
    assert_eq!(l.meeting, MEETING);
    assert_eq!(l.name.as_deref(), Some("Jörg Gast"));
    assert_eq!(l.profile.as_deref(), Some("Contoso"));
    assert!(!l.direct);
    let l = LaunchLink::parse(&format!(
        "guest-join:join?url=conf%3A{}",
        CONFERENCE.replace(':', "%3A").replace(';', "%3B")
    ));
    assert_eq!(l.meeting, CONFERENCE);
    assert!(l.direct);
    // Empty values are no values.
    let l = LaunchLink::parse("guest-join:join?url=&name=%20");
    assert_eq!((l.meeting.as_str(), l.name), ("", None));
}

#[test]
fn foreign_or_broken_links_go_to_the_form_as_they_are() {
    for input in [
        "mailto:ada@contoso.com",
        "lync15:call?url=https://x",
        "lync15:confjoin",
        "guest-join:settings",
        "not a link at all",
    ] {
        let l = LaunchLink::parse(input);
        assert_eq!(l, link(input), "{input}");
        assert!(MeetingLink::parse(&l.meeting).is_err(), "{input}");
    }
    // A mobile chat link is not a join link either; the form finds the meeting link inside
    // it as in any pasted text.
    let mobile = "ms-sfb://chat?url=https://meet.contoso.com/ada/X";
    assert_eq!(LaunchLink::parse(mobile), link(mobile));
    // An http meeting link inside a launch link: the form says why it cannot be used.
    let l = LaunchLink::parse("lync15:confjoin?url=http%3A%2F%2Fmeet.contoso.com%2Fada%2FX");
    assert_eq!(
        MeetingLink::parse(&l.meeting),
        Err(MeetingLinkError::NotHttps {
            scheme: "http".into()
        })
    );
    // Control characters never reach the form; nor does an endless link.
    assert_eq!(
        LaunchLink::parse("https://a\u{7}b/c").meeting,
        "https://ab/c"
    );
    let long = format!("https://x/{}", "a".repeat(20_000));
    assert_eq!(
        LaunchLink::parse(&long).meeting.chars().count(),
        MAX_LAUNCH_CHARS
    );
}

#[test]
fn the_desktop_file_registers_every_scheme_and_passes_the_link() {
    let desktop = include_str!("../../../assets/guest-join.desktop");
    let line = |key: &str| {
        desktop
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}"))
    };
    assert_eq!(line("Exec"), "guest-join %u");
    let mut registered: Vec<&str> = line("MimeType")
        .split(';')
        .filter(|m| !m.is_empty())
        .map(|m| m.strip_prefix("x-scheme-handler/").unwrap_or(m))
        .collect();
    registered.sort_unstable();
    let mut ours = SCHEMES.to_vec();
    ours.sort_unstable();
    assert_eq!(registered, ours);
    // Each registered scheme is one the parser reads.
    for scheme in SCHEMES {
        let sample = match scheme {
            "conf" => format!("conf:{CONFERENCE}"),
            APP_SCHEME => {
                format!("{APP_SCHEME}:join?url=https%3A%2F%2Fmeet.contoso.com%2Fada%2FPSDFOZC4")
            }
            s => format!("{s}:confjoin?url={MEETING}"),
        };
        let l = LaunchLink::parse(&sample);
        assert!(l.meeting == MEETING || l.meeting == CONFERENCE, "{sample}");
    }
}
