//! Roster changes of other participants waiting for one guest, coalesced the way the pool
//! aggregates events (docs/protocol.md §5.2: aggregation may merge or drop intermediate states,
//! "a participant who joins and leaves quickly may never appear"): one entry per participant, the
//! latest change wins, and someone added then removed before the guest fetched the batch
//! disappears. A pending batch therefore holds at most one entry per roster member, however
//! busy the meeting. Entries are kept compact (the kind and a shared roster snapshot) and
//! rendered into events only when a GET hands the batch out.

use std::collections::HashMap;
use std::sync::Arc;

use crate::api::wire::events::EventType;
use crate::api::wire::{Rel, SenderBlock};

use crate::emulator::resources::{Paths, Person, roster_event};

/// One participant's latest change.
#[derive(Debug, Clone)]
pub(crate) struct RosterChange {
    pub kind: EventType,
    pub who: Arc<Person>,
}

/// Coalesced roster changes in one conversation of one guest.
#[derive(Debug, Clone)]
pub(crate) struct RosterBatch {
    /// The guest's conversation id (the sender of the events).
    conv: String,
    /// Entries in order of first change; `None` where an entry cancelled out.
    slots: Vec<Option<RosterChange>>,
    /// Participant id → slot.
    index: HashMap<String, usize>,
}

impl RosterBatch {
    pub fn new(conv: &str) -> Self {
        Self {
            conv: conv.to_string(),
            slots: Vec::new(),
            index: HashMap::new(),
        }
    }

    pub fn conv(&self) -> &str {
        &self.conv
    }

    /// Number of events the batch would render.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Record that `who` was added, updated or deleted.
    pub fn push(&mut self, kind: EventType, who: Arc<Person>) {
        let Some(&i) = self.index.get(&who.pid) else {
            self.index.insert(who.pid.clone(), self.slots.len());
            self.slots.push(Some(RosterChange { kind, who }));
            return;
        };
        let Some(prev) = self.slots[i].as_ref().map(|c| c.kind) else {
            return;
        };
        let merged = match (prev, kind) {
            // Never seen by the guest: as if it never happened.
            (EventType::Added, EventType::Deleted) => None,
            // Still new to the guest: an addition with the latest state.
            (EventType::Added, _) => Some(EventType::Added),
            // Gone and back, or updated again: the latest change.
            (_, k) => Some(k),
        };
        match merged {
            Some(kind) => self.slots[i] = Some(RosterChange { kind, who }),
            None => {
                self.slots[i] = None;
                self.index.remove(&who.pid);
                self.compact();
            }
        }
    }

    /// Drop cancelled slots once they outnumber the live ones.
    fn compact(&mut self) {
        if self.slots.len() <= 2 * self.index.len() + 16 {
            return;
        }
        self.slots.retain(Option::is_some);
        for (i, change) in self.slots.iter().enumerate() {
            if let Some(c) = change {
                self.index.insert(c.who.pid.clone(), i);
            }
        }
    }

    /// Split off the first `n` changes as a batch of their own; `self` keeps the rest.
    pub fn take_front(&mut self, n: usize) -> RosterBatch {
        let mut head = RosterBatch::new(&self.conv);
        let mut cut = 0;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if head.slots.len() == n {
                break;
            }
            cut = i + 1;
            if let Some(change) = slot.take() {
                self.index.remove(&change.who.pid);
                head.index.insert(change.who.pid.clone(), head.slots.len());
                head.slots.push(Some(change));
            }
        }
        self.slots.drain(..cut);
        for (i, change) in self.slots.iter().enumerate() {
            if let Some(c) = change {
                self.index.insert(c.who.pid.clone(), i);
            }
        }
        head
    }

    /// The changes in order.
    pub fn changes(&self) -> impl Iterator<Item = &RosterChange> {
        self.slots.iter().flatten()
    }

    /// The sender block of application `app_id`'s batch.
    pub fn render(&self, app_id: &str) -> SenderBlock {
        let p = Paths::new(app_id);
        let events = self
            .changes()
            .map(|c| roster_event(app_id, &self.conv, c.kind, &c.who))
            .collect();
        SenderBlock::new(Rel::Conversation, &p.conv(&self.conv), events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::config::Role;

    fn person(pid: &str, name: &str) -> Arc<Person> {
        Arc::new(Person {
            pid: pid.into(),
            name: name.into(),
            uri: format!("sip:{pid}@example.invalid"),
            role: Role::Attendee,
            anonymous: true,
            organizer: false,
            on_phone: false,
        })
    }

    fn kinds(b: &RosterBatch) -> Vec<(String, EventType)> {
        b.changes().map(|c| (c.who.pid.clone(), c.kind)).collect()
    }

    #[test]
    fn added_then_deleted_disappears() {
        let mut b = RosterBatch::new("c1");
        b.push(EventType::Added, person("g1", "A"));
        b.push(EventType::Added, person("g2", "B"));
        b.push(EventType::Deleted, person("g1", "A"));
        assert_eq!(kinds(&b), [("g2".to_string(), EventType::Added)]);
        assert_eq!(b.len(), 1);
        b.push(EventType::Deleted, person("g2", "B"));
        assert!(b.is_empty());
        assert_eq!(b.render("app").events.len(), 0);
    }

    #[test]
    fn repeated_changes_collapse_to_the_latest() {
        let mut b = RosterBatch::new("c1");
        b.push(EventType::Updated, person("p1", "Old"));
        b.push(EventType::Updated, person("p1", "New"));
        b.push(EventType::Added, person("g5", "X"));
        b.push(EventType::Updated, person("g5", "Y"));
        // A known participant who leaves and comes back is announced again.
        b.push(EventType::Deleted, person("g7", "Z"));
        b.push(EventType::Added, person("g7", "Z"));
        let got: Vec<(String, EventType, String)> = b
            .changes()
            .map(|c| (c.who.pid.clone(), c.kind, c.who.name.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("p1".to_string(), EventType::Updated, "New".to_string()),
                ("g5".to_string(), EventType::Added, "Y".to_string()),
                ("g7".to_string(), EventType::Added, "Z".to_string()),
            ]
        );
    }

    #[test]
    fn churn_is_bounded_by_the_roster() {
        let mut b = RosterBatch::new("c1");
        b.push(EventType::Added, person("p0", "stays"));
        for i in 1..=5000 {
            let pid = format!("g{i}");
            b.push(EventType::Added, person(&pid, "x"));
            b.push(EventType::Deleted, person(&pid, "x"));
        }
        assert_eq!(b.len(), 1);
        assert!(b.slots.len() <= 2 * b.len() + 17, "{}", b.slots.len());
        // Order of first change is kept across compaction.
        b.push(EventType::Added, person("g9999", "last"));
        let order: Vec<String> = b.changes().map(|c| c.who.pid.clone()).collect();
        assert_eq!(order, ["p0", "g9999"]);
    }

    #[test]
    fn taking_the_front_keeps_order_and_coalescing() {
        let mut b = RosterBatch::new("c1");
        for i in 0..10 {
            b.push(EventType::Added, person(&format!("g{i}"), "x"));
        }
        b.push(EventType::Deleted, person("g1", "x"));
        let head = b.take_front(3);
        let pids = |b: &RosterBatch| b.changes().map(|c| c.who.pid.clone()).collect::<Vec<_>>();
        assert_eq!(pids(&head), ["g0", "g2", "g3"]);
        assert_eq!(pids(&b), ["g4", "g5", "g6", "g7", "g8", "g9"]);
        // The rest still coalesces.
        b.push(EventType::Deleted, person("g5", "x"));
        b.push(EventType::Added, person("g10", "x"));
        assert_eq!(pids(&b), ["g4", "g6", "g7", "g8", "g9", "g10"]);
        assert_eq!(b.len(), 6);
        let all = b.take_front(100);
        assert_eq!(all.len(), 6);
        assert!(b.is_empty());
    }

    #[test]
    fn renders_participant_events_of_the_conversation() {
        let mut b = RosterBatch::new("c1");
        b.push(EventType::Added, person("g1", "Ada"));
        b.push(EventType::Updated, person("g2", "Bob"));
        b.push(EventType::Deleted, person("g3", "Cy"));
        let block = b.render("42");
        assert_eq!(block.rel, "conversation");
        assert_eq!(block.href, Paths::new("42").conv("c1"));
        let evs = &block.events;
        assert_eq!(evs.len(), 3);
        assert_eq!(evs[0].kind, EventType::Added);
        assert_eq!(evs[0].link.rel, "participant");
        assert_eq!(evs[0].link.href, Paths::new("42").participant("c1", "g1"));
        assert_eq!(evs[0].link.title.as_deref(), Some("Ada"));
        assert!(evs[0].embedded.raw(Rel::Participant).is_some());
        assert!(evs[1].embedded.raw(Rel::Participant).is_some());
        assert_eq!(evs[2].kind, EventType::Deleted);
        assert!(evs[2].embedded.is_empty());
    }
}
