//! The emulator's listeners over TLS: a certificate chain and key (PEM), and an axum
//! `Listener` that completes each handshake in its own task, so a client that connects and
//! never speaks cannot hold up the others.

use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::crypto::aws_lc_rs;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::server::TlsStream;

/// A handshake not finished by then is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The server certificate (with its chain) and private key the listeners present.
#[derive(Clone)]
pub struct TlsIdentity {
    config: Arc<ServerConfig>,
}

impl std::fmt::Debug for TlsIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TlsIdentity([key redacted])")
    }
}

fn invalid(what: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

impl TlsIdentity {
    /// From PEM text: the certificate chain (server certificate first) and the private key.
    pub fn from_pem(cert_chain: &[u8], key: &[u8]) -> io::Result<Self> {
        let certs = CertificateDer::pem_slice_iter(cert_chain)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| invalid(format!("certificate PEM: {e}")))?;
        if certs.is_empty() {
            return Err(invalid("no certificate in the certificate PEM".into()));
        }
        let key = PrivateKeyDer::from_pem_slice(key)
            .map_err(|e| invalid(format!("private key PEM: {e}")))?;
        let mut config =
            ServerConfig::builder_with_provider(Arc::new(aws_lc_rs::default_provider()))
                .with_safe_default_protocol_versions()
                .map_err(|e| invalid(e.to_string()))?
                .with_no_client_auth()
                .with_single_cert(certs, key)
                .map_err(|e| invalid(format!("certificate and key: {e}")))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Self {
            config: Arc::new(config),
        })
    }

    /// From two PEM files; errors name the file.
    pub fn from_files(cert_chain: &Path, key: &Path) -> io::Result<Self> {
        let read = |p: &Path| {
            std::fs::read(p).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))
        };
        Self::from_pem(&read(cert_chain)?, &read(key)?)
            .map_err(|e| invalid(format!("{} / {}: {e}", cert_chain.display(), key.display())))
    }
}

/// A TCP listener whose connections are TLS streams.
pub struct TlsListener {
    ready: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
    acceptor: JoinHandle<()>,
}

impl TlsListener {
    pub fn new(listener: TcpListener, identity: &TlsIdentity) -> io::Result<Self> {
        let local = listener.local_addr()?;
        let (tx, ready) = mpsc::channel(64);
        let acceptor = TlsAcceptor::from(identity.config.clone());
        let acceptor = tokio::spawn(accept_loop(listener, acceptor, tx));
        Ok(Self {
            ready,
            local,
            acceptor,
        })
    }
}

impl Drop for TlsListener {
    fn drop(&mut self) {
        self.acceptor.abort();
    }
}

async fn accept_loop(
    listener: TcpListener,
    acceptor: TlsAcceptor,
    tx: mpsc::Sender<(TlsStream<TcpStream>, SocketAddr)>,
) {
    loop {
        let (tcp, peer) = match listener.accept().await {
            Ok(c) => c,
            Err(e) => {
                // Too many open files and the like: wait a little rather than spin.
                tracing::warn!("emulator TLS accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        if tx.is_closed() {
            return;
        }
        let acceptor = acceptor.clone();
        let tx = tx.clone();
        tokio::spawn(async move {
            match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => {
                    let _ = tx.send((tls, peer)).await;
                }
                Ok(Err(e)) => tracing::debug!(%peer, "emulator TLS handshake failed: {e}"),
                Err(_) => tracing::debug!(%peer, "emulator TLS handshake timed out"),
            }
        });
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(conn) => conn,
            // The accept loop only ends when the server is going away: wait for its shutdown.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(self.local)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::http::{CaBundle, HttpClient, HttpOptions, Request};
    use crate::emulator::{EmulatorConfig, STANDIN_HEALTH_PATH, start};

    /// A CA (PEM) and a server identity for 127.0.0.1 it signed.
    fn pki() -> (String, TlsIdentity) {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let ca_pem = ca.self_signed(&ca_key).unwrap().pem();
        let issuer = rcgen::Issuer::new(ca, ca_key);
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()])
            .unwrap()
            .signed_by(&key, &issuer)
            .unwrap();
        let id =
            TlsIdentity::from_pem(cert.pem().as_bytes(), key.serialize_pem().as_bytes()).unwrap();
        (ca_pem, id)
    }

    #[test]
    fn bad_pem_is_an_error_not_a_panic() {
        let key = rcgen::KeyPair::generate().unwrap().serialize_pem();
        let e = TlsIdentity::from_pem(b"", key.as_bytes()).unwrap_err();
        assert!(
            e.to_string()
                .contains("no certificate in the certificate PEM"),
            "{e}"
        );
        let e = TlsIdentity::from_pem(b"-----BEGIN CERTIFICATE-----\n!!\n", key.as_bytes())
            .unwrap_err();
        assert!(e.to_string().contains("certificate"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("server.pem");
        let e = TlsIdentity::from_files(&missing, &missing).unwrap_err();
        assert!(e.to_string().contains("server.pem"), "{e}");
    }

    #[tokio::test]
    async fn a_silent_client_does_not_hold_up_the_others() {
        let (ca_pem, identity) = pki();
        let emu = start(EmulatorConfig {
            tls: Some(identity),
            ..EmulatorConfig::default()
        })
        .await
        .unwrap();
        let base = emu.platform_url();
        assert_eq!(base.scheme(), "https");
        // Connects and never sends a ClientHello.
        let _silent = TcpStream::connect(("127.0.0.1", base.port().unwrap()))
            .await
            .unwrap();
        let bundle = CaBundle::from_pem(Path::new("ca.pem"), ca_pem.into_bytes()).unwrap();
        // Well under the handshake time-out: served only if the silent client is not in the way.
        let http = HttpClient::new(HttpOptions {
            ca_bundle: Some(bundle),
            request_timeout: HANDSHAKE_TIMEOUT / 2,
            ..HttpOptions::default()
        })
        .unwrap();
        let health = base.join(STANDIN_HEALTH_PATH).unwrap();
        let resp = http.send(Request::get(health.clone())).await.unwrap();
        assert_eq!(resp.status, 200);
        // Without the CA the same server is refused: https to loopback is verified too.
        let plain = HttpClient::new(HttpOptions::default()).unwrap();
        let err = plain.send(Request::get(health)).await.unwrap_err();
        assert!(matches!(err, crate::api::ApiError::Tls { .. }), "{err:?}");
        emu.shutdown().await;
    }
}
