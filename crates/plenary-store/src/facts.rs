//! The facts register.

use plenary_core::date::PartialDate;
use plenary_core::fact::{Fact, FactKey};
use rusqlite::{Connection, Row, params};

use crate::error::{StoreError, StoreResult};
use crate::rows::{non_blank, parsed, parsed_opt};
use crate::{Store, Write};

fn fact_from_row(row: &Row<'_>) -> rusqlite::Result<Fact> {
    Ok(Fact {
        key: parsed(row, 0)?,
        value: row.get(1)?,
        as_of: parsed_opt(row, 2)?,
        source: row.get(3)?,
        updated_at: parsed(row, 4)?,
    })
}

pub(crate) fn all(conn: &Connection) -> StoreResult<Vec<Fact>> {
    let mut statement =
        conn.prepare_cached("SELECT key, value, as_of, source, updated_at FROM facts ORDER BY key")?;
    let facts = statement.query_map([], fact_from_row)?.collect::<Result<_, _>>()?;
    Ok(facts)
}

impl Store {
    /// Every fact, by key.
    pub fn facts(&self) -> StoreResult<Vec<Fact>> {
        all(&self.conn)
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
            return Err(StoreError::Rejected(format!("fact '{key}' needs a value")));
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
}
