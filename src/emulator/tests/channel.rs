//! The event channel: ack flow, empty batches, 409 PGetReplaced, resync, idle expiry.

use axum::http::{Method, StatusCode};

use super::*;

fn ack_of(href: &str) -> u64 {
    let q = href.split_once('?').unwrap().1;
    url::form_urlencoded::parse(q.as_bytes())
        .find(|(k, _)| k == "ack")
        .unwrap()
        .1
        .parse()
        .unwrap()
}

fn with_ack(href: &str, ack: u64) -> String {
    let (path, q) = href.split_once('?').unwrap();
    let rest: Vec<String> = q
        .split('&')
        .filter(|p| !p.starts_with("ack="))
        .map(str::to_string)
        .collect();
    format!("{path}?ack={ack}&{}", rest.join("&"))
}

#[tokio::test]
async fn acks_walk_the_batches_and_timeouts_give_empty_batches() {
    let h = Harness::new();
    let mut g = h.guest(OPEN, "Acker").await;
    let first = g.next.clone();
    let start = ack_of(&first);
    let b1 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b1),
        vec![s3("communication", "communication", "updated")]
    );
    assert_eq!(b1.links.href(Rel::SelfLink), Some(first.as_str()));
    assert_eq!(ack_of(&g.next), start + 1);
    assert!(g.next.contains("&key="));
    // Asking again for the same ack gives the same batch (nothing acknowledged yet).
    let again: EventBatch = h.pool(&g, Method::GET, &first, None).await.decode();
    assert_eq!(again, b1);
    // Nothing pending: held until poll_hold, then an empty batch with only self and next.
    let resp = h.pool(&g, Method::GET, &g.next.clone(), None).await;
    assert_eq!(resp.status, StatusCode::OK);
    let v = resp.json();
    assert_eq!(v["sender"], serde_json::json!([]));
    let links: Vec<&String> = v["_links"].as_object().unwrap().keys().collect();
    assert_eq!(links, ["next", "self"]);
    assert_eq!(
        ack_of(v["_links"]["next"]["href"].as_str().unwrap()),
        start + 2
    );
}

#[tokio::test]
async fn a_newer_pget_replaces_the_parked_one() {
    let h = Arc::new(Harness::new());
    let mut g = h.guest(OPEN, "Twice").await;
    h.batch(&mut g).await;
    let parked = h.park(&g).await;
    let newer = h.pool(&g, Method::GET, &g.next.clone(), None).await;
    let old = parked.await.unwrap();
    assert_eq!(old.status, StatusCode::CONFLICT);
    let e = old.error();
    assert_eq!(
        (e.code, e.subcode),
        (UcwaCode::Conflict, Some(UcwaSubcode::PGetReplaced))
    );
    assert_eq!(newer.status, StatusCode::OK);
}

#[tokio::test]
async fn events_wake_a_parked_pget() {
    let h = Arc::new(Harness::with(EmulatorConfig {
        poll_hold: Duration::from_secs(30),
        ..config()
    }));
    let mut g = h.guest(OPEN, "Waiter").await;
    h.batch(&mut g).await;
    let parked = h.park(&g).await;
    assert_eq!(
        h.join(&g, OPEN, "op-wake").await.status,
        StatusCode::CREATED
    );
    let resp = tokio::time::timeout(Duration::from_secs(10), parked)
        .await
        .unwrap()
        .unwrap();
    let b: EventBatch = resp.decode();
    assert_eq!(
        summary(&b)[0],
        s3("communication", "onlineMeetingInvitation", "started")
    );
}

#[tokio::test]
async fn stale_and_future_acks_resync() {
    let h = Harness::new();
    let mut g = h.guest(OPEN, "Stale").await;
    let first = g.next.clone();
    h.batch(&mut g).await;
    h.join(&g, OPEN, "op").await;
    let b2 = h.batch(&mut g).await; // acknowledges the first batch
    assert!(!b2.is_empty());
    for bad in [
        with_ack(&first, ack_of(&first) - 1),
        first.clone(),
        with_ack(&first, ack_of(&first) + 50),
    ] {
        let resp = h.pool(&g, Method::GET, &bad, None).await;
        assert_eq!(resp.status, StatusCode::OK);
        let b: EventBatch = resp.decode();
        assert!(b.sender.is_empty());
        let resync = b.links.href(Rel::Resync).expect("resync link");
        assert!(b.links.href(Rel::Next).is_none());
        // The resync link points at the first unacknowledged batch (the second one).
        assert_eq!(ack_of(resync), ack_of(&first) + 1);
        let again: EventBatch = h.pool(&g, Method::GET, resync, None).await.decode();
        assert_eq!(again, b2);
    }
    // A wrong key is refused.
    let wrong = format!("{}X", g.next);
    assert_eq!(
        h.pool(&g, Method::GET, &wrong, None).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn silent_channels_expire_the_application() {
    let h = Harness::with(EmulatorConfig {
        app_idle_expiry: Duration::from_millis(50),
        ..config()
    });
    let mut g = h.guest(OPEN, "Idle").await;
    assert_eq!(h.join(&g, OPEN, "op").await.status, StatusCode::CREATED);
    h.batch(&mut g).await;
    tokio::time::sleep(Duration::from_millis(120)).await;
    h.emu.reap();
    let resp = h.pool(&g, Method::GET, &g.href(Rel::SelfLink), None).await;
    assert_eq!(resp.status, StatusCode::GONE);
    let e = resp.error();
    assert_eq!(
        (e.code, e.subcode),
        (
            UcwaCode::Gone,
            Some(UcwaSubcode::InactiveApplicationExpired)
        )
    );
    let resp = h.pool(&g, Method::GET, &g.next.clone(), None).await;
    assert_eq!(resp.status, StatusCode::GONE);
    let info = &h.control().applications()[0];
    assert_eq!(info.state, crate::emulator::AppState::Expired);
    assert!(!info.in_meeting);
    assert!(h.control().meetings()[0].guests.is_empty());
}

#[tokio::test]
async fn a_parked_pget_keeps_the_application_alive() {
    let h = Arc::new(Harness::with(EmulatorConfig {
        app_idle_expiry: Duration::from_millis(30),
        poll_hold: Duration::from_secs(30),
        ..config()
    }));
    let mut g = h.guest(OPEN, "Busy").await;
    h.batch(&mut g).await;
    let parked = h.park(&g).await;
    tokio::time::sleep(Duration::from_millis(80)).await;
    h.emu.reap();
    assert_eq!(
        h.control().applications()[0].state,
        crate::emulator::AppState::Alive
    );
    // Deleting the application releases the parked GET with 404.
    assert_eq!(
        h.pool(&g, Method::DELETE, &g.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let resp = tokio::time::timeout(Duration::from_secs(10), parked)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
}
