//! The guest's calls to Skype for Business Server before it has an application (flow B,
//! docs/protocol.md §B.2–B.5; bare section numbers below are that document's): autodiscover with
//! validated `redirect`s, the `MsRtcOAuth` challenge, the anonymous meeting web ticket and the user
//! resource. Every URL after the first comes from a server link.

use url::Url;

use crate::api::error::ApiError;
use crate::api::http::{HttpClient, Request, Response, host_of};
use crate::api::ucwa::resolve;
use crate::api::wire::platform::HalResource;
use crate::api::wire::webticket::{MsRtcOAuthChallenge, WebTicketGrant, WebTicketToken};
use crate::api::wire::{OAuthError, Rel};
use crate::secret::Secret;

/// Most autodiscover `redirect` links followed in a row (a loop ends here).
pub const MAX_REDIRECTS: usize = 4;

/// GET an autodiscover document (lyncdiscover or an autodiscover root).
async fn get_root(http: &HttpClient, url: Url) -> Result<(HalResource, Response), ApiError> {
    let resp = http.send(Request::get(url).tag("autodiscover")).await?;
    Ok((resp.json()?, resp))
}

/// §B.2: from `start`, follow `redirect` links to the autodiscover root whose `user` link is
/// returned. A redirect is followed only to a URL `trusted` accepts; `domain` names what it
/// must stay within, for the error.
pub async fn autodiscover(
    http: &HttpClient,
    start: Url,
    trusted: &(dyn Fn(&Url) -> bool + Sync),
    domain: &str,
) -> Result<(Url, Response), ApiError> {
    let mut url = start;
    for _ in 0..=MAX_REDIRECTS {
        let (root, resp) = get_root(http, url).await?;
        if let Some(user) = root.links.href(Rel::User) {
            return Ok((resolve(&resp.url, user)?, resp));
        }
        let Some(redirect) = root.links.href(Rel::Redirect) else {
            return Err(ApiError::Malformed {
                host: host_of(&resp.url),
                status: resp.status,
                detail: "the autodiscover answer has neither a user nor a redirect link".into(),
            });
        };
        let target = resolve(&resp.url, redirect)?;
        if !trusted(&target) {
            return Err(ApiError::UntrustedRedirect {
                host: host_of(&resp.url),
                target: host_of(&target),
                domain: domain.to_string(),
            });
        }
        url = target;
    }
    Err(ApiError::Malformed {
        host: "autodiscover".into(),
        status: 200,
        detail: format!("more than {MAX_REDIRECTS} redirects in a row"),
    })
}

/// §B.3: GET the user resource without a token; the server answers `401` with its challenges.
/// Returns the `MsRtcOAuth` challenge, or `None` when the server offers none.
pub async fn challenge(
    http: &HttpClient,
    user: Url,
) -> Result<(Option<MsRtcOAuthChallenge>, Response), ApiError> {
    let resp = http
        .send(Request::get(user).challenge_expected().tag("autodiscover"))
        .await?;
    if resp.status != 401 {
        return Err(ApiError::Malformed {
            host: host_of(&resp.url),
            status: resp.status,
            detail: "the user resource did not ask for sign-in (no 401 challenge)".into(),
        });
    }
    let found = resp
        .headers
        .get_all("www-authenticate")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(MsRtcOAuthChallenge::parse);
    Ok((found, resp))
}

/// §B.3/§B.4: POST the anonymous meeting grant (renewing when the grant carries
/// `ms_rtc_renew`). A `400 {"error": …}` keeps the OAuth error as its code.
pub async fn web_ticket(
    http: &HttpClient,
    url: Url,
    grant: &WebTicketGrant,
) -> Result<(Secret, Option<u64>, Response), ApiError> {
    let pairs = grant.to_pairs();
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let resp = match http
        .send(Request::post(url).form(&borrowed).tag("web_ticket"))
        .await
    {
        Ok(r) => r,
        Err(ApiError::Status {
            host,
            status,
            ucwa,
            service: Some(mut s),
            excerpt,
            retry_after,
        }) => {
            // An OAuth error: `error` is a code, not a sentence.
            if s.code.is_none() && !s.error.is_empty() {
                let code = std::mem::take(&mut s.error);
                s.error = OAuthError::from(code.as_str()).meaning().to_string();
                s.code = Some(code);
            }
            return Err(ApiError::Status {
                host,
                status,
                ucwa,
                service: Some(s),
                excerpt,
                retry_after,
            });
        }
        Err(e) => return Err(e),
    };
    let token: WebTicketToken = resp.json()?;
    if token.access_token.trim().is_empty() {
        return Err(ApiError::Malformed {
            host: host_of(&resp.url),
            status: resp.status,
            detail: "the web ticket answer has no access_token".into(),
        });
    }
    let lifetime = token.expires_in_secs();
    Ok((Secret::new(token.access_token), lifetime, resp))
}

/// What the user resource offers a signed-in guest (§B.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserLinks {
    Applications(Url),
    /// Another pool's autodiscover: sign in there again.
    Redirect(Url),
}

/// §B.5: GET the user resource with the ticket.
pub async fn user(
    http: &HttpClient,
    user: Url,
    token: &Secret,
) -> Result<(UserLinks, Response), ApiError> {
    let resp = http
        .send(Request::get(user).bearer(token).tag("web_ticket"))
        .await?;
    let doc: HalResource = resp.json()?;
    let found = match (
        doc.links.href(Rel::Applications),
        doc.links.href(Rel::Redirect),
    ) {
        (Some(apps), _) => UserLinks::Applications(resolve(&resp.url, apps)?),
        (None, Some(r)) => UserLinks::Redirect(resolve(&resp.url, r)?),
        (None, None) => {
            return Err(ApiError::Malformed {
                host: host_of(&resp.url),
                status: resp.status,
                detail: "the user resource has neither an applications nor a redirect link".into(),
            });
        }
    };
    Ok((found, resp))
}
