//! `plenary export` and `plenary template …`.

use std::path::Path;

use anyhow::Result;
use plenary_export::{Format, export_statement};
use plenary_render::TemplateSet;

use crate::args::{ExportFormat, TemplateCommand};
use crate::input;
use crate::output;

fn template_set(folder: Option<&Path>) -> Result<TemplateSet> {
    Ok(match folder {
        Some(folder) => TemplateSet::with_user_folder(folder)?,
        None => TemplateSet::builtin(),
    })
}

pub(super) fn export(
    path: &Path,
    templates: Option<&Path>,
    statement: &str,
    format: ExportFormat,
    template: Option<String>,
    out: &Path,
    as_json: bool,
) -> Result<()> {
    let today = input::today()?;
    let mut store = input::open(path)?;
    let id = store.resolve_statement(statement)?;
    let format = match format {
        ExportFormat::Pdf => Format::Pdf,
        ExportFormat::Html => Format::Html,
        ExportFormat::Txt => Format::Txt,
        ExportFormat::Md => Format::Md,
        ExportFormat::Docx => Format::Docx,
    };
    let templates = template_set(templates)?;
    let outcome = export_statement(&mut store, &templates, id, format, template.as_deref(), out, today)?;
    if as_json {
        return output::json(&serde_json::json!({
            "id": outcome.id, "file": out.display().to_string(), "format": format.as_str(),
            "sha256": outcome.sha256, "bytes": outcome.bytes, "word_count": outcome.word_count,
        }));
    }
    outln!("{}", out.display());
    Ok(())
}

pub(super) fn template(templates: Option<&Path>, command: TemplateCommand) -> Result<()> {
    match command {
        TemplateCommand::List { json } => {
            let list = template_set(templates)?.list();
            if json.json {
                let rows: Vec<serde_json::Value> = list
                    .iter()
                    .map(|t| serde_json::json!({ "name": t.name, "origin": t.origin.as_str() }))
                    .collect();
                return output::json(&rows);
            }
            for info in list {
                outln!("{:<14} {}", info.name, info.origin.as_str());
            }
            Ok(())
        }
        TemplateCommand::Export { dir } => {
            for file in TemplateSet::export_builtin(&dir)? {
                outln!("{}", file.display());
            }
            Ok(())
        }
    }
}
