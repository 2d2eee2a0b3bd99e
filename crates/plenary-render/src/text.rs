//! Plain text and Markdown for web submission forms.

use plenary_core::words::plain_text;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::Document;
use crate::context::escape;
use crate::locale::labels;

/// The statement's content as plain text, as a form's text box takes it: each item's heading and
/// body, no markup. Title, event and signatories go in a form's own fields and are not repeated,
/// so the words here are exactly the statement's word count.
pub fn render_text(document: &Document<'_>) -> String {
    let mut blocks = Vec::new();
    for item in &document.statement.items {
        if !item.title.trim().is_empty() {
            blocks.push(item.title.trim().to_owned());
        }
        let body = plain_text(&item.body);
        if !body.trim().is_empty() {
            blocks.push(body.trim_end().to_owned());
        }
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    printable(&text)
}

/// `text` without control characters (NUL, escape, form feed…) and the non-characters U+FFFE
/// and U+FFFF, which web forms and editors mangle or refuse; line breaks and tabs stay.
fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| (!c.is_control() || matches!(c, '\n' | '\t')) && !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// The whole statement as Markdown: title, event, items as sections, signatories. Raw HTML in
/// bodies is escaped so that no Markdown renderer turns it into markup.
pub fn render_markdown(document: &Document<'_>) -> String {
    let statement = document.statement;
    let mut out = format!("# {}\n\n", inline_text(&statement.title));
    if let Some(event) = &statement.event {
        let place: Vec<&str> =
            [event.city.as_deref(), event.country.as_deref()].into_iter().flatten().collect();
        let mut line = event.display_name();
        if !place.is_empty() {
            line.push_str(&format!(", {}", place.join(", ")));
        }
        out.push_str(&format!("*{}*\n\n", inline_text(&line)));
    }
    for item in &statement.items {
        if !item.title.trim().is_empty() {
            out.push_str(&format!("## {}\n\n", inline_text(&item.title)));
        }
        out.push_str(escape_raw_html(&item.body).trim_end());
        out.push_str("\n\n");
    }
    if !statement.signatories.is_empty() {
        out.push_str(&format!("## {}\n\n", labels(statement.lang.as_str()).signed));
        for signatory in &statement.signatories {
            match &signatory.role {
                Some(role) => {
                    out.push_str(&format!("- {}, {}\n", inline_text(&signatory.name), inline_text(role)))
                }
                None => out.push_str(&format!("- {}\n", inline_text(&signatory.name))),
            }
        }
    }
    printable(out.trim_end()) + "\n"
}

/// A plain-text field (a title, a name) as Markdown inline text that reads as itself: one line,
/// and every character Markdown could take for markup (emphasis, links, code, raw HTML, entities,
/// a heading's closing `#`) escaped with a backslash.
fn inline_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '|' | '~' | '!') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    // At the start of a line "-", "+" or "1." would begin a list (after "- ", a nested one).
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let marker = out[digits..].chars().next();
    let starts_list =
        if digits == 0 { matches!(marker, Some('-' | '+')) } else { matches!(marker, Some('.' | ')')) };
    if starts_list {
        out.insert(digits, '\\');
    }
    out
}

/// Replaces every raw-HTML span the Markdown parser finds with its escaped text.
fn escape_raw_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut last = 0;
    // Inside a link or image to an address a viewer must not open: (its start, depth of nesting).
    let mut refused: Option<(usize, usize)> = None;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match (&event, &mut refused) {
            (Event::Start(Tag::Link { .. } | Tag::Image { .. }), Some((_, depth))) => *depth += 1,
            (Event::End(TagEnd::Link | TagEnd::Image), Some((start, depth))) => {
                if *depth > 0 {
                    *depth -= 1;
                } else {
                    // The whole link becomes its words, as plain text.
                    out.push_str(&markdown[last..*start]);
                    out.push_str(&inline_text(&link_words(&markdown[*start..range.end])));
                    last = range.end;
                    refused = None;
                }
            }
            (Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }), None)
                if range.start >= last && !is_safe_destination(dest_url) =>
            {
                refused = Some((range.start, 0));
            }
            (Event::Html(_) | Event::InlineHtml(_), None) if range.start >= last => {
                out.push_str(&markdown[last..range.start]);
                out.push_str(&escape(&markdown[range.clone()]));
                last = range.end;
            }
            _ => {}
        }
    }
    out.push_str(&markdown[last..]);
    out
}

/// Addresses a Markdown viewer may open from the export: the web, mail, and places in the page.
fn is_safe_destination(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// The words of a Markdown link or image, without its address.
fn link_words(link: &str) -> String {
    let mut words = String::new();
    for event in Parser::new(link) {
        if let Event::Text(text) | Event::Code(text) = event {
            words.push_str(&text);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped_in_markdown() {
        assert_eq!(
            escape_raw_html("Hi <script>alert(1)</script> **there**"),
            "Hi &lt;script&gt;alert(1)&lt;/script&gt; **there**"
        );
        assert_eq!(escape_raw_html("`<b>` in code"), "`<b>` in code");
    }

    #[test]
    fn links_a_viewer_must_not_open_become_their_words() {
        assert_eq!(
            escape_raw_html("See [the plan](javascript:alert(1)) and [ours](https://example.org)."),
            "See the plan and [ours](https://example.org)."
        );
        assert_eq!(escape_raw_html("![chart](data:text/html,x) <vbscript:x>"), "chart vbscript:x");
        assert_eq!(
            escape_raw_html("[top](#item-1) [mail](mailto:a@b.org)"),
            "[top](#item-1) [mail](mailto:a@b.org)"
        );
    }

    #[test]
    fn plain_text_fields_read_as_themselves_in_markdown() {
        for field in [
            "<script>alert(1)</script>",
            "<iframe src=https://evil.example>",
            "**not bold** _nor this_ `nor code`",
            "[a link](javascript:alert(1))",
            "&lt;entity&gt; & more",
            "Title ending with #",
            "multi\nline\r\ntitle",
            "C:\\Users\\José",
            "1. Coordinadora",
            "2) Red",
            "- Ana",
            "+ Luis",
        ] {
            let markdown = format!("## {}\n\n- {}\n", inline_text(field), inline_text(field));
            let mut text = String::new();
            let mut lists = 0;
            for event in Parser::new(&markdown) {
                match event {
                    Event::Text(t) => text.push_str(&t),
                    Event::Start(pulldown_cmark::Tag::List(_)) => lists += 1,
                    Event::Start(_) | Event::End(_) => {}
                    other => panic!("{field:?} made {other:?} in {markdown:?}"),
                }
            }
            assert_eq!(lists, 1, "{field:?} starts no list of its own: {markdown:?}");
            let expected = field.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(text, format!("{expected}{expected}"), "{markdown:?}");
        }
    }
}
