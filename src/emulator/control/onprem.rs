//! Control of the on-premises surface: whether a meeting's WebTicket grants anonymous join,
//! and what `lyncdiscover` answers.
//! JSON: `GET /control/anonymous-join?meeting=...` → `{"meeting", "anonymous_join"}`;
//! `POST /control/anonymous-join` `{"meeting": "...", "allowed": false}` → the same.
//! `GET /control/lyncdiscover` → `{"answer": "root"}`, `{"answer": "redirect_to_pool"}` or
//! `{"redirect": "<url>"}`; `POST /control/lyncdiscover` with one of those → the same.

use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::Control;
use super::ControlError;
use crate::emulator::config::DiscoverAnswer;
use crate::emulator::http::{Req, UcwaErrorReply, json};

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

    /// What `GET /` on `lyncdiscover` answers from now on. A [`DiscoverAnswer::RedirectTo`]
    /// needs an absolute `http`/`https` URL with a host.
    pub fn set_lyncdiscover_answer(&self, answer: DiscoverAnswer) -> Result<(), ControlError> {
        answer.check().map_err(ControlError::Invalid)?;
        self.emu.lock().discover_answer = answer;
        Ok(())
    }

    /// What `GET /` on `lyncdiscover` currently answers.
    pub fn lyncdiscover_answer(&self) -> DiscoverAnswer {
        self.emu.lock().discover_answer.clone()
    }
}

/// The fixed answers by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum AnswerName {
    Root,
    RedirectToPool,
}

/// [`DiscoverAnswer`] as JSON: exactly one of `answer` and `redirect`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscoverAnswerJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<AnswerName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    redirect: Option<String>,
}

impl From<DiscoverAnswer> for DiscoverAnswerJson {
    fn from(a: DiscoverAnswer) -> Self {
        let (answer, redirect) = match a {
            DiscoverAnswer::Root => (Some(AnswerName::Root), None),
            DiscoverAnswer::RedirectToPool => (Some(AnswerName::RedirectToPool), None),
            DiscoverAnswer::RedirectTo(url) => (None, Some(url)),
        };
        Self { answer, redirect }
    }
}

impl TryFrom<DiscoverAnswerJson> for DiscoverAnswer {
    type Error = ControlError;

    fn try_from(j: DiscoverAnswerJson) -> Result<Self, ControlError> {
        match (j.answer, j.redirect) {
            (Some(AnswerName::Root), None) => Ok(DiscoverAnswer::Root),
            (Some(AnswerName::RedirectToPool), None) => Ok(DiscoverAnswer::RedirectToPool),
            (None, Some(url)) => Ok(DiscoverAnswer::RedirectTo(url)),
            _ => Err(ControlError::Invalid(
                "Give exactly one of answer (\"root\" or \"redirect_to_pool\") and redirect (a URL)."
                    .into(),
            )),
        }
    }
}

/// `GET` and `POST /control/lyncdiscover`.
pub(super) fn lyncdiscover_http(c: &Control, r: &Req) -> Result<Response, UcwaErrorReply> {
    if r.method.as_str() != "GET" {
        let j: DiscoverAnswerJson = super::http::body(r)?;
        c.set_lyncdiscover_answer(j.try_into()?)?;
    }
    let current = DiscoverAnswerJson::from(c.lyncdiscover_answer());
    Ok(json(StatusCode::OK, &current))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetAnonymousJoin {
    meeting: String,
    allowed: bool,
}

fn state(c: &Control, meeting: &str) -> Result<Response, UcwaErrorReply> {
    let allowed = c.anonymous_join(meeting)?;
    Ok(json(
        StatusCode::OK,
        &serde_json::json!({ "meeting": meeting, "anonymous_join": allowed }),
    ))
}

/// `GET` and `POST /control/anonymous-join`.
pub(super) fn http(c: &Control, r: &Req) -> Result<Response, UcwaErrorReply> {
    if r.method.as_str() == "GET" {
        let meeting = r.q("meeting").ok_or_else(|| {
            UcwaErrorReply::from(ControlError::Invalid(
                "The meeting query parameter is required.".into(),
            ))
        })?;
        return state(c, meeting);
    }
    let s: SetAnonymousJoin = super::http::body(r)?;
    c.set_anonymous_join(&s.meeting, s.allowed)?;
    state(c, &s.meeting)
}
