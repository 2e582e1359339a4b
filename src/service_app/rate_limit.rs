//! Per-client rate limit for the token route: a GCRA limiter (`governor`'s keyed limiter) with
//! one state per client.
//!
//! `rate_limit_per_minute = N` lets a client send a burst of up to N requests at once, after
//! which one request more is allowed every 60/N seconds; a client that stays away for a minute
//! has its whole burst back. Unlike a fixed window, the limit holds over every 60-second span:
//! N requests just before a window edge leave no room for N more just after it.
//!
//! Clients are keyed by their IPv4 address, or by the /64 prefix of their IPv6 address: one
//! host usually has a whole /64 to itself and could otherwise rotate through it.

use std::net::{IpAddr, Ipv4Addr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use governor::clock::{Clock, MonotonicClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter as Gcra};

/// The limiter forgets clients whose state is back to fresh (idle for the burst period) once
/// every this many checks, so memory stays bounded by the clients of the last minute or so.
const PRUNE_EVERY: u64 = 1024;

/// What requests are counted under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientKey {
    /// The address is unknown (no `ConnectInfo`): one shared bucket.
    Unknown,
    V4(Ipv4Addr),
    /// The upper 64 bits of an IPv6 address.
    V6Prefix(u64),
}

impl ClientKey {
    pub fn of(client: Option<IpAddr>) -> Self {
        match client.map(|ip| ip.to_canonical()) {
            None => Self::Unknown,
            Some(IpAddr::V4(v4)) => Self::V4(v4),
            Some(IpAddr::V6(v6)) => Self::V6Prefix((v6.to_bits() >> 64) as u64),
        }
    }
}

type Keyed<C> =
    Gcra<ClientKey, DefaultKeyedStateStore<ClientKey>, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// `limit` requests per client and minute (burst `limit`); 0 turns the limiter off.
pub struct RateLimiter<C: Clock = MonotonicClock> {
    gcra: Option<Keyed<C>>,
    checks: AtomicU64,
}

impl RateLimiter {
    pub fn new(limit_per_minute: u32) -> Self {
        Self::with_clock(limit_per_minute, MonotonicClock)
    }
}

impl<C: Clock> RateLimiter<C> {
    pub fn with_clock(limit_per_minute: u32, clock: C) -> Self {
        let gcra = NonZeroU32::new(limit_per_minute).map(|n| {
            Gcra::new(
                Quota::per_minute(n),
                DefaultKeyedStateStore::default(),
                clock,
            )
        });
        Self {
            gcra,
            checks: AtomicU64::new(0),
        }
    }

    /// Count one request from `client` (`None`: address unknown, one shared bucket).
    /// `Err(seconds)` when over the limit: the `Retry-After` value, the whole seconds until the
    /// client's next request is allowed (rounded up, at least 1).
    pub fn check(&self, client: Option<IpAddr>) -> Result<(), u64> {
        let Some(gcra) = &self.gcra else {
            return Ok(());
        };
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            gcra.retain_recent();
            gcra.shrink_to_fit();
        }
        gcra.check_key(&ClientKey::of(client)).map_err(|not_until| {
            let wait = not_until.wait_time_from(gcra.clock().now());
            retry_after_secs(wait)
        })
    }

    /// Clients with state.
    #[cfg(test)]
    pub fn tracked_clients(&self) -> usize {
        self.gcra.as_ref().map_or(0, |g| g.len())
    }
}

/// Whole seconds, rounded up, at least 1: a client that waits this long is let in.
fn retry_after_secs(wait: Duration) -> u64 {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    secs.max(1)
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;

    fn limiter(limit: u32) -> (RateLimiter<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        (RateLimiter::with_clock(limit, clock.clone()), clock)
    }

    fn v4(last: u8) -> Option<IpAddr> {
        Some(IpAddr::from([10, 0, 0, last]))
    }

    fn v6(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    /// How many of `n` requests from `client` pass now.
    fn passed(rl: &RateLimiter<FakeRelativeClock>, client: Option<IpAddr>, n: u32) -> u32 {
        (0..n).filter(|_| rl.check(client).is_ok()).count() as u32
    }

    #[test]
    fn a_burst_at_the_limit_passes_and_one_more_is_told_when_to_come_back() {
        let (rl, clock) = limiter(60);
        assert_eq!(passed(&rl, v4(1), 60), 60);
        // One request more every second: the next is allowed one second from now.
        assert_eq!(rl.check(v4(1)), Err(1));
        clock.advance(Duration::from_millis(400));
        assert_eq!(rl.check(v4(1)), Err(1), "0.6 s left rounds up to 1");
        clock.advance(Duration::from_millis(600));
        assert_eq!(rl.check(v4(1)), Ok(()));
        assert_eq!(rl.check(v4(1)), Err(1));
        // Other clients are not affected.
        assert_eq!(passed(&rl, v4(2), 60), 60);

        let (rl, clock) = limiter(2);
        assert_eq!(passed(&rl, v4(1), 2), 2);
        assert_eq!(rl.check(v4(1)), Err(30));
        clock.advance(Duration::from_millis(29_500));
        assert_eq!(rl.check(v4(1)), Err(1));
        clock.advance(Duration::from_millis(500));
        assert_eq!(rl.check(v4(1)), Ok(()));
    }

    #[test]
    fn a_double_burst_across_a_minute_edge_is_refused() {
        // A fixed window opened by the first request at 0 s would reset at 60 s and let a
        // client send 60 requests at 59.5 s and 60 more at 60.5 s.
        let (rl, clock) = limiter(60);
        assert_eq!(rl.check(v4(1)), Ok(()));
        clock.advance(Duration::from_millis(59_500));
        assert_eq!(passed(&rl, v4(1), 59), 59);
        clock.advance(Duration::from_secs(1));
        // One second (and the half second the first request left over) earns two more.
        assert_eq!(passed(&rl, v4(1), 60), 2);
        assert_eq!(rl.check(v4(1)), Err(1));
    }

    #[test]
    fn the_whole_burst_comes_back_after_a_quiet_minute() {
        let (rl, clock) = limiter(10);
        assert_eq!(passed(&rl, v4(1), 11), 10);
        clock.advance(Duration::from_secs(30));
        assert_eq!(passed(&rl, v4(1), 10), 5);
        clock.advance(Duration::from_secs(60));
        assert_eq!(passed(&rl, v4(1), 11), 10);
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_slash_64() {
        let (rl, _clock) = limiter(2);
        assert_eq!(rl.check(v6("2001:db8:1:2::1")), Ok(()));
        assert_eq!(rl.check(v6("2001:db8:1:2:ffff:ffff:ffff:ffff")), Ok(()));
        // A third address in the same /64 shares the bucket.
        assert_eq!(rl.check(v6("2001:db8:1:2:abcd::9")), Err(30));
        // The neighbouring /64 does not.
        assert_eq!(rl.check(v6("2001:db8:1:3::1")), Ok(()));
        assert_eq!(
            ClientKey::of(v6("2001:db8:1:2::1")),
            ClientKey::V6Prefix(0x2001_0db8_0001_0002)
        );
        // An IPv4-mapped address is the IPv4 client.
        assert_eq!(ClientKey::of(v6("::ffff:10.0.0.1")), ClientKey::of(v4(1)));
        assert_eq!(ClientKey::of(None), ClientKey::Unknown);
    }

    #[test]
    fn idle_clients_are_forgotten() {
        let (rl, clock) = limiter(5);
        for i in 0..(PRUNE_EVERY as u32 - 1) {
            let ip = IpAddr::from(Ipv4Addr::from(0x0a00_0000 + i));
            assert_eq!(rl.check(Some(ip)), Ok(()));
        }
        assert_eq!(rl.tracked_clients(), PRUNE_EVERY as usize - 1);
        clock.advance(Duration::from_secs(61));
        // This check is the PRUNE_EVERY-th: it first drops every client back to a fresh state.
        assert_eq!(rl.check(v6("2001:db8::1")), Ok(()));
        assert_eq!(rl.tracked_clients(), 1);
    }

    #[test]
    fn zero_is_off() {
        let (rl, _clock) = limiter(0);
        assert_eq!(passed(&rl, None, 1000), 1000);
        assert_eq!(rl.tracked_clients(), 0);
    }
}
