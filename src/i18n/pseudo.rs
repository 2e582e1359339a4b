//! The test-only pseudo-language: English with accented letters, 40 % longer, in `⟦…⟧`.

use std::borrow::Cow;

/// Start and end of every pseudo message.
pub const OPEN: char = '⟦';
pub const CLOSE: char = '⟧';

/// Wrap a whole message.
pub fn wrap(text: &str) -> String {
    format!("{OPEN}{text}{CLOSE}")
}

/// Each piece of a message's own text (not its variables): letters accented, and 40 % more
/// length added as `~` after each word's last letter, the way long languages grow.
pub fn transform(text: &str) -> Cow<'_, str> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let mut extra = (letters * 2).div_ceil(5);
    let words = text.split_whitespace().count().max(1);
    let per_word = extra.div_ceil(words);
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(accent(c));
        let word_ends = c.is_alphabetic() && !chars.peek().is_some_and(|n| n.is_alphabetic());
        if word_ends && extra > 0 {
            let n = per_word.min(extra);
            out.extend(std::iter::repeat_n('~', n));
            extra -= n;
        }
    }
    Cow::Owned(out)
}

fn accent(c: char) -> char {
    match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ö',
        'u' => 'ü',
        'c' => 'ç',
        'n' => 'ñ',
        'y' => 'ý',
        'A' => 'Å',
        'E' => 'É',
        'I' => 'Î',
        'O' => 'Ø',
        'U' => 'Û',
        'C' => 'Ç',
        'N' => 'Ñ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_text_is_accented_and_forty_percent_longer() {
        let out = transform("Join the meeting");
        assert_eq!(out, "Jöíñ~~ thé~~ méétíñg~~");
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
        let grown = out.chars().count() - "Join the meeting".chars().count();
        assert!(grown * 5 >= letters("Join the meeting") * 2, "{out}");
        assert_eq!(wrap("x"), "⟦x⟧");
    }

    #[test]
    fn text_without_letters_stays_as_it_is() {
        assert_eq!(transform(" – "), " – ");
    }
}
