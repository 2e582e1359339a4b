//! A meeting's telephone side in the emulated world (docs/protocol.md §6a): dial-in
//! conferencing (the regions' numbers, the conference ID, a third-party audio conference
//! provider). Part of [`crate::emulator::config::MeetingSpec`].

use serde::{Deserialize, Serialize};

/// The telephone side of one meeting. The default: no dial-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MeetingPhone {
    /// Dial-in conferencing; `None`: phone users may not join (`phoneUserAdmission` Disabled,
    /// no `phoneDialInInformation` link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dial_in: Option<DialIn>,
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
