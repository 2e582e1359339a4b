//! How an operation went and which way it went: the `status` of operation events and messages
//! (`Success`, `Failure`) and the `direction` of invitations and messages. Servers differ in
//! case here, so these words match whatever their case.

use super::vocabulary::{ignore_case, vocabulary};

vocabulary! {
    /// An operation event's `status`, a message's `status`.
    pub enum OperationStatus, match_with = ignore_case {
        Success = "Success",
        Failure = "Failure",
        /// A message's `status` when it was not delivered.
        Failed = "Failed",
    }
}

impl OperationStatus {
    /// `Failure` or `Failed`.
    pub fn is_failure(&self) -> bool {
        matches!(self, OperationStatus::Failure | OperationStatus::Failed)
    }
}

vocabulary! {
    /// An invitation's or a message's `direction`.
    pub enum Direction, match_with = ignore_case {
        Incoming = "Incoming",
        Outgoing = "Outgoing",
    }
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::assert_round_trips;
    use super::*;

    #[test]
    fn words_round_trip_and_keep_unknown_words() {
        assert_round_trips(OperationStatus::KNOWN, "Pending");
        assert_round_trips(Direction::KNOWN, "Sideways");
    }

    #[test]
    fn case_does_not_matter_and_the_canonical_spelling_is_kept() {
        assert_eq!(OperationStatus::from("success"), OperationStatus::Success);
        assert_eq!(OperationStatus::from("FAILED").as_str(), "Failed");
        assert!(OperationStatus::from("failure").is_failure());
        assert!(!OperationStatus::Success.is_failure());
        assert_eq!(Direction::from("outgoing"), Direction::Outgoing);
    }
}
