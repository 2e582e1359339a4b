//! The signals that ask the process to stop: Ctrl-C (SIGINT), SIGTERM (what service managers and
//! CI systems send) and SIGHUP (the terminal went away). Every long-running command handles the
//! three alike: it stops what it is doing, cleans up (leaves the meeting, deletes what it
//! created), writes its outputs marked as interrupted, and exits with 128 + the signal's number.

use serde::Serialize;

/// A signal that stops the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StopSignal {
    #[serde(rename = "SIGINT")]
    Interrupt,
    #[serde(rename = "SIGTERM")]
    Terminate,
    #[serde(rename = "SIGHUP")]
    HangUp,
}

impl StopSignal {
    pub fn name(self) -> &'static str {
        match self {
            StopSignal::Interrupt => "SIGINT",
            StopSignal::Terminate => "SIGTERM",
            StopSignal::HangUp => "SIGHUP",
        }
    }

    /// The shell's convention: 128 + the signal number (130, 143, 129).
    pub fn exit_code(self) -> i32 {
        128 + match self {
            StopSignal::HangUp => 1,
            StopSignal::Interrupt => 2,
            StopSignal::Terminate => 15,
        }
    }
}

/// Listens for the stop signals from creation on (from then, they no longer end the process
/// at once): create it before telling anyone the process is ready. `recv` can be called again
/// for a second signal.
pub struct StopSignals {
    #[cfg(unix)]
    unix: Option<UnixSignals>,
}

#[cfg(unix)]
struct UnixSignals {
    int: tokio::signal::unix::Signal,
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl StopSignals {
    /// Start listening. Needs a tokio runtime.
    pub fn new() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let unix = match (
                signal(SignalKind::interrupt()),
                signal(SignalKind::terminate()),
                signal(SignalKind::hangup()),
            ) {
                (Ok(int), Ok(term), Ok(hup)) => Some(UnixSignals { int, term, hup }),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                    tracing::warn!("stop signals cannot be handled: {e}");
                    None
                }
            };
            Self { unix }
        }
        #[cfg(not(unix))]
        Self {}
    }

    /// The next stop signal; `None` when no signal can be watched at all.
    pub async fn recv(&mut self) -> Option<StopSignal> {
        #[cfg(unix)]
        if let Some(u) = &mut self.unix {
            return tokio::select! {
                Some(()) = u.int.recv() => Some(StopSignal::Interrupt),
                Some(()) = u.term.recv() => Some(StopSignal::Terminate),
                Some(()) = u.hup.recv() => Some(StopSignal::HangUp),
                else => None,
            };
        }
        tokio::signal::ctrl_c()
            .await
            .ok()
            .map(|()| StopSignal::Interrupt)
    }
}

impl Default for StopSignals {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_shell_convention() {
        assert_eq!(StopSignal::Interrupt.exit_code(), 130);
        assert_eq!(StopSignal::Terminate.exit_code(), 143);
        assert_eq!(StopSignal::HangUp.exit_code(), 129);
        assert_eq!(
            serde_json::to_string(&StopSignal::Terminate).unwrap(),
            "\"SIGTERM\""
        );
        assert_eq!(StopSignal::HangUp.name(), "SIGHUP");
    }
}
