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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::fonts::FaceId;

    /// Ten lines of 10 pt fit a page of this frame.
    const FRAME: Frame = Frame { left: 0.0, first_top: 100.0, top: 100.0, bottom: 0.0 };

    /// A block of `lines` lines, each naming the block (`id`) in its text.
    fn block(id: &str, lines: usize, keep_with_next: bool) -> SetBlock {
        let line = |n: usize| Line { pieces: vec![piece(&format!("{id}{n}"))], leading: 10.0, ascent: 8.0 };
        SetBlock {
            lines: (0..lines).map(line).collect(),
            indent: 0.0,
            marker: None,
            space_before: 0.0,
            keep_with_next,
            outline: None,
            rule_before: false,
        }
    }

    fn piece(text: &str) -> Placed {
        Placed {
            x: 0.0,
            width: 1.0,
            text: text.to_owned(),
            face: FaceId::pick(crate::style::FontChoice::Serif, false, false),
            size: 10.0,
            colour: [0.0; 3],
            link: None,
            actual: None,
        }
    }

    /// Each page's lines, by their text.
    fn pages(blocks: &[SetBlock]) -> Vec<Vec<String>> {
        paginate(blocks, FRAME)
            .into_iter()
            .map(|page| page.lines.into_iter().map(|l| l.line.pieces[0].text.clone()).collect())
            .collect()
    }

    #[test]
    fn a_paragraph_leaves_no_single_line_at_the_foot_of_a_page() {
        // Room for one line of B on page 1: B starts on page 2.
        let laid = pages(&[block("a", 9, false), block("b", 5, false)]);
        assert_eq!(laid[0].len(), 9, "{laid:?}");
        assert_eq!(laid[1], ["b0", "b1", "b2", "b3", "b4"]);
    }

    #[test]
    fn a_paragraph_leaves_no_single_line_at_the_head_of_a_page() {
        // Room for four of B's five lines: three stay, two go, so none is alone.
        let laid = pages(&[block("a", 6, false), block("b", 5, false)]);
        assert_eq!(laid[0][6..], ["b0", "b1", "b2"]);
        assert_eq!(laid[1], ["b3", "b4"]);
    }

    #[test]
    fn a_heading_goes_with_the_first_two_lines_of_what_follows() {
        // The heading would fit as the page's last line, but the paragraph after it would not.
        let laid = pages(&[block("a", 8, false), block("h", 1, true), block("p", 4, false)]);
        assert_eq!(laid[0].len(), 8, "{laid:?}");
        assert_eq!(laid[1][..3], ["h0", "p0", "p1"]);
        // With room for the heading and two lines, it stays.
        let laid = pages(&[block("a", 7, false), block("h", 1, true), block("p", 4, false)]);
        assert_eq!(laid[0][7..], ["h0", "p0", "p1"]);
        assert_eq!(laid[1], ["p2", "p3"]);
    }

    #[test]
    fn a_list_marker_hangs_on_the_first_line_only_across_pages() {
        let mut item = block("i", 14, false);
        item.marker = Some(piece("•"));
        item.indent = 12.0;
        let laid = paginate(&[item], FRAME);
        let markers: Vec<bool> =
            laid.iter().flat_map(|page| page.lines.iter().map(|l| l.marker.is_some())).collect();
        assert_eq!(markers.iter().filter(|m| **m).count(), 1);
        assert!(markers[0], "the marker is on the item's first line");
        assert!(
            laid.iter().flat_map(|page| &page.lines).all(|line| (line.x - 12.0).abs() < 0.01),
            "the text hangs"
        );
    }

    #[test]
    fn a_block_longer_than_a_page_still_flows_on() {
        let laid = pages(&[block("long", 25, false)]);
        assert_eq!(laid.iter().map(Vec::len).sum::<usize>(), 25);
        assert!(laid.iter().all(|page| page.len() >= MIN_LINES && page.len() <= 10), "{laid:?}");
    }
}
