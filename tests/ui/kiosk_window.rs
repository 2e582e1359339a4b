//! The kiosk in a real window under an X server with a window manager (openbox), driven with
//! xdotool as a stranger at the booth would: Alt+F4 and Ctrl+Q do not close it, it stays on the
//! attract screen; the staff PIN and "Exit the app" close it with exit 0; SIGTERM from the
//! service manager closes it with 143.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use guest_join::config::kiosk_pin::PinHash;

use crate::xvfb::{Killed, required_program, start_server, wait};

const PIN: &str = "2468";

const TEST: &str = "kiosk_window";

/// The window manager and xdotool; in CI their absence is a failure, elsewhere a message.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let openbox = required_program(TEST, "openbox", "openbox");
    let xdotool = required_program(TEST, "xdotool", "xdotool");
    openbox.zip(xdotool)
}

fn xdotool(xdotool: &Path, display: u32, args: &[&str]) -> String {
    let out = Command::new(xdotool)
        .env("DISPLAY", format!(":{display}"))
        .args(args)
        .output()
        .expect("xdotool runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn booth_state(status: &Path) -> String {
    std::fs::read_to_string(status)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["state"].as_str().map(str::to_string))
        .unwrap_or_default()
}

struct Booth {
    app: Killed,
    log: PathBuf,
    status: PathBuf,
    window: String,
}

fn start_booth(dir: &Path, display: u32, xdotool_path: &Path, run: &str) -> Booth {
    let config = dir.join(format!("kiosk-{run}.toml"));
    let status = dir.join(format!("booth-{run}.json"));
    std::fs::write(
        &config,
        format!(
            "[kiosk]\nenabled = true\nadmin_pin_hash = \"{}\"\nstatus_file = \"{}\"\n",
            PinHash::new(PIN),
            status.display()
        ),
    )
    .unwrap();
    let log = dir.join(format!("stderr-{run}.log"));
    let app = Killed(
        Command::new(env!("CARGO_BIN_EXE_guest-join"))
            .args(["--kiosk", "--config"])
            .arg(&config)
            .env("DISPLAY", format!(":{display}"))
            .env_remove("WAYLAND_DISPLAY")
            .env("GUEST_JOIN_LOG_FIRST_FRAME", "1")
            .env("RUST_LOG", "guest_join=info")
            // Its own socket and log directories, never the user's (nor a running window's).
            .env("XDG_RUNTIME_DIR", dir.join(format!("run-{run}")))
            .env("XDG_STATE_HOME", dir.join("state"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("guest-join starts"),
    );
    let mut booth = Booth {
        app,
        log,
        status,
        window: String::new(),
    };
    wait("the attract screen", Duration::from_secs(60), || {
        booth.assert_running();
        booth_state(&booth.status) == "attract"
    });
    wait("the window", Duration::from_secs(20), || {
        booth.window = xdotool(xdotool_path, display, &["search", "--name", "^guest-join$"])
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        !booth.window.is_empty()
    });
    xdotool(
        xdotool_path,
        display,
        &["windowactivate", "--sync", &booth.window],
    );
    booth
}

impl Booth {
    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn assert_running(&mut self) {
        assert!(
            self.app.0.try_wait().ok().flatten().is_none(),
            "the kiosk exited: {}",
            self.log_text()
        );
    }

    fn wait_exit(&mut self) -> Option<i32> {
        let mut code = None;
        wait("the kiosk to exit", Duration::from_secs(30), || {
            code = self.app.0.try_wait().ok().flatten().map(|s| s.code());
            code.is_some()
        });
        code.flatten()
    }
}

#[test]
fn a_kiosk_window_closes_only_with_the_staff_pin_or_a_signal() {
    let Some((openbox, xdotool_path)) = tools() else {
        return;
    };
    let Some((server, display)) = start_server(TEST) else {
        return;
    };
    let _wm = Killed(
        Command::new(openbox)
            .env("DISPLAY", format!(":{display}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox starts"),
    );
    // Start the booth only once openbox manages the screen (it then grabs Alt+F4).
    if let Some(xprop) = required_program(TEST, "xprop", "x11-utils") {
        wait("openbox", Duration::from_secs(20), || {
            Command::new(&xprop)
                .args([
                    "-display",
                    &format!(":{display}"),
                    "-root",
                    "_NET_SUPPORTING_WM_CHECK",
                ])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("window id"))
        });
    } else {
        std::thread::sleep(Duration::from_secs(3));
    }
    let dir = tempfile::tempdir().unwrap();
    let key = |keys: &[&str]| {
        let mut args = vec!["key", "--delay", "80"];
        args.extend_from_slice(keys);
        xdotool(&xdotool_path, display, &args);
    };

    let mut booth = start_booth(dir.path(), display, &xdotool_path, "pin");
    // A stranger tries the usual ways out: the window manager's Alt+F4, egui's Ctrl+Q, Ctrl+W.
    wait("the refusal in the log", Duration::from_secs(20), || {
        key(&["alt+F4"]);
        booth.log_text().contains("close the window was refused")
    });
    key(&["ctrl+q", "ctrl+w", "ctrl+plus", "alt+F4"]);
    std::thread::sleep(Duration::from_secs(2));
    booth.assert_running();
    assert_eq!(booth_state(&booth.status), "attract");
    assert!(
        booth
            .log_text()
            .matches("close the window was refused")
            .count()
            >= 2,
        "{}",
        booth.log_text()
    );

    // The staff: the chord, the PIN, then "Exit the app" (Tab past Settings).
    key(&["ctrl+alt+shift+k"]);
    std::thread::sleep(Duration::from_millis(500));
    xdotool(&xdotool_path, display, &["type", "--delay", "80", PIN]);
    key(&["Return"]);
    std::thread::sleep(Duration::from_millis(500));
    key(&["Tab", "Tab", "Return"]);
    assert_eq!(booth.wait_exit(), Some(0), "{}", booth.log_text());

    // The service manager: SIGTERM closes the booth too, with the shell's code.
    let mut booth = start_booth(dir.path(), display, &xdotool_path, "term");
    Command::new("kill")
        .args(["-TERM", &booth.app.0.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(booth.wait_exit(), Some(143), "{}", booth.log_text());
    assert!(booth.log_text().contains("SIGTERM received"));
    drop(server);
}
