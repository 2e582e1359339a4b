//! The shape every open list of the protocol's words shares: each word the system knows is a
//! variant, any other string decodes to `Unknown` and encodes back unchanged, so a server that
//! says something new is still understood as far as it can be.

/// Define `pub enum $name { $($variant,)* Unknown(String) }` with:
/// `as_str` (the exact wire spelling), `parse` / `From<&str>` / `From<String>` (`match_with`
/// decides how a string matches a word: [`exact`] or [`ignore_case`]; a known word
/// decodes to its variant, anything else to `Unknown` keeping the string as sent), `KNOWN`,
/// `Display`, `Default` (`Unknown("")`), and `Serialize` / `Deserialize` through the string.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident, match_with = $matches:path {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A word this system does not know, kept as it was sent.
            Unknown(String),
        }

        impl $name {
            /// Every known word, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant,)*];

            /// The word as the protocol spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Unknown(s) => s,
                }
            }

            /// The word `text` names; `Unknown` (keeping `text`) when it is none of the known.
            pub fn parse(text: &str) -> Self {
                Self::known(text).unwrap_or_else(|| $name::Unknown(text.to_string()))
            }

            /// The same word, whatever the case of either (for words one peer compares
            /// case-insensitively though the vocabulary matches as spelled).
            pub fn eq_ignore_case(&self, other: &Self) -> bool {
                self.as_str().eq_ignore_ascii_case(other.as_str())
            }

            fn known(text: &str) -> Option<Self> {
                $(if $matches(text, $text) {
                    return Some($name::$variant);
                })*
                None
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::Unknown(String::new())
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self::parse(text)
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                Self::known(&text).unwrap_or($name::Unknown(text))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(d).map(Self::from)
            }
        }
    };
}

pub(crate) use vocabulary;

/// Words that match only as spelled (`match_with = exact`).
pub(crate) fn exact(text: &str, word: &str) -> bool {
    text == word
}

/// Words that match whatever their case (`match_with = ignore_case`): the canonical spelling
/// is kept for a known word.
pub(crate) fn ignore_case(text: &str, word: &str) -> bool {
    text.eq_ignore_ascii_case(word)
}

/// Test helper: every known word of a vocabulary round-trips through its string and through
/// JSON; an unknown word decodes to `Unknown` and encodes back unchanged.
#[cfg(test)]
pub(crate) fn assert_round_trips<T>(known: &[T], unknown: &str)
where
    T: Clone
        + PartialEq
        + std::fmt::Debug
        + std::fmt::Display
        + for<'a> From<&'a str>
        + serde::Serialize
        + serde::de::DeserializeOwned,
{
    let mut seen = std::collections::HashSet::new();
    for word in known {
        let text = word.to_string();
        assert!(seen.insert(text.clone()), "{text} is spelled twice");
        assert_eq!(&T::from(text.as_str()), word, "{text}");
        let json = serde_json::to_string(word).expect("a word serialises");
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(&serde_json::from_str::<T>(&json).expect("decodes"), word);
    }
    let odd = T::from(unknown);
    assert!(!known.contains(&odd), "{unknown} must not be known");
    assert_eq!(odd.to_string(), unknown);
    let json = serde_json::to_string(&odd).expect("a word serialises");
    assert_eq!(
        json,
        serde_json::to_string(unknown).expect("a string serialises")
    );
    assert_eq!(serde_json::from_str::<T>(&json).expect("decodes"), odd);
}
