//! The product's commands without a window: `join` (one guest, printing every step for people
//! or machines), and the two servers `emulator` and `service-app`. `target` checks and resolves
//! what the command line gives for a join; the QA tools (`crate::qa`) use it too. The window is
//! `crate::gui`; `kiosk-pin` lives with the kiosk's configuration (`crate::config::kiosk_pin`).

pub mod join;
pub mod package_files;
pub mod servers;
pub mod target;
