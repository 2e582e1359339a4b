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
            ..MeetingPhone::default()
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
    assert!(shows(
        &h,
        "This app carries the meeting's chat, and its sound by phone"
    ));
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

// ---- "call me" ----

use egui::accesskit::Role;
use guest_join::api::wire::Route;
use guest_join::emulator::{DialOut, PhoneOutcome, PhoneScript};

fn with_call_me(dial_out: DialOut, after_ms: u64) -> MeetingSpec {
    MeetingSpec {
        phone: MeetingPhone {
            dial_in: Some(DialIn::sample()),
            dial_out,
            script: PhoneScript {
                outcome: PhoneOutcome::Answer,
                after_ms,
                hang_up_after_ms: None,
            },
        },
        ..meeting(LobbyPolicy::Open)
    }
}

fn press(h: &mut egui_kittest::Harness<'_, guest_join::gui::GuestApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.step();
}

fn add_phone_audio_requests(demo: &guest_join::demo::Demo) -> usize {
    demo.control()
        .journal()
        .iter()
        .filter(|j| j.route == Route::AddPhoneAudio)
        .count()
}

// Long on purpose: one guest from a mistyped number to hanging up and joining again.
#[test]
fn call_me_checks_the_number_rings_connects_hangs_up_and_remembers_it() {
    let rt = runtime();
    let demo = rt.block_on(crate::common::start(crate::common::test_config(vec![
        with_call_me(DialOut::Allowed, 400),
    ])));
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    fill_and_join(&mut h, URL, "Ada Guest");
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Have the meeting call your phone");
    assert!(shows(
        &h,
        "This app carries the meeting's chat, and its sound by phone"
    ));
    h.check_accessibility();

    // A mistyped number is caught here and never reaches the meeting.
    type_into(&mut h, "Your phone number", "call me maybe");
    press(&mut h, "Call me");
    wait_for(&mut h, "A phone number has only digits");
    type_into(&mut h, "Your phone number", "12");
    press(&mut h, "Call me");
    wait_for(&mut h, "This is not a phone number that can be called");
    assert_eq!(add_phone_audio_requests(&demo), 0);

    type_into(&mut h, "Your phone number", "+1 425 555 0100");
    h.get_by_label("Remember this number on this computer")
        .click();
    h.run();
    press(&mut h, "Call me");
    wait_for(
        &mut h,
        "Calling +1 ••• ••• 00… Answer your phone to hear the meeting.",
    );
    wait_for(
        &mut h,
        "Your phone is connected: you hear the meeting on it.",
    );
    assert!(shows(&h, "on the phone"), "the roster says so");
    assert_eq!(add_phone_audio_requests(&demo), 1);
    assert_eq!(
        demo.control().phone(URL).unwrap().1[0].number,
        "+14255550100"
    );
    press(&mut h, "Hang up");
    wait_for(&mut h, "The phone call has ended.");
    assert_eq!(demo.control().phone(URL).unwrap().1[0].state, "stopped");

    // Leave and join again: the ticked number is there.
    press_leave(&mut h);
    until_phase(&mut h, Phase::Left);
    wait_for(&mut h, "Rejoin");
    press(&mut h, "Rejoin");
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Have the meeting call your phone");
    assert_eq!(
        h.get_by_label("Your phone number").value().as_deref(),
        Some("+14255550100")
    );
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn a_refused_call_says_why_with_the_codes() {
    let rt = runtime();
    let demo = rt.block_on(crate::common::start(crate::common::test_config(vec![
        with_call_me(DialOut::RefusedAtOnce, 100),
    ])));
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    fill_and_join(&mut h, URL, "Ada Guest");
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Have the meeting call your phone");
    type_into(&mut h, "Your phone number", "+1 425 555 0100");
    press(&mut h, "Call me");
    wait_for(&mut h, "This meeting does not call guests' phones.");
    assert!(shows(&h, "Details: HTTP 403, Forbidden/DialoutNotAllowed"));
    assert!(h.query_by_label("Hang up").is_none());
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn a_kiosk_calls_its_handset_with_one_button_and_only_when_set() {
    let rt = runtime();
    let demo = rt.block_on(crate::common::start(crate::common::test_config(vec![
        with_call_me(DialOut::Allowed, 100),
    ])));
    let mut config = config_for(&demo);
    config.kiosk = Some(guest_join::config::KioskConfig {
        call_me: true,
        call_me_number: Some("+1 425 555 0100".into()),
        ..kiosk(Some(URL), Some("Booth Guest"))
    });
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    h.get_by_label("Start").click();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Call the phone at this booth");
    assert!(h.query_by_label("Your phone number").is_none(), "no field");
    assert!(!shows(&h, "Remember this number"), "never remembered");
    press(&mut h, "Call the phone at this booth");
    wait_for(
        &mut h,
        "Your phone is connected: you hear the meeting on it.",
    );
    assert_eq!(
        demo.control().phone(URL).unwrap().1[0].number,
        "+14255550100"
    );
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());

    // Without `call_me`, a booth offers no call.
    let demo = rt.block_on(crate::common::start(crate::common::test_config(vec![
        with_call_me(DialOut::Allowed, 100),
    ])));
    let mut config = config_for(&demo);
    config.kiosk = Some(kiosk(Some(URL), Some("Booth Guest")));
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    h.get_by_label("Start").click();
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Listen by phone");
    assert!(!shows(&h, "Have the meeting call your phone"));
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}
