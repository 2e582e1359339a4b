//! The "call me" leg as the guest follows it (docs/protocol.md §6a): offered or not, ringing,
//! connected, ended, or failed with a plain reason kept with the HTTP status and the UCWA
//! code/subcode. Pure: the engine reports it, the GUI and `join` show it.

use serde::Serialize;

use crate::api::wire::{UcwaCode, UcwaSubcode};

/// Where the phone leg is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneState {
    /// The server is calling the guest's phone.
    Ringing,
    /// The guest answered: the meeting's sound is on the phone.
    Connected,
    /// The call ended (the guest hung up, on the phone or with Hang up, or left).
    Ended,
    /// The call did not connect, or the meeting refused it.
    Failed,
}

/// Why a call did not connect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneFailureKind {
    /// The organizer's policy does not let the meeting call guests.
    NotAllowed,
    Busy,
    NoAnswer,
    /// The call was rejected on the phone.
    Declined,
    /// The meeting service could not dial the number.
    BadNumber,
    /// The meeting offers no "call me" now (not in the meeting, or no longer offered).
    Unavailable,
    /// The connection to the meeting was lost while the call was under way.
    ConnectionLost,
    /// Anything else.
    Failed,
}

impl PhoneFailureKind {
    /// The kind a server's refusal or a failed invitation's reason stands for.
    pub fn classify(
        http_status: Option<u16>,
        code: Option<&UcwaCode>,
        subcode: Option<&UcwaSubcode>,
    ) -> Self {
        match (http_status, code, subcode) {
            (_, _, Some(UcwaSubcode::DialoutNotAllowed | UcwaSubcode::AnonymousNotAllowed)) => {
                Self::NotAllowed
            }
            (_, _, Some(UcwaSubcode::NormalizationFailed)) => Self::BadNumber,
            (_, _, Some(UcwaSubcode::Busy)) => Self::Busy,
            (_, _, Some(UcwaSubcode::Timeout)) => Self::NoAnswer,
            (_, _, Some(UcwaSubcode::PstnCallFailed | UcwaSubcode::Declined)) => Self::Declined,
            (Some(403), _, _) | (_, Some(UcwaCode::Forbidden), _) => Self::NotAllowed,
            (Some(404 | 405), _, _) => Self::Unavailable,
            _ => Self::Failed,
        }
    }
}

/// A failed call: what kind, and what the server said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneFailure {
    pub kind: PhoneFailureKind,
    pub http_status: Option<u16>,
    pub code: Option<String>,
    pub subcode: Option<String>,
    pub message: String,
}

/// The current or last call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneLeg {
    pub state: PhoneState,
    /// The number called, masked (`+49 ••• ••• 00`).
    pub number: String,
    pub failure: Option<PhoneFailure>,
}

/// "Call me" in this session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PhoneStatus {
    /// The meeting offers to call the guest now.
    pub offered: bool,
    pub leg: Option<PhoneLeg>,
    /// A call of this session was connected at some point.
    pub ever_connected: bool,
}

impl PhoneStatus {
    /// Take the latest state of the call.
    pub fn apply(&mut self, leg: &PhoneLeg) {
        self.ever_connected |= leg.state == PhoneState::Connected;
        self.leg = Some(leg.clone());
    }

    /// A call is ringing or connected.
    pub fn busy(&self) -> bool {
        self.leg
            .as_ref()
            .is_some_and(|l| matches!(l.state, PhoneState::Ringing | PhoneState::Connected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_and_reasons_are_classified() {
        use PhoneFailureKind as K;
        let sub = |s: UcwaSubcode| Some(s);
        for (status, code, subcode, kind) in [
            (
                Some(403),
                Some(UcwaCode::Forbidden),
                sub(UcwaSubcode::DialoutNotAllowed),
                K::NotAllowed,
            ),
            (
                None,
                Some(UcwaCode::Forbidden),
                sub(UcwaSubcode::DialoutNotAllowed),
                K::NotAllowed,
            ),
            (Some(403), Some(UcwaCode::Forbidden), None, K::NotAllowed),
            (
                Some(400),
                Some(UcwaCode::BadRequest),
                sub(UcwaSubcode::NormalizationFailed),
                K::BadNumber,
            ),
            (
                None,
                Some(UcwaCode::LocalFailure),
                sub(UcwaSubcode::Busy),
                K::Busy,
            ),
            (
                None,
                Some(UcwaCode::LocalFailure),
                sub(UcwaSubcode::Timeout),
                K::NoAnswer,
            ),
            (
                None,
                Some(UcwaCode::LocalFailure),
                sub(UcwaSubcode::PstnCallFailed),
                K::Declined,
            ),
            (
                None,
                Some(UcwaCode::RemoteFailure),
                sub(UcwaSubcode::Declined),
                K::Declined,
            ),
            (Some(404), Some(UcwaCode::NotFound), None, K::Unavailable),
            (Some(409), Some(UcwaCode::Conflict), None, K::Failed),
            (Some(500), None, None, K::Failed),
        ] {
            assert_eq!(
                PhoneFailureKind::classify(status, code.as_ref(), subcode.as_ref()),
                kind,
                "{status:?} {code:?} {subcode:?}"
            );
        }
    }
}
