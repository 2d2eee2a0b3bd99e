//! The DOCX export read back from its XML: Word heading styles, Word lists, hyperlinks, fonts.

mod common;

use std::io::Read;

use plenary_render::{Document, TemplateSet, render_docx};

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut file = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the DOCX"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8 XML");
    text
}

/// The paragraphs of document.xml as (style, text).
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    xml.split("<w:p>")
        .skip(1)
        .chain(xml.split("<w:p ").skip(1))
        .map(|p| {
            let style = p
                .split("<w:pStyle w:val=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("Normal")
                .to_owned();
            let text: String = p
                .split("<w:t")
                .skip(1)
                .filter_map(|t| {
                    t.split_once('>').map(|(_, rest)| rest.split("</w:t>").next().unwrap_or_default())
                })
                .collect();
            (style, text)
        })
        .collect()
}

#[test]
fn headings_lists_links_and_fonts_are_words_own() {
    let template = TemplateSet::builtin().get("letterhead").expect("template");
    let statement = common::english();
    let organisation = common::organisation();
    let docx = render_docx(&template, &Document { statement: &statement, organisation: &organisation })
        .expect("render");
    let document = part(&docx, "word/document.xml");
    let found = paragraphs(&document);
    let with_style = |style: &str| -> Vec<String> {
        found.iter().filter(|(s, _)| s == style).map(|(_, t)| t.clone()).collect()
    };
    assert_eq!(with_style("Title"), ["Civil society statement"]);
    assert_eq!(with_style("Heading1"), ["Who we are", "Recommendations", "Closing", "Signed"]);
    assert!(with_style("Subtitle").iter().any(|t| t.contains("26–28 January 2027")), "{found:?}");
    let list_items = with_style("ListParagraph");
    assert_eq!(
        list_items,
        ["Create regularisation programmes.", "Build firewalls between services and enforcement."]
    );
    assert_eq!(document.matches("<w:numPr>").count(), 2, "both items are Word list paragraphs");
    assert!(document.contains("Alianza Puentes is a network of"), "body text");
    assert!(document.contains("“migrant-led”") && document.contains("—"), "typography survives");

    let numbering = part(&docx, "word/numbering.xml");
    assert!(numbering.contains("w:val=\"decimal\"") && numbering.contains("w:val=\"bullet\""), "{numbering}");
    let relationships = part(&docx, "word/_rels/document.xml.rels");
    assert!(
        relationships.contains("Target=\"https://puentes.example.org/report\"")
            && relationships.contains("TargetMode=\"External\""),
        "{relationships}"
    );
    assert!(document.contains("<w:hyperlink"), "the link is a Word hyperlink");
    let footer = part(&docx, "word/footer1.xml");
    assert!(footer.contains("PAGE") && footer.contains("NUMPAGES"), "page fields: {footer}");
    assert!(
        footer.contains("Alianza Puentes · Civil society statement") && footer.contains("Page "),
        "{footer}"
    );
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains("Noto Serif") && styles.contains("Noto Sans"), "the template's fonts are named");
    assert!(styles.contains("w:styleId=\"Heading1\""), "Word's heading style");
}

#[test]
fn hostile_text_is_only_text_in_word() {
    let template = TemplateSet::builtin().get("plain").expect("template");
    let statement = common::statement(
        "en",
        vec![("<script>alert(1)</script>", "[x](javascript:alert(1)) <img src=x onerror=alert(1)>")],
    );
    let organisation = common::organisation();
    let docx = render_docx(&template, &Document { statement: &statement, organisation: &organisation })
        .expect("render");
    let relationships = part(&docx, "word/_rels/document.xml.rels");
    assert!(!relationships.contains("javascript"), "{relationships}");
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("&lt;script&gt;"), "escaped as text");
}

#[test]
fn bullet_lists_use_a_bullet_numbering_and_numbered_lists_a_decimal_one() {
    let template = TemplateSet::builtin().get("letterhead").expect("template");
    let statement = common::statement("en", vec![("Lists", "- dot one\n- dot two\n\n1. first\n2. second")]);
    let organisation = common::organisation();
    let docx = render_docx(&template, &Document { statement: &statement, organisation: &organisation })
        .expect("render");
    let document = part(&docx, "word/document.xml");
    let numbering = part(&docx, "word/numbering.xml");
    // numId of each list paragraph, in order.
    let ids: Vec<&str> =
        document.split("<w:numId w:val=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert_eq!(ids.len(), 4);
    assert_eq!(ids[0], ids[1]);
    assert_ne!(ids[1], ids[2]);
    let abstract_of = |num: &str| -> String {
        let entry = numbering.split(&format!("<w:num w:numId=\"{num}\">")).nth(1).unwrap_or_default();
        entry
            .split("<w:abstractNumId w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    let format_of = |abstract_id: &str| -> String {
        let entry = numbering
            .split(&format!("<w:abstractNum w:abstractNumId=\"{abstract_id}\""))
            .nth(1)
            .unwrap_or_default();
        entry
            .split("<w:numFmt w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(format_of(&abstract_of(ids[0])), "bullet", "{numbering}");
    assert_eq!(format_of(&abstract_of(ids[2])), "decimal", "{numbering}");
}

/// Pasted text carries control characters (a vertical tab is Word's own manual line break); the
/// document must stay well-formed XML that Word opens, with the words kept apart.
#[test]
fn control_characters_in_any_text_leave_well_formed_xml() {
    let template = TemplateSet::builtin().get("letterhead").expect("template");
    let hostile = "line\u{b}break\u{c}feed \u{0}nul \u{1}soh \u{1b}esc \u{fffe}\u{ffff} end";
    let mut statement = common::statement(
        "en",
        vec![(hostile, hostile), ("List", "- one\u{b}two\n- [link](https://example.org/\u{7})")],
    );
    statement.title = hostile.to_owned();
    let mut organisation = common::organisation();
    organisation.name = hostile.to_owned();
    organisation.address = Some(hostile.to_owned());
    let docx = render_docx(&template, &Document { statement: &statement, organisation: &organisation })
        .expect("render");
    for name in ["word/document.xml", "word/footer1.xml", "word/_rels/document.xml.rels"] {
        let xml = part(&docx, name);
        if let Err(error) = roxmltree::Document::parse(&xml) {
            panic!("{name} is not well-formed XML: {error}");
        }
    }
    let text: String = paragraphs(&part(&docx, "word/document.xml")).into_iter().map(|(_, t)| t).collect();
    assert!(text.contains("line break feed nul soh esc  end"), "{text}");
}
