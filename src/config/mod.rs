//! The user's configuration file (docs/design.md §7): TOML at the platform config dir
//! (`~/.config/guest-join/config.toml` on Linux), or the file named by `--config` or
//! `GUEST_JOIN_CONFIG`. Precedence for values that also have flags or environment variables:
//! flag > environment > file > default.
//!
//! The file never holds tokens or service keys: a profile names the *environment variable* that
//! holds its key. A broken file gives one message naming the file, line and field, and the caller
//! starts with defaults. Unknown top-level keys are tolerated: they are reported as warnings
//! (file, line, key) and kept when Settings save the file (`edit`: only the keys Settings own
//! change). The remembered name and service live in `state`. Inside a `[[profile]]` an
//! unknown key is an error, because a misspelt key there (say `service_key` with the key itself
//! in it) would otherwise be silently ignored.

use std::ffi::OsStr;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};

use crate::api::transport::ProxyPolicy;

/// Environment variable naming the config file.
pub const ENV_CONFIG: &str = "GUEST_JOIN_CONFIG";
/// Environment variable overriding the origin.
pub const ENV_ORIGIN: &str = "GUEST_JOIN_ORIGIN";
/// Environment variable overriding the culture.
pub const ENV_CULTURE: &str = "GUEST_JOIN_CULTURE";
/// Environment variable overriding the proxy (`system`, `none` or a proxy URL).
pub const ENV_PROXY: &str = "GUEST_JOIN_PROXY";
/// Environment variable overriding the CA bundle file.
pub const ENV_CA_FILE: &str = "GUEST_JOIN_CA_FILE";

pub const MIN_TEXT_SCALE: f32 = 0.75;
pub const MAX_TEXT_SCALE: f32 = 2.5;

const TOP_KEYS: [&str; 13] = [
    "kiosk",
    "language",
    "origin",
    "proxy",
    "no_proxy",
    "ca_file",
    "culture",
    "text_scale",
    "theme",
    "notifications",
    "display_name",
    "last_profile",
    "profile",
];

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The file's contents. Every field has a default, so an empty file is valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_origin"
    )]
    pub origin: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_culture"
    )]
    pub culture: Option<String>,
    /// The window's language: a tag there are messages for (`de`, `pt-BR`), or `system`
    /// (the default: the system's language).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_language"
    )]
    pub language: Option<String>,
    #[serde(deserialize_with = "de_text_scale")]
    pub text_scale: f32,
    pub theme: Theme,
    /// Desktop notifications while the window is behind others (admitted, the meeting ended
    /// for the guest, a message); never on a kiosk.
    pub notifications: bool,
    /// The name typed last time: in memory from the state file (`state`); read from files of
    /// older versions, never written to this file again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The profile chosen last time (a profile name, or "demo"): like `display_name`, kept in
    /// the state file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_profile: Option<String>,
    /// `system` (the default: the proxy environment variables), `none`, or a proxy URL.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de_proxy")]
    pub proxy: Option<String>,
    /// Hosts reached without the explicit `proxy` (comma-separated).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_no_proxy"
    )]
    pub no_proxy: Option<String>,
    /// A PEM file of root certificates trusted in addition to the system's.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_ca_file"
    )]
    pub ca_file: Option<PathBuf>,
    #[serde(rename = "profile", skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
    /// The `[kiosk]` section (operator-managed; kiosk mode never writes the file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kiosk: Option<KioskConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            origin: None,
            culture: None,
            language: None,
            text_scale: 1.0,
            theme: Theme::System,
            notifications: true,
            display_name: None,
            last_profile: None,
            proxy: None,
            no_proxy: None,
            ca_file: None,
            profiles: Vec::new(),
            kiosk: None,
        }
    }
}

// ----- validation shared by the file reader and the settings screen -----

/// An origin: `scheme://host[:port]`, https (http only for this computer).
pub fn check_origin(text: &str) -> Result<String, String> {
    parse_origin(text).map_err(|_| "Use an origin like https://contoso.com (no path).".to_string())
}

/// A culture tag such as `en-US`.
pub fn check_culture(text: &str) -> Result<String, String> {
    let t = text.trim();
    let ok = (2..=35).contains(&t.len())
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && t.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if ok {
        Ok(t.to_string())
    } else {
        Err("Use a language tag like en-US or de-DE.".into())
    }
}

/// An environment variable name: letters, digits and `_`, not starting with a digit.
pub fn check_env_name(text: &str) -> Result<String, String> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.len() <= 128
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !t.starts_with(|c: char| c.is_ascii_digit());
    if ok {
        Ok(t.to_string())
    } else {
        Err("Use the name of an environment variable, like CONTOSO_SERVICE_KEY.".into())
    }
}

/// A proxy setting: `system`, `none` or an http(s) proxy URL (the text as given, trimmed).
pub fn check_proxy(text: &str) -> Result<String, String> {
    ProxyPolicy::parse(text, None)?;
    Ok(text.trim().to_string())
}

/// A `no_proxy` list: comma-separated host names, IP addresses or networks, or `*`.
pub fn check_no_proxy(text: &str) -> Result<String, String> {
    let t = text.trim();
    let ok = t.len() <= 4096
        && t.split(',').map(str::trim).all(|part| {
            part.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:/[]*_".contains(c))
        });
    if ok {
        Ok(t.to_string())
    } else {
        Err("List host names, IP addresses or networks separated by commas, like .corp.example, 10.0.0.0/8.".into())
    }
}

/// A CA file path: not empty (whether it can be used is checked when it is loaded).
pub fn check_ca_file(text: &str) -> Result<PathBuf, String> {
    let t = text.trim();
    if t.is_empty() || t.chars().any(char::is_control) {
        return Err("Give the path of a PEM file with one or more CA certificates.".into());
    }
    Ok(PathBuf::from(t))
}

pub fn check_text_scale(v: f32) -> Result<f32, String> {
    if (MIN_TEXT_SCALE..=MAX_TEXT_SCALE).contains(&v) {
        Ok(v)
    } else {
        Err(format!(
            "text size must be between {MIN_TEXT_SCALE} and {MAX_TEXT_SCALE}"
        ))
    }
}

fn de_with<'de, D, T, U>(d: D, check: impl Fn(&T) -> Result<U, String>) -> Result<U, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let v = T::deserialize(d)?;
    check(&v).map_err(serde::de::Error::custom)
}

fn de_origin<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| check_origin(s).map(Some))
}

fn de_culture<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| check_culture(s).map(Some))
}

fn de_language<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| check_language_setting(s).map(Some))
}

/// `system`, or a language there are messages for (`de`, `de-AT`, `pt_BR`).
pub fn check_language_setting(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("system") {
        return Ok("system".into());
    }
    crate::i18n::check_language(t).map(|_| t.to_string())
}

fn de_proxy<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| check_proxy(s).map(Some))
}

fn de_no_proxy<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_with(d, |s: &String| check_no_proxy(s).map(Some))
}

fn de_ca_file<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
    de_with(d, |s: &String| check_ca_file(s).map(Some))
}

fn de_text_scale<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    de_with(d, |v: &f32| check_text_scale(*v))
}

// ----- reading -----

/// A file that could not be used: shown in a banner; the app runs with defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What loading produced: the configuration to use, and what to tell the user.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// Set when the file exists but could not be used (then `config` is the default).
    pub error: Option<ConfigError>,
    /// Unknown keys and other things that did not stop the file from loading.
    pub warnings: Vec<String>,
}

/// The config file to use: `--config`, else `GUEST_JOIN_CONFIG`, else the platform config dir.
pub fn config_path(flag: Option<&Path>, env: Option<&OsStr>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_path_buf());
    }
    if let Some(e) = env.filter(|e| !e.is_empty()) {
        return Some(PathBuf::from(e));
    }
    directories::ProjectDirs::from("", "", "guest-join").map(|d| d.config_dir().join("config.toml"))
}

/// Read the file; a missing file is not an error.
pub fn load(path: &Path) -> Loaded {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Loaded::default(),
        Err(e) => Loaded {
            error: Some(ConfigError {
                file: path.to_path_buf(),
                line: None,
                field: None,
                message: format!("cannot be read ({e}); using the defaults"),
            }),
            ..Loaded::default()
        },
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The key named on a line (`key = value`, `[table]`, `[[table]]`).
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?.trim();
    let key = if l.starts_with('[') {
        l.trim_matches(|c| c == '[' || c == ']')
    } else {
        l.split_once('=')?.0
    };
    let key = key.trim().trim_matches('"');
    (!key.is_empty()).then(|| key.to_string())
}

/// The first line that assigns `key` (for warnings).
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Parse file contents (`file` names the file in messages).
pub fn parse(text: &str, file: &Path) -> Loaded {
    let error = |line: Option<usize>, field: Option<String>, message: String| Loaded {
        error: Some(ConfigError {
            file: file.to_path_buf(),
            line,
            field,
            message: format!("{message}; using the defaults"),
        }),
        ..Loaded::default()
    };
    if let Some((at, field, message)) = profile::kind_problem(text) {
        return error(Some(line_of(text, at)), Some(field.into()), message);
    }
    let config: Config = match toml::from_str(text) {
        Ok(c) => c,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start));
            let field = line.and_then(|l| key_on_line(text, l));
            let message = e.message().trim().to_string();
            return error(line, field, message);
        }
    };
    let mut seen = std::collections::HashSet::new();
    for p in &config.profiles {
        if !seen.insert(p.name.to_lowercase()) {
            let line = text
                .lines()
                .enumerate()
                .filter(|(_, l)| {
                    l.split_once('=').is_some_and(|(k, v)| {
                        k.trim() == "name"
                            && v.trim().trim_matches('"').eq_ignore_ascii_case(&p.name)
                    })
                })
                .nth(1)
                .map(|(i, _)| i + 1);
            return error(
                line,
                Some("name".into()),
                format!("two join services are called {:?}", p.name),
            );
        }
    }
    let warnings = unknown_keys(text)
        .into_iter()
        .map(|key| {
            let line = key
                .rsplit('.')
                .next()
                .and_then(|k| line_of_key(text, k))
                .map(|l| format!(", line {l}"))
                .unwrap_or_default();
            format!("{}{line}: unknown key `{key}` ignored", file.display())
        })
        .collect();
    Loaded {
        config,
        error: None,
        warnings,
    }
}

fn unknown_keys(text: &str) -> Vec<String> {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, v) in &table {
        if !TOP_KEYS.contains(&k.as_str()) {
            out.push(k.clone());
        } else if k == "profile"
            && let Some(list) = v.as_array()
        {
            for p in list.iter().filter_map(toml::Value::as_table) {
                out.extend(
                    p.keys()
                        .filter(|pk| !PROFILE_KEYS.contains(&pk.as_str()))
                        .map(|pk| format!("profile.{pk}")),
                );
            }
        }
    }
    out
}

// ----- writing -----

/// Save the settings of `config` into the file at `path`, changing only the keys Settings owns
/// and keeping the rest of the file as it is (`edit`). `fresh` starts a new file instead (the
/// old one could not be read; the caller kept a copy).
pub fn save(config: &Config, path: &Path, fresh: bool) -> io::Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) if !fresh => Some(text),
        Ok(_) => None,
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let text = edit::with_settings(existing.as_deref(), config)?;
    edit::write_atomically(path, &text)
}

/// Keep a copy of a file that could not be read before it is replaced (`<file>.broken`).
pub fn keep_broken_copy(path: &Path) -> io::Result<PathBuf> {
    let mut name = path.as_os_str().to_owned();
    name.push(".broken");
    let copy = PathBuf::from(name);
    std::fs::copy(path, &copy)?;
    Ok(copy)
}

mod edit;
mod effective;
pub mod kiosk;
pub mod kiosk_pin;
mod profile;
pub mod state;
mod transport;
pub use effective::{
    Effective, EnvOverrides, Flags, Source, default_culture, effective, parse_origin, pick, resolve,
};
pub use kiosk::KioskConfig;
use profile::PROFILE_KEYS;
pub use profile::{
    Profile, ProfileKind, UrlProblem, check_autodiscover_url, check_profile_name,
    check_service_url, check_token_url,
};
pub use transport::{Transport, transport};

#[cfg(test)]
mod tests;
