//! Property tests: text and bytes survive encoding and decoding in the URL-encoded and the
//! base64 forms, and no string makes the decoder panic.

use base64::Engine as _;
use proptest::prelude::*;

use super::*;

fn media_type() -> impl Strategy<Value = String> {
    "(text|application|image)/[a-z0-9][a-z0-9.+-]{0,15}"
}

/// Every byte percent-encoded: the most literal form a server could send.
fn percent_all(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("%{b:02X}")).collect()
}

fn expected(bytes: &[u8]) -> Result<String, DataUriError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| DataUriError::NotUtf8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_round_trips_url_encoded(mt in media_type(), text in any::<String>()) {
        let d = decode(&encode_text(&mt, &text)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!((d.media_type, d.text), (mt, text));
    }

    #[test]
    fn text_round_trips_base64(mt in media_type(), text in any::<String>()) {
        let d = decode(&encode_base64(&mt, &text)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!((d.media_type, d.text), (mt, text));
    }

    #[test]
    fn bytes_decode_to_text_exactly_when_utf8(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let want = expected(&bytes);
        let percent = decode(&format!("data:text/plain,{}", percent_all(&bytes)));
        prop_assert_eq!(percent.map(|d| d.text), want.clone());
        for engine in [
            base64::engine::general_purpose::STANDARD,
            base64::engine::general_purpose::STANDARD_NO_PAD,
            base64::engine::general_purpose::URL_SAFE_NO_PAD,
        ] {
            let b64 = engine.encode(&bytes);
            let d = decode(&format!("data:text/plain;base64,{b64}"));
            prop_assert_eq!(d.map(|d| d.text), want.clone(), "{}", b64);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = decode(&s);
        let _ = decode(&format!("data:{s}"));
        let _ = decode(&format!("data:text/plain;base64,{s}"));
        let _ = decode(&format!("DATA:text/html,{s}"));
    }

    #[test]
    fn data_uri_like_strings_never_panic(
        s in "(data|DATA|dat)?:?[a-z/]{0,12}(;[a-z=0-9-]{0,10}){0,3},?[A-Za-z0-9+/=%_ -]{0,40}",
    ) {
        if let Ok(d) = decode(&s) {
            prop_assert!(!d.media_type.is_empty());
        }
    }
}
