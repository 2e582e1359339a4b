//! The kiosk's own screens: large text, large buttons, no settings, no file dialogs.

use egui::{Key, RichText};

use crate::gui::actions::UiAction;
use crate::gui::state::{Field, FormState};
use crate::join::Phase;

use super::KioskAction;
use super::admin::AdminPrompt;

const BIG_BUTTON: egui::Vec2 = egui::vec2(220.0, 64.0);

fn big_button(ui: &mut egui::Ui, text: &str) -> bool {
    ui.add(egui::Button::new(RichText::new(text).size(24.0)).min_size(BIG_BUTTON))
        .clicked()
}

fn title(ui: &mut egui::Ui, text: &str) {
    ui.add_space(24.0);
    ui.label(RichText::new(text).size(30.0).strong());
    ui.add_space(12.0);
}

pub fn attract(ui: &mut egui::Ui, notice: Option<&str>, actions: &mut Vec<KioskAction>) {
    ui.vertical_centered(|ui| {
        title(ui, "Welcome");
        ui.label("Touch Start to talk to an advisor.");
        ui.add_space(24.0);
        if big_button(ui, "Start") {
            actions.push(KioskAction::Start);
        }
        if let Some(n) = notice {
            ui.add_space(24.0);
            ui.label(n);
        }
    });
}

/// The name (and the meeting link when the operator preset none).
pub fn entry(
    ui: &mut egui::Ui,
    form: &mut FormState,
    ask_meeting: bool,
    default_name: Option<&str>,
    actions: &mut Vec<KioskAction>,
) {
    title(ui, "What is your name?");
    let mut enter = false;
    if ask_meeting {
        let label = ui.label("Meeting link");
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
            crate::gui::views::field_error(ui, &e);
        }
    }
    let label = ui.label("Your name");
    let mut name = egui::TextEdit::singleline(&mut form.name)
        .id_salt("kiosk-name")
        .char_limit(1_000)
        .desired_width(f32::INFINITY);
    if let Some(d) = default_name {
        name = name.hint_text(format!("Leave empty to join as {d}"));
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
        crate::gui::views::field_error(ui, &e);
    }
    ui.add_space(16.0);
    ui.horizontal(|ui| {
        if big_button(ui, "Join") || enter {
            actions.push(KioskAction::Join);
        }
        if big_button(ui, "Back") {
            actions.push(KioskAction::Reset);
        }
    });
}

pub fn joining(ui: &mut egui::Ui, phase: Phase, actions: &mut Vec<KioskAction>) {
    ui.vertical_centered(|ui| {
        title(ui, "Connecting you…");
        ui.label(format!("{}…", phase.label()));
        ui.add_space(24.0);
        if big_button(ui, "Cancel") {
            actions.push(KioskAction::Reset);
        }
    });
}

/// The calm screen while the meeting connection is re-established.
pub fn reconnecting(ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
    ui.vertical_centered(|ui| {
        title(ui, "Reconnecting");
        ui.label("The connection dropped for a moment. Getting you back into the meeting…");
        ui.add_space(24.0);
        if big_button(ui, "Leave") {
            actions.push(UiAction::Leave);
        }
    });
}

/// `joined`: the guest was in the meeting (then a failure is an ending, not a failed call).
pub fn ending(ui: &mut egui::Ui, phase: Phase, joined: bool, actions: &mut Vec<KioskAction>) {
    let (head, line) = match phase {
        Phase::Failed if joined => ("The call has ended", "Thank you for your visit."),
        Phase::Failed => (
            "Sorry, the call could not be connected",
            "Please try again, or ask a member of staff.",
        ),
        Phase::Cancelled => ("The call was cancelled", "You can start again at any time."),
        _ => ("Thank you", "The call has ended."),
    };
    ui.vertical_centered(|ui| {
        title(ui, head);
        ui.label(line);
        ui.add_space(24.0);
        if big_button(ui, "Done") {
            actions.push(KioskAction::Reset);
        }
    });
}

/// Floating at the bottom, so the screen under it does not move: a touch that cancels the
/// countdown still lands on the button it was aimed at.
pub fn countdown(ui: &mut egui::Ui, secs: u64, actions: &mut Vec<KioskAction>) {
    egui::Area::new(egui::Id::unique("kiosk-countdown"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -24.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| countdown_body(ui, secs, actions));
}

fn countdown_body(ui: &mut egui::Ui, secs: u64, actions: &mut Vec<KioskAction>) {
    egui::Frame::popup(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("Returning to start in {secs} s — touch to stay"))
                    .size(22.0)
                    .strong(),
            );
            if ui.button("Stay").clicked() {
                actions.push(KioskAction::Stay);
            }
        });
    });
}

/// `(has_pin, between_guests)`: a PIN is configured; no call is running (Settings only then).
pub fn admin(
    ui: &mut egui::Ui,
    prompt: &mut AdminPrompt,
    (has_pin, between_guests): (bool, bool),
    locked_for: Option<u64>,
    actions: &mut Vec<KioskAction>,
) {
    title(ui, "Staff access");
    if prompt.unlocked {
        ui.horizontal_wrapped(|ui| {
            let settings = ui.add_enabled(
                between_guests,
                egui::Button::new(RichText::new("Settings").size(24.0)).min_size(BIG_BUTTON),
            );
            if settings.clicked() {
                actions.push(KioskAction::OpenSettings);
            }
            if big_button(ui, "Exit the app") {
                actions.push(KioskAction::ExitKiosk);
            }
            if big_button(ui, "Back") {
                actions.push(KioskAction::CloseAdmin);
            }
        });
        if !between_guests {
            ui.label("Settings open when no call is running.");
        }
        return;
    }
    if !has_pin {
        ui.label("No staff PIN is set in the configuration, so the booth cannot be unlocked here.");
    } else {
        let label = ui.label("PIN");
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
        if let Some(m) = &prompt.message {
            crate::gui::views::field_error(ui, m);
        }
        if let Some(s) = locked_for {
            ui.label(format!("Locked. Try again in {s} s."));
        }
        ui.add_space(12.0);
        let unlock = ui.add_enabled(
            locked_for.is_none(),
            egui::Button::new(RichText::new("Unlock").size(24.0)).min_size(BIG_BUTTON),
        );
        if unlock.clicked() || (enter && locked_for.is_none()) {
            actions.push(KioskAction::SubmitPin);
        }
    }
    if big_button(ui, "Close") {
        actions.push(KioskAction::CloseAdmin);
    }
}
