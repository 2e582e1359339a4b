//! Settings change their keys and nothing else.

use super::*;
use crate::config::{Profile, parse};

const FILE: &str = r#"# My guest-join settings — do not lose this comment.
language = "de"    # the family reads German

# The bank's proxy.
proxy = "http://proxy.bank.example:8080"
favourite_colour = "green"

[[profile]]
# Our bank's service.
name = "Bank"
token_url = "https://join.bank.example/GetAnonTokenJob"

[kiosk]
enabled = false
idle_secs = 120
"#;

fn config_of(text: &str) -> Config {
    parse(text, Path::new("/tmp/config.toml")).config
}

#[test]
fn saving_unchanged_settings_leaves_the_file_byte_identical() {
    let config = config_of(FILE);
    assert_eq!(with_settings(Some(FILE), &config).unwrap(), FILE);
}

#[test]
fn a_changed_setting_keeps_comments_order_and_unknown_keys() {
    let mut config = config_of(FILE);
    config.language = Some("ja".into());
    config.proxy = None;
    config.origin = Some("https://bank.example".into());
    config.profiles[0] = Profile::service("Bank", "https://join2.bank.example/t", Some("BANK_KEY"));
    config.profiles.push(Profile::direct("Branch server", None));
    let out = with_settings(Some(FILE), &config).unwrap();
    assert!(out.starts_with("# My guest-join settings — do not lose this comment.\n"));
    assert!(
        out.contains("language = \"ja\"    # the family reads German"),
        "{out}"
    );
    assert!(!out.contains("proxy ="), "{out}");
    assert!(out.contains("favourite_colour = \"green\""));
    assert!(
        out.contains(
            "# Our bank's service.\nname = \"Bank\"\ntoken_url = \"https://join2.bank.example/t\""
        ),
        "{out}"
    );
    assert!(out.contains("service_key_env = \"BANK_KEY\""));
    assert!(out.contains("[kiosk]\nenabled = false\nidle_secs = 120"));
    assert!(out.contains("origin = \"https://bank.example\""));
    // What was written reads back as the settings saved.
    let back = config_of(&out);
    assert_eq!(back.language.as_deref(), Some("ja"));
    assert_eq!(back.profiles, config.profiles);
    assert_eq!(back.kiosk, config.kiosk);
    // Removing every join service removes the tables, not the rest.
    config.profiles.clear();
    let out = with_settings(Some(&out), &config).unwrap();
    assert!(
        !out.contains("[[profile]]") && out.contains("[kiosk]"),
        "{out}"
    );
}

#[test]
fn remembered_keys_of_older_versions_are_never_written_back() {
    let mut config = config_of("display_name = \"Ada\"\n");
    config.display_name = Some("Someone else".into());
    config.last_profile = Some("demo".into());
    let out = with_settings(Some("display_name = \"Ada\"\n"), &config).unwrap();
    assert_eq!(out, "display_name = \"Ada\"\n", "left as it was");
    let out = with_settings(None, &config).unwrap();
    assert!(
        out.starts_with(HEADER) && !out.contains("display_name"),
        "{out}"
    );
}

#[test]
fn writes_replace_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/config.toml");
    write_atomically(&path, "a = 1\n").unwrap();
    write_atomically(&path, "b = 2\n").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "b = 2\n");
    let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");
}

#[test]
fn notifications_are_written_only_once_switched_off() {
    let mut config = config_of(FILE);
    config.notifications = false;
    let off = with_settings(Some(FILE), &config).unwrap();
    assert!(off.contains("notifications = false"), "{off}");
    assert!(!config_of(&off).notifications);
    assert!(off.contains("# The bank's proxy."));
    // Back on: the key stays, now true (the user had it in the file).
    config.notifications = true;
    let on = with_settings(Some(&off), &config).unwrap();
    assert!(on.contains("notifications = true"), "{on}");
    assert!(config_of(&on).notifications);
}
