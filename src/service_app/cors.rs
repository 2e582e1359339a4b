//! CORS for web pages that call the service from a browser: only for the configured
//! `allowed_origins`, answered by `tower-http`'s `CorsLayer`.
//!
//! `CorsLayer` alone would answer every `OPTIONS` request itself, and add its allow-methods,
//! allow-headers and max-age headers even when the origin is not allowed. So [`gate`] hands a
//! request to it only when the route takes part (the token route: POST; `/health`: GET), the
//! request's `Origin` is exactly one of `allowed_origins` (normalised as the browser sends it,
//! `scheme://host[:port]`) and, for `OPTIONS`, it is a preflight (`Access-Control-Request-Method`
//! present). Any other request goes to the routes as before, with no `Access-Control-*` headers
//! (an `OPTIONS` from elsewhere gets the routes' 405), and the body's `AllowedOrigins` check
//! applies to every token request alike. The answer of both routes depends on `Origin`, so it
//! always carries `Vary: Origin`.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::Method;
use axum::http::header::{self, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tower::{Layer as _, ServiceExt as _};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::ServiceAppState;
use super::routes::{HEALTH_PATH, TOKEN_PATH};

/// How long a browser may cache a preflight answer.
pub const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// The CORS answers of the two routes, built once from the configuration.
#[derive(Clone)]
pub struct Cors {
    origins: Vec<HeaderValue>,
    token: CorsLayer,
    health: CorsLayer,
}

impl Cors {
    /// `allowed_origins` as normalised by the configuration check.
    pub fn new(allowed_origins: &[String]) -> Self {
        let origins: Vec<HeaderValue> = allowed_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        let base = CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins.clone()))
            .max_age(PREFLIGHT_MAX_AGE);
        Self {
            token: base
                .clone()
                .allow_methods([Method::POST])
                // What the client sends: the body's type, and the service key when there is one.
                .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
                // Not a CORS-safelisted response header: a page could not read it otherwise.
                .expose_headers([header::RETRY_AFTER]),
            health: base.allow_methods([Method::GET]),
            origins,
        }
    }

    fn for_route(&self, path: &str) -> Option<&CorsLayer> {
        if path.eq_ignore_ascii_case(TOKEN_PATH) {
            Some(&self.token)
        } else if path == HEALTH_PATH {
            Some(&self.health)
        } else {
            None
        }
    }

    fn applies_to(&self, req: &Request) -> bool {
        let origin_allowed = req
            .headers()
            .get(header::ORIGIN)
            .is_some_and(|o| self.origins.contains(o));
        let preflight_or_not_options = req.method() != Method::OPTIONS
            || req
                .headers()
                .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
        origin_allowed && preflight_or_not_options
    }
}

/// The middleware: CORS for allowed origins on the two routes, nothing for anyone else.
pub async fn gate(State(state): State<ServiceAppState>, req: Request, next: Next) -> Response {
    let cors = &state.inner.cors;
    let Some(layer) = cors.for_route(req.uri().path()) else {
        return next.run(req).await;
    };
    if cors.applies_to(&req) {
        let Ok(response) = layer.layer(next).oneshot(req).await;
        return response;
    }
    let mut response = next.run(req).await;
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("origin"));
    response
}
