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
                ..MeetingPhone::default()
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

// ---- "call me" ----

use guest_join::api::wire::Route;
use guest_join::emulator::{DialOut, PhoneOutcome, PhoneScript};
use guest_join::join::phone_leg::{PhoneFailureKind, PhoneLeg, PhoneState};
use guest_join::join::phone_number::PhoneNumber;

use crate::common::Recorder;

const CALL: &str = "https://meet.contoso.example/ada/CALLME01";
/// A number in the North American range reserved for fiction.
const NUMBER: &str = "+1 425 555 0100";

fn call_config(
    dial_out: DialOut,
    outcome: PhoneOutcome,
    after_ms: u64,
) -> guest_join::emulator::EmulatorConfig {
    common::test_config(vec![MeetingSpec {
        phone: MeetingPhone {
            dial_in: None,
            dial_out,
            script: PhoneScript {
                outcome,
                after_ms,
                hang_up_after_ms: None,
            },
        },
        ..common::meeting(CALL, "Call me", LobbyPolicy::Open, None)
    }])
}

fn legs(rec: &Recorder) -> Vec<PhoneLeg> {
    rec.events()
        .into_iter()
        .filter_map(|e| match e {
            JoinEvent::Phone { leg } => Some(leg),
            _ => None,
        })
        .collect()
}

fn states(rec: &Recorder) -> Vec<PhoneState> {
    legs(rec).iter().map(|l| l.state).collect()
}

/// A session in CALL that asked for a call once the meeting offered it.
async fn calling(demo: &guest_join::demo::Demo) -> common::Running {
    let running = common::spawn(common::request(demo, CALL, "Pat"));
    common::until(&running.0, "call me offered", |evs| {
        evs.iter()
            .any(|e| matches!(e, JoinEvent::PhoneOffered { offered: true }))
    })
    .await;
    running.1.call_me(PhoneNumber::parse(NUMBER, None).unwrap());
    running
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn call_me_rings_connects_and_hangs_up() {
    let demo = common::start(call_config(DialOut::Allowed, PhoneOutcome::Answer, 300)).await;
    let (rec, control, session) = calling(&demo).await;
    common::until(&rec, "connected", |_| {
        states(&rec).contains(&PhoneState::Connected)
    })
    .await;
    assert_eq!(states(&rec), [PhoneState::Ringing, PhoneState::Connected]);
    assert_eq!(legs(&rec)[0].number, "+1 ••• ••• 00", "masked");
    control.hang_up();
    common::until(&rec, "ended", |_| states(&rec).contains(&PhoneState::Ended)).await;
    let calls = demo.control().phone(CALL).unwrap().1;
    assert_eq!(calls[0].number, "+14255550100", "sent as E.164");
    assert_eq!(calls[0].state, "stopped");
    // Another call may follow; then leaving stops it first.
    control.call_me(PhoneNumber::parse(NUMBER, None).unwrap());
    common::until(&rec, "ringing again", |_| {
        states(&rec)
            .iter()
            .filter(|s| **s == PhoneState::Ringing)
            .count()
            == 2
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    assert_eq!(status.left_cleanly, Some(true));
    assert_eq!(
        status.phone.leg.as_ref().map(|l| l.state),
        Some(PhoneState::Ended)
    );
    let calls = demo.control().phone(CALL).unwrap().1;
    // Stopped by the guest, or (when the leave came before the ringing's first event) ended
    // with the conversation.
    assert!(
        ["stopped", "left"].contains(&calls[1].state.as_str()),
        "{calls:?}"
    );
    let routes: Vec<Route> = common::routes(&demo).into_iter().map(|(r, _)| r).collect();
    let stop = routes
        .iter()
        .rposition(|r| *r == Route::StopPhoneAudio)
        .unwrap();
    let delete = routes
        .iter()
        .rposition(|r| *r == Route::DeleteConversation)
        .unwrap();
    assert!(
        stop < delete,
        "the call is stopped before the conversation goes"
    );
    assert!(routes.contains(&Route::DeleteApplication));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_busy_and_no_answer_say_why() {
    for (dial_out, outcome, kind, http, subcode) in [
        (
            DialOut::RefusedAtOnce,
            PhoneOutcome::Answer,
            PhoneFailureKind::NotAllowed,
            Some(403),
            "DialoutNotAllowed",
        ),
        (
            DialOut::RefusedLater,
            PhoneOutcome::Answer,
            PhoneFailureKind::NotAllowed,
            None,
            "DialoutNotAllowed",
        ),
        (
            DialOut::Allowed,
            PhoneOutcome::Busy,
            PhoneFailureKind::Busy,
            None,
            "Busy",
        ),
        (
            DialOut::Allowed,
            PhoneOutcome::NoAnswer,
            PhoneFailureKind::NoAnswer,
            None,
            "Timeout",
        ),
        (
            DialOut::Allowed,
            PhoneOutcome::Decline,
            PhoneFailureKind::Declined,
            None,
            "PstnCallFailed",
        ),
    ] {
        let demo = common::start(call_config(dial_out, outcome, 100)).await;
        let (rec, control, session) = calling(&demo).await;
        common::until(&rec, "the call failed", |_| {
            states(&rec).contains(&PhoneState::Failed)
        })
        .await;
        let leg = legs(&rec).pop().unwrap();
        let failure = leg.failure.unwrap();
        assert_eq!(failure.kind, kind, "{dial_out:?} {outcome:?}");
        assert_eq!(failure.http_status, http, "{dial_out:?} {outcome:?}");
        assert_eq!(failure.subcode.as_deref(), Some(subcode));
        assert!(!failure.message.is_empty());
        control.leave();
        let status = session.await.unwrap();
        assert_eq!(status.left_cleanly, Some(true));
        demo.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_while_ringing_ends_the_call_and_the_application() {
    let demo = common::start(call_config(DialOut::Allowed, PhoneOutcome::Answer, 30_000)).await;
    let (rec, control, session) = calling(&demo).await;
    common::until(&rec, "ringing", |_| {
        states(&rec).contains(&PhoneState::Ringing)
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    assert_eq!(status.left_cleanly, Some(true));
    let calls = demo.control().phone(CALL).unwrap().1;
    assert_eq!(calls[0].state, "stopped");
    let apps = demo.control().applications();
    assert!(apps.iter().all(|a| a.ended.is_some()), "{apps:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_without_call_me_does_not_offer_it() {
    let demo = common::start(call_config(DialOut::NotOffered, PhoneOutcome::Answer, 100)).await;
    let (rec, control, session) = common::spawn(common::request(&demo, CALL, "Pat"));
    common::until(&rec, "in the meeting", |evs| {
        evs.iter().any(|e| {
            matches!(
                e,
                JoinEvent::Phase {
                    phase: Phase::InMeeting
                }
            )
        })
    })
    .await;
    control.call_me(PhoneNumber::parse(NUMBER, None).unwrap());
    common::until(&rec, "refused here", |_| {
        states(&rec).contains(&PhoneState::Failed)
    })
    .await;
    assert_eq!(
        legs(&rec)[0].failure.as_ref().unwrap().kind,
        PhoneFailureKind::Unavailable
    );
    assert!(
        !rec.events()
            .iter()
            .any(|e| matches!(e, JoinEvent::PhoneOffered { offered: true }))
    );
    control.leave();
    session.await.unwrap();
    let routes: Vec<Route> = common::routes(&demo).into_iter().map(|(r, _)| r).collect();
    assert!(!routes.contains(&Route::AddPhoneAudio), "nothing was sent");
}

#[test]
fn join_call_me_reports_the_call_and_a_bad_number_never_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("phone.xml");
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            guest_join::demo::LOBBY_MEETING_URL,
            "--name",
            "Ada",
            "--call-me",
            NUMBER,
            "--json",
            "--junit",
            junit.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    let states: Vec<&str> = lines
        .iter()
        .filter(|l| l["type"] == "phone")
        .filter_map(|l| l["leg"]["state"].as_str())
        .collect();
    assert_eq!(states, ["ringing", "connected", "ended"]);
    let result = lines.last().unwrap();
    assert_eq!(result["phone"]["number"], "+1 ••• ••• 00");
    let text = stdout(&out);
    assert!(
        !text.contains("4255550100") && !text.contains("425 555"),
        "{text}"
    );
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("name=\"phone\""), "{xml}");
    assert!(!xml.contains("<failure"), "{xml}");

    // Human output.
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            guest_join::demo::LOBBY_MEETING_URL,
            "--name",
            "Ada",
            "--call-me",
            "425 555 0100",
            "--phone-region",
            "us",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "  phone Calling your phone +1 ••• ••• 00…",
        "  phone Your phone +1 ••• ••• 00 is connected to the meeting",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }

    // A bad number is bad input: nothing starts, the number is not repeated.
    for (number, says) in [
        ("call me maybe", "call-me: a phone number holds digits"),
        ("030 1234567", "call-me: a number without its country code"),
        ("+49 1", "call-me: this is not a phone number"),
    ] {
        let out = run_binary(
            &[
                "join",
                "--demo",
                "--name",
                "Ada",
                "--call-me",
                number,
                "--culture",
                "en",
            ],
            &[],
        );
        assert_eq!(out.status.code(), Some(2), "{number}");
        let err = stderr(&out);
        assert!(err.contains(says), "{number}: {err}");
        assert!(!stdout(&out).contains("Joining"), "nothing started");
    }
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--name",
            "Ada",
            "--call-me",
            "030 1234567",
            "--phone-region",
            "Mars",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("phone-region"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_that_does_not_connect_exits_9_with_a_failed_junit_case() {
    let demo = common::start(call_config(
        DialOut::RefusedAtOnce,
        PhoneOutcome::Answer,
        100,
    ))
    .await;
    let token_url = demo.token_url().to_string();
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("phone.xml");
    let junit_arg = junit.to_str().unwrap().to_string();
    let out = tokio::task::spawn_blocking(move || {
        run_binary(
            &[
                "join",
                "--service",
                &token_url,
                "--origin",
                common::ORIGIN,
                "--meeting",
                CALL,
                "--name",
                "Pat",
                "--call-me",
                NUMBER,
                "--json",
                "--junit",
                &junit_arg,
            ],
            &[],
        )
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    let result = json_lines(&out).pop().unwrap();
    assert_eq!(result["outcome"], "joined_phone_failed");
    assert_eq!(result["phone"]["failure"]["kind"], "not_allowed");
    assert_eq!(result["phone"]["failure"]["subcode"], "DialoutNotAllowed");
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("phone-not_allowed"), "{xml}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejoin_does_not_ring_the_phone_again() {
    let demo = common::start(call_config(DialOut::Allowed, PhoneOutcome::Answer, 100)).await;
    let (rec, control, session) = calling(&demo).await;
    common::until(&rec, "connected", |_| {
        states(&rec).contains(&PhoneState::Connected)
    })
    .await;
    let app = demo.control().applications()[0].id.clone();
    demo.control().drop_channel(&app, true).unwrap();
    common::until(&rec, "a rejoin and call me offered again", |evs| {
        let rejoined = evs
            .iter()
            .any(|e| matches!(e, JoinEvent::Reconnected { .. }));
        let withdrawn = evs
            .iter()
            .rposition(|e| matches!(e, JoinEvent::PhoneOffered { offered: false }));
        let offered = evs
            .iter()
            .rposition(|e| matches!(e, JoinEvent::PhoneOffered { offered: true }));
        rejoined && matches!((withdrawn, offered), (Some(w), Some(o)) if o > w)
    })
    .await;
    // The call went with the lost conversation, said so, and was not made again.
    let last = legs(&rec).pop().unwrap();
    assert_eq!(last.state, PhoneState::Failed);
    assert_eq!(last.failure.unwrap().kind, PhoneFailureKind::ConnectionLost);
    control.leave();
    let status = session.await.unwrap();
    assert_eq!(status.reconnections, 1);
    let routes: Vec<Route> = common::routes(&demo).into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        routes
            .iter()
            .filter(|r| **r == Route::AddPhoneAudio)
            .count(),
        1,
        "rung once"
    );
    let calls = demo.control().phone(CALL).unwrap().1;
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].state, "left");
}
