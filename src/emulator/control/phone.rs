//! Control of a meeting's telephone side: its dial-in, whether the server calls guests ("call
//! me") and how it refuses, what the called phone does, and the calls so far.
//! JSON: `GET /control/phone?meeting=...` → `{"meeting", "phone": MeetingPhone, "calls":
//! [PhoneCall]}`; `POST /control/phone` `{"meeting": "...", "phone": MeetingPhone}` replaces the
//! set-up (calls under way keep their script) → the same.

use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::{Control, ControlError};
use crate::emulator::config::MeetingPhone;
use crate::emulator::http::{Req, UcwaErrorReply, json};
use crate::emulator::world::PhoneCall;

impl Control {
    /// Replace `meeting`'s telephone set-up (dial-in, dial-out policy, the phone's script).
    pub fn set_phone(&self, meeting: &str, phone: MeetingPhone) -> Result<(), ControlError> {
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        w.meetings[m].spec.phone = phone;
        Ok(())
    }

    /// `meeting`'s telephone set-up and every "call me" of its guests, oldest first.
    pub fn phone(&self, meeting: &str) -> Result<(MeetingPhone, Vec<PhoneCall>), ControlError> {
        let w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let meeting = &w.meetings[m];
        Ok((meeting.spec.phone.clone(), meeting.phone_calls.clone()))
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct PhoneJson {
    meeting: String,
    phone: MeetingPhone,
    #[serde(default, skip_deserializing)]
    calls: Vec<PhoneCall>,
}

/// `GET`/`POST /control/phone`.
pub(super) fn http(c: &Control, r: &Req) -> Result<Response, UcwaErrorReply> {
    let meeting = if r.method.as_str() == "GET" {
        r.q("meeting")
            .ok_or_else(|| UcwaErrorReply::invalid("meeting", "Name the meeting: ?meeting=…"))?
            .to_string()
    } else {
        let body: PhoneJson = serde_json::from_slice(&r.body)
            .map_err(|e| UcwaErrorReply::invalid("body", &format!("{e}")))?;
        c.set_phone(&body.meeting, body.phone)?;
        body.meeting
    };
    let (phone, calls) = c.phone(&meeting)?;
    Ok(json(
        StatusCode::OK,
        &PhoneJson {
            meeting,
            phone,
            calls,
        },
    ))
}
