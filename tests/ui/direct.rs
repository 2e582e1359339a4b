//! UI tests of the direct mode (flow B): the built-in demo's Skype for Business Server
//! stand-in chosen in the form, the offer to join directly for a link that is not on a known
//! Online host, the failure when guests may not join, and a direct profile saved from Settings.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::config::{Config, Profile};
use guest_join::demo::{
    DIRECT_LOBBY_MEETING_URL, DIRECT_NO_GUESTS_MEETING_URL, DIRECT_OPEN_MEETING_URL,
};
use guest_join::gui::{AppInit, GuestApp};
use guest_join::join::{FailureKind, Phase};

use crate::support::*;

const DEMO_DIRECT: &str = "Built-in demo — Skype for Business Server (direct)";
const OFFER: &str = "This meeting is not on Skype for Business Online.";

fn selected(h: &Harness<'_, GuestApp>, label: &str) -> bool {
    h.get_by_role_and_label(Role::RadioButton, label)
        .accesskit_node()
        .toggled()
        .is_some_and(|t| t == egui::accesskit::Toggled::True)
}

/// Steps of the ended screen's timeline, by label and state ("Autodiscover — done").
fn step_row(h: &Harness<'_, GuestApp>, step: &str, state: &str) -> bool {
    shows(h, &format!("{step} — {state}"))
}

#[test]
fn the_demo_server_joined_directly_gets_into_the_meeting() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    h.get_by_role_and_label(Role::RadioButton, DEMO_DIRECT)
        .click();
    h.run();
    assert!(selected(&h, DEMO_DIRECT));
    type_into(&mut h, "Meeting link", DIRECT_OPEN_MEETING_URL);
    assert!(
        !shows(&h, OFFER),
        "no offer when the choice is direct already"
    );
    type_into(&mut h, "Your name", "Gus Guest");
    assert!(join_button_enabled(&h));
    h.get_by_role_and_label(Role::Button, "Join").click();
    step_until(&mut h, "the meeting", Duration::from_secs(40), |h| {
        h.state().phase() == Phase::InMeeting
    });
    wait_for(&mut h, "Gus Guest (you)");
    press_leave(&mut h);
    wait_for(&mut h, "You left the meeting");
    // The timeline is the direct flow's: autodiscover and the web ticket, no service application.
    assert!(step_row(&h, "Autodiscover", "done"));
    assert!(step_row(&h, "Web ticket", "done"));
    assert!(step_row(&h, "In meeting", "done"));
    assert!(!shows(&h, "Service application —") && !shows(&h, "Discovery —"));
}

#[test]
fn a_server_link_offers_the_direct_mode_and_joins_through_the_lobby() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    // An Online link: no offer.
    type_into(
        &mut h,
        "Meeting link",
        "https://meet.lync.com/contoso/ada/X1",
    );
    assert!(!shows(&h, OFFER));
    assert!(h.query_by_label("Join directly").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Meeting link")
        .type_text(DIRECT_LOBBY_MEETING_URL);
    h.run();
    assert!(shows(&h, OFFER));
    assert!(selected(&h, "Built-in demo"), "still the service flow");
    type_into(&mut h, "Your name", "Gus Guest");
    // Pressed by its label, as assistive technology would (Tab + Enter: the next test).
    h.get_by_role_and_label(Role::Button, "Join directly")
        .click();
    h.run();
    assert!(
        selected(&h, DEMO_DIRECT),
        "the demo's own meeting goes to its stand-in"
    );
    assert!(!shows(&h, OFFER), "no offer once direct");
    h.get_by_role_and_label(Role::Button, "Join").click();
    step_until(&mut h, "the lobby", Duration::from_secs(40), |h| {
        h.state().phase() == Phase::InLobby
    });
    // The organizer lets guests in after about 3 s.
    step_until(&mut h, "the meeting", Duration::from_secs(40), |h| {
        h.state().phase() == Phase::InMeeting
    });
    wait_for(&mut h, "Lobby demo meeting");
    press_leave(&mut h);
    wait_for(&mut h, "You left the meeting");
    assert!(step_row(&h, "Lobby", "done"));
    assert!(step_row(&h, "Web ticket", "done"));
}

#[test]
fn the_offer_is_reachable_with_the_keyboard() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    assert!(h.get_by_label("Meeting link").is_focused());
    h.get_by_label("Meeting link")
        .type_text("sip:ada@fabrikam.example;gruu;opaque=app:conf:focus:id:X1");
    h.run();
    assert!(
        shows(&h, OFFER),
        "a conference address, which flow A refuses"
    );
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::Button, "Join directly")
            .is_focused(),
        "Tab from the link reaches the button"
    );
    h.key_press(egui::Key::Enter);
    h.run();
    // Not a demo meeting: the ad-hoc direct mode (autodiscover at lyncdiscover.<domain>).
    let own = "Your organisation's Skype for Business Server (direct)";
    assert!(selected(&h, own));
    assert!(
        h.get_by_label("Your name").is_focused(),
        "the keyboard stays in the form"
    );
    assert!(!shows(&h, OFFER));
    assert!(
        !shows(&h, "sip:"),
        "no message under the link: the address is valid for the direct mode"
    );
}

#[test]
fn a_server_without_guest_access_ends_on_its_failure_screen() {
    let rt = runtime();
    let mut h = harness(&rt, AppInit::with_config(Config::default()));
    h.run();
    h.get_by_role_and_label(Role::RadioButton, DEMO_DIRECT)
        .click();
    h.run();
    type_into(&mut h, "Meeting link", DIRECT_NO_GUESTS_MEETING_URL);
    type_into(&mut h, "Your name", "Gus Guest");
    h.get_by_role_and_label(Role::Button, "Join").click();
    step_until(&mut h, "the failure", Duration::from_secs(40), |h| {
        h.state().phase() == Phase::Failed
    });
    let title = FailureKind::AnonymousJoinDisabled.title();
    wait_for(&mut h, &title);
    assert_eq!(
        h.state().failure().map(|f| f.kind),
        Some(FailureKind::AnonymousJoinDisabled)
    );
}

#[test]
fn settings_save_a_direct_profile() {
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
    type_into(&mut h, "Name", "Fabrikam Server");
    assert!(h.query_by_label("Token URL").is_some());
    assert!(h.query_by_label("Autodiscover URL (optional)").is_none());
    h.get_by_role_and_label(Role::RadioButton, "Skype for Business Server (direct)")
        .click();
    h.run();
    assert!(
        h.query_by_label("Token URL").is_none(),
        "service fields hidden"
    );
    assert!(
        h.query_by_label("Service key variable (optional)")
            .is_none()
    );
    type_into(
        &mut h,
        "Autodiscover URL (optional)",
        "http://lyncdiscover.fabrikam.example/",
    );
    assert!(shows(&h, "must use https://"), "inline validation");
    h.get_by_label("Save").click();
    h.run();
    assert!(shows(&h, "Fix the marked fields"));
    h.get_by_label("Autodiscover URL (optional)").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Autodiscover URL (optional)")
        .type_text("https://lyncdiscover.fabrikam.example/");
    h.run();
    h.get_by_label("Save").click();
    step_until(&mut h, "the saved file", Duration::from_secs(10), |_| {
        std::fs::read_to_string(&path).is_ok_and(|t| t.contains("Fabrikam"))
    });
    h.run();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("kind = \"direct\""), "{text}");
    assert!(!text.contains("token_url"), "{text}");
    let saved = guest_join::config::load(&path);
    assert!(saved.error.is_none(), "{:?}", saved.error);
    assert_eq!(
        saved.config.profiles,
        vec![Profile::direct(
            "Fabrikam Server",
            Some("https://lyncdiscover.fabrikam.example/")
        )]
    );
    // Back on the form, the profile is offered with its kind and chosen.
    let label = "Fabrikam Server — Skype for Business Server (direct)";
    assert!(selected(&h, label));
}
