//! Failure classes of a join: stable ids, plain-language titles and remedies, and the exit codes
//! of docs/design.md §3 (how failures fall into classes: docs/protocol.md §9.2). One table; GUI
//! and CLI both read it.

use serde::Serialize;

use super::status::Step;
use crate::api::wire::{UcwaCode, UcwaSubcode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    BadInput,
    ServiceUnreachable,
    ServiceRefused,
    Discovery,
    Application,
    MeetingNotFound,
    NotAllowed,
    /// Flow B: the server does not let anonymous guests join (no anonymous meeting grant).
    AnonymousJoinDisabled,
    /// Flow B: the server did not accept the conference key of the meeting link.
    WrongConferenceKey,
    LobbyDenied,
    LobbyTimeout,
    Network,
    Timeout,
    Removed,
    /// Removed because the guest's connection stayed silent too long.
    Inactive,
    MeetingEnded,
    ConnectionLost,
    ServerError,
    Protocol,
}

impl FailureKind {
    /// Every class, for tables and tests.
    pub const ALL: [FailureKind; 19] = [
        FailureKind::BadInput,
        FailureKind::ServiceUnreachable,
        FailureKind::ServiceRefused,
        FailureKind::Discovery,
        FailureKind::Application,
        FailureKind::MeetingNotFound,
        FailureKind::NotAllowed,
        FailureKind::AnonymousJoinDisabled,
        FailureKind::WrongConferenceKey,
        FailureKind::LobbyDenied,
        FailureKind::LobbyTimeout,
        FailureKind::Network,
        FailureKind::Timeout,
        FailureKind::Removed,
        FailureKind::Inactive,
        FailureKind::MeetingEnded,
        FailureKind::ConnectionLost,
        FailureKind::ServerError,
        FailureKind::Protocol,
    ];

    /// Exit codes of `guest-join join` (docs/design.md §3).
    pub fn exit_code(self) -> i32 {
        use FailureKind::*;
        match self {
            BadInput => 2,
            ServiceUnreachable | ServiceRefused => 3,
            Discovery | Application => 4,
            MeetingNotFound | NotAllowed | AnonymousJoinDisabled | WrongConferenceKey => 5,
            LobbyDenied | LobbyTimeout => 6,
            Network => 7,
            Timeout => 8,
            Removed | Inactive | MeetingEnded | ConnectionLost | ServerError | Protocol => 1,
        }
    }

    /// Stable error id shown to users and support.
    pub fn id(self) -> &'static str {
        use FailureKind::*;
        match self {
            BadInput => "GJ-BAD-INPUT",
            ServiceUnreachable => "GJ-SERVICE-UNREACHABLE",
            ServiceRefused => "GJ-SERVICE-REFUSED",
            Discovery => "GJ-DISCOVERY-FAILED",
            Application => "GJ-APPLICATION-FAILED",
            MeetingNotFound => "GJ-MEETING-NOT-FOUND",
            NotAllowed => "GJ-NOT-ALLOWED",
            AnonymousJoinDisabled => "GJ-ANONYMOUS-JOIN-OFF",
            WrongConferenceKey => "GJ-WRONG-CONFERENCE-KEY",
            LobbyDenied => "GJ-LOBBY-DENIED",
            LobbyTimeout => "GJ-LOBBY-TIMEOUT",
            Network => "GJ-NETWORK",
            Timeout => "GJ-TIMEOUT",
            Removed => "GJ-REMOVED",
            Inactive => "GJ-INACTIVE",
            MeetingEnded => "GJ-MEETING-ENDED",
            ConnectionLost => "GJ-CONNECTION-LOST",
            ServerError => "GJ-SERVER-ERROR",
            Protocol => "GJ-PROTOCOL",
        }
    }

    /// The title in English (the commands' output; the window uses its own language).
    pub fn title(self) -> String {
        crate::i18n::Tr::english().failure_title(self)
    }

    /// What to do, in English.
    pub fn remedy(self) -> String {
        crate::i18n::Tr::english().failure_remedy(self)
    }
}

/// A failure as reported to GUI, CLI and result line. No secrets in any field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FailureInfo {
    pub kind: FailureKind,
    pub id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<Step>,
    pub http_status: Option<u16>,
    pub code: Option<String>,
    pub subcode: Option<String>,
    pub message: String,
}

impl FailureInfo {
    pub fn new(kind: FailureKind, step: Option<Step>, message: impl Into<String>) -> Self {
        Self {
            kind,
            id: kind.id(),
            step,
            http_status: None,
            code: None,
            subcode: None,
            message: message.into(),
        }
    }

    pub fn with_codes(
        mut self,
        http_status: Option<u16>,
        code: Option<&str>,
        subcode: Option<&str>,
    ) -> Self {
        self.http_status = http_status;
        self.code = code.map(str::to_string);
        self.subcode = subcode.map(str::to_string);
        self
    }
}

/// Classify a failed `onlineMeetingInvitation` (its `reason` subcode/code), docs/protocol.md §9.2.
pub fn kind_for_join_reason(code: &UcwaCode, subcode: Option<&UcwaSubcode>) -> FailureKind {
    use UcwaSubcode as S;
    match subcode {
        Some(S::Denied | S::Declined) => FailureKind::LobbyDenied,
        Some(S::Timeout | S::Expired) => FailureKind::LobbyTimeout,
        Some(S::DestinationNotFound | S::ConversationNotFound) => FailureKind::MeetingNotFound,
        Some(
            S::NotAllowed
            | S::InviteesOnly
            | S::AttendeeNotAllowed
            | S::AnonymousNotAllowed
            | S::TooManyParticipants
            | S::TooManyLobbyParticipants,
        ) => FailureKind::NotAllowed,
        Some(S::Ejected | S::Removed) => FailureKind::Removed,
        Some(S::Ended | S::TemporarilyUnavailable) => FailureKind::MeetingEnded,
        _ => match code {
            UcwaCode::Forbidden => FailureKind::NotAllowed,
            UcwaCode::NotFound => FailureKind::MeetingNotFound,
            UcwaCode::Timeout => FailureKind::LobbyTimeout,
            UcwaCode::ServiceFailure | UcwaCode::ServiceUnavailable | UcwaCode::RemoteFailure => {
                FailureKind::ServerError
            }
            _ => FailureKind::Protocol,
        },
    }
}

/// Classify the end of a meeting the guest had joined (conversation or localParticipant gone).
pub fn kind_for_removal(subcode: Option<&UcwaSubcode>) -> FailureKind {
    use UcwaSubcode as S;
    match subcode {
        Some(S::Ejected | S::Removed) => FailureKind::Removed,
        Some(S::InactiveApplicationExpired | S::Timeout | S::Expired) => FailureKind::Inactive,
        _ => FailureKind::MeetingEnded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each class's place in `ALL`. No wildcard arm: adding a variant stops this compiling until
    /// it is given a place here, which is the reminder to list it in `ALL` at that place.
    fn place_in_all(kind: FailureKind) -> usize {
        use FailureKind::*;
        match kind {
            BadInput => 0,
            ServiceUnreachable => 1,
            ServiceRefused => 2,
            Discovery => 3,
            Application => 4,
            MeetingNotFound => 5,
            NotAllowed => 6,
            AnonymousJoinDisabled => 7,
            WrongConferenceKey => 8,
            LobbyDenied => 9,
            LobbyTimeout => 10,
            Network => 11,
            Timeout => 12,
            Removed => 13,
            Inactive => 14,
            MeetingEnded => 15,
            ConnectionLost => 16,
            ServerError => 17,
            Protocol => 18,
        }
    }

    #[test]
    fn all_lists_every_class_once_in_declaration_order() {
        for (i, kind) in FailureKind::ALL.into_iter().enumerate() {
            assert_eq!(place_in_all(kind), i, "{kind:?}");
            assert_eq!(kind as usize, i, "{kind:?} is out of declaration order");
        }
        // The last place given above is the last entry of `ALL`.
        assert_eq!(
            place_in_all(FailureKind::Protocol) + 1,
            FailureKind::ALL.len()
        );
    }

    #[test]
    fn exit_codes_follow_the_contract() {
        use FailureKind::*;
        let table = [
            (BadInput, 2),
            (ServiceUnreachable, 3),
            (ServiceRefused, 3),
            (Discovery, 4),
            (Application, 4),
            (MeetingNotFound, 5),
            (NotAllowed, 5),
            (LobbyDenied, 6),
            (LobbyTimeout, 6),
            (Network, 7),
            (Timeout, 8),
            (Removed, 1),
            (Protocol, 1),
        ];
        for (k, code) in table {
            assert_eq!(k.exit_code(), code, "{k:?}");
        }
        let mut ids: Vec<&str> = FailureKind::ALL.iter().map(|k| k.id()).collect();
        for k in FailureKind::ALL {
            assert!(k.id().starts_with("GJ-"));
            assert!(!k.title().is_empty() && k.remedy().ends_with('.'), "{k:?}");
            assert!((1..=8).contains(&k.exit_code()));
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), FailureKind::ALL.len(), "ids are unique");
    }

    #[test]
    fn join_reasons_map_to_classes() {
        assert_eq!(
            kind_for_join_reason(&UcwaCode::Forbidden, Some(&UcwaSubcode::Denied)),
            FailureKind::LobbyDenied
        );
        assert_eq!(
            kind_for_join_reason(&UcwaCode::Timeout, Some(&UcwaSubcode::Timeout)),
            FailureKind::LobbyTimeout
        );
        assert_eq!(
            kind_for_join_reason(&UcwaCode::Forbidden, Some(&UcwaSubcode::NotAllowed)),
            FailureKind::NotAllowed
        );
        assert_eq!(
            kind_for_join_reason(&UcwaCode::Forbidden, None),
            FailureKind::NotAllowed
        );
        assert_eq!(
            kind_for_join_reason(&UcwaCode::NotFound, Some(&UcwaSubcode::DestinationNotFound)),
            FailureKind::MeetingNotFound
        );
        assert_eq!(
            kind_for_join_reason(
                &UcwaCode::from("Weird"),
                Some(&UcwaSubcode::from("SomethingNew"))
            ),
            FailureKind::Protocol
        );
        assert_eq!(
            kind_for_removal(Some(&UcwaSubcode::Ejected)),
            FailureKind::Removed
        );
        assert_eq!(
            kind_for_removal(Some(&UcwaSubcode::Ended)),
            FailureKind::MeetingEnded
        );
        assert_eq!(
            kind_for_removal(Some(&UcwaSubcode::InactiveApplicationExpired)),
            FailureKind::Inactive
        );
        assert_eq!(kind_for_removal(None), FailureKind::MeetingEnded);
    }
}
