//! HAR 1.2 (the browser devtools' archive format) from a session's recorded traffic.
//!
//! Records are redacted when they are made (unless the recorder ran in the lab mode
//! `--unredacted`, which the archive then says in its `comment`); nothing here masks or
//! unmasks anything.
//!
//! Choices within the spec: one page for the session (`pages` is optional, but some importers
//! group entries by page), every entry refers to it. Timings: only what the HTTP library lets
//! us measure — `wait` (request sent → response headers, including connection set-up when a
//! new connection was opened) and `receive` (headers → end of the body); `blocked`, `dns`,
//! `connect` and `ssl` are unknown (-1), `send` is 0. `time` is the sum of the known timings,
//! as the spec asks. An exchange that got no response has status 0 and the error in `_error`
//! (custom fields start with `_`); `_step` names the join step. Entries are in the order the
//! exchanges started.

use serde_json::{Value, json};

use crate::api::exchange::{ExchangeRecord, RecordMode};
use crate::api::recorder::Traffic;
use crate::api::wire::UcwaDate;

/// The `pages[].id` of the session's one page.
pub const PAGE_ID: &str = "session";

/// The marker in the `comment` of an archive made without redaction.
pub const UNREDACTED_MARKER: &str = "UNREDACTED";

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

/// Milliseconds rounded to microseconds (a HAR viewer shows no more).
fn round_ms(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

fn timings(r: &ExchangeRecord) -> (f64, Value) {
    // No response: the whole time went waiting for one.
    let wait = round_ms(r.wait_ms.unwrap_or(r.ms as f64));
    let receive = round_ms(r.receive_ms.unwrap_or(0.0));
    let t = json!({
        "blocked": -1, "dns": -1, "connect": -1, "ssl": -1,
        "send": 0, "wait": wait, "receive": receive,
    });
    (round_ms(wait + receive), t)
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
        request["postData"] = json!({"mimeType": mime, "params": [], "text": body});
    }
    let mime = header(&r.response_headers, "content-type").unwrap_or("x-unknown");
    let size = r.response_size.unwrap_or(0);
    let mut content = json!({"size": size, "mimeType": mime});
    if let Some(body) = &r.response_body {
        content["text"] = json!(body);
        if body.len() as u64 != size {
            content["comment"] = json!("the body is shortened in this archive");
        }
    }
    let (time, timings) = timings(r);
    let mut e = json!({
        "pageref": PAGE_ID,
        "startedDateTime": started,
        "time": time,
        "request": request,
        "response": {
            "status": r.status.unwrap_or(0),
            "statusText": "",
            "httpVersion": if r.status.is_some() { "HTTP/1.1" } else { "" },
            "cookies": [],
            "headers": headers(&r.response_headers),
            "content": content,
            "redirectURL": header(&r.response_headers, "location").unwrap_or(""),
            "headersSize": -1,
            "bodySize": r.response_size.map_or(-1, |s| i64::try_from(s).unwrap_or(-1)),
        },
        "cache": {},
        "timings": timings,
        "_step": r.tag,
    });
    if let Some(err) = &r.error {
        e["_error"] = json!(err);
    }
    e
}

/// What the archive says about itself: redaction and dropped entries.
fn comment(traffic: &Traffic) -> String {
    let mut parts = vec![match traffic.mode {
        RecordMode::Redacted => {
            "Secrets (Authorization, tokens, the discover URL, service keys) are masked."
                .to_string()
        }
        RecordMode::Unredacted => format!(
            "{UNREDACTED_MARKER}: recorded with --unredacted (lab use). This file contains live \
             tokens, the discover URL and the service key; do not share it."
        ),
    }];
    if let Some(after) = traffic.gap_after {
        parts.push(format!(
            "{} exchanges were not kept between entry {after} and entry {} (the first and the \
             latest are kept).",
            traffic.dropped,
            after + 1
        ));
    }
    parts.join(" ")
}

/// The archive as JSON; `title` names the session's page.
pub fn archive(traffic: &Traffic, title: &str) -> Value {
    let first = traffic
        .records
        .iter()
        .map(|r| r.started)
        .min()
        .unwrap_or_else(std::time::SystemTime::now);
    // Records arrive as exchanges end; concurrent ones (the event channel's long poll beside a
    // POST) are listed by their start, as devtools do.
    let mut ordered: Vec<&ExchangeRecord> = traffic.records.iter().collect();
    ordered.sort_by_key(|r| r.started);
    let entries: Vec<Value> = ordered.into_iter().map(entry).collect();
    json!({
        "log": {
            "version": "1.2",
            "creator": {"name": "guest-join", "version": env!("CARGO_PKG_VERSION")},
            "pages": [{
                "startedDateTime": UcwaDate::from_system_time(first).to_iso(),
                "id": PAGE_ID,
                "title": title,
                "pageTimings": {"onContentLoad": -1, "onLoad": -1},
            }],
            "entries": entries,
            "comment": comment(traffic),
            "_dropped": traffic.dropped,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(status: Option<u16>) -> ExchangeRecord {
        ExchangeRecord {
            tag: "discovery",
            started: std::time::SystemTime::now(),
            method: "GET".into(),
            url: "https://h.example/d?anonymousMeetingJoinContext=[redacted]&x=1".into(),
            request_headers: vec![("origin".into(), "https://c.example".into())],
            request_body: None,
            status,
            response_headers: vec![("content-type".into(), "application/json".into())],
            response_body: status.map(|_| "{}".into()),
            response_size: status.map(|_| 2),
            ms: 12,
            wait_ms: status.map(|_| 10.5),
            receive_ms: status.map(|_| 1.25),
            error: status.is_none().then(|| "connection refused".into()),
        }
    }

    #[test]
    fn entries_carry_query_mime_and_measured_timings() {
        let traffic = Traffic {
            records: vec![record(Some(200)), record(None)],
            ..Traffic::default()
        };
        let a = archive(&traffic, "t");
        let e = &a["log"]["entries"][0];
        assert_eq!(e["request"]["queryString"][1]["name"], "x");
        assert_eq!(e["response"]["content"]["mimeType"], "application/json");
        assert_eq!(e["timings"]["wait"], 10.5);
        assert_eq!(e["timings"]["receive"], 1.25);
        assert_eq!(e["timings"]["connect"], -1);
        assert_eq!(e["time"], 11.75);
        assert_eq!(e["pageref"], a["log"]["pages"][0]["id"]);
        let failed = &a["log"]["entries"][1];
        assert_eq!(failed["response"]["status"], 0);
        assert_eq!(failed["_error"], "connection refused");
        assert_eq!(failed["timings"]["wait"], 12.0);
        assert!(
            !a["log"]["comment"]
                .as_str()
                .unwrap()
                .contains(UNREDACTED_MARKER)
        );
    }

    #[test]
    fn the_comment_marks_unredacted_archives_and_dropped_entries() {
        let traffic = Traffic {
            records: vec![record(Some(200))],
            dropped: 7,
            gap_after: Some(1),
            mode: RecordMode::Unredacted,
        };
        let a = archive(&traffic, "t");
        let c = a["log"]["comment"].as_str().unwrap();
        assert!(c.starts_with(UNREDACTED_MARKER), "{c}");
        assert!(c.contains("7 exchanges were not kept"), "{c}");
        assert_eq!(a["log"]["_dropped"], 7);
    }
}
