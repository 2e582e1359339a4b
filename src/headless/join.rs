//! `guest-join join`: validate the inputs, run one session with the engine, stay, leave, print,
//! and exit with the code of the outcome (docs/design.md §3).

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use url::Url;

use crate::api::HttpClient;
use crate::api::http::check_transport;
use crate::cli::JoinArgs;
use crate::demo::Demo;
use crate::diagnostics::ConfigView;
use crate::diagnostics::events::EventLog;
use crate::join::status::{JoinEvent, Phase};
use crate::join::{
    DisplayName, EventSink, FailureInfo, FailureKind, JoinRequest, JoinStatus, MeetingLink,
    SessionControl,
};
use crate::stop_signal::{StopSignal, StopSignals};

use super::exports::{Exports, UNREDACTED_WARNING};
use super::output::{Human, JsonLines, result_line};
use super::target::{self, Target};

/// Shown under `guest-join join --help`. A test checks that it lists every demo meeting.
pub const JOIN_AFTER_HELP: &str = "\
Demo meetings (use with --demo; they exist only inside this program):
  https://meet.demo.guest-join.invalid/ada/OPEN1234    open: joins at once (the default with --demo)
  https://meet.demo.guest-join.invalid/grace/LOBBY123  lobby: the organizer admits you after about 3 s
  https://meet.demo.guest-join.invalid/alan/DENY1234   lobby: the organizer denies you after about 2 s
  https://meet.demo.guest-join.invalid/linus/QUICK123  open: the service answers in one collapsed event batch

Exit codes:
  0 joined and left   2 bad input or usage   3 service application refused or unreachable
  4 discovery or application creation failed   5 meeting not found or not allowed
  6 lobby denied or timed out   7 network/TLS   8 overall timeout   1 anything else

Example:
  guest-join join --demo --meeting https://meet.demo.guest-join.invalid/grace/LOBBY123 --name Ada --json";

/// Culture from `LANG` (`de_DE.UTF-8` → `de-DE`), else `en-US`.
pub fn default_culture() -> String {
    std::env::var("LANG")
        .ok()
        .and_then(|l| {
            let tag = l
                .split(['.', '@'])
                .next()
                .unwrap_or_default()
                .replace('_', "-");
            let ok = (2..=16).contains(&tag.len())
                && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && tag != "C"
                && tag != "POSIX";
            ok.then_some(tag)
        })
        .unwrap_or_else(|| "en-US".to_string())
}

/// An origin is `scheme://host[:port]`: https, or http for this computer only.
pub fn parse_origin(text: &str) -> Result<String, String> {
    let url = Url::parse(text.trim())
        .map_err(|_| format!("--origin {text:?} is not an origin like https://contoso.com"))?;
    if url.path() != "/"
        || url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
    {
        return Err(format!(
            "--origin {text:?} must be only scheme://host[:port], without a path"
        ));
    }
    check_transport(&url)
        .map_err(|_| format!("--origin {text:?} must use https (http only for localhost)"))?;
    Ok(url.origin().ascii_serialization())
}

struct Validated {
    meeting: MeetingLink,
    name: DisplayName,
    service: Option<Url>,
    autodiscover: Option<Url>,
    origin: String,
}

fn validate(args: &JoinArgs) -> Result<Validated, FailureInfo> {
    let meeting = target::parse_meeting(
        args.target.meeting.as_deref(),
        args.target.demo,
        args.target.direct,
    )?;
    let name = DisplayName::parse(&args.name)
        .map_err(|e| FailureInfo::new(FailureKind::BadInput, None, format!("name: {e}")))?;
    let service = target::parse_service(args.target.service.as_deref())?;
    let autodiscover = target::parse_autodiscover(args.target.autodiscover.as_deref())?;
    let origin = target::parse_origin_or_default(args.target.origin.as_deref())?;
    Ok(Validated {
        meeting,
        name,
        service,
        autodiscover,
        origin,
    })
}

/// Forwards events and publishes the phase and the number of chat outcomes, so `--chat`,
/// `--stay` and Ctrl-C know where the session is.
struct Tee {
    inner: Box<dyn EventSink>,
    phase: watch::Sender<Phase>,
    chat_outcomes: watch::Sender<usize>,
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
        if let JoinEvent::ChatDelivery { .. } = event {
            self.chat_outcomes.send_modify(|n| *n += 1);
        }
    }
}

/// Longest wait for the outcome of the `--chat` messages before the stay starts.
const CHAT_WAIT: Duration = Duration::from_secs(15);

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

/// What a session needs once the inputs are valid: the request, the HTTP client (recording
/// for the exports when they are wanted) and the built-in demo if asked for.
struct Prepared {
    request: JoinRequest,
    http: HttpClient,
    demo: Option<Demo>,
}

/// Validate the arguments, start the demo if asked, and build the request and the client.
async fn prepare(args: &JoinArgs, exports: &Exports) -> Result<Prepared, FailureInfo> {
    let v = validate(args)?;
    let demo = if args.target.demo {
        Some(target::start_demo(&v.origin).await?)
    } else {
        None
    };
    if let Some(hint) = target::direct_mode_hint(&v.meeting, &args.target) {
        eprintln!("{hint}");
    }
    let source = Target::token_source(
        demo.as_ref(),
        v.service,
        args.target.service_key.as_deref(),
        args.target.direct.then_some(v.autodiscover),
    )?;
    let request = Target {
        meeting: v.meeting,
        source,
        origin: v.origin,
        culture: args.culture.clone().unwrap_or_else(default_culture),
        join_deadline: Duration::from_secs(args.timeout),
    }
    .request(v.name);
    let http = target::http_client(&args.transport)?;
    let http = if exports.wanted() {
        http.with_recorder(exports.recorder.clone())
    } else {
        http
    };
    Ok(Prepared {
        request,
        http,
        demo,
    })
}

/// Run `join` and return the process exit code.
pub async fn run(args: JoinArgs) -> i32 {
    if args.unredacted {
        eprintln!("{UNREDACTED_WARNING}");
    }
    let exports = Exports::new(&args);
    let Prepared {
        request,
        http,
        demo,
    } = match prepare(&args, &exports).await {
        Ok(p) => p,
        Err(e) => return fail_before_start(&args, &exports, &e),
    };
    let (phase_tx, phase_rx) = watch::channel(Phase::Idle);
    let (outcomes_tx, outcomes_rx) = watch::channel(0usize);
    let printer: Box<dyn EventSink> = if args.json {
        Box::new(JsonLines)
    } else {
        Box::new(Human::default())
    };
    let sink = Arc::new(Tee {
        inner: printer,
        phase: phase_tx,
        chat_outcomes: outcomes_tx,
        events: args.diagnostics.as_ref().map(|_| exports.events.clone()),
        order: std::sync::Mutex::new(()),
    });
    let control = SessionControl::new();
    let stay = Duration::from_secs(args.stay);
    let stayer = spawn_stayer(&control, phase_rx.clone(), outcomes_rx, &args.chat, stay);
    let interrupted = Arc::new(OnceLock::<StopSignal>::new());
    let interrupter = spawn_interrupter(&control, phase_rx, interrupted.clone());

    let status = crate::join::run(&http, &request, sink.clone(), &control).await;
    stayer.abort();
    interrupter.abort();
    if let Some(d) = demo {
        d.shutdown().await;
    }
    let interrupted = interrupted.get().copied();
    let files_written = write_files(&args, &exports, &request, &http, &status, interrupted);
    let exit_code = print_result(args.json, &status, interrupted);
    if files_written || exit_code != 0 {
        exit_code
    } else {
        1
    }
}

/// Once in the meeting: send the `--chat` messages, wait for their outcomes, stay, then leave.
fn spawn_stayer(
    control: &SessionControl,
    mut phase: watch::Receiver<Phase>,
    mut outcomes: watch::Receiver<usize>,
    chat: &[String],
    stay: Duration,
) -> JoinHandle<()> {
    let control = control.clone();
    let chat = chat.to_vec();
    tokio::spawn(async move {
        if phase.wait_for(|p| *p == Phase::InMeeting).await.is_ok() {
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
    request: &JoinRequest,
    http: &HttpClient,
    status: &JoinStatus,
    interrupted: Option<StopSignal>,
) -> bool {
    let mut written = true;
    if exports.wanted() {
        let config = ConfigView::of_request(
            args.target.service_label(),
            request,
            http.options(),
            exports.mode(),
        );
        let mut title = format!(
            "guest-join join {} (session {})",
            request.meeting.host(),
            request.application_session_id
        );
        if let Some(signal) = interrupted {
            title.push_str(&format!(", interrupted by {}", signal.name()));
        }
        written &= exports.write(&title, &config, status);
    }
    if let Some(path) = &args.junit {
        let junit = super::junit::report(status, request.meeting.host(), interrupted)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        assert_eq!(
            parse_origin("https://contoso.com").unwrap(),
            "https://contoso.com"
        );
        assert_eq!(
            parse_origin("https://contoso.com/").unwrap(),
            "https://contoso.com"
        );
        assert_eq!(
            parse_origin("http://localhost:3000").unwrap(),
            "http://localhost:3000"
        );
        assert_eq!(
            parse_origin(" HTTPS://Contoso.COM:443 ").unwrap(),
            "https://contoso.com"
        );
        assert_eq!(
            parse_origin("http://contoso.com"),
            Err(r#"--origin "http://contoso.com" must use https (http only for localhost)"#.into())
        );
        assert_eq!(
            parse_origin("https://contoso.com/app"),
            Err(r#"--origin "https://contoso.com/app" must be only scheme://host[:port], without a path"#.into())
        );
        assert_eq!(
            parse_origin("https://ada@contoso.com"),
            Err(r#"--origin "https://ada@contoso.com" must be only scheme://host[:port], without a path"#.into())
        );
        assert_eq!(
            parse_origin("contoso.com"),
            Err(r#"--origin "contoso.com" is not an origin like https://contoso.com"#.into())
        );
    }

    #[test]
    fn help_lists_every_demo_meeting() {
        for url in crate::demo::ALL_MEETING_URLS {
            assert!(JOIN_AFTER_HELP.contains(url), "{url} missing from the help");
        }
    }
}
