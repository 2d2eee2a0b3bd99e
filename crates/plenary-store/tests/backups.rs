//! Automatic backups, damage found at open, and restoring: real library files, real damage.

mod common;

use std::path::{Path, PathBuf};

use common::{library, section};
use plenary_store::{BackupKind, SectionFilter, Store, StoreError, backup_folder, list_backups, restore};

fn titles(store: &Store) -> Vec<String> {
    store.sections(&SectionFilter::default()).expect("list").into_iter().map(|s| s.title).collect()
}

/// A library with `n` sections of some length, closed and folded into one file (no WAL).
fn filled_library(n: usize) -> (tempfile::TempDir, PathBuf) {
    let (folder, mut store) = library();
    store
        .write(|w| {
            for i in 0..n {
                let body = format!("Paragraph {i} about migration, protection and rights. ").repeat(20);
                w.add_section(section(&format!("Section {i}"), &body))?;
            }
            Ok(())
        })
        .expect("add");
    let path = store.path().to_owned();
    drop(store);
    fold_wal(&path);
    (folder, path)
}

fn fold_wal(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("raw");
    conn.pragma_update(None, "journal_mode", "DELETE").expect("checkpoint");
}

/// Flips 256 bytes at the start of a page in the middle of the file (its header and cell
/// pointers), as a failing disk would.
fn damage(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).expect("bytes");
    let page = 4096;
    let middle = (bytes.len() / page / 2) * page;
    for byte in &mut bytes[middle..middle + 256] {
        *byte ^= 0xFF;
    }
    std::fs::write(path, &bytes).expect("damage");
    bytes
}

#[test]
fn the_first_change_of_each_day_is_backed_up_once() {
    let (_folder, path) = filled_library(3);
    assert!(list_backups(&path).expect("list").is_empty(), "a new library's first change needs no backup");

    // The next process to change the library makes the day's backup first, then the change.
    let mut store = Store::open(&path).expect("open");
    store.write(|w| w.add_section(section("Fourth", "After the backup."))).expect("add");
    store.write(|w| w.add_section(section("Fifth", "Same day."))).expect("add");
    drop(store);
    let mut again = Store::open(&path).expect("open again");
    again.write(|w| w.add_section(section("Sixth", "Same day, another process."))).expect("add");

    let backups = list_backups(&path).expect("list");
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].kind, BackupKind::Daily);
    let copy = Store::open_read_only(&backups[0].path).expect("the backup opens");
    assert_eq!(titles(&copy).len(), 3, "the backup holds the library before the day's first change");
    assert!(copy.check().expect("check").is_sound());
}

#[test]
fn a_backup_of_another_kind_does_not_stand_for_the_days_backup() {
    let (_folder, path) = filled_library(3);
    let mut store = Store::open(&path).expect("open");
    store.backup_before("import").expect("a backup before an import");
    store.write(|w| w.add_section(section("Fourth", "The day's first change."))).expect("add");
    let kinds: Vec<BackupKind> = list_backups(&path).expect("list").into_iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BackupKind::Daily), "the day's backup is made all the same: {kinds:?}");
    let mut described: Vec<String> = kinds.iter().map(BackupKind::describe).collect();
    described.sort();
    assert_eq!(described, ["before import", "daily"], "as the list of backups words them");
}

#[test]
fn damage_is_found_when_the_library_is_opened_and_nothing_is_written() {
    let (_folder, path) = filled_library(200);
    let damaged = damage(&path);
    let error = Store::open(&path).expect_err("damaged");
    assert!(matches!(error, StoreError::Damaged { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("library.sqlite3") && message.contains("plenary restore"), "{message}");
    assert_eq!(std::fs::read(&path).expect("bytes"), damaged, "the damaged file was left as it was");
    assert!(!path.with_file_name("library.sqlite3-wal").exists());
}

#[test]
fn restore_puts_back_the_newest_good_backup_and_keeps_the_damaged_file() {
    let (_folder, path) = filled_library(200);
    let mut store = Store::open(&path).expect("open");
    store.write(|w| w.add_section(section("After the backup", "Lost with the damage."))).expect("add");
    let older = store.backup_before("import").expect("a second backup");
    drop(store);
    fold_wal(&path);
    // The newest backup is itself damaged: restore skips it for the one before.
    let newest = list_backups(&path).expect("list")[0].path.clone();
    assert_eq!(newest, older);
    damage(&newest);
    let damaged = damage(&path);

    let restored = restore(&path, None).expect("restore");
    assert_eq!(
        restored.from,
        list_backups(&path)
            .expect("list")
            .iter()
            .find(|b| b.kind == BackupKind::Daily)
            .map(|b| b.path.clone())
            .expect("daily")
    );
    let aside = restored.previous.expect("the damaged file is kept");
    assert_eq!(std::fs::read(&aside).expect("aside"), damaged);
    assert!(
        list_backups(&path).expect("list").iter().any(|b| b.kind == BackupKind::Damaged && b.path == aside)
    );

    let store = Store::open(&path).expect("the restored library opens");
    assert_eq!(titles(&store).len(), 200);
    // Damaged files are never offered again.
    drop(store);
    let again = restore(&path, None).expect("restore again");
    assert_eq!(again.from, restored.from);
}

#[test]
fn restoring_over_a_sound_library_backs_it_up_first_and_waits_for_it_to_be_closed() {
    let (_folder, path) = filled_library(2);
    let backup = {
        let store = Store::open(&path).expect("open");
        let backup = store.backup_before("import").expect("backup");
        let mut store = store;
        store.write(|w| w.add_section(section("Newer", "Made after the backup."))).expect("add");
        backup
    };
    // Open elsewhere (the app): nothing is replaced.
    let app = Store::open(&path).expect("open in the app");
    let error = restore(&path, Some(&backup)).expect_err("open elsewhere");
    assert!(matches!(error, StoreError::Locked { .. }), "{error:?}");
    assert_eq!(titles(&app).len(), 3, "the library was not replaced");
    drop(app);

    let restored = restore(&path, Some(&backup)).expect("restore");
    let previous = restored.previous.expect("the replaced library was backed up");
    assert!(previous.file_name().is_some_and(|n| n.to_string_lossy().contains("-before-restore-")));
    assert_eq!(titles(&Store::open(&path).expect("restored")).len(), 2);
    assert_eq!(titles(&Store::open_read_only(&previous).expect("previous")).len(), 3);
}

#[test]
fn a_restore_without_a_good_backup_changes_nothing() {
    let (_folder, path) = filled_library(1);
    let before = std::fs::read(&path).expect("bytes");
    let error = restore(&path, None).expect_err("no backups");
    assert!(error.to_string().contains("no good backup"), "{error}");
    let not_a_library = path.with_file_name("notes.sqlite3");
    rusqlite::Connection::open(&not_a_library)
        .and_then(|c| c.execute_batch("CREATE TABLE t(x)"))
        .expect("foreign");
    let error = restore(&path, Some(&not_a_library)).expect_err("foreign backup");
    assert!(matches!(error, StoreError::NotALibrary { .. }), "{error:?}");
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
}

#[test]
fn a_backup_in_wal_mode_is_restored_with_what_its_wal_holds() {
    let (_folder, path) = filled_library(1);
    let other = path.with_file_name("copy.sqlite3");
    let mut copy = Store::open(&other).expect("a library in WAL mode");
    copy.write(|w| w.add_section(section("Only in the WAL", "Not yet checkpointed."))).expect("add");
    let wal = path.with_file_name("copy.sqlite3-wal");
    assert!(wal.metadata().is_ok_and(|m| m.len() > 0), "the change is still in the WAL");
    restore(&path, Some(&other)).expect("restore");
    drop(copy);
    let restored = Store::open(&path).expect("restored");
    assert_eq!(titles(&restored), ["Only in the WAL"]);
}

#[test]
fn a_backups_folder_that_cannot_be_read_is_an_error_not_an_empty_list() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("library.sqlite3");
    assert!(list_backups(&path).expect("no backups folder yet").is_empty());
    let backups = backup_folder(&path);
    std::fs::write(&backups, b"a file where the folder should be").expect("write");
    let error = list_backups(&path).expect_err("not a folder");
    assert!(matches!(error, StoreError::Io { .. }), "{error:?}");
    assert!(error.to_string().contains(&backups.display().to_string()), "{error}");
}
