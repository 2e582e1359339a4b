//! Transport settings of the HTTP client: extra root certificates (a PEM bundle added to the
//! system's roots) and the proxy policy. Certificate verification itself is never optional:
//! nothing here can turn it off.
//!
//! Proxies: `System` follows the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
//! `NO_PROXY`, upper or lower case, as curl reads them). The client is built without reqwest's
//! `system-proxy` feature, so on Windows and macOS the desktop's own proxy settings are not read
//! either: "system" means those environment variables on every platform. `None` connects
//! directly; `Explicit` uses one proxy for every request except the hosts in its `no_proxy`
//! list. Loopback destinations (the built-in demo) are always reached directly.

use std::fmt;
use std::path::{Path, PathBuf};

use url::Url;

/// A proxy URL that may carry credentials (`http://user:password@proxy:3128`). `Debug` and
/// `Display` never show the user name or password; read the full URL with `expose`.
#[derive(Clone, PartialEq, Eq)]
pub struct ProxyUrl(Url);

impl ProxyUrl {
    /// `http://` or `https://` proxy with a host; a path, query or fragment is refused.
    pub fn parse(text: &str) -> Result<Self, String> {
        let shown = mask_userinfo_text(text.trim());
        let url = Url::parse(text.trim()).map_err(|_| {
            format!("{shown:?} is not a proxy URL; use one like http://proxy.example:3128")
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!(
                "the proxy must be an http:// or https:// URL, not {}://",
                url.scheme()
            ));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err("the proxy URL has no host name".into());
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err("the proxy URL takes only a scheme, host and port (no path)".into());
        }
        Ok(Self(url))
    }

    /// The full URL, credentials included. Call it only to hand it to the HTTP library.
    pub fn expose(&self) -> &str {
        self.0.as_str()
    }

    pub fn has_credentials(&self) -> bool {
        !self.0.username().is_empty() || self.0.password().is_some()
    }

    /// `scheme://host:port` without credentials, for messages and diagnostics.
    pub fn shown(&self) -> String {
        let mut u = self.0.clone();
        let had = self.has_credentials();
        let _ = u.set_username("");
        let _ = u.set_password(None);
        let base = u.as_str().trim_end_matches('/').to_string();
        if had {
            base.replacen("://", "://[credentials]@", 1)
        } else {
            base
        }
    }
}

/// `user:pass@` in a text that did not parse, masked for the error message.
fn mask_userinfo_text(text: &str) -> String {
    match (text.find("://"), text.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}[credentials]{}", &text[..s + 3], &text[at..]),
        (None, Some(at)) => format!("[credentials]{}", &text[at..]),
        _ => text.to_string(),
    }
}

impl fmt::Debug for ProxyUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProxyUrl({})", self.shown())
    }
}

impl fmt::Display for ProxyUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown())
    }
}

/// Which proxy requests to other computers go through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ProxyPolicy {
    /// The environment: `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY`.
    #[default]
    System,
    /// Direct connections only; proxy environment variables are ignored.
    None,
    /// This proxy, except for the hosts in `no_proxy` (comma-separated names, IPs, CIDRs; `*`
    /// for all; a name also matches its subdomains).
    Explicit { url: ProxyUrl, no_proxy: String },
}

impl ProxyPolicy {
    /// `system`, `none`, or a proxy URL (the form the config file, the environment variable
    /// and `--proxy` take).
    pub fn parse(text: &str, no_proxy: Option<&str>) -> Result<Self, String> {
        match text.trim() {
            t if t.eq_ignore_ascii_case("system") => Ok(Self::System),
            t if t.eq_ignore_ascii_case("none") => Ok(Self::None),
            t => Ok(Self::Explicit {
                url: ProxyUrl::parse(t)?,
                no_proxy: no_proxy.unwrap_or("").trim().to_string(),
            }),
        }
    }

    /// How it is written in the config file (credentials are never written: see `Config`).
    pub fn shown(&self) -> String {
        match self {
            Self::System => "system".into(),
            Self::None => "none".into(),
            Self::Explicit { url, .. } => url.shown(),
        }
    }
}

/// Why a CA bundle cannot be used. Every message names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaBundleError {
    #[error("CA file {}: not found", .0.display())]
    Missing(PathBuf),
    #[error("CA file {}: cannot be read ({detail})", .path.display())]
    Unreadable { path: PathBuf, detail: String },
    #[error("CA file {}: no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)", .0.display())]
    NoCertificate(PathBuf),
    #[error("CA file {}: not a valid PEM certificate bundle ({detail})", .path.display())]
    Invalid { path: PathBuf, detail: String },
}

/// Root certificates added to the system's (a company CA, a TLS-inspecting proxy's CA).
#[derive(Clone)]
pub struct CaBundle {
    path: PathBuf,
    pem: Vec<u8>,
    count: usize,
}

impl fmt::Debug for CaBundle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaBundle")
            .field("path", &self.path)
            .field("certificates", &self.count)
            .finish()
    }
}

impl CaBundle {
    /// Read and check a PEM file with one or more certificates.
    pub fn load(path: &Path) -> Result<Self, CaBundleError> {
        let pem = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CaBundleError::Missing(path.to_path_buf()),
            _ => CaBundleError::Unreadable {
                path: path.to_path_buf(),
                detail: e.to_string(),
            },
        })?;
        Self::from_pem(path, pem)
    }

    /// Check PEM bytes (`path` names them in messages).
    pub fn from_pem(path: &Path, pem: Vec<u8>) -> Result<Self, CaBundleError> {
        let certs =
            reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| CaBundleError::Invalid {
                path: path.to_path_buf(),
                detail: e.without_url().to_string(),
            })?;
        if certs.is_empty() {
            return Err(CaBundleError::NoCertificate(path.to_path_buf()));
        }
        Ok(Self {
            path: path.to_path_buf(),
            count: certs.len(),
            pem,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub(crate) fn certificates(&self) -> Result<Vec<reqwest::Certificate>, CaBundleError> {
        reqwest::Certificate::from_pem_bundle(&self.pem).map_err(|e| CaBundleError::Invalid {
            path: self.path.clone(),
            detail: e.without_url().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_policy_parses_the_three_forms() {
        assert_eq!(ProxyPolicy::parse("system", None), Ok(ProxyPolicy::System));
        assert_eq!(ProxyPolicy::parse(" NONE ", None), Ok(ProxyPolicy::None));
        let ProxyPolicy::Explicit { url, no_proxy } =
            ProxyPolicy::parse("http://proxy.example:3128", Some(" .corp, 10.0.0.0/8 ")).unwrap()
        else {
            panic!("expected an explicit proxy");
        };
        assert_eq!(url.expose(), "http://proxy.example:3128/");
        assert_eq!(no_proxy, ".corp, 10.0.0.0/8");
        for (bad, why) in [
            ("proxy.example:3128", "must be an http:// or https:// URL"),
            ("socks5://proxy.example:1080", "not socks5://"),
            (
                "http://proxy.example:3128/path",
                "the proxy URL takes only a scheme, host and port (no path)",
            ),
            (
                "",
                "is not a proxy URL; use one like http://proxy.example:3128",
            ),
        ] {
            let e = ProxyPolicy::parse(bad, None).expect_err(bad);
            assert!(e.contains(why), "{bad:?}: {e}");
        }
    }

    #[test]
    fn proxy_credentials_are_never_shown() {
        let url = ProxyUrl::parse("http://ada:s3cret@proxy.example:3128").unwrap();
        for shown in [format!("{url}"), format!("{url:?}"), url.shown()] {
            assert!(!shown.contains("s3cret"), "{shown}");
            assert!(!shown.contains("ada"), "{shown}");
            assert!(shown.contains("proxy.example:3128"), "{shown}");
        }
        assert!(url.expose().contains("ada:s3cret@"));
        let policy = ProxyPolicy::Explicit {
            url,
            no_proxy: String::new(),
        };
        assert!(!format!("{policy:?}").contains("s3cret"));
        let err = ProxyPolicy::parse("ftp://ada:s3cret@proxy.example", None).unwrap_err();
        assert!(!err.contains("s3cret"), "{err}");
        let err = ProxyPolicy::parse("ada:s3cret@proxy example", None).unwrap_err();
        assert!(!err.contains("s3cret"), "{err}");
    }

    #[test]
    fn ca_bundle_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.pem");
        let e = CaBundle::load(&missing).unwrap_err();
        assert_eq!(e, CaBundleError::Missing(missing.clone()));
        assert!(e.to_string().contains("missing.pem"));
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "just some text\n").unwrap();
        let e = CaBundle::load(&text).unwrap_err();
        assert_eq!(e, CaBundleError::NoCertificate(text));
        let broken = dir.path().join("broken.pem");
        std::fs::write(
            &broken,
            "-----BEGIN CERTIFICATE-----\nnot base64 !!\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let e = CaBundle::load(&broken).unwrap_err();
        assert!(e.to_string().contains("broken.pem"), "{e}");
        assert!(
            CaBundle::load(dir.path()).is_err(),
            "a directory is not a CA file"
        );
    }
}
