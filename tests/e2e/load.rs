//! The built binary: `guest-join load` (many guests, their outcomes grouped, per-step figures)
//! and `guest-join bench` (its report fields; no timing is asserted).

use crate::common::binary::{run_binary, stderr, stdout};

fn report(out: &std::process::Output) -> serde_json::Value {
    let text = stdout(out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON object expected:\n{text}");
    serde_json::from_str(lines[0]).unwrap_or_else(|e| panic!("not JSON: {e}: {text}"))
}

#[test]
fn fifty_demo_guests_all_join_and_leave() {
    let out = run_binary(
        &[
            "load",
            "--demo",
            "--meeting",
            guest_join::demo::OPEN_MEETING_URL,
            "--count",
            "50",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let r = report(&out);
    assert_eq!(r["command"], "load");
    assert_eq!(r["count"], 50);
    assert_eq!(r["started"], 50);
    assert_eq!(r["joined"], 50);
    assert_eq!(r["success_rate"], 1.0);
    assert_eq!(r["not_left_cleanly"], 0);
    assert_eq!(r["failures"], serde_json::json!([]));
    assert_eq!(r["exit_code"], 0);
    let steps = r["steps"].as_array().expect("steps");
    let names: Vec<&str> = steps.iter().filter_map(|s| s["name"].as_str()).collect();
    for step in [
        "service_application",
        "discovery",
        "application",
        "event_channel",
        "join_request",
        "in_meeting",
        "leave",
    ] {
        assert!(names.contains(&step), "{step} missing from {names:?}");
    }
    for s in steps {
        assert_eq!(s["count"], 50, "{s}");
        let (p50, p95, max) = (&s["p50"], &s["p95"], &s["max"]);
        assert!(
            p50.as_u64() <= p95.as_u64() && p95.as_u64() <= max.as_u64(),
            "{s}"
        );
    }
    assert_eq!(r["time_to_joined"]["count"], 50);
    assert!(r["wall_ms"].is_u64());
    if cfg!(target_os = "linux") {
        assert!(r["peak_rss_bytes"].as_u64().is_some_and(|b| b > 0), "{r}");
    }
    let text = stdout(&out);
    assert!(!text.contains("psat"), "a token reached stdout: {text}");
}

#[test]
fn failing_guests_are_grouped_by_error_id() {
    // The demo emulator mints tokens for any meeting on its host; this one does not exist.
    let out = run_binary(
        &[
            "load",
            "--demo",
            "--meeting",
            "https://meet.demo.guest-join.invalid/nobody/NOPE0000",
            "--count",
            "4",
            "--concurrency",
            "2",
            "--json",
        ],
        &[],
    );
    let r = report(&out);
    assert_eq!(r["joined"], 0, "{r}");
    assert_eq!(
        r["failures"],
        serde_json::json!([{"id": "GJ-MEETING-NOT-FOUND", "count": 4, "exit_code": 5}])
    );
    // All failed the same way: the exit code of that failure class.
    assert_eq!(out.status.code(), Some(5), "stderr: {}", stderr(&out));
    assert_eq!(r["exit_code"], 5);
    assert_eq!(r["not_left_cleanly"], 0);
}

#[test]
fn human_output_names_the_failures_and_exits_non_zero() {
    let out = run_binary(
        &[
            "load",
            "--demo",
            "--meeting",
            guest_join::demo::DENY_MEETING_URL,
            "--count",
            "2",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(6), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Joined: 0/2"), "{text}");
    assert!(text.contains("GJ-LOBBY-DENIED"), "{text}");
}

#[test]
fn bad_load_input_is_refused_with_exit_2() {
    let out = run_binary(
        &[
            "load",
            "--demo",
            "--meeting",
            "sip:ada@contoso.com",
            "--count",
            "3",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run_binary(&["load", "--demo", "--count", "0"], &[]);
    assert_eq!(out.status.code(), Some(2), "--count 0 is usage");
}

#[test]
fn bench_reports_the_floor_and_how_k_is_made_up() {
    let out = run_binary(
        &["bench", "--runs", "2", "--latency-ms", "5", "--json"],
        &[],
    );
    let r = report(&out);
    assert_eq!(r["command"], "bench");
    assert_eq!(r["latency_ms"], 5);
    assert_eq!(r["runs"], 2);
    assert_eq!(r["warmup_runs"], 1);
    assert_eq!(r["joined_runs"], 2, "{r}");
    let k = r["k"].as_u64().expect("k");
    assert_eq!(r["k_parts"].as_array().map(Vec::len), Some(k as usize));
    assert_eq!(r["floor_ms"].as_u64(), Some(5 * k));
    assert!(r["median_ms"].is_u64(), "{r}");
    assert!(r["ratio"].is_f64(), "{r}");
    assert!(r["k_journal"].as_u64().is_some_and(|n| n > 0), "{r}");
    assert!(r["steps"].as_array().is_some_and(|s| !s.is_empty()));
    // The exit code follows the verdict the report states (whatever the machine's timing).
    let expected = if r["within_target"] == true { 0 } else { 1 };
    assert_eq!(out.status.code(), Some(expected), "{r}");
    assert_eq!(r["exit_code"], expected);
}

#[test]
fn bench_gui_without_a_display_says_what_it_needs() {
    let out = run_binary(
        &["bench", "--gui", "--runs", "1", "--latency-ms", "0"],
        &[("DISPLAY", ""), ("WAYLAND_DISPLAY", "")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("needs a display"), "{err}");
    assert!(err.contains("xvfb-run"), "{err}");
}

#[test]
fn a_short_soak_goes_through_renewals_drops_and_chat_and_reports_memory() {
    let out = run_binary(
        &[
            "soak",
            "--seconds",
            "14",
            "--token-secs",
            "10",
            "--drop-every-secs",
            "3",
            "--json",
        ],
        &[],
    );
    let r = report(&out);
    assert_eq!(r["command"], "soak");
    assert_eq!(r["stayed_in_meeting"], true, "{r}");
    assert_eq!(r["left_cleanly"], true, "{r}");
    assert!(r["rejoins"].as_u64().unwrap() >= 1, "a token renewal: {r}");
    assert!(r["channel_drops"].as_u64().unwrap() >= 1, "{r}");
    assert!(
        r["event_gets"].as_u64().unwrap() > r["channel_drops"].as_u64().unwrap(),
        "{r}"
    );
    assert!(r["chat_received"].as_u64().unwrap() >= 1, "{r}");
    assert!(r["rss_samples"].as_u64().unwrap() >= 10, "{r}");
    assert!(r["rss_start_bytes"].as_u64().unwrap() > 0, "{r}");
    // The verdict is the report's own: exit 0 exactly when memory stayed flat.
    let flat = r["memory_flat"].as_bool().unwrap();
    assert_eq!(out.status.code(), Some(if flat { 0 } else { 1 }), "{r}");
}
