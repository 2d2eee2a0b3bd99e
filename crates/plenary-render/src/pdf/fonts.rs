//! The fonts the PDF embeds (Noto Serif and Noto Sans, SIL OFL) and their measurement: advance
//! widths and kerning from the font's own tables, through a shaping engine (ligatures off, so
//! every character stays its own glyph and copied text is the text typed).

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

use rustybuzz::{Face, Feature, UnicodeBuffer};

use crate::style::FontChoice;

/// One of the shipped faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum FaceId {
    SerifRegular,
    SerifBold,
    SerifItalic,
    SerifBoldItalic,
    SansRegular,
    SansBold,
}

impl FaceId {
    pub(crate) const ALL: [FaceId; 6] = [
        Self::SerifRegular,
        Self::SerifBold,
        Self::SerifItalic,
        Self::SerifBoldItalic,
        Self::SansRegular,
        Self::SansBold,
    ];

    /// The face parsed for embedding, once per process: parsing copies and indexes the whole
    /// font file, which cost a tenth of every export when it was done each time. `None` if it
    /// could not be parsed (a shipped font, so a build defect that tests catch).
    pub(crate) fn parsed(self) -> Option<&'static printpdf::ParsedFont> {
        static PARSED: OnceLock<Vec<Option<printpdf::ParsedFont>>> = OnceLock::new();
        let all = PARSED.get_or_init(|| {
            FaceId::ALL
                .into_iter()
                .map(|face| printpdf::ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()))
                .collect()
        });
        let index = FaceId::ALL.iter().position(|face| *face == self)?;
        all.get(index)?.as_ref()
    }

    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Self::SerifRegular => include_bytes!("../../../../templates/fonts/NotoSerif-Regular.ttf"),
            Self::SerifBold => include_bytes!("../../../../templates/fonts/NotoSerif-Bold.ttf"),
            Self::SerifItalic => include_bytes!("../../../../templates/fonts/NotoSerif-Italic.ttf"),
            Self::SerifBoldItalic => include_bytes!("../../../../templates/fonts/NotoSerif-BoldItalic.ttf"),
            Self::SansRegular => include_bytes!("../../../../templates/fonts/NotoSans-Regular.ttf"),
            Self::SansBold => include_bytes!("../../../../templates/fonts/NotoSans-Bold.ttf"),
        }
    }

    /// The face for a family and style. Noto Sans ships upright only: its italic falls back to
    /// upright (headings and the letterhead use it; body text is serif or sans upright).
    pub(crate) fn pick(family: FontChoice, bold: bool, italic: bool) -> FaceId {
        match (family, bold, italic) {
            (FontChoice::Serif, false, false) => Self::SerifRegular,
            (FontChoice::Serif, true, false) => Self::SerifBold,
            (FontChoice::Serif, false, true) => Self::SerifItalic,
            (FontChoice::Serif, true, true) => Self::SerifBoldItalic,
            (FontChoice::Sans, false, _) => Self::SansRegular,
            (FontChoice::Sans, true, _) => Self::SansBold,
        }
    }
}

struct Faces {
    faces: Vec<(FaceId, Face<'static>)>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        faces: FaceId::ALL
            .iter()
            .filter_map(|id| Face::from_slice(id.bytes(), 0).map(|face| (*id, face)))
            .collect(),
    })
}

fn face(id: FaceId) -> Option<&'static Face<'static>> {
    faces().faces.iter().find(|(face, _)| *face == id).map(|(_, face)| face)
}

/// Vertical metrics of a face, in ems: the ascender places a line's baseline below its top.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VerticalMetrics {
    pub(crate) ascender: f32,
}

pub(crate) fn vertical(id: FaceId) -> VerticalMetrics {
    face(id).map_or(VerticalMetrics { ascender: 0.9 }, |face| {
        let upem = f32::from(face.units_per_em() as u16);
        VerticalMetrics { ascender: f32::from(face.ascender()) / upem }
    })
}

/// A measured piece of text: its width and the kerning inside it, in ems.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Measured {
    pub(crate) width: f32,
    /// (byte offset in the text, adjustment): after the character ending at the offset, move
    /// by the adjustment (negative = closer).
    pub(crate) kerns: Vec<(usize, f32)>,
}

/// Measures `text` in `id` (memoised: a statement repeats its words).
pub(crate) fn measure(id: FaceId, text: &str) -> Measured {
    static CACHE: OnceLock<Mutex<HashMap<(FaceId, String), Measured>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (id, text.to_owned());
    if let Some(hit) = cache.lock().ok().and_then(|cache| cache.get(&key).cloned()) {
        return hit;
    }
    let measured = shape(id, text);
    if let Ok(mut cache) = cache.lock() {
        if cache.len() > 50_000 {
            cache.clear();
        }
        cache.insert(key, measured.clone());
    }
    measured
}

fn shape(id: FaceId, text: &str) -> Measured {
    let Some(face) = face(id) else {
        return Measured { width: 0.5 * text.chars().count() as f32, kerns: vec![] };
    };
    let upem = f32::from(face.units_per_em() as u16);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let features: Vec<Feature> = ["-liga", "-clig", "-dlig", "-calt", "+kern"]
        .iter()
        .filter_map(|f| Feature::from_str(f).ok())
        .collect();
    let shaped = rustybuzz::shape(face, &features, buffer);
    let mut width = 0.0;
    let mut kerns = Vec::new();
    for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let advance = position.x_advance as f32;
        width += advance;
        let nominal = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(info.glyph_id as u16))
            .map_or(advance, f32::from);
        let difference = advance - nominal;
        if difference.abs() > 0.5 {
            let start = info.cluster as usize;
            let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
            kerns.push((end, difference / upem));
        }
    }
    Measured { width: width / upem, kerns }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_load_and_kern() {
        let plain = measure(FaceId::SerifRegular, "AV");
        let apart = measure(FaceId::SerifRegular, "A").width + measure(FaceId::SerifRegular, "V").width;
        assert!(plain.width < apart, "AV is kerned: {} vs {apart}", plain.width);
        assert_eq!(plain.kerns.len(), 1);
        assert!(
            measure(FaceId::SansBold, "Migración").width
                > measure(FaceId::SansRegular, "Migración").width * 0.99
        );
        let metrics = vertical(FaceId::SerifRegular);
        assert!(metrics.ascender > 0.8 && metrics.ascender < 1.2, "{metrics:?}");
    }
}
