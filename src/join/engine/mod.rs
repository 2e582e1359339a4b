//! The whole guest join as one cancellable async task (docs/design.md §5; docs/protocol.md §3, §4,
//! §7): token (flow A: service application, discover; flow B: autodiscover, web ticket) →
//! application → event channel → invitation → lobby → meeting → leave.
//! Every wait is `select!`ed against cancel and the join deadline; every exit path deletes the
//! conversation and the application when they exist, so no ghost guest stays behind.
//!
//! `flow` holds the protocol steps up to the meeting (`direct` flow B's own ones), `observe`
//! what the event channel brings,
//! `rejoin` the recovery of a lost session, `leave` the ways out.

mod call_me;
mod chat;
mod dial_in;
mod direct;
mod flow;
mod leave;
mod observe;
mod rejoin;

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::api::error::ApiError;
use crate::api::http::{HttpClient, Response};
use crate::api::retry::may_repeat;
use crate::api::ucwa::UcwaAuth;

use super::channel::ChannelMsg;
use super::classify::classify;
use super::failure::{FailureInfo, FailureKind};
use super::request::{EventSink, JoinRequest};
use super::status::{JoinEvent, JoinStatus, Phase, Step};
use super::tracker::{MeetingTracker, Observation};

/// What the guest asks of a running session besides leaving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Send a chat message (queued until chat is available).
    Chat(String),
    /// The guest is typing (sent to the meeting at most every few seconds).
    Typing,
    /// "Call me": the meeting rings this number and adds the call to the meeting.
    CallMe(super::phone_number::PhoneNumber),
    /// End the phone call.
    HangUp,
}

/// Ask a running session to leave the meeting, to stop whatever it is doing, or to chat.
#[derive(Debug, Clone)]
pub struct SessionControl {
    cancel: CancellationToken,
    leave: CancellationToken,
    commands: mpsc::UnboundedSender<Command>,
    inbox: Arc<std::sync::Mutex<Option<mpsc::UnboundedReceiver<Command>>>>,
}

impl Default for SessionControl {
    fn default() -> Self {
        let (commands, inbox) = mpsc::unbounded_channel();
        Self {
            cancel: CancellationToken::new(),
            leave: CancellationToken::new(),
            commands,
            inbox: Arc::new(std::sync::Mutex::new(Some(inbox))),
        }
    }
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

    /// Send a chat message once chat is available.
    pub fn send_chat(&self, text: &str) {
        self.commands.send(Command::Chat(text.to_string())).ok();
    }

    /// Tell the meeting the guest is typing.
    pub fn typing(&self) {
        self.commands.send(Command::Typing).ok();
    }

    /// Ask the meeting to call the guest's phone (once in the meeting, where it is offered).
    pub fn call_me(&self, number: super::phone_number::PhoneNumber) {
        self.commands.send(Command::CallMe(number)).ok();
    }

    /// End the phone call.
    pub fn hang_up(&self) {
        self.commands.send(Command::HangUp).ok();
    }

    /// The command inbox; the session that runs with this control takes it once.
    fn take_inbox(&self) -> Option<mpsc::UnboundedReceiver<Command>> {
        match self.inbox.lock() {
            Ok(mut g) => g.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }
}

/// Why the join (or the stay) stopped early.
enum Stop {
    Cancelled,
    Deadline,
    Failed(FailureInfo),
    /// The meeting connection or the token was lost; a rejoin may recover it.
    Lost(FailureInfo),
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
    /// Rejoining: the join steps run again without changing the phase from Reconnecting.
    rejoining: bool,
    /// After a rejoin's admission: drop participants who left while the guest was away.
    reconcile_roster: bool,
    /// When to renew the session before the guest token expires.
    renew_at: Option<tokio::time::Instant>,
    /// Flow B: how to renew the web ticket in place.
    renewal: Option<direct::Renewal>,
    chat: chat::ChatState,
    call_me: call_me::CallMeState,
    /// The conference URI the session joined (`to` of a "call me").
    conference_uri: Option<String>,
    /// Work the observations asked for, done after each batch (observing is synchronous).
    actions: Vec<chat::Action>,
    inbox: Option<mpsc::UnboundedReceiver<Command>>,
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
    let http = match sink.wants_exchanges() {
        true => http.with_observer(Arc::new(move |record| {
            observer_sink.emit(&JoinEvent::Exchange {
                record: Box::new(record),
            });
        })),
        false => http.clone(),
    };
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
        rejoining: false,
        reconcile_roster: false,
        renew_at: None,
        renewal: None,
        chat: chat::ChatState::default(),
        call_me: call_me::CallMeState::default(),
        conference_uri: None,
        actions: Vec::new(),
        inbox: control.take_inbox(),
    };
    s.emit(JoinEvent::SessionStarted {
        application_session_id: req.application_session_id.clone(),
        meeting_host: req.meeting.host().to_string(),
        flow: req.source.flow(),
    });
    let mut outcome = match s.join().await {
        Ok(()) => s.stay().await,
        Err(stop) => Err(stop),
    };
    while let Err(Stop::Lost(reason)) = outcome {
        outcome = s.rejoin(reason).await;
    }
    match outcome {
        Ok(()) => {
            let cleanly = s.leave().await;
            s.emit(JoinEvent::Left { cleanly });
        }
        Err(Stop::Cancelled) => {
            s.stop_running_steps();
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
        Err(Stop::Failed(error) | Stop::Lost(error)) => {
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

    /// A phase of the join steps; while rejoining the phase stays Reconnecting.
    fn progress(&mut self, phase: Phase) {
        if !self.rejoining {
            self.phase(phase);
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

    /// Mark every step still running as stopped (the session was cancelled).
    fn stop_running_steps(&mut self) {
        for step in self.running_steps() {
            let ms = self.step_ms(step);
            self.emit(JoinEvent::StepStopped { step, ms });
        }
    }

    fn running_steps(&self) -> Vec<Step> {
        self.step_starts
            .iter()
            .map(|(s, _)| *s)
            .filter(|s| self.status.step(*s).state == super::status::StepState::Running)
            .collect()
    }

    /// Mark every step still running as failed (it can no longer finish).
    fn fail_running_step(&mut self) {
        for step in self.running_steps() {
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

    /// One step's HTTP exchange with retries (`may_repeat`: connect errors, 429, 5xx; broken
    /// connections and time-outs only for idempotent steps).
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
                Err(err)
                    if may_repeat(&err, step_is_idempotent(step)) && policy.may_retry(attempt) =>
                {
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
}

/// Steps whose request may be repeated when it is unknown whether the server acted on it: the
/// token requests (a service application or a web ticket service mints a token, nothing
/// lasting), discover and autodiscover (GETs). Creating the application and the invitation are
/// not: a repeat could make a second one.
fn step_is_idempotent(step: Step) -> bool {
    matches!(
        step,
        Step::ServiceApplication | Step::Discovery | Step::Autodiscover | Step::WebTicket
    )
}

async fn recv(channel: &mut Option<Channel>) -> Option<ChannelMsg> {
    match channel {
        Some(ch) => ch.rx.recv().await,
        None => std::future::pending().await,
    }
}
