//! Reading and validating `POST /GetAnonTokenJob`: form or JSON body, field names matched
//! case-insensitively, every failure a distinct [`Code`].

use url::{Host, Url};

use super::error::{Code, ErrorAnswer};
use crate::api::wire::platform::AnonTokenRequest;
use crate::api::wire::service_app::{
    FIELD_ALLOWED_ORIGINS, FIELD_APPLICATION_SESSION_ID, FIELD_MEETING_URL, TokenRequest,
};

/// Longest `ApplicationSessionId`.
pub const MAX_SESSION_ID_CHARS: usize = 64;
/// Longest value quoted back in an error message.
const QUOTE_CHARS: usize = 80;

/// The body kinds the service accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Form,
    Json,
}

/// `application/x-www-form-urlencoded` or `application/json` (also `…+json`), parameters ignored.
pub fn body_kind(content_type: Option<&str>) -> Result<BodyKind, ErrorAnswer> {
    let essence = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|s| s.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match essence.as_str() {
        "application/x-www-form-urlencoded" => Ok(BodyKind::Form),
        "application/json" => Ok(BodyKind::Json),
        s if s.starts_with("application/") && s.ends_with("+json") => Ok(BodyKind::Json),
        _ => Err(ErrorAnswer::new(
            Code::UnsupportedContentType,
            format!(
                "Send the fields as application/x-www-form-urlencoded or application/json (got {}).",
                if essence.is_empty() {
                    "no Content-Type".to_string()
                } else {
                    quote(&essence)
                }
            ),
        )),
    }
}

/// The three fields as sent; an absent field is an empty string.
pub fn parse_body(kind: BodyKind, body: &[u8]) -> Result<TokenRequest, ErrorAnswer> {
    let mut fields = Fields::default();
    match kind {
        BodyKind::Form => {
            for (name, value) in url::form_urlencoded::parse(body) {
                fields.set(&name, value.into_owned())?;
            }
        }
        BodyKind::Json => {
            let map: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(body)
                .map_err(|e| {
                    ErrorAnswer::new(
                        Code::MalformedBody,
                        format!("The body is not a JSON object: {e}."),
                    )
                })?;
            for (name, value) in map {
                match value {
                    serde_json::Value::String(s) => fields.set(&name, s)?,
                    serde_json::Value::Null => {}
                    _ if field_slot(&name).is_some() => {
                        return Err(ErrorAnswer::new(
                            Code::MalformedBody,
                            format!("{} must be a string.", quote(&name)),
                        ));
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(TokenRequest {
        application_session_id: fields.0[0].take().unwrap_or_default(),
        allowed_origins: fields.0[1].take().unwrap_or_default(),
        meeting_url: fields.0[2].take().unwrap_or_default(),
    })
}

const FIELD_NAMES: [&str; 3] = [
    FIELD_APPLICATION_SESSION_ID,
    FIELD_ALLOWED_ORIGINS,
    FIELD_MEETING_URL,
];

fn field_slot(name: &str) -> Option<usize> {
    FIELD_NAMES
        .iter()
        .position(|f| f.eq_ignore_ascii_case(name))
}

#[derive(Default)]
struct Fields([Option<String>; 3]);

impl Fields {
    /// Unknown names are ignored; a known name given twice is refused (which value would win is
    /// exactly the kind of ambiguity an allow-list check must not have).
    fn set(&mut self, name: &str, value: String) -> Result<(), ErrorAnswer> {
        let Some(slot) = field_slot(name) else {
            return Ok(());
        };
        if self.0[slot].is_some() {
            return Err(ErrorAnswer::new(
                Code::DuplicateField,
                format!("{} was sent more than once.", FIELD_NAMES[slot]),
            ));
        }
        self.0[slot] = Some(value);
        Ok(())
    }
}

/// What the service checks requests against (built once from the configuration).
#[derive(Debug, Clone)]
pub struct Policy {
    /// Normalised (`scheme://host[:port]`, lower case, no default port).
    pub allowed_origins: Vec<String>,
    pub meeting_urls: Vec<MeetingUrlPattern>,
    pub max_field_len: usize,
}

impl Policy {
    /// Check every field; the result is the body to POST to `anonApplicationTokens`.
    pub fn validate(&self, req: &TokenRequest) -> Result<AnonTokenRequest, ErrorAnswer> {
        for (name, value) in [
            (FIELD_APPLICATION_SESSION_ID, &req.application_session_id),
            (FIELD_ALLOWED_ORIGINS, &req.allowed_origins),
            (FIELD_MEETING_URL, &req.meeting_url),
        ] {
            if value.len() > self.max_field_len {
                return Err(ErrorAnswer::new(
                    Code::FieldTooLong,
                    format!(
                        "{name} is {} bytes long; at most {} are accepted.",
                        value.len(),
                        self.max_field_len
                    ),
                ));
            }
        }
        let application_session_id = validate_session_id(&req.application_session_id)?;
        let allowed_origins = self.validate_origins(&req.allowed_origins)?;
        let meeting_url = self.validate_meeting_url(&req.meeting_url)?;
        Ok(AnonTokenRequest {
            application_session_id,
            allowed_origins,
            meeting_url: Some(meeting_url),
        })
    }

    fn validate_origins(&self, value: &str) -> Result<String, ErrorAnswer> {
        let mut out: Vec<String> = Vec::new();
        for raw in value.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let origin = normalize_origin(raw).map_err(|why| {
                ErrorAnswer::new(
                    Code::InvalidOrigin,
                    format!("The origin {} {why}.", quote(raw)),
                )
            })?;
            if !self.allowed_origins.contains(&origin) {
                return Err(ErrorAnswer::new(
                    Code::OriginNotAllowed,
                    format!("This service does not mint tokens for the origin {origin}."),
                ));
            }
            if !out.contains(&origin) {
                out.push(origin);
            }
        }
        if out.is_empty() {
            return Err(ErrorAnswer::new(
                Code::MissingAllowedOrigins,
                format!("{FIELD_ALLOWED_ORIGINS} is required (the web origin the guest uses)."),
            ));
        }
        Ok(out.join(";"))
    }

    fn validate_meeting_url(&self, value: &str) -> Result<String, ErrorAnswer> {
        let value = value.trim();
        if value.is_empty() {
            return Err(ErrorAnswer::new(
                Code::MissingMeetingUrl,
                format!("{FIELD_MEETING_URL} is required (the meeting's https join link)."),
            ));
        }
        let invalid = |why: &str| {
            ErrorAnswer::new(
                Code::InvalidMeetingUrl,
                format!("{FIELD_MEETING_URL} {} {why}.", quote(value)),
            )
        };
        let url = Url::parse(value).map_err(|_| invalid("is not an absolute URL"))?;
        if url.scheme() != "https" {
            return Err(invalid("must use https"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(invalid("has no host"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(invalid("must not contain a user name or password"));
        }
        if !self.meeting_urls.iter().any(|p| p.matches(&url)) {
            return Err(ErrorAnswer::new(
                Code::MeetingUrlNotAllowed,
                "This service does not mint tokens for that meeting URL.",
            ));
        }
        Ok(url.to_string())
    }
}

fn validate_session_id(value: &str) -> Result<String, ErrorAnswer> {
    if value.is_empty() {
        return Err(ErrorAnswer::new(
            Code::MissingApplicationSessionId,
            format!(
                "{FIELD_APPLICATION_SESSION_ID} is required (one per guest session, e.g. a UUID)."
            ),
        ));
    }
    let ok = value.chars().count() <= MAX_SESSION_ID_CHARS
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(ErrorAnswer::new(
            Code::InvalidApplicationSessionId,
            format!(
                "{FIELD_APPLICATION_SESSION_ID} must be 1 to {MAX_SESSION_ID_CHARS} characters \
                 of A-Z, a-z, 0-9, '-' and '_'."
            ),
        ));
    }
    Ok(value.to_string())
}

/// `scheme://host[:port]` with https, or http only for localhost / 127.0.0.1 / [::1]; returns
/// the origin's serialisation (lower-case host, default port dropped). A single trailing `/` is
/// tolerated; any other path, a query, a fragment or credentials are not.
pub fn normalize_origin(raw: &str) -> Result<String, &'static str> {
    let url = Url::parse(raw).map_err(|_| "is not scheme://host[:port]")?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not contain a user name or password");
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err("must be scheme://host[:port] without a path, query or fragment");
    }
    if url.host().is_none() {
        return Err("has no host");
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err("must use https (http only for localhost, 127.0.0.1 and [::1])"),
        _ => return Err("must use https"),
    }
    Ok(url.origin().ascii_serialization())
}

/// `localhost`, `127.0.0.1` or `[::1]`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip == std::net::Ipv4Addr::LOCALHOST,
        Some(Host::Ipv6(ip)) => ip == std::net::Ipv6Addr::LOCALHOST,
        None => false,
    }
}

/// One entry of `allowed_meeting_urls`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingUrlPattern {
    /// `*`: every https URL.
    Any,
    /// A whole URL, compared after normalisation, ASCII case-insensitively.
    Exact(String),
    /// `https://host[:port]/path-prefix*`, compared the same way.
    Prefix(String),
}

impl MeetingUrlPattern {
    pub fn parse(pattern: &str) -> Result<Self, String> {
        let p = pattern.trim();
        if p == "*" {
            return Ok(Self::Any);
        }
        let (text, is_prefix) = match p.strip_suffix('*') {
            Some(prefix) => (prefix, true),
            None => (p, false),
        };
        if text.contains('*') {
            return Err("'*' may only end the pattern".into());
        }
        let lower = text.to_ascii_lowercase();
        let Some(rest) = lower.strip_prefix("https://") else {
            return Err("must start with https://".into());
        };
        if is_prefix && !rest.contains('/') {
            // "https://meet.contoso.com*" would also match meet.contoso.com.evil.example.
            return Err("a prefix must name the whole host: end it with '/*' \
                 (https://meet.contoso.com/*)"
                .into());
        }
        let url = Url::parse(text).map_err(|_| "is not a valid URL".to_string())?;
        if url.host_str().is_none_or(str::is_empty) {
            return Err("has no host".into());
        }
        let normalized = url.as_str().to_ascii_lowercase();
        Ok(if is_prefix {
            Self::Prefix(normalized)
        } else {
            Self::Exact(normalized)
        })
    }

    pub fn matches(&self, url: &Url) -> bool {
        let s = url.as_str().to_ascii_lowercase();
        match self {
            Self::Any => url.scheme() == "https",
            Self::Exact(e) => s == *e,
            Self::Prefix(p) => s.starts_with(p.as_str()),
        }
    }
}

/// Constant-time comparison of the presented and the configured service key (only a length
/// difference answers early; the key's length is no secret worth the cost).
pub fn keys_equal(presented: &[u8], expected: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    presented.ct_eq(expected).into()
}

/// A value quoted for an error message, cut to a readable length.
fn quote(value: &str) -> String {
    let cut: String = value.chars().take(QUOTE_CHARS).collect();
    if cut.len() < value.len() {
        format!("{cut:?}…")
    } else {
        format!("{cut:?}")
    }
}
