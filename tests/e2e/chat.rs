//! Chat in the meeting against the emulator: both ways, HTML and base64 bodies, oversize and
//! hostile messages, delivery failure, typing, and chat surviving a rejoin.

use guest_join::api::wire::Route;
use guest_join::emulator::{LobbyPolicy, MessageFormat};
use guest_join::join::status::{Delivery, JoinEvent};
use guest_join::join::{Phase, SessionControl};

use crate::common::binary::{json_lines, run_binary, stdout};
use crate::common::{self, Recorder, received};

const URL: &str = "https://meet.contoso.example/ada/CHAT1234";

fn config() -> guest_join::emulator::EmulatorConfig {
    common::test_config(vec![common::meeting(
        URL,
        "Chat",
        LobbyPolicy::Open,
        Some("Hello guest"),
    )])
}

fn deliveries(rec: &Recorder) -> Vec<bool> {
    rec.events()
        .iter()
        .filter_map(|e| match e {
            JoinEvent::ChatDelivery { delivered, .. } => Some(*delivered),
            _ => None,
        })
        .collect()
}

async fn chatting(
    demo: &guest_join::demo::Demo,
) -> (
    Recorder,
    SessionControl,
    tokio::task::JoinHandle<guest_join::join::JoinStatus>,
) {
    let (rec, control, session) = common::spawn(common::request(demo, URL, "Gus"));
    common::until(&rec, "chat", |evs| {
        evs.iter()
            .any(|e| matches!(e, JoinEvent::ChatAvailable { available: true }))
    })
    .await;
    common::until(&rec, "the greeting", |_| {
        received(&rec).iter().any(|(_, t)| t == "Hello guest")
    })
    .await;
    (rec, control, session)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chat_both_ways_plain_html_and_base64() {
    let demo = common::start(config()).await;
    let (rec, control, session) = chatting(&demo).await;
    assert_eq!(
        received(&rec)[0],
        ("Ada Organizer".to_string(), "Hello guest".to_string())
    );

    control.send_chat("Hi, plain text here");
    common::until(&rec, "delivery", |_| deliveries(&rec) == vec![true]).await;
    assert!(
        demo.control().meetings()[0]
            .chat
            .iter()
            .any(|l| l.from == "Gus" && l.text == "Hi, plain text here")
    );

    let html = "<b>Bold</b> <script>alert('x')</script>and <i>nested <u>tags</u></i> &amp; more";
    demo.control()
        .say_as(URL, "Bob Attendee", html, MessageFormat::Html)
        .unwrap();
    demo.control()
        .say_as(
            URL,
            "Bob Attendee",
            "<p>line one</p><p>line two</p>",
            MessageFormat::HtmlBase64,
        )
        .unwrap();
    common::until(&rec, "both HTML messages", |_| received(&rec).len() == 3).await;
    let got = received(&rec);
    assert_eq!(
        got[1],
        (
            "Bob Attendee".to_string(),
            "Bold and nested tags & more".to_string()
        )
    );
    assert_eq!(got[2].1, "line one\nline two");

    demo.control()
        .say(URL, "Bob Attendee", &"y".repeat(100 * 1024))
        .unwrap();
    common::until(&rec, "the long message", |_| received(&rec).len() == 4).await;
    let long = &received(&rec)[3].1;
    assert!(
        long.ends_with("(message shortened)") && long.chars().count() < 9_000,
        "{} chars",
        long.chars().count()
    );

    control.leave();
    let status = session.await.unwrap();
    assert!(status.failure.is_none());
    assert_eq!(status.chat.len(), 5);
    assert_eq!(status.chat[1].delivery, Delivery::Delivered);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_delivery_is_shown_and_typing_is_sent() {
    let demo = common::start(config()).await;
    let (rec, control, session) = chatting(&demo).await;
    demo.control().fail_deliveries(URL, 1).unwrap();
    control.send_chat("this one is lost");
    control.send_chat("this one arrives");
    common::until(&rec, "two outcomes", |_| deliveries(&rec).len() == 2).await;
    assert_eq!(deliveries(&rec), vec![false, true]);
    control.typing();
    control.typing();
    common::until(&rec, "a typing notice", |_| {
        demo.control()
            .journal()
            .iter()
            .any(|j| j.route == Route::Typing && j.status == 204)
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    let delivery: Vec<Delivery> = status
        .chat
        .iter()
        .filter(|l| l.outgoing)
        .map(|l| l.delivery)
        .collect();
    assert_eq!(delivery, vec![Delivery::Failed, Delivery::Delivered]);
    assert_eq!(
        demo.control()
            .journal()
            .iter()
            .filter(|j| j.route == Route::Typing)
            .count(),
        1,
        "typing notices are throttled"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chat_and_roster_survive_a_rejoin() {
    let demo = common::start(config()).await;
    let (rec, control, session) = chatting(&demo).await;
    control.send_chat("before the drop");
    common::until(&rec, "delivery", |_| deliveries(&rec) == vec![true]).await;
    let app = demo.control().applications()[0].id.clone();
    demo.control().drop_channel(&app, true).unwrap();
    common::until(&rec, "the rejoin", |evs| {
        evs.iter()
            .any(|e| matches!(e, JoinEvent::Reconnected { .. }))
    })
    .await;
    common::until(&rec, "chat again", |evs| {
        evs.iter()
            .filter(|e| matches!(e, JoinEvent::ChatAvailable { available: true }))
            .count()
            == 2
    })
    .await;
    control.send_chat("after the rejoin");
    common::until(&rec, "second delivery", |_| {
        deliveries(&rec) == vec![true, true]
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    assert!(status.failure.is_none(), "{:?}", status.failure);
    let texts: Vec<&str> = status.chat.iter().map(|l| l.text.as_str()).collect();
    assert!(
        texts.contains(&"before the drop") && texts.contains(&"after the rejoin"),
        "{texts:?}"
    );
    assert_eq!(status.roster.len(), 3, "two participants and the guest");
    assert!(rec.events().iter().any(|e| matches!(
        e,
        JoinEvent::Phase {
            phase: Phase::Reconnecting
        }
    )));
}

#[test]
fn join_chat_sends_after_joining_and_prints_received_messages() {
    let out = run_binary(
        &[
            "join",
            "--demo",
            "--name",
            "Ada",
            "--chat",
            "hello from the CLI",
            "--stay",
            "1",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert!(
        lines
            .iter()
            .any(|l| l["type"] == "chat_delivery" && l["delivered"] == true)
    );
    assert!(lines.iter().any(|l| {
        l["type"] == "chat_message"
            && l["message"]["outgoing"] == false
            && l["message"]["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("Welcome!"))
    }));
    let out = run_binary(&["join", "--demo", "--name", "Ada", "--chat", "hi"], &[]);
    assert!(stdout(&out).contains("chat  you: hi  (delivered)"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_typing_is_shown_and_cleared() {
    let demo = common::start(config()).await;
    let (rec, control, session) = chatting(&demo).await;
    assert_eq!(
        demo.control()
            .set_typing(URL, "Bob Attendee", true)
            .unwrap(),
        1
    );
    common::until(&rec, "Bob typing", |evs| {
        evs.iter().any(
            |e| matches!(e, JoinEvent::Typing { name, typing: true } if name == "Bob Attendee"),
        )
    })
    .await;
    demo.control()
        .set_typing(URL, "Bob Attendee", false)
        .unwrap();
    common::until(&rec, "Bob stopping", |evs| {
        evs.iter().any(
            |e| matches!(e, JoinEvent::Typing { name, typing: false } if name == "Bob Attendee"),
        )
    })
    .await;
    demo.control()
        .set_typing(URL, "Bob Attendee", true)
        .unwrap();
    demo.control()
        .say(URL, "Bob Attendee", "done typing")
        .unwrap();
    common::until(&rec, "Bob's message", |_| {
        received(&rec).iter().any(|(_, t)| t == "done typing")
    })
    .await;
    control.leave();
    let status = session.await.unwrap();
    assert!(
        status.typing.is_empty(),
        "a message from someone ends their typing line: {:?}",
        status.typing
    );
}
