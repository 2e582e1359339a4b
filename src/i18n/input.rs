//! What is wrong with what the guest typed (a meeting link, a name), in their language.

use crate::join::display_name::MAX_NAME_CHARS;
use crate::join::{DirectMeetingError, DisplayNameError, MeetingLinkError};
use crate::t;

use super::Tr;

impl Tr {
    pub fn link_problem(&self, e: &MeetingLinkError) -> String {
        match e {
            MeetingLinkError::Empty => t!(self, "link-empty"),
            MeetingLinkError::SipUri => t!(self, "link-sip-uri"),
            MeetingLinkError::NotHttps { scheme } => {
                t!(self, "link-not-https", scheme = scheme.as_str())
            }
            MeetingLinkError::NotAUrl => t!(self, "link-not-a-url"),
            MeetingLinkError::NoMeetingLink => t!(self, "link-no-meeting-link"),
            MeetingLinkError::SeveralLinks => t!(self, "link-several-links"),
            MeetingLinkError::NoPath => t!(self, "link-no-path"),
            MeetingLinkError::TooLong => t!(self, "link-too-long"),
            MeetingLinkError::HasCredentials => t!(self, "link-has-credentials"),
        }
    }

    /// A link problem in either mode (the direct mode has three more).
    pub fn direct_link_problem(&self, e: &DirectMeetingError) -> String {
        match e {
            DirectMeetingError::Link(e) => self.link_problem(e),
            DirectMeetingError::OnlineLink => t!(self, "link-online-for-direct"),
            DirectMeetingError::NotASimpleUrl => t!(self, "link-not-simple-url"),
            DirectMeetingError::NoDomain => t!(self, "link-no-domain"),
        }
    }

    pub fn name_problem(&self, e: &DisplayNameError) -> String {
        match e {
            DisplayNameError::Empty => t!(self, "name-empty"),
            DisplayNameError::TooLong { chars } => {
                let (chars, max) = (*chars, MAX_NAME_CHARS);
                t!(self, "name-too-long", chars = chars, max = max)
            }
            DisplayNameError::ControlCharacter => t!(self, "name-control-character"),
        }
    }
}
