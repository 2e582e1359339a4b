//! A list with a fixed number of places that keeps the beginning and the end: the first
//! `head` items stay for good (for a session: the join itself), after them a ring keeps the
//! latest `tail` items, and whatever falls out of the ring is only counted. A long stay in a
//! meeting (one event-channel poll after another) so never grows memory past the cap, and the
//! record still shows how the session started and how it ended.

use std::collections::VecDeque;

#[derive(Debug, Clone)]
pub struct BoundedLog<T> {
    head_cap: usize,
    tail_cap: usize,
    head: Vec<T>,
    tail: VecDeque<T>,
    dropped: u64,
}

impl<T> BoundedLog<T> {
    /// Keeps at most `head + tail` items.
    pub fn new(head: usize, tail: usize) -> Self {
        Self {
            head_cap: head,
            tail_cap: tail,
            head: Vec::new(),
            tail: VecDeque::new(),
            dropped: 0,
        }
    }

    pub fn push(&mut self, item: T) {
        if self.head.len() < self.head_cap {
            self.head.push(item);
            return;
        }
        if self.tail_cap == 0 {
            self.dropped += 1;
            return;
        }
        if self.tail.len() == self.tail_cap {
            self.tail.pop_front();
            self.dropped += 1;
        }
        self.tail.push_back(item);
    }

    /// The kept items in order: the first ones, then the latest ones.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + Clone {
        self.head.iter().chain(self.tail.iter())
    }

    pub fn len(&self) -> usize {
        self.head.len() + self.tail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Items that were pushed but are no longer kept.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// How many kept items come before the gap left by dropped ones (`None` if none dropped).
    pub fn gap_after(&self) -> Option<usize> {
        (self.dropped > 0).then_some(self.head.len())
    }

    /// Largest number of items kept.
    pub fn capacity(&self) -> usize {
        self.head_cap + self.tail_cap
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_and_the_latest_and_counts_the_rest() {
        let mut log = BoundedLog::new(3, 4);
        for i in 0..5 {
            log.push(i);
        }
        assert_eq!(log.iter().copied().collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!((log.dropped(), log.gap_after()), (0, None));
        for i in 5..20 {
            log.push(i);
        }
        assert_eq!(
            log.iter().copied().collect::<Vec<_>>(),
            [0, 1, 2, 16, 17, 18, 19]
        );
        assert_eq!(log.len(), log.capacity());
        assert_eq!((log.dropped(), log.gap_after()), (13, Some(3)));
    }

    #[test]
    fn a_log_without_a_ring_keeps_only_the_beginning() {
        let mut log = BoundedLog::new(2, 0);
        (0..5).for_each(|i| log.push(i));
        assert_eq!(log.iter().copied().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(log.dropped(), 3);
        let mut empty: BoundedLog<u8> = BoundedLog::new(0, 0);
        empty.push(1);
        assert!(empty.is_empty());
        assert_eq!(empty.dropped(), 1);
    }
}
