//! Emulator tests: routes in memory through `Router::oneshot`, plus real listeners for the parts
//! that need sockets (aborted P-GETs, cross-listener links).

mod app;
mod channel;
mod faults;
mod join;
mod messaging;
mod onprem;
mod onprem_discover;
mod onprem_live;
mod phone;
mod robustness;
mod roster;
mod sockets;
mod standin;
mod trusted_app;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt as _;
use serde_json::Value;
use tower::ServiceExt as _;
use url::Url;

use super::config::{
    DialIn, EmulatorConfig, EventStyle, LobbyPolicy, MeetingPhone, MeetingSpec, Role,
    ScriptedParticipant,
};
use super::{Control, Emu, platform_router, pool_router};
use crate::api::wire::events::{Event, EventBatch};
use crate::api::wire::platform::{AadTokenResponse, AnonTokenResponse};
use crate::api::wire::ucwa::Application;
use crate::api::wire::{
    ConversationState, Direction, InvitationState, ModalityState, OAuthError, OperationStatus, Rel,
    Route, UcwaCode, UcwaError, UcwaSubcode, bare_rel,
};

pub(crate) const ORIGIN: &str = "https://contoso.example";
pub(crate) const KEY: &[u8] = b"emulator-test-signing-key";

pub(crate) const OPEN: &str = "https://meet.contoso.example/ada/OPEN0001";
pub(crate) const MANUAL: &str = "https://meet.contoso.example/grace/MANUAL01";
pub(crate) const ADMIT: &str = "https://meet.contoso.example/grace/ADMIT001";
pub(crate) const DENY: &str = "https://meet.contoso.example/alan/DENY0001";
pub(crate) const TIMEOUT: &str = "https://meet.contoso.example/alan/TIME0001";
pub(crate) const LOCKED: &str = "https://meet.contoso.example/linus/LOCK0001";
pub(crate) const QUICK: &str = "https://meet.contoso.example/linus/QUICK001";
/// Open; chat may carry HTML; dial-in with an audio conference provider.
pub(crate) const RICH: &str = "https://meet.contoso.example/ada/RICH0001";

fn spec(url: &str, policy: LobbyPolicy, style: EventStyle) -> MeetingSpec {
    let mut parts = url.rsplit('/');
    let id = parts.next().unwrap_or_default().to_string();
    let organizer = parts.next().unwrap_or_default().to_string();
    MeetingSpec {
        join_url: url.into(),
        organizer,
        conference_id: id,
        subject: format!("Subject of {url}"),
        policy,
        participants: vec![
            ScriptedParticipant::new(
                "Olga Organizer",
                Role::Leader,
                Some("Welcome! Glad you could make it."),
            ),
            ScriptedParticipant::new("Andy Attendee", Role::Attendee, None),
        ],
        event_style: style,
        anonymous_join: true,
        html_messages: false,
        chatter_ms: None,
        phone: MeetingPhone::default(),
    }
}

pub(crate) fn config() -> EmulatorConfig {
    let short = Duration::from_millis(60);
    EmulatorConfig {
        poll_hold: Duration::from_millis(300),
        signing_key: KEY.to_vec(),
        meetings: vec![
            spec(OPEN, LobbyPolicy::Open, EventStyle::Detailed),
            spec(MANUAL, LobbyPolicy::Manual, EventStyle::Detailed),
            spec(ADMIT, LobbyPolicy::AdmitAfter(short), EventStyle::Detailed),
            spec(DENY, LobbyPolicy::DenyAfter(short), EventStyle::Detailed),
            spec(
                TIMEOUT,
                LobbyPolicy::TimeoutAfter(short),
                EventStyle::Detailed,
            ),
            spec(LOCKED, LobbyPolicy::Locked, EventStyle::Detailed),
            spec(QUICK, LobbyPolicy::Open, EventStyle::Collapsed),
            MeetingSpec {
                html_messages: true,
                phone: MeetingPhone {
                    dial_in: Some(DialIn::sample_with_provider()),
                    ..MeetingPhone::default()
                },
                ..spec(RICH, LobbyPolicy::Open, EventStyle::Detailed)
            },
        ],
        ..EmulatorConfig::default()
    }
}

/// A response read to the end.
pub(crate) struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: bytes::Bytes,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn error(&self) -> UcwaError {
        self.decode()
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A guest with its token and application.
pub(crate) struct Guest {
    pub token: String,
    pub origin: String,
    pub app: Application,
    pub next: String,
}

impl Guest {
    pub fn href(&self, rel: Rel) -> String {
        self.app.links.href(rel).unwrap_or_default().to_string()
    }
}

pub(crate) struct Harness {
    pub emu: Arc<Emu>,
    platform: Router,
    pool: Router,
}

#[derive(Clone, Copy)]
pub(crate) enum Side {
    Platform,
    Pool,
}

impl Harness {
    pub fn new() -> Self {
        Self::with(config())
    }

    pub fn with(cfg: EmulatorConfig) -> Self {
        let emu = Emu::new(
            cfg,
            Url::parse("http://platform.test/").unwrap(),
            Url::parse("http://pool.test/").unwrap(),
        );
        Self {
            platform: platform_router(emu.clone()),
            pool: pool_router(emu.clone()),
            emu,
        }
    }

    pub fn control(&self) -> Control {
        Control::new(self.emu.clone())
    }

    pub async fn send(&self, side: Side, req: Request<Body>) -> Resp {
        let router = match side {
            Side::Platform => self.platform.clone(),
            Side::Pool => self.pool.clone(),
        };
        let resp = router.oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        Resp {
            status,
            headers,
            body,
        }
    }

    /// A platform request with optional bearer token and JSON body.
    pub async fn platform(
        &self,
        method: Method,
        uri: &str,
        bearer: Option<&str>,
        body: Option<Value>,
    ) -> Resp {
        let mut b = Request::builder().method(method).uri(uri);
        if let Some(t) = bearer {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        let body = match body {
            Some(v) => {
                b = b.header("content-type", "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(Side::Platform, b.body(body).unwrap()).await
    }

    /// A pool request as `token` from `origin`.
    pub async fn pool_as(
        &self,
        method: Method,
        uri: &str,
        token: &str,
        origin: &str,
        body: Option<Value>,
    ) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {token}"))
            .header("origin", origin);
        let body = match body {
            Some(v) => {
                b = b.header("content-type", "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(Side::Pool, b.body(body).unwrap()).await
    }

    pub async fn pool(&self, g: &Guest, method: Method, uri: &str, body: Option<Value>) -> Resp {
        self.pool_as(method, uri, &g.token, &g.origin, body).await
    }

    pub async fn aad(&self) -> String {
        let form = format!(
            "grant_type=client_credentials&client_id={}&client_secret={}&resource=https%3A%2F%2Fapi.skypeforbusiness.com",
            self.emu.cfg.client_id, self.emu.cfg.client_secret
        );
        let req = Request::post("/contoso.example/oauth2/token")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .unwrap();
        let resp = self.send(Side::Platform, req).await;
        assert_eq!(resp.status, StatusCode::OK);
        resp.decode::<AadTokenResponse>().access_token
    }

    pub fn tokens_path(&self) -> String {
        format!(
            "/platformservice/v1/applications/{}/anonApplicationTokens?endpointId=sip:helpdesk@contoso.example",
            self.emu.tap_app_id
        )
    }

    pub async fn anon_token(&self, session: &str, meeting_url: &str) -> AnonTokenResponse {
        let aad = self.aad().await;
        let body = serde_json::json!({"applicationSessionId": session, "allowedOrigins": ORIGIN, "meetingUrl": meeting_url});
        let resp = self
            .platform(Method::POST, &self.tokens_path(), Some(&aad), Some(body))
            .await;
        assert_eq!(
            resp.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&resp.body)
        );
        resp.decode()
    }

    /// Token + application for a guest named `name` in the meeting at `meeting_url`.
    pub async fn guest(&self, meeting_url: &str, name: &str) -> Guest {
        let token = self
            .anon_token(&format!("session-{name}"), meeting_url)
            .await
            .token;
        self.guest_with_token(&token, name).await
    }

    pub async fn guest_with_token(&self, token: &str, name: &str) -> Guest {
        let body = serde_json::json!({"anonymousDisplayName": name, "culture": "en-US", "userAgent": "guest-join-tests"});
        let resp = self
            .pool_as(
                Method::POST,
                "/ucwa/psanon/v1/applications",
                token,
                ORIGIN,
                Some(body),
            )
            .await;
        assert_eq!(
            resp.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&resp.body)
        );
        let app: Application = resp.decode();
        let next = app.links.href(Rel::Events).unwrap().to_string();
        Guest {
            token: token.to_string(),
            origin: ORIGIN.to_string(),
            app,
            next,
        }
    }

    /// GET the guest's next batch and advance.
    pub async fn batch(&self, g: &mut Guest) -> EventBatch {
        let uri = g.next.clone();
        let resp = self.pool(g, Method::GET, &uri, None).await;
        assert_eq!(
            resp.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&resp.body)
        );
        let batch: EventBatch = resp.decode();
        g.next = batch.links.href(Rel::Next).expect("next link").to_string();
        batch
    }

    /// Start a GET of the guest's next batch in the background; return once it is parked.
    pub async fn park(self: &Arc<Self>, g: &Guest) -> tokio::task::JoinHandle<Resp> {
        let (h, token, next) = (self.clone(), g.token.clone(), g.next.clone());
        let task =
            tokio::spawn(async move { h.pool_as(Method::GET, &next, &token, ORIGIN, None).await });
        for _ in 0..400 {
            if self
                .emu
                .lock()
                .apps
                .values()
                .any(|a| a.channel.parked.is_some())
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        task
    }

    /// Non-empty batches until one contains an event matching `done` (at most 20 batches).
    pub async fn batches_until(
        &self,
        g: &mut Guest,
        done: impl Fn(&Event) -> bool,
    ) -> Vec<EventBatch> {
        let mut out = Vec::new();
        for _ in 0..20 {
            let b = self.batch(g).await;
            if b.is_empty() {
                continue;
            }
            let finished = b.events().any(|(_, e)| done(e));
            out.push(b);
            if finished {
                return out;
            }
        }
        panic!("condition not reached; got {out:#?}");
    }

    /// The guest's conference URI (the token's confid).
    pub fn confid(&self, url: &str) -> String {
        let w = self.emu.lock();
        let m = w.meeting_by_url(url).unwrap();
        w.meetings[m].uri.clone()
    }

    /// POST the join; returns the response.
    pub async fn join(&self, g: &Guest, url: &str, op: &str) -> Resp {
        let href = g
            .app
            .embedded
            .get::<crate::api::wire::ucwa::Communication>(Rel::Communication)
            .unwrap()
            .unwrap()
            .links
            .href(Rel::JoinOnlineMeeting)
            .unwrap()
            .to_string();
        let body = serde_json::json!({"onlineMeetingUri": self.confid(url), "operationId": op, "importance": "Normal"});
        self.pool(g, Method::POST, &href, Some(body)).await
    }
}

/// `(sender rel, event rel, type)` of every event of a batch, prefixes dropped.
pub(crate) fn summary(b: &EventBatch) -> Vec<(String, String, String)> {
    b.events()
        .map(|(s, e)| {
            let kind = serde_json::to_value(e.kind).unwrap();
            (
                bare_rel(&s.rel).to_string(),
                bare_rel(&e.link.rel).to_string(),
                kind.as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

pub(crate) fn s3(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

/// The first event in `batches` for `rel` of type `kind`.
pub(crate) fn find<'a>(batches: &'a [EventBatch], rel: &str, kind: &str) -> &'a Event {
    batches
        .iter()
        .flat_map(|b| b.events().map(|(_, e)| e))
        .find(|e| bare_rel(&e.link.rel) == rel && serde_json::to_value(e.kind).unwrap() == kind)
        .unwrap_or_else(|| panic!("no {rel} {kind} in {batches:#?}"))
}
