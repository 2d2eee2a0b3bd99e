//! Hyphenation points in the statement's language, from the TeX patterns the `hyphenation`
//! crate embeds (English, Spanish, French, Portuguese, and the rest it ships).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use hyphenation::{Hyphenator, Language, Load, Standard};

fn dictionary_language(lang: &str) -> Option<Language> {
    match lang.split('-').next().unwrap_or(lang) {
        "en" => {
            Some(if lang.eq_ignore_ascii_case("en-gb") { Language::EnglishGB } else { Language::EnglishUS })
        }
        "es" => Some(Language::Spanish),
        "fr" => Some(Language::French),
        "pt" => Some(Language::Portuguese),
        "de" => Some(Language::German1996),
        "it" => Some(Language::Italian),
        "ca" => Some(Language::Catalan),
        "nl" => Some(Language::Dutch),
        _ => None,
    }
}

/// Byte offsets inside `word` where it may be hyphenated, keeping at least two letters before
/// and three after a break. Words with capitals inside, digits or fewer than six letters are
/// left whole.
pub(crate) fn points(lang: &str, word: &str) -> Vec<usize> {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 6 || word.chars().any(|c| !c.is_alphabetic()) || word.chars().skip(1).any(char::is_uppercase)
    {
        return Vec::new();
    }
    let Some(language) = dictionary_language(lang) else { return Vec::new() };
    static DICTIONARIES: OnceLock<Mutex<Hyphenators>> = OnceLock::new();
    let dictionaries = DICTIONARIES.get_or_init(|| Mutex::new(Hyphenators::default()));
    let Ok(mut dictionaries) = dictionaries.lock() else { return Vec::new() };
    let Hyphenators { dictionaries, known } = &mut *dictionaries;
    // Statements repeat their words, and the preview sets the same text again and again.
    let known = known.entry(language).or_default();
    if let Some(points) = known.get(word) {
        return points.clone();
    }
    let dictionary = dictionaries.entry(language).or_insert_with(|| Standard::from_embedded(language).ok());
    let Some(dictionary) = dictionary.as_ref() else { return Vec::new() };
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return Vec::new();
    }
    let chars_before = |offset: usize| word[..offset].chars().count();
    let points: Vec<usize> = dictionary
        .hyphenate(&lower)
        .breaks
        .into_iter()
        .filter(|&at| word.is_char_boundary(at) && chars_before(at) >= 2 && letters - chars_before(at) >= 3)
        .collect();
    if known.len() >= KNOWN_WORDS {
        known.clear();
    }
    known.insert(word.to_owned(), points.clone());
    points
}

/// Words per language whose points are remembered before that memory starts again (a few MB
/// at most).
const KNOWN_WORDS: usize = 50_000;

/// The dictionaries loaded so far, and the points of words already hyphenated.
#[derive(Default)]
struct Hyphenators {
    dictionaries: HashMap<Language, Option<Standard>>,
    /// By language, then by the word as written (looked up without allocating).
    known: HashMap<Language, HashMap<String, Vec<usize>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(lang: &str, word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for at in points(lang, word) {
            out.push_str(&word[last..at]);
            out.push('-');
            last = at;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn words_break_by_their_language() {
        assert_eq!(split("en", "organisations"), "or-gan-i-sa-tions");
        assert_eq!(split("es", "organizaciones"), "or-ga-ni-za-cio-nes");
        assert!(split("fr", "gouvernements").contains('-'));
        let portuguese = split("pt-BR", "organizações");
        assert!(portuguese.contains('-'), "{portuguese}");
        assert_eq!(split("es", "Quito"), "Quito", "short words stay whole");
        assert_eq!(split("en", "McDonald"), "McDonald", "words with inner capitals stay whole");
        assert_eq!(split("en", "GFMD2027"), "GFMD2027");
        assert_eq!(split("xx", "organisations"), "organisations", "unknown languages are not hyphenated");
        // Every language with a dictionary, and British English on its own patterns.
        for (lang, word) in [
            ("de", "Organisationen"),
            ("it", "organizzazioni"),
            ("ca", "organitzacions"),
            ("nl", "organisaties"),
            ("en-GB", "organisations"),
        ] {
            assert!(split(lang, word).contains('-'), "{lang}: {}", split(lang, word));
        }
        // The patterns would allow "mi-gran-te": a break keeps three letters after it.
        assert_eq!(split("es", "migrante"), "mi-grante");
    }
}
