//! The client's HTTP layer: the transport policy (https only, plain http only to this computer,
//! certificates always verified, redirects never followed, so `Authorization` never reaches
//! another origin), extra root certificates and the proxy policy (see `transport`),
//! per-request time-outs and a response size cap. Everything above it deals in
//! `Request`/`Response` and `ApiError`.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, ORIGIN};
use url::Url;

use crate::api::error::ApiError;
use crate::api::exchange::{ExchangeRecord, RecordMode, body_as, headers_as, url_as};
use crate::api::recorder::TrafficRecorder;
pub use crate::api::response::Response;
use crate::api::response::error_for_status;
pub use crate::api::transport::{CaBundle, CaBundleError, ProxyPolicy, ProxyUrl};
use crate::redact::mask_tokens;
use crate::secret::Secret;

pub use reqwest::Method;

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    /// Time-out of an ordinary request (a long poll sets its own).
    pub request_timeout: Duration,
    pub max_body_bytes: usize,
    pub user_agent: String,
    /// Root certificates trusted in addition to the system's (never instead of them).
    pub ca_bundle: Option<CaBundle>,
    /// Proxy for requests to other computers; loopback is always reached directly.
    pub proxy: ProxyPolicy,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_body_bytes: 4 * 1024 * 1024,
            user_agent: format!("guest-join/{}", env!("CARGO_PKG_VERSION")),
            ca_bundle: None,
            proxy: ProxyPolicy::System,
        }
    }
}

/// Receives a redacted record of every exchange (the request inspector, exports).
pub type ExchangeObserver = Arc<dyn Fn(ExchangeRecord) + Send + Sync>;

#[derive(Clone)]
pub struct HttpClient {
    /// Requests to other computers, through the proxy policy.
    client: reqwest::Client,
    /// Requests to this computer (loopback): never through a proxy.
    direct: reqwest::Client,
    opts: HttpOptions,
    observer: Option<ExchangeObserver>,
    /// Keeps the session's traffic for exports, in its own record mode.
    recorder: Option<Arc<TrafficRecorder>>,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient")
            .field("opts", &self.opts)
            .field("observed", &self.observer.is_some())
            .field("recorded", &self.recorder.as_ref().map(|r| r.mode()))
            .finish()
    }
}

#[derive(Debug, Clone)]
enum Body {
    Empty,
    Json(Vec<u8>),
    Form(String),
    Text {
        content_type: &'static str,
        text: String,
    },
}

/// One request. Built with the helpers below; secrets stay in `Secret` until sent.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: Url,
    bearer: Option<Secret>,
    origin: Option<String>,
    body: Body,
    timeout: Option<Duration>,
    tag: &'static str,
    /// A `401` is an answer to read (its `WWW-Authenticate` challenge), not an error.
    challenge_expected: bool,
}

impl Request {
    pub fn new(method: Method, url: Url) -> Self {
        Self {
            method,
            url,
            bearer: None,
            origin: None,
            body: Body::Empty,
            timeout: None,
            tag: "http",
            challenge_expected: false,
        }
    }

    /// What this request is for (a step name), carried into the exchange record.
    pub fn tag(mut self, tag: &'static str) -> Self {
        self.tag = tag;
        self
    }

    pub fn get(url: Url) -> Self {
        Self::new(Method::GET, url)
    }

    pub fn post(url: Url) -> Self {
        Self::new(Method::POST, url)
    }

    pub fn delete(url: Url) -> Self {
        Self::new(Method::DELETE, url)
    }

    /// `Authorization: Bearer <value>`; a value that already has a scheme prefix (`psat=`) is sent as is.
    pub fn bearer(mut self, token: &Secret) -> Self {
        self.bearer = Some(token.clone());
        self
    }

    pub fn origin(mut self, origin: &str) -> Self {
        self.origin = Some(origin.to_string());
        self
    }

    pub fn json<T: serde::Serialize>(mut self, body: &T) -> Self {
        self.body = Body::Json(serde_json::to_vec(body).unwrap_or_default());
        self
    }

    pub fn form(mut self, pairs: &[(&str, &str)]) -> Self {
        let encoded = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.body = Body::Form(encoded);
        self
    }

    pub fn text(mut self, content_type: &'static str, text: &str) -> Self {
        self.body = Body::Text {
            content_type,
            text: text.to_string(),
        };
        self
    }

    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = Some(t);
        self
    }

    /// Return a `401 Unauthorized` as a `Response` (flow B reads the challenge it carries).
    pub fn challenge_expected(mut self) -> Self {
        self.challenge_expected = true;
        self
    }
}

/// The host (and port) of a URL, for messages; never the path or query, which may carry secrets.
pub fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => "(no host)".into(),
    }
}

/// True for `localhost` and loopback addresses: the only hosts plain http may reach.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// Transport policy: https anywhere, http only to loopback.
pub fn check_transport(url: &Url) -> Result<(), ApiError> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        _ => Err(ApiError::InsecureUrl { host: host_of(url) }),
    }
}

fn classify(e: reqwest::Error, host: &str, timeout: Duration) -> ApiError {
    let e = e.without_url();
    let mut chain = e.to_string();
    let mut src = std::error::Error::source(&e);
    while let Some(s) = src {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        src = s.source();
    }
    let detail = mask_tokens(&chain);
    let lower = detail.to_ascii_lowercase();
    let host = host.to_string();
    if e.is_timeout() {
        ApiError::Timeout {
            host,
            after: timeout,
        }
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        ApiError::Tls { host, detail }
    } else if e.is_connect() {
        ApiError::Connect { host, detail }
    } else {
        ApiError::Broken { host, detail }
    }
}

fn setup_error(detail: String) -> ApiError {
    ApiError::Tls {
        host: "(client set-up)".into(),
        detail,
    }
}

/// One reqwest client: certificates verified against the system's roots plus the bundle,
/// redirects never followed, `proxy` applied.
fn build_client(opts: &HttpOptions, proxy: &ProxyPolicy) -> Result<reqwest::Client, ApiError> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(opts.connect_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(opts.user_agent.clone());
    if let Some(bundle) = &opts.ca_bundle {
        let certs = bundle
            .certificates()
            .map_err(|e| setup_error(e.to_string()))?;
        builder = builder.tls_certs_merge(certs);
    }
    builder = match proxy {
        // reqwest reads the proxy environment variables itself when no proxy is given.
        ProxyPolicy::System => builder,
        ProxyPolicy::None => builder.no_proxy(),
        ProxyPolicy::Explicit { url, no_proxy } => {
            let p = reqwest::Proxy::all(url.expose()).map_err(|e| {
                setup_error(format!(
                    "proxy {url}: {}",
                    mask_tokens(&e.without_url().to_string())
                ))
            })?;
            let no = (!no_proxy.is_empty())
                .then(|| reqwest::NoProxy::from_string(no_proxy))
                .flatten();
            builder.proxy(p.no_proxy(no))
        }
    };
    builder.build().map_err(|e| {
        let what = match &opts.ca_bundle {
            Some(b) => format!("CA file {}: ", b.path().display()),
            None => String::new(),
        };
        setup_error(format!("{what}{}", e.without_url()))
    })
}

impl HttpClient {
    pub fn new(opts: HttpOptions) -> Result<Self, ApiError> {
        let client = build_client(&opts, &opts.proxy)?;
        let direct = build_client(&opts, &ProxyPolicy::None)?;
        Ok(Self {
            client,
            direct,
            opts,
            observer: None,
            recorder: None,
        })
    }

    /// A client that reports every exchange, redacted, to `observer` (shares the connection
    /// pool; a recorder attached before stays attached).
    pub fn with_observer(&self, observer: ExchangeObserver) -> Self {
        Self {
            observer: Some(observer),
            ..self.clone()
        }
    }

    /// A client that keeps every exchange in `recorder`, made in the recorder's mode (shares
    /// the connection pool; an observer attached before stays attached).
    pub fn with_recorder(&self, recorder: Arc<TrafficRecorder>) -> Self {
        Self {
            recorder: Some(recorder),
            ..self.clone()
        }
    }

    pub fn options(&self) -> &HttpOptions {
        &self.opts
    }

    /// Send one request. 2xx (and a `401` when the request expects a challenge) → `Response`;
    /// anything else → `ApiError` with status and error body.
    pub async fn send(&self, req: Request) -> Result<Response, ApiError> {
        if self.observer.is_none() && self.recorder.is_none() {
            return self.send_inner(req).await.0;
        }
        let sent = Sent {
            tag: req.tag,
            started: SystemTime::now(),
            method: req.method.to_string(),
            url: req.url.clone(),
            bearer: req.bearer.clone(),
            origin: req.origin.clone(),
            body: req.body.clone(),
        };
        let t0 = Instant::now();
        let (result, raw) = self.send_inner(req).await;
        let ms = u64::try_from(t0.elapsed().as_millis()).unwrap_or(u64::MAX);
        let error = match (&raw, &result) {
            (None, Err(e)) => Some(e.to_string()),
            _ => None,
        };
        let make = |mode| self.record(mode, &sent, raw.as_ref(), ms, error.clone());
        if let Some(recorder) = &self.recorder {
            recorder.record(make(recorder.mode()));
        }
        if let Some(observer) = &self.observer {
            observer(make(RecordMode::Redacted));
        }
        result
    }

    fn record(
        &self,
        mode: RecordMode,
        sent: &Sent,
        raw: Option<&RawResponse>,
        ms: u64,
        error: Option<String>,
    ) -> ExchangeRecord {
        let request_body = match &sent.body {
            Body::Empty => None,
            Body::Json(b) => body_as(b, mode),
            Body::Form(f) => body_as(f.as_bytes(), mode),
            Body::Text { text, .. } => body_as(text.as_bytes(), mode),
        };
        let as_ms = |d: Duration| d.as_secs_f64() * 1000.0;
        ExchangeRecord {
            tag: sent.tag,
            started: sent.started,
            method: sent.method.clone(),
            url: url_as(&sent.url, mode),
            request_headers: self.request_headers_for_record(sent, mode),
            request_body,
            status: raw.map(|r| r.status),
            response_headers: raw
                .map(|r| headers_as(&r.headers, mode))
                .unwrap_or_default(),
            response_body: raw.and_then(|r| body_as(&r.body, mode)),
            response_size: raw.map(|r| r.body.len() as u64),
            ms,
            wait_ms: raw.map(|r| as_ms(r.wait)),
            receive_ms: raw.map(|r| as_ms(r.receive)),
            error,
        }
    }

    fn request_headers_for_record(&self, req: &Sent, mode: RecordMode) -> Vec<(String, String)> {
        let mut h = vec![("accept".to_string(), "application/json".to_string())];
        if let Some(token) = &req.bearer {
            let shown = match mode {
                RecordMode::Redacted => crate::secret::REDACTED,
                RecordMode::Unredacted => token.expose(),
            };
            h.push(("authorization".into(), format!("Bearer {shown}")));
        }
        if let Some(o) = &req.origin {
            h.push(("origin".into(), o.clone()));
        }
        let ct = match &req.body {
            Body::Empty => None,
            Body::Json(_) => Some("application/json"),
            Body::Form(_) => Some("application/x-www-form-urlencoded"),
            Body::Text { content_type, .. } => Some(*content_type),
        };
        if let Some(ct) = ct {
            h.push(("content-type".into(), ct.to_string()));
        }
        h.push(("user-agent".into(), self.opts.user_agent.clone()));
        h
    }

    async fn send_inner(
        &self,
        mut req: Request,
    ) -> (Result<Response, ApiError>, Option<RawResponse>) {
        if let Err(e) = check_transport(&req.url) {
            return (Err(e), None);
        }
        let host = host_of(&req.url);
        let timeout = req.timeout.unwrap_or(self.opts.request_timeout);
        let builder = match self.builder(&mut req, timeout) {
            Ok(b) => b,
            Err(e) => return (Err(e), None),
        };
        let started = Instant::now();
        let mut resp = match builder.send().await {
            Ok(r) => r,
            Err(e) => return (Err(classify(e, &host, timeout)), None),
        };
        let wait = started.elapsed();
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let raw = |body: Vec<u8>| {
            Some(RawResponse {
                status,
                headers: headers.clone(),
                body: Bytes::from(body),
                wait,
                receive: started.elapsed().saturating_sub(wait),
            })
        };
        let body = match self.read_capped(&mut resp, &host, started, timeout).await {
            Ok(body) => body,
            Err((e, partial)) => return (Err(e), raw(partial)),
        };
        let elapsed = started.elapsed();
        if (300..400).contains(&status) {
            let target = headers
                .get("location")
                .and_then(|v| v.to_str().ok())
                .and_then(|l| req.url.join(l).ok())
                .map(|u| host_of(&u))
                .unwrap_or_else(|| "(no location)".into());
            return (
                Err(ApiError::Redirect {
                    host,
                    status,
                    target,
                }),
                raw(body),
            );
        }
        let challenge = status == 401 && req.challenge_expected;
        if !(200..300).contains(&status) && !challenge {
            let err = error_for_status(status, &headers, &body, &req.url);
            return (Err(err), raw(body));
        }
        let body = Bytes::from(body);
        let raw = Some(RawResponse {
            status,
            headers: headers.clone(),
            body: body.clone(),
            wait,
            receive: elapsed.saturating_sub(wait),
        });
        (
            Ok(Response {
                status,
                headers,
                body,
                url: req.url,
                elapsed,
            }),
            raw,
        )
    }

    /// The request as reqwest sends it: the client for its destination (loopback goes direct),
    /// the time-out, `Accept`, the bearer token (marked sensitive), `Origin` and the body.
    fn builder(
        &self,
        req: &mut Request,
        timeout: Duration,
    ) -> Result<reqwest::RequestBuilder, ApiError> {
        let client = if is_loopback(&req.url) {
            &self.direct
        } else {
            &self.client
        };
        let mut builder = client
            .request(req.method.clone(), req.url.clone())
            .timeout(timeout)
            .header(ACCEPT, HeaderValue::from_static("application/json"));
        if let Some(token) = &req.bearer {
            let Ok(mut v) = HeaderValue::from_str(&format!("Bearer {}", token.expose())) else {
                return Err(ApiError::BadLink {
                    detail: "the token contains characters not allowed in a header".into(),
                });
            };
            v.set_sensitive(true);
            builder = builder.header(AUTHORIZATION, v);
        }
        if let Some(origin) = &req.origin {
            builder = builder.header(ORIGIN, origin.as_str());
        }
        // The body moves into the request; `req` keeps what the answer is read against.
        Ok(match std::mem::replace(&mut req.body, Body::Empty) {
            Body::Empty => builder,
            Body::Json(b) => builder.header(CONTENT_TYPE, "application/json").body(b),
            Body::Form(f) => builder
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(f),
            Body::Text { content_type, text } => {
                builder.header(CONTENT_TYPE, content_type).body(text)
            }
        })
    }

    /// The body, at most `max_body_bytes` and within what is left of the time-out; on failure
    /// the error and what had arrived.
    async fn read_capped(
        &self,
        resp: &mut reqwest::Response,
        host: &str,
        started: Instant,
        timeout: Duration,
    ) -> Result<Vec<u8>, (ApiError, Vec<u8>)> {
        let limit = self.opts.max_body_bytes;
        let too_large = || ApiError::TooLarge {
            host: host.to_string(),
            limit,
        };
        if resp.content_length().is_some_and(|len| len > limit as u64) {
            return Err((too_large(), Vec::new()));
        }
        let mut body = Vec::new();
        loop {
            let left = timeout.saturating_sub(started.elapsed());
            let chunk = match tokio::time::timeout(left, resp.chunk()).await {
                Ok(Ok(Some(c))) => c,
                Ok(Ok(None)) => return Ok(body),
                Ok(Err(e)) => return Err((classify(e, host, timeout), body)),
                Err(_) => {
                    let e = ApiError::Timeout {
                        host: host.to_string(),
                        after: timeout,
                    };
                    return Err((e, body));
                }
            };
            if body.len() + chunk.len() > limit {
                return Err((too_large(), body));
            }
            body.extend_from_slice(&chunk);
        }
    }
}

/// What was asked, kept for the exchange record (secrets stay in `Secret` until recorded).
struct Sent {
    tag: &'static str,
    started: SystemTime,
    method: String,
    url: Url,
    bearer: Option<Secret>,
    origin: Option<String>,
    body: Body,
}

/// What came back, kept for the exchange record.
struct RawResponse {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
    /// Send start → response headers.
    wait: Duration,
    /// Response headers → end of the body (or the error).
    receive: Duration,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transport_policy() {
        let ok = [
            "https://a.example/x",
            "http://127.0.0.1:8080/x",
            "http://localhost/x",
            "http://[::1]:9/x",
            "http://127.8.0.1/",
        ];
        for u in ok {
            if let Err(e) = check_transport(&Url::parse(u).unwrap()) {
                panic!("{u} refused: {e}");
            }
        }
        for (u, host) in [
            ("http://a.example/x", "a.example"),
            ("http://10.0.0.1/x", "10.0.0.1"),
            ("ftp://127.0.0.1/x", "127.0.0.1"),
            ("http://localhost.evil.example/", "localhost.evil.example"),
        ] {
            let e = check_transport(&Url::parse(u).unwrap()).expect_err(u);
            assert_eq!(
                e.to_string(),
                format!(
                    "refusing to send to {host} over plain http: only https is allowed (http only for this computer)"
                ),
                "{u}"
            );
        }
    }
}
