//! UI tests of how a join or a meeting ends: denied in the lobby (and Rejoin), ended by the
//! organizer, removed by an organizer, the connection lost for good, and Leave while
//! reconnecting. (Left is in session.rs; removed for inactivity needs rejoin switched off, which
//! the window never does: its texts are unit-tested.)

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use guest_join::api::wire::Route;
use guest_join::emulator::{Fault, FaultBody, LobbyPolicy};
use guest_join::join::Phase;

use crate::support::*;

#[test]
fn removed_from_the_meeting_shows_why() {
    let mut j = joined(LobbyPolicy::Open);
    until_phase(&mut j.h, Phase::InMeeting);
    wait_for(&mut j.h, "Ada Guest (you)");
    j.demo.control().eject(URL, "Ada Guest").unwrap();
    wait_for(&mut j.h, "You were removed from the meeting");
    assert!(shows(&j.h, "An organizer removed you"));
    assert!(shows(&j.h, "Error id GJ-REMOVED"));
    j.close();
}

#[test]
fn a_connection_lost_for_good_ends_with_its_own_title() {
    let mut j = joined(LobbyPolicy::Open);
    until_phase(&mut j.h, Phase::InMeeting);
    wait_for(&mut j.h, "Ada Guest (you)");
    j.demo.control().add_fault(Fault::fail(
        Route::CreateApplication,
        1000,
        503,
        FaultBody::Ucwa,
    ));
    let app = j.demo.control().applications()[0].id.clone();
    j.demo.control().drop_channel(&app, true).unwrap();
    wait_for(&mut j.h, "Reconnecting… attempt");
    step_until(&mut j.h, "the failure", Duration::from_secs(60), |h| {
        shows(h, "The connection to the meeting was lost")
    });
    assert!(shows(&j.h, "Error id GJ-CONNECTION-LOST"));
    assert!(shows(&j.h, "Rejoin the meeting."));
    j.demo.control().clear_faults();
    j.close();
}

#[test]
fn leave_while_reconnecting_ends_the_session() {
    let mut j = joined(LobbyPolicy::Open);
    until_phase(&mut j.h, Phase::InMeeting);
    wait_for(&mut j.h, "Ada Guest (you)");
    j.demo.control().add_fault(Fault::fail(
        Route::CreateApplication,
        1000,
        503,
        FaultBody::Ucwa,
    ));
    let app = j.demo.control().applications()[0].id.clone();
    j.demo.control().drop_channel(&app, true).unwrap();
    wait_for(&mut j.h, "Reconnecting… attempt");
    press_leave(&mut j.h);
    wait_for(&mut j.h, "You left the meeting");
    assert!(j.h.query_by_label("Rejoin").is_some());
    j.demo.control().clear_faults();
    j.close();
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
