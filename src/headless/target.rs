//! Where headless guests join: the validated meeting link, the service application (a token URL,
//! or the demo environment started in this process), the origin. Shared by `join` and `load`,
//! so both build their `JoinRequest`s the same way.

use std::time::Duration;

use url::Url;

use crate::api::http::{HttpClient, HttpOptions, check_transport};
use crate::cli::TransportArgs;
use crate::config;
use crate::demo::Demo;
use crate::join::{
    DirectMeeting, DirectProfile, DisplayName, FailureInfo, FailureKind, JoinRequest, MeetingLink,
    MeetingLinkError, ServiceProfile, TokenSource,
};
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
pub fn direct_mode_hint(meeting: &MeetingLink, args: &crate::cli::TargetArgs) -> Option<String> {
    let offer = args.demo && !args.direct && !meeting.is_online_host();
    let joinable = DirectMeeting::from_link(meeting).is_ok();
    (offer && joinable).then(|| {
        format!(
            "note: {} is not a Skype for Business Online meeting host; if the meeting is on Skype for Business Server, join it directly with --direct (without --demo)",
            meeting.host()
        )
    })
}

/// `--autodiscover`: an absolute https URL (http only for this computer).
pub fn parse_autodiscover(autodiscover: Option<&str>) -> Result<Option<Url>, FailureInfo> {
    let Some(s) = autodiscover else {
        return Ok(None);
    };
    let url = Url::parse(s.trim())
        .map_err(|_| bad(format!("--autodiscover {s:?} is not an absolute URL")))?;
    check_transport(&url)
        .map_err(|_| bad("--autodiscover must use https (http only for localhost)".to_string()))?;
    Ok(Some(url))
}

/// `--service`: an absolute https URL (http only for this computer).
pub fn parse_service(service: Option<&str>) -> Result<Option<Url>, FailureInfo> {
    let Some(s) = service else {
        return Ok(None);
    };
    let url =
        Url::parse(s.trim()).map_err(|_| bad(format!("--service {s:?} is not an absolute URL")))?;
    check_transport(&url)
        .map_err(|_| bad("--service must use https (http only for localhost)".to_string()))?;
    Ok(Some(url))
}

/// `--origin`, or the default origin.
pub fn parse_origin_or_default(origin: Option<&str>) -> Result<String, FailureInfo> {
    match origin {
        Some(o) => super::join::parse_origin(o).map_err(bad),
        None => Ok(crate::join::request::DEFAULT_ORIGIN.to_string()),
    }
}

/// Start the demo environment in this process, accepting `origin`.
pub async fn start_demo(origin: &str) -> Result<Demo, FailureInfo> {
    Demo::start(origin).await.map_err(|e| {
        FailureInfo::new(
            FailureKind::ServiceUnreachable,
            None,
            format!("the demo environment did not start: {e}"),
        )
    })
}

/// HTTP options from `--proxy`/`--ca-file`, `GUEST_JOIN_PROXY`/`GUEST_JOIN_CA_FILE` and the
/// config file's `proxy`, `no_proxy` and `ca_file` (in that order). A bad value or an unusable
/// CA file is bad input (exit 2), never a silent fallback.
pub fn http_options(args: &TransportArgs) -> Result<HttpOptions, FailureInfo> {
    let env_path = std::env::var_os(config::ENV_CONFIG);
    let loaded = config::config_path(None, env_path.as_deref())
        .map(|p| config::load(&p))
        .unwrap_or_default();
    if let Some(e) = &loaded.error {
        eprintln!("warning: {e} (its proxy and CA file settings are not used)");
    }
    let env = config::EnvOverrides::from_process();
    config::transport(
        args.proxy.as_deref(),
        args.ca_file.as_deref(),
        &env,
        &loaded.config,
    )
    .and_then(|t| t.http_options())
    .map_err(bad)
}

/// The shared HTTP client (one connection pool for every session of the process).
pub fn http_client(args: &TransportArgs) -> Result<HttpClient, FailureInfo> {
    let opts = http_options(args)?;
    HttpClient::new(opts).map_err(|e| FailureInfo::new(FailureKind::Network, None, e.to_string()))
}

/// Everything a guest's `JoinRequest` is made from except the name and the session id.
#[derive(Debug, Clone)]
pub struct Target {
    pub meeting: MeetingLink,
    pub source: TokenSource,
    pub origin: String,
    pub culture: String,
    pub join_deadline: Duration,
}

impl Target {
    /// Where tokens come from: the direct mode (`--direct`, with the demo's Skype for Business
    /// Server stand-in under `--demo`), else the demo's token URL, else `--service`.
    pub fn token_source(
        demo: Option<&Demo>,
        service: Option<Url>,
        service_key: Option<&str>,
        direct: Option<Option<Url>>,
    ) -> Result<TokenSource, FailureInfo> {
        if let Some(autodiscover) = direct {
            let autodiscover = match demo {
                Some(d) => Some(d.emulator().lyncdiscover_url().ok_or_else(|| {
                    bad("the demo environment runs no Skype for Business Server stand-in".into())
                })?),
                None => autodiscover,
            };
            return Ok(DirectProfile { autodiscover }.into());
        }
        let token_url = match (demo, service) {
            (Some(d), _) => d.token_url(),
            (None, Some(u)) => u,
            (None, None) => return Err(bad("give --service URL, --direct or --demo".into())),
        };
        Ok(ServiceProfile {
            token_url,
            service_key: service_key.map(Secret::from),
        }
        .into())
    }

    /// A request for one guest session, with a fresh ApplicationSessionId.
    pub fn request(&self, name: DisplayName) -> JoinRequest {
        let mut request = JoinRequest::new(self.meeting.clone(), name, self.source.clone());
        request.origin = self.origin.clone();
        request.culture = self.culture.clone();
        request.limits.join_deadline = self.join_deadline;
        request
    }
}
