//! The control API as JSON over HTTP (`/control/...` on the platform listener); the routes
//! are listed on [`Control`].

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{Control, ControlError};
use crate::api::wire::{UcwaCode, UcwaSubcode};
use crate::emulator::Emu;
use crate::emulator::config::{Fault, ScriptedParticipant, duration_ms};
use crate::emulator::http::{Req, UcwaErrorReply, json};
use crate::emulator::messaging::MessageFormat;
use crate::emulator::service_standin::ServiceStandinMode;

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

#[derive(Deserialize)]
struct Standin {
    mode: ServiceStandinMode,
}

fn standin(c: &Control) -> Response {
    json(
        StatusCode::OK,
        &serde_json::json!({ "mode": c.service_standin() }),
    )
}

pub(super) fn body<T: serde::de::DeserializeOwned>(r: &Req) -> Result<T, UcwaErrorReply> {
    let text = if r.body.iter().all(u8::is_ascii_whitespace) {
        &b"{}"[..]
    } else {
        &r.body[..]
    };
    serde_json::from_slice(text).map_err(|e| {
        UcwaErrorReply::new(
            StatusCode::BAD_REQUEST,
            UcwaCode::BadRequest,
            Some(UcwaSubcode::DeserializationFailure),
            &format!("Bad control request: {e}"),
        )
    })
}

fn affected(n: usize) -> Response {
    json(StatusCode::OK, &serde_json::json!({ "affected": n }))
}

impl From<ControlError> for UcwaErrorReply {
    fn from(e: ControlError) -> Self {
        match e {
            ControlError::Invalid(m) => {
                UcwaErrorReply::new(StatusCode::BAD_REQUEST, UcwaCode::BadRequest, None, &m)
            }
            other => UcwaErrorReply::not_found(&other.to_string()),
        }
    }
}

/// The `/control/...` routes; see [`Control`].
// Long on purpose: one arm per control route, a table read top to bottom.
pub(crate) fn handle_http(emu: &Arc<Emu>, r: &Req) -> Response {
    let c = Control::new(emu.clone());
    let segs: Vec<&str> = r.segs.iter().skip(1).map(String::as_str).collect();
    let result: Result<Response, UcwaErrorReply> = (|| {
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
            ("POST", ["participants", "add-many"]) => {
                let a: super::crowd::AddMany = body(r)?;
                affected(c.add_participants(&a.meeting, a.count, a.role)?)
            }
            ("POST", ["say-many"]) => {
                let s: super::crowd::SayMany = body(r)?;
                affected(c.say_many(&s.meeting, s.count)?)
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
            ("GET" | "POST" | "PUT", ["anonymous-join"]) => super::onprem::http(&c, r)?,
            ("GET" | "POST" | "PUT", ["phone"]) => super::phone::http(&c, r)?,
            ("GET" | "POST" | "PUT", ["lyncdiscover"]) => super::onprem::lyncdiscover_http(&c, r)?,
            ("GET", ["service-standin"]) => standin(&c),
            ("POST" | "PUT", ["service-standin"]) => {
                let s: Standin = body(r)?;
                c.set_service_standin(s.mode);
                standin(&c)
            }
            _ => return Err(UcwaErrorReply::not_found("Unknown control route.")),
        })
    })();
    result.unwrap_or_else(IntoResponse::into_response)
}
