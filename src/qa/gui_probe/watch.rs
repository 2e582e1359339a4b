//! The watcher thread: waits for the first frame and for the app to settle, samples the
//! process at the start and end of the idle window, then closes the window. Every wait is
//! bounded, and a window that closes early ends the watch with a reason instead of a hang.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::gui::probe::{self, Counters, ProbeEvent};

use super::stats::{self, Memory, ThreadCpu};

/// The process at one moment.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub at: Instant,
    pub cpu: Duration,
    pub threads: ThreadCpu,
    pub memory: Memory,
    pub frames: u64,
    pub passes: u64,
    /// The app was in its idle state (e.g. the lobby) at its last frame.
    pub idle: bool,
    /// CPU time of the UI thread up to the start of its latest frame (nanosecond resolution).
    pub ui_cpu: Duration,
    /// The app's progress at its latest frame (in a meeting: the chat messages it had).
    pub progress: u64,
}

impl Sample {
    /// `prefix`: the name prefix of threads to count apart (the demo's).
    pub fn take(counters: &Counters, prefix: &str) -> Result<Self, String> {
        Ok(Self {
            at: Instant::now(),
            cpu: stats::cpu_time()?,
            threads: stats::thread_cpu(prefix)?,
            memory: stats::memory()?,
            frames: counters.frames(),
            passes: counters.passes(),
            idle: counters.idle_now(),
            ui_cpu: counters.ui_cpu(),
            progress: counters.progress(),
        })
    }
}

/// What the watcher saw.
#[derive(Debug, Clone, Copy)]
pub struct Watched {
    /// The first frame was on screen.
    pub first_frame: Instant,
    /// The app settled (the bare window: right after its first frame; the app: in the lobby).
    pub settled: Instant,
    pub idle_start: Sample,
    pub idle_end: Sample,
}

pub struct Plan {
    pub idle: Duration,
    /// Longest wait for the first frame, and then for the app to settle.
    pub settle_limit: Duration,
    /// Threads counted apart (see [`Sample::take`]).
    pub thread_prefix: &'static str,
}

pub fn spawn(
    plan: Plan,
    ctx: Receiver<egui::Context>,
    events: Receiver<ProbeEvent>,
    counters: Arc<Counters>,
) -> std::io::Result<JoinHandle<Result<Watched, String>>> {
    std::thread::Builder::new()
        .name("gj-probe-watch".into())
        .spawn(move || {
            let ctx = ctx
                .recv()
                .map_err(|_| "the window did not open".to_string())?;
            let result = observe(&plan, &events, &counters);
            probe::close(&ctx);
            result
        })
}

pub(super) fn next(
    events: &Receiver<ProbeEvent>,
    limit: Duration,
    what: &str,
) -> Result<ProbeEvent, String> {
    match events.recv_timeout(limit) {
        Ok(ProbeEvent::Failed(reason)) => Err(reason),
        Ok(event) => Ok(event),
        Err(RecvTimeoutError::Timeout) => Err(format!("no {what} within {}s", limit.as_secs())),
        Err(RecvTimeoutError::Disconnected) => Err(format!("the window closed before the {what}")),
    }
}

fn observe(
    plan: &Plan,
    events: &Receiver<ProbeEvent>,
    counters: &Counters,
) -> Result<Watched, String> {
    let first_frame = match next(events, plan.settle_limit, "first frame")? {
        ProbeEvent::FirstFrame(at) => at,
        other => return Err(format!("unexpected {other:?} before the first frame")),
    };
    let settled = match next(events, plan.settle_limit, "idle state")? {
        ProbeEvent::Idle(at) => at,
        other => return Err(format!("unexpected {other:?} while settling")),
    };
    let idle_start = Sample::take(counters, plan.thread_prefix)?;
    let end = idle_start.at + plan.idle;
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match events.recv_timeout(left) {
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => {
                return Err("the window closed during the idle window".into());
            }
            Ok(ProbeEvent::Failed(reason)) => return Err(reason),
            Ok(_) => {}
        }
    }
    let idle_end = Sample::take(counters, plan.thread_prefix)?;
    Ok(Watched {
        first_frame,
        settled,
        idle_start,
        idle_end,
    })
}
