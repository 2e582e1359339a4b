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

// ---- "call me" ----

use crate::api::wire::phone::{CallState, PhoneAudio, PhoneAudioInvitation};
use crate::emulator::config::{DialOut, MeetingPhone, PhoneOutcome, PhoneScript};

/// RICH with `dial_out` and the phone answering as `outcome` after 40 ms.
fn set_phone(h: &Harness, dial_out: DialOut, outcome: PhoneOutcome, hang_up: Option<u64>) {
    h.control()
        .set_phone(
            RICH,
            MeetingPhone {
                dial_in: Some(DialIn::sample()),
                dial_out,
                script: PhoneScript {
                    outcome,
                    after_ms: 40,
                    hang_up_after_ms: hang_up,
                },
            },
        )
        .unwrap();
}

/// A guest in RICH and the `phoneAudio` its admission brought.
async fn in_rich(h: &Harness, name: &str) -> (Guest, PhoneAudio) {
    let mut g = h.guest(RICH, name).await;
    h.join(&g, RICH, "op").await;
    let batches = h.batches_until(&mut g, |e| e.succeeded()).await;
    let pa = find(&batches, "phoneAudio", "updated")
        .resource::<PhoneAudio>()
        .unwrap()
        .unwrap();
    (g, pa)
}

fn call_body(h: &Harness, number: &str) -> Value {
    serde_json::json!({"operationId": "pa-1", "phoneNumber": number, "to": h.confid(RICH)})
}

fn calls(h: &Harness) -> Vec<(String, String)> {
    h.control()
        .phone(RICH)
        .unwrap()
        .1
        .into_iter()
        .map(|c| (c.number, c.state))
        .collect()
}

// Long on purpose: one call from ringing to hanging up, checked in order.
#[tokio::test]
async fn call_me_rings_connects_and_stops() {
    let h = Harness::new();
    set_phone(&h, DialOut::Allowed, PhoneOutcome::Answer, None);
    let (mut g, pa) = in_rich(&h, "Caller").await;
    assert_eq!(pa.state, Some(CallState::Disconnected));
    let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
    assert!(!pa.links.has(Rel::StopPhoneAudio));
    let resp = h
        .pool(
            &g,
            Method::POST,
            &add,
            Some(call_body(&h, "tel:+14255550123")),
        )
        .await;
    assert_eq!(resp.status, StatusCode::CREATED, "{:?}", resp.body);
    let location = resp.header("location").unwrap().to_string();
    assert!(location.contains("/communication/phoneAudioInvitations/"));
    let b = h.batch(&mut g).await;
    assert_eq!(
        summary(&b),
        vec![
            s3("communication", "phoneAudioInvitation", "started"),
            s3("conversation", "phoneAudio", "updated"),
        ]
    );
    let inv: PhoneAudioInvitation = b.events().next().unwrap().1.resource().unwrap().unwrap();
    assert_eq!(inv.operation_id.as_deref(), Some("pa-1"));
    assert_eq!(inv.state, Some(InvitationState::Connecting));
    let ringing: PhoneAudio = b.events().nth(1).unwrap().1.resource().unwrap().unwrap();
    assert_eq!(ringing.state, Some(CallState::Connecting));
    let stop = ringing.links.href(Rel::StopPhoneAudio).unwrap().to_string();
    assert_eq!(calls(&h), [("+14255550123".into(), "ringing".into())]);

    let batches = h
        .batches_until(&mut g, |e| e.link.rel == "phoneAudioInvitation")
        .await;
    let b = batches.last().unwrap();
    assert_eq!(
        summary(b),
        vec![
            s3("communication", "phoneAudioInvitation", "completed"),
            s3("conversation", "phoneAudio", "updated"),
            s3("conversation", "participantAudio", "added"),
            s3("communication", "conversation", "updated"),
        ]
    );
    assert!(b.events().next().unwrap().1.succeeded());
    let conv: crate::api::wire::ucwa::Conversation =
        b.events().nth(3).unwrap().1.resource().unwrap().unwrap();
    assert!(
        conv.active_modalities
            .unwrap()
            .contains(&"Audio".to_string())
    );
    assert_eq!(calls(&h)[0].1, "connected");
    let now: PhoneAudio = h
        .pool(&g, Method::GET, &add.replace("/addPhoneAudio", ""), None)
        .await
        .decode();
    assert_eq!(now.state, Some(CallState::Connected));
    assert_eq!(
        h.pool(&g, Method::GET, &location, None)
            .await
            .decode::<PhoneAudioInvitation>()
            .state,
        Some(InvitationState::Connected)
    );
    // A second call while one is connected conflicts.
    let again = h
        .pool(&g, Method::POST, &add, Some(call_body(&h, "+14255550123")))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    // Hang up.
    assert_eq!(
        h.pool(&g, Method::POST, &stop, None).await.status,
        StatusCode::NO_CONTENT
    );
    let b = h.batch(&mut g).await;
    assert_eq!(
        summary(&b),
        vec![
            s3("conversation", "phoneAudio", "updated"),
            s3("conversation", "participantAudio", "deleted"),
            s3("communication", "conversation", "updated"),
        ]
    );
    assert_eq!(calls(&h)[0].1, "stopped");
}

#[tokio::test]
async fn dial_out_refused_at_once_later_or_not_offered() {
    let h = Harness::new();
    set_phone(&h, DialOut::RefusedAtOnce, PhoneOutcome::Answer, None);
    let (g, pa) = in_rich(&h, "Refused").await;
    let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
    let resp = h
        .pool(&g, Method::POST, &add, Some(call_body(&h, "+14255550123")))
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert_eq!(resp.error().subcode, Some(UcwaSubcode::DialoutNotAllowed));

    set_phone(&h, DialOut::RefusedLater, PhoneOutcome::Answer, None);
    let (mut g, pa) = in_rich(&h, "Later").await;
    let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
    let resp = h
        .pool(&g, Method::POST, &add, Some(call_body(&h, "+14255550123")))
        .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    let batches = h
        .batches_until(&mut g, |e| {
            e.link.rel == "phoneAudioInvitation" && e.kind == crate::api::wire::EventType::Completed
        })
        .await;
    let done = find(&batches, "phoneAudioInvitation", "completed");
    assert!(done.failed());
    let reason = done.reason.clone().unwrap();
    assert_eq!(
        (reason.code, reason.subcode),
        (UcwaCode::Forbidden, Some(UcwaSubcode::DialoutNotAllowed))
    );

    set_phone(&h, DialOut::NotOffered, PhoneOutcome::Answer, None);
    let (g, pa) = in_rich(&h, "NotOffered").await;
    assert!(!pa.links.has(Rel::AddPhoneAudio), "not offered");
    let path = format!(
        "{}/phoneAudio/addPhoneAudio",
        pa.links.href(Rel::Conversation).unwrap()
    );
    let resp = h
        .pool(&g, Method::POST, &path, Some(call_body(&h, "+14255550123")))
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert_eq!(resp.error().subcode, None);
}

#[tokio::test]
async fn busy_no_answer_and_declined_fail_with_their_reason() {
    let h = Harness::new();
    for (outcome, subcode, state) in [
        (PhoneOutcome::Busy, UcwaSubcode::Busy, "busy"),
        (PhoneOutcome::NoAnswer, UcwaSubcode::Timeout, "no_answer"),
        (
            PhoneOutcome::Decline,
            UcwaSubcode::PstnCallFailed,
            "declined",
        ),
    ] {
        set_phone(&h, DialOut::Allowed, outcome, None);
        let (mut g, pa) = in_rich(&h, state).await;
        let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
        h.pool(&g, Method::POST, &add, Some(call_body(&h, "+14255550123")))
            .await;
        let batches = h
            .batches_until(&mut g, |e| {
                e.link.rel == "phoneAudioInvitation"
                    && e.kind == crate::api::wire::EventType::Completed
            })
            .await;
        let reason = find(&batches, "phoneAudioInvitation", "completed")
            .reason
            .clone()
            .unwrap();
        assert_eq!(
            (reason.code, reason.subcode),
            (UcwaCode::LocalFailure, Some(subcode.clone())),
            "{state}"
        );
        assert_eq!(calls(&h).last().unwrap().1, state);
        let after: PhoneAudio = h
            .pool(&g, Method::GET, &add.replace("/addPhoneAudio", ""), None)
            .await
            .decode();
        assert_eq!(after.state, Some(CallState::Disconnected));
        assert!(after.links.has(Rel::AddPhoneAudio), "may call again");
    }
}

#[tokio::test]
async fn bad_requests_never_ring() {
    let h = Harness::new();
    set_phone(&h, DialOut::Allowed, PhoneOutcome::Answer, None);
    let (g, pa) = in_rich(&h, "Typo").await;
    let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
    for (body, status, subcode) in [
        (
            serde_json::json!({"phoneNumber": "+14255550123"}),
            StatusCode::BAD_REQUEST,
            UcwaSubcode::ParameterValidationFailure,
        ),
        (
            serde_json::json!({"to": h.confid(RICH)}),
            StatusCode::BAD_REQUEST,
            UcwaSubcode::ParameterValidationFailure,
        ),
        (
            call_body(&h, "0425 555 0123"),
            StatusCode::BAD_REQUEST,
            UcwaSubcode::NormalizationFailed,
        ),
        (
            serde_json::json!({"phoneNumber": "+14255550123", "to": "sip:other@contoso.example"}),
            StatusCode::BAD_REQUEST,
            UcwaSubcode::ParameterValidationFailure,
        ),
    ] {
        let resp = h.pool(&g, Method::POST, &add, Some(body.clone())).await;
        assert_eq!(resp.status, status, "{body}");
        assert_eq!(resp.error().subcode, Some(subcode), "{body}");
    }
    assert!(calls(&h).is_empty());
}

#[tokio::test]
async fn leaving_while_ringing_ends_the_call_and_a_hang_up_is_seen() {
    let h = Harness::new();
    set_phone(&h, DialOut::Allowed, PhoneOutcome::Answer, None);
    h.control()
        .set_phone(
            RICH,
            MeetingPhone {
                script: PhoneScript {
                    outcome: PhoneOutcome::Answer,
                    after_ms: 400,
                    hang_up_after_ms: None,
                },
                ..h.control().phone(RICH).unwrap().0
            },
        )
        .unwrap();
    let (g, pa) = in_rich(&h, "Leaver").await;
    let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
    h.pool(&g, Method::POST, &add, Some(call_body(&h, "+14255550123")))
        .await;
    let conv = pa.links.href(Rel::Conversation).unwrap().to_string();
    assert_eq!(
        h.pool(&g, Method::DELETE, &conv, None).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(calls(&h)[0].1, "left");
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(calls(&h)[0].1, "left", "the ring timer found the call over");

    // The phone hangs up by itself after a while.
    set_phone(&h, DialOut::Allowed, PhoneOutcome::Answer, Some(40));
    let (mut g, pa) = in_rich(&h, "Short").await;
    let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
    h.pool(&g, Method::POST, &add, Some(call_body(&h, "+14255550123")))
        .await;
    h.batches_until(&mut g, |e| {
        e.link.rel == "participantAudio" && e.kind == crate::api::wire::EventType::Deleted
    })
    .await;
    assert_eq!(calls(&h).last().unwrap().1, "hung_up");
}

#[tokio::test]
async fn the_phone_is_set_and_read_over_http() {
    let h = Harness::new();
    let body = serde_json::json!({
        "meeting": RICH,
        "phone": {"dial_out": "refused_later", "script": {"outcome": "busy", "after_ms": 10}}
    });
    let resp = h
        .platform(Method::POST, "/control/phone", None, Some(body))
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{:?}", resp.body);
    let (phone, _) = h.control().phone(RICH).unwrap();
    assert_eq!(phone.dial_out, DialOut::RefusedLater);
    assert_eq!(phone.script.outcome, PhoneOutcome::Busy);
    assert_eq!(phone.dial_in, None, "replaced as a whole");
    let uri = format!(
        "/control/phone?meeting={}",
        url::form_urlencoded::byte_serialize(RICH.as_bytes()).collect::<String>()
    );
    let resp = h.platform(Method::GET, &uri, None, None).await;
    assert_eq!(resp.json()["phone"]["dial_out"], "refused_later");
    assert!(resp.json()["calls"].as_array().unwrap().is_empty());
    let bad = h
        .platform(
            Method::POST,
            "/control/phone",
            None,
            Some(serde_json::json!({"meeting": RICH, "phone": {"dial_out": "maybe"}})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_others_see_the_callers_audio_in_the_roster() {
    let h = Harness::new();
    set_phone(&h, DialOut::Allowed, PhoneOutcome::Answer, None);
    let (mut other, _) = in_rich(&h, "Watcher").await;
    let (caller, pa) = in_rich(&h, "Caller").await;
    // The watcher sees the caller arrive, without audio.
    let batches = h
        .batches_until(&mut other, |e| e.link.title.as_deref() == Some("Caller"))
        .await;
    let arrived: crate::api::wire::ucwa::Participant = find(&batches, "participant", "added")
        .resource()
        .unwrap()
        .unwrap();
    assert!(!arrived.links.has(Rel::ParticipantAudio));
    let add = pa.links.href(Rel::AddPhoneAudio).unwrap().to_string();
    h.pool(
        &caller,
        Method::POST,
        &add,
        Some(call_body(&h, "+14255550123")),
    )
    .await;
    let batches = h
        .batches_until(&mut other, |e| {
            e.link.rel == "participant" && e.kind == crate::api::wire::EventType::Updated
        })
        .await;
    let updated: crate::api::wire::ucwa::Participant = find(&batches, "participant", "updated")
        .resource()
        .unwrap()
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("Caller"));
    assert!(updated.links.has(Rel::ParticipantAudio), "on the phone");
}
