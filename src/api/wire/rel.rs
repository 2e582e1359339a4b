//! Link relations (docs/protocol.md §2.2): every rel the client follows or the emulator writes,
//! as one enum, so the two cannot spell a rel differently.
//!
//! The comparison rule: rels are compared exactly (case-sensitively) after dropping the Trusted
//! Application API prefixes `service:` and `ms:rtc:saas:`, so `service:discover`,
//! `ms:rtc:saas:discover` and `discover` are one rel.

use std::fmt;

/// The rel prefixes the Trusted Application API used over time (GA and pre-GA).
pub const REL_PREFIXES: [&str; 2] = ["service:", "ms:rtc:saas:"];

/// `rel` without a `service:` / `ms:rtc:saas:` prefix.
pub fn bare_rel(rel: &str) -> &str {
    REL_PREFIXES
        .iter()
        .find_map(|p| rel.strip_prefix(p))
        .unwrap_or(rel)
}

/// True when two rels name the same thing once prefixes are dropped.
pub fn rel_eq(a: &str, b: &str) -> bool {
    bare_rel(a) == bare_rel(b)
}

macro_rules! rels {
    ($($(#[$doc:meta])* $variant:ident = $text:literal,)*) => {
        /// A link relation, without prefix. [`Rel::as_str`] is the exact UCWA spelling.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rel {
            $($(#[$doc])* $variant,)*
        }

        impl Rel {
            /// Every rel, in declaration order.
            pub const ALL: &'static [Rel] = &[$(Rel::$variant,)*];

            /// The rel as UCWA spells it (no prefix).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Rel::$variant => $text,)*
                }
            }
        }
    };
}

rels! {
    AddMessaging = "addMessaging",
    /// "Call me": the server rings the guest's phone and adds the call to the conversation.
    AddPhoneAudio = "addPhoneAudio",
    AdhocMeetings = "adhocMeetings",
    /// The Trusted Application API's guest token resource.
    AnonApplicationToken = "anonApplicationToken",
    AnonApplicationTokens = "anonApplicationTokens",
    AnonApplications = "anonApplications",
    Application = "application",
    Applications = "applications",
    Attendees = "attendees",
    Communication = "communication",
    /// An unpublished key under which a guest discover may carry the conference URI (as a
    /// link or a property), like [`Rel::ConferenceUri`] and [`Rel::OnlineMeetingUri`].
    ConferenceId = "conferenceId",
    ConferenceUri = "conferenceUri",
    Conversation = "conversation",
    Conversations = "conversations",
    /// One region's dial-in number, embedded in [`Rel::PhoneDialInInformation`].
    DialInRegion = "dialInRegion",
    Discover = "discover",
    Events = "events",
    FailedDeliveryParticipant = "failedDeliveryParticipant",
    From = "from",
    HtmlMessage = "htmlMessage",
    InviteUserToMeeting = "inviteUserToMeeting",
    JoinAdhocMeeting = "joinAdhocMeeting",
    JoinOnlineMeeting = "joinOnlineMeeting",
    Leaders = "leaders",
    Lobby = "lobby",
    LocalParticipant = "localParticipant",
    Me = "me",
    MediaPolicies = "mediaPolicies",
    Message = "message",
    Messaging = "messaging",
    MessagingInvitation = "messagingInvitation",
    MyApplications = "myApplications",
    MyOnlineMeetings = "myOnlineMeetings",
    /// The event channel's continuation.
    Next = "next",
    OnlineMeeting = "onlineMeeting",
    OnlineMeetingInvitation = "onlineMeetingInvitation",
    OnlineMeetingUri = "onlineMeetingUri",
    Participant = "participant",
    /// A participant's audio (a connected phone leg), under the participant.
    ParticipantAudio = "participantAudio",
    ParticipantMessaging = "participantMessaging",
    Participants = "participants",
    /// The conversation's telephone modality.
    PhoneAudio = "phoneAudio",
    /// The "call me" operation resource.
    PhoneAudioInvitation = "phoneAudioInvitation",
    /// The meeting's dial-in numbers and conference ID, linked from `onlineMeeting`.
    PhoneDialInInformation = "phoneDialInInformation",
    PlainMessage = "plainMessage",
    Policies = "policies",
    /// Autodiscover: look further at this URL.
    Redirect = "redirect",
    /// The event channel after the server reset transient state.
    Resume = "resume",
    /// The event channel after a stale `ack`.
    Resync = "resync",
    /// `self`: the resource's own URL.
    SelfLink = "self",
    SendMessage = "sendMessage",
    SetIsTyping = "setIsTyping",
    StartAudio = "startAudio",
    StartAudioVideo = "startAudioVideo",
    StartMessaging = "startMessaging",
    StopMessaging = "stopMessaging",
    StopPhoneAudio = "stopPhoneAudio",
    TypingParticipants = "typingParticipants",
    User = "user",
    Xframe = "xframe",
}

impl Rel {
    /// The rel `text` names (with or without a prefix), or `None` for a rel not in the list.
    pub fn parse(text: &str) -> Option<Rel> {
        let bare = bare_rel(text);
        Rel::ALL.iter().copied().find(|r| r.as_str() == bare)
    }

    /// True when `text` names this rel (with or without a prefix).
    pub fn matches(self, text: &str) -> bool {
        bare_rel(text) == self.as_str()
    }

    /// This rel written after a Trusted Application API prefix (one of [`REL_PREFIXES`]).
    pub const fn prefixed(self, prefix: &'static str) -> RelName {
        RelName { prefix, rel: self }
    }
}

impl fmt::Display for Rel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Rel> for String {
    fn from(rel: Rel) -> String {
        rel.as_str().to_string()
    }
}

/// A rel as a document writes it: a [`Rel`], optionally after a prefix (`service:discover`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelName {
    prefix: &'static str,
    rel: Rel,
}

impl RelName {
    pub fn rel(self) -> Rel {
        self.rel
    }
}

impl From<Rel> for RelName {
    fn from(rel: Rel) -> Self {
        RelName { prefix: "", rel }
    }
}

impl fmt::Display for RelName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.prefix, self.rel.as_str())
    }
}

impl From<RelName> for String {
    fn from(name: RelName) -> String {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rel_round_trips_through_its_string() {
        for &rel in Rel::ALL {
            assert_eq!(Rel::parse(rel.as_str()), Some(rel));
            assert_eq!(rel.to_string(), rel.as_str());
            for prefix in REL_PREFIXES {
                let written = rel.prefixed(prefix).to_string();
                assert_eq!(written, format!("{prefix}{rel}"));
                assert_eq!(Rel::parse(&written), Some(rel));
                assert!(rel.matches(&written));
            }
        }
        let mut names: Vec<&str> = Rel::ALL.iter().map(|r| r.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rel::ALL.len(), "rel strings are unique");
    }

    #[test]
    fn rels_compare_exactly_after_the_prefix() {
        assert_eq!(Rel::SelfLink.as_str(), "self");
        assert_eq!(
            Rel::parse("ms:rtc:saas:applications"),
            Some(Rel::Applications)
        );
        assert_eq!(Rel::parse("Applications"), None, "case matters");
        assert_eq!(Rel::parse("other:applications"), None);
        assert_eq!(Rel::parse("somethingNew"), None);
        assert!(!Rel::Events.matches("events2"));
        assert_eq!(RelName::from(Rel::Events).to_string(), "events");
    }
}
