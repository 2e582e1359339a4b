//! Masking secrets in text meant for people and files: URLs with token-bearing query values,
//! `psat=`/`cwt=` tokens in any encoding, and explicitly known secret values (docs/design.md §8).

use crate::secret::{REDACTED, Secret};

/// Token schemes, in the plain, once- and twice-URL-encoded forms they appear in.
const TOKEN_MARKERS: [&str; 6] = [
    "psat=",
    "psat%3d",
    "psat%253d",
    "cwt=",
    "cwt%3d",
    "cwt%253d",
];

/// Query keys whose values are secrets wherever they appear.
const SECRET_QUERY_KEYS: [&str; 5] = [
    "anonymousmeetingjoincontext",
    "anonymouscontext",
    "key",
    "access_token",
    "token",
];

/// Mask every token-looking run in `text`: `psat=eyJ...` becomes `psat=[redacted]`.
pub fn mask_tokens(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let hit = TOKEN_MARKERS
            .iter()
            .filter_map(|m| lower[i..].find(m).map(|p| (i + p, m.len())))
            .min_by_key(|(p, _)| *p);
        match hit {
            Some((pos, len)) => {
                out.push_str(&text[i..pos + len]);
                let rest = &text[pos + len..];
                let end = rest
                    .find(|c: char| {
                        !(c.is_ascii_alphanumeric()
                            || matches!(c, '-' | '_' | '.' | '%' | '+' | '/' | '='))
                    })
                    .unwrap_or(rest.len());
                if end > 0 {
                    out.push_str(REDACTED);
                }
                i = pos + len + end;
            }
            None => {
                out.push_str(&text[i..]);
                break;
            }
        }
    }
    out
}

/// A URL safe to show: secret query values masked, tokens masked anywhere.
pub fn url_for_display(url: &str) -> String {
    const BASE: &str = "http://relative.invalid";
    let (parsed, relative) = match url::Url::parse(url) {
        Ok(u) => (Some(u), false),
        Err(_) => (
            url::Url::parse(BASE).ok().and_then(|b| b.join(url).ok()),
            true,
        ),
    };
    let masked = match parsed {
        Some(mut u) => {
            if u.query().is_some() {
                let pairs: Vec<(String, String)> = u
                    .query_pairs()
                    .map(|(k, v)| {
                        let secret = SECRET_QUERY_KEYS.contains(&k.to_ascii_lowercase().as_str());
                        (
                            k.into_owned(),
                            if secret {
                                REDACTED.to_string()
                            } else {
                                v.into_owned()
                            },
                        )
                    })
                    .collect();
                u.query_pairs_mut().clear().extend_pairs(pairs);
            }
            // The mask reads better unescaped: `key=[redacted]`, not `key=%5Bredacted%5D`.
            let s = u.to_string().replace("%5Bredacted%5D", REDACTED);
            if relative {
                s.strip_prefix(BASE).map(str::to_string).unwrap_or(s)
            } else {
                s
            }
        }
        None => url.to_string(),
    };
    mask_tokens(&masked)
}

/// Masks known secret values (and token patterns) in text.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    secrets: Vec<Secret>,
}

impl Redactor {
    pub fn new() -> Self {
        Self::default()
    }

    /// Remember a secret; its plain and URL-encoded forms are masked from then on.
    pub fn add(&mut self, secret: &Secret) {
        let v = secret.expose();
        if v.len() < 6 || self.secrets.iter().any(|s| s.expose() == v) {
            return;
        }
        self.secrets.push(secret.clone());
        let once: String = url::form_urlencoded::byte_serialize(v.as_bytes()).collect();
        if once != v {
            let twice: String = url::form_urlencoded::byte_serialize(once.as_bytes()).collect();
            self.secrets.push(Secret::new(once));
            self.secrets.push(Secret::new(twice));
        }
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for s in &self.secrets {
            if out.contains(s.expose()) {
                out = out.replace(s.expose(), REDACTED);
            }
        }
        mask_tokens(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_tokens_in_every_encoding() {
        let t =
            "Bearer psat=eyJhbGc.eyJzdWI.sig_-x and ?ctx=psat%253deyJ0eXAi.abc&x=1 cwt=AAEB...buHc";
        let m = mask_tokens(t);
        assert!(!m.contains("eyJ"), "{m}");
        assert!(!m.contains("AAEB"), "{m}");
        assert!(m.contains("&x=1"));
        assert_eq!(mask_tokens("no secrets here"), "no secrets here");
        assert_eq!(mask_tokens("PSAT=abc"), "PSAT=[redacted]");
    }

    #[test]
    fn masks_secret_query_values() {
        let u = "https://h.example/platformService/discover?anonymousMeetingJoinContext=psat%253deyJ0.x&Region=eu";
        let shown = url_for_display(u);
        assert!(!shown.contains("eyJ0"), "{shown}");
        assert!(shown.contains("Region=eu"));
        assert!(
            shown.contains("anonymousMeetingJoinContext=[redacted]"),
            "{shown}"
        );
        let ev = url_for_display("/ucwa/psanon/v1/applications/1/events?ack=3&key=c2lwOm");
        assert!(!ev.contains("c2lwOm"));
    }

    #[test]
    fn redactor_masks_known_values_and_their_encodings() {
        let mut r = Redactor::new();
        r.add(&Secret::new("service key/with+specials"));
        let text = "a service key/with+specials b service+key%2Fwith%2Bspecials";
        assert_eq!(r.redact(text), "a [redacted] b [redacted]");
        r.add(&Secret::new("k"));
        assert_eq!(r.redact("k"), "k");
    }
}
