//! The QA tools, apart from the product: `bench` (time to joined against the floor), `load` (many
//! guests at once), `soak` (one guest for a long time), `check-service` (a service application
//! against the token contract) and the hidden `gui-probe` (what the window costs). They drive
//! the same engine and the same join set-up as the product's commands (`crate::commands`).

pub mod bench;
pub mod check_service;
pub mod gui_probe;
pub mod load;
pub mod process;
pub mod soak;
pub mod stats;
