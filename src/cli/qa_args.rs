//! The QA tools' options and help: `load`, `bench`, `soak`, `check-service`, `gui-probe`.

use clap::Args;

use super::{TargetArgs, TransportArgs};

/// Shown under `guest-join load --help`.
pub const LOAD_AFTER_HELP: &str = "\
Each guest has its own session and leaves cleanly (also on failure and Ctrl-C).
Exit codes: 0 all joined and left cleanly; the `join` exit code of the failure when no guest
joined and all failed the same way (5 meeting not found or not allowed, 6 lobby denied, ...);
1 otherwise.

Example:
  guest-join load --demo --meeting https://meet.demo.guest-join.invalid/ada/OPEN1234 --count 1000 --json";

/// Shown under `guest-join bench --help`.
pub const BENCH_AFTER_HELP: &str = "\
Exit codes: 0 every join got in and the median is within 1.05 x the floor (or no latency was
added); 1 a join failed or the target was missed.

Example:
  guest-join bench --latency-ms 50 --runs 20";

/// Shown under `guest-join check-service --help`.
pub const CHECK_AFTER_HELP: &str = "\
Checks, in order (each pass, warn, FAIL or skipped):
  status          a valid token request gets HTTP 200
  content_type    the answer is labelled application/json
  string_keys     DiscoverUri, Token, TenantEndpointId, ExpireTime are present and JSON strings
  expire_time     ExpireTime is ISO-8601 or /Date(ms)/ and in the future
  discover        the discover URL answers the guest's GET (with Origin) as the join needs
  token           the token starts with psat=
  origin          the token was minted for our origin (and lists it, when readable)
  foreign_origin  a token for a foreign origin is refused (warn only if minted anyway)
  bad_request     a request without ApplicationSessionId gets 4xx {\"Error\", \"Code\"?}
  health          GET health beside the token URL answers {\"status\":\"ok\"} (warn only)

Exit codes: 0 every check passes (warnings allowed), 3 a check failed or was skipped, 2 bad usage.

Example:
  guest-join check-service --demo
  guest-join check-service https://sa.contoso.com/GetAnonTokenJob --meeting https://meet.contoso.com/ada/ABCD1234";

/// Which window `gui-probe` opens.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ProbeWindow {
    /// An empty eframe app with the same window options and renderer.
    Bare,
    /// The guest app, joined to a demo meeting and waiting in its lobby.
    App,
}

/// Which meeting `gui-probe --meeting` joins.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ProbeMeeting {
    /// The open demo meeting: 3 people, a greeting.
    Small,
    /// The town-hall demo meeting: 250 people, 1,000 messages, then a message a second.
    TownHall,
}

#[derive(Debug, Args)]
pub struct GuiProbeArgs {
    /// The window to measure.
    #[arg(long, value_enum, required_unless_present_any = ["compare", "meeting", "meetings"])]
    pub window: Option<ProbeWindow>,
    /// Seconds to stay idle (the app: in the lobby) while CPU time and frames are counted.
    #[arg(long, value_name = "S", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=100))]
    pub idle_secs: u64,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Run this command for both windows a few times, alternating, and compare the medians.
    #[arg(long, conflicts_with = "window")]
    pub compare: bool,
    /// The app window's language (`de`, `ja`, …) [default: English].
    #[arg(long, value_name = "TAG", default_value = "en", value_parser = crate::config::check_language_setting)]
    pub language: Option<String>,
    /// Measure the app in a meeting instead: joined, then idle, pointer moves and mouse-wheel
    /// scrolling replayed at 30 per second; CPU per frame for each (the town hall also: memory
    /// after 1,000 and after 10,000 messages).
    #[arg(long, value_enum, conflicts_with_all = ["window", "compare"])]
    pub meeting: Option<ProbeMeeting>,
    /// Both meetings, 3 runs each alternating, each in a fresh process: medians and the
    /// town hall against the small meeting.
    #[arg(long, conflicts_with_all = ["window", "compare", "meeting"])]
    pub meetings: bool,
}

#[derive(Debug, Args)]
pub struct CheckServiceArgs {
    /// Token URL of the service application (https; http only for this computer).
    #[arg(value_name = "URL", required_unless_present = "demo")]
    pub url: Option<String>,
    /// Check the built-in demo environment's reference service application instead.
    #[arg(long, conflicts_with = "url")]
    pub demo: bool,
    /// A meeting URL the service's allow-list accepts [default: a demo placeholder].
    #[arg(long, value_name = "URL")]
    pub meeting: Option<String>,
    /// Origin to ask tokens for (AllowedOrigins, and Origin on the discover GET).
    #[arg(long, value_name = "ORIGIN")]
    pub origin: Option<String>,
    /// Service key sent as a bearer token to the service application.
    #[arg(
        long,
        value_name = "KEY",
        env = "GUEST_JOIN_SERVICE_KEY",
        hide_env_values = true
    )]
    pub service_key: Option<String>,
    /// Print one JSON object with every check instead of the table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub transport: TransportArgs,
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    /// Number of guests to join, each with its own session.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub count: u32,
    /// Most guests under way at the same time.
    #[arg(long, value_name = "C", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub concurrency: u32,
    /// Print one JSON object with the results.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub transport: TransportArgs,
    /// Display-name prefix; guest 17 is called "PREFIX 17".
    #[arg(long, value_name = "PREFIX", default_value = "Load guest")]
    pub name: String,
    /// Stay in the meeting this many seconds before leaving.
    #[arg(long, value_name = "SECS", default_value_t = 0)]
    pub stay: u64,
    /// Give each guest up if not in the meeting after this many seconds (lobby included).
    #[arg(long, value_name = "SECS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Latency the emulator adds to every HTTP exchange, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 50, value_parser = clap::value_parser!(u64).range(0..=10_000))]
    pub latency_ms: u64,
    /// Measured joins (after one warm-up join that is not counted).
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub runs: u32,
    /// Print one JSON object with the results.
    #[arg(long)]
    pub json: bool,
    /// Also measure the window against a bare eframe window (first frame, idle memory, idle
    /// CPU in a demo lobby); needs a display (on a headless machine: xvfb-run -a).
    #[arg(long)]
    pub gui: bool,
    /// Idle window of each --gui measurement, in seconds.
    #[arg(long, value_name = "S", default_value_t = 10, requires = "gui", value_parser = clap::value_parser!(u64).range(1..=100))]
    pub gui_idle_secs: u64,
}

#[derive(Debug, Args)]
pub struct SoakArgs {
    /// How long the guest stays, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(10..=86_400))]
    pub seconds: u64,
    /// How long the emulator holds a parked event GET (the real pool: up to 180 s or more).
    #[arg(long, value_name = "MS", default_value_t = 200, value_parser = clap::value_parser!(u64).range(10..=600_000))]
    pub poll_hold_ms: u64,
    /// Lifetime of the meeting tokens the emulator mints (the client renews ahead of expiry).
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(10..=86_400))]
    pub token_secs: u64,
    /// Drop the event channel (abort the parked GET) this often.
    #[arg(long, value_name = "SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub drop_every_secs: u64,
    /// A participant sends the guest a chat message this often.
    #[arg(long, value_name = "SECS", default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub chat_every_secs: u64,
    /// Print one JSON object with the results.
    #[arg(long)]
    pub json: bool,
}
