//! The proxy and the CA file to use (flag > environment > file > default), and the HTTP
//! options made from them.

use std::path::{Path, PathBuf};

use super::{Config, ENV_CA_FILE, ENV_PROXY, EnvOverrides, Source, check_ca_file, pick};
use crate::api::transport::{CaBundle, ProxyPolicy};

/// The proxy and CA file to use, with where each came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transport {
    pub proxy: (ProxyPolicy, Source),
    pub ca_file: (Option<PathBuf>, Source),
}

/// Resolve the proxy and CA file. Unlike origin and culture, an invalid value is an error (not
/// ignored): a proxy or CA the user asked for is never silently replaced by a direct connection
/// or the system roots alone. `no_proxy` comes from the file and applies to an explicit proxy.
pub fn transport(
    flag_proxy: Option<&str>,
    flag_ca_file: Option<&Path>,
    env: &EnvOverrides,
    config: &Config,
) -> Result<Transport, String> {
    let no_proxy = config.no_proxy.as_deref();
    let parse = |text: &str, what: &str| {
        ProxyPolicy::parse(text, no_proxy).map_err(|e| format!("{what}: {e}"))
    };
    let flag = flag_proxy.map(|p| parse(p, "--proxy")).transpose()?;
    let from_env = env
        .proxy
        .as_deref()
        .map(|p| parse(p, ENV_PROXY).map(|v| (v, ENV_PROXY)))
        .transpose()?;
    let file = config
        .proxy
        .as_deref()
        .map(|p| parse(p, "proxy in the config file"))
        .transpose()?;
    let proxy = pick(flag, from_env, file, ProxyPolicy::System);
    let flag_ca = flag_ca_file
        .map(|p| check_ca_file(&p.to_string_lossy()).map_err(|e| format!("--ca-file: {e}")))
        .transpose()?;
    let env_ca = env
        .ca_file
        .as_deref()
        .map(|p| {
            check_ca_file(p)
                .map(|p| (p, ENV_CA_FILE))
                .map_err(|e| format!("{ENV_CA_FILE}: {e}"))
        })
        .transpose()?;
    let (ca, source) = pick(flag_ca, env_ca, config.ca_file.clone(), PathBuf::new());
    let ca_file = (source != Source::Default).then_some(ca);
    Ok(Transport {
        proxy,
        ca_file: (ca_file, source),
    })
}

impl Transport {
    /// The HTTP options for this transport: the CA file is read and checked here.
    pub fn http_options(&self) -> Result<crate::api::HttpOptions, String> {
        let ca_bundle = match &self.ca_file.0 {
            Some(path) => Some(CaBundle::load(path).map_err(|e| e.to_string())?),
            None => None,
        };
        Ok(crate::api::HttpOptions {
            ca_bundle,
            proxy: self.proxy.0.clone(),
            ..crate::api::HttpOptions::default()
        })
    }
}
