//! Plain text and word counts. A statement's word count is the number of words in its plain-text
//! form, counted as a submission form counts them, so that the count Plenary shows is the count
//! the form will see.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Counts words as the word counters of submission forms and word processors do: runs of
/// characters between spaces or line breaks. So "migración", "don't", "100,000" and
/// "(https://example.org)" are one word each, and so are a list's "1." or "-" and a dash
/// standing alone, because the form counts them too: a count that is never below the form's
/// keeps a statement from being refused for a limit Plenary said it met.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Turns a Markdown body into plain text for a form that takes no markup: paragraphs separated by
/// blank lines, list items on their own lines with `-` or their number, link targets in brackets
/// after the link text, raw HTML dropped.
pub fn plain_text(markdown: &str) -> String {
    let mut writer = PlainWriter::default();
    for event in Parser::new(markdown) {
        writer.event(event);
    }
    writer.out
}

#[derive(Default)]
struct PlainWriter {
    out: String,
    /// The next number of each open list (`None` for bullets), innermost last.
    lists: Vec<Option<u64>>,
    /// What goes before the next text: a line break or a blank line.
    separator: Option<&'static str>,
    /// A list marker waiting for the item's first text.
    marker: Option<String>,
    /// Open links: their target and where their text starts in `out`.
    links: Vec<(String, usize)>,
    /// Inside an inline `<script>` or `<style>`, whose text is code, not words.
    in_raw_code: bool,
}

impl PlainWriter {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Item) => {
                let depth = self.lists.len().saturating_sub(1);
                let bullet = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}.", *number - 1)
                    }
                    _ => "-".to_owned(),
                };
                self.marker = Some(format!("{}{bullet} ", "  ".repeat(depth)));
                self.separator.get_or_insert("\n");
            }
            Event::Start(Tag::List(first)) => {
                if !self.lists.is_empty() {
                    self.separator = Some("\n");
                }
                self.lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
                self.end_block();
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            ) => self.end_block(),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links.push((dest_url.into_string(), self.out.len()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, start)) = self.links.pop() {
                    let text = self.out[start..].trim().to_owned();
                    let url = url.strip_prefix("mailto:").unwrap_or(&url);
                    if !url.is_empty() && text != url {
                        self.out.push_str(&format!(" ({url})"));
                    }
                }
            }
            Event::InlineHtml(html) => {
                let tag = html.trim_start_matches('<').to_ascii_lowercase();
                if tag.starts_with("script") || tag.starts_with("style") {
                    self.in_raw_code = true;
                } else if tag.starts_with("/script") || tag.starts_with("/style") {
                    self.in_raw_code = false;
                }
            }
            Event::Text(_) | Event::Code(_) if self.in_raw_code => {}
            Event::Text(text) | Event::Code(text) => self.write(&text),
            Event::SoftBreak => self.write(" "),
            Event::HardBreak => self.write("\n"),
            // Raw HTML never reaches plain text; rules, footnotes and the rest carry no words.
            _ => {}
        }
    }

    fn end_block(&mut self) {
        self.separator = Some(if self.lists.is_empty() { "\n\n" } else { "\n" });
    }

    fn write(&mut self, text: &str) {
        if let Some(separator) = self.separator.take()
            && !self.out.is_empty()
        {
            self.out.push_str(separator);
        }
        if let Some(marker) = self.marker.take() {
            self.out.push_str(&marker);
        }
        self.out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(markdown: &str, expected_text: &str, expected_words: usize) {
        let text = plain_text(markdown);
        assert_eq!(text, expected_text, "plain text of {markdown:?}");
        assert_eq!(count_words(&text), expected_words, "words of {text:?}");
    }

    #[test]
    fn markup_is_not_counted_but_its_words_are() {
        check(
            "We **protect** _migrants_.\nAlways.\n\nSecond `para`.",
            "We protect migrants. Always.\n\nSecond para.",
            6,
        );
        check(
            "# Who we are\n\n> Protection first.\n\n---\n\nEnd",
            "Who we are\n\nProtection first.\n\nEnd",
            6,
        );
    }

    #[test]
    fn accents_numbers_apostrophes_and_attached_punctuation_make_one_word() {
        check(
            "La migración no es un delito: 100,000 familias, ¿verdad? ¡Sí! Don't.",
            "La migración no es un delito: 100,000 familias, ¿verdad? ¡Sí! Don't.",
            11,
        );
        assert_eq!(count_words("derechos—sin excepción—ya"), 2, "dashes without spaces join words");
        assert_eq!(count_words("por\tla\u{a0}vía"), 3, "tabs and no-break spaces separate, as in a form");
    }

    #[test]
    fn list_markers_and_lone_dashes_count_as_a_form_counts_them() {
        // The plain text pasted into a form keeps "-" and "1.": the form counts them as words.
        check(
            "Intro:\n\n- one\n- two\n  1. sub a\n  2. sub b\n\nAfter.",
            "Intro:\n\n- one\n- two\n  1. sub a\n  2. sub b\n\nAfter.",
            12,
        );
        check("3. third\n4. fourth", "3. third\n4. fourth", 4);
        assert_eq!(count_words("Protección — sin excepción"), 4);
    }

    #[test]
    fn a_link_counts_its_words_and_its_address_once() {
        check(
            "See [our site](https://example.org) <script>alert(1)</script>now.",
            "See our site (https://example.org) now.",
            5,
        );
        check("<div onclick=\"x\">\nhidden\n</div>\n\nshown", "shown", 1);
    }

    #[test]
    fn an_unknown_fact_counts_as_the_one_word_it_shows() {
        // Assembly leaves `{{fact.x}}` in place (and warns); the count follows what is shown.
        check("Somos {{fact.members}} redes.", "Somos {{fact.members}} redes.", 3);
    }

    #[test]
    fn hard_line_breaks_stay_and_a_link_showing_its_address_is_not_repeated() {
        check("First line  \nsecond line", "First line\nsecond line", 4);
        check("Read <https://example.org> and [this]().", "Read https://example.org and this.", 4);
        check("Write to <ana@example.org>.", "Write to ana@example.org.", 3);
    }
}
