//! The booth's state for fleet monitoring, written atomically to the configured status file on
//! every change: `{"state": …, "since": <unix seconds>, "version": …, "warnings": […]}`. It
//! never holds the guest's name, the meeting link or any secret. A panic writes `"crashed"`
//! before the process ends, so monitoring sees it and the service manager restarts the booth.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use tokio::runtime::Handle;

/// What the booth is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoothState {
    Attract,
    /// A guest is typing a name.
    Entry,
    Joining,
    Lobby,
    InMeeting,
    Reconnecting,
    Ending,
    /// Written by the panic hook only.
    Crashed,
}

impl BoothState {
    pub fn name(self) -> &'static str {
        match self {
            BoothState::Attract => "attract",
            BoothState::Entry => "entry",
            BoothState::Joining => "joining",
            BoothState::Lobby => "lobby",
            BoothState::InMeeting => "in_meeting",
            BoothState::Reconnecting => "reconnecting",
            BoothState::Ending => "ending",
            BoothState::Crashed => "crashed",
        }
    }
}

/// Writes the status file when the state changes (off the UI thread, in order).
pub struct StatusFile {
    path: Option<PathBuf>,
    last: Option<BoothState>,
    generation: u64,
    /// The generation last written; [`CRASHED`] once the crash was written, so no state
    /// still on its way can cover it.
    written: Arc<Mutex<u64>>,
    /// Configuration problems the operator should see (also logged).
    warnings: Arc<[String]>,
}

/// The generation of the crash report: after every other.
const CRASHED: u64 = u64::MAX;

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn body(state: BoothState, warnings: &[String]) -> String {
    serde_json::json!({
        "state": state.name(),
        "since": unix_now(),
        "version": env!("CARGO_PKG_VERSION"),
        "warnings": warnings,
    })
    .to_string()
}

impl StatusFile {
    pub fn new(path: Option<PathBuf>, warnings: Vec<String>) -> Self {
        Self {
            path,
            last: None,
            generation: 0,
            written: Arc::new(Mutex::new(0)),
            warnings: warnings.into(),
        }
    }

    /// What the panic hook needs to report a crash (when there is a status file).
    pub fn crash_report(&self) -> Option<CrashReport> {
        Some(CrashReport {
            path: self.path.clone()?,
            written: Arc::clone(&self.written),
            warnings: Arc::clone(&self.warnings),
        })
    }

    /// Record `state`; the file is written only when it changed.
    pub fn set(&mut self, state: BoothState, handle: &Handle) {
        if self.last == Some(state) {
            return;
        }
        self.last = Some(state);
        let Some(path) = self.path.clone() else {
            return;
        };
        self.generation += 1;
        let generation = self.generation;
        let written = Arc::clone(&self.written);
        let body = body(state, &self.warnings);
        handle.spawn_blocking(move || {
            let mut last = written.lock().unwrap_or_else(|p| p.into_inner());
            if *last > generation {
                return;
            }
            if let Err(e) = write_atomically(&path, body.as_bytes()) {
                tracing::warn!("kiosk status file {} not written: {e}", path.display());
            }
            *last = generation;
        });
    }
}

/// Writes `"crashed"` to the status file from a panic hook.
#[derive(Clone)]
pub struct CrashReport {
    path: PathBuf,
    written: Arc<Mutex<u64>>,
    warnings: Arc<[String]>,
}

impl CrashReport {
    /// Write the crash now, on this thread; later state writes are dropped.
    pub fn write(&self) {
        let mut last = self.written.lock().unwrap_or_else(|p| p.into_inner());
        *last = CRASHED;
        if let Err(e) = write_atomically(
            &self.path,
            body(BoothState::Crashed, &self.warnings).as_bytes(),
        ) {
            eprintln!("kiosk status file {} not written: {e}", self.path.display());
        }
    }
}

/// On a panic on any thread, report the crash in the status file, print the message as before,
/// and end the process: a booth half-working after a panic in some task is worse than one
/// that the service manager starts again on its attract screen.
pub fn install_crash_hook(report: CrashReport) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report.write();
        previous(info);
        std::process::abort();
    }));
}

fn write_atomically(path: &std::path::Path, body: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "status.json".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, body).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &std::path::Path) -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn states_carry_the_warnings_and_a_crash_is_the_last_word() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("booth.json");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let warning = "the kiosk's staff PIN uses the older sha256 hash".to_string();
        let mut status = StatusFile::new(Some(path.clone()), vec![warning.clone()]);
        status.set(BoothState::Attract, runtime.handle());
        runtime.block_on(async { tokio::task::yield_now().await });
        // spawn_blocking runs on its own thread: wait for the file.
        for _ in 0..200 {
            if path.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let v = read(&path);
        assert_eq!(v["state"], "attract");
        assert_eq!(v["warnings"], serde_json::json!([warning]));
        assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));

        let crash = status.crash_report().expect("a status file is set");
        crash.write();
        assert_eq!(read(&path)["state"], "crashed");
        assert_eq!(read(&path)["warnings"], serde_json::json!([warning]));
        // A state still on its way after the crash does not cover it.
        status.set(BoothState::InMeeting, runtime.handle());
        drop(runtime);
        assert_eq!(read(&path)["state"], "crashed");

        assert!(StatusFile::new(None, vec![]).crash_report().is_none());
    }
}
