//! Automatic rejoin with the same ApplicationSessionId (docs/design.md §5, docs/protocol.md §A.11,
//! §8.3).

use std::time::Duration;

use guest_join::api::wire::Route;
use guest_join::emulator::{Fault, FaultBody, LobbyPolicy, Role, ScriptedParticipant};
use guest_join::join::status::JoinEvent;
use guest_join::join::{FailureKind, Phase, SessionControl};

use crate::common::{self, Recorder};

const URL: &str = "https://meet.contoso.example/ada/REJN1234";

fn config() -> guest_join::emulator::EmulatorConfig {
    common::test_config(vec![common::meeting(
        URL,
        "Rejoin",
        LobbyPolicy::Open,
        None,
    )])
}

fn count(rec: &Recorder, pred: impl Fn(&JoinEvent) -> bool) -> usize {
    rec.events().iter().filter(|e| pred(e)).count()
}

fn start(
    demo: &guest_join::demo::Demo,
    name: &str,
) -> (
    Recorder,
    SessionControl,
    tokio::task::JoinHandle<guest_join::join::JoinStatus>,
    String,
) {
    let req = common::request(demo, URL, name);
    let session_id = req.application_session_id.clone();
    let (rec, control, handle) = common::spawn(req);
    (rec, control, handle, session_id)
}

async fn joined(rec: &Recorder) {
    common::until(rec, "the meeting", |evs| {
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
}

async fn reconnected(rec: &Recorder) {
    common::until(rec, "a rejoin", |evs| {
        evs.iter()
            .any(|e| matches!(e, JoinEvent::Reconnected { .. }))
    })
    .await;
}

/// Every application the emulator saw belongs to this one guest session.
fn assert_same_session(demo: &guest_join::demo::Demo, session_id: &str, apps: usize) {
    let all = demo.control().applications();
    assert_eq!(all.len(), apps, "{all:?}");
    assert!(all.iter().all(|a| a.session == session_id), "{all:?}");
    let tokens = demo
        .control()
        .journal()
        .iter()
        .filter(|j| j.route == Route::AnonTokens && j.session.as_deref() == Some(session_id))
        .count();
    assert_eq!(
        tokens, apps,
        "one token per application, all for the same ApplicationSessionId"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_application_rejoins_with_the_same_session_and_keeps_the_roster() {
    let demo = common::start(config()).await;
    let (rec, control, session, session_id) = start(&demo, "Rita");
    joined(&rec).await;
    let app = demo.control().applications()[0].id.clone();
    demo.control().drop_channel(&app, true).unwrap();
    reconnected(&rec).await;
    demo.control()
        .add_participant(
            URL,
            ScriptedParticipant::new("Newcomer", Role::Attendee, None),
        )
        .unwrap();
    common::until(&rec, "the newcomer", |evs| evs.iter().any(|e| matches!(e, JoinEvent::ParticipantJoined { participant } if participant.name == "Newcomer"))).await;
    control.leave();
    let status = session.await.unwrap();
    assert!(status.failure.is_none(), "{:?}", status.failure);
    assert_eq!((status.reconnections, status.left_cleanly), (1, Some(true)));
    let names: Vec<&str> = status.roster.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(
        status.roster.iter().filter(|p| p.me).count(),
        1,
        "one own entry after the rejoin"
    );
    assert_eq!(
        count(&rec, |e| matches!(e, JoinEvent::ParticipantLeft { .. })),
        0,
        "nobody left while the guest was away"
    );
    assert_same_session(&demo, &session_id, 2);
    assert!(
        count(&rec, |e| matches!(
            e,
            JoinEvent::Phase {
                phase: Phase::Reconnecting
            }
        )) >= 1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_token_rejoins() {
    let demo = common::start(config()).await;
    let (rec, control, session, session_id) = start(&demo, "Tia");
    joined(&rec).await;
    assert!(demo.control().expire_tokens(Some(&session_id)) >= 1);
    reconnected(&rec).await;
    control.leave();
    let status = session.await.unwrap();
    assert!(status.failure.is_none(), "{:?}", status.failure);
    assert_eq!(status.reconnections, 1);
    assert_same_session(&demo, &session_id, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_near_expiry_is_renewed_before_it_expires() {
    let mut config = config();
    config.token_lifetime = Duration::from_secs(9);
    let demo = common::start(config).await;
    let (rec, control, session, session_id) = start(&demo, "Ren");
    joined(&rec).await;
    reconnected(&rec).await;
    let reasons: Vec<String> = rec
        .events()
        .iter()
        .filter_map(|e| match e {
            JoinEvent::Reconnecting { reason, .. } => Some(reason.clone()),
            _ => None,
        })
        .collect();
    assert!(reasons[0].contains("expires soon"), "{reasons:?}");
    control.leave();
    let status = session.await.unwrap();
    assert!(status.failure.is_none(), "{:?}", status.failure);
    let unauthorized = demo
        .control()
        .journal()
        .iter()
        .filter(|j| j.status == 401)
        .count();
    assert_eq!(
        unauthorized, 0,
        "renewed before the server ever refused the token"
    );
    assert_eq!(
        demo.control()
            .applications()
            .iter()
            .filter(|a| a.session == session_id)
            .count(),
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_failed_rejoin_attempts_end_in_a_clear_failure() {
    let demo = common::start(config()).await;
    let (rec, _control, session, _) = start(&demo, "Fay");
    joined(&rec).await;
    demo.control().add_fault(Fault::fail(
        Route::CreateApplication,
        1000,
        503,
        FaultBody::Ucwa,
    ));
    let app = demo.control().applications()[0].id.clone();
    demo.control().drop_channel(&app, true).unwrap();
    let status = tokio::time::timeout(Duration::from_secs(30), session)
        .await
        .expect("ends")
        .unwrap();
    let f = status.failure.expect("fails");
    assert_eq!(f.kind, FailureKind::ConnectionLost);
    assert!(
        f.message.contains("could not rejoin after 3 attempt"),
        "{}",
        f.message
    );
    let attempts: Vec<u32> = rec
        .events()
        .iter()
        .filter_map(|e| match e {
            JoinEvent::Reconnecting {
                attempt,
                max_attempts: 3,
                ..
            } => Some(*attempt),
            _ => None,
        })
        .collect();
    assert_eq!(attempts, vec![1, 2, 3]);
    for a in demo.control().applications() {
        assert!(!a.in_meeting, "no ghost guest: {a:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_instance_is_not_fought_over() {
    let demo = common::start(config()).await;
    let (rec, _control, session, _) = start(&demo, "Ivy");
    joined(&rec).await;
    let app = demo.control().applications()[0].id.clone();
    for _ in 0..200 {
        if demo.control().replace_channel(&app).unwrap() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let status = session.await.unwrap();
    assert_eq!(
        status.failure.map(|f| f.subcode),
        Some(Some("PGetReplaced".into()))
    );
    assert_eq!(
        count(&rec, |e| matches!(e, JoinEvent::Reconnecting { .. })),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_application_is_rejoined_or_reported_as_inactivity() {
    let demo = common::start(config()).await;
    let (rec, control, session, session_id) = start(&demo, "Ina");
    joined(&rec).await;
    demo.control().expire_application(&session_id).unwrap();
    reconnected(&rec).await;
    control.leave();
    assert!(session.await.unwrap().failure.is_none());

    let mut req = common::request(&demo, URL, "Otto");
    req.limits.rejoin_attempts = 0;
    let session_id = req.application_session_id.clone();
    let (rec, _control, session) = common::spawn(req);
    joined(&rec).await;
    demo.control().expire_application(&session_id).unwrap();
    let status = session.await.unwrap();
    let f = status.failure.expect("ends");
    assert_eq!(
        (f.kind, f.id, f.subcode.as_deref()),
        (
            FailureKind::Inactive,
            "GJ-INACTIVE",
            Some("InactiveApplicationExpired")
        )
    );
}
