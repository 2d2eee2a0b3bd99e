//! `plenary section …` and `plenary search`.

use std::path::Path;

use anyhow::{Result, bail};
use plenary_core::date::parse_date;
use plenary_core::id::SectionId;
use plenary_core::status::SectionStatus;
use plenary_store::{NewSection, SearchQuery, SectionEdit};

use crate::args::{SearchArgs, SectionCommand};
use crate::input;
use crate::output::{self, HitView, SectionSummaryView, SectionView, VersionView};

pub(super) fn run(path: &Path, author: &str, command: SectionCommand) -> Result<()> {
    let author = author.to_owned();
    // Read every input before opening the library, so bad input changes nothing.
    match command {
        SectionCommand::Add { title, kind, lang, tags, status, owner, review_due, body, json } => {
            let new = NewSection {
                title,
                body: input::body(body)?,
                kind: input::kind(&kind)?,
                lang: input::language("--lang", &lang)?,
                tags,
                status: input::new_section_status(status),
                owner,
                review_due: input::date("--review-due", review_due.as_deref())?,
                author,
                note: None,
            };
            let mut store = input::open(path)?;
            let id = store.write(|w| w.add_section(new))?;
            output::created(id, json.json)
        }
        SectionCommand::Edit {
            id,
            title,
            body,
            note,
            kind,
            tags,
            clear_tags,
            lang,
            owner,
            review_due,
            json,
        } => {
            let review_due = match review_due.as_deref() {
                Some("none") => Some(None),
                Some(text) => Some(Some(parse_date("--review-due", text)?)),
                None => None,
            };
            let edit = SectionEdit {
                title,
                body: input::optional_body(body)?,
                note,
                kind: kind.as_deref().map(input::kind).transpose()?,
                tags: if clear_tags { Some(Vec::new()) } else { Some(tags).filter(|tags| !tags.is_empty()) },
                lang: lang.as_deref().map(|tag| input::language("--lang", tag)).transpose()?,
                owner: owner.map(Some),
                review_due,
                author,
            };
            let mut store = input::open(path)?;
            let id = store.resolve_section(&id)?;
            let (version, saved) = store.write(|w| w.edit_section(id, edit))?;
            if json.json {
                return output::json(
                    &serde_json::json!({ "id": id.to_string(), "version": version, "new_version": saved }),
                );
            }
            if saved {
                outln!("saved version {version}");
            } else {
                outln!("no change to the text; still version {version}");
            }
            Ok(())
        }
        SectionCommand::Show { id, json } => {
            let store = input::open(path)?;
            let id = store.resolve_section(&id)?;
            let view = SectionView::new(
                store.section(id)?,
                store.translations(id)?,
                store.translation_source(id)?,
                store.used_in(id)?,
                &store.terms()?,
                store.last_used(id)?,
                input::today()?,
            );
            if json.json {
                return output::json(&view);
            }
            view.print();
            Ok(())
        }
        SectionCommand::List { filter, json } => {
            let filter = input::filter(filter)?;
            let store = input::open(path)?;
            let sections: Vec<SectionSummaryView> =
                store.sections(&filter)?.into_iter().map(Into::into).collect();
            if json.json {
                return output::json(&sections);
            }
            sections.iter().for_each(SectionSummaryView::print_line);
            Ok(())
        }
        SectionCommand::History { id, json } => {
            let store = input::open(path)?;
            let id = store.resolve_section(&id)?;
            let versions: Vec<VersionView> = store.history(id)?.into_iter().map(Into::into).collect();
            if json.json {
                return output::json(&versions);
            }
            versions.iter().for_each(VersionView::print_line);
            Ok(())
        }
        SectionCommand::Submit { id } => set_status(path, &id, SectionStatus::InReview, &author),
        SectionCommand::Vet { id, by } => set_status(path, &id, SectionStatus::Vetted, &by),
        SectionCommand::Resolve { id, keep, json } => {
            new_version(path, &id, json.json, |w, id| w.resolve_divergence(id, keep, &author))
        }
        SectionCommand::Restore { id, version, json } => {
            new_version(path, &id, json.json, |w, id| w.restore_version(id, version, &author))
        }
        SectionCommand::Reject { id } => set_status(path, &id, SectionStatus::Draft, &author),
        SectionCommand::Retire { id } => set_status(path, &id, SectionStatus::Retired, &author),
        SectionCommand::Delete { id } => {
            let mut store = input::open(path)?;
            let id = store.resolve_section(&id)?;
            store.write(|w| w.delete_section(id))?;
            Ok(())
        }
        SectionCommand::Reinstate { id } => {
            let store = input::open(path)?;
            let section = store.section(store.resolve_section(&id)?)?;
            if section.status != SectionStatus::Retired {
                bail!("section {} is {}, not retired", section.id, section.status);
            }
            drop(store);
            set_status(path, &id, SectionStatus::Draft, &author)
        }
        SectionCommand::Link { id, other } => {
            let mut store = input::open(path)?;
            let (source, translation) = (store.resolve_section(&id)?, store.resolve_section(&other)?);
            store.write(|w| w.link_translations(source, translation))?;
            Ok(())
        }
        SectionCommand::Unlink { id } => {
            let mut store = input::open(path)?;
            let id = store.resolve_section(&id)?;
            store.write(|w| w.unlink_translation(id))?;
            Ok(())
        }
        SectionCommand::TranslationUpdated { id } => {
            let mut store = input::open(path)?;
            let id = store.resolve_section(&id)?;
            let version = store.write(|w| w.mark_translation_updated(id))?;
            outln!("up to date with version {version} of its source");
            Ok(())
        }
    }
}

fn set_status(path: &Path, id: &str, next: SectionStatus, by: &str) -> Result<()> {
    let mut store = input::open(path)?;
    let id = store.resolve_section(id)?;
    store.write(|w| w.set_section_status(id, next, by))?;
    outln!("{}: {next}", output::short(id));
    Ok(())
}

pub(super) fn search(path: &Path, args: SearchArgs) -> Result<()> {
    let query = SearchQuery { text: args.query, filter: input::filter(args.filter)?, limit: args.limit };
    let store = input::open(path)?;
    let hits: Vec<HitView> = store.search(&query)?.into_iter().map(Into::into).collect();
    if args.json.json {
        return output::json(&hits);
    }
    if hits.is_empty() {
        eprintln!("no sections match");
    }
    hits.iter().for_each(HitView::print);
    Ok(())
}

/// Runs a change that saves a new current version of the section and prints its number.
fn new_version(
    path: &Path,
    given: &str,
    json: bool,
    change: impl FnOnce(&mut plenary_store::Write<'_>, SectionId) -> plenary_store::StoreResult<u32>,
) -> Result<()> {
    let mut store = input::open(path)?;
    let id = store.resolve_section(given)?;
    let number = store.write(|w| change(w, id))?;
    if json {
        return output::json(&serde_json::json!({ "id": id.to_string(), "version": number }));
    }
    outln!("{id} v{number}");
    Ok(())
}
