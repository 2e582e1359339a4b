//! What a session leaves for QA and support: the HAR archive of its traffic and the
//! diagnostics bundle (a zip). Shared by `join` and the desktop window; no egui here.

pub mod about;
pub mod bundle;
pub mod config_view;
pub mod correlation;
pub mod events;
pub mod har;
pub mod timeline;

pub use bundle::{BundleInput, write_bundle};
pub use config_view::ConfigView;
pub use events::EventLog;
