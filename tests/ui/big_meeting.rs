//! UI tests of the meeting view in a big meeting (250 people, a chat of 1,000 messages): Leave
//! and the message field in sight without scrolling, the roster's counts and find field, the
//! guest's own entry pinned, and "N new messages" while the chat is scrolled up.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::emulator::{LobbyPolicy, Role as MemberRole};
use guest_join::gui::GuestApp;
use guest_join::join::Phase;

use crate::support::*;

/// Whether the widget `label` (of `role`) lies wholly inside the window.
fn in_sight(h: &Harness<'_, GuestApp>, role: Role, label: &str) -> bool {
    let ppp = f64::from(h.ctx.pixels_per_point());
    let window = h.ctx.content_rect();
    let Some(node) = h.query_by_role_and_label(role, label) else {
        return false;
    };
    node.accesskit_node().bounding_box().is_some_and(|b| {
        b.y0 >= -1.0
            && b.x0 >= -1.0
            && b.y1 <= f64::from(window.height()) * ppp + 1.0
            && b.x1 <= f64::from(window.width()) * ppp + 1.0
    })
}

fn last_chat_line(j: &Joined) -> String {
    let meetings = j.demo.control().meetings();
    let m = meetings.iter().find(|m| m.join_url == URL).unwrap();
    m.chat.last().map(|l| l.text.clone()).unwrap_or_default()
}

/// Where the widget showing `text` is, in points.
fn centre_of(h: &Harness<'_, GuestApp>, text: &str) -> egui::Pos2 {
    let ppp = h.ctx.pixels_per_point();
    let b = h
        .get_by_label(text)
        .accesskit_node()
        .bounding_box()
        .unwrap();
    egui::pos2(
        (b.x0 + b.x1) as f32 / 2.0 / ppp,
        (b.y0 + b.y1) as f32 / 2.0 / ppp,
    )
}

#[test]
fn a_250_person_meeting_keeps_leave_in_sight_finds_people_and_counts_new_messages() {
    let mut j = joined(LobbyPolicy::Open);
    until_phase(&mut j.h, Phase::InMeeting);
    // The test meeting has an organizer and an attendee; with the guest and 247 more, 250.
    let added = j
        .demo
        .control()
        .add_participants(URL, 247, MemberRole::Attendee)
        .unwrap();
    assert_eq!(added, 247);
    wait_for(&mut j.h, "Participants (250)");
    wait_for(&mut j.h, "1 organizer");
    assert!(shows(&j.h, "249 attendees"), "the guest is an attendee");
    step_until(&mut j.h, "chat available", Duration::from_secs(30), |h| {
        h.query_by_label("Message")
            .is_some_and(|n| !n.accesskit_node().is_disabled())
    });
    j.demo.control().say_many(URL, 1000).unwrap();
    let last = last_chat_line(&j);
    wait_for(&mut j.h, &last);

    // Leave, the message field and Send are on screen; so is the guest's own entry.
    assert!(in_sight(&j.h, Role::Button, "Leave"), "Leave in sight");
    assert!(
        in_sight(&j.h, Role::TextInput, "Message"),
        "message field in sight"
    );
    assert!(in_sight(&j.h, Role::Button, "Send"), "Send in sight");
    assert!(shows(&j.h, "Ada Guest (you)"), "own entry pinned");
    // Only what is on screen is laid out: of the 63 messages that start this way, a few.
    let laid_out =
        j.h.query_all_by_label_contains("Good morning, everyone.")
            .count();
    assert!(
        laid_out < 10,
        "{laid_out} of 63: the chat is not virtualised"
    );

    // The find field finds a participant from the middle of the list (out of sight, and not
    // among the chat's latest speakers), typed in capitals.
    let meetings = j.demo.control().meetings();
    let m = meetings.iter().find(|m| m.join_url == URL).unwrap();
    let far = m.participants[m.participants.len() / 2].name.clone();
    assert!(
        !shows(&j.h, &far),
        "{far} is far down the list, not laid out"
    );
    type_into(&mut j.h, "Find a participant", &far.to_uppercase());
    wait_for(&mut j.h, &far);
    assert!(shows(&j.h, "Ada Guest (you)"), "own entry stays");
    type_into(&mut j.h, "Find a participant", "zzzz");
    wait_for(&mut j.h, "Nobody in the meeting matches “zzzz”.");
    j.h.get_by_label("Find a participant").focus();
    j.h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    j.h.key_press(egui::Key::Backspace);
    j.h.run();
    wait_for(&mut j.h, "Organizers (1)");

    // Scrolled up, new messages are counted on a button that goes back to the end.
    let over_chat = centre_of(&j.h, &last);
    for _ in 0..5 {
        wheel_at(&mut j.h, over_chat, 2000.0);
        // The wheel scrolls smoothly, over a few frames.
        j.h.run_steps(8);
    }
    assert!(!shows(&j.h, &last), "scrolled away from the end");
    assert!(!shows(&j.h, "new message"), "nothing new yet");
    j.demo.control().say_many(URL, 3).unwrap();
    wait_for(&mut j.h, "3 new messages ↓");
    let newest = last_chat_line(&j);
    assert!(
        !shows(&j.h, &newest),
        "the list stays where the guest is reading"
    );
    j.h.get_by_label("3 new messages ↓").click();
    wait_for(&mut j.h, &newest);
    step_until(&mut j.h, "the button gone", Duration::from_secs(10), |h| {
        !shows(h, "new message")
    });
    // At the end again, the list follows new messages by itself.
    j.demo.control().say_many(URL, 1).unwrap();
    let next = last_chat_line(&j);
    wait_for(&mut j.h, &next);
    assert!(!shows(&j.h, "new message"));
    j.h.check_accessibility();

    press_leave(&mut j.h);
    until_phase(&mut j.h, Phase::Left);
    j.close();
}

/// A 250-person meeting with a chat of 300 messages in `h`, joined as `name`.
fn fill(j_demo: &guest_join::demo::Demo, h: &mut Harness<'static, GuestApp>, name: &str) {
    until_phase(h, Phase::InMeeting);
    j_demo
        .control()
        .add_participants(URL, 247, MemberRole::Attendee)
        .unwrap();
    wait_for(h, "(250)");
    step_until(h, "chat available", Duration::from_secs(30), |h| {
        h.query_by_label("Message")
            .is_some_and(|n| !n.accesskit_node().is_disabled())
    });
    j_demo.control().say_many(URL, 300).unwrap();
    let meetings = j_demo.control().meetings();
    let last = meetings[0].chat.last().unwrap().text.clone();
    wait_for(h, &last);
    assert!(shows(h, &format!("{name} (you)")), "own entry pinned");
}

#[test]
fn at_the_smallest_window_and_on_a_kiosk_leave_and_the_message_field_stay_in_sight() {
    // The window at its minimum size (420 × 420), parts one above the other.
    let mut j = joined(LobbyPolicy::Open);
    j.h.set_size(egui::vec2(420.0, 420.0));
    fill(&j.demo, &mut j.h, "Ada Guest");
    assert!(in_sight(&j.h, Role::Button, "Leave"), "Leave in sight");
    assert!(
        in_sight(&j.h, Role::TextInput, "Message"),
        "message field in sight"
    );
    assert!(in_sight(&j.h, Role::Button, "Send"), "Send in sight");
    let problems = layout_problems(&j.h);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    press_leave(&mut j.h);
    until_phase(&mut j.h, Phase::Left);
    j.close();

    // A kiosk booth, with its larger text.
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Open);
    let config = guest_join::config::Config {
        kiosk: Some(crate::kiosk::kiosk(Some(URL), Some("Booth Guest"))),
        ..config_for(&demo)
    };
    let (mut h, _clock) = crate::kiosk::kiosk_harness(&rt, config);
    h.run();
    h.get_by_role_and_label(Role::Button, "Start").click();
    h.step();
    fill(&demo, &mut h, "Booth Guest");
    assert!(
        in_sight(&h, Role::Button, "Leave"),
        "Leave in sight on the kiosk"
    );
    assert!(
        in_sight(&h, Role::TextInput, "Message"),
        "message field in sight"
    );
    let problems = layout_problems(&h);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    press_leave(&mut h);
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}
