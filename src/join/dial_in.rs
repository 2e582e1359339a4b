//! The meeting's dial-in details as a guest sees them (docs/protocol.md §6a): read from the
//! server's `phoneDialInInformation`, checked (numbers are `+` and digits, the conference ID
//! digits, the directory page an `https` URL), the default region first. Pure: wire in, model
//! out.

use serde::Serialize;

use crate::api::wire::Rel;
use crate::api::wire::phone::{DialInRegion, PhoneDialInInformation};

/// At most this many regions are shown (a real list has a few dozen at most).
const MAX_REGIONS: usize = 60;
/// A region's name is cut to this many characters.
const MAX_NAME: usize = 60;

/// How to join the meeting by phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DialIn {
    /// The numbers, the default region's first.
    pub numbers: Vec<DialInNumber>,
    /// The conference ID to type after dialling (digits), when the meeting has one.
    pub conference_id: Option<String>,
    /// The page listing every local number.
    pub directory_url: Option<String>,
    /// The third-party audio conference provider's bridge, when it is enabled.
    pub provider: Option<ProviderBridge>,
}

/// One region's dial-in number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DialInNumber {
    pub region: String,
    /// E.164: `+` and digits.
    pub number: String,
    pub languages: Vec<String>,
    /// The organizer's default region.
    pub default: bool,
}

/// An audio conference provider's numbers and the participant passcode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderBridge {
    pub toll_number: Option<String>,
    pub toll_free_numbers: Vec<String>,
    pub passcode: Option<String>,
}

impl DialIn {
    /// The guest-facing details of `info`, or `None` when it offers no way to dial in (no
    /// usable number anywhere).
    pub fn from_wire(info: &PhoneDialInInformation) -> Option<DialIn> {
        let default_region = info.default_region.as_deref().map(str::trim);
        let mut numbers: Vec<DialInNumber> = info
            .embedded
            .get_all::<DialInRegion>(Rel::DialInRegion)
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|r| {
                let number = phone_number(r.number.as_deref()?)?;
                let region = clean_text(r.name.as_deref().unwrap_or_default(), MAX_NAME);
                Some(DialInNumber {
                    default: default_region.is_some_and(|d| d.eq_ignore_ascii_case(&region)),
                    region,
                    number,
                    languages: r
                        .languages
                        .iter()
                        .map(|l| clean_text(l, 20))
                        .filter(|l| !l.is_empty())
                        .take(10)
                        .collect(),
                })
            })
            .take(MAX_REGIONS)
            .collect();
        // The default region first; the others keep the server's order.
        numbers.sort_by_key(|n| !n.default);
        let provider = (info.is_audio_conference_provider_enabled == Some(true))
            .then(|| ProviderBridge {
                toll_number: info.toll_number.as_deref().and_then(phone_number),
                toll_free_numbers: info
                    .toll_free_numbers
                    .iter()
                    .flatten()
                    .filter_map(|n| phone_number(n))
                    .take(MAX_REGIONS)
                    .collect(),
                passcode: info.participant_pass_code.as_deref().and_then(digits),
            })
            .filter(|p| p.toll_number.is_some() || !p.toll_free_numbers.is_empty());
        if numbers.is_empty() && provider.is_none() {
            return None;
        }
        Some(DialIn {
            numbers,
            conference_id: info.conference_id.as_deref().and_then(digits),
            directory_url: info.external_directory_uri.as_deref().and_then(https_url),
            provider,
        })
    }

    /// What a phone dials to reach the meeting through `number` without typing: the number,
    /// two pauses, the conference ID and `#` (`+14255550001,,12983487#`); the bare number when
    /// the meeting has no conference ID.
    pub fn dial_string(&self, number: &str) -> String {
        match &self.conference_id {
            Some(id) => format!("{number},,{id}#"),
            None => number.to_string(),
        }
    }

    /// The same for the provider's bridge, with its passcode.
    pub fn provider_dial_string(&self, number: &str) -> String {
        match self.provider.as_ref().and_then(|p| p.passcode.as_ref()) {
            Some(code) => format!("{number},,{code}#"),
            None => number.to_string(),
        }
    }
}

/// `tel:+14255550001` or `+1 (425) 555-0001` → `+14255550001`; `None` when it is not a phone
/// number (letters, no digits, too long).
fn phone_number(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = raw
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("tel:"))
        .map_or(raw, |_| &raw[4..]);
    let mut out = String::new();
    for (i, c) in raw.trim().chars().enumerate() {
        match c {
            '+' if i == 0 => out.push('+'),
            '0'..='9' => out.push(c),
            ' ' | '-' | '(' | ')' | '.' => {}
            _ => return None,
        }
    }
    let count = out.chars().filter(char::is_ascii_digit).count();
    (3..=15).contains(&count).then_some(out)
}

/// A code made of digits only (a conference ID or a passcode); `None` for anything else (a
/// Skype for Business ad-hoc meeting's ID is letters: no ID to type on a phone).
fn digits(raw: &str) -> Option<String> {
    let raw = raw.trim();
    (!raw.is_empty() && raw.len() <= 20 && raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| raw.to_string())
}

fn https_url(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw.trim()).ok()?;
    (url.scheme() == "https" && url.host_str().is_some()).then(|| url.to_string())
}

/// Control and direction-override characters dropped, whitespace collapsed, cut at `max`
/// characters.
fn clean_text(raw: &str, max: usize) -> String {
    let invisible = |c: &char| {
        c.is_control()
            || matches!(c, '\u{200e}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    raw.split_whitespace()
        .map(|w| w.chars().filter(|c| !invisible(c)).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::Embedded;

    fn info(regions: serde_json::Value, extra: serde_json::Value) -> PhoneDialInInformation {
        let mut v = serde_json::json!({
            "conferenceId": "12983487",
            "defaultRegion": "Berlin",
            "externalDirectoryUri": "https://dial.contoso.example/",
            "_embedded": {"dialInRegion": regions}
        });
        if let (Some(obj), Some(more)) = (v.as_object_mut(), extra.as_object()) {
            obj.extend(more.clone());
        }
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn numbers_come_default_region_first_with_the_dial_string() {
        let d = DialIn::from_wire(&info(
            serde_json::json!([
                {"name": "Redmond", "number": "tel:+14255550001", "languages": ["en-US"]},
                {"name": "Berlin", "number": "TEL:+49 30 555-0100", "languages": ["de-DE"]}
            ]),
            serde_json::json!({}),
        ))
        .unwrap();
        let numbers: Vec<(&str, &str, bool)> = d
            .numbers
            .iter()
            .map(|n| (n.region.as_str(), n.number.as_str(), n.default))
            .collect();
        assert_eq!(
            numbers,
            [
                ("Berlin", "+49305550100", true),
                ("Redmond", "+14255550001", false)
            ]
        );
        assert_eq!(d.conference_id.as_deref(), Some("12983487"));
        assert_eq!(d.dial_string("+14255550001"), "+14255550001,,12983487#");
        assert_eq!(
            d.directory_url.as_deref(),
            Some("https://dial.contoso.example/")
        );
        assert_eq!(d.provider, None, "the provider is off unless enabled");
    }

    #[test]
    fn the_provider_shows_only_when_enabled() {
        let d = DialIn::from_wire(&info(
            serde_json::json!([]),
            serde_json::json!({
                "isAudioConferenceProviderEnabled": true,
                "tollNumber": "+18005550123",
                "tollFreeNumbers": ["+18885550124", "call us"],
                "participantPassCode": "4477120"
            }),
        ))
        .unwrap();
        let p = d.provider.clone().unwrap();
        assert_eq!(p.toll_number.as_deref(), Some("+18005550123"));
        assert_eq!(p.toll_free_numbers, ["+18885550124"]);
        assert_eq!(
            d.provider_dial_string("+18885550124"),
            "+18885550124,,4477120#"
        );
        let off = DialIn::from_wire(&info(
            serde_json::json!([]),
            serde_json::json!({"isAudioConferenceProviderEnabled": false, "tollNumber": "+18005550123"}),
        ));
        assert_eq!(off, None, "no region and no provider: nothing to dial");
    }

    #[test]
    fn bad_server_values_are_dropped_not_shown() {
        let d = DialIn::from_wire(&info(
            serde_json::json!([
                {"name": "Evil\u{202e}\nRegion", "number": "tel:+1425javascript:alert(1)"},
                {"name": "Short", "number": "12"},
                {"name": "  Os\u{202e}lo \u{7} ", "number": "+4721555010"},
                "not an object"
            ]),
            serde_json::json!({
                "conferenceId": "YOKMXY1C",
                "externalDirectoryUri": "javascript:alert(1)"
            }),
        ))
        .unwrap();
        assert_eq!(d.numbers.len(), 1);
        assert_eq!(d.numbers[0].region, "Oslo");
        assert_eq!(
            d.conference_id, None,
            "a letters ID cannot be typed on a phone"
        );
        assert_eq!(d.dial_string("+4721555010"), "+4721555010");
        assert_eq!(d.directory_url, None);
        let many: Vec<serde_json::Value> = (0..500)
            .map(|i| serde_json::json!({"name": format!("R{i}"), "number": "+4721555010"}))
            .collect();
        let d = DialIn::from_wire(&info(serde_json::json!(many), serde_json::json!({}))).unwrap();
        assert_eq!(d.numbers.len(), MAX_REGIONS);
        assert_eq!(
            DialIn::from_wire(&PhoneDialInInformation {
                embedded: Embedded::new(),
                ..Default::default()
            }),
            None
        );
    }
}
