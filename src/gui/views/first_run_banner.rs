//! Shown on the form while no join service is configured: the built-in demo is in use.

use egui::RichText;

use crate::gui::actions::UiAction;

pub fn show(ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
    let accent = ui.visuals().hyperlink_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, accent))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Built-in demo environment").strong());
            ui.label(
                "No join service is configured, so guest-join uses its built-in demo \
                 environment. It runs only inside this app and starts when you join.",
            );
            ui.horizontal_wrapped(|ui| {
                if ui.button("Try a demo meeting").clicked() {
                    actions.push(UiAction::TryDemo);
                }
                ui.label(RichText::new("Add your organisation's service under Settings.").weak());
            });
        });
    ui.add_space(4.0);
}
