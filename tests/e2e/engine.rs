//! The engine against the in-process emulator and reference service application.

use std::time::Duration;

use guest_join::api::wire::Route;
use guest_join::emulator::{
    EventStyle, Fault, FaultBody, LobbyPolicy, MeetingSpec, Role, ScriptedParticipant,
};
use guest_join::join::status::{JoinEvent, StepState};
use guest_join::join::{FailureKind, Phase, SessionControl, Step};

use crate::common::{self, routes};

const URL: &str = "https://meet.contoso.example/ada/TEST1234";

fn meeting(policy: LobbyPolicy, style: EventStyle) -> MeetingSpec {
    MeetingSpec {
        event_style: style,
        ..common::meeting(URL, "Quarterly review", policy, None)
    }
}

fn in_phase(phase: Phase) -> impl Fn(&[JoinEvent]) -> bool {
    move |evs| {
        evs.iter()
            .any(|e| matches!(e, JoinEvent::Phase { phase: p } if *p == phase))
    }
}

/// Deleting the conversation comes before deleting the application, and both happened.
fn assert_left_in_order(demo: &guest_join::demo::Demo) {
    let r = routes(demo);
    let conv = r
        .iter()
        .position(|(route, _)| *route == Route::DeleteConversation)
        .expect("conversation deleted");
    let app = r
        .iter()
        .position(|(route, _)| *route == Route::DeleteApplication)
        .expect("application deleted");
    assert!(
        conv < app,
        "conversation must be deleted before the application: {r:?}"
    );
}

fn assert_no_live_application(demo: &guest_join::demo::Demo) {
    for app in demo.control().applications() {
        assert!(app.ended.is_some(), "application still alive: {app:?}");
        assert!(!app.in_meeting && !app.in_lobby, "ghost guest: {app:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_meeting_joined_and_left_cleanly() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    let req = common::request(&demo, URL, "Ada Guest");
    let (status, events) = common::join(&req, &SessionControl::new(), true).await;
    assert!(status.joined, "{:?}", status.failure);
    assert_eq!(
        (status.phase, status.left_cleanly),
        (Phase::Left, Some(true))
    );
    assert_eq!(status.subject.as_deref(), Some("Quarterly review"));
    let names: Vec<_> = status.roster.iter().map(|p| p.name.as_str()).collect();
    assert!(
        status.roster.iter().any(|p| p.me && p.name == "Ada Guest"),
        "the guest's own entry"
    );
    assert!(
        names.contains(&"Ada Organizer") && names.contains(&"Bob Attendee"),
        "{names:?}"
    );
    for step in [
        Step::ServiceApplication,
        Step::Discovery,
        Step::Application,
        Step::EventChannel,
        Step::JoinRequest,
        Step::InMeeting,
        Step::Leave,
    ] {
        assert_eq!(status.step(step).state, StepState::Done, "{step:?}");
    }
    assert_eq!(status.step(Step::Lobby).state, StepState::Pending);
    assert_eq!(status.step(Step::JoinRequest).http_status, Some(201));
    assert!(!events.iter().any(|e| matches!(
        e,
        JoinEvent::Phase {
            phase: Phase::InLobby
        }
    )));
    assert_left_in_order(&demo);
    assert_no_live_application(&demo);
    let apps = demo.control().applications();
    assert_eq!(apps.len(), 1);
    assert_eq!(apps[0].session, req.application_session_id);
    assert_eq!(apps[0].display_name.as_deref(), Some("Ada Guest"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lobby_then_admitted() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Manual,
        EventStyle::Detailed,
    )]))
    .await;
    let (rec, control, session) = spawn_session(&demo, URL, "Grace Guest");
    common::until(&rec, "the lobby", in_phase(Phase::InLobby)).await;
    assert_eq!(
        demo.control().meetings()[0].lobby,
        vec!["Grace Guest".to_string()]
    );
    assert_eq!(demo.control().admit(URL, Some("Grace Guest")).unwrap(), 1);
    common::until(&rec, "the meeting", in_phase(Phase::InMeeting)).await;
    control.leave();
    let status = session.await.unwrap();
    assert!(status.joined);
    assert_eq!(status.step(Step::Lobby).state, StepState::Done);
    assert_eq!(status.left_cleanly, Some(true));
    assert_left_in_order(&demo);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lobby_denied() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Manual,
        EventStyle::Detailed,
    )]))
    .await;
    let (rec, _control, session) = spawn_session(&demo, URL, "Alan Guest");
    common::until(&rec, "the lobby", in_phase(Phase::InLobby)).await;
    demo.control().deny(URL, None).unwrap();
    let status = session.await.unwrap();
    let f = status.failure.clone().expect("denied");
    assert_eq!(
        (f.kind, f.step, f.subcode.as_deref()),
        (FailureKind::LobbyDenied, Some(Step::Lobby), Some("Denied"))
    );
    assert_eq!(f.kind.exit_code(), 6);
    assert_eq!(status.step(Step::Lobby).state, StepState::Failed);
    assert_no_live_application(&demo);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lobby_timeout_and_locked_meeting() {
    let mut locked = meeting(LobbyPolicy::Locked, EventStyle::Detailed);
    locked.join_url = "https://meet.contoso.example/ada/LOCK1234".into();
    locked.conference_id = "LOCK1234".into();
    let timeout = meeting(
        LobbyPolicy::TimeoutAfter(Duration::from_millis(300)),
        EventStyle::Detailed,
    );
    let demo = common::start(common::test_config(vec![timeout, locked])).await;

    let (status, _) = common::join(
        &common::request(&demo, URL, "Tim"),
        &SessionControl::new(),
        true,
    )
    .await;
    assert_eq!(
        status.failure.map(|f| f.kind),
        Some(FailureKind::LobbyTimeout)
    );

    let (status, _) = common::join(
        &common::request(&demo, "https://meet.contoso.example/ada/LOCK1234", "Lou"),
        &SessionControl::new(),
        true,
    )
    .await;
    assert_eq!(
        status.failure.map(|f| f.kind),
        Some(FailureKind::NotAllowed)
    );
    assert_no_live_application(&demo);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_meeting_is_not_found() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    let req = common::request(&demo, "https://meet.contoso.example/ada/NOSUCH99", "Nobody");
    let (status, _) = common::join(&req, &SessionControl::new(), true).await;
    let f = status.failure.expect("fails");
    assert_eq!(
        (f.kind, f.http_status),
        (FailureKind::MeetingNotFound, Some(404)),
        "{f:?}"
    );
    assert_eq!(f.kind.exit_code(), 5);
    assert_no_live_application(&demo);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_application_503_then_success_is_retried() {
    let mut config = common::test_config(vec![meeting(LobbyPolicy::Open, EventStyle::Detailed)]);
    config.faults = vec![Fault::fail(
        Route::CreateApplication,
        1,
        503,
        FaultBody::Ucwa,
    )];
    let demo = common::start(config).await;
    let (status, events) = common::join(
        &common::request(&demo, URL, "Retry"),
        &SessionControl::new(),
        true,
    )
    .await;
    assert!(status.joined, "{:?}", status.failure);
    assert_eq!(status.step(Step::Application).retries, 1);
    assert!(events.iter().any(|e| matches!(
        e,
        JoinEvent::StepRetry {
            step: Step::Application,
            http_status: Some(503),
            ..
        }
    )));
    let creates: Vec<u16> = routes(&demo)
        .into_iter()
        .filter(|(r, _)| *r == Route::CreateApplication)
        .map(|(_, s)| s)
        .collect();
    assert_eq!(
        creates,
        vec![503, 201],
        "the journal shows the failed attempt and the retry"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_that_skips_straight_to_completed() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Collapsed,
    )]))
    .await;
    let (status, _) = common::join(
        &common::request(&demo, URL, "Quick"),
        &SessionControl::new(),
        true,
    )
    .await;
    assert!(status.joined, "{:?}", status.failure);
    assert_eq!(status.roster.len(), 3, "{:?}", status.roster);
    assert_eq!(status.left_cleanly, Some(true));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_during_the_long_poll_deletes_the_application() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Manual,
        EventStyle::Detailed,
    )]))
    .await;
    let (rec, control, session) = spawn_session(&demo, URL, "Patient");
    common::until(&rec, "the lobby", in_phase(Phase::InLobby)).await;
    control.cancel();
    let status = tokio::time::timeout(Duration::from_secs(10), session)
        .await
        .expect("cancel is prompt")
        .unwrap();
    assert_eq!(
        (status.phase, status.left_cleanly),
        (Phase::Cancelled, Some(true))
    );
    assert_eq!(status.step(Step::Lobby).state, StepState::Stopped);
    assert!(
        routes(&demo)
            .iter()
            .any(|(r, s)| *r == Route::DeleteApplication && *s == 204)
    );
    assert_no_live_application(&demo);
    assert!(demo.control().meetings()[0].lobby.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_channel_is_re_established_without_losing_the_meeting() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    let (rec, control, session) = spawn_session(&demo, URL, "Steady");
    common::until(&rec, "the meeting", in_phase(Phase::InMeeting)).await;
    let app = demo.control().applications()[0].id.clone();
    // The parked P-GET may not be parked at this instant; retry the drop until it hits one.
    let mut dropped = false;
    for _ in 0..200 {
        if demo.control().drop_channel(&app, false).unwrap() {
            dropped = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(dropped, "no parked P-GET to drop");
    common::until(&rec, "the channel recovering", |evs| {
        evs.iter()
            .any(|e| matches!(e, JoinEvent::ChannelRecovered { .. }))
    })
    .await;
    demo.control()
        .add_participant(
            URL,
            ScriptedParticipant::new("Late Larry", Role::Attendee, None),
        )
        .unwrap();
    common::until(&rec, "Larry", |evs| evs.iter().any(|e| matches!(e, JoinEvent::ParticipantJoined { participant } if participant.name == "Late Larry"))).await;
    control.leave();
    let status = session.await.unwrap();
    assert!(status.failure.is_none(), "{:?}", status.failure);
    assert_eq!(status.left_cleanly, Some(true));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removed_and_ended_meetings_are_told_apart() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    for (action, expected) in [
        ("eject", FailureKind::Removed),
        ("end", FailureKind::MeetingEnded),
    ] {
        let (_rec, _control, session) = joined_session(&demo, "Eve").await;
        match action {
            "eject" => assert_eq!(demo.control().eject(URL, "Eve").unwrap(), 1),
            _ => assert!(demo.control().end_meeting(URL).unwrap() >= 1),
        }
        let status = session.await.unwrap();
        assert_eq!(status.failure.map(|f| f.kind), Some(expected), "{action}");
        assert!(status.joined);
    }
    assert_no_live_application(&demo);
}

/// Runs a session in the background.
fn spawn_session(demo: &guest_join::demo::Demo, url: &str, name: &str) -> common::Running {
    common::spawn(common::request(demo, url, name))
}

/// Joins the open test meeting in the background and waits until the guest is in.
async fn joined_session(demo: &guest_join::demo::Demo, name: &str) -> common::Running {
    let (rec, control, session) = spawn_session(demo, URL, name);
    common::until(&rec, "the meeting", in_phase(Phase::InMeeting)).await;
    (rec, control, session)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_instance_taking_the_channel_is_reported_and_cleaned_up() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    let (_rec, _control, session) = joined_session(&demo, "Twin").await;
    let app = demo.control().applications()[0].id.clone();
    let mut replaced = false;
    for _ in 0..200 {
        if demo.control().replace_channel(&app).unwrap() {
            replaced = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(replaced, "no parked P-GET to replace");
    let status = session.await.unwrap();
    let f = status.failure.expect("the session ends");
    assert_eq!(
        (f.kind, f.http_status, f.subcode.as_deref()),
        (FailureKind::ConnectionLost, Some(409), Some("PGetReplaced")),
        "{f:?}"
    );
    assert!(f.message.contains("another program"), "{}", f.message);
    assert_eq!(
        status.left_cleanly,
        Some(true),
        "conversation and application deleted"
    );
    assert_no_live_application(&demo);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resync_is_followed_without_losing_events() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    let (rec, control, session) = joined_session(&demo, "Sync").await;
    let app = demo.control().applications()[0].id.clone();
    demo.control().force_resync(&app).unwrap();
    common::until(&rec, "a resync", |evs| {
        evs.iter().any(|e| matches!(e, JoinEvent::ChannelResynced))
    })
    .await;
    demo.control()
        .add_participant(
            URL,
            ScriptedParticipant::new("After Resync", Role::Attendee, None),
        )
        .unwrap();
    common::until(&rec, "the new participant", |evs| {
        evs.iter().any(|e| matches!(e, JoinEvent::ParticipantJoined { participant } if participant.name == "After Resync"))
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    assert!(status.failure.is_none(), "{:?}", status.failure);
    assert_eq!(status.roster.len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roster_follows_joins_and_departures() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    let (rec, control, session) = joined_session(&demo, "Rosa").await;
    demo.control()
        .add_participant(
            URL,
            ScriptedParticipant::new("Carl Leader", Role::Leader, None),
        )
        .unwrap();
    common::until(&rec, "Carl", |evs| evs.iter().any(|e| matches!(e, JoinEvent::ParticipantJoined { participant } if participant.name == "Carl Leader" && participant.role.as_deref() == Some(Role::Leader.wire().as_str())))).await;
    assert_eq!(
        demo.control()
            .remove_participant(URL, "Bob Attendee")
            .unwrap(),
        1
    );
    common::until(&rec, "Bob leaving", |evs| {
        evs.iter()
            .any(|e| matches!(e, JoinEvent::ParticipantLeft { name, .. } if name == "Bob Attendee"))
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    let mut names: Vec<&str> = status.roster.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Ada Organizer", "Carl Leader", "Rosa"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admission_into_a_meeting_larger_than_one_event_batch_brings_the_whole_roster() {
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    // Two scripted members plus 250: the admission roster spans three batches of at most 100.
    for i in 0..250 {
        demo.control()
            .add_participant(
                URL,
                ScriptedParticipant::new(&format!("Member {i}"), Role::Attendee, None),
            )
            .unwrap();
    }
    // The guest may be in before the last batch of the admission arrives: wait for the roster.
    let (rec, control, session) = joined_session(&demo, "Ada Guest").await;
    let others = |evs: &[JoinEvent]| {
        evs.iter()
            .filter(
                |e| matches!(e, JoinEvent::ParticipantJoined { participant } if !participant.me),
            )
            .count()
    };
    common::until(&rec, "the whole roster", |evs| others(evs) >= 252).await;
    control.leave();
    let status = session.await.unwrap();
    assert_eq!(status.left_cleanly, Some(true));
    // Everyone, the guest included, and each participant announced once.
    assert_eq!(status.roster.len(), 253);
    assert_eq!(others(&rec.events()), 252);
    assert_no_live_application(&demo);
}

/// Counts exchange records; says it does not want them.
#[derive(Default)]
struct NoExchanges {
    exchanges: std::sync::atomic::AtomicUsize,
    events: std::sync::atomic::AtomicUsize,
}

impl guest_join::join::EventSink for NoExchanges {
    fn emit(&self, event: &JoinEvent) {
        use std::sync::atomic::Ordering::Relaxed;
        self.events.fetch_add(1, Relaxed);
        if matches!(event, JoinEvent::Exchange { .. }) {
            self.exchanges.fetch_add(1, Relaxed);
        }
    }

    fn wants_exchanges(&self) -> bool {
        false
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sink_that_wants_no_exchanges_gets_none() {
    use std::sync::atomic::Ordering::Relaxed;
    let demo = common::start(common::test_config(vec![meeting(
        LobbyPolicy::Open,
        EventStyle::Detailed,
    )]))
    .await;
    let req = common::request(&demo, URL, "Quiet Guest");
    let sink = std::sync::Arc::new(NoExchanges::default());
    let control = SessionControl::new();
    let http = common::http();
    let run = guest_join::join::run(&http, &req, sink.clone(), &control);
    tokio::pin!(run);
    // Leave as soon as the guest is in.
    let session = async {
        loop {
            tokio::select! {
                status = &mut run => break status,
                () = tokio::time::sleep(Duration::from_millis(20)) => {
                    if demo.control().applications().iter().any(|a| a.in_meeting) {
                        control.leave();
                    }
                }
            }
        }
    };
    let status = tokio::time::timeout(Duration::from_secs(60), session)
        .await
        .expect("the session ends (safety net against a hang, not a performance check)");
    assert!(status.joined, "{:?}", status.failure);
    assert_eq!(status.left_cleanly, Some(true));
    assert!(sink.events.load(Relaxed) > 0);
    assert_eq!(sink.exchanges.load(Relaxed), 0);
}
