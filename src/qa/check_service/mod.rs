//! `guest-join check-service URL`: validates a service application against the contract of
//! docs/design.md §4 and prints a pass/fail table (or one JSON object with `--json`). Exit 0 only
//! when every check passes (warnings allowed), 3 when one fails, 2 for bad usage.
//!
//! Decisions: `foreign_origin` (a token asked for an origin nobody should allow) passes when
//! refused and only warns when the service mints anyway, because permissive lab set-ups are
//! legitimate; `health` (`GET health` beside the token URL) is informational: the reference
//! service answers it, a third-party one need not. The error body of a bad request must be a
//! JSON object with a string `Error`; `Code` is optional (old services send only `Error`).

mod checks;
mod probes;
mod report;

use std::time::Duration;

use url::Url;

use crate::api::http::{HttpClient, HttpOptions, check_transport};
use crate::cli::CheckServiceArgs;
use crate::join::MeetingLink;
use crate::redact::{Redactor, url_for_display};
use crate::secret::Secret;

pub use checks::FOREIGN_ORIGIN;
pub use report::{Check, EXIT_FAILED, EXIT_OK, Report, Verdict};

/// Exit code for bad usage (docs/design.md §3).
pub const EXIT_USAGE: i32 = 2;

/// The meeting URL asked for when no `--meeting` is given: the built-in demo's open meeting.
/// A service whose allow-list refuses it says so, and the failure names `--meeting`.
pub const PLACEHOLDER_MEETING: &str = crate::demo::OPEN_MEETING_URL;

fn target(args: &CheckServiceArgs, url: Url) -> Result<checks::Target, String> {
    let (meeting, meeting_is_placeholder) = match &args.meeting {
        Some(m) => (
            MeetingLink::parse(m)
                .map_err(|e| format!("--meeting: {e}"))?
                .as_str()
                .to_string(),
            false,
        ),
        None => (PLACEHOLDER_MEETING.to_string(), true),
    };
    let origin = match &args.origin {
        Some(o) => crate::config::parse_origin(o).map_err(|why| format!("--origin {o:?} {why}"))?,
        None => crate::join::request::DEFAULT_ORIGIN.to_string(),
    };
    Ok(checks::Target {
        url,
        meeting,
        meeting_is_placeholder,
        origin,
        service_key: args
            .service_key
            .as_deref()
            .filter(|k| !k.trim().is_empty())
            .map(Secret::new),
    })
}

fn parse_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim())
        .map_err(|_| format!("{:?} is not an absolute URL", url_for_display(text)))?;
    check_transport(&url).map_err(|_| {
        format!(
            "refusing {}: the token URL must use https (plain http only for this computer)",
            url_for_display(url.as_str())
        )
    })?;
    Ok(url)
}

/// Run the checks against `t` and build the report (details redacted).
pub async fn check(http: &HttpClient, t: &checks::Target) -> Report {
    let mut redactor = Redactor::new();
    if let Some(k) = &t.service_key {
        redactor.add(k);
    }
    let mut found = checks::run(http, t, &mut redactor).await;
    for c in &mut found {
        c.detail = redactor.redact(&c.detail);
    }
    Report {
        url: url_for_display(t.url.as_str()),
        origin: t.origin.clone(),
        meeting: t.meeting.clone(),
        meeting_is_placeholder: t.meeting_is_placeholder,
        checks: found,
    }
}

fn usage(message: &str) -> i32 {
    eprintln!("error: {message}");
    EXIT_USAGE
}

/// `guest-join check-service`: returns the exit code.
pub async fn run(args: CheckServiceArgs) -> i32 {
    let demo = if args.demo {
        let origin = match &args.origin {
            Some(o) => match crate::config::parse_origin(o)
                .map_err(|why| format!("--origin {o:?} {why}"))
            {
                Ok(o) => o,
                Err(e) => return usage(&e),
            },
            None => crate::join::request::DEFAULT_ORIGIN.to_string(),
        };
        match crate::demo::Demo::start(&origin).await {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("error: cannot start the demo environment: {e}");
                return 1;
            }
        }
    } else {
        None
    };
    let url = match (&demo, &args.url) {
        (Some(d), _) => d.token_url(),
        (None, Some(u)) => match parse_url(u) {
            Ok(u) => u,
            Err(e) => return usage(&e),
        },
        (None, None) => return usage("give the token URL of the service application, or --demo"),
    };
    let target = match target(&args, url) {
        Ok(t) => t,
        Err(e) => return usage(&e),
    };
    let opts = match crate::commands::target::http_options(&args.transport) {
        Ok(o) => o,
        Err(e) => return usage(&e.message),
    };
    let http = match HttpClient::new(HttpOptions {
        request_timeout: Duration::from_secs(20),
        ..opts
    }) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let report = check(&http, &target).await;
    if args.json {
        println!("{}", report.json());
    } else {
        print!("{}", report.human());
    }
    if let Some(d) = demo {
        d.shutdown().await;
    }
    report.exit_code()
}
