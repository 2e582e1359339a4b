//! "Call me" (docs/protocol.md §6a): the conversation's `phoneAudio`; `addPhoneAudio` rings
//! the guest's phone as the meeting's [`PhoneScript`] says (or is refused as its [`DialOut`]
//! says); `stopPhoneAudio`; the leg ends when the guest leaves. Every call is kept in the
//! meeting's `phone_calls` for the control API.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::Response;

use crate::api::wire::events::{Event, EventType};
use crate::api::wire::phone::{CallState, PhoneAudio, PhoneAudioInvitation, PhoneAudioRequest};
use crate::api::wire::{
    Direction, InvitationState, Link, Links, OperationStatus, Rel, RelLink, UcwaCode, UcwaError,
    UcwaSubcode,
};
use crate::emulator::Emu;
use crate::emulator::config::{DialOut, PhoneOutcome};
use crate::emulator::http::{Req, UcwaErrorReply, check_operation_id, created, empty, hex_id};
use crate::emulator::resources::{GroupBuilder, GuestView, Paths, ev, local_person, roster};
use crate::emulator::world::{Conv, Phase, PhoneCall, PhoneInvitation, World};

/// How long a refusal that comes as the invitation's outcome takes.
const REFUSAL_DELAY: Duration = Duration::from_millis(300);

impl Paths {
    pub fn phone_audio(&self, c: &str) -> String {
        self.in_conv(c, "phoneAudio")
    }
    pub fn phone_invitation(&self, id: &str) -> String {
        self.sub(&format!("communication/phoneAudioInvitations/{id}"))
    }
}

/// The conversation's `phoneAudio`: `addPhoneAudio` while no call is under way, in the
/// meeting, where the organizer's policy offers it; `stopPhoneAudio` while one is.
pub(crate) fn phone_audio(app_id: &str, conv: &Conv, dial_out: DialOut) -> PhoneAudio {
    let p = Paths::new(app_id);
    let c = &conv.id;
    let mut links = Links::new()
        .with(Rel::SelfLink, Link::new(p.phone_audio(c)))
        .with(Rel::Conversation, Link::new(p.conv(c)));
    let state = conv.phone.state.clone();
    if state == CallState::Disconnected {
        if conv.phase == Phase::InMeeting && dial_out != DialOut::NotOffered {
            links.insert(
                Rel::AddPhoneAudio,
                Link::new(format!("{}/addPhoneAudio", p.phone_audio(c))),
            );
        }
    } else {
        links.insert(
            Rel::StopPhoneAudio,
            Link::new(format!("{}/stopPhoneAudio", p.phone_audio(c))),
        );
    }
    PhoneAudio {
        state: Some(state),
        rel: Some(Rel::PhoneAudio.into()),
        links,
    }
}

/// The current or last `phoneAudioInvitation`.
pub(crate) fn phone_invitation(app_id: &str, conv: &Conv) -> Option<PhoneAudioInvitation> {
    let inv = conv.phone.invitation.as_ref()?;
    let p = Paths::new(app_id);
    Some(PhoneAudioInvitation {
        state: Some(inv.state.clone()),
        direction: Some(Direction::Outgoing),
        operation_id: inv.op_id.clone(),
        phone_number: Some(format!("tel:{}", inv.number)),
        to: Some(inv.to.clone()),
        rel: Some(Rel::PhoneAudioInvitation.into()),
        links: Links::new()
            .with(Rel::SelfLink, Link::new(p.phone_invitation(&inv.id)))
            .with(Rel::Conversation, Link::new(p.conv(&conv.id)))
            .with(Rel::PhoneAudio, Link::new(p.phone_audio(&conv.id))),
    })
}

impl GuestView<'_> {
    /// `phoneAudio updated` with the modality as it is now.
    pub fn phone_audio_updated(&self) -> Event {
        let pa = phone_audio(&self.app.id, self.conv, self.meeting.spec.phone.dial_out);
        ev(
            EventType::Updated,
            Rel::PhoneAudio,
            &self.p.phone_audio(&self.conv.id),
            None,
            Some(&pa),
        )
    }

    fn phone_invitation_event(&self, kind: EventType) -> Option<Event> {
        let inv = phone_invitation(&self.app.id, self.conv)?;
        let href = inv.links.href(Rel::SelfLink)?.to_string();
        Some(ev(kind, Rel::PhoneAudioInvitation, &href, None, Some(&inv)))
    }

    /// `participantAudio <kind>` in the local participant (the phone leg joined or left).
    fn participant_audio(&self, kind: EventType) -> Event {
        let me = local_person(self.app);
        let me_href = self.p.participant(&self.conv.id, &me.pid);
        ev::<()>(
            kind,
            Rel::ParticipantAudio,
            &format!("{me_href}/audio"),
            None,
            None,
        )
        .in_(RelLink::new(Rel::LocalParticipant, me_href).with_title(me.name))
    }
}

fn push(w: &mut World, app_id: &str, g: GroupBuilder) {
    if let Some(app) = w.apps.get_mut(app_id) {
        app.channel.push(g.build());
    }
}

fn conv_mut<'a>(w: &'a mut World, app_id: &str, conv_id: &str) -> Option<&'a mut Conv> {
    w.apps
        .get_mut(app_id)?
        .conv
        .as_mut()
        .filter(|c| c.id == conv_id && c.phase != Phase::Ended)
}

/// Record the latest call of the guest `app_id` in its meeting as being in `state`.
fn record(w: &mut World, app_id: &str, state: &str) {
    let Some((m, name)) = w.apps.get(app_id).and_then(|a| {
        a.conv
            .as_ref()
            .map(|c| (c.meeting, a.display_name().to_string()))
    }) else {
        return;
    };
    if let Some(call) = w.meetings.get_mut(m).and_then(|meeting| {
        meeting
            .phone_calls
            .iter_mut()
            .rev()
            .find(|c| c.guest == name)
    }) {
        call.state = state.to_string();
    }
}

/// `tel:+14255550123` or `+14255550123` → `+14255550123`; anything else is a number the
/// server cannot normalise.
fn normalise(number: &str) -> Option<String> {
    let n = number.trim();
    let n = n
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("tel:"))
        .map_or(n, |_| &n[4..]);
    let digits = n.strip_prefix('+')?;
    (digits.len() >= 7 && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.to_string())
}

/// `POST {phoneAudio}/addPhoneAudio` `{operationId, phoneNumber, to}`: ring the guest's phone.
pub(crate) fn add_phone_audio(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    conv_id: &str,
    r: &Req,
) -> Result<Response, UcwaErrorReply> {
    let req: PhoneAudioRequest = r.body_as(&["operationId", "phoneNumber", "to"], &["to"])?;
    check_operation_id(req.operation_id.as_deref())?;
    let Some(raw) = req.phone_number.as_deref().filter(|n| !n.trim().is_empty()) else {
        return Err(UcwaErrorReply::invalid(
            "phoneNumber",
            "An anonymous user has no phone number on file: phoneNumber is required.",
        ));
    };
    let number = normalise(raw).ok_or_else(|| {
        UcwaErrorReply::new(
            StatusCode::BAD_REQUEST,
            UcwaCode::BadRequest,
            Some(UcwaSubcode::NormalizationFailed),
            "The phone normalization failed.",
        )
    })?;
    let mut w = emu.lock();
    w.app(app_id, asi)?;
    let conv = conv_mut(&mut w, app_id, conv_id)
        .ok_or_else(|| UcwaErrorReply::not_found("The conversation does not exist."))?;
    if conv.phase != Phase::InMeeting {
        return Err(UcwaErrorReply::conflict(
            None,
            "The conversation is not connected to the meeting yet.",
        ));
    }
    let m = conv.meeting;
    let (dial_out, script, uri) = {
        let meeting = &w.meetings[m];
        let phone = &meeting.spec.phone;
        (phone.dial_out, phone.script, meeting.uri.clone())
    };
    match dial_out {
        DialOut::NotOffered => {
            return Err(UcwaErrorReply::forbidden(
                None,
                "Phone audio is not listed in the capabilities.",
            ));
        }
        DialOut::RefusedAtOnce => return Err(refused_reply()),
        DialOut::RefusedLater | DialOut::Allowed => {}
    }
    if !req.to.trim().eq_ignore_ascii_case(&uri) {
        return Err(UcwaErrorReply::invalid(
            "to",
            "The call can only be added to this conversation's meeting.",
        ));
    }
    let conv = conv_mut(&mut w, app_id, conv_id)
        .ok_or_else(|| UcwaErrorReply::not_found("The conversation does not exist."))?;
    if conv.phone.state != CallState::Disconnected {
        return Err(UcwaErrorReply::conflict(
            Some(UcwaSubcode::AlreadyExists),
            "A phone call is already under way in this conversation.",
        ));
    }
    let id = hex_id(12);
    conv.phone.call += 1;
    conv.phone.state = CallState::Connecting;
    conv.phone.invitation = Some(PhoneInvitation {
        id: id.clone(),
        op_id: req.operation_id.clone(),
        number: number.clone(),
        to: uri,
        state: InvitationState::Connecting,
    });
    let call = conv.phone.call;
    let guest = w.apps.get(app_id).map(|a| a.display_name().to_string());
    if let (Some(meeting), Some(guest)) = (w.meetings.get_mut(m), guest) {
        meeting.phone_calls.push(PhoneCall {
            guest,
            number,
            state: "ringing".into(),
        });
    }
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(&w, app_id) {
        if let Some(e) = v.phone_invitation_event(EventType::Started) {
            v.comm(&mut g, e);
        }
        v.conv(&mut g, v.phone_audio_updated());
    }
    push(&mut w, app_id, g);
    drop(w);

    let (app, conv) = (app_id.to_string(), conv_id.to_string());
    let after = Duration::from_millis(script.after_ms);
    match (dial_out, script.outcome) {
        (DialOut::RefusedLater, _) => emu.schedule(REFUSAL_DELAY, move |w, _| {
            ring_ended(w, &app, &conv, call, refusal(), "refused")
        }),
        (_, PhoneOutcome::Answer) => {
            let emu2 = emu.clone();
            emu.schedule(after, move |w, _| {
                if answer(w, &app, &conv, call)
                    && let Some(ms) = script.hang_up_after_ms
                {
                    emu2.schedule(Duration::from_millis(ms), move |w, _| {
                        hang_up(w, &app, &conv, call, "hung_up")
                    });
                }
            })
        }
        (_, outcome) => emu.schedule(after, move |w, _| {
            let (reason, state) = unanswered(outcome);
            ring_ended(w, &app, &conv, call, reason, state)
        }),
    }
    Ok(created(&Paths::new(app_id).phone_invitation(&id)))
}

fn refusal() -> UcwaError {
    UcwaError::new(
        UcwaCode::Forbidden,
        Some(UcwaSubcode::DialoutNotAllowed),
        "Dialout not allowed.",
    )
}

fn refused_reply() -> UcwaErrorReply {
    UcwaErrorReply::forbidden(Some(UcwaSubcode::DialoutNotAllowed), "Dialout not allowed.")
}

/// The reason and the recorded state of a call that was not answered.
fn unanswered(outcome: PhoneOutcome) -> (UcwaError, &'static str) {
    let (subcode, message, state) = match outcome {
        PhoneOutcome::Busy => (UcwaSubcode::Busy, "The phone was busy.", "busy"),
        PhoneOutcome::NoAnswer => (
            UcwaSubcode::Timeout,
            "Nobody answered the phone.",
            "no_answer",
        ),
        PhoneOutcome::Decline | PhoneOutcome::Answer => (
            UcwaSubcode::PstnCallFailed,
            "The call was rejected on the phone.",
            "declined",
        ),
    };
    (
        UcwaError::new(UcwaCode::LocalFailure, Some(subcode), message),
        state,
    )
}

/// The phone answered call `call`: the leg joins the meeting. False when that call is over.
fn answer(w: &mut World, app_id: &str, conv_id: &str, call: u32) -> bool {
    let Some(conv) = conv_mut(w, app_id, conv_id)
        .filter(|c| c.phone.call == call && c.phone.state == CallState::Connecting)
    else {
        return false;
    };
    conv.phone.state = CallState::Connected;
    if let Some(inv) = conv.phone.invitation.as_mut() {
        inv.state = InvitationState::Connected;
    }
    let m = conv.meeting;
    record(w, app_id, "connected");
    let count = roster(w, m, app_id).len() + 1;
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id) {
        if let Some(e) = v.phone_invitation_event(EventType::Completed) {
            v.comm(&mut g, e.status(OperationStatus::Success));
        }
        v.conv(&mut g, v.phone_audio_updated());
        v.conv(&mut g, v.participant_audio(EventType::Added));
        v.comm(&mut g, v.conversation_now(count));
    }
    push(w, app_id, g);
    tell_the_roster(w, m, app_id);
    true
}

/// Ringing call `call` ended without joining: the invitation fails with `reason`.
fn ring_ended(
    w: &mut World,
    app_id: &str,
    conv_id: &str,
    call: u32,
    reason: UcwaError,
    state: &str,
) {
    let Some(conv) = conv_mut(w, app_id, conv_id)
        .filter(|c| c.phone.call == call && c.phone.state == CallState::Connecting)
    else {
        return;
    };
    conv.phone.state = CallState::Disconnected;
    if let Some(inv) = conv.phone.invitation.as_mut() {
        inv.state = InvitationState::Failed;
    }
    record(w, app_id, state);
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id) {
        if let Some(e) = v.phone_invitation_event(EventType::Completed) {
            v.comm(&mut g, e.status(OperationStatus::Failure).reason(reason));
        }
        v.conv(&mut g, v.phone_audio_updated());
    }
    push(w, app_id, g);
}

/// Connected call `call` ends (`state`: who hung up).
fn hang_up(w: &mut World, app_id: &str, conv_id: &str, call: u32, state: &str) {
    let Some(conv) = conv_mut(w, app_id, conv_id)
        .filter(|c| c.phone.call == call && c.phone.state == CallState::Connected)
    else {
        return;
    };
    conv.phone.state = CallState::Disconnected;
    let m = conv.meeting;
    record(w, app_id, state);
    let count = roster(w, m, app_id).len() + 1;
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id) {
        v.conv(&mut g, v.phone_audio_updated());
        v.conv(&mut g, v.participant_audio(EventType::Deleted));
        v.comm(&mut g, v.conversation_now(count));
    }
    push(w, app_id, g);
    tell_the_roster(w, m, app_id);
}

/// The other guests of meeting `m` see the guest's audio come or go (`participant updated`).
fn tell_the_roster(w: &mut World, m: usize, app_id: &str) {
    if let Some(me) = w.apps.get(app_id).map(local_person) {
        crate::emulator::meeting::broadcast_person(w, m, &me, EventType::Updated, app_id);
    }
}

/// `POST {phoneAudio}/stopPhoneAudio`: stop the call that rings or is connected.
pub(crate) fn stop_phone_audio(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    conv_id: &str,
) -> Result<Response, UcwaErrorReply> {
    let mut w = emu.lock();
    w.app(app_id, asi)?;
    let conv = conv_mut(&mut w, app_id, conv_id)
        .ok_or_else(|| UcwaErrorReply::not_found("The conversation does not exist."))?;
    let (state, call) = (conv.phone.state.clone(), conv.phone.call);
    match state {
        CallState::Connecting => {
            let reason = UcwaError::new(
                UcwaCode::LocalFailure,
                Some(UcwaSubcode::Canceled),
                "The call was stopped.",
            );
            ring_ended(&mut w, app_id, conv_id, call, reason, "stopped");
            if let Some(inv) =
                conv_mut(&mut w, app_id, conv_id).and_then(|c| c.phone.invitation.as_mut())
            {
                inv.state = InvitationState::Cancelled;
            }
        }
        CallState::Connected => hang_up(&mut w, app_id, conv_id, call, "stopped"),
        _ => {}
    }
    Ok(empty(StatusCode::NO_CONTENT))
}

/// The guest's conversation ends (left, removed, the meeting ended): its phone leg ends with it.
pub(crate) fn end_with_conversation(w: &mut World, app_id: &str) {
    let Some(conv) = w.apps.get_mut(app_id).and_then(|a| a.conv.as_mut()) else {
        return;
    };
    if conv.phone.state == CallState::Disconnected {
        return;
    }
    conv.phone.state = CallState::Disconnected;
    if let Some(inv) = conv.phone.invitation.as_mut()
        && inv.state == InvitationState::Connecting
    {
        inv.state = InvitationState::Cancelled;
    }
    record(w, app_id, "left");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_e164_numbers_are_normalised() {
        assert_eq!(
            normalise("tel:+14255550123").as_deref(),
            Some("+14255550123")
        );
        assert_eq!(
            normalise(" +493023125100 ").as_deref(),
            Some("+493023125100")
        );
        for bad in [
            "4255550123",
            "tel:4255550123",
            "+1 425",
            "+12",
            "+1234567890123456",
            "tel:+1-425-555",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }
}
