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
    DisplayName, FailureInfo, FailureKind, JoinRequest, MeetingLink, ServiceProfile,
};
use crate::secret::Secret;

fn bad(message: String) -> FailureInfo {
    FailureInfo::new(FailureKind::BadInput, None, message)
}

/// `--meeting`, or the open demo meeting when `--demo` is given without it.
pub fn parse_meeting(meeting: Option<&str>, demo: bool) -> Result<MeetingLink, FailureInfo> {
    let text = match (meeting, demo) {
        (Some(m), _) => m,
        (None, true) => crate::demo::OPEN_MEETING_URL,
        (None, false) => return Err(bad("--meeting is required without --demo".into())),
    };
    MeetingLink::parse(text).map_err(|e| bad(format!("meeting link: {e}")))
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
    pub service: ServiceProfile,
    pub origin: String,
    pub culture: String,
    pub join_deadline: Duration,
}

impl Target {
    /// The service profile: the demo's token URL, else `--service`.
    pub fn service_profile(
        demo: Option<&Demo>,
        service: Option<Url>,
        service_key: Option<&str>,
    ) -> Result<ServiceProfile, FailureInfo> {
        let token_url = match (demo, service) {
            (Some(d), _) => d.token_url(),
            (None, Some(u)) => u,
            (None, None) => return Err(bad("give --service URL or --demo".into())),
        };
        Ok(ServiceProfile {
            token_url,
            service_key: service_key.map(Secret::from),
        })
    }

    /// A request for one guest session, with a fresh ApplicationSessionId.
    pub fn request(&self, name: DisplayName) -> JoinRequest {
        let mut request = JoinRequest::new(self.meeting.clone(), name, self.service.clone());
        request.origin = self.origin.clone();
        request.culture = self.culture.clone();
        request.limits.join_deadline = self.join_deadline;
        request
    }
}
