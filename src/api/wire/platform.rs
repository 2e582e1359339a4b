//! Trusted Application API (platform service) bodies used by the service application
//! (docs/protocol.md §A.1–A.6) and AAD's client-credentials token.

use serde::{Deserialize, Serialize};

use super::date::UcwaDate;
use super::hal::{Embedded, Links};
use super::oauth_error::OAuthError;

/// AAD v1 token response (client credentials).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AadTokenResponse {
    #[serde(default = "bearer")]
    pub token_type: String,
    /// Seconds; AAD sends it as a string in v1, as a number in v2.
    #[serde(deserialize_with = "super::hal::lenient_string", default)]
    pub expires_in: Option<String>,
    pub access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

fn bearer() -> String {
    "Bearer".to_string()
}

impl std::fmt::Debug for AadTokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AadTokenResponse")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("access_token", &"[redacted]")
            .finish()
    }
}

/// AAD's error body (`400 {"error": "invalid_client", "error_description": "AADSTS7000215: ..."}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AadErrorResponse {
    #[serde(default)]
    pub error: OAuthError,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// A generic HAL resource: `rel`, `_links`, `_embedded` and nothing else of interest.
/// Used for the platform discover document, the applications collection and capabilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct HalResource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
    #[serde(
        rename = "_embedded",
        default,
        skip_serializing_if = "Embedded::is_empty"
    )]
    pub embedded: Embedded,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::hal::lenient_string"
    )]
    pub etag: Option<String>,
}

/// `POST .../anonApplicationTokens` body (camelCase; the emulator matches names case-insensitively).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AnonTokenRequest {
    pub application_session_id: String,
    pub allowed_origins: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_url: Option<String>,
}

/// `200 {token: "psat=...", expiryTime, _links: {self, service:discover}}`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnonTokenResponse {
    pub token: String,
    pub expiry_time: UcwaDate,
    #[serde(rename = "_links", default)]
    pub links: Links,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
}

impl std::fmt::Debug for AnonTokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnonTokenResponse")
            .field("token", &"[redacted]")
            .field("expiry_time", &self.expiry_time)
            .finish_non_exhaustive()
    }
}

/// Ad-hoc meeting (docs/protocol.md §A.5); decoded for completeness of the samples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AdhocMeeting {
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub join_url: Option<String>,
    #[serde(default)]
    pub online_meeting_uri: Option<String>,
    #[serde(default)]
    pub online_meeting_id: Option<String>,
    #[serde(default)]
    pub conference_id: Option<String>,
    #[serde(default)]
    pub access_level: Option<String>,
    #[serde(default)]
    pub expiration_time: Option<UcwaDate>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// A service application's answer to a webhook callback (docs/protocol.md §A.12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct WebhookCallbackResponse {
    #[serde(
        rename = "CallbackContext",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_context: Option<String>,
}
