//! UI tests of how a meeting ends: removed by an organizer, the connection lost for good, and
//! Leave while reconnecting. (Left and meeting ended are in ui.rs; removed for inactivity
//! needs rejoin switched off, which the window never does: its texts are unit-tested.)

use std::time::Duration;

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
    j.h.get_by_label("Leave").click();
    wait_for(&mut j.h, "You left the meeting");
    assert!(j.h.query_by_label("Rejoin").is_some());
    j.demo.control().clear_faults();
    j.close();
}
