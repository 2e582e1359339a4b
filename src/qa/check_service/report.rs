//! The results of `check-service`: one line per check (name, result, detail), as an aligned
//! table for people or one JSON object for machines. Details are redacted before they get here.

use serde::Serialize;

/// The result of one check. `Warn` is informational and does not fail the run; `Skipped`
/// (a check that needs an earlier one that failed) does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
    Skipped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "FAIL",
            Verdict::Skipped => "skipped",
        }
    }

    /// Whether the check counts as passing (exit code 0 needs every check to).
    pub fn is_ok(self) -> bool {
        matches!(self, Verdict::Pass | Verdict::Warn)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Stable name: scripts match on it.
    pub name: &'static str,
    pub result: Verdict,
    /// One line saying what was seen; never a token or the discover URL.
    pub detail: String,
}

impl Check {
    pub fn pass(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(name, Verdict::Pass, detail)
    }

    pub fn warn(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(name, Verdict::Warn, detail)
    }

    pub fn fail(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(name, Verdict::Fail, detail)
    }

    /// Not run because the check `needs` did not pass.
    pub fn skipped(name: &'static str, needs: &str) -> Self {
        Self::new(name, Verdict::Skipped, format!("(needs {needs})"))
    }

    fn new(name: &'static str, result: Verdict, detail: impl Into<String>) -> Self {
        let detail: String = detail.into();
        // One line: a server's text could carry line breaks.
        let detail = detail.split_whitespace().collect::<Vec<_>>().join(" ");
        Self {
            name,
            result,
            detail,
        }
    }
}

/// The whole run: what was checked and how it went.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The token URL as shown (secret query values masked).
    pub url: String,
    pub origin: String,
    pub meeting: String,
    /// Whether `meeting` is the built-in placeholder (no `--meeting` given).
    pub meeting_is_placeholder: bool,
    pub checks: Vec<Check>,
}

/// Exit code when every check passes.
pub const EXIT_OK: i32 = 0;
/// Exit code when a check fails or is skipped ("service application refused or unreachable").
pub const EXIT_FAILED: i32 = 3;

impl Report {
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.result.is_ok())
    }

    pub fn exit_code(&self) -> i32 {
        if self.passed() { EXIT_OK } else { EXIT_FAILED }
    }

    fn count(&self, v: Verdict) -> usize {
        self.checks.iter().filter(|c| c.result == v).count()
    }

    pub fn summary(&self) -> String {
        let verdict = if self.passed() {
            "the service application meets the contract".to_string()
        } else {
            let failed: Vec<&str> = self
                .checks
                .iter()
                .filter(|c| c.result == Verdict::Fail)
                .map(|c| c.name)
                .collect();
            format!("FAILED: {}", failed.join(", "))
        };
        format!(
            "{} checks: {} pass, {} warn, {} fail, {} skipped; {verdict}",
            self.checks.len(),
            self.count(Verdict::Pass),
            self.count(Verdict::Warn),
            self.count(Verdict::Fail),
            self.count(Verdict::Skipped),
        )
    }

    /// The aligned table with a header and the summary line.
    pub fn human(&self) -> String {
        let name_w = self
            .checks
            .iter()
            .map(|c| c.name.len())
            .chain(["CHECK".len()])
            .max()
            .unwrap_or(5);
        let result_w = "skipped".len();
        let placeholder = if self.meeting_is_placeholder {
            " (placeholder; pass --meeting to use one of yours)"
        } else {
            ""
        };
        let mut out = format!(
            "service application: {}\norigin: {}\nmeeting: {}{placeholder}\n\n",
            self.url, self.origin, self.meeting
        );
        out.push_str(&format!(
            "{:name_w$}  {:result_w$}  DETAIL\n",
            "CHECK", "RESULT"
        ));
        for c in &self.checks {
            out.push_str(&format!(
                "{:name_w$}  {:result_w$}  {}\n",
                c.name,
                c.result.as_str(),
                c.detail
            ));
        }
        out.push('\n');
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// One JSON object: the inputs, every check, the outcome.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "type": "check_service",
            "url": self.url,
            "origin": self.origin,
            "meeting": self.meeting,
            "meeting_is_placeholder": self.meeting_is_placeholder,
            "checks": self.checks,
            "passed": self.passed(),
            "exit_code": self.exit_code(),
            "summary": self.summary(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(checks: Vec<Check>) -> Report {
        Report {
            url: "https://sa.example/GetAnonTokenJob".into(),
            origin: "https://guest-join.invalid".into(),
            meeting: "https://meet.example/a/B".into(),
            meeting_is_placeholder: false,
            checks,
        }
    }

    #[test]
    fn warnings_pass_failures_and_skips_do_not() {
        let ok = report(vec![
            Check::pass("status", "HTTP 200"),
            Check::warn("health", "none"),
        ]);
        assert!(ok.passed());
        assert_eq!(ok.exit_code(), 0);
        let bad = report(vec![
            Check::pass("status", "HTTP 200"),
            Check::fail("string_keys", "ExpireTime is a number"),
            Check::skipped("expire_time", "string_keys"),
        ]);
        assert_eq!(bad.exit_code(), 3);
        assert!(
            bad.summary().contains("FAILED: string_keys"),
            "{}",
            bad.summary()
        );
        let only_skipped = report(vec![Check::skipped("discover", "status")]);
        assert_eq!(only_skipped.exit_code(), 3);
    }

    #[test]
    fn the_table_is_aligned_and_one_line_per_check() {
        let r = report(vec![
            Check::pass("status", "HTTP 200\nin 3 ms"),
            Check::fail("foreign_origin", "x"),
        ]);
        let text = r.human();
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("status") || l.starts_with("foreign_origin"))
            .collect();
        assert_eq!(rows.len(), 2);
        let col = |l: &str| l.find("pass").or_else(|| l.find("FAIL")).unwrap();
        assert_eq!(col(rows[0]), col(rows[1]));
        assert!(rows[0].ends_with("HTTP 200 in 3 ms"));
        let json = r.json();
        assert_eq!(json["checks"][1]["result"], "fail");
        assert_eq!(json["passed"], false);
    }
}
