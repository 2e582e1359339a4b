//! `guest-join soak`: one guest stays in a demo meeting for a long time in compressed time, and
//! the process's memory is sampled all along. The emulator releases the parked event GET after
//! `--poll-hold-ms` instead of minutes, mints tokens that live `--token-secs`, and the soak drops
//! the event channel every `--drop-every-secs` and has a participant chat every
//! `--chat-every-secs`; so a few minutes hold thousands of event-channel cycles, several token
//! renewals (rejoins ahead of expiry) and channel drops. Memory must stay flat: the median
//! resident size of the last tenth of the run against that of the second tenth (the first is
//! the warm-up).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use tokio::task::JoinHandle;

use crate::api::HttpClient;
use crate::cli::SoakArgs;
use crate::demo::{self, Demo};
use crate::emulator::{Control, EmulatorConfig, Role, ScriptedParticipant, demo_meetings};
use crate::join::{
    DisplayName, EventSink, JoinEvent, JoinRequest, JoinStatus, Phase, SessionControl,
};
use crate::stop_signal::{StopSignal, StopSignals};

use super::process::current_rss_bytes;
use crate::commands::target;
use crate::launch::{JoinSource, Plan};

/// Memory counts as flat when the end is within this factor of the start (plus `FLAT_SLACK`).
const FLAT_RATIO: f64 = 1.10;
/// Allocator noise allowed on top of the ratio, in bytes.
const FLAT_SLACK: u64 = 2 * 1024 * 1024;
const HOST: &str = "Soak host";

/// Counts what happened, cheaply (the sink runs on the engine's task).
#[derive(Default)]
struct Counters {
    event_gets: AtomicU64,
    rejoins: AtomicU64,
    interruptions: AtomicU64,
    chat_received: AtomicU64,
    in_meeting: AtomicU64,
}

struct SoakSink(Arc<Counters>);

impl EventSink for SoakSink {
    fn emit(&self, event: &JoinEvent) {
        let c = &self.0;
        match event {
            JoinEvent::Exchange { record } if record.tag == "event_channel" => {
                c.event_gets.fetch_add(1, Ordering::Relaxed);
            }
            JoinEvent::Reconnected { .. } => {
                c.rejoins.fetch_add(1, Ordering::Relaxed);
            }
            JoinEvent::ChannelInterrupted { .. } => {
                c.interruptions.fetch_add(1, Ordering::Relaxed);
            }
            JoinEvent::ChatMessage { message } if !message.outgoing => {
                c.chat_received.fetch_add(1, Ordering::Relaxed);
            }
            JoinEvent::Phase {
                phase: Phase::InMeeting,
            } => {
                c.in_meeting.store(1, Ordering::Relaxed);
            }
            _ => {}
        }
    }
}

#[derive(Debug, Serialize)]
pub struct SoakReport {
    pub command: &'static str,
    pub seconds: f64,
    pub poll_hold_ms: u64,
    pub token_secs: u64,
    pub event_gets: u64,
    pub rejoins: u64,
    pub channel_drops: u64,
    pub channel_interruptions: u64,
    pub chat_sent_by_host: u64,
    pub chat_received: u64,
    /// Resident memory samples, one a second, in bytes.
    pub rss_samples: usize,
    pub rss_start_bytes: u64,
    pub rss_end_bytes: u64,
    pub rss_max_bytes: u64,
    pub memory_flat: bool,
    pub stayed_in_meeting: bool,
    pub left_cleanly: bool,
    pub error: Option<String>,
    /// The signal that stopped the run early (then `exit_code` is 128 + its number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interrupted: Option<StopSignal>,
    pub exit_code: i32,
}

fn median(v: &[u64]) -> u64 {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

/// The start and end medians: the second tenth (after warm-up) and the last tenth.
fn start_and_end(samples: &[u64]) -> (u64, u64) {
    let tenth = (samples.len() / 10).max(1);
    let start = samples
        .get(tenth..(2 * tenth).min(samples.len()))
        .filter(|s| !s.is_empty())
        .unwrap_or(samples);
    let end = &samples[samples.len().saturating_sub(tenth)..];
    (median(start), median(end))
}

fn is_flat(start: u64, end: u64) -> bool {
    (end as f64) <= start as f64 * FLAT_RATIO + FLAT_SLACK as f64
}

/// Run `soak` and return the exit code: 0 when the guest stayed in, left cleanly and memory
/// stayed flat; 1 otherwise; 2 for bad usage.
pub async fn run(args: SoakArgs) -> i32 {
    if current_rss_bytes().is_none() {
        eprintln!("error: soak reads memory from /proc/self/status, which this system lacks");
        return 2;
    }
    let config = EmulatorConfig {
        meetings: demo_meetings(),
        poll_hold: Duration::from_millis(args.poll_hold_ms),
        token_lifetime: Duration::from_secs(args.token_secs),
        ..EmulatorConfig::default()
    };
    let origin = crate::join::request::DEFAULT_ORIGIN;
    let demo = match Demo::start_with(config, origin).await {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: the demo environment did not start: {e}");
            return 1;
        }
    };
    let report = soak(&demo, &args, origin).await;
    demo.shutdown().await;
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

async fn soak(demo: &Demo, args: &SoakArgs, origin: &str) -> SoakReport {
    let meeting = demo::OPEN_MEETING_URL;
    let control = demo.control();
    let mut error = None;
    if let Err(e) = control.add_participant(
        meeting,
        ScriptedParticipant::new(HOST, Role::Attendee, None),
    ) {
        error = Some(format!("cannot add the chatting participant: {e}"));
    }
    let Some((request, http)) = guest_request(demo, meeting, origin) else {
        return failed_report(args, "cannot build the guest's request".into());
    };
    let asi = request.application_session_id.as_str().to_string();
    let counters = Arc::new(Counters::default());
    let session = SessionControl::new();
    let engine = {
        let (sink, session) = (Arc::new(SoakSink(counters.clone())), session.clone());
        tokio::spawn(async move { crate::join::run(&http, &request, sink, &session).await })
    };

    let started = Instant::now();
    let stirred = stay_and_stir(args, &control, &asi, &counters, &engine).await;
    let stayed = !engine.is_finished();
    session.leave();
    let status: JoinStatus = match tokio::time::timeout(Duration::from_secs(30), engine).await {
        Ok(Ok(status)) => status,
        Ok(Err(e)) => return failed_report(args, format!("the session task failed: {e}")),
        Err(_) => return failed_report(args, "the guest did not leave within 30 s".into()),
    };
    if !stayed {
        error = Some(status.failure.as_ref().map_or_else(
            || "the session ended before the soak did".to_string(),
            |f| format!("{}: {}", f.kind.id(), f.message),
        ));
    }
    let samples = &stirred.samples;
    let (start, end) = start_and_end(samples);
    let memory_flat = samples.len() >= 10 && is_flat(start, end);
    let left_cleanly = status.left_cleanly == Some(true);
    let ok = stayed && left_cleanly && memory_flat && error.is_none();
    SoakReport {
        command: "soak",
        seconds: started.elapsed().as_secs_f64(),
        poll_hold_ms: args.poll_hold_ms,
        token_secs: args.token_secs,
        event_gets: counters.event_gets.load(Ordering::Relaxed),
        rejoins: counters.rejoins.load(Ordering::Relaxed),
        channel_drops: stirred.drops,
        channel_interruptions: counters.interruptions.load(Ordering::Relaxed),
        chat_sent_by_host: stirred.said,
        chat_received: counters.chat_received.load(Ordering::Relaxed),
        rss_samples: samples.len(),
        rss_start_bytes: start,
        rss_end_bytes: end,
        rss_max_bytes: samples.iter().copied().max().unwrap_or(0),
        memory_flat,
        stayed_in_meeting: stayed,
        left_cleanly,
        error,
        interrupted: stirred.interrupted,
        exit_code: match stirred.interrupted {
            Some(signal) => signal.exit_code(),
            None if ok => 0,
            None => 1,
        },
    }
}

/// The guest's request for the demo's open `meeting`, and its HTTP client.
fn guest_request(demo: &Demo, meeting: &str, origin: &str) -> Option<(JoinRequest, HttpClient)> {
    let meeting = target::parse_meeting(Some(meeting), true, false).ok()?;
    let http = target::http_client(&crate::cli::TransportArgs::default()).ok()?;
    let name = DisplayName::parse("Soak guest").ok()?;
    let plan = Plan {
        meeting,
        name,
        source: JoinSource::Demo { service_key: None },
        origin: origin.to_string(),
        culture: "en-US".into(),
        join_deadline: Some(Duration::from_secs(60)),
    };
    Some((plan.request(demo.token_source()), http))
}

/// What the soak did while the guest stayed.
struct Stirred {
    /// Resident memory, one sample a second while the guest was in the meeting.
    samples: Vec<u64>,
    drops: u64,
    said: u64,
    interrupted: Option<StopSignal>,
}

/// Until `--seconds` have passed, the session ends or a stop signal comes: once a second while
/// the guest is in the meeting, sample memory, drop the event channel and have the host chat
/// when their turns come; every ten seconds, a progress line on stderr (without `--json`).
async fn stay_and_stir(
    args: &SoakArgs,
    control: &Control,
    asi: &str,
    counters: &Counters,
    engine: &JoinHandle<JoinStatus>,
) -> Stirred {
    let started = Instant::now();
    let length = Duration::from_secs(args.seconds);
    let mut stirred = Stirred {
        samples: Vec::new(),
        drops: 0,
        said: 0,
        interrupted: None,
    };
    let (mut next_drop, mut next_chat) = (
        Duration::from_secs(args.drop_every_secs),
        Duration::from_secs(args.chat_every_secs),
    );
    let mut last_print = Instant::now();
    let mut signals = StopSignals::new();
    while started.elapsed() < length && !engine.is_finished() {
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
            Some(signal) = signals.recv() => {
                eprintln!("soak: {} received; the guest leaves", signal.name());
                stirred.interrupted = Some(signal);
                break;
            }
        }
        let now = started.elapsed();
        if counters.in_meeting.load(Ordering::Relaxed) == 1 {
            if let Some(rss) = current_rss_bytes() {
                stirred.samples.push(rss);
            }
            if now >= next_drop {
                next_drop += Duration::from_secs(args.drop_every_secs);
                if control.drop_channel(asi, false).unwrap_or(false) {
                    stirred.drops += 1;
                }
            }
            if now >= next_chat {
                next_chat += Duration::from_secs(args.chat_every_secs);
                let text = format!("soak message {}", stirred.said);
                if control.say(demo::OPEN_MEETING_URL, HOST, &text).is_ok() {
                    stirred.said += 1;
                }
            }
        }
        // The journal would grow to its cap over a long run: it is not what is measured.
        control.clear_journal();
        if !args.json && last_print.elapsed() >= Duration::from_secs(10) {
            last_print = Instant::now();
            eprintln!(
                "{:>5.0} s  event GETs {}  rejoins {}  drops {}  RSS {}",
                now.as_secs_f64(),
                counters.event_gets.load(Ordering::Relaxed),
                counters.rejoins.load(Ordering::Relaxed),
                stirred.drops,
                super::process::format_bytes(stirred.samples.last().copied()),
            );
        }
    }
    stirred
}

fn failed_report(args: &SoakArgs, error: String) -> SoakReport {
    SoakReport {
        command: "soak",
        seconds: 0.0,
        poll_hold_ms: args.poll_hold_ms,
        token_secs: args.token_secs,
        event_gets: 0,
        rejoins: 0,
        channel_drops: 0,
        channel_interruptions: 0,
        chat_sent_by_host: 0,
        chat_received: 0,
        rss_samples: 0,
        rss_start_bytes: 0,
        rss_end_bytes: 0,
        rss_max_bytes: 0,
        memory_flat: false,
        stayed_in_meeting: false,
        left_cleanly: false,
        error: Some(error),
        interrupted: None,
        exit_code: 1,
    }
}

fn print_human(r: &SoakReport) {
    let mb = |b: u64| super::process::format_bytes(Some(b));
    println!(
        "Soak: one guest in the open demo meeting for {:.0} s; event GETs held {} ms, tokens \
         live {} s",
        r.seconds, r.poll_hold_ms, r.token_secs
    );
    println!(
        "  event-channel cycles {}  rejoins (token renewals) {}  channel drops {} (interruptions \
         seen {})  chat {} sent / {} received",
        r.event_gets,
        r.rejoins,
        r.channel_drops,
        r.channel_interruptions,
        r.chat_sent_by_host,
        r.chat_received
    );
    println!(
        "  resident memory: start {} (median of the second tenth), end {} (last tenth), max {}; \
         {} samples: {}",
        mb(r.rss_start_bytes),
        mb(r.rss_end_bytes),
        mb(r.rss_max_bytes),
        r.rss_samples,
        if r.memory_flat { "flat" } else { "NOT flat" }
    );
    println!(
        "  stayed in the meeting: {}  left cleanly: {}",
        r.stayed_in_meeting, r.left_cleanly
    );
    if let Some(e) = &r.error {
        println!("  error: {e}");
    }
    match r.interrupted {
        Some(signal) => println!(
            "Result: interrupted by {} (exit {})",
            signal.name(),
            r.exit_code
        ),
        None => println!("Result: exit {}", r.exit_code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_is_the_second_tenth_and_end_the_last() {
        let samples: Vec<u64> = (0..100).collect();
        assert_eq!(start_and_end(&samples), (15, 95));
        assert_eq!(start_and_end(&[7]), (7, 7));
        assert_eq!(start_and_end(&[]), (0, 0));
    }

    #[test]
    fn flat_allows_ten_percent_and_some_noise() {
        let mib = 1024 * 1024;
        assert!(is_flat(100 * mib, 110 * mib));
        assert!(is_flat(10 * mib, 12 * mib));
        assert!(!is_flat(100 * mib, 113 * mib));
        assert!(!is_flat(10 * mib, 20 * mib));
    }
}
