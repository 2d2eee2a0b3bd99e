//! The HTML export: one self-contained, valid, accessible file.

use std::collections::HashSet;
use std::io::Write;

use plenary_core::assembly::AssembledStatement;
use serde_json::Value;

use crate::bounds;
use crate::context::{self, escape};
use crate::css::sanitise_css;
use crate::templates::{BODY, FOOTER, Template};
use crate::{Document, RenderError};

/// A template's output may not exceed this (runaway loops end here, not in memory exhaustion).
const OUTPUT_LIMIT: usize = 64 * 1024 * 1024;

/// Renders `document` through `template` into a complete HTML file: the template's body,
/// sanitised, inside Plenary's shell with the language, title, a strict Content-Security-Policy
/// (nothing may load or run) and the CSS inline.
pub fn render_html(template: &Template, document: &Document<'_>) -> Result<String, RenderError> {
    render_html_with(template, document, None)
}

/// Renders `document` beside its translation: each item and its translation side by side in two
/// columns (one above the other on narrow screens), through the same template.
pub fn render_parallel_html(
    template: &Template,
    document: &Document<'_>,
    translation: &AssembledStatement,
) -> Result<String, RenderError> {
    render_html_with(template, document, Some(translation))
}

/// The two columns of a parallel export, whatever the template's CSS says.
const PARALLEL_CSS: &str = "\n.parallel { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; align-items: start; }\n\
    @media (max-width: 40rem) { .parallel { grid-template-columns: 1fr; } }\n";

fn render_html_with(
    template: &Template,
    document: &Document<'_>,
    translation: Option<&AssembledStatement>,
) -> Result<String, RenderError> {
    let mut data = context::build_with(document, translation);
    let footer = render_part(template, FOOTER, &template.style_label, &data)?;
    data["footer"] = Value::String(footer);
    let body = render_part(template, BODY, &template.body_label, &data)?;
    let body = sanitise_body(&body);
    // The variables come from style.toml, which is the user's too: both are cleaned.
    let parallel = if translation.is_some() { PARALLEL_CSS } else { "" };
    let css = sanitise_css(&format!("{}{}{parallel}", template.style.css_variables(), template.css));
    let lang = escape(document.statement.lang.as_str());
    let title = escape(&document.statement.title);
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"Plenary\">\n<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    ))
}

/// Renders the footer text alone (for the PDF).
pub(crate) fn footer_text(template: &Template, document: &Document<'_>) -> Result<String, RenderError> {
    let data = context::build_for_footer(document);
    let html = render_part(template, FOOTER, &template.style_label, &data)?;
    Ok(ammonia::Builder::empty()
        .clean(&html)
        .to_string()
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'"))
}

fn render_part(template: &Template, name: &str, label: &str, data: &Value) -> Result<String, RenderError> {
    template.measure(name, bounds::longest_list(data))?;
    let mut output = LimitedOutput { bytes: Vec::new() };
    template.registry.render_to_write(name, data, &mut output).map_err(|error| {
        if output.bytes.len() >= OUTPUT_LIMIT {
            return RenderError::TooLarge { file: label.to_owned(), limit_mb: OUTPUT_LIMIT / 1024 / 1024 };
        }
        RenderError::Template {
            file: label.to_owned(),
            line: error.line_no,
            column: error.column_no,
            message: error.reason().to_string(),
        }
    })?;
    Ok(String::from_utf8_lossy(&output.bytes).into_owned())
}

struct LimitedOutput {
    bytes: Vec<u8>,
}

impl Write for LimitedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > OUTPUT_LIMIT {
            self.bytes.resize(OUTPUT_LIMIT, 0);
            return Err(std::io::Error::other("output limit reached"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The allow-list for a template's rendered body: document structure and text, images only as
/// data URIs, links only to the web, mail and in-page anchors; no scripts, handlers, styles,
/// frames, forms or remote resources.
fn sanitise_body(html: &str) -> String {
    let tags: HashSet<&str> = [
        "header",
        "main",
        "section",
        "article",
        "aside",
        "footer",
        "nav",
        "div",
        "span",
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "small",
        "sub",
        "sup",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "a",
        "img",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "caption",
        "figure",
        "figcaption",
        "address",
        "time",
    ]
    .into_iter()
    .collect();
    let generic: HashSet<&str> =
        ["class", "id", "lang", "dir", "title", "role", "aria-label"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .generic_attributes(generic)
        .tag_attributes(
            [
                ("a", ["href"].into_iter().collect()),
                ("img", ["src", "alt", "width", "height"].into_iter().collect()),
                ("ol", ["start"].into_iter().collect()),
                ("time", ["datetime"].into_iter().collect()),
                ("td", ["colspan", "rowspan"].into_iter().collect()),
                ("th", ["colspan", "rowspan", "scope"].into_iter().collect()),
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(["http", "https", "mailto", "data"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .attribute_filter(|element, attribute, value| {
            let lower = value.trim().to_ascii_lowercase();
            match (element, attribute) {
                // Images only from the export itself; never a fetch.
                ("img", "src") => (lower.starts_with("data:image/png;base64,")
                    || lower.starts_with("data:image/svg+xml;base64,"))
                .then(|| value.into()),
                // Links: the web, mail, or a place in the document.
                ("a", "href") => (lower.starts_with("https://")
                    || lower.starts_with("http://")
                    || lower.starts_with("mailto:")
                    || lower.starts_with('#'))
                .then(|| value.into()),
                _ => Some(value.into()),
            }
        })
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}
