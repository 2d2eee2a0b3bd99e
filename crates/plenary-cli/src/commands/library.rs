//! Library-wide commands: init, kinds, facts, the organisation, events, backup, check.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use plenary_core::date::PartialDate;
use plenary_core::fact::FactKey;
use plenary_core::organisation::Logo;
use plenary_core::status::SectionStatus;
use plenary_store::{NewEvent, OrganisationUpdate, SectionFilter, default_backup_path};

use crate::args::{EventCommand, FactCommand, KindCommand, OrgCommand};
use crate::input;
use crate::output::{self, OrganisationView};

pub(super) fn init(path: &Path, demo: bool, author: &str) -> Result<()> {
    let store = input::open(path)?;
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
    let mut store = input::open(path)?;
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
        FactCommand::Set { key, value, as_of, source } => {
            let key = FactKey::parse(&key)?;
            let as_of = as_of.map(|text| PartialDate::parse("--as-of", &text)).transpose()?;
            store.write(|w| w.set_fact(&key, &value, as_of, source))?;
        }
        FactCommand::List { json } => {
            let facts = store.facts()?;
            if json.json {
                return output::json(&facts);
            }
            for fact in facts {
                let as_of = fact.as_of.map(|d| format!("  (as of {d})")).unwrap_or_default();
                let source = fact.source.map(|s| format!("  — {s}")).unwrap_or_default();
                outln!("{} = {}{as_of}{source}", fact.key, fact.value);
            }
        }
    }
    Ok(())
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
            word_limit,
            langs,
            json,
        } => {
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
                languages: langs.iter().map(|tag| input::language("--lang", tag)).collect::<Result<_>>()?,
            };
            let id = store.write(|w| w.add_event(new))?;
            output::created(id, json.json)
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

pub(super) fn check(path: &Path) -> Result<()> {
    // Read only: checking a file never upgrades or otherwise changes it.
    let store = plenary_store::Store::open_read_only(path)?;
    let report = store.check()?;
    if !report.is_sound() {
        bail!(
            "{} is damaged: {}; restore a backup (see `plenary backup`)",
            store.path().display(),
            report.problems.join("; ")
        );
    }
    outln!("ok: {} sections, {} statements, no damage found", report.sections, report.statements);
    Ok(())
}
