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
    flow(blocks, frame.left, frame, &mut pages, Place { page: 0, cursor: frame.first_top });
    pages
}

/// A part of a parallel layout: blocks across the whole text width, or two columns side by side
/// that start on the same line (an item and its translation).
#[derive(Debug, Clone)]
pub(crate) enum Row {
    /// Set at the full width.
    Full(Vec<SetBlock>),
    /// Set at the column width: left, right.
    Pair(Vec<SetBlock>, Vec<SetBlock>),
}

/// Lays rows out: a pair's two columns start together, on a new page if either side's start
/// (its heading with the first lines after it) would not fit, and the next row starts below the
/// longer of the two.
pub(crate) fn paginate_rows(rows: &[Row], frame: Frame, right_column_x: f32) -> Vec<Page> {
    let mut pages = vec![Page::default()];
    let mut place = Place { page: 0, cursor: frame.first_top };
    for row in rows {
        place = match row {
            Row::Full(blocks) => flow(blocks, frame.left, frame, &mut pages, place),
            Row::Pair(left, right) => {
                let at_top = place.at_top(frame);
                let needed = start_height(left, 0, at_top).max(start_height(right, 0, at_top));
                if !at_top && place.cursor - needed < frame.bottom {
                    place = place.next_page(frame, &mut pages);
                }
                let after_left = flow(left, frame.left, frame, &mut pages, place);
                let after_right = flow(right, right_column_x, frame, &mut pages, place);
                after_left.later(after_right)
            }
        };
    }
    pages
}

/// Where the next line goes: a page and a height on it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Place {
    page: usize,
    cursor: f32,
}

impl Place {
    fn top(self, frame: Frame) -> f32 {
        if self.page == 0 { frame.first_top } else { frame.top }
    }

    fn at_top(self, frame: Frame) -> bool {
        (self.cursor - self.top(frame)).abs() < 0.01
    }

    /// The top of the next page, which is added if it does not exist yet (another column may
    /// have made it already).
    fn next_page(self, frame: Frame, pages: &mut Vec<Page>) -> Place {
        let page = self.page + 1;
        if pages.len() <= page {
            pages.push(Page::default());
        }
        Place { page, cursor: frame.top }
    }

    /// The one further down the document.
    fn later(self, other: Place) -> Place {
        match self.page.cmp(&other.page) {
            std::cmp::Ordering::Less => other,
            std::cmp::Ordering::Greater => self,
            std::cmp::Ordering::Equal => {
                if other.cursor < self.cursor {
                    other
                } else {
                    self
                }
            }
        }
    }
}

/// What must fit on the page before block `index` starts there: its space, its first lines
/// and, while blocks keep with the next, the start of those.
fn start_height(blocks: &[SetBlock], index: usize, at_top: bool) -> f32 {
    let Some(block) = blocks.get(index) else { return 0.0 };
    let mut needed = if at_top { 0.0 } else { block.space_before } + head_height(block);
    let mut chained = block.keep_with_next;
    let mut next = index + 1;
    while chained && next < blocks.len() && next <= index + 4 {
        needed += blocks[next].space_before + head_height(&blocks[next]);
        chained = blocks[next].keep_with_next;
        next += 1;
    }
    needed
}

/// Flows `blocks` down a column whose text starts at `x`, from `place` on, onto `pages`
/// (adding pages as needed); returns where the column ends.
fn flow(blocks: &[SetBlock], x: f32, frame: Frame, pages: &mut Vec<Page>, mut place: Place) -> Place {
    for (index, block) in blocks.iter().enumerate() {
        let at_top = place.at_top(frame);
        let space = if at_top { 0.0 } else { block.space_before };
        if place.cursor - start_height(blocks, index, at_top) < frame.bottom && !at_top {
            place = place.next_page(frame, pages);
        } else {
            place.cursor -= space;
        }
        if let Some((level, title)) = &block.outline
            && let Some(page) = pages.get_mut(place.page)
        {
            page.outline.push((*level, title.clone(), place.cursor));
        }
        let mut remaining: &[Line] = &block.lines;
        let mut first = true;
        while !remaining.is_empty() {
            let fits = lines_that_fit(remaining, place.cursor, frame.bottom);
            let at_top = place.at_top(frame);
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
                let baseline = place.cursor - line.ascent;
                let marker = if first { block.marker.clone() } else { None };
                first = false;
                if let Some(page) = pages.get_mut(place.page) {
                    page.lines.push(PlacedLine { x: x + block.indent, baseline, line: line.clone(), marker });
                }
                place.cursor -= line.leading;
            }
            remaining = &remaining[take..];
            if !remaining.is_empty() {
                place = place.next_page(frame, pages);
            }
        }
    }
    place
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
        // Room for three of five: three stay and two go, neither alone.
        let laid = pages(&[block("a", 7, false), block("d", 5, false)]);
        assert_eq!(laid[0][7..], ["d0", "d1", "d2"]);
        assert_eq!(laid[1], ["d3", "d4"]);
        // Room for two of three lines: leaving one would make a widow, so all three go.
        let laid = pages(&[block("a", 8, false), block("c", 3, false)]);
        assert_eq!(laid[0].len(), 8, "{laid:?}");
        assert_eq!(laid[1], ["c0", "c1", "c2"]);
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
    fn no_space_opens_a_page_below_the_letterhead_on_the_first_or_at_the_top_of_the_next() {
        let frame = Frame { left: 0.0, first_top: 80.0, top: 100.0, bottom: 0.0 };
        let spaced = |id: &str, lines: usize| SetBlock { space_before: 5.0, ..block(id, lines, false) };
        let laid = placed(&paginate(&[spaced("a", 8), spaced("b", 4)], frame));
        // A line's page and baseline.
        let at = |text: &str| {
            let (page, _, baseline, _) = find(&laid, text);
            (*page, *baseline)
        };
        // Eight lines fill page 1 below the letterhead; "b" and its space would not fit after them.
        assert_eq!(at("a0"), (0, 72.0), "{laid:?}");
        assert_eq!(at("a7"), (0, 2.0), "{laid:?}");
        assert_eq!(at("b0"), (1, 92.0), "{laid:?}");
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

    /// Where each line went: (page, x, baseline, text).
    fn placed(pages: &[Page]) -> Vec<(usize, f32, f32, String)> {
        pages
            .iter()
            .enumerate()
            .flat_map(|(n, page)| {
                page.lines.iter().map(move |l| (n, l.x, l.baseline, l.line.pieces[0].text.clone()))
            })
            .collect()
    }

    fn find<'a>(laid: &'a [(usize, f32, f32, String)], text: &str) -> &'a (usize, f32, f32, String) {
        laid.iter().find(|line| line.3 == text).expect(text)
    }

    #[test]
    fn the_two_sides_of_a_pair_start_on_the_same_line_and_the_next_row_follows_the_longer() {
        let rows = [
            Row::Full(vec![block("t", 2, false)]),
            Row::Pair(vec![block("en", 3, false)], vec![block("es", 5, false)]),
            Row::Pair(vec![block("x", 1, false)], vec![block("y", 1, false)]),
        ];
        let laid = placed(&paginate_rows(&rows, FRAME, 50.0));
        let (en, es) = (find(&laid, "en0"), find(&laid, "es0"));
        assert_eq!((en.0, en.2), (es.0, es.2), "same page, same baseline");
        assert_eq!((en.1, es.1), (0.0, 50.0), "left and right columns");
        // The next pair starts below the Spanish side's fifth line.
        let (es4, x0, y0) = (find(&laid, "es4"), find(&laid, "x0"), find(&laid, "y0"));
        assert!(x0.2 < es4.2 && (x0.2 - y0.2).abs() < 0.01, "{laid:?}");
    }

    #[test]
    fn a_pair_whose_one_side_cannot_start_moves_both_to_the_next_page() {
        // Two lines left on page 1: the left side's heading and two lines would not fit there.
        let rows = [
            Row::Full(vec![block("a", 8, false)]),
            Row::Pair(vec![block("h", 1, true), block("p", 3, false)], vec![block("q", 2, false)]),
        ];
        let laid = placed(&paginate_rows(&rows, FRAME, 50.0));
        let (h, q) = (find(&laid, "h0"), find(&laid, "q0"));
        assert_eq!((h.0, q.0), (1, 1), "{laid:?}");
        assert_eq!(h.2, q.2);
    }
}
