//! An answer of the service application (the token URL), 2xx or error: bytes → the client's
//! token-response validation or its error-body reading. Nothing may panic; every failure is an
//! `ApiError` with a message.

#![no_main]

use guest_join::api::response::{Response, error_for_status};
use guest_join::api::service::parse_token_response;
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let url = Url::parse("https://sa.example/GetAnonTokenJob").expect("static URL");
    if first < 128 {
        let resp = Response {
            status: 200,
            headers: Default::default(),
            body: body.to_vec().into(),
            url,
            elapsed: Default::default(),
        };
        if let Err(e) = parse_token_response(&resp) {
            assert!(!e.to_string().is_empty());
        }
    } else {
        let status = 400 + u16::from(first - 128);
        let e = error_for_status(status, &Default::default(), body, &url);
        assert!(!e.to_string().is_empty());
    }
});
