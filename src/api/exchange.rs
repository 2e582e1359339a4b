//! A record of one HTTP exchange, redacted when it is made (DESIGN §8): the Authorization
//! header, token-bearing query values, and token fields in bodies never enter a record.
//! The GUI's request inspector and later exports read these records.

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
const SECRET_KEYS: [&str; 7] = [
    "token",
    "discoveruri",
    "access_token",
    "client_secret",
    "password",
    "ms_rtc_renew",
    "refresh_token",
];

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
    pub ms: u64,
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
    headers
        .iter()
        .map(|(k, v)| {
            let name = k.as_str().to_string();
            let value = if SECRET_HEADERS.contains(&name.as_str()) {
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

/// A body as recorded: JSON with secret fields masked, form bodies with secret fields masked,
/// anything else token-masked; capped at `MAX_RECORDED_BODY`.
pub fn body_for_record(bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() {
        return None;
    }
    let cut = &bytes[..bytes.len().min(MAX_RECORDED_BODY)];
    let text = String::from_utf8_lossy(cut).into_owned();
    // Bodies over the cap are never shown as JSON: do not parse them (large event batches).
    let parsed = (bytes.len() <= MAX_RECORDED_BODY)
        .then(|| serde_json::from_slice::<serde_json::Value>(bytes).ok())
        .flatten();
    let shown = match parsed {
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
    };
    if bytes.len() > MAX_RECORDED_BODY {
        Some(format!("{shown}… [{} bytes in all]", bytes.len()))
    } else {
        Some(shown)
    }
}

pub fn url_for_record(url: &url::Url) -> String {
    url_for_display(url.as_str())
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
}
