//! `guest-join load`: N guests join one meeting, at most C at a time, each with its own session
//! (its own ApplicationSessionId, event channel and sink) on the same engine as `join`; each
//! stays `--stay` seconds and leaves cleanly. Only numbers are kept per guest (its step
//! durations, time to joined, outcome), never its exchanges, so memory stays bounded.
//!
//! Exit code: 0 when every guest joined and left cleanly; when no guest joined and all failed
//! the same way, that failure's `join` exit code (e.g. 5 meeting not found, 6 lobby denied);
//! otherwise 1 (mixed failures, an incomplete clean-up, or Ctrl-C).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::{Semaphore, watch};
use tokio::task::{JoinHandle, JoinSet};
use tokio_util::sync::CancellationToken;

use crate::api::http::HttpClient;
use crate::cli::LoadArgs;
use crate::join::status::StepState;
use crate::join::{
    DisplayName, EventSink, FailureInfo, FailureKind, JoinEvent, JoinRequest, Phase,
    SessionControl, TokenSource,
};
use crate::stop_signal::{StopSignal, StopSignals};

use super::process::{format_bytes, peak_rss_bytes, raise_open_file_limit};
use super::stats::{StepSamples, Summary};
use crate::commands::target;
use crate::config::Flags;
use crate::launch::{DemoSlot, Plan};

/// Id under which guests stopped by Ctrl-C are counted.
const CANCELLED_ID: &str = "cancelled";
/// Id under which a guest task that panicked is counted (a bug; never expected).
const INTERNAL_ID: &str = "internal_error";

/// Per-guest sink: publishes the phase (for `--stay`) and notes when the guest got in.
struct GuestSink {
    started: Instant,
    phase: watch::Sender<Phase>,
    joined_ms: Mutex<Option<u64>>,
}

impl EventSink for GuestSink {
    fn emit(&self, event: &JoinEvent) {
        if let JoinEvent::Phase { phase } = event {
            if *phase == Phase::InMeeting
                && let Ok(mut joined) = self.joined_ms.lock()
                && joined.is_none()
            {
                *joined =
                    Some(u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX));
            }
            self.phase.send_replace(*phase);
        }
    }

    /// Load keeps only numbers: no exchange records are made for its guests.
    fn wants_exchanges(&self) -> bool {
        false
    }
}

/// What is kept of one guest.
struct GuestResult {
    joined: bool,
    left_cleanly: bool,
    failure: Option<FailureKind>,
    cancelled: bool,
    steps: Vec<(crate::join::Step, u64)>,
    time_to_joined: Option<u64>,
}

/// One guest: join, stay, leave; leave early when `stop` fires.
async fn guest(
    http: HttpClient,
    request: JoinRequest,
    stay: Duration,
    stop: CancellationToken,
) -> GuestResult {
    let (phase_tx, mut phase_rx) = watch::channel(Phase::Idle);
    let sink = Arc::new(GuestSink {
        started: Instant::now(),
        phase: phase_tx,
        joined_ms: Mutex::new(None),
    });
    let control = SessionControl::new();
    let run = crate::join::run(&http, &request, sink.clone(), &control);
    tokio::pin!(run);
    let driver = async {
        tokio::select! {
            _ = stop.cancelled() => {}
            in_meeting = async { phase_rx.wait_for(|p| *p == Phase::InMeeting).await.is_ok() } => {
                if !in_meeting {
                    // The session ended without a meeting: `run` finishes on its own.
                    std::future::pending::<()>().await;
                }
                tokio::select! {
                    _ = tokio::time::sleep(stay) => {}
                    _ = stop.cancelled() => {}
                }
            }
        }
        control.leave();
    };
    let status = tokio::select! {
        status = &mut run => status,
        () = driver => run.await,
    };
    let time_to_joined = sink.joined_ms.lock().ok().and_then(|j| *j);
    GuestResult {
        joined: status.joined,
        left_cleanly: status.left_cleanly.unwrap_or(true),
        failure: status.failure.as_ref().map(|f| f.kind),
        cancelled: status.phase == Phase::Cancelled,
        steps: status
            .steps
            .iter()
            .filter(|s| s.state == StepState::Done)
            .filter_map(|s| Some((s.step, s.ms?)))
            .collect(),
        time_to_joined,
    }
}

/// Failures of one error id.
#[derive(Debug, Clone, Serialize)]
struct FailureCount {
    id: &'static str,
    count: u64,
    /// The `join` exit code of this failure class (1 for cancelled or internal).
    exit_code: i32,
}

/// The running totals.
#[derive(Default)]
struct Tally {
    finished: u64,
    joined: u64,
    unclean: u64,
    failures: BTreeMap<&'static str, FailureCount>,
    samples: StepSamples,
}

impl Tally {
    fn fail(&mut self, id: &'static str, exit_code: i32) {
        self.failures
            .entry(id)
            .or_insert(FailureCount {
                id,
                count: 0,
                exit_code,
            })
            .count += 1;
    }

    fn add(&mut self, result: Result<GuestResult, tokio::task::JoinError>) {
        self.finished += 1;
        let r = match result {
            Ok(r) => r,
            Err(_) => {
                self.fail(INTERNAL_ID, 1);
                return;
            }
        };
        if r.joined {
            self.joined += 1;
        }
        if !r.left_cleanly {
            self.unclean += 1;
        }
        match (r.failure, r.cancelled) {
            (Some(kind), _) => self.fail(kind.id(), kind.exit_code()),
            (None, true) => self.fail(CANCELLED_ID, 1),
            (None, false) if !r.joined => self.fail(INTERNAL_ID, 1),
            (None, false) => {}
        }
        for (step, ms) in r.steps {
            self.samples.add_step(step, ms);
        }
        if let Some(ms) = r.time_to_joined {
            self.samples.add_time_to_joined(ms);
        }
    }
}

/// The counters the progress line reads.
#[derive(Default)]
struct Progress {
    started: AtomicU64,
    finished: AtomicU64,
    joined: AtomicU64,
}

/// Every second, to stderr, for people watching a terminal.
fn spawn_progress(progress: Arc<Progress>, count: u32) -> Option<JoinHandle<()>> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.tick().await;
        loop {
            tick.tick().await;
            let started = progress.started.load(Ordering::Relaxed);
            let finished = progress.finished.load(Ordering::Relaxed);
            eprintln!(
                "load: {finished}/{count} done, {} joined, {} under way",
                progress.joined.load(Ordering::Relaxed),
                started.saturating_sub(finished)
            );
        }
    }))
}

#[derive(Debug, Serialize)]
struct StepRow {
    name: &'static str,
    #[serde(flatten)]
    summary: Summary,
}

/// The `--json` object (and what the human report prints).
#[derive(Debug, Serialize)]
struct Report {
    command: &'static str,
    meeting_host: String,
    count: u32,
    concurrency: u32,
    stay_s: u64,
    started: u64,
    joined: u64,
    /// joined / count.
    success_rate: f64,
    not_left_cleanly: u64,
    failures: Vec<FailureCount>,
    /// Milliseconds per step (nearest-rank percentiles), steps by their `join --json` names.
    steps: Vec<StepRow>,
    time_to_joined: Option<Summary>,
    wall_ms: u64,
    peak_rss_bytes: Option<u64>,
    open_file_limit: Option<u64>,
    /// The signal that stopped the run (then `exit_code` is 128 + its number).
    #[serde(skip_serializing_if = "Option::is_none")]
    interrupted: Option<StopSignal>,
    exit_code: i32,
}

fn exit_code(count: u32, tally: &Tally) -> i32 {
    if tally.joined == u64::from(count) && tally.failures.is_empty() && tally.unclean == 0 {
        return 0;
    }
    match (
        tally.joined,
        tally.failures.values().collect::<Vec<_>>().as_slice(),
    ) {
        (0, [only]) if only.count == u64::from(count) => only.exit_code,
        _ => 1,
    }
}

fn print_human(r: &Report) {
    println!(
        "Load: {} guests into a meeting on {}, at most {} at a time, staying {} s",
        r.count, r.meeting_host, r.concurrency, r.stay_s
    );
    println!(
        "Joined: {}/{} ({:.1} %); clean-up incomplete: {}",
        r.joined,
        r.count,
        r.success_rate * 100.0,
        r.not_left_cleanly
    );
    if r.started < u64::from(r.count) {
        println!("Not started (stopped): {}", u64::from(r.count) - r.started);
    }
    if r.failures.is_empty() {
        println!("Failures: none");
    } else {
        println!("Failures:");
        for f in &r.failures {
            println!("  {:<26} {:>7}", f.id, f.count);
        }
    }
    println!(
        "{:<20} {:>7} {:>8} {:>8} {:>8}",
        "step (ms)", "count", "p50", "p95", "max"
    );
    let rows = r
        .steps
        .iter()
        .map(|s| (s.name, &s.summary))
        .chain(r.time_to_joined.as_ref().map(|t| ("time to joined", t)));
    for (name, s) in rows {
        println!(
            "{name:<20} {:>7} {:>8} {:>8} {:>8}",
            s.count, s.p50, s.p95, s.max
        );
    }
    println!(
        "Wall time: {:.2} s; peak RSS: {}",
        r.wall_ms as f64 / 1000.0,
        format_bytes(r.peak_rss_bytes)
    );
    match r.interrupted {
        Some(signal) => println!(
            "Result: interrupted by {} (exit {})",
            signal.name(),
            r.exit_code
        ),
        None => println!("Result: exit {}", r.exit_code),
    }
}

fn report_error(error: &FailureInfo, json: bool) -> i32 {
    if json {
        let value = serde_json::json!({
            "command": "load",
            "error": error,
            "exit_code": error.kind.exit_code(),
        });
        println!("{value}");
    } else {
        eprintln!("error: {}", error.message);
    }
    error.kind.exit_code()
}

fn guest_name(prefix: &str, i: u32) -> Result<DisplayName, FailureInfo> {
    DisplayName::parse(&format!("{} {i}", prefix.trim()))
        .map_err(|e| FailureInfo::new(FailureKind::BadInput, None, format!("--name: {e}")))
}

/// Check the arguments and resolve the settings; the demo starts in `demo` when asked for.
/// The plan (its name is the last guest's, to check the prefix), the tokens' source and the
/// client.
async fn prepare(
    args: &LoadArgs,
    demo: &DemoSlot,
) -> Result<(Plan, TokenSource, HttpClient), FailureInfo> {
    let meeting = target::parse_meeting(
        args.target.meeting.as_deref(),
        args.target.demo,
        args.target.direct,
    )?;
    let source = target::source(&args.target)?;
    let flags = Flags {
        origin: args.target.origin.clone(),
        culture: None,
    };
    let settings = target::settings(&flags, &args.transport)?;
    let plan = Plan {
        meeting,
        name: guest_name(&args.name, args.count)?,
        source,
        origin: settings.effective.origin.0,
        culture: settings.effective.culture.0,
        join_deadline: Some(Duration::from_secs(args.timeout)),
    };
    let tokens = target::token_source(&plan.source, demo, &plan.origin).await?;
    Ok((plan, tokens, settings.http))
}

/// Run `load` and return the process exit code.
pub async fn run(args: LoadArgs) -> i32 {
    let demo = DemoSlot::default();
    let (plan, tokens, http) = match prepare(&args, &demo).await {
        Ok(p) => p,
        Err(e) => {
            demo.shutdown().await;
            return report_error(&e, args.json);
        }
    };
    let open_file_limit = raise_open_file_limit();
    let stop = CancellationToken::new();
    let interrupted = Arc::new(OnceLock::<StopSignal>::new());
    let interrupter = spawn_interrupter(stop.clone(), interrupted.clone());
    let progress = Arc::new(Progress::default());
    let ticker = spawn_progress(progress.clone(), args.count);
    let started_at = Instant::now();
    let guests = run_guests(&args, (&plan, &tokens), &http, &stop, &progress).await;
    let mut tally = match guests {
        Ok(t) => t,
        Err(e) => {
            demo.shutdown().await;
            return report_error(&e, args.json);
        }
    };
    let wall = started_at.elapsed();
    interrupter.abort();
    if let Some(t) = ticker {
        t.abort();
    }
    demo.shutdown().await;
    let report = Report {
        command: "load",
        meeting_host: plan.meeting.host().to_string(),
        count: args.count,
        concurrency: args.concurrency.min(args.count),
        stay_s: args.stay,
        started: progress.started.load(Ordering::Relaxed),
        joined: tally.joined,
        success_rate: tally.joined as f64 / f64::from(args.count),
        not_left_cleanly: tally.unclean,
        failures: tally.failures.values().cloned().collect(),
        steps: tally
            .samples
            .step_summaries()
            .into_iter()
            .map(|(name, summary)| StepRow { name, summary })
            .collect(),
        time_to_joined: tally.samples.time_to_joined(),
        wall_ms: u64::try_from(wall.as_millis()).unwrap_or(u64::MAX),
        peak_rss_bytes: peak_rss_bytes(),
        open_file_limit,
        interrupted: interrupted.get().copied(),
        exit_code: match interrupted.get() {
            Some(signal) => signal.exit_code(),
            None => exit_code(args.count, &tally),
        },
    };
    if args.json {
        match serde_json::to_string(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: cannot write the report: {e}"),
        }
    } else {
        print_human(&report);
    }
    report.exit_code
}

/// The first stop signal stops the run (every guest under way leaves) and is kept in
/// `interrupted`, which sets the exit code.
fn spawn_interrupter(
    stop: CancellationToken,
    interrupted: Arc<OnceLock<StopSignal>>,
) -> JoinHandle<()> {
    let mut signals = StopSignals::new();
    tokio::spawn(async move {
        if let Some(signal) = signals.recv().await {
            eprintln!(
                "load: {} received; stopping, every guest under way leaves",
                signal.name()
            );
            interrupted.get_or_init(|| signal);
            stop.cancel();
        }
    })
}

/// Start the guests, at most `--concurrency` at a time, until all have ended or `stop` fires,
/// and count what became of each.
async fn run_guests(
    args: &LoadArgs,
    (plan, tokens): (&Plan, &TokenSource),
    http: &HttpClient,
    stop: &CancellationToken,
    progress: &Progress,
) -> Result<Tally, FailureInfo> {
    let stay = Duration::from_secs(args.stay);
    let permits = Arc::new(Semaphore::new(args.concurrency.min(args.count) as usize));
    let mut tally = Tally::default();
    let mut running = JoinSet::new();
    let record = |tally: &mut Tally, r: Result<GuestResult, tokio::task::JoinError>| {
        if r.as_ref().is_ok_and(|g| g.joined) {
            progress.joined.fetch_add(1, Ordering::Relaxed);
        }
        tally.add(r);
        progress.finished.fetch_add(1, Ordering::Relaxed);
    };
    for i in 1..=args.count {
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p,
            _ = stop.cancelled() => break,
        };
        let Ok(permit) = permit else { break };
        while let Some(r) = running.try_join_next() {
            record(&mut tally, r);
        }
        let request = plan.request_as(guest_name(&args.name, i)?, tokens.clone());
        progress.started.fetch_add(1, Ordering::Relaxed);
        let (http, stop) = (http.clone(), stop.clone());
        running.spawn(async move {
            let result = guest(http, request, stay, stop).await;
            drop(permit);
            result
        });
    }
    while let Some(r) = running.join_next().await {
        record(&mut tally, r);
    }
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guest(joined: bool, failure: Option<FailureKind>) -> GuestResult {
        GuestResult {
            joined,
            left_cleanly: true,
            failure,
            cancelled: false,
            steps: vec![(crate::join::Step::Discovery, 3)],
            time_to_joined: joined.then_some(10),
        }
    }

    #[test]
    fn exit_codes() {
        let mut all = Tally::default();
        all.add(Ok(guest(true, None)));
        all.add(Ok(guest(true, None)));
        assert_eq!(exit_code(2, &all), 0);
        // One missing guest (not started) is not success.
        assert_eq!(exit_code(3, &all), 1);

        let mut denied = Tally::default();
        denied.add(Ok(guest(false, Some(FailureKind::LobbyDenied))));
        denied.add(Ok(guest(false, Some(FailureKind::LobbyDenied))));
        assert_eq!(exit_code(2, &denied), 6);
        assert_eq!(denied.failures["GJ-LOBBY-DENIED"].count, 2);

        let mut mixed = Tally::default();
        mixed.add(Ok(guest(false, Some(FailureKind::LobbyDenied))));
        mixed.add(Ok(guest(false, Some(FailureKind::MeetingNotFound))));
        assert_eq!(exit_code(2, &mixed), 1);

        let mut some = Tally::default();
        some.add(Ok(guest(true, None)));
        some.add(Ok(guest(false, Some(FailureKind::MeetingNotFound))));
        assert_eq!(exit_code(2, &some), 1);

        let mut unclean = Tally::default();
        let mut g = guest(true, None);
        g.left_cleanly = false;
        unclean.add(Ok(g));
        assert_eq!(exit_code(1, &unclean), 1);
        assert_eq!(unclean.samples.time_to_joined().map(|s| s.count), Some(1));
    }

    #[test]
    fn names_are_numbered_and_checked() {
        assert_eq!(
            guest_name("Load guest", 17).unwrap().as_str(),
            "Load guest 17"
        );
        assert_eq!(
            guest_name("  Load guest ", 3).unwrap().as_str(),
            "Load guest 3"
        );
        // The number counts towards the 250 characters.
        let long = guest_name(&"x".repeat(249), 1).unwrap_err();
        assert_eq!(long.kind, FailureKind::BadInput);
        assert_eq!(
            long.message,
            "--name: The name is too long (251 characters); use at most 250."
        );
        let control = guest_name("bad\u{7}", 1).unwrap_err();
        assert_eq!(control.kind, FailureKind::BadInput);
        assert_eq!(
            control.message,
            "--name: The name contains a control character (such as a tab or line break); remove it."
        );
    }
}
