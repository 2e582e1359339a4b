//! The words people see, in their language: Project Fluent message files under `i18n/`, one per
//! language (`i18n/<language>/guest_join.ftl`), embedded in the binary.
//!
//! `Tr` is one language's messages; the [`t!`](crate::t) macro looks a message up (its id and
//! variables are checked against the English file when the code is compiled). A language is
//! added by dropping its file in: `Tr::available` lists what is embedded.
//!
//! Nothing here knows egui: the window and the commands both read it.

mod domain;
mod format;
mod input;
mod language;
mod pseudo;

use std::sync::{Arc, LazyLock, Mutex};

use i18n_embed::LanguageLoader as _;
use i18n_embed::fluent::FluentLanguageLoader;
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

pub use format::{Clock, duration_text};
pub use language::{Language, LanguageChoice, check_language, system_language};

/// The embedded message files.
#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The language the code is written against and every other one falls back to.
pub const FALLBACK: &str = "en";

/// One language's messages, cheap to clone.
#[derive(Clone)]
pub struct Tr {
    loader: Arc<FluentLanguageLoader>,
    language: Language,
    clock: Arc<Clock>,
    pseudo: bool,
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tr")
            .field("language", &self.language.tag())
            .field("pseudo", &self.pseudo)
            .finish()
    }
}

/// Loaded languages, shared by every window and command in the process.
static LOADED: LazyLock<Mutex<Vec<Tr>>> = LazyLock::new(|| Mutex::new(Vec::new()));

impl Tr {
    /// The languages embedded in the binary, English first, then by tag.
    pub fn available() -> &'static [Language] {
        static AVAILABLE: LazyLock<Vec<Language>> = LazyLock::new(|| {
            let mut tags: Vec<LanguageIdentifier> = new_loader()
                .available_languages(&Localizations)
                .unwrap_or_default();
            tags.sort_by_key(|t| (*t != FALLBACK, t.to_string()));
            tags.into_iter().map(Language::new).collect()
        });
        &AVAILABLE
    }

    /// English, the fallback (what the commands print).
    pub fn english() -> Tr {
        Tr::for_language(&Language::fallback())
    }

    /// The messages of `language`; ids its file lacks come from English.
    pub fn for_language(language: &Language) -> Tr {
        let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tr) = loaded.iter().find(|t| !t.pseudo && t.language == *language) {
            return tr.clone();
        }
        let tr = Tr::load(language.clone(), false);
        loaded.push(tr.clone());
        tr
    }

    /// The test-only pseudo-language: every message is English with accented letters, 40 %
    /// longer, and wrapped in `⟦…⟧`, so a screen shows at once any text that did not come from
    /// a message file and any that is cut off. Offered to nobody.
    pub fn pseudo() -> Tr {
        Tr::load(Language::fallback(), true)
    }

    fn load(language: Language, pseudo: bool) -> Tr {
        let loader = new_loader();
        let mut ids = vec![language.id().clone()];
        if *language.id() != FALLBACK {
            ids.push(Language::fallback().id().clone());
        }
        if let Err(e) = loader.load_languages(&Localizations, &ids) {
            tracing::warn!("messages for {}: {e}", language.tag());
        }
        // Isolation marks (U+2068/U+2069) around every variable would show as boxes: egui draws
        // left-to-right only and has no glyphs for them.
        loader.set_use_isolating(false);
        if pseudo {
            loader.with_bundles_mut(|bundle| bundle.set_transform(Some(pseudo::transform)));
        }
        Tr {
            loader: Arc::new(loader),
            clock: Arc::new(Clock::new(&language)),
            language,
            pseudo,
        }
    }

    pub fn language(&self) -> &Language {
        &self.language
    }

    /// The loader behind [`t!`](crate::t); not for other use.
    #[doc(hidden)]
    pub fn loader(&self) -> &FluentLanguageLoader {
        &self.loader
    }

    /// The last touch on every message: the pseudo-language's brackets.
    #[doc(hidden)]
    pub fn finish(&self, text: String) -> String {
        if self.pseudo {
            pseudo::wrap(&text)
        } else {
            text
        }
    }

    /// Is this the pseudo-language?
    pub fn is_pseudo(&self) -> bool {
        self.pseudo
    }

    /// A time of day as the language writes it (e.g. `14:05`, `2:05 PM`).
    pub fn clock(&self) -> &Clock {
        &self.clock
    }
}

fn new_loader() -> FluentLanguageLoader {
    i18n_embed::fluent::fluent_language_loader!()
}

/// A message in `tr`'s language: `t!(tr, "join-button")`, `t!(tr, "lobby-as", name = n)`.
/// The id and the variables are checked against the English file when the code is compiled.
#[macro_export]
macro_rules! t {
    ($tr:expr, $id:literal) => {{
        let tr: &$crate::i18n::Tr = &$tr;
        tr.finish(::i18n_embed_fl::fl!(tr.loader(), $id))
    }};
    ($tr:expr, $id:literal, $($args:tt)*) => {{
        let tr: &$crate::i18n::Tr = &$tr;
        tr.finish(::i18n_embed_fl::fl!(tr.loader(), $id, $($args)*))
    }};
}

#[cfg(test)]
mod tests;
