//! Opening a library file: identity checks first, then pragmas, then creation or upgrade.
//!
//! Nothing is written to a file until it is known to be Plenary's (or empty): another program's
//! database, or a library from a newer Plenary, is refused exactly as it was found.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::Store;
use crate::backup;
use crate::error::{StoreError, StoreResult};
use crate::migrations::{self, APPLICATION_ID};

pub(crate) fn open(path: &Path) -> StoreResult<Store> {
    open_with(path, migrations::STEPS, Create::Yes)
}

pub(crate) fn open_existing(path: &Path) -> StoreResult<Store> {
    open_with(path, migrations::STEPS, Create::No)
}

/// How long a connection waits for another program's write before reporting the library busy.
pub(crate) const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Whether opening may create the file (and its folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Create {
    Yes,
    No,
}

/// What a file is, read without changing it.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    /// Empty: no schema, no version, no application id. Plenary may make it a library.
    Empty,
    /// A Plenary library at this schema version.
    Library(usize),
    /// Anything else: another program's database.
    Foreign,
}

fn identify(conn: &Connection) -> rusqlite::Result<Identity> {
    // One read transaction: the three reads see one state, even while another process is
    // creating the library.
    conn.execute_batch("BEGIN DEFERRED")?;
    let identity = read_identity(conn);
    // A failed read (a full disk, damage) may have ended the transaction already; its error is
    // the one to report, not COMMIT's "no transaction is active".
    if conn.is_autocommit() {
        return identity;
    }
    let committed = conn.execute_batch("COMMIT");
    let identity = identity?;
    committed.map(|()| identity)
}

fn read_identity(conn: &Connection) -> rusqlite::Result<Identity> {
    let version = migrations::schema_version(conn)?;
    let application_id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let has_schema: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |row| row.get(0))?;
    Ok(match application_id {
        APPLICATION_ID => Identity::Library(version),
        0 if version == 0 && !has_schema => Identity::Empty,
        _ => Identity::Foreign,
    })
}

/// Refuses what is not a library this build can open; returns the schema version found.
pub(crate) fn accept(conn: &Connection, path: &Path, latest: usize) -> StoreResult<usize> {
    match identify(conn).map_err(|error| StoreError::from_sqlite(error, path))? {
        Identity::Foreign => Err(StoreError::NotALibrary { path: path.to_owned() }),
        Identity::Library(found) if found > latest => {
            Err(StoreError::NewerSchema { path: path.to_owned(), found, supported: latest })
        }
        Identity::Library(found) => Ok(found),
        Identity::Empty => Ok(0),
    }
}

/// Opens with a given migration list: [`migrations::STEPS`], or a longer one in tests of upgrades.
fn open_with(path: &Path, steps: &[&str], create: Create) -> StoreResult<Store> {
    let latest = steps.len();
    if path.is_dir() {
        return Err(StoreError::CannotOpen {
            path: path.to_owned(),
            detail: "it is a folder, not a library file".to_owned(),
        });
    }
    // Permissions are read from the file system first: SQLite would open a read-only library
    // read-only and leave its -wal and -shm files behind.
    if let Err(error) = std::fs::OpenOptions::new().read(true).write(true).open(path)
        && error.kind() == std::io::ErrorKind::PermissionDenied
    {
        return Err(match std::fs::File::open(path) {
            Ok(_) => StoreError::ReadOnly { path: path.to_owned() },
            Err(_) => StoreError::CannotOpen {
                path: path.to_owned(),
                detail: "you do not have permission to open it".to_owned(),
            },
        });
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    match create {
        Create::No if !path.exists() => return Err(StoreError::Missing { path: path.to_owned() }),
        Create::No => {}
        Create::Yes => {
            if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
                std::fs::create_dir_all(folder).map_err(|error| StoreError::CannotOpen {
                    path: path.to_owned(),
                    detail: format!("its folder cannot be created ({error})"),
                })?;
            }
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
    }
    let fail = |error: rusqlite::Error| StoreError::from_sqlite(error, path);
    let mut conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.busy_timeout(BUSY_WAIT).map_err(fail)?;
    let found = accept(&conn, path, latest)?;
    if found == 0 && create == Create::No && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Err(StoreError::EmptyFile { path: path.to_owned() });
    }
    // SQLite silently opens a file it may not write read-only; a library must be writable.
    if conn.is_readonly(rusqlite::MAIN_DB).map_err(fail)? {
        return Err(StoreError::ReadOnly { path: path.to_owned() });
    }
    // A quick check of every page before anything is written: damage found now is reported
    // before an edit could build on it, and the file is left as it was.
    if found > 0 {
        quick_check(&conn, path)?;
    }
    // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
    // synchronous=FULL: a commit is on disk before it is acknowledged, even across power loss.
    switch_to_wal(&conn).map_err(fail)?;
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

    if found < latest {
        migrations::to_latest(&mut conn, path, steps)?;
        conn.busy_timeout(BUSY_WAIT).map_err(fail)?;
    }
    if latest == migrations::STEPS.len() {
        crate::deletion::purge_deleted(&conn, plenary_core::date::Timestamp::now())?;
    }
    Ok(Store { conn, path: path.to_owned(), daily_backup_checked: None })
}

/// Refuses a library whose pages or indexes are damaged (`PRAGMA quick_check`).
pub(crate) fn quick_check(conn: &Connection, path: &Path) -> StoreResult<()> {
    match backup::first_problem(conn, "quick_check") {
        Ok(None) => Ok(()),
        Ok(Some(problem)) => Err(StoreError::Damaged { path: path.to_owned(), detail: problem }),
        Err(error) => Err(StoreError::from_sqlite(error, path)),
    }
}

/// Sets WAL mode, waiting for other connections. Changing the mode needs the file to itself,
/// and SQLite reports "busy" at once, without calling the busy handler, when another process is
/// opening it at the same moment (a new library opened by several processes together).
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_WAIT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(error)
                if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            result => return result,
        }
    }
}

/// Opens the library at `path` only to read it: nothing is created, migrated or switched to
/// WAL, and another program's file or a newer library is refused as with [`open`].
pub(crate) fn open_read_only(path: &Path) -> StoreResult<Store> {
    let fail = |error: rusqlite::Error| StoreError::from_sqlite(error, path);
    if !path.is_file() {
        return Err(StoreError::CannotOpen { path: path.to_owned(), detail: "no such file".into() });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.busy_timeout(BUSY_WAIT).map_err(fail)?;
    if accept(&conn, path, migrations::SCHEMA_VERSION)? == 0 {
        return Err(StoreError::NotALibrary { path: path.to_owned() });
    }
    Ok(Store { conn, path: path.to_owned(), daily_backup_checked: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LATER: &[&str] =
        &[include_str!("../migrations/001_library.sql"), "CREATE TABLE later_feature (x TEXT);"];

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
        let mut store = open_with(&path, &LATER[..1], Create::Yes).expect("open at version 1");
        store.write(|w| w.add_kind(&plenary_core::kind::Kind::parse("mine").expect("kind"))).expect("write");
        drop(store);

        let upgraded = open_with(&path, LATER, Create::Yes).expect("upgrade to version 2");
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
        let backup = open_with(&backups[0], &LATER[..1], Create::Yes).expect("open the backup");
        assert!(backup.kinds().expect("kinds").iter().any(|kind| kind.as_str() == "mine"));
        drop(backup);
        // Opening again does not back up again.
        drop(open_with(&path, LATER, Create::Yes).expect("reopen"));
        assert_eq!(std::fs::read_dir(folder.path().join("backups")).expect("backups").count(), 1);
    }

    #[test]
    fn an_older_library_opened_by_several_at_once_is_backed_up_and_upgraded_once() {
        for _ in 0..5 {
            let folder = tempfile::tempdir().expect("folder");
            let path = folder.path().join("library.sqlite3");
            drop(open_with(&path, &LATER[..1], Create::Yes).expect("version 1"));
            let start = std::sync::Barrier::new(3);
            std::thread::scope(|scope| {
                let openers: Vec<_> = (0..3)
                    .map(|_| {
                        let (path, start) = (&path, &start);
                        scope.spawn(move || {
                            start.wait();
                            open_with(path, LATER, Create::Yes).map(drop)
                        })
                    })
                    .collect();
                for opener in openers {
                    opener.join().expect("no panic").expect("every opener finds the upgraded library");
                }
            });
            assert_eq!(std::fs::read_dir(folder.path().join("backups")).expect("backups").count(), 1);
            let store = open_with(&path, LATER, Create::Yes).expect("reopen");
            assert_eq!(pragma(&store, "user_version"), 2);
        }
    }

    #[test]
    fn checking_an_older_library_reads_it_without_upgrading_it() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("library.sqlite3");
        let mut old = open_with(&path, &migrations::STEPS[..1], Create::Yes).expect("version 1");
        old.write(|w| w.add_kind(&plenary_core::kind::Kind::parse("mine").expect("kind"))).expect("write");
        drop(old);
        let before = std::fs::read(&path).expect("bytes");
        let store = open_read_only(&path).expect("open to check");
        assert!(store.check().expect("check").is_sound());
        assert_eq!(pragma(&store, "user_version"), 1);
        drop(store);
        assert_eq!(std::fs::read(&path).expect("bytes"), before, "not upgraded");
        assert!(!folder.path().join("backups").exists(), "no backup of a file that was only read");
        let missing = open_read_only(&folder.path().join("missing.sqlite3")).expect_err("missing");
        assert!(missing.to_string().contains("missing.sqlite3"), "{missing}");
        assert!(!folder.path().join("missing.sqlite3").exists(), "checking creates nothing");
    }

    #[test]
    fn every_real_migration_upgrades_the_previous_format_with_its_data() {
        for from in 1..migrations::STEPS.len() {
            let folder = tempfile::tempdir().expect("folder");
            let path = folder.path().join("library.sqlite3");
            let mut old = open_with(&path, &migrations::STEPS[..from], Create::Yes).expect("old format");
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

    /// A statement already final before freezing existed is frozen by the upgrade as the
    /// library stands then, so that later changes no longer reach its exports.
    #[test]
    fn upgrading_freezes_statements_that_were_already_final() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("library.sqlite3");
        let before_freezing = &migrations::STEPS[..migrations::FREEZING_STEP - 1];
        let mut old = open_with(&path, before_freezing, Create::Yes).expect("old format");
        let key = plenary_core::fact::FactKey::parse("members").expect("key");
        let statement = old
            .write(|w| {
                w.set_fact(&key, "45", None, None)?;
                let statement =
                    w.new_statement(crate::NewStatement { title: "Sent".into(), ..Default::default() })?;
                // Rows as that format held them: today's writing code knows columns it lacks.
                w.conn().execute(
                    "INSERT INTO items (id, statement_seq, position, title, body)
                     SELECT '5b0e1c2a-7f3d-4e8b-9a61-2c4d6e8f0a1b', seq, 1, 'Who we are',
                        'We are {{fact.members}} organisations.' FROM statements",
                    [],
                )?;
                w.conn().execute(
                    "INSERT INTO signatories (statement_seq, position, name) SELECT seq, 1, 'Red Regional' FROM statements",
                    [],
                )?;
                w.conn().execute("UPDATE statements SET status = 'submitted'", [])?;
                Ok(statement)
            })
            .expect("write");
        drop(old);

        let mut upgraded = open(&path).expect("upgrade");
        assert!(upgraded.frozen(statement).expect("frozen").is_some());
        upgraded.write(|w| w.set_fact(&key, "50", None, None)).expect("new figure");
        let today = "2026-12-01".parse().expect("date");
        let assembled = upgraded.assemble(statement, today).expect("assemble");
        assert_eq!(assembled.items[0].body, "We are 45 organisations.");
        // Signatories from before consent was kept stay printed.
        let names: Vec<&str> = assembled.signatories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Red Regional"]);
        assert!(assembled.warnings.is_empty(), "{:?}", assembled.warnings);
    }

    /// Translations linked before sources were recorded take the group's oldest section as
    /// their source, at its version then, so later changes to it flag them.
    #[test]
    fn upgrading_gives_linked_translations_their_oldest_section_as_source() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("library.sqlite3");
        let mut old = open_with(&path, &migrations::STEPS[..6], Create::Yes).expect("old format");
        let section = |title: &str, lang: &str| crate::NewSection {
            title: title.into(),
            body: "Text.".into(),
            kind: plenary_core::kind::Kind::parse("about").expect("kind"),
            lang: lang.parse().expect("language"),
            tags: Vec::new(),
            status: plenary_core::status::SectionStatus::Draft,
            owner: None,
            review_due: None,
            author: "a".into(),
            note: None,
        };
        let (english, spanish) = old
            .write(|w| {
                let english = w.add_section(section("Who we are", "en"))?;
                let spanish = w.add_section(section("Quiénes somos", "es"))?;
                w.conn().execute(
                    "UPDATE sections SET translation_group = '8d1f3c1e-51a2-4c1b-9a55-0d8f4f6b2a10'",
                    [],
                )?;
                Ok((english, spanish))
            })
            .expect("write");
        drop(old);

        let upgraded = open(&path).expect("upgrade");
        let source = upgraded.translation_source(spanish).expect("source").expect("a translation");
        assert_eq!((source.source, source.made_from), (english, 1));
        assert!(upgraded.translation_source(english).expect("source").is_none());
    }

    #[test]
    fn a_step_that_fails_is_named_and_nothing_of_it_stays() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("library.sqlite3");
        open_with(&path, &migrations::STEPS[..1], Create::Yes).expect("version 1");
        let mut broken: Vec<&str> = migrations::STEPS[..2].to_vec();
        broken.push("CREATE TABLE half_done (x); THIS IS NOT SQL;");
        let error = open_with(&path, &broken, Create::No).expect_err("step 3 fails");
        assert!(matches!(error, StoreError::Migration { step: 3, .. }), "{error:?}");
        let conn = Connection::open(&path).expect("raw");
        let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0)).expect("version");
        assert_eq!(version, 1, "the whole upgrade rolled back");
        let half: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'", [], |row| row.get(0))
            .expect("schema");
        assert_eq!(half, 0);
    }
}
