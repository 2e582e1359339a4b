//! The ways out: a clean leave, and the clean-up after a failure or cancel.

use std::time::Duration;

use crate::api::ucwa::{self};

use super::super::channel::ChannelMsg;
use super::super::status::{Phase, Step};
use super::super::tracker::Observation;
use super::{Session, recv};

impl Session<'_> {
    /// Leave cleanly: DELETE the conversation, wait for the server to confirm, DELETE the application.
    pub(super) async fn leave(&mut self) -> bool {
        self.phase(Phase::Leaving);
        self.start_step(Step::Leave);
        // A call under way is stopped before the conversation goes (servers also end it then).
        self.end_call_before_leaving().await;
        let mut clean = true;
        if let (Some(conv), Some(auth)) = (self.tracker.conversation().cloned(), self.auth.clone())
        {
            match ucwa::delete(&self.http, conv, &auth, self.req.limits.cleanup_timeout).await {
                Ok(_) => {
                    let wait = self.req.limits.leave_wait;
                    let confirmed = tokio::time::timeout(wait, async {
                        loop {
                            match recv(&mut self.channel).await {
                                Some(ChannelMsg::Batch { batch, base }) => {
                                    let obs = self.tracker.observe(&batch, &base);
                                    if obs.iter().any(|o| matches!(o, Observation::Ended { .. })) {
                                        return true;
                                    }
                                }
                                Some(_) => {}
                                None => return false,
                            }
                        }
                    })
                    .await;
                    if !matches!(confirmed, Ok(true)) {
                        tracing::info!(
                            "the server did not confirm the leave within {} s",
                            wait.as_secs()
                        );
                    }
                }
                Err(e) if e.status() == Some(404) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "leaving the conversation failed");
                    clean = false;
                }
            }
        }
        clean &= self.delete_application().await;
        let http_status = if clean { Some(204) } else { None };
        self.finish_step(Step::Leave, http_status);
        clean
    }

    /// Best-effort clean-up after a failure or cancel: nothing may be left in the meeting.
    pub(super) async fn cleanup(&mut self) -> bool {
        self.call_ends_with_conversation();
        let mut clean = true;
        if let (Some(conv), Some(auth)) = (self.tracker.conversation().cloned(), self.auth.clone())
        {
            match ucwa::delete(&self.http, conv, &auth, self.req.limits.cleanup_timeout).await {
                Ok(_) => {}
                Err(e) if matches!(e.status(), Some(404 | 410)) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "deleting the conversation failed");
                    clean = false;
                }
            }
        }
        clean & self.delete_application().await
    }

    pub(super) async fn delete_application(&mut self) -> bool {
        let (Some(app), Some(auth)) = (self.application.take(), self.auth.clone()) else {
            return true;
        };
        if let Some(ch) = &self.channel {
            ch.cancel.cancel();
        }
        match ucwa::delete(&self.http, app, &auth, self.req.limits.cleanup_timeout).await {
            Ok(_) => true,
            Err(e) if matches!(e.status(), Some(404 | 410)) => true,
            Err(e) => {
                tracing::warn!(error = %e, "deleting the application failed");
                false
            }
        }
    }

    pub(super) async fn stop_channel(&mut self) {
        if let Some(ch) = self.channel.take() {
            ch.cancel.cancel();
            tokio::time::timeout(Duration::from_secs(2), ch.task)
                .await
                .ok();
        }
    }
}
