//! The termbase: words and phrases to avoid, per language (see `plenary_core::term`).

use plenary_core::id::TermId;
use plenary_core::language::Language;
use plenary_core::term::{Term, check_term};
use plenary_core::text::fold;
use rusqlite::{Connection, params};

use crate::error::{StoreError, StoreResult};
use crate::ids::{self, TERMS};
use crate::refusal::Refusal;
use crate::rows::{non_blank, parsed};
use crate::{Store, Write};

/// Every entry, by language and term.
pub(crate) fn all(conn: &Connection) -> StoreResult<Vec<Term>> {
    let terms = conn
        .prepare_cached("SELECT id, lang, term, prefer, note FROM terms ORDER BY lang, term COLLATE NOCASE")?
        .query_map([], |row| {
            Ok(Term {
                id: parsed(row, 0)?,
                lang: parsed(row, 1)?,
                term: row.get(2)?,
                prefer: row.get(3)?,
                note: row.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(terms)
}

impl Store {
    /// The termbase, by language and term.
    pub fn terms(&self) -> StoreResult<Vec<Term>> {
        all(&self.conn)
    }

    /// Finds a termbase entry by its id or a unique prefix of it.
    pub fn resolve_term(&self, given: &str) -> StoreResult<TermId> {
        let (_, id) = ids::resolve(&self.conn, TERMS, given)?;
        id.parse().map_err(|_| StoreError::NotFound { what: "term", id })
    }
}

impl Write<'_> {
    /// Adds a term to avoid in `lang`, with the wording to prefer; the same term twice in one
    /// language (whatever its case or accents) is refused.
    pub fn add_term(
        &mut self,
        lang: &Language,
        term: &str,
        prefer: &str,
        note: Option<String>,
    ) -> StoreResult<TermId> {
        let (term, prefer) = (term.trim(), prefer.trim());
        check_term(term, prefer)?;
        let conn = self.conn();
        if let Some(existing) =
            all(conn)?.into_iter().find(|known| &known.lang == lang && fold(&known.term) == fold(term))
        {
            return Err(Refusal::TermExists {
                term: existing.term,
                lang: lang.clone(),
                prefer: existing.prefer,
            }
            .into());
        }
        let id = TermId::new_random();
        conn.prepare_cached(
            "INSERT INTO terms (id, lang, term, prefer, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            id.to_string(),
            lang.as_str(),
            term,
            prefer,
            non_blank(note),
            self.now().to_string()
        ])?;
        Ok(id)
    }

    /// Removes a termbase entry.
    pub fn remove_term(&mut self, id: TermId) -> StoreResult<()> {
        if self.conn().execute("DELETE FROM terms WHERE id = ?1", [id.to_string()])? == 0 {
            return Err(StoreError::NotFound { what: "term", id: id.to_string() });
        }
        Ok(())
    }
}
