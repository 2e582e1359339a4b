//! Test equipment for the transport tests: a throw-away CA and server certificate made at test
//! time, a tiny counting forward proxy (HTTP CONNECT), a redirecting server with a second
//! listener that counts every connection, and the binary run with a clean proxy environment.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use guest_join::emulator::{self, EmulatorConfig, EmulatorHandle, TlsIdentity};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::common::binary::run_command;

/// A name the emulator is known by behind the proxy; `.test` never resolves.
pub const EMULATOR_HOST: &str = "emulator.guest-join.test";

/// A CA (its certificate written to `ca.pem` in `dir`) and a server identity it signed for
/// `localhost`, `127.0.0.1` and [`EMULATOR_HOST`].
pub struct TestPki {
    pub dir: tempfile::TempDir,
    pub identity: TlsIdentity,
}

impl TestPki {
    pub fn new() -> Self {
        let ca_key = KeyPair::generate().expect("CA key");
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca.distinguished_name
            .push(DnType::CommonName, "guest-join test CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_cert = ca.self_signed(&ca_key).expect("CA certificate");
        let issuer = Issuer::new(ca, ca_key);
        let server_key = KeyPair::generate().expect("server key");
        let server = CertificateParams::new(vec![
            "localhost".to_string(),
            "127.0.0.1".to_string(),
            EMULATOR_HOST.to_string(),
        ])
        .expect("server params");
        let server_cert = server.signed_by(&server_key, &issuer).expect("server cert");
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("ca.pem"), ca_cert.pem()).expect("write CA");
        let identity = TlsIdentity::from_pem(
            server_cert.pem().as_bytes(),
            server_key.serialize_pem().as_bytes(),
        )
        .expect("server identity");
        Self { dir, identity }
    }

    pub fn ca_file(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    /// A path in the temp dir (for config files and the like).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// The emulator with the demo meetings, over TLS, its URLs naming `host` (None: 127.0.0.1).
pub async fn tls_emulator(pki: &TestPki, host: Option<&str>) -> EmulatorHandle {
    emulator::start(EmulatorConfig {
        meetings: emulator::demo_meetings(),
        poll_hold: Duration::from_secs(2),
        tls: Some(pki.identity.clone()),
        public_host: host.map(str::to_string),
        ..EmulatorConfig::default()
    })
    .await
    .expect("TLS emulator starts")
}

/// A forward proxy that only tunnels (CONNECT) and sends every tunnel to 127.0.0.1 on the
/// asked port, whatever the host name. It records each request line it gets.
pub struct TestProxy {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestProxy {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let addr = listener.local_addr().expect("proxy address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        let task = tokio::spawn(async move {
            while let Ok((conn, _)) = listener.accept().await {
                tokio::spawn(tunnel(conn, seen.clone()));
            }
        });
        Self {
            addr,
            requests,
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

async fn tunnel(mut conn: TcpStream, seen: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 8192 || !matches!(conn.read(&mut byte).await, Ok(1)) {
            return;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_string();
    let line = head.lines().next().unwrap_or("").to_string();
    seen.lock().unwrap().push(line.clone());
    let mut parts = line.split_whitespace();
    let port = match (parts.next(), parts.next()) {
        (Some("CONNECT"), Some(target)) => target.rsplit(':').next().and_then(|p| p.parse().ok()),
        _ => None,
    };
    let Some(port) = port else {
        let _ = conn
            .write_all(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n")
            .await;
        return;
    };
    let Ok(mut upstream) = TcpStream::connect(("127.0.0.1", port)).await else {
        let _ = conn
            .write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")
            .await;
        return;
    };
    if conn
        .write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")
        .await
        .is_ok()
    {
        let _ = tokio::io::copy_bidirectional(&mut conn, &mut upstream).await;
    }
}

/// A listener that accepts connections, counts them and closes them at once.
pub struct CountingListener {
    pub addr: SocketAddr,
    pub connections: Arc<Mutex<usize>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for CountingListener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl CountingListener {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        let connections = Arc::new(Mutex::new(0));
        let count = connections.clone();
        let task = tokio::spawn(async move {
            while let Ok((conn, _)) = listener.accept().await {
                *count.lock().unwrap() += 1;
                drop(conn);
            }
        });
        Self {
            addr,
            connections,
            task,
        }
    }

    pub fn count(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}

/// A server answering every request with `status` and `Location: {to}`; it records the
/// `Authorization` header of each request it gets.
pub async fn redirecting_server(
    status: u16,
    to: String,
) -> (
    SocketAddr,
    Arc<Mutex<Vec<String>>>,
    tokio::task::JoinHandle<()>,
) {
    use axum::http::{HeaderMap, StatusCode, header};
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let auth = Arc::new(Mutex::new(Vec::new()));
    let seen = auth.clone();
    let app = axum::Router::new().fallback(move |headers: HeaderMap| {
        let seen = seen.clone();
        let to = to.clone();
        async move {
            let a = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            seen.lock().unwrap().push(a);
            (
                StatusCode::from_u16(status).expect("status"),
                [(header::LOCATION, to)],
                "",
            )
        }
    });
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (addr, auth, task)
}

/// Proxy and CA variables the tests set themselves; the inherited ones are removed.
const CLEARED: [&str; 10] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "GUEST_JOIN_PROXY",
    "GUEST_JOIN_CA_FILE",
];

/// The binary with `args` and exactly the proxy environment in `env`; the config file is a
/// path in `dir` (absent unless the test wrote it). Runs off the async runtime.
pub async fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guest-join"));
    cmd.args(args)
        .env("GUEST_JOIN_CONFIG", dir.join("config.toml"));
    for k in CLEARED {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    tokio::task::spawn_blocking(move || run_command(cmd))
        .await
        .expect("runner")
}
