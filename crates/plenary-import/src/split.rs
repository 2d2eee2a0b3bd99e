//! Blocks into proposed sections: each heading starts one, the document's own title is offered as
//! the statement's title rather than made a section, and text before the first heading is a
//! section of its own. Headings below the level that splits keep their place inside a section.

use crate::blocks::Block;

/// A section cut from a document: its heading (or none, for text before the first heading) and
/// the blocks under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) title: Option<String>,
    pub(crate) blocks: Vec<Block>,
}

/// Splits `blocks`; `known_title` is the title the file declares (`<title>`, Word's properties).
/// Returns the statement's title, if one is found, whether it is the first heading, and the
/// pieces in order.
pub(crate) fn split(
    blocks: &[Block],
    known_title: Option<&str>,
) -> (Option<String>, Option<usize>, Vec<Piece>) {
    let mut title = known_title.map(str::to_owned);
    let mut title_at = None;
    // The document's title: the one heading of the top level when there are others below it,
    // or a first heading followed straight away by another heading or repeating the declared
    // title. It is dropped from the text once. Text before it (a letterhead) becomes a section
    // of its own, before which the title stood.
    let headings: Vec<(usize, u8)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match block {
            Block::Heading { level, .. } => Some((index, *level)),
            _ => None,
        })
        .collect();
    let top = headings.iter().map(|(_, level)| *level).min();
    let at_top: Vec<usize> =
        headings.iter().filter(|(_, level)| Some(*level) == top).map(|(index, _)| *index).collect();
    let heading_text = |index: usize| match &blocks[index] {
        Block::Heading { text, .. } => text.as_str(),
        _ => "",
    };
    let outranking = (at_top.len() == 1 && headings.len() > 1).then(|| at_top[0]);
    let opening = headings.first().map(|(index, _)| *index).filter(|&index| {
        let then_heading = index == 0 && matches!(blocks.get(1), Some(Block::Heading { .. }));
        let repeats = known_title.is_some_and(|known| same_words(known, heading_text(index)));
        then_heading || repeats
    });
    let mut before: &[Block] = &[];
    let mut rest = blocks;
    if let Some(index) = outranking.or(opening) {
        title = Some(heading_text(index).to_owned());
        before = &blocks[..index];
        title_at = Some(usize::from(!before.is_empty()));
        rest = &blocks[index + 1..];
    }
    let mut pieces: Vec<Piece> = Vec::new();
    if !before.is_empty() {
        pieces.push(Piece { title: None, blocks: before.to_vec() });
    }
    // The level that splits: the most important heading left.
    let split_level = rest
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min();
    let first_piece = pieces.len();
    for block in rest {
        match block {
            Block::Heading { level, text } if Some(*level) == split_level => {
                pieces.push(Piece { title: Some(text.clone()), blocks: Vec::new() });
            }
            _ => {
                if pieces.len() == first_piece {
                    pieces.push(Piece { title: None, blocks: Vec::new() });
                }
                if let Some(piece) = pieces.last_mut() {
                    piece.blocks.push(block.clone());
                }
            }
        }
    }
    (title, title_at, pieces)
}

/// Whether two titles have the same words, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading { level, text: text.to_owned() }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(text.to_owned())
    }

    #[test]
    fn each_heading_of_the_top_level_starts_a_section() {
        let blocks = [
            heading(1, "Statement to the GFMD"),
            paragraph("Intro."),
            heading(2, "Who Are We?"),
            paragraph("A network."),
            heading(3, "Members"),
            paragraph("45."),
            heading(2, "Global Activism"),
            paragraph("We take part."),
        ];
        let (title, _, pieces) = split(&blocks, None);
        assert_eq!(title.as_deref(), Some("Statement to the GFMD"));
        let titles: Vec<Option<&str>> = pieces.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(titles, [None, Some("Who Are We?"), Some("Global Activism")]);
        assert_eq!(pieces[1].blocks, [paragraph("A network."), heading(3, "Members"), paragraph("45.")]);
    }

    #[test]
    fn without_a_distinct_title_every_heading_is_a_section() {
        let blocks = [heading(2, "Who we are"), paragraph("A."), heading(2, "What we do"), paragraph("B.")];
        let (title, _, pieces) = split(&blocks, Some("Old statement"));
        assert_eq!(title.as_deref(), Some("Old statement"));
        assert_eq!(pieces.len(), 2);
        // The file's own title repeated as the first heading is the title, once.
        let blocks = [heading(2, "Old Statement!"), paragraph("A."), heading(2, "Next"), paragraph("B.")];
        let (title, _, pieces) = split(&blocks, Some("Old statement"));
        assert_eq!(title.as_deref(), Some("Old Statement!"));
        let titles: Vec<Option<&str>> = pieces.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(titles, [None, Some("Next")]);
    }
}
