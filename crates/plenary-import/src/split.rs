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
pub(crate) fn split(blocks: &[Block], known_title: Option<&str>) -> (Option<String>, bool, Vec<Piece>) {
    let mut rest = blocks;
    let mut title = known_title.map(str::to_owned);
    let mut from_heading = false;
    // The document's title: a first heading that outranks every other heading, or a first heading
    // followed straight away by another heading. A title repeated at the top is dropped once.
    if let Some((Block::Heading { level, text }, after)) = rest.split_first() {
        let others = after.iter().filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        });
        let outranks = others.clone().all(|other| other > *level) && others.clone().next().is_some();
        let then_heading = matches!(after.first(), Some(Block::Heading { .. }));
        let repeats = known_title.is_some_and(|known| same_words(known, text));
        if outranks || then_heading || repeats {
            title = Some(text.clone());
            from_heading = true;
            rest = after;
        }
    }
    // The level that splits: the most important heading left.
    let split_level = rest
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min();
    let mut pieces: Vec<Piece> = Vec::new();
    for block in rest {
        match block {
            Block::Heading { level, text } if Some(*level) == split_level => {
                pieces.push(Piece { title: Some(text.clone()), blocks: Vec::new() });
            }
            _ => {
                if pieces.is_empty() {
                    pieces.push(Piece { title: None, blocks: Vec::new() });
                }
                if let Some(piece) = pieces.last_mut() {
                    piece.blocks.push(block.clone());
                }
            }
        }
    }
    (title, from_heading, pieces)
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
