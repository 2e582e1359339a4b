//! `about.json`: which program, on which system.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct About {
    pub app: &'static str,
    pub version: &'static str,
    /// `debug` or `release`.
    pub build_profile: &'static str,
    pub os: &'static str,
    pub os_family: &'static str,
    /// The distribution's name and version, where the system says (Linux: os-release).
    pub os_version: Option<String>,
    /// The kernel release, where the system says (Linux).
    pub kernel: Option<String>,
    pub arch: &'static str,
    /// When the bundle was made (UTC, ISO 8601).
    pub created: String,
}

fn os_release() -> Option<String> {
    let text = std::fs::read_to_string("/etc/os-release")
        .or_else(|_| std::fs::read_to_string("/usr/lib/os-release"))
        .ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim().trim_matches('"').chars().take(200).collect())
}

fn kernel() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .ok()
        .map(|s| s.trim().chars().take(200).collect())
}

impl About {
    pub fn now() -> Self {
        let linux = cfg!(target_os = "linux");
        Self {
            app: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
            build_profile: if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            },
            os: std::env::consts::OS,
            os_family: std::env::consts::FAMILY,
            os_version: if linux { os_release() } else { None },
            kernel: if linux { kernel() } else { None },
            arch: std::env::consts::ARCH,
            created: crate::api::wire::UcwaDate::from_system_time(std::time::SystemTime::now())
                .to_iso(),
        }
    }
}
