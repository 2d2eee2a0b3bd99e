//! Store errors, phrased for the person who will read them.

use std::path::{Path, PathBuf};

use plenary_core::ModelError;

use crate::refusal::Refusal;
use rusqlite::ErrorCode;
use thiserror::Error;

/// Result of a store operation.
pub type StoreResult<T> = Result<T, StoreError>;

/// What can go wrong with the library file or a request to it.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The input broke a rule of the model.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// No record has that id (or id prefix).
    #[error("no {what} with id '{id}'")]
    NotFound {
        /// "section", "statement", …
        what: &'static str,
        /// The id or prefix given.
        id: String,
    },
    /// An id prefix names more than one record.
    #[error("id prefix '{prefix}' matches more than one {what}; give more characters")]
    Ambiguous {
        /// "section", "statement", …
        what: &'static str,
        /// The prefix given.
        prefix: String,
    },
    /// A request the library will not carry out as things stand.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// The file was made by a newer Plenary.
    #[error(
        "{path} was made by a newer Plenary (library format {found}; this version reads up to {supported}); update Plenary to open it"
    )]
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: usize,
        /// The newest this build knows.
        supported: usize,
    },
    /// The file is an SQLite database but not a Plenary library.
    #[error("{path} is not a Plenary library")]
    NotALibrary {
        /// The file.
        path: PathBuf,
    },
    /// The file is damaged or not a database at all.
    #[error(
        "{path} is damaged or is not a database ({detail}); nothing was changed. Restore the newest good backup \
         (Backups in the app, or `plenary restore`), which keeps the damaged file aside"
    )]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// The file or its folder cannot be written.
    #[error("{path} cannot be written (the file or its folder is read-only); nothing was changed")]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// Another program holds the file locked.
    #[error("{path} is locked by another program (is Plenary open elsewhere?); nothing was changed")]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// No file at the path, and opening was not allowed to create one.
    #[error("{path}: there is no library here (check the path; nothing was created)")]
    Missing {
        /// The path given.
        path: PathBuf,
    },
    /// An empty file where a library was expected, and opening was not allowed to create one.
    #[error(
        "{path} is empty, not a library: if it was your library, `plenary restore` puts back its newest backup; \
         `plenary init` makes a new library there"
    )]
    EmptyFile {
        /// The file.
        path: PathBuf,
    },
    /// The disk has no room for the change.
    #[error("{path}: the disk is full; nothing was changed (free some space and try again)")]
    DiskFull {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be opened or created.
    #[error("cannot open {path}: {detail}")]
    CannotOpen {
        /// The file.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// A file outside the database (a backup target) could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// Any other failure of the database engine (a defect rather than something a user did).
    #[error("database error: {0}")]
    Database(DatabaseError),
    /// A migration failed; the file was left as it was.
    #[error("{path}: could not upgrade the library (step {step}): {detail}; it was left as it was")]
    Migration {
        /// The file.
        path: PathBuf,
        /// The migration that failed, from 1.
        step: usize,
        /// SQLite's reason.
        detail: String,
    },
}

impl StoreError {
    /// Turns an SQLite failure on the file at `path` into the error a user can act on.
    pub(crate) fn from_sqlite(error: rusqlite::Error, path: &Path) -> StoreError {
        let path = path.to_owned();
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                StoreError::Damaged { path, detail: error.to_string() }
            }
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
            // SQLITE_IOERR_SHMSIZE: the shared-memory file beside the library could not grow,
            // which on a full disk is how SQLite first notices.
            _ if sqlite_extended_code(&error) == Some(4874) => StoreError::DiskFull { path },
            // Writing the WAL or its index can fail this way when the disk fills up.
            Some(ErrorCode::SystemIoFailure) => StoreError::CannotOpen {
                detail: format!(
                    "the disk could not be read or written (is it full, or was it removed?): {error}"
                ),
                path,
            },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                let detail = why_not_opened(&path).unwrap_or_else(|| error.to_string());
                StoreError::CannotOpen { path, detail }
            }
            _ => StoreError::Database(DatabaseError(error)),
        }
    }
}

/// The database engine's own error, kept whole for its message and source but not part of the
/// store's interface: no caller matches on SQLite's types.
#[derive(Debug)]
pub struct DatabaseError(pub(crate) rusqlite::Error);

impl std::fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for DatabaseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        StoreError::Database(DatabaseError(error))
    }
}

/// Why the file at `path` could not be opened, as the file system tells it.
fn why_not_opened(path: &Path) -> Option<String> {
    if path.is_dir() {
        return Some("it is a folder, not a library file".to_owned());
    }
    match std::fs::OpenOptions::new().read(true).write(true).open(path) {
        Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            return Some("you do not have permission to open it".to_owned());
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Some("the file or its folder does not exist".to_owned());
        }
        _ => {}
    }
    // SQLite keeps its journal and shared-memory files beside the library.
    let folder = path.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let probe = folder.join(format!(".plenary-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(_) => Some(format!(
            "its folder {} cannot be written, and SQLite keeps its journal beside the file",
            folder.display()
        )),
    }
}

fn sqlite_extended_code(error: &rusqlite::Error) -> Option<i32> {
    match error {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.extended_code),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn sqlite_failures_become_the_errors_a_person_can_act_on() {
        let path = Path::new("no-such-folder/library.sqlite3");
        let kind = |code: i32| match StoreError::from_sqlite(failure(code), path) {
            StoreError::DiskFull { .. } => "disk full",
            StoreError::Locked { .. } => "locked",
            StoreError::ReadOnly { .. } => "read-only",
            StoreError::Damaged { .. } => "damaged",
            StoreError::CannotOpen { .. } => "cannot open",
            StoreError::Database(_) => "database",
            _ => "other",
        };
        assert_eq!(kind(rusqlite::ffi::SQLITE_FULL), "disk full");
        assert_eq!(kind(4874), "disk full", "SQLITE_IOERR_SHMSIZE: the shared memory could not grow");
        assert_eq!(kind(rusqlite::ffi::SQLITE_BUSY), "locked");
        assert_eq!(kind(rusqlite::ffi::SQLITE_READONLY), "read-only");
        assert_eq!(kind(rusqlite::ffi::SQLITE_NOTADB), "damaged");
        assert_eq!(kind(rusqlite::ffi::SQLITE_IOERR), "cannot open");
        assert_eq!(kind(rusqlite::ffi::SQLITE_CANTOPEN), "cannot open");
        // A broken constraint is Plenary's mistake, not the file's or the disk's.
        assert_eq!(kind(rusqlite::ffi::SQLITE_CONSTRAINT), "database");
    }

    #[test]
    fn an_engine_error_is_worded_by_the_engine() {
        let error =
            StoreError::from_sqlite(failure(rusqlite::ffi::SQLITE_CONSTRAINT), Path::new("l.sqlite3"));
        let StoreError::Database(inner) = &error else { panic!("{error:?}") };
        assert!(inner.to_string().contains("constraint failed"), "{inner}");
        assert!(error.to_string().contains("constraint failed"), "{error}");
        let source = std::error::Error::source(inner).expect("SQLite's error kept as the source");
        assert_eq!(source.to_string(), inner.to_string());
    }

    /// A failure the file system names neither "not found" nor "denied" is left to SQLite's own
    /// words rather than called missing.
    #[cfg(unix)]
    #[test]
    fn a_link_that_leads_back_to_itself_is_not_called_missing() {
        let folder = tempfile::tempdir().expect("folder");
        let looped = folder.path().join("library.sqlite3");
        std::os::unix::fs::symlink(&looped, &looped).expect("a link to itself");
        assert_eq!(why_not_opened(&looped), None);
    }

    #[test]
    fn why_a_file_cannot_be_opened_is_asked_of_the_file_system() {
        let folder = tempfile::tempdir().expect("folder");
        assert_eq!(why_not_opened(folder.path()).as_deref(), Some("it is a folder, not a library file"));
        let missing = folder.path().join("gone/library.sqlite3");
        assert_eq!(why_not_opened(&missing).as_deref(), Some("the file or its folder does not exist"));
        let file = folder.path().join("library.sqlite3");
        std::fs::write(&file, b"").expect("file");
        assert_eq!(why_not_opened(&file), None, "nothing the file system can say");
    }
}
