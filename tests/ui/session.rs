//! UI tests of a session from the form to the end: the whole join through the timeline, the
//! lobby and the meeting to Leave; Cancel, Escape and closing the window mid-join, each of which
//! deletes the application.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::emulator::{LobbyPolicy, Role as PRole, ScriptedParticipant};
use guest_join::gui::AppInit;
use guest_join::join::Phase;

use crate::support::*;

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
    assert!(
        shows(&h, "Waiting for 0 s") || shows(&h, "Waiting for 1 s"),
        "the time waited"
    );
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
    assert!(shows(&h, "Connection good"));
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

    press_leave(&mut h);
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
