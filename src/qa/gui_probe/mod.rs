//! `guest-join gui-probe` (hidden): what the window costs. Opens a real window built like the
//! app's — `bare` (an empty eframe app) or `app` (the guest app, joined through its Join action
//! to a demo meeting whose organizer never decides, so it waits in the lobby) — and measures,
//! in this process:
//!
//! - start to first frame: from `main()` to the first frame being on screen (the start of the
//!   second frame; see `gui::probe`);
//! - resident memory (VmRSS) right after the first frame and at the end of the idle window,
//!   and its peak (VmHWM);
//! - the idle window (`bare`: from just after the first frame; `app`: from entering the lobby):
//!   CPU time of the process (user + system), of the UI thread and of the demo's threads, and
//!   the frames and `ui` passes painted.
//!
//! For `app` the demo environment (emulator + service application) runs in this process on
//! its own runtime, started before the window: its start time and memory are reported apart.
//! [`compare`] runs both windows a few times and compares the medians.

mod compare;
pub mod meeting;
pub mod meeting_compare;
pub mod stats;
mod watch;

use std::fmt;
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::runtime::Runtime;

pub use crate::cli::ProbeWindow;
pub use compare::{GuiComparison, Measured, compare, compare_with, run_one};

use crate::cli::GuiProbeArgs;
use crate::config::{Config, EnvOverrides, Loaded, Profile};
use crate::demo::Demo;
use crate::emulator::{EmulatorConfig, LobbyPolicy, demo_meetings};
use crate::gui::probe::{BareApp, Counters, run_window};
use crate::gui::{AppInit, Backend, GuestApp};

use watch::{Plan, Watched};

/// The demo meeting the app joins; its organizer never admits (Manual lobby).
pub const LOBBY_MEETING: &str = crate::demo::LOBBY_MEETING_URL;
/// Names of the demo runtime's threads (counted apart).
const DEMO_THREADS: &str = "gj-demo";
/// Longest wait for the first frame, then for the lobby.
const SETTLE_LIMIT: Duration = Duration::from_secs(60);
/// How long closing waits for the session to clean up.
const CLEANUP_WAIT: Duration = Duration::from_secs(10);

/// What one probe measured (`--json` prints this object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProbeReport {
    pub window: ProbeWindow,
    pub renderer: String,
    /// `main()` to the first frame on screen (for `app`, the demo's start included).
    pub first_frame_ms: f64,
    pub rss_first_frame_kib: u64,
    pub rss_idle_end_kib: u64,
    /// Peak resident memory up to the end of the idle window.
    pub hwm_kib: u64,
    /// Length of the idle window as measured.
    pub idle_secs: f64,
    /// CPU time (user + system) of the whole process in the idle window.
    pub idle_cpu_secs: f64,
    /// … of the UI (main) thread (clock-tick resolution).
    pub idle_cpu_ui_secs: f64,
    /// Frames begun in the idle window.
    pub idle_frames: u64,
    /// `ui` calls in the idle window.
    pub idle_passes: u64,
    /// `app`: the guest was in the lobby for the whole idle window.
    pub reached_lobby: bool,
    /// `app`: `main()` to the lobby on screen.
    pub lobby_ms: Option<f64>,
    /// `app`: what the in-process demo environment cost.
    pub demo: Option<DemoCost>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoCost {
    /// Starting the emulator and the service application (before the window opens).
    pub start_ms: f64,
    /// Resident memory added by starting it.
    pub rss_kib: u64,
    /// CPU time of its threads in the idle window (clock-tick resolution).
    pub idle_cpu_secs: f64,
}

impl ProbeReport {
    fn new(
        window: ProbeWindow,
        started: Instant,
        first_frame_memory: stats::Memory,
        watched: &Watched,
        demo: Option<(f64, u64)>,
    ) -> Self {
        let ms = |t: Instant| t.saturating_duration_since(started).as_secs_f64() * 1000.0;
        let (start, end) = (&watched.idle_start, &watched.idle_end);
        let secs = |a: Duration, b: Duration| b.saturating_sub(a).as_secs_f64();
        let app = window == ProbeWindow::App;
        Self {
            window,
            renderer: "glow".into(),
            first_frame_ms: ms(watched.first_frame),
            rss_first_frame_kib: first_frame_memory.rss_kib,
            rss_idle_end_kib: end.memory.rss_kib,
            hwm_kib: end.memory.hwm_kib,
            idle_secs: end.at.saturating_duration_since(start.at).as_secs_f64(),
            idle_cpu_secs: secs(start.cpu, end.cpu),
            idle_cpu_ui_secs: secs(start.threads.ui, end.threads.ui),
            idle_frames: end.frames.saturating_sub(start.frames),
            idle_passes: end.passes.saturating_sub(start.passes),
            reached_lobby: app && start.idle && end.idle,
            lobby_ms: app.then(|| ms(watched.settled)),
            demo: demo.map(|(start_ms, rss_kib)| DemoCost {
                start_ms,
                rss_kib,
                idle_cpu_secs: secs(start.threads.named, end.threads.named),
            }),
        }
    }
}

pub(crate) fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

impl fmt::Display for ProbeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let window = match self.window {
            ProbeWindow::Bare => "bare eframe window",
            ProbeWindow::App => "guest-join app, waiting in a demo lobby",
        };
        writeln!(f, "window        {window} ({})", self.renderer)?;
        write!(f, "first frame   {:.0} ms after start", self.first_frame_ms)?;
        if let Some(d) = &self.demo {
            write!(f, " (the demo's start, {:.0} ms, included)", d.start_ms)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "memory        RSS {} after the first frame, {} at the end of the idle window; peak {}",
            mib(self.rss_first_frame_kib),
            mib(self.rss_idle_end_kib),
            mib(self.hwm_kib)
        )?;
        if let Some(ms) = self.lobby_ms {
            writeln!(f, "lobby         on screen {ms:.0} ms after start")?;
        }
        writeln!(
            f,
            "idle          {:.1} s: CPU {:.3} s (UI thread {:.2} s), {} frames, {} ui passes",
            self.idle_secs,
            self.idle_cpu_secs,
            self.idle_cpu_ui_secs,
            self.idle_frames,
            self.idle_passes
        )?;
        if let Some(d) = &self.demo {
            writeln!(
                f,
                "demo          started in {:.0} ms, +{} RSS, {:.2} s CPU while idle",
                d.start_ms,
                mib(d.rss_kib),
                d.idle_cpu_secs
            )?;
        }
        Ok(())
    }
}

/// The probe needs a display to open a window.
pub fn check_display() -> Result<(), String> {
    let set = |k| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        Ok(())
    } else {
        Err("needs a display; on a headless machine run under Xvfb: \
             xvfb-run -a guest-join bench --gui"
            .into())
    }
}

/// `guest-join gui-probe`: returns the exit code.
pub fn run(args: GuiProbeArgs, started: Instant, runtime: &Runtime) -> i32 {
    let idle = Duration::from_secs(args.idle_secs);
    let json = args.json;
    let print = |text: Result<String, String>| match text {
        Ok(text) => {
            println!("{}", text.trim_end());
            0
        }
        Err(e) => {
            eprintln!("error: gui-probe: {e}");
            1
        }
    };
    if args.meetings {
        let c = meeting_compare::compare_meetings(args.idle_secs);
        let met = c.as_ref().is_ok_and(|c| c.within_limit);
        let code = print(c.map(|c| {
            if json {
                serde_json::to_string(&c).unwrap_or_default()
            } else {
                c.to_string()
            }
        }));
        // Measured, but a target missed: as `bench` does.
        return if code == 0 && !met { 1 } else { code };
    }
    if let Some(m) = args.meeting {
        let r = meeting::probe_meeting(m, (idle, args.language.clone()), started, runtime);
        return print(r.map(|r| {
            if json {
                serde_json::to_string(&r).unwrap_or_default()
            } else {
                r.to_string()
            }
        }));
    }
    let result = if args.compare {
        compare(args.idle_secs, args.language.as_deref()).map(|c| {
            if args.json {
                serde_json::to_string(&c).unwrap_or_default()
            } else {
                c.to_string()
            }
        })
    } else {
        let window = args.window.unwrap_or(ProbeWindow::Bare);
        probe(window, (idle, args.language.clone()), started, runtime).map(|r| {
            if args.json {
                serde_json::to_string(&r).unwrap_or_default()
            } else {
                r.to_string()
            }
        })
    };
    print(result)
}

/// Open `window`, measure, close it. Runs the window on this (the main) thread.
/// `language`: the app window's (`--language`).
pub fn probe(
    window: ProbeWindow,
    (idle, language): (Duration, Option<String>),
    started: Instant,
    runtime: &Runtime,
) -> Result<ProbeReport, String> {
    check_display()?;
    let _guard = runtime.enter();
    let counters = Arc::new(Counters::default());
    let (events_tx, events_rx) = channel();
    let (ctx_tx, ctx_rx) = channel();
    let first_memory = Arc::new(Mutex::new(None));
    let on_first_frame = {
        let slot = Arc::clone(&first_memory);
        Box::new(move || {
            let m = stats::memory();
            *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(m);
        })
    };
    let plan = Plan {
        idle,
        settle_limit: SETTLE_LIMIT,
        thread_prefix: DEMO_THREADS,
    };
    let watcher = watch::spawn(plan, ctx_rx, events_rx, Arc::clone(&counters))
        .map_err(|e| format!("cannot start the watcher thread: {e}"))?;
    let mut demo_cost = None;
    let shown = match window {
        ProbeWindow::Bare => {
            run_window(|_ctx| BareApp, counters, events_tx, on_first_frame, ctx_tx)
        }
        ProbeWindow::App => {
            let demo = ProbeDemo::start()?;
            demo_cost = Some((demo.start_ms, demo.rss_kib));
            let backend = Backend::new(runtime.handle().clone());
            let tracker = backend.tracker.clone();
            let init = app_init(&demo, LOBBY_MEETING, language);
            let shown = run_window(
                move |ctx| GuestApp::new(ctx, init, backend),
                counters,
                events_tx,
                on_first_frame,
                ctx_tx,
            );
            // The window is gone, so the session was cancelled: let it delete what it created.
            tracker.close();
            runtime.block_on(async {
                let _ = tokio::time::timeout(CLEANUP_WAIT, tracker.wait()).await;
            });
            demo.shutdown();
            shown
        }
    };
    let watched = watcher
        .join()
        .map_err(|_| "the watcher thread panicked".to_string())?;
    shown?;
    let watched = watched?;
    let first = first_memory
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .ok_or("the first frame's memory was not read")??;
    Ok(ProbeReport::new(
        window, started, first, &watched, demo_cost,
    ))
}

/// The app as a first-time user with one configured service (the demo's) would have it,
/// prefilled with `meeting` and a name; nothing is written to disk.
fn app_init(demo: &ProbeDemo, meeting: &str, language: Option<String>) -> AppInit {
    let config = Config {
        profiles: vec![Profile::service(
            "Probe demo",
            demo.demo.token_url().as_str(),
            None,
        )],
        ..Config::default()
    };
    AppInit {
        loaded: Loaded {
            config,
            ..Loaded::default()
        },
        config_path: None,
        env: EnvOverrides::default(),
        meeting: Some(meeting.into()),
        name: Some("Probe Guest".into()),
        language,
        link: None,
        state_path: None,
        state: Default::default(),
    }
}

/// The demo environment on its own runtime (threads named `gj-demo`), so its CPU time can
/// be told apart from the app's.
struct ProbeDemo {
    runtime: Runtime,
    demo: Demo,
    start_ms: f64,
    rss_kib: u64,
}

impl ProbeDemo {
    fn start() -> Result<Self, String> {
        let before = stats::memory()?.rss_kib;
        let t = Instant::now();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name(DEMO_THREADS)
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the demo's runtime: {e}"))?;
        let mut meetings = demo_meetings();
        for m in &mut meetings {
            if m.join_url == LOBBY_MEETING {
                m.policy = LobbyPolicy::Manual;
            }
        }
        let config = EmulatorConfig {
            meetings,
            ..EmulatorConfig::default()
        };
        let origin = crate::join::request::DEFAULT_ORIGIN;
        let demo = runtime
            .block_on(Demo::start_with(config, origin))
            .map_err(|e| format!("the demo environment did not start: {e}"))?;
        let start_ms = t.elapsed().as_secs_f64() * 1000.0;
        let rss_kib = stats::memory()?.rss_kib.saturating_sub(before);
        Ok(Self {
            runtime,
            demo,
            start_ms,
            rss_kib,
        })
    }

    fn shutdown(self) {
        let Self { runtime, demo, .. } = self;
        runtime.block_on(demo.shutdown());
        runtime.shutdown_timeout(Duration::from_secs(2));
    }
}
