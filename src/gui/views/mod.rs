//! Drawing. Views read state, edit only the form's text, and return `UiAction`s.

pub mod call_me;
pub mod chat;
pub mod chat_list;
pub mod dial_in;
pub mod ended;
pub mod first_run_banner;
pub mod join_form;
pub mod lobby;
pub mod meeting;
pub mod roster;
pub mod roster_rows;
pub mod settings;
pub mod timeline;

use egui::{Color32, RichText};

use super::actions::UiAction;
use super::app::{Banner, BannerKind};
use crate::i18n::Tr;
use crate::t;

/// Colour for an error line that reads well in both themes.
pub fn error_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}

pub fn warn_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

pub fn ok_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 210, 130)
    } else {
        Color32::from_rgb(20, 130, 50)
    }
}

/// What a status mark shows (painted: the bundled fonts have no symbol glyphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Pending,
    Waiting,
    Done,
    Failed,
}

/// A small round status mark, painted with shapes.
pub fn mark(ui: &mut egui::Ui, mark: Mark) -> egui::Response {
    let size = ui.spacing().interact_size.y.min(18.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let c = rect.center();
    let r = size * 0.4;
    let p = ui.painter();
    let white = egui::Stroke::new(1.8, Color32::WHITE);
    match mark {
        Mark::Pending => {
            p.circle_stroke(c, r, egui::Stroke::new(1.2, ui.visuals().weak_text_color()));
        }
        Mark::Waiting => {
            let accent = ui.visuals().hyperlink_color;
            p.circle_stroke(c, r, egui::Stroke::new(1.5, accent));
            p.circle_filled(c, r * 0.45, accent);
        }
        Mark::Done => {
            p.circle_filled(c, r, ok_color(ui));
            p.line_segment(
                [
                    c + egui::vec2(-r * 0.5, 0.0),
                    c + egui::vec2(-r * 0.1, r * 0.45),
                ],
                white,
            );
            p.line_segment(
                [
                    c + egui::vec2(-r * 0.1, r * 0.45),
                    c + egui::vec2(r * 0.55, -r * 0.4),
                ],
                white,
            );
        }
        Mark::Failed => {
            p.circle_filled(c, r, error_color(ui));
            let d = r * 0.45;
            p.line_segment([c + egui::vec2(-d, -d), c + egui::vec2(d, d)], white);
            p.line_segment([c + egui::vec2(-d, d), c + egui::vec2(d, -d)], white);
        }
    }
    response
}

/// A filled dot in `color` (connection indicator).
pub fn dot(ui: &mut egui::Ui, color: Color32) {
    let size = 10.0;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), size / 2.0, color);
}

/// An inline message under a field.
pub fn field_error(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).color(error_color(ui)));
}

/// The title bar inside the window.
pub fn header(ui: &mut egui::Ui, tr: &Tr, settings_enabled: bool, actions: &mut Vec<UiAction>) {
    // Settings first, at the right; the title and under it the tagline in what is left of the
    // row (a long tagline wraps there instead of running under the button).
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if ui
            .add_enabled(
                settings_enabled,
                egui::Button::new(t!(tr, "settings-button")),
            )
            .clicked()
        {
            actions.push(UiAction::OpenSettings);
        }
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.heading("guest-join");
            ui.label(RichText::new(t!(tr, "app-tagline")).weak());
        });
    });
}

/// Messages about the configuration and saving, each dismissable.
pub fn banners(ui: &mut egui::Ui, tr: &Tr, banners: &[Banner], actions: &mut Vec<UiAction>) {
    for (i, b) in banners.iter().enumerate() {
        let color = match b.kind {
            BannerKind::Info => ui.visuals().hyperlink_color,
            BannerKind::Warning => warn_color(ui),
            BannerKind::Error => error_color(ui),
        };
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.0, color))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&b.text).color(color));
                    if ui
                        .button(t!(tr, "banner-dismiss"))
                        .on_hover_text(t!(tr, "banner-dismiss-hint"))
                        .clicked()
                    {
                        actions.push(UiAction::DismissBanner(i));
                    }
                });
            });
        ui.add_space(6.0);
    }
}

/// Let screen readers announce the widget or area `id` when it appears or changes, without
/// interrupting (an AccessKit polite live region): being let in, a new chat message.
pub fn announce_politely(ui: &egui::Ui, id: egui::Id) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
}

/// Tell the accessibility tree that `ui` shows only its clip rectangle (a scrolled list, a
/// part of the window with a size of its own): its node gets that rectangle and clips its
/// children, so what is scrolled away or cut off is known to be out of sight.
pub fn clip_for_readers(ui: &egui::Ui) {
    let r = ui.clip_rect();
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: r.min.x.into(),
            y0: r.min.y.into(),
            x1: r.max.x.into(),
            y1: r.max.y.into(),
        });
        node.set_clips_children();
    });
}
