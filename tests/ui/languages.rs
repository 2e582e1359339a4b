//! UI tests of the guest's language and script: the demo meeting joined in German and in
//! Japanese (labels, the culture sent, a participant named in Chinese characters, Korean,
//! Greek and Cyrillic), the glyphs of names in those scripts, and a kiosk guest's language
//! choice that the next guest does not inherit.
//!
//! The scripts need the system's fonts: CI installs Noto CJK (the machine's DejaVu covers Greek
//! and Cyrillic beyond the built-in font). kittest panics on a glyph no font has, so any
//! missing glyph fails these tests.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use guest_join::config::Config;
use guest_join::emulator::{LobbyPolicy, Role as MeetingRole, ScriptedParticipant};
use guest_join::gui::{AppInit, GuestApp};
use guest_join::i18n::{Language, Tr};
use guest_join::join::Phase;
use guest_join::t;

use crate::support::*;

const NAMES: [&str; 4] = ["山田太郎", "김민준", "Ελένη", "Дмитрий"];

fn tr(tag: &str) -> Tr {
    Tr::for_language(&Language::matching(tag).expect("a shipped language"))
}

/// The app joins the test meeting with the form's labels in `tag`'s language.
fn join_in(tag: &str, name: &str) -> Joined {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    for n in NAMES {
        demo.control()
            .add_participant(
                URL,
                ScriptedParticipant::new(n, MeetingRole::Attendee, None),
            )
            .unwrap();
    }
    let init = AppInit {
        language: Some(tag.into()),
        ..AppInit::with_config(config_for(&demo))
    };
    let mut h = harness(&rt, init);
    let tr = tr(tag);
    h.run();
    type_into(&mut h, &t!(tr, "form-meeting-link"), URL);
    type_into(&mut h, &t!(tr, "form-your-name"), name);
    h.get_by_role_and_label(Role::Button, &t!(tr, "form-join"))
        .click();
    h.step();
    Joined { rt, demo, h }
}

fn has_glyphs(h: &egui_kittest::Harness<'_, GuestApp>, text: &str) -> bool {
    let font = egui::FontId::proportional(14.0);
    h.ctx
        .fonts_mut(|f| text.chars().all(|c| f.has_glyph(&font, c)))
}

#[test]
fn joins_the_demo_meeting_in_german() {
    let mut j = join_in("de", "Jörg Gast");
    let de = tr("de");
    until_phase(&mut j.h, Phase::InMeeting);
    wait_for(&mut j.h, &t!(de, "roster-you", name = "Jörg Gast"));
    assert!(shows(&j.h, &t!(de, "chat-title")));
    assert!(shows(&j.h, &t!(de, "meeting-connection-good")));
    assert!(shows(&j.h, "Teilnehmer"), "the roster's title is German");
    assert!(
        j.h.query_by_label(&t!(de, "meeting-leave")).is_some(),
        "Leave is German"
    );
    let apps = j.demo.control().applications();
    assert_eq!(apps[0].culture, "de-DE", "the culture follows the language");
    press_leave_labelled(&mut j.h, &t!(de, "meeting-leave"));
    wait_for(&mut j.h, &t!(de, "ended-left"));
    j.close();
}

#[test]
fn joins_in_japanese_with_names_in_four_scripts() {
    let mut j = join_in("ja", "佐藤花子");
    let ja = tr("ja");
    until_phase(&mut j.h, Phase::InMeeting);
    wait_for(&mut j.h, &t!(ja, "roster-you", name = "佐藤花子"));
    for n in NAMES {
        wait_for(&mut j.h, n);
        assert!(has_glyphs(&j.h, n), "{n} has glyphs");
    }
    assert!(shows(&j.h, &t!(ja, "chat-title")));
    assert_eq!(j.demo.control().applications()[0].culture, "ja-JP");
    press_leave_labelled(&mut j.h, &t!(ja, "meeting-leave"));
    wait_for(&mut j.h, &t!(ja, "ended-left"));
    j.close();
}

#[test]
fn names_in_four_scripts_have_glyphs_in_an_english_window() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    for n in NAMES {
        assert!(has_glyphs(&h, n), "{n}: no font has its glyphs");
    }
    // Typed into the name field, they are drawn (kittest panics on a missing glyph).
    type_into(&mut h, "Your name", "山田太郎 김민준");
    h.run();
}

#[test]
fn a_kiosk_guest_picks_a_language_and_the_next_guest_sees_the_default() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut cfg = crate::kiosk::kiosk(Some(URL), None);
    cfg.languages = vec!["en".into(), "de".into(), "ja".into(), "tr".into()];
    cfg.language = Some("en".into());
    let config = Config {
        kiosk: Some(cfg),
        ..config_for(&demo)
    };
    let (mut h, _clock) = crate::kiosk::kiosk_harness(&rt, config);
    h.run();
    let (en, de) = (tr("en"), tr("de"));
    assert!(shows(&h, &t!(en, "kiosk-welcome")));
    // Each language in its own name; one the app has no messages for is left out.
    for name in ["English", "Deutsch", "日本語"] {
        assert!(
            h.query_by_role_and_label(Role::Button, name).is_some(),
            "{name}"
        );
    }
    assert_eq!(h.state().kiosk().unwrap().languages().len(), 3);
    h.get_by_role_and_label(Role::Button, "Deutsch").click();
    h.run();
    h.run();
    assert!(
        shows(&h, &t!(de, "kiosk-welcome")),
        "the attract screen is German"
    );
    h.get_by_role_and_label(Role::Button, &t!(de, "kiosk-start"))
        .click();
    h.run();
    h.run();
    assert!(shows(&h, &t!(de, "kiosk-your-name-title")));
    // The guest walks away: Back resets the booth, and the next guest sees English again.
    h.get_by_role_and_label(Role::Button, &t!(de, "kiosk-back"))
        .click();
    h.run();
    h.run();
    assert!(shows(&h, &t!(en, "kiosk-welcome")), "the default is back");
    assert_eq!(h.state().tr().language().tag(), "en");
    drop(h);
    rt.block_on(demo.shutdown());
}

/// Scripts egui cannot shape (Arabic, Hebrew, Devanagari) show as far as egui allows: their
/// letters unjoined, left to right, or boxes where the system has no font. They must never
/// break the layout or crash, and a screen reader still gets the name as written.
#[test]
fn unshaped_scripts_never_break_the_meeting_view() {
    const UNSHAPED: [&str; 3] = ["محمد علي", "דוד כהן", "राहुल शर्मा"];
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    for n in UNSHAPED {
        demo.control()
            .add_participant(
                URL,
                ScriptedParticipant::new(n, MeetingRole::Attendee, None),
            )
            .unwrap();
    }
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    // Boxes, not a panic, for a script the machine has no font for (Devanagari here).
    h.ctx
        .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    fill_and_join(&mut h, URL, "Ada Guest");
    until_phase(&mut h, Phase::InMeeting);
    for n in UNSHAPED {
        wait_for(&mut h, n);
    }
    let problems = layout_problems(&h);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    press_leave(&mut h);
    drop(h);
    until_deleted(None, &demo);
    rt.block_on(demo.shutdown());
}
