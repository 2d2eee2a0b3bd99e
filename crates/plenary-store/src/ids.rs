//! Resolving the ids users type: a whole UUID or a unique prefix of at least 8 characters.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{StoreError, StoreResult};
use crate::refusal::Refusal;

/// A table whose rows have a public UUID `id` and an internal integer `seq`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table {
    pub(crate) name: &'static str,
    pub(crate) what: &'static str,
}

pub(crate) const SECTIONS: Table = Table { name: "sections", what: "section" };
pub(crate) const EVENTS: Table = Table { name: "events", what: "event" };
pub(crate) const STATEMENTS: Table = Table { name: "statements", what: "statement" };
pub(crate) const EXPORTS: Table = Table { name: "exports", what: "export" };
pub(crate) const TERMS: Table = Table { name: "terms", what: "term" };

/// The shortest prefix accepted.
pub(crate) const MIN_PREFIX: usize = 8;

/// Finds the one row whose id is or starts with `given`; returns its `seq` and full id.
pub(crate) fn resolve(conn: &Connection, table: Table, given: &str) -> StoreResult<(i64, String)> {
    let prefix = given.trim().to_ascii_lowercase();
    let not_found = || StoreError::NotFound { what: table.what, id: given.trim().to_owned() };
    if prefix.len() < MIN_PREFIX || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(
            if prefix.len() < MIN_PREFIX && prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
                StoreError::from(Refusal::IdTooShort {
                    given: given.trim().to_owned(),
                    what: table.what,
                    min: MIN_PREFIX,
                })
            } else {
                not_found()
            },
        );
    }
    // Ids are lowercase hex and '-', all below '~': [prefix, prefix~) holds exactly the matches.
    let sql =
        format!("SELECT seq, id FROM {} WHERE id >= ?1 AND id < ?1 || '~' ORDER BY id LIMIT 2", table.name);
    let mut statement = conn.prepare_cached(&sql)?;
    let matches = statement
        .query_map([&prefix], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    match matches.as_slice() {
        [] => Err(not_found()),
        [one] => Ok(one.clone()),
        _ => Err(StoreError::Ambiguous { what: table.what, prefix: given.trim().to_owned() }),
    }
}

/// The internal key of the row with exactly this id.
pub(crate) fn seq_of(conn: &Connection, table: Table, id: &str) -> StoreResult<i64> {
    let sql = format!("SELECT seq FROM {} WHERE id = ?1", table.name);
    conn.prepare_cached(&sql)?
        .query_row([id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound { what: table.what, id: id.to_owned() })
}
