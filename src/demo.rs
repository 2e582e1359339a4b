//! The demo environment: the emulator and the reference service application started in this
//! process on loopback ephemeral ports, wired to each other, with the demo meetings. Used by
//! `join --demo` and the GUI's first run; tests start it with their own meetings. The
//! emulator's on-premises surface (flow B: `lyncdiscover` and the pool's web services) runs
//! too, serving the same meetings under the `DIRECT_*` URLs.

use std::io;

use tokio::net::TcpListener;
use url::Url;

use crate::emulator::{self, Control, EmulatorConfig, EmulatorHandle, OnPremConfig};
use crate::secret::Secret;
use crate::service_app::{self, ServiceAppConfig, ServiceAppHandle};

pub use crate::emulator::{
    DEMO_DENY_URL as DENY_MEETING_URL, DEMO_DIRECT_DENY_URL as DIRECT_DENY_MEETING_URL,
    DEMO_DIRECT_LOBBY_URL as DIRECT_LOBBY_MEETING_URL,
    DEMO_DIRECT_MEETING_URLS as ALL_DIRECT_MEETING_URLS,
    DEMO_DIRECT_NO_GUESTS_URL as DIRECT_NO_GUESTS_MEETING_URL,
    DEMO_DIRECT_OPEN_URL as DIRECT_OPEN_MEETING_URL, DEMO_LOBBY_URL as LOBBY_MEETING_URL,
    DEMO_MEETING_URLS as ALL_MEETING_URLS, DEMO_OPEN_URL as OPEN_MEETING_URL,
    DEMO_QUICK_URL as QUICK_MEETING_URL,
};

pub struct Demo {
    emulator: EmulatorHandle,
    service: ServiceAppHandle,
}

impl Demo {
    /// Start with the demo meetings and the on-premises surface; the service application
    /// accepts `origin`.
    pub async fn start(origin: &str) -> io::Result<Self> {
        let config = EmulatorConfig {
            meetings: emulator::demo_meetings(),
            on_prem: Some(OnPremConfig::default()),
            ..EmulatorConfig::default()
        };
        Self::start_with(config, origin).await
    }

    /// Start with a given emulator configuration (tests, benchmarks); its `on_prem` decides
    /// whether the on-premises surface runs.
    pub async fn start_with(config: EmulatorConfig, origin: &str) -> io::Result<Self> {
        let client_id = config.client_id.clone();
        let client_secret = Secret::new(config.client_secret.clone());
        let endpoint = config.endpoint_sip.clone();
        let emulator = emulator::start(config).await?;
        let mut sa = ServiceAppConfig::new(
            emulator.aad_token_url(),
            client_id,
            client_secret,
            endpoint,
            emulator.platform_discover_url(),
        );
        // The emulator is the only upstream here: every meeting URL it serves may be joined.
        sa.allowed_meeting_urls = vec!["*".to_string()];
        sa.allowed_origins = vec![origin.to_string()];
        sa.rate_limit_per_minute = 0;
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let service = service_app::start(sa, listener).await?;
        Ok(Self { emulator, service })
    }

    /// The service application's token URL (what `--service` would be).
    pub fn token_url(&self) -> Url {
        self.service.token_url()
    }

    /// Tokens from the demo's service application, without a service key.
    pub fn token_source(&self) -> crate::join::TokenSource {
        crate::join::TokenSource::Service(crate::join::ServiceProfile {
            token_url: self.token_url(),
            service_key: None,
        })
    }

    /// The on-premises `lyncdiscover` root (flow B, direct mode), when that surface runs.
    pub fn lyncdiscover_url(&self) -> Option<Url> {
        self.emulator.lyncdiscover_url()
    }

    pub fn emulator(&self) -> &EmulatorHandle {
        &self.emulator
    }

    pub fn control(&self) -> Control {
        self.emulator.control()
    }

    pub async fn shutdown(self) {
        self.service.shutdown().await;
        self.emulator.shutdown().await;
    }
}
