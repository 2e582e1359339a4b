//! The pool listener: the anonymous UCWA application, its event channel, the meeting join,
//! in-meeting resources, leaving, and the `me` operations an anonymous user may not call.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::api::wire::events::EventType;
use crate::api::wire::platform::HalResource;
use crate::api::wire::psat::PsatClaims;
use crate::api::wire::ucwa::{ApplicationRequest, OnlineMeetingInvitationRequest};
use crate::api::wire::{Link, Links, Rel, Route, UcwaCode, UcwaSubcode};
use crate::emulator::channel::{Channel, events};
use crate::emulator::config::Role;
use crate::emulator::http::{
    Req, UcwaErrorReply, created, digits, empty, hex_id, json, set_header,
};
use crate::emulator::meeting::{self, Exit};
use crate::emulator::resources::{self as res, Paths, local_person};
use crate::emulator::world::{App, AppState, Phase};
use crate::emulator::{
    Emu, JournalSession, TokenProblem, messaging, phone_audio, phone_resources, remove_app,
    route_table,
};

/// Route names of the pool listener (journal and fault matching).
pub(crate) fn route_name(r: &Req) -> Route {
    if r.method.as_str() == "OPTIONS" {
        return Route::Preflight;
    }
    let segs: Vec<&str> = r.segs.iter().map(String::as_str).collect();
    let ["ucwa", "psanon", "v1", "applications", rest @ ..] = segs.as_slice() else {
        return Route::Unknown;
    };
    app_route_name(r.method.as_str(), rest)
}

/// Route names under an applications collection (`rest` follows `.../applications`); shared
/// with the on-premises `/ucwa/oauth/v1/applications`.
pub(crate) fn app_route_name(method: &str, rest: &[&str]) -> Route {
    route_table::route(method, rest)
}

/// `405` for a method the resource at `r` does not support, with its `Allow` list.
pub(crate) fn method_not_allowed(r: &Req) -> Response {
    let rest: Vec<&str> = r.segs.iter().skip(4).map(String::as_str).collect();
    let mut resp = UcwaErrorReply::new(
        StatusCode::METHOD_NOT_ALLOWED,
        UcwaCode::MethodNotAllowed,
        None,
        &format!("The resource does not support {}.", r.method),
    )
    .into_response();
    set_header(&mut resp, "allow", &route_table::allow(&rest));
    resp
}

/// 401 for a missing, invalid, expired or revoked psat.
fn token_challenge(emu: &Emu, problem: Option<TokenProblem>) -> Response {
    let mut resp = StatusCode::UNAUTHORIZED.into_response();
    let error = match problem {
        Some(TokenProblem::Expired) => {
            "Bearer error=\"invalid_token\", error_description=\"The token has expired\""
        }
        _ => "Bearer error=\"invalid_token\"",
    };
    set_header(&mut resp, "www-authenticate", error);
    set_header(
        &mut resp,
        "x-ms-diagnostics",
        &format!(
            "28055;source=\"{}\";reason=\"The OAuth token is invalid.\"",
            emu.pool_host()
        ),
    );
    resp
}

pub(crate) async fn handle(emu: &Arc<Emu>, route: Route, r: &Req) -> Response {
    match route {
        Route::Preflight => return crate::emulator::preflight(r),
        Route::Unknown => {
            return UcwaErrorReply::not_found("The requested resource does not exist.")
                .into_response();
        }
        Route::MethodNotAllowed => return method_not_allowed(r),
        _ => {}
    }
    let claims = match r.bearer().map(|t| emu.verify_psat(t)) {
        Some(Ok(c)) => c,
        Some(Err(p)) => return token_challenge(emu, Some(p)),
        None => return token_challenge(emu, None),
    };
    let origin = match emu.check_origin(r, &claims.ao) {
        Ok(o) => o,
        Err(e) => return e.into_response(),
    };
    let mut resp = serve_app(emu, route, r, &claims).await;
    set_header(&mut resp, "access-control-allow-origin", &origin);
    set_header(&mut resp, "vary", "Origin");
    resp
}

/// An authenticated request under `/ucwa/{psanon|oauth}/v1/applications`: the application,
/// its event channel, the join and the in-meeting resources.
pub(crate) async fn serve_app(
    emu: &Arc<Emu>,
    route: Route,
    r: &Req,
    claims: &PsatClaims,
) -> Response {
    let app_id = r.segs.get(4).cloned().unwrap_or_default();
    let asi = claims.asi.clone();
    let mut resp = match route {
        Route::Events => events(emu, &app_id, &asi, r).await,
        _ => route_sync(emu, route, &app_id, claims, r).unwrap_or_else(IntoResponse::into_response),
    };
    resp.extensions_mut().insert(JournalSession(asi));
    resp
}

fn route_sync(
    emu: &Arc<Emu>,
    route: Route,
    app_id: &str,
    claims: &PsatClaims,
    r: &Req,
) -> Result<Response, UcwaErrorReply> {
    let asi = claims.asi.as_str();
    let conv_id = r.segs.get(7).map(String::as_str).unwrap_or("");
    match route {
        Route::CreateApplication => create_application(emu, claims, r),
        Route::GetApplication => {
            let w = emu.lock();
            let app = w.app(app_id, asi)?;
            Ok(json(
                StatusCode::OK,
                &res::application(app, app.channel.first_unacked),
            ))
        }
        Route::DeleteApplication => {
            let mut w = emu.lock();
            w.app(app_id, asi)?;
            remove_app(&mut w, app_id, AppState::Deleted, emu.elapsed());
            Ok(empty(StatusCode::NO_CONTENT))
        }
        Route::JoinMeeting => join_meeting(emu, app_id, asi, r),
        Route::DeleteConversation => {
            let mut w = emu.lock();
            let app = w.app_mut(app_id, asi)?;
            if app.live_conv().is_none_or(|c| c.id != conv_id) {
                return Err(UcwaErrorReply::not_found(
                    "The conversation does not exist.",
                ));
            }
            app.conv_deleted_by_client = Some(emu.elapsed());
            meeting::leave(&mut w, app_id, Exit::ClientDelete);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        Route::AddMessaging => messaging::add_messaging(emu, app_id, asi, conv_id, r),
        Route::SendMessage => messaging::send_message(emu, app_id, asi, conv_id, r),
        Route::Typing => messaging::typing(emu, app_id, asi, conv_id),
        Route::StopMessaging => messaging::stop_messaging(emu, app_id, asi, conv_id),
        Route::AddPhoneAudio => phone_audio::add_phone_audio(emu, app_id, asi, conv_id, r),
        Route::StopPhoneAudio => phone_audio::stop_phone_audio(emu, app_id, asi, conv_id),
        Route::ReportActivity | Route::MakeMeAvailable => {
            emu.lock().app(app_id, asi)?;
            Err(UcwaErrorReply::forbidden(
                Some(UcwaSubcode::AnonymousNotAllowed),
                "The operation is not allowed for anonymous users.",
            ))
        }
        Route::GetResource => get_resource(emu, app_id, asi, r),
        _ => Err(UcwaErrorReply::not_found(
            "The requested resource does not exist.",
        )),
    }
}

fn create_application(
    emu: &Arc<Emu>,
    claims: &PsatClaims,
    r: &Req,
) -> Result<Response, UcwaErrorReply> {
    let req: ApplicationRequest = r.body_as(
        &["anonymousDisplayName", "culture", "userAgent", "endpointId"],
        &["culture", "userAgent"],
    )?;
    let culture = req.culture.trim();
    let user_agent = req.user_agent.trim();
    for (param, value, max) in [("culture", culture, 100), ("userAgent", user_agent, 100)] {
        if value.chars().count() > max {
            return Err(UcwaErrorReply::invalid(
                param,
                &format!("The {param} is longer than {max} characters."),
            ));
        }
    }
    let name = req
        .anonymous_display_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    if name.as_ref().is_some_and(|n| n.chars().count() > 250) {
        return Err(UcwaErrorReply::invalid(
            "anonymousDisplayName",
            "The display name is longer than 250 characters.",
        ));
    }
    let mut w = emu.lock();
    // Applications of the on-premises surface carry a prefix that selects their URL space.
    let prefix = if r.segs.get(1).is_some_and(|s| s == "oauth") {
        res::ONPREM_ID_PREFIX
    } else {
        ""
    };
    let id = loop {
        let id = format!("{prefix}{}", digits(12));
        if !w.apps.contains_key(&id) {
            break id;
        }
    };
    let start = fastrand::u64(2..=30);
    let html_messages = claims
        .confid
        .as_deref()
        .and_then(|uri| w.meeting_by_uri(uri))
        .and_then(|m| w.meetings.get(m))
        .is_some_and(|m| m.spec.html_messages);
    let app = App {
        id: id.clone(),
        asi: claims.asi.clone(),
        name,
        culture: culture.to_string(),
        user_agent: user_agent.to_string(),
        confid: claims.confid.clone(),
        me_uri: format!("sip:{}@anonymous.invalid", digits(10)),
        comm_tag: uuid::Uuid::new_v4().to_string(),
        state: AppState::Alive,
        expires_ms: claims.exp.saturating_mul(1000),
        ended_at: None,
        channel: Channel::new(hex_id(40), start),
        conv: None,
        conv_deleted_by_client: None,
        html_messages,
    };
    // The first batch carries the usual housekeeping `communication updated`.
    let p = Paths::new(&id);
    let mut g = res::GroupBuilder::default();
    g.comm(
        &p,
        res::ev(
            EventType::Updated,
            Rel::Communication,
            &p.communication(),
            None,
            Some(&res::communication(&app)),
        ),
    );
    let body = res::application(&app, start);
    w.apps.insert(id.clone(), app);
    if let Some(app) = w.apps.get_mut(&id) {
        app.channel.push(g.build());
    }
    let mut resp = json(StatusCode::CREATED, &body);
    set_header(&mut resp, "location", &p.app);
    Ok(resp)
}

fn join_meeting(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    r: &Req,
) -> Result<Response, UcwaErrorReply> {
    let fields = [
        "onlineMeetingUri",
        "anonymousDisplayName",
        "operationId",
        "importance",
        "subject",
        "threadId",
    ];
    let mut req: OnlineMeetingInvitationRequest = r.body_as(&fields, &[])?;
    if req.online_meeting_uri.trim().is_empty()
        && let Some(q) = r.q("onlineMeetingUri")
    {
        req.online_meeting_uri = q.to_string();
    }
    let outcome = {
        let mut w = emu.lock();
        meeting::join(&mut w, &emu.cfg.tenant, app_id, asi, &req)?
    };
    if let Some((delay, decision, conv_id)) = outcome.timer {
        let app_id = app_id.to_string();
        emu.schedule(delay, move |w, cfg| {
            meeting::decide(w, &cfg.tenant, &app_id, &conv_id, decision)
        });
    }
    Ok(created(&outcome.location))
}

/// A collection resource: `self` plus an array of `item_rel` links.
fn collection(rel: Rel, self_href: String, item_rel: Rel, items: Vec<Link>) -> Response {
    let mut links = Links::new().with(Rel::SelfLink, Link::new(self_href));
    links.insert_many(item_rel, items);
    HalResource {
        rel: Some(rel.into()),
        links,
        ..HalResource::default()
    }
    .respond()
}

// Long on purpose: one arm per resource the pool serves, so a route is found in one place.
fn get_resource(
    emu: &Arc<Emu>,
    app_id: &str,
    asi: &str,
    r: &Req,
) -> Result<Response, UcwaErrorReply> {
    let w = emu.lock();
    let app = w.app(app_id, asi)?;
    let p = Paths::new(app_id);
    let rest: Vec<&str> = r.segs.iter().skip(5).map(String::as_str).collect();
    let missing = || UcwaErrorReply::not_found("The requested resource does not exist.");
    let ok = |v: &dyn erased::Json| Ok(v.respond());
    match rest.as_slice() {
        ["me"] => return ok(&res::me(app)),
        ["communication"] => return ok(&res::communication(app)),
        ["policies"] | ["mediapolicies"] => {
            let rel = if rest[0] == "policies" {
                Rel::Policies
            } else {
                Rel::MediaPolicies
            };
            return ok(&HalResource {
                rel: Some(rel.into()),
                links: Links::new().with(Rel::SelfLink, Link::new(p.sub(rel.as_str()))),
                ..HalResource::default()
            });
        }
        ["communication", "conversations"] => {
            let items = app
                .live_conv()
                .map(|c| Link::new(p.conv(&c.id)))
                .into_iter()
                .collect();
            return Ok(collection(
                Rel::Conversations,
                p.sub("communication/conversations"),
                Rel::Conversation,
                items,
            ));
        }
        _ => {}
    }
    let conv = app.conv.as_ref().ok_or_else(missing)?;
    let meeting = w.meetings.get(conv.meeting).ok_or_else(missing)?;
    match rest.as_slice() {
        ["communication", "onlinemeetinginvitations", inv] if *inv == conv.inv_id => {
            return ok(&res::invitation(app, conv, meeting));
        }
        ["communication", "phoneaudioinvitations", pi]
            if conv.phone.invitation.as_ref().is_some_and(|i| i.id == *pi) =>
        {
            return phone_audio::phone_invitation(app_id, conv)
                .map(|v| v.respond())
                .ok_or_else(missing);
        }
        ["communication", "messaginginvitations", mi]
            if conv
                .messaging
                .invitation
                .as_ref()
                .is_some_and(|i| i.id == *mi) =>
        {
            return res::messaging_invitation(app_id, conv)
                .map(|v| v.respond())
                .ok_or_else(missing);
        }
        _ => {}
    }
    if let ["onlinemeetings", "phonedialininformation", region @ ..] = rest.as_slice() {
        // The guest's meeting's numbers; none when it has no dial-in (docs/protocol.md §6a).
        let dial_in = meeting.spec.phone.dial_in.as_ref().ok_or_else(missing)?;
        return match region {
            [] => ok(&phone_resources::dial_in_information(app_id, dial_in)),
            [n] => n
                .parse::<usize>()
                .ok()
                .and_then(|n| phone_resources::dial_in_region(app_id, dial_in, n))
                .map(|r| r.respond())
                .ok_or_else(missing),
            _ => Err(missing()),
        };
    }
    let ["communication", "conversations", c, tail @ ..] = rest.as_slice() else {
        return Err(missing());
    };
    if *c != conv.id || conv.phase == Phase::Ended {
        return Err(missing());
    }
    let people = if conv.phase == Phase::InMeeting {
        res::roster(&w, conv.meeting, app_id)
    } else {
        Vec::new()
    };
    let me = local_person(app);
    let link = |x: &res::Person| Link::titled(p.participant(c, &x.pid), &x.name);
    let listing = |rel: Rel, role: Option<Role>| {
        let items = std::iter::once(&me)
            .chain(people.iter())
            .filter(|x| role.is_none_or(|r| x.role == r))
            .map(link)
            .collect();
        collection(rel, p.in_conv(c, rel.as_str()), Rel::Participant, items)
    };
    let in_meeting = conv.phase == Phase::InMeeting;
    match tail {
        [] => ok(&res::conversation(
            app,
            conv,
            meeting,
            conv.conv_state(),
            if in_meeting { people.len() + 1 } else { 0 },
        )),
        ["participants"] => Ok(listing(Rel::Participants, None)),
        ["attendees"] => Ok(listing(Rel::Attendees, Some(Role::Attendee))),
        ["leaders"] => Ok(listing(Rel::Leaders, Some(Role::Leader))),
        ["lobby"] => {
            let items = if conv.phase == Phase::Lobby {
                vec![link(&me)]
            } else {
                Vec::new()
            };
            Ok(collection(
                Rel::Lobby,
                p.in_conv(c, Rel::Lobby.as_str()),
                Rel::Participant,
                items,
            ))
        }
        ["participants", pid] if *pid == me.pid => ok(&res::participant(
            app_id,
            conv,
            &me,
            true,
            conv.phase == Phase::Lobby,
        )),
        ["participants", pid] => people
            .iter()
            .find(|x| x.pid == *pid)
            .map(|x| res::participant(app_id, conv, x, false, false).respond())
            .ok_or_else(missing),
        ["onlinemeeting"] => ok(&res::online_meeting(app_id, conv, meeting, &emu.cfg.tenant)),
        ["messaging"] => ok(&res::messaging(app, conv)),
        ["phoneaudio"] => ok(&phone_audio::phone_audio(
            app_id,
            conv,
            meeting.spec.phone.dial_out,
        )),
        ["messaging", "messages", n] => n
            .parse::<usize>()
            .ok()
            .and_then(|n| {
                conv.messaging
                    .messages
                    .get(n.wrapping_sub(1))
                    .map(|m| (n, m))
            })
            .map(|(n, m)| res::message(app_id, conv, n, m).respond())
            .ok_or_else(missing),
        _ => Err(missing()),
    }
}

/// Object-safe "serialise me as a 200 JSON response".
mod erased {
    use axum::http::StatusCode;
    use axum::response::Response;

    pub trait Json {
        fn respond(&self) -> Response;
    }

    impl<T: serde::Serialize> Json for T {
        fn respond(&self) -> Response {
            super::json(StatusCode::OK, self)
        }
    }
}

use erased::Json as _;
