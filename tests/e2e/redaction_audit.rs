//! The redaction audit (docs/design.md §8): demo runs of every headless command with trace
//! logging and every output file, and a search of every byte they wrote — stdout, stderr, the HAR,
//! the JUnit report, each file of the diagnostics bundle — for the secrets: the psat (a JWT, so
//! `eyJ` and an unmasked `psat=`), the service key, and the Azure AD client secret the demo's
//! service application uses. A run with `--unredacted` shows that the search does find them.

use guest_join::emulator::DEFAULT_CLIENT_SECRET;

use crate::common::exports::unzip;
use crate::common::run_binary;

const KEY: &str = "sk-audit-service-key-7f3e";
const TRACE: [(&str, &str); 1] = [("RUST_LOG", "trace")];

/// Every secret found in `text`, by name.
fn secrets_in(text: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    if text.contains("eyJ") {
        found.push("a JWT (eyJ…)");
    }
    // A token value after `psat=` (its JWT alphabet), not the mask or a sentence about it.
    let token_after = |i: usize| {
        text[i + 5..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '%'))
            .count()
            >= 16
    };
    if text.match_indices("psat=").any(|(i, _)| token_after(i)) {
        found.push("an unmasked psat=");
    }
    // The direct mode's web ticket, plain or URL-encoded (the renewal form carries it).
    let lower = text.to_ascii_lowercase();
    let cwt = ["cwt=", "cwt%3d", "cwt%253d"].iter().any(|m| {
        lower.match_indices(m).any(|(i, _)| {
            lower[i + m.len()..]
                .chars()
                .take_while(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '%' | '+' | '/')
                })
                .count()
                >= 16
        })
    });
    if cwt {
        found.push("an unmasked cwt=");
    }
    if text.contains(KEY) {
        found.push("the service key");
    }
    if text.contains(DEFAULT_CLIENT_SECRET) {
        found.push("the AAD client secret");
    }
    found
}

/// Everything one run wrote: (where, text).
struct Written(Vec<(String, String)>);

impl Written {
    fn of(out: &std::process::Output, files: &[(&str, &std::path::Path)]) -> Self {
        let mut all = vec![
            (
                "stdout".to_string(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            ),
            (
                "stderr".to_string(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            ),
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
                secrets_in(text)
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
        "join",
        "--demo",
        "--meeting",
        meeting,
        "--name",
        "Audit",
        "--chat",
        "hello from the audit",
        "--service-key",
        KEY,
        "--json",
        "--har",
        har.to_str().unwrap(),
        "--junit",
        junit.to_str().unwrap(),
        "--diagnostics",
        zip.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = run_binary(&args, &TRACE);
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
fn no_output_of_a_failed_traced_demo_join_holds_a_secret() {
    let (out, written) = join_with_every_output(guest_join::demo::DENY_MEETING_URL, &[]);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(written.leaks(), Vec::<String>::new());
}

#[test]
fn no_output_of_a_traced_direct_join_holds_a_secret() {
    let (out, written) =
        join_with_every_output(guest_join::demo::DIRECT_OPEN_MEETING_URL, &["--direct"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
            KEY,
            "--json",
        ][..],
        &["check-service", "--demo", "--service-key", KEY, "--json"][..],
        &["check-service", "--demo", "--service-key", KEY][..],
    ] {
        let out = run_binary(args, &TRACE);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let written = Written::of(&out, &[]);
        assert_eq!(written.leaks(), Vec::<String>::new(), "{args:?}");
    }
}
