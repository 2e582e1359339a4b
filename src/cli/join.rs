//! `guest-join join`: its options, the target and transport options `load` shares, and its help.

use std::path::PathBuf;

use clap::Args;

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
  6 lobby denied or timed out   7 network/TLS   8 overall timeout
  9 joined, but the --call-me call did not connect   1 anything else
  129, 130, 143 stopped by SIGHUP, Ctrl-C or SIGTERM (after leaving and cleaning up)

Example:
  guest-join join --demo --meeting https://meet.demo.guest-join.invalid/grace/LOBBY123 --name Ada --json";

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
    /// Once in the meeting, ask it to call this phone ("call me") and wait until the call
    /// connects or fails, before --chat and --stay. A number without +country code is read in
    /// --phone-region. Exit 9 when the call does not connect. Shown masked everywhere.
    #[arg(long, value_name = "NUMBER")]
    pub call_me: Option<String>,
    /// Region (ISO country code, e.g. DE) for a --call-me number written without its country
    /// code [default: the region of --culture].
    #[arg(long, value_name = "CODE")]
    pub phone_region: Option<String>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_demo_meeting() {
        for url in crate::demo::ALL_MEETING_URLS {
            assert!(JOIN_AFTER_HELP.contains(url), "{url} missing from the help");
        }
    }
}
