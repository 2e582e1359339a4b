//! UI tests of the join form: the Join button waits for valid input, inline messages for bad
//! links and names, a pasted invitation gives its link, and the first run offers the built-in
//! demo.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use guest_join::config::Config;
use guest_join::gui::AppInit;
use guest_join::join::Phase;

use crate::support::*;

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
    press_leave(&mut h);
    wait_for(&mut h, "You left the meeting");
}

/// `guest-join 'lync15:confjoin?url=…'` (what the join page launches) fills the link and waits
/// for a name and Join; a foreign link only gets the field's message.
#[test]
fn a_launch_link_fills_the_form_and_waits_for_join() {
    let rt = runtime();
    let demo = start_env(&rt, guest_join::emulator::LobbyPolicy::Open);
    let encoded: String = url::form_urlencoded::byte_serialize(URL.as_bytes()).collect();
    let init = AppInit {
        link: Some(guest_join::join::LaunchLink::parse(&format!(
            "lync15:confjoin?url={encoded}"
        ))),
        ..AppInit::with_config(config_for(&demo))
    };
    let mut h = harness(&rt, init);
    for _ in 0..5 {
        h.run();
    }
    assert_eq!(h.get_by_label("Meeting link").value().as_deref(), Some(URL));
    assert!(
        h.get_by_label("Your name").is_focused(),
        "the name comes next"
    );
    assert_eq!(h.state().phase(), Phase::Idle, "nothing joins by itself");
    h.get_by_label("Your name").type_text("Ada Guest");
    h.run();
    h.key_press(egui::Key::Enter);
    until_phase(&mut h, Phase::InMeeting);
    press_leave(&mut h);
    drop(h);
    until_deleted(None, &demo);

    let init = AppInit {
        link: Some(guest_join::join::LaunchLink::parse(
            "mailto:ada@contoso.com",
        )),
        ..AppInit::with_config(config_for(&demo))
    };
    let mut h = harness(&rt, init);
    h.run();
    assert!(shows(&h, "This does not look like a link"));
    assert!(!join_button_enabled(&h));
    drop(h);
    rt.block_on(demo.shutdown());
}
