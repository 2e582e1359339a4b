//! `guest-join bench`: the join overhead of docs/design.md §10. The demo environment runs in this
//! process with the emulator adding `--latency-ms` L to every HTTP exchange; one warm-up join
//! (not counted) fills the service application's caches, then `--runs` joins of the open demo
//! meeting run one after the other, each with its own session, on the same engine as `join`.
//! Time to joined = from the engine start to the event that puts the session in the meeting.
//!
//! The floor is L × K, K the exchanges that must happen one after the other (`CRITICAL_PATH`).
//! The emulator adds its latency when a request arrives, before it answers, and answers one
//! batch per event GET. The event GET parked before the invitation POST waits out its latency
//! while the POST waits out its own, so it costs no extra round trip; it brings the pool's
//! housekeeping batch of the new application. The invitation's two batches (started, then
//! admission) each need one more GET after that: those two are on the path.
//!
//! The report is built as sections (`BenchReport`), so more figures can be appended.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::api::http::HttpClient;
use crate::api::wire::Route;
use crate::cli::BenchArgs;
use crate::demo::{self, Demo};
use crate::emulator::{Control, EmulatorConfig, JournalEntry, demo_meetings};
use crate::join::status::StepState;
use crate::join::{
    DisplayName, EventSink, FailureInfo, FailureKind, JoinEvent, MeetingLink, Phase, SessionControl,
};

use super::gui_probe::{GuiComparison, check_display, compare};
use super::stats::{StepSamples, Summary};
use crate::commands::target;
use crate::join::TokenSource;
use crate::launch::{JoinSource, Plan};

/// Most the median time to joined may exceed the floor by (docs/design.md §10).
pub const TARGET_RATIO: f64 = 1.05;

/// One exchange of the critical path: the emulator's route name (as in its journal) and what it is.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PathStep {
    pub route: Route,
    pub what: &'static str,
}

/// The unavoidable sequential exchanges of a join of the open demo meeting after the warm-up,
/// each carrying the emulator's latency once. K = its length.
pub const CRITICAL_PATH: [PathStep; 6] = [
    PathStep {
        route: Route::AnonTokens,
        what: "anonApplicationTokens POST (service application -> Trusted Application API)",
    },
    PathStep {
        route: Route::AnonDiscover,
        what: "discover GET (guest -> platform service)",
    },
    PathStep {
        route: Route::CreateApplication,
        what: "application POST (guest -> UCWA pool)",
    },
    PathStep {
        route: Route::JoinMeeting,
        what: "onlineMeetingInvitation POST, and beside it the events GET parked before it \
               (it brings the housekeeping batch of the new application)",
    },
    PathStep {
        route: Route::Events,
        what: "events GET of the batch 'invitation started' (one batch per GET)",
    },
    PathStep {
        route: Route::Events,
        what: "events GET of the admission batch (conversation Conferenced, invitation completed)",
    },
];

/// What the floor leaves out, and why.
pub const NOT_COUNTED: [&str; 3] = [
    "the token POST to the service application: it is not the emulator, no latency is added",
    "the service application's AAD token and platform discovery: cached after the warm-up",
    "the first events GET: parked before the invitation POST, its latency overlaps the POST's \
     (the emulator adds latency on arrival, before it answers)",
];

/// The longest chain of journal entries where each starts after the previous one ended
/// (`slack` absorbs clock rounding), as route names in order.
pub fn sequential_chain(entries: &[JournalEntry], slack: Duration) -> Vec<Route> {
    let mut sorted: Vec<&JournalEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| e.at);
    // best[i] = (length of the longest chain ending at i, previous index)
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(sorted.len());
    for (i, e) in sorted.iter().enumerate() {
        let prev = (0..i)
            .filter(|&j| sorted[j].at + sorted[j].elapsed <= e.at + slack)
            .max_by_key(|&j| best[j].0);
        best.push((prev.map_or(1, |j| best[j].0 + 1), prev));
    }
    let mut at = (0..sorted.len()).max_by_key(|&i| (best[i].0, std::cmp::Reverse(i)));
    let mut chain = Vec::new();
    while let Some(i) = at {
        chain.push(sorted[i].route);
        at = best[i].1;
    }
    chain.reverse();
    chain
}

/// Leaves as soon as the session is in the meeting; notes when, and (once) the journal then.
struct BenchSink {
    started: Instant,
    control: SessionControl,
    joined_ms: Mutex<Option<u64>>,
    journal: Option<(Control, Mutex<Vec<JournalEntry>>)>,
}

impl EventSink for BenchSink {
    fn emit(&self, event: &JoinEvent) {
        if !matches!(
            event,
            JoinEvent::Phase {
                phase: Phase::InMeeting
            }
        ) {
            return;
        }
        let ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        if let Ok(mut joined) = self.joined_ms.lock() {
            joined.get_or_insert(ms);
        }
        if let Some((control, snapshot)) = &self.journal
            && let Ok(mut s) = snapshot.lock()
            && s.is_empty()
        {
            *s = control.journal();
        }
        self.control.leave();
    }
}

struct RunResult {
    time_to_joined: Option<u64>,
    failure: Option<FailureInfo>,
    steps: Vec<(crate::join::Step, u64)>,
    /// Journal entries of this session up to the moment it got in (when asked for).
    journal: Vec<JournalEntry>,
}

async fn one_join(
    http: &HttpClient,
    target: &(Plan, TokenSource),
    n: u32,
    journal: Option<Control>,
) -> RunResult {
    let name = DisplayName::parse(&format!("Bench guest {n}"));
    let Ok(name) = name else {
        return RunResult {
            time_to_joined: None,
            failure: Some(FailureInfo::new(
                FailureKind::BadInput,
                None,
                "bad guest name",
            )),
            steps: Vec::new(),
            journal: Vec::new(),
        };
    };
    let request = target.0.request_as(name, target.1.clone());
    let control = SessionControl::new();
    let sink = Arc::new(BenchSink {
        started: Instant::now(),
        control: control.clone(),
        joined_ms: Mutex::new(None),
        journal: journal.map(|c| (c, Mutex::new(Vec::new()))),
    });
    let status = crate::join::run(http, &request, sink.clone(), &control).await;
    let asi = request.application_session_id.as_str();
    let journal = sink
        .journal
        .as_ref()
        .and_then(|(_, s)| s.lock().ok().map(|s| s.clone()))
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e.route != Route::Control && e.session.as_deref().is_none_or(|s| s == asi))
        .collect();
    RunResult {
        time_to_joined: sink.joined_ms.lock().ok().and_then(|j| *j),
        failure: status.failure.clone(),
        steps: status
            .steps
            .iter()
            .filter(|s| s.state == StepState::Done)
            .filter_map(|s| Some((s.step, s.ms?)))
            .collect(),
        journal,
    }
}

#[derive(Debug, Serialize)]
pub struct StepMedian {
    pub name: &'static str,
    pub median_ms: u64,
}

/// The join-overhead section.
#[derive(Debug, Serialize)]
pub struct JoinFigures {
    pub meeting: &'static str,
    pub latency_ms: u64,
    pub warmup_runs: u32,
    pub runs: u32,
    pub joined_runs: u32,
    pub k: usize,
    pub k_parts: Vec<PathStep>,
    pub not_counted: Vec<&'static str>,
    /// K as the emulator's journal shows it for one measured join (the longest chain of
    /// exchanges that ran one after the other), with its routes.
    pub k_journal: usize,
    pub k_journal_routes: Vec<Route>,
    pub floor_ms: u64,
    /// Nearest-rank median (the lower middle value for an even number of runs).
    pub median_ms: Option<u64>,
    pub min_ms: Option<u64>,
    pub max_ms: Option<u64>,
    /// median / floor; `None` without latency.
    pub ratio: Option<f64>,
    pub target_ratio: f64,
    /// `None` without latency (no floor to compare with).
    pub within_target: Option<bool>,
    pub steps: Vec<StepMedian>,
    /// Error ids of the runs that did not get in.
    pub failures: Vec<&'static str>,
}

/// Everything `bench` reports; further sections become further fields.
#[derive(Debug, Serialize)]
pub struct BenchReport {
    pub command: &'static str,
    #[serde(flatten)]
    pub join: JoinFigures,
    /// `--gui`: the window against a bare eframe window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gui: Option<GuiComparison>,
    pub exit_code: i32,
}

impl BenchReport {
    fn exit_code(join: &JoinFigures, gui: Option<&GuiComparison>) -> i32 {
        let all_in = join.joined_runs == join.runs;
        let gui_ok = gui.is_none_or(GuiComparison::within_limit);
        if all_in && join.within_target != Some(false) && gui_ok {
            0
        } else {
            1
        }
    }

    /// The human report, one section after the other.
    pub fn print_human(&self) {
        print_join_section(&self.join);
        if let Some(gui) = &self.gui {
            println!();
            println!("{gui}");
        }
        println!("Result: exit {}", self.exit_code);
    }
}

fn print_join_section(j: &JoinFigures) {
    println!(
        "Bench: {} joins of {} one after the other, after {} warm-up join (not counted); \
         the emulator adds {} ms to every HTTP exchange",
        j.runs, j.meeting, j.warmup_runs, j.latency_ms
    );
    println!(
        "Floor: K = {} unavoidable sequential exchanges x {} ms = {} ms:",
        j.k, j.latency_ms, j.floor_ms
    );
    for (i, p) in j.k_parts.iter().enumerate() {
        println!("  {}. {} [{}]", i + 1, p.what, p.route);
    }
    println!("  Not counted:");
    for n in &j.not_counted {
        println!("  - {n}");
    }
    let check = if j.k_journal == j.k {
        "agrees"
    } else {
        "DISAGREES"
    };
    println!(
        "  The emulator's journal of one join {check}: {} sequential exchanges ({})",
        j.k_journal,
        j.k_journal_routes
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(" -> ")
    );
    let ms = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
    println!(
        "Time to joined: median {} ms (min {}, max {}; {} of {} runs got in)",
        ms(j.median_ms),
        ms(j.min_ms),
        ms(j.max_ms),
        j.joined_runs,
        j.runs
    );
    match (j.ratio, j.within_target) {
        (Some(r), Some(ok)) => println!(
            "Ratio median / floor: {r:.3} (target <= {}: {})",
            j.target_ratio,
            if ok { "met" } else { "MISSED" }
        ),
        _ => println!("Ratio median / floor: none (no latency added, no floor)"),
    }
    let steps: Vec<String> = j
        .steps
        .iter()
        .map(|s| format!("{} {}", s.name, s.median_ms))
        .collect();
    println!("Per-step medians (ms): {}", steps.join(", "));
    if !j.failures.is_empty() {
        println!("Failed runs: {}", j.failures.join(", "));
    }
}

fn report_error(error: &FailureInfo, json: bool) -> i32 {
    if json {
        let value = serde_json::json!({"command": "bench", "error": error, "exit_code": 1});
        println!("{value}");
    } else {
        eprintln!("error: {}", error.message);
    }
    1
}

/// `--gui` could not measure the window (no display, a probe that failed).
fn report_gui_error(message: &str, json: bool) -> i32 {
    if json {
        let value = serde_json::json!({"command": "bench", "error": {"kind": "gui", "message": message}, "exit_code": 1});
        println!("{value}");
    } else {
        eprintln!("error: --gui: {message}");
    }
    1
}

async fn start(latency: Duration) -> Result<(Demo, (Plan, TokenSource), HttpClient), FailureInfo> {
    let origin = crate::join::request::DEFAULT_ORIGIN;
    let config = EmulatorConfig {
        latency,
        meetings: demo_meetings(),
        ..EmulatorConfig::default()
    };
    let demo = Demo::start_with(config, origin).await.map_err(|e| {
        FailureInfo::new(
            FailureKind::ServiceUnreachable,
            None,
            format!("the demo environment did not start: {e}"),
        )
    })?;
    let meeting = MeetingLink::parse(demo::OPEN_MEETING_URL)
        .map_err(|e| FailureInfo::new(FailureKind::BadInput, None, e.to_string()))?;
    let name = DisplayName::parse("Bench guest")
        .map_err(|e| FailureInfo::new(FailureKind::BadInput, None, e.to_string()))?;
    let plan = Plan {
        meeting,
        name,
        source: JoinSource::Demo { service_key: None },
        origin: origin.to_string(),
        culture: "en-US".to_string(),
        join_deadline: Some(Duration::from_secs(120)),
    };
    let target = (plan, demo.token_source());
    Ok((
        demo,
        target,
        target::http_client(&crate::cli::TransportArgs::default())?,
    ))
}

/// Run `bench` and return the process exit code.
pub async fn run(args: BenchArgs) -> i32 {
    if args.gui
        && let Err(message) = check_display()
    {
        return report_gui_error(&message, args.json);
    }
    let latency = Duration::from_millis(args.latency_ms);
    let (demo, target, http) = match start(latency).await {
        Ok(s) => s,
        Err(e) => return report_error(&e, args.json),
    };
    let warmup = one_join(&http, &target, 0, None).await;
    if let Some(f) = warmup.failure.filter(|_| warmup.time_to_joined.is_none()) {
        demo.shutdown().await;
        let e = FailureInfo::new(
            f.kind,
            f.step,
            format!("the warm-up join failed: {}", f.message),
        );
        return report_error(&e, args.json);
    }
    let mut samples = StepSamples::default();
    let mut failures = Vec::new();
    let mut journal = Vec::new();
    for n in 1..=args.runs {
        let watch = (n == 1).then(|| {
            let control = demo.control();
            control.clear_journal();
            control
        });
        let r = one_join(&http, &target, n, watch).await;
        if n == 1 {
            journal = r.journal;
        }
        match r.time_to_joined {
            Some(ms) => {
                samples.add_time_to_joined(ms);
                for (step, ms) in r.steps {
                    samples.add_step(step, ms);
                }
            }
            None => failures.push(r.failure.map_or("GJ-PROTOCOL", |f| f.kind.id())),
        }
    }
    demo.shutdown().await;
    let figures = figures(&args, latency, &mut samples, failures, &journal);
    let gui = if args.gui {
        let idle = args.gui_idle_secs;
        match tokio::task::spawn_blocking(move || compare(idle, None)).await {
            Ok(Ok(c)) => Some(c),
            Ok(Err(message)) => return report_gui_error(&message, args.json),
            Err(e) => return report_gui_error(&e.to_string(), args.json),
        }
    } else {
        None
    };
    let report = BenchReport {
        command: "bench",
        exit_code: BenchReport::exit_code(&figures, gui.as_ref()),
        join: figures,
        gui,
    };
    if args.json {
        match serde_json::to_string(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: cannot write the report: {e}"),
        }
    } else {
        report.print_human();
    }
    report.exit_code
}

fn figures(
    args: &BenchArgs,
    latency: Duration,
    samples: &mut StepSamples,
    failures: Vec<&'static str>,
    journal: &[JournalEntry],
) -> JoinFigures {
    let k = CRITICAL_PATH.len();
    let floor_ms = args.latency_ms.saturating_mul(k as u64);
    let joined: Option<Summary> = samples.time_to_joined();
    let median_ms = joined.map(|s| s.p50);
    let ratio = median_ms
        .filter(|_| floor_ms > 0)
        .map(|m| m as f64 / floor_ms as f64);
    let chain = sequential_chain(journal, latency / 2);
    JoinFigures {
        meeting: demo::OPEN_MEETING_URL,
        latency_ms: args.latency_ms,
        warmup_runs: 1,
        runs: args.runs,
        joined_runs: joined.map_or(0, |s| u32::try_from(s.count).unwrap_or(u32::MAX)),
        k,
        k_parts: CRITICAL_PATH.to_vec(),
        not_counted: NOT_COUNTED.to_vec(),
        k_journal: chain.len(),
        k_journal_routes: chain,
        floor_ms,
        median_ms,
        min_ms: joined.map(|s| s.min),
        max_ms: joined.map(|s| s.max),
        ratio,
        target_ratio: TARGET_RATIO,
        within_target: ratio.map(|r| r <= TARGET_RATIO),
        steps: samples
            .step_summaries()
            .into_iter()
            .map(|(name, s)| StepMedian {
                name,
                median_ms: s.p50,
            })
            .collect(),
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(route: Route, at: u64, elapsed: u64) -> JournalEntry {
        JournalEntry {
            route,
            method: "GET".into(),
            path: "/".into(),
            status: 200,
            session: None,
            origin: None,
            at: Duration::from_millis(at),
            elapsed: Duration::from_millis(elapsed),
            faulted: false,
        }
    }

    #[test]
    fn the_chain_skips_exchanges_that_overlap() {
        let journal = [
            entry(Route::AnonTokens, 0, 50),
            entry(Route::AnonDiscover, 51, 50),
            entry(Route::CreateApplication, 102, 50),
            // Parked beside the invitation POST: both start at once.
            entry(Route::Events, 153, 51),
            entry(Route::JoinMeeting, 153, 50),
            entry(Route::Events, 205, 50),
            entry(Route::Events, 256, 50),
        ];
        let chain = sequential_chain(&journal, Duration::from_millis(25));
        assert_eq!(chain.len(), 6, "{chain:?}");
        assert_eq!(chain[0], Route::AnonTokens);
        assert_eq!(chain[5], Route::Events);
        assert!(sequential_chain(&[], Duration::ZERO).is_empty());
        // Two exchanges at the same time are one step of the chain.
        let both = [
            entry(Route::Events, 0, 50),
            entry(Route::JoinMeeting, 1, 50),
        ];
        assert_eq!(sequential_chain(&both, Duration::from_millis(25)).len(), 1);
    }
}
