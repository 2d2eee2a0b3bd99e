//! Past statements into proposed sections.
//!
//! A file (`.txt`, `.md`, `.html`, `.docx`, `.pdf`) or pasted text is read into [`Block`]s, split at its
//! headings into a [`Proposal`] (a title for the statement and one section per heading), and each
//! proposed section gets a guessed kind and language and its closest match in the library. Only
//! [`save`] writes, and only what the person importing chose. No word of the source is lost: every
//! word of the blocks is in the proposal's titles and bodies, in order.

mod blocks;
mod docx;
mod guess;
mod html;
mod markdown;
mod matching;
mod pdf;
mod save;
mod split;
mod text;

use std::path::Path;

use plenary_core::kind::Kind;
use plenary_core::language::Language;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use blocks::Block;
pub use matching::{LibraryText, Match, Matcher};
pub use save::{Choice, Chosen, Origin, PastStatement, Saved, note, save};

/// The largest file Plenary imports: a statement is a few pages; anything far larger is not one.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a file cannot be imported. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read from the disk.
    #[error("{file}: {message}")]
    Io {
        /// The file.
        file: String,
        /// What the system said.
        message: String,
    },
    /// Not a format Plenary imports.
    #[error(
        "{file}: Plenary imports .txt, .md, .html, .docx and .pdf files (and pasted text); this is {what}"
    )]
    Unsupported {
        /// The file.
        file: String,
        /// What it seems to be.
        what: String,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("{file}: the file is {megabytes} MB; Plenary imports files of up to 20 MB")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        megabytes: u64,
    },
    /// The file is of a known format but damaged or not what its name says.
    #[error("{file}: {message}")]
    Damaged {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Nothing in it to import.
    #[error("{file}: there is no text in it to import")]
    Empty {
        /// The file.
        file: String,
    },
}

/// The formats Plenary reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A web page.
    Html,
    /// A Word document.
    Docx,
    /// A PDF with text (not a scan).
    Pdf,
}

impl Format {
    /// The format a file name's extension names.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }
}

/// A document read for import.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file's name (without its folder), or "pasted text".
    pub file_name: String,
    /// The SHA-256 of the file's bytes, in hex: saved sections record it.
    pub sha256: String,
    /// Its format.
    pub format: Format,
    /// The title the file declares (HTML `<title>`, Word's document properties), if any.
    pub declared_title: Option<String>,
    /// Its text.
    pub blocks: Vec<Block>,
}

impl Source {
    /// Where the document came from, as saved versions record it.
    pub fn origin(&self) -> Origin {
        Origin { file_name: self.file_name.clone(), sha256: self.sha256.clone() }
    }

    /// The document as plain text, a block per paragraph: what the review shows beside the split.
    pub fn plain_text(&self) -> String {
        let plain: Vec<String> = self
            .blocks
            .iter()
            .map(|block| match block {
                Block::Heading { text, .. } => text.clone(),
                Block::Item { text, depth, .. } => {
                    format!("{}• {}", "  ".repeat(usize::from(*depth)), plenary_core::words::plain_text(text))
                }
                other => plenary_core::words::plain_text(other.text()),
            })
            .collect();
        plain.join("\n\n")
    }

    /// Every word of the document, in order: what the proposal must keep. List markers are not
    /// words here (the proposal writes its own).
    pub fn words(&self) -> Vec<String> {
        let mut words = Vec::new();
        for block in &self.blocks {
            let plain = match block {
                Block::Heading { text, .. } => text.clone(),
                other => plenary_core::words::plain_text(other.text()),
            };
            words.extend(comparable_words(&plain));
        }
        words
    }
}

/// The words of plain text, leaving out what may be a list marker ("-", "3.").
fn comparable_words(plain: &str) -> impl Iterator<Item = String> + '_ {
    plain.split_whitespace().filter(|word| !is_marker(word)).map(str::to_owned)
}

fn is_marker(word: &str) -> bool {
    word == "-"
        || word.strip_suffix('.').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Reads a file for import, choosing the reader by the file's extension (and its content, for a
/// Word file under another name).
pub fn read_file(path: &Path) -> Result<Source, ImportError> {
    let file = path.display().to_string();
    let io = |error: std::io::Error| ImportError::Io { file: file.clone(), message: error.to_string() };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file, megabytes: size.div_ceil(1024 * 1024) });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let format = match Format::from_extension(path) {
        Some(format) => format,
        None if bytes.starts_with(b"PK\x03\x04") => Format::Docx,
        None if bytes.starts_with(b"%PDF") => Format::Pdf,
        None => {
            let what = path
                .extension()
                .and_then(|e| e.to_str())
                .map_or_else(|| "a file without an extension".to_owned(), |e| format!("a .{e} file"));
            return Err(ImportError::Unsupported { file, what });
        }
    };
    let name = path.file_name().map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
    read_bytes(&name, &bytes, format).map_err(|error| match error {
        // Errors name the path as given, not only the file's name.
        ImportError::Damaged { message, .. } => ImportError::Damaged { file: file.clone(), message },
        ImportError::Empty { .. } => ImportError::Empty { file: file.clone() },
        other => other,
    })
}

/// Reads a document's bytes in a known format.
pub fn read_bytes(file_name: &str, bytes: &[u8], format: Format) -> Result<Source, ImportError> {
    let damaged = |message: String| ImportError::Damaged { file: file_name.to_owned(), message };
    let binary = matches!(format, Format::Docx | Format::Pdf);
    if !binary && (bytes.starts_with(b"%PDF") || bytes.starts_with(b"PK\x03\x04")) {
        let what = if bytes.starts_with(b"%PDF") { "a PDF file" } else { "a ZIP archive (a Word file?)" };
        return Err(damaged(format!("the name says text but the content is {what}")));
    }
    let (declared_title, blocks) = match format {
        Format::Text => (None, text::blocks(&text::decode(bytes))),
        Format::Markdown => (None, markdown::blocks(&text::decode(bytes))),
        Format::Html => {
            let page = text::decode(bytes);
            if html::nesting(&page, html::MAX_NESTING) >= html::MAX_NESTING {
                return Err(damaged(format!(
                    "its elements nest more than {} levels deep; no statement is written that way",
                    html::MAX_NESTING
                )));
            }
            html::read(&page)
        }
        Format::Docx => docx::read(bytes).map_err(damaged)?,
        Format::Pdf => pdf::read(bytes).map_err(damaged)?,
    };
    if blocks.is_empty() {
        return Err(ImportError::Empty { file: file_name.to_owned() });
    }
    Ok(Source {
        file_name: file_name.to_owned(),
        sha256: format!("{:x}", Sha256::digest(bytes)),
        format,
        declared_title,
        blocks,
    })
}

/// Text pasted into the app, read as plain text.
pub fn read_pasted(text: &str) -> Result<Source, ImportError> {
    read_bytes("pasted text", text.as_bytes(), Format::Text)
}

/// The proposed split of a document.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// A title for the statement, from the document.
    pub title: Option<String>,
    /// The proposed sections, in the document's order.
    pub sections: Vec<ProposedSection>,
    /// When the title is the document's first heading: how many sections come before it (a
    /// letterhead above the title is one).
    #[serde(skip)]
    title_at: Option<usize>,
}

/// One proposed section.
#[derive(Debug, Clone, Serialize)]
pub struct ProposedSection {
    /// Its title: the heading it was cut at, or a title Plenary gave it.
    pub title: String,
    /// Whether the title is words of the document (false: Plenary named the text before the
    /// first heading).
    pub title_from_source: bool,
    /// Its text, in Markdown.
    pub body: String,
    /// The kind its title suggests.
    pub kind: Kind,
    /// Its language, detected, else the one given, else the document's.
    pub lang: Language,
    /// The closest section in the library, if any is close.
    #[serde(rename = "match")]
    pub library_match: Option<Match>,
}

impl ProposedSection {
    /// What saving it does unless the person importing says otherwise: nothing when the library
    /// already holds the same text, else a new section.
    pub fn default_choice(&self) -> Chosen {
        let same = self.library_match.as_ref().is_some_and(|found| found.same);
        Chosen {
            title: self.title.clone(),
            body: self.body.clone(),
            kind: self.kind.clone(),
            lang: self.lang.clone(),
            choice: if same { Choice::Skip } else { Choice::New },
            same_as: self.library_match.as_ref().filter(|found| found.same).map(|found| found.section),
        }
    }
}

/// Every library section, as matching compares them: loaded once per import.
pub fn library_texts(store: &plenary_store::Store) -> plenary_store::StoreResult<Vec<LibraryText>> {
    Ok(store
        .sections(&plenary_store::SectionFilter::default())?
        .into_iter()
        .map(|section| LibraryText { section: section.id, title: section.title, body: section.body })
        .collect())
}

/// Splits a document into proposed sections. `lang` is used where a section's language cannot be
/// told from its text; `library` is what matches are looked for in.
pub fn propose(source: &Source, lang: Option<&Language>, library: &[LibraryText]) -> Proposal {
    let matcher = Matcher::new(library);
    let (title, title_at, pieces) = split::split(&source.blocks, source.declared_title.as_deref());
    let all_text: String = source.words().join(" ");
    let fallback = lang.cloned().or_else(|| guess::language(&all_text)).unwrap_or_else(Language::english);
    let sections = pieces
        .into_iter()
        .enumerate()
        .map(|(index, piece)| {
            let body = blocks::to_markdown(&piece.blocks);
            let plain = plenary_core::words::plain_text(&body);
            let lang = guess::language(&plain).unwrap_or_else(|| fallback.clone());
            let (title, title_from_source) = match piece.title {
                Some(title) => (title, true),
                // Text above the title is a letterhead; text between title and first heading, an
                // introduction.
                None if title_at == Some(1) && index == 0 => (letterhead(&lang).to_owned(), false),
                None => (introduction(&lang).to_owned(), false),
            };
            let library_match = matcher.best(&body);
            ProposedSection { kind: guess::kind(&title), title, title_from_source, body, lang, library_match }
        })
        .collect();
    Proposal { title, sections, title_at }
}

/// The name given to text that comes before a document's first heading.
fn introduction(lang: &Language) -> &'static str {
    match lang.primary() {
        "es" => "Introducción",
        "fr" => "Introduction",
        "pt" => "Introdução",
        _ => "Introduction",
    }
}

fn letterhead(lang: &Language) -> &'static str {
    match lang.primary() {
        "es" => "Membrete",
        "fr" => "En-tête",
        "pt" => "Cabeçalho",
        _ => "Letterhead",
    }
}

impl Proposal {
    /// Every word the proposal holds that came from the document, in order: the titles taken
    /// from headings and the bodies. Equal to [`Source::words`] for the same document.
    pub fn words(&self) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for (index, section) in self.sections.iter().enumerate() {
            if self.title_at == Some(index)
                && let Some(title) = &self.title
            {
                words.extend(comparable_words(title));
            }
            if section.title_from_source {
                words.extend(comparable_words(&section.title));
            }
            words.extend(comparable_words(&plenary_core::words::plain_text(&section.body)));
        }
        if self.title_at.is_some_and(|at| at >= self.sections.len())
            && let Some(title) = &self.title
        {
            words.extend(comparable_words(title));
        }
        words
    }
}
