//! Maps a failed HTTP exchange of a given step to a failure class (docs/protocol.md §9.2; the exit
//! codes of docs/design.md §3).

use crate::api::error::ApiError;
use crate::api::wire::OAuthError;

use super::failure::{FailureInfo, FailureKind};
use super::status::Step;

pub fn classify(step: Step, err: &ApiError) -> FailureInfo {
    let kind = match (step, err) {
        (Step::ServiceApplication, ApiError::InsecureUrl { .. }) => FailureKind::BadInput,
        (_, ApiError::Timeout { .. }) => FailureKind::Timeout,
        // A certificate problem is the network/TLS class at every step (the fix is the CA file
        // or the proxy, not the service application).
        (_, ApiError::Tls { .. }) => FailureKind::Network,
        (Step::ServiceApplication, e) if e.is_network() => FailureKind::ServiceUnreachable,
        (_, e) if e.is_network() => FailureKind::Network,
        (Step::ServiceApplication, _) => FailureKind::ServiceRefused,
        (_, ApiError::UntrustedRedirect { .. }) => FailureKind::Discovery,
        (Step::Autodiscover, _) => FailureKind::Discovery,
        // The WebTicket service's OAuth errors (docs/protocol.md §B.3, §9.2).
        (Step::WebTicket, e) => match e.code().map(OAuthError::from) {
            Some(OAuthError::InvalidGrant) => FailureKind::WrongConferenceKey,
            Some(OAuthError::UnsupportedGrantType) => FailureKind::AnonymousJoinDisabled,
            _ if e.status().is_some_and(|s| s >= 500) => FailureKind::ServerError,
            _ => FailureKind::Application,
        },
        (Step::Discovery, _) => FailureKind::Discovery,
        (Step::Application, _) => FailureKind::Application,
        (Step::EventChannel, _) => FailureKind::ConnectionLost,
        (Step::JoinRequest, e) => match e.status() {
            Some(404) => FailureKind::MeetingNotFound,
            Some(403) => FailureKind::NotAllowed,
            // The guest's token was refused, or its application is gone.
            Some(401 | 410) => FailureKind::Application,
            Some(s) if s >= 500 => FailureKind::ServerError,
            _ => FailureKind::Protocol,
        },
        (_, e) if e.status().is_some_and(|s| s >= 500) => FailureKind::ServerError,
        _ => FailureKind::Protocol,
    };
    FailureInfo::new(kind, Some(step), err.to_string()).with_codes(
        err.status(),
        err.code(),
        err.subcode(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::{UcwaCode, UcwaError, UcwaSubcode};

    fn status(s: u16, code: UcwaCode, sub: Option<UcwaSubcode>) -> ApiError {
        ApiError::Status {
            host: "h".into(),
            status: s,
            ucwa: Some(Box::new(UcwaError::new(code, sub, "m"))),
            service: None,
            excerpt: String::new(),
            retry_after: None,
        }
    }

    #[test]
    // Long on purpose: one table of (step, error) → class.
    fn classes_per_step() {
        let refused = ApiError::Connect {
            host: "h".into(),
            detail: "refused".into(),
        };
        assert_eq!(
            classify(Step::ServiceApplication, &refused).kind,
            FailureKind::ServiceUnreachable
        );
        assert_eq!(
            classify(Step::Discovery, &refused).kind,
            FailureKind::Network
        );
        let untrusted = ApiError::Tls {
            host: "h".into(),
            detail: "invalid peer certificate: UnknownIssuer".into(),
        };
        for step in [
            Step::ServiceApplication,
            Step::Discovery,
            Step::EventChannel,
        ] {
            assert_eq!(classify(step, &untrusted).kind, FailureKind::Network);
        }
        assert_eq!(
            classify(
                Step::ServiceApplication,
                &status(400, UcwaCode::from("X"), None)
            )
            .kind,
            FailureKind::ServiceRefused
        );
        assert_eq!(
            classify(Step::Discovery, &status(403, UcwaCode::Forbidden, None)).kind,
            FailureKind::Discovery
        );
        assert_eq!(
            classify(
                Step::Application,
                &status(503, UcwaCode::ServiceUnavailable, None)
            )
            .kind,
            FailureKind::Application
        );
        let nf = classify(
            Step::JoinRequest,
            &status(
                404,
                UcwaCode::NotFound,
                Some(UcwaSubcode::DestinationNotFound),
            ),
        );
        assert_eq!(
            (nf.kind, nf.http_status, nf.subcode.as_deref()),
            (
                FailureKind::MeetingNotFound,
                Some(404),
                Some("DestinationNotFound")
            )
        );
        assert_eq!(
            classify(Step::JoinRequest, &status(403, UcwaCode::Forbidden, None)).kind,
            FailureKind::NotAllowed
        );
        assert_eq!(
            classify(Step::JoinRequest, &status(410, UcwaCode::Gone, None)).kind,
            FailureKind::Application
        );
        let t = ApiError::Timeout {
            host: "h".into(),
            after: std::time::Duration::from_secs(1),
        };
        assert_eq!(classify(Step::Application, &t).kind, FailureKind::Timeout);
        let oauth = |error: OAuthError| ApiError::Status {
            host: "h".into(),
            status: 400,
            ucwa: None,
            service: Some(Box::new(crate::api::wire::ServiceError {
                error: error.to_string(),
                code: Some(error.to_string()),
            })),
            excerpt: String::new(),
            retry_after: None,
        };
        let key = classify(Step::WebTicket, &oauth(OAuthError::InvalidGrant));
        assert_eq!(
            (key.kind, key.code.as_deref(), key.kind.exit_code()),
            (FailureKind::WrongConferenceKey, Some("invalid_grant"), 5)
        );
        assert_eq!(
            classify(Step::WebTicket, &oauth(OAuthError::UnsupportedGrantType)).kind,
            FailureKind::AnonymousJoinDisabled
        );
        assert_eq!(
            classify(Step::WebTicket, &oauth(OAuthError::InvalidRequest)).kind,
            FailureKind::Application
        );
        let foreign = ApiError::UntrustedRedirect {
            host: "lyncdiscover.contoso.com".into(),
            target: "evil.example".into(),
            domain: "contoso.com".into(),
        };
        let info = classify(Step::Autodiscover, &foreign);
        assert_eq!(
            (info.kind, info.kind.exit_code()),
            (FailureKind::Discovery, 4)
        );
        assert!(info.message.contains("evil.example"), "{}", info.message);
        assert_eq!(
            classify(Step::Autodiscover, &refused).kind,
            FailureKind::Network
        );
        let insecure = ApiError::InsecureUrl { host: "h".into() };
        assert_eq!(
            classify(Step::ServiceApplication, &insecure).kind,
            FailureKind::BadInput
        );
    }
}
