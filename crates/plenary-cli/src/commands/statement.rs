//! `plenary statement …`.

use std::path::Path;

use anyhow::Result;
use plenary_core::freeze::freezes;
use plenary_export::set_status;
use plenary_store::{ConsentAnswer, NewStatement};

use crate::args::StatementCommand;
use crate::commands::export::template_set;
use crate::input;
use crate::output::{self, StatementSummaryView, StatementView};

pub(super) fn run(
    path: &Path,
    templates: Option<&Path>,
    author: &str,
    command: StatementCommand,
) -> Result<()> {
    match command {
        StatementCommand::New { title, event, lang, template, date, json } => {
            let lang = lang.as_deref().map(|tag| input::language("--lang", tag)).transpose()?;
            let date = input::date("--date", date.as_deref())?;
            let mut store = input::open(path)?;
            let event = event.as_deref().map(|id| store.resolve_event(id)).transpose()?;
            let id = store.write(|w| w.new_statement(NewStatement { title, event, lang, template, date }))?;
            output::created(id, json.json)
        }
        StatementCommand::Copy { statement, title, json } => {
            let mut store = input::open(path)?;
            let source = store.resolve_statement(&statement)?;
            let id = store.write(|w| w.copy_statement(source, title))?;
            output::created(id, json.json)
        }
        StatementCommand::Add { statement, sections } => {
            let mut store = input::open(path)?;
            let statement = store.resolve_statement(&statement)?;
            let sections =
                sections.iter().map(|id| store.resolve_section(id)).collect::<Result<Vec<_>, _>>()?;
            let items = store.write(|w| w.add_sections(statement, &sections))?;
            outln!("added {} item{}", items.len(), if items.len() == 1 { "" } else { "s" });
            Ok(())
        }
        StatementCommand::Text { statement, title, body } => {
            let body = input::body(body)?;
            let mut store = input::open(path)?;
            let statement = store.resolve_statement(&statement)?;
            let item = store.write(|w| w.add_text(statement, &title, &body))?;
            outln!("{item}");
            Ok(())
        }
        StatementCommand::Delete { statement } => change(path, &statement, |w, id| w.delete_statement(id)),
        StatementCommand::Undelete { statement } => {
            change(path, &statement, |w, id| w.undelete_statement(id))
        }
        StatementCommand::Move { statement, from, to } => {
            change(path, &statement, |w, id| w.move_item(id, from, to))
        }
        StatementCommand::Remove { statement, position } => {
            change(path, &statement, |w, id| w.remove_item(id, position))
        }
        StatementCommand::Update { statement, position } => change(path, &statement, |w, id| {
            w.update_item(id, position).map(|version| outln!("now version {version}"))
        }),
        StatementCommand::Fork { statement, position } => {
            change(path, &statement, |w, id| w.fork_item(id, position))
        }
        StatementCommand::Sign { statement, name, role } => {
            change(path, &statement, |w, id| w.add_signatory(id, &name, role))
        }
        StatementCommand::Consent { statement, position, agreed, declined: _, by, note } => {
            let today = input::today()?;
            let answer = if agreed {
                ConsentAnswer::Agreed { by: by.unwrap_or_else(|| author.to_owned()) }
            } else {
                ConsentAnswer::Declined { note }
            };
            change(path, &statement, |w, id| w.record_consent(id, position, answer, today))
        }
        StatementCommand::Unsign { statement, position } => {
            change(path, &statement, |w, id| w.remove_signatory(id, position).map(|_| ()))
        }
        StatementCommand::MoveSignatory { statement, from, to } => {
            change(path, &statement, |w, id| w.move_signatory(id, from, to))
        }
        StatementCommand::Status { statement, status, note } => {
            let next = input::statement_status(status);
            let today = input::today()?;
            let mut store = input::open(path)?;
            let id = store.resolve_statement(&statement)?;
            let before = store.statement(id)?.status;
            if freezes(before, next) {
                // What the app lists before asking for confirmation; a script is told, not asked.
                for warning in store.assemble(id, today)?.warnings {
                    eprintln!("before final: {}", warning.message());
                }
            }
            let templates = template_set(templates)?;
            set_status(&mut store, &templates, id, next, note.as_deref(), today)?;
            Ok(())
        }
        StatementCommand::Show { statement, json } => {
            let today = input::today()?;
            let store = input::open(path)?;
            let id = store.resolve_statement(&statement)?;
            let view = StatementView::new(
                store.statement(id)?,
                store.assemble(id, today)?,
                store.frozen(id)?,
                store.status_changes(id)?,
            );
            if json.json {
                return output::json(&view);
            }
            view.print();
            Ok(())
        }
        StatementCommand::Exports { statement, json } => {
            let store = input::open(path)?;
            let id = store.resolve_statement(&statement)?;
            let records = store.exports(id)?;
            if json.json {
                let rows: Vec<serde_json::Value> = records.iter().map(output::export_json).collect();
                return output::json(&rows);
            }
            for record in records {
                let r = &record.export;
                outln!(
                    "{}  {:<4}  {}  sha256 {}…  {}",
                    record.created_at.strftime("%Y-%m-%d %H:%M"),
                    r.format,
                    r.template,
                    &r.sha256[..12.min(r.sha256.len())],
                    r.file
                );
            }
            Ok(())
        }
        StatementCommand::List { json } => {
            let store = input::open(path)?;
            let statements: Vec<StatementSummaryView> =
                store.statements()?.into_iter().map(Into::into).collect();
            if json.json {
                return output::json(&statements);
            }
            statements.iter().for_each(StatementSummaryView::print_line);
            Ok(())
        }
    }
}

/// Resolves the statement and runs one change on it in a write transaction.
fn change(
    path: &Path,
    statement: &str,
    apply: impl FnOnce(
        &mut plenary_store::Write<'_>,
        plenary_core::id::StatementId,
    ) -> plenary_store::StoreResult<()>,
) -> Result<()> {
    let mut store = input::open(path)?;
    let id = store.resolve_statement(statement)?;
    store.write(|w| apply(w, id))?;
    Ok(())
}
