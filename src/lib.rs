//! guest-join: join a Skype for Business meeting as an anonymous guest.
//!
//! `api` holds the wire model and HTTP calls, `join` the engine; neither knows about egui.

pub mod api;
pub mod emulator;
pub mod join;
pub mod secret;
