//! The search for secrets every redaction test uses (docs/design.md §8): a JWT, a token value
//! after `psat=` (flow A), `cwt=` (flow B's web ticket) or `anonymousMeetingJoinContext=`, plain
//! or URL-encoded (a mask such as `[redacted]` is not a value), an unmasked bearer token, the
//! Azure AD client secret of the demo's service application, and whatever else a test passes in.

use std::process::Output;

use guest_join::emulator::DEFAULT_CLIENT_SECRET;

use super::binary::SERVICE_KEY;

/// For `also`: what a join's outputs must not even name (unlike `check-service`, whose report
/// describes the token's format), and the service key the demo joins pass.
pub const NOT_IN_A_JOIN: [(&str, &str); 2] =
    [("the word psat", "psat"), ("the service key", SERVICE_KEY)];

/// A character of a token value: the JWT alphabet, URL-encoded or not.
fn token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '%' | '+' | '/')
}

/// Whether `marker` (lower case) is ever followed by a token value in `lower`.
fn value_after(lower: &str, marker: &str) -> bool {
    lower
        .match_indices(marker)
        .any(|(i, _)| lower[i + marker.len()..].starts_with(token_char))
}

/// What follows `Bearer `: the mask, or a challenge's parameter (`WWW-Authenticate: Bearer
/// trusted_issuers="…"`, quotes escaped or not), which carries no token.
fn masked_or_challenge(after: &str) -> bool {
    let name = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .count();
    let rest = &after[name..];
    after.starts_with("[redacted]")
        || (name > 0 && (rest.starts_with("=\"") || rest.starts_with("=\\\"")))
}

/// Every secret in `text`, named; `also` adds (name, value) pairs a test knows about.
pub fn secrets_in(text: &str, also: &[(&str, &str)]) -> Vec<String> {
    let mut found = Vec::new();
    if text.contains("eyJ") {
        found.push("a JWT (eyJ…)".to_string());
    }
    let lower = text.to_ascii_lowercase();
    for (name, key) in [
        ("psat", "psat"),
        ("cwt", "cwt"),
        ("anonymousMeetingJoinContext", "anonymousmeetingjoincontext"),
    ] {
        let plain_or_encoded = [
            format!("{key}="),
            format!("{key}%3d"),
            format!("{key}%253d"),
        ];
        if plain_or_encoded.iter().any(|m| value_after(&lower, m)) {
            found.push(format!("an unmasked {name}="));
        }
    }
    let unmasked_bearer = text
        .match_indices("Bearer ")
        .any(|(i, m)| !masked_or_challenge(&text[i + m.len()..]));
    if unmasked_bearer {
        found.push("an unmasked bearer token".to_string());
    }
    for (name, value) in [("the AAD client secret", DEFAULT_CLIENT_SECRET)]
        .iter()
        .chain(also)
    {
        if text.contains(value) {
            found.push((*name).to_string());
        }
    }
    found
}

/// `text` (named `what` in the failure) holds no secret.
pub fn assert_no_secret(what: &str, text: &str, also: &[(&str, &str)]) {
    let found = secrets_in(text, also);
    assert!(found.is_empty(), "{what} holds {found:?}:\n{text}");
}

/// Neither stdout nor stderr of `out` holds a secret.
pub fn assert_no_secrets(out: &Output, also: &[(&str, &str)]) {
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert_no_secret(name, &String::from_utf8_lossy(bytes), also);
    }
}
