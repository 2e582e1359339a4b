//! JUnit XML for CI dashboards: one test case per step that ran, with its time; a failed step
//! carries the failure class, the UCWA code/subcode and the message.

use std::time::Duration;

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use crate::join::JoinStatus;
use crate::join::phone_leg::PhoneLeg;
use crate::join::status::StepState;
use crate::stop_signal::StopSignal;

use super::output::outcome;

/// The report of one `join`; `interrupted` names the signal that stopped it, if one did.
pub fn report(status: &JoinStatus, meeting_host: &str, interrupted: Option<StopSignal>) -> Report {
    let mut suite = TestSuite::new(format!("guest-join join {meeting_host}"));
    let (outcome, mut exit_code) = outcome(status);
    if let Some(signal) = interrupted {
        exit_code = signal.exit_code();
        suite.add_property(Property::new("interrupted", signal.name()));
    }
    suite.add_property(Property::new("outcome", outcome));
    suite.add_property(Property::new("exit_code", exit_code.to_string()));
    if let Some(asi) = &status.application_session_id {
        suite.add_property(Property::new("application_session_id", asi.as_str()));
    }
    let mut total = Duration::ZERO;
    for step in status.ran_steps() {
        let test_status = match step.state {
            StepState::Done | StepState::Running | StepState::Pending => TestCaseStatus::success(),
            StepState::Stopped => {
                let mut s = TestCaseStatus::skipped();
                s.set_message("stopped: the session was cancelled");
                s
            }
            StepState::Failed => {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                let failure = status
                    .failure
                    .as_ref()
                    .filter(|f| f.step == Some(step.step));
                let codes = match (&step.code, &step.subcode) {
                    (Some(c), Some(sc)) => format!("{c}/{sc}"),
                    (Some(c), None) => c.clone(),
                    _ => String::new(),
                };
                s.set_type(failure.map(|f| f.id).unwrap_or("GJ-STEP-FAILED"));
                s.set_message(
                    failure
                        .map(|f| f.message.clone())
                        .unwrap_or_else(|| "the step did not complete".into()),
                );
                let http = step
                    .http_status
                    .map(|h| format!("HTTP {h}"))
                    .unwrap_or_default();
                s.set_description(format!("{http} {codes}").trim().to_string());
                s
            }
        };
        let mut case = TestCase::new(step.step.name(), test_status);
        case.set_classname("guest-join.join");
        let time = Duration::from_millis(step.ms.unwrap_or(0));
        total += time;
        case.set_time(time);
        suite.add_test_case(case);
    }
    if let Some(leg) = &status.phone.leg {
        suite.add_test_case(phone_case(status.phone.ever_connected, leg));
    }
    suite.set_time(total);
    let mut report = Report::new("guest-join");
    report.add_test_suite(suite);
    report
}

/// The `--call-me` call as a test case: passed when it connected.
fn phone_case(connected: bool, leg: &PhoneLeg) -> TestCase {
    let status = if connected {
        TestCaseStatus::success()
    } else {
        let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
        match &leg.failure {
            Some(f) => {
                let kind = serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                s.set_type(format!("phone-{kind}"));
                s.set_message(f.message.clone());
                let http = f
                    .http_status
                    .map(|h| format!("HTTP {h} "))
                    .unwrap_or_default();
                let codes = [f.code.as_deref(), f.subcode.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("/");
                s.set_description(format!("{http}{codes}").trim().to_string());
            }
            None => {
                s.set_type("phone-not-connected");
                s.set_message("the call did not connect");
            }
        }
        s
    };
    let mut case = TestCase::new("phone", status);
    case.set_classname("guest-join.join");
    case
}
