//! Shown on the form while no join service is configured: the built-in demo is in use.

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::i18n::Tr;
use crate::t;

pub fn show(ui: &mut egui::Ui, tr: &Tr, actions: &mut Vec<UiAction>) {
    let accent = ui.visuals().hyperlink_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, accent))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(t!(tr, "demo-banner-title")).strong());
            ui.label(t!(tr, "demo-banner-text"));
            ui.horizontal_wrapped(|ui| {
                if ui.button(t!(tr, "demo-banner-try")).clicked() {
                    actions.push(UiAction::TryDemo);
                }
                ui.label(RichText::new(t!(tr, "demo-banner-add-service")).weak());
            });
        });
    ui.add_space(4.0);
}
