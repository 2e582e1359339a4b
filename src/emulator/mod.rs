//! A local emulator of the Microsoft side of the guest join (docs/protocol.md §3, flow A): an AAD
//! stand-in, the Trusted Application API platform service and the guest's anonymous discover
//! on one listener, the UCWA `psanon` pool on a second listener (so links cross hosts), scripted
//! meetings with lobby policies, fault and latency injection, a request journal, a control
//! API (Rust and JSON over HTTP under `/control/...` on the platform listener) and a
//! configurable stand-in for a customer's service application (`/serviceapp/...`).
//! Optionally ([`EmulatorConfig::on_prem`]) also the on-premises surface of flow B on two more
//! listeners: `lyncdiscover` and the pool's web services (autodiscover, WebTicket,
//! `/ucwa/oauth/v1`), sharing the same meetings.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use guest_join::emulator::{self, EmulatorConfig};
//! let emu = emulator::start(EmulatorConfig { meetings: emulator::demo_meetings(), ..Default::default() }).await?;
//! println!("AAD token URL: {}", emu.aad_token_url());
//! emu.shutdown().await;
//! # Ok(()) }
//! ```

mod config;
mod control;
mod onprem;
mod platform;
mod pool;
mod start;
mod telephony;
mod transport;
mod world;

#[cfg(test)]
mod tests;

// The files keep their short paths (`crate::emulator::channel`, …) inside the emulator.
use onprem::{onprem_routes, onprem_ticket};
use platform::{anon_routes, service_standin, trusted_app_routes};
use pool::{
    batch, channel, conv_resources, messaging, phone_audio, phone_resources, resources,
    roster_batch, route_table, ucwa_routes,
};
use transport::{fault_response, http, journal, tls};
use world::{crowd, demo_meetings, meeting};

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio_util::sync::CancellationToken;
use url::Url;

pub use config::{
    AudioProvider, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DialIn, DialInRegionSpec, DialOut,
    DiscoverAnswer, EmulatorConfig, EventStyle, Fault, FaultBody, FaultRoute, LobbyPolicy,
    MeetingPhone, MeetingSpec, OnPremConfig, PhoneOutcome, PhoneScript, RelPrefix, Role,
    STALL_HOLD, ScriptedParticipant,
};
pub use control::{ApplicationInfo, Control, ControlError, MeetingInfo, ParticipantInfo};
pub use demo_meetings::{
    DEMO_DENY_URL, DEMO_DIRECT_DENY_URL, DEMO_DIRECT_LOBBY_URL, DEMO_DIRECT_MEETING_URLS,
    DEMO_DIRECT_NO_GUESTS_URL, DEMO_DIRECT_OPEN_URL, DEMO_LOBBY_URL, DEMO_MEETING_HOST,
    DEMO_MEETING_URLS, DEMO_OPEN_URL, DEMO_QUICK_URL, DEMO_TOWN_HALL_URL, TOWN_HALL_MEMBERS,
    demo_meetings,
};
pub use journal::JournalEntry;
pub use messaging::MessageFormat;
pub use service_standin::{STANDIN_HEALTH_PATH, STANDIN_TOKEN_PATH, ServiceStandinMode};
pub use start::{EmulatorHandle, start, start_on};
pub use tls::TlsIdentity;
pub use world::{AppState, ChatLine, PhoneCall};

use crate::api::wire::psat::{self, PsatClaims};
use crate::api::wire::{Route, UcwaCode};
use fault_response::{fault_response, relabel};
use http::{Req, UcwaErrorReply, normalize_origin, set_header, token_hash, unix_now};
use world::{Meeting, World};

/// The journal keeps at most this many entries (the oldest tenth is dropped when full).
const JOURNAL_CAP: usize = 100_000;

/// Largest request body accepted.
const MAX_BODY: usize = 256 * 1024;

/// The ApplicationSessionId a handler resolved, for the journal (response extension).
#[derive(Debug, Clone)]
pub(crate) struct JournalSession(pub String);

/// Why a psat was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenProblem {
    Invalid,
    Expired,
}

/// Shared state of one running emulator.
pub(crate) struct Emu {
    pub cfg: EmulatorConfig,
    /// `http://127.0.0.1:P/` (platform listener).
    pub platform: Url,
    /// `http://127.0.0.1:Q/` (pool listener).
    pub pool: Url,
    /// The Trusted Application API application id of the configured endpoint.
    pub tap_app_id: String,
    /// `http://127.0.0.1:R/` (lyncdiscover) and `http://127.0.0.1:S/` (the on-premises pool's
    /// web services), when the on-premises surface runs.
    pub on_prem: Option<(Url, Url)>,
    pub world: Mutex<World>,
    pub started: Instant,
    pub cancel: CancellationToken,
}

impl Emu {
    #[cfg(test)]
    pub fn new(cfg: EmulatorConfig, platform: Url, pool: Url) -> Arc<Self> {
        Self::with_on_prem(cfg, platform, pool, None)
    }

    /// With the on-premises listeners' base URLs `(lyncdiscover, lyncweb)`.
    pub fn with_on_prem(
        cfg: EmulatorConfig,
        platform: Url,
        pool: Url,
        on_prem: Option<(Url, Url)>,
    ) -> Arc<Self> {
        let world = World {
            meetings: cfg
                .meetings
                .iter()
                .map(|m| Meeting::new(m.clone(), &cfg.tenant, false))
                .collect(),
            discover_answer: cfg
                .on_prem
                .as_ref()
                .map(|o| o.discover_answer.clone())
                .unwrap_or_default(),
            plan: journal::FaultPlan {
                latency: cfg.latency,
                faults: cfg.faults.clone(),
            },
            ..World::default()
        };
        Arc::new(Self {
            cfg,
            platform,
            pool,
            tap_app_id: http::digits(10),
            on_prem,
            world: Mutex::new(world),
            started: Instant::now(),
            cancel: CancellationToken::new(),
        })
    }

    pub fn lock(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn platform_host(&self) -> String {
        self.platform.host_str().unwrap_or("127.0.0.1").to_string()
    }

    pub fn pool_host(&self) -> String {
        self.pool.host_str().unwrap_or("127.0.0.1").to_string()
    }

    /// The on-premises deployment's settings (defaults when not configured).
    pub fn on_prem_config(&self) -> OnPremConfig {
        self.cfg.on_prem.clone().unwrap_or_default()
    }

    /// An absolute href on the on-premises pool's web services.
    pub fn lyncweb_href(&self, rest: &str) -> String {
        let base = self.on_prem.as_ref().map_or(&self.pool, |(_, web)| web);
        format!("{base}{rest}")
    }

    pub fn lyncweb_host(&self) -> String {
        let base = self.on_prem.as_ref().map_or(&self.pool, |(_, web)| web);
        base.host_str().unwrap_or("127.0.0.1").to_string()
    }

    /// Verify a psat: signature, lifetime, revocation.
    pub fn verify_psat(&self, token: &str) -> Result<PsatClaims, TokenProblem> {
        let claims =
            psat::verify(token, &self.cfg.signing_key).map_err(|_| TokenProblem::Invalid)?;
        let now = unix_now();
        if claims.exp <= now || claims.nbf > now + 300 {
            return Err(TokenProblem::Expired);
        }
        if self
            .lock()
            .psats
            .get(&token_hash(token))
            .is_some_and(|r| r.revoked)
        {
            return Err(TokenProblem::Expired);
        }
        Ok(claims)
    }

    /// The request's `Origin` when it is one of `ao` (`;`-joined), else 403.
    pub fn check_origin(&self, r: &Req, ao: &str) -> Result<String, UcwaErrorReply> {
        let origin = r.origin().ok_or_else(|| {
            UcwaErrorReply::forbidden(
                None,
                "The request has no Origin header; the token requires one.",
            )
        })?;
        let norm = normalize_origin(origin);
        let allowed = ao
            .split(';')
            .filter_map(normalize_origin)
            .any(|a| Some(&a) == norm.as_ref());
        if allowed {
            Ok(origin.to_string())
        } else {
            Err(UcwaErrorReply::forbidden(
                None,
                "The origin is not allowed for this token.",
            ))
        }
    }

    /// Run `f` on the world after `delay`, unless the emulator stops first.
    pub fn schedule(
        self: &Arc<Self>,
        delay: Duration,
        f: impl FnOnce(&mut World, &EmulatorConfig) + Send + 'static,
    ) {
        let emu = self.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = tokio::time::sleep(delay) => {
                    let mut w = emu.lock();
                    f(&mut w, &emu.cfg);
                }
                _ = emu.cancel.cancelled() => {}
            }
        });
    }

    /// Expire applications whose channel has been silent too long or whose token ran out.
    pub fn reap(&self) {
        let idle = self.cfg.app_idle_expiry;
        let now_ms = http::unix_now_ms();
        let at = self.elapsed();
        let mut w = self.lock();
        let ids: Vec<String> = w
            .apps
            .values()
            .filter(|a| a.state == AppState::Alive)
            .filter(|a| a.channel.idle_for(idle) || a.expires_ms <= now_ms)
            .map(|a| a.id.clone())
            .collect();
        for id in ids {
            remove_app(&mut w, &id, AppState::Expired, at);
        }
    }
}

/// Take an application out of the world: it leaves its meeting and later requests fail.
pub(crate) fn remove_app(w: &mut World, id: &str, state: AppState, at: Duration) {
    meeting::leave(w, id, meeting::Exit::AppGone);
    if let Some(app) = w.apps.get_mut(id) {
        app.state = state;
        app.ended_at = Some(at);
        app.channel.close();
    }
    forget_old_ended_apps(w);
}

/// Ended applications are kept (the control API lists them; their URLs answer 404/410 as
/// they ended) up to this many; older ones are forgotten, so a long-running emulator does
/// not grow with every guest it ever served. A forgotten application's URLs answer 404.
const ENDED_APPS_KEPT: usize = 1_000;

fn forget_old_ended_apps(w: &mut World) {
    let ended = w.apps.values().filter(|a| a.ended_at.is_some()).count();
    if ended <= ENDED_APPS_KEPT {
        return;
    }
    let mut by_age: Vec<(Duration, String)> = w
        .apps
        .values()
        .filter_map(|a| a.ended_at.map(|t| (t, a.id.clone())))
        .collect();
    by_age.sort_unstable();
    for (_, id) in by_age.into_iter().take(ended - ENDED_APPS_KEPT) {
        w.apps.remove(&id);
    }
}

#[derive(Clone, Copy)]
enum Side {
    Platform,
    Pool,
    OnPrem(onprem_routes::OnPremSide),
}

pub(crate) fn platform_router(emu: Arc<Emu>) -> Router {
    Router::new()
        .fallback(|State(emu): State<Arc<Emu>>, req: Request| dispatch(emu, req, Side::Platform))
        .with_state(emu)
}

pub(crate) fn pool_router(emu: Arc<Emu>) -> Router {
    Router::new()
        .fallback(|State(emu): State<Arc<Emu>>, req: Request| dispatch(emu, req, Side::Pool))
        .with_state(emu)
}

/// One of the on-premises listeners (`lyncdiscover` or the pool's web services).
pub(crate) fn on_prem_router(emu: Arc<Emu>, side: onprem_routes::OnPremSide) -> Router {
    Router::new()
        .fallback(move |State(emu): State<Arc<Emu>>, req: Request| {
            dispatch(emu, req, Side::OnPrem(side))
        })
        .with_state(emu)
}

/// Every request: route name, injected latency and faults, the handler, the journal.
async fn dispatch(emu: Arc<Emu>, req: Request, side: Side) -> Response {
    let started = Instant::now();
    let at = emu.elapsed();
    let (parts, body) = req.into_parts();
    let method = parts.method.to_string();
    let path = parts.uri.path().to_string();
    let origin = parts
        .headers
        .get("origin")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (mut resp, route, faulted, hint) = match axum::body::to_bytes(body, MAX_BODY).await {
        Err(_) => {
            let e = UcwaErrorReply::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                UcwaCode::EntityTooLarge,
                None,
                "The request body is too large.",
            );
            (e.into_response(), Route::Unknown, false, None)
        }
        Ok(bytes) => {
            let r = Req::new(parts.method, &parts.uri, parts.headers, bytes);
            let hint = r
                .bearer()
                .and_then(|t| psat::decode_unverified(t).ok())
                .map(|c| c.asi);
            let route = match side {
                Side::Platform => trusted_app_routes::route_name(&r),
                Side::Pool => ucwa_routes::route_name(&r),
                Side::OnPrem(s) => onprem_routes::route_name(&r, s),
            };
            let (latency, fault) = emu.lock().plan.take(route);
            if !latency.is_zero() {
                tokio::select! {
                    _ = tokio::time::sleep(latency) => {}
                    _ = emu.cancel.cancelled() => {}
                }
            }
            match fault {
                Some(f) if !f.body.runs_handler() => {
                    (fault_response(&f, &emu.cancel).await, route, true, hint)
                }
                fault => {
                    let resp = match side {
                        Side::Platform => trusted_app_routes::handle(&emu, route, &r).await,
                        Side::Pool => ucwa_routes::handle(&emu, route, &r).await,
                        Side::OnPrem(_) => onprem_routes::handle(&emu, route, &r).await,
                    };
                    match fault {
                        Some(_) => (relabel(resp), route, true, hint),
                        None => (resp, route, false, hint),
                    }
                }
            }
        }
    };
    set_header(
        &mut resp,
        "x-ms-correlation-id",
        &uuid::Uuid::new_v4().to_string(),
    );
    if matches!(
        side,
        Side::Pool | Side::OnPrem(onprem_routes::OnPremSide::Web)
    ) {
        set_header(&mut resp, "x-ms-ucwaversion", "2");
    }
    let session = resp
        .extensions()
        .get::<JournalSession>()
        .map(|s| s.0.clone())
        .or(hint);
    tracing::debug!(%route, %method, %path, status = resp.status().as_u16(), faulted, "emulator request");
    let mut w = emu.lock();
    if w.journal.len() >= JOURNAL_CAP {
        w.journal.drain(..JOURNAL_CAP / 10);
    }
    w.journal.push(JournalEntry {
        route,
        method,
        path,
        status: resp.status().as_u16(),
        session,
        origin,
        at,
        elapsed: started.elapsed(),
        faulted,
    });
    drop(w);
    resp
}

/// Answer a CORS preflight for the request's origin.
pub(crate) fn preflight(r: &Req) -> Response {
    let mut resp = StatusCode::OK.into_response();
    if let Some(o) = r.origin() {
        set_header(&mut resp, "access-control-allow-origin", o);
    }
    set_header(
        &mut resp,
        "access-control-allow-methods",
        "GET, POST, PUT, DELETE, OPTIONS",
    );
    set_header(
        &mut resp,
        "access-control-allow-headers",
        "Authorization, Content-Type, Accept, X-Ms-Origin, X-Ms-Namespace, X-MS-RequiresMinResourceVersion, Client-Request-Id",
    );
    set_header(&mut resp, "access-control-max-age", "600");
    resp
}
