//! The desktop window (eframe/egui). It adds no protocol logic: it builds `JoinRequest`s, runs
//! the engine on the tokio runtime it is given, and draws `JoinStatus`. Nothing here awaits or
//! blocks the UI thread.

pub mod actions;
pub mod app;
pub mod attention;
pub mod dialogs;
pub mod export;
pub mod fonts;
mod handover;
pub mod kiosk;
pub mod notifier;
mod ordered_writes;
pub mod probe;
pub mod session;
pub mod state;
pub mod views;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::runtime::Handle;

pub use app::{AppInit, GuestApp};
pub use dialogs::{SaveChoice, SaveDialog, SaveRequest};
pub use session::Backend;
pub use views::chat::init_local_offset;

use crate::{config, single_instance};

/// What the command line gives the GUI.
#[derive(Debug, Clone, Default)]
pub struct GuiOptions {
    /// `--config FILE`
    pub config: Option<PathBuf>,
    /// `--meeting URL` (prefills the form)
    pub meeting: Option<String>,
    /// `--name NAME` (prefills the form)
    pub name: Option<String>,
    /// `--kiosk`
    pub kiosk: bool,
    /// `--language`
    pub language: Option<String>,
    /// `guest-join <link>`
    pub link: Option<String>,
    /// `--new-window`: never hand over to an open window, never listen for launches.
    pub new_window: bool,
}

/// How long closing the window waits for running sessions to clean up.
const CLEANUP_WAIT: Duration = Duration::from_secs(10);

const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/256x256/apps/guest-join.png");

pub fn native_options() -> eframe::NativeOptions {
    native_options_for(false, None)
}

/// The smallest window.
const MIN_SIZE: [f32; 2] = [420.0, 420.0];

/// The window's options; a kiosk is full screen without decorations. `place`: where the
/// window was when it last closed.
pub fn native_options_for(
    kiosk: bool,
    place: Option<config::state::WindowPlace>,
) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("guest-join")
        .with_app_id("guest-join")
        .with_inner_size([720.0, 640.0])
        .with_min_inner_size(MIN_SIZE);
    if let Some(place) = place.filter(|_| !kiosk).and_then(|p| p.usable(MIN_SIZE)) {
        viewport = viewport.with_inner_size([place.width, place.height]);
        if let (Some(x), Some(y)) = (place.x, place.y) {
            viewport = viewport.with_position([x, y]);
        }
    }
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => tracing::warn!("window icon not loaded: {e}"),
    }
    if kiosk {
        viewport = viewport.with_fullscreen(true).with_decorations(false);
    }
    eframe::NativeOptions {
        viewport,
        // The app finds system fonts itself, only when a character needs one (`fonts`).
        system_font_fallback: false,
        ..Default::default()
    }
}

/// Load the configuration the way the app does at start (`--config`, `GUEST_JOIN_CONFIG`,
/// platform dir) and combine it with the command line.
pub fn init_from(options: GuiOptions) -> AppInit {
    let env_path = std::env::var_os(config::ENV_CONFIG);
    let path = config::config_path(options.config.as_deref(), env_path.as_deref());
    let mut loaded = path.as_deref().map(config::load).unwrap_or_default();
    let state_path = config::state::state_path();
    if options.kiosk {
        loaded.config.kiosk.get_or_insert_default().enabled = true;
    }
    AppInit {
        loaded,
        config_path: path,
        env: config::EnvOverrides::from_process(),
        meeting: options.meeting,
        name: options.name,
        language: options.language,
        link: options.link.as_deref().map(crate::join::LaunchLink::parse),
        state: state_path
            .as_deref()
            .map(config::state::load_state)
            .unwrap_or_default(),
        state_path,
    }
}

/// Ctrl-C, SIGTERM or SIGHUP close the window the normal way (a kiosk too: that is how its
/// service manager stops it), so a running session is cancelled and cleans up like it does when
/// the window is closed.
fn close_on_signal(backend: &Backend, ctx: egui::Context) {
    let stopping = backend.stopping.clone();
    let _entered = backend.handle.enter();
    let mut signals = crate::stop_signal::StopSignals::new();
    backend.handle.spawn(async move {
        let Some(signal) = signals.recv().await else {
            return;
        };
        tracing::info!("{} received: closing the window", signal.name());
        stopping.get_or_init(|| signal);
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        ctx.request_repaint();
    });
}

/// One window per user: hand this launch to the open window, or become the one that listens.
/// `None`: this launch is over (its exit code given); `Some(window)`: open the window, which
/// listens when `window` holds a listener.
fn claim_window(
    options: &GuiOptions,
    kiosk: bool,
    runtime: &Handle,
) -> Result<Option<single_instance::FirstWindow>, i32> {
    if options.new_window {
        return Ok(None);
    }
    let Some(path) = single_instance::socket_path() else {
        return Ok(None);
    };
    let handover = single_instance::Handover {
        link: options.link.clone(),
        meeting: options.meeting.clone(),
        name: options.name.clone(),
    };
    let handover = Some(&handover).filter(|_| !kiosk);
    match runtime.block_on(single_instance::claim(&path, handover)) {
        single_instance::Claim::First(window) => Ok(Some(window)),
        single_instance::Claim::HandedOver(single_instance::Answer::Shown) => {
            println!(
                "guest-join is already open: its window was brought forward{}.",
                if options.link.is_some() || options.meeting.is_some() {
                    " with the link filled in"
                } else {
                    ""
                }
            );
            Err(0)
        }
        single_instance::Claim::HandedOver(single_instance::Answer::KioskIgnored) => {
            println!(
                "guest-join is already open as a kiosk, which takes no links from outside; nothing changed."
            );
            Err(0)
        }
        single_instance::Claim::Alone(why) => {
            tracing::warn!("opening a window of its own: {why}");
            Ok(None)
        }
    }
}

/// Open the window and run until it is closed. Returns the process exit code.
/// `log_file`: where this run logs (its end goes into saved diagnostics).
pub fn run(options: GuiOptions, runtime: Handle, log_file: Option<PathBuf>) -> i32 {
    let init = init_from(options.clone());
    let kiosk = init.loaded.config.kiosk.as_ref().is_some_and(|k| k.enabled);
    let listening = match claim_window(&options, kiosk, &runtime) {
        Ok(window) => window,
        Err(code) => return code,
    };
    let place = init.state.window;
    let mut backend = Backend::new(runtime.clone());
    backend.log_file = log_file;
    backend.notifier = Some(Arc::new(notifier::DesktopNotifier::new(runtime.clone())));
    // Answers launches from the first frame on; dropped (and the socket removed) at the end.
    let serving = Arc::new(std::sync::Mutex::new(None));
    let serving_slot = serving.clone();
    let serve_runtime = runtime.clone();
    let tracker = backend.tracker.clone();
    let demo = backend.demo.clone();
    let stopping = backend.stopping.clone();
    let result = eframe::run_native(
        "guest-join",
        native_options_for(kiosk, place),
        Box::new(move |cc| {
            close_on_signal(&backend, cc.egui_ctx.clone());
            let app = GuestApp::new(&cc.egui_ctx, init, backend);
            if let Some(window) = listening {
                let ui = app.ui_tx.clone();
                let answer = if kiosk {
                    single_instance::Answer::KioskIgnored
                } else {
                    single_instance::Answer::Shown
                };
                let serving = window.serve(&serve_runtime, answer, move |handover| {
                    ui.send(session::BackendMsg::Handover(handover));
                });
                if let Ok(mut slot) = serving_slot.lock() {
                    *slot = Some(serving);
                }
            }
            if let Some(report) = app.kiosk().and_then(|k| k.crash_report()) {
                kiosk::status::install_crash_hook(report);
            }
            Ok(Box::new(app))
        }),
    );
    // No more launches are handed to this window.
    if let Ok(mut slot) = serving.lock() {
        slot.take();
    }
    // The app is gone, so every session was cancelled; let them delete what they created.
    tracker.close();
    runtime.block_on(async {
        if tokio::time::timeout(CLEANUP_WAIT, tracker.wait())
            .await
            .is_err()
        {
            tracing::warn!("sessions still cleaning up after {CLEANUP_WAIT:?}; exiting anyway");
        }
        demo.shutdown().await;
    });
    match result {
        // Stopped by a signal: the shell's code for it (the window closed cleanly all the same).
        Ok(()) => stopping.get().map_or(0, |s| s.exit_code()),
        Err(e) => {
            eprintln!("error: the window could not be opened: {e}");
            1
        }
    }
}
