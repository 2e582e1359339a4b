//! On-premises WebTicket token endpoint bodies and the `MsRtcOAuth` challenge (docs/protocol.md
//! §B.3, §B.4).

use serde::{Deserialize, Serialize, Serializer};

use super::hal::lenient_string;
use super::oauth_error::OAuthError;

/// The grant type of an anonymous meeting join.
pub const ANON_MEETING_GRANT: &str = "urn:microsoft.rtc:anonmeeting";

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebTicketToken {
    pub access_token: String,
    #[serde(default = "bearer")]
    pub token_type: String,
    /// Seconds; written as a JSON number when it is one, as the server does.
    #[serde(
        default,
        deserialize_with = "lenient_string",
        serialize_with = "number_when_digits"
    )]
    pub expires_in: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms_rtc_identityscope: Option<String>,
}

fn bearer() -> String {
    "Bearer".to_string()
}

fn number_when_digits<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match v.as_deref().map(|t| (t, t.parse::<u64>())) {
        None => s.serialize_none(),
        Some((_, Ok(n))) => s.serialize_u64(n),
        Some((t, Err(_))) => s.serialize_str(t),
    }
}

impl WebTicketToken {
    /// A `Bearer` token living `expires_in` seconds.
    pub fn new(access_token: String, expires_in: u64) -> Self {
        Self {
            access_token,
            token_type: bearer(),
            expires_in: Some(expires_in.to_string()),
            ms_rtc_identityscope: None,
        }
    }

    /// `expires_in` as seconds, when it is a number.
    pub fn expires_in_secs(&self) -> Option<u64> {
        self.expires_in.as_deref()?.trim().parse().ok()
    }
}

impl std::fmt::Debug for WebTicketToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebTicketToken")
            .field("access_token", &"[redacted]")
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

/// `400 {"error": "invalid_grant" | "unsupported_grant_type" | ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct WebTicketError {
    pub error: OAuthError,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms_rtc_passiveauthuri: Option<String>,
}

impl WebTicketError {
    pub fn new(error: OAuthError) -> Self {
        Self {
            error,
            ms_rtc_passiveauthuri: None,
        }
    }
}

/// The form POSTed to the WebTicket `oauthtoken` endpoint. `Debug` hides the conference key and
/// the token being renewed.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct WebTicketGrant {
    pub grant_type: String,
    /// The conference key (the ConferenceID of the meeting).
    pub password: Option<String>,
    pub ms_rtc_conferenceuri: Option<String>,
    /// The access token being renewed (docs/protocol.md §B.4).
    pub ms_rtc_renew: Option<String>,
}

impl WebTicketGrant {
    /// The anonymous meeting grant for `conference_uri` with its key.
    pub fn anon_meeting(conference_uri: &str, key: &str) -> Self {
        Self {
            grant_type: ANON_MEETING_GRANT.to_string(),
            password: Some(key.to_string()),
            ms_rtc_conferenceuri: Some(conference_uri.to_string()),
            ms_rtc_renew: None,
        }
    }

    /// The same grant renewing `token`.
    pub fn renewing(mut self, token: &str) -> Self {
        self.ms_rtc_renew = Some(token.to_string());
        self
    }

    /// The form fields in order, absent ones left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("grant_type", self.grant_type.clone())];
        for (k, v) in [
            ("password", &self.password),
            ("ms_rtc_conferenceuri", &self.ms_rtc_conferenceuri),
            ("ms_rtc_renew", &self.ms_rtc_renew),
        ] {
            if let Some(v) = v {
                pairs.push((k, v.clone()));
            }
        }
        pairs
    }

    /// The URL-encoded form body.
    pub fn to_form(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.to_pairs())
            .finish()
    }

    /// Parse a URL-encoded form body; empty values count as absent, unknown fields are ignored.
    pub fn from_form(body: &[u8]) -> Self {
        let mut g = Self::default();
        for (k, v) in url::form_urlencoded::parse(body) {
            let v = v.into_owned();
            let slot = match k.as_ref() {
                "grant_type" => {
                    g.grant_type = v;
                    continue;
                }
                "password" => &mut g.password,
                "ms_rtc_conferenceuri" => &mut g.ms_rtc_conferenceuri,
                "ms_rtc_renew" => &mut g.ms_rtc_renew,
                _ => continue,
            };
            *slot = Some(v).filter(|v| !v.is_empty());
        }
        g
    }
}

impl std::fmt::Debug for WebTicketGrant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebTicketGrant")
            .field("grant_type", &self.grant_type)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .field("ms_rtc_conferenceuri", &self.ms_rtc_conferenceuri)
            .field(
                "ms_rtc_renew",
                &self.ms_rtc_renew.as_ref().map(|_| "[redacted]"),
            )
            .finish()
    }
}

/// A `WWW-Authenticate: MsRtcOAuth href="...",grant_type="a,b,c"` challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MsRtcOAuthChallenge {
    /// The WebTicket `oauthtoken` URL.
    pub href: String,
    pub grant_types: Vec<String>,
}

impl MsRtcOAuthChallenge {
    /// Parse one header value; `None` unless it is an `MsRtcOAuth` challenge with an `href`.
    pub fn parse(header: &str) -> Option<Self> {
        let (scheme, params) = header.trim().split_once(char::is_whitespace)?;
        if !scheme.eq_ignore_ascii_case("MsRtcOAuth") {
            return None;
        }
        let (mut href, mut grants) = (None, Vec::new());
        let mut rest = params.trim();
        while !rest.is_empty() {
            let (name, after) = rest.split_once('=')?;
            let after = after.trim_start();
            let (value, tail) = match after.strip_prefix('"') {
                Some(quoted) => {
                    let end = quoted.find('"')?;
                    (&quoted[..end], &quoted[end + 1..])
                }
                None => after.split_once(',').unwrap_or((after, "")),
            };
            match name.trim().to_ascii_lowercase().as_str() {
                "href" => href = Some(value.to_string()),
                "grant_type" => {
                    grants = value
                        .split(',')
                        .map(str::trim)
                        .filter(|g| !g.is_empty())
                        .map(str::to_string)
                        .collect();
                }
                _ => {}
            }
            rest = tail.trim_start().trim_start_matches(',').trim_start();
        }
        Some(Self {
            href: href?,
            grant_types: grants,
        })
    }

    /// Whether the server offers the anonymous meeting grant.
    pub fn offers_anon_meeting(&self) -> bool {
        self.grant_types.iter().any(|g| g == ANON_MEETING_GRANT)
    }

    /// The header value.
    pub fn render(&self) -> String {
        format!(
            "MsRtcOAuth href=\"{}\",grant_type=\"{}\"",
            self.href,
            self.grant_types.join(",")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_round_trips_and_parses_the_published_form() {
        let published = r#"MsRtcOAuth href="https://lyncweb.contoso.com/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password""#;
        let c = MsRtcOAuthChallenge::parse(published).unwrap();
        assert_eq!(c.href, "https://lyncweb.contoso.com/WebTicket/oauthtoken");
        assert_eq!(c.grant_types.len(), 3);
        assert!(c.offers_anon_meeting());
        assert_eq!(MsRtcOAuthChallenge::parse(&c.render()), Some(c));
        let without = r#"MsRtcOAuth href="https://x/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,password""#;
        assert!(
            !MsRtcOAuthChallenge::parse(without)
                .unwrap()
                .offers_anon_meeting()
        );
        assert_eq!(MsRtcOAuthChallenge::parse("Bearer realm=\"x\""), None);
        assert_eq!(
            MsRtcOAuthChallenge::parse("MsRtcOAuth grant_type=\"a\""),
            None
        );
        assert_eq!(
            MsRtcOAuthChallenge::parse("MsRtcOAuth href=\"unterminated"),
            None
        );
    }

    #[test]
    fn grant_form_round_trips_and_hides_secrets() {
        let g = WebTicketGrant::anon_meeting(
            "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:G03W98W4",
            "G03W98W4",
        )
        .renewing("cwt=AA+/=");
        let form = g.to_form();
        assert!(form.starts_with("grant_type=urn%3Amicrosoft.rtc%3Aanonmeeting&password=G03W98W4"));
        assert!(form.contains("ms_rtc_renew=cwt%3DAA%2B%2F%3D"));
        assert_eq!(WebTicketGrant::from_form(form.as_bytes()), g);
        let debug = format!("{g:?}");
        assert!(debug.contains("password: Some(\"[redacted]\")"));
        assert!(!debug.contains("cwt="));
    }

    #[test]
    fn token_writes_expires_in_as_a_number() {
        let t = WebTicketToken::new("cwt=abc".into(), 3600);
        let v = serde_json::to_value(&t).unwrap();
        assert_eq!(v["expires_in"], 3600);
        assert_eq!(v["token_type"], "Bearer");
        let back: WebTicketToken = serde_json::from_value(v).unwrap();
        assert_eq!(back.expires_in_secs(), Some(3600));
    }
}
