//! The kiosk's own screens: large text, large buttons, no settings, no file dialogs.

use egui::{Key, RichText};

use crate::gui::actions::UiAction;
use crate::gui::state::{Field, FormState};
use crate::i18n::{Language, Tr};
use crate::join::Phase;
use crate::t;

use super::KioskAction;
use super::admin::{AdminPrompt, PinRefusal};

const BIG_BUTTON: egui::Vec2 = egui::vec2(220.0, 64.0);

/// The smallest language button, and the size of its text.
const LANGUAGE_BUTTON: egui::Vec2 = egui::vec2(160.0, 56.0);
const LANGUAGE_SIZE: f32 = 22.0;

fn big_button(ui: &mut egui::Ui, text: String) -> bool {
    ui.add(egui::Button::new(RichText::new(text).size(24.0)).min_size(BIG_BUTTON))
        .clicked()
}

fn title(ui: &mut egui::Ui, text: String) {
    ui.add_space(24.0);
    ui.label(RichText::new(text).size(30.0).strong());
    ui.add_space(12.0);
}

/// The attract screen: welcome, Start, the language buttons (each language in its own name,
/// the one shown now marked), and the notice when the service seems down.
pub fn attract(
    ui: &mut egui::Ui,
    tr: &Tr,
    (languages, unreachable): (&[Language], bool),
    actions: &mut Vec<KioskAction>,
) {
    ui.vertical_centered(|ui| {
        title(ui, t!(tr, "kiosk-welcome"));
        ui.label(t!(tr, "kiosk-touch-start"));
        ui.add_space(24.0);
        if big_button(ui, t!(tr, "kiosk-start")) {
            actions.push(KioskAction::Start);
        }
        if languages.len() > 1 {
            ui.add_space(32.0);
            language_buttons(ui, tr, languages, actions);
        }
        if unreachable {
            ui.add_space(24.0);
            ui.label(t!(tr, "kiosk-unreachable"));
        }
    });
}

fn language_buttons(
    ui: &mut egui::Ui,
    tr: &Tr,
    languages: &[Language],
    actions: &mut Vec<KioskAction>,
) {
    let label = ui.label(t!(tr, "kiosk-choose-language"));
    ui.add_space(8.0);
    // Each button as wide as its name needs (at least LANGUAGE_BUTTON), as many to a row as
    // fit, each row centred.
    let font = egui::FontId::proportional(LANGUAGE_SIZE);
    let padding = ui.spacing().button_padding.x;
    let gap = ui.spacing().item_spacing.x;
    let buttons: Vec<(String, f32)> = languages
        .iter()
        .map(|l| {
            let name = l.own_name();
            let text = ui
                .painter()
                .layout_no_wrap(name.clone(), font.clone(), egui::Color32::WHITE)
                .size()
                .x;
            (name, (text + 2.0 * padding).max(LANGUAGE_BUTTON.x))
        })
        .collect();
    let available = ui.available_width();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0.0;
    for (i, (_, w)) in buttons.iter().enumerate() {
        let needed = if used == 0.0 { *w } else { used + gap + w };
        match rows.last_mut() {
            Some(row) if needed <= available || row.is_empty() => {
                row.push(i);
                used = needed;
            }
            _ => {
                rows.push(vec![i]);
                used = *w;
            }
        }
    }
    let group = ui.vertical(|ui| {
        for row in rows {
            let width: f32 =
                row.iter().map(|&i| buttons[i].1).sum::<f32>() + gap * (row.len() as f32 - 1.0);
            ui.horizontal(|ui| {
                ui.add_space(((available - width) / 2.0).max(0.0));
                for i in row {
                    let l = &languages[i];
                    let (name, w) = &buttons[i];
                    let button = egui::Button::new(RichText::new(name).size(LANGUAGE_SIZE))
                        .selected(tr.language() == l)
                        .min_size(egui::vec2(*w, LANGUAGE_BUTTON.y));
                    if ui.add(button).clicked() {
                        actions.push(KioskAction::ChooseLanguage(l.clone()));
                    }
                }
            });
        }
    });
    group.response.labelled_by(label.id);
}

/// The name (and the meeting link when the operator preset none).
pub fn entry(
    ui: &mut egui::Ui,
    tr: &Tr,
    form: &mut FormState,
    ask_meeting: bool,
    default_name: Option<&str>,
    actions: &mut Vec<KioskAction>,
) {
    title(ui, t!(tr, "kiosk-your-name-title"));
    let mut enter = false;
    if ask_meeting {
        let label = ui.label(t!(tr, "form-meeting-link"));
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut form.meeting)
                    .id_salt("kiosk-meeting")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if r.changed() {
            form.meeting_edited();
        }
        if form.focus == Some(Field::Meeting) {
            r.request_focus();
            form.focus = None;
        }
        if form.meeting_touched
            && let Err(e) = form.meeting_link()
        {
            crate::gui::views::field_error(ui, &tr.direct_link_problem(&e));
        }
    }
    let label = ui.label(t!(tr, "form-your-name"));
    let mut name = egui::TextEdit::singleline(&mut form.name)
        .id_salt("kiosk-name")
        .char_limit(1_000)
        .desired_width(f32::INFINITY);
    if let Some(d) = default_name {
        name = name.hint_text(t!(tr, "kiosk-name-default-hint", name = d));
    }
    let r = ui.add(name).labelled_by(label.id);
    if r.changed() {
        form.name_touched = true;
    }
    enter |= r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if form.focus == Some(Field::Name) {
        r.request_focus();
        form.focus = None;
    }
    if form.name_touched
        && default_name.is_none()
        && let Err(e) = form.display_name()
    {
        crate::gui::views::field_error(ui, &tr.name_problem(&e));
    }
    ui.add_space(16.0);
    ui.horizontal_wrapped(|ui| {
        if big_button(ui, t!(tr, "kiosk-join")) || enter {
            actions.push(KioskAction::Join);
        }
        if big_button(ui, t!(tr, "kiosk-back")) {
            actions.push(KioskAction::Reset);
        }
    });
}

pub fn joining(ui: &mut egui::Ui, tr: &Tr, phase: Phase, actions: &mut Vec<KioskAction>) {
    ui.vertical_centered(|ui| {
        title(ui, t!(tr, "kiosk-connecting"));
        ui.label(format!("{}…", tr.phase_label(phase)));
        ui.add_space(24.0);
        if big_button(ui, t!(tr, "kiosk-cancel")) {
            actions.push(KioskAction::Reset);
        }
    });
}

/// The calm screen while the meeting connection is re-established.
pub fn reconnecting(ui: &mut egui::Ui, tr: &Tr, actions: &mut Vec<UiAction>) {
    ui.vertical_centered(|ui| {
        title(ui, t!(tr, "kiosk-reconnecting-title"));
        ui.label(t!(tr, "kiosk-reconnecting"));
        ui.add_space(24.0);
        if big_button(ui, t!(tr, "kiosk-leave")) {
            actions.push(UiAction::Leave);
        }
    });
}

/// `joined`: the guest was in the meeting (then a failure is an ending, not a failed call).
pub fn ending(
    ui: &mut egui::Ui,
    tr: &Tr,
    (phase, joined): (Phase, bool),
    actions: &mut Vec<KioskAction>,
) {
    let (head, line) = match phase {
        Phase::Failed if joined => (t!(tr, "kiosk-call-ended"), t!(tr, "kiosk-thank-you-visit")),
        Phase::Failed => (
            t!(tr, "kiosk-not-connected"),
            t!(tr, "kiosk-try-again-staff"),
        ),
        Phase::Cancelled => (t!(tr, "kiosk-cancelled"), t!(tr, "kiosk-start-again")),
        _ => (t!(tr, "kiosk-thank-you"), t!(tr, "kiosk-call-ended")),
    };
    ui.vertical_centered(|ui| {
        title(ui, head);
        ui.label(line);
        ui.add_space(24.0);
        if big_button(ui, t!(tr, "kiosk-done")) {
            actions.push(KioskAction::Reset);
        }
    });
}

/// Floating at the bottom, so the screen under it does not move: a touch that cancels the
/// countdown still lands on the button it was aimed at.
pub fn countdown(ui: &mut egui::Ui, tr: &Tr, secs: u64, actions: &mut Vec<KioskAction>) {
    egui::Area::new(egui::Id::unique("kiosk-countdown"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -24.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| countdown_body(ui, tr, secs, actions));
}

fn countdown_body(ui: &mut egui::Ui, tr: &Tr, secs: u64, actions: &mut Vec<KioskAction>) {
    egui::Frame::popup(ui.style()).show(ui, |ui| {
        // The text above the button: in a long language it wraps, and stays clear of it.
        ui.set_max_width(ui.ctx().content_rect().width() * 0.8);
        ui.vertical_centered(|ui| {
            ui.label(
                RichText::new(t!(tr, "kiosk-countdown", seconds = secs))
                    .size(22.0)
                    .strong(),
            );
            if ui.button(t!(tr, "kiosk-stay")).clicked() {
                actions.push(KioskAction::Stay);
            }
        });
    });
}

/// Why the PIN was refused, in the window's language.
fn refusal_text(tr: &Tr, r: PinRefusal) -> String {
    match r {
        PinRefusal::Wrong { attempt, attempts } => {
            t!(
                tr,
                "kiosk-pin-wrong",
                attempt = attempt,
                attempts = attempts
            )
        }
        PinRefusal::Locked { secs } => t!(tr, "kiosk-pin-locked", seconds = secs),
        PinRefusal::NoPin => t!(tr, "kiosk-pin-none"),
    }
}

pub fn admin(
    ui: &mut egui::Ui,
    tr: &Tr,
    prompt: &mut AdminPrompt,
    (has_pin, between_guests): (bool, bool),
    locked_for: Option<u64>,
    actions: &mut Vec<KioskAction>,
) {
    title(ui, t!(tr, "kiosk-staff-access"));
    if prompt.unlocked {
        ui.horizontal_wrapped(|ui| {
            let settings = ui.add_enabled(
                between_guests,
                egui::Button::new(RichText::new(t!(tr, "kiosk-staff-settings")).size(24.0))
                    .min_size(BIG_BUTTON),
            );
            if settings.clicked() {
                actions.push(KioskAction::OpenSettings);
            }
            if big_button(ui, t!(tr, "kiosk-exit-app")) {
                actions.push(KioskAction::ExitKiosk);
            }
            if big_button(ui, t!(tr, "kiosk-back")) {
                actions.push(KioskAction::CloseAdmin);
            }
        });
        if !between_guests {
            ui.label(t!(tr, "kiosk-settings-between-calls"));
        }
        return;
    }
    if !has_pin {
        ui.label(t!(tr, "kiosk-no-pin"));
    } else {
        let label = ui.label(t!(tr, "kiosk-pin"));
        let r = ui
            .add_enabled(
                locked_for.is_none(),
                egui::TextEdit::singleline(&mut prompt.pin)
                    .id_salt("kiosk-pin")
                    .password(true)
                    .char_limit(32)
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if prompt.focus {
            r.request_focus();
            prompt.focus = false;
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if let Some(m) = prompt.message {
            crate::gui::views::field_error(ui, &refusal_text(tr, m));
        }
        if let Some(s) = locked_for {
            ui.label(t!(tr, "kiosk-locked-for", seconds = s));
        }
        ui.add_space(12.0);
        let unlock = ui.add_enabled(
            locked_for.is_none(),
            egui::Button::new(RichText::new(t!(tr, "kiosk-unlock")).size(24.0))
                .min_size(BIG_BUTTON),
        );
        if unlock.clicked() || (enter && locked_for.is_none()) {
            actions.push(KioskAction::SubmitPin);
        }
    }
    if big_button(ui, t!(tr, "kiosk-close")) {
        actions.push(KioskAction::CloseAdmin);
    }
}
