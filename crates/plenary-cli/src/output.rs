//! What commands print: the JSON documents of `shared/CLI.md` (snake_case, ids as strings, ISO
//! dates) and short text for people.

use anyhow::Result;
use plenary_core::assembly::{AssembledStatement, ItemOrigin};
use plenary_core::date::{Date, Timestamp};
use plenary_core::event::Event;
use plenary_core::fact::FactStanding;
use plenary_core::freeze::{Frozen, StatusChange};
use plenary_core::organisation::Organisation;
use plenary_core::section::{Section, TranslationSource, Version};
use plenary_core::statement::{SignerStanding, Standing, Statement};
use plenary_core::term::{Term, TermMatch, find_in_section};
use plenary_core::warning::Warning;
use plenary_store::{LastUse, SearchHit, StatementSummary, Translation, Usage};
use serde::Serialize;

/// Prints one JSON document on standard output.
pub(crate) fn json<T: Serialize>(value: &T) -> Result<()> {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Prints a new record's id: bare, or as `{"id": …}` with `--json`.
pub(crate) fn created(id: impl ToString, as_json: bool) -> Result<()> {
    if as_json {
        json(&serde_json::json!({ "id": id.to_string() }))
    } else {
        outln!("{}", id.to_string());
        Ok(())
    }
}

/// The first 8 characters of an id: enough to type it back.
pub(crate) fn short(id: impl ToString) -> String {
    id.to_string().chars().take(8).collect()
}

#[derive(Serialize)]
pub(crate) struct SectionView {
    id: String,
    title: String,
    body: String,
    kind: String,
    tags: Vec<String>,
    lang: String,
    status: String,
    owner: Option<String>,
    review_due: Option<Date>,
    translation_group: Option<String>,
    current_version: u32,
    vetted_version: Option<u32>,
    /// Changed here and in a colleague's library since their last common version (both kept):
    /// the other branch's newest version.
    diverged_with: Option<u32>,
    created_at: Timestamp,
    updated_at: Timestamp,
    translations: Vec<TranslationView>,
    /// What this section was translated from, if it is a translation.
    translation_of: Option<TranslationOfView>,
    used_in: Vec<UsageView>,
    /// Wording the termbase says to avoid, found in the title and body.
    term_matches: Vec<TermMatch>,
    /// When the section last went out, and in which statement.
    last_used: Option<LastUse>,
    /// Its review date has passed.
    review_overdue: bool,
}

#[derive(Serialize)]
struct TranslationView {
    id: String,
    lang: String,
    title: String,
    /// It is a translation whose source has changed since it was made.
    out_of_date: bool,
}

#[derive(Serialize)]
struct TranslationOfView {
    id: String,
    lang: String,
    title: String,
    made_from_version: u32,
    source_version: u32,
    out_of_date: bool,
}

#[derive(Serialize)]
struct UsageView {
    statement_id: String,
    title: String,
    status: String,
    position: u32,
    version: u32,
}

impl SectionView {
    pub(crate) fn new(
        section: Section,
        translations: Vec<Translation>,
        translation_of: Option<TranslationSource>,
        used_in: Vec<Usage>,
        terms: &[Term],
        last_used: Option<LastUse>,
        today: Date,
    ) -> Self {
        Self {
            last_used,
            review_overdue: section.review_due.is_some_and(|due| due < today),
            term_matches: find_in_section(&section.title, &section.body, &section.lang, terms),
            id: section.id.to_string(),
            title: section.title,
            body: section.body,
            kind: section.kind.to_string(),
            tags: section.tags,
            lang: section.lang.to_string(),
            status: section.status.to_string(),
            owner: section.owner,
            review_due: section.review_due,
            translation_group: section.translation_group.map(|group| group.to_string()),
            current_version: section.current_version,
            vetted_version: section.vetted_version,
            diverged_with: section.diverged_with,
            created_at: section.created_at,
            updated_at: section.updated_at,
            translations: translations
                .into_iter()
                .map(|t| TranslationView {
                    id: t.section.to_string(),
                    lang: t.lang.to_string(),
                    title: t.title,
                    out_of_date: t.out_of_date,
                })
                .collect(),
            translation_of: translation_of.map(|source| TranslationOfView {
                id: source.source.to_string(),
                lang: source.lang.to_string(),
                out_of_date: source.out_of_date(),
                title: source.title,
                made_from_version: source.made_from,
                source_version: source.source_version,
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
        }
    }

    pub(crate) fn print(&self) {
        outln!("{}", self.title);
        outln!(
            "id {}  ·  {}  ·  {}  ·  {}  ·  version {}{}",
            self.id,
            self.kind,
            self.lang,
            self.status,
            self.current_version,
            self.vetted_version.map(|v| format!(" (vetted: {v})")).unwrap_or_default()
        );
        if let Some(other) = self.diverged_with {
            outln!(
                "diverged: changed here (v{}) and in a colleague's library (v{other}); choose with `section resolve --keep`",
                self.current_version
            );
        }
        if !self.tags.is_empty() {
            outln!("tags: {}", self.tags.join(", "));
        }
        if let Some(owner) = &self.owner {
            outln!("owner: {owner}");
        }
        if let Some(due) = self.review_due {
            let overdue = if self.review_overdue { "  (OVERDUE)" } else { "" };
            outln!("review due: {due}{overdue}");
        }
        match &self.last_used {
            Some(last) => outln!("last used: {} in {:?}", last.on, last.title),
            None => outln!("last used: never exported"),
        }
        if let Some(source) = &self.translation_of {
            let state = if source.out_of_date {
                format!(
                    "OUT OF DATE: made from v{}, the source is now at v{}",
                    source.made_from_version, source.source_version
                )
            } else {
                format!("up to date with v{}", source.source_version)
            };
            outln!("translated from ({}): {}  {}  ({state})", source.lang, short(&source.id), source.title);
        }
        for translation in &self.translations {
            let flag = if translation.out_of_date { "  (out of date)" } else { "" };
            outln!(
                "translation ({}): {}  {}{flag}",
                translation.lang,
                short(&translation.id),
                translation.title
            );
        }
        for usage in &self.used_in {
            outln!(
                "used in: {}  {} (item {}, version {}, {})",
                short(&usage.statement_id),
                usage.title,
                usage.position,
                usage.version,
                usage.status
            );
        }
        for found in &self.term_matches {
            outln!("term to avoid: \"{}\" (write \"{}\")", found.found, found.prefer);
        }
        outln!("\n{}", self.body.trim_end());
    }
}

#[derive(Serialize)]
pub(crate) struct SectionSummaryView {
    id: String,
    title: String,
    kind: String,
    tags: Vec<String>,
    lang: String,
    status: String,
    owner: Option<String>,
    review_due: Option<Date>,
    current_version: u32,
    vetted_version: Option<u32>,
    updated_at: Timestamp,
}

impl From<Section> for SectionSummaryView {
    fn from(section: Section) -> Self {
        Self {
            id: section.id.to_string(),
            title: section.title,
            kind: section.kind.to_string(),
            tags: section.tags,
            lang: section.lang.to_string(),
            status: section.status.to_string(),
            owner: section.owner,
            review_due: section.review_due,
            current_version: section.current_version,
            vetted_version: section.vetted_version,
            updated_at: section.updated_at,
        }
    }
}

impl SectionSummaryView {
    pub(crate) fn print_line(&self) {
        outln!(
            "{}  {:<9}  {:<14}  {:<6}  {}",
            short(&self.id),
            self.status,
            self.kind,
            self.lang,
            self.title
        );
    }
}

#[derive(Serialize)]
pub(crate) struct VersionView {
    number: u32,
    title: String,
    body: String,
    author: String,
    created_at: Timestamp,
    note: Option<String>,
    vetted_by: Option<String>,
    vetted_at: Option<Timestamp>,
    /// Where the vetting record came from, if from another library.
    vetted_via: Option<String>,
    /// The older version whose text this one brought back (`section restore`).
    restored_from: Option<u32>,
}

impl From<Version> for VersionView {
    fn from(version: Version) -> Self {
        Self {
            number: version.number,
            title: version.title,
            body: version.body,
            author: version.author,
            created_at: version.created_at,
            note: version.note,
            vetted_by: version.vetted.as_ref().map(|v| v.by.clone()),
            vetted_at: version.vetted.as_ref().map(|v| v.at),
            vetted_via: version.vetted.and_then(|v| v.via),
            restored_from: version.restored_from,
        }
    }
}

impl VersionView {
    pub(crate) fn print_line(&self) {
        let via = self.vetted_via.as_ref().map(|via| format!(" ({via})")).unwrap_or_default();
        let vetted = self.vetted_by.as_ref().map(|by| format!("  vetted by {by}{via}")).unwrap_or_default();
        let note = self.note.as_ref().map(|note| format!("  “{note}”")).unwrap_or_default();
        let restored = self.restored_from.map(|from| format!("  restored v{from}")).unwrap_or_default();
        outln!(
            "v{:<3} {}  {}{}{}{}",
            self.number,
            self.created_at.strftime("%Y-%m-%d %H:%M"),
            self.author,
            restored,
            vetted,
            note
        );
    }
}

#[derive(Serialize)]
pub(crate) struct HitView {
    id: String,
    title: String,
    kind: String,
    status: String,
    snippet: String,
}

impl From<SearchHit> for HitView {
    fn from(hit: SearchHit) -> Self {
        Self {
            id: hit.id.to_string(),
            title: hit.title,
            kind: hit.kind.to_string(),
            status: hit.status.to_string(),
            snippet: hit.snippet,
        }
    }
}

impl HitView {
    pub(crate) fn print(&self) {
        outln!("{}  {:<9}  {}", short(&self.id), self.status, self.title);
        outln!("          {}", plain_snippet(&self.snippet));
    }
}

/// The HTML snippet as terminal text: matches in brackets, entities decoded.
fn plain_snippet(html: &str) -> String {
    html.replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[derive(Serialize)]
pub(crate) struct OrganisationView {
    name: String,
    short_name: Option<String>,
    address: Option<String>,
    website: Option<String>,
    logo: Option<LogoView>,
}

#[derive(Serialize)]
struct LogoView {
    mime: String,
    bytes: usize,
}

impl From<Organisation> for OrganisationView {
    fn from(org: Organisation) -> Self {
        Self {
            name: org.name,
            short_name: org.short_name,
            address: org.address,
            website: org.website,
            logo: org
                .logo
                .map(|logo| LogoView { mime: logo.format.mime().to_owned(), bytes: logo.bytes.len() }),
        }
    }
}

impl OrganisationView {
    pub(crate) fn print(&self) {
        outln!("name: {}", if self.name.is_empty() { "(not set)" } else { &self.name });
        for (label, value) in
            [("short name", &self.short_name), ("address", &self.address), ("website", &self.website)]
        {
            if let Some(value) = value {
                outln!("{label}: {}", value.replace('\n', ", "));
            }
        }
        if let Some(logo) = &self.logo {
            outln!("logo: {} ({} bytes)", logo.mime, logo.bytes);
        }
    }
}

pub(crate) fn print_event_line(event: &Event) {
    let dates = match (event.starts, event.ends) {
        (Some(starts), Some(ends)) if starts != ends => format!("{starts} – {ends}"),
        (Some(starts), _) => starts.to_string(),
        _ => "dates not set".to_owned(),
    };
    let place: Vec<&str> = [event.city.as_deref(), event.country.as_deref()].into_iter().flatten().collect();
    outln!("{}  {}  ·  {}  ·  {}", short(event.id), event.display_name(), dates, place.join(", "));
}

pub(crate) fn print_event(event: &Event) {
    outln!("{}", event.name);
    print_event_line(event);
    if let Some(deadline) = event.deadline {
        outln!("deadline: {deadline}");
    }
    if let Some(limit) = event.word_limit {
        outln!("word limit: {limit}");
    }
    if !event.languages.is_empty() {
        let langs: Vec<&str> = event.languages.iter().map(|l| l.as_str()).collect();
        outln!("languages: {}", langs.join(", "));
    }
}

#[derive(Serialize)]
pub(crate) struct StatementView {
    id: String,
    title: String,
    event: Option<Event>,
    lang: String,
    date: Option<Date>,
    template: String,
    status: String,
    signatories: Vec<SignerStanding>,
    items: Vec<ItemView>,
    word_count: usize,
    word_count_by_lang: std::collections::BTreeMap<String, usize>,
    warnings: Vec<WarningView>,
    /// When a final statement was frozen, and the template kept with it.
    frozen: Option<FrozenView>,
    /// Every status change, oldest first.
    status_changes: Vec<StatusChange>,
}

#[derive(Serialize)]
struct FrozenView {
    at: Timestamp,
    on: Date,
    template: Option<String>,
}

#[derive(Serialize)]
struct ItemView {
    id: String,
    position: u32,
    #[serde(rename = "type")]
    kind: &'static str,
    section_id: Option<String>,
    version: Option<u32>,
    forked_from: Option<ForkView>,
    title: String,
    body: String,
    lang: String,
    word_count: usize,
}

#[derive(Serialize)]
struct ForkView {
    section_id: String,
    version: u32,
}

#[derive(Serialize)]
struct WarningView {
    #[serde(flatten)]
    warning: Warning,
    message: String,
}

impl StatementView {
    pub(crate) fn new(
        statement: Statement,
        assembled: AssembledStatement,
        frozen: Option<Frozen>,
        status_changes: Vec<StatusChange>,
    ) -> Self {
        let signatories = SignerStanding::all(statement.signatories, &assembled.consent_text());
        let items = assembled
            .items
            .into_iter()
            .map(|assembled| {
                let (kind, section_id, version, forked_from) = match assembled.origin {
                    ItemOrigin::Linked(pinned) => {
                        ("linked", Some(pinned.section.to_string()), Some(pinned.version), None)
                    }
                    ItemOrigin::Text { forked_from, .. } => (
                        "text",
                        None,
                        None,
                        forked_from
                            .map(|f| ForkView { section_id: f.section.to_string(), version: f.version }),
                    ),
                };
                ItemView {
                    id: assembled.id.to_string(),
                    position: assembled.position,
                    kind,
                    section_id,
                    version,
                    forked_from,
                    title: assembled.title,
                    body: assembled.body,
                    lang: assembled.lang.to_string(),
                    word_count: assembled.word_count,
                }
            })
            .collect();
        Self {
            id: statement.id.to_string(),
            title: assembled.title,
            event: assembled.event,
            lang: statement.lang.to_string(),
            date: statement.date,
            template: statement.template,
            status: statement.status.to_string(),
            signatories,
            items,
            word_count: assembled.word_count,
            word_count_by_lang: assembled.word_count_by_lang,
            warnings: assembled
                .warnings
                .into_iter()
                .map(|warning| WarningView { message: warning.message(), warning })
                .collect(),
            frozen: frozen.map(|frozen| FrozenView {
                at: frozen.at,
                on: frozen.on,
                template: frozen.template.map(|template| template.name),
            }),
            status_changes,
        }
    }

    pub(crate) fn print(&self) {
        outln!("{}", self.title);
        let event = self.event.as_ref().map(|e| format!("  ·  {}", e.display_name())).unwrap_or_default();
        outln!(
            "id {}  ·  {}  ·  {}  ·  template {}{}",
            self.id,
            self.status,
            self.lang,
            self.template,
            event
        );
        let limit =
            self.event.as_ref().and_then(|e| e.word_limit).map(|l| format!(" of {l}")).unwrap_or_default();
        outln!("words: {}{}", self.word_count, limit);
        if let Some(frozen) = &self.frozen {
            outln!("frozen on {}: exports show the library as it was then", frozen.on);
        }
        outln!();
        for item in &self.items {
            let source = match (&item.section_id, item.version) {
                (Some(section), Some(version)) => format!("library {} v{version}", short(section)),
                _ if item.forked_from.is_some() => "forked text".to_owned(),
                _ => "statement text".to_owned(),
            };
            let title = if item.title.is_empty() { "(untitled)" } else { &item.title };
            outln!("{:>2}. {}  [{source}, {} words]", item.position, title, item.word_count);
        }
        for signatory in &self.signatories {
            let signer = &signatory.signer;
            let role = signer.role.as_ref().map(|r| format!(", {r}")).unwrap_or_default();
            let standing = match signatory.standing {
                Standing::Agreed => "agreed",
                Standing::Invited => "invited, no answer yet",
                Standing::Stale => "agreed to an earlier text: ask again",
                Standing::Declined => "declined",
            };
            outln!("signatory: {}{role}  ({standing})", signer.name);
        }
        if !self.warnings.is_empty() {
            outln!();
            for warning in &self.warnings {
                outln!("warning: {}", warning.message);
            }
        }
        if !self.status_changes.is_empty() {
            outln!();
            for change in &self.status_changes {
                let note = change.note.as_ref().map(|note| format!(": {note}")).unwrap_or_default();
                outln!("{}  {} → {}{note}", change.at.strftime("%Y-%m-%d %H:%M"), change.from, change.to);
            }
        }
    }
}

#[derive(Serialize)]
pub(crate) struct StatementSummaryView {
    id: String,
    title: String,
    event: Option<String>,
    lang: String,
    status: String,
    items: usize,
    updated_at: Timestamp,
}

impl From<StatementSummary> for StatementSummaryView {
    fn from(summary: StatementSummary) -> Self {
        Self {
            id: summary.id.to_string(),
            title: summary.title,
            event: summary.event,
            lang: summary.lang.to_string(),
            status: summary.status.to_string(),
            items: summary.items,
            updated_at: summary.updated_at,
        }
    }
}

impl StatementSummaryView {
    pub(crate) fn print_line(&self) {
        let event = self.event.as_deref().unwrap_or("—");
        outln!(
            "{}  {:<9}  {:<12}  {:>3} items  {}",
            short(&self.id),
            self.status,
            event,
            self.items,
            self.title
        );
    }
}

/// An export record as `statement exports` and `exports show` print it in JSON.
pub(crate) fn export_json(record: &plenary_store::ExportRecord) -> serde_json::Value {
    let r = &record.export;
    serde_json::json!({
        "id": record.id, "statement": r.statement.to_string(), "format": r.format, "template": r.template,
        "file": r.file, "sha256": r.sha256, "bytes": r.bytes, "word_count": r.word_count,
        "versions": serde_json::from_str::<serde_json::Value>(&r.versions_json).unwrap_or_default(),
        "facts": serde_json::from_str::<serde_json::Value>(&r.facts_json).unwrap_or_default(),
        "created_at": record.created_at,
    })
}

/// Prints a fact as `fact list` shows it, marked when its figure is over a year old.
pub(crate) fn print_fact(standing: &FactStanding) {
    let fact = &standing.fact;
    let as_of = fact.as_of.map(|d| format!("  (as of {d})")).unwrap_or_default();
    let source = fact.source.as_ref().map(|s| format!("  — {s}")).unwrap_or_default();
    let stale = if standing.stale { "  [stale: over a year old]" } else { "" };
    outln!("{} = {}{as_of}{source}{stale}", fact.key, fact.value);
    for (lang, value) in &fact.values {
        outln!("  {lang}: {value}");
    }
}
