//! `timeline.json`: the steps of the session as they ran (state, start, duration, HTTP
//! status, retries, UCWA code/subcode), how it ended (failure class, id, codes) and how many
//! chat messages it had.

use serde_json::{Value, json};

use crate::join::JoinStatus;
use crate::redact::mask_tokens;

pub fn timeline(status: &JoinStatus) -> Value {
    let steps: Vec<Value> = status
        .ran_steps()
        .map(|s| {
            json!({
                "name": s.step.name(),
                "label": s.step.label(),
                "state": s.state,
                "started_at_ms": s.started_at_ms,
                "ms": s.ms,
                "http_status": s.http_status,
                "retries": s.retries,
                "code": s.code,
                "subcode": s.subcode,
            })
        })
        .collect();
    let failure = status.failure.as_ref().map(|f| {
        json!({
            "kind": f.kind,
            "id": f.id,
            "step": f.step.map(|s| s.name()),
            "http_status": f.http_status,
            "code": f.code,
            "subcode": f.subcode,
            "message": mask_tokens(&f.message),
        })
    });
    json!({
        "phase": status.phase,
        "joined": status.joined,
        "left_cleanly": status.left_cleanly,
        "application_session_id": status.application_session_id,
        "steps": steps,
        "failure": failure,
        "channel_interruptions": status.channel_interruptions,
        "reconnections": status.reconnections,
        // How much chat the session had, and how much of it fell out of the window's
        // history (the text of the messages is in `events.jsonl`, as far as it keeps them).
        "chat": {
            "messages": status.chat_total(),
            "kept_in_window": status.chat.len(),
            "dropped_from_window": status.chat_dropped,
        },
    })
}
