//! Section bodies (Markdown, facts already substituted) to sanitised HTML fragments.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// CommonMark → HTML, then an allow-list sanitiser: raw HTML, scripts, event handlers, styles,
/// frames, images and any link but http(s), mailto and in-page anchors never survive.
/// Headings inside a body start at `<h3>` (the item title is the `<h2>`). Exports and the app's
/// composer show bodies through this.
pub fn body_html(markdown: &str) -> String {
    // Links the sanitiser would strip of their `href` are unwrapped here instead, to their text:
    // an `<a>` without `href` but with the `rel` the sanitiser adds is invalid HTML.
    let mut kept_links: Vec<bool> = Vec::new();
    // Quotes and lists nested past MAX_NESTING keep their text but not their nesting: the HTML
    // parser behind the sanitiser slows down with the square of the depth (5,000 nested `>` took
    // seconds), and no statement needs more.
    let mut containers: Vec<bool> = Vec::new();
    let parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
        Event::Start(tag @ (Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)) => {
            // An item goes with its list, so that a kept list never holds bare paragraphs.
            let keep = if matches!(tag, Tag::Item) {
                containers.last().copied().unwrap_or(true)
            } else {
                containers.iter().filter(|kept| **kept).count() < MAX_NESTING
            };
            containers.push(keep);
            keep.then_some(Event::Start(tag))
        }
        Event::End(tag @ (TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item)) => {
            containers.pop().unwrap_or(true).then_some(Event::End(tag))
        }
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Some(Event::Start(Tag::Heading { level: demote(level), id, classes, attrs }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demote(level)))),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            // An e-mail autolink (`<ana@example.org>`) comes without its `mailto:`.
            let keep = link_type == LinkType::Email || is_allowed_link(&dest_url);
            kept_links.push(keep);
            keep.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Link) => kept_links.pop().unwrap_or(false).then_some(Event::End(TagEnd::Link)),
        // Raw HTML is shown as the text it is, never interpreted.
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        other => Some(other),
    });
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, parser);
    sanitise_fragment(&html)
}

/// How deeply quotes, lists and list items may nest in a body's HTML.
const MAX_NESTING: usize = 16;

/// The links a body may keep: web addresses and e-mail.
fn is_allowed_link(url: &str) -> bool {
    let url = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|scheme| url.starts_with(scheme))
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        _ => HeadingLevel::H5,
    }
}

/// The allow-list for body fragments.
pub(crate) fn sanitise_fragment(html: &str) -> String {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "em",
        "strong",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "h3",
        "h4",
        "h5",
        "hr",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .generic_attributes(HashSet::new())
        .tag_attributes(
            [("a", ["href"].into_iter().collect()), ("ol", ["start"].into_iter().collect())]
                .into_iter()
                .collect(),
        )
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_lists_nested_past_the_limit_keep_their_text_not_their_depth() {
        let quotes = body_html(&(">".repeat(5_000) + " deep"));
        assert_eq!(quotes.matches("<blockquote>").count(), MAX_NESTING);
        assert!(quotes.contains("deep"));
        let lists = body_html(&("- ".repeat(3_000) + "deep"));
        assert_eq!(
            lists.matches("<ul>").count(),
            lists.matches("<li>").count(),
            "every kept list keeps its items"
        );
        assert!(lists.matches("<ul>").count() <= MAX_NESTING && lists.contains("deep"));
        assert_eq!(body_html("> a\n>> b\n\n- c\n  - d"), body_html("> a\n>> b\n\n- c\n  - d"));
        assert!(body_html("> a\n>> b").matches("<blockquote>").count() == 2, "shallow nesting is untouched");
    }

    #[test]
    fn links_with_refused_addresses_become_their_text() {
        for markdown in [
            "[click](javascript:alert(2))",
            "[click](JavaScript:alert(2))",
            "[click](data:text/html,<script>alert(1)</script>)",
            "[click](vbscript:x)",
            "[click](/relative/path)",
            "[click](#anchor)",
        ] {
            assert_eq!(body_html(markdown), "<p>click</p>\n", "{markdown}");
        }
        assert_eq!(
            body_html("Write to <ana@example.org>."),
            "<p>Write to <a href=\"mailto:ana@example.org\" rel=\"noopener noreferrer\">ana@example.org</a>.</p>\n"
        );
        assert_eq!(
            body_html("[**bold** site](https://example.org) and [bad *one*](javascript:x)"),
            "<p><a href=\"https://example.org\" rel=\"noopener noreferrer\"><strong>bold</strong> site</a> and bad <em>one</em></p>\n"
        );
    }

    #[test]
    fn markdown_becomes_clean_html() {
        assert_eq!(
            body_html("We **oppose** _detention_."),
            "<p>We <strong>oppose</strong> <em>detention</em>.</p>\n"
        );
        assert_eq!(body_html("# Heading"), "<h3>Heading</h3>\n");
        let list = body_html("- one\n- two");
        assert!(list.contains("<ul>") && list.contains("<li>one</li>"), "{list}");
        let link = body_html("[site](https://example.org)");
        assert_eq!(link, "<p><a href=\"https://example.org\" rel=\"noopener noreferrer\">site</a></p>\n");
    }

    #[test]
    fn hostile_markup_never_survives() {
        for hostile in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[data](data:text/html;base64,PHNjcmlwdD4=)",
            "<iframe src=https://evil.example></iframe>",
            "<svg onload=alert(1)><script>x</script></svg>",
            "<a href=\"https://x\" onclick=\"alert(1)\">x</a>",
            "![tracker](https://evil.example/pixel.png)",
            "<style>body{background:url(https://evil.example)}</style>",
        ] {
            let html = body_html(hostile);
            // What is left may mention these words as text; no tag may carry them.
            let tags: Vec<&str> = html.split('<').skip(1).filter_map(|t| t.split('>').next()).collect();
            for tag in tags {
                let tag = tag.to_lowercase();
                for forbidden in [
                    "script",
                    "img",
                    "iframe",
                    "svg",
                    "onerror",
                    "onclick",
                    "javascript:",
                    "data:",
                    "style",
                    "src=",
                ] {
                    assert!(!tag.contains(forbidden), "{hostile:?} → {html:?}");
                }
            }
        }
        // Raw HTML is kept as visible text.
        assert!(body_html("a <b>bold</b> claim").contains("&lt;b&gt;bold&lt;/b&gt;"));
    }
}
