//! In the meeting: subject, connection, live participant list, Leave. The right column is
//! kept for the chat (a later issue).

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::gui::state::{Connection, SessionView};
use crate::join::Phase;

use super::{dot, ok_color, warn_color};

pub fn show(ui: &mut egui::Ui, view: &SessionView, actions: &mut Vec<UiAction>) {
    let st = &view.status;
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading(
            st.subject
                .clone()
                .unwrap_or_else(|| format!("Meeting on {}", view.meeting_host)),
        );
    });
    if let Some(org) = &st.organizer {
        ui.label(format!("Organizer: {org}"));
    }
    ui.horizontal(|ui| {
        let (text, color) = match (view.phase(), view.connection) {
            (Phase::Leaving, _) => ("Leaving the meeting…", warn_color(ui)),
            (_, Connection::Connected) => ("Connected", ok_color(ui)),
            (_, Connection::Reconnecting) => ("Reconnecting…", warn_color(ui)),
        };
        dot(ui, color);
        ui.label(RichText::new(text).color(color));
        ui.label(RichText::new(format!("You are in the meeting as {}.", view.display_name)).weak());
    });
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.label(RichText::new(format!("Participants ({})", st.roster.len())).strong());
        ui.separator();
        for p in &st.roster {
            ui.horizontal_wrapped(|ui| {
                ui.label(&p.name);
                if let Some(role) = &p.role {
                    ui.label(RichText::new(role).weak().small());
                }
            });
        }
        let ui = &mut cols[1];
        ui.label(RichText::new("Chat").strong());
        ui.separator();
        ui.label(RichText::new("Chat arrives in a later version of guest-join.").weak());
    });
    ui.add_space(12.0);
    let leaving = view.leave_requested || view.phase() == Phase::Leaving;
    if ui
        .add_enabled(!leaving, egui::Button::new("Leave"))
        .on_hover_text("Leave the meeting")
        .clicked()
    {
        actions.push(UiAction::Leave);
    }
}
