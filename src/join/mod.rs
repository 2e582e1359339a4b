//! The guest join engine (flow A) and the pure pieces it is built from. No egui here.

pub mod channel;
pub mod chat_text;
pub mod classify;
pub mod conference;
pub mod dial_in;
pub mod direct_meeting;
pub mod display_name;
pub mod engine;
pub mod failure;
pub mod launch_link;
pub mod meeting_link;
pub mod phone_leg;
pub mod phone_number;
pub mod request;
pub mod status;
pub mod step;
pub mod tracker;

pub use dial_in::DialIn;
pub use direct_meeting::{DirectMeeting, DirectMeetingError};
pub use display_name::{DisplayName, DisplayNameError};
pub use engine::{Command, SessionControl, run};
pub use failure::{FailureInfo, FailureKind};
pub use launch_link::LaunchLink;
pub use meeting_link::{MeetingLink, MeetingLinkError};
pub use request::{DirectProfile, EventSink, JoinRequest, Limits, ServiceProfile, TokenSource};
pub use status::{JoinEvent, JoinStatus, Phase, Step};
pub use step::Flow;
