//! The service application's error answer: `{"Error": "human text", "Code": "StableCode"}`
//! (docs/design.md §4) with one distinct, stable [`Code`] per failure.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::wire::ServiceError as ServiceErrorBody;

/// Every `Code` the reference service application answers with. The strings are a stable
/// contract: clients and scripts match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    MissingApplicationSessionId,
    InvalidApplicationSessionId,
    MissingAllowedOrigins,
    InvalidOrigin,
    OriginNotAllowed,
    MissingMeetingUrl,
    InvalidMeetingUrl,
    MeetingUrlNotAllowed,
    FieldTooLong,
    /// The same field was sent twice (`MeetingUrl=a&meetingurl=b`).
    DuplicateField,
    /// The body is not valid JSON / not a JSON object / a field is not a string.
    MalformedBody,
    UnsupportedContentType,
    BodyTooLarge,
    MissingServiceKey,
    InvalidServiceKey,
    RateLimited,
    UpstreamUnavailable,
    UpstreamRefused,
    UpstreamMalformed,
    /// No such route.
    NotFound,
    /// Known route, wrong method.
    MethodNotAllowed,
}

impl Code {
    /// Every code, for documentation and tests.
    pub const ALL: [Code; 21] = [
        Code::MissingApplicationSessionId,
        Code::InvalidApplicationSessionId,
        Code::MissingAllowedOrigins,
        Code::InvalidOrigin,
        Code::OriginNotAllowed,
        Code::MissingMeetingUrl,
        Code::InvalidMeetingUrl,
        Code::MeetingUrlNotAllowed,
        Code::FieldTooLong,
        Code::DuplicateField,
        Code::MalformedBody,
        Code::UnsupportedContentType,
        Code::BodyTooLarge,
        Code::MissingServiceKey,
        Code::InvalidServiceKey,
        Code::RateLimited,
        Code::UpstreamUnavailable,
        Code::UpstreamRefused,
        Code::UpstreamMalformed,
        Code::NotFound,
        Code::MethodNotAllowed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::MissingApplicationSessionId => "MissingApplicationSessionId",
            Code::InvalidApplicationSessionId => "InvalidApplicationSessionId",
            Code::MissingAllowedOrigins => "MissingAllowedOrigins",
            Code::InvalidOrigin => "InvalidOrigin",
            Code::OriginNotAllowed => "OriginNotAllowed",
            Code::MissingMeetingUrl => "MissingMeetingUrl",
            Code::InvalidMeetingUrl => "InvalidMeetingUrl",
            Code::MeetingUrlNotAllowed => "MeetingUrlNotAllowed",
            Code::FieldTooLong => "FieldTooLong",
            Code::DuplicateField => "DuplicateField",
            Code::MalformedBody => "MalformedBody",
            Code::UnsupportedContentType => "UnsupportedContentType",
            Code::BodyTooLarge => "BodyTooLarge",
            Code::MissingServiceKey => "MissingServiceKey",
            Code::InvalidServiceKey => "InvalidServiceKey",
            Code::RateLimited => "RateLimited",
            Code::UpstreamUnavailable => "UpstreamUnavailable",
            Code::UpstreamRefused => "UpstreamRefused",
            Code::UpstreamMalformed => "UpstreamMalformed",
            Code::NotFound => "NotFound",
            Code::MethodNotAllowed => "MethodNotAllowed",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Code::MissingApplicationSessionId
            | Code::InvalidApplicationSessionId
            | Code::MissingAllowedOrigins
            | Code::InvalidOrigin
            | Code::MissingMeetingUrl
            | Code::InvalidMeetingUrl
            | Code::FieldTooLong
            | Code::DuplicateField
            | Code::MalformedBody => StatusCode::BAD_REQUEST,
            Code::OriginNotAllowed | Code::MeetingUrlNotAllowed => StatusCode::FORBIDDEN,
            Code::UnsupportedContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Code::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Code::MissingServiceKey | Code::InvalidServiceKey => StatusCode::UNAUTHORIZED,
            Code::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Code::UpstreamUnavailable | Code::UpstreamRefused | Code::UpstreamMalformed => {
                StatusCode::BAD_GATEWAY
            }
            Code::NotFound => StatusCode::NOT_FOUND,
            Code::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refused request. The message is shown to the guest's operator: it never contains secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorAnswer {
    pub code: Code,
    pub message: String,
    /// Seconds, for `429` (`Retry-After`).
    pub retry_after: Option<u64>,
}

impl ErrorAnswer {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            retry_after: None,
        }
    }
}

impl IntoResponse for ErrorAnswer {
    fn into_response(self) -> Response {
        let body = ServiceErrorBody {
            error: self.message,
            code: Some(self.code.as_str().to_string()),
        };
        let mut response = (self.code.status(), Json(body)).into_response();
        let headers = response.headers_mut();
        if let Some(secs) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.code.status() == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"guest-join service\""),
            );
        }
        // The access log reads the code from here.
        response.extensions_mut().insert(self.code);
        response
    }
}
