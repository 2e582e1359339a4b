//! Settings: join services (name, kind, token URL and service key variable, or an autodiscover
//! URL for Skype for Business Server joined directly), origin, culture, proxy and
//! CA file, text size and theme. Validated inline; written to the config file only on Save.

use egui::RichText;

use crate::config::{self, EnvOverrides, Source, Theme};
use crate::gui::actions::UiAction;
use crate::gui::state::{ProfileDraft, SettingsDraft};

use super::field_error;

/// A labelled single-line field with its inline message.
/// Fields have fixed ids, so messages appearing above them do not move keyboard focus.
fn field(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    (label, hint): (&str, &str),
    text: &mut String,
    error: Option<&str>,
) {
    let l = ui.label(label);
    let edit = ui
        .add(
            egui::TextEdit::singleline(text)
                .id_salt(("settings-field", id))
                .hint_text(hint)
                .char_limit(2_048)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    if edit.changed() {
        // The messages were worked out before this edit: draw once more with the new text.
        ui.ctx().request_repaint();
    }
    if let Some(e) = error {
        field_error(ui, e);
    }
}

/// A line saying an environment variable overrides the field above.
fn overridden(ui: &mut egui::Ui, var: &str, value: Option<&str>) {
    if value.is_some() {
        ui.label(RichText::new(format!("{var} is set, so its value is used instead.")).weak());
    }
}

/// Proxy, proxy exceptions and the CA file. Certificate checks cannot be turned off here or
/// anywhere; the CA file only adds to the system's trusted certificates.
fn network(ui: &mut egui::Ui, draft: &mut SettingsDraft, env: &EnvOverrides) {
    ui.label(RichText::new("Network").strong());
    ui.label(
        RichText::new(
            "Proxy: \"system\" uses HTTPS_PROXY / NO_PROXY, \"none\" connects directly, or give \
             a proxy URL. This computer (the built-in demo) is always reached directly.",
        )
        .weak(),
    );
    let proxy_err = draft.proxy_error();
    field(
        ui,
        "proxy",
        ("Proxy", "system"),
        &mut draft.proxy,
        proxy_err.as_deref(),
    );
    overridden(ui, config::ENV_PROXY, env.proxy.as_deref());
    let no_proxy_err = draft.no_proxy_error();
    field(
        ui,
        "no_proxy",
        (
            "No proxy for (with a proxy URL)",
            ".corp.example, 10.0.0.0/8",
        ),
        &mut draft.no_proxy,
        no_proxy_err.as_deref(),
    );
    let ca_err = draft.ca_file_error();
    field(
        ui,
        "ca_file",
        (
            "CA certificates file (PEM, optional)",
            "/etc/ssl/company-ca.pem",
        ),
        &mut draft.ca_file,
        ca_err.as_deref(),
    );
    overridden(ui, config::ENV_CA_FILE, env.ca_file.as_deref());
}

/// The kind of join service `i`: a service application or Skype for Business Server directly.
fn kind_choice(ui: &mut egui::Ui, i: usize, direct: &mut bool) {
    let label = ui.label(format!("Kind of join service {}", i + 1));
    ui.horizontal_wrapped(|ui| {
        let service = ui.radio_value(direct, false, "Service application");
        let server = ui.radio_value(direct, true, "Skype for Business Server (direct)");
        if service.changed() || server.changed() {
            ui.ctx().request_repaint();
        }
    })
    .response
    .labelled_by(label.id);
}

pub fn show(
    ui: &mut egui::Ui,
    draft: &mut SettingsDraft,
    env: &EnvOverrides,
    effective: &config::Effective,
    actions: &mut Vec<UiAction>,
) {
    ui.add_space(8.0);
    ui.heading("Settings");
    ui.add_space(8.0);
    join_services(ui, draft);
    ui.add_space(12.0);
    origin_and_culture(ui, draft, env, effective);
    ui.add_space(12.0);
    network(ui, draft, env);
    ui.add_space(8.0);
    appearance(ui, draft);
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Save").strong()).clicked() {
            actions.push(UiAction::SaveSettings);
        }
        if ui
            .button("Back without saving")
            .on_hover_text("Esc")
            .clicked()
        {
            actions.push(UiAction::CloseSettings);
        }
    });
    if let Some(m) = &draft.message {
        field_error(ui, m);
    }
}

/// Every join service, each in its own group, then "Add a join service".
fn join_services(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    ui.label(RichText::new("Join services").strong());
    ui.label(
        RichText::new(
            "The token URL of your organisation's service application, or Skype for Business \
             Server joined directly (autodiscover starts at https://lyncdiscover.<organizer's \
             domain>/ unless you give another URL). A service key is never saved: name the \
             environment variable that holds it.",
        )
        .weak(),
    );
    if draft.profiles.is_empty() {
        ui.label("None yet: the built-in demo is used.");
    }
    let mut remove = None;
    for i in 0..draft.profiles.len() {
        let errors = draft.profile_errors(i);
        if join_service(ui, i, &mut draft.profiles[i], errors) {
            remove = Some(i);
        }
        ui.add_space(4.0);
    }
    if let Some(i) = remove {
        draft.profiles.remove(i);
    }
    if ui.button("Add a join service").clicked() {
        draft.profiles.push(ProfileDraft::default());
    }
}

/// Join service `i` with its inline messages (name, token URL, key variable, autodiscover URL);
/// true when its Remove button was pressed.
fn join_service(
    ui: &mut egui::Ui,
    i: usize,
    p: &mut ProfileDraft,
    [name_err, url_err, key_err, discover_err]: [Option<String>; 4],
) -> bool {
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("Join service {}", i + 1)).strong());
            field(
                ui,
                ("name", i),
                ("Name", "Contoso"),
                &mut p.name,
                name_err.as_deref(),
            );
            kind_choice(ui, i, &mut p.direct);
            if p.direct {
                field(
                    ui,
                    ("autodiscover", i),
                    (
                        "Autodiscover URL (optional)",
                        "https://lyncdiscover.<organizer's domain>/",
                    ),
                    &mut p.autodiscover,
                    discover_err.as_deref(),
                );
            } else {
                field(
                    ui,
                    ("token_url", i),
                    ("Token URL", "https://join.contoso.com/GetAnonTokenJob"),
                    &mut p.token_url,
                    url_err.as_deref(),
                );
                field(
                    ui,
                    ("key", i),
                    ("Service key variable (optional)", "CONTOSO_SERVICE_KEY"),
                    &mut p.service_key_env,
                    key_err.as_deref(),
                );
            }
            ui.button(format!("Remove join service {}", i + 1))
                .clicked()
        })
        .inner
}

/// Origin and culture, each saying when an environment variable overrides it.
fn origin_and_culture(
    ui: &mut egui::Ui,
    draft: &mut SettingsDraft,
    env: &EnvOverrides,
    effective: &config::Effective,
) {
    let origin_err = draft.origin_error();
    field(
        ui,
        "origin",
        ("Origin", crate::join::request::DEFAULT_ORIGIN),
        &mut draft.origin,
        origin_err.as_deref(),
    );
    if env.origin.is_some() && effective.origin.1 == Source::Env(config::ENV_ORIGIN) {
        used_instead(ui, config::ENV_ORIGIN, &effective.origin.0);
    }
    ui.add_space(8.0);
    let culture_err = draft.culture_error();
    field(
        ui,
        "culture",
        ("Culture", "en-US"),
        &mut draft.culture,
        culture_err.as_deref(),
    );
    if env.culture.is_some() && effective.culture.1 == Source::Env(config::ENV_CULTURE) {
        used_instead(ui, config::ENV_CULTURE, &effective.culture.0);
    }
}

/// A line saying the environment variable `var` is set and `value` is used.
fn used_instead(ui: &mut egui::Ui, var: &str, value: &str) {
    ui.label(RichText::new(format!("{var} is set, so {value} is used instead.")).weak());
}

/// Text size and theme.
fn appearance(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    ui.add(
        egui::Slider::new(
            &mut draft.text_scale,
            config::MIN_TEXT_SCALE..=config::MAX_TEXT_SCALE,
        )
        .step_by(0.05)
        .text("Text size"),
    );
    ui.add_space(8.0);
    ui.label("Theme");
    ui.horizontal(|ui| {
        ui.radio_value(&mut draft.theme, Theme::System, "Follow the system");
        ui.radio_value(&mut draft.theme, Theme::Light, "Light");
        ui.radio_value(&mut draft.theme, Theme::Dark, "Dark");
    });
}
