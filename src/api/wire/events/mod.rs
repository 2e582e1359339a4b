//! The event channel (docs/protocol.md §5.2): a batch has `_links` (self + one of
//! next/resync/resume) and `sender[]` blocks of `events[]`.

use serde::{Deserialize, Serialize};

use super::error_body::UcwaError;
use super::hal::{Embedded, Links, RelLink};
use super::operation::OperationStatus;
use super::rel::{Rel, RelName};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EventBatch {
    #[serde(rename = "_links", default)]
    pub links: Links,
    #[serde(default)]
    pub sender: Vec<SenderBlock>,
    /// Trusted Application API adds a top-level base URI [fixture].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseuri: Option<String>,
}

/// What the channel says to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelNext<'a> {
    /// Normal continuation.
    Next(&'a str),
    /// The client used a stale ack: follow to get the first unacknowledged batch, clear caches.
    Resync(&'a str),
    /// The server reset transient state; active conversations are gone.
    Resume(&'a str),
    /// No continuation link: the channel is unusable.
    None,
}

impl EventBatch {
    pub fn continuation(&self) -> ChannelNext<'_> {
        if let Some(h) = self.links.href(Rel::Resync) {
            ChannelNext::Resync(h)
        } else if let Some(h) = self.links.href(Rel::Resume) {
            ChannelNext::Resume(h)
        } else if let Some(h) = self.links.href(Rel::Next) {
            ChannelNext::Next(h)
        } else {
            ChannelNext::None
        }
    }

    /// Every event with its sender, in order.
    pub fn events(&self) -> impl Iterator<Item = (&SenderBlock, &Event)> {
        self.sender
            .iter()
            .flat_map(|s| s.events.iter().map(move |e| (s, e)))
    }

    pub fn is_empty(&self) -> bool {
        self.sender.iter().all(|s| s.events.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SenderBlock {
    #[serde(default)]
    pub rel: String,
    #[serde(default)]
    pub href: String,
    #[serde(default)]
    pub events: Vec<Event>,
}

impl SenderBlock {
    pub fn new(rel: impl Into<RelName>, href: &str, events: Vec<Event>) -> Self {
        Self {
            rel: rel.into().to_string(),
            href: href.into(),
            events,
        }
    }
}

/// Event types: resource events (`added`/`updated`/`deleted`) and operation events
/// (`started`/`updated`/`completed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    Added,
    Updated,
    Deleted,
    Started,
    Completed,
    #[default]
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Event {
    #[serde(default)]
    pub link: RelLink,
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub in_: Option<RelLink>,
    #[serde(rename = "type", default)]
    pub kind: EventType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OperationStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<UcwaError>,
    #[serde(
        rename = "_embedded",
        default,
        skip_serializing_if = "Embedded::is_empty"
    )]
    pub embedded: Embedded,
}

impl Event {
    pub fn new(kind: EventType, link: RelLink) -> Self {
        Self {
            link,
            kind,
            ..Self::default()
        }
    }

    pub fn in_(mut self, rel: RelLink) -> Self {
        self.in_ = Some(rel);
        self
    }

    pub fn embed<T: Serialize>(mut self, rel: impl Into<RelName>, resource: &T) -> Self {
        self.embedded.insert(rel, resource);
        self
    }

    pub fn status(mut self, status: OperationStatus) -> Self {
        self.status = Some(status);
        self
    }

    pub fn reason(mut self, reason: UcwaError) -> Self {
        self.reason = Some(reason);
        self
    }

    /// Decode the resource embedded under this event's own rel, or the only embedded resource
    /// (a `localParticipant` event embeds its resource under `participant`).
    pub fn resource<T: serde::de::DeserializeOwned>(&self) -> Option<Result<T, serde_json::Error>> {
        self.embedded
            .raw_by_name(&self.link.rel)
            .map(T::deserialize)
            .or_else(|| match self.embedded.0.len() {
                1 => self.embedded.0.values().next().map(T::deserialize),
                _ => None,
            })
    }

    /// `status` says `Success` (in any case).
    pub fn succeeded(&self) -> bool {
        self.status == Some(OperationStatus::Success)
    }

    /// `status` says `Failure` or `Failed` (in any case).
    pub fn failed(&self) -> bool {
        self.status
            .as_ref()
            .is_some_and(OperationStatus::is_failure)
    }
}

#[cfg(test)]
pub(crate) mod props;
