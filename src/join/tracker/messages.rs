//! Chat events: incoming messages as safe plain text, outcomes of outgoing ones.

use url::Url;

use crate::api::wire::ucwa::Message;
use crate::api::wire::{Direction, Event, EventType, OperationStatus, Rel, data_uri};

use super::super::chat_text;
use super::{MeetingTracker, Observation, participant_id};

impl MeetingTracker {
    pub(super) fn on_message(&mut self, event: &Event, href: &Url, out: &mut Vec<Observation>) {
        let Some(Ok(m)) = event.resource::<Message>() else {
            out.push(Observation::Ignored {
                what: "a message event without a readable message".into(),
            });
            return;
        };
        // The guest's own message: said by `direction`, or (without one) by the missing body,
        // as the published outgoing samples carry none.
        let has_body = m.links.has(Rel::PlainMessage) || m.links.has(Rel::HtmlMessage);
        let outgoing = match &m.direction {
            Some(d) => *d == Direction::Outgoing,
            None => !has_body,
        };
        if outgoing {
            if event.kind == EventType::Completed {
                out.push(Observation::MessageOutcome {
                    operation_id: m.operation_id.clone(),
                    delivered: !event.failed() && m.status != Some(OperationStatus::Failed),
                    reason: event.reason.clone(),
                });
            }
            return;
        }
        if event.failed() || !self.seen_messages.insert(href.path().to_string()) {
            return;
        }
        let body = m
            .links
            .get(Rel::PlainMessage)
            .map(|l| (l, false))
            .or_else(|| m.links.get(Rel::HtmlMessage).map(|l| (l, true)));
        let Some((link, html)) = body else {
            out.push(Observation::Ignored {
                what: "an incoming message without a body".into(),
            });
            return;
        };
        let text = match data_uri::decode(&link.href) {
            Ok(d) if html || d.media_type == "text/html" => chat_text::html_to_text(&d.text),
            Ok(d) => chat_text::clean(&d.text),
            Err(e) => {
                out.push(Observation::Ignored {
                    what: format!("an incoming message whose body is unreadable ({e})"),
                });
                return;
            }
        };
        let sender = m.links.get(Rel::Participant);
        let from = sender
            .and_then(|l| l.title.clone())
            .filter(|t| !t.trim().is_empty())
            .or_else(|| {
                sender
                    .and_then(|l| href.join(&l.href).ok())
                    .and_then(|u| self.roster.get(&participant_id(&u)).map(|p| p.name.clone()))
            })
            .map(|n| chat_text::clean(&n))
            .unwrap_or_else(|| "Unknown participant".to_string());
        let at_ms = m
            .time_stamp
            .map(|t| t.unix_ms)
            .unwrap_or_else(|| crate::api::wire::UcwaDate::now().unix_ms);
        out.push(Observation::MessageReceived { from, text, at_ms });
    }
}
