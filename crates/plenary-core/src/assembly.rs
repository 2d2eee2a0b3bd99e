//! Assembly: a statement and its resolved items become one plain document, with facts
//! substituted, words counted and warnings raised. Every renderer and every preview starts here.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::date::Date;
use crate::event::Event;
use crate::fact::{Fact, fact_references, substitute_facts};
use crate::id::{ItemId, SectionId};
use crate::language::Language;
use crate::section::{TranslationSource, VersionRef};
use crate::statement::{Signatory, Standing, Statement, consent_text};
use crate::status::{SectionStatus, StatementStatus};
use crate::term::{Term, find_in_section};
use crate::warning::Warning;
use crate::words::{count_words, plain_text};

/// An item with its text looked up: what the store hands to [`assemble`].
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedItem {
    /// The item.
    pub id: ItemId,
    /// Its heading as written (before fact substitution).
    pub title: String,
    /// Its body as written, Markdown.
    pub body: String,
    /// The language of its text.
    pub lang: Language,
    /// For a linked item, the state of its section in the library.
    pub link: Option<LinkState>,
    /// For statement text, the library version it was copied from, if it was forked.
    pub forked_from: Option<VersionRef>,
}

/// What the library says about a linked item's section now.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkState {
    /// The section.
    pub section: SectionId,
    /// The version the item is pinned to.
    pub pinned: u32,
    /// Whether the pinned version was vetted.
    pub pinned_vetted: bool,
    /// The section's status now.
    pub status: SectionStatus,
    /// The newest vetted version, if any.
    pub latest_vetted: Option<u32>,
    /// When the section is due for review.
    pub review_due: Option<Date>,
    /// What the section was translated from, if it is a translation.
    pub translation_of: Option<TranslationSource>,
}

/// Everything assembly reads. `items` follow the statement's order.
#[derive(Debug, Clone)]
pub struct AssemblyInput<'a> {
    /// The statement.
    pub statement: &'a Statement,
    /// Its event, if it has one.
    pub event: Option<&'a Event>,
    /// Its items, resolved, in order.
    pub items: Vec<ResolvedItem>,
    /// The library's facts.
    pub facts: &'a [Fact],
    /// The termbase.
    pub terms: &'a [Term],
    /// Today, for deadlines and ages.
    pub today: Date,
}

/// A statement ready to render: plain data, facts substituted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssembledStatement {
    /// The statement's title.
    pub title: String,
    /// Its language.
    pub lang: Language,
    /// Its date.
    pub date: Option<Date>,
    /// The day it was assembled: the date an export made from it carries in its metadata, so
    /// exporting the same statement on the same day gives the same bytes.
    pub assembled_on: Date,
    /// Its status.
    pub status: StatementStatus,
    /// The template it asks for.
    pub template: String,
    /// Its event.
    pub event: Option<Event>,
    /// The signatories who agreed to this text, in order: what exports print.
    pub signatories: Vec<Signatory>,
    /// Its items, in order.
    pub items: Vec<AssembledItem>,
    /// Words in the items' plain text.
    pub word_count: usize,
    /// The same count split by the items' languages.
    pub word_count_by_lang: BTreeMap<String, usize>,
    /// The facts substituted, key → value, for the export record.
    pub facts_used: BTreeMap<String, String>,
    /// What may be wrong.
    pub warnings: Vec<Warning>,
}

impl AssembledStatement {
    /// The text signers agree to (see [`consent_text`]).
    pub fn consent_text(&self) -> String {
        consent_text(&self.title, self.items.iter().map(|item| (item.title.as_str(), item.body.as_str())))
    }
}

/// One item, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssembledItem {
    /// The item.
    pub id: ItemId,
    /// 1-based position.
    pub position: u32,
    /// Heading, facts substituted.
    pub title: String,
    /// Body as Markdown, facts substituted.
    pub body: String,
    /// Language of the text.
    pub lang: Language,
    /// Where its text comes from.
    pub origin: ItemOrigin,
    /// Words in its heading and plain-text body.
    pub word_count: usize,
}

/// Where an assembled item's text comes from: what the statement holds for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemOrigin {
    /// A library section's version, pinned.
    Linked(VersionRef),
    /// Text written for the statement, as written (before facts are filled in).
    Text {
        /// Its heading.
        title: String,
        /// Its body, Markdown.
        body: String,
        /// The library version it was copied from, if it was forked.
        forked_from: Option<VersionRef>,
    },
}

impl ItemOrigin {
    /// The library version a linked item shows; `None` for statement text.
    pub fn linked(&self) -> Option<VersionRef> {
        match self {
            ItemOrigin::Linked(version) => Some(*version),
            ItemOrigin::Text { .. } => None,
        }
    }
}

/// Puts a statement together. Pure: the same input always gives the same output.
pub fn assemble(input: AssemblyInput<'_>) -> AssembledStatement {
    let facts: HashMap<&str, &Fact> = input.facts.iter().map(|fact| (fact.key.as_str(), fact)).collect();

    let mut warnings = Vec::new();
    let mut stale_reported: Vec<&str> = Vec::new();
    let mut items = Vec::with_capacity(input.items.len());
    let mut word_count_by_lang: BTreeMap<String, usize> = BTreeMap::new();
    let mut facts_used: BTreeMap<String, String> = BTreeMap::new();

    for (index, resolved) in input.items.iter().enumerate() {
        let position = index as u32 + 1;
        if let Some(link) = &resolved.link {
            link_warnings(position, link, input.today, &mut warnings);
        }
        for reference in fact_references(&resolved.title).into_iter().chain(fact_references(&resolved.body)) {
            match facts.get(reference.key.as_str()) {
                None => {
                    let warning = Warning::UnknownFact { item: position, key: reference.key };
                    if !warnings.contains(&warning) {
                        warnings.push(warning);
                    }
                }
                Some(fact) => {
                    facts_used
                        .insert(used_key(fact, &resolved.lang), fact.value_in(&resolved.lang).to_owned());
                    if let Some(as_of) = fact.as_of.filter(|_| fact.is_stale(input.today))
                        && !stale_reported.contains(&fact.key.as_str())
                    {
                        stale_reported.push(fact.key.as_str());
                        warnings.push(Warning::StaleFact {
                            item: position,
                            key: fact.key.to_string(),
                            as_of,
                        });
                    }
                }
            }
        }
        let title = substitute_in(&resolved.title, &facts, &resolved.lang);
        let body = substitute_in(&resolved.body, &facts, &resolved.lang);
        let word_count = count_words(&title) + count_words(&plain_text(&body));
        for found in find_in_section(&title, &body, &resolved.lang, input.terms) {
            warnings.push(Warning::TermToAvoid {
                item: position,
                term: found.term,
                found: found.found,
                prefer: found.prefer,
            });
        }
        *word_count_by_lang.entry(resolved.lang.to_string()).or_default() += word_count;
        items.push(AssembledItem {
            id: resolved.id,
            position,
            title,
            body,
            lang: resolved.lang.clone(),
            origin: match &resolved.link {
                Some(link) => ItemOrigin::Linked(VersionRef { section: link.section, version: link.pinned }),
                None => ItemOrigin::Text {
                    title: resolved.title.clone(),
                    body: resolved.body.clone(),
                    forked_from: resolved.forked_from,
                },
            },
            word_count,
        });
    }

    let word_count = items.iter().map(|item| item.word_count).sum();
    let statement = input.statement;
    for item in &items {
        if item.lang != statement.lang {
            warnings.push(Warning::ItemLanguage {
                item: item.position,
                lang: item.lang.clone(),
                statement_lang: statement.lang.clone(),
            });
        }
    }
    if let Some(event) = input.event {
        event_warnings(event, statement, &word_count_by_lang, input.today, &mut warnings);
    }

    // Exports print only those who agreed to this very text; the others are warnings.
    let title = substitute_in(&statement.title, &facts, &statement.lang);
    let text_now = consent_text(&title, items.iter().map(|item| (item.title.as_str(), item.body.as_str())));
    let mut signatories = Vec::new();
    for signer in &statement.signatories {
        match signer.standing(&text_now) {
            Standing::Agreed => signatories.push(signer.printed()),
            Standing::Invited => warnings.push(Warning::ConsentMissing { name: signer.name.clone() }),
            Standing::Stale => warnings.push(Warning::ConsentStale { name: signer.name.clone() }),
            Standing::Declined => {}
        }
    }
    for reference in fact_references(&statement.title) {
        if let Some(fact) = facts.get(reference.key.as_str()) {
            facts_used.insert(used_key(fact, &statement.lang), fact.value_in(&statement.lang).to_owned());
        }
    }
    AssembledStatement {
        title,
        lang: statement.lang.clone(),
        date: statement.date,
        assembled_on: input.today,
        status: statement.status,
        template: statement.template.clone(),
        event: input.event.cloned(),
        signatories,
        items,
        word_count,
        word_count_by_lang,
        facts_used,
        warnings,
    }
}

/// `text` with its facts substituted as text in `lang` shows them: the fact's value in that
/// language when it has one.
fn substitute_in(text: &str, facts: &HashMap<&str, &Fact>, lang: &Language) -> String {
    substitute_facts(text, |key| facts.get(key).copied().map(|fact| fact.value_in(lang)))
}

/// How the export record names a fact's use: its key, or `key:lang` when text in `lang` used
/// the fact's value in that language.
fn used_key(fact: &Fact, lang: &Language) -> String {
    if fact.values.contains_key(lang) { format!("{}:{lang}", fact.key) } else { fact.key.to_string() }
}

fn link_warnings(item: u32, link: &LinkState, today: Date, warnings: &mut Vec<Warning>) {
    let section = link.section;
    if link.status == SectionStatus::Retired {
        warnings.push(Warning::RetiredSection { item, section });
    } else if !link.pinned_vetted {
        warnings.push(Warning::UnvettedSection { item, section, version: link.pinned, status: link.status });
    }
    if let Some(latest_vetted) = link.latest_vetted.filter(|latest| *latest > link.pinned) {
        warnings.push(Warning::OutdatedVersion { item, section, pinned: link.pinned, latest_vetted });
    }
    if let Some(due) = link.review_due.filter(|due| *due < today) {
        warnings.push(Warning::ReviewOverdue { item, section, due });
    }
    if let Some(source) = link.translation_of.as_ref().filter(|source| source.out_of_date()) {
        warnings.push(Warning::TranslationOutOfDate {
            item,
            section,
            source: source.source,
            made_from: source.made_from,
            source_version: source.source_version,
        });
    }
}

fn event_warnings(
    event: &Event,
    statement: &Statement,
    words_by_lang: &BTreeMap<String, usize>,
    today: Date,
    warnings: &mut Vec<Warning>,
) {
    if !event.languages.is_empty() && !event.languages.contains(&statement.lang) {
        warnings.push(Warning::LanguageNotAccepted {
            lang: statement.lang.clone(),
            accepted: event.languages.clone(),
        });
    }
    // Each language's words against its own limit (or the event's general one): a Spanish
    // paragraph in an English statement does not eat into the English limit.
    for (lang, words) in words_by_lang {
        let Ok(lang) = lang.parse::<Language>() else { continue };
        if let Some(limit) = event.word_limit_for(&lang).filter(|limit| *words > *limit as usize) {
            warnings.push(Warning::OverWordLimit { words: *words, limit, lang });
        }
    }
    if let Some(deadline) = event.deadline.filter(|deadline| *deadline < today)
        && statement.status != StatementStatus::Submitted
    {
        warnings.push(Warning::PastDeadline { deadline });
    }
}
