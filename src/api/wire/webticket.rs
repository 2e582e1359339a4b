//! On-premises WebTicket token endpoint bodies (PROTOCOL B.3).

use serde::{Deserialize, Serialize};

use super::hal::lenient_string;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebTicketToken {
    pub access_token: String,
    #[serde(default = "bearer")]
    pub token_type: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub expires_in: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms_rtc_identityscope: Option<String>,
}

fn bearer() -> String {
    "Bearer".to_string()
}

impl std::fmt::Debug for WebTicketToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebTicketToken")
            .field("access_token", &"[redacted]")
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

/// `400 {"error": "invalid_grant" | "unsupported_grant_type" | ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct WebTicketError {
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms_rtc_passiveauthuri: Option<String>,
}
