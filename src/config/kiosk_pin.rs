//! The kiosk's staff PIN: the hash kept in `[kiosk] admin_pin_hash`, and `guest-join kiosk-pin`,
//! which makes that line. New hashes are argon2id PHC strings (`$argon2id$v=19$m=…,t=…,p=…$…`);
//! the older salted SHA-256 form (`sha256:<salt hex>:<hash hex>`) is still accepted, with a
//! warning to hash the PIN again.

use std::io::{BufRead, IsTerminal, Write};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

const LEGACY_SCHEME: &str = "sha256";
const ARGON2ID: &str = "argon2id";

/// What the config line must look like, for messages.
const FORM: &str = "use the line `guest-join kiosk-pin` prints (an argon2id hash)";

/// The hash of the staff PIN.
#[derive(Clone, PartialEq, Eq)]
pub enum PinHash {
    /// An argon2id PHC string (checked when read).
    Argon2id(String),
    /// The older salted SHA-256; still accepted, to be hashed again.
    LegacySha256 { salt: Vec<u8>, hash: [u8; 32] },
}

impl std::fmt::Debug for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The hash is not a secret in itself, but nothing gains from printing it.
        match self {
            PinHash::Argon2id(_) => f.write_str("PinHash::Argon2id(…)"),
            PinHash::LegacySha256 { .. } => f.write_str("PinHash::LegacySha256(…)"),
        }
    }
}

impl PinHash {
    /// Hash `pin` with argon2id (the crate's recommended parameters, a fresh random salt).
    pub fn new(pin: &str) -> Self {
        let phc = Argon2::default()
            .hash_password(pin.trim().as_bytes())
            .map(|h| h.to_string())
            // Hashing only fails for out-of-range parameters or a broken random source.
            .unwrap_or_else(|e| panic!("argon2id hashing failed: {e}"));
        PinHash::Argon2id(phc)
    }

    /// Read a config value: an argon2id PHC string (the leading `$` may be left out), or the
    /// older `sha256:<salt hex>:<hash hex>`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if let Some(rest) = text
            .strip_prefix(LEGACY_SCHEME)
            .and_then(|r| r.strip_prefix(':'))
        {
            return parse_legacy(rest);
        }
        let phc = if text.starts_with(ARGON2ID) {
            format!("${text}")
        } else {
            text.to_string()
        };
        let parsed = PasswordHash::new(&phc).map_err(|e| format!("{FORM}: {e}"))?;
        if parsed.algorithm.as_str() != ARGON2ID {
            return Err(format!(
                "{FORM}; {:?} is not argon2id",
                parsed.algorithm.as_str()
            ));
        }
        if parsed.hash.is_none() || parsed.salt.is_none() {
            return Err(format!("{FORM}; the salt or hash is missing"));
        }
        Ok(PinHash::Argon2id(phc))
    }

    /// Whether this is the older SHA-256 form (the operator should hash the PIN again).
    pub fn is_legacy(&self) -> bool {
        matches!(self, PinHash::LegacySha256 { .. })
    }

    /// Whether `pin` is the PIN. Both forms compare in constant time.
    pub fn verify(&self, pin: &str) -> bool {
        match self {
            PinHash::Argon2id(phc) => PasswordHash::new(phc).is_ok_and(|h| {
                Argon2::default()
                    .verify_password(pin.trim().as_bytes(), &h)
                    .is_ok()
            }),
            PinHash::LegacySha256 { salt, hash } => legacy_digest(salt, pin).ct_eq(hash).into(),
        }
    }
}

impl std::fmt::Display for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PinHash::Argon2id(phc) => f.write_str(phc),
            PinHash::LegacySha256 { salt, hash } => {
                write!(f, "{LEGACY_SCHEME}:{}:{}", to_hex(salt), to_hex(hash))
            }
        }
    }
}

fn parse_legacy(rest: &str) -> Result<PinHash, String> {
    let bad = || format!("{FORM}; the older form is {LEGACY_SCHEME}:<salt hex>:<hash hex>");
    let mut parts = rest.split(':');
    let (Some(salt), Some(hash), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    let salt = from_hex(salt).filter(|s| !s.is_empty()).ok_or_else(bad)?;
    let hash = from_hex(hash)
        .and_then(|h| <[u8; 32]>::try_from(h).ok())
        .ok_or_else(bad)?;
    Ok(PinHash::LegacySha256 { salt, hash })
}

fn legacy_digest(salt: &[u8], pin: &str) -> [u8; 32] {
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

/// A PIN an operator may choose: 4–32 digits.
pub fn check_pin(pin: &str) -> Result<&str, String> {
    let p = pin.trim();
    if (4..=32).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) {
        Ok(p)
    } else {
        Err("The PIN must be 4 to 32 digits.".into())
    }
}

/// `guest-join kiosk-pin`: at a terminal, ask for the PIN twice without echo; otherwise (a
/// provisioning script) read the first line of standard input. Prints the config line, never
/// the PIN. Returns the exit code.
pub fn pin_command() -> i32 {
    let stdin = std::io::stdin();
    let pin = if stdin.is_terminal() {
        read_from_terminal()
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map(|_| line)
            .map_err(|e| format!("the PIN could not be read: {e}"))
    };
    match pin {
        Ok(pin) => print_pin_line(&pin, &mut std::io::stdout().lock()),
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn read_from_terminal() -> Result<String, String> {
    let read = |prompt: &str| {
        rpassword::prompt_password(prompt).map_err(|e| format!("the PIN could not be read: {e}"))
    };
    let first = read("Staff PIN (4 to 32 digits, not shown): ")?;
    check_pin(&first)?;
    let again = read("The same PIN again: ")?;
    if bool::from(first.trim().as_bytes().ct_eq(again.trim().as_bytes())) {
        Ok(first)
    } else {
        Err("the two PINs differ; nothing was printed".into())
    }
}

/// Check `pin` and print `admin_pin_hash = "…"` to `out`. Returns the exit code.
pub fn print_pin_line(pin: &str, out: &mut dyn Write) -> i32 {
    match check_pin(pin) {
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

/// A warning when the file holding the PIN hash can be read by other users (a hash of a short
/// PIN can be guessed offline by anyone who reads it).
#[cfg(unix)]
pub fn permission_warning(path: &std::path::Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o044 != 0).then(|| {
        format!(
            "{} holds the kiosk's staff PIN hash and can be read by other users (mode {:o}); \
             make it readable by the booth's account only (chmod 600)",
            path.display(),
            mode & 0o777
        )
    })
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &std::path::Path) -> Option<String> {
    None
}

/// The warning for a PIN still hashed the older way.
pub const LEGACY_WARNING: &str = "the kiosk's staff PIN uses the older sha256 hash; make a new \
     line with `guest-join kiosk-pin` (argon2id) and replace admin_pin_hash";

#[cfg(test)]
mod tests {
    use super::*;

    /// An older config line, made as the previous releases did.
    fn legacy_line(pin: &str) -> String {
        let salt = [7u8; 16];
        format!(
            "sha256:{}:{}",
            to_hex(&salt),
            to_hex(&legacy_digest(&salt, pin))
        )
    }

    #[test]
    fn an_argon2id_hash_round_trips_and_verifies_only_the_pin() {
        let h = PinHash::new("4711");
        let text = h.to_string();
        assert!(text.starts_with("$argon2id$v=19$"), "{text}");
        assert!(!text.contains("4711"), "{text}");
        let back = PinHash::parse(&text).unwrap();
        assert_eq!(back, h);
        assert!(!back.is_legacy());
        assert!(back.verify("4711"));
        assert!(back.verify(" 4711\n"), "as typed or piped");
        assert!(!back.verify("4712"));
        assert!(!back.verify(""));
        assert_ne!(
            PinHash::new("4711").to_string(),
            text,
            "a fresh salt each time"
        );
        // The PHC string without its leading `$` (as some tools print it) is the same hash.
        let bare = PinHash::parse(text.trim_start_matches('$')).unwrap();
        assert!(bare.verify("4711"));
        assert_eq!(bare.to_string(), text);
    }

    #[test]
    fn the_older_sha256_form_still_verifies_and_is_marked() {
        let line = legacy_line("2468");
        let h = PinHash::parse(&line).unwrap();
        assert!(h.is_legacy());
        assert!(h.verify("2468"));
        assert!(!h.verify("2469"));
        assert_eq!(h.to_string(), line);
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
            "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=2,p=1",
            "$argon2id$v=19$m=19456,t=2,p=1$!!$??",
            "$scrypt$ln=15,r=8,p=1$c29tZXNhbHQ$aGFzaA",
        ] {
            let e = PinHash::parse(bad).expect_err(bad);
            assert!(e.contains("kiosk-pin"), "{bad:?}: {e}");
        }
        assert_eq!(
            check_pin("123"),
            Err("The PIN must be 4 to 32 digits.".into())
        );
        assert_eq!(
            check_pin("12a4"),
            Err("The PIN must be 4 to 32 digits.".into())
        );
        assert_eq!(
            check_pin(&"1".repeat(33)).unwrap_err(),
            "The PIN must be 4 to 32 digits."
        );
        assert_eq!(check_pin(" 1234 \n"), Ok("1234"));
    }

    #[test]
    fn the_pin_line_is_usable_and_never_holds_the_pin() {
        let mut out = Vec::new();
        assert_eq!(print_pin_line("97531\n", &mut out), 0);
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("97531"), "{text}");
        let value: toml::Table = toml::from_str(&text).unwrap();
        let hash = PinHash::parse(value["admin_pin_hash"].as_str().unwrap()).unwrap();
        assert!(hash.verify("97531"));
        let mut out = Vec::new();
        assert_eq!(print_pin_line("12\n", &mut out), 2);
        assert!(out.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_pin_file_readable_by_others_is_named() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.toml");
        std::fs::write(&path, "[kiosk]\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let w = permission_warning(&path).expect("0644 is readable by others");
        assert!(
            w.contains("kiosk.toml") && w.contains("644") && w.contains("chmod 600"),
            "{w}"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(permission_warning(&path), None);
        assert_eq!(permission_warning(&dir.path().join("missing.toml")), None);
    }
}
