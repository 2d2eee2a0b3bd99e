//! What the library already holds of a proposed section: the same text ("already there"), or close
//! text ("new version of …" with how close), measured on word pairs so that reworded sentences and
//! moved paragraphs still count as close.

use std::collections::HashSet;

use plenary_core::id::SectionId;
use serde::Serialize;

/// A library section to compare against.
#[derive(Debug, Clone)]
pub struct LibraryText {
    /// The section.
    pub section: SectionId,
    /// Its current title.
    pub title: String,
    /// Its current body (Markdown).
    pub body: String,
}

/// The library section closest to a proposed one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The section.
    pub section: SectionId,
    /// Its title.
    pub title: String,
    /// How much of the two texts' word pairs they share, from 0 to 1.
    pub similarity: f32,
    /// The same words in the same order: importing it would add nothing.
    pub same: bool,
}

/// Below this, texts are unrelated.
const CLOSE: f32 = 0.5;

/// The words of a Markdown text, lowercase, without punctuation or markup.
fn words(markdown: &str) -> Vec<String> {
    plenary_core::words::plain_text(markdown)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn pairs(words: &[String]) -> HashSet<(&str, &str)> {
    words.windows(2).map(|pair| (pair[0].as_str(), pair[1].as_str())).collect()
}

/// The library, prepared once for comparing many proposed sections against it.
pub struct Matcher<'a> {
    texts: &'a [LibraryText],
    words: Vec<Vec<String>>,
}

impl<'a> Matcher<'a> {
    /// Prepares `texts` for matching.
    pub fn new(texts: &'a [LibraryText]) -> Self {
        Self { texts, words: texts.iter().map(|text| words(&text.body)).collect() }
    }

    /// The closest section to a proposed section's body (Markdown), if any is close.
    pub fn best(&self, body: &str) -> Option<Match> {
        let mine = words(body);
        if mine.is_empty() {
            return None;
        }
        let my_pairs = pairs(&mine);
        let mut best: Option<Match> = None;
        for (candidate, theirs) in self.texts.iter().zip(&self.words) {
            let same = *theirs == mine;
            let similarity = if same {
                1.0
            } else {
                let their_pairs = pairs(theirs);
                let shared = my_pairs.intersection(&their_pairs).count();
                let total = my_pairs.len() + their_pairs.len();
                if total == 0 { 0.0 } else { (2 * shared) as f32 / total as f32 }
            };
            if similarity >= CLOSE && best.as_ref().is_none_or(|b| similarity > b.similarity) {
                best = Some(Match {
                    section: candidate.section,
                    title: candidate.title.clone(),
                    similarity,
                    same,
                });
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Vec<LibraryText> {
        [
            (
                "Who we are",
                "Alianza Puentes is a network of **45** migrant-led organisations in the Americas.",
            ),
            (
                "Detention",
                "Migration is not a crime. We call on states to end immigration detention of children.",
            ),
        ]
        .into_iter()
        .map(|(title, body)| LibraryText {
            section: SectionId::new_random(),
            title: title.into(),
            body: body.into(),
        })
        .collect()
    }

    #[test]
    fn the_same_text_is_already_there_and_close_text_is_a_new_version() {
        let library = library();
        let matcher = Matcher::new(&library);
        let same = matcher
            .best("Alianza Puentes is a network of 45 migrant-led organisations in the Americas.")
            .expect("a match");
        assert!(same.same && same.similarity == 1.0);
        assert_eq!(same.title, "Who we are");
        let close = matcher.best(
            "Migration is not a crime. We call on all states to end the immigration detention of children now.",
        )
        .expect("a close match");
        assert!(!close.same && close.similarity > 0.6 && close.similarity < 1.0, "{close:?}");
        assert_eq!(close.title, "Detention");
        assert_eq!(matcher.best("Climate change displaces millions of people every year."), None);
    }
}
