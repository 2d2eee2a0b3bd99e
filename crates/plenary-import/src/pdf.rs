//! PDF files, as conference sites publish them: the text of each page read from its content
//! stream with `lopdf` (decompression bounded against bombs), placed line by line, and split into
//! headings and paragraphs by type size and weight, since a PDF keeps no document structure.
//!
//! Scanned PDFs (images without text) have no words to import and are refused as empty; encrypted
//! ones are refused with that reason.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object};

use crate::blocks::{self, Block, collapse_spaces};
use crate::text;

/// The most any one stream (a page's content, a font's character map) may unpack to.
const MAX_STREAM_BYTES: usize = 32 * 1024 * 1024;
/// Pages read at most: a statement is a few pages.
const MAX_PAGES: usize = 500;
/// Text-showing operations read at most over the whole file.
const MAX_RUNS: usize = 200_000;

/// A PDF's title (from its document information) and blocks; the error says what is wrong.
pub(crate) fn read(bytes: &[u8]) -> Result<(Option<String>, Vec<Block>), String> {
    let options = LoadOptions { max_decompressed_size: Some(MAX_STREAM_BYTES), ..LoadOptions::default() };
    let document = Document::load_mem_with_options(bytes, options)
        .map_err(|error| format!("not a readable PDF file: {error}"))?;
    if document.is_encrypted() {
        return Err(
            "the PDF is encrypted (password-protected); save an unprotected copy and import that".to_owned()
        );
    }
    let pages = document.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(format!("the PDF has {} pages; a statement has far fewer", pages.len()));
    }
    let mut lines = Vec::new();
    let mut runs = 0;
    let mut targets = Vec::new();
    for (number, page) in pages.values().enumerate() {
        let page_lines = page_lines(&document, *page, &mut runs, &mut targets)
            .map_err(|error| format!("page {} cannot be read: {error}", number + 1))?;
        lines.extend(drop_page_numbers(page_lines, number));
    }
    Ok((title(&document), blocks(&lines, &targets)))
}

/// The title in the document information, if it has a useful one.
fn title(document: &Document) -> Option<String> {
    let info = document.trailer.get(b"Info").ok()?;
    let (_, info) = document.dereference(info).ok()?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let title = collapse_spaces(&lopdf::decode_text_string(title).ok()?);
    // Word and LaTeX leave file names and "Untitled" here.
    let useless = title.is_empty()
        || title.eq_ignore_ascii_case("untitled")
        || [".doc", ".docx", ".pdf", ".tex", ".odt"].iter().any(|ext| title.to_lowercase().ends_with(ext));
    (!useless).then_some(title)
}

/// A line of text as the page shows it.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    /// The type size, in points as printed (the largest on the line).
    size: f32,
    /// Whether every run on the line is set in a bold face.
    bold: bool,
    /// Which page, and how far down it (points from the top of the text, growing downwards).
    page: usize,
    y: f32,
}

/// A font as the text operators need it: how to decode its strings and how wide its glyphs are.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Two-byte character codes (Type0 fonts) rather than one.
    two_byte: bool,
    widths: BTreeMap<u32, f32>,
    default_width: f32,
    bold: bool,
    italic: bool,
}

/// What a font the page does not define is read as.
const UNKNOWN_FONT: Font<'static> = Font {
    encoding: None,
    two_byte: false,
    widths: BTreeMap::new(),
    default_width: 500.0,
    bold: false,
    italic: false,
};

/// A run of text shown by one operator, where it starts and (roughly) ends.
struct Run {
    text: String,
    x: f32,
    end_x: f32,
    y: f32,
    size: f32,
    bold: bool,
    italic: bool,
}

/// Reads one page's text into lines, in the order the page draws them.
fn page_lines(
    document: &Document,
    page: lopdf::ObjectId,
    runs: &mut usize,
    targets: &mut Vec<String>,
) -> Result<Vec<Line>, String> {
    let fonts: BTreeMap<Vec<u8>, Font<'_>> = document
        .get_page_fonts(page)
        .map_err(|error| error.to_string())?
        .into_iter()
        .map(|(name, dictionary)| (name, font(document, dictionary)))
        .collect();
    let content =
        document.get_page_content_with_limit(page, MAX_STREAM_BYTES).map_err(|error| error.to_string())?;
    let content = Content::decode(&content).map_err(|error| error.to_string())?;
    let links = links(document, page, targets);

    let unknown = UNKNOWN_FONT;
    let mut state = TextState::default();
    let mut shown: Vec<Run> = Vec::new();
    for operation in &content.operations {
        let operands = &operation.operands;
        let number = |index: usize| operands.get(index).and_then(|o| o.as_float().ok()).unwrap_or(0.0);
        match operation.operator.as_str() {
            "q" => state.saved.push(state.ctm),
            "Q" => state.ctm = state.saved.pop().unwrap_or(IDENTITY),
            "cm" => {
                state.ctm =
                    multiply([number(0), number(1), number(2), number(3), number(4), number(5)], state.ctm)
            }
            "BT" => {
                state.tm = IDENTITY;
                state.tlm = IDENTITY;
            }
            "Tf" => {
                state.font = operands.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                state.size = number(1);
            }
            "TL" => state.leading = number(0),
            "Tc" => state.char_spacing = number(0),
            "Tw" => state.word_spacing = number(0),
            "Tz" => state.scale = number(0) / 100.0,
            "Td" => state.next_line(number(0), number(1)),
            "TD" => {
                state.leading = -number(1);
                state.next_line(number(0), number(1));
            }
            "Tm" => {
                state.tlm = [number(0), number(1), number(2), number(3), number(4), number(5)];
                state.tm = state.tlm;
            }
            "T*" => state.next_line(0.0, -state.leading),
            "Tj" | "'" | "\"" | "TJ" => {
                if operation.operator == "'" || operation.operator == "\"" {
                    state.next_line(0.0, -state.leading);
                }
                *runs += 1;
                if *runs > MAX_RUNS {
                    return Err("it shows more text than any statement holds".to_owned());
                }
                // A font the page does not define still shows its text: read as single bytes.
                let font = state.font.as_ref().and_then(|name| fonts.get(name)).unwrap_or(&unknown);
                let strings: Vec<&Object> = match operation.operator.as_str() {
                    "TJ" => operands
                        .first()
                        .and_then(|o| o.as_array().ok())
                        .map(|a| a.iter().collect())
                        .unwrap_or_default(),
                    "\"" => operands.get(2).into_iter().collect(),
                    _ => operands.first().into_iter().collect(),
                };
                if let Some(run) = state.show(font, &strings) {
                    shown.push(run);
                }
            }
            _ => {}
        }
    }
    Ok(lines_of(shown, &links))
}

/// A web link on the page: the area it covers and which of the document's targets it goes to.
struct Link {
    area: [f32; 4],
    target: usize,
}

/// The page's link annotations to http(s) and mailto addresses; their targets (as the end of a
/// Markdown link, `](…)`) are added to `targets`.
fn links(document: &Document, page: lopdf::ObjectId, targets: &mut Vec<String>) -> Vec<Link> {
    let Ok(annotations) = document.get_page_annotations(page) else { return Vec::new() };
    annotations
        .into_iter()
        .take(1_000)
        .filter_map(|annotation| {
            let action =
                annotation.get(b"A").ok().and_then(|a| document.dereference(a).ok())?.1.as_dict().ok()?;
            let uri = action.get(b"URI").ok()?.as_str().ok()?;
            let target = String::from_utf8_lossy(uri).trim().to_owned();
            let corners: Vec<f32> = annotation
                .get(b"Rect")
                .ok()?
                .as_array()
                .ok()?
                .iter()
                .filter_map(|n| n.as_float().ok())
                .collect();
            let [x1, y1, x2, y2] = corners[..] else { return None };
            if !blocks::is_kept_link(&target) || targets.len() >= MAX_LINKS {
                return None;
            }
            targets.push(blocks::link_target(&target));
            Some(Link { area: [x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2)], target: targets.len() - 1 })
        })
        .collect()
}

// Markup decided while lines are built, written as private-use characters that Markdown
// escaping leaves alone and turned into Markdown once the paragraph is escaped.
const BOLD: char = '\u{E000}';
const ITALIC: char = '\u{E001}';
const LINK_OPEN: char = '\u{E002}';
/// Ends a link; the next character names its target (see [`target_mark`]).
const LINK_CLOSE: char = '\u{E003}';
/// Links kept per document (their targets are numbered by characters of plane 15).
const MAX_LINKS: usize = 60_000;

/// Whether `c` is one of the characters [`lines_of`] marks up with.
fn is_markup(c: char) -> bool {
    matches!(c, BOLD | ITALIC | LINK_OPEN | LINK_CLOSE) || ('\u{F0000}'..='\u{FFFFF}').contains(&c)
}

/// The character after [`LINK_CLOSE`] that names target `index`.
fn target_mark(index: usize) -> char {
    u32::try_from(index).ok().and_then(|index| char::from_u32(0xF0000 + index)).unwrap_or('\u{F0000}')
}

/// Turns the markers of [`lines_of`] into Markdown (bold, italic, links) after escaping.
fn markup(text: &str, targets: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            BOLD => out.push_str("**"),
            ITALIC => out.push('_'),
            LINK_OPEN => out.push('['),
            LINK_CLOSE => {
                let index = chars
                    .next()
                    .and_then(|mark| u32::from(mark).checked_sub(0xF0000))
                    .map_or(usize::MAX, |i| i as usize);
                out.push_str(targets.get(index).map_or("]()", String::as_str));
            }
            other => out.push(other),
        }
    }
    out
}

/// The line's words without markers (headings are plain text).
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            LINK_CLOSE => {
                chars.next();
            }
            BOLD | ITALIC | LINK_OPEN => {}
            other => out.push(other),
        }
    }
    out
}

/// `text` wrapped in `marker` around its words (Markdown emphasis may not start inside spaces).
fn wrap(text: &str, open: &str, close: &str) -> String {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    if start >= end {
        return text.to_owned();
    }
    format!("{}{open}{}{close}{}", &text[..start], &text[start..end], &text[end..])
}

const IDENTITY: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` for PDF's 3×3 matrices written as six numbers.
fn multiply(a: [f32; 6], b: [f32; 6]) -> [f32; 6] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// The text state of PDF 32000-1 §9.3, with the graphics state's matrix.
struct TextState {
    ctm: [f32; 6],
    saved: Vec<[f32; 6]>,
    tm: [f32; 6],
    tlm: [f32; 6],
    font: Option<Vec<u8>>,
    size: f32,
    leading: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            ctm: IDENTITY,
            saved: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            font: None,
            size: 0.0,
            leading: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
        }
    }
}

impl TextState {
    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = multiply([1.0, 0.0, 0.0, 1.0, tx, ty], self.tlm);
        self.tm = self.tlm;
    }

    /// Decodes the strings of one operator and advances the text matrix past them; a large gap
    /// inside a `TJ` array is a space between words.
    fn show(&mut self, font: &Font<'_>, parts: &[&Object]) -> Option<Run> {
        let start = multiply(self.tm, self.ctm);
        let size = (self.size * (start[2] * start[2] + start[3] * start[3]).sqrt()).abs();
        let mut text = String::new();
        for part in parts {
            match part {
                Object::String(bytes, _) => {
                    match font.encoding.as_ref().map(|encoding| Document::decode_text(encoding, bytes)) {
                        Some(Ok(decoded)) => text.push_str(&decoded),
                        // No usable encoding: the bytes as Latin-1, so that words are not lost.
                        _ if !font.two_byte => text.extend(bytes.iter().map(|&byte| char::from(byte))),
                        _ => {}
                    }
                    let advance = self.advance(font, bytes);
                    self.tm = multiply([1.0, 0.0, 0.0, 1.0, advance, 0.0], self.tm);
                }
                Object::Integer(_) | Object::Real(_) => {
                    let adjustment = part.as_float().unwrap_or(0.0);
                    // Negative numbers move right; kerning moves a few hundredths of an em, a
                    // word space at least a sixth.
                    if adjustment < -160.0 && !text.ends_with(' ') {
                        text.push(' ');
                    }
                    let advance = -adjustment / 1000.0 * self.size * self.scale;
                    self.tm = multiply([1.0, 0.0, 0.0, 1.0, advance, 0.0], self.tm);
                }
                _ => {}
            }
        }
        let end = multiply(self.tm, self.ctm);
        // Control characters go, and so do the characters this reader marks up with, should the
        // PDF itself contain them.
        let text: String = text.chars().filter(|&c| (!c.is_control() || c == ' ') && !is_markup(c)).collect();
        (!text.trim().is_empty() && size > 0.0).then_some(Run {
            text,
            x: start[4],
            end_x: end[4],
            y: start[5],
            size,
            bold: font.bold,
            italic: font.italic,
        })
    }

    /// How far a string moves the text position, in text space units.
    fn advance(&self, font: &Font<'_>, bytes: &[u8]) -> f32 {
        let codes: Vec<u32> = if font.two_byte {
            bytes
                .chunks(2)
                .map(|pair| pair.iter().fold(0_u32, |code, byte| code << 8 | u32::from(*byte)))
                .collect()
        } else {
            bytes.iter().map(|byte| u32::from(*byte)).collect()
        };
        codes
            .iter()
            .map(|code| {
                let width = font.widths.get(code).copied().unwrap_or(font.default_width) / 1000.0;
                let space = if !font.two_byte && *code == 32 { self.word_spacing } else { 0.0 };
                (width * self.size + self.char_spacing + space) * self.scale
            })
            .sum()
    }
}

/// A font dictionary's encoding, glyph widths and weight.
fn font<'a>(document: &'a Document, dictionary: &'a Dictionary) -> Font<'a> {
    let resolve = |object: &'a Object| document.dereference(object).map(|(_, object)| object).ok();
    let name = |dictionary: &Dictionary, key: &[u8]| {
        dictionary
            .get(key)
            .ok()
            .and_then(|object| object.as_name().ok())
            .map(|name| String::from_utf8_lossy(name).into_owned())
    };
    let base = name(dictionary, b"BaseFont").unwrap_or_default().to_lowercase();
    let two_byte = name(dictionary, b"Subtype").as_deref() == Some("Type0");
    let mut widths = BTreeMap::new();
    let mut default_width = if two_byte { 1000.0 } else { 500.0 };
    if two_byte {
        let descendant = dictionary
            .get(b"DescendantFonts")
            .ok()
            .and_then(resolve)
            .and_then(|fonts| fonts.as_array().ok())
            .and_then(|fonts| fonts.first())
            .and_then(resolve)
            .and_then(|font| font.as_dict().ok());
        if let Some(descendant) = descendant {
            if let Some(width) = descendant.get(b"DW").ok().and_then(|w| w.as_float().ok()) {
                default_width = width;
            }
            if let Some(list) = descendant.get(b"W").ok().and_then(resolve).and_then(|w| w.as_array().ok()) {
                cid_widths(list, &resolve, &mut widths);
            }
        }
    } else {
        let first = dictionary.get(b"FirstChar").ok().and_then(|f| f.as_i64().ok()).unwrap_or(0);
        if let Some(list) = dictionary.get(b"Widths").ok().and_then(resolve).and_then(|w| w.as_array().ok()) {
            for (offset, width) in list.iter().enumerate().take(256) {
                if let (Ok(code), Some(width)) =
                    (u32::try_from(first + offset as i64), resolve(width).and_then(|w| w.as_float().ok()))
                {
                    widths.insert(code, width);
                }
            }
        }
    }
    let weight = dictionary
        .get(b"FontDescriptor")
        .ok()
        .and_then(resolve)
        .and_then(|descriptor| descriptor.as_dict().ok())
        .and_then(|descriptor| descriptor.get(b"FontWeight").ok())
        .and_then(|weight| weight.as_float().ok())
        .unwrap_or(400.0);
    let bold = weight >= 600.0
        || ["bold", "black", "heavy", "semibold", "demi"].iter().any(|word| base.contains(word));
    let italic = base.contains("italic") || base.contains("oblique");
    Font {
        encoding: dictionary.get_font_encoding_with_limit(document, MAX_STREAM_BYTES).ok(),
        two_byte,
        widths,
        default_width,
        bold,
        italic,
    }
}

/// A CID font's `W` array: `c [w1 w2 …]` (widths from code c on) or `c1 c2 w` (one width for a
/// range). Ranges are capped so that a hostile array cannot fill the memory.
fn cid_widths<'a>(
    list: &'a [Object],
    resolve: &impl Fn(&'a Object) -> Option<&'a Object>,
    widths: &mut BTreeMap<u32, f32>,
) {
    let mut index = 0;
    while index + 1 < list.len() && widths.len() < 70_000 {
        let Some(first) =
            resolve(&list[index]).and_then(|o| o.as_i64().ok()).and_then(|c| u32::try_from(c).ok())
        else {
            return;
        };
        match resolve(&list[index + 1]) {
            Some(Object::Array(each)) => {
                for (offset, width) in each.iter().enumerate().take(70_000) {
                    if let Some(width) = resolve(width).and_then(|w| w.as_float().ok()) {
                        widths.insert(first.saturating_add(offset as u32), width);
                    }
                }
                index += 2;
            }
            Some(last) => {
                let (Ok(last), Some(width)) =
                    (last.as_i64(), list.get(index + 2).and_then(resolve).and_then(|w| w.as_float().ok()))
                else {
                    return;
                };
                let last = u32::try_from(last).unwrap_or(first).min(first.saturating_add(70_000));
                for code in first..=last {
                    widths.insert(code, width);
                }
                index += 3;
            }
            None => return,
        }
    }
}

/// Runs on the same baseline (in the order drawn) become one line; a gap between two runs wider
/// than an eighth of the type size (a word space shrunk in a justified line is still wider) is a
/// space. Bold and italic runs inside lighter text, and runs under a link, are marked for
/// [`markup`].
fn lines_of(runs: Vec<Run>, links: &[Link]) -> Vec<Line> {
    struct Building {
        line: Line,
        end_x: f32,
        /// The link the last run was under.
        link: Option<usize>,
    }
    let link_at = |run: &Run| {
        let (x, y) = ((run.x + run.end_x) / 2.0, run.y + run.size * 0.3);
        links
            .iter()
            .position(|link| x >= link.area[0] && x <= link.area[2] && y >= link.area[1] && y <= link.area[3])
    };
    let close = |building: &mut Building| {
        if let Some(link) = building.link.take() {
            building.line.text.push(LINK_CLOSE);
            building.line.text.push(target_mark(links[link].target));
        }
    };
    let mut lines: Vec<Building> = Vec::new();
    for run in runs {
        let link = link_at(&run);
        let mut text = run.text.clone();
        if run.italic {
            text = wrap(&text, &ITALIC.to_string(), &ITALIC.to_string());
        }
        if run.bold {
            text = wrap(&text, &BOLD.to_string(), &BOLD.to_string());
        }
        if let Some(building) = lines.last_mut()
            && (building.line.y - run.y).abs() < run.size.max(building.line.size) * 0.4
        {
            let gap = run.x - building.end_x;
            let space =
                gap > run.size * 0.12 && !building.line.text.ends_with(' ') && !run.text.starts_with(' ');
            if building.link != link {
                close(building);
            }
            if space {
                building.line.text.push(' ');
            }
            if link.is_some() && building.link != link {
                building.line.text.push(LINK_OPEN);
            }
            building.link = link;
            building.line.text.push_str(&text);
            building.line.size = building.line.size.max(run.size);
            building.line.bold &= run.bold;
            building.end_x = run.end_x;
            continue;
        }
        if let Some(previous) = lines.last_mut() {
            close(previous);
        }
        let opening = if link.is_some() { LINK_OPEN.to_string() } else { String::new() };
        let line =
            Line { text: format!("{opening}{text}"), size: run.size, bold: run.bold, page: 0, y: run.y };
        lines.push(Building { line, end_x: run.end_x, link });
    }
    if let Some(last) = lines.last_mut() {
        close(last);
    }
    lines
        .into_iter()
        .map(|building| {
            let mut line = building.line;
            // A line all in bold is marked by its weight, not by asterisks.
            if line.bold {
                line.text = line.text.replace(BOLD, "");
            }
            line.text = collapse_spaces(&line.text)
                .replace(&format!("{BOLD}{BOLD}"), "")
                .replace(&format!("{ITALIC}{ITALIC}"), "");
            // Page space grows upwards; reading order downwards.
            line.y = -line.y;
            line
        })
        .filter(|line| !plain(&line.text).trim().is_empty())
        .collect()
}

/// Marks each line with its page and drops a page number standing alone at the top or bottom.
fn drop_page_numbers(lines: Vec<Line>, page: usize) -> Vec<Line> {
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .filter(|(index, line)| {
            let at_edge = *index == 0 || *index + 1 == count;
            let text = plain(&line.text);
            let number = text.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
            let page_number =
                !number.is_empty() && number.len() <= 4 && number.chars().all(|c| c.is_ascii_digit())
                    || number.to_lowercase().starts_with("page ") && number.split_whitespace().count() <= 4;
            !(at_edge && page_number && count > 1)
        })
        .map(|(_, mut line)| {
            line.page = page;
            line
        })
        .collect()
}

/// Lines into blocks: larger type is a heading (the largest sizes the highest levels), as is a
/// short bold line over lighter text; a wider gap than between a paragraph's lines starts a new
/// paragraph, whose lines go through the plain-text reader (hyphenation, bullets, numbering).
fn blocks(lines: &[Line], targets: &[String]) -> Vec<Block> {
    let Some(body) = body_size(lines) else { return Vec::new() };
    let mut heading_sizes: Vec<f32> =
        lines.iter().map(|line| line.size).filter(|&size| size > body * 1.12).collect();
    heading_sizes.sort_by(|a, b| b.total_cmp(a));
    heading_sizes.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let gap = usual_gap(lines, body);

    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            let from = out.len();
            text::paragraph_blocks(paragraph, out);
            for block in &mut out[from..] {
                if let Block::Paragraph(text) | Block::Quote(text) | Block::Item { text, .. } = block {
                    *text = markup(text, targets);
                }
            }
            paragraph.clear();
        }
    };
    for (index, line) in lines.iter().enumerate() {
        let next = lines.get(index + 1);
        let larger = heading_sizes.iter().position(|&size| (size - line.size).abs() < 0.5);
        let bold_heading =
            line.bold && text::looks_like_heading(&line.text) && next.is_some_and(|next| !next.bold);
        if let Some(rank) = larger.or(bold_heading.then_some(heading_sizes.len())) {
            flush(&mut paragraph, &mut out);
            let level = u8::try_from(rank + 1).unwrap_or(6).min(6);
            // A heading set over two lines is one heading.
            if let Some(Block::Heading { level: previous, text }) = out.last_mut()
                && *previous == level
                && index > 0
                && lines[index - 1].size == line.size
                && line.y - lines[index - 1].y < line.size * 1.6
            {
                text.push(' ');
                text.push_str(&plain(&line.text));
                continue;
            }
            out.push(Block::Heading { level, text: plain(&line.text) });
            continue;
        }
        let new_paragraph = index > 0 && {
            let previous = &lines[index - 1];
            previous.page != line.page || line.y - previous.y > gap * 1.4 || previous.size != line.size
        };
        if new_paragraph {
            flush(&mut paragraph, &mut out);
        }
        paragraph.push(&line.text);
    }
    flush(&mut paragraph, &mut out);
    out
}

/// The type size most of the text is set in (by characters).
fn body_size(lines: &[Line]) -> Option<f32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for line in lines {
        *counts.entry((line.size * 2.0).round() as i32).or_default() += plain(&line.text).chars().count();
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map(|(size, _)| size as f32 / 2.0)
}

/// The usual distance between consecutive lines of body text on a page.
fn usual_gap(lines: &[Line], body: f32) -> f32 {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .filter(|pair| {
            pair[0].page == pair[1].page
                && (pair[0].size - body).abs() < 0.5
                && (pair[1].size - body).abs() < 0.5
        })
        .map(|pair| pair[1].y - pair[0].y)
        .filter(|gap| *gap > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 4).copied().unwrap_or(body * 1.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_markdown_and_a_stray_marker_is_harmless() {
        let targets = vec![blocks::link_target("https://example.org/a b")];
        let marked = format!(
            "Read {LINK_OPEN}{ITALIC}our report{ITALIC}{LINK_CLOSE}{}, {BOLD}now{BOLD}.",
            target_mark(0)
        );
        assert_eq!(markup(&marked, &targets), "Read [_our report_](https://example.org/a%20b), **now**.");
        assert_eq!(plain(&marked), "Read our report, now.");
        // A marker with no target after it (never made by the reader) does not panic.
        assert_eq!(markup(&format!("a{LINK_CLOSE}b"), &targets), "a]()");
        assert!(is_markup(BOLD) && is_markup(target_mark(5)) && !is_markup('é'));
    }
}
