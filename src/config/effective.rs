//! Effective values, resolved once for a join by the window and the command line alike:
//! flag > environment > file > default. Origin and culture come from `--origin`/`--culture`
//! (the command line only), `GUEST_JOIN_ORIGIN`/`GUEST_JOIN_CULTURE`, the config file, then the
//! default origin and the culture of the system's `LANG`.

use url::Url;

use super::{Config, ENV_CA_FILE, ENV_CULTURE, ENV_ORIGIN, ENV_PROXY, check_culture, check_origin};
use crate::api::http::check_transport;

/// Where an effective value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env(&'static str),
    File,
    Default,
}

/// `flag`, else `env`, else `file`, else `default`.
pub fn pick<T>(
    flag: Option<T>,
    env: Option<(T, &'static str)>,
    file: Option<T>,
    default: T,
) -> (T, Source) {
    match (flag, env, file) {
        (Some(v), _, _) => (v, Source::Flag),
        (None, Some((v, name)), _) => (v, Source::Env(name)),
        (None, None, Some(v)) => (v, Source::File),
        (None, None, None) => (default, Source::Default),
    }
}

/// The values of `GUEST_JOIN_ORIGIN`, `GUEST_JOIN_CULTURE`, `GUEST_JOIN_PROXY` and
/// `GUEST_JOIN_CA_FILE` (read once at start).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvOverrides {
    pub origin: Option<String>,
    pub culture: Option<String>,
    pub proxy: Option<String>,
    pub ca_file: Option<String>,
}

impl EnvOverrides {
    pub fn from_process() -> Self {
        let get = |k| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        Self {
            origin: get(ENV_ORIGIN),
            culture: get(ENV_CULTURE),
            proxy: get(ENV_PROXY),
            ca_file: get(ENV_CA_FILE),
        }
    }
}

/// Origin and culture as used for a join, with where each came from and any problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effective {
    pub origin: (String, Source),
    pub culture: (String, Source),
    /// Invalid environment values (they are ignored).
    pub problems: Vec<String>,
}

/// Values given on the command line; they win over everything else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub origin: Option<String>,
    pub culture: Option<String>,
}

/// Resolve origin and culture for the window (it has no flags; a bad environment value is
/// ignored and reported in `problems`).
pub fn effective(config: &Config, env: &EnvOverrides, default_culture: &str) -> Effective {
    resolve(&Flags::default(), config, env, default_culture)
        .unwrap_or_else(|_| unreachable!("without flags nothing is refused"))
}

/// Resolve origin and culture: flag > environment > file > default. A bad flag is refused
/// (`Err` names it); a bad environment value is ignored and reported in `problems`.
pub fn resolve(
    flags: &Flags,
    config: &Config,
    env: &EnvOverrides,
    default_culture: &str,
) -> Result<Effective, String> {
    let flag_origin = flags
        .origin
        .as_deref()
        .map(|o| parse_origin(o).map_err(|why| format!("--origin {o:?} {why}")))
        .transpose()?;
    let flag_culture = flags
        .culture
        .as_deref()
        .map(|c| check_culture(c).map_err(|why| format!("--culture {c:?}: {why}")))
        .transpose()?;
    let mut problems = Vec::new();
    let mut from_env =
        |value: &Option<String>, name: &'static str, check: fn(&str) -> Result<String, String>| {
            value.as_deref().and_then(|v| match check(v) {
                Ok(v) => Some((v, name)),
                Err(e) => {
                    problems.push(format!("{name}={v:?} is ignored: {e}"));
                    None
                }
            })
        };
    let env_origin = from_env(&env.origin, ENV_ORIGIN, check_origin);
    let env_culture = from_env(&env.culture, ENV_CULTURE, check_culture);
    Ok(Effective {
        origin: pick(
            flag_origin,
            env_origin,
            config.origin.clone(),
            crate::join::request::DEFAULT_ORIGIN.to_string(),
        ),
        culture: pick(
            flag_culture,
            env_culture,
            config.culture.clone(),
            default_culture.to_string(),
        ),
        problems,
    })
}

/// The culture of the system: `LANG` (`de_DE.UTF-8` → `de-DE`), else `en-US`.
pub fn default_culture() -> String {
    std::env::var("LANG")
        .ok()
        .and_then(|l| culture_of_lang(&l))
        .unwrap_or_else(|| "en-US".to_string())
}

fn culture_of_lang(lang: &str) -> Option<String> {
    let tag = lang
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-");
    let ok = (2..=16).contains(&tag.len())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && tag != "C"
        && tag != "POSIX";
    ok.then_some(tag)
}

/// An origin is `scheme://host[:port]`: https, or http for this computer only. `Err` is the
/// reason, to follow the value in a message.
pub fn parse_origin(text: &str) -> Result<String, String> {
    let url = Url::parse(text.trim())
        .map_err(|_| "is not an origin like https://contoso.com".to_string())?;
    if url.path() != "/"
        || url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
    {
        return Err("must be only scheme://host[:port], without a path".into());
    }
    check_transport(&url).map_err(|_| "must use https (http only for localhost)".to_string())?;
    Ok(url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_or_refused_with_the_reason() {
        assert_eq!(
            parse_origin("https://contoso.com"),
            Ok("https://contoso.com".into())
        );
        assert_eq!(
            parse_origin(" https://contoso.com/ "),
            Ok("https://contoso.com".into())
        );
        assert_eq!(
            parse_origin("http://localhost:3000"),
            Ok("http://localhost:3000".into())
        );
        assert_eq!(
            parse_origin(" HTTPS://Contoso.COM:443 "),
            Ok("https://contoso.com".into())
        );
        assert_eq!(
            parse_origin("http://contoso.com"),
            Err("must use https (http only for localhost)".into())
        );
        assert_eq!(
            parse_origin("https://ada@contoso.com"),
            Err("must be only scheme://host[:port], without a path".into())
        );
        assert_eq!(
            parse_origin("https://contoso.com/app"),
            Err("must be only scheme://host[:port], without a path".into())
        );
        assert_eq!(
            parse_origin("contoso.com"),
            Err("is not an origin like https://contoso.com".into())
        );
    }

    #[test]
    fn cultures_come_from_lang() {
        assert_eq!(culture_of_lang("de_DE.UTF-8"), Some("de-DE".into()));
        assert_eq!(culture_of_lang("sr_RS@latin"), Some("sr-RS".into()));
        assert_eq!(culture_of_lang("C"), None);
        assert_eq!(culture_of_lang("POSIX"), None);
        assert_eq!(culture_of_lang(""), None);
    }

    #[test]
    fn flags_win_and_bad_flags_are_refused_by_name() {
        let file = Config {
            origin: Some("https://file.example".into()),
            culture: Some("fr-FR".into()),
            ..Config::default()
        };
        let env = EnvOverrides {
            origin: Some("https://env.example".into()),
            culture: Some("de-DE".into()),
            ..EnvOverrides::default()
        };
        let flags = Flags {
            origin: Some("https://flag.example/".into()),
            culture: Some("it-IT".into()),
        };
        let e = resolve(&flags, &file, &env, "en-GB").unwrap();
        assert_eq!(e.origin, ("https://flag.example".into(), Source::Flag));
        assert_eq!(e.culture, ("it-IT".into(), Source::Flag));
        let e = resolve(&Flags::default(), &file, &env, "en-GB").unwrap();
        assert_eq!(
            e.origin,
            ("https://env.example".into(), Source::Env(ENV_ORIGIN))
        );
        assert_eq!(e.culture, ("de-DE".into(), Source::Env(ENV_CULTURE)));
        let bad = Flags {
            origin: Some("ftp://x".into()),
            ..Flags::default()
        };
        assert_eq!(
            resolve(&bad, &file, &env, "en-GB").unwrap_err(),
            "--origin \"ftp://x\" must use https (http only for localhost)"
        );
        let bad = Flags {
            culture: Some("not a tag".into()),
            ..Flags::default()
        };
        assert_eq!(
            resolve(&bad, &file, &env, "en-GB").unwrap_err(),
            "--culture \"not a tag\": Use a language tag like en-US or de-DE."
        );
    }
}
