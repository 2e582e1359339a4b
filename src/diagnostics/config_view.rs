//! `config.json`: the configuration a session ran with, without secrets. The token URL is
//! shown without its query (a key could hide there), the service key only as set or not.

use serde::Serialize;
use url::Url;

use crate::api::HttpOptions;
use crate::api::exchange::{MAX_RECORDED_BODY, RecordMode};
use crate::api::recorder::{HEAD_ENTRIES, TAIL_ENTRIES};
use crate::join::{Flow, JoinRequest, TokenSource};

#[derive(Debug, Clone, Serialize)]
pub struct ConfigView {
    /// Where tokens came from: `built-in demo`, `--service`, or a profile's name.
    pub service: String,
    /// `service_application` (flow A) or `direct` (flow B).
    pub flow: Option<Flow>,
    /// scheme://host[:port]/path of the token URL (no query, no user info).
    pub token_url: Option<String>,
    /// Flow B: the configured autodiscover entry point, shown like the token URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autodiscover: Option<String>,
    /// `[set]` or `[not set]`.
    pub service_key: &'static str,
    pub meeting_host: Option<String>,
    pub origin: Option<String>,
    pub culture: Option<String>,
    pub user_agent: String,
    pub limits: Option<LimitsView>,
    pub http: HttpView,
    pub recording: RecordingView,
}

#[derive(Debug, Clone, Serialize)]
pub struct LimitsView {
    pub join_deadline_s: f64,
    pub leave_wait_s: f64,
    pub cleanup_timeout_s: f64,
    pub rejoin_attempts: u32,
    pub retry_max_attempts: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct HttpView {
    pub connect_timeout_s: f64,
    pub request_timeout_s: f64,
    pub max_response_bytes: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordingView {
    pub mode: RecordMode,
    pub max_exchanges: usize,
    pub max_body_bytes: usize,
}

/// A token URL without query, fragment or user info.
pub fn token_url_view(url: &Url) -> String {
    let mut u = url.clone();
    u.set_query(None);
    u.set_fragment(None);
    u.set_username("").ok();
    u.set_password(None).ok();
    u.to_string()
}

fn key_view(set: bool) -> &'static str {
    if set { "[set]" } else { "[not set]" }
}

impl ConfigView {
    /// The configuration of a session that was built.
    pub fn of_request(
        service: &str,
        req: &JoinRequest,
        http: &HttpOptions,
        mode: RecordMode,
    ) -> Self {
        let l = &req.limits;
        let (token_url, autodiscover, key_set) = match &req.source {
            TokenSource::Service(p) => (
                Some(token_url_view(&p.token_url)),
                None,
                p.service_key.is_some(),
            ),
            TokenSource::Direct(p) => (None, p.autodiscover.as_ref().map(token_url_view), false),
        };
        Self {
            service: service.to_string(),
            flow: Some(req.source.flow()),
            token_url,
            autodiscover,
            service_key: key_view(key_set),
            meeting_host: Some(req.meeting.host().to_string()),
            origin: Some(req.origin.clone()),
            culture: Some(req.culture.clone()),
            limits: Some(LimitsView {
                join_deadline_s: l.join_deadline.as_secs_f64(),
                leave_wait_s: l.leave_wait.as_secs_f64(),
                cleanup_timeout_s: l.cleanup_timeout.as_secs_f64(),
                rejoin_attempts: l.rejoin_attempts,
                retry_max_attempts: l.retry.max_attempts,
            }),
            ..Self::partial(service, key_set, http, mode)
        }
    }

    /// What is known of a session that never got built (bad input, no demo, no network).
    pub fn partial(
        service: &str,
        service_key_set: bool,
        http: &HttpOptions,
        mode: RecordMode,
    ) -> Self {
        Self {
            service: service.to_string(),
            flow: None,
            token_url: None,
            autodiscover: None,
            service_key: key_view(service_key_set),
            meeting_host: None,
            origin: None,
            culture: None,
            user_agent: http.user_agent.clone(),
            limits: None,
            http: HttpView {
                connect_timeout_s: http.connect_timeout.as_secs_f64(),
                request_timeout_s: http.request_timeout.as_secs_f64(),
                max_response_bytes: http.max_body_bytes,
            },
            recording: RecordingView {
                mode,
                max_exchanges: HEAD_ENTRIES + TAIL_ENTRIES,
                max_body_bytes: MAX_RECORDED_BODY,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_url_loses_query_and_user_info() {
        let u = Url::parse("https://user:pw@join.contoso.com:8443/t/GetAnonTokenJob?key=abc#x")
            .unwrap();
        assert_eq!(
            token_url_view(&u),
            "https://join.contoso.com:8443/t/GetAnonTokenJob"
        );
    }
}
