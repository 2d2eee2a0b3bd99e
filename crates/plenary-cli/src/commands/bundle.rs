//! `plenary bundle export` and `plenary bundle import`: sharing a library between colleagues.

use std::path::Path;

use anyhow::Result;
use plenary_bundle::Selection;
use plenary_core::share::{Conflict, MergeReport};

use crate::args::BundleCommand;
use crate::input;
use crate::output;

pub(super) fn run(path: &Path, command: BundleCommand) -> Result<()> {
    match command {
        BundleCommand::Export { file, sections, tags, json } => {
            let store = input::open(path)?;
            let sections = sections.iter().map(|id| store.resolve_section(id)).collect::<Result<_, _>>()?;
            let written = plenary_bundle::write_bundle(&store, &Selection { sections, tags }, &file)?;
            if json.json {
                return output::json(&serde_json::json!({
                    "file": written.path,
                    "sections": written.sections,
                    "versions": written.versions,
                    "bytes": written.bytes,
                }));
            }
            outln!(
                "{}: {} sections, {} versions",
                written.path.display(),
                written.sections,
                written.versions
            );
            Ok(())
        }
        BundleCommand::Import { file, json } => {
            let today = input::today()?;
            let mut store = input::open(path)?;
            let imported = plenary_bundle::import_bundle(&mut store, &file, today)?;
            if json.json {
                return output::json(&imported.report);
            }
            print_report(&imported.report);
            Ok(())
        }
    }
}

fn print_report(report: &MergeReport) {
    outln!("{} added, {} updated, {} unchanged", report.added, report.updated, report.unchanged);
    if report.facts_added > 0 {
        outln!("{} facts added", report.facts_added);
    }
    for kind in &report.kinds_added {
        outln!("kind added: {kind}");
    }
    if report.organisation_added {
        outln!("organisation profile added");
    }
    for conflict in &report.conflicts {
        match conflict {
            Conflict::Section { id, title, ours, theirs, .. } => outln!(
                "diverged: {id} {title:?}: ours is v{ours}, theirs arrived as v{theirs}; \
                 choose with `plenary section resolve {id} --keep N`"
            ),
            Conflict::Fact { key, lang, ours, theirs } => {
                let key = lang.as_ref().map_or_else(|| key.to_string(), |lang| format!("{key} ({lang})"));
                outln!("fact {key}: kept {ours:?}; the bundle says {theirs:?}")
            }
            Conflict::Organisation { ours, theirs } => {
                outln!("organisation: kept {ours:?}; the bundle is from {theirs:?}")
            }
        }
    }
}
