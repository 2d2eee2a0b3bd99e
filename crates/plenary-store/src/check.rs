//! The integrity check behind `plenary check`.

use crate::Store;
use crate::error::{StoreError, StoreResult};

/// What `PRAGMA integrity_check` and `foreign_key_check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// What is wrong; empty when the library is sound.
    pub problems: Vec<Problem>,
    /// Sections in the library.
    pub sections: usize,
    /// Statements in the library.
    pub statements: usize,
}

/// One thing the check found wrong, with the values a front end words it from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, thiserror::Error)]
#[serde(tag = "case", content = "params", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Problem {
    /// A line of SQLite's own integrity check (a damaged page or index), in SQLite's words.
    #[error("{detail}")]
    Storage {
        /// SQLite's line.
        detail: String,
    },
    /// A row that names a record that is not there.
    #[error("{table} row {row} refers to a missing {missing}")]
    MissingReference {
        /// The table of the row.
        table: String,
        /// The row's number in it.
        row: i64,
        /// The table of the record it names.
        missing: String,
    },
    /// The search index holds more or fewer sections than the library.
    #[error("the search index is out of step with the sections by {by}")]
    SearchIndex {
        /// By how many.
        by: usize,
    },
}

impl CheckReport {
    /// Whether no problem was found.
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    /// Checks every page, index and reference of the file, and that the search index matches the
    /// sections.
    pub fn check(&self) -> StoreResult<CheckReport> {
        let fail = |error| StoreError::from_sqlite(error, &self.path);
        let mut problems = Vec::new();
        let mut integrity = self.conn.prepare("PRAGMA integrity_check").map_err(fail)?;
        let lines = integrity.query_map([], |row| row.get::<_, String>(0)).map_err(fail)?;
        for line in lines {
            let line = line.map_err(fail)?;
            if line != "ok" {
                problems.push(Problem::Storage { detail: line });
            }
        }
        let mut foreign_keys = self.conn.prepare("PRAGMA foreign_key_check").map_err(fail)?;
        let broken = foreign_keys
            .query_map([], |row| {
                Ok(Problem::MissingReference { table: row.get(0)?, row: row.get(1)?, missing: row.get(2)? })
            })
            .map_err(fail)?;
        for line in broken {
            problems.push(line.map_err(fail)?);
        }
        if problems.is_empty() {
            let unindexed: usize = self
                .conn
                .query_row(
                    "SELECT abs((SELECT count(*) FROM sections) - (SELECT count(*) FROM section_search))
                          + abs((SELECT count(*) FROM sections) - (SELECT count(*) FROM section_titles))",
                    [],
                    |row| row.get::<_, i64>(0),
                )
                .map_err(fail)?
                .unsigned_abs() as usize;
            if unindexed > 0 {
                problems.push(Problem::SearchIndex { by: unindexed });
            }
        }
        let count = |table: &str| -> StoreResult<usize> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get::<_, i64>(0))
                .map(|count| count as usize)
                .map_err(fail)
        };
        let (sections, statements) =
            if problems.is_empty() { (count("sections")?, count("statements")?) } else { (0, 0) };
        Ok(CheckReport { problems, sections, statements })
    }
}
