//! UI tests of the configuration file and the Settings screen: a broken file is a banner and
//! the app starts with defaults; a join service added and removed in Settings is saved; theme
//! and text size come from the file and Settings.

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use guest_join::config::Config;
use guest_join::gui::AppInit;

use crate::support::*;

#[test]
fn a_broken_config_file_shows_a_banner_and_the_app_starts_with_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "origin = \"https://contoso.com\"\ntext_scale = \"huge\"\n",
    )
    .unwrap();
    let init = guest_join::gui::init_from(guest_join::gui::GuiOptions {
        config: Some(path.clone()),
        meeting: Some(URL.into()),
        name: Some("Ada".into()),
        kiosk: false,
        language: Some("en".into()),
        link: None,
        new_window: false,
    });
    let rt = runtime();
    let mut h = harness(&rt, init);
    h.run();
    let banner = format!("{}, line 2, field `text_scale`", path.display());
    assert!(shows(&h, &banner), "no banner naming file, line and field");
    assert!(
        shows(&h, "Built-in demo environment"),
        "defaults are in use"
    );
    assert_eq!(h.get_by_label("Meeting link").value().as_deref(), Some(URL));
    assert_eq!(h.get_by_label("Your name").value().as_deref(), Some("Ada"));
    assert!(join_button_enabled(&h));
    // The broken file is left alone.
    assert!(std::fs::read_to_string(&path).unwrap().contains("huge"));
}

#[test]
fn settings_add_a_join_service_and_save_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let init = AppInit {
        config_path: Some(path.clone()),
        ..AppInit::with_config(Config::default())
    };
    let rt = runtime();
    let mut h = harness(&rt, init);
    h.run();
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Add a join service").click();
    h.run();
    h.get_by_label("Name").focus();
    h.run();
    h.get_by_label("Name").type_text("Contoso");
    h.get_by_label("Token URL").focus();
    h.run();
    h.get_by_label("Token URL")
        .type_text("http://contoso.com/GetAnonTokenJob");
    h.run();
    assert_eq!(
        h.get_by_label("Token URL").value().as_deref(),
        Some("http://contoso.com/GetAnonTokenJob")
    );
    assert!(shows(&h, "must use https://"), "inline validation");
    h.get_by_label("Save").click();
    h.run();
    assert!(shows(&h, "Fix the marked fields"));
    h.get_by_label("Token URL").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Token URL")
        .type_text("https://join.contoso.com/GetAnonTokenJob");
    h.get_by_label("Service key variable (optional)").focus();
    h.run();
    h.get_by_label("Service key variable (optional)")
        .type_text("CONTOSO_KEY");
    h.get_by_label("Origin").focus();
    h.run();
    h.get_by_label("Origin").type_text("https://contoso.com");
    h.run();
    h.get_by_label("Save").click();
    step_until(&mut h, "the saved file", Duration::from_secs(10), |_| {
        std::fs::read_to_string(&path).is_ok_and(|t| t.contains("Contoso"))
    });
    h.run();
    assert!(
        h.query_by_label("Meeting link").is_some(),
        "back on the form"
    );
    assert!(
        h.query_by_label("Contoso").is_some(),
        "the new service is offered"
    );
    assert!(!shows(&h, "Built-in demo environment"));
    let saved = guest_join::config::load(&path);
    assert!(saved.error.is_none(), "{:?}", saved.error);
    assert_eq!(saved.config.origin.as_deref(), Some("https://contoso.com"));
    assert_eq!(
        saved.config.profiles[0].service_key_env(),
        Some("CONTOSO_KEY")
    );
    // Remove it again: the demo is back.
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Remove join service 1").click();
    h.run();
    h.get_by_label("Save").click();
    step_until(&mut h, "the saved file", Duration::from_secs(10), |_| {
        std::fs::read_to_string(&path).is_ok_and(|t| !t.contains("Contoso"))
    });
    h.run();
    assert!(shows(&h, "Built-in demo environment"));
}

#[test]
fn theme_and_text_size_come_from_the_config_and_settings() {
    let rt = runtime();
    let config = Config {
        theme: guest_join::config::Theme::Dark,
        text_scale: 1.5,
        ..Config::default()
    };
    let mut h = harness(&rt, AppInit::with_config(config));
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert!((h.ctx.zoom_factor() - 1.5).abs() < 1e-3);
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    assert_eq!(h.state().config().theme, guest_join::config::Theme::Light);
    // Esc leaves the settings without saving.
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Dark").click();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Meeting link").is_some());
    assert_eq!(h.state().config().theme, guest_join::config::Theme::Light);
}

#[test]
fn a_language_chosen_in_settings_applies_at_once_and_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let init = AppInit {
        config_path: Some(path.clone()),
        ..AppInit::with_config(Config::default())
    };
    let rt = runtime();
    let mut h = harness(&rt, init);
    h.run();
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Deutsch").click();
    h.run();
    h.get_by_label("Save").click();
    step_until(&mut h, "the saved file", Duration::from_secs(10), |_| {
        std::fs::read_to_string(&path).is_ok_and(|t| t.contains("language"))
    });
    h.run();
    assert!(
        shows(&h, "An einer Besprechung teilnehmen"),
        "the form is German"
    );
    assert_eq!(h.state().tr().language().tag(), "de");
    let saved = guest_join::config::load(&path);
    assert_eq!(saved.config.language.as_deref(), Some("de"));
}

/// The config file is the user's: joining remembers the name in the state file and leaves a
/// commented `config.toml` byte-identical; Settings keep its comments and unknown keys; the
/// next window starts with the remembered name.
#[test]
fn the_config_file_is_written_only_by_settings_and_keeps_its_comments() {
    let rt = runtime();
    let demo = start_env(&rt, guest_join::emulator::LobbyPolicy::Open);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let state = dir.path().join("state/state.toml");
    let text = format!(
        "# Written by hand: keep me.\norigin = \"{}\"   # our web site\nmy_own_note = \"keep\"\n\n\
         [[profile]]\n# The test service.\nname = \"Test service\"\ntoken_url = \"{}\"\n",
        crate::common::ORIGIN,
        demo.token_url()
    );
    std::fs::write(&path, &text).unwrap();
    let init = || AppInit {
        loaded: guest_join::config::load(&path),
        config_path: Some(path.clone()),
        state_path: Some(state.clone()),
        state: guest_join::config::state::load_state(&state),
        ..AppInit::default()
    };
    let mut h = harness(&rt, init());
    fill_and_join(&mut h, URL, "Ada Guest");
    until_phase(&mut h, guest_join::join::Phase::InMeeting);
    step_until(&mut h, "the state file", Duration::from_secs(10), |_| {
        std::fs::read_to_string(&state).is_ok_and(|t| t.contains("Ada Guest"))
    });
    press_leave(&mut h);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "joining left config.toml byte-identical"
    );
    drop(h);
    until_deleted(None, &demo);

    // The next window remembers the name; Settings keep the comments and the unknown key.
    let mut h = harness(&rt, init());
    h.run();
    assert_eq!(
        h.get_by_label("Your name").value().as_deref(),
        Some("Ada Guest")
    );
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    h.get_by_label("Save").click();
    step_until(&mut h, "the saved file", Duration::from_secs(10), |_| {
        std::fs::read_to_string(&path).is_ok_and(|t| t.contains("theme"))
    });
    let saved = std::fs::read_to_string(&path).unwrap();
    for kept in [
        "# Written by hand: keep me.",
        "# our web site",
        "my_own_note = \"keep\"",
        "# The test service.",
    ] {
        assert!(saved.contains(kept), "{kept:?} lost:\n{saved}");
    }
    assert!(saved.contains("theme = \"dark\""), "{saved}");
    assert!(
        !saved.contains("Ada Guest"),
        "the name is not in config.toml"
    );
    drop(h);
    rt.block_on(demo.shutdown());
}
