//! The meeting's dial-in details (docs/protocol.md §6a): once the conversation links its
//! `onlineMeeting` (in the lobby or the meeting), read it, then its `phoneDialInInformation`,
//! and report how to join by phone. Once per session; a refusal or a bad answer only means no
//! dial-in details are shown. Only cancelling stops a read; leaving waits for it.

use std::future::Future;

use url::Url;

use crate::api::error::ApiError;
use crate::api::ucwa::{self, UcwaAuth};
use crate::api::wire::Rel;
use crate::api::wire::phone::PhoneDialInInformation;
use crate::api::wire::ucwa::OnlineMeeting;

use super::super::dial_in::DialIn;
use super::super::status::JoinEvent;
use super::Session;
use super::chat::Action;

impl Session<'_> {
    /// The tracker saw the `onlineMeeting` (and maybe its dial-in link).
    pub(super) fn on_online_meeting(&mut self, href: Url, dial_in: Option<Url>) {
        if self.status.dial_in.is_some() {
            return;
        }
        self.actions.push(match dial_in {
            Some(url) => Action::ReadDialIn(url),
            None => Action::ReadMeeting(href),
        });
    }

    /// GET the `onlineMeeting`; follow its `phoneDialInInformation` when phone users may join.
    pub(super) async fn read_meeting(&mut self, url: Url, auth: &UcwaAuth) {
        let Some(Ok((meeting, resp))) = self
            .unless_cancelled(ucwa::get_resource::<OnlineMeeting>(
                &self.http, url, auth, "meeting",
            ))
            .await
            .map(|r| {
                r.inspect_err(
                    |e| tracing::info!(error = %e, "the meeting's details could not be read"),
                )
            })
        else {
            return;
        };
        if meeting
            .phone_user_admission
            .as_deref()
            .is_some_and(|a| a.eq_ignore_ascii_case("Disabled"))
        {
            tracing::info!("the meeting does not let people join by phone");
            return;
        }
        match meeting
            .links
            .href(Rel::PhoneDialInInformation)
            .map(|h| ucwa::resolve(&resp.url, h))
        {
            Some(Ok(dial_in)) => Box::pin(self.read_dial_in(dial_in, auth)).await,
            Some(Err(e)) => tracing::info!(error = %e, "the dial-in link is unusable"),
            None => tracing::info!("the meeting has no dial-in details"),
        }
    }

    /// GET `phoneDialInInformation` and report it when it offers a number.
    pub(super) async fn read_dial_in(&mut self, url: Url, auth: &UcwaAuth) {
        if self.status.dial_in.is_some() {
            return;
        }
        let answer = self
            .unless_cancelled(ucwa::get_resource::<PhoneDialInInformation>(
                &self.http, url, auth, "meeting",
            ))
            .await;
        match answer {
            Some(Ok((info, _))) => match DialIn::from_wire(&info) {
                Some(dial_in) => self.emit(JoinEvent::DialIn { dial_in }),
                None => tracing::info!("the dial-in details list no number"),
            },
            Some(Err(e)) => tracing::info!(error = %e, "the dial-in details could not be read"),
            None => {}
        }
    }

    /// `fut`, unless the session is cancelled first (then `None`). Leaving waits for it: a
    /// read takes at most its request's time-out, and the details are then still reported.
    async fn unless_cancelled<T>(
        &self,
        fut: impl Future<Output = Result<T, ApiError>>,
    ) -> Option<Result<T, ApiError>> {
        tokio::select! {
            biased;
            _ = self.control.cancel.cancelled() => None,
            v = fut => Some(v),
        }
    }
}
