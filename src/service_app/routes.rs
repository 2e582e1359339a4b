//! HTTP surface: `GET /health`, `POST /GetAnonTokenJob` (any letter case), the access log, and
//! the middleware around them: the client address (`client_addr`) and CORS (`cors`).

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};

use super::ServiceAppState;
use super::client_addr::client_ip;
use super::cors;
use super::error::{Code, ErrorAnswer};
use super::validate::{body_kind, keys_equal, parse_body};
use crate::api::wire::service_app::ServiceHealth;

/// The token route as Microsoft's sample named it; matched case-insensitively.
pub const TOKEN_PATH: &str = "/GetAnonTokenJob";
pub const HEALTH_PATH: &str = "/health";
/// Largest accepted request body.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// Longest path written to the access log.
const LOG_PATH_CHARS: usize = 200;

pub fn build(state: ServiceAppState) -> Router {
    Router::new()
        .route(HEALTH_PATH, get(health).fallback(health_method))
        .route(TOKEN_PATH, any(token_job))
        .fallback(fallback)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), cors::gate))
        .layer(middleware::from_fn(access_log))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            resolve_client,
        ))
        .with_state(state)
}

/// Who sent a request: the TCP peer, and the client as the trusted proxies report it
/// ([`client_ip`]); both `None` without `ConnectInfo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    pub ip: Option<IpAddr>,
    pub peer: Option<IpAddr>,
}

async fn resolve_client(
    State(state): State<ServiceAppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let ip = peer.map(|p| client_ip(p, req.headers(), &state.inner.trusted_proxies));
    req.extensions_mut().insert(Client { ip, peer });
    next.run(req).await
}

async fn health(State(state): State<ServiceAppState>) -> Json<ServiceHealth> {
    Json(ServiceHealth {
        status: "ok".to_string(),
        discovery_cached: Some(state.inner.upstream.discovery_cached()),
    })
}

async fn health_method() -> Response {
    method_not_allowed("Use GET for the health check.", "GET, HEAD")
}

fn method_not_allowed(message: &str, allow: &'static str) -> Response {
    let mut response = ErrorAnswer::new(Code::MethodNotAllowed, message).into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allow));
    response
}

async fn fallback(State(state): State<ServiceAppState>, req: Request) -> Response {
    if req.uri().path().eq_ignore_ascii_case(TOKEN_PATH) {
        return token_job(State(state), req).await;
    }
    ErrorAnswer::new(
        Code::NotFound,
        format!("No such resource. The token URL is {TOKEN_PATH} (POST)."),
    )
    .into_response()
}

async fn token_job(State(state): State<ServiceAppState>, req: Request) -> Response {
    if req.method() != Method::POST {
        return method_not_allowed("Use POST for the token URL.", "POST");
    }
    match mint(&state, req).await {
        Ok(response) => response,
        Err(e) => e.into_response(),
    }
}

async fn mint(state: &ServiceAppState, req: Request) -> Result<Response, ErrorAnswer> {
    let inner = &state.inner;
    let client = req.extensions().get::<Client>().and_then(|c| c.ip);
    inner.limiter.check(client).map_err(|secs| ErrorAnswer {
        code: Code::RateLimited,
        message: format!("Too many token requests from this address; retry in {secs} s."),
        retry_after: Some(secs),
    })?;
    if let Some(key) = &inner.service_key {
        check_service_key(req.headers(), key.expose())?;
    }
    let kind = body_kind(
        req.headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    )?;
    let too_large = || {
        ErrorAnswer::new(
            Code::BodyTooLarge,
            format!("The body is larger than {MAX_BODY_BYTES} bytes."),
        )
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large());
    }
    let body = Bytes::from_request(req, &()).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            ErrorAnswer::new(Code::MalformedBody, "The body could not be read.")
        }
    })?;
    let fields = parse_body(kind, &body)?;
    let anon_request = inner.policy.validate(&fields)?;
    let token = inner.upstream.mint(&anon_request).await?;
    Ok((StatusCode::OK, Json(token)).into_response())
}

fn check_service_key(headers: &HeaderMap, expected: &str) -> Result<(), ErrorAnswer> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ErrorAnswer::new(
            Code::MissingServiceKey,
            "This service requires a service key: send Authorization: Bearer <key>.",
        ));
    };
    let presented = value
        .to_str()
        .ok()
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, key)| key.trim());
    match presented {
        Some(key) if keys_equal(key.as_bytes(), expected.as_bytes()) => Ok(()),
        _ => Err(ErrorAnswer::new(
            Code::InvalidServiceKey,
            "The service key is not valid.",
        )),
    }
}

/// One structured line per request: method, path (never the query), status, duration, code,
/// client address (as a trusted proxy reports it) and TCP peer.
async fn access_log(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path: String = req.uri().path().chars().take(LOG_PATH_CHARS).collect();
    let who = req.extensions().get::<Client>().copied();
    let shown = |ip: Option<IpAddr>| ip.map_or_else(|| "-".to_string(), |ip| ip.to_string());
    let client = shown(who.and_then(|c| c.ip));
    let peer = shown(who.and_then(|c| c.peer));
    let response = next.run(req).await;
    let code = response
        .extensions()
        .get::<Code>()
        .map_or("-", |c| c.as_str());
    tracing::info!(
        target: "guest_join::service_app::access",
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        code,
        client = %client,
        peer = %peer,
        "request"
    );
    response
}
