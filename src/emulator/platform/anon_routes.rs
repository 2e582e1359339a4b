//! The guest-facing part of the platform service: minting anonymous tokens
//! (`anonApplicationTokens`) and the guest's anonymous discover.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::Response;

use crate::api::wire::platform::{AnonTokenRequest, AnonTokenResponse};
use crate::api::wire::psat::{self, PsatClaims};
use crate::api::wire::ucwa::AnonDiscover;
use crate::api::wire::{Link, Links, Rel, UcwaCode, UcwaDate, UcwaError, UcwaSubcode};
use crate::emulator::http::{
    Req, UcwaErrorReply, decode_fully, encode_component, is_local_origin, json, normalize_origin,
    set_header, token_hash, unix_now,
};
use crate::emulator::trusted_app_routes::{check_app, context_param, discover_links};
use crate::emulator::{Emu, JournalSession, TokenProblem};

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

/// A psat minted for a guest, with the discover link that carries it.
pub(crate) struct Minted {
    pub token: String,
    /// Expiry, unix seconds.
    pub exp: i64,
    /// The absolute `discover` href with the token twice URL-encoded in its query.
    pub discover_href: String,
    pub asi: String,
}

/// Validate the three token fields and mint a psat signed with the emulator's key, as
/// `anonApplicationTokens` does. With `expired` the token's lifetime ended an hour ago (the
/// service-application stand-in hands such tokens out on request).
pub(crate) fn mint_guest_token(
    emu: &Arc<Emu>,
    asi: &str,
    allowed_origins: &str,
    meeting_url: Option<&str>,
    expired: bool,
) -> Result<Minted, UcwaErrorReply> {
    let asi = asi.trim();
    if asi.is_empty() {
        return Err(UcwaErrorReply::invalid(
            "applicationSessionId",
            "The applicationSessionId property is required.",
        ));
    }
    if asi.len() > 256 {
        return Err(UcwaErrorReply::invalid(
            "applicationSessionId",
            "The applicationSessionId is too long.",
        ));
    }
    let ao = parse_origins(allowed_origins)
        .map_err(|m| UcwaErrorReply::invalid("allowedOrigins", &m))?;
    let confid = match meeting_url.map(str::trim) {
        None => None,
        Some("") => {
            return Err(UcwaErrorReply::invalid(
                "meetingUrl",
                "The meetingUrl property must be a meeting join URL.",
            ));
        }
        Some(url) => {
            let w = emu.lock();
            let uri = match w.meeting_by_url(url) {
                Some(m) => Some(w.meetings[m].uri.clone()),
                // A well-formed URL of the tenant names a conference even when it does not
                // exist; the join request then answers 404 DestinationNotFound.
                None => w.conference_uri_for_url(url, &emu.cfg.tenant),
            };
            let uri = uri.ok_or_else(|| {
                let mut e = UcwaErrorReply::new(
                    StatusCode::BAD_REQUEST,
                    UcwaCode::BadRequest,
                    Some(UcwaSubcode::DestinationNotFound),
                    "The meeting URL is not valid for this tenant",
                );
                e.body.parameters = Some(
                    serde_json::json!([{ "name": "meetingUrl", "reason": "unknown meeting" }]),
                );
                e
            })?;
            Some(uri)
        }
    };
    let lifetime = i64::try_from(emu.cfg.token_lifetime.as_secs()).unwrap_or(i64::MAX / 4);
    let now = unix_now();
    let (nbf, exp) = if expired {
        (now - 3600 - lifetime, now - 3600)
    } else {
        (now, now.saturating_add(lifetime))
    };
    let serial = emu.lock().next_serial();
    let claims = PsatClaims {
        nbf,
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
        crate::emulator::world::PsatRecord {
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
    Ok(Minted {
        discover_href: format!("{}platformService/discover?{param}={context}", emu.platform),
        token,
        exp,
        asi: asi.to_string(),
    })
}

pub(crate) fn anon_tokens(emu: &Arc<Emu>, r: &Req) -> Result<Response, UcwaErrorReply> {
    check_app(emu, r)?;
    let req: AnonTokenRequest = r.body_as(
        &["applicationSessionId", "allowedOrigins", "meetingUrl"],
        &["applicationSessionId", "allowedOrigins"],
    )?;
    let minted = mint_guest_token(
        emu,
        &req.application_session_id,
        &req.allowed_origins,
        req.meeting_url.as_deref(),
        false,
    )?;
    let pre = emu.cfg.rel_prefix;
    let body = AnonTokenResponse {
        token: minted.token,
        expiry_time: UcwaDate::from_unix_ms(minted.exp.saturating_mul(1000)),
        links: Links::new()
            .with(
                Rel::SelfLink,
                Link::new(format!(
                    "{}platformservice/v1/applications/{}/anonApplicationTokens?endpointId={}",
                    emu.platform, emu.tap_app_id, emu.cfg.endpoint_sip
                )),
            )
            .with(pre.rel(Rel::Discover), Link::new(minted.discover_href)),
        rel: Some(pre.rel(Rel::AnonApplicationToken).into()),
    };
    let mut resp = json(StatusCode::OK, &body);
    resp.extensions_mut().insert(JournalSession(minted.asi));
    Ok(resp)
}

/// The guest's `GET /platformService/discover?anonymousMeetingJoinContext=...`.
pub(crate) fn anon_discover(emu: &Arc<Emu>, r: &Req) -> Result<Response, UcwaErrorReply> {
    let Some((param, value)) = context_param(r) else {
        return Err(UcwaErrorReply::not_found(
            "The requested resource does not exist.",
        ));
    };
    let token = decode_fully(value);
    let claims = match emu.verify_psat(&token) {
        Ok(c) => c,
        Err(problem) => {
            let (subcode, message) = match problem {
                TokenProblem::Expired => {
                    (UcwaSubcode::ExpiredToken, "The OAuth token has expired.")
                }
                TokenProblem::Invalid => (UcwaSubcode::InvalidToken, "The OAuth token is invalid."),
            };
            let mut resp = json(
                StatusCode::UNAUTHORIZED,
                &UcwaError::new(UcwaCode::Unauthorized, Some(subcode), message),
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
        properties.insert(Rel::ConferenceId.into(), c.clone().into());
    }
    let body = AnonDiscover {
        rel: Some(pre.rel(Rel::Discover).into()),
        links: discover_links(
            emu,
            format!("{}platformService/discover?{param}={raw}", emu.platform),
        )
        .with(
            Rel::AnonApplications,
            Link::new(format!("{}ucwa/psanon/v1/applications", emu.pool)),
        ),
        properties,
    };
    let mut resp = json(StatusCode::OK, &body);
    set_header(&mut resp, "access-control-allow-origin", &origin);
    set_header(&mut resp, "vary", "Origin");
    resp.extensions_mut().insert(JournalSession(claims.asi));
    Ok(resp)
}
