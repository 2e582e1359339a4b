//! UI tests of the kiosk's staff side and failures: Settings after the right PIN (applied to
//! this run, never written, relocked on close, a longer idle time while open), and a service
//! that cannot be reached ending calmly on the attract screen.

use std::sync::Arc;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use guest_join::api::wire::Route;
use guest_join::config::kiosk_pin::PinHash;
use guest_join::config::{Config, KioskConfig, Profile};
use guest_join::gui::kiosk::{ManualClock, SETTINGS_IDLE_SECS, SharedClock};
use guest_join::gui::{Backend, GuestApp};

use crate::kiosk::{PIN, frames, kiosk, kiosk_harness, no_guest_left};
use crate::support::*;

const RUN_ONLY: &str = "Changes last until the app restarts; edit the config file to keep them.";

/// A kiosk started from a config file, the way the binary starts it.
fn from_file(
    rt: &tokio::runtime::Runtime,
    path: &std::path::Path,
) -> (Harness<'static, GuestApp>, Arc<ManualClock>) {
    let init = guest_join::gui::init_from(guest_join::gui::GuiOptions {
        config: Some(path.to_path_buf()),
        ..Default::default()
    });
    let clock = Arc::new(ManualClock::new());
    let shared = SharedClock(clock.clone());
    let handle = rt.handle().clone();
    let h = Harness::builder()
        .with_size(egui::vec2(820.0, 1000.0))
        .build_eframe(move |cc| {
            let mut app = GuestApp::new(
                &cc.egui_ctx,
                init,
                Backend::with_dialog(handle, Arc::new(FakeDialog::cancelling())),
            );
            app.set_kiosk_clock(shared);
            app
        });
    (h, clock)
}

pub(crate) fn chord(h: &mut Harness<'_, GuestApp>) {
    let m = egui::Modifiers {
        alt: true,
        ctrl: true,
        shift: true,
        ..egui::Modifiers::NONE
    };
    h.key_press_modifiers(m, egui::Key::K);
    h.run();
}

fn unlock(h: &mut Harness<'_, GuestApp>) {
    chord(h);
    assert!(h.state().kiosk().unwrap().admin_open());
    h.get_by_label("PIN").type_text(PIN);
    h.run();
    h.get_by_label("Unlock").click();
    h.run();
    assert!(h.state().kiosk().unwrap().admin_unlocked());
}

/// Settings scroll at the kiosk's text size: bring the button into view, then press it.
fn click_below(h: &mut Harness<'_, GuestApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn kiosk_file(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let path = dir.join("config.toml");
    let text = format!(
        "text_scale = 1.0\n\n[kiosk]\nenabled = true\nmeeting = \"{URL}\"\n\
         admin_pin_hash = \"{}\"\n",
        PinHash::new(PIN)
    );
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn the_right_pin_opens_settings_for_this_run_only_and_done_relocks() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = kiosk_file(dir.path());
    let rt = runtime();
    let (mut h, _clock) = from_file(&rt, &path);
    h.run();
    unlock(&mut h);
    for label in ["Settings", "Exit the app", "Back"] {
        assert!(h.query_by_label(label).is_some(), "{label} offered");
    }
    h.get_by_label("Settings").click();
    h.run();
    assert!(h.state().kiosk_in_settings());
    assert!(shows(&h, RUN_ONLY));
    for label in ["Import…", "Export…", "Import config…", "Export config…"] {
        assert!(h.query_by_label(label).is_none(), "{label} in a kiosk");
    }

    h.get_by_role_and_label(Role::Slider, "Text size")
        .set_value_accesskit(2.0);
    h.run();
    click_below(&mut h, "Light");
    click_below(&mut h, "Save");
    assert_eq!(h.state().config().text_scale, 2.0, "applied to this run");
    assert!(
        (h.ctx.zoom_factor() - 2.0).abs() < 1e-3,
        "the new size shows"
    );
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Light
    );
    assert!(!h.state().kiosk_in_settings());
    assert!(shows(&h, "Start"), "back at the attract screen");
    assert!(!h.state().kiosk().unwrap().admin_open(), "relocked");

    chord(&mut h);
    assert!(h.query_by_label("PIN").is_some(), "the PIN is asked again");
    assert!(h.query_by_label("Settings").is_none());
    h.get_by_label("Close").click();
    h.run();

    // Settings closed without saving relocks too, and keeps the run's size at least 1.5.
    unlock(&mut h);
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_role_and_label(Role::Slider, "Text size")
        .set_value_accesskit(0.75);
    h.run();
    click_below(&mut h, "Back without saving");
    assert_eq!(h.state().config().text_scale, 2.0);
    assert!(!h.state().kiosk().unwrap().admin_open());
    drop(h);
    drop(rt);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "never written"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["config.toml"], "no other file beside it");
}

#[test]
fn settings_wait_longer_before_the_countdown_and_the_reset_relocks() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = kiosk_file(dir.path());
    let rt = runtime();
    let (mut h, clock) = from_file(&rt, &path);
    h.run();
    unlock(&mut h);
    h.get_by_label("Settings").click();
    h.run();
    let idle = KioskConfig::default().idle_secs;
    assert!(idle < SETTINGS_IDLE_SECS);
    clock.advance(Duration::from_secs(idle));
    frames(&mut h);
    assert!(h.state().kiosk().unwrap().countdown_secs().is_none());
    assert!(h.state().kiosk_in_settings(), "an operator is working");

    clock.advance(Duration::from_secs(SETTINGS_IDLE_SECS - idle));
    frames(&mut h);
    assert!(shows(&h, "Returning to start in 10 s — touch to stay"));
    clock.advance(Duration::from_secs(10));
    frames(&mut h);
    assert!(shows(&h, "Start"));
    assert!(!h.state().kiosk_in_settings());
    assert!(!h.state().kiosk().unwrap().admin_open(), "relocked");
}

#[test]
fn settings_wait_for_the_call_to_end() {
    let rt = runtime();
    let demo = start_env(&rt, guest_join::emulator::LobbyPolicy::Open);
    let mut config = config_for(&demo);
    config.kiosk = Some(kiosk(Some(URL), Some("Booth Guest")));
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    h.get_by_label("Start").click();
    until_phase(&mut h, guest_join::join::Phase::InMeeting);
    unlock(&mut h);
    assert!(shows(&h, "Settings open when no call is running."));
    h.get_by_label("Settings").click();
    h.run();
    assert!(!h.state().kiosk_in_settings());
    assert_eq!(h.state().phase(), guest_join::join::Phase::InMeeting);
    h.get_by_label("Back").click();
    h.run();
    press_leave(&mut h);
    wait_for(&mut h, "Thank you");
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn an_unreachable_service_ends_calmly_back_on_the_attract_screen() {
    let closed = crate::common::closed_port();
    let config = Config {
        profiles: vec![Profile::service(
            "Test service",
            &format!("http://{closed}/GetAnonTokenJob"),
            None,
        )],
        kiosk: Some(kiosk(Some(URL), Some("Booth Guest"))),
        ..Config::default()
    };
    let rt = runtime();
    let (mut h, clock) = kiosk_harness(&rt, config);
    h.run();
    let notice = "The meeting service is not reachable right now";
    for round in 1..=2 {
        assert!(!shows(&h, notice), "round {round}");
        h.get_by_label("Start").click();
        step_until(&mut h, "an ending", Duration::from_secs(60), |h| {
            h.state().phase().is_terminal()
        });
        frames(&mut h);
        assert!(shows(&h, "Sorry, the call could not be connected"));
        assert!(h.query_by_label_contains("GJ-").is_none(), "no error ids");
        assert!(h.query_by_label_contains("127.0.0.1").is_none());
        assert!(shows(&h, "Returning to start in 10 s — touch to stay"));
        // Nobody touches the screen: the booth goes back by itself.
        clock.advance(Duration::from_secs(10));
        frames(&mut h);
        assert!(shows(&h, "Start"), "round {round}");
        assert!(no_guest_left(&h));
    }
    assert!(shows(&h, notice), "two failures in a row are reported");
}

/// A booth on a Skype for Business Server (direct) profile: one press joins the preset meeting
/// through autodiscover and a web ticket, and the ending returns to the start.
#[test]
fn a_booth_on_a_direct_profile_joins_with_one_press() {
    let rt = runtime();
    let demo = rt.block_on(crate::common::start(guest_join::emulator::EmulatorConfig {
        on_prem: Some(guest_join::emulator::OnPremConfig::default()),
        ..crate::common::test_config(vec![meeting(guest_join::emulator::LobbyPolicy::Open)])
    }));
    let lyncdiscover = demo.emulator().lyncdiscover_url().unwrap();
    let config = Config {
        origin: Some(crate::common::ORIGIN.to_string()),
        profiles: vec![Profile::direct("Test service", Some(lyncdiscover.as_str()))],
        kiosk: Some(kiosk(Some(URL), Some("Booth Guest"))),
        ..Config::default()
    };
    let (mut h, clock) = kiosk_harness(&rt, config);
    h.run();
    h.get_by_label("Start").click();
    until_phase(&mut h, guest_join::join::Phase::InMeeting);
    wait_for(&mut h, "Booth Guest (you)");
    let journal = demo.control().journal();
    assert!(
        journal.iter().any(|j| j.route == Route::Webticket),
        "{journal:?}"
    );
    assert!(!journal.iter().any(|j| j.route == Route::AnonTokens));
    press_leave(&mut h);
    wait_for(&mut h, "Thank you");
    clock.advance(Duration::from_secs(10));
    frames(&mut h);
    assert!(shows(&h, "Start"));
    assert!(no_guest_left(&h));
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}
