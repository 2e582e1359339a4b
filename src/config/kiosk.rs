//! The `[kiosk]` section: a booth that serves strangers all day. The operator writes it; the
//! app only reads it (in kiosk mode the config file is never written).

use serde::{Deserialize, Deserializer, Serialize};

use super::kiosk_pin::PinHash;

/// Idle seconds on any screen before the "Returning to start" countdown, by default.
pub const DEFAULT_IDLE_SECS: u64 = 90;
/// Length of the countdown, by default.
pub const DEFAULT_COUNTDOWN_SECS: u64 = 10;

/// The operator's kiosk settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KioskConfig {
    /// Start in kiosk mode (the same as `--kiosk`).
    pub enabled: bool,
    /// The meeting every guest joins (then the guest only types a name).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_meeting"
    )]
    pub meeting: Option<String>,
    /// The name used when the guest types none (then the name screen is skipped).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de_name")]
    pub default_name: Option<String>,
    /// The `[[profile]]` (join service) to use, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    #[serde(deserialize_with = "de_idle")]
    pub idle_secs: u64,
    #[serde(deserialize_with = "de_countdown")]
    pub countdown_secs: u64,
    /// The staff PIN's argon2id hash (a PHC string from `guest-join kiosk-pin`; the older
    /// `sha256:` form is still read).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_pin_hash"
    )]
    pub admin_pin_hash: Option<String>,
    /// The languages offered as buttons on the attract screen (each in its own name); a
    /// guest's choice lasts until the privacy wipe.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de_languages"
    )]
    pub languages: Vec<String>,
    /// The language each guest starts in (else the system's).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_language"
    )]
    pub language: Option<String>,
    /// A JSON file that reports the booth's state for fleet monitoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_file: Option<std::path::PathBuf>,
    /// Offer "call me" on the booth's own handset (`call_me_number`); off by default, as a
    /// booth usually has no phone.
    pub call_me: bool,
    /// The booth handset's number, with its country code (`+49…`).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de_phone")]
    pub call_me_number: Option<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            enabled: false,
            meeting: None,
            default_name: None,
            profile: None,
            idle_secs: DEFAULT_IDLE_SECS,
            countdown_secs: DEFAULT_COUNTDOWN_SECS,
            admin_pin_hash: None,
            languages: Vec::new(),
            language: None,
            status_file: None,
            call_me: false,
            call_me_number: None,
        }
    }
}

impl KioskConfig {
    /// The handset to call when "call me" is on and its number is set.
    pub fn handset(&self) -> Option<crate::join::phone_number::PhoneNumber> {
        let number = self.call_me_number.as_deref().filter(|_| self.call_me)?;
        crate::join::phone_number::PhoneNumber::parse(number, None).ok()
    }
}

/// The handset's number: a callable number with its country code (no region to read it in).
fn de_phone<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    if !s.trim().starts_with('+') {
        return Err(serde::de::Error::custom(
            "write the number with its country code, e.g. +49 30 1234567",
        ));
    }
    crate::join::phone_number::PhoneNumber::parse(&s, None).map_err(serde::de::Error::custom)?;
    Ok(Some(s.trim().to_string()))
}

/// A preset meeting: a join link, or (for a booth on a direct profile) a conference address.
fn de_meeting<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    if let Err(e) = crate::join::MeetingLink::parse(&s)
        && crate::join::DirectMeeting::parse(&s).is_err()
    {
        return Err(serde::de::Error::custom(e));
    }
    Ok(Some(s.trim().to_string()))
}

fn de_name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    crate::join::DisplayName::parse(&s).map_err(serde::de::Error::custom)?;
    Ok(Some(s.trim().to_string()))
}

fn de_secs<'de, D: Deserializer<'de>>(d: D, min: u64, max: u64) -> Result<u64, D::Error> {
    let v = u64::deserialize(d)?;
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(serde::de::Error::custom(format!(
            "must be between {min} and {max} seconds"
        )))
    }
}

fn de_idle<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    de_secs(d, 10, 86_400)
}

fn de_countdown<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    de_secs(d, 1, 600)
}

fn de_pin_hash<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    PinHash::parse(&s).map_err(serde::de::Error::custom)?;
    Ok(Some(s))
}

/// A language there are messages for (`de`, `pt-BR`), kept as the tag of its file.
fn language_tag(s: &str) -> Result<String, String> {
    crate::i18n::check_language(s.trim()).map(|l| l.tag())
}

fn de_language<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    language_tag(&s).map(Some).map_err(serde::de::Error::custom)
}

/// The booth's language buttons, each once, in the operator's order: a language there are
/// messages for as the tag of its file; one there are none for is kept as written, and the
/// booth leaves it out with a warning (a missing translation must not stop a booth).
fn de_languages<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    let mut out: Vec<String> = Vec::new();
    for s in &list {
        let tag = language_tag(s).unwrap_or_else(|_| s.trim().to_string());
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use std::path::Path;

    fn parsed(text: &str) -> crate::config::Loaded {
        parse(text, Path::new("/etc/guest-join/kiosk.toml"))
    }

    #[test]
    fn the_section_reads_with_defaults_and_validates() {
        let pin = PinHash::new("2468").to_string();
        let l = parsed(&format!(
            "[kiosk]\nenabled = true\nmeeting = \" https://meet.contoso.example/ada/K1 \"\n\
             default_name = \"  Booth guest \"\nprofile = \"Contoso\"\nadmin_pin_hash = \"{pin}\"\n"
        ));
        assert!(l.error.is_none() && l.warnings.is_empty(), "{l:?}");
        let k = l.config.kiosk.unwrap();
        assert!(k.enabled);
        assert_eq!(
            k.meeting.as_deref(),
            Some("https://meet.contoso.example/ada/K1")
        );
        assert_eq!(k.default_name.as_deref(), Some("Booth guest"));
        assert_eq!(k.idle_secs, DEFAULT_IDLE_SECS);
        assert_eq!(k.countdown_secs, DEFAULT_COUNTDOWN_SECS);
        assert!(
            PinHash::parse(k.admin_pin_hash.as_deref().unwrap())
                .unwrap()
                .verify("2468")
        );
        assert!(parsed("").config.kiosk.is_none());
        // A booth on a direct profile may preset the conference address.
        let sip = "sip:ada@contoso.example;gruu;opaque=app:conf:focus:id:K1";
        let k = parsed(&format!("[kiosk]\nmeeting = \"{sip}\"\n"))
            .config
            .kiosk
            .unwrap();
        assert_eq!(k.meeting.as_deref(), Some(sip));

        for (text, field, message) in [
            (
                "[kiosk]\nmeeting = \"sip:ada@contoso.com\"\n",
                "meeting",
                "This is a Skype address (sip:), not a meeting link.",
            ),
            (
                "[kiosk]\ndefault_name = \"  \"\n",
                "default_name",
                "Type the name the other participants will see.",
            ),
            (
                "[kiosk]\nidle_secs = 2\n",
                "idle_secs",
                "must be between 10 and 86400 seconds",
            ),
            (
                "[kiosk]\ncountdown_secs = 0\n",
                "countdown_secs",
                "must be between 1 and 600 seconds",
            ),
            (
                "[kiosk]\nadmin_pin_hash = \"1234\"\n",
                "admin_pin_hash",
                "use the line `guest-join kiosk-pin` prints (an argon2id hash)",
            ),
            (
                "[kiosk]\nadmin_pin = \"1234\"\n",
                "admin_pin",
                "unknown field `admin_pin`",
            ),
            (
                "[kiosk]\ncall_me_number = \"030 23125100\"\n",
                "call_me_number",
                "write the number with its country code, e.g. +49 30 1234567",
            ),
            (
                "[kiosk]\ncall_me_number = \"+49 1\"\n",
                "call_me_number",
                "this is not a phone number that can be called",
            ),
        ] {
            let e = parsed(text)
                .error
                .unwrap_or_else(|| panic!("{text:?} accepted"));
            assert_eq!(e.field.as_deref(), Some(field), "{e}");
            let shown = format!("/etc/guest-join/kiosk.toml, line 2, field `{field}`: {message}");
            assert!(e.to_string().starts_with(&shown), "{e}");
        }
    }

    #[test]
    fn the_example_file_shows_every_kiosk_key() {
        let text = include_str!("../../assets/config.example.toml");
        let l = parsed(text);
        assert!(l.error.is_none() && l.warnings.is_empty(), "{l:?}");
        let k = l.config.kiosk.expect("a [kiosk] section");
        assert!(
            !k.enabled,
            "the example does not turn a desktop into a booth"
        );
        let hash = PinHash::parse(k.admin_pin_hash.as_deref().unwrap()).unwrap();
        assert!(hash.verify("4711"), "the PIN the comment names");
        // Every key the section knows, as serialized with all of them set, is in the example.
        let full = KioskConfig {
            enabled: true,
            meeting: Some("https://meet.contoso.example/ada/K1".into()),
            default_name: Some("Booth guest".into()),
            profile: Some("Contoso".into()),
            admin_pin_hash: Some(PinHash::new("2468").to_string()),
            status_file: Some("/tmp/booth.json".into()),
            call_me: true,
            call_me_number: Some("+49 30 23125100".into()),
            ..KioskConfig::default()
        };
        let keys = toml::Value::try_from(&full).unwrap();
        let example: toml::Table = toml::from_str(text).unwrap();
        let section = example["kiosk"].as_table().unwrap();
        for key in keys.as_table().unwrap().keys() {
            assert!(section.contains_key(key), "{key} missing from the example");
        }
    }
}
