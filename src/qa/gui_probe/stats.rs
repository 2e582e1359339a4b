//! What the process uses, read from the kernel: resident memory and its peak
//! (`/proc/self/status`), CPU time of the whole process (`CLOCK_PROCESS_CPUTIME_ID`), and CPU
//! time per thread (`/proc/self/task/*/stat`) to tell the UI thread and the demo's threads
//! apart. Linux only.

use std::time::Duration;

/// Resident memory now and its peak, in KiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Memory {
    pub rss_kib: u64,
    pub hwm_kib: u64,
}

/// CPU time of some threads of this process (clock-tick resolution).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThreadCpu {
    /// The main thread, which runs the window.
    pub ui: Duration,
    /// Threads whose name starts with the given prefix.
    pub named: Duration,
}

/// `VmRSS` and `VmHWM` from a `/proc/<pid>/status` text.
pub fn parse_status(text: &str) -> Option<Memory> {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().strip_suffix("kB"))
            .and_then(|n| n.trim().parse::<u64>().ok())
    };
    Some(Memory {
        rss_kib: field("VmRSS:")?,
        hwm_kib: field("VmHWM:")?,
    })
}

/// The thread name and user+system clock ticks from a `/proc/<pid>/task/<tid>/stat` line. The
/// name is in parentheses and may itself contain spaces and parentheses.
pub fn parse_stat(line: &str) -> Option<(&str, u64)> {
    let open = line.find('(')?;
    let close = line.rfind(')')?;
    let name = line.get(open + 1..close)?;
    // After the name: state (field 3), …, utime (field 14), stime (field 15).
    let mut rest = line.get(close + 1..)?.split_whitespace().skip(11);
    let utime: u64 = rest.next()?.parse().ok()?;
    let stime: u64 = rest.next()?.parse().ok()?;
    Some((name, utime + stime))
}

#[cfg(target_os = "linux")]
mod imp {
    use std::time::Duration;

    use super::{Memory, ThreadCpu, parse_stat, parse_status};

    pub fn memory() -> Result<Memory, String> {
        let text = std::fs::read_to_string("/proc/self/status")
            .map_err(|e| format!("cannot read /proc/self/status: {e}"))?;
        parse_status(&text).ok_or_else(|| "no VmRSS/VmHWM in /proc/self/status".to_string())
    }

    pub fn cpu_time() -> Result<Duration, String> {
        let used = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
        Duration::try_from(used).map_err(|e| format!("process CPU time out of range: {e}"))
    }

    fn ticks_per_second() -> u64 {
        rustix::param::clock_ticks_per_second().max(1)
    }

    pub fn thread_cpu(prefix: &str) -> Result<ThreadCpu, String> {
        let main = std::process::id().to_string();
        let dir = std::fs::read_dir("/proc/self/task")
            .map_err(|e| format!("cannot list /proc/self/task: {e}"))?;
        let (mut ui, mut named) = (0u64, 0u64);
        for entry in dir.flatten() {
            // A thread may end between listing and reading: skip it.
            let Ok(line) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            let Some((name, ticks)) = parse_stat(&line) else {
                continue;
            };
            if entry.file_name().to_str() == Some(main.as_str()) {
                ui += ticks;
            } else if !prefix.is_empty() && name.starts_with(prefix) {
                named += ticks;
            }
        }
        let hz = ticks_per_second();
        let to_time = |t: u64| Duration::from_secs_f64(t as f64 / hz as f64);
        Ok(ThreadCpu {
            ui: to_time(ui),
            named: to_time(named),
        })
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::time::Duration;

    use super::{Memory, ThreadCpu};

    const ONLY_LINUX: &str = "the GUI probe reads /proc and runs on Linux only";

    pub fn memory() -> Result<Memory, String> {
        Err(ONLY_LINUX.into())
    }

    pub fn cpu_time() -> Result<Duration, String> {
        Err(ONLY_LINUX.into())
    }

    pub fn thread_cpu(_prefix: &str) -> Result<ThreadCpu, String> {
        Err(ONLY_LINUX.into())
    }
}

pub use imp::{cpu_time, memory, thread_cpu};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fields_are_read_in_kib() {
        let text =
            "Name:\tguest-join\nVmPeak:\t  900 kB\nVmHWM:\t   51234 kB\nVmRSS:\t   48000 kB\n";
        assert_eq!(
            parse_status(text),
            Some(Memory {
                rss_kib: 48000,
                hwm_kib: 51234
            })
        );
        assert_eq!(parse_status("Name:\tx\nVmRSS:\t12 kB\n"), None);
        assert_eq!(parse_status("VmRSS:\tmany kB\nVmHWM:\t1 kB\n"), None);
    }

    #[test]
    fn stat_line_with_odd_thread_name() {
        // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt
        // cmajflt utime stime …
        let line = "4242 (gj-demo (x) 1) S 1 2 3 4 5 6 7 8 9 10 17 5 20 0 1 0";
        assert_eq!(parse_stat(line), Some(("gj-demo (x) 1", 22)));
        assert_eq!(parse_stat("4242 (short) S 1 2"), None);
        assert_eq!(parse_stat("garbage"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_uses_memory_and_time() {
        let m = memory().expect("memory");
        assert!(m.rss_kib > 0 && m.hwm_kib >= m.rss_kib);
        let spin = std::time::Instant::now();
        let mut x = 0u64;
        while spin.elapsed() < Duration::from_millis(30) {
            x = x.wrapping_add(std::hint::black_box(1));
        }
        assert!(x > 0);
        assert!(cpu_time().expect("cpu") > Duration::ZERO);
        thread_cpu("gj-").expect("thread cpu");
    }
}
