//! The guest's UCWA calls (docs/protocol.md §A.7–A.10, §5, §6; bare section numbers below are
//! that document's). Every URL comes from a server link, resolved against the URL of the
//! response that carried it.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use url::Url;

use crate::api::error::ApiError;
use crate::api::http::{HttpClient, Request, Response};
use crate::api::wire::EventBatch;
use crate::api::wire::ucwa::{
    AnonDiscover, Application, ApplicationRequest, OnlineMeetingInvitationRequest,
};
use crate::secret::Secret;

/// Credentials and origin sent with every UCWA request of one session. Clones share the
/// token, so a renewed token (flow B, §B.4) reaches the event channel and every later
/// request at once.
#[derive(Debug, Clone)]
pub struct UcwaAuth {
    token: Arc<RwLock<Secret>>,
    pub origin: String,
}

impl UcwaAuth {
    pub fn new(token: Secret, origin: &str) -> Self {
        Self {
            token: Arc::new(RwLock::new(token)),
            origin: origin.to_string(),
        }
    }

    /// The token to send now.
    pub fn token(&self) -> Secret {
        match self.token.read() {
            Ok(t) => t.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Replace the token for this session and every clone of it.
    pub fn renew(&self, token: Secret) {
        match self.token.write() {
            Ok(mut t) => *t = token,
            Err(poisoned) => *poisoned.into_inner() = token,
        }
    }
}

/// Resolve a link `href` against the URL of the response that carried it.
pub fn resolve(base: &Url, href: &str) -> Result<Url, ApiError> {
    base.join(href.trim()).map_err(|e| ApiError::BadLink {
        detail: format!("{e}"),
    })
}

/// `GET <DiscoverUri>` with `Origin` (§A.7). The psat travels in the URL only (§11 D1, open
/// question Q12: the Web SDK's code comment says the GET must be sent without the token; we
/// follow it).
pub async fn discover(
    http: &HttpClient,
    discover_uri: &Secret,
    origin: &str,
) -> Result<(AnonDiscover, Response), ApiError> {
    let url = Url::parse(discover_uri.expose().trim()).map_err(|_| ApiError::BadLink {
        detail: "the DiscoverUri is not an absolute URL".into(),
    })?;
    let resp = http
        .send(Request::get(url).origin(origin).tag("discovery"))
        .await?;
    Ok((resp.json()?, resp))
}

/// `POST anonApplications` (§A.8) → 201 application.
pub async fn create_application(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    body: &ApplicationRequest,
) -> Result<(Application, Response), ApiError> {
    let resp = http
        .send(
            Request::post(url)
                .bearer(&auth.token())
                .origin(&auth.origin)
                .json(body)
                .tag("application"),
        )
        .await?;
    Ok((resp.json()?, resp))
}

/// One P-GET of the event channel, held by the server up to its own limit.
pub async fn get_events(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    read_timeout: Duration,
) -> Result<(EventBatch, Response), ApiError> {
    let resp = http
        .send(
            Request::get(url)
                .bearer(&auth.token())
                .origin(&auth.origin)
                .timeout(read_timeout)
                .tag("event_channel"),
        )
        .await?;
    Ok((resp.json()?, resp))
}

/// `POST onlineMeetingInvitations` (§A.10) → 201 + `Location`.
pub async fn join_meeting(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    body: &OnlineMeetingInvitationRequest,
) -> Result<Response, ApiError> {
    http.send(
        Request::post(url)
            .bearer(&auth.token())
            .origin(&auth.origin)
            .json(body)
            .tag("join_request"),
    )
    .await
}

/// `DELETE` a resource (conversation = leave; application = sign out).
pub async fn delete(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    timeout: Duration,
) -> Result<Response, ApiError> {
    http.send(
        Request::delete(url)
            .bearer(&auth.token())
            .origin(&auth.origin)
            .timeout(timeout)
            .tag("leave"),
    )
    .await
}

/// `POST addMessaging` `{operationId}` (§6) → 201 + Location of a messagingInvitation.
pub async fn add_messaging(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    operation_id: &str,
) -> Result<Response, ApiError> {
    let body = crate::api::wire::ucwa::MessagingRequest {
        operation_id: Some(operation_id.to_string()),
        ..Default::default()
    };
    http.send(
        Request::post(url)
            .bearer(&auth.token())
            .origin(&auth.origin)
            .json(&body)
            .tag("chat"),
    )
    .await
}

/// `POST <sendMessage>?operationId=<id>` with a `text/plain` body → 201; the outcome arrives as
/// a `message completed` event.
pub async fn send_message(
    http: &HttpClient,
    mut url: Url,
    auth: &UcwaAuth,
    text: &str,
    operation_id: &str,
) -> Result<Response, ApiError> {
    url.query_pairs_mut()
        .append_pair("operationId", operation_id);
    http.send(
        Request::post(url)
            .bearer(&auth.token())
            .origin(&auth.origin)
            .text("text/plain", text)
            .tag("chat"),
    )
    .await
}

/// `POST <setIsTyping>` with no body (starts a short server-side timer).
pub async fn set_typing(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
) -> Result<Response, ApiError> {
    http.send(
        Request::post(url)
            .bearer(&auth.token())
            .origin(&auth.origin)
            .tag("chat"),
    )
    .await
}

/// `GET` a resource the meeting linked (the `onlineMeeting`, its `phoneDialInInformation`)
/// and decode it as `T`; given at most 10 s, as nothing waits on it but a detail to show.
pub async fn get_resource<T: serde::de::DeserializeOwned>(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    tag: &'static str,
) -> Result<(T, Response), ApiError> {
    let resp = http
        .send(
            Request::get(url)
                .bearer(&auth.token())
                .origin(&auth.origin)
                .timeout(Duration::from_secs(10))
                .tag(tag),
        )
        .await?;
    Ok((resp.json()?, resp))
}

/// `POST <addPhoneAudio>` `{operationId, phoneNumber, to}` ("call me") → 201 + Location of a
/// `phoneAudioInvitation`. The body carries the guest's number: recorded bodies mask it.
pub async fn add_phone_audio(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    body: &crate::api::wire::phone::PhoneAudioRequest,
) -> Result<Response, ApiError> {
    http.send(
        Request::post(url)
            .bearer(&auth.token())
            .origin(&auth.origin)
            .json(body)
            .tag("phone"),
    )
    .await
}

/// `POST <stopPhoneAudio>` with no body → 204.
pub async fn stop_phone_audio(
    http: &HttpClient,
    url: Url,
    auth: &UcwaAuth,
    timeout: Duration,
) -> Result<Response, ApiError> {
    http.send(
        Request::post(url)
            .bearer(&auth.token())
            .origin(&auth.origin)
            .timeout(timeout)
            .tag("phone"),
    )
    .await
}
