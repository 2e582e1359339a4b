//! What the window remembers between runs — the name typed last, the join service used last
//! and the window's size and place — in a state file of its own (`$XDG_STATE_HOME/guest-join/state.toml`, else the
//! platform's local data directory), so that joining never rewrites the user's `config.toml`.
//! Older versions kept them in `config.toml` (`display_name`, `last_profile`): those are still
//! read when the state file has nothing yet, and never written there again.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Config;

/// What the window remembers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The name typed last time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The join service chosen last time (a profile name, or `demo`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_profile: Option<String>,
    /// The window's size and place when it was last closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowPlace>,
    /// The "call me" number, E.164, kept only when the guest ticked "Remember this number".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// A window's inner size and outer position, in points (the position only where the desktop
/// tells it: not on Wayland).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowPlace {
    pub width: f32,
    pub height: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<f32>,
}

impl WindowPlace {
    /// Sizes below `min` or absurd values (a hand-edited file) are not used; a position left
    /// or above the screens' origin is moved onto it.
    pub fn usable(self, min: [f32; 2]) -> Option<WindowPlace> {
        let sane = |v: f32| v.is_finite() && v < 100_000.0;
        if !sane(self.width) || !sane(self.height) {
            return None;
        }
        let place = |v: Option<f32>| {
            v.filter(|v| sane(*v) && *v > -100_000.0)
                .map(|v| v.max(0.0))
        };
        Some(WindowPlace {
            width: self.width.max(min[0]),
            height: self.height.max(min[1]),
            x: place(self.x),
            y: place(self.y),
        })
    }
}

impl AppState {
    /// The state file's contents, else what an older `config.toml` remembered.
    pub fn or_legacy(self, config: &Config) -> AppState {
        AppState {
            display_name: self.display_name.or_else(|| config.display_name.clone()),
            last_profile: self.last_profile.or_else(|| config.last_profile.clone()),
            window: self.window,
            phone_number: self.phone_number,
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
    let text = format!(
        "# What guest-join remembers between runs (written on a join and when the window closes).\n{body}"
    );
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
            window: Some(WindowPlace {
                width: 800.0,
                height: 600.0,
                x: Some(40.0),
                y: None,
            }),
            phone_number: Some("+493023125100".into()),
        };
        save_state(&s, &path).unwrap();
        assert_eq!(load_state(&path), s);
        std::fs::write(&path, "display_name = [").unwrap();
        assert_eq!(load_state(&path), AppState::default());
    }

    #[test]
    fn a_remembered_window_place_is_kept_sane() {
        let min = [420.0, 420.0];
        let p = |width, height, x, y| WindowPlace {
            width,
            height,
            x,
            y,
        };
        assert_eq!(
            p(300.0, 900.0, Some(-50.0), Some(20.0)).usable(min),
            Some(p(420.0, 900.0, Some(0.0), Some(20.0)))
        );
        assert_eq!(p(f32::NAN, 500.0, None, None).usable(min), None);
        assert_eq!(p(1e9, 500.0, None, None).usable(min), None);
        assert_eq!(
            p(800.0, 600.0, Some(f32::INFINITY), Some(-1e9)).usable(min),
            Some(p(800.0, 600.0, None, None))
        );
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
            ..AppState::default()
        }
        .or_legacy(&config);
        assert_eq!(newer.display_name.as_deref(), Some("New"));
        assert_eq!(newer.last_profile.as_deref(), Some("Contoso"));
    }
}
