//! Word files (`.docx`): the ZIP container read with `zip`, its XML with `roxmltree` (which
//! refuses DTDs, so no entity can expand). Headings come from the paragraph styles (Word's
//! "Heading 1"…, "Title", or any style with an outline level) and, failing those, from short
//! paragraphs set all in bold; numbered and bulleted paragraphs become list items; bold, italic
//! and hyperlinks become Markdown.

use std::collections::HashMap;
use std::io::Read;

use roxmltree::{Document, Node};

use crate::blocks::{Block, collapse_spaces, escape, is_kept_link, link_target};
use crate::text::looks_like_heading;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The most a part of the file may unpack to: a zip bomb stops here.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// A Word file's title (from its properties) and blocks; the error says what is wrong.
pub(crate) fn read(bytes: &[u8]) -> Result<(Option<String>, Vec<Block>), String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|error| format!("not a Word file (.docx is a ZIP archive): {error}"))?;
    let document =
        part(&mut archive, "word/document.xml")?.ok_or("not a Word document: it has no word/document.xml")?;
    let styles = part(&mut archive, "word/styles.xml")?.unwrap_or_default();
    let numbering = part(&mut archive, "word/numbering.xml")?.unwrap_or_default();
    let relationships = part(&mut archive, "word/_rels/document.xml.rels")?.unwrap_or_default();
    let core = part(&mut archive, "docProps/core.xml")?.unwrap_or_default();

    let document = parse("word/document.xml", &document)?;
    let parsed_styles = parse_optional("word/styles.xml", &styles)?;
    let context = Context {
        title_styles: title_styles(&parsed_styles),
        heading_styles: heading_styles(&parsed_styles),
        numbered: numbered_lists(&parse_optional("word/numbering.xml", &numbering)?),
        links: links(&parse_optional("word/_rels/document.xml.rels", &relationships)?),
    };
    let title = parse_optional("docProps/core.xml", &core)?.and_then(|core| {
        core.descendants()
            .find(|node| node.tag_name().name() == "title")
            .and_then(|node| node.text())
            .map(collapse_spaces)
            .filter(|title| !title.is_empty())
    });
    let body = document
        .root_element()
        .children()
        .find(|node| node.has_tag_name((W, "body")))
        .ok_or("word/document.xml has no body")?;
    let mut blocks = Vec::new();
    let mut title = title;
    for node in body.descendants().filter(|node| node.has_tag_name((W, "p"))) {
        if let Some(block) = paragraph(node, &context) {
            // The first paragraph in Word's Title style is the document's title, unless its
            // properties name one.
            if let Block::Heading { text, .. } = &block
                && blocks.is_empty()
                && title.is_none()
                && is_title_style(node, &context)
            {
                title = Some(text.clone());
            }
            blocks.push(block);
        }
    }
    Ok((title, blocks))
}

/// Reads one part of the archive as text, refusing parts that unpack past [`MAX_PART_BYTES`].
fn part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, String> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(format!("{name} cannot be read: {error}")),
    };
    let mut text = String::new();
    let read = entry
        .take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|error| format!("{name} cannot be read: {error}"))?;
    if read as u64 > MAX_PART_BYTES {
        return Err(format!("{name} unpacks to more than {} MB", MAX_PART_BYTES / 1024 / 1024));
    }
    Ok(Some(text))
}

fn parse<'a>(name: &str, xml: &'a str) -> Result<Document<'a>, String> {
    Document::parse(xml).map_err(|error| format!("{name} is not well-formed XML: {error}"))
}

fn parse_optional<'a>(name: &str, xml: &'a str) -> Result<Option<Document<'a>>, String> {
    if xml.is_empty() { Ok(None) } else { parse(name, xml).map(Some) }
}

/// Whether a paragraph is in the Title style.
fn is_title_style(node: Node<'_, '_>, context: &Context) -> bool {
    child(node, "pPr").and_then(|p| child(p, "pStyle")).and_then(|s| attribute(s, "val")).is_some_and(
        |style| {
            context.title_styles.iter().any(|title| title == style) || style.eq_ignore_ascii_case("title")
        },
    )
}

struct Context {
    /// Style ids named "Title" (in any of the languages Word is used in here).
    title_styles: Vec<String>,
    /// Style id → heading level.
    heading_styles: HashMap<String, u8>,
    /// (numbering id, level) pairs whose items are numbered rather than bulleted.
    numbered: Vec<(String, String)>,
    /// Relationship id → external address.
    links: HashMap<String, String>,
}

fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|child| child.has_tag_name((W, name)))
}

/// Styles that are headings, by name ("heading 1", "Title", "Titre 2", "Título 1") or by an
/// outline level.
fn heading_styles(styles: &Option<Document<'_>>) -> HashMap<String, u8> {
    let mut found = HashMap::new();
    let Some(styles) = styles else { return found };
    for style in styles.descendants().filter(|node| node.has_tag_name((W, "style"))) {
        let Some(id) = attribute(style, "styleId") else { continue };
        let name = child(style, "name").and_then(|name| attribute(name, "val")).unwrap_or(id).to_lowercase();
        let level = level_from_name(&name).or_else(|| heading_level(child(style, "pPr")));
        if let Some(level) = level {
            found.insert(id.to_owned(), level.clamp(1, 6));
        }
    }
    found
}

/// The heading level paragraph properties give by their outline level (0 is level 1; 9 is body
/// text).
fn heading_level(properties: Option<Node<'_, '_>>) -> Option<u8> {
    properties
        .and_then(|p| child(p, "outlineLvl"))
        .and_then(|level| attribute(level, "val"))
        .and_then(|level| level.parse::<u8>().ok())
        .filter(|level| *level < 9)
        .map(|level| level + 1)
}

/// Names of Word's Title style in the languages it is used in here.
const TITLE_NAMES: [&str; 4] = ["title", "título", "titulo", "titre"];

/// The ids of styles named as a title.
fn title_styles(styles: &Option<Document<'_>>) -> Vec<String> {
    let Some(styles) = styles else { return Vec::new() };
    styles
        .descendants()
        .filter(|node| node.has_tag_name((W, "style")))
        .filter(|style| {
            child(*style, "name")
                .and_then(|name| attribute(name, "val"))
                .is_some_and(|name| TITLE_NAMES.contains(&name.to_lowercase().as_str()))
        })
        .filter_map(|style| attribute(style, "styleId").map(str::to_owned))
        .collect()
}

/// The heading level a style's name gives ("heading 2", "Heading2", "Título 1", "Title").
fn level_from_name(name: &str) -> Option<u8> {
    let name = name.to_lowercase();
    if TITLE_NAMES.contains(&name.as_str()) {
        return Some(1);
    }
    ["heading", "título", "titulo", "titre", "überschrift"]
        .iter()
        .find_map(|word| name.strip_prefix(word))
        .and_then(|rest| rest.trim().parse::<u8>().ok())
        .filter(|level| (1..=9).contains(level))
        .map(|level| level.min(6))
}

/// Which list levels are numbered: a level whose format is anything but a bullet.
fn numbered_lists(numbering: &Option<Document<'_>>) -> Vec<(String, String)> {
    let Some(numbering) = numbering else { return Vec::new() };
    let mut abstract_numbered: Vec<(String, String)> = Vec::new();
    for definition in numbering.descendants().filter(|node| node.has_tag_name((W, "abstractNum"))) {
        let Some(id) = attribute(definition, "abstractNumId") else { continue };
        for level in definition.children().filter(|node| node.has_tag_name((W, "lvl"))) {
            let format = child(level, "numFmt").and_then(|f| attribute(f, "val")).unwrap_or("bullet");
            if format != "bullet" && format != "none" {
                abstract_numbered.push((id.to_owned(), attribute(level, "ilvl").unwrap_or("0").to_owned()));
            }
        }
    }
    let mut numbered = Vec::new();
    for instance in numbering.descendants().filter(|node| node.has_tag_name((W, "num"))) {
        let (Some(id), Some(abstract_id)) = (
            attribute(instance, "numId"),
            child(instance, "abstractNumId").and_then(|a| attribute(a, "val")),
        ) else {
            continue;
        };
        for (_, level) in abstract_numbered.iter().filter(|(a, _)| a == abstract_id) {
            numbered.push((id.to_owned(), level.clone()));
        }
    }
    numbered
}

/// External hyperlink targets by relationship id.
fn links(relationships: &Option<Document<'_>>) -> HashMap<String, String> {
    let mut found = HashMap::new();
    let Some(relationships) = relationships else { return found };
    for relationship in relationships.descendants().filter(|node| node.tag_name().name() == "Relationship") {
        if let (Some(id), Some(target)) = (relationship.attribute("Id"), relationship.attribute("Target"))
            && relationship.attribute("TargetMode") == Some("External")
        {
            found.insert(id.to_owned(), target.to_owned());
        }
    }
    found
}

/// One `<w:p>` as a block, or nothing when it holds no text.
fn paragraph(node: Node<'_, '_>, context: &Context) -> Option<Block> {
    let properties = child(node, "pPr");
    let style = properties.and_then(|p| child(p, "pStyle")).and_then(|s| attribute(s, "val"));
    let outline = heading_level(properties);
    let list = properties.and_then(|p| child(p, "numPr")).and_then(|numbering| {
        let id = child(numbering, "numId").and_then(|n| attribute(n, "val"))?;
        let level = child(numbering, "ilvl").and_then(|l| attribute(l, "val")).unwrap_or("0");
        // numId 0 means "no list".
        (id != "0").then(|| (id.to_owned(), level.to_owned()))
    });

    let mut runs = Runs::default();
    collect_runs(node, context, None, &mut runs);
    let text = collapse_spaces(&runs.markdown);
    if text.is_empty() {
        return None;
    }
    let level = style
        .and_then(|style| context.heading_styles.get(style).copied().or_else(|| level_from_name(style)))
        .or(outline);
    if let Some(level) = level {
        return Some(Block::Heading { level: level.clamp(1, 6), text: collapse_spaces(&runs.plain) });
    }
    if let Some((id, level)) = list {
        let ordered = context.numbered.iter().any(|(n, l)| *n == id && *l == level);
        let depth = level.parse::<u8>().unwrap_or(0).min(5);
        return Some(Block::Item { ordered, depth, text });
    }
    if runs.all_bold && looks_like_heading(&runs.plain) {
        return Some(Block::Heading { level: 2, text: collapse_spaces(&runs.plain) });
    }
    Some(Block::Paragraph(text))
}

#[derive(Default)]
struct Runs {
    markdown: String,
    plain: String,
    /// Every run with text so far was bold.
    all_bold: bool,
    any_text: bool,
}

/// How deep inside a paragraph runs are looked for: Word nests a few levels (hyperlinks, smart
/// tags, content controls); a file nested thousands deep must not exhaust the stack.
const MAX_RUN_DEPTH: usize = 64;

/// Walks a paragraph's runs (also inside hyperlinks, smart tags and tracked insertions; never
/// inside deletions), appending Markdown and plain text.
fn collect_runs(node: Node<'_, '_>, context: &Context, link: Option<&str>, runs: &mut Runs) {
    collect_runs_at(node, context, link, runs, 0);
}

fn collect_runs_at(node: Node<'_, '_>, context: &Context, link: Option<&str>, runs: &mut Runs, depth: usize) {
    if depth >= MAX_RUN_DEPTH {
        // Whatever text is this deep is kept as plain text.
        let text: String =
            node.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect();
        runs.markdown.push_str(&escape(&text));
        runs.plain.push_str(&text);
        return;
    }
    for child_node in node.children().filter(Node::is_element) {
        let name = child_node.tag_name().name();
        if child_node.tag_name().namespace() != Some(W) {
            continue;
        }
        match name {
            "r" => run(child_node, link, runs),
            "hyperlink" => {
                let target = child_node
                    .attribute((R, "id"))
                    .and_then(|id| context.links.get(id))
                    .map(String::as_str)
                    .filter(|target| is_kept_link(target));
                collect_runs_at(child_node, context, target.or(link), runs, depth + 1);
            }
            "del" | "pPr" | "moveFrom" => {}
            _ => collect_runs_at(child_node, context, link, runs, depth + 1),
        }
    }
}

/// One `<w:r>`: its text with its emphasis.
fn run(node: Node<'_, '_>, link: Option<&str>, runs: &mut Runs) {
    let properties = child(node, "rPr");
    let on = |name: &str| {
        properties
            .and_then(|p| child(p, name))
            .is_some_and(|flag| !matches!(attribute(flag, "val"), Some("0" | "false" | "none")))
    };
    let (bold, italic) = (on("b"), on("i"));
    let mut text = String::new();
    for part in node.children().filter(Node::is_element) {
        match part.tag_name().name() {
            "t" => text.push_str(part.text().unwrap_or_default()),
            "tab" | "br" | "cr" => text.push(' '),
            "noBreakHyphen" => text.push('-'),
            _ => {}
        }
    }
    if text.trim().is_empty() {
        runs.markdown.push_str(&text);
        runs.plain.push_str(&text);
        return;
    }
    runs.all_bold = if runs.any_text { runs.all_bold && bold } else { bold };
    runs.any_text = true;
    runs.plain.push_str(&text);
    // Markers go inside the spaces: "** word**" is not emphasis in Markdown.
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let mut inner = escape(text.trim());
    if italic {
        inner = format!("_{inner}_");
    }
    if bold {
        inner = format!("**{inner}**");
    }
    if let Some(target) = link {
        inner = format!("[{inner}{}", link_target(target));
    }
    runs.markdown.push_str(lead);
    runs.markdown.push_str(&inner);
    runs.markdown.push_str(trail);
}
