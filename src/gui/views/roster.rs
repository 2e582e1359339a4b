//! The participant list of the meeting view: the title with the counts by role, a find field,
//! the guest's own entry pinned, then the other participants in a list of its own that scrolls
//! and lays out only the rows on screen (a meeting may hold hundreds of people).

use egui::{Align, Layout, RichText};

use crate::api::wire::Role;
use crate::gui::state::SessionView;
use crate::i18n::Tr;
use crate::join::phone_leg::PhoneState;
use crate::join::status::Participant;
use crate::t;

use super::ok_color;
use super::roster_rows::{Row, Section, roster_rows};

/// Longest text the find field takes.
const MAX_FIND_CHARS: usize = 100;

/// The list's height is `height` at most (what is left of it after the title, counts, find
/// field and own entry; at least a few rows).
pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, height: f32) {
    let top = ui.cursor().top();
    let st = &view.status;
    let rows = roster_rows(&st.roster, &view.roster_filter);
    ui.label(RichText::new(t!(tr, "roster-title", count = st.roster.len())).strong());
    ui.horizontal_wrapped(|ui| {
        let c = rows.counts;
        let counts = [
            (c.leaders, t!(tr, "roster-count-leaders", count = c.leaders)),
            (
                c.attendees,
                t!(tr, "roster-count-attendees", count = c.attendees),
            ),
            (c.lobby, t!(tr, "roster-count-lobby", count = c.lobby)),
        ];
        for (_, text) in counts.into_iter().filter(|(n, _)| *n > 0) {
            ui.label(RichText::new(text).weak());
        }
    });
    find_field(ui, tr, &mut view.roster_filter);
    let st = &view.status;
    let own_on_phone = st
        .phone
        .leg
        .as_ref()
        .is_some_and(|l| l.state == PhoneState::Connected);
    let row_height = row_height(ui);
    if let Some(me) = rows.me {
        person_row(ui, tr, me, own_on_phone, row_height);
    }
    ui.separator();
    if rows.rows.is_empty() && !view.roster_filter.trim().is_empty() {
        ui.label(
            RichText::new(t!(tr, "roster-find-none", text = view.roster_filter.trim())).weak(),
        );
        return;
    }
    let used = ui.cursor().top() - top;
    let list_height = (height - used).max(row_height * 3.0);
    egui::ScrollArea::vertical()
        .id_salt("roster-rows")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, rows.rows.len(), |ui, range| {
            super::clip_for_readers(ui);
            for row in &rows.rows[range] {
                match row {
                    Row::Heading(section, count) => heading_row(ui, tr, *section, *count),
                    Row::Person(p) => person_row(ui, tr, p, false, row_height),
                }
            }
        });
}

/// One line of body text, or a button's height when larger.
pub fn row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body)
        .max(ui.spacing().interact_size.y)
}

fn find_field(ui: &mut egui::Ui, tr: &Tr, filter: &mut String) {
    let label_text = t!(tr, "roster-find");
    let font = egui::TextStyle::Body.resolve(ui.style());
    let label_width = ui
        .painter()
        .layout_no_wrap(label_text.clone(), font, egui::Color32::WHITE)
        .size()
        .x;
    let min_field = 120.0;
    let side_by_side =
        label_width + ui.spacing().item_spacing.x + min_field <= ui.available_width();
    let mut field = |ui: &mut egui::Ui, label: egui::Response| {
        ui.add(
            egui::TextEdit::singleline(filter)
                .id_salt("roster-find")
                .hint_text(t!(tr, "roster-find-hint"))
                .char_limit(MAX_FIND_CHARS)
                .desired_width(ui.available_width()),
        )
        .labelled_by(label.id);
    };
    if side_by_side {
        ui.horizontal(|ui| {
            let label = ui.label(label_text);
            field(ui, label);
        });
    } else {
        let label = ui.label(label_text);
        field(ui, label);
    }
}

fn section_text(tr: &Tr, section: Section, count: usize) -> String {
    match section {
        Section::Leaders => t!(tr, "roster-section-leaders", count = count),
        Section::Attendees => t!(tr, "roster-section-attendees", count = count),
        Section::Lobby => t!(tr, "roster-section-lobby", count = count),
    }
}

fn heading_row(ui: &mut egui::Ui, tr: &Tr, section: Section, count: usize) {
    let text = RichText::new(section_text(tr, section, count))
        .small()
        .strong()
        .color(ui.visuals().weak_text_color());
    ui.add(egui::Label::new(text).truncate());
}

fn is_known_role(role: &str) -> bool {
    [Role::Leader, Role::Attendee]
        .iter()
        .any(|r| role.eq_ignore_ascii_case(r.as_str()))
}

/// One participant on one line: the name (cut with "…" when too long, in full on hover), then
/// "on the phone" and a role the sections do not name.
fn person_row(ui: &mut egui::Ui, tr: &Tr, p: &Participant, own_on_phone: bool, height: f32) {
    let width = ui.available_width() - super::chat_list::scroll_bar_room(ui);
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        Layout::right_to_left(Align::Center),
        |ui| {
            let on_phone = if p.me { own_on_phone } else { p.on_phone };
            if on_phone {
                ui.label(
                    RichText::new(t!(tr, "roster-on-phone"))
                        .small()
                        .color(ok_color(ui)),
                );
            }
            // The sections say organizer and attendee; another role is shown in its own word.
            if let Some(role) = p.role.as_deref().filter(|r| !is_known_role(r)) {
                ui.label(RichText::new(role).weak().small());
            }
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                let name = if p.me {
                    t!(tr, "roster-you", name = p.name.as_str())
                } else {
                    p.name.clone()
                };
                let text = if Section::of(p) == Section::Leaders {
                    RichText::new(name).strong()
                } else {
                    RichText::new(name)
                };
                ui.add(egui::Label::new(text).truncate());
            });
        },
    );
}
