//! The answer an injected fault produces: an error status with a UCWA, HTML or malformed body,
//! or a broken transport (no answer, a reset or truncated body, a stall), or the real answer
//! relabelled with a wrong content type.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use tokio_util::sync::CancellationToken;

use crate::api::wire::{UcwaCode, UcwaSubcode};
use crate::emulator::config::{Fault, FaultBody, STALL_HOLD};
use crate::emulator::http::{UcwaErrorReply, html, json};

/// How long a reset or truncated body waits after its first part, so the part is on the wire
/// before the connection goes.
const CUT_PAUSE: Duration = Duration::from_millis(50);

/// The `Retry-After` (seconds) an injected 429 carries.
pub const FAULT_RETRY_AFTER_S: u64 = 1;

/// Why a faulted body stops: the connection is dropped.
#[derive(Debug, thiserror::Error)]
#[error("injected fault: connection dropped")]
struct Dropped;

/// The response for fault `f` when it replaces the handler (`!f.body.runs_handler()`); a
/// stall waits here until `cancel` or [`STALL_HOLD`].
pub(crate) async fn fault_response(f: &Fault, cancel: &CancellationToken) -> Response {
    if f.body == FaultBody::Stall {
        tokio::select! {
            _ = tokio::time::sleep(STALL_HOLD) => {}
            _ = cancel.cancelled() => {}
        }
        return status_response(&Fault {
            status: 504,
            body: FaultBody::Ucwa,
            ..f.clone()
        });
    }
    status_response(f)
}

/// Relabel a real answer as `text/plain` (the [`FaultBody::WrongContentType`] fault).
pub(crate) fn relabel(mut resp: Response) -> Response {
    resp.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    resp
}

fn status_response(f: &Fault) -> Response {
    let status = StatusCode::from_u16(f.status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let mut resp = match f.body {
        FaultBody::Ucwa | FaultBody::Stall | FaultBody::WrongContentType => ucwa_error(status),
        FaultBody::Html => html(
            status,
            &format!(
                "{} - {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("Error")
            ),
        ),
        FaultBody::MalformedJson => {
            let mut resp = json(status, &());
            *resp.body_mut() = Body::from("{\"code\": \"ServiceFailure\", \"message\": ");
            resp
        }
        FaultBody::Refused => {
            // The first poll of the body fails before the head is flushed: the peer sees the
            // connection close without an answer.
            let mut resp = ucwa_error(status);
            *resp.body_mut() = Body::from_stream(futures_util::stream::once(async {
                Err::<Bytes, _>(Dropped)
            }));
            resp
        }
        FaultBody::Reset => {
            let full = error_bytes(status);
            let mut resp = ucwa_error(status);
            resp.headers_mut().remove(CONTENT_LENGTH);
            *resp.body_mut() = cut_body(full.slice(..full.len() / 2), true);
            resp
        }
        FaultBody::Truncated => {
            let full = error_bytes(status);
            let mut resp = ucwa_error(status);
            resp.headers_mut()
                .insert(CONTENT_LENGTH, HeaderValue::from(full.len()));
            *resp.body_mut() = cut_body(full.slice(..full.len() / 2), false);
            resp
        }
    };
    if status == StatusCode::TOO_MANY_REQUESTS {
        resp.headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(FAULT_RETRY_AFTER_S));
    }
    resp
}

/// `part`, a pause, then an error (`fail`, the connection is dropped mid-body) or the end of
/// a body shorter than its `Content-Length` (hyper closes the connection).
fn cut_body(part: Bytes, fail: bool) -> Body {
    let stream = futures_util::stream::unfold(0u8, move |step| {
        let part = part.clone();
        async move {
            match step {
                0 => Some((Ok(part), 1)),
                1 => {
                    tokio::time::sleep(CUT_PAUSE).await;
                    fail.then_some((Err(Dropped), 2))
                }
                _ => None,
            }
        }
    });
    Body::from_stream(stream)
}

fn ucwa_error_value(status: StatusCode) -> UcwaErrorReply {
    let mut e = UcwaErrorReply::new(
        status,
        ucwa_code(status),
        None,
        "Injected fault (emulator).",
    );
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        e.body.subcode = Some(UcwaSubcode::ServiceTimeout);
    }
    e
}

fn ucwa_error(status: StatusCode) -> Response {
    json(status, &ucwa_error_value(status).body)
}

fn error_bytes(status: StatusCode) -> Bytes {
    Bytes::from(serde_json::to_vec(&ucwa_error_value(status).body).unwrap_or_default())
}

/// The UCWA error code for an HTTP status (docs/protocol.md §9.1).
fn ucwa_code(status: StatusCode) -> UcwaCode {
    match status.as_u16() {
        400 => UcwaCode::BadRequest,
        401 => UcwaCode::Unauthorized,
        403 => UcwaCode::Forbidden,
        404 => UcwaCode::NotFound,
        405 => UcwaCode::MethodNotAllowed,
        408 => UcwaCode::ClientTimeout,
        409 => UcwaCode::Conflict,
        410 => UcwaCode::Gone,
        412 => UcwaCode::PreConditionFailed,
        413 => UcwaCode::EntityTooLarge,
        415 => UcwaCode::UnsupportedMediaType,
        428 => UcwaCode::PreConditionRequired,
        429 => UcwaCode::TooManyRequests,
        503 => UcwaCode::ServiceUnavailable,
        504 => UcwaCode::Timeout,
        _ => UcwaCode::ServiceFailure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    fn fault(status: u16, body: FaultBody) -> Fault {
        Fault::fail(crate::api::wire::Route::Events, 1, status, body)
    }

    #[tokio::test]
    async fn status_faults_carry_their_bodies_and_retry_after() {
        let cancel = CancellationToken::new();
        let r = fault_response(&fault(429, FaultBody::Ucwa), &cancel).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(r.headers()[RETRY_AFTER], "1");
        let body = r.into_body().collect().await.unwrap().to_bytes();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["code"], "TooManyRequests");
        let r = fault_response(&fault(410, FaultBody::Html), &cancel).await;
        assert_eq!(r.status(), StatusCode::GONE);
        assert!(r.headers().get(RETRY_AFTER).is_none());
        assert!(
            r.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let r = relabel(json(StatusCode::OK, &serde_json::json!({"a": 1})));
        assert!(
            r.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        assert!(FaultBody::WrongContentType.runs_handler());
        assert!(!FaultBody::Reset.runs_handler());
    }

    #[tokio::test]
    async fn transport_faults_break_their_bodies() {
        let cancel = CancellationToken::new();
        let refused = fault_response(&fault(200, FaultBody::Refused), &cancel).await;
        assert!(refused.into_body().collect().await.is_err());
        let reset = fault_response(&fault(200, FaultBody::Reset), &cancel).await;
        assert!(reset.headers().get(CONTENT_LENGTH).is_none());
        let mut body = reset.into_body();
        let first = body.frame().await.unwrap().unwrap().into_data().unwrap();
        assert!(!first.is_empty());
        assert!(body.frame().await.unwrap().is_err());
        let cut = fault_response(&fault(200, FaultBody::Truncated), &cancel).await;
        let announced: usize = cut.headers()[CONTENT_LENGTH]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        let sent = cut.into_body().collect().await.unwrap().to_bytes();
        assert!(sent.len() < announced && !sent.is_empty());
    }

    #[tokio::test]
    async fn a_stall_ends_when_the_emulator_stops() {
        let cancel = CancellationToken::new();
        cancel.cancel();
        let r = fault_response(&fault(200, FaultBody::Stall), &cancel).await;
        assert_eq!(r.status(), StatusCode::GATEWAY_TIMEOUT);
    }
}
