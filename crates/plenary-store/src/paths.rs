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

#[cfg(test)]
mod tests {
    use super::*;

    /// The command finds the app's library without being told where it is: in the app-data
    /// folder named after the app, with the templates folder beside it.
    #[test]
    fn the_library_and_templates_live_in_the_apps_data_folder() {
        let library = default_database_path().expect("this machine has a data folder");
        let templates = default_templates_path().expect("this machine has a data folder");
        assert!(library.is_absolute(), "{}", library.display());
        assert!(library.ends_with("org.plenary.desktop/library.sqlite3"), "{}", library.display());
        assert_eq!(library.parent(), templates.parent());
        assert!(templates.ends_with("templates"), "{}", templates.display());
    }
}
