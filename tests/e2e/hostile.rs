//! Bad answers from servers: each must end in a clear failure naming the step, never a panic
//! or a hang. A tiny axum server plays the broken service application or UCWA pool.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use guest_join::api::wire::UcwaDate;
use guest_join::join::status::Step;
use guest_join::join::{
    DisplayName, FailureKind, JoinRequest, MeetingLink, ServiceProfile, SessionControl,
};

use crate::common;

async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.ok() });
    addr
}

fn request(addr: SocketAddr) -> JoinRequest {
    let service = ServiceProfile {
        token_url: format!("http://{addr}/GetAnonTokenJob").parse().unwrap(),
        service_key: None,
    };
    let mut req = JoinRequest::new(
        MeetingLink::parse("https://meet.contoso.example/ada/OPEN1234").unwrap(),
        DisplayName::parse("Ada").unwrap(),
        service,
    );
    req.limits.retry.max_attempts = 2;
    req.limits.retry.base = Duration::from_millis(10);
    req.limits.join_deadline = Duration::from_secs(20);
    req
}

async fn run(router: Router) -> guest_join::join::JoinStatus {
    let addr = serve(router).await;
    let (status, _) = common::join(&request(addr), &SessionControl::new(), true).await;
    status
}

fn expect(status: &guest_join::join::JoinStatus, kind: FailureKind, step: Step, needle: &str) {
    let f = status
        .failure
        .as_ref()
        .unwrap_or_else(|| panic!("expected a failure, got {:?}", status.phase));
    assert_eq!((f.kind, f.step), (kind, Some(step)), "{f:?}");
    assert!(
        f.message.contains(needle),
        "message {:?} should mention {needle:?}",
        f.message
    );
}

fn service_answering(status: StatusCode, content_type: &'static str, body: String) -> Router {
    Router::new().route(
        "/GetAnonTokenJob",
        post(move || {
            let body = body.clone();
            async move { (status, [(header::CONTENT_TYPE, content_type)], body).into_response() }
        }),
    )
}

fn future_iso() -> String {
    UcwaDate::from_unix_ms(UcwaDate::now().unix_ms + 3_600_000).to_iso()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_answering_html_is_a_clear_refusal() {
    let s = run(service_answering(
        StatusCode::OK,
        "text/html",
        "<html><title>Sign in</title></html>".into(),
    ))
    .await;
    expect(
        &s,
        FailureKind::ServiceRefused,
        Step::ServiceApplication,
        "HTML",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_answering_an_empty_body() {
    let s = run(service_answering(
        StatusCode::OK,
        "application/json",
        String::new(),
    ))
    .await;
    expect(
        &s,
        FailureKind::ServiceRefused,
        Step::ServiceApplication,
        "empty",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_answering_200_without_token() {
    let body = format!(
        r#"{{"DiscoverUri":"https://x.example/d","ExpireTime":"{}"}}"#,
        future_iso()
    );
    let s = run(service_answering(StatusCode::OK, "application/json", body)).await;
    expect(
        &s,
        FailureKind::ServiceRefused,
        Step::ServiceApplication,
        "no Token",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_answering_a_number_expire_time() {
    let body =
        r#"{"DiscoverUri":"https://x.example/d","Token":"psat=x","ExpireTime":1488872625837}"#
            .to_string();
    let s = run(service_answering(StatusCode::OK, "application/json", body)).await;
    expect(
        &s,
        FailureKind::ServiceRefused,
        Step::ServiceApplication,
        "ExpireTime is not a string",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_error_with_code_keeps_the_code() {
    let body =
        r#"{"Error":"This meeting is not served here","Code":"MeetingUrlNotAllowed"}"#.to_string();
    let s = run(service_answering(
        StatusCode::FORBIDDEN,
        "application/json",
        body,
    ))
    .await;
    expect(
        &s,
        FailureKind::ServiceRefused,
        Step::ServiceApplication,
        "not served here",
    );
    let f = s.failure.unwrap();
    assert_eq!(
        (f.http_status, f.code.as_deref()),
        (Some(403), Some("MeetingUrlNotAllowed"))
    );
}

/// A service application whose discover URL points back at this same fake server.
fn fake_with_discover(discover: axum::routing::MethodRouter) -> Router {
    Router::new()
        .route(
            "/GetAnonTokenJob",
            post(|headers: axum::http::HeaderMap| async move {
                let host = headers.get("host").and_then(|h| h.to_str().ok()).unwrap_or_default().to_string();
                let body = serde_json::json!({
                    "DiscoverUri": format!("http://{host}/platformService/discover?anonymousMeetingJoinContext=psat%253dabc"),
                    "Token": "psat=abc",
                    "ExpireTime": future_iso(),
                });
                axum::Json(body)
            }),
        )
        .route("/platformService/discover", discover)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discover_answering_malformed_json() {
    let r = fake_with_discover(get(|| async {
        (
            [(header::CONTENT_TYPE, "application/json")],
            "{\"_links\": {",
        )
            .into_response()
    }));
    let s = run(r).await;
    expect(&s, FailureKind::Discovery, Step::Discovery, "truncated");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discover_answering_twenty_megabytes() {
    let r = fake_with_discover(get(|| async {
        let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(20 * 1024 * 1024));
        ([(header::CONTENT_TYPE, "application/json")], big).into_response()
    }));
    let s = run(r).await;
    expect(&s, FailureKind::Discovery, Step::Discovery, "larger than");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discover_redirecting_to_another_host_is_not_followed() {
    let r = fake_with_discover(get(|| async {
        Response::builder()
            .status(StatusCode::FOUND)
            .header(header::LOCATION, "https://evil.example/steal")
            .body(axum::body::Body::empty())
            .unwrap()
    }));
    let s = run(r).await;
    expect(&s, FailureKind::Discovery, Step::Discovery, "evil.example");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discover_without_an_anon_applications_link() {
    let r = fake_with_discover(get(|| async {
        axum::Json(serde_json::json!({"_links": {"self": {"href": "/x"}}}))
    }));
    let s = run(r).await;
    expect(
        &s,
        FailureKind::Discovery,
        Step::Discovery,
        "anonApplications",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_unreachable() {
    let (s, _) = common::join(
        &request(common::closed_port()),
        &SessionControl::new(),
        true,
    )
    .await;
    let f = s.failure.clone().expect("fails");
    assert_eq!(
        (f.kind, f.step),
        (
            FailureKind::ServiceUnreachable,
            Some(Step::ServiceApplication)
        )
    );
    assert!(
        s.step(Step::ServiceApplication).retries >= 1,
        "connect errors are retried"
    );
}
