//! The direct mode (flow B) against the emulator's Skype for Business Server surface:
//! autodiscover → challenge → anonymous web ticket → user → application → the shared join,
//! lobby, chat and roster, the ticket's renewal in a long meeting, and the distinct failures
//! (wrong key, anonymous join off per deployment and per meeting).

use std::time::Duration;

use guest_join::api::wire::Route;
use guest_join::demo::Demo;
use guest_join::emulator::{
    DiscoverAnswer, EmulatorConfig, LobbyPolicy, MeetingSpec, OnPremConfig,
};
use guest_join::join::status::{Delivery, JoinEvent, StepState};
use guest_join::join::{
    DirectMeeting, DirectProfile, FailureKind, Flow, JoinRequest, Phase, SessionControl, Step,
};

use crate::common::binary::{json_lines, run_binary, stderr};
use crate::common::{self, received, routes};

/// The Online-style key of the emulator's meetings; the direct mode derives the conference URI
/// from the simple URL instead.
const OPEN: &str = "https://meet.contoso.example/ada/DIRECT01";
const LOBBY: &str = "https://meet.contoso.example/grace/DIRECT02";

fn meeting(url: &str, policy: LobbyPolicy) -> MeetingSpec {
    common::meeting(url, "Branch advice", policy, Some("Hello guest"))
}

fn config(on_prem: OnPremConfig) -> EmulatorConfig {
    EmulatorConfig {
        on_prem: Some(on_prem),
        ..common::test_config(vec![
            meeting(OPEN, LobbyPolicy::Open),
            meeting(LOBBY, LobbyPolicy::AdmitAfter(Duration::from_millis(800))),
        ])
    }
}

async fn start() -> Demo {
    common::start(config(OnPremConfig::default())).await
}

/// A direct request through the emulator's lyncdiscover listener.
fn request(demo: &Demo, meeting: &str) -> JoinRequest {
    let mut req = common::request(demo, OPEN, "Gus");
    req.meeting = DirectMeeting::parse(meeting).expect("a direct link").0;
    req.source = DirectProfile {
        autodiscover: demo.emulator().lyncdiscover_url(),
    }
    .into();
    req
}

fn count(demo: &Demo, route: Route) -> usize {
    routes(demo).iter().filter(|(r, _)| *r == route).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joins_an_open_meeting_directly_with_the_same_roster_and_chat_as_flow_a() {
    let demo = start().await;
    let (rec, control, session) = common::spawn(request(&demo, OPEN));
    common::until(&rec, "the greeting", |_| {
        received(&rec).iter().any(|(_, t)| t == "Hello guest")
    })
    .await;
    control.send_chat("Hi from the booth");
    common::until(&rec, "delivery", |evs| {
        evs.iter().any(|e| {
            matches!(
                e,
                JoinEvent::ChatDelivery {
                    delivered: true,
                    ..
                }
            )
        })
    })
    .await;
    control.leave();
    let status = session.await.unwrap();

    assert_eq!(status.phase, Phase::Left);
    assert_eq!(status.flow, Flow::Direct);
    assert_eq!(status.left_cleanly, Some(true));
    for step in [
        Step::Autodiscover,
        Step::WebTicket,
        Step::Application,
        Step::EventChannel,
        Step::JoinRequest,
        Step::InMeeting,
    ] {
        assert_eq!(status.step(step).state, StepState::Done, "{step:?}");
    }
    assert_eq!(
        status.step(Step::ServiceApplication).state,
        StepState::Pending
    );
    assert!(status.steps.iter().all(|s| s.step != Step::Discovery));
    let mut names: Vec<&str> = status.roster.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Ada Organizer", "Bob Attendee", "Gus"]);
    assert!(status.roster.iter().any(|p| p.me && p.name == "Gus"));
    assert_eq!(status.subject.as_deref(), Some("Branch advice"));
    assert!(
        status.chat.iter().any(|l| l.outgoing
            && l.text == "Hi from the booth"
            && l.delivery == Delivery::Delivered)
    );
    assert!(
        demo.control().meetings()[0]
            .chat
            .iter()
            .any(|l| l.from == "Gus" && l.text == "Hi from the booth")
    );

    // Flow B's route through the server, and no service application anywhere.
    let r = routes(&demo);
    let order: Vec<Route> = [
        Route::Lyncdiscover,
        Route::AutodiscoverUser,
        Route::Webticket,
        Route::CreateApplication,
        Route::JoinMeeting,
    ]
    .into_iter()
    .filter(|want| r.iter().any(|(route, _)| route == want))
    .collect();
    assert_eq!(order.len(), 5, "{r:?}");
    assert!(
        r.iter()
            .any(|(route, status)| *route == Route::AutodiscoverUser && *status == 401),
        "the challenge came first: {r:?}"
    );
    assert_eq!(count(&demo, Route::AnonTokens), 0, "{r:?}");
    assert_eq!(count(&demo, Route::CreateApplication), 1);
    assert_eq!(count(&demo, Route::DeleteApplication), 1);
    assert!(demo.control().meetings()[0].guests.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waits_in_the_lobby_until_admitted() {
    let demo = start().await;
    let (status, events) = common::join(&request(&demo, LOBBY), &SessionControl::new(), true).await;
    assert_eq!(status.phase, Phase::Left, "{:?}", status.failure);
    assert!(status.joined);
    assert_eq!(status.step(Step::Lobby).state, StepState::Done);
    let lobby = events
        .iter()
        .position(|e| {
            matches!(
                e,
                JoinEvent::Phase {
                    phase: Phase::InLobby
                }
            )
        })
        .expect("lobby");
    let meeting = events
        .iter()
        .position(|e| {
            matches!(
                e,
                JoinEvent::Phase {
                    phase: Phase::InMeeting
                }
            )
        })
        .expect("meeting");
    assert!(lobby < meeting);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_conference_key_is_its_own_failure() {
    let demo = start().await;
    let (status, _) = common::join(
        &request(&demo, "https://meet.contoso.example/ada/WRONG999"),
        &SessionControl::new(),
        true,
    )
    .await;
    let failure = status.failure.clone().expect("failed");
    assert_eq!(failure.kind, FailureKind::WrongConferenceKey);
    assert_eq!(failure.id, "GJ-WRONG-CONFERENCE-KEY");
    assert_eq!(failure.kind.exit_code(), 5);
    assert_eq!(failure.step, Some(Step::WebTicket));
    assert_eq!(failure.http_status, Some(400));
    assert_eq!(failure.code.as_deref(), Some("invalid_grant"));
    assert_eq!(status.step(Step::WebTicket).state, StepState::Failed);
    assert_eq!(count(&demo, Route::CreateApplication), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_join_turned_off_is_its_own_failure() {
    // For the whole deployment: the challenge no longer offers the grant; no ticket is asked.
    let demo = common::start(config(OnPremConfig {
        anonymous_join: false,
        ..OnPremConfig::default()
    }))
    .await;
    let (status, _) = common::join(&request(&demo, OPEN), &SessionControl::new(), true).await;
    let failure = status.failure.expect("failed");
    assert_eq!(failure.kind, FailureKind::AnonymousJoinDisabled);
    assert_eq!(failure.id, "GJ-ANONYMOUS-JOIN-OFF");
    assert_eq!(failure.step, Some(Step::Autodiscover));
    assert!(
        failure.message.contains("anonmeeting"),
        "{}",
        failure.message
    );
    assert_eq!(count(&demo, Route::Webticket), 0);

    // For one meeting: the grant is refused with unsupported_grant_type.
    let demo = start().await;
    demo.control().set_anonymous_join(OPEN, false).unwrap();
    let (status, _) = common::join(&request(&demo, OPEN), &SessionControl::new(), true).await;
    let failure = status.failure.expect("failed");
    assert_eq!(failure.kind, FailureKind::AnonymousJoinDisabled);
    assert_eq!(failure.step, Some(Step::WebTicket));
    assert_eq!(failure.code.as_deref(), Some("unsupported_grant_type"));
    assert_eq!(failure.kind.exit_code(), 5);
    assert_eq!(count(&demo, Route::CreateApplication), 0);
    // The other meeting still lets guests in.
    let (status, _) = common::join(&request(&demo, LOBBY), &SessionControl::new(), true).await;
    assert!(status.joined, "{:?}", status.failure);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renews_the_web_ticket_in_place_during_a_long_meeting() {
    // Tickets live 7 s (real servers: 1 hour); the guest stays about 17 s.
    let demo = common::start(config(OnPremConfig {
        ticket_lifetime: Duration::from_secs(7),
        ..OnPremConfig::default()
    }))
    .await;
    let (rec, control, session) = common::spawn(request(&demo, OPEN));
    common::until(&rec, "two renewals", |evs| {
        evs.iter()
            .filter(|e| matches!(e, JoinEvent::TokenRenewed { .. }))
            .count()
            >= 2
    })
    .await;
    // Still in the meeting with the renewed ticket: a chat message goes through.
    control.send_chat("still here");
    common::until(&rec, "delivery", |evs| {
        evs.iter().any(|e| {
            matches!(
                e,
                JoinEvent::ChatDelivery {
                    delivered: true,
                    ..
                }
            )
        })
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    assert_eq!(status.phase, Phase::Left, "{:?}", status.failure);
    assert_eq!(status.left_cleanly, Some(true));
    assert!(status.token_renewals >= 2);
    assert_eq!(status.reconnections, 0, "renewal must not need a rejoin");
    assert!(
        !rec.events()
            .iter()
            .any(|e| matches!(e, JoinEvent::Reconnecting { .. }))
    );
    assert_eq!(
        count(&demo, Route::CreateApplication),
        1,
        "the same application throughout"
    );
    assert!(count(&demo, Route::Webticket) >= 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follows_a_redirect_within_the_domain_and_refuses_a_foreign_one() {
    let demo = start().await;
    // Hybrid: lyncdiscover answers only a redirect to the pool's autodiscover root.
    demo.control()
        .set_lyncdiscover_answer(DiscoverAnswer::RedirectToPool)
        .unwrap();
    let (status, _) = common::join(&request(&demo, OPEN), &SessionControl::new(), true).await;
    assert!(status.joined, "{:?}", status.failure);
    assert_eq!(count(&demo, Route::AutodiscoverRoot), 1);

    // A redirect to another host (the same listener under another name, so a wrong follow
    // would show in the journal) is refused before any request goes there.
    let mut foreign = demo.emulator().lyncweb_url().unwrap();
    foreign.set_host(Some("localhost")).unwrap();
    foreign.set_path("Autodiscover/AutodiscoverService.svc/root");
    demo.control()
        .set_lyncdiscover_answer(DiscoverAnswer::RedirectTo(foreign.to_string()))
        .unwrap();
    let tickets = count(&demo, Route::Webticket);
    let (status, _) = common::join(&request(&demo, OPEN), &SessionControl::new(), true).await;
    let failure = status.failure.clone().expect("refused");
    assert_eq!(failure.kind, FailureKind::Discovery);
    assert_eq!(failure.kind.exit_code(), 4);
    assert_eq!(failure.step, Some(Step::Autodiscover));
    assert!(
        failure.message.contains("localhost") && failure.message.contains("contoso.example"),
        "{}",
        failure.message
    );
    assert_eq!(
        count(&demo, Route::AutodiscoverRoot),
        1,
        "nothing went to the foreign host"
    );
    assert_eq!(count(&demo, Route::Webticket), tickets);
}

#[test]
fn the_binary_joins_the_demo_directly_and_names_each_failure() {
    let out = run_binary(
        &["join", "--demo", "--direct", "--name", "Gus", "--json"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["type"], "session_started");
    assert_eq!(lines[0]["flow"], "direct");
    let result = lines.last().unwrap();
    assert_eq!(result["outcome"], "joined");
    let steps: Vec<&str> = result["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(&steps[..2], ["autodiscover", "web_ticket"], "{steps:?}");

    // Anonymous join off for one demo meeting: exit 5 with its own id.
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--direct",
            "--meeting",
            guest_join::demo::DIRECT_NO_GUESTS_MEETING_URL,
            "--name",
            "Gus",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(5));
    let result = json_lines(&out).pop().unwrap();
    assert_eq!(result["error"]["kind"], "anonymous_join_disabled");

    // Links the direct mode cannot join are bad input (exit 2) with the reason.
    for (meeting, says) in [
        (
            "https://meet.lync.com/contoso/ada/OPEN1234",
            "Skype for Business Online",
        ),
        ("https://meet.contoso.example/a/b/c", "sip:"),
    ] {
        let out = run_binary(
            &["join", "--direct", "--meeting", meeting, "--name", "Gus"],
            &[],
        );
        assert_eq!(out.status.code(), Some(2), "{meeting}");
        let err = stderr(&out);
        assert!(err.contains(says), "{meeting}: {err}");
    }
    // Flow A points a conference address to the direct mode.
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            "sip:ada@contoso.example;gruu;opaque=app:conf:focus:id:OPEN1234",
            "--name",
            "Gus",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--direct"));
    // …and the same address joins directly.
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--direct",
            "--meeting",
            "sip:ada@contoso.example;gruu;opaque=app:conf:focus:id:OPEN1234",
            "--name",
            "Gus",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // With the demo and a link that is not an Online host, the direct mode is offered.
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            guest_join::demo::DIRECT_OPEN_MEETING_URL,
            "--name",
            "Gus",
        ],
        &[],
    );
    let err = stderr(&out);
    assert!(err.contains("--direct"), "{err}");
}
