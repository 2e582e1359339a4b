//! The links the desktop hands the app (`guest-join <link>`): what the organisation's Skype for
//! Business join page launches (`lync15:confjoin?url=…` and its `lync15classic:`, `lync15mlx:`,
//! `lync15://`, `lync://` and `lync:` forms; the `conf:sip:…` fallback link), a meeting link
//! itself, and the app's own `guest-join:join?url=…[&name=…][&profile=…]` for an organisation's
//! web page (docs/protocol.md §11, D26). Turned into what the join form is filled with; the form's
//! own checks then judge the meeting link, as if the guest had pasted it.

use percent_encoding::percent_decode_str;
use url::Url;

/// Longest link accepted from the desktop (a join link is far shorter).
pub const MAX_LAUNCH_CHARS: usize = 8_192;

/// The schemes of the Skype for Business join page's launcher, each followed by
/// `confjoin?url=<meeting URL>`.
const CONFJOIN_SCHEMES: [&str; 4] = ["lync15", "lync15classic", "lync15mlx", "lync"];

/// The app's own scheme.
pub const APP_SCHEME: &str = "guest-join";

/// Every scheme the app opens (the desktop file registers each as `x-scheme-handler/…`).
pub const SCHEMES: [&str; 6] = [
    "lync15",
    "lync15classic",
    "lync15mlx",
    "lync",
    "conf",
    APP_SCHEME,
];

/// What a launch link fills the join form with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LaunchLink {
    /// The meeting field's text: an https link, or a conference address (`sip:…`).
    pub meeting: String,
    /// A conference address: only the direct mode (Skype for Business Server) can join it.
    pub direct: bool,
    /// `guest-join:` links only: the name field.
    pub name: Option<String>,
    /// `guest-join:` links only: the configured join service to choose, by name.
    pub profile: Option<String>,
}

impl LaunchLink {
    /// Read a launch link. Text in none of the known forms is kept as it is (trimmed, without
    /// control characters, at most [`MAX_LAUNCH_CHARS`]): the form then says what is wrong
    /// with it, as for anything pasted.
    pub fn parse(input: &str) -> LaunchLink {
        let text: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_LAUNCH_CHARS)
            .collect();
        Self::known(&text).unwrap_or(LaunchLink {
            meeting: text,
            ..LaunchLink::default()
        })
    }

    fn known(text: &str) -> Option<LaunchLink> {
        let (scheme, rest) = text.split_once(':')?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme == "https" {
            return Some(LaunchLink {
                meeting: text.to_string(),
                ..LaunchLink::default()
            });
        }
        if scheme == "conf" {
            return Some(conference(rest));
        }
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        if CONFJOIN_SCHEMES.contains(&scheme.as_str()) {
            return confjoin(rest);
        }
        if scheme == APP_SCHEME {
            return app_link(text);
        }
        None
    }
}

/// `conf:sip:ada@contoso.com;gruu;opaque=app:conf:focus:id:KEY%3Frequired-media=audio`: the
/// conference address, without the media it asks for.
fn conference(rest: &str) -> LaunchLink {
    let decoded = percent_decode_str(rest).decode_utf8_lossy();
    let address = decoded.split('?').next().unwrap_or_default().trim();
    LaunchLink {
        meeting: address.to_string(),
        direct: true,
        ..LaunchLink::default()
    }
}

/// `confjoin?url=<meeting URL>`. The join page passes the URL encoded (an iframe) or as it is
/// (`msLaunchUri`), so everything after `url=` is the URL, decoded when it was encoded.
fn confjoin(rest: &str) -> Option<LaunchLink> {
    let (action, query) = rest.split_once('?')?;
    if !action
        .trim_end_matches('/')
        .eq_ignore_ascii_case("confjoin")
    {
        return None;
    }
    let value = query
        .split_once("url=")
        .filter(|(before, _)| before.is_empty() || before.ends_with('&'))?
        .1;
    let lower = value.to_ascii_lowercase();
    let url = if lower.starts_with("https%3a") || lower.starts_with("http%3a") {
        percent_decode_str(value).decode_utf8_lossy().into_owned()
    } else {
        value.to_string()
    };
    Some(LaunchLink {
        meeting: url.trim().to_string(),
        ..LaunchLink::default()
    })
}

/// `guest-join:join?url=…&name=…&profile=…` (each value percent-encoded).
fn app_link(text: &str) -> Option<LaunchLink> {
    let url = Url::parse(text).ok()?;
    if url.path() != "join" {
        return None;
    }
    let mut link = LaunchLink::default();
    for (key, value) in url.query_pairs() {
        let value = value.trim().to_string();
        match key.as_ref() {
            "url" => link.meeting = value,
            "name" if !value.is_empty() => link.name = Some(value),
            "profile" if !value.is_empty() => link.profile = Some(value),
            _ => {}
        }
    }
    if let Some(address) = link.meeting.strip_prefix("conf:") {
        link.meeting = conference(address).meeting;
    }
    link.direct = link.meeting.to_ascii_lowercase().starts_with("sip:");
    Some(link)
}

#[cfg(test)]
mod tests;
