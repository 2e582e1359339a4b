//! `gui-probe --meetings`: the town hall against the small meeting, each run a few times in a
//! fresh process, alternating; the medians of CPU per frame in each phase, and the town hall's
//! memory after 10,000 messages against after 1,000.

use std::fmt;
use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use super::compare::{RUNS, run_child};
use super::meeting::MeetingReport;
use super::{SETTLE_LIMIT, check_display, mib};
use crate::cli::ProbeMeeting;

/// The town hall's CPU per frame within this factor of the small meeting's (issue target).
pub const CPU_RATIO_LIMIT: f64 = 1.5;
/// Memory after 10,000 messages within this factor of after 1,000.
pub const MEMORY_RATIO_LIMIT: f64 = 1.2;
/// Idle, a meeting paints for what arrives: at most this many frames a chat message (and
/// [`IDLE_SPARE_FRAMES`] more), never continuously.
pub const IDLE_FRAMES_PER_MESSAGE: u64 = 3;
pub const IDLE_SPARE_FRAMES: u64 = 3;
/// The phases compared.
pub const PHASES: [&str; 3] = ["idle", "pointer", "scroll"];

/// One phase in both meetings (medians).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseComparison {
    pub name: String,
    pub small_frames: u64,
    pub town_hall_frames: u64,
    /// Chat messages taken in during the phase.
    pub small_messages: u64,
    pub town_hall_messages: u64,
    /// UI-thread CPU a frame, ms.
    pub small_ms_per_frame: f64,
    pub town_hall_ms_per_frame: f64,
    /// town hall / small; `None` when a meeting painted no frame in the phase.
    pub ratio: Option<f64>,
    /// The whole app's CPU a frame (painting threads included), ms, and its ratio.
    pub small_app_ms_per_frame: f64,
    pub town_hall_app_ms_per_frame: f64,
    pub app_ratio: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingComparison {
    pub runs: usize,
    pub idle_secs: u64,
    pub phases: Vec<PhaseComparison>,
    pub rss_after_1k_kib: u64,
    pub rss_after_10k_kib: u64,
    pub memory_ratio: f64,
    pub cpu_ratio_limit: f64,
    pub memory_ratio_limit: f64,
    /// Idle, both meetings painted only for the messages that arrived.
    pub idle_paints_on_events: bool,
    /// Every phase with frames in both within `cpu_ratio_limit`, idle painting only on events,
    /// memory within its limit.
    pub within_limit: bool,
}

fn median_f(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn median_u(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

impl MeetingComparison {
    pub fn from_reports(small: &[MeetingReport], hall: &[MeetingReport], idle_secs: u64) -> Self {
        let of = |reports: &[MeetingReport], name: &str| -> (u64, u64, f64, f64) {
            let phases: Vec<_> = reports.iter().filter_map(|r| r.phase(name)).collect();
            (
                median_u(phases.iter().map(|p| p.frames).collect()),
                median_u(phases.iter().map(|p| p.messages).collect()),
                median_f(phases.iter().map(|p| p.ui_ms_per_frame).collect()),
                median_f(phases.iter().map(|p| p.app_ms_per_frame).collect()),
            )
        };
        let phases: Vec<PhaseComparison> = PHASES
            .iter()
            .map(|name| {
                let (sf, sn, sm, sa) = of(small, name);
                let (hf, hn, hm, ha) = of(hall, name);
                let both = sf > 0 && hf > 0;
                PhaseComparison {
                    name: name.to_string(),
                    small_frames: sf,
                    town_hall_frames: hf,
                    small_messages: sn,
                    town_hall_messages: hn,
                    small_ms_per_frame: sm,
                    town_hall_ms_per_frame: hm,
                    ratio: (both && sm > 0.0).then(|| hm / sm),
                    small_app_ms_per_frame: sa,
                    town_hall_app_ms_per_frame: ha,
                    app_ratio: (both && sa > 0.0).then(|| ha / sa),
                }
            })
            .collect();
        let rss_1k = median_u(hall.iter().map(|r| r.rss_start_kib).collect());
        let rss_10k = median_u(hall.iter().filter_map(|r| r.rss_after_all_kib).collect());
        let memory_ratio = if rss_1k == 0 {
            0.0
        } else {
            rss_10k as f64 / rss_1k as f64
        };
        let cpu_ok = phases.iter().all(|p| {
            [p.ratio, p.app_ratio]
                .iter()
                .all(|r| r.is_none_or(|r| r <= CPU_RATIO_LIMIT))
        });
        let idle_ok = small.iter().chain(hall).all(|r| {
            r.phase("idle").is_some_and(|p| {
                p.frames <= p.messages * IDLE_FRAMES_PER_MESSAGE + IDLE_SPARE_FRAMES
            })
        });
        Self {
            runs: small.len().min(hall.len()),
            idle_secs,
            idle_paints_on_events: idle_ok,
            within_limit: cpu_ok
                && idle_ok
                && memory_ratio > 0.0
                && memory_ratio <= MEMORY_RATIO_LIMIT,
            phases,
            rss_after_1k_kib: rss_1k,
            rss_after_10k_kib: rss_10k,
            memory_ratio,
            cpu_ratio_limit: CPU_RATIO_LIMIT,
            memory_ratio_limit: MEMORY_RATIO_LIMIT,
        }
    }
}

impl fmt::Display for MeetingComparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "meeting view: small (3 people) against the town hall (250 people, 1,000 messages); \
             medians of {} runs each",
            self.runs
        )?;
        writeln!(
            f,
            "CPU a frame in ms, UI thread / whole app (painting included); frames and chat \
             messages taken in, in brackets"
        )?;
        writeln!(
            f,
            "phase     small                        town hall                    ratio"
        )?;
        for p in &self.phases {
            let ratio =
                |r: Option<f64>| r.map_or_else(|| "n/a".to_string(), |r| format!("{r:.2}x"));
            writeln!(
                f,
                "{:<9} {:>5.2} / {:>5.2} ({:>4}, {:>3})   {:>5.2} / {:>5.2} ({:>4}, {:>3})   {} / {}",
                p.name,
                p.small_ms_per_frame,
                p.small_app_ms_per_frame,
                p.small_frames,
                p.small_messages,
                p.town_hall_ms_per_frame,
                p.town_hall_app_ms_per_frame,
                p.town_hall_frames,
                p.town_hall_messages,
                ratio(p.ratio),
                ratio(p.app_ratio)
            )?;
        }
        writeln!(
            f,
            "memory    town hall RSS {} after 1,000 messages, {} after 10,000 ({:.2}x)",
            mib(self.rss_after_1k_kib),
            mib(self.rss_after_10k_kib),
            self.memory_ratio
        )?;
        writeln!(
            f,
            "idle      painted only for what arrived (at most {IDLE_FRAMES_PER_MESSAGE} frames a \
             message, {IDLE_SPARE_FRAMES} more): {}",
            if self.idle_paints_on_events {
                "yes"
            } else {
                "NO"
            }
        )?;
        write!(
            f,
            "verdict   CPU a frame within {:.1}x, idle painting on events, memory within {:.1}x: {}",
            self.cpu_ratio_limit,
            self.memory_ratio_limit,
            if self.within_limit { "met" } else { "NOT met" }
        )
    }
}

/// Run one meeting probe in a fresh process.
pub fn run_meeting(
    exe: &Path,
    meeting: ProbeMeeting,
    idle_secs: u64,
) -> Result<MeetingReport, String> {
    let args: Vec<String> = vec![
        "gui-probe".into(),
        "--meeting".into(),
        meeting.name().into(),
        "--json".into(),
        "--idle-secs".into(),
        idle_secs.to_string(),
    ];
    let what = format!("gui-probe --meeting {}", meeting.name());
    let limit = Duration::from_secs(idle_secs) + 2 * SETTLE_LIMIT + Duration::from_secs(300);
    let stdout = run_child(exe, &args, &what, limit)?;
    serde_json::from_str(stdout.trim())
        .map_err(|e| format!("{what} printed no report ({e}): {stdout}"))
}

/// Both meetings, [`RUNS`] times each, alternating.
pub fn compare_meetings(idle_secs: u64) -> Result<MeetingComparison, String> {
    check_display()?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let (mut small, mut hall) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        small.push(run_meeting(&exe, ProbeMeeting::Small, idle_secs)?);
        hall.push(run_meeting(&exe, ProbeMeeting::TownHall, idle_secs)?);
    }
    Ok(MeetingComparison::from_reports(&small, &hall, idle_secs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::gui_probe::meeting::PhaseCost;

    fn report(meeting: ProbeMeeting, ms: [f64; 3], frames: u64, rss: (u64, u64)) -> MeetingReport {
        MeetingReport {
            meeting,
            people: meeting.people(),
            messages: 1000,
            ready_ms: 500.0,
            phases: PHASES
                .iter()
                .zip(ms)
                .map(|(name, ms)| PhaseCost {
                    name: name.to_string(),
                    secs: 2.0,
                    frames,
                    passes: frames,
                    messages: 20,
                    ui_cpu_secs: ms * frames as f64 / 1000.0,
                    app_cpu_secs: 0.0,
                    ui_ms_per_frame: ms,
                    app_ms_per_frame: ms * 4.0,
                })
                .collect(),
            rss_start_kib: rss.0,
            rss_after_all_kib: (meeting == ProbeMeeting::TownHall).then_some(rss.1),
            messages_after_all: None,
        }
    }

    #[test]
    fn the_verdict_needs_every_phase_and_the_memory_within_limits() {
        let small = [report(ProbeMeeting::Small, [2.0, 4.0, 4.0], 60, (100, 0))];
        let good = [report(
            ProbeMeeting::TownHall,
            [2.5, 5.0, 5.9],
            60,
            (1000, 1100),
        )];
        let c = MeetingComparison::from_reports(&small, &good, 5);
        assert!(c.within_limit, "{c}");
        assert_eq!(c.phases[2].ratio.map(|r| (r * 100.0).round()), Some(148.0));
        let slow = [report(
            ProbeMeeting::TownHall,
            [2.0, 4.0, 6.1],
            60,
            (1000, 1100),
        )];
        assert!(!MeetingComparison::from_reports(&small, &slow, 5).within_limit);
        let fat = [report(
            ProbeMeeting::TownHall,
            [2.0, 4.0, 4.0],
            60,
            (1000, 1300),
        )];
        assert!(!MeetingComparison::from_reports(&small, &fat, 5).within_limit);
        let idle = [report(ProbeMeeting::Small, [2.0, 4.0, 4.0], 0, (100, 0))];
        let c = MeetingComparison::from_reports(&idle, &good, 5);
        assert_eq!(c.phases[0].ratio, None, "no frames: no ratio");
    }

    #[test]
    fn idle_frames_beyond_what_arrived_fail_the_verdict() {
        // 20 messages arrived in each phase: 63 frames is 3 a message and 3 more.
        let small = [report(ProbeMeeting::Small, [2.0, 4.0, 4.0], 63, (100, 0))];
        let hall = [report(
            ProbeMeeting::TownHall,
            [2.5, 5.0, 5.0],
            63,
            (1000, 1100),
        )];
        let c = MeetingComparison::from_reports(&small, &hall, 5);
        assert!(c.idle_paints_on_events && c.within_limit, "{c}");
        let busy = [report(
            ProbeMeeting::TownHall,
            [2.5, 5.0, 5.0],
            64,
            (1000, 1100),
        )];
        let c = MeetingComparison::from_reports(&small, &busy, 5);
        assert!(!c.idle_paints_on_events && !c.within_limit, "{c}");
    }
}
