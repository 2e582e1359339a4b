//! Where the window's socket lives: in the user's runtime directory (`$XDG_RUNTIME_DIR`,
//! private to the user and emptied at log-out), else in a private directory of the user's own
//! under the temporary directory. Unix only for now: elsewhere every launch opens its own
//! window.

use std::path::PathBuf;

/// The socket of the running window for this user; `None` when no private place exists.
#[cfg(unix)]
pub fn socket_path() -> Option<PathBuf> {
    let uid = rustix::process::getuid().as_raw();
    let dir = directories::BaseDirs::new()
        .and_then(|d| d.runtime_dir().map(|r| r.join("guest-join")))
        .unwrap_or_else(|| std::env::temp_dir().join(format!("guest-join-{uid}")));
    match private_dir(&dir, uid) {
        Ok(()) => Some(dir.join("window.sock")),
        Err(e) => {
            tracing::warn!(
                "{}: not usable for the window's socket ({e})",
                dir.display()
            );
            None
        }
    }
}

#[cfg(not(unix))]
pub fn socket_path() -> Option<PathBuf> {
    None
}

/// Create `dir` for its owner only, and check that an existing one is the user's own and
/// private (another user could otherwise listen in the user's place).
#[cfg(unix)]
fn private_dir(dir: &std::path::Path, uid: u32) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .mode(0o700)
        .recursive(true)
        .create(dir)?;
    let meta = std::fs::symlink_metadata(dir)?;
    if !meta.is_dir() || meta.uid() != uid {
        return Err(std::io::Error::other(
            "it is not a directory of this user's",
        ));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}
