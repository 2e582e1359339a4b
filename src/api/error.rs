//! Errors of one HTTP exchange. They keep the HTTP status and the UCWA code/subcode (or the
//! service application's `Code`) and never carry a secret: URLs are reduced to their host and
//! body excerpts are masked.

use std::time::Duration;

use crate::api::wire::{ServiceError, UcwaError, UcwaSubcode};

#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    #[error(
        "refusing to send to {host} over plain http: only https is allowed (http only for this computer)"
    )]
    InsecureUrl { host: String },
    #[error("a server link is not a valid URL: {detail}")]
    BadLink { detail: String },
    #[error("could not connect to {host}: {detail}")]
    Connect { host: String, detail: String },
    #[error("secure connection (TLS) to {host} failed: {detail}")]
    Tls { host: String, detail: String },
    #[error("{host} did not answer within {} s", .after.as_secs())]
    Timeout { host: String, after: Duration },
    #[error("the connection to {host} broke: {detail}")]
    Broken { host: String, detail: String },
    #[error("{host} redirected to {target}; redirects are not followed")]
    Redirect {
        host: String,
        status: u16,
        target: String,
    },
    #[error(
        "{host} pointed autodiscover to {target}, outside the meeting's domain {domain}; not followed"
    )]
    UntrustedRedirect {
        host: String,
        target: String,
        domain: String,
    },
    #[error("the answer from {host} is larger than {limit} bytes")]
    TooLarge { host: String, limit: usize },
    #[error("{host} answered HTTP {status}{}", describe(.ucwa, .service, .excerpt))]
    Status {
        host: String,
        status: u16,
        ucwa: Option<Box<UcwaError>>,
        service: Option<Box<ServiceError>>,
        excerpt: String,
        retry_after: Option<Duration>,
    },
    #[error("the answer from {host} (HTTP {status}) is not what was expected: {detail}")]
    Malformed {
        host: String,
        status: u16,
        detail: String,
    },
}

fn describe(
    ucwa: &Option<Box<UcwaError>>,
    service: &Option<Box<ServiceError>>,
    excerpt: &str,
) -> String {
    if let Some(u) = ucwa {
        let mut s = format!(" {}", u.code);
        if let Some(sub) = &u.subcode {
            s.push('/');
            s.push_str(sub.as_str());
        }
        if let Some(m) = u.message.as_deref().filter(|m| !m.is_empty()) {
            s.push_str(": ");
            s.push_str(m);
        }
        return s;
    }
    if let Some(e) = service {
        return match &e.code {
            Some(code) => format!(" {code}: {}", e.error),
            None => format!(": {}", e.error),
        };
    }
    if excerpt.is_empty() {
        String::new()
    } else {
        format!(": {excerpt}")
    }
}

impl ApiError {
    /// Connect errors, 429 and 5xx may be retried (docs/design.md §5); never other 4xx.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Connect { .. } => true,
            ApiError::Status { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. }
            | ApiError::Malformed { status, .. }
            | ApiError::Redirect { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// UCWA `code`, or the service application's `Code`.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Status { ucwa: Some(u), .. } => {
                Some(u.code.as_str()).filter(|c| !c.is_empty())
            }
            ApiError::Status {
                service: Some(s), ..
            } => s.code.as_deref(),
            _ => None,
        }
    }

    pub fn subcode(&self) -> Option<&str> {
        self.ucwa_subcode().map(UcwaSubcode::as_str)
    }

    /// The UCWA error body, when the answer carried one.
    pub fn ucwa_error(&self) -> Option<&UcwaError> {
        match self {
            ApiError::Status { ucwa: Some(u), .. } => Some(u),
            _ => None,
        }
    }

    /// UCWA `subcode`, as a word the engine can compare.
    pub fn ucwa_subcode(&self) -> Option<&UcwaSubcode> {
        match self {
            ApiError::Status { ucwa: Some(u), .. } => u.subcode.as_ref(),
            _ => None,
        }
    }

    /// True for failures of the network itself (connect, TLS, broken connection, time-out).
    pub fn is_network(&self) -> bool {
        matches!(
            self,
            ApiError::Connect { .. }
                | ApiError::Tls { .. }
                | ApiError::Broken { .. }
                | ApiError::Timeout { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::UcwaCode;

    fn status(code: u16) -> ApiError {
        ApiError::Status {
            host: "h".into(),
            status: code,
            ucwa: None,
            service: None,
            excerpt: String::new(),
            retry_after: None,
        }
    }

    #[test]
    fn retry_matrix() {
        assert!(status(500).is_retryable());
        assert!(status(503).is_retryable());
        assert!(status(429).is_retryable());
        for s in [400, 401, 403, 404, 409, 410] {
            assert!(!status(s).is_retryable(), "{s}");
        }
        assert!(
            ApiError::Connect {
                host: "h".into(),
                detail: "refused".into()
            }
            .is_retryable()
        );
        assert!(
            !ApiError::Timeout {
                host: "h".into(),
                after: Duration::from_secs(1)
            }
            .is_retryable()
        );
        assert!(
            !ApiError::Malformed {
                host: "h".into(),
                status: 200,
                detail: "x".into()
            }
            .is_retryable()
        );
    }

    #[test]
    fn display_names_code_and_subcode() {
        let e = ApiError::Status {
            host: "pool".into(),
            status: 404,
            ucwa: Some(Box::new(UcwaError::new(
                UcwaCode::NotFound,
                Some(UcwaSubcode::DestinationNotFound),
                "The meeting could not be found",
            ))),
            service: None,
            excerpt: String::new(),
            retry_after: None,
        };
        assert_eq!(
            e.to_string(),
            "pool answered HTTP 404 NotFound/DestinationNotFound: The meeting could not be found"
        );
        assert_eq!(
            (e.code(), e.subcode()),
            (Some("NotFound"), Some("DestinationNotFound"))
        );
    }
}
