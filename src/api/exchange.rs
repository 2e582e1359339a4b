//! A record of one HTTP exchange, redacted when it is made (docs/design.md §8): the Authorization
//! header, token-bearing query values, and token fields in bodies never enter a record.
//! The GUI's request inspector and the exports (HAR, diagnostics) read these records.
//!
//! The one exception is `RecordMode::Unredacted`, a lab option of a traffic recorder
//! (`join --unredacted`): its records are made raw from the start. Nothing ever "unmasks" a
//! redacted record.

use std::time::SystemTime;

use serde::Serialize;

use crate::redact::{mask_tokens, url_for_display};
use crate::secret::REDACTED;

/// Longest body kept in a record, in bytes.
pub const MAX_RECORDED_BODY: usize = 16 * 1024;

/// Headers whose values are always masked.
const SECRET_HEADERS: [&str; 4] = [
    "authorization",
    "cookie",
    "set-cookie",
    "proxy-authorization",
];

/// JSON keys whose string values are masked in recorded bodies.
const SECRET_KEYS: [&str; 8] = [
    "token",
    // The guest's own number in "call me" (the request and the invitation's events).
    "phonenumber",
    "discoveruri",
    "access_token",
    "client_secret",
    "password",
    "ms_rtc_renew",
    "refresh_token",
];

/// How a record is made: masked (always, except for an explicit lab flag) or raw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordMode {
    #[default]
    Redacted,
    /// Secrets kept as sent and received (`join --unredacted`, lab use only).
    Unredacted,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExchangeRecord {
    /// What the caller was doing (a step name).
    pub tag: &'static str,
    #[serde(with = "system_time_ms")]
    pub started: SystemTime,
    pub method: String,
    pub url: String,
    pub request_headers: Vec<(String, String)>,
    pub request_body: Option<String>,
    /// `None` when no response arrived.
    pub status: Option<u16>,
    pub response_headers: Vec<(String, String)>,
    pub response_body: Option<String>,
    /// Size of the response body as received, in bytes (the record keeps at most 16 KiB).
    pub response_size: Option<u64>,
    /// Total time from the start of the send to the end of the body (or the error), in ms.
    pub ms: u64,
    /// Request sent → response headers received (includes connection set-up when a new
    /// connection was opened: the HTTP library does not report it apart), in ms.
    pub wait_ms: Option<f64>,
    /// Response headers → end of the body, in ms.
    pub receive_ms: Option<f64>,
    /// Transport failure, when there was no response.
    pub error: Option<String>,
}

mod system_time_ms {
    use std::time::{SystemTime, UNIX_EPOCH};

    pub fn serialize<S: serde::Serializer>(t: &SystemTime, s: S) -> Result<S::Ok, S::Error> {
        let ms = t
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        s.serialize_u64(u64::try_from(ms).unwrap_or(u64::MAX))
    }
}

/// Headers as shown: secret ones masked, every value token-masked.
pub fn headers_for_record(headers: &reqwest::header::HeaderMap) -> Vec<(String, String)> {
    headers_as(headers, RecordMode::Redacted)
}

/// Headers as recorded in `mode`.
pub fn headers_as(headers: &reqwest::header::HeaderMap, mode: RecordMode) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            let name = k.as_str().to_string();
            let value = if mode == RecordMode::Unredacted {
                String::from_utf8_lossy(v.as_bytes()).into_owned()
            } else if SECRET_HEADERS.contains(&name.as_str()) {
                match v.to_str().ok().and_then(|s| s.split_once(' ')) {
                    Some((scheme, _)) => format!("{scheme} {REDACTED}"),
                    None => REDACTED.to_string(),
                }
            } else {
                mask_tokens(&String::from_utf8_lossy(v.as_bytes()))
            };
            (name, value)
        })
        .collect()
}

fn mask_json(v: &mut serde_json::Value, depth: usize) {
    if depth > 32 {
        return;
    }
    match v {
        serde_json::Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                let lower = k.to_ascii_lowercase();
                if val.is_string() && SECRET_KEYS.contains(&lower.as_str()) {
                    *val = serde_json::Value::String(REDACTED.to_string());
                } else if lower == "href" {
                    if let Some(s) = val.as_str() {
                        *val = serde_json::Value::String(url_for_display(s));
                    }
                } else {
                    mask_json(val, depth + 1);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| mask_json(i, depth + 1)),
        serde_json::Value::String(s) => *s = mask_tokens(s),
        _ => {}
    }
}

/// The masked form of a body whose (capped) text is `text`.
fn masked_body(bytes: &[u8], text: String) -> String {
    // Bodies over the cap are never shown as JSON: do not parse them (large event batches).
    let parsed = (bytes.len() <= MAX_RECORDED_BODY)
        .then(|| serde_json::from_slice::<serde_json::Value>(bytes).ok())
        .flatten();
    match parsed {
        Some(mut v) => {
            mask_json(&mut v, 0);
            v.to_string()
        }
        _ if !text.contains(' ') && text.contains('=') && !text.trim_start().starts_with('<') => {
            // application/x-www-form-urlencoded
            url::form_urlencoded::parse(text.as_bytes())
                .map(|(k, v)| {
                    let masked = if SECRET_KEYS.contains(&k.to_ascii_lowercase().as_str()) {
                        REDACTED.to_string()
                    } else {
                        mask_tokens(&v)
                    };
                    format!("{k}={masked}")
                })
                .collect::<Vec<_>>()
                .join("&")
        }
        _ => mask_tokens(&text),
    }
}

/// A body as recorded: JSON with secret fields masked, form bodies with secret fields masked,
/// anything else token-masked; capped at `MAX_RECORDED_BODY`.
pub fn body_for_record(bytes: &[u8]) -> Option<String> {
    body_as(bytes, RecordMode::Redacted)
}

/// A body as recorded in `mode` (capped at `MAX_RECORDED_BODY` in both modes).
pub fn body_as(bytes: &[u8], mode: RecordMode) -> Option<String> {
    if bytes.is_empty() {
        return None;
    }
    let cut = &bytes[..bytes.len().min(MAX_RECORDED_BODY)];
    let text = String::from_utf8_lossy(cut).into_owned();
    let shown = match mode {
        RecordMode::Unredacted => text,
        RecordMode::Redacted => masked_body(bytes, text),
    };
    if bytes.len() > MAX_RECORDED_BODY {
        Some(format!("{shown}… [{} bytes in all]", bytes.len()))
    } else {
        Some(shown)
    }
}

pub fn url_for_record(url: &url::Url) -> String {
    url_as(url, RecordMode::Redacted)
}

/// A URL as recorded in `mode`.
pub fn url_as(url: &url::Url, mode: RecordMode) -> String {
    match mode {
        RecordMode::Redacted => url_for_display(url.as_str()),
        RecordMode::Unredacted => url.as_str().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[test]
    fn masks_secret_headers_and_bodies() {
        let mut h = HeaderMap::new();
        h.insert(
            "authorization",
            HeaderValue::from_static("Bearer psat=eyJabc.def"),
        );
        h.insert("origin", HeaderValue::from_static("https://contoso.com"));
        let shown = headers_for_record(&h);
        assert!(shown.contains(&("authorization".into(), "Bearer [redacted]".into())));
        assert!(shown.contains(&("origin".into(), "https://contoso.com".into())));

        let body = br#"{"DiscoverUri":"https://x/d?anonymousMeetingJoinContext=psat%253dabc","Token":"opaque-token","ExpireTime":"/Date(1)/","_links":{"self":{"href":"/a/events?ack=1&key=c2lw"}}}"#;
        let shown = body_for_record(body).unwrap();
        assert!(
            !shown.contains("opaque-token")
                && !shown.contains("psat%253dabc")
                && !shown.contains("c2lw"),
            "{shown}"
        );
        assert!(shown.contains("/Date(1)/"));

        let form = body_for_record(b"ApplicationSessionId=abc&AllowedOrigins=https%3A%2F%2Fc.com&MeetingUrl=https%3A%2F%2Fm%2Fa").unwrap();
        assert!(form.contains("ApplicationSessionId=abc"), "{form}");
        assert_eq!(body_for_record(b""), None);
        let big = vec![b'x'; MAX_RECORDED_BODY + 10];
        assert!(
            body_for_record(&big)
                .unwrap()
                .ends_with(&format!("[{} bytes in all]", big.len()))
        );
    }

    #[test]
    fn the_unredacted_mode_keeps_values_and_still_caps_bodies() {
        let mut h = HeaderMap::new();
        h.insert(
            "authorization",
            HeaderValue::from_static("Bearer psat=eyJabc"),
        );
        assert_eq!(
            headers_as(&h, RecordMode::Unredacted),
            [(
                "authorization".to_string(),
                "Bearer psat=eyJabc".to_string()
            )]
        );
        let body = br#"{"Token":"opaque-token"}"#;
        assert_eq!(
            body_as(body, RecordMode::Unredacted).as_deref(),
            Some(r#"{"Token":"opaque-token"}"#)
        );
        let u =
            url::Url::parse("https://h.example/d?anonymousMeetingJoinContext=psat%3Dx").unwrap();
        assert!(url_as(&u, RecordMode::Unredacted).ends_with("psat%3Dx"));
        assert!(!url_as(&u, RecordMode::Redacted).contains("psat%3Dx"));
        let big = vec![b'x'; MAX_RECORDED_BODY + 10];
        let kept = body_as(&big, RecordMode::Unredacted).unwrap();
        assert!(
            kept.len() < MAX_RECORDED_BODY + 64,
            "capped: {}",
            kept.len()
        );
    }
}
