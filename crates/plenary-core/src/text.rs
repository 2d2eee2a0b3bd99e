//! Text that comes from outside, and words compared regardless of case and accents. Line endings
//! and byte-order marks: files written on Windows
//! (CRLF, Notepad's UTF-8 BOM), old Mac files (CR), the clipboard. Bodies are stored with `\n`
//! only, so that comparing, diffing, counting and exporting a body never depends on where it
//! was typed.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// `text` with a leading byte-order mark removed and every CRLF or lone CR turned into LF.
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Lowercases and strips accents ("Migración" → "migracion"), as SQLite's `unicode61
/// remove_diacritics 2` tokenizer compares words: for search snippets and for matching words in
/// titles.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    folded
}

/// [`fold`] into a buffer the caller reuses.
pub fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    for c in word.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            decompose_canonical(c, |part| {
                if !is_combining_mark(part) {
                    folded.extend(part.to_lowercase());
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_newlines;

    fn check(input: &str, expected: &str) {
        assert_eq!(normalize_newlines(input), expected, "{input:?}");
    }

    #[test]
    fn windows_and_old_mac_line_endings_become_newlines() {
        check("Who we are\r\n\r\nWe are 45 organisations.\r\n", "Who we are\n\nWe are 45 organisations.\n");
        check("one\rtwo\r\rthree", "one\ntwo\n\nthree");
        check("mixed\r\n\n\r", "mixed\n\n\n");
        check("\r\n", "\n");
    }

    #[test]
    fn a_leading_byte_order_mark_goes_and_other_text_is_untouched() {
        check("\u{feff}¿Quiénes somos?\r\n", "¿Quiénes somos?\n");
        check("no change\n", "no change\n");
        check("", "");
        // Only a leading mark is a BOM; elsewhere U+FEFF is text (and kept).
        check("a\u{feff}b", "a\u{feff}b");
        assert!(matches!(normalize_newlines("plain\ntext"), std::borrow::Cow::Borrowed(_)));
    }
}
