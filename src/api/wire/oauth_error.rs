//! OAuth 2.0 `error` codes (RFC 6749 §5.2) as Azure AD and the WebTicket service answer them
//! (docs/protocol.md §B.3, §9.2).

use super::vocabulary::{exact, vocabulary};

vocabulary! {
    /// The `error` of an OAuth error answer.
    pub enum OAuthError, match_with = exact {
        InvalidRequest = "invalid_request",
        InvalidClient = "invalid_client",
        /// WebTicket: the conference key or address was not accepted.
        InvalidGrant = "invalid_grant",
        UnauthorizedClient = "unauthorized_client",
        /// WebTicket: anonymous meeting join is not allowed.
        UnsupportedGrantType = "unsupported_grant_type",
        InvalidScope = "invalid_scope",
        ServerError = "server_error",
    }
}

impl OAuthError {
    /// What the code means when the WebTicket service answers it, in words.
    pub fn meaning(&self) -> &'static str {
        match self {
            OAuthError::InvalidGrant => "the conference key or address was not accepted",
            OAuthError::UnsupportedGrantType => "anonymous meeting join is not allowed",
            OAuthError::InvalidRequest => "the grant request was incomplete",
            OAuthError::InvalidScope => "the requested scope was refused",
            OAuthError::ServerError => "the web ticket service failed",
            _ => "the grant was refused",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::assert_round_trips;
    use super::*;

    #[test]
    fn oauth_errors_round_trip_and_keep_unknown_words() {
        assert_round_trips(OAuthError::KNOWN, "slow_down");
        assert_eq!(
            OAuthError::from("invalid_grant").meaning(),
            "the conference key or address was not accepted"
        );
        assert_eq!(
            OAuthError::from("whatever").meaning(),
            "the grant was refused"
        );
    }
}
