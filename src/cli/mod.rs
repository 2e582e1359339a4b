//! The command line (docs/design.md §3: a stable contract that scripts and docs depend on).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod join;
mod qa_args;
mod servers;

pub use join::{JOIN_AFTER_HELP, JoinArgs, TargetArgs, TransportArgs};
pub use qa_args::{
    BENCH_AFTER_HELP, BenchArgs, CHECK_AFTER_HELP, CheckServiceArgs, GuiProbeArgs, LOAD_AFTER_HELP,
    LoadArgs, ProbeMeeting, ProbeWindow, SoakArgs,
};
pub use servers::{EmulatorArgs, ServiceAppArgs};

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

/// Options of the desktop window (`guest-join [gui] [LINK] [--config FILE] [--meeting URL] [--name NAME] …`).
#[derive(Debug, Clone, Default, Args)]
pub struct GuiArgs {
    /// A meeting link to fill the form with: an https join link, a link the Skype for Business
    /// join page launches (`lync15:confjoin?url=…`, `lync15classic:`, `lync15mlx:`, `lync:`), a
    /// conference address `conf:sip:…` (direct mode), or `guest-join:join?url=…[&name=…]
    /// [&profile=…]`. Nothing joins until Join is pressed.
    #[arg(value_name = "LINK", conflicts_with = "meeting")]
    pub link: Option<String>,
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
    /// The window's language (`de`, `ja`, `pt-BR`, …, or `system`) [default: the config file's
    /// `language`, else the system's].
    #[arg(long, value_name = "TAG", value_parser = language_arg)]
    pub language: Option<String>,
    /// Open a window of its own even when one is open already (otherwise the link, if any, is
    /// handed to the open window, which comes to the front, and this launch exits).
    #[arg(long)]
    pub new_window: bool,
}

/// `--language`: `system` or a language there are messages for.
fn language_arg(text: &str) -> Result<String, String> {
    crate::config::check_language_setting(text)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desktop window (the default without a subcommand).
    Gui(GuiArgs),
    /// Join a meeting headless: print every step, stay, leave, exit with a code per outcome.
    #[command(after_help = join::JOIN_AFTER_HELP)]
    Join(JoinArgs),
    /// Join many guests into one meeting with bounded concurrency; report success rate and
    /// p50/p95/max per step.
    #[command(after_help = qa_args::LOAD_AFTER_HELP)]
    Load(LoadArgs),
    /// Measure time-to-joined against the emulator with added latency, compared with the floor.
    #[command(after_help = qa_args::BENCH_AFTER_HELP)]
    Bench(BenchArgs),
    /// One guest in a demo meeting for a long time in compressed time (event-channel cycles,
    /// token renewals, channel drops, chat), memory sampled: does it stay flat?
    Soak(SoakArgs),
    /// Run the emulator of the Microsoft side (AAD, Trusted Application API, UCWA pool) with the demo meetings.
    Emulator(EmulatorArgs),
    /// Run the reference service application: the token broker guests ask for meeting tokens.
    ServiceApp(ServiceAppArgs),
    /// Check a service application against the token contract: a pass/fail table, exit 0 only when all pass.
    #[command(after_help = qa_args::CHECK_AFTER_HELP)]
    CheckService(CheckServiceArgs),
    /// Measure the window against a bare eframe window (first frame, memory, idle CPU).
    #[command(hide = true)]
    GuiProbe(GuiProbeArgs),
    /// Write the man pages and shell completions made from these definitions into DIR (for
    /// packaging).
    #[command(hide = true)]
    PackageFiles {
        /// Where `man/` and `completions/` go.
        #[arg(value_name = "DIR")]
        out: PathBuf,
    },
    /// Make the kiosk's staff PIN line: asks for the PIN (4–32 digits) without echo at a
    /// terminal, or reads the first line of standard input; prints `admin_pin_hash = "…"`
    /// (argon2id), never the PIN.
    KioskPin,
}
