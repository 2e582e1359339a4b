//! `guest-join emulator` and `guest-join service-app`: the two servers, standalone, until
//! Ctrl-C, SIGTERM or SIGHUP; then they stop accepting, finish what is in flight and exit with
//! 128 + the signal's number.

use std::io::Write;

use crate::cli::{EmulatorArgs, ServiceAppArgs};
use crate::service_app::{self, ServiceAppConfig};

use crate::stop_signal::{StopSignal, StopSignals};

/// The first stop signal; without signal handling, run until killed.
async fn wait_for_stop(mut signals: StopSignals) -> StopSignal {
    match signals.recv().await {
        Some(signal) => signal,
        None => std::future::pending().await,
    }
}

/// Report the stop on stdout and give the exit code.
fn stopped(what: &str, signal: StopSignal) -> i32 {
    say(&format!(
        "{what} stopped by {} (exit {})",
        signal.name(),
        signal.exit_code()
    ));
    signal.exit_code()
}

fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").ok();
    out.flush().ok();
}

/// Run the reference service application with a TOML config until Ctrl-C.
pub async fn run_service_app(args: ServiceAppArgs) -> i32 {
    // Listening from the start: a signal right after the "listening" line is already handled.
    let signals = StopSignals::new();
    let config = match ServiceAppConfig::from_toml_file(&args.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {}: {e}", args.listen);
            return 2;
        }
    };
    let handle = match service_app::start(config, listener).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    say(&format!(
        "service application listening; token URL: {}",
        handle.token_url()
    ));
    say("press Ctrl-C to stop");
    let signal = wait_for_stop(signals).await;
    handle.shutdown().await;
    stopped("service application", signal)
}

/// Run the emulator with the demo meetings until Ctrl-C; print what a service application needs.
pub async fn run_emulator(args: EmulatorArgs) -> i32 {
    let signals = StopSignals::new();
    use crate::emulator::{self, EmulatorConfig, OnPremConfig, TlsIdentity};
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => match TlsIdentity::from_files(cert, key) {
            Ok(id) => Some(id),
            Err(e) => {
                eprintln!("error: TLS certificate: {e}");
                return 2;
            }
        },
        _ => None,
    };
    let config = EmulatorConfig {
        meetings: emulator::demo_meetings(),
        latency: std::time::Duration::from_millis(args.latency_ms),
        tls,
        public_host: args.public_host.clone(),
        on_prem: Some(OnPremConfig::default()),
        ..EmulatorConfig::default()
    };
    let (client_id, endpoint) = (config.client_id.clone(), config.endpoint_sip.clone());
    let bind = |addr| async move {
        tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))
    };
    let listeners = match (bind(args.listen).await, bind(args.pool_listen).await) {
        (Ok(p), Ok(q)) => (p, q),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let handle = match emulator::start_on(config, listeners.0, listeners.1).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    say(&format!(
        "emulator platform listener: {}",
        handle.platform_url()
    ));
    say(&format!(
        "emulator UCWA pool listener: {}",
        handle.pool_url()
    ));
    if let (Some(discover), Some(web)) = (handle.lyncdiscover_url(), handle.lyncweb_url()) {
        say(&format!("on-premises lyncdiscover listener: {discover}"));
        say(&format!("on-premises pool web services (lyncweb): {web}"));
    }
    say(&format!(
        "control API: {}control/meetings",
        handle.platform_url()
    ));
    say(&format!(
        "service-application stand-in: {} (mode: POST {}control/service-standin)",
        handle.service_standin_url(),
        handle.platform_url()
    ));
    say("demo meetings:");
    for url in emulator::DEMO_MEETING_URLS {
        say(&format!("  {url}"));
    }
    say("demo meetings in direct mode (on-premises, through lyncdiscover):");
    for url in emulator::DEMO_DIRECT_MEETING_URLS {
        say(&format!("  {url}"));
    }
    say("\nA service application config for this emulator (the secret goes in the environment:");
    say(&format!(
        "  export GUEST_JOIN_SA_CLIENT_SECRET={}",
        emulator::DEFAULT_CLIENT_SECRET
    ));
    say("):");
    say(&format!("aad_token_url = \"{}\"", handle.aad_token_url()));
    say(&format!("client_id = \"{client_id}\""));
    say("client_secret_env = \"GUEST_JOIN_SA_CLIENT_SECRET\"");
    say(&format!("endpoint_sip = \"{endpoint}\""));
    say(&format!(
        "platform_discover_url = \"{}\"",
        handle.platform_discover_url()
    ));
    say("allowed_meeting_urls = [\"https://meet.demo.guest-join.invalid/*\"]");
    say(&format!(
        "allowed_origins = [\"{}\"]",
        crate::join::request::DEFAULT_ORIGIN
    ));
    say("\npress Ctrl-C to stop");
    let signal = wait_for_stop(signals).await;
    handle.shutdown().await;
    stopped("emulator", signal)
}
