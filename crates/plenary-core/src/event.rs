//! Events: the conferences statements are written for, and the rules they impose.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::date::Date;
use crate::id::EventId;
use crate::language::Language;

/// A conference and its submission rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Its identity.
    pub id: EventId,
    /// Full name ("Global Forum on Migration and Development").
    pub name: String,
    /// Short name ("GFMD").
    pub short_name: Option<String>,
    /// Edition ("2017", "10th Summit").
    pub edition: Option<String>,
    /// Host city.
    pub city: Option<String>,
    /// Host country.
    pub country: Option<String>,
    /// Who runs it.
    pub organiser: Option<String>,
    /// First day.
    pub starts: Option<Date>,
    /// Last day.
    pub ends: Option<Date>,
    /// Last day to submit statements.
    pub deadline: Option<Date>,
    /// Most words a statement may have, in any language without a limit of its own.
    pub word_limit: Option<u32>,
    /// Most words a statement may have in one language.
    #[serde(default)]
    pub word_limits: BTreeMap<Language, u32>,
    /// Languages statements may be written in.
    pub languages: Vec<Language>,
}

impl Event {
    /// Checks the rules that tie fields together: an event has a name, cannot end before it starts,
    /// and a word limit is at least one word.
    pub fn validate(&self) -> Result<(), ModelError> {
        if let (Some(starts), Some(ends)) = (self.starts, self.ends)
            && ends < starts
        {
            return Err(ModelError::invalid(
                "end date",
                &ends.to_string(),
                &format!("the event cannot end before it starts ({starts})"),
            ));
        }
        if self.name.trim().is_empty() {
            return Err(ModelError::invalid("name", &self.name, "an event needs a name"));
        }
        if self.word_limit == Some(0) {
            return Err(ModelError::invalid("word limit", "0", "a limit must be at least 1 word"));
        }
        if let Some((lang, _)) = self.word_limits.iter().find(|(_, limit)| **limit == 0) {
            return Err(ModelError::invalid(
                &format!("word limit in '{lang}'"),
                "0",
                "a limit must be at least 1 word",
            ));
        }
        Ok(())
    }

    /// The word limit for statements (or the part of one) in `lang`.
    pub fn word_limit_for(&self, lang: &Language) -> Option<u32> {
        self.word_limits.get(lang).copied().or(self.word_limit)
    }

    /// The name people use for it: short name and edition when there is one ("GFMD 2017").
    pub fn display_name(&self) -> String {
        let name = self.short_name.as_deref().unwrap_or(&self.name);
        match &self.edition {
            Some(edition) if !name.contains(edition.as_str()) => format!("{name} {edition}"),
            _ => name.to_owned(),
        }
    }
}

/// One word limit as typed: `800` for every language, `es=900` for one. `field` names it in
/// errors (`--word-limit`).
pub fn parse_word_limit(field: &str, text: &str) -> Result<(Option<Language>, u32), ModelError> {
    let (lang, number) = match text.split_once('=') {
        Some((lang, number)) => (Some(Language::parse(field, lang.trim())?), number),
        None => (None, text),
    };
    match number.trim().parse::<u32>() {
        Ok(limit) if limit > 0 => Ok((lang, limit)),
        _ => Err(ModelError::invalid(
            field,
            text,
            "expected a number of words above 0, for every language (800) or one (es=900)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(name: &str, short_name: Option<&str>, edition: Option<&str>) -> Event {
        Event {
            id: EventId::new_random(),
            name: name.to_owned(),
            short_name: short_name.map(str::to_owned),
            edition: edition.map(str::to_owned),
            city: None,
            country: None,
            organiser: None,
            starts: None,
            ends: None,
            deadline: None,
            word_limit: None,
            word_limits: BTreeMap::new(),
            languages: vec![],
        }
    }

    #[test]
    fn a_word_limit_is_at_least_one_word_for_every_language_and_each() {
        let mut forum = event("Global Forum", None, None);
        forum.word_limit = Some(1);
        forum.word_limits.insert(Language::parse("lang", "es").expect("es"), 1);
        assert!(forum.validate().is_ok());
        forum.word_limit = Some(0);
        assert!(forum.validate().expect_err("zero").to_string().contains("word limit"));
        forum.word_limit = Some(800);
        forum.word_limits.insert(Language::parse("lang", "fr").expect("fr"), 0);
        let error = forum.validate().expect_err("zero in fr").to_string();
        assert!(error.contains("word limit in 'fr'"), "{error}");
    }

    #[test]
    fn an_event_may_last_a_day_but_not_end_before_it_starts() {
        let day = |text: &str| -> Date { text.parse().expect("date") };
        let mut summit = event("Global Forum", None, None);
        for (starts, ends, ok) in [
            ("2027-01-26", "2027-01-28", true),
            ("2027-01-26", "2027-01-26", true),
            ("2027-01-26", "2027-01-25", false),
        ] {
            (summit.starts, summit.ends) = (Some(day(starts)), Some(day(ends)));
            assert_eq!(summit.validate().is_ok(), ok, "{starts} to {ends}");
        }
        let error = summit.validate().expect_err("ends first").to_string();
        assert!(error.contains("end date") && error.contains("2027-01-26"), "{error}");
        assert!(
            event("  ", None, None).validate().expect_err("no name").to_string().contains("needs a name")
        );
    }

    #[test]
    fn word_limits_are_read_for_every_language_or_one() {
        assert_eq!(parse_word_limit("--word-limit", "800").expect("all"), (None, 800));
        let (lang, limit) = parse_word_limit("--word-limit", " es = 900 ").expect("one");
        assert_eq!((lang.map(|l| l.to_string()), limit), (Some("es".to_owned()), 900));
        for bad in ["0", "es=0", "es=", "=900", "many", "es=-3", "e s=9"] {
            let error = parse_word_limit("--word-limit", bad).expect_err(bad).to_string();
            assert!(error.contains("--word-limit"), "{bad}: {error}");
        }
    }

    #[test]
    fn the_display_name_is_the_short_name_and_edition_without_repeating_it() {
        assert_eq!(event("Global Forum", Some("GFMD"), Some("2017")).display_name(), "GFMD 2017");
        assert_eq!(event("Global Forum", None, Some("2017")).display_name(), "Global Forum 2017");
        assert_eq!(event("GFMD 2017", None, Some("2017")).display_name(), "GFMD 2017");
        assert_eq!(event("Global Forum", Some("GFMD"), None).display_name(), "GFMD");
    }
}
