//! Where the conference URI comes from (docs/protocol.md §A.7, §11 D3 for open question Q1): a
//! documented key or link in the discover document, else any value matching the conference-URI
//! pattern, else the psat's `confid` claim.

use crate::api::wire::psat;
use crate::api::wire::ucwa::{AnonDiscover, CONFERENCE_URI_KEYS};

/// Where the URI was found (reported in logs; helps when a server changes shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConferenceSource {
    Property,
    Link,
    Pattern,
    TokenClaim,
}

/// What separates the organizer from the conference ID in a conference URI.
const FOCUS_MARK: &str = ";gruu;opaque=app:conf:focus:id:";

/// `sip:<user>;gruu;opaque=app:conf:focus:id:<alnum>`.
pub fn is_conference_uri(s: &str) -> bool {
    split_conference_uri(s).is_some_and(|(user, id)| {
        !user.is_empty()
            && !user.contains(';')
            && !id.is_empty()
            && id.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// `sip:<user>;gruu;opaque=app:conf:focus:id:<id>` → (`<user>`, `<id>`), unchecked.
pub fn split_conference_uri(s: &str) -> Option<(&str, &str)> {
    s.strip_prefix("sip:")?.split_once(FOCUS_MARK)
}

/// The conference URI of meeting `id` organized by `user` (`organizer@domain`).
pub fn make_conference_uri(user: &str, id: &str) -> String {
    format!("sip:{user}{FOCUS_MARK}{id}")
}

fn search_value(v: &serde_json::Value, depth: usize) -> Option<String> {
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::String(s) if is_conference_uri(s.trim()) => Some(s.trim().to_string()),
        serde_json::Value::Array(items) => items.iter().find_map(|i| search_value(i, depth + 1)),
        serde_json::Value::Object(map) => map.values().find_map(|i| search_value(i, depth + 1)),
        _ => None,
    }
}

/// Find the conference URI for this join.
pub fn conference_uri(discover: &AnonDiscover, token: &str) -> Option<(String, ConferenceSource)> {
    for key in CONFERENCE_URI_KEYS {
        let found = discover
            .properties
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key.as_str()))
            .and_then(|(_, v)| v.as_str())
            .map(str::trim)
            .filter(|s| s.starts_with("sip:"));
        if let Some(uri) = found {
            return Some((uri.to_string(), ConferenceSource::Property));
        }
        if let Some(link) = discover
            .links
            .get(key)
            .filter(|l| l.href.starts_with("sip:"))
        {
            return Some((link.href.trim().to_string(), ConferenceSource::Link));
        }
    }
    let in_links = discover
        .links
        .iter()
        .map(|(_, l)| l.href.trim())
        .find(|h| is_conference_uri(h))
        .map(str::to_string);
    let in_props = || {
        discover
            .properties
            .values()
            .find_map(|v| search_value(v, 0))
    };
    if let Some(uri) = in_links.or_else(in_props) {
        return Some((uri, ConferenceSource::Pattern));
    }
    psat::decode_unverified(token)
        .ok()
        .and_then(|c| c.confid)
        .filter(|c| c.starts_with("sip:"))
        .map(|c| (c, ConferenceSource::TokenClaim))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::psat::{PsatClaims, mint};

    const URI: &str = "sip:ada@contoso.example;gruu;opaque=app:conf:focus:id:OPEN1234";

    fn discover(json: serde_json::Value) -> AnonDiscover {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn pattern() {
        assert!(is_conference_uri(URI));
        assert!(!is_conference_uri("sip:ada@contoso.example"));
        assert!(!is_conference_uri("sip:;gruu;opaque=app:conf:focus:id:X"));
        assert!(!is_conference_uri(
            "sip:a@b;gruu;opaque=app:conf:focus:id:X-1"
        ));
        assert!(!is_conference_uri("https://meet/x"));
    }

    #[test]
    fn prefers_documented_keys_then_pattern_then_claim() {
        let d = discover(
            serde_json::json!({"_links":{"anonApplications":{"href":"/a"}},"conferenceId":URI}),
        );
        assert_eq!(
            conference_uri(&d, ""),
            Some((URI.into(), ConferenceSource::Property))
        );
        let d = discover(serde_json::json!({"_links":{"onlineMeetingUri":{"href":URI}}}));
        assert_eq!(
            conference_uri(&d, ""),
            Some((URI.into(), ConferenceSource::Link))
        );
        let d = discover(serde_json::json!({"_links":{},"meeting":{"details":[{"uri":URI}]}}));
        assert_eq!(
            conference_uri(&d, ""),
            Some((URI.into(), ConferenceSource::Pattern))
        );
        let token = mint(
            &PsatClaims {
                confid: Some(URI.into()),
                ..Default::default()
            },
            b"k",
        );
        let d = discover(serde_json::json!({"_links":{}}));
        assert_eq!(
            conference_uri(&d, &token),
            Some((URI.into(), ConferenceSource::TokenClaim))
        );
        assert_eq!(conference_uri(&d, "psat=opaque"), None);
    }
}
