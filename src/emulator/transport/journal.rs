//! The request journal and the fault/latency plan applied per route.

use std::time::Duration;

use serde::Serialize;

use crate::api::wire::Route;
use crate::emulator::config::Fault;
use crate::emulator::config::duration_ms;

/// One HTTP exchange as the emulator saw it. Never holds a token: the path has no query string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalEntry {
    /// The route, e.g. `create_application`, `events`, `control`, `unknown` in JSON.
    pub route: Route,
    pub method: String,
    /// Path without the query string.
    pub path: String,
    pub status: u16,
    /// The ApplicationSessionId, when the request carried one (token claim or request body).
    pub session: Option<String>,
    pub origin: Option<String>,
    /// When the request arrived, since the emulator started (monotonic).
    #[serde(rename = "at_ms", with = "duration_ms")]
    pub at: Duration,
    /// How long the exchange took, injected latency and long-poll hold included.
    #[serde(rename = "elapsed_ms", with = "duration_ms")]
    pub elapsed: Duration,
    /// True when an injected fault produced the response.
    pub faulted: bool,
}

/// Faults in force plus the global latency.
#[derive(Debug, Default)]
pub(crate) struct FaultPlan {
    pub latency: Duration,
    pub faults: Vec<Fault>,
}

impl FaultPlan {
    /// The latency to add for `route` and, when a fault with remaining failures matches, the
    /// fault to answer with (its counter is decremented).
    pub fn take(&mut self, route: Route) -> (Duration, Option<Fault>) {
        if route == Route::Control {
            return (Duration::ZERO, None);
        }
        let mut latency = self.latency;
        let mut hit = None;
        for f in self.faults.iter_mut().filter(|f| f.matches(route)) {
            latency += f.latency;
            if hit.is_none() && f.fail_next > 0 {
                f.fail_next -= 1;
                hit = Some(f.clone());
            }
        }
        // Spent failure-only faults are dropped; latency faults stay.
        self.faults
            .retain(|f| f.fail_next > 0 || !f.latency.is_zero());
        (latency, hit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::config::{FaultBody, FaultRoute};

    #[test]
    fn plan_counts_down_and_adds_latency() {
        let mut plan = FaultPlan {
            latency: Duration::from_millis(5),
            faults: vec![
                Fault::fail(Route::Events, 2, 500, FaultBody::Html),
                Fault::latency(FaultRoute::Any, Duration::from_millis(7)),
            ],
        };
        let (l, f) = plan.take(Route::Events);
        assert_eq!(l, Duration::from_millis(12));
        assert_eq!(f.map(|f| f.status), Some(500));
        assert!(plan.take(Route::Events).1.is_some());
        assert!(plan.take(Route::Events).1.is_none());
        assert_eq!(plan.faults.len(), 1);
        assert_eq!(plan.take(Route::Control), (Duration::ZERO, None));
        assert_eq!(plan.take(Route::AadToken).0, Duration::from_millis(12));
    }
}
