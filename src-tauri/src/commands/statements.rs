//! The composer: statements, their items, order and status.

use plenary_core::id::StatementId;
use plenary_core::language::Language;
use plenary_core::status::StatementStatus;
use plenary_export::{preview_html, set_status};
use plenary_store::{ConsentAnswer, NewStatement, StatementDetails, Store};
use tauri::State;

use crate::error::CommandResult;
use crate::state::{AppState, today};
use crate::views::{StatementDetail, StatementDetailsInput, StatementRow, non_empty, optional_date};
use plenary_core::id::{EventId, SectionId};

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_statements(state: State<'_, AppState>) -> CommandResult<Vec<StatementRow>> {
    Ok(state.store()?.statements()?.into_iter().map(StatementRow::from).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn create_statement(
    state: State<'_, AppState>,
    title: String,
    event: Option<EventId>,
    lang: Option<String>,
    template: Option<String>,
) -> CommandResult<String> {
    let mut store = state.store()?;
    let new = NewStatement {
        title,
        event,
        lang: lang.map(|l| Language::parse("language", &l)).transpose()?,
        template,
        date: Some(today()?),
    };
    Ok(store.write(|w| w.new_statement(new))?.to_string())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn copy_statement(
    state: State<'_, AppState>,
    id: StatementId,
    title: String,
) -> CommandResult<String> {
    let mut store = state.store()?;
    let title = non_empty(&title).map(str::to_owned);
    Ok(store.write(|w| w.copy_statement(id, title))?.to_string())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn open_statement(
    state: State<'_, AppState>,
    id: StatementId,
) -> CommandResult<StatementDetail> {
    let store = state.store()?;
    detail(&state, &store, id)
}

fn detail(state: &AppState, store: &Store, id: StatementId) -> CommandResult<StatementDetail> {
    let assembled = store.assemble(id, today()?)?;
    let frozen = store.frozen(id)?;
    // The change is saved whatever the template does: a template that fails shows its error
    // where the preview would be.
    let preview = state
        .templates()
        .and_then(|templates| Ok(preview_html(store, &templates, id, &assembled, frozen.as_ref())?))
        .map_err(Box::new);
    Ok(StatementDetail::new(store.statement(id)?, assembled, frozen, store.status_changes(id)?, preview))
}

/// Runs one change to a statement and returns the composer's fresh view of it.
fn change(
    state: &AppState,
    statement: StatementId,
    apply: impl FnOnce(&mut plenary_store::Write<'_>, StatementId) -> plenary_store::StoreResult<()>,
) -> CommandResult<StatementDetail> {
    let mut store = state.store()?;
    store.write(|w| apply(w, statement))?;
    detail(state, &store, statement)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn update_statement_details(
    state: State<'_, AppState>,
    id: StatementId,
    details: StatementDetailsInput,
) -> CommandResult<StatementDetail> {
    let details = StatementDetails {
        title: details.title,
        event: details.event,
        lang: Language::parse("language", &details.lang)?,
        template: details.template,
        date: optional_date("date", &details.date)?,
    };
    change(&state, id, |w, statement| w.update_statement(statement, details))
}

/// Adds library sections as linked items, at `at` (1-based) or at the end.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_statement_sections(
    state: State<'_, AppState>,
    id: StatementId,
    sections: Vec<SectionId>,
    at: Option<u32>,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| match at {
        Some(at) => w.insert_sections(statement, &sections, at).map(|_| ()),
        None => w.add_sections(statement, &sections).map(|_| ()),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_statement_text(
    state: State<'_, AppState>,
    id: StatementId,
    title: String,
    body: String,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| w.add_text(statement, &title, &body).map(|_| ()))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn edit_statement_text(
    state: State<'_, AppState>,
    id: StatementId,
    position: u32,
    title: String,
    body: String,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| w.edit_text(statement, position, &title, &body))
}

/// Deletes a draft that was never final; `undelete_statement` brings it back for 30 days.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn delete_statement(state: State<'_, AppState>, id: StatementId) -> CommandResult<()> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.delete_statement(id))?)
}

/// Brings back a deleted statement.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn undelete_statement(state: State<'_, AppState>, id: StatementId) -> CommandResult<()> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.undelete_statement(id))?)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn move_statement_item(
    state: State<'_, AppState>,
    id: StatementId,
    from: u32,
    to: u32,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| w.move_item(statement, from, to))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn remove_statement_item(
    state: State<'_, AppState>,
    id: StatementId,
    position: u32,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| w.remove_item(statement, position))
}

/// Re-pins a linked item to its section's newest vetted version.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn update_statement_item(
    state: State<'_, AppState>,
    id: StatementId,
    position: u32,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| w.update_item(statement, position).map(|_| ()))
}

/// Turns a linked item into statement-only text, to change it for this statement alone.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn fork_statement_item(
    state: State<'_, AppState>,
    id: StatementId,
    position: u32,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| w.fork_item(statement, position))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn set_statement_status(
    state: State<'_, AppState>,
    id: StatementId,
    status: StatementStatus,
    note: String,
) -> CommandResult<StatementDetail> {
    let templates = state.templates()?;
    let mut store = state.store()?;
    set_status(&mut store, &templates, id, status, non_empty(&note), today()?)?;
    detail(&state, &store, id)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_signatory(
    state: State<'_, AppState>,
    id: StatementId,
    name: String,
    role: String,
) -> CommandResult<StatementDetail> {
    let role = non_empty(&role).map(str::to_owned);
    change(&state, id, |w, statement| w.add_signatory(statement, &name, role))
}

/// Records a signatory's answer: agreed (by whoever is typing) or declined with a note.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn record_consent(
    state: State<'_, AppState>,
    id: StatementId,
    position: u32,
    agreed: bool,
    note: String,
) -> CommandResult<StatementDetail> {
    let answer = if agreed {
        ConsentAnswer::Agreed { by: state.settings.author.clone() }
    } else {
        ConsentAnswer::Declined { note: non_empty(&note).map(str::to_owned) }
    };
    let today = today()?;
    change(&state, id, |w, statement| w.record_consent(statement, position, answer, today))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn remove_signatory(
    state: State<'_, AppState>,
    id: StatementId,
    position: u32,
) -> CommandResult<StatementDetail> {
    let mut store = state.store()?;
    let removed = store.write(|w| w.remove_signatory(id, position))?;
    state.removed_signatories.keep((id, removed.name.clone()), (position, removed));
    detail(&state, &store, id)
}

/// Undoes the removal of the signatory called `name`: back in their place, with their answer.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn put_back_signatory(
    state: State<'_, AppState>,
    id: StatementId,
    name: String,
) -> CommandResult<StatementDetail> {
    let mut store = state.store()?;
    let missing = "that signatory was not removed in this session";
    state.removed_signatories.put_back(&(id, name), missing, |(position, signer)| {
        Ok(store.write(|w| w.put_back_signatory(id, position, &signer))?)
    })?;
    detail(&state, &store, id)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn move_signatory(
    state: State<'_, AppState>,
    id: StatementId,
    from: u32,
    to: u32,
) -> CommandResult<StatementDetail> {
    change(&state, id, |w, statement| w.move_signatory(statement, from, to))
}
