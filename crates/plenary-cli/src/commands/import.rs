//! `plenary import`: a past statement split into proposed sections, printed for review or saved
//! as drafts that record where they came from.

use std::path::Path;

use anyhow::Result;
use plenary_import::{Choice, PastStatement, Proposal, Source};

use crate::args::ImportArgs;
use crate::input;
use crate::output;

pub(super) fn run(path: &Path, author: &str, args: ImportArgs) -> Result<()> {
    // Every input is checked before the library is opened, so bad input changes nothing.
    let lang = args.lang.as_deref().map(|lang| input::language("--lang", lang)).transpose()?;
    let kind = args.kind.as_deref().map(input::kind).transpose()?;
    let source = plenary_import::read_file(&args.file)?;
    let today = input::today()?;
    let date = input::date("--date", args.date.as_deref())?;
    let mut store = input::open(path)?;
    let event = args.event.as_deref().map(|event| store.resolve_event(event)).transpose()?;
    let library = plenary_import::library_texts(&store)?;
    let proposal = plenary_import::propose(&source, lang.as_ref(), &library);
    if !args.save {
        return print_proposal(&source, &proposal, args.json.json);
    }

    let chosen: Vec<_> = proposal
        .sections
        .iter()
        .map(|section| {
            let mut chosen = section.default_choice();
            if let Some(kind) = &kind {
                chosen.kind = kind.clone();
            }
            chosen
        })
        .collect();
    let past = args.as_statement.then(|| PastStatement {
        title: args
            .statement_title
            .clone()
            .or_else(|| proposal.title.clone())
            .unwrap_or_else(|| source.file_name.clone()),
        event,
        date,
        lang: lang
            .clone()
            .or_else(|| proposal.sections.first().map(|s| s.lang.clone()))
            .unwrap_or_else(plenary_core::language::Language::english),
    });
    let saved = plenary_import::save(
        &mut store,
        &source.origin(),
        &chosen,
        &args.tags,
        past.as_ref(),
        author,
        today,
    )?;
    let (new, skipped): (Vec<_>, Vec<_>) =
        proposal.sections.iter().zip(&chosen).partition(|(_, chosen)| chosen.choice != Choice::Skip);
    let statement = saved.statement.map(|id| id.to_string());
    if args.json.json {
        let saved: Vec<_> = saved
            .added
            .iter()
            .zip(&new)
            .map(|(id, (section, _))| serde_json::json!({ "id": id.to_string(), "title": section.title }))
            .collect();
        let skipped: Vec<_> = skipped
            .iter()
            .map(|(section, _)| serde_json::json!({ "title": section.title, "match": section.library_match }))
            .collect();
        return output::json(
            &serde_json::json!({ "saved": saved, "skipped": skipped, "statement": statement }),
        );
    }
    for id in &saved.added {
        outln!("{id}");
    }
    if let Some(statement) = statement {
        outln!("past statement {statement}");
    }
    for (section, _) in skipped {
        if let Some(found) = &section.library_match {
            eprintln!("skipped {:?}: already in the library as {:?}", section.title, found.title);
        }
    }
    Ok(())
}

fn print_proposal(source: &Source, proposal: &Proposal, as_json: bool) -> Result<()> {
    if as_json {
        return output::json(&serde_json::json!({
            "title": proposal.title,
            "sections": proposal.sections,
            "source": { "file": source.file_name, "sha256": source.sha256, "format": source.format },
        }));
    }
    if let Some(title) = &proposal.title {
        outln!("{title}");
        outln!();
    }
    for (number, section) in proposal.sections.iter().enumerate() {
        let found = match &section.library_match {
            Some(found) if found.same => format!(" — already in the library as \"{}\"", found.title),
            Some(found) => format!(" — close to \"{}\" ({:.0} %)", found.title, found.similarity * 100.0),
            None => String::new(),
        };
        let words = plenary_core::words::count_words(&plenary_core::words::plain_text(&section.body));
        outln!(
            "{:>2}. {}  [{}, {}, {words} words]{found}",
            number + 1,
            section.title,
            section.kind,
            section.lang
        );
    }
    Ok(())
}
