//! The traffic recorder: every HTTP exchange of one session, bounded. Attached to an
//! `HttpClient` (`with_recorder`), it receives a record of each exchange made in its own
//! `RecordMode` — redacted unless the lab flag `--unredacted` asked for raw records — so a
//! secret enters a record only when that flag says so, and the engine's event stream (stdout,
//! the GUI) keeps its redacted records either way.
//!
//! Bounds: at most `HEAD_ENTRIES + TAIL_ENTRIES` records per session (see `BoundedLog`: the
//! first ones — the join — stay, a ring keeps the latest, the rest is counted), each body cut
//! at `exchange::MAX_RECORDED_BODY`.

use std::sync::Mutex;

use super::bounded::BoundedLog;
use super::exchange::{ExchangeRecord, RecordMode};

/// Records kept from the start of a session (a join and a rejoin take a few dozen).
pub const HEAD_ENTRIES: usize = 200;
/// Latest records kept after those (mostly event-channel polls during a stay).
pub const TAIL_ENTRIES: usize = 1_800;

#[derive(Debug)]
pub struct TrafficRecorder {
    mode: RecordMode,
    log: Mutex<BoundedLog<ExchangeRecord>>,
}

/// What a recorder holds at one moment.
#[derive(Debug, Clone, Default)]
pub struct Traffic {
    pub records: Vec<ExchangeRecord>,
    /// Records no longer kept (between the first and the latest ones).
    pub dropped: u64,
    /// Where the dropped records were: after this many kept ones.
    pub gap_after: Option<usize>,
    pub mode: RecordMode,
}

impl TrafficRecorder {
    pub fn new(mode: RecordMode) -> Self {
        Self::with_limits(mode, HEAD_ENTRIES, TAIL_ENTRIES)
    }

    pub fn with_limits(mode: RecordMode, head: usize, tail: usize) -> Self {
        Self {
            mode,
            log: Mutex::new(BoundedLog::new(head, tail)),
        }
    }

    pub fn mode(&self) -> RecordMode {
        self.mode
    }

    pub fn record(&self, record: ExchangeRecord) {
        self.lock().push(record);
    }

    /// A copy of what is kept now.
    pub fn snapshot(&self) -> Traffic {
        let log = self.lock();
        Traffic {
            records: log.iter().cloned().collect(),
            dropped: log.dropped(),
            gap_after: log.gap_after(),
            mode: self.mode,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BoundedLog<ExchangeRecord>> {
        // A panic while pushing cannot leave the log half-changed in a harmful way.
        self.log.lock().unwrap_or_else(|p| p.into_inner())
    }
}
