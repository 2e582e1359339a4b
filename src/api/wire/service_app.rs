//! The service-application contract (docs/design.md §4): what the client POSTs to the token URL
//! and what the service application answers. Field names are the ones Microsoft's sample service
//! used.

use serde::{Deserialize, Serialize};

/// Form fields of `POST <token URL>` (also accepted as JSON by the reference service).
pub const FIELD_APPLICATION_SESSION_ID: &str = "ApplicationSessionId";
pub const FIELD_ALLOWED_ORIGINS: &str = "AllowedOrigins";
pub const FIELD_MEETING_URL: &str = "MeetingUrl";

/// Request to the service application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRequest {
    #[serde(rename = "ApplicationSessionId")]
    pub application_session_id: String,
    #[serde(rename = "AllowedOrigins")]
    pub allowed_origins: String,
    #[serde(rename = "MeetingUrl")]
    pub meeting_url: String,
}

/// `200 {"DiscoverUri", "Token", "TenantEndpointId", "ExpireTime"}`; all strings.
///
/// Every field is optional at the serde level so that a response missing one is reported as
/// "the service answered without Token" rather than as a generic decoding failure.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TokenResponse {
    #[serde(rename = "DiscoverUri", alias = "discoverUri", default)]
    pub discover_uri: Option<String>,
    #[serde(rename = "Token", alias = "token", default)]
    pub token: Option<String>,
    #[serde(
        rename = "TenantEndpointId",
        alias = "tenantEndpointId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tenant_endpoint_id: Option<String>,
    #[serde(rename = "ExpireTime", alias = "expireTime", default)]
    pub expire_time: Option<String>,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field(
                "discover_uri",
                &self.discover_uri.as_ref().map(|_| "[redacted]"),
            )
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .field("tenant_endpoint_id", &self.tenant_endpoint_id)
            .field("expire_time", &self.expire_time)
            .finish()
    }
}

/// `GET /health` of the reference service application: `{"status": "ok", "discovery_cached": bool}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ServiceHealth {
    #[serde(default)]
    pub status: String,
    /// Whether the upstream discovery (the `anonApplicationTokens` link) is cached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_cached: Option<bool>,
}
