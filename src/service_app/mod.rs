//! The reference service application: the token broker a customer runs (Microsoft's sample
//! called it the "Service Application"). The guest client POSTs to it (docs/design.md §4); it
//! obtains an Azure AD token, walks the Trusted Application API (docs/protocol.md §A.1–A.6) and
//! answers with a guest token.
//!
//! - `GET /health` → `200 {"status":"ok","discovery_cached":bool}`
//! - `POST /GetAnonTokenJob` (path in any letter case), form or JSON body with
//!   `ApplicationSessionId`, `AllowedOrigins`, `MeetingUrl` (names in any letter case) →
//!   `200 {"DiscoverUri","Token","TenantEndpointId","ExpireTime"}` or
//!   `4xx/5xx {"Error": text, "Code": stable code}`; the codes are [`Code`].
//!
//! The configuration and its TOML file are documented in [`config`]. Behind reverse proxies
//! listed in `trusted_proxies`, the client address comes from their forwarding headers
//! (`client_addr`); the per-client limit is a GCRA limiter (`rate_limit`); browsers on one of the
//! `allowed_origins` get CORS answers (`cors`).

mod client_addr;
pub mod config;
mod cors;
mod error;
mod forwarded;
mod rate_limit;
mod routes;
mod upstream;
mod validate;

#[cfg(test)]
mod tests;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use url::Url;

pub use config::{ConfigError, ConfigErrorKind, ServiceAppConfig};
pub use error::{Code, ErrorAnswer};
pub use routes::{HEALTH_PATH, MAX_BODY_BYTES, TOKEN_PATH};
pub use validate::MeetingUrlPattern;

use crate::secret::Secret;
use client_addr::TrustedProxies;
use cors::Cors;
use rate_limit::RateLimiter;
use upstream::{Upstream, is_allowed_upstream};
use validate::{Policy, normalize_origin};

/// Shared state of one service application: checked configuration, rate limiter, upstream
/// client and caches. Cheap to clone.
#[derive(Clone)]
pub struct ServiceAppState {
    inner: Arc<Inner>,
}

struct Inner {
    policy: Policy,
    service_key: Option<Secret>,
    limiter: RateLimiter,
    trusted_proxies: TrustedProxies,
    cors: Cors,
    upstream: Upstream,
}

impl ServiceAppState {
    /// Check the configuration (as [`ServiceAppConfig::from_toml_str`] does for a file) and build
    /// the upstream HTTP client. A bad entry is an `InvalidInput` error naming the field.
    pub fn new(config: ServiceAppConfig) -> io::Result<Self> {
        let invalid = |field: &str, why: String| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("{field}: {why}"))
        };
        for (field, url) in [
            ("aad_token_url", &config.aad_token_url),
            ("platform_discover_url", &config.platform_discover_url),
        ] {
            if !is_allowed_upstream(url) {
                return Err(invalid(
                    field,
                    "must be https (plain http only for loopback addresses)".into(),
                ));
            }
        }
        let allowed_origins = config
            .allowed_origins
            .iter()
            .map(|o| {
                normalize_origin(o.trim())
                    .map_err(|why| invalid("allowed_origins", format!("{o:?} {why}")))
            })
            .collect::<io::Result<Vec<_>>>()?;
        let meeting_urls = config
            .allowed_meeting_urls
            .iter()
            .map(|p| {
                MeetingUrlPattern::parse(p)
                    .map_err(|why| invalid("allowed_meeting_urls", format!("{p:?}: {why}")))
            })
            .collect::<io::Result<Vec<_>>>()?;
        let trusted_proxies =
            TrustedProxies::parse(config.trusted_proxies.iter().map(String::as_str))
                .map_err(|e| invalid("trusted_proxies", e.to_string()))?;
        let upstream = Upstream::new(&config).map_err(|e| io::Error::other(e.without_url()))?;
        Ok(Self {
            inner: Arc::new(Inner {
                cors: Cors::new(&allowed_origins),
                policy: Policy {
                    allowed_origins,
                    meeting_urls,
                    max_field_len: config.max_field_len,
                },
                service_key: config.service_key.filter(|k| !k.is_empty()),
                limiter: RateLimiter::new(config.rate_limit_per_minute),
                trusted_proxies,
                upstream,
            }),
        })
    }
}

/// The routes, for serving or for `Router::oneshot` in tests. The client address is the
/// `ConnectInfo<SocketAddr>` peer (serve with `into_make_service_with_connect_info`), or what a
/// trusted proxy reports for it; without `ConnectInfo` every client shares one rate-limit bucket.
pub fn router(state: ServiceAppState) -> axum::Router {
    routes::build(state)
}

/// Serve on `listener` in a background task until [`ServiceAppHandle::shutdown`] (or the
/// handle is dropped).
pub async fn start(
    config: ServiceAppConfig,
    listener: TcpListener,
) -> io::Result<ServiceAppHandle> {
    let state = ServiceAppState::new(config)?;
    let addr = listener.local_addr()?;
    let base_url = Url::parse(&format!("http://{addr}/")).map_err(io::Error::other)?;
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // Also resolves when the handle is dropped.
                stopped.await.ok();
            })
            .await
    });
    tracing::info!(%addr, "service application listening");
    Ok(ServiceAppHandle {
        addr,
        base_url,
        stop: Some(stop),
        task,
    })
}

/// A running service application.
pub struct ServiceAppHandle {
    addr: SocketAddr,
    base_url: Url,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<io::Result<()>>,
}

impl ServiceAppHandle {
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:P/`
    pub fn base_url(&self) -> Url {
        self.base_url.clone()
    }

    /// `http://127.0.0.1:P/GetAnonTokenJob`
    pub fn token_url(&self) -> Url {
        let mut url = self.base_url();
        url.set_path(TOKEN_PATH);
        url
    }

    /// Stop accepting, let requests in flight finish, and wait for the server task.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
        match (&mut self.task).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "service application server ended with an error")
            }
            Err(e) => tracing::warn!(error = %e, "service application task failed"),
        }
    }
}
