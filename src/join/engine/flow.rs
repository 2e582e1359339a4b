//! The protocol steps from the token to the meeting: flow A's token and discover
//! (docs/protocol.md §A.6–A.7), then the steps both flows share (§A.8–A.10, §B.6–B.7). Flow B's
//! way to its application link is in `direct`.

use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;
use url::Url;

use crate::api::error::ApiError;
use crate::api::http::host_of;
use crate::api::service;
use crate::api::ucwa::{self, UcwaAuth, resolve};
use crate::api::wire::service_app::TokenRequest;
use crate::api::wire::ucwa::{ApplicationRequest, Communication, OnlineMeetingInvitationRequest};
use crate::api::wire::{Rel, UcwaDate};

use super::super::channel::{self};
use super::super::conference::conference_uri;
use super::super::failure::FailureKind;
use super::super::request::{ServiceProfile, TokenSource};
use super::super::status::{Phase, Step};
use super::{Channel, Session, Stop};

/// Where a flow's own steps lead: the applications collection, the conference, the credentials.
pub(super) struct Entry {
    pub applications: Url,
    pub conference: String,
    pub auth: UcwaAuth,
    pub body: ApplicationRequest,
}

impl Session<'_> {
    pub(super) async fn join(&mut self) -> Result<(), Stop> {
        let entry = match &self.req.source {
            TokenSource::Service(profile) => self.service_entry(profile).await?,
            TokenSource::Direct(profile) => self.direct_entry(profile).await?,
        };
        self.enter(entry).await
    }

    /// Flow A: the guest token from the service application, then discover (§A.6, §A.7).
    async fn service_entry(&mut self, profile: &ServiceProfile) -> Result<Entry, Stop> {
        let req = self.req;
        let http = self.http.clone();
        let http = &http;

        self.progress(Phase::RequestingToken);
        let token_request = TokenRequest {
            application_session_id: req.application_session_id.clone(),
            allowed_origins: req.origin.clone(),
            meeting_url: req.meeting.as_str().to_string(),
        };
        let (token, _) = self
            .exchange(Step::ServiceApplication, || {
                service::request_token(
                    http,
                    &profile.token_url,
                    profile.service_key.as_ref(),
                    &token_request,
                )
            })
            .await?;

        self.schedule_renewal(token.expires);

        self.progress(Phase::Discovering);
        let (discover, resp) = self
            .exchange(Step::Discovery, || {
                ucwa::discover(http, &token.discover_uri, &req.origin)
            })
            .await?;
        let anon_apps = discover
            .links
            .href(Rel::AnonApplications)
            .map(|h| resolve(&resp.url, h));
        let anon_apps = match anon_apps {
            Some(Ok(u)) => u,
            _ => {
                return Err(self.fail_now(
                    Step::Discovery,
                    FailureKind::Discovery,
                    "the discover answer has no usable anonApplications link",
                ));
            }
        };
        let Some((conference, source)) = conference_uri(&discover, token.token.expose()) else {
            return Err(self.fail_now(
                Step::Discovery,
                FailureKind::Discovery,
                "neither the discover answer nor the token names the meeting's conference",
            ));
        };
        tracing::debug!(?source, "conference URI found");
        Ok(Entry {
            applications: anon_apps,
            conference,
            auth: UcwaAuth::new(token.token.clone(), &req.origin),
            body: ApplicationRequest {
                anonymous_display_name: Some(req.name.as_str().to_string()),
                culture: req.culture.clone(),
                user_agent: req.user_agent.clone(),
                endpoint_id: None,
            },
        })
    }

    /// The shared steps: application, event channel, invitation, lobby, meeting.
    async fn enter(&mut self, entry: Entry) -> Result<(), Stop> {
        let req = self.req;
        let http = self.http.clone();
        let http = &http;
        let Entry {
            applications: anon_apps,
            conference,
            auth,
            body,
        } = entry;

        self.progress(Phase::CreatingApplication);
        self.auth = Some(auth.clone());
        let (app, resp) = self
            .exchange(Step::Application, || {
                ucwa::create_application(http, anon_apps.clone(), &auth, &body)
            })
            .await?;
        let self_url = app
            .links
            .href(Rel::SelfLink)
            .and_then(|h| resolve(&resp.url, h).ok())
            .or_else(|| resp.location());
        self.application = self_url;
        let events = app.links.href(Rel::Events).map(|h| resolve(&resp.url, h));
        let join_url = app
            .embedded
            .get::<Communication>(Rel::Communication)
            .and_then(Result::ok)
            .and_then(|c| {
                c.links
                    .href(Rel::JoinOnlineMeeting)
                    .map(|h| resolve(&resp.url, h))
                    .or_else(|| {
                        c.links.href(Rel::SelfLink).map(|h| {
                            resolve(
                                &resp.url,
                                &format!("{}/onlineMeetingInvitations", h.trim_end_matches('/')),
                            )
                        })
                    })
            });
        let (Some(Ok(events)), Some(Ok(join_url)), true) =
            (events, join_url, self.application.is_some())
        else {
            return Err(self.fail_now(
                Step::Application,
                FailureKind::Application,
                "the new application lacks its self, events or joinOnlineMeeting link",
            ));
        };

        // Park the event channel before the invitation so its events cost no extra round trip.
        self.start_step(Step::EventChannel);
        self.channel_started = Some(Instant::now());
        let cancel = CancellationToken::new();
        let (rx, task) = channel::spawn(
            http.clone(),
            auth.clone(),
            events,
            req.limits.channel,
            cancel.clone(),
        );
        self.channel = Some(Channel { rx, task, cancel });

        self.progress(Phase::Joining);
        self.conference_uri = Some(conference.clone());
        let body = OnlineMeetingInvitationRequest {
            online_meeting_uri: conference,
            anonymous_display_name: Some(req.name.as_str().to_string()),
            operation_id: Some(self.operation_id.clone()),
            importance: Some("Normal".into()),
            subject: None,
            thread_id: None,
        };
        // The invitation is accepted with `201 Created` and its Location (docs/protocol.md §A.10);
        // a success without one would leave the guest waiting for events that never come.
        let (location, _) = self
            .exchange(Step::JoinRequest, || async {
                let resp = ucwa::join_meeting(http, join_url.clone(), &auth, &body).await?;
                match resp.location() {
                    Some(location) => Ok((location, resp)),
                    None => Err(ApiError::Malformed {
                        host: host_of(&resp.url),
                        status: resp.status,
                        detail: "the join request was answered without a Location".into(),
                    }),
                }
            })
            .await?;
        self.tracker.set_invitation(location);
        self.start_step(Step::InMeeting);

        while !self.tracker.joined() {
            // What the lobby's events asked for (the meeting's dial-in details).
            self.run_actions().await;
            let msg = self.next_channel_msg(true).await?;
            self.on_channel_msg(msg)?;
        }
        Ok(())
    }

    /// Renew the session a little before the guest token expires (no refresh exists for psat
    /// tokens, docs/protocol.md §A.11): a tenth of the remaining lifetime, 2 s to 5 min ahead.
    /// Tokens that live under 6 s are not renewed ahead; their expiry is handled when the server
    /// says 401.
    pub(super) fn schedule_renewal(&mut self, expires: UcwaDate) {
        let left_ms = expires.unix_ms - UcwaDate::now().unix_ms;
        self.renew_at = (left_ms >= 6_000).then(|| {
            let margin = (left_ms / 10).clamp(2_000, 300_000);
            let wait = u64::try_from(left_ms - margin).unwrap_or(0);
            tokio::time::Instant::now() + Duration::from_millis(wait)
        });
    }
}
