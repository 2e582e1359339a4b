//! "Have the meeting call your phone": in the meeting, where the meeting offers it, a number
//! field (checked and made E.164 when Call me is pressed; a bad number gets a message under the
//! field and never leaves the app), "Remember this number" (never on a kiosk), Call me, the
//! call's state with a plain reason when it fails, and Hang up. A kiosk with a handset has one
//! button that calls the booth's phone.

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;
use crate::i18n::Tr;
use crate::join::phone_leg::{PhoneFailure, PhoneFailureKind, PhoneState};
use crate::join::phone_number::PhoneNumberError;
use crate::t;

use super::{error_color, ok_color, warn_color};

/// The panel, when the meeting offers a call or a call was made.
pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, actions: &mut Vec<UiAction>) {
    let phone = &view.status.phone;
    if !phone.offered && phone.leg.is_none() {
        return;
    }
    if view.booth && !view.handset {
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t!(tr, "call-me-title")).strong());
        let busy = view.status.phone.busy();
        if !busy {
            if view.booth {
                if ui.button(t!(tr, "call-me-booth-button")).clicked() {
                    actions.push(UiAction::CallMe);
                }
            } else {
                number_form(ui, tr, view, actions);
            }
        }
        leg_state(ui, tr, view, actions);
    });
}

fn number_form(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, actions: &mut Vec<UiAction>) {
    ui.label(t!(tr, "call-me-explain"));
    let offered = view.status.phone.offered;
    let label = ui.label(t!(tr, "call-me-number"));
    let mut submit = false;
    ui.horizontal(|ui| {
        let field = ui
            .add_enabled(
                offered,
                egui::TextEdit::singleline(&mut view.phone_draft)
                    .hint_text(t!(tr, "call-me-number-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if field.changed() {
            view.phone_error = None;
        }
        submit = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .add_enabled(offered, egui::Button::new(t!(tr, "call-me-button")))
            .clicked()
        {
            submit = true;
        }
    });
    if submit && offered {
        actions.push(UiAction::CallMe);
    }
    if let Some(e) = view.phone_error {
        ui.label(RichText::new(number_error(tr, e)).color(error_color(ui)));
    }
    ui.checkbox(&mut view.remember_phone, t!(tr, "call-me-remember"));
}

fn number_error(tr: &Tr, e: PhoneNumberError) -> String {
    match e {
        PhoneNumberError::Empty => t!(tr, "call-me-error-empty"),
        PhoneNumberError::NotANumber => t!(tr, "call-me-error-not-a-number"),
        PhoneNumberError::NeedsCountry => t!(tr, "call-me-error-needs-country"),
        PhoneNumberError::Invalid => t!(tr, "call-me-error-invalid"),
    }
}

fn leg_state(ui: &mut egui::Ui, tr: &Tr, view: &SessionView, actions: &mut Vec<UiAction>) {
    let Some(leg) = &view.status.phone.leg else {
        return;
    };
    let number = leg.number.as_str();
    let (text, color) = match leg.state {
        PhoneState::Ringing => (t!(tr, "call-me-ringing", number = number), warn_color(ui)),
        PhoneState::Connected => (t!(tr, "call-me-connected"), ok_color(ui)),
        PhoneState::Ended => (t!(tr, "call-me-ended"), ui.visuals().text_color()),
        PhoneState::Failed => (failure_text(tr, leg.failure.as_ref()), error_color(ui)),
    };
    ui.horizontal_wrapped(|ui| {
        if leg.state == PhoneState::Ringing {
            ui.spinner();
        }
        ui.label(RichText::new(text).color(color));
    });
    if let Some(details) = leg.failure.as_ref().and_then(failure_details) {
        ui.label(
            RichText::new(t!(tr, "call-me-codes", details = details))
                .small()
                .weak(),
        );
    }
    if matches!(leg.state, PhoneState::Ringing | PhoneState::Connected)
        && ui
            .button(t!(tr, "call-me-hang-up"))
            .on_hover_text(t!(tr, "call-me-hang-up-hint"))
            .clicked()
    {
        actions.push(UiAction::HangUp);
    }
}

/// The plain reason of a failed call.
pub fn failure_text(tr: &Tr, failure: Option<&PhoneFailure>) -> String {
    match failure.map(|f| f.kind) {
        Some(PhoneFailureKind::NotAllowed) => t!(tr, "call-me-failed-not-allowed"),
        Some(PhoneFailureKind::Busy) => t!(tr, "call-me-failed-busy"),
        Some(PhoneFailureKind::NoAnswer) => t!(tr, "call-me-failed-no-answer"),
        Some(PhoneFailureKind::Declined) => t!(tr, "call-me-failed-declined"),
        Some(PhoneFailureKind::BadNumber) => t!(tr, "call-me-failed-bad-number"),
        Some(PhoneFailureKind::Unavailable) => t!(tr, "call-me-failed-unavailable"),
        Some(PhoneFailureKind::ConnectionLost) => t!(tr, "call-me-failed-connection-lost"),
        Some(PhoneFailureKind::Failed) | None => t!(tr, "call-me-failed-other"),
    }
}

/// `HTTP 403, Forbidden/DialoutNotAllowed` for the curious and for support.
fn failure_details(f: &PhoneFailure) -> Option<String> {
    let codes = [f.code.as_deref(), f.subcode.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("/");
    let parts: Vec<String> = f
        .http_status
        .map(|h| format!("HTTP {h}"))
        .into_iter()
        .chain((!codes.is_empty()).then_some(codes))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
