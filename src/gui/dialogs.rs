//! The save-file dialog behind a trait, so tests use a fake. The real one is rfd's portal
//! dialog, awaited on the tokio runtime: the UI thread never blocks or awaits on it.

use std::future::Future;
use std::path::PathBuf;
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

/// Asks where to save; `None` when the user cancelled (or no dialog could be shown).
pub trait SaveDialog: Send + Sync {
    fn save(&self, req: SaveRequest) -> BoxFuture<Option<PathBuf>>;
}

/// The desktop's save dialog (xdg-desktop-portal on Linux).
pub struct RfdDialog;

impl SaveDialog for RfdDialog {
    fn save(&self, req: SaveRequest) -> BoxFuture<Option<PathBuf>> {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title(req.title)
            .set_file_name(req.file_name)
            .add_filter(req.filter_name, &req.extensions);
        Box::pin(async move {
            dialog
                .save_file()
                .await
                .map(|handle| handle.path().to_path_buf())
        })
    }
}
