//! The shapes the window receives (snake_case JSON, ids as strings, ISO dates) and the ones it
//! sends, converted to model values here so that commands stay one call each.

use plenary_core::ModelError;
use plenary_core::assembly::{AssembledStatement, ItemOrigin};
use plenary_core::date::{Date, PartialDate, Timestamp, parse_date};
use plenary_core::event::{Event, parse_word_limit};
use plenary_core::freeze::{Frozen, StatusChange};
use plenary_core::id::{EventId, SectionId};
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::organisation::Organisation;
use plenary_core::section::{Section, TranslationSource, Version};
use plenary_core::statement::{SignerStanding, Statement};
use plenary_core::status::SectionStatus;
use plenary_core::term::{Term, TermMatch, find_in_section};
use plenary_core::warning::Warning;
use plenary_store::{
    Draft, LastUse, NewEvent, SearchHit, SectionFilter, SectionSummary, StatementSummary, Store, Translation,
    Usage,
};
use serde::{Deserialize, Serialize};

use crate::error::{CommandError, CommandResult};

/// Filters as the library's filter bar sends them; `None` (or a blank date) means "any".
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct FilterInput {
    kind: Option<String>,
    tag: Option<String>,
    status: Option<SectionStatus>,
    lang: Option<String>,
    /// Only sections due for review by this date.
    review_due_by: String,
}

impl FilterInput {
    /// The store's filter, with errors naming the field.
    pub(crate) fn into_filter(self) -> CommandResult<SectionFilter> {
        Ok(SectionFilter {
            kind: self.kind.as_deref().map(Kind::parse).transpose()?,
            tag: self.tag,
            status: self.status,
            lang: self.lang.as_deref().map(|l| Language::parse("language", l)).transpose()?,
            review_due_by: non_empty(&self.review_due_by).map(|d| parse_date("review due", d)).transpose()?,
        })
    }
}

/// Trimmed text, or `None` when blank.
pub(crate) fn non_empty(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|text| !text.is_empty())
}

/// An optional date field from a form.
pub(crate) fn optional_date(field: &str, text: &str) -> CommandResult<Option<Date>> {
    non_empty(text).map(|text| parse_date(field, text)).transpose().map_err(CommandError::from)
}

/// A line of the section list.
#[derive(Debug, Serialize)]
pub(crate) struct SectionRow {
    id: String,
    title: String,
    kind: String,
    lang: String,
    status: SectionStatus,
    tags: Vec<String>,
    review_due: Option<Date>,
    current_version: u32,
    has_draft: bool,
    translation_out_of_date: bool,
    updated_at: Timestamp,
}

impl From<SectionSummary> for SectionRow {
    fn from(s: SectionSummary) -> Self {
        Self {
            id: s.id.to_string(),
            title: s.title,
            kind: s.kind.to_string(),
            lang: s.lang.to_string(),
            status: s.status,
            tags: s.tags,
            review_due: s.review_due,
            current_version: s.current_version,
            has_draft: s.has_draft,
            translation_out_of_date: s.translation_out_of_date,
            updated_at: s.updated_at,
        }
    }
}

/// A search result; `snippet` is HTML-escaped with only `<mark>` markup.
#[derive(Debug, Serialize)]
pub(crate) struct HitRow {
    id: String,
    title: String,
    kind: String,
    lang: String,
    status: SectionStatus,
    snippet: String,
}

impl From<SearchHit> for HitRow {
    fn from(hit: SearchHit) -> Self {
        Self {
            id: hit.id.to_string(),
            title: hit.title,
            kind: hit.kind.to_string(),
            lang: hit.lang.to_string(),
            status: hit.status,
            snippet: hit.snippet,
        }
    }
}

/// A section as its editor shows it.
#[derive(Debug, Serialize)]
pub(crate) struct SectionDetail {
    #[serde(flatten)]
    section: Section,
    /// Unsaved text the editor left (after a crash, or not yet cut into a version).
    draft: Option<DraftView>,
    used_in: Vec<UsageView>,
    translations: Vec<TranslationView>,
    /// What this section was translated from; with the source's text then and now while out of date.
    translation_of: Option<TranslationOfView>,
    /// Wording the termbase says to avoid, found in the current title and body.
    term_matches: Vec<TermMatch>,
    /// When the section last went out, and in which statement.
    last_used: Option<LastUse>,
    /// Its review date has passed.
    review_overdue: bool,
}

#[derive(Debug, Serialize)]
struct DraftView {
    title: String,
    body: String,
    base_version: u32,
    saved_at: Timestamp,
}

#[derive(Debug, Serialize)]
struct UsageView {
    statement_id: String,
    title: String,
    status: String,
    position: u32,
    version: u32,
}

#[derive(Debug, Serialize)]
struct TranslationView {
    id: String,
    lang: String,
    title: String,
    out_of_date: bool,
}

/// A translation's source, and what changed in it since the translation was made.
#[derive(Debug, Serialize)]
struct TranslationOfView {
    id: String,
    lang: String,
    title: String,
    made_from_version: u32,
    source_version: u32,
    out_of_date: bool,
    /// The source's text (title and body) at `made_from_version`, while out of date.
    then: Option<String>,
    /// The source's text now, while out of date.
    now: Option<String>,
}

impl TranslationOfView {
    /// The view of `source`, with `then` and `now` (the source's versions) when it has moved on.
    fn new(source: TranslationSource, then: Option<Version>, now: Option<Version>) -> Self {
        let text = |version: Version| format!("{}\n\n{}", version.title, version.body);
        Self {
            id: source.source.to_string(),
            lang: source.lang.to_string(),
            out_of_date: source.out_of_date(),
            title: source.title,
            made_from_version: source.made_from,
            source_version: source.source_version,
            then: then.map(text),
            now: now.map(text),
        }
    }
}

impl SectionDetail {
    /// Reads the editor's view of a section from the library, as of `today`.
    pub(crate) fn read(store: &Store, id: SectionId, today: Date) -> CommandResult<Self> {
        // While a translation is out of date its source's two texts are shown side by side.
        let translation_of = match store.translation_source(id)? {
            Some(source) if source.out_of_date() => {
                let then = store.version(source.source, source.made_from)?;
                let now = store.version(source.source, source.source_version)?;
                Some(TranslationOfView::new(source, Some(then), Some(now)))
            }
            Some(source) => Some(TranslationOfView::new(source, None, None)),
            None => None,
        };
        Ok(Self::new(
            store.section(id)?,
            store.draft(id)?,
            store.used_in(id)?,
            store.translations(id)?,
            translation_of,
            &store.terms()?,
            (store.last_used(id)?, today),
        ))
    }

    fn new(
        section: Section,
        draft: Option<Draft>,
        used_in: Vec<Usage>,
        translations: Vec<Translation>,
        translation_of: Option<TranslationOfView>,
        terms: &[Term],
        (last_used, today): (Option<LastUse>, Date),
    ) -> Self {
        Self {
            last_used,
            review_overdue: section.review_due.is_some_and(|due| due < today),
            term_matches: find_in_section(&section.title, &section.body, &section.lang, terms),
            section,
            draft: draft.map(|d| DraftView {
                title: d.title,
                body: d.body,
                base_version: d.base_version,
                saved_at: d.saved_at,
            }),
            used_in: used_in
                .into_iter()
                .map(|u| UsageView {
                    statement_id: u.statement.to_string(),
                    title: u.title,
                    status: u.status.to_string(),
                    position: u.position,
                    version: u.version,
                })
                .collect(),
            translations: translations
                .into_iter()
                .map(|t| TranslationView {
                    id: t.section.to_string(),
                    lang: t.lang.to_string(),
                    title: t.title,
                    out_of_date: t.out_of_date,
                })
                .collect(),
            translation_of,
        }
    }
}

/// A new section from the "New section" form.
#[derive(Debug, Deserialize)]
pub(crate) struct NewSectionInput {
    pub(crate) title: String,
    pub(crate) body: String,
    pub(crate) kind: String,
    pub(crate) lang: String,
    #[serde(default)]
    pub(crate) tags: Vec<String>,
}

/// The metadata fields of the section editor.
#[derive(Debug, Deserialize)]
pub(crate) struct SectionDetailsInput {
    pub(crate) kind: String,
    pub(crate) lang: String,
    pub(crate) tags: Vec<String>,
    pub(crate) owner: String,
    pub(crate) review_due: String,
}

/// One version in the history panel: the window's own shape, which the sharing format's
/// (core's serde of [`Version`]) does not change.
#[derive(Debug, Serialize)]
pub(crate) struct VersionView {
    number: u32,
    title: String,
    body: String,
    author: String,
    created_at: String,
    note: Option<String>,
    /// Who vetted it and when, and where the record came from if another library vetted it.
    vetted: Option<VettingView>,
    /// The older version whose text this one brought back, if it was made by restoring one.
    restored_from: Option<u32>,
}

/// Who vetted a version.
#[derive(Debug, Serialize)]
pub(crate) struct VettingView {
    by: String,
    at: String,
    via: Option<String>,
}

impl From<Version> for VersionView {
    fn from(version: Version) -> Self {
        Self {
            number: version.number,
            title: version.title,
            body: version.body,
            author: version.author,
            created_at: version.created_at.to_string(),
            note: version.note,
            vetted: version.vetted.map(|v| VettingView { by: v.by, at: v.at.to_string(), via: v.via }),
            restored_from: version.restored_from,
        }
    }
}

/// An event as its form sends it.
#[derive(Debug, Deserialize)]
pub(crate) struct EventInput {
    name: String,
    #[serde(default)]
    short_name: String,
    #[serde(default)]
    edition: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    organiser: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    #[serde(default)]
    deadline: String,
    #[serde(default)]
    word_limit: Option<u32>,
    /// Limits of single languages as typed: "es=900, fr=850".
    #[serde(default)]
    word_limits: String,
    #[serde(default)]
    languages: Vec<String>,
}

impl EventInput {
    /// The store's event, with errors naming the field.
    pub(crate) fn into_event(self) -> CommandResult<NewEvent> {
        let text = |s: String| non_empty(&s).map(str::to_owned);
        Ok(NewEvent {
            starts: optional_date("starts", &self.starts)?,
            ends: optional_date("ends", &self.ends)?,
            deadline: optional_date("deadline", &self.deadline)?,
            languages: self
                .languages
                .iter()
                .filter_map(|l| non_empty(l))
                .map(|l| Language::parse("languages", l))
                .collect::<Result<_, _>>()?,
            name: self.name,
            short_name: text(self.short_name),
            edition: text(self.edition),
            city: text(self.city),
            country: text(self.country),
            organiser: text(self.organiser),
            word_limit: self.word_limit,
            word_limits: self
                .word_limits
                .split([',', ';'])
                .filter_map(|entry| non_empty(entry))
                .map(|entry| match parse_word_limit("limits per language", entry)? {
                    (Some(lang), limit) => Ok((lang, limit)),
                    (None, _) => Err(ModelError::invalid(
                        "limits per language",
                        entry,
                        "give the language before the number, as es=900",
                    )),
                })
                .collect::<Result<_, _>>()?,
        })
    }
}

/// An event as the window shows it: its fields, and the name menus give it (core's
/// [`Event::display_name`], so the window and the exports name it alike).
#[derive(Debug, Serialize)]
pub(crate) struct EventView {
    #[serde(flatten)]
    event: Event,
    label: String,
}

impl From<Event> for EventView {
    fn from(event: Event) -> Self {
        Self { label: event.display_name(), event }
    }
}

/// The organisation profile, with the logo as a data URI for display.
#[derive(Debug, Serialize)]
pub(crate) struct OrganisationView {
    #[serde(flatten)]
    organisation: Organisation,
    logo_data_uri: Option<String>,
}

impl From<Organisation> for OrganisationView {
    fn from(organisation: Organisation) -> Self {
        let logo_data_uri = organisation.logo.as_ref().map(plenary_render::logo_data_uri);
        Self { organisation, logo_data_uri }
    }
}

/// The organisation form's fields.
#[derive(Debug, Deserialize)]
pub(crate) struct OrganisationInput {
    pub(crate) name: String,
    pub(crate) short_name: String,
    pub(crate) address: String,
    pub(crate) website: String,
}

/// A line of the statement list.
#[derive(Debug, Serialize)]
pub(crate) struct StatementRow {
    id: String,
    title: String,
    event: Option<String>,
    lang: String,
    status: String,
    items: usize,
    updated_at: Timestamp,
}

impl From<StatementSummary> for StatementRow {
    fn from(s: StatementSummary) -> Self {
        Self {
            id: s.id.to_string(),
            title: s.title,
            event: s.event,
            lang: s.lang.to_string(),
            status: s.status.to_string(),
            items: s.items,
            updated_at: s.updated_at,
        }
    }
}

/// The composer's view of a statement: its details, its items as written and as assembled,
/// the word count against the event's limit, and the warnings.
#[derive(Debug, Serialize)]
pub(crate) struct StatementDetail {
    id: String,
    title: String,
    event: Option<EventView>,
    lang: String,
    date: Option<Date>,
    template: String,
    status: String,
    signatories: Vec<SignerStanding>,
    items: Vec<ItemView>,
    word_count: usize,
    word_count_by_lang: std::collections::BTreeMap<String, usize>,
    word_limit: Option<u32>,
    /// Words in the statement's own language, counted against `word_limit`.
    words_in_lang: usize,
    warnings: Vec<Warning>,
    /// The day a final statement was frozen; its exports show the library as it was then.
    frozen_on: Option<Date>,
    /// Every status change, oldest first (reopening keeps its reason here).
    status_changes: Vec<StatusChange>,
    /// The preview: the HTML export as it stands, or why the template could not render it.
    preview: Preview,
}

/// The statement as its HTML export would be, or the error its template gave.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
enum Preview {
    Html(String),
    Error(Box<CommandError>),
}

/// One item of the composer.
#[derive(Debug, Serialize)]
struct ItemView {
    id: String,
    position: u32,
    /// `linked` (library section pinned to a version) or `text` (statement-only).
    source: &'static str,
    /// The library section, for linked and forked items.
    section_id: Option<String>,
    /// The pinned version (linked) or the version forked from.
    version: Option<u32>,
    /// Heading and body as written (text items are edited from these).
    title: String,
    body: String,
    /// Heading and body with facts substituted, as they will print.
    shown_title: String,
    shown_body: String,
    /// The body as the exports show it: sanitised HTML (plenary-render's allow-list).
    shown_html: String,
    word_count: usize,
}

impl StatementDetail {
    /// The composer's view: the statement's details, and its items as assembled (each knows
    /// where its text comes from).
    pub(crate) fn new(
        statement: Statement,
        assembled: AssembledStatement,
        frozen: Option<Frozen>,
        status_changes: Vec<StatusChange>,
        preview: Result<String, Box<CommandError>>,
    ) -> Self {
        let signatories = SignerStanding::all(statement.signatories, &assembled.consent_text());
        let items = assembled
            .items
            .into_iter()
            .map(|shown| {
                let (source, from, title, body) = match shown.origin {
                    ItemOrigin::Linked(version) => {
                        ("linked", Some(version), shown.title.clone(), shown.body.clone())
                    }
                    ItemOrigin::Text { title, body, forked_from } => ("text", forked_from, title, body),
                };
                ItemView {
                    id: shown.id.to_string(),
                    position: shown.position,
                    section_id: from.map(|version| version.section.to_string()),
                    version: from.map(|version| version.version),
                    source,
                    title,
                    body,
                    shown_html: plenary_render::body_html(&shown.body),
                    shown_title: shown.title,
                    shown_body: shown.body,
                    word_count: shown.word_count,
                }
            })
            .collect();
        // The budget shown is the statement's own language's: words in other languages count
        // against their own limits (and are named in the warnings).
        let word_limit = assembled.event.as_ref().and_then(|e| e.word_limit_for(&statement.lang));
        let words_in_lang = assembled.word_count_by_lang.get(statement.lang.as_str()).copied().unwrap_or(0);
        Self {
            id: statement.id.to_string(),
            title: statement.title,
            event: assembled.event.map(EventView::from),
            lang: statement.lang.to_string(),
            date: statement.date,
            template: statement.template,
            status: statement.status.to_string(),
            signatories,
            items,
            word_count: assembled.word_count,
            word_count_by_lang: assembled.word_count_by_lang,
            word_limit,
            words_in_lang,
            warnings: assembled.warnings,
            frozen_on: frozen.map(|frozen| frozen.on),
            status_changes,
            preview: match preview {
                Ok(html) => Preview::Html(html),
                Err(error) => Preview::Error(error),
            },
        }
    }
}

/// The statement details form.
#[derive(Debug, Deserialize)]
pub(crate) struct StatementDetailsInput {
    pub(crate) title: String,
    /// The event's id; `None` for no event.
    pub(crate) event: Option<EventId>,
    pub(crate) lang: String,
    pub(crate) template: String,
    pub(crate) date: String,
}

/// A fact's "as of" field.
pub(crate) fn optional_partial_date(text: &str) -> CommandResult<Option<PartialDate>> {
    non_empty(text).map(|text| PartialDate::parse("as of", text)).transpose().map_err(CommandError::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Code;

    #[test]
    fn the_preview_travels_as_its_html_or_as_the_templates_error() {
        let shown = serde_json::to_value(Preview::Html("<p>x</p>".into())).expect("serialisable");
        assert_eq!(shown, serde_json::json!({ "html": "<p>x</p>" }));
        let failed =
            Preview::Error(Box::new(CommandError::new(Code::Template, "statement.hbs line 3: unclosed")));
        let sent = serde_json::to_value(failed).expect("serialisable");
        assert_eq!(
            sent,
            serde_json::json!({ "error": { "code": "template", "message": "statement.hbs line 3: unclosed" } })
        );
    }
}
