//! Where the library lives by default: the OS app-data folder, the same file the desktop app uses.

use std::path::PathBuf;

/// The app's identifier; Tauri names the app-data folder after it, so the CLI must too.
pub const APP_IDENTIFIER: &str = "org.plenary.desktop";

/// The library file's name inside the app-data folder.
pub const DATABASE_FILE_NAME: &str = "library.sqlite3";

/// `<data dir>/org.plenary.desktop/library.sqlite3`: `~/.local/share/…` on Linux,
/// `~/Library/Application Support/…` on macOS, `%APPDATA%\…` on Windows — the folder Tauri's
/// `app_data_dir()` gives the desktop app. `None` when the OS reports no data folder.
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join(DATABASE_FILE_NAME))
}

/// `<data dir>/org.plenary.desktop/templates`: where users put templates that override or add to
/// the built-in ones.
pub fn default_templates_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join("templates"))
}
