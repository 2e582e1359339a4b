//! The engine's words for people, in a language: failure titles and remedies, step and phase
//! names. The engine keeps stable ids (`GJ-LOBBY-DENIED`, `lobby`); these are what people read.

use crate::join::{FailureKind, Flow, Phase, Step};
use crate::t;

use super::Tr;

impl Tr {
    pub fn failure_title(&self, kind: FailureKind) -> String {
        use FailureKind::*;
        match kind {
            BadInput => t!(self, "failure-bad-input"),
            ServiceUnreachable => t!(self, "failure-service-unreachable"),
            ServiceRefused => t!(self, "failure-service-refused"),
            Discovery => t!(self, "failure-discovery"),
            Application => t!(self, "failure-application"),
            MeetingNotFound => t!(self, "failure-meeting-not-found"),
            NotAllowed => t!(self, "failure-not-allowed"),
            AnonymousJoinDisabled => t!(self, "failure-anonymous-join-disabled"),
            WrongConferenceKey => t!(self, "failure-wrong-conference-key"),
            LobbyDenied => t!(self, "failure-lobby-denied"),
            LobbyTimeout => t!(self, "failure-lobby-timeout"),
            Network => t!(self, "failure-network"),
            Timeout => t!(self, "failure-timeout"),
            Removed => t!(self, "failure-removed"),
            Inactive => t!(self, "failure-inactive"),
            MeetingEnded => t!(self, "failure-meeting-ended"),
            ConnectionLost => t!(self, "failure-connection-lost"),
            ServerError => t!(self, "failure-server-error"),
            Protocol => t!(self, "failure-protocol"),
        }
    }

    pub fn failure_remedy(&self, kind: FailureKind) -> String {
        use FailureKind::*;
        match kind {
            BadInput => t!(self, "failure-bad-input-remedy"),
            ServiceUnreachable => t!(self, "failure-service-unreachable-remedy"),
            ServiceRefused => t!(self, "failure-service-refused-remedy"),
            Discovery => t!(self, "failure-discovery-remedy"),
            Application => t!(self, "failure-application-remedy"),
            MeetingNotFound => t!(self, "failure-meeting-not-found-remedy"),
            NotAllowed => t!(self, "failure-not-allowed-remedy"),
            AnonymousJoinDisabled => t!(self, "failure-anonymous-join-disabled-remedy"),
            WrongConferenceKey => t!(self, "failure-wrong-conference-key-remedy"),
            LobbyDenied => t!(self, "failure-lobby-denied-remedy"),
            LobbyTimeout => t!(self, "failure-lobby-timeout-remedy"),
            Network => t!(self, "failure-network-remedy"),
            Timeout => t!(self, "failure-timeout-remedy"),
            Removed => t!(self, "failure-removed-remedy"),
            Inactive => t!(self, "failure-inactive-remedy"),
            MeetingEnded => t!(self, "failure-meeting-ended-remedy"),
            ConnectionLost => t!(self, "failure-connection-lost-remedy"),
            ServerError => t!(self, "failure-server-error-remedy"),
            Protocol => t!(self, "failure-protocol-remedy"),
        }
    }

    pub fn step_label(&self, step: Step) -> String {
        match step {
            Step::ServiceApplication => t!(self, "step-service-application"),
            Step::Discovery => t!(self, "step-discovery"),
            Step::Autodiscover => t!(self, "step-autodiscover"),
            Step::WebTicket => t!(self, "step-web-ticket"),
            Step::Application => t!(self, "step-application"),
            Step::EventChannel => t!(self, "step-event-channel"),
            Step::JoinRequest => t!(self, "step-join-request"),
            Step::Lobby => t!(self, "step-lobby"),
            Step::InMeeting => t!(self, "step-in-meeting"),
            Step::Leave => t!(self, "step-leave"),
        }
    }

    pub fn phase_label(&self, phase: Phase) -> String {
        match phase {
            Phase::Idle => t!(self, "phase-idle"),
            Phase::RequestingToken => t!(self, "phase-requesting-token"),
            Phase::Discovering => t!(self, "phase-discovering"),
            Phase::CreatingApplication => t!(self, "phase-creating-application"),
            Phase::Joining => t!(self, "phase-joining"),
            Phase::InLobby => t!(self, "phase-in-lobby"),
            Phase::InMeeting => t!(self, "phase-in-meeting"),
            Phase::Reconnecting => t!(self, "phase-reconnecting"),
            Phase::Leaving => t!(self, "phase-leaving"),
            Phase::Left => t!(self, "phase-left"),
            Phase::Failed => t!(self, "phase-failed"),
            Phase::Cancelled => t!(self, "phase-cancelled"),
        }
    }

    pub fn flow_label(&self, flow: Flow) -> String {
        match flow {
            Flow::ServiceApplication => t!(self, "flow-service-application"),
            Flow::Direct => t!(self, "flow-direct"),
        }
    }
}
