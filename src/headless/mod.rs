//! Headless commands: the same engine as the GUI, printing for people or machines.

pub mod join;
pub mod output;
pub mod servers;
