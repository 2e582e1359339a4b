//! The bridge to the join engine: runs `join::run` on the tokio runtime and sends its events
//! back through a channel that wakes the UI. The UI thread never awaits or blocks here.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use tokio::runtime::Handle;
use tokio::sync::Mutex;
use tokio_util::task::TaskTracker;
use url::Url;

use crate::api::HttpClient;
use crate::api::exchange::RecordMode;
use crate::demo::Demo;
use crate::diagnostics::ConfigView;
use crate::diagnostics::events::EventLog;
use crate::join::status::JoinEvent;
use crate::join::{
    DirectProfile, DisplayName, EventSink, FailureInfo, FailureKind, Flow, JoinRequest,
    MeetingLink, ServiceProfile, SessionControl, Step, TokenSource,
};
use crate::secret::Secret;

use super::dialogs::{RfdDialog, SaveDialog};
use super::export::{ExportKind, ExportTarget, SessionRecord};

/// A message from the runtime to the UI.
#[derive(Debug)]
pub enum EngineMsg {
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
}

/// Sends to the UI, then asks for a repaint: the window repaints only when something happened.
#[derive(Clone)]
pub struct UiSender {
    tx: Sender<EngineMsg>,
    ctx: egui::Context,
}

impl UiSender {
    pub fn new(tx: Sender<EngineMsg>, ctx: egui::Context) -> Self {
        Self { tx, ctx }
    }

    pub fn send(&self, msg: EngineMsg) {
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
        self.ui.send(EngineMsg::Event {
            session: self.session,
            event: event.clone(),
        });
    }
}

/// The demo environment, started on first use and kept for the app's lifetime. It is restarted
/// when the origin changes (its service application allows one origin).
#[derive(Clone, Default)]
pub struct DemoSlot(Arc<Mutex<Option<(String, Demo)>>>);

impl DemoSlot {
    /// Something from the demo, starting the demo if needed.
    async fn with<T>(&self, origin: &str, f: impl FnOnce(&Demo) -> T) -> std::io::Result<T> {
        let mut slot = self.0.lock().await;
        if let Some((o, demo)) = slot.as_ref()
            && o == origin
        {
            return Ok(f(demo));
        }
        if let Some((_, old)) = slot.take() {
            old.shutdown().await;
        }
        let demo = Demo::start(origin).await?;
        let value = f(&demo);
        *slot = Some((origin.to_string(), demo));
        Ok(value)
    }

    /// Where tokens come from for `source`, starting the demo for the demo sources.
    async fn resolve(&self, source: &JoinSource, origin: &str) -> Result<TokenSource, String> {
        let demo_failed = |e| format!("The built-in demo environment did not start: {e}");
        match source {
            JoinSource::Demo => {
                let token_url = self.with(origin, Demo::token_url).await;
                Ok(TokenSource::Service(ServiceProfile {
                    token_url: token_url.map_err(demo_failed)?,
                    service_key: None,
                }))
            }
            JoinSource::DemoDirect => {
                let root = self.with(origin, Demo::lyncdiscover_url).await;
                let root = root.map_err(demo_failed)?.ok_or_else(|| {
                    "The built-in demo has no Skype for Business Server stand-in.".to_string()
                })?;
                Ok(TokenSource::Direct(DirectProfile {
                    autodiscover: Some(root),
                }))
            }
            JoinSource::Service {
                token_url,
                service_key,
            } => Ok(TokenSource::Service(ServiceProfile {
                token_url: token_url.clone(),
                service_key: service_key.clone(),
            })),
            JoinSource::Direct { autodiscover } => Ok(TokenSource::Direct(DirectProfile {
                autodiscover: autodiscover.clone(),
            })),
        }
    }

    /// Stop the demo (at exit).
    pub async fn shutdown(&self) {
        if let Some((_, demo)) = self.0.lock().await.take() {
            demo.shutdown().await;
        }
    }
}

/// Everything the window needs to run sessions: the runtime handle, one HTTP client, the
/// demo slot, a tracker of running tasks (so closing the window can wait for clean-up) and
/// the save dialog.
#[derive(Clone)]
pub struct Engine {
    pub handle: Handle,
    pub http: Result<HttpClient, String>,
    pub demo: DemoSlot,
    pub tracker: TaskTracker,
    pub dialog: Arc<dyn SaveDialog>,
    /// Set when the process was told to stop (SIGTERM, SIGHUP, Ctrl-C): then a close request is
    /// honoured even in kiosk mode, which otherwise refuses every close but the staff's.
    pub stopping: Arc<std::sync::OnceLock<crate::stop_signal::StopSignal>>,
}

impl Engine {
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
            stopping: Arc::default(),
        }
    }
}

impl Engine {
    /// Use a client made with these options (the effective proxy and CA file) for the sessions
    /// started from now on; `Err` keeps the reason, which a join then reports.
    pub fn set_transport(&mut self, opts: Result<crate::api::HttpOptions, String>) {
        self.http = opts.and_then(|o| HttpClient::new(o).map_err(|e| e.to_string()));
    }
}

/// Where a join gets its token, as the window chose it (the demo ones are resolved once the
/// demo runs).
#[derive(Debug, Clone)]
pub enum JoinSource {
    /// The built-in demo's service application (flow A).
    Demo,
    /// The built-in demo's Skype for Business Server stand-in (flow B).
    DemoDirect,
    Service {
        token_url: Url,
        service_key: Option<Secret>,
    },
    Direct {
        autodiscover: Option<Url>,
    },
}

impl JoinSource {
    /// How diagnostics name the source.
    fn label(&self) -> &'static str {
        match self {
            JoinSource::Demo => "built-in demo",
            JoinSource::DemoDirect => "built-in demo (direct)",
            JoinSource::Service { .. } => "configured join service",
            JoinSource::Direct { .. } => "Skype for Business Server (direct)",
        }
    }

    /// The flow this source runs.
    pub fn flow(&self) -> Flow {
        match self {
            JoinSource::Demo | JoinSource::Service { .. } => Flow::ServiceApplication,
            JoinSource::DemoDirect | JoinSource::Direct { .. } => Flow::Direct,
        }
    }

    /// The first step of the source's flow (where a failure before the engine is shown).
    fn first_step(&self) -> Step {
        self.flow().steps()[0]
    }

    fn has_service_key(&self) -> bool {
        matches!(
            self,
            JoinSource::Service {
                service_key: Some(_),
                ..
            }
        )
    }
}

/// A validated join, ready to run.
#[derive(Debug, Clone)]
pub struct Plan {
    pub meeting: MeetingLink,
    pub name: DisplayName,
    pub source: JoinSource,
    pub origin: String,
    pub culture: String,
}

impl Plan {
    fn request(&self, source: TokenSource) -> JoinRequest {
        let mut req = JoinRequest::new(self.meeting.clone(), self.name.clone(), source);
        req.origin = self.origin.clone();
        req.culture = self.culture.clone();
        req
    }

    /// The configuration as far as known when the session could not start.
    fn early_config(&self, service: &str, service_key_set: bool) -> ConfigView {
        let mut config = ConfigView::partial(
            service,
            service_key_set,
            &crate::api::HttpOptions::default(),
            RecordMode::Redacted,
        );
        config.meeting_host = Some(self.meeting.host().to_string());
        config.origin = Some(self.origin.clone());
        config.culture = Some(self.culture.clone());
        config
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

/// Report a failure that happened before the engine could start, as engine events.
fn fail_early(sink: &Sink, kind: FailureKind, message: String, step: Step) {
    let error = FailureInfo::new(kind, Some(step), message);
    sink.emit(&JoinEvent::Failed { error });
    sink.emit(&JoinEvent::Left { cleanly: true });
}

/// Start session `id` on the runtime.
pub fn start(engine: &Engine, id: u64, plan: Plan, ui: UiSender) -> SessionTask {
    let control = SessionControl::new();
    let task_control = control.clone();
    let record = Arc::new(SessionRecord::new(format!(
        "guest-join session on {}",
        plan.meeting.host()
    )));
    let http = engine
        .http
        .clone()
        .map(|h| h.with_recorder(Arc::clone(&record.traffic)));
    let demo = engine.demo.clone();
    let task_record = Arc::clone(&record);
    let fut = async move {
        let sink = Sink {
            session: id,
            ui: ui.clone(),
            events: Arc::clone(&task_record.events),
        };
        let service = plan.source.label();
        let key_set = plan.source.has_service_key();
        let source = demo.resolve(&plan.source, &plan.origin).await;
        match (http, source) {
            (Ok(http), Ok(source)) => {
                let req = plan.request(source);
                task_record.set_config(ConfigView::of_request(
                    service,
                    &req,
                    http.options(),
                    RecordMode::Redacted,
                ));
                let sink: Arc<dyn EventSink> = Arc::new(sink);
                crate::join::run(&http, &req, sink, &task_control).await;
            }
            (Err(e), _) => {
                task_record.set_config(plan.early_config(service, key_set));
                fail_early(&sink, FailureKind::Network, e, plan.source.first_step());
            }
            (_, Err(e)) => {
                task_record.set_config(plan.early_config(service, key_set));
                fail_early(
                    &sink,
                    FailureKind::ServiceUnreachable,
                    e,
                    plan.source.first_step(),
                );
            }
        }
        ui.send(EngineMsg::Finished { session: id });
    };
    engine.tracker.spawn_on(fut, &engine.handle);
    SessionTask {
        id,
        control,
        record,
    }
}
