//! Waiting in the lobby: honest text, elapsed time (repainted once a second, nothing faster),
//! Cancel. The timeline stays available, folded.

use std::time::Duration;

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;

pub fn show(ui: &mut egui::Ui, view: &SessionView, actions: &mut Vec<UiAction>) {
    ui.add_space(8.0);
    ui.heading("Waiting for the organizer to let you in");
    ui.add_space(4.0);
    let meeting = view
        .status
        .subject
        .clone()
        .unwrap_or_else(|| format!("the meeting on {}", view.meeting_host));
    ui.label(format!(
        "You are in the lobby of {meeting} as {}.",
        view.display_name
    ));
    let secs = view.lobby_since.map(|t| t.elapsed().as_secs()).unwrap_or(0);
    ui.label(RichText::new(format!("Waiting for {}:{:02}", secs / 60, secs % 60)).strong());
    ui.ctx().request_repaint_after(Duration::from_secs(1));
    ui.label(
        "Someone in the meeting has to admit you. Guests who are not let in are removed from \
         the lobby after a while; you can then try again.",
    );
    ui.add_space(12.0);
    if ui
        .button("Cancel")
        .on_hover_text("Stop waiting (Esc)")
        .clicked()
    {
        actions.push(UiAction::Cancel);
    }
    ui.add_space(12.0);
    egui::CollapsingHeader::new("Join steps")
        .id_salt(("lobby-steps", view.id))
        .show(ui, |ui| super::timeline::steps(ui, view, false, actions));
}
