//! HAL-like links and embedded resources (docs/protocol.md §2.2), looked up and written by
//! [`Rel`] (compared as `rel.rs` says: exactly, after dropping a Trusted Application API prefix).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::rel::{Rel, RelName, rel_eq};

/// One link: `{"href": "...", "title"?: "...", "revision"?: "2"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Link {
    pub href: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub revision: Option<String>,
}

impl Link {
    pub fn new(href: impl Into<String>) -> Self {
        Self {
            href: href.into(),
            title: None,
            revision: None,
        }
    }

    pub fn titled(href: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            href: href.into(),
            title: Some(title.into()),
            revision: None,
        }
    }
}

/// A link that carries its rel, as in event `link` and `in` blocks and sender blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RelLink {
    #[serde(default)]
    pub rel: String,
    #[serde(default)]
    pub href: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl RelLink {
    pub fn new(rel: impl Into<RelName>, href: impl Into<String>) -> Self {
        Self {
            rel: rel.into().to_string(),
            href: href.into(),
            title: None,
        }
    }

    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    pub fn is(&self, rel: Rel) -> bool {
        rel.matches(&self.rel)
    }

    /// The rel this link carries, `None` when it is not one of [`Rel`].
    pub fn rel(&self) -> Option<Rel> {
        Rel::parse(&self.rel)
    }
}

/// A link value: single for most rels, an array for multi-valued rels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LinkValue {
    One(Link),
    Many(Vec<Link>),
}

/// The `_links` object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Links(pub BTreeMap<String, LinkValue>);

impl Links {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builder: add a single link.
    pub fn with(mut self, rel: impl Into<RelName>, link: Link) -> Self {
        self.insert(rel, link);
        self
    }

    pub fn insert(&mut self, rel: impl Into<RelName>, link: Link) {
        self.0.insert(rel.into().to_string(), LinkValue::One(link));
    }

    pub fn insert_many(&mut self, rel: impl Into<RelName>, links: Vec<Link>) {
        self.0
            .insert(rel.into().to_string(), LinkValue::Many(links));
    }

    /// The first link for `rel`, matching with or without a TAP prefix.
    pub fn get(&self, rel: Rel) -> Option<&Link> {
        self.0
            .iter()
            .find(|(k, _)| rel.matches(k))
            .and_then(|(_, v)| match v {
                LinkValue::One(l) => Some(l),
                LinkValue::Many(ls) => ls.first(),
            })
    }

    /// Every link for `rel`.
    pub fn all(&self, rel: Rel) -> Vec<&Link> {
        self.0
            .iter()
            .filter(|(k, _)| rel.matches(k))
            .flat_map(|(_, v)| match v {
                LinkValue::One(l) => vec![l],
                LinkValue::Many(ls) => ls.iter().collect(),
            })
            .collect()
    }

    pub fn href(&self, rel: Rel) -> Option<&str> {
        self.get(rel).map(|l| l.href.as_str())
    }

    pub fn has(&self, rel: Rel) -> bool {
        self.get(rel).is_some()
    }

    /// Iterate over `(rel, link)` for every single and multi-valued link.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Link)> {
        self.0.iter().flat_map(|(k, v)| {
            let links: Vec<&Link> = match v {
                LinkValue::One(l) => vec![l],
                LinkValue::Many(ls) => ls.iter().collect(),
            };
            links.into_iter().map(move |l| (k.as_str(), l))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The `_embedded` object: resources kept as JSON until a caller asks for a type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Embedded(pub BTreeMap<String, serde_json::Value>);

impl Embedded {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with<T: Serialize>(mut self, rel: impl Into<RelName>, resource: &T) -> Self {
        self.insert(rel, resource);
        self
    }

    pub fn insert<T: Serialize>(&mut self, rel: impl Into<RelName>, resource: &T) {
        // Serialising our own wire types cannot fail (no maps with non-string keys).
        if let Ok(v) = serde_json::to_value(resource) {
            self.0.insert(rel.into().to_string(), v);
        }
    }

    pub fn raw(&self, rel: Rel) -> Option<&serde_json::Value> {
        self.0.iter().find(|(k, _)| rel.matches(k)).map(|(_, v)| v)
    }

    /// The resource embedded under `rel` as an event's link writes it: any string, since an
    /// event may name a rel this client does not know (the one place a rel is not a [`Rel`]).
    pub(super) fn raw_by_name(&self, rel: &str) -> Option<&serde_json::Value> {
        self.0.iter().find(|(k, _)| rel_eq(k, rel)).map(|(_, v)| v)
    }

    /// Decode the embedded resource for `rel` (with or without a TAP prefix).
    /// `None` when absent; `Some(Err)` when present but not of the expected shape.
    pub fn get<T: DeserializeOwned>(&self, rel: Rel) -> Option<Result<T, serde_json::Error>> {
        self.raw(rel).map(|v| T::deserialize(v))
    }

    /// Decode every element of an embedded array (or the single object) for `rel`.
    pub fn get_all<T: DeserializeOwned>(&self, rel: Rel) -> Vec<Result<T, serde_json::Error>> {
        match self.raw(rel) {
            Some(serde_json::Value::Array(items)) => items.iter().map(T::deserialize).collect(),
            Some(v) => vec![T::deserialize(v)],
            None => Vec::new(),
        }
    }

    pub fn first_rel(&self) -> Option<&str> {
        self.0.keys().next().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Accept a string, a number or a bool where the docs print a string (`"revision": "2"` vs `2`).
pub(crate) fn lenient_string<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_ignored_when_matching() {
        let links: Links = serde_json::from_str(
            r#"{"ms:rtc:saas:discover":{"href":"a"},"service:applications":{"href":"b"},"self":{"href":"c"}}"#,
        )
        .unwrap();
        assert_eq!(links.href(Rel::Discover), Some("a"));
        assert_eq!(links.href(Rel::Applications), Some("b"));
        assert_eq!(links.href(Rel::SelfLink), Some("c"));
        assert_eq!(links.href(Rel::Events), None);
        let written = Links::new().with(Rel::Discover.prefixed("service:"), Link::new("d"));
        assert!(written.0.contains_key("service:discover"));
        assert_eq!(written.href(Rel::Discover), Some("d"));
    }

    #[test]
    fn multi_valued_links_and_numeric_revisions() {
        let links: Links = serde_json::from_str(
            r#"{"failedDeliveryParticipant":[{"href":"p1"},{"href":"p2","title":"B"}],"startMessaging":{"href":"m","revision":2}}"#,
        )
        .unwrap();
        assert_eq!(links.all(Rel::FailedDeliveryParticipant).len(), 2);
        assert_eq!(
            links.get(Rel::StartMessaging).unwrap().revision.as_deref(),
            Some("2")
        );
    }

    #[test]
    fn embedded_decodes_by_bare_rel() {
        #[derive(Deserialize)]
        struct S {
            state: String,
        }
        let e: Embedded =
            serde_json::from_str(r#"{"ms:rtc:saas:conversation":{"state":"InLobby"}}"#).unwrap();
        assert_eq!(
            e.get::<S>(Rel::Conversation).unwrap().unwrap().state,
            "InLobby"
        );
        assert!(e.get::<S>(Rel::Messaging).is_none());
    }
}
