//! What the views ask for, and the one place that does it: start, cancel and leave sessions,
//! copy diagnostics, and write settings. Runs on the UI thread after the frame's drawing;
//! anything slow (the engine, file writes) goes to the runtime.

use std::sync::Arc;

use crate::config::{self, Config};
use crate::join::Step;

use super::app::{Banner, BannerKind, CurrentSession, GuestApp};
use super::export::{self, ExportKind, ExportTarget};
use super::session::{self, BackendMsg};
use super::state::{Field, FormNote, FormState, ProfileChoice, Screen, SessionView, SettingsDraft};
use crate::i18n::Tr;
use crate::join::LaunchLink;
use crate::launch::{JoinSource, Plan};
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UiAction {
    /// Join with the form's values (Join button or Enter).
    Join,
    /// Stop a join that is under way and go back to the form.
    Cancel,
    /// Leave the meeting.
    Leave,
    /// Send the chat input's text.
    SendChat,
    /// The guest typed in the chat input (the engine throttles the notices).
    ChatTyping,
    /// Join again with the same values after the session ended.
    Rejoin,
    /// From the ended screen back to the form.
    Back,
    CopyDiagnostics,
    /// Ask where to save the session's HAR archive, then write it.
    ExportHar,
    /// Ask where to save the session's diagnostics bundle, then write it.
    SaveDiagnostics,
    /// Fill the form with a demo meeting and the built-in demo service.
    TryDemo,
    /// Show or hide the request/response details of a step.
    ToggleStep(Step),
    OpenSettings,
    CloseSettings,
    SaveSettings,
    DismissBanner(usize),
    /// Copy a dial-in number with its conference ID, ready for a phone.
    CopyDialIn(String),
    /// "Call me" on the typed number (or, on a kiosk, the booth's handset).
    CallMe,
    /// End the phone call.
    HangUp,
    /// Leave the call for the link another launch handed over.
    OpenHandedOver,
    /// Stay in the call; the handed-over link is dropped.
    KeepCall,
}

impl GuestApp {
    /// Apply one action.
    pub fn handle(&mut self, ctx: &egui::Context, action: UiAction) {
        match action {
            UiAction::Join => self.join(),
            UiAction::Cancel => {
                if let Some(s) = self.session.take() {
                    self.cancelled = Some(s.view.id);
                    // Dropping the task cancels the engine, which cleans up in the background.
                    drop(s);
                    self.form.note = Some(FormNote::Cancelled);
                }
                self.screen = Screen::Form;
                self.form.focus = Some(Field::Meeting);
            }
            UiAction::Leave => {
                if let Some(s) = &mut self.session {
                    s.task.control.leave();
                    s.view.leave_requested = true;
                }
            }
            UiAction::SendChat => {
                if let Some(s) = &mut self.session {
                    let text = std::mem::take(&mut s.view.chat_draft);
                    let text = text.trim();
                    if !text.is_empty() {
                        s.task.control.send_chat(text);
                    }
                }
            }
            UiAction::ChatTyping => {
                if let Some(s) = &self.session {
                    s.task.control.typing();
                }
            }
            UiAction::Rejoin => {
                self.session = None;
                self.join();
            }
            UiAction::Back => {
                self.session = None;
                self.screen = Screen::Form;
                self.form.focus = Some(Field::Meeting);
            }
            UiAction::CopyDiagnostics => {
                if let Some(s) = &mut self.session {
                    ctx.copy_text(super::state::diagnostics(&s.view));
                    s.view.copied = true;
                }
            }
            UiAction::CopyDialIn(dial) => {
                ctx.copy_text(dial.clone());
                if let Some(s) = &mut self.session {
                    s.view.dial_in_copied = Some(dial);
                }
            }
            UiAction::CallMe => self.call_me(),
            UiAction::HangUp => {
                if let Some(s) = &self.session {
                    s.task.control.hang_up();
                }
            }
            UiAction::ExportHar => self.ask_export(ExportKind::Har),
            UiAction::SaveDiagnostics => self.ask_export(ExportKind::Diagnostics),
            UiAction::TryDemo => {
                self.form.meeting = crate::demo::LOBBY_MEETING_URL.to_string();
                self.form.meeting_edited();
                self.form.choose(ProfileChoice::Demo, &self.config.profiles);
                self.form.focus = Some(if self.form.display_name().is_ok() {
                    Field::Meeting
                } else {
                    Field::Name
                });
            }
            UiAction::ToggleStep(step) => {
                if let Some(s) = &mut self.session
                    && !s.view.expanded.remove(&step)
                {
                    s.view.expanded.insert(step);
                }
            }
            UiAction::OpenSettings => {
                if self.session.is_none() {
                    self.settings = Some(SettingsDraft::from_config(&self.config));
                    self.screen = Screen::Settings;
                }
            }
            UiAction::CloseSettings => {
                self.settings = None;
                self.screen = Screen::Form;
            }
            UiAction::SaveSettings => self.save_settings(ctx),
            UiAction::DismissBanner(i) => {
                if i < self.banners.len() {
                    self.banners.remove(i);
                }
            }
            UiAction::OpenHandedOver => self.open_handed_over(),
            UiAction::KeepCall => self.handover = None,
        }
    }

    /// Show the save dialog (on the runtime) for an export of the current session.
    fn ask_export(&mut self, kind: ExportKind) {
        if let Some(s) = &mut self.session {
            s.view.export_note = None;
            let asid = s
                .view
                .status
                .application_session_id
                .clone()
                .unwrap_or_default();
            export::ask_path(
                &self.backend,
                &self.tr,
                (s.view.id, kind),
                &asid,
                self.ui_tx.clone(),
            );
        }
    }

    /// The user chose a path: write the file off the UI thread with the status shown now.
    pub(super) fn on_export_path(&mut self, session: u64, kind: ExportKind, target: ExportTarget) {
        if let Some(s) = self.session.as_ref().filter(|s| s.view.id == session) {
            export::write(
                &self.backend,
                session,
                kind,
                Arc::clone(&s.task.record),
                s.view.status.clone(),
                target,
                self.ui_tx.clone(),
            );
        }
    }

    pub(super) fn on_exported(
        &mut self,
        session: u64,
        kind: ExportKind,
        result: Result<ExportTarget, String>,
    ) {
        if let Some(s) = self.session.as_mut().filter(|s| s.view.id == session) {
            let tr = &self.tr;
            s.view.export_note = Some(match result {
                Ok(t) if t.fallback => Ok(t!(
                    tr,
                    "export-saved-no-dialog",
                    path = t.path.display().to_string()
                )),
                Ok(t) => Ok(t!(tr, "export-saved", path = t.path.display().to_string())),
                Err(e) => Err(kind.failed_text(tr, &e)),
            });
        }
    }

    /// Validate the form, remember the name, and start a session.
    fn join(&mut self) {
        let form = &mut self.form;
        form.sync_source(&self.config.profiles);
        let (meeting, name) = match (form.meeting_link(), form.display_name()) {
            (Ok(m), Ok(n)) => (m, n),
            (m, _) => {
                form.meeting_touched = true;
                form.name_touched = true;
                form.focus = Some(if m.is_err() {
                    Field::Meeting
                } else {
                    Field::Name
                });
                self.screen = Screen::Form;
                return;
            }
        };
        let tr = &self.tr;
        let (source, service_label) = match &form.profile {
            ProfileChoice::Demo => (
                JoinSource::Demo { service_key: None },
                t!(tr, "form-service-demo"),
            ),
            ProfileChoice::DemoDirect => {
                (JoinSource::DemoDirect, t!(tr, "form-service-demo-direct"))
            }
            ProfileChoice::Direct => (
                JoinSource::Direct { autodiscover: None },
                t!(tr, "form-service-direct-adhoc"),
            ),
            ProfileChoice::Named(n) => {
                let Some(p) = self.config.profiles.iter().find(|p| &p.name == n) else {
                    form.profile = ProfileChoice::Demo;
                    form.sync_source(&self.config.profiles);
                    return;
                };
                match profile_source(tr, p) {
                    Some(found) => found,
                    None => {
                        form.note = Some(FormNote::BadService(p.name.clone()));
                        return;
                    }
                }
            }
        };
        let plan = Plan {
            meeting,
            name,
            source,
            origin: self.effective.origin.0.clone(),
            culture: self.effective.culture.0.clone(),
            join_deadline: None,
        };
        self.remember(plan.name.as_str().to_string());
        self.next_id += 1;
        let id = self.next_id;
        let view = SessionView::new(
            id,
            plan.meeting.host().to_string(),
            plan.name.as_str().to_string(),
            service_label,
        )
        .for_flow(plan.source.flow())
        .in_booth(self.kiosk.is_some());
        let view = match &self.kiosk {
            Some(k) => SessionView {
                handset: k.cfg.handset().is_some(),
                ..view
            },
            None => SessionView {
                phone_draft: self.remembered_phone.clone().unwrap_or_default(),
                remember_phone: self.remembered_phone.is_some(),
                ..view
            },
        };
        let task = session::start(&self.backend, id, plan, self.ui_tx.clone());
        self.session = Some(CurrentSession { task, view });
        self.form.note = None;
        self.screen = Screen::Session;
    }

    /// "Call me": the booth's handset, or the typed number checked and made E.164 in the
    /// region of the culture; a bad number stays here with its message. A ticked "remember"
    /// keeps the number in the state file (never on a kiosk); unticked forgets it.
    fn call_me(&mut self) {
        let region = crate::join::phone_number::region_of(&self.effective.culture.0);
        let kiosk_handset = self.kiosk.as_ref().map(|k| k.cfg.handset());
        let Some(s) = &mut self.session else {
            return;
        };
        let number = match kiosk_handset {
            Some(Some(handset)) => handset,
            Some(None) => return,
            None => match crate::join::phone_number::PhoneNumber::parse(
                &s.view.phone_draft,
                region.as_deref(),
            ) {
                Ok(n) => n,
                Err(e) => {
                    s.view.phone_error = Some(e);
                    return;
                }
            },
        };
        s.view.phone_error = None;
        s.task.control.call_me(number.clone());
        if self.kiosk.is_none() {
            let remembered = s.view.remember_phone.then(|| number.expose().to_string());
            if remembered != self.remembered_phone {
                self.remembered_phone = remembered;
                self.save_state();
            }
        }
    }

    /// Remember the name and the chosen service in the state file (never in `config.toml`,
    /// which only Settings writes; never on a kiosk).
    fn remember(&mut self, name: String) {
        if self.kiosk.is_some() {
            return;
        }
        let last = Some(self.form.profile.key().to_string());
        if self.config.display_name.as_deref() == Some(name.as_str())
            && self.config.last_profile == last
        {
            return;
        }
        self.config.display_name = Some(name);
        self.config.last_profile = last;
        self.save_state();
    }

    /// Write the state file on the runtime; writes land in the order they were asked for.
    fn save_state(&mut self) {
        let Some(path) = self.state_path.clone() else {
            return;
        };
        let state = self.remembered();
        self.state_writes.spawn(&self.backend.handle, move || {
            if let Err(e) = config::state::save_state(&state, &path) {
                // Only a convenience: the next join tries again.
                tracing::warn!("{}: not written ({e})", path.display());
            }
        });
    }

    fn save_settings(&mut self, ctx: &egui::Context) {
        let Some(draft) = &mut self.settings else {
            return;
        };
        let Some(new) = draft.to_config(&self.config) else {
            draft.needs_fixing = true;
            return;
        };
        if let ProfileChoice::Named(n) = &self.form.profile
            && !new.profiles.iter().any(|p| &p.name == n)
        {
            self.form.profile = first_choice(&new);
        }
        if self.config.profiles.is_empty() && !new.profiles.is_empty() {
            self.form.profile = first_choice(&new);
        }
        self.form.sync_source(&new.profiles);
        let transport_changed = (&new.proxy, &new.no_proxy, &new.ca_file)
            != (
                &self.config.proxy,
                &self.config.no_proxy,
                &self.config.ca_file,
            );
        if new.language != self.config.language {
            // Chosen here: it wins over `--language` from now on.
            self.language_flag = None;
        }
        self.config = new;
        self.apply_look(ctx);
        self.apply_language();
        if transport_changed {
            self.apply_transport();
        }
        let keep_broken = self.config_broken;
        self.config_broken = false;
        self.save_config(keep_broken);
        self.settings = None;
        self.screen = Screen::Form;
    }

    /// Write the config on the runtime; writes land in the order they were asked for.
    fn save_config(&mut self, keep_broken_copy: bool) {
        let Some(path) = self.config_path.clone() else {
            return;
        };
        let config: Config = self.config.clone();
        let ui = self.ui_tx.clone();
        self.config_writes.spawn(&self.backend.handle, move || {
            let mut result = Ok(());
            if keep_broken_copy {
                result = config::keep_broken_copy(&path)
                    .map(|_| ())
                    .map_err(|e| format!("could not keep a copy of {}: {e}", path.display()));
            }
            if result.is_ok() {
                result = config::save(&config, &path, keep_broken_copy)
                    .map_err(|e| format!("{}: {e}", path.display()));
            }
            ui.send(BackendMsg::Saved { result });
        });
    }

    pub(super) fn on_saved(&mut self, result: Result<(), String>) {
        if let Err(e) = result {
            self.banners.push(Banner {
                kind: BannerKind::Error,
                text: t!(self.tr, "banner-settings-not-saved", details = e),
            });
        }
    }

    /// Theme and text size from the config.
    pub(super) fn apply_look(&self, ctx: &egui::Context) {
        if self.kiosk.is_some() {
            super::kiosk::apply_style(ctx, self.config.text_scale, self.config.theme);
            return;
        }
        ctx.set_theme(match self.config.theme {
            config::Theme::System => egui::ThemePreference::System,
            config::Theme::Light => egui::ThemePreference::Light,
            config::Theme::Dark => egui::ThemePreference::Dark,
        });
        let scale = config::check_text_scale(self.config.text_scale).unwrap_or(1.0);
        if (ctx.zoom_factor() - scale).abs() > f32::EPSILON {
            ctx.set_zoom_factor(scale);
        }
    }
}

/// How a configured profile joins, and how the session names it; `Err` says what to fix.
/// The token source of a configured service and how the timeline names it; `None` when its
/// URL is not valid (the file was edited by hand).
fn profile_source(tr: &Tr, p: &config::Profile) -> Option<(JoinSource, String)> {
    let source = JoinSource::from_profile(p).ok()?;
    let label = match &source {
        JoinSource::Service { token_url, .. } => {
            format!("{} ({})", p.name, token_url.host_str().unwrap_or_default())
        }
        _ => t!(tr, "form-service-direct-named", name = p.name.as_str()),
    };
    Some((source, label))
}

/// The service picked by default: the first configured profile, else the demo.
pub fn first_choice(config: &Config) -> ProfileChoice {
    config
        .profiles
        .first()
        .map(|p| ProfileChoice::Named(p.name.clone()))
        .unwrap_or(ProfileChoice::Demo)
}

/// The service picked at start: the last one used if it still exists, else the first.
pub fn initial_choice(config: &Config) -> ProfileChoice {
    match config.last_profile.as_deref() {
        Some(ProfileChoice::DEMO_KEY) => ProfileChoice::Demo,
        Some(ProfileChoice::DEMO_DIRECT_KEY) => ProfileChoice::DemoDirect,
        Some(n) if config.profiles.iter().any(|p| p.name == n) => ProfileChoice::Named(n.into()),
        Some(ProfileChoice::DIRECT_KEY) => ProfileChoice::Direct,
        _ => first_choice(config),
    }
}

/// A form prefilled from flags and the remembered name.
pub fn initial_form(config: &Config, meeting: Option<String>, name: Option<String>) -> FormState {
    let name = name.or_else(|| config.display_name.clone());
    let mut form = FormState::new(meeting, name, initial_choice(config));
    form.sync_source(&config.profiles);
    if !form.meeting.is_empty() {
        form.meeting_edited();
    }
    form
}

/// The form a launch link fills (`guest-join <link>`): its meeting, and from the app's own
/// links the name and the join service; a conference address picks the direct mode (the first
/// configured Skype for Business Server, else the organisation's own). Nothing joins: the guest
/// presses Join.
pub fn form_from_link(config: &Config, link: &LaunchLink, name: Option<String>) -> FormState {
    let name = link.name.clone().or(name);
    let mut form = initial_form(config, Some(link.meeting.clone()), name);
    match &link.profile {
        Some(p) if config.profiles.iter().any(|q| &q.name == p) => {
            form.choose(ProfileChoice::Named(p.clone()), &config.profiles);
        }
        Some(p) => tracing::warn!("the link names the join service {p:?}, which is not configured"),
        None => {}
    }
    if link.direct && !form.direct {
        let choice = config
            .profiles
            .iter()
            .find(|p| p.is_direct())
            .map(|p| ProfileChoice::Named(p.name.clone()))
            .unwrap_or(ProfileChoice::Direct);
        form.choose(choice, &config.profiles);
    }
    // Checked (and its message shown) for the chosen mode, like a pasted link.
    form.meeting_edited();
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Profile;

    #[test]
    fn launch_links_fill_the_form_and_never_join() {
        let config = Config {
            profiles: vec![
                Profile::service("Contoso", "https://join.contoso.com/t", None),
                Profile::direct("Fabrikam", None),
            ],
            ..Config::default()
        };
        let meeting = "https://meet.contoso.com/ada/PSDFOZC4";
        let form = form_from_link(
            &config,
            &LaunchLink::parse(&format!("lync15:confjoin?url={meeting}")),
            None,
        );
        assert_eq!(form.meeting, meeting);
        assert_eq!(form.profile, ProfileChoice::Named("Contoso".into()));
        assert!(form.meeting_link().is_ok() && form.display_name().is_err());
        assert_eq!(form.focus, Some(Field::Name), "the guest types a name next");

        let conf =
            "conf:sip:ada@fabrikam.com;gruu;opaque=app:conf:focus:id:K1%3Frequired-media=audio";
        let form = form_from_link(&config, &LaunchLink::parse(conf), Some("Ada".into()));
        assert_eq!(form.profile, ProfileChoice::Named("Fabrikam".into()));
        assert!(form.direct && form.is_valid());
        // Without a configured server, the organisation's own.
        let form = form_from_link(&Config::default(), &LaunchLink::parse(conf), None);
        assert_eq!(form.profile, ProfileChoice::Direct);
        assert!(form.meeting_link().is_ok());

        let own =
            "guest-join:join?url=https%3A%2F%2Fmeet.contoso.com%2Fada%2FX&name=Gus&profile=Contoso";
        let form = form_from_link(&config, &LaunchLink::parse(own), Some("Other".into()));
        assert_eq!((form.name.as_str(), form.is_valid()), ("Gus", true));
        let unknown = "guest-join:join?url=https%3A%2F%2Fmeet.contoso.com%2Fada%2FX&profile=Nope";
        let form = form_from_link(&config, &LaunchLink::parse(unknown), None);
        assert_eq!(form.profile, ProfileChoice::Named("Contoso".into()));

        // A foreign link: the form's own message, nothing else.
        let form = form_from_link(&config, &LaunchLink::parse("mailto:ada@contoso.com"), None);
        assert!(form.meeting_touched && form.meeting_link().is_err());
    }

    #[test]
    fn the_last_choice_comes_back_with_its_kind() {
        let mut config = Config {
            profiles: vec![
                Profile::service("Contoso", "https://join.contoso.com/t", None),
                Profile::direct("Fabrikam", None),
            ],
            ..Config::default()
        };
        for (last, want, direct) in [
            ("demo", ProfileChoice::Demo, false),
            ("demo-direct", ProfileChoice::DemoDirect, true),
            ("direct", ProfileChoice::Direct, true),
            ("Fabrikam", ProfileChoice::Named("Fabrikam".into()), true),
            ("Contoso", ProfileChoice::Named("Contoso".into()), false),
            ("Gone", ProfileChoice::Named("Contoso".into()), false),
        ] {
            config.last_profile = Some(last.into());
            let form = initial_form(&config, None, None);
            assert_eq!((&form.profile, form.direct), (&want, direct), "{last}");
            assert_eq!(
                want.key(),
                if last == "Gone" { "Contoso" } else { last },
                "stored back as it was read"
            );
        }
    }
}
