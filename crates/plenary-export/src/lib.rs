//! Where the store and the renderers meet: a statement is assembled from the library, rendered
//! in one of the [`Format`]s, written atomically and recorded as an export. The `plenary` command
//! and the desktop app both export through [`export_statement`] and preview through
//! [`preview_html`], so the app's files are byte for byte the command's.

mod file_name;
mod staged;

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use plenary_core::assembly::AssembledStatement;
use plenary_core::date::Date;
use plenary_core::freeze::{Frozen, freezes};
use plenary_core::id::StatementId;
use plenary_core::language::Language;
use plenary_core::organisation::Organisation;
use plenary_core::status::StatementStatus;
use plenary_render::{
    Document, RenderError, TemplateSet, render_docx, render_html, render_markdown, render_parallel_docx,
    render_parallel_html, render_parallel_pdf, render_pdf, render_text,
};
use plenary_store::{NewExport, Store, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::staged::StagedFile;

pub use crate::file_name::{safe_file_stem, suggested_file_name};

/// What can go wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The library refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The template or a renderer failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The format has no room for a second column.
    #[error("a parallel export makes two columns, which {format} files cannot hold: use pdf, html or docx")]
    NoColumns {
        /// The format asked for.
        format: Format,
    },
    /// A final statement asked to export through a template other than the one it was approved with.
    #[error(
        "statement {statement} is {status}: it is exported through the template it was approved with ('{kept}'); \
         reopen it as a draft to use '{asked}'"
    )]
    TemplateKept {
        /// The statement.
        statement: StatementId,
        /// Its status.
        status: StatementStatus,
        /// The template kept when it was marked final.
        kept: String,
        /// The template asked for.
        asked: String,
    },
    /// The file could not be written.
    #[error("cannot write {path}: {reason}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
}

/// A file format the renderers write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Typeset PDF.
    Pdf,
    /// One self-contained HTML file.
    Html,
    /// Plain text for web forms.
    Txt,
    /// Markdown.
    Md,
    /// Word.
    Docx,
}

impl Format {
    /// Every format, in the order menus show them.
    pub const ALL: [Format; 5] = [Format::Pdf, Format::Html, Format::Docx, Format::Txt, Format::Md];

    /// The name used on the command line, in records and as the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Docx => "docx",
        }
    }

    /// Whether the format is laid out through a template (text and Markdown are not).
    pub fn uses_template(self) -> bool {
        matches!(self, Format::Pdf | Format::Html | Format::Docx)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.as_str() == text)
            .ok_or_else(|| format!("unknown format '{text}': use pdf, html, docx, txt or md"))
    }
}

/// What an export wrote and recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportOutcome {
    /// The export record's id.
    pub id: String,
    /// The file written.
    pub file: PathBuf,
    /// Its format.
    pub format: Format,
    /// The template used (the statement's own unless another was asked for).
    pub template: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Its size.
    pub bytes: u64,
    /// The statement's word count.
    pub word_count: usize,
}

/// Renders `statement` as `format` through `template` (or the statement's own), writes it to
/// `out` and records the export with the versions and fact values that went in. The file takes
/// its place inside the transaction that records it: if either fails, neither happens (a file
/// that was at `out` before is left as it was).
pub fn export_statement(
    store: &mut Store,
    templates: &TemplateSet,
    statement: StatementId,
    format: Format,
    template: Option<&str>,
    out: &Path,
    today: Date,
) -> Result<ExportOutcome, ExportError> {
    let request = Request { statement, format, template, parallel: None, out, today };
    export(store, templates, &request).map(|(outcome, _)| outcome)
}

/// What a parallel export wrote, and the items it found no translation for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParallelOutcome {
    /// The export.
    #[serde(flatten)]
    pub outcome: ExportOutcome,
    /// Positions of the items whose second column is empty (statement text, or a section with
    /// no translation into that language).
    pub untranslated: Vec<u32>,
}

/// Like [`export_statement`], with the statement's translation into `lang` in a second column
/// beside it (PDF, HTML and DOCX): each item and its translation start on the same line.
#[allow(clippy::too_many_arguments)]
pub fn export_parallel(
    store: &mut Store,
    templates: &TemplateSet,
    statement: StatementId,
    format: Format,
    template: Option<&str>,
    lang: &Language,
    out: &Path,
    today: Date,
) -> Result<ParallelOutcome, ExportError> {
    if !format.uses_template() {
        return Err(ExportError::NoColumns { format });
    }
    let request = Request { statement, format, template, parallel: Some(lang), out, today };
    export(store, templates, &request)
        .map(|(outcome, untranslated)| ParallelOutcome { outcome, untranslated })
}

/// One export to make.
struct Request<'a> {
    statement: StatementId,
    format: Format,
    template: Option<&'a str>,
    /// The language of the second column, for a parallel export.
    parallel: Option<&'a Language>,
    out: &'a Path,
    today: Date,
}

fn export(
    store: &mut Store,
    templates: &TemplateSet,
    request: &Request<'_>,
) -> Result<(ExportOutcome, Vec<u32>), ExportError> {
    let &Request { statement, format, template, parallel, out, today } = request;
    let Basis { assembled, organisation, templates, template_name } =
        basis(store, templates, statement, template, today)?;
    let document = Document { statement: &assembled, organisation: &organisation };
    let translation = parallel.map(|lang| store.assemble_translation(statement, lang, today)).transpose()?;
    let (bytes, text, untranslated) = match &translation {
        None => {
            let bytes = match format {
                Format::Html => render_html(&templates.get(&template_name)?, &document)?.into_bytes(),
                Format::Pdf => render_pdf(&templates.get(&template_name)?, &document)?,
                Format::Docx => render_docx(&templates.get(&template_name)?, &document)?,
                Format::Txt => render_text(&document).into_bytes(),
                Format::Md => render_markdown(&document).into_bytes(),
            };
            (bytes, render_text(&document), Vec::new())
        }
        Some((other, untranslated)) => {
            let template = templates.get(&template_name)?;
            let bytes = match format {
                Format::Html => render_parallel_html(&template, &document, other)?.into_bytes(),
                Format::Docx => render_parallel_docx(&template, &document, other)?,
                _ => render_parallel_pdf(&template, &document, other)?,
            };
            // The record keeps both texts, one after the other.
            let second = render_text(&Document { statement: other, organisation: &organisation });
            (bytes, format!("{}\n\n{second}", render_text(&document)), untranslated.clone())
        }
    };
    let write_error = |reason: String| ExportError::Write { path: out.to_owned(), reason };
    let folder = out.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !folder.is_dir() {
        return Err(write_error(format!("the folder {} does not exist", folder.display())));
    }

    let sha256: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    let versions: Vec<serde_json::Value> = assembled
        .items
        .iter()
        .chain(translation.iter().flat_map(|(other, _)| other.items.iter()))
        .filter_map(|item| item.origin.linked())
        .map(|source| serde_json::json!({ "section": source.section.to_string(), "version": source.version }))
        .collect();
    let file = match (std::fs::canonicalize(folder), out.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => out.to_owned(),
    };
    let record = NewExport {
        statement,
        format: format.as_str().to_owned(),
        template: template_name.clone(),
        file: file.display().to_string(),
        sha256: sha256.clone(),
        bytes: bytes.len() as u64,
        word_count: assembled.word_count,
        versions_json: serde_json::Value::Array(versions).to_string(),
        facts_json: {
            // A parallel export's second column cites facts too (its keys name their language).
            let mut facts = assembled.facts_used.clone();
            facts.extend(translation.iter().flat_map(|(other, _)| other.facts_used.clone()));
            serde_json::to_value(&facts).map(|v| v.to_string()).unwrap_or_default()
        },
        text: Some(text),
    };
    let mut staged = StagedFile::write(out, &bytes).map_err(|error| write_error(error.to_string()))?;
    let mut not_placed = None;
    let recorded = store.write(|w| {
        let id = w.record_export(record, &bytes)?;
        staged.put_in_place().map_err(|error| {
            not_placed = Some(why_not_replaced(&error));
            // Only rolls the record back: the caller reports `not_placed`.
            StoreError::Io { path: out.to_owned(), source: error }
        })?;
        Ok(id)
    });
    let id = match (recorded, not_placed) {
        (Ok(id), _) => id,
        (Err(_), Some(reason)) => return Err(write_error(reason)),
        (Err(error), None) => return Err(error.into()),
    };
    staged.keep();
    let outcome = ExportOutcome {
        id,
        file,
        format,
        template: template_name,
        sha256,
        bytes: bytes.len() as u64,
        word_count: assembled.word_count,
    };
    Ok((outcome, untranslated))
}

/// The statement, already assembled (with what was kept when it was frozen, if it is final), as
/// the HTML export would write it through its own template: the composer's live preview. It takes
/// the assembly the composer shows, so a change is assembled once. Nothing is written or recorded.
pub fn preview_html(
    store: &Store,
    templates: &TemplateSet,
    statement: StatementId,
    assembled: &AssembledStatement,
    frozen: Option<&Frozen>,
) -> Result<String, ExportError> {
    let organisation = store.organisation_for(statement)?;
    let (templates, template_name) = templates_for(templates, statement, assembled, frozen, None)?;
    let document = Document { statement: assembled, organisation: &organisation };
    Ok(render_html(&templates.get(&template_name)?, &document)?)
}

/// What an export or a preview renders.
struct Basis<'t> {
    assembled: AssembledStatement,
    organisation: Organisation,
    templates: Cow<'t, TemplateSet>,
    template_name: String,
}

/// The statement assembled, the organisation profile and the templates to render it with.
fn basis<'t>(
    store: &Store,
    templates: &'t TemplateSet,
    statement: StatementId,
    template: Option<&str>,
    today: Date,
) -> Result<Basis<'t>, ExportError> {
    let assembled = store.assemble(statement, today)?;
    let organisation = store.organisation_for(statement)?;
    let frozen = store.frozen(statement)?;
    let (templates, template_name) =
        templates_for(templates, statement, &assembled, frozen.as_ref(), template)?;
    Ok(Basis { assembled, organisation, templates, template_name })
}

/// The templates a statement renders with and the name of the one to use (`template`, or the
/// statement's own): for a final statement, those kept when it was frozen. Another template is
/// then refused, since the statement would no longer look as it was approved.
fn templates_for<'t>(
    templates: &'t TemplateSet,
    statement: StatementId,
    assembled: &AssembledStatement,
    frozen: Option<&Frozen>,
    template: Option<&str>,
) -> Result<(Cow<'t, TemplateSet>, String), ExportError> {
    let template_name = template.map_or_else(|| assembled.template.clone(), str::to_owned);
    match frozen.and_then(|frozen| frozen.template.as_ref()) {
        Some(kept) if kept.name == template_name => {
            Ok((Cow::Owned(TemplateSet::frozen(kept)), template_name))
        }
        Some(kept) => Err(ExportError::TemplateKept {
            statement,
            status: assembled.status,
            kept: kept.name.clone(),
            asked: template_name,
        }),
        None => Ok((Cow::Borrowed(templates), template_name)),
    }
}

/// Moves a statement through its workflow (see [`plenary_store::Write::set_statement_status`]); marking it final
/// also keeps the files of its template, so that its exports stay as they were approved.
pub fn set_status(
    store: &mut Store,
    templates: &TemplateSet,
    statement: StatementId,
    next: StatementStatus,
    note: Option<&str>,
    today: Date,
) -> Result<(), ExportError> {
    let current = store.statement(statement)?;
    let kept = if freezes(current.status, next) { Some(templates.files(&current.template)?) } else { None };
    store.write(|w| {
        w.set_statement_status(statement, next, note, today)?;
        match kept {
            Some(template) => w.freeze_template(statement, template),
            None => Ok(()),
        }
    })?;
    Ok(())
}

/// Why the finished file could not take the target's place, in words that say what to do. On
/// Windows a file open in Word or Acrobat cannot be replaced (sharing violation, or access
/// denied); the old file is then left as it was.
fn why_not_replaced(error: &std::io::Error) -> String {
    let held_open = cfg!(windows)
        && (matches!(error.raw_os_error(), Some(32 | 33))
            || error.kind() == std::io::ErrorKind::PermissionDenied);
    if held_open {
        format!(
            "another program has the file open (Word, Acrobat or a PDF viewer?), or it is read-only. \
             Close it there and export again, or export under another name; the file was not changed ({error})"
        )
    } else {
        format!("{error}; the file was not changed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staged::tests::names;

    #[test]
    fn formats_parse_from_their_names_and_say_which_use_templates() {
        for format in Format::ALL {
            assert_eq!(format.as_str().parse::<Format>(), Ok(format));
        }
        assert!(Format::Pdf.uses_template() && !Format::Txt.uses_template());
        let error = "odt".parse::<Format>().expect_err("unknown");
        assert!(error.contains("'odt'"), "{error}");
    }

    /// A library with the demo statement.
    fn demo() -> (tempfile::TempDir, Store, StatementId) {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(folder.path().join("library.sqlite3")).expect("library");
        let statement = store.write(|w| w.add_demo_library("ana")).expect("demo");
        (folder, store, statement)
    }

    fn export(store: &mut Store, statement: StatementId, out: &Path) -> Result<ExportOutcome, ExportError> {
        let today: Date = "2026-11-27".parse().expect("date");
        export_statement(store, &TemplateSet::builtin(), statement, Format::Pdf, None, out, today)
    }

    #[test]
    fn an_export_into_a_missing_folder_names_the_folder_and_writes_nothing() {
        let (folder, mut store, statement) = demo();
        let target = folder.path().join("missing/statement.pdf");
        let error = export(&mut store, statement, &target).expect_err("no folder");
        assert!(error.to_string().contains("does not exist"), "{error}");
        assert!(!folder.path().join("missing").exists());
        assert!(store.exports(statement).expect("records").is_empty(), "nothing recorded");
    }

    /// Word and Acrobat open files without sharing them; Windows then refuses to replace them.
    #[cfg(windows)]
    #[test]
    fn an_export_over_a_file_another_program_holds_open_says_so_and_changes_nothing() {
        use std::os::windows::fs::OpenOptionsExt;
        let (folder, mut store, statement) = demo();
        let exports = folder.path().join("exports");
        std::fs::create_dir(&exports).expect("exports folder");
        let target = exports.join("GFMD statement.pdf");
        std::fs::write(&target, b"the submitted version").expect("old file");
        let held = std::fs::OpenOptions::new().read(true).share_mode(0).open(&target).expect("hold it open");
        let error = export(&mut store, statement, &target).expect_err("the file is held open");
        let message = error.to_string();
        assert!(message.contains("GFMD statement.pdf") && message.contains("another program"), "{message}");
        drop(held);
        assert_eq!(std::fs::read(&target).expect("read"), b"the submitted version");
        assert_eq!(names(&exports), ["GFMD statement.pdf"], "no partial file is left");
        assert!(store.exports(statement).expect("records").is_empty(), "nothing recorded");
    }

    #[test]
    fn a_failed_replace_leaves_the_old_file_no_partial_file_and_no_record() {
        let (folder, mut store, statement) = demo();
        // A folder where the file should go: the rename fails on every system.
        let target = folder.path().join("statement.pdf");
        std::fs::create_dir(&target).expect("folder in the way");
        std::fs::write(target.join("inside.txt"), b"kept").expect("file inside");
        let error = export(&mut store, statement, &target).expect_err("cannot replace a folder");
        let message = error.to_string();
        assert!(message.contains("statement.pdf") && message.contains("not changed"), "{message}");
        assert_eq!(std::fs::read(target.join("inside.txt")).expect("read"), b"kept");
        assert!(
            !names(folder.path()).iter().any(|name| name.ends_with(".partial")),
            "no partial file is left"
        );
        assert!(store.exports(statement).expect("records").is_empty(), "nothing recorded");
    }

    #[test]
    fn with_the_library_locked_nothing_is_written_or_recorded() {
        let (folder, mut store, statement) = demo();
        let exports = folder.path().join("exports");
        std::fs::create_dir(&exports).expect("exports folder");
        let target = exports.join("statement.pdf");
        std::fs::write(&target, b"the submitted version").expect("old file");
        // Another process holds the write lock (the app, mid-save).
        let other =
            rusqlite::Connection::open(folder.path().join("library.sqlite3")).expect("second connection");
        other.execute_batch("BEGIN IMMEDIATE").expect("lock");
        let error = export(&mut store, statement, &target).expect_err("locked");
        assert!(matches!(error, ExportError::Store(StoreError::Locked { .. })), "{error}");
        assert_eq!(std::fs::read(&target).expect("read"), b"the submitted version");
        assert_eq!(names(&exports), ["statement.pdf"]);
        other.execute_batch("ROLLBACK").expect("unlock");
        assert!(store.exports(statement).expect("records").is_empty(), "nothing recorded");

        // Once the lock is gone the same export goes through, replacing the old file.
        let outcome = export(&mut store, statement, &target).expect("export");
        assert_eq!(std::fs::read(&target).expect("read").len() as u64, outcome.bytes);
        assert_eq!(names(&exports), ["statement.pdf"], "the previous file is not kept");
        assert_eq!(store.exports(statement).expect("records").len(), 1);
    }

    #[test]
    fn the_export_log_reads_back_the_versions_and_fact_values_that_went_in() {
        let (folder, mut store, statement) = demo();
        let out = folder.path().join("statement.pdf");
        let done = export(&mut store, statement, &out).expect("exported");
        let record = store.export_record(&done.id).expect("recorded").export;
        let assembled = store.assemble(statement, "2026-11-27".parse().expect("date")).expect("assembled");
        let linked: Vec<(String, u32)> = assembled
            .items
            .iter()
            .filter_map(|item| item.origin.linked())
            .map(|source| (source.section.to_string(), source.version))
            .collect();
        assert!(linked.len() >= 2, "the demo links library sections: {linked:?}");
        let read: Vec<(String, u32)> =
            record.versions().expect("readable").into_iter().map(|v| (v.section, v.version)).collect();
        assert_eq!(read, linked);
        assert!(!assembled.facts_used.is_empty(), "the demo cites facts");
        assert_eq!(record.facts().expect("readable"), assembled.facts_used);
    }

    /// Exporting is a function of the library and the day: the app and `plenary` (both call
    /// `export_statement`; the end-to-end test compares their files) write the same bytes, and
    /// the SHA-256 in the export log identifies the content.
    #[test]
    fn every_format_exports_the_same_bytes_twice_in_a_day_and_the_preview_is_the_html() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(folder.path().join("library.sqlite3")).expect("library");
        let statement = store.write(|w| w.add_demo_library("ana")).expect("demo");
        let today: Date = "2026-11-27".parse().expect("date");
        let templates = TemplateSet::builtin();
        for format in [Format::Pdf, Format::Html, Format::Docx, Format::Txt, Format::Md] {
            let first = folder.path().join(format!("a.{}", format.as_str()));
            let second = folder.path().join(format!("b.{}", format.as_str()));
            let a =
                export_statement(&mut store, &templates, statement, format, None, &first, today).expect("a");
            let b =
                export_statement(&mut store, &templates, statement, format, None, &second, today).expect("b");
            assert_eq!(a.sha256, b.sha256, "{} exports are deterministic", format.as_str());
            assert_eq!(std::fs::read(&first).expect("a"), std::fs::read(&second).expect("b"));
        }
        let first = folder.path().join("a.html");
        let assembled = store.assemble(statement, today).expect("assembled");
        let frozen = store.frozen(statement).expect("frozen");
        let preview =
            preview_html(&store, &templates, statement, &assembled, frozen.as_ref()).expect("preview");
        assert_eq!(
            preview.as_bytes(),
            std::fs::read(&first).expect("read").as_slice(),
            "the preview is the export"
        );
        assert_eq!(store.exports(statement).expect("records").len(), 10);
    }
}
