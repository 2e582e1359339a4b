//! The service application's configuration and its TOML file.
//!
//! ```toml
//! # Azure AD v1 token endpoint of the tenant the Trusted Application is registered in.
//! aad_token_url = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token"
//! # The application (client) id of the service application in Azure AD.
//! client_id = "00000000-0000-0000-0000-000000000000"
//! # NAME of the environment variable holding the client secret. The secret itself is never
//! # written in this file (a `client_secret` key is refused).
//! client_secret_env = "GUEST_JOIN_SA_CLIENT_SECRET"
//! # AAD resource / audience (optional, this is the default).
//! resource = "https://api.skypeforbusiness.com"
//! # The Trusted Application Endpoint the tokens are minted for.
//! endpoint_sip = "sip:helpdesk@contoso.com"
//! # Platform discovery (optional, this is the default).
//! platform_discover_url = "https://api.skypeforbusiness.com/platformservice/discover"
//! # Meeting URLs tokens may be minted for: an exact URL, or a prefix ending in `*` whose host
//! # part is complete ("https://meet.lync.com/contoso/*"); a lone "*" allows every https URL.
//! allowed_meeting_urls = ["https://meet.lync.com/contoso/*"]
//! # Origins a client may name in AllowedOrigins (scheme://host[:port]).
//! allowed_origins = ["https://contoso.com"]
//! # Optional: NAME of the environment variable holding the service key. When set, clients must
//! # send `Authorization: Bearer <key>`.
//! service_key_env = "GUEST_JOIN_SA_SERVICE_KEY"
//! # Token requests per client and minute (a burst of this many, then one every 60/N s); a
//! # client is an IPv4 address or an IPv6 /64. 0 turns the limit off (default 60).
//! rate_limit_per_minute = 60
//! # Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For / Forwarded headers name
//! # the client; empty (the default) believes no such header.
//! trusted_proxies = ["127.0.0.1", "10.0.0.0/8", "::1"]
//! # Longest accepted value of one request field, in bytes (default 2048).
//! max_field_len = 2048
//! ```
//!
//! Unknown keys are errors. Every error names the file, the line and the field.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use url::Url;

use super::client_addr;
use super::validate::{MeetingUrlPattern, normalize_origin};
use crate::secret::Secret;

pub const DEFAULT_RESOURCE: &str = "https://api.skypeforbusiness.com";
pub const DEFAULT_DISCOVER_URL: &str = "https://api.skypeforbusiness.com/platformservice/discover";
pub const DEFAULT_RATE_LIMIT_PER_MINUTE: u32 = 60;
pub const DEFAULT_MAX_FIELD_LEN: usize = 2048;

/// Everything the service application needs. Secrets come from environment variables when read
/// from a file; `Debug` never shows them.
#[derive(Debug, Clone)]
pub struct ServiceAppConfig {
    /// e.g. `https://login.microsoftonline.com/<tenant>/oauth2/token`
    pub aad_token_url: Url,
    pub client_id: String,
    /// Never from the file itself: from the environment variable the file names.
    pub client_secret: Secret,
    /// AAD resource / audience, default `https://api.skypeforbusiness.com`.
    pub resource: String,
    /// Trusted application endpoint, `sip:helpdesk@contoso.com`.
    pub endpoint_sip: String,
    /// `https://api.skypeforbusiness.com/platformservice/discover`
    pub platform_discover_url: Url,
    /// Exact URL or a prefix ending in `*` (`https://meet.contoso.com/*`); `*` alone allows all.
    pub allowed_meeting_urls: Vec<String>,
    /// Origins the service accepts in `AllowedOrigins`.
    pub allowed_origins: Vec<String>,
    /// When set, requests need `Authorization: Bearer <key>`.
    pub service_key: Option<Secret>,
    /// Per client (IPv4 address or IPv6 /64), GCRA with a burst of the same size; 0 = off.
    pub rate_limit_per_minute: u32,
    /// Reverse proxies (IP addresses or CIDR ranges, IPv4 or IPv6) whose `X-Forwarded-For` /
    /// `Forwarded` headers name the client. Empty: the TCP peer is always the client.
    pub trusted_proxies: Vec<String>,
    /// Longest accepted field value in bytes, default 2048.
    pub max_field_len: usize,
}

impl ServiceAppConfig {
    /// A configuration with the defaults for everything but the upstream identity. The allow
    /// lists start empty, which refuses every request until they are filled.
    pub fn new(
        aad_token_url: Url,
        client_id: impl Into<String>,
        client_secret: Secret,
        endpoint_sip: impl Into<String>,
        platform_discover_url: Url,
    ) -> Self {
        Self {
            aad_token_url,
            client_id: client_id.into(),
            client_secret,
            resource: DEFAULT_RESOURCE.to_string(),
            endpoint_sip: endpoint_sip.into(),
            platform_discover_url,
            allowed_meeting_urls: Vec::new(),
            allowed_origins: Vec::new(),
            service_key: None,
            rate_limit_per_minute: DEFAULT_RATE_LIMIT_PER_MINUTE,
            trusted_proxies: Vec::new(),
            max_field_len: DEFAULT_MAX_FIELD_LEN,
        }
    }

    /// Read the TOML file; secrets come from the process environment.
    pub fn from_toml_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: None,
            field: None,
            kind: ConfigErrorKind::Io,
            message: format!("cannot read the file: {e}"),
        })?;
        Self::from_toml_str(&text, path, |name| std::env::var(name).ok())
    }

    /// Parse TOML text. `path_for_messages` only names the file in errors; `env` looks up the
    /// environment variables named by `client_secret_env` / `service_key_env`.
    pub fn from_toml_str(
        text: &str,
        path_for_messages: &Path,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let ctx = Ctx {
            text,
            path: path_for_messages,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| ctx.toml_error(&e))?;
        raw.into_config(&ctx, &env)
    }
}

/// What kind of problem a [`ConfigError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigErrorKind {
    Io,
    Syntax,
    MissingField,
    UnknownField,
    InvalidValue,
    /// A secret was written into the file instead of naming an environment variable.
    SecretInFile,
    MissingEnvVar,
}

/// A configuration problem: `<file>:<line>: <field>: <what is wrong>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based.
    pub line: Option<usize>,
    pub field: Option<String>,
    pub kind: ConfigErrorKind,
    pub message: String,
}

impl ConfigError {
    fn render(&self) -> String {
        let mut out = self.path.display().to_string();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        out.push_str(": ");
        if let Some(field) = &self.field {
            out.push_str(&format!("field `{field}`: "));
        }
        out.push_str(&self.message);
        out
    }
}

/// The keys of the file, for the "unknown key" message.
pub(super) const KNOWN_KEYS: [&str; 12] = [
    "aad_token_url",
    "client_id",
    "client_secret_env",
    "resource",
    "endpoint_sip",
    "platform_discover_url",
    "allowed_meeting_urls",
    "allowed_origins",
    "service_key_env",
    "rate_limit_per_minute",
    "trusted_proxies",
    "max_field_len",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    aad_token_url: Spanned<String>,
    client_id: Spanned<String>,
    client_secret_env: Spanned<String>,
    #[serde(default)]
    resource: Option<Spanned<String>>,
    endpoint_sip: Spanned<String>,
    #[serde(default)]
    platform_discover_url: Option<Spanned<String>>,
    allowed_meeting_urls: Spanned<Vec<Spanned<String>>>,
    allowed_origins: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    service_key_env: Option<Spanned<String>>,
    #[serde(default)]
    rate_limit_per_minute: Option<u32>,
    #[serde(default)]
    trusted_proxies: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    max_field_len: Option<Spanned<usize>>,
    /// Refused with a precise message rather than "unknown field".
    #[serde(default)]
    client_secret: Option<Spanned<toml::Value>>,
    #[serde(default)]
    service_key: Option<Spanned<toml::Value>>,
}

struct Ctx<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Ctx<'_> {
    fn line_of(&self, span: &Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    fn error(
        &self,
        span: &Range<usize>,
        field: &str,
        kind: ConfigErrorKind,
        message: impl Into<String>,
    ) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            line: Some(self.line_of(span)),
            field: Some(field.to_string()),
            kind,
            message: message.into(),
        }
    }

    fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let message = e.message().trim().to_string();
        let (kind, named) = if message.starts_with("missing field") {
            (ConfigErrorKind::MissingField, first_backticked(&message))
        } else if message.starts_with("unknown field") {
            (ConfigErrorKind::UnknownField, first_backticked(&message))
        } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
            (ConfigErrorKind::InvalidValue, None)
        } else {
            (ConfigErrorKind::Syntax, None)
        };
        let message = match kind {
            ConfigErrorKind::MissingField => "required, but the file does not set it".to_string(),
            ConfigErrorKind::UnknownField => {
                format!("unknown key; the known keys are {}", KNOWN_KEYS.join(", "))
            }
            _ => message,
        };
        let line = e.span().map(|s| self.line_of(&s));
        let field = named.or_else(|| line.and_then(|l| self.key_on_line(l)));
        ConfigError {
            path: self.path.to_path_buf(),
            line,
            field,
            kind,
            message,
        }
    }

    /// The `key` of a `key = value` line, to name the field of a type error.
    fn key_on_line(&self, line: usize) -> Option<String> {
        let text = self.text.lines().nth(line.checked_sub(1)?)?;
        let (key, _) = text.split_once('=')?;
        let key = key.trim().trim_matches('"');
        (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .then(|| key.to_string())
    }

    fn url(&self, field: &str, value: &Spanned<String>) -> Result<Url, ConfigError> {
        let invalid = |why: &str| {
            self.error(
                &value.span(),
                field,
                ConfigErrorKind::InvalidValue,
                format!("{why}: {:?}", value.get_ref()),
            )
        };
        let url = Url::parse(value.get_ref().trim()).map_err(|_| invalid("not a URL"))?;
        if !super::upstream::is_allowed_upstream(&url) {
            return Err(invalid(
                "must be an https URL (plain http only for localhost/127.0.0.1/[::1])",
            ));
        }
        Ok(url)
    }

    fn non_empty(&self, field: &str, value: &Spanned<String>) -> Result<String, ConfigError> {
        let v = value.get_ref().trim();
        if v.is_empty() {
            return Err(self.error(
                &value.span(),
                field,
                ConfigErrorKind::InvalidValue,
                "must not be empty",
            ));
        }
        Ok(v.to_string())
    }

    fn env_secret(
        &self,
        field: &str,
        name: &Spanned<String>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Secret, ConfigError> {
        let var = self.non_empty(field, name)?;
        match env(&var) {
            Some(v) if !v.trim().is_empty() => Ok(Secret::new(v.trim())),
            Some(_) => Err(self.error(
                &name.span(),
                field,
                ConfigErrorKind::MissingEnvVar,
                format!("the environment variable {var} is empty"),
            )),
            None => Err(self.error(
                &name.span(),
                field,
                ConfigErrorKind::MissingEnvVar,
                format!("the environment variable {var} is not set"),
            )),
        }
    }
}

fn first_backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

impl RawConfig {
    fn into_config(
        self,
        ctx: &Ctx<'_>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<ServiceAppConfig, ConfigError> {
        for (field, value, instead) in [
            ("client_secret", &self.client_secret, "client_secret_env"),
            ("service_key", &self.service_key, "service_key_env"),
        ] {
            if let Some(v) = value {
                return Err(ctx.error(
                    &v.span(),
                    field,
                    ConfigErrorKind::SecretInFile,
                    format!(
                        "secrets are never read from the file: put the value in an environment \
                         variable and name that variable with `{instead}`"
                    ),
                ));
            }
        }

        let aad_token_url = ctx.url("aad_token_url", &self.aad_token_url)?;
        let platform_discover_url = match &self.platform_discover_url {
            Some(v) => ctx.url("platform_discover_url", v)?,
            None => Url::parse(DEFAULT_DISCOVER_URL).map_err(|e| ConfigError {
                path: ctx.path.to_path_buf(),
                line: None,
                field: Some("platform_discover_url".into()),
                kind: ConfigErrorKind::InvalidValue,
                message: e.to_string(),
            })?,
        };
        let client_id = ctx.non_empty("client_id", &self.client_id)?;
        let resource = match &self.resource {
            Some(v) => ctx.non_empty("resource", v)?,
            None => DEFAULT_RESOURCE.to_string(),
        };
        let endpoint_sip = ctx.non_empty("endpoint_sip", &self.endpoint_sip)?;
        if !endpoint_sip.to_ascii_lowercase().starts_with("sip:") || endpoint_sip.len() < 5 {
            return Err(ctx.error(
                &self.endpoint_sip.span(),
                "endpoint_sip",
                ConfigErrorKind::InvalidValue,
                format!("must be a SIP URI like sip:helpdesk@contoso.com, not {endpoint_sip:?}"),
            ));
        }

        let allowed_meeting_urls = list(
            ctx,
            "allowed_meeting_urls",
            &self.allowed_meeting_urls,
            |p| MeetingUrlPattern::parse(p).map(|_| p.trim().to_string()),
        )?;
        let allowed_origins = list(ctx, "allowed_origins", &self.allowed_origins, |o| {
            normalize_origin(o.trim()).map_err(str::to_string)
        })?;
        let trusted_proxies = trusted_proxies(ctx, self.trusted_proxies.as_ref())?;

        let max_field_len = match &self.max_field_len {
            Some(v) if *v.get_ref() == 0 => {
                return Err(ctx.error(
                    &v.span(),
                    "max_field_len",
                    ConfigErrorKind::InvalidValue,
                    "must be at least 1",
                ));
            }
            Some(v) => *v.get_ref(),
            None => DEFAULT_MAX_FIELD_LEN,
        };

        let client_secret = ctx.env_secret("client_secret_env", &self.client_secret_env, env)?;
        let service_key = match &self.service_key_env {
            Some(name) => Some(ctx.env_secret("service_key_env", name, env)?),
            None => None,
        };

        Ok(ServiceAppConfig {
            aad_token_url,
            client_id,
            client_secret,
            resource,
            endpoint_sip,
            platform_discover_url,
            allowed_meeting_urls,
            allowed_origins,
            service_key,
            rate_limit_per_minute: self
                .rate_limit_per_minute
                .unwrap_or(DEFAULT_RATE_LIMIT_PER_MINUTE),
            trusted_proxies,
            max_field_len,
        })
    }
}

/// `trusted_proxies`: addresses and CIDR ranges, empty when absent.
fn trusted_proxies(
    ctx: &Ctx<'_>,
    values: Option<&Spanned<Vec<Spanned<String>>>>,
) -> Result<Vec<String>, ConfigError> {
    let Some(values) = values else {
        return Ok(Vec::new());
    };
    entries(ctx, "trusted_proxies", values, |p| {
        client_addr::parse_entry(p)
            .map(|_| p.trim().to_string())
            .map_err(|_| format!("not {}", client_addr::ENTRY_FORMS))
    })
}

/// A non-empty list whose every entry passes `check` (which returns the stored form).
fn list(
    ctx: &Ctx<'_>,
    field: &str,
    values: &Spanned<Vec<Spanned<String>>>,
    check: impl Fn(&str) -> Result<String, String>,
) -> Result<Vec<String>, ConfigError> {
    if values.get_ref().is_empty() {
        return Err(ctx.error(
            &values.span(),
            field,
            ConfigErrorKind::InvalidValue,
            "must list at least one entry",
        ));
    }
    entries(ctx, field, values, check)
}

/// A list, possibly empty, whose every entry passes `check`.
fn entries(
    ctx: &Ctx<'_>,
    field: &str,
    values: &Spanned<Vec<Spanned<String>>>,
    check: impl Fn(&str) -> Result<String, String>,
) -> Result<Vec<String>, ConfigError> {
    values
        .get_ref()
        .iter()
        .map(|v| {
            check(v.get_ref()).map_err(|why| {
                ctx.error(
                    &v.span(),
                    field,
                    ConfigErrorKind::InvalidValue,
                    format!("{:?}: {why}", v.get_ref()),
                )
            })
        })
        .collect()
}
