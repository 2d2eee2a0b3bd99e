//! Full-text search over the library with SQLite FTS5: ranked, filtered, with snippets.
//!
//! Ranking is BM25 in two tiers: sections whose title or tags match come first (ranked over
//! every match, on the small title index), then sections whose text matches. BM25 has to score
//! every matching row, which costs several microseconds each; so that search as you type stays
//! within a few milliseconds on a 10,000-section library, each tier ranks every match when there
//! are at most [`RANK_ALL_UP_TO`] of them (after filters), and otherwise the newest
//! [`RANK_ALL_UP_TO`]: a query that broad is one the user is still typing.

mod snippet;

use std::collections::HashSet;

use plenary_core::id::SectionId;
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use crate::Store;
use crate::error::StoreResult;
use crate::rows::parsed;
use crate::sections::{SectionFilter, filter_sql};

/// Matches ranked exactly up to this many per tier; beyond it, the newest this many are ranked.
pub const RANK_ALL_UP_TO: usize = 100;

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// The words as typed. Every word must match (accents ignored); `"quoted words"` match as a
    /// phrase; the last word also matches as a prefix, for search as you type.
    pub text: String,
    /// Which sections to look in.
    pub filter: SectionFilter,
    /// Most hits to return.
    pub limit: usize,
}

/// One matching section.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The section.
    pub id: SectionId,
    /// Its current title.
    pub title: String,
    /// Its kind.
    pub kind: Kind,
    /// Its language.
    pub lang: Language,
    /// Its status.
    pub status: SectionStatus,
    /// A short excerpt of the body around the matches (the title is shown apart), as
    /// HTML-escaped text in which the matched words are wrapped in `<mark>…</mark>`: safe to show
    /// as HTML, nothing else in it is markup.
    pub snippet: String,
}

impl Store {
    /// Searches the current text (title, body, tags) of the sections that pass the filter, best
    /// matches first.
    pub fn search(&self, query: &SearchQuery) -> StoreResult<Vec<SearchHit>> {
        let terms = parse(&query.text);
        let Some(expression) = match_expression(&terms) else { return Ok(Vec::new()) };
        let limit = query.limit.clamp(1, 500);

        let mut order = self.ranked("section_titles", &expression, &query.filter, limit)?;
        if order.len() < limit {
            let seen: HashSet<i64> = order.iter().copied().collect();
            let text_matches =
                self.ranked("section_search", &expression, &query.filter, limit + order.len())?;
            order
                .extend(text_matches.into_iter().filter(|seq| !seen.contains(seq)).take(limit - order.len()));
        }

        let words = snippet::words(&terms);
        let mut load = self.conn.prepare_cached(
            "SELECT s.id, f.title, s.kind, s.status, f.body, s.lang FROM sections s
             JOIN section_search f ON f.rowid = s.seq WHERE s.seq = ?1",
        )?;
        let mut hits = Vec::with_capacity(order.len());
        for seq in order {
            let hit = load
                .query_row([seq], |row| {
                    Ok(SearchHit {
                        id: parsed(row, 0)?,
                        title: row.get(1)?,
                        kind: parsed(row, 2)?,
                        lang: parsed(row, 5)?,
                        status: parsed(row, 3)?,
                        snippet: snippet::marked(&row.get::<_, String>(4)?, &words, SNIPPET_WORDS),
                    })
                })
                .optional()?;
            hits.extend(hit);
        }
        Ok(hits)
    }

    /// Section keys matching `expression` in `table`, best first: BM25 over the newest
    /// [`RANK_ALL_UP_TO`] matches (all of them, usually), in one pass over the index.
    fn ranked(
        &self,
        table: &str,
        expression: &str,
        filter: &SectionFilter,
        limit: usize,
    ) -> StoreResult<Vec<i64>> {
        let mut values = vec![Value::Text(expression.to_owned())];
        let mut conditions = String::new();
        filter_sql(filter, &mut conditions, &mut values);
        values.push(Value::Integer(limit as i64));
        // Title weighs most, then tags, then body.
        let weights = if table == "section_titles" { "10.0, 4.0" } else { "10.0, 1.0, 4.0" };
        // Every indexed row has its section: join only to filter.
        let join = if conditions.is_empty() { "" } else { "JOIN sections s ON s.seq = f.rowid" };
        let sql = format!(
            "SELECT seq FROM (
                SELECT f.rowid AS seq, bm25({table}, {weights}) AS score
                FROM {table} f {join}
                WHERE {table} MATCH ?1 {conditions}
                ORDER BY f.rowid DESC LIMIT {RANK_ALL_UP_TO})
             ORDER BY score, seq DESC LIMIT ?{}",
            values.len()
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let keys =
            statement.query_map(params_from_iter(values), |row| row.get(0))?.collect::<Result<_, _>>()?;
        Ok(keys)
    }
}

/// Words in a snippet.
const SNIPPET_WORDS: usize = 28;

/// A term of the query: one word, or a quoted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub(crate) text: String,
    pub(crate) phrase: bool,
    /// The last word, still being typed: matches as a prefix.
    pub(crate) open: bool,
}

/// Splits what a user typed into terms: words, and `"quoted phrases"`. Only terms with a letter
/// or digit are kept: punctuation is not indexed.
pub(crate) fn parse(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (term, phrase, after) = match rest.strip_prefix('"') {
            Some(quoted) => match quoted.find('"') {
                Some(end) => (&quoted[..end], true, &quoted[end + 1..]),
                None => (quoted, true, ""),
            },
            None => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], false, &rest[end..])
            }
        };
        if term.chars().any(char::is_alphanumeric) {
            terms.push(Term { text: term.to_owned(), phrase, open: false });
        }
        rest = after;
    }
    let open_ended = !text.ends_with(char::is_whitespace) && !text.ends_with('"');
    if let Some(last) = terms.last_mut() {
        last.open = open_ended && !last.phrase;
    }
    terms
}

/// The FTS5 expression for `terms`, in which nothing the user typed is an operator: each term
/// is a quoted string, all are required, the open one is a prefix. `None` when there are none.
pub(crate) fn match_expression(terms: &[Term]) -> Option<String> {
    if terms.is_empty() {
        return None;
    }
    let parts: Vec<String> = terms
        .iter()
        .map(|term| {
            let quoted = format!("\"{}\"", term.text.replace('"', "\"\""));
            if term.open { quoted + "*" } else { quoted }
        })
        .collect();
    Some(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_a_safe_expression() {
        let check = |typed: &str, expected: Option<&str>| {
            assert_eq!(match_expression(&parse(typed)).as_deref(), expected, "{typed:?}")
        };
        check("migracion", Some("\"migracion\"*"));
        check("migración detención ", Some("\"migración\" \"detención\""));
        check("\"end criminalization\" deten", Some("\"end criminalization\" \"deten\"*"));
        check("NOT OR AND (x", Some("\"NOT\" \"OR\" \"AND\" \"(x\"*"));
        check("say \"hi", Some("\"say\" \"hi\""));
        check("  -- ** ", None);
        check("", None);
    }
}
