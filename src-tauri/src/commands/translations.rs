//! Translations in the section editor: link a section to its source or its translation, unlink
//! it, and record that an out-of-date translation has been brought up to date.

use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;
use plenary_core::id::SectionId;

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn link_translation(
    state: State<'_, AppState>,
    source: SectionId,
    translation: SectionId,
) -> CommandResult<()> {
    let mut store = state.store()?;
    store.write(|w| w.link_translations(source, translation))?;
    Ok(())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn unlink_translation(state: State<'_, AppState>, id: SectionId) -> CommandResult<()> {
    let mut store = state.store()?;
    let unlinked = store.write(|w| w.unlink_translation(id))?;
    state.unlinked_translations.keep(id, unlinked);
    Ok(())
}

/// Undoes unlinking section `id`: its group and links back as they were.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn relink_translation(state: State<'_, AppState>, id: SectionId) -> CommandResult<()> {
    let mut store = state.store()?;
    state.unlinked_translations.put_back(&id, "that section was not unlinked in this session", |unlinked| {
        Ok(store.write(|w| w.relink_translation(&unlinked))?)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn mark_translation_updated(
    state: State<'_, AppState>,
    id: SectionId,
) -> CommandResult<u32> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.mark_translation_updated(id))?)
}
