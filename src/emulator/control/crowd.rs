//! Big meetings in one call: many participants with made-up names, many chat messages.

use serde::Deserialize;

use super::{Control, ControlError};
use crate::api::wire::events::EventType;
use crate::emulator::config::Role;
use crate::emulator::crowd::{crowd_line, crowd_name, say};
use crate::emulator::meeting;
use crate::emulator::messaging::MessageFormat;
use crate::emulator::resources::member_person;

/// Most participants or messages one call adds.
pub const MAX_AT_ONCE: usize = 10_000;

/// `POST /control/participants/add-many`.
#[derive(Debug, Deserialize)]
pub(super) struct AddMany {
    pub meeting: String,
    pub count: usize,
    #[serde(default)]
    pub role: Role,
}

/// `POST /control/say-many`.
#[derive(Debug, Deserialize)]
pub(super) struct SayMany {
    pub meeting: String,
    pub count: usize,
}

fn check_count(count: usize) -> Result<(), ControlError> {
    if count == 0 || count > MAX_AT_ONCE {
        return Err(ControlError::Invalid(format!(
            "count must be 1 to {MAX_AT_ONCE}, not {count}"
        )));
    }
    Ok(())
}

impl Control {
    /// Add `count` participants with made-up names (Latin with accents, Greek, Cyrillic,
    /// Chinese, Japanese, Korean); every admitted guest gets `participant added` for each.
    pub fn add_participants(
        &self,
        meeting: &str,
        count: usize,
        role: Role,
    ) -> Result<usize, ControlError> {
        check_count(count)?;
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let tenant = &self.emu.cfg.tenant;
        let first = w.meetings[m].roster.len();
        for n in first..first + count {
            let member = w.meetings[m].add_member(tenant, &crowd_name(n), role, None);
            let person = member_person(&member, false);
            meeting::broadcast_person(&mut w, m, &person, EventType::Added, "");
        }
        Ok(count)
    }

    /// `count` chat messages from the meeting's attendees in turn (made-up lines), each
    /// delivered to every guest with messaging. Returns how many were sent.
    pub fn say_many(&self, meeting: &str, count: usize) -> Result<usize, ControlError> {
        check_count(count)?;
        let mut w = self.emu.lock();
        let m = Self::meeting(&w, meeting)?;
        let roster = &w.meetings[m].roster;
        let mut speakers: Vec<_> = roster
            .iter()
            .filter(|p| p.role == Role::Attendee)
            .cloned()
            .collect();
        if speakers.is_empty() {
            speakers = roster.clone();
        }
        if speakers.is_empty() {
            return Err(ControlError::Invalid(
                "the meeting has no participants to speak".into(),
            ));
        }
        let start = w.meetings[m].chat.len();
        for i in 0..count {
            let member = &speakers[i % speakers.len()];
            say(
                &mut w,
                m,
                member,
                &crowd_line(start + i),
                MessageFormat::Plain,
            );
        }
        Ok(count)
    }
}
