use std::sync::mpsc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::*;

fn link(text: &str) -> Handover {
    Handover {
        link: Some(text.into()),
        ..Handover::default()
    }
}

fn first(claim: Claim) -> FirstWindow {
    match claim {
        Claim::First(w) => w,
        Claim::HandedOver(a) => panic!("handed over ({a:?}) instead of listening"),
        Claim::Alone(why) => panic!("alone instead of listening: {why}"),
    }
}

fn serve(window: FirstWindow, answer: Answer) -> (Serving, mpsc::Receiver<Handover>) {
    let (tx, rx) = mpsc::channel();
    let serving = window.serve(&tokio::runtime::Handle::current(), answer, move |h| {
        tx.send(h).ok();
    });
    (serving, rx)
}

#[tokio::test]
async fn a_second_launch_hands_its_link_to_the_first_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("window.sock");
    let window = first(claim(&path, Some(&Handover::default())).await);
    assert_eq!(window.path(), path);
    let (_serving, handed) = serve(window, Answer::Shown);
    let second = link("lync15:confjoin?url=https://meet.contoso.com/ada/PSDFOZC4");
    match claim(&path, Some(&second)).await {
        Claim::HandedOver(Answer::Shown) => {}
        _ => panic!("the second launch did not hand over"),
    }
    let got = handed.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(got, second);
    // A third launch without a link only brings the window forward.
    assert!(matches!(
        claim(&path, Some(&Handover::default())).await,
        Claim::HandedOver(Answer::Shown)
    ));
    assert_eq!(
        handed.recv_timeout(Duration::from_secs(10)).unwrap(),
        Handover::default()
    );
}

#[tokio::test]
async fn a_kiosk_answers_that_it_ignores_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("window.sock");
    let (_serving, handed) = serve(
        first(claim(&path, Some(&Handover::default())).await),
        Answer::KioskIgnored,
    );
    assert!(matches!(
        claim(&path, Some(&link("https://meet.contoso.com/ada/X"))).await,
        Claim::HandedOver(Answer::KioskIgnored)
    ));
    // The kiosk still hears of it (it logs it).
    assert!(handed.recv_timeout(Duration::from_secs(10)).is_ok());
}

#[cfg(unix)]
#[tokio::test]
async fn a_socket_left_by_a_crashed_window_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("window.sock");
    // A listener that goes away without removing its file, like a crashed window's.
    drop(std::os::unix::net::UnixListener::bind(&path).unwrap());
    assert!(path.exists());
    let (_serving, handed) = serve(
        first(claim(&path, Some(&Handover::default())).await),
        Answer::Shown,
    );
    assert!(matches!(
        claim(&path, Some(&link("https://meet.contoso.com/ada/X"))).await,
        Claim::HandedOver(Answer::Shown)
    ));
    assert!(handed.recv_timeout(Duration::from_secs(10)).is_ok());
}

#[tokio::test]
async fn when_the_window_closes_the_next_launch_is_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("window.sock");
    let (serving, _handed) = serve(
        first(claim(&path, Some(&Handover::default())).await),
        Answer::Shown,
    );
    drop(serving);
    // The abort lands at the task's next await; give it a moment before looking.
    for _ in 0..100 {
        if !path.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _again = first(claim(&path, Some(&Handover::default())).await);
}

#[tokio::test]
async fn nonsense_from_a_launch_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("window.sock");
    let (_serving, handed) = serve(
        first(claim(&path, Some(&Handover::default())).await),
        Answer::Shown,
    );
    for junk in [
        &b"not json\n"[..],
        b"{\"link\": 3}\n",
        b"{\"unknown\": 1}\n",
        b"",
    ] {
        let stream = Stream::connect(socket_name(&path).unwrap()).await.unwrap();
        (&stream).write_all(junk).await.unwrap();
        // The window hangs up without answering (at once, or after its wait for a line).
        let mut answer = Vec::new();
        (&stream).read_to_end(&mut answer).await.ok();
        assert!(answer.is_empty(), "answered {junk:?}");
    }
    // A line longer than any link is cut off, not buffered without end.
    let stream = Stream::connect(socket_name(&path).unwrap()).await.unwrap();
    let long = vec![b'a'; (message::MAX_LINE * 2) as usize];
    (&stream).write_all(&long).await.ok();
    drop(stream);
    // The window still serves the next launch, and nothing reached it before.
    assert!(matches!(
        claim(&path, Some(&link("https://meet.contoso.com/ada/X"))).await,
        Claim::HandedOver(Answer::Shown)
    ));
    let got = handed.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(got.link.as_deref(), Some("https://meet.contoso.com/ada/X"));
    assert!(handed.try_recv().is_err());
}

#[cfg(unix)]
#[tokio::test]
async fn a_window_that_does_not_answer_leaves_the_launch_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("window.sock");
    // Accepts (the kernel's backlog does) but never answers.
    let _hung = std::os::unix::net::UnixListener::bind(&path).unwrap();
    match claim(&path, Some(&link("https://meet.contoso.com/ada/X"))).await {
        Claim::Alone(why) => assert!(why.contains("did not answer"), "{why}"),
        _ => panic!("a hung window must not take the launch"),
    }
}

#[tokio::test]
async fn a_kiosk_launch_never_hands_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("window.sock");
    let (_serving, handed) = serve(
        first(claim(&path, Some(&Handover::default())).await),
        Answer::Shown,
    );
    match claim(&path, None).await {
        Claim::Alone(why) => assert!(why.contains("kiosk"), "{why}"),
        _ => panic!("a kiosk must come up on its own"),
    }
    // The open window was handed nothing.
    std::thread::sleep(Duration::from_millis(200));
    assert!(handed.try_recv().is_err());
    // With nobody listening, a kiosk listens itself (and then ignores links).
    let empty = dir.path().join("kiosk.sock");
    let _kiosk = first(claim(&empty, None).await);
}
