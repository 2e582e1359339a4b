//! The meeting's telephone side as UCWA describes it (docs/protocol.md §6a):
//! `phoneDialInInformation` and its `dialInRegion`s, linked from the conversation's
//! `onlineMeeting`; `phoneAudio`, its `addPhoneAudio` request and the `phoneAudioInvitation` it
//! starts ("call me"). Every property is optional, so a partial answer still decodes.

use serde::{Deserialize, Serialize};

use super::hal::{Embedded, Links};
use super::operation::Direction;
use super::state::InvitationState;
use super::vocabulary::{exact, vocabulary};

/// `phoneDialInInformation`: the meeting's dial-in numbers by region, its conference ID, and a
/// third-party audio conference provider's (ACP) numbers when one is enabled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PhoneDialInInformation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_region: Option<String>,
    /// The "find a local number" page reachable from outside the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_directory_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_directory_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_audio_conference_provider_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_pass_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll_free_numbers: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// `dialInRegion`: an array of [`DialInRegion`].
    #[serde(
        rename = "_embedded",
        default,
        skip_serializing_if = "Embedded::is_empty"
    )]
    pub embedded: Embedded,
}

/// `dialInRegion`: one region's number (`tel:+…`) and the languages its attendant speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DialInRegion {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

vocabulary! {
    /// `phoneAudio.state` (UCWA's `CallState`).
    pub enum CallState, match_with = exact {
        Disconnected = "Disconnected",
        Connecting = "Connecting",
        Connected = "Connected",
        Disconnecting = "Disconnecting",
        Transferring = "Transferring",
    }
}

/// `phoneAudio`: the conversation's telephone modality. `addPhoneAudio` is offered where the
/// organizer's policy lets the server call a guest ("call me"); `stopPhoneAudio` while a call
/// is connecting or connected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PhoneAudio {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<CallState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// `POST <addPhoneAudio>` body: ring `phone_number` and put the call into the conversation
/// with `to` (the meeting's URI). An anonymous guest has no number on file, so it always sends
/// one (`tel:+E164`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PhoneAudioRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub to: String,
}

/// `phoneAudioInvitation`: the "call me" operation; `completed` with `Success` when the guest
/// answered, `Failure` and a `reason` otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PhoneAudioInvitation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvitationState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::Rel;

    /// The documentation's sample (phoneDialInInformation_ref.md), as published.
    #[test]
    fn the_published_sample_decodes() {
        let text = r#"{
          "rel" : "phoneDialInInformation", "conferenceId" : "12983487", "defaultRegion" : "Redmond",
          "externalDirectoryUri" : "https://dial.contoso.com", "internalDirectoryUri" : "https://dial.contoso.com",
          "isAudioConferenceProviderEnabled" : false, "participantPassCode" : "samplevalue",
          "tollFreeNumbers" : [ "samplevalue" ], "tollNumber" : "samplevalue",
          "_links" : { "self" : { "href" : "/ucwa/v1/applications/192/onlineMeetings/phoneDialInInformation" } },
          "_embedded" : { "dialInRegion" : [ { "rel" : "dialInRegion", "languages" : [ "en-US", "fr-FR" ],
              "name" : "Redmond", "number" : "tel:+14255550001",
              "_links" : { "self" : { "href" : "/ucwa/v1/applications/192/onlineMeetings/phoneDialInInformation/687" } } } ] }
        }"#;
        let info: PhoneDialInInformation = serde_json::from_str(text).unwrap();
        assert_eq!(info.conference_id.as_deref(), Some("12983487"));
        assert_eq!(info.is_audio_conference_provider_enabled, Some(false));
        let regions: Vec<DialInRegion> = info
            .embedded
            .get_all(Rel::DialInRegion)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].number.as_deref(), Some("tel:+14255550001"));
        assert_eq!(regions[0].languages, ["en-US", "fr-FR"]);
    }

    #[test]
    fn call_states_round_trip() {
        crate::api::wire::vocabulary::assert_round_trips(CallState::KNOWN, "OnHold");
    }

    /// The documentation's `phoneAudio` and `addPhoneAudio` samples (quotes normalised).
    #[test]
    fn the_published_phone_audio_samples_decode() {
        let audio: PhoneAudio = serde_json::from_str(
            r#"{"rel":"phoneAudio","state":"Transferring","_links":{
              "self":{"href":"/ucwa/v1/applications/192/communication/phoneAudio"},
              "addPhoneAudio":{"href":"/ucwa/v1/applications/192/communication/phoneAudio/addPhoneAudio"},
              "stopPhoneAudio":{"href":"/ucwa/v1/applications/192/communication/phoneAudio/stopPhoneAudio"}}}"#,
        )
        .unwrap();
        assert_eq!(audio.state, Some(CallState::Transferring));
        assert!(audio.links.has(Rel::AddPhoneAudio) && audio.links.has(Rel::StopPhoneAudio));
        let req: PhoneAudioRequest = serde_json::from_str(
            r#"{"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234","to":"sip:john@contoso.com"}"#,
        )
        .unwrap();
        assert_eq!(req.phone_number.as_deref(), Some("tel:+14255551234"));
        assert_eq!(req.to, "sip:john@contoso.com");
    }
}
