//! The join form: meeting link, name, join service, Join. Validation is inline and local;
//! nothing touches the network until Join.

use egui::{Key, RichText};

use crate::config::Profile;
use crate::gui::actions::UiAction;
use crate::gui::state::{Field, FormNote, FormState, ProfileChoice};
use crate::i18n::Tr;
use crate::join::meeting_link::MAX_INPUT_CHARS;
use crate::t;

use super::{field_error, ok_color};

/// The notice under the link offering the direct mode, with its button.
fn direct_offer(
    ui: &mut egui::Ui,
    tr: &Tr,
    form: &mut FormState,
    choice: ProfileChoice,
    profiles: &[Profile],
) {
    ui.add_space(4.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(t!(tr, "form-direct-offer"));
        if ui.button(t!(tr, "form-join-directly")).clicked() {
            form.choose(choice, profiles);
            form.meeting_edited();
            // The button goes away: keep the keyboard in the form (Enter there joins).
            form.focus = Some(Field::Name);
        }
    });
}

/// The line about the previous session.
pub fn note_text(tr: &Tr, note: &FormNote) -> String {
    match note {
        FormNote::Cancelled => t!(tr, "form-cancelled"),
        FormNote::CancelledTold => t!(tr, "form-cancelled-told"),
        FormNote::CancelledNotTold => t!(tr, "form-cancelled-not-told"),
        FormNote::Leaving => t!(tr, "meeting-leaving"),
        FormNote::LeftTold => t!(tr, "form-left-told"),
        FormNote::LeftNotTold => t!(tr, "form-left-not-told"),
        FormNote::BadService(name) => t!(tr, "form-bad-service", name = name.as_str()),
    }
}

pub fn show(
    ui: &mut egui::Ui,
    tr: &Tr,
    form: &mut FormState,
    profiles: &[Profile],
    actions: &mut Vec<UiAction>,
) {
    form.sync_source(profiles);
    ui.add_space(8.0);
    ui.heading(t!(tr, "form-title"));
    // What the app does, before anyone expects to hear the meeting.
    ui.label(RichText::new(t!(tr, "app-chat-only")).weak());
    ui.add_space(8.0);
    let mut enter = meeting_field(ui, tr, form, profiles);
    ui.add_space(8.0);
    enter |= name_field(ui, tr, form);
    ui.add_space(8.0);
    join_service_choice(ui, tr, form, profiles);
    ui.add_space(12.0);

    let valid = form.is_valid();
    let join = ui.add_enabled(
        valid,
        egui::Button::new(RichText::new(t!(tr, "form-join")).strong())
            .min_size(egui::vec2(96.0, 28.0)),
    );
    if join.clicked() || (enter && valid) {
        actions.push(UiAction::Join);
    } else if enter {
        // Enter on an invalid form shows every message.
        form.meeting_touched = true;
        form.name_touched = true;
    }
    if !valid {
        ui.label(RichText::new(t!(tr, "form-join-disabled-hint")).weak());
    }
    if let Some(note) = &form.note {
        ui.add_space(8.0);
        ui.label(note_text(tr, note));
    }
}

/// The meeting link with its message (or where a pasted invitation's link came from) and the
/// offer of the direct mode; true when Enter was pressed in it.
fn meeting_field(ui: &mut egui::Ui, tr: &Tr, form: &mut FormState, profiles: &[Profile]) -> bool {
    let label = ui.label(t!(tr, "form-meeting-link"));
    let meeting = ui.add(
        egui::TextEdit::singleline(&mut form.meeting)
            .id_salt("meeting-link")
            .hint_text(t!(tr, "form-meeting-link-hint"))
            .char_limit(MAX_INPUT_CHARS + 1)
            .desired_width(f32::INFINITY),
    );
    let meeting = meeting.labelled_by(label.id);
    if meeting.changed() {
        form.meeting_edited();
    }
    let enter = meeting.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if form.focus == Some(Field::Meeting) {
        meeting.request_focus();
        form.focus = None;
    }
    match form.meeting_link() {
        Err(e) if form.meeting_touched => field_error(ui, &tr.direct_link_problem(&e)),
        Ok(link) if form.extracted => {
            ui.label(
                RichText::new(t!(tr, "form-link-extracted", host = link.host()))
                    .color(ok_color(ui)),
            );
        }
        _ => {}
    }
    if let Some(choice) = form.direct_offer(profiles) {
        direct_offer(ui, tr, form, choice, profiles);
    }
    enter
}

/// The guest's name with its message; true when Enter was pressed in it.
fn name_field(ui: &mut egui::Ui, tr: &Tr, form: &mut FormState) -> bool {
    let label = ui.label(t!(tr, "form-your-name"));
    let name = ui.add(
        egui::TextEdit::singleline(&mut form.name)
            .id_salt("display-name")
            .hint_text(t!(tr, "form-your-name-hint"))
            .char_limit(1_000)
            .desired_width(f32::INFINITY),
    );
    let name = name.labelled_by(label.id);
    if name.changed() {
        form.name_touched = true;
    }
    let enter = name.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if form.focus == Some(Field::Name) {
        name.request_focus();
        form.focus = None;
    }
    if form.name_touched
        && let Err(e) = form.display_name()
    {
        field_error(ui, &tr.name_problem(&e));
    }
    enter
}

/// The configured join services and the built-in demos, and a note when the chosen service's
/// key variable is not set.
fn join_service_choice(ui: &mut egui::Ui, tr: &Tr, form: &mut FormState, profiles: &[Profile]) {
    ui.label(t!(tr, "form-join-service"));
    ui.horizontal_wrapped(|ui| {
        for p in profiles {
            let choice = ProfileChoice::Named(p.name.clone());
            let label = if p.is_direct() {
                t!(tr, "form-service-direct-named", name = p.name.as_str())
            } else {
                p.name.clone()
            };
            ui.radio_value(&mut form.profile, choice, label);
        }
        ui.radio_value(
            &mut form.profile,
            ProfileChoice::Demo,
            t!(tr, "form-service-demo"),
        );
        ui.radio_value(
            &mut form.profile,
            ProfileChoice::DemoDirect,
            t!(tr, "form-service-demo-direct"),
        );
        // The ad-hoc direct mode is listed once chosen (by the offer below the link).
        if form.profile == ProfileChoice::Direct {
            ui.radio_value(
                &mut form.profile,
                ProfileChoice::Direct,
                t!(tr, "form-service-direct-adhoc"),
            );
        }
    });
    form.sync_source(profiles);
    if let ProfileChoice::Named(n) = &form.profile
        && let Some(var) = profiles
            .iter()
            .find(|p| &p.name == n)
            .and_then(|p| p.service_key_env())
        && std::env::var(var).map_or(true, |v| v.is_empty())
    {
        ui.label(RichText::new(t!(tr, "form-service-key-unset", variable = var)).weak());
    }
}
