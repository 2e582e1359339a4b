//! The command line (docs/design.md §3: a stable contract that scripts and docs depend on).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "guest-join",
    version,
    about = "Join a Skype for Business meeting as an anonymous guest",
    long_about = "Join a Skype for Business meeting as an anonymous guest.\n\n\
                  Without a subcommand (or with `gui`) the desktop window opens.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(flatten)]
    pub gui: GuiArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the desktop window (`guest-join [gui] [--config FILE] [--meeting URL] [--name NAME]`).
#[derive(Debug, Clone, Default, Args)]
pub struct GuiArgs {
    /// Configuration file [default: $GUEST_JOIN_CONFIG, else the platform config dir's
    /// guest-join/config.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Kiosk mode: full screen, the attract screen, reset after every call and when idle
    /// (also `[kiosk] enabled = true` in the config file).
    #[arg(long)]
    pub kiosk: bool,
    /// Prefill the meeting link (a URL, or a whole invitation text).
    #[arg(long, value_name = "URL")]
    pub meeting: Option<String>,
    /// Prefill the display name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desktop window (the default without a subcommand).
    Gui(GuiArgs),
    /// Join a meeting headless: print every step, stay, leave, exit with a code per outcome.
    #[command(after_help = crate::headless::join::JOIN_AFTER_HELP)]
    Join(JoinArgs),
    /// Join many guests into one meeting with bounded concurrency; report success rate and
    /// p50/p95/max per step.
    #[command(after_help = crate::headless::load::LOAD_AFTER_HELP)]
    Load(LoadArgs),
    /// Measure time-to-joined against the emulator with added latency, compared with the floor.
    #[command(after_help = crate::headless::bench::BENCH_AFTER_HELP)]
    Bench(BenchArgs),
    /// One guest in a demo meeting for a long time in compressed time (event-channel cycles,
    /// token renewals, channel drops, chat), memory sampled: does it stay flat?
    Soak(SoakArgs),
    /// Run the emulator of the Microsoft side (AAD, Trusted Application API, UCWA pool) with the demo meetings.
    Emulator(EmulatorArgs),
    /// Run the reference service application: the token broker guests ask for meeting tokens.
    ServiceApp(ServiceAppArgs),
    /// Check a service application against the token contract: a pass/fail table, exit 0 only when all pass.
    #[command(after_help = crate::headless::check_service::CHECK_AFTER_HELP)]
    CheckService(CheckServiceArgs),
    /// Measure the window against a bare eframe window (first frame, memory, idle CPU).
    #[command(hide = true)]
    GuiProbe(GuiProbeArgs),
    /// Make the kiosk's staff PIN line: asks for the PIN (4–32 digits) without echo at a
    /// terminal, or reads the first line of standard input; prints `admin_pin_hash = "…"`
    /// (argon2id), never the PIN.
    KioskPin,
}

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

#[derive(Debug, Args)]
pub struct GuiProbeArgs {
    /// The window to measure.
    #[arg(long, value_enum, required_unless_present = "compare")]
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
}

#[derive(Debug, Args)]
pub struct JoinArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    /// Display name the other participants see (1-250 characters).
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Culture (language tag) for messages from the meeting service [default: from LANG, else en-US].
    #[arg(long, value_name = "TAG")]
    pub culture: Option<String>,
    /// Give up if not in the meeting after this many seconds (lobby included).
    #[arg(long, value_name = "SECS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
    /// Send this chat message once in the meeting (repeatable; sent in order, before --stay starts).
    #[arg(long = "chat", value_name = "TEXT")]
    pub chat: Vec<String>,
    /// Stay in the meeting this many seconds before leaving.
    #[arg(long, value_name = "SECS", default_value_t = 0)]
    pub stay: u64,
    /// Print one JSON object per event (JSON Lines); the last line is the result.
    #[arg(long)]
    pub json: bool,
    /// Write every HTTP exchange, tokens masked, as a HAR 1.2 archive (opens in browser devtools).
    #[arg(long, value_name = "FILE")]
    pub har: Option<std::path::PathBuf>,
    /// Write a diagnostics bundle (zip: versions, configuration without secrets, step timeline,
    /// HAR, event log, correlation ids), whatever the outcome.
    #[arg(long, value_name = "FILE")]
    pub diagnostics: Option<std::path::PathBuf>,
    /// LAB USE ONLY: keep tokens, the discover URL and the service key unmasked in the --har and
    /// --diagnostics files (stdout, stderr and JUnit stay masked).
    #[arg(long)]
    pub unredacted: bool,
    /// Write a JUnit XML report: one test case per step, failures with their class and codes.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub transport: TransportArgs,
}

/// Where a headless guest joins (`join`, `load`): the meeting, the service application, the
/// direct mode or the built-in demo, the origin and the service key.
#[derive(Debug, Clone, Args)]
#[command(group(
    clap::ArgGroup::new("source")
        .required(true)
        .multiple(true)
        .args(["service", "demo", "direct"])
))]
pub struct TargetArgs {
    /// Meeting join link (https), or a whole invitation text containing it; with --direct also
    /// a conference address (sip:…;gruu;opaque=app:conf:focus:id:…). Optional with --demo.
    #[arg(long, value_name = "URL", required_unless_present = "demo")]
    pub meeting: Option<String>,
    /// Token URL of the organisation's service application.
    #[arg(long, value_name = "URL", conflicts_with_all = ["demo", "direct"])]
    pub service: Option<String>,
    /// Use the built-in demo environment (emulator and service application in this process);
    /// with --direct, its Skype for Business Server stand-in.
    #[arg(long)]
    pub demo: bool,
    /// Join directly against Skype for Business Server (autodiscover and an anonymous web
    /// ticket), without a service application.
    #[arg(long)]
    pub direct: bool,
    /// With --direct: where autodiscover starts instead of https://lyncdiscover.<domain>/.
    #[arg(long, value_name = "URL", requires = "direct", conflicts_with = "demo")]
    pub autodiscover: Option<String>,
    /// Origin sent to the service application (AllowedOrigins) and the meeting service (Origin).
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
}

impl TargetArgs {
    /// How the token source is named in diagnostics.
    pub fn service_label(&self) -> &'static str {
        match (self.demo, self.direct) {
            (true, false) => "built-in demo",
            (true, true) => "built-in demo (direct)",
            (false, true) => "--direct",
            (false, false) => "--service",
        }
    }
}

/// How requests reach the network (docs/design.md §8): flag > environment > config file > default.
#[derive(Debug, Clone, Default, Args)]
pub struct TransportArgs {
    /// Proxy: `system` (HTTPS_PROXY/HTTP_PROXY/NO_PROXY), `none`, or a proxy URL like
    /// http://proxy.example:3128 [env: GUEST_JOIN_PROXY; default: system]. Never used for localhost.
    #[arg(long, value_name = "PROXY")]
    pub proxy: Option<String>,
    /// PEM file of CA certificates to trust in addition to the system's [env: GUEST_JOIN_CA_FILE].
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// Address of the platform listener (AAD, Trusted Application API, guest discover, control API).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    pub listen: SocketAddr,
    /// Address of the UCWA pool listener (links cross from the platform to this host).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    pub pool_listen: SocketAddr,
    /// Latency added to every HTTP exchange, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency_ms: u64,
    /// Serve both listeners over TLS with this certificate chain (PEM, server certificate first).
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The private key (PEM) of --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Host name in the listeners' URLs instead of their address (must match the certificate).
    #[arg(long, value_name = "HOST")]
    pub public_host: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServiceAppArgs {
    /// TOML configuration file (see assets/service-app.example.toml).
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
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
