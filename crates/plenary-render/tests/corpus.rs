//! One hostile corpus through every format and both built-in templates: script and handlers,
//! dangerous links, control characters, bidirectional overrides, over-wide words and deep
//! nesting, in titles, bodies and names. Each export is either a clear error or a file with no
//! live markup (HTML parsed back, DOCX XML parsed, PDF scanned for actions, Markdown for tags).

mod common;

use std::io::Read;

use plenary_render::{
    Document, TemplateSet, render_docx, render_html, render_markdown, render_pdf, render_text,
};
use scraper::{Html, Selector};

/// Text a hostile colleague, a pasted web page or a damaged import could put anywhere.
fn corpus() -> Vec<(&'static str, String)> {
    vec![
        ("script", "<script>alert(1)</script><img src=x onerror=alert(2)>".to_owned()),
        ("links", "[a](javascript:alert(3)) [b](data:text/html,<script>x</script>) [c](vbscript:x) <javascript:alert(4)>".to_owned()),
        ("svg", "<svg onload=alert(5)><a xlink:href=\"javascript:alert(6)\">x</a></svg>".to_owned()),
        ("control", "NUL\u{0} VT\u{b} ESC\u{1b} FF\u{c} SOH\u{1} BOM\u{feff} U+FFFE\u{fffe} DEL\u{7f}".to_owned()),
        ("bidi", "\u{202e}gnp.exe\u{202c} \u{2066}isolate\u{2069} \u{200f}".to_owned()),
        ("wide", format!("{} https://example.org/{}", "W".repeat(300), "a/".repeat(200))),
        ("quotes", "\"' `{{title}}` {{{{raw}}}} ${x} </style></title><!-- -->".to_owned()),
        ("deep quotes", ">".repeat(5_000) + " deep"),
        ("deep lists", "- ".repeat(3_000) + "deep"),
        ("deep emphasis", "*".repeat(10_000) + "x" + &"*".repeat(10_000)),
        ("html comment", "<!--".repeat(1_000) + "x"),
    ]
}

/// The organisation, with hostile text in its name and address too.
fn organisation(text: &str) -> plenary_core::organisation::Organisation {
    let mut organisation = common::organisation();
    organisation.name = format!("Alianza {text}");
    organisation.address = Some(text.to_owned());
    organisation
}

fn live_html(html: &str) -> Vec<String> {
    let page = Html::parse_document(html);
    let mut found = Vec::new();
    let all = Selector::parse("*").expect("selector");
    for element in page.select(&all) {
        let name = element.value().name();
        if ["script", "iframe", "object", "embed", "svg", "form", "base", "meta"].contains(&name)
            && !(name == "meta" && element.value().attr("http-equiv").is_none_or(|v| v != "refresh"))
        {
            found.push(format!("<{name}>"));
        }
        for (attribute, value) in element.value().attrs() {
            let value = value.trim().to_ascii_lowercase();
            if attribute.starts_with("on")
                || ["javascript:", "vbscript:", "data:text"].iter().any(|scheme| value.starts_with(scheme))
            {
                found.push(format!("<{name} {attribute}={value}>"));
            }
        }
    }
    found
}

/// Every XML part of a DOCX (and its relationships), by name.
fn docx_xml(docx: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    (0..archive.len())
        .filter_map(|index| {
            let mut file = archive.by_index(index).ok()?;
            let name = file.name().to_owned();
            let mut text = String::new();
            file.read_to_string(&mut text).ok()?;
            (name.ends_with(".xml") || name.ends_with(".rels")).then_some((name, text))
        })
        .collect()
}

#[test]
fn hostile_text_comes_out_as_text_in_every_format() {
    let templates = TemplateSet::builtin();
    for (case, text) in corpus() {
        let mut statement =
            common::statement("en", vec![(text.as_str(), text.as_str()), ("Plain", "Ordinary text.")]);
        statement.title = format!("Title {text}");
        let organisation = organisation(&text);
        let document = Document { statement: &statement, organisation: &organisation };
        for name in ["letterhead", "plain"] {
            let template = templates.get(name).expect("built in");
            let html =
                render_html(&template, &document).unwrap_or_else(|e| panic!("{case}/{name} HTML: {e}"));
            assert_eq!(live_html(&html), Vec::<String>::new(), "{case}/{name}: live markup in the HTML");

            match render_pdf(&template, &document) {
                Ok(pdf) => {
                    let raw = String::from_utf8_lossy(&pdf);
                    for action in ["/JavaScript", "/JS ", "/Launch", "/OpenAction", "/SubmitForm"] {
                        assert!(!raw.contains(action), "{case}/{name}: {action} in the PDF");
                    }
                    assert!(
                        !raw.to_ascii_lowercase().contains("(javascript:"),
                        "{case}/{name}: a javascript: link"
                    );
                }
                Err(error) => assert!(!error.to_string().is_empty(), "{case}/{name}: PDF errors say why"),
            }

            let docx =
                render_docx(&template, &document).unwrap_or_else(|e| panic!("{case}/{name} DOCX: {e}"));
            for (part, xml) in docx_xml(&docx) {
                let parsed = roxmltree::Document::parse(&xml)
                    .unwrap_or_else(|e| panic!("{case}/{name}: {part} is not XML: {e}"));
                // Hyperlinks are relationships: their targets must be web or mail addresses.
                for target in parsed.descendants().filter_map(|node| node.attribute("Target")) {
                    let target = target.to_ascii_lowercase();
                    assert!(
                        !["javascript:", "vbscript:", "data:", "file:"].iter().any(|s| target.starts_with(s)),
                        "{case}/{name}: {part} links to {target}"
                    );
                }
            }
        }
        // Rendered by a plain CommonMark viewer, with raw HTML allowed, as many are.
        let markdown = render_markdown(&document);
        let mut viewed = String::new();
        pulldown_cmark::html::push_html(&mut viewed, pulldown_cmark::Parser::new(&markdown));
        assert_eq!(
            live_html(&viewed),
            Vec::<String>::new(),
            "{case}: the Markdown export renders live markup"
        );
        let text_export = render_text(&document);
        assert!(!text_export.contains('\u{0}'), "{case}: NUL in the text export");
    }
}

#[test]
fn hostile_templates_render_inert_or_are_refused_by_name() {
    let folder = tempfile::tempdir().expect("folder");
    let dir = folder.path().join("plain");
    std::fs::create_dir_all(&dir).expect("dir");
    let statement = common::english();
    let organisation = common::organisation();
    let document = Document { statement: &statement, organisation: &organisation };
    let bodies = [
        "<script>alert(1)</script><main onclick=\"alert(2)\">{{{title}}}</main><a href=\"javascript:alert(3)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe><form action=\"https://evil.example\"><input></form>",
        "<style>body{background:url(https://evil.example/x.png)}</style><link rel=stylesheet href=https://evil.example/a.css>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">{{#each items}}{{{html}}}{{/each}}",
        "{{#*inline \"a\"}}{{> statement}}{{/inline}}{{> a}}",
        &("{{#each @root.items}}".repeat(12) + &"{{/each}}".repeat(12)),
        &("{{#if title}}".repeat(50_000) + &"{{/if}}".repeat(50_000)),
    ];
    let css = "@\\69mport 'https://evil.example/a.css'; body { background: u\\72l(https://evil.example/x.png) } \
               h1 { background-image: image-set(\"https://evil.example/y.png\" 1x) } </style><script>alert(1)</script>";
    std::fs::write(dir.join("style.css"), css).expect("css");
    for body in bodies {
        std::fs::write(dir.join("statement.hbs"), body).expect("template");
        let template = match TemplateSet::with_user_folder(folder.path()).expect("set").get("plain") {
            Ok(template) => template,
            Err(error) => {
                assert!(error.to_string().contains("statement.hbs"), "refusals name the file: {error}");
                continue;
            }
        };
        match render_html(&template, &document) {
            Ok(html) => {
                assert_eq!(live_html(&html), Vec::<String>::new(), "{body:.60}: live markup");
                assert!(!html.contains("evil.example"), "{body:.60}: a remote address survived");
            }
            Err(error) => assert!(error.to_string().contains("statement.hbs"), "{error}"),
        }
        if let Ok(pdf) = render_pdf(&template, &document) {
            assert!(!String::from_utf8_lossy(&pdf).contains("/JavaScript"));
        }
        render_docx(&template, &document).map(drop).unwrap_or_else(|e| assert!(!e.to_string().is_empty()));
    }
}
