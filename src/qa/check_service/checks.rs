//! The checks of `check-service` against the contract of docs/design.md §4 (the foreign-origin,
//! bad-request and health requests are in `probes`). The token request goes through the client's
//! own `request_token` (so the check exercises exactly what `join` sends and accepts); a
//! recording observer keeps the raw answer (status, content type, body) for the checks the
//! typed decoding cannot make, such as whether each key is a JSON string.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use serde_json::{Map, Value};
use url::Url;

use super::probes;
use super::report::Check;
use crate::api::error::ApiError;
use crate::api::exchange::ExchangeRecord;
use crate::api::http::{HttpClient, Response, host_of};
use crate::api::service::{ServiceToken, request_token};
use crate::api::ucwa;
use crate::api::wire::psat;
use crate::api::wire::service_app::TokenRequest;
use crate::api::wire::{Rel, UcwaDate};
use crate::redact::{Redactor, mask_tokens};
use crate::secret::Secret;

/// An origin no service should allow: the `foreign_origin` check asks for a token with it.
pub const FOREIGN_ORIGIN: &str = "https://foreign-origin.guest-join.invalid";

/// The four keys of the 200 answer (docs/design.md §4), all strings.
const KEYS: [&str; 4] = ["DiscoverUri", "Token", "TenantEndpointId", "ExpireTime"];

/// What to check and how to ask.
pub struct Target {
    pub url: Url,
    pub meeting: String,
    pub meeting_is_placeholder: bool,
    pub origin: String,
    pub service_key: Option<Secret>,
}

/// Keeps the (redacted) record of the last exchange of a client.
#[derive(Clone, Default)]
pub(super) struct Recorder(Arc<Mutex<Option<ExchangeRecord>>>);

impl Recorder {
    pub(super) fn client(&self, http: &HttpClient) -> HttpClient {
        let slot = self.0.clone();
        http.with_observer(Arc::new(move |r| {
            if let Ok(mut s) = slot.lock() {
                *s = Some(r);
            }
        }))
    }

    pub(super) fn take(&self) -> Option<ExchangeRecord> {
        self.0.lock().ok().and_then(|mut s| s.take())
    }
}

/// The raw answer to a request, whatever its status.
pub(super) struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: Bytes,
    pub ms: u64,
}

impl Answer {
    pub(super) fn from_record(r: &ExchangeRecord) -> Option<Self> {
        Some(Self {
            status: r.status?,
            content_type: r
                .response_headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            body: Bytes::from(r.response_body.clone().unwrap_or_default()),
            ms: r.ms,
        })
    }

    fn from_response(r: &Response) -> Self {
        Self {
            status: r.status,
            content_type: r.header("content-type").unwrap_or_default().to_string(),
            body: r.body.clone(),
            ms: u64::try_from(r.elapsed.as_millis()).unwrap_or(u64::MAX),
        }
    }

    fn is_json_type(&self) -> bool {
        let essence = self
            .content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        essence == "application/json"
            || (essence.starts_with("application/") && essence.ends_with("+json"))
    }

    /// The body as a JSON object, with the client's own words for what is wrong otherwise.
    pub(super) fn json_object(&self, url: &Url) -> Result<Map<String, Value>, String> {
        let mut headers = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(&self.content_type) {
            headers.insert(CONTENT_TYPE, v);
        }
        let resp = Response {
            status: self.status,
            headers,
            body: self.body.clone(),
            url: url.clone(),
            elapsed: Duration::ZERO,
        };
        resp.json::<Map<String, Value>>().map_err(|e| match e {
            ApiError::Malformed { detail, .. } => detail,
            other => other.to_string(),
        })
    }
}

/// One token request: the client's verdict and the raw answer.
pub(super) struct Mint {
    pub result: Result<(ServiceToken, Response), ApiError>,
    pub answer: Option<Answer>,
}

pub(super) async fn mint(http: &HttpClient, t: &Target, origin: &str) -> Mint {
    let rec = Recorder::default();
    let req = TokenRequest {
        application_session_id: uuid::Uuid::new_v4().to_string(),
        allowed_origins: origin.to_string(),
        meeting_url: t.meeting.clone(),
    };
    let result = request_token(&rec.client(http), &t.url, t.service_key.as_ref(), &req).await;
    let answer = match &result {
        Ok((_, resp)) => Some(Answer::from_response(resp)),
        Err(_) => rec.take().as_ref().and_then(Answer::from_record),
    };
    Mint { result, answer }
}

pub(super) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A key of the answer, its name matched as the client matches it (any letter case).
pub(super) fn key<'a>(body: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    body.get(name).or_else(|| {
        body.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

/// "3 h 59 min", "42 s".
fn span(ms: i64) -> String {
    let s = ms.unsigned_abs() / 1000;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        _ => format!("{} h {} min", s / 3600, (s % 3600) / 60),
    }
}

fn hint(t: &Target, e: &ApiError) -> String {
    let code = e.code().unwrap_or_default();
    if e.status() == Some(401) || code.contains("ServiceKey") {
        "; pass --service-key (or set GUEST_JOIN_SERVICE_KEY)".into()
    } else if code.contains("Origin") {
        format!(
            "; the service does not allow origin {}: pass --origin with one it allows",
            t.origin
        )
    } else if t.meeting_is_placeholder && e.status().is_some_and(|s| (400..500).contains(&s)) {
        format!(
            "; no --meeting was given and the service refused the placeholder meeting URL {}: \
             pass --meeting with a meeting URL its allow-list accepts",
            t.meeting
        )
    } else {
        String::new()
    }
}

/// Run every check, in order. Secrets met on the way are added to `redactor`.
pub async fn run(http: &HttpClient, t: &Target, redactor: &mut Redactor) -> Vec<Check> {
    let mut out = Vec::new();
    let main = mint(http, t, &t.origin).await;
    if let Ok((token, _)) = &main.result {
        redactor.add(&token.token);
        redactor.add(&token.discover_uri);
    }
    let Some(answer) = &main.answer else {
        let e = main.result.as_ref().err().map(ToString::to_string);
        out.push(Check::fail(
            "status",
            format!("no answer: {}", e.unwrap_or_default()),
        ));
        for name in [
            "content_type",
            "string_keys",
            "expire_time",
            "discover",
            "token",
            "origin",
            "foreign_origin",
            "bad_request",
            "health",
        ] {
            out.push(Check::skipped(name, "status"));
        }
        return out;
    };
    let status_ok = answer.status == 200;
    out.push(match (&main.result, status_ok) {
        (_, true) => Check::pass("status", format!("HTTP 200 in {} ms", answer.ms)),
        (Err(e), false) => Check::fail("status", format!("{e}{}", hint(t, e))),
        (Ok(_), false) => Check::fail(
            "status",
            format!("HTTP {} (the contract answers 200)", answer.status),
        ),
    });
    if status_ok {
        answer_checks(&mut out, http, t, &main, answer, redactor).await;
    } else {
        let refused_origin = main
            .result
            .as_ref()
            .err()
            .and_then(ApiError::code)
            .is_some_and(|c| c.contains("Origin"));
        for name in [
            "content_type",
            "string_keys",
            "expire_time",
            "discover",
            "token",
        ] {
            out.push(Check::skipped(name, "status"));
        }
        out.push(if refused_origin {
            Check::fail("origin", format!("the service refused origin {}", t.origin))
        } else {
            Check::skipped("origin", "status")
        });
        out.push(Check::skipped("foreign_origin", "status"));
    }
    out.push(probes::bad_request(http, t).await);
    out.push(probes::health(http, t).await);
    out
}

/// The checks of a 200 answer: content type, keys, expiry, discover, token, origins.
async fn answer_checks(
    out: &mut Vec<Check>,
    http: &HttpClient,
    t: &Target,
    main: &Mint,
    answer: &Answer,
    redactor: &mut Redactor,
) {
    out.push(if answer.is_json_type() {
        Check::pass("content_type", answer.content_type.clone())
    } else if answer.content_type.is_empty() {
        Check::fail(
            "content_type",
            "no Content-Type (expected application/json)",
        )
    } else {
        Check::fail(
            "content_type",
            format!("{} (expected application/json)", answer.content_type),
        )
    });

    let body = answer.json_object(&t.url);
    let mut problems = Vec::new();
    if let Ok(body) = &body {
        for name in KEYS {
            match key(body, name) {
                None => problems.push(format!("{name} is missing")),
                Some(Value::String(s)) if s.trim().is_empty() && name != "TenantEndpointId" => {
                    problems.push(format!("{name} is an empty string"));
                }
                Some(Value::String(_)) => {}
                Some(other) => problems.push(format!("{name} is {}", json_type(other))),
            }
        }
    }
    out.push(match &body {
        Err(why) => Check::fail(
            "string_keys",
            format!("the body is not a JSON object: {why}"),
        ),
        Ok(_) if problems.is_empty() => Check::pass(
            "string_keys",
            "DiscoverUri, Token, TenantEndpointId, ExpireTime are strings",
        ),
        Ok(_) => Check::fail("string_keys", problems.join("; ")),
    });

    let expire = body
        .as_ref()
        .ok()
        .and_then(|b| key(b, "ExpireTime"))
        .and_then(Value::as_str);
    out.push(match expire {
        None => Check::skipped("expire_time", "string_keys"),
        Some(text) => expire_time(text),
    });

    match &main.result {
        Ok((token, _)) => {
            let discovered = discover(http, t, token).await;
            out.push(discovered);
            out.push(token_format(token));
            out.push(origin(t, token));
            out.push(probes::foreign_origin(http, t, redactor).await);
        }
        Err(e) => {
            // The client refused the answer; name the check that says why.
            let first_failed = out
                .iter()
                .find(|c| !c.result.is_ok() && c.name != "content_type")
                .map(|c| c.name);
            match first_failed {
                Some(needs) => {
                    for name in ["discover", "token", "origin", "foreign_origin"] {
                        out.push(Check::skipped(name, needs));
                    }
                }
                None => {
                    let why = match e {
                        ApiError::Malformed { detail, .. } => detail.clone(),
                        other => other.to_string(),
                    };
                    out.push(Check::fail(
                        "discover",
                        format!("the client refuses the answer: {why}"),
                    ));
                    out.push(Check::skipped("token", "discover"));
                    out.push(Check::skipped("origin", "discover"));
                    out.push(Check::skipped("foreign_origin", "discover"));
                }
            }
        }
    }
}

fn expire_time(text: &str) -> Check {
    let shown: String = mask_tokens(text).chars().take(40).collect();
    match UcwaDate::parse(text) {
        Err(_) => Check::fail(
            "expire_time",
            format!("ExpireTime {shown:?} is neither ISO-8601 nor /Date(ms)/"),
        ),
        Ok(at) => {
            let left = at.unix_ms - UcwaDate::now().unix_ms;
            if left > 0 {
                Check::pass(
                    "expire_time",
                    format!("expires in {} ({})", span(left), at.to_iso()),
                )
            } else {
                Check::fail(
                    "expire_time",
                    format!("expired {} ago ({})", span(left), at.to_iso()),
                )
            }
        }
    }
}

/// What the join does next: GET the discover URL with our Origin and find what it needs.
async fn discover(http: &HttpClient, t: &Target, token: &ServiceToken) -> Check {
    let host = Url::parse(token.discover_uri.expose().trim())
        .map(|u| format!("{}://{}", u.scheme(), host_of(&u)))
        .unwrap_or_else(|_| "(not a URL)".into());
    match ucwa::discover(http, &token.discover_uri, &t.origin).await {
        Err(e) => Check::fail("discover", format!("GET discover on {host}: {e}")),
        Ok((doc, resp)) => {
            let apps = doc
                .links
                .href(Rel::AnonApplications)
                .and_then(|h| ucwa::resolve(&resp.url, h).ok());
            let conference = crate::join::conference::conference_uri(&doc, token.token.expose());
            match (apps, conference) {
                (None, _) => Check::fail(
                    "discover",
                    format!("{host} answered 200 without a usable anonApplications link"),
                ),
                (Some(_), None) => Check::fail(
                    "discover",
                    format!(
                        "{host} answered 200 but neither it nor the token names the conference"
                    ),
                ),
                (Some(apps), Some(_)) => Check::pass(
                    "discover",
                    format!(
                        "{host} answered HTTP {} in {} ms; anonApplications on {}",
                        resp.status,
                        resp.elapsed.as_millis(),
                        host_of(&apps)
                    ),
                ),
            }
        }
    }
}

/// docs/protocol.md §2.1: tokens are opaque strings with a scheme prefix; flow A's is `psat=`.
fn token_format(token: &ServiceToken) -> Check {
    let value = token.token.expose().trim();
    if !value
        .get(..psat::PSAT_PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(psat::PSAT_PREFIX))
    {
        return Check::fail(
            "token",
            "Token does not start with psat= (the platform service's anonymous token)",
        );
    }
    match psat::decode_unverified(value) {
        Ok(c) => Check::pass(
            "token",
            format!(
                "psat= with a JWT; valid for {} more",
                span(c.exp.saturating_mul(1000) - UcwaDate::now().unix_ms)
            ),
        ),
        Err(_) => Check::pass("token", "psat= (opaque: not a readable JWT)"),
    }
}

/// Our origin was accepted for the mint; when the psat is readable its `ao` must list it.
fn origin(t: &Target, token: &ServiceToken) -> Check {
    let ours = t.origin.trim_end_matches('/').to_ascii_lowercase();
    match psat::decode_unverified(token.token.expose()) {
        Ok(c) if !c.ao.is_empty() => {
            let listed =
                c.ao.split(';')
                    .any(|o| o.trim().trim_end_matches('/').eq_ignore_ascii_case(&ours));
            if listed {
                Check::pass(
                    "origin",
                    format!(
                        "minted for {}; the token's allowed origins list it",
                        t.origin
                    ),
                )
            } else {
                Check::fail(
                    "origin",
                    format!(
                        "minted for {}, but the token's allowed origins do not list it",
                        t.origin
                    ),
                )
            }
        }
        _ => Check::pass("origin", format!("minted for {}", t.origin)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::check_service::report::Verdict;

    #[test]
    fn spans_read_plainly() {
        assert_eq!(span(42_000), "42 s");
        assert_eq!(span(-3_600_000), "1 h 0 min");
        assert_eq!(span(28_740_000), "7 h 59 min");
        assert_eq!(span(90_000), "1 min");
    }

    #[test]
    fn expiry_in_both_forms_past_and_garbage() {
        let future = UcwaDate::from_unix_ms(UcwaDate::now().unix_ms + 7_200_000);
        for text in [future.to_iso(), future.to_aspnet()] {
            let c = expire_time(&text);
            assert_eq!(c.result, Verdict::Pass, "{c:?}");
            assert!(
                c.detail.starts_with("expires in 1 h 59 min")
                    || c.detail.starts_with("expires in 2 h")
            );
        }
        let past = UcwaDate::from_unix_ms(UcwaDate::now().unix_ms - 120_000).to_iso();
        let c = expire_time(&past);
        assert_eq!(c.result, Verdict::Fail);
        assert!(c.detail.starts_with("expired 2 min ago"), "{c:?}");
        let c = expire_time("tomorrow psat=eyJsecret");
        assert_eq!(c.result, Verdict::Fail);
        assert!(!c.detail.contains("eyJ"), "{c:?}");
    }

    #[test]
    fn keys_are_found_as_the_client_finds_them() {
        let body: Map<String, Value> =
            serde_json::from_str(r#"{"expireTime": 5, "Token": "psat=x"}"#).unwrap();
        assert_eq!(key(&body, "ExpireTime").map(json_type), Some("a number"));
        assert_eq!(key(&body, "Token").map(json_type), Some("a string"));
        assert!(key(&body, "DiscoverUri").is_none());
    }
}
