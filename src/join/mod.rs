//! The guest join engine (flow A) and the pure pieces it is built from. No egui here.

pub mod display_name;
pub mod meeting_link;

pub use display_name::{DisplayName, DisplayNameError};
pub use meeting_link::{MeetingLink, MeetingLinkError};
