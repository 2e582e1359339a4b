//! What the command line gives for a join, checked and resolved once: the meeting link, where
//! the token comes from (`--service`, `--direct`, `--demo`), and the settings resolved by
//! `config::resolve` (flag > environment > config file > default) with the HTTP client made
//! from them. Shared by `join` and `load`; the session itself runs in `launch`.

use url::Url;

use crate::api::http::{HttpClient, HttpOptions};
use crate::cli::{TargetArgs, TransportArgs};
use crate::config::{self, Effective, Flags, UrlProblem};
use crate::join::{
    DirectMeeting, FailureInfo, FailureKind, MeetingLink, MeetingLinkError, TokenSource,
};
use crate::launch::{DemoSlot, JoinSource};
use crate::secret::Secret;

fn bad(message: String) -> FailureInfo {
    FailureInfo::new(FailureKind::BadInput, None, message)
}

/// `--meeting`, or the open demo meeting when `--demo` is given without it. With `--direct`
/// the link must name a conference the direct mode can derive (or be a conference URI).
pub fn parse_meeting(
    meeting: Option<&str>,
    demo: bool,
    direct: bool,
) -> Result<MeetingLink, FailureInfo> {
    let text = match (meeting, demo, direct) {
        (Some(m), _, _) => m,
        (None, true, false) => crate::demo::OPEN_MEETING_URL,
        (None, true, true) => crate::demo::DIRECT_OPEN_MEETING_URL,
        (None, false, _) => return Err(bad("--meeting is required without --demo".into())),
    };
    if direct {
        return DirectMeeting::parse(text)
            .map(|(link, _)| link)
            .map_err(|e| bad(format!("meeting link: {e}")));
    }
    MeetingLink::parse(text).map_err(|e| match e {
        MeetingLinkError::SipUri => bad(format!(
            "meeting link: {e} To join a Skype for Business Server meeting by its conference address, add --direct."
        )),
        e => bad(format!("meeting link: {e}")),
    })
}

/// The direct mode offered on the command line: a link on a host that is not a Skype for
/// Business Online meeting host, joined through the demo (no service configured), is probably
/// a Skype for Business Server meeting.
pub fn direct_mode_hint(meeting: &MeetingLink, args: &TargetArgs) -> Option<String> {
    let offer = args.demo && !args.direct && !meeting.is_online_host();
    let joinable = DirectMeeting::from_link(meeting).is_ok();
    (offer && joinable).then(|| {
        format!(
            "note: {} is not a Skype for Business Online meeting host; if the meeting is on Skype for Business Server, join it directly with --direct (without --demo)",
            meeting.host()
        )
    })
}

/// A URL flag (`--service`, `--autodiscover`) through the one check of a service's URL.
fn url_flag(flag: &str, value: Option<&str>) -> Result<Option<Url>, FailureInfo> {
    let Some(s) = value else {
        return Ok(None);
    };
    config::check_service_url(s).map(Some).map_err(|p| {
        bad(match p {
            UrlProblem::NotAbsolute => format!("{flag} {s:?} is not an absolute URL"),
            UrlProblem::NotHttps => format!("{flag} must use https (http only for localhost)"),
            UrlProblem::NoHost => format!("{flag} {s:?} has no host name"),
        })
    })
}

/// Where tokens come from: `--demo` (with `--direct`, the demo's Skype for Business Server
/// stand-in), `--direct` (with `--autodiscover`), else `--service` with `--service-key`.
pub fn source(args: &TargetArgs) -> Result<JoinSource, FailureInfo> {
    let service = url_flag("--service", args.service.as_deref())?;
    let autodiscover = url_flag("--autodiscover", args.autodiscover.as_deref())?;
    let service_key = args.service_key.as_deref().map(Secret::from);
    match (args.demo, args.direct, service) {
        (true, false, _) => Ok(JoinSource::Demo { service_key }),
        (true, true, _) => Ok(JoinSource::DemoDirect),
        (false, true, _) => Ok(JoinSource::Direct { autodiscover }),
        (false, false, Some(token_url)) => Ok(JoinSource::Service {
            token_url,
            service_key,
        }),
        (false, false, None) => Err(bad("give --service URL, --direct or --demo".into())),
    }
}

/// The settings a command joins with, resolved once.
pub struct Settings {
    /// Origin and culture, each with where it came from.
    pub effective: Effective,
    /// One connection pool for every session of the process, with the effective proxy and
    /// CA file.
    pub http: HttpClient,
}

/// Resolve origin, culture, proxy and CA file: flag > environment > config file > default. A
/// bad flag, an unusable proxy or CA file is bad input (exit 2), never a silent fallback; a bad
/// environment value is ignored with a warning, as in the window.
pub fn settings(flags: &Flags, transport: &TransportArgs) -> Result<Settings, FailureInfo> {
    let env_path = std::env::var_os(config::ENV_CONFIG);
    let loaded = config::config_path(None, env_path.as_deref())
        .map(|p| config::load(&p))
        .unwrap_or_default();
    if let Some(e) = &loaded.error {
        eprintln!("warning: {e} (its settings are not used)");
    }
    let env = config::EnvOverrides::from_process();
    let effective =
        config::resolve(flags, &loaded.config, &env, &config::default_culture()).map_err(bad)?;
    for p in &effective.problems {
        eprintln!("warning: {p}");
    }
    let options = http_options_from(transport, &env, &loaded.config)?;
    let http = client(options)?;
    Ok(Settings { effective, http })
}

fn http_options_from(
    args: &TransportArgs,
    env: &config::EnvOverrides,
    file: &config::Config,
) -> Result<HttpOptions, FailureInfo> {
    config::transport(args.proxy.as_deref(), args.ca_file.as_deref(), env, file)
        .and_then(|t| t.http_options())
        .map_err(bad)
}

fn client(options: HttpOptions) -> Result<HttpClient, FailureInfo> {
    HttpClient::new(options)
        .map_err(|e| FailureInfo::new(FailureKind::Network, None, e.to_string()))
}

/// HTTP options alone (commands that resolve no origin or culture): `--proxy`/`--ca-file`,
/// then `GUEST_JOIN_PROXY`/`GUEST_JOIN_CA_FILE`, then the config file.
pub fn http_options(args: &TransportArgs) -> Result<HttpOptions, FailureInfo> {
    let env_path = std::env::var_os(config::ENV_CONFIG);
    let loaded = config::config_path(None, env_path.as_deref())
        .map(|p| config::load(&p))
        .unwrap_or_default();
    if let Some(e) = &loaded.error {
        eprintln!("warning: {e} (its proxy and CA file settings are not used)");
    }
    http_options_from(args, &config::EnvOverrides::from_process(), &loaded.config)
}

/// The HTTP client alone (see [`http_options`]).
pub fn http_client(args: &TransportArgs) -> Result<HttpClient, FailureInfo> {
    client(http_options(args)?)
}

/// Resolve `source` once for many guests (`load`): the demo starts here when it is asked for.
pub async fn token_source(
    source: &JoinSource,
    demo: &DemoSlot,
    origin: &str,
) -> Result<TokenSource, FailureInfo> {
    source
        .resolve(demo, origin)
        .await
        .map_err(|e| FailureInfo::new(FailureKind::ServiceUnreachable, None, e))
}
