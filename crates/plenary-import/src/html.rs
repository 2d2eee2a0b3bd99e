//! Web pages (`.html`, `.htm`): read with html5ever through `scraper`, as a browser would parse
//! them, then walked for their text: `<h1>`–`<h6>` are headings, list items keep their nesting,
//! quotes stay quotes, links and emphasis become Markdown. Scripts, styles and other code are not
//! text and are dropped, as are event handlers and every attribute but a link's address.

use scraper::{ElementRef, Html, Node};

use crate::blocks::{Block, collapse_spaces, escape, is_kept_link, link_target};

/// Pages nested deeper than this are refused before parsing: the HTML parser's work grows with
/// the square of the depth (20,000 levels took 40 s), and no statement is written that way.
pub(crate) const MAX_NESTING: usize = 1000;

/// How deep a page's elements nest, roughly (void elements and `/>` do not open), counted
/// without parsing. Stops counting at `limit`.
pub(crate) fn nesting(html: &str, limit: usize) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut at = 0;
    while let Some(offset) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        at += offset + 1;
        let Some(&next) = bytes.get(at) else { break };
        if next == b'/' {
            depth = depth.saturating_sub(1);
            continue;
        }
        if !next.is_ascii_alphabetic() {
            continue;
        }
        let name_end =
            bytes[at..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |n| at + n);
        let name = html.get(at..name_end).unwrap_or_default().to_ascii_lowercase();
        let tag_end = bytes[at..].iter().position(|&b| b == b'>').map_or(bytes.len(), |n| at + n);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest >= limit {
                break;
            }
        }
    }
    deepest
}

/// A page's title (`<title>`, else none) and its blocks.
pub(crate) fn read(html: &str) -> (Option<String>, Vec<Block>) {
    let document = Html::parse_document(html);
    let title = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|element| element.value().name() == "title")
        .map(|element| collapse_spaces(&element.text().collect::<String>()))
        .filter(|title| !title.is_empty());
    let mut walker = Walker::default();
    walker.walk(document.root_element(), &Role::Paragraph);
    walker.flush(&Role::Paragraph);
    (title, walker.out)
}

/// What the text inside an element becomes.
#[derive(Clone)]
enum Role {
    Paragraph,
    Quote,
    Heading(u8),
    Item { ordered: bool, depth: u8 },
}

#[derive(Default)]
struct Walker {
    out: Vec<Block>,
    text: String,
    /// The open lists: numbered or not.
    lists: Vec<bool>,
    /// How many elements deep the walk is.
    depth: usize,
}

/// Past this depth an element's text is taken whole, without looking at its structure: a page
/// nested thousands deep must not exhaust the stack.
const MAX_DEPTH: usize = 200;

/// Elements whose content is code, metadata or the site's navigation, never the statement's prose.
const NOT_TEXT: [&str; 11] =
    ["script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "select", "nav"];

/// Elements that end the text before them and start new text.
const BLOCKS: [&str; 25] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "figure",
    "hr",
];

impl Walker {
    fn walk(&mut self, element: ElementRef<'_>, role: &Role) {
        if self.depth >= MAX_DEPTH {
            let text: String = element.text().collect();
            self.text.push_str(&escape(&text));
            return;
        }
        self.depth += 1;
        self.walk_children(element, role);
        self.depth -= 1;
    }

    fn walk_children(&mut self, element: ElementRef<'_>, role: &Role) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text.push_str(&escape(text)),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, role);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef<'_>, role: &Role) {
        let name = element.value().name();
        if NOT_TEXT.contains(&name) {
            return;
        }
        if !BLOCKS.contains(&name) {
            self.inline(element, role);
            return;
        }
        self.flush(role);
        let inner = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading(name.as_bytes()[1] - b'0'),
            "blockquote" => Role::Quote,
            "li" => Role::Item {
                ordered: self.lists.last().copied().unwrap_or(false),
                depth: u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX).min(5),
            },
            _ => role.clone(),
        };
        let list = matches!(name, "ul" | "ol");
        if list {
            self.lists.push(name == "ol");
        }
        self.walk(element, &inner);
        self.flush(&inner);
        if list {
            self.lists.pop();
        }
    }

    /// Inline elements: their text joins the text being collected, with Markdown for emphasis
    /// and links.
    fn inline(&mut self, element: ElementRef<'_>, role: &Role) {
        let (before, after) = match element.value().name() {
            "strong" | "b" => ("**", "**"),
            "em" | "i" => ("_", "_"),
            "br" => {
                self.text.push(' ');
                return;
            }
            "a" => match element.value().attr("href").map(str::trim) {
                Some(href) if is_kept_link(href) => {
                    let blocks_before = self.out.len();
                    let mark = self.text.len();
                    self.walk(element, role);
                    // A link around a block (`<a><p>…</p></a>`) keeps only its words.
                    if self.out.len() == blocks_before && self.text.len() > mark {
                        self.text.insert(mark, '[');
                        self.text.push_str(&link_target(href));
                    }
                    return;
                }
                _ => ("", ""),
            },
            _ => ("", ""),
        };
        // Emphasis around nothing but spaces would print its markers; and a block inside the
        // element (`<b>a<p>b</p></b>`) has already taken the text, markers and all, so the words
        // stay without them.
        let mark = self.text.len();
        let blocks_before = self.out.len();
        self.walk(element, role);
        let whole = self.out.len() == blocks_before;
        if !before.is_empty() && whole && self.text.get(mark..).is_some_and(|inner| !inner.trim().is_empty())
        {
            let inner = self.text.split_off(mark);
            let (lead, rest) = inner.split_at(inner.len() - inner.trim_start().len());
            let trail = &rest[rest.trim_end().len()..];
            self.text.push_str(&format!("{lead}{before}{}{after}{trail}", rest.trim()));
        }
    }

    fn flush(&mut self, role: &Role) {
        let text = collapse_spaces(&std::mem::take(&mut self.text));
        if text.is_empty() {
            return;
        }
        self.out.push(match role {
            Role::Paragraph => Block::Paragraph(text),
            Role::Quote => Block::Quote(text),
            Role::Heading(level) => {
                Block::Heading { level: *level, text: plenary_core::words::plain_text(&text) }
            }
            Role::Item { ordered, depth } => Block::Item { ordered: *ordered, depth: *depth, text },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_inside_emphasis_and_links_keep_their_words() {
        // Found by fuzzing: a block inside <b> took the text before the emphasis was closed.
        let (_, blocks) =
            read("<b>bold <p>inside</p> after</b> <a href=\"https://x.org\"><p>linked</p></a> <em></em>");
        let words: Vec<String> = blocks.iter().map(|b| plenary_core::words::plain_text(b.text())).collect();
        assert_eq!(
            words.join(" ").split_whitespace().collect::<Vec<_>>(),
            ["bold", "inside", "after", "linked"]
        );
    }

    #[test]
    fn headings_lists_quotes_links_and_emphasis_are_read() {
        let (title, blocks) = read(
            "<html><head><title>Statement 2017</title><style>p{}</style></head><body>\
             <h1>Statement</h1><h2>Who Are We?</h2><p>A <b>network</b> of <em>groups</em>.<br>See \
             <a href=\"https://example.org/a b\">our site</a> and <a href=\"javascript:alert(1)\">this</a>.</p>\
             <ul><li>one<ol><li>sub</li></ol></li><li>two</li></ul><blockquote><p>Said.</p></blockquote>\
             <script>document.write('no')</script><p onclick=\"x()\">End &amp; more</p></body></html>",
        );
        assert_eq!(title.as_deref(), Some("Statement 2017"));
        assert_eq!(
            blocks,
            [
                Block::Heading { level: 1, text: "Statement".into() },
                Block::Heading { level: 2, text: "Who Are We?".into() },
                Block::Paragraph(
                    "A **network** of _groups_. See [our site](https://example.org/a%20b) and this.".into()
                ),
                Block::Item { ordered: false, depth: 0, text: "one".into() },
                Block::Item { ordered: true, depth: 1, text: "sub".into() },
                Block::Item { ordered: false, depth: 0, text: "two".into() },
                Block::Quote("Said.".into()),
                Block::Paragraph("End \\& more".into()),
            ]
        );
    }
}
