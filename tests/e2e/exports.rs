//! `join --har`, `--diagnostics` and `--unredacted` through the built binary: the files are
//! complete, valid, and hold a secret only when the lab flag says so.

use crate::common::binary::{SERVICE_KEY, demo_join, json_lines, run_binary, stderr, stdout};
use crate::common::closed_port;
use crate::common::exports::{file, har_problems, unzip};
use crate::common::secrets::{NOT_IN_A_JOIN, assert_no_secret, assert_no_secrets};
const BUNDLE_FILES: [&str; 7] = [
    "README.txt",
    "about.json",
    "config.json",
    "timeline.json",
    "traffic.har",
    "events.jsonl",
    "correlation.json",
];

#[test]
fn the_har_of_a_demo_join_holds_every_exchange_and_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let har = dir.path().join("join.har");
    let out = demo_join(&["--har", har.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&har).unwrap();
    assert_no_secret("HAR", &text, &NOT_IN_A_JOIN);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(har_problems(&doc), Vec::<String>::new());

    // Every exchange the engine reported is in the archive (listed by start time there).
    let mut reported: Vec<(String, String)> = json_lines(&out)
        .iter()
        .filter(|l| l["type"] == "exchange")
        .map(|l| {
            let r = &l["record"];
            (r["method"].to_string(), r["url"].to_string())
        })
        .collect();
    let entries = doc["log"]["entries"].as_array().unwrap();
    let mut archived: Vec<(String, String)> = entries
        .iter()
        .map(|e| {
            (
                e["request"]["method"].to_string(),
                e["request"]["url"].to_string(),
            )
        })
        .collect();
    assert!(reported.len() >= 8, "{reported:?}");
    let starts: Vec<&str> = entries
        .iter()
        .map(|e| e["startedDateTime"].as_str().unwrap())
        .collect();
    assert!(starts.is_sorted(), "{starts:?}");
    reported.sort();
    archived.sort();
    assert_eq!(archived, reported);
    assert!(entries.iter().all(|e| e["response"]["status"] != 0));
    assert!(
        doc["log"]["comment"]
            .as_str()
            .unwrap()
            .contains("are masked")
    );
}

#[test]
fn unredacted_keeps_secrets_in_the_files_only_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (har, zip, junit) = (
        dir.path().join("lab.har"),
        dir.path().join("lab.zip"),
        dir.path().join("lab.xml"),
    );
    let out = demo_join(
        &[
            "--unredacted",
            "--har",
            har.to_str().unwrap(),
            "--diagnostics",
            zip.to_str().unwrap(),
            "--junit",
            junit.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("WARNING: --unredacted is for lab use only"));
    assert_no_secrets(&out, &NOT_IN_A_JOIN);
    assert_no_secret(
        "JUnit",
        &std::fs::read_to_string(&junit).unwrap(),
        &NOT_IN_A_JOIN,
    );

    let text = std::fs::read_to_string(&har).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(har_problems(&doc), Vec::<String>::new());
    assert!(
        doc["log"]["comment"]
            .as_str()
            .unwrap()
            .starts_with("UNREDACTED")
    );
    assert!(
        text.contains(&format!("Bearer {SERVICE_KEY}")),
        "the service key is kept"
    );
    assert!(text.contains("psat"), "the tokens are kept");
    assert!(
        text.contains("anonymousMeetingJoinContext=psat"),
        "the discover URL is kept"
    );

    let files = unzip(&std::fs::read(&zip).unwrap());
    assert!(file(&files, "README.txt").starts_with("UNREDACTED DIAGNOSTICS"));
    assert!(file(&files, "traffic.har").contains(SERVICE_KEY));
    for name in ["events.jsonl", "config.json", "timeline.json"] {
        assert_no_secret(name, file(&files, name), &NOT_IN_A_JOIN);
    }
}

#[test]
fn the_diagnostics_bundle_of_a_demo_join_is_complete_and_holds_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("diag.zip");
    let out = demo_join(&["--diagnostics", zip.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let result = json_lines(&out).pop().unwrap();
    let files = unzip(&std::fs::read(&zip).unwrap());
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, BUNDLE_FILES);
    for (name, text) in &files {
        assert_no_secret(name, text, &NOT_IN_A_JOIN);
        if name.ends_with(".json") || name.ends_with(".har") {
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        }
    }
    let about: serde_json::Value = serde_json::from_str(file(&files, "about.json")).unwrap();
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(about["os"], std::env::consts::OS);
    let config: serde_json::Value = serde_json::from_str(file(&files, "config.json")).unwrap();
    assert_eq!(config["service_key"], "[set]");
    assert_eq!(config["origin"], "https://guest-join.invalid");
    let token_url = config["token_url"].as_str().unwrap();
    assert!(token_url.starts_with("http://127.0.0.1:") && !token_url.contains('?'));

    let timeline: serde_json::Value = serde_json::from_str(file(&files, "timeline.json")).unwrap();
    let steps: Vec<&str> = timeline["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let reported: Vec<&str> = result["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(steps, reported);
    assert!(timeline["failure"].is_null());

    let har: serde_json::Value = serde_json::from_str(file(&files, "traffic.har")).unwrap();
    assert_eq!(har_problems(&har), Vec::<String>::new());

    // The event log is what --json printed, without the result line.
    let events: Vec<&str> = file(&files, "events.jsonl").lines().collect();
    let printed = stdout(&out);
    let printed: Vec<&str> = printed.lines().collect();
    assert_eq!(events, printed[..printed.len() - 1]);

    let corr: serde_json::Value = serde_json::from_str(file(&files, "correlation.json")).unwrap();
    assert_eq!(
        corr["application_session_id"],
        result["application_session_id"]
    );
    assert!(
        !corr["operation_ids"].as_array().unwrap().is_empty(),
        "{corr}"
    );
    assert!(
        !corr["request_ids"]["x-ms-correlation-id"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{corr}"
    );
}

#[test]
fn a_join_refused_before_any_meeting_still_writes_a_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let (zip, har) = (dir.path().join("down.zip"), dir.path().join("down.har"));
    let url = format!("http://{}/GetAnonTokenJob?key=in-the-url", closed_port());
    let out = run_binary(
        &[
            "join",
            "--service",
            &url,
            "--meeting",
            "https://meet.contoso.example/ada/REAL1234",
            "--name",
            "N",
            "--diagnostics",
            zip.to_str().unwrap(),
            "--har",
            har.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let files = unzip(&std::fs::read(&zip).unwrap());
    assert_eq!(files.len(), BUNDLE_FILES.len());
    let timeline: serde_json::Value = serde_json::from_str(file(&files, "timeline.json")).unwrap();
    assert_eq!(timeline["failure"]["kind"], "service_unreachable");
    assert_eq!(timeline["failure"]["step"], "service_application");
    assert_eq!(timeline["joined"], false);
    let config: serde_json::Value = serde_json::from_str(file(&files, "config.json")).unwrap();
    assert_eq!(config["service_key"], "[not set]");
    assert!(!file(&files, "config.json").contains("in-the-url"));

    // Exchanges that got no answer: status 0 and the error in `_error`.
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&har).unwrap()).unwrap();
    assert_eq!(har_problems(&doc), Vec::<String>::new());
    let entries = doc["log"]["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    for e in entries {
        assert_eq!(e["response"]["status"], 0, "{e}");
        assert!(e["_error"].as_str().is_some_and(|s| !s.is_empty()), "{e}");
    }
}

#[test]
fn bad_input_with_diagnostics_still_writes_a_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("bad.zip");
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--meeting",
            "sip:ada@contoso.com",
            "--name",
            "N",
            "--diagnostics",
            zip.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let files = unzip(&std::fs::read(&zip).unwrap());
    let timeline: serde_json::Value = serde_json::from_str(file(&files, "timeline.json")).unwrap();
    assert_eq!(timeline["failure"]["kind"], "bad_input");
    assert_eq!(file(&files, "events.jsonl").lines().count(), 1);
}

#[test]
fn the_har_validator_reports_missing_fields_and_wrong_sums() {
    let broken = serde_json::json!({"log": {"version": "1.2", "entries": [{
        "startedDateTime": "yesterday", "time": 5,
        "request": {"method": "GET"}, "response": {}, "cache": {},
        "timings": {"send": 0, "wait": 1, "receive": -1}
    }]}});
    let problems = har_problems(&broken);
    for want in [
        "log.creator",
        "startedDateTime",
        "request.url",
        "response.status",
        "timings.receive",
        "not the sum",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{want} not reported: {problems:?}"
        );
    }
}
