//! What every reader produces: the document as a list of blocks whose text is inline Markdown, so
//! emphasis and links survive into the proposed sections.

/// One block of an imported document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: level 1 (most important) to 6, and its plain text.
    Heading {
        /// 1 to 6, as `<h1>`–`<h6>`.
        level: u8,
        /// The heading's words, without markup.
        text: String,
    },
    /// A paragraph, in inline Markdown.
    Paragraph(String),
    /// A list item, in inline Markdown.
    Item {
        /// Numbered (`1.`) rather than bulleted.
        ordered: bool,
        /// 0 for a top-level item, 1 inside it, …
        depth: u8,
        /// The item's text.
        text: String,
    },
    /// A quoted paragraph, in inline Markdown.
    Quote(String),
}

impl Block {
    /// The block's text (a heading's plain text, the others' inline Markdown).
    pub fn text(&self) -> &str {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Quote(text) => text,
            Block::Item { text, .. } => text,
        }
    }
}

/// Writes blocks as a Markdown body: paragraphs separated by blank lines, a list's items on
/// consecutive lines, sub-headings inside a section as `###`.
pub(crate) fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous_was_item = false;
    // Depths as written: a list starts at the margin and goes at most one level deeper per item,
    // whatever depth the reader gave (an indent of four spaces or more would make a code block,
    // in which escapes show as backslashes).
    let mut base = 0_u8;
    let mut written: u8 = 0;
    for block in blocks {
        let is_item = matches!(block, Block::Item { .. });
        if !out.is_empty() {
            out.push_str(if is_item && previous_was_item { "\n" } else { "\n\n" });
        }
        match block {
            Block::Heading { text, .. } => {
                out.push_str("### ");
                out.push_str(&escape(text));
            }
            Block::Paragraph(text) => out.push_str(text),
            Block::Quote(text) => {
                out.push_str("> ");
                out.push_str(text);
            }
            Block::Item { ordered, depth, text } => {
                if !previous_was_item {
                    base = *depth;
                    written = 0;
                } else {
                    base = base.min(*depth);
                    written = (depth - base).min(written + 1);
                }
                out.push_str(&"   ".repeat(usize::from(written)));
                out.push_str(if *ordered { "1. " } else { "- " });
                out.push_str(text);
            }
        }
        previous_was_item = is_item;
    }
    out
}

/// Escapes plain text for inline Markdown: characters that would start emphasis, links, code,
/// HTML or an entity are backslash-escaped, so the words read back exactly as they were.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '#' | '~' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // A paragraph starting "1. " or "- " would become a list; "+ " too.
    escape_block_start(out)
}

/// Escapes what would make a paragraph's start a list marker or a heading.
fn escape_block_start(text: String) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &text[digits..];
    if digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") ")) {
        return format!("{}\\{}", &text[..digits], after_digits);
    }
    if text.starts_with("- ") || text.starts_with("+ ") || text == "-" || text == "+" {
        return format!("\\{text}");
    }
    text
}

/// Whether a link is worth keeping: to the web or to an e-mail address. Anything else
/// (`javascript:`, `data:`, addresses relative to a site) keeps only its words.
pub(crate) fn is_kept_link(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme))
}

/// The closing part of a Markdown link, `](url)`, with the characters that would end the address
/// early escaped.
pub(crate) fn link_target(url: &str) -> String {
    format!("]({})", url.trim().replace(' ', "%20").replace(')', "%29"))
}

/// Collapses runs of whitespace (line wraps, tabs, no-break spaces kept apart) into one space,
/// trims the ends and drops control characters (a terminal's escapes, a bell pasted from an
/// e-mail): every reader's text passes through here.
pub(crate) fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_reads_back_as_the_same_words() {
        for text in
            ["2 * 3 = 6", "snake_case and [brackets]", "1. not a list", "- not a bullet", "<b>", "#1 & co"]
        {
            let plain = plenary_core::words::plain_text(&escape(text));
            assert_eq!(plain, text, "{text:?} → {:?}", escape(text));
        }
    }

    #[test]
    fn control_characters_are_dropped_and_spaces_collapsed() {
        assert_eq!(collapse_spaces(" Ti\u{1}tle\u{7}\n  with \u{1b}[31m\tcolour "), "Title with [31m colour");
    }

    #[test]
    fn items_stay_together_and_blocks_are_separated() {
        let blocks = vec![
            Block::Paragraph("Intro".into()),
            Block::Item { ordered: false, depth: 0, text: "one".into() },
            Block::Item { ordered: false, depth: 1, text: "sub".into() },
            Block::Item { ordered: false, depth: 0, text: "two".into() },
            Block::Quote("Said".into()),
        ];
        assert_eq!(to_markdown(&blocks), "Intro\n\n- one\n   - sub\n- two\n\n> Said");
    }
}
