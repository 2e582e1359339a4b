//! Flow B up to the applications link (docs/protocol.md §B.2–B.5; bare section numbers below are
//! that document's): autodiscover from `lyncdiscover.<organizer's domain>` (following `redirect`s
//! only within that domain), the `MsRtcOAuth` challenge of the user resource, the anonymous meeting
//! web ticket bound to the conference, and the user resource's `applications` link. Also the
//! ticket's renewal with `ms_rtc_renew` before it expires (§B.4), which keeps the same application.

use url::Url;

use crate::api::error::ApiError;
use crate::api::http::host_of;
use crate::api::onprem::{self, UserLinks};
use crate::api::ucwa::UcwaAuth;
use crate::api::wire::UcwaDate;
use crate::api::wire::ucwa::ApplicationRequest;
use crate::api::wire::webticket::{MsRtcOAuthChallenge, WebTicketGrant};

use super::super::classify::classify;
use super::super::direct_meeting::DirectMeeting;
use super::super::failure::{FailureInfo, FailureKind};
use super::super::request::DirectProfile;
use super::super::status::{JoinEvent, Phase, Step};
use super::flow::Entry;
use super::{Session, Stop};

/// Pools a user resource may send the guest on to (§B.5 `redirect`) before giving up.
const MAX_POOL_HOPS: usize = 2;

/// What renewing the web ticket needs: where, and the grant it was issued for.
pub(super) struct Renewal {
    url: Url,
    grant: WebTicketGrant,
}

impl Session<'_> {
    /// The meeting's conference and where autodiscover starts: the configured entry point, else
    /// `lyncdiscover.<organizer's domain>`.
    fn autodiscover_start(
        &mut self,
        profile: &DirectProfile,
    ) -> Result<(DirectMeeting, Url), Stop> {
        let meeting = match DirectMeeting::from_link(&self.req.meeting) {
            Ok(m) => m,
            Err(e) => {
                return Err(self.fail_now(
                    Step::Autodiscover,
                    FailureKind::BadInput,
                    &e.to_string(),
                ));
            }
        };
        let Some(start) = profile
            .autodiscover
            .clone()
            .or_else(|| meeting.lyncdiscover_url())
        else {
            return Err(self.fail_now(
                Step::Autodiscover,
                FailureKind::BadInput,
                "no autodiscover address can be made from the meeting's domain",
            ));
        };
        Ok((meeting, start))
    }

    /// The WebTicket address of a challenge that offers the anonymous meeting grant; without
    /// that grant anonymous join is turned off for the deployment.
    fn ticket_address(&mut self, challenge: Option<MsRtcOAuthChallenge>) -> Result<Url, Stop> {
        match challenge {
            Some(c) if c.offers_anon_meeting() => Url::parse(c.href.trim()).map_err(|_| {
                self.fail_now(
                    Step::Autodiscover,
                    FailureKind::Protocol,
                    "the sign-in challenge's WebTicket address is not a valid URL",
                )
            }),
            Some(_) | None => Err(self.fail_now(
                Step::Autodiscover,
                FailureKind::AnonymousJoinDisabled,
                "the server's sign-in challenge does not offer the anonymous meeting grant (urn:microsoft.rtc:anonmeeting): anonymous join is turned off",
            )),
        }
    }
    pub(super) async fn direct_entry(&mut self, profile: &DirectProfile) -> Result<Entry, Stop> {
        let req = self.req;
        let http = self.http.clone();
        let http = &http;
        let (meeting, mut start) = self.autodiscover_start(profile)?;
        // A redirect may lead within the organizer's domain, or to the host the operator
        // configured as the autodiscover entry point.
        let configured = profile
            .autodiscover
            .as_ref()
            .and_then(Url::host_str)
            .map(str::to_ascii_lowercase);
        let trusted = |u: &Url| {
            let host = u.host_str().unwrap_or_default().to_ascii_lowercase();
            meeting.is_within_domain(&host) || configured.as_deref() == Some(host.as_str())
        };
        let trusted = &trusted;
        let domain = meeting.domain.as_str();

        for _hop in 0..=MAX_POOL_HOPS {
            self.progress(Phase::Discovering);
            let from = &start;
            let ((user, challenge), _) = self
                .exchange(Step::Autodiscover, || async move {
                    // The step reports the autodiscover answer; the 401 challenge is expected.
                    let (user, found) =
                        onprem::autodiscover(http, from.clone(), trusted, domain).await?;
                    let (challenge, _) = onprem::challenge(http, user.clone()).await?;
                    Ok(((user, challenge), found))
                })
                .await?;
            let ticket_url = self.ticket_address(challenge)?;

            self.progress(Phase::CreatingApplication);
            let grant =
                WebTicketGrant::anon_meeting(&meeting.conference_uri, &meeting.conference_key);
            let (grant_ref, ticket_ref, user_ref) = (&grant, &ticket_url, &user);
            let ((token, lifetime, links), _) = self
                .exchange(Step::WebTicket, || async move {
                    let (token, lifetime, _) =
                        onprem::web_ticket(http, ticket_ref.clone(), grant_ref).await?;
                    let (links, resp) = onprem::user(http, user_ref.clone(), &token).await?;
                    Ok(((token, lifetime, links), resp))
                })
                .await?;
            match links {
                UserLinks::Applications(applications) => {
                    self.renewal = Some(Renewal {
                        url: ticket_url,
                        grant,
                    });
                    self.schedule_ticket_renewal(lifetime);
                    return Ok(Entry {
                        applications,
                        conference: meeting.conference_uri.clone(),
                        auth: UcwaAuth::new(token, &req.origin),
                        body: ApplicationRequest {
                            anonymous_display_name: None,
                            culture: req.culture.clone(),
                            user_agent: req.user_agent.clone(),
                            endpoint_id: Some(uuid::Uuid::new_v4().to_string()),
                        },
                    });
                }
                UserLinks::Redirect(next) if trusted(&next) => start = next,
                UserLinks::Redirect(next) => {
                    let err = ApiError::UntrustedRedirect {
                        host: host_of(&user),
                        target: host_of(&next),
                        domain: domain.to_string(),
                    };
                    let info = classify(Step::WebTicket, &err);
                    self.fail_step(Step::WebTicket, &info);
                    return Err(Stop::Failed(info));
                }
            }
        }
        Err(self.fail_now(
            Step::WebTicket,
            FailureKind::Discovery,
            &format!(
                "the user resource sent the guest on to more than {MAX_POOL_HOPS} other pools"
            ),
        ))
    }

    /// Renew a little before the web ticket expires (§B.4); without a lifetime the ticket's
    /// expiry is handled when the server says 401.
    fn schedule_ticket_renewal(&mut self, lifetime_secs: Option<u64>) {
        match lifetime_secs.and_then(|s| i64::try_from(s).ok()) {
            Some(secs) => {
                let at = UcwaDate::from_unix_ms(
                    UcwaDate::now()
                        .unix_ms
                        .saturating_add(secs.saturating_mul(1000)),
                );
                self.schedule_renewal(at);
            }
            None => self.renew_at = None,
        }
    }

    /// Whether the session renews its token in place (flow B) rather than by rejoining.
    pub(super) fn renews_in_place(&self) -> bool {
        self.renewal.is_some()
    }

    /// Re-POST the grant with `ms_rtc_renew` = the current ticket; the same anonymous identity
    /// and application go on with the new ticket.
    pub(super) async fn renew_ticket(&mut self) -> Result<(), FailureInfo> {
        let (Some(renewal), Some(auth)) = (&self.renewal, self.auth.clone()) else {
            return Err(FailureInfo::new(
                FailureKind::ConnectionLost,
                Some(Step::InMeeting),
                "there is no web ticket to renew",
            ));
        };
        let grant = renewal.grant.clone().renewing(auth.token().expose());
        let url = renewal.url.clone();
        let call = onprem::web_ticket(&self.http, url, &grant);
        let result = tokio::select! {
            biased;
            _ = self.control.cancel.cancelled() => return Ok(()),
            r = call => r,
        };
        match result {
            Ok((token, lifetime, _)) => {
                auth.renew(token);
                self.schedule_ticket_renewal(lifetime);
                self.emit(JoinEvent::TokenRenewed {
                    expires_in_s: lifetime,
                });
                Ok(())
            }
            Err(e) => {
                tracing::info!("web ticket renewal failed: {e}");
                let mut info = classify(Step::WebTicket, &e);
                info.step = Some(Step::InMeeting);
                info.message = format!("renewing the web ticket failed: {}", info.message);
                Err(info)
            }
        }
    }
}
