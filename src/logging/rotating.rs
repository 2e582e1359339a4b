//! The window's log file: at most `limit` bytes in `guest-join.log` plus one older file
//! (`guest-join.log.1`), so the log never grows past a few MB; every line masked like every
//! other output.
//!
//! Written here rather than with a rotation crate: the ones at hand either rotate only by time
//! (tracing-appender) or panic when the directory cannot be made (file-rotate), and a panic in
//! the logging thread would end a kiosk. Here an I/O error loses a log line, nothing else.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A size-capped log file with one predecessor.
pub struct RotatingFile {
    path: PathBuf,
    limit: u64,
    file: Option<File>,
    written: u64,
}

impl RotatingFile {
    /// Open (or create) `path`, appending; its directory is made if needed.
    pub fn open(path: &Path, limit: u64) -> io::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let written = file.metadata().map(|m| m.len()).unwrap_or(0);
        Ok(Self {
            path: path.to_path_buf(),
            limit: limit.max(1),
            file: Some(file),
            written,
        })
    }

    /// The older file (`<path>.1`).
    pub fn previous(path: &Path) -> PathBuf {
        let mut name = path.as_os_str().to_owned();
        name.push(".1");
        PathBuf::from(name)
    }

    /// Start a new file, keeping the current one as `<path>.1`.
    fn rotate(&mut self) -> io::Result<()> {
        self.file = None;
        std::fs::rename(&self.path, Self::previous(&self.path))?;
        self.file = Some(
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)?,
        );
        self.written = 0;
        Ok(())
    }
}

impl Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written > 0 && self.written + buf.len() as u64 > self.limit {
            // A failed rotation keeps writing to what is open (or drops the line).
            let _ = self.rotate();
        }
        let line = crate::redact::mask_tokens(&String::from_utf8_lossy(buf));
        if let Some(f) = &mut self.file {
            f.write_all(line.as_bytes())?;
            self.written += line.len() as u64;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_stays_within_two_files_of_the_limit_and_masks_tokens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logs/guest-join.log");
        let mut f = RotatingFile::open(&path, 100).unwrap();
        for i in 0..50 {
            writeln!(f, "line {i:02} GET /discover?psat=eyJhbGciOiJ").unwrap();
        }
        let now = std::fs::read_to_string(&path).unwrap();
        let before = std::fs::read_to_string(RotatingFile::previous(&path)).unwrap();
        assert!(now.len() <= 100 && before.len() <= 100, "{now}\n{before}");
        assert!(now.contains("line 49"), "{now}");
        assert!(
            !now.contains("eyJ") && now.contains("psat=[redacted]"),
            "{now}"
        );
        let files = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(files, 2);
        // Reopened, it appends.
        drop(f);
        let mut f = RotatingFile::open(&path, 1000).unwrap();
        writeln!(f, "after a restart").unwrap();
        let now = std::fs::read_to_string(&path).unwrap();
        assert!(now.contains("line 49") && now.ends_with("after a restart\n"));
    }

    #[test]
    fn an_unusable_place_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        assert!(RotatingFile::open(&blocker.join("guest-join.log"), 100).is_err());
    }
}
