//! Property tests: an event-channel body of any shape decodes or fails cleanly through the
//! client's decoding path (`Response::json`), and a well-formed batch decodes to itself.

use std::time::Duration;

use proptest::prelude::*;
use reqwest::header::HeaderMap;
use serde_json::{Map, Value};
use url::Url;

use super::*;
use crate::api::error::ApiError;
use crate::api::response::Response;
use crate::api::wire::{Link, LinkValue, Links, OperationStatus, RelLink, UcwaError, UcwaSubcode};

/// Object keys an event channel uses, plus arbitrary ones.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "_links", "sender", "events", "link", "in", "rel", "href", "title", "type", "status",
            "reason", "_embedded", "next", "resync", "resume", "self", "code", "subcode",
            "message", "state", "participant", "conversation", "localParticipant", "revision",
            "baseuri", "operationId", "onlineMeetingInvitation",
        ])
        .prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

/// A JSON value of the shapes an event body has, without floats (serde_json does not promise
/// to print every float back exactly) so that values compare after a round trip.
pub(crate) fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![
            "added",
            "updated",
            "deleted",
            "started",
            "completed",
            "Success",
            "Failure",
            "InLobby",
            "Conferenced",
            "Disconnected",
            "/ucwa/x",
            "https://pool.example/y",
            "/Date(1466991733094)/",
            "data:text/plain,Hi+there",
            "",
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn response(body: Vec<u8>) -> Response {
    Response {
        status: 200,
        headers: HeaderMap::new(),
        body: body.into(),
        url: Url::parse("https://pool.example/ucwa/oauth/v1/applications/1/events?ack=1")
            .expect("static URL"),
        elapsed: Duration::ZERO,
    }
}

/// Decode as `ucwa::get_events` does and use the batch the way the engine does.
fn decode(body: Vec<u8>) -> Result<EventBatch, ApiError> {
    let batch: EventBatch = response(body).json()?;
    let _ = batch.continuation();
    let _ = batch.is_empty();
    for (_, event) in batch.events() {
        let _ = event.resource::<Value>();
        let _ = (event.succeeded(), event.failed());
    }
    Ok(batch)
}

fn href() -> impl Strategy<Value = String> {
    prop_oneof![
        "/ucwa/oauth/v1/applications/1/[a-zA-Z0-9/]{0,30}",
        "https://pool\\.example/ucwa/[a-z0-9/]{0,20}",
        any::<String>(),
    ]
}

/// The rels the meeting tracker acts on (with and without a Trusted Application API prefix),
/// and arbitrary ones.
fn rel() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "onlineMeetingInvitation", "conversation", "localParticipant", "participant",
            "messaging", "message", "onlineMeeting", "typingParticipants", "participantMessaging",
            "service:conversation", "ms:rtc:saas:participant", "communication",
        ])
        .prop_map(str::to_string),
        1 => "[a-zA-Z:]{1,24}",
    ]
}

fn rel_link() -> impl Strategy<Value = RelLink> {
    (rel(), href(), proptest::option::of(any::<String>())).prop_map(|(rel, href, title)| RelLink {
        rel,
        href,
        title,
    })
}

fn event() -> impl Strategy<Value = Event> {
    (
        rel_link(),
        proptest::option::of(rel_link()),
        prop::sample::select(vec![
            EventType::Added,
            EventType::Updated,
            EventType::Deleted,
            EventType::Started,
            EventType::Completed,
        ]),
        proptest::option::of(prop::sample::select(vec!["Success", "Failure", "whatever"])),
        proptest::option::of(("[A-Za-z]{1,12}", proptest::option::of("[A-Za-z]{1,12}"))),
        prop::collection::btree_map(rel(), json_value(), 0..3),
    )
        .prop_map(|(link, in_, kind, status, reason, embedded)| Event {
            link,
            in_,
            kind,
            status: status.map(OperationStatus::from),
            reason: reason.map(|(code, subcode)| UcwaError {
                code: code.into(),
                subcode: subcode.map(UcwaSubcode::from),
                ..UcwaError::default()
            }),
            embedded: Embedded(embedded),
        })
}

pub(crate) fn batch() -> impl Strategy<Value = EventBatch> {
    (
        prop::collection::vec(
            (
                prop::sample::select(vec!["next", "resync", "resume", "self"]),
                href(),
            ),
            0..3,
        ),
        prop::collection::vec((rel(), href(), prop::collection::vec(event(), 0..5)), 0..4),
        proptest::option::of(href()),
    )
        .prop_map(|(links, senders, baseuri)| {
            let mut l = Links::default();
            for (rel, href) in links {
                l.0.insert(rel.to_string(), LinkValue::One(Link::new(href)));
            }
            EventBatch {
                links: l,
                sender: senders
                    .into_iter()
                    .map(|(rel, href, events)| SenderBlock { rel, href, events })
                    .collect(),
                baseuri,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Err(e) = decode(body) {
            prop_assert!(matches!(e, ApiError::Malformed { .. }), "{e:?}");
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let body = serde_json::to_vec(&value).expect("a Value serialises");
        if let Ok(batch) = decode(body) {
            // Whatever the client accepted survives its own serialisation.
            let again = serde_json::to_vec(&batch).expect("a batch serialises");
            let twice = decode(again).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(twice, batch);
        }
    }

    #[test]
    fn generated_batches_decode_to_themselves(batch in batch()) {
        let body = serde_json::to_vec(&batch).expect("a batch serialises");
        let decoded = decode(body).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decoded, batch);
    }
}
