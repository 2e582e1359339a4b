//! What the real-window tests share: an `Xvfb` server on a display it chooses itself, the X
//! tools they drive it with, children stopped by pid when a test ends, and waiting with a limit.
//! In CI (the `CI` variable set) a real-window test that cannot run is a failure; elsewhere it
//! says why it did not run and passes.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

/// CI sets `CI`; there every real-window test must run.
fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// `test` cannot run here because of `why`: a failure in CI, a message elsewhere.
pub fn cannot_run(test: &str, why: &str) {
    assert!(!in_ci(), "CI must run {test}, but {why}");
    eprintln!("{test} not run here: {why}");
}

/// The program `name` (from the system package `package`), or `None` after [`cannot_run`].
pub fn required_program(test: &str, name: &str, package: &str) -> Option<PathBuf> {
    let found = find_program(name);
    if found.is_none() {
        cannot_run(
            test,
            &format!("{name} is not installed (apt install {package})"),
        );
    }
    found
}

/// Stops the child (by its pid) when dropped, so a failing assertion leaves nothing running:
/// SIGTERM first (Xvfb then removes its lock file and socket), SIGKILL if it lingers.
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.0.try_wait() {
            return;
        }
        let pid = self.0.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().ok();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

pub fn wait(what: &str, max: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < max, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Start `Xvfb` and return it with its display number. Xvfb picks a free display itself and
/// writes its number once it accepts connections (`-displayfd`), so tests and other test runs
/// on the same machine never race for a number. `None` after [`cannot_run`] (naming `test`)
/// when no server can be started here.
pub fn start_server(test: &str) -> Option<(Killed, u32)> {
    let xvfb = required_program(test, "Xvfb", "xvfb")?;
    let mut log = tempfile::tempfile().expect("a file for Xvfb's messages");
    let spawned = Command::new(xvfb)
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1024x768x24",
            "-nolisten",
            "tcp",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log.try_clone().expect("a second handle on the file"))
        .spawn();
    let mut server = match spawned {
        Ok(child) => Killed(child),
        Err(e) => {
            cannot_run(test, &format!("Xvfb did not start: {e}"));
            return None;
        }
    };
    let stdout = server.0.stdout.take().expect("Xvfb's stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader.read_line(&mut line).ok();
        tx.send(line).ok();
        // Keep the pipe open (and drained) while the server runs.
        std::io::copy(&mut reader, &mut std::io::sink()).ok();
    });
    let display = rx
        .recv_timeout(Duration::from_secs(20))
        .ok()
        .and_then(|line| line.trim().parse::<u32>().ok());
    let Some(display) = display else {
        drop(server);
        let mut messages = String::new();
        log.seek(SeekFrom::Start(0)).ok();
        log.read_to_string(&mut messages).ok();
        cannot_run(test, &format!("Xvfb did not open a display: {messages}"));
        return None;
    };
    assert!(
        Path::new(&format!("/tmp/.X11-unix/X{display}")).exists(),
        "Xvfb reported display :{display} but has no socket for it"
    );
    Some((server, display))
}
