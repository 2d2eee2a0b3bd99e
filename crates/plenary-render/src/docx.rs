//! The DOCX export, for partners who edit in Word: the same blocks as the PDF, as Word styles
//! (Title, Subtitle, Heading 1 and 2, Quote), Word lists, hyperlinks and the template's fonts.

use std::collections::BTreeMap;
use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, Hyperlink, HyperlinkType, IndentLevel, Level, LevelJc,
    LevelOverride, LevelText, LineSpacing, NumPages, NumberFormat, Numbering, NumberingId, PageMargin,
    PageNum, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType, Table, TableCell,
    TableRow, WidthType,
};
use plenary_core::assembly::AssembledStatement;

use crate::blocks::{Block, Role, blocks, head_blocks, item_blocks, signatory_blocks};
use crate::style::{FontChoice, PageSize, Style as TemplateStyle};
use crate::templates::Template;
use crate::{Document, RenderError};

// docx-rs ships a default decimal numbering with id 1; ours start well above it.
const BULLETS: usize = 10;
const DECIMAL: usize = 11;

fn font_name(choice: FontChoice) -> &'static str {
    match choice {
        FontChoice::Serif => "Noto Serif",
        FontChoice::Sans => "Noto Sans",
    }
}

fn fonts(choice: FontChoice) -> RunFonts {
    let name = font_name(choice);
    RunFonts::new().ascii(name).hi_ansi(name).cs(name).east_asia(name)
}

fn hex(colour: &str) -> String {
    colour.trim_start_matches('#').to_uppercase()
}

/// Twentieths of a point from millimetres.
fn twips(mm: f32) -> i32 {
    (mm * 72.0 / 25.4 * 20.0).round() as i32
}

/// Half-points, Word's unit for type sizes.
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

fn styles(docx: Docx, style: &TemplateStyle) -> Docx {
    let accent = hex(&style.accent_colour);
    let text = hex(&style.text_colour);
    let heading = |id: &str, name: &str, size: f32, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .fonts(fonts(style.heading_font))
            .size(half_points(size))
            .color(accent.clone())
            .bold()
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    docx.add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .fonts(fonts(style.body_font))
            .size(half_points(style.body_size_pt))
            .color(text)
            .line_spacing(LineSpacing::new().after(120).line((style.line_height * 240.0).round() as i32)),
    )
    .add_style(
        heading("Title", "Title", style.title_size_pt, 0)
            .outline_lvl(0)
            .line_spacing(LineSpacing::new().after(60)),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .fonts(fonts(style.heading_font))
            .color(hex(&style.muted_colour))
            .size(half_points(style.body_size_pt * 0.95)),
    )
    .add_style(heading("Heading1", "heading 1", style.heading_size_pt, 0))
    .add_style(heading("Heading2", "heading 2", style.body_size_pt * 1.05, 1))
    .add_style(Style::new("Quote", StyleType::Paragraph).name("Quote").based_on("Normal").italic().indent(
        Some(567),
        None,
        None,
        None,
    ))
    .add_style(Style::new("ListParagraph", StyleType::Paragraph).name("List Paragraph").based_on("Normal"))
    .add_style(
        Style::new("Hyperlink", StyleType::Character).name("Hyperlink").color(accent).underline("single"),
    )
}

fn numbering(docx: Docx) -> Docx {
    let mut bullets = AbstractNumbering::new(BULLETS);
    let mut decimal = AbstractNumbering::new(DECIMAL);
    for depth in 0..6 {
        let indent = 360 + depth as i32 * 360;
        let symbol = if depth % 2 == 0 { "•" } else { "◦" };
        bullets = bullets.add_level(
            Level::new(
                depth,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(symbol),
                LevelJc::new("left"),
            )
            .indent(Some(indent), Some(SpecialIndentType::Hanging(300)), None, None),
        );
        decimal = decimal.add_level(
            Level::new(
                depth,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new(format!("%{}.", depth + 1)),
                LevelJc::new("left"),
            )
            .indent(Some(indent), Some(SpecialIndentType::Hanging(360)), None, None),
        );
    }
    docx.add_abstract_numbering(bullets).add_abstract_numbering(decimal)
}

/// `text` as XML 1.0 allows it: the C0 control characters but tab and line ends, and U+FFFE and
/// U+FFFF, would make the document unreadable to Word. A vertical tab (Word's own manual line
/// break, found in pasted text) and a form feed become spaces so that words stay apart.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(c),
            '\u{b}' | '\u{c}' => Some(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            _ => Some(c),
        })
        .collect()
}

fn runs(block: &Block, paragraph: Paragraph) -> Paragraph {
    let mut paragraph = paragraph;
    for part in &block.runs {
        if part.text == "\n" {
            paragraph = paragraph.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping));
            continue;
        }
        let mut run = Run::new().add_text(xml_text(&part.text));
        if part.bold {
            run = run.bold();
        }
        if part.italic {
            run = run.italic();
        }
        paragraph = match &part.link {
            Some(url) => paragraph.add_hyperlink(
                Hyperlink::new(xml_text(url), HyperlinkType::External).add_run(run.style("Hyperlink")),
            ),
            None => paragraph.add_run(run),
        };
    }
    paragraph
}

/// Renders `document` as a Word document with `template`'s page and type settings.
pub fn render_docx(template: &Template, document: &Document<'_>) -> Result<Vec<u8>, RenderError> {
    render_docx_with(template, document, None)
}

/// Renders `document` beside its translation: the title across the page, then each item and
/// its translation in the two cells of a borderless table row, so both start on the same line.
pub fn render_parallel_docx(
    template: &Template,
    document: &Document<'_>,
    translation: &AssembledStatement,
) -> Result<Vec<u8>, RenderError> {
    render_docx_with(template, document, Some(translation))
}

/// Word paragraphs for blocks; lists get their numbering instances on the way.
struct Paragraphs {
    /// Markdown list → Word numbering instance: each list restarts at 1.
    instances: BTreeMap<usize, usize>,
}

impl Paragraphs {
    fn paragraph(&mut self, block: &Block, docx: &mut Docx) -> Paragraph {
        let mut paragraph = Paragraph::new();
        paragraph = match block.role {
            Role::Title => paragraph.style("Title"),
            Role::Meta => paragraph.style("Subtitle"),
            Role::Heading => paragraph.style("Heading1").keep_next(true),
            Role::SubHeading => paragraph.style("Heading2").keep_next(true),
            Role::Quote => paragraph.style("Quote").align(AlignmentType::Both),
            Role::Body => paragraph.align(AlignmentType::Both),
        };
        if let Some(place) = block.list {
            let next_id = self.instances.len() + 20;
            let id = *self.instances.entry(place.list).or_insert(next_id);
            if id == next_id {
                let abstract_id = if place.ordered { DECIMAL } else { BULLETS };
                *docx = std::mem::take(docx).add_numbering(
                    Numbering::new(id, abstract_id).add_override(LevelOverride::new(0).start(1)),
                );
            }
            paragraph = paragraph
                .style("ListParagraph")
                .numbering(NumberingId::new(id), IndentLevel::new(place.depth));
        }
        if block.keep_with_next {
            paragraph = paragraph.keep_next(true);
        }
        runs(block, paragraph)
    }
}

fn render_docx_with(
    template: &Template,
    document: &Document<'_>,
    translation: Option<&AssembledStatement>,
) -> Result<Vec<u8>, RenderError> {
    let style = &template.style;
    let (width, height) = style.page_size.millimetres();
    let mut docx = Docx::new()
        .page_size(twips(width) as u32, twips(height) as u32)
        .page_margin(
            PageMargin::new()
                .top(twips(style.margin_top_mm))
                .bottom(twips(style.margin_bottom_mm))
                .left(twips(style.margin_left_mm))
                .right(twips(style.margin_right_mm)),
        )
        .default_fonts(fonts(style.body_font))
        .default_size(half_points(style.body_size_pt));
    debug_assert!(matches!(style.page_size, PageSize::A4 | PageSize::Letter));
    docx = numbering(styles(docx, style));

    // Footer: the template's footer text, then "Page n of N" as Word fields.
    let labels = crate::locale::labels(document.statement.lang.as_str());
    let footer = crate::html::footer_text(template, document)?;
    let small = half_points(style.footer_size());
    let muted = hex(&style.muted_colour);
    let footer_run = |text: String| {
        Run::new().add_text(xml_text(&text)).size(small).color(muted.clone()).fonts(fonts(style.heading_font))
    };
    docx = docx.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(footer_run(format!("{}    {} ", footer.trim(), labels.page)))
                .add_page_num(PageNum::new())
                .add_run(footer_run(format!(" {} ", labels.of)))
                .add_num_pages(NumPages::new()),
        ),
    );

    if style.letterhead {
        let letterhead = crate::furniture::LetterheadText::of(document.organisation);
        if let Some(name) = letterhead.name {
            docx = docx.add_paragraph(
                Paragraph::new().add_run(
                    Run::new()
                        .add_text(xml_text(name))
                        .bold()
                        .size(half_points(style.letterhead_name_size()))
                        .color(hex(&style.accent_colour))
                        .fonts(fonts(style.heading_font)),
                ),
            );
        }
        let line_size = half_points(style.letterhead_line_size());
        let mut lines: Vec<Run> = letterhead
            .address
            .iter()
            .map(|line| {
                Run::new()
                    .add_text(xml_text(line))
                    .size(line_size)
                    .color(hex(&style.muted_colour))
                    .fonts(fonts(style.heading_font))
            })
            .collect();
        if let Some(site) = letterhead.website {
            lines.push(
                Run::new()
                    .add_text(xml_text(site))
                    .size(line_size)
                    .style("Hyperlink")
                    .fonts(fonts(style.heading_font)),
            );
        }
        for line in lines {
            docx =
                docx.add_paragraph(Paragraph::new().add_run(line).line_spacing(LineSpacing::new().after(0)));
        }
        docx = docx.add_paragraph(Paragraph::new());
    }

    let mut paragraphs = Paragraphs { instances: BTreeMap::new() };
    let statement = document.statement;
    match translation {
        None => {
            for block in blocks(statement) {
                let paragraph = paragraphs.paragraph(&block, &mut docx);
                docx = docx.add_paragraph(paragraph);
            }
        }
        Some(other) => {
            for block in head_blocks(statement) {
                let paragraph = paragraphs.paragraph(&block, &mut docx);
                docx = docx.add_paragraph(paragraph);
            }
            let (width, _) = style.page_size.millimetres();
            let text_width = twips(width - style.margin_left_mm - style.margin_right_mm).max(2) as usize;
            let half = text_width / 2;
            for (index, item) in statement.items.iter().enumerate() {
                let mut cells = Vec::with_capacity(2);
                for side in [Some(item), other.items.get(index)] {
                    let mut cell = TableCell::new().width(half, WidthType::Dxa);
                    let side_blocks = side.map(item_blocks).unwrap_or_default();
                    if side_blocks.is_empty() {
                        cell = cell.add_paragraph(Paragraph::new());
                    }
                    for block in side_blocks {
                        let paragraph = paragraphs.paragraph(&block, &mut docx);
                        cell = cell.add_paragraph(paragraph);
                    }
                    cells.push(cell);
                }
                let row = Table::without_borders(vec![TableRow::new(cells)])
                    .set_grid(vec![half, half])
                    .width(text_width, WidthType::Dxa);
                docx = docx.add_table(row);
            }
            for block in signatory_blocks(statement) {
                let paragraph = paragraphs.paragraph(&block, &mut docx);
                docx = docx.add_paragraph(paragraph);
            }
        }
    }

    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|error| RenderError::Encode { format: "DOCX", message: error.to_string() })?;
    Ok(bytes.into_inner())
}
