//! Pool listener: the anonymous application (create, get, delete), authentication, origins,
//! anonymous-forbidden operations, unknown routes, token revocation.

use axum::http::{Method, StatusCode};

use super::*;
use crate::api::wire::ucwa::{Communication, Me};

#[tokio::test]
async fn create_application_has_the_traced_shape() {
    let h = Harness::new();
    let tok = h.anon_token("s-app", OPEN).await;
    // PascalCase, as the Web SDK sent it.
    let body = serde_json::json!({"AnonymousDisplayName": "Jo Guest", "Culture": "en-US", "UserAgent": "tests/1.0"});
    let resp = h
        .pool_as(
            Method::POST,
            "/ucwa/psanon/v1/applications",
            &tok.token,
            ORIGIN,
            Some(body),
        )
        .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    assert_eq!(resp.header("access-control-allow-origin"), Some(ORIGIN));
    assert!(resp.header("x-ms-correlation-id").is_some());
    let app: Application = resp.decode();
    let id = app.id.clone().unwrap();
    assert!(id.chars().all(|c| c.is_ascii_digit()));
    assert_eq!(app.kind.as_deref(), Some("Browser"));
    assert_eq!(app.endpoint_id.as_deref(), Some("s-app"));
    assert_eq!(app.culture.as_deref(), Some("en-US"));
    assert_eq!(app.rel.as_deref(), Some("application"));
    let claims = crate::api::wire::psat::decode_unverified(&tok.token).unwrap();
    assert_eq!(app.expires.unwrap().unix_ms, claims.exp * 1000);
    let base = format!("/ucwa/psanon/v1/applications/{id}");
    assert_eq!(app.links.href(Rel::SelfLink), Some(base.as_str()));
    assert_eq!(
        app.links.href(Rel::Policies),
        Some(format!("{base}/policies").as_str())
    );
    // No `batch`: the emulator does not run multipart/batching, so it does not offer it.
    assert!(app.links.iter().all(|(rel, _)| rel != "batch"));
    let events = app.links.href(Rel::Events).unwrap();
    assert!(
        events.starts_with(&format!("{base}/events?ack=")) && events.contains("&key="),
        "{events}"
    );
    let me: Me = app.embedded.get(Rel::Me).unwrap().unwrap();
    assert_eq!(me.name.as_deref(), Some("Jo Guest"));
    assert!(me.uri.unwrap().ends_with("@anonymous.invalid"));
    let comm: Communication = app.embedded.get(Rel::Communication).unwrap().unwrap();
    assert_eq!(
        comm.links.href(Rel::JoinOnlineMeeting),
        Some(format!("{base}/communication/onlineMeetingInvitations").as_str())
    );
    assert_eq!(
        comm.links.href(Rel::Conversations),
        Some(format!("{base}/communication/conversations?filter=active").as_str())
    );
    assert!(comm.links.has(Rel::MediaPolicies));
    assert!(
        comm.extra
            .values()
            .any(|v| v == "please pass this in a PUT request")
    );
    assert!(
        comm.supported_message_formats
            .contains(&"Plain".to_string())
    );
    // Every href is relative to the pool.
    let text = String::from_utf8_lossy(&resp.body);
    assert!(!text.contains("http://"), "{text}");
}

#[tokio::test]
async fn create_application_validates_the_body() {
    let h = Harness::new();
    let tok = h.anon_token("s-val", OPEN).await;
    for (body, param) in [
        (serde_json::json!({"userAgent": "x"}), "culture"),
        (serde_json::json!({"culture": "en-US"}), "userAgent"),
        (
            serde_json::json!({"culture": "en-US", "userAgent": "x".repeat(101)}),
            "userAgent",
        ),
    ] {
        let resp = h
            .pool_as(
                Method::POST,
                "/ucwa/psanon/v1/applications",
                &tok.token,
                ORIGIN,
                Some(body),
            )
            .await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST);
        let e = resp.error();
        assert_eq!(e.subcode, Some(UcwaSubcode::ParameterValidationFailure));
        assert_eq!(e.parameters.unwrap()[0]["name"], param);
    }
}

#[tokio::test]
async fn pool_requires_a_valid_token_and_an_allowed_origin() {
    let h = Harness::new();
    let tok = h.anon_token("s-auth", OPEN).await;
    let body = serde_json::json!({"culture": "en-US", "userAgent": "x"});
    let resp = h
        .pool_as(
            Method::POST,
            "/ucwa/psanon/v1/applications",
            "psat=forged.x.y",
            ORIGIN,
            Some(body.clone()),
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert!(
        resp.header("www-authenticate")
            .unwrap()
            .starts_with("Bearer")
    );
    assert!(
        resp.header("x-ms-diagnostics")
            .unwrap()
            .starts_with("28055;source=")
    );
    let resp = h
        .pool_as(
            Method::POST,
            "/ucwa/psanon/v1/applications",
            &tok.token,
            "https://evil.example",
            Some(body),
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert_eq!(resp.error().code, UcwaCode::Forbidden);
    assert!(resp.header("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn get_and_delete_application() {
    let h = Harness::new();
    let g = h.guest(OPEN, "Del").await;
    let me = g.href(Rel::SelfLink);
    let resp = h.pool(&g, Method::GET, &me, None).await;
    assert_eq!(resp.status, StatusCode::OK);
    let again: Application = resp.decode();
    assert_eq!(again.id, g.app.id);
    // Another session's token cannot see it.
    let other = h.anon_token("someone-else", OPEN).await.token;
    let resp = h.pool_as(Method::GET, &me, &other, ORIGIN, None).await;
    assert_eq!(resp.error().subcode, Some(UcwaSubcode::ApplicationNotFound));

    assert_eq!(
        h.pool(&g, Method::DELETE, &me, None).await.status,
        StatusCode::NO_CONTENT
    );
    for _ in 0..2 {
        let resp = h.pool(&g, Method::GET, &me, None).await;
        assert_eq!(resp.status, StatusCode::NOT_FOUND);
        assert_eq!(resp.error().subcode, Some(UcwaSubcode::ApplicationNotFound));
    }
    assert_eq!(
        h.pool(&g, Method::DELETE, &me, None).await.status,
        StatusCode::NOT_FOUND
    );
    let apps = h.control().applications();
    assert_eq!(apps[0].state, crate::emulator::AppState::Deleted);
}

#[tokio::test]
async fn anonymous_users_may_not_report_activity() {
    let h = Harness::new();
    let g = h.guest(OPEN, "Anon").await;
    // Every path the documentation names them under: the application, `me`, `communication`.
    for under in ["", "/me", "/communication"] {
        for op in ["reportMyActivity", "makeMeAvailable"] {
            let path = format!("{}{under}/{op}", g.href(Rel::SelfLink));
            let resp = h.pool(&g, Method::POST, &path, None).await;
            assert_eq!(resp.status, StatusCode::FORBIDDEN, "{path}");
            assert_eq!(resp.error().subcode, Some(UcwaSubcode::AnonymousNotAllowed));
            let resp = h.pool(&g, Method::GET, &path, None).await;
            assert_eq!(resp.status, StatusCode::METHOD_NOT_ALLOWED, "{path}");
            assert_eq!(resp.header("allow"), Some("POST"));
        }
    }
    let resp = h
        .pool(
            &g,
            Method::GET,
            &format!("{}/me", g.href(Rel::SelfLink)),
            None,
        )
        .await;
    assert_eq!(resp.decode::<Me>().name.as_deref(), Some("Anon"));
}

#[tokio::test]
async fn unsupported_methods_are_405_with_allow() {
    let h = Harness::new();
    let g = h.guest(OPEN, "Methods").await;
    let app = g.href(Rel::SelfLink);
    for (method, path, allow) in [
        (Method::PUT, app.clone(), "GET, DELETE"),
        (Method::DELETE, format!("{app}/me"), "GET"),
        (Method::POST, format!("{app}/communication"), "GET"),
        (
            Method::GET,
            format!("{app}/communication/onlineMeetingInvitations"),
            "POST",
        ),
        (Method::POST, format!("{app}/events"), "GET"),
    ] {
        let resp = h.pool(&g, method.clone(), &path, None).await;
        assert_eq!(
            resp.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        assert_eq!(resp.header("allow"), Some(allow), "{method} {path}");
        assert_eq!(resp.error().code, UcwaCode::MethodNotAllowed);
    }
    // `batch` is not offered, so it is not there.
    let resp = h
        .pool(&g, Method::POST, &format!("{app}/batch"), None)
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    let journal = h.control().journal();
    assert!(
        journal
            .iter()
            .any(|e| e.route == Route::MethodNotAllowed && e.status == 405),
        "the journal names the route"
    );
}

#[tokio::test]
async fn unknown_routes_are_ucwa_not_found() {
    let h = Harness::new();
    let g = h.guest(OPEN, "Lost").await;
    for path in ["/nothing/here", "/ucwa/psanon/v2/applications"] {
        let resp = h.pool(&g, Method::GET, path, None).await;
        assert_eq!(resp.status, StatusCode::NOT_FOUND);
        assert!(
            resp.header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        assert_eq!(resp.error().code, UcwaCode::NotFound);
    }
    let resp = h
        .pool(
            &g,
            Method::GET,
            &format!("{}/communication/conversations/nope", g.href(Rel::SelfLink)),
            None,
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    let resp = h.platform(Method::GET, "/favicon.ico", None, None).await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.error().code, UcwaCode::NotFound);
}

#[tokio::test]
async fn expired_tokens_get_401() {
    let h = Harness::new();
    let a = h.guest(OPEN, "Ann").await;
    let b = h.guest(OPEN, "Bob").await;
    assert_eq!(h.control().expire_tokens(Some("session-Ann")), 1);
    assert_eq!(
        h.pool(&a, Method::GET, &a.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        h.pool(&b, Method::GET, &b.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::OK
    );
    // A new token for the same session works (rejoin).
    let fresh = h.anon_token("session-Ann", OPEN).await.token;
    assert_eq!(
        h.pool_as(Method::GET, &a.href(Rel::SelfLink), &fresh, ORIGIN, None)
            .await
            .status,
        StatusCode::OK
    );
    h.control().expire_tokens(None);
    assert_eq!(
        h.pool(&b, Method::GET, &b.href(Rel::SelfLink), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn only_the_latest_thousand_ended_applications_are_kept() {
    let h = Harness::new();
    let mut ids = Vec::new();
    for i in 0..1_002 {
        let g = h.guest(OPEN, &format!("Guest {i}")).await;
        let me = g.href(Rel::SelfLink);
        assert_eq!(
            h.pool(&g, Method::DELETE, &me, None).await.status,
            StatusCode::NO_CONTENT
        );
        ids.push(g.app.id.clone().expect("an application id"));
    }
    let kept: Vec<String> = h
        .control()
        .applications()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(kept.len(), 1_000);
    // The two oldest are forgotten, the newest kept.
    assert!(!kept.contains(&ids[0]) && !kept.contains(&ids[1]));
    assert!(kept.contains(&ids[2]) && kept.contains(&ids[1_001]));
}
