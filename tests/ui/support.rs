//! The UI tests' shared pieces: the one harness factory, `step_until`, the test meeting and
//! the keyboard-only join.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use guest_join::config::{Config, Profile};
use guest_join::demo::Demo;
use guest_join::emulator::{LobbyPolicy, MeetingSpec};
use guest_join::gui::dialogs::BoxFuture;
use guest_join::gui::{AppInit, Backend, GuestApp, SaveChoice, SaveDialog, SaveRequest};

use crate::common;

pub const URL: &str = "https://meet.contoso.example/ada/UITEST01";

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// The one place UI test harnesses are made: same size and settings everywhere.
pub fn harness(rt: &tokio::runtime::Runtime, init: AppInit) -> Harness<'static, GuestApp> {
    harness_with_dialog(rt, init, Arc::new(FakeDialog::cancelling()))
}

/// A harness whose save dialog is `dialog`.
pub fn harness_with_dialog(
    rt: &tokio::runtime::Runtime,
    init: AppInit,
    dialog: Arc<dyn SaveDialog>,
) -> Harness<'static, GuestApp> {
    harness_with_backend(rt, init, move |backend| backend.dialog = dialog)
}

/// A harness whose desktop notifications go to `notifier`.
pub fn harness_with_notifier(
    rt: &tokio::runtime::Runtime,
    init: AppInit,
    notifier: Arc<dyn guest_join::gui::notifier::Notify>,
) -> Harness<'static, GuestApp> {
    harness_with_backend(rt, init, move |backend| backend.notifier = Some(notifier))
}

/// A harness whose backend `setup` changes (a cancelling save dialog, no notifications,
/// unless it says otherwise).
fn harness_with_backend(
    rt: &tokio::runtime::Runtime,
    mut init: AppInit,
    setup: impl FnOnce(&mut Backend) + 'static,
) -> Harness<'static, GuestApp> {
    // English unless a test asks for another: the labels the tests look for are English.
    init.language.get_or_insert_with(|| "en".into());
    let handle = rt.handle().clone();
    Harness::builder()
        .with_size(egui::vec2(820.0, 1000.0))
        .build_eframe(move |cc| {
            let mut backend = Backend::with_dialog(handle, Arc::new(FakeDialog::cancelling()));
            setup(&mut backend);
            GuestApp::new(&cc.egui_ctx, init, backend)
        })
}

/// A save dialog that answers `path` (or cancels) at once and remembers what it was asked.
pub struct FakeDialog {
    pub answer: SaveChoice,
    /// Where files go when the answer is `Unavailable`.
    pub fallback: PathBuf,
    pub asked: Mutex<Vec<SaveRequest>>,
}

impl FakeDialog {
    fn with(answer: SaveChoice) -> Self {
        Self {
            answer,
            fallback: std::env::temp_dir(),
            asked: Mutex::new(Vec::new()),
        }
    }

    pub fn answering(path: PathBuf) -> Self {
        Self::with(SaveChoice::Chosen(path))
    }

    pub fn cancelling() -> Self {
        Self::with(SaveChoice::Cancelled)
    }

    /// No dialog on this desktop: files go to `fallback`.
    pub fn unavailable(fallback: PathBuf) -> Self {
        Self {
            fallback,
            ..Self::with(SaveChoice::Unavailable)
        }
    }

    pub fn asked(&self) -> Vec<SaveRequest> {
        self.asked.lock().unwrap().clone()
    }
}

impl SaveDialog for FakeDialog {
    fn save(&self, req: SaveRequest) -> BoxFuture<SaveChoice> {
        self.asked.lock().unwrap().push(req);
        let answer = self.answer.clone();
        Box::pin(async move { answer })
    }

    fn fallback_dir(&self) -> PathBuf {
        self.fallback.clone()
    }
}

/// Step until `pred` holds; panics with `what` after `max` (a safety net against hangs).
pub fn step_until(
    h: &mut Harness<'_, GuestApp>,
    what: &str,
    max: Duration,
    pred: impl Fn(&Harness<'_, GuestApp>) -> bool,
) {
    let start = Instant::now();
    loop {
        h.step();
        if pred(h) {
            return;
        }
        assert!(
            start.elapsed() < max,
            "never saw {what} (phase {:?})",
            h.state().phase()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Press Leave. A click lands where the button was drawn in the last frame; when an engine
/// event moves the button (a participant or a message arriving above it) before the click is
/// processed, the click misses, as a person's would, and a person presses again: so does this,
/// until the session has left the meeting phase (at most 5 presses).
pub fn press_leave(h: &mut Harness<'_, GuestApp>) {
    press_leave_labelled(h, "Leave");
}

/// `press_leave` for a window in another language: Leave is `label` there.
pub fn press_leave_labelled(h: &mut Harness<'_, GuestApp>, label: &str) {
    for _ in 0..5 {
        h.get_by_role_and_label(Role::Button, label).click();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2) {
            h.step();
            if h.state().phase() != guest_join::join::Phase::InMeeting {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    panic!("Leave did not take after 5 presses");
}

/// Texts on screen that reach past the window's left or right edge (cut off), and pairs of texts
/// that overlap, each as a line for an assertion message. A wrapped label's lines are its own
/// nodes; the label itself is what is checked.
pub fn layout_problems(h: &Harness<'_, GuestApp>) -> Vec<String> {
    use egui::accesskit::Rect;
    // Node ids by their debug form: the consumer's id type is not nameable from here.
    struct Text {
        text: String,
        rect: Rect,
        id: String,
        ancestors: Vec<String>,
    }
    // Bounds are in physical pixels.
    let width = f64::from(h.ctx.content_rect().width() * h.ctx.pixels_per_point());
    let mut problems = Vec::new();
    let mut texts: Vec<Text> = Vec::new();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        if n.role() == Role::TextRun || n.is_hidden() {
            continue;
        }
        let Some(text) = n
            .label()
            .or_else(|| n.value())
            .filter(|t| !t.trim().is_empty())
        else {
            continue;
        };
        let Some(mut rect) = n.bounding_box() else {
            continue;
        };
        // What a clipping container (a list, a part of the window with its own scrolling)
        // leaves of it on screen; nothing when it is wholly scrolled away.
        let mut c = n.parent();
        while let Some(a) = c {
            if a.clips_children()
                && let Some(clip) = a.bounding_box()
            {
                rect = rect.intersect(clip);
            }
            c = a.parent();
        }
        if rect.width() <= 2.0 || rect.height() <= 2.0 {
            continue;
        }
        if rect.x1 > width + 1.0 || rect.x0 < -1.0 {
            problems.push(format!(
                "cut off ({:.0}..{:.0} of {width:.0}): {text:?}",
                rect.x0, rect.x1
            ));
        }
        let mut ancestors = Vec::new();
        let mut p = n.parent();
        while let Some(a) = p {
            ancestors.push(format!("{:?}", a.id()));
            p = a.parent();
        }
        texts.push(Text {
            text,
            rect,
            id: format!("{:?}", n.id()),
            ancestors,
        });
    }
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            if a.ancestors.contains(&b.id) || b.ancestors.contains(&a.id) {
                continue;
            }
            let w = a.rect.x1.min(b.rect.x1) - a.rect.x0.max(b.rect.x0);
            let h = a.rect.y1.min(b.rect.y1) - a.rect.y0.max(b.rect.y0);
            if w > 2.0 && h > 2.0 {
                problems.push(format!("{:?} overlaps {:?}", a.text, b.text));
            }
        }
    }
    problems
}

/// Turn the mouse wheel with the pointer at `at` (`dy` < 0 scrolls down); no frame is run.
pub fn wheel_at(h: &mut Harness<'_, GuestApp>, at: egui::Pos2, dy: f32) {
    h.event(egui::Event::PointerMoved(at));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::default(),
    });
}

pub fn shows(h: &Harness<'_, GuestApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

pub fn wait_for(h: &mut Harness<'_, GuestApp>, text: &str) {
    let t = text.to_string();
    step_until(h, text, Duration::from_secs(30), move |h| shows(h, &t));
}

pub fn meeting(policy: LobbyPolicy) -> MeetingSpec {
    common::meeting(
        URL,
        "Quarterly review",
        policy,
        Some("Welcome to the review"),
    )
}

/// A config whose only join service is the test environment's service application.
pub fn config_for(demo: &Demo) -> Config {
    Config {
        origin: Some(common::ORIGIN.to_string()),
        profiles: vec![Profile::service(
            "Test service",
            demo.token_url().as_str(),
            None,
        )],
        ..Config::default()
    }
}

pub fn start_env(rt: &tokio::runtime::Runtime, policy: LobbyPolicy) -> Demo {
    rt.block_on(common::start(common::test_config(vec![meeting(policy)])))
}

/// Replace the text of the field `label` by typing `text` (focus, select all, type), and check
/// the field holds it.
pub fn type_into(h: &mut Harness<'_, GuestApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some(text),
        "the field {label:?}"
    );
}

pub fn join_button_enabled(h: &Harness<'_, GuestApp>) -> bool {
    !h.get_by_role_and_label(Role::Button, "Join")
        .accesskit_node()
        .is_disabled()
}

/// Fill the form by typing and join by pressing Enter, keyboard only.
pub fn fill_and_join(h: &mut Harness<'_, GuestApp>, link: &str, name: &str) {
    h.run();
    assert!(
        h.get_by_label("Meeting link").is_focused(),
        "the form starts in the link field"
    );
    h.get_by_label("Meeting link").type_text(link);
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(
        h.get_by_label("Your name").is_focused(),
        "Tab moves to the name"
    );
    h.get_by_label("Your name").type_text(name);
    h.run();
    assert!(join_button_enabled(h));
    h.key_press(egui::Key::Enter);
    h.step();
}

pub fn all_applications_deleted(demo: &Demo) -> bool {
    let apps = demo.control().applications();
    !apps.is_empty()
        && apps
            .iter()
            .all(|a| a.ended.is_some() && !a.in_lobby && !a.in_meeting)
}

pub fn until_deleted(h: Option<&mut Harness<'_, GuestApp>>, demo: &Demo) {
    let start = Instant::now();
    let mut h = h;
    while !all_applications_deleted(demo) {
        if let Some(h) = h.as_deref_mut() {
            h.step();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "application not deleted: {:?}",
            demo.control().applications()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Step until the current session reaches `phase`.
pub fn until_phase(h: &mut Harness<'_, GuestApp>, phase: guest_join::join::Phase) {
    step_until(
        h,
        &format!("{phase:?}"),
        Duration::from_secs(30),
        move |h| h.state().phase() == phase,
    );
}

/// A test environment with one meeting, and the app joining it (keyboard only).
pub struct Joined {
    pub rt: tokio::runtime::Runtime,
    pub demo: Demo,
    pub h: Harness<'static, GuestApp>,
}

pub fn joined(policy: LobbyPolicy) -> Joined {
    joined_with_dialog(policy, Arc::new(FakeDialog::cancelling()))
}

/// `joined` with a save dialog.
pub fn joined_with_dialog(policy: LobbyPolicy, dialog: Arc<dyn SaveDialog>) -> Joined {
    let rt = runtime();
    let demo = start_env(&rt, policy);
    let mut h = harness_with_dialog(&rt, AppInit::with_config(config_for(&demo)), dialog);
    fill_and_join(&mut h, URL, "Ada Guest");
    Joined { rt, demo, h }
}

impl Joined {
    /// Close the window (drop the app), check nothing is left in the meeting, stop the servers.
    pub fn close(self) {
        let Joined { rt, demo, h } = self;
        drop(h);
        until_deleted(None, &demo);
        rt.block_on(demo.shutdown());
    }
}

/// Give the test meeting dial-in (with an audio conference provider) and "call me", so the
/// screens that walk the lobby and the meeting show the phone panels too.
pub fn with_phone(demo: &Demo) {
    use guest_join::emulator::{DialIn, DialOut, MeetingPhone, PhoneScript};
    demo.control()
        .set_phone(
            URL,
            MeetingPhone {
                dial_in: Some(DialIn::sample_with_provider()),
                dial_out: DialOut::Allowed,
                script: PhoneScript::default(),
            },
        )
        .expect("the test meeting exists");
}
