//! Smoke test of the real binary: start `Xvfb`, run `guest-join` on it (past a socket a crashed
//! window left), wait for its window and its first frame, check it is alive and the screen is
//! not blank; a second launch with a link hands it over and exits 0; then stop both by pid;
//! its log file is in the state directory, without secrets.
//! Finds the window with `xwininfo` (x11-utils) and looks at the screen with ImageMagick's
//! `import` and `convert`. In CI a missing tool or X server fails the test.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::xvfb::{Killed, required_program, start_server, wait};

const TEST: &str = "real_window_under_xvfb";

#[test]
fn real_window_under_xvfb() {
    let Some((server, display)) = start_server(TEST) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("stderr.log");
    // A crashed window's socket: bound, never removed, nobody listening.
    let runtime_dir = dir.path().join("run");
    std::fs::create_dir_all(runtime_dir.join("guest-join")).unwrap();
    let stale = runtime_dir.join("guest-join/window.sock");
    drop(std::os::unix::net::UnixListener::bind(&stale).unwrap());
    assert!(stale.exists());
    let mut app = Killed(
        Command::new(env!("CARGO_BIN_EXE_guest-join"))
            .env("DISPLAY", format!(":{display}"))
            .env_remove("WAYLAND_DISPLAY")
            .env("GUEST_JOIN_CONFIG", dir.path().join("config.toml"))
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("XDG_RUNTIME_DIR", &runtime_dir)
            .env("GUEST_JOIN_LOG_FIRST_FRAME", "1")
            .env("RUST_LOG", "guest_join=info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("guest-join starts"),
    );
    wait("the first frame", Duration::from_secs(60), || {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(
            app.0.try_wait().ok().flatten().is_none(),
            "guest-join exited early: {text}"
        );
        text.contains("first frame")
    });
    if let Some(xwininfo) = required_program(TEST, "xwininfo", "x11-utils") {
        wait("the window", Duration::from_secs(20), || {
            Command::new(&xwininfo)
                .args(["-root", "-tree", "-display", &format!(":{display}")])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("\"guest-join\""))
        });
    }
    let import = required_program(TEST, "import", "imagemagick");
    let convert = required_program(TEST, "convert", "imagemagick");
    if let (Some(import), Some(convert)) = (import, convert) {
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
    // What the desktop does when a second invitation is clicked: the link goes to this window
    // and the second process exits at once.
    let second = Command::new(env!("CARGO_BIN_EXE_guest-join"))
        .arg("lync15:confjoin?url=https%3A%2F%2Fmeet.contoso.example%2Fada%2FSECOND01")
        .env("DISPLAY", format!(":{display}"))
        .env_remove("WAYLAND_DISPLAY")
        .env("GUEST_JOIN_CONFIG", dir.path().join("config.toml"))
        .env("XDG_STATE_HOME", dir.path().join("state-second"))
        .env("XDG_RUNTIME_DIR", &runtime_dir)
        .stdin(Stdio::null())
        .output()
        .expect("a second guest-join runs");
    let said = String::from_utf8_lossy(&second.stdout);
    assert!(second.status.success(), "{second:?}");
    assert!(
        said.contains("already open") && said.contains("link filled in"),
        "{said}"
    );
    wait("the handover in the log", Duration::from_secs(20), || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .contains("another launch handed over to this window")
    });
    assert!(
        app.0.try_wait().ok().flatten().is_none(),
        "guest-join is still running after the handover"
    );
    drop(app);
    // The window removed its socket when it closed, and remembered its size.
    assert!(!stale.exists(), "the socket outlived the window");
    let state = std::fs::read_to_string(dir.path().join("state/guest-join/state.toml"))
        .expect("the state file written at close");
    assert!(
        state.contains("[window]") && state.contains("width = "),
        "{state}"
    );
    drop(server);
    // The window's own log file, in the state directory, masked like every output.
    let file = dir.path().join("state/guest-join/guest-join.log");
    let text = std::fs::read_to_string(&file).expect("the window's log file");
    assert!(text.contains("first frame"), "{text}");
    crate::common::secrets::assert_no_secret("the log file", &text, &[]);
}
