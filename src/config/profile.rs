//! A `[[profile]]`: how tokens are got for a join. `kind = "service"` (the default, so files
//! written before the direct mode still load) names a service application's token URL;
//! `kind = "direct"` joins Skype for Business Server directly, optionally starting autodiscover
//! at a given URL instead of `https://lyncdiscover.<organizer's domain>/`.
//!
//! Each value is checked as it is read (file, line and field of a bad value); which keys belong
//! to which kind is checked on the file's text with spans, so a key of the other kind is also
//! reported with its own line and name.

use serde::{Deserialize, Deserializer, Serialize};
use url::Url;

use super::de_with;

/// The keys a `[[profile]]` may hold.
pub(super) const PROFILE_KEYS: [&str; 5] = [
    "name",
    "kind",
    "token_url",
    "service_key_env",
    "autodiscover",
];

/// Which flow a profile runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ProfileToml", into = "ProfileToml")]
pub struct Profile {
    pub name: String,
    pub kind: ProfileKind,
}

/// A service application (flow A) or Skype for Business Server directly (flow B).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileKind {
    Service {
        token_url: String,
        /// Name of the environment variable that holds the service key (never the key itself).
        service_key_env: Option<String>,
    },
    Direct {
        /// Where autodiscover starts; `None` for `https://lyncdiscover.<domain>/`.
        autodiscover: Option<String>,
    },
}

impl Profile {
    pub fn service(name: &str, token_url: &str, service_key_env: Option<&str>) -> Self {
        Self {
            name: name.to_string(),
            kind: ProfileKind::Service {
                token_url: token_url.to_string(),
                service_key_env: service_key_env.map(str::to_string),
            },
        }
    }

    pub fn direct(name: &str, autodiscover: Option<&str>) -> Self {
        Self {
            name: name.to_string(),
            kind: ProfileKind::Direct {
                autodiscover: autodiscover.map(str::to_string),
            },
        }
    }

    pub fn is_direct(&self) -> bool {
        matches!(self.kind, ProfileKind::Direct { .. })
    }

    pub fn token_url(&self) -> Option<&str> {
        match &self.kind {
            ProfileKind::Service { token_url, .. } => Some(token_url),
            ProfileKind::Direct { .. } => None,
        }
    }

    pub fn service_key_env(&self) -> Option<&str> {
        match &self.kind {
            ProfileKind::Service {
                service_key_env, ..
            } => service_key_env.as_deref(),
            ProfileKind::Direct { .. } => None,
        }
    }

    pub fn autodiscover(&self) -> Option<&str> {
        match &self.kind {
            ProfileKind::Direct { autodiscover } => autodiscover.as_deref(),
            ProfileKind::Service { .. } => None,
        }
    }
}

/// The `kind` key's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KindTag {
    #[default]
    Service,
    Direct,
}

/// A profile as written in the file (every key of both kinds).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileToml {
    #[serde(deserialize_with = "de_name")]
    name: String,
    #[serde(default, skip_serializing_if = "is_service")]
    kind: KindTag,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_token_url"
    )]
    token_url: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_env_name"
    )]
    service_key_env: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_autodiscover"
    )]
    autodiscover: Option<String>,
}

fn is_service(k: &KindTag) -> bool {
    *k == KindTag::Service
}

/// The profile kind from the keys given: `Err((field, message))` names the first key that
/// does not fit `kind` (or the one missing).
fn build_kind(
    kind: KindTag,
    token_url: Option<String>,
    service_key_env: Option<String>,
    autodiscover: Option<String>,
) -> Result<ProfileKind, (&'static str, String)> {
    let not_direct = |field: &'static str| {
        Err((
            field,
            format!("a direct profile has no {field} (it joins without a service application)"),
        ))
    };
    match (kind, token_url, service_key_env, autodiscover) {
        (KindTag::Service, Some(token_url), service_key_env, None) => Ok(ProfileKind::Service {
            token_url,
            service_key_env,
        }),
        (KindTag::Service, None, _, _) => Err((
            "token_url",
            "a service profile needs a token_url (or kind = \"direct\")".into(),
        )),
        (KindTag::Service, Some(_), _, Some(_)) => Err((
            "autodiscover",
            "autodiscover belongs to a direct profile (kind = \"direct\")".into(),
        )),
        (KindTag::Direct, None, None, autodiscover) => Ok(ProfileKind::Direct { autodiscover }),
        (KindTag::Direct, Some(_), _, _) => not_direct("token_url"),
        (KindTag::Direct, None, Some(_), _) => not_direct("service_key_env"),
    }
}

impl TryFrom<ProfileToml> for Profile {
    type Error = String;

    fn try_from(p: ProfileToml) -> Result<Self, String> {
        let kind = build_kind(p.kind, p.token_url, p.service_key_env, p.autodiscover)
            .map_err(|(_, m)| m)?;
        Ok(Profile { name: p.name, kind })
    }
}

impl From<Profile> for ProfileToml {
    fn from(p: Profile) -> Self {
        let (kind, token_url, service_key_env, autodiscover) = match p.kind {
            ProfileKind::Service {
                token_url,
                service_key_env,
            } => (KindTag::Service, Some(token_url), service_key_env, None),
            ProfileKind::Direct { autodiscover } => (KindTag::Direct, None, None, autodiscover),
        };
        ProfileToml {
            name: p.name,
            kind,
            token_url,
            service_key_env,
            autodiscover,
        }
    }
}

/// A profile's keys with where they are in the file (for messages about the kind).
#[derive(Deserialize)]
struct SpannedProfile {
    name: Option<toml::Spanned<toml::Value>>,
    kind: Option<toml::Spanned<KindTag>>,
    token_url: Option<toml::Spanned<toml::Value>>,
    service_key_env: Option<toml::Spanned<toml::Value>>,
    autodiscover: Option<toml::Spanned<toml::Value>>,
}

#[derive(Deserialize)]
struct SpannedProfiles {
    #[serde(default)]
    profile: Vec<SpannedProfile>,
}

/// The first profile whose keys do not fit its kind: (byte offset, field, message). Files that
/// do not even parse this far are left to the full reader, which names their problem.
pub(super) fn kind_problem(text: &str) -> Option<(usize, &'static str, String)> {
    let all: SpannedProfiles = toml::from_str(text).ok()?;
    all.profile.into_iter().find_map(|p| {
        let kind = p.kind.as_ref().map_or(KindTag::Service, |k| *k.get_ref());
        let marker = |v: &Option<toml::Spanned<toml::Value>>| v.as_ref().map(|_| String::new());
        let (field, message) = build_kind(
            kind,
            marker(&p.token_url),
            marker(&p.service_key_env),
            marker(&p.autodiscover),
        )
        .err()?;
        let at = match field {
            "token_url" => p.token_url.as_ref().map(|v| v.span().start),
            "service_key_env" => p.service_key_env.as_ref().map(|v| v.span().start),
            _ => p.autodiscover.as_ref().map(|v| v.span().start),
        }
        .or_else(|| p.kind.as_ref().map(|k| k.span().start))
        .or_else(|| p.name.as_ref().map(|n| n.span().start))
        .unwrap_or(0);
        Some((at, field, message))
    })
}

/// A profile name: 1–64 characters, no control characters.
pub fn check_profile_name(name: &str) -> Result<String, String> {
    let n = name.trim();
    if n.is_empty() {
        return Err("Give the join service a name.".into());
    }
    if n.chars().count() > 64 || n.chars().any(char::is_control) {
        return Err("Use at most 64 characters and no control characters.".into());
    }
    Ok(n.to_string())
}

/// What is wrong with a service's URL (a token URL, an autodiscover entry point): each front
/// end words it for where the URL was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    NotAbsolute,
    /// Not https, and not http to this computer.
    NotHttps,
    NoHost,
}

/// The one check of a service's URL: absolute, with a host, https (http only for this
/// computer).
pub fn check_service_url(text: &str) -> Result<Url, UrlProblem> {
    let url = Url::parse(text.trim()).map_err(|_| UrlProblem::NotAbsolute)?;
    crate::api::http::check_transport(&url).map_err(|_| UrlProblem::NotHttps)?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::NoHost);
    }
    Ok(url)
}

/// A token URL, worded for the settings and the config file.
pub fn check_token_url(text: &str) -> Result<Url, String> {
    check_service_url(text).map_err(|p| match p {
        UrlProblem::NotAbsolute => {
            "Enter the full token URL, like https://join.contoso.com/GetAnonTokenJob.".into()
        }
        UrlProblem::NotHttps => {
            "The token URL must use https:// (http:// only for localhost).".into()
        }
        UrlProblem::NoHost => "The token URL has no host name.".into(),
    })
}

/// An autodiscover URL, worded for the settings and the config file.
pub fn check_autodiscover_url(text: &str) -> Result<Url, String> {
    check_service_url(text).map_err(|p| match p {
        UrlProblem::NotAbsolute => {
            "Enter the full autodiscover URL, like https://lyncdiscover.contoso.com/.".into()
        }
        UrlProblem::NotHttps => {
            "The autodiscover URL must use https:// (http:// only for localhost).".into()
        }
        UrlProblem::NoHost => "The autodiscover URL has no host name.".into(),
    })
}

fn de_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    de_with(d, |s: &String| check_profile_name(s))
}

fn de_token_url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| check_token_url(s).map(|u| Some(u.into())))
}

fn de_env_name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| super::check_env_name(s).map(Some))
}

fn de_autodiscover<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| {
        check_autodiscover_url(s).map(|u| Some(u.into()))
    })
}
