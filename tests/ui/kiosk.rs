//! UI tests of kiosk mode: the preset meeting joined with one press, the reset after an ending
//! and after idle time (the kiosk clock is moved by hand), the countdown cancelled by input,
//! the privacy wipe, the admin PIN prompt and the status file.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::config::kiosk_pin::PinHash;
use guest_join::config::{Config, KioskConfig};
use guest_join::emulator::LobbyPolicy;
use guest_join::gui::kiosk::{ManualClock, SharedClock};
use guest_join::gui::{AppInit, Backend, GuestApp};
use guest_join::join::Phase;

use crate::support::*;

pub(crate) const PIN: &str = "864209";

/// A kiosk harness whose clock only moves when the test says so.
pub(crate) fn kiosk_harness(
    rt: &tokio::runtime::Runtime,
    config: Config,
) -> (Harness<'static, GuestApp>, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new());
    let shared = SharedClock(clock.clone());
    let handle = rt.handle().clone();
    let h = Harness::builder()
        .with_size(egui::vec2(820.0, 1000.0))
        .build_eframe(move |cc| {
            let mut app = GuestApp::new(
                &cc.egui_ctx,
                AppInit::with_config(config),
                Backend::with_dialog(handle, Arc::new(FakeDialog::cancelling())),
            );
            app.set_kiosk_clock(shared);
            app
        });
    (h, clock)
}

pub(crate) fn kiosk(meeting: Option<&str>, default_name: Option<&str>) -> KioskConfig {
    KioskConfig {
        enabled: true,
        meeting: meeting.map(str::to_string),
        default_name: default_name.map(str::to_string),
        profile: Some("Test service".into()),
        admin_pin_hash: Some(PinHash::new(PIN).to_string()),
        ..KioskConfig::default()
    }
}

fn status_state(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["state"].as_str().map(str::to_string)
}

fn until_status(h: &mut Harness<'_, GuestApp>, path: &Path, want: &str) {
    let p = path.to_path_buf();
    let w = want.to_string();
    step_until(h, want, Duration::from_secs(30), move |_| {
        status_state(&p).as_deref() == Some(w.as_str())
    });
}

/// A few frames: a countdown appearing floats in an area that egui sizes on its first frame.
pub(crate) fn frames(h: &mut Harness<'_, GuestApp>) {
    for _ in 0..3 {
        h.step();
    }
}

pub(crate) fn no_guest_left(h: &Harness<'_, GuestApp>) -> bool {
    let app = h.state();
    app.session_view().is_none()
        && app.form_name().is_empty()
        && app.config().display_name.is_none()
}

#[test]
fn the_preset_meeting_joins_with_one_press_and_the_ending_returns_to_start() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("booth.json");
    let mut config = config_for(&demo);
    config.kiosk = Some(KioskConfig {
        status_file: Some(status.clone()),
        ..kiosk(Some(URL), Some("Booth Guest"))
    });
    let (mut h, clock) = kiosk_harness(&rt, config);
    h.run();
    assert!(
        h.query_by_label("Settings").is_none(),
        "no settings in a kiosk"
    );
    until_status(&mut h, &status, "attract");

    h.get_by_label("Start").click();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Booth Guest (you)");
    until_status(&mut h, &status, "in_meeting");
    let text = std::fs::read_to_string(&status).unwrap();
    assert!(
        !text.contains("Booth Guest") && !text.contains("UITEST01"),
        "no guest or meeting in the status file: {text}"
    );

    press_leave(&mut h);
    wait_for(&mut h, "Thank you");
    frames(&mut h);
    assert!(shows(&h, "Returning to start in 10 s — touch to stay"));
    for label in [
        "Copy diagnostics",
        "Export HAR…",
        "Save diagnostics…",
        "Rejoin",
    ] {
        assert!(
            h.query_by_label(label).is_none(),
            "{label} shown in a kiosk"
        );
    }
    clock.advance(Duration::from_secs(9));
    frames(&mut h);
    assert!(shows(&h, "Returning to start in 1 s"));
    clock.advance(Duration::from_secs(1));
    frames(&mut h);
    assert!(shows(&h, "Start"), "back at the attract screen");
    assert!(no_guest_left(&h));
    until_status(&mut h, &status, "attract");
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn idle_in_a_meeting_resets_and_wipes_the_name_and_chat() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut config = config_for(&demo);
    config.kiosk = Some(kiosk(Some(URL), None));
    let (mut h, clock) = kiosk_harness(&rt, config);
    h.run();
    h.get_by_label("Start").click();
    h.run();
    assert!(
        h.get_by_label("Your name").is_focused(),
        "only the name is asked"
    );
    assert!(
        h.query_by_label("Meeting link").is_none(),
        "the meeting is preset"
    );
    h.get_by_label("Your name").type_text("Grace Guest");
    h.run();
    h.get_by_label("Join").click();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Grace Guest (you)");
    wait_for(&mut h, "Welcome to the review");
    step_until(&mut h, "chat input enabled", Duration::from_secs(30), |h| {
        !h.get_by_label("Message").accesskit_node().is_disabled()
    });
    h.get_by_label("Message").focus();
    h.run();
    h.get_by_label("Message")
        .type_text("My account number is 1234");
    h.run();
    h.key_press(egui::Key::Enter);
    wait_for(&mut h, "delivered");
    assert_eq!(h.state().form_name(), "Grace Guest");

    clock.advance(Duration::from_secs(90));
    frames(&mut h);
    assert!(shows(&h, "Returning to start in 10 s — touch to stay"));
    clock.advance(Duration::from_secs(10));
    frames(&mut h);
    assert!(shows(&h, "Start"));
    assert!(no_guest_left(&h), "name, chat and roster are gone");
    for gone in ["Grace Guest", "My account number", "Ada Organizer"] {
        assert!(!shows(&h, gone), "{gone:?} still on screen");
    }
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn any_input_cancels_the_idle_countdown() {
    let rt = runtime();
    let config = Config {
        kiosk: Some(kiosk(Some(URL), None)),
        ..Config::default()
    };
    let (mut h, clock) = kiosk_harness(&rt, config);
    h.run();
    assert!(shows(&h, "Start"));
    clock.advance(Duration::from_secs(600));
    frames(&mut h);
    assert!(
        !shows(&h, "Returning to start"),
        "the attract screen does not count down"
    );

    h.get_by_label("Start").click();
    h.run();
    h.get_by_label("Your name").type_text("Grace");
    h.run();
    clock.advance(Duration::from_secs(89));
    frames(&mut h);
    assert!(!shows(&h, "Returning to start"), "not idle yet");
    clock.advance(Duration::from_secs(1));
    frames(&mut h);
    assert!(shows(&h, "Returning to start in 10 s"));

    // A touch anywhere keeps the guest on the screen, name and all.
    clock.advance(Duration::from_secs(5));
    let pos = egui::pos2(400.0, 900.0);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    frames(&mut h);
    assert!(!shows(&h, "Returning to start"));
    clock.advance(Duration::from_secs(30));
    frames(&mut h);
    assert!(
        !shows(&h, "Returning to start"),
        "the idle time starts again"
    );
    assert_eq!(h.state().form_name(), "Grace");
    assert!(h.query_by_label("Your name").is_some());

    // Left alone again: countdown, then the wipe.
    clock.advance(Duration::from_secs(60));
    frames(&mut h);
    assert!(shows(&h, "Returning to start in 10 s"));
    clock.advance(Duration::from_secs(10));
    frames(&mut h);
    assert!(shows(&h, "Start"));
    assert!(no_guest_left(&h));
}

#[test]
fn the_admin_chord_asks_for_the_pin_and_only_the_right_one_unlocks() {
    let rt = runtime();
    let config = Config {
        kiosk: Some(kiosk(Some(URL), None)),
        ..Config::default()
    };
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    assert!(h.query_by_label("PIN").is_none());
    let chord = egui::Modifiers {
        alt: true,
        ctrl: true,
        shift: true,
        ..egui::Modifiers::NONE
    };
    h.key_press_modifiers(chord, egui::Key::K);
    h.run();
    assert!(h.state().kiosk().unwrap().admin_open());
    assert!(h.get_by_label("PIN").is_focused());

    h.get_by_label("PIN").type_text("000000");
    h.run();
    h.get_by_label("Unlock").click();
    h.run();
    assert!(shows(&h, "Wrong PIN (1 of 3 attempts)."));
    assert!(h.query_by_label("Exit the app").is_none(), "still locked");
    assert!(!h.state().kiosk().unwrap().admin_unlocked());

    h.get_by_label("PIN").focus();
    h.run();
    h.get_by_label("PIN").type_text(PIN);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().kiosk().unwrap().admin_unlocked());
    h.get_by_label("Exit the app").click();
    h.run();
    assert!(h.state().kiosk().unwrap().exit_requested());
}

#[test]
fn a_kiosk_never_writes_the_config_file_and_reports_repeated_failures_calmly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let text = "[kiosk]\nenabled = true\nmeeting = \"https://meet.contoso.example/ada/UITEST01\"\n";
    std::fs::write(&path, text).unwrap();
    let init = guest_join::gui::init_from(guest_join::gui::GuiOptions {
        config: Some(path.clone()),
        ..Default::default()
    });
    let rt = runtime();
    let handle = rt.handle().clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(820.0, 1000.0))
        .build_eframe(move |cc| {
            GuestApp::new(
                &cc.egui_ctx,
                init,
                Backend::with_dialog(handle, Arc::new(FakeDialog::cancelling())),
            )
        });
    h.run();
    // The meeting does not exist in the built-in demo, so every call fails.
    let notice = "The meeting service is not reachable right now";
    for round in 1..=2 {
        assert!(!shows(&h, notice), "round {round}");
        h.get_by_label("Start").click();
        h.run();
        h.get_by_label("Your name").type_text("Grace Guest");
        h.run();
        h.get_by_label("Join").click();
        step_until(&mut h, "an ending", Duration::from_secs(30), |h| {
            h.state().phase().is_terminal()
        });
        assert!(shows(&h, "Sorry, the call could not be connected"));
        assert!(
            h.query_by_label_contains("GJ-").is_none(),
            "no error ids for guests"
        );
        h.get_by_label("Done").click();
        h.run();
        assert!(no_guest_left(&h));
    }
    assert!(
        shows(&h, notice),
        "two failures in a row are reported calmly"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_network_drop_shows_a_calm_reconnecting_screen_and_recovers() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut config = config_for(&demo);
    config.kiosk = Some(kiosk(Some(URL), Some("Booth Guest")));
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    h.get_by_label("Start").click();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Booth Guest (you)");
    let session = demo.control().applications()[0].session.clone();
    // Latency keeps the rejoin on screen for a while.
    demo.control().set_latency(Duration::from_millis(300));
    demo.control().drop_channel(&session, true).unwrap();
    wait_for(&mut h, "The connection dropped for a moment");
    assert!(h.query_by_label_contains("Error id").is_none());
    demo.control().set_latency(Duration::ZERO);
    step_until(
        &mut h,
        "back in the meeting",
        Duration::from_secs(30),
        // The reconnecting screen gone too: Leave is then where it stays.
        |h| {
            h.state().phase() == Phase::InMeeting
                && shows(h, "Booth Guest (you)")
                && !shows(h, "The connection dropped for a moment")
        },
    );
    press_leave(&mut h);
    wait_for(&mut h, "Thank you");
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn zoom_and_quit_keys_do_nothing_at_a_booth() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut config = config_for(&demo);
    config.kiosk = Some(kiosk(Some(URL), Some("Booth Guest")));
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    let zoom = h.ctx.zoom_factor();
    assert!(zoom >= 1.5, "a kiosk's text is large: {zoom}");
    for key in [
        egui::Key::Plus,
        egui::Key::Equals,
        egui::Key::Minus,
        egui::Key::Num0,
    ] {
        h.key_press_modifiers(egui::Modifiers::COMMAND, key);
        h.run();
        assert_eq!(h.ctx.zoom_factor(), zoom, "Ctrl+{key:?} changed the zoom");
    }
    assert!(h.ctx.options(|o| o.quit_shortcuts.is_empty()));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.run();
    assert!(shows(&h, "Start"), "still on the attract screen");
    drop(h);
    rt.block_on(demo.shutdown());
}
