//! Times of day and durations as each language writes them: the hour cycle and the pattern
//! from CLDR (ICU4X's compiled data: `14:05` in German and Japanese, `2:05 PM` in American
//! English), the duration words from the message files.

use icu_datetime::{FixedCalendarDateTimeFormatter, fieldsets};
use icu_time::Time;
use std::sync::OnceLock;

use super::{Language, Tr};

/// Minutes in a day: one memo slot each.
const MINUTES_A_DAY: usize = 24 * 60;

/// Formats a time of day (hours and minutes) for one language.
pub struct Clock {
    formatter: Option<FixedCalendarDateTimeFormatter<(), fieldsets::T>>,
    /// Each minute of the day once formatted (a chat shows the same few minutes every frame).
    memo: Box<[OnceLock<String>]>,
}

impl Clock {
    pub(super) fn new(language: &Language) -> Self {
        let locale: Option<icu_locale::Locale> = language.tag().parse().ok();
        let formatter = locale.and_then(|l| {
            FixedCalendarDateTimeFormatter::try_new(l.into(), fieldsets::T::hm()).ok()
        });
        let memo = (0..MINUTES_A_DAY).map(|_| OnceLock::new()).collect();
        Self { formatter, memo }
    }

    /// `hour:minute` as the language writes it. The narrow no-break space CLDR puts before
    /// `AM`/`PM` becomes a plain no-break space (the built-in font has no glyph for it).
    pub fn hm(&self, hour: u8, minute: u8) -> String {
        let (hour, minute) = (hour.min(23), minute.min(59));
        let slot = usize::from(hour) * 60 + usize::from(minute);
        self.memo[slot]
            .get_or_init(|| self.format(hour, minute))
            .clone()
    }

    fn format(&self, hour: u8, minute: u8) -> String {
        let time = Time::try_new(hour, minute, 0, 0).ok();
        match (&self.formatter, time) {
            (Some(f), Some(t)) => f.format(&t).to_string().replace('\u{202f}', "\u{a0}"),
            _ => format!("{hour:02}:{minute:02}"),
        }
    }
}

/// A duration in the language's words: `45 s`, `3 min 05 s`, `1 h 02 min`.
pub fn duration_text(tr: &Tr, secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    // The second part of a pair is always two digits (`3 min 05 s`).
    if h > 0 {
        let minutes = format!("{m:02}");
        crate::t!(tr, "duration-hours-minutes", hours = h, minutes = minutes)
    } else if m > 0 {
        let seconds = format!("{s:02}");
        crate::t!(
            tr,
            "duration-minutes-seconds",
            minutes = m,
            seconds = seconds
        )
    } else {
        crate::t!(tr, "duration-seconds", seconds = s)
    }
}
