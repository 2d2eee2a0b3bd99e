//! What the window's commands share: the open library, who is typing, and where templates and
//! (for scripted runs) exports go.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use plenary_core::date::Date;
use plenary_core::id::{SectionId, StatementId};
use plenary_core::share::SharedLibrary;
use plenary_core::statement::Signer;
use plenary_render::TemplateSet;
use plenary_store::{Store, StoreError, Unlinked, default_database_path, default_templates_path};

use crate::shelf::Shelf;

use crate::error::{Code, CommandError, CommandResult};
use crate::menu::Language;

/// The app's shared state, managed by Tauri.
pub(crate) struct AppState {
    /// The open library; `None` while it is damaged and waits to be restored.
    store: Mutex<Option<Store>>,
    /// The library file, who is typing, the template folder and the scripted-run files.
    pub(crate) settings: Settings,
    /// Why the library could not be opened at start (damage), until a backup is restored.
    problem: Mutex<Option<String>>,
    /// When the process started, for the start-up figure.
    pub(crate) started: Instant,
    /// The interface language (the OS's until the window says otherwise), for what the shell
    /// itself words: dialog filters, file names.
    language: Mutex<Language>,
    /// Sections deleted in this session, each with a copy in the sharing format that puts it
    /// back whole (history, vetting, tags) when the user undoes the deletion.
    pub(crate) deleted_sections: Shelf<SectionId, SharedLibrary>,
    /// Signatories removed in this session, by statement and name, with where they stood.
    pub(crate) removed_signatories: Shelf<(StatementId, String), (u32, Signer)>,
    /// Translation links taken apart in this session, by the section unlinked.
    pub(crate) unlinked_translations: Shelf<SectionId, Unlinked>,
}

/// Where the app's files are and who is typing: read from the environment when the app starts,
/// given directly by tests.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// The library file.
    pub(crate) path: PathBuf,
    /// Who is making changes: `$PLENARY_AUTHOR`, else the login name.
    pub(crate) author: String,
    /// The user's template folder, if any.
    pub(crate) templates_folder: Option<PathBuf>,
    /// `$PLENARY_EXPORT_DIR`: write exports here without asking and without opening them
    /// (scripted runs and the end-to-end tests, which cannot click a native dialog).
    pub(crate) export_dir: Option<PathBuf>,
    /// `$PLENARY_OPEN_FILE`: the file the Open dialogs (import, bundles) return without asking
    /// (scripted runs and the end-to-end tests).
    pub(crate) open_file: Option<PathBuf>,
}

impl Settings {
    /// The library named by `$PLENARY_DB`, else the default file shared with `plenary`; the
    /// author, template folder and scripted-run files from their variables.
    pub(crate) fn from_env() -> Result<Settings, String> {
        let path = std::env::var_os("PLENARY_DB").map(PathBuf::from).or_else(default_database_path).ok_or(
            "this system reports no app-data folder; name the library file in $PLENARY_DB".to_owned(),
        )?;
        Ok(Settings {
            path,
            author: author(),
            templates_folder: std::env::var_os("PLENARY_TEMPLATES")
                .map(PathBuf::from)
                .or_else(default_templates_path),
            export_dir: std::env::var_os("PLENARY_EXPORT_DIR").map(PathBuf::from),
            open_file: std::env::var_os("PLENARY_OPEN_FILE").map(PathBuf::from),
        })
    }
}

impl AppState {
    /// Opens the library `settings` name. A library that does not exist yet is created with the
    /// demo content, so the first window already has something to search and compose. A
    /// damaged library does not stop the app: the window opens on the offer to restore a backup.
    pub(crate) fn open(settings: Settings, started: Instant) -> Result<AppState, String> {
        let (store, problem) = match open_library(&settings.path, &settings.author) {
            Ok(store) => (Some(store), None),
            Err(error @ (StoreError::Damaged { .. } | StoreError::EmptyFile { .. })) => {
                (None, Some(error.to_string()))
            }
            Err(error) => return Err(error.to_string()),
        };
        Ok(AppState {
            store: Mutex::new(store),
            settings,
            problem: Mutex::new(problem),
            started,
            language: Mutex::new(Language::from_os()),
            deleted_sections: Shelf::new(),
            removed_signatories: Shelf::new(),
            unlinked_translations: Shelf::new(),
        })
    }

    /// The interface language.
    pub(crate) fn language(&self) -> Language {
        *self.language.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records the language the window chose.
    pub(crate) fn set_language(&self, language: Language) {
        *self.language.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = language;
    }

    /// The library, for one command; refused while it is damaged. A command that panicked while
    /// holding it leaves the connection usable (every change is its own transaction), so a
    /// poisoned lock is taken over.
    pub(crate) fn store(&self) -> CommandResult<OpenStore<'_>> {
        let guard = self.lock_store();
        if guard.is_none() {
            let problem = self.problem().unwrap_or_else(|| "the library is not open".to_owned());
            return Err(CommandError::new(Code::Library, problem));
        }
        Ok(OpenStore(guard))
    }

    /// Why the library could not be opened, while it waits for a restore.
    pub(crate) fn problem(&self) -> Option<String> {
        self.problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Closes the library, runs `replace` on its file (a restore), and opens it again; on
    /// failure the library is reopened as it was.
    pub(crate) fn replace_library<T>(
        &self,
        replace: impl FnOnce(&Path) -> Result<T, StoreError>,
    ) -> CommandResult<T> {
        let mut guard = self.lock_store();
        // Restoring needs the file to itself: this connection is closed first.
        drop(guard.take());
        let outcome = replace(&self.settings.path);
        // Whatever happened, the library is opened as it now is, never created anew.
        let mut problem = self.problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match Store::open_existing(&self.settings.path) {
            Ok(store) => {
                *guard = Some(store);
                *problem = None;
            }
            Err(error) => {
                *problem = Some(error.to_string());
                if outcome.is_ok() {
                    return Err(error.into());
                }
            }
        }
        Ok(outcome?)
    }

    fn lock_store(&self) -> MutexGuard<'_, Option<Store>> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The folder whose templates overlay the built-in ones.
    pub(crate) fn templates_folder(&self) -> Option<&std::path::Path> {
        self.settings.templates_folder.as_deref()
    }

    /// The templates: built in, overlaid by the user's folder. Read on each use, so a template
    /// edited on disk shows in the next preview.
    pub(crate) fn templates(&self) -> CommandResult<TemplateSet> {
        Ok(match &self.settings.templates_folder {
            Some(folder) => TemplateSet::with_user_folder(folder)?,
            None => TemplateSet::builtin(),
        })
    }
}

/// The library, open, for the length of one command.
pub(crate) struct OpenStore<'a>(MutexGuard<'a, Option<Store>>);

impl Deref for OpenStore<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match self.0.as_ref() {
            Some(store) => store,
            None => unreachable!("an OpenStore is made only around an open library"),
        }
    }
}

impl DerefMut for OpenStore<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match self.0.as_mut() {
            Some(store) => store,
            None => unreachable!("an OpenStore is made only around an open library"),
        }
    }
}

/// Opens the library at `path`; a new one starts with the demo content.
/// An existing file is only opened (an empty one is reported, so that a restore is offered).
fn open_library(path: &Path, author: &str) -> Result<Store, StoreError> {
    if path.exists() {
        return Store::open_existing(path);
    }
    let mut store = Store::open(path)?;
    store.write(|w| w.add_demo_library(author))?;
    Ok(store)
}

/// The window title: the app and the library file's name.
pub(crate) fn window_title(state: &AppState) -> String {
    let name =
        state.settings.path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
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
