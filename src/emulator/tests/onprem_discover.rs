//! What `lyncdiscover` answers (docs/protocol.md §B.2): the root, a redirect to the pool's own
//! autodiscover root or to any URL, set at start and switched through the control API (Rust
//! and JSON); the demo meetings in direct mode, one of which refuses the anonymous grant; the
//! demo environment running the on-premises surface.

use super::onprem::{OnPrem, on_prem_from, send};
use super::*;
use crate::api::wire::webticket::{WebTicketError, WebTicketGrant, WebTicketToken};
use crate::emulator::ControlError;
use crate::emulator::config::{DiscoverAnswer, OnPremConfig};
use crate::emulator::demo_meetings::{
    DEMO_DIRECT_MEETING_URLS, DEMO_DIRECT_NO_GUESTS_URL, DEMO_DIRECT_OPEN_URL, demo_meetings,
};

const POOL_ROOT: &str = "http://lyncweb.test/Autodiscover/AutodiscoverService.svc/root";
const FOREIGN: &str = "https://lyncweb.fabrikam.example/Autodiscover/AutodiscoverService.svc/root";

/// The on-premises surface over the demo meetings, with `answer` configured at start.
fn surface(answer: DiscoverAnswer) -> OnPrem {
    on_prem_from(EmulatorConfig {
        meetings: demo_meetings(),
        on_prem: Some(OnPremConfig {
            discover_answer: answer,
            ..OnPremConfig::default()
        }),
        ..config()
    })
}

async fn get(router: &Router, uri: &str) -> Resp {
    let req = Request::get(uri)
        .header("accept", "application/json")
        .body(Body::empty())
        .unwrap();
    send(router, req).await
}

async fn post_json(router: &Router, uri: &str, body: &str) -> Resp {
    let req = Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(router, req).await
}

impl OnPrem {
    /// `GET /` on lyncdiscover: must be a 200 with JSON.
    async fn lyncdiscover(&self) -> Value {
        let resp = get(&self.discover, "/").await;
        assert_eq!(resp.status, StatusCode::OK);
        resp.json()
    }

    /// The anonymous meeting grant a direct-mode client sends for `url`
    /// (`https://meet.<domain>/<organizer>/<id>`).
    async fn grant_for_direct(&self, url: &str) -> Resp {
        let (_, m) = crate::join::DirectMeeting::parse(url).unwrap();
        let req = Request::post("/WebTicket/oauthtoken")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(
                WebTicketGrant::anon_meeting(&m.conference_uri, &m.conference_key).to_form(),
            ))
            .unwrap();
        send(&self.web, req).await
    }
}

fn redirect_body(href: &str) -> Value {
    serde_json::json!({"_links": {"redirect": {"href": href}}})
}

#[tokio::test]
async fn lyncdiscover_answers_the_root_by_default() {
    let s = surface(DiscoverAnswer::default());
    let root = s.lyncdiscover().await;
    let links = root["_links"].as_object().unwrap();
    let mut rels: Vec<&str> = links.keys().map(String::as_str).collect();
    rels.sort_unstable();
    assert_eq!(rels, ["self", "user", "xframe"]);
    assert!(
        root["_links"]["user"]["href"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{POOL_ROOT}/oauth/user?"))
    );
    assert_eq!(s.routes(), [Route::Lyncdiscover]);
}

#[tokio::test]
async fn lyncdiscover_redirects_to_the_pool_or_anywhere_as_configured() {
    let s = surface(DiscoverAnswer::RedirectToPool);
    assert_eq!(s.lyncdiscover().await, redirect_body(POOL_ROOT));
    // Following it lands on the pool's autodiscover root, which has the user link.
    let followed = get(&s.web, "/Autodiscover/AutodiscoverService.svc/root").await;
    assert_eq!(followed.status, StatusCode::OK);
    assert!(followed.json()["_links"]["user"]["href"].is_string());
    assert_eq!(s.routes(), [Route::Lyncdiscover, Route::AutodiscoverRoot]);

    let s = surface(DiscoverAnswer::RedirectTo(FOREIGN.into()));
    assert_eq!(s.lyncdiscover().await, redirect_body(FOREIGN));
    assert_eq!(s.routes(), [Route::Lyncdiscover]);
}

#[tokio::test]
async fn the_rust_control_switches_the_answer_at_runtime() {
    let s = surface(DiscoverAnswer::Root);
    let control = Control::new(s.emu.clone());
    assert_eq!(control.lyncdiscover_answer(), DiscoverAnswer::Root);
    control
        .set_lyncdiscover_answer(DiscoverAnswer::RedirectToPool)
        .unwrap();
    assert_eq!(s.lyncdiscover().await, redirect_body(POOL_ROOT));
    control
        .set_lyncdiscover_answer(DiscoverAnswer::RedirectTo(FOREIGN.into()))
        .unwrap();
    assert_eq!(s.lyncdiscover().await, redirect_body(FOREIGN));
    // A bad URL is refused and the answer stays.
    let bad = control.set_lyncdiscover_answer(DiscoverAnswer::RedirectTo("/root".into()));
    assert!(matches!(bad, Err(ControlError::Invalid(_))));
    assert_eq!(
        control.lyncdiscover_answer(),
        DiscoverAnswer::RedirectTo(FOREIGN.into())
    );
    control
        .set_lyncdiscover_answer(DiscoverAnswer::Root)
        .unwrap();
    assert!(s.lyncdiscover().await["_links"]["self"].is_object());
}

#[tokio::test]
async fn the_json_control_route_sets_and_reports_the_answer() {
    let s = surface(DiscoverAnswer::Root);
    let route = "/control/lyncdiscover";
    let state = get(&s.platform, route).await;
    assert_eq!(state.status, StatusCode::OK);
    assert_eq!(state.json(), serde_json::json!({"answer": "root"}));

    let set = post_json(&s.platform, route, r#"{"answer":"redirect_to_pool"}"#).await;
    assert_eq!(set.status, StatusCode::OK);
    assert_eq!(
        set.json(),
        serde_json::json!({"answer": "redirect_to_pool"})
    );
    assert_eq!(s.lyncdiscover().await, redirect_body(POOL_ROOT));

    let body = serde_json::json!({ "redirect": FOREIGN }).to_string();
    let set = post_json(&s.platform, route, &body).await;
    assert_eq!(set.json(), serde_json::json!({ "redirect": FOREIGN }));
    assert_eq!(
        get(&s.platform, route).await.json(),
        serde_json::json!({ "redirect": FOREIGN })
    );
    assert_eq!(s.lyncdiscover().await, redirect_body(FOREIGN));

    for bad in [
        "",
        "{}",
        "not json",
        r#"{"answer":"redirect_to"}"#,
        r#"{"answer":"root","redirect":"https://lyncweb.contoso.example/root"}"#,
        r#"{"answer":"root","extra":1}"#,
        r#"{"redirect":"lyncweb.contoso.example/root"}"#,
        r#"{"redirect":"ftp://lyncweb.contoso.example/root"}"#,
        r#"{"redirect":42}"#,
    ] {
        let resp = post_json(&s.platform, route, bad).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad:?}");
    }
    // Refused requests left the answer alone.
    assert_eq!(
        Control::new(s.emu.clone()).lyncdiscover_answer(),
        DiscoverAnswer::RedirectTo(FOREIGN.into())
    );
    let set = post_json(&s.platform, route, r#"{"answer":"root"}"#).await;
    assert_eq!(set.json(), serde_json::json!({"answer": "root"}));
    assert!(s.lyncdiscover().await["_links"]["user"].is_object());
}

#[test]
fn a_redirect_answer_needs_an_absolute_web_url() {
    assert_eq!(DiscoverAnswer::default(), DiscoverAnswer::Root);
    assert_eq!(DiscoverAnswer::Root.check(), Ok(()));
    assert_eq!(DiscoverAnswer::RedirectToPool.check(), Ok(()));
    let ok = "http://localhost:8443/Autodiscover/AutodiscoverService.svc/root";
    assert_eq!(DiscoverAnswer::RedirectTo(ok.into()).check(), Ok(()));
    for (bad, why) in [
        ("", "is not an absolute URL"),
        (
            "/Autodiscover/AutodiscoverService.svc/root",
            "is not an absolute URL",
        ),
        (
            "ftp://lyncweb.contoso.example/root",
            "must be an http or https URL with a host",
        ),
        (
            "mailto:someone@contoso.example",
            "must be an http or https URL with a host",
        ),
        (
            "https://user:pw@lyncweb.contoso.example/root",
            "the redirect must not carry credentials",
        ),
    ] {
        let e = DiscoverAnswer::RedirectTo(bad.into())
            .check()
            .expect_err(bad);
        assert!(e.contains(why), "{bad:?}: {e}");
        assert!(!e.contains(":pw@"));
    }
}

#[tokio::test]
async fn a_bad_configured_redirect_stops_the_start() {
    let cfg = EmulatorConfig {
        on_prem: Some(OnPremConfig {
            discover_answer: DiscoverAnswer::RedirectTo("not a url".into()),
            ..OnPremConfig::default()
        }),
        ..config()
    };
    let err = crate::emulator::start(cfg).await.err().unwrap();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn the_meeting_without_guest_access_refuses_the_grant() {
    let s = surface(DiscoverAnswer::Root);
    let refused = s.grant_for_direct(DEMO_DIRECT_NO_GUESTS_URL).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let e: WebTicketError = refused.decode();
    assert_eq!(e.error, OAuthError::UnsupportedGrantType);
    // Every other direct demo meeting grants a ticket.
    for url in DEMO_DIRECT_MEETING_URLS {
        if url != DEMO_DIRECT_NO_GUESTS_URL {
            let resp = s.grant_for_direct(url).await;
            assert_eq!(resp.status, StatusCode::OK, "{url}");
            let _: WebTicketToken = resp.decode();
        }
    }
    // The control API can open it.
    let control = Control::new(s.emu.clone());
    assert_eq!(control.anonymous_join("NOGUEST1"), Ok(false));
    control.set_anonymous_join("NOGUEST1", true).unwrap();
    let granted = s.grant_for_direct(DEMO_DIRECT_NO_GUESTS_URL).await;
    assert_eq!(granted.status, StatusCode::OK);
}

#[tokio::test]
async fn a_meeting_spec_can_refuse_guests_from_the_start() {
    let s = surface(DiscoverAnswer::Root);
    let spec = serde_json::json!({
        "join_url": "https://meet.contoso.example/olga/CLOSED01",
        "organizer": "olga",
        "conference_id": "CLOSED01",
        "subject": "Closed",
        "policy": "open",
        "anonymous_join": false,
    });
    let added = post_json(&s.platform, "/control/meetings", &spec.to_string()).await;
    assert_eq!(added.status, StatusCode::CREATED);
    let control = Control::new(s.emu.clone());
    assert_eq!(control.anonymous_join("CLOSED01"), Ok(false));
    let resp = s
        .grant_for_direct("https://meet.contoso.example/olga/CLOSED01")
        .await;
    assert_eq!(
        resp.decode::<WebTicketError>().error,
        OAuthError::UnsupportedGrantType
    );
}

#[tokio::test]
async fn a_followed_foreign_redirect_shows_in_the_journal() {
    // Real listeners: a redirect to the pool's web services under another host name
    // (`localhost` instead of the listener's address) is answered there and journalled.
    let emu = crate::emulator::start(EmulatorConfig {
        on_prem: Some(OnPremConfig::default()),
        ..config()
    })
    .await
    .unwrap();
    let (discover, web) = (emu.lyncdiscover_url().unwrap(), emu.lyncweb_url().unwrap());
    let foreign = format!(
        "http://localhost:{}/Autodiscover/AutodiscoverService.svc/root",
        web.port().unwrap()
    );
    emu.control()
        .set_lyncdiscover_answer(DiscoverAnswer::RedirectTo(foreign.clone()))
        .unwrap();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let answer: Value = http
        .get(discover)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer, redirect_body(&foreign));
    let followed = http.get(&foreign).send().await.unwrap();
    assert_eq!(followed.status(), StatusCode::OK);
    let routes: Vec<Route> = emu
        .control()
        .journal()
        .into_iter()
        .map(|j| j.route)
        .collect();
    assert_eq!(routes, [Route::Lyncdiscover, Route::AutodiscoverRoot]);
    emu.shutdown().await;
}

#[tokio::test]
async fn the_demo_runs_the_on_premises_surface() {
    let demo = crate::demo::Demo::start(ORIGIN).await.unwrap();
    let discover = demo.lyncdiscover_url().unwrap();
    assert_eq!(Some(&discover), demo.emulator().lyncdiscover_url().as_ref());
    assert_eq!(
        demo.control()
            .anonymous_join(DEMO_DIRECT_OPEN_URL.rsplit('/').next().unwrap()),
        Ok(true)
    );
    demo.shutdown().await;
    // `start_with` keeps the caller's choice.
    let demo = crate::demo::Demo::start_with(config(), ORIGIN)
        .await
        .unwrap();
    assert_eq!(demo.lyncdiscover_url(), None);
    demo.shutdown().await;
}
