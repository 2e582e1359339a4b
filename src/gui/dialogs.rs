//! The save-file dialog behind a trait, so tests use a fake. The real one is rfd's portal
//! dialog, awaited on the tokio runtime: the UI thread never blocks or awaits on it.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;

pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// What the dialog asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub title: String,
    /// The proposed file name.
    pub file_name: String,
    /// The filter's name, e.g. "HAR archive".
    pub filter_name: String,
    /// Extensions without the dot.
    pub extensions: Vec<String>,
}

/// What the dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveChoice {
    Chosen(PathBuf),
    /// The user closed the dialog: nothing is saved.
    Cancelled,
    /// No dialog can be shown on this desktop (no portal, no zenity: kiosks, minimal window
    /// managers); the file goes to [`SaveDialog::fallback_dir`] instead, and the window says so.
    Unavailable,
}

/// Asks where to save.
pub trait SaveDialog: Send + Sync {
    fn save(&self, req: SaveRequest) -> BoxFuture<SaveChoice>;

    /// Where files go when no dialog can be shown: Downloads, else home, else the temp dir.
    fn fallback_dir(&self) -> PathBuf {
        let user = directories::UserDirs::new();
        user.as_ref()
            .and_then(|u| u.download_dir().map(PathBuf::from))
            .or_else(|| user.as_ref().map(|u| u.home_dir().to_path_buf()))
            .unwrap_or_else(std::env::temp_dir)
    }
}

/// `dir/name`, or `dir/stem-2.ext`, `-3`, … when taken: a fallback save never overwrites.
pub fn unused_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    (2..10_000)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// The desktop's save dialog (xdg-desktop-portal, else zenity, on Linux).
pub struct RfdDialog;

/// Whether rfd can show anything: on Linux and the BSDs it needs a session bus (for the
/// portal) or zenity on the PATH; it answers "cancelled" for both when it cannot.
fn dialog_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
    bus || zenity
}

impl SaveDialog for RfdDialog {
    fn save(&self, req: SaveRequest) -> BoxFuture<SaveChoice> {
        if !dialog_available() {
            return Box::pin(async { SaveChoice::Unavailable });
        }
        let dialog = rfd::AsyncFileDialog::new()
            .set_title(req.title)
            .set_file_name(req.file_name)
            .add_filter(req.filter_name, &req.extensions);
        Box::pin(async move {
            match dialog.save_file().await {
                Some(handle) => SaveChoice::Chosen(handle.path().to_path_buf()),
                None => SaveChoice::Cancelled,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fallback_save_never_overwrites() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(unused_path(dir.path(), "a.har"), dir.path().join("a.har"));
        std::fs::write(dir.path().join("a.har"), "x").expect("write");
        assert_eq!(unused_path(dir.path(), "a.har"), dir.path().join("a-2.har"));
        std::fs::write(dir.path().join("a-2.har"), "x").expect("write");
        assert_eq!(unused_path(dir.path(), "a.har"), dir.path().join("a-3.har"));
        std::fs::write(dir.path().join("noext"), "x").expect("write");
        assert_eq!(unused_path(dir.path(), "noext"), dir.path().join("noext-2"));
    }
}
