//! Where a guest joins and how the session runs, shared by the window and the command line so
//! both join the same way: the [`JoinSource`] chosen from a profile or from flags, the
//! [`Plan`] (meeting, name, source, origin, culture) and the [`Runner`] that starts the
//! built-in demo when the plan needs it, runs the engine and forwards its events. The window
//! and `join` only present what the runner reports.

mod demo_slot;
mod runner;
mod source;

pub use demo_slot::DemoSlot;
pub use runner::{Plan, Runner};
pub use source::JoinSource;
