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

use std::sync::{Arc, OnceLock};

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
                "listing the system's fonts for {:?} (language {})",
                request.cluster,
                self.locale
            );
            SystemFontProvider::new().with_locale(Some(&self.locale))
        });
        let found = provider.font_for(request);
        match &found {
            Some(f) => tracing::info!("font {} for {:?}", f.name, request.cluster),
            None => tracing::info!("no system font has {:?}", request.cluster),
        }
        found
    }
}

/// Find missing glyphs among the system's fonts, preferring those for `language` (a tag).
/// Replaces eframe's own provider (turned off in the window's options), which would list the
/// system's fonts at start whether they are needed or not.
pub fn install(ctx: &egui::Context, language: &str) {
    ctx.set_font_providers(vec![Arc::new(OnDemandSystemFonts {
        locale: language.to_string(),
        provider: OnceLock::new(),
    })]);
}
