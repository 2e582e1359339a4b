//! The client address behind reverse proxies, as the rate limiter and the access log see it.

use axum::http::{HeaderName, StatusCode};

use super::*;

const XFF: HeaderName = HeaderName::from_static("x-forwarded-for");
const PROXY: [u8; 4] = [10, 0, 0, 2];

fn token_request(peer: [u8; 4], headers: &[(&str, &str)]) -> Request<Body> {
    let mut req = request(
        "POST",
        "/GetAnonTokenJob",
        Some("application/json"),
        "{}",
        peer,
    );
    for (name, value) in headers {
        req.headers_mut().append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    req
}

async fn limited_app(trusted: &[&str]) -> Router {
    let mut config = unreachable_config().await;
    config.rate_limit_per_minute = 1;
    config.trusted_proxies = trusted.iter().map(|s| s.to_string()).collect();
    app(config)
}

async fn status(app: &Router, req: Request<Body>) -> StatusCode {
    call(app, req).await.status
}

#[tokio::test]
async fn a_spoofed_header_from_an_untrusted_peer_is_ignored() {
    let app = limited_app(&["10.0.0.0/8"]).await;
    let peer = [203, 0, 113, 5];
    let first = token_request(peer, &[("x-forwarded-for", "198.51.100.1")]);
    assert_eq!(status(&app, first).await, StatusCode::BAD_REQUEST);
    // Another made-up address does not buy another request.
    for (name, value) in [
        ("x-forwarded-for", "198.51.100.2"),
        ("forwarded", "for=198.51.100.3"),
    ] {
        let again = token_request(peer, &[(name, value)]);
        assert_eq!(
            status(&app, again).await,
            StatusCode::TOO_MANY_REQUESTS,
            "{name}"
        );
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let app = limited_app(&["10.0.0.0/8"]).await;
    let via = |xff: &str| token_request(PROXY, &[("x-forwarded-for", xff)]);
    assert_eq!(
        status(&app, via("198.51.100.1")).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        status(&app, via("198.51.100.2")).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        status(&app, via("198.51.100.1")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The client prepending its own header does not help: the proxy's hop is the one read.
    assert_eq!(
        status(&app, via("192.0.2.77, 198.51.100.1")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // IPv6 clients reported in Forwarded, one /64 sharing a limit.
    let v6 = |addr: &str| token_request(PROXY, &[("forwarded", &format!("for=\"[{addr}]:4711\""))]);
    assert_eq!(
        status(&app, v6("2001:db8:1:2::1")).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        status(&app, v6("2001:db8:1:2::2")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        status(&app, v6("2001:db8:1:3::1")).await,
        StatusCode::BAD_REQUEST
    );
    // No header: the proxy itself is the client.
    assert_eq!(
        status(&app, token_request(PROXY, &[])).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        status(&app, token_request(PROXY, &[])).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn without_trusted_proxies_the_proxy_is_the_client() {
    let app = limited_app(&[]).await;
    let via = |xff: &str| token_request(PROXY, &[("x-forwarded-for", xff)]);
    assert_eq!(
        status(&app, via("198.51.100.1")).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        status(&app, via("198.51.100.2")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn the_access_log_names_client_and_peer() {
    let logs = LogCapture::default();
    let _guard = logs.install();
    let app = limited_app(&["10.0.0.2"]).await;
    let mut req = token_request(PROXY, &[]);
    req.headers_mut()
        .insert(XFF, "198.51.100.1".parse().unwrap());
    call(&app, req).await;
    let text = logs.text();
    assert!(
        text.contains("client=198.51.100.1") && text.contains("peer=10.0.0.2"),
        "{text}"
    );
}
