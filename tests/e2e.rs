//! The engine and the built binary against the in-process emulator and reference service
//! application, one scenario per test. One test binary (each relinks the whole crate).

mod cli;
mod common;
mod engine;
mod hostile;
