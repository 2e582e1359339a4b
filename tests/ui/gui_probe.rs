//! The hidden `gui-probe` command on a real window under Xvfb: it measures and reports, in
//! JSON, the bare eframe window and the app waiting in a demo lobby. Checks the report's
//! fields and their consistency, never how fast anything was. In CI an X server that cannot
//! be started fails the tests.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::xvfb::{Killed, start_server, wait};

/// Run `gui-probe --window <window> --idle-secs 1 --json` on its own X server.
fn probe(test: &str, window: &str) -> Option<Value> {
    let (server, display) = start_server(test)?;
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("stdout.json");
    let err_path = dir.path().join("stderr.log");
    let mut probe = Killed(
        Command::new(env!("CARGO_BIN_EXE_guest-join"))
            .args([
                "gui-probe",
                "--window",
                window,
                "--idle-secs",
                "1",
                "--json",
            ])
            .env("DISPLAY", format!(":{display}"))
            .env_remove("WAYLAND_DISPLAY")
            .env("GUEST_JOIN_CONFIG", dir.path().join("config.toml"))
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out_path).expect("stdout file"))
            .stderr(std::fs::File::create(&err_path).expect("stderr file"))
            .spawn()
            .expect("guest-join starts"),
    );
    let mut status = None;
    wait("gui-probe to finish", Duration::from_secs(180), || {
        status = probe.0.try_wait().ok().flatten();
        status.is_some()
    });
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    assert!(
        status.is_some_and(|s| s.success()),
        "gui-probe --window {window} failed: {stderr}"
    );
    drop(probe);
    drop(server);
    Some(serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}")))
}

fn number(report: &Value, field: &str) -> f64 {
    report[field]
        .as_f64()
        .unwrap_or_else(|| panic!("{field} is not a number in {report}"))
}

/// What both windows report: a first frame, memory, and a full idle window.
fn check_common(report: &Value, window: &str) {
    assert_eq!(report["window"], window, "{report}");
    assert_eq!(report["renderer"], "glow", "{report}");
    assert!(number(report, "first_frame_ms") > 0.0, "{report}");
    for field in ["rss_first_frame_kib", "rss_idle_end_kib", "hwm_kib"] {
        assert!(number(report, field) > 0.0, "{field}: {report}");
    }
    assert!(number(report, "hwm_kib") >= number(report, "rss_idle_end_kib"));
    assert!(number(report, "hwm_kib") >= number(report, "rss_first_frame_kib"));
    // The watcher waits out the whole idle window before it samples the end.
    assert!(number(report, "idle_secs") >= 1.0, "{report}");
    assert!(number(report, "idle_cpu_secs") >= 0.0, "{report}");
    assert!(report["idle_frames"].is_u64() && report["idle_passes"].is_u64());
}

#[test]
fn gui_probe_bare_under_xvfb() {
    let Some(report) = probe("gui_probe_bare_under_xvfb", "bare") else {
        return;
    };
    check_common(&report, "bare");
    assert_eq!(report["reached_lobby"], false, "{report}");
    assert!(report["lobby_ms"].is_null(), "{report}");
    assert!(report["demo"].is_null(), "{report}");
}

#[test]
fn gui_probe_app_under_xvfb() {
    let Some(report) = probe("gui_probe_app_under_xvfb", "app") else {
        return;
    };
    check_common(&report, "app");
    assert_eq!(report["reached_lobby"], true, "{report}");
    // Join is pressed only once the first frame is on screen.
    assert!(
        number(&report, "lobby_ms") > number(&report, "first_frame_ms"),
        "{report}"
    );
    let demo = &report["demo"];
    assert!(number(demo, "start_ms") > 0.0, "{report}");
    assert!(demo["rss_kib"].is_u64(), "{report}");
    assert!(number(demo, "idle_cpu_secs") >= 0.0, "{report}");
}
