//! Settings: join services (name, kind, token URL and service key variable, or an autodiscover
//! URL for Skype for Business Server joined directly), origin, culture, proxy and
//! CA file, text size and theme. Validated inline; written to the config file only on Save.

use egui::RichText;

use crate::config::{self, EnvOverrides, Source, Theme, UrlProblem};
use crate::gui::actions::UiAction;
use crate::gui::state::{ProfileDraft, SettingsDraft, SettingsProblem};
use crate::i18n::{Language, Tr};
use crate::t;

use super::field_error;

/// A settings problem in the window's language.
pub fn problem_text(tr: &Tr, p: &SettingsProblem) -> String {
    use SettingsProblem as P;
    match p {
        P::ServiceNameEmpty => t!(tr, "problem-service-name-empty"),
        P::ServiceNameLong => t!(tr, "problem-service-name-long"),
        P::ServiceNameTaken => t!(tr, "problem-service-name-taken"),
        P::TokenUrl(UrlProblem::NotAbsolute) => t!(tr, "problem-token-url-not-absolute"),
        P::TokenUrl(UrlProblem::NotHttps) => t!(tr, "problem-token-url-not-https"),
        P::TokenUrl(UrlProblem::NoHost) => t!(tr, "problem-token-url-no-host"),
        P::Autodiscover(UrlProblem::NotAbsolute) => t!(tr, "problem-autodiscover-not-absolute"),
        P::Autodiscover(UrlProblem::NotHttps) => t!(tr, "problem-autodiscover-not-https"),
        P::Autodiscover(UrlProblem::NoHost) => t!(tr, "problem-autodiscover-no-host"),
        P::EnvName => t!(tr, "problem-env-name"),
        P::Origin => t!(tr, "problem-origin"),
        P::Culture => t!(tr, "problem-culture"),
        P::Proxy => t!(tr, "problem-proxy"),
        P::NoProxy => t!(tr, "problem-no-proxy"),
        P::CaFilePath => t!(tr, "problem-ca-file-path"),
        P::CaFileUnusable(details) => {
            t!(tr, "problem-ca-file-unusable", details = details.as_str())
        }
    }
}

/// A labelled single-line field with its inline message.
/// Fields have fixed ids, so messages appearing above them do not move keyboard focus.
fn field(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    (label, hint): (String, &str),
    text: &mut String,
    error: Option<String>,
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
        field_error(ui, &e);
    }
}

/// A line saying an environment variable overrides the field above.
fn overridden(ui: &mut egui::Ui, tr: &Tr, var: &str, value: Option<&str>) {
    if value.is_some() {
        ui.label(RichText::new(t!(tr, "settings-variable-overrides", variable = var)).weak());
    }
}

/// Proxy, proxy exceptions and the CA file. Certificate checks cannot be turned off here or
/// anywhere; the CA file only adds to the system's trusted certificates.
fn network(ui: &mut egui::Ui, tr: &Tr, draft: &mut SettingsDraft, env: &EnvOverrides) {
    ui.label(RichText::new(t!(tr, "settings-network")).strong());
    ui.label(RichText::new(t!(tr, "settings-network-explain")).weak());
    let problem = |p: Option<SettingsProblem>| p.map(|p| problem_text(tr, &p));
    let proxy_err = problem(draft.proxy_error());
    field(
        ui,
        "proxy",
        (t!(tr, "settings-proxy"), "system"),
        &mut draft.proxy,
        proxy_err,
    );
    overridden(ui, tr, config::ENV_PROXY, env.proxy.as_deref());
    let no_proxy_err = problem(draft.no_proxy_error());
    field(
        ui,
        "no_proxy",
        (t!(tr, "settings-no-proxy"), ".corp.example, 10.0.0.0/8"),
        &mut draft.no_proxy,
        no_proxy_err,
    );
    let ca_err = problem(draft.ca_file_error());
    field(
        ui,
        "ca_file",
        (t!(tr, "settings-ca-file"), "/etc/ssl/company-ca.pem"),
        &mut draft.ca_file,
        ca_err,
    );
    overridden(ui, tr, config::ENV_CA_FILE, env.ca_file.as_deref());
}

/// The kind of join service `i`: a service application or Skype for Business Server directly.
fn kind_choice(ui: &mut egui::Ui, tr: &Tr, i: usize, direct: &mut bool) {
    let number = i + 1;
    let label = ui.label(t!(tr, "settings-service-kind", number = number));
    ui.horizontal_wrapped(|ui| {
        let service = ui.radio_value(direct, false, t!(tr, "settings-kind-service"));
        let server = ui.radio_value(direct, true, t!(tr, "settings-kind-direct"));
        if service.changed() || server.changed() {
            ui.ctx().request_repaint();
        }
    })
    .response
    .labelled_by(label.id);
}

pub fn show(
    ui: &mut egui::Ui,
    tr: &Tr,
    draft: &mut SettingsDraft,
    env: &EnvOverrides,
    effective: &config::Effective,
    actions: &mut Vec<UiAction>,
) {
    ui.add_space(8.0);
    ui.heading(t!(tr, "settings-title"));
    ui.add_space(8.0);
    language(ui, tr, draft);
    ui.add_space(12.0);
    join_services(ui, tr, draft);
    ui.add_space(12.0);
    origin_and_culture(ui, tr, draft, env, effective);
    ui.add_space(12.0);
    network(ui, tr, draft, env);
    ui.add_space(8.0);
    appearance(ui, tr, draft);
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new(t!(tr, "settings-save")).strong())
            .clicked()
        {
            actions.push(UiAction::SaveSettings);
        }
        if ui
            .button(t!(tr, "settings-back"))
            .on_hover_text("Esc")
            .clicked()
        {
            actions.push(UiAction::CloseSettings);
        }
    });
    if draft.needs_fixing {
        field_error(ui, &t!(tr, "settings-fix-fields"));
    }
}

/// The window's language: the system's, or one of the embedded ones, each in its own name.
/// Applies when saved.
fn language(ui: &mut egui::Ui, tr: &Tr, draft: &mut SettingsDraft) {
    let label = ui.label(RichText::new(t!(tr, "settings-language")).strong());
    let system = crate::i18n::system_language().own_name();
    let selected = match Language::matching(&draft.language) {
        Some(l) if !draft.language.trim().is_empty() => l.own_name(),
        _ => t!(tr, "settings-language-system", language = system.as_str()),
    };
    egui::ComboBox::from_id_salt("settings-language")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(
                &mut draft.language,
                String::new(),
                t!(tr, "settings-language-system", language = system.as_str()),
            );
            for l in crate::i18n::Tr::available() {
                ui.selectable_value(&mut draft.language, l.tag(), l.own_name());
            }
        })
        .response
        .labelled_by(label.id);
}

/// Every join service, each in its own group, then "Add a join service".
fn join_services(ui: &mut egui::Ui, tr: &Tr, draft: &mut SettingsDraft) {
    ui.label(RichText::new(t!(tr, "settings-services")).strong());
    ui.label(RichText::new(t!(tr, "settings-services-explain")).weak());
    if draft.profiles.is_empty() {
        ui.label(t!(tr, "settings-services-none"));
    }
    let mut remove = None;
    for i in 0..draft.profiles.len() {
        let errors = draft
            .profile_errors(i)
            .map(|e| e.map(|p| problem_text(tr, &p)));
        if join_service(ui, tr, i, &mut draft.profiles[i], errors) {
            remove = Some(i);
        }
        ui.add_space(4.0);
    }
    if let Some(i) = remove {
        draft.profiles.remove(i);
    }
    if ui.button(t!(tr, "settings-service-add")).clicked() {
        draft.profiles.push(ProfileDraft::default());
    }
}

/// Join service `i` with its inline messages (name, token URL, key variable, autodiscover URL);
/// true when its Remove button was pressed.
fn join_service(
    ui: &mut egui::Ui,
    tr: &Tr,
    i: usize,
    p: &mut ProfileDraft,
    [name_err, url_err, key_err, discover_err]: [Option<String>; 4],
) -> bool {
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let number = i + 1;
            ui.label(RichText::new(t!(tr, "settings-service-number", number = number)).strong());
            field(
                ui,
                ("name", i),
                (t!(tr, "settings-name"), "Contoso"),
                &mut p.name,
                name_err,
            );
            kind_choice(ui, tr, i, &mut p.direct);
            if p.direct {
                field(
                    ui,
                    ("autodiscover", i),
                    (
                        t!(tr, "settings-autodiscover"),
                        "https://lyncdiscover.contoso.com/",
                    ),
                    &mut p.autodiscover,
                    discover_err,
                );
            } else {
                field(
                    ui,
                    ("token_url", i),
                    (
                        t!(tr, "settings-token-url"),
                        "https://join.contoso.com/GetAnonTokenJob",
                    ),
                    &mut p.token_url,
                    url_err,
                );
                field(
                    ui,
                    ("key", i),
                    (t!(tr, "settings-key-variable"), "CONTOSO_SERVICE_KEY"),
                    &mut p.service_key_env,
                    key_err,
                );
            }
            ui.button(t!(tr, "settings-service-remove", number = number))
                .clicked()
        })
        .inner
}

/// Origin and culture, each saying when an environment variable overrides it.
fn origin_and_culture(
    ui: &mut egui::Ui,
    tr: &Tr,
    draft: &mut SettingsDraft,
    env: &EnvOverrides,
    effective: &config::Effective,
) {
    let origin_err = draft.origin_error().map(|p| problem_text(tr, &p));
    field(
        ui,
        "origin",
        (
            t!(tr, "settings-origin"),
            crate::join::request::DEFAULT_ORIGIN,
        ),
        &mut draft.origin,
        origin_err,
    );
    if env.origin.is_some() && effective.origin.1 == Source::Env(config::ENV_ORIGIN) {
        used_instead(ui, tr, config::ENV_ORIGIN, &effective.origin.0);
    }
    ui.add_space(8.0);
    let culture_err = draft.culture_error().map(|p| problem_text(tr, &p));
    field(
        ui,
        "culture",
        (t!(tr, "settings-culture"), "en-US"),
        &mut draft.culture,
        culture_err,
    );
    if env.culture.is_some() && effective.culture.1 == Source::Env(config::ENV_CULTURE) {
        used_instead(ui, tr, config::ENV_CULTURE, &effective.culture.0);
    } else if draft.culture.trim().is_empty() {
        let from_language = crate::i18n::LanguageChoice::from_setting(Some(&draft.language))
            .resolve()
            .default_culture();
        ui.label(RichText::new(t!(tr, "settings-culture-follows", culture = from_language)).weak());
    }
}

/// A line saying the environment variable `var` is set and `value` is used.
fn used_instead(ui: &mut egui::Ui, tr: &Tr, var: &str, value: &str) {
    ui.label(
        RichText::new(t!(
            tr,
            "settings-variable-used",
            variable = var,
            value = value
        ))
        .weak(),
    );
}

/// Text size, theme and notifications.
fn appearance(ui: &mut egui::Ui, tr: &Tr, draft: &mut SettingsDraft) {
    ui.add(
        egui::Slider::new(
            &mut draft.text_scale,
            config::MIN_TEXT_SCALE..=config::MAX_TEXT_SCALE,
        )
        .step_by(0.05)
        .text(t!(tr, "settings-text-size")),
    );
    ui.add_space(8.0);
    ui.label(t!(tr, "settings-theme"));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(
            &mut draft.theme,
            Theme::System,
            t!(tr, "settings-theme-system"),
        );
        ui.radio_value(
            &mut draft.theme,
            Theme::Light,
            t!(tr, "settings-theme-light"),
        );
        ui.radio_value(&mut draft.theme, Theme::Dark, t!(tr, "settings-theme-dark"));
    });
    ui.add_space(8.0);
    ui.checkbox(&mut draft.notifications, t!(tr, "settings-notifications"));
    ui.label(RichText::new(t!(tr, "settings-notifications-explain")).weak());
}
