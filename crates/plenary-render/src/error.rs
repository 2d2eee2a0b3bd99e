//! Render errors, each naming the template file and, where known, the line and column.

use std::path::PathBuf;

use thiserror::Error;

/// Why a statement could not be rendered.
#[derive(Debug, Error)]
pub enum RenderError {
    /// A template file does not parse or does not render.
    #[error("{file}{}: {message}", position(*line, *column))]
    Template {
        /// The file, as `name/statement.hbs` for built-ins or the full path for user files.
        file: String,
        /// 1-based line.
        line: Option<usize>,
        /// 1-based column.
        column: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// No template has that name.
    #[error("unknown template '{name}' (templates: {known})")]
    UnknownTemplate {
        /// The name asked for.
        name: String,
        /// The names there are.
        known: String,
    },
    /// The rendered output grew past the limit (a runaway template).
    #[error("{file}: the output grew past {limit_mb} MB; the template is probably looping")]
    TooLarge {
        /// The template file.
        file: String,
        /// The limit.
        limit_mb: usize,
    },
    /// The statement is too long to lay out as a PDF.
    #[error("the statement has {words} words; PDF export stops at {limit} (export HTML or text instead)")]
    TooLong {
        /// Its words.
        words: usize,
        /// The limit.
        limit: usize,
    },
    /// The file could not be encoded.
    #[error("could not write the {format}: {message}")]
    Encode {
        /// "PDF", "DOCX".
        format: &'static str,
        /// What went wrong.
        message: String,
    },
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

fn position(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(", line {line}, column {column}"),
        (Some(line), None) => format!(", line {line}"),
        _ => String::new(),
    }
}
