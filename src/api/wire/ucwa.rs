//! UCWA resources a guest meets (docs/protocol.md §A.7–A.10, §5.1; bare section numbers below are
//! that document's): the anonymous discover document, the application, `me`, `communication`, the
//! meeting invitation, conversation, participants, onlineMeeting. Unknown fields are ignored
//! everywhere; every property is optional unless the protocol guarantees it, so partial embedded
//! resources in events still decode.

use serde::{Deserialize, Serialize};

use super::date::UcwaDate;
use super::hal::{Embedded, Links, lenient_string};
use super::operation::{Direction, OperationStatus};
use super::rel::Rel;
use super::role::Role;
use super::state::{ConversationState, InvitationState, ModalityState};

/// Keys under which a discover document may carry the conference URI (§A.7, §11 D3), as a
/// property (name compared case-insensitively) or a link.
pub const CONFERENCE_URI_KEYS: [Rel; 3] =
    [Rel::ConferenceId, Rel::OnlineMeetingUri, Rel::ConferenceUri];

/// Guest discover response (`GET <DiscoverUri>`): links plus, for meeting tokens, the conference
/// URI under an unpublished key. Extra properties are kept so the client can search them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct AnonDiscover {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
    #[serde(flatten)]
    pub properties: serde_json::Map<String, serde_json::Value>,
}

/// `POST anonApplications` body (§A.8). The client sends camelCase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationRequest {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        alias = "AnonymousDisplayName"
    )]
    pub anonymous_display_name: Option<String>,
    #[serde(default, alias = "Culture")]
    pub culture: String,
    #[serde(default, alias = "UserAgent")]
    pub user_agent: String,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "EndpointId")]
    pub endpoint_id: Option<String>,
}

/// The application resource (201 of §A.8, `GET {app}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub culture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<UcwaDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub etag: Option<String>,
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
}

/// `me` (anonymous: `uri`, `name`, `self` only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Me {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// `communication`: the sender of conversation and invitation events; holds `joinOnlineMeeting`.
/// Its random-named "please pass this in a PUT request" property is preserved in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Communication {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supported_modalities: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supported_message_formats: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// `POST onlineMeetingInvitations` body (§A.10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct OnlineMeetingInvitationRequest {
    #[serde(default, alias = "OnlineMeetingUri")]
    pub online_meeting_uri: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        alias = "AnonymousDisplayName"
    )]
    pub anonymous_display_name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        alias = "OperationId"
    )]
    pub operation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "Importance")]
    pub importance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "Subject")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "ThreadId")]
    pub thread_id: Option<String>,
}

/// `onlineMeetingInvitation` operation resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct OnlineMeetingInvitation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvitationState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_meeting_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous_display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
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
}

/// `conversation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ConversationState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_modalities: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_meeting_lobby_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_time: Option<UcwaDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// `participant` / `localParticipant` (embedded objects carry `"rel":"participant"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_lobby: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_network: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// `onlineMeeting` (read-only meeting info attached to the conversation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct OnlineMeeting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_meeting_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_meeting_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    /// `Enabled`: people may join by phone (dial-in); `Disabled`: they may not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_user_admission: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lobby_bypass_for_phone_users: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_time: Option<UcwaDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// `messaging` modality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Messaging {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ModalityState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negotiated_message_formats: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// `messagingInvitation` operation resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MessagingInvitation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvitationState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
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
}

/// `message` (incoming or outgoing IM); the body is a `plainMessage`/`htmlMessage` data: link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OperationStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_stamp: Option<UcwaDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// `POST addMessaging` / `startMessaging` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MessagingRequest {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        alias = "OperationId"
    )]
    pub operation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// Trusted Application API only: per-conversation webhook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}
