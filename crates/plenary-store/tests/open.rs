//! Opening library files: new, empty, newer, foreign, damaged; backups and checks.

mod common;

use common::{library, section};
use plenary_store::{Problem, SCHEMA_VERSION, SectionFilter, Store, StoreError, default_backup_path};

#[test]
fn a_new_file_and_its_folder_are_created_and_migrated() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("nested/deeper/library.sqlite3");
    let store = Store::open(&path).expect("create");
    assert!(path.exists());
    assert_eq!(store.kinds().expect("kinds").len(), 7);
    assert!(store.check().expect("check").is_sound());
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).expect("version");
    assert_eq!(version as usize, SCHEMA_VERSION);
    let mode: String = conn.pragma_query_value(None, "journal_mode", |row| row.get(0)).expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn an_empty_file_becomes_a_library() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("empty.sqlite3");
    std::fs::write(&path, b"").expect("empty file");
    let mut store = Store::open(&path).expect("open empty file");
    store.write(|w| w.add_section(section("A", "b"))).expect("write");
}

#[test]
fn a_library_from_a_newer_plenary_is_refused_untouched() {
    let (folder, store) = library();
    let path = store.path().to_owned();
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    conn.pragma_update(None, "user_version", 99).expect("pretend newer");
    drop(conn);
    let before = std::fs::read(&path).expect("bytes");
    let error = Store::open(&path).expect_err("newer schema");
    assert!(matches!(error, StoreError::NewerSchema { found: 99, .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("newer Plenary") && message.contains("update Plenary"), "{message}");
    assert_eq!(std::fs::read(&path).expect("bytes"), before, "the file was not changed");
    assert!(!folder.path().join("backups").exists());
}

/// The files in `folder`, by name.
fn file_names(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let cases = [
        ("tables", "CREATE TABLE invoices (n INTEGER);"),
        ("a version and tables", "PRAGMA user_version = 1; CREATE TABLE customers (id, name);"),
        ("only a version", "PRAGMA user_version = 4;"),
        ("another application id", "PRAGMA application_id = 42;"),
        ("a view", "CREATE VIEW v AS SELECT 1;"),
    ];
    for (case, sql) in cases {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("other.sqlite3");
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute_batch(sql).expect(case);
        drop(conn);
        let before = std::fs::read(&path).expect("bytes");
        for open in [Store::open, Store::open_read_only] {
            let error = open(&path).expect_err(case);
            assert_eq!(error.to_string(), format!("{} is not a Plenary library", path.display()), "{case}");
        }
        assert_eq!(std::fs::read(&path).expect("bytes"), before, "{case}: the file was not changed");
        assert_eq!(file_names(folder.path()), ["other.sqlite3"], "{case}: no WAL, no backups");
    }
}

#[test]
fn a_library_from_a_newer_plenary_in_rollback_mode_is_not_switched_to_wal() {
    let (folder, store) = library();
    let path = store.path().to_owned();
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0)).expect("mode");
    assert_eq!(mode, "delete");
    conn.pragma_update(None, "user_version", 99).expect("pretend newer");
    drop(conn);
    let before = std::fs::read(&path).expect("bytes");
    assert_eq!(&before[18..20], [1, 1], "rollback journal in the header");
    for open in [Store::open, Store::open_read_only] {
        let error = open(&path).expect_err("newer schema");
        assert!(matches!(error, StoreError::NewerSchema { found: 99, .. }), "{error:?}");
    }
    assert_eq!(std::fs::read(&path).expect("bytes"), before, "the file was not changed");
    assert_eq!(file_names(folder.path()), ["library.sqlite3"]);
}

#[test]
fn a_new_library_opened_by_several_at_once_is_created_once() {
    for _ in 0..10 {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("library.sqlite3");
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|scope| {
            let openers: Vec<_> = (0..4)
                .map(|n| {
                    let (path, start) = (&path, &start);
                    scope.spawn(move || {
                        start.wait();
                        let mut store = Store::open(path)?;
                        store.write(|w| w.add_section(section(&format!("From {n}"), "b")))
                    })
                })
                .collect();
            for opener in openers {
                opener.join().expect("no panic").expect("every opener creates or finds the library");
            }
        });
        let store = Store::open(&path).expect("reopen");
        assert_eq!(store.sections(&SectionFilter::default()).expect("sections").len(), 4);
        assert!(store.check().expect("check").is_sound());
    }
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_damaged() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("notes.sqlite3");
    std::fs::write(&path, "These are my meeting notes, not a database. ".repeat(200)).expect("write");
    let error = Store::open(&path).expect_err("garbage");
    assert!(matches!(error, StoreError::Damaged { .. }), "{error:?}");
    assert!(error.to_string().contains("is damaged or is not a database"), "{error}");
    assert!(std::fs::read_to_string(&path).expect("still there").starts_with("These are my meeting notes"));
}

#[test]
fn damage_inside_a_library_is_found_by_the_check() {
    let (_folder, mut store) = library();
    for n in 0..200 {
        let body = format!("Paragraph {n} about migration, protection and rights. ").repeat(20);
        store.write(|w| w.add_section(section(&format!("Section {n}"), &body))).expect("add");
    }
    let path = store.path().to_owned();
    drop(store);
    // Fold the WAL into the file, then overwrite a page in the middle of it.
    let conn = rusqlite::Connection::open(&path).expect("raw");
    conn.pragma_update(None, "journal_mode", "DELETE").expect("checkpoint");
    drop(conn);
    let mut bytes = std::fs::read(&path).expect("bytes");
    let page = 4096;
    let middle = (bytes.len() / page / 2) * page;
    bytes[middle..middle + page].fill(0xA5);
    std::fs::write(&path, bytes).expect("damage");

    let outcome = Store::open(&path).and_then(|store| store.check());
    match outcome {
        Ok(report) => assert!(!report.is_sound(), "the damage went unnoticed"),
        Err(error) => assert!(matches!(error, StoreError::Damaged { .. }), "{error:?}"),
    }
}

#[test]
fn a_backup_is_a_complete_consistent_copy() {
    let (_folder, mut store) = library();
    store.write(|w| w.add_section(section("Kept", "In the backup."))).expect("add");
    let target = default_backup_path(store.path());
    assert!(target.starts_with(store.path().parent().expect("folder").join("backups")));
    store.backup_to(&target).expect("backup");
    store.write(|w| w.add_section(section("Later", "Not in the backup."))).expect("add later");

    let copy = Store::open(&target).expect("open the copy");
    let titles: Vec<_> =
        copy.sections(&SectionFilter::default()).expect("list").into_iter().map(|s| s.title).collect();
    assert_eq!(titles, ["Kept"]);
    assert!(copy.check().expect("check").is_sound());
    let again = store.backup_to(&target).expect_err("never overwrite a backup");
    assert!(again.to_string().contains("already exists"), "{again}");
}

#[test]
fn a_library_locked_by_another_writer_is_reported_after_waiting() {
    let (_folder, mut store) = library();
    let mut other = rusqlite::Connection::open(store.path()).expect("second connection");
    let holding = other.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).expect("lock");
    let started = std::time::Instant::now();
    let error = store.write(|w| w.add_section(section("A", "b"))).expect_err("locked");
    assert!(matches!(error, StoreError::Locked { .. }), "{error:?}");
    assert!(error.to_string().contains("locked by another program"), "{error}");
    assert!(started.elapsed() >= std::time::Duration::from_secs(4), "it waited for the other writer first");
    drop(holding);
    store.write(|w| w.add_section(section("A", "b"))).expect("free again");
}

#[test]
fn a_folder_named_as_the_library_is_reported_as_a_folder() {
    let folder = tempfile::tempdir().expect("folder");
    let error = Store::open(folder.path()).expect_err("a folder is no library");
    assert!(matches!(error, StoreError::CannotOpen { .. }), "{error:?}");
    assert!(error.to_string().contains("it is a folder, not a library file"), "{error}");
    assert_eq!(std::fs::read_dir(folder.path()).expect("listed").count(), 0, "nothing written into it");
}

#[test]
fn a_row_naming_a_missing_record_is_a_problem_with_its_table_and_row() {
    let (_folder, mut store) = library();
    store.write(|w| w.add_section(section("Children", "We oppose detention."))).expect("add");
    assert!(store.check().expect("check").is_sound());
    let path = store.path().to_owned();
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    conn.pragma_update(None, "foreign_keys", false).expect("off");
    conn.execute("UPDATE sections SET kind = 'vanished'", []).expect("break the reference");
    drop(conn);

    let report = Store::open(&path).expect("open").check().expect("check");
    let problem = Problem::MissingReference { table: "sections".into(), row: 1, missing: "kinds".into() };
    assert_eq!(report.problems, std::slice::from_ref(&problem));
    assert_eq!(problem.to_string(), "sections row 1 refers to a missing kinds");
    assert_eq!(
        serde_json::to_value(&problem).expect("json"),
        serde_json::json!({"case": "missingReference", "params": {"table": "sections", "row": 1, "missing": "kinds"}}),
        "the shape the window words"
    );
}

#[test]
fn an_empty_file_is_not_made_a_library_where_only_an_existing_one_may_open() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("empty.sqlite3");
    std::fs::write(&path, b"").expect("empty file");
    let error = Store::open_existing(&path).expect_err("refused");
    assert!(matches!(error, StoreError::EmptyFile { .. }), "{error:?}");
    assert_eq!(std::fs::metadata(&path).expect("still there").len(), 0, "left empty");
}

#[test]
fn a_missing_file_is_named_missing_where_only_an_existing_library_may_open() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("typo.sqlite3");
    let error = Store::open_existing(&path).expect_err("nothing to open");
    assert!(matches!(error, StoreError::Missing { .. }), "{error:?}");
    assert!(!path.exists(), "nothing created");
}
