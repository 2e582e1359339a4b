//! Writes of one file off the UI thread that land in the order they were asked for: a write
//! that finds a later one already done does nothing, so an older config or state never
//! replaces a newer one.

use std::sync::{Arc, Mutex};

use tokio::runtime::Handle;

/// The writes of one file.
#[derive(Debug, Default)]
pub struct OrderedWrites {
    asked: u64,
    done: Arc<Mutex<u64>>,
}

impl OrderedWrites {
    /// Run `write` on the runtime's blocking pool, after every write asked for before it and
    /// not at all when a later one has already run.
    pub fn spawn(&mut self, handle: &Handle, write: impl FnOnce() + Send + 'static) {
        self.asked += 1;
        let generation = self.asked;
        let done = Arc::clone(&self.done);
        handle.spawn_blocking(move || {
            let mut last = done.lock().unwrap_or_else(|p| p.into_inner());
            if *last > generation {
                return;
            }
            write();
            *last = generation;
        });
    }
}
