//! A response as the rest of the client sees it, and how error answers are read: UCWA error
//! bodies, service-application error bodies, HTML pages from intermediaries, `Retry-After`.
//! Nothing here keeps a secret: excerpts and messages are token-masked.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use url::Url;

use crate::api::error::ApiError;
use crate::api::http::host_of;
use crate::api::retry_after;
use crate::api::wire::{ServiceError, UcwaError};
use crate::redact::mask_tokens;

/// Deepest JSON nesting accepted from a server: serde_json's own recursion limit, which this
/// crate never disables (no `unbounded_depth`, no `disable_recursion_limit`).
pub const MAX_JSON_DEPTH: usize = 128;

/// A 2xx answer with its body read (capped).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
    /// The URL the request went to (relative links in the body resolve against it).
    pub url: Url,
    pub elapsed: Duration,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Decode the body as JSON of type `T`, naming what is wrong if it is not.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, ApiError> {
        let host = host_of(&self.url);
        let malformed = |detail: String| ApiError::Malformed {
            host: host.clone(),
            status: self.status,
            detail,
        };
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Err(malformed("the body is empty".into()));
        }
        let ct = self
            .header("content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if ct.contains("html") || looks_like_html(&self.body) {
            return Err(malformed(format!(
                "an HTML page instead of JSON ({})",
                html_title(&self.body)
            )));
        }
        serde_json::from_slice(&self.body)
            .map_err(|e| malformed(format!("{} (content type {:?})", json_error(&e), ct)))
    }

    /// The `Location` header resolved against the request URL.
    pub fn location(&self) -> Option<Url> {
        self.header("location").and_then(|l| self.url.join(l).ok())
    }
}

fn json_error(e: &serde_json::Error) -> String {
    // serde_json messages can quote input; keep only the category and position.
    match e.classify() {
        serde_json::error::Category::Eof => "the JSON ends too early (truncated body)".into(),
        // serde_json stops at 128 levels of nesting instead of recursing without bound.
        serde_json::error::Category::Syntax
            if e.to_string().starts_with("recursion limit exceeded") =>
        {
            format!(
                "the JSON is nested too deeply (more than {MAX_JSON_DEPTH} levels, line {}, column {})",
                e.line(),
                e.column()
            )
        }
        serde_json::error::Category::Syntax => {
            format!("not valid JSON (line {}, column {})", e.line(), e.column())
        }
        serde_json::error::Category::Data => mask_tokens(&format!("JSON of the wrong shape: {e}")),
        serde_json::error::Category::Io => "could not read the JSON".into(),
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let start: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

fn html_title(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let lower = text.to_ascii_lowercase();
    let title = lower.find("<title>").and_then(|s| {
        lower[s + 7..]
            .find("</title>")
            .map(|e| text[s + 7..s + 7 + e].trim().to_string())
    });
    match title {
        Some(t) if !t.is_empty() => format!(
            "title {:?}",
            mask_tokens(&t.chars().take(80).collect::<String>())
        ),
        _ => "no title".into(),
    }
}

/// Seconds or an HTTP date ([`retry_after::parse`]), as of now.
fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get("retry-after")?.to_str().ok()?;
    retry_after::parse(v, SystemTime::now())
}

/// Read an error answer: UCWA or service error body, HTML page, excerpt, `Retry-After`.
pub fn error_for_status(status: u16, headers: &HeaderMap, body: &[u8], url: &Url) -> ApiError {
    let host = host_of(url);
    let ct = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let json: Option<serde_json::Value> = if ct.contains("html") {
        None
    } else {
        serde_json::from_slice(body)
            .ok()
            .filter(serde_json::Value::is_object)
    };
    let ucwa = json
        .as_ref()
        .filter(|v| v.get("code").is_some_and(serde_json::Value::is_string))
        .and_then(|v| serde_json::from_value::<UcwaError>(v.clone()).ok())
        .map(|mut u| {
            u.message = u.message.map(|m| mask_tokens(&m));
            u.debug_info = None;
            u
        });
    let service = if ucwa.is_some() {
        None
    } else {
        json.as_ref()
            .filter(|v| v.get("Error").or_else(|| v.get("error")).is_some())
            .and_then(|v| serde_json::from_value::<ServiceError>(v.clone()).ok())
            .map(|mut s| {
                s.error = mask_tokens(&s.error.chars().take(300).collect::<String>());
                s
            })
    };
    let excerpt = if ucwa.is_some() || service.is_some() {
        String::new()
    } else if ct.contains("html") || looks_like_html(body) {
        format!("an HTML page ({})", html_title(body))
    } else {
        let text = String::from_utf8_lossy(&body[..body.len().min(400)]);
        let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        mask_tokens(&collapsed.chars().take(160).collect::<String>())
    };
    ApiError::Status {
        host,
        status,
        ucwa: ucwa.map(Box::new),
        service: service.map(Box::new),
        excerpt,
        retry_after: parse_retry_after(headers),
    }
}

#[cfg(test)]
mod transport_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn error_bodies_are_parsed_and_masked() {
        let url = Url::parse("https://pool.example/ucwa?x=psat%3dabc").unwrap();
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let e = error_for_status(
            404,
            &h,
            br#"{"code":"NotFound","subcode":"DestinationNotFound","message":"gone psat=eyJabc"}"#,
            &url,
        );
        assert_eq!(
            (e.code(), e.subcode(), e.status()),
            (Some("NotFound"), Some("DestinationNotFound"), Some(404))
        );
        assert!(!e.to_string().contains("eyJabc"));
        assert!(!e.to_string().contains("x="), "no query in messages: {e}");

        let e = error_for_status(
            400,
            &h,
            br#"{"Error":"Meeting not allowed","Code":"MeetingUrlNotAllowed"}"#,
            &url,
        );
        assert_eq!(e.code(), Some("MeetingUrlNotAllowed"));

        let mut html = HeaderMap::new();
        html.insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
        html.insert("retry-after", HeaderValue::from_static("7"));
        let e = error_for_status(
            503,
            &html,
            b"<html><title>Service Unavailable</title></html>",
            &url,
        );
        assert!(e.to_string().contains("Service Unavailable"), "{e}");
        assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));
    }

    #[test]
    fn retry_after_as_an_http_date() {
        let url = Url::parse("https://pool.example/ucwa").unwrap();
        let with = |value: &str| {
            let mut h = HeaderMap::new();
            h.insert("retry-after", HeaderValue::from_str(value).unwrap());
            error_for_status(503, &h, b"", &url).retry_after()
        };
        let tomorrow = SystemTime::now() + Duration::from_secs(24 * 3600);
        let wait = with(&httpdate::fmt_http_date(tomorrow)).unwrap();
        assert!(wait > Duration::from_secs(23 * 3600), "{wait:?}");
        assert_eq!(
            with("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO),
            "a date in the past: retry now"
        );
        assert_eq!(with("whenever"), None);
    }

    #[test]
    fn json_decoding_names_the_problem() {
        let resp = |ct: &'static str, body: &'static [u8]| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(ct));
            Response {
                status: 200,
                headers,
                body: Bytes::from_static(body),
                url: Url::parse("https://h/").unwrap(),
                elapsed: Duration::ZERO,
            }
        };
        let err = |r: Response| {
            r.json::<serde_json::Map<String, serde_json::Value>>()
                .unwrap_err()
                .to_string()
        };
        assert!(err(resp("application/json", b"")).contains("empty"));
        assert!(err(resp("text/html", b"<html><title>Oops</title>")).contains("HTML"));
        assert!(err(resp("application/json", b"{\"a\": [1, 2")).contains("truncated"));
        assert!(err(resp("application/json", b"{a}")).contains("not valid JSON"));
        assert!(err(resp("application/json", b"[1]")).contains("wrong shape"));
    }
}
