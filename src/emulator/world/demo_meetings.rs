//! The demo meetings of `--demo`, the GUI's first run and `guest-join emulator`: their join
//! links for flow A (on a reserved host that never resolves) and for the direct mode (as their
//! organizers' deployment, `contoso.example`, publishes them).

use std::time::Duration;

use crate::emulator::config::{
    DialIn, DialOut, EventStyle, LobbyPolicy, MeetingPhone, MeetingSpec, PhoneScript, Role,
    ScriptedParticipant,
};

/// Host of the demo meetings: a reserved, unresolvable name, so demo URLs never leave the machine.
pub const DEMO_MEETING_HOST: &str = "meet.demo.guest-join.invalid";
/// Open demo meeting (no lobby), detailed events.
pub const DEMO_OPEN_URL: &str = "https://meet.demo.guest-join.invalid/ada/OPEN1234";
/// Demo meeting with a lobby; the guest is admitted after 3 s.
pub const DEMO_LOBBY_URL: &str = "https://meet.demo.guest-join.invalid/grace/LOBBY123";
/// Demo meeting with a lobby; the guest is denied after 2 s.
pub const DEMO_DENY_URL: &str = "https://meet.demo.guest-join.invalid/alan/DENY1234";
/// Open demo meeting whose join arrives as one collapsed event batch.
pub const DEMO_QUICK_URL: &str = "https://meet.demo.guest-join.invalid/linus/QUICK123";
/// Open demo meeting of 250 people (the guest among them) with a steady chat: a message a
/// second from its attendees in turn.
pub const DEMO_TOWN_HALL_URL: &str = "https://meet.demo.guest-join.invalid/hana/TOWNHALL";
/// People in the town-hall meeting besides the guest: the organizer, two more organizers and
/// attendees with made-up names.
pub const TOWN_HALL_MEMBERS: usize = 249;
/// Every demo meeting URL, for help texts.
pub const DEMO_MEETING_URLS: [&str; 4] =
    [DEMO_OPEN_URL, DEMO_LOBBY_URL, DEMO_DENY_URL, DEMO_QUICK_URL];
/// Flow A join URL of the demo meeting without guest access (reached in direct mode through
/// [`DEMO_DIRECT_NO_GUESTS_URL`]).
const DEMO_NO_GUESTS_URL: &str = "https://meet.demo.guest-join.invalid/edsger/NOGUEST1";

/// Direct mode (flow B, on-premises): the open demo meeting as its organizer's deployment
/// publishes it; the client derives the conference URI from organizer and id.
pub const DEMO_DIRECT_OPEN_URL: &str = "https://meet.contoso.example/ada/OPEN1234";
/// Direct mode: the demo meeting with a lobby that admits.
pub const DEMO_DIRECT_LOBBY_URL: &str = "https://meet.contoso.example/grace/LOBBY123";
/// Direct mode: the demo meeting with a lobby that denies.
pub const DEMO_DIRECT_DENY_URL: &str = "https://meet.contoso.example/alan/DENY1234";
/// Direct mode: an open demo meeting whose WebTicket refuses the anonymous meeting grant.
pub const DEMO_DIRECT_NO_GUESTS_URL: &str = "https://meet.contoso.example/edsger/NOGUEST1";
/// Every direct-mode demo meeting URL, for help texts.
pub const DEMO_DIRECT_MEETING_URLS: [&str; 4] = [
    DEMO_DIRECT_OPEN_URL,
    DEMO_DIRECT_LOBBY_URL,
    DEMO_DIRECT_DENY_URL,
    DEMO_DIRECT_NO_GUESTS_URL,
];

fn demo_meeting(
    url: &str,
    organizer: &str,
    id: &str,
    subject: &str,
    policy: LobbyPolicy,
    style: EventStyle,
) -> MeetingSpec {
    let mut leader = organizer.to_string();
    if let Some(first) = leader.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    MeetingSpec {
        join_url: url.to_string(),
        organizer: organizer.to_string(),
        conference_id: id.to_string(),
        subject: subject.to_string(),
        policy,
        participants: vec![
            ScriptedParticipant::new(
                &format!("{leader} (organizer)"),
                Role::Leader,
                Some("Welcome! Thanks for joining, we will start in a minute."),
            ),
            ScriptedParticipant::new("Sam Support", Role::Attendee, None),
        ],
        event_style: style,
        anonymous_join: true,
        html_messages: false,
        chatter_ms: None,
        phone: MeetingPhone::default(),
    }
}

/// `spec` with dial-in conferencing, and "call me" as `dial_out` says (the phone answers).
fn with_phone(spec: MeetingSpec, dial_in: DialIn, dial_out: DialOut) -> MeetingSpec {
    MeetingSpec {
        phone: MeetingPhone {
            dial_in: Some(dial_in),
            dial_out,
            script: PhoneScript::default(),
        },
        ..spec
    }
}

/// The demo meetings used by `--demo` and `guest-join emulator` (see the `DEMO_*_URL` constants):
/// the open and the lobby meeting have dial-in (the lobby one also an audio conference
/// provider, and "call me", which rings and is answered), the others none.
pub fn demo_meetings() -> Vec<MeetingSpec> {
    vec![
        with_phone(
            demo_meeting(
                DEMO_OPEN_URL,
                "ada",
                "OPEN1234",
                "Open demo meeting",
                LobbyPolicy::Open,
                EventStyle::Detailed,
            ),
            DialIn::sample(),
            DialOut::NotOffered,
        ),
        with_phone(
            demo_meeting(
                DEMO_LOBBY_URL,
                "grace",
                "LOBBY123",
                "Lobby demo meeting",
                LobbyPolicy::AdmitAfter(Duration::from_secs(3)),
                EventStyle::Detailed,
            ),
            DialIn::sample_with_provider(),
            DialOut::Allowed,
        ),
        demo_meeting(
            DEMO_DENY_URL,
            "alan",
            "DENY1234",
            "Denied demo meeting",
            LobbyPolicy::DenyAfter(Duration::from_secs(2)),
            EventStyle::Detailed,
        ),
        demo_meeting(
            DEMO_QUICK_URL,
            "linus",
            "QUICK123",
            "Quick demo meeting",
            LobbyPolicy::Open,
            EventStyle::Collapsed,
        ),
        MeetingSpec {
            anonymous_join: false,
            ..demo_meeting(
                DEMO_NO_GUESTS_URL,
                "edsger",
                "NOGUEST1",
                "Meeting without guest access",
                LobbyPolicy::Open,
                EventStyle::Detailed,
            )
        },
        town_hall(),
    ]
}

/// The town-hall meeting: [`TOWN_HALL_MEMBERS`] people, a message a second.
fn town_hall() -> MeetingSpec {
    let base = demo_meeting(
        DEMO_TOWN_HALL_URL,
        "hana",
        "TOWNHALL",
        "Town hall: the year ahead",
        LobbyPolicy::Open,
        EventStyle::Detailed,
    );
    let mut participants = vec![
        ScriptedParticipant::new(
            "Hana (organizer)",
            Role::Leader,
            Some("Welcome to the town hall! Questions in the chat, please."),
        ),
        ScriptedParticipant::new("Marcus Webb", Role::Leader, None),
        ScriptedParticipant::new("Priya Raman", Role::Leader, None),
    ];
    let attendees = TOWN_HALL_MEMBERS - participants.len();
    participants.extend(super::crowd::crowd(0, attendees));
    MeetingSpec {
        participants,
        chatter_ms: Some(1_000),
        ..base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::config::EmulatorConfig;

    #[test]
    fn demo_meetings_match_the_constants() {
        let demos = demo_meetings();
        let urls: Vec<&str> = demos.iter().map(|m| m.join_url.as_str()).collect();
        assert_eq!(urls[..4], DEMO_MEETING_URLS);
        assert_eq!(urls[4], DEMO_NO_GUESTS_URL);
        let guests: Vec<bool> = demos.iter().map(|m| m.anonymous_join).collect();
        assert_eq!(guests, [true, true, true, true, false, true]);
        for m in &demos[..5] {
            assert!(
                m.join_url
                    .starts_with(&format!("https://{DEMO_MEETING_HOST}/"))
            );
            assert!(m.join_url.ends_with(&m.conference_id));
            let roles: Vec<Role> = m.participants.iter().map(|p| p.role).collect();
            assert_eq!(roles, [Role::Leader, Role::Attendee]);
            let greetings = m.participants.iter().filter_map(|p| p.greeting.as_deref());
            assert!(greetings.collect::<Vec<_>>()[0].starts_with("Welcome!"));
        }
        assert_eq!(
            demos[0].conference_uri("contoso.example"),
            "sip:ada@contoso.example;gruu;opaque=app:conf:focus:id:OPEN1234"
        );
        assert_eq!(demos[0].subject, "Open demo meeting");
        assert_eq!(
            demos[1].policy,
            LobbyPolicy::AdmitAfter(Duration::from_secs(3))
        );
        assert_eq!(
            demos[2].policy,
            LobbyPolicy::DenyAfter(Duration::from_secs(2))
        );
        assert_eq!(demos[3].event_style, EventStyle::Collapsed);
        assert_eq!(demos[4].subject, "Meeting without guest access");
        let dial_in: Vec<bool> = demos.iter().map(|m| m.phone.dial_in.is_some()).collect();
        assert_eq!(dial_in, [true, true, false, false, false, false]);
        let call_me: Vec<DialOut> = demos.iter().map(|m| m.phone.dial_out).collect();
        assert_eq!(call_me[..2], [DialOut::NotOffered, DialOut::Allowed]);
        assert_eq!(demos[4].policy, LobbyPolicy::Open);
        let hall = &demos[5];
        assert_eq!(hall.join_url, DEMO_TOWN_HALL_URL);
        assert_eq!(hall.participants.len(), TOWN_HALL_MEMBERS);
        let leaders = hall.participants.iter().filter(|p| p.role == Role::Leader);
        assert_eq!(leaders.count(), 3);
        assert_eq!(hall.chatter_ms, Some(1_000));
    }

    /// What the direct-mode client derives from a simple URL: (organizer, id, conference URI).
    fn derived_conference_uri(url: &str) -> (String, String, String) {
        let (_, m) = crate::join::DirectMeeting::parse(url).unwrap();
        (m.organizer, m.conference_key, m.conference_uri)
    }

    #[test]
    fn direct_demo_urls_map_to_the_demo_meetings() {
        let tenant = EmulatorConfig::default().tenant;
        let demos = demo_meetings();
        for url in DEMO_DIRECT_MEETING_URLS {
            let (organizer, id, uri) = derived_conference_uri(url);
            let m = demos
                .iter()
                .find(|m| m.organizer == organizer && m.conference_id == id)
                .unwrap_or_else(|| panic!("no demo meeting for {url}"));
            assert_eq!(m.conference_uri(&tenant), uri, "{url}");
        }
        let no_guests = derived_conference_uri(DEMO_DIRECT_NO_GUESTS_URL).2;
        let m = demos
            .iter()
            .find(|m| m.conference_uri(&tenant) == no_guests);
        assert_eq!(m.map(|m| m.anonymous_join), Some(false));
        let distinct: std::collections::BTreeSet<&str> =
            DEMO_DIRECT_MEETING_URLS.into_iter().collect();
        assert_eq!(distinct.len(), DEMO_DIRECT_MEETING_URLS.len());
    }
}
