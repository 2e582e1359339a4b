//! Waiting in the lobby: honest text, elapsed time (repainted once a second, nothing faster),
//! Cancel. The timeline stays available, folded.

use std::time::Duration;

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;
use crate::i18n::{Tr, duration_text};
use crate::t;

pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &SessionView, actions: &mut Vec<UiAction>) {
    ui.add_space(8.0);
    let title = ui.heading(t!(tr, "lobby-title"));
    super::announce_politely(ui, title.id);
    ui.add_space(4.0);
    let meeting = view
        .status
        .subject
        .clone()
        .unwrap_or_else(|| t!(tr, "lobby-meeting-on", host = view.meeting_host.as_str()));
    ui.label(t!(
        tr,
        "lobby-where",
        meeting = meeting,
        name = view.display_name.as_str()
    ));
    let secs = view.lobby_since.map(|t| t.elapsed().as_secs()).unwrap_or(0);
    let waited = duration_text(tr, secs);
    ui.label(RichText::new(t!(tr, "lobby-waited", duration = waited)).strong());
    ui.ctx().request_repaint_after(Duration::from_secs(1));
    ui.label(t!(tr, "lobby-explain"));
    ui.label(RichText::new(t!(tr, "app-chat-only")).weak());
    ui.add_space(8.0);
    super::dial_in::show(ui, tr, view, actions);
    ui.add_space(12.0);
    if ui
        .button(t!(tr, "joining-cancel"))
        .on_hover_text(t!(tr, "lobby-cancel-hint"))
        .clicked()
    {
        actions.push(UiAction::Cancel);
    }
    ui.add_space(12.0);
    egui::CollapsingHeader::new(t!(tr, "join-steps"))
        .id_salt(("lobby-steps", view.id))
        .show(ui, |ui| {
            super::timeline::steps(ui, tr, view, false, actions)
        });
}
