//! The client's HTTP layer: one reqwest client, the transport policy (https only, plain http
//! only to this computer, redirects never followed), per-request time-outs and a response size
//! cap. Everything above it deals in `Request`/`Response` and `ApiError`.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, ORIGIN};
use url::Url;

use crate::api::error::ApiError;
use crate::api::exchange::{ExchangeRecord, body_for_record, headers_for_record, url_for_record};
use crate::api::wire::{ServiceError, UcwaError};
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
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_body_bytes: 4 * 1024 * 1024,
            user_agent: format!("guest-join/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// Receives a redacted record of every exchange (the request inspector, exports).
pub type ExchangeObserver = Arc<dyn Fn(ExchangeRecord) + Send + Sync>;

#[derive(Clone)]
pub struct HttpClient {
    client: reqwest::Client,
    opts: HttpOptions,
    observer: Option<ExchangeObserver>,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient")
            .field("opts", &self.opts)
            .field("observed", &self.observer.is_some())
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
}

/// A 2xx answer with its body read (capped).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
    /// The URL the request went to (relative links in the body resolve against it).
    pub url: Url,
    pub elapsed: Duration,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Decode the body as JSON of type `T`, naming what is wrong if it is not.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, ApiError> {
        let host = host_of(&self.url);
        let malformed = |detail: String| ApiError::Malformed {
            host: host.clone(),
            status: self.status,
            detail,
        };
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Err(malformed("the body is empty".into()));
        }
        let ct = self
            .header("content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if ct.contains("html") || looks_like_html(&self.body) {
            return Err(malformed(format!(
                "an HTML page instead of JSON ({})",
                html_title(&self.body)
            )));
        }
        serde_json::from_slice(&self.body)
            .map_err(|e| malformed(format!("{} (content type {:?})", json_error(&e), ct)))
    }

    /// The `Location` header resolved against the request URL.
    pub fn location(&self) -> Option<Url> {
        self.header("location").and_then(|l| self.url.join(l).ok())
    }
}

fn json_error(e: &serde_json::Error) -> String {
    // serde_json messages can quote input; keep only the category and position.
    match e.classify() {
        serde_json::error::Category::Eof => "the JSON ends too early (truncated body)".into(),
        serde_json::error::Category::Syntax => {
            format!("not valid JSON (line {}, column {})", e.line(), e.column())
        }
        serde_json::error::Category::Data => mask_tokens(&format!("JSON of the wrong shape: {e}")),
        serde_json::error::Category::Io => "could not read the JSON".into(),
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let start: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

fn html_title(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let lower = text.to_ascii_lowercase();
    let title = lower.find("<title>").and_then(|s| {
        lower[s + 7..]
            .find("</title>")
            .map(|e| text[s + 7..s + 7 + e].trim().to_string())
    });
    match title {
        Some(t) if !t.is_empty() => format!(
            "title {:?}",
            mask_tokens(&t.chars().take(80).collect::<String>())
        ),
        _ => "no title".into(),
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

fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get("retry-after")?.to_str().ok()?.trim();
    v.parse::<u64>().ok().map(Duration::from_secs)
}

fn error_for_status(status: u16, headers: &HeaderMap, body: &[u8], url: &Url) -> ApiError {
    let host = host_of(url);
    let ct = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let json: Option<serde_json::Value> = if ct.contains("html") {
        None
    } else {
        serde_json::from_slice(body)
            .ok()
            .filter(serde_json::Value::is_object)
    };
    let ucwa = json
        .as_ref()
        .filter(|v| v.get("code").is_some_and(serde_json::Value::is_string))
        .and_then(|v| serde_json::from_value::<UcwaError>(v.clone()).ok())
        .map(|mut u| {
            u.message = u.message.map(|m| mask_tokens(&m));
            u.debug_info = None;
            u
        });
    let service = if ucwa.is_some() {
        None
    } else {
        json.as_ref()
            .filter(|v| v.get("Error").or_else(|| v.get("error")).is_some())
            .and_then(|v| serde_json::from_value::<ServiceError>(v.clone()).ok())
            .map(|mut s| {
                s.error = mask_tokens(&s.error.chars().take(300).collect::<String>());
                s
            })
    };
    let excerpt = if ucwa.is_some() || service.is_some() {
        String::new()
    } else if ct.contains("html") || looks_like_html(body) {
        format!("an HTML page ({})", html_title(body))
    } else {
        let text = String::from_utf8_lossy(&body[..body.len().min(400)]);
        let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        mask_tokens(&collapsed.chars().take(160).collect::<String>())
    };
    ApiError::Status {
        host,
        status,
        ucwa: ucwa.map(Box::new),
        service: service.map(Box::new),
        excerpt,
        retry_after: parse_retry_after(headers),
    }
}

impl HttpClient {
    pub fn new(opts: HttpOptions) -> Result<Self, ApiError> {
        let client = reqwest::Client::builder()
            .connect_timeout(opts.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(opts.user_agent.clone())
            .build()
            .map_err(|e| ApiError::Tls {
                host: "(client set-up)".into(),
                detail: e.without_url().to_string(),
            })?;
        Ok(Self {
            client,
            opts,
            observer: None,
        })
    }

    /// A client that reports every exchange to `observer` (shares the connection pool).
    pub fn with_observer(&self, observer: ExchangeObserver) -> Self {
        Self {
            client: self.client.clone(),
            opts: self.opts.clone(),
            observer: Some(observer),
        }
    }

    pub fn options(&self) -> &HttpOptions {
        &self.opts
    }

    /// Send one request. 2xx → `Response`; anything else → `ApiError` with status and error body.
    pub async fn send(&self, req: Request) -> Result<Response, ApiError> {
        let Some(observer) = self.observer.clone() else {
            return self.send_inner(req).await.0;
        };
        let started = SystemTime::now();
        let t0 = Instant::now();
        let (tag, method, url) = (req.tag, req.method.to_string(), url_for_record(&req.url));
        let request_headers = self.request_headers_for_record(&req);
        let request_body = match &req.body {
            Body::Empty => None,
            Body::Json(b) => body_for_record(b),
            Body::Form(f) => body_for_record(f.as_bytes()),
            Body::Text { text, .. } => body_for_record(text.as_bytes()),
        };
        let (result, raw) = self.send_inner(req).await;
        let (status, response_headers, response_body) = match raw {
            Some(r) => (
                Some(r.status),
                headers_for_record(&r.headers),
                body_for_record(&r.body),
            ),
            None => (None, Vec::new(), None),
        };
        observer(ExchangeRecord {
            tag,
            started,
            method,
            url,
            request_headers,
            request_body,
            status,
            response_headers,
            response_body,
            ms: u64::try_from(t0.elapsed().as_millis()).unwrap_or(u64::MAX),
            error: if status.is_none() {
                result.as_ref().err().map(ToString::to_string)
            } else {
                None
            },
        });
        result
    }

    fn request_headers_for_record(&self, req: &Request) -> Vec<(String, String)> {
        let mut h = vec![("accept".to_string(), "application/json".to_string())];
        if req.bearer.is_some() {
            h.push((
                "authorization".into(),
                format!("Bearer {}", crate::secret::REDACTED),
            ));
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

    async fn send_inner(&self, req: Request) -> (Result<Response, ApiError>, Option<RawResponse>) {
        if let Err(e) = check_transport(&req.url) {
            return (Err(e), None);
        }
        let host = host_of(&req.url);
        let timeout = req.timeout.unwrap_or(self.opts.request_timeout);
        let mut builder = self
            .client
            .request(req.method.clone(), req.url.clone())
            .timeout(timeout);
        builder = builder.header(ACCEPT, HeaderValue::from_static("application/json"));
        if let Some(token) = &req.bearer {
            let Ok(mut v) = HeaderValue::from_str(&format!("Bearer {}", token.expose())) else {
                return (
                    Err(ApiError::BadLink {
                        detail: "the token contains characters not allowed in a header".into(),
                    }),
                    None,
                );
            };
            v.set_sensitive(true);
            builder = builder.header(AUTHORIZATION, v);
        }
        if let Some(origin) = &req.origin {
            builder = builder.header(ORIGIN, origin.as_str());
        }
        builder = match req.body {
            Body::Empty => builder,
            Body::Json(b) => builder.header(CONTENT_TYPE, "application/json").body(b),
            Body::Form(f) => builder
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(f),
            Body::Text { content_type, text } => {
                builder.header(CONTENT_TYPE, content_type).body(text)
            }
        };
        let started = Instant::now();
        let mut resp = match builder.send().await {
            Ok(r) => r,
            Err(e) => return (Err(classify(e, &host, timeout)), None),
        };
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let raw = |body: Vec<u8>| {
            Some(RawResponse {
                status,
                headers: headers.clone(),
                body: Bytes::from(body),
            })
        };
        if let Some(len) = resp.content_length()
            && len > self.opts.max_body_bytes as u64
        {
            return (
                Err(ApiError::TooLarge {
                    host,
                    limit: self.opts.max_body_bytes,
                }),
                raw(Vec::new()),
            );
        }
        let mut body = Vec::new();
        loop {
            let chunk =
                match tokio::time::timeout(timeout.saturating_sub(started.elapsed()), resp.chunk())
                    .await
                {
                    Ok(Ok(Some(c))) => c,
                    Ok(Ok(None)) => break,
                    Ok(Err(e)) => return (Err(classify(e, &host, timeout)), raw(body)),
                    Err(_) => {
                        return (
                            Err(ApiError::Timeout {
                                host,
                                after: timeout,
                            }),
                            raw(body),
                        );
                    }
                };
            if body.len() + chunk.len() > self.opts.max_body_bytes {
                return (
                    Err(ApiError::TooLarge {
                        host,
                        limit: self.opts.max_body_bytes,
                    }),
                    raw(body),
                );
            }
            body.extend_from_slice(&chunk);
        }
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
        if !(200..300).contains(&status) {
            let err = error_for_status(status, &headers, &body, &req.url);
            return (Err(err), raw(body));
        }
        let body = Bytes::from(body);
        let raw = Some(RawResponse {
            status,
            headers: headers.clone(),
            body: body.clone(),
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
}

/// What came back, kept for the exchange record.
struct RawResponse {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
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
            assert!(check_transport(&Url::parse(u).unwrap()).is_ok(), "{u}");
        }
        for u in [
            "http://a.example/x",
            "http://10.0.0.1/x",
            "ftp://127.0.0.1/x",
            "http://localhost.evil.example/",
        ] {
            assert!(check_transport(&Url::parse(u).unwrap()).is_err(), "{u}");
        }
    }

    #[test]
    fn error_bodies_are_parsed_and_masked() {
        let url = Url::parse("https://pool.example/ucwa?x=psat%3dabc").unwrap();
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let e = error_for_status(
            404,
            &h,
            br#"{"code":"NotFound","subcode":"DestinationNotFound","message":"gone psat=eyJabc"}"#,
            &url,
        );
        assert_eq!(
            (e.code(), e.subcode(), e.status()),
            (Some("NotFound"), Some("DestinationNotFound"), Some(404))
        );
        assert!(!e.to_string().contains("eyJabc"));
        assert!(!e.to_string().contains("x="), "no query in messages: {e}");

        let e = error_for_status(
            400,
            &h,
            br#"{"Error":"Meeting not allowed","Code":"MeetingUrlNotAllowed"}"#,
            &url,
        );
        assert_eq!(e.code(), Some("MeetingUrlNotAllowed"));

        let mut html = HeaderMap::new();
        html.insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
        html.insert("retry-after", HeaderValue::from_static("7"));
        let e = error_for_status(
            503,
            &html,
            b"<html><title>Service Unavailable</title></html>",
            &url,
        );
        assert!(e.to_string().contains("Service Unavailable"), "{e}");
        assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));
    }

    #[test]
    fn json_decoding_names_the_problem() {
        let resp = |ct: &'static str, body: &'static [u8]| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(ct));
            Response {
                status: 200,
                headers,
                body: Bytes::from_static(body),
                url: Url::parse("https://h/").unwrap(),
                elapsed: Duration::ZERO,
            }
        };
        let err = |r: Response| {
            r.json::<serde_json::Map<String, serde_json::Value>>()
                .unwrap_err()
                .to_string()
        };
        assert!(err(resp("application/json", b"")).contains("empty"));
        assert!(err(resp("text/html", b"<html><title>Oops</title>")).contains("HTML"));
        assert!(err(resp("application/json", b"{\"a\": [1, 2")).contains("truncated"));
        assert!(err(resp("application/json", b"{a}")).contains("not valid JSON"));
        assert!(err(resp("application/json", b"[1]")).contains("wrong shape"));
    }
}
