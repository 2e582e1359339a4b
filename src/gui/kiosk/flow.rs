//! The kiosk's frame: input and deadlines first (idle, countdown, endings), then the screen,
//! then what the screen asked for. Time comes from the injectable clock.

use std::time::Duration;

use crate::config::{Config, KioskConfig};
use crate::gui::actions::{UiAction, initial_choice};
use crate::gui::app::GuestApp;
use crate::gui::state::{Field, FormState, ProfileChoice, Screen, SessionView};
use crate::join::Phase;

use super::admin::{AdminPrompt, CHORD};
use super::status::BoothState;
use super::{FAILURES_FOR_NOTICE, KioskAction, KioskState, views};

/// The form a new guest starts from: the preset meeting, no name, the operator's service.
pub(crate) fn kiosk_form(config: &Config, k: &KioskConfig) -> FormState {
    let profile = match &k.profile {
        Some(p) if config.profiles.iter().any(|q| &q.name == p) => ProfileChoice::Named(p.clone()),
        Some(p) => {
            tracing::warn!("kiosk profile {p:?} is not a configured join service");
            initial_choice(config)
        }
        None => initial_choice(config),
    };
    let mut form = FormState::new(k.meeting.clone(), None, profile);
    form.sync_source(&config.profiles);
    form.meeting_touched = false;
    form.focus = Some(if k.meeting.is_some() {
        Field::Name
    } else {
        Field::Meeting
    });
    form
}

/// Any touch, click, key or typing by the guest.
fn guest_input(i: &egui::InputState) -> bool {
    i.events.iter().any(|e| {
        matches!(
            e,
            egui::Event::Key { pressed: true, .. }
                | egui::Event::Text(_)
                | egui::Event::Paste(_)
                | egui::Event::PointerButton { pressed: true, .. }
                | egui::Event::Touch { .. }
                | egui::Event::MouseWheel { .. }
        )
    })
}

impl GuestApp {
    /// The kiosk state (kiosk mode only).
    pub fn kiosk(&self) -> Option<&KioskState> {
        self.kiosk.as_ref()
    }

    /// The name typed in the form.
    pub fn form_name(&self) -> &str {
        &self.form.name
    }

    /// The current session's view (name, chat, roster, timeline), if there is a session.
    pub fn session_view(&self) -> Option<&SessionView> {
        self.session.as_ref().map(|s| &s.view)
    }

    /// A kiosk refuses every request to close the window (the window manager's close, Alt+F4)
    /// but the staff's "Exit the app" behind the PIN and a stop signal from the service manager.
    pub(in crate::gui) fn kiosk_refuse_close(&mut self, ctx: &egui::Context) {
        let Some(k) = &self.kiosk else {
            return;
        };
        if !ctx.input(|i| i.viewport().close_requested())
            || k.exit_requested
            || self.backend.stopping.get().is_some()
        {
            return;
        }
        tracing::info!("kiosk: a request to close the window was refused (staff PIN needed)");
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
    }

    /// One kiosk frame.
    pub(in crate::gui) fn kiosk_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let phase = self.phase();
        let session_id = self.session.as_ref().map(|s| s.view.id);
        let joined = self.session.as_ref().is_some_and(|s| s.view.status.joined);
        let Some(k) = self.kiosk.as_mut() else {
            return;
        };
        super::fill_screen(&ctx, &mut k.fill_tries);
        let now = k.clock.now();
        let countdown = Duration::from_secs(k.cfg.countdown_secs);
        let (input, chord) = ui.input_mut(|i| (guest_input(i), i.consume_key(CHORD.0, CHORD.1)));
        if input || chord {
            k.last_input = now;
            k.countdown = None;
        }
        if chord && k.admin.is_none() {
            k.admin = Some(AdminPrompt {
                focus: true,
                ..AdminPrompt::default()
            });
        }
        if phase.is_terminal() && k.ended_session != session_id {
            k.ended_session = session_id;
            k.countdown = Some(now + countdown);
            // Only calls that never got in count as failures of the service.
            k.failures_in_row = if phase == Phase::Failed && !joined {
                k.failures_in_row + 1
            } else {
                0
            };
        }
        let in_settings = self.settings.is_some();
        let at_start = self.session.is_none() && !k.entry && k.admin.is_none();
        let idle_deadline = k.last_input + Duration::from_secs(k.idle_secs(in_settings));
        if k.countdown.is_none() && !at_start && now >= idle_deadline {
            k.countdown = Some(now + countdown);
        }
        if k.countdown.is_some_and(|d| now >= d) {
            self.kiosk_reset();
        }

        let mut kactions = Vec::new();
        let mut actions = Vec::new();
        egui::CentralPanel::default()
            .show(ui, |ui| self.kiosk_screen(ui, &mut kactions, &mut actions));
        for a in kactions {
            self.kiosk_action(&ctx, a);
        }
        for a in actions {
            match a {
                UiAction::SaveSettings | UiAction::CloseSettings => {
                    self.kiosk_settings_action(&ctx, a)
                }
                UiAction::Leave
                | UiAction::SendChat
                | UiAction::ChatTyping
                | UiAction::CallMe
                | UiAction::HangUp
                | UiAction::ToggleStep(_) => self.handle(&ctx, a),
                UiAction::Cancel => self.kiosk_reset(),
                // Nothing else is offered on a kiosk screen (no settings, exports or banners).
                _ => {}
            }
        }
        self.kiosk_after_frame(&ctx);
    }

    fn kiosk_screen(
        &mut self,
        ui: &mut egui::Ui,
        kactions: &mut Vec<KioskAction>,
        actions: &mut Vec<UiAction>,
    ) {
        let Some(k) = self.kiosk.as_mut() else {
            return;
        };
        let now = k.clock.now();
        // Above every screen, the admin's included: a reset must never come unannounced.
        let tr = &self.tr;
        if let Some(secs) = k.countdown_secs() {
            views::countdown(ui, tr, secs, kactions);
        }
        if k.admin_unlocked() && self.settings.is_some() {
            self.kiosk_settings_ui(ui, actions);
            return;
        }
        if let Some(prompt) = &mut k.admin {
            views::admin(
                ui,
                tr,
                prompt,
                (k.guard.has_pin(), self.session.is_none()),
                k.guard.locked_for(now),
                kactions,
            );
            return;
        }
        match &mut self.session {
            Some(s) => match s.view.phase() {
                Phase::InLobby => crate::gui::views::lobby::show(ui, tr, &s.view, actions),
                Phase::InMeeting | Phase::Leaving => {
                    crate::gui::views::meeting::show(ui, tr, &mut s.view, actions)
                }
                Phase::Reconnecting => views::reconnecting(ui, tr, actions),
                p if p.is_terminal() => views::ending(ui, tr, (p, s.view.status.joined), kactions),
                p => views::joining(ui, tr, p, kactions),
            },
            None if k.entry => views::entry(
                ui,
                tr,
                &mut self.form,
                k.cfg.meeting.is_none(),
                k.cfg.default_name.as_deref(),
                kactions,
            ),
            None => views::attract(ui, tr, (&k.languages, k.unreachable), kactions),
        }
    }

    fn kiosk_action(&mut self, ctx: &egui::Context, action: KioskAction) {
        let Some(k) = self.kiosk.as_mut() else {
            return;
        };
        match action {
            KioskAction::Start => {
                k.unreachable = false;
                match (&k.cfg.meeting, &k.cfg.default_name) {
                    (Some(_), Some(name)) => {
                        self.form.name = name.clone();
                        self.handle(ctx, UiAction::Join);
                    }
                    _ => k.entry = true,
                }
            }
            KioskAction::Join => {
                if self.form.name.trim().is_empty()
                    && let Some(name) = &k.cfg.default_name
                {
                    self.form.name = name.clone();
                }
                self.handle(ctx, UiAction::Join);
            }
            KioskAction::Reset => self.kiosk_reset(),
            KioskAction::Stay => k.countdown = None,
            KioskAction::SubmitPin => {
                let now = k.clock.now();
                if let Some(p) = &mut k.admin {
                    let pin = std::mem::take(&mut p.pin);
                    match k.guard.try_pin(&pin, now) {
                        Ok(()) => {
                            p.unlocked = true;
                            p.message = None;
                        }
                        Err(e) => {
                            p.message = Some(e);
                            p.focus = true;
                        }
                    }
                }
            }
            KioskAction::CloseAdmin => k.admin = None,
            KioskAction::ChooseLanguage(l) => {
                tracing::info!("kiosk: the guest chose {}", l.tag());
                self.set_language(crate::i18n::Tr::for_language(&l));
            }
            KioskAction::OpenSettings => self.kiosk_open_settings(),
            KioskAction::ExitKiosk => {
                if k.admin.as_ref().is_some_and(|a| a.unlocked) {
                    k.exit_requested = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Back to the attract screen, wiping the guest: dropping the session cancels the engine,
    /// which leaves the meeting and deletes the guest's application in the background; the
    /// view (name, chat, roster, timeline) and the recorded traffic go with it.
    pub(in crate::gui) fn kiosk_reset(&mut self) {
        self.session = None;
        self.cancelled = None;
        self.screen = Screen::Form;
        // An unsaved settings draft is dropped; the admin is locked again below.
        self.settings = None;
        self.config.display_name = None;
        let Some(k) = self.kiosk.as_mut() else {
            return;
        };
        k.entry = false;
        k.countdown = None;
        k.ended_session = None;
        k.admin = None;
        k.last_input = k.clock.now();
        k.unreachable = k.failures_in_row >= FAILURES_FOR_NOTICE;
        self.form = kiosk_form(&self.config, &k.cfg);
        // The next guest starts in the booth's language, whatever this one chose.
        let default = k.default_tr.clone();
        self.set_language(default);
    }

    /// The status file, and the next repaint at the nearest deadline (no busy loop).
    fn kiosk_after_frame(&mut self, ctx: &egui::Context) {
        let phase = self.phase();
        let has_session = self.session.is_some();
        let in_settings = self.settings.is_some();
        let Some(k) = self.kiosk.as_mut() else {
            return;
        };
        let state = match phase {
            _ if !has_session && k.entry => BoothState::Entry,
            _ if !has_session => BoothState::Attract,
            Phase::InLobby => BoothState::Lobby,
            Phase::InMeeting | Phase::Leaving => BoothState::InMeeting,
            Phase::Reconnecting => BoothState::Reconnecting,
            p if p.is_terminal() => BoothState::Ending,
            _ => BoothState::Joining,
        };
        k.status.set(state, &self.backend.handle);
        let now = k.clock.now();
        let at_start = !has_session && !k.entry && k.admin.is_none();
        let next = match k.countdown {
            Some(d) => Some(d.saturating_duration_since(now).min(Duration::from_secs(1))),
            None if !at_start => Some(
                (k.last_input + Duration::from_secs(k.idle_secs(in_settings)))
                    .saturating_duration_since(now),
            ),
            None => None,
        };
        if let Some(after) = next {
            ctx.request_repaint_after(after.max(Duration::from_millis(50)));
        }
    }
}
