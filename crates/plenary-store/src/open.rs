//! Opening a library file: pragmas, identity checks, backup and migration.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::Store;
use crate::backup;
use crate::error::{StoreError, StoreResult};
use crate::migrations::{self, SCHEMA_VERSION};

/// `PRAGMA application_id` of Plenary libraries ("Plny"), so that `file(1)` and Plenary itself
/// can tell them from other SQLite files.
const APPLICATION_ID: i32 = 0x506c_6e79;

pub(crate) fn open(path: &Path) -> StoreResult<Store> {
    if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|error| StoreError::CannotOpen { path: path.to_owned(), detail: error.to_string() })?;
    }
    let fail = |error: rusqlite::Error| StoreError::from_sqlite(error, path);
    let flags =
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    // SQLite silently opens a file it may not write read-only; a library must be writable.
    if conn.is_readonly(rusqlite::MAIN_DB).map_err(fail)? {
        return Err(StoreError::ReadOnly { path: path.to_owned() });
    }
    conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
    // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
    // synchronous=FULL: a commit is on disk before it is acknowledged, even across power loss.
    conn.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
    conn.pragma_update(None, "synchronous", "FULL").map_err(fail)?;
    conn.pragma_update(None, "foreign_keys", true).map_err(fail)?;

    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(fail)?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    let application_id: i32 =
        conn.pragma_query_value(None, "application_id", |row| row.get(0)).map_err(fail)?;
    let has_tables: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')", [], |row| row.get(0))
        .map_err(fail)?;
    let foreign = application_id != APPLICATION_ID && (application_id != 0 || (found == 0 && has_tables));
    if foreign {
        return Err(StoreError::NotALibrary { path: path.to_owned() });
    }
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { path: path.to_owned(), found, supported: SCHEMA_VERSION });
    }
    if found > 0 && found < SCHEMA_VERSION {
        backup::before_migration(&conn, path, found)?;
    }
    if found < SCHEMA_VERSION {
        migrations::all().to_latest(&mut conn).map_err(|error| match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from_sqlite(err, path),
            other => StoreError::Migration(other),
        })?;
        conn.pragma_update(None, "application_id", APPLICATION_ID).map_err(fail)?;
    }
    Ok(Store { conn, path: path.to_owned() })
}
