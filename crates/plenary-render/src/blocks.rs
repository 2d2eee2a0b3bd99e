//! The statement as a sequence of typographic blocks: title, event line, item headings,
//! paragraphs, list items with their markers, quotes, signatories.

use plenary_core::assembly::{AssembledItem, AssembledStatement};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::locale::{date_range, labels, long_date};

/// A stretch of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    pub(crate) link: Option<String>,
}

/// What a block is, which decides its font, size, colour and spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Title,
    Meta,
    Heading,
    SubHeading,
    Body,
    Quote,
}

/// One block of text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub(crate) role: Role,
    pub(crate) runs: Vec<Run>,
    /// Left indent of every line, in ems of the body size.
    pub(crate) indent: f32,
    /// A list marker hung in the indent ("•", "2.").
    pub(crate) marker: Option<String>,
    /// Space above, in ems of the body size (dropped at the top of a page).
    pub(crate) space_before: f32,
    /// Never end a page right after this block.
    pub(crate) keep_with_next: bool,
    /// Outline level for headings (1 = item, 2 = heading inside a body).
    pub(crate) outline: Option<u8>,
    /// The language, for hyphenation.
    pub(crate) lang: String,
    /// For a list item: which list (numbered from 1 in the statement), whether it is numbered,
    /// and its nesting depth (0 = top level).
    pub(crate) list: Option<ListPlace>,
}

/// Where a list item sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListPlace {
    pub(crate) list: usize,
    pub(crate) ordered: bool,
    pub(crate) depth: usize,
}

impl Block {
    fn new(role: Role, text: &str, lang: &str) -> Block {
        Block {
            role,
            runs: vec![Run { text: text.to_owned(), bold: false, italic: false, link: None }],
            indent: 0.0,
            marker: None,
            space_before: 0.0,
            keep_with_next: false,
            outline: None,
            lang: lang.to_owned(),
            list: None,
        }
    }

    /// The block's text, as the outline shows it.
    pub(crate) fn plain(&self) -> String {
        self.runs
            .iter()
            .map(|run| run.text.as_str())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The blocks of a statement, in reading order.
pub(crate) fn blocks(statement: &AssembledStatement) -> Vec<Block> {
    let mut out = head_blocks(statement);
    for item in &statement.items {
        out.extend(item_blocks(item));
    }
    out.extend(signatory_blocks(statement));
    out
}

/// The statement's title, event line and date.
pub(crate) fn head_blocks(statement: &AssembledStatement) -> Vec<Block> {
    let lang = statement.lang.as_str();
    let mut out = Vec::new();
    let mut title = Block::new(Role::Title, &statement.title, lang);
    title.keep_with_next = true;
    out.push(title);
    if let Some(event) = &statement.event {
        let mut line = event.display_name();
        let place: Vec<&str> =
            [event.city.as_deref(), event.country.as_deref()].into_iter().flatten().collect();
        if !place.is_empty() {
            line.push_str(&format!(" · {}", place.join(", ")));
        }
        match (event.starts, event.ends) {
            (Some(starts), Some(ends)) => line.push_str(&format!(" · {}", date_range(lang, starts, ends))),
            (Some(starts), None) => line.push_str(&format!(" · {}", long_date(lang, starts))),
            _ => {}
        }
        let mut meta = Block::new(Role::Meta, &line, lang);
        meta.keep_with_next = true;
        meta.space_before = 0.2;
        out.push(meta);
    }
    if let Some(date) = statement.date {
        let mut meta = Block::new(Role::Meta, &long_date(lang, date), lang);
        meta.keep_with_next = true;
        out.push(meta);
    }
    out
}

/// One item's heading and body.
pub(crate) fn item_blocks(item: &AssembledItem) -> Vec<Block> {
    let mut out = Vec::new();
    let item_lang = item.lang.as_str();
    if !item.title.trim().is_empty() {
        let mut heading = Block::new(Role::Heading, item.title.trim(), item_lang);
        heading.space_before = 1.3;
        heading.keep_with_next = true;
        heading.outline = Some(1);
        out.push(heading);
    }
    markdown_blocks(&item.body, item_lang, &mut out);
    if item.title.trim().is_empty()
        && let Some(block) = out.first_mut()
    {
        block.space_before = block.space_before.max(1.0);
    }
    out
}

/// The signatories who agreed, under their heading.
pub(crate) fn signatory_blocks(statement: &AssembledStatement) -> Vec<Block> {
    let lang = statement.lang.as_str();
    let mut out = Vec::new();
    if !statement.signatories.is_empty() {
        let mut heading = Block::new(Role::Heading, labels(lang).signed, lang);
        heading.space_before = 1.3;
        heading.keep_with_next = true;
        out.push(heading);
        for signatory in &statement.signatories {
            let mut name = Block::new(Role::Body, &signatory.name, lang);
            name.runs[0].bold = true;
            name.space_before = 0.3;
            name.keep_with_next = signatory.role.is_some();
            out.push(name);
            if let Some(role) = &signatory.role {
                out.push(Block::new(Role::Body, role, lang));
            }
        }
    }
    out
}

/// Appends the blocks of a Markdown body.
fn markdown_blocks(markdown: &str, lang: &str, out: &mut Vec<Block>) {
    static LIST_COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let mut bold = 0usize;
    let mut italic = 0usize;
    let mut links: Vec<String> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut list_ids: Vec<usize> = Vec::new();
    let mut pending_list: Option<ListPlace> = None;
    let mut quote = 0usize;
    let mut current: Option<Block> = None;
    let mut pending_marker: Option<String> = None;
    let mut heading = false;

    let start_block = |role: Role,
                       lists: &[Option<u64>],
                       quote: usize,
                       marker: &mut Option<String>,
                       list: &mut Option<ListPlace>| Block {
        list: list.take(),
        role: if quote > 0 && role == Role::Body { Role::Quote } else { role },
        runs: Vec::new(),
        indent: lists.len() as f32 * 1.5 + quote as f32 * 1.5,
        marker: marker.take(),
        space_before: if lists.is_empty() { 0.6 } else { 0.25 },
        keep_with_next: false,
        outline: None,
        lang: lang.to_owned(),
    };
    let flush = |current: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(block) = current.take()
            && block.runs.iter().any(|run| !run.text.trim().is_empty())
        {
            out.push(block);
        }
    };

    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Paragraph) => {
                flush(&mut current, out);
                current =
                    Some(start_block(Role::Body, &lists, quote, &mut pending_marker, &mut pending_list));
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, out);
                let mut block =
                    start_block(Role::SubHeading, &lists, quote, &mut pending_marker, &mut pending_list);
                block.space_before = 0.9;
                block.keep_with_next = true;
                block.outline = Some(2);
                current = Some(block);
                heading = true;
            }
            Event::End(TagEnd::Paragraph) => flush(&mut current, out),
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut current, out);
                heading = false;
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut current, out);
                quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut current, out);
                quote = quote.saturating_sub(1);
            }
            Event::Start(Tag::List(first)) => {
                flush(&mut current, out);
                lists.push(first);
                list_ids.push(LIST_COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, out);
                lists.pop();
                list_ids.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, out);
                pending_list = list_ids.last().map(|&list| ListPlace {
                    list,
                    ordered: matches!(lists.last(), Some(Some(_))),
                    depth: lists.len().saturating_sub(1),
                });
                pending_marker = Some(match lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}.", *number - 1)
                    }
                    _ => if lists.len() > 1 { "◦" } else { "•" }.to_owned(),
                });
            }
            Event::End(TagEnd::Item) => flush(&mut current, out),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.into_string()),
            Event::End(TagEnd::Link) => {
                links.pop();
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                let block = current.get_or_insert_with(|| {
                    start_block(Role::Body, &lists, quote, &mut pending_marker, &mut pending_list)
                });
                let link = links.last().filter(|url| is_web_link(url)).cloned();
                block.runs.push(Run {
                    text: text.replace('\n', " "),
                    bold: bold > 0 || heading,
                    italic: italic > 0,
                    link,
                });
            }
            Event::SoftBreak => {
                if let Some(block) = current.as_mut() {
                    block.runs.push(Run { text: " ".into(), bold: false, italic: false, link: None });
                }
            }
            Event::HardBreak => {
                if let Some(block) = current.as_mut() {
                    block.runs.push(Run { text: "\n".into(), bold: false, italic: false, link: None });
                }
            }
            _ => {}
        }
    }
    flush(&mut current, out);
}

/// Only web and mail links become clickable; anything else stays plain text.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}
