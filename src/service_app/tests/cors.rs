//! CORS over `Router::oneshot`: allowed origins get the exact origin back, others nothing.

use axum::http::{HeaderName, StatusCode, header};

use super::*;

const FOREIGN: &str = "https://evil.example";

/// Every `Access-Control-*` response header.
const CORS_HEADERS: [HeaderName; 6] = [
    header::ACCESS_CONTROL_ALLOW_ORIGIN,
    header::ACCESS_CONTROL_ALLOW_METHODS,
    header::ACCESS_CONTROL_ALLOW_HEADERS,
    header::ACCESS_CONTROL_MAX_AGE,
    header::ACCESS_CONTROL_EXPOSE_HEADERS,
    header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
];

fn preflight(path: &str, origin: &str, method: &str) -> Request<Body> {
    let mut req = request("OPTIONS", path, None, "", [10, 0, 0, 1]);
    let h = req.headers_mut();
    h.insert(header::ORIGIN, origin.parse().unwrap());
    h.insert(
        header::ACCESS_CONTROL_REQUEST_METHOD,
        method.parse().unwrap(),
    );
    h.insert(
        header::ACCESS_CONTROL_REQUEST_HEADERS,
        "content-type,authorization".parse().unwrap(),
    );
    req
}

fn from_origin(mut req: Request<Body>, origin: &str) -> Request<Body> {
    req.headers_mut()
        .insert(header::ORIGIN, origin.parse().unwrap());
    req
}

fn header_text<'a>(answer: &'a Answer, name: &HeaderName) -> &'a str {
    answer.headers.get(name).map_or("", |v| v.to_str().unwrap())
}

fn list_of(answer: &Answer, name: &HeaderName) -> Vec<String> {
    answer
        .headers
        .get_all(name)
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .map(|s| s.trim().to_ascii_lowercase())
        .collect()
}

fn assert_no_cors(answer: &Answer, what: &str) {
    for name in &CORS_HEADERS {
        assert!(
            !answer.headers.contains_key(name),
            "{what}: {name} in {:?}",
            answer.headers
        );
    }
    assert!(
        list_of(answer, &header::VARY).contains(&"origin".to_string()),
        "{what}: no Vary: Origin in {:?}",
        answer.headers
    );
}

#[tokio::test]
async fn preflight_from_an_allowed_origin() {
    let app = app(unreachable_config().await);
    for (path, origin) in [
        ("/GetAnonTokenJob", ORIGIN),
        ("/getanontokenjob", "http://localhost:8080"),
    ] {
        let answer = call(&app, preflight(path, origin, "POST")).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(
            header_text(&answer, &header::ACCESS_CONTROL_ALLOW_ORIGIN),
            origin
        );
        assert!(list_of(&answer, &header::VARY).contains(&"origin".to_string()));
        assert_eq!(
            list_of(&answer, &header::ACCESS_CONTROL_ALLOW_METHODS),
            ["post"]
        );
        let allowed = list_of(&answer, &header::ACCESS_CONTROL_ALLOW_HEADERS);
        assert!(
            allowed.contains(&"content-type".to_string())
                && allowed.contains(&"authorization".to_string()),
            "{allowed:?}"
        );
        assert_eq!(header_text(&answer, &header::ACCESS_CONTROL_MAX_AGE), "600");
        assert!(
            !answer
                .headers
                .contains_key(header::ACCESS_CONTROL_ALLOW_CREDENTIALS)
        );
    }
    let answer = call(&app, preflight("/health", ORIGIN, "GET")).await;
    assert_eq!(
        header_text(&answer, &header::ACCESS_CONTROL_ALLOW_ORIGIN),
        ORIGIN
    );
    assert_eq!(
        list_of(&answer, &header::ACCESS_CONTROL_ALLOW_METHODS),
        ["get"]
    );
}

#[tokio::test]
async fn preflight_from_another_origin_gets_no_cors() {
    let app = app(unreachable_config().await);
    for origin in [
        FOREIGN,
        "null",
        // Allowed origins match exactly, as browsers serialise them.
        "https://contoso.com:443",
        "https://contoso.com/",
        "http://contoso.com",
    ] {
        let answer = call(&app, preflight("/GetAnonTokenJob", origin, "POST")).await;
        assert_eq!(
            (answer.status, answer.code()),
            (StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed"),
            "{origin}"
        );
        assert_no_cors(&answer, origin);
    }
    // An OPTIONS that is no preflight, from an allowed origin: the route's own answer.
    let mut req = preflight("/GetAnonTokenJob", ORIGIN, "POST");
    req.headers_mut()
        .remove(header::ACCESS_CONTROL_REQUEST_METHOD);
    let answer = call(&app, req).await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_no_cors(&answer, "OPTIONS without Access-Control-Request-Method");
    // Other paths take no part.
    let answer = call(&app, preflight("/nope", ORIGIN, "POST")).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(
        !answer
            .headers
            .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN)
    );
}

#[tokio::test]
async fn requests_from_an_allowed_origin_carry_the_origin() {
    let mut config = unreachable_config().await;
    config.rate_limit_per_minute = 1;
    let app = app(config);
    let answer = call(&app, from_origin(form(&valid_fields()), ORIGIN)).await;
    // Validation passed; the upstream is unreachable.
    assert_eq!(answer.code(), "UpstreamUnavailable");
    assert_eq!(
        header_text(&answer, &header::ACCESS_CONTROL_ALLOW_ORIGIN),
        ORIGIN
    );
    assert!(list_of(&answer, &header::VARY).contains(&"origin".to_string()));
    // A page can read the Retry-After of a 429.
    let answer = call(&app, from_origin(form(&valid_fields()), ORIGIN)).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        header_text(&answer, &header::ACCESS_CONTROL_ALLOW_ORIGIN),
        ORIGIN
    );
    assert_eq!(
        list_of(&answer, &header::ACCESS_CONTROL_EXPOSE_HEADERS),
        ["retry-after"]
    );
    let health = request("GET", "/health", None, "", [10, 0, 0, 1]);
    let answer = call(&app, from_origin(health, "http://localhost:8080")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        header_text(&answer, &header::ACCESS_CONTROL_ALLOW_ORIGIN),
        "http://localhost:8080"
    );
}

#[tokio::test]
async fn requests_from_another_origin_get_no_cors_and_the_origin_policy_still_applies() {
    let app = app(unreachable_config().await);
    let answer = call(&app, from_origin(form(&valid_fields()), FOREIGN)).await;
    assert_eq!(answer.code(), "UpstreamUnavailable");
    assert_no_cors(&answer, "POST from a foreign origin");
    // The page's origin and the origin a token is minted for are separate checks.
    let mut fields = valid_fields();
    fields[1].1 = FOREIGN;
    let answer = call(&app, from_origin(form(&fields), ORIGIN)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::FORBIDDEN, "OriginNotAllowed")
    );
    assert_eq!(
        header_text(&answer, &header::ACCESS_CONTROL_ALLOW_ORIGIN),
        ORIGIN
    );
    // No Origin at all (the desktop client): no CORS headers.
    let answer = call(&app, form(&valid_fields())).await;
    assert_no_cors(&answer, "no Origin");
}
