//! `GuestApp`: the eframe app. `logic` drains engine events into the shared reducer, `ui`
//! draws the current screen and collects `UiAction`s, which `handle` applies afterwards.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use crate::config::{self, Config, EnvOverrides, Loaded};
use crate::i18n::{LanguageChoice, Tr};
use crate::join::Phase;
use crate::join::status::JoinEvent;
use crate::t;

use super::actions::{UiAction, initial_form};
use super::attention::Attention;
use super::handover::PendingHandover;
use super::kiosk::{self, KioskState, SharedClock};
use super::ordered_writes::OrderedWrites;
use super::session::{Backend, BackendMsg, SessionTask, UiSender};
use super::state::{FormNote, FormState, Screen, SessionView, SettingsDraft};
use super::views;

/// Widest the content column gets, in points.
const CONTENT_WIDTH: f32 = 640.0;

/// What the app starts from: the loaded config, where it lives, and the command-line prefill.
#[derive(Debug, Clone, Default)]
pub struct AppInit {
    pub loaded: Loaded,
    /// Where settings are saved; `None` never writes a file.
    pub config_path: Option<PathBuf>,
    pub env: EnvOverrides,
    /// `--meeting`
    pub meeting: Option<String>,
    /// `--name`
    pub name: Option<String>,
    /// `--language` (else the file's `language`, else the system's).
    pub language: Option<String>,
    /// `guest-join <link>`: what the desktop handed over (wins over `--meeting`).
    pub link: Option<crate::join::LaunchLink>,
    /// Where the remembered name and join service are kept; `None` remembers nothing on disk.
    pub state_path: Option<PathBuf>,
    /// What was remembered last time.
    pub state: config::state::AppState,
}

impl AppInit {
    /// Start from a configuration (tests; nothing is written unless `config_path` is set).
    pub fn with_config(config: Config) -> Self {
        Self {
            loaded: Loaded {
                config,
                ..Loaded::default()
            },
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone)]
pub struct Banner {
    pub kind: BannerKind,
    pub text: String,
}

/// A running or finished session: the engine task (dropping it cancels) and its view.
pub struct CurrentSession {
    pub task: SessionTask,
    pub view: SessionView,
}

pub struct GuestApp {
    pub(super) backend: Backend,
    pub(super) ui_tx: UiSender,
    rx: Receiver<BackendMsg>,
    pub(super) screen: Screen,
    pub(super) form: FormState,
    pub(super) session: Option<CurrentSession>,
    /// The session last cancelled, whose clean-up is still reported.
    pub(super) cancelled: Option<u64>,
    pub(super) next_id: u64,
    pub(super) config: Config,
    pub(super) config_path: Option<PathBuf>,
    /// The file could not be read: do not overwrite it except by an explicit Save.
    pub(super) config_broken: bool,
    pub(super) env: EnvOverrides,
    pub(super) effective: config::Effective,
    pub(super) banners: Vec<Banner>,
    pub(super) settings: Option<SettingsDraft>,
    /// Writes of the config file (Settings only) and of the state file (every join).
    pub(super) config_writes: OrderedWrites,
    pub(super) state_writes: OrderedWrites,
    /// The state file (remembered name and service); never in kiosk mode.
    pub(super) state_path: Option<PathBuf>,
    log_first_frame: bool,
    /// Kiosk mode (`--kiosk` or `[kiosk] enabled = true`).
    pub(super) kiosk: Option<KioskState>,
    /// The window's words, in its language.
    pub(super) tr: Tr,
    /// `--language`, which wins over the file until the window closes or a language is chosen
    /// in Settings.
    pub(super) language_flag: Option<String>,
    /// The window title, unread messages and desktop notifications (not on a kiosk).
    attention: Attention,
    /// A link another launch handed over during a call, until the guest answers.
    pub(super) handover: Option<PendingHandover>,
    /// The window's size and place, remembered in the state file when it closes.
    window_place: Option<config::state::WindowPlace>,
    /// The "call me" number the guest asked to remember (E.164; never on a kiosk).
    pub(super) remembered_phone: Option<String>,
}

/// HTTP options from the effective proxy and CA file (environment > file > default).
fn transport_options(
    config: &Config,
    env: &EnvOverrides,
) -> Result<crate::api::HttpOptions, String> {
    config::transport(None, None, env, config).and_then(|t| t.http_options())
}

impl GuestApp {
    pub fn new(ctx: &egui::Context, init: AppInit, mut backend: Backend) -> Self {
        let (tx, rx) = channel();
        let AppInit {
            loaded,
            mut config_path,
            env,
            meeting,
            name,
            language,
            link,
            state_path,
            state,
        } = init;
        let mut loaded = loaded;
        // Remembered in the state file (or by an older version in the config file).
        let remembered = state.or_legacy(&loaded.config);
        let window_place = remembered.window;
        // Only a number that still reads as one (a hand-edited file) pre-fills the field.
        let remembered_phone = remembered
            .phone_number
            .filter(|n| crate::join::phone_number::PhoneNumber::parse(n, None).is_ok());
        loaded.config.display_name = remembered.display_name;
        loaded.config.last_profile = remembered.last_profile;

        let kiosk_cfg = loaded.config.kiosk.clone().filter(|k| k.enabled);
        // A booth's own language comes first; then `--language`, the file, the system.
        let wish = kiosk_cfg
            .as_ref()
            .and_then(|k| k.language.as_deref())
            .or(language.as_deref())
            .or(loaded.config.language.as_deref());
        let tr = Tr::for_language(&LanguageChoice::from_setting(wish).resolve());
        let kiosk = kiosk_cfg
            .clone()
            .map(|k| KioskState::new(k, SharedClock::system(), config_path.as_deref(), tr.clone()));
        if kiosk_cfg.is_some() {
            // The operator's file is read-only to a kiosk, and a guest's name never reaches disk.
            config_path = None;
        }
        let mut banners = Vec::new();
        if let Some(e) = &loaded.error {
            banners.push(Banner {
                kind: BannerKind::Error,
                text: t!(tr, "banner-config-unusable", details = format!("{e}.")),
            });
        }
        // The file's problems are in the file's own terms (keys, lines): a lead in the
        // window's language, the details as they are.
        banners.extend(loaded.warnings.iter().map(|w| Banner {
            kind: BannerKind::Warning,
            text: t!(tr, "banner-config-warning", details = w.as_str()),
        }));
        backend.set_transport(transport_options(&loaded.config, &env));
        if let Err(e) = &backend.http {
            banners.push(Banner {
                kind: BannerKind::Error,
                text: t!(tr, "banner-network-setup-failed", details = e.as_str()),
            });
        }
        let config = loaded.config;
        let form = match (&kiosk_cfg, &link) {
            (Some(k), _) => {
                if link.is_some() {
                    tracing::info!("kiosk: the link given at start is ignored");
                }
                kiosk::flow::kiosk_form(&config, k)
            }
            (None, Some(l)) => super::actions::form_from_link(&config, l, name),
            (None, None) => initial_form(&config, meeting, name),
        };
        let notifier = backend.notifier.clone().filter(|_| kiosk_cfg.is_none());
        let mut app = Self {
            attention: Attention::new(notifier),
            handover: None,
            window_place,
            remembered_phone,
            ui_tx: UiSender::new(tx, ctx.clone()),
            backend,
            rx,
            screen: Screen::Form,
            form,
            session: None,
            cancelled: None,
            next_id: 0,
            effective: config::effective(&config, &env, &tr.language().default_culture()),
            config,
            config_path,
            config_broken: loaded.error.is_some(),
            env,
            banners,
            settings: None,
            config_writes: OrderedWrites::default(),
            state_writes: OrderedWrites::default(),
            state_path: if kiosk_cfg.is_some() {
                None
            } else {
                state_path
            },
            log_first_frame: std::env::var("GUEST_JOIN_LOG_FIRST_FRAME").is_ok_and(|v| v == "1"),
            kiosk,
            tr,
            language_flag: language,
        };
        for p in &app.effective.problems {
            app.banners.push(Banner {
                kind: BannerKind::Warning,
                text: t!(app.tr, "banner-config-warning", details = p.as_str()),
            });
        }
        app.apply_look(ctx);
        super::fonts::install(ctx, super::fonts::preference(&app.tr.language().tag()));
        if app.kiosk.is_some() {
            // A guest at a booth sees no configuration messages; the operator finds them in the log.
            for b in app.banners.drain(..) {
                tracing::warn!("{}", b.text);
            }
        }
        app
    }

    /// Use `clock` for the kiosk's idle and countdown deadlines (tests move it by hand).
    pub fn set_kiosk_clock(&mut self, clock: SharedClock) {
        if let Some(k) = &mut self.kiosk {
            k.set_clock(clock);
        }
    }

    /// Rebuild the HTTP client from the saved proxy and CA file; a problem becomes a banner.
    pub(super) fn apply_transport(&mut self) {
        self.backend
            .set_transport(transport_options(&self.config, &self.env));
        if let Err(e) = &self.backend.http {
            self.banners.push(Banner {
                kind: BannerKind::Error,
                text: t!(self.tr, "banner-network-setup-failed", details = e.as_str()),
            });
        }
    }

    /// Origin and culture again; the culture follows the window's language unless it is set.
    pub(super) fn recompute_effective(&mut self) {
        let culture = self.tr.language().default_culture();
        self.effective = config::effective(&self.config, &self.env, &culture);
    }

    /// The language as the saved settings (or `--language`) say, and what follows from it.
    pub(super) fn apply_language(&mut self) {
        let wish = self
            .language_flag
            .as_deref()
            .or(self.config.language.as_deref());
        self.set_language(Tr::for_language(
            &LanguageChoice::from_setting(wish).resolve(),
        ));
    }

    /// Show the window in `tr`'s language from the next frame on; the culture of the next join
    /// follows it.
    pub fn set_language(&mut self, tr: Tr) {
        if self.tr.language() != tr.language() || self.tr.is_pseudo() != tr.is_pseudo() {
            tracing::info!("language: {}", tr.language().tag());
        }
        let (old, new) = (self.tr.language().tag(), tr.language().tag());
        let preference = super::fonts::preference(&new);
        if super::fonts::preference(&old) != preference {
            super::fonts::install(self.ui_tx.ctx(), preference);
        }
        self.tr = tr;
        self.recompute_effective();
    }

    /// The window's language.
    pub fn tr(&self) -> &Tr {
        &self.tr
    }

    /// The phase of the current session (`Idle` when there is none).
    pub fn phase(&self) -> Phase {
        self.session
            .as_ref()
            .map(|s| s.view.phase())
            .unwrap_or(Phase::Idle)
    }

    /// Why the current session failed, if it did.
    pub fn failure(&self) -> Option<&crate::join::FailureInfo> {
        self.session.as_ref()?.view.status.failure.as_ref()
    }

    /// What the engine and the window's socket use to reach the UI (tests hand links over
    /// through it, as the socket does).
    pub fn ui_sender(&self) -> UiSender {
        self.ui_tx.clone()
    }

    /// The join form as it is now.
    pub fn form(&self) -> &FormState {
        &self.form
    }

    /// The window title as the app last set it.
    pub fn window_title(&self) -> &str {
        self.attention.title()
    }

    /// Messages that arrived while the window was not focused, since it last was.
    pub fn attention_unread(&self) -> u32 {
        self.attention.unread()
    }

    /// Whether a handed-over link waits for the guest's answer.
    pub fn handover_pending(&self) -> bool {
        self.handover.is_some()
    }

    /// The current configuration (as it would be saved).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// What the state file keeps: the name and join service used last, the window's place.
    pub(super) fn remembered(&self) -> config::state::AppState {
        config::state::AppState {
            display_name: self.config.display_name.clone(),
            last_profile: self.config.last_profile.clone(),
            window: self.window_place,
            phone_number: self.remembered_phone.clone(),
        }
    }

    /// The window's size and place as the desktop reports them (not while minimized, full
    /// screen or maximized: then the size to come back to is the one before).
    fn note_window_place(&mut self, ctx: &egui::Context) {
        let place = ctx.input(|i| {
            let v = i.viewport();
            let special = v.minimized == Some(true)
                || v.maximized == Some(true)
                || v.fullscreen == Some(true);
            let inner = v.inner_rect.filter(|_| !special)?;
            Some(config::state::WindowPlace {
                width: inner.width(),
                height: inner.height(),
                x: v.outer_rect.map(|r| r.min.x),
                y: v.outer_rect.map(|r| r.min.y),
            })
        });
        if place.is_some() {
            self.window_place = place;
        }
    }

    fn drain(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        while let Ok(msg) = self.rx.try_recv() {
            match msg {
                BackendMsg::Event { session, event } => match &mut self.session {
                    Some(s) if s.view.id == session => s.view.apply(&event, now),
                    _ if self.cancelled == Some(session) => {
                        if let JoinEvent::Cancelled { cleaned_up } = event {
                            let left = self.form.note == Some(FormNote::Leaving);
                            self.form.note = Some(match (left, cleaned_up) {
                                (true, true) => FormNote::LeftTold,
                                (true, false) => FormNote::LeftNotTold,
                                (false, true) => FormNote::CancelledTold,
                                (false, false) => FormNote::CancelledNotTold,
                            });
                        }
                    }
                    _ => {}
                },
                BackendMsg::Finished { session } => {
                    if let Some(s) = self.session.as_mut().filter(|s| s.view.id == session) {
                        s.view.finished = true;
                    }
                }
                BackendMsg::Saved { result } => self.on_saved(result),
                BackendMsg::ExportPath {
                    session,
                    kind,
                    target,
                } => self.on_export_path(session, kind, target),
                BackendMsg::Exported {
                    session,
                    kind,
                    result,
                } => self.on_exported(session, kind, result),
                BackendMsg::Handover(handover) => self.on_handover(ctx, handover),
            }
        }
    }

    fn content(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        let tr = &self.tr;
        views::banners(ui, tr, &self.banners, actions);
        match self.screen {
            Screen::Form => {
                if self.config.profiles.is_empty() {
                    views::first_run_banner::show(ui, tr, actions);
                }
                views::join_form::show(ui, tr, &mut self.form, &self.config.profiles, actions);
            }
            Screen::Settings => {
                if let Some(draft) = &mut self.settings {
                    views::settings::show(ui, tr, draft, &self.env, &self.effective, actions);
                }
            }
            Screen::Session => match &mut self.session {
                Some(s) if s.view.shows_meeting() => {
                    views::meeting::show(ui, tr, &mut s.view, actions)
                }
                Some(s) => match s.view.phase() {
                    Phase::InLobby => views::lobby::show(ui, tr, &s.view, actions),
                    Phase::Left | Phase::Failed | Phase::Cancelled => {
                        views::ended::show(ui, tr, &s.view, actions)
                    }
                    _ => views::timeline::joining(ui, tr, &s.view, actions),
                },
                None => self.screen = Screen::Form,
            },
        }
    }

    /// Esc cancels a join or closes the settings.
    fn keys(&self, ui: &egui::Ui, actions: &mut Vec<UiAction>) {
        // With the handed-over link's question open, Esc answers it (Stay).
        if self.handover.is_some() || !ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            return;
        }
        match self.screen {
            Screen::Settings => actions.push(UiAction::CloseSettings),
            // Only before the meeting: Esc must not throw a guest out of a meeting.
            Screen::Session
                if matches!(
                    self.phase(),
                    Phase::Idle
                        | Phase::RequestingToken
                        | Phase::Discovering
                        | Phase::CreatingApplication
                        | Phase::Joining
                        | Phase::InLobby
                ) =>
            {
                actions.push(UiAction::Cancel)
            }
            _ => {}
        }
    }
}

impl eframe::App for GuestApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain(ctx);
        // Here rather than in `ui`: only `logic` runs while the window is minimized or hidden.
        self.kiosk_refuse_close(ctx);
        if self.kiosk.is_none() {
            self.note_window_place(ctx);
            let view = self.session.as_ref().map(|s| &s.view);
            self.attention
                .update(ctx, &self.tr, view, self.config.notifications);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.log_first_frame {
            self.log_first_frame = false;
            tracing::info!("first frame");
        }
        if self.kiosk.is_some() {
            self.kiosk_ui(ui);
            return;
        }
        let mut actions = Vec::new();
        let on_form = self.screen == Screen::Form;
        egui::Panel::top("header").show(ui, |ui| {
            views::header(ui, &self.tr, on_form, &mut actions);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let avail = ui.available_rect_before_wrap();
            let width = avail.width().min(CONTENT_WIDTH);
            let rect = egui::Rect::from_min_size(
                egui::pos2(avail.center().x - width / 2.0, avail.top()),
                egui::vec2(width, avail.height()),
            );
            // The meeting fills the window and scrolls its parts on their own (its message
            // field and Leave stay in sight); every other screen scrolls as a whole.
            let in_meeting = self.screen == Screen::Session
                && self
                    .session
                    .as_ref()
                    .is_some_and(|s| s.view.shows_meeting());
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                if in_meeting {
                    self.content(ui, &mut actions);
                } else {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.content(ui, &mut actions));
                }
            });
        });
        let ctx = ui.ctx().clone();
        self.handover_dialog(&ctx, &mut actions);
        self.keys(ui, &mut actions);
        for action in actions {
            self.handle(&ctx, action);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Closing the window mid-join: cancel, so the engine deletes what it created.
        self.session = None;
        // The window's size and place for next time (a small file, written before the
        // runtime stops; never on a kiosk, which has no state path).
        if let Some(path) = &self.state_path
            && let Err(e) = config::state::save_state(&self.remembered(), path)
        {
            tracing::warn!("{}: not written ({e})", path.display());
        }
    }
}
