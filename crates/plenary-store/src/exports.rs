//! The export log: what was written, when, and from exactly which versions and facts.

use plenary_core::date::Timestamp;
use plenary_core::id::StatementId;
use rusqlite::params;
use uuid::Uuid;

use crate::error::StoreResult;
use crate::ids::{self, STATEMENTS};
use crate::rows::parsed;
use crate::{Store, Write};

/// An export to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewExport {
    /// The statement exported.
    pub statement: StatementId,
    /// `pdf`, `html`, `txt`, `md`, `docx`.
    pub format: String,
    /// The template used.
    pub template: String,
    /// Where the file was written.
    pub file: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Its size.
    pub bytes: u64,
    /// Its word count.
    pub word_count: usize,
    /// `[{"section": id, "version": n}, …]`, in item order.
    pub versions_json: String,
    /// `{"key": "value", …}` as substituted.
    pub facts_json: String,
}

/// A recorded export: what was asked to be recorded, with its id and time.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRecord {
    /// Its id.
    pub id: String,
    /// When.
    pub created_at: Timestamp,
    /// What was recorded.
    pub export: NewExport,
}

impl Store {
    /// A statement's exports, newest first.
    pub fn exports(&self, statement: StatementId) -> StoreResult<Vec<ExportRecord>> {
        let seq = ids::seq_of(&self.conn, STATEMENTS, &statement.to_string())?;
        let mut query = self.conn.prepare_cached(
            "SELECT id, format, template, file, sha256, bytes, word_count, versions, facts, created_at
             FROM exports WHERE statement_seq = ?1 ORDER BY created_at DESC, seq DESC",
        )?;
        let records = query
            .query_map([seq], |row| {
                Ok(ExportRecord {
                    id: row.get(0)?,
                    created_at: parsed(row, 9)?,
                    export: NewExport {
                        statement,
                        format: row.get(1)?,
                        template: row.get(2)?,
                        file: row.get(3)?,
                        sha256: row.get(4)?,
                        bytes: row.get::<_, i64>(5)? as u64,
                        word_count: row.get::<_, i64>(6)? as usize,
                        versions_json: row.get(7)?,
                        facts_json: row.get(8)?,
                    },
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(records)
    }
}

impl Write<'_> {
    /// Records an export; returns its id.
    pub fn record_export(&mut self, export: NewExport) -> StoreResult<String> {
        let seq = ids::seq_of(self.conn(), STATEMENTS, &export.statement.to_string())?;
        let id = Uuid::new_v4().to_string();
        self.conn().execute(
            "INSERT INTO exports (id, statement_seq, format, template, file, sha256, bytes, word_count, versions, facts, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                seq,
                export.format,
                export.template,
                export.file,
                export.sha256,
                export.bytes as i64,
                export.word_count as i64,
                export.versions_json,
                export.facts_json,
                self.now().to_string()
            ],
        )?;
        Ok(id)
    }
}
