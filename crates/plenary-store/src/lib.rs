//! Plenary's library on SQLite: the only crate with SQL.
//!
//! [`Store::open`] opens (creating and migrating as needed) one database file with the pragmas a
//! desktop app needs. Reads are methods on [`Store`]; writes run inside [`Store::write`], one
//! IMMEDIATE transaction each, so that a change is either wholly saved and durable or not at all.

mod backup;
mod check;
mod deletion;
mod demo;
mod drafts;
mod error;
mod events;
mod exports;
mod facts;
mod freeze;
mod ids;
mod kinds;
mod migrations;
mod open;
mod organisation;
mod paths;
mod refusal;
mod restore;
mod rows;
mod search;
mod sections;
mod share;
mod statements;
mod terms;
mod translations;
mod write;

pub use backup::{BackupFile, BackupKind, backup_folder, default_backup_path, list_backups};
pub use check::{CheckReport, Problem};
pub use deletion::KEPT_DAYS;
pub use drafts::Draft;
pub use error::{DatabaseError, StoreError, StoreResult};
pub use events::NewEvent;
pub use exports::{ExportRecord, ExportedVersion, NewExport};
pub use facts::Citation;
pub use migrations::SCHEMA_VERSION;
pub use organisation::OrganisationUpdate;
pub use paths::{APP_IDENTIFIER, DATABASE_FILE_NAME, default_database_path, default_templates_path};
pub use refusal::Refusal;
pub use restore::{Restored, restore};
pub use search::{RANK_ALL_UP_TO, SearchHit, SearchQuery};
pub use sections::{LastUse, NewSection, SectionEdit, SectionFilter, SectionSummary, Translation, Usage};
pub use statements::{ConsentAnswer, NewStatement, StatementDetails, StatementSummary};
pub use translations::Unlinked;
pub use write::Write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

/// An open library file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The day the daily backup was last seen to or made; checked again on the next day.
    daily_backup_checked: Option<jiff::civil::Date>,
}

impl Store {
    /// Opens the library at `path`, creating it (and its folder) if missing, backing it up and
    /// migrating it if it was made by an older Plenary. Refuses files made by a newer Plenary,
    /// files that are not Plenary libraries, and damaged, locked or read-only files, each with
    /// its own [`StoreError`].
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Store> {
        open::open(path.as_ref())
    }

    /// Opens the library at `path` only if the file exists: nothing is created, so a mistyped
    /// path gives [`StoreError::Missing`] rather than a new, empty library.
    pub fn open_existing(path: impl AsRef<Path>) -> StoreResult<Store> {
        open::open_existing(path.as_ref())
    }

    /// Opens an existing library at `path` only to read it (`plenary check`): nothing is
    /// created, upgraded or switched to WAL, and files that [`Store::open`] refuses are refused.
    pub fn open_read_only(path: impl AsRef<Path>) -> StoreResult<Store> {
        open::open_read_only(path.as_ref())
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `change` in one IMMEDIATE transaction and commits it durably; on any error nothing
    /// of it is saved. The first change of a day is preceded by the day's backup.
    pub fn write<T>(&mut self, change: impl FnOnce(&mut Write<'_>) -> StoreResult<T>) -> StoreResult<T> {
        self.daily_backup()?;
        write::run(&mut self.conn, &self.path, change)
    }
}
