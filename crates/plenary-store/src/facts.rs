//! The facts register.

use std::collections::BTreeMap;

use plenary_core::date::PartialDate;
use plenary_core::fact::{Fact, FactKey, fact_references};
use plenary_core::id::StatementId;
use plenary_core::language::Language;
use plenary_core::status::StatementStatus;
use rusqlite::{Connection, Row, params};

use crate::error::{StoreError, StoreResult};
use crate::refusal::Refusal;
use crate::rows::{non_blank, parsed, parsed_opt};
use crate::{Store, Write};

fn fact_from_row(row: &Row<'_>) -> rusqlite::Result<Fact> {
    Ok(Fact {
        key: parsed(row, 0)?,
        value: row.get(1)?,
        as_of: parsed_opt(row, 2)?,
        source: row.get(3)?,
        updated_at: parsed(row, 4)?,
        values: BTreeMap::new(),
    })
}

/// A statement whose text cites a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The statement.
    pub statement: StatementId,
    /// Its title.
    pub title: String,
    /// Its status: a final or submitted one keeps the fact from being deleted.
    pub status: StatementStatus,
}

/// The statements whose title or items cite `key`.
fn citations(conn: &Connection, key: &FactKey) -> StoreResult<Vec<Citation>> {
    // LIKE finds the candidates cheaply; the exact reading of `{{fact.KEY}}` decides.
    let rows: Vec<(String, String, String, String)> = conn
        .prepare_cached(
            "SELECT st.id, st.title, st.status,
                st.title || char(10) || coalesce(group_concat(coalesce(i.title, v.title) || char(10) || coalesce(i.body, v.body), char(10)), '')
             FROM statements st
             LEFT JOIN items i ON i.statement_seq = st.seq
             LEFT JOIN versions v ON v.section_seq = i.section_seq AND v.number = i.version
             WHERE st.deleted_at IS NULL
             GROUP BY st.seq
             HAVING st.title || coalesce(group_concat(coalesce(i.title, v.title) || coalesce(i.body, v.body)), '') LIKE '%fact.' || ?1 || '%'
             ORDER BY st.title",
        )?
        .query_map([key.as_str()], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut cited = Vec::new();
    for (id, title, status, text) in rows {
        if fact_references(&text).iter().any(|reference| reference.key == key.as_str()) {
            let statement =
                id.parse().map_err(|_| StoreError::NotFound { what: "statement", id: id.clone() })?;
            let status = status.parse()?;
            cited.push(Citation { statement, title, status });
        }
    }
    Ok(cited)
}

pub(crate) fn all(conn: &Connection) -> StoreResult<Vec<Fact>> {
    let mut statement =
        conn.prepare_cached("SELECT key, value, as_of, source, updated_at FROM facts ORDER BY key")?;
    let mut facts: Vec<Fact> = statement.query_map([], fact_from_row)?.collect::<Result<_, _>>()?;
    let values: Vec<(String, Language, String)> = conn
        .prepare_cached("SELECT key, lang, value FROM fact_values ORDER BY key, lang")?
        .query_map([], |row| Ok((row.get(0)?, parsed(row, 1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (key, lang, value) in values {
        if let Some(fact) = facts.iter_mut().find(|fact| fact.key.as_str() == key) {
            fact.values.insert(lang, value);
        }
    }
    Ok(facts)
}

impl Store {
    /// Every fact, by key.
    pub fn facts(&self) -> StoreResult<Vec<Fact>> {
        all(&self.conn)
    }

    /// The statements that cite a fact, by title.
    pub fn fact_citations(&self, key: &FactKey) -> StoreResult<Vec<Citation>> {
        citations(&self.conn, key)
    }
}

impl Write<'_> {
    /// Sets a fact's value, as-of date and source (creating it if new). Returns whether it was
    /// new.
    pub fn set_fact(
        &mut self,
        key: &FactKey,
        value: &str,
        as_of: Option<PartialDate>,
        source: Option<String>,
    ) -> StoreResult<bool> {
        let value = value.trim();
        if value.is_empty() {
            return Err(Refusal::FactNeedsValue { key: key.to_string() }.into());
        }
        let existed: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM facts WHERE key = ?1)",
            [key.as_str()],
            |row| row.get(0),
        )?;
        self.conn()
            .prepare_cached(
                "INSERT INTO facts (key, value, as_of, source, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (key) DO UPDATE SET value = ?2, as_of = ?3, source = ?4, updated_at = ?5",
            )?
            .execute(params![
                key.as_str(),
                value,
                as_of.map(|date| date.to_string()),
                non_blank(source),
                self.now().to_string()
            ])?;
        Ok(!existed)
    }

    /// Sets a fact's value for text in `lang`, and its as-of date and source when given (they
    /// are the figure's, whatever the language). The fact must exist: its value for every other
    /// language comes first.
    pub fn set_fact_value(
        &mut self,
        key: &FactKey,
        lang: &Language,
        value: &str,
        as_of: Option<PartialDate>,
        source: Option<String>,
    ) -> StoreResult<()> {
        let value = value.trim();
        if value.is_empty() {
            return Err(Refusal::FactNeedsValueIn { key: key.to_string(), lang: lang.clone() }.into());
        }
        let conn = self.conn();
        let exists: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM facts WHERE key = ?1)", [key.as_str()], |row| {
                row.get(0)
            })?;
        if !exists {
            return Err(Refusal::FactNotYet { key: key.to_string(), lang: lang.clone() }.into());
        }
        conn.prepare_cached(
            "INSERT INTO fact_values (key, lang, value) VALUES (?1, ?2, ?3)
             ON CONFLICT (key, lang) DO UPDATE SET value = ?3",
        )?
        .execute(params![key.as_str(), lang.as_str(), value])?;
        conn.execute(
            "UPDATE facts SET updated_at = ?2, as_of = coalesce(?3, as_of), source = coalesce(?4, source) WHERE key = ?1",
            params![key.as_str(), self.now().to_string(), as_of.map(|date| date.to_string()), non_blank(source)],
        )?;
        Ok(())
    }

    /// Removes a fact's value for text in `lang`: that text shows the fact's value again.
    pub fn remove_fact_value(&mut self, key: &FactKey, lang: &Language) -> StoreResult<()> {
        let removed = self.conn().execute(
            "DELETE FROM fact_values WHERE key = ?1 AND lang = ?2",
            params![key.as_str(), lang.as_str()],
        )?;
        if removed == 0 {
            return Err(Refusal::FactNoValueIn { key: key.to_string(), lang: lang.clone() }.into());
        }
        Ok(())
    }

    /// Deletes a fact (and its values per language) that no final or submitted statement cites;
    /// returns the drafts that cite it, which will show it as unknown.
    pub fn delete_fact(&mut self, key: &FactKey) -> StoreResult<Vec<Citation>> {
        let conn = self.conn();
        let cited = citations(conn, key)?;
        let kept: Vec<String> = cited
            .iter()
            .filter(|citation| citation.status != StatementStatus::Draft)
            .map(|citation| format!("'{}' ({})", citation.title, citation.status))
            .collect();
        if !kept.is_empty() {
            return Err(Refusal::FactCited { key: key.to_string(), statements: kept }.into());
        }
        if conn.execute("DELETE FROM facts WHERE key = ?1", [key.as_str()])? == 0 {
            return Err(StoreError::NotFound { what: "fact", id: key.to_string() });
        }
        Ok(cited)
    }
}
