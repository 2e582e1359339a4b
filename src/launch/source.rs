//! Where a join gets its token: the built-in demo (either flow), an organisation's service
//! application, or Skype for Business Server directly. The window makes one from the chosen
//! profile, the command line from its flags; the demo ones are resolved once the demo runs.

use url::Url;

use crate::config::{self, Profile, ProfileKind};
use crate::join::{DirectProfile, Flow, ServiceProfile, Step, TokenSource};
use crate::secret::Secret;

use super::demo_slot::DemoSlot;

/// Where a join gets its token, as chosen (before the demo is started).
#[derive(Debug, Clone)]
pub enum JoinSource {
    /// The built-in demo's service application (flow A); a service key is sent as to any
    /// service application (the demo's accepts any).
    Demo { service_key: Option<Secret> },
    /// The built-in demo's Skype for Business Server stand-in (flow B).
    DemoDirect,
    /// An organisation's service application (flow A).
    Service {
        token_url: Url,
        service_key: Option<Secret>,
    },
    /// Skype for Business Server directly (flow B); autodiscover from the organizer's domain
    /// unless an entry point is given.
    Direct { autodiscover: Option<Url> },
}

impl JoinSource {
    /// How diagnostics name the source.
    pub fn label(&self) -> &'static str {
        match self {
            JoinSource::Demo { .. } => "built-in demo",
            JoinSource::DemoDirect => "built-in demo (direct)",
            JoinSource::Service { .. } => "service application",
            JoinSource::Direct { .. } => "Skype for Business Server (direct)",
        }
    }

    /// The flow this source runs.
    pub fn flow(&self) -> Flow {
        match self {
            JoinSource::Demo { .. } | JoinSource::Service { .. } => Flow::ServiceApplication,
            JoinSource::DemoDirect | JoinSource::Direct { .. } => Flow::Direct,
        }
    }

    /// The first step of the source's flow (where a failure before the engine is shown).
    pub fn first_step(&self) -> Step {
        self.flow().steps()[0]
    }

    pub fn has_service_key(&self) -> bool {
        matches!(
            self,
            JoinSource::Service {
                service_key: Some(_),
                ..
            } | JoinSource::Demo {
                service_key: Some(_)
            }
        )
    }

    /// A configured profile; its service key comes from the environment variable it names.
    /// `Err` says what to fix (a file edited by hand may hold what Settings would refuse).
    pub fn from_profile(p: &Profile) -> Result<Self, String> {
        match &p.kind {
            ProfileKind::Service {
                token_url,
                service_key_env,
            } => {
                let token_url = config::check_token_url(token_url).map_err(|_| {
                    format!(
                        "The token URL of {} is not valid; fix it under Settings.",
                        p.name
                    )
                })?;
                let service_key = service_key_env
                    .as_deref()
                    .and_then(|k| std::env::var(k).ok())
                    .filter(|k| !k.is_empty())
                    .map(Secret::new);
                Ok(JoinSource::Service {
                    token_url,
                    service_key,
                })
            }
            ProfileKind::Direct { autodiscover } => {
                let autodiscover = autodiscover
                    .as_deref()
                    .map(config::check_autodiscover_url)
                    .transpose()
                    .map_err(|_| {
                        format!(
                            "The autodiscover URL of {} is not valid; fix it under Settings.",
                            p.name
                        )
                    })?;
                Ok(JoinSource::Direct { autodiscover })
            }
        }
    }

    /// Where tokens come from, starting the demo (accepting `origin`) for the demo sources.
    pub async fn resolve(&self, demo: &DemoSlot, origin: &str) -> Result<TokenSource, String> {
        let demo_failed = |e| format!("The built-in demo environment did not start: {e}");
        match self {
            JoinSource::Demo { service_key } => {
                let token_url = demo.with(origin, crate::demo::Demo::token_url).await;
                Ok(TokenSource::Service(ServiceProfile {
                    token_url: token_url.map_err(demo_failed)?,
                    service_key: service_key.clone(),
                }))
            }
            JoinSource::DemoDirect => {
                let root = demo.with(origin, crate::demo::Demo::lyncdiscover_url).await;
                let root = root.map_err(demo_failed)?.ok_or_else(|| {
                    "The built-in demo has no Skype for Business Server stand-in.".to_string()
                })?;
                Ok(TokenSource::Direct(DirectProfile {
                    autodiscover: Some(root),
                }))
            }
            JoinSource::Service {
                token_url,
                service_key,
            } => Ok(TokenSource::Service(ServiceProfile {
                token_url: token_url.clone(),
                service_key: service_key.clone(),
            })),
            JoinSource::Direct { autodiscover } => Ok(TokenSource::Direct(DirectProfile {
                autodiscover: autodiscover.clone(),
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_become_sources_with_their_flow_and_key() {
        // PATH is set in every process: a variable that holds a value, not a real key.
        let path = std::env::var("PATH").unwrap_or_default();
        let p = Profile::service(
            "Contoso",
            " https://join.contoso.com/GetAnonTokenJob ",
            Some("PATH"),
        );
        let s = JoinSource::from_profile(&p).unwrap();
        match &s {
            JoinSource::Service {
                token_url,
                service_key,
            } => {
                assert_eq!(
                    token_url.as_str(),
                    "https://join.contoso.com/GetAnonTokenJob"
                );
                assert_eq!(
                    service_key.as_ref().map(Secret::expose),
                    (!path.is_empty()).then_some(path.as_str())
                );
            }
            other => panic!("not a service source: {other:?}"),
        }
        assert_eq!(s.flow(), Flow::ServiceApplication);
        assert_eq!(s.first_step(), Step::ServiceApplication);
        assert_eq!(s.label(), "service application");

        let p = Profile::direct("Server", Some("https://lyncdiscover.contoso.com/"));
        let s = JoinSource::from_profile(&p).unwrap();
        assert_eq!(s.flow(), Flow::Direct);
        assert!(!s.has_service_key());
        assert!(matches!(
            &s,
            JoinSource::Direct { autodiscover: Some(u) } if u.host_str() == Some("lyncdiscover.contoso.com")
        ));
    }

    #[test]
    fn a_hand_edited_profile_says_what_to_fix() {
        let p = Profile::service("Contoso", "http://join.contoso.com/GetAnonTokenJob", None);
        assert_eq!(
            JoinSource::from_profile(&p).unwrap_err(),
            "The token URL of Contoso is not valid; fix it under Settings."
        );
        let p = Profile::direct("Server", Some("lyncdiscover"));
        assert_eq!(
            JoinSource::from_profile(&p).unwrap_err(),
            "The autodiscover URL of Server is not valid; fix it under Settings."
        );
    }
}
