//! Consistent, verified copies of the library with SQLite's online backup: on request, before
//! the first change of each day, before bulk changes and before every migration; and the list of
//! them, thinned out by age (daily for a week, weekly for two months).

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use rusqlite::Connection;
use rusqlite::backup::Backup;

use crate::Store;
use crate::error::{StoreError, StoreResult};
use crate::refusal::Refusal;

/// `<library folder>/backups/library-<UTC time>.sqlite3` for the library at `library`.
pub fn default_backup_path(library: &Path) -> PathBuf {
    backup_folder(library).join(format!("{}-{}.sqlite3", stem(library), file_time()))
}

/// What a file in the backups folder is, from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupKind {
    /// Made on request (`plenary backup`).
    Manual,
    /// Made before the first change of a day.
    Daily,
    /// Made before a bulk change: an import, a restore.
    Before(String),
    /// Made before the library was upgraded from this format version.
    BeforeUpgrade(usize),
    /// A damaged library moved aside by a restore: kept, never restored from.
    Damaged,
}

impl BackupKind {
    /// Whether Plenary made it on its own, so that it is thinned out by age.
    fn is_automatic(&self) -> bool {
        matches!(self, BackupKind::Daily | BackupKind::Before(_))
    }

    /// In words, for lists.
    pub fn describe(&self) -> String {
        match self {
            BackupKind::Manual => "made on request".to_owned(),
            BackupKind::Daily => "daily".to_owned(),
            BackupKind::Before(change) => format!("before {change}"),
            BackupKind::BeforeUpgrade(version) => format!("before upgrading from format {version}"),
            BackupKind::Damaged => "damaged library set aside".to_owned(),
        }
    }
}

/// A backup in the library's backups folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    /// The file.
    pub path: PathBuf,
    /// Why it was made.
    pub kind: BackupKind,
    /// When.
    pub taken: Timestamp,
    /// Its size.
    pub bytes: u64,
}

/// The backups of the library at `library`, newest first (none when it has no backups folder).
/// Works without opening the library, which may be damaged.
pub fn list_backups(library: &Path) -> StoreResult<Vec<BackupFile>> {
    let folder = backup_folder(library);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: folder, source }),
    };
    let prefix = format!("{}-", stem(library));
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| StoreError::Io { path: folder.clone(), source })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((kind, taken)) =
            name.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".sqlite3")).and_then(parse_name)
        else {
            continue;
        };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        backups.push(BackupFile { path: entry.path(), kind, taken, bytes });
    }
    backups.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.path.cmp(&a.path)));
    Ok(backups)
}

/// `<kind tag>-<time>` → kind and time; `None` for names Plenary did not make.
fn parse_name(rest: &str) -> Option<(BackupKind, Timestamp)> {
    const TIME: usize = "20261201T024812-345Z".len();
    let split = rest.len().checked_sub(TIME)?;
    let (tag, time) = (rest.get(..split)?.trim_end_matches('-'), rest.get(split..)?);
    let time = time.strip_suffix('Z')?.replacen('-', ".", 1);
    let taken = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S%.f", &time)
        .ok()?
        .to_zoned_datetime(TimeZone::UTC)
        .ok()?;
    let kind = match tag {
        "" => BackupKind::Manual,
        "daily" => BackupKind::Daily,
        "damaged" => BackupKind::Damaged,
        _ => match tag.strip_prefix("before-upgrade-from-v").and_then(|v| v.parse().ok()) {
            Some(version) => BackupKind::BeforeUpgrade(version),
            None => BackupKind::Before(tag.strip_prefix("before-")?.to_owned()),
        },
    };
    Some((kind, taken.timestamp()))
}

/// The automatic backups to delete at `now`: of those under a week old, all but the newest
/// daily one of each day (backups before a change are all kept); of those up to two months old,
/// all but the newest of each week; everything older.
fn thinned_out(backups: &[BackupFile], now: Timestamp, zone: &TimeZone) -> Vec<PathBuf> {
    let (week, two_months) = (now - (7 * 24).hours(), now - (61 * 24).hours());
    let mut days_kept = std::collections::HashSet::new();
    let mut weeks_kept = std::collections::HashSet::new();
    let mut newest_first: Vec<&BackupFile> = backups.iter().filter(|b| b.kind.is_automatic()).collect();
    newest_first.sort_by_key(|b| std::cmp::Reverse(b.taken));
    newest_first
        .into_iter()
        .filter(|backup| {
            let date = backup.taken.to_zoned_datetime(zone.clone()).date();
            let keep = if backup.taken >= week {
                backup.kind != BackupKind::Daily || days_kept.insert(date)
            } else if backup.taken >= two_months {
                let iso = date.iso_week_date();
                weeks_kept.insert((iso.year(), iso.week()))
            } else {
                false
            };
            !keep
        })
        .map(|backup| backup.path.clone())
        .collect()
}

impl Store {
    /// Before the first change of each day (local time), copies the library into its backups
    /// folder, verified, and thins out older automatic backups. A library with no sections and
    /// no statements is not backed up.
    pub(crate) fn daily_backup(&mut self) -> StoreResult<()> {
        let zone = TimeZone::system();
        let today = Timestamp::now().to_zoned_datetime(zone.clone()).date();
        if self.daily_backup_checked == Some(today) {
            return Ok(());
        }
        let has_content: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sections) OR EXISTS (SELECT 1 FROM statements)",
                [],
                |row| row.get(0),
            )
            .map_err(|error| StoreError::from_sqlite(error, &self.path))?;
        if has_content {
            let backups = list_backups(&self.path)?;
            let done_today = backups.iter().any(|b| {
                b.kind == BackupKind::Daily && b.taken.to_zoned_datetime(zone.clone()).date() == today
            });
            if !done_today {
                let target = backup_folder(&self.path).join(format!(
                    "{}-daily-{}.sqlite3",
                    stem(&self.path),
                    file_time()
                ));
                copy(&self.conn, &self.path, &target)?;
                for old in thinned_out(&list_backups(&self.path)?, Timestamp::now(), &zone) {
                    let _ = std::fs::remove_file(old);
                }
            }
        }
        self.daily_backup_checked = Some(today);
        Ok(())
    }

    /// Backs the library up before a bulk change (`change` names it: "import", "restore") into
    /// its backups folder; returns the copy's path.
    pub fn backup_before(&self, change: &str) -> StoreResult<PathBuf> {
        let target = before_change_path(&self.path, change);
        copy(&self.conn, &self.path, &target)?;
        Ok(target)
    }

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

/// Copies the library open on `conn` to `target` (a new file), verified in full.
pub(crate) fn copy(conn: &Connection, library: &Path, target: &Path) -> StoreResult<()> {
    let io_error = |source| StoreError::Io { path: target.to_owned(), source };
    if target.exists() {
        return Err(Refusal::FileExists { file: target.to_owned() }.into());
    }
    if let Some(folder) = target.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(io_error)?;
    }
    // Copy into a temporary name and rename, so an interrupted backup never looks complete. The
    // name is this copy's own: two processes may back up in the same millisecond.
    let partial = target.with_extension(format!("{}.partial", uuid::Uuid::new_v4().simple()));
    let result = (|| {
        let mut destination =
            Connection::open(&partial).map_err(|error| StoreError::from_sqlite(error, &partial))?;
        Backup::new(conn, &mut destination)
            .and_then(|backup| backup.run_to_completion(256, Duration::from_millis(5), None))
            .map_err(|error| StoreError::from_sqlite(error, library))?;
        // The copy is a plain rollback-journal file: one self-contained file to hand around.
        destination.pragma_update(None, "journal_mode", "DELETE").map_err(StoreError::from)?;
        // Every backup is checked in full: pages are copied as they are, so damage in the library
        // shows here, and a damaged copy must never pass for a good one.
        if let Some(problem) = first_problem(&destination, "integrity_check")
            .map_err(|error| StoreError::from_sqlite(error, library))?
        {
            return Err(StoreError::Damaged {
                path: library.to_owned(),
                detail: format!("{problem}; no backup was made"),
            });
        }
        drop(destination);
        match std::fs::rename(&partial, target) {
            // Another process made the same backup at the same moment (Windows will not rename
            // over it): theirs is as good.
            Err(_) if target.is_file() => {
                let _ = std::fs::remove_file(&partial);
                Ok(())
            }
            result => result.map_err(io_error),
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// The first problem `PRAGMA <check>` (`quick_check` or `integrity_check`) reports, if any.
pub(crate) fn first_problem(conn: &Connection, check: &str) -> rusqlite::Result<Option<String>> {
    let line: String = conn.query_row(&format!("PRAGMA {check}(1)"), [], |row| row.get(0))?;
    Ok((line != "ok").then_some(line))
}

/// Where a backup before `change` goes.
pub(crate) fn before_change_path(library: &Path, change: &str) -> PathBuf {
    backup_folder(library).join(format!("{}-before-{change}-{}.sqlite3", stem(library), file_time()))
}

/// Where a damaged library is moved by a restore.
pub(crate) fn damaged_path(library: &Path) -> PathBuf {
    backup_folder(library).join(format!("{}-damaged-{}.sqlite3", stem(library), file_time()))
}

/// The folder the backups of the library at `library` go in: `backups/` beside it.
pub fn backup_folder(library: &Path) -> PathBuf {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_say_what_and_when() {
        let parsed = |name: &str| parse_name(name).map(|(kind, taken)| (kind, taken.to_string()));
        assert_eq!(
            parsed("daily-20261201T024812-345Z"),
            Some((BackupKind::Daily, "2026-12-01T02:48:12.345Z".into()))
        );
        assert_eq!(parsed("20261201T024812-345Z").map(|p| p.0), Some(BackupKind::Manual));
        assert_eq!(
            parsed("before-import-20261201T024812-345Z").map(|p| p.0),
            Some(BackupKind::Before("import".into()))
        );
        assert_eq!(
            parsed("before-upgrade-from-v2-20261201T024812-345Z").map(|p| p.0),
            Some(BackupKind::BeforeUpgrade(2))
        );
        assert_eq!(parsed("damaged-20261201T024812-345Z").map(|p| p.0), Some(BackupKind::Damaged));
        for foreign in ["notes", "daily-yesterday", "x-20261301T024812-345Z", ""] {
            assert_eq!(parsed(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn automatic_backups_are_kept_daily_for_a_week_then_weekly_for_two_months() {
        let now: Timestamp = "2026-12-01T12:00:00Z".parse().expect("now");
        let zone = TimeZone::UTC;
        let file = |kind: BackupKind, hours_ago: i64| BackupFile {
            path: PathBuf::from(format!("{kind:?}-{hours_ago}")),
            kind,
            taken: now - hours_ago.hours(),
            bytes: 1,
        };
        let mut backups = Vec::new();
        // Two daily backups a day for 90 days, a backup before an import twice a day for the last
        // three days, and manual and upgrade backups that are never thinned out.
        for day in 0..90 {
            backups.push(file(BackupKind::Daily, day * 24));
            backups.push(file(BackupKind::Daily, day * 24 + 1));
        }
        for hours in [2, 5, 26, 30, 50] {
            backups.push(file(BackupKind::Before("import".into()), hours));
        }
        backups.push(file(BackupKind::Manual, 80 * 24));
        backups.push(file(BackupKind::BeforeUpgrade(1), 80 * 24));
        let deleted = thinned_out(&backups, now, &zone);
        let kept: Vec<&BackupFile> = backups.iter().filter(|b| !deleted.contains(&b.path)).collect();
        let within = |from: i64, to: i64| {
            kept.iter()
                .filter(|b| {
                    b.kind == BackupKind::Daily && b.taken <= now - from.hours() && b.taken > now - to.hours()
                })
                .count()
        };
        assert_eq!(within(0, 7 * 24), 7, "one a day for the last week");
        assert!(
            (8..=10).contains(&within(7 * 24, 61 * 24)),
            "one a week up to two months: {}",
            within(7 * 24, 61 * 24)
        );
        assert_eq!(within(61 * 24, 100 * 24), 0, "none older");
        assert_eq!(
            kept.iter().filter(|b| matches!(b.kind, BackupKind::Before(_))).count(),
            5,
            "all from this week"
        );
        assert!(
            kept.iter().any(|b| b.kind == BackupKind::Manual)
                && kept.iter().any(|b| b.kind == BackupKind::BeforeUpgrade(1))
        );
    }
}
