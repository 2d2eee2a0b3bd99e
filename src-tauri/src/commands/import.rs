//! Import: a file chosen with the native dialog, or pasted text, split into proposed sections for
//! the person to review; then saved as they chose. The same `plenary-import` calls as `plenary
//! import`.

use plenary_core::id::EventId;
use plenary_core::language::Language;
use plenary_import::{Chosen, Origin, PastStatement, Proposal, Source};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::{AppState, today};
use crate::views::optional_date;

/// A document split for review.
#[derive(Debug, Serialize)]
pub(crate) struct ImportView {
    origin: Origin,
    /// The document as plain text, shown beside the split.
    source_text: String,
    #[serde(flatten)]
    proposal: Proposal,
}

fn view(state: &AppState, source: Source) -> CommandResult<ImportView> {
    let library = plenary_import::library_texts(&*state.store()?)?;
    let proposal = plenary_import::propose(&source, None, &library);
    Ok(ImportView { origin: source.origin(), source_text: source.plain_text(), proposal })
}

/// Asks for a file with the native open dialog and splits it. `None` when the dialog was
/// cancelled.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn propose_import_file<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<ImportView>> {
    let extensions = ["docx", "pdf", "html", "htm", "md", "markdown", "txt"];
    let label = state
        .language()
        .says("Statements (.docx, .pdf, .html, .md, .txt)", "Declaraciones (.docx, .pdf, .html, .md, .txt)");
    let Some(path) = super::pick_file(&app, &state, label, &extensions) else {
        return Ok(None);
    };
    let source = plenary_import::read_file(&path)?;
    Ok(Some(view(&state, source)?))
}

/// Splits text pasted into the window.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn propose_import_text(
    state: State<'_, AppState>,
    text: String,
) -> CommandResult<ImportView> {
    let source = plenary_import::read_pasted(&text)?;
    view(&state, source)
}

/// What saving did, for the window's message.
#[derive(Debug, Serialize)]
pub(crate) struct SavedView {
    added: Vec<String>,
    updated: usize,
    skipped: usize,
    statement: Option<String>,
}

/// The form's "also keep it as a past statement" fields.
#[derive(Debug, Deserialize)]
pub(crate) struct PastInput {
    title: String,
    /// The event's id; `None` for none.
    event: Option<EventId>,
    /// YYYY-MM-DD, or empty.
    date: String,
    lang: String,
}

/// Saves the sections as the person left them.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn save_import(
    state: State<'_, AppState>,
    origin: Origin,
    sections: Vec<Chosen>,
    tags: Vec<String>,
    past: Option<PastInput>,
) -> CommandResult<SavedView> {
    if sections.iter().any(|section| section.title.trim().is_empty()) {
        return Err(CommandError::invalid("every section to save needs a title"));
    }
    let mut store = state.store()?;
    let past = match past {
        Some(past) => {
            if past.title.trim().is_empty() {
                return Err(CommandError::invalid("the past statement needs a title"));
            }
            Some(PastStatement {
                title: past.title.trim().to_owned(),
                event: past.event,
                date: optional_date("date", &past.date)?,
                lang: Language::parse("language", &past.lang)?,
            })
        }
        None => None,
    };
    let saved = plenary_import::save(
        &mut store,
        &origin,
        &sections,
        &tags,
        past.as_ref(),
        &state.settings.author,
        today()?,
    )?;
    Ok(SavedView {
        added: saved.added.iter().map(ToString::to_string).collect(),
        updated: saved.updated.len(),
        skipped: saved.skipped,
        statement: saved.statement.map(|id| id.to_string()),
    })
}
