//! Headless commands: the same engine as the GUI, printing for people or machines.

pub mod check_service;
pub mod exports;
pub mod gui_probe;
pub mod join;
pub mod junit;
pub mod output;
pub mod servers;
