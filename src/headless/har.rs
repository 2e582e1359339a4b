//! HAR 1.2 (the browser devtools' archive format) from the redacted exchange records of a
//! session. Nothing here sees a secret: records are masked when they are made.

use serde_json::{Value, json};

use crate::api::exchange::ExchangeRecord;
use crate::api::wire::UcwaDate;

/// Most exchanges kept for one archive (a long stay polls the event channel many times).
pub const MAX_ENTRIES: usize = 5_000;

fn headers(list: &[(String, String)]) -> Vec<Value> {
    list.iter()
        .map(|(name, value)| json!({"name": name, "value": value}))
        .collect()
}

fn header<'a>(list: &'a [(String, String)], name: &str) -> Option<&'a str> {
    list.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn query(url: &str) -> Vec<Value> {
    url::Url::parse(url)
        .map(|u| {
            u.query_pairs()
                .map(|(k, v)| json!({"name": k, "value": v}))
                .collect()
        })
        .unwrap_or_default()
}

fn entry(r: &ExchangeRecord) -> Value {
    let started = UcwaDate::from_system_time(r.started).to_iso();
    let mut request = json!({
        "method": r.method,
        "url": r.url,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": headers(&r.request_headers),
        "queryString": query(&r.url),
        "headersSize": -1,
        "bodySize": r.request_body.as_ref().map_or(0, String::len),
    });
    if let Some(body) = &r.request_body {
        let mime = header(&r.request_headers, "content-type").unwrap_or("application/octet-stream");
        request["postData"] = json!({"mimeType": mime, "text": body});
    }
    let mime = header(&r.response_headers, "content-type").unwrap_or("x-unknown");
    let mut content =
        json!({"size": r.response_body.as_ref().map_or(0, String::len), "mimeType": mime});
    if let Some(body) = &r.response_body {
        content["text"] = json!(body);
    }
    let mut e = json!({
        "startedDateTime": started,
        "time": r.ms,
        "request": request,
        "response": {
            "status": r.status.unwrap_or(0),
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": headers(&r.response_headers),
            "content": content,
            "redirectURL": header(&r.response_headers, "location").unwrap_or(""),
            "headersSize": -1,
            "bodySize": -1,
        },
        "cache": {},
        "timings": {"send": 0, "wait": r.ms, "receive": 0},
        "_step": r.tag,
    });
    if let Some(err) = &r.error {
        e["_error"] = json!(err);
    }
    e
}

/// The archive as JSON.
pub fn archive(records: &[ExchangeRecord]) -> Value {
    json!({
        "log": {
            "version": "1.2",
            "creator": {"name": "guest-join", "version": env!("CARGO_PKG_VERSION")},
            "entries": records.iter().map(entry).collect::<Vec<_>>(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_have_the_required_har_fields() {
        let r = ExchangeRecord {
            tag: "discovery",
            started: std::time::SystemTime::now(),
            method: "GET".into(),
            url: "https://h.example/d?anonymousMeetingJoinContext=[redacted]&x=1".into(),
            request_headers: vec![("origin".into(), "https://c.example".into())],
            request_body: None,
            status: Some(200),
            response_headers: vec![("content-type".into(), "application/json".into())],
            response_body: Some("{}".into()),
            ms: 12,
            error: None,
        };
        let a = archive(&[r]);
        let e = &a["log"]["entries"][0];
        assert_eq!(a["log"]["version"], "1.2");
        for k in [
            "startedDateTime",
            "time",
            "request",
            "response",
            "cache",
            "timings",
        ] {
            assert!(!e[k].is_null(), "{k}");
        }
        assert_eq!(e["request"]["queryString"][1]["name"], "x");
        assert_eq!(e["response"]["content"]["mimeType"], "application/json");
        assert_eq!(e["timings"]["wait"], 12);
    }
}
