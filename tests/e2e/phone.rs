//! Hearing the meeting by phone: the meeting's dial-in details reach the guest in the lobby
//! (engine) and in `join`'s output (human and JSON); a meeting without dial-in shows none.

use std::time::Duration;

use guest_join::emulator::{DialIn, LobbyPolicy, MeetingPhone, MeetingSpec};
use guest_join::join::status::JoinEvent;
use guest_join::join::{Phase, SessionControl};

use crate::common::binary::{json_lines, run_binary, stderr, stdout};
use crate::common::{self};

const WITH: &str = "https://meet.contoso.example/grace/PHONE123";
const WITHOUT: &str = "https://meet.contoso.example/ada/NOPHONE1";

fn config() -> guest_join::emulator::EmulatorConfig {
    common::test_config(vec![
        MeetingSpec {
            phone: MeetingPhone {
                dial_in: Some(DialIn::sample_with_provider()),
            },
            ..common::meeting(
                WITH,
                "Advice by phone",
                LobbyPolicy::AdmitAfter(Duration::from_millis(1500)),
                None,
            )
        },
        common::meeting(WITHOUT, "Chat only", LobbyPolicy::Open, None),
    ])
}

fn position(events: &[JoinEvent], pred: impl Fn(&JoinEvent) -> bool) -> Option<usize> {
    events.iter().position(pred)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dial_in_details_arrive_before_admission() {
    let demo = common::start(config()).await;
    let (status, events) = common::join(
        &common::request(&demo, WITH, "Pat"),
        &SessionControl::new(),
        true,
    )
    .await;
    assert!(status.joined, "{:?}", status.failure);
    assert!(
        events.iter().any(|e| matches!(
            e,
            JoinEvent::Phase {
                phase: Phase::InLobby
            }
        )),
        "a lobby"
    );
    let dial_in = position(&events, |e| matches!(e, JoinEvent::DialIn { .. })).expect("dial-in");
    let admitted = position(&events, |e| {
        matches!(
            e,
            JoinEvent::Phase {
                phase: Phase::InMeeting
            }
        )
    })
    .expect("admitted");
    assert!(
        dial_in < admitted,
        "known while the guest waits to be let in"
    );
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e, JoinEvent::DialIn { .. }))
            .count(),
        1,
        "told once"
    );
    let d = status.dial_in.expect("kept in the status");
    let numbers: Vec<(&str, &str, bool)> = d
        .numbers
        .iter()
        .map(|n| (n.region.as_str(), n.number.as_str(), n.default))
        .collect();
    assert_eq!(
        numbers,
        [
            ("Berlin", "+493023125100", true),
            ("Redmond", "+14255550123", false)
        ]
    );
    assert_eq!(d.conference_id.as_deref(), Some("12983487"));
    assert_eq!(d.dial_string("+493023125100"), "+493023125100,,12983487#");
    assert_eq!(
        d.directory_url.as_deref(),
        Some("https://dialin.contoso.example/")
    );
    let provider = d.provider.expect("the provider is enabled");
    assert_eq!(provider.passcode.as_deref(), Some("4477120"));
    assert_eq!(provider.toll_free_numbers, ["+18885550199"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_without_dial_in_shows_none() {
    let demo = common::start(config()).await;
    let (status, events) = common::join(
        &common::request(&demo, WITHOUT, "Pat"),
        &SessionControl::new(),
        true,
    )
    .await;
    assert!(status.joined, "{:?}", status.failure);
    assert!(status.dial_in.is_none());
    assert!(!events.iter().any(|e| matches!(e, JoinEvent::DialIn { .. })));
}

#[test]
fn join_prints_the_demo_meetings_dial_in_details() {
    let out = run_binary(&["join", "--demo", "--name", "Ada"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "  phone Join by phone: +493023125100  (Berlin, default)",
        "        Conference ID: 12983487",
        "        Dial in one go: +493023125100,,12983487#",
        "        Find a local number: https://dialin.contoso.example/",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }

    let out = run_binary(&["join", "--demo", "--name", "Ada", "--json"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    let dial_in = lines
        .iter()
        .find(|l| l["type"] == "dial_in")
        .expect("a dial_in event line");
    assert_eq!(dial_in["dial_in"]["conference_id"], "12983487");
    assert_eq!(dial_in["dial_in"]["numbers"][0]["number"], "+493023125100");
    assert_eq!(dial_in["dial_in"]["numbers"][0]["default"], true);
    assert!(dial_in["dial_in"]["provider"].is_null());

    // The quick demo meeting has no dial-in: no line about it.
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            guest_join::demo::QUICK_MEETING_URL,
            "--name",
            "Ada",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!json_lines(&out).iter().any(|l| l["type"] == "dial_in"));
}
