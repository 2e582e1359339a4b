//! A stand-in for a customer's service application (docs/design.md §4) on the platform listener:
//! `POST /serviceapp/GetAnonTokenJob` and `GET /serviceapp/health`. In its faithful mode it
//! answers the contract with a real psat minted by the emulator (the same code as
//! `anonApplicationTokens`); the other modes misbehave on purpose, so `check-service` and
//! `join --service` can be pointed at a broken service. The mode is set through
//! [`Control::set_service_standin`](crate::emulator::Control::set_service_standin) or
//! `POST /control/service-standin`.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::api::wire::service_app::{
    FIELD_ALLOWED_ORIGINS, FIELD_APPLICATION_SESSION_ID, FIELD_MEETING_URL, ServiceHealth,
    TokenResponse,
};
use crate::api::wire::{ServiceError, UcwaDate};
use crate::emulator::anon_routes::mint_guest_token;
use crate::emulator::http::{Req, html, json, set_header, str_field};
use crate::emulator::{Emu, JournalSession};

/// The token route's path (under the platform listener's root).
pub const STANDIN_TOKEN_PATH: &str = "serviceapp/GetAnonTokenJob";
/// The stand-in's health route.
pub const STANDIN_HEALTH_PATH: &str = "serviceapp/health";

/// How the stand-in answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceStandinMode {
    /// The contract: `200 {"DiscoverUri","Token","TenantEndpointId","ExpireTime"}` (all strings,
    /// a real psat), `4xx {"Error","Code"}` for bad requests.
    #[default]
    Faithful,
    /// Every request answered `200 text/html` with a sign-in page (an intercepting proxy).
    HtmlBody,
    /// `ExpireTime` is a JSON number (milliseconds since the epoch) instead of a string.
    NumberExpireTime,
    /// The psat expired an hour ago and `ExpireTime` says so.
    ExpiredToken,
    /// The contract's JSON body, labelled `text/plain`.
    WrongContentType,
    /// Valid requests answered faithfully; bad requests answered `400 text/html`.
    ErrorNotJson,
}

impl ServiceStandinMode {
    pub const ALL: [ServiceStandinMode; 6] = [
        ServiceStandinMode::Faithful,
        ServiceStandinMode::HtmlBody,
        ServiceStandinMode::NumberExpireTime,
        ServiceStandinMode::ExpiredToken,
        ServiceStandinMode::WrongContentType,
        ServiceStandinMode::ErrorNotJson,
    ];
}

/// `GET /serviceapp/health`.
pub(crate) fn health() -> Response {
    json(
        StatusCode::OK,
        &ServiceHealth {
            status: "ok".into(),
            discovery_cached: None,
        },
    )
}

/// `POST /serviceapp/GetAnonTokenJob`.
pub(crate) fn token_job(emu: &Arc<Emu>, r: &Req) -> Response {
    let mode = emu.lock().standin;
    if mode == ServiceStandinMode::HtmlBody {
        return html(StatusCode::OK, "Sign in to your account");
    }
    let refuse = |status: StatusCode, code: &str, message: &str| {
        if mode == ServiceStandinMode::ErrorNotJson {
            html(status, &format!("{} {message}", status.as_u16()))
        } else {
            json(
                status,
                &ServiceError {
                    error: message.to_string(),
                    code: Some(code.to_string()),
                },
            )
        }
    };
    let fields = match read_fields(r) {
        Ok(f) => f,
        Err((status, code, message)) => return refuse(status, code, &message),
    };
    let [asi, origins, meeting] = fields;
    for (value, name) in [
        (&asi, FIELD_APPLICATION_SESSION_ID),
        (&origins, FIELD_ALLOWED_ORIGINS),
        (&meeting, FIELD_MEETING_URL),
    ] {
        if value.is_none() {
            return refuse(
                StatusCode::BAD_REQUEST,
                &format!("Missing{name}"),
                &format!("{name} is required."),
            );
        }
    }
    let expired = mode == ServiceStandinMode::ExpiredToken;
    let minted = match mint_guest_token(
        emu,
        asi.as_deref().unwrap_or_default(),
        origins.as_deref().unwrap_or_default(),
        meeting.as_deref(),
        expired,
    ) {
        Ok(m) => m,
        Err(e) => {
            let message = e.body.message.clone().unwrap_or_default();
            return refuse(e.status, "UpstreamRefused", &message);
        }
    };
    let expire = UcwaDate::from_unix_ms(minted.exp.saturating_mul(1000));
    let answer = TokenResponse {
        discover_uri: Some(minted.discover_href),
        token: Some(minted.token),
        tenant_endpoint_id: Some(emu.cfg.endpoint_sip.clone()),
        expire_time: Some(expire.to_iso()),
    };
    let mut resp = match mode {
        ServiceStandinMode::NumberExpireTime => {
            let mut body = serde_json::to_value(&answer).unwrap_or_default();
            body["ExpireTime"] = serde_json::Value::from(expire.unix_ms);
            json(StatusCode::OK, &body)
        }
        ServiceStandinMode::WrongContentType => {
            let mut resp = json(StatusCode::OK, &answer);
            set_header(&mut resp, "content-type", "text/plain; charset=utf-8");
            resp
        }
        _ => json(StatusCode::OK, &answer),
    };
    resp.extensions_mut().insert(JournalSession(minted.asi));
    resp
}

type Refusal = (StatusCode, &'static str, String);

/// The three fields from a form or JSON body, names matched case-insensitively; blank is absent.
fn read_fields(r: &Req) -> Result<[Option<String>; 3], Refusal> {
    let names = [
        FIELD_APPLICATION_SESSION_ID,
        FIELD_ALLOWED_ORIGINS,
        FIELD_MEETING_URL,
    ];
    let mut out: [Option<String>; 3] = Default::default();
    match r.content_type().as_deref() {
        Some("application/x-www-form-urlencoded") => {
            for (k, v) in url::form_urlencoded::parse(&r.body) {
                if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(&k)) {
                    let v = v.trim();
                    if !v.is_empty() {
                        out[i] = Some(v.to_string());
                    }
                }
            }
        }
        Some("application/json") => {
            let obj = r.json_object(&names).map_err(|_| {
                (
                    StatusCode::BAD_REQUEST,
                    "MalformedBody",
                    "The body is not a JSON object.".to_string(),
                )
            })?;
            for (i, n) in names.iter().enumerate() {
                out[i] = str_field(&obj, n).map(str::to_string);
            }
        }
        other => {
            return Err((
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedContentType",
                format!(
                    "Send the fields as application/x-www-form-urlencoded or application/json (got {}).",
                    other.unwrap_or("no Content-Type")
                ),
            ));
        }
    }
    Ok(out)
}
