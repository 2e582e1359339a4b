//! What a second launch says to the running window, and what the window answers: one JSON
//! line each way over the local socket.

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

/// The longest line either side reads; a link is far shorter.
pub const MAX_LINE: u64 = 64 * 1024;

/// A second launch's command line, handed to the running window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Handover {
    /// `guest-join <link>`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// `--meeting`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// `--name`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// What the running window did with a handover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "result")]
pub enum Answer {
    /// The window comes to the front with the link (if any) filled in.
    Shown,
    /// The window is a kiosk: it takes no links from outside.
    KioskIgnored,
}

/// Write `value` as one JSON line.
pub async fn write_line<T: Serialize>(
    out: &mut (impl AsyncWrite + Unpin),
    value: &T,
) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    line.push(b'\n');
    out.write_all(&line).await?;
    out.flush().await
}

/// Read one JSON line of at most [`MAX_LINE`] bytes.
pub async fn read_line<T: for<'de> Deserialize<'de>>(
    input: impl AsyncRead + Unpin,
) -> std::io::Result<T> {
    let mut line = String::new();
    BufReader::new(input.take(MAX_LINE))
        .read_line(&mut line)
        .await?;
    if !line.ends_with('\n') {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "no complete line",
        ));
    }
    serde_json::from_str(&line).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}
