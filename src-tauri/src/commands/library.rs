//! The library screen's lists and search, and the facts, events and organisation screens.

use plenary_core::fact::{FactKey, FactStanding};
use plenary_core::language::Language;
use plenary_core::organisation::Logo;
use plenary_core::term::Term;
use plenary_store::{OrganisationUpdate, SearchQuery};
use serde::Serialize;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandResult;
use crate::state::{AppState, file_error, today};
use crate::views::{
    EventInput, EventView, FilterInput, HitRow, OrganisationInput, OrganisationView, SectionRow, non_empty,
    optional_partial_date,
};
use plenary_core::id::EventId;

/// What the window needs to draw its filters and forms.
#[derive(Debug, Serialize)]
pub(crate) struct LibraryInfo {
    /// The library file.
    path: String,
    /// Section kinds, in their display order.
    kinds: Vec<String>,
    /// Languages the library's sections are written in.
    languages: Vec<String>,
    /// Every tag in use.
    tags: Vec<String>,
    /// Template names.
    templates: Vec<String>,
    /// Who is making changes.
    author: String,
    /// Today, as the warnings count it.
    today: String,
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn library_info(state: State<'_, AppState>) -> CommandResult<LibraryInfo> {
    let templates = state.templates()?.list().into_iter().map(|t| t.name).collect();
    let store = state.store()?;
    Ok(LibraryInfo {
        path: store.path().display().to_string(),
        kinds: store.kinds()?.iter().map(ToString::to_string).collect(),
        languages: store.section_languages()?.iter().map(ToString::to_string).collect(),
        tags: store.tags()?,
        templates,
        author: state.settings.author.clone(),
        today: today()?.to_string(),
    })
}

/// Adds a kind sections can be given (`plenary kind add`); returns every kind, in order.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_kind(state: State<'_, AppState>, name: String) -> CommandResult<Vec<String>> {
    let kind = plenary_core::kind::Kind::parse(&name)?;
    let mut store = state.store()?;
    store.write(|w| w.add_kind(&kind))?;
    Ok(store.kinds()?.iter().map(ToString::to_string).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_sections(
    state: State<'_, AppState>,
    filter: FilterInput,
) -> CommandResult<Vec<SectionRow>> {
    let filter = filter.into_filter()?;
    Ok(state.store()?.section_list(&filter)?.into_iter().map(SectionRow::from).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn search_sections(
    state: State<'_, AppState>,
    text: String,
    filter: FilterInput,
    limit: Option<usize>,
) -> CommandResult<Vec<HitRow>> {
    let query = SearchQuery { text, filter: filter.into_filter()?, limit: limit.unwrap_or(50).min(500) };
    Ok(state.store()?.search(&query)?.into_iter().map(HitRow::from).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_facts(state: State<'_, AppState>) -> CommandResult<Vec<FactStanding>> {
    let today = today()?;
    Ok(state.store()?.facts()?.into_iter().map(|fact| FactStanding::new(fact, today)).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn set_fact(
    state: State<'_, AppState>,
    key: String,
    value: String,
    as_of: String,
    source: String,
    lang: Option<String>,
) -> CommandResult<()> {
    let key = FactKey::parse(&key)?;
    let as_of = optional_partial_date(&as_of)?;
    let source = non_empty(&source).map(str::to_owned);
    let lang = lang.map(|lang| Language::parse("language", &lang)).transpose()?;
    state.store()?.write(|w| match &lang {
        Some(lang) => w.set_fact_value(&key, lang, &value, as_of, source),
        None => w.set_fact(&key, &value, as_of, source).map(drop),
    })?;
    Ok(())
}

/// Deletes a fact no final statement cites, returning the titles of the drafts that cite it;
/// with `lang`, only its value in that language.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn delete_fact(
    state: State<'_, AppState>,
    key: String,
    lang: Option<String>,
) -> CommandResult<Vec<String>> {
    let key = FactKey::parse(&key)?;
    if let Some(lang) = lang {
        let lang = Language::parse("language", &lang)?;
        state.store()?.write(|w| w.remove_fact_value(&key, &lang))?;
        return Ok(Vec::new());
    }
    let drafts = state.store()?.write(|w| w.delete_fact(&key))?;
    Ok(drafts.into_iter().map(|citation| citation.title).collect())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_events(state: State<'_, AppState>) -> CommandResult<Vec<EventView>> {
    Ok(state.store()?.events()?.into_iter().map(EventView::from).collect())
}

/// Deletes an event no statement uses (the window undoes it by saving the same details again).
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn delete_event(state: State<'_, AppState>, id: EventId) -> CommandResult<()> {
    let mut store = state.store()?;
    Ok(store.write(|w| w.delete_event(id))?)
}

/// Creates the event (no `id`) or replaces its details; returns its id.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn save_event(
    state: State<'_, AppState>,
    id: Option<EventId>,
    event: EventInput,
) -> CommandResult<String> {
    let event = event.into_event()?;
    let mut store = state.store()?;
    match id {
        Some(id) => {
            store.write(|w| w.update_event(id, event))?;
            Ok(id.to_string())
        }
        None => Ok(store.write(|w| w.add_event(event))?.to_string()),
    }
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn get_organisation(state: State<'_, AppState>) -> CommandResult<OrganisationView> {
    Ok(state.store()?.organisation()?.into())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn update_organisation(
    state: State<'_, AppState>,
    organisation: OrganisationInput,
) -> CommandResult<OrganisationView> {
    let update = OrganisationUpdate {
        name: Some(organisation.name),
        short_name: Some(organisation.short_name),
        logo: None,
        address: Some(organisation.address),
        website: Some(organisation.website),
    };
    let mut store = state.store()?;
    store.write(|w| w.update_organisation(update))?;
    Ok(store.organisation()?.into())
}

/// Asks for a PNG or SVG file with the native open dialog and makes it the logo. Returns the
/// profile, or `None` if the dialog was cancelled.
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn choose_logo<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<OrganisationView>> {
    let picked = app
        .dialog()
        .file()
        .add_filter(state.language().says("PNG or SVG image", "Imagen PNG o SVG"), &["png", "svg"])
        .blocking_pick_file();
    let Some(path) = picked.and_then(|file| file.into_path().ok()) else { return Ok(None) };
    let bytes = std::fs::read(&path).map_err(|error| file_error(&path, error))?;
    let logo = Logo::from_file_bytes(&path.display().to_string(), bytes)?;
    let mut store = state.store()?;
    store.write(|w| w.update_organisation(OrganisationUpdate { logo: Some(logo), ..Default::default() }))?;
    Ok(Some(store.organisation()?.into()))
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn list_terms(state: State<'_, AppState>) -> CommandResult<Vec<Term>> {
    Ok(state.store()?.terms()?)
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn add_term(
    state: State<'_, AppState>,
    lang: String,
    term: String,
    prefer: String,
    note: String,
) -> CommandResult<String> {
    let lang = Language::parse("language", &lang)?;
    let note = non_empty(&note).map(str::to_owned);
    Ok(state.store()?.write(|w| w.add_term(&lang, &term, &prefer, note))?.to_string())
}

#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn remove_term(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    let mut store = state.store()?;
    let id = store.resolve_term(&id)?;
    Ok(store.write(|w| w.remove_term(id))?)
}
