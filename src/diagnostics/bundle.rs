//! The diagnostics bundle: one zip with everything support needs about one session —
//! `README.txt`, `about.json`, `config.json`, `timeline.json`, `traffic.har`, `events.jsonl`,
//! `correlation.json`. Made the same way by `join --diagnostics` and the window's "Save
//! diagnostics…", whatever the outcome (also when the join failed before any meeting).

use std::io::{Cursor, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::api::exchange::RecordMode;
use crate::api::recorder::Traffic;
use crate::join::JoinStatus;

use super::about::About;
use super::config_view::ConfigView;
use super::events::EventLines;
use super::{correlation, har, timeline};

/// The files of a bundle, in the order they are written.
pub const FILES: [&str; 7] = [
    "README.txt",
    "about.json",
    "config.json",
    "timeline.json",
    "traffic.har",
    "events.jsonl",
    "correlation.json",
];

/// The window's log (its end), in bundles saved from the window.
pub const LOG_FILE: &str = "log.txt";

/// The first line of the README of a bundle made with `--unredacted`.
pub const UNREDACTED_README: &str = "UNREDACTED DIAGNOSTICS";

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("cannot build the zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot build the zip: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Everything that goes into a bundle.
pub struct BundleInput<'a> {
    /// Names the session (the HAR page title).
    pub title: &'a str,
    pub config: &'a ConfigView,
    pub status: &'a JoinStatus,
    pub traffic: &'a Traffic,
    pub events: &'a EventLines,
    /// The end of the window's log file, masked (`logging::tail`); `None` from the command line,
    /// which logs to its own stderr.
    pub log: Option<&'a str>,
}

fn readme(input: &BundleInput<'_>, about: &About) -> String {
    let redaction = match input.traffic.mode {
        RecordMode::Redacted => {
            "Secrets are masked everywhere: the Authorization header, guest tokens in \
URLs and bodies, the discover URL and the service key appear as [redacted]."
                .to_string()
        }
        RecordMode::Unredacted => format!(
            "{UNREDACTED_README}: made with --unredacted (lab use only). traffic.har contains live \
tokens, the discover URL and the service key as sent and received. Do not share this file; \
delete it after use. (events.jsonl, timeline.json and config.json are still redacted.)"
        ),
    };
    let first = if input.traffic.mode == RecordMode::Unredacted {
        format!("{UNREDACTED_README}\n\n")
    } else {
        String::new()
    };
    let dropped = if input.traffic.dropped > 0 || input.events.dropped > 0 {
        format!(
            "\nLong session: {} exchanges and {} events in the middle were not kept (the first and \
the latest are).\n",
            input.traffic.dropped, input.events.dropped
        )
    } else {
        String::new()
    };
    format!(
        "{first}guest-join {version} diagnostics bundle, made {created}.\n\
Session: {title}. Outcome: {phase}.\n\n\
{redaction}\n{dropped}\n\
Files:\n\
  about.json        program version, build profile, OS and architecture\n\
  config.json       the configuration the session ran with (no secrets)\n\
  timeline.json     the join steps: state, duration, HTTP status, UCWA code/subcode; the failure\n\
  traffic.har       every HTTP exchange (HAR 1.2: open it in the browser devtools' Network tab)\n\
  events.jsonl      the engine's events, one JSON object a line (as `join --json` prints them)\n\
  correlation.json  ApplicationSessionId, operationIds and request ids for server-side logs\n{log}",
        version = about.version,
        created = about.created,
        title = input.title,
        phase = input.status.phase.label(),
        log = if input.log.is_some() {
            "  log.txt           the end of the app's log file (tokens masked)\n"
        } else {
            ""
        },
    )
}

fn json_bytes(v: &impl serde::Serialize) -> Result<Vec<u8>, BundleError> {
    serde_json::to_vec_pretty(v).map_err(|e| BundleError::Io(e.into()))
}

/// The bundle as zip bytes.
pub fn bundle_bytes(input: &BundleInput<'_>) -> Result<Vec<u8>, BundleError> {
    let about = About::now();
    let har = har::archive(input.traffic, input.title);
    let corr = correlation::collect(
        input.status.application_session_id.as_deref(),
        &input.traffic.records,
    );
    let mut events = input.events.lines.join("\n");
    if !events.is_empty() {
        events.push('\n');
    }
    let contents: [Vec<u8>; 7] = [
        readme(input, &about).into_bytes(),
        json_bytes(&about)?,
        json_bytes(input.config)?,
        json_bytes(&timeline::timeline(input.status))?,
        json_bytes(&har)?,
        events.into_bytes(),
        json_bytes(&corr)?,
    ];
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o600);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in FILES.iter().zip(contents) {
        zip.start_file(*name, options)?;
        zip.write_all(&bytes)?;
    }
    if let Some(log) = input.log {
        zip.start_file(LOG_FILE, options)?;
        zip.write_all(crate::redact::mask_tokens(log).as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Build the bundle and write it to `path`.
pub fn write_bundle(path: &Path, input: &BundleInput<'_>) -> Result<(), BundleError> {
    let bytes = bundle_bytes(input)?;
    std::fs::write(path, bytes).map_err(|source| BundleError::Write {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::api::HttpOptions;

    fn files(bytes: Vec<u8>) -> Vec<(String, String)> {
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                (f.name().unwrap().to_string(), s)
            })
            .collect()
    }

    #[test]
    fn an_empty_session_still_makes_a_complete_bundle() {
        let config = ConfigView::partial(
            "--service",
            true,
            &HttpOptions::default(),
            RecordMode::Redacted,
        );
        let input = BundleInput {
            title: "t",
            config: &config,
            status: &JoinStatus::default(),
            traffic: &Traffic::default(),
            events: &EventLines::default(),
            log: None,
        };
        let files = files(bundle_bytes(&input).unwrap());
        let names: Vec<_> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, FILES);
        for (name, text) in &files {
            if name.ends_with(".json") || name.ends_with(".har") {
                serde_json::from_str::<serde_json::Value>(text).unwrap();
            }
        }
        assert!(files[2].1.contains("\"service_key\": \"[set]\""));
        assert!(!files[0].1.contains(UNREDACTED_README));
    }

    #[test]
    fn an_unredacted_bundle_says_so_first() {
        let config = ConfigView::partial(
            "demo",
            false,
            &HttpOptions::default(),
            RecordMode::Unredacted,
        );
        let traffic = Traffic {
            mode: RecordMode::Unredacted,
            ..Traffic::default()
        };
        let input = BundleInput {
            title: "t",
            config: &config,
            status: &JoinStatus::default(),
            traffic: &traffic,
            events: &EventLines::default(),
            log: None,
        };
        let files = files(bundle_bytes(&input).unwrap());
        assert!(files[0].1.starts_with(UNREDACTED_README), "{}", files[0].1);
    }

    #[test]
    fn the_windows_log_goes_in_masked() {
        let config =
            ConfigView::partial("demo", false, &HttpOptions::default(), RecordMode::Redacted);
        let input = BundleInput {
            title: "t",
            config: &config,
            status: &JoinStatus::default(),
            traffic: &Traffic::default(),
            events: &EventLines::default(),
            log: Some("INFO GET https://h/discover?psat=eyJhbGci.x.y\n"),
        };
        let files = files(bundle_bytes(&input).unwrap());
        let (name, text) = files.last().unwrap();
        assert_eq!(name, LOG_FILE);
        assert!(
            text.contains("psat=[redacted]") && !text.contains("eyJ"),
            "{text}"
        );
        assert!(files[0].1.contains("log.txt"));
    }
}
