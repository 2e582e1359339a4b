//! The platform-service anonymous token (psat): `psat=<JWT>` with claims `nbf`, `exp`, `ruu`,
//! `asi` (ApplicationSessionId), `aeu` (endpoint URI), `ao` (allowed origins, `;`-joined),
//! `confid` (conference URI) and `ucwaext` (docs/protocol.md §A.6).
//!
//! Clients treat the token as opaque except for one fallback: reading `confid` when the discover
//! document carries no conference URI (docs/protocol.md §A.7). The emulator mints and verifies
//! these tokens with a local HMAC-SHA256 key (the real service used RS256; the emulator never
//! accepts real tokens).

use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

pub const PSAT_PREFIX: &str = "psat=";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PsatClaims {
    #[serde(default)]
    pub nbf: i64,
    #[serde(default)]
    pub exp: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ruu: Option<String>,
    #[serde(default)]
    pub asi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aeu: Option<String>,
    #[serde(default)]
    pub ao: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ucwaext: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PsatError {
    #[error("the token does not start with psat=")]
    NoPrefix,
    #[error("the token is not a three-part JWT")]
    NotJwt,
    #[error("the token's payload is not base64url JSON")]
    BadPayload,
    #[error("the token's signature does not verify")]
    BadSignature,
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
}

fn jwt_part(token: &str) -> Result<&str, PsatError> {
    let t = token.trim();
    let t = t
        .strip_prefix(PSAT_PREFIX)
        .or_else(|| {
            t.strip_prefix("Bearer ")
                .and_then(|r| r.strip_prefix(PSAT_PREFIX))
        })
        .ok_or(PsatError::NoPrefix)?;
    Ok(t)
}

/// Read the claims without checking the signature (client-side fallback only).
pub fn decode_unverified(token: &str) -> Result<PsatClaims, PsatError> {
    let jwt = jwt_part(token)?;
    let mut parts = jwt.split('.');
    let (_h, p, _s) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(h), Some(p), Some(s), None) => (h, p, s),
        _ => return Err(PsatError::NotJwt),
    };
    let bytes = b64()
        .decode(p.trim_end_matches('='))
        .map_err(|_| PsatError::BadPayload)?;
    serde_json::from_slice(&bytes).map_err(|_| PsatError::BadPayload)
}

fn sign(key: &[u8], signing_input: &str) -> Vec<u8> {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for Hmac<Sha256>.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => return Vec::new(),
    };
    mac.update(signing_input.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// Mint `psat=<header>.<claims>.<signature>` (emulator).
pub fn mint(claims: &PsatClaims, key: &[u8]) -> String {
    let header = r#"{"typ":"JWT","alg":"HS256","x5t":"guest-join-emulator"}"#;
    let payload = serde_json::to_vec(claims).unwrap_or_default();
    let signing_input = format!("{}.{}", b64().encode(header), b64().encode(payload));
    let sig = b64().encode(sign(key, &signing_input));
    format!("{PSAT_PREFIX}{signing_input}.{sig}")
}

/// Verify the signature and return the claims (emulator). Expiry is the caller's business.
pub fn verify(token: &str, key: &[u8]) -> Result<PsatClaims, PsatError> {
    let jwt = jwt_part(token)?;
    let (signing_input, sig) = jwt.rsplit_once('.').ok_or(PsatError::NotJwt)?;
    let given = b64().decode(sig).map_err(|_| PsatError::BadSignature)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(key).map_err(|_| PsatError::BadSignature)?;
    mac.update(signing_input.as_bytes());
    mac.verify_slice(&given)
        .map_err(|_| PsatError::BadSignature)?;
    decode_unverified(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> PsatClaims {
        PsatClaims {
            nbf: 1,
            exp: 2,
            asi: "session".into(),
            ao: "https://a.example;https://b.example".into(),
            confid: Some("sip:o@x;gruu;opaque=app:conf:focus:id:ABC".into()),
            ..Default::default()
        }
    }

    #[test]
    fn mint_verify_round_trip() {
        let t = mint(&claims(), b"k1");
        assert!(t.starts_with("psat=eyJ"));
        assert_eq!(verify(&t, b"k1").unwrap(), claims());
        assert_eq!(verify(&t, b"k2"), Err(PsatError::BadSignature));
        assert_eq!(decode_unverified(&t).unwrap().asi, "session");
    }

    #[test]
    fn tampered_and_malformed_tokens_fail() {
        let t = mint(&claims(), b"k1");
        let mut tampered = t.clone();
        tampered.insert(20, 'x');
        assert!(verify(&tampered, b"k1").is_err());
        assert_eq!(decode_unverified("cwt=abc"), Err(PsatError::NoPrefix));
        assert_eq!(decode_unverified("psat=abc"), Err(PsatError::NotJwt));
        assert_eq!(decode_unverified("psat=a.!!.c"), Err(PsatError::BadPayload));
    }
}
