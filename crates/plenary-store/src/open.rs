//! Opening a library file: pragmas, identity checks, backup and migration.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::Store;
use crate::backup;
use crate::error::{StoreError, StoreResult};
use crate::migrations;
use rusqlite_migration::M;

/// `PRAGMA application_id` of Plenary libraries ("Plny"), so that `file(1)` and Plenary itself
/// can tell them from other SQLite files.
const APPLICATION_ID: i32 = 0x506c_6e79;

pub(crate) fn open(path: &Path) -> StoreResult<Store> {
    open_with(path, migrations::STEPS)
}

/// Opens with a given migration list: [`migrations::STEPS`], or a longer one in tests of upgrades.
fn open_with(path: &Path, steps: &'static [M<'static>]) -> StoreResult<Store> {
    let latest = steps.len();
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
    // On macOS fsync() leaves the data in the drive's cache; only F_FULLFSYNC puts it on the disk,
    // so a saved edit survives a power cut there too.
    #[cfg(target_os = "macos")]
    {
        conn.pragma_update(None, "fullfsync", true).map_err(fail)?;
        conn.pragma_update(None, "checkpoint_fullfsync", true).map_err(fail)?;
    }
    conn.pragma_update(None, "foreign_keys", true).map_err(fail)?;
    // A 10,000-section library is ~120 MB: keep its hot pages in memory (64 MB of cache) and
    // read it through a memory map, so search as you type makes no read calls.
    conn.pragma_update(None, "cache_size", -65_536).map_err(fail)?;
    conn.pragma_update(None, "mmap_size", 268_435_456).map_err(fail)?;

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
    if found > latest {
        return Err(StoreError::NewerSchema { path: path.to_owned(), found, supported: latest });
    }
    if found > 0 && found < latest {
        backup::before_migration(&conn, path, found)?;
    }
    if found < latest {
        migrations::runner(steps).to_latest(&mut conn).map_err(|error| match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from_sqlite(err, path),
            other => StoreError::Migration(other),
        })?;
        conn.pragma_update(None, "application_id", APPLICATION_ID).map_err(fail)?;
    }
    Ok(Store { conn, path: path.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LATER: &[M<'static>] = &[
        M::up(include_str!("../migrations/001_library.sql")),
        M::up("CREATE TABLE later_feature (x TEXT);"),
    ];

    fn pragma(store: &Store, name: &str) -> i64 {
        store.conn.pragma_query_value(None, name, |row| row.get(0)).expect(name)
    }

    #[test]
    fn an_opened_library_puts_every_commit_on_the_disk() {
        let folder = tempfile::tempdir().expect("folder");
        let store = open(&folder.path().join("library.sqlite3")).expect("open");
        assert_eq!(pragma(&store, "synchronous"), 2, "synchronous = FULL");
        let wal: String =
            store.conn.pragma_query_value(None, "journal_mode", |row| row.get(0)).expect("mode");
        assert_eq!(wal, "wal");
        let full_fsync = if cfg!(target_os = "macos") { 1 } else { 0 };
        assert_eq!(pragma(&store, "fullfsync"), full_fsync, "F_FULLFSYNC on macOS only");
        assert_eq!(pragma(&store, "checkpoint_fullfsync"), full_fsync, "checkpoints too");
    }

    #[test]
    fn a_library_in_a_folder_with_a_non_ascii_name_opens_and_reopens() {
        let folder = tempfile::tempdir().expect("folder");
        // As under C:\Users\José\AppData\Roaming on Windows.
        let path = folder.path().join("Users/José Núñez/AppData/Roaming/org.plenary.desktop/library.sqlite3");
        let mut store = open(&path).expect("create");
        store.write(|w| w.add_kind(&plenary_core::kind::Kind::parse("mine").expect("kind"))).expect("write");
        drop(store);
        let store = open(&path).expect("reopen");
        assert!(store.kinds().expect("kinds").iter().any(|kind| kind.as_str() == "mine"));
        assert_eq!(store.path(), path.as_path());
    }

    #[test]
    fn an_older_library_is_backed_up_then_migrated() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("library.sqlite3");
        let mut store = open_with(&path, &LATER[..1]).expect("open at version 1");
        store.write(|w| w.add_kind(&plenary_core::kind::Kind::parse("mine").expect("kind"))).expect("write");
        drop(store);

        let upgraded = open_with(&path, LATER).expect("upgrade to version 2");
        let version: i64 =
            upgraded.conn.pragma_query_value(None, "user_version", |row| row.get(0)).expect("version");
        assert_eq!(version, 2);
        let backups: Vec<_> = std::fs::read_dir(folder.path().join("backups"))
            .expect("backups folder")
            .map(|entry| entry.expect("entry").path())
            .collect();
        assert_eq!(backups.len(), 1, "{backups:#?}");
        let name = backups[0].file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        assert!(name.starts_with("library-before-upgrade-from-v1-"), "{name}");

        // The backup is the library as it was: version 1, with its data.
        let backup = open_with(&backups[0], &LATER[..1]).expect("open the backup");
        assert!(backup.kinds().expect("kinds").iter().any(|kind| kind.as_str() == "mine"));
        drop(backup);
        // Opening again does not back up again.
        drop(open_with(&path, LATER).expect("reopen"));
        assert_eq!(std::fs::read_dir(folder.path().join("backups")).expect("backups").count(), 1);
    }

    #[test]
    fn every_real_migration_upgrades_the_previous_format_with_its_data() {
        for from in 1..migrations::STEPS.len() {
            let folder = tempfile::tempdir().expect("folder");
            let path = folder.path().join("library.sqlite3");
            let mut old = open_with(&path, &migrations::STEPS[..from]).expect("old format");
            let id = old
                .write(|w| {
                    w.add_section(crate::NewSection {
                        title: "Kept".into(),
                        body: "Across upgrades.".into(),
                        kind: plenary_core::kind::Kind::parse("about").expect("kind"),
                        lang: plenary_core::language::Language::english(),
                        tags: vec!["t".into()],
                        status: plenary_core::status::SectionStatus::Draft,
                        owner: None,
                        review_due: None,
                        author: "a".into(),
                        note: None,
                    })
                })
                .expect("write");
            drop(old);
            let upgraded = open(&path).expect("upgrade");
            assert_eq!(upgraded.section(id).expect("section").body, "Across upgrades.", "from v{from}");
            assert!(upgraded.check().expect("check").is_sound(), "from v{from}");
            assert_eq!(
                std::fs::read_dir(folder.path().join("backups")).expect("backup").count(),
                1,
                "from v{from}"
            );
        }
    }
}
