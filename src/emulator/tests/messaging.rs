//! Instant messaging: addMessaging, greetings, sendMessage, typing, terminate, relaying.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};

use super::*;
use crate::api::wire::data_uri;
use crate::api::wire::ucwa::{Message, Messaging, MessagingInvitation};

/// Join OPEN and return the guest with its messaging resource.
async fn in_meeting(h: &Harness, name: &str) -> (Guest, Messaging) {
    in_meeting_at(h, OPEN, name).await
}

async fn in_meeting_at(h: &Harness, url: &str, name: &str) -> (Guest, Messaging) {
    let mut g = h.guest(url, name).await;
    h.join(&g, url, "op").await;
    let batches = h.batches_until(&mut g, |e| e.succeeded()).await;
    let m = find(&batches, "messaging", "updated")
        .resource::<Messaging>()
        .unwrap()
        .unwrap();
    (g, m)
}

async fn post_text(h: &Harness, g: &Guest, href: &str, content_type: &str, text: &str) -> Resp {
    let req = Request::post(href)
        .header("authorization", format!("Bearer {}", g.token))
        .header("origin", &g.origin)
        .header("content-type", content_type)
        .body(Body::from(text.to_string()))
        .unwrap();
    h.send(Side::Pool, req).await
}

#[tokio::test]
async fn add_messaging_connects_and_greetings_arrive() {
    let h = Harness::new();
    let (mut g, m) = in_meeting(&h, "Chatty").await;
    let add = m.links.href(Rel::AddMessaging).unwrap().to_string();
    let resp = h
        .pool(
            &g,
            Method::POST,
            &add,
            Some(serde_json::json!({"operationId": "im-1"})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    let location = resp.header("location").unwrap().to_string();
    assert!(location.contains("/communication/messagingInvitations/"));

    let b1 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b1),
        vec![
            s3("communication", "messagingInvitation", "started"),
            s3("conversation", "messaging", "updated")
        ]
    );
    let inv: MessagingInvitation = b1.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(
        (inv.state.as_ref(), inv.operation_id.as_deref()),
        (Some(&InvitationState::Connecting), Some("im-1"))
    );
    let b2 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b2),
        vec![
            s3("communication", "conversation", "updated"),
            s3("conversation", "messaging", "updated"),
            s3("conversation", "participantMessaging", "added"),
            s3("communication", "messagingInvitation", "completed"),
        ]
    );
    // The conversation says messaging is active, as the published sample does.
    let conv: crate::api::wire::ucwa::Conversation =
        b2.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(conv.active_modalities, Some(vec!["Messaging".to_string()]));
    assert_eq!(conv.state, Some(ConversationState::Conferenced));
    let connected: Messaging = b2.events().nth(1).unwrap().1.resource().unwrap().unwrap();
    assert_eq!(connected.state, Some(ModalityState::Connected));
    for rel in [
        Rel::SendMessage,
        Rel::SetIsTyping,
        Rel::TypingParticipants,
        Rel::StopMessaging,
    ] {
        assert!(connected.links.has(rel), "{rel}");
    }
    assert!(!connected.links.has(Rel::AddMessaging));
    // Plain only, as the captured anonymous application (the meeting does not allow HTML).
    assert_eq!(
        connected.negotiated_message_formats,
        Some(vec!["Plain".to_string()])
    );
    assert_eq!(
        b2.events().nth(2).unwrap().1.in_.as_ref().unwrap().rel,
        "localParticipant"
    );
    assert!(b2.events().last().unwrap().1.succeeded());

    let b3 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b3),
        vec![s3("conversation", "message", "completed")]
    );
    let e = b3.events().next().unwrap().1;
    assert!(e.succeeded());
    let msg: Message = e.resource().unwrap().unwrap();
    assert_eq!(msg.direction, Some(Direction::Incoming));
    assert_eq!(
        msg.links.get(Rel::Participant).unwrap().title.as_deref(),
        Some("Olga Organizer")
    );
    let text = data_uri::decode(msg.links.href(Rel::PlainMessage).unwrap()).unwrap();
    assert_eq!(text.text, "Welcome! Glad you could make it.");
    assert_eq!(
        h.pool(&g, Method::GET, &e.link.href, None)
            .await
            .decode::<Message>(),
        msg
    );
    assert_eq!(
        h.pool(&g, Method::GET, &location, None)
            .await
            .decode::<MessagingInvitation>()
            .state,
        Some(InvitationState::Connected)
    );
    // A second addMessaging conflicts.
    assert_eq!(
        h.pool(&g, Method::POST, &add, Some(serde_json::json!({})))
            .await
            .status,
        StatusCode::CONFLICT
    );
}

// Long on purpose: one protocol sequence checked in order.
#[tokio::test]
async fn send_message_typing_and_terminate() {
    let h = Harness::new();
    let (mut g, m) = in_meeting(&h, "Sender").await;
    let conv_messaging = m.links.href(Rel::SelfLink).unwrap().to_string();
    let send = format!("{conv_messaging}/messages");
    // Not connected yet.
    assert_eq!(
        post_text(&h, &g, &send, "text/plain", "too early")
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        h.pool(&g, Method::POST, &format!("{conv_messaging}/typing"), None)
            .await
            .status,
        StatusCode::CONFLICT
    );
    h.pool(
        &g,
        Method::POST,
        m.links.href(Rel::AddMessaging).unwrap(),
        Some(serde_json::json!({"operationId": "im"})),
    )
    .await;
    let batches = h.batches_until(&mut g, |e| e.link.rel == "message").await;
    let connected = batches
        .iter()
        .flat_map(|b| b.events().map(|(_, e)| e))
        .filter_map(|e| e.resource::<Messaging>().and_then(Result::ok))
        .find(|m| m.state == Some(ModalityState::Connected))
        .unwrap();
    let send = connected.links.href(Rel::SendMessage).unwrap().to_string();

    let resp = post_text(
        &h,
        &g,
        &format!("{send}?operationId=send-1"),
        "text/plain; charset=utf-8",
        "Hello, 100% sure & ok",
    )
    .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    let location = resp.header("location").unwrap().to_string();
    assert!(location.starts_with(&format!("{send}/")));
    let b = h.batch(&mut g).await;
    assert_eq!(
        summary(&b),
        vec![s3("conversation", "message", "completed")]
    );
    let e = b.events().next().unwrap().1;
    assert!(e.succeeded());
    assert_eq!(e.link.href, location);
    let msg: Message = e.resource().unwrap().unwrap();
    assert_eq!(
        (msg.direction.as_ref(), msg.operation_id.as_deref()),
        (Some(&Direction::Outgoing), Some("send-1"))
    );
    // The guest's own message carries no body, only `self` and `messaging` (as published).
    let rels: Vec<&str> = msg.links.iter().map(|(rel, _)| rel).collect();
    assert_eq!(rels.len(), 2, "{rels:?}");
    assert!(msg.links.has(Rel::SelfLink) && msg.links.has(Rel::Messaging));
    assert_eq!(
        h.control().meetings()[0].chat.last().unwrap().text,
        "Hello, 100% sure & ok"
    );

    // This meeting's chat is plain text only.
    let resp = post_text(&h, &g, &send, "text/html", "<b>bold</b>").await;
    assert_eq!(resp.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let resp = post_text(&h, &g, &send, "application/json", "{}").await;
    assert_eq!(resp.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(resp.error().code, UcwaCode::UnsupportedMediaType);

    let typing = connected.links.href(Rel::SetIsTyping).unwrap();
    assert_eq!(
        h.pool(&g, Method::POST, typing, None).await.status,
        StatusCode::NO_CONTENT
    );
    let stop = connected.links.href(Rel::StopMessaging).unwrap();
    assert_eq!(
        h.pool(&g, Method::POST, stop, None).await.status,
        StatusCode::NO_CONTENT
    );
    let b = h.batch(&mut g).await;
    assert_eq!(
        summary(&b),
        vec![
            s3("conversation", "participantMessaging", "deleted"),
            s3("conversation", "messaging", "updated"),
            s3("communication", "conversation", "updated"),
        ]
    );
    let conv: crate::api::wire::ucwa::Conversation =
        b.events().nth(2).unwrap().1.resource().unwrap().unwrap();
    assert_eq!(conv.active_modalities, Some(Vec::new()));
    let m: Messaging = b.events().nth(1).unwrap().1.resource().unwrap().unwrap();
    assert_eq!(m.state, Some(ModalityState::Disconnected));
    assert!(m.links.has(Rel::AddMessaging));
    assert_eq!(
        post_text(&h, &g, &send, "text/plain", "after").await.status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn a_meeting_that_allows_html_says_so_and_takes_it() {
    let h = Harness::new();
    let (mut g, m) = in_meeting_at(&h, RICH, "Rich").await;
    let comm: crate::api::wire::ucwa::Communication = h
        .pool(
            &g,
            Method::GET,
            &format!("{}/communication", g.href(Rel::SelfLink)),
            None,
        )
        .await
        .decode();
    let both = vec!["Plain".to_string(), "Html".to_string()];
    assert_eq!(comm.supported_message_formats, both);
    h.pool(
        &g,
        Method::POST,
        m.links.href(Rel::AddMessaging).unwrap(),
        Some(serde_json::json!({})),
    )
    .await;
    let batches = h
        .batches_until(&mut g, |e| {
            e.link.rel == "messagingInvitation" && e.kind == crate::api::wire::EventType::Completed
        })
        .await;
    let connected = batches
        .iter()
        .flat_map(|b| b.events().map(|(_, e)| e))
        .filter_map(|e| e.resource::<Messaging>().and_then(Result::ok))
        .find(|m| m.state == Some(ModalityState::Connected))
        .unwrap();
    assert_eq!(connected.negotiated_message_formats, Some(both));
    let send = connected.links.href(Rel::SendMessage).unwrap();
    let resp = post_text(&h, &g, send, "text/html", "<b>bold</b>").await;
    assert_eq!(resp.status, StatusCode::CREATED);
    // Still no body in the guest's own message.
    let outgoing = |e: &Event| {
        e.resource::<Message>()
            .and_then(Result::ok)
            .is_some_and(|m| m.direction == Some(Direction::Outgoing))
    };
    let b = h.batches_until(&mut g, outgoing).await;
    let msg: Message = b
        .iter()
        .flat_map(|b| b.events().map(|(_, e)| e))
        .find(|e| outgoing(e))
        .unwrap()
        .resource()
        .unwrap()
        .unwrap();
    assert!(!msg.links.has(Rel::HtmlMessage) && !msg.links.has(Rel::PlainMessage));
}

#[tokio::test]
async fn messages_reach_other_guests_and_control_can_talk() {
    let h = Harness::new();
    let mut guests = Vec::new();
    for name in ["Ann", "Ben"] {
        let (mut g, m) = in_meeting(&h, name).await;
        h.pool(
            &g,
            Method::POST,
            m.links.href(Rel::AddMessaging).unwrap(),
            Some(serde_json::json!({})),
        )
        .await;
        h.batches_until(&mut g, |e| e.link.rel == "message").await;
        guests.push(g);
    }
    let (mut ann, mut ben) = (guests.remove(0), guests.remove(0));
    h.batch(&mut ann).await; // Ben added to Ann's roster
    let send = {
        let w = h.emu.lock();
        let app = w.apps.get(ann.app.id.as_deref().unwrap()).unwrap();
        crate::emulator::resources::Paths::new(&app.id)
            .in_conv(&app.conv.as_ref().unwrap().id, "messaging/messages")
    };
    assert_eq!(
        post_text(&h, &ann, &send, "text/plain", "hi Ben")
            .await
            .status,
        StatusCode::CREATED
    );
    let msg: Message = h
        .batch(&mut ben)
        .await
        .events()
        .next()
        .unwrap()
        .1
        .resource()
        .unwrap()
        .unwrap();
    assert_eq!(msg.direction, Some(Direction::Incoming));
    assert_eq!(
        msg.links.get(Rel::Participant).unwrap().title.as_deref(),
        Some("Ann")
    );
    h.batch(&mut ann).await; // Ann's own outgoing completion

    assert_eq!(
        h.control()
            .say(OPEN, "andy attendee", "Any questions?")
            .unwrap(),
        2
    );
    for g in [&mut ann, &mut ben] {
        let msg: Message = h
            .batch(g)
            .await
            .events()
            .next()
            .unwrap()
            .1
            .resource()
            .unwrap()
            .unwrap();
        assert_eq!(
            data_uri::decode(msg.links.href(Rel::PlainMessage).unwrap())
                .unwrap()
                .text,
            "Any questions?"
        );
    }
    assert!(h.control().say(OPEN, "stranger", "x").is_err());
}
