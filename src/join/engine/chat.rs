//! Chat in the meeting (docs/protocol.md §6): add messaging when the meeting offers it, send plain
//! text, report delivery, typing. Observations only record what to do; `run_actions` does the
//! HTTP work after each batch, and `on_command` takes the guest's requests.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use url::Url;

use crate::api::retry::may_repeat;
use crate::api::ucwa::{self, UcwaAuth};
use crate::api::wire::{ModalityState, UcwaDate};

use super::super::status::{ChatLine, Delivery, JoinEvent};
use super::{Command, Session};

/// The least time between two typing notices.
const TYPING_EVERY: Duration = Duration::from_secs(3);

#[derive(Debug)]
pub(super) enum Action {
    AddMessaging(Url),
    Send {
        id: u64,
        text: String,
    },
    Typing(Url),
    /// Read the meeting's `onlineMeeting` for its dial-in link.
    ReadMeeting(Url),
    /// Read the meeting's dial-in details.
    ReadDialIn(Url),
    /// "Call me" on this number.
    CallMe {
        url: Url,
        number: super::super::phone_number::PhoneNumber,
    },
    /// End the phone call.
    HangUp(Url),
}

#[derive(Debug, Default)]
pub(super) struct ChatState {
    add: Option<Url>,
    send: Option<Url>,
    typing: Option<Url>,
    add_requested: bool,
    connected: bool,
    /// Messages the guest wrote before chat was available.
    pending: VecDeque<(u64, String)>,
    /// operationId → chat line id, for messages sent and not yet confirmed.
    outgoing: HashMap<String, u64>,
    next_id: u64,
    last_typing: Option<Instant>,
}

impl Session<'_> {
    fn next_chat_id(&mut self) -> u64 {
        self.chat.next_id += 1;
        self.chat.next_id
    }

    /// The messaging modality changed.
    pub(super) fn on_messaging(
        &mut self,
        state: Option<ModalityState>,
        add: Option<Url>,
        send: Option<Url>,
        typing: Option<Url>,
    ) {
        self.chat.add = add.or(self.chat.add.take());
        if send.is_some() {
            self.chat.send = send;
        }
        if typing.is_some() {
            self.chat.typing = typing;
        }
        match state {
            Some(ModalityState::Connected) => {
                if !self.chat.connected {
                    self.chat.connected = true;
                    self.emit(JoinEvent::ChatAvailable { available: true });
                }
                while let Some((id, text)) = self.chat.pending.pop_front() {
                    self.actions.push(Action::Send { id, text });
                }
            }
            Some(ModalityState::Disconnected) => {
                if self.chat.connected {
                    self.chat.connected = false;
                    self.chat.add_requested = false;
                    self.emit(JoinEvent::ChatAvailable { available: false });
                }
                self.maybe_add_messaging();
            }
            _ => {}
        }
    }

    /// Once in the meeting, ask for messaging if it is offered and not asked for yet.
    pub(super) fn maybe_add_messaging(&mut self) {
        if self.status.joined
            && !self.chat.connected
            && !self.chat.add_requested
            && let Some(add) = self.chat.add.clone()
        {
            self.chat.add_requested = true;
            self.actions.push(Action::AddMessaging(add));
        }
    }

    pub(super) fn on_message_received(&mut self, from: String, text: String, at_ms: i64) {
        let id = self.next_chat_id();
        let message = ChatLine {
            id,
            outgoing: false,
            from,
            text,
            at_ms,
            delivery: Delivery::Received,
        };
        self.emit(JoinEvent::ChatMessage { message });
    }

    pub(super) fn on_message_outcome(
        &mut self,
        operation_id: Option<String>,
        delivered: bool,
        reason: Option<String>,
    ) {
        let Some(id) = operation_id.and_then(|op| self.chat.outgoing.remove(&op)) else {
            tracing::info!("the outcome of a message this session did not send was ignored");
            return;
        };
        self.emit(JoinEvent::ChatDelivery {
            id,
            delivered,
            reason,
        });
    }

    pub(super) fn on_command(&mut self, command: Command) {
        match command {
            Command::Chat(text) => {
                let text = super::super::chat_text::clean(&text);
                if text.is_empty() {
                    return;
                }
                let id = self.next_chat_id();
                let message = ChatLine {
                    id,
                    outgoing: true,
                    from: self.req.name.as_str().to_string(),
                    text: text.clone(),
                    at_ms: UcwaDate::now().unix_ms,
                    delivery: Delivery::Pending,
                };
                self.emit(JoinEvent::ChatMessage { message });
                if self.chat.connected && self.chat.send.is_some() {
                    self.actions.push(Action::Send { id, text });
                } else {
                    self.chat.pending.push_back((id, text));
                    self.maybe_add_messaging();
                }
            }
            Command::CallMe(number) => self.on_call_me(number),
            Command::HangUp => self.on_hang_up(),
            Command::Typing => {
                let due = self
                    .chat
                    .last_typing
                    .is_none_or(|t| t.elapsed() >= TYPING_EVERY);
                if let (true, true, Some(url)) =
                    (due, self.chat.connected, self.chat.typing.clone())
                {
                    self.chat.last_typing = Some(Instant::now());
                    self.actions.push(Action::Typing(url));
                }
            }
        }
    }

    /// Do the HTTP work the last batch or command asked for.
    pub(super) async fn run_actions(&mut self) {
        let Some(auth) = self.auth.clone() else {
            self.actions.clear();
            return;
        };
        for action in std::mem::take(&mut self.actions) {
            match action {
                Action::AddMessaging(url) => {
                    let op = uuid::Uuid::new_v4().simple().to_string();
                    if let Err(e) = ucwa::add_messaging(&self.http, url, &auth, &op).await {
                        tracing::warn!(error = %e, "adding messaging failed; chat is not available");
                    }
                }
                Action::Send { id, text } => {
                    let Some(url) = self.chat.send.clone() else {
                        self.chat.pending.push_back((id, text));
                        continue;
                    };
                    let op = uuid::Uuid::new_v4().simple().to_string();
                    self.chat.outgoing.insert(op.clone(), id);
                    if let Err(reason) = self.send_message(url, &auth, &text, &op).await {
                        self.chat.outgoing.remove(&op);
                        self.emit(JoinEvent::ChatDelivery {
                            id,
                            delivered: false,
                            reason: Some(reason),
                        });
                    }
                }
                Action::Typing(url) => {
                    if let Err(e) = ucwa::set_typing(&self.http, url, &auth).await {
                        tracing::debug!(error = %e, "typing notice failed");
                    }
                }
                Action::ReadMeeting(url) => self.read_meeting(url, &auth).await,
                Action::ReadDialIn(url) => self.read_dial_in(url, &auth).await,
                Action::CallMe { url, number } => self.call_me(url, number, &auth).await,
                Action::HangUp(url) => self.hang_up(url, &auth).await,
            }
        }
    }

    /// The session is being replaced (rejoin): messages in flight are reported undelivered;
    /// messages not sent yet wait for the new session.
    /// Send one message. It is sent again only when the server said it did not take it (429,
    /// 5xx) — never after a broken exchange, which could deliver it twice. It is accepted with
    /// `201` and the message's Location (docs/protocol.md §6, §2.3); without one no outcome would
    /// follow.
    async fn send_message(
        &self,
        url: Url,
        auth: &UcwaAuth,
        text: &str,
        op: &str,
    ) -> Result<(), String> {
        let policy = self.req.limits.retry;
        let mut attempt = 1;
        loop {
            match ucwa::send_message(&self.http, url.clone(), auth, text, op).await {
                Ok(resp) if resp.location().is_some() => return Ok(()),
                Ok(resp) => {
                    return Err(format!(
                        "the meeting service answered HTTP {} without accepting the message",
                        resp.status
                    ));
                }
                Err(e) if may_repeat(&e, false) && policy.may_retry(attempt) => {
                    let delay = policy.delay(attempt, e.retry_after(), fastrand::f64());
                    tokio::select! {
                        _ = self.control.cancel.cancelled() => return Err(e.to_string()),
                        _ = self.control.leave.cancelled() => return Err(e.to_string()),
                        _ = tokio::time::sleep(delay) => {}
                    }
                    attempt += 1;
                }
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    pub(super) fn reset_chat(&mut self) {
        let in_flight: Vec<u64> = self.chat.outgoing.drain().map(|(_, id)| id).collect();
        for id in in_flight {
            let reason =
                Some("the connection was lost before the message was confirmed".to_string());
            self.emit(JoinEvent::ChatDelivery {
                id,
                delivered: false,
                reason,
            });
        }
        if self.chat.connected {
            self.emit(JoinEvent::ChatAvailable { available: false });
        }
        let pending = std::mem::take(&mut self.chat.pending);
        let next_id = self.chat.next_id;
        self.chat = ChatState {
            pending,
            next_id,
            ..ChatState::default()
        };
        self.actions.clear();
    }
}
