//! The event channel (docs/protocol.md §5.2, §8.1): one P-GET parked at all times. The task issues
//! the next P-GET as soon as a batch arrives and hands the batch to the engine, so processing never
//! delays the channel. A dropped connection is re-established on the same (unacknowledged) URL
//! with backoff; `409 PGetReplaced`, an application that is gone, and `resume` end the channel.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::api::error::ApiError;
use crate::api::http::HttpClient;
use crate::api::retry::RetryPolicy;
use crate::api::ucwa::{self, UcwaAuth};
use crate::api::wire::{ChannelNext, EventBatch, UcwaSubcode};

#[derive(Debug)]
pub enum ChannelMsg {
    /// A batch and the URL it came from (its relative links resolve against it).
    Batch { batch: EventBatch, base: Url },
    /// The server said the ack was stale; the channel followed `resync`.
    Resynced,
    /// The P-GET failed; the channel is retrying.
    Interrupted { reason: String },
    /// The channel works again after `attempts` failed P-GETs.
    Recovered { attempts: u32 },
    /// The channel ended for good.
    Lost(ChannelLoss),
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum ChannelLoss {
    #[error("another program took over this guest's event channel (409 PGetReplaced)")]
    Replaced(ApiError),
    #[error("the meeting service no longer knows this guest: {0}")]
    ApplicationGone(ApiError),
    #[error("the meeting service no longer accepts this guest's token: {0}")]
    Unauthorized(ApiError),
    #[error("the meeting service reset the session (resume)")]
    Resume,
    #[error("the event channel answered without a next link")]
    NoContinuation,
    #[error("the event channel could not be re-established: {0}")]
    Failed(ApiError),
}

impl ChannelLoss {
    pub fn error(&self) -> Option<&ApiError> {
        match self {
            ChannelLoss::Replaced(e)
            | ChannelLoss::ApplicationGone(e)
            | ChannelLoss::Unauthorized(e)
            | ChannelLoss::Failed(e) => Some(e),
            ChannelLoss::Resume | ChannelLoss::NoContinuation => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct ChannelConfig {
    /// Client-side read time-out of one P-GET; above the server's hold time.
    pub read_timeout: Duration,
    /// Reconnection attempts after a failed P-GET.
    pub retry: RetryPolicy,
}

impl Default for ChannelConfig {
    fn default() -> Self {
        Self {
            read_timeout: Duration::from_secs(210),
            retry: RetryPolicy {
                max_attempts: 6,
                base: Duration::from_millis(250),
                cap: Duration::from_secs(5),
            },
        }
    }
}

/// Start the channel at `first` (the application's `events` link).
pub fn spawn(
    http: HttpClient,
    auth: UcwaAuth,
    first: Url,
    config: ChannelConfig,
    cancel: CancellationToken,
) -> (mpsc::Receiver<ChannelMsg>, JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(64);
    let task = tokio::spawn(async move {
        tokio::select! {
            _ = cancel.cancelled() => {}
            _ = poll(&http, &auth, first, config, &tx) => {}
        }
    });
    (rx, task)
}

fn is_replaced(e: &ApiError) -> bool {
    e.status() == Some(409)
        && e.ucwa_subcode()
            .is_some_and(|s| s.eq_ignore_case(&UcwaSubcode::PGetReplaced))
}

async fn poll(
    http: &HttpClient,
    auth: &UcwaAuth,
    first: Url,
    config: ChannelConfig,
    tx: &mpsc::Sender<ChannelMsg>,
) {
    let mut url = first;
    let mut failures: u32 = 0;
    loop {
        match ucwa::get_events(http, url.clone(), auth, config.read_timeout).await {
            Ok((batch, resp)) => {
                if failures > 0 {
                    if tx
                        .send(ChannelMsg::Recovered { attempts: failures })
                        .await
                        .is_err()
                    {
                        return;
                    }
                    failures = 0;
                }
                let next = match batch.continuation() {
                    ChannelNext::Next(h) => Ok((ucwa::resolve(&resp.url, h), false)),
                    ChannelNext::Resync(h) => Ok((ucwa::resolve(&resp.url, h), true)),
                    ChannelNext::Resume(_) => Err(ChannelLoss::Resume),
                    ChannelNext::None => Err(ChannelLoss::NoContinuation),
                };
                let base = resp.url.clone();
                if !batch.is_empty() && tx.send(ChannelMsg::Batch { batch, base }).await.is_err() {
                    return;
                }
                match next {
                    Ok((Ok(u), resync)) => {
                        if resync && tx.send(ChannelMsg::Resynced).await.is_err() {
                            return;
                        }
                        url = u;
                    }
                    Ok((Err(e), _)) => {
                        tx.send(ChannelMsg::Lost(ChannelLoss::Failed(e))).await.ok();
                        return;
                    }
                    Err(loss) => {
                        tx.send(ChannelMsg::Lost(loss)).await.ok();
                        return;
                    }
                }
            }
            Err(e) => {
                let fatal = if is_replaced(&e) {
                    Some(ChannelLoss::Replaced(e.clone()))
                } else {
                    match e.status() {
                        Some(404 | 410) => Some(ChannelLoss::ApplicationGone(e.clone())),
                        Some(401 | 403) => Some(ChannelLoss::Unauthorized(e.clone())),
                        _ => None,
                    }
                };
                if let Some(loss) = fatal {
                    tx.send(ChannelMsg::Lost(loss)).await.ok();
                    return;
                }
                failures += 1;
                if !config.retry.may_retry(failures) {
                    tx.send(ChannelMsg::Lost(ChannelLoss::Failed(e))).await.ok();
                    return;
                }
                if failures == 1
                    && tx
                        .send(ChannelMsg::Interrupted {
                            reason: e.to_string(),
                        })
                        .await
                        .is_err()
                {
                    return;
                }
                tokio::time::sleep(
                    config
                        .retry
                        .delay(failures, e.retry_after(), fastrand::f64()),
                )
                .await;
            }
        }
    }
}
