//! Every request-side `Code`, over form and JSON bodies, via `Router::oneshot`. The upstream is
//! unreachable, so a request that passes validation ends in `502 UpstreamUnavailable`.

use std::collections::BTreeSet;

use axum::http::{StatusCode, header};

use super::*;
use crate::service_app::{Code, MAX_BODY_BYTES};

/// (label, fields, expected code, the start of the expected message). `fields` replace the
/// valid ones by name; a `None` value removes the field. The message is given whole, except
/// where it ends with the operating system's words for a refused connection.
type Case = (
    &'static str,
    Vec<(&'static str, Option<String>)>,
    Code,
    &'static str,
);

const SESSION_ID_FORMAT: &str =
    "ApplicationSessionId must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'.";
const MEETING_NOT_ALLOWED: &str = "This service does not mint tokens for that meeting URL.";
const UPSTREAM_DOWN: &str = "Azure AD is unavailable (could not connect: ";

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

fn cases() -> Vec<Case> {
    [
        session_id_cases(),
        origin_cases(),
        meeting_url_cases(),
        length_and_valid_cases(),
    ]
    .concat()
}

/// `ApplicationSessionId`: missing, empty, malformed.
fn session_id_cases() -> Vec<Case> {
    vec![
        (
            "no session id",
            vec![("ApplicationSessionId", None)],
            Code::MissingApplicationSessionId,
            "ApplicationSessionId is required (one per guest session, e.g. a UUID).",
        ),
        (
            "empty session id",
            vec![("ApplicationSessionId", s(""))],
            Code::MissingApplicationSessionId,
            "ApplicationSessionId is required (one per guest session, e.g. a UUID).",
        ),
        (
            "session id with a space",
            vec![("ApplicationSessionId", s("a b"))],
            Code::InvalidApplicationSessionId,
            SESSION_ID_FORMAT,
        ),
        (
            "session id of 65 chars",
            vec![("ApplicationSessionId", Some("a".repeat(65)))],
            Code::InvalidApplicationSessionId,
            SESSION_ID_FORMAT,
        ),
        (
            "session id with a slash",
            vec![("ApplicationSessionId", s("a/b"))],
            Code::InvalidApplicationSessionId,
            SESSION_ID_FORMAT,
        ),
        (
            "session id non-ascii",
            vec![("ApplicationSessionId", s("séance"))],
            Code::InvalidApplicationSessionId,
            SESSION_ID_FORMAT,
        ),
    ]
}

/// `AllowedOrigins`: missing, malformed, not allowed.
fn origin_cases() -> Vec<Case> {
    vec![
        (
            "no origins",
            vec![("AllowedOrigins", None)],
            Code::MissingAllowedOrigins,
            "AllowedOrigins is required (the web origin the guest uses).",
        ),
        (
            "only separators",
            vec![("AllowedOrigins", s(" ; ;"))],
            Code::MissingAllowedOrigins,
            "AllowedOrigins is required (the web origin the guest uses).",
        ),
        (
            "origin without scheme",
            vec![("AllowedOrigins", s("contoso.com"))],
            Code::InvalidOrigin,
            "The origin \"contoso.com\" is not scheme://host[:port].",
        ),
        (
            "origin http non-local",
            vec![("AllowedOrigins", s("http://contoso.com"))],
            Code::InvalidOrigin,
            "The origin \"http://contoso.com\" must use https (http only for localhost, 127.0.0.1 and [::1]).",
        ),
        (
            "origin ftp",
            vec![("AllowedOrigins", s("ftp://contoso.com"))],
            Code::InvalidOrigin,
            "The origin \"ftp://contoso.com\" must use https.",
        ),
        (
            "origin with a path",
            vec![("AllowedOrigins", s("https://contoso.com/app"))],
            Code::InvalidOrigin,
            "The origin \"https://contoso.com/app\" must be scheme://host[:port] without a path, query or fragment.",
        ),
        (
            "origin with credentials",
            vec![("AllowedOrigins", s("https://u:p@contoso.com"))],
            Code::InvalidOrigin,
            "The origin \"https://u:p@contoso.com\" must not contain a user name or password.",
        ),
        (
            "second origin invalid",
            vec![("AllowedOrigins", s("https://contoso.com;nope"))],
            Code::InvalidOrigin,
            "The origin \"nope\" is not scheme://host[:port].",
        ),
        (
            "origin not allowed",
            vec![("AllowedOrigins", s("https://litware.com"))],
            Code::OriginNotAllowed,
            "This service does not mint tokens for the origin https://litware.com.",
        ),
        (
            "one of two not allowed",
            vec![(
                "AllowedOrigins",
                s("https://contoso.com;https://litware.com"),
            )],
            Code::OriginNotAllowed,
            "This service does not mint tokens for the origin https://litware.com.",
        ),
        (
            "local origin on another port",
            vec![("AllowedOrigins", s("http://localhost:9999"))],
            Code::OriginNotAllowed,
            "This service does not mint tokens for the origin http://localhost:9999.",
        ),
    ]
}

/// `MeetingUrl`: missing, malformed, not allowed.
fn meeting_url_cases() -> Vec<Case> {
    vec![
        (
            "no meeting url",
            vec![("MeetingUrl", None)],
            Code::MissingMeetingUrl,
            "MeetingUrl is required (the meeting's https join link).",
        ),
        (
            "blank meeting url",
            vec![("MeetingUrl", s("  "))],
            Code::MissingMeetingUrl,
            "MeetingUrl is required (the meeting's https join link).",
        ),
        (
            "meeting url http",
            vec![("MeetingUrl", s("http://meet.lync.com/contoso/alice/X"))],
            Code::InvalidMeetingUrl,
            "MeetingUrl \"http://meet.lync.com/contoso/alice/X\" must use https.",
        ),
        (
            "meeting url relative",
            vec![("MeetingUrl", s("/contoso/alice/X"))],
            Code::InvalidMeetingUrl,
            "MeetingUrl \"/contoso/alice/X\" is not an absolute URL.",
        ),
        (
            "meeting url is sip",
            vec![(
                "MeetingUrl",
                s("sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:X"),
            )],
            Code::InvalidMeetingUrl,
            "MeetingUrl \"sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:X\" must use https.",
        ),
        (
            "meeting url with credentials",
            vec![("MeetingUrl", s("https://u:p@meet.lync.com/contoso/a/X"))],
            Code::InvalidMeetingUrl,
            "MeetingUrl \"https://u:p@meet.lync.com/contoso/a/X\" must not contain a user name or password.",
        ),
        (
            "meeting of another tenant",
            vec![("MeetingUrl", s("https://meet.lync.com/fabrikam/bob/X"))],
            Code::MeetingUrlNotAllowed,
            MEETING_NOT_ALLOWED,
        ),
        (
            "look-alike host",
            vec![(
                "MeetingUrl",
                s("https://meet.lync.com.evil.example/contoso/a/X"),
            )],
            Code::MeetingUrlNotAllowed,
            MEETING_NOT_ALLOWED,
        ),
        (
            "dot-dot escape",
            vec![(
                "MeetingUrl",
                s("https://meet.lync.com/contoso/../fabrikam/X"),
            )],
            Code::MeetingUrlNotAllowed,
            MEETING_NOT_ALLOWED,
        ),
        (
            "exact pattern, other path",
            vec![("MeetingUrl", s("https://join.example.com/exact/2"))],
            Code::MeetingUrlNotAllowed,
            MEETING_NOT_ALLOWED,
        ),
    ]
}

/// Fields over the size limit, and requests that pass validation (so they end at the unreachable upstream).
fn length_and_valid_cases() -> Vec<Case> {
    vec![
        (
            "meeting url too long",
            vec![(
                "MeetingUrl",
                Some(format!("{MEETING}/{}", "x".repeat(2100))),
            )],
            Code::FieldTooLong,
            "MeetingUrl is 2143 bytes long; at most 2048 are accepted.",
        ),
        (
            "origins too long",
            vec![("AllowedOrigins", Some("https://contoso.com;".repeat(120)))],
            Code::FieldTooLong,
            "AllowedOrigins is 2400 bytes long; at most 2048 are accepted.",
        ),
        ("valid", vec![], Code::UpstreamUnavailable, UPSTREAM_DOWN),
        (
            "valid: local origin",
            vec![("AllowedOrigins", s("http://localhost:8080"))],
            Code::UpstreamUnavailable,
            UPSTREAM_DOWN,
        ),
        (
            "valid: two origins, trailing slash",
            vec![(
                "AllowedOrigins",
                s("https://CONTOSO.com/ ; http://localhost:8080"),
            )],
            Code::UpstreamUnavailable,
            UPSTREAM_DOWN,
        ),
        (
            "valid: exact pattern",
            vec![("MeetingUrl", s("https://join.example.com/exact/1"))],
            Code::UpstreamUnavailable,
            UPSTREAM_DOWN,
        ),
        (
            "valid: host case",
            vec![("MeetingUrl", s("https://MEET.lync.com/Contoso/alice/X"))],
            Code::UpstreamUnavailable,
            UPSTREAM_DOWN,
        ),
    ]
}

fn fields_for(case: &[(&'static str, Option<String>)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = valid_fields()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for (name, value) in case {
        fields.retain(|(k, _)| k != name);
        if let Some(v) = value {
            fields.push((name.to_string(), v.clone()));
        }
    }
    fields
}

#[tokio::test]
async fn validation_table_form_and_json() {
    let app = app(unreachable_config().await);
    let mut seen = BTreeSet::new();
    for (label, case, expected, message) in cases() {
        let fields = fields_for(&case);
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        for (kind, req) in [("form", form(&pairs)), ("json", json_fields(&pairs))] {
            let answer = call(&app, req).await;
            assert_eq!(
                answer.code(),
                expected.as_str(),
                "{label} ({kind}): {:?}",
                answer.body
            );
            assert_eq!(answer.status, expected.status(), "{label} ({kind})");
            let text = answer.error();
            assert!(text.starts_with(message), "{label} ({kind}): {text}");
        }
        seen.insert(expected.as_str());
    }
    for code in [
        Code::MissingApplicationSessionId,
        Code::InvalidApplicationSessionId,
        Code::MissingAllowedOrigins,
        Code::InvalidOrigin,
        Code::OriginNotAllowed,
        Code::MissingMeetingUrl,
        Code::InvalidMeetingUrl,
        Code::MeetingUrlNotAllowed,
        Code::FieldTooLong,
    ] {
        assert!(seen.contains(code.as_str()), "{code} not covered");
    }
}

#[tokio::test]
async fn field_names_and_the_path_are_case_insensitive() {
    let app = app(unreachable_config().await);
    let fields = [
        ("applicationsessionid", SESSION),
        ("ALLOWEDORIGINS", ORIGIN),
        ("meetingURL", MEETING),
    ];
    for path in ["/GetAnonTokenJob", "/getanontokenjob", "/GETANONTOKENJOB"] {
        let req = request(
            "POST",
            path,
            Some("application/x-www-form-urlencoded; charset=UTF-8"),
            form_body(&fields),
            [10, 0, 0, 1],
        );
        let answer = call(&app, req).await;
        assert_eq!(
            answer.code(),
            "UpstreamUnavailable",
            "{path}: {:?}",
            answer.body
        );
        let req = request("POST", path, Some("application/json"), "{}", [10, 0, 0, 1]);
        assert_eq!(
            call(&app, req).await.code(),
            "MissingApplicationSessionId",
            "{path}"
        );
    }
    let answer = call(&app, json_fields(&fields)).await;
    assert_eq!(answer.code(), "UpstreamUnavailable");
}

#[tokio::test]
async fn body_shape_errors() {
    let app = app(unreachable_config().await);
    let dup = form(&[
        ("ApplicationSessionId", SESSION),
        ("AllowedOrigins", ORIGIN),
        ("MeetingUrl", MEETING),
        ("meetingurl", "https://meet.lync.com/contoso/other/Y"),
    ]);
    assert_eq!(call(&app, dup).await.code(), "DuplicateField");
    for (body, what) in [
        ("{", "truncated JSON"),
        ("[1,2]", "an array"),
        ("\"x\"", "a string"),
        (r#"{"MeetingUrl": 5}"#, "a number field"),
    ] {
        let req = request(
            "POST",
            "/GetAnonTokenJob",
            Some("application/json"),
            body,
            [10, 0, 0, 1],
        );
        let answer = call(&app, req).await;
        assert_eq!(answer.code(), "MalformedBody", "{what}");
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    }
    // Unknown fields and null values are ignored.
    let mut v = serde_json::json!({"ApplicationSessionId": SESSION, "AllowedOrigins": ORIGIN,
        "MeetingUrl": MEETING, "Extra": {"nested": true}, "Culture": null});
    assert_eq!(call(&app, json(&v)).await.code(), "UpstreamUnavailable");
    v["MeetingUrl"] = serde_json::Value::Null;
    assert_eq!(call(&app, json(&v)).await.code(), "MissingMeetingUrl");
}

#[tokio::test]
async fn content_type_and_size() {
    let app = app(unreachable_config().await);
    let body = form_body(&valid_fields());
    for ct in [
        Some("text/plain"),
        None,
        Some("multipart/form-data; boundary=x"),
    ] {
        let req = request("POST", "/GetAnonTokenJob", ct, body.clone(), [10, 0, 0, 1]);
        let answer = call(&app, req).await;
        assert_eq!(answer.code(), "UnsupportedContentType", "{ct:?}");
        assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }
    let req = request(
        "POST",
        "/GetAnonTokenJob",
        Some("application/vnd.custom+json"),
        "{}",
        [10, 0, 0, 1],
    );
    assert_eq!(call(&app, req).await.code(), "MissingApplicationSessionId");

    let big = format!("{body}&Padding={}", "x".repeat(MAX_BODY_BYTES));
    // Without Content-Length (streamed) and with it (refused before reading).
    let req = request(
        "POST",
        "/GetAnonTokenJob",
        Some("application/x-www-form-urlencoded"),
        big.clone(),
        [10, 0, 0, 1],
    );
    let answer = call(&app, req).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::PAYLOAD_TOO_LARGE, "BodyTooLarge")
    );
    let mut req = request(
        "POST",
        "/GetAnonTokenJob",
        Some("application/x-www-form-urlencoded"),
        big.clone(),
        [10, 0, 0, 1],
    );
    req.headers_mut()
        .insert(header::CONTENT_LENGTH, big.len().into());
    assert_eq!(call(&app, req).await.code(), "BodyTooLarge");
}

#[tokio::test]
async fn service_key_is_required_when_configured() {
    let mut config = unreachable_config().await;
    config.service_key = Some(Secret::new(SERVICE_KEY));
    let app = app(config);
    let answer = call(&app, form(&valid_fields())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::UNAUTHORIZED, "MissingServiceKey")
    );
    assert!(answer.headers.contains_key(header::WWW_AUTHENTICATE));
    for value in [
        "Bearer wrong".to_string(),
        format!("Basic {SERVICE_KEY}"),
        format!("Bearer {SERVICE_KEY}x"),
        "Bearer".to_string(),
    ] {
        let mut req = form(&valid_fields());
        req.headers_mut()
            .insert(header::AUTHORIZATION, value.parse().unwrap());
        let answer = call(&app, req).await;
        assert_eq!(
            (answer.status, answer.code()),
            (StatusCode::UNAUTHORIZED, "InvalidServiceKey"),
            "{value}"
        );
        assert!(!answer.body.to_string().contains(SERVICE_KEY));
    }
    let mut req = form(&valid_fields());
    req.headers_mut().insert(
        header::AUTHORIZATION,
        format!("bearer {SERVICE_KEY}").parse().unwrap(),
    );
    assert_eq!(call(&app, req).await.code(), "UpstreamUnavailable");
}

#[tokio::test]
async fn rate_limit_is_per_client_ip() {
    let mut config = unreachable_config().await;
    config.rate_limit_per_minute = 2;
    let app = app(config);
    let from = |ip: [u8; 4]| {
        request(
            "POST",
            "/GetAnonTokenJob",
            Some("application/json"),
            "{}",
            ip,
        )
    };
    assert_eq!(
        call(&app, from([10, 0, 0, 7])).await.code(),
        "MissingApplicationSessionId"
    );
    assert_eq!(
        call(&app, from([10, 0, 0, 7])).await.code(),
        "MissingApplicationSessionId"
    );
    let answer = call(&app, from([10, 0, 0, 7])).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::TOO_MANY_REQUESTS, "RateLimited")
    );
    let retry: u64 = answer.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    // Two a minute: the next one 30 s after the first.
    assert!((1..=30).contains(&retry), "{retry}");
    assert_eq!(
        call(&app, from([10, 0, 0, 8])).await.code(),
        "MissingApplicationSessionId"
    );
    // Health is never limited.
    let health = request("GET", "/health", None, "", [10, 0, 0, 7]);
    assert_eq!(call(&app, health).await.status, StatusCode::OK);
}

#[tokio::test]
async fn other_routes_and_methods() {
    let app = app(unreachable_config().await);
    let answer = call(&app, request("GET", "/health", None, "", [10, 0, 0, 1])).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body,
        serde_json::json!({"status": "ok", "discovery_cached": false})
    );
    for path in ["/GetAnonTokenJob", "/getanontokenjob"] {
        let answer = call(&app, request("GET", path, None, "", [10, 0, 0, 1])).await;
        assert_eq!(
            (answer.status, answer.code()),
            (StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed")
        );
        assert_eq!(answer.headers[header::ALLOW], "POST");
    }
    let answer = call(&app, request("POST", "/health", None, "", [10, 0, 0, 1])).await;
    assert_eq!(answer.code(), "MethodNotAllowed");
    assert_eq!(answer.headers[header::ALLOW], "GET, HEAD");
    let answer = call(&app, request("POST", "/nope?x=1", None, "", [10, 0, 0, 1])).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::NOT_FOUND, "NotFound")
    );
}

#[test]
fn codes_are_distinct_and_stable() {
    let names: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), Code::ALL.len());
    for c in Code::ALL {
        assert_eq!(format!("{c:?}"), c.as_str());
        assert!(c.status().is_client_error() || c.status().is_server_error());
    }
}
