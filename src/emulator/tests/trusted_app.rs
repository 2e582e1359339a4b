//! Platform listener: AAD, discover, applications, capabilities, anonApplicationTokens,
//! adhocMeetings, anonymous discover.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};

use super::*;
use crate::api::wire::platform::{AadErrorResponse, AdhocMeeting, HalResource};
use crate::api::wire::psat::{self, PsatClaims};
use crate::api::wire::ucwa::AnonDiscover;
use crate::emulator::config::RelPrefix;
use crate::emulator::http::unix_now;

async fn aad_form(h: &Harness, tenant: &str, form: &str) -> Resp {
    let req = Request::post(format!("/{tenant}/oauth2/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    h.send(Side::Platform, req).await
}

#[tokio::test]
async fn aad_token_accepts_the_configured_credentials_only() {
    let h = Harness::new();
    let id = &h.emu.cfg.client_id;
    let good = format!(
        "grant_type=client_credentials&client_id={id}&client_secret=emulator-client-secret&resource=https%3A%2F%2Fapi.skypeforbusiness.com"
    );
    let resp = aad_form(&h, "Contoso.Example", &good).await;
    assert_eq!(resp.status, StatusCode::OK);
    let tok: AadTokenResponse = resp.decode();
    assert_eq!(tok.token_type, "Bearer");
    assert_eq!(tok.expires_in.as_deref(), Some("3600"));
    assert!(!tok.access_token.is_empty());

    let cases = [
        (
            good.replace("emulator-client-secret", "wrong"),
            StatusCode::UNAUTHORIZED,
            OAuthError::InvalidClient,
        ),
        (
            good.replace(id.as_str(), "someone-else"),
            StatusCode::BAD_REQUEST,
            OAuthError::InvalidClient,
        ),
        (
            good.replace("client_credentials", "password"),
            StatusCode::BAD_REQUEST,
            OAuthError::UnsupportedGrantType,
        ),
        (
            good.replace("&resource=https%3A%2F%2Fapi.skypeforbusiness.com", ""),
            StatusCode::BAD_REQUEST,
            OAuthError::InvalidRequest,
        ),
    ];
    for (form, status, error) in cases {
        let resp = aad_form(&h, "contoso.example", &form).await;
        assert_eq!(resp.status, status, "{form}");
        let e: AadErrorResponse = resp.decode();
        assert_eq!(e.error, error);
        assert!(e.error_description.unwrap().starts_with("AADSTS"));
    }
    assert_eq!(
        aad_form(&h, "fabrikam.example", &good).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn platform_discover_needs_an_aad_token() {
    let h = Harness::new();
    let resp = h
        .platform(Method::GET, "/platformservice/discover", None, None)
        .await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        h.platform(
            Method::GET,
            "/platformservice/discover",
            Some("forged"),
            None
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    let aad = h.aad().await;
    let resp = h
        .platform(Method::GET, "/platformservice/discover", Some(&aad), None)
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    let d: HalResource = resp.decode();
    assert_eq!(d.rel.as_deref(), Some("service:discover"));
    assert!(d.links.0.contains_key("service:applications"));
    assert_eq!(
        d.links.href(Rel::Applications),
        Some("http://platform.test/platformService/v1/applications")
    );
    assert!(d.links.has(Rel::MyApplications));
}

#[tokio::test]
async fn applications_challenge_forbid_and_link() {
    let h = Harness::new();
    let path = "/platformService/v1/applications?endpointId=sip%3Ahelpdesk%40contoso.example";
    let resp = h.platform(Method::GET, path, None, None).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    let challenges: Vec<&str> = resp
        .headers
        .get_all("www-authenticate")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(challenges.len(), 2);
    assert!(challenges[0].starts_with("Bearer trusted_issuers="));
    assert!(challenges[1].starts_with("MsRtcOAuth href=") && challenges[1].contains("grant_type="));
    assert!(
        resp.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );

    let aad = h.aad().await;
    let resp = h
        .platform(
            Method::GET,
            "/platformservice/v1/applications?endpointId=sip:other@contoso.example",
            Some(&aad),
            None,
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert_eq!(resp.error().subcode, Some(UcwaSubcode::ApplicationNotFound));

    let resp = h.platform(Method::GET, path, Some(&aad), None).await;
    assert_eq!(resp.status, StatusCode::OK);
    let apps: HalResource = resp.decode();
    assert_eq!(apps.rel.as_deref(), Some("service:applications"));
    let href = apps.links.href(Rel::Application).unwrap();
    assert_eq!(
        href,
        format!(
            "/platformservice/v1/applications/{}?endpointId=sip%3ahelpdesk%40contoso.example",
            h.emu.tap_app_id
        )
    );
}

#[tokio::test]
async fn rel_prefix_is_configurable() {
    let h = Harness::with(EmulatorConfig {
        rel_prefix: RelPrefix::MsRtcSaas,
        ..config()
    });
    let aad = h.aad().await;
    let resp = h
        .platform(
            Method::GET,
            "/platformservice/v1/applications?endpointId=sip:helpdesk@contoso.example",
            Some(&aad),
            None,
        )
        .await;
    let v = resp.json();
    assert_eq!(v["rel"], "ms:rtc:saas:applications");
    assert!(v["_links"]["ms:rtc:saas:application"]["href"].is_string());
}

#[tokio::test]
async fn capabilities_list_tokens_communication_and_adhoc() {
    let h = Harness::new();
    let aad = h.aad().await;
    let path = format!(
        "/platformservice/v1/applications/{}?endpointId=sip%3ahelpdesk%40contoso.example",
        h.emu.tap_app_id
    );
    let resp = h.platform(Method::GET, &path, Some(&aad), None).await;
    assert_eq!(resp.status, StatusCode::OK);
    let caps: HalResource = resp.decode();
    assert_eq!(
        caps.links.href(Rel::AnonApplicationTokens),
        Some(h.tokens_path().as_str())
    );
    let comm: HalResource = caps.embedded.get(Rel::Communication).unwrap().unwrap();
    assert!(
        comm.links
            .href(Rel::JoinOnlineMeeting)
            .unwrap()
            .contains("/communication/onlineMeetingInvitations?endpointId=")
    );
    assert_eq!(comm.etag.as_deref(), Some("4294967295"));
    let adhoc: HalResource = caps.embedded.get(Rel::AdhocMeetings).unwrap().unwrap();
    assert!(
        adhoc
            .links
            .href(Rel::SelfLink)
            .unwrap()
            .contains("/adhocMeetings?endpointId=")
    );

    let bad = path.replace(&h.emu.tap_app_id, "12345");
    assert_eq!(
        h.platform(Method::GET, &bad, Some(&aad), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.platform(Method::GET, &path, None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn anon_token_claims_and_double_encoded_discover_link() {
    let h = Harness::new();
    let aad = h.aad().await;
    // PascalCase property names are accepted; paths are stripped from origins.
    let body = serde_json::json!({
        "ApplicationSessionId": "s-1",
        "AllowedOrigins": "https://contoso.example/store/home;http://localhost:8080",
        "MEETINGURL": "https://MEET.contoso.example/ada/OPEN0001/",
    });
    let resp = h
        .platform(Method::POST, &h.tokens_path(), Some(&aad), Some(body))
        .await;
    assert_eq!(
        resp.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&resp.body)
    );
    let tok: AnonTokenResponse = resp.decode();
    assert!(tok.token.starts_with("psat=eyJ"));
    let claims = psat::verify(&tok.token, KEY).unwrap();
    assert_eq!(claims.asi, "s-1");
    assert_eq!(claims.ao, "https://contoso.example;http://localhost:8080");
    assert_eq!(claims.confid.as_deref(), Some(h.confid(OPEN).as_str()));
    assert_eq!(claims.aeu.as_deref(), Some("sip:helpdesk@contoso.example"));
    assert_eq!(
        claims.ucwaext.as_deref(),
        Some("http://pool.test/ucwa/v1/applications")
    );
    assert_eq!(claims.exp - claims.nbf, 8 * 3600);
    assert_eq!(tok.expiry_time.unix_ms, claims.exp * 1000);
    let discover = tok.links.href(Rel::Discover).unwrap();
    assert!(
        discover.starts_with(
            "http://platform.test/platformService/discover?anonymousMeetingJoinContext=psat%253deyJ"
        ),
        "{discover}"
    );
    assert!(tok.links.0.contains_key("service:discover"));
    assert_eq!(resp.json()["rel"], "service:anonApplicationToken");
}

#[tokio::test]
async fn anon_token_validation_errors() {
    let h = Harness::new();
    let aad = h.aad().await;
    let cases = [
        (
            serde_json::json!({"allowedOrigins": ORIGIN, "meetingUrl": OPEN}),
            "applicationSessionId",
        ),
        (
            serde_json::json!({"applicationSessionId": "s", "meetingUrl": OPEN}),
            "allowedOrigins",
        ),
        (
            serde_json::json!({"applicationSessionId": "s", "allowedOrigins": "http://contoso.example", "meetingUrl": OPEN}),
            "allowedOrigins",
        ),
        (
            serde_json::json!({"applicationSessionId": "s", "allowedOrigins": "not an origin", "meetingUrl": OPEN}),
            "allowedOrigins",
        ),
        (
            serde_json::json!({"applicationSessionId": "s", "allowedOrigins": ORIGIN, "meetingUrl": ""}),
            "meetingUrl",
        ),
    ];
    for (body, param) in cases {
        let resp = h
            .platform(
                Method::POST,
                &h.tokens_path(),
                Some(&aad),
                Some(body.clone()),
            )
            .await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(
            resp.header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        let e = resp.error();
        assert_eq!(
            (e.code, e.subcode),
            (
                UcwaCode::BadRequest,
                Some(UcwaSubcode::ParameterValidationFailure)
            )
        );
        assert_eq!(e.parameters.unwrap()[0]["name"], param);
    }
    let body = serde_json::json!({"applicationSessionId": "s", "allowedOrigins": ORIGIN, "meetingUrl": "https://meet.elsewhere.example/nobody/NOPE"});
    let resp = h
        .platform(
            Method::POST,
            &h.tokens_path(),
            Some(&aad),
            Some(body.clone()),
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        resp.error().message.as_deref(),
        Some("The meeting URL is not valid for this tenant")
    );
    assert_eq!(
        h.platform(Method::POST, &h.tokens_path(), None, Some(body))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let resp = h
        .platform(Method::POST, &h.tokens_path(), Some(&aad), None)
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let req = Request::post(h.tokens_path())
        .header("authorization", format!("Bearer {aad}"))
        .body(Body::from("{not json"))
        .unwrap();
    let resp = h.send(Side::Platform, req).await;
    assert_eq!(
        resp.error().subcode,
        Some(UcwaSubcode::DeserializationFailure)
    );
}

async fn discover(h: &Harness, query: &str, origin: Option<&str>) -> Resp {
    let mut b = Request::get(format!("/platformService/discover?{query}"));
    if let Some(o) = origin {
        b = b.header("origin", o);
    }
    h.send(Side::Platform, b.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn anon_discover_decodes_every_context_form() {
    let h = Harness::new();
    let tok = h.anon_token("s-2", OPEN).await;
    let href = tok.links.href(Rel::Discover).unwrap();
    let query = href.split_once('?').unwrap().1.to_string();
    let once = format!(
        "anonymousMeetingJoinContext={}",
        crate::emulator::http::encode_component(&tok.token)
    );
    let raw = format!("anonymousContext={}", tok.token);
    for q in [query, once, raw] {
        let resp = discover(&h, &q, Some(ORIGIN)).await;
        assert_eq!(resp.status, StatusCode::OK, "{q}");
        assert_eq!(resp.header("access-control-allow-origin"), Some(ORIGIN));
        let d: AnonDiscover = resp.decode();
        assert_eq!(d.rel.as_deref(), Some("service:discover"));
        assert_eq!(
            d.links.href(Rel::AnonApplications),
            Some("http://pool.test/ucwa/psanon/v1/applications")
        );
        assert_eq!(d.properties["conferenceId"], h.confid(OPEN));
        assert!(
            d.links
                .href(Rel::SelfLink)
                .unwrap()
                .contains("discover?anonymous")
        );
    }
}

#[tokio::test]
async fn anon_discover_refuses_foreign_origins_and_bad_tokens() {
    let h = Harness::new();
    let tok = h.anon_token("s-3", OPEN).await;
    let q = format!("anonymousMeetingJoinContext={}", tok.token);
    for origin in [Some("https://evil.example"), None] {
        let resp = discover(&h, &q, origin).await;
        assert_eq!(resp.status, StatusCode::FORBIDDEN);
        assert_eq!(resp.error().code, UcwaCode::Forbidden);
        assert!(resp.header("access-control-allow-origin").is_none());
    }
    let now = unix_now();
    let expired = psat::mint(
        &PsatClaims {
            nbf: now - 100,
            exp: now - 10,
            asi: "old".into(),
            ao: ORIGIN.into(),
            ..Default::default()
        },
        KEY,
    );
    let resp = discover(
        &h,
        &format!("anonymousMeetingJoinContext={expired}"),
        Some(ORIGIN),
    )
    .await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(resp.error().subcode, Some(UcwaSubcode::ExpiredToken));
    let forged = psat::mint(
        &psat::decode_unverified(&tok.token).unwrap(),
        b"another key",
    );
    for q in [
        format!("anonymousMeetingJoinContext={forged}"),
        "anonymousContext=garbage".to_string(),
    ] {
        let resp = discover(&h, &q, Some(ORIGIN)).await;
        assert_eq!(resp.status, StatusCode::UNAUTHORIZED, "{q}");
        assert_eq!(resp.error().subcode, Some(UcwaSubcode::InvalidToken));
    }
}

#[tokio::test]
async fn adhoc_meetings_are_joinable() {
    let h = Harness::new();
    let aad = h.aad().await;
    let path = format!(
        "/platformservice/v1/applications/{}/adhocMeetings?endpointId=sip:helpdesk@contoso.example",
        h.emu.tap_app_id
    );
    let resp = h
        .platform(
            Method::POST,
            &path,
            Some(&aad),
            Some(serde_json::json!({"subject": "Drop-in", "accessLevel": "Everyone"})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    let m: AdhocMeeting = resp.decode();
    let url = m.join_url.unwrap();
    assert!(url.starts_with("https://meet.contoso.example/"));
    assert!(
        m.online_meeting_uri
            .unwrap()
            .ends_with(&format!("focus:id:{}", m.conference_id.unwrap()))
    );
    assert!(m.links.href(Rel::JoinAdhocMeeting).is_some());
    let mut g = h.guest(&url, "Adhoc Guest").await;
    assert_eq!(h.join(&g, &url, "op").await.status, StatusCode::CREATED);
    let batches = h.batches_until(&mut g, |e| e.succeeded()).await;
    assert!(find(&batches, "onlineMeetingInvitation", "completed").succeeded());
    let bad = h
        .platform(
            Method::POST,
            &path,
            Some(&aad),
            Some(serde_json::json!({"accessLevel": "Sometimes"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}
