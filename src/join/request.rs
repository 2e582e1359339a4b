//! What a join needs: the validated inputs, the service profile and the limits. Built the same
//! way by the GUI form and the `join` command.

use std::time::Duration;

use url::Url;

use crate::api::retry::RetryPolicy;
use crate::secret::Secret;

use super::channel::ChannelConfig;
use super::display_name::DisplayName;
use super::meeting_link::MeetingLink;
use super::status::JoinEvent;
use super::step::Flow;

/// Origin sent when none is configured. Deployments configure the origin their service allows.
pub const DEFAULT_ORIGIN: &str = "https://guest-join.invalid";

/// Where to get guest tokens: the service application's token URL and an optional service key.
#[derive(Debug, Clone)]
pub struct ServiceProfile {
    pub token_url: Url,
    pub service_key: Option<Secret>,
}

/// Joining directly against Skype for Business Server (flow B): no service application.
#[derive(Debug, Clone, Default)]
pub struct DirectProfile {
    /// Where autodiscover starts instead of `https://lyncdiscover.<organizer's domain>/` (a
    /// lab, split DNS, or the demo). Its host is trusted like the organizer's domain when a
    /// `redirect` is checked.
    pub autodiscover: Option<Url>,
}

/// How a session gets its token: which flow it runs.
#[derive(Debug, Clone)]
pub enum TokenSource {
    Service(ServiceProfile),
    Direct(DirectProfile),
}

impl TokenSource {
    pub fn flow(&self) -> Flow {
        match self {
            TokenSource::Service(_) => Flow::ServiceApplication,
            TokenSource::Direct(_) => Flow::Direct,
        }
    }

    /// The service profile, for flow A.
    pub fn service(&self) -> Option<&ServiceProfile> {
        match self {
            TokenSource::Service(p) => Some(p),
            TokenSource::Direct(_) => None,
        }
    }
}

impl From<ServiceProfile> for TokenSource {
    fn from(p: ServiceProfile) -> Self {
        TokenSource::Service(p)
    }
}

impl From<DirectProfile> for TokenSource {
    fn from(p: DirectProfile) -> Self {
        TokenSource::Direct(p)
    }
}

#[derive(Debug, Clone)]
pub struct Limits {
    /// From the start to being in the meeting (lobby included).
    pub join_deadline: Duration,
    /// Retries of ordinary requests (connect errors, 429, 5xx).
    pub retry: RetryPolicy,
    pub channel: ChannelConfig,
    /// How long to wait for the server to confirm the leave.
    pub leave_wait: Duration,
    /// Time-out of each clean-up request (DELETE conversation, DELETE application).
    pub cleanup_timeout: Duration,
    /// Attempts to rejoin after the connection or the token is lost; 0 turns rejoining off.
    pub rejoin_attempts: u32,
    /// Delay between rejoin attempts.
    pub rejoin_backoff: RetryPolicy,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            join_deadline: Duration::from_secs(120),
            retry: RetryPolicy::default(),
            channel: ChannelConfig::default(),
            leave_wait: Duration::from_secs(5),
            cleanup_timeout: Duration::from_secs(10),
            rejoin_attempts: 3,
            rejoin_backoff: RetryPolicy {
                max_attempts: 3,
                base: Duration::from_secs(1),
                cap: Duration::from_secs(10),
            },
        }
    }
}

#[derive(Debug, Clone)]
pub struct JoinRequest {
    pub meeting: MeetingLink,
    pub name: DisplayName,
    pub source: TokenSource,
    pub origin: String,
    pub culture: String,
    pub user_agent: String,
    /// One per guest session; reused only to rejoin the same session.
    pub application_session_id: String,
    pub limits: Limits,
}

impl JoinRequest {
    pub fn new(meeting: MeetingLink, name: DisplayName, source: impl Into<TokenSource>) -> Self {
        Self {
            meeting,
            name,
            source: source.into(),
            origin: DEFAULT_ORIGIN.to_string(),
            culture: "en-US".to_string(),
            user_agent: format!("guest-join/{}", env!("CARGO_PKG_VERSION")),
            application_session_id: uuid::Uuid::new_v4().to_string(),
            limits: Limits::default(),
        }
    }
}

/// Receives every engine event, in order (GUI channel, CLI printer, tests).
pub trait EventSink: Send + Sync {
    fn emit(&self, event: &JoinEvent);

    /// Whether this sink uses `JoinEvent::Exchange`; when not, the engine builds no exchange
    /// records at all (they copy and redact every body).
    fn wants_exchanges(&self) -> bool {
        true
    }
}

/// A sink that keeps nothing.
pub struct NullSink;

impl EventSink for NullSink {
    fn emit(&self, _: &JoinEvent) {}
}

impl<F: Fn(&JoinEvent) + Send + Sync> EventSink for F {
    fn emit(&self, event: &JoinEvent) {
        self(event)
    }
}
