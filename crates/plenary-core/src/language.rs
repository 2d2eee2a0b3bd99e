//! Languages as BCP 47 tags (`en`, `es`, `pt-BR`, `es-419`).

use std::fmt;
use std::str::FromStr;

use oxilangtag::LanguageTag;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ModelError;

/// A well-formed BCP 47 language tag in its canonical letter case (`pt-BR`, `zh-Hant`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Language(String);

impl Language {
    /// Reads a tag, naming `field` in the error; `pt-br` becomes `pt-BR`.
    pub fn parse(field: &str, text: &str) -> Result<Self, ModelError> {
        let text = text.trim();
        let tag = LanguageTag::parse(text).map_err(|error| {
            ModelError::invalid(
                field,
                text,
                &format!("expected a BCP 47 language tag such as en, es or pt-BR ({error})"),
            )
        })?;
        // Registered 5–8 letter language subtags are well-formed but unused in practice; refusing
        // them catches "english" or "spanish" typed for a tag.
        if !(2..=3).contains(&tag.primary_language().len()) {
            return Err(ModelError::invalid(
                field,
                text,
                "expected a BCP 47 language tag such as en, es or pt-BR",
            ));
        }
        Ok(Self(canonical_case(tag.as_str())))
    }

    /// English, the default for a new library.
    pub fn english() -> Self {
        Self("en".to_owned())
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`pt` for `pt-BR`), which hyphenation and spelling go by.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }
}

/// Letter case by subtag as RFC 5646 recommends: language lowercase, script title case, region
/// uppercase; everything after a singleton (extensions, private use) lowercase.
fn canonical_case(tag: &str) -> String {
    let mut after_singleton = false;
    tag.split('-')
        .enumerate()
        .map(|(index, subtag)| {
            if subtag.len() == 1 {
                after_singleton = true;
            }
            match subtag.len() {
                _ if index == 0 || after_singleton => subtag.to_ascii_lowercase(),
                2 => subtag.to_ascii_uppercase(),
                4 => {
                    let lower = subtag.to_ascii_lowercase();
                    let mut chars = lower.chars();
                    chars
                        .next()
                        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                        .unwrap_or_default()
                }
                _ => subtag.to_ascii_lowercase(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Language {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse("language", s)
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_validated_and_canonicalised() {
        for (given, canonical) in [
            ("en", "en"),
            ("ES", "es"),
            ("pt-br", "pt-BR"),
            ("es-419", "es-419"),
            ("zh-hant-tw", "zh-Hant-TW"),
        ] {
            assert_eq!(Language::parse("--lang", given).expect(given).as_str(), canonical);
        }
        for bad in ["", "english", "en_US", "e", "en--us"] {
            let error = Language::parse("--lang", bad).expect_err(bad).to_string();
            assert!(error.contains("--lang"), "{error}");
        }
        assert_eq!(Language::parse("--lang", "pt-BR").expect("pt-BR").primary(), "pt");
    }

    #[test]
    fn extended_subtags_are_lower_case_and_region_numbers_kept() {
        assert_eq!(Language::parse("--lang", "ZH-YUE").expect("zh-yue").as_str(), "zh-yue");
        assert_eq!(Language::parse("--lang", "ES-419").expect("es-419").as_str(), "es-419");
    }
}
