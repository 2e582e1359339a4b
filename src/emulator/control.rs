//! The control API: drives meetings and the emulator from tests, the CLI or the GUI's demo.
//! Every method is also reachable as JSON over HTTP under `/control/...` on the platform
//! listener (see [`handle_http`] for the routes).

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::config::{
    EventStyle, Fault, LobbyPolicy, MeetingSpec, Role, ScriptedParticipant, duration_ms,
};
use super::http::{ApiError, Req, json};
use super::journal::JournalEntry;
use super::meeting::{self, Decision, Exit};
use super::messaging::MessageFormat;
use super::resources::{Person, member_person};
use super::world::{AppState, ChatLine, Meeting, Member, Phase, World};
use super::{Emu, messaging, remove_app};
use crate::api::wire::events::EventType;

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
/// | `POST /control/participants/remove`, `/control/eject` | `{meeting, name}` | `{affected}` |
/// | `POST /control/end` | `{meeting}` | `{affected}` |
/// | `POST /control/say` | `{meeting, from, text, format?: plain/html/html_base64}` | `{affected}` |
/// | `POST /control/fail-deliveries` | `{meeting, count}` | `{affected: 0}` |
/// | `POST /control/typing` | `{meeting, name, typing}` | `{affected}` |
/// | `POST /control/expire-tokens` | `{session?}` | `{affected}` |
/// | `POST /control/drop-channel` | `{application, lose?}` | `{affected}` |
/// | `POST /control/expire-application` | `{application}` | `{affected: 1}` (later requests: 410) |
/// | `POST /control/replace-channel` | `{application}` | `{affected}` (409 PGetReplaced to the parked P-GET) |
/// | `POST /control/resync` | `{application}` | `{affected: 1}` |
/// | `POST /control/latency` | `{latency_ms}` | `{affected: 0}` |
/// | `GET`/`POST`/`DELETE /control/faults` | `[Fault]` (POST replaces) | `[Fault]` |
/// | `GET`/`DELETE /control/journal` | — | `[JournalEntry]` |
/// | `GET /control/applications` | — | `[ApplicationInfo]` |
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
        w.meetings[m].chat.push(ChatLine {
            from: member.name.clone(),
            text: text.to_string(),
        });
        Ok(w.guests_in(m, "")
            .iter()
            .filter(|g| {
                messaging::deliver_incoming(&mut w, g, &member.pid, &member.name, text, format)
            })
            .count())
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

    /// Revoke psat tokens: all of them (and every AAD token) when `session` is `None`, else
    /// those of one ApplicationSessionId. Later requests with them get 401. Returns how many
    /// psat tokens were revoked.
    pub fn expire_tokens(&self, session: Option<&str>) -> usize {
        let mut w = self.emu.lock();
        if session.is_none() {
            w.aad_tokens.clear();
        }
        let mut n = 0;
        for rec in w.psats.values_mut() {
            if !rec.revoked && session.is_none_or(|s| s == rec.asi) {
                rec.revoked = true;
                n += 1;
            }
        }
        n
    }

    /// Expire an application as the idle reaper does: it leaves its meeting and every later
    /// request answers `410 Gone/InactiveApplicationExpired`.
    pub fn expire_application(&self, application: &str) -> Result<(), ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        let at = self.emu.elapsed();
        remove_app(&mut w, &id, AppState::Expired, at);
        Ok(())
    }

    /// Act as another instance of the guest's client taking over its event channel: the parked
    /// P-GET is released with `409 PGetReplaced`. True when a P-GET was parked.
    pub fn replace_channel(&self, application: &str) -> Result<bool, ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        Ok(w.apps
            .get_mut(&id)
            .is_some_and(|a| a.channel.replace_parked()))
    }

    /// Answer the application's parked (or next) P-GET with a `resync` link, as a server does
    /// when it considers the client's ack stale.
    pub fn force_resync(&self, application: &str) -> Result<(), ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        if let Some(app) = w.apps.get_mut(&id) {
            app.channel.resync_next = true;
            app.channel.wake();
        }
        Ok(())
    }

    /// An application named by id, or the newest live one of an ApplicationSessionId.
    fn live_app(w: &World, application: &str) -> Result<String, ControlError> {
        if w.apps.contains_key(application) {
            return Ok(application.to_string());
        }
        w.apps
            .values()
            .filter(|a| a.asi == application && a.state == AppState::Alive)
            .map(|a| a.id.clone())
            .next_back()
            .ok_or_else(|| ControlError::UnknownApplication(application.to_string()))
    }

    /// Abort the parked P-GET of an application (by id, or the newest live application of an
    /// ApplicationSessionId). With `lose_application` the application is gone as well: later
    /// requests get 404 ApplicationNotFound. Returns whether a parked P-GET was aborted.
    pub fn drop_channel(
        &self,
        application: &str,
        lose_application: bool,
    ) -> Result<bool, ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        let at = self.emu.elapsed();
        let Some(app) = w.apps.get_mut(&id) else {
            return Err(ControlError::UnknownApplication(application.to_string()));
        };
        let parked = app.channel.parked;
        app.channel.abort = parked;
        app.channel.wake();
        if lose_application {
            remove_app(&mut w, &id, AppState::Lost, at);
        }
        Ok(parked.is_some())
    }

    /// Latency added to every request (control requests excluded).
    pub fn set_latency(&self, latency: Duration) {
        self.emu.lock().plan.latency = latency;
    }

    /// Replace the fault list.
    pub fn set_faults(&self, faults: Vec<Fault>) {
        self.emu.lock().plan.faults = faults;
    }

    pub fn add_fault(&self, fault: Fault) {
        self.emu.lock().plan.faults.push(fault);
    }

    pub fn clear_faults(&self) {
        self.emu.lock().plan.faults.clear();
    }

    pub fn journal(&self) -> Vec<JournalEntry> {
        self.emu.lock().journal.clone()
    }

    pub fn clear_journal(&self) {
        self.emu.lock().journal.clear();
    }

    pub fn applications(&self) -> Vec<ApplicationInfo> {
        let w = self.emu.lock();
        w.apps
            .values()
            .map(|a| {
                let conv = a.conv.as_ref();
                ApplicationInfo {
                    id: a.id.clone(),
                    session: a.asi.clone(),
                    display_name: a.name.clone(),
                    meeting: conv
                        .and_then(|c| w.meetings.get(c.meeting))
                        .map(|m| m.spec.join_url.clone()),
                    state: a.state,
                    in_lobby: conv.is_some_and(|c| c.phase == Phase::Lobby),
                    in_meeting: conv.is_some_and(|c| c.phase == Phase::InMeeting),
                    conversation_deleted: a.conv_deleted_by_client,
                    ended: a.ended_at,
                }
            })
            .collect()
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

#[derive(Deserialize)]
struct Target {
    meeting: String,
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct AddParticipant {
    meeting: String,
    #[serde(flatten)]
    participant: ScriptedParticipant,
}

#[derive(Deserialize)]
struct Say {
    meeting: String,
    from: String,
    text: String,
    #[serde(default)]
    format: MessageFormat,
}

#[derive(Deserialize)]
struct Typing {
    meeting: String,
    name: String,
    typing: bool,
}

#[derive(Deserialize)]
struct FailDeliveries {
    meeting: String,
    count: u32,
}

#[derive(Deserialize, Default)]
struct ExpireTokens {
    #[serde(default)]
    session: Option<String>,
}

#[derive(Deserialize)]
struct AppOnly {
    application: String,
}

#[derive(Deserialize)]
struct DropChannel {
    application: String,
    #[serde(default)]
    lose: bool,
}

#[derive(Deserialize)]
struct Latency {
    #[serde(rename = "latency_ms", with = "duration_ms")]
    latency: Duration,
}

fn body<T: serde::de::DeserializeOwned>(r: &Req) -> Result<T, ApiError> {
    let text = if r.body.iter().all(u8::is_ascii_whitespace) {
        &b"{}"[..]
    } else {
        &r.body[..]
    };
    serde_json::from_slice(text).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            Some("DeserializationFailure"),
            &format!("Bad control request: {e}"),
        )
    })
}

fn affected(n: usize) -> Response {
    json(StatusCode::OK, &serde_json::json!({ "affected": n }))
}

impl From<ControlError> for ApiError {
    fn from(e: ControlError) -> Self {
        match e {
            ControlError::Invalid(m) => {
                ApiError::new(StatusCode::BAD_REQUEST, "BadRequest", None, &m)
            }
            other => ApiError::not_found(&other.to_string()),
        }
    }
}

/// The `/control/...` routes; see [`Control`].
pub(crate) fn handle_http(emu: &Arc<Emu>, r: &Req) -> Response {
    let c = Control::new(emu.clone());
    let segs: Vec<&str> = r.segs.iter().skip(1).map(String::as_str).collect();
    let result: Result<Response, ApiError> = (|| {
        Ok(match (r.method.as_str(), segs.as_slice()) {
            ("GET", ["meetings"]) => json(StatusCode::OK, &c.meetings()),
            ("POST", ["meetings"]) => json(StatusCode::CREATED, &c.add_meeting(body(r)?)?),
            ("POST", ["admit"]) => {
                let t: Target = body(r)?;
                affected(c.admit(&t.meeting, t.name.as_deref())?)
            }
            ("POST", ["deny"]) => {
                let t: Target = body(r)?;
                affected(c.deny(&t.meeting, t.name.as_deref())?)
            }
            ("POST", ["lobby-timeout"]) => {
                let t: Target = body(r)?;
                affected(c.lobby_timeout(&t.meeting, t.name.as_deref())?)
            }
            ("POST", ["participants", "add"]) => {
                let a: AddParticipant = body(r)?;
                c.add_participant(&a.meeting, a.participant)?;
                affected(1)
            }
            ("POST", ["participants", "remove"]) => {
                let t: Target = body(r)?;
                affected(c.remove_participant(&t.meeting, t.name.as_deref().unwrap_or(""))?)
            }
            ("POST", ["eject"]) => {
                let t: Target = body(r)?;
                affected(c.eject(&t.meeting, t.name.as_deref().unwrap_or(""))?)
            }
            ("POST", ["end"]) => {
                let t: Target = body(r)?;
                affected(c.end_meeting(&t.meeting)?)
            }
            ("POST", ["say"]) => {
                let s: Say = body(r)?;
                affected(c.say_as(&s.meeting, &s.from, &s.text, s.format)?)
            }
            ("POST", ["expire-tokens"]) => {
                let e: ExpireTokens = body(r)?;
                affected(c.expire_tokens(e.session.as_deref()))
            }
            ("POST", ["drop-channel"]) => {
                let d: DropChannel = body(r)?;
                affected(usize::from(c.drop_channel(&d.application, d.lose)?))
            }
            ("POST", ["typing"]) => {
                let t: Typing = body(r)?;
                affected(c.set_typing(&t.meeting, &t.name, t.typing)?)
            }
            ("POST", ["fail-deliveries"]) => {
                let f: FailDeliveries = body(r)?;
                c.fail_deliveries(&f.meeting, f.count)?;
                affected(0)
            }
            ("POST", ["expire-application"]) => {
                let d: AppOnly = body(r)?;
                c.expire_application(&d.application)?;
                affected(1)
            }
            ("POST", ["replace-channel"]) => {
                let d: AppOnly = body(r)?;
                affected(usize::from(c.replace_channel(&d.application)?))
            }
            ("POST", ["resync"]) => {
                let d: AppOnly = body(r)?;
                c.force_resync(&d.application)?;
                affected(1)
            }
            ("POST", ["latency"]) => {
                let l: Latency = body(r)?;
                c.set_latency(l.latency);
                affected(0)
            }
            ("GET", ["faults"]) => json(StatusCode::OK, &emu.lock().plan.faults),
            ("POST" | "PUT", ["faults"]) => {
                let faults: Vec<Fault> = body(r)?;
                c.set_faults(faults);
                json(StatusCode::OK, &emu.lock().plan.faults)
            }
            ("DELETE", ["faults"]) => {
                c.clear_faults();
                json(StatusCode::OK, &emu.lock().plan.faults)
            }
            ("GET", ["journal"]) => json(StatusCode::OK, &c.journal()),
            ("DELETE", ["journal"]) => {
                c.clear_journal();
                affected(0)
            }
            ("GET", ["applications"]) => json(StatusCode::OK, &c.applications()),
            _ => return Err(ApiError::not_found("Unknown control route.")),
        })
    })();
    result.unwrap_or_else(IntoResponse::into_response)
}
