//! Event batches as the channel keeps them (docs/protocol.md §5.2): a batch is a list of parts,
//! sender blocks built when their events happened or coalesced roster changes rendered when the
//! batch is handed out; the channel hands a batch out in pieces of at most `MAX_BATCH_EVENTS`
//! events.

use crate::api::wire::SenderBlock;

use crate::emulator::roster_batch::RosterBatch;

/// One part of a batch: sender blocks built when the events happened, or coalesced roster
/// changes of other participants, rendered when the batch is handed out.
#[derive(Debug, Clone)]
pub(crate) enum Part {
    Block(SenderBlock),
    Roster(RosterBatch),
}

impl Part {
    fn event_count(&self) -> usize {
        match self {
            Part::Block(b) => b.events.len(),
            Part::Roster(r) => r.len(),
        }
    }

    /// Split off the first `n` events as a part of their own.
    fn take_front(&mut self, n: usize) -> Part {
        match self {
            Part::Block(b) => Part::Block(SenderBlock {
                rel: b.rel.clone(),
                href: b.href.clone(),
                events: b.events.drain(..n.min(b.events.len())).collect(),
            }),
            Part::Roster(r) => Part::Roster(r.take_front(n)),
        }
    }
}

/// The parts of one batch, in order.
pub(crate) type Group = Vec<Part>;

/// The most events one batch carries. Larger groups (the roster a guest finds on admission in a
/// big meeting, a backlog of roster changes) go out over several batches in order, so what one
/// response costs to build, send and parse does not grow with the meeting.
pub(crate) const MAX_BATCH_EVENTS: usize = 100;

/// A batch waiting for a P-GET or handed out and not yet acknowledged.
#[derive(Debug, Clone, Default)]
pub(crate) struct Batch {
    parts: Group,
}

impl Batch {
    pub fn new(parts: Group) -> Self {
        Self { parts }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    pub fn drop_empty_parts(&mut self) {
        self.parts.retain(|p| p.event_count() > 0);
    }

    /// Number of events the batch renders.
    pub fn event_count(&self) -> usize {
        self.parts.iter().map(Part::event_count).sum()
    }

    /// Split off the first `max` events as a batch of their own.
    pub fn take_front(&mut self, max: usize) -> Batch {
        let mut head = Batch::default();
        let mut left = max;
        while left > 0 {
            let Some(first) = self.parts.first_mut() else {
                break;
            };
            let n = first.event_count();
            if n <= left {
                head.parts.push(self.parts.remove(0));
                left -= n;
            } else {
                head.parts.push(first.take_front(left));
                left = 0;
            }
        }
        head
    }

    /// The sender blocks of application `app_id`'s batch; consecutive blocks of one sender are
    /// merged.
    pub fn render(&self, app_id: &str) -> Vec<SenderBlock> {
        let mut out: Vec<SenderBlock> = Vec::new();
        for part in &self.parts {
            let block = match part {
                Part::Block(b) => b.clone(),
                Part::Roster(r) => r.render(app_id),
            };
            if block.events.is_empty() {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.rel == block.rel && last.href == block.href => {
                    last.events.extend(block.events);
                }
                _ => out.push(block),
            }
        }
        out
    }

    /// The roster part of a batch that holds nothing else, for conversation `conv`.
    pub fn roster_only(&mut self, conv: &str) -> Option<&mut RosterBatch> {
        match self.parts.as_mut_slice() {
            [Part::Roster(r)] if r.conv() == conv => Some(r),
            _ => None,
        }
    }
}
