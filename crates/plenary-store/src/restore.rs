//! Putting a backup back in the library's place. Works on a library that cannot be opened
//! (that is when it is needed): a damaged file is moved aside as it is, with its WAL; a healthy
//! one is backed up first. Nothing is replaced while another program has the library open.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::backup::{self, BackupKind, first_problem, list_backups};
use crate::error::{StoreError, StoreResult};
use crate::migrations::SCHEMA_VERSION;
use crate::open;
use crate::refusal::Refusal;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The backup now in the library's place.
    pub from: PathBuf,
    /// Where the library that was replaced went: its backup, or the damaged file moved aside
    /// (`None` when there was no library file).
    pub previous: Option<PathBuf>,
}

/// Puts `backup` (or, without one, the newest backup that passes a full check) in place of the
/// library at `library`.
pub fn restore(library: &Path, backup: Option<&Path>) -> StoreResult<Restored> {
    let (from, source) = match backup {
        Some(path) => (path.to_owned(), verify(path)?),
        None => newest_good(library)?,
    };
    let previous = if library.exists() { Some(set_aside(library)?) } else { None };
    put_in_place(&source, &from, library)?;
    Ok(Restored { from, previous })
}

/// The newest backup of `library` that is a sound Plenary library this build can open, and a
/// connection to it.
fn newest_good(library: &Path) -> StoreResult<(PathBuf, Connection)> {
    let candidates = list_backups(library)?;
    candidates
        .iter()
        .filter(|backup| backup.kind != BackupKind::Damaged)
        .find_map(|backup| verify(&backup.path).ok().map(|conn| (backup.path.clone(), conn)))
        .ok_or_else(|| {
            StoreError::from(Refusal::NoGoodBackup {
                library: library.to_owned(),
                folder: backup::backup_folder(library),
                checked: candidates.len(),
            })
        })
}

/// Checks a backup in full without changing it: a Plenary library of a format this build reads,
/// with no damage. Returns the read-only connection it was checked through.
fn verify(path: &Path) -> StoreResult<Connection> {
    let fail = |error: rusqlite::Error| StoreError::from_sqlite(error, path);
    if !path.is_file() {
        return Err(StoreError::Missing { path: path.to_owned() });
    }
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(fail)?;
    if open::accept(&conn, path, SCHEMA_VERSION)? == 0 {
        return Err(StoreError::NotALibrary { path: path.to_owned() });
    }
    match first_problem(&conn, "integrity_check").map_err(fail)? {
        None => Ok(conn),
        Some(problem) => Err(StoreError::Damaged { path: path.to_owned(), detail: problem }),
    }
}

/// Moves the library out of the way: a sound library is backed up ("before restore") and left
/// to be replaced; a damaged one is moved into the backups folder as it is. Returns where the
/// previous library now is.
fn set_aside(library: &Path) -> StoreResult<PathBuf> {
    let fail = |error: rusqlite::Error| StoreError::from_sqlite(error, library);
    let conn = Connection::open_with_flags(
        library,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(fail)?;
    conn.busy_timeout(Duration::from_secs(2)).map_err(fail)?;
    // An empty file is a library that lost everything: set aside like a damaged one. Another
    // program's database or a newer library is not Plenary's to replace.
    let sound = match open::accept(&conn, library, SCHEMA_VERSION) {
        Ok(0) => false,
        // Only damage found is damage: a busy or unreadable file is reported as it is.
        Ok(_) => match first_problem(&conn, "quick_check").map_err(fail) {
            Ok(problem) => problem.is_none(),
            Err(StoreError::Damaged { .. }) => false,
            Err(other) => return Err(other),
        },
        Err(StoreError::Damaged { .. }) => false,
        Err(other) => return Err(other),
    };
    let target = backup::before_change_path(library, "restore");
    // The full check of the backup may find damage the quick check missed: then the library is
    // moved aside as damaged, like any other.
    let backed_up = sound
        && match backup::copy(&conn, library, &target) {
            Ok(()) => true,
            Err(StoreError::Damaged { .. }) => false,
            Err(other) => return Err(other),
        };
    if backed_up {
        // Leaving WAL needs the file to itself: this fails while the app (or any other program)
        // has the library open, which must not have it replaced under it.
        let mode =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get::<_, String>(0));
        if !mode.is_ok_and(|mode| mode.eq_ignore_ascii_case("delete")) {
            return Err(StoreError::Locked { path: library.to_owned() });
        }
        return Ok(target);
    }
    drop(conn);
    let target = backup::damaged_path(library);
    let moved = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|source| StoreError::Io { path: from.to_owned(), source })
    };
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|source| StoreError::Io { path: folder.to_owned(), source })?;
    }
    moved(library, &target)?;
    let (wal, shm) = (sidecar(library, "-wal"), sidecar(library, "-shm"));
    if wal.exists() {
        moved(&wal, &sidecar(&target, "-wal"))?;
    }
    let _ = std::fs::remove_file(shm);
    Ok(target)
}

/// Copies the backup (open on `source`, at `from`) over `library`: with SQLite's backup, so a
/// backup in WAL mode comes with what its WAL holds, into a new file (no read-only attribute
/// carried over), checked, then renamed into place.
fn put_in_place(source: &Connection, from: &Path, library: &Path) -> StoreResult<()> {
    let partial = sidecar(library, ".restoring");
    let _ = std::fs::remove_file(&partial);
    backup::copy(source, from, &partial)?;
    if let Err(source) = std::fs::rename(&partial, library) {
        let _ = std::fs::remove_file(&partial);
        return Err(StoreError::Io { path: library.to_owned(), source });
    }
    // A WAL left from the library replaced would be applied to the backup: there must be none.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(sidecar(library, suffix));
    }
    Ok(())
}

/// `<path><suffix>`: SQLite's `-wal` and `-shm` files, and our temporary names.
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
