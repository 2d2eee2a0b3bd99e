//! Plain text and Markdown exports for web forms.

mod common;

use plenary_core::words::count_words;
use plenary_render::{Document, render_markdown, render_text};

#[test]
fn the_text_export_has_no_markup_and_exactly_the_counted_words() {
    for statement in [common::english(), common::spanish()] {
        let organisation = common::organisation();
        let text = render_text(&Document { statement: &statement, organisation: &organisation });
        assert_eq!(count_words(&text), statement.word_count, "{text}");
        for markup in ["**", "<", "](", "\n#"] {
            assert!(!text.contains(markup), "{markup} in {text}");
        }
    }
    let statement = common::english();
    let organisation = common::organisation();
    let text = render_text(&Document { statement: &statement, organisation: &organisation });
    assert!(text.starts_with("Who we are\n\nAlianza Puentes is a network of 45 organisations"), "{text}");
    assert!(text.contains("1. Create regularisation programmes.\n2. Build firewalls"), "{text}");
    assert!(text.contains("our report (https://puentes.example.org/report)"), "{text}");
}

#[test]
fn the_markdown_export_is_the_whole_statement_with_html_escaped() {
    let statement = common::statement("en", vec![("Danger", "Text <script>alert(1)</script> **bold**")]);
    let organisation = common::organisation();
    let markdown = render_markdown(&Document { statement: &statement, organisation: &organisation });
    assert!(
        markdown.starts_with("# Civil society statement\n\n*GFMD 2027, Bogotá, Colombia*\n\n## Danger\n\n"),
        "{markdown}"
    );
    assert!(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt; **bold**"), "{markdown}");
    assert!(markdown.trim_end().ends_with("- Alianza Puentes, Coordinación regional"), "{markdown}");
}
