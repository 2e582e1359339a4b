//! UI tests of "Listen by phone": the dial-in panel in the lobby (open) and the meeting
//! (as the guest left it; folded when joined straight in), one-click copy of a number ready for a phone, the kiosk's large numbers without
//! copy or web link, and no panel for a meeting without dial-in.

use egui_kittest::kittest::Queryable as _;

use guest_join::emulator::{DialIn, LobbyPolicy, MeetingPhone, MeetingSpec};
use guest_join::gui::AppInit;
use guest_join::join::Phase;

use crate::kiosk::{kiosk, kiosk_harness};
use crate::support::*;

fn with_dial_in(policy: LobbyPolicy) -> MeetingSpec {
    MeetingSpec {
        phone: MeetingPhone {
            dial_in: Some(DialIn::sample_with_provider()),
        },
        ..meeting(policy)
    }
}

#[test]
fn the_lobby_and_the_meeting_show_the_numbers_and_copy_one_for_a_phone() {
    let rt = runtime();
    let demo = rt.block_on(crate::common::start(crate::common::test_config(vec![
        with_dial_in(LobbyPolicy::Manual),
    ])));
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    fill_and_join(&mut h, URL, "Ada Guest");
    until_phase(&mut h, Phase::InLobby);
    wait_for(&mut h, "Listen by phone");
    wait_for(&mut h, "Berlin (main number)");
    assert!(shows(&h, "+49 30 23125100"), "grouped for reading");
    assert!(shows(&h, "Redmond"));
    assert!(shows(&h, "+1 425-555-0123"));
    assert!(shows(&h, "Conference ID: 1298 3487"));
    assert!(shows(&h, "When asked, enter the conference ID and then #."));
    assert!(h.query_by_label("Find a local number").is_some());
    assert!(shows(&h, "The meeting's audio conference service"));
    assert!(shows(&h, "Free call"));
    assert!(shows(&h, "Passcode: 4477 120"));
    h.check_accessibility();

    // One click copies the main number with the conference ID; its button says so.
    h.get_all_by_label("Copy").next().unwrap().click();
    h.run();
    assert!(shows(&h, "Copied"));
    let copied = h
        .state()
        .session_view()
        .and_then(|v| v.dial_in_copied.clone());
    assert_eq!(copied.as_deref(), Some("+493023125100,,12983487#"));

    // In the meeting the panel stays as the guest left it, and folds away.
    demo.control().admit(URL, None).unwrap();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Participants (");
    assert!(shows(&h, "Berlin (main number)"));
    h.get_by_label("Listen by phone").click();
    h.run();
    assert!(shows(&h, "Listen by phone"));
    assert!(!shows(&h, "Berlin (main number)"), "folded");
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn a_meeting_without_dial_in_has_no_panel() {
    let Joined { rt, demo, mut h } = joined(LobbyPolicy::Open);
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Participants (");
    assert!(!shows(&h, "Listen by phone"));
    assert!(shows(&h, "This app carries the meeting's chat only"));
    Joined { rt, demo, h }.close();
}

#[test]
fn a_kiosk_shows_the_numbers_large_with_nothing_to_copy_or_open() {
    let rt = runtime();
    let demo = rt.block_on(crate::common::start(crate::common::test_config(vec![
        with_dial_in(LobbyPolicy::Open),
    ])));
    let mut config = config_for(&demo);
    config.kiosk = Some(kiosk(Some(URL), Some("Booth Guest")));
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    h.get_by_label("Start").click();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Berlin (main number)");
    assert!(shows(&h, "Conference ID: 1298 3487"), "open on a kiosk");
    assert!(h.query_by_label("Copy").is_none(), "nothing to copy");
    assert!(
        h.query_by_label("Find a local number").is_none(),
        "no web link on a booth"
    );
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}
