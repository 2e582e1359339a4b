//! The whole guest join (flow A) as one cancellable async task (DESIGN §5, PROTOCOL §3, §7):
//! token → discover → application → event channel → invitation → lobby → meeting → leave.
//! Every wait is `select!`ed against cancel and the join deadline; every exit path deletes the
//! conversation and the application when they exist, so no ghost guest stays behind.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::api::error::ApiError;
use crate::api::http::{HttpClient, Response};
use crate::api::service;
use crate::api::ucwa::{self, UcwaAuth, resolve};
use crate::api::wire::service_app::TokenRequest;
use crate::api::wire::ucwa::{ApplicationRequest, Communication, OnlineMeetingInvitationRequest};

use super::channel::{self, ChannelLoss, ChannelMsg};
use super::classify::classify;
use super::conference::conference_uri;
use super::failure::{FailureInfo, FailureKind, kind_for_join_reason, kind_for_removal};
use super::request::{EventSink, JoinRequest};
use super::status::{JoinEvent, JoinStatus, Phase, Step};
use super::tracker::{MeetingTracker, Observation};

/// Ask a running session to leave the meeting, or to stop whatever it is doing.
#[derive(Debug, Clone, Default)]
pub struct SessionControl {
    cancel: CancellationToken,
    leave: CancellationToken,
}

impl SessionControl {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stop now: abort the join, delete what exists, end as Cancelled.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// Leave the meeting cleanly (or cancel, if not in the meeting yet).
    pub fn leave(&self) {
        self.leave.cancel();
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }
}

/// Why the join (or the stay) stopped early.
enum Stop {
    Cancelled,
    Deadline,
    Failed(FailureInfo),
}

struct Channel {
    rx: mpsc::Receiver<ChannelMsg>,
    task: JoinHandle<()>,
    cancel: CancellationToken,
}

struct Session<'a> {
    http: HttpClient,
    req: &'a JoinRequest,
    sink: Arc<dyn EventSink>,
    control: &'a SessionControl,
    status: JoinStatus,
    started: Instant,
    deadline: tokio::time::Instant,
    auth: Option<UcwaAuth>,
    application: Option<Url>,
    tracker: MeetingTracker,
    channel: Option<Channel>,
    channel_started: Option<Instant>,
    channel_confirmed: bool,
    operation_id: String,
    /// When each step started; the last one started is the one a deadline interrupts.
    step_starts: Vec<(Step, Instant)>,
    /// Roster changes seen before admission, announced once the guest is in.
    early_roster: Vec<Observation>,
}

/// Run one guest session to its end and return its final status.
pub async fn run(
    http: &HttpClient,
    req: &JoinRequest,
    sink: Arc<dyn EventSink>,
    control: &SessionControl,
) -> JoinStatus {
    let operation_id = uuid::Uuid::new_v4().simple().to_string();
    let observer_sink = sink.clone();
    let http = http.with_observer(Arc::new(move |record| {
        observer_sink.emit(&JoinEvent::Exchange {
            record: Box::new(record),
        });
    }));
    let mut s = Session {
        http,
        req,
        sink,
        control,
        status: JoinStatus::default(),
        started: Instant::now(),
        deadline: tokio::time::Instant::now() + req.limits.join_deadline,
        auth: None,
        application: None,
        tracker: MeetingTracker::new(&operation_id),
        channel: None,
        channel_started: None,
        channel_confirmed: false,
        operation_id,
        step_starts: Vec::new(),
        early_roster: Vec::new(),
    };
    s.emit(JoinEvent::SessionStarted {
        application_session_id: req.application_session_id.clone(),
        meeting_host: req.meeting.host().to_string(),
    });
    let outcome = match s.join().await {
        Ok(()) => s.stay().await,
        Err(stop) => Err(stop),
    };
    match outcome {
        Ok(()) => {
            let cleanly = s.leave().await;
            s.emit(JoinEvent::Left { cleanly });
        }
        Err(Stop::Cancelled) => {
            s.fail_running_step();
            let cleaned_up = s.cleanup().await;
            s.emit(JoinEvent::Cancelled { cleaned_up });
        }
        Err(Stop::Deadline) => {
            let step = s.step_starts.last().map(|(st, _)| *st);
            let error = FailureInfo::new(
                FailureKind::Timeout,
                step,
                format!(
                    "not in the meeting after {} s",
                    req.limits.join_deadline.as_secs()
                ),
            );
            s.fail_running_step();
            s.emit(JoinEvent::Failed { error });
            let cleanly = s.cleanup().await;
            s.emit(JoinEvent::Left { cleanly });
        }
        Err(Stop::Failed(error)) => {
            s.fail_running_step();
            s.emit(JoinEvent::Failed { error });
            let cleanly = s.cleanup().await;
            s.emit(JoinEvent::Left { cleanly });
        }
    }
    s.stop_channel().await;
    s.status
}

impl Session<'_> {
    fn emit(&mut self, event: JoinEvent) {
        self.status.apply(&event);
        self.sink.emit(&event);
    }

    fn ms_since(t: Instant) -> u64 {
        u64::try_from(t.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn phase(&mut self, phase: Phase) {
        if self.status.phase != phase {
            self.emit(JoinEvent::Phase { phase });
        }
    }

    fn start_step(&mut self, step: Step) {
        let at_ms = Self::ms_since(self.started);
        self.step_starts.retain(|(s, _)| *s != step);
        self.step_starts.push((step, Instant::now()));
        self.emit(JoinEvent::StepStarted { step, at_ms });
    }

    fn step_ms(&self, step: Step) -> u64 {
        self.step_starts
            .iter()
            .find(|(s, _)| *s == step)
            .map(|(_, t)| Self::ms_since(*t))
            .unwrap_or(0)
    }

    fn finish_step(&mut self, step: Step, http_status: Option<u16>) {
        let ms = self.step_ms(step);
        self.emit(JoinEvent::StepDone {
            step,
            ms,
            http_status,
        });
    }

    fn fail_step(&mut self, step: Step, info: &FailureInfo) {
        let ms = self.step_ms(step);
        self.emit(JoinEvent::StepFailed {
            step,
            ms,
            http_status: info.http_status,
            code: info.code.clone(),
            subcode: info.subcode.clone(),
        });
    }

    /// Mark every step still running as failed (it can no longer finish).
    fn fail_running_step(&mut self) {
        let running: Vec<Step> = self
            .step_starts
            .iter()
            .map(|(s, _)| *s)
            .filter(|s| self.status.step(*s).state == super::status::StepState::Running)
            .collect();
        for step in running {
            let ms = self.step_ms(step);
            self.emit(JoinEvent::StepFailed {
                step,
                ms,
                http_status: None,
                code: None,
                subcode: None,
            });
        }
    }

    /// Wait for `fut` unless cancelled, asked to leave before joining, or past the deadline.
    async fn guard<T>(&self, fut: impl Future<Output = T>) -> Result<T, Stop> {
        tokio::select! {
            biased;
            _ = self.control.cancel.cancelled() => Err(Stop::Cancelled),
            _ = self.control.leave.cancelled() => Err(Stop::Cancelled),
            _ = tokio::time::sleep_until(self.deadline) => Err(Stop::Deadline),
            v = fut => Ok(v),
        }
    }

    /// One step's HTTP exchange with retries (connect errors, 429, 5xx only).
    async fn exchange<T, F, Fut>(&mut self, step: Step, mut call: F) -> Result<(T, Response), Stop>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<(T, Response), ApiError>>,
    {
        self.start_step(step);
        let policy = self.req.limits.retry;
        let mut attempt = 1;
        loop {
            match self.guard(call()).await? {
                Ok((value, resp)) => {
                    self.finish_step(step, Some(resp.status));
                    return Ok((value, resp));
                }
                Err(err) if err.is_retryable() && policy.may_retry(attempt) => {
                    let delay = policy.delay(attempt, err.retry_after(), fastrand::f64());
                    self.emit(JoinEvent::StepRetry {
                        step,
                        attempt,
                        delay_ms: u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                        http_status: err.status(),
                        reason: err.to_string(),
                    });
                    self.guard(tokio::time::sleep(delay)).await?;
                    attempt += 1;
                }
                Err(err) => {
                    let info = classify(step, &err);
                    self.fail_step(step, &info);
                    return Err(Stop::Failed(info));
                }
            }
        }
    }

    fn fail_now(&mut self, step: Step, kind: FailureKind, message: &str) -> Stop {
        let info = FailureInfo::new(kind, Some(step), message);
        self.fail_step(step, &info);
        Stop::Failed(info)
    }

    async fn join(&mut self) -> Result<(), Stop> {
        let req = self.req;
        let http = self.http.clone();
        let http = &http;

        self.phase(Phase::RequestingToken);
        let token_request = TokenRequest {
            application_session_id: req.application_session_id.clone(),
            allowed_origins: req.origin.clone(),
            meeting_url: req.meeting.as_str().to_string(),
        };
        let (token, _) = self
            .exchange(Step::ServiceApplication, || {
                service::request_token(
                    http,
                    &req.service.token_url,
                    req.service.service_key.as_ref(),
                    &token_request,
                )
            })
            .await?;

        self.phase(Phase::Discovering);
        let (discover, resp) = self
            .exchange(Step::Discovery, || {
                ucwa::discover(http, &token.discover_uri, &req.origin)
            })
            .await?;
        let anon_apps = discover
            .links
            .href("anonApplications")
            .map(|h| resolve(&resp.url, h));
        let anon_apps = match anon_apps {
            Some(Ok(u)) => u,
            _ => {
                return Err(self.fail_now(
                    Step::Discovery,
                    FailureKind::Discovery,
                    "the discover answer has no usable anonApplications link",
                ));
            }
        };
        let Some((conference, source)) = conference_uri(&discover, token.token.expose()) else {
            return Err(self.fail_now(
                Step::Discovery,
                FailureKind::Discovery,
                "neither the discover answer nor the token names the meeting's conference",
            ));
        };
        tracing::debug!(?source, "conference URI found");

        self.phase(Phase::CreatingApplication);
        let auth = UcwaAuth {
            token: token.token.clone(),
            origin: req.origin.clone(),
        };
        self.auth = Some(auth.clone());
        let body = ApplicationRequest {
            anonymous_display_name: Some(req.name.as_str().to_string()),
            culture: req.culture.clone(),
            user_agent: req.user_agent.clone(),
            endpoint_id: None,
        };
        let (app, resp) = self
            .exchange(Step::Application, || {
                ucwa::create_application(http, anon_apps.clone(), &auth, &body)
            })
            .await?;
        let self_url = app
            .links
            .href("self")
            .and_then(|h| resolve(&resp.url, h).ok())
            .or_else(|| resp.location());
        self.application = self_url;
        let events = app.links.href("events").map(|h| resolve(&resp.url, h));
        let join_url = app
            .embedded
            .get::<Communication>("communication")
            .and_then(Result::ok)
            .and_then(|c| {
                c.links
                    .href("joinOnlineMeeting")
                    .map(|h| resolve(&resp.url, h))
                    .or_else(|| {
                        c.links.href("self").map(|h| {
                            resolve(
                                &resp.url,
                                &format!("{}/onlineMeetingInvitations", h.trim_end_matches('/')),
                            )
                        })
                    })
            });
        let (Some(Ok(events)), Some(Ok(join_url)), true) =
            (events, join_url, self.application.is_some())
        else {
            return Err(self.fail_now(
                Step::Application,
                FailureKind::Application,
                "the new application lacks its self, events or joinOnlineMeeting link",
            ));
        };

        // Park the event channel before the invitation so its events cost no extra round trip.
        self.start_step(Step::EventChannel);
        self.channel_started = Some(Instant::now());
        let cancel = CancellationToken::new();
        let (rx, task) = channel::spawn(
            http.clone(),
            auth.clone(),
            events,
            req.limits.channel,
            cancel.clone(),
        );
        self.channel = Some(Channel { rx, task, cancel });

        self.phase(Phase::Joining);
        let body = OnlineMeetingInvitationRequest {
            online_meeting_uri: conference,
            anonymous_display_name: Some(req.name.as_str().to_string()),
            operation_id: Some(self.operation_id.clone()),
            importance: Some("Normal".into()),
            subject: None,
            thread_id: None,
        };
        let (_, resp) = self
            .exchange(Step::JoinRequest, || async {
                ucwa::join_meeting(http, join_url.clone(), &auth, &body)
                    .await
                    .map(|r| ((), r))
            })
            .await?;
        if let Some(location) = resp.location() {
            self.tracker.set_invitation(location);
        }
        self.start_step(Step::InMeeting);

        while !self.tracker.joined() {
            let msg = self.next_channel_msg(true).await?;
            self.on_channel_msg(msg)?;
        }
        Ok(())
    }

    /// In the meeting until asked to leave; server-side ends and channel loss are failures.
    async fn stay(&mut self) -> Result<(), Stop> {
        loop {
            let msg = tokio::select! {
                biased;
                _ = self.control.cancel.cancelled() => return Err(Stop::Cancelled),
                _ = self.control.leave.cancelled() => return Ok(()),
                m = recv(&mut self.channel) => m,
            };
            self.on_channel_msg(msg)?;
        }
    }

    async fn next_channel_msg(&mut self, guarded: bool) -> Result<Option<ChannelMsg>, Stop> {
        if guarded {
            let cancel = self.control.cancel.clone();
            let leave = self.control.leave.clone();
            let deadline = self.deadline;
            tokio::select! {
                biased;
                _ = cancel.cancelled() => Err(Stop::Cancelled),
                _ = leave.cancelled() => Err(Stop::Cancelled),
                _ = tokio::time::sleep_until(deadline) => Err(Stop::Deadline),
                m = recv(&mut self.channel) => Ok(m),
            }
        } else {
            Ok(recv(&mut self.channel).await)
        }
    }

    fn confirm_channel(&mut self) {
        if !self.channel_confirmed {
            self.channel_confirmed = true;
            let ms = self.channel_started.map(Self::ms_since).unwrap_or(0);
            self.emit(JoinEvent::StepDone {
                step: Step::EventChannel,
                ms,
                http_status: Some(200),
            });
        }
    }

    fn on_channel_msg(&mut self, msg: Option<ChannelMsg>) -> Result<(), Stop> {
        let Some(msg) = msg else {
            let info = FailureInfo::new(
                FailureKind::ConnectionLost,
                Some(Step::EventChannel),
                "the event channel stopped",
            );
            return Err(Stop::Failed(info));
        };
        match msg {
            ChannelMsg::Batch { batch, base } => {
                self.confirm_channel();
                // Meeting details of a batch are announced before any phase change it brings.
                let (info, rest): (Vec<_>, Vec<_>) = self
                    .tracker
                    .observe(&batch, &base)
                    .into_iter()
                    .partition(|o| matches!(o, Observation::MeetingInfo { .. }));
                for obs in info.into_iter().chain(rest) {
                    self.on_observation(obs)?;
                }
                Ok(())
            }
            ChannelMsg::Resynced => {
                // The channel re-fetches from the first unacknowledged batch; nothing is lost.
                self.emit(JoinEvent::ChannelResynced);
                Ok(())
            }
            ChannelMsg::Interrupted { reason } => {
                self.emit(JoinEvent::ChannelInterrupted { reason });
                Ok(())
            }
            ChannelMsg::Recovered { attempts } => {
                self.emit(JoinEvent::ChannelRecovered { attempts });
                Ok(())
            }
            ChannelMsg::Lost(loss) => {
                let kind = match (&loss, self.status.joined) {
                    (ChannelLoss::Unauthorized(_), _)
                    | (ChannelLoss::ApplicationGone(_), _)
                    | (ChannelLoss::Resume, _) => FailureKind::ConnectionLost,
                    (ChannelLoss::Failed(e), false) if e.is_network() => FailureKind::Network,
                    _ => FailureKind::ConnectionLost,
                };
                let step = if self.channel_confirmed {
                    Step::InMeeting
                } else {
                    Step::EventChannel
                };
                let e = loss.error();
                let info = FailureInfo::new(kind, Some(step), loss.to_string()).with_codes(
                    e.and_then(ApiError::status),
                    e.and_then(ApiError::code),
                    e.and_then(ApiError::subcode),
                );
                if !self.status.joined {
                    self.fail_step(step, &info);
                }
                Err(Stop::Failed(info))
            }
        }
    }

    fn on_observation(&mut self, obs: Observation) -> Result<(), Stop> {
        match obs {
            Observation::Lobby => {
                // `in_meeting` stays open: it measures from the accepted join request to admission.
                self.phase(Phase::InLobby);
                self.start_step(Step::Lobby);
            }
            Observation::Admitted => {
                self.finish_step_if_running(Step::Lobby, None);
                if self.status.step(Step::InMeeting).state != super::status::StepState::Running {
                    self.start_step(Step::InMeeting);
                }
                self.finish_step(Step::InMeeting, None);
                self.phase(Phase::InMeeting);
                for early in std::mem::take(&mut self.early_roster) {
                    self.on_observation(early)?;
                }
            }
            Observation::JoinFailed { reason } => {
                let kind = kind_for_join_reason(&reason.code, reason.subcode.as_deref());
                let step = if self.status.phase == Phase::InLobby {
                    Step::Lobby
                } else {
                    Step::InMeeting
                };
                let message = reason
                    .message
                    .clone()
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| kind.title().to_string());
                let info = FailureInfo::new(kind, Some(step), message).with_codes(
                    None,
                    Some(&reason.code),
                    reason.subcode.as_deref(),
                );
                self.fail_step(step, &info);
                return Err(Stop::Failed(info));
            }
            Observation::Ended { reason } => {
                let code = reason.as_ref().map(|r| r.code.clone());
                let subcode = reason.as_ref().and_then(|r| r.subcode.clone());
                let (kind, step) = if self.status.joined {
                    (kind_for_removal(subcode.as_deref()), Step::InMeeting)
                } else {
                    let k = reason
                        .as_ref()
                        .map(|r| kind_for_join_reason(&r.code, r.subcode.as_deref()))
                        .unwrap_or(FailureKind::Protocol);
                    (
                        k,
                        if self.status.phase == Phase::InLobby {
                            Step::Lobby
                        } else {
                            Step::InMeeting
                        },
                    )
                };
                let message = reason
                    .and_then(|r| r.message)
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| kind.title().to_string());
                let info = FailureInfo::new(kind, Some(step), message).with_codes(
                    None,
                    code.as_deref(),
                    subcode.as_deref(),
                );
                if !self.status.joined {
                    self.fail_step(step, &info);
                }
                return Err(Stop::Failed(info));
            }
            Observation::MeetingInfo { subject, organizer } => {
                self.emit(JoinEvent::MeetingInfo { subject, organizer })
            }
            Observation::ParticipantJoined(_)
            | Observation::ParticipantUpdated(_)
            | Observation::ParticipantLeft { .. }
                if !self.status.joined =>
            {
                self.early_roster.push(obs);
            }
            Observation::ParticipantJoined(participant) => {
                self.emit(JoinEvent::ParticipantJoined { participant })
            }
            Observation::ParticipantUpdated(participant) => {
                self.emit(JoinEvent::ParticipantUpdated { participant })
            }
            Observation::ParticipantLeft { id, name } => {
                self.emit(JoinEvent::ParticipantLeft { id, name })
            }
            Observation::Ignored { what } => tracing::info!(%what, "event ignored"),
        }
        Ok(())
    }

    fn finish_step_if_running(&mut self, step: Step, http_status: Option<u16>) {
        if self.status.step(step).state == super::status::StepState::Running {
            self.finish_step(step, http_status);
        }
    }

    /// Leave cleanly: DELETE the conversation, wait for the server to confirm, DELETE the application.
    async fn leave(&mut self) -> bool {
        self.phase(Phase::Leaving);
        self.start_step(Step::Leave);
        let mut clean = true;
        if let (Some(conv), Some(auth)) = (self.tracker.conversation().cloned(), self.auth.clone())
        {
            match ucwa::delete(&self.http, conv, &auth, self.req.limits.cleanup_timeout).await {
                Ok(_) => {
                    let wait = self.req.limits.leave_wait;
                    let confirmed = tokio::time::timeout(wait, async {
                        loop {
                            match recv(&mut self.channel).await {
                                Some(ChannelMsg::Batch { batch, base }) => {
                                    let obs = self.tracker.observe(&batch, &base);
                                    if obs.iter().any(|o| matches!(o, Observation::Ended { .. })) {
                                        return true;
                                    }
                                }
                                Some(_) => {}
                                None => return false,
                            }
                        }
                    })
                    .await;
                    if !matches!(confirmed, Ok(true)) {
                        tracing::info!(
                            "the server did not confirm the leave within {} s",
                            wait.as_secs()
                        );
                    }
                }
                Err(e) if e.status() == Some(404) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "leaving the conversation failed");
                    clean = false;
                }
            }
        }
        clean &= self.delete_application().await;
        let http_status = if clean { Some(204) } else { None };
        self.finish_step(Step::Leave, http_status);
        clean
    }

    /// Best-effort clean-up after a failure or cancel: nothing may be left in the meeting.
    async fn cleanup(&mut self) -> bool {
        let mut clean = true;
        if let (Some(conv), Some(auth)) = (self.tracker.conversation().cloned(), self.auth.clone())
        {
            match ucwa::delete(&self.http, conv, &auth, self.req.limits.cleanup_timeout).await {
                Ok(_) => {}
                Err(e) if matches!(e.status(), Some(404 | 410)) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "deleting the conversation failed");
                    clean = false;
                }
            }
        }
        clean & self.delete_application().await
    }

    async fn delete_application(&mut self) -> bool {
        let (Some(app), Some(auth)) = (self.application.take(), self.auth.clone()) else {
            return true;
        };
        if let Some(ch) = &self.channel {
            ch.cancel.cancel();
        }
        match ucwa::delete(&self.http, app, &auth, self.req.limits.cleanup_timeout).await {
            Ok(_) => true,
            Err(e) if matches!(e.status(), Some(404 | 410)) => true,
            Err(e) => {
                tracing::warn!(error = %e, "deleting the application failed");
                false
            }
        }
    }

    async fn stop_channel(&mut self) {
        if let Some(ch) = self.channel.take() {
            ch.cancel.cancel();
            tokio::time::timeout(Duration::from_secs(2), ch.task)
                .await
                .ok();
        }
    }
}

async fn recv(channel: &mut Option<Channel>) -> Option<ChannelMsg> {
    match channel {
        Some(ch) => ch.rx.recv().await,
        None => std::future::pending().await,
    }
}
