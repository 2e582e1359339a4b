//! `gui-probe --meeting small|town-hall`: the meeting view's cost. The app joins a demo
//! meeting that lets it straight in (the small one: 3 people and a greeting; the town hall: 250
//! people, then 1,000 messages sent through the control API, then a message a second), and
//! the watcher replays input at a fixed rate while it counts frames and CPU time:
//!
//! - `idle`: no input for the idle window, while a chat message arrives each second in both
//!   meetings (the town hall's steady chat; the watcher says one into the small meeting), so
//!   both paint only for what arrives;
//! - `pointer`: 60 pointer moves across the window, 30 a second;
//! - `scroll`: 60 mouse-wheel steps, 30 a second, half over the chat and half over the
//!   participant list, turning direction every 10 steps.
//!
//! CPU per frame is the UI thread's (read by that thread at the start of each frame, so it
//! includes painting) divided by the frames begun. The town hall also reports resident memory
//! after its 1,000 messages and after 9,000 more.

use std::fmt;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::runtime::Runtime;

use super::watch::{Sample, next};
use super::{DEMO_THREADS, ProbeDemo, SETTLE_LIMIT, app_init, check_display, mib};
use crate::cli::ProbeMeeting;
use crate::emulator::{DEMO_OPEN_URL, DEMO_TOWN_HALL_URL, TOWN_HALL_MEMBERS};
use crate::gui::probe::{Counters, InMeeting, ProbeEvent, close, run_window};
use crate::gui::{Backend, GuestApp};

/// Input events per second while replaying.
const REPLAY_RATE: u32 = 30;
/// Events per replayed phase.
const REPLAY_EVENTS: u32 = 60;
/// Messages sent into the town hall before measuring, and in all for the memory check.
const FIRST_MESSAGES: u64 = 1_000;
const ALL_MESSAGES: u64 = 10_000;
/// Messages sent at a time on the way to [`ALL_MESSAGES`].
const LOT: u64 = 250;
/// Longest wait for the messages to be on screen.
const MESSAGES_LIMIT: Duration = Duration::from_secs(120);

impl ProbeMeeting {
    pub fn url(self) -> &'static str {
        match self {
            ProbeMeeting::Small => DEMO_OPEN_URL,
            ProbeMeeting::TownHall => DEMO_TOWN_HALL_URL,
        }
    }

    /// People in the roster once the guest is in (the guest included).
    pub fn people(self) -> usize {
        match self {
            ProbeMeeting::Small => 3,
            ProbeMeeting::TownHall => TOWN_HALL_MEMBERS + 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ProbeMeeting::Small => "small",
            ProbeMeeting::TownHall => "town-hall",
        }
    }
}

/// What one phase cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseCost {
    pub name: String,
    pub secs: f64,
    pub frames: u64,
    pub passes: u64,
    /// Chat messages the app took in during the phase.
    pub messages: u64,
    /// The UI thread's CPU time.
    pub ui_cpu_secs: f64,
    /// CPU time of the whole process but the demo's threads (clock-tick resolution for those).
    pub app_cpu_secs: f64,
    /// `ui_cpu_secs` per frame, in milliseconds (0 without frames).
    pub ui_ms_per_frame: f64,
    /// `app_cpu_secs` per frame, in milliseconds (0 without frames): painting included (a
    /// software GL driver rasterises on threads of its own).
    pub app_ms_per_frame: f64,
}

impl PhaseCost {
    fn new(name: &str, start: &Sample, end: &Sample) -> Self {
        let frames = end.frames.saturating_sub(start.frames);
        let ui = end.ui_cpu.saturating_sub(start.ui_cpu).as_secs_f64();
        let cpu = end.cpu.saturating_sub(start.cpu);
        let demo = end.threads.named.saturating_sub(start.threads.named);
        let app = cpu.saturating_sub(demo).as_secs_f64();
        let per_frame = |secs: f64| {
            if frames == 0 {
                0.0
            } else {
                secs * 1000.0 / frames as f64
            }
        };
        Self {
            name: name.to_string(),
            secs: end.at.saturating_duration_since(start.at).as_secs_f64(),
            frames,
            passes: end.passes.saturating_sub(start.passes),
            messages: end.progress.saturating_sub(start.progress),
            ui_cpu_secs: ui,
            app_cpu_secs: app,
            ui_ms_per_frame: per_frame(ui),
            app_ms_per_frame: per_frame(app),
        }
    }
}

/// What `gui-probe --meeting` measured (`--json` prints this object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingReport {
    pub meeting: ProbeMeeting,
    /// People in the roster and chat messages the app had when measuring began.
    pub people: usize,
    pub messages: u64,
    /// `main()` to the meeting on screen with its messages.
    pub ready_ms: f64,
    pub phases: Vec<PhaseCost>,
    /// Resident memory when measuring began, and (the town hall) after 10,000 messages.
    pub rss_start_kib: u64,
    pub rss_after_all_kib: Option<u64>,
    pub messages_after_all: Option<u64>,
}

impl MeetingReport {
    pub fn phase(&self, name: &str) -> Option<&PhaseCost> {
        self.phases.iter().find(|p| p.name == name)
    }
}

impl fmt::Display for MeetingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "meeting       {} ({} people, {} messages), ready {:.0} ms after start",
            self.meeting.name(),
            self.people,
            self.messages,
            self.ready_ms
        )?;
        for p in &self.phases {
            writeln!(
                f,
                "{:<13} {:.1} s: {} frames, {} messages, UI thread {:.3} s ({:.2} ms a frame), \
                 app CPU {:.3} s ({:.2} ms a frame)",
                p.name,
                p.secs,
                p.frames,
                p.messages,
                p.ui_cpu_secs,
                p.ui_ms_per_frame,
                p.app_cpu_secs,
                p.app_ms_per_frame
            )?;
        }
        write!(
            f,
            "memory        RSS {} when measuring began",
            mib(self.rss_start_kib)
        )?;
        if let (Some(rss), Some(n)) = (self.rss_after_all_kib, self.messages_after_all) {
            write!(f, ", {} after {n} messages", mib(rss))?;
        }
        writeln!(f)
    }
}

/// What the watcher saw.
struct Watched {
    ready: Instant,
    messages: u64,
    phases: Vec<PhaseCost>,
    rss_start_kib: u64,
    after_all: Option<(u64, u64)>,
}

/// Open the app, join `meeting`, measure, close it. Runs the window on this (the main) thread.
pub fn probe_meeting(
    meeting: ProbeMeeting,
    (idle, language): (Duration, Option<String>),
    started: Instant,
    runtime: &Runtime,
) -> Result<MeetingReport, String> {
    check_display()?;
    let _guard = runtime.enter();
    let counters = Arc::new(Counters::default());
    let (events_tx, events_rx) = channel();
    let (ctx_tx, ctx_rx) = channel();
    let demo = ProbeDemo::start()?;
    let control = demo.demo.control();
    let watcher = {
        let counters = Arc::clone(&counters);
        std::thread::Builder::new()
            .name("gj-probe-watch".into())
            .spawn(move || {
                let ctx = ctx_rx
                    .recv()
                    .map_err(|_| "the window did not open".to_string())?;
                let seen = Seen {
                    ctx: &ctx,
                    events: &events_rx,
                    counters: &counters,
                };
                let result = watch_meeting(&seen, meeting, idle, &control);
                close(&ctx);
                result
            })
            .map_err(|e| format!("cannot start the watcher thread: {e}"))?
    };
    let backend = Backend::new(runtime.handle().clone());
    let tracker = backend.tracker.clone();
    let init = app_init(&demo, meeting.url(), language);
    let people = meeting.people();
    let shown = run_window(
        move |ctx| InMeeting {
            app: GuestApp::new(ctx, init, backend),
            people,
        },
        counters,
        events_tx,
        Box::new(|| {}),
        ctx_tx,
    );
    tracker.close();
    runtime.block_on(async {
        let _ = tokio::time::timeout(super::CLEANUP_WAIT, tracker.wait()).await;
    });
    demo.shutdown();
    let watched = watcher
        .join()
        .map_err(|_| "the watcher thread panicked".to_string())?;
    shown?;
    let w = watched?;
    Ok(MeetingReport {
        meeting,
        people,
        messages: w.messages,
        ready_ms: w.ready.saturating_duration_since(started).as_secs_f64() * 1000.0,
        phases: w.phases,
        rss_start_kib: w.rss_start_kib,
        rss_after_all_kib: w.after_all.map(|(rss, _)| rss),
        messages_after_all: w.after_all.map(|(_, n)| n),
    })
}

/// What the watcher reads and drives.
struct Seen<'a> {
    ctx: &'a egui::Context,
    events: &'a Receiver<ProbeEvent>,
    counters: &'a Counters,
}

impl Seen<'_> {
    fn sample(&self) -> Result<Sample, String> {
        Sample::take(self.counters, DEMO_THREADS)
    }

    /// Wait until the app has had `count` chat messages.
    fn messages(&self, count: u64) -> Result<(), String> {
        let start = Instant::now();
        while self.counters.progress() < count {
            if start.elapsed() > MESSAGES_LIMIT {
                return Err(format!(
                    "only {} of {count} chat messages arrived within {}s",
                    self.counters.progress(),
                    MESSAGES_LIMIT.as_secs()
                ));
            }
            // A frame now and then, so the app takes in what arrived.
            self.ctx.request_repaint();
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    /// Replay `event(i)` for i in 0..REPLAY_EVENTS at REPLAY_RATE, then let the motion end.
    fn replay(&self, event: impl Fn(u32, egui::Rect) -> egui::Event) {
        let step = Duration::from_secs(1) / REPLAY_RATE;
        let start = Instant::now();
        let area = self.ctx.content_rect();
        for i in 0..REPLAY_EVENTS {
            let due = start + step * i;
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
            self.counters.replay(self.ctx, [event(i, area)]);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn pointer_path(i: u32, area: egui::Rect) -> egui::Event {
    let x = 0.1 + 0.8 * (i % 20) as f32 / 19.0;
    let y = 0.35 + 0.25 * ((i / 20) % 3) as f32;
    egui::Event::PointerMoved(area.lerp_inside(egui::vec2(x, y)))
}

/// Over the chat for the first half, then over the participant list; up 10 steps, down 10.
fn wheel_steps(i: u32, area: egui::Rect) -> (egui::Pos2, egui::Event) {
    let over = if i < REPLAY_EVENTS / 2 {
        egui::vec2(0.75, 0.6)
    } else {
        egui::vec2(0.25, 0.75)
    };
    let dy = if (i / 10).is_multiple_of(2) {
        120.0
    } else {
        -120.0
    };
    (
        area.lerp_inside(over),
        egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::default(),
        },
    )
}

/// Wait `idle` without input. The town hall chats on its own, a message a second; the small
/// meeting is given the same, so both phases paint for the same events.
fn idle_with_chat(
    meeting: ProbeMeeting,
    idle: Duration,
    control: &crate::emulator::Control,
) -> Result<(), String> {
    let start = Instant::now();
    let mut said = 0;
    while start.elapsed() < idle {
        said += 1;
        let due = start + Duration::from_secs(said);
        std::thread::sleep(
            due.min(start + idle)
                .saturating_duration_since(Instant::now()),
        );
        if meeting == ProbeMeeting::Small && start.elapsed() < idle {
            control
                .say_many(meeting.url(), 1)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn watch_meeting(
    seen: &Seen<'_>,
    meeting: ProbeMeeting,
    idle: Duration,
    control: &crate::emulator::Control,
) -> Result<Watched, String> {
    match next(seen.events, SETTLE_LIMIT, "first frame")? {
        ProbeEvent::FirstFrame(_) => {}
        other => return Err(format!("unexpected {other:?} before the first frame")),
    }
    match next(seen.events, SETTLE_LIMIT, "meeting")? {
        ProbeEvent::Idle(_) => {}
        other => return Err(format!("unexpected {other:?} while joining")),
    }
    let mut wanted = seen.counters.progress().max(1);
    if meeting == ProbeMeeting::TownHall {
        control
            .say_many(meeting.url(), FIRST_MESSAGES as usize)
            .map_err(|e| e.to_string())?;
        wanted += FIRST_MESSAGES;
    }
    seen.messages(wanted)?;
    let ready = Instant::now();
    // Let the lists measure what arrived and come to rest.
    std::thread::sleep(Duration::from_millis(1500));
    let messages = seen.counters.progress();
    let mut phases = Vec::new();
    let start = seen.sample()?;
    let rss_start_kib = start.memory.rss_kib;
    idle_with_chat(meeting, idle, control)?;
    let end = seen.sample()?;
    phases.push(PhaseCost::new("idle", &start, &end));
    let start = seen.sample()?;
    seen.replay(pointer_path);
    let end = seen.sample()?;
    phases.push(PhaseCost::new("pointer", &start, &end));
    let start = seen.sample()?;
    seen.replay(|i, area| {
        let (at, wheel) = wheel_steps(i, area);
        // The pointer goes where the wheel turns, as a hand would put it.
        seen.counters
            .replay(seen.ctx, [egui::Event::PointerMoved(at)]);
        wheel
    });
    let end = seen.sample()?;
    phases.push(PhaseCost::new("scroll", &start, &end));
    let after_all = if meeting == ProbeMeeting::TownHall {
        // A busy chat, not one burst: 250 messages at a time, each lot taken in before the next.
        let mut had = seen.counters.progress();
        while had < ALL_MESSAGES {
            let lot = (ALL_MESSAGES - had).min(LOT);
            control
                .say_many(meeting.url(), lot as usize)
                .map_err(|e| e.to_string())?;
            seen.messages(had + lot)?;
            had = seen.counters.progress();
        }
        std::thread::sleep(Duration::from_secs(2));
        let s = seen.sample()?;
        Some((s.memory.rss_kib, seen.counters.progress()))
    } else {
        None
    };
    Ok(Watched {
        ready,
        messages,
        phases,
        rss_start_kib,
        after_all,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replayed_input_stays_in_the_window() {
        let area = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(720.0, 640.0));
        for i in 0..REPLAY_EVENTS {
            let egui::Event::PointerMoved(p) = pointer_path(i, area) else {
                panic!("a pointer move");
            };
            assert!(area.contains(p));
            let (at, _) = wheel_steps(i, area);
            assert!(area.contains(at));
        }
        let up = |i| match wheel_steps(i, area).1 {
            egui::Event::MouseWheel { delta, .. } => delta.y > 0.0,
            _ => panic!("a wheel step"),
        };
        assert!(up(0) && !up(10) && up(20), "turns every 10 steps");
    }
}
