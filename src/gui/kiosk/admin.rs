//! The hidden admin exit: a key chord opens a PIN prompt; the right PIN unlocks Settings and Exit,
//! wrong ones count, and after `MAX_ATTEMPTS` the prompt stays locked for `LOCKOUT`.

use std::time::{Duration, Instant};

use crate::config::kiosk_pin::PinHash;

/// Wrong PINs in a row before the prompt locks.
pub const MAX_ATTEMPTS: u32 = 3;
/// How long the prompt stays locked after too many wrong PINs.
pub const LOCKOUT: Duration = Duration::from_secs(60);

/// Ctrl+Alt+Shift+K.
pub const CHORD: (egui::Modifiers, egui::Key) = (
    egui::Modifiers {
        alt: true,
        ctrl: true,
        shift: true,
        mac_cmd: false,
        command: false,
    },
    egui::Key::K,
);

/// The prompt while it is open.
#[derive(Debug, Default)]
pub struct AdminPrompt {
    pub pin: String,
    pub unlocked: bool,
    pub message: Option<PinRefusal>,
    pub focus: bool,
}

/// Why a PIN did not unlock the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinRefusal {
    /// Wrong; `attempt` of `attempts` before the lockout.
    Wrong { attempt: u32, attempts: u32 },
    /// Locked for this many more seconds.
    Locked { secs: u64 },
    /// The configuration has no PIN.
    NoPin,
}

/// Wrong attempts survive closing the prompt (and a reset), so the chord cannot be used to
/// get fresh attempts.
#[derive(Debug, Default)]
pub struct AdminGuard {
    pin: Option<PinHash>,
    wrong: u32,
    locked_until: Option<Instant>,
}

impl AdminGuard {
    pub fn new(pin: Option<PinHash>) -> Self {
        Self {
            pin,
            ..Self::default()
        }
    }

    pub fn has_pin(&self) -> bool {
        self.pin.is_some()
    }

    /// Seconds left of a lockout.
    pub fn locked_for(&self, now: Instant) -> Option<u64> {
        let until = self.locked_until?;
        (until > now).then(|| (until - now).as_secs_f32().ceil() as u64)
    }

    /// Check a PIN: `Ok` unlocks, `Err` says why not.
    pub fn try_pin(&mut self, pin: &str, now: Instant) -> Result<(), PinRefusal> {
        if let Some(secs) = self.locked_for(now) {
            return Err(PinRefusal::Locked { secs });
        }
        let Some(hash) = &self.pin else {
            return Err(PinRefusal::NoPin);
        };
        if hash.verify(pin) {
            self.wrong = 0;
            self.locked_until = None;
            return Ok(());
        }
        self.wrong += 1;
        if self.wrong >= MAX_ATTEMPTS {
            self.wrong = 0;
            self.locked_until = Some(now + LOCKOUT);
            return Err(PinRefusal::Locked {
                secs: LOCKOUT.as_secs(),
            });
        }
        Err(PinRefusal::Wrong {
            attempt: self.wrong,
            attempts: MAX_ATTEMPTS,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_pins_lock_the_prompt_for_a_while() {
        let mut g = AdminGuard::new(Some(PinHash::new("1357")));
        let t = Instant::now();
        let wrong = |attempt| {
            Err(PinRefusal::Wrong {
                attempt,
                attempts: 3,
            })
        };
        assert_eq!(g.try_pin("0000", t), wrong(1));
        assert_eq!(g.try_pin("0000", t), wrong(2));
        assert_eq!(g.try_pin("0000", t), Err(PinRefusal::Locked { secs: 60 }));
        assert_eq!(
            g.try_pin("1357", t + Duration::from_millis(59_500)),
            Err(PinRefusal::Locked { secs: 1 }),
            "locked even for the right PIN"
        );
        assert_eq!(g.locked_for(t), Some(LOCKOUT.as_secs()));
        let later = t + LOCKOUT;
        assert_eq!(g.locked_for(later), None);
        assert_eq!(g.try_pin("1357", later), Ok(()));
        assert_eq!(
            AdminGuard::new(None).try_pin("1357", t),
            Err(PinRefusal::NoPin)
        );
    }
}
