//! A small fake of Azure AD and the Trusted Application API, serving the published shapes
//! (`tests/fixtures/ucwa/ta-*.json`): relative hrefs, one rel prefix per instance, `/Date(ms)/`
//! or ISO expiry, mixed-case `platformService` path.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use url::Url;

use super::{CLIENT_SECRET, SIP};

pub const APP_ID: &str = "1037450622";
/// Marks every minted guest token and discover URL, so log checks can look for it.
pub const PSAT_MARK: &str = "SECRETPSAT";
/// Marks every AAD token.
pub const AAD_MARK: &str = "aad-token-SECRET";
/// `ta-anonApplicationToken-response.fixture.json`'s expiry and its ISO form.
pub const EXPIRY_MS: &str = "/Date(1488872625837)/";
pub const EXPIRY_MS_ISO: &str = "2017-03-07T07:43:45.837Z";
pub const EXPIRY_ISO: &str = "2016-06-27T01:42:13.094Z";

#[derive(Default)]
pub struct Counters {
    pub aad: AtomicUsize,
    pub discover: AtomicUsize,
    pub applications: AtomicUsize,
    pub capabilities: AtomicUsize,
    pub tokens: AtomicUsize,
}

pub struct FakeState {
    prefix: &'static str,
    iso_expiry: bool,
    pub calls: Counters,
    /// `expires_in` of the AAD tokens, seconds.
    pub aad_lifetime: AtomicU64,
    /// The one AAD token the platform accepts now.
    valid_token: Mutex<String>,
    /// Revoke the current AAD token at the next platform call (answer 401 to it).
    pub revoke_next: AtomicBool,
    /// Answer 401 to every platform call.
    pub always_401: AtomicBool,
    /// Leave `anonApplicationTokens` out of the capabilities.
    pub omit_tokens_link: AtomicBool,
    /// Status and JSON body to answer the token POST with instead of a token.
    pub token_failure: Mutex<Option<(u16, serde_json::Value)>>,
    pub last_aad_form: Mutex<HashMap<String, String>>,
    pub last_token_request: Mutex<Option<(String, serde_json::Value)>>,
    pub applications_query: Mutex<Option<String>>,
}

pub struct FakeTap {
    pub base: Url,
    pub state: Arc<FakeState>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeTap {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FakeTap {
    /// `prefix` is `"service:"` or `"ms:rtc:saas:"`.
    pub async fn start(prefix: &'static str, iso_expiry: bool) -> FakeTap {
        let state = Arc::new(FakeState {
            prefix,
            iso_expiry,
            calls: Counters::default(),
            aad_lifetime: AtomicU64::new(3599),
            valid_token: Mutex::new(String::new()),
            revoke_next: AtomicBool::new(false),
            always_401: AtomicBool::new(false),
            omit_tokens_link: AtomicBool::new(false),
            token_failure: Mutex::new(None),
            last_aad_form: Mutex::new(HashMap::new()),
            last_token_request: Mutex::new(None),
            applications_query: Mutex::new(None),
        });
        let app = Router::new()
            .route("/contoso/oauth2/token", post(aad_token))
            .route("/platformservice/discover", get(discover))
            .route("/platformService/v1/applications", get(applications))
            .route("/platformservice/v1/applications/{id}", get(capabilities))
            .route(
                "/platformservice/v1/applications/{id}/anonApplicationTokens",
                post(anon_token),
            )
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = Url::parse(&format!("http://{}/", listener.local_addr().unwrap())).unwrap();
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.ok();
        });
        FakeTap { base, state, task }
    }

    pub fn aad_url(&self) -> Url {
        self.base.join("/contoso/oauth2/token").unwrap()
    }

    pub fn discover_url(&self) -> Url {
        self.base.join("/platformservice/discover").unwrap()
    }

    pub fn count(&self, c: fn(&Counters) -> &AtomicUsize) -> usize {
        c(&self.state.calls).load(Ordering::SeqCst)
    }

    pub fn set_token_failure(&self, status: u16, body: serde_json::Value) {
        *self.state.token_failure.lock().unwrap() = Some((status, body));
    }

    /// The discover href the fake puts into its token answers for `session`.
    pub fn discover_href(session: &str) -> String {
        format!(
            "https://api.skypeforbusiness.com/platformService/discover?anonymousMeetingJoinContext=psat%253d{PSAT_MARK}-{session}"
        )
    }
}

fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [(
            header::WWW_AUTHENTICATE,
            "Bearer trusted_issuers=\"\", client_id=\"00000004-0000-0ff1-ce00-000000000000\"",
        )],
        "401 - Unauthorized: Access is denied due to invalid credentials.",
    )
        .into_response()
}

/// `None` when the request carries the currently valid AAD token.
fn check_auth(state: &FakeState, headers: &HeaderMap) -> Option<Response> {
    if state.always_401.load(Ordering::SeqCst) {
        return Some(unauthorized());
    }
    let mut valid = state.valid_token.lock().unwrap();
    if state.revoke_next.swap(false, Ordering::SeqCst) {
        *valid = "revoked".to_string();
    }
    let expected = format!("Bearer {valid}");
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    (valid.is_empty() || given != Some(expected.as_str())).then(unauthorized)
}

fn check_endpoint(query: &HashMap<String, String>) -> Option<Response> {
    (query.get("endpointId").map(String::as_str) != Some(SIP)).then(|| {
        (
            StatusCode::FORBIDDEN,
            Json(json!({"code": "Forbidden", "subcode": "ApplicationNotFound"})),
        )
            .into_response()
    })
}

async fn aad_token(
    State(s): State<Arc<FakeState>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    *s.last_aad_form.lock().unwrap() = form.clone();
    if form.get("client_secret").map(String::as_str) != Some(CLIENT_SECRET)
        || form.get("grant_type").map(String::as_str) != Some("client_credentials")
    {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret."})),
        )
            .into_response();
    }
    let n = s.calls.aad.fetch_add(1, Ordering::SeqCst) + 1;
    let token = format!("{AAD_MARK}-{n}");
    *s.valid_token.lock().unwrap() = token.clone();
    let lifetime = s.aad_lifetime.load(Ordering::SeqCst).to_string();
    Json(json!({"token_type": "Bearer", "expires_in": lifetime, "access_token": token, "resource": "https://api.skypeforbusiness.com"}))
        .into_response()
}

async fn discover(State(s): State<Arc<FakeState>>, headers: HeaderMap) -> Response {
    s.calls.discover.fetch_add(1, Ordering::SeqCst);
    if let Some(r) = check_auth(&s, &headers) {
        return r;
    }
    let p = s.prefix;
    Json(json!({
        "_links": {
            "self": {"href": "/platformservice/discover?deploymentpreference=Weekly"},
            format!("{p}applications"): {"href": "/platformService/v1/applications"},
            "myApplications": {"href": "/platformservice/v1/myApplications"}
        },
        "rel": format!("{p}discover")
    }))
    .into_response()
}

async fn applications(
    State(s): State<Arc<FakeState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
    uri: axum::http::Uri,
) -> Response {
    s.calls.applications.fetch_add(1, Ordering::SeqCst);
    *s.applications_query.lock().unwrap() = uri.query().map(str::to_string);
    if let Some(r) = check_auth(&s, &headers).or_else(|| check_endpoint(&q)) {
        return r;
    }
    let p = s.prefix;
    Json(json!({
        "_links": {
            "self": {"href": "/platformservice/v1/applications"},
            format!("{p}application"): {"href": format!("/platformservice/v1/applications/{APP_ID}?endpointId=sip%3ahelpdesk%40contoso.com")}
        },
        "rel": format!("{p}applications")
    }))
    .into_response()
}

async fn capabilities(
    State(s): State<Arc<FakeState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    s.calls.capabilities.fetch_add(1, Ordering::SeqCst);
    if let Some(r) = check_auth(&s, &headers).or_else(|| check_endpoint(&q)) {
        return r;
    }
    let p = s.prefix;
    let base = format!("/platformservice/v1/applications/{id}");
    let mut links = serde_json::Map::new();
    links.insert(
        "self".into(),
        json!({"href": format!("{base}?endpointId=sip%3ahelpdesk%40contoso.com")}),
    );
    if !s.omit_tokens_link.load(Ordering::SeqCst) {
        links.insert(
            format!("{p}anonApplicationTokens"),
            json!({"href": format!("{base}/anonApplicationTokens?endpointId={SIP}")}),
        );
    }
    Json(json!({
        "_links": links,
        "_embedded": {
            format!("{p}communication"): {
                "_links": {
                    "self": {"href": format!("{base}/communication?endpointId={SIP}")},
                    format!("{p}joinOnlineMeeting"): {"href": format!("{base}/communication/onlineMeetingInvitations?endpointId={SIP}")}
                },
                "rel": format!("{p}communication"),
                "etag": "4294967295"
            },
            format!("{p}adhocMeetings"): {
                "_links": {"self": {"href": format!("{base}/adhocMeetings?endpointId={SIP}")}},
                "rel": format!("{p}adhocMeetings")
            }
        },
        "rel": format!("{p}application")
    }))
    .into_response()
}

async fn anon_token(
    State(s): State<Arc<FakeState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    Json(body): Json<serde_json::Value>,
) -> Response {
    s.calls.tokens.fetch_add(1, Ordering::SeqCst);
    if let Some(r) = check_auth(&s, &headers).or_else(|| check_endpoint(&q)) {
        return r;
    }
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    *s.last_token_request.lock().unwrap() = Some((ct, body.clone()));
    if let Some((status, failure)) = s.token_failure.lock().unwrap().clone() {
        let status = StatusCode::from_u16(status).unwrap();
        return (status, Json(failure)).into_response();
    }
    let p = s.prefix;
    let session = body["applicationSessionId"].as_str().unwrap_or("none");
    let expiry = if s.iso_expiry { EXPIRY_ISO } else { EXPIRY_MS };
    Json(json!({
        "token": format!("psat={PSAT_MARK}-{session}"),
        "expiryTime": expiry,
        "_links": {
            "self": {"href": format!("/platformservice/v1/applications/{id}/anonApplicationTokens?endpointId={SIP}")},
            format!("{p}discover"): {"href": FakeTap::discover_href(session)}
        },
        "rel": format!("{p}anonApplicationToken")
    }))
    .into_response()
}
