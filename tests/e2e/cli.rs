//! The built binary: `guest-join join` exit codes, JSON Lines, human output, and that no token
//! ever reaches stdout or stderr.

use guest_join::emulator::LobbyPolicy;

use crate::common;
use crate::common::binary::{demo_join, json_lines, result, run_binary, stderr, stdout};
use crate::common::secrets::{NOT_IN_A_JOIN, assert_no_secret, assert_no_secrets};

#[test]
fn demo_join_of_the_open_meeting_exits_0_without_leaking_tokens() {
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            guest_join::demo::OPEN_MEETING_URL,
            "--name",
            "Ada",
            "--json",
        ],
        &[("RUST_LOG", "debug")],
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_no_secrets(&out, &NOT_IN_A_JOIN);
    let lines = json_lines(&out);
    assert!(lines.iter().all(|l| l["type"].is_string()));
    assert!(
        lines
            .iter()
            .any(|l| l["type"] == "phase" && l["phase"] == "in_meeting")
    );
    let r = result(&out);
    assert_eq!(
        (
            r["outcome"].as_str(),
            r["left_cleanly"].as_bool(),
            r["exit_code"].as_i64()
        ),
        (Some("joined"), Some(true), Some(0))
    );
    assert!(r["error"].is_null());
    let names: Vec<&str> = r["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "service_application",
            "discovery",
            "application",
            "event_channel",
            "join_request",
            "in_meeting",
            "leave"
        ]
    );
    for s in r["steps"].as_array().unwrap() {
        assert!(s["ms"].is_u64(), "{s}");
    }
}

#[test]
fn demo_without_meeting_joins_the_open_meeting_with_human_output() {
    let out = run_binary(&["join", "--demo", "--name", "Ada"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("In the meeting \"Open demo meeting\""),
        "{text}"
    );
    assert!(text.contains("Service application"), "{text}");
    assert!(text.contains("Result: joined (exit 0)"), "{text}");
    assert_no_secrets(&out, &NOT_IN_A_JOIN);
}

#[test]
fn demo_denied_meeting_exits_6() {
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            guest_join::demo::DENY_MEETING_URL,
            "--name",
            "Alan",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(6));
    let r = result(&out);
    assert_eq!(r["outcome"], "failed");
    assert_eq!(r["error"]["kind"], "lobby_denied");
    assert_eq!(r["error"]["id"], "GJ-LOBBY-DENIED");
    assert_eq!(r["error"]["subcode"], "Denied");
    assert_eq!(r["left_cleanly"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_meeting_exits_5_and_service_down_exits_3() {
    let spec = common::empty_meeting(
        "https://meet.contoso.example/ada/REAL1234",
        "Real",
        LobbyPolicy::Open,
    );
    let demo = common::start(common::test_config(vec![spec])).await;
    let token_url = demo.token_url().to_string();
    let out = tokio::task::spawn_blocking(move || {
        run_binary(
            &[
                "join",
                "--service",
                &token_url,
                "--meeting",
                "https://meet.contoso.example/ada/GONE1234",
                "--name",
                "Nobody",
                "--json",
            ],
            &[],
        )
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert_eq!(result(&out)["error"]["kind"], "meeting_not_found");
    assert_no_secrets(&out, &NOT_IN_A_JOIN);

    let url = format!("http://{}/GetAnonTokenJob", common::closed_port());
    let out = tokio::task::spawn_blocking(move || {
        run_binary(
            &[
                "join",
                "--service",
                &url,
                "--meeting",
                "https://meet.contoso.example/ada/REAL1234",
                "--name",
                "N",
                "--json",
            ],
            &[],
        )
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(result(&out)["error"]["kind"], "service_unreachable");
    assert_no_secrets(&out, &NOT_IN_A_JOIN);
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let cases: [(&str, &str, &str); 6] = [
        (
            "sip:ada@contoso.com;gruu;opaque=app:conf:focus:id:X1",
            "Ada",
            "not a meeting link",
        ),
        ("http://meet.contoso.example/ada/X1", "Ada", "https://"),
        ("not a link", "Ada", "does not look like a link"),
        (
            "https://meet.contoso.example/ada/X1",
            "   ",
            "Type the name",
        ),
        (
            "https://meet.contoso.example/ada/X1",
            "Ada\tLovelace",
            "control character",
        ),
        (
            "https://meet.contoso.example/ada/X1",
            &"n".repeat(251),
            "too long",
        ),
    ];
    for (meeting, name, needle) in cases {
        let out = run_binary(
            &[
                "join",
                "--service",
                "http://127.0.0.1:9/x",
                "--meeting",
                meeting,
                "--name",
                name,
            ],
            &[],
        );
        assert_eq!(out.status.code(), Some(2), "{meeting} {name}");
        let err = stderr(&out);
        assert!(err.contains(needle), "{needle:?} not in {err:?}");
    }
    let out = run_binary(
        &[
            "join",
            "--service",
            "http://127.0.0.1:9/x",
            "--meeting",
            "sip:x@y",
            "--name",
            "A",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(result(&out)["error"]["kind"], "bad_input");
    let out = run_binary(
        &[
            "join",
            "--service",
            "http://example.com/x",
            "--meeting",
            "https://meet.x/a/B",
            "--name",
            "A",
        ],
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "plain http to another host is refused"
    );
    let out = run_binary(
        &["join", "--meeting", "https://meet.x/a/B", "--name", "A"],
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "neither --service nor --demo is a usage error"
    );
}

#[test]
fn invitation_text_is_accepted_as_the_meeting() {
    let text = format!(
        "Hi! Join Skype Meeting<{}>\nJoin by phone +1 555 0100",
        guest_join::demo::QUICK_MEETING_URL
    );
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            &text,
            "--name",
            "Ada",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(result(&out)["subject"], "Quick demo meeting");
}

#[test]
fn help_lists_the_demo_meetings_and_exit_codes() {
    let out = run_binary(&["join", "--help"], &[]);
    let text = stdout(&out);
    for url in guest_join::demo::ALL_MEETING_URLS {
        assert!(text.contains(url), "{url}");
    }
    assert!(text.contains("6 lobby denied or timed out"));
}

#[test]
fn har_and_junit_files_are_complete_and_hold_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let (har, junit) = (dir.path().join("join.har"), dir.path().join("join.xml"));
    let out = demo_join(
        &[
            "--har",
            har.to_str().unwrap(),
            "--junit",
            junit.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_no_secrets(&out, &NOT_IN_A_JOIN);
    let har_text = std::fs::read_to_string(&har).unwrap();
    let junit_text = std::fs::read_to_string(&junit).unwrap();
    assert_no_secret("HAR", &har_text, &NOT_IN_A_JOIN);
    assert_no_secret("JUnit", &junit_text, &NOT_IN_A_JOIN);

    let v: serde_json::Value = serde_json::from_str(&har_text).unwrap();
    assert_eq!(v["log"]["version"], "1.2");
    assert_eq!(v["log"]["creator"]["name"], "guest-join");
    let entries = v["log"]["entries"].as_array().unwrap();
    let steps: Vec<&str> = entries.iter().filter_map(|e| e["_step"].as_str()).collect();
    for step in [
        "service_application",
        "discovery",
        "application",
        "event_channel",
        "join_request",
        "chat",
        "leave",
    ] {
        assert!(steps.contains(&step), "no {step} exchange in {steps:?}");
    }
    assert_eq!(
        crate::common::exports::har_problems(&v),
        Vec::<String>::new()
    );
    let service = entries
        .iter()
        .find(|e| e["_step"] == "service_application")
        .unwrap();
    let auth = service["request"]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "authorization")
        .unwrap();
    assert_eq!(auth["value"], "Bearer [redacted]");

    let report = quick_junit::Report::deserialize_from_str(&junit_text).expect("JUnit parses");
    let cases: Vec<String> = report.test_suites[0]
        .test_cases
        .iter()
        .map(|c| c.name.to_string())
        .collect();
    assert_eq!(
        cases,
        [
            "service_application",
            "discovery",
            "application",
            "event_channel",
            "join_request",
            "in_meeting",
            "leave"
        ]
    );
}

#[test]
fn junit_of_a_denied_join_carries_the_failure() {
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("denied.xml");
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            guest_join::demo::DENY_MEETING_URL,
            "--name",
            "A",
            "--junit",
            junit.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(6));
    let report =
        quick_junit::Report::deserialize_from_str(&std::fs::read_to_string(&junit).unwrap())
            .unwrap();
    let lobby = report.test_suites[0]
        .test_cases
        .iter()
        .find(|c| c.name.as_str() == "lobby")
        .expect("a lobby case");
    match &lobby.status {
        quick_junit::TestCaseStatus::NonSuccess {
            ty, description, ..
        } => {
            assert_eq!(ty.as_ref().map(|t| t.as_str()), Some("GJ-LOBBY-DENIED"));
            assert!(
                description
                    .as_ref()
                    .is_some_and(|d| d.contains("Forbidden/Denied"))
            );
        }
        other => panic!("lobby should fail: {other:?}"),
    }
}

/// The window's link argument: one meeting only (the link or `--meeting`), a bad language is
/// refused before any window opens.
#[test]
fn the_window_refuses_two_meetings_and_unknown_languages() {
    let out = run_binary(
        &[
            "lync15:confjoin?url=https://meet.contoso.example/ada/X1",
            "--meeting",
            "https://meet.contoso.example/ada/X2",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot be used with '--meeting"),
        "{}",
        stderr(&out)
    );
    let out = run_binary(&["--language", "klingon"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("there are no messages for \"klingon\""),
        "{}",
        stderr(&out)
    );
}
