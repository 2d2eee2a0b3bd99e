//! The Backups screen, and the offer to restore when the library is damaged at start.

use std::path::PathBuf;

use plenary_store::{BackupFile, BackupKind, default_backup_path, list_backups};
use serde::Serialize;
use tauri::State;

use crate::error::{Code, CommandError, CommandResult};
use crate::state::AppState;

/// The library file, and why it could not be opened (while it waits for a restore).
#[derive(Debug, Serialize)]
pub(crate) struct LibraryStatus {
    path: String,
    problem: Option<String>,
}

/// A line of the backups list.
#[derive(Debug, Serialize)]
pub(crate) struct BackupRow {
    /// The file's name in the backups folder: how the window names a backup to restore.
    name: String,
    /// Why it was made: `manual`, `daily`, `before` (a bulk change), `before_upgrade`, `damaged`
    /// (a damaged library set aside); the window words it.
    kind: &'static str,
    /// The change it was made before (`import`, `bundle-import`…), or the format it was upgraded from.
    detail: Option<String>,
    /// Whether it can be restored (a damaged library set aside cannot).
    restorable: bool,
    /// When it was made (UTC, RFC 3339).
    taken: String,
    bytes: u64,
}

impl From<&BackupFile> for BackupRow {
    fn from(backup: &BackupFile) -> Self {
        Self {
            name: backup.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            kind: match backup.kind {
                BackupKind::Manual => "manual",
                BackupKind::Daily => "daily",
                BackupKind::Before(_) => "before",
                BackupKind::BeforeUpgrade(_) => "before_upgrade",
                BackupKind::Damaged => "damaged",
            },
            detail: match &backup.kind {
                BackupKind::Before(change) => Some(change.clone()),
                BackupKind::BeforeUpgrade(version) => Some(version.to_string()),
                _ => None,
            },
            restorable: backup.kind != BackupKind::Damaged,
            taken: backup.taken.to_string(),
            bytes: backup.bytes,
        }
    }
}

/// What the integrity check found: no problems means no damage.
#[derive(Debug, Serialize)]
pub(crate) struct CheckView {
    /// Each as `{case, params}`, worded by the window (`check.problem.<case>`).
    problems: Vec<plenary_store::Problem>,
    sections: usize,
    statements: usize,
}

/// What a restore did.
#[derive(Debug, Serialize)]
pub(crate) struct RestoredView {
    /// The backup now in the library's place.
    from: String,
    /// Where the library it replaced was kept.
    previous: Option<String>,
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn library_status(state: State<'_, AppState>) -> CommandResult<LibraryStatus> {
    Ok(LibraryStatus { path: state.settings.path.display().to_string(), problem: state.problem() })
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_library_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupRow>> {
    Ok(list_backups(&state.settings.path)?.iter().map(BackupRow::from).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn back_up_now(state: State<'_, AppState>) -> CommandResult<BackupRow> {
    let store = state.store()?;
    let target = default_backup_path(store.path());
    store.backup_to(&target)?;
    let made = list_backups(store.path())?.into_iter().find(|backup| backup.path == target);
    made.as_ref()
        .map(BackupRow::from)
        .ok_or_else(|| CommandError::new(Code::File, format!("{} was not written", target.display())))
}

/// Restores the backup named `name` (from the list), or the newest good one.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn restore_library_backup(
    state: State<'_, AppState>,
    name: Option<String>,
) -> CommandResult<RestoredView> {
    // Only a backup the list shows: the window cannot name any other file.
    let backup: Option<PathBuf> = match name {
        Some(name) => Some(
            list_backups(&state.settings.path)?
                .into_iter()
                .find(|backup| backup.path.file_name().is_some_and(|n| n.to_string_lossy() == name))
                .map(|backup| backup.path)
                .ok_or_else(|| CommandError::new(Code::NotFound, format!("no backup named {name}")))?,
        ),
        None => None,
    };
    let restored = state.replace_library(|library| plenary_store::restore(library, backup.as_deref()))?;
    Ok(RestoredView {
        from: restored.from.display().to_string(),
        previous: restored.previous.map(|path| path.display().to_string()),
    })
}

/// Checks every page, index and reference of the library, as `plenary check` does.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn check_library(state: State<'_, AppState>) -> CommandResult<CheckView> {
    let report = state.store()?.check()?;
    Ok(CheckView { problems: report.problems, sections: report.sections, statements: report.statements })
}
