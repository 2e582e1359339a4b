//! In the meeting: the subject, the organizer and the connection at the top; the message field
//! and Leave at the bottom; between them, who the guest is with the phone panels, the
//! participant list and the chat, each scrolling on its own (side by side when the window is
//! wide enough, one above the other when not). While reconnecting the view stays, with a banner.

use egui::{Rect, RichText};

use crate::gui::actions::UiAction;
use crate::gui::state::{Connection, SessionView};
use crate::i18n::Tr;
use crate::join::Phase;
use crate::t;

use super::{dot, ok_color, warn_color};

/// Narrower than this (in points), the roster and the chat are stacked instead of side by side.
const TWO_COLUMNS_FROM: f32 = 520.0;

/// The banner line while rejoining.
pub fn reconnect_text(tr: &Tr, view: &SessionView) -> String {
    match view.status.reconnect_attempt {
        Some((n, m)) => t!(
            tr,
            "meeting-reconnecting-attempt",
            attempt = n,
            attempts = m
        ),
        None => t!(tr, "meeting-reconnecting"),
    }
}

pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, actions: &mut Vec<UiAction>) {
    let phase = view.phase();
    header(ui, tr, view, phase);
    // The message field and Leave stay at the bottom whatever the roster and chat hold.
    let chat_enabled = view.status.chat_available && phase == Phase::InMeeting;
    egui::Panel::bottom("meeting-footer")
        .frame(egui::Frame::NONE)
        .resizable(false)
        .show_separator_line(false)
        .show(ui, |ui| {
            ui.add_space(6.0);
            super::chat::composer(ui, tr, view, chat_enabled, actions);
            ui.add_space(8.0);
            let leaving = view.leave_requested || phase == Phase::Leaving;
            if ui
                .add_enabled(!leaving, egui::Button::new(t!(tr, "meeting-leave")))
                .on_hover_text(t!(tr, "meeting-leave-hint"))
                .clicked()
            {
                actions.push(UiAction::Leave);
            }
            ui.add_space(4.0);
        });
    let rest = ui.available_rect_before_wrap();
    if rest.width() >= TWO_COLUMNS_FROM {
        let gap = ui.spacing().item_spacing.x * 2.0;
        let half = (rest.width() - gap) / 2.0;
        let left = Rect::from_min_size(rest.min, egui::vec2(half, rest.height()));
        let right = Rect::from_min_max(egui::pos2(rest.right() - half, rest.top()), rest.max);
        let info_share = if has_phone_panels(view) { 0.5 } else { 0.25 };
        let (info, roster) = split(left, info_share);
        block(ui, info, |ui| about(ui, tr, view, actions));
        block(ui, roster, |ui| {
            super::roster::show(ui, tr, view, roster.height())
        });
        block(ui, right, |ui| chat(ui, tr, view, right.height()));
    } else {
        // A narrow window (or large text): the three parts one above the other.
        let info_share = if has_phone_panels(view) { 0.3 } else { 0.2 };
        let (info, below) = split(rest, info_share);
        let (roster, chat_rect) = split(below, 0.45);
        block(ui, info, |ui| about(ui, tr, view, actions));
        block(ui, roster, |ui| {
            super::roster::show(ui, tr, view, roster.height())
        });
        block(ui, chat_rect, |ui| chat(ui, tr, view, chat_rect.height()));
    }
    ui.allocate_rect(rest, egui::Sense::hover());
}

/// `rect` cut in two across, the top `share` of its height above.
fn split(rect: Rect, share: f32) -> (Rect, Rect) {
    let y = (rect.top() + rect.height() * share).round();
    (
        Rect::from_min_max(rect.min, egui::pos2(rect.right(), y - 4.0)),
        Rect::from_min_max(egui::pos2(rect.left(), y + 4.0), rect.max),
    )
}

/// Draw `add` in `rect`, clipped to it.
fn block(ui: &mut egui::Ui, rect: Rect, add: impl FnOnce(&mut egui::Ui)) {
    if rect.height() <= 0.0 {
        return;
    }
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.shrink_clip_rect(rect);
        super::clip_for_readers(ui);
        add(ui);
    });
}

fn has_phone_panels(view: &SessionView) -> bool {
    view.status.dial_in.is_some() || view.status.phone.offered || view.status.phone.leg.is_some()
}

/// Subject, organizer, the connection and, while rejoining, the banner.
fn header(ui: &mut egui::Ui, tr: &Tr, view: &SessionView, phase: Phase) {
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading(
            view.status
                .subject
                .clone()
                .unwrap_or_else(|| t!(tr, "meeting-on", host = view.meeting_host.as_str())),
        );
    });
    if let Some(org) = &view.status.organizer {
        ui.label(t!(tr, "meeting-organizer", name = org.as_str()));
    }
    ui.horizontal(|ui| {
        let (text, color) = match (phase, view.connection) {
            (Phase::Leaving, _) => (t!(tr, "meeting-leaving"), warn_color(ui)),
            (Phase::Reconnecting, _) | (_, Connection::Reconnecting) => {
                (t!(tr, "meeting-reconnecting"), warn_color(ui))
            }
            (_, Connection::Connected) => (t!(tr, "meeting-connection-good"), ok_color(ui)),
        };
        dot(ui, color);
        ui.label(RichText::new(text).color(color));
    });
    if phase == Phase::Reconnecting {
        ui.add_space(6.0);
        let color = warn_color(ui);
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.0, color))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(
                        RichText::new(reconnect_text(tr, view))
                            .strong()
                            .color(color),
                    );
                });
                if let Some(r) = view.reconnect_reason.as_deref().filter(|r| !r.is_empty()) {
                    ui.label(
                        RichText::new(t!(tr, "meeting-connection-lost-because", reason = r))
                            .small()
                            .weak(),
                    );
                }
            });
    }
    ui.add_space(6.0);
}

/// Who the guest is here, what the app carries, and the phone panels ("call me" first: it is
/// one step); scrolls on its own.
fn about(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, actions: &mut Vec<UiAction>) {
    egui::ScrollArea::vertical()
        .id_salt("meeting-about")
        .auto_shrink([false, true])
        .max_height(ui.available_height())
        .show(ui, |ui| {
            super::clip_for_readers(ui);
            let in_meeting = ui.label(
                RichText::new(t!(
                    tr,
                    "meeting-you-are-in",
                    name = view.display_name.as_str()
                ))
                .weak(),
            );
            // Heard once the guest is let in.
            super::announce_politely(ui, in_meeting.id);
            ui.label(RichText::new(t!(tr, "app-chat-only")).weak());
            ui.add_space(4.0);
            // Being called is the one step to hear the meeting; the numbers to dial are long.
            super::call_me::show(ui, tr, view, actions);
            super::dial_in::show(ui, tr, view, actions);
        });
}

fn chat(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, height: f32) {
    let top = ui.cursor().top();
    ui.label(RichText::new(t!(tr, "chat-title")).strong());
    ui.separator();
    let used = ui.cursor().top() - top;
    super::chat_list::show(ui, tr, view, (height - used).max(0.0));
}
