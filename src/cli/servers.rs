//! `guest-join emulator` and `guest-join service-app`: their options.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// Address of the platform listener (AAD, Trusted Application API, guest discover, control API).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    pub listen: SocketAddr,
    /// Address of the UCWA pool listener (links cross from the platform to this host).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    pub pool_listen: SocketAddr,
    /// Latency added to every HTTP exchange, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency_ms: u64,
    /// Serve both listeners over TLS with this certificate chain (PEM, server certificate first).
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The private key (PEM) of --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Host name in the listeners' URLs instead of their address (must match the certificate).
    #[arg(long, value_name = "HOST")]
    pub public_host: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServiceAppArgs {
    /// TOML configuration file (see assets/service-app.example.toml).
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
}
