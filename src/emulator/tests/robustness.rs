//! Bad input never panics and never gets a 5xx; every error but the 401 challenges is UCWA JSON
//! (or AAD JSON on the token endpoint).

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};

use super::*;

#[tokio::test]
async fn bad_requests_get_clear_4xx_answers() {
    let h = Harness::new();
    let mut g = h.guest(OPEN, "Robust").await;
    h.join(&g, OPEN, "op").await;
    let batches = h.batches_until(&mut g, |e| e.succeeded()).await;
    let conv = find(&batches, "conversation", "added").link.href.clone();
    let app = g.href(Rel::SelfLink);
    let pool_paths = [
        "/ucwa/psanon/v1/applications".to_string(),
        app.clone(),
        format!("{app}/events"),
        format!("{app}/events?ack=abc"),
        format!("{app}/events?ack=18446744073709551615"),
        format!("{app}/events?ack=-1&timeout=x"),
        format!("{app}/communication/onlineMeetingInvitations"),
        format!("{app}/communication/onlineMeetingInvitations/zzz"),
        conv.clone(),
        format!("{conv}/participants/%00"),
        format!("{conv}/messaging/messages/0"),
        format!("{conv}/messaging/messages/99999999999999999999"),
        format!("{conv}/messaging/messagingInvitations"),
        format!("{conv}/messaging/typing"),
        format!("{app}/batch"),
        format!("{app}/me/makeMeAvailable"),
        "/ucwa/psanon/v1/applications/123/../../x".to_string(),
    ];
    let platform_paths = [
        "/contoso.example/oauth2/token".to_string(),
        "/platformservice/discover?anonymousContext=%25%25%25".to_string(),
        "/platformservice/discover?anonymousMeetingJoinContext=psat%3D".to_string(),
        h.tokens_path(),
        "/platformservice/v1/applications/1/adhocMeetings".to_string(),
        "/control/admit".to_string(),
        "/control/faults".to_string(),
        "/control/meetings".to_string(),
        "/control/nothing".to_string(),
    ];
    let bodies: [&[u8]; 6] = [
        b"",
        b"{",
        b"[]",
        b"null",
        br#"{"culture": 5, "onlineMeetingUri": [1]}"#,
        &[0xff, 0xfe, 0x00],
    ];
    let aad = h.aad().await;
    for method in [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
    ] {
        for body in bodies {
            for (side, paths) in [
                (Side::Pool, &pool_paths[..]),
                (Side::Platform, &platform_paths[..]),
            ] {
                for path in paths {
                    let bearer = match side {
                        Side::Pool => g.token.clone(),
                        Side::Platform => aad.clone(),
                    };
                    let req = Request::builder()
                        .method(method.clone())
                        .uri(path)
                        .header("authorization", format!("Bearer {bearer}"))
                        .header("origin", ORIGIN)
                        .header("content-type", "application/json")
                        .body(Body::from(body.to_vec()))
                        .unwrap();
                    let is_pool = matches!(side, Side::Pool);
                    let resp = h.send(side, req).await;
                    let what = format!("{method} {path} {:?}", String::from_utf8_lossy(body));
                    assert!(resp.status.as_u16() < 500, "{what}: {}", resp.status);
                    if resp.status.is_client_error() && resp.status != StatusCode::UNAUTHORIZED {
                        assert!(
                            resp.header("content-type")
                                .is_some_and(|c| c.starts_with("application/json")),
                            "{what}"
                        );
                        if is_pool || !path.contains("oauth2") {
                            assert!(!resp.error().code.as_str().is_empty(), "{what}");
                        }
                    }
                }
            }
        }
    }
    assert!(h.control().journal().len() > 5 * 6 * 26);
}
