//! Names and chat in any script: egui's built-in fonts cover Latin, Greek and Cyrillic; for
//! anything else (Chinese, Japanese, Korean, Arabic, …) the system's own fonts are found on
//! demand, through the operating system's font fallback (fontconfig on Linux), memory-mapped
//! rather than read. Nothing is bundled.
//!
//! Only what is needed, when it is needed: the system's fonts are not even listed until a
//! character turns up that the built-in fonts lack (an English window with Latin names never
//! lists them), and then only the font for that script is mapped. The language the window is
//! shown in picks between fonts of the same script (a Japanese font for 直 in Japanese, a
//! Chinese one in Chinese).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use egui::epaint::text::{FallbackRequest, FontInsert, FontProvider};
use egui_system_font_provider::SystemFontProvider;

/// The system font provider, made at the first character the built-in fonts lack.
struct OnDemandSystemFonts {
    /// A BCP-47 tag (`ja`, `zh-CN`): which of a script's fonts to prefer.
    locale: String,
    provider: OnceLock<SystemFontProvider>,
}

impl FontProvider for OnDemandSystemFonts {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let provider = self.provider.get_or_init(|| {
            tracing::info!(
                "listing the system's fonts for {:?} (preferring {})",
                request.cluster,
                self.locale
            );
            let locale = (self.locale != "und").then_some(self.locale.as_str());
            match locale {
                Some(l) => SystemFontProvider::new().with_locale(Some(l)),
                // The system's own locale.
                None => SystemFontProvider::new(),
            }
        });
        let found = provider.font_for(request);
        match &found {
            Some(f) => tracing::info!("font {} for {:?}", f.name, request.cluster),
            None => tracing::info!("no system font has {:?}", request.cluster),
        }
        found
    }
}

/// One provider per font preference, for the whole process: a booth switching between
/// Japanese and Chinese guests lists the system's fonts once for each, not at every switch.
static PROVIDERS: LazyLock<Mutex<HashMap<String, Arc<OnDemandSystemFonts>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Which of a script's fonts a language prefers. Only the languages written with Han
/// characters choose (Japanese, Chinese and Korean forms of the same character differ); every
/// other language takes the system's default, so switching between them changes nothing.
pub fn preference(language: &str) -> &str {
    let base = language.split('-').next().unwrap_or_default();
    if matches!(base, "ja" | "zh" | "ko") {
        language
    } else {
        "und"
    }
}

/// Find missing glyphs among the system's fonts, with `preference`'s choice between fonts of
/// one script (see [`preference`]). Replaces eframe's own provider (turned off in the window's
/// options), which would list the system's fonts at start whether they are needed or not.
/// A new preference reloads the window's fonts (the next frame finds them again).
pub fn install(ctx: &egui::Context, preference: &str) {
    let provider = {
        let mut all = PROVIDERS.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(all.entry(preference.to_string()).or_insert_with(|| {
            Arc::new(OnDemandSystemFonts {
                locale: preference.to_string(),
                provider: OnceLock::new(),
            })
        }))
    };
    ctx.set_font_providers(vec![provider]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_han_languages_choose_between_fonts() {
        assert_eq!(preference("ja"), "ja");
        assert_eq!(preference("zh-CN"), "zh-CN");
        assert_eq!(preference("ko"), "ko");
        assert_eq!(preference("de"), "und");
        assert_eq!(preference("pt-BR"), "und");
    }
}
