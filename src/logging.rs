//! Logging to stderr, filtered by `RUST_LOG` (default: warnings only, so headless output stays
//! clean). Log lines never carry secrets: callers log hosts and redacted URLs only.

use tracing_subscriber::EnvFilter;

/// Initialise once; a second call (tests) is harmless.
pub fn init(default_filter: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init()
        .ok();
}
