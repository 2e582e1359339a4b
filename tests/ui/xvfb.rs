//! Smoke test of the real binary: start `Xvfb` on a free display, run `guest-join` on it, wait
//! for its window and its first frame, check it is alive, then kill both by pid. Skipped (with
//! a message, passing) when Xvfb is not installed. Uses `xwininfo` (x11-utils) to find the
//! window when present, and ImageMagick's `import` to check the screen is not blank.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
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

fn free_display(mut displays: std::ops::Range<u32>) -> Option<u32> {
    displays.find(|n| {
        !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
    })
}

pub fn wait(what: &str, max: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < max, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Start `Xvfb` on a free display in `displays` (tests running at the same time use
/// different ranges). `None`, with a message naming `test`, when it cannot run here.
pub fn start_server(test: &str, displays: std::ops::Range<u32>) -> Option<(Killed, u32)> {
    let Some(xvfb) = find_program("Xvfb") else {
        eprintln!("{test} skipped: Xvfb is not installed (apt install xvfb)");
        return None;
    };
    let Some(display) = free_display(displays) else {
        eprintln!("{test} skipped: no free X display number");
        return None;
    };
    let server = Killed(
        Command::new(xvfb)
            .args([
                format!(":{display}"),
                "-screen".into(),
                "0".into(),
                "1024x768x24".into(),
                "-nolisten".into(),
                "tcp".into(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts"),
    );
    wait("the X server", Duration::from_secs(20), || {
        Path::new(&format!("/tmp/.X11-unix/X{display}")).exists()
    });
    Some((server, display))
}

pub fn smoke_test(binary: &str) {
    let Some((server, display)) = start_server("real_window_under_xvfb", 80..120) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("stderr.log");
    let app = Killed(
        Command::new(binary)
            .env("DISPLAY", format!(":{display}"))
            .env_remove("WAYLAND_DISPLAY")
            .env("GUEST_JOIN_CONFIG", dir.path().join("config.toml"))
            .env("GUEST_JOIN_LOG_FIRST_FRAME", "1")
            .env("RUST_LOG", "guest_join=info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("guest-join starts"),
    );
    let mut app = app;
    wait("the first frame", Duration::from_secs(60), || {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(
            app.0.try_wait().ok().flatten().is_none(),
            "guest-join exited early: {text}"
        );
        text.contains("first frame")
    });
    if let Some(xwininfo) = find_program("xwininfo") {
        wait("the window", Duration::from_secs(20), || {
            Command::new(&xwininfo)
                .args(["-root", "-tree", "-display", &format!(":{display}")])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("\"guest-join\""))
        });
    }
    if let (Some(import), Some(convert)) = (find_program("import"), find_program("convert")) {
        let shot = dir.path().join("screen.png");
        // The first frame may still be on its way to the screen: look until it is not blank.
        wait("a non-blank screen", Duration::from_secs(20), || {
            let grabbed = Command::new(&import)
                .args(["-display", &format!(":{display}"), "-window", "root"])
                .arg(&shot)
                .status()
                .is_ok_and(|s| s.success());
            let colours = Command::new(&convert)
                .arg(&shot)
                .args(["-format", "%k", "info:"])
                .output()
                .map(|o| {
                    String::from_utf8_lossy(&o.stdout)
                        .trim()
                        .parse::<u32>()
                        .unwrap_or(0)
                })
                .unwrap_or(0);
            grabbed && colours > 16
        });
    }
    assert!(
        app.0.try_wait().ok().flatten().is_none(),
        "guest-join is still running after drawing"
    );
    drop(app);
    drop(server);
}
