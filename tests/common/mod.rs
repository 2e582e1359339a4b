//! Shared by the test binaries: an in-process environment (emulator + reference service
//! application on 127.0.0.1:0) and helpers to run the engine or the real binary against it.
#![allow(dead_code)]

pub mod exports;

use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use guest_join::api::{HttpClient, HttpOptions, RetryPolicy};
use guest_join::demo::Demo;
use guest_join::emulator::{EmulatorConfig, MeetingSpec};
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

/// The built binary with arguments, under a safety time-out.
pub fn run_binary(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guest-join"));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("binary starts");
    wait_with_timeout(child, Duration::from_secs(90))
}

fn wait_with_timeout(mut child: std::process::Child, limit: Duration) -> Output {
    let start = std::time::Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            child.kill().ok();
            let out = child.wait_with_output().expect("output");
            panic!(
                "binary hung; stdout: {}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The JSON lines of stdout.
pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {l:?}: {e}")))
        .collect()
}
