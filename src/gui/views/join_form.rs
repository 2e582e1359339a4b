//! The join form: meeting link, name, join service, Join. Validation is inline and local;
//! nothing touches the network until Join.

use egui::{Key, RichText};

use crate::config::Profile;
use crate::gui::actions::UiAction;
use crate::gui::state::{Field, FormState, ProfileChoice};
use crate::join::meeting_link::MAX_INPUT_CHARS;

use super::{field_error, ok_color};

/// How the direct kind is named in the choice of join service.
const DIRECT: &str = "Skype for Business Server (direct)";

/// The notice under the link offering the direct mode, with its button.
fn direct_offer(
    ui: &mut egui::Ui,
    form: &mut FormState,
    choice: ProfileChoice,
    profiles: &[Profile],
) {
    ui.add_space(4.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            "This meeting is not on Skype for Business Online. If it is on your \
             organisation's Skype for Business Server, you can join it directly.",
        );
        if ui.button("Join directly").clicked() {
            form.choose(choice, profiles);
            form.meeting_edited();
            // The button goes away: keep the keyboard in the form (Enter there joins).
            form.focus = Some(Field::Name);
        }
    });
}

pub fn show(
    ui: &mut egui::Ui,
    form: &mut FormState,
    profiles: &[Profile],
    actions: &mut Vec<UiAction>,
) {
    form.sync_source(profiles);
    ui.add_space(8.0);
    ui.heading("Join a meeting");
    ui.add_space(8.0);
    let mut enter = meeting_field(ui, form, profiles);
    ui.add_space(8.0);
    enter |= name_field(ui, form);
    ui.add_space(8.0);
    join_service_choice(ui, form, profiles);
    ui.add_space(12.0);

    let valid = form.is_valid();
    let join = ui.add_enabled(
        valid,
        egui::Button::new(RichText::new("Join").strong()).min_size(egui::vec2(96.0, 28.0)),
    );
    if join.clicked() || (enter && valid) {
        actions.push(UiAction::Join);
    } else if enter {
        // Enter on an invalid form shows every message.
        form.meeting_touched = true;
        form.name_touched = true;
    }
    if !valid {
        ui.label(RichText::new("Join is available once the link and the name are valid.").weak());
    }
    if let Some(note) = &form.note {
        ui.add_space(8.0);
        ui.label(note.as_str());
    }
}

/// The meeting link with its message (or where a pasted invitation's link came from) and the
/// offer of the direct mode; true when Enter was pressed in it.
fn meeting_field(ui: &mut egui::Ui, form: &mut FormState, profiles: &[Profile]) -> bool {
    let label = ui.label("Meeting link");
    let meeting = ui.add(
        egui::TextEdit::singleline(&mut form.meeting)
            .id_salt("meeting-link")
            .hint_text("https://… from your invitation, or paste the whole invitation")
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
        Err(e) if form.meeting_touched => field_error(ui, &e),
        Ok(link) if form.extracted => {
            ui.label(
                RichText::new(format!(
                    "Link taken from the pasted text (meeting on {}).",
                    link.host()
                ))
                .color(ok_color(ui)),
            );
        }
        _ => {}
    }
    if let Some(choice) = form.direct_offer(profiles) {
        direct_offer(ui, form, choice, profiles);
    }
    enter
}

/// The guest's name with its message; true when Enter was pressed in it.
fn name_field(ui: &mut egui::Ui, form: &mut FormState) -> bool {
    let label = ui.label("Your name");
    let name = ui.add(
        egui::TextEdit::singleline(&mut form.name)
            .id_salt("display-name")
            .hint_text("The name the other participants will see")
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
        field_error(ui, &e);
    }
    enter
}

/// The configured join services and the built-in demos, and a note when the chosen service's
/// key variable is not set.
fn join_service_choice(ui: &mut egui::Ui, form: &mut FormState, profiles: &[Profile]) {
    ui.label("Join service");
    ui.horizontal_wrapped(|ui| {
        for p in profiles {
            let choice = ProfileChoice::Named(p.name.clone());
            let label = if p.is_direct() {
                format!("{} — {DIRECT}", p.name)
            } else {
                p.name.clone()
            };
            ui.radio_value(&mut form.profile, choice, label);
        }
        ui.radio_value(&mut form.profile, ProfileChoice::Demo, "Built-in demo");
        ui.radio_value(
            &mut form.profile,
            ProfileChoice::DemoDirect,
            format!("Built-in demo — {DIRECT}"),
        );
        // The ad-hoc direct mode is listed once chosen (by the offer below the link).
        if form.profile == ProfileChoice::Direct {
            ui.radio_value(
                &mut form.profile,
                ProfileChoice::Direct,
                format!("Your organisation's {DIRECT}"),
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
        ui.label(
            RichText::new(format!(
                "The service key variable {var} is not set; joining without a service key."
            ))
            .weak(),
        );
    }
}
