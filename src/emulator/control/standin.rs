//! Control of the service-application stand-in (`/serviceapp/GetAnonTokenJob`).

use super::Control;
use crate::emulator::service_standin::ServiceStandinMode;

impl Control {
    /// How the service-application stand-in answers from now on.
    pub fn set_service_standin(&self, mode: ServiceStandinMode) {
        self.emu.lock().standin = mode;
    }

    /// The stand-in's current mode.
    pub fn service_standin(&self) -> ServiceStandinMode {
        self.emu.lock().standin
    }
}
