//! Real files split into proposed sections: the fixtures in `tests/fixtures` (a pasted 2017
//! statement, Markdown, a web page, Windows and UTF-16 text) and Word files made here. Every
//! fixture keeps every word, in order.

use std::io::Write;
use std::path::{Path, PathBuf};

use plenary_import::{Format, ImportError, Proposal, ProposedSection, propose, read_file};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Reads and splits a file, checking that no word was lost on the way.
fn split(path: &Path) -> Proposal {
    let source = read_file(path).unwrap_or_else(|error| panic!("{error}"));
    let proposal = propose(&source, None, &[]);
    assert_eq!(proposal.words(), source.words(), "{}: every word, in order", path.display());
    assert!(!source.words().is_empty());
    proposal
}

fn titles(proposal: &Proposal) -> Vec<&str> {
    proposal.sections.iter().map(|section| section.title.as_str()).collect()
}

fn kinds(proposal: &Proposal) -> Vec<&str> {
    proposal.sections.iter().map(|section| section.kind.as_str()).collect()
}

fn section<'a>(proposal: &'a Proposal, title: &str) -> &'a ProposedSection {
    proposal.sections.iter().find(|s| s.title == title).unwrap_or_else(|| panic!("no section {title}"))
}

#[test]
fn a_pasted_2017_statement_splits_the_way_a_person_would() {
    let proposal = split(&fixture("gfmd-2017.txt"));
    assert_eq!(proposal.title.as_deref(), Some("Statement of the Puentes Network to the GFMD Summit 2017"));
    assert_eq!(titles(&proposal), ["Introduction", "Who Are We?", "What Do We Do?", "Global Activism"]);
    assert_eq!(kinds(&proposal), ["other", "about", "work", "activism"]);
    assert!(proposal.sections.iter().all(|s| s.lang.as_str() == "en"));
    assert_eq!(section(&proposal, "Introduction").body, "Berlin, June 2017");
    // Wrapped lines are one paragraph; bullets are a Markdown list; the closing line stays.
    assert_eq!(
        section(&proposal, "Who Are We?").body,
        "The Puentes Network brings together 45 organisations of migrants and their families in eleven \
         countries of the Americas. Our members are led by the people they serve."
    );
    let activism = &section(&proposal, "Global Activism").body;
    assert!(
        activism.contains(
            "\n\n- end the detention of children and families;\n- open safe and regular pathways for migration;\n"
        ),
        "{activism}"
    );
    assert!(activism.ends_with("\n\nThank you."), "{activism}");
}

#[test]
fn markdown_keeps_its_structure_emphasis_and_links() {
    let proposal = split(&fixture("declaracion.md"));
    assert_eq!(proposal.title.as_deref(), Some("Declaración de la Red Puentes"));
    assert_eq!(titles(&proposal), ["¿Quiénes somos?", "Qué hacemos", "Recomendaciones"]);
    assert_eq!(kinds(&proposal), ["about", "work", "recommendation"]);
    assert!(proposal.sections.iter().all(|s| s.lang.as_str() == "es"), "{:?}", proposal.sections);
    assert!(section(&proposal, "¿Quiénes somos?").body.contains("**45 organizaciones**"));
    let work = &section(&proposal, "Qué hacemos").body;
    assert!(work.contains("[nuestro sitio](https://puentes.example.org)"), "{work}");
    assert!(
        work.contains("1. Asesoría legal\n1. Albergues\n   - para familias\n   - para niñas y niños"),
        "{work}"
    );
    let asks = &section(&proposal, "Recomendaciones").body;
    assert!(
        asks.starts_with("> La migración no es un delito.\n\n") && asks.contains("_poner fin_"),
        "{asks}"
    );
}

#[test]
fn a_web_page_gives_its_text_and_nothing_that_runs() {
    let proposal = split(&fixture("statement.html"));
    assert_eq!(proposal.title.as_deref(), Some("Déclaration 2019"));
    assert_eq!(titles(&proposal), ["Qui sommes-nous ?", "Plaidoyer", "Conclusion"]);
    assert_eq!(kinds(&proposal), ["about", "activism", "closing"]);
    assert!(proposal.sections.iter().all(|s| s.lang.as_str() == "fr"), "{:?}", proposal.sections);
    let all: String = proposal.sections.iter().map(|s| s.body.as_str()).collect();
    for hostile in ["steal", "alert", "javascript", "onerror", "<img", "<script", "color: red", "Accueil"] {
        assert!(!all.contains(hostile), "{hostile} in {all}");
    }
    assert!(
        all.contains("[notre site](https://puentes.example.org/fr)") && all.contains("**45 organisations**")
    );
    assert!(all.contains("- fin de la détention des enfants ;\n- voies sûres et régulières."), "{all}");
}

#[test]
fn windows_and_utf16_text_files_are_decoded() {
    let proposal = split(&fixture("windows-1252.txt"));
    assert_eq!(proposal.sections[0].body, "We are a network in América “Latina”.");
    let proposal = split(&fixture("utf-16.txt"));
    assert_eq!(titles(&proposal), ["Quiénes somos"]);
    assert_eq!(proposal.sections[0].body, "Somos una red de organizaciones.");
}

/// A run of a Word paragraph: text, bold, italic, link.
type Run<'a> = (&'a str, bool, bool, Option<&'a str>);

/// A minimal Word file: `paragraphs` are (style id, runs).
fn docx(path: &Path, styles: &str, paragraphs: &[(&str, &[Run<'_>])]) {
    let mut body = String::new();
    let mut relationships = String::new();
    for (style, runs) in paragraphs {
        body.push_str("<w:p>");
        if !style.is_empty() {
            body.push_str(&format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"));
        }
        for (index, (text, bold, italic, link)) in runs.iter().enumerate() {
            let properties = format!(
                "<w:rPr>{}{}</w:rPr>",
                if *bold { "<w:b/>" } else { "" },
                if *italic { "<w:i/>" } else { "" }
            );
            let run = format!("<w:r>{properties}<w:t xml:space=\"preserve\">{text}</w:t></w:r>");
            match link {
                Some(url) => {
                    let id = format!("rId{}{index}", relationships.len());
                    relationships.push_str(&format!(
                        "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{url}\" TargetMode=\"External\"/>"
                    ));
                    body.push_str(&format!("<w:hyperlink r:id=\"{id}\">{run}</w:hyperlink>"));
                }
                None => body.push_str(&run),
            }
        }
        body.push_str("</w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}</w:body></w:document>"
    );
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relationships}</Relationships>"
    );
    let file = std::fs::File::create(path).expect("create docx");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in [
        ("word/document.xml", document.as_str()),
        ("word/_rels/document.xml.rels", rels.as_str()),
        ("word/styles.xml", styles),
    ] {
        if content.is_empty() {
            continue;
        }
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(content.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip");
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
    <w:style w:type=\"paragraph\" w:styleId=\"Titre1\"><w:name w:val=\"heading 1\"/></w:style>\
    <w:style w:type=\"paragraph\" w:styleId=\"MyOutline\"><w:name w:val=\"Section head\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
    </w:styles>";

#[test]
fn word_files_split_at_heading_styles_outline_levels_and_bold_lines() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("statement.docx");
    docx(
        &path,
        STYLES,
        &[
            ("Title", &[("Statement to the Summit", false, false, None)]),
            ("Titre1", &[("Who we are", false, false, None)]),
            (
                "",
                &[
                    ("We are a ", false, false, None),
                    ("network", true, false, None),
                    (" of ", false, false, None),
                    ("groups", false, true, None),
                    (".", false, false, None),
                ],
            ),
            ("MyOutline", &[("What we do", false, false, None)]),
            (
                "",
                &[
                    ("See ", false, false, None),
                    ("our report", false, false, Some("https://example.org/report")),
                    (" and ", false, false, None),
                    ("this", false, false, Some("javascript:alert(1)")),
                    (".", false, false, None),
                ],
            ),
            ("Heading1", &[("Recommendations", false, false, None)]),
            ("", &[("End detention &amp; more &lt; now.", false, false, None)]),
            ("", &[("In closing", true, false, None)]),
            ("", &[("Thank you.", false, false, None)]),
        ],
    );
    let proposal = split(&path);
    assert_eq!(proposal.title.as_deref(), Some("Statement to the Summit"));
    assert_eq!(titles(&proposal), ["Who we are", "What we do", "Recommendations"]);
    assert_eq!(section(&proposal, "Who we are").body, "We are a **network** of _groups_.");
    assert_eq!(
        section(&proposal, "What we do").body,
        "See [our report](https://example.org/report) and this."
    );
    // A short line all in bold is a heading too: here, one inside the last section.
    assert_eq!(
        section(&proposal, "Recommendations").body,
        "End detention \\& more \\< now.\n\n### In closing\n\nThank you."
    );
}

fn refused(path: &Path) -> String {
    let error = read_file(path).expect_err("refused").to_string();
    assert!(error.contains(&path.display().to_string()), "the error names the file: {error}");
    error
}

#[test]
fn damaged_foreign_and_hostile_files_are_refused_with_the_reason() {
    let folder = tempfile::tempdir().expect("folder");
    let write = |name: &str, bytes: &[u8]| {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    };
    assert!(refused(&write("old.docx", b"not a zip at all")).contains("not a Word file"));
    assert!(refused(&write("empty.txt", b"")).contains("no text in it"));
    assert!(refused(&write("blank.md", b"\n\n   \n")).contains("no text in it"));
    assert!(refused(&write("report.pdf", b"%PDF-1.7")).contains("not a readable PDF file"));
    assert!(refused(&write("report.odt", b"<office:document/>")).contains("this is a .odt file"));
    // A PDF cut off half-way (its cross-reference table gone) and one whose table points
    // nowhere: read as far as they can be, or refused naming the file; never a panic.
    let statement = std::fs::read(fixture("statement.pdf")).expect("fixture");
    let cut = write("cut.pdf", &statement[..statement.len() / 2]);
    let scrambled: Vec<u8> = {
        let at = statement.windows(4).rposition(|window| window == b"xref").expect("xref");
        let mut bytes = statement.clone();
        for byte in bytes[at..].iter_mut().filter(|b| b.is_ascii_digit()) {
            *byte = b'9';
        }
        bytes
    };
    let scrambled = write("scrambled.pdf", &scrambled);
    for path in [cut, scrambled] {
        match plenary_import::read_file(&path) {
            Ok(source) => assert!(!source.blocks.is_empty()),
            Err(error) => assert!(error.to_string().contains(&path.display().to_string()), "{error}"),
        }
    }
    assert!(refused(&write("report.txt", b"%PDF-1.7\n...")).contains("content is a PDF file"));

    // Billion laughs: roxmltree refuses any DTD, so no entity expands.
    let path = folder.path().join("laughs.docx");
    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\
        <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>";
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("entry");
    zip.write_all(laughs.as_bytes()).expect("write");
    zip.finish().expect("zip");
    assert!(refused(&path).contains("word/document.xml"));

    // A zip bomb: 80 MB of one letter packs to under 100 KB; reading stops at 64 MB.
    let path = folder.path().join("bomb.docx");
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("entry");
    let chunk = vec![b'a'; 1024 * 1024];
    for _ in 0..80 {
        zip.write_all(&chunk).expect("write");
    }
    zip.finish().expect("zip");
    assert!(std::fs::metadata(&path).expect("size").len() < 1024 * 1024);
    assert!(refused(&path).contains("more than 64 MB"));
}

#[test]
fn the_library_is_searched_for_what_it_already_holds() {
    let source = read_file(&fixture("gfmd-2017.txt")).expect("read");
    let library = vec![plenary_import::LibraryText {
        section: plenary_core::id::SectionId::new_random(),
        title: "Who we are".to_owned(),
        body:
            "The Puentes Network brings together 45 organisations of migrants and their families in eleven \
               countries of the Americas. Our members are led by the people they serve."
                .to_owned(),
    }];
    let proposal = propose(&source, None, &library);
    let found = section(&proposal, "Who Are We?").library_match.as_ref().expect("matched");
    assert!(found.same && found.title == "Who we are");
    assert!(section(&proposal, "Global Activism").library_match.is_none());
}

#[test]
fn random_text_keeps_every_word() {
    let mut rng = fastrand::Rng::with_seed(2017);
    let pieces = [
        "Who Are We?",
        "• one item",
        "- dash",
        "1. first",
        "We act.",
        "word",
        "long-",
        "line",
        "\n",
        "\n\n",
        "*star*",
        "[x](y)",
        "#tag",
        "_u_",
        "<b>",
        "  ",
    ];
    for _ in 0..300 {
        let text: String =
            (0..rng.usize(1..40)).map(|_| pieces[rng.usize(..pieces.len())]).collect::<Vec<_>>().join(" ");
        let Ok(source) = plenary_import::read_pasted(&text) else { continue };
        let proposal = propose(&source, None, &[]);
        assert_eq!(proposal.words(), source.words(), "{text:?}");
    }
}

#[test]
fn unreadable_input_is_an_io_error() {
    let error = read_file(Path::new("/nonexistent/file.txt")).expect_err("missing");
    assert!(matches!(error, ImportError::Io { .. }), "{error}");
}

#[test]
fn chosen_sections_are_saved_as_new_drafts_or_new_versions_all_or_nothing() {
    use plenary_core::status::SectionStatus;
    use plenary_import::{Choice, Chosen, Origin, save};
    use plenary_store::{SectionFilter, Store};

    let folder = tempfile::tempdir().expect("folder");
    let mut store = Store::open(folder.path().join("library.sqlite3")).expect("library");
    store.write(|w| w.add_demo_library("ana")).expect("demo");
    let who = store
        .sections(&SectionFilter::default())
        .expect("sections")
        .into_iter()
        .find(|s| s.title == "Who we are")
        .expect("demo section");
    let origin = Origin { file_name: "2017.docx".into(), sha256: "ab12".into() };
    let today: plenary_core::date::Date = "2026-12-01".parse().expect("date");
    let chosen = |title: &str, choice: Choice| Chosen {
        title: title.into(),
        body: format!("{title} text."),
        kind: plenary_core::kind::Kind::parse("other").expect("kind"),
        lang: plenary_core::language::Language::english(),
        choice,
        same_as: None,
    };
    let before = store.sections(&SectionFilter::default()).expect("sections").len();
    let past = plenary_import::PastStatement {
        title: "Statement 2017".into(),
        event: None,
        date: Some("2017-06-28".parse().expect("date")),
        lang: plenary_core::language::Language::english(),
    };

    // A choice that cannot be carried out (no such section) saves nothing at all.
    let missing = plenary_core::id::SectionId::new_random();
    let failed = save(
        &mut store,
        &origin,
        &[chosen("New one", Choice::New), chosen("Gone", Choice::NewVersionOf { section: missing })],
        &[],
        None,
        "ana",
        today,
    );
    assert!(failed.is_err());
    assert_eq!(store.sections(&SectionFilter::default()).expect("sections").len(), before);

    let saved = save(
        &mut store,
        &origin,
        &[
            chosen("New one", Choice::New),
            chosen("Who we are", Choice::NewVersionOf { section: who.id }),
            chosen("Left out", Choice::Skip),
        ],
        &["imported".to_owned()],
        Some(&past),
        "ana",
        today,
    )
    .expect("saved");
    assert_eq!((saved.added.len(), saved.updated, saved.skipped), (1, vec![(who.id, 2)], 1));
    // The past statement shows the versions this import brought, not the vetted ones before them.
    let statement = store.statement(saved.statement.expect("statement")).expect("statement");
    assert_eq!(statement.status, plenary_core::status::StatementStatus::Submitted);
    let pins: Vec<(plenary_core::id::SectionId, u32)> = statement
        .items
        .iter()
        .filter_map(|item| match &item.content {
            plenary_core::statement::ItemContent::Linked { section, version } => Some((*section, *version)),
            _ => None,
        })
        .collect();
    assert_eq!(pins, [(saved.added[0], 1), (who.id, 2)]);
    let added = store.section(saved.added[0]).expect("new section");
    assert_eq!((added.status, added.tags.as_slice()), (SectionStatus::Draft, &["imported".to_owned()][..]));
    let history = store.history(who.id).expect("history");
    assert_eq!(history[0].body, "Who we are text.");
    assert_eq!(history[0].note.as_deref(), Some("Imported from 2017.docx (SHA-256 ab12) on 2026-12-01"));
    assert!(history[1].vetted.is_some(), "the vetted version stays vetted in the history");
}

#[test]
fn a_word_file_with_numbering_and_a_link_reads_as_markdown() {
    let proposal = split(&fixture("statement.docx"));
    assert_eq!(proposal.title.as_deref(), Some("Statement"));
    assert_eq!(titles(&proposal), ["Who we are"]);
    assert_eq!(proposal.sections[0].body, "**A network** of [groups](https://example.org)\n\n1. one");
}

#[test]
fn documents_nested_thousands_deep_are_refused_or_read_without_exhausting_the_stack() {
    let folder = tempfile::tempdir().expect("folder");
    let deep = |depth: usize| {
        format!("<h2>Deep</h2>{}deep words{}", "<div><span>".repeat(depth), "</span></div>".repeat(depth))
    };
    // 20,000 elements: refused before parsing (the parser's work grows with the square of depth).
    let html = folder.path().join("deep.html");
    std::fs::write(&html, deep(10_000)).expect("write");
    assert!(refused(&html).contains("nest more than 1000 levels"));
    // 480 levels (960 elements): read, the part past 200 levels taken as plain text.
    std::fs::write(&html, deep(480)).expect("write");
    let proposal = split(&html);
    assert!(proposal.sections[0].body.contains("deep words"));

    let docx = folder.path().join("deep.docx");
    let depth = 20_000;
    let nested = format!(
        "{}<w:r><w:t>deep words</w:t></w:r>{}",
        "<w:smartTag>".repeat(depth),
        "</w:smartTag>".repeat(depth)
    );
    let document = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>{nested}</w:p></w:body></w:document>"
    );
    let file = std::fs::File::create(&docx).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("entry");
    zip.write_all(document.as_bytes()).expect("write");
    zip.finish().expect("zip");
    // roxmltree refuses nesting this deep with an error naming the part, or it is read.
    match read_file(&docx) {
        Ok(source) => assert!(source.words().contains(&"deep".to_owned())),
        Err(error) => assert!(error.to_string().contains("word/document.xml"), "{error}"),
    }
}

/// A two-page statement as Plenary's own PDF export writes it (subset fonts with two-byte codes,
/// each word placed on its own, justified lines, hyphenation, a letterhead, a running footer).
#[test]
fn a_pdf_statement_splits_at_its_larger_bold_headings() {
    let proposal = split(&fixture("statement.pdf"));
    assert_eq!(proposal.title.as_deref(), Some("Civil society statement to the GFMD 2027 Summit"));
    let titles = titles(&proposal);
    assert_eq!(
        titles[..7],
        [
            "Letterhead",
            "Introduction",
            "Who we are",
            "What we do",
            "Protection must come first",
            "End criminalization of migration and detention",
            "Recommendations to states"
        ]
    );
    assert_eq!(kinds(&proposal)[2..4], ["about", "work"]);
    assert!(section(&proposal, "Introduction").body.starts_with("GFMD 2027 Summit · Bogotá, Colombia"));
    // Justified lines keep their word spaces; the hyphenated "send-ing" is one word again.
    let who = &section(&proposal, "Who we are").body;
    assert!(
        who.starts_with(
            "Alianza Puentes is a network of 45 migrant-led and community organisations in sending, transit"
        ),
        "{who}"
    );
    let work = &section(&proposal, "What we do").body;
    assert!(work.contains("reach more than 100,000 families in 12 U.S. states."), "{work}");
    assert!(
        work.contains("\n\n- safe and regular pathways;\n- access to justice regardless of status;\n"),
        "{work}"
    );
    let asks = &section(&proposal, "Recommendations to states").body;
    assert!(asks.starts_with("1. Create regularisation programmes open to people already living and working in the country.\n1. Build firewalls"), "{asks}");
    // The letterhead above the title is kept, not lost, in a section of its own.
    assert!(section(&proposal, "Letterhead").body.contains("Alianza Puentes"));
}

/// A PDF made here with a standard font (one-byte codes, widths from the font dictionary), a
/// title over a heading over a paragraph wrapped with a hyphen, words spaced by `TJ` moves, an
/// italic link, a bold run-in heading and a page number.
#[test]
fn a_pdf_with_a_standard_font_splits_by_size_and_weight() {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};

    let mut document = Document::with_version("1.5");
    let pages_id = document.new_object_id();
    let widths: Vec<Object> = (32..=126).map(|_| Object::Integer(500)).collect();
    let regular = document.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding", "FirstChar" => 32, "Widths" => widths.clone(),
    });
    let bold = document.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold",
        "Encoding" => "WinAnsiEncoding", "FirstChar" => 32, "Widths" => widths,
    });
    let italic = document.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Oblique",
        "Encoding" => "WinAnsiEncoding", "FirstChar" => 32,
        "Widths" => (32..=126).map(|_| Object::Integer(500)).collect::<Vec<_>>(),
    });
    let resources = document
        .add_object(dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => bold, "F3" => italic } });
    let line = |font: &str, size: i64, y: i64, text: &str| {
        vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec![font.into(), size.into()]),
            Operation::new("Td", vec![72.into(), y.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ]
    };
    let mut operations = Vec::new();
    operations.extend(line("F2", 20, 760, "Declaration of the Bridges Network"));
    operations.extend(line("F2", 14, 720, "Who we are"));
    operations.extend(line("F1", 11, 700, "We are a network of forty-five organ-"));
    operations.extend(line("F1", 11, 686, "isations of migrants."));
    // Words placed by TJ moves instead of space characters; a small move is kerning.
    operations.extend(vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("Td", vec![72.into(), 672.into()]),
        Operation::new(
            "TJ",
            vec![Object::Array(vec![
                Object::string_literal("Foun"),
                Object::Integer(-30),
                Object::string_literal("ded"),
                Object::Integer(-400),
                Object::string_literal("in"),
                Object::Integer(-400),
                Object::string_literal("2009."),
            ])],
        ),
        Operation::new("ET", vec![]),
    ]);
    // An italic run under a link annotation, inside a line of regular text.
    operations.extend(vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("Td", vec![72.into(), 658.into()]),
        Operation::new("Tj", vec![Object::string_literal("Read ")]),
        Operation::new("Tf", vec!["F3".into(), 11.into()]),
        Operation::new("Tj", vec![Object::string_literal("our report")]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("Tj", vec![Object::string_literal(".")]),
        Operation::new("ET", vec![]),
    ]);
    operations.extend(line("F2", 11, 640, "Our asks"));
    operations.extend(line("F1", 11, 626, "- safe pathways;"));
    operations.extend(line("F1", 11, 612, "- an end to detention."));
    // A font the page does not define: its words are kept all the same.
    operations.extend(line("F9", 11, 580, "Thank you."));
    operations.extend(line("F1", 9, 40, "1"));
    let content = Content { operations }.encode().expect("content");
    let content_id = document.add_object(Stream::new(dictionary! {}, content));
    let link = document.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![99.into(), 655.into(), 155.into(), 668.into()],
        "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://example.org/report") },
    });
    let page = document.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Annots" => vec![link.into()],
        "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    document.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    document.trailer.set("Root", catalog);
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("declaration.pdf");
    document.save(&path).expect("save");

    let proposal = split(&path);
    assert_eq!(proposal.title.as_deref(), Some("Declaration of the Bridges Network"));
    assert_eq!(titles(&proposal), ["Who we are"]);
    assert_eq!(
        section(&proposal, "Who we are").body,
        "We are a network of forty-five organisations of migrants. Founded in 2009. Read [_our report_](https://example.org/report).\n\n### Our asks\n\n- safe pathways;\n- an end to detention.\n\nThank you."
    );
}

/// Inputs the fuzzer found that once lost or changed a word, read as every format.
#[test]
fn inputs_the_fuzzer_found_keep_every_word() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzzed");
    for entry in std::fs::read_dir(&folder).expect("fuzzed inputs") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        for format in [Format::Text, Format::Markdown, Format::Html, Format::Docx, Format::Pdf] {
            if let Ok(source) = plenary_import::read_bytes("fuzzed", &bytes, format) {
                let proposal = propose(&source, None, &[]);
                assert_eq!(proposal.words(), source.words(), "{} as {format:?}", path.display());
            }
        }
    }
}
