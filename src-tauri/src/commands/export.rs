//! Preview and export: the same renderers, through `plenary-export`, as `plenary export`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use plenary_core::language::Language;
use plenary_export::{
    Format, ParallelOutcome, export_parallel, export_statement as export_to_file, suggested_file_name,
};
use plenary_render::TemplateSet;
use plenary_store::{ExportRecord, Store, StoreError};
use serde::Serialize;
use tauri::State;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::{Code, CommandError, CommandResult};
use crate::state::{AppState, today};
use plenary_core::id::StatementId;

/// Asks where to save with the native dialog (or uses `$PLENARY_EXPORT_DIR`), writes the file
/// `plenary export` would write, records it and opens it in the system viewer. `None` when the
/// dialog was cancelled.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn export_statement<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    id: StatementId,
    format: String,
    template: Option<String>,
    parallel: Option<String>,
) -> CommandResult<Option<ParallelOutcome>> {
    let format: Format = format.parse().map_err(CommandError::invalid)?;
    let parallel = parallel.map(|lang| Language::parse("parallel", &lang)).transpose()?;
    let suggested = suggested_file_name(&state.store()?.statement(id)?.title, format);
    let target: PathBuf = match &state.settings.export_dir {
        Some(folder) => folder.join(&suggested),
        None => {
            let picked = app
                .dialog()
                .file()
                .set_file_name(&suggested)
                .add_filter(format.as_str().to_uppercase(), &[format.as_str()])
                .blocking_save_file();
            match picked.and_then(|file| file.into_path().ok()) {
                Some(path) => path,
                None => return Ok(None),
            }
        }
    };
    let templates = state.templates()?;
    let outcome = {
        let mut store = state.store()?;
        let template = template.as_deref();
        match &parallel {
            None => ParallelOutcome {
                outcome: export_to_file(&mut store, &templates, id, format, template, &target, today()?)?,
                untranslated: Vec::new(),
            },
            Some(lang) => {
                export_parallel(&mut store, &templates, id, format, template, lang, &target, today()?)?
            }
        }
    };
    if state.settings.export_dir.is_none() {
        open_in_viewer(&app, &outcome.outcome.file)?;
    }
    Ok(Some(outcome))
}

/// A line of the statement's export log.
#[derive(Debug, Serialize)]
pub(crate) struct ExportRow {
    id: String,
    format: String,
    template: String,
    file: String,
    exported_at: String,
    bytes: u64,
    word_count: usize,
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_exports(
    state: State<'_, AppState>,
    id: StatementId,
) -> CommandResult<Vec<ExportRow>> {
    let store = state.store()?;
    Ok(store
        .exports(id)?
        .into_iter()
        .map(|e| ExportRow {
            id: e.id,
            format: e.export.format,
            template: e.export.template,
            file: e.export.file,
            exported_at: e.created_at.to_string(),
            bytes: e.export.bytes,
            word_count: e.export.word_count,
        })
        .collect())
}

/// Opens a recorded export's file in the system viewer.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn open_export<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    id: StatementId,
    export: String,
) -> CommandResult<()> {
    let (record, content) = {
        let store = state.store()?;
        let record = record_of(&store, id, &export)?;
        let content = store.export_content(&record.id)?;
        (record, content)
    };
    let original = PathBuf::from(&record.export.file);
    // What was sent, as it was: the kept copy (the file at its old place may have changed since),
    // written under a name that says which export it is.
    let Some(content) = content else {
        if !original.exists() {
            return Err(CommandError::new(
                Code::File,
                format!("{} was moved or deleted", original.display()),
            ));
        }
        return open_in_viewer(&app, &original);
    };
    let stem =
        original.file_stem().map_or_else(|| "export".into(), |stem| stem.to_string_lossy().into_owned());
    let extension = original
        .extension()
        .map_or_else(|| record.export.format.clone(), |e| e.to_string_lossy().into_owned());
    let sent = state.language().says("sent", "enviado");
    let name = format!("{stem} ({sent} {}).{extension}", record.created_at.strftime("%Y-%m-%d %H%M"));
    let folder = match &state.settings.export_dir {
        Some(folder) => folder.clone(),
        None => std::env::temp_dir().join("plenary-exports"),
    };
    let copy = folder.join(name);
    std::fs::create_dir_all(&folder)
        .and_then(|()| std::fs::write(&copy, &content))
        .map_err(|error| CommandError::new(Code::File, format!("{}: {error}", copy.display())))?;
    if state.settings.export_dir.is_none() {
        open_in_viewer(&app, &copy)?;
    }
    Ok(())
}

/// The statement's text as an export wrote it, for comparing two exports; `None` for exports
/// made before Plenary kept it.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn export_text(
    state: State<'_, AppState>,
    id: StatementId,
    export: String,
) -> CommandResult<Option<String>> {
    let store = state.store()?;
    Ok(record_of(&store, id, &export)?.export.text)
}

/// The export `export` of statement `id` from the log: the window names both, and an export of
/// another statement is not found.
fn record_of(store: &Store, statement: StatementId, export: &str) -> CommandResult<ExportRecord> {
    let record = store.export_record(export)?;
    if record.export.statement != statement {
        return Err(StoreError::NotFound { what: "export", id: export.to_owned() }.into());
    }
    Ok(record)
}

/// What an export contained, for its line in the log.
#[derive(Debug, Serialize)]
pub(crate) struct ExportDetails {
    sha256: String,
    bytes: u64,
    /// The library sections it showed, in item order, with the title each version had.
    versions: Vec<ExportedSection>,
    /// The facts it cited and the values they had then.
    facts: BTreeMap<String, String>,
}

/// One library section in an export.
#[derive(Debug, Serialize)]
pub(crate) struct ExportedSection {
    section: String,
    version: u32,
    /// `None` when the section has been deleted since.
    title: Option<String>,
}

/// The versions, fact values and SHA-256 an export recorded (`plenary exports show`).
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn export_details(
    state: State<'_, AppState>,
    id: StatementId,
    export: String,
) -> CommandResult<ExportDetails> {
    let store = state.store()?;
    let record = record_of(&store, id, &export)?.export;
    let unreadable = |error: serde_json::Error| {
        CommandError::new(Code::Library, format!("the record of export {export} cannot be read ({error})"))
    };
    let mut versions = Vec::new();
    for used in record.versions().map_err(unreadable)? {
        let title = match used.section.parse() {
            Ok(section) => match store.version(section, used.version) {
                Ok(version) => Some(version.title),
                Err(StoreError::NotFound { .. }) => None,
                Err(error) => return Err(error.into()),
            },
            Err(_) => None,
        };
        versions.push(ExportedSection { section: used.section, version: used.version, title });
    }
    let facts = record.facts().map_err(unreadable)?;
    Ok(ExportDetails { sha256: record.sha256, bytes: record.bytes, versions, facts })
}

/// Where exported templates went, and the folder Plenary reads edited ones from.
#[derive(Debug, Serialize)]
pub(crate) struct TemplatesWritten {
    folder: String,
    files: usize,
    /// Where edited templates take effect (`None` when this system has no app-data folder).
    templates_folder: Option<String>,
}

/// Writes the built-in templates into a folder the user picks, for editing (`plenary template
/// export DIR`); `None` when the dialog was cancelled.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn export_templates<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<TemplatesWritten>> {
    let folder = match &state.settings.export_dir {
        // Scripted runs write without asking, beside their exports.
        Some(folder) => {
            Some(folder.join(state.language().says("Plenary templates", "Plantillas de Plenary")))
        }
        None => app.dialog().file().blocking_pick_folder().and_then(|folder| folder.into_path().ok()),
    };
    let Some(folder) = folder else { return Ok(None) };
    let files = TemplateSet::export_builtin(&folder)?.len();
    Ok(Some(TemplatesWritten {
        folder: folder.display().to_string(),
        files,
        templates_folder: state.templates_folder().map(|path| path.display().to_string()),
    }))
}

fn open_in_viewer<R: tauri::Runtime>(app: &tauri::AppHandle<R>, file: &std::path::Path) -> CommandResult<()> {
    app.opener()
        .open_path(file.display().to_string(), None::<&str>)
        .map_err(|error| CommandError::new(Code::File, format!("cannot open {}: {error}", file.display())))
}
