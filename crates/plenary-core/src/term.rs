//! The termbase: words and phrases the organisation does not use, each with the wording it
//! prefers ("illegal immigrant" → "undocumented migrant"). Texts are checked word by word,
//! without regard to case or accents, so "Ilegales" matches the term "ilegales" and a phrase
//! matches only as whole words ("illegal immigrants" does not match inside "illegal
//! immigrantsXYZ", nor "legal" inside "illegal").

use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;

use crate::ModelError;
use crate::id::TermId;
use crate::language::Language;
use crate::text::fold;

/// One entry of the termbase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// Its identity.
    pub id: TermId,
    /// The language it applies to.
    pub lang: Language,
    /// The word or phrase to avoid.
    pub term: String,
    /// The wording to use instead.
    pub prefer: String,
    /// Why, or where the rule comes from.
    pub note: Option<String>,
}

/// Where a term was found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermMatch {
    /// The entry.
    pub id: TermId,
    /// The term as the termbase writes it.
    pub term: String,
    /// The words as the text writes them.
    pub found: String,
    /// The preferred wording.
    pub prefer: String,
    /// The entry's note.
    pub note: Option<String>,
}

/// Checks a term and its preferred wording as typed: both must hold a word.
pub fn check_term(term: &str, prefer: &str) -> Result<(), ModelError> {
    if words(term).is_empty() {
        return Err(ModelError::invalid("term", term, "a term needs at least one word"));
    }
    if prefer.trim().is_empty() {
        return Err(ModelError::invalid("preferred wording", prefer, "say which wording to use instead"));
    }
    Ok(())
}

/// The words of `text` with where each stands, in bytes.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        // Combining accents belong to their word: text pasted from macOS is often decomposed.
        match (c.is_alphanumeric() || is_combining_mark(c), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                found.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        found.push((from, text.len()));
    }
    found
}

/// The termbase's entries for `lang` found in `text`, in the order they appear; each place
/// is reported once, by the longest entry that matches there.
pub fn find_terms(text: &str, lang: &Language, terms: &[Term]) -> Vec<TermMatch> {
    let spans = words(text);
    let folded: Vec<String> = spans.iter().map(|(from, to)| fold(&text[*from..*to])).collect();
    let mut entries: Vec<(&Term, Vec<String>)> = terms
        .iter()
        .filter(|term| &term.lang == lang)
        .map(|term| (term, words(&term.term).iter().map(|(from, to)| fold(&term.term[*from..*to])).collect()))
        .filter(|(_, words): &(&Term, Vec<String>)| !words.is_empty())
        .collect();
    entries.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
    let mut found = Vec::new();
    let mut at = 0;
    while at < folded.len() {
        let hit = entries.iter().find(|(_, words)| folded[at..].starts_with(words));
        match hit {
            Some((term, words)) => {
                let (start, end) = (spans[at].0, spans[at + words.len() - 1].1);
                found.push(TermMatch {
                    id: term.id,
                    term: term.term.clone(),
                    found: text[start..end].to_owned(),
                    prefer: term.prefer.clone(),
                    note: term.note.clone(),
                });
                at += words.len();
            }
            None => at += 1,
        }
    }
    found
}

/// The termbase's entries for `lang` found in a heading and a Markdown body (read as the plain
/// text a reader sees): what the editor and the composer warn about.
pub fn find_in_section(title: &str, body: &str, lang: &Language, terms: &[Term]) -> Vec<TermMatch> {
    let mut found = find_terms(title, lang, terms);
    found.extend(find_terms(&crate::words::plain_text(body), lang, terms));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(lang: &str, term: &str, prefer: &str) -> Term {
        Term {
            id: TermId::new_random(),
            lang: lang.parse().expect("language"),
            term: term.to_owned(),
            prefer: prefer.to_owned(),
            note: None,
        }
    }

    fn found(text: &str, lang: &str, terms: &[Term]) -> Vec<String> {
        find_terms(text, &lang.parse().expect("language"), terms).into_iter().map(|m| m.found).collect()
    }

    #[test]
    fn terms_match_whole_words_and_phrases_without_case_or_accents() {
        let terms = [
            term("en", "illegal immigrant", "undocumented migrant"),
            term("en", "illegal immigrants", "undocumented migrants"),
            term("es", "ilegales", "personas en situación irregular"),
            term("es", "migración ilegal", "migración irregular"),
        ];
        assert_eq!(
            found("No one is an ILLEGAL immigrant; illegal\nimmigrants are people.", "en", &terms),
            ["ILLEGAL immigrant", "illegal\nimmigrants"]
        );
        assert!(found("Illegality, illegally, immigrant, legal immigrants.", "en", &terms).is_empty());
        assert_eq!(
            found("Los «Ilegales» y la migracion ilegal.", "es", &terms),
            ["Ilegales", "migracion ilegal"]
        );
        assert!(found("ilegales", "en", &terms).is_empty(), "terms apply to their language only");
        // Decomposed accents (as macOS often pastes them) are part of the word.
        assert_eq!(found("la migracio\u{301}n ilegal", "es", &terms), ["migracio\u{301}n ilegal"]);
    }

    #[test]
    fn a_term_and_its_wording_need_words() {
        assert!(check_term("illegal alien", "undocumented migrant").is_ok());
        assert!(check_term(" -- ", "x").is_err());
        assert!(check_term("alien", "  ").is_err());
    }

    /// Random text made of the terms' words in any case and accents, other words, punctuation,
    /// control characters and stray Unicode: matching never panics, every match is the term's
    /// words in order (folded), and a text made only of a term always matches it.
    #[test]
    fn matching_holds_on_random_text() {
        let terms = [
            term("es", "migración ilegal", "migración irregular"),
            term("es", "ilegales", "personas en situación irregular"),
            term("es", "ilegal", "irregular"),
        ];
        let pieces = [
            "MIGRACIÓN",
            "migracion",
            "ilegal",
            "Ilegales",
            "ILEGAL",
            "illegal",
            "legal",
            "\u{0}",
            "\t",
            "\n",
            " ",
            "  ",
            ",",
            "«",
            "»",
            "—",
            "-",
            "\u{301}",
            "e\u{301}",
            "🙂",
            "\u{202e}",
            "ılegal",
            "İlegal",
            "ﬁ",
            "Ⅻ",
            "٣",
            "x",
        ];
        let lang: Language = "es".parse().expect("language");
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..4000 {
            let text: String = (0..rng.usize(0..24)).map(|_| pieces[rng.usize(0..pieces.len())]).collect();
            for found in find_terms(&text, &lang, &terms) {
                assert!(text.contains(&found.found), "{text:?}: {found:?}");
                let entry = terms.iter().find(|t| t.id == found.id).expect("entry");
                let fold_words = |s: &str| words(s).iter().map(|(a, b)| fold(&s[*a..*b])).collect::<Vec<_>>();
                assert_eq!(fold_words(&found.found), fold_words(&entry.term), "{text:?}");
            }
        }
        for entry in &terms {
            let shouted = entry.term.to_uppercase();
            assert_eq!(find_terms(&shouted, &lang, &terms)[0].id, entry.id, "{shouted}");
        }
    }
}
