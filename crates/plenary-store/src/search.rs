//! Full-text search over the library with SQLite FTS5: ranked, filtered, with snippets.

use plenary_core::id::SectionId;
use plenary_core::kind::Kind;
use plenary_core::status::SectionStatus;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::Store;
use crate::error::StoreResult;
use crate::rows::parsed;
use crate::sections::{SectionFilter, filter_sql};

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
    /// Its status.
    pub status: SectionStatus,
    /// A short excerpt of the body around the matches (the title is shown apart), as HTML-escaped text in which the matched words are
    /// wrapped in `<mark>…</mark>`: safe to show as HTML, nothing else in it is markup.
    pub snippet: String,
}

// Private-use characters mark matches inside FTS5 snippets; no user text is escaped with them.
const MARK_START: char = '\u{e000}';
const MARK_END: char = '\u{e001}';

impl Store {
    /// Searches the current text (title, body, tags) of the sections that pass the filter, best
    /// matches first (BM25, a title match weighing most).
    pub fn search(&self, query: &SearchQuery) -> StoreResult<Vec<SearchHit>> {
        let Some(expression) = match_expression(&query.text) else { return Ok(Vec::new()) };
        let mut values = vec![Value::Text(expression)];
        let mut filters = String::new();
        filter_sql(&query.filter, &mut filters, &mut values);
        values.push(Value::Integer(query.limit.clamp(1, 500) as i64));
        // Rank first, on the index alone; build snippets only for the rows returned.
        let sql = format!(
            "WITH ranked AS (
                SELECT f.rowid AS seq, bm25(section_search, 10.0, 1.0, 4.0) AS score
                FROM section_search f JOIN sections s ON s.seq = f.rowid
                WHERE section_search MATCH ?1 {filters}
                ORDER BY score LIMIT ?{limit}
             )
             SELECT s.id, f.title, s.kind, s.status,
                    snippet(section_search, 1, '{MARK_START}', '{MARK_END}', '…', 24)
             FROM ranked r
             JOIN section_search f ON f.rowid = r.seq AND section_search MATCH ?1
             JOIN sections s ON s.seq = r.seq
             ORDER BY r.score",
            limit = values.len(),
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let hits = statement
            .query_map(params_from_iter(values), |row| {
                Ok(SearchHit {
                    id: parsed(row, 0)?,
                    title: row.get(1)?,
                    kind: parsed(row, 2)?,
                    status: parsed(row, 3)?,
                    snippet: marked_html(&row.get::<_, String>(4)?),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(hits)
    }
}

/// Turns what a user typed into an FTS5 expression in which nothing is an operator: each word
/// and each quoted phrase becomes a quoted string, all required; the last word, if the text does
/// not end in a space or quote, also matches as a prefix. `None` when nothing searchable is left.
pub(crate) fn match_expression(text: &str) -> Option<String> {
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
        // Keep only what the tokenizer would index: letters and digits.
        if term.chars().any(char::is_alphanumeric) {
            terms.push((term.replace('"', "\"\""), phrase));
        }
        rest = after;
    }
    let open_ended = !text.ends_with(char::is_whitespace) && !text.ends_with('"');
    let last = terms.len().checked_sub(1)?;
    let parts: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(index, (term, phrase))| {
            if index == last && open_ended && !phrase {
                format!("\"{term}\"*")
            } else {
                format!("\"{term}\"")
            }
        })
        .collect();
    Some(parts.join(" "))
}

/// Escapes a snippet for HTML and turns the match markers into `<mark>` elements.
fn marked_html(snippet: &str) -> String {
    let mut html = String::with_capacity(snippet.len() + 32);
    for c in snippet.chars() {
        match c {
            MARK_START => html.push_str("<mark>"),
            MARK_END => html.push_str("</mark>"),
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            '\n' => html.push(' '),
            c => html.push(c),
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_a_safe_expression() {
        let check = |typed: &str, expected: Option<&str>| {
            assert_eq!(match_expression(typed).as_deref(), expected, "{typed:?}")
        };
        check("migracion", Some("\"migracion\"*"));
        check("migración detención ", Some("\"migración\" \"detención\""));
        check("\"end criminalization\" deten", Some("\"end criminalization\" \"deten\"*"));
        check("NOT OR AND (x", Some("\"NOT\" \"OR\" \"AND\" \"(x\"*"));
        check("say \"hi", Some("\"say\" \"hi\""));
        check("  -- ** ", None);
        check("", None);
    }

    #[test]
    fn snippets_are_escaped_and_marked() {
        assert_eq!(
            marked_html("a <script> \u{e000}migración\u{e001} & \"x\""),
            "a &lt;script&gt; <mark>migración</mark> &amp; &quot;x&quot;"
        );
    }
}
