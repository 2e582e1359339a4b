//! UI tests of what reaches a guest whose window is behind others, and of links handed over by
//! a second launch: the window title, desktop notifications (recorded here) and their off
//! switch, and the question before a call is left for a new link. Focus is taken away through
//! the viewport info, as the desktop does.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::accesskit::{Live, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::emulator::LobbyPolicy;
use guest_join::gui::notifier::{Notice, Notify};
use guest_join::gui::session::BackendMsg;
use guest_join::gui::{AppInit, GuestApp};
use guest_join::join::Phase;
use guest_join::single_instance::Handover;

use crate::kiosk::{kiosk, kiosk_harness};
use crate::support::*;

/// Notices kept instead of shown.
#[derive(Default)]
struct Recorded(Mutex<Vec<Notice>>);

impl Notify for Recorded {
    fn notify(&self, notice: Notice) {
        self.0.lock().unwrap().push(notice);
    }
}

impl Recorded {
    fn summaries(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|n| n.summary.clone())
            .collect()
    }
}

fn set_focused(h: &mut Harness<'_, GuestApp>, focused: bool) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .focused = Some(focused);
    h.step();
}

fn hand_over(h: &mut Harness<'_, GuestApp>, link: &str) {
    h.state().ui_sender().send(BackendMsg::Handover(Handover {
        link: Some(link.into()),
        ..Handover::default()
    }));
    h.step();
    h.step();
}

const OTHER: &str = "https://meet.contoso.example/bob/OTHER001";

#[test]
fn title_and_notices_follow_the_call_while_the_window_is_behind_others() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Manual);
    let notices = Arc::new(Recorded::default());
    let mut h = harness_with_notifier(
        &rt,
        AppInit::with_config(config_for(&demo)),
        notices.clone(),
    );
    h.run();
    assert_eq!(h.state().window_title(), "guest-join");
    fill_and_join(&mut h, URL, "Ada Guest");
    until_phase(&mut h, Phase::InLobby);
    step_until(&mut h, "the lobby title", Duration::from_secs(10), |h| {
        h.state().window_title() == "Waiting in the lobby — guest-join"
    });

    // The guest turns to another window; the organizer lets them in and greets them.
    set_focused(&mut h, false);
    demo.control().admit(URL, None).unwrap();
    until_phase(&mut h, Phase::InMeeting);
    step_until(
        &mut h,
        "the greeting's notice",
        Duration::from_secs(30),
        |_| {
            notices
                .summaries()
                .iter()
                .any(|s| s.starts_with("Message from "))
        },
    );
    let summaries = notices.summaries();
    assert_eq!(summaries[0], "You are in the meeting", "{summaries:?}");
    let admitted = notices.0.lock().unwrap()[0].body.clone();
    assert!(admitted.starts_with("You were let into "), "{admitted}");
    let unread = h.state().attention_unread();
    assert!(unread >= 1, "the greeting is unread");
    let title = h.state().window_title().to_string();
    assert!(
        title.starts_with(&format!("({unread}) In the meeting — "))
            && title.ends_with(" — guest-join"),
        "{title}"
    );

    // Back in the window: the count goes.
    set_focused(&mut h, true);
    h.step();
    assert!(
        !h.state().window_title().starts_with('('),
        "{}",
        h.state().window_title()
    );

    // Removed while away: a notice says so, in the ending's own words.
    set_focused(&mut h, false);
    demo.control().eject(URL, "Ada Guest").unwrap();
    until_phase(&mut h, Phase::Failed);
    h.step();
    let last = notices.summaries().last().cloned().unwrap_or_default();
    assert_eq!(last, "You were removed from the meeting");
    assert_eq!(
        h.state().window_title(),
        "You were removed from the meeting — guest-join"
    );
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn notifications_switched_off_leave_only_the_title() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut config = config_for(&demo);
    config.notifications = false;
    let notices = Arc::new(Recorded::default());
    let mut h = harness_with_notifier(&rt, AppInit::with_config(config), notices.clone());
    fill_and_join(&mut h, URL, "Ada Guest");
    until_phase(&mut h, Phase::InMeeting);
    wait_for(&mut h, "Welcome to the review");
    // Screen readers hear the admission and each new message (polite live regions).
    // (AccessKit's `live` is the node's own, else its nearest ancestor's.)
    let live = |h: &Harness<'_, GuestApp>, label: &str| {
        h.get_by_label_contains(label).accesskit_node().live() == Live::Polite
    };
    assert!(live(&h, "You are in the meeting as Ada Guest"));
    // The window says what it carries (UCWA gives third-party clients no sound or video).
    assert!(shows(
        &h,
        "This app carries the meeting's chat, and its sound by phone"
    ));
    assert!(live(&h, "Welcome to the review"));
    assert_eq!(
        h.get_by_role_and_label(Role::Button, "Leave")
            .accesskit_node()
            .live(),
        Live::Off,
        "not the whole window"
    );
    set_focused(&mut h, false);
    demo.control()
        .say(URL, "Ada Organizer", "Are you there?")
        .unwrap();
    step_until(&mut h, "the unread count", Duration::from_secs(30), |h| {
        h.state().window_title().starts_with("(1) ")
    });
    assert!(notices.summaries().is_empty(), "{:?}", notices.summaries());
    set_focused(&mut h, true);
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn a_handed_over_link_fills_the_form_or_waits_for_the_guests_answer() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut h = harness(&rt, AppInit::with_config(config_for(&demo)));
    h.run();
    assert!(shows(
        &h,
        "This app carries the meeting's chat, and its sound by phone"
    ));
    // On the form: filled at once, nothing joins.
    hand_over(&mut h, &format!("lync15:confjoin?url={URL}"));
    assert_eq!(h.state().form().meeting, URL);
    assert_eq!(h.state().phase(), Phase::Idle);
    assert!(h.query_by_label("Open the new meeting link?").is_none());
    h.get_by_label("Your name").type_text("Ada Guest");
    h.run();
    h.get_by_role_and_label(Role::Button, "Join").click();
    until_phase(&mut h, Phase::InMeeting);

    // In the meeting: a question first; Stay keeps the call and drops the link.
    hand_over(&mut h, OTHER);
    wait_for(&mut h, "Open the new meeting link?");
    assert!(h.state().handover_pending());
    assert!(
        h.query_by_label_contains(OTHER).is_some(),
        "the new link is shown"
    );
    h.get_by_label("Stay in this meeting").click();
    h.run();
    assert!(!h.state().handover_pending());
    assert_eq!(h.state().phase(), Phase::InMeeting);
    assert_eq!(h.state().form().meeting, URL);

    // Again, and Esc answers Stay too (it never cancels the call behind the question).
    hand_over(&mut h, OTHER);
    wait_for(&mut h, "Open the new meeting link?");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().handover_pending());
    assert_eq!(h.state().phase(), Phase::InMeeting);

    // Leave and open: the call is left (the meeting told), the form holds the new link.
    hand_over(&mut h, OTHER);
    wait_for(&mut h, "Open the new meeting link?");
    h.get_by_label("Leave and open the link").click();
    // One frame takes the click (the leaving session's events may keep later frames coming).
    h.step();
    assert_eq!(h.state().phase(), Phase::Idle);
    assert_eq!(h.state().form().meeting, OTHER);
    until_deleted(Some(&mut h), &demo);
    wait_for(
        &mut h,
        "You left the meeting; the meeting service was told.",
    );
    drop(h);
    rt.block_on(demo.shutdown());
}

#[test]
fn a_kiosk_ignores_handed_over_links() {
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let mut config = config_for(&demo);
    config.kiosk = Some(kiosk(Some(URL), Some("Visitor")));
    let (mut h, _clock) = kiosk_harness(&rt, config);
    h.run();
    let before = h.state().form().meeting.clone();
    hand_over(&mut h, OTHER);
    assert_eq!(h.state().form().meeting, before);
    assert!(!h.state().handover_pending());
    assert_eq!(h.state().window_title(), "guest-join");
    drop(h);
    rt.block_on(demo.shutdown());
}
