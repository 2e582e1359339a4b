//! The on-premises surface over real listeners: lyncdiscover links cross to the pool's web
//! services, and a ticket from the advertised WebTicket creates an application there.

use axum::http::header::WWW_AUTHENTICATE;

use super::*;
use crate::api::wire::platform::HalResource;
use crate::api::wire::webticket::{MsRtcOAuthChallenge, WebTicketGrant, WebTicketToken};
use crate::emulator::config::OnPremConfig;

#[tokio::test]
async fn real_listeners_cross_from_lyncdiscover_to_the_pool_web_services() {
    let plain = crate::emulator::start(config()).await.unwrap();
    assert_eq!(plain.lyncdiscover_url(), None);
    plain.shutdown().await;

    let emu = crate::emulator::start(EmulatorConfig {
        on_prem: Some(OnPremConfig::default()),
        ..config()
    })
    .await
    .unwrap();
    let (discover, web) = (emu.lyncdiscover_url().unwrap(), emu.lyncweb_url().unwrap());
    assert_ne!(discover.port(), web.port());
    assert_ne!(discover.port(), emu.pool_url().port());
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let root: HalResource = http
        .get(discover)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let user = Url::parse(root.links.href(Rel::User).unwrap()).unwrap();
    assert_eq!(user.origin(), web.origin());
    let challenged = http.get(user.clone()).send().await.unwrap();
    assert_eq!(challenged.status(), StatusCode::UNAUTHORIZED);
    let challenge = challenged
        .headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .find_map(|v| MsRtcOAuthChallenge::parse(v.to_str().ok()?))
        .unwrap();
    let conference_uri = emu.control().meetings()[0].conference_uri.clone();
    let key = emu.control().meetings()[0].conference_id.clone();
    let ticket: WebTicketToken = http
        .post(&challenge.href)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(WebTicketGrant::anon_meeting(&conference_uri, &key).to_form())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bearer = format!("Bearer {}", ticket.access_token);
    let me: HalResource = http
        .get(user)
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let apps = Url::parse(me.links.href(Rel::Applications).unwrap()).unwrap();
    let created = http
        .post(apps)
        .header("authorization", &bearer)
        .json(&serde_json::json!({"UserAgent": "x", "EndpointId": "e", "Culture": "en-US"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(emu.control().applications().len(), 1);
    emu.shutdown().await;
}
