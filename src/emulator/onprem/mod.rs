//! The on-premises surface of flow B (Skype for Business Server): `lyncdiscover`, the pool's
//! autodiscover and user resource, the MsRtcOAuth challenge and the anonymous meeting web ticket
//! (`onprem_routes`), and the tickets themselves (`onprem_ticket`).

pub(in crate::emulator) mod onprem_routes;
pub(in crate::emulator) mod onprem_ticket;
