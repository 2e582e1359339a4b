//! What the window remembers between runs — the name typed last and the join service used
//! last — in a state file of its own (`$XDG_STATE_HOME/guest-join/state.toml`, else the
//! platform's local data directory), so that joining never rewrites the user's `config.toml`.
//! Older versions kept them in `config.toml` (`display_name`, `last_profile`): those are still
//! read when the state file has nothing yet, and never written there again.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Config;

/// What the window remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The name typed last time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The join service chosen last time (a profile name, or `demo`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_profile: Option<String>,
}

impl AppState {
    /// The state file's contents, else what an older `config.toml` remembered.
    pub fn or_legacy(self, config: &Config) -> AppState {
        AppState {
            display_name: self.display_name.or_else(|| config.display_name.clone()),
            last_profile: self.last_profile.or_else(|| config.last_profile.clone()),
        }
    }
}

/// Where the state file lives.
pub fn state_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "guest-join")?;
    let dir = dirs
        .state_dir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.data_local_dir().to_path_buf());
    Some(dir.join("state.toml"))
}

/// The remembered state; a missing file is an empty state, an unreadable one too (it is only a
/// convenience: the problem is logged, and the next join writes a good one).
pub fn load_state(path: &Path) -> AppState {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text).unwrap_or_else(|e| {
            tracing::warn!("{}: not used ({e})", path.display());
            AppState::default()
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => AppState::default(),
        Err(e) => {
            tracing::warn!("{}: cannot be read ({e})", path.display());
            AppState::default()
        }
    }
}

/// Write the state file (atomically: a second window never leaves half a file).
pub fn save_state(state: &AppState, path: &Path) -> io::Result<()> {
    let body = toml::to_string(state).map_err(io::Error::other)?;
    let text = format!("# What guest-join remembers between runs (written on every join).\n{body}");
    super::edit::write_atomically(path, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_round_trips_and_a_broken_file_is_an_empty_state() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/state.toml");
        assert_eq!(load_state(&path), AppState::default());
        let s = AppState {
            display_name: Some("Jörg Gast".into()),
            last_profile: Some("demo".into()),
        };
        save_state(&s, &path).unwrap();
        assert_eq!(load_state(&path), s);
        std::fs::write(&path, "display_name = [").unwrap();
        assert_eq!(load_state(&path), AppState::default());
    }

    #[test]
    fn an_older_config_files_memory_is_read_once_the_state_has_none() {
        let config = Config {
            display_name: Some("Old".into()),
            last_profile: Some("Contoso".into()),
            ..Config::default()
        };
        let fresh = AppState::default().or_legacy(&config);
        assert_eq!(fresh.display_name.as_deref(), Some("Old"));
        let newer = AppState {
            display_name: Some("New".into()),
            last_profile: None,
        }
        .or_legacy(&config);
        assert_eq!(newer.display_name.as_deref(), Some("New"));
        assert_eq!(newer.last_profile.as_deref(), Some("Contoso"));
    }
}
