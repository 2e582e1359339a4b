//! The service-application stand-in: the contract in its faithful mode, each broken mode, the
//! control routes, the journal.

use axum::http::{Method, StatusCode};

use super::*;
use crate::api::wire::UcwaDate;
use crate::api::wire::psat;
use crate::emulator::ServiceStandinMode;

const TOKEN_PATH: &str = "/serviceapp/GetAnonTokenJob";

fn form(session: &str, meeting: &str) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair("ApplicationSessionId", session)
        .append_pair("AllowedOrigins", ORIGIN)
        .append_pair("MeetingUrl", meeting)
        .finish()
}

async fn post_form(h: &Harness, body: String) -> Resp {
    let req = Request::post(TOKEN_PATH)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    h.send(Side::Platform, req).await
}

fn content_type(resp: &Resp) -> String {
    resp.header("content-type").unwrap_or_default().to_string()
}

#[tokio::test]
async fn faithful_mode_mints_a_working_token() {
    let h = Harness::new();
    assert_eq!(h.control().service_standin(), ServiceStandinMode::Faithful);
    let resp = post_form(&h, form("standin-1", OPEN)).await;
    assert_eq!(resp.status, StatusCode::OK);
    assert!(content_type(&resp).starts_with("application/json"));
    let body = resp.json();
    for key in ["DiscoverUri", "Token", "TenantEndpointId", "ExpireTime"] {
        assert!(body[key].is_string(), "{key} in {body}");
    }
    let token = body["Token"].as_str().unwrap();
    let claims = psat::verify(token, KEY).expect("signed with the emulator's key");
    assert_eq!(claims.asi, "standin-1");
    assert_eq!(claims.confid.as_deref(), Some(h.confid(OPEN).as_str()));
    let expires = UcwaDate::parse(body["ExpireTime"].as_str().unwrap()).unwrap();
    assert!(expires > UcwaDate::now());
    // The discover link answers with this origin, and a guest can use the token.
    let discover = Url::parse(body["DiscoverUri"].as_str().unwrap()).unwrap();
    let path = format!("{}?{}", discover.path(), discover.query().unwrap());
    let req = Request::get(path.as_str())
        .header("origin", ORIGIN)
        .body(Body::empty())
        .unwrap();
    assert_eq!(h.send(Side::Platform, req).await.status, StatusCode::OK);
    let g = h.guest_with_token(token, "Standin Guest").await;
    assert!(!g.href(Rel::SelfLink).is_empty());
    let journal = h.control().journal();
    let entry = journal
        .iter()
        .find(|e| e.route == Route::ServiceStandin)
        .expect("journalled");
    assert_eq!(
        (entry.status, entry.session.as_deref()),
        (200, Some("standin-1"))
    );
}

#[tokio::test]
async fn faithful_mode_answers_bad_requests_with_json_errors() {
    let h = Harness::new();
    let missing = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("AllowedOrigins", ORIGIN)
        .append_pair("MeetingUrl", OPEN)
        .finish();
    let resp = post_form(&h, missing).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert!(content_type(&resp).starts_with("application/json"));
    assert_eq!(resp.json()["Code"], "MissingApplicationSessionId");
    assert!(resp.json()["Error"].is_string());
    // The emulator's own refusal (an unknown meeting host) becomes a service error.
    let resp = post_form(&h, form("s", "https://elsewhere.example/x/Y")).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(resp.json()["Code"], "UpstreamRefused");
    let req = Request::post(TOKEN_PATH)
        .header("content-type", "text/plain")
        .body(Body::from("x"))
        .unwrap();
    let resp = h.send(Side::Platform, req).await;
    assert_eq!(resp.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // JSON bodies with field names in any case are accepted.
    let resp = h
        .platform(
            Method::POST,
            TOKEN_PATH,
            None,
            Some(serde_json::json!({"applicationsessionid": "j", "allowedorigins": ORIGIN, "meetingurl": OPEN})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
}

#[tokio::test]
async fn broken_modes_misbehave_as_named() {
    let h = Harness::new();
    let c = h.control();

    c.set_service_standin(ServiceStandinMode::HtmlBody);
    let resp = post_form(&h, form("b1", OPEN)).await;
    assert_eq!(resp.status, StatusCode::OK);
    assert!(content_type(&resp).starts_with("text/html"));
    assert!(String::from_utf8_lossy(&resp.body).contains("<html"));

    c.set_service_standin(ServiceStandinMode::NumberExpireTime);
    let resp = post_form(&h, form("b2", OPEN)).await;
    let body = resp.json();
    assert!(body["ExpireTime"].is_number(), "{body}");
    assert!(body["Token"].is_string());

    c.set_service_standin(ServiceStandinMode::ExpiredToken);
    let resp = post_form(&h, form("b3", OPEN)).await;
    let body = resp.json();
    let expires = UcwaDate::parse(body["ExpireTime"].as_str().unwrap()).unwrap();
    assert!(expires < UcwaDate::now());
    let claims = psat::verify(body["Token"].as_str().unwrap(), KEY).unwrap();
    assert!(claims.exp < UcwaDate::now().unix_ms / 1000);
    assert!(h.emu.verify_psat(body["Token"].as_str().unwrap()).is_err());

    c.set_service_standin(ServiceStandinMode::WrongContentType);
    let resp = post_form(&h, form("b4", OPEN)).await;
    assert!(content_type(&resp).starts_with("text/plain"));
    assert!(resp.json()["Token"].is_string());

    c.set_service_standin(ServiceStandinMode::ErrorNotJson);
    let resp = post_form(&h, form("b5", OPEN)).await;
    assert_eq!(resp.status, StatusCode::OK);
    assert!(resp.json()["Token"].is_string());
    let resp = post_form(&h, String::new()).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert!(content_type(&resp).starts_with("text/html"));
}

#[tokio::test]
async fn the_mode_is_set_over_the_control_api() {
    let h = Harness::new();
    for mode in ServiceStandinMode::ALL {
        let name = serde_json::to_value(mode).unwrap();
        let resp = h
            .platform(
                Method::POST,
                "/control/service-standin",
                None,
                Some(serde_json::json!({ "mode": name })),
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK);
        assert_eq!(resp.json()["mode"], name);
        assert_eq!(h.control().service_standin(), mode);
    }
    let resp = h
        .platform(Method::GET, "/control/service-standin", None, None)
        .await;
    assert_eq!(resp.json()["mode"], "error_not_json");
    let resp = h
        .platform(
            Method::POST,
            "/control/service-standin",
            None,
            Some(serde_json::json!({ "mode": "sometimes" })),
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let resp = h
        .platform(Method::GET, "/serviceapp/health", None, None)
        .await;
    assert_eq!(
        (resp.status, resp.json()["status"].as_str()),
        (StatusCode::OK, Some("ok"))
    );
}
