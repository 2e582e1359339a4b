//! Printers for `join`: human-readable progress lines, or JSON Lines (one object per engine
//! event, then a result line). Both are event sinks; nothing printed here carries a secret.

use std::io::Write;
use std::sync::Mutex;

use serde::Serialize;

use crate::join::status::{Flow, JoinEvent, JoinStatus, Phase, StepState};
use crate::join::{EventSink, FailureInfo};
use crate::stop_signal::StopSignal;

/// Prints each event as one JSON line on stdout.
pub struct JsonLines;

impl EventSink for JsonLines {
    fn emit(&self, event: &JoinEvent) {
        if let Ok(line) = serde_json::to_string(event) {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{line}").ok();
            out.flush().ok();
        }
    }
}

/// Prints progress for people on stdout.
#[derive(Default)]
pub struct Human {
    status: Mutex<JoinStatus>,
}

impl Human {
    fn line(text: &str) {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}").ok();
        out.flush().ok();
    }
}

impl EventSink for Human {
    fn emit(&self, event: &JoinEvent) {
        let mut status = match self.status.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        status.apply(event);
        match event {
            JoinEvent::SessionStarted {
                application_session_id,
                meeting_host,
                flow,
            } => {
                let how = match flow {
                    Flow::ServiceApplication => "",
                    Flow::Direct => " directly (Skype for Business Server)",
                };
                Self::line(&format!(
                    "Joining a meeting on {meeting_host}{how} (session {application_session_id})"
                ));
            }
            JoinEvent::StepDone {
                step,
                ms,
                http_status,
            } => {
                let http = http_status
                    .map(|s| format!("  HTTP {s}"))
                    .unwrap_or_default();
                let retries = status.step(*step).retries;
                let retried = if retries > 0 {
                    format!(
                        "  after {retries} retr{}",
                        if retries == 1 { "y" } else { "ies" }
                    )
                } else {
                    String::new()
                };
                Self::line(&format!(
                    "  ok    {:<20} {:>6} ms{http}{retried}",
                    step.label(),
                    ms
                ));
            }
            JoinEvent::StepFailed {
                step,
                ms,
                http_status,
                code,
                subcode,
            } => {
                let http = http_status
                    .map(|s| format!("  HTTP {s}"))
                    .unwrap_or_default();
                let codes = match (code, subcode) {
                    (Some(c), Some(s)) => format!("  {c}/{s}"),
                    (Some(c), None) => format!("  {c}"),
                    _ => String::new(),
                };
                Self::line(&format!(
                    "  FAIL  {:<20} {:>6} ms{http}{codes}",
                    step.label(),
                    ms
                ));
            }
            JoinEvent::StepStopped { step, ms } => {
                Self::line(&format!("  stop  {:<20} {:>6} ms", step.label(), ms));
            }
            JoinEvent::StepRetry {
                step,
                attempt,
                delay_ms,
                reason,
                ..
            } => {
                Self::line(&format!(
                    "  retry {:<20} attempt {attempt} failed ({reason}); next in {delay_ms} ms",
                    step.label()
                ));
            }
            JoinEvent::Phase {
                phase: Phase::InLobby,
            } => Self::line("  ...   Waiting in the lobby for the organizer to let you in"),
            JoinEvent::Phase {
                phase: Phase::InMeeting,
            } => {
                let subject = status
                    .subject
                    .as_deref()
                    .map(|s| format!(" \"{s}\""))
                    .unwrap_or_default();
                Self::line(&format!("In the meeting{subject}"));
            }
            JoinEvent::Phase {
                phase: Phase::Leaving,
            } => Self::line("Leaving the meeting"),
            JoinEvent::MeetingInfo {
                subject: Some(s), ..
            } if status.joined => Self::line(&format!("  Meeting: {s}")),
            JoinEvent::ParticipantJoined { participant } if participant.me => {
                Self::line(&format!("  +     {} (you)", participant.name));
            }
            JoinEvent::ParticipantJoined { participant } => {
                let role = participant
                    .role
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                Self::line(&format!("  +     {}{role}", participant.name));
            }
            JoinEvent::ParticipantLeft { name, .. } => Self::line(&format!("  -     {name} left")),
            JoinEvent::Reconnecting {
                attempt,
                max_attempts,
                reason,
            } => {
                Self::line(&format!(
                    "Reconnecting (attempt {attempt} of {max_attempts}): {reason}"
                ));
            }
            JoinEvent::TokenRenewed { expires_in_s } => {
                let lasts = expires_in_s
                    .map(|s| format!("; the new one lasts {s} s"))
                    .unwrap_or_default();
                Self::line(&format!("Web ticket renewed{lasts}"));
            }
            JoinEvent::Reconnected { attempts } => {
                Self::line(&format!(
                    "Back in the meeting after {attempts} attempt(s), same session"
                ));
            }
            JoinEvent::ChatMessage { message } if !message.outgoing => {
                Self::line(&format!(
                    "  chat  {}: {}",
                    message.from,
                    message.text.replace('\n', "\n        ")
                ));
            }
            JoinEvent::ChatDelivery {
                id,
                delivered,
                reason,
            } => {
                let text = status
                    .chat
                    .iter()
                    .find(|l| l.id == *id)
                    .map(|l| l.text.clone())
                    .unwrap_or_default();
                let outcome = match (delivered, reason) {
                    (true, _) => "delivered".to_string(),
                    (false, Some(r)) => format!("NOT delivered: {r}"),
                    (false, None) => "NOT delivered".to_string(),
                };
                Self::line(&format!("  chat  you: {text}  ({outcome})"));
            }
            JoinEvent::ChannelInterrupted { reason } => Self::line(&format!(
                "  !     connection interrupted ({reason}); reconnecting"
            )),
            JoinEvent::ChannelRecovered { attempts } => Self::line(&format!(
                "  ok    connection restored after {attempts} attempt(s)"
            )),
            JoinEvent::Failed { error } => {
                Self::line(&format!("{} [{}]", error.kind.title(), error.id));
                Self::line(&format!("  {}", error.message));
                Self::line(&format!("  {}", error.kind.remedy()));
            }
            JoinEvent::Left { cleanly } if status.joined || !cleanly => {
                Self::line(if *cleanly {
                    "Left the meeting cleanly"
                } else {
                    "Left, but the meeting service did not confirm everything was removed"
                });
            }
            JoinEvent::Cancelled { cleaned_up } => {
                Self::line(if *cleaned_up {
                    "Cancelled; nothing was left behind"
                } else {
                    "Cancelled; clean-up did not fully succeed"
                });
            }
            _ => {}
        }
    }
}

#[derive(Debug, Serialize)]
pub struct StepLine {
    pub name: &'static str,
    pub ms: Option<u64>,
    pub http_status: Option<u16>,
    pub state: StepState,
    pub retries: u32,
}

/// The last line of `join --json` (docs/design.md §3).
#[derive(Debug, Serialize)]
pub struct ResultLine<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub outcome: &'static str,
    pub exit_code: i32,
    pub steps: Vec<StepLine>,
    pub error: Option<&'a FailureInfo>,
    pub left_cleanly: bool,
    pub application_session_id: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub participants: usize,
    /// The signal that stopped the run (then `exit_code` is 128 + its number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interrupted: Option<StopSignal>,
}

impl ResultLine<'_> {
    /// Mark the line as stopped by `signal`: the exit code becomes the signal's.
    pub fn interrupted_by(mut self, signal: Option<StopSignal>) -> Self {
        if let Some(s) = signal {
            self.interrupted = Some(s);
            self.exit_code = s.exit_code();
        }
        self
    }
}

/// `(outcome, exit code)` of a finished session.
pub fn outcome(status: &JoinStatus) -> (&'static str, i32) {
    match (&status.failure, status.phase) {
        (Some(f), _) => ("failed", f.kind.exit_code()),
        (None, Phase::Cancelled) => ("cancelled", 1),
        (None, _) if status.joined => ("joined", 0),
        (None, _) => ("failed", 1),
    }
}

pub fn result_line(status: &JoinStatus) -> ResultLine<'_> {
    let (outcome, exit_code) = outcome(status);
    ResultLine {
        kind: "result",
        outcome,
        exit_code,
        steps: status
            .ran_steps()
            .map(|s| StepLine {
                name: s.step.name(),
                ms: s.ms,
                http_status: s.http_status,
                state: s.state,
                retries: s.retries,
            })
            .collect(),
        error: status.failure.as_ref(),
        left_cleanly: status.left_cleanly.unwrap_or(true),
        application_session_id: status.application_session_id.as_deref(),
        subject: status.subject.as_deref(),
        participants: status.roster.len(),
        interrupted: None,
    }
}
