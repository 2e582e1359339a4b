//! Derives the guest's meeting state from event batches (docs/protocol.md §5, §7). Pure: batches
//! in, observations out. Batches may skip states, operation events may precede the 201, the same
//! resource may be re-added: the tracker reads the latest embedded resources and correlates the
//! invitation by `operationId`.

use std::collections::BTreeMap;

use url::Url;

use crate::api::wire::phone::{CallState, PhoneAudio, PhoneAudioInvitation};
use crate::api::wire::ucwa::{
    Conversation, Messaging, OnlineMeeting, OnlineMeetingInvitation, Participant as WireParticipant,
};
use crate::api::wire::{
    ConversationState, Event, EventBatch, EventType, ModalityState, Rel, Role, UcwaCode, UcwaError,
};

use super::status::Participant;

#[derive(Debug, Clone, PartialEq)]
pub enum Observation {
    Lobby,
    Admitted,
    JoinFailed {
        reason: UcwaError,
    },
    MeetingInfo {
        subject: Option<String>,
        organizer: Option<String>,
    },
    ParticipantJoined(Participant),
    ParticipantUpdated(Participant),
    ParticipantLeft {
        id: String,
        name: String,
    },
    /// The server ended the guest's presence (conversation or local participant deleted).
    Ended {
        reason: Option<UcwaError>,
    },
    /// The messaging modality changed; its links resolved.
    Messaging {
        state: Option<ModalityState>,
        add: Option<Url>,
        send: Option<Url>,
        typing: Option<Url>,
    },
    /// An incoming chat message, as safe plain text.
    MessageReceived {
        from: String,
        text: String,
        at_ms: i64,
    },
    /// The outcome of an outgoing message, correlated by `operationId`.
    MessageOutcome {
        operation_id: Option<String>,
        delivered: bool,
        reason: Option<UcwaError>,
    },
    /// Someone started or stopped typing.
    Typing {
        name: String,
        typing: bool,
    },
    /// The meeting's read-only `onlineMeeting` resource, and its dial-in details' link when the
    /// event carried the resource.
    OnlineMeeting {
        href: Url,
        dial_in: Option<Url>,
    },
    /// The meeting's `phoneAudio` changed: its state, and the "call me" and hang-up links.
    PhoneAudio {
        state: Option<CallState>,
        add: Option<Url>,
        stop: Option<Url>,
    },
    /// A "call me" ended its ringing: `Ok` answered, `Err` with the server's reason.
    PhoneInvitation {
        operation_id: Option<String>,
        outcome: Result<(), Option<UcwaError>>,
    },
    /// An event that does not belong to this session (logged, otherwise ignored).
    Ignored {
        what: String,
    },
}

#[derive(Debug, Clone)]
pub struct MeetingTracker {
    operation_id: String,
    invitation: Option<Url>,
    conversation: Option<Url>,
    roster: BTreeMap<String, Participant>,
    in_lobby: bool,
    joined: bool,
    failed: bool,
    ended: bool,
    /// Incoming messages already reported (a message may come as `started`, then `completed`).
    seen_messages: std::collections::HashSet<String>,
    /// The `onlineMeeting` link was reported (with the dial-in link when known).
    online_meeting_told: Option<bool>,
}

mod messages;

fn participant_id(url: &Url) -> String {
    let seg = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or_default();
    percent_encoding::percent_decode_str(seg)
        .decode_utf8_lossy()
        .into_owned()
}

fn same_resource(a: &Url, b: &Url) -> bool {
    a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
        && a.path().eq_ignore_ascii_case(b.path())
}

impl MeetingTracker {
    pub fn new(operation_id: &str) -> Self {
        Self {
            operation_id: operation_id.to_string(),
            invitation: None,
            conversation: None,
            roster: BTreeMap::new(),
            in_lobby: false,
            joined: false,
            failed: false,
            ended: false,
            seen_messages: std::collections::HashSet::new(),
            online_meeting_told: None,
        }
    }

    /// Report the `onlineMeeting` at `href` once, and again only when its dial-in link is new.
    fn online_meeting(&mut self, href: Url, dial_in: Option<Url>, out: &mut Vec<Observation>) {
        let with_dial_in = dial_in.is_some();
        if self.online_meeting_told == Some(true)
            || (self.online_meeting_told == Some(false) && !with_dial_in)
        {
            return;
        }
        self.online_meeting_told = Some(with_dial_in);
        out.push(Observation::OnlineMeeting { href, dial_in });
    }

    /// The invitation's URL from the 201 `Location`, once known.
    pub fn set_invitation(&mut self, url: Url) {
        self.invitation = Some(url);
    }

    /// The meeting conversation, once an event named it.
    pub fn conversation(&self) -> Option<&Url> {
        self.conversation.as_ref()
    }

    pub fn joined(&self) -> bool {
        self.joined
    }

    pub fn roster(&self) -> impl Iterator<Item = &Participant> {
        self.roster.values()
    }

    pub fn observe(&mut self, batch: &EventBatch, base: &Url) -> Vec<Observation> {
        let mut out = Vec::new();
        for (sender, event) in batch.events() {
            let Ok(href) = base.join(&event.link.href) else {
                out.push(Observation::Ignored {
                    what: format!("{} event with an unusable link", event.link.rel),
                });
                continue;
            };
            let sender_url = base.join(&sender.href).ok();
            match event.link.rel() {
                Some(Rel::OnlineMeetingInvitation) => self.on_invitation(event, &href, &mut out),
                Some(Rel::Conversation) => self.on_conversation(event, &href, &mut out),
                Some(Rel::LocalParticipant) => {
                    if self.is_foreign(sender_url.as_ref()) {
                        out.push(Observation::Ignored {
                            what: "localParticipant of another conversation".into(),
                        });
                    } else {
                        self.on_local_participant(event, &href, &mut out);
                    }
                }
                Some(Rel::Participant) => {
                    if self.is_foreign(sender_url.as_ref()) {
                        out.push(Observation::Ignored {
                            what: "participant of another conversation".into(),
                        });
                    } else {
                        self.on_participant(event, &href, &mut out);
                    }
                }
                Some(Rel::Messaging | Rel::Message) if self.is_foreign(sender_url.as_ref()) => {
                    out.push(Observation::Ignored {
                        what: format!("{} of another conversation", event.link.rel),
                    });
                }
                Some(Rel::Messaging) => {
                    if let Some(Ok(m)) = event.resource::<Messaging>() {
                        let link = |rel: Rel| m.links.href(rel).and_then(|h| href.join(h).ok());
                        out.push(Observation::Messaging {
                            state: m.state.clone(),
                            add: link(Rel::AddMessaging),
                            send: link(Rel::SendMessage),
                            typing: link(Rel::SetIsTyping),
                        });
                    }
                }
                Some(Rel::Message) => self.on_message(event, &href, &mut out),
                Some(Rel::PhoneAudio) if self.is_foreign(sender_url.as_ref()) => {
                    out.push(Observation::Ignored {
                        what: "phoneAudio of another conversation".into(),
                    });
                }
                Some(Rel::PhoneAudio) => {
                    if let Some(Ok(p)) = event.resource::<PhoneAudio>() {
                        let link = |rel: Rel| p.links.href(rel).and_then(|h| href.join(h).ok());
                        out.push(Observation::PhoneAudio {
                            state: p.state.clone(),
                            add: link(Rel::AddPhoneAudio),
                            stop: link(Rel::StopPhoneAudio),
                        });
                    }
                }
                Some(Rel::PhoneAudioInvitation) if event.kind == EventType::Completed => {
                    let invitation = event
                        .resource::<PhoneAudioInvitation>()
                        .and_then(Result::ok);
                    let failed = event.failed()
                        || invitation
                            .as_ref()
                            .and_then(|i| i.state.as_ref())
                            .is_some_and(|s| s.is_failed());
                    out.push(Observation::PhoneInvitation {
                        operation_id: invitation.and_then(|i| i.operation_id),
                        outcome: if failed {
                            Err(event.reason.clone())
                        } else {
                            Ok(())
                        },
                    });
                }
                Some(Rel::OnlineMeeting) => {
                    if let Some(Ok(m)) = event.resource::<OnlineMeeting>() {
                        let dial_in = m
                            .links
                            .href(Rel::PhoneDialInInformation)
                            .and_then(|h| href.join(h).ok());
                        if m.subject.is_some() || m.organizer_name.is_some() {
                            out.push(Observation::MeetingInfo {
                                subject: m.subject,
                                organizer: m.organizer_name,
                            });
                        }
                        if !self.is_foreign(sender_url.as_ref()) {
                            self.online_meeting(href, dial_in, &mut out);
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Events from a conversation sender that is not ours.
    fn is_foreign(&self, sender: Option<&Url>) -> bool {
        match (&self.conversation, sender) {
            (Some(ours), Some(s)) => !same_resource(ours, s),
            _ => false,
        }
    }

    fn adopt_conversation(&mut self, url: Url) -> bool {
        match &self.conversation {
            None => {
                self.conversation = Some(url);
                true
            }
            Some(c) => same_resource(c, &url),
        }
    }

    fn on_invitation(&mut self, event: &Event, href: &Url, out: &mut Vec<Observation>) {
        let resource = event
            .resource::<OnlineMeetingInvitation>()
            .and_then(Result::ok);
        let op_matches = resource
            .as_ref()
            .and_then(|r| r.operation_id.as_deref())
            .map(|op| op == self.operation_id);
        let url_matches = self.invitation.as_ref().map(|u| same_resource(u, href));
        // Correlate by operationId; without one, by the Location; without either, it is ours
        // (a guest application runs one invitation).
        if op_matches == Some(false) || (op_matches.is_none() && url_matches == Some(false)) {
            out.push(Observation::Ignored {
                what: "an invitation that is not this session's".into(),
            });
            return;
        }
        if let Some(conv) = resource
            .as_ref()
            .and_then(|r| r.links.href(Rel::Conversation))
            .and_then(|h| href.join(h).ok())
        {
            self.adopt_conversation(conv);
        }
        let failed_state = resource
            .as_ref()
            .and_then(|r| r.state.as_ref())
            .is_some_and(|s| s.is_failed());
        if event.kind == EventType::Completed || failed_state {
            if event.succeeded() && !failed_state {
                self.admit(out);
            } else if !self.failed && !self.joined {
                self.failed = true;
                let reason = event.reason.clone().unwrap_or_else(|| {
                    // No reason given: the code says just that.
                    let code = UcwaCode::Unknown("Unknown".into());
                    UcwaError::new(code, None, "The join did not succeed")
                });
                out.push(Observation::JoinFailed { reason });
            }
        }
    }

    fn on_conversation(&mut self, event: &Event, href: &Url, out: &mut Vec<Observation>) {
        if !self.adopt_conversation(href.clone()) {
            out.push(Observation::Ignored {
                what: "a conversation that is not this session's".into(),
            });
            return;
        }
        match event.kind {
            EventType::Deleted => self.end(event.reason.clone(), out),
            _ => {
                let conversation = event.resource::<Conversation>().and_then(Result::ok);
                if let Some(meeting) = conversation
                    .as_ref()
                    .and_then(|c| c.links.href(Rel::OnlineMeeting))
                    .and_then(|h| href.join(h).ok())
                {
                    self.online_meeting(meeting, None, out);
                }
                let state = conversation.and_then(|c| c.state);
                match state {
                    Some(ConversationState::InLobby) => self.lobby(out),
                    Some(s) if s.is_admitted() => self.admit(out),
                    Some(ConversationState::Disconnected) => self.end(event.reason.clone(), out),
                    _ => {}
                }
            }
        }
    }

    fn on_local_participant(&mut self, event: &Event, href: &Url, out: &mut Vec<Observation>) {
        match event.kind {
            EventType::Deleted => self.end(event.reason.clone(), out),
            _ => {
                let resource = event.resource::<WireParticipant>().and_then(Result::ok);
                match resource.as_ref().and_then(|p| p.in_lobby) {
                    Some(true) => self.lobby(out),
                    Some(false) => {
                        self.admit(out);
                        // The guest's own roster entry.
                        let id = participant_id(href);
                        let name = resource
                            .as_ref()
                            .and_then(|p| p.name.clone())
                            .or(event.link.title.clone())
                            .unwrap_or_default();
                        let role = resource
                            .and_then(|p| p.role)
                            .unwrap_or(Role::Attendee)
                            .to_string();
                        let me = Participant {
                            id: id.clone(),
                            name,
                            role: Some(role),
                            me: true,
                            on_phone: self.roster.get(&id).is_some_and(|p| p.on_phone),
                            in_lobby: false,
                        };
                        if self.roster.get(&id) != Some(&me) {
                            let known = self.roster.insert(id, me.clone()).is_some();
                            out.push(if known {
                                Observation::ParticipantUpdated(me)
                            } else {
                                Observation::ParticipantJoined(me)
                            });
                        }
                    }
                    None => {}
                }
            }
        }
    }

    fn on_participant(&mut self, event: &Event, href: &Url, out: &mut Vec<Observation>) {
        let id = participant_id(href);
        // Lobby, attendees and leaders are views; typingParticipants says who types; the roster
        // is the plain participant events.
        if let Some(view) = &event.in_
            && !view.is(Rel::Participants)
        {
            if view.is(Rel::TypingParticipants)
                && matches!(event.kind, EventType::Added | EventType::Deleted)
            {
                let name = self
                    .roster
                    .get(&id)
                    .map(|p| p.name.clone())
                    .or(event.link.title.clone())
                    .filter(|n| !n.is_empty());
                if let Some(name) = name {
                    out.push(Observation::Typing {
                        name,
                        typing: event.kind == EventType::Added,
                    });
                }
            }
            return;
        }
        let resource = event.resource::<WireParticipant>().and_then(Result::ok);
        if resource.as_ref().and_then(|p| p.local) == Some(true) {
            return;
        }
        match event.kind {
            EventType::Deleted => {
                let name = self
                    .roster
                    .remove(&id)
                    .map(|p| p.name)
                    .or(event.link.title.clone())
                    .unwrap_or_default();
                out.push(Observation::ParticipantLeft { id, name });
            }
            EventType::Added | EventType::Updated => {
                let known = self.roster.get(&id).cloned();
                let name = resource
                    .as_ref()
                    .and_then(|p| p.name.clone())
                    .or(event.link.title.clone())
                    .filter(|n| !n.is_empty())
                    .or_else(|| known.as_ref().map(|k| k.name.clone()))
                    .unwrap_or_else(|| id.clone());
                let role = resource
                    .as_ref()
                    .and_then(|p| p.role.as_ref().map(Role::to_string))
                    .or_else(|| known.as_ref().and_then(|k| k.role.clone()));
                let on_phone = match &resource {
                    Some(r) => r.links.has(Rel::ParticipantAudio),
                    None => known.as_ref().is_some_and(|k| k.on_phone),
                };
                // Leaders see who waits in the lobby: the resource says so, or the event's view.
                let in_lobby = resource
                    .as_ref()
                    .and_then(|p| p.in_lobby)
                    .or_else(|| event.in_.as_ref().map(|v| v.is(Rel::Lobby)))
                    .unwrap_or_else(|| known.as_ref().is_some_and(|k| k.in_lobby));
                let p = Participant {
                    me: false,
                    id: id.clone(),
                    name,
                    role,
                    on_phone,
                    in_lobby,
                };
                if known.as_ref() == Some(&p) {
                    return;
                }
                self.roster.insert(id, p.clone());
                out.push(if known.is_some() {
                    Observation::ParticipantUpdated(p)
                } else {
                    Observation::ParticipantJoined(p)
                });
            }
            _ => {}
        }
    }

    fn lobby(&mut self, out: &mut Vec<Observation>) {
        if !self.joined && !self.in_lobby && !self.failed {
            self.in_lobby = true;
            out.push(Observation::Lobby);
        }
    }

    fn admit(&mut self, out: &mut Vec<Observation>) {
        if !self.joined && !self.failed && !self.ended {
            self.joined = true;
            self.in_lobby = false;
            out.push(Observation::Admitted);
        }
    }

    fn end(&mut self, reason: Option<UcwaError>, out: &mut Vec<Observation>) {
        if !self.ended {
            self.ended = true;
            out.push(Observation::Ended { reason });
        }
    }
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
