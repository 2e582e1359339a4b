//! The engine event log of a session for the diagnostics bundle: each event as the JSON line
//! `join --json` prints (always redacted: the engine's events carry redacted records only),
//! bounded like the traffic (the first events and the latest ones, the rest counted).

use std::sync::Mutex;

use crate::api::bounded::BoundedLog;
use crate::join::EventSink;
use crate::join::status::JoinEvent;

/// Events kept from the start of a session.
pub const HEAD_EVENTS: usize = 300;
/// Latest events kept after those.
pub const TAIL_EVENTS: usize = 2_700;

#[derive(Debug)]
pub struct EventLog {
    lines: Mutex<BoundedLog<String>>,
}

impl Default for EventLog {
    fn default() -> Self {
        Self::with_limits(HEAD_EVENTS, TAIL_EVENTS)
    }
}

/// The kept lines and how many were dropped.
#[derive(Debug, Clone, Default)]
pub struct EventLines {
    pub lines: Vec<String>,
    pub dropped: u64,
}

impl EventLog {
    pub fn with_limits(head: usize, tail: usize) -> Self {
        Self {
            lines: Mutex::new(BoundedLog::new(head, tail)),
        }
    }

    pub fn push(&self, event: &JoinEvent) {
        if let Ok(line) = serde_json::to_string(event) {
            self.lines
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(line);
        }
    }

    pub fn snapshot(&self) -> EventLines {
        let log = self.lines.lock().unwrap_or_else(|p| p.into_inner());
        EventLines {
            lines: log.iter().cloned().collect(),
            dropped: log.dropped(),
        }
    }
}

impl EventSink for EventLog {
    fn emit(&self, event: &JoinEvent) {
        self.push(event);
    }
}
