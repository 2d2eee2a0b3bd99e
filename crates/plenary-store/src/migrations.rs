//! The schema's history. Append only: a released migration is never edited, a change is a new
//! file. The schema version is SQLite's `user_version`, kept by `rusqlite_migration`.

use rusqlite_migration::{M, Migrations};

const STEPS: &[M<'static>] = &[M::up(include_str!("../migrations/001_library.sql"))];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = STEPS.len();

/// Every migration, oldest first.
pub(crate) fn all() -> Migrations<'static> {
    Migrations::from_slice(STEPS)
}
