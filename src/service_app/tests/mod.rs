//! Tests of the service application: validation table over `Router::oneshot`, the upstream flow
//! against a fake Trusted Application API on 127.0.0.1:0, the configuration file, CORS, and the
//! client address behind reverse proxies.

mod config;
mod cors;
mod fake_trusted_app;
mod flow;
mod proxy;
mod validation;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;
use url::Url;

use super::{ServiceAppConfig, ServiceAppState, router};
use crate::secret::Secret;

pub const CLIENT_SECRET: &str = "client-secret-VALUE-do-not-log";
pub const SERVICE_KEY: &str = "service-key-VALUE-do-not-log";
pub const SIP: &str = "sip:helpdesk@contoso.com";
pub const ORIGIN: &str = "https://contoso.com";
pub const MEETING: &str = "https://meet.lync.com/contoso/alice/ABC123";
pub const SESSION: &str = "3f1c2a9e-5b7d-4e1f-9a2b-c0ffee000001";

/// A configuration pointing at `aad` and `discover`, allowing contoso.com and a local origin.
pub fn config(aad: Url, discover: Url) -> ServiceAppConfig {
    let mut c = ServiceAppConfig::new(
        aad,
        "client-id-1",
        Secret::new(CLIENT_SECRET),
        SIP,
        discover,
    );
    c.allowed_origins = vec![ORIGIN.into(), "http://localhost:8080".into()];
    c.allowed_meeting_urls = vec![
        "https://meet.lync.com/contoso/*".into(),
        "https://join.example.com/exact/1".into(),
    ];
    c.rate_limit_per_minute = 0;
    c
}

/// An address nothing listens on (bound once, then released).
pub async fn closed_port_url(path: &str) -> Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    Url::parse(&format!("http://{addr}{path}")).unwrap()
}

/// A configuration whose upstream is unreachable: every valid request ends in 502.
pub async fn unreachable_config() -> ServiceAppConfig {
    let aad = closed_port_url("/tenant/oauth2/token").await;
    let discover = closed_port_url("/platformservice/discover").await;
    config(aad, discover)
}

pub fn app(config: ServiceAppConfig) -> Router {
    router(ServiceAppState::new(config).unwrap())
}

pub fn form_body(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

pub fn valid_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("ApplicationSessionId", SESSION),
        ("AllowedOrigins", ORIGIN),
        ("MeetingUrl", MEETING),
    ]
}

/// A request as if it came from `ip` (the rate limiter reads `ConnectInfo`).
pub fn request(
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: impl Into<Body>,
    ip: [u8; 4],
) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(path);
    if let Some(ct) = content_type {
        builder = builder.header(header::CONTENT_TYPE, ct);
    }
    let mut req = builder.body(body.into()).unwrap();
    req.extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((ip, 40_000))));
    req
}

pub fn form(fields: &[(&str, &str)]) -> Request<Body> {
    request(
        "POST",
        "/GetAnonTokenJob",
        Some("application/x-www-form-urlencoded"),
        form_body(fields),
        [10, 0, 0, 1],
    )
}

pub fn json(value: &serde_json::Value) -> Request<Body> {
    request(
        "POST",
        "/GetAnonTokenJob",
        Some("application/json"),
        value.to_string(),
        [10, 0, 0, 1],
    )
}

pub fn json_fields(fields: &[(&str, &str)]) -> Request<Body> {
    let map: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    json(&serde_json::Value::Object(map))
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: serde_json::Value,
}

impl Answer {
    pub fn code(&self) -> &str {
        self.body["Code"].as_str().unwrap_or("<no Code>")
    }

    /// The human text of an error answer.
    pub fn error(&self) -> &str {
        self.body["Error"].as_str().unwrap_or_default()
    }
}

pub async fn call(app: &Router, req: Request<Body>) -> Answer {
    let response = app.clone().oneshot(req).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or_else(|_| {
        serde_json::Value::String(String::from_utf8_lossy(&bytes).into_owned())
    });
    Answer {
        status,
        headers,
        body,
    }
}

/// Collects everything `tracing` writes while installed as the thread's default subscriber.
#[derive(Clone, Default)]
pub struct LogCapture(Arc<Mutex<Vec<u8>>>);

impl LogCapture {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// Install for the current thread (use a current-thread runtime so spawned tasks log here).
    pub fn install(&self) -> LogGuard {
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(self.clone())
            .finish();
        // tracing-core caches per-callsite interest. With a single registered dispatcher it
        // computes the interest of a callsite first hit on another test thread from that
        // thread's default (none: "never"), and this thread would miss those events. A second
        // live dispatcher makes it ask every registered one ("sometimes").
        let keep = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
        LogGuard {
            _default: tracing::subscriber::set_default(subscriber),
            _keep: keep,
        }
    }
}

pub struct LogGuard {
    _default: tracing::subscriber::DefaultGuard,
    _keep: tracing::Dispatch,
}

impl std::io::Write for LogCapture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogCapture {
    type Writer = LogCapture;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}
