//! The per-application event channel (docs/protocol.md §5.2, §8): numbered batches, the parked
//! P-GET (Notify-based long poll), 409 PGetReplaced, resync on stale acks, empty batches on
//! timeout.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::sync::Notify;

use crate::api::wire::events::EventType;
use crate::api::wire::{EventBatch, Link, Links, Rel, UcwaSubcode};
use crate::emulator::Emu;
use crate::emulator::batch::{Batch, Group, MAX_BATCH_EVENTS, Part};
use crate::emulator::http::{Req, UcwaErrorReply, aborted, json};
use crate::emulator::resources::{Paths, Person};
use crate::emulator::roster_batch::RosterBatch;
use crate::emulator::world::AppState;

pub(crate) struct Channel {
    pub key: String,
    /// Lowest batch number not yet acknowledged.
    pub first_unacked: u64,
    /// The number the next produced batch gets.
    pub next: u64,
    /// Produced, unacknowledged batches (numbers `first_unacked..next`).
    pub produced: VecDeque<(u64, Arc<Batch>)>,
    /// Batches waiting for a P-GET.
    pub pending: VecDeque<Batch>,
    pub notify: Arc<Notify>,
    /// Incremented by every events GET; the parked GET knows its own generation.
    pub generation: u64,
    pub parked: Option<u64>,
    /// The generation of a parked GET whose connection must be aborted.
    pub abort: Option<u64>,
    /// When the last P-GET was answered (or the channel was created).
    pub last_release: Instant,
    /// Answer the next (or the parked) P-GET with `resync` (control API).
    pub resync_next: bool,
}

pub(crate) enum Answer {
    Batch(u64, Arc<Batch>),
    Resync { asked: u64, first: u64 },
}

impl Channel {
    pub fn new(key: String, start: u64) -> Self {
        Self {
            key,
            first_unacked: start,
            next: start,
            produced: VecDeque::new(),
            pending: VecDeque::new(),
            notify: Arc::new(Notify::new()),
            generation: 0,
            parked: None,
            abort: None,
            last_release: Instant::now(),
            resync_next: false,
        }
    }

    /// Queue one batch worth of events and wake the parked P-GET.
    pub fn push(&mut self, group: Group) {
        let mut batch = Batch::new(group);
        batch.drop_empty_parts();
        if !batch.is_empty() {
            self.pending.push_back(batch);
            self.notify.notify_waiters();
        }
    }

    /// Queue a roster change of another participant in conversation `conv`: it joins the last
    /// pending batch when that one holds only such changes of the same conversation, where it
    /// is coalesced (see `RosterBatch`), so a guest in a busy meeting gets every change since
    /// its last P-GET in one batch no larger than the roster.
    pub fn push_roster(&mut self, conv: &str, kind: EventType, who: &Arc<Person>) {
        match self.pending.back_mut().and_then(|b| b.roster_only(conv)) {
            Some(tail) => tail.push(kind, who.clone()),
            None => {
                let mut roster = RosterBatch::new(conv);
                roster.push(kind, who.clone());
                self.pending
                    .push_back(Batch::new(vec![Part::Roster(roster)]));
            }
        }
        self.notify.notify_waiters();
    }

    /// The application is gone: nothing will be fetched any more.
    pub fn close(&mut self) {
        self.pending.clear();
        self.produced.clear();
        self.notify.notify_waiters();
    }

    /// Events waiting for a P-GET (produced batches not counted).
    #[cfg(test)]
    pub fn pending_events(&self) -> usize {
        self.pending.iter().map(Batch::event_count).sum()
    }

    pub fn wake(&self) {
        self.notify.notify_waiters();
    }

    /// True when no P-GET is parked and none has been for `idle`.
    pub fn idle_for(&self, idle: Duration) -> bool {
        self.parked.is_none() && self.last_release.elapsed() >= idle
    }

    /// True when a non-empty batch waits (roster changes that cancelled out are dropped).
    fn ready(&mut self) -> bool {
        for b in &mut self.pending {
            b.drop_empty_parts();
        }
        self.pending.retain(|b| !b.is_empty());
        !self.pending.is_empty()
    }

    /// Turn the next pending batch (or nothing) into batch `next`.
    fn produce(&mut self) -> (u64, Arc<Batch>) {
        let n = self.next;
        self.ready();
        let batch = Arc::new(match self.pending.front_mut() {
            Some(front) if front.event_count() > MAX_BATCH_EVENTS => {
                front.take_front(MAX_BATCH_EVENTS)
            }
            _ => self.pending.pop_front().unwrap_or_default(),
        });
        self.produced.push_back((n, batch.clone()));
        self.next += 1;
        (n, batch)
    }

    /// Another client instance takes the channel: the parked P-GET is released with 409.
    pub fn replace_parked(&mut self) -> bool {
        let parked = self.parked.take().is_some();
        self.generation += 1;
        self.notify.notify_waiters();
        parked
    }

    /// Answer `ack=N` at once if possible; `None` means park.
    fn poll(&mut self, ack: u64) -> Option<Answer> {
        if std::mem::take(&mut self.resync_next) {
            return Some(Answer::Resync {
                asked: ack,
                first: self.first_unacked.min(ack),
            });
        }
        if ack < self.first_unacked || ack > self.next {
            return Some(Answer::Resync {
                asked: ack,
                first: self.first_unacked,
            });
        }
        while self.produced.front().is_some_and(|(n, _)| *n < ack) {
            self.produced.pop_front();
        }
        self.first_unacked = ack;
        if let Some((n, b)) = self.produced.iter().find(|(n, _)| *n == ack) {
            return Some(Answer::Batch(*n, b.clone()));
        }
        if self.ready() {
            let (n, b) = self.produce();
            return Some(Answer::Batch(n, b));
        }
        None
    }
}

fn render(paths: &Paths, app_id: &str, key: &str, answer: Answer) -> EventBatch {
    let mut links = Links::new();
    match answer {
        Answer::Batch(n, batch) => {
            links.insert(Rel::SelfLink, Link::new(paths.events(n, key)));
            links.insert(Rel::Next, Link::new(paths.events(n + 1, key)));
            EventBatch {
                links,
                sender: batch.render(app_id),
                baseuri: None,
            }
        }
        Answer::Resync { asked, first } => {
            links.insert(Rel::SelfLink, Link::new(paths.events(asked, key)));
            links.insert(Rel::Resync, Link::new(paths.events(first, key)));
            EventBatch {
                links,
                sender: Vec::new(),
                baseuri: None,
            }
        }
    }
}

/// How long to hold: the client's `timeout` clamped to 180–1800 s, capped by the configuration.
fn hold_for(timeout: Option<&str>, cap: Duration) -> Duration {
    let secs = timeout
        .and_then(|t| t.trim().parse::<u64>().ok())
        .unwrap_or(180)
        .clamp(180, 1800);
    Duration::from_secs(secs).min(cap)
}

/// `GET {app}/events?ack=N&key=K[&timeout=T]`.
pub(crate) async fn events(emu: &Arc<Emu>, app_id: &str, asi: &str, r: &Req) -> Response {
    let Some(ack) = r.q("ack").and_then(|v| v.trim().parse::<u64>().ok()) else {
        return UcwaErrorReply::invalid(
            "ack",
            "The ack parameter is required and must be a number.",
        )
        .into_response();
    };
    let hold = hold_for(r.q("timeout"), emu.cfg.poll_hold);
    let paths = Paths::new(app_id);
    let (my_gen, key, notified) = {
        let mut w = emu.lock();
        let app = match w.app_mut(app_id, asi) {
            Ok(a) => a,
            Err(e) => return e.into_response(),
        };
        let ch = &mut app.channel;
        if r.q("key").is_some_and(|k| k != ch.key) {
            return UcwaErrorReply::invalid(
                "key",
                "The key parameter does not match this event channel.",
            )
            .into_response();
        }
        ch.generation += 1;
        let my_gen = ch.generation;
        if ch.parked.take().is_some() {
            ch.notify.notify_waiters();
        }
        if let Some(answer) = ch.poll(ack) {
            ch.last_release = Instant::now();
            return json(StatusCode::OK, &render(&paths, app_id, &ch.key, answer));
        }
        ch.parked = Some(my_gen);
        (my_gen, ch.key.clone(), ch.notify.clone().notified_owned())
    };
    let deadline = tokio::time::Instant::now() + hold;
    let mut notified = Box::pin(notified);
    loop {
        let timed_out = tokio::select! {
            _ = &mut notified => false,
            _ = tokio::time::sleep_until(deadline) => true,
            _ = emu.cancel.cancelled() => true,
        };
        let mut w = emu.lock();
        let Some(app) = w.apps.get_mut(app_id).filter(|a| a.asi == asi) else {
            return UcwaErrorReply::app_not_found().into_response();
        };
        if app.channel.abort == Some(my_gen) {
            app.channel.abort = None;
            app.channel.parked = None;
            app.channel.last_release = Instant::now();
            return aborted();
        }
        match app.state {
            AppState::Alive => {}
            AppState::Expired => return UcwaErrorReply::app_expired().into_response(),
            _ => return UcwaErrorReply::app_not_found().into_response(),
        }
        let ch = &mut app.channel;
        if ch.generation != my_gen {
            return UcwaErrorReply::conflict(
                Some(UcwaSubcode::PGetReplaced),
                "A newer pending GET replaced this one.",
            )
            .into_response();
        }
        if std::mem::take(&mut ch.resync_next) {
            ch.parked = None;
            ch.last_release = Instant::now();
            let answer = Answer::Resync {
                asked: ack,
                first: ch.first_unacked.min(ack),
            };
            return json(StatusCode::OK, &render(&paths, app_id, &key, answer));
        }
        if ch.ready() || timed_out {
            let (n, batch) = ch.produce();
            ch.parked = None;
            ch.last_release = Instant::now();
            return json(
                StatusCode::OK,
                &render(&paths, app_id, &key, Answer::Batch(n, batch)),
            );
        }
        notified = Box::pin(ch.notify.clone().notified_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::SenderBlock;

    #[test]
    fn hold_is_clamped_then_capped() {
        let cap = Duration::from_secs(600);
        assert_eq!(hold_for(None, cap), Duration::from_secs(180));
        assert_eq!(hold_for(Some("5"), cap), Duration::from_secs(180));
        assert_eq!(hold_for(Some("9999"), cap), cap);
        assert_eq!(
            hold_for(Some("x"), Duration::from_secs(1)),
            Duration::from_secs(1)
        );
    }

    fn person(pid: &str) -> Arc<Person> {
        Arc::new(Person {
            pid: pid.into(),
            name: pid.into(),
            uri: format!("sip:{pid}@example.invalid"),
            role: crate::emulator::config::Role::Attendee,
            anonymous: true,
            organizer: false,
            on_phone: false,
        })
    }

    fn block(href: &str, n: usize) -> Part {
        Part::Block(SenderBlock::new(
            Rel::Conversation,
            href,
            vec![Default::default(); n],
        ))
    }

    fn event() -> Group {
        vec![block("/c", 1)]
    }

    fn sizes(ch: &Channel) -> Vec<usize> {
        ch.pending.iter().map(Batch::event_count).collect()
    }

    #[test]
    fn roster_changes_share_a_batch_until_something_else_comes() {
        let mut ch = Channel::new("k".into(), 1);
        ch.push(event());
        ch.push_roster("c", EventType::Added, &person("g1"));
        ch.push_roster("c", EventType::Added, &person("g2"));
        // Another conversation's roster starts its own batch.
        ch.push_roster("d", EventType::Added, &person("g3"));
        ch.push(event());
        ch.push_roster("d", EventType::Added, &person("g4"));
        assert_eq!(sizes(&ch), [1, 2, 1, 1, 1]);
        assert_eq!(ch.pending_events(), 6);
        // Once the roster batch is handed out, the next change starts a new batch.
        while ch.poll(ch.next).is_some() {}
        ch.push_roster("d", EventType::Added, &person("g5"));
        ch.push_roster("d", EventType::Added, &person("g6"));
        assert_eq!(sizes(&ch), [2]);
    }

    #[test]
    fn a_pending_roster_batch_is_bounded_by_the_roster_not_by_churn() {
        let mut ch = Channel::new("k".into(), 1);
        ch.push_roster("c", EventType::Added, &person("p1"));
        for i in 0..10_000 {
            let who = person(&format!("g{i}"));
            ch.push_roster("c", EventType::Added, &who);
            ch.push_roster("c", EventType::Deleted, &who);
        }
        assert_eq!(sizes(&ch), [1]);
        let Some(Answer::Batch(1, batch)) = ch.poll(1) else {
            panic!("expected batch 1");
        };
        let blocks = batch.render("app");
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].events.len(), 1);
        assert_eq!(blocks[0].events[0].link.title.as_deref(), Some("p1"));
    }

    /// Every batch handed out from `ack` on: (sender href, events) per block.
    fn drain(ch: &mut Channel) -> Vec<Vec<(String, usize)>> {
        let mut out = Vec::new();
        let mut ack = ch.next;
        while let Some(Answer::Batch(got, b)) = ch.poll(ack) {
            assert!(b.event_count() <= MAX_BATCH_EVENTS);
            let blocks = b.render("app");
            out.push(
                blocks
                    .iter()
                    .map(|b| (b.href.clone(), b.events.len()))
                    .collect(),
            );
            ack = got + 1;
        }
        out
    }

    #[test]
    fn big_groups_go_out_in_capped_batches_in_order() {
        let mut ch = Channel::new("k".into(), 1);
        let n = MAX_BATCH_EVENTS * 2 + 5;
        ch.push(vec![block("/a", 1), block("/c", n), block("/a", 1)]);
        let c = Paths::new("app").conv("c");
        let mut admission = vec![block(&c, 1)];
        admission.extend(ch_roster("c", n));
        admission.push(block(&c, 1));
        ch.push(admission);
        let cap = MAX_BATCH_EVENTS;
        let s = |h: &str, n| (h.to_string(), n);
        assert_eq!(
            drain(&mut ch),
            [
                vec![s("/a", 1), s("/c", cap - 1)],
                vec![s("/c", cap)],
                vec![s("/c", 6), s("/a", 1)],
                // The roster part renders into the blocks of the same sender around it.
                vec![s(&c, cap)],
                vec![s(&c, cap)],
                vec![s(&c, 7)],
            ]
        );
    }

    fn ch_roster(conv: &str, n: usize) -> Group {
        let mut g = crate::emulator::resources::GroupBuilder::default();
        g.roster_added(
            conv,
            (0..n)
                .map(|i| (*person(&format!("g{i}"))).clone())
                .collect(),
        );
        g.build()
    }

    #[test]
    fn roster_backlogs_go_out_in_capped_batches_in_order() {
        let mut ch = Channel::new("k".into(), 1);
        let n = MAX_BATCH_EVENTS * 2 + 5;
        for i in 0..n {
            ch.push_roster("c", EventType::Added, &person(&format!("g{i}")));
        }
        let mut seen = Vec::new();
        let mut ack = ch.next;
        while let Some(Answer::Batch(got, b)) = ch.poll(ack) {
            assert!(b.event_count() <= MAX_BATCH_EVENTS);
            for block in b.render("app") {
                seen.extend(block.events.into_iter().filter_map(|e| e.link.title));
            }
            ack = got + 1;
        }
        let want: Vec<String> = (0..n).map(|i| format!("g{i}")).collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn a_roster_batch_that_cancelled_out_is_not_handed_out() {
        let mut ch = Channel::new("k".into(), 1);
        let who = person("g1");
        ch.push_roster("c", EventType::Added, &who);
        ch.push_roster("c", EventType::Deleted, &who);
        assert!(ch.poll(1).is_none(), "nothing to hand out: park");
        ch.push(event());
        assert!(matches!(ch.poll(1), Some(Answer::Batch(1, b)) if b.event_count() == 1));
    }

    #[test]
    fn a_handed_out_roster_batch_is_resent_unchanged() {
        let mut ch = Channel::new("k".into(), 1);
        ch.push_roster("c", EventType::Added, &person("g1"));
        let first = match ch.poll(1) {
            Some(Answer::Batch(1, b)) => b.render("app"),
            _ => panic!("expected batch 1"),
        };
        // Later changes go to a new batch; asking for 1 again gives the same events.
        ch.push_roster("c", EventType::Deleted, &person("g1"));
        let again = match ch.poll(1) {
            Some(Answer::Batch(1, b)) => b.render("app"),
            _ => panic!("expected batch 1 again"),
        };
        assert_eq!(first, again);
        assert!(matches!(ch.poll(2), Some(Answer::Batch(2, b)) if b.event_count() == 1));
    }

    #[test]
    fn closing_drops_what_nobody_will_fetch() {
        let mut ch = Channel::new("k".into(), 1);
        ch.push(event());
        ch.push_roster("c", EventType::Added, &person("g1"));
        assert!(ch.poll(1).is_some());
        ch.close();
        assert!(ch.pending.is_empty() && ch.produced.is_empty());
    }

    #[test]
    fn poll_serves_resends_and_resyncs() {
        let mut ch = Channel::new("k".into(), 5);
        assert!(ch.poll(5).is_none());
        ch.push(event());
        assert!(matches!(ch.poll(5), Some(Answer::Batch(5, g)) if g.event_count() == 1));
        // Same ack again: the same batch.
        assert!(matches!(ch.poll(5), Some(Answer::Batch(5, _))));
        // Acknowledge 5, nothing new: park.
        assert!(ch.poll(6).is_none());
        // Stale and future acks resync to the first unacknowledged batch.
        assert!(matches!(
            ch.poll(4),
            Some(Answer::Resync { asked: 4, first: 6 })
        ));
        assert!(matches!(
            ch.poll(9),
            Some(Answer::Resync { asked: 9, first: 6 })
        ));
    }
}
