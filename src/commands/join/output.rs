//! Printers for `join`: human-readable progress lines, or JSON Lines (one object per engine
//! event, then a result line). Both are event sinks; nothing printed here carries a secret.

use std::io::Write;
use std::sync::Mutex;

use serde::Serialize;

use crate::join::phone_leg::{PhoneLeg, PhoneState};
use crate::join::status::{Flow, JoinEvent, JoinStatus, Phase, StepState};
use crate::join::{DialIn, EventSink, FailureInfo};
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
        if let Some(text) = describe(&status, event) {
            Self::line(&text);
        }
    }
}

/// What [`Human`] prints for `event` (one or more lines), read together with the status the
/// event has already been applied to; `None` for events it does not print.
fn describe(status: &JoinStatus, event: &JoinEvent) -> Option<String> {
    step_line(status, event)
        .or_else(|| meeting_line(status, event))
        .or_else(|| connection_line(event))
        .or_else(|| ending_line(status, event))
}

/// `  HTTP 200`, or nothing without a status.
fn http_suffix(http_status: Option<u16>) -> String {
    http_status
        .map(|s| format!("  HTTP {s}"))
        .unwrap_or_default()
}

/// The session's start and each step's progress.
fn step_line(status: &JoinStatus, event: &JoinEvent) -> Option<String> {
    Some(match event {
        JoinEvent::SessionStarted {
            application_session_id,
            meeting_host,
            flow,
        } => {
            let how = match flow {
                Flow::ServiceApplication => "",
                Flow::Direct => " directly (Skype for Business Server)",
            };
            format!("Joining a meeting on {meeting_host}{how} (session {application_session_id})")
        }
        JoinEvent::StepDone {
            step,
            ms,
            http_status,
        } => {
            let http = http_suffix(*http_status);
            let retried = match status.step(*step).retries {
                0 => String::new(),
                1 => "  after 1 retry".to_string(),
                n => format!("  after {n} retries"),
            };
            format!("  ok    {:<20} {ms:>6} ms{http}{retried}", step.label())
        }
        JoinEvent::StepFailed {
            step,
            ms,
            http_status,
            code,
            subcode,
        } => {
            let http = http_suffix(*http_status);
            let codes = match (code, subcode) {
                (Some(c), Some(s)) => format!("  {c}/{s}"),
                (Some(c), None) => format!("  {c}"),
                _ => String::new(),
            };
            format!("  FAIL  {:<20} {ms:>6} ms{http}{codes}", step.label())
        }
        JoinEvent::StepStopped { step, ms } => format!("  stop  {:<20} {ms:>6} ms", step.label()),
        JoinEvent::StepRetry {
            step,
            attempt,
            delay_ms,
            reason,
            ..
        } => format!(
            "  retry {:<20} attempt {attempt} failed ({reason}); next in {delay_ms} ms",
            step.label()
        ),
        _ => return None,
    })
}

/// The lobby, the meeting, its people and its chat.
fn meeting_line(status: &JoinStatus, event: &JoinEvent) -> Option<String> {
    Some(match event {
        JoinEvent::Phase {
            phase: Phase::InLobby,
        } => "  ...   Waiting in the lobby for the organizer to let you in".to_string(),
        JoinEvent::Phase {
            phase: Phase::InMeeting,
        } => {
            let subject = status
                .subject
                .as_deref()
                .map(|s| format!(" \"{s}\""))
                .unwrap_or_default();
            format!("In the meeting{subject}")
        }
        JoinEvent::Phase {
            phase: Phase::Leaving,
        } => "Leaving the meeting".to_string(),
        JoinEvent::MeetingInfo {
            subject: Some(s), ..
        } if status.joined => format!("  Meeting: {s}"),
        JoinEvent::ParticipantJoined { participant } if participant.me => {
            format!("  +     {} (you)", participant.name)
        }
        JoinEvent::ParticipantJoined { participant } => {
            let role = participant
                .role
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            format!("  +     {}{role}", participant.name)
        }
        JoinEvent::ParticipantLeft { name, .. } => format!("  -     {name} left"),
        JoinEvent::DialIn { dial_in } => dial_in_lines(dial_in),
        JoinEvent::PhoneOffered { offered: true } => {
            "  phone The meeting can call your phone (call me)".to_string()
        }
        JoinEvent::Phone { leg } => phone_line(leg),
        JoinEvent::ChatMessage { message } if !message.outgoing => format!(
            "  chat  {}: {}",
            message.from,
            message.text.replace('\n', "\n        ")
        ),
        JoinEvent::ChatDelivery {
            id,
            delivered,
            reason,
        } => {
            let text = status
                .chat
                .iter()
                .find(|l| l.id == *id)
                .map(|l| l.text.as_str())
                .unwrap_or_default();
            let outcome = match (delivered, reason) {
                (true, _) => "delivered".to_string(),
                (false, Some(r)) => format!("NOT delivered: {r}"),
                (false, None) => "NOT delivered".to_string(),
            };
            format!("  chat  you: {text}  ({outcome})")
        }
        _ => return None,
    })
}

/// How to join by phone: the numbers (default region first), the conference ID, the string a
/// phone dials in one go, the directory page and an audio conference provider's bridge.
fn dial_in_lines(d: &DialIn) -> String {
    let mut lines = Vec::new();
    for (i, n) in d.numbers.iter().enumerate() {
        let lead = if i == 0 {
            "  phone Join by phone:"
        } else {
            "                      "
        };
        let default = if n.default { ", default" } else { "" };
        lines.push(format!("{lead} {}  ({}{default})", n.number, n.region));
    }
    if let Some(id) = &d.conference_id {
        lines.push(format!("        Conference ID: {id}"));
    }
    if let Some(first) = d.numbers.first() {
        lines.push(format!(
            "        Dial in one go: {}",
            d.dial_string(&first.number)
        ));
    }
    if let Some(url) = &d.directory_url {
        lines.push(format!("        Find a local number: {url}"));
    }
    if let Some(p) = &d.provider {
        let numbers: Vec<String> = p
            .toll_number
            .iter()
            .map(|n| n.to_string())
            .chain(
                p.toll_free_numbers
                    .iter()
                    .map(|n| format!("{n} (toll free)")),
            )
            .collect();
        let passcode = p
            .passcode
            .as_deref()
            .map(|c| format!(", passcode {c}"))
            .unwrap_or_default();
        lines.push(format!(
            "        Audio conference provider: {}{passcode}",
            numbers.join(", ")
        ));
    }
    lines.join("\n")
}

/// The "call me" call's progress.
fn phone_line(leg: &PhoneLeg) -> String {
    let n = &leg.number;
    match (leg.state, &leg.failure) {
        (PhoneState::Ringing, _) => format!("  phone Calling your phone {n}…"),
        (PhoneState::Connected, _) => format!("  phone Your phone {n} is connected to the meeting"),
        (PhoneState::Ended, _) => format!("  phone The call to {n} ended"),
        (PhoneState::Failed, Some(f)) => {
            let codes = match (&f.code, &f.subcode) {
                (Some(c), Some(s)) => format!(" [{c}/{s}]"),
                (Some(c), None) => format!(" [{c}]"),
                _ => String::new(),
            };
            let http = f
                .http_status
                .map(|h| format!(" HTTP {h}"))
                .unwrap_or_default();
            format!(
                "  phone FAIL  call to {n}: {}{http}{codes}: {}",
                serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                f.message
            )
        }
        (PhoneState::Failed, None) => format!("  phone FAIL  call to {n}"),
    }
}

/// The connection lost and found again, and the web ticket renewed.
fn connection_line(event: &JoinEvent) -> Option<String> {
    Some(match event {
        JoinEvent::Reconnecting {
            attempt,
            max_attempts,
            reason,
        } => format!("Reconnecting (attempt {attempt} of {max_attempts}): {reason}"),
        JoinEvent::TokenRenewed { expires_in_s } => {
            let lasts = expires_in_s
                .map(|s| format!("; the new one lasts {s} s"))
                .unwrap_or_default();
            format!("Web ticket renewed{lasts}")
        }
        JoinEvent::Reconnected { attempts } => {
            format!("Back in the meeting after {attempts} attempt(s), same session")
        }
        JoinEvent::ChannelInterrupted { reason } => {
            format!("  !     connection interrupted ({reason}); reconnecting")
        }
        JoinEvent::ChannelRecovered { attempts } => {
            format!("  ok    connection restored after {attempts} attempt(s)")
        }
        _ => return None,
    })
}

/// How the session ended: the failure with its remedy, leaving, or cancelling.
fn ending_line(status: &JoinStatus, event: &JoinEvent) -> Option<String> {
    let text = match event {
        JoinEvent::Failed { error } => {
            return Some(format!(
                "{} [{}]\n  {}\n  {}",
                error.kind.title(),
                error.id,
                error.message,
                error.kind.remedy()
            ));
        }
        JoinEvent::Left { cleanly: true } if status.joined => "Left the meeting cleanly",
        JoinEvent::Left { cleanly: false } => {
            "Left, but the meeting service did not confirm everything was removed"
        }
        JoinEvent::Cancelled { cleaned_up: true } => "Cancelled; nothing was left behind",
        JoinEvent::Cancelled { cleaned_up: false } => "Cancelled; clean-up did not fully succeed",
        _ => return None,
    };
    Some(text.to_string())
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
    /// The last "call me" call, when one was asked for (the number masked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<&'a PhoneLeg>,
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
        // `--call-me` asked for a call that never connected.
        (None, _)
            if status.joined && status.phone.leg.is_some() && !status.phone.ever_connected =>
        {
            ("joined_phone_failed", 9)
        }
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
        phone: status.phone.leg.as_ref(),
        interrupted: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::join::Step;

    /// The lines a run of `events` prints, each event applied first as `Human` does.
    fn printed(events: &[JoinEvent]) -> Vec<String> {
        let mut status = JoinStatus::default();
        events
            .iter()
            .filter_map(|e| {
                status.apply(e);
                describe(&status, e)
            })
            .collect()
    }

    #[test]
    fn retries_stops_and_the_connection_are_told() {
        let retry = JoinEvent::StepRetry {
            step: Step::Discovery,
            attempt: 1,
            delay_ms: 250,
            http_status: Some(503),
            reason: "HTTP 503".into(),
        };
        let done = JoinEvent::StepDone {
            step: Step::Discovery,
            ms: 812,
            http_status: Some(200),
        };
        assert_eq!(
            printed(&[retry.clone(), retry, done]),
            [
                "  retry Discovery            attempt 1 failed (HTTP 503); next in 250 ms",
                "  retry Discovery            attempt 1 failed (HTTP 503); next in 250 ms",
                "  ok    Discovery               812 ms  HTTP 200  after 2 retries",
            ]
        );
        assert_eq!(
            printed(&[
                JoinEvent::StepStopped {
                    step: Step::Application,
                    ms: 5,
                },
                JoinEvent::ChannelInterrupted {
                    reason: "reset".into(),
                },
                JoinEvent::ChannelRecovered { attempts: 2 },
                JoinEvent::Reconnecting {
                    attempt: 1,
                    max_attempts: 3,
                    reason: "gone".into(),
                },
                JoinEvent::Reconnected { attempts: 1 },
                JoinEvent::TokenRenewed {
                    expires_in_s: Some(600),
                },
                JoinEvent::TokenRenewed { expires_in_s: None },
            ]),
            [
                "  stop  Application               5 ms",
                "  !     connection interrupted (reset); reconnecting",
                "  ok    connection restored after 2 attempt(s)",
                "Reconnecting (attempt 1 of 3): gone",
                "Back in the meeting after 1 attempt(s), same session",
                "Web ticket renewed; the new one lasts 600 s",
                "Web ticket renewed",
            ]
        );
    }

    #[test]
    fn endings_are_told_once() {
        assert_eq!(
            printed(&[
                JoinEvent::Left { cleanly: true },
                JoinEvent::Left { cleanly: false },
                JoinEvent::Cancelled { cleaned_up: true },
                JoinEvent::Cancelled { cleaned_up: false },
            ]),
            [
                // A clean leave before joining says nothing.
                "Left, but the meeting service did not confirm everything was removed",
                "Cancelled; nothing was left behind",
                "Cancelled; clean-up did not fully succeed",
            ]
        );
        assert_eq!(printed(&[JoinEvent::ChannelResynced]), Vec::<String>::new());
    }

    #[test]
    fn dial_in_details_are_printed_with_the_one_go_string() {
        use crate::join::dial_in::{DialInNumber, ProviderBridge};
        let number = |region: &str, number: &str, default: bool| DialInNumber {
            region: region.into(),
            number: number.into(),
            languages: Vec::new(),
            default,
        };
        let dial_in = DialIn {
            numbers: vec![
                number("Berlin", "+49305550100", true),
                number("Redmond", "+14255550001", false),
            ],
            conference_id: Some("12983487".into()),
            directory_url: Some("https://dialin.contoso.example/".into()),
            provider: Some(ProviderBridge {
                toll_number: Some("+18005550123".into()),
                toll_free_numbers: vec!["+18885550124".into()],
                passcode: Some("4477120".into()),
            }),
        };
        assert_eq!(
            printed(&[JoinEvent::DialIn { dial_in }]).join("\n"),
            [
                "  phone Join by phone: +49305550100  (Berlin, default)",
                "                       +14255550001  (Redmond)",
                "        Conference ID: 12983487",
                "        Dial in one go: +49305550100,,12983487#",
                "        Find a local number: https://dialin.contoso.example/",
                "        Audio conference provider: +18005550123, +18885550124 (toll free), passcode 4477120",
            ]
            .join("\n")
        );
    }
}
