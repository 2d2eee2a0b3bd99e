//! The window's commands, one module per screen. Each converts its arguments, makes one call
//! into the core crates and converts the result; none holds logic of its own.

pub(crate) mod backups;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod library;
pub(crate) mod sections;
pub(crate) mod share;
pub(crate) mod statements;
pub(crate) mod translations;
pub(crate) mod window;

use std::path::PathBuf;

use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// Asks for a file to open with the native dialog, offering `extensions` under `label`
/// (`$PLENARY_OPEN_FILE` answers instead in scripted runs). `None` when cancelled.
fn pick_file<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    state: &AppState,
    label: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(file) = &state.settings.open_file {
        return Some(file.clone());
    }
    app.dialog()
        .file()
        .add_filter(label, extensions)
        .blocking_pick_file()
        .and_then(|file| file.into_path().ok())
}
