//! A meeting's telephone side in the emulated world (docs/protocol.md §6a): dial-in
//! conferencing (the regions' numbers, the conference ID, a third-party audio conference
//! provider), whether the server calls a guest ("call me") and what the called phone does.
//! Part of [`crate::emulator::config::MeetingSpec`].

use serde::{Deserialize, Serialize};

/// The telephone side of one meeting. The default: no dial-in, no "call me".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MeetingPhone {
    /// Dial-in conferencing; `None`: phone users may not join (`phoneUserAdmission` Disabled,
    /// no `phoneDialInInformation` link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dial_in: Option<DialIn>,
    /// Whether the server calls a guest who asks ("call me"), and how it refuses.
    #[serde(default)]
    pub dial_out: DialOut,
    /// What the guest's phone does when the server calls it.
    #[serde(default)]
    pub script: PhoneScript,
}

/// The organizer's policy on calling anonymous guests (`AllowAnonymousUsersToDialOut`) as the
/// emulator plays it; which refusal a real server gives is not documented, so both are here
/// (docs/protocol.md §6a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DialOut {
    /// Not allowed, and not offered: `phoneAudio` has no `addPhoneAudio` link (the default,
    /// as the policy's default is off).
    #[default]
    NotOffered,
    /// Offered, then refused at once: `403 Forbidden/DialoutNotAllowed`.
    RefusedAtOnce,
    /// Offered and accepted (`201`), then the invitation completes with `Failure`
    /// `Forbidden/DialoutNotAllowed`.
    RefusedLater,
    /// Allowed: the server calls, and [`PhoneScript`] says what the phone does.
    Allowed,
}

/// What the called phone does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneScript {
    pub outcome: PhoneOutcome,
    /// How long it rings before the outcome, ms.
    #[serde(default = "default_ring_ms")]
    pub after_ms: u64,
    /// Answered calls only: the guest hangs up after this long, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hang_up_after_ms: Option<u64>,
}

fn default_ring_ms() -> u64 {
    1500
}

impl Default for PhoneScript {
    fn default() -> Self {
        Self {
            outcome: PhoneOutcome::Answer,
            after_ms: default_ring_ms(),
            hang_up_after_ms: None,
        }
    }
}

/// How a ringing phone ends its ringing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneOutcome {
    /// The guest answers: the call joins the meeting.
    Answer,
    /// The line is busy.
    Busy,
    /// Nobody answers.
    NoAnswer,
    /// The guest rejects the call.
    Decline,
}

/// Dial-in conferencing of a meeting (`phoneDialInInformation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialIn {
    /// The conference ID a caller types after dialling (digits; not the meeting's key in its
    /// join link).
    pub conference_id: String,
    /// The regions' numbers, in the order the server lists them.
    pub regions: Vec<DialInRegionSpec>,
    /// The region the organizer's dial plan names as default (`defaultRegion`).
    pub default_region: String,
    /// The web page listing every local number (`externalDirectoryUri`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directory_url: Option<String>,
    /// A third-party audio conference provider's bridge, when the meeting uses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<AudioProvider>,
}

/// One region's dial-in number (`dialInRegion`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialInRegionSpec {
    pub name: String,
    /// E.164, e.g. `+14255550001` (served as `tel:+14255550001`).
    pub number: String,
    /// The languages its auto attendant speaks, e.g. `en-US`.
    #[serde(default)]
    pub languages: Vec<String>,
}

/// A third-party audio conference provider (ACP): its own numbers and passcode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudioProvider {
    pub toll_number: String,
    #[serde(default)]
    pub toll_free_numbers: Vec<String>,
    pub participant_passcode: String,
}

impl DialIn {
    /// A dial-in set-up as the demo and tests use it: two regions (the second the default) and
    /// the directory page, no provider. The numbers are in the ranges reserved for fiction
    /// (North America 555-0100…0199, Berlin 030 23125 xxx), so no real line rings.
    pub fn sample() -> Self {
        Self {
            conference_id: "12983487".into(),
            regions: vec![
                DialInRegionSpec {
                    name: "Redmond".into(),
                    number: "+14255550123".into(),
                    languages: vec!["en-US".into(), "fr-FR".into()],
                },
                DialInRegionSpec {
                    name: "Berlin".into(),
                    number: "+493023125100".into(),
                    languages: vec!["de-DE".into(), "en-US".into()],
                },
            ],
            default_region: "Berlin".into(),
            directory_url: Some("https://dialin.contoso.example/".into()),
            provider: None,
        }
    }

    /// The sample with a provider bridge as well.
    pub fn sample_with_provider() -> Self {
        Self {
            provider: Some(AudioProvider {
                toll_number: "+18005550142".into(),
                toll_free_numbers: vec!["+18885550199".into()],
                participant_passcode: "4477120".into(),
            }),
            ..Self::sample()
        }
    }
}
