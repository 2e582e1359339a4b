//! Decodes every published example in `tests/fixtures/ucwa` (Microsoft's JSON examples, copied
//! verbatim; `tests/fixtures/ucwa/INDEX.md` names each one's source) with the matching wire type.
//! Files that are not valid JSON verbatim (elisions, typos in Microsoft's docs) are listed by name
//! as expected failures; the test fails if one of them starts parsing or any other file fails.

use std::path::PathBuf;

use serde::de::DeserializeOwned;

use super::data_uri;
use super::events::EventBatch;
use super::hal::Link;
use super::platform::{
    AdhocMeeting, AnonTokenRequest, AnonTokenResponse, HalResource, WebhookCallbackResponse,
};
use super::psat;
use super::rel::Rel;
use super::ucwa::*;
use super::webticket::{WebTicketError, WebTicketToken};
use super::{UcwaError, error_body::ServiceError};

/// Not valid JSON as published (see tests/fixtures/ucwa/INDEX.md).
const UNPARSEABLE: [&str; 6] = [
    "anon-discover-response.trace.json", // a raw newline inside the self href string
    "events-conversation-connected-messaging-connected.sendim.doc.json", // elided
    "events-messagingInvitation-incoming-started.receiveim.doc.json", // typo: type":"added
    "events-messagingInvitation-started.sendim.doc.json", // elided with '.' lines
    "events-sample.eventsinucwa.doc.json", // elided with '...'
    "ucwa-applications-create-request.doc.json", // trailing comma
];

fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ucwa")
}

fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str::<T>(text).map_err(|e| e.to_string())
}

/// Decode an event batch and every embedded resource with the type its rel names.
fn decode_events(text: &str) -> Result<(), String> {
    let batch: EventBatch = decode(text)?;
    if batch.sender.is_empty() {
        return Err("no sender blocks".into());
    }
    for (_, ev) in batch.events() {
        let rel = &ev.link.rel;
        let checked = match ev.link.rel() {
            Some(Rel::Conversation) => ev.resource::<Conversation>().map(|r| r.map(drop)),
            Some(Rel::Participant | Rel::LocalParticipant) => {
                ev.resource::<Participant>().map(|r| r.map(drop))
            }
            Some(Rel::OnlineMeetingInvitation) => ev
                .resource::<OnlineMeetingInvitation>()
                .map(|r| r.map(drop)),
            Some(Rel::OnlineMeeting) => ev.resource::<OnlineMeeting>().map(|r| r.map(drop)),
            Some(Rel::Messaging) => ev.resource::<Messaging>().map(|r| r.map(drop)),
            Some(Rel::MessagingInvitation) => {
                ev.resource::<MessagingInvitation>().map(|r| r.map(drop))
            }
            Some(Rel::Communication) => ev.resource::<Communication>().map(|r| r.map(drop)),
            Some(Rel::Message) => ev.resource::<Message>().map(|r| {
                r.and_then(|m| {
                    for body in [Rel::PlainMessage, Rel::HtmlMessage] {
                        if let Some(l) = m.links.get(body) {
                            data_uri::decode(&l.href).map_err(serde::de::Error::custom)?;
                        }
                    }
                    Ok(())
                })
            }),
            _ => None,
        };
        if let Some(Err(e)) = checked {
            return Err(format!("embedded {rel}: {e}"));
        }
    }
    Ok(())
}

fn decode_file(name: &str, text: &str) -> Result<(), String> {
    let stem = name.split('.').next().unwrap_or(name);
    match stem {
        s if s.starts_with("events-") || s.starts_with("ta-event-") => decode_events(text),
        "ta-anonApplicationToken-response" => {
            let t: AnonTokenResponse = decode(text)?;
            t.links.href(Rel::Discover).ok_or("no discover link")?;
            psat::decode_unverified(&t.token).map_err(|e| e.to_string())?;
            Ok(())
        }
        "ta-anonApplicationTokens-request" => decode::<AnonTokenRequest>(text).map(drop),
        "ta-discover-response" | "ta-applications-response" | "ta-application-capabilities" => {
            decode::<HalResource>(text).map(drop)
        }
        "ta-application-href" => decode::<Link>(text).map(drop),
        "ta-adhocMeeting-response" => decode::<AdhocMeeting>(text).map(drop),
        "ta-messagingInvitations-request-with-callback"
        | "anon-messagingInvitations-request-p2p"
        | "ucwa-startMessaging-request" => decode::<MessagingRequest>(text).map(drop),
        "ta-webhook-callback-response" => decode::<WebhookCallbackResponse>(text).map(drop),
        "anon-application-create-request"
        | "ucwa-anonApplications-request"
        | "ucwa-applications-create-request" => {
            let r: ApplicationRequest = decode(text)?;
            if r.culture.is_empty() {
                return Err("culture missing after case-insensitive decoding".into());
            }
            Ok(())
        }
        "anon-application-created"
        | "ucwa-anonApplications-created"
        | "ucwa-application-created" => {
            let a: Application = decode(text)?;
            a.links.href(Rel::Events).ok_or("no events link")?;
            if let Some(c) = a.embedded.get::<Communication>(Rel::Communication) {
                c.map_err(|e| e.to_string())?;
            }
            if let Some(m) = a.embedded.get::<Me>(Rel::Me) {
                m.map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        "anon-discover-response" => {
            let d: AnonDiscover = decode(text)?;
            d.links
                .href(Rel::AnonApplications)
                .ok_or("no anonApplications link")?;
            Ok(())
        }
        "anon-onlineMeetingInvitations-request"
        | "ucwa-joinOnlineMeeting-request"
        | "ucwa-onlineMeetingInvitations-request" => {
            decode::<OnlineMeetingInvitationRequest>(text).map(drop)
        }
        "ucwa-autodiscover-root-response"
        | "ucwa-autodiscover-redirect"
        | "ucwa-autodiscover-root-user-xframe"
        | "ucwa-user-resource-response" => decode::<HalResource>(text).map(drop),
        "ucwa-error-body" => decode::<UcwaError>(text).map(drop),
        "ucwa-message-get" => decode::<Message>(text).map(drop),
        "ucwa-onlineMeetingInvitation-get" => decode::<OnlineMeetingInvitation>(text).map(drop),
        "webticket-token-response" => decode::<WebTicketToken>(text).map(drop),
        s if s.starts_with("webticket-error") => decode::<WebTicketError>(text).map(drop),
        other => Err(format!("no wire type is mapped to sample {other}")),
    }
}

#[test]
fn every_parseable_published_sample_decodes() {
    let dir = samples_dir();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    entries.sort();
    assert!(
        entries.len() >= 90,
        "expected the 93 published samples, found {}",
        entries.len()
    );

    let mut failures = Vec::new();
    let mut decoded = 0;
    for name in &entries {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let result = decode_file(name, &text);
        let expected_unparseable = UNPARSEABLE.contains(&name.as_str());
        match (result, expected_unparseable) {
            (Ok(()), false) => decoded += 1,
            (Ok(()), true) => failures.push(format!("{name}: listed as unparseable but decoded")),
            (Err(e), false) => failures.push(format!("{name}: {e}")),
            (Err(_), true) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "samples that did not decode:\n{}",
        failures.join("\n")
    );
    assert_eq!(decoded + UNPARSEABLE.len(), entries.len());
}

#[test]
fn published_psat_carries_the_conference_claim() {
    let text = std::fs::read_to_string(
        samples_dir().join("ta-anonApplicationToken-response.fixture.json"),
    )
    .unwrap();
    let t: AnonTokenResponse = serde_json::from_str(&text).unwrap();
    let c = psat::decode_unverified(&t.token).unwrap();
    assert_eq!(
        c.confid.as_deref(),
        Some("sip:bl20r02meet1323@NOAMmeetings.lync.com;gruu;opaque=app:conf:focus:id:Z88P1HYS")
    );
    assert_eq!(c.exp - c.nbf, 28_800);
    assert_eq!(t.expiry_time.unix_ms, 1488872625837);
}

#[test]
fn service_error_accepts_old_and_new_shapes() {
    let e: ServiceError =
        serde_json::from_str(r#"{"Error":"bad","Code":"MeetingUrlNotAllowed"}"#).unwrap();
    assert_eq!(e.code.as_deref(), Some("MeetingUrlNotAllowed"));
    let e: ServiceError = serde_json::from_str(r#"{"error":"bad"}"#).unwrap();
    assert_eq!((e.error.as_str(), e.code), ("bad", None));
}
