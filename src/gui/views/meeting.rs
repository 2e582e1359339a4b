//! In the meeting: subject, connection, the live participant list (leaders first, the guest
//! marked "(you)"), the chat pane, Leave. While reconnecting the view stays, with a banner.

use egui::RichText;

use crate::api::wire::Role;
use crate::gui::actions::UiAction;
use crate::gui::state::{Connection, SessionView};
use crate::i18n::Tr;
use crate::join::Phase;
use crate::join::status::Participant;
use crate::t;

use super::{dot, ok_color, warn_color};

/// Narrower than this (in points), the roster and the chat are stacked instead of side by side.
const TWO_COLUMNS_FROM: f32 = 520.0;

fn is_leader(p: &Participant) -> bool {
    p.role
        .as_deref()
        .is_some_and(|r| r.eq_ignore_ascii_case(Role::Leader.as_str()))
}

/// The roster in display order: leaders first, otherwise as the meeting listed them.
pub fn roster_order(roster: &[Participant]) -> Vec<&Participant> {
    let mut list: Vec<&Participant> = roster.iter().collect();
    list.sort_by_key(|p| !is_leader(p));
    list
}

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

/// A role as the guest reads it; a role the app does not know is shown as the server sent it.
pub fn role_text(tr: &Tr, role: &str) -> String {
    if role.eq_ignore_ascii_case(Role::Leader.as_str()) {
        t!(tr, "role-leader")
    } else if role.eq_ignore_ascii_case(Role::Attendee.as_str()) {
        t!(tr, "role-attendee")
    } else {
        role.to_string()
    }
}

pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, actions: &mut Vec<UiAction>) {
    let phase = view.phase();
    let reconnecting = phase == Phase::Reconnecting;
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
    if reconnecting {
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
    ui.add_space(4.0);
    super::dial_in::show(ui, tr, view, actions);
    super::call_me::show(ui, tr, view, actions);
    ui.add_space(8.0);
    let chat_enabled = view.status.chat_available && phase == Phase::InMeeting;
    if ui.available_width() >= TWO_COLUMNS_FROM {
        ui.columns(2, |cols| {
            let [left, right] = cols else {
                return;
            };
            roster(left, tr, view);
            super::chat::show(right, tr, view, chat_enabled, actions);
        });
    } else {
        // A narrow window (or large text): the roster above the chat, each the full width.
        roster(ui, tr, view);
        ui.add_space(8.0);
        super::chat::show(ui, tr, view, chat_enabled, actions);
    }
    ui.add_space(12.0);
    let leaving = view.leave_requested || phase == Phase::Leaving;
    if ui
        .add_enabled(!leaving, egui::Button::new(t!(tr, "meeting-leave")))
        .on_hover_text(t!(tr, "meeting-leave-hint"))
        .clicked()
    {
        actions.push(UiAction::Leave);
    }
}

fn roster(ui: &mut egui::Ui, tr: &Tr, view: &SessionView) {
    let st = &view.status;
    ui.label(RichText::new(t!(tr, "roster-title", count = st.roster.len())).strong());
    ui.separator();
    for p in roster_order(&st.roster) {
        ui.horizontal_wrapped(|ui| {
            let name = if p.me {
                t!(tr, "roster-you", name = p.name.as_str())
            } else {
                p.name.clone()
            };
            if is_leader(p) {
                ui.label(RichText::new(name).strong());
            } else {
                ui.label(name);
            }
            if let Some(role) = &p.role {
                ui.label(RichText::new(role_text(tr, role)).weak().small());
            }
            // The guest's own phone leg, while the meeting's sound is on the phone.
            let on_phone = st
                .phone
                .leg
                .as_ref()
                .is_some_and(|l| l.state == crate::join::phone_leg::PhoneState::Connected);
            if (p.me && on_phone) || (!p.me && p.on_phone) {
                ui.label(
                    RichText::new(t!(tr, "roster-on-phone"))
                        .small()
                        .color(ok_color(ui)),
                );
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, role: Option<&str>, me: bool) -> Participant {
        Participant {
            id: name.into(),
            name: name.into(),
            role: role.map(str::to_string),
            me,
            on_phone: false,
        }
    }

    #[test]
    fn leaders_come_first_in_listed_order() {
        let roster = vec![
            p("Bob", Some("attendee"), false),
            p("Ada", Some("leader"), false),
            p("Gus", None, true),
            p("Cy", Some("Leader"), false),
        ];
        let names: Vec<_> = roster_order(&roster).iter().map(|p| &p.name).collect();
        assert_eq!(names, ["Ada", "Cy", "Bob", "Gus"]);
    }
}
