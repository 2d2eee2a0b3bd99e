//! `plenary export` and `plenary template …`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use plenary_export::{Format, export_parallel, export_statement};
use plenary_render::TemplateSet;

use crate::args::{ExportFormat, ExportsCommand, TemplateCommand};
use crate::input;
use crate::output;

/// The built-in templates, overlaid by the user's template folder if there is one.
pub(super) fn template_set(folder: Option<&Path>) -> Result<TemplateSet> {
    Ok(match folder {
        Some(folder) => TemplateSet::with_user_folder(folder)?,
        None => TemplateSet::builtin(),
    })
}

/// `plenary export`'s arguments.
pub(super) struct Request {
    pub(super) statement: String,
    pub(super) format: ExportFormat,
    pub(super) template: Option<String>,
    pub(super) parallel: Option<String>,
    pub(super) out: PathBuf,
    pub(super) json: bool,
}

pub(super) fn export(path: &Path, templates: Option<&Path>, request: Request) -> Result<()> {
    let Request { statement, format, template, parallel, out, json: as_json } = request;
    let out = out.as_path();
    let today = input::today()?;
    let mut store = input::open(path)?;
    let id = store.resolve_statement(&statement)?;
    let format = match format {
        ExportFormat::Pdf => Format::Pdf,
        ExportFormat::Html => Format::Html,
        ExportFormat::Txt => Format::Txt,
        ExportFormat::Md => Format::Md,
        ExportFormat::Docx => Format::Docx,
    };
    let templates = template_set(templates)?;
    let (outcome, untranslated) = match parallel {
        None => (
            export_statement(&mut store, &templates, id, format, template.as_deref(), out, today)?,
            Vec::new(),
        ),
        Some(lang) => {
            let lang = input::language("--parallel", &lang)?;
            let done =
                export_parallel(&mut store, &templates, id, format, template.as_deref(), &lang, out, today)?;
            let titles = store.assemble(id, today)?.items;
            for position in &done.untranslated {
                let title =
                    titles.get(*position as usize - 1).map(|item| item.title.as_str()).unwrap_or_default();
                eprintln!(
                    "warning: item {position} ({title:?}) has no translation into '{lang}'; its second column is empty"
                );
            }
            (done.outcome, done.untranslated)
        }
    };
    if as_json {
        return output::json(&serde_json::json!({
            "id": outcome.id, "file": out.display().to_string(), "format": format.as_str(),
            "sha256": outcome.sha256, "bytes": outcome.bytes, "word_count": outcome.word_count,
            "untranslated": untranslated,
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

/// `plenary exports show` and `exports copy`: what an export contained, and its file again.
pub(super) fn exports(path: &Path, command: ExportsCommand) -> Result<()> {
    let store = input::open(path)?;
    match command {
        ExportsCommand::Show { id, json } => {
            let record = store.export_record(&id)?;
            let text = record.export.text.clone();
            if json.json {
                let mut shown = output::export_json(&record);
                shown["text"] = text.map_or(serde_json::Value::Null, serde_json::Value::String);
                return output::json(&shown);
            }
            let r = &record.export;
            outln!(
                "{} {} export of {}, {}",
                record.created_at.strftime("%Y-%m-%d %H:%M"),
                r.format,
                r.statement,
                r.file
            );
            outln!(
                "sha256 {}  ·  {} bytes  ·  {} words  ·  template {}",
                r.sha256,
                r.bytes,
                r.word_count,
                r.template
            );
            outln!("versions: {}", r.versions_json);
            outln!("facts: {}", r.facts_json);
            outln!();
            match text {
                Some(text) => outln!("{text}"),
                None => outln!("(this export was made before Plenary kept the text of what it exported)"),
            }
            Ok(())
        }
        ExportsCommand::Copy { id, out } => {
            let record = store.export_record(&id)?;
            let Some(content) = store.export_content(&record.id)? else {
                anyhow::bail!(
                    "export {} was made before Plenary kept exported files; its file cannot be written again",
                    record.id
                );
            };
            let sha256: String =
                sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(&content))
                    .iter()
                    .map(|byte| format!("{byte:02x}"))
                    .collect();
            if sha256 != record.export.sha256 {
                anyhow::bail!(
                    "export {}: the kept file does not match its recorded SHA-256; the library may be damaged (run `plenary check`)",
                    record.id
                );
            }
            std::fs::write(&out, &content).map_err(|error| anyhow::anyhow!("{}: {error}", out.display()))?;
            outln!("{}  sha256 {sha256}", out.display());
            Ok(())
        }
    }
}
