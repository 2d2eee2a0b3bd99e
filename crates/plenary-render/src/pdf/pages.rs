//! Set blocks flow onto pages: headings stay with what follows, a paragraph leaves neither one
//! line alone at the foot of a page (orphan) nor one at the head of the next (widow).

use super::lines::{Line, Placed, SetBlock};

/// The text area of a page, in points from the bottom-left corner.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub(crate) left: f32,
    /// Top of the text area on page 1 (below the letterhead).
    pub(crate) first_top: f32,
    /// Top of the text area on later pages.
    pub(crate) top: f32,
    pub(crate) bottom: f32,
}

/// A line where it will be printed.
#[derive(Debug, Clone)]
pub(crate) struct PlacedLine {
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    pub(crate) line: Line,
    pub(crate) marker: Option<Placed>,
}

/// One page of text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub(crate) lines: Vec<PlacedLine>,
    /// Outline entries starting on this page: (level, title, top of the heading).
    pub(crate) outline: Vec<(u8, String, f32)>,
}

const MIN_LINES: usize = 2;

/// Lays the blocks out on as many pages as they need.
pub(crate) fn paginate(blocks: &[SetBlock], frame: Frame) -> Vec<Page> {
    let mut pages = vec![Page::default()];
    let mut top = frame.first_top;
    let mut cursor = top;
    for (index, block) in blocks.iter().enumerate() {
        let at_top = (cursor - top).abs() < 0.01;
        let space = if at_top { 0.0 } else { block.space_before };
        // What must fit before the page ends: the block's first lines and, for a heading, the
        // start of everything it keeps with.
        let mut needed = space + head_height(block);
        let mut chained = block.keep_with_next;
        let mut next = index + 1;
        while chained && next < blocks.len() && next <= index + 4 {
            needed += blocks[next].space_before + head_height(&blocks[next]);
            chained = blocks[next].keep_with_next;
            next += 1;
        }
        if cursor - needed < frame.bottom && !at_top {
            pages.push(Page::default());
            top = frame.top;
            cursor = top;
        } else {
            cursor -= space;
        }
        if let Some((level, title)) = &block.outline
            && let Some(page) = pages.last_mut()
        {
            page.outline.push((*level, title.clone(), cursor));
        }
        let mut remaining: &[Line] = &block.lines;
        let mut first = true;
        while !remaining.is_empty() {
            let fits = lines_that_fit(remaining, cursor, frame.bottom);
            let at_top = (cursor - top).abs() < 0.01;
            let take = if fits >= remaining.len() {
                remaining.len()
            } else if fits < MIN_LINES && !at_top {
                0
            } else if remaining.len() - fits < MIN_LINES && fits > MIN_LINES {
                remaining.len() - MIN_LINES
            } else if remaining.len() - fits < MIN_LINES && !at_top {
                0
            } else {
                fits.max(1)
            };
            for line in &remaining[..take] {
                let baseline = cursor - line.ascent;
                let marker = if first { block.marker.clone() } else { None };
                first = false;
                if let Some(page) = pages.last_mut() {
                    page.lines.push(PlacedLine {
                        x: frame.left + block.indent,
                        baseline,
                        line: line.clone(),
                        marker,
                    });
                }
                cursor -= line.leading;
            }
            remaining = &remaining[take..];
            if !remaining.is_empty() {
                pages.push(Page::default());
                top = frame.top;
                cursor = top;
            }
        }
    }
    pages
}

fn head_height(block: &SetBlock) -> f32 {
    block.lines.iter().take(MIN_LINES).map(|line| line.leading).sum()
}

fn lines_that_fit(lines: &[Line], cursor: f32, bottom: f32) -> usize {
    let mut y = cursor;
    let mut count = 0;
    for line in lines {
        // A line fits when its descenders stay above the bottom of the frame.
        if y - line.leading < bottom - line.leading * 0.25 {
            break;
        }
        y -= line.leading;
        count += 1;
    }
    count
}
