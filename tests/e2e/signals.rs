//! Stop signals as service managers and CI systems send them: the real binary leaves the meeting,
//! deletes its application, writes its outputs marked as interrupted and exits 128 + the signal.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use guest_join::api::wire::Route;
use guest_join::emulator::{EventStyle, LobbyPolicy, MeetingSpec};
use rustix::process::{Pid, Signal, kill_process};

use crate::common;

const MEETING: &str = "https://meet.contoso.example/ada/TERM1234";

fn open_meeting() -> MeetingSpec {
    MeetingSpec {
        join_url: MEETING.into(),
        organizer: "ada".into(),
        conference_id: "TERM1234".into(),
        subject: "Signals".into(),
        policy: LobbyPolicy::Open,
        participants: vec![],
        event_style: EventStyle::Detailed,
        anonymous_join: true,
    }
}

/// The binary with its stdout read line by line on a thread.
struct Running {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Running {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_guest-join"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("binary starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Read until a line contains `marker`.
    fn wait_for(&mut self, marker: &str) {
        while !self.seen.last().is_some_and(|l| l.contains(marker)) {
            match self.lines.recv_timeout(Duration::from_secs(60)) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("no {marker:?} in {:#?}", self.seen),
            }
        }
    }

    fn signal(&self, signal: Signal) {
        let pid = Pid::from_child(&self.child);
        kill_process(pid, signal).expect("signal sent");
    }

    /// Wait for the exit (at most a minute) and return the code and every stdout line.
    fn finish(mut self) -> (Option<i32>, Vec<String>) {
        for _ in 0..600 {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.seen.extend(self.lines.iter());
                return (status.code(), self.seen);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.child.kill().ok();
        panic!("still running a minute after the signal: {:#?}", self.seen);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_a_stay_leaves_cleans_up_and_says_so() {
    let demo = common::start(common::test_config(vec![open_meeting()])).await;
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("join.xml");
    let har = dir.path().join("join.har");
    let token_url = demo.token_url().to_string();
    let (junit_arg, har_arg) = (
        junit.to_str().unwrap().to_string(),
        har.to_str().unwrap().to_string(),
    );
    let (code, lines) = tokio::task::spawn_blocking(move || {
        let mut join = Running::start(&[
            "join",
            "--service",
            &token_url,
            "--meeting",
            MEETING,
            "--name",
            "Terminated",
            "--stay",
            "30",
            "--json",
            "--junit",
            &junit_arg,
            "--har",
            &har_arg,
        ]);
        join.wait_for(r#""phase":"in_meeting""#);
        join.signal(Signal::TERM);
        join.finish()
    })
    .await
    .unwrap();

    assert_eq!(code, Some(143), "{lines:#?}");
    let last: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(last["type"], "result", "{last}");
    assert_eq!(last["interrupted"], "SIGTERM", "{last}");
    assert_eq!(last["exit_code"], 143, "{last}");
    assert_eq!(last["left_cleanly"], true, "{last}");

    // The emulator saw the guest leave: the conversation deleted, then the application.
    let journal = demo.control().journal();
    let position = |route: Route| {
        journal
            .iter()
            .position(|j| j.route == route && j.method == "DELETE" && j.status < 300)
            .unwrap_or_else(|| panic!("no {route} in {journal:#?}\nstdout: {lines:#?}"))
    };
    assert!(position(Route::DeleteConversation) < position(Route::DeleteApplication));
    for app in demo.control().applications() {
        assert!(
            app.ended.is_some() && !app.in_meeting,
            "ghost guest: {app:?}"
        );
    }

    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains(r#"name="interrupted" value="SIGTERM""#),
        "{xml}"
    );
    assert!(xml.contains(r#"name="exit_code" value="143""#), "{xml}");
    let har: serde_json::Value = serde_json::from_slice(&std::fs::read(&har).unwrap()).unwrap();
    let title = har["log"]["pages"][0]["title"].as_str().unwrap();
    assert!(title.ends_with("interrupted by SIGTERM"), "{title}");
    demo.shutdown().await;
}

#[test]
fn the_emulator_command_stops_on_sighup_and_sigterm_with_the_shells_codes() {
    for (signal, code, name) in [(Signal::TERM, 143, "SIGTERM"), (Signal::HUP, 129, "SIGHUP")] {
        let mut emulator = Running::start(&["emulator"]);
        emulator.wait_for("press Ctrl-C");
        emulator.signal(signal);
        let (got, lines) = emulator.finish();
        assert_eq!(got, Some(code), "{lines:#?}");
        assert!(
            lines
                .last()
                .is_some_and(|l| l == &format!("emulator stopped by {name} (exit {code})")),
            "{lines:#?}"
        );
    }
}
