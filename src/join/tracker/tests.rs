use super::*;
use crate::api::wire::{
    Direction, InvitationState, OperationStatus, RelLink, SenderBlock, UcwaSubcode,
};

const COMM: &str = "/ucwa/psanon/v1/applications/1/communication";
const CONV: &str = "/ucwa/psanon/v1/applications/1/communication/conversations/7";

fn base() -> Url {
    Url::parse("http://127.0.0.1:9/ucwa/psanon/v1/applications/1/events?ack=2").unwrap()
}

fn batch(blocks: Vec<SenderBlock>) -> EventBatch {
    EventBatch {
        sender: blocks,
        ..Default::default()
    }
}

fn omi(kind: EventType, op: &str, state: InvitationState) -> Event {
    let r = OnlineMeetingInvitation {
        operation_id: Some(op.into()),
        state: Some(state),
        links: crate::api::wire::Links::new()
            .with(Rel::Conversation, crate::api::wire::Link::new(CONV)),
        ..Default::default()
    };
    Event::new(
        kind,
        RelLink::new(
            Rel::OnlineMeetingInvitation,
            format!("{COMM}/onlineMeetingInvitations/5"),
        ),
    )
    .embed(Rel::OnlineMeetingInvitation, &r)
}

fn conv(kind: EventType, state: ConversationState) -> Event {
    Event::new(kind, RelLink::new(Rel::Conversation, CONV)).embed(
        Rel::Conversation,
        &Conversation {
            state: Some(state),
            ..Default::default()
        },
    )
}

fn local(in_lobby: bool) -> Event {
    Event::new(
        EventType::Added,
        RelLink::new(Rel::LocalParticipant, format!("{CONV}/participants/me")),
    )
    .embed(
        Rel::Participant,
        &WireParticipant {
            in_lobby: Some(in_lobby),
            local: Some(true),
            ..Default::default()
        },
    )
}

fn person(kind: EventType, id: &str, name: &str) -> Event {
    Event::new(
        kind,
        RelLink::new(Rel::Participant, format!("{CONV}/participants/{id}")).with_title(name),
    )
}

#[test]
fn lobby_then_admitted_then_roster() {
    let mut t = MeetingTracker::new("op1");
    let b1 = batch(vec![SenderBlock::new(
        Rel::Communication,
        COMM,
        vec![
            omi(EventType::Started, "op1", InvitationState::Connecting),
            conv(EventType::Added, ConversationState::Connecting),
        ],
    )]);
    assert!(t.observe(&b1, &base()).is_empty());
    let b2 = batch(vec![
        SenderBlock::new(Rel::Conversation, CONV, vec![local(true)]),
        SenderBlock::new(
            Rel::Communication,
            COMM,
            vec![conv(EventType::Updated, ConversationState::InLobby)],
        ),
    ]);
    assert_eq!(t.observe(&b2, &base()), vec![Observation::Lobby]);
    let b3 = batch(vec![
        SenderBlock::new(
            Rel::Conversation,
            CONV,
            vec![local(false), person(EventType::Added, "sip:ann@x", "Ann")],
        ),
        SenderBlock::new(
            Rel::Communication,
            COMM,
            vec![
                conv(EventType::Updated, ConversationState::Conferenced),
                omi(EventType::Completed, "op1", InvitationState::Connected)
                    .status(OperationStatus::Success),
            ],
        ),
    ]);
    let obs = t.observe(&b3, &base());
    assert_eq!(obs[0], Observation::Admitted);
    assert!(
        matches!(&obs[1], Observation::ParticipantJoined(p) if p.me && p.id == "me"),
        "{obs:?}"
    );
    assert!(
        matches!(&obs[2], Observation::ParticipantJoined(p) if p.name == "Ann" && p.id == "sip:ann@x" && !p.me)
    );
    assert_eq!(obs.len(), 3, "{obs:?}");
    let b4 = batch(vec![SenderBlock::new(
        Rel::Conversation,
        CONV,
        vec![person(EventType::Deleted, "sip:ann@x", "")],
    )]);
    assert_eq!(
        t.observe(&b4, &base()),
        vec![Observation::ParticipantLeft {
            id: "sip:ann@x".into(),
            name: "Ann".into()
        }]
    );
}

#[test]
fn a_batch_that_jumps_straight_to_completed() {
    let mut t = MeetingTracker::new("op1");
    let b = batch(vec![SenderBlock::new(
        Rel::Communication,
        COMM,
        vec![
            omi(EventType::Completed, "op1", InvitationState::Connected)
                .status(OperationStatus::Success),
        ],
    )]);
    assert_eq!(t.observe(&b, &base()), vec![Observation::Admitted]);
    assert!(
        t.conversation()
            .is_some_and(|c| c.path().ends_with("/conversations/7"))
    );
}

#[test]
fn denial_and_foreign_operations() {
    let mut t = MeetingTracker::new("op1");
    let other = batch(vec![SenderBlock::new(
        Rel::Communication,
        COMM,
        vec![
            omi(EventType::Completed, "op2", InvitationState::Failed)
                .status(OperationStatus::Failure),
        ],
    )]);
    assert!(matches!(
        t.observe(&other, &base())[0],
        Observation::Ignored { .. }
    ));
    let denied = omi(EventType::Completed, "op1", InvitationState::Failed)
        .status(OperationStatus::Failure)
        .reason(UcwaError::new(
            UcwaCode::Forbidden,
            Some(UcwaSubcode::Denied),
            "denied",
        ));
    let b = batch(vec![SenderBlock::new(
        Rel::Communication,
        COMM,
        vec![
            denied,
            conv(EventType::Deleted, ConversationState::default()),
        ],
    )]);
    let obs = t.observe(&b, &base());
    assert!(
        matches!(&obs[0], Observation::JoinFailed { reason } if reason.subcode == Some(UcwaSubcode::Denied))
    );
    assert!(matches!(&obs[1], Observation::Ended { .. }));
}

#[test]
fn server_side_end_after_joining() {
    let mut t = MeetingTracker::new("op1");
    t.observe(
        &batch(vec![SenderBlock::new(
            Rel::Communication,
            COMM,
            vec![
                omi(EventType::Completed, "op1", InvitationState::Connected)
                    .status(OperationStatus::Success),
            ],
        )]),
        &base(),
    );
    let gone = Event::new(
        EventType::Deleted,
        RelLink::new(Rel::LocalParticipant, format!("{CONV}/participants/me")),
    )
    .reason(UcwaError::new(
        UcwaCode::Gone,
        Some(UcwaSubcode::Ejected),
        "removed",
    ));
    let obs = t.observe(
        &batch(vec![SenderBlock::new(Rel::Conversation, CONV, vec![gone])]),
        &base(),
    );
    assert!(
        matches!(&obs[0], Observation::Ended { reason: Some(r) } if r.subcode == Some(UcwaSubcode::Ejected))
    );
    let foreign = batch(vec![SenderBlock::new(
        Rel::Conversation,
        "/ucwa/psanon/v1/applications/1/communication/conversations/99",
        vec![person(EventType::Added, "x", "X")],
    )]);
    assert!(matches!(
        t.observe(&foreign, &base())[0],
        Observation::Ignored { .. }
    ));
}

fn message_event(from: Option<crate::api::wire::Link>, body: crate::api::wire::Link) -> Event {
    let mut links = crate::api::wire::Links::new().with(Rel::PlainMessage, body);
    if let Some(f) = from {
        links.insert(Rel::Participant, f);
    }
    let m = crate::api::wire::ucwa::Message {
        direction: Some(Direction::Incoming),
        links,
        ..Default::default()
    };
    Event::new(
        EventType::Completed,
        RelLink::new(Rel::Message, format!("{CONV}/messaging/messages/1")),
    )
    .embed(Rel::Message, &m)
    .status(OperationStatus::Success)
}

#[test]
fn hostile_messages_are_shown_safely_or_ignored() {
    let mut t = MeetingTracker::new("op1");
    t.observe(
        &batch(vec![SenderBlock::new(
            Rel::Communication,
            COMM,
            vec![
                omi(EventType::Completed, "op1", InvitationState::Connected)
                    .status(OperationStatus::Success),
            ],
        )]),
        &base(),
    );
    let bad = message_event(
        None,
        crate::api::wire::Link::new("data:text/plain;base64,%%%"),
    );
    let obs = t.observe(
        &batch(vec![SenderBlock::new(Rel::Conversation, CONV, vec![bad])]),
        &base(),
    );
    assert!(
        matches!(&obs[0], Observation::Ignored { what } if what.contains("unreadable")),
        "{obs:?}"
    );

    let mut unknown = message_event(
        None,
        crate::api::wire::Link::new("data:text/plain,hi+there"),
    );
    unknown.link.href = format!("{CONV}/messaging/messages/2");
    let obs = t.observe(
        &batch(vec![SenderBlock::new(
            Rel::Conversation,
            CONV,
            vec![unknown.clone()],
        )]),
        &base(),
    );
    assert_eq!(
        obs,
        vec![Observation::MessageReceived {
            from: "Unknown participant".into(),
            text: "hi there".into(),
            at_ms: match &obs[0] {
                Observation::MessageReceived { at_ms, .. } => *at_ms,
                _ => 0,
            }
        }]
    );
    assert!(
        t.observe(
            &batch(vec![SenderBlock::new(
                Rel::Conversation,
                CONV,
                vec![unknown]
            )]),
            &base()
        )
        .is_empty(),
        "a message is reported once"
    );

    let foreign = message_event(None, crate::api::wire::Link::new("data:text/plain,x"));
    let other_conv = "/ucwa/psanon/v1/applications/1/communication/conversations/99";
    let obs = t.observe(
        &batch(vec![SenderBlock::new(
            Rel::Conversation,
            other_conv,
            vec![foreign],
        )]),
        &base(),
    );
    assert!(matches!(&obs[0], Observation::Ignored { .. }));
}

#[test]
fn an_outgoing_message_is_known_by_its_direction_or_its_missing_body() {
    let mut t = MeetingTracker::new("op1");
    for direction in [Some(Direction::Outgoing), None] {
        let m = crate::api::wire::ucwa::Message {
            direction,
            operation_id: Some("send-1".into()),
            ..Default::default()
        };
        let e = Event::new(
            EventType::Completed,
            RelLink::new(Rel::Message, format!("{CONV}/messaging/messages/3")),
        )
        .embed(Rel::Message, &m)
        .status(OperationStatus::Success);
        let obs = t.observe(
            &batch(vec![SenderBlock::new(Rel::Conversation, CONV, vec![e])]),
            &base(),
        );
        assert_eq!(
            obs,
            vec![Observation::MessageOutcome {
                operation_id: Some("send-1".into()),
                delivered: true,
                reason: None,
            }]
        );
    }
}
