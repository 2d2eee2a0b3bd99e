//! The PDF export: Plenary's own layout of the same statement and style the HTML uses, written
//! with `printpdf` (fonts embedded as subsets, ToUnicode maps for copying) and finished with
//! `lopdf` (a nested outline pointing at the headings, the document language).

mod breaking;
mod fonts;
mod hyphen;
mod lines;
mod outline;
mod pages;

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Color, DictItem, FontId, Line as PdfLine, LinePoint, LinkAnnotation, Mm, Op,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage, Rect, Rgb, TextItem,
    TextMatrix, XObjectTransform,
};

use crate::html::footer_text;
use crate::templates::Template;
use crate::{Document, RenderError};
use unicode_segmentation::UnicodeSegmentation;

use fonts::{FaceId, measure};
use lines::{Placed, SetBlock, set_block};
use pages::{Frame, Page, Row, paginate, paginate_rows};
use plenary_core::assembly::AssembledStatement;

const MM: f32 = 72.0 / 25.4;

/// Longer statements are refused with a clear error rather than laid out for minutes: this is
/// some 600 pages, a hundred times a conference statement.
pub const MAX_PDF_WORDS: usize = 200_000;

/// Renders `document` as a PDF laid out with `template`'s style.
pub fn render_pdf(template: &Template, document: &Document<'_>) -> Result<Vec<u8>, RenderError> {
    let style = &template.style;
    render_laid_out(template, document, |column, frame| {
        let set: Vec<_> = crate::blocks::blocks(document.statement)
            .iter()
            .map(|block| set_block(block, style, column))
            .collect();
        paginate(&set, frame)
    })
}

/// Space between the two columns of a parallel PDF, in points.
const GUTTER: f32 = 18.0;

/// Renders `document` beside its translation in two columns: the title and event across the
/// page, then each item on the left with its translation on the right, both starting on the
/// same line; the signatories close across the page.
pub fn render_parallel_pdf(
    template: &Template,
    document: &Document<'_>,
    translation: &AssembledStatement,
) -> Result<Vec<u8>, RenderError> {
    let style = &template.style;
    if translation.word_count > MAX_PDF_WORDS {
        return Err(RenderError::TooLong { words: translation.word_count, limit: MAX_PDF_WORDS });
    }
    let statement = document.statement;
    render_laid_out(template, document, |column, frame| {
        let half = (column - GUTTER) / 2.0;
        let set = |blocks: Vec<crate::blocks::Block>, width: f32| -> Vec<SetBlock> {
            blocks.iter().map(|block| set_block(block, style, width)).collect()
        };
        let mut rows = vec![Row::Full(set(crate::blocks::head_blocks(statement), column))];
        for (index, item) in statement.items.iter().enumerate() {
            let left = set(crate::blocks::item_blocks(item), half);
            // The outline lists the statement's own headings, not their translations.
            let mut right: Vec<SetBlock> = translation
                .items
                .get(index)
                .map(|other| set(crate::blocks::item_blocks(other), half))
                .unwrap_or_default();
            right.iter_mut().for_each(|block| block.outline = None);
            rows.push(Row::Pair(left, right));
        }
        rows.push(Row::Full(set(crate::blocks::signatory_blocks(statement), column)));
        paginate_rows(&rows, frame, frame.left + half + GUTTER)
    })
}

/// Everything around the text: fonts, letterhead, footer, metadata, outline and the file; the
/// text itself is laid out by `layout` from the text width and the page frame.
fn render_laid_out(
    template: &Template,
    document: &Document<'_>,
    layout: impl FnOnce(f32, Frame) -> Vec<Page>,
) -> Result<Vec<u8>, RenderError> {
    let style = &template.style;
    let statement = document.statement;
    if statement.word_count > MAX_PDF_WORDS {
        return Err(RenderError::TooLong { words: statement.word_count, limit: MAX_PDF_WORDS });
    }
    let (width_mm, height_mm) = style.page_size.millimetres();
    let (page_width, page_height) = (width_mm * MM, height_mm * MM);
    let (left, right) = (style.margin_left_mm * MM, style.margin_right_mm * MM);
    let (top, bottom) = (style.margin_top_mm * MM, style.margin_bottom_mm * MM);
    let column = page_width - left - right;

    let letterhead = style.letterhead.then(|| Letterhead::new(document, style));
    let letterhead_height = letterhead.as_ref().map_or(0.0, |l| l.height);
    let frame =
        Frame { left, first_top: page_height - top - letterhead_height, top: page_height - top, bottom };
    let pages = layout(column, frame);

    let mut doc = PdfDocument::new(&statement.title);
    let mut font_ids: BTreeMap<FaceId, FontId> = BTreeMap::new();
    // printpdf names fonts and images from a sequence that runs for the whole process, so a
    // second render in the same process (the app exports many times) would name them otherwise
    // and write them in another order. They get fixed names instead: same input, same bytes.
    for (index, face) in FaceId::ALL.into_iter().enumerate() {
        if let Some(parsed) = face.parsed() {
            let drawn = doc.add_font(parsed);
            // printpdf writes the id as the subset tag before the font's name, which PDF wants
            // as six capital letters ("PLENAA+NotoSerif-Regular").
            let tag = char::from(b'A' + u8::try_from(index).unwrap_or(0));
            let named = FontId(format!("PLENA{tag}"));
            if let Some(font) = doc.resources.fonts.map.remove(&drawn) {
                doc.resources.fonts.map.insert(named.clone(), font);
            }
            font_ids.insert(face, named);
        }
    }
    let logo = letterhead.as_ref().and_then(|l| l.logo_png.as_ref()).and_then(|png| {
        let mut warnings = Vec::new();
        RawImage::decode_from_bytes(png, &mut warnings).ok().map(|image| {
            let (w, h) = (image.width as f32, image.height as f32);
            let added = doc.add_image(&image);
            let named = printpdf::XObjectId("Logo".to_owned());
            if let Some(xobject) = doc.resources.xobjects.map.remove(&added) {
                doc.resources.xobjects.map.insert(named.clone(), xobject);
            }
            (named, w, h)
        })
    });

    let footer = footer_text(template, document)?;
    let labels = crate::locale::labels(statement.lang.as_str());
    let total = pages.len();
    let mut pdf_pages = Vec::with_capacity(total);
    for (index, page) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        if index == 0
            && let Some(letterhead) = &letterhead
        {
            letterhead.draw(&mut ops, &font_ids, logo.as_ref(), left, page_height - top, column, style);
        }
        draw_page_text(&mut ops, page, &font_ids);
        let number = format!("{} {} {} {}", labels.page, index + 1, labels.of, total);
        draw_footer(&mut ops, &font_ids, &footer, &number, left, column, bottom, style);
        pdf_pages.push(PdfPage::new(Mm(width_mm), Mm(height_mm), ops));
    }
    doc.with_pages(pdf_pages);

    let info = &mut doc.metadata.info;
    info.document_title = statement.title.clone();
    info.author = document.organisation.name.clone();
    info.subject = statement.event.as_ref().map(|event| event.display_name()).unwrap_or_default();
    info.creator = "Plenary".to_owned();
    info.producer = format!("Plenary {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.keywords = statement.event.iter().map(|event| event.name.clone()).collect();
    // The day of the export, not the second: the same statement exported twice on one day, by
    // the app or by `plenary`, is the same file (and has the same SHA-256 in the export log).
    let made = pdf_date(statement.assembled_on)?;
    (info.creation_date, info.modification_date, info.metadata_date) = (made, made, made);

    let mut warnings = Vec::new();
    let options = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    let mut lopdf_document = doc.to_lopdf_document(&options, &mut warnings);
    outline::finish(&mut lopdf_document, &pages, statement.lang.as_str(), page_height);
    // printpdf leaves page contents uncompressed; they are most of the file.
    for object in lopdf_document.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object
            && !stream.dict.has(b"Filter")
        {
            deflate(stream);
        }
    }
    identify_by_content(&mut lopdf_document)
}

/// Compresses a stream with Flate at zlib's fastest level. lopdf's own `compress` asks for the
/// best, whose match search took a fifth of every export; the fastest makes the six-page
/// benchmark statement 81 KB instead of 60 KB, far below the 200 KB a statement may take.
fn deflate(stream: &mut lopdf::Stream) {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let compressed = encoder.write_all(&stream.content).and_then(|()| encoder.finish());
    // A stream that cannot be compressed (an allocation failure) is written as it is.
    if let Ok(compressed) = compressed
        && compressed.len() + "/Filter/FlateDecode".len() < stream.content.len()
    {
        stream.dict.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
        stream.set_content(compressed);
    }
}

/// Sets the file identifier (the trailer's `/ID`, random in printpdf) to a digest of the file's
/// content, as the PDF specification suggests, and returns the file's bytes.
fn identify_by_content(document: &mut lopdf::Document) -> Result<Vec<u8>, RenderError> {
    use sha2::{Digest, Sha256};
    // The file is written once with a placeholder identifier, digested, and the digest written
    // over the placeholder (the same length): writing the whole file twice took a tenth of it.
    let placeholder = lopdf::Object::String(vec![0; 16], lopdf::StringFormat::Hexadecimal);
    document.trailer.set("ID", lopdf::Object::Array(vec![placeholder.clone(), placeholder]));
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .map_err(|error| RenderError::Encode { format: "PDF", message: error.to_string() })?;
    let digest = Sha256::digest(&bytes);
    let written: String = digest[..16].iter().map(|byte| format!("{byte:02X}")).collect();
    let zeros = format!("<{}>", "0".repeat(32));
    // The trailer comes last: the two placeholders are the last two such strings in the file.
    let mut end = bytes.len();
    for _ in 0..2 {
        let at = bytes[..end]
            .windows(zeros.len())
            .rposition(|window| window == zeros.as_bytes())
            .ok_or_else(|| RenderError::Encode {
                format: "PDF",
                message: "the file identifier was not written".to_owned(),
            })?;
        bytes[at + 1..at + 33].copy_from_slice(written.as_bytes());
        end = at;
    }
    Ok(bytes)
}

/// Midnight UTC at the start of `day`, as printpdf writes dates.
fn pdf_date(day: jiff::civil::Date) -> Result<printpdf::OffsetDateTime, RenderError> {
    let seconds = day
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|midnight| midnight.timestamp().as_second())
        .map_err(|error| RenderError::Encode { format: "PDF", message: error.to_string() })?;
    printpdf::OffsetDateTime::from_unix_timestamp(seconds)
        .map_err(|error| RenderError::Encode { format: "PDF", message: error.to_owned() })
}

fn rgb(colour: [f32; 3]) -> Color {
    Color::Rgb(Rgb { r: colour[0], g: colour[1], b: colour[2], icc_profile: None })
}

/// The TJ items for `text` in `face`: the text with the font's kerning between its characters.
fn kerned(face: FaceId, text: &str) -> Vec<TextItem> {
    let measured = measure(face, text);
    let mut items = Vec::new();
    let mut last = 0;
    for (at, adjustment) in measured.kerns {
        if at > last && at < text.len() {
            items.push(TextItem::Text(text[last..at].to_owned()));
            // TJ numbers are thousandths of an em, positive to the left.
            items.push(TextItem::Offset(-adjustment * 1000.0));
            last = at;
        }
    }
    items.push(TextItem::Text(text[last..].to_owned()));
    items
}

/// The font and colour a text section has set so far: PDF keeps both until they change, so a
/// word in the same face and colour as the one before sets neither again (a page of prose then
/// holds half the operators, and its export takes a good part less time).
#[derive(Default)]
struct TextState {
    font: Option<(FaceId, f32)>,
    colour: Option<[f32; 3]>,
}

fn show(
    ops: &mut Vec<Op>,
    state: &mut TextState,
    fonts: &BTreeMap<FaceId, FontId>,
    piece: &Placed,
    x: f32,
    baseline: f32,
) {
    let Some(font) = fonts.get(&piece.face) else { return };
    if state.font != Some((piece.face, piece.size)) {
        ops.push(Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(piece.size) });
        state.font = Some((piece.face, piece.size));
    }
    if state.colour != Some(piece.colour) {
        ops.push(Op::SetFillColor { col: rgb(piece.colour) });
        state.colour = Some(piece.colour);
    }
    ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x + piece.x), Pt(baseline)) });
    if let Some(actual) = &piece.actual {
        // Copying a hyphenated word gives the word: the first part stands for all of it.
        let mut utf16 = vec![0xfe, 0xff];
        utf16.extend(actual.encode_utf16().flat_map(u16::to_be_bytes));
        let properties = DictItem::Dict {
            map: [("ActualText".to_owned(), DictItem::String { data: utf16, literal: false })]
                .into_iter()
                .collect(),
        };
        ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".to_owned(), properties });
        ops.push(Op::ShowText { items: kerned(piece.face, &piece.text) });
        ops.push(Op::EndMarkedContentWithProperties);
    } else {
        ops.push(Op::ShowText { items: kerned(piece.face, &piece.text) });
    }
}

/// A clickable area: (target, x, y, width, height) in points.
type LinkArea = (String, f32, f32, f32, f32);

/// The clickable area over a linked piece drawn at (`x`, `baseline`).
fn link_area(url: &str, piece: &Placed, x: f32, baseline: f32) -> LinkArea {
    (url.to_owned(), x + piece.x, baseline - piece.size * 0.25, piece.width, piece.size * 1.1)
}

/// Adds the link annotations (borderless) collected while drawing text.
fn annotate_links(ops: &mut Vec<Op>, links: Vec<LinkArea>) {
    for (url, x, y, width, height) in links {
        let rect = Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(width),
            height: Pt(height),
            mode: None,
            winding_order: None,
        };
        let border = Some(BorderArray::Solid([0.0, 0.0, 0.0]));
        ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(rect, Actions::Uri(url), border, None, None),
        });
    }
}

fn draw_page_text(ops: &mut Vec<Op>, page: &Page, fonts: &BTreeMap<FaceId, FontId>) {
    let mut links = Vec::new();
    ops.push(Op::StartTextSection);
    let mut state = TextState::default();
    for placed in &page.lines {
        if let Some(marker) = &placed.marker {
            show(ops, &mut state, fonts, marker, placed.x, placed.baseline);
        }
        for piece in &placed.line.pieces {
            show(ops, &mut state, fonts, piece, placed.x, placed.baseline);
            if let Some(url) = &piece.link {
                links.push(link_area(url, piece, placed.x, placed.baseline));
            }
        }
    }
    ops.push(Op::EndTextSection);
    annotate_links(ops, links);
}

/// `text` if it fits `room`, else its longest start that fits with an ellipsis. Letters are
/// measured once each (shortening a letter at a time and measuring again took seconds for a
/// long title, on every page).
fn fit_with_ellipsis(text: &str, face: FaceId, size: f32, room: f32) -> String {
    if measure(face, text).width * size <= room {
        return text.to_owned();
    }
    let mut width = measure(face, "…").width * size;
    let mut end = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        width += measure(face, grapheme).width * size;
        if width > room {
            break;
        }
        end = at + grapheme.len();
    }
    let mut cut = text[..end].trim_end().to_owned();
    // Kerning may make the whole a little wider than its letters: step back while it is.
    while !cut.is_empty() && measure(face, &format!("{cut}…")).width * size > room {
        cut.pop();
    }
    if cut.is_empty() { String::new() } else { cut + "…" }
}

#[allow(clippy::too_many_arguments)]
fn draw_footer(
    ops: &mut Vec<Op>,
    fonts: &BTreeMap<FaceId, FontId>,
    footer: &str,
    number: &str,
    left: f32,
    column: f32,
    bottom: f32,
    style: &crate::style::Style,
) {
    let face = FaceId::pick(style.heading_font, false, false);
    let size = style.footer_size();
    let baseline = bottom * 0.45;
    let grey = style.muted_rgb();
    let number_width = measure(face, number).width * size;
    // The footer text gives way to the page number.
    let room = column - number_width - size * 2.0;
    let text = fit_with_ellipsis(footer.trim(), face, size, room);
    let piece = |text: String, x: f32| Placed {
        x,
        width: 0.0,
        text,
        face,
        size,
        colour: grey,
        link: None,
        actual: None,
    };
    ops.push(Op::StartTextSection);
    let mut state = TextState::default();
    if !text.is_empty() {
        show(ops, &mut state, fonts, &piece(text, 0.0), left, baseline);
    }
    show(ops, &mut state, fonts, &piece(number.to_owned(), column - number_width), left, baseline);
    ops.push(Op::EndTextSection);
}

/// Draws an SVG logo into a PNG 300 pixels tall (about 480 dpi at the letterhead's 16 mm).
/// SVG text needs fonts this renderer does not load; logos are shapes. `None` if it does not parse.
fn rasterise_svg(svg: &[u8]) -> Option<Vec<u8>> {
    let options = resvg::usvg::Options::default();
    let tree = resvg::usvg::Tree::from_data(svg, &options).ok()?;
    let size = tree.size();
    let scale = 300.0 / size.height().max(1.0);
    let (width, height) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    if width == 0 || height == 0 || width > 4000 {
        return None;
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().ok()
}

/// The organisation block at the top of page 1.
struct Letterhead {
    name: Vec<Placed>,
    lines: Vec<Placed>,
    logo_png: Option<Vec<u8>>,
    height: f32,
}

impl Letterhead {
    fn new(document: &Document<'_>, style: &crate::style::Style) -> Letterhead {
        let organisation = document.organisation;
        let text = crate::furniture::LetterheadText::of(organisation);
        let name_face = FaceId::pick(style.heading_font, true, false);
        let line_face = FaceId::pick(style.heading_font, false, false);
        let (name_size, line_size) = (style.letterhead_name_size(), style.letterhead_line_size());
        let placed = |text: &str, face: FaceId, size: f32, colour: [f32; 3], link: Option<String>| Placed {
            x: 0.0,
            width: measure(face, text).width * size,
            text: text.to_owned(),
            face,
            size,
            colour,
            link,
            actual: None,
        };
        let name: Vec<Placed> = text
            .name
            .map(|name| placed(name, name_face, name_size, style.accent_rgb(), None))
            .into_iter()
            .collect();
        let mut lines: Vec<Placed> = text
            .address
            .iter()
            .map(|line| placed(line, line_face, line_size, style.muted_rgb(), None))
            .collect();
        if let Some(website) = text.website {
            lines.push(placed(website, line_face, line_size, style.accent_rgb(), Some(website.to_owned())));
        }
        let logo_png = organisation.logo.as_ref().and_then(|logo| match logo.format {
            plenary_core::organisation::LogoFormat::Png => Some(logo.bytes.clone()),
            plenary_core::organisation::LogoFormat::Svg => rasterise_svg(&logo.bytes),
        });
        let text_height = name.first().map_or(0.0, |n| n.size * 1.3) + lines.len() as f32 * line_size * 1.35;
        let logo_height = if logo_png.is_some() { 16.0 * MM } else { 0.0 };
        Letterhead { name, lines, logo_png, height: text_height.max(logo_height) + 9.0 * MM }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw(
        &self,
        ops: &mut Vec<Op>,
        fonts: &BTreeMap<FaceId, FontId>,
        logo: Option<&(printpdf::XObjectId, f32, f32)>,
        left: f32,
        top: f32,
        column: f32,
        style: &crate::style::Style,
    ) {
        let mut text_left = left;
        if let Some((id, width, height)) = logo {
            let target_height = 16.0 * MM;
            let scale = target_height / height.max(1.0);
            // Images are placed at 72 dpi here so that one pixel is one point before scaling.
            ops.push(Op::UseXobject {
                id: id.clone(),
                transform: XObjectTransform {
                    translate_x: Some(Pt(left)),
                    translate_y: Some(Pt(top - target_height)),
                    scale_x: Some(scale),
                    scale_y: Some(scale),
                    dpi: Some(72.0),
                    ..Default::default()
                },
            });
            text_left += width * scale + 5.0 * MM;
        }
        let mut baseline = top;
        let mut links = Vec::new();
        ops.push(Op::StartTextSection);
        let mut state = TextState::default();
        let leading =
            self.name.iter().map(|piece| (piece, 1.0)).chain(self.lines.iter().map(|piece| (piece, 1.35)));
        for (piece, factor) in leading {
            baseline -= piece.size * factor;
            show(ops, &mut state, fonts, piece, text_left, baseline);
            if let Some(url) = &piece.link {
                links.push(link_area(url, piece, text_left, baseline));
            }
        }
        ops.push(Op::EndTextSection);
        annotate_links(ops, links);
        let rule_y = top - self.height + 5.0 * MM;
        ops.push(Op::SetOutlineColor { col: rgb(style.accent_rgb()) });
        ops.push(Op::SetOutlineThickness { pt: Pt(1.2) });
        ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![
                    LinePoint { p: Point { x: Pt(left), y: Pt(rule_y) }, bezier: false },
                    LinePoint { p: Point { x: Pt(left + column), y: Pt(rule_y) }, bezier: false },
                ],
                is_closed: false,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_footer_is_cut_to_fit_with_an_ellipsis() {
        let face = FaceId::pick(crate::style::FontChoice::Sans, false, false);
        let long = "Declaración de la sociedad civil ".repeat(40) + &"W".repeat(400);
        let cut = fit_with_ellipsis(&long, face, 8.0, 300.0);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert!(measure(face, &cut).width * 8.0 <= 300.0);
        assert!(
            measure(face, &format!("{}W…", cut.trim_end_matches('…'))).width * 8.0 > 290.0,
            "it uses the room"
        );
        assert_eq!(fit_with_ellipsis("Short", face, 8.0, 300.0), "Short");
        // Sixteen ems at 8 pt do not fit 60 pt (though sixteen plus eight would).
        let cut = fit_with_ellipsis("Declaración de la sociedad civil", face, 8.0, 60.0);
        assert!(cut.ends_with('…') && measure(face, &cut).width * 8.0 <= 60.0, "{cut}");
        // The longest start that fits: one letter more would not.
        let cut = fit_with_ellipsis(&"W".repeat(100), face, 8.0, 100.0);
        let kept = cut.chars().filter(|c| *c == 'W').count();
        assert!(kept > 3, "{cut}");
        assert!(measure(face, &format!("{}…", "W".repeat(kept + 1))).width * 8.0 > 100.0, "{cut}");
        // Letter by letter, room for exactly twelve and the ellipsis, with a quarter point to spare.
        let letters = |text: &str| text.graphemes(true).map(|g| measure(face, g).width * 8.0).sum::<f32>();
        let room = letters(&format!("{}…", "W".repeat(12))) + 0.25;
        assert_eq!(fit_with_ellipsis(&"W".repeat(40), face, 8.0, room), format!("{}…", "W".repeat(12)));
        // Cut after a space, the space goes: no gap before the ellipsis.
        let room = letters("Declaración de …") + 0.1;
        assert_eq!(fit_with_ellipsis("Declaración de la sociedad civil", face, 8.0, room), "Declaración de…");
        // The font kerns "AJ" apart: measured whole, the start is wider than its letters.
        let cut = fit_with_ellipsis(&"AJ".repeat(100), face, 8.0, 100.0);
        assert!(cut.len() > 10 && measure(face, &cut).width * 8.0 <= 100.0, "{cut}");
        assert_eq!(fit_with_ellipsis("WWWW", face, 8.0, 1.0), "");
    }

    /// The pixel size of a PNG, from its header.
    fn png_size(png: &[u8]) -> (u32, u32) {
        let number = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        (number(16), number(20))
    }

    fn svg(width: u32, height: u32) -> Vec<u8> {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"><rect width="{width}" height="{height}" fill="navy"/></svg>"#
        )
        .into_bytes()
    }

    #[test]
    fn an_svg_logo_is_drawn_300_pixels_tall_and_no_wider_than_4000() {
        let png = rasterise_svg(&svg(120, 40)).expect("a logo");
        assert_eq!(png_size(&png), (900, 300));
        let png = rasterise_svg(&svg(40, 400)).expect("a tall logo");
        assert_eq!(png_size(&png), (30, 300));
        // A banner thirteen and a third times as wide as tall is the widest taken.
        let png = rasterise_svg(&svg(400, 30)).expect("the widest logo");
        assert_eq!(png_size(&png), (4000, 300));
        assert!(rasterise_svg(&svg(401, 30)).is_none(), "wider than 4000 pixels");
        assert!(rasterise_svg(b"<svg").is_none(), "not an SVG");
    }

    #[test]
    fn each_kern_inside_a_word_is_written_between_its_letters() {
        let face = FaceId::SerifRegular;
        let items = kerned(face, "AVATAR");
        let text: String = items
            .iter()
            .filter_map(|item| if let TextItem::Text(text) = item { Some(text.as_str()) } else { None })
            .collect();
        assert_eq!(text, "AVATAR", "the pieces join up to the word");
        let offsets: Vec<f32> = items
            .iter()
            .filter_map(|item| if let TextItem::Offset(by) = item { Some(*by) } else { None })
            .collect();
        let inside: Vec<f32> = measure(face, "AVATAR")
            .kerns
            .iter()
            .filter(|(at, _)| *at < "AVATAR".len())
            .map(|(_, adjustment)| -adjustment * 1000.0)
            .collect();
        assert!(inside.len() >= 3, "the font kerns A-V, V-A and A-T: {inside:?}");
        assert_eq!(offsets, inside);
        // TJ moves positive numbers to the left: the V tucks under the A.
        assert!(offsets[0] > 0.0, "{offsets:?}");
        assert_eq!(kerned(face, "mum").len(), 1, "a word with no kerning is one piece");
    }
}
