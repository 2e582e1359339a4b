//! Pseudo-localisation: the window and the kiosk walked in the test-only pseudo-language, in
//! which every message is wrapped in `⟦…⟧`, accented and 40 % longer. A visible text without
//! the brackets that is not the meeting's own data (names, subject, chat, links, the example
//! values the fields suggest) came from the code, not a message file; a text reaching past the
//! window's right edge is cut off. Both fail.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::config::Config;
use guest_join::emulator::LobbyPolicy;
use guest_join::gui::{AppInit, GuestApp};
use guest_join::i18n::Tr;
use guest_join::join::Phase;
use guest_join::t;

use crate::support::*;

/// Text that is the meeting's or the user's own, or an example value, not a message.
const DATA: [&str; 18] = [
    "guest-join",
    // Dial-in regions, as the meeting names them.
    "Redmond",
    "Berlin",
    "Ada Guest",
    "Ada Organizer",
    "Bob Attendee",
    "Quarterly review",
    "Welcome to the review",
    "Test service",
    "meet.contoso.example",
    "system",
    "Contoso",
    "CONTOSO_SERVICE_KEY",
    ".corp.example, 10.0.0.0/8",
    "/etc/ssl/company-ca.pem",
    "en-US",
    "Hello",
    "English",
];

fn is_data(text: &str) -> bool {
    DATA.contains(&text)
        || text.contains("://")
        // Numbers, times and durations (a time of day may carry its AM/PM).
        || !text.replace("AM", "").replace("PM", "").chars().any(char::is_alphabetic)
        // The languages' own names (Settings) are each language's own words, by design.
        || Tr::available().iter().any(|l| l.own_name() == text)
}

/// Every text on screen is wrapped (or data) and ends inside the window.
fn check_screen(h: &Harness<'_, GuestApp>, screen: &str) {
    // Bounds are in physical pixels.
    let width = h.ctx.content_rect().width() * h.ctx.pixels_per_point();
    let mut problems = Vec::new();
    let mut seen = 0;
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        // A wrapped label's lines; the label itself carries the whole text.
        if n.role() == Role::TextRun {
            continue;
        }
        let texts: Vec<String> = [n.label(), n.value().filter(|_| n.role() != Role::TextInput)]
            .into_iter()
            .flatten()
            .filter(|t| !t.trim().is_empty())
            .collect();
        for text in texts {
            seen += 1;
            if !text.contains('⟦') && !is_data(&text) {
                problems.push(format!("not from a message file: {text:?}"));
            }
            if let Some(b) = n.bounding_box()
                && (b.x1 > f64::from(width) + 1.0 || b.x0 < -1.0)
            {
                problems.push(format!(
                    "cut off ({:.0}..{:.0} of {width}): {text:?}",
                    b.x0, b.x1
                ));
            }
        }
    }
    assert!(seen > 3, "{screen}: almost nothing on screen");
    assert!(problems.is_empty(), "{screen}:\n{}", problems.join("\n"));
}

fn pseudo(h: &mut Harness<'_, GuestApp>) -> Tr {
    let tr = Tr::pseudo();
    h.state_mut().set_language(tr.clone());
    h.run();
    tr
}

#[test]
fn the_window_is_all_messages_in_the_pseudo_language() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Manual);
    with_phone(&demo);
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    let tr = pseudo(&mut h);
    check_screen(&h, "the form, empty");

    // A bad link and an empty name show their messages.
    type_into(&mut h, &t!(tr, "form-meeting-link"), "sip:ada@contoso.com");
    h.get_by_label(&t!(tr, "form-your-name")).focus();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(shows(&h, &t!(tr, "link-sip-uri")));
    check_screen(&h, "the form with messages");

    // Settings.
    h.get_by_role_and_label(Role::Button, &t!(tr, "settings-button"))
        .click();
    h.run();
    h.run();
    check_screen(&h, "Settings");
    h.get_by_role_and_label(Role::Button, &t!(tr, "settings-back"))
        .click();
    h.run();

    // Joining, the lobby, the meeting, the end.
    type_into(&mut h, &t!(tr, "form-meeting-link"), URL);
    type_into(&mut h, &t!(tr, "form-your-name"), "Ada Guest");
    h.get_by_role_and_label(Role::Button, &t!(tr, "form-join"))
        .click();
    h.step();
    check_screen(&h, "joining");
    until_phase(&mut h, Phase::InLobby);
    h.run();
    check_screen(&h, "the lobby");
    demo.control().admit(URL, Some("Ada Guest")).unwrap();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Welcome to the review");
    check_screen(&h, "the meeting");
    for _ in 0..5 {
        h.get_by_role_and_label(Role::Button, &t!(tr, "meeting-leave"))
            .click();
        // Leaving repaints as the session's last events arrive; how many frames that takes
        // depends on the machine, so this only steps (the phase below is what is waited for).
        h.run_steps(4);
        if h.state().phase() != Phase::InMeeting {
            break;
        }
    }
    until_phase(&mut h, Phase::Left);
    h.run();
    check_screen(&h, "the end (left)");
    drop(h);
    until_deleted(None, &demo);
    rt.block_on(demo.shutdown());
}

/// Join the test meeting from the form, in the pseudo-language.
fn pseudo_join(h: &mut Harness<'_, GuestApp>, tr: &Tr) {
    type_into(h, &t!(tr, "form-meeting-link"), URL);
    type_into(h, &t!(tr, "form-your-name"), "Ada Guest");
    h.get_by_role_and_label(Role::Button, &t!(tr, "form-join"))
        .click();
}

#[test]
fn the_failure_endings_are_all_messages_in_the_pseudo_language() {
    use guest_join::join::FailureKind;
    // Not let in at all.
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Locked);
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    let tr = pseudo(&mut h);
    pseudo_join(&mut h, &tr);
    until_phase(&mut h, Phase::Failed);
    h.run();
    check_screen(&h, "a join that was not allowed");
    drop(h);
    rt.block_on(demo.shutdown());

    // Removed by an organizer, then (after Rejoin) the meeting ended.
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    let tr = pseudo(&mut h);
    pseudo_join(&mut h, &tr);
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Ada Guest");
    demo.control().eject(URL, "Ada Guest").unwrap();
    until_phase(&mut h, Phase::Failed);
    h.run();
    assert_eq!(
        h.state().failure().map(|f| f.kind),
        Some(FailureKind::Removed)
    );
    check_screen(&h, "removed from the meeting");
    h.get_by_role_and_label(Role::Button, &t!(tr, "ended-rejoin"))
        .click();
    until_phase(&mut h, Phase::InMeeting);
    demo.control().end_meeting(URL).unwrap();
    until_phase(&mut h, Phase::Failed);
    h.run();
    assert_eq!(
        h.state().failure().map(|f| f.kind),
        Some(FailureKind::MeetingEnded)
    );
    check_screen(&h, "the meeting ended");
    drop(h);
    until_deleted(None, &demo);
    rt.block_on(demo.shutdown());
}

#[test]
fn the_kiosk_is_all_messages_in_the_pseudo_language() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Manual);
    let mut cfg = crate::kiosk::kiosk(Some(URL), None);
    cfg.languages = vec!["en".into(), "de".into()];
    let config = Config {
        kiosk: Some(cfg),
        ..config_for(&demo)
    };
    let (mut h, clock) = crate::kiosk::kiosk_harness(&rt, config);
    let tr = pseudo(&mut h);
    check_screen(&h, "the attract screen");
    h.get_by_role_and_label(Role::Button, &t!(tr, "kiosk-start"))
        .click();
    h.run();
    h.run();
    check_screen(&h, "the name screen");
    type_into(&mut h, &t!(tr, "form-your-name"), "Ada Guest");
    h.get_by_role_and_label(Role::Button, &t!(tr, "kiosk-join"))
        .click();
    until_phase(&mut h, Phase::InLobby);
    h.run();
    check_screen(&h, "the kiosk's lobby");
    demo.control().deny(URL, Some("Ada Guest")).unwrap();
    until_phase(&mut h, Phase::Failed);
    h.run();
    check_screen(&h, "the kiosk's ending");
    // The countdown back to the start.
    clock.advance(std::time::Duration::from_secs(1));
    crate::kiosk::frames(&mut h);
    check_screen(&h, "the countdown");
    // The staff prompt.
    crate::kiosk_admin::chord(&mut h);
    h.run();
    check_screen(&h, "the staff prompt");
    drop(h);
    rt.block_on(demo.shutdown());
}
