//! Error bodies: the UCWA error (docs/protocol.md §2.4, also the `reason` block of events) and
//! the service application's error (docs/design.md §4).

use serde::{Deserialize, Serialize};

use super::error_code::{UcwaCode, UcwaSubcode};
use super::hal::Link;

/// `{"code": "Conflict", "subcode": "AlreadyExists", "message": "..."}`; only `code` is mandatory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct UcwaError {
    #[serde(default)]
    pub code: UcwaCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcode: Option<UcwaSubcode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<serde_json::Value>,
    #[serde(default, rename = "debugInfo", skip_serializing_if = "Option::is_none")]
    pub debug_info: Option<serde_json::Value>,
}

impl UcwaError {
    pub fn new(code: UcwaCode, subcode: Option<UcwaSubcode>, message: &str) -> Self {
        Self {
            code,
            subcode,
            message: Some(message.to_string()),
            ..Self::default()
        }
    }
}

/// `{"Error": "text", "Code": "StableCode"}` from the service application. Old servers send only
/// `Error`; field names are matched case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ServiceError {
    #[serde(
        rename = "Error",
        alias = "error",
        alias = "message",
        alias = "Message",
        default
    )]
    pub error: String,
    #[serde(
        rename = "Code",
        alias = "code",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
}
