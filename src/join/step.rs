//! The steps of a join as the timeline shows them, and which of them each way of joining
//! (flow A through a service application, flow B directly against Skype for Business Server)
//! goes through.

use serde::Serialize;

/// How the guest gets in: the token source and the steps it implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    /// Flow A: a guest token from the organisation's service application (docs/protocol.md §3).
    #[default]
    ServiceApplication,
    /// Flow B: autodiscover and an anonymous web ticket from Skype for Business Server
    /// (docs/protocol.md §4).
    Direct,
}

impl Flow {
    /// The steps of this flow, in timeline order.
    pub fn steps(self) -> [Step; 8] {
        let (first, second) = match self {
            Flow::ServiceApplication => (Step::ServiceApplication, Step::Discovery),
            Flow::Direct => (Step::Autodiscover, Step::WebTicket),
        };
        [
            first,
            second,
            Step::Application,
            Step::EventChannel,
            Step::JoinRequest,
            Step::Lobby,
            Step::InMeeting,
            Step::Leave,
        ]
    }

    /// Label for people, in English.
    pub fn label(self) -> String {
        crate::i18n::Tr::english().flow_label(self)
    }
}

/// The steps shown on the timeline, plus `Leave`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    ServiceApplication,
    Discovery,
    /// Flow B: lyncdiscover (and its validated redirects), then the user resource's challenge.
    Autodiscover,
    /// Flow B: the anonymous meeting web ticket, then the user resource with it.
    WebTicket,
    Application,
    EventChannel,
    JoinRequest,
    Lobby,
    InMeeting,
    Leave,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::ServiceApplication,
        Step::Discovery,
        Step::Autodiscover,
        Step::WebTicket,
        Step::Application,
        Step::EventChannel,
        Step::JoinRequest,
        Step::Lobby,
        Step::InMeeting,
        Step::Leave,
    ];

    /// Stable machine name (JSON, JUnit).
    pub fn name(self) -> &'static str {
        match self {
            Step::ServiceApplication => "service_application",
            Step::Discovery => "discovery",
            Step::Autodiscover => "autodiscover",
            Step::WebTicket => "web_ticket",
            Step::Application => "application",
            Step::EventChannel => "event_channel",
            Step::JoinRequest => "join_request",
            Step::Lobby => "lobby",
            Step::InMeeting => "in_meeting",
            Step::Leave => "leave",
        }
    }

    /// Label for people, in English.
    pub fn label(self) -> String {
        crate::i18n::Tr::english().step_label(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Pending,
    Running,
    Done,
    Failed,
    Stopped,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepStatus {
    pub step: Step,
    pub state: StepState,
    pub started_at_ms: Option<u64>,
    pub ms: Option<u64>,
    pub http_status: Option<u16>,
    pub retries: u32,
    pub code: Option<String>,
    pub subcode: Option<String>,
}

impl StepStatus {
    pub const fn pending(step: Step) -> Self {
        Self {
            step,
            state: StepState::Pending,
            started_at_ms: None,
            ms: None,
            http_status: None,
            retries: 0,
            code: None,
            subcode: None,
        }
    }
}

/// A never-started status for every step (what a flow that skips a step reports for it).
pub(crate) static NOT_STARTED: [StepStatus; 10] = [
    StepStatus::pending(Step::ALL[0]),
    StepStatus::pending(Step::ALL[1]),
    StepStatus::pending(Step::ALL[2]),
    StepStatus::pending(Step::ALL[3]),
    StepStatus::pending(Step::ALL[4]),
    StepStatus::pending(Step::ALL[5]),
    StepStatus::pending(Step::ALL[6]),
    StepStatus::pending(Step::ALL[7]),
    StepStatus::pending(Step::ALL[8]),
    StepStatus::pending(Step::ALL[9]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_flow_has_its_own_first_steps_and_shares_the_rest() {
        let a = Flow::ServiceApplication.steps();
        let b = Flow::Direct.steps();
        assert_eq!(&a[..2], &[Step::ServiceApplication, Step::Discovery]);
        assert_eq!(&b[..2], &[Step::Autodiscover, Step::WebTicket]);
        assert_eq!(a[2..], b[2..]);
        for (i, s) in NOT_STARTED.iter().enumerate() {
            assert_eq!(s.step, Step::ALL[i]);
        }
        let names: std::collections::HashSet<_> = Step::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(names.len(), Step::ALL.len());
    }
}
