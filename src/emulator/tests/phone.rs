//! The meeting's telephone side: `onlineMeeting`'s dial-in link (from the lobby on), the
//! `phoneDialInInformation` hub and its regions, and a meeting without dial-in.

use axum::http::{Method, StatusCode};

use super::*;
use crate::api::wire::phone::{DialInRegion, PhoneDialInInformation};
use crate::api::wire::ucwa::{Conversation, OnlineMeeting};

/// The `onlineMeeting` href the guest's conversation links once the join is under way.
async fn online_meeting_href(h: &Harness, g: &mut Guest, done: &str) -> String {
    let batches = h.batches_until(g, |e| e.link.rel == done).await;
    let conv: Conversation = find(&batches, "conversation", "added")
        .resource()
        .unwrap()
        .unwrap();
    conv.links.href(Rel::OnlineMeeting).unwrap().to_string()
}

#[tokio::test]
async fn a_meeting_with_dial_in_links_its_numbers() {
    let h = Harness::new();
    let mut g = h.guest(RICH, "Phoning").await;
    h.join(&g, RICH, "op").await;
    let href = online_meeting_href(&h, &mut g, "onlineMeetingInvitation").await;
    let meeting: OnlineMeeting = h.pool(&g, Method::GET, &href, None).await.decode();
    assert_eq!(meeting.phone_user_admission.as_deref(), Some("Enabled"));
    let dial_in = meeting.links.href(Rel::PhoneDialInInformation).unwrap();
    assert_eq!(
        dial_in,
        format!(
            "{}/onlineMeetings/phoneDialInInformation",
            g.href(Rel::SelfLink)
        )
    );
    let info: PhoneDialInInformation = h.pool(&g, Method::GET, dial_in, None).await.decode();
    assert_eq!(info.conference_id.as_deref(), Some("12983487"));
    assert_eq!(info.default_region.as_deref(), Some("Berlin"));
    assert_eq!(info.is_audio_conference_provider_enabled, Some(true));
    assert_eq!(info.toll_number.as_deref(), Some("+18005550142"));
    assert_eq!(info.participant_pass_code.as_deref(), Some("4477120"));
    let regions: Vec<DialInRegion> = info
        .embedded
        .get_all(Rel::DialInRegion)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let numbers: Vec<&str> = regions.iter().filter_map(|r| r.number.as_deref()).collect();
    assert_eq!(numbers, ["tel:+14255550123", "tel:+493023125100"]);
    let one: DialInRegion = h
        .pool(
            &g,
            Method::GET,
            regions[1].links.href(Rel::SelfLink).unwrap(),
            None,
        )
        .await
        .decode();
    assert_eq!(one, regions[1]);
    let none = h.pool(&g, Method::GET, &format!("{dial_in}/9"), None).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    // The client's model of it: default region first, the dial string.
    let d = crate::join::DialIn::from_wire(&info).unwrap();
    assert_eq!(d.numbers[0].region, "Berlin");
    assert_eq!(
        d.dial_string(&d.numbers[0].number),
        "+493023125100,,12983487#"
    );
    assert!(d.provider.is_some());
    // The hub answers GET only.
    let post = h.pool(&g, Method::POST, dial_in, None).await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn without_dial_in_nothing_is_linked_or_served() {
    let h = Harness::new();
    let mut g = h.guest(OPEN, "NoPhone").await;
    h.join(&g, OPEN, "op").await;
    let href = online_meeting_href(&h, &mut g, "onlineMeetingInvitation").await;
    let meeting: OnlineMeeting = h.pool(&g, Method::GET, &href, None).await.decode();
    assert_eq!(meeting.phone_user_admission.as_deref(), Some("Disabled"));
    assert!(!meeting.links.has(Rel::PhoneDialInInformation));
    let path = format!(
        "{}/onlineMeetings/phoneDialInInformation",
        g.href(Rel::SelfLink)
    );
    assert_eq!(
        h.pool(&g, Method::GET, &path, None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_meeting_details_are_readable_from_the_lobby() {
    let h = Harness::new();
    let mut g = h.guest(MANUAL, "Waiting").await;
    h.join(&g, MANUAL, "op").await;
    let batches = h
        .batches_until(&mut g, |e| {
            e.resource::<Conversation>()
                .and_then(Result::ok)
                .is_some_and(|c| c.state == Some(ConversationState::InLobby))
        })
        .await;
    let conv: Conversation = find(&batches, "conversation", "updated")
        .resource()
        .unwrap()
        .unwrap();
    let href = conv.links.href(Rel::OnlineMeeting).unwrap();
    let resp = h.pool(&g, Method::GET, href, None).await;
    assert_eq!(resp.status, StatusCode::OK);
    let meeting: OnlineMeeting = resp.decode();
    assert_eq!(
        meeting.subject.as_deref(),
        Some(format!("Subject of {MANUAL}").as_str())
    );
}
