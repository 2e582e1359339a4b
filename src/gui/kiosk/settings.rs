//! The app's Settings inside the kiosk, after the right staff PIN: the same settings view, with
//! the kiosk's large text, for this run only. A kiosk has no config path, so nothing is ever
//! written; closing Settings (saved or not) relocks the admin and returns to the attract screen.

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::gui::app::GuestApp;
use crate::gui::state::SettingsDraft;
use crate::t;

use super::{KioskState, MIN_TEXT_SCALE, SETTINGS_IDLE_SECS};

impl KioskState {
    /// Idle seconds before the countdown on the current screen.
    pub(super) fn idle_secs(&self, in_settings: bool) -> u64 {
        if in_settings {
            self.cfg.idle_secs.max(SETTINGS_IDLE_SECS)
        } else {
            self.cfg.idle_secs
        }
    }
}

impl GuestApp {
    /// The admin is in the kiosk's Settings.
    pub fn kiosk_in_settings(&self) -> bool {
        self.kiosk.as_ref().is_some_and(KioskState::admin_unlocked) && self.settings.is_some()
    }

    /// Open Settings: only unlocked, and only between guests (a call's service and network
    /// must not change under it).
    pub(super) fn kiosk_open_settings(&mut self) {
        let unlocked = self.kiosk.as_ref().is_some_and(KioskState::admin_unlocked);
        if unlocked && self.session.is_none() {
            self.settings = Some(SettingsDraft::from_config(&self.config));
        }
    }

    /// The settings screen; its actions go to `actions`.
    pub(super) fn kiosk_settings_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        let Some(draft) = &mut self.settings else {
            return;
        };
        let tr = &self.tr;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(8.0);
                ui.label(RichText::new(t!(tr, "settings-kiosk-session-only")).strong());
                ui.label(
                    RichText::new(t!(
                        tr,
                        "kiosk-text-min",
                        scale = format!("{MIN_TEXT_SCALE:.1}")
                    ))
                    .weak(),
                );
                crate::gui::views::settings::show(
                    ui,
                    tr,
                    draft,
                    &self.env,
                    &self.effective,
                    actions,
                );
            });
    }

    /// Save (applied to this run; the kiosk has no file to write) or close without saving.
    /// Either way, once Settings is closed the admin is locked again and the booth is back at
    /// the attract screen. Invalid fields keep Settings open with its message.
    pub(super) fn kiosk_settings_action(&mut self, ctx: &egui::Context, action: UiAction) {
        // Set when the app started in kiosk mode; again here, so Save has nowhere to write.
        self.config_path = None;
        match action {
            UiAction::SaveSettings => self.handle(ctx, UiAction::SaveSettings),
            UiAction::CloseSettings => self.settings = None,
            _ => return,
        }
        if self.settings.is_none() {
            // A language saved here is the booth's for this run, unless `[kiosk] language`
            // sets one.
            let tr = self.tr.clone();
            if let Some(k) = self.kiosk.as_mut().filter(|k| k.cfg.language.is_none()) {
                k.default_tr = tr;
            }
            self.kiosk_reset();
        }
    }
}
