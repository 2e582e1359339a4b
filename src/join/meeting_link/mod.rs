//! The meeting link a guest pastes: a bare URL, a URL in angle brackets, an Outlook "safe link",
//! or a whole invitation text containing one join link. Validated before any network call.

use std::fmt;

use url::Url;

/// Longest text accepted in the meeting field (a pasted invitation can be long).
pub const MAX_INPUT_CHARS: usize = 20_000;
/// Longest meeting URL accepted.
pub const MAX_URL_CHARS: usize = 2_048;

/// A validated https join URL of a meeting.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct MeetingLink(Url);

impl MeetingLink {
    /// Parse user input: a URL or a text containing exactly one meeting link.
    pub fn parse(input: &str) -> Result<Self, MeetingLinkError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(MeetingLinkError::Empty);
        }
        if text.chars().count() > MAX_INPUT_CHARS {
            return Err(MeetingLinkError::TooLong);
        }
        let candidates = candidates(text);
        if candidates.is_empty() {
            return Err(classify_non_link(text));
        }
        let meeting_like: Vec<&Url> = candidates
            .iter()
            .filter(|u| looks_like_meeting(u))
            .collect();
        let chosen = match (candidates.len(), meeting_like.len()) {
            (1, _) => &candidates[0],
            (_, 1) => meeting_like[0],
            (_, 0) => return Err(MeetingLinkError::NoMeetingLink),
            _ => {
                let first = meeting_like[0];
                if meeting_like.iter().all(|u| same_meeting(u, first)) {
                    first
                } else {
                    return Err(MeetingLinkError::SeveralLinks);
                }
            }
        };
        validate(chosen.clone())
    }

    pub fn url(&self) -> &Url {
        &self.0
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The host of an https link; the SIP domain of a conference URI.
    pub fn host(&self) -> &str {
        match self.0.host_str() {
            Some(h) => h,
            None => self
                .0
                .path()
                .split_once('@')
                .map(|(_, rest)| rest.split(';').next().unwrap_or_default())
                .unwrap_or_default(),
        }
    }

    /// A conference URI (`sip:<organizer>@<domain>;gruu;opaque=app:conf:focus:id:<id>`), which
    /// only the direct mode (flow B) can join.
    pub(crate) fn from_conference_uri(uri: &str) -> Option<Self> {
        let uri = uri.trim();
        let scheme = uri.get(..4).filter(|p| p.eq_ignore_ascii_case("sip:"))?;
        let normal = format!("sip:{}", &uri[scheme.len()..]);
        if !super::conference::is_conference_uri(&normal) || normal.len() > MAX_URL_CHARS {
            return None;
        }
        let url = Url::parse(&normal).ok()?;
        (url.as_str() == normal).then_some(Self(url))
    }

    /// Whether this is a conference URI rather than an https join link.
    pub fn is_conference_uri(&self) -> bool {
        self.0.scheme() == "sip"
    }

    /// Whether the link is on a known Skype for Business Online meeting host (or the demo
    /// environment's stand-in for one): such meetings are joined through a service application.
    pub fn is_online_host(&self) -> bool {
        let host = self.host().to_ascii_lowercase();
        ONLINE_HOST_SUFFIXES
            .iter()
            .any(|s| host == *s || host.ends_with(&format!(".{s}")))
    }
}

/// Hosts of Skype for Business Online meeting links, and the demo's stand-in for them.
const ONLINE_HOST_SUFFIXES: [&str; 2] = ["lync.com", "demo.guest-join.invalid"];

impl fmt::Debug for MeetingLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MeetingLink({})", self.0)
    }
}

impl fmt::Display for MeetingLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// What is wrong with the meeting input, with the sentence to show under the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingLinkError {
    #[error("Paste the meeting link from your invitation.")]
    Empty,
    #[error(
        "This is a Skype address (sip:), not a meeting link. Paste the https:// join link from the invitation, or join a conference address directly (Skype for Business Server)."
    )]
    SipUri,
    #[error("Meeting links must start with https://. This one uses {scheme}://.")]
    NotHttps { scheme: String },
    #[error("This does not look like a link. Paste the https:// join link from your invitation.")]
    NotAUrl,
    #[error(
        "The text contains no meeting link. Paste the https:// join link from your invitation."
    )]
    NoMeetingLink,
    #[error(
        "The text contains several different meeting links. Paste just the one you want to join."
    )]
    SeveralLinks,
    #[error("The link has no meeting in it (only a host name). Paste the whole join link.")]
    NoPath,
    #[error("The link is too long to be a meeting link.")]
    TooLong,
    #[error("Meeting links must not contain a user name or password.")]
    HasCredentials,
}

fn classify_non_link(text: &str) -> MeetingLinkError {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("sip:") || lower.contains(" sip:") || lower.contains("<sip:") {
        return MeetingLinkError::SipUri;
    }
    if lower.contains("https://") {
        // An https link was there but could not be used.
        return if text.chars().count() > MAX_URL_CHARS {
            MeetingLinkError::TooLong
        } else {
            MeetingLinkError::NotAUrl
        };
    }
    if let Some((scheme, _)) = text.split_once("://") {
        let scheme = scheme.trim();
        if !scheme.is_empty() && !scheme.contains(char::is_whitespace) && scheme.len() <= 16 {
            return MeetingLinkError::NotHttps {
                scheme: scheme.to_ascii_lowercase(),
            };
        }
    }
    if text.split_whitespace().count() > 3 {
        MeetingLinkError::NoMeetingLink
    } else {
        MeetingLinkError::NotAUrl
    }
}

/// Every https URL in the text, unwrapped from angle brackets, quotes and safe-link wrappers.
fn candidates(text: &str) -> Vec<Url> {
    let mut out: Vec<Url> = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("https://") {
        let start = from + pos;
        let end = start + link_end(&text[start..]);
        if let Some(url) = parse_found(&text[start..end]).and_then(unwrap_safe_link)
            && !out.contains(&url)
        {
            out.push(url);
        }
        from = end.max(start + 8);
    }
    out
}

/// Where a link starting at the beginning of `text` ends: at white space, a control character
/// or the brackets and quotes that surround links in mail.
fn link_end(text: &str) -> usize {
    text.find(|c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '\'' | '`' | '|' | '[' | ']')
    })
    .unwrap_or(text.len())
}

/// A link as found in text (`raw` already ends where `link_end` says).
fn parse_found(raw: &str) -> Option<Url> {
    if raw.chars().count() > MAX_URL_CHARS {
        return None;
    }
    parse_stable(raw)
}

/// Sentence punctuation after a link in running text, not part of it.
fn trim_punctuation(s: &str) -> &str {
    s.trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
}

/// Parse a link found in text so that its own display parses back to it: the URL parser drops
/// trailing control characters and normalises the path, which can leave sentence punctuation
/// at the end (`…/x:\0` → `…/x:`); that is trimmed again until nothing changes.
fn parse_stable(raw: &str) -> Option<Url> {
    let mut url = Url::parse(trim_punctuation(raw)).ok()?;
    for _ in 0..4 {
        let trimmed = trim_punctuation(url.as_str());
        if trimmed.len() == url.as_str().len() {
            return Some(url);
        }
        url = Url::parse(trimmed).ok()?;
    }
    None
}

/// Outlook "safe links" wrap the real URL in a `url=` query parameter (sometimes more than
/// once). The inner URL is read as if it had been pasted, so the link accepted is exactly what
/// its own text parses to; a wrapper nested deeper than a few levels is not a link.
fn unwrap_safe_link(mut url: Url) -> Option<Url> {
    for _ in 0..4 {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        if !host.ends_with("safelinks.protection.outlook.com") {
            return Some(url);
        }
        let inner = url
            .query_pairs()
            .find(|(k, _)| k == "url")
            .map(|(_, v)| v.trim().to_string());
        match inner.and_then(|v| parse_found(&v[..link_end(&v)])) {
            Some(parsed) => url = parsed,
            None => return Some(url),
        }
    }
    None
}

fn looks_like_meeting(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = url.path().to_ascii_lowercase();
    host.starts_with("meet.")
        || host.starts_with("join.")
        || path.starts_with("/meet/")
        || path.contains("/meetings/")
}

fn same_meeting(a: &Url, b: &Url) -> bool {
    a.host_str().map(str::to_ascii_lowercase) == b.host_str().map(str::to_ascii_lowercase)
        && a.path()
            .trim_end_matches('/')
            .eq_ignore_ascii_case(b.path().trim_end_matches('/'))
}

fn validate(url: Url) -> Result<MeetingLink, MeetingLinkError> {
    if url.scheme() != "https" {
        return Err(MeetingLinkError::NotHttps {
            scheme: url.scheme().to_string(),
        });
    }
    // A host name of DNS characters (or an IP address): the URL parser accepts more (a
    // percent-encoded `"` becomes part of the host), which no meeting service uses and which
    // would end the link early when its text is pasted again.
    let dns_name = |d: &str| {
        !d.is_empty()
            && d.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
    };
    match url.host() {
        Some(url::Host::Domain(d)) if dns_name(d) => {}
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => {}
        _ => return Err(MeetingLinkError::NotAUrl),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(MeetingLinkError::HasCredentials);
    }
    if url.path().trim_matches('/').is_empty() {
        return Err(MeetingLinkError::NoPath);
    }
    if url.as_str().chars().count() > MAX_URL_CHARS {
        return Err(MeetingLinkError::TooLong);
    }
    Ok(MeetingLink(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> String {
        MeetingLink::parse(input)
            .unwrap_or_else(|e| panic!("{input:?}: {e}"))
            .to_string()
    }

    fn err(input: &str) -> MeetingLinkError {
        MeetingLink::parse(input).expect_err(input)
    }

    #[test]
    fn accepts_plain_and_wrapped_links() {
        let u = "https://meet.lync.com/contoso/testuser/1SD8D0WZ";
        assert_eq!(ok(u), u);
        assert_eq!(ok(&format!("  {u}\n")), u);
        assert_eq!(ok(&format!("<{u}>")), u);
        assert_eq!(ok(&format!("\"{u}\".")), u);
        assert_eq!(ok(&format!("(see {u})")), u);
        assert_eq!(
            ok("HTTPS://Meet.Lync.com/contoso/a/B1"),
            "https://meet.lync.com/contoso/a/B1"
        );
    }

    #[test]
    fn extracts_the_link_from_an_invitation() {
        let text = "Join Skype Meeting<https://meet.lync.com/contoso/ada/OPEN1234>\n\
                    Trouble joining? Try Skype Web App<https://meet.lync.com/contoso/ada/OPEN1234?sl=1>\n\
                    Join by phone +1 555 0100 (Global) English (United States)\n\
                    Find a local number<https://dialin.lync.com/8551f4c1-bea3-441a-8738-69aa517a91c5>\n\
                    Help<https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033&p1=5&p2=2009>";
        assert_eq!(ok(text), "https://meet.lync.com/contoso/ada/OPEN1234");
    }

    #[test]
    fn unwraps_outlook_safe_links() {
        let wrapped = "https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmeet.lync.com%2Fcontoso%2Fada%2FOPEN1234&data=02";
        assert_eq!(ok(wrapped), "https://meet.lync.com/contoso/ada/OPEN1234");
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(err(""), MeetingLinkError::Empty);
        assert_eq!(err("   \n"), MeetingLinkError::Empty);
        assert_eq!(
            err("sip:ada@contoso.com;gruu;opaque=app:conf:focus:id:OPEN1234"),
            MeetingLinkError::SipUri
        );
        assert_eq!(
            err("http://meet.lync.com/contoso/ada/OPEN1234"),
            MeetingLinkError::NotHttps {
                scheme: "http".into()
            }
        );
        assert_eq!(
            err("ftp://meet.lync.com/x"),
            MeetingLinkError::NotHttps {
                scheme: "ftp".into()
            }
        );
        assert_eq!(err("meet.lync.com/contoso"), MeetingLinkError::NotAUrl);
        assert_eq!(err("hello"), MeetingLinkError::NotAUrl);
        assert_eq!(
            err("please join our meeting tomorrow at ten"),
            MeetingLinkError::NoMeetingLink
        );
        assert_eq!(err("https://meet.lync.com/"), MeetingLinkError::NoPath);
        assert_eq!(
            err("https://user:pw@meet.lync.com/a/b"),
            MeetingLinkError::HasCredentials
        );
        assert_eq!(
            err("https://meet.lync.com/a/ONE and https://meet.lync.com/b/TWO"),
            MeetingLinkError::SeveralLinks
        );
        assert_eq!(
            err("see https://example.com/a and https://example.org/b"),
            MeetingLinkError::NoMeetingLink
        );
        assert_eq!(
            err(&format!("https://meet.lync.com/{}", "a".repeat(3000))),
            MeetingLinkError::TooLong
        );
        assert_eq!(
            err(&"x ".repeat(MAX_INPUT_CHARS)),
            MeetingLinkError::TooLong
        );
    }

    /// Found by fuzzing: the URL parser dropped a trailing NUL, leaving a `:` that a second
    /// parse of the accepted link trimmed — the link did not re-parse to itself.
    #[test]
    fn accepted_links_parse_back_to_themselves() {
        for input in [
            "\u{fffd}  \"https://jnin.cootoso.example/mesip:\u{0}  ",
            "https://meet.example/a/B1.\u{1}",
            "https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmeet.example%2Fa%2FB1%3A",
            "https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmeet.example%2Fa%2FB1.%00",
        ] {
            let link = MeetingLink::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert!(
                link.as_str().ends_with("/B1") || link.as_str().ends_with("/mesip"),
                "{link:?}"
            );
            assert_eq!(MeetingLink::parse(link.as_str()), Ok(link));
        }
    }

    /// Found by fuzzing: `%22` in the host decoded to a `"` inside the host name, so the
    /// displayed link, pasted again, ended at the quote and had no path.
    #[test]
    fn hosts_must_be_dns_names() {
        assert_eq!(
            err("https://nam%22oattps://di0000m"),
            MeetingLinkError::NotAUrl
        );
        assert_eq!(err("https://a%22b.example/x/y"), MeetingLinkError::NotAUrl);
        assert_eq!(err("https://a%7Cb.example/x/y"), MeetingLinkError::NotAUrl);
        assert_eq!(
            ok("https://127.0.0.1:8443/meet/a"),
            "https://127.0.0.1:8443/meet/a"
        );
        assert_eq!(
            ok("https://Bücher.example/meet/a"),
            "https://xn--bcher-kva.example/meet/a"
        );
    }

    /// Found by fuzzing: a safe link's inner URL with a `]` in it was accepted whole, but its
    /// text, pasted again, ended at the `]`.
    #[test]
    fn safe_links_unwrap_to_what_a_paste_of_the_inner_link_gives() {
        let input = "https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmeet.example%2Fa%2FB1%5Dx%2Fy";
        assert_eq!(ok(input), "https://meet.example/a/B1");
        let twice = format!(
            "https://nam01.safelinks.protection.outlook.com/?url={}",
            url::form_urlencoded::byte_serialize(
                b"https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmeet.example%2Fa%2FB1"
            )
            .collect::<String>()
        );
        assert_eq!(ok(&twice), "https://meet.example/a/B1");
        let data = b"https://nam01.safelinks.protection.outlook.com/234&da?url=https://d\xcd\x81httphttps://lam01.e%5d.ssip:%0A%2Fdaxn--d.ssip:%0l=\xff\xff@%2Fotemook.com/?\xff\x1f\x00F\x00=04";
        let text = String::from_utf8_lossy(data);
        if let Ok(link) = MeetingLink::parse(&text) {
            assert_eq!(MeetingLink::parse(link.as_str()), Ok(link));
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "https://",
            "https://\u{0}",
            "https://[::1",
            "https://ü.example/ä",
            "<<https://>>",
            "https://https://",
            "\u{202e}https://meet.x/y",
        ] {
            let _ = MeetingLink::parse(s);
        }
    }
}

#[cfg(test)]
mod props;
