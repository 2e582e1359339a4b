//! Stop signals as service managers and CI systems send them: the real binary leaves the meeting,
//! deletes its application, writes its outputs marked as interrupted and exits 128 + the signal.

use guest_join::api::wire::Route;
use guest_join::emulator::LobbyPolicy;
use rustix::process::{Pid, Signal, kill_process};

use crate::common::{self, binary::Spawned};

const MEETING: &str = "https://meet.contoso.example/ada/TERM1234";

fn send(running: &Spawned, signal: Signal) {
    kill_process(Pid::from_child(running.child()), signal).expect("signal sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_a_stay_leaves_cleans_up_and_says_so() {
    let demo = common::start(common::test_config(vec![common::empty_meeting(
        MEETING,
        "Signals",
        LobbyPolicy::Open,
    )]))
    .await;
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("join.xml");
    let har = dir.path().join("join.har");
    let token_url = demo.token_url().to_string();
    let (junit_arg, har_arg) = (
        junit.to_str().unwrap().to_string(),
        har.to_str().unwrap().to_string(),
    );
    let (code, lines) = tokio::task::spawn_blocking(move || {
        let mut join = Spawned::start(
            &[
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
            ],
            &[],
        );
        join.read_until(r#""phase":"in_meeting""#);
        send(&join, Signal::TERM);
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
        let mut emulator = Spawned::start(&["emulator"], &[]);
        emulator.read_until("press Ctrl-C");
        send(&emulator, signal);
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
