//! Everything that crosses the wire: serde types shared by client, emulator and service
//! application (`wire`), and the client's HTTP calls. No egui here.

pub mod bounded;
pub mod error;
pub mod exchange;
pub mod http;
pub mod onprem;
pub mod recorder;
pub mod response;
pub mod retry;
pub mod retry_after;
pub mod service;
pub mod transport;
pub mod ucwa;
pub mod wire;

pub use error::ApiError;
pub use http::{HttpClient, HttpOptions};
pub use recorder::{Traffic, TrafficRecorder};
pub use retry::RetryPolicy;
