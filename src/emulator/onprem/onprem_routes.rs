//! The on-premises surface of flow B (docs/protocol.md §4, Appendix A rows 8–11; bare section
//! numbers below are that document's): `lyncdiscover` on one listener, and the pool's web services
//! (`lyncweb`: autodiscover root and user, WebTicket, `/ucwa/oauth/v1/applications`) on another, so
//! links cross hosts as the real server's do. Applications created here live in the shared world
//! and join through the same invitation and event machinery as flow A's.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::api::wire::platform::HalResource;
use crate::api::wire::{Link, Links, Rel, Route};
use crate::emulator::config::DiscoverAnswer;
use crate::emulator::http::{Req, UcwaErrorReply, html, json};
use crate::emulator::{Emu, JournalSession, onprem_ticket, ucwa_routes};

/// Which on-premises listener a request came in on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnPremSide {
    /// `lyncdiscover.<domain>`.
    Discover,
    /// The pool's external web services (`lyncweb.<domain>`).
    Web,
}

const ROOT: [&str; 3] = ["autodiscover", "autodiscoverservice.svc", "root"];

/// Route names of the on-premises listeners (journal and fault matching). The application
/// routes keep flow A's names.
pub(crate) fn route_name(r: &Req, side: OnPremSide) -> Route {
    if r.method.as_str() == "OPTIONS" {
        return Route::Preflight;
    }
    let segs: Vec<&str> = r.segs.iter().map(String::as_str).collect();
    let method = r.method.as_str();
    match (side, method, segs.as_slice()) {
        (OnPremSide::Discover, "GET", []) => Route::Lyncdiscover,
        (OnPremSide::Discover, _, _) => Route::Unknown,
        (OnPremSide::Web, "GET", s) if s == ROOT => Route::AutodiscoverRoot,
        (OnPremSide::Web, "GET", [a, b, c, "oauth", "user"]) if [*a, *b, *c] == ROOT => {
            Route::AutodiscoverUser
        }
        (OnPremSide::Web, "GET", ["autodiscover", "xframe", "xframe.html"]) => Route::Xframe,
        (OnPremSide::Web, "POST", ["webticket", "oauthtoken"]) => Route::Webticket,
        (OnPremSide::Web, _, ["ucwa", "oauth", "v1", "applications", rest @ ..]) => {
            ucwa_routes::app_route_name(method, rest)
        }
        (OnPremSide::Web, _, _) => Route::Unknown,
    }
}

pub(crate) async fn handle(emu: &Arc<Emu>, route: Route, r: &Req) -> Response {
    match route {
        Route::Preflight => crate::emulator::preflight(r),
        Route::Lyncdiscover => json(StatusCode::OK, &discover(emu)),
        Route::AutodiscoverRoot => json(StatusCode::OK, &root(emu)),
        Route::Xframe => html(StatusCode::OK, "XFrame"),
        Route::Webticket => onprem_ticket::grant(emu, r),
        Route::AutodiscoverUser => user(emu, r),
        Route::Unknown => {
            UcwaErrorReply::not_found("The requested resource does not exist.").into_response()
        }
        Route::MethodNotAllowed => ucwa_routes::method_not_allowed(r),
        _ => {
            let claims = match r.bearer().map(|t| onprem_ticket::verify(emu, t)) {
                Some(Ok(c)) => c,
                _ => return onprem_ticket::challenge(emu),
            };
            ucwa_routes::serve_app(emu, route, r, &claims).await
        }
    }
}

fn autodiscover_href(emu: &Emu, rest: &str) -> String {
    emu.lyncweb_href(&format!(
        "Autodiscover/AutodiscoverService.svc/root{rest}?originalDomain={}",
        emu.cfg.tenant
    ))
}

/// `GET /` on `lyncdiscover` (§B.2): the autodiscover root, or only a `redirect` link, as
/// [`DiscoverAnswer`] says at the time of the request.
fn discover(emu: &Emu) -> HalResource {
    let answer = emu.lock().discover_answer.clone();
    let href = match answer {
        DiscoverAnswer::Root => return root(emu),
        DiscoverAnswer::RedirectToPool => {
            emu.lyncweb_href("Autodiscover/AutodiscoverService.svc/root")
        }
        DiscoverAnswer::RedirectTo(href) => href,
    };
    HalResource {
        links: Links::new().with(Rel::Redirect, Link::new(href)),
        ..HalResource::default()
    }
}

/// The autodiscover root (§B.2): `self`, `user` and `xframe` on the pool's web services.
fn root(emu: &Emu) -> HalResource {
    HalResource {
        links: Links::new()
            .with(Rel::SelfLink, Link::new(autodiscover_href(emu, "")))
            .with(Rel::User, Link::new(autodiscover_href(emu, "/oauth/user")))
            .with(Rel::Xframe, Link::new(xframe(emu))),
        ..HalResource::default()
    }
}

fn xframe(emu: &Emu) -> String {
    emu.lyncweb_href("Autodiscover/XFrame/XFrame.html")
}

/// The user resource (§B.3, §B.5): the challenge without a valid ticket, else the
/// `applications` link.
fn user(emu: &Arc<Emu>, r: &Req) -> Response {
    let claims = match r.bearer().map(|t| onprem_ticket::verify(emu, t)) {
        Some(Ok(c)) => c,
        _ => return onprem_ticket::challenge(emu),
    };
    let body = HalResource {
        links: Links::new()
            .with(
                Rel::SelfLink,
                Link::new(autodiscover_href(emu, "/oauth/user")),
            )
            .with(
                Rel::Applications,
                Link::new(emu.lyncweb_href("ucwa/oauth/v1/applications")),
            )
            .with(Rel::Xframe, Link::new(xframe(emu))),
        ..HalResource::default()
    };
    let mut resp = json(StatusCode::OK, &body);
    resp.extensions_mut().insert(JournalSession(claims.asi));
    resp
}
