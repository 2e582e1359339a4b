//! What the window shows, as plain data. Views read it (and edit the form's text fields);
//! only `actions::handle` and the event drain in `app.rs` change the rest.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use crate::api::bounded::BoundedLog;
use crate::api::exchange::ExchangeRecord;
use crate::config::Profile;
use crate::gui::views::chat_list::ChatHeights;
use crate::join::status::StepStatus;
use crate::join::status::{JoinEvent, StepState};
use crate::join::{
    DirectMeeting, DirectMeetingError, DisplayName, DisplayNameError, Flow, JoinStatus,
    MeetingLink, Phase, Step,
};

/// HTTP exchanges shown per session: the first ones (the join) and the latest (the event
/// channel adds one per poll). The exports read the session's own, larger recorder.
pub const FIRST_EXCHANGES: usize = 100;
pub const LATEST_EXCHANGES: usize = 400;

/// Which screen is up. The session screens (joining, lobby, meeting, ended) follow the phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Form,
    Session,
    Settings,
}

/// Where tokens come from for a join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileChoice {
    /// The built-in demo environment (emulator + service application in this process).
    Demo,
    /// The built-in demo's Skype for Business Server stand-in, joined directly (flow B).
    DemoDirect,
    /// Directly against the organizer's Skype for Business Server, autodiscover at
    /// `https://lyncdiscover.<domain>/` (no profile needed).
    Direct,
    /// A configured profile, by name (its kind comes from the configuration).
    Named(String),
}

impl ProfileChoice {
    /// The values stored as `last_profile` for the built-in choices.
    pub const DEMO_KEY: &'static str = "demo";
    pub const DEMO_DIRECT_KEY: &'static str = "demo-direct";
    pub const DIRECT_KEY: &'static str = "direct";

    pub fn key(&self) -> &str {
        match self {
            ProfileChoice::Demo => Self::DEMO_KEY,
            ProfileChoice::DemoDirect => Self::DEMO_DIRECT_KEY,
            ProfileChoice::Direct => Self::DIRECT_KEY,
            ProfileChoice::Named(n) => n,
        }
    }

    /// Whether this choice joins directly (flow B); a named profile says so in `profiles`.
    pub fn is_direct(&self, profiles: &[Profile]) -> bool {
        match self {
            ProfileChoice::Demo => false,
            ProfileChoice::DemoDirect | ProfileChoice::Direct => true,
            ProfileChoice::Named(n) => profiles.iter().any(|p| &p.name == n && p.is_direct()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Meeting,
    Name,
}

/// The join form.
#[derive(Debug, Clone)]
pub struct FormState {
    pub meeting: String,
    pub name: String,
    pub profile: ProfileChoice,
    /// The chosen source joins directly (flow B): the link is checked for that mode. Kept in
    /// step with `profile` by [`FormState::sync_source`].
    pub direct: bool,
    /// Show the field's validation message (the user edited it or tried to join).
    pub meeting_touched: bool,
    pub name_touched: bool,
    /// The link was taken out of a longer pasted text.
    pub extracted: bool,
    /// Move keyboard focus to this field on the next frame.
    pub focus: Option<Field>,
    /// A line about the previous session (e.g. after Cancel).
    pub note: Option<FormNote>,
}

/// A line on the form about the previous session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormNote {
    /// Cancelled before the engine said whether it cleaned up.
    Cancelled,
    /// Cancelled, and the meeting service was told.
    CancelledTold,
    /// Cancelled, and the meeting service could not be told.
    CancelledNotTold,
    /// Left the meeting for a handed-over link, before the engine said whether it cleaned up.
    Leaving,
    /// Left, and the meeting service was told.
    LeftTold,
    /// Left, and the meeting service could not be told.
    LeftNotTold,
    /// The chosen join service's URL is not valid (the file was edited by hand).
    BadService(String),
}

impl FormState {
    pub fn new(meeting: Option<String>, name: Option<String>, profile: ProfileChoice) -> Self {
        let meeting = meeting.unwrap_or_default();
        let name = name.unwrap_or_default();
        let focus = if meeting.trim().is_empty() || !name.trim().is_empty() {
            Field::Meeting
        } else {
            Field::Name
        };
        Self {
            meeting_touched: !meeting.is_empty(),
            name_touched: !name.is_empty(),
            meeting,
            name,
            direct: matches!(profile, ProfileChoice::DemoDirect | ProfileChoice::Direct),
            profile,
            extracted: false,
            focus: Some(focus),
            note: None,
        }
    }

    /// Follow the chosen source's kind (named profiles are looked up in `profiles`).
    pub fn sync_source(&mut self, profiles: &[Profile]) {
        self.direct = self.profile.is_direct(profiles);
    }

    /// The meeting link, checked for the chosen mode.
    pub fn meeting_link(&self) -> Result<MeetingLink, DirectMeetingError> {
        if self.direct {
            DirectMeeting::parse(&self.meeting).map(|(link, _)| link)
        } else {
            MeetingLink::parse(&self.meeting).map_err(DirectMeetingError::Link)
        }
    }

    /// The direct mode to offer for the typed link, if any: only when no profile is configured
    /// and the chosen source is not direct already, for a link that is not on a known Online
    /// host and that the direct mode accepts. The demo's own direct meetings go to the demo.
    pub fn direct_offer(&self, profiles: &[Profile]) -> Option<ProfileChoice> {
        if !profiles.is_empty() || self.direct {
            return None;
        }
        let (link, _) = DirectMeeting::parse(&self.meeting).ok()?;
        if link.is_online_host() {
            return None;
        }
        let demo = crate::demo::ALL_DIRECT_MEETING_URLS
            .iter()
            .filter_map(|u| MeetingLink::parse(u).ok())
            .any(|d| d == link);
        Some(if demo {
            ProfileChoice::DemoDirect
        } else {
            ProfileChoice::Direct
        })
    }

    /// Switch to `choice` (the offer's button).
    pub fn choose(&mut self, choice: ProfileChoice, profiles: &[Profile]) {
        self.profile = choice;
        self.sync_source(profiles);
    }

    pub fn display_name(&self) -> Result<DisplayName, DisplayNameError> {
        DisplayName::parse(&self.name)
    }

    pub fn is_valid(&self) -> bool {
        self.meeting_link().is_ok() && self.display_name().is_ok()
    }

    /// After an edit of the meeting field: a whole pasted invitation is replaced by its link.
    pub fn meeting_edited(&mut self) {
        self.meeting_touched = true;
        self.extracted = false;
        let text = self.meeting.trim();
        if let Ok(link) = self.meeting_link() {
            let wrapped = text.chars().any(char::is_whitespace)
                || !text.to_ascii_lowercase().starts_with("https://")
                || text.contains("safelinks.protection.outlook.com");
            if wrapped && text != link.as_str() {
                self.meeting = link.as_str().to_string();
                self.extracted = true;
            }
        }
    }
}

/// The event channel's state as the meeting screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    Connected,
    Reconnecting,
}

/// One guest session as the window sees it: the engine's status plus what the UI keeps.
pub struct SessionView {
    pub id: u64,
    pub status: JoinStatus,
    pub exchanges: BoundedLog<ExchangeRecord>,
    pub meeting_host: String,
    pub display_name: String,
    pub service_label: String,
    pub lobby_since: Option<Instant>,
    pub connection: Connection,
    /// Steps whose request/response details are open.
    pub expanded: HashSet<Step>,
    /// The engine task has returned (clean-up finished).
    pub finished: bool,
    pub copied: bool,
    /// The outcome of the last export: "Saved to …" or what went wrong.
    pub export_note: Option<Result<String, String>>,
    pub leave_requested: bool,
    /// The chat message being typed.
    pub chat_draft: String,
    /// Why the guest's undelivered messages failed, by message id.
    pub chat_failures: HashMap<u64, String>,
    /// Why the meeting connection was lost, while reconnecting.
    pub reconnect_reason: Option<String>,
    /// The session runs on a kiosk booth (dial-in numbers large, nothing to copy or open).
    pub booth: bool,
    /// The dial-in string last copied (its button says "Copied").
    pub dial_in_copied: Option<String>,
    /// The phone number being typed for "call me".
    pub phone_draft: String,
    /// Why the typed number cannot be called (shown under the field).
    pub phone_error: Option<crate::join::phone_number::PhoneNumberError>,
    /// Remember the number in the state file (never on a kiosk).
    pub remember_phone: bool,
    /// A kiosk whose handset "call me" can ring.
    pub handset: bool,
    /// What is typed in the roster's find field.
    pub roster_filter: String,
    /// The chat list's measured message heights.
    pub chat_heights: ChatHeights,
    /// The chat's message count (`JoinStatus::chat_total`) when its list was last at the end.
    pub chat_seen: u64,
    /// Take the chat list to its end in the next frame.
    pub chat_jump: bool,
}

impl SessionView {
    /// The meeting screen is on: in the meeting, leaving it, or rejoining it (a rejoin keeps
    /// the meeting on screen, roster and chat included).
    pub fn shows_meeting(&self) -> bool {
        match self.phase() {
            Phase::InMeeting | Phase::Leaving => true,
            Phase::Reconnecting => self.status.joined,
            _ => false,
        }
    }

    pub fn new(id: u64, meeting_host: String, display_name: String, service_label: String) -> Self {
        Self {
            id,
            status: JoinStatus::default(),
            exchanges: BoundedLog::new(FIRST_EXCHANGES, LATEST_EXCHANGES),
            meeting_host,
            display_name,
            service_label,
            lobby_since: None,
            connection: Connection::Connected,
            expanded: HashSet::new(),
            finished: false,
            copied: false,
            export_note: None,
            leave_requested: false,
            chat_draft: String::new(),
            chat_failures: HashMap::new(),
            reconnect_reason: None,
            booth: false,
            dial_in_copied: None,
            phone_draft: String::new(),
            phone_error: None,
            remember_phone: false,
            handset: false,
            roster_filter: String::new(),
            chat_heights: ChatHeights::default(),
            chat_seen: 0,
            chat_jump: false,
        }
    }

    /// Fold one engine event into the view (the phase comes from the shared reducer).
    pub fn apply(&mut self, event: &JoinEvent, now: Instant) {
        self.status.apply(event);
        match event {
            JoinEvent::Exchange { record } => self.exchanges.push((**record).clone()),
            JoinEvent::Phase {
                phase: Phase::InLobby,
            } if self.lobby_since.is_none() => self.lobby_since = Some(now),
            JoinEvent::ChannelInterrupted { .. } => self.connection = Connection::Reconnecting,
            JoinEvent::ChannelRecovered { .. } => self.connection = Connection::Connected,
            JoinEvent::Reconnecting { reason, .. } => {
                self.connection = Connection::Reconnecting;
                self.reconnect_reason = Some(reason.clone());
            }
            JoinEvent::Reconnected { .. } => {
                self.connection = Connection::Connected;
                self.reconnect_reason = None;
            }
            JoinEvent::ChatDelivery {
                id,
                delivered: false,
                reason,
            } => {
                self.chat_failures
                    .insert(*id, reason.clone().unwrap_or_default());
            }
            _ => {}
        }
    }

    /// Show `flow`'s steps from the start (before the engine's first event, e.g. while the
    /// built-in demo starts, and when the join fails before the engine runs).
    /// The session runs on a kiosk booth.
    pub fn in_booth(mut self, booth: bool) -> Self {
        self.booth = booth;
        self
    }

    pub fn for_flow(mut self, flow: Flow) -> Self {
        self.status.flow = flow;
        self.status.steps = flow.steps().into_iter().map(StepStatus::pending).collect();
        self
    }

    pub fn phase(&self) -> Phase {
        self.status.phase
    }

    /// The exchanges of one step (records are tagged with the step name).
    pub fn exchanges_of(&self, step: Step) -> impl Iterator<Item = &ExchangeRecord> {
        self.exchanges.iter().filter(move |r| r.tag == step.name())
    }
}

/// A plain-text summary for support, without secrets: no token, no discover URL, no full
/// meeting link (only its host), no request bodies.
pub fn diagnostics(s: &SessionView) -> String {
    let st = &s.status;
    let mut out = String::new();
    let mut line = |t: String| {
        out.push_str(&t);
        out.push('\n');
    };
    line(format!(
        "guest-join {} diagnostics",
        env!("CARGO_PKG_VERSION")
    ));
    line(format!(
        "OS: {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    ));
    line(format!("Meeting host: {}", s.meeting_host));
    line(format!("Join service: {}", s.service_label));
    line(format!(
        "ApplicationSessionId: {}",
        st.application_session_id.as_deref().unwrap_or("-")
    ));
    line(format!("Outcome: {}", st.phase.label()));
    line("Steps:".to_string());
    for step in st.steps.iter().filter(|x| x.state != StepState::Pending) {
        let mut t = format!("  {:<20} {:?}", step.step.name(), step.state).to_lowercase();
        if let Some(ms) = step.ms {
            t.push_str(&format!(" {ms} ms"));
        }
        if let Some(h) = step.http_status {
            t.push_str(&format!(" HTTP {h}"));
        }
        if step.retries > 0 {
            t.push_str(&format!(" retries {}", step.retries));
        }
        if let Some(c) = &step.code {
            t.push_str(&format!(" code {c}"));
        }
        if let Some(c) = &step.subcode {
            t.push_str(&format!(" subcode {c}"));
        }
        line(t);
    }
    if let Some(f) = &st.failure {
        line(format!("Error: {} ({})", f.id, f.kind.title()));
        line(format!(
            "  code {} subcode {} HTTP {}",
            f.code.as_deref().unwrap_or("-"),
            f.subcode.as_deref().unwrap_or("-"),
            f.http_status.map(|h| h.to_string()).unwrap_or("-".into())
        ));
        line(format!(
            "  message: {}",
            crate::redact::mask_tokens(&f.message)
        ));
    }
    if let Some(clean) = st.left_cleanly {
        line(format!(
            "Left cleanly: {}",
            if clean { "yes" } else { "no" }
        ));
    }
    if st.channel_interruptions > 0 {
        line(format!(
            "Event channel interruptions: {}",
            st.channel_interruptions
        ));
    }
    out
}

mod settings_draft;
pub use settings_draft::{ProfileDraft, SettingsDraft, SettingsProblem};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::join::status::JoinEvent;
    use crate::join::{FailureInfo, FailureKind};

    const LINK: &str = "https://meet.contoso.example/ada/SECRET42";

    #[test]
    fn a_pasted_invitation_becomes_its_link_and_a_typed_link_stays() {
        let mut f = FormState::new(None, None, ProfileChoice::Demo);
        f.meeting = format!("Join Skype Meeting\n<{LINK}>\nConference ID: 1234");
        f.meeting_edited();
        assert_eq!(f.meeting, LINK);
        assert!(f.extracted);
        f.meeting = "https://meet.contoso.example/ada/SECRET4".into();
        f.meeting_edited();
        assert_eq!(f.meeting, "https://meet.contoso.example/ada/SECRET4");
        assert!(!f.extracted);
        assert_eq!(f.focus, Some(Field::Meeting));
        let f = FormState::new(Some(LINK.into()), None, ProfileChoice::Demo);
        assert_eq!(
            f.focus,
            Some(Field::Name),
            "a prefilled link starts at the name"
        );
    }

    #[test]
    fn the_direct_offer_and_the_link_check_follow_the_chosen_source() {
        let mut f = FormState::new(None, None, ProfileChoice::Demo);
        let offer = |text: &str, f: &mut FormState| {
            f.meeting = text.into();
            f.meeting_edited();
            f.direct_offer(&[])
        };
        // An on-premises link, and a conference URI (which the service flow refuses).
        let sip = "sip:ada@fabrikam.com;gruu;opaque=app:conf:focus:id:X1";
        assert_eq!(
            offer("https://meet.fabrikam.com/ada/X1", &mut f),
            Some(ProfileChoice::Direct)
        );
        assert_eq!(offer(sip, &mut f), Some(ProfileChoice::Direct));
        assert_eq!(
            f.meeting_link().unwrap_err(),
            DirectMeetingError::Link(crate::join::MeetingLinkError::SipUri),
            "flow A refuses a sip: address"
        );
        // The demo's direct meetings go to the demo's stand-in.
        for url in crate::demo::ALL_DIRECT_MEETING_URLS {
            assert_eq!(offer(url, &mut f), Some(ProfileChoice::DemoDirect), "{url}");
        }
        // No offer for Online hosts, nonsense, or with a configured profile.
        assert_eq!(offer("https://meet.lync.com/contoso/ada/X1", &mut f), None);
        assert_eq!(offer(crate::demo::LOBBY_MEETING_URL, &mut f), None);
        assert_eq!(offer("not a link", &mut f), None);
        f.meeting = "https://meet.fabrikam.com/ada/X1".into();
        let configured = [Profile::service("C", "https://c.example/t", None)];
        assert_eq!(f.direct_offer(&configured), None);
        // Once direct, no offer, and the link is checked for the direct mode.
        f.choose(ProfileChoice::Direct, &[]);
        assert!(f.direct && f.direct_offer(&[]).is_none());
        f.meeting = sip.into();
        assert_eq!(f.meeting_link().unwrap().as_str(), sip);
        f.meeting = "https://meet.lync.com/contoso/ada/X1".into();
        assert_eq!(
            f.meeting_link().unwrap_err(),
            DirectMeetingError::OnlineLink
        );
        // A named profile's kind comes from the configuration.
        let profiles = [Profile::direct("Fab", None)];
        f.choose(ProfileChoice::Named("Fab".into()), &profiles);
        assert!(f.direct);
        f.choose(ProfileChoice::Demo, &profiles);
        assert!(!f.direct);
    }

    #[test]
    fn a_direct_session_shows_its_own_steps_before_the_engine_starts() {
        let v = SessionView::new(1, "h".into(), "n".into(), "s".into()).for_flow(Flow::Direct);
        let steps: Vec<Step> = v.status.steps.iter().map(|s| s.step).collect();
        assert_eq!(steps, Flow::Direct.steps());
        assert!(!steps.contains(&Step::ServiceApplication));
    }

    #[test]
    fn diagnostics_name_the_host_steps_and_error_but_no_secrets() {
        let mut v = SessionView::new(
            7,
            "meet.contoso.example".into(),
            "Ada".into(),
            "Demo".into(),
        );
        let now = Instant::now();
        let events = [
            JoinEvent::SessionStarted {
                application_session_id: "asid-1".into(),
                meeting_host: "meet.contoso.example".into(),
                flow: crate::join::Flow::ServiceApplication,
            },
            JoinEvent::StepStarted {
                step: Step::ServiceApplication,
                at_ms: 0,
            },
            JoinEvent::StepDone {
                step: Step::ServiceApplication,
                ms: 42,
                http_status: Some(200),
            },
            JoinEvent::Phase {
                phase: Phase::InLobby,
            },
            JoinEvent::Failed {
                error: FailureInfo::new(FailureKind::LobbyDenied, Some(Step::Lobby), "denied")
                    .with_codes(None, Some("Forbidden"), Some("Denied")),
            },
            JoinEvent::Left { cleanly: true },
        ];
        for e in &events {
            v.apply(e, now);
        }
        assert!(v.lobby_since.is_some());
        let d = diagnostics(&v);
        for want in [
            "Meeting host: meet.contoso.example",
            "ApplicationSessionId: asid-1",
            "service_application",
            "42 ms HTTP 200",
            "GJ-LOBBY-DENIED",
            "code Forbidden subcode Denied",
            "Left cleanly: yes",
        ] {
            assert!(d.contains(want), "{want:?} missing from:\n{d}");
        }
        assert!(!d.contains("SECRET42") && !d.contains("psat"), "{d}");
    }

    #[test]
    fn the_connection_indicator_follows_the_event_channel() {
        let mut v = SessionView::new(1, "h".into(), "n".into(), "s".into());
        let now = Instant::now();
        assert_eq!(v.connection, Connection::Connected);
        v.apply(
            &JoinEvent::ChannelInterrupted {
                reason: "reset".into(),
            },
            now,
        );
        assert_eq!(v.connection, Connection::Reconnecting);
        v.apply(&JoinEvent::ChannelRecovered { attempts: 2 }, now);
        assert_eq!(v.connection, Connection::Connected);
        assert_eq!(v.status.channel_interruptions, 1);
    }
}
