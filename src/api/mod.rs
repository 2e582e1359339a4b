//! Everything that crosses the wire: serde types shared by client, emulator and service
//! application (`wire`), and the client's HTTP calls. No egui here.

pub mod wire;
