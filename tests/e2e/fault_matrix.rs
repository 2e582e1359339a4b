//! The fault matrix: every step of a join × every fault the emulator can inject, one row per
//! cell, each with the outcome the engine must reach. A fault hits the step's route once; the
//! outcome is either the join succeeding after a retry (only where repeating the request is
//! safe) or the specific failure class, and no application is left alive afterwards. README
//! "Fault matrix" shows the same table ([`markdown_table`]; a test keeps them equal).

use std::sync::Arc;
use std::time::Duration;

use guest_join::api::wire::Route;
use guest_join::api::{HttpClient, HttpOptions};
use guest_join::emulator::{AppState, EmulatorConfig, Fault, FaultBody, LobbyPolicy};
use guest_join::join::status::JoinEvent;
use guest_join::join::{FailureKind, JoinStatus, Phase, ServiceProfile, SessionControl};

use crate::common::{self, Recorder};

const URL: &str = "https://meet.contoso.example/ada/FAULT123";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepUnderTest {
    ServiceApp,
    Discover,
    CreateApplication,
    EventChannel,
    JoinRequest,
    /// A chat message sent while in the meeting.
    InMeeting,
}

impl StepUnderTest {
    const ALL: [StepUnderTest; 6] = [
        StepUnderTest::ServiceApp,
        StepUnderTest::Discover,
        StepUnderTest::CreateApplication,
        StepUnderTest::EventChannel,
        StepUnderTest::JoinRequest,
        StepUnderTest::InMeeting,
    ];

    /// The emulator journal's route.
    fn route(self) -> Route {
        match self {
            StepUnderTest::ServiceApp => Route::ServiceStandin,
            StepUnderTest::Discover => Route::AnonDiscover,
            StepUnderTest::CreateApplication => Route::CreateApplication,
            StepUnderTest::EventChannel => Route::Events,
            StepUnderTest::JoinRequest => Route::JoinMeeting,
            StepUnderTest::InMeeting => Route::SendMessage,
        }
    }

    fn title(self) -> &'static str {
        match self {
            StepUnderTest::ServiceApp => "service app (POST token)",
            StepUnderTest::Discover => "discover (GET)",
            StepUnderTest::CreateApplication => "create application (POST)",
            StepUnderTest::EventChannel => "event channel (P-GET)",
            StepUnderTest::JoinRequest => "join request (POST invitation)",
            StepUnderTest::InMeeting => "in meeting (POST chat message)",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Injected {
    Refused,
    Reset,
    Stall,
    S500,
    S503,
    S429,
    MalformedJson,
    Truncated,
    WrongContentType,
    HtmlPage,
    S401,
    S404,
    S410,
}

impl Injected {
    const ALL: [Injected; 13] = [
        Injected::Refused,
        Injected::Reset,
        Injected::Stall,
        Injected::S500,
        Injected::S503,
        Injected::S429,
        Injected::MalformedJson,
        Injected::Truncated,
        Injected::WrongContentType,
        Injected::HtmlPage,
        Injected::S401,
        Injected::S404,
        Injected::S410,
    ];

    /// The emulator fault: the next request of `route` only.
    fn fault(self, route: Route) -> Fault {
        let (status, body) = match self {
            Injected::Refused => (200, FaultBody::Refused),
            Injected::Reset => (200, FaultBody::Reset),
            Injected::Stall => (200, FaultBody::Stall),
            Injected::S500 => (500, FaultBody::Ucwa),
            Injected::S503 => (503, FaultBody::Ucwa),
            Injected::S429 => (429, FaultBody::Ucwa),
            Injected::MalformedJson => (200, FaultBody::MalformedJson),
            Injected::Truncated => (200, FaultBody::Truncated),
            Injected::WrongContentType => (200, FaultBody::WrongContentType),
            Injected::HtmlPage => (502, FaultBody::Html),
            Injected::S401 => (401, FaultBody::Ucwa),
            Injected::S404 => (404, FaultBody::Ucwa),
            Injected::S410 => (410, FaultBody::Ucwa),
        };
        Fault::fail(route, 1, status, body)
    }

    fn title(self) -> &'static str {
        match self {
            Injected::Refused => "refused",
            Injected::Reset => "reset mid-body",
            Injected::Stall => "stall",
            Injected::S500 => "500",
            Injected::S503 => "503",
            Injected::S429 => "429 + Retry-After",
            Injected::MalformedJson => "malformed JSON",
            Injected::Truncated => "truncated",
            Injected::WrongContentType => "JSON as text/plain",
            Injected::HtmlPage => "HTML 502 page",
            Injected::S401 => "401",
            Injected::S404 => "404",
            Injected::S410 => "410",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// In the meeting (after a retry where one was needed); in-meeting cells: the chat
    /// message delivered.
    Joined,
    /// In the meeting, the guest stays; the chat message is reported failed.
    StaysChatFailed,
    /// The join fails with this class.
    Fails(FailureKind),
}

impl Outcome {
    fn cell(self) -> String {
        match self {
            Outcome::Joined => "joined".into(),
            Outcome::StaysChatFailed => "stays, msg failed".into(),
            Outcome::Fails(k) => k.id().trim_start_matches("GJ-").to_ascii_lowercase(),
        }
    }
}

/// The matrix: the outcome the engine must reach for each cell.
fn expected(step: StepUnderTest, fault: Injected) -> Outcome {
    use FailureKind as K;
    use Injected as I;
    use Outcome::{Fails, Joined, StaysChatFailed};
    use StepUnderTest as S;
    match (step, fault) {
        // Server said "not now": retried on every step (the request was not carried out).
        (_, I::S500 | I::S503 | I::S429 | I::HtmlPage) if step != S::InMeeting => Joined,
        // A valid body with a wrong label is read by its content.
        (_, I::WrongContentType) => Joined,
        // Transport failures: repeated where the request is safe to repeat (the token request
        // mints nothing lasting, discover and the P-GET are reads) ...
        (S::ServiceApp | S::Discover | S::EventChannel, I::Refused | I::Reset | I::Truncated) => {
            Joined
        }
        (S::ServiceApp | S::Discover | S::EventChannel, I::Stall) => Joined,
        // ... and not where it creates something: a second application or invitation.
        (S::CreateApplication | S::JoinRequest, I::Refused | I::Reset | I::Truncated) => {
            Fails(K::Network)
        }
        (S::CreateApplication | S::JoinRequest, I::Stall) => Fails(K::Timeout),
        (S::ServiceApp, _) => Fails(K::ServiceRefused),
        (S::Discover, _) => Fails(K::Discovery),
        (S::CreateApplication, _) => Fails(K::Application),
        // A P-GET whose answer does not parse is read again (same `ack`, same batch).
        (S::EventChannel, I::MalformedJson) => Joined,
        (S::EventChannel, _) => Fails(K::ConnectionLost),
        (S::JoinRequest, I::S401 | I::S410) => Fails(K::Application),
        (S::JoinRequest, I::S404) => Fails(K::MeetingNotFound),
        (S::JoinRequest, _) => Fails(K::Protocol),
        (S::InMeeting, I::S500 | I::S503 | I::S429 | I::HtmlPage) => Joined,
        (S::InMeeting, _) => StaysChatFailed,
    }
}

/// The README table: one row per fault, one column per step.
fn markdown_table() -> String {
    let mut t = String::from("| fault |");
    for s in StepUnderTest::ALL {
        t.push_str(&format!(" {} |", s.title()));
    }
    t.push_str("\n|---|");
    for _ in StepUnderTest::ALL {
        t.push_str("---|");
    }
    for f in Injected::ALL {
        t.push_str(&format!("\n| {} |", f.title()));
        for s in StepUnderTest::ALL {
            t.push_str(&format!(" {} |", expected(s, f).cell()));
        }
    }
    t.push('\n');
    t
}

fn config(faults: Vec<Fault>) -> EmulatorConfig {
    let mut cfg = common::test_config(vec![common::empty_meeting(
        URL,
        "Faults",
        LobbyPolicy::Open,
    )]);
    cfg.faults = faults;
    cfg
}

/// Requests give up after 1 s so a stall costs about a second, not 30.
fn http() -> HttpClient {
    HttpClient::new(HttpOptions {
        request_timeout: Duration::from_secs(1),
        connect_timeout: Duration::from_secs(1),
        ..HttpOptions::default()
    })
    .unwrap()
}

struct CellResult {
    outcome: Outcome,
    /// Applications the session left in any state but deleted by the client.
    apps_not_deleted: usize,
    apps_created: usize,
    detail: String,
}

async fn run_cell(step: StepUnderTest, fault: Injected) -> CellResult {
    let demo = common::start(config(vec![fault.fault(step.route())])).await;
    let mut req = common::request(&demo, URL, "Fay");
    req.source = ServiceProfile {
        token_url: demo.emulator().service_standin_url(),
        service_key: None,
    }
    .into();
    req.limits.channel.read_timeout = Duration::from_secs(4);
    req.limits.join_deadline = Duration::from_secs(20);
    let rec = Recorder::default();
    let control = SessionControl::new();
    let driver = {
        let (rec, control) = (rec.clone(), control.clone());
        tokio::spawn(async move {
            let has = |f: &dyn Fn(&JoinEvent) -> bool| rec.events().iter().any(f);
            loop {
                if has(&|e| {
                    matches!(
                        e,
                        JoinEvent::Phase {
                            phase: Phase::InMeeting
                        }
                    )
                }) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            if step == StepUnderTest::InMeeting {
                loop {
                    if has(&|e| matches!(e, JoinEvent::ChatAvailable { available: true })) {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                control.send_chat("hello from the fault matrix");
                loop {
                    if has(&|e| matches!(e, JoinEvent::ChatDelivery { .. })) {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
            control.leave();
        })
    };
    let status: JoinStatus =
        guest_join::join::run(&http(), &req, Arc::new(rec.clone()), &control).await;
    driver.abort();
    let delivered = rec.events().iter().find_map(|e| match e {
        JoinEvent::ChatDelivery { delivered, .. } => Some(*delivered),
        _ => None,
    });
    let outcome = match (&status.failure, status.joined, delivered) {
        (Some(f), _, _) => Outcome::Fails(f.kind),
        (None, true, Some(false)) => Outcome::StaysChatFailed,
        (None, true, _) => Outcome::Joined,
        (None, false, _) => Outcome::Fails(FailureKind::Protocol),
    };
    let apps = demo.control().applications();
    let result = CellResult {
        outcome,
        apps_not_deleted: apps.iter().filter(|a| a.state != AppState::Deleted).count(),
        apps_created: apps.len(),
        detail: format!(
            "failure {:?}, left cleanly {:?}, delivered {delivered:?}",
            status.failure.as_ref().map(|f| (&f.step, &f.message)),
            status.left_cleanly
        ),
    };
    demo.shutdown().await;
    result
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_step_times_every_fault() {
    let gate = Arc::new(tokio::sync::Semaphore::new(20));
    let mut cells = Vec::new();
    for step in StepUnderTest::ALL {
        for fault in Injected::ALL {
            let gate = gate.clone();
            cells.push(tokio::spawn(async move {
                let _permit = gate.acquire_owned().await.unwrap();
                // A hang guard, not a timing assertion.
                let r = tokio::time::timeout(Duration::from_secs(60), run_cell(step, fault)).await;
                (step, fault, r)
            }));
        }
    }
    let mut wrong = Vec::new();
    for cell in cells {
        let (step, fault, r) = cell.await.unwrap();
        let want = expected(step, fault);
        let Ok(r) = r else {
            wrong.push(format!("{step:?} × {fault:?}: hung"));
            continue;
        };
        if r.outcome != want {
            wrong.push(format!(
                "{step:?} × {fault:?}: got {:?}, want {want:?} ({})",
                r.outcome, r.detail
            ));
        }
        if r.apps_not_deleted != 0 {
            wrong.push(format!(
                "{step:?} × {fault:?}: {} of {} applications not deleted",
                r.apps_not_deleted, r.apps_created
            ));
        }
        // Where the application step passed, exactly one application was made: no duplicate
        // from a blind retry.
        if !matches!(step, StepUnderTest::ServiceApp | StepUnderTest::Discover)
            && r.apps_created > 1
        {
            wrong.push(format!(
                "{step:?} × {fault:?}: {} applications created",
                r.apps_created
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of 78 cells wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A connection refused for real: the service application's port is closed. Connect errors are
/// retried on every step (the request never left), then the join fails as unreachable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_app_on_a_closed_port_is_unreachable() {
    let demo = common::start(config(Vec::new())).await;
    let closed = common::closed_port();
    let mut req = common::request(&demo, URL, "Fay");
    req.source = ServiceProfile {
        token_url: format!("http://{closed}/GetAnonTokenJob").parse().unwrap(),
        service_key: None,
    }
    .into();
    let rec = Recorder::default();
    let status = tokio::time::timeout(
        Duration::from_secs(60),
        guest_join::join::run(&http(), &req, Arc::new(rec.clone()), &SessionControl::new()),
    )
    .await
    .expect("the session ends (a hang guard)");
    let f = status.failure.expect("the join fails");
    assert_eq!(f.kind, FailureKind::ServiceUnreachable, "{f:?}");
    let retries = rec
        .events()
        .iter()
        .filter(|e| matches!(e, JoinEvent::StepRetry { .. }))
        .count();
    assert_eq!(retries, 3, "four attempts in all");
    assert!(demo.control().applications().is_empty());
    demo.shutdown().await;
}

#[test]
fn readme_shows_the_matrix() {
    let readme = include_str!("../../README.md");
    let table = markdown_table();
    assert!(
        readme.contains(&table),
        "README's fault matrix differs from the test's table; expected:\n{table}"
    );
}
