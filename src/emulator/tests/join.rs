//! The meeting join: errors, event sequences for every lobby policy and both styles, leaving.

use axum::http::{Method, StatusCode};

use super::*;
use crate::api::wire::Role as WireRole;
use crate::api::wire::psat::{self, PsatClaims};
use crate::api::wire::ucwa::{
    Conversation, Messaging, OnlineMeeting, OnlineMeetingInvitation, Participant,
};
use crate::emulator::http::unix_now;

#[tokio::test]
async fn join_errors() {
    let h = Harness::new();
    let g = h.guest(OPEN, "Err").await;
    let href = format!(
        "{}/communication/onlineMeetingInvitations",
        g.href(Rel::SelfLink)
    );
    // Conference URI other than the token's.
    let body =
        serde_json::json!({"onlineMeetingUri": h.confid(MANUAL), "anonymousDisplayName": "Err"});
    let resp = h.pool(&g, Method::POST, &href, Some(body)).await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert!(
        resp.error()
            .message
            .unwrap()
            .starts_with("The target conference URI does not match")
    );
    // Missing URI.
    let resp = h
        .pool(
            &g,
            Method::POST,
            &href,
            Some(serde_json::json!({"operationId": "x"})),
        )
        .await;
    assert_eq!(
        resp.error().subcode,
        Some(UcwaSubcode::ParameterValidationFailure)
    );
    // A token for a conference that does not exist.
    let now = unix_now();
    let ghost = "sip:nobody@contoso.example;gruu;opaque=app:conf:focus:id:GHOST";
    let claims = PsatClaims {
        nbf: now,
        exp: now + 600,
        asi: "ghost".into(),
        ao: ORIGIN.into(),
        confid: Some(ghost.into()),
        ..Default::default()
    };
    let g2 = h.guest_with_token(&psat::mint(&claims, KEY), "Ghost").await;
    let resp = h
        .pool(
            &g2,
            Method::POST,
            &format!(
                "{}/communication/onlineMeetingInvitations",
                g2.href(Rel::SelfLink)
            ),
            Some(serde_json::json!({"onlineMeetingUri": ghost})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.error().subcode, Some(UcwaSubcode::DestinationNotFound));
    // A second join while the first is live.
    assert_eq!(h.join(&g, OPEN, "one").await.status, StatusCode::CREATED);
    let resp = h.join(&g, OPEN, "two").await;
    assert_eq!(resp.status, StatusCode::CONFLICT);
}

// Long on purpose: one protocol sequence checked in order, as the client sees it.
#[tokio::test]
async fn open_meeting_detailed_sequence() {
    let h = Harness::new();
    let mut g = h.guest(OPEN, "Open Guest").await;
    h.batch(&mut g).await;
    let resp = h.join(&g, OPEN, "op-open").await;
    assert_eq!(resp.status, StatusCode::CREATED);
    assert!(resp.body.is_empty());
    let location = resp.header("location").unwrap().to_string();
    assert!(location.starts_with(&format!(
        "{}/communication/onlineMeetingInvitations/",
        g.href(Rel::SelfLink)
    )));

    let b1 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b1),
        vec![
            s3("communication", "onlineMeetingInvitation", "started"),
            s3("communication", "conversation", "added")
        ]
    );
    let (_, started) = b1.events().next().unwrap();
    let inv: OnlineMeetingInvitation = started.resource().unwrap().unwrap();
    assert_eq!(inv.state, Some(InvitationState::Connecting));
    assert_eq!(inv.operation_id.as_deref(), Some("op-open"));
    assert_eq!(inv.links.href(Rel::SelfLink), Some(location.as_str()));
    let conv: Conversation = b1.events().nth(1).unwrap().1.resource().unwrap().unwrap();
    assert_eq!(conv.state, Some(ConversationState::Connecting));

    let b2 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b2),
        vec![
            s3("conversation", "localParticipant", "added"),
            s3("conversation", "participant", "added"),
            s3("conversation", "participant", "added"),
            s3("conversation", "onlineMeeting", "added"),
            s3("conversation", "messaging", "updated"),
            s3("conversation", "phoneAudio", "updated"),
            s3("communication", "conversation", "updated"),
            s3("communication", "onlineMeetingInvitation", "completed"),
        ]
    );
    let events: Vec<&Event> = b2.events().map(|(_, e)| e).collect();
    let me: Participant = events[0].resource().unwrap().unwrap();
    assert_eq!(
        (me.in_lobby, me.anonymous, me.role),
        (Some(false), Some(true), Some(WireRole::Attendee))
    );
    assert_eq!(events[1].link.title.as_deref(), Some("Olga Organizer"));
    let olga: Participant = events[1].resource().unwrap().unwrap();
    assert_eq!(olga.role, Some(WireRole::Leader));
    let om: OnlineMeeting = events[3].resource().unwrap().unwrap();
    assert_eq!(
        events[3].in_.as_ref().map(|l| l.rel.as_str()),
        Some("conversation")
    );
    assert_eq!(om.join_url.as_deref(), Some(OPEN));
    assert_eq!(om.conference_id.as_deref(), Some("OPEN0001"));
    assert_eq!(om.organizer_name.as_deref(), Some("Olga Organizer"));
    let msg: Messaging = events[4].resource().unwrap().unwrap();
    assert_eq!(msg.state, Some(ModalityState::Disconnected));
    assert!(msg.links.has(Rel::AddMessaging));
    let conv: Conversation = events[6].resource().unwrap().unwrap();
    assert_eq!(conv.state, Some(ConversationState::Conferenced));
    assert!(events[7].succeeded());
    let inv: OnlineMeetingInvitation = events[7].resource().unwrap().unwrap();
    assert_eq!(
        (inv.state.as_ref(), inv.operation_id.as_deref()),
        (Some(&InvitationState::Connected), Some("op-open"))
    );

    // The resources answer GETs.
    let resp = h.pool(&g, Method::GET, &location, None).await;
    assert_eq!(
        resp.decode::<OnlineMeetingInvitation>().state,
        Some(InvitationState::Connected)
    );
    let conv_href = inv.links.href(Rel::Conversation).unwrap().to_string();
    let conv: Conversation = h.pool(&g, Method::GET, &conv_href, None).await.decode();
    assert_eq!(
        (conv.state, conv.participant_count),
        (Some(ConversationState::Conferenced), Some(3))
    );
    for rel in [
        Rel::Participants,
        Rel::OnlineMeeting,
        Rel::Messaging,
        Rel::LocalParticipant,
        Rel::Leaders,
        Rel::Attendees,
        Rel::Lobby,
    ] {
        let href = conv.links.href(rel).unwrap().to_string();
        assert_eq!(
            h.pool(&g, Method::GET, &href, None).await.status,
            StatusCode::OK,
            "{rel}"
        );
    }
    let parts = h
        .pool(
            &g,
            Method::GET,
            conv.links.href(Rel::Participants).unwrap(),
            None,
        )
        .await
        .json();
    assert_eq!(parts["_links"]["participant"].as_array().unwrap().len(), 3);
    let listed = h
        .pool(
            &g,
            Method::GET,
            &format!(
                "{}/communication/conversations?filter=active",
                g.href(Rel::SelfLink)
            ),
            None,
        )
        .await
        .json();
    assert_eq!(listed["_links"]["conversation"][0]["href"], conv_href);
    let meetings = h.control().meetings();
    assert_eq!(meetings[0].guests, ["Open Guest"]);
}

#[tokio::test]
async fn lobby_then_admit_through_control() {
    let h = Harness::new();
    let mut g = h.guest(MANUAL, "Lobby Guest").await;
    h.batch(&mut g).await;
    assert_eq!(
        h.join(&g, MANUAL, "op-lobby").await.status,
        StatusCode::CREATED
    );
    let b1 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b1)[0],
        s3("communication", "onlineMeetingInvitation", "started")
    );
    let b2 = h.batch(&mut g).await;
    assert_eq!(
        summary(&b2),
        vec![
            s3("conversation", "localParticipant", "added"),
            s3("communication", "conversation", "updated")
        ]
    );
    let me: Participant = b2.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(me.in_lobby, Some(true));
    let conv: Conversation = b2.events().nth(1).unwrap().1.resource().unwrap().unwrap();
    assert_eq!(conv.state, Some(ConversationState::InLobby));
    let info = &h.control().meetings()[1];
    assert_eq!(info.lobby, ["Lobby Guest"]);
    // Nothing happens until a leader decides: the next P-GET times out empty.
    assert!(h.batch(&mut g).await.is_empty());
    assert_eq!(h.control().admit(MANUAL, Some("lobby guest")).unwrap(), 1);
    let b3 = h.batch(&mut g).await;
    let last = b3.events().last().unwrap().1;
    assert!(last.succeeded());
    let me: Participant = b3.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(me.in_lobby, Some(false));
    assert_eq!(h.control().meetings()[1].guests, ["Lobby Guest"]);
    assert_eq!(h.control().admit(MANUAL, None).unwrap(), 0);
}

async fn lobby_failure(
    h: &Harness,
    url: &str,
    decide: impl FnOnce(&Harness),
) -> (Event, Vec<EventBatch>) {
    let mut g = h.guest(url, "Waiting").await;
    assert_eq!(h.join(&g, url, "op-fail").await.status, StatusCode::CREATED);
    decide(h);
    let batches = h.batches_until(&mut g, |e| e.failed()).await;
    let last = batches.last().unwrap();
    assert_eq!(
        summary(last),
        vec![
            s3("communication", "onlineMeetingInvitation", "completed"),
            s3("communication", "conversation", "deleted")
        ]
    );
    let completed = last.events().next().unwrap().1.clone();
    let inv: OnlineMeetingInvitation = completed.resource().unwrap().unwrap();
    assert_eq!(inv.state, Some(InvitationState::Failed));
    // The conversation is gone; the invitation still answers.
    let conv_href = inv.links.href(Rel::Conversation).unwrap();
    assert_eq!(
        h.pool(&g, Method::GET, conv_href, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.pool(
            &g,
            Method::GET,
            inv.links.href(Rel::SelfLink).unwrap(),
            None
        )
        .await
        .status,
        StatusCode::OK
    );
    (completed, batches)
}

#[tokio::test]
async fn lobby_deny_through_control() {
    let h = Harness::new();
    let (e, _) = lobby_failure(&h, MANUAL, |h| {
        assert_eq!(h.control().deny(MANUAL, None).unwrap(), 1);
    })
    .await;
    let r = e.reason.unwrap();
    assert_eq!(
        (r.code, r.subcode),
        (UcwaCode::Forbidden, Some(UcwaSubcode::Denied))
    );
    assert!(h.control().meetings()[1].lobby.is_empty());
}

#[tokio::test]
async fn lobby_policies_decide_by_themselves() {
    let h = Harness::new();
    let (e, _) = lobby_failure(&h, DENY, |_| {}).await;
    assert_eq!(e.reason.unwrap().subcode, Some(UcwaSubcode::Denied));
    let (e, _) = lobby_failure(&h, TIMEOUT, |_| {}).await;
    let r = e.reason.unwrap();
    assert_eq!(
        (r.code, r.subcode),
        (UcwaCode::Timeout, Some(UcwaSubcode::Timeout))
    );
    let (e, _) = lobby_failure(&h, MANUAL, |h| {
        h.control().lobby_timeout(MANUAL, Some("Waiting")).unwrap();
    })
    .await;
    assert_eq!(e.reason.unwrap().subcode, Some(UcwaSubcode::Timeout));

    let mut g = h.guest(ADMIT, "Patient").await;
    assert_eq!(h.join(&g, ADMIT, "op").await.status, StatusCode::CREATED);
    let batches = h.batches_until(&mut g, |e| e.succeeded()).await;
    let lobby = find(&batches, "localParticipant", "added")
        .resource::<Participant>()
        .unwrap()
        .unwrap();
    assert_eq!(lobby.in_lobby, Some(true));
}

#[tokio::test]
async fn locked_meetings_refuse() {
    let h = Harness::new();
    let (e, batches) = lobby_failure(&h, LOCKED, |_| {}).await;
    let r = e.reason.unwrap();
    assert_eq!(
        (r.code, r.subcode, r.message.as_deref()),
        (
            UcwaCode::Forbidden,
            Some(UcwaSubcode::NotAllowed),
            Some("The meeting is locked")
        )
    );
    assert_eq!(
        summary(&batches[batches.len() - 2])[0],
        s3("communication", "onlineMeetingInvitation", "started")
    );
}

#[tokio::test]
async fn collapsed_style_jumps_straight_to_completed() {
    let h = Harness::new();
    let mut g = h.guest(QUICK, "Quick").await;
    h.batch(&mut g).await;
    assert_eq!(h.join(&g, QUICK, "op-q").await.status, StatusCode::CREATED);
    let b = h.batch(&mut g).await;
    let s = summary(&b);
    assert_eq!(
        s.first(),
        Some(&s3("communication", "conversation", "added"))
    );
    assert_eq!(
        s.last(),
        Some(&s3("communication", "onlineMeetingInvitation", "completed"))
    );
    assert!(!s.contains(&s3("communication", "onlineMeetingInvitation", "started")));
    assert_eq!(s.iter().filter(|x| x.1 == "participant").count(), 2);
    assert!(s.contains(&s3("conversation", "localParticipant", "added")));
    let conv: Conversation = b.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(conv.state, Some(ConversationState::Conferenced));
    assert!(b.events().last().unwrap().1.succeeded());
    assert!(h.batch(&mut g).await.is_empty());
}

#[tokio::test]
async fn leaving_deletes_the_conversation_then_the_application() {
    let h = Harness::new();
    let mut g = h.guest(OPEN, "Leaver").await;
    h.join(&g, OPEN, "op").await;
    let batches = h.batches_until(&mut g, |e| e.succeeded()).await;
    let inv: OnlineMeetingInvitation = find(&batches, "onlineMeetingInvitation", "completed")
        .resource()
        .unwrap()
        .unwrap();
    let conv = inv.links.href(Rel::Conversation).unwrap().to_string();
    assert_eq!(
        h.pool(&g, Method::DELETE, &conv, None).await.status,
        StatusCode::NO_CONTENT
    );
    let b = h.batch(&mut g).await;
    assert_eq!(
        summary(&b),
        vec![
            s3("conversation", "localParticipant", "deleted"),
            s3("communication", "conversation", "deleted")
        ]
    );
    assert_eq!(
        h.pool(&g, Method::GET, &conv, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.pool(&g, Method::DELETE, &conv, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(h.control().meetings()[0].guests.is_empty());
    let info = &h.control().applications()[0];
    assert!(info.conversation_deleted.is_some() && info.ended.is_none());
    assert_eq!(
        h.pool(&g, Method::DELETE, &g.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let info = &h.control().applications()[0];
    assert!(info.conversation_deleted.unwrap() <= info.ended.unwrap());
    // Rejoining from a fresh application works.
    let mut again = h.guest(OPEN, "Leaver").await;
    h.join(&again, OPEN, "op2").await;
    h.batches_until(&mut again, |e| e.succeeded()).await;
}

#[tokio::test]
async fn leaving_the_lobby_cancels_the_invitation() {
    let h = Harness::new();
    let mut g = h.guest(MANUAL, "Impatient").await;
    h.join(&g, MANUAL, "op").await;
    let batches = h
        .batches_until(&mut g, |e| e.link.rel == "localParticipant")
        .await;
    let conv = find(&batches, "conversation", "added").link.href.clone();
    assert_eq!(
        h.pool(&g, Method::DELETE, &conv, None).await.status,
        StatusCode::NO_CONTENT
    );
    let b = h.batches_until(&mut g, |e| e.failed()).await;
    assert_eq!(
        find(&b, "onlineMeetingInvitation", "completed")
            .reason
            .as_ref()
            .unwrap()
            .subcode,
        Some(UcwaSubcode::Canceled)
    );
    assert!(h.control().meetings()[1].lobby.is_empty());
}
