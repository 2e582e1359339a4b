//! Per-client-IP fixed-window rate limit for the token route.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

const WINDOW: Duration = Duration::from_secs(60);
/// Above this many tracked clients, finished windows are dropped on the next check.
const PRUNE_ABOVE: usize = 10_000;

/// `limit` requests per client and minute; 0 turns the limiter off.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    windows: Mutex<HashMap<Option<IpAddr>, Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    start: Instant,
    count: u32,
}

impl RateLimiter {
    pub fn new(limit_per_minute: u32) -> Self {
        Self {
            limit: limit_per_minute,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Count one request from `client` (`None`: address unknown, one shared bucket).
    /// `Err(seconds)` when over the limit: the `Retry-After` value.
    pub fn check(&self, client: Option<IpAddr>) -> Result<(), u64> {
        self.check_at(client, Instant::now())
    }

    pub fn check_at(&self, client: Option<IpAddr>, now: Instant) -> Result<(), u64> {
        if self.limit == 0 {
            return Ok(());
        }
        // A poisoned lock only means another request panicked mid-update; the counts are
        // still usable.
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if windows.len() > PRUNE_ABOVE {
            windows.retain(|_, w| now.saturating_duration_since(w.start) < WINDOW);
        }
        let w = windows.entry(client).or_insert(Window {
            start: now,
            count: 0,
        });
        if now.saturating_duration_since(w.start) >= WINDOW {
            *w = Window {
                start: now,
                count: 0,
            };
        }
        if w.count >= self.limit {
            let left = WINDOW.saturating_sub(now.saturating_duration_since(w.start));
            // Round up: a client that waits this long is let in.
            let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
            return Err(secs.max(1));
        }
        w.count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_client_and_resets_after_the_window() {
        let rl = RateLimiter::new(2);
        let a = Some(IpAddr::from([10, 0, 0, 1]));
        let b = Some(IpAddr::from([10, 0, 0, 2]));
        let t0 = Instant::now();
        assert_eq!(rl.check_at(a, t0), Ok(()));
        assert_eq!(rl.check_at(a, t0), Ok(()));
        assert_eq!(rl.check_at(a, t0 + Duration::from_millis(500)), Err(60));
        assert_eq!(rl.check_at(b, t0), Ok(()));
        assert_eq!(rl.check_at(a, t0 + Duration::from_secs(59)), Err(1));
        assert_eq!(rl.check_at(a, t0 + Duration::from_secs(60)), Ok(()));
    }

    #[test]
    fn zero_is_off() {
        let rl = RateLimiter::new(0);
        for _ in 0..1000 {
            assert_eq!(rl.check(None), Ok(()));
        }
    }
}
