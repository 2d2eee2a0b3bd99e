//! Section kinds known to the library: the built-in ones and those users add.

use plenary_core::kind::Kind;
use rusqlite::{Connection, OptionalExtension};

use crate::error::StoreResult;
use crate::refusal::Refusal;
use crate::rows::parsed;
use crate::{Store, Write};

pub(crate) fn all(conn: &Connection) -> StoreResult<Vec<Kind>> {
    let mut statement = conn.prepare_cached("SELECT name FROM kinds ORDER BY position, name")?;
    let kinds = statement.query_map([], |row| parsed(row, 0))?.collect::<Result<_, _>>()?;
    Ok(kinds)
}

/// Fails with the list of known kinds unless `kind` is one of them.
pub(crate) fn ensure_known(conn: &Connection, kind: &Kind) -> StoreResult<()> {
    let known = conn
        .prepare_cached("SELECT 1 FROM kinds WHERE name = ?1")?
        .query_row([kind.as_str()], |_| Ok(()))
        .optional()?
        .is_some();
    if known {
        return Ok(());
    }
    let known = all(conn)?.iter().map(ToString::to_string).collect();
    Err(Refusal::UnknownKind { kind: kind.to_string(), known }.into())
}

impl Store {
    /// Every kind, built-in ones first in their usual order.
    pub fn kinds(&self) -> StoreResult<Vec<Kind>> {
        all(&self.conn)
    }
}

impl Write<'_> {
    /// Adds a kind users can give sections; adding a known kind changes nothing.
    pub fn add_kind(&mut self, kind: &Kind) -> StoreResult<bool> {
        let added = self.conn().execute(
            "INSERT OR IGNORE INTO kinds (name, builtin, position) SELECT ?1, 0, coalesce(max(position), 0) + 1 FROM kinds",
            [kind.as_str()],
        )?;
        Ok(added > 0)
    }
}
