//! Instant messaging inside the meeting (docs/protocol.md §6): addMessaging, sendMessage, typing,
//! terminate, scripted greetings and messages relayed between guests.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::Response;

use crate::api::wire::events::EventType;
use crate::api::wire::ucwa::MessagingRequest;
use crate::api::wire::{
    Direction, InvitationState, ModalityState, OperationStatus, UcwaCode, UcwaSubcode,
};
use crate::emulator::Emu;
use crate::emulator::http::{
    Req, UcwaErrorReply, check_operation_id, created, empty, hex_id, unix_now_ms,
};
use crate::emulator::resources::{GroupBuilder, GuestView, Paths, Person, local_person, roster};
use crate::emulator::world::{ChatLine, Conv, MsgInvitation, MsgRec, Phase, World};

/// The live conversation `conv_id` of the application.
fn conv_mut<'a>(
    w: &'a mut World,
    app_id: &str,
    asi: &str,
    conv_id: &str,
) -> Result<&'a mut Conv, UcwaErrorReply> {
    w.app_mut(app_id, asi)?
        .conv
        .as_mut()
        .filter(|c| c.id == conv_id && c.phase != Phase::Ended)
        .ok_or_else(|| UcwaErrorReply::not_found("The conversation does not exist."))
}

fn not_connected() -> UcwaErrorReply {
    UcwaErrorReply::conflict(None, "Messaging is not connected in this conversation.")
}

fn push(w: &mut World, app_id: &str, g: GroupBuilder) {
    if let Some(app) = w.apps.get_mut(app_id) {
        app.channel.push(g.build());
    }
}

/// `POST {messaging}/messagingInvitations` (the `addMessaging` link).
pub(crate) fn add_messaging(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    conv_id: &str,
    r: &Req,
) -> Result<Response, UcwaErrorReply> {
    let req: MessagingRequest = r.body_as(
        &[
            "operationId",
            "importance",
            "subject",
            "to",
            "message",
            "threadId",
            "callbackUrl",
        ],
        &[],
    )?;
    check_operation_id(req.operation_id.as_deref())?;
    let mut w = emu.lock();
    let conv = conv_mut(&mut w, app_id, asi, conv_id)?;
    if conv.phase != Phase::InMeeting {
        return Err(UcwaErrorReply::conflict(
            None,
            "The conversation is not connected to the meeting yet.",
        ));
    }
    if conv.messaging.state != ModalityState::Disconnected {
        return Err(UcwaErrorReply::conflict(
            Some(UcwaSubcode::AlreadyExists),
            "Messaging is already connected in this conversation.",
        ));
    }
    let mi = hex_id(12);
    conv.messaging.invitation = Some(MsgInvitation {
        id: mi.clone(),
        op_id: req.operation_id.clone(),
        state: InvitationState::Connecting,
    });
    conv.messaging.state = ModalityState::Connecting;
    let m = conv.meeting;
    let location = Paths::new(app_id).messaging_invitation(&mi);

    let mut g1 = GroupBuilder::default();
    if let Some(v) = GuestView::of(&w, app_id) {
        if let Some(e) = v.messaging_invitation(EventType::Started) {
            v.comm(&mut g1, e);
        }
        v.conv(&mut g1, v.messaging_updated());
    }
    push(&mut w, app_id, g1);

    let conv = conv_mut(&mut w, app_id, asi, conv_id)?;
    conv.messaging.state = ModalityState::Connected;
    if let Some(i) = conv.messaging.invitation.as_mut() {
        i.state = InvitationState::Connected;
    }
    let count = roster(&w, m, app_id).len() + 1;
    let mut g2 = GroupBuilder::default();
    if let Some(v) = GuestView::of(&w, app_id) {
        // As the published "messaging connected" batch: the conversation's new
        // `activeModalities` first, from `communication`.
        v.comm(&mut g2, v.conversation_now(count));
        v.conv(&mut g2, v.messaging_updated());
        v.conv(&mut g2, v.participant_messaging(EventType::Added));
        if let Some(e) = v.messaging_invitation(EventType::Completed) {
            v.comm(&mut g2, e.status(OperationStatus::Success));
        }
    }
    push(&mut w, app_id, g2);

    let greetings: Vec<(String, String, String)> = w
        .meetings
        .get(m)
        .map(|meeting| {
            meeting
                .roster
                .iter()
                .filter_map(|p| {
                    p.greeting
                        .clone()
                        .map(|g| (p.pid.clone(), p.name.clone(), g))
                })
                .collect()
        })
        .unwrap_or_default();
    for (pid, name, text) in greetings {
        deliver_incoming(&mut w, app_id, &pid, &name, &text, MessageFormat::Plain);
    }
    Ok(created(&location))
}

/// How an incoming message's body is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageFormat {
    /// `plainMessage`, URL-encoded data: URI.
    #[default]
    Plain,
    /// `htmlMessage`, URL-encoded data: URI.
    Html,
    /// `htmlMessage`, base64 data: URI.
    HtmlBase64,
}

/// Tell every guest of meeting `m` whose messaging is connected that `who` is (not) typing.
pub(crate) fn broadcast_typing(w: &mut World, m: usize, who: &Person, typing: bool) -> usize {
    let mut told = 0;
    for gid in w.guests_in(m, "") {
        let mut g = GroupBuilder::default();
        if let Some(v) = GuestView::of(w, &gid).filter(|v| {
            v.conv.phase == Phase::InMeeting && v.conv.messaging.state == ModalityState::Connected
        }) {
            v.conv(&mut g, v.typing(who, typing));
            told += 1;
        }
        push(w, &gid, g);
    }
    told
}

/// An incoming IM to the guest of `app_id`, if its messaging is connected.
pub(crate) fn deliver_incoming(
    w: &mut World,
    app_id: &str,
    from_pid: &str,
    from_name: &str,
    text: &str,
    format: MessageFormat,
) -> bool {
    let Some(conv) = w
        .apps
        .get_mut(app_id)
        .and_then(|a| a.conv.as_mut())
        .filter(|c| c.phase == Phase::InMeeting && c.messaging.state == ModalityState::Connected)
    else {
        return false;
    };
    conv.messaging.messages.push(MsgRec {
        direction: Direction::Incoming,
        from: Some((from_pid.to_string(), from_name.to_string())),
        text: text.to_string(),
        html: format != MessageFormat::Plain,
        base64: format == MessageFormat::HtmlBase64,
        failed: false,
        at_ms: unix_now_ms(),
        op_id: None,
    });
    let n = conv.messaging.messages.len();
    message_event(w, app_id, n);
    true
}

/// `message completed` (status Success) for message `n` of the guest's conversation.
fn message_event(w: &mut World, app_id: &str, n: usize) {
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id)
        && let Some(e) = v.message_completed(n)
    {
        v.conv(&mut g, e);
    }
    push(w, app_id, g);
}

/// `POST {sendMessage}?operationId=..` with a text/plain or text/html body.
pub(crate) fn send_message(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    conv_id: &str,
    r: &Req,
) -> Result<Response, UcwaErrorReply> {
    let html = match r.content_type().as_deref() {
        Some("text/plain") => false,
        Some("text/html") => true,
        _ => {
            return Err(UcwaErrorReply::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                UcwaCode::UnsupportedMediaType,
                None,
                "Messages must be text/plain or text/html.",
            ));
        }
    };
    let text = String::from_utf8(r.body.to_vec())
        .map_err(|_| UcwaErrorReply::invalid("body", "The message is not valid UTF-8."))?;
    let op_id = r.q("operationId").map(str::to_string);
    let mut w = emu.lock();
    if html && !w.app(app_id, asi)?.html_messages {
        return Err(UcwaErrorReply::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            UcwaCode::UnsupportedMediaType,
            None,
            "This meeting's chat takes plain text (text/plain) only.",
        ));
    }
    let conv = conv_mut(&mut w, app_id, asi, conv_id)?;
    if conv.phase != Phase::InMeeting || conv.messaging.state != ModalityState::Connected {
        return Err(not_connected());
    }
    let m = conv.meeting;
    let failed = w.meetings.get_mut(m).is_some_and(|meeting| {
        let fail = meeting.fail_deliveries > 0;
        meeting.fail_deliveries = meeting.fail_deliveries.saturating_sub(1);
        fail
    });
    let conv = conv_mut(&mut w, app_id, asi, conv_id)?;
    conv.messaging.messages.push(MsgRec {
        direction: Direction::Outgoing,
        from: None,
        text: text.clone(),
        html,
        base64: false,
        failed,
        at_ms: unix_now_ms(),
        op_id,
    });
    let n = conv.messaging.messages.len();
    message_event(&mut w, app_id, n);
    let me = w.apps.get(app_id).map(local_person).filter(|_| !failed);
    if let Some(me) = me {
        if let Some(meeting) = w.meetings.get_mut(m) {
            meeting.chat.push(ChatLine {
                from: me.name.clone(),
                text: text.clone(),
            });
        };
        for other in w.guests_in(m, app_id) {
            let format = if html {
                MessageFormat::Html
            } else {
                MessageFormat::Plain
            };
            deliver_incoming(&mut w, &other, &me.pid, &me.name, &text, format);
        }
    }
    Ok(created(&Paths::new(app_id).message(conv_id, n)))
}

/// `POST {setIsTyping}`.
pub(crate) fn typing(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    conv_id: &str,
) -> Result<Response, UcwaErrorReply> {
    let mut w = emu.lock();
    let conv = conv_mut(&mut w, app_id, asi, conv_id)?;
    if conv.messaging.state != ModalityState::Connected {
        return Err(not_connected());
    }
    Ok(empty(StatusCode::NO_CONTENT))
}

/// `POST {stopMessaging}`: messaging back to Disconnected (with `addMessaging`).
pub(crate) fn stop_messaging(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    conv_id: &str,
) -> Result<Response, UcwaErrorReply> {
    let mut w = emu.lock();
    let conv = conv_mut(&mut w, app_id, asi, conv_id)?;
    if conv.messaging.state == ModalityState::Disconnected {
        return Ok(empty(StatusCode::NO_CONTENT));
    }
    conv.messaging.state = ModalityState::Disconnected;
    conv.messaging.invitation = None;
    let m = conv.meeting;
    let count = roster(&w, m, app_id).len() + 1;
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(&w, app_id) {
        v.conv(&mut g, v.participant_messaging(EventType::Deleted));
        v.conv(&mut g, v.messaging_updated());
        v.comm(&mut g, v.conversation_now(count));
    }
    push(&mut w, app_id, g);
    Ok(empty(StatusCode::NO_CONTENT))
}
