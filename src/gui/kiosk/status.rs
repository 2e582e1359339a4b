//! The booth's state for fleet monitoring, written atomically to the configured status file on
//! every change: `{"state": …, "since": <unix seconds>, "version": …}`. It never holds the
//! guest's name, the meeting link or any secret.

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
        }
    }
}

/// Writes the status file when the state changes (off the UI thread, in order).
pub struct StatusFile {
    path: Option<PathBuf>,
    last: Option<BoothState>,
    generation: u64,
    written: Arc<Mutex<u64>>,
}

impl StatusFile {
    pub fn new(path: Option<PathBuf>) -> Self {
        Self {
            path,
            last: None,
            generation: 0,
            written: Arc::new(Mutex::new(0)),
        }
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
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let body = serde_json::json!({
            "state": state.name(),
            "since": since,
            "version": env!("CARGO_PKG_VERSION"),
        })
        .to_string();
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
