//! How requests reach the emulator and what it keeps of them: request parsing and error bodies
//! (`http`), the optional TLS listeners (`tls`), injected faults (`fault_response`) and the
//! request journal (`journal`).

pub(in crate::emulator) mod fault_response;
pub(in crate::emulator) mod http;
pub(in crate::emulator) mod journal;
pub(in crate::emulator) mod tls;
