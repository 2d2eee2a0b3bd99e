//! `style.toml` is the one place a template's colours live: a colour set there reaches the HTML,
//! the PDF and the Word file alike (the letterhead's address and the footer in its muted colour).

mod common;

use std::io::Read;

use plenary_render::{Document, TemplateSet, render_docx, render_html, render_pdf};

/// The letterhead template with `muted_colour` changed in a user folder.
fn recoloured(folder: &std::path::Path, muted: &str) -> plenary_render::Template {
    let dir = folder.join("letterhead");
    std::fs::create_dir_all(&dir).expect("dir");
    let builtin = include_str!("../../../templates/letterhead/style.toml");
    let style: String = builtin
        .lines()
        .map(|line| {
            if line.starts_with("muted_colour") {
                format!("muted_colour = \"{muted}\"")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(style.contains(muted), "the built-in style names muted_colour");
    std::fs::write(dir.join("style.toml"), style).expect("write");
    TemplateSet::with_user_folder(folder).expect("set").get("letterhead").expect("template")
}

#[test]
fn the_muted_colour_of_style_toml_reaches_every_format() {
    let folder = tempfile::tempdir().expect("folder");
    let template = recoloured(folder.path(), "#8a2be2");
    let statement = common::english();
    let organisation = common::organisation();
    let document = Document { statement: &statement, organisation: &organisation };

    let html = render_html(&template, &document).expect("html");
    assert!(html.contains("--muted-colour: #8a2be2"), "the HTML gets it as a CSS variable");

    let docx = render_docx(&template, &document).expect("docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut xml = String::new();
    for name in ["word/document.xml", "word/footer1.xml"] {
        archive.by_name(name).unwrap_or_else(|_| panic!("{name}")).read_to_string(&mut xml).expect("utf-8");
    }
    let purple = xml.matches("w:val=\"8A2BE2\"").count();
    assert!(purple >= 3, "the address lines and the footer in Word: {purple} runs");

    let pdf = render_pdf(&template, &document).expect("pdf");
    let parsed = lopdf::Document::load_mem(&pdf).expect("parse");
    let page = parsed.get_pages()[&1];
    let content = lopdf::content::Content::decode(&parsed.get_page_content(page)).expect("operators");
    let target = [138.0 / 255.0, 43.0 / 255.0, 226.0 / 255.0];
    let fills = content
        .operations
        .iter()
        .filter(|op| op.operator == "rg")
        .filter(|op| {
            op.operands
                .iter()
                .zip(target)
                .all(|(value, want)| value.as_float().is_ok_and(|v| (v - want).abs() < 0.01))
        })
        .count();
    assert!(fills >= 2, "the PDF sets the address and the footer in it: {fills} fills");
}
