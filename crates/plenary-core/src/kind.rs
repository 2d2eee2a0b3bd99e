//! Section kinds: the built-in ones every library has, and names users add.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ModelError;

/// The kinds every library starts with, in the order statements usually use them.
pub const BUILTIN_KINDS: [&str; 7] =
    ["about", "work", "activism", "position", "recommendation", "closing", "other"];

/// What a section is for (`about`, `position`, …): a lowercase name, built in or added by users.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Kind(String);

impl Kind {
    /// Checks a kind name: lowercase letters, digits, `-` or `_`, starting with a letter, at most
    /// 40 characters. Whether the library knows the kind is the store's question.
    pub fn parse(text: &str) -> Result<Self, ModelError> {
        let name = text.trim();
        let valid = !name.is_empty()
            && name.len() <= 40
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if valid {
            Ok(Self(name.to_owned()))
        } else {
            Err(ModelError::invalid(
                "kind",
                text,
                "a kind is a lowercase name of letters, digits, '-' or '_', such as 'position'",
            ))
        }
    }

    /// The kind's name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the kind is one of [`BUILTIN_KINDS`].
    pub fn is_builtin(&self) -> bool {
        BUILTIN_KINDS.contains(&self.0.as_str())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Read from files (bundles) through the same check as typed text.
impl TryFrom<String> for Kind {
    type Error = ModelError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<Kind> for String {
    fn from(value: Kind) -> String {
        value.0
    }
}

impl FromStr for Kind {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_checked() {
        for good in BUILTIN_KINDS.iter().copied().chain(["call-to-action", "q_and_a2"]) {
            assert_eq!(Kind::parse(good).expect(good).as_str(), good);
        }
        for bad in ["", "Position", "2nd", "with space", "émigré"] {
            assert!(Kind::parse(bad).is_err(), "{bad}");
        }
        assert!(Kind::parse("about").expect("about").is_builtin());
        assert!(!Kind::parse("mine").expect("mine").is_builtin());
    }

    #[test]
    fn a_kind_prints_as_its_name() {
        assert_eq!(Kind::parse("call-to-action").expect("kind").to_string(), "call-to-action");
    }
}
