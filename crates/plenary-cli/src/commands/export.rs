//! `plenary export` and `plenary template …`.

use std::path::Path;

use anyhow::{Context, Result, bail};
use plenary_render::{
    Document, TemplateSet, render_docx, render_html, render_markdown, render_pdf, render_text,
};
use plenary_store::NewExport;
use sha2::{Digest, Sha256};

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
    let assembled = store.assemble(id, today)?;
    let organisation = store.organisation()?;
    let template_name = template.unwrap_or_else(|| assembled.template.clone());
    let document = Document { statement: &assembled, organisation: &organisation };
    let (format_name, bytes) = match format {
        ExportFormat::Html => {
            let template = template_set(templates)?.get(&template_name)?;
            ("html", render_html(&template, &document)?.into_bytes())
        }
        ExportFormat::Txt => ("txt", render_text(&document).into_bytes()),
        ExportFormat::Md => ("md", render_markdown(&document).into_bytes()),
        ExportFormat::Pdf => {
            let template = template_set(templates)?.get(&template_name)?;
            ("pdf", render_pdf(&template, &document)?)
        }
        ExportFormat::Docx => {
            let template = template_set(templates)?.get(&template_name)?;
            ("docx", render_docx(&template, &document)?)
        }
    };
    write_atomically(out, &bytes)?;

    let sha256: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    let versions: Vec<serde_json::Value> = assembled
        .items
        .iter()
        .filter_map(|item| item.source)
        .map(|source| serde_json::json!({ "section": source.section.to_string(), "version": source.version }))
        .collect();
    let record = NewExport {
        statement: id,
        format: format_name.to_owned(),
        template: template_name,
        file: std::fs::canonicalize(out).unwrap_or_else(|_| out.to_owned()).display().to_string(),
        sha256: sha256.clone(),
        bytes: bytes.len() as u64,
        word_count: assembled.word_count,
        versions_json: serde_json::to_string(&versions)?,
        facts_json: serde_json::to_string(&assembled.facts_used)?,
    };
    let export_id = store.write(|w| w.record_export(record))?;
    if as_json {
        return output::json(&serde_json::json!({
            "id": export_id, "file": out.display().to_string(), "format": format_name,
            "sha256": sha256, "bytes": bytes.len(), "word_count": assembled.word_count,
        }));
    }
    println!("{}", out.display());
    Ok(())
}

/// Writes beside the target and renames, so a reader never sees half a file.
fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    let folder = target.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !folder.is_dir() {
        bail!("cannot write {}: the folder {} does not exist", target.display(), folder.display());
    }
    let mut partial = target.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    std::fs::write(&partial, bytes).with_context(|| format!("cannot write {}", target.display()))?;
    std::fs::rename(&partial, target).with_context(|| format!("cannot write {}", target.display()))
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
                println!("{:<14} {}", info.name, info.origin.as_str());
            }
            Ok(())
        }
        TemplateCommand::Export { dir } => {
            for file in TemplateSet::export_builtin(&dir)? {
                println!("{}", file.display());
            }
            Ok(())
        }
    }
}
