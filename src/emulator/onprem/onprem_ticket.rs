//! The on-premises WebTicket service (docs/protocol.md §B.3, §B.4, §9.2; bare section numbers
//! below are that document's): the `MsRtcOAuth` challenge, the anonymous meeting grant and its
//! renewal, and checking the `cwt` tickets it issues.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine as _;

use crate::api::wire::OAuthError;
use crate::api::wire::psat::PsatClaims;
use crate::api::wire::webticket::{
    ANON_MEETING_GRANT, MsRtcOAuthChallenge, WebTicketError, WebTicketGrant, WebTicketToken,
};
use crate::emulator::http::{
    Req, append_header, hex_id, html, json, set_header, token_hash, unix_now,
};
use crate::emulator::{Emu, JournalSession, TokenProblem};

/// An issued anonymous web ticket.
pub(crate) struct Ticket {
    /// The anonymous identity; renewals keep it, and it is the session of the ticket's apps.
    pub asi: String,
    /// The conference the ticket is bound to.
    pub conference_uri: String,
    /// Expiry, unix seconds.
    pub exp: i64,
}

/// The grant types the deployment offers in its challenge: only those [`grant`] accepts, so
/// the anonymous meeting grant or nothing (a real pool also lists `urn:microsoft.rtc:windows`
/// and `password`, which the emulator has no users for; docs/protocol.md §B.3).
fn offered_grants(emu: &Emu) -> Vec<String> {
    if emu.on_prem_config().anonymous_join {
        vec![ANON_MEETING_GRANT.to_string()]
    } else {
        Vec::new()
    }
}

/// 401 with the Bearer and `MsRtcOAuth` challenges and an HTML body (§B.3).
pub(crate) fn challenge(emu: &Emu) -> Response {
    let mut resp = html(
        StatusCode::UNAUTHORIZED,
        "401 - Unauthorized: Access is denied due to invalid credentials.",
    );
    let bearer = format!(
        "Bearer trusted_issuers=\"00000002-0000-0ff1-ce00-000000000000@{}\", client_id=\"00000004-0000-0ff1-ce00-000000000000\"",
        emu.cfg.tenant
    );
    let msrtc = MsRtcOAuthChallenge {
        href: emu.lyncweb_href("WebTicket/oauthtoken"),
        grant_types: offered_grants(emu),
    };
    append_header(&mut resp, "www-authenticate", &bearer);
    append_header(&mut resp, "www-authenticate", &msrtc.render());
    resp
}

/// The claims a valid, unexpired ticket stands for (the shape the UCWA routes take).
pub(crate) fn verify(emu: &Emu, token: &str) -> Result<PsatClaims, TokenProblem> {
    let w = emu.lock();
    let t = w
        .tickets
        .get(&token_hash(token))
        .ok_or(TokenProblem::Invalid)?;
    if t.exp <= unix_now() {
        return Err(TokenProblem::Expired);
    }
    Ok(PsatClaims {
        exp: t.exp,
        asi: t.asi.clone(),
        confid: Some(t.conference_uri.clone()),
        ..PsatClaims::default()
    })
}

/// `400 {"error": ...}` with an `X-Ms-diagnostics` header when `diagnostic` is given.
fn refuse(emu: &Emu, error: OAuthError, diagnostic: Option<(u32, &str)>) -> Response {
    let mut resp = json(StatusCode::BAD_REQUEST, &WebTicketError::new(error));
    if let Some((code, reason)) = diagnostic {
        let host = emu.lyncweb_host();
        set_header(
            &mut resp,
            "x-ms-diagnostics",
            &format!("{code};source=\"{host}\";reason=\"{reason}\""),
        );
    }
    resp
}

const NOT_ALLOWED: (u32, &str) = (28029, "Authentication type not allowed.");
const NO_VALID_TOKEN: (u32, &str) = (28020, "No valid security token.");

/// `POST /WebTicket/oauthtoken`: the anonymous meeting grant, optionally renewing a ticket.
pub(crate) fn grant(emu: &Arc<Emu>, r: &Req) -> Response {
    if r.content_type().as_deref() != Some("application/x-www-form-urlencoded") {
        return refuse(emu, OAuthError::InvalidRequest, None);
    }
    let g = WebTicketGrant::from_form(&r.body);
    if g.grant_type.is_empty() {
        return refuse(emu, OAuthError::InvalidRequest, None);
    }
    if g.grant_type != ANON_MEETING_GRANT || !emu.on_prem_config().anonymous_join {
        return refuse(emu, OAuthError::UnsupportedGrantType, Some(NOT_ALLOWED));
    }
    let (Some(key), Some(uri)) = (g.password.as_deref(), g.ms_rtc_conferenceuri.as_deref()) else {
        return refuse(emu, OAuthError::InvalidRequest, None);
    };
    let lifetime = emu.on_prem_config().ticket_lifetime.as_secs().max(1);
    let now = unix_now();
    let exp = now.saturating_add(i64::try_from(lifetime).unwrap_or(i64::MAX / 4));
    let mut w = emu.lock();
    let Some(m) = w
        .meeting_by_uri(uri)
        .filter(|m| w.meetings.get(*m).is_some_and(|x| !x.ended))
    else {
        return refuse(emu, OAuthError::InvalidGrant, Some(NO_VALID_TOKEN));
    };
    let meeting = &w.meetings[m];
    if meeting.spec.conference_id != key {
        return refuse(emu, OAuthError::InvalidGrant, Some(NO_VALID_TOKEN));
    }
    if !meeting.anonymous_join {
        return refuse(emu, OAuthError::UnsupportedGrantType, Some(NOT_ALLOWED));
    }
    let conference_uri = meeting.uri.clone();
    let asi = match g.ms_rtc_renew.as_deref() {
        None => format!("anon-{}", hex_id(24)),
        Some(old) => match w.tickets.get(&token_hash(old)) {
            Some(t) if t.exp > now && t.conference_uri == conference_uri => t.asi.clone(),
            _ => return refuse(emu, OAuthError::InvalidGrant, Some(NO_VALID_TOKEN)),
        },
    };
    let mut raw = Vec::with_capacity(48);
    for _ in 0..3 {
        raw.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    let token = format!(
        "cwt={}",
        base64::engine::general_purpose::STANDARD.encode(&raw)
    );
    w.tickets.insert(
        token_hash(&token),
        Ticket {
            asi: asi.clone(),
            conference_uri,
            exp,
        },
    );
    // A renewed identity keeps its applications alive for the new ticket's lifetime.
    let exp_ms = exp.saturating_mul(1000);
    for app in w.apps.values_mut().filter(|a| a.asi == asi) {
        app.expires_ms = app.expires_ms.max(exp_ms);
    }
    drop(w);
    let mut resp = json(StatusCode::OK, &WebTicketToken::new(token, lifetime));
    set_header(&mut resp, "cache-control", "no-store");
    resp.extensions_mut().insert(JournalSession(asi));
    resp
}
