//! A participant's `role` in a meeting (docs/protocol.md §5.1).

use super::vocabulary::{exact, vocabulary};

vocabulary! {
    /// `participant.role`.
    pub enum Role, match_with = exact {
        Leader = "Leader",
        Attendee = "Attendee",
    }
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::assert_round_trips;
    use super::*;

    #[test]
    fn roles_round_trip_and_keep_unknown_words() {
        assert_round_trips(Role::KNOWN, "Presenter");
        assert_eq!(Role::from("leader"), Role::Unknown("leader".into()));
    }
}
