//! Starting the emulator: its listeners (two, or four with the on-premises surface), TLS, the
//! reaper of idle applications, and the handle that names their URLs and stops them.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use url::Url;

use super::*;

/// A running emulator. Dropping it stops the servers; `shutdown` does so gracefully.
pub struct EmulatorHandle {
    pub(super) emu: Arc<Emu>,
    tasks: Vec<JoinHandle<()>>,
}

/// Start on two fresh loopback listeners (`127.0.0.1:0`).
pub async fn start(config: EmulatorConfig) -> std::io::Result<EmulatorHandle> {
    let platform = TcpListener::bind("127.0.0.1:0").await?;
    let pool = TcpListener::bind("127.0.0.1:0").await?;
    start_on(config, platform, pool).await
}

/// `http://127.0.0.1:P/`, or `https://` with TLS; `public_host` replaces the address.
fn base_url(listener: &TcpListener, config: &EmulatorConfig) -> std::io::Result<Url> {
    let addr = listener.local_addr()?;
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let host = match &config.public_host {
        Some(h) => format!("{h}:{}", addr.port()),
        None => addr.to_string(),
    };
    Url::parse(&format!("{scheme}://{host}/"))
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
}

/// Start on listeners the caller bound (the platform service and the UCWA pool). With
/// [`EmulatorConfig::on_prem`] the two on-premises listeners are bound on the platform
/// listener's address, each on a fresh port.
pub async fn start_on(
    config: EmulatorConfig,
    platform: TcpListener,
    pool: TcpListener,
) -> std::io::Result<EmulatorHandle> {
    let (platform_url, pool_url) = (base_url(&platform, &config)?, base_url(&pool, &config)?);
    let tls = config.tls.clone();
    if let Some(o) = &config.on_prem {
        o.discover_answer
            .check()
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    }
    let on_prem = match config.on_prem {
        None => None,
        Some(_) => {
            let ip = platform.local_addr()?.ip();
            let discover = TcpListener::bind((ip, 0)).await?;
            let web = TcpListener::bind((ip, 0)).await?;
            let urls = (base_url(&discover, &config)?, base_url(&web, &config)?);
            Some((discover, web, urls))
        }
    };
    let urls = on_prem.as_ref().map(|(_, _, urls)| urls.clone());
    let emu = Emu::with_on_prem(config, platform_url, pool_url, urls);
    let mut listeners = vec![
        (platform, platform_router(emu.clone())),
        (pool, pool_router(emu.clone())),
    ];
    if let Some((discover, web, _)) = on_prem {
        use onprem_routes::OnPremSide;
        listeners.push((discover, on_prem_router(emu.clone(), OnPremSide::Discover)));
        listeners.push((web, on_prem_router(emu.clone(), OnPremSide::Web)));
    }
    let mut tasks = Vec::new();
    for (listener, router) in listeners {
        let cancel = emu.cancel.clone();
        let task = match &tls {
            None => tokio::spawn(async move {
                let served = axum::serve(listener, router)
                    .with_graceful_shutdown(cancel.cancelled_owned())
                    .await;
                if let Err(e) = served {
                    tracing::warn!("emulator listener stopped: {e}");
                }
            }),
            Some(identity) => {
                let listener = tls::TlsListener::new(listener, identity)?;
                tokio::spawn(async move {
                    let served = axum::serve(listener, router)
                        .with_graceful_shutdown(cancel.cancelled_owned())
                        .await;
                    if let Err(e) = served {
                        tracing::warn!("emulator TLS listener stopped: {e}");
                    }
                })
            }
        };
        tasks.push(task);
    }
    let reaper = emu.clone();
    tasks.push(tokio::spawn(async move {
        let tick = (reaper.cfg.app_idle_expiry / 4)
            .clamp(Duration::from_millis(10), Duration::from_secs(1));
        loop {
            tokio::select! {
                _ = tokio::time::sleep(tick) => reaper.reap(),
                _ = reaper.cancel.cancelled() => return,
            }
        }
    }));
    let chatter = emu.clone();
    tasks.push(tokio::spawn(async move {
        // Meetings with a steady chat: each due message, then sleep until the next (a second
        // at most, so a meeting added later through the control API starts in time).
        loop {
            let now = chatter.elapsed();
            let next = super::crowd::chatter_tick(&mut chatter.lock(), now);
            let wait = next
                .map_or(Duration::from_secs(1), |due| due.saturating_sub(now))
                .clamp(Duration::from_millis(10), Duration::from_secs(1));
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = chatter.cancel.cancelled() => return,
            }
        }
    }));
    tracing::info!(platform = %emu.platform, pool = %emu.pool, "emulator started");
    Ok(EmulatorHandle { emu, tasks })
}

impl EmulatorHandle {
    /// `http://127.0.0.1:P/`: AAD stand-in, platform service, guest discover, control API.
    pub fn platform_url(&self) -> Url {
        self.emu.platform.clone()
    }

    /// `http://127.0.0.1:Q/`: the UCWA psanon pool.
    pub fn pool_url(&self) -> Url {
        self.emu.pool.clone()
    }

    /// `http://127.0.0.1:R/`: the on-premises `lyncdiscover` root, when configured.
    pub fn lyncdiscover_url(&self) -> Option<Url> {
        self.emu
            .on_prem
            .as_ref()
            .map(|(discover, _)| discover.clone())
    }

    /// `http://127.0.0.1:S/`: the on-premises pool's web services (autodiscover, WebTicket,
    /// `/ucwa/oauth/v1`), when configured.
    pub fn lyncweb_url(&self) -> Option<Url> {
        self.emu.on_prem.as_ref().map(|(_, web)| web.clone())
    }

    /// `{platform}/{tenant}/oauth2/token`.
    pub fn aad_token_url(&self) -> Url {
        join(
            &self.emu.platform,
            &format!("{}/oauth2/token", self.emu.cfg.tenant),
        )
    }

    /// `{platform}/platformservice/discover`.
    pub fn platform_discover_url(&self) -> Url {
        join(&self.emu.platform, "platformservice/discover")
    }

    /// `{platform}/serviceapp/GetAnonTokenJob`: the service-application stand-in, whose
    /// behaviour [`Control::set_service_standin`] sets (faithful by default).
    pub fn service_standin_url(&self) -> Url {
        join(&self.emu.platform, STANDIN_TOKEN_PATH)
    }

    pub fn control(&self) -> Control {
        Control::new(self.emu.clone())
    }

    /// The configuration the emulator was started with (credentials, tenant, endpoint, ...).
    pub fn config(&self) -> &EmulatorConfig {
        &self.emu.cfg
    }

    /// Stop accepting, release parked P-GETs, wait for the servers to finish.
    pub async fn shutdown(mut self) {
        self.emu.cancel.cancel();
        for t in self.tasks.drain(..) {
            let _ = t.await;
        }
    }
}

impl Drop for EmulatorHandle {
    fn drop(&mut self) {
        self.emu.cancel.cancel();
    }
}

fn join(base: &Url, rest: &str) -> Url {
    base.join(rest).unwrap_or_else(|_| base.clone())
}
