//! Request parsing and response helpers shared by the emulator's routes.

use axum::body::{Body, Bytes};
use axum::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::api::wire::{UcwaCode, UcwaError, UcwaSubcode};

pub(crate) const JSON_TYPE: &str = "application/json; charset=utf-8";

/// A parsed request: lower-cased path segments for matching, decoded query pairs, the body.
pub(crate) struct Req {
    pub method: Method,
    /// Path segments, lower-cased (the emulator's own ids are lower-case or digits).
    pub segs: Vec<String>,
    /// The raw query string, if any.
    pub raw_query: Option<String>,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Req {
    pub fn new(method: Method, uri: &axum::http::Uri, headers: HeaderMap, body: Bytes) -> Self {
        let segs = uri
            .path()
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .to_lowercase()
            })
            .collect();
        let raw_query = uri.query().map(str::to_string);
        let query = raw_query
            .as_deref()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default();
        Self {
            method,
            segs,
            raw_query,
            query,
            headers,
            body,
        }
    }

    /// A query parameter, name matched case-insensitively.
    pub fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The raw (still percent-encoded) value of a query parameter.
    pub fn raw_q(&self, name: &str) -> Option<&str> {
        self.raw_query.as_deref()?.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            k.eq_ignore_ascii_case(name).then_some(v)
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The bearer token of the `Authorization` header.
    pub fn bearer(&self) -> Option<&str> {
        let v = self.header("authorization")?.trim();
        let (scheme, rest) = v.split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("bearer")
            .then_some(rest.trim())
            .filter(|t| !t.is_empty())
    }

    pub fn origin(&self) -> Option<&str> {
        self.header("origin").filter(|o| !o.trim().is_empty())
    }

    /// The media type of the body, lower-cased, without parameters.
    pub fn content_type(&self) -> Option<String> {
        self.header("content-type").map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }

    /// The body as a JSON object whose keys are renamed to the spelling in `fields` when they
    /// match case-insensitively. An empty body is an empty object.
    pub fn json_object(&self, fields: &[&str]) -> Result<Map<String, Value>, UcwaErrorReply> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Map::new());
        }
        let value: Value = serde_json::from_slice(&self.body).map_err(|e| {
            UcwaErrorReply::new(
                StatusCode::BAD_REQUEST,
                UcwaCode::BadRequest,
                Some(UcwaSubcode::DeserializationFailure),
                &format!("The request body is not valid JSON: {e}"),
            )
        })?;
        let Value::Object(obj) = value else {
            return Err(UcwaErrorReply::new(
                StatusCode::BAD_REQUEST,
                UcwaCode::BadRequest,
                Some(UcwaSubcode::DeserializationFailure),
                "The request body must be a JSON object.",
            ));
        };
        Ok(obj
            .into_iter()
            .map(|(k, v)| {
                let key = fields
                    .iter()
                    .find(|f| f.eq_ignore_ascii_case(&k))
                    .map_or(k, |f| (*f).to_string());
                (key, v)
            })
            .collect())
    }
}

impl Req {
    /// The JSON body decoded as the wire type `T`: property names are matched
    /// case-insensitively against `fields` (the wire spelling) and every name in `required`
    /// must be present and not blank (else 400 ParameterValidationFailure naming it).
    pub fn body_as<T: serde::de::DeserializeOwned>(
        &self,
        fields: &[&str],
        required: &[&str],
    ) -> Result<T, UcwaErrorReply> {
        let obj = self.json_object(fields)?;
        if let Some(missing) = required.iter().find(|f| str_field(&obj, f).is_none()) {
            return Err(UcwaErrorReply::invalid(
                missing,
                &format!("The {missing} property is required."),
            ));
        }
        serde_json::from_value(Value::Object(obj)).map_err(|e| {
            UcwaErrorReply::new(
                StatusCode::BAD_REQUEST,
                UcwaCode::BadRequest,
                Some(UcwaSubcode::DeserializationFailure),
                &format!("The request body does not have the expected shape: {e}"),
            )
        })
    }
}

/// Operation ids are at most 50 characters (docs/protocol.md §2.3).
pub(crate) fn check_operation_id(op: Option<&str>) -> Result<(), UcwaErrorReply> {
    if op.is_some_and(|o| o.chars().count() > 50) {
        Err(UcwaErrorReply::invalid(
            "operationId",
            "The operationId is longer than 50 characters.",
        ))
    } else {
        Ok(())
    }
}

/// A string property of a JSON object, trimmed; `None` when absent, null or blank.
pub(crate) fn str_field<'a>(obj: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    obj.get(name)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// An error answered as a UCWA error body.
#[derive(Debug, Clone)]
pub(crate) struct UcwaErrorReply {
    pub status: StatusCode,
    pub body: Box<UcwaError>,
}

impl UcwaErrorReply {
    pub fn new(
        status: StatusCode,
        code: UcwaCode,
        subcode: Option<UcwaSubcode>,
        message: &str,
    ) -> Self {
        Self {
            status,
            body: Box::new(UcwaError::new(code, subcode, message)),
        }
    }

    /// 400 ParameterValidationFailure naming the invalid property.
    pub fn invalid(param: &str, message: &str) -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            UcwaCode::BadRequest,
            Some(UcwaSubcode::ParameterValidationFailure),
            message,
        );
        e.body.parameters = Some(serde_json::json!([{ "name": param, "reason": message }]));
        e
    }

    pub fn not_found(message: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, UcwaCode::NotFound, None, message)
    }

    pub fn app_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            UcwaCode::NotFound,
            Some(UcwaSubcode::ApplicationNotFound),
            "The application does not exist.",
        )
    }

    pub fn app_expired() -> Self {
        Self::new(
            StatusCode::GONE,
            UcwaCode::Gone,
            Some(UcwaSubcode::InactiveApplicationExpired),
            "The application expired because its event channel was inactive.",
        )
    }

    pub fn conflict(subcode: Option<UcwaSubcode>, message: &str) -> Self {
        Self::new(StatusCode::CONFLICT, UcwaCode::Conflict, subcode, message)
    }

    pub fn forbidden(subcode: Option<UcwaSubcode>, message: &str) -> Self {
        Self::new(StatusCode::FORBIDDEN, UcwaCode::Forbidden, subcode, message)
    }
}

impl IntoResponse for UcwaErrorReply {
    fn into_response(self) -> Response {
        json(self.status, &self.body)
    }
}

/// A JSON response.
pub(crate) fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec());
    let mut resp = (status, bytes).into_response();
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(JSON_TYPE));
    resp
}

pub(crate) fn empty(status: StatusCode) -> Response {
    status.into_response()
}

/// `201 Created` with an empty body and a `Location` header.
pub(crate) fn created(location: &str) -> Response {
    let mut resp = StatusCode::CREATED.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        resp.headers_mut().insert(axum::http::header::LOCATION, v);
    }
    resp
}

/// An HTML page (401 challenges, injected intermediary faults).
pub(crate) fn html(status: StatusCode, text: &str) -> Response {
    let page = format!(
        "<!DOCTYPE html><html><head><title>{text}</title></head><body><h1>{text}</h1></body></html>"
    );
    let mut resp = (status, page).into_response();
    resp.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    resp
}

/// Add a header when the value is valid.
pub(crate) fn set_header(resp: &mut Response, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        resp.headers_mut().insert(HeaderName::from_static(name), v);
    }
}

/// Append a header (for repeated headers such as two `WWW-Authenticate`).
pub(crate) fn append_header(resp: &mut Response, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        resp.headers_mut().append(HeaderName::from_static(name), v);
    }
}

/// A response whose body fails after the headers: the client sees the connection aborted.
pub(crate) fn aborted() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "event channel dropped by the emulator",
        ))
    });
    let mut resp = Response::new(Body::from_stream(stream));
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(JSON_TYPE));
    resp
}

/// Percent-encode everything except RFC 3986 unreserved characters, with lower-case hex
/// (as the published traces do: `sip%3ahelpdesk%40...`, `psat%253d...`).
pub(crate) fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02x}"));
        }
    }
    out
}

/// Percent-decode repeatedly until the value stops changing (the discover context may arrive
/// encoded once, twice or not at all).
pub(crate) fn decode_fully(s: &str) -> String {
    let mut cur = s.to_string();
    for _ in 0..8 {
        let next = percent_encoding::percent_decode_str(&cur)
            .decode_utf8_lossy()
            .into_owned();
        if next == cur {
            break;
        }
        cur = next;
    }
    cur
}

/// `scheme://host[:port]` of an origin or URL, lower-cased, no path, no trailing slash.
pub(crate) fn normalize_origin(s: &str) -> Option<String> {
    let url = url::Url::parse(s.trim()).ok()?;
    let host = url.host_str()?;
    let mut out = format!("{}://{}", url.scheme(), host).to_ascii_lowercase();
    if let Some(port) = url.port() {
        out.push_str(&format!(":{port}"));
    }
    Some(out)
}

/// True for origins that may use plain HTTP (local testing).
pub(crate) fn is_local_origin(origin: &str) -> bool {
    url::Url::parse(origin)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .is_some_and(|h| h == "localhost" || h == "127.0.0.1" || h == "[::1]")
}

/// Seconds since the Unix epoch.
pub(crate) fn unix_now() -> i64 {
    crate::api::wire::UcwaDate::now().unix_ms / 1000
}

/// Milliseconds since the Unix epoch.
pub(crate) fn unix_now_ms() -> i64 {
    crate::api::wire::UcwaDate::now().unix_ms
}

/// Random decimal digits (ids in the emulator's URL space).
pub(crate) fn digits(n: usize) -> String {
    let mut s = String::with_capacity(n);
    s.push(char::from(b'1' + fastrand::u8(0..9)));
    for _ in 1..n {
        s.push(char::from(b'0' + fastrand::u8(0..10)));
    }
    s
}

/// Random lower-case hex.
pub(crate) fn hex_id(n: usize) -> String {
    (0..n)
        .map(|_| char::from_digit(fastrand::u32(0..16), 16).unwrap_or('0'))
        .collect()
}

/// SHA-256 of a token: the emulator recognises tokens without keeping them.
pub(crate) fn token_hash(token: &str) -> [u8; 32] {
    use sha2::Digest as _;
    sha2::Sha256::digest(token.trim().as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_and_decode() {
        assert_eq!(encode_component("sip:a@b.c"), "sip%3aa%40b.c");
        let twice = encode_component(&encode_component("psat=ab.c-_"));
        assert_eq!(twice, "psat%253dab.c-_");
        assert_eq!(decode_fully(&twice), "psat=ab.c-_");
        assert_eq!(decode_fully("psat=ab"), "psat=ab");
    }

    #[test]
    fn origins() {
        assert_eq!(
            normalize_origin("https://Contoso.com/store/x").as_deref(),
            Some("https://contoso.com")
        );
        assert_eq!(
            normalize_origin("http://localhost:8080/").as_deref(),
            Some("http://localhost:8080")
        );
        assert_eq!(normalize_origin("nonsense"), None);
        assert!(is_local_origin("http://127.0.0.1:3000"));
        assert!(!is_local_origin("http://contoso.com"));
    }
}
