//! Emulator configuration: listeners' behaviour, credentials, scripted meetings, faults.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::api::wire::rel::{REL_PREFIXES, Rel, RelName};
use crate::api::wire::{self, Route};

pub use super::telephony::{
    AudioProvider, DialIn, DialInRegionSpec, DialOut, MeetingPhone, PhoneOutcome, PhoneScript,
};

/// Which prefix the Trusted Application API rels carry (docs/protocol.md §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RelPrefix {
    /// `service:` (GA documentation).
    #[default]
    Service,
    /// `ms:rtc:saas:` (pre-GA traces and SDK fixtures).
    MsRtcSaas,
}

impl RelPrefix {
    pub fn as_str(self) -> &'static str {
        match self {
            RelPrefix::Service => REL_PREFIXES[0],
            RelPrefix::MsRtcSaas => REL_PREFIXES[1],
        }
    }

    /// `rel` with this prefix, e.g. `service:discover`.
    pub fn rel(self, rel: Rel) -> RelName {
        rel.prefixed(self.as_str())
    }
}

/// What happens to a guest who asks to join a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LobbyPolicy {
    /// No lobby: the guest is in the meeting at once.
    Open,
    /// Lobby; the guest is admitted after this long (unless the control API decides first).
    AdmitAfter(#[serde(with = "duration_ms")] Duration),
    /// Lobby; the guest is denied after this long.
    DenyAfter(#[serde(with = "duration_ms")] Duration),
    /// Lobby; the wait times out after this long.
    TimeoutAfter(#[serde(with = "duration_ms")] Duration),
    /// Lobby; only the control API admits or denies.
    Manual,
    /// Nobody may join: the join fails with Forbidden/NotAllowed.
    Locked,
}

impl LobbyPolicy {
    pub fn has_lobby(self) -> bool {
        !matches!(self, LobbyPolicy::Open | LobbyPolicy::Locked)
    }

    /// The onlineMeeting `accessLevel` that matches the policy.
    pub fn access_level(self) -> &'static str {
        match self {
            LobbyPolicy::Open => "Everyone",
            LobbyPolicy::Locked => "Locked",
            _ => "Invited",
        }
    }
}

/// How the join's events are batched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EventStyle {
    /// Every step in its own batch, as in the event sequence of docs/protocol.md Appendix A.
    #[default]
    Detailed,
    /// Aggregated: a successful join arrives as one batch that jumps straight to `completed`.
    Collapsed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Role {
    Leader,
    #[default]
    Attendee,
}

impl Role {
    /// The role as the protocol names it.
    pub fn wire(self) -> wire::Role {
        match self {
            Role::Leader => wire::Role::Leader,
            Role::Attendee => wire::Role::Attendee,
        }
    }
}

/// A scripted (non-guest) meeting participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptedParticipant {
    pub name: String,
    #[serde(default)]
    pub role: Role,
    /// Sent to a guest as an incoming IM once the guest's messaging is connected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greeting: Option<String>,
}

impl ScriptedParticipant {
    pub fn new(name: &str, role: Role, greeting: Option<&str>) -> Self {
        Self {
            name: name.to_string(),
            role,
            greeting: greeting.map(str::to_string),
        }
    }
}

/// One meeting of the emulated world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSpec {
    /// The key, e.g. `https://meet.contoso.example/ada/OPEN1234` (trailing slash, host case and
    /// query string are ignored when matching).
    pub join_url: String,
    /// Organizer's user name: `ada` gives `sip:ada@<tenant>;gruu;opaque=app:conf:focus:id:<id>`.
    pub organizer: String,
    pub conference_id: String,
    pub subject: String,
    pub policy: LobbyPolicy,
    #[serde(default)]
    pub participants: Vec<ScriptedParticipant>,
    #[serde(default)]
    pub event_style: EventStyle,
    /// On-premises: the WebTicket grants `urn:microsoft.rtc:anonmeeting` for this meeting
    /// (the control API can change it later).
    #[serde(default = "yes")]
    pub anonymous_join: bool,
    /// Chat may carry HTML: `supportedMessageFormats` and `negotiatedMessageFormats` say
    /// `Plain` and `Html`, and `text/html` messages are taken. Off: `Plain` only, as the
    /// captured anonymous application says (docs/protocol.md §6).
    #[serde(default)]
    pub html_messages: bool,
    /// The meeting's telephone side: dial-in (docs/protocol.md §6a).
    #[serde(default)]
    pub phone: MeetingPhone,
    /// A steady chat: every this many milliseconds (50 at least) one of the meeting's
    /// attendees says something, while a guest is in the meeting (a big meeting's chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatter_ms: Option<u64>,
}

fn yes() -> bool {
    true
}

impl MeetingSpec {
    /// The conference URI for this meeting in `tenant`.
    pub fn conference_uri(&self, tenant: &str) -> String {
        format!(
            "sip:{}@{tenant};gruu;opaque=app:conf:focus:id:{}",
            self.organizer, self.conference_id
        )
    }
}

/// The body an injected failure carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FaultBody {
    /// A UCWA error JSON matching the status.
    #[default]
    Ucwa,
    /// An HTML page, as an intermediary (proxy, IIS) would send.
    Html,
    /// `Content-Type: application/json` with a body that does not parse.
    MalformedJson,
    /// No response at all: the connection is closed before a byte of the answer is sent (the
    /// closest a shared listener comes to a refused connection; the request was not processed).
    Refused,
    /// The status line, the headers and part of a chunked body, then the connection is dropped.
    Reset,
    /// The request is held (no byte of an answer) until the client gives up or the emulator
    /// stops; the fault's `latency` is ignored for the hold, [`STALL_HOLD`] bounds it.
    Stall,
    /// `Content-Length` announces the whole UCWA error JSON, half of it is sent, then the
    /// connection is closed.
    Truncated,
    /// The request is handled normally; the answer's (valid) body is labelled `text/plain`.
    WrongContentType,
}

/// Longest hold of a [`FaultBody::Stall`] request (well past any client request time-out).
pub const STALL_HOLD: Duration = Duration::from_secs(120);

impl FaultBody {
    /// Whether the real handler runs and the fault only changes its answer.
    pub fn runs_handler(self) -> bool {
        matches!(self, FaultBody::WrongContentType)
    }
}

/// The requests a fault hits: one route, or (`*` in JSON) every route but `control`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultRoute {
    Any,
    Only(Route),
}

impl FaultRoute {
    const ANY: &'static str = "*";

    /// Whether a request of `route` is hit.
    pub fn matches(self, route: Route) -> bool {
        match self {
            FaultRoute::Any => route != Route::Control,
            FaultRoute::Only(r) => r == route,
        }
    }
}

impl From<Route> for FaultRoute {
    fn from(route: Route) -> Self {
        FaultRoute::Only(route)
    }
}

impl Serialize for FaultRoute {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FaultRoute::Any => s.serialize_str(Self::ANY),
            FaultRoute::Only(r) => r.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FaultRoute {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        if name == Self::ANY {
            return Ok(FaultRoute::Any);
        }
        let route = Route::deserialize(serde::de::value::StrDeserializer::<D::Error>::new(&name))?;
        Ok(FaultRoute::Only(route))
    }
}

/// A per-route fault: added latency and/or failing the next `fail_next` requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// A route (see the journal), or `*` for every route except `control`.
    pub route: FaultRoute,
    #[serde(default, rename = "latency_ms", with = "duration_ms")]
    pub latency: Duration,
    #[serde(default)]
    pub fail_next: u32,
    #[serde(default = "default_fault_status")]
    pub status: u16,
    #[serde(default)]
    pub body: FaultBody,
}

fn default_fault_status() -> u16 {
    503
}

impl Fault {
    /// Fail the next `n` requests of `route` with `status` and `body`.
    pub fn fail(route: impl Into<FaultRoute>, n: u32, status: u16, body: FaultBody) -> Self {
        Self {
            route: route.into(),
            latency: Duration::ZERO,
            fail_next: n,
            status,
            body,
        }
    }

    /// Add `latency` to every request of `route`.
    pub fn latency(route: impl Into<FaultRoute>, latency: Duration) -> Self {
        Self {
            route: route.into(),
            latency,
            fail_next: 0,
            status: default_fault_status(),
            body: FaultBody::Ucwa,
        }
    }

    pub(crate) fn matches(&self, route: Route) -> bool {
        self.route.matches(route)
    }
}

/// Everything the emulator needs at start. `Debug` hides the client secret and signing key.
#[derive(Clone)]
pub struct EmulatorConfig {
    /// Added to every HTTP exchange (control requests excluded).
    pub latency: Duration,
    /// psat lifetime.
    pub token_lifetime: Duration,
    /// AAD access-token lifetime.
    pub aad_token_lifetime: Duration,
    /// Longest hold of a parked P-GET (the client's `timeout` is clamped to 180–1800 s first).
    pub poll_hold: Duration,
    /// An application is expired this long after its last P-GET was released with none parked.
    pub app_idle_expiry: Duration,
    pub tenant: String,
    pub client_id: String,
    pub client_secret: String,
    /// The trusted application endpoint, e.g. `sip:helpdesk@contoso.example`.
    pub endpoint_sip: String,
    pub rel_prefix: RelPrefix,
    pub meetings: Vec<MeetingSpec>,
    /// HMAC key for psat tokens; random per start by default.
    pub signing_key: Vec<u8>,
    /// Faults active from the start.
    pub faults: Vec<Fault>,
    /// Serve both listeners over TLS with this certificate (their URLs are then `https://`).
    pub tls: Option<super::TlsIdentity>,
    /// Host name put in the listeners' URLs instead of their address (for a certificate or a
    /// proxy that knows the emulator by name); the listeners still bind where they were told.
    pub public_host: Option<String>,
    /// Also serve the on-premises surface of flow B (lyncdiscover, autodiscover, WebTicket,
    /// `/ucwa/oauth/v1`) on two more listeners; off by default.
    pub on_prem: Option<OnPremConfig>,
}

/// The on-premises deployment (flow B, docs/protocol.md §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnPremConfig {
    /// Deployment-wide: offer the `urn:microsoft.rtc:anonmeeting` grant at all. Each meeting
    /// can also refuse it ([`crate::emulator::Control::set_anonymous_join`]).
    pub anonymous_join: bool,
    /// Lifetime of an anonymous web ticket (`expires_in`); one hour on real servers.
    pub ticket_lifetime: Duration,
    /// What `GET /` on `lyncdiscover` answers at start (the control API can change it).
    pub discover_answer: DiscoverAnswer,
}

impl Default for OnPremConfig {
    fn default() -> Self {
        Self {
            anonymous_join: true,
            ticket_lifetime: Duration::from_secs(3600),
            discover_answer: DiscoverAnswer::Root,
        }
    }
}

/// What `GET /` on the `lyncdiscover` listener answers (docs/protocol.md §B.2).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DiscoverAnswer {
    /// The autodiscover root itself: `self`, `user` and `xframe` links.
    #[default]
    Root,
    /// Only a `redirect` link to the pool's own autodiscover root
    /// (`{lyncweb}/Autodiscover/AutodiscoverService.svc/root`), as a hybrid deployment answers.
    RedirectToPool,
    /// Only a `redirect` link to this absolute `http`/`https` URL (e.g. a foreign host a client
    /// must refuse to follow).
    RedirectTo(String),
}

impl DiscoverAnswer {
    /// A [`DiscoverAnswer::RedirectTo`] must carry an absolute `http`/`https` URL with a host
    /// and no credentials.
    pub fn check(&self) -> Result<(), String> {
        let DiscoverAnswer::RedirectTo(href) = self else {
            return Ok(());
        };
        let url = url::Url::parse(href)
            .map_err(|e| format!("the redirect {href:?} is not an absolute URL: {e}"))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(format!(
                "the redirect {href:?} must be an http or https URL with a host"
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("the redirect must not carry credentials".to_string());
        }
        Ok(())
    }
}

impl std::fmt::Debug for EmulatorConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmulatorConfig")
            .field("latency", &self.latency)
            .field("token_lifetime", &self.token_lifetime)
            .field("aad_token_lifetime", &self.aad_token_lifetime)
            .field("poll_hold", &self.poll_hold)
            .field("app_idle_expiry", &self.app_idle_expiry)
            .field("tenant", &self.tenant)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("endpoint_sip", &self.endpoint_sip)
            .field("rel_prefix", &self.rel_prefix)
            .field("meetings", &self.meetings.len())
            .field("signing_key", &"[redacted]")
            .field("faults", &self.faults)
            .field("tls", &self.tls.is_some())
            .field("public_host", &self.public_host)
            .field("on_prem", &self.on_prem)
            .finish()
    }
}

/// Default AAD client id accepted by the emulator.
pub const DEFAULT_CLIENT_ID: &str = "00000000-0000-4000-8000-0000000000e1";
/// Default AAD client secret accepted by the emulator (a local test credential).
pub const DEFAULT_CLIENT_SECRET: &str = "emulator-client-secret";

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            latency: Duration::ZERO,
            token_lifetime: Duration::from_secs(8 * 3600),
            aad_token_lifetime: Duration::from_secs(3600),
            poll_hold: Duration::from_secs(180),
            app_idle_expiry: Duration::from_secs(15 * 60),
            tenant: "contoso.example".to_string(),
            client_id: DEFAULT_CLIENT_ID.to_string(),
            client_secret: DEFAULT_CLIENT_SECRET.to_string(),
            endpoint_sip: "sip:helpdesk@contoso.example".to_string(),
            rel_prefix: RelPrefix::Service,
            meetings: Vec::new(),
            signing_key: random_key(),
            faults: Vec::new(),
            tls: None,
            public_host: None,
            on_prem: None,
        }
    }
}

fn random_key() -> Vec<u8> {
    let mut key = Vec::with_capacity(32);
    key.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    key.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    key
}

/// Durations as integer milliseconds in JSON.
pub(crate) mod duration_ms {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_millis(u64::deserialize(d)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::demo_meetings;

    #[test]
    fn debug_hides_secrets_and_specs_round_trip() {
        let cfg = EmulatorConfig::default();
        let text = format!("{cfg:?}");
        assert!(!text.contains(DEFAULT_CLIENT_SECRET));
        assert!(text.contains("[redacted]"));
        let spec = &demo_meetings()[1];
        let mut json = serde_json::to_value(spec).unwrap();
        assert_eq!(json["policy"], serde_json::json!({"admit_after": 3000}));
        assert_eq!(
            &serde_json::from_value::<MeetingSpec>(json.clone()).unwrap(),
            spec
        );
        // A spec without `anonymous_join` grants it.
        json.as_object_mut().unwrap().remove("anonymous_join");
        assert!(
            serde_json::from_value::<MeetingSpec>(json)
                .unwrap()
                .anonymous_join
        );
    }
}
