//! Real listeners: the whole flow across the two hosts, aborted P-GETs, shutdown.

use reqwest::header::{AUTHORIZATION, ORIGIN as ORIGIN_HEADER};

use super::*;
use crate::api::wire::platform::HalResource;
use crate::api::wire::ucwa::AnonDiscover;
use crate::emulator::{EmulatorHandle, start};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

struct Live {
    emu: EmulatorHandle,
    http: reqwest::Client,
    token: String,
    app_url: Url,
    events_url: Url,
}

/// Walk the whole service-application and guest flow over HTTP, following links only.
async fn live_guest(cfg: EmulatorConfig) -> Live {
    let emu = start(cfg).await.unwrap();
    let http = client();
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", crate::emulator::DEFAULT_CLIENT_ID),
        ("client_secret", crate::emulator::DEFAULT_CLIENT_SECRET),
        ("resource", "https://api.skypeforbusiness.com"),
    ];
    let aad: AadTokenResponse = http
        .post(emu.aad_token_url())
        .form(&form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bearer = format!("Bearer {}", aad.access_token);
    let get = |url: Url| http.get(url).header(AUTHORIZATION, bearer.clone());
    let discover_url = emu.platform_discover_url();
    let discover: HalResource = get(discover_url.clone())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut apps_url = discover_url
        .join(discover.links.href(Rel::Applications).unwrap())
        .unwrap();
    apps_url
        .query_pairs_mut()
        .append_pair("endpointId", "sip:helpdesk@contoso.example");
    let apps: HalResource = get(apps_url.clone())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let app_url = apps_url
        .join(apps.links.href(Rel::Application).unwrap())
        .unwrap();
    let caps: HalResource = get(app_url.clone())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let tokens_url = app_url
        .join(caps.links.href(Rel::AnonApplicationTokens).unwrap())
        .unwrap();
    let body = serde_json::json!({"applicationSessionId": "live", "allowedOrigins": ORIGIN, "meetingUrl": OPEN});
    let tok: AnonTokenResponse = http
        .post(tokens_url)
        .header(AUTHORIZATION, bearer.clone())
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The guest: discover (context double-encoded in the href, sent verbatim).
    let href = tok.links.href(Rel::Discover).unwrap();
    let resp = http
        .get(href)
        .header(ORIGIN_HEADER, ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let d: AnonDiscover = resp.json().await.unwrap();
    let anon_apps = Url::parse(d.links.href(Rel::AnonApplications).unwrap()).unwrap();
    assert_eq!(anon_apps.port(), emu.pool_url().port());
    assert_ne!(emu.pool_url().port(), emu.platform_url().port());
    let resp = http
        .post(anon_apps.clone())
        .header(AUTHORIZATION, format!("Bearer {}", tok.token))
        .header(ORIGIN_HEADER, ORIGIN)
        .json(&serde_json::json!({"anonymousDisplayName": "Live", "culture": "en-US", "userAgent": "t"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let app: Application = resp.json().await.unwrap();
    Live {
        app_url: anon_apps
            .join(app.links.href(Rel::SelfLink).unwrap())
            .unwrap(),
        events_url: anon_apps
            .join(app.links.href(Rel::Events).unwrap())
            .unwrap(),
        emu,
        http,
        token: tok.token,
    }
}

impl Live {
    fn get(&self, url: Url) -> reqwest::RequestBuilder {
        self.http
            .get(url)
            .header(AUTHORIZATION, format!("Bearer {}", self.token))
            .header(ORIGIN_HEADER, ORIGIN)
    }

    /// Fetch the first batch; the URL of the second.
    async fn second_batch_url(&self) -> Url {
        let first: EventBatch = self
            .get(self.events_url.clone())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        self.events_url
            .join(first.links.href(Rel::Next).unwrap())
            .unwrap()
    }

    async fn wait_parked(&self) {
        for _ in 0..400 {
            if self
                .emu
                .emu
                .lock()
                .apps
                .values()
                .any(|a| a.channel.parked.is_some())
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("no P-GET parked");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_flow_crosses_both_listeners() {
    let live = live_guest(config()).await;
    let resp = live.get(live.events_url.clone()).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers().get("x-ms-correlation-id").is_some());
    let batch: EventBatch = resp.json().await.unwrap();
    assert!(!batch.is_empty());
    let routes: Vec<Route> = live
        .emu
        .control()
        .journal()
        .into_iter()
        .map(|j| j.route)
        .collect();
    assert_eq!(
        routes,
        [
            Route::AadToken,
            Route::PlatformDiscover,
            Route::Applications,
            Route::Application,
            Route::AnonTokens,
            Route::AnonDiscover,
            Route::CreateApplication,
            Route::Events
        ]
    );
    live.emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_the_channel_aborts_the_parked_pget() {
    let cfg = EmulatorConfig {
        poll_hold: Duration::from_secs(30),
        ..config()
    };
    let live = live_guest(cfg).await;
    let next = live.second_batch_url().await;
    let pending = live.get(next.clone()).send();
    let waiter = tokio::spawn(async move {
        match pending.await {
            Ok(resp) => resp.bytes().await.map(|_| ()),
            Err(e) => Err(e),
        }
    });
    live.wait_parked().await;
    let id = live
        .app_url
        .path_segments()
        .unwrap()
        .next_back()
        .unwrap()
        .to_string();
    assert!(live.emu.control().drop_channel(&id, false).unwrap());
    let outcome = tokio::time::timeout(Duration::from_secs(10), waiter)
        .await
        .unwrap()
        .unwrap();
    assert!(
        outcome.is_err(),
        "the aborted P-GET must fail on the client"
    );
    // The application survives; the channel can be re-established.
    assert_eq!(
        live.get(live.app_url.clone())
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    // Drop again, this time losing the application (by session id).
    let pending = live.get(next.clone()).send();
    let waiter = tokio::spawn(async move { pending.await.map(|_| ()) });
    live.wait_parked().await;
    live.emu.control().drop_channel("live", true).unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(10), waiter)
        .await
        .unwrap();
    let resp = live.get(live.app_url.clone()).send().await.unwrap();
    assert_eq!(resp.status(), 404);
    let e: UcwaError = resp.json().await.unwrap();
    assert_eq!(e.subcode, Some(UcwaSubcode::ApplicationNotFound));
    assert_eq!(
        live.emu.control().applications()[0].state,
        crate::emulator::AppState::Lost
    );
    live.emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_releases_parked_pgets() {
    let cfg = EmulatorConfig {
        poll_hold: Duration::from_secs(60),
        ..config()
    };
    let live = live_guest(cfg).await;
    let next = live.second_batch_url().await;
    let pending = live.get(next).send();
    let waiter = tokio::spawn(pending);
    live.wait_parked().await;
    let http = live.http.clone();
    let platform = live.emu.platform_url();
    tokio::time::timeout(Duration::from_secs(10), live.emu.shutdown())
        .await
        .unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(10), waiter)
        .await
        .unwrap();
    assert!(http.get(platform).send().await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reaper_expires_silent_applications() {
    let cfg = EmulatorConfig {
        app_idle_expiry: Duration::from_millis(40),
        ..config()
    };
    let live = live_guest(cfg).await;
    let mut status = 0;
    for _ in 0..200 {
        status = live
            .get(live.app_url.clone())
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        if status == 410 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(status, 410);
    live.emu.shutdown().await;
}
