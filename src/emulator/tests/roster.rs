//! Roster changes driven by other guests and by the control API; meeting end and ejection.

use axum::http::{Method, StatusCode};

use super::*;
use crate::api::wire::Role as WireRole;
use crate::api::wire::ucwa::Participant;
use crate::emulator::config::Role;

async fn joined(h: &Harness, url: &str, name: &str) -> Guest {
    let mut g = h.guest(url, name).await;
    assert_eq!(h.join(&g, url, "op").await.status, StatusCode::CREATED);
    h.batches_until(&mut g, |e| e.succeeded()).await;
    g
}

#[tokio::test]
async fn guests_see_each_other_arrive_and_leave() {
    let h = Harness::new();
    let mut a = joined(&h, OPEN, "Alice").await;
    let mut b = h.guest(OPEN, "Bob").await;
    h.join(&b, OPEN, "op").await;
    let bb = h.batches_until(&mut b, |e| e.succeeded()).await;
    // Bob's roster has Alice.
    assert!(
        bb.iter()
            .flat_map(|x| x.events())
            .any(|(_, e)| e.link.title.as_deref() == Some("Alice"))
    );
    // Alice is told about Bob.
    let ab = h.batch(&mut a).await;
    assert_eq!(
        summary(&ab),
        vec![s3("conversation", "participant", "added")]
    );
    let bob: Participant = ab.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(
        (bob.name.as_deref(), bob.anonymous),
        (Some("Bob"), Some(true))
    );
    // Bob's application goes away: Alice sees him leave.
    assert_eq!(
        h.pool(&b, Method::DELETE, &b.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let ab = h.batch(&mut a).await;
    assert_eq!(
        summary(&ab),
        vec![s3("conversation", "participant", "deleted")]
    );
    assert_eq!(
        ab.events().next().unwrap().1.link.title.as_deref(),
        Some("Bob")
    );
    assert_eq!(h.control().meetings()[0].guests, ["Alice"]);
}

#[tokio::test]
async fn control_adds_and_removes_participants() {
    let h = Harness::new();
    let mut a = joined(&h, OPEN, "Alice").await;
    let c = h.control();
    c.add_participant(
        OPEN,
        ScriptedParticipant::new("Carol Expert", Role::Leader, None),
    )
    .unwrap();
    let b = h.batch(&mut a).await;
    assert_eq!(
        summary(&b),
        vec![s3("conversation", "participant", "added")]
    );
    let carol: Participant = b.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(
        (carol.name.as_deref(), carol.role),
        (Some("Carol Expert"), Some(WireRole::Leader))
    );
    let href = b.events().next().unwrap().1.link.href.clone();
    assert_eq!(
        h.pool(&a, Method::GET, &href, None)
            .await
            .decode::<Participant>()
            .name
            .as_deref(),
        Some("Carol Expert")
    );
    assert_eq!(c.remove_participant(OPEN, "carol expert").unwrap(), 1);
    let b = h.batch(&mut a).await;
    assert_eq!(
        summary(&b),
        vec![s3("conversation", "participant", "deleted")]
    );
    assert_eq!(
        h.pool(&a, Method::GET, &href, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(matches!(
        c.remove_participant(OPEN, "nobody"),
        Err(crate::emulator::ControlError::UnknownParticipant(_))
    ));
    assert!(matches!(
        c.admit("https://meet.contoso.example/x/NOPE", None),
        Err(crate::emulator::ControlError::UnknownMeeting(_))
    ));
}

#[tokio::test]
async fn ending_the_meeting_removes_everyone() {
    let h = Harness::new();
    let mut a = h.guest(MANUAL, "Alice").await;
    h.join(&a, MANUAL, "op").await;
    h.batches_until(&mut a, |e| e.link.rel == "localParticipant")
        .await;
    h.control().admit(MANUAL, Some("Alice")).unwrap();
    h.batches_until(&mut a, |e| e.succeeded()).await;
    let mut waiting = h.guest(MANUAL, "Walt").await;
    h.join(&waiting, MANUAL, "op").await;
    h.batches_until(&mut waiting, |e| e.link.rel == "localParticipant")
        .await;
    assert_eq!(h.control().end_meeting(MANUAL).unwrap(), 2);
    let b = h.batch(&mut a).await;
    assert_eq!(
        summary(&b),
        vec![
            s3("conversation", "localParticipant", "deleted"),
            s3("communication", "conversation", "deleted")
        ]
    );
    for (_, e) in b.events() {
        let r = e.reason.as_ref().unwrap();
        assert_eq!(r.subcode, Some(UcwaSubcode::Ended));
    }
    let w = h.batches_until(&mut waiting, |e| e.failed()).await;
    assert_eq!(
        find(&w, "onlineMeetingInvitation", "completed")
            .reason
            .as_ref()
            .unwrap()
            .subcode,
        Some(UcwaSubcode::Ended)
    );
    // An ended meeting cannot be joined.
    let late = h.guest(MANUAL, "Late").await;
    assert_eq!(
        h.join(&late, MANUAL, "op").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(h.control().meetings()[1].ended);
}

#[tokio::test]
async fn eject_removes_one_guest() {
    let h = Harness::new();
    let mut a = joined(&h, OPEN, "Alice").await;
    let mut b = joined(&h, OPEN, "Bob").await;
    h.batch(&mut a).await; // Bob added
    assert_eq!(h.control().eject(OPEN, "bob").unwrap(), 1);
    let bb = h.batch(&mut b).await;
    assert_eq!(
        find(&[bb], "conversation", "deleted")
            .reason
            .as_ref()
            .unwrap()
            .subcode,
        Some(UcwaSubcode::Ejected)
    );
    let ab = h.batch(&mut a).await;
    assert_eq!(
        summary(&ab),
        vec![s3("conversation", "participant", "deleted")]
    );
    assert!(h.control().eject(OPEN, "bob").is_err());
}

#[tokio::test]
async fn many_participants_and_messages_in_one_call_each() {
    let h = Harness::new();
    let mut a = joined(&h, OPEN, "Alice").await;
    let confid = h.confid(OPEN);
    let r = h
        .platform(
            Method::POST,
            "/control/participants/add-many",
            None,
            Some(serde_json::json!({"meeting": confid, "count": 40})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["affected"], 40);
    let batch = h.batch(&mut a).await;
    let added = summary(&batch)
        .into_iter()
        .filter(|s| s == &s3("conversation", "participant", "added"))
        .count();
    assert_eq!(added, 40, "one participant added event each");
    let names: Vec<String> = h.control().meetings()[0]
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(
        names.len(),
        42,
        "the two scripted ones and 40 more: {names:?}"
    );
    let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len(), "names are distinct");

    let r = h
        .platform(
            Method::POST,
            "/control/say-many",
            None,
            Some(serde_json::json!({"meeting": confid, "count": 25})),
        )
        .await;
    assert_eq!(r.json()["affected"], 25);
    let chat = &h.control().meetings()[0].chat;
    assert_eq!(chat.len(), 25);
    assert!(chat.iter().all(|l| !l.text.is_empty()));
    for bad in [0, 10_001] {
        let r = h
            .platform(
                Method::POST,
                "/control/say-many",
                None,
                Some(serde_json::json!({"meeting": confid, "count": bad})),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "count {bad}");
    }
}
