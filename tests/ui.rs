//! UI tests of the desktop window, driven by accessible labels (egui_kittest), against the
//! in-process emulator and service application; plus a smoke test of the real binary under Xvfb.
//! Async progress is awaited with `step_until` (step + short sleep), never with timed assertions.

#[path = "common/mod.rs"]
mod common;

#[path = "ui/chat.rs"]
mod chat;
#[path = "ui/direct.rs"]
mod direct;
#[path = "ui/endings.rs"]
mod endings;
#[path = "ui/exports.rs"]
mod exports;
#[path = "ui/gui_probe.rs"]
mod gui_probe;
#[path = "ui/kiosk.rs"]
mod kiosk;
#[path = "ui/kiosk_admin.rs"]
mod kiosk_admin;
#[path = "ui/kiosk_window.rs"]
mod kiosk_window;
#[path = "ui/support.rs"]
mod support;
#[path = "ui/transport.rs"]
mod transport;
#[path = "ui/xvfb.rs"]
mod xvfb;

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::config::Config;
use guest_join::emulator::{LobbyPolicy, Role as PRole, ScriptedParticipant};
use guest_join::gui::AppInit;
use guest_join::join::Phase;

use support::*;

#[test]
fn join_is_disabled_until_both_fields_are_valid() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    assert!(!join_button_enabled(&h));
    h.get_by_label("Meeting link").focus();
    h.run();
    h.get_by_label("Meeting link").type_text(URL);
    h.run();
    assert!(!join_button_enabled(&h), "a name is still missing");
    h.get_by_label("Your name").focus();
    h.run();
    h.get_by_label("Your name").type_text("Ada Guest");
    h.run();
    assert!(join_button_enabled(&h));
    // Every input and button is labelled: `run` checks accessibility on each settled frame.
}

#[test]
fn inline_messages_for_bad_input() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    let cases = [
        ("sip:ada@contoso.com", "This is a Skype address (sip:)"),
        (
            "http://meet.contoso.example/ada/X1",
            "must start with https://. This one uses http://",
        ),
        ("meet dot contoso", "does not look like a link"),
    ];
    for (input, message) in cases {
        let field = h.get_by_label("Meeting link");
        field.focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_label("Meeting link").type_text(input);
        h.run();
        assert_eq!(
            h.get_by_label("Meeting link").value().as_deref(),
            Some(input)
        );
        assert!(shows(&h, message), "no message {message:?} for {input:?}");
        assert!(!join_button_enabled(&h));
    }
    // A name typed and erased says what is missing.
    h.get_by_label("Your name").focus();
    h.run();
    h.get_by_label("Your name").type_text("A");
    h.run();
    assert!(!shows(&h, "Type the name"));
    h.key_press(egui::Key::Backspace);
    h.run();
    assert!(shows(&h, "Type the name the other participants will see."));
    // A name with a control character (pasted tab) is refused.
    h.event(egui::Event::Paste("Ada\tLovelace".into()));
    h.run();
    assert!(
        shows(&h, "control character"),
        "single-line fields keep tabs"
    );
}

#[test]
fn pasting_an_invitation_extracts_the_link() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    let invitation = format!(
        "Join Skype Meeting\n<{URL}>\nTrouble joining? Try Skype Web App\n\
         Join by phone: +1 555 0100, Conference ID: 123456\nHelp: https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033"
    );
    h.get_by_label("Meeting link").focus();
    h.run();
    h.event(egui::Event::Paste(invitation));
    h.run();
    assert_eq!(h.get_by_label("Meeting link").value().as_deref(), Some(URL));
    assert!(shows(&h, "Link taken from the pasted text"));
}

#[test]
fn whole_app_form_timeline_lobby_meeting_leave() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Manual);
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    h.run();
    assert!(
        h.get_by_label("Test service")
            .accesskit_node()
            .is_selected()
            != Some(false)
    );
    // Latency on every exchange keeps each step on screen for a moment.
    demo.control().set_latency(Duration::from_millis(300));
    fill_and_join(&mut h, URL, "Ada Guest");
    wait_for(&mut h, "Joining the meeting on meet.contoso.example");
    h.check_accessibility();

    // The timeline: the first steps complete with their HTTP status; a row opens to the
    // redacted exchange.
    wait_for(&mut h, "Service application — done");
    assert!(shows(&h, "HTTP 200"));
    until_phase(&mut h, Phase::InLobby);
    demo.control().set_latency(Duration::ZERO);
    wait_for(&mut h, "Waiting for the organizer to let you in");
    assert!(shows(&h, "are removed from the lobby after a while"));
    assert!(shows(&h, "Waiting for 0:0"));
    // Waiting in the lobby does not keep the window repainting (only once a second).
    let settled = (0..5).any(|_| h.try_run().is_ok());
    assert!(settled, "the lobby screen keeps asking for repaints");

    h.get_by_label("Join steps").click();
    h.run();
    h.get_by_label_contains("Service application — done")
        .click();
    h.run();
    let exchange = h.get_by_label_contains("POST http://127.0.0.1");
    assert!(
        exchange
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("— HTTP 200")
    );
    // The application step's request opens to its headers: the bearer token is masked.
    h.get_by_label_contains("Application — done").click();
    h.run();
    h.get_by_label_contains("applications — HTTP 201").click();
    h.run();
    assert!(shows(&h, "authorization: Bearer [redacted]"));
    assert!(shows(&h, "\"_links\""), "the response body is shown");
    assert!(
        h.query_all_by_label_contains("psat=").next().is_none(),
        "no token on screen"
    );

    // The organizer admits the guest: the meeting screen with the live roster.
    demo.control().admit(URL, None).unwrap();
    wait_for(&mut h, "Participants (");
    assert!(shows(&h, "Quarterly review"));
    assert!(shows(&h, "Connected"));
    wait_for(&mut h, "Bob Attendee");
    demo.control()
        .add_participant(
            URL,
            ScriptedParticipant::new("Cleo Latecomer", PRole::Attendee, None),
        )
        .unwrap();
    wait_for(&mut h, "Cleo Latecomer");
    // In the meeting the window is idle between events (and `try_run` checks accessibility).
    let settled = (0..5).any(|_| h.try_run().is_ok());
    assert!(settled, "the meeting screen keeps asking for repaints");

    h.get_by_role_and_label(Role::Button, "Leave").click();
    wait_for(&mut h, "You left the meeting");
    assert!(shows(&h, "Rejoin") && shows(&h, "Copy diagnostics"));
    until_deleted(Some(&mut h), &demo);
    h.get_by_label("Copy diagnostics").click();
    h.run();
    assert!(shows(&h, "Diagnostics copied"));
    h.get_by_label("Back").click();
    h.run();
    assert!(h.query_by_label("Meeting link").is_some());
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn denied_join_shows_title_and_error_id_and_rejoin_works() {
    let mut j = joined(LobbyPolicy::Manual);
    let h = &mut j.h;
    until_phase(h, Phase::InLobby);
    j.demo.control().deny(URL, None).unwrap();
    wait_for(h, "The organizer did not let you in");
    assert!(shows(
        h,
        "Contact the organizer if you think this is a mistake."
    ));
    assert!(shows(h, "Error id GJ-LOBBY-DENIED"));
    step_until(h, "clean-up", Duration::from_secs(30), |h| {
        !shows(h, "Cleaning up")
    });
    assert!(h.try_run().is_ok(), "the ended screen settles");

    // Copy diagnostics: a summary for support, without the link (only its host) or tokens.
    h.get_by_label("Copy diagnostics").click();
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("diagnostics copied to the clipboard");
    for want in [
        "GJ-LOBBY-DENIED",
        "meet.contoso.example",
        "ApplicationSessionId: ",
        "subcode Denied",
    ] {
        assert!(copied.contains(want), "{want:?} missing from {copied}");
    }
    assert!(
        !copied.contains("UITEST01") && !copied.contains("psat"),
        "{copied}"
    );

    h.get_by_role_and_label(Role::Button, "Rejoin").click();
    until_phase(h, Phase::InLobby);
    j.demo.control().admit(URL, None).unwrap();
    until_phase(&mut j.h, Phase::InMeeting);
    j.close();
}

#[test]
fn the_organizer_ending_the_meeting_shows_why() {
    let mut j = joined(LobbyPolicy::Open);
    wait_for(&mut j.h, "Participants (");
    j.demo.control().end_meeting(URL).unwrap();
    wait_for(&mut j.h, "The meeting has ended");
    assert!(shows(&j.h, "Error id GJ-MEETING-ENDED"));
    assert!(j.h.query_by_label("Rejoin").is_some());
    j.close();
}

#[test]
fn cancel_in_the_lobby_returns_to_the_form_and_deletes_the_application() {
    let mut j = joined(LobbyPolicy::Manual);
    wait_for(&mut j.h, "Waiting for the organizer to let you in");
    j.h.get_by_role_and_label(Role::Button, "Cancel").click();
    j.h.step();
    j.h.step();
    assert!(
        j.h.query_by_label("Meeting link").is_some(),
        "back on the form"
    );
    until_deleted(Some(&mut j.h), &j.demo);
    wait_for(&mut j.h, "the meeting service was told");
    assert!(j.demo.control().meetings()[0].lobby.is_empty());
    j.close();
}

#[test]
fn escape_cancels_while_joining() {
    let mut j = joined(LobbyPolicy::Manual);
    wait_for(&mut j.h, "Waiting for the organizer");
    j.h.key_press(egui::Key::Escape);
    j.h.step();
    j.h.step();
    assert!(j.h.query_by_label("Meeting link").is_some());
    until_deleted(Some(&mut j.h), &j.demo);
    j.close();
}

#[test]
fn closing_the_window_mid_join_deletes_the_application() {
    let mut j = joined(LobbyPolicy::Manual);
    until_phase(&mut j.h, Phase::InLobby);
    // Dropping the app is what closing the window does (eframe drops it after on_exit).
    j.close();
}

#[test]
fn first_run_uses_the_built_in_demo() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    assert!(shows(&h, "Built-in demo environment"));
    h.get_by_label("Try a demo meeting").click();
    h.run();
    assert_eq!(
        h.get_by_label("Meeting link").value().as_deref(),
        Some(guest_join::demo::LOBBY_MEETING_URL)
    );
    assert!(h.get_by_label("Your name").is_focused());
    h.get_by_label("Your name").type_text("Demo Guest");
    h.run();
    h.get_by_role_and_label(Role::Button, "Join").click();
    // The demo starts now, in this process; its organizer admits the guest after about 3 s.
    step_until(&mut h, "the demo meeting", Duration::from_secs(40), |h| {
        h.state().phase() == Phase::InMeeting
    });
    wait_for(&mut h, "Lobby demo meeting");
    h.get_by_role_and_label(Role::Button, "Leave").click();
    wait_for(&mut h, "You left the meeting");
}

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
fn real_window_under_xvfb() {
    xvfb::smoke_test(env!("CARGO_BIN_EXE_guest-join"));
}

#[test]
fn gui_probe_bare_under_xvfb() {
    gui_probe::bare(env!("CARGO_BIN_EXE_guest-join"));
}

#[test]
fn gui_probe_app_under_xvfb() {
    gui_probe::app(env!("CARGO_BIN_EXE_guest-join"));
}
