//! Wire types (serde), shared by the client, the emulator and the reference service application.
//! One place for every JSON shape the system exchanges.

pub mod data_uri;
pub mod date;
pub mod error_body;
pub mod error_code;
pub mod events;
pub mod hal;
pub mod oauth_error;
pub mod operation;
pub mod phone;
pub mod platform;
pub mod psat;
pub mod rel;
pub mod role;
pub mod route;
pub mod service_app;
pub mod state;
pub mod ucwa;
pub mod webticket;

mod vocabulary;

#[cfg(test)]
mod samples_test;

pub use date::UcwaDate;
pub use error_body::{ServiceError, UcwaError};
pub use error_code::{UcwaCode, UcwaSubcode};
pub use events::{ChannelNext, Event, EventBatch, EventType, SenderBlock};
pub use hal::{Embedded, Link, LinkValue, Links, RelLink};
pub use oauth_error::OAuthError;
pub use operation::{Direction, OperationStatus};
pub use rel::{Rel, RelName, bare_rel, rel_eq};
pub use role::Role;
pub use route::Route;
pub use state::{ConversationState, InvitationState, ModalityState};
