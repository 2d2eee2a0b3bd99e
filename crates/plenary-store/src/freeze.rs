//! Frozen statements: taking, reading and dropping the basis of a final statement's exports, and
//! the record of every status change (see `plenary_core::freeze`).

use plenary_core::date::{Date, Timestamp};
use plenary_core::freeze::{Frozen, FrozenTemplate, StatusChange};
use plenary_core::id::StatementId;
use plenary_core::organisation::{Logo, LogoFormat};
use plenary_core::statement::{ItemContent, Statement};
use plenary_core::status::StatementStatus;
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{StoreError, StoreResult};
use crate::ids::{self, STATEMENTS};
use crate::refusal::Refusal;
use crate::rows::parsed;
use crate::{Store, Write, events, facts, organisation, sections, statements, translations};

/// Keeps what `statement`'s exports are made of now; replaces an earlier freeze.
pub(crate) fn take(
    conn: &Connection,
    statement_seq: i64,
    statement: &Statement,
    at: Timestamp,
    on: Date,
) -> StoreResult<()> {
    let mut item_langs = Vec::with_capacity(statement.items.len());
    let mut translations = Vec::with_capacity(statement.items.len());
    for item in &statement.items {
        match &item.content {
            ItemContent::Linked { section, .. } => {
                item_langs.push(sections::get(conn, *section)?.lang);
                translations.push(translations::of(conn, *section)?);
            }
            ItemContent::Text { .. } => {
                item_langs.push(statement.lang.clone());
                translations.push(Vec::new());
            }
        }
    }
    let mut organisation = organisation::get(conn)?;
    let logo = organisation.logo.take();
    let frozen = Frozen {
        at,
        on,
        facts: facts::all(conn)?,
        event: statement.event.map(|event| events::get(conn, event)).transpose()?,
        organisation,
        item_langs,
        translations,
        template: None,
    };
    conn.prepare_cached(
        "INSERT OR REPLACE INTO statement_freezes (statement_seq, basis, logo, logo_mime) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        statement_seq,
        to_json(&frozen)?,
        logo.as_ref().map(|logo| logo.bytes.as_slice()),
        logo.as_ref().map(|logo| logo.format.mime())
    ])?;
    Ok(())
}

/// The freeze of a statement, if it has one.
pub(crate) fn get(conn: &Connection, statement_seq: i64) -> StoreResult<Option<Frozen>> {
    let row: Option<(String, Option<Vec<u8>>, Option<String>)> = conn
        .prepare_cached("SELECT basis, logo, logo_mime FROM statement_freezes WHERE statement_seq = ?1")?
        .query_row([statement_seq], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?;
    let Some((basis, logo, mime)) = row else { return Ok(None) };
    let mut frozen: Frozen = serde_json::from_str(&basis)
        .map_err(|error| StoreError::from(Refusal::FrozenUnreadable { detail: error.to_string() }))?;
    frozen.organisation.logo = logo
        .zip(mime.as_deref().and_then(LogoFormat::from_mime))
        .map(|(bytes, format)| Logo { format, bytes });
    Ok(Some(frozen))
}

/// Lets a statement follow the library again.
pub(crate) fn thaw(conn: &Connection, statement_seq: i64) -> StoreResult<()> {
    conn.execute("DELETE FROM statement_freezes WHERE statement_seq = ?1", [statement_seq])?;
    Ok(())
}

/// Adds a line to a statement's status history.
pub(crate) fn record_change(
    conn: &Connection,
    statement_seq: i64,
    at: Timestamp,
    from: StatementStatus,
    to: StatementStatus,
    note: Option<&str>,
) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO statement_changes (statement_seq, at, from_status, to_status, note) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        statement_seq,
        at.to_string(),
        from.as_str(),
        to.as_str(),
        note.map(str::trim).filter(|note| !note.is_empty())
    ])?;
    Ok(())
}

/// Freezes every final or submitted statement that has no freeze yet, as the library stands now:
/// run once when a library from before freezing is upgraded.
pub(crate) fn freeze_unfrozen(conn: &Connection, at: Timestamp, on: Date) -> StoreResult<()> {
    let unfrozen: Vec<(i64, String)> = conn
        .prepare(
            "SELECT seq, id FROM statements WHERE status <> 'draft'
             AND seq NOT IN (SELECT statement_seq FROM statement_freezes)",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (seq, id) in unfrozen {
        let id: StatementId =
            id.parse().map_err(|_| StoreError::NotFound { what: "statement", id: id.clone() })?;
        take(conn, seq, &statements::get(conn, id)?, at, on)?;
    }
    Ok(())
}

fn to_json(frozen: &Frozen) -> StoreResult<String> {
    serde_json::to_string(frozen)
        .map_err(|error| Refusal::FrozenUnwritable { detail: error.to_string() }.into())
}

impl Store {
    /// What a final or submitted statement's exports are made of, kept when it was marked final;
    /// `None` for a draft.
    pub fn frozen(&self, statement: StatementId) -> StoreResult<Option<Frozen>> {
        let seq = ids::seq_of(&self.conn, STATEMENTS, &statement.to_string())?;
        get(&self.conn, seq)
    }

    /// Every status change of a statement, oldest first.
    pub fn status_changes(&self, statement: StatementId) -> StoreResult<Vec<StatusChange>> {
        let seq = ids::seq_of(&self.conn, STATEMENTS, &statement.to_string())?;
        let changes = self
            .conn
            .prepare_cached(
                "SELECT at, from_status, to_status, note FROM statement_changes WHERE statement_seq = ?1 ORDER BY seq",
            )?
            .query_map([seq], |row| {
                Ok(StatusChange { at: parsed(row, 0)?, from: parsed(row, 1)?, to: parsed(row, 2)?, note: row.get(3)? })
            })?
            .collect::<Result<_, _>>()?;
        Ok(changes)
    }
}

impl Write<'_> {
    /// Keeps the files of the template a frozen statement exports through, so that editing the
    /// template folder (or a newer Plenary's built-in templates) does not change its exports.
    pub fn freeze_template(&mut self, statement: StatementId, template: FrozenTemplate) -> StoreResult<()> {
        let conn = self.conn();
        let seq = ids::seq_of(conn, STATEMENTS, &statement.to_string())?;
        let Some(mut frozen) = get(conn, seq)? else {
            return Err(Refusal::DraftKeepsNoTemplate { statement: statement.to_string() }.into());
        };
        frozen.template = Some(template);
        // The logo stays in its own column: `Organisation` does not serialise it.
        conn.execute(
            "UPDATE statement_freezes SET basis = ?2 WHERE statement_seq = ?1",
            params![seq, to_json(&frozen)?],
        )?;
        Ok(())
    }
}
