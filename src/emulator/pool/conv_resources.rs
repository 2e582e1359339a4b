//! The conversation-side UCWA resources a guest sees (the invitation, the conversation, its
//! participants, the online meeting, messaging and messages), built from the world with the
//! wire types of `api::wire::ucwa`. All hrefs are relative to the pool.

use crate::api::wire::data_uri;
use crate::api::wire::events::{Event, EventType};
use crate::api::wire::ucwa::{
    Conversation, Message, Messaging, MessagingInvitation, OnlineMeeting, OnlineMeetingInvitation,
    Participant,
};
use crate::api::wire::{
    ConversationState, Direction, Embedded, Link, Links, ModalityState, Rel, UcwaDate,
};

use crate::emulator::config::Role;
use crate::emulator::resources::{Paths, Person, ev};
use crate::emulator::world::{App, Conv, Meeting, MsgRec, Phase};

pub(crate) fn invitation(app: &App, conv: &Conv, meeting: &Meeting) -> OnlineMeetingInvitation {
    let p = Paths::new(&app.id);
    let links = Links::new()
        .with(Rel::SelfLink, Link::new(p.invitation(&conv.inv_id)))
        .with(Rel::Conversation, Link::new(p.conv(&conv.id)))
        .with(
            Rel::From,
            Link::titled(p.participant(&conv.id, &app.pid()), app.display_name()),
        );
    OnlineMeetingInvitation {
        state: Some(conv.inv_state.clone()),
        direction: Some(Direction::Outgoing),
        operation_id: conv.op_id.clone(),
        online_meeting_uri: Some(meeting.uri.clone()),
        anonymous_display_name: app.name.clone(),
        importance: Some(conv.importance.clone()),
        subject: conv.subject.clone(),
        thread_id: Some(conv.thread_id.clone()),
        to: None,
        rel: Some(Rel::OnlineMeetingInvitation.into()),
        links,
        embedded: Embedded::new(),
    }
}

pub(crate) fn conversation(
    app: &App,
    conv: &Conv,
    meeting: &Meeting,
    state: ConversationState,
    count: usize,
) -> Conversation {
    let p = Paths::new(&app.id);
    let c = &conv.id;
    let mut links = Links::new()
        .with(Rel::SelfLink, Link::new(p.conv(c)))
        .with(Rel::Messaging, Link::new(p.in_conv(c, "messaging")))
        .with(Rel::Participants, Link::new(p.in_conv(c, "participants")))
        .with(Rel::Attendees, Link::new(p.in_conv(c, "attendees")))
        .with(Rel::Leaders, Link::new(p.in_conv(c, "leaders")))
        .with(Rel::Lobby, Link::new(p.in_conv(c, "lobby")))
        .with(
            Rel::LocalParticipant,
            Link::titled(p.participant(c, &app.pid()), app.display_name()),
        );
    // The meeting's read-only details, from the lobby on (docs/protocol.md §6a, D30).
    if conv.phase != Phase::Ended {
        links.insert(Rel::OnlineMeeting, Link::new(p.in_conv(c, "onlineMeeting")));
    }
    links.insert(Rel::PhoneAudio, Link::new(p.phone_audio(c)));
    let mut modalities = Vec::new();
    if conv.messaging.state == ModalityState::Connected {
        modalities.push("Messaging".to_string());
    }
    // A connected "call me" leg is the conversation's audio (docs/protocol.md §6a).
    if conv.phone.state == crate::api::wire::phone::CallState::Connected {
        modalities.push("Audio".to_string());
    }
    Conversation {
        state: Some(state),
        subject: Some(meeting.spec.subject.clone()),
        importance: Some(conv.importance.clone()),
        thread_id: Some(conv.thread_id.clone()),
        active_modalities: Some(modalities),
        participant_count: u32::try_from(count).ok(),
        online_meeting_lobby_status: None,
        expiration_time: None,
        rel: Some(Rel::Conversation.into()),
        links,
    }
}

/// `participant <kind>` about roster member `who` in conversation `conv_id` of application
/// `app_id` (embedded unless deleted).
pub(crate) fn roster_event(app_id: &str, conv_id: &str, kind: EventType, who: &Person) -> Event {
    let href = Paths::new(app_id).participant(conv_id, &who.pid);
    if kind == EventType::Deleted {
        return ev::<()>(kind, Rel::Participant, &href, Some(&who.name), None);
    }
    let pr = participant_in(app_id, conv_id, who, false, false, false);
    ev(kind, Rel::Participant, &href, Some(&who.name), Some(&pr))
}

/// A participant resource; `in_lobby` is only set for the local participant.
pub(crate) fn participant(
    app_id: &str,
    conv: &Conv,
    who: &Person,
    local: bool,
    in_lobby: bool,
) -> Participant {
    let connected = conv.messaging.state == ModalityState::Connected;
    participant_in(app_id, &conv.id, who, local, in_lobby, connected)
}

/// A participant resource in conversation `conv_id`; `messaging_connected` only matters for the
/// local participant.
fn participant_in(
    app_id: &str,
    conv_id: &str,
    who: &Person,
    local: bool,
    in_lobby: bool,
    messaging_connected: bool,
) -> Participant {
    let p = Paths::new(app_id);
    let href = p.participant(conv_id, &who.pid);
    let mut links = Links::new()
        .with(Rel::SelfLink, Link::new(&href))
        .with(Rel::Conversation, Link::new(p.conv(conv_id)));
    if local {
        links.insert(Rel::Me, Link::new(p.sub("me")));
    }
    if who.on_phone {
        links.insert(Rel::ParticipantAudio, Link::new(format!("{href}/audio")));
    }
    if !local || messaging_connected {
        links.insert(
            Rel::ParticipantMessaging,
            Link::new(format!("{href}/messaging")),
        );
    }
    Participant {
        name: Some(who.name.clone()),
        uri: Some(who.uri.clone()),
        anonymous: Some(who.anonymous),
        in_lobby: Some(in_lobby),
        local: Some(local),
        organizer: Some(who.organizer),
        role: Some(who.role.wire()),
        source_network: Some(
            if who.anonymous {
                "Everyone"
            } else {
                "SameEnterprise"
            }
            .into(),
        ),
        rel: Some(Rel::Participant.into()),
        links,
    }
}

pub(crate) fn online_meeting(
    app_id: &str,
    conv: &Conv,
    meeting: &Meeting,
    tenant: &str,
) -> OnlineMeeting {
    let p = Paths::new(app_id);
    let dial_in = meeting.spec.phone.dial_in.as_ref();
    let mut links = Links::new()
        .with(
            Rel::SelfLink,
            Link::new(p.in_conv(&conv.id, "onlineMeeting")),
        )
        .with(Rel::Conversation, Link::new(p.conv(&conv.id)));
    if dial_in.is_some() {
        links.insert(Rel::PhoneDialInInformation, Link::new(p.dial_in()));
    }
    let organizer_name = meeting
        .roster
        .iter()
        .find(|m| m.role == Role::Leader)
        .map_or_else(|| meeting.spec.organizer.clone(), |m| m.name.clone());
    OnlineMeeting {
        subject: Some(meeting.spec.subject.clone()),
        access_level: Some(meeting.spec.policy.access_level().into()),
        conference_id: Some(meeting.spec.conference_id.clone()),
        online_meeting_id: Some(meeting.spec.conference_id.clone()),
        online_meeting_uri: Some(meeting.uri.clone()),
        organizer_name: Some(organizer_name),
        organizer_uri: Some(format!("sip:{}@{tenant}", meeting.spec.organizer)),
        join_url: Some(meeting.spec.join_url.clone()),
        phone_user_admission: Some(
            if dial_in.is_some() {
                "Enabled"
            } else {
                "Disabled"
            }
            .into(),
        ),
        lobby_bypass_for_phone_users: Some("Disabled".into()),
        description: None,
        expiration_time: None,
        rel: Some(Rel::OnlineMeeting.into()),
        links,
    }
}

pub(crate) fn messaging(app: &App, conv: &Conv) -> Messaging {
    let p = Paths::new(&app.id);
    let c = &conv.id;
    let state = &conv.messaging.state;
    let mut links = Links::new()
        .with(Rel::SelfLink, Link::new(p.in_conv(c, "messaging")))
        .with(Rel::Conversation, Link::new(p.conv(c)));
    if *state == ModalityState::Disconnected {
        links.insert(
            Rel::AddMessaging,
            Link::new(p.in_conv(c, "messaging/messagingInvitations")),
        );
    } else {
        links.insert(
            Rel::StopMessaging,
            Link::new(p.in_conv(c, "messaging/terminate")),
        );
    }
    if *state == ModalityState::Connected {
        links.insert(
            Rel::SendMessage,
            Link::new(p.in_conv(c, "messaging/messages")),
        );
        links.insert(
            Rel::SetIsTyping,
            Link::new(p.in_conv(c, "messaging/typing")),
        );
        links.insert(
            Rel::TypingParticipants,
            Link::new(p.in_conv(c, "messaging/typingParticipants")),
        );
    }
    Messaging {
        state: Some(state.clone()),
        negotiated_message_formats: (*state == ModalityState::Connected)
            .then(|| app.message_formats()),
        rel: Some(Rel::Messaging.into()),
        links,
    }
}

pub(crate) fn messaging_invitation(app_id: &str, conv: &Conv) -> Option<MessagingInvitation> {
    let inv = conv.messaging.invitation.as_ref()?;
    let p = Paths::new(app_id);
    Some(MessagingInvitation {
        state: Some(inv.state.clone()),
        direction: Some(Direction::Outgoing),
        operation_id: inv.op_id.clone(),
        importance: Some("Normal".into()),
        subject: None,
        thread_id: Some(conv.thread_id.clone()),
        to: None,
        rel: Some(Rel::MessagingInvitation.into()),
        links: Links::new()
            .with(Rel::SelfLink, Link::new(p.messaging_invitation(&inv.id)))
            .with(Rel::Conversation, Link::new(p.conv(&conv.id)))
            .with(Rel::Messaging, Link::new(p.in_conv(&conv.id, "messaging"))),
        embedded: Embedded::new(),
    })
}

/// Message `n` (1-based) of the conversation.
pub(crate) fn message(app_id: &str, conv: &Conv, n: usize, rec: &MsgRec) -> Message {
    let p = Paths::new(app_id);
    let mut links = Links::new()
        .with(Rel::SelfLink, Link::new(p.message(&conv.id, n)))
        .with(Rel::Messaging, Link::new(p.in_conv(&conv.id, "messaging")));
    if let Some((pid, name)) = &rec.from {
        links.insert(
            Rel::Participant,
            Link::titled(p.participant(&conv.id, pid), name),
        );
    }
    // Only an incoming message carries its body: the published samples of the guest's own
    // (outgoing) message carry `self` and `messaging` alone, and clients tell the two apart by it.
    if rec.direction == Direction::Incoming {
        let (rel, media) = if rec.html {
            (Rel::HtmlMessage, "text/html")
        } else {
            (Rel::PlainMessage, "text/plain")
        };
        let body = if rec.base64 {
            data_uri::encode_base64(media, &rec.text)
        } else {
            data_uri::encode_text(media, &rec.text)
        };
        links.insert(rel, Link::new(body));
    }
    Message {
        direction: Some(rec.direction.clone()),
        status: None,
        time_stamp: Some(UcwaDate::from_unix_ms(rec.at_ms)),
        operation_id: rec.op_id.clone(),
        rel: Some(Rel::Message.into()),
        links,
    }
}
