//! The emulated world: meetings, guest applications and their conversations, issued tokens.

pub(in crate::emulator) mod crowd;
pub(in crate::emulator) mod demo_meetings;
pub(in crate::emulator) mod meeting;

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use super::channel::Channel;
use super::config::{MeetingSpec, Role};
use super::http::UcwaErrorReply;
use super::journal::{FaultPlan, JournalEntry};
use crate::api::wire::{ConversationState, Direction, InvitationState, ModalityState};

/// All mutable state, behind one mutex (never held across an `.await`).
#[derive(Default)]
pub(crate) struct World {
    pub meetings: Vec<Meeting>,
    pub apps: BTreeMap<String, App>,
    /// SHA-256 of AAD access tokens → expiry (unix seconds).
    pub aad_tokens: HashMap<[u8; 32], i64>,
    /// SHA-256 of issued psat tokens → record.
    pub psats: HashMap<[u8; 32], PsatRecord>,
    /// SHA-256 of issued on-premises anonymous web tickets (`cwt=...`) → record.
    pub tickets: HashMap<[u8; 32], super::onprem_ticket::Ticket>,
    pub serial: u64,
    pub plan: FaultPlan,
    pub journal: Vec<JournalEntry>,
    /// How the service-application stand-in answers.
    pub standin: super::service_standin::ServiceStandinMode,
    /// What `GET /` on the on-premises `lyncdiscover` listener answers.
    pub discover_answer: super::config::DiscoverAnswer,
}

pub(crate) struct PsatRecord {
    pub asi: String,
    pub revoked: bool,
}

/// A roster member who is not a guest (scripted or added through the control API).
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub pid: String,
    pub name: String,
    pub uri: String,
    pub role: Role,
    pub greeting: Option<String>,
}

/// A line of chat sent into a meeting (by a guest or injected through the control API).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChatLine {
    pub from: String,
    pub text: String,
}

pub(crate) struct Meeting {
    pub spec: MeetingSpec,
    pub uri: String,
    pub roster: Vec<Member>,
    /// Application ids of guests waiting in the lobby, in arrival order.
    pub lobby: Vec<String>,
    /// Application ids of admitted guests.
    pub guests: Vec<String>,
    pub ended: bool,
    pub next_pid: u32,
    pub chat: Vec<ChatLine>,
    pub adhoc: bool,
    /// The next this many messages guests send fail to be delivered (control API).
    pub fail_deliveries: u32,
    /// On-premises: the WebTicket grants `urn:microsoft.rtc:anonmeeting` for this meeting
    /// (from [`MeetingSpec::anonymous_join`], then the control API).
    pub anonymous_join: bool,
    /// Every "call me" of the meeting's guests, oldest first.
    pub phone_calls: Vec<PhoneCall>,
    /// The steady chat ([`MeetingSpec::chatter_ms`]).
    pub chatter: crowd::Chatter,
}

/// One "call me" as the meeting saw it (the control API reports it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PhoneCall {
    /// The guest's display name.
    pub guest: String,
    /// The number called, E.164.
    pub number: String,
    /// Where the call is: `ringing`, `connected`, or how it ended: `refused`, `busy`,
    /// `no_answer`, `declined`, `hung_up` (the phone), `stopped` (the guest's Hang up), `left`
    /// (the guest left the meeting).
    pub state: String,
}

impl Meeting {
    pub fn new(spec: MeetingSpec, tenant: &str, adhoc: bool) -> Self {
        let uri = spec.conference_uri(tenant);
        let spec_grants = spec.anonymous_join;
        let mut m = Self {
            spec,
            uri,
            roster: Vec::new(),
            lobby: Vec::new(),
            guests: Vec::new(),
            ended: false,
            next_pid: 1,
            chat: Vec::new(),
            adhoc,
            fail_deliveries: 0,
            anonymous_join: spec_grants,
            phone_calls: Vec::new(),
            chatter: crowd::Chatter::default(),
        };
        for p in m.spec.participants.clone() {
            m.add_member(tenant, &p.name, p.role, p.greeting);
        }
        m
    }

    pub fn add_member(
        &mut self,
        tenant: &str,
        name: &str,
        role: Role,
        greeting: Option<String>,
    ) -> Member {
        let user: String = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(".")
            .to_lowercase();
        let member = Member {
            pid: format!("p{}", self.next_pid),
            name: name.to_string(),
            uri: format!(
                "sip:{}.{}@{tenant}",
                if user.is_empty() {
                    "participant"
                } else {
                    &user
                },
                self.next_pid
            ),
            role,
            greeting,
        };
        self.next_pid += 1;
        self.roster.push(member.clone());
        member
    }
}

/// Normalised form of a join URL: lower case, no query/fragment, no trailing slash.
pub(crate) fn join_url_key(s: &str) -> String {
    let t = s.trim();
    let t = match url::Url::parse(t) {
        Ok(mut u) => {
            u.set_query(None);
            u.set_fragment(None);
            u.to_string()
        }
        Err(_) => t.to_string(),
    };
    t.trim_end_matches('/').to_ascii_lowercase()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppState {
    Alive,
    /// DELETEd by the client.
    Deleted,
    /// Reaped after channel silence or token expiry (410).
    Expired,
    /// Lost by the server (control "drop channel" with loss): 404.
    Lost,
}

pub(crate) struct App {
    pub id: String,
    pub asi: String,
    pub name: Option<String>,
    pub culture: String,
    pub user_agent: String,
    /// The token's conference URI (meeting tokens).
    pub confid: Option<String>,
    pub me_uri: String,
    /// Name of the communication resource's "please pass this in a PUT request" property.
    pub comm_tag: String,
    pub state: AppState,
    pub expires_ms: i64,
    pub ended_at: Option<Duration>,
    pub channel: Channel,
    pub conv: Option<Conv>,
    pub conv_deleted_by_client: Option<Duration>,
    /// The token's meeting lets chat carry HTML ([`MeetingSpec::html_messages`]).
    pub html_messages: bool,
}

impl App {
    /// The message formats this guest's chat takes: `Plain`, and `Html` where the meeting
    /// allows it.
    pub fn message_formats(&self) -> Vec<String> {
        let mut formats = vec!["Plain".to_string()];
        if self.html_messages {
            formats.push("Html".to_string());
        }
        formats
    }

    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or("Guest")
    }

    /// The guest's own participant id in meeting rosters.
    pub fn pid(&self) -> String {
        format!("g{}", self.id)
    }

    /// The conversation when it is still live.
    pub fn live_conv(&self) -> Option<&Conv> {
        self.conv.as_ref().filter(|c| c.phase != Phase::Ended)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Lobby,
    InMeeting,
    Ended,
}

pub(crate) struct Conv {
    pub id: String,
    pub inv_id: String,
    pub op_id: Option<String>,
    pub meeting: usize,
    pub importance: String,
    pub subject: Option<String>,
    pub thread_id: String,
    pub phase: Phase,
    /// onlineMeetingInvitation state: Connecting / Connected / Failed.
    pub inv_state: InvitationState,
    pub messaging: MsgState,
    /// The "call me" leg (docs/protocol.md §6a).
    pub phone: PhoneLeg,
}

/// The guest's phone leg in a conversation.
pub(crate) struct PhoneLeg {
    /// `phoneAudio.state`: Disconnected, Connecting (ringing) or Connected.
    pub state: crate::api::wire::phone::CallState,
    /// The current or last `phoneAudioInvitation`.
    pub invitation: Option<PhoneInvitation>,
    /// Counts calls, so a timer of an earlier call does nothing.
    pub call: u32,
}

impl Default for PhoneLeg {
    fn default() -> Self {
        Self {
            state: crate::api::wire::phone::CallState::Disconnected,
            invitation: None,
            call: 0,
        }
    }
}

pub(crate) struct PhoneInvitation {
    pub id: String,
    pub op_id: Option<String>,
    /// The number called, E.164 (`tel:` dropped).
    pub number: String,
    pub to: String,
    pub state: InvitationState,
}

impl Conv {
    pub fn conv_state(&self) -> ConversationState {
        match self.phase {
            Phase::Lobby => ConversationState::InLobby,
            Phase::InMeeting => ConversationState::Conferenced,
            Phase::Ended => ConversationState::Disconnected,
        }
    }
}

#[derive(Default)]
pub(crate) struct MsgState {
    /// Disconnected / Connecting / Connected.
    pub state: ModalityState,
    pub invitation: Option<MsgInvitation>,
    pub messages: Vec<MsgRec>,
}

pub(crate) struct MsgInvitation {
    pub id: String,
    pub op_id: Option<String>,
    pub state: InvitationState,
}

pub(crate) struct MsgRec {
    pub direction: Direction,
    /// Sender's participant id and name (incoming).
    pub from: Option<(String, String)>,
    pub text: String,
    pub html: bool,
    /// Carry the body as a base64 data: URI instead of the usual URL-encoded one.
    pub base64: bool,
    /// An outgoing message the meeting did not deliver.
    pub failed: bool,
    pub at_ms: i64,
    pub op_id: Option<String>,
}

impl World {
    pub fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    pub fn meeting_by_url(&self, url: &str) -> Option<usize> {
        let key = join_url_key(url);
        self.meetings
            .iter()
            .position(|m| join_url_key(&m.spec.join_url) == key)
    }

    /// The conference URI a join URL names, for meetings that do not exist (any more): a URL on
    /// one of the tenant's meeting hosts shaped `/<organizer>/<ConferenceID>` names
    /// `sip:<organizer>@<tenant>;gruu;opaque=app:conf:focus:id:<ConferenceID>`, as the real
    /// platform derives it (docs/protocol.md §B.1, §11 D20). Other hosts and shapes name nothing.
    pub fn conference_uri_for_url(&self, url: &str, tenant: &str) -> Option<String> {
        let parsed = url::Url::parse(url.trim()).ok()?;
        let host = parsed.host_str()?.to_ascii_lowercase();
        let known_host = self.meetings.iter().any(|m| {
            url::Url::parse(&m.spec.join_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
                .is_some_and(|h| h == host)
        });
        let segments: Vec<&str> = parsed.path_segments()?.filter(|s| !s.is_empty()).collect();
        let valid = |s: &str| {
            !s.is_empty()
                && s.len() <= 64
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')
        };
        match segments.as_slice() {
            [organizer, id]
                if known_host && parsed.scheme() == "https" && valid(organizer) && valid(id) =>
            {
                Some(format!(
                    "sip:{organizer}@{tenant};gruu;opaque=app:conf:focus:id:{id}"
                ))
            }
            _ => None,
        }
    }

    pub fn meeting_by_uri(&self, uri: &str) -> Option<usize> {
        self.meetings
            .iter()
            .position(|m| m.uri.eq_ignore_ascii_case(uri.trim()))
    }

    /// A meeting named by join URL, conference URI or conference id.
    pub fn resolve_meeting(&self, name: &str) -> Option<usize> {
        self.meeting_by_url(name)
            .or_else(|| self.meeting_by_uri(name))
            .or_else(|| {
                self.meetings
                    .iter()
                    .position(|m| m.spec.conference_id.eq_ignore_ascii_case(name.trim()))
            })
    }

    /// The live application `id` as seen by a request with session `asi`.
    pub fn app(&self, id: &str, asi: &str) -> Result<&App, UcwaErrorReply> {
        let app = self.apps.get(id).filter(|a| a.asi == asi);
        match app.map(|a| a.state) {
            Some(AppState::Alive) => app.ok_or_else(UcwaErrorReply::app_not_found),
            Some(AppState::Expired) => Err(UcwaErrorReply::app_expired()),
            _ => Err(UcwaErrorReply::app_not_found()),
        }
    }

    pub fn app_mut(&mut self, id: &str, asi: &str) -> Result<&mut App, UcwaErrorReply> {
        self.app(id, asi)?;
        self.apps
            .get_mut(id)
            .ok_or_else(UcwaErrorReply::app_not_found)
    }

    /// An application with its (current or last) conversation and that conversation's meeting.
    pub fn view(&self, app_id: &str) -> Option<(&App, &Conv, &Meeting)> {
        let app = self.apps.get(app_id)?;
        let conv = app.conv.as_ref()?;
        Some((app, conv, self.meetings.get(conv.meeting)?))
    }

    /// Ids of live applications whose guest is admitted to meeting `m`, except `except`.
    pub fn guests_in(&self, m: usize, except: &str) -> Vec<String> {
        self.meetings
            .get(m)
            .map(|meeting| {
                meeting
                    .guests
                    .iter()
                    .filter(|g| g.as_str() != except)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_url_keys_ignore_case_slash_and_query() {
        let a = join_url_key("https://Meet.Contoso.example/ada/OPEN1234/");
        assert_eq!(
            a,
            join_url_key("https://meet.contoso.example/ada/OPEN1234?sl=1")
        );
        assert_ne!(a, join_url_key("https://meet.contoso.example/ada/OTHER"));
    }
}
