//! Logging to stderr, filtered by `RUST_LOG` (default: warnings only, so headless output stays
//! clean); the window also logs to a file (`rotating`) in the platform's state directory, so
//! what happened is still there when the terminal is gone (and in the diagnostics bundle). Log
//! lines never carry secrets: callers log hosts and redacted URLs only, and the file masks
//! tokens once more.

mod rotating;

use std::path::{Path, PathBuf};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::Layer as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

pub use rotating::RotatingFile;

/// Largest log file; with its predecessor the log takes at most twice this.
pub const LOG_FILE_LIMIT: u64 = 2 * 1024 * 1024;

/// Most of the log a diagnostics bundle takes (its end).
pub const LOG_TAIL_BYTES: u64 = 256 * 1024;

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

/// Where the window's log file is: next to the state file.
pub fn log_path() -> Option<PathBuf> {
    let state = crate::config::state::state_path()?;
    Some(state.with_file_name("guest-join.log"))
}

/// Keeps the log file's writer thread alive; drop it last (it flushes).
pub struct FileLog {
    _guard: tracing_appender::non_blocking::WorkerGuard,
}

/// The window's logging: stderr as [`init`] (with `stderr_filter`), and `path` at `info` (or
/// `RUST_LOG`), written off the UI thread. When the file cannot be opened, stderr only, and
/// stderr says why.
pub fn init_with_file(stderr_filter: &str, path: &Path) -> Option<FileLog> {
    let filter = |default: &str| {
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default))
    };
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_filter(filter(stderr_filter));
    let file = match RotatingFile::open(path, LOG_FILE_LIMIT) {
        Ok(f) => Some(f),
        Err(e) => {
            eprintln!("guest-join: no log file at {}: {e}", path.display());
            None
        }
    };
    let Some(file) = file else {
        tracing_subscriber::registry().with(stderr).try_init().ok();
        return None;
    };
    let (writer, guard) = tracing_appender::non_blocking(file);
    let file_layer = tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .with_ansi(false)
        .with_target(false)
        .with_filter(filter("info"));
    tracing_subscriber::registry()
        .with(stderr)
        .with(file_layer)
        .try_init()
        .ok();
    Some(FileLog { _guard: guard })
}

/// The end of the log (both files), for a diagnostics bundle (which masks it once more on the
/// way out): at most [`LOG_TAIL_BYTES`]. `None` when there is no log.
pub fn tail(path: &Path) -> Option<String> {
    let mut text = std::fs::read(RotatingFile::previous(path)).unwrap_or_default();
    text.extend(std::fs::read(path).ok()?);
    let start = text.len().saturating_sub(LOG_TAIL_BYTES as usize);
    let tail = String::from_utf8_lossy(&text[start..]);
    // From the first whole line.
    let tail = match (start > 0, tail.find('\n')) {
        (true, Some(i)) => &tail[i + 1..],
        _ => &tail,
    };
    Some(tail.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    #[test]
    fn the_tail_is_the_end_of_both_files_in_whole_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("guest-join.log");
        assert_eq!(tail(&path), None);
        let mut f = RotatingFile::open(&path, 10_000).unwrap();
        for i in 0..100 {
            writeln!(f, "line {i}").unwrap();
        }
        let t = tail(&path).unwrap();
        assert!(t.starts_with("line 0\n") && t.ends_with("line 99\n"));
    }
}
