//! The PDF export parsed back: text (complete, in order, accents, whole words), embedded subset
//! fonts, links, outline, metadata, page size and count. Uses poppler's command-line tools and
//! lopdf.

mod common;

use std::path::Path;

use common::host::HostCommand;

use plenary_core::assembly::AssembledStatement;
use plenary_render::{Document, MAX_PDF_WORDS, RenderError, TemplateSet, render_pdf};

fn render(template: &str, statement: &AssembledStatement, folder: &Path, name: &str) -> std::path::PathBuf {
    let template = TemplateSet::builtin().get(template).expect("template");
    let organisation = common::organisation();
    let bytes = render_pdf(&template, &Document { statement, organisation: &organisation }).expect("render");
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

/// Runs one of poppler's tools on `pdf` and returns what it printed (pdftotext prints the text).
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = HostCommand::new(tool);
    for arg in args {
        command = command.arg(*arg);
    }
    command = command.path(pdf);
    if tool == "pdftotext" {
        command = command.arg("-");
    }
    let output = command.output();
    assert!(output.success, "{tool}: {}", output.stderr_text());
    String::from_utf8(output.stdout).expect("utf-8")
}

fn info(pdf: &Path) -> String {
    poppler("pdfinfo", &[], pdf)
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

#[test]
fn the_text_is_complete_in_order_with_accents_and_whole_words() {
    let folder = tempfile::tempdir().expect("folder");
    for lang in ["en", "es"] {
        let statement = common::long(lang);
        let pdf = render("letterhead", &statement, folder.path(), &format!("{lang}.pdf"));
        let text = poppler("pdftotext", &[], &pdf);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Every item heading, in order.
        let mut from = 0;
        for item in &statement.items {
            let at = flat[from..]
                .find(&item.title)
                .unwrap_or_else(|| panic!("{} missing or out of order", item.title));
            from += at + item.title.len();
        }
        for characters in ["á é í ó ú ñ ü ¿ ¡ « » “ ” ‘ ’ – — …", "Alianza Puentes", "Coordinación regional"]
        {
            assert!(flat.contains(characters), "{characters:?} not in the {lang} text");
        }
        // Hyphenated words copy whole: every body word appears unbroken.
        let sample = if lang == "es" {
            "criminalización organizaciones internacional acompañan"
        } else {
            "organisations international commitments Criminalisation"
        };
        for word in sample.split(' ') {
            assert!(flat.contains(word), "{word} is not whole in the {lang} text");
        }
        assert!(!flat.contains("- "), "no hyphen-space fragments in the {lang} text");
        let words = plenary_core::words::count_words(&flat);
        assert!(words >= statement.word_count, "{words} < {}", statement.word_count);
    }
}

/// Every marked-content span with an `/ActualText` in `pdf`: (the text it stands for, how many
/// glyphs it shows). The fonts are Identity-H, two bytes per glyph.
fn actual_text_spans(pdf: &Path) -> Vec<(String, usize)> {
    use lopdf::{Object, content::Content};
    let document = lopdf::Document::load(pdf).expect("lopdf reads the PDF");
    let mut spans = Vec::new();
    for page in document.get_pages().into_values() {
        let content = document.get_page_content(page);
        let operations = Content::decode(&content).expect("content stream").operations;
        let mut open: Option<(String, usize)> = None;
        for operation in operations {
            match operation.operator.as_str() {
                "BDC" => {
                    let Some(Object::Dictionary(properties)) = operation.operands.get(1) else { continue };
                    let Ok(Object::String(bytes, _)) = properties.get(b"ActualText") else { continue };
                    let units: Vec<u16> = bytes
                        .strip_prefix(&[0xfe, 0xff])
                        .expect("ActualText in UTF-16BE with its byte-order mark")
                        .chunks(2)
                        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                        .collect();
                    open = Some((String::from_utf16(&units).expect("UTF-16"), 0));
                }
                "TJ" | "Tj" => {
                    if let Some((_, glyphs)) = &mut open {
                        let strings: Vec<&Object> = match operation.operands.first() {
                            Some(Object::Array(items)) => items.iter().collect(),
                            Some(other) => vec![other],
                            None => vec![],
                        };
                        for item in strings {
                            if let Object::String(bytes, _) = item {
                                *glyphs += bytes.len() / 2;
                            }
                        }
                    }
                }
                "EMC" => spans.extend(open.take()),
                _ => {}
            }
        }
    }
    spans
}

#[test]
fn a_hyphenated_word_carries_the_whole_word_for_copying() {
    let folder = tempfile::tempdir().expect("folder");
    for lang in ["en", "es"] {
        let statement = common::long(lang);
        let source: String =
            statement.items.iter().map(|item| item.body.as_str()).collect::<Vec<_>>().join(" ");
        let pdf = render("letterhead", &statement, folder.path(), &format!("hyphens-{lang}.pdf"));
        let spans = actual_text_spans(&pdf);
        // Each broken word is three spans: the part before the break standing for the whole
        // word, the hyphen standing for nothing, the rest of the word (next line) for nothing.
        let words: Vec<_> = spans.iter().enumerate().filter(|(_, (text, _))| !text.is_empty()).collect();
        assert!(words.len() >= 3, "only {} hyphenated words in the {lang} PDF: {spans:?}", words.len());
        for (at, (word, shown)) in words {
            assert!(source.contains(word.as_str()), "{word:?} is not a word of the {lang} statement");
            let hyphen = spans.get(at + 1);
            let rest = spans.get(at + 2);
            assert!(matches!(hyphen, Some((text, 1)) if text.is_empty()), "{word:?}: then {hyphen:?}");
            let Some((text, rest)) = rest else { panic!("{word:?} has no continuation") };
            assert!(text.is_empty(), "{word:?}: the continuation copies as {text:?}");
            assert!(*shown >= 2 && *rest >= 2, "{word:?} broken {shown} + {rest}");
            assert_eq!(shown + rest, word.chars().count(), "{word:?}: the two parts make the word");
        }
    }
}

#[test]
fn fonts_are_embedded_as_subsets() {
    let folder = tempfile::tempdir().expect("folder");
    let pdf = render("letterhead", &common::long("en"), folder.path(), "fonts.pdf");
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 4, "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert!(columns[0].contains('+') && columns[0].contains("Noto"), "{row}");
        assert_eq!(
            &columns[columns.len() - 5..columns.len() - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, unicode: {row}"
        );
    }
    for face in ["NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSans-Bold"] {
        assert!(fonts.contains(face), "{face} in {fonts}");
    }
    // Subset in fact, not only by name: each embedded font program holds the glyphs used, a
    // small part of the full font (Noto Serif Regular alone is over 500 KB).
    let document = lopdf::Document::load(&pdf).expect("lopdf reads the PDF");
    let programs: Vec<i64> = document
        .objects
        .values()
        .filter_map(|object| object.as_stream().ok())
        .filter_map(|stream| stream.dict.get(b"Length1").ok().and_then(|length| length.as_i64().ok()))
        .collect();
    assert!(programs.len() >= 4, "{programs:?}");
    assert!(programs.iter().all(|&length| length < 100_000), "font programs of {programs:?} bytes");
}

#[test]
fn metadata_page_size_and_count_follow_the_statement_and_style() {
    let folder = tempfile::tempdir().expect("folder");
    let statement = common::long("en");
    let a4 = render("letterhead", &statement, folder.path(), "a4.pdf");
    let details = info(&a4);
    assert_eq!(info_field(&details, "Title"), "Civil society statement");
    assert_eq!(info_field(&details, "Author"), "Alianza Puentes");
    assert_eq!(info_field(&details, "Subject"), "GFMD 2027");
    assert!(info_field(&details, "Producer").starts_with("Plenary"));
    assert!(info_field(&details, "CreationDate").contains("20"), "a creation date: {details}");
    assert!(info_field(&details, "PDF subtype").is_empty(), "no PDF/X claim: {details}");
    assert_eq!(info_field(&details, "PDF version"), "1.7");
    assert!(info_field(&details, "Page size").contains("(A4)"), "{details}");
    let pages: usize = info_field(&details, "Pages").parse().expect("pages");
    assert!((3..=5).contains(&pages), "about three pages: {pages}");

    let document = lopdf::Document::load(&a4).expect("parse");
    let catalog = document.catalog().expect("catalog");
    assert_eq!(catalog.get(b"Lang").and_then(lopdf::Object::as_str).expect("Lang"), b"en");

    // The same statement on US Letter.
    let folder_letter = tempfile::tempdir().expect("folder");
    let template_dir = folder_letter.path().join("plain");
    std::fs::create_dir_all(&template_dir).expect("dir");
    let style =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../templates/plain/style.toml"))
            .expect("style");
    std::fs::write(
        template_dir.join("style.toml"),
        style.replace("page_size = \"a4\"", "page_size = \"letter\""),
    )
    .expect("write");
    let template =
        TemplateSet::with_user_folder(folder_letter.path()).expect("set").get("plain").expect("plain");
    let organisation = common::organisation();
    let bytes = render_pdf(&template, &Document { statement: &statement, organisation: &organisation })
        .expect("render");
    let letter = folder.path().join("letter.pdf");
    std::fs::write(&letter, bytes).expect("write");
    assert!(info_field(&info(&letter), "Page size").contains("(letter)"), "{}", info(&letter));
}

/// Every link annotation with a URI: (page number, address, rectangle).
fn link_annotations(document: &lopdf::Document) -> Vec<(u32, String, [f32; 4])> {
    let mut links = Vec::new();
    for (number, page_id) in document.get_pages() {
        let page = document.get_dictionary(page_id).expect("page");
        let Ok(annotations) =
            page.get(b"Annots").and_then(|a| document.dereference(a)).and_then(|(_, a)| a.as_array())
        else {
            continue;
        };
        for annotation in annotations {
            let Ok((_, annotation)) = document.dereference(annotation) else { continue };
            let Ok(annotation) = annotation.as_dict() else { continue };
            let Ok(uri) = annotation
                .get(b"A")
                .and_then(|a| document.dereference(a))
                .and_then(|(_, a)| a.as_dict().and_then(|a| a.get(b"URI")).and_then(lopdf::Object::as_str))
            else {
                continue;
            };
            let rect: Vec<f32> = annotation
                .get(b"Rect")
                .and_then(lopdf::Object::as_array)
                .map(|r| r.iter().filter_map(|v| v.as_float().ok()).collect())
                .unwrap_or_default();
            let [x0, y0, x1, y1] = rect[..] else { panic!("a link without a four-number Rect: {rect:?}") };
            links.push((number, String::from_utf8_lossy(uri).into_owned(), [x0, y0, x1, y1]));
        }
    }
    links
}

#[test]
fn links_are_clickable_and_the_outline_points_at_the_headings() {
    let folder = tempfile::tempdir().expect("folder");
    let statement = common::long("en");
    let pdf = render("letterhead", &statement, folder.path(), "links.pdf");
    let document = lopdf::Document::load(&pdf).expect("parse");

    let links = link_annotations(&document);
    let uris: Vec<&str> = links.iter().map(|(_, uri, _)| uri.as_str()).collect();
    assert!(uris.contains(&"https://puentes.example.org/report"), "{uris:?}");
    assert!(uris.contains(&"https://puentes.example.org"), "the letterhead's website: {uris:?}");

    // The report link's clickable areas lie over its words "our report" as poppler places them.
    let areas: Vec<(u32, [f32; 4])> = links
        .iter()
        .filter(|(_, uri, _)| uri == "https://puentes.example.org/report")
        .map(|(page, _, rect)| (*page, *rect))
        .collect();
    assert!(!areas.is_empty(), "no link area for the report");
    let boxes = poppler("pdftotext", &["-bbox"], &pdf);
    let html = scraper::Html::parse_document(&boxes);
    let page_selector = scraper::Selector::parse("page").expect("selector");
    let word_selector = scraper::Selector::parse("word").expect("selector");
    let mut covered = 0;
    for (index, page) in html.select(&page_selector).enumerate() {
        let number = u32::try_from(index + 1).expect("page number");
        let height: f32 = page.value().attr("height").and_then(|h| h.parse().ok()).expect("page height");
        let words: Vec<_> = page.select(&word_selector).collect();
        for pair in words.windows(2) {
            let text = |w: &scraper::ElementRef<'_>| w.text().collect::<String>();
            if text(&pair[0]) != "our" || !text(&pair[1]).starts_with("report") {
                continue;
            }
            for word in pair {
                // html5ever lowercases attribute names (xMin → xmin).
                let at =
                    |name: &str| word.value().attr(name).and_then(|v| v.parse::<f32>().ok()).expect("bbox");
                let (x, y) = ((at("xmin") + at("xmax")) / 2.0, height - (at("ymin") + at("ymax")) / 2.0);
                let (foot, head) = (height - at("ymax"), height - at("ymin"));
                // Over the word, from its descenders to most of its height.
                let inside = areas.iter().any(|(page, [x0, y0, x1, y1])| {
                    *page == number
                        && (*x0..=*x1).contains(&x)
                        && y0.min(*y1) <= foot + 1.0
                        && y0.max(*y1) >= head - 3.0
                        && (y0.min(*y1)..=y0.max(*y1)).contains(&y)
                });
                assert!(
                    inside,
                    "{:?} at ({x}, {foot}..{head}) on page {number} is not covered by {areas:?}",
                    text(word)
                );
                covered += 1;
            }
        }
    }
    assert!(covered >= 2, "the linked words were not found on the pages");

    // Outline: one entry per item heading, in order, each on the page where its heading is.
    let page_numbers: std::collections::HashMap<lopdf::ObjectId, u32> =
        document.get_pages().into_iter().map(|(number, id)| (id, number)).collect();
    let catalog = document.catalog().expect("catalog");
    let (_, outlines) =
        document.dereference(catalog.get(b"Outlines").expect("outlines")).expect("outline root");
    let mut entry =
        outlines.as_dict().expect("dict").get(b"First").and_then(lopdf::Object::as_reference).ok();
    let mut found = Vec::new();
    let mut previous = None;
    while let Some(id) = entry {
        let item = document.get_dictionary(id).expect("outline item");
        // Readers walk the entries both ways.
        let back = item.get(b"Prev").and_then(lopdf::Object::as_reference).ok();
        assert_eq!(back, previous, "entry {} points back at the one before it", found.len() + 1);
        previous = Some(id);
        let title = outline_title(item);
        let destination = item.get(b"Dest").and_then(lopdf::Object::as_array).expect("dest");
        let page = page_numbers[&destination[0].as_reference().expect("page ref")];
        found.push((title, page));
        entry = item.get(b"Next").and_then(lopdf::Object::as_reference).ok();
    }
    let last = outlines.as_dict().expect("dict").get(b"Last").and_then(lopdf::Object::as_reference).ok();
    assert_eq!(last, previous, "the outline's last entry");
    let titles: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    let expected: Vec<&str> = statement.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, expected);
    for (title, page) in &found {
        let page = page.to_string();
        let text = poppler("pdftotext", &["-f", &page, "-l", &page], &pdf);
        assert!(text.contains(title.as_str()), "{title} is not on page {page}");
    }
    assert!(found.windows(2).all(|w| w[0].1 <= w[1].1), "outline pages ascend: {found:?}");
}

/// An outline entry's title, decoded from UTF-16.
fn outline_title(entry: &lopdf::Dictionary) -> String {
    let title = entry.get(b"Title").and_then(lopdf::Object::as_str).expect("title");
    String::from_utf16(&title[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>())
        .expect("utf-16")
}

/// Headings inside an item's text are entries under the item's own, linked both ways; every
/// entry opens the page just above its heading.
#[test]
fn the_outline_nests_headings_inside_an_item_under_it_and_opens_above_each() {
    let folder = tempfile::tempdir().expect("folder");
    let statement = common::statement(
        "en",
        vec![
            ("Protection", "Opening words.\n\n## Children\n\nFirst text.\n\n## Families\n\nSecond text."),
            ("Recommendations", "Closing words."),
        ],
    );
    let pdf = render("letterhead", &statement, folder.path(), "nested.pdf");
    let document = lopdf::Document::load(&pdf).expect("parse");
    let entry = |id: lopdf::ObjectId| document.get_dictionary(id).expect("outline entry");
    let link = |dictionary: &lopdf::Dictionary, key: &[u8]| {
        dictionary.get(key).and_then(lopdf::Object::as_reference).ok()
    };
    let catalog = document.catalog().expect("catalog");
    let root = link(catalog, b"Outlines").expect("an outline");
    let protection = link(entry(root), b"First").expect("a first entry");
    let recommendations = link(entry(protection), b"Next").expect("a second entry");
    assert_eq!(link(entry(root), b"Last"), Some(recommendations));
    let children = link(entry(protection), b"First").expect("entries under the first");
    let families = link(entry(protection), b"Last").expect("a last entry under the first");
    let titles: Vec<String> =
        [protection, children, families, recommendations].map(|id| outline_title(entry(id))).into();
    assert_eq!(titles, ["Protection", "Children", "Families", "Recommendations"]);
    assert_eq!(entry(protection).get(b"Count").and_then(lopdf::Object::as_i64).ok(), Some(2));
    assert_eq!(
        (link(entry(children), b"Parent"), link(entry(families), b"Parent")),
        (Some(protection), Some(protection))
    );
    assert_eq!(
        (link(entry(children), b"Next"), link(entry(families), b"Prev")),
        (Some(families), Some(children))
    );
    assert_eq!(link(entry(recommendations), b"Parent"), Some(root));
    assert_eq!(link(entry(recommendations), b"First"), None, "nothing under the second item");

    let (words, pages) = placed_words(&pdf);
    for (id, heading) in [
        (protection, "Protection"),
        (children, "Children"),
        (families, "Families"),
        (recommendations, "Recommendations"),
    ] {
        let destination = entry(id).get(b"Dest").and_then(lopdf::Object::as_array).expect("a destination");
        let top = destination[3].as_float().expect("a height");
        let word = words.iter().find(|w| w.text == heading).unwrap_or_else(|| panic!("{heading} printed"));
        let letters_top = pages[word.page - 1].1 - word.top;
        assert!(
            top >= letters_top && top <= letters_top + 8.0,
            "{heading} opens at {top}, its letters reach {letters_top}"
        );
    }
}

#[test]
fn pages_are_numbered_and_headings_never_end_a_page() {
    let folder = tempfile::tempdir().expect("folder");
    let statement = common::long("es");
    let pdf = render("letterhead", &statement, folder.path(), "pages.pdf");
    let pages: usize = info_field(&info(&pdf), "Pages").parse().expect("pages");
    for page in 1..=pages {
        let number = page.to_string();
        let text = poppler("pdftotext", &["-layout", "-f", &number, "-l", &number], &pdf);
        assert!(text.contains(&format!("Página {page} de {pages}")), "page {page}: {text}");
        // The last line of text before the footer is never a heading.
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let before_footer = lines.len().checked_sub(2).map(|i| lines[i]).unwrap_or_default();
        assert!(!before_footer.starts_with("Recomendaciones"), "page {page} ends with a heading");
    }
}

#[test]
fn a_five_page_statement_is_small_because_its_pages_are_compressed() {
    let folder = tempfile::tempdir().expect("folder");
    let pdf = render("letterhead", &common::long("en"), folder.path(), "size.pdf");
    let size = std::fs::metadata(&pdf).expect("size").len();
    assert!(size < 200_000, "{size} bytes");
    // What makes it small: every page's text is compressed.
    let document = lopdf::Document::load(&pdf).expect("parse");
    let pages = document.get_pages();
    assert!(pages.len() >= 5, "{} pages", pages.len());
    for (number, page_id) in pages {
        let contents = document.get_page_contents(page_id);
        assert!(!contents.is_empty(), "page {number} has contents");
        for id in contents {
            let stream = document.get_object(id).and_then(lopdf::Object::as_stream).expect("stream");
            let filter = stream.dict.get(b"Filter").and_then(lopdf::Object::as_name).ok();
            assert_eq!(filter, Some(&b"FlateDecode"[..]), "page {number}'s text is compressed");
        }
    }
}

#[test]
fn hostile_and_huge_bodies_give_text_or_a_clear_error_never_a_crash() {
    let folder = tempfile::tempdir().expect("folder");
    let hostile = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> \
                   [d](data:text/html;base64,PHNjcmlwdD4=) <iframe src=https://evil.example></iframe>";
    let statement = common::statement("en", vec![("<svg onload=alert(1)>", hostile)]);
    let pdf = render("letterhead", &statement, folder.path(), "hostile.pdf");
    assert_eq!(info_field(&info(&pdf), "JavaScript"), "no");
    let text = poppler("pdftotext", &[], &pdf);
    assert!(text.contains("<script>alert(1)</script>"), "markup shows as the text it is: {text}");
    let document = lopdf::Document::load(&pdf).expect("parse");
    let raw = format!("{:?}", document.objects);
    for active in ["JavaScript", "/JS", "Launch", "evil.example"] {
        assert!(!raw.contains(active), "{active} in the PDF objects");
    }

    // Ten megabytes of prose: a clear refusal, quickly.
    let paragraph = "Migration protection families rights organisations detention children. ".repeat(20);
    let huge_body = std::iter::repeat_n(paragraph.as_str(), 10_000_000 / paragraph.len() + 1)
        .collect::<Vec<_>>()
        .join("\n\n");
    let huge = common::statement("en", vec![("Huge", huge_body.as_str())]);
    let template = TemplateSet::builtin().get("letterhead").expect("template");
    let organisation = common::organisation();
    let started = std::time::Instant::now();
    let error = render_pdf(&template, &Document { statement: &huge, organisation: &organisation })
        .expect_err("too long");
    assert!(error.to_string().contains("PDF export stops at"), "{error}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // The other exports take it.
    let html =
        plenary_render::render_html(&template, &Document { statement: &huge, organisation: &organisation })
            .expect("html");
    assert!(html.len() > 10_000_000);
}

#[test]
fn the_logo_is_drawn_on_the_first_page_only() {
    let folder = tempfile::tempdir().expect("folder");
    // The test organisation's logo is an SVG: it is drawn as an image.
    let pdf = render("letterhead", &common::long("en"), folder.path(), "logo.pdf");
    let list = poppler("pdfimages", &["-list"], &pdf);
    let pages: Vec<&str> = list.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
    assert!(!pages.is_empty() && pages.iter().all(|p| *p == "1"), "{list}");
    // The plain template has no letterhead and no logo.
    let plain = render("plain", &common::long("en"), folder.path(), "plain.pdf");
    assert_eq!(poppler("pdfimages", &["-list"], &plain).lines().count(), 2, "no images");
}

/// Words wider than the column (a long link, a run of capitals, a chemical name) used to make the
/// PDF export panic; they now break at the column's edge and every letter is still on the page.
#[test]
fn words_wider_than_the_column_break_inside_the_page() {
    let folder = tempfile::tempdir().expect("folder");
    let wide = "W".repeat(40);
    let long_link =
        format!("[https://www.example.org/{}]({})", "segment/".repeat(14), "https://www.example.org/x");
    let body = format!(
        "{wide} and {} and {}\n\n{long_link}\n\n- {wide}{wide}",
        "i".repeat(200),
        "Antidisestablishmentarianism".repeat(4)
    );
    for template in ["letterhead", "plain"] {
        let statement = common::statement("en", vec![("Wide words", body.as_str()), (&wide, "Short.")]);
        let pdf = render(template, &statement, folder.path(), &format!("{template}.pdf"));
        let text: String = poppler("pdftotext", &["-raw"], &pdf).split_whitespace().collect();
        assert!(text.contains(&wide), "{template}: {text:.300}");
        assert!(text.contains(&"i".repeat(200)), "{template}");
        // Every glyph lies inside the page's width.
        let boxes = poppler("pdftotext", &["-bbox"], &pdf);
        let number = |element: &str, attribute: &str| -> f32 {
            element
                .split(&format!("{attribute}=\""))
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .and_then(|value| value.parse().ok())
                .unwrap_or_else(|| panic!("{attribute} in {element:.80}"))
        };
        let page_width = number(&boxes, "<page width");
        for word in boxes.split("<word ").skip(1) {
            let x_max = number(word, "xMax");
            assert!(
                x_max <= page_width - 20.0,
                "{template}: a word reaches {x_max} of {page_width}: {word:.80}"
            );
        }
    }
}

/// The first word of each heading on a page, as poppler places it: (page, text, x, y).
fn heading_words(pdf: &Path) -> Vec<(usize, String, f32, f32)> {
    let boxes = poppler("pdftotext", &["-bbox"], pdf);
    let html = scraper::Html::parse_document(&boxes);
    let page_selector = scraper::Selector::parse("page").expect("selector");
    let word_selector = scraper::Selector::parse("word").expect("selector");
    let mut words = Vec::new();
    for (index, page) in html.select(&page_selector).enumerate() {
        for word in page.select(&word_selector) {
            let at = |name: &str| word.value().attr(name).and_then(|v| v.parse::<f32>().ok()).expect("bbox");
            words.push((index + 1, word.text().collect::<String>(), at("xmin"), at("ymin")));
        }
    }
    words
}

/// A statement beside its translation: every item and its translation start on the same line,
/// the translation in the right half of the page, across page breaks too.
#[test]
fn a_parallel_pdf_starts_each_item_and_its_translation_on_the_same_line() {
    let folder = tempfile::tempdir().expect("folder");
    let (english, spanish) = (common::long("en"), common::long("es"));
    assert_eq!(english.items.len(), spanish.items.len());
    let template = TemplateSet::builtin().get("letterhead").expect("template");
    let organisation = common::organisation();
    let document = Document { statement: &english, organisation: &organisation };
    let bytes = plenary_render::render_parallel_pdf(&template, &document, &spanish).expect("render");
    let pdf = folder.path().join("parallel.pdf");
    std::fs::write(&pdf, bytes).expect("write pdf");
    let pages: usize = info_field(&info(&pdf), "Pages").parse().expect("pages");
    assert!(pages >= 2, "long enough to break pages: {pages}");

    let words = heading_words(&pdf);
    let text = poppler("pdftotext", &[], &pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut pairs = 0;
    for (left, right) in english.items.iter().zip(&spanish.items) {
        let first = |title: &str| title.split_whitespace().next().unwrap_or_default().to_owned();
        // Each heading's first word, in reading order: the n-th occurrence on either side.
        let (l, r) = (first(&left.title), first(&right.title));
        let found_l: Vec<_> = words.iter().filter(|w| w.1 == l).collect();
        let found_r: Vec<_> = words.iter().filter(|w| w.1 == r).collect();
        let n = pairs.min(found_l.len().saturating_sub(1)).min(found_r.len().saturating_sub(1));
        let (wl, wr) = (found_l[n], found_r[n]);
        assert_eq!(wl.0, wr.0, "{l} and {r} on the same page");
        assert!((wl.3 - wr.3).abs() < 0.5, "{l} at {} and {r} at {}: not the same line", wl.3, wr.3);
        assert!(wr.2 > wl.2 + 150.0, "the translation is in the right column");
        pairs += 1;
        assert!(flat.contains(&right.title), "{}", right.title);
    }
    assert_eq!(pairs, english.items.len());

    // Below the statement's head, each column keeps to its half: no word crosses the gutter
    // between them, and none runs into the side margins.
    let style = &template.style;
    let mm = 72.0 / 25.4;
    let (placed, sizes) = placed_words(&pdf);
    let (page_width, page_height) = sizes[0];
    let (left, right) = (style.margin_left_mm * mm, page_width - style.margin_right_mm * mm);
    let middle = (left + right) / 2.0;
    let first_item = english.items[0].title.split_whitespace().next().expect("a title");
    let columns_start = placed.iter().find(|w| w.text == first_item).map(|w| w.top).expect("first item");
    let body_bottom = page_height - style.margin_bottom_mm * mm;
    let mut checked = 0;
    for word in
        placed.iter().filter(|w| (w.page > 1 || w.top >= columns_start - 1.0) && w.bottom < body_bottom)
    {
        assert!(word.left >= left - 0.75 && word.right <= right + 0.75, "{:?} in the margin", word.text);
        let side = if word.left < middle { word.right < middle - 8.0 } else { word.left > middle + 8.0 };
        assert!(side, "{:?} ({}..{}) crosses the gutter at {middle}", word.text, word.left, word.right);
        checked += 1;
    }
    assert!(checked > 500, "both columns on every page: {checked} words");
}

/// A word as poppler places it: page, text, and its box in points from the page's top left.
struct Placed {
    page: usize,
    text: String,
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

/// Every word of `pdf` with its box, and each page's (width, height).
fn placed_words(pdf: &Path) -> (Vec<Placed>, Vec<(f32, f32)>) {
    let boxes = poppler("pdftotext", &["-bbox"], pdf);
    let html = scraper::Html::parse_document(&boxes);
    let page_selector = scraper::Selector::parse("page").expect("selector");
    let word_selector = scraper::Selector::parse("word").expect("selector");
    let (mut words, mut pages) = (Vec::new(), Vec::new());
    for (index, page) in html.select(&page_selector).enumerate() {
        let size =
            |name: &str| page.value().attr(name).and_then(|v| v.parse::<f32>().ok()).expect("page size");
        pages.push((size("width"), size("height")));
        for word in page.select(&word_selector) {
            let at = |name: &str| word.value().attr(name).and_then(|v| v.parse::<f32>().ok()).expect("bbox");
            words.push(Placed {
                page: index + 1,
                text: word.text().collect(),
                left: at("xmin"),
                top: at("ymin"),
                right: at("xmax"),
                bottom: at("ymax"),
            });
        }
    }
    (words, pages)
}

/// Where the style puts things, read back from the file: every word inside the side margins;
/// the letterhead from the top margin down, the statement below it; body text between the top
/// and bottom margins, justified to the right margin; the footer in the bottom margin with the
/// page number against the right margin.
#[test]
fn every_word_stands_where_the_style_puts_it() {
    let folder = tempfile::tempdir().expect("folder");
    let statement = common::long("en");
    let pdf = render("letterhead", &statement, folder.path(), "places.pdf");
    let style = TemplateSet::builtin().get("letterhead").expect("template").style;
    let mm = 72.0 / 25.4;
    let (left, right) = (style.margin_left_mm * mm, style.margin_right_mm * mm);
    let (top, bottom) = (style.margin_top_mm * mm, style.margin_bottom_mm * mm);
    let (words, pages) = placed_words(&pdf);
    assert!(pages.len() >= 3, "a long statement: {} pages", pages.len());
    let tolerance = 0.75;

    for word in &words {
        let (width, height) = pages[word.page - 1];
        assert!(
            word.left >= left - tolerance && word.right <= width - right + tolerance,
            "{:?} on page {} runs into a side margin ({}..{} of {width})",
            word.text,
            word.page,
            word.left,
            word.right
        );
        assert!(word.top >= 0.0 && word.bottom <= height, "{:?} is off page {}", word.text, word.page);
    }

    // The footer: in the bottom margin of every page, its page number against the right margin.
    for (index, (width, height)) in pages.iter().enumerate() {
        let footer: Vec<&Placed> =
            words.iter().filter(|w| w.page == index + 1 && w.top > height - bottom).collect();
        let text: Vec<&str> = footer.iter().map(|w| w.text.as_str()).collect();
        assert!(
            text.contains(&"Alianza") && text.contains(&format!("{}", pages.len()).as_str()),
            "page {}: {text:?}",
            index + 1
        );
        assert!(
            footer.iter().all(|w| w.bottom < height - bottom * 0.2),
            "the footer sits up in the margin: {text:?}"
        );
        let last = footer.iter().map(|w| w.right).fold(0.0, f32::max);
        assert!(
            (last - (width - right)).abs() < 1.0,
            "page {}: the number ends at {last}, not {}",
            index + 1,
            width - right
        );
        // Body text stays between the margins.
        for word in words.iter().filter(|w| w.page == index + 1 && w.top <= height - bottom) {
            assert!(
                word.bottom <= height - bottom + 3.0,
                "{:?} on page {} runs into the bottom margin",
                word.text,
                word.page
            );
            assert!(word.top >= top - 3.0, "{:?} on page {} runs into the top margin", word.text, word.page);
        }
        // After the first page, the first line's letters start at the top margin.
        if index > 0 {
            let highest =
                words.iter().filter(|w| w.page == index + 1).map(|w| w.top).fold(f32::MAX, f32::min);
            assert!((highest - top).abs() < 0.2, "page {}'s text starts at {highest}, not {top}", index + 1);
        }
    }

    // Page 1: the letterhead from the top margin, then the statement's title below all of it.
    let first = |text: &str| {
        words.iter().find(|w| w.page == 1 && w.text == text).unwrap_or_else(|| panic!("{text:?} on page 1"))
    };
    let name = first("Alianza");
    assert!((name.top - top).abs() < 12.0, "the letterhead starts at the top margin: {}", name.top);
    let website = first("https://puentes.example.org");
    // The address and web address under the name, a line and a third apart.
    let line_size = (style.body_size_pt * 0.78).max(7.5);
    let under_name = [first("Apartado"), first("Ciudad"), website];
    for pair in under_name.windows(2) {
        let spacing = pair[1].bottom - pair[0].bottom;
        assert!(
            (spacing - line_size * 1.35).abs() < 0.3,
            "{:?} is {spacing} pt below {:?}, not {}",
            pair[1].text,
            pair[0].text,
            line_size * 1.35
        );
    }
    let title_word = statement.title.split_whitespace().next().expect("a title");
    let title = first(title_word);
    assert!(
        title.top > website.bottom + 5.0 * mm,
        "the title ({}) comes below the letterhead ({})",
        title.top,
        website.bottom
    );

    // The letterhead's rule runs between the letterhead and the title, margin to margin.
    let document = lopdf::Document::load(&pdf).expect("parse");
    let page_one = document.get_pages()[&1];
    let content = lopdf::content::Content::decode(&document.get_page_content(page_one)).expect("operators");
    let number = |o: &lopdf::Object| o.as_float().expect("a number");
    let mut rule = None;
    for pair in content.operations.windows(2) {
        if pair[0].operator == "m" && pair[1].operator == "l" {
            let (x0, y0) = (number(&pair[0].operands[0]), number(&pair[0].operands[1]));
            let (x1, y1) = (number(&pair[1].operands[0]), number(&pair[1].operands[1]));
            rule = Some((x0, x1, pages[0].1 - y0, pages[0].1 - y1));
            break;
        }
    }
    let (x0, x1, y0, y1) = rule.expect("a rule drawn on page 1");
    assert!(
        (x0 - left).abs() < 0.5 && (x1 - (pages[0].0 - right)).abs() < 0.5,
        "the rule spans the column: {x0}..{x1}"
    );
    assert!(
        y0 == y1 && y0 > website.bottom && y0 < title.top,
        "the rule at {y0} is not between {} and {}",
        website.bottom,
        title.top
    );
    assert!(
        (title.top - y0 - 5.0 * mm).abs() < 0.5,
        "the title starts 5 mm below the rule: {y0}, {}",
        title.top
    );

    // The logo stands in the corner of the margins, 16 mm tall, and the letterhead's text starts
    // 5 mm to its right.
    let placement = content.operations.windows(2).find_map(|pair| {
        (pair[0].operator == "cm" && pair[1].operator == "Do")
            .then(|| pair[0].operands.iter().map(number).collect::<Vec<f32>>())
    });
    let matrix = placement.expect("the logo drawn on page 1");
    let (logo_width, logo_height, logo_left, logo_bottom) = (matrix[0], matrix[3], matrix[4], matrix[5]);
    assert!((logo_left - left).abs() < 0.5, "the logo at the left margin: {logo_left}");
    assert!((logo_height - 16.0 * mm).abs() < 0.5, "the logo 16 mm tall: {logo_height}");
    let logo_top = pages[0].1 - (logo_bottom + logo_height);
    assert!((logo_top - top).abs() < 0.5, "the logo's top at the top margin: {logo_top}");
    assert!(
        (name.left - (logo_left + logo_width + 5.0 * mm)).abs() < 1.0,
        "the name at {} starts 5 mm after the logo's right edge {}",
        name.left,
        logo_left + logo_width
    );

    // List items hang inside the column; a heading has room above it.
    let body_size = style.body_size_pt;
    let at = words.iter().position(|w| w.text == "first").expect("the list's first item");
    let (point, marker) = (&words[at], &words[at - 1]);
    assert!(point.left >= left + body_size * 0.9, "the list item starts at {}, not indented", point.left);
    let gap = point.left - marker.right;
    assert!(
        (gap - body_size * 0.45).abs() < 0.5 && (marker.bottom - point.bottom).abs() < 0.5,
        "the marker {:?} hangs {gap} pt before the item's text",
        marker.text
    );
    let heading_gaps: Vec<f32> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| w.text == "Recommendations" && *i > 0 && words[i - 1].page == w.page)
        .map(|(i, w)| w.top - words[i - 1].bottom)
        .collect();
    assert!(!heading_gaps.is_empty(), "headings after text on the same page");
    assert!(heading_gaps.iter().all(|gap| *gap > body_size), "space above headings: {heading_gaps:?}");

    // Justified body text: lines end at the right margin, except the last of a paragraph.
    let mut lines: std::collections::BTreeMap<(usize, i64), Vec<&Placed>> = std::collections::BTreeMap::new();
    for word in words.iter().filter(|w| w.top < pages[w.page - 1].1 - bottom) {
        lines.entry((word.page, (word.bottom * 2.0).round() as i64)).or_default().push(word);
    }
    let body_lines: Vec<&Vec<&Placed>> = lines.values().filter(|line| line.len() >= 8).collect();
    let flush = body_lines
        .iter()
        .filter(|line| {
            let end = line.iter().map(|w| w.right).fold(0.0, f32::max);
            (end - (pages[line[0].page - 1].0 - right)).abs() < 1.0
        })
        .count();
    assert!(body_lines.len() > 40, "{} body lines", body_lines.len());
    assert!(
        flush * 10 >= body_lines.len() * 7,
        "{flush} of {} body lines end at the right margin",
        body_lines.len()
    );
}

/// A footer too long for its line is cut with an ellipsis two of its sizes short of the page
/// number, and uses the room up to there.
#[test]
fn a_long_footer_gives_way_to_the_page_number() {
    let folder = tempfile::tempdir().expect("folder");
    let mut statement = common::statement("en", vec![("Protection", "A short body.")]);
    statement.title = "Joint statement of civil society organisations on the protection of migrants, \
                       refugees and displaced persons in transit across the Americas"
        .to_owned();
    let pdf = render("letterhead", &statement, folder.path(), "footer.pdf");
    let style = TemplateSet::builtin().get("letterhead").expect("template").style;
    let bottom = style.margin_bottom_mm * 72.0 / 25.4;
    let size = (style.body_size_pt * 0.72).max(7.0);
    let (words, pages) = placed_words(&pdf);
    let footer: Vec<&Placed> = words.iter().filter(|w| w.page == 1 && w.top > pages[0].1 - bottom).collect();
    let text: Vec<&str> = footer.iter().map(|w| w.text.as_str()).collect();
    let number = text.iter().position(|w| *w == "Page").unwrap_or_else(|| panic!("a page number: {text:?}"));
    assert!(number > 3 && text[number - 1].ends_with('…'), "the footer is cut: {text:?}");
    let gap = footer[number].left - footer[number - 1].right;
    assert!(gap >= size * 2.0 - 0.5 && gap <= size * 3.5, "{gap} pt between {text:?} and the page number");
}

/// A statement, or the translation beside it, past the PDF's word limit is refused with both
/// figures; at the limit it is rendered.
#[test]
fn a_statement_or_translation_past_the_word_limit_is_refused() {
    let (mut english, mut spanish) = (common::long("en"), common::long("es"));
    let template = TemplateSet::builtin().get("letterhead").expect("template");
    let organisation = common::organisation();
    let too_long = |error: RenderError| matches!(error, RenderError::TooLong { words, limit } if words == MAX_PDF_WORDS + 1 && limit == MAX_PDF_WORDS);

    spanish.word_count = MAX_PDF_WORDS + 1;
    let document = Document { statement: &english, organisation: &organisation };
    let error = plenary_render::render_parallel_pdf(&template, &document, &spanish).expect_err("too long");
    assert!(too_long(error));
    spanish.word_count = MAX_PDF_WORDS;
    plenary_render::render_parallel_pdf(&template, &document, &spanish).expect("at the limit");

    english.word_count = MAX_PDF_WORDS + 1;
    let document = Document { statement: &english, organisation: &organisation };
    assert!(too_long(render_pdf(&template, &document).expect_err("too long")));
    english.word_count = MAX_PDF_WORDS;
    let document = Document { statement: &english, organisation: &organisation };
    render_pdf(&template, &document).expect("at the limit");
}
