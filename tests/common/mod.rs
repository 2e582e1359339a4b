//! Shared by the test binaries: an in-process environment (emulator + reference service
//! application on 127.0.0.1:0), its meetings, and helpers to run the engine against it; the
//! built binary (`binary`), the search for secrets (`secrets`), reading exports (`exports`).
#![allow(
    dead_code,
    reason = "each test binary uses its own part of what is shared"
)]

pub mod binary;
pub mod exports;
pub mod secrets;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use guest_join::api::{HttpClient, HttpOptions, RetryPolicy};
use guest_join::demo::Demo;
use guest_join::emulator::{
    EmulatorConfig, EventStyle, LobbyPolicy, MeetingPhone, MeetingSpec, Role, ScriptedParticipant,
};
use guest_join::join::status::JoinEvent;
use guest_join::join::{
    DisplayName, JoinRequest, JoinStatus, MeetingLink, ServiceProfile, SessionControl,
};

pub const ORIGIN: &str = "https://guest-join.invalid";

/// Emulator config for tests: short holds and quick retries.
pub fn test_config(meetings: Vec<MeetingSpec>) -> EmulatorConfig {
    EmulatorConfig {
        meetings,
        poll_hold: Duration::from_secs(2),
        ..EmulatorConfig::default()
    }
}

/// A meeting at `url` (`https://<host>/<organizer>/<conference id>`) that anonymous guests may
/// join, every event in its own batch, nobody in it yet.
pub fn empty_meeting(url: &str, subject: &str, policy: LobbyPolicy) -> MeetingSpec {
    let mut path = url.trim_end_matches('/').rsplit('/');
    let conference_id = path.next().expect("a conference id").to_string();
    let organizer = path.next().expect("an organizer").to_string();
    MeetingSpec {
        join_url: url.to_string(),
        organizer,
        conference_id,
        subject: subject.to_string(),
        policy,
        participants: Vec::new(),
        event_style: EventStyle::Detailed,
        anonymous_join: true,
        html_messages: false,
        chatter_ms: None,
        phone: MeetingPhone::default(),
    }
}

/// [`empty_meeting`] with Ada Organizer (a leader, who says `greeting` when the guest is in)
/// and Bob Attendee.
pub fn meeting(
    url: &str,
    subject: &str,
    policy: LobbyPolicy,
    greeting: Option<&str>,
) -> MeetingSpec {
    MeetingSpec {
        participants: vec![
            ScriptedParticipant::new("Ada Organizer", Role::Leader, greeting),
            ScriptedParticipant::new("Bob Attendee", Role::Attendee, None),
        ],
        ..empty_meeting(url, subject, policy)
    }
}

/// An address where nothing listens: a port the system just handed out, released at once, so
/// a connection to it is refused.
pub fn closed_port() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
}

pub async fn start(config: EmulatorConfig) -> Demo {
    Demo::start_with(config, ORIGIN)
        .await
        .expect("environment starts")
}

/// Records every event.
#[derive(Clone, Default)]
pub struct Recorder(pub Arc<Mutex<Vec<JoinEvent>>>);

impl guest_join::join::EventSink for Recorder {
    fn emit(&self, event: &JoinEvent) {
        self.0.lock().unwrap().push(event.clone());
    }
}

impl Recorder {
    pub fn events(&self) -> Vec<JoinEvent> {
        self.0.lock().unwrap().clone()
    }
}

pub fn request(demo: &Demo, meeting: &str, name: &str) -> JoinRequest {
    let service = ServiceProfile {
        token_url: demo.token_url(),
        service_key: None,
    };
    let mut req = JoinRequest::new(
        MeetingLink::parse(meeting).unwrap(),
        DisplayName::parse(name).unwrap(),
        service,
    );
    req.origin = ORIGIN.to_string();
    req.limits.retry = RetryPolicy {
        max_attempts: 4,
        base: Duration::from_millis(20),
        cap: Duration::from_millis(200),
    };
    req.limits.channel.retry = RetryPolicy {
        max_attempts: 4,
        base: Duration::from_millis(20),
        cap: Duration::from_millis(200),
    };
    req.limits.join_deadline = Duration::from_secs(30);
    req.limits.rejoin_backoff = RetryPolicy {
        max_attempts: 3,
        base: Duration::from_millis(20),
        cap: Duration::from_millis(100),
    };
    req.limits.leave_wait = Duration::from_secs(3);
    req
}

pub fn http() -> HttpClient {
    HttpClient::new(HttpOptions::default()).unwrap()
}

/// Run a session; `leave` (if set) is called once the guest is in the meeting.
pub async fn join(
    req: &JoinRequest,
    control: &SessionControl,
    leave_when_in: bool,
) -> (JoinStatus, Vec<JoinEvent>) {
    let rec = Recorder::default();
    let watcher = {
        let rec = rec.clone();
        let control = control.clone();
        tokio::spawn(async move {
            loop {
                let joined = rec.events().iter().any(|e| {
                    matches!(
                        e,
                        JoinEvent::Phase {
                            phase: guest_join::join::Phase::InMeeting
                        }
                    )
                });
                if joined && leave_when_in {
                    control.leave();
                    return;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };
    let status = tokio::time::timeout(
        Duration::from_secs(60),
        guest_join::join::run(&http(), req, std::sync::Arc::new(rec.clone()), control),
    )
    .await
    .expect("the session ends (safety net against a hang, not a performance check)");
    watcher.abort();
    (status, rec.events())
}

/// A session running in the background: its events, its control, its end.
pub type Running = (
    Recorder,
    SessionControl,
    tokio::task::JoinHandle<JoinStatus>,
);

/// Run `req` in the background.
pub fn spawn(req: JoinRequest) -> Running {
    let rec = Recorder::default();
    let control = SessionControl::new();
    let session = {
        let (rec, control) = (rec.clone(), control.clone());
        tokio::spawn(async move {
            guest_join::join::run(&http(), &req, std::sync::Arc::new(rec), &control).await
        })
    };
    (rec, control, session)
}

/// Wait until the recorded events satisfy `pred` (a safety limit against hangs, not a timing
/// assertion).
pub async fn until(rec: &Recorder, what: &str, pred: impl Fn(&[JoinEvent]) -> bool) {
    for _ in 0..1500 {
        if pred(&rec.events()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let shown: Vec<JoinEvent> = rec
        .events()
        .into_iter()
        .filter(|e| !matches!(e, JoinEvent::Exchange { .. }))
        .collect();
    panic!("never saw {what}; events: {shown:#?}");
}

/// The chat messages others sent, as (sender, text).
pub fn received(rec: &Recorder) -> Vec<(String, String)> {
    rec.events()
        .iter()
        .filter_map(|e| match e {
            JoinEvent::ChatMessage { message } if !message.outgoing => {
                Some((message.from.clone(), message.text.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The emulator's journal as (route, status), in order.
pub fn routes(demo: &Demo) -> Vec<(guest_join::api::wire::Route, u16)> {
    demo.control()
        .journal()
        .into_iter()
        .map(|j| (j.route, j.status))
        .collect()
}
