//! The export log: what was written, when, and from exactly which versions and facts.

use plenary_core::date::Timestamp;
use plenary_core::id::StatementId;
use rusqlite::{Row, params};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::ids::{self, EXPORTS, STATEMENTS};
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
    /// The statement's text as exported (title, items, signatories), plain.
    pub text: Option<String>,
}

/// A section version an export contained.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ExportedVersion {
    /// The section's id.
    pub section: String,
    /// Its version number.
    pub version: u32,
}

impl NewExport {
    /// The section versions it contained, in item order, read back from [`Self::versions_json`].
    pub fn versions(&self) -> Result<Vec<ExportedVersion>, serde_json::Error> {
        serde_json::from_str(&self.versions_json)
    }

    /// The facts it cited and the values they had, read back from [`Self::facts_json`].
    pub fn facts(&self) -> Result<std::collections::BTreeMap<String, String>, serde_json::Error> {
        serde_json::from_str(&self.facts_json)
    }
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

const EXPORT_COLUMNS: &str = "SELECT e.id, e.format, e.template, e.file, e.sha256, e.bytes, e.word_count,
        e.versions, e.facts, e.created_at, s.id, e.text
    FROM exports e JOIN statements s ON s.seq = e.statement_seq";

fn export_from_row(row: &Row<'_>) -> rusqlite::Result<ExportRecord> {
    Ok(ExportRecord {
        id: row.get(0)?,
        created_at: parsed(row, 9)?,
        export: NewExport {
            statement: parsed(row, 10)?,
            format: row.get(1)?,
            template: row.get(2)?,
            file: row.get(3)?,
            sha256: row.get(4)?,
            bytes: row.get::<_, i64>(5)? as u64,
            word_count: row.get::<_, i64>(6)? as usize,
            versions_json: row.get(7)?,
            facts_json: row.get(8)?,
            text: row.get(11)?,
        },
    })
}

impl Store {
    /// A statement's exports, newest first.
    pub fn exports(&self, statement: StatementId) -> StoreResult<Vec<ExportRecord>> {
        let seq = ids::seq_of(&self.conn, STATEMENTS, &statement.to_string())?;
        let sql =
            format!("{EXPORT_COLUMNS} WHERE e.statement_seq = ?1 ORDER BY e.created_at DESC, e.seq DESC");
        let mut query = self.conn.prepare_cached(&sql)?;
        let records = query.query_map([seq], export_from_row)?.collect::<Result<_, _>>()?;
        Ok(records)
    }

    /// The export with this id (or unique id prefix).
    pub fn export_record(&self, id: &str) -> StoreResult<ExportRecord> {
        let (_, id) = ids::resolve(&self.conn, EXPORTS, id)?;
        let sql = format!("{EXPORT_COLUMNS} WHERE e.id = ?1");
        Ok(self.conn.prepare_cached(&sql)?.query_row([id], export_from_row)?)
    }

    /// The file an export wrote, byte for byte; `None` for exports recorded before Plenary kept
    /// them.
    pub fn export_content(&self, id: &str) -> StoreResult<Option<Vec<u8>>> {
        let (_, id) = ids::resolve(&self.conn, EXPORTS, id)?;
        Ok(self
            .conn
            .prepare_cached("SELECT content FROM exports WHERE id = ?1")?
            .query_row([id], |row| row.get(0))?)
    }
}

impl Write<'_> {
    /// Records an export and keeps the file it wrote (`content`); returns its id.
    pub fn record_export(&mut self, export: NewExport, content: &[u8]) -> StoreResult<String> {
        let seq = ids::seq_of(self.conn(), STATEMENTS, &export.statement.to_string())?;
        let id = Uuid::new_v4().to_string();
        self.conn().execute(
            "INSERT INTO exports (id, statement_seq, format, template, file, sha256, bytes, word_count, versions, facts, created_at, content, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
                self.now().to_string(),
                content,
                export.text,
            ],
        )?;
        Ok(id)
    }
}
