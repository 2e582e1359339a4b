//! The `code` and `subcode` of a UCWA error (docs/protocol.md §2.4, §9): what the emulator
//! writes in error bodies and `reason` blocks, and what the engine classifies failures by.
//! Compared as spelled.

use super::vocabulary::{exact, vocabulary};

vocabulary! {
    /// A UCWA error's `code`.
    pub enum UcwaCode, match_with = exact {
        BadRequest = "BadRequest",
        Unauthorized = "Unauthorized",
        Forbidden = "Forbidden",
        NotFound = "NotFound",
        MethodNotAllowed = "MethodNotAllowed",
        ClientTimeout = "ClientTimeout",
        Conflict = "Conflict",
        Gone = "Gone",
        PreConditionFailed = "PreConditionFailed",
        EntityTooLarge = "EntityTooLarge",
        UnsupportedMediaType = "UnsupportedMediaType",
        PreConditionRequired = "PreConditionRequired",
        TooManyRequests = "TooManyRequests",
        ServiceFailure = "ServiceFailure",
        ServiceUnavailable = "ServiceUnavailable",
        Timeout = "Timeout",
        /// A party the server relied on failed (e.g. a message the meeting did not deliver).
        RemoteFailure = "RemoteFailure",
        /// The guest's own side failed (e.g. the guest's phone did not take the call).
        LocalFailure = "LocalFailure",
        Informational = "Informational",
    }
}

vocabulary! {
    /// A UCWA error's `subcode`.
    pub enum UcwaSubcode, match_with = exact {
        AlreadyExists = "AlreadyExists",
        AnonymousNotAllowed = "AnonymousNotAllowed",
        ApplicationNotFound = "ApplicationNotFound",
        AttendeeNotAllowed = "AttendeeNotAllowed",
        /// The phone called was busy (the emulator's word; docs/protocol.md §6a).
        Busy = "Busy",
        /// The guest left the lobby (UCWA's spelling, one `l`).
        Canceled = "Canceled",
        ConversationNotFound = "ConversationNotFound",
        Declined = "Declined",
        /// A leader turned the guest away from the lobby.
        Denied = "Denied",
        DeserializationFailure = "DeserializationFailure",
        DestinationNotFound = "DestinationNotFound",
        /// The organizer's policy does not let the server call a guest.
        DialoutNotAllowed = "DialoutNotAllowed",
        /// A leader removed the guest from the meeting.
        Ejected = "Ejected",
        /// The meeting ended.
        Ended = "Ended",
        Expired = "Expired",
        ExpiredToken = "ExpiredToken",
        /// The application expired because its event channel was silent.
        InactiveApplicationExpired = "InactiveApplicationExpired",
        InvalidToken = "InvalidToken",
        InviteesOnly = "InviteesOnly",
        /// The phone number could not be made a dialable number.
        NormalizationFailed = "NormalizationFailed",
        NotAllowed = "NotAllowed",
        OperationNotSupported = "OperationNotSupported",
        ParameterValidationFailure = "ParameterValidationFailure",
        /// Another P-GET took over the event channel.
        PGetReplaced = "PGetReplaced",
        /// The call to the guest's phone failed (rejected, for one).
        PstnCallFailed = "PstnCallFailed",
        Removed = "Removed",
        ServiceTimeout = "ServiceTimeout",
        TemporarilyUnavailable = "TemporarilyUnavailable",
        Timeout = "Timeout",
        TooManyLobbyParticipants = "TooManyLobbyParticipants",
        TooManyParticipants = "TooManyParticipants",
        Unreachable = "Unreachable",
    }
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::assert_round_trips;
    use super::*;

    #[test]
    fn codes_round_trip_and_keep_unknown_words() {
        assert_round_trips(UcwaCode::KNOWN, "Teapot");
        assert_round_trips(UcwaSubcode::KNOWN, "SomethingNew");
        assert_eq!(
            UcwaCode::from("notfound"),
            UcwaCode::Unknown("notfound".into())
        );
        assert!(UcwaSubcode::from("pgetreplaced").eq_ignore_case(&UcwaSubcode::PGetReplaced));
        assert_eq!(UcwaCode::default().as_str(), "");
    }
}
