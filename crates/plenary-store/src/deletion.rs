//! Deleting what a person made by mistake, by the rules of `plenary_core::status`: a draft
//! statement (kept 30 days, so it can be undeleted), an event no statement uses, a section no
//! statement uses (the window keeps a copy in the sharing format to put it back).

use plenary_core::id::{EventId, SectionId, StatementId};
use plenary_core::status::{StatementStatus, Use, deletable_unless_used};
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{StoreError, StoreResult};
use crate::ids::{self, EVENTS, SECTIONS};
use crate::refusal::Refusal;
use crate::write::Write;

/// How long a deleted statement can be brought back.
pub const KEPT_DAYS: i64 = 30;

/// Statements using a section or event, deleted ones included (they may come back), as
/// (title, status, deleted). `sql` selects title, status and `deleted_at IS NOT NULL`.
fn users(conn: &Connection, sql: &str, seq: i64) -> StoreResult<Vec<(String, StatementStatus, bool)>> {
    let rows: Vec<(String, String, bool)> = conn
        .prepare_cached(sql)?
        .query_map([seq], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    rows.into_iter().map(|(title, status, deleted)| Ok((title, status.parse()?, deleted))).collect()
}

/// The uses as the rule takes them.
fn uses(users: &[(String, StatementStatus, bool)]) -> impl Iterator<Item = Use<'_>> {
    users.iter().map(|(title, status, deleted)| (title.as_str(), *status, *deleted))
}

impl Write<'_> {
    /// Deletes a draft statement that was never final. It stays undeletable for
    /// [`KEPT_DAYS`] days.
    pub fn delete_statement(&mut self, id: StatementId) -> StoreResult<()> {
        let conn = self.conn();
        let (seq, status, was_final): (i64, String, bool) = conn
            .prepare_cached(
                "SELECT seq, status, EXISTS (SELECT 1 FROM statement_changes c
                    WHERE c.statement_seq = st.seq AND c.to_status = 'final')
                 FROM statements st WHERE id = ?1 AND deleted_at IS NULL",
            )?
            .query_row([id.to_string()], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "statement", id: id.to_string() })?;
        status.parse::<StatementStatus>()?.deletable(was_final)?;
        conn.execute(
            "UPDATE statements SET deleted_at = ?2 WHERE seq = ?1",
            params![seq, self.now().to_string()],
        )?;
        Ok(())
    }

    /// Brings back a statement deleted in the last [`KEPT_DAYS`] days.
    pub fn undelete_statement(&mut self, id: StatementId) -> StoreResult<()> {
        let changed = self.conn().execute(
            "UPDATE statements SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id.to_string()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "deleted statement", id: id.to_string() });
        }
        Ok(())
    }

    /// Deletes an event no statement uses (a deleted one included: it may come back).
    pub fn delete_event(&mut self, id: EventId) -> StoreResult<()> {
        let conn = self.conn();
        let seq = ids::seq_of(conn, EVENTS, &id.to_string())?;
        let using = users(
            conn,
            "SELECT title, status, deleted_at IS NOT NULL FROM statements WHERE event_seq = ?1 ORDER BY title",
            seq,
        )?;
        deletable_unless_used("the event", uses(&using))?;
        conn.execute("DELETE FROM events WHERE seq = ?1", [seq])?;
        Ok(())
    }

    /// Deletes a section no statement uses, with its whole history. Once a statement has used
    /// it, retiring is the way to take it out of the library.
    pub fn delete_section(&mut self, id: SectionId) -> StoreResult<()> {
        let conn = self.conn();
        let seq = ids::seq_of(conn, SECTIONS, &id.to_string())?;
        let using = users(
            conn,
            "SELECT DISTINCT st.title, st.status, st.deleted_at IS NOT NULL FROM items i
             JOIN statements st ON st.seq = i.statement_seq
             WHERE i.section_seq = ?1 OR i.forked_section_seq = ?1 ORDER BY st.title",
            seq,
        )?;
        deletable_unless_used("the section", uses(&using))?;
        // A translation link would not come back with an undone deletion: it is ended first.
        let linked: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM translation_sources WHERE section_seq = ?1 OR source_seq = ?1)",
            [seq],
            |row| row.get(0),
        )?;
        if linked {
            return Err(Refusal::SectionLinked.into());
        }
        conn.execute("DELETE FROM section_search WHERE rowid = ?1", [seq])?;
        conn.execute("DELETE FROM section_titles WHERE rowid = ?1", [seq])?;
        conn.execute("DELETE FROM sections WHERE seq = ?1", [seq])?;
        Ok(())
    }
}

/// Removes statements deleted more than [`KEPT_DAYS`] days before `now` (with their items,
/// signatories and export records). Returns how many. Housekeeping: it writes only when there
/// is something to remove, and a library another program is writing is left for the next time
/// (opening it to read must not wait for, or fail on, that writer).
pub(crate) fn purge_deleted(conn: &Connection, now: plenary_core::date::Timestamp) -> StoreResult<usize> {
    let Ok(cutoff) = now.checked_sub(jiff::SignedDuration::from_hours(24 * KEPT_DAYS)) else { return Ok(0) };
    let cutoff = cutoff.to_string();
    let due: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM statements WHERE deleted_at IS NOT NULL AND deleted_at < ?1)",
        [&cutoff],
        |row| row.get(0),
    )?;
    if !due {
        return Ok(0);
    }
    // No waiting for another writer: housekeeping can wait for the next opening.
    conn.busy_timeout(std::time::Duration::ZERO)?;
    let removed =
        conn.execute("DELETE FROM statements WHERE deleted_at IS NOT NULL AND deleted_at < ?1", [&cutoff]);
    conn.busy_timeout(crate::open::BUSY_WAIT)?;
    match removed {
        Ok(removed) => Ok(removed),
        Err(error) if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Ok(0),
        Err(error) => Err(error.into()),
    }
}
