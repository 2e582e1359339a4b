//! Hostile bodies through the real `HttpClient` (a tiny axum server on loopback): JSON nested
//! far past the depth limit and bodies past the size cap, with and without `Content-Length`,
//! end in a clear `ApiError` — never a stack overflow, never an unbounded read.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use url::Url;

use super::*;
use crate::api::exchange::RecordMode;
use crate::api::http::{HttpClient, HttpOptions, Request};
use crate::api::recorder::TrafficRecorder;
use crate::api::ucwa::{UcwaAuth, get_events};
use crate::api::wire::EventBatch;
use crate::secret::Secret;

/// 100 KB of `[`, `{"a":` … : a body meant to exhaust a recursive parser's stack.
fn deep_arrays() -> String {
    "[".repeat(100_000)
}

fn deep_objects() -> String {
    "{\"a\":".repeat(20_000)
}

/// An event batch whose embedded resource goes 100,000 levels deep.
fn deep_batch() -> String {
    format!(
        "{{\"_links\":{{\"next\":{{\"href\":\"/e?ack=2\"}}}},\"sender\":[{{\"rel\":\"conversation\",\"href\":\"/c\",\"events\":[{{\"link\":{{\"rel\":\"participant\",\"href\":\"/p\"}},\"type\":\"added\",\"_embedded\":{{\"participant\":{}",
        deep_arrays()
    )
}

async fn serve(router: Router) -> Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    tokio::spawn(async move { axum::serve(listener, router).await.ok() });
    Url::parse(&format!("http://{addr}/")).expect("loopback URL")
}

fn json_answer(status: StatusCode, body: String) -> impl IntoResponse {
    (status, [(header::CONTENT_TYPE, "application/json")], body)
}

fn client() -> HttpClient {
    HttpClient::new(HttpOptions::default()).expect("client")
}

fn assert_too_deep(e: &ApiError) {
    assert!(
        matches!(e, ApiError::Malformed { status: 200, .. }),
        "expected a decoding error, got {e:?}"
    );
    assert!(
        e.to_string().contains("nested too deeply"),
        "the message should say why: {e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deeply_nested_json_is_a_clear_decoding_error() {
    let base = serve(
        Router::new()
            .route(
                "/arrays",
                get(|| async { json_answer(StatusCode::OK, deep_arrays()) }),
            )
            .route(
                "/objects",
                get(|| async { json_answer(StatusCode::OK, deep_objects()) }),
            )
            .route(
                "/batch",
                get(|| async { json_answer(StatusCode::OK, deep_batch()) }),
            ),
    )
    .await;
    // The client records its traffic as in a session, so the recorder's JSON masking sees the
    // bodies too.
    let http = client().with_recorder(Arc::new(TrafficRecorder::new(RecordMode::Redacted)));
    for path in ["arrays", "objects", "batch"] {
        let resp = http
            .send(Request::get(base.join(path).expect("join")))
            .await
            .expect("2xx");
        assert!(resp.body.len() >= 100_000);
        assert_too_deep(&resp.json::<serde_json::Value>().expect_err("too deep"));
    }
    // The event channel's own call: the engine sees the same clear error.
    let url = base.join("batch").expect("join");
    let resp = http.send(Request::get(url.clone())).await.expect("2xx");
    assert_too_deep(&resp.json::<EventBatch>().expect_err("too deep"));
    let auth = UcwaAuth::new(Secret::new("cwt=abc"), "http://localhost");
    let err = get_events(&http, url, &auth, Duration::from_secs(30))
        .await
        .expect_err("too deep");
    assert_too_deep(&err);
    // Just under the limit still decodes: the limit is serde_json's 128, not lower.
    let shallow = format!(
        "{}{}",
        "[".repeat(MAX_JSON_DEPTH - 1),
        "]".repeat(MAX_JSON_DEPTH - 1)
    );
    let deeper = format!(
        "{}{}",
        "[".repeat(MAX_JSON_DEPTH + 1),
        "]".repeat(MAX_JSON_DEPTH + 1)
    );
    let ok = Response {
        body: shallow.into(),
        ..resp.clone()
    };
    assert!(ok.json::<serde_json::Value>().is_ok());
    let too_deep = Response {
        body: deeper.into(),
        ..resp
    };
    assert_too_deep(
        &too_deep
            .json::<serde_json::Value>()
            .expect_err("129 levels"),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deeply_nested_error_body_keeps_the_status() {
    let base = serve(Router::new().route(
        "/",
        get(|| async { json_answer(StatusCode::INTERNAL_SERVER_ERROR, deep_arrays()) }),
    ))
    .await;
    let err = client().send(Request::get(base)).await.expect_err("500");
    match &err {
        ApiError::Status {
            status: 500,
            ucwa: None,
            service: None,
            excerpt,
            ..
        } => assert!(excerpt.starts_with("[[[["), "{excerpt:?}"),
        other => panic!("expected a status error, got {other:?}"),
    }
}

/// A streamed body (no `Content-Length`) of `len` bytes in 64 KiB chunks.
fn streamed(len: usize) -> Body {
    let chunks = (0..len.div_ceil(65_536)).map(move |i| {
        let n = (len - i * 65_536).min(65_536);
        Ok::<_, std::io::Error>(bytes::Bytes::from(vec![b' '; n]))
    });
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_size_cap_holds_without_content_length() {
    let cap = HttpOptions::default().max_body_bytes;
    assert_eq!(cap, 4 * 1024 * 1024);
    let base = serve(
        Router::new()
            .route("/at-cap", get(move || async move { streamed(cap) }))
            .route("/over-cap", get(move || async move { streamed(cap + 1) }))
            .route(
                "/huge",
                get(move || async move { streamed(64 * 1024 * 1024) }),
            ),
    )
    .await;
    let http = client();
    let at = http
        .send(Request::get(base.join("at-cap").expect("join")))
        .await
        .expect("a body of exactly the cap is read");
    assert_eq!(at.body.len(), cap);
    assert!(at.headers.get(header::CONTENT_LENGTH).is_none(), "streamed");
    for path in ["over-cap", "huge"] {
        let err = http
            .send(Request::get(base.join(path).expect("join")))
            .await
            .expect_err("over the cap");
        assert!(
            matches!(err, ApiError::TooLarge { limit, .. } if limit == cap),
            "{path}: {err:?}"
        );
        assert!(err.to_string().contains("larger than"), "{err}");
    }
}
