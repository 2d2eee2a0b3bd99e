//! Facts: named, dated figures ("45 organisational members") that bodies cite as
//! `{{fact.member_orgs}}`, so that updating one updates every statement that uses it.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::date::{Date, PartialDate, Timestamp};
use crate::language::Language;

/// A fact's name: lowercase ASCII letters, digits and `_`, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FactKey(String);

impl FactKey {
    /// Checks a key as typed.
    pub fn parse(text: &str) -> Result<Self, ModelError> {
        let key = text.trim();
        if is_key(key) {
            Ok(Self(key.to_owned()))
        } else {
            Err(ModelError::invalid(
                "fact key",
                text,
                "a key is lowercase letters, digits and '_', starting with a letter, such as member_orgs",
            ))
        }
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Read from files (bundles) through the same check as typed text.
impl TryFrom<String> for FactKey {
    type Error = ModelError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<FactKey> for String {
    fn from(value: FactKey) -> String {
        value.0
    }
}

impl FromStr for FactKey {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl fmt::Display for FactKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A named figure or phrase with the date it was true and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Its name, as bodies cite it.
    pub key: FactKey,
    /// The text substituted for it ("45", "more than 100,000 families").
    pub value: String,
    /// When the figure was true.
    pub as_of: Option<PartialDate>,
    /// Where it comes from.
    pub source: Option<String>,
    /// When it was last set.
    pub updated_at: Timestamp,
    /// Its value in single languages ("más de 100.000 familias" for `es`), used by text in that
    /// language instead of `value`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<Language, String>,
}

impl Fact {
    /// The value text in `lang` shows: the fact's value in that language, else its value.
    pub fn value_in(&self, lang: &Language) -> &str {
        self.values.get(lang).map_or(self.value.as_str(), String::as_str)
    }

    /// Whether its figure was true more than a year before `today`: time to check it again.
    pub fn is_stale(&self, today: Date) -> bool {
        let a_year_before = today.saturating_sub(jiff::Span::new().years(1));
        self.as_of.is_some_and(|as_of| as_of.last_day() < a_year_before)
    }
}

/// A fact with whether its figure is stale on a given day: what the Facts screen and `fact list`
/// show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactStanding {
    /// The fact.
    #[serde(flatten)]
    pub fact: Fact,
    /// Its figure was true more than a year before that day.
    pub stale: bool,
}

impl FactStanding {
    /// `fact` as it stands `today`.
    pub fn new(fact: Fact, today: Date) -> Self {
        Self { stale: fact.is_stale(today), fact }
    }
}

/// A `{{fact.KEY}}` found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactReference {
    /// The cited key (not necessarily a known fact).
    pub key: String,
    /// Where the whole `{{…}}` stands in the text, in bytes.
    pub span: Range<usize>,
}

/// Finds every `{{fact.KEY}}` (spaces inside the braces allowed) in `text`, in order.
pub fn fact_references(text: &str) -> Vec<FactReference> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|at| from + at) {
        let Some(close) = text[open + 2..].find("}}").map(|at| open + 2 + at) else { break };
        let inner = text[open + 2..close].trim();
        match inner.strip_prefix("fact.") {
            Some(key) if is_key(key) => {
                found.push(FactReference { key: key.to_owned(), span: open..close + 2 });
                from = close + 2;
            }
            // Not a fact reference: look again just after this "{{", which may hide one ("{{{{fact.x}}").
            _ => from = open + 2,
        }
    }
    found
}

/// Replaces each `{{fact.KEY}}` whose key `lookup` knows with its value, and leaves unknown ones
/// as written so that they stay visible in previews and exports.
pub fn substitute_facts<'a>(text: &str, lookup: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for reference in fact_references(text) {
        if let Some(value) = lookup(&reference.key) {
            out.push_str(&text[last..reference.span.start]);
            out.push_str(value);
            last = reference.span.end;
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked() {
        assert!(FactKey::parse("member_orgs").is_ok());
        for bad in ["", "Member", "1st", "member-orgs", "a b"] {
            assert!(FactKey::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn references_are_found_with_and_without_spaces() {
        let text = "We have {{fact.member_orgs}} members in {{ fact.states }} states; {{name}} and {{fact.Bad}} are not facts; {{{{fact.x}}";
        let keys: Vec<_> = fact_references(text).into_iter().map(|r| r.key).collect();
        assert_eq!(keys, ["member_orgs", "states", "x"]);
    }

    #[test]
    fn known_facts_are_substituted_and_unknown_ones_kept() {
        let lookup = |key: &str| match key {
            "member_orgs" => Some("45"),
            _ => None,
        };
        assert_eq!(
            substitute_facts(
                "{{fact.member_orgs}} members, {{fact.unknown}} families, {{ fact.member_orgs }}.",
                lookup
            ),
            "45 members, {{fact.unknown}} families, 45."
        );
        assert_eq!(substitute_facts("unclosed {{fact.member_orgs", lookup), "unclosed {{fact.member_orgs");
    }

    #[test]
    fn a_closing_brace_pair_before_a_reference_does_not_confuse_the_search() {
        let found: Vec<String> = fact_references("}} and {{fact.members}} and {{ fact.year }}")
            .into_iter()
            .map(|reference| reference.key)
            .collect();
        assert_eq!(found, ["members", "year"]);
    }
}
