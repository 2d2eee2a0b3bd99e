//! Library-wide commands: init, kinds, facts, the organisation, events, backup, check.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use plenary_core::date::PartialDate;
use plenary_core::fact::{FactKey, FactStanding};
use plenary_core::organisation::Logo;
use plenary_core::status::SectionStatus;
use plenary_store::{
    NewEvent, OrganisationUpdate, SectionFilter, backup_folder, default_backup_path, list_backups,
};

use crate::args::{EventCommand, FactCommand, KindCommand, OrgCommand, TermCommand};
use crate::input;
use crate::output::{self, OrganisationView};

pub(super) fn init(path: &Path, demo: bool, author: &str) -> Result<()> {
    let store = input::open_or_create(path)?;
    if demo && store.sections(&SectionFilter::default())?.is_empty() {
        drop(store);
        create_demo(path, author)?;
    } else if demo {
        bail!("{} already has sections; the demo library goes into an empty one", path.display());
    }
    outln!("{}", path.display());
    Ok(())
}

/// What `plenary` alone prints: where the library is and what is in it.
pub(super) fn overview(path: &Path) -> Result<()> {
    let store = input::open(path)?;
    let organisation = store.organisation()?;
    let sections = store.sections(&SectionFilter::default())?;
    let count = |status: SectionStatus| sections.iter().filter(|s| s.status == status).count();
    outln!("Plenary library {}", path.display());
    if !organisation.name.is_empty() {
        outln!("organisation: {}", organisation.name);
    }
    outln!(
        "sections: {} ({} vetted, {} in review, {} draft, {} retired); facts: {}; events: {}",
        sections.len(),
        count(SectionStatus::Vetted),
        count(SectionStatus::InReview),
        count(SectionStatus::Draft),
        count(SectionStatus::Retired),
        store.facts()?.len(),
        store.events()?.len()
    );
    let statements = store.statements()?;
    if !statements.is_empty() {
        outln!("\nstatements:");
        statements.into_iter().map(output::StatementSummaryView::from).for_each(|s| s.print_line());
    }
    outln!("\ntry: plenary search protection   ·   plenary statement show ID   ·   plenary --help");
    Ok(())
}

/// Fills a new or empty library with the demo organisation, sections, event and statement.
pub(super) fn create_demo(path: &Path, author: &str) -> Result<()> {
    let mut store = input::open_or_create(path)?;
    store.write(|w| w.add_demo_library(author))?;
    Ok(())
}

pub(super) fn kind(path: &Path, command: KindCommand) -> Result<()> {
    let mut store = input::open(path)?;
    match command {
        KindCommand::List { json } => {
            let kinds: Vec<String> = store.kinds()?.iter().map(ToString::to_string).collect();
            if json.json {
                return output::json(&kinds);
            }
            kinds.iter().for_each(|kind| outln!("{kind}"));
        }
        KindCommand::Add { name } => {
            let kind = input::kind(&name)?;
            if !store.write(|w| w.add_kind(&kind))? {
                eprintln!("kind '{kind}' already exists");
            }
        }
    }
    Ok(())
}

pub(super) fn fact(path: &Path, command: FactCommand) -> Result<()> {
    let mut store = input::open(path)?;
    match command {
        FactCommand::Set { key, value, as_of, source, lang } => {
            let key = FactKey::parse(&key)?;
            let as_of = as_of.map(|text| PartialDate::parse("--as-of", &text)).transpose()?;
            match lang {
                Some(lang) => {
                    let lang = input::language("--lang", &lang)?;
                    store.write(|w| w.set_fact_value(&key, &lang, &value, as_of, source))?;
                }
                None => {
                    store.write(|w| w.set_fact(&key, &value, as_of, source))?;
                }
            }
        }
        FactCommand::List { json } => {
            let today = input::today()?;
            let facts: Vec<FactStanding> =
                store.facts()?.into_iter().map(|fact| FactStanding::new(fact, today)).collect();
            if json.json {
                return output::json(&facts);
            }
            facts.iter().for_each(output::print_fact);
        }
        FactCommand::Remove { key, lang: Some(lang) } => {
            let key = FactKey::parse(&key)?;
            let lang = input::language("--lang", &lang)?;
            store.write(|w| w.remove_fact_value(&key, &lang))?;
        }
        FactCommand::Remove { key, lang: None } => {
            let key = FactKey::parse(&key)?;
            let drafts = store.write(|w| w.delete_fact(&key))?;
            for draft in drafts {
                eprintln!(
                    "note: the draft '{}' cites {{{{fact.{key}}}}}, which it will show as unknown",
                    draft.title
                );
            }
        }
    }
    Ok(())
}

pub(super) fn term(path: &Path, command: TermCommand) -> Result<()> {
    let mut store = input::open(path)?;
    match command {
        TermCommand::Add { term, prefer, lang, note, json } => {
            let lang = input::language("--lang", &lang)?;
            let id = store.write(|w| w.add_term(&lang, &term, &prefer, note))?;
            output::created(id, json.json)
        }
        TermCommand::List { json } => {
            let terms = store.terms()?;
            if json.json {
                return output::json(&terms);
            }
            for term in terms {
                let note = term.note.map(|note| format!("  ({note})")).unwrap_or_default();
                outln!(
                    "{}  {}: \"{}\" → \"{}\"{note}",
                    &term.id.to_string()[..8],
                    term.lang,
                    term.term,
                    term.prefer
                );
            }
            Ok(())
        }
        TermCommand::Remove { id } => {
            let id = store.resolve_term(&id)?;
            store.write(|w| w.remove_term(id))?;
            Ok(())
        }
    }
}

pub(super) fn org(path: &Path, command: OrgCommand) -> Result<()> {
    let mut store = input::open(path)?;
    match command {
        OrgCommand::Set { name, short, logo, address, website } => {
            let logo = logo.map(|file| read_logo(&file)).transpose()?;
            store.write(|w| {
                w.update_organisation(OrganisationUpdate { name, short_name: short, logo, address, website })
            })?;
        }
        OrgCommand::Show { json } => {
            let view = OrganisationView::from(store.organisation()?);
            if json.json {
                return output::json(&view);
            }
            view.print();
        }
    }
    Ok(())
}

fn read_logo(file: &Path) -> Result<Logo> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read logo file '{}'", file.display()))?;
    Ok(Logo::from_file_bytes(&file.display().to_string(), bytes)?)
}

pub(super) fn event(path: &Path, command: EventCommand) -> Result<()> {
    let mut store = input::open(path)?;
    match command {
        EventCommand::Add {
            name,
            short,
            edition,
            city,
            country,
            organiser,
            starts,
            ends,
            deadline,
            word_limits,
            langs,
            json,
        } => {
            let (word_limit, word_limits) = input::word_limits(&word_limits)?;
            let new = NewEvent {
                name,
                short_name: short,
                edition,
                city,
                country,
                organiser,
                starts: input::date("--starts", starts.as_deref())?,
                ends: input::date("--ends", ends.as_deref())?,
                deadline: input::date("--deadline", deadline.as_deref())?,
                word_limit,
                word_limits,
                languages: langs.iter().map(|tag| input::language("--lang", tag)).collect::<Result<_>>()?,
            };
            let id = store.write(|w| w.add_event(new))?;
            output::created(id, json.json)
        }
        EventCommand::Delete { id } => {
            let id = store.resolve_event(&id)?;
            store.write(|w| w.delete_event(id))?;
            Ok(())
        }
        EventCommand::List { json } => {
            let events = store.events()?;
            if json.json {
                return output::json(&events);
            }
            events.iter().for_each(output::print_event_line);
            Ok(())
        }
        EventCommand::Show { id, json } => {
            let event = store.event(store.resolve_event(&id)?)?;
            if json.json {
                return output::json(&event);
            }
            output::print_event(&event);
            Ok(())
        }
    }
}

pub(super) fn backup(path: &Path, out: Option<PathBuf>) -> Result<()> {
    let store = input::open(path)?;
    let target = out.unwrap_or_else(|| default_backup_path(store.path()));
    store.backup_to(&target)?;
    outln!("{}", target.display());
    Ok(())
}

/// `backup list`: the backups beside the library, newest first.
pub(super) fn backup_list(path: &Path, as_json: bool) -> Result<()> {
    let backups = list_backups(path)?;
    if as_json {
        let views: Vec<serde_json::Value> = backups
            .iter()
            .map(|b| {
                serde_json::json!({
                    "file": b.path.display().to_string(),
                    "kind": b.kind.describe(),
                    "taken": b.taken.to_string(),
                    "bytes": b.bytes,
                })
            })
            .collect();
        return output::json(&views);
    }
    if backups.is_empty() {
        eprintln!("no backups of {} yet", path.display());
    }
    for backup in &backups {
        let name = backup.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        outln!(
            "{}  {:<32}  {:>9}  {}",
            backup.taken.strftime("%Y-%m-%d %H:%M UTC"),
            backup.kind.describe(),
            human_size(backup.bytes),
            name
        );
    }
    Ok(())
}

/// `restore [BACKUP]`: the backup (a file, or a name in backups/) in place of the library.
pub(super) fn restore(path: &Path, backup: Option<PathBuf>, as_json: bool) -> Result<()> {
    let backup = backup.map(|given| {
        let in_folder = backup_folder(path).join(&given);
        if !given.exists() && in_folder.exists() { in_folder } else { given }
    });
    let restored = plenary_store::restore(path, backup.as_deref())?;
    if as_json {
        return output::json(&serde_json::json!({
            "restored": restored.from.display().to_string(),
            "previous": restored.previous.map(|p| p.display().to_string()),
        }));
    }
    outln!("restored {} from {}", path.display(), restored.from.display());
    if let Some(previous) = restored.previous {
        outln!("the library it replaced is kept as {}", previous.display());
    }
    Ok(())
}

fn human_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.0} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

pub(super) fn check(path: &Path) -> Result<()> {
    // Read only: checking a file never upgrades or otherwise changes it.
    let store = plenary_store::Store::open_read_only(path)?;
    let report = store.check()?;
    if !report.is_sound() {
        bail!(
            "{} is damaged: {}; `plenary restore` puts back the newest good backup, keeping the damaged file aside",
            store.path().display(),
            report.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
        );
    }
    outln!("ok: {} sections, {} statements, no damage found", report.sections, report.statements);
    Ok(())
}
