//! Phases, steps and events of a guest session, and the pure reducer `JoinStatus::apply` that
//! GUI and CLI share so they never disagree about where a join is (docs/design.md §5).

use std::collections::VecDeque;

use serde::Serialize;

use super::dial_in::DialIn;
use super::failure::FailureInfo;
use super::phone_leg::{PhoneLeg, PhoneStatus};
use crate::api::exchange::ExchangeRecord;

use super::step::NOT_STARTED;
pub use super::step::{Flow, Step, StepState, StepStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Idle,
    RequestingToken,
    Discovering,
    CreatingApplication,
    Joining,
    InLobby,
    InMeeting,
    /// The connection was lost; rejoining with the same session.
    Reconnecting,
    Leaving,
    Left,
    Failed,
    Cancelled,
}

impl Phase {
    pub fn is_terminal(self) -> bool {
        matches!(self, Phase::Left | Phase::Failed | Phase::Cancelled)
    }

    /// Label for people, in English.
    pub fn label(self) -> String {
        crate::i18n::Tr::english().phase_label(self)
    }
}

/// One participant as the guest sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    /// The guest's own entry.
    pub me: bool,
    /// In the meeting by phone (the participant's `participantAudio` is there).
    #[serde(default)]
    pub on_phone: bool,
    /// Waiting in the lobby (only leaders see lobby participants).
    #[serde(default)]
    pub in_lobby: bool,
}

/// Most chat lines kept in a session's status: older ones drop off and are counted in
/// [`JoinStatus::chat_dropped`] (the diagnostics bundle's event log keeps its own share).
pub const MAX_CHAT_LINES: usize = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// An incoming message.
    Received,
    /// Sent by the guest; no outcome yet.
    Pending,
    Delivered,
    Failed,
}

/// One chat message, incoming or outgoing, as safe plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChatLine {
    /// Unique within the session.
    pub id: u64,
    pub outgoing: bool,
    pub from: String,
    pub text: String,
    /// Unix time in milliseconds.
    pub at_ms: i64,
    pub delivery: Delivery,
}

/// Everything the engine reports, in order. Serialised as one JSON object per line by
/// `join --json` (`"type"` = the variant name in snake case). No secrets in any variant.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JoinEvent {
    SessionStarted {
        application_session_id: String,
        meeting_host: String,
        /// How this session gets in (which steps it goes through).
        flow: Flow,
    },
    Phase {
        phase: Phase,
    },
    StepStarted {
        step: Step,
        at_ms: u64,
    },
    StepRetry {
        step: Step,
        attempt: u32,
        delay_ms: u64,
        http_status: Option<u16>,
        reason: String,
    },
    StepDone {
        step: Step,
        ms: u64,
        http_status: Option<u16>,
    },
    StepFailed {
        step: Step,
        ms: u64,
        http_status: Option<u16>,
        code: Option<String>,
        subcode: Option<String>,
    },
    /// A running step that will not finish because the session was cancelled.
    StepStopped {
        step: Step,
        ms: u64,
    },
    ChannelInterrupted {
        reason: String,
    },
    ChannelRecovered {
        attempts: u32,
    },
    /// The server called the ack stale; the channel followed `resync`.
    ChannelResynced,
    /// The meeting connection was lost; attempt `attempt` of `max_attempts` to rejoin starts.
    Reconnecting {
        attempt: u32,
        max_attempts: u32,
        reason: String,
    },
    /// Flow B: the web ticket was renewed in place (`ms_rtc_renew`); the new one lives
    /// `expires_in_s` seconds.
    TokenRenewed {
        expires_in_s: Option<u64>,
    },
    /// Back in the meeting after `attempts` attempt(s), with the same ApplicationSessionId.
    Reconnected {
        attempts: u32,
    },
    MeetingInfo {
        subject: Option<String>,
        organizer: Option<String>,
    },
    /// How to join the meeting by phone (numbers, conference ID), once the meeting said.
    DialIn {
        dial_in: DialIn,
    },
    /// The meeting offers to call the guest's phone ("call me"), or no longer does.
    PhoneOffered {
        offered: bool,
    },
    /// The phone call: ringing, connected, ended or failed (the number masked).
    Phone {
        leg: PhoneLeg,
    },
    ParticipantJoined {
        participant: Participant,
    },
    ParticipantUpdated {
        participant: Participant,
    },
    ParticipantLeft {
        id: String,
        name: String,
    },
    /// Chat can be used (messaging connected) or not.
    ChatAvailable {
        available: bool,
    },
    /// A chat message: received, or sent by the guest (then `delivery` is pending).
    ChatMessage {
        message: ChatLine,
    },
    /// The outcome of a message the guest sent.
    ChatDelivery {
        id: u64,
        delivered: bool,
        reason: Option<String>,
    },
    /// A participant started or stopped typing.
    Typing {
        name: String,
        typing: bool,
    },
    /// One HTTP exchange, redacted (for the request inspector and QA output).
    Exchange {
        record: Box<ExchangeRecord>,
    },
    Failed {
        error: FailureInfo,
    },
    Left {
        cleanly: bool,
    },
    Cancelled {
        cleaned_up: bool,
    },
}

/// The state of one guest session, derived only from `JoinEvent`s.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JoinStatus {
    pub phase: Phase,
    pub flow: Flow,
    pub application_session_id: Option<String>,
    pub steps: Vec<StepStatus>,
    pub subject: Option<String>,
    pub organizer: Option<String>,
    /// The meeting's dial-in details, when it has them.
    pub dial_in: Option<DialIn>,
    /// "Call me": offered or not, and the current or last call.
    pub phone: PhoneStatus,
    pub roster: Vec<Participant>,
    pub failure: Option<FailureInfo>,
    /// Set once the guest was in the meeting.
    pub joined: bool,
    /// Set when the session ended: whether the conversation and application were deleted.
    pub left_cleanly: Option<bool>,
    pub channel_interruptions: u32,
    /// The rejoin attempt under way, while reconnecting.
    pub reconnect_attempt: Option<(u32, u32)>,
    /// Successful rejoins so far.
    pub reconnections: u32,
    /// Flow B: web tickets renewed in place so far.
    pub token_renewals: u32,
    pub chat_available: bool,
    /// The last `MAX_CHAT_LINES` messages, oldest first.
    pub chat: VecDeque<ChatLine>,
    /// Messages that dropped off the front of `chat`.
    pub chat_dropped: u64,
    /// Who is typing now.
    pub typing: Vec<String>,
}

impl Default for JoinStatus {
    fn default() -> Self {
        Self {
            phase: Phase::Idle,
            application_session_id: None,
            flow: Flow::default(),
            steps: Flow::default()
                .steps()
                .into_iter()
                .map(StepStatus::pending)
                .collect(),
            subject: None,
            organizer: None,
            dial_in: None,
            phone: PhoneStatus::default(),
            roster: Vec::new(),
            failure: None,
            joined: false,
            left_cleanly: None,
            channel_interruptions: 0,
            reconnect_attempt: None,
            reconnections: 0,
            token_renewals: 0,
            chat_available: false,
            chat: VecDeque::new(),
            chat_dropped: 0,
            typing: Vec::new(),
        }
    }
}

impl JoinStatus {
    /// Every chat message of the session so far, those dropped off the front included.
    pub fn chat_total(&self) -> u64 {
        self.chat_dropped + self.chat.len() as u64
    }

    /// A step's status; a step this session's flow does not go through is never started.
    pub fn step(&self, step: Step) -> &StepStatus {
        match self.steps.iter().find(|s| s.step == step) {
            Some(s) => s,
            None => &NOT_STARTED[Step::ALL.iter().position(|s| *s == step).unwrap_or(0)],
        }
    }

    fn step_mut(&mut self, step: Step) -> &mut StepStatus {
        let i = match self.steps.iter().position(|s| s.step == step) {
            Some(i) => i,
            None => {
                self.steps.push(StepStatus::pending(step));
                self.steps.len() - 1
            }
        };
        &mut self.steps[i]
    }

    /// Apply one event. Pure: no I/O, no clock.
    // Long on purpose: one arm per event, the whole reducer in one place to read.
    pub fn apply(&mut self, event: &JoinEvent) {
        match event {
            JoinEvent::SessionStarted {
                application_session_id,
                flow,
                ..
            } => {
                *self = JoinStatus {
                    application_session_id: Some(application_session_id.clone()),
                    flow: *flow,
                    steps: flow.steps().into_iter().map(StepStatus::pending).collect(),
                    ..JoinStatus::default()
                };
            }
            JoinEvent::Phase { phase } => {
                self.phase = *phase;
                if *phase == Phase::InMeeting {
                    self.joined = true;
                }
            }
            JoinEvent::StepStarted { step, at_ms } => {
                let s = self.step_mut(*step);
                s.state = StepState::Running;
                s.started_at_ms = Some(*at_ms);
            }
            JoinEvent::StepRetry {
                step, http_status, ..
            } => {
                let s = self.step_mut(*step);
                s.retries += 1;
                s.http_status = *http_status;
            }
            JoinEvent::StepDone {
                step,
                ms,
                http_status,
            } => {
                let s = self.step_mut(*step);
                s.state = StepState::Done;
                s.ms = Some(*ms);
                s.http_status = http_status.or(s.http_status);
            }
            JoinEvent::StepFailed {
                step,
                ms,
                http_status,
                code,
                subcode,
            } => {
                let s = self.step_mut(*step);
                s.state = StepState::Failed;
                s.ms = Some(*ms);
                s.http_status = *http_status;
                s.code = code.clone();
                s.subcode = subcode.clone();
            }
            JoinEvent::StepStopped { step, ms } => {
                let s = self.step_mut(*step);
                s.state = StepState::Stopped;
                s.ms = Some(*ms);
            }
            JoinEvent::Reconnecting {
                attempt,
                max_attempts,
                ..
            } => {
                self.reconnect_attempt = Some((*attempt, *max_attempts));
            }
            JoinEvent::Reconnected { .. } => {
                self.reconnect_attempt = None;
                self.reconnections += 1;
            }
            JoinEvent::ChatAvailable { available } => self.chat_available = *available,
            JoinEvent::ChatMessage { message } => {
                self.typing.retain(|n| n != &message.from);
                self.chat.push_back(message.clone());
                while self.chat.len() > MAX_CHAT_LINES {
                    self.chat.pop_front();
                    self.chat_dropped += 1;
                }
            }
            JoinEvent::ChatDelivery { id, delivered, .. } => {
                if let Some(line) = self.chat.iter_mut().rev().find(|l| l.id == *id) {
                    line.delivery = if *delivered {
                        Delivery::Delivered
                    } else {
                        Delivery::Failed
                    };
                }
            }
            JoinEvent::Typing { name, typing } => {
                self.typing.retain(|n| n != name);
                if *typing {
                    self.typing.push(name.clone());
                }
            }
            JoinEvent::ChannelInterrupted { .. } => self.channel_interruptions += 1,
            JoinEvent::TokenRenewed { .. } => self.token_renewals += 1,
            JoinEvent::ChannelRecovered { .. }
            | JoinEvent::ChannelResynced
            | JoinEvent::Exchange { .. } => {}
            JoinEvent::MeetingInfo { subject, organizer } => {
                if subject.is_some() {
                    self.subject = subject.clone();
                }
                if organizer.is_some() {
                    self.organizer = organizer.clone();
                }
            }
            JoinEvent::DialIn { dial_in } => self.dial_in = Some(dial_in.clone()),
            JoinEvent::PhoneOffered { offered } => self.phone.offered = *offered,
            JoinEvent::Phone { leg } => self.phone.apply(leg),
            JoinEvent::ParticipantJoined { participant }
            | JoinEvent::ParticipantUpdated { participant } => {
                if participant.me {
                    // One own entry: a rejoin gives the guest a new participant id.
                    self.roster.retain(|p| !p.me || p.id == participant.id);
                }
                match self.roster.iter_mut().find(|p| p.id == participant.id) {
                    Some(p) => *p = participant.clone(),
                    None => self.roster.push(participant.clone()),
                }
            }
            JoinEvent::ParticipantLeft { id, .. } => self.roster.retain(|p| &p.id != id),
            JoinEvent::Failed { error } => {
                self.phase = Phase::Failed;
                self.failure = Some(error.clone());
            }
            JoinEvent::Left { cleanly } => {
                if self.phase != Phase::Failed {
                    self.phase = Phase::Left;
                }
                self.left_cleanly = Some(*cleanly);
            }
            JoinEvent::Cancelled { cleaned_up } => {
                self.phase = Phase::Cancelled;
                self.left_cleanly = Some(*cleaned_up);
            }
        }
    }

    /// Steps that ran, for result lines: `(name, ms, http_status)`.
    pub fn ran_steps(&self) -> impl Iterator<Item = &StepStatus> {
        self.steps.iter().filter(|s| s.state != StepState::Pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::Role;
    use crate::join::failure::{FailureInfo, FailureKind};

    fn run(events: &[JoinEvent]) -> JoinStatus {
        let mut s = JoinStatus::default();
        for e in events {
            s.apply(e);
        }
        s
    }

    #[test]
    fn chat_keeps_the_last_lines_and_counts_the_rest() {
        let mut s = JoinStatus::default();
        let extra = 7;
        for id in 0..(MAX_CHAT_LINES as u64 + extra) {
            s.apply(&JoinEvent::ChatMessage {
                message: ChatLine {
                    id,
                    outgoing: false,
                    from: "Ada".into(),
                    text: format!("m{id}"),
                    at_ms: 0,
                    delivery: Delivery::Received,
                },
            });
        }
        assert_eq!(s.chat.len(), MAX_CHAT_LINES);
        assert_eq!(s.chat_dropped, extra);
        assert_eq!(s.chat_total(), MAX_CHAT_LINES as u64 + extra);
        assert_eq!(s.chat.front().map(|l| l.id), Some(extra));
        // The diagnostics bundle's timeline says how many fell out of the window.
        let chat = &crate::diagnostics::timeline::timeline(&s)["chat"];
        assert_eq!(chat["messages"], MAX_CHAT_LINES as u64 + extra);
        assert_eq!(chat["kept_in_window"], MAX_CHAT_LINES);
        assert_eq!(chat["dropped_from_window"], extra);
    }

    #[test]
    fn happy_path_transitions() {
        let s = run(&[
            JoinEvent::SessionStarted {
                application_session_id: "a".into(),
                meeting_host: "h".into(),
                flow: Flow::ServiceApplication,
            },
            JoinEvent::Phase {
                phase: Phase::RequestingToken,
            },
            JoinEvent::StepStarted {
                step: Step::ServiceApplication,
                at_ms: 0,
            },
            JoinEvent::StepRetry {
                step: Step::ServiceApplication,
                attempt: 1,
                delay_ms: 5,
                http_status: Some(503),
                reason: "x".into(),
            },
            JoinEvent::StepDone {
                step: Step::ServiceApplication,
                ms: 12,
                http_status: Some(200),
            },
            JoinEvent::Phase {
                phase: Phase::InLobby,
            },
            JoinEvent::Phase {
                phase: Phase::InMeeting,
            },
            JoinEvent::ParticipantJoined {
                participant: Participant {
                    id: "1".into(),
                    name: "Ann".into(),
                    role: None,
                    me: false,
                    on_phone: false,
                    in_lobby: false,
                },
            },
            JoinEvent::ParticipantJoined {
                participant: Participant {
                    id: "2".into(),
                    name: "Bo".into(),
                    role: None,
                    me: false,
                    on_phone: false,
                    in_lobby: false,
                },
            },
            JoinEvent::ParticipantUpdated {
                participant: Participant {
                    id: "1".into(),
                    name: "Ann".into(),
                    role: Some(Role::Leader.to_string()),
                    me: false,
                    on_phone: false,
                    in_lobby: false,
                },
            },
            JoinEvent::ParticipantLeft {
                id: "2".into(),
                name: "Bo".into(),
            },
            JoinEvent::MeetingInfo {
                subject: Some("Plan".into()),
                organizer: None,
            },
            JoinEvent::Left { cleanly: true },
        ]);
        assert_eq!(s.phase, Phase::Left);
        assert!(s.joined);
        let sa = s.step(Step::ServiceApplication);
        assert_eq!(
            (sa.state, sa.ms, sa.http_status, sa.retries),
            (StepState::Done, Some(12), Some(200), 1)
        );
        assert_eq!(s.roster.len(), 1);
        assert_eq!(s.roster[0].role.as_deref(), Some(Role::Leader.as_str()));
        assert_eq!(s.subject.as_deref(), Some("Plan"));
        assert_eq!(s.left_cleanly, Some(true));
        assert_eq!(s.ran_steps().count(), 1);
    }

    #[test]
    fn failure_sticks_and_session_start_resets() {
        let err = FailureInfo::new(FailureKind::LobbyDenied, Some(Step::Lobby), "denied");
        let mut s = run(&[
            JoinEvent::Failed { error: err.clone() },
            JoinEvent::Left { cleanly: true },
        ]);
        assert_eq!(s.phase, Phase::Failed);
        assert_eq!(s.failure, Some(err));
        s.apply(&JoinEvent::SessionStarted {
            application_session_id: "b".into(),
            meeting_host: "h".into(),
            flow: Flow::Direct,
        });
        assert_eq!(s.steps[0].step, Step::Autodiscover);
        assert_eq!(s.step(Step::ServiceApplication).state, StepState::Pending);
        assert_eq!(s.phase, Phase::Idle);
        assert!(s.failure.is_none());
        assert_eq!(s.application_session_id.as_deref(), Some("b"));
    }

    #[test]
    fn events_serialise_with_a_type_tag() {
        let v = serde_json::to_value(JoinEvent::StepDone {
            step: Step::Discovery,
            ms: 3,
            http_status: Some(200),
        })
        .unwrap();
        assert_eq!(v["type"], "step_done");
        assert_eq!(v["step"], "discovery");
        let v = serde_json::to_value(JoinEvent::Phase {
            phase: Phase::InLobby,
        })
        .unwrap();
        assert_eq!(v["phase"], "in_lobby");
    }
}
