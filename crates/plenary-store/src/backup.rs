//! Consistent copies of the library with SQLite's online backup: on request, and before every
//! migration.

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::Connection;
use rusqlite::backup::Backup;

use crate::Store;
use crate::error::{StoreError, StoreResult};

/// `<library folder>/backups/library-<UTC time>.sqlite3` for the library at `library`.
pub fn default_backup_path(library: &Path) -> PathBuf {
    backup_folder(library).join(format!("{}-{}.sqlite3", stem(library), file_time()))
}

impl Store {
    /// Writes a consistent copy of the library to `target` (a new file; its folder is created),
    /// while other readers and writers carry on. The copy appears only once complete.
    pub fn backup_to(&self, target: &Path) -> StoreResult<()> {
        copy(&self.conn, &self.path, target)
    }
}

/// Copies the library before an upgrade. Called while the upgrading connection holds the write
/// lock, which SQLite's backup cannot read through (it reports the source as locked, for ever):
/// the copy is read by a connection of its own, which sees the last commit, the old format.
pub(crate) fn before_migration(library: &Path, from_version: usize) -> StoreResult<PathBuf> {
    let target = backup_folder(library).join(format!(
        "{}-before-upgrade-from-v{from_version}-{}.sqlite3",
        stem(library),
        file_time()
    ));
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let reader = Connection::open_with_flags(library, flags)
        .map_err(|error| StoreError::from_sqlite(error, library))?;
    copy(&reader, library, &target)?;
    Ok(target)
}

fn copy(conn: &Connection, library: &Path, target: &Path) -> StoreResult<()> {
    let io_error = |source| StoreError::Io { path: target.to_owned(), source };
    if target.exists() {
        return Err(StoreError::Rejected(format!(
            "{} already exists; choose another file",
            target.display()
        )));
    }
    if let Some(folder) = target.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(io_error)?;
    }
    // Copy into a temporary name and rename, so an interrupted backup never looks complete.
    let partial = target.with_extension("partial");
    let result = (|| {
        let mut destination =
            Connection::open(&partial).map_err(|error| StoreError::from_sqlite(error, &partial))?;
        Backup::new(conn, &mut destination)
            .and_then(|backup| backup.run_to_completion(256, Duration::from_millis(5), None))
            .map_err(|error| StoreError::from_sqlite(error, library))?;
        // The copy is a plain rollback-journal file: one self-contained file to hand around.
        destination.pragma_update(None, "journal_mode", "DELETE").map_err(StoreError::Sqlite)?;
        drop(destination);
        std::fs::rename(&partial, target).map_err(io_error)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn backup_folder(library: &Path) -> PathBuf {
    library.parent().unwrap_or(Path::new(".")).join("backups")
}

fn stem(library: &Path) -> String {
    library
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".to_owned())
}

fn file_time() -> String {
    // Second precision plus milliseconds keeps names unique and sortable; no ':' for Windows.
    Timestamp::now().strftime("%Y%m%dT%H%M%S%.3fZ").to_string().replace('.', "-")
}
