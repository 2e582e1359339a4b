//! One session from a plan to its end, the same for the window and the command line: resolve
//! where the token comes from (starting the built-in demo if the plan asks for it), build the
//! request, run the engine and forward its events. A failure before the engine can start (no
//! HTTP client, the demo did not start) is reported the way the engine reports failures: the
//! first step of the flow fails, then the session has left.

use std::sync::Arc;
use std::time::Duration;

use crate::api::HttpClient;
use crate::api::exchange::RecordMode;
use crate::diagnostics::ConfigView;
use crate::join::status::JoinEvent;
use crate::join::{
    DisplayName, EventSink, FailureInfo, FailureKind, JoinRequest, JoinStatus, MeetingLink,
    SessionControl, TokenSource,
};

use super::demo_slot::DemoSlot;
use super::source::JoinSource;

/// A validated join, ready to run.
#[derive(Debug, Clone)]
pub struct Plan {
    pub meeting: MeetingLink,
    pub name: DisplayName,
    pub source: JoinSource,
    pub origin: String,
    pub culture: String,
    /// The engine's default when `None`.
    pub join_deadline: Option<Duration>,
}

impl Plan {
    /// The engine's request, with a fresh ApplicationSessionId.
    pub fn request(&self, source: TokenSource) -> JoinRequest {
        self.request_as(self.name.clone(), source)
    }

    /// The request of another guest of the same plan (`load`, `bench`: many guests, one plan).
    pub fn request_as(&self, name: DisplayName, source: TokenSource) -> JoinRequest {
        let mut req = JoinRequest::new(self.meeting.clone(), name, source);
        req.origin = self.origin.clone();
        req.culture = self.culture.clone();
        if let Some(deadline) = self.join_deadline {
            req.limits.join_deadline = deadline;
        }
        req
    }

    /// The configuration as far as known when the session could not start.
    fn early_config(&self, mode: RecordMode) -> ConfigView {
        let mut config = ConfigView::partial(
            self.source.label(),
            self.source.has_service_key(),
            &crate::api::HttpOptions::default(),
            mode,
        );
        config.meeting_host = Some(self.meeting.host().to_string());
        config.origin = Some(self.origin.clone());
        config.culture = Some(self.culture.clone());
        config
    }
}

/// What a session runs with besides its plan.
pub struct Runner<'a> {
    /// The HTTP client, or why there is none (a bad proxy or CA file).
    pub http: Result<HttpClient, String>,
    pub demo: &'a DemoSlot,
    /// How exchanges are recorded (for the configuration the exports describe).
    pub mode: RecordMode,
}

impl Runner<'_> {
    /// Run `plan` until the session ends. `on_config` gets the session's configuration as soon
    /// as it is known (the exports describe it); every event goes to `sink`.
    pub async fn run(
        &self,
        plan: &Plan,
        sink: Arc<dyn EventSink>,
        control: &SessionControl,
        on_config: impl FnOnce(ConfigView),
    ) -> JoinStatus {
        let http = match &self.http {
            Ok(http) => http,
            Err(e) => {
                on_config(plan.early_config(self.mode));
                return fail_early(plan, &*sink, FailureKind::Network, e.clone());
            }
        };
        match plan.source.resolve(self.demo, &plan.origin).await {
            Ok(source) => {
                let req = plan.request(source);
                on_config(ConfigView::of_request(
                    plan.source.label(),
                    &req,
                    http.options(),
                    self.mode,
                ));
                crate::join::run(http, &req, sink, control).await
            }
            Err(e) => {
                on_config(plan.early_config(self.mode));
                fail_early(plan, &*sink, FailureKind::ServiceUnreachable, e)
            }
        }
    }
}

/// Report a failure that happened before the engine could start, as engine events.
fn fail_early(plan: &Plan, sink: &dyn EventSink, kind: FailureKind, message: String) -> JoinStatus {
    let error = FailureInfo::new(kind, Some(plan.source.first_step()), message);
    let mut status = JoinStatus::default();
    for event in [
        JoinEvent::Failed { error },
        JoinEvent::Left { cleanly: true },
    ] {
        sink.emit(&event);
        status.apply(&event);
    }
    status
}
