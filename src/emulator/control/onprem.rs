//! Control of the on-premises surface: whether a meeting's WebTicket grants anonymous join.
//! JSON: `GET /control/anonymous-join?meeting=...` → `{"meeting", "anonymous_join"}`;
//! `POST /control/anonymous-join` `{"meeting": "...", "allowed": false}` → the same.

use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::Control;
use super::ControlError;
use crate::emulator::http::{ApiError, Req, json};

impl Control {
    /// Let the WebTicket grant `urn:microsoft.rtc:anonmeeting` for `meeting` (join URL,
    /// conference URI or conference id) or refuse it with `unsupported_grant_type`. Tickets
    /// already issued stay valid.
    pub fn set_anonymous_join(&self, meeting: &str, allowed: bool) -> Result<(), ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        w.meetings[m].anonymous_join = allowed;
        Ok(())
    }

    /// Whether `meeting` currently grants anonymous join.
    pub fn anonymous_join(&self, meeting: &str) -> Result<bool, ControlError> {
        let w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        Ok(w.meetings[m].anonymous_join)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetAnonymousJoin {
    meeting: String,
    allowed: bool,
}

fn state(c: &Control, meeting: &str) -> Result<Response, ApiError> {
    let allowed = c.anonymous_join(meeting)?;
    Ok(json(
        StatusCode::OK,
        &serde_json::json!({ "meeting": meeting, "anonymous_join": allowed }),
    ))
}

/// `GET` and `POST /control/anonymous-join`.
pub(super) fn http(c: &Control, r: &Req) -> Result<Response, ApiError> {
    if r.method.as_str() == "GET" {
        let meeting = r.q("meeting").ok_or_else(|| {
            ApiError::from(ControlError::Invalid(
                "The meeting query parameter is required.".into(),
            ))
        })?;
        return state(c, meeting);
    }
    let s: SetAnonymousJoin = super::http::body(r)?;
    c.set_anonymous_join(&s.meeting, s.allowed)?;
    state(c, &s.meeting)
}
