//! The composer: statements, their items, order and status.

use plenary_core::id::StatementId;
use plenary_core::language::Language;
use plenary_core::status::StatementStatus;
use plenary_export::{preview_html, set_status};
use plenary_store::{ConsentAnswer, NewStatement, StatementDetails, Store};
use tauri::State;

use super::{event_id, section_id, statement_id};
use crate::error::CommandResult;
use crate::state::{AppState, today};
use crate::views::{StatementDetail, StatementDetailsInput, StatementRow, non_empty, optional_date};

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_statements(state: State<'_, AppState>) -> CommandResult<Vec<StatementRow>> {
    Ok(state.store()?.statements()?.into_iter().map(StatementRow::from).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn create_statement(
    state: State<'_, AppState>,
    title: String,
    event: Option<String>,
    lang: Option<String>,
    template: Option<String>,
) -> CommandResult<String> {
    let mut store = state.store()?;
    let new = NewStatement {
        title,
        event: event.map(|id| event_id(&store, &id)).transpose()?,
        lang: lang.map(|l| Language::parse("language", &l)).transpose()?,
        template,
        date: Some(today()?),
    };
    Ok(store.write(|w| w.new_statement(new))?.to_string())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn copy_statement(
    state: State<'_, AppState>,
    id: String,
    title: String,
) -> CommandResult<String> {
    let mut store = state.store()?;
    let id = statement_id(&store, &id)?;
    let title = non_empty(&title).map(str::to_owned);
    Ok(store.write(|w| w.copy_statement(id, title))?.to_string())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn open_statement(state: State<'_, AppState>, id: String) -> CommandResult<StatementDetail> {
    let store = state.store()?;
    let id = statement_id(&store, &id)?;
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
    id: &str,
    apply: impl FnOnce(&mut plenary_store::Write<'_>, StatementId) -> plenary_store::StoreResult<()>,
) -> CommandResult<StatementDetail> {
    let mut store = state.store()?;
    let statement = statement_id(&store, id)?;
    store.write(|w| apply(w, statement))?;
    detail(state, &store, statement)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn update_statement_details(
    state: State<'_, AppState>,
    id: String,
    details: StatementDetailsInput,
) -> CommandResult<StatementDetail> {
    let event = {
        let store = state.store()?;
        details.event.map(|e| event_id(&store, &e)).transpose()?
    };
    let details = StatementDetails {
        title: details.title,
        event,
        lang: Language::parse("language", &details.lang)?,
        template: details.template,
        date: optional_date("date", &details.date)?,
    };
    change(&state, &id, |w, statement| w.update_statement(statement, details))
}

/// Adds library sections as linked items, at `at` (1-based) or at the end.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_statement_sections(
    state: State<'_, AppState>,
    id: String,
    sections: Vec<String>,
    at: Option<u32>,
) -> CommandResult<StatementDetail> {
    let sections = {
        let store = state.store()?;
        sections.iter().map(|s| section_id(&store, s)).collect::<CommandResult<Vec<_>>>()?
    };
    change(&state, &id, |w, statement| match at {
        Some(at) => w.insert_sections(statement, &sections, at).map(|_| ()),
        None => w.add_sections(statement, &sections).map(|_| ()),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_statement_text(
    state: State<'_, AppState>,
    id: String,
    title: String,
    body: String,
) -> CommandResult<StatementDetail> {
    change(&state, &id, |w, statement| w.add_text(statement, &title, &body).map(|_| ()))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn edit_statement_text(
    state: State<'_, AppState>,
    id: String,
    position: u32,
    title: String,
    body: String,
) -> CommandResult<StatementDetail> {
    change(&state, &id, |w, statement| w.edit_text(statement, position, &title, &body))
}

/// Deletes a draft that was never final; `undelete_statement` brings it back for 30 days.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn delete_statement(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    let mut store = state.store()?;
    let statement = statement_id(&store, &id)?;
    Ok(store.write(|w| w.delete_statement(statement))?)
}

/// Brings back a deleted statement.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn undelete_statement(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    let mut store = state.store()?;
    let statement = statement_id(&store, &id)?;
    Ok(store.write(|w| w.undelete_statement(statement))?)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn move_statement_item(
    state: State<'_, AppState>,
    id: String,
    from: u32,
    to: u32,
) -> CommandResult<StatementDetail> {
    change(&state, &id, |w, statement| w.move_item(statement, from, to))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn remove_statement_item(
    state: State<'_, AppState>,
    id: String,
    position: u32,
) -> CommandResult<StatementDetail> {
    change(&state, &id, |w, statement| w.remove_item(statement, position))
}

/// Re-pins a linked item to its section's newest vetted version.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn update_statement_item(
    state: State<'_, AppState>,
    id: String,
    position: u32,
) -> CommandResult<StatementDetail> {
    change(&state, &id, |w, statement| w.update_item(statement, position).map(|_| ()))
}

/// Turns a linked item into statement-only text, to change it for this statement alone.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn fork_statement_item(
    state: State<'_, AppState>,
    id: String,
    position: u32,
) -> CommandResult<StatementDetail> {
    change(&state, &id, |w, statement| w.fork_item(statement, position))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn set_statement_status(
    state: State<'_, AppState>,
    id: String,
    status: StatementStatus,
    note: String,
) -> CommandResult<StatementDetail> {
    let templates = state.templates()?;
    let mut store = state.store()?;
    let statement = statement_id(&store, &id)?;
    set_status(&mut store, &templates, statement, status, non_empty(&note), today()?)?;
    detail(&state, &store, statement)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_signatory(
    state: State<'_, AppState>,
    id: String,
    name: String,
    role: String,
) -> CommandResult<StatementDetail> {
    let role = non_empty(&role).map(str::to_owned);
    change(&state, &id, |w, statement| w.add_signatory(statement, &name, role))
}

/// Records a signatory's answer: agreed (by whoever is typing) or declined with a note.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn record_consent(
    state: State<'_, AppState>,
    id: String,
    position: u32,
    agreed: bool,
    note: String,
) -> CommandResult<StatementDetail> {
    let answer = if agreed {
        ConsentAnswer::Agreed { by: state.author.clone() }
    } else {
        ConsentAnswer::Declined { note: non_empty(&note).map(str::to_owned) }
    };
    let today = today()?;
    change(&state, &id, |w, statement| w.record_consent(statement, position, answer, today))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn remove_signatory(
    state: State<'_, AppState>,
    id: String,
    position: u32,
) -> CommandResult<StatementDetail> {
    let mut store = state.store()?;
    let statement = statement_id(&store, &id)?;
    let removed = store.write(|w| w.remove_signatory(statement, position))?;
    state.removed_signatories.keep((statement, removed.name.clone()), (position, removed));
    detail(&state, &store, statement)
}

/// Undoes the removal of the signatory called `name`: back in their place, with their answer.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn put_back_signatory(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> CommandResult<StatementDetail> {
    let mut store = state.store()?;
    let statement = statement_id(&store, &id)?;
    let missing = "that signatory was not removed in this session";
    state.removed_signatories.put_back(&(statement, name), missing, |(position, signer)| {
        Ok(store.write(|w| w.put_back_signatory(statement, position, &signer))?)
    })?;
    detail(&state, &store, statement)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn move_signatory(
    state: State<'_, AppState>,
    id: String,
    from: u32,
    to: u32,
) -> CommandResult<StatementDetail> {
    change(&state, &id, |w, statement| w.move_signatory(statement, from, to))
}
