//! The per-application event channel (PROTOCOL §5.2, §8): numbered batches, the parked P-GET
//! (Notify-based long poll), 409 PGetReplaced, resync on stale acks, empty batches on timeout.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::sync::Notify;

use super::Emu;
use super::http::{ApiError, Req, aborted, json};
use super::resources::Paths;
use super::world::AppState;
use crate::api::wire::{EventBatch, Link, Links, SenderBlock};

/// One group of sender blocks becomes exactly one batch.
pub(crate) type Group = Vec<SenderBlock>;

pub(crate) struct Channel {
    pub key: String,
    /// Lowest batch number not yet acknowledged.
    pub first_unacked: u64,
    /// The number the next produced batch gets.
    pub next: u64,
    /// Produced, unacknowledged batches (numbers `first_unacked..next`).
    pub produced: VecDeque<(u64, Group)>,
    /// Groups waiting for a P-GET.
    pub pending: VecDeque<Group>,
    /// The last pending group holds only roster changes of other participants and takes more
    /// of them (see `push_roster`).
    roster_tail: bool,
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
    Batch(u64, Group),
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
            roster_tail: false,
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
        let group: Group = group.into_iter().filter(|b| !b.events.is_empty()).collect();
        if !group.is_empty() {
            self.pending.push_back(group);
            self.roster_tail = false;
            self.notify.notify_waiters();
        }
    }

    /// Queue roster changes of other participants: they join the last pending group when that
    /// one holds only such changes, so a guest in a busy meeting gets every change since its
    /// last P-GET in one batch (as the pool aggregates events) instead of one GET per change.
    pub fn push_roster(&mut self, group: Group) {
        let group: Group = group.into_iter().filter(|b| !b.events.is_empty()).collect();
        if group.is_empty() {
            return;
        }
        match self.pending.back_mut().filter(|_| self.roster_tail) {
            Some(tail) => {
                for block in group {
                    match tail
                        .iter_mut()
                        .find(|b| b.href == block.href && b.rel == block.rel)
                    {
                        Some(same) => same.events.extend(block.events),
                        None => tail.push(block),
                    }
                }
            }
            None => {
                self.pending.push_back(group);
                self.roster_tail = true;
            }
        }
        self.notify.notify_waiters();
    }

    pub fn wake(&self) {
        self.notify.notify_waiters();
    }

    /// True when no P-GET is parked and none has been for `idle`.
    pub fn idle_for(&self, idle: Duration) -> bool {
        self.parked.is_none() && self.last_release.elapsed() >= idle
    }

    /// Turn the next pending group (or nothing) into batch `next`.
    fn produce(&mut self) -> (u64, Group) {
        let n = self.next;
        let group = self.pending.pop_front().unwrap_or_default();
        if self.pending.is_empty() {
            self.roster_tail = false;
        }
        self.produced.push_back((n, group.clone()));
        self.next += 1;
        (n, group)
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
        if let Some((n, g)) = self.produced.iter().find(|(n, _)| *n == ack) {
            return Some(Answer::Batch(*n, g.clone()));
        }
        if !self.pending.is_empty() {
            let (n, g) = self.produce();
            return Some(Answer::Batch(n, g));
        }
        None
    }
}

fn render(paths: &Paths, key: &str, answer: Answer) -> EventBatch {
    let mut links = Links::new();
    match answer {
        Answer::Batch(n, group) => {
            links.insert("self", Link::new(paths.events(n, key)));
            links.insert("next", Link::new(paths.events(n + 1, key)));
            EventBatch {
                links,
                sender: group,
                baseuri: None,
            }
        }
        Answer::Resync { asked, first } => {
            links.insert("self", Link::new(paths.events(asked, key)));
            links.insert("resync", Link::new(paths.events(first, key)));
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
        return ApiError::invalid("ack", "The ack parameter is required and must be a number.")
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
            return ApiError::invalid(
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
            return json(StatusCode::OK, &render(&paths, &ch.key, answer));
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
            return ApiError::app_not_found().into_response();
        };
        if app.channel.abort == Some(my_gen) {
            app.channel.abort = None;
            app.channel.parked = None;
            app.channel.last_release = Instant::now();
            return aborted();
        }
        match app.state {
            AppState::Alive => {}
            AppState::Expired => return ApiError::app_expired().into_response(),
            _ => return ApiError::app_not_found().into_response(),
        }
        let ch = &mut app.channel;
        if ch.generation != my_gen {
            return ApiError::conflict(
                Some("PGetReplaced"),
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
            return json(StatusCode::OK, &render(&paths, &key, answer));
        }
        if !ch.pending.is_empty() || timed_out {
            let (n, group) = ch.produce();
            ch.parked = None;
            ch.last_release = Instant::now();
            return json(
                StatusCode::OK,
                &render(&paths, &key, Answer::Batch(n, group)),
            );
        }
        notified = Box::pin(ch.notify.clone().notified_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn roster_changes_share_a_batch_until_something_else_comes() {
        let block = |href: &str| SenderBlock::new("conversation", href, vec![Default::default()]);
        let mut ch = Channel::new("k".into(), 1);
        ch.push(vec![block("/c")]);
        ch.push_roster(vec![block("/c")]);
        ch.push_roster(vec![block("/c")]);
        ch.push_roster(vec![block("/d")]);
        ch.push(vec![block("/c")]);
        ch.push_roster(vec![block("/c")]);
        let sizes: Vec<Vec<usize>> = ch
            .pending
            .iter()
            .map(|g| g.iter().map(|b| b.events.len()).collect())
            .collect();
        assert_eq!(sizes, [vec![1], vec![2, 1], vec![1], vec![1]]);
        // Once the roster group is handed out, the next change starts a new batch.
        while ch.poll(ch.next).is_some() {}
        ch.push_roster(vec![block("/c")]);
        ch.push_roster(vec![block("/c")]);
        assert_eq!(ch.pending.len(), 1);
        assert_eq!(ch.pending[0][0].events.len(), 2);
    }

    #[test]
    fn poll_serves_resends_and_resyncs() {
        let mut ch = Channel::new("k".into(), 5);
        assert!(ch.poll(5).is_none());
        ch.push(vec![SenderBlock::new(
            "communication",
            "/c",
            vec![Default::default()],
        )]);
        assert!(matches!(ch.poll(5), Some(Answer::Batch(5, g)) if g.len() == 1));
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
