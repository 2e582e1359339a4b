//! "Call me" (docs/protocol.md §6a): when the meeting offers `addPhoneAudio`, the guest's
//! number is sent once (never repeated: a repeat could ring twice); the call's progress comes
//! from `phoneAudio` and `phoneAudioInvitation` events; Hang up is `stopPhoneAudio`; leaving
//! stops the call first; a rejoin never calls again by itself.

use url::Url;

use crate::api::ucwa::{self, UcwaAuth};
use crate::api::wire::UcwaError;
use crate::api::wire::phone::{CallState, PhoneAudioRequest};

use super::super::phone_leg::{PhoneFailure, PhoneFailureKind, PhoneLeg, PhoneState};
use super::super::phone_number::PhoneNumber;
use super::super::status::JoinEvent;
use super::Session;
use super::chat::Action;

#[derive(Debug, Default)]
pub(super) struct CallMeState {
    /// `addPhoneAudio`, while offered.
    add: Option<Url>,
    /// `stopPhoneAudio`, while a call is under way.
    stop: Option<Url>,
    /// The current call's `operationId`.
    op: Option<String>,
    /// The current call's number, masked.
    masked: String,
    /// A call asked for right after the last one ended, before the meeting offered
    /// `addPhoneAudio` again: made as soon as it does.
    pending: Option<PhoneNumber>,
}

impl Session<'_> {
    fn phone_busy(&self) -> bool {
        self.status.phone.busy()
    }

    fn phone(&mut self, state: PhoneState, failure: Option<PhoneFailure>) {
        let leg = PhoneLeg {
            state,
            number: self.call_me.masked.clone(),
            failure,
        };
        self.emit(JoinEvent::Phone { leg });
    }

    fn phone_failed(
        &mut self,
        kind: PhoneFailureKind,
        status: Option<u16>,
        reason: Option<&UcwaError>,
        fallback: &str,
    ) {
        self.call_me.op = None;
        let failure = PhoneFailure {
            kind,
            http_status: status,
            code: reason.map(|r| r.code.to_string()),
            subcode: reason
                .and_then(|r| r.subcode.as_ref())
                .map(ToString::to_string),
            message: reason
                .and_then(|r| r.message.clone())
                .filter(|m| !m.trim().is_empty())
                .unwrap_or_else(|| fallback.to_string()),
        };
        self.phone(PhoneState::Failed, Some(failure));
    }

    /// The meeting's `phoneAudio` changed.
    pub(super) fn on_phone_audio(
        &mut self,
        state: Option<CallState>,
        add: Option<Url>,
        stop: Option<Url>,
    ) {
        self.call_me.add = add;
        self.call_me.stop = stop;
        let offered = self.call_me.add.is_some() && self.status.joined;
        if offered != self.status.phone.offered {
            self.emit(JoinEvent::PhoneOffered { offered });
        }
        if let (true, Some(url), Some(number)) = (
            offered,
            self.call_me.add.clone(),
            self.call_me.pending.take(),
        ) {
            self.actions.push(Action::CallMe { url, number });
        }
        let current = self.status.phone.leg.as_ref().map(|l| l.state);
        match (state, current) {
            (Some(CallState::Connected), Some(PhoneState::Ringing)) => {
                self.phone(PhoneState::Connected, None)
            }
            (Some(CallState::Disconnected), Some(PhoneState::Connected)) => {
                // The guest hung up on the phone (or the meeting ended the call).
                self.call_me.op = None;
                self.phone(PhoneState::Ended, None);
            }
            _ => {}
        }
    }

    /// The outcome of a `phoneAudioInvitation`: `Ok` answered, `Err` with the reason.
    pub(super) fn on_phone_invitation(
        &mut self,
        operation_id: Option<String>,
        outcome: Result<(), Option<UcwaError>>,
    ) {
        let ours = match (&operation_id, &self.call_me.op) {
            (Some(theirs), Some(ours)) => theirs == ours,
            (None, Some(_)) => true,
            _ => false,
        };
        if !ours {
            tracing::info!("the outcome of a call this session did not make was ignored");
            return;
        }
        match outcome {
            Ok(()) => {
                if self.status.phone.leg.as_ref().map(|l| l.state) == Some(PhoneState::Ringing) {
                    self.phone(PhoneState::Connected, None);
                }
            }
            Err(reason) => {
                let kind = PhoneFailureKind::classify(
                    None,
                    reason.as_ref().map(|r| &r.code),
                    reason.as_ref().and_then(|r| r.subcode.as_ref()),
                );
                self.phone_failed(kind, None, reason.as_ref(), "the call did not connect");
            }
        }
    }

    /// The guest asked to be called on `number`.
    pub(super) fn on_call_me(&mut self, number: PhoneNumber) {
        if self.phone_busy() {
            tracing::info!("a call is already under way; the new one was not made");
            return;
        }
        self.call_me.masked = number.masked().to_string();
        match self.call_me.add.clone().filter(|_| self.status.joined) {
            Some(url) => self.actions.push(Action::CallMe { url, number }),
            // The last call just ended: the meeting offers the next one with its next
            // `phoneAudio` update.
            None if self.status.joined
                && self.status.phone.leg.as_ref().is_some_and(|l| {
                    l.failure.as_ref().map(|f| f.kind) != Some(PhoneFailureKind::Unavailable)
                }) =>
            {
                self.call_me.pending = Some(number);
            }
            None => self.phone_failed(
                PhoneFailureKind::Unavailable,
                None,
                None,
                "the meeting does not offer to call you now",
            ),
        }
    }

    /// The guest pressed Hang up.
    pub(super) fn on_hang_up(&mut self) {
        if let (true, Some(url)) = (self.phone_busy(), self.call_me.stop.clone()) {
            self.actions.push(Action::HangUp(url));
        }
    }

    /// POST `addPhoneAudio` once: a repeat after a broken exchange could ring twice.
    pub(super) async fn call_me(&mut self, url: Url, number: PhoneNumber, auth: &UcwaAuth) {
        let Some(to) = self.conference_uri.clone() else {
            self.phone_failed(
                PhoneFailureKind::Unavailable,
                None,
                None,
                "the meeting is not known yet",
            );
            return;
        };
        let op = uuid::Uuid::new_v4().simple().to_string();
        let body = PhoneAudioRequest {
            operation_id: Some(op.clone()),
            phone_number: Some(number.tel_uri().expose().to_string()),
            to,
        };
        self.call_me.op = Some(op);
        match ucwa::add_phone_audio(&self.http, url, auth, &body).await {
            Ok(_) => self.phone(PhoneState::Ringing, None),
            Err(e) => {
                let reason = e.ucwa_error().cloned();
                let kind = PhoneFailureKind::classify(
                    e.status(),
                    reason.as_ref().map(|r| &r.code),
                    e.ucwa_subcode(),
                );
                self.phone_failed(kind, e.status(), reason.as_ref(), &e.to_string());
            }
        }
    }

    /// POST `stopPhoneAudio`; the call is over for the guest whatever the server says.
    pub(super) async fn hang_up(&mut self, url: Url, auth: &UcwaAuth) {
        if let Err(e) =
            ucwa::stop_phone_audio(&self.http, url, auth, self.req.limits.cleanup_timeout).await
        {
            tracing::warn!(error = %e, "stopping the phone call failed");
        }
        if self.phone_busy() {
            self.call_me.op = None;
            self.phone(PhoneState::Ended, None);
        }
    }

    /// Before leaving: stop a call under way (the server also ends it with the conversation).
    pub(super) async fn end_call_before_leaving(&mut self) {
        if let (true, Some(url), Some(auth)) = (
            self.phone_busy(),
            self.call_me.stop.clone(),
            self.auth.clone(),
        ) {
            self.hang_up(url, &auth).await;
        }
        // Without its `stopPhoneAudio` link yet, the call ends with the conversation.
        self.call_ends_with_conversation();
    }

    /// The conversation is gone (left, failed, cancelled): so is any call in it.
    pub(super) fn call_ends_with_conversation(&mut self) {
        if self.phone_busy() {
            self.call_me.op = None;
            self.phone(PhoneState::Ended, None);
        }
    }

    /// The session is being replaced (rejoin): a call under way ended with the old conversation
    /// and is not made again by itself.
    pub(super) fn reset_call_me(&mut self) {
        if self.phone_busy() {
            self.phone_failed(
                PhoneFailureKind::ConnectionLost,
                None,
                None,
                "the connection to the meeting was lost",
            );
        }
        if self.status.phone.offered {
            self.emit(JoinEvent::PhoneOffered { offered: false });
        }
        self.call_me = CallMeState::default();
    }
}
