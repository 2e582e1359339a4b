//! The `[kiosk]` section: a booth that serves strangers all day. The operator writes it; the
//! app only reads it (in kiosk mode the config file is never written).

use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};

/// Idle seconds on any screen before the "Returning to start" countdown, by default.
pub const DEFAULT_IDLE_SECS: u64 = 90;
/// Length of the countdown, by default.
pub const DEFAULT_COUNTDOWN_SECS: u64 = 10;

const PIN_SCHEME: &str = "sha256";
const SALT_BYTES: usize = 16;

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
    /// `sha256:<salt hex>:<hash hex>` of the admin PIN (see `guest-join kiosk-pin`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_pin_hash"
    )]
    pub admin_pin_hash: Option<String>,
    /// A JSON file that reports the booth's state for fleet monitoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_file: Option<std::path::PathBuf>,
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
            status_file: None,
        }
    }
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

/// A salted SHA-256 of the admin PIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinHash {
    salt: Vec<u8>,
    hash: [u8; 32],
}

impl PinHash {
    /// Hash `pin` with a fresh random salt.
    pub fn new(pin: &str) -> Self {
        // A v4 UUID's bytes come from the operating system's random source.
        let salt: Vec<u8> = uuid::Uuid::new_v4().as_bytes()[..SALT_BYTES].to_vec();
        let hash = digest(&salt, pin);
        Self { salt, hash }
    }

    /// Read `sha256:<salt hex>:<hash hex>`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || {
            format!("use the form {PIN_SCHEME}:<salt hex>:<hash hex> (from `guest-join kiosk-pin`)")
        };
        let mut parts = text.trim().split(':');
        let (Some(PIN_SCHEME), Some(salt), Some(hash), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let salt = from_hex(salt).filter(|s| !s.is_empty()).ok_or_else(bad)?;
        let hash = from_hex(hash)
            .and_then(|h| <[u8; 32]>::try_from(h).ok())
            .ok_or_else(bad)?;
        Ok(Self { salt, hash })
    }

    /// Whether `pin` is the PIN (compared without an early exit).
    pub fn verify(&self, pin: &str) -> bool {
        let got = digest(&self.salt, pin);
        got.iter()
            .zip(self.hash.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

impl std::fmt::Display for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{PIN_SCHEME}:{}:{}",
            to_hex(&self.salt),
            to_hex(&self.hash)
        )
    }
}

/// A PIN an operator may choose: 4–32 digits.
pub fn check_pin(pin: &str) -> Result<&str, String> {
    let p = pin.trim();
    if (4..=32).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) {
        Ok(p)
    } else {
        Err("The PIN must be 4 to 32 digits.".into())
    }
}

/// `guest-join kiosk-pin`: read a PIN from the first line of `input`, print the config line
/// with its salted hash (never the PIN). Returns the exit code.
pub fn pin_command(input: &mut dyn std::io::BufRead, out: &mut dyn std::io::Write) -> i32 {
    let mut line = String::new();
    if let Err(e) = input.read_line(&mut line) {
        eprintln!("error: the PIN could not be read: {e}");
        return 2;
    }
    match check_pin(&line) {
        Ok(pin) => match writeln!(out, "admin_pin_hash = \"{}\"", PinHash::new(pin)) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn digest(salt: &[u8], pin: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(salt);
    h.update(pin.trim().as_bytes());
    h.finalize().into()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
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
    fn a_pin_hash_round_trips_and_verifies_only_the_pin() {
        let h = PinHash::new("4711");
        let text = h.to_string();
        assert!(text.starts_with("sha256:"), "{text}");
        let back = PinHash::parse(&text).unwrap();
        assert_eq!(back, h);
        assert!(back.verify("4711"));
        assert!(!back.verify("4712"));
        assert!(!back.verify(""));
        assert_ne!(
            PinHash::new("4711").to_string(),
            text,
            "a fresh salt each time"
        );
    }

    #[test]
    fn bad_pin_hashes_and_pins_are_refused() {
        for bad in [
            "",
            "4711",
            "md5:00:00",
            "sha256:zz:00",
            "sha256:0011:0011",
            "sha256::00000000000000000000000000000000000000000000000000000000000000ff",
            "sha256:00:00:00",
        ] {
            assert!(PinHash::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(check_pin("123").is_err());
        assert!(check_pin("12a4").is_err());
        assert_eq!(check_pin(" 1234 "), Ok("1234"));
    }

    #[test]
    fn the_pin_helper_prints_a_usable_line_and_not_the_pin() {
        let mut out = Vec::new();
        assert_eq!(pin_command(&mut "97531\n".as_bytes(), &mut out), 0);
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("97531"), "{text}");
        let l = parsed(&format!("[kiosk]\n{text}"));
        let hash = l.config.kiosk.unwrap().admin_pin_hash.unwrap();
        assert!(PinHash::parse(&hash).unwrap().verify("97531"));
        let mut out = Vec::new();
        assert_eq!(pin_command(&mut "12\n".as_bytes(), &mut out), 2);
        assert!(out.is_empty());
    }

    #[test]
    fn the_section_reads_with_defaults_and_validates() {
        let pin = PinHash::new("2468").to_string();
        let l = parsed(&format!(
            "[kiosk]\nenabled = true\nmeeting = \"https://meet.contoso.example/ada/K1\"\n\
             default_name = \"Booth guest\"\nprofile = \"Contoso\"\nadmin_pin_hash = \"{pin}\"\n"
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

        for (text, field) in [
            ("[kiosk]\nmeeting = \"sip:ada@contoso.com\"\n", "meeting"),
            ("[kiosk]\nidle_secs = 2\n", "idle_secs"),
            ("[kiosk]\ncountdown_secs = 0\n", "countdown_secs"),
            ("[kiosk]\nadmin_pin_hash = \"1234\"\n", "admin_pin_hash"),
            ("[kiosk]\nadmin_pin = \"1234\"\n", "admin_pin"),
        ] {
            let e = parsed(text)
                .error
                .unwrap_or_else(|| panic!("{text:?} accepted"));
            assert_eq!(e.field.as_deref(), Some(field), "{e}");
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
