//! The settings screen's copy of the configuration: edited field by field, checked as typed,
//! turned into a [`Config`] only when every field is valid.

use crate::config::{self, Config, Profile, ProfileKind, UrlProblem, check_service_url};

/// What is wrong with a settings field (the view words it in the window's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsProblem {
    ServiceNameEmpty,
    ServiceNameLong,
    ServiceNameTaken,
    TokenUrl(UrlProblem),
    Autodiscover(UrlProblem),
    EnvName,
    Origin,
    Culture,
    Proxy,
    NoProxy,
    CaFilePath,
    /// The CA file is there but cannot be used: why, in the words of the certificate reader.
    CaFileUnusable(String),
}

/// One editable profile on the settings screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    pub name: String,
    /// Skype for Business Server directly (flow B) rather than a service application.
    pub direct: bool,
    pub token_url: String,
    pub service_key_env: String,
    /// Direct only: where autodiscover starts; empty for `https://lyncdiscover.<domain>/`.
    pub autodiscover: String,
}

impl ProfileDraft {
    fn of(p: &Profile) -> Self {
        let mut d = ProfileDraft {
            name: p.name.clone(),
            ..ProfileDraft::default()
        };
        match &p.kind {
            ProfileKind::Service {
                token_url,
                service_key_env,
            } => {
                d.token_url = token_url.clone();
                d.service_key_env = service_key_env.clone().unwrap_or_default();
            }
            ProfileKind::Direct { autodiscover } => {
                d.direct = true;
                d.autodiscover = autodiscover.clone().unwrap_or_default();
            }
        }
        d
    }

    /// The profile to save (the fields of the other kind are dropped).
    fn to_profile(&self) -> Profile {
        fn text(t: &str) -> Option<&str> {
            Some(t.trim()).filter(|t| !t.is_empty())
        }
        let name = self.name.trim();
        if self.direct {
            Profile::direct(name, text(&self.autodiscover))
        } else {
            Profile::service(name, self.token_url.trim(), text(&self.service_key_env))
        }
    }
}

/// The settings screen's copy of the configuration, saved only on "Save".
#[derive(Debug, Clone)]
pub struct SettingsDraft {
    pub profiles: Vec<ProfileDraft>,
    pub origin: String,
    pub culture: String,
    pub text_scale: f32,
    pub theme: config::Theme,
    pub notifications: bool,
    /// `system`, `none` or a proxy URL; empty means `system`.
    pub proxy: String,
    pub no_proxy: String,
    /// A PEM file of extra CA certificates; empty means none.
    pub ca_file: String,
    /// The CA file text last checked and what was wrong with it (reading the file once per
    /// change, not once per frame).
    ca_checked: Option<(String, Option<SettingsProblem>)>,
    /// `""` follows the system; else a language tag.
    pub language: String,
    /// Save was pressed while a field was invalid.
    pub needs_fixing: bool,
}

impl SettingsDraft {
    pub fn from_config(c: &Config) -> Self {
        Self {
            profiles: c.profiles.iter().map(ProfileDraft::of).collect(),
            origin: c.origin.clone().unwrap_or_default(),
            culture: c.culture.clone().unwrap_or_default(),
            text_scale: c.text_scale,
            theme: c.theme,
            notifications: c.notifications,
            proxy: c.proxy.clone().unwrap_or_default(),
            no_proxy: c.no_proxy.clone().unwrap_or_default(),
            ca_file: c
                .ca_file
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            ca_checked: None,
            language: c.language.clone().unwrap_or_default(),
            needs_fixing: false,
        }
    }

    pub fn proxy_error(&self) -> Option<SettingsProblem> {
        (!self.proxy.trim().is_empty() && config::check_proxy(&self.proxy).is_err())
            .then_some(SettingsProblem::Proxy)
    }

    pub fn no_proxy_error(&self) -> Option<SettingsProblem> {
        (!self.no_proxy.trim().is_empty() && config::check_no_proxy(&self.no_proxy).is_err())
            .then_some(SettingsProblem::NoProxy)
    }

    /// What is wrong with the CA file: an empty field is fine; otherwise the file must be a
    /// readable PEM bundle with at least one certificate. The file is read again only when the
    /// text changed.
    pub fn ca_file_error(&mut self) -> Option<SettingsProblem> {
        if let Some((text, err)) = &self.ca_checked
            && *text == self.ca_file
        {
            return err.clone();
        }
        let err = if self.ca_file.trim().is_empty() {
            None
        } else {
            match config::check_ca_file(&self.ca_file) {
                Err(_) => Some(SettingsProblem::CaFilePath),
                Ok(path) => crate::api::transport::CaBundle::load(&path)
                    .err()
                    .map(|e| SettingsProblem::CaFileUnusable(e.to_string())),
            }
        };
        self.ca_checked = Some((self.ca_file.clone(), err.clone()));
        err
    }

    /// The problem of each field of profile `i`: (name, token URL, key variable, autodiscover
    /// URL); only the fields of the profile's kind are checked.
    pub fn profile_errors(&self, i: usize) -> [Option<SettingsProblem>; 4] {
        let Some(p) = self.profiles.get(i) else {
            return [None, None, None, None];
        };
        let duplicate = self.profiles[..i]
            .iter()
            .any(|q| q.name.trim().eq_ignore_ascii_case(p.name.trim()));
        let name = match config::check_profile_name(&p.name) {
            Err(_) if p.name.trim().is_empty() => Some(SettingsProblem::ServiceNameEmpty),
            Err(_) => Some(SettingsProblem::ServiceNameLong),
            Ok(_) if duplicate => Some(SettingsProblem::ServiceNameTaken),
            Ok(_) => None,
        };
        if p.direct {
            let autodiscover = (!p.autodiscover.trim().is_empty())
                .then(|| check_service_url(&p.autodiscover).err())
                .flatten()
                .map(SettingsProblem::Autodiscover);
            return [name, None, None, autodiscover];
        }
        let url = check_service_url(&p.token_url)
            .err()
            .map(SettingsProblem::TokenUrl);
        let key = (!p.service_key_env.trim().is_empty()
            && config::check_env_name(&p.service_key_env).is_err())
        .then_some(SettingsProblem::EnvName);
        [name, url, key, None]
    }

    pub fn origin_error(&self) -> Option<SettingsProblem> {
        (!self.origin.trim().is_empty() && config::check_origin(&self.origin).is_err())
            .then_some(SettingsProblem::Origin)
    }

    pub fn culture_error(&self) -> Option<SettingsProblem> {
        (!self.culture.trim().is_empty() && config::check_culture(&self.culture).is_err())
            .then_some(SettingsProblem::Culture)
    }

    /// The configuration to save, or `None` while a field is invalid.
    pub fn to_config(&mut self, base: &Config) -> Option<Config> {
        if self.proxy_error().is_some()
            || self.no_proxy_error().is_some()
            || self.ca_file_error().is_some()
        {
            return None;
        }
        let text = |t: &str| Some(t.trim().to_string()).filter(|t| !t.is_empty());
        let mut profiles = Vec::new();
        for (i, p) in self.profiles.iter().enumerate() {
            if self.profile_errors(i).iter().any(Option::is_some) {
                return None;
            }
            profiles.push(p.to_profile());
        }
        if self.origin_error().is_some() || self.culture_error().is_some() {
            return None;
        }
        let origin = config::check_origin(&self.origin).ok();
        let culture = config::check_culture(&self.culture).ok();
        Some(Config {
            profiles,
            origin,
            culture,
            text_scale: config::check_text_scale(self.text_scale).unwrap_or(1.0),
            theme: self.theme,
            notifications: self.notifications,
            proxy: text(&self.proxy),
            no_proxy: text(&self.no_proxy),
            ca_file: text(&self.ca_file).map(std::path::PathBuf::from),
            language: text(&self.language),
            ..base.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_drafts_validate_and_convert() {
        let base = Config::default();
        let mut d = SettingsDraft::from_config(&base);
        assert_eq!(d.to_config(&base), Some(base.clone()));
        d.profiles.push(ProfileDraft {
            name: "Contoso".into(),
            token_url: "https://join.contoso.com/t".into(),
            ..ProfileDraft::default()
        });
        d.profiles.push(ProfileDraft {
            name: "contoso".into(),
            token_url: "ftp://x".into(),
            service_key_env: "1BAD".into(),
            ..ProfileDraft::default()
        });
        assert_eq!(
            d.profile_errors(1),
            [
                Some(SettingsProblem::ServiceNameTaken),
                Some(SettingsProblem::TokenUrl(UrlProblem::NotHttps)),
                Some(SettingsProblem::EnvName),
                None,
            ]
        );
        assert!(d.to_config(&base).is_none());
        d.profiles.pop();
        d.origin = "https://contoso.com/".into();
        let c = d.to_config(&base).unwrap();
        assert_eq!(c.origin.as_deref(), Some("https://contoso.com"));
        assert_eq!(c.profiles[0].service_key_env(), None);
        d.culture = "not a tag".into();
        assert_eq!(d.culture_error(), Some(SettingsProblem::Culture));
        assert!(d.to_config(&base).is_none());
        d.culture = " de-DE ".into();
        assert_eq!(d.culture_error(), None);
        assert_eq!(
            d.to_config(&base).unwrap().culture.as_deref(),
            Some("de-DE")
        );
    }

    #[test]
    fn a_direct_draft_checks_only_its_own_fields() {
        let base = Config::default();
        let mut d = SettingsDraft::from_config(&base);
        d.profiles.push(ProfileDraft {
            name: "Fabrikam".into(),
            direct: true,
            // Left over from the service kind: not checked, not saved.
            token_url: "ftp://x".into(),
            service_key_env: "1BAD".into(),
            autodiscover: "http://lyncdiscover.fabrikam.com/".into(),
        });
        assert_eq!(
            d.profile_errors(0),
            [
                None,
                None,
                None,
                Some(SettingsProblem::Autodiscover(UrlProblem::NotHttps)),
            ]
        );
        assert!(d.to_config(&base).is_none());
        d.profiles[0].autodiscover = " https://lyncdiscover.fabrikam.com/ ".into();
        let c = d.to_config(&base).unwrap();
        assert_eq!(
            c.profiles,
            vec![Profile::direct(
                "Fabrikam",
                Some("https://lyncdiscover.fabrikam.com/")
            )]
        );
        d.profiles[0].autodiscover.clear();
        assert_eq!(
            d.to_config(&base).unwrap().profiles,
            vec![Profile::direct("Fabrikam", None)]
        );
        // And back: the draft of a direct profile is a direct draft.
        let again = SettingsDraft::from_config(&c);
        assert!(again.profiles[0].direct);
        assert_eq!(
            again.profiles[0].autodiscover,
            "https://lyncdiscover.fabrikam.com/"
        );
    }
}
