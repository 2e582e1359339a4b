//! The redaction audit (docs/design.md §8): demo runs of every headless command with trace
//! logging and every output file, and a search of every byte they wrote — stdout, stderr, the HAR,
//! the JUnit report, each file of the diagnostics bundle — for the secrets: the psat (a JWT, so
//! `eyJ` and an unmasked `psat=`), the service key, and the Azure AD client secret the demo's
//! service application uses. A run with `--unredacted` shows that the search does find them.

use crate::common::binary::{SERVICE_KEY, demo_join, run_binary, stderr, stdout};
use crate::common::exports::unzip;
use crate::common::secrets;

/// The service key these runs pass, and the guest's phone number of the "call me" run,
/// searched for with the usual secrets.
const ALSO: [(&str, &str); 2] = [
    ("the service key", SERVICE_KEY),
    ("the guest's phone number", "4255550100"),
];

const TRACE: [(&str, &str); 1] = [("RUST_LOG", "trace")];

/// Everything one run wrote: (where, text).
struct Written(Vec<(String, String)>);

impl Written {
    fn of(out: &std::process::Output, files: &[(&str, &std::path::Path)]) -> Self {
        let mut all = vec![
            ("stdout".to_string(), stdout(out)),
            ("stderr".to_string(), stderr(out)),
        ];
        for (name, path) in files {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
            // The raw file too: a secret in a zip's own headers or names would count.
            all.push((
                format!("{name} (raw)"),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
            if path.extension().is_some_and(|e| e == "zip") {
                for (inner, text) in unzip(&bytes) {
                    all.push((format!("{name}/{inner}"), text));
                }
            }
        }
        Self(all)
    }

    fn leaks(&self) -> Vec<String> {
        self.0
            .iter()
            .flat_map(|(name, text)| {
                secrets::secrets_in(text, &ALSO)
                    .into_iter()
                    .map(move |s| format!("{name}: {s}"))
            })
            .collect()
    }

    fn total_bytes(&self) -> usize {
        self.0.iter().map(|(_, t)| t.len()).sum()
    }
}

fn join_with_every_output(meeting: &str, extra: &[&str]) -> (std::process::Output, Written) {
    let dir = tempfile::tempdir().unwrap();
    let har = dir.path().join("audit.har");
    let junit = dir.path().join("audit.xml");
    let zip = dir.path().join("audit.zip");
    let mut args = vec![
        "--meeting",
        meeting,
        "--har",
        har.to_str().unwrap(),
        "--junit",
        junit.to_str().unwrap(),
        "--diagnostics",
        zip.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = demo_join(&args, &TRACE);
    let written = Written::of(
        &out,
        &[("HAR", &har), ("JUnit", &junit), ("diagnostics", &zip)],
    );
    (out, written)
}

#[test]
fn no_output_of_a_traced_demo_join_holds_a_secret() {
    let (out, written) = join_with_every_output(guest_join::demo::OPEN_MEETING_URL, &[]);
    assert_eq!(out.status.code(), Some(0));
    // Trace logging really ran (the HTTP stack and the servers log at trace/debug).
    assert!(
        written.0[1].1.len() > 10_000,
        "stderr is only {} bytes",
        written.0[1].1.len()
    );
    assert!(written.0.len() >= 3 + 7, "{} outputs", written.0.len());
    assert_eq!(
        written.leaks(),
        Vec::<String>::new(),
        "{} bytes searched",
        written.total_bytes()
    );
}

#[test]
fn no_output_of_a_traced_call_me_holds_the_phone_number() {
    let (out, written) = join_with_every_output(
        guest_join::demo::LOBBY_MEETING_URL,
        &["--call-me", "+1 425 555 0100"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"phone\""), "the call ran");
    assert_eq!(
        written.leaks(),
        Vec::<String>::new(),
        "{} bytes searched",
        written.total_bytes()
    );
}

#[test]
fn no_output_of_a_failed_traced_demo_join_holds_a_secret() {
    let (out, written) = join_with_every_output(guest_join::demo::DENY_MEETING_URL, &[]);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(written.leaks(), Vec::<String>::new());
}

#[test]
fn no_output_of_a_traced_direct_join_holds_a_secret() {
    let (out, written) =
        join_with_every_output(guest_join::demo::DIRECT_OPEN_MEETING_URL, &["--direct"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        written.leaks(),
        Vec::<String>::new(),
        "{} bytes searched",
        written.total_bytes()
    );
    // The lab flag keeps the web ticket, and the search finds it.
    let (out, written) = join_with_every_output(
        guest_join::demo::DIRECT_OPEN_MEETING_URL,
        &["--direct", "--unredacted"],
    );
    assert_eq!(out.status.code(), Some(0));
    let leaks = written.leaks();
    assert!(
        leaks
            .iter()
            .any(|l| l.starts_with("HAR (raw): an unmasked cwt=")),
        "{leaks:?}"
    );
}

#[test]
fn the_audit_finds_the_secrets_when_the_lab_flag_keeps_them() {
    let (out, written) =
        join_with_every_output(guest_join::demo::OPEN_MEETING_URL, &["--unredacted"]);
    assert_eq!(out.status.code(), Some(0));
    let leaks = written.leaks();
    assert!(
        leaks.iter().any(|l| l.starts_with("HAR (raw): a JWT")),
        "{leaks:?}"
    );
    assert!(
        leaks
            .iter()
            .any(|l| l.starts_with("HAR (raw): the service key")),
        "{leaks:?}"
    );
    assert!(
        leaks
            .iter()
            .any(|l| l.starts_with("HAR (raw): an unmasked psat=")),
        "{leaks:?}"
    );
    // …and only in the files the flag is about.
    assert!(
        leaks
            .iter()
            .all(|l| l.starts_with("HAR") || l.starts_with("diagnostics")),
        "{leaks:?}"
    );
}

#[test]
fn no_output_of_traced_load_and_check_service_holds_a_secret() {
    for args in [
        &[
            "load",
            "--demo",
            "--count",
            "3",
            "--service-key",
            SERVICE_KEY,
            "--json",
        ][..],
        &[
            "check-service",
            "--demo",
            "--service-key",
            SERVICE_KEY,
            "--json",
        ][..],
        &["check-service", "--demo", "--service-key", SERVICE_KEY][..],
    ] {
        let out = run_binary(args, &TRACE);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let written = Written::of(&out, &[]);
        assert_eq!(written.leaks(), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn the_search_tells_masks_and_challenges_from_values() {
    for clean in [
        "psat=[redacted]",
        "Token does not start with psat= (the platform service's anonymous token)",
        "cwt%3D[redacted]",
        "anonymousMeetingJoinContext=[redacted]",
        "authorization: Bearer [redacted]",
        r#"www-authenticate: Bearer trusted_issuers="00000002-0000", client_id="00000004""#,
        r#"["www-authenticate","Bearer trusted_issuers=\"00000002-0000\""]"#,
    ] {
        assert_eq!(
            secrets::secrets_in(clean, &ALSO),
            Vec::<String>::new(),
            "{clean}"
        );
    }
    for (leak, name) in [
        ("psat=abc", "an unmasked psat="),
        ("?x=PSAT%3Dabc", "an unmasked psat="),
        ("cwt%253Dabc", "an unmasked cwt="),
        (
            "anonymousMeetingJoinContext=psat%3Dx",
            "an unmasked anonymousMeetingJoinContext=",
        ),
        ("Bearer abc.def", "an unmasked bearer token"),
        ("eyJhbGciOi", "a JWT (eyJ…)"),
        (SERVICE_KEY, "the service key"),
        (
            guest_join::emulator::DEFAULT_CLIENT_SECRET,
            "the AAD client secret",
        ),
    ] {
        assert!(
            secrets::secrets_in(leak, &ALSO).contains(&name.to_string()),
            "{leak}: {:?}",
            secrets::secrets_in(leak, &ALSO)
        );
    }
}
