//! UI tests of the desktop window, driven by accessible labels (egui_kittest), against the
//! in-process emulator and service application; plus the real binary in real windows under
//! Xvfb. Async progress is awaited with `step_until` (step + short sleep), never with timed
//! assertions. One test binary (each relinks the whole crate).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap or expect is a failed test"
)]

#[path = "../common/mod.rs"]
mod common;

mod attention;
mod big_meeting;
mod chat;
mod direct;
mod endings;
mod exports;
mod form;
mod gui_probe;
mod kiosk;
mod kiosk_admin;
mod kiosk_window;
mod languages;
mod layout;
mod phone;
mod pseudo;
mod real_window;
mod session;
mod settings;
mod support;
mod transport;
mod xvfb;
