//! Which language: the tags the message files are filed under, how a wish (`de`, `pt_BR.UTF-8`,
//! the system's list) becomes one of them, and the culture a join sends for it.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use super::{FALLBACK, Tr};

/// A language there is a message file for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language {
    id: LanguageIdentifier,
}

impl Language {
    pub(super) fn new(id: LanguageIdentifier) -> Self {
        Self { id }
    }

    /// English.
    pub fn fallback() -> Self {
        Self::new(LanguageIdentifier::from_bytes(FALLBACK.as_bytes()).unwrap_or_default())
    }

    /// The tag its file is filed under (`en`, `pt-BR`, `zh-CN`).
    pub fn tag(&self) -> String {
        self.id.to_string()
    }

    pub(super) fn id(&self) -> &LanguageIdentifier {
        &self.id
    }

    /// The embedded language closest to `wish` (`de`, `de-AT`, `pt_BR.UTF-8`, `zh-Hans`), or
    /// `None` when there is none for its language.
    pub fn matching(wish: &str) -> Option<Language> {
        let id = parse_tag(wish)?;
        let available: Vec<&LanguageIdentifier> = Tr::available().iter().map(|l| &l.id).collect();
        negotiate_languages(&[id], &available, None, NegotiationStrategy::Lookup)
            .first()
            .map(|id| Language::new((**id).clone()))
    }

    /// The language's own name (`Deutsch`, `日本語`), from its own file.
    pub fn own_name(&self) -> String {
        let tr = Tr::for_language(self);
        crate::t!(tr, "language-own-name")
    }

    /// The culture a join sends for this language on this system (see [`Self::culture`]).
    pub fn default_culture(&self) -> String {
        self.culture(system_locale().as_deref())
    }

    /// The culture a join sends for this language (`de-DE`, `ja-JP`): the system's own locale
    /// when it is in this language (so `de-AT` stays Austrian), else the language's most likely
    /// region.
    pub fn culture(&self, system: Option<&str>) -> String {
        if let Some(sys) = system.and_then(parse_tag)
            && sys.language == self.id.language
            && sys.region.is_some()
            && (self.id.region.is_none() || sys.region == self.id.region)
        {
            return format_culture(&sys);
        }
        let mut maximized = to_icu(&self.id);
        icu_locale::LocaleExpander::new_common().maximize(&mut maximized);
        match maximized.region {
            Some(region) => format!("{}-{}", maximized.language, region),
            None => self.tag(),
        }
    }
}

fn format_culture(id: &LanguageIdentifier) -> String {
    match id.region {
        Some(region) => format!("{}-{}", id.language, region),
        None => id.language.to_string(),
    }
}

fn to_icu(id: &LanguageIdentifier) -> icu_locale::LanguageIdentifier {
    id.to_string()
        .parse()
        .unwrap_or(icu_locale::LanguageIdentifier::UNKNOWN)
}

/// `de`, `de-AT`, `de_AT.UTF-8`, `de_AT@euro` → a language identifier (`C` and `POSIX` are none).
fn parse_tag(text: &str) -> Option<LanguageIdentifier> {
    let tag = text.trim().split(['.', '@']).next()?.replace('_', "-");
    if tag.is_empty() || tag == "C" || tag == "POSIX" {
        return None;
    }
    tag.parse().ok()
}

/// How the window picks its language: a tag asked for, or the system's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LanguageChoice {
    #[default]
    System,
    Tag(String),
}

impl LanguageChoice {
    /// `None`/empty/`system` is the system's language; anything else a tag.
    pub fn from_setting(setting: Option<&str>) -> Self {
        match setting.map(str::trim) {
            None | Some("") => LanguageChoice::System,
            Some(s) if s.eq_ignore_ascii_case("system") => LanguageChoice::System,
            Some(s) => LanguageChoice::Tag(s.to_string()),
        }
    }

    /// The language to show: the tag's if there is a file for it, else the system's, else
    /// English.
    pub fn resolve(&self) -> Language {
        match self {
            LanguageChoice::Tag(tag) => Language::matching(tag).unwrap_or_else(system_language),
            LanguageChoice::System => system_language(),
        }
    }
}

/// The first of the system's preferred languages there is a file for, else English.
pub fn system_language() -> Language {
    sys_locale::get_locales()
        .find_map(|l| Language::matching(&l))
        .unwrap_or_else(Language::fallback)
}

/// Is `tag` a language there is a message file for? `Err` says which there are.
pub fn check_language(tag: &str) -> Result<Language, String> {
    Language::matching(tag).ok_or_else(|| {
        let tags: Vec<String> = Tr::available().iter().map(Language::tag).collect();
        format!(
            "there are no messages for {:?} (there are for {})",
            tag.trim(),
            tags.join(", ")
        )
    })
}

/// The system's own locale (`de_AT.UTF-8`, `de-AT`), if it says one.
fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}
