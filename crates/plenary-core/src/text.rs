//! Line endings and byte-order marks of text that comes from outside: files written on Windows
//! (CRLF, Notepad's UTF-8 BOM), old Mac files (CR), the clipboard. Bodies are stored with `\n`
//! only, so that comparing, diffing, counting and exporting a body never depends on where it
//! was typed.

use std::borrow::Cow;

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
