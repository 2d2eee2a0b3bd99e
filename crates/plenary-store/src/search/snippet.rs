//! Snippets: the stretch of a body where the query's words are densest, HTML-escaped, with the
//! matched words in `<mark>`. Done here rather than with FTS5's `snippet()`, which re-reads the
//! index for every row; words are compared the way the index compares them (case and accents
//! folded), so what is marked is what matched.

use std::ops::Range;

use plenary_core::text::{fold, fold_into};
use unicode_normalization::char::is_combining_mark;

use super::Term;

/// A query word to mark, folded; `prefix` for the word still being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    folded: String,
    prefix: bool,
}

/// The words of the query's terms (a phrase contributes each of its words).
pub(crate) fn words(terms: &[Term]) -> Vec<Word> {
    let mut words = Vec::new();
    for term in terms {
        let pieces: Vec<Range<usize>> = tokens(&term.text).collect();
        let count = pieces.len();
        for (index, piece) in pieces.into_iter().enumerate() {
            words.push(Word { folded: fold(&term.text[piece]), prefix: term.open && index + 1 == count });
        }
    }
    words
}

/// Byte ranges of the index's tokens: runs of letters, digits and combining marks.
fn tokens(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let is_token = |c: char| {
        c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c)))
    };
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| is_token(*c))?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !is_token(c) {
                end = at;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Which query word a token matches, if any. Most tokens are ASCII and compared in place; only
/// the others are decomposed and folded.
fn matching(token: &str, words: &[Word]) -> Option<usize> {
    let matches = |folded: &str, word: &Word| {
        let (token, wanted) = (folded.as_bytes(), word.folded.as_bytes());
        let length_ok = if word.prefix { token.len() >= wanted.len() } else { token.len() == wanted.len() };
        length_ok && token[..wanted.len()].eq_ignore_ascii_case(wanted)
    };
    if token.is_ascii() {
        words.iter().position(|word| matches(token, word))
    } else {
        FOLDED.with_borrow_mut(|folded| {
            fold_into(token, folded);
            words.iter().position(|word| matches(folded, word))
        })
    }
}

thread_local! {
    /// Scratch space for folding non-ASCII tokens without allocating for each.
    static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The `window` words of `text` covering the most distinct query words (the earliest such
/// stretch), escaped for HTML, matches marked, `…` where text was cut.
pub(crate) fn marked(text: &str, words: &[Word], window: usize) -> String {
    let tokens: Vec<(Range<usize>, Option<usize>)> =
        tokens(text).map(|range| (range.clone(), matching(&text[range], words))).collect();
    if tokens.is_empty() {
        return String::new();
    }
    let window = window.clamp(1, tokens.len());
    let start = best_window(&tokens, words.len(), window);
    let end = start + window;
    let (first, last) = (tokens[start].0.start, tokens[end - 1].0.end);
    let mut html = String::new();
    if start > 0 {
        html.push('…');
    }
    // Keep the punctuation that opens the first word ("¿Qué", "<b").
    let previous_end = if start > 0 { tokens[start - 1].0.end } else { 0 };
    let lead = text[..first].rfind(char::is_whitespace).map_or(0, |at| at + 1).max(previous_end);
    let mut cursor = lead;
    for (range, matched) in &tokens[start..end] {
        escape_into(&mut html, &text[cursor..range.start]);
        if matched.is_some() {
            html.push_str("<mark>");
            escape_into(&mut html, &text[range.clone()]);
            html.push_str("</mark>");
        } else {
            escape_into(&mut html, &text[range.clone()]);
        }
        cursor = range.end;
    }
    // Keep the punctuation that closes the last word ("rights." rather than "rights").
    let tail_end = text[last..].find(char::is_whitespace).map_or(text.len(), |at| last + at);
    let tail_end = if end < tokens.len() { tail_end.min(tokens[end].0.start) } else { tail_end };
    escape_into(&mut html, &text[last..tail_end]);
    if end < tokens.len() {
        html.push('…');
    }
    html
}

/// Words kept before a snippet's first match, so that it reads in context.
const LEAD_IN: usize = 3;

/// Matched-word tally of a window: how many distinct query words, how many matches.
struct Tally {
    counts: Vec<usize>,
    distinct: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, word: Option<usize>) {
        if let Some(word) = word {
            self.counts[word] += 1;
            self.total += 1;
            if self.counts[word] == 1 {
                self.distinct += 1;
            }
        }
    }

    fn remove(&mut self, word: Option<usize>) {
        if let Some(word) = word {
            self.counts[word] -= 1;
            self.total -= 1;
            if self.counts[word] == 0 {
                self.distinct -= 1;
            }
        }
    }
}

/// The start of the window with the most distinct matched words, then the most matches (the
/// earliest such), moved on so that at most three words lead in to its first match and the rest
/// of the window follows the matches.
fn best_window(tokens: &[(Range<usize>, Option<usize>)], word_count: usize, window: usize) -> usize {
    let mut tally = Tally { counts: vec![0; word_count], distinct: 0, total: 0 };
    tokens[..window].iter().for_each(|(_, word)| tally.add(*word));
    let (mut best, mut best_score) = (0, (tally.distinct, tally.total));
    for start in 1..=tokens.len() - window {
        tally.remove(tokens[start - 1].1);
        tally.add(tokens[start + window - 1].1);
        if (tally.distinct, tally.total) > best_score {
            best = start;
            best_score = (tally.distinct, tally.total);
        }
    }
    // The earliest best window ends on a match, with whatever came before it: move it on so that
    // three words lead in and what follows the matches fills the rest. Every match stays inside.
    let Some(first_match) = tokens[best..best + window].iter().position(|(_, word)| word.is_some()) else {
        return best;
    };
    let room_after = tokens.len() - (best + window);
    best + first_match.saturating_sub(LEAD_IN).min(room_after)
}

fn escape_into(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            '\n' | '\r' | '\t' => html.push(' '),
            c => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn check(text: &str, query: &str, window: usize, expected: &str) {
        assert_eq!(marked(text, &words(&parse(query)), window), expected, "{query:?} in {text:?}");
    }

    #[test]
    fn matches_are_marked_with_accents_and_case_folded() {
        check(
            "La Migración y la detención.",
            "migracion DETENCION ",
            10,
            "La <mark>Migración</mark> y la <mark>detención</mark>.",
        );
        check("Protección de migrantes", "protec", 10, "<mark>Protección</mark> de migrantes");
    }

    #[test]
    fn the_densest_window_is_chosen_and_cut_with_ellipses() {
        let text =
            "one two three four five six seven eight nine ten detention eleven migration twelve thirteen";
        check(
            text,
            "detention migration ",
            5,
            "…nine ten <mark>detention</mark> eleven <mark>migration</mark>…",
        );
        check("alpha beta gamma delta", "zeta", 2, "alpha beta…");
        // A match that slides out of the window is no longer counted: one word repeated does not
        // beat two different words further on.
        check(
            "children one two three four five six seven eight nine detention of children today",
            "detention children",
            4,
            "…nine <mark>detention</mark> of <mark>children</mark>…",
        );
        // Three words lead in; what follows the matches fills the window, not what came before.
        check(
            "a b c d e f g h i detention of children and families today now",
            "detention children",
            8,
            "…g h i <mark>detention</mark> of <mark>children</mark> and families…",
        );
        // A word that has slid out no longer counts as found: two matches of one word do not
        // beat both words together.
        check(
            "children x x x x detention detention y y y detention of children z",
            "detention children",
            4,
            "…y <mark>detention</mark> of <mark>children</mark>…",
        );
        // Of two equally good stretches, the earlier.
        check(
            "detention of children a b c d e f g h detention of children",
            "detention children",
            3,
            "<mark>detention</mark> of <mark>children</mark>…",
        );
    }

    #[test]
    fn only_the_word_still_being_typed_matches_as_a_prefix() {
        check(
            "human rights and the right to asylum",
            "right ",
            10,
            "human rights and the <mark>right</mark> to asylum",
        );
        check(
            "safe and regular pathways for safety",
            "\"safe and\" path",
            10,
            "<mark>safe</mark> <mark>and</mark> regular <mark>pathways</mark> for safety",
        );
    }

    #[test]
    fn the_punctuation_closing_the_last_word_is_kept() {
        check(
            "a b c detention of children, today and tomorrow",
            "detention children",
            3,
            "…<mark>detention</mark> of <mark>children</mark>,…",
        );
        check(
            "detention of children. ",
            "detention children",
            3,
            "<mark>detention</mark> of <mark>children</mark>.",
        );
    }

    #[test]
    fn a_word_cut_off_after_the_window_does_not_show() {
        check(
            "detention of children/today and more",
            "detention children",
            3,
            "<mark>detention</mark> of <mark>children</mark>/…",
        );
    }

    #[test]
    fn a_word_cut_off_before_the_window_does_not_show() {
        check(
            "a b c d e f rights/detention of children",
            "detention children",
            3,
            "…/<mark>detention</mark> of <mark>children</mark>",
        );
    }

    #[test]
    fn typographic_punctuation_is_not_part_of_a_word() {
        check(
            "«Migración» — “rights”’s",
            "migracion rights",
            10,
            "«<mark>Migración</mark>» — “<mark>rights</mark>”’s",
        );
    }

    #[test]
    fn text_is_escaped() {
        check(
            "<script>alert('x')</script> & rights",
            "rights ",
            10,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>rights</mark>",
        );
    }

    #[test]
    fn phrases_mark_each_of_their_words() {
        check(
            "safe and regular pathways",
            "\"safe and regular\"",
            10,
            "<mark>safe</mark> <mark>and</mark> <mark>regular</mark> pathways",
        );
    }
}
