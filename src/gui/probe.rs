//! Measuring the window: a wrapper around an `eframe::App` that notes when the first frame was
//! presented, counts frames and `ui` passes, and tells a watcher when the app has settled into
//! its idle state (the bare window at once, the guest app in the lobby). The watcher closes the
//! window when the idle window is over. Used by the hidden `gui-probe` command; nothing here
//! awaits or blocks the UI thread.
//!
//! "First frame presented" is the start of the second frame: eframe paints the first frame,
//! shows the window and swaps buffers before it takes the input for the next one, and the
//! wrapper asks for that next frame from the first `ui` pass.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::join::Phase;

use super::actions::UiAction;
use super::app::GuestApp;

/// Where the wrapped app stands, seen from the probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// Still on its way (e.g. joining).
    NotYet,
    /// In the state to measure while idle.
    Idle,
    /// It will never get there (e.g. the join failed): the reason.
    Failed(String),
}

/// An app the probe can drive: what to do once the first frame is on screen, and whether it
/// has settled.
pub trait Probed: eframe::App {
    fn after_first_frame(&mut self, ctx: &egui::Context);
    fn settled(&self) -> Settled;
    /// How far a run that waits for something countable has got (e.g. chat messages shown).
    fn progress(&self) -> u64 {
        0
    }
}

/// An empty window: the default background and an empty central panel.
#[derive(Debug, Default)]
pub struct BareApp;

impl eframe::App for BareApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |_ui| {});
    }
}

impl Probed for BareApp {
    fn after_first_frame(&mut self, _ctx: &egui::Context) {}

    fn settled(&self) -> Settled {
        Settled::Idle
    }
}

impl Probed for GuestApp {
    /// Join with the prefilled form, exactly as the Join button does.
    fn after_first_frame(&mut self, ctx: &egui::Context) {
        self.handle(ctx, UiAction::Join);
    }

    fn settled(&self) -> Settled {
        match self.phase() {
            Phase::InLobby => Settled::Idle,
            p if p.is_terminal() => Settled::Failed(format!(
                "the join ended ({p:?}) before reaching the lobby{}",
                self.failure()
                    .map(|f| format!(": {} {}", f.id, f.message))
                    .unwrap_or_default()
            )),
            _ => Settled::NotYet,
        }
    }
}

/// The guest app joining a meeting that lets it straight in: settled once it is in the
/// meeting with chat and sees at least `people` in the roster; its progress is the number of
/// chat messages it has had.
pub struct InMeeting {
    pub app: GuestApp,
    pub people: usize,
}

impl eframe::App for InMeeting {
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.app.raw_input_hook(ctx, raw_input);
    }

    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.app.on_exit(gl);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color(visuals)
    }
}

impl Probed for InMeeting {
    fn after_first_frame(&mut self, ctx: &egui::Context) {
        self.app.after_first_frame(ctx);
    }

    fn settled(&self) -> Settled {
        let view = self.app.session_view();
        let ready =
            view.is_some_and(|v| v.status.chat_available && v.status.roster.len() >= self.people);
        match self.app.phase() {
            Phase::InMeeting if ready => Settled::Idle,
            p if p.is_terminal() => Settled::Failed(format!(
                "the join ended ({p:?}) before the meeting was on screen{}",
                self.app
                    .failure()
                    .map(|f| format!(": {} {}", f.id, f.message))
                    .unwrap_or_default()
            )),
            _ => Settled::NotYet,
        }
    }

    fn progress(&self) -> u64 {
        self.app.session_view().map_or(0, |v| v.status.chat_total())
    }
}

/// What the wrapper tells its watcher, from the UI thread.
#[derive(Debug)]
pub enum ProbeEvent {
    /// The first frame is on screen (at this instant).
    FirstFrame(Instant),
    /// The app settled into its idle state.
    Idle(Instant),
    Failed(String),
}

/// Frame and pass counters, read by the watcher at any time.
#[derive(Debug, Default)]
pub struct Counters {
    /// Frames begun (one input per frame).
    pub frames: AtomicU64,
    /// `ui` calls (egui may run more than one pass in a frame).
    pub passes: AtomicU64,
    /// The app was in its idle state at its last `ui` call.
    pub idle_now: AtomicBool,
    /// CPU time of the UI thread, in nanoseconds, at the start of the latest frame (everything
    /// the frames before it did, painting included).
    pub ui_cpu_ns: AtomicU64,
    /// [`Probed::progress`] at the last `ui` call.
    pub progress: AtomicU64,
    /// Input the watcher replays: added to the next frame's input.
    pub input: Mutex<Vec<egui::Event>>,
}

impl Counters {
    pub fn frames(&self) -> u64 {
        self.frames.load(Ordering::Relaxed)
    }

    pub fn passes(&self) -> u64 {
        self.passes.load(Ordering::Relaxed)
    }

    pub fn idle_now(&self) -> bool {
        self.idle_now.load(Ordering::Relaxed)
    }

    pub fn ui_cpu(&self) -> Duration {
        Duration::from_nanos(self.ui_cpu_ns.load(Ordering::Relaxed))
    }

    pub fn progress(&self) -> u64 {
        self.progress.load(Ordering::Relaxed)
    }

    /// Give the window `events` as input in its next frame, and wake it for that.
    pub fn replay(&self, ctx: &egui::Context, events: impl IntoIterator<Item = egui::Event>) {
        self.input
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(events);
        ctx.request_repaint();
    }
}

/// CPU time of the calling thread (zero where it cannot be read).
fn thread_cpu_now() -> Duration {
    #[cfg(unix)]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        Duration::try_from(t).unwrap_or_default()
    }
    #[cfg(not(unix))]
    {
        Duration::ZERO
    }
}

/// Called on the UI thread the moment the first frame is known to be on screen, before
/// anything else happens in the process (e.g. to read the memory use right then).
pub type OnFirstFrame = Box<dyn FnMut()>;

/// The measuring wrapper.
pub struct ProbeApp<A> {
    inner: A,
    counters: Arc<Counters>,
    events: Sender<ProbeEvent>,
    on_first_frame: Option<OnFirstFrame>,
    first_frame_seen: bool,
    kicked: bool,
    /// Settled was reported.
    reported: bool,
    /// It failed or left the idle state (reported once).
    left: bool,
}

impl<A: Probed> ProbeApp<A> {
    pub fn new(
        inner: A,
        counters: Arc<Counters>,
        events: Sender<ProbeEvent>,
        on_first_frame: OnFirstFrame,
    ) -> Self {
        Self {
            inner,
            counters,
            events,
            on_first_frame: Some(on_first_frame),
            first_frame_seen: false,
            kicked: false,
            reported: false,
            left: false,
        }
    }

    fn send(&mut self, event: ProbeEvent) {
        // The watcher is gone only when the probe is being torn down.
        let _ = self.events.send(event);
    }
}

impl<A: Probed> eframe::App for ProbeApp<A> {
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        let before = self.counters.frames.fetch_add(1, Ordering::Relaxed);
        let cpu = u64::try_from(thread_cpu_now().as_nanos()).unwrap_or(u64::MAX);
        self.counters.ui_cpu_ns.store(cpu, Ordering::Relaxed);
        let replayed = std::mem::take(
            &mut *self
                .counters
                .input
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        raw_input.events.extend(replayed);
        if before == 1 && !self.first_frame_seen {
            self.first_frame_seen = true;
            let now = Instant::now();
            if let Some(mut f) = self.on_first_frame.take() {
                f();
            }
            self.send(ProbeEvent::FirstFrame(now));
        }
        self.inner.raw_input_hook(ctx, raw_input);
    }

    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.inner.logic(ctx, frame);
        if self.first_frame_seen && !self.kicked {
            self.kicked = true;
            self.inner.after_first_frame(ctx);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let pass = self.counters.passes.fetch_add(1, Ordering::Relaxed);
        self.inner.ui(ui, frame);
        if pass == 0 {
            // The frame after the first one marks the first one as presented.
            ui.ctx().request_repaint();
        }
        if self.kicked && !self.left {
            self.counters
                .progress
                .store(self.inner.progress(), Ordering::Relaxed);
            let settled = self.inner.settled();
            self.counters
                .idle_now
                .store(settled == Settled::Idle, Ordering::Relaxed);
            match (settled, self.reported) {
                (Settled::NotYet, false) => {}
                (Settled::Idle, false) => {
                    self.reported = true;
                    self.send(ProbeEvent::Idle(Instant::now()));
                }
                (Settled::Idle, true) => {}
                (Settled::Failed(reason), _) => {
                    self.left = true;
                    self.send(ProbeEvent::Failed(reason));
                }
                (Settled::NotYet, true) => {
                    self.left = true;
                    self.send(ProbeEvent::Failed(
                        "the app left its idle state during the idle window".into(),
                    ));
                }
            }
        }
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.inner.on_exit(gl);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.inner.clear_color(visuals)
    }
}

/// Close the window from another thread; an idle window gets no frames unless asked.
pub fn close(ctx: &egui::Context) {
    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    ctx.request_repaint();
}

/// Open a real window built like the app's (`native_options`, same renderer) around `make`'s
/// app, wrapped in a [`ProbeApp`]; `ctx_out` receives the egui context first (to close the
/// window from elsewhere). Returns when the window is closed.
pub fn run_window<A: Probed + 'static>(
    make: impl FnOnce(&egui::Context) -> A,
    counters: Arc<Counters>,
    events: Sender<ProbeEvent>,
    on_first_frame: OnFirstFrame,
    ctx_out: Sender<egui::Context>,
) -> Result<(), String> {
    eframe::run_native(
        "guest-join",
        super::native_options(),
        Box::new(move |cc| {
            let _ = ctx_out.send(cc.egui_ctx.clone());
            let inner = make(&cc.egui_ctx);
            Ok(Box::new(ProbeApp::new(
                inner,
                counters,
                events,
                on_first_frame,
            )))
        }),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))
}
