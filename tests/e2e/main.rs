//! The engine and the built binary against the in-process emulator and reference service
//! application, one scenario per test. One test binary (each relinks the whole crate).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap or expect is a failed test"
)]

#[path = "../common/mod.rs"]
mod common;

mod chat;
mod check_service;
mod cli;
mod direct;
mod engine;
mod exports;
mod fault_matrix;
mod hostile;
mod load;
mod phone;
mod redaction_audit;
mod rejoin;
mod servers;
#[cfg(unix)]
mod signals;
mod transport;
mod transport_kit;
