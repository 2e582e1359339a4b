//! The bridge to the join engine: runs the shared session runner on the tokio runtime and sends
//! its events back through a channel that wakes the UI. The UI thread never awaits or blocks
//! here.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use tokio::runtime::Handle;
use tokio_util::task::TaskTracker;

use crate::api::HttpClient;
use crate::api::exchange::RecordMode;
use crate::diagnostics::events::EventLog;
use crate::join::status::JoinEvent;
use crate::join::{EventSink, SessionControl};
use crate::launch::{DemoSlot, Plan, Runner};

use super::dialogs::{RfdDialog, SaveDialog};
use super::export::{ExportKind, ExportTarget, SessionRecord};

/// A message from the runtime to the UI.
#[derive(Debug)]
pub enum BackendMsg {
    /// An engine event of session `session`.
    Event { session: u64, event: JoinEvent },
    /// The session's task returned (its clean-up is over).
    Finished { session: u64 },
    /// A settings save finished.
    Saved { result: Result<(), String> },
    /// The user chose where to save an export of session `session`.
    ExportPath {
        session: u64,
        kind: ExportKind,
        target: ExportTarget,
    },
    /// An export was written (the path) or not (the path and the reason).
    Exported {
        session: u64,
        kind: ExportKind,
        result: Result<ExportTarget, String>,
    },
    /// Another launch handed over its link (`guest-join <link>` while the window runs).
    Handover(crate::single_instance::Handover),
}

/// Sends to the UI, then asks for a repaint: the window repaints only when something happened.
#[derive(Clone)]
pub struct UiSender {
    tx: Sender<BackendMsg>,
    ctx: egui::Context,
}

impl UiSender {
    pub fn new(tx: Sender<BackendMsg>, ctx: egui::Context) -> Self {
        Self { tx, ctx }
    }

    /// The window's context.
    pub fn ctx(&self) -> &egui::Context {
        &self.ctx
    }

    pub fn send(&self, msg: BackendMsg) {
        // The receiver is gone only when the window closed; then nobody needs the message.
        if self.tx.send(msg).is_ok() {
            self.ctx.request_repaint();
        }
    }
}

struct Sink {
    session: u64,
    ui: UiSender,
    /// The event log for "Save diagnostics…".
    events: Arc<EventLog>,
}

impl EventSink for Sink {
    fn emit(&self, event: &JoinEvent) {
        self.events.push(event);
        self.ui.send(BackendMsg::Event {
            session: self.session,
            event: event.clone(),
        });
    }
}

/// Everything the window needs to run sessions: the runtime handle, one HTTP client, the
/// demo slot, a tracker of running tasks (so closing the window can wait for clean-up) and
/// the save dialog.
#[derive(Clone)]
pub struct Backend {
    pub handle: Handle,
    pub http: Result<HttpClient, String>,
    pub demo: DemoSlot,
    pub tracker: TaskTracker,
    pub dialog: Arc<dyn SaveDialog>,
    /// Set when the process was told to stop (SIGTERM, SIGHUP, Ctrl-C): then a close request is
    /// honoured even in kiosk mode, which otherwise refuses every close but the staff's.
    pub stopping: Arc<std::sync::OnceLock<crate::stop_signal::StopSignal>>,
    /// The window's log file, whose end goes into a saved diagnostics bundle (`None`: no file).
    pub log_file: Option<std::path::PathBuf>,
    /// Where desktop notifications go (`None`: nowhere; the real window sets the desktop's).
    pub notifier: Option<Arc<dyn super::notifier::Notify>>,
}

impl Backend {
    /// With the desktop's save dialog.
    pub fn new(handle: Handle) -> Self {
        Self::with_dialog(handle, Arc::new(RfdDialog))
    }

    /// With another save dialog (tests use a fake).
    pub fn with_dialog(handle: Handle, dialog: Arc<dyn SaveDialog>) -> Self {
        let http = HttpClient::new(crate::api::HttpOptions::default()).map_err(|e| e.to_string());
        Self {
            handle,
            http,
            demo: DemoSlot::default(),
            tracker: TaskTracker::new(),
            dialog,
            log_file: None,
            notifier: None,
            stopping: Arc::default(),
        }
    }
}

impl Backend {
    /// Use a client made with these options (the effective proxy and CA file) for the sessions
    /// started from now on; `Err` keeps the reason, which a join then reports.
    pub fn set_transport(&mut self, opts: Result<crate::api::HttpOptions, String>) {
        self.http = opts.and_then(|o| HttpClient::new(o).map_err(|e| e.to_string()));
    }
}

/// A running session. Dropping it cancels the engine (window closed, Back, Cancel), which then
/// deletes the conversation and the application in the background.
pub struct SessionTask {
    pub id: u64,
    pub control: SessionControl,
    /// Traffic, events and configuration, for the exports.
    pub record: Arc<SessionRecord>,
}

impl Drop for SessionTask {
    fn drop(&mut self) {
        self.control.cancel();
    }
}

/// Start session `id` on the runtime: the shared runner does the work, the window is told
/// every event.
pub fn start(backend: &Backend, id: u64, plan: Plan, ui: UiSender) -> SessionTask {
    let control = SessionControl::new();
    let task_control = control.clone();
    let record = Arc::new(SessionRecord::new(format!(
        "guest-join session on {}",
        plan.meeting.host()
    )));
    let http = backend
        .http
        .clone()
        .map(|h| h.with_recorder(Arc::clone(&record.traffic)));
    let demo = backend.demo.clone();
    let task_record = Arc::clone(&record);
    let fut = async move {
        let sink = Arc::new(Sink {
            session: id,
            ui: ui.clone(),
            events: Arc::clone(&task_record.events),
        });
        let runner = Runner {
            http,
            demo: &demo,
            mode: RecordMode::Redacted,
        };
        runner
            .run(&plan, sink, &task_control, |config| {
                task_record.set_config(config)
            })
            .await;
        ui.send(BackendMsg::Finished { session: id });
    };
    backend.tracker.spawn_on(fut, &backend.handle);
    SessionTask {
        id,
        control,
        record,
    }
}
