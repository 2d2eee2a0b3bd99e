//! The schema's history. Append only: a released migration is never edited, a change is a new
//! file. The schema version is SQLite's `user_version`, kept by `rusqlite_migration`.

use rusqlite_migration::{M, Migrations};

/// Every migration, oldest first.
pub(crate) const STEPS: &[M<'static>] = &[
    M::up(include_str!("../migrations/001_library.sql")),
    M::up(include_str!("../migrations/002_exports.sql")),
    M::up(include_str!("../migrations/003_drafts.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = STEPS.len();

/// The migrations in `steps` as `rusqlite_migration` runs them.
pub(crate) fn runner(steps: &'static [M<'static>]) -> Migrations<'static> {
    Migrations::from_slice(steps)
}
