//! Recovering a lost session (docs/design.md §5, docs/protocol.md §A.11, §8.3): a new token for the
//! same ApplicationSessionId, then discover → application → invitation again, in a visible
//! Reconnecting phase with a bounded number of attempts. The roster and everything the GUI
//! shows survive; participants who left meanwhile are dropped once the guest is back.

use crate::api::retry::RetryPolicy;

use super::super::failure::{FailureInfo, FailureKind};
use super::super::status::{JoinEvent, Phase};
use super::super::tracker::MeetingTracker;
use super::{Session, Stop};

/// Failures of a rejoin attempt that another attempt may get past.
fn worth_another_attempt(info: &FailureInfo) -> bool {
    matches!(
        info.kind,
        FailureKind::Network
            | FailureKind::Timeout
            | FailureKind::ServiceUnreachable
            | FailureKind::ServerError
            | FailureKind::ConnectionLost
    ) || info.http_status.is_some_and(|s| s >= 500 || s == 429)
}

impl Session<'_> {
    pub(super) async fn rejoin(&mut self, lost: FailureInfo) -> Result<(), Stop> {
        let max_attempts = self.req.limits.rejoin_attempts;
        let backoff: RetryPolicy = self.req.limits.rejoin_backoff;
        let mut reason = lost;
        self.phase(Phase::Reconnecting);
        for attempt in 1..=max_attempts {
            self.emit(JoinEvent::Reconnecting {
                attempt,
                max_attempts,
                reason: reason.message.clone(),
            });
            self.tear_down().await;
            if attempt > 1 {
                let delay = backoff.delay(attempt - 1, None, fastrand::f64());
                tokio::select! {
                    biased;
                    _ = self.control.cancel.cancelled() => return Err(Stop::Cancelled),
                    _ = self.control.leave.cancelled() => return Err(Stop::Cancelled),
                    _ = tokio::time::sleep(delay) => {}
                }
            }
            self.rejoining = true;
            self.deadline = tokio::time::Instant::now() + self.req.limits.join_deadline;
            let result = self.join().await;
            self.rejoining = false;
            match result {
                Ok(()) => {
                    self.emit(JoinEvent::Reconnected { attempts: attempt });
                    return self.stay().await;
                }
                Err(Stop::Cancelled) => return Err(Stop::Cancelled),
                Err(Stop::Deadline) => {
                    reason =
                        FailureInfo::new(FailureKind::Timeout, None, "the rejoin took too long");
                }
                Err(Stop::Lost(info)) => reason = info,
                Err(Stop::Failed(info)) if worth_another_attempt(&info) => reason = info,
                Err(Stop::Failed(info)) => return Err(Stop::Failed(info)),
            }
        }
        let info = FailureInfo::new(
            FailureKind::ConnectionLost,
            reason.step,
            format!(
                "could not rejoin after {max_attempts} attempt(s): {}",
                reason.message
            ),
        )
        .with_codes(
            reason.http_status,
            reason.code.as_deref(),
            reason.subcode.as_deref(),
        );
        Err(Stop::Failed(info))
    }

    /// Remove what is left of the lost session and start the next one from scratch.
    async fn tear_down(&mut self) {
        // A call under way went with the lost connection (said so before the clean-up, which
        // would only call it ended).
        self.reset_call_me();
        if !self.cleanup().await {
            tracing::info!("the lost session could not be fully removed (it may already be gone)");
        }
        self.stop_channel().await;
        self.operation_id = uuid::Uuid::new_v4().simple().to_string();
        self.tracker = MeetingTracker::new(&self.operation_id);
        self.auth = None;
        self.application = None;
        self.channel_started = None;
        self.channel_confirmed = false;
        self.early_roster.clear();
        self.step_starts.clear();
        self.renew_at = None;
        self.renewal = None;
        self.reset_chat();
    }
}
