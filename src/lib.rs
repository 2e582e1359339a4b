//! guest-join: join a Skype for Business meeting as an anonymous guest.
//!
//! `api` holds the wire model and HTTP calls, `join` the engine; neither knows about egui.
//! `emulator` and `service_app` are the other parts of the system, `demo` wires them together.
//! `gui` is the desktop window over the engine, `config` the user's settings file,
//! `diagnostics` the HAR and diagnostics-bundle exports both share.

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod diagnostics;
pub mod emulator;
pub mod gui;
pub mod i18n;
pub mod join;
pub mod launch;
pub mod logging;
pub mod qa;
pub mod redact;
pub mod secret;
pub mod service_app;
pub mod single_instance;
pub mod stop_signal;
