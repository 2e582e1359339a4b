//! The bare window against the app: runs `gui-probe --json` for each a few times, alternating,
//! each in a fresh process, and compares the medians.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::{ProbeReport, ProbeWindow, SETTLE_LIMIT, check_display, mib};

/// Runs of each window.
pub const RUNS: usize = 3;
/// docs/design.md §10: first frame and idle memory within this factor of a bare eframe window.
pub const LIMIT_RATIO: f64 = 1.15;

/// Medians of one window's runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measured {
    pub first_frame_ms: f64,
    pub rss_first_frame_kib: u64,
    /// RSS at the end of the idle window.
    pub rss_idle_kib: u64,
    pub hwm_kib: u64,
    pub idle_cpu_secs: f64,
    pub idle_frames: u64,
}

/// What `guest-join bench --gui` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuiComparison {
    pub runs: usize,
    pub idle_secs: u64,
    pub bare: Measured,
    pub app: Measured,
    /// app / bare
    pub first_frame_ratio: f64,
    pub idle_rss_ratio: f64,
    /// Median start time and memory of the in-process demo environment (in the app's figures).
    pub demo_start_ms: f64,
    pub demo_rss_kib: u64,
    /// The same ratios with the demo's start time and memory taken out of the app's figures.
    pub first_frame_ratio_without_demo: f64,
    pub idle_rss_ratio_without_demo: f64,
    /// CPU seconds of the demo's threads while the app waited in the lobby.
    pub demo_idle_cpu_secs: f64,
    pub limit_ratio: f64,
    /// The app's idle CPU allowance over the idle window (1 s per 60 s, the target).
    pub cpu_allowance_secs: f64,
    /// Both ratios (demo taken out: it is not part of the window) within `limit_ratio`, and the
    /// app's idle CPU within `cpu_allowance_secs`.
    pub within_limit: bool,
}

fn median_f(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn median_u(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    match v.len() {
        0 => 0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2,
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::NAN }
}

impl Measured {
    fn of(reports: &[ProbeReport]) -> Self {
        let f = |g: fn(&ProbeReport) -> f64| median_f(reports.iter().map(g).collect());
        let u = |g: fn(&ProbeReport) -> u64| median_u(reports.iter().map(g).collect());
        Self {
            first_frame_ms: f(|r| r.first_frame_ms),
            rss_first_frame_kib: u(|r| r.rss_first_frame_kib),
            rss_idle_kib: u(|r| r.rss_idle_end_kib),
            hwm_kib: u(|r| r.hwm_kib),
            idle_cpu_secs: f(|r| r.idle_cpu_secs),
            idle_frames: u(|r| r.idle_frames),
        }
    }
}

impl GuiComparison {
    /// Compare the runs of both windows.
    pub fn from_reports(bare: &[ProbeReport], app: &[ProbeReport], idle_secs: u64) -> Self {
        let b = Measured::of(bare);
        let a = Measured::of(app);
        let demos: Vec<_> = app.iter().filter_map(|r| r.demo.as_ref()).collect();
        let demo_start_ms = median_f(demos.iter().map(|d| d.start_ms).collect());
        let demo_rss_kib = median_u(demos.iter().map(|d| d.rss_kib).collect());
        let demo_idle_cpu_secs = median_f(demos.iter().map(|d| d.idle_cpu_secs).collect());
        Self {
            runs: bare.len().min(app.len()),
            idle_secs,
            first_frame_ratio: ratio(a.first_frame_ms, b.first_frame_ms),
            idle_rss_ratio: ratio(a.rss_idle_kib as f64, b.rss_idle_kib as f64),
            first_frame_ratio_without_demo: ratio(
                a.first_frame_ms - demo_start_ms,
                b.first_frame_ms,
            ),
            idle_rss_ratio_without_demo: ratio(
                a.rss_idle_kib.saturating_sub(demo_rss_kib) as f64,
                b.rss_idle_kib as f64,
            ),
            demo_start_ms,
            demo_rss_kib,
            demo_idle_cpu_secs,
            limit_ratio: LIMIT_RATIO,
            cpu_allowance_secs: cpu_allowance(idle_secs),
            within_limit: false,
            bare: b,
            app: a,
        }
        .judged()
    }

    fn judged(mut self) -> Self {
        self.within_limit = self.first_frame_ratio_without_demo <= self.limit_ratio
            && self.idle_rss_ratio_without_demo <= self.limit_ratio
            && self.app.idle_cpu_secs <= self.cpu_allowance_secs;
        self
    }

    /// See [`GuiComparison::within_limit`].
    pub fn within_limit(&self) -> bool {
        self.within_limit
    }
}

/// 1 s of CPU per 60 s idle.
fn cpu_allowance(idle_secs: u64) -> f64 {
    idle_secs as f64 / 60.0
}

impl fmt::Display for GuiComparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (b, a) = (&self.bare, &self.app);
        writeln!(
            f,
            "GUI cost: bare eframe window vs guest-join app (waiting in a demo lobby), glow \
             renderer; median of {} runs each, idle window {} s",
            self.runs, self.idle_secs
        )?;
        writeln!(f, "{:<34}{:>14}{:>14}{:>10}", "", "bare", "app", "app/bare")?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, b: String, a: String, r: f64| {
            writeln!(f, "{name:<34}{b:>14}{a:>14}{:>10}", format!("{r:.2}x"))
        };
        row(
            f,
            "start to first frame",
            format!("{:.0} ms", b.first_frame_ms),
            format!("{:.0} ms", a.first_frame_ms),
            self.first_frame_ratio,
        )?;
        row(
            f,
            "  without the demo's start",
            String::new(),
            format!("{:.0} ms", a.first_frame_ms - self.demo_start_ms),
            self.first_frame_ratio_without_demo,
        )?;
        row(
            f,
            "RSS after the first frame",
            mib(b.rss_first_frame_kib),
            mib(a.rss_first_frame_kib),
            ratio(a.rss_first_frame_kib as f64, b.rss_first_frame_kib as f64),
        )?;
        row(
            f,
            "idle RSS",
            mib(b.rss_idle_kib),
            mib(a.rss_idle_kib),
            self.idle_rss_ratio,
        )?;
        row(
            f,
            "  without the demo",
            String::new(),
            mib(a.rss_idle_kib.saturating_sub(self.demo_rss_kib)),
            self.idle_rss_ratio_without_demo,
        )?;
        row(
            f,
            "peak RSS",
            mib(b.hwm_kib),
            mib(a.hwm_kib),
            ratio(a.hwm_kib as f64, b.hwm_kib as f64),
        )?;
        writeln!(
            f,
            "{:<34}{:>14}{:>14}",
            "idle CPU time",
            format!("{:.3} s", b.idle_cpu_secs),
            format!("{:.3} s", a.idle_cpu_secs)
        )?;
        writeln!(
            f,
            "{:<34}{:>14}{:>14}",
            "frames painted while idle", b.idle_frames, a.idle_frames
        )?;
        writeln!(
            f,
            "demo environment (in the app's process): started in {:.0} ms, +{} RSS, {:.2} s CPU \
             while idle",
            self.demo_start_ms,
            mib(self.demo_rss_kib),
            self.demo_idle_cpu_secs
        )?;
        write!(
            f,
            "target (docs/design.md §10): first frame and idle memory within {:.2}x of the bare \
             window (the demo taken out); idle CPU at most {:.2} s (1 s per 60 s): {}",
            self.limit_ratio,
            self.cpu_allowance_secs,
            if self.within_limit { "met" } else { "NOT met" }
        )
    }
}

/// Compare the windows with this program (`gui-probe` in fresh processes).
/// `language`: the app window's (`--language`; the bare window has no text to speak of).
pub fn compare(idle_secs: u64, language: Option<&str>) -> Result<GuiComparison, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    compare_with(&exe, (idle_secs, language), RUNS)
}

/// Compare with `exe`'s `gui-probe`, `runs` times each, alternating bare and app.
pub fn compare_with(
    exe: &Path,
    (idle_secs, language): (u64, Option<&str>),
    runs: usize,
) -> Result<GuiComparison, String> {
    check_display()?;
    if runs == 0 {
        return Err("at least one run is needed".into());
    }
    let (mut bare, mut app) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        bare.push(run_one(exe, ProbeWindow::Bare, idle_secs, None)?);
        app.push(run_one(exe, ProbeWindow::App, idle_secs, language)?);
    }
    Ok(GuiComparison::from_reports(&bare, &app, idle_secs))
}

/// Run one probe in a fresh process; it is killed if it outlives every wait it has.
pub fn run_one(
    exe: &Path,
    window: ProbeWindow,
    idle_secs: u64,
    language: Option<&str>,
) -> Result<ProbeReport, String> {
    let name = match window {
        ProbeWindow::Bare => "bare",
        ProbeWindow::App => "app",
    };
    let mut args: Vec<String> = ["gui-probe", "--window", name, "--json", "--idle-secs"]
        .map(String::from)
        .into();
    args.push(idle_secs.to_string());
    if let Some(l) = language {
        args.extend(["--language".to_string(), l.to_string()]);
    }
    let what = format!("gui-probe --window {name}");
    let limit = Duration::from_secs(idle_secs) + 2 * SETTLE_LIMIT + Duration::from_secs(30);
    let stdout = run_child(exe, &args, &what, limit)?;
    serde_json::from_str(stdout.trim())
        .map_err(|e| format!("{what} printed no report ({e}): {stdout}"))
}

/// Run `exe args` and return what it printed; it is killed after `limit`, and a failure
/// carries its standard error.
pub(super) fn run_child(
    exe: &Path,
    args: &[String],
    what: &str,
    limit: Duration,
) -> Result<String, String> {
    let mut child = Command::new(exe)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::Builder::new()
            .name("gj-probe-pipe".into())
            .spawn(move || {
                let mut text = String::new();
                if let Some(mut p) = pipe {
                    let _ = p.read_to_string(&mut text);
                }
                text
            })
    };
    let started = reader(child.stdout.take().map(|p| Box::new(p) as _)).and_then(|out| {
        reader(child.stderr.take().map(|p| Box::new(p) as _)).map(|err| (out, err))
    });
    let (out, err) = match started {
        Ok(readers) => readers,
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "cannot start a thread to read gui-probe's output: {e}"
            ));
        }
    };
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{what} did not finish within {}s", limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(format!("waiting for gui-probe failed: {e}")),
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if !status.success() {
        return Err(format!("{what} failed ({status}): {}", stderr.trim()));
    }
    Ok(stdout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::gui_probe::DemoCost;

    fn report(
        window: ProbeWindow,
        first_ms: f64,
        rss: u64,
        demo: Option<(f64, u64)>,
    ) -> ProbeReport {
        ProbeReport {
            window,
            renderer: "glow".into(),
            first_frame_ms: first_ms,
            rss_first_frame_kib: rss,
            rss_idle_end_kib: rss,
            hwm_kib: rss + 10,
            idle_secs: 10.0,
            idle_cpu_secs: 0.01,
            idle_cpu_ui_secs: 0.0,
            idle_frames: 10,
            idle_passes: 10,
            reached_lobby: demo.is_some(),
            lobby_ms: demo.map(|_| first_ms + 100.0),
            demo: demo.map(|(start_ms, rss_kib)| DemoCost {
                start_ms,
                rss_kib,
                idle_cpu_secs: 0.0,
            }),
        }
    }

    #[test]
    fn medians_and_ratios() {
        let bare = [
            report(ProbeWindow::Bare, 100.0, 1000, None),
            report(ProbeWindow::Bare, 300.0, 3000, None),
            report(ProbeWindow::Bare, 200.0, 2000, None),
        ];
        let app = [
            report(ProbeWindow::App, 260.0, 2600, Some((20.0, 200))),
            report(ProbeWindow::App, 240.0, 2400, Some((40.0, 400))),
            report(ProbeWindow::App, 900.0, 9000, Some((30.0, 300))),
        ];
        let c = GuiComparison::from_reports(&bare, &app, 10);
        assert_eq!(c.bare.first_frame_ms, 200.0);
        assert_eq!(c.app.first_frame_ms, 260.0);
        assert_eq!(c.bare.rss_idle_kib, 2000);
        assert_eq!(c.app.rss_idle_kib, 2600);
        assert!((c.first_frame_ratio - 1.3).abs() < 1e-9);
        assert!((c.first_frame_ratio_without_demo - 1.15).abs() < 1e-9);
        assert!((c.idle_rss_ratio_without_demo - 1.15).abs() < 1e-9);
        assert_eq!(c.demo_rss_kib, 300);
        let text = c.to_string();
        assert!(text.contains("start to first frame"), "{text}");
        assert!(text.contains("1.30x"), "{text}");
        let json = serde_json::to_value(&c).expect("json");
        assert_eq!(json["runs"], 3);
        assert_eq!(json["app"]["rss_idle_kib"], 2600);
    }

    #[test]
    fn the_verdict_needs_both_ratios_and_the_idle_cpu_within_their_limits() {
        let bare = [report(ProbeWindow::Bare, 100.0, 1000, None)];
        let within = [report(ProbeWindow::App, 110.0, 1100, Some((0.0, 0)))];
        let c = GuiComparison::from_reports(&bare, &within, 60);
        assert!(c.within_limit(), "{c}");
        assert!(c.to_string().ends_with(": met"), "{c}");

        let slow = [report(ProbeWindow::App, 130.0, 1100, Some((0.0, 0)))];
        assert!(!GuiComparison::from_reports(&bare, &slow, 60).within_limit());
        let big = [report(ProbeWindow::App, 110.0, 1300, Some((0.0, 0)))];
        assert!(!GuiComparison::from_reports(&bare, &big, 60).within_limit());

        let mut busy = report(ProbeWindow::App, 110.0, 1100, Some((0.0, 0)));
        busy.idle_cpu_secs = 2.0;
        let c = GuiComparison::from_reports(&bare, &[busy], 60);
        assert!(!c.within_limit());
        assert!(c.to_string().ends_with(": NOT met"), "{c}");
        assert_eq!(
            serde_json::to_value(&c).expect("json")["within_limit"],
            false
        );
    }

    #[test]
    fn even_and_empty_medians() {
        assert_eq!(median_f(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median_u(vec![]), 0);
        assert!(ratio(1.0, 0.0).is_nan());
    }
}
