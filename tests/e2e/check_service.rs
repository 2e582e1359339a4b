//! `guest-join check-service` (the built binary): passes against the reference service
//! application, fails naming the check against the emulator's service-application stand-in in
//! each broken mode, refuses bad URLs, and never prints a token.

use std::process::Output;

use guest_join::api::wire::Route;
use guest_join::demo::Demo;
use guest_join::emulator::{LobbyPolicy, ServiceStandinMode};
use serde_json::Value;

use crate::common::binary::{self, run_binary};
use crate::common::{self, secrets};

const CHECKS: [&str; 10] = [
    "status",
    "content_type",
    "string_keys",
    "expire_time",
    "discover",
    "token",
    "origin",
    "foreign_origin",
    "bad_request",
    "health",
];

/// No secret; `check-service` describes the psat's format but never names the join context.
fn assert_clean(out: &Output) {
    secrets::assert_no_secrets(
        out,
        &[("the join context's name", "anonymousMeetingJoinContext")],
    );
}

async fn check_json(url: String) -> (Output, Value) {
    let out =
        tokio::task::spawn_blocking(move || run_binary(&["check-service", &url, "--json"], &[]))
            .await
            .unwrap();
    assert_clean(&out);
    let (stdout, stderr) = (binary::stdout(&out), binary::stderr(&out));
    let report: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("one JSON object expected ({e}):\n{stdout}\n{stderr}"));
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, CHECKS, "{report}");
    (out, report)
}

/// The result and detail of the check `name`.
fn check<'a>(report: &'a Value, name: &str) -> (&'a str, &'a str) {
    let c = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {report}"));
    (c["result"].as_str().unwrap(), c["detail"].as_str().unwrap())
}

async fn standin(mode: ServiceStandinMode) -> (Demo, String) {
    let demo = common::start(common::test_config(guest_join::emulator::demo_meetings())).await;
    demo.control().set_service_standin(mode);
    let url = demo.emulator().service_standin_url().to_string();
    (demo, url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reference_service_application_passes_every_check() {
    let demo = common::start(common::test_config(guest_join::emulator::demo_meetings())).await;
    let (out, report) = check_json(demo.token_url().to_string()).await;
    assert_eq!(out.status.code(), Some(0), "{report}");
    for name in CHECKS {
        assert_eq!(check(&report, name).0, "pass", "{name}: {report}");
    }
    assert_eq!(report["passed"], true);
    assert_eq!(report["exit_code"], 0);
    demo.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_html_body_fails_the_content_type_and_json_checks() {
    let (demo, url) = standin(ServiceStandinMode::HtmlBody).await;
    let (out, report) = check_json(url.clone()).await;
    assert_eq!(out.status.code(), Some(3), "{report}");
    assert_eq!(check(&report, "status").0, "pass");
    let (r, detail) = check(&report, "content_type");
    assert_eq!(r, "fail");
    assert!(detail.contains("text/html"), "{detail}");
    let (r, detail) = check(&report, "string_keys");
    assert_eq!(r, "fail");
    assert!(detail.contains("HTML"), "{detail}");
    assert_eq!(check(&report, "expire_time").0, "skipped");
    assert_eq!(
        check(&report, "discover"),
        ("skipped", "(needs string_keys)")
    );
    // The human table names the failed checks too.
    let human = tokio::task::spawn_blocking(move || run_binary(&["check-service", &url], &[]))
        .await
        .unwrap();
    assert_eq!(human.status.code(), Some(3));
    assert_clean(&human);
    let stdout = binary::stdout(&human);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("content_type "))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(row.contains("FAIL"), "{row}");
    assert!(
        stdout.contains("FAILED: content_type, string_keys"),
        "{stdout}"
    );
    // The stand-in's requests are in the journal.
    assert!(
        demo.control()
            .journal()
            .iter()
            .any(|e| e.route == Route::ServiceStandin && e.status == 200)
    );
    demo.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_number_expire_time_fails_the_string_keys_check_naming_it() {
    let (demo, url) = standin(ServiceStandinMode::NumberExpireTime).await;
    let (out, report) = check_json(url).await;
    assert_eq!(out.status.code(), Some(3), "{report}");
    assert_eq!(check(&report, "content_type").0, "pass");
    let (r, detail) = check(&report, "string_keys");
    assert_eq!(r, "fail");
    assert!(detail.contains("ExpireTime is a number"), "{detail}");
    assert_eq!(
        check(&report, "expire_time"),
        ("skipped", "(needs string_keys)")
    );
    demo.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_fails_the_expiry_check() {
    let (demo, url) = standin(ServiceStandinMode::ExpiredToken).await;
    let (out, report) = check_json(url).await;
    assert_eq!(out.status.code(), Some(3), "{report}");
    assert_eq!(check(&report, "string_keys").0, "pass");
    let (r, detail) = check(&report, "expire_time");
    assert_eq!(r, "fail");
    assert!(detail.contains("expired 1 h"), "{detail}");
    assert_eq!(check(&report, "token").0, "skipped");
    demo.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_broken_modes_fail_their_own_check_only() {
    let (demo, url) = standin(ServiceStandinMode::WrongContentType).await;
    let (out, report) = check_json(url.clone()).await;
    assert_eq!(out.status.code(), Some(3), "{report}");
    let failed: Vec<&str> = CHECKS
        .into_iter()
        .filter(|n| !matches!(check(&report, n).0, "pass" | "warn"))
        .collect();
    assert_eq!(failed, ["content_type"], "{report}");
    // The stand-in mints for any origin: a warning, not a failure.
    assert_eq!(check(&report, "foreign_origin").0, "warn");

    demo.control()
        .set_service_standin(ServiceStandinMode::ErrorNotJson);
    let (out, report) = check_json(url.clone()).await;
    assert_eq!(out.status.code(), Some(3), "{report}");
    let (r, detail) = check(&report, "bad_request");
    assert_eq!(r, "fail");
    assert!(detail.contains("not a JSON object"), "{detail}");

    // The faithful stand-in passes (with the foreign-origin warning) and exits 0.
    demo.control()
        .set_service_standin(ServiceStandinMode::Faithful);
    let (out, report) = check_json(url).await;
    assert_eq!(out.status.code(), Some(0), "{report}");
    demo.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_service_fails_with_a_clear_message() {
    let closed = common::closed_port();
    let (out, report) = check_json(format!("http://{closed}/GetAnonTokenJob")).await;
    assert_eq!(out.status.code(), Some(3), "{report}");
    let (r, detail) = check(&report, "status");
    assert_eq!(r, "fail");
    assert!(detail.contains("could not connect"), "{detail}");
    assert_eq!(check(&report, "health"), ("skipped", "(needs status)"));
}

#[test]
fn plain_http_to_another_computer_and_bad_usage_are_refused() {
    let out = run_binary(
        &["check-service", "http://sa.example.com/GetAnonTokenJob"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let (stdout, stderr) = (binary::stdout(&out), binary::stderr(&out));
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("must use https"), "{stderr}");

    let out = run_binary(&["check-service", "not a url"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(binary::stderr(&out).contains("not an absolute URL"));

    let out = run_binary(
        &[
            "check-service",
            "https://sa.example.com/GetAnonTokenJob",
            "--origin",
            "http://evil.example",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(binary::stderr(&out).contains("--origin"));

    let out = run_binary(&["check-service"], &[]);
    assert_eq!(out.status.code(), Some(2), "clap usage error");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_placeholder_meeting_says_to_pass_meeting() {
    // Meetings on another host: the stand-in refuses the placeholder (a demo meeting URL).
    let meeting = "https://meet.contoso.example/ada/OPEN0001";
    let spec = common::empty_meeting(meeting, "Elsewhere", LobbyPolicy::Open);
    let demo = common::start(common::test_config(vec![spec])).await;
    let url = demo.emulator().service_standin_url().to_string();
    let (out, report) = check_json(url.clone()).await;
    assert_eq!(out.status.code(), Some(3), "{report}");
    let (r, detail) = check(&report, "status");
    assert_eq!(r, "fail");
    assert!(
        detail.contains("placeholder meeting URL") && detail.contains("--meeting"),
        "{detail}"
    );
    assert_eq!(report["meeting_is_placeholder"], true);

    let out = tokio::task::spawn_blocking(move || {
        run_binary(
            &["check-service", &url, "--meeting", meeting, "--json"],
            &[],
        )
    })
    .await
    .unwrap();
    assert_clean(&out);
    assert_eq!(out.status.code(), Some(0), "{}", binary::stderr(&out));
    demo.shutdown().await;
}

#[test]
fn the_built_in_demo_can_be_checked() {
    let out = run_binary(&["check-service", "--demo"], &[]);
    assert_clean(&out);
    let (stdout, stderr) = (binary::stdout(&out), binary::stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("10 checks: 10 pass, 0 warn, 0 fail, 0 skipped"),
        "{stdout}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn join_works_through_the_faithful_stand_in_and_not_the_broken_one() {
    let (demo, url) = standin(ServiceStandinMode::Faithful).await;
    let join = |url: String| {
        tokio::task::spawn_blocking(move || {
            run_binary(
                &[
                    "join",
                    "--service",
                    &url,
                    "--name",
                    "QA",
                    "--meeting",
                    guest_join::demo::OPEN_MEETING_URL,
                ],
                &[],
            )
        })
    };
    let out = join(url.clone()).await.unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", binary::stderr(&out));
    demo.control()
        .set_service_standin(ServiceStandinMode::HtmlBody);
    let out = join(url).await.unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", binary::stderr(&out));
    assert_clean(&out);
    demo.shutdown().await;
}
