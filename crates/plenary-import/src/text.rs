//! Plain text, from a `.txt` file or pasted into the app: decoded (UTF-8, UTF-16 with its byte
//! order mark, else Windows-1252, what Word's "Plain text" writes on Windows), then split into
//! paragraphs at blank lines, with line-wrapped paragraphs joined, bullets and numbers turned into
//! list items and headings recognised by their shape.

use crate::blocks::{Block, collapse_spaces, escape};

/// Decodes a text file's bytes.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// A line's list marker, if it starts with one: (numbered, indent, text after the marker).
fn list_marker(line: &str) -> Option<(bool, usize, &str)> {
    let indent = line.len() - line.trim_start().len();
    let rest = line.trim_start();
    for bullet in ["• ", "· ", "- ", "* ", "– ", "◦ ", "▪ ", "○ "] {
        if let Some(text) = rest.strip_prefix(bullet) {
            return Some((false, indent, text));
        }
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = &rest[digits..];
        for marker in [". ", ") "] {
            if let Some(text) = after.strip_prefix(marker) {
                return Some((true, indent, text));
            }
        }
    }
    // "a) " and "(a) " lists.
    let mut chars = rest.chars();
    if let (Some(letter), Some(')'), Some(' ')) = (chars.next(), chars.next(), chars.next())
        && letter.is_ascii_lowercase()
    {
        return Some((true, indent, &rest[3..]));
    }
    None
}

/// Whether a paragraph of one line looks like a heading: short, not ending like a sentence.
pub(crate) fn looks_like_heading(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (1..=10).contains(&words)
        && line.chars().count() <= 80
        && !line.ends_with(['.', ',', ';', '…'])
        && line.chars().any(char::is_alphabetic)
}

/// Splits text into blocks. Lines inside a paragraph are joined (a word hyphenated at a line's
/// end is rejoined); a paragraph of one short line that does not end like a sentence and is
/// followed by more text is a heading.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let text = plenary_core::text::normalize_newlines(text);
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(line);
        }
    }
    paragraphs.retain(|p| !p.is_empty());

    // A paragraph of one short line that does not end like a sentence.
    let short = |lines: &Vec<&str>| {
        lines.len() == 1 && list_marker(lines[0]).is_none() && looks_like_heading(lines[0])
    };
    let mut out = Vec::new();
    for (index, lines) in paragraphs.iter().enumerate() {
        let next = paragraphs.get(index + 1);
        if short(lines) && index == 0 && next.is_some() {
            // The first line of a document, standing alone: its title.
            out.push(Block::Heading { level: 1, text: collapse_spaces(lines[0]) });
        } else if short(lines) && next.is_some_and(|next| !short(next)) {
            // A short line over text is a heading; one over another short line (a place and
            // date under the title) is not.
            out.push(Block::Heading { level: 2, text: collapse_spaces(lines[0]) });
        } else {
            paragraph_blocks(lines, &mut out);
        }
    }
    out
}

/// One paragraph's lines: list items where lines start with markers (continuation lines join
/// the item above), else one paragraph.
pub(crate) fn paragraph_blocks(lines: &[&str], out: &mut Vec<Block>) {
    let mut current: Option<(bool, usize, String)> = None;
    let mut plain: Vec<&str> = Vec::new();
    let mut indents: Vec<usize> = Vec::new();
    let flush_item = |item: Option<(bool, usize, String)>, indents: &mut Vec<usize>, out: &mut Vec<Block>| {
        if let Some((ordered, indent, text)) = item {
            while indents.last().is_some_and(|&last| last > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            let depth = u8::try_from(indents.len().saturating_sub(1)).unwrap_or(u8::MAX).min(5);
            out.push(Block::Item { ordered, depth, text: escape(&text) });
        }
    };
    for line in lines {
        if let Some((ordered, indent, text)) = list_marker(line) {
            if !plain.is_empty() {
                out.push(Block::Paragraph(escape(&join_lines(&plain))));
                plain.clear();
            }
            flush_item(current.take(), &mut indents, out);
            current = Some((ordered, indent, collapse_spaces(text)));
        } else if let Some((_, _, text)) = current.as_mut() {
            *text = join_lines(&[text.as_str(), line]);
        } else {
            plain.push(line);
        }
    }
    flush_item(current.take(), &mut indents, out);
    if !plain.is_empty() {
        out.push(Block::Paragraph(escape(&join_lines(&plain))));
    }
}

/// Joins wrapped lines with spaces; a line ending in a hyphen after a letter, followed by a line
/// starting with a lowercase letter, is a word hyphenated at the line's end and is rejoined.
pub(crate) fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = collapse_spaces(line);
        if line.is_empty() {
            continue;
        }
        let rejoin = out.ends_with('-')
            && out.chars().rev().nth(1).is_some_and(char::is_alphabetic)
            && line.chars().next().is_some_and(char::is_lowercase);
        if rejoin {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_in_any_common_encoding_are_read() {
        assert_eq!(decode("Migración".as_bytes()), "Migración");
        assert_eq!(decode(b"\xef\xbb\xbfBOM"), "BOM");
        let utf16: Vec<u8> =
            [0xff, 0xfe].into_iter().chain("Niñez".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16), "Niñez");
        // Windows-1252: é is 0xE9, the curly quotes 0x93/0x94.
        assert_eq!(decode(b"\x93caf\xe9\x94"), "“café”");
    }

    #[test]
    fn paragraphs_lists_and_headings_are_found() {
        let text = "Who Are We?\n\nWe are a network of\nmigrant-led organi-\nsations.\n\nOur asks:\n• safe pathways\n• an end to\n  detention\n  - of children\n\nThank you.";
        assert_eq!(
            blocks(text),
            [
                Block::Heading { level: 1, text: "Who Are We?".into() },
                Block::Paragraph("We are a network of migrant-led organisations.".into()),
                Block::Paragraph("Our asks:".into()),
                Block::Item { ordered: false, depth: 0, text: "safe pathways".into() },
                Block::Item { ordered: false, depth: 0, text: "an end to detention".into() },
                Block::Item { ordered: false, depth: 1, text: "of children".into() },
                Block::Paragraph("Thank you.".into()),
            ]
        );
    }

    #[test]
    fn a_short_last_line_or_a_sentence_is_not_a_heading() {
        assert_eq!(blocks("Thank you"), [Block::Paragraph("Thank you".into())]);
        assert_eq!(
            blocks("We call on states.\n\nMore."),
            [Block::Paragraph("We call on states.".into()), Block::Paragraph("More.".into())]
        );
    }
}
