//! The upstream side (docs/protocol.md §A.1–A.6): AAD client credentials, platform discovery,
//! applications, capabilities and `anonApplicationTokens`, with the AAD token and the
//! `anonApplicationTokens` link cached.
//!
//! One `tokio::sync::Mutex` guards the cache; whoever finds it stale refreshes it while holding
//! the lock, so concurrent requests wait for that one refresh instead of stampeding AAD.

use std::time::Duration;

use reqwest::{RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use tokio::sync::Mutex;
use tokio::time::Instant;
use url::Url;

use super::config::ServiceAppConfig;
use super::error::{Code, ErrorAnswer};
use super::validate::is_loopback;
use crate::api::wire::platform::{
    AadErrorResponse, AadTokenResponse, AnonTokenRequest, AnonTokenResponse, HalResource,
};
use crate::api::wire::service_app::TokenResponse;
use crate::api::wire::{Rel, UcwaError, UcwaSubcode};
use crate::secret::Secret;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Bound on one whole token request, retries included.
const OVERALL_TIMEOUT: Duration = Duration::from_secs(40);
/// Largest upstream body read.
const MAX_UPSTREAM_BODY: usize = 256 * 1024;
/// Used when AAD does not say how long its token lives.
const DEFAULT_AAD_LIFETIME: Duration = Duration::from_secs(300);
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// Longest piece of upstream text quoted in an error message.
const QUOTE_CHARS: usize = 200;

/// https, or plain http only towards localhost / 127.0.0.1 / [::1] (docs/design.md §8).
pub fn is_allowed_upstream(url: &Url) -> bool {
    url.host().is_some()
        && (url.scheme() == "https" || (url.scheme() == "http" && is_loopback(url)))
}

pub struct Upstream {
    http: reqwest::Client,
    aad_token_url: Url,
    client_id: String,
    client_secret: Secret,
    resource: String,
    endpoint_sip: String,
    discover_url: Url,
    cache: Mutex<Cache>,
}

#[derive(Default)]
struct Cache {
    /// Bumped on every new AAD token; a 401 only clears the cache it was obtained from.
    generation: u64,
    aad: Option<AadToken>,
    tokens_link: Option<TokensLink>,
}

struct AadToken {
    token: Secret,
    refresh_at: Instant,
    expires_at: Instant,
}

struct TokensLink {
    url: Url,
    valid_until: Instant,
}

/// What one request uses: a snapshot of the cache.
struct CacheSnapshot {
    generation: u64,
    aad: Secret,
    tokens_url: Url,
}

enum Failure {
    Api(ErrorAnswer),
    /// The platform answered 401 to the AAD token of `generation`.
    Unauthorized {
        generation: u64,
        step: &'static str,
    },
}

impl From<ErrorAnswer> for Failure {
    fn from(e: ErrorAnswer) -> Self {
        Failure::Api(e)
    }
}

impl Upstream {
    pub fn new(config: &ServiceAppConfig) -> reqwest::Result<Self> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!(
                "guest-join-service-app/",
                env!("CARGO_PKG_VERSION")
            ));
        if is_loopback(&config.aad_token_url) && is_loopback(&config.platform_discover_url) {
            // A local emulator: a proxy from the environment must not capture loopback traffic.
            builder = builder.no_proxy();
        }
        Ok(Self {
            http: builder.build()?,
            aad_token_url: config.aad_token_url.clone(),
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            resource: config.resource.clone(),
            endpoint_sip: config.endpoint_sip.clone(),
            discover_url: config.platform_discover_url.clone(),
            cache: Mutex::new(Cache::default()),
        })
    }

    /// True while a discovered `anonApplicationTokens` link is cached and fresh
    /// (false while a refresh is running).
    pub fn discovery_cached(&self) -> bool {
        self.cache.try_lock().is_ok_and(|c| {
            c.tokens_link
                .as_ref()
                .is_some_and(|l| Instant::now() < l.valid_until)
        })
    }

    /// Mint a guest token: docs/protocol.md §A.1–A.6, retrying once with fresh caches after a
    /// platform 401.
    pub async fn mint(&self, request: &AnonTokenRequest) -> Result<TokenResponse, ErrorAnswer> {
        let run = async {
            match self.attempt(request).await {
                Err(Failure::Unauthorized { generation, step }) => {
                    tracing::info!(
                        step,
                        "platform answered 401; refreshing AAD token and discovery"
                    );
                    self.invalidate(generation).await;
                    match self.attempt(request).await {
                        Err(Failure::Unauthorized { step, .. }) => Err(ErrorAnswer::new(
                            Code::UpstreamRefused,
                            format!(
                                "The Trusted Application API refused a fresh Azure AD token at \
                                 {step} (HTTP 401). Check the application's permissions and \
                                 admin consent."
                            ),
                        )),
                        Err(Failure::Api(e)) => Err(e),
                        Ok(r) => Ok(r),
                    }
                }
                Err(Failure::Api(e)) => Err(e),
                Ok(r) => Ok(r),
            }
        };
        tokio::time::timeout(OVERALL_TIMEOUT, run)
            .await
            .unwrap_or_else(|_| {
                Err(ErrorAnswer::new(
                    Code::UpstreamUnavailable,
                    "Azure AD or the Trusted Application API did not answer in time.",
                ))
            })
    }

    async fn attempt(&self, request: &AnonTokenRequest) -> Result<TokenResponse, Failure> {
        let session = self.session().await?;
        let step = "anonApplicationTokens";
        let rb = self
            .http
            .post(session.tokens_url.clone())
            .bearer_auth(session.aad.expose())
            .header(reqwest::header::ACCEPT, "application/json")
            .json(request);
        let (base, answer): (Url, AnonTokenResponse) =
            self.platform_json(rb, step, session.generation).await?;
        if answer.token.trim().is_empty() {
            return Err(malformed(step, "the answer has an empty token").into());
        }
        let href = answer
            .links
            .href(Rel::Discover)
            .ok_or_else(|| malformed(step, "the answer has no discover link"))?;
        // Verbatim: the discover context in it may be encoded twice and must stay that way.
        let discover_uri = if Url::parse(href).is_ok() {
            href.to_string()
        } else {
            resolve(&base, href, step)?.to_string()
        };
        Ok(TokenResponse {
            discover_uri: Some(discover_uri),
            token: Some(answer.token),
            tenant_endpoint_id: Some(self.endpoint_sip.clone()),
            expire_time: Some(answer.expiry_time.to_iso()),
        })
    }

    /// The cached AAD token and `anonApplicationTokens` link, refreshed when stale.
    async fn session(&self) -> Result<CacheSnapshot, Failure> {
        let mut cache = self.cache.lock().await;
        let now = Instant::now();
        let cached = cache
            .aad
            .as_ref()
            .filter(|a| now < a.refresh_at)
            .map(|a| (a.token.clone(), a.expires_at));
        let (aad, expires_at) = match cached {
            Some(fresh_enough) => fresh_enough,
            None => {
                let fresh = self.fetch_aad_token().await?;
                let out = (fresh.token.clone(), fresh.expires_at);
                cache.generation = cache.generation.wrapping_add(1);
                cache.aad = Some(fresh);
                out
            }
        };
        let generation = cache.generation;
        let cached = cache
            .tokens_link
            .as_ref()
            .filter(|l| now < l.valid_until)
            .map(|l| l.url.clone());
        let tokens_url = match cached {
            Some(url) => url,
            None => {
                let url = self.discover(&aad, generation).await?;
                cache.tokens_link = Some(TokensLink {
                    url: url.clone(),
                    valid_until: expires_at,
                });
                url
            }
        };
        Ok(CacheSnapshot {
            generation,
            aad,
            tokens_url,
        })
    }

    async fn invalidate(&self, generation: u64) {
        let mut cache = self.cache.lock().await;
        if cache.generation == generation {
            cache.aad = None;
            cache.tokens_link = None;
        }
    }

    /// §A.1: client credentials.
    async fn fetch_aad_token(&self) -> Result<AadToken, ErrorAnswer> {
        let step = "Azure AD";
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose()),
            ("resource", self.resource.as_str()),
        ];
        let rb = self
            .http
            .post(self.aad_token_url.clone())
            .header(reqwest::header::ACCEPT, "application/json")
            .form(&form);
        let (status, _, body) = self.send(rb, step).await?;
        if status.is_server_error() {
            return Err(unavailable(step, &format!("HTTP {}", status.as_u16())));
        }
        if status.is_client_error() {
            let err: AadErrorResponse = serde_json::from_slice(&body).unwrap_or_default();
            let what = if err.error.as_str().is_empty() {
                String::new()
            } else {
                format!(", {}", cut(err.error.as_str()))
            };
            return Err(ErrorAnswer::new(
                Code::UpstreamRefused,
                format!(
                    "Azure AD refused the service application's credentials (HTTP {}{what}).",
                    status.as_u16()
                ),
            ));
        }
        if !status.is_success() {
            return Err(malformed(
                step,
                &format!("unexpected HTTP {}", status.as_u16()),
            ));
        }
        let answer: AadTokenResponse = decode(&body, step)?;
        if answer.access_token.trim().is_empty() {
            return Err(malformed(step, "the answer has an empty access_token"));
        }
        let lifetime = answer
            .expires_in
            .as_deref()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_AAD_LIFETIME);
        let margin = (lifetime / 10).min(MAX_REFRESH_MARGIN);
        let now = Instant::now();
        tracing::debug!(lifetime_s = lifetime.as_secs(), "fetched an Azure AD token");
        Ok(AadToken {
            token: Secret::new(answer.access_token),
            refresh_at: now + lifetime.saturating_sub(margin),
            expires_at: now + lifetime,
        })
    }

    /// §A.2–A.4: discover → applications → application (capabilities) → anonApplicationTokens.
    async fn discover(&self, aad: &Secret, generation: u64) -> Result<Url, Failure> {
        let mut url = self.discover_url.clone();
        for (step, rel) in [
            ("discover", Rel::Applications),
            ("applications", Rel::Application),
            ("capabilities", Rel::AnonApplicationTokens),
        ] {
            let rb = self
                .http
                .get(url.clone())
                .bearer_auth(aad.expose())
                .header(reqwest::header::ACCEPT, "application/json");
            let (base, resource): (Url, HalResource) =
                self.platform_json(rb, step, generation).await?;
            let href = resource.links.href(rel).ok_or_else(|| {
                let hint = if rel == Rel::AnonApplicationTokens {
                    " (the application lacks the guest-join permission or admin consent)"
                } else {
                    ""
                };
                malformed(step, &format!("the answer has no {rel} link{hint}"))
            })?;
            url = with_endpoint_id(resolve(&base, href, step)?, &self.endpoint_sip);
        }
        tracing::debug!(
            host = url.host_str().unwrap_or_default(),
            "discovered anonApplicationTokens"
        );
        Ok(url)
    }

    /// Send a platform request and decode a 2xx JSON answer; the URL is the base for its links.
    async fn platform_json<T: DeserializeOwned>(
        &self,
        rb: RequestBuilder,
        step: &'static str,
        generation: u64,
    ) -> Result<(Url, T), Failure> {
        let (status, url, body) = self.send(rb, step).await?;
        if status == StatusCode::UNAUTHORIZED {
            return Err(Failure::Unauthorized { generation, step });
        }
        if status.is_server_error() {
            return Err(unavailable(step, &format!("HTTP {}", status.as_u16())).into());
        }
        if status.is_client_error() {
            let err: UcwaError = serde_json::from_slice(&body).unwrap_or_default();
            let mut detail = format!("HTTP {}", status.as_u16());
            for (label, value) in [
                ("code", Some(err.code.as_str()).filter(|c| !c.is_empty())),
                ("subcode", err.subcode.as_ref().map(UcwaSubcode::as_str)),
            ] {
                if let Some(v) = value {
                    detail.push_str(&format!(", {label} {}", cut(v)));
                }
            }
            if let Some(m) = err.message.as_deref().filter(|m| !m.trim().is_empty()) {
                detail.push_str(&format!(": {}", cut(m)));
            }
            return Err(ErrorAnswer::new(
                Code::UpstreamRefused,
                format!("The Trusted Application API refused the {step} request ({detail})."),
            )
            .into());
        }
        if !status.is_success() {
            return Err(malformed(step, &format!("unexpected HTTP {}", status.as_u16())).into());
        }
        Ok((url, decode(&body, step)?))
    }

    /// Send and read a size-capped body. Only transport failures are errors here.
    async fn send(
        &self,
        rb: RequestBuilder,
        step: &'static str,
    ) -> Result<(StatusCode, Url, Vec<u8>), ErrorAnswer> {
        let started = Instant::now();
        let mut response = rb.send().await.map_err(|e| transport(step, &e))?;
        let status = response.status();
        let url = response.url().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| transport(step, &e))? {
            if body.len() + chunk.len() > MAX_UPSTREAM_BODY {
                return Err(malformed(step, "the answer is too large"));
            }
            body.extend_from_slice(&chunk);
        }
        tracing::debug!(
            step,
            host = url.host_str().unwrap_or_default(),
            status = status.as_u16(),
            ms = started.elapsed().as_millis() as u64,
            "upstream exchange"
        );
        Ok((status, url, body))
    }
}

/// Resolve a (possibly relative) href against the URL of the answer that carried it.
fn resolve(base: &Url, href: &str, step: &str) -> Result<Url, ErrorAnswer> {
    let url = base
        .join(href.trim())
        .map_err(|_| malformed(step, "a link is not a valid URL"))?;
    if !is_allowed_upstream(&url) {
        return Err(malformed(
            step,
            "a link is not https (plain http is accepted only for loopback addresses)",
        ));
    }
    Ok(url)
}

/// Append `endpointId=<sip>` unless the href already carries one (in any case, encoded or not).
fn with_endpoint_id(mut url: Url, endpoint_sip: &str) -> Url {
    let has = url
        .query_pairs()
        .any(|(k, _)| k.eq_ignore_ascii_case("endpointId"));
    if !has {
        url.query_pairs_mut()
            .append_pair("endpointId", endpoint_sip);
    }
    url
}

fn decode<T: DeserializeOwned>(body: &[u8], step: &str) -> Result<T, ErrorAnswer> {
    serde_json::from_slice(body)
        .map_err(|e| malformed(step, &format!("the answer is not the expected JSON ({e})")))
}

fn transport(step: &str, e: &reqwest::Error) -> ErrorAnswer {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "the exchange failed"
    };
    // The innermost cause ("Connection refused (os error 111)") carries no URL or secret.
    let mut innermost = None;
    let mut next = std::error::Error::source(e);
    while let Some(inner) = next {
        innermost = Some(inner);
        next = inner.source();
    }
    let cause = innermost
        .map(|c| format!(": {}", cut(&c.to_string())))
        .unwrap_or_default();
    unavailable(step, &format!("{kind}{cause}"))
}

fn unavailable(step: &str, detail: &str) -> ErrorAnswer {
    ErrorAnswer::new(
        Code::UpstreamUnavailable,
        format!("{step} is unavailable ({detail}). Try again later."),
    )
}

fn malformed(step: &str, detail: &str) -> ErrorAnswer {
    ErrorAnswer::new(
        Code::UpstreamMalformed,
        format!("Unexpected answer from {step}: {detail}."),
    )
}

fn cut(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() > QUOTE_CHARS {
        let c: String = t.chars().take(QUOTE_CHARS).collect();
        format!("{c}…")
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_id_is_added_only_when_absent() {
        let sip = "sip:helpdesk@contoso.com";
        let u = with_endpoint_id(Url::parse("https://a/apps").unwrap(), sip);
        assert_eq!(
            u.as_str(),
            "https://a/apps?endpointId=sip%3Ahelpdesk%40contoso.com"
        );
        let given = "https://a/apps/1?endpointId=sip%3ahelpdesk%40other.com";
        assert_eq!(
            with_endpoint_id(Url::parse(given).unwrap(), sip).as_str(),
            given
        );
        let other = with_endpoint_id(Url::parse("https://a/apps?x=1").unwrap(), sip);
        assert_eq!(
            other.query(),
            Some("x=1&endpointId=sip%3Ahelpdesk%40contoso.com")
        );
    }

    #[test]
    fn links_resolve_against_the_answer_and_must_stay_secure() {
        let base = Url::parse("https://api.example/platformservice/discover").unwrap();
        assert_eq!(
            resolve(&base, "/platformService/v1/applications", "s")
                .unwrap()
                .as_str(),
            "https://api.example/platformService/v1/applications"
        );
        assert_eq!(
            resolve(&base, "https://pool.example/x", "s")
                .unwrap()
                .as_str(),
            "https://pool.example/x"
        );
        let err = resolve(&base, "http://evil.example/x", "s").unwrap_err();
        assert_eq!(err.code, Code::UpstreamMalformed);
        assert_eq!(
            err.message,
            "Unexpected answer from s: a link is not https (plain http is accepted only for \
             loopback addresses)."
        );
        let local = Url::parse("http://127.0.0.1:9/d").unwrap();
        assert_eq!(
            resolve(&local, "/a", "s").unwrap().as_str(),
            "http://127.0.0.1:9/a"
        );
    }
}
