//! The on-premises surface of flow B (docs/protocol.md §4; the step comments below name its
//! sections): lyncdiscover → challenge → WebTicket grant → user → applications → join through the
//! shared invitation and events machinery, the grant's refusals, renewal, the control switch and
//! the journal's route names.

use axum::http::header::WWW_AUTHENTICATE;

use super::*;
use crate::api::wire::platform::HalResource;
use crate::api::wire::webticket::{
    MsRtcOAuthChallenge, WebTicketError, WebTicketGrant, WebTicketToken,
};
use crate::emulator::config::OnPremConfig;
use crate::emulator::on_prem_router;
use crate::emulator::onprem_routes::OnPremSide;

pub(super) const WEB: &str = "http://lyncweb.test/";

/// The emulator with its on-premises routers (also used by `onprem_discover`).
pub(super) struct OnPrem {
    pub(super) emu: Arc<Emu>,
    pub(super) discover: Router,
    pub(super) web: Router,
    pub(super) platform: Router,
}

/// A ticket and the application created with it.
struct Anon {
    token: String,
    app: Application,
    next: String,
}

fn on_prem_with(deployment: OnPremConfig) -> OnPrem {
    on_prem_from(EmulatorConfig {
        on_prem: Some(deployment),
        ..config()
    })
}

/// The emulator of `cfg` (which must configure `on_prem`) behind its routers, with the
/// on-premises listeners at `lyncdiscover.test` and [`WEB`].
pub(super) fn on_prem_from(cfg: EmulatorConfig) -> OnPrem {
    let emu = Emu::with_on_prem(
        cfg,
        Url::parse("http://platform.test/").unwrap(),
        Url::parse("http://pool.test/").unwrap(),
        Some((
            Url::parse("http://lyncdiscover.test/").unwrap(),
            Url::parse(WEB).unwrap(),
        )),
    );
    OnPrem {
        discover: on_prem_router(emu.clone(), OnPremSide::Discover),
        web: on_prem_router(emu.clone(), OnPremSide::Web),
        platform: platform_router(emu.clone()),
        emu,
    }
}

fn on_prem() -> OnPrem {
    on_prem_with(OnPremConfig::default())
}

/// The path and query of an absolute href on the web services listener.
fn local(href: &str) -> String {
    href.strip_prefix(WEB.trim_end_matches('/'))
        .unwrap_or_else(|| panic!("{href} is not on {WEB}"))
        .to_string()
}

pub(super) async fn send(router: &Router, req: Request<Body>) -> Resp {
    let resp = router.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    Resp {
        status,
        headers,
        body,
    }
}

impl OnPrem {
    async fn get(&self, router: &Router, uri: &str, bearer: Option<&str>) -> Resp {
        let mut b = Request::get(uri).header("accept", "application/json");
        if let Some(t) = bearer {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        send(router, b.body(Body::empty()).unwrap()).await
    }

    async fn web_json(&self, method: Method, uri: &str, token: &str, body: Value) -> Resp {
        let req = Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        send(&self.web, req).await
    }

    async fn grant(&self, g: &WebTicketGrant) -> Resp {
        let req = Request::post("/WebTicket/oauthtoken")
            .header(
                "content-type",
                "application/x-www-form-urlencoded;charset=UTF-8",
            )
            .header("accept", "application/json")
            .body(Body::from(g.to_form()))
            .unwrap();
        send(&self.web, req).await
    }

    /// The anonymous meeting grant for the meeting at `url` with its real key.
    fn grant_for(&self, url: &str) -> WebTicketGrant {
        let w = self.emu.lock();
        let m = &w.meetings[w.meeting_by_url(url).unwrap()];
        WebTicketGrant::anon_meeting(&m.uri, &m.spec.conference_id)
    }

    async fn ticket(&self, url: &str) -> WebTicketToken {
        let resp = self.grant(&self.grant_for(url)).await;
        assert_eq!(resp.status, StatusCode::OK, "{:?}", resp.body);
        resp.decode()
    }

    /// The challenge of an unauthenticated user GET.
    async fn challenge(&self) -> MsRtcOAuthChallenge {
        let resp = self
            .get(
                &self.web,
                "/Autodiscover/AutodiscoverService.svc/root/oauth/user",
                None,
            )
            .await;
        assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
        let challenges: Vec<&str> = resp
            .headers
            .get_all(WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert!(challenges.iter().any(|c| c.starts_with("Bearer ")));
        challenges
            .iter()
            .find_map(|c| MsRtcOAuthChallenge::parse(c))
            .expect("an MsRtcOAuth challenge")
    }

    async fn application(&self, token: &str) -> Anon {
        let body = serde_json::json!({"UserAgent": "UCWA Samples - Anon Meeting", "EndpointId": "a917c6f4-976c-4cf3-847d-cdfffa28ccdf", "Culture": "en-US"});
        let resp = self
            .web_json(Method::POST, "/ucwa/oauth/v1/applications", token, body)
            .await;
        assert_eq!(
            resp.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&resp.body)
        );
        let app: Application = resp.decode();
        assert_eq!(resp.header("location"), app.links.href(Rel::SelfLink));
        let next = app.links.href(Rel::Events).unwrap().to_string();
        Anon {
            token: token.to_string(),
            app,
            next,
        }
    }

    async fn join(&self, a: &Anon, conference_uri: &str, name: &str) -> Resp {
        let href = a
            .app
            .embedded
            .get::<crate::api::wire::ucwa::Communication>(Rel::Communication)
            .unwrap()
            .unwrap()
            .links
            .href(Rel::JoinOnlineMeeting)
            .unwrap()
            .to_string();
        let body = serde_json::json!({"onlineMeetingUri": conference_uri, "anonymousDisplayName": name, "operationId": "op-1"});
        self.web_json(Method::POST, &href, &a.token, body).await
    }

    /// Event batches until one has `rel` of type `kind` (at most 20).
    async fn until(&self, a: &mut Anon, rel: &str, kind: &str) -> Vec<EventBatch> {
        let mut out = Vec::new();
        for _ in 0..20 {
            let resp = self.get(&self.web, &a.next.clone(), Some(&a.token)).await;
            assert_eq!(resp.status, StatusCode::OK, "{:?}", resp.body);
            let b: EventBatch = resp.decode();
            a.next = b.links.href(Rel::Next).expect("next link").to_string();
            let done = b.events().any(|(_, e)| {
                bare_rel(&e.link.rel) == rel && serde_json::to_value(e.kind).unwrap() == kind
            });
            out.push(b);
            if done {
                return out;
            }
        }
        panic!("no {rel} {kind} in {out:#?}");
    }

    pub(super) fn routes(&self) -> Vec<Route> {
        self.emu.lock().journal.iter().map(|j| j.route).collect()
    }
}

// Long on purpose: flow B end to end, each request in order.
#[tokio::test]
async fn flow_b_from_lyncdiscover_to_the_meeting() {
    let o = on_prem();
    // §B.2: the root on lyncdiscover links to the pool's web services.
    let root = o.get(&o.discover, "/", None).await;
    assert_eq!(root.status, StatusCode::OK);
    let root: HalResource = root.decode();
    let user = root.links.href(Rel::User).unwrap().to_string();
    assert_eq!(
        user,
        "http://lyncweb.test/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=contoso.example"
    );
    assert!(root.links.href(Rel::Xframe).unwrap().starts_with(WEB));
    let self_doc = o
        .get(
            &o.web,
            &local(root.links.href(Rel::SelfLink).unwrap()),
            None,
        )
        .await;
    assert_eq!(self_doc.status, StatusCode::OK);
    assert_eq!(self_doc.decode::<HalResource>().links, root.links);
    // §B.3: the challenge names the WebTicket service and offers the anonymous grant.
    let challenge = o.challenge().await;
    assert_eq!(challenge.href, format!("{WEB}WebTicket/oauthtoken"));
    assert!(challenge.offers_anon_meeting());
    let ticket = o.ticket(OPEN).await;
    assert!(ticket.access_token.starts_with("cwt="));
    assert_eq!(ticket.token_type, "Bearer");
    assert_eq!(ticket.expires_in_secs(), Some(3600));
    // §B.5: with the ticket the user resource links the applications.
    let me = o
        .get(&o.web, &local(&user), Some(&ticket.access_token))
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let me: HalResource = me.decode();
    let apps = me.links.href(Rel::Applications).unwrap();
    assert_eq!(apps, format!("{WEB}ucwa/oauth/v1/applications"));
    // §B.6: the application, in the on-premises URL space.
    let mut a = o.application(&ticket.access_token).await;
    let self_href = a.app.links.href(Rel::SelfLink).unwrap().to_string();
    assert!(
        self_href.starts_with("/ucwa/oauth/v1/applications/"),
        "{self_href}"
    );
    assert!(a.next.starts_with(&format!("{self_href}/events")));
    let got = o.get(&o.web, &self_href, Some(&a.token)).await;
    assert_eq!(got.status, StatusCode::OK);
    for op in ["reportMyActivity", "makeMeAvailable"] {
        let resp = o
            .web_json(
                Method::POST,
                &format!("{self_href}/me/{op}"),
                &a.token,
                serde_json::json!({}),
            )
            .await;
        assert_eq!(resp.status, StatusCode::FORBIDDEN, "{op}");
        assert_eq!(
            resp.error().subcode,
            Some(UcwaSubcode::AnonymousNotAllowed),
            "{op}"
        );
    }
    // §B.7: the join runs through the shared world; OPEN admits at once.
    let uri = o.grant_for(OPEN).ms_rtc_conferenceuri.unwrap();
    let joined = o.join(&a, &uri, "Lene Aaling").await;
    assert_eq!(
        joined.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&joined.body)
    );
    assert!(joined.header("location").unwrap().starts_with(&format!(
        "{self_href}/communication/onlineMeetingInvitations/"
    )));
    let batches = o
        .until(&mut a, "onlineMeetingInvitation", "completed")
        .await;
    let done = find(&batches, "onlineMeetingInvitation", "completed");
    assert_eq!(done.status, Some(OperationStatus::Success), "{done:#?}");
    let control = Control::new(o.emu.clone());
    let meeting = control
        .meetings()
        .into_iter()
        .find(|m| m.join_url == OPEN)
        .unwrap();
    assert_eq!(meeting.guests, vec!["Lene Aaling".to_string()]);
    // Each route's journal name, in order.
    let routes = o.routes();
    for expected in [
        Route::Lyncdiscover,
        Route::AutodiscoverRoot,
        Route::AutodiscoverUser,
        Route::Webticket,
        Route::CreateApplication,
        Route::GetApplication,
        Route::ReportActivity,
        Route::MakeMeAvailable,
        Route::JoinMeeting,
        Route::Events,
    ] {
        assert!(routes.contains(&expected), "{expected} in {routes:?}");
    }
    let xframe = o
        .get(&o.web, &local(root.links.href(Rel::Xframe).unwrap()), None)
        .await;
    assert_eq!(xframe.status, StatusCode::OK);
    assert_eq!(o.routes().last(), Some(&Route::Xframe));
}

#[tokio::test]
async fn the_ticket_is_bound_to_its_conference() {
    let o = on_prem();
    let ticket = o.ticket(OPEN).await;
    let a = o.application(&ticket.access_token).await;
    let other = o.grant_for(MANUAL).ms_rtc_conferenceuri.unwrap();
    let resp = o.join(&a, &other, "Lene").await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert!(
        resp.error()
            .message
            .unwrap_or_default()
            .contains("anonymous web ticket")
    );
}

fn error(resp: &Resp) -> WebTicketError {
    assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{:?}", resp.body);
    resp.decode()
}

#[tokio::test]
async fn wrong_key_unknown_meeting_and_bad_forms_are_refused() {
    let o = on_prem();
    let mut g = o.grant_for(OPEN);
    g.password = Some("WRONGKEY".into());
    let resp = o.grant(&g).await;
    assert_eq!(error(&resp).error, OAuthError::InvalidGrant);
    assert!(
        resp.header("x-ms-diagnostics")
            .unwrap()
            .starts_with("28020;")
    );
    let unknown = WebTicketGrant::anon_meeting(
        "sip:nobody@contoso.example;gruu;opaque=app:conf:focus:id:NOPE0001",
        "NOPE0001",
    );
    assert_eq!(
        error(&o.grant(&unknown).await).error,
        OAuthError::InvalidGrant
    );
    let mut no_key = o.grant_for(OPEN);
    no_key.password = None;
    assert_eq!(
        error(&o.grant(&no_key).await).error,
        OAuthError::InvalidRequest
    );
    let mut other = o.grant_for(OPEN);
    other.grant_type = "password".into();
    assert_eq!(
        error(&o.grant(&other).await).error,
        OAuthError::UnsupportedGrantType
    );
    let json_body = Request::post("/WebTicket/oauthtoken")
        .header("content-type", "application/json")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(
        error(&send(&o.web, json_body).await).error,
        OAuthError::InvalidRequest
    );
    // An ended meeting grants nothing.
    Control::new(o.emu.clone()).end_meeting(OPEN).unwrap();
    assert_eq!(
        error(&o.grant(&o.grant_for(OPEN)).await).error,
        OAuthError::InvalidGrant
    );
    assert!(o.emu.lock().tickets.is_empty());
}

#[tokio::test]
async fn anonymous_join_switched_off_per_meeting_and_per_deployment() {
    let o = on_prem();
    let control = Control::new(o.emu.clone());
    control.set_anonymous_join(ADMIT, false).unwrap();
    assert_eq!(control.anonymous_join(ADMIT), Ok(false));
    let resp = o.grant(&o.grant_for(ADMIT)).await;
    assert_eq!(error(&resp).error, OAuthError::UnsupportedGrantType);
    assert!(
        resp.header("x-ms-diagnostics")
            .unwrap()
            .contains("Authentication type not allowed.")
    );
    // The deployment still offers the grant (and only grants it accepts), and other meetings
    // still get tickets.
    assert_eq!(
        o.challenge().await.grant_types,
        vec![crate::api::wire::webticket::ANON_MEETING_GRANT.to_string()]
    );
    // A grant type the deployment does not offer is refused as the documentation says.
    for other in ["password", "urn:microsoft.rtc:windows"] {
        let mut g = o.grant_for(OPEN);
        g.grant_type = other.to_string();
        let resp = o.grant(&g).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST);
        assert_eq!(error(&resp).error, OAuthError::UnsupportedGrantType);
        assert!(
            resp.header("x-ms-diagnostics")
                .unwrap()
                .starts_with("28029;")
        );
    }
    o.ticket(OPEN).await;
    control.set_anonymous_join(ADMIT, true).unwrap();
    o.ticket(ADMIT).await;
    assert!(
        control
            .set_anonymous_join("https://meet.contoso.example/x/NONE", false)
            .is_err()
    );

    let off = on_prem_with(OnPremConfig {
        anonymous_join: false,
        ..OnPremConfig::default()
    });
    let challenge = off.challenge().await;
    assert!(!challenge.offers_anon_meeting());
    assert!(
        challenge.grant_types.is_empty(),
        "{:?}",
        challenge.grant_types
    );
    assert_eq!(
        error(&off.grant(&off.grant_for(OPEN)).await).error,
        OAuthError::UnsupportedGrantType
    );
}

#[tokio::test]
async fn the_control_switch_over_json() {
    let o = on_prem();
    let post = |body: Value| {
        Request::post("/control/anonymous-join")
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let resp = send(
        &o.platform,
        post(serde_json::json!({"meeting": OPEN, "allowed": false})),
    )
    .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.json()["anonymous_join"], false);
    let uri = format!("/control/anonymous-join?meeting={}", encode(OPEN));
    let resp = o.get(&o.platform, &uri, None).await;
    assert_eq!(resp.json()["anonymous_join"], false);
    assert_eq!(
        error(&o.grant(&o.grant_for(OPEN)).await).error,
        OAuthError::UnsupportedGrantType
    );
    let unknown = send(
        &o.platform,
        post(serde_json::json!({"meeting": "NOPE", "allowed": true})),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let bad = send(&o.platform, post(serde_json::json!({"meeting": OPEN}))).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let missing = o.get(&o.platform, "/control/anonymous-join", None).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
}

fn encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn renewal_keeps_the_identity_and_its_application() {
    let o = on_prem();
    let first = o.ticket(OPEN).await;
    let a = o.application(&first.access_token).await;
    let self_href = a.app.links.href(Rel::SelfLink).unwrap().to_string();
    let renewed = o
        .grant(&o.grant_for(OPEN).renewing(&first.access_token))
        .await;
    assert_eq!(renewed.status, StatusCode::OK);
    let renewed: WebTicketToken = renewed.decode();
    assert_ne!(renewed.access_token, first.access_token);
    // The same anonymous identity: the application answers to the new ticket.
    let got = o.get(&o.web, &self_href, Some(&renewed.access_token)).await;
    assert_eq!(got.status, StatusCode::OK);
    // A fresh grant is another identity, which does not see that application.
    let stranger = o.ticket(OPEN).await;
    let got = o
        .get(&o.web, &self_href, Some(&stranger.access_token))
        .await;
    assert_eq!(got.status, StatusCode::NOT_FOUND);
    // Renewing an unknown ticket, or for another meeting, is refused.
    let bogus = o.grant(&o.grant_for(OPEN).renewing("cwt=not-issued")).await;
    assert_eq!(error(&bogus).error, OAuthError::InvalidGrant);
    let elsewhere = o
        .grant(&o.grant_for(MANUAL).renewing(&first.access_token))
        .await;
    assert_eq!(error(&elsewhere).error, OAuthError::InvalidGrant);
    // Expired tickets: the user resource challenges again and renewal is refused.
    for t in o.emu.lock().tickets.values_mut() {
        t.exp = 0;
    }
    let user = "/Autodiscover/AutodiscoverService.svc/root/oauth/user";
    let resp = o.get(&o.web, user, Some(&renewed.access_token)).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    let resp = o.get(&o.web, &self_href, Some(&renewed.access_token)).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert!(resp.header("www-authenticate").is_some());
    let late = o
        .grant(&o.grant_for(OPEN).renewing(&renewed.access_token))
        .await;
    assert_eq!(error(&late).error, OAuthError::InvalidGrant);
}

#[tokio::test]
async fn tickets_and_psats_do_not_cross_surfaces() {
    let o = on_prem();
    let ticket = o.ticket(OPEN).await;
    // A cwt on the flow A pool, and no bearer / a psat-looking token on the on-prem apps.
    let pool = pool_router(o.emu.clone());
    let req = Request::post("/ucwa/psanon/v1/applications")
        .header("authorization", format!("Bearer {}", ticket.access_token))
        .header("origin", ORIGIN)
        .header("content-type", "application/json")
        .body(Body::from(r#"{"culture":"en-US","userAgent":"x"}"#))
        .unwrap();
    assert_eq!(send(&pool, req).await.status, StatusCode::UNAUTHORIZED);
    let body = serde_json::json!({"culture": "en-US", "userAgent": "x"});
    let resp = o
        .web_json(
            Method::POST,
            "/ucwa/oauth/v1/applications",
            "psat=abc",
            body,
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert!(
        resp.headers
            .get_all(WWW_AUTHENTICATE)
            .iter()
            .any(|v| v.to_str().unwrap_or("").starts_with("MsRtcOAuth "))
    );
    let nothing = o
        .get(&o.discover, "/ucwa/oauth/v1/applications", None)
        .await;
    assert_eq!(nothing.status, StatusCode::NOT_FOUND);
    let unknown = o.get(&o.web, "/nothing/here", None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(o.routes().last(), Some(&Route::Unknown));
}
