//! Control of tokens, applications and their event channels, faults, latency and the journal.

use std::time::Duration;

use super::{ApplicationInfo, Control, ControlError};
use crate::emulator::config::Fault;
use crate::emulator::journal::JournalEntry;
use crate::emulator::remove_app;
use crate::emulator::world::{AppState, Phase, World};

impl Control {
    /// Revoke psat tokens: all of them (and every AAD token) when `session` is `None`, else
    /// those of one ApplicationSessionId. Later requests with them get 401. Returns how many
    /// psat tokens were revoked.
    pub fn expire_tokens(&self, session: Option<&str>) -> usize {
        let mut w = self.emu.lock();
        if session.is_none() {
            w.aad_tokens.clear();
        }
        let mut n = 0;
        for rec in w.psats.values_mut() {
            if !rec.revoked && session.is_none_or(|s| s == rec.asi) {
                rec.revoked = true;
                n += 1;
            }
        }
        n
    }

    /// Expire an application as the idle reaper does: it leaves its meeting and every later
    /// request answers `410 Gone/InactiveApplicationExpired`.
    pub fn expire_application(&self, application: &str) -> Result<(), ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        let at = self.emu.elapsed();
        remove_app(&mut w, &id, AppState::Expired, at);
        Ok(())
    }

    /// Act as another instance of the guest's client taking over its event channel: the parked
    /// P-GET is released with `409 PGetReplaced`. True when a P-GET was parked.
    pub fn replace_channel(&self, application: &str) -> Result<bool, ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        Ok(w.apps
            .get_mut(&id)
            .is_some_and(|a| a.channel.replace_parked()))
    }

    /// Answer the application's parked (or next) P-GET with a `resync` link, as a server does
    /// when it considers the client's ack stale.
    pub fn force_resync(&self, application: &str) -> Result<(), ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        if let Some(app) = w.apps.get_mut(&id) {
            app.channel.resync_next = true;
            app.channel.wake();
        }
        Ok(())
    }

    /// An application named by id, or the newest live one of an ApplicationSessionId.
    fn live_app(w: &World, application: &str) -> Result<String, ControlError> {
        if w.apps.contains_key(application) {
            return Ok(application.to_string());
        }
        w.apps
            .values()
            .filter(|a| a.asi == application && a.state == AppState::Alive)
            .map(|a| a.id.clone())
            .next_back()
            .ok_or_else(|| ControlError::UnknownApplication(application.to_string()))
    }

    /// Abort the parked P-GET of an application (by id, or the newest live application of an
    /// ApplicationSessionId). With `lose_application` the application is gone as well: later
    /// requests get 404 ApplicationNotFound. Returns whether a parked P-GET was aborted.
    pub fn drop_channel(
        &self,
        application: &str,
        lose_application: bool,
    ) -> Result<bool, ControlError> {
        let mut w = self.emu.lock();
        let id = Self::live_app(&w, application)?;
        let at = self.emu.elapsed();
        let Some(app) = w.apps.get_mut(&id) else {
            return Err(ControlError::UnknownApplication(application.to_string()));
        };
        let parked = app.channel.parked;
        app.channel.abort = parked;
        app.channel.wake();
        if lose_application {
            remove_app(&mut w, &id, AppState::Lost, at);
        }
        Ok(parked.is_some())
    }

    /// Latency added to every request (control requests excluded).
    pub fn set_latency(&self, latency: Duration) {
        self.emu.lock().plan.latency = latency;
    }

    /// Replace the fault list.
    pub fn set_faults(&self, faults: Vec<Fault>) {
        self.emu.lock().plan.faults = faults;
    }

    pub fn add_fault(&self, fault: Fault) {
        self.emu.lock().plan.faults.push(fault);
    }

    pub fn clear_faults(&self) {
        self.emu.lock().plan.faults.clear();
    }

    pub fn journal(&self) -> Vec<JournalEntry> {
        self.emu.lock().journal.clone()
    }

    pub fn clear_journal(&self) {
        self.emu.lock().journal.clear();
    }

    pub fn applications(&self) -> Vec<ApplicationInfo> {
        let w = self.emu.lock();
        w.apps
            .values()
            .map(|a| {
                let conv = a.conv.as_ref();
                ApplicationInfo {
                    id: a.id.clone(),
                    session: a.asi.clone(),
                    display_name: a.name.clone(),
                    culture: a.culture.clone(),
                    meeting: conv
                        .and_then(|c| w.meetings.get(c.meeting))
                        .map(|m| m.spec.join_url.clone()),
                    state: a.state,
                    in_lobby: conv.is_some_and(|c| c.phase == Phase::Lobby),
                    in_meeting: conv.is_some_and(|c| c.phase == Phase::InMeeting),
                    conversation_deleted: a.conv_deleted_by_client,
                    ended: a.ended_at,
                }
            })
            .collect()
    }
}
