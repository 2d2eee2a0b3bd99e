//! What the window's commands share: the open library, who is typing, and where templates and
//! (for scripted runs) exports go.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use plenary_core::date::Date;
use plenary_render::TemplateSet;
use plenary_store::{Store, default_database_path, default_templates_path};

use crate::error::{Code, CommandError, CommandResult};

/// The app's shared state, managed by Tauri.
pub(crate) struct AppState {
    store: Mutex<Store>,
    /// Who is making changes: `$PLENARY_AUTHOR`, else the login name.
    pub(crate) author: String,
    /// The user's template folder, if any.
    templates_folder: Option<PathBuf>,
    /// `$PLENARY_EXPORT_DIR`: write exports here without asking and without opening them
    /// (scripted runs and the end-to-end tests, which cannot click a native dialog).
    pub(crate) export_dir: Option<PathBuf>,
    /// When the process started, for the start-up figure.
    pub(crate) started: Instant,
}

impl AppState {
    /// Opens the library named by `$PLENARY_DB`, else the default file shared with `plenary`.
    /// A library that does not exist yet is created with the demo content, so the first window
    /// already has something to search and compose.
    pub(crate) fn open(started: Instant) -> Result<AppState, String> {
        let path = std::env::var_os("PLENARY_DB").map(PathBuf::from).or_else(default_database_path).ok_or(
            "this system reports no app-data folder; name the library file in $PLENARY_DB".to_owned(),
        )?;
        let author = author();
        let is_new = !path.exists();
        let mut store = Store::open(&path).map_err(|error| error.to_string())?;
        if is_new {
            store.write(|w| w.add_demo_library(&author)).map_err(|error| error.to_string())?;
        }
        Ok(AppState {
            store: Mutex::new(store),
            author,
            templates_folder: std::env::var_os("PLENARY_TEMPLATES")
                .map(PathBuf::from)
                .or_else(default_templates_path),
            export_dir: std::env::var_os("PLENARY_EXPORT_DIR").map(PathBuf::from),
            started,
        })
    }

    /// The library, for one command. A command that panicked while holding it leaves the
    /// connection usable (every change is its own transaction), so a poisoned lock is taken over.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The templates: built in, overlaid by the user's folder. Read on each use, so a template
    /// edited on disk shows in the next preview.
    pub(crate) fn templates(&self) -> CommandResult<TemplateSet> {
        Ok(match &self.templates_folder {
            Some(folder) => TemplateSet::with_user_folder(folder)?,
            None => TemplateSet::builtin(),
        })
    }
}

/// The window title: the app and the library file's name.
pub(crate) fn window_title(state: &AppState) -> String {
    let store = state.store();
    let name = store.path().file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    format!("Plenary — {name}")
}

/// Today in the local time zone, or `$PLENARY_TODAY` (YYYY-MM-DD) for reproducible runs.
pub(crate) fn today() -> CommandResult<Date> {
    match std::env::var("PLENARY_TODAY") {
        Ok(text) => plenary_core::date::parse_date("$PLENARY_TODAY", &text).map_err(CommandError::from),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
    }
}

fn author() -> String {
    ["PLENARY_AUTHOR", "USER", "USERNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// An error for a file the user picked that could not be read.
pub(crate) fn file_error(path: &std::path::Path, error: std::io::Error) -> CommandError {
    CommandError::new(Code::File, format!("cannot read {}: {error}", path.display()))
}
