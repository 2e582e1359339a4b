//! The states UCWA resources report (docs/protocol.md §5.1, §7): a conversation's, a
//! modality's (messaging), an invitation's. Compared as spelled, as the protocol prints them.

use super::vocabulary::{exact, vocabulary};

vocabulary! {
    /// `conversation.state`.
    pub enum ConversationState, match_with = exact {
        Connecting = "Connecting",
        /// The guest waits in the meeting's lobby.
        InLobby = "InLobby",
        Conferencing = "Conferencing",
        /// In the meeting (what the emulator sends on admission).
        Conferenced = "Conferenced",
        /// In the meeting (what some servers send instead of `Conferenced`).
        Connected = "Connected",
        Disconnected = "Disconnected",
    }
}

impl ConversationState {
    /// The guest is in the meeting: `Conferenced` or `Connected` (docs/protocol.md §11 D10).
    pub fn is_admitted(&self) -> bool {
        matches!(
            self,
            ConversationState::Conferenced | ConversationState::Connected
        )
    }
}

vocabulary! {
    /// The state of a modality, e.g. `messaging.state`.
    pub enum ModalityState, match_with = exact {
        Disconnected = "Disconnected",
        Connecting = "Connecting",
        Connected = "Connected",
    }
}

vocabulary! {
    /// The state of an invitation (`onlineMeetingInvitation`, `messagingInvitation`).
    pub enum InvitationState, match_with = exact {
        Connecting = "Connecting",
        Connected = "Connected",
        Failed = "Failed",
        Declined = "Declined",
        Cancelled = "Cancelled",
    }
}

impl InvitationState {
    /// The invitation ended without the guest getting in.
    pub fn is_failed(&self) -> bool {
        matches!(
            self,
            InvitationState::Failed | InvitationState::Declined | InvitationState::Cancelled
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::assert_round_trips;
    use super::*;

    #[test]
    fn states_round_trip_and_keep_unknown_words() {
        assert_round_trips(ConversationState::KNOWN, "Transferring");
        assert_round_trips(ModalityState::KNOWN, "Notified");
        assert_round_trips(InvitationState::KNOWN, "Ringing");
    }

    #[test]
    fn states_match_only_as_spelled() {
        assert_eq!(
            ConversationState::from("inlobby"),
            ConversationState::Unknown("inlobby".into())
        );
        assert!(ConversationState::Connected.is_admitted());
        assert!(!ConversationState::InLobby.is_admitted());
        assert!(InvitationState::Declined.is_failed());
        assert!(!InvitationState::Connected.is_failed());
    }
}
