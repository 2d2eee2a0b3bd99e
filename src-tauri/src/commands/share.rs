//! Sharing: the library (or the sections with some tags) written to a bundle where the person
//! chooses, a colleague's bundle merged in, and a diverged section brought back to one text. The
//! same `plenary-bundle` calls as `plenary bundle`.

use std::path::PathBuf;

use plenary_bundle::Selection;
use plenary_core::share::MergeReport;
use serde::Serialize;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandResult;
use crate::state::{AppState, today};
use plenary_core::id::SectionId;

/// What sharing wrote.
#[derive(Debug, Serialize)]
pub(crate) struct SharedView {
    file: PathBuf,
    sections: usize,
    versions: usize,
}

/// Writes a bundle of the whole library, or of the sections carrying one of `tags`, where the
/// save dialog says (or into `$PLENARY_EXPORT_DIR`). `None` when the dialog was cancelled.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn share_library<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    tags: Vec<String>,
) -> CommandResult<Option<SharedView>> {
    let suggested = match tags.first() {
        Some(tag) if tags.len() == 1 => format!("{}.plenary", plenary_export::safe_file_stem(tag, "library")),
        _ => "library.plenary".to_owned(),
    };
    let target = match &state.settings.export_dir {
        Some(folder) => folder.join(&suggested),
        None => {
            let picked = app
                .dialog()
                .file()
                .set_file_name(&suggested)
                .add_filter(state.language().says("Plenary bundle", "Paquete de Plenary"), &["plenary"])
                .blocking_save_file();
            match picked.and_then(|file| file.into_path().ok()) {
                Some(path) => path,
                None => return Ok(None),
            }
        }
    };
    let store = state.store()?;
    let written = plenary_bundle::write_bundle(&store, &Selection { sections: Vec::new(), tags }, &target)?;
    Ok(Some(SharedView { file: written.path, sections: written.sections, versions: written.versions }))
}

/// What merging a colleague's bundle did, and who sent it.
#[derive(Debug, Serialize)]
pub(crate) struct MergeView {
    file: PathBuf,
    organisation: String,
    created_at: jiff::Timestamp,
    #[serde(flatten)]
    report: MergeReport,
}

/// Asks for a bundle with the native open dialog and merges it. `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn import_bundle<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<MergeView>> {
    let Some(path) = super::pick_file(
        &app,
        &state,
        state.language().says("Plenary bundle", "Paquete de Plenary"),
        &["plenary"],
    ) else {
        return Ok(None);
    };
    let today = today()?;
    let mut store = state.store()?;
    let imported = plenary_bundle::import_bundle(&mut store, &path, today)?;
    Ok(Some(MergeView {
        file: path,
        organisation: imported.manifest.organisation,
        created_at: imported.manifest.created_at,
        report: imported.report,
    }))
}

/// Ends a divergence: version `keep`'s text goes on as a new current version. Returns its number.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn resolve_divergence(
    state: State<'_, AppState>,
    id: SectionId,
    keep: u32,
) -> CommandResult<u32> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.resolve_divergence(id, keep, &state.settings.author))?)
}
