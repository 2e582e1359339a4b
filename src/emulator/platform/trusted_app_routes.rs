//! The platform listener: routing, the AAD stand-in and the service application's side of the
//! Trusted Application API (discover, applications, capabilities, adhocMeetings). Tokens and the
//! guest's discover are in `anon_routes`.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::api::wire::platform::{AadErrorResponse, AadTokenResponse, AdhocMeeting, HalResource};
use crate::api::wire::{
    Embedded, Link, Links, OAuthError, Rel, Route, UcwaCode, UcwaDate, UcwaSubcode,
};
use crate::emulator::Emu;
use crate::emulator::config::{EventStyle, LobbyPolicy, MeetingPhone, MeetingSpec};
use crate::emulator::http::{
    Req, UcwaErrorReply, encode_component, html, json, str_field, token_hash, unix_now,
};
use crate::emulator::world::Meeting;

/// Route names of the platform listener (journal and fault matching).
pub(crate) fn route_name(r: &Req) -> Route {
    let segs: Vec<&str> = r.segs.iter().map(String::as_str).collect();
    match (r.method.as_str(), segs.as_slice()) {
        (_, ["control", ..]) => Route::Control,
        ("OPTIONS", _) => Route::Preflight,
        ("POST", ["serviceapp", "getanontokenjob"]) => Route::ServiceStandin,
        ("GET", ["serviceapp", "health"]) => Route::ServiceStandinHealth,
        ("POST", [_, "oauth2", "token"]) => Route::AadToken,
        ("GET", ["platformservice", "discover"]) => {
            if context_param(r).is_some() {
                Route::AnonDiscover
            } else {
                Route::PlatformDiscover
            }
        }
        ("GET", ["platformservice", "v1", "applications"]) => Route::Applications,
        ("GET", ["platformservice", "v1", "applications", _]) => Route::Application,
        (
            "POST",
            [
                "platformservice",
                "v1",
                "applications",
                _,
                "anonapplicationtokens",
            ],
        ) => Route::AnonTokens,
        ("POST", ["platformservice", "v1", "applications", _, "adhocmeetings"]) => {
            Route::AdhocMeetings
        }
        _ => Route::Unknown,
    }
}

pub(crate) fn context_param(r: &Req) -> Option<(&'static str, &str)> {
    ["anonymousMeetingJoinContext", "anonymousContext"]
        .into_iter()
        .find_map(|name| r.q(name).map(|v| (name, v)))
}

pub(crate) async fn handle(emu: &Arc<Emu>, route: Route, r: &Req) -> Response {
    let result = match route {
        Route::Control => return crate::emulator::control::handle_http(emu, r),
        Route::Preflight => return crate::emulator::preflight(r),
        Route::ServiceStandin => return crate::emulator::service_standin::token_job(emu, r),
        Route::ServiceStandinHealth => return crate::emulator::service_standin::health(),
        Route::AadToken => return aad_token(emu, r),
        Route::AnonDiscover => crate::emulator::anon_routes::anon_discover(emu, r),
        Route::PlatformDiscover => with_aad(emu, r, platform_discover),
        Route::Applications => with_aad(emu, r, applications),
        Route::Application => with_aad(emu, r, capabilities),
        Route::AnonTokens => with_aad(emu, r, crate::emulator::anon_routes::anon_tokens),
        Route::AdhocMeetings => with_aad(emu, r, adhoc_meetings),
        _ => Err(UcwaErrorReply::not_found(
            "The requested resource does not exist.",
        )),
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

type Handler = fn(&Arc<Emu>, &Req) -> Result<Response, UcwaErrorReply>;

/// Run `f` when the request carries a live AAD token, else answer the 401 challenge.
fn with_aad(emu: &Arc<Emu>, r: &Req, f: Handler) -> Result<Response, UcwaErrorReply> {
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
    crate::emulator::http::append_header(&mut resp, "www-authenticate", &bearer);
    crate::emulator::http::append_header(&mut resp, "www-authenticate", &msrtc);
    resp
}

fn aad_error(status: StatusCode, error: OAuthError, code: u32, description: &str) -> Response {
    json(
        status,
        &AadErrorResponse {
            error,
            error_description: Some(format!("AADSTS{code}: {description}")),
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
            OAuthError::InvalidRequest,
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
            OAuthError::UnsupportedGrantType,
            70003,
            "The app requested an unsupported grant type.",
        );
    }
    let Some(client_id) = field("client_id") else {
        return aad_error(
            bad,
            OAuthError::InvalidRequest,
            900144,
            "The request body must contain the following parameter: 'client_id'.",
        );
    };
    if client_id != emu.cfg.client_id {
        return aad_error(
            bad,
            OAuthError::InvalidClient,
            700016,
            &format!("Application with identifier '{client_id}' was not found in the directory."),
        );
    }
    match (field("client_secret"), field("client_assertion")) {
        (Some(secret), _) if secret == emu.cfg.client_secret => {}
        (Some(_), _) => {
            return aad_error(
                StatusCode::UNAUTHORIZED,
                OAuthError::InvalidClient,
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
                OAuthError::InvalidRequest,
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            );
        }
    }
    let Some(resource) = field("resource") else {
        return aad_error(
            bad,
            OAuthError::InvalidRequest,
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

fn platform_discover(emu: &Arc<Emu>, _r: &Req) -> Result<Response, UcwaErrorReply> {
    let pre = emu.cfg.rel_prefix;
    let links = discover_links(emu, format!("{}platformservice/discover", emu.platform));
    Ok(json(
        StatusCode::OK,
        &HalResource {
            rel: Some(pre.rel(Rel::Discover).into()),
            links,
            ..HalResource::default()
        },
    ))
}

/// The links both discover documents carry: `self`, `{prefix}applications`, `myApplications`.
pub(crate) fn discover_links(emu: &Emu, self_href: String) -> Links {
    Links::new()
        .with(Rel::SelfLink, Link::new(self_href))
        .with(
            emu.cfg.rel_prefix.rel(Rel::Applications),
            Link::new(format!("{}platformService/v1/applications", emu.platform)),
        )
        .with(
            Rel::MyApplications,
            Link::new(format!("{}platformService/v1/myApplications", emu.platform)),
        )
}

/// 403 ApplicationNotFound unless `endpointId` names the configured endpoint.
fn check_endpoint(emu: &Emu, r: &Req) -> Result<(), UcwaErrorReply> {
    if r.q("endpointId")
        .is_some_and(|e| e.trim().eq_ignore_ascii_case(&emu.cfg.endpoint_sip))
    {
        Ok(())
    } else {
        Err(UcwaErrorReply::forbidden(
            Some(UcwaSubcode::ApplicationNotFound),
            "No application is registered for this endpoint and token.",
        ))
    }
}

/// Checks for routes under `/platformservice/v1/applications/{appId}`.
pub(crate) fn check_app(emu: &Emu, r: &Req) -> Result<(), UcwaErrorReply> {
    check_endpoint(emu, r)?;
    if r.segs.get(3).is_some_and(|id| *id == emu.tap_app_id) {
        Ok(())
    } else {
        Err(UcwaErrorReply::new(
            StatusCode::NOT_FOUND,
            UcwaCode::NotFound,
            Some(UcwaSubcode::ApplicationNotFound),
            "The application does not exist.",
        ))
    }
}

fn applications(emu: &Arc<Emu>, r: &Req) -> Result<Response, UcwaErrorReply> {
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
            rel: Some(pre.rel(Rel::Applications).into()),
            links: Links::new()
                .with(Rel::SelfLink, Link::new("/platformservice/v1/applications"))
                .with(pre.rel(Rel::Application), Link::new(href)),
            ..HalResource::default()
        },
    ))
}

fn capabilities(emu: &Arc<Emu>, r: &Req) -> Result<Response, UcwaErrorReply> {
    check_app(emu, r)?;
    let pre = emu.cfg.rel_prefix;
    let base = format!("/platformservice/v1/applications/{}", emu.tap_app_id);
    let ep = format!("endpointId={}", emu.cfg.endpoint_sip);
    let sub = |rest: &str| Link::new(format!("{base}/{rest}?{ep}"));
    let communication = HalResource {
        rel: Some(pre.rel(Rel::Communication).into()),
        links: Links::new()
            .with(Rel::SelfLink, sub("communication"))
            .with(
                pre.rel(Rel::JoinOnlineMeeting),
                sub("communication/onlineMeetingInvitations"),
            )
            .with(
                pre.rel(Rel::InviteUserToMeeting),
                sub("communication/userMeetingInvitations"),
            )
            .with(
                pre.rel(Rel::StartMessaging),
                sub("communication/messagingInvitations"),
            )
            .with(
                pre.rel(Rel::StartAudioVideo),
                Link::new(format!(
                    "{base}/communication/audioVideoInvitations?modalities=AudioVideo&{ep}"
                )),
            )
            .with(
                pre.rel(Rel::StartAudio),
                Link::new(format!(
                    "{base}/communication/audioVideoInvitations?modalities=Audio&{ep}"
                )),
            ),
        embedded: Embedded::new(),
        etag: Some("4294967295".into()),
    };
    let my_meetings = HalResource {
        rel: Some(Rel::MyOnlineMeetings.into()),
        links: Links::new().with(Rel::SelfLink, sub("myOnlineMeetings")),
        ..HalResource::default()
    };
    let adhoc = HalResource {
        rel: Some(pre.rel(Rel::AdhocMeetings).into()),
        links: Links::new().with(Rel::SelfLink, sub("adhocMeetings")),
        ..HalResource::default()
    };
    Ok(json(
        StatusCode::OK,
        &HalResource {
            rel: Some(pre.rel(Rel::Application).into()),
            links: Links::new()
                .with(
                    Rel::SelfLink,
                    Link::new(format!(
                        "{base}?endpointId={}",
                        encode_component(&emu.cfg.endpoint_sip)
                    )),
                )
                .with(
                    pre.rel(Rel::AnonApplicationTokens),
                    sub("anonApplicationTokens"),
                ),
            embedded: Embedded::new()
                .with(pre.rel(Rel::Communication), &communication)
                .with(Rel::MyOnlineMeetings, &my_meetings)
                .with(pre.rel(Rel::AdhocMeetings), &adhoc),
            etag: None,
        },
    ))
}

fn adhoc_meetings(emu: &Arc<Emu>, r: &Req) -> Result<Response, UcwaErrorReply> {
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
            return Err(UcwaErrorReply::invalid(
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
        anonymous_join: true,
        html_messages: false,
        chatter_ms: None,
        phone: MeetingPhone::default(),
    };
    let meeting = Meeting::new(spec.clone(), &emu.cfg.tenant, true);
    let uri = meeting.uri.clone();
    w.meetings.push(meeting);
    drop(w);
    let pre = emu.cfg.rel_prefix;
    let expires = UcwaDate::from_unix_ms(
        crate::emulator::http::unix_now_ms()
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
                Rel::SelfLink,
                Link::new(format!(
                    "{base}/adhocMeetings/{id}?endpointId={}",
                    emu.cfg.endpoint_sip
                )),
            )
            .with(
                pre.rel(Rel::JoinAdhocMeeting),
                Link::new(format!(
                    "{}{}/communication/onlineMeetingInvitations?confUrl={uri}&endpointId={}",
                    emu.platform,
                    base.trim_start_matches('/'),
                    emu.cfg.endpoint_sip
                )),
            )
            .with(
                Rel::Applications,
                Link::new(format!("{}ucwa/v1/applications", emu.pool)),
            ),
    };
    Ok(json(StatusCode::OK, &body))
}
