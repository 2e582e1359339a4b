//! The built binary: run to its end under a safety time-out, or kept running with its stdout
//! read line by line; what it printed; the demo join the export and redaction tests share.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A safety net against a hung binary, not a timing assertion.
const LIMIT: Duration = Duration::from_secs(90);

/// The service key the demo joins pass (the demo needs none): no output may show it unless
/// `--unredacted` says so.
pub const SERVICE_KEY: &str = "sk-very-secret-service-key-42";

/// The built binary with arguments and extra environment, run to its end.
pub fn run_binary(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guest-join"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_command(cmd)
}

/// `cmd` run with no input and its output captured; panics if it runs past the safety limit.
/// Both pipes are drained while it runs, so a chatty binary (trace logging) never blocks on a
/// full pipe.
pub fn run_command(mut cmd: Command) -> Output {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("binary starts");
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                std::io::Read::read_to_end(&mut p, &mut bytes).ok();
            }
            bytes
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let start = Instant::now();
    let (status, hung) = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break (status, false);
        }
        if start.elapsed() > LIMIT {
            child.kill().ok();
            break (child.wait().expect("the binary ends once killed"), true);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    };
    if hung {
        panic!(
            "binary hung; stdout: {}\nstderr: {}",
            stdout(&output),
            stderr(&output)
        );
    }
    output
}

/// `guest-join join --demo --name Ada --chat hi --service-key SERVICE_KEY --json`, logging at
/// debug, with `extra` arguments (the meeting, the output files, `--unredacted`, …) and `env`
/// (which may set `RUST_LOG` higher).
pub fn demo_join(extra: &[&str], env: &[(&str, &str)]) -> Output {
    let mut args = vec![
        "join",
        "--demo",
        "--name",
        "Ada",
        "--chat",
        "hi",
        "--service-key",
        SERVICE_KEY,
        "--json",
    ];
    args.extend_from_slice(extra);
    let mut env = env.to_vec();
    env.insert(0, ("RUST_LOG", "debug"));
    run_binary(&args, &env)
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON lines of stdout; every line must be one.
pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not a JSON line: {l:?}: {e}\nstderr: {}", stderr(out)))
        })
        .collect()
}

/// The result line of `--json` output: every line JSON, the last of type `result`.
pub fn result(out: &Output) -> serde_json::Value {
    let last = json_lines(out)
        .pop()
        .unwrap_or_else(|| panic!("no result line; stderr: {}", stderr(out)));
    assert_eq!(last["type"], "result", "{last}\nstderr: {}", stderr(out));
    last
}

/// The binary kept running, its stdout read line by line on a thread, its stderr passed
/// through. Killed when dropped, so a failing test leaves nothing running.
pub struct Spawned {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Spawned {
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_guest-join"));
        cmd.args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("binary starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::Builder::new()
            .name("binary-stdout".into())
            .spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            })
            .expect("reader thread");
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    pub fn child(&self) -> &Child {
        &self.child
    }

    /// The lines read from here up to and including the first that contains `marker` (a minute
    /// at most for each line).
    pub fn read_until(&mut self, marker: &str) -> Vec<String> {
        let from = self.seen.len();
        while !self.seen[from..].iter().any(|l| l.contains(marker)) {
            match self.lines.recv_timeout(Duration::from_secs(60)) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("no {marker:?} in {:#?}", self.seen),
            }
        }
        self.seen[from..].to_vec()
    }

    /// Wait for the exit (a minute at most) and return the code and every stdout line.
    pub fn finish(mut self) -> (Option<i32>, Vec<String>) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if let Ok(Some(status)) = self.child.try_wait() {
                let rest: Vec<String> = self.lines.iter().collect();
                self.seen.extend(rest);
                return (status.code(), std::mem::take(&mut self.seen));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("still running after a minute: {:#?}", self.seen);
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.child.kill().ok();
        }
        self.child.wait().ok();
    }
}
