//! Layout in long and wide-glyph languages: at the window's minimum size (420 × 420) and at the
//! kiosk's text size, in German (usually the longest), Japanese and the pseudo-language (40 %
//! longer than English), no text is cut off at the window's edges and no two texts overlap, on
//! the form (with its messages), Settings, the lobby, the meeting and an ending; on the kiosk,
//! its attract, name, lobby, ending and staff screens.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use guest_join::config::Config;
use guest_join::emulator::LobbyPolicy;
use guest_join::gui::{AppInit, Backend, GuestApp};
use guest_join::i18n::{Language, Tr};
use guest_join::join::Phase;
use guest_join::t;

use crate::support::*;

/// The window's minimum size (`gui::native_options`).
const MIN: egui::Vec2 = egui::vec2(420.0, 420.0);

fn tr_for(tag: &str) -> Tr {
    if tag == "pseudo" {
        Tr::pseudo()
    } else {
        Tr::for_language(&Language::matching(tag).unwrap())
    }
}

fn check(h: &Harness<'_, GuestApp>, what: &str) {
    // Scrolled content passes under the header panel, clipped there: the accessibility tree
    // still gives a half-hidden widget its whole rectangle, so overlaps with the header's own
    // texts are not overlaps on screen.
    let tr = h.state().tr().clone();
    let header = [
        "guest-join".to_string(),
        t!(tr, "app-tagline"),
        t!(tr, "settings-button"),
    ];
    let problems: Vec<String> = layout_problems(h)
        .into_iter()
        .filter(|p| {
            !(p.contains(" overlaps ") && header.iter().any(|t| p.contains(&format!("{t:?}"))))
        })
        .collect();
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

/// Turn the mouse wheel over the middle of the window (`dy` < 0 scrolls down).
fn wheel(h: &mut Harness<'_, GuestApp>, dy: f32) {
    let middle = h.ctx.content_rect().center();
    wheel_at(h, middle, dy);
    h.run();
}

fn labels(h: &Harness<'_, GuestApp>) -> Vec<String> {
    use egui_kittest::kittest::NodeT as _;
    h.root()
        .children_recursive()
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

/// Check the screen from top to bottom, scrolling down until nothing new comes into view,
/// then back to the top.
fn check_all(h: &mut Harness<'_, GuestApp>, what: &str) {
    check(h, what);
    for _ in 0..30 {
        let before = labels(h);
        wheel(h, -120.0);
        check(h, what);
        if labels(h) == before {
            break;
        }
    }
    for _ in 0..30 {
        wheel(h, 400.0);
    }
}

/// Scroll until the widget labelled `label` is in view (a small window shows part of a screen).
fn reveal(h: &mut Harness<'_, GuestApp>, label: &str) {
    for _ in 0..30 {
        if h.query_by_label(label).is_some() {
            return;
        }
        wheel(h, -120.0);
    }
    panic!("{label:?} never came into view: {:?}", labels(h));
}

fn small_window(
    rt: &tokio::runtime::Runtime,
    config: Config,
    tag: &str,
) -> Harness<'static, GuestApp> {
    let handle = rt.handle().clone();
    let tr = tr_for(tag);
    let mut h = Harness::builder().with_size(MIN).build_eframe(move |cc| {
        GuestApp::new(
            &cc.egui_ctx,
            AppInit::with_config(config),
            Backend::with_dialog(handle, std::sync::Arc::new(FakeDialog::cancelling())),
        )
    });
    h.state_mut().set_language(tr);
    h.run();
    h
}

fn window_at_min_size(tag: &str) {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Manual);
    with_phone(&demo);
    let mut h = small_window(&rt, config_for(&demo), tag);
    let tr = tr_for(tag);
    check_all(&mut h, &format!("{tag}: the form"));
    let (link, name) = (t!(tr, "form-meeting-link"), t!(tr, "form-your-name"));
    reveal(&mut h, &link);
    type_into(&mut h, &link, "sip:ada@contoso.com");
    reveal(&mut h, &name);
    h.get_by_label(&name).focus();
    h.key_press(egui::Key::Enter);
    h.run();
    check_all(&mut h, &format!("{tag}: the form with messages"));
    h.get_by_role_and_label(Role::Button, &t!(tr, "settings-button"))
        .click();
    h.run();
    h.run();
    check_all(&mut h, &format!("{tag}: Settings"));
    // Esc closes Settings (the button is at the bottom of a long screen).
    h.key_press(egui::Key::Escape);
    h.run();
    reveal(&mut h, &link);
    type_into(&mut h, &link, URL);
    reveal(&mut h, &name);
    type_into(&mut h, &name, "Ada Guest");
    reveal(&mut h, &t!(tr, "form-join"));
    h.get_by_role_and_label(Role::Button, &t!(tr, "form-join"))
        .click();
    until_phase(&mut h, Phase::InLobby);
    h.run();
    check_all(&mut h, &format!("{tag}: the lobby"));
    demo.control().admit(URL, Some("Ada Guest")).unwrap();
    until_phase(&mut h, Phase::InMeeting);
    h.run();
    check_all(&mut h, &format!("{tag}: the meeting"));
    demo.control().end_meeting(URL).unwrap();
    until_phase(&mut h, Phase::Failed);
    h.run();
    check_all(&mut h, &format!("{tag}: the meeting ended"));
    drop(h);
    until_deleted(None, &demo);
    rt.block_on(demo.shutdown());
}

#[test]
fn german_fits_the_smallest_window() {
    window_at_min_size("de");
}

#[test]
fn japanese_fits_the_smallest_window() {
    window_at_min_size("ja");
}

#[test]
fn the_pseudo_language_fits_the_smallest_window() {
    window_at_min_size("pseudo");
}

fn kiosk_at_its_text_size(tag: &str) {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Manual);
    let mut cfg = crate::kiosk::kiosk(Some(URL), None);
    cfg.languages = [
        "en", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "ja", "zh-CN",
    ]
    .map(String::from)
    .to_vec();
    cfg.language = Some(if tag == "pseudo" {
        "en".into()
    } else {
        tag.into()
    });
    let config = Config {
        kiosk: Some(cfg),
        ..config_for(&demo)
    };
    let (mut h, clock) = crate::kiosk::kiosk_harness(&rt, config);
    let tr = tr_for(tag);
    h.state_mut().set_language(tr.clone());
    h.run();
    check(
        &h,
        &format!("{tag}: the attract screen with ten language buttons"),
    );
    h.get_by_role_and_label(Role::Button, &t!(tr, "kiosk-start"))
        .click();
    h.run();
    h.run();
    check(&h, &format!("{tag}: the name screen"));
    type_into(&mut h, &t!(tr, "form-your-name"), "Ada Guest");
    h.get_by_role_and_label(Role::Button, &t!(tr, "kiosk-join"))
        .click();
    until_phase(&mut h, Phase::InLobby);
    h.run();
    check(&h, &format!("{tag}: the lobby"));
    demo.control().deny(URL, Some("Ada Guest")).unwrap();
    until_phase(&mut h, Phase::Failed);
    h.run();
    check(&h, &format!("{tag}: the ending"));
    clock.advance(std::time::Duration::from_secs(1));
    crate::kiosk::frames(&mut h);
    let problems: Vec<String> = layout_problems(&h)
        .into_iter()
        // The countdown floats over the screen by design (see kiosk::views::countdown).
        .filter(|p| !p.contains("overlaps"))
        .collect();
    assert!(
        problems.is_empty(),
        "{tag}: the countdown:\n{}",
        problems.join("\n")
    );
    crate::kiosk_admin::chord(&mut h);
    h.run();
    check(&h, &format!("{tag}: the staff prompt"));
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn a_german_kiosk_fits_at_its_text_size() {
    kiosk_at_its_text_size("de");
}

#[test]
fn a_japanese_kiosk_fits_at_its_text_size() {
    kiosk_at_its_text_size("ja");
}

#[test]
fn a_pseudo_language_kiosk_fits_at_its_text_size() {
    kiosk_at_its_text_size("pseudo");
}
