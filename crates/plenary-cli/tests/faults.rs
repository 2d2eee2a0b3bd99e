//! The fault matrix, through the `plenary` command: for each way a library file can be wrong
//! (read-only, locked, disk full, truncated, damaged, not a database, empty, a folder, from a newer
//! Plenary, another program's), a read and a write each exit 1 with one line that names the file,
//! and the file's bytes are as they were.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// A library with a few sections, closed (its WAL folded in), in a folder of its own.
fn library_with_sections(folder: &Path) -> PathBuf {
    let path = folder.join("library.sqlite3");
    run(&path, &["init"]).expect("init");
    for n in 0..3 {
        let body = format!("Paragraph {n} on protection and rights. ").repeat(200);
        run(
            &path,
            &["section", "add", "--title", &format!("Section {n}"), "--kind", "about", "--body", &body],
        )
        .expect("add");
    }
    path
}

fn command(path: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plenary"));
    command.arg("--db").arg(path).args(args).env_remove("PLENARY_DB").env("PLENARY_AUTHOR", "tester");
    command
}

/// Runs `plenary --db PATH ARGS`: stdout on success, stderr on failure.
fn run(path: &Path, args: &[&str]) -> Result<String, (Option<i32>, String)> {
    outcome(command(path, args).output().expect("run plenary"))
}

fn outcome(output: std::process::Output) -> Result<String, (Option<i32>, String)> {
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err((output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned()))
    }
}

const READ: &[&str] = &["section", "list"];
const WRITE: &[&str] = &["section", "add", "--title", "New", "--kind", "about", "--body", "New text."];

/// Every file in `folder` with its size and a hash of its bytes (a folder as `None`), sorted.
fn snapshot(folder: &Path) -> Vec<(String, Option<(usize, u64)>)> {
    use std::hash::{Hash, Hasher};
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("list")
        .map(|entry| {
            let entry = entry.expect("entry");
            let digest = if entry.path().is_dir() {
                None
            } else {
                std::fs::read(entry.path()).ok().map(|bytes| {
                    let mut hasher = std::collections::hash_map::DefaultHasher::new();
                    bytes.hash(&mut hasher);
                    (bytes.len(), hasher.finish())
                })
            };
            (entry.file_name().to_string_lossy().into_owned(), digest)
        })
        .collect();
    files.sort();
    files
}

/// Runs a read and a write on `path` with `prepare` applied to each command; both must fail
/// with exit 1 and one line naming the file and containing `expected`, leaving the folder
/// exactly as it was.
fn assert_refused(case: &str, path: &Path, expected: &str, prepare: impl Fn(Command) -> Command) {
    let folder = path.parent().expect("folder");
    let before = snapshot(folder);
    for args in [READ, WRITE] {
        let output = prepare(command(path, args)).output().expect("run plenary");
        let (code, stderr) = outcome(output).expect_err(case);
        assert_eq!(code, Some(1), "{case} {args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{case}: one line: {stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(&path.display().to_string()),
            "{case}: names the file: {stderr}"
        );
        assert!(stderr.contains(expected), "{case}: says '{expected}': {stderr}");
        assert_eq!(snapshot(folder), before, "{case} {args:?}: the files are as they were");
    }
}

fn same(command: Command) -> Command {
    command
}

/// A way of damaging a file's bytes, and a word the error must say.
type Damage = (&'static str, fn(&mut Vec<u8>), &'static str);

#[test]
fn damaged_files_are_refused_and_left_as_they_were() {
    let cases: [Damage; 4] = [
        ("truncated", |bytes| bytes.truncate(bytes.len() / 2), "damaged"),
        (
            "flipped bytes",
            |bytes| {
                let middle = (bytes.len() / 4096 / 2) * 4096;
                bytes[middle..middle + 256].iter_mut().for_each(|b| *b ^= 0xFF);
            },
            "damaged",
        ),
        ("garbage header", |bytes| bytes[..100].fill(0x5A), "not a database"),
        ("empty", Vec::clear, "empty"),
    ];
    for (case, damage, expected) in cases {
        let folder = TempDir::new().expect("folder");
        let path = library_with_sections(folder.path());
        let mut bytes = std::fs::read(&path).expect("bytes");
        damage(&mut bytes);
        std::fs::write(&path, &bytes).expect("damage");
        assert_refused(case, &path, expected, same);
    }
}

#[test]
fn files_that_are_not_plenary_libraries_are_refused_and_left_as_they_were() {
    let folder = TempDir::new().expect("folder");
    let foreign = folder.path().join("customers.db");
    {
        let conn = rusqlite::Connection::open(&foreign).expect("sqlite");
        conn.execute_batch("PRAGMA user_version = 1; CREATE TABLE customers (id, name);").expect("schema");
    }
    assert_refused("foreign", &foreign, "is not a Plenary library", same);

    let folder = TempDir::new().expect("folder");
    let newer = library_with_sections(folder.path());
    let mut bytes = std::fs::read(&newer).expect("bytes");
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&newer, bytes).expect("write");
    assert_refused("newer", &newer, "newer Plenary", same);

    let folder = TempDir::new().expect("folder");
    let directory = folder.path().join("library.sqlite3");
    std::fs::create_dir(&directory).expect("folder");
    assert_refused("folder", &directory, "it is a folder", same);
}

#[test]
fn a_library_locked_by_another_writer_is_refused_for_writing_only() {
    let folder = TempDir::new().expect("folder");
    let path = library_with_sections(folder.path());
    let mut other = rusqlite::Connection::open(&path).expect("second connection");
    let holding = other.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).expect("lock");
    let before = std::fs::read(&path).expect("bytes");
    assert_eq!(run(&path, READ).expect("reading goes on").lines().count(), 3);
    let (code, stderr) = run(&path, WRITE).expect_err("locked");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("is locked by another program") && stderr.contains(&path.display().to_string()),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
    drop(holding);
    run(&path, WRITE).expect("free again");
}

#[cfg(unix)]
#[test]
fn read_only_files_and_folders_are_refused_and_left_as_they_were() {
    use std::os::unix::fs::PermissionsExt;
    let folder = TempDir::new().expect("folder");
    let path = library_with_sections(folder.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod file");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o777)).expect("chmod folder");
    assert_refused("read-only file", &path, "cannot be written", |command| {
        common::as_unprivileged_user(command)
    });

    let folder = TempDir::new().expect("folder");
    let path = library_with_sections(folder.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).expect("chmod file");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod folder");
    assert_refused("read-only folder", &path, "cannot", common::as_unprivileged_user);
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).expect("restore");

    let folder = TempDir::new().expect("folder");
    let path = library_with_sections(folder.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod file");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o777)).expect("chmod folder");
    assert_refused("unreadable file", &path, "permission", common::as_unprivileged_user);
}

/// A full disk: the library on a 2 MB tmpfs filled to the last byte. Mounting needs root, or a
/// user namespace (`unshare`) where root is not available.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_reported_and_loses_nothing() {
    let folder = TempDir::new().expect("folder");
    let disk = folder.path().join("disk");
    std::fs::create_dir(&disk).expect("mount point");
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"]).arg(&disk).status();
    assert!(
        mounted.is_ok_and(|status| status.success()),
        "mounting a small tmpfs needs root (CI runs as root); run this test as root"
    );
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(&disk);
    let path = disk.join("library.sqlite3");
    run(&path, &["init"]).expect("init");
    run(
        &path,
        &["section", "add", "--title", "Kept", "--kind", "about", "--body", "Saved before the disk filled."],
    )
    .expect("add");
    let filler = disk.join("filler");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let block = vec![0u8; 64 * 1024];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    let _ = std::io::Write::write_all(&mut file, &[0u8; 1]);
    drop(file);

    let before = std::fs::read(&path).expect("bytes");
    let big = "Text that needs pages the disk no longer has. ".repeat(2000);
    let (code, stderr) =
        run(&path, &["section", "add", "--title", "Lost", "--kind", "about", "--body", &big])
            .expect_err("disk full");
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&path.display().to_string()) && stderr.contains("disk"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("bytes"), before, "the library file is as it was");

    std::fs::remove_file(&filler).expect("free space");
    let titles = run(&path, READ).expect("the library reads");
    assert!(titles.contains("Kept") && !titles.contains("Lost"), "{titles}");
    run(&path, &["section", "add", "--title", "After", "--kind", "about", "--body", &big])
        .expect("room again");
    assert!(run(&path, &["check"]).expect("check").starts_with("ok:"));
}
