//! Retry schedule: capped exponential backoff with jitter; `Retry-After` wins when present
//! (docs/design.md §5, docs/protocol.md §9.2). Which errors are retried is [`may_repeat`].

use std::time::Duration;

use super::error::ApiError;

/// The longest `Retry-After` honoured; a server asking for more is retried after this.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Whether a request that failed with `err` may be sent again.
///
/// Always when the server said it did not carry it out (`ApiError::is_retryable`: 429, 5xx)
/// or the connection was never made. A connection that broke or timed out after the request
/// was sent leaves it unknown whether the server acted on it: the request is repeated only
/// when it is `idempotent` (a read, or a request that creates nothing lasting); a POST that
/// creates an application or an invitation is not, or a second one could appear.
pub fn may_repeat(err: &ApiError, idempotent: bool) -> bool {
    err.is_retryable()
        || (idempotent && matches!(err, ApiError::Broken { .. } | ApiError::Timeout { .. }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub base: Duration,
    pub cap: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base: Duration::from_millis(250),
            cap: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The unjittered delay after failed attempt `attempt` (1-based).
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let exp = attempt.saturating_sub(1).min(20);
        self.base.saturating_mul(1u32 << exp).min(self.cap)
    }

    /// Delay before the next attempt: `Retry-After` (capped at [`MAX_RETRY_AFTER`]; zero for
    /// a date in the past) or half-to-full jitter of
    /// the ceiling. `jitter` is a number in [0, 1).
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>, jitter: f64) -> Duration {
        if let Some(ra) = retry_after {
            return ra.min(MAX_RETRY_AFTER);
        }
        let ceiling = self.ceiling(attempt);
        ceiling.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0))
    }

    pub fn may_retry(&self, attempt: u32) -> bool {
        attempt < self.max_attempts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_grows_and_caps() {
        let p = RetryPolicy {
            max_attempts: 10,
            base: Duration::from_millis(100),
            cap: Duration::from_secs(1),
        };
        let c: Vec<u128> = (1..=6).map(|a| p.ceiling(a).as_millis()).collect();
        assert_eq!(c, vec![100, 200, 400, 800, 1000, 1000]);
        assert_eq!(p.delay(2, None, 0.0), Duration::from_millis(100));
        assert_eq!(
            p.delay(2, None, 0.999_999),
            Duration::from_millis(200).mul_f64(0.999_999_5)
        );
        assert_eq!(
            p.delay(1, Some(Duration::from_secs(3)), 0.5),
            Duration::from_secs(3)
        );
        assert_eq!(
            p.delay(1, Some(Duration::from_secs(3600)), 0.5),
            Duration::from_secs(60)
        );
        assert_eq!(p.ceiling(u32::MAX), Duration::from_secs(1));
    }

    #[test]
    fn retry_after_in_either_form_is_capped() {
        use super::super::retry_after;
        use std::time::SystemTime;

        let p = RetryPolicy::default();
        // Sun, 06 Nov 1994 08:49:37 GMT
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        let wait = |value: &str| p.delay(1, retry_after::parse(value, now), 0.0);
        assert_eq!(wait("5"), Duration::from_secs(5));
        assert_eq!(
            wait("Sun, 06 Nov 1994 08:50:07 GMT"),
            Duration::from_secs(30)
        );
        assert_eq!(wait("Sun, 06 Nov 1994 08:00:00 GMT"), Duration::ZERO);
        assert_eq!(wait("Mon, 07 Nov 1994 08:49:37 GMT"), MAX_RETRY_AFTER);
        assert_eq!(wait("99999999999999999999"), MAX_RETRY_AFTER);
        // Garbage: the backoff schedule.
        assert_eq!(wait("later"), p.ceiling(1).mul_f64(0.5));
    }

    #[test]
    fn only_idempotent_requests_repeat_after_a_broken_exchange() {
        let broken = ApiError::Broken {
            host: "h".into(),
            detail: "reset".into(),
        };
        let timeout = ApiError::Timeout {
            host: "h".into(),
            after: Duration::from_secs(1),
        };
        let refused = ApiError::Connect {
            host: "h".into(),
            detail: "refused".into(),
        };
        let malformed = ApiError::Malformed {
            host: "h".into(),
            status: 200,
            detail: "x".into(),
        };
        assert!(may_repeat(&broken, true) && may_repeat(&timeout, true));
        assert!(!may_repeat(&broken, false) && !may_repeat(&timeout, false));
        assert!(may_repeat(&refused, false));
        assert!(!may_repeat(&malformed, true));
    }

    #[test]
    fn attempts_are_bounded() {
        let p = RetryPolicy::default();
        assert!(p.may_retry(1) && p.may_retry(3));
        assert!(!p.may_retry(4));
        assert!(!RetryPolicy::none().may_retry(1));
    }
}
