//! A block's runs become justified (or ragged) lines: words measured with kerning, hyphenation
//! points as flagged penalties, breaks chosen by [`super::breaking`].

use crate::style::Style;

use super::breaking::{Item, break_lines, first_box_after};
use super::fonts::{FaceId, measure, vertical};
use super::hyphen;
use crate::blocks::{Block, Role, Run};

/// A piece of text placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placed {
    /// From the left edge of the block's text column, in points.
    pub(crate) x: f32,
    pub(crate) width: f32,
    pub(crate) text: String,
    pub(crate) face: FaceId,
    pub(crate) size: f32,
    pub(crate) colour: [f32; 3],
    pub(crate) link: Option<String>,
    /// For a word broken by a hyphen: what copying this piece should give (the whole word for the
    /// first part, nothing for the rest).
    pub(crate) actual: Option<String>,
}

/// One line of a block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) pieces: Vec<Placed>,
    /// Distance from this line's baseline to the next one's.
    pub(crate) leading: f32,
    /// Height above the baseline.
    pub(crate) ascent: f32,
}

/// A block set in lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SetBlock {
    pub(crate) lines: Vec<Line>,
    /// Left indent in points.
    pub(crate) indent: f32,
    pub(crate) marker: Option<Placed>,
    pub(crate) space_before: f32,
    pub(crate) keep_with_next: bool,
    pub(crate) outline: Option<(u8, String)>,
    pub(crate) rule_before: bool,
}

/// The typographic settings of a role.
struct Look {
    family: crate::style::FontChoice,
    size: f32,
    leading: f32,
    colour: [f32; 3],
    bold: bool,
    italic: bool,
    justify: bool,
}

fn look(role: Role, style: &Style) -> Look {
    let body = style.body_size_pt;
    let grey = [0.33, 0.33, 0.36];
    match role {
        Role::Title => Look {
            family: style.heading_font,
            size: style.title_size_pt,
            leading: 1.18,
            colour: style.accent_rgb(),
            bold: true,
            italic: false,
            justify: false,
        },
        Role::Meta => Look {
            family: style.heading_font,
            size: body * 0.95,
            leading: 1.35,
            colour: grey,
            bold: false,
            italic: false,
            justify: false,
        },
        Role::Heading => Look {
            family: style.heading_font,
            size: style.heading_size_pt,
            leading: 1.25,
            colour: style.accent_rgb(),
            bold: true,
            italic: false,
            justify: false,
        },
        Role::SubHeading => Look {
            family: style.heading_font,
            size: body * 1.05,
            leading: 1.25,
            colour: style.accent_rgb(),
            bold: true,
            italic: false,
            justify: false,
        },
        Role::Body => Look {
            family: style.body_font,
            size: body,
            leading: style.line_height,
            colour: style.text_rgb(),
            bold: false,
            italic: false,
            justify: true,
        },
        Role::Quote => Look {
            family: style.body_font,
            size: body,
            leading: style.line_height,
            colour: [0.2, 0.2, 0.22],
            bold: false,
            italic: true,
            justify: true,
        },
    }
}

/// What a box of the paragraph carries.
#[derive(Debug, Clone, PartialEq)]
struct Fragment {
    text: String,
    face: FaceId,
    size: f32,
    colour: [f32; 3],
    link: Option<String>,
    /// The whole word, when this fragment is part of a hyphenatable word.
    word: Option<String>,
}

/// Sets `block` in lines `width` points wide (the block's indent is subtracted here).
pub(crate) fn set_block(block: &Block, style: &Style, width: f32) -> SetBlock {
    let look = look(block.role, style);
    let body = style.body_size_pt;
    let indent = block.indent * body;
    let line_width = (width - indent).max(body * 4.0);
    let items = items(block, &look, style);
    let breaks = break_lines(&items, line_width).unwrap_or_else(|| greedy(&items, line_width));
    let metrics = vertical(FaceId::pick(look.family, look.bold, look.italic));
    let leading = look.size * look.leading;
    let ascent = look.size * metrics.ascender;

    let mut lines = Vec::with_capacity(breaks.len());
    let mut start_after: Option<usize> = None;
    for (index, brk) in breaks.iter().enumerate() {
        let start = match start_after {
            None => 0,
            Some(at) => first_box_after(&items, at, false),
        };
        let last = index + 1 == breaks.len();
        let mut pieces: Vec<Placed> = Vec::new();
        let mut x = 0.0;
        for item in &items[start..brk.at.min(items.len())] {
            match item {
                Item::Box { width, content } => {
                    push_piece(&mut pieces, x, *width, content);
                    x += width;
                }
                Item::Glue { width, stretch, shrink } => {
                    let justify = look.justify && !last;
                    let ratio = if justify || brk.ratio < 0.0 { brk.ratio } else { 0.0 };
                    x += width + if ratio >= 0.0 { ratio * stretch } else { ratio * shrink };
                    if !justify && *stretch > 1000.0 {
                        break;
                    }
                }
                Item::Penalty { .. } => {}
            }
        }
        // A line ending at a hyphenation point shows a hyphen.
        if let Some(Item::Penalty { width, flagged: true, .. }) = items.get(brk.at)
            && let Some(previous) = items[..brk.at].iter().rev().find_map(|item| match item {
                Item::Box { content, .. } => Some(content.clone()),
                _ => None,
            })
        {
            push_piece(
                &mut pieces,
                x,
                *width,
                &Fragment { text: "-".into(), word: Some(String::new()), ..previous },
            );
        }
        lines.push(Line { pieces, leading, ascent });
        start_after = Some(brk.at);
    }
    mark_hyphenated_words(&mut lines);
    let marker = block.marker.as_ref().map(|marker| {
        let face = FaceId::pick(style.body_font, false, false);
        let marker_width = measure(face, marker).width * look.size;
        Placed {
            x: -marker_width - body * 0.45,
            width: marker_width,
            text: marker.clone(),
            face,
            size: look.size,
            colour: look.colour,
            link: None,
            actual: None,
        }
    });
    SetBlock {
        lines,
        indent,
        marker,
        space_before: block.space_before * body,
        keep_with_next: block.keep_with_next,
        outline: block.outline.map(|level| (level, block.plain())),
        rule_before: false,
    }
}

/// Appends a box to the line (pieces are merged once the line is complete).
fn push_piece(pieces: &mut Vec<Placed>, x: f32, width: f32, fragment: &Fragment) {
    pieces.push(Placed {
        x,
        width,
        text: fragment.text.clone(),
        face: fragment.face,
        size: fragment.size,
        colour: fragment.colour,
        link: fragment.link.clone(),
        actual: fragment.word.clone(),
    });
}

/// Pieces carry their whole word while being built; keep it only where the word was actually
/// broken: the part before the hyphen copies as the whole word, the hyphen and the part on the
/// next line as nothing. Everything else becomes plain text again and touching pieces merge.
fn mark_hyphenated_words(lines: &mut [Line]) {
    let is_hyphen = |piece: &Placed| piece.text == "-" && piece.actual.as_deref() == Some("");
    let ends_broken: Vec<bool> = lines.iter().map(|line| line.pieces.last().is_some_and(is_hyphen)).collect();
    for (index, line) in lines.iter_mut().enumerate() {
        merge(&mut line.pieces, |a, b| a.actual.is_some() && a.actual == b.actual);
        let count = line.pieces.len();
        let continues = index > 0 && ends_broken[index - 1];
        let mut continuation_done = false;
        for (position, piece) in line.pieces.iter_mut().enumerate() {
            if is_hyphen(piece) && position + 1 == count {
                continue;
            }
            if ends_broken[index] && position + 2 == count && piece.actual.is_some() {
                continue;
            }
            if continues && !continuation_done && piece.actual.is_some() {
                piece.actual = Some(String::new());
                continuation_done = true;
                continue;
            }
            piece.actual = None;
        }
        merge(&mut line.pieces, |a, b| a.actual.is_none() && b.actual.is_none());
    }
}

/// Joins touching pieces of the same face, colour and link for which `same` holds.
fn merge(pieces: &mut Vec<Placed>, same: impl Fn(&Placed, &Placed) -> bool) {
    let mut merged: Vec<Placed> = Vec::with_capacity(pieces.len());
    for piece in pieces.drain(..) {
        match merged.last_mut() {
            Some(last)
                if same(last, &piece)
                    && last.face == piece.face
                    && last.link == piece.link
                    && last.colour == piece.colour
                    && (last.x + last.width - piece.x).abs() < 0.01 =>
            {
                last.text.push_str(&piece.text);
                last.width += piece.width;
            }
            _ => merged.push(piece),
        }
    }
    *pieces = merged;
}

/// The paragraph as boxes, glue and penalties.
fn items(block: &Block, look: &Look, style: &Style) -> Vec<Item<Fragment>> {
    let mut items: Vec<Item<Fragment>> = Vec::new();
    let space_face = FaceId::pick(look.family, look.bold, look.italic);
    let space = measure(space_face, " ").width * look.size;
    let ragged = |items: &mut Vec<Item<Fragment>>| {
        // Knuth's ragged right: a break costs nothing, an unbroken space stays a space.
        items.push(Item::Glue { width: 0.0, stretch: look.size * 3.0, shrink: 0.0 });
        items.push(Item::Penalty { width: 0.0, cost: 0.0, flagged: false });
        items.push(Item::Glue { width: space, stretch: -look.size * 3.0, shrink: 0.0 });
    };
    let mut pending_space = false;
    for run in &block.runs {
        let face = FaceId::pick(look.family, look.bold || run.bold, look.italic || run.italic);
        let colour = if run.link.is_some() { style.accent_rgb() } else { look.colour };
        let mut rest = run.text.as_str();
        while !rest.is_empty() {
            if rest.starts_with('\n') {
                items.push(Item::Glue { width: 0.0, stretch: 100_000.0, shrink: 0.0 });
                items.push(Item::Penalty { width: 0.0, cost: f32::NEG_INFINITY, flagged: false });
                pending_space = false;
                rest = &rest[1..];
                continue;
            }
            if rest.starts_with(char::is_whitespace) {
                pending_space = !items.is_empty();
                rest = rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            if pending_space {
                if look.justify {
                    items.push(Item::Glue { width: space, stretch: space * 0.6, shrink: space * 0.3 });
                } else {
                    ragged(&mut items);
                }
                pending_space = false;
            }
            push_word(&mut items, word, face, look.size, colour, run, &block.lang, look.justify);
        }
    }
    // The paragraph's last word is never hyphenated: a fragment alone on the last line reads badly.
    let last_space = items.iter().rposition(|item| matches!(item, Item::Glue { .. })).unwrap_or(0);
    let mut index = items.len();
    while index > last_space {
        index -= 1;
        if matches!(items[index], Item::Penalty { flagged: true, .. }) {
            items.remove(index);
        }
    }
    items.push(Item::Glue { width: 0.0, stretch: 100_000.0, shrink: 0.0 });
    items.push(Item::Penalty { width: 0.0, cost: f32::NEG_INFINITY, flagged: false });
    items
}

#[allow(clippy::too_many_arguments)]
fn push_word(
    items: &mut Vec<Item<Fragment>>,
    word: &str,
    face: FaceId,
    size: f32,
    colour: [f32; 3],
    run: &Run,
    lang: &str,
    hyphenate: bool,
) {
    // Hyphenate the letters of the word, keeping leading and trailing punctuation attached.
    let core_start = word.find(char::is_alphabetic).unwrap_or(word.len());
    let core_end = word
        .rfind(char::is_alphabetic)
        .map_or(core_start, |at| at + word[at..].chars().next().map_or(0, char::len_utf8));
    let points: Vec<usize> = if hyphenate && core_start < core_end {
        hyphen::points(lang, &word[core_start..core_end]).into_iter().map(|at| at + core_start).collect()
    } else {
        Vec::new()
    };
    let hyphen_width = measure(face, "-").width * size;
    let whole = (!points.is_empty()).then(|| word.to_owned());
    let mut last = 0;
    for at in points.iter().copied().chain(std::iter::once(word.len())) {
        let text = &word[last..at];
        items.push(Item::Box {
            width: measure(face, text).width * size,
            content: Fragment {
                text: text.to_owned(),
                face,
                size,
                colour,
                link: run.link.clone(),
                word: whole.clone(),
            },
        });
        if at < word.len() {
            items.push(Item::Penalty { width: hyphen_width, cost: 50.0, flagged: true });
        }
        last = at;
    }
}

/// First fit, for the rare paragraph no tolerance can set (a word wider than the column): such
/// words overflow rather than vanish.
fn greedy(items: &[Item<Fragment>], width: f32) -> Vec<super::breaking::Break> {
    let mut breaks = Vec::new();
    let mut x = 0.0;
    for (index, item) in items.iter().enumerate() {
        match item {
            Item::Box { width: w, .. } => x += w,
            Item::Glue { width: w, .. } => {
                if x + w > width && index > 0 {
                    breaks.push(super::breaking::Break { at: index, ratio: 0.0 });
                    x = 0.0;
                } else {
                    x += w;
                }
            }
            Item::Penalty { cost, .. } if *cost == f32::NEG_INFINITY => {
                breaks.push(super::breaking::Break { at: index, ratio: 0.0 });
                x = 0.0;
            }
            Item::Penalty { .. } => {}
        }
    }
    breaks
}
