//! UI tests of the in-meeting view: the chat pane (greeting, sending with delivery, HTML shown
//! as plain text), the roster, and the view kept while reconnecting.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::emulator::{LobbyPolicy, MessageFormat};
use guest_join::join::Phase;

use crate::support::*;

fn input_enabled(h: &egui_kittest::Harness<'_, guest_join::gui::GuestApp>) -> bool {
    h.query_by_label("Message").is_some_and(|n| {
        n.accesskit_node().role() == Role::TextInput && !n.accesskit_node().is_disabled()
    })
}

#[test]
fn chat_pane_shows_the_greeting_sends_and_shows_html_as_plain_text() {
    let mut j = joined(LobbyPolicy::Open);
    until_phase(&mut j.h, Phase::InMeeting);
    // The scripted organizer's greeting arrives with its sender; the roster marks the guest.
    wait_for(&mut j.h, "Welcome to the review");
    assert!(
        j.h.query_all_by_label("Ada Organizer").count() >= 2,
        "the sender is named in the chat (and the roster)"
    );
    wait_for(&mut j.h, "Ada Guest (you)");
    step_until(
        &mut j.h,
        "chat input enabled",
        Duration::from_secs(30),
        input_enabled,
    );
    j.h.check_accessibility();

    // Type + Enter sends; the own message shows as delivered.
    j.h.get_by_label("Message").focus();
    j.h.run();
    j.h.get_by_label("Message").type_text("Hello everyone");
    j.h.run();
    j.h.key_press(egui::Key::Enter);
    wait_for(&mut j.h, "delivered");
    assert!(j.h.query_by_label("Hello everyone").is_some());
    assert!(j.h.query_by_label("You").is_some(), "own message marked");
    assert_eq!(
        j.h.get_by_label("Message").value().as_deref(),
        Some(""),
        "the input is emptied after sending"
    );

    // A message the meeting does not take says so, with the reason.
    j.demo.control().fail_deliveries(URL, 1).unwrap();
    j.h.get_by_label("Message").type_text("Second try");
    j.h.run();
    j.h.get_by_label("Send").click();
    wait_for(&mut j.h, "not delivered");
    assert!(j.h.query_by_label("Second try").is_some());

    // An HTML message is shown as its plain text.
    j.demo
        .control()
        .say_as(URL, "Bob Attendee", "<b>x</b>", MessageFormat::Html)
        .unwrap();
    step_until(&mut j.h, "the text x", Duration::from_secs(30), |h| {
        h.query_by_label("x").is_some()
    });
    assert!(!shows(&j.h, "<b>"));

    // Someone typing shows a typing line until they stop.
    j.demo
        .control()
        .set_typing(URL, "Bob Attendee", true)
        .unwrap();
    step_until(&mut j.h, "the typing line", Duration::from_secs(30), |h| {
        h.query_by_label("Bob Attendee is typing…").is_some()
    });
    j.demo
        .control()
        .set_typing(URL, "Bob Attendee", false)
        .unwrap();
    step_until(
        &mut j.h,
        "the typing line to go",
        Duration::from_secs(30),
        |h| h.query_by_label("Bob Attendee is typing…").is_none(),
    );
    j.close();
}

#[test]
fn reconnecting_keeps_the_meeting_view_and_comes_back() {
    let mut j = joined(LobbyPolicy::Open);
    until_phase(&mut j.h, Phase::InMeeting);
    wait_for(&mut j.h, "Welcome to the review");
    wait_for(&mut j.h, "Bob Attendee");
    let session = j.demo.control().applications()[0].session.clone();
    // Latency keeps the rejoin on screen for a while.
    j.demo.control().set_latency(Duration::from_millis(300));
    j.demo.control().drop_channel(&session, true).unwrap();
    wait_for(&mut j.h, "Reconnecting… attempt 1 of");
    // Roster and chat stay; the input is disabled.
    assert!(shows(&j.h, "Welcome to the review"));
    assert!(shows(&j.h, "Bob Attendee"));
    assert!(!input_enabled(&j.h));
    j.h.check_accessibility();
    j.demo.control().set_latency(Duration::ZERO);
    step_until(
        &mut j.h,
        "back in the meeting",
        Duration::from_secs(30),
        |h| h.state().phase() == Phase::InMeeting && !shows(h, "Reconnecting"),
    );
    assert!(shows(&j.h, "Connection good"));
    assert!(shows(&j.h, "Welcome to the review"));
    assert!(shows(&j.h, "Bob Attendee"));
    assert!(shows(&j.h, "Ada Guest (you)"));
    j.close();
}
