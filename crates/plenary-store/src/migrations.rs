//! The schema's history, and the one exclusive step that creates or upgrades a library.
//!
//! Append only: a released migration is never edited, a change is a new file. The schema version
//! is SQLite's `user_version`. The steps run here rather than through `rusqlite_migration`
//! because that crate reads the version before its own transaction and cannot join ours: two
//! processes opening a new library both ran the first step (issue 12). Here the version is read,
//! the backup made and every step run inside one IMMEDIATE transaction, which other processes wait
//! for and then find nothing left to do.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};

use crate::backup;
use crate::error::{StoreError, StoreResult};

/// Every migration, oldest first; the schema version after step `n` (from 1) is `n`.
pub(crate) const STEPS: &[&str] = &[
    include_str!("../migrations/001_library.sql"),
    include_str!("../migrations/002_exports.sql"),
    include_str!("../migrations/003_drafts.sql"),
    include_str!("../migrations/004_sharing.sql"),
    include_str!("../migrations/005_export_content.sql"),
    include_str!("../migrations/006_frozen_statements.sql"),
    include_str!("../migrations/007_translation_sources.sql"),
    include_str!("../migrations/008_word_limits_per_language.sql"),
    include_str!("../migrations/009_fact_values_per_language.sql"),
    include_str!("../migrations/010_signatory_consent.sql"),
    include_str!("../migrations/011_termbase.sql"),
    include_str!("../migrations/012_restored_versions.sql"),
    include_str!("../migrations/013_deleted_statements.sql"),
];

/// The step that added frozen statements (`006_frozen_statements.sql`).
pub(crate) const FREEZING_STEP: usize = 6;

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = STEPS.len();

/// `PRAGMA application_id` of Plenary libraries ("Plny"), so that `file(1)` and Plenary itself
/// can tell them from other SQLite files.
pub(crate) const APPLICATION_ID: i32 = 0x506c_6e79;

/// How long an opening process waits for another one's upgrade (with its backup) to finish.
const UPGRADE_WAIT: Duration = Duration::from_secs(120);

/// Brings the library at `path` to the last of `steps`: marks it as Plenary's, backs it up first
/// when it holds an older format, runs the missing steps and sets the version, all in one
/// transaction. Returns the version found inside the transaction.
pub(crate) fn to_latest(conn: &mut Connection, path: &Path, steps: &[&str]) -> StoreResult<usize> {
    let fail = |error: rusqlite::Error| StoreError::from_sqlite(error, path);
    conn.busy_timeout(UPGRADE_WAIT).map_err(fail)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
    // Read again under the lock: another process may have done the work while this one waited.
    let found = schema_version(&tx).map_err(fail)?;
    if found > 0 && found < steps.len() {
        backup::before_migration(path, found)?;
    }
    for (index, sql) in steps.iter().enumerate().skip(found) {
        tx.execute_batch(sql).map_err(|error| StoreError::Migration {
            path: path.to_owned(),
            step: index + 1,
            detail: error.to_string(),
        })?;
    }
    // Statements already final before freezing existed are frozen as the library stands now.
    if found < FREEZING_STEP && steps.len() >= FREEZING_STEP {
        let now = jiff::ZonedDateTime::now();
        crate::freeze::freeze_unfrozen(&tx, now.timestamp(), now.date())?;
    }
    if found < steps.len() {
        let version = i64::try_from(steps.len()).unwrap_or(i64::MAX);
        tx.pragma_update(None, "user_version", version).map_err(fail)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(fail)?;
    }
    tx.commit().map_err(fail)?;
    Ok(found)
}

/// The file's `user_version`.
pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    Ok(usize::try_from(found).unwrap_or(usize::MAX))
}
