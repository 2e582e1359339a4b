//! What `load` needs from the operating system: the process's peak resident memory and room for
//! many open sockets.

/// Peak resident set size in bytes (`VmHWM` of /proc/self/status); `None` where unknown.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

fn parse_vm_hwm(status: &str) -> Option<u64> {
    parse_kib_line(status, "VmHWM:")
}

/// A `Name:  123 kB` line of /proc/self/status, in bytes.
fn parse_kib_line(status: &str, key: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(key))?;
    let mut parts = line[key.len()..].split_whitespace();
    let value: u64 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some("kB") | None => value.checked_mul(1024),
        Some(_) => None,
    }
}

/// Resident set size now in bytes (`VmRSS` of /proc/self/status); `None` where unknown.
pub fn current_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_kib_line(&status, "VmRSS:")
}

/// Peak RSS for people: "12.3 MB" or "unknown".
pub fn format_bytes(bytes: Option<u64>) -> String {
    match bytes {
        Some(b) => format!("{:.1} MB", b as f64 / 1_000_000.0),
        None => "unknown".to_string(),
    }
}

/// Most open files asked for when the hard limit is unlimited.
#[cfg(unix)]
const WANTED_FILES: u64 = 65_536;

/// Raise the soft open-file limit towards the hard limit (every guest holds a few sockets, and
/// with the demo environment in this process both ends of each connection count). Returns the
/// soft limit now in force, `None` where there is no such limit or it cannot be read.
#[cfg(unix)]
pub fn raise_open_file_limit() -> Option<u64> {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let now = getrlimit(Resource::Nofile);
    let wanted = now.maximum.unwrap_or(WANTED_FILES);
    match now.current {
        Some(current) if current < wanted => {
            let raised = Rlimit {
                current: Some(wanted),
                maximum: now.maximum,
            };
            match setrlimit(Resource::Nofile, raised) {
                Ok(()) => Some(wanted),
                Err(e) => {
                    tracing::warn!("cannot raise the open-file limit to {wanted}: {e}");
                    Some(current)
                }
            }
        }
        other => other,
    }
}

#[cfg(not(unix))]
pub fn raise_open_file_limit() -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vm_hwm_is_read_in_kilobytes() {
        let status = "Name:\tguest-join\nVmPeak:\t  200 kB\nVmHWM:\t   9876 kB\nVmRSS:\t 5000 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(9876 * 1024));
        assert_eq!(parse_vm_hwm("VmRSS: 5 kB\n"), None);
        assert_eq!(parse_vm_hwm("VmHWM: lots kB\n"), None);
        assert_eq!(parse_vm_hwm("VmHWM: 5 pages\n"), None);
        assert_eq!(format_bytes(Some(12_345_678)), "12.3 MB");
        assert_eq!(format_bytes(None), "unknown");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_a_peak_and_an_open_file_limit() {
        assert!(peak_rss_bytes().is_some_and(|b| b > 0));
        assert!(raise_open_file_limit().is_some_and(|n| n > 0));
    }
}
