//! The control API: drives meetings and the emulator from tests, the CLI or the GUI's demo.
//! Every method is also reachable as JSON over HTTP under `/control/...` on the platform
//! listener (the routes are listed on [`Control`]). Meetings are driven here; tokens,
//! applications, faults and the journal in `apps`; the service-application stand-in in
//! `standin`; the HTTP routes in `http`.

mod apps;
mod crowd;
mod http;
mod onprem;
mod phone;
mod standin;

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use super::Emu;
use super::config::{EventStyle, LobbyPolicy, MeetingSpec, Role, ScriptedParticipant};
use super::meeting::{self, Decision, Exit};
use super::messaging::{self, MessageFormat};
use super::resources::{Person, member_person};
use super::world::{AppState, ChatLine, Meeting, Member, World};

use crate::api::wire::events::EventType;

pub(crate) use http::handle_http;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ControlError {
    #[error("no meeting matches {0:?}")]
    UnknownMeeting(String),
    #[error("no application matches {0:?}")]
    UnknownApplication(String),
    #[error("nobody named {0:?} is in the meeting")]
    UnknownParticipant(String),
    #[error("{0}")]
    Invalid(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipantInfo {
    pub name: String,
    pub role: Role,
    pub greeting: Option<String>,
}

/// A meeting as the control API reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingInfo {
    pub join_url: String,
    pub conference_uri: String,
    pub conference_id: String,
    pub subject: String,
    pub policy: LobbyPolicy,
    pub event_style: EventStyle,
    pub ended: bool,
    pub adhoc: bool,
    /// Display names of guests waiting in the lobby.
    pub lobby: Vec<String>,
    /// Display names of admitted guests.
    pub guests: Vec<String>,
    /// Scripted and control-added participants.
    pub participants: Vec<ParticipantInfo>,
    /// IMs sent into the meeting by guests and through [`Control::say`].
    pub chat: Vec<ChatLine>,
}

/// A guest application as the control API reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationInfo {
    pub id: String,
    /// The ApplicationSessionId of its token.
    pub session: String,
    pub display_name: Option<String>,
    /// The `culture` the client sent when it created the application.
    pub culture: String,
    /// Join URL of the meeting of its current or last conversation.
    pub meeting: Option<String>,
    pub state: AppState,
    pub in_lobby: bool,
    pub in_meeting: bool,
    /// When the client DELETEd its conversation (since the emulator started).
    #[serde(rename = "conversation_deleted_ms", with = "opt_ms")]
    pub conversation_deleted: Option<Duration>,
    /// When the application was deleted or expired (since the emulator started).
    #[serde(rename = "ended_ms", with = "opt_ms")]
    pub ended: Option<Duration>,
}

mod opt_ms {
    use std::time::Duration;

    pub fn serialize<S: serde::Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
            None => s.serialize_none(),
        }
    }
}

/// Drives the emulated world. Cheap to clone; every method takes effect immediately.
///
/// The same operations as JSON over HTTP on the platform listener:
///
/// | method + path | body | answer |
/// |---|---|---|
/// | `GET /control/meetings` | — | `[MeetingInfo]` |
/// | `POST /control/meetings` | `MeetingSpec` | `MeetingInfo` |
/// | `POST /control/admit`, `/control/deny`, `/control/lobby-timeout` | `{meeting, name?}` | `{affected}` |
/// | `POST /control/participants/add` | `{meeting, name, role?, greeting?}` | `{affected}` |
/// | `POST /control/participants/add-many` | `{meeting, count, role?}` (made-up names) | `{affected}` |
/// | `POST /control/participants/remove`, `/control/eject` | `{meeting, name}` | `{affected}` |
/// | `POST /control/end` | `{meeting}` | `{affected}` |
/// | `POST /control/say` | `{meeting, from, text, format?: plain/html/html_base64}` | `{affected}` |
/// | `POST /control/say-many` | `{meeting, count}` (made-up lines from the attendees in turn) | `{affected}` (messages sent) |
/// | `POST /control/fail-deliveries` | `{meeting, count}` | `{affected: 0}` |
/// | `POST /control/typing` | `{meeting, name, typing}` | `{affected}` |
/// | `POST /control/expire-tokens` | `{session?}` | `{affected}` |
/// | `POST /control/drop-channel` | `{application, lose?}` | `{affected}` |
/// | `POST /control/expire-application` | `{application}` | `{affected: 1}` (later requests: 410) |
/// | `POST /control/replace-channel` | `{application}` | `{affected}` (409 PGetReplaced to the parked P-GET) |
/// | `POST /control/resync` | `{application}` | `{affected: 1}` |
/// | `POST /control/latency` | `{latency_ms}` | `{affected: 0}` |
/// | `GET`/`POST`/`DELETE /control/faults` | `[Fault]` (POST replaces; a `route` that names no route, `*` aside, is refused with 400) | `[Fault]` |
/// | `GET`/`DELETE /control/journal` | — | `[JournalEntry]` |
/// | `GET /control/applications` | — | `[ApplicationInfo]` |
/// | `GET /control/anonymous-join?meeting=`, `POST /control/anonymous-join` | `{meeting, allowed}` (POST) | `{meeting, anonymous_join}` (on-premises WebTicket grant) |
/// | `GET`/`POST /control/lyncdiscover` | `{answer: root/redirect_to_pool}` or `{redirect: url}` (POST) | the same (what on-premises `lyncdiscover` answers) |
/// | `GET /control/phone?meeting=`, `POST /control/phone` | `{meeting, phone: MeetingPhone}` (POST) | `{meeting, phone, calls: [PhoneCall]}` (dial-in, "call me" policy and phone script, the calls so far) |
/// | `GET`/`POST /control/service-standin` | `{mode}` (POST) | `{mode}`: `faithful`, `html_body`, `number_expire_time`, `expired_token`, `wrong_content_type`, `error_not_json` |
///
/// `meeting` is a join URL, conference URI or conference id; an absent `name` means everyone.
#[derive(Clone)]
pub struct Control {
    emu: Arc<Emu>,
}

impl Control {
    pub(crate) fn new(emu: Arc<Emu>) -> Self {
        Self { emu }
    }

    /// A scripted or control-added participant of meeting `m`, by display name.
    fn member(w: &World, m: usize, name: &str) -> Result<Member, ControlError> {
        w.meetings[m]
            .roster
            .iter()
            .find(|p| p.name.trim().eq_ignore_ascii_case(name.trim()))
            .cloned()
            .ok_or_else(|| ControlError::UnknownParticipant(name.to_string()))
    }

    fn meeting(w: &World, meeting: &str) -> Result<usize, ControlError> {
        w.resolve_meeting(meeting)
            .ok_or_else(|| ControlError::UnknownMeeting(meeting.to_string()))
    }

    pub fn meetings(&self) -> Vec<MeetingInfo> {
        let w = self.emu.lock();
        w.meetings.iter().map(|m| info(&w, m)).collect()
    }

    /// Add a meeting (its join URL must be new).
    pub fn add_meeting(&self, spec: MeetingSpec) -> Result<MeetingInfo, ControlError> {
        let mut w = self.emu.lock();
        if url::Url::parse(&spec.join_url).is_err()
            || spec.conference_id.trim().is_empty()
            || spec.organizer.trim().is_empty()
        {
            return Err(ControlError::Invalid(
                "a meeting needs an absolute join URL, an organizer and a conference id".into(),
            ));
        }
        if w.meeting_by_url(&spec.join_url).is_some() {
            return Err(ControlError::Invalid(format!(
                "a meeting with join URL {} exists",
                spec.join_url
            )));
        }
        let m = Meeting::new(spec, &self.emu.cfg.tenant, false);
        if w.meeting_by_uri(&m.uri).is_some() {
            return Err(ControlError::Invalid(format!(
                "a meeting with conference URI {} exists",
                m.uri
            )));
        }
        let out = info(&w, &m);
        w.meetings.push(m);
        Ok(out)
    }

    fn decide(
        &self,
        meeting: &str,
        name: Option<&str>,
        decision: Decision,
    ) -> Result<usize, ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let ids = meeting::guests_named(&w, m, name, true);
        for id in &ids {
            match decision {
                Decision::Admit => {
                    meeting::admit(&mut w, &self.emu.cfg.tenant, id, false);
                }
                Decision::Deny => meeting::fail(&mut w, id, meeting::denied()),
                Decision::Timeout => meeting::fail(&mut w, id, meeting::lobby_timeout()),
            }
        }
        Ok(ids.len())
    }

    /// Admit lobby guests named `name` (case-insensitive), or all when `None`. Returns how many.
    pub fn admit(&self, meeting: &str, name: Option<&str>) -> Result<usize, ControlError> {
        self.decide(meeting, name, Decision::Admit)
    }

    /// Deny lobby guests named `name`, or all.
    pub fn deny(&self, meeting: &str, name: Option<&str>) -> Result<usize, ControlError> {
        self.decide(meeting, name, Decision::Deny)
    }

    /// Time out the lobby wait of guests named `name`, or all.
    pub fn lobby_timeout(&self, meeting: &str, name: Option<&str>) -> Result<usize, ControlError> {
        self.decide(meeting, name, Decision::Timeout)
    }

    /// Add a participant; every admitted guest gets `participant added` (and the greeting when
    /// its messaging is connected).
    pub fn add_participant(
        &self,
        meeting: &str,
        p: ScriptedParticipant,
    ) -> Result<(), ControlError> {
        if p.name.trim().is_empty() {
            return Err(ControlError::Invalid("a participant needs a name".into()));
        }
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let tenant = &self.emu.cfg.tenant;
        let Some(mt) = w.meetings.get_mut(m) else {
            return Err(ControlError::UnknownMeeting(meeting.to_string()));
        };
        let member = mt.add_member(tenant, &p.name, p.role, p.greeting.clone());
        let person = member_person(&member, false);
        meeting::broadcast_person(&mut w, m, &person, EventType::Added, "");
        if let Some(text) = &p.greeting {
            for g in w.guests_in(m, "") {
                messaging::deliver_incoming(
                    &mut w,
                    &g,
                    &person.pid,
                    &person.name,
                    text,
                    MessageFormat::Plain,
                );
            }
        }
        Ok(())
    }

    /// Remove participants named `name`; guests get `participant deleted`.
    pub fn remove_participant(&self, meeting: &str, name: &str) -> Result<usize, ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let Some(mt) = w.meetings.get_mut(m) else {
            return Err(ControlError::UnknownMeeting(meeting.to_string()));
        };
        let (gone, kept): (Vec<_>, Vec<_>) = mt
            .roster
            .drain(..)
            .partition(|p| p.name.trim().eq_ignore_ascii_case(name.trim()));
        mt.roster = kept;
        let people: Vec<Person> = gone.iter().map(|p| member_person(p, false)).collect();
        if people.is_empty() {
            return Err(ControlError::UnknownParticipant(name.to_string()));
        }
        for person in &people {
            meeting::broadcast_person(&mut w, m, person, EventType::Deleted, "");
        }
        Ok(people.len())
    }

    /// End the meeting: every guest (lobby and meeting) is removed with reason `Ended`.
    pub fn end_meeting(&self, meeting: &str) -> Result<usize, ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        Ok(meeting::end_meeting(&mut w, m))
    }

    /// Eject guests named `name` from the meeting (reason `Ejected`).
    pub fn eject(&self, meeting: &str, name: &str) -> Result<usize, ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let mut ids = meeting::guests_named(&w, m, Some(name), false);
        ids.extend(meeting::guests_named(&w, m, Some(name), true));
        if ids.is_empty() {
            return Err(ControlError::UnknownParticipant(name.to_string()));
        }
        Ok(ids
            .iter()
            .filter(|id| meeting::leave(&mut w, id, Exit::Ejected))
            .count())
    }

    /// Send an IM into the meeting from participant `from`: every guest with connected
    /// messaging receives it. Returns how many guests received it.
    pub fn say(&self, meeting: &str, from: &str, text: &str) -> Result<usize, ControlError> {
        self.say_as(meeting, from, text, MessageFormat::Plain)
    }

    /// An IM from participant `from` to every guest with messaging, its body carried as `format`.
    pub fn say_as(
        &self,
        meeting: &str,
        from: &str,
        text: &str,
        format: MessageFormat,
    ) -> Result<usize, ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let member = Self::member(&w, m, from)?;
        Ok(super::crowd::say(&mut w, m, &member, text, format))
    }

    /// Participant `name` starts (or stops) typing: guests with chat see the typing line.
    pub fn set_typing(
        &self,
        meeting: &str,
        name: &str,
        typing: bool,
    ) -> Result<usize, ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let member = Self::member(&w, m, name)?;
        let person = member_person(&member, false);
        Ok(messaging::broadcast_typing(&mut w, m, &person, typing))
    }

    /// The next `count` messages guests send into the meeting fail to be delivered.
    pub fn fail_deliveries(&self, meeting: &str, count: u32) -> Result<(), ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        w.meetings[m].fail_deliveries = count;
        Ok(())
    }
}

fn info(w: &World, m: &Meeting) -> MeetingInfo {
    let names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| w.apps.get(id))
            .map(|a| a.display_name().to_string())
            .collect()
    };
    MeetingInfo {
        join_url: m.spec.join_url.clone(),
        conference_uri: m.uri.clone(),
        conference_id: m.spec.conference_id.clone(),
        subject: m.spec.subject.clone(),
        policy: m.spec.policy,
        event_style: m.spec.event_style,
        ended: m.ended,
        adhoc: m.adhoc,
        lobby: names(&m.lobby),
        guests: names(&m.guests),
        participants: m
            .roster
            .iter()
            .map(|p| ParticipantInfo {
                name: p.name.clone(),
                role: p.role,
                greeting: p.greeting.clone(),
            })
            .collect(),
        chat: m.chat.clone(),
    }
}
