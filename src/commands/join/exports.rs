//! `join --har`, `--diagnostics` and `--unredacted`: the session's traffic recorder and event
//! log, and the files written from them at the end, whatever the outcome.

use std::path::PathBuf;
use std::sync::Arc;

use crate::api::HttpOptions;
use crate::api::exchange::RecordMode;
use crate::api::recorder::TrafficRecorder;
use crate::cli::JoinArgs;
use crate::diagnostics::events::EventLog;
use crate::diagnostics::{BundleInput, ConfigView, har, write_bundle};
use crate::join::JoinStatus;

/// Printed on stderr when `--unredacted` is given.
pub const UNREDACTED_WARNING: &str = "\
WARNING: --unredacted is for lab use only. The --har and --diagnostics files of this run will
WARNING: contain live tokens, the discover URL and the service key. Do not share them; delete
WARNING: them after use. (stdout, stderr and JUnit stay masked.)";

pub struct Exports {
    har: Option<PathBuf>,
    diagnostics: Option<PathBuf>,
    pub recorder: Arc<TrafficRecorder>,
    pub events: Arc<EventLog>,
}

impl Exports {
    pub fn new(args: &JoinArgs) -> Self {
        let mode = if args.unredacted {
            RecordMode::Unredacted
        } else {
            RecordMode::Redacted
        };
        Self {
            har: args.har.clone(),
            diagnostics: args.diagnostics.clone(),
            recorder: Arc::new(TrafficRecorder::new(mode)),
            events: Arc::new(EventLog::default()),
        }
    }

    /// Whether any file will be written (else nothing needs recording).
    pub fn wanted(&self) -> bool {
        self.har.is_some() || self.diagnostics.is_some()
    }

    pub fn mode(&self) -> RecordMode {
        self.recorder.mode()
    }

    /// What is known of the configuration when the session could not be built.
    pub fn partial_config(&self, args: &JoinArgs) -> ConfigView {
        let mut c = ConfigView::partial(
            // The same words the session's own configuration uses (`JoinSource::label`).
            crate::commands::target::source(&args.target)
                .map_or("not resolved (a flag was refused)", |s| s.label()),
            args.target.service_key.is_some(),
            &HttpOptions::default(),
            self.mode(),
        );
        c.origin = args.target.origin.clone();
        c.culture = args.culture.clone();
        c
    }

    /// Write the requested files; each failure is reported on stderr. Returns false if any
    /// file could not be written.
    pub fn write(&self, title: &str, config: &ConfigView, status: &JoinStatus) -> bool {
        let mut ok = true;
        let traffic = self.recorder.snapshot();
        if let Some(path) = &self.har {
            let written = serde_json::to_string_pretty(&har::archive(&traffic, title))
                .map_err(|e| e.to_string())
                .and_then(|text| std::fs::write(path, text).map_err(|e| e.to_string()));
            if let Err(e) = written {
                eprintln!("error: cannot write the HAR file {}: {e}", path.display());
                ok = false;
            }
        }
        if let Some(path) = &self.diagnostics {
            let events = self.events.snapshot();
            let input = BundleInput {
                title,
                config,
                status,
                traffic: &traffic,
                events: &events,
                log: None,
            };
            if let Err(e) = write_bundle(path, &input) {
                eprintln!("error: the diagnostics bundle: {e}");
                ok = false;
            }
        }
        ok
    }
}
