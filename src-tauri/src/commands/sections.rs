//! The section editor: open, create, autosave (drafts cut into versions), details, history,
//! restore and the vetting workflow.

use plenary_core::id::SectionId;
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;
use plenary_store::{NewSection, SectionEdit};
use tauri::State;

use crate::error::{Code, CommandError, CommandResult};
use crate::state::{AppState, today};
use crate::views::{
    NewSectionInput, SectionDetail, SectionDetailsInput, VersionView, non_empty, optional_date,
};

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn open_section(state: State<'_, AppState>, id: SectionId) -> CommandResult<SectionDetail> {
    let store = state.store()?;
    SectionDetail::read(&store, id, today()?)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn create_section(
    state: State<'_, AppState>,
    section: NewSectionInput,
) -> CommandResult<String> {
    let new = NewSection {
        title: section.title,
        body: section.body,
        kind: Kind::parse(&section.kind)?,
        lang: Language::parse("language", &section.lang)?,
        tags: section.tags,
        status: SectionStatus::Draft,
        owner: Some(state.settings.author.clone()),
        review_due: None,
        author: state.settings.author.clone(),
        note: None,
    };
    Ok(state.store()?.write(|w| w.add_section(new))?.to_string())
}

/// Keeps what the editor holds, durably, without cutting a version.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn save_section_draft(
    state: State<'_, AppState>,
    id: SectionId,
    title: String,
    body: String,
) -> CommandResult<()> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.save_draft(id, &title, &body, &state.settings.author))?)
}

/// Cuts the draft into a version (leaving the editor, a pause in typing). Returns the new
/// version's number, or `None` if nothing had changed.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn commit_section_draft(
    state: State<'_, AppState>,
    id: SectionId,
    note: String,
) -> CommandResult<Option<u32>> {
    let mut store = state.store()?;
    let note = non_empty(&note).map(str::to_owned);
    Ok(store.write(|w| w.commit_draft(id, note))?)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn discard_section_draft(state: State<'_, AppState>, id: SectionId) -> CommandResult<()> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.discard_draft(id))?)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn update_section_details(
    state: State<'_, AppState>,
    id: SectionId,
    details: SectionDetailsInput,
) -> CommandResult<()> {
    let edit = SectionEdit {
        kind: Some(Kind::parse(&details.kind)?),
        lang: Some(Language::parse("language", &details.lang)?),
        tags: Some(details.tags),
        owner: Some(non_empty(&details.owner).map(str::to_owned)),
        review_due: Some(optional_date("review due", &details.review_due)?),
        author: state.settings.author.clone(),
        ..SectionEdit::default()
    };
    let mut store = state.store()?;
    store.write(|w| w.edit_section(id, edit))?;
    Ok(())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn section_history(
    state: State<'_, AppState>,
    id: SectionId,
) -> CommandResult<Vec<VersionView>> {
    let store = state.store()?;
    Ok(store.history(id)?.into_iter().map(VersionView::from).collect())
}

/// Saves an older version's text as a new version; history keeps everything in between.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn restore_section_version(
    state: State<'_, AppState>,
    id: SectionId,
    number: u32,
) -> CommandResult<u32> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.restore_version(id, number, &state.settings.author))?)
}

/// Deletes a section no statement uses; the window can put it back with `undelete_section`
/// while the app runs.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn delete_section(state: State<'_, AppState>, id: SectionId) -> CommandResult<()> {
    let mut store = state.store()?;
    let mut copy = store.shared_library(&[id], &[])?;
    // Only the section comes back with Undo: facts and the profile may have changed since.
    copy.facts.clear();
    copy.organisation = plenary_core::organisation::Organisation::default();
    store.write(|w| w.delete_section(id))?;
    state.deleted_sections.keep(id, copy);
    Ok(())
}

/// Puts back a section deleted in this session, with its whole history.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn undelete_section(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    let id: SectionId =
        id.parse().map_err(|_| CommandError::new(Code::Invalid, format!("no section id: {id}")))?;
    // The library is held across the undo, so two presses of Undo cannot both merge.
    let mut store = state.store()?;
    state.deleted_sections.put_back(&id, "that section was not deleted in this session", |copy| {
        store.write(|w| w.merge_shared(&copy, ""))?;
        Ok(())
    })
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn set_section_status(
    state: State<'_, AppState>,
    id: SectionId,
    status: SectionStatus,
    by: Option<String>,
) -> CommandResult<()> {
    let mut store = state.store()?;
    // Vetting names the reviewer, who may be someone other than the person at the keyboard.
    let by = by.unwrap_or_else(|| state.settings.author.clone());
    Ok(store.write(|w| w.set_section_status(id, status, &by))?)
}
