//! Kiosk mode: a booth that serves strangers all day. An attract screen with "Start", the name
//! (only when no default name is set), the lobby and meeting, then a countdown back to the
//! start. Idle time on any screen also counts down; any touch or key cancels the countdown.
//! Every reset wipes the guest's session (name, chat, roster, timeline, recorded traffic).

pub mod admin;
pub mod clock;
pub(crate) mod flow;
mod settings;
pub mod status;
mod views;

use std::path::Path;
use std::time::Instant;

use crate::config::KioskConfig;
use crate::config::kiosk_pin::{self, PinHash};
use crate::i18n::{Language, Tr};

pub use clock::{Clock, ManualClock, SharedClock, SystemClock};

use admin::{AdminGuard, AdminPrompt};
use status::StatusFile;

/// Idle seconds in the admin's Settings before the countdown (an operator is working, but a
/// booth must not stay unlocked for the next stranger when the operator walks away).
pub const SETTINGS_IDLE_SECS: u64 = 300;

/// Consecutive failed sessions after which the attract screen says the service is down.
const FAILURES_FOR_NOTICE: u32 = 2;

/// The kiosk's own state, next to the app's.
pub struct KioskState {
    pub(super) cfg: KioskConfig,
    clock: SharedClock,
    /// The guest pressed Start and is typing a name.
    entry: bool,
    last_input: Instant,
    /// When the countdown on screen returns to the start.
    countdown: Option<Instant>,
    /// The session whose ending already started a countdown.
    ended_session: Option<u64>,
    admin: Option<AdminPrompt>,
    guard: AdminGuard,
    failures_in_row: u32,
    /// Say on the attract screen that the service seems down.
    unreachable: bool,
    /// The language buttons on the attract screen (those there are messages for).
    languages: Vec<Language>,
    /// The language each guest starts in.
    default_tr: Tr,
    status: StatusFile,
    exit_requested: bool,
    /// Times the window was moved and sized to the monitor by hand (see [`fill_screen`]).
    fill_tries: u8,
}

/// Most times the window is sized to the monitor by hand.
const FILL_TRIES: u8 = 3;

/// Full screen is a request to the window manager; without one (a bare X server, some kiosk
/// sessions) the window keeps its default size. Then place it at the origin with the monitor's
/// size, a few times at most (a window manager that comes later takes over).
pub(super) fn fill_screen(ctx: &egui::Context, tries: &mut u8) {
    if *tries >= FILL_TRIES {
        return;
    }
    let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
    let (Some(monitor), Some(inner)) = (monitor, inner) else {
        return;
    };
    if (inner.size() - monitor).length() > 2.0 || inner.min.to_vec2().length() > 2.0 {
        *tries += 1;
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::Pos2::ZERO));
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(monitor));
    }
}

impl KioskState {
    /// `config_file` is where `cfg` was read from (to check who else can read the PIN hash);
    /// `default_tr` is the language each guest starts in.
    pub fn new(
        cfg: KioskConfig,
        clock: SharedClock,
        config_file: Option<&Path>,
        default_tr: Tr,
    ) -> Self {
        let mut warnings = Vec::new();
        let mut languages = Vec::new();
        for tag in &cfg.languages {
            match Language::matching(tag) {
                Some(l) if !languages.contains(&l) => languages.push(l),
                Some(_) => {}
                None => warnings.push(format!(
                    "the kiosk's language {tag:?} has no messages; its button is left out"
                )),
            }
        }
        let pin = cfg
            .admin_pin_hash
            .as_deref()
            .and_then(|h| match PinHash::parse(h) {
                Ok(p) => Some(p),
                Err(e) => {
                    warnings.push(format!("the kiosk's staff PIN hash is not usable: {e}"));
                    None
                }
            });
        if pin.as_ref().is_some_and(PinHash::is_legacy) {
            warnings.push(kiosk_pin::LEGACY_WARNING.to_string());
        }
        if pin.is_some()
            && let Some(w) = config_file.and_then(kiosk_pin::permission_warning)
        {
            warnings.push(w);
        }
        for w in &warnings {
            tracing::warn!("{w}");
        }
        let now = clock.now();
        Self {
            status: StatusFile::new(cfg.status_file.clone(), warnings),
            cfg,
            clock,
            entry: false,
            last_input: now,
            countdown: None,
            ended_session: None,
            admin: None,
            guard: AdminGuard::new(pin),
            failures_in_row: 0,
            unreachable: false,
            languages,
            default_tr,
            exit_requested: false,
            fill_tries: 0,
        }
    }

    /// Seconds left on the "Returning to start" countdown, if one is running.
    pub fn countdown_secs(&self) -> Option<u64> {
        let d = self.countdown?;
        let now = self.clock.now();
        Some(d.saturating_duration_since(now).as_secs_f32().ceil() as u64)
    }

    pub(super) fn set_clock(&mut self, clock: SharedClock) {
        self.last_input = clock.now();
        self.countdown = None;
        self.clock = clock;
    }

    /// The admin prompt is open.
    pub fn admin_open(&self) -> bool {
        self.admin.is_some()
    }

    /// The right PIN was entered in the open prompt.
    pub fn admin_unlocked(&self) -> bool {
        self.admin.as_ref().is_some_and(|a| a.unlocked)
    }

    /// What the panic hook needs to report a crash, when the booth has a status file.
    pub fn crash_report(&self) -> Option<status::CrashReport> {
        self.status.crash_report()
    }

    /// "Exit the app" was pressed (the window was asked to close).
    pub fn exit_requested(&self) -> bool {
        self.exit_requested
    }

    /// The languages offered on the attract screen.
    pub fn languages(&self) -> &[Language] {
        &self.languages
    }
}

/// What the kiosk screens ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KioskAction {
    Start,
    Join,
    /// Back to the attract screen now (wipes everything).
    Reset,
    /// Stay: cancel the countdown.
    Stay,
    SubmitPin,
    CloseAdmin,
    /// The guest picked a language on the attract screen (until the next reset).
    ChooseLanguage(Language),
    /// The app's settings, for this run only (after the right PIN, with no call running).
    OpenSettings,
    ExitKiosk,
}

/// The smallest text size of a kiosk.
pub const MIN_TEXT_SCALE: f32 = 1.5;

/// Larger text and touch-sized targets, in the configured theme.
pub fn apply_style(ctx: &egui::Context, text_scale: f32, theme: crate::config::Theme) {
    ctx.set_theme(match theme {
        crate::config::Theme::System => egui::ThemePreference::System,
        crate::config::Theme::Light => egui::ThemePreference::Light,
        crate::config::Theme::Dark => egui::ThemePreference::Dark,
    });
    ctx.set_zoom_factor(text_scale.max(MIN_TEXT_SCALE));
    // Nothing a stranger types may change the booth: no zoom keys, no quit shortcut (Ctrl/Cmd+Q).
    ctx.options_mut(|o| {
        o.zoom_with_keyboard = false;
        o.quit_shortcuts.clear();
    });
    ctx.all_styles_mut(|s| {
        s.spacing.button_padding = egui::vec2(20.0, 12.0);
        s.spacing.interact_size = egui::vec2(48.0, 44.0);
        s.spacing.item_spacing = egui::vec2(12.0, 12.0);
    });
}
