//! Fault and latency injection, the journal, the control API over HTTP.

use std::time::Instant;

use axum::http::{Method, StatusCode};

use super::*;
use crate::emulator::config::{Fault, FaultBody, FaultRoute};

#[tokio::test]
async fn fail_next_n_with_html_then_recover() {
    let h = Harness::with(EmulatorConfig {
        faults: vec![Fault::fail(Route::AadToken, 2, 503, FaultBody::Html)],
        ..config()
    });
    for _ in 0..2 {
        let resp = h
            .platform(Method::POST, "/contoso.example/oauth2/token", None, None)
            .await;
        assert_eq!(resp.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            resp.header("content-type")
                .unwrap()
                .starts_with("text/html")
        );
        assert!(String::from_utf8_lossy(&resp.body).contains("503"));
    }
    h.aad().await;
    assert!(h.emu.lock().plan.faults.is_empty());
}

#[tokio::test]
async fn ucwa_and_malformed_fault_bodies() {
    let h = Harness::new();
    let mut g = h.guest(OPEN, "Faulty").await;
    let c = h.control();
    c.set_faults(vec![
        Fault::fail(Route::Events, 1, 500, FaultBody::Ucwa),
        Fault::fail(Route::GetApplication, 1, 502, FaultBody::MalformedJson),
    ]);
    let resp = h.pool(&g, Method::GET, &g.next.clone(), None).await;
    assert_eq!(resp.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(resp.error().code, UcwaCode::ServiceFailure);
    let resp = h.pool(&g, Method::GET, &g.href(Rel::SelfLink), None).await;
    assert_eq!(resp.status, StatusCode::BAD_GATEWAY);
    assert!(
        resp.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    assert!(serde_json::from_slice::<Value>(&resp.body).is_err());
    // The channel is intact after the injected failure.
    assert!(!h.batch(&mut g).await.is_empty());
    c.add_fault(Fault::fail(FaultRoute::Any, 1, 429, FaultBody::Ucwa));
    assert_eq!(
        h.pool(&g, Method::GET, &g.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
    c.add_fault(Fault::fail(Route::GetApplication, 5, 503, FaultBody::Ucwa));
    c.clear_faults();
    assert_eq!(
        h.pool(&g, Method::GET, &g.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::OK
    );
    let faulted: Vec<_> = c
        .journal()
        .into_iter()
        .filter(|j| j.faulted)
        .map(|j| j.route)
        .collect();
    assert_eq!(
        faulted,
        [Route::Events, Route::GetApplication, Route::GetApplication]
    );
}

#[tokio::test]
async fn latency_is_added_per_route_and_globally() {
    let h = Harness::new();
    let c = h.control();
    c.add_fault(Fault::latency(
        Route::PlatformDiscover,
        Duration::from_millis(150),
    ));
    let started = Instant::now();
    h.platform(Method::GET, "/platformservice/discover", None, None)
        .await;
    assert!(started.elapsed() >= Duration::from_millis(150));
    c.clear_faults();
    c.set_latency(Duration::from_millis(100));
    let started = Instant::now();
    h.platform(Method::GET, "/platformservice/discover", None, None)
        .await;
    assert!(started.elapsed() >= Duration::from_millis(100));
    let last = c.journal().pop().unwrap();
    assert!(last.elapsed >= Duration::from_millis(100));
}

#[tokio::test]
async fn journal_names_routes_and_keeps_no_tokens() {
    let h = Harness::new();
    let tok = h.anon_token("s-journal", OPEN).await;
    let href = tok
        .links
        .href(Rel::Discover)
        .unwrap()
        .replace("http://platform.test", "");
    let req = axum::http::Request::get(&href)
        .header("origin", ORIGIN)
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(h.send(Side::Platform, req).await.status, StatusCode::OK);
    let mut g = h.guest_with_token(&tok.token, "Journal").await;
    h.batch(&mut g).await;
    h.join(&g, OPEN, "op").await;
    h.pool(&g, Method::DELETE, &g.href(Rel::SelfLink), None)
        .await;
    let journal = h.control().journal();
    let routes: Vec<Route> = journal.iter().map(|j| j.route).collect();
    assert_eq!(
        routes,
        [
            Route::AadToken,
            Route::AnonTokens,
            Route::AnonDiscover,
            Route::CreateApplication,
            Route::Events,
            Route::JoinMeeting,
            Route::DeleteApplication
        ]
    );
    for j in &journal {
        assert!(!j.path.contains('?'), "{j:?}");
        let text = serde_json::to_string(j).unwrap();
        assert!(
            !text.contains("psat=") && !text.contains("emu-aad-"),
            "{text}"
        );
    }
    assert_eq!(journal[1].session.as_deref(), Some("s-journal"));
    assert_eq!(journal[2].origin.as_deref(), Some(ORIGIN));
    assert!(
        journal[3..]
            .iter()
            .all(|j| j.session.as_deref() == Some("s-journal"))
    );
    assert_eq!(journal[3].status, 201);
    assert_eq!(journal[2].path, "/platformService/discover");
    assert!(journal.windows(2).all(|w| w[0].at <= w[1].at));
}

#[tokio::test]
async fn control_over_http() {
    let h = Harness::new();
    let resp = h
        .platform(Method::GET, "/control/meetings", None, None)
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.json().as_array().unwrap().len(), 8);
    let mut g = h.guest(MANUAL, "Http Guest").await;
    h.join(&g, MANUAL, "op").await;
    let resp = h
        .platform(
            Method::POST,
            "/control/admit",
            None,
            Some(serde_json::json!({"meeting": "MANUAL01"})),
        )
        .await;
    assert_eq!(resp.json(), serde_json::json!({"affected": 1}));
    h.batches_until(&mut g, |e| e.succeeded()).await;
    let apps = h
        .platform(Method::GET, "/control/applications", None, None)
        .await
        .json();
    assert_eq!(apps[0]["in_meeting"], true);
    assert_eq!(apps[0]["session"], "session-Http Guest");

    let spec = serde_json::json!({
        "join_url": "https://meet.contoso.example/zed/NEW00001", "organizer": "zed", "conference_id": "NEW00001",
        "subject": "Added", "policy": {"admit_after": 10}, "participants": [{"name": "Zed", "role": "Leader", "greeting": "Hi"}],
    });
    let resp = h
        .platform(Method::POST, "/control/meetings", None, Some(spec.clone()))
        .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    assert_eq!(
        resp.json()["conference_uri"],
        "sip:zed@contoso.example;gruu;opaque=app:conf:focus:id:NEW00001"
    );
    assert_eq!(
        h.platform(Method::POST, "/control/meetings", None, Some(spec))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );

    let faults = serde_json::json!([{"route": Route::Events, "fail_next": 1, "status": 504, "body": "html"}]);
    let resp = h
        .platform(Method::POST, "/control/faults", None, Some(faults))
        .await;
    assert_eq!(resp.json()[0]["status"], 504);
    assert_eq!(resp.json()[0]["route"], "events");
    assert_eq!(
        h.pool(&g, Method::GET, &g.next.clone(), None).await.status,
        StatusCode::GATEWAY_TIMEOUT
    );
    let resp = h
        .platform(
            Method::POST,
            "/control/latency",
            None,
            Some(serde_json::json!({"latency_ms": 0})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    let resp = h
        .platform(
            Method::POST,
            "/control/end",
            None,
            Some(serde_json::json!({"meeting": "nope"})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    let resp = h
        .platform(
            Method::POST,
            "/control/admit",
            None,
            Some(serde_json::json!({"name": "x"})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let resp = h
        .platform(Method::POST, "/control/expire-tokens", None, None)
        .await;
    assert_eq!(resp.json()["affected"], 1);
    let journal = h
        .platform(Method::GET, "/control/journal", None, None)
        .await
        .json();
    assert!(
        journal
            .as_array()
            .unwrap()
            .iter()
            .any(|j| j["route"] == "control")
    );
}

#[tokio::test]
async fn the_control_api_refuses_a_fault_on_a_misspelt_route() {
    let h = Harness::new();
    let c = h.control();
    c.add_fault(Fault::latency(Route::Events, Duration::from_millis(5)));
    let typo = serde_json::json!([{"route": "evnts", "fail_next": 1}]);
    let resp = h
        .platform(Method::POST, "/control/faults", None, Some(typo))
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let e = resp.error();
    assert_eq!(
        (e.code, e.subcode),
        (
            UcwaCode::BadRequest,
            Some(UcwaSubcode::DeserializationFailure)
        )
    );
    let message = e.message.unwrap_or_default();
    assert!(
        message.contains("unknown route \"evnts\"") && message.contains("events"),
        "{message}"
    );
    // The faults in force are untouched; `*` still names every route.
    assert_eq!(
        h.emu.lock().plan.faults,
        [Fault::latency(Route::Events, Duration::from_millis(5))]
    );
    let any = serde_json::json!([{"route": "*", "latency_ms": 1}]);
    let resp = h
        .platform(Method::POST, "/control/faults", None, Some(any))
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.json()[0]["route"], "*");
    assert_eq!(h.emu.lock().plan.faults[0].route, FaultRoute::Any);
}
