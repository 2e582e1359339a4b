//! Headless commands: the same engine as the GUI, printing for people or machines.

pub mod bench;
pub mod check_service;
pub mod exports;
pub mod gui_probe;
pub mod join;
pub mod junit;
pub mod load;
pub mod output;
pub mod process;
pub mod servers;
pub mod soak;
pub mod stats;
pub mod target;
