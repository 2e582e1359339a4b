//! `guest-join join`: validate the inputs, run one session with the engine, stay, leave, print,
//! and exit with the code of the outcome (docs/design.md §3).

mod exports;
mod junit;
pub mod output;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::api::HttpClient;
use crate::cli::JoinArgs;
use crate::config::Flags;
use crate::diagnostics::ConfigView;
use crate::diagnostics::events::EventLog;
use crate::join::phone_leg::PhoneState;
use crate::join::phone_number::{PhoneNumber, region_of};
use crate::join::status::{JoinEvent, Phase};
use crate::join::{DisplayName, EventSink, FailureInfo, FailureKind, JoinStatus, SessionControl};
use crate::launch::{DemoSlot, Plan, Runner};
use crate::stop_signal::{StopSignal, StopSignals};

use self::exports::{Exports, UNREDACTED_WARNING};
use self::output::{Human, JsonLines, result_line};
use super::target;

/// The `--call-me` number, checked before anything starts (a bad number never reaches the
/// meeting); the message never repeats the number.
fn call_me_number(args: &JoinArgs, culture: &str) -> Result<Option<PhoneNumber>, FailureInfo> {
    let Some(typed) = args.call_me.as_deref() else {
        return Ok(None);
    };
    let region = match args.phone_region.as_deref() {
        Some(code) => Some(region_of(code).ok_or_else(|| {
            FailureInfo::new(
                FailureKind::BadInput,
                None,
                format!("phone-region: {code:?} is not a region code such as DE or US"),
            )
        })?),
        None => region_of(culture),
    };
    PhoneNumber::parse(typed, region.as_deref())
        .map(Some)
        .map_err(|e| FailureInfo::new(FailureKind::BadInput, None, format!("call-me: {e}")))
}

/// The join as the flags and settings give it, checked before anything starts.
fn plan(args: &JoinArgs) -> Result<(Plan, HttpClient), FailureInfo> {
    let meeting = target::parse_meeting(
        args.target.meeting.as_deref(),
        args.target.demo,
        args.target.direct,
    )?;
    let name = DisplayName::parse(&args.name)
        .map_err(|e| FailureInfo::new(FailureKind::BadInput, None, format!("name: {e}")))?;
    let source = target::source(&args.target)?;
    let flags = Flags {
        origin: args.target.origin.clone(),
        culture: args.culture.clone(),
    };
    let settings = target::settings(&flags, &args.transport)?;
    let plan = Plan {
        meeting,
        name,
        source,
        origin: settings.effective.origin.0,
        culture: settings.effective.culture.0,
        join_deadline: Some(Duration::from_secs(args.timeout)),
    };
    Ok((plan, settings.http))
}

/// Forwards events and publishes the phase and the number of chat outcomes, so `--chat`,
/// `--stay` and Ctrl-C know where the session is.
struct Tee {
    inner: Box<dyn EventSink>,
    phase: watch::Sender<Phase>,
    chat_outcomes: watch::Sender<usize>,
    phone: watch::Sender<PhoneWatch>,
    /// The event log for `--diagnostics` (bounded).
    events: Option<Arc<EventLog>>,
    /// Held while an event is printed and logged, so events from concurrent tasks (chat,
    /// event channel) are in the same order on stdout and in the log.
    order: std::sync::Mutex<()>,
}

impl EventSink for Tee {
    fn emit(&self, event: &JoinEvent) {
        // The phase is published before the line is printed: whoever reacts to the printed
        // phase (a person, a CI script sending SIGTERM) finds the session there already.
        if let JoinEvent::Phase { phase } = event {
            self.phase.send_replace(*phase);
        }
        {
            let _order = self.order.lock().unwrap_or_else(|p| p.into_inner());
            self.inner.emit(event);
            if let Some(log) = &self.events {
                log.push(event);
            }
        }
        match event {
            JoinEvent::ChatDelivery { .. } => self.chat_outcomes.send_modify(|n| *n += 1),
            JoinEvent::PhoneOffered { offered } => self.phone.send_modify(|p| p.offered = *offered),
            JoinEvent::Phone { leg } => self.phone.send_modify(|p| p.state = Some(leg.state)),
            _ => {}
        }
    }
}

/// Longest wait for the outcome of the `--chat` messages before the stay starts.
const CHAT_WAIT: Duration = Duration::from_secs(15);
/// Longest wait for the meeting to offer "call me" once in the meeting.
const OFFER_WAIT: Duration = Duration::from_secs(10);
/// Longest wait for a `--call-me` call to connect or fail.
const CALL_WAIT: Duration = Duration::from_secs(90);

/// What `--call-me` waits on: the meeting offers it; where the call is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct PhoneWatch {
    offered: bool,
    state: Option<PhoneState>,
}

fn report_bad_input(error: &FailureInfo, json: bool) -> i32 {
    if json {
        let mut status = JoinStatus::default();
        status.apply(&JoinEvent::Failed {
            error: error.clone(),
        });
        if let Ok(line) = serde_json::to_string(&result_line(&status)) {
            println!("{line}");
        }
    } else {
        eprintln!("error: {}", error.message);
    }
    error.kind.exit_code()
}

/// A failure before the session could start: the requested files still get written.
fn fail_before_start(args: &JoinArgs, exports: &Exports, error: &FailureInfo) -> i32 {
    if exports.wanted() {
        let event = JoinEvent::Failed {
            error: error.clone(),
        };
        let mut status = JoinStatus::default();
        status.apply(&event);
        exports.events.push(&event);
        exports.write(
            "guest-join join (not started)",
            &exports.partial_config(args),
            &status,
        );
    }
    report_bad_input(error, args.json)
}

/// Run `join` and return the process exit code.
pub async fn run(args: JoinArgs) -> i32 {
    if args.unredacted {
        eprintln!("{UNREDACTED_WARNING}");
    }
    let exports = Exports::new(&args);
    let (plan, http) = match plan(&args) {
        Ok(p) => p,
        Err(e) => return fail_before_start(&args, &exports, &e),
    };
    let call_me = match call_me_number(&args, &plan.culture) {
        Ok(n) => n,
        Err(e) => return fail_before_start(&args, &exports, &e),
    };
    if let Some(hint) = target::direct_mode_hint(&plan.meeting, &args.target) {
        eprintln!("{hint}");
    }
    let http = if exports.wanted() {
        http.with_recorder(exports.recorder.clone())
    } else {
        http
    };
    let (phase_tx, phase_rx) = watch::channel(Phase::Idle);
    let (outcomes_tx, outcomes_rx) = watch::channel(0usize);
    let (phone_tx, phone_rx) = watch::channel(PhoneWatch::default());
    let printer: Box<dyn EventSink> = if args.json {
        Box::new(JsonLines)
    } else {
        Box::new(Human::default())
    };
    let sink = Arc::new(Tee {
        inner: printer,
        phase: phase_tx,
        chat_outcomes: outcomes_tx,
        phone: phone_tx,
        events: args.diagnostics.as_ref().map(|_| exports.events.clone()),
        order: std::sync::Mutex::new(()),
    });
    let control = SessionControl::new();
    let stay = Duration::from_secs(args.stay);
    let stayer = spawn_stayer(
        &control,
        (phase_rx.clone(), outcomes_rx, phone_rx),
        call_me,
        &args.chat,
        stay,
    );
    let interrupted = Arc::new(OnceLock::<StopSignal>::new());
    let interrupter = spawn_interrupter(&control, phase_rx, interrupted.clone());

    let demo = DemoSlot::default();
    let runner = Runner {
        http: Ok(http),
        demo: &demo,
        mode: exports.mode(),
    };
    let mut config = None;
    let status = runner
        .run(&plan, sink.clone(), &control, |c| config = Some(c))
        .await;
    stayer.abort();
    interrupter.abort();
    demo.shutdown().await;
    let interrupted = interrupted.get().copied();
    let files_written = write_files(&args, &exports, &plan, config, &status, interrupted);
    let exit_code = print_result(args.json, &status, interrupted);
    if files_written || exit_code != 0 {
        exit_code
    } else {
        1
    }
}

/// Once in the meeting: ask for the `--call-me` call and wait until it connects or fails,
/// send the `--chat` messages, wait for their outcomes, stay, then leave.
fn spawn_stayer(
    control: &SessionControl,
    watches: (
        watch::Receiver<Phase>,
        watch::Receiver<usize>,
        watch::Receiver<PhoneWatch>,
    ),
    call_me: Option<PhoneNumber>,
    chat: &[String],
    stay: Duration,
) -> JoinHandle<()> {
    let (mut phase, mut outcomes, mut phone) = watches;
    let control = control.clone();
    let chat = chat.to_vec();
    tokio::spawn(async move {
        if phase.wait_for(|p| *p == Phase::InMeeting).await.is_ok() {
            if let Some(number) = call_me {
                tokio::time::timeout(OFFER_WAIT, phone.wait_for(|p| p.offered))
                    .await
                    .ok();
                control.call_me(number);
                let settled = |p: &PhoneWatch| {
                    matches!(
                        p.state,
                        Some(PhoneState::Connected | PhoneState::Ended | PhoneState::Failed)
                    )
                };
                tokio::time::timeout(CALL_WAIT, phone.wait_for(settled))
                    .await
                    .ok();
            }
            for text in &chat {
                control.send_chat(text);
            }
            if !chat.is_empty() {
                let all = chat.len();
                tokio::time::timeout(CHAT_WAIT, outcomes.wait_for(|n| *n >= all))
                    .await
                    .ok();
            }
            tokio::time::sleep(stay).await;
            control.leave();
        }
    })
}

/// Ctrl-C, SIGTERM, SIGHUP: leave when in the meeting, cancel otherwise (both clean up). The
/// first signal is kept in `interrupted`: the outputs name it, and it sets the exit code.
fn spawn_interrupter(
    control: &SessionControl,
    mut phase: watch::Receiver<Phase>,
    interrupted: Arc<OnceLock<StopSignal>>,
) -> JoinHandle<()> {
    let control = control.clone();
    let mut signals = StopSignals::new();
    tokio::spawn(async move {
        while let Some(signal) = signals.recv().await {
            interrupted.get_or_init(|| signal);
            if *phase.borrow_and_update() == Phase::InMeeting {
                control.leave();
            } else {
                control.cancel();
            }
        }
    })
}

/// Write the HAR, the diagnostics bundle and the JUnit report that were asked for; false when
/// one of them could not be written (the reason is on stderr).
fn write_files(
    args: &JoinArgs,
    exports: &Exports,
    plan: &Plan,
    config: Option<ConfigView>,
    status: &JoinStatus,
    interrupted: Option<StopSignal>,
) -> bool {
    let mut written = true;
    if exports.wanted() {
        let config = config.unwrap_or_else(|| exports.partial_config(args));
        let mut title = format!(
            "guest-join join {} (session {})",
            plan.meeting.host(),
            status
                .application_session_id
                .as_deref()
                .unwrap_or("not started")
        );
        if let Some(signal) = interrupted {
            title.push_str(&format!(", interrupted by {}", signal.name()));
        }
        written &= exports.write(&title, &config, status);
    }
    if let Some(path) = &args.junit {
        let junit = self::junit::report(status, plan.meeting.host(), interrupted)
            .to_string()
            .map_err(|e| e.to_string())
            .and_then(|xml| std::fs::write(path, xml).map_err(|e| e.to_string()));
        if let Err(e) = junit {
            eprintln!("error: cannot write the JUnit file {}: {e}", path.display());
            written = false;
        }
    }
    written
}

/// Print the result (a JSON line, or a sentence) and return the exit code of the outcome.
fn print_result(json: bool, status: &JoinStatus, interrupted: Option<StopSignal>) -> i32 {
    let line = result_line(status).interrupted_by(interrupted);
    if json {
        if let Ok(text) = serde_json::to_string(&line) {
            println!("{text}");
        }
    } else {
        let cleanly = if line.left_cleanly {
            ""
        } else {
            ", clean-up incomplete"
        };
        let stopped = interrupted
            .map(|s| format!(", interrupted by {}", s.name()))
            .unwrap_or_default();
        println!(
            "Result: {}{cleanly}{stopped} (exit {})",
            line.outcome, line.exit_code
        );
    }
    line.exit_code
}
