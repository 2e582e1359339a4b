//! `correlation.json`: the ids support needs to find this session in server logs — the
//! ApplicationSessionId, the operationIds the client sent or the server echoed, and the
//! request ids servers put in headers (X-MS-Correlation-Id, client-request-id, request-id …).
//! Read from the recorded traffic; ids are not secrets.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::api::exchange::ExchangeRecord;

/// Header names (lower case) that carry request or correlation ids.
pub const ID_HEADERS: [&str; 6] = [
    "x-ms-correlation-id",
    "client-request-id",
    "request-id",
    "x-ms-request-id",
    "x-ms-client-request-id",
    "ms-cv",
];

/// Longest id kept (anything longer is not an id).
const MAX_ID_LEN: usize = 200;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Seen {
    pub value: String,
    /// The step of the first exchange it appeared in.
    pub first_step: &'static str,
    /// Where it appeared first: `request`, `response`, or a header name.
    pub first_seen_in: String,
    /// In how many exchanges it appeared.
    pub exchanges: u32,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Correlation {
    pub application_session_id: Option<String>,
    pub operation_ids: Vec<Seen>,
    /// By header name.
    pub request_ids: BTreeMap<String, Vec<Seen>>,
}

/// Note `value` in `list` (of kind `scope`); `counted` holds what this exchange counted already.
fn note(
    list: &mut Vec<Seen>,
    (scope, value): (&str, &str),
    step: &'static str,
    place: &str,
    counted: &mut Vec<String>,
) {
    if value.is_empty() || value.len() > MAX_ID_LEN {
        return;
    }
    let key = format!("{scope}\u{0}{value}");
    match list.iter_mut().find(|s| s.value == value) {
        Some(s) if !counted.contains(&key) => s.exchanges += 1,
        Some(_) => {}
        None => list.push(Seen {
            value: value.to_string(),
            first_step: step,
            first_seen_in: place.to_string(),
            exchanges: 1,
        }),
    }
    counted.push(key);
}

/// `operationId` values anywhere in a JSON body, a URL query or a form body.
fn operation_ids(text: &str, out: &mut Vec<String>) {
    fn walk(v: &Value, depth: usize, out: &mut Vec<String>) {
        if depth > 32 {
            return;
        }
        match v {
            Value::Object(map) => {
                for (k, val) in map {
                    match val {
                        Value::String(s) if k.eq_ignore_ascii_case("operationid") => {
                            out.push(s.clone())
                        }
                        _ => walk(val, depth + 1, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, depth + 1, out)),
            _ => {}
        }
    }
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        walk(&v, 0, out);
        return;
    }
    let query = text.split_once('?').map_or(text, |(_, q)| q);
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        if k.eq_ignore_ascii_case("operationid") {
            out.push(v.into_owned());
        }
    }
}

/// Collect the ids of a session from its records.
pub fn collect(application_session_id: Option<&str>, records: &[ExchangeRecord]) -> Correlation {
    let mut c = Correlation {
        application_session_id: application_session_id.map(str::to_string),
        ..Correlation::default()
    };
    for r in records {
        let mut counted = Vec::new();
        let mut ops = Vec::new();
        operation_ids(&r.url, &mut ops);
        if let Some(b) = &r.request_body {
            operation_ids(b, &mut ops);
        }
        for op in &ops {
            note(
                &mut c.operation_ids,
                ("op", op),
                r.tag,
                "request",
                &mut counted,
            );
        }
        let mut ops = Vec::new();
        if let Some(b) = &r.response_body {
            operation_ids(b, &mut ops);
        }
        for op in &ops {
            note(
                &mut c.operation_ids,
                ("op", op),
                r.tag,
                "response",
                &mut counted,
            );
        }
        for (name, value) in r.request_headers.iter().chain(&r.response_headers) {
            let lower = name.to_ascii_lowercase();
            if ID_HEADERS.contains(&lower.as_str()) {
                let list = c.request_ids.entry(lower.clone()).or_default();
                note(list, (&lower, value), r.tag, &lower, &mut counted);
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(tag: &'static str, url: &str, req: Option<&str>, resp: Option<&str>) -> ExchangeRecord {
        ExchangeRecord {
            tag,
            started: std::time::SystemTime::now(),
            method: "POST".into(),
            url: url.into(),
            request_headers: vec![],
            request_body: req.map(str::to_string),
            status: Some(200),
            response_headers: vec![("X-MS-Correlation-Id".into(), format!("corr-{tag}"))],
            response_body: resp.map(str::to_string),
            response_size: None,
            ms: 1,
            wait_ms: None,
            receive_ms: None,
            error: None,
        }
    }

    #[test]
    fn finds_operation_ids_and_request_ids_where_they_appear() {
        let records = [
            rec(
                "join_request",
                "https://p/ucwa/x/onlineMeetingInvitations",
                Some(r#"{"operationId":"op-1","to":"sip:x"}"#),
                Some(r#"{"_embedded":{"a":[{"operationId":"op-1"}]}}"#),
            ),
            rec(
                "chat",
                "https://p/ucwa/x/messaging/messages?operationId=op-2",
                None,
                None,
            ),
            rec(
                "chat",
                "https://p/ucwa/x/events?ack=2",
                None,
                Some(r#"{"OperationId":"op-2"}"#),
            ),
        ];
        let c = collect(Some("asid-1"), &records);
        assert_eq!(c.application_session_id.as_deref(), Some("asid-1"));
        let ops: Vec<_> = c
            .operation_ids
            .iter()
            .map(|s| (s.value.as_str(), s.first_step, s.exchanges))
            .collect();
        assert_eq!(ops, [("op-1", "join_request", 1), ("op-2", "chat", 2)]);
        let corr = &c.request_ids["x-ms-correlation-id"];
        assert_eq!(corr.len(), 2, "{corr:?}");
        assert_eq!(corr[1].exchanges, 2);
    }
}
