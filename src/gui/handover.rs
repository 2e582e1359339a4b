//! A link handed over by a second launch (`guest-join <link>` while this window runs): the
//! window comes forward and the form is filled; during a call it first asks whether to leave
//! it. A kiosk logs and ignores it.

use egui::RichText;

use crate::join::LaunchLink;
use crate::single_instance::Handover;
use crate::t;

use super::actions::{UiAction, form_from_link, initial_form};
use super::app::GuestApp;
use super::state::{Field, FormNote, FormState, Screen};

/// A handed-over link waiting for the guest's answer, because a call is running.
#[derive(Debug)]
pub struct PendingHandover {
    pub form: FormState,
}

impl GuestApp {
    /// Another launch handed `handover` to this window.
    pub(super) fn on_handover(&mut self, ctx: &egui::Context, handover: Handover) {
        if self.kiosk.is_some() {
            tracing::info!("kiosk: a link handed over by another launch is ignored");
            return;
        }
        tracing::info!("another launch handed over to this window");
        ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        // Window managers may refuse to raise a window on request: then it asks for attention.
        ctx.send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(
            egui::UserAttentionType::Informational,
        ));
        let Handover {
            link,
            meeting,
            name,
        } = handover;
        let form = match (link, meeting) {
            (Some(link), _) => form_from_link(&self.config, &LaunchLink::parse(&link), name),
            (None, Some(meeting)) => initial_form(&self.config, Some(meeting), name),
            // Only brought forward.
            (None, None) => return,
        };
        if self.call_running() {
            self.handover = Some(PendingHandover { form });
        } else {
            self.open_form(form);
        }
    }

    /// A join under way, the lobby or the meeting.
    fn call_running(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| !s.view.phase().is_terminal())
    }

    /// Stop whatever runs (its clean-up is reported on the form) and show `form`. Settings, if
    /// open, stay open over it.
    fn open_form(&mut self, mut form: FormState) {
        if let Some(s) = self.session.take()
            && !s.view.phase().is_terminal()
        {
            self.cancelled = Some(s.view.id);
            // The form then says whether the meeting service was told.
            form.note = Some(if s.view.status.joined {
                FormNote::Leaving
            } else {
                FormNote::Cancelled
            });
        }
        form.focus = Some(if form.meeting.is_empty() {
            Field::Meeting
        } else {
            Field::Name
        });
        self.form = form;
        if self.screen != Screen::Settings {
            self.screen = Screen::Form;
        }
    }

    /// The guest chose to leave the call for the handed-over link.
    pub(super) fn open_handed_over(&mut self) {
        if let Some(pending) = self.handover.take() {
            tracing::info!("leaving the call for a handed-over link");
            self.open_form(pending.form);
        }
    }

    /// The question while a handed-over link waits.
    pub(super) fn handover_dialog(&self, ctx: &egui::Context, actions: &mut Vec<UiAction>) {
        let Some(pending) = &self.handover else {
            return;
        };
        let tr = &self.tr;
        let in_meeting = self.session.as_ref().is_some_and(|s| s.view.status.joined);
        let modal = egui::Modal::new(egui::Id::unique("handover")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(t!(tr, "handover-title"));
            ui.add_space(4.0);
            ui.label(if in_meeting {
                t!(tr, "handover-in-meeting")
            } else {
                t!(tr, "handover-joining")
            });
            ui.label(
                RichText::new(t!(
                    tr,
                    "handover-new-link",
                    link = pending.form.meeting.as_str()
                ))
                .weak(),
            );
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button(t!(tr, "handover-open")).clicked() {
                    actions.push(UiAction::OpenHandedOver);
                }
                if ui
                    .button(t!(tr, "handover-stay"))
                    .on_hover_text(t!(tr, "handover-stay-hint"))
                    .clicked()
                {
                    actions.push(UiAction::KeepCall);
                }
            });
        });
        // Esc or a click beside the question keeps the call, like Stay.
        if modal.should_close() {
            actions.push(UiAction::KeepCall);
        }
    }
}
