//! One window per user: the first window listens on a local socket (see [`place`]); a later
//! launch hands its link to it and exits, so clicking a second invitation fills the running
//! window instead of opening another. A socket left behind by a crashed window is taken over;
//! a window that does not answer is left alone and the new launch opens its own window.
//! Knows nothing of egui: the window passes a callback.

mod message;
mod place;
#[cfg(test)]
mod tests;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use interprocess::local_socket::tokio::{Listener, Stream, prelude::*};
use interprocess::local_socket::{GenericFilePath, ListenerOptions, Name};

pub use message::{Answer, Handover};
pub use place::socket_path;

/// How long a launch waits to reach the running window, and for its answer.
const CONNECT_WAIT: Duration = Duration::from_secs(2);
const ANSWER_WAIT: Duration = Duration::from_secs(5);
/// How long the window waits for a launch to say what it wants.
const REQUEST_WAIT: Duration = Duration::from_secs(5);

/// What a launch found.
pub enum Claim {
    /// No window was running: this process is the window and listens.
    First(FirstWindow),
    /// A window was running and answered: this launch is done.
    HandedOver(Answer),
    /// This launch opens a window of its own without listening, because of the reason given
    /// (no private place for the socket, or a running window that does not answer).
    Alone(String),
}

/// The listening side, until [`FirstWindow::serve`] starts answering.
pub struct FirstWindow {
    listener: Listener,
    path: PathBuf,
}

impl std::fmt::Debug for FirstWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstWindow")
            .field("path", &self.path)
            .finish()
    }
}

fn socket_name(path: &Path) -> io::Result<Name<'_>> {
    path.to_fs_name::<GenericFilePath>()
}

/// Hand `handover` to the window listening at `path`, or become that window. A kiosk passes
/// `None`: it never hands over (it must come up on its booth even if a window is open), and
/// runs alone when another window listens.
pub async fn claim(path: &Path, handover: Option<&Handover>) -> Claim {
    let name = match socket_name(path) {
        Ok(name) => name,
        Err(e) => return Claim::Alone(format!("{}: not a socket name ({e})", path.display())),
    };
    match tokio::time::timeout(CONNECT_WAIT, Stream::connect(name.clone())).await {
        Ok(Ok(_)) if handover.is_none() => {
            Claim::Alone("another window is open and a kiosk hands nothing over".into())
        }
        Ok(Ok(stream)) => match tokio::time::timeout(
            ANSWER_WAIT,
            ask(stream, handover.unwrap_or(&Handover::default())),
        )
        .await
        {
            Ok(Ok(answer)) => Claim::HandedOver(answer),
            Ok(Err(e)) => Claim::Alone(format!("the running window did not answer ({e})")),
            Err(_) => Claim::Alone(format!(
                "the running window did not answer within {ANSWER_WAIT:?}"
            )),
        },
        // Nobody there, or a socket file a crashed window left: take the name over.
        Ok(Err(e)) if is_free(&e) => listen(path, name),
        Ok(Err(e)) => Claim::Alone(format!("{}: cannot connect ({e})", path.display())),
        Err(_) => Claim::Alone(format!(
            "{}: no answer to connecting within {CONNECT_WAIT:?}",
            path.display()
        )),
    }
}

/// Nobody listens: no socket file, or one nobody accepts on.
fn is_free(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
    )
}

fn listen(path: &Path, name: Name<'_>) -> Claim {
    let created = ListenerOptions::new()
        .name(name)
        // A stale socket file (its window crashed) is removed and bound again.
        .try_overwrite(true)
        .max_spin_time(Duration::from_secs(1))
        .create_tokio();
    match created {
        Ok(listener) => Claim::First(FirstWindow {
            listener,
            path: path.to_path_buf(),
        }),
        Err(e) => Claim::Alone(format!("{}: cannot listen ({e})", path.display())),
    }
}

async fn ask(stream: Stream, handover: &Handover) -> io::Result<Answer> {
    message::write_line(&mut &stream, handover).await?;
    message::read_line(&stream).await
}

/// Answers launches while alive; dropping it stops listening and removes the socket file.
#[derive(Debug)]
pub struct Serving {
    task: tokio::task::AbortHandle,
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FirstWindow {
    /// Where it listens.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Answer every launch with `answer` and pass what it handed over to `on_handover` (in a
    /// kiosk too, which logs and ignores it). A launch that sends nothing sensible within
    /// [`REQUEST_WAIT`] is dropped without effect.
    pub fn serve(
        self,
        runtime: &tokio::runtime::Handle,
        answer: Answer,
        on_handover: impl Fn(Handover) + Send + Sync + 'static,
    ) -> Serving {
        let on_handover = Arc::new(on_handover);
        let handle = runtime.clone();
        let task = runtime.spawn(async move {
            loop {
                let stream = match self.listener.accept().await {
                    Ok(stream) => stream,
                    Err(e) => {
                        tracing::warn!("window socket: {e}");
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        continue;
                    }
                };
                let on_handover = on_handover.clone();
                handle.spawn(async move {
                    match tokio::time::timeout(REQUEST_WAIT, reply(stream, answer)).await {
                        Ok(Ok(handover)) => on_handover(handover),
                        Ok(Err(e)) => {
                            tracing::warn!("window socket: a launch sent nothing usable ({e})")
                        }
                        Err(_) => tracing::warn!(
                            "window socket: a launch sent nothing within {REQUEST_WAIT:?}"
                        ),
                    }
                });
            }
        });
        Serving {
            task: task.abort_handle(),
        }
    }
}

async fn reply(stream: Stream, answer: Answer) -> io::Result<Handover> {
    let handover: Handover = message::read_line(&stream).await?;
    message::write_line(&mut &stream, &answer).await?;
    Ok(handover)
}
