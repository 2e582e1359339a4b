//! The requests `check-service` makes beside the main token request: a token for a foreign
//! origin, a bad request, and the health route.

use serde_json::Value;

use super::checks::{Answer, FOREIGN_ORIGIN, Recorder, Target, json_type, key, mint};
use super::report::Check;
use crate::api::error::ApiError;
use crate::api::http::{HttpClient, Request};
use crate::api::wire::ServiceError;
use crate::api::wire::service_app::{FIELD_ALLOWED_ORIGINS, FIELD_MEETING_URL};
use crate::redact::{Redactor, mask_tokens};

/// Asks for a token for an origin nobody should allow. A refusal passes; a service that mints
/// anyway is only warned about (permissive configurations are legitimate in a lab).
pub(super) async fn foreign_origin(
    http: &HttpClient,
    t: &Target,
    redactor: &mut Redactor,
) -> Check {
    let m = mint(http, t, FOREIGN_ORIGIN).await;
    if let Ok((token, _)) = &m.result {
        redactor.add(&token.token);
        redactor.add(&token.discover_uri);
    }
    match (&m.result, m.answer.as_ref().map(|a| a.status)) {
        (Ok(_), _) => Check::warn(
            "foreign_origin",
            format!(
                "minted a token for {FOREIGN_ORIGIN} too: the service hands tokens to any \
                 origin (permissive configuration)"
            ),
        ),
        (Err(e), Some(s)) if (400..500).contains(&s) => Check::pass(
            "foreign_origin",
            format!("refused {FOREIGN_ORIGIN}: HTTP {s}{}", code_of(e)),
        ),
        (Err(e), _) => Check::warn("foreign_origin", format!("no clear answer: {e}")),
    }
}

fn code_of(e: &ApiError) -> String {
    e.code().map(|c| format!(" {c}")).unwrap_or_default()
}

/// A request without ApplicationSessionId must get a 4xx whose body is `{"Error", "Code"?}`.
pub(super) async fn bad_request(http: &HttpClient, t: &Target) -> Check {
    let rec = Recorder::default();
    let mut req = Request::post(t.url.clone())
        .form(&[
            (FIELD_ALLOWED_ORIGINS, t.origin.as_str()),
            (FIELD_MEETING_URL, t.meeting.as_str()),
        ])
        .tag("check_service");
    if let Some(key) = &t.service_key {
        req = req.bearer(key);
    }
    let result = rec.client(http).send(req).await;
    let Some(answer) = rec.take().as_ref().and_then(Answer::from_record) else {
        let e = result.err().map(|e| e.to_string()).unwrap_or_default();
        return Check::fail("bad_request", format!("no answer: {e}"));
    };
    let s = answer.status;
    if !(400..500).contains(&s) {
        return Check::fail(
            "bad_request",
            format!("HTTP {s} for a request without ApplicationSessionId (expected 4xx)"),
        );
    }
    let body = match answer.json_object(&t.url) {
        Ok(b) => b,
        Err(why) => {
            return Check::fail(
                "bad_request",
                format!("HTTP {s}, but the error body is not a JSON object: {why}"),
            );
        }
    };
    let error = serde_json::from_value::<ServiceError>(Value::Object(body.clone()));
    let code = key(&body, "Code");
    match (error, code) {
        (Ok(e), _) if e.error.trim().is_empty() => Check::fail(
            "bad_request",
            format!("HTTP {s}, but the error body has no Error text"),
        ),
        (Err(_), _) => Check::fail(
            "bad_request",
            format!("HTTP {s}, but Error is not a string"),
        ),
        (Ok(_), Some(c)) if !c.is_string() => Check::fail(
            "bad_request",
            format!("HTTP {s}, but Code is {}", json_type(c)),
        ),
        (Ok(e), _) => Check::pass(
            "bad_request",
            match e.code {
                Some(c) => format!("HTTP {s} {{\"Error\", \"Code\": {c:?}}}"),
                None => format!("HTTP {s} {{\"Error\"}} (no Code: optional for older services)"),
            },
        ),
    }
}

/// `GET health` beside the token URL: the reference service answers it, others need not, so
/// anything but `{"status": "ok"}` is a warning, never a failure.
pub(super) async fn health(http: &HttpClient, t: &Target) -> Check {
    let Ok(url) = t.url.join("health") else {
        return Check::warn("health", "no health URL beside the token URL");
    };
    let path = url.path().to_string();
    match http.send(Request::get(url).tag("check_service")).await {
        Ok(resp) => {
            let status = resp
                .json::<Value>()
                .ok()
                .and_then(|v| v.get("status").and_then(Value::as_str).map(str::to_string));
            match status.as_deref() {
                Some("ok") => Check::pass("health", format!("GET {path}: HTTP 200 status ok")),
                Some(other) => Check::warn(
                    "health",
                    format!("GET {path}: status {:?}", mask_tokens(other)),
                ),
                None => Check::warn(
                    "health",
                    format!("GET {path}: HTTP {} without a JSON status", resp.status),
                ),
            }
        }
        Err(e) => Check::warn(
            "health",
            format!("GET {path}: {e} (optional for third-party services)"),
        ),
    }
}
