//! The bridge to the join engine: runs `join::run` on the tokio runtime and sends its events
//! back through a channel that wakes the UI. The UI thread never awaits or blocks here.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use tokio::runtime::Handle;
use tokio::sync::Mutex;
use tokio_util::task::TaskTracker;
use url::Url;

use crate::api::HttpClient;
use crate::demo::Demo;
use crate::join::status::JoinEvent;
use crate::join::{
    DisplayName, EventSink, FailureInfo, FailureKind, JoinRequest, MeetingLink, ServiceProfile,
    SessionControl, Step,
};
use crate::secret::Secret;

/// A message from the runtime to the UI.
#[derive(Debug)]
pub enum EngineMsg {
    /// An engine event of session `session`.
    Event { session: u64, event: JoinEvent },
    /// The session's task returned (its clean-up is over).
    Finished { session: u64 },
    /// A settings save finished.
    Saved { result: Result<(), String> },
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
}

impl EventSink for Sink {
    fn emit(&self, event: &JoinEvent) {
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
    /// The demo's token URL, starting the demo if needed.
    async fn token_url(&self, origin: &str) -> std::io::Result<Url> {
        let mut slot = self.0.lock().await;
        if let Some((o, demo)) = slot.as_ref()
            && o == origin
        {
            return Ok(demo.token_url());
        }
        if let Some((_, old)) = slot.take() {
            old.shutdown().await;
        }
        let demo = Demo::start(origin).await?;
        let url = demo.token_url();
        *slot = Some((origin.to_string(), demo));
        Ok(url)
    }

    /// Stop the demo (at exit).
    pub async fn shutdown(&self) {
        if let Some((_, demo)) = self.0.lock().await.take() {
            demo.shutdown().await;
        }
    }
}

/// Everything the window needs to run sessions: the runtime handle, one HTTP client, the
/// demo slot and a tracker of running tasks (so closing the window can wait for clean-up).
#[derive(Clone)]
pub struct Engine {
    pub handle: Handle,
    pub http: Result<HttpClient, String>,
    pub demo: DemoSlot,
    pub tracker: TaskTracker,
}

impl Engine {
    pub fn new(handle: Handle) -> Self {
        let http = HttpClient::new(crate::api::HttpOptions::default()).map_err(|e| e.to_string());
        Self {
            handle,
            http,
            demo: DemoSlot::default(),
            tracker: TaskTracker::new(),
        }
    }
}

/// Where the token URL comes from.
#[derive(Debug, Clone)]
pub enum TokenSource {
    Demo,
    Profile {
        token_url: Url,
        service_key: Option<Secret>,
    },
}

/// A validated join, ready to run.
#[derive(Debug, Clone)]
pub struct Plan {
    pub meeting: MeetingLink,
    pub name: DisplayName,
    pub source: TokenSource,
    pub origin: String,
    pub culture: String,
}

impl Plan {
    fn request(&self, token_url: Url, service_key: Option<Secret>) -> JoinRequest {
        let service = ServiceProfile {
            token_url,
            service_key,
        };
        let mut req = JoinRequest::new(self.meeting.clone(), self.name.clone(), service);
        req.origin = self.origin.clone();
        req.culture = self.culture.clone();
        req
    }
}

/// A running session. Dropping it cancels the engine (window closed, Back, Cancel), which then
/// deletes the conversation and the application in the background.
pub struct SessionTask {
    pub id: u64,
    pub control: SessionControl,
}

impl Drop for SessionTask {
    fn drop(&mut self) {
        self.control.cancel();
    }
}

/// Report a failure that happened before the engine could start, as engine events.
fn fail_early(sink: &Sink, kind: FailureKind, message: String) {
    let error = FailureInfo::new(kind, Some(Step::ServiceApplication), message);
    sink.emit(&JoinEvent::Failed { error });
    sink.emit(&JoinEvent::Left { cleanly: true });
}

/// Start session `id` on the runtime.
pub fn start(engine: &Engine, id: u64, plan: Plan, ui: UiSender) -> SessionTask {
    let control = SessionControl::new();
    let task_control = control.clone();
    let http = engine.http.clone();
    let demo = engine.demo.clone();
    let fut = async move {
        let sink = Sink {
            session: id,
            ui: ui.clone(),
        };
        let (token_url, key) = match &plan.source {
            TokenSource::Profile {
                token_url,
                service_key,
            } => (Ok(token_url.clone()), service_key.clone()),
            TokenSource::Demo => (
                demo.token_url(&plan.origin)
                    .await
                    .map_err(|e| format!("The built-in demo environment did not start: {e}")),
                None,
            ),
        };
        match (http, token_url) {
            (Ok(http), Ok(url)) => {
                let req = plan.request(url, key);
                let sink: Arc<dyn EventSink> = Arc::new(sink);
                crate::join::run(&http, &req, sink, &task_control).await;
            }
            (Err(e), _) => fail_early(&sink, FailureKind::Network, e),
            (_, Err(e)) => fail_early(&sink, FailureKind::ServiceUnreachable, e),
        }
        ui.send(EngineMsg::Finished { session: id });
    };
    engine.tracker.spawn_on(fut, &engine.handle);
    SessionTask { id, control }
}
