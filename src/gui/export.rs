//! "Export HAR…" and "Save diagnostics…": the session's recorder and event log (filled on the
//! runtime while the session runs), the dialog run on the runtime, and the file written off
//! the UI thread. The chosen path comes back through the UI message channel; the window then
//! asks for the write with the status it shows, and hears back "Saved to …" or an error.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::api::exchange::RecordMode;
use crate::api::recorder::TrafficRecorder;
use crate::diagnostics::events::EventLog;
use crate::diagnostics::{BundleInput, ConfigView, har, write_bundle};
use crate::i18n::Tr;
use crate::join::JoinStatus;
use crate::t;

use super::dialogs::{SaveChoice, SaveRequest, unused_path};
use super::session::{Backend, BackendMsg, UiSender};

/// Where an export goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportTarget {
    pub path: PathBuf,
    /// No dialog could be shown: the path is in the dialog's fallback folder.
    pub fallback: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Har,
    Diagnostics,
}

impl ExportKind {
    fn request(self, tr: &Tr, session_id: &str) -> SaveRequest {
        let short: String = session_id.chars().take(8).collect();
        let (title, name, filter, ext) = match self {
            ExportKind::Har => (
                t!(tr, "export-dialog-har"),
                "guest-join",
                t!(tr, "export-filter-har"),
                "har",
            ),
            ExportKind::Diagnostics => (
                t!(tr, "export-dialog-diagnostics"),
                "guest-join-diagnostics",
                t!(tr, "export-filter-zip"),
                "zip",
            ),
        };
        SaveRequest {
            title,
            file_name: if short.is_empty() {
                format!("{name}.{ext}")
            } else {
                format!("{name}-{short}.{ext}")
            },
            filter_name: filter,
            extensions: vec![ext.into()],
        }
    }

    /// Why the file could not be written, in the window's language.
    pub fn failed_text(self, tr: &Tr, details: &str) -> String {
        match self {
            ExportKind::Har => t!(tr, "export-failed-har", details = details),
            ExportKind::Diagnostics => t!(tr, "export-failed-diagnostics", details = details),
        }
    }
}

/// What a session keeps for exports: its traffic (redacted: the window has no lab flag), its
/// events, and the configuration it ran with.
pub struct SessionRecord {
    pub traffic: Arc<TrafficRecorder>,
    pub events: Arc<EventLog>,
    pub config: Mutex<Option<ConfigView>>,
    /// Names the session in the files.
    pub title: String,
}

impl SessionRecord {
    pub fn new(title: String) -> Self {
        Self {
            traffic: Arc::new(TrafficRecorder::new(RecordMode::Redacted)),
            events: Arc::new(EventLog::default()),
            config: Mutex::new(None),
            title,
        }
    }

    pub fn set_config(&self, config: ConfigView) {
        *self.config.lock().unwrap_or_else(|p| p.into_inner()) = Some(config);
    }

    fn config(&self) -> ConfigView {
        self.config
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_else(|| {
                ConfigView::partial(
                    "(not started)",
                    false,
                    &crate::api::HttpOptions::default(),
                    RecordMode::Redacted,
                )
            })
    }

    /// Build the file of `kind` and write it to `path`.
    /// `log`: the end of the window's log, for a diagnostics bundle.
    pub fn write(
        &self,
        kind: ExportKind,
        status: &JoinStatus,
        path: &std::path::Path,
        log: Option<&str>,
    ) -> Result<(), String> {
        let traffic = self.traffic.snapshot();
        match kind {
            ExportKind::Har => {
                let text = serde_json::to_string_pretty(&har::archive(&traffic, &self.title))
                    .map_err(|e| e.to_string())?;
                std::fs::write(path, text).map_err(|e| e.to_string())
            }
            ExportKind::Diagnostics => {
                let config = self.config();
                let events = self.events.snapshot();
                let input = BundleInput {
                    title: &self.title,
                    config: &config,
                    status,
                    traffic: &traffic,
                    events: &events,
                    log,
                };
                write_bundle(path, &input).map_err(|e| e.to_string())
            }
        }
    }
}

/// Show the save dialog on the runtime; a chosen path comes back as `BackendMsg::ExportPath`,
/// a cancelled dialog sends nothing. Without any dialog on this desktop the file goes to the
/// dialog's fallback folder under an unused name, and the note says so.
pub fn ask_path(
    backend: &Backend,
    tr: &Tr,
    (session, kind): (u64, ExportKind),
    asid: &str,
    ui: UiSender,
) {
    let dialog = Arc::clone(&backend.dialog);
    let req = kind.request(tr, asid);
    backend.handle.spawn(async move {
        let file_name = req.file_name.clone();
        let (path, fallback) = match dialog.save(req).await {
            SaveChoice::Chosen(path) => (path, false),
            SaveChoice::Cancelled => return,
            SaveChoice::Unavailable => (unused_path(&dialog.fallback_dir(), &file_name), true),
        };
        ui.send(BackendMsg::ExportPath {
            session,
            kind,
            target: ExportTarget { path, fallback },
        });
    });
}

/// Write the file off the UI thread; the outcome comes back as `BackendMsg::Exported`.
pub fn write(
    backend: &Backend,
    session: u64,
    kind: ExportKind,
    record: Arc<SessionRecord>,
    status: JoinStatus,
    target: ExportTarget,
    ui: UiSender,
) {
    let log_file = backend.log_file.clone();
    backend.handle.spawn_blocking(move || {
        let log = match kind {
            ExportKind::Diagnostics => log_file.as_deref().and_then(crate::logging::tail),
            ExportKind::Har => None,
        };
        let result = record
            .write(kind, &status, &target.path, log.as_deref())
            .map_err(|e| format!("{}: {e}", target.path.display()))
            .map(|()| target);
        ui.send(BackendMsg::Exported {
            session,
            kind,
            result,
        });
    });
}
