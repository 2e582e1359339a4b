//! Percentiles for `load` and `bench`: p50 / p95 / max of millisecond samples, by the
//! nearest-rank method (the value at rank ⌈p/100 × n⌉ of the sorted samples, so every figure
//! reported is one that was actually measured; no interpolation).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::join::Step;

/// The nearest-rank `p`-th percentile (0 < p ≤ 100) of `sorted` (ascending); `None` when empty.
pub fn percentile(sorted: &[u64], p: f64) -> Option<u64> {
    if sorted.is_empty() || !(p > 0.0 && p <= 100.0) {
        return None;
    }
    let n = sorted.len();
    // Rank in 1..=n; the cast is exact for any sample count this program collects.
    let rank = (p * n as f64 / 100.0).ceil() as usize;
    sorted.get(rank.clamp(1, n) - 1).copied()
}

/// Summary of one series of samples, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub count: usize,
    pub min: u64,
    pub p50: u64,
    pub p95: u64,
    pub max: u64,
}

impl Summary {
    /// `None` for no samples. Sorts `samples`.
    pub fn of(samples: &mut [u64]) -> Option<Summary> {
        samples.sort_unstable();
        Some(Summary {
            count: samples.len(),
            min: *samples.first()?,
            p50: percentile(samples, 50.0)?,
            p95: percentile(samples, 95.0)?,
            max: *samples.last()?,
        })
    }
}

/// Per-step durations of many sessions (only the numbers: bounded by 8 values per session)
/// plus the time to joined.
#[derive(Debug, Default, Clone)]
pub struct StepSamples {
    steps: BTreeMap<usize, Vec<u64>>,
    joined: Vec<u64>,
}

impl StepSamples {
    pub fn add_step(&mut self, step: Step, ms: u64) {
        let index = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
        self.steps.entry(index).or_default().push(ms);
    }

    pub fn add_time_to_joined(&mut self, ms: u64) {
        self.joined.push(ms);
    }

    /// Summaries per step, in the order of the steps, by their `join --json` names.
    pub fn step_summaries(&mut self) -> Vec<(&'static str, Summary)> {
        self.steps
            .iter_mut()
            .filter_map(|(i, v)| Some((Step::ALL.get(*i)?.name(), Summary::of(v)?)))
            .collect()
    }

    pub fn time_to_joined(&mut self) -> Option<Summary> {
        Summary::of(&mut self.joined)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_table() {
        let ten: Vec<u64> = (1..=10).collect();
        let hundred: Vec<u64> = (1..=100).collect();
        let cases: &[(&[u64], f64, Option<u64>)] = &[
            (&[], 50.0, None),
            (&[7], 50.0, Some(7)),
            (&[7], 95.0, Some(7)),
            (&[7], 100.0, Some(7)),
            (&[1, 2], 50.0, Some(1)),
            (&[1, 2], 95.0, Some(2)),
            (&[1, 2, 3], 50.0, Some(2)),
            (&[1, 2, 3, 4], 50.0, Some(2)),
            (&ten, 50.0, Some(5)),
            (&ten, 95.0, Some(10)),
            (&ten, 90.0, Some(9)),
            (&ten, 10.0, Some(1)),
            (&hundred, 50.0, Some(50)),
            (&hundred, 95.0, Some(95)),
            (&hundred, 99.0, Some(99)),
            (&hundred, 100.0, Some(100)),
            (&hundred, 0.5, Some(1)),
            (&ten, 0.0, None),
            (&ten, 101.0, None),
            (&ten, f64::NAN, None),
        ];
        for (samples, p, want) in cases {
            assert_eq!(percentile(samples, *p), *want, "p{p} of {samples:?}");
        }
    }

    #[test]
    fn summary_sorts_and_reports() {
        let mut v = vec![30, 10, 20, 40, 1000];
        let s = Summary::of(&mut v).unwrap();
        assert_eq!(
            s,
            Summary {
                count: 5,
                min: 10,
                p50: 30,
                p95: 1000,
                max: 1000
            }
        );
        assert_eq!(Summary::of(&mut []), None);
    }

    #[test]
    fn samples_group_by_step_in_step_order() {
        let mut s = StepSamples::default();
        s.add_step(Step::JoinRequest, 5);
        s.add_step(Step::ServiceApplication, 2);
        s.add_step(Step::ServiceApplication, 4);
        s.add_time_to_joined(9);
        let steps = s.step_summaries();
        let names: Vec<&str> = steps.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["service_application", "join_request"]);
        assert_eq!(steps[0].1.count, 2);
        assert_eq!(steps[0].1.max, 4);
        assert_eq!(s.time_to_joined().map(|t| t.p50), Some(9));
    }
}
