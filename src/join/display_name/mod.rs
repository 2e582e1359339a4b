//! The guest's display name: trimmed, 1–250 characters, no control characters (docs/design.md §8).

use std::fmt;

pub const MAX_NAME_CHARS: usize = 250;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DisplayName(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DisplayNameError {
    #[error("Type the name the other participants will see.")]
    Empty,
    #[error("The name is too long ({chars} characters); use at most 250.")]
    TooLong { chars: usize },
    #[error("The name contains a control character (such as a tab or line break); remove it.")]
    ControlCharacter,
}

impl DisplayName {
    pub fn parse(input: &str) -> Result<Self, DisplayNameError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(DisplayNameError::Empty);
        }
        if name.chars().any(char::is_control) {
            return Err(DisplayNameError::ControlCharacter);
        }
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(DisplayNameError::TooLong { chars });
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DisplayName({:?})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates() {
        assert_eq!(
            DisplayName::parse("  Ada Lovelace ").unwrap().as_str(),
            "Ada Lovelace"
        );
        assert_eq!(DisplayName::parse("Zoë 😀").unwrap().as_str(), "Zoë 😀");
        assert_eq!(DisplayName::parse(""), Err(DisplayNameError::Empty));
        assert_eq!(DisplayName::parse(" \t\n "), Err(DisplayNameError::Empty));
        assert_eq!(
            DisplayName::parse("Ada\tL"),
            Err(DisplayNameError::ControlCharacter)
        );
        assert_eq!(
            DisplayName::parse("Ada\u{7}"),
            Err(DisplayNameError::ControlCharacter)
        );
        assert_eq!(
            DisplayName::parse(&"é".repeat(250))
                .unwrap()
                .as_str()
                .chars()
                .count(),
            250
        );
        assert_eq!(
            DisplayName::parse(&"é".repeat(251)),
            Err(DisplayNameError::TooLong { chars: 251 })
        );
    }
}

#[cfg(test)]
mod props;
