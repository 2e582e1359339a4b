//! The platform listener: AAD stand-in, Trusted Application API (discover, applications,
//! capabilities, anonApplicationTokens, adhocMeetings) and the guest's anonymous discover.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::config::{EventStyle, LobbyPolicy, MeetingSpec};
use super::http::{
    ApiError, Req, decode_fully, encode_component, html, is_local_origin, json, normalize_origin,
    set_header, str_field, token_hash, unix_now,
};
use super::world::Meeting;
use super::{Emu, Session, TokenProblem};
use crate::api::wire::platform::{
    AadError, AadTokenResponse, AdhocMeeting, AnonTokenResponse, HalResource,
};
use crate::api::wire::psat::{self, PsatClaims};
use crate::api::wire::ucwa::AnonDiscover;
use crate::api::wire::{Embedded, Link, Links, UcwaDate};

/// Route names of the platform listener (journal and fault matching).
pub(crate) fn route_name(r: &Req) -> &'static str {
    let segs: Vec<&str> = r.segs.iter().map(String::as_str).collect();
    match (r.method.as_str(), segs.as_slice()) {
        (_, ["control", ..]) => "control",
        ("OPTIONS", _) => "preflight",
        ("POST", [_, "oauth2", "token"]) => "aad_token",
        ("GET", ["platformservice", "discover"]) => {
            if context_param(r).is_some() {
                "anon_discover"
            } else {
                "platform_discover"
            }
        }
        ("GET", ["platformservice", "v1", "applications"]) => "applications",
        ("GET", ["platformservice", "v1", "applications", _]) => "application",
        (
            "POST",
            [
                "platformservice",
                "v1",
                "applications",
                _,
                "anonapplicationtokens",
            ],
        ) => "anon_tokens",
        ("POST", ["platformservice", "v1", "applications", _, "adhocmeetings"]) => "adhoc_meetings",
        _ => "unknown",
    }
}

fn context_param(r: &Req) -> Option<(&'static str, &str)> {
    ["anonymousMeetingJoinContext", "anonymousContext"]
        .into_iter()
        .find_map(|name| r.q(name).map(|v| (name, v)))
}

pub(crate) async fn handle(emu: &Arc<Emu>, route: &str, r: &Req) -> Response {
    let result = match route {
        "control" => return super::control::handle_http(emu, r),
        "preflight" => return super::preflight(r),
        "aad_token" => return aad_token(emu, r),
        "anon_discover" => anon_discover(emu, r),
        "platform_discover" => with_aad(emu, r, platform_discover),
        "applications" => with_aad(emu, r, applications),
        "application" => with_aad(emu, r, capabilities),
        "anon_tokens" => with_aad(emu, r, anon_tokens),
        "adhoc_meetings" => with_aad(emu, r, adhoc_meetings),
        _ => Err(ApiError::not_found(
            "The requested resource does not exist.",
        )),
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

type Handler = fn(&Arc<Emu>, &Req) -> Result<Response, ApiError>;

/// Run `f` when the request carries a live AAD token, else answer the 401 challenge.
fn with_aad(emu: &Arc<Emu>, r: &Req, f: Handler) -> Result<Response, ApiError> {
    let now = unix_now();
    let ok = r.bearer().is_some_and(|t| {
        emu.lock()
            .aad_tokens
            .get(&token_hash(t))
            .is_some_and(|exp| *exp > now)
    });
    if ok { f(emu, r) } else { Ok(challenge(emu)) }
}

/// 401 with the two challenges of the published trace and an HTML body.
fn challenge(emu: &Emu) -> Response {
    let mut resp = html(
        StatusCode::UNAUTHORIZED,
        "401 - Unauthorized: Access is denied due to invalid credentials.",
    );
    let bearer = format!(
        "Bearer trusted_issuers=\"00000001-0000-0000-c000-000000000000@*\", client_id=\"00000004-0000-0ff1-ce00-000000000000\", authorization_uri=\"{}{}/oauth2/authorize\"",
        emu.platform, emu.cfg.tenant
    );
    let msrtc = format!(
        "MsRtcOAuth href=\"{}WebTicket/oauthtoken\",grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\"",
        emu.platform
    );
    super::http::append_header(&mut resp, "www-authenticate", &bearer);
    super::http::append_header(&mut resp, "www-authenticate", &msrtc);
    resp
}

fn aad_error(status: StatusCode, error: &str, code: u32, description: &str) -> Response {
    json(
        status,
        &AadError {
            error: error.to_string(),
            error_description: Some(format!("AADSTS{code}: {description}")),
            error_codes: vec![code],
        },
    )
}

/// `POST /{tenant}/oauth2/token` (client credentials).
fn aad_token(emu: &Arc<Emu>, r: &Req) -> Response {
    let bad = StatusCode::BAD_REQUEST;
    let tenant = r.segs.first().map(String::as_str).unwrap_or("");
    if !tenant.eq_ignore_ascii_case(&emu.cfg.tenant) {
        return aad_error(
            bad,
            "invalid_request",
            90002,
            &format!("Tenant '{tenant}' not found."),
        );
    }
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&r.body).into_owned().collect();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    if field("grant_type") != Some("client_credentials") {
        return aad_error(
            bad,
            "unsupported_grant_type",
            70003,
            "The app requested an unsupported grant type.",
        );
    }
    let Some(client_id) = field("client_id") else {
        return aad_error(
            bad,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'client_id'.",
        );
    };
    if client_id != emu.cfg.client_id {
        return aad_error(
            bad,
            "invalid_client",
            700016,
            &format!("Application with identifier '{client_id}' was not found in the directory."),
        );
    }
    match (field("client_secret"), field("client_assertion")) {
        (Some(secret), _) if secret == emu.cfg.client_secret => {}
        (Some(_), _) => {
            return aad_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                7000215,
                "Invalid client secret provided.",
            );
        }
        // Certificate credentials cannot be checked by the emulator: any assertion is accepted.
        (None, Some(_))
            if field("client_assertion_type")
                == Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") => {}
        _ => {
            return aad_error(
                bad,
                "invalid_request",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            );
        }
    }
    let Some(resource) = field("resource") else {
        return aad_error(
            bad,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'resource'.",
        );
    };
    let token = format!(
        "emu-aad-{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    let lifetime = emu.cfg.aad_token_lifetime.as_secs();
    emu.lock().aad_tokens.insert(
        token_hash(&token),
        unix_now() + i64::try_from(lifetime).unwrap_or(i64::MAX / 2),
    );
    json(
        StatusCode::OK,
        &AadTokenResponse {
            token_type: "Bearer".into(),
            expires_in: Some(lifetime.to_string()),
            access_token: token,
            resource: Some(resource.to_string()),
        },
    )
}

fn platform_discover(emu: &Arc<Emu>, _r: &Req) -> Result<Response, ApiError> {
    let pre = emu.cfg.rel_prefix;
    let links = Links::new()
        .with(
            "self",
            Link::new(format!("{}platformservice/discover", emu.platform)),
        )
        .with(
            &pre.rel("applications"),
            Link::new(format!("{}platformService/v1/applications", emu.platform)),
        )
        .with(
            "myApplications",
            Link::new(format!("{}platformService/v1/myApplications", emu.platform)),
        );
    Ok(json(
        StatusCode::OK,
        &HalResource {
            rel: Some(pre.rel("discover")),
            links,
            ..HalResource::default()
        },
    ))
}

/// 403 ApplicationNotFound unless `endpointId` names the configured endpoint.
fn check_endpoint(emu: &Emu, r: &Req) -> Result<(), ApiError> {
    if r.q("endpointId")
        .is_some_and(|e| e.trim().eq_ignore_ascii_case(&emu.cfg.endpoint_sip))
    {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            Some("ApplicationNotFound"),
            "No application is registered for this endpoint and token.",
        ))
    }
}

/// Checks for routes under `/platformservice/v1/applications/{appId}`.
fn check_app(emu: &Emu, r: &Req) -> Result<(), ApiError> {
    check_endpoint(emu, r)?;
    if r.segs.get(3).is_some_and(|id| *id == emu.tap_app_id) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "NotFound",
            Some("ApplicationNotFound"),
            "The application does not exist.",
        ))
    }
}

fn applications(emu: &Arc<Emu>, r: &Req) -> Result<Response, ApiError> {
    check_endpoint(emu, r)?;
    let pre = emu.cfg.rel_prefix;
    let href = format!(
        "/platformservice/v1/applications/{}?endpointId={}",
        emu.tap_app_id,
        encode_component(&emu.cfg.endpoint_sip)
    );
    Ok(json(
        StatusCode::OK,
        &HalResource {
            rel: Some(pre.rel("applications")),
            links: Links::new()
                .with("self", Link::new("/platformservice/v1/applications"))
                .with(&pre.rel("application"), Link::new(href)),
            ..HalResource::default()
        },
    ))
}

fn capabilities(emu: &Arc<Emu>, r: &Req) -> Result<Response, ApiError> {
    check_app(emu, r)?;
    let pre = emu.cfg.rel_prefix;
    let base = format!("/platformservice/v1/applications/{}", emu.tap_app_id);
    let ep = format!("endpointId={}", emu.cfg.endpoint_sip);
    let sub = |rest: &str| Link::new(format!("{base}/{rest}?{ep}"));
    let communication = HalResource {
        rel: Some(pre.rel("communication")),
        links: Links::new()
            .with("self", sub("communication"))
            .with(
                &pre.rel("joinOnlineMeeting"),
                sub("communication/onlineMeetingInvitations"),
            )
            .with(
                &pre.rel("inviteUserToMeeting"),
                sub("communication/userMeetingInvitations"),
            )
            .with(
                &pre.rel("startMessaging"),
                sub("communication/messagingInvitations"),
            )
            .with(
                &pre.rel("startAudioVideo"),
                Link::new(format!(
                    "{base}/communication/audioVideoInvitations?modalities=AudioVideo&{ep}"
                )),
            )
            .with(
                &pre.rel("startAudio"),
                Link::new(format!(
                    "{base}/communication/audioVideoInvitations?modalities=Audio&{ep}"
                )),
            ),
        embedded: Embedded::new(),
        etag: Some("4294967295".into()),
    };
    let my_meetings = HalResource {
        rel: Some("myOnlineMeetings".into()),
        links: Links::new().with("self", sub("myOnlineMeetings")),
        ..HalResource::default()
    };
    let adhoc = HalResource {
        rel: Some(pre.rel("adhocMeetings")),
        links: Links::new().with("self", sub("adhocMeetings")),
        ..HalResource::default()
    };
    Ok(json(
        StatusCode::OK,
        &HalResource {
            rel: Some(pre.rel("application")),
            links: Links::new()
                .with(
                    "self",
                    Link::new(format!(
                        "{base}?endpointId={}",
                        encode_component(&emu.cfg.endpoint_sip)
                    )),
                )
                .with(
                    &pre.rel("anonApplicationTokens"),
                    sub("anonApplicationTokens"),
                ),
            embedded: Embedded::new()
                .with(&pre.rel("communication"), &communication)
                .with("myOnlineMeetings", &my_meetings)
                .with(&pre.rel("adhocMeetings"), &adhoc),
            etag: None,
        },
    ))
}

/// `allowedOrigins` → `;`-joined origins with paths stripped, or the reason it is invalid.
fn parse_origins(raw: &str) -> Result<String, String> {
    let mut out = Vec::new();
    for o in raw.split(';').map(str::trim).filter(|o| !o.is_empty()) {
        let n = normalize_origin(o).ok_or_else(|| format!("'{o}' is not a web origin."))?;
        let local_http = n.starts_with("http://") && is_local_origin(&n);
        if !(n.starts_with("https://") || local_http) {
            return Err(format!("'{o}' is not an HTTPS origin."));
        }
        out.push(n);
    }
    if out.is_empty() {
        return Err("allowedOrigins lists no origin.".into());
    }
    Ok(out.join(";"))
}

fn anon_tokens(emu: &Arc<Emu>, r: &Req) -> Result<Response, ApiError> {
    check_app(emu, r)?;
    let obj = r.json_object(&["applicationSessionId", "allowedOrigins", "meetingUrl"])?;
    let asi = str_field(&obj, "applicationSessionId").ok_or_else(|| {
        ApiError::invalid(
            "applicationSessionId",
            "The applicationSessionId property is required.",
        )
    })?;
    if asi.len() > 256 {
        return Err(ApiError::invalid(
            "applicationSessionId",
            "The applicationSessionId is too long.",
        ));
    }
    let origins = str_field(&obj, "allowedOrigins").ok_or_else(|| {
        ApiError::invalid("allowedOrigins", "The allowedOrigins property is required.")
    })?;
    let ao = parse_origins(origins).map_err(|m| ApiError::invalid("allowedOrigins", &m))?;
    let confid = match obj.get("meetingUrl") {
        None | Some(serde_json::Value::Null) => None,
        Some(_) => {
            let url = str_field(&obj, "meetingUrl").ok_or_else(|| {
                ApiError::invalid(
                    "meetingUrl",
                    "The meetingUrl property must be a meeting join URL.",
                )
            })?;
            let w = emu.lock();
            let m = w.meeting_by_url(url).ok_or_else(|| {
                let mut e = ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "BadRequest",
                    Some("DestinationNotFound"),
                    "The meeting URL is not valid for this tenant",
                );
                e.body.parameters = Some(
                    serde_json::json!([{ "name": "meetingUrl", "reason": "unknown meeting" }]),
                );
                e
            })?;
            Some(w.meetings[m].uri.clone())
        }
    };
    let now = unix_now();
    let exp = now + i64::try_from(emu.cfg.token_lifetime.as_secs()).unwrap_or(i64::MAX / 2);
    let serial = emu.lock().next_serial();
    let claims = PsatClaims {
        nbf: now,
        exp,
        ruu: Some(format!("sip:pool{serial:05}meet@{}", emu.cfg.tenant)),
        asi: asi.to_string(),
        aeu: Some(emu.cfg.endpoint_sip.clone()),
        ao,
        confid: confid.clone(),
        ucwaext: Some(format!("{}ucwa/v1/applications", emu.pool)),
    };
    let token = psat::mint(&claims, &emu.cfg.signing_key);
    emu.lock().psats.insert(
        token_hash(&token),
        super::world::PsatRecord {
            asi: asi.to_string(),
            revoked: false,
        },
    );
    let param = if confid.is_some() {
        "anonymousMeetingJoinContext"
    } else {
        "anonymousContext"
    };
    let context = encode_component(&encode_component(&token));
    let pre = emu.cfg.rel_prefix;
    let body = AnonTokenResponse {
        token,
        expiry_time: UcwaDate::from_unix_ms(exp * 1000),
        links: Links::new()
            .with(
                "self",
                Link::new(format!(
                    "{}platformservice/v1/applications/{}/anonApplicationTokens?endpointId={}",
                    emu.platform, emu.tap_app_id, emu.cfg.endpoint_sip
                )),
            )
            .with(
                &pre.rel("discover"),
                Link::new(format!(
                    "{}platformService/discover?{param}={context}",
                    emu.platform
                )),
            ),
        rel: Some(pre.rel("anonApplicationToken")),
    };
    let mut resp = json(StatusCode::OK, &body);
    resp.extensions_mut().insert(Session(asi.to_string()));
    Ok(resp)
}

fn adhoc_meetings(emu: &Arc<Emu>, r: &Req) -> Result<Response, ApiError> {
    check_app(emu, r)?;
    let obj = r.json_object(&["subject", "accessLevel", "description"])?;
    let subject = str_field(&obj, "subject")
        .unwrap_or("Ad hoc meeting")
        .to_string();
    let access = str_field(&obj, "accessLevel")
        .unwrap_or("Everyone")
        .to_string();
    let policy = match access.to_ascii_lowercase().as_str() {
        "everyone" => LobbyPolicy::Open,
        "locked" => LobbyPolicy::Locked,
        "invited" | "sameenterprise" | "none" => LobbyPolicy::Manual,
        _ => {
            return Err(ApiError::invalid(
                "accessLevel",
                "accessLevel must be Everyone, Invited, SameEnterprise, Locked or None.",
            ));
        }
    };
    let mut w = emu.lock();
    let serial = w.next_serial();
    let organizer = format!("adhoc{serial:04}meet");
    let id: String = (0..8)
        .map(|_| char::from(b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[fastrand::usize(0..32)]))
        .collect();
    let host = w
        .meetings
        .first()
        .and_then(|m| url::Url::parse(&m.spec.join_url).ok())
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| format!("meet.{}", emu.cfg.tenant));
    let spec = MeetingSpec {
        join_url: format!("https://{host}/{organizer}/{id}"),
        organizer: organizer.clone(),
        conference_id: id.clone(),
        subject: subject.clone(),
        policy,
        participants: Vec::new(),
        event_style: EventStyle::Detailed,
    };
    let meeting = Meeting::new(spec.clone(), &emu.cfg.tenant, true);
    let uri = meeting.uri.clone();
    w.meetings.push(meeting);
    drop(w);
    let pre = emu.cfg.rel_prefix;
    let expires = UcwaDate::from_unix_ms(
        super::http::unix_now_ms()
            + i64::try_from(Duration::from_secs(8 * 3600).as_millis()).unwrap_or(0),
    );
    let base = format!("/platformservice/v1/applications/{}", emu.tap_app_id);
    let body = AdhocMeeting {
        subject: Some(subject),
        join_url: Some(spec.join_url),
        online_meeting_uri: Some(uri.clone()),
        online_meeting_id: Some(id.clone()),
        conference_id: Some(id.clone()),
        access_level: Some(policy.access_level().into()),
        expiration_time: Some(expires),
        links: Links::new()
            .with(
                "self",
                Link::new(format!(
                    "{base}/adhocMeetings/{id}?endpointId={}",
                    emu.cfg.endpoint_sip
                )),
            )
            .with(
                &pre.rel("joinAdhocMeeting"),
                Link::new(format!(
                    "{}{}/communication/onlineMeetingInvitations?confUrl={uri}&endpointId={}",
                    emu.platform,
                    base.trim_start_matches('/'),
                    emu.cfg.endpoint_sip
                )),
            )
            .with(
                "applications",
                Link::new(format!("{}ucwa/v1/applications", emu.pool)),
            ),
    };
    Ok(json(StatusCode::OK, &body))
}

/// The guest's `GET /platformService/discover?anonymousMeetingJoinContext=...`.
fn anon_discover(emu: &Arc<Emu>, r: &Req) -> Result<Response, ApiError> {
    let Some((param, value)) = context_param(r) else {
        return Err(ApiError::not_found(
            "The requested resource does not exist.",
        ));
    };
    let token = decode_fully(value);
    let claims = match emu.verify_psat(&token) {
        Ok(c) => c,
        Err(problem) => {
            let (subcode, message) = match problem {
                TokenProblem::Expired => ("ExpiredToken", "The OAuth token has expired."),
                TokenProblem::Invalid => ("InvalidToken", "The OAuth token is invalid."),
            };
            let mut resp = json(
                StatusCode::UNAUTHORIZED,
                &crate::api::wire::UcwaError::new("Unauthorized", Some(subcode), message),
            );
            set_header(
                &mut resp,
                "www-authenticate",
                "Bearer error=\"invalid_token\"",
            );
            set_header(
                &mut resp,
                "x-ms-diagnostics",
                &format!(
                    "28055;source=\"{}\";reason=\"{message}\"",
                    emu.platform_host()
                ),
            );
            return Ok(resp);
        }
    };
    let origin = emu.check_origin(r, &claims.ao)?;
    let pre = emu.cfg.rel_prefix;
    let raw = r.raw_q(param).unwrap_or_default();
    let mut properties = serde_json::Map::new();
    if let Some(c) = &claims.confid {
        properties.insert("conferenceId".into(), c.clone().into());
    }
    let body = AnonDiscover {
        rel: Some(pre.rel("discover")),
        links: Links::new()
            .with(
                "self",
                Link::new(format!(
                    "{}platformService/discover?{param}={raw}",
                    emu.platform
                )),
            )
            .with(
                &pre.rel("applications"),
                Link::new(format!("{}platformService/v1/applications", emu.platform)),
            )
            .with(
                "myApplications",
                Link::new(format!("{}platformService/v1/myApplications", emu.platform)),
            )
            .with(
                "anonApplications",
                Link::new(format!("{}ucwa/psanon/v1/applications", emu.pool)),
            ),
        properties,
    };
    let mut resp = json(StatusCode::OK, &body);
    set_header(&mut resp, "access-control-allow-origin", &origin);
    set_header(&mut resp, "vary", "Origin");
    resp.extensions_mut().insert(Session(claims.asi));
    Ok(resp)
}
