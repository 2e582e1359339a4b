//! The upstream flow (docs/protocol.md §A.1–A.6) against the fake Trusted Application API.

use axum::http::StatusCode;
use futures_util::future::join_all;

use super::fake_trusted_app::*;
use super::*;
use crate::api::wire::service_app::TokenResponse;
use crate::service_app::start;

fn app_for(fake: &FakeTap) -> Router {
    app(config(fake.aad_url(), fake.discover_url()))
}

fn token_of(answer: &Answer) -> TokenResponse {
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.body);
    serde_json::from_value(answer.body.clone()).unwrap()
}

#[tokio::test]
async fn served_over_tcp_with_service_rels_and_aspnet_dates() {
    let fake = FakeTap::start("service:", false).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let handle = start(config(fake.aad_url(), fake.discover_url()), listener)
        .await
        .unwrap();
    assert_eq!(handle.token_url().path(), "/GetAnonTokenJob");
    assert_eq!(handle.token_url().host_str(), Some("127.0.0.1"));
    let client = reqwest::Client::builder().no_proxy().build().unwrap();

    let post = || client.post(handle.token_url()).form(&valid_fields()).send();
    let response = post().await.unwrap();
    assert_eq!(response.status(), 200);
    let raw: serde_json::Value = response.json().await.unwrap();
    for field in ["DiscoverUri", "Token", "TenantEndpointId", "ExpireTime"] {
        assert!(raw[field].is_string(), "{field} is not a string: {raw}");
    }
    let token: TokenResponse = serde_json::from_value(raw).unwrap();
    assert_eq!(
        token.discover_uri.as_deref(),
        Some(FakeTap::discover_href(SESSION).as_str())
    );
    assert_eq!(token.token, Some(format!("psat={PSAT_MARK}-{SESSION}")));
    assert_eq!(token.tenant_endpoint_id.as_deref(), Some(SIP));
    assert_eq!(token.expire_time.as_deref(), Some(EXPIRY_MS_ISO));

    // What reached AAD and the platform.
    let form = fake.state.last_aad_form.lock().unwrap().clone();
    assert_eq!(form["grant_type"], "client_credentials");
    assert_eq!(form["client_id"], "client-id-1");
    assert_eq!(form["resource"], "https://api.skypeforbusiness.com");
    let query = fake.state.applications_query.lock().unwrap().clone();
    assert_eq!(
        query.as_deref(),
        Some("endpointId=sip%3Ahelpdesk%40contoso.com")
    );
    let (ct, body) = fake
        .state
        .last_token_request
        .lock()
        .unwrap()
        .clone()
        .unwrap();
    assert!(ct.starts_with("application/json"), "{ct}");
    assert_eq!(
        body,
        serde_json::json!({"applicationSessionId": SESSION, "allowedOrigins": ORIGIN, "meetingUrl": MEETING})
    );

    // A second request reuses the AAD token and the discovered link.
    assert_eq!(post().await.unwrap().status(), 200);
    assert_eq!(fake.count(|c| &c.aad), 1);
    assert_eq!(fake.count(|c| &c.discover), 1);
    assert_eq!(fake.count(|c| &c.capabilities), 1);
    assert_eq!(fake.count(|c| &c.tokens), 2);

    let health: serde_json::Value = client
        .get(handle.base_url().join("health").unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        health,
        serde_json::json!({"status": "ok", "discovery_cached": true})
    );
    handle.shutdown().await;
}

#[tokio::test]
async fn ms_rtc_saas_rels_iso_dates_and_json_bodies() {
    let fake = FakeTap::start("ms:rtc:saas:", true).await;
    let app = app_for(&fake);
    let session = "kkkk";
    let answer = call(
        &app,
        json_fields(&[
            ("applicationSessionId", session),
            (
                "allowedOrigins",
                "https://contoso.com;http://localhost:8080",
            ),
            ("meetingUrl", MEETING),
        ]),
    )
    .await;
    let token = token_of(&answer);
    assert_eq!(token.discover_uri, Some(FakeTap::discover_href(session)));
    assert_eq!(token.expire_time.as_deref(), Some(EXPIRY_ISO));
    let (_, body) = fake
        .state
        .last_token_request
        .lock()
        .unwrap()
        .clone()
        .unwrap();
    assert_eq!(
        body["allowedOrigins"],
        "https://contoso.com;http://localhost:8080"
    );
}

#[tokio::test]
async fn concurrent_requests_share_one_aad_token() {
    let fake = FakeTap::start("service:", false).await;
    let app = app_for(&fake);
    let answers = join_all((0..8).map(|_| call(&app, form(&valid_fields())))).await;
    for a in &answers {
        token_of(a);
    }
    assert_eq!(fake.count(|c| &c.aad), 1);
    assert_eq!(fake.count(|c| &c.discover), 1);
    assert_eq!(fake.count(|c| &c.tokens), 8);
}

#[tokio::test]
async fn a_platform_401_refreshes_once() {
    let fake = FakeTap::start("service:", false).await;
    let app = app_for(&fake);
    token_of(&call(&app, form(&valid_fields())).await);
    fake.state
        .revoke_next
        .store(true, std::sync::atomic::Ordering::SeqCst);
    token_of(&call(&app, form(&valid_fields())).await);
    assert_eq!(fake.count(|c| &c.aad), 2, "one refresh after the 401");
    assert_eq!(
        fake.count(|c| &c.discover),
        2,
        "discovery redone after the 401"
    );
    assert_eq!(fake.count(|c| &c.tokens), 3, "ok, 401, ok");

    // A platform that keeps refusing: exactly one retry, then a clear refusal.
    fake.state
        .always_401
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let answer = call(&app, form(&valid_fields())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::BAD_GATEWAY, "UpstreamRefused")
    );
    assert!(answer.error().contains("401"));
    assert_eq!(fake.count(|c| &c.aad), 3, "exactly one more AAD token");
}

#[tokio::test]
async fn caches_end_with_the_aad_token() {
    let fake = FakeTap::start("service:", false).await;
    fake.state
        .aad_lifetime
        .store(1, std::sync::atomic::Ordering::SeqCst);
    let app = app_for(&fake);
    token_of(&call(&app, form(&valid_fields())).await);
    token_of(&call(&app, form(&valid_fields())).await);
    assert_eq!(
        (fake.count(|c| &c.aad), fake.count(|c| &c.discover)),
        (1, 1)
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    token_of(&call(&app, form(&valid_fields())).await);
    assert_eq!(
        (fake.count(|c| &c.aad), fake.count(|c| &c.discover)),
        (2, 2)
    );
}

#[tokio::test]
async fn platform_refusals_carry_code_and_subcode() {
    let fake = FakeTap::start("service:", false).await;
    let app = app_for(&fake);
    fake.set_token_failure(
        403,
        serde_json::json!({"code": "Forbidden", "subcode": "ApplicationNotFound", "message": "No such endpoint."}),
    );
    let answer = call(&app, form(&valid_fields())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::BAD_GATEWAY, "UpstreamRefused")
    );
    let text = answer.error();
    for part in ["403", "Forbidden", "ApplicationNotFound"] {
        assert!(text.contains(part), "{text}");
    }

    fake.set_token_failure(503, serde_json::json!({"code": "ServiceUnavailable"}));
    let answer = call(&app, form(&valid_fields())).await;
    assert_eq!(answer.code(), "UpstreamUnavailable");

    fake.set_token_failure(200, serde_json::json!({"token": "psat=x"}));
    let answer = call(&app, form(&valid_fields())).await;
    assert_eq!(answer.code(), "UpstreamMalformed", "{:?}", answer.body);
}

#[tokio::test]
async fn missing_capability_is_malformed() {
    let fake = FakeTap::start("ms:rtc:saas:", false).await;
    fake.state
        .omit_tokens_link
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let answer = call(&app_for(&fake), form(&valid_fields())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::BAD_GATEWAY, "UpstreamMalformed")
    );
    assert!(answer.error().contains("anonApplicationTokens"));
}

#[tokio::test]
async fn aad_refusal_and_unreachable_upstream() {
    let fake = FakeTap::start("service:", false).await;
    let mut config = config(fake.aad_url(), fake.discover_url());
    config.client_secret = Secret::new("wrong");
    let answer = call(&app(config), form(&valid_fields())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::BAD_GATEWAY, "UpstreamRefused")
    );
    assert!(answer.error().contains("invalid_client"));

    let app = app(unreachable_config().await);
    let answer = call(&app, form(&valid_fields())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::BAD_GATEWAY, "UpstreamUnavailable")
    );

    // AAD reachable, platform not.
    let config = super::config(
        fake.aad_url(),
        closed_port_url("/platformservice/discover").await,
    );
    let answer = call(&super::app(config), form(&valid_fields())).await;
    assert_eq!(answer.code(), "UpstreamUnavailable");
}

#[tokio::test]
async fn nothing_secret_is_logged() {
    let logs = LogCapture::default();
    let _guard = logs.install();
    let fake = FakeTap::start("service:", false).await;
    let mut config = config(fake.aad_url(), fake.discover_url());
    config.service_key = Some(Secret::new(SERVICE_KEY));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let handle = start(config, listener).await.unwrap();
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let post = |key: &str| {
        client
            .post(handle.token_url())
            .bearer_auth(key)
            .form(&valid_fields())
            .send()
    };
    assert_eq!(post(SERVICE_KEY).await.unwrap().status(), 200);
    fake.state
        .revoke_next
        .store(true, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(post(SERVICE_KEY).await.unwrap().status(), 200);
    assert_eq!(post("not-the-key").await.unwrap().status(), 401);
    handle.shutdown().await;

    let text = logs.text();
    assert!(text.contains("/GetAnonTokenJob"), "no access log: {text}");
    assert!(text.contains("status=200"), "{text}");
    assert!(
        text.contains("code=\"InvalidServiceKey\"") || text.contains("code=InvalidServiceKey"),
        "{text}"
    );
    for secret in [
        CLIENT_SECRET,
        SERVICE_KEY,
        AAD_MARK,
        PSAT_MARK,
        "anonymousMeetingJoinContext",
    ] {
        assert!(!text.contains(secret), "the log contains {secret}:\n{text}");
    }
}
