//! Statements leave Plenary here: an [`plenary_core::assembly::AssembledStatement`] and the
//! organisation profile become HTML (through a Handlebars template), a PDF and a Word file laid
//! out from the same statement and style, and plain text and Markdown for web forms.
//!
//! Renderers never reach back into storage: everything they need is passed in as data, and the
//! templates come from [`TemplateSet`] (built in, overridable file by file).

mod blocks;
mod bounds;
mod context;
mod css;
mod docx;
mod error;
mod furniture;
mod html;
mod locale;
mod markdown;
mod pdf;
mod style;
mod templates;
mod text;

pub use context::logo_data_uri;
pub use docx::{render_docx, render_parallel_docx};
pub use error::RenderError;
pub use html::{render_html, render_parallel_html};
pub use markdown::body_html;
pub use pdf::{MAX_PDF_WORDS, render_parallel_pdf, render_pdf};
pub use style::{FontChoice, PageSize, Style};
pub use templates::{Origin, Template, TemplateInfo, TemplateSet};
pub use text::{render_markdown, render_text};

use plenary_core::assembly::AssembledStatement;
use plenary_core::organisation::Organisation;

/// Everything a renderer reads.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The statement, assembled (facts substituted, items in order).
    pub statement: &'a AssembledStatement,
    /// Who it goes out from.
    pub organisation: &'a Organisation,
}
