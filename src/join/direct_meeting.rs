//! What the direct mode (flow B, docs/protocol.md §B.1) needs from a meeting link: the conference
//! URI, its key and the organizer's SIP domain. A conference URI is taken as it is; an on-premises
//! "simple URL" (`https://meet.<domain>/<organizer>/<ConferenceID>`, or
//! `https://join.<domain>/meet/<organizer>/<ConferenceID>`) is mapped to one the way the join
//! launcher does for the common deployment. That mapping is a heuristic (docs/protocol.md §11 D7):
//! the join launcher's lookup is not documented (open question Q5), so a deployment whose meeting
//! host is not `meet.`/`join.` + the SIP domain is joined with the conference URI itself.

use url::Url;

use super::conference::{is_conference_uri, make_conference_uri, split_conference_uri};
use super::meeting_link::{MeetingLink, MeetingLinkError};

/// The conference a direct join asks a web ticket for. `Debug` is safe: nothing here is secret
/// beyond the meeting link itself (the key is the link's last part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectMeeting {
    /// `sip:<organizer>@<domain>;gruu;opaque=app:conf:focus:id:<id>`.
    pub conference_uri: String,
    /// The conference key sent as the grant's `password`: the ConferenceID (docs/protocol.md §B.3).
    pub conference_key: String,
    /// The organizer's SIP domain, where autodiscover starts (docs/protocol.md §B.2).
    pub domain: String,
    pub organizer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DirectMeetingError {
    #[error(transparent)]
    Link(#[from] MeetingLinkError),
    #[error(
        "This is a Skype for Business Online link; Online meetings are joined through the organisation's service application, not directly."
    )]
    OnlineLink,
    #[error(
        "This link does not have the form of a Skype for Business Server meeting link (https://meet.<domain>/<organizer>/<meeting ID>). Paste the conference address (sip:…;gruu;opaque=app:conf:focus:id:…) instead."
    )]
    NotASimpleUrl,
    #[error(
        "The meeting host is an IP address, so the organizer's domain is unknown. Paste the conference address (sip:…) instead."
    )]
    NoDomain,
}

impl DirectMeeting {
    /// Parse user input for the direct mode: a conference URI, or any input
    /// [`MeetingLink::parse`] accepts whose link is an on-premises simple URL.
    pub fn parse(input: &str) -> Result<(MeetingLink, Self), DirectMeetingError> {
        let bare = input
            .trim()
            .trim_start_matches(['<', '"', '\''])
            .trim_end_matches(['>', '"', '\'', '.', ',']);
        if let Some(link) = MeetingLink::from_conference_uri(bare) {
            let meeting = Self::from_link(&link)?;
            return Ok((link, meeting));
        }
        let link = match MeetingLink::parse(input) {
            Err(MeetingLinkError::SipUri) => {
                return Err(DirectMeetingError::NotASimpleUrl);
            }
            other => other?,
        };
        let meeting = Self::from_link(&link)?;
        Ok((link, meeting))
    }

    /// The conference of an accepted link (a conference URI or a simple URL).
    pub fn from_link(link: &MeetingLink) -> Result<Self, DirectMeetingError> {
        if link.is_conference_uri() {
            return Self::from_conference_uri(link.as_str())
                .ok_or(DirectMeetingError::NotASimpleUrl);
        }
        if link.is_online_host() {
            return Err(DirectMeetingError::OnlineLink);
        }
        let url = link.url();
        let domain = match url.host() {
            Some(url::Host::Domain(d)) => {
                let d = d.to_ascii_lowercase();
                let stripped = ["meet.", "join."]
                    .iter()
                    .find_map(|p| d.strip_prefix(p).map(str::to_string));
                stripped.unwrap_or(d)
            }
            _ => return Err(DirectMeetingError::NoDomain),
        };
        if !domain.contains('.') {
            return Err(DirectMeetingError::NoDomain);
        }
        let mut segments: Vec<&str> = url
            .path_segments()
            .map(|s| s.filter(|p| !p.is_empty()).collect())
            .unwrap_or_default();
        if segments
            .first()
            .is_some_and(|s| s.eq_ignore_ascii_case("meet"))
        {
            segments.remove(0);
        }
        let [organizer, id] = segments.as_slice() else {
            return Err(DirectMeetingError::NotASimpleUrl);
        };
        let organizer_ok = !organizer.is_empty()
            && organizer.len() <= 128
            && organizer
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'));
        let id_ok =
            !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric());
        if !organizer_ok || !id_ok {
            return Err(DirectMeetingError::NotASimpleUrl);
        }
        Ok(Self {
            conference_uri: make_conference_uri(&format!("{organizer}@{domain}"), id),
            conference_key: id.to_string(),
            domain,
            organizer: organizer.to_string(),
        })
    }

    fn from_conference_uri(uri: &str) -> Option<Self> {
        if !is_conference_uri(uri) {
            return None;
        }
        let (user_at_domain, id) = split_conference_uri(uri)?;
        let (organizer, domain) = user_at_domain.rsplit_once('@')?;
        let domain = domain.to_ascii_lowercase();
        let domain_ok = domain.contains('.')
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
        (domain_ok && !organizer.is_empty()).then(|| Self {
            conference_uri: uri.to_string(),
            conference_key: id.to_string(),
            domain,
            organizer: organizer.to_string(),
        })
    }

    /// Where autodiscover starts for this meeting: the external entry point
    /// `https://lyncdiscover.<domain>/` (docs/protocol.md §B.2; anonymous clients have only that
    /// one).
    pub fn lyncdiscover_url(&self) -> Option<Url> {
        Url::parse(&format!("https://lyncdiscover.{}/", self.domain)).ok()
    }

    /// Whether `host` is the organizer's domain or inside it: where an autodiscover `redirect`
    /// may lead (docs/protocol.md §B.2: "the redirect must stay within an allowed domain").
    pub fn is_within_domain(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        host == self.domain || host.ends_with(&format!(".{}", self.domain))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> DirectMeeting {
        DirectMeeting::parse(input)
            .unwrap_or_else(|e| panic!("{input:?}: {e}"))
            .1
    }

    #[test]
    fn simple_urls_of_both_forms_map_to_the_conference_uri() {
        for input in [
            "https://meet.contoso.com/john/BW9Z1MJD",
            "https://join.contoso.com/meet/john/BW9Z1MJD",
            "Join Skype Meeting <https://meet.contoso.com/john/BW9Z1MJD?sl=1>",
            "https://MEET.Contoso.com/john/BW9Z1MJD/",
        ] {
            let m = ok(input);
            assert_eq!(
                m.conference_uri, "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:BW9Z1MJD",
                "{input}"
            );
            assert_eq!(m.conference_key, "BW9Z1MJD");
            assert_eq!(m.domain, "contoso.com");
            assert_eq!(
                m.lyncdiscover_url().unwrap().as_str(),
                "https://lyncdiscover.contoso.com/"
            );
        }
        // The third-party example of docs/protocol.md §B.1.
        assert_eq!(
            ok("https://meet.inframss.dk/tu27/7Q3DSSYV").conference_uri,
            "sip:tu27@inframss.dk;gruu;opaque=app:conf:focus:id:7Q3DSSYV"
        );
    }

    #[test]
    fn conference_uris_are_taken_as_they_are() {
        let uri = "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:G03W98W4";
        for input in [uri.to_string(), format!("<{uri}>"), format!("  {uri}\n")] {
            let (link, m) = DirectMeeting::parse(&input).unwrap();
            assert_eq!(link.as_str(), uri);
            assert_eq!(link.host(), "contoso.com");
            assert!(link.is_conference_uri());
            assert_eq!(m.conference_uri, uri);
            assert_eq!(m.conference_key, "G03W98W4");
            assert_eq!(m.organizer, "john");
        }
        let (link, _) =
            DirectMeeting::parse("SIP:john@contoso.com;gruu;opaque=app:conf:focus:id:X1").unwrap();
        assert_eq!(
            link.as_str(),
            "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:X1"
        );
    }

    #[test]
    fn explains_what_cannot_be_joined_directly() {
        let err = |i: &str| DirectMeeting::parse(i).expect_err(i);
        assert_eq!(
            err("https://meet.lync.com/contoso/ada/OPEN1234"),
            DirectMeetingError::OnlineLink
        );
        assert_eq!(
            err("https://meet.contoso.com/a/b/c"),
            DirectMeetingError::NotASimpleUrl
        );
        assert_eq!(
            err("https://meet.contoso.com/john/ID-WITH-DASH"),
            DirectMeetingError::NotASimpleUrl
        );
        assert_eq!(
            err("sip:john@contoso.com"),
            DirectMeetingError::NotASimpleUrl
        );
        assert_eq!(
            err("https://10.0.0.5/john/BW9Z1MJD"),
            DirectMeetingError::NoDomain
        );
        assert_eq!(
            err("https://meet.localhost/john/BW9Z1MJD"),
            DirectMeetingError::NoDomain
        );
        assert_eq!(err(""), DirectMeetingError::Link(MeetingLinkError::Empty));
        // The plain parser still points sip: input to the https link, for flow A.
        assert_eq!(
            MeetingLink::parse("sip:john@contoso.com;gruu;opaque=app:conf:focus:id:X1"),
            Err(MeetingLinkError::SipUri)
        );
    }

    #[test]
    fn redirects_may_stay_within_the_domain_only() {
        let m = ok("https://meet.contoso.com/john/BW9Z1MJD");
        assert!(m.is_within_domain("lyncweb.contoso.com"));
        assert!(m.is_within_domain("CONTOSO.COM"));
        assert!(!m.is_within_domain("evilcontoso.com"));
        assert!(!m.is_within_domain("contoso.com.evil.example"));
    }

    #[test]
    fn online_hosts_are_known() {
        for (u, online) in [
            ("https://meet.lync.com/contoso/ada/OPEN1234", true),
            ("https://meet.demo.guest-join.invalid/ada/OPEN1234", true),
            ("https://meet.contoso.com/john/BW9Z1MJD", false),
            ("https://notlync.com/john/BW9Z1MJD", false),
        ] {
            assert_eq!(
                MeetingLink::parse(u).unwrap().is_online_host(),
                online,
                "{u}"
            );
        }
    }
}
