//! The platform listener of flow A: the Azure AD client-credentials stand-in and the Trusted
//! Application API (`trusted_app_routes`), the guest's anonymous discover (`anon_routes`), and
//! the configurable service-application stand-in `check-service` is tested against
//! (`service_standin`).

pub(in crate::emulator) mod anon_routes;
pub(in crate::emulator) mod service_standin;
pub(in crate::emulator) mod trusted_app_routes;
