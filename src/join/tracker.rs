//! Derives the guest's meeting state from event batches (PROTOCOL §5, §7). Pure: batches in,
//! observations out. Batches may skip states, operation events may precede the 201, the same
//! resource may be re-added: the tracker reads the latest embedded resources and correlates the
//! invitation by `operationId`.

use std::collections::BTreeMap;

use url::Url;

use crate::api::wire::ucwa::{
    Conversation, OnlineMeeting, OnlineMeetingInvitation, Participant as WireParticipant,
};
use crate::api::wire::{Event, EventBatch, EventType, UcwaError, bare_rel};

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
}

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
        }
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
            match bare_rel(&event.link.rel) {
                "onlineMeetingInvitation" => self.on_invitation(event, &href, &mut out),
                "conversation" => self.on_conversation(event, &href, &mut out),
                "localParticipant" => {
                    if self.is_foreign(sender_url.as_ref()) {
                        out.push(Observation::Ignored {
                            what: "localParticipant of another conversation".into(),
                        });
                    } else {
                        self.on_local_participant(event, &mut out);
                    }
                }
                "participant" => {
                    if self.is_foreign(sender_url.as_ref()) {
                        out.push(Observation::Ignored {
                            what: "participant of another conversation".into(),
                        });
                    } else {
                        self.on_participant(event, &href, &mut out);
                    }
                }
                "onlineMeeting" => {
                    if let Some(Ok(m)) = event.resource::<OnlineMeeting>()
                        && (m.subject.is_some() || m.organizer_name.is_some())
                    {
                        out.push(Observation::MeetingInfo {
                            subject: m.subject,
                            organizer: m.organizer_name,
                        });
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
            .and_then(|r| r.links.href("conversation"))
            .and_then(|h| href.join(h).ok())
        {
            self.adopt_conversation(conv);
        }
        let state = resource
            .as_ref()
            .and_then(|r| r.state.as_deref())
            .unwrap_or_default();
        let failed_state = matches!(state, "Failed" | "Declined" | "Cancelled");
        if event.kind == EventType::Completed || failed_state {
            if event.succeeded() && !failed_state {
                self.admit(out);
            } else if !self.failed && !self.joined {
                self.failed = true;
                let reason = event
                    .reason
                    .clone()
                    .unwrap_or_else(|| UcwaError::new("Unknown", None, "The join did not succeed"));
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
                let state = event
                    .resource::<Conversation>()
                    .and_then(Result::ok)
                    .and_then(|c| c.state);
                match state.as_deref() {
                    Some("InLobby") => self.lobby(out),
                    Some("Conferenced") | Some("Connected") => self.admit(out),
                    Some("Disconnected") => self.end(event.reason.clone(), out),
                    _ => {}
                }
            }
        }
    }

    fn on_local_participant(&mut self, event: &Event, out: &mut Vec<Observation>) {
        match event.kind {
            EventType::Deleted => self.end(event.reason.clone(), out),
            _ => match event
                .resource::<WireParticipant>()
                .and_then(Result::ok)
                .and_then(|p| p.in_lobby)
            {
                Some(true) => self.lobby(out),
                Some(false) => self.admit(out),
                None => {}
            },
        }
    }

    fn on_participant(&mut self, event: &Event, href: &Url, out: &mut Vec<Observation>) {
        // Lobby, attendees, leaders and typing are views; the roster is the plain participant events.
        if let Some(view) = &event.in_
            && bare_rel(&view.rel) != "participants"
        {
            return;
        }
        let id = participant_id(href);
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
                    .and_then(|p| p.role.clone())
                    .or_else(|| known.as_ref().and_then(|k| k.role.clone()));
                let p = Participant {
                    id: id.clone(),
                    name,
                    role,
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
mod tests {
    use super::*;
    use crate::api::wire::{RelLink, SenderBlock};

    const COMM: &str = "/ucwa/psanon/v1/applications/1/communication";
    const CONV: &str = "/ucwa/psanon/v1/applications/1/communication/conversations/7";

    fn base() -> Url {
        Url::parse("http://127.0.0.1:9/ucwa/psanon/v1/applications/1/events?ack=2").unwrap()
    }

    fn batch(blocks: Vec<SenderBlock>) -> EventBatch {
        EventBatch {
            sender: blocks,
            ..Default::default()
        }
    }

    fn omi(kind: EventType, op: &str, state: &str) -> Event {
        let r = OnlineMeetingInvitation {
            operation_id: Some(op.into()),
            state: Some(state.into()),
            links: crate::api::wire::Links::new()
                .with("conversation", crate::api::wire::Link::new(CONV)),
            ..Default::default()
        };
        Event::new(
            kind,
            RelLink::new(
                "onlineMeetingInvitation",
                format!("{COMM}/onlineMeetingInvitations/5"),
            ),
        )
        .embed("onlineMeetingInvitation", &r)
    }

    fn conv(kind: EventType, state: &str) -> Event {
        Event::new(kind, RelLink::new("conversation", CONV)).embed(
            "conversation",
            &Conversation {
                state: Some(state.into()),
                ..Default::default()
            },
        )
    }

    fn local(in_lobby: bool) -> Event {
        Event::new(
            EventType::Added,
            RelLink::new("localParticipant", format!("{CONV}/participants/me")),
        )
        .embed(
            "participant",
            &WireParticipant {
                in_lobby: Some(in_lobby),
                local: Some(true),
                ..Default::default()
            },
        )
    }

    fn person(kind: EventType, id: &str, name: &str) -> Event {
        Event::new(
            kind,
            RelLink::new("participant", format!("{CONV}/participants/{id}")).with_title(name),
        )
    }

    #[test]
    fn lobby_then_admitted_then_roster() {
        let mut t = MeetingTracker::new("op1");
        let b1 = batch(vec![SenderBlock::new(
            "communication",
            COMM,
            vec![
                omi(EventType::Started, "op1", "Connecting"),
                conv(EventType::Added, "Connecting"),
            ],
        )]);
        assert!(t.observe(&b1, &base()).is_empty());
        let b2 = batch(vec![
            SenderBlock::new("conversation", CONV, vec![local(true)]),
            SenderBlock::new(
                "communication",
                COMM,
                vec![conv(EventType::Updated, "InLobby")],
            ),
        ]);
        assert_eq!(t.observe(&b2, &base()), vec![Observation::Lobby]);
        let b3 = batch(vec![
            SenderBlock::new(
                "conversation",
                CONV,
                vec![local(false), person(EventType::Added, "sip:ann@x", "Ann")],
            ),
            SenderBlock::new(
                "communication",
                COMM,
                vec![
                    conv(EventType::Updated, "Conferenced"),
                    omi(EventType::Completed, "op1", "Connected").status("Success"),
                ],
            ),
        ]);
        let obs = t.observe(&b3, &base());
        assert_eq!(obs[0], Observation::Admitted);
        assert!(
            matches!(&obs[1], Observation::ParticipantJoined(p) if p.name == "Ann" && p.id == "sip:ann@x")
        );
        assert_eq!(obs.len(), 2, "{obs:?}");
        let b4 = batch(vec![SenderBlock::new(
            "conversation",
            CONV,
            vec![person(EventType::Deleted, "sip:ann@x", "")],
        )]);
        assert_eq!(
            t.observe(&b4, &base()),
            vec![Observation::ParticipantLeft {
                id: "sip:ann@x".into(),
                name: "Ann".into()
            }]
        );
    }

    #[test]
    fn a_batch_that_jumps_straight_to_completed() {
        let mut t = MeetingTracker::new("op1");
        let b = batch(vec![SenderBlock::new(
            "communication",
            COMM,
            vec![omi(EventType::Completed, "op1", "Connected").status("Success")],
        )]);
        assert_eq!(t.observe(&b, &base()), vec![Observation::Admitted]);
        assert!(
            t.conversation()
                .is_some_and(|c| c.path().ends_with("/conversations/7"))
        );
    }

    #[test]
    fn denial_and_foreign_operations() {
        let mut t = MeetingTracker::new("op1");
        let other = batch(vec![SenderBlock::new(
            "communication",
            COMM,
            vec![omi(EventType::Completed, "op2", "Failed").status("Failure")],
        )]);
        assert!(matches!(
            t.observe(&other, &base())[0],
            Observation::Ignored { .. }
        ));
        let denied = omi(EventType::Completed, "op1", "Failed")
            .status("Failure")
            .reason(UcwaError::new("Forbidden", Some("Denied"), "denied"));
        let b = batch(vec![SenderBlock::new(
            "communication",
            COMM,
            vec![denied, conv(EventType::Deleted, "")],
        )]);
        let obs = t.observe(&b, &base());
        assert!(
            matches!(&obs[0], Observation::JoinFailed { reason } if reason.subcode.as_deref() == Some("Denied"))
        );
        assert!(matches!(&obs[1], Observation::Ended { .. }));
    }

    #[test]
    fn server_side_end_after_joining() {
        let mut t = MeetingTracker::new("op1");
        t.observe(
            &batch(vec![SenderBlock::new(
                "communication",
                COMM,
                vec![omi(EventType::Completed, "op1", "Connected").status("Success")],
            )]),
            &base(),
        );
        let gone = Event::new(
            EventType::Deleted,
            RelLink::new("localParticipant", format!("{CONV}/participants/me")),
        )
        .reason(UcwaError::new("Gone", Some("Ejected"), "removed"));
        let obs = t.observe(
            &batch(vec![SenderBlock::new("conversation", CONV, vec![gone])]),
            &base(),
        );
        assert!(
            matches!(&obs[0], Observation::Ended { reason: Some(r) } if r.subcode.as_deref() == Some("Ejected"))
        );
        let foreign = batch(vec![SenderBlock::new(
            "conversation",
            "/ucwa/psanon/v1/applications/1/communication/conversations/99",
            vec![person(EventType::Added, "x", "X")],
        )]);
        assert!(matches!(
            t.observe(&foreign, &base())[0],
            Observation::Ignored { .. }
        ));
    }
}
