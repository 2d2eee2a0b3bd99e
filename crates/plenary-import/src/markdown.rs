//! Markdown files: headings, paragraphs, lists and quotes become blocks; inline markup (emphasis,
//! strong, code, links) is kept as Markdown. Raw HTML is dropped: its text is not the author's
//! prose and it could carry script.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::blocks::{Block, collapse_spaces, escape, link_target};

/// What the text being collected will become.
enum Open {
    Heading(u8),
    Paragraph,
    Item,
}

/// Reads a Markdown document into blocks.
pub(crate) fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut open: Option<Open> = None;
    // Each open list: whether it is numbered.
    let mut lists: Vec<bool> = Vec::new();
    let mut quote_depth = 0usize;
    let mut links: Vec<String> = Vec::new();
    let finish =
        |open: &mut Option<Open>, text: &mut String, lists: &[bool], quoted: bool, out: &mut Vec<Block>| {
            let collected = collapse_spaces(text);
            text.clear();
            let Some(kind) = open.take() else { return };
            if collected.is_empty() {
                return;
            }
            out.push(match kind {
                Open::Heading(level) => {
                    Block::Heading { level, text: plenary_core::words::plain_text(&collected) }
                }
                Open::Item => Block::Item {
                    ordered: lists.last().copied().unwrap_or(false),
                    depth: u8::try_from(lists.len().saturating_sub(1)).unwrap_or(u8::MAX).min(5),
                    text: collected,
                },
                Open::Paragraph if quoted => Block::Quote(collected),
                Open::Paragraph => Block::Paragraph(collected),
            });
        };
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                finish(&mut open, &mut text, &lists, quote_depth > 0, &mut out);
                open = Some(Open::Heading(heading_level(level)));
            }
            // A paragraph inside a list item continues the item.
            Event::Start(Tag::Paragraph) if open.is_none() => open = Some(Open::Paragraph),
            Event::Start(Tag::Item) => {
                finish(&mut open, &mut text, &lists, quote_depth > 0, &mut out);
                open = Some(Open::Item);
            }
            Event::Start(Tag::List(first)) => {
                finish(&mut open, &mut text, &lists, quote_depth > 0, &mut out);
                lists.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                finish(&mut open, &mut text, &lists, quote_depth > 0, &mut out);
                lists.pop();
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            // A paragraph's end inside a list item does not end the item.
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock)
                if !matches!(open, Some(Open::Item)) || matches!(event, Event::End(TagEnd::Item)) =>
            {
                finish(&mut open, &mut text, &lists, quote_depth > 0, &mut out);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                finish(&mut open, &mut text, &lists, quote_depth > 0, &mut out);
                open = Some(Open::Paragraph);
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => text.push('_'),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => text.push_str("**"),
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => text.push_str("~~"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                text.push('[');
                links.push(dest_url.into_string());
            }
            Event::End(TagEnd::Link) => {
                let url = links.pop().unwrap_or_default();
                text.push_str(&link_target(&url));
            }
            Event::Text(words) => {
                if open.is_none() {
                    open = Some(Open::Paragraph);
                }
                text.push_str(&escape(&words));
            }
            Event::Code(code) => {
                if open.is_none() {
                    open = Some(Open::Paragraph);
                }
                text.push('`');
                text.push_str(&code.replace('`', "'"));
                text.push('`');
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    finish(&mut open, &mut text, &lists, quote_depth > 0, &mut out);
    out
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_and_inline_markup_are_kept() {
        let markdown = "# Statement\n\n## Who we are\n\nA **network** of _groups_, see [our site](https://example.org).\n\n- one\n- two\n  1. sub\n\n> Quoted.\n\n<script>alert(1)</script>\n";
        assert_eq!(
            blocks(markdown),
            [
                Block::Heading { level: 1, text: "Statement".into() },
                Block::Heading { level: 2, text: "Who we are".into() },
                Block::Paragraph("A **network** of _groups_, see [our site](https://example.org).".into()),
                Block::Item { ordered: false, depth: 0, text: "one".into() },
                Block::Item { ordered: false, depth: 0, text: "two".into() },
                Block::Item { ordered: true, depth: 1, text: "sub".into() },
                Block::Quote("Quoted.".into()),
            ]
        );
    }
}
