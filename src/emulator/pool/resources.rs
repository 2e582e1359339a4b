//! The pool's URL space and the UCWA resources a guest sees, built from the world with the wire
//! types of `api::wire::ucwa`. All hrefs are relative to the pool. The conversation side is in
//! `conv_resources`, re-exported here.

use crate::api::wire::events::{Event, EventType};
use crate::api::wire::ucwa::{Application, Communication, Me};
use crate::api::wire::{
    ConversationState, Embedded, Link, Links, OperationStatus, Rel, RelLink, SenderBlock, UcwaCode,
    UcwaDate, UcwaSubcode,
};

use std::sync::Arc;

use crate::emulator::batch::{Group, Part};
use crate::emulator::config::Role;
use crate::emulator::roster_batch::RosterBatch;
use crate::emulator::world::{App, Conv, Meeting, Member, World};

pub(crate) use crate::emulator::conv_resources::*;

/// The anonymous applications collection on the pool.
pub(crate) const POOL_APPS: &str = "/ucwa/psanon/v1/applications";

/// The on-premises (flow B) applications collection.
pub(crate) const ONPREM_APPS: &str = "/ucwa/oauth/v1/applications";

/// Ids of applications created on the on-premises surface start with this.
pub(crate) const ONPREM_ID_PREFIX: &str = "op";

/// Hrefs under one application.
pub(crate) struct Paths {
    pub app: String,
}

impl Paths {
    pub fn new(app_id: &str) -> Self {
        let apps = if app_id.starts_with(ONPREM_ID_PREFIX) {
            ONPREM_APPS
        } else {
            POOL_APPS
        };
        Self {
            app: format!("{apps}/{app_id}"),
        }
    }
    pub fn events(&self, ack: u64, key: &str) -> String {
        format!("{}/events?ack={ack}&key={key}", self.app)
    }
    pub fn sub(&self, rest: &str) -> String {
        format!("{}/{rest}", self.app)
    }
    pub fn communication(&self) -> String {
        self.sub("communication")
    }
    pub fn invitation(&self, inv: &str) -> String {
        self.sub(&format!("communication/onlineMeetingInvitations/{inv}"))
    }
    pub fn messaging_invitation(&self, mi: &str) -> String {
        self.sub(&format!("communication/messagingInvitations/{mi}"))
    }
    pub fn conv(&self, c: &str) -> String {
        self.sub(&format!("communication/conversations/{c}"))
    }
    pub fn in_conv(&self, c: &str, rest: &str) -> String {
        format!("{}/{rest}", self.conv(c))
    }
    pub fn participant(&self, c: &str, pid: &str) -> String {
        self.in_conv(c, &format!("participants/{pid}"))
    }
    pub fn message(&self, c: &str, n: usize) -> String {
        self.in_conv(c, &format!("messaging/messages/{n}"))
    }
}

/// A roster entry as one guest sees it.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub pid: String,
    pub name: String,
    pub uri: String,
    pub role: Role,
    pub anonymous: bool,
    pub organizer: bool,
    /// A guest whose "call me" leg is connected: its `participantAudio` is there.
    pub on_phone: bool,
}

/// The guest itself as a participant.
pub(crate) fn local_person(app: &App) -> Person {
    Person {
        pid: app.pid(),
        name: app.display_name().to_string(),
        uri: app.me_uri.clone(),
        role: Role::Attendee,
        anonymous: true,
        organizer: false,
        on_phone: app
            .live_conv()
            .is_some_and(|c| c.phone.state == crate::api::wire::phone::CallState::Connected),
    }
}

/// A scripted or control-added member as a roster entry.
pub(crate) fn member_person(m: &Member, organizer: bool) -> Person {
    Person {
        pid: m.pid.clone(),
        name: m.name.clone(),
        uri: m.uri.clone(),
        role: m.role,
        anonymous: false,
        organizer,
        on_phone: false,
    }
}

/// Everyone in meeting `m` as seen by application `viewer` (scripted members, then other guests).
pub(crate) fn roster(w: &World, m: usize, viewer: &str) -> Vec<Person> {
    let Some(meeting) = w.meetings.get(m) else {
        return Vec::new();
    };
    let first_leader = meeting.roster.iter().position(|p| p.role == Role::Leader);
    let mut people: Vec<Person> = meeting
        .roster
        .iter()
        .enumerate()
        .map(|(i, p)| member_person(p, Some(i) == first_leader))
        .collect();
    people.extend(
        w.guests_in(m, viewer)
            .iter()
            .filter_map(|id| w.apps.get(id))
            .map(local_person),
    );
    people
}

/// Accumulates the parts of a batch; consecutive events from one sender share a block.
#[derive(Default)]
pub(crate) struct GroupBuilder {
    parts: Group,
}

impl GroupBuilder {
    fn push(&mut self, sender_rel: &str, sender_href: &str, ev: Event) {
        match self.parts.last_mut() {
            Some(Part::Block(b)) if b.rel == sender_rel && b.href == sender_href => {
                b.events.push(ev)
            }
            _ => self.parts.push(Part::Block(SenderBlock {
                rel: sender_rel.to_string(),
                href: sender_href.to_string(),
                events: vec![ev],
            })),
        }
    }
    pub fn comm(&mut self, paths: &Paths, ev: Event) {
        self.push(Rel::Communication.as_str(), &paths.communication(), ev);
    }
    pub fn conv(&mut self, paths: &Paths, conv: &str, ev: Event) {
        self.push(Rel::Conversation.as_str(), &paths.conv(conv), ev);
    }
    /// `participant added` for each of `people` in conversation `conv`, kept compact until the
    /// batch is handed out.
    pub fn roster_added(&mut self, conv: &str, people: Vec<Person>) {
        let mut roster = RosterBatch::new(conv);
        for who in people {
            roster.push(EventType::Added, Arc::new(who));
        }
        self.parts.push(Part::Roster(roster));
    }
    pub fn append(&mut self, other: GroupBuilder) {
        for part in other.parts {
            match part {
                Part::Block(b) => {
                    for ev in b.events {
                        self.push(&b.rel, &b.href, ev);
                    }
                }
                roster @ Part::Roster(_) => self.parts.push(roster),
            }
        }
    }
    pub fn build(self) -> Group {
        self.parts
    }
}

/// An event about `rel` at `href`, embedding `resource` under `rel`.
pub(crate) fn ev<T: serde::Serialize>(
    kind: EventType,
    rel: Rel,
    href: &str,
    title: Option<&str>,
    resource: Option<&T>,
) -> Event {
    let mut link = RelLink::new(rel, href);
    if let Some(t) = title {
        link = link.with_title(t);
    }
    let e = Event::new(kind, link);
    match resource {
        Some(r) => e.embed(rel, r),
        None => e,
    }
}

/// One guest's application, conversation and meeting: builds the events about them.
pub(crate) struct GuestView<'a> {
    pub app: &'a App,
    pub conv: &'a Conv,
    pub meeting: &'a Meeting,
    pub p: Paths,
}

impl<'a> GuestView<'a> {
    pub fn of(w: &'a World, app_id: &str) -> Option<Self> {
        let (app, conv, meeting) = w.view(app_id)?;
        Some(Self {
            app,
            conv,
            meeting,
            p: Paths::new(app_id),
        })
    }

    fn app_id(&self) -> &str {
        &self.app.id
    }

    pub fn invitation(&self, kind: EventType) -> Event {
        let inv = invitation(self.app, self.conv, self.meeting);
        ev(
            kind,
            Rel::OnlineMeetingInvitation,
            &self.p.invitation(&self.conv.inv_id),
            None,
            Some(&inv),
        )
    }

    /// `conversation <kind>` embedding the conversation in `state` (nothing when deleted).
    pub fn conversation(&self, kind: EventType, state: ConversationState, count: usize) -> Event {
        let href = self.p.conv(&self.conv.id);
        if kind == EventType::Deleted {
            return ev::<()>(kind, Rel::Conversation, &href, None, None);
        }
        let c = conversation(self.app, self.conv, self.meeting, state, count);
        ev(kind, Rel::Conversation, &href, None, Some(&c))
    }

    /// `conversation updated` with the conversation as it is now (its state and
    /// `activeModalities`), `count` people in it.
    pub fn conversation_now(&self, count: usize) -> Event {
        self.conversation(EventType::Updated, self.conv.conv_state(), count)
    }

    /// `localParticipant <kind>` (embedded unless deleted).
    pub fn local_participant(&self, kind: EventType, in_lobby: bool) -> Event {
        let me = local_person(self.app);
        let href = self.p.participant(&self.conv.id, &me.pid);
        if kind == EventType::Deleted {
            return ev::<()>(kind, Rel::LocalParticipant, &href, Some(&me.name), None);
        }
        let lp = participant(self.app_id(), self.conv, &me, true, in_lobby);
        ev(
            kind,
            Rel::LocalParticipant,
            &href,
            Some(&me.name),
            Some(&lp),
        )
    }

    /// `participant added/deleted` in `typingParticipants`: `who` started or stopped typing.
    pub fn typing(&self, who: &Person, typing: bool) -> Event {
        let href = self.p.participant(&self.conv.id, &who.pid);
        let kind = if typing {
            EventType::Added
        } else {
            EventType::Deleted
        };
        ev::<()>(kind, Rel::Participant, &href, Some(&who.name), None).in_(RelLink::new(
            Rel::TypingParticipants,
            self.p
                .in_conv(&self.conv.id, "messaging/typingParticipants"),
        ))
    }

    pub fn online_meeting_added(&self, tenant: &str) -> Event {
        let om = online_meeting(self.app_id(), self.conv, self.meeting, tenant);
        ev(
            EventType::Added,
            Rel::OnlineMeeting,
            &self.p.in_conv(&self.conv.id, "onlineMeeting"),
            None,
            Some(&om),
        )
        .in_(RelLink::new(Rel::Conversation, self.p.conv(&self.conv.id)))
    }

    pub fn messaging_updated(&self) -> Event {
        let m = messaging(self.app, self.conv);
        ev(
            EventType::Updated,
            Rel::Messaging,
            &self.p.in_conv(&self.conv.id, "messaging"),
            None,
            Some(&m),
        )
    }

    pub fn messaging_invitation(&self, kind: EventType) -> Option<Event> {
        let inv = messaging_invitation(self.app_id(), self.conv)?;
        let href = inv
            .links
            .href(Rel::SelfLink)
            .unwrap_or_default()
            .to_string();
        Some(ev(kind, Rel::MessagingInvitation, &href, None, Some(&inv)))
    }

    /// `participantMessaging <kind>` in the local participant.
    pub fn participant_messaging(&self, kind: EventType) -> Event {
        let me = local_person(self.app);
        let me_href = self.p.participant(&self.conv.id, &me.pid);
        ev::<()>(
            kind,
            Rel::ParticipantMessaging,
            &format!("{me_href}/messaging"),
            None,
            None,
        )
        .in_(RelLink::new(Rel::LocalParticipant, me_href).with_title(me.name))
    }

    /// `message completed` (Success) for message `n` (1-based).
    pub fn message_completed(&self, n: usize) -> Option<Event> {
        let rec = self.conv.messaging.messages.get(n.checked_sub(1)?)?;
        let msg = message(self.app_id(), self.conv, n, rec);
        Some(if rec.failed {
            ev(
                EventType::Completed,
                Rel::Message,
                &self.p.message(&self.conv.id, n),
                None,
                Some(&msg),
            )
            .status(OperationStatus::Failure)
            .reason(crate::api::wire::UcwaError::new(
                UcwaCode::RemoteFailure,
                Some(UcwaSubcode::Unreachable),
                "The message could not be delivered to the meeting.",
            ))
        } else {
            ev(
                EventType::Completed,
                Rel::Message,
                &self.p.message(&self.conv.id, n),
                None,
                Some(&msg),
            )
            .status(OperationStatus::Success)
        })
    }

    pub fn comm(&self, g: &mut GroupBuilder, e: Event) {
        g.comm(&self.p, e);
    }

    pub fn conv(&self, g: &mut GroupBuilder, e: Event) {
        g.conv(&self.p, &self.conv.id, e);
    }
}

pub(crate) fn application(app: &App, ack: u64) -> Application {
    let p = Paths::new(&app.id);
    let links = Links::new()
        .with(Rel::SelfLink, Link::new(&p.app))
        .with(Rel::Policies, Link::new(p.sub("policies")))
        .with(Rel::Events, Link::new(p.events(ack, &app.channel.key)));
    Application {
        id: Some(app.id.clone()),
        culture: Some(app.culture.clone()),
        user_agent: Some(app.user_agent.clone()),
        kind: Some("Browser".into()),
        endpoint_id: Some(app.asi.clone()),
        expires: Some(UcwaDate::from_unix_ms(app.expires_ms)),
        etag: Some("1512544136".into()),
        rel: Some(Rel::Application.into()),
        links,
        embedded: Embedded::new()
            .with(Rel::Me, &me(app))
            .with(Rel::Communication, &communication(app)),
    }
}

pub(crate) fn me(app: &App) -> Me {
    Me {
        uri: Some(app.me_uri.clone()),
        name: app.name.clone(),
        rel: Some(Rel::Me.into()),
        links: Links::new().with(Rel::SelfLink, Link::new(Paths::new(&app.id).sub("me"))),
    }
}

pub(crate) fn communication(app: &App) -> Communication {
    let p = Paths::new(&app.id);
    let mut links = Links::new()
        .with(Rel::SelfLink, Link::new(p.communication()))
        .with(
            Rel::Conversations,
            Link::new(p.sub("communication/conversations?filter=active")),
        )
        .with(Rel::MediaPolicies, Link::new(p.sub("mediaPolicies")));
    if app.confid.is_some() {
        links.insert(
            Rel::JoinOnlineMeeting,
            Link::new(p.sub("communication/onlineMeetingInvitations")),
        );
    } else {
        let mut l = Link::new(p.sub("communication/messagingInvitations"));
        l.revision = Some("2".into());
        links.insert(Rel::StartMessaging, l);
    }
    let mut extra = serde_json::Map::new();
    extra.insert(
        app.comm_tag.clone(),
        "please pass this in a PUT request".into(),
    );
    extra.insert("simultaneousRingNumberMatch".into(), "Disabled".into());
    extra.insert("videoBasedScreenSharing".into(), "Disabled".into());
    Communication {
        supported_modalities: vec!["Messaging".into()],
        supported_message_formats: app.message_formats(),
        etag: Some("960382518".into()),
        rel: Some(Rel::Communication.into()),
        links,
        extra,
    }
}
