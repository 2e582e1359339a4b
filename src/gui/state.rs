//! What the window shows, as plain data. Views read it (and edit the form's text fields);
//! only `actions::handle` and the event drain in `app.rs` change the rest.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use crate::api::bounded::BoundedLog;
use crate::api::exchange::ExchangeRecord;
use crate::config::{self, Config, Profile, ProfileKind};
use crate::join::status::{JoinEvent, StepState};
use crate::join::{DirectMeeting, DisplayName, JoinStatus, MeetingLink, Phase, Step};

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
    pub note: Option<String>,
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
    pub fn meeting_link(&self) -> Result<MeetingLink, String> {
        if self.direct {
            DirectMeeting::parse(&self.meeting)
                .map(|(link, _)| link)
                .map_err(|e| e.to_string())
        } else {
            MeetingLink::parse(&self.meeting).map_err(|e| e.to_string())
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

    pub fn display_name(&self) -> Result<DisplayName, String> {
        DisplayName::parse(&self.name).map_err(|e| e.to_string())
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
}

impl SessionView {
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

/// One editable profile on the settings screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    pub name: String,
    /// Skype for Business Server directly (flow B) rather than a service application.
    pub direct: bool,
    pub token_url: String,
    pub service_key_env: String,
    /// Direct only: where autodiscover starts; empty for `https://lyncdiscover.<domain>/`.
    pub autodiscover: String,
}

impl ProfileDraft {
    fn of(p: &Profile) -> Self {
        let mut d = ProfileDraft {
            name: p.name.clone(),
            ..ProfileDraft::default()
        };
        match &p.kind {
            ProfileKind::Service {
                token_url,
                service_key_env,
            } => {
                d.token_url = token_url.clone();
                d.service_key_env = service_key_env.clone().unwrap_or_default();
            }
            ProfileKind::Direct { autodiscover } => {
                d.direct = true;
                d.autodiscover = autodiscover.clone().unwrap_or_default();
            }
        }
        d
    }

    /// The profile to save (the fields of the other kind are dropped).
    fn to_profile(&self) -> Profile {
        fn text(t: &str) -> Option<&str> {
            Some(t.trim()).filter(|t| !t.is_empty())
        }
        let name = self.name.trim();
        if self.direct {
            Profile::direct(name, text(&self.autodiscover))
        } else {
            Profile::service(name, self.token_url.trim(), text(&self.service_key_env))
        }
    }
}

/// The settings screen's copy of the configuration, saved only on "Save".
#[derive(Debug, Clone)]
pub struct SettingsDraft {
    pub profiles: Vec<ProfileDraft>,
    pub origin: String,
    pub culture: String,
    pub text_scale: f32,
    pub theme: config::Theme,
    /// `system`, `none` or a proxy URL; empty means `system`.
    pub proxy: String,
    pub no_proxy: String,
    /// A PEM file of extra CA certificates; empty means none.
    pub ca_file: String,
    /// The CA file text last checked and what was wrong with it (reading the file once per
    /// change, not once per frame).
    ca_checked: Option<(String, Option<String>)>,
    pub message: Option<String>,
}

impl SettingsDraft {
    pub fn from_config(c: &Config) -> Self {
        Self {
            profiles: c.profiles.iter().map(ProfileDraft::of).collect(),
            origin: c.origin.clone().unwrap_or_default(),
            culture: c.culture.clone().unwrap_or_default(),
            text_scale: c.text_scale,
            theme: c.theme,
            proxy: c.proxy.clone().unwrap_or_default(),
            no_proxy: c.no_proxy.clone().unwrap_or_default(),
            ca_file: c
                .ca_file
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            ca_checked: None,
            message: None,
        }
    }

    pub fn proxy_error(&self) -> Option<String> {
        (!self.proxy.trim().is_empty())
            .then(|| config::check_proxy(&self.proxy).err())
            .flatten()
    }

    pub fn no_proxy_error(&self) -> Option<String> {
        (!self.no_proxy.trim().is_empty())
            .then(|| config::check_no_proxy(&self.no_proxy).err())
            .flatten()
    }

    /// What is wrong with the CA file: an empty field is fine; otherwise the file must be a
    /// readable PEM bundle with at least one certificate. The file is read again only when the
    /// text changed.
    pub fn ca_file_error(&mut self) -> Option<String> {
        if let Some((text, err)) = &self.ca_checked
            && *text == self.ca_file
        {
            return err.clone();
        }
        let err = if self.ca_file.trim().is_empty() {
            None
        } else {
            match config::check_ca_file(&self.ca_file) {
                Err(e) => Some(e),
                Ok(path) => crate::api::transport::CaBundle::load(&path)
                    .err()
                    .map(|e| e.to_string()),
            }
        };
        self.ca_checked = Some((self.ca_file.clone(), err.clone()));
        err
    }

    /// The problem of each field of profile `i`: (name, token URL, key variable, autodiscover
    /// URL); only the fields of the profile's kind are checked.
    pub fn profile_errors(&self, i: usize) -> [Option<String>; 4] {
        let Some(p) = self.profiles.get(i) else {
            return [None, None, None, None];
        };
        let duplicate = self.profiles[..i]
            .iter()
            .any(|q| q.name.trim().eq_ignore_ascii_case(p.name.trim()));
        let name = match config::check_profile_name(&p.name) {
            Err(e) => Some(e),
            Ok(_) if duplicate => Some("Another join service has this name.".into()),
            Ok(_) => None,
        };
        if p.direct {
            let autodiscover = (!p.autodiscover.trim().is_empty())
                .then(|| config::check_autodiscover_url(&p.autodiscover).err())
                .flatten();
            return [name, None, None, autodiscover];
        }
        let url = config::check_token_url(&p.token_url).err();
        let key = (!p.service_key_env.trim().is_empty())
            .then(|| config::check_env_name(&p.service_key_env).err())
            .flatten();
        [name, url, key, None]
    }

    pub fn origin_error(&self) -> Option<String> {
        (!self.origin.trim().is_empty())
            .then(|| config::check_origin(&self.origin).err())
            .flatten()
    }

    pub fn culture_error(&self) -> Option<String> {
        (!self.culture.trim().is_empty())
            .then(|| config::check_culture(&self.culture).err())
            .flatten()
    }

    /// The configuration to save, or `None` while a field is invalid.
    pub fn to_config(&mut self, base: &Config) -> Option<Config> {
        if self.proxy_error().is_some()
            || self.no_proxy_error().is_some()
            || self.ca_file_error().is_some()
        {
            return None;
        }
        let text = |t: &str| Some(t.trim().to_string()).filter(|t| !t.is_empty());
        let mut profiles = Vec::new();
        for (i, p) in self.profiles.iter().enumerate() {
            if self.profile_errors(i).iter().any(Option::is_some) {
                return None;
            }
            profiles.push(p.to_profile());
        }
        if self.origin_error().is_some() || self.culture_error().is_some() {
            return None;
        }
        let origin = config::check_origin(&self.origin).ok();
        let culture = config::check_culture(&self.culture).ok();
        Some(Config {
            profiles,
            origin,
            culture,
            text_scale: config::check_text_scale(self.text_scale).unwrap_or(1.0),
            theme: self.theme,
            proxy: text(&self.proxy),
            no_proxy: text(&self.no_proxy),
            ca_file: text(&self.ca_file).map(std::path::PathBuf::from),
            ..base.clone()
        })
    }
}

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

    #[test]
    fn settings_drafts_validate_and_convert() {
        let base = Config::default();
        let mut d = SettingsDraft::from_config(&base);
        assert_eq!(d.to_config(&base), Some(base.clone()));
        d.profiles.push(ProfileDraft {
            name: "Contoso".into(),
            token_url: "https://join.contoso.com/t".into(),
            ..ProfileDraft::default()
        });
        d.profiles.push(ProfileDraft {
            name: "contoso".into(),
            token_url: "ftp://x".into(),
            service_key_env: "1BAD".into(),
            ..ProfileDraft::default()
        });
        let errs = d.profile_errors(1);
        assert!(errs[..3].iter().all(Option::is_some), "{errs:?}");
        assert!(d.to_config(&base).is_none());
        d.profiles.pop();
        d.origin = "https://contoso.com/".into();
        let c = d.to_config(&base).unwrap();
        assert_eq!(c.origin.as_deref(), Some("https://contoso.com"));
        assert_eq!(c.profiles[0].service_key_env(), None);
        d.culture = "not a tag".into();
        assert!(d.culture_error().is_some() && d.to_config(&base).is_none());
    }
}
