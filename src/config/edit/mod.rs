//! Writing the user's `config.toml` from Settings without rewriting the rest of it: the keys
//! Settings owns are changed in place (their comments kept), the `[[profile]]` tables one by
//! one, and everything else — comments, order, keys Settings does not know, the `[kiosk]`
//! section, keys of older versions — is left exactly as it was.

use std::io;
use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::Config;

/// What a new file starts with.
pub(super) const HEADER: &str = "\
# guest-join configuration (see assets/config.example.toml for every key).
# Written by guest-join's Settings; never holds tokens or service keys.

";

/// The top-level keys Settings writes, in the order new ones are added.
const SETTINGS_KEYS: [&str; 9] = [
    "origin",
    "culture",
    "language",
    "theme",
    "text_scale",
    "notifications",
    "proxy",
    "no_proxy",
    "ca_file",
];

/// `existing` (the file as it is, `None` when there is none or it cannot be used) with the
/// settings of `config`.
pub fn with_settings(existing: Option<&str>, config: &Config) -> io::Result<String> {
    let mut doc: DocumentMut = match existing {
        Some(text) => text.parse().map_err(io::Error::other)?,
        None => HEADER.parse().map_err(io::Error::other)?,
    };
    let ours: DocumentMut = toml::to_string(&settings_only(config))
        .map_err(io::Error::other)?
        .parse()
        .map_err(io::Error::other)?;
    let root = doc.as_table_mut();
    for key in SETTINGS_KEYS {
        let new = ours.get(key).and_then(Item::as_value).cloned();
        let default = match key {
            "theme" => Some(Value::from("system")),
            "text_scale" => Some(Value::from(1.0)),
            "notifications" => Some(Value::from(true)),
            _ => None,
        };
        match new {
            // A default the file does not mention stays unmentioned.
            Some(v) if !root.contains_key(key) && same(&v, default.as_ref()) => {}
            Some(v) => set_value(root, key, v),
            None => {
                root.remove(key);
            }
        }
    }
    let profiles = ours
        .get("profile")
        .and_then(Item::as_array_of_tables)
        .cloned()
        .unwrap_or_default();
    sync_profiles(root, &profiles);
    Ok(doc.to_string())
}

/// Only what Settings owns (so older keys in `config` never come back into the file).
fn settings_only(config: &Config) -> Config {
    Config {
        origin: config.origin.clone(),
        culture: config.culture.clone(),
        language: config.language.clone(),
        text_scale: config.text_scale,
        theme: config.theme,
        notifications: config.notifications,
        proxy: config.proxy.clone(),
        no_proxy: config.no_proxy.clone(),
        ca_file: config.ca_file.clone(),
        profiles: config.profiles.clone(),
        ..Config::default()
    }
}

fn same(v: &Value, default: Option<&Value>) -> bool {
    match (v, default) {
        (Value::String(a), Some(Value::String(b))) => a.value() == b.value(),
        (Value::Float(a), Some(Value::Float(b))) => (a.value() - b.value()).abs() < f64::EPSILON,
        (Value::Boolean(a), Some(Value::Boolean(b))) => a.value() == b.value(),
        _ => false,
    }
}

/// Set `key` to `value`, keeping the comments and spacing around the old value.
fn set_value(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            if old.to_string().trim() == value.to_string().trim() {
                return;
            }
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// The `[[profile]]` tables: each existing one updated in place (its comments kept), extra
/// ones removed, new ones added at the end.
fn sync_profiles(root: &mut Table, new: &ArrayOfTables) {
    if new.is_empty() {
        root.remove("profile");
        return;
    }
    let Some(old) = root
        .get_mut("profile")
        .and_then(Item::as_array_of_tables_mut)
    else {
        root.insert("profile", Item::ArrayOfTables(new.clone()));
        return;
    };
    while old.len() > new.len() {
        old.remove(old.len() - 1);
    }
    for (i, table) in new.iter().enumerate() {
        match old.get_mut(i) {
            Some(existing) => {
                let gone: Vec<String> = existing
                    .iter()
                    .map(|(k, _)| k.to_string())
                    .filter(|k| !table.contains_key(k))
                    .collect();
                for k in gone {
                    existing.remove(&k);
                }
                for (k, item) in table.iter() {
                    if let Some(v) = item.as_value() {
                        set_value(existing, k, v.clone());
                    }
                }
            }
            None => old.push(table.clone()),
        }
    }
}

/// Write `text` to `path` through a temporary file and a rename: a reader (or a second window)
/// sees the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    use std::io::Write as _;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(
        ".{file_name}.{}.{}.tmp",
        std::process::id(),
        fastrand::u32(..)
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result
}

#[cfg(test)]
mod tests;
