//! The page furniture every format draws the same way: the letterhead (what it says, from the
//! organisation profile) and the footer's look. Sizes and colours come from the template's
//! `style.toml` (see [`Style::letterhead_name_size`] and its neighbours), so the PDF and the Word
//! file cannot drift apart; the HTML export gets the same colours as CSS variables.

use plenary_core::organisation::Organisation;

use crate::style::Style;

/// The letterhead's text: the organisation's name, its address lines and its web address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LetterheadText<'a> {
    /// The name, when there is one.
    pub(crate) name: Option<&'a str>,
    /// The address, one entry per non-blank line, trimmed.
    pub(crate) address: Vec<&'a str>,
    /// The web address, when it is an http(s) link (nothing else is made clickable).
    pub(crate) website: Option<&'a str>,
}

impl<'a> LetterheadText<'a> {
    /// What the letterhead of `organisation` says.
    pub(crate) fn of(organisation: &'a Organisation) -> Self {
        let name = Some(organisation.name.trim()).filter(|name| !name.is_empty());
        let address = organisation
            .address
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        let website = organisation
            .website
            .as_deref()
            .map(str::trim)
            .filter(|site| site.starts_with("https://") || site.starts_with("http://"));
        Self { name, address, website }
    }
}

impl Style {
    /// The organisation's name in the letterhead.
    pub(crate) fn letterhead_name_size(&self) -> f32 {
        self.heading_size_pt * 1.05
    }

    /// The letterhead's address and web address lines.
    pub(crate) fn letterhead_line_size(&self) -> f32 {
        (self.body_size_pt * 0.78).max(7.5)
    }

    /// The footer's text and page number.
    pub(crate) fn footer_size(&self) -> f32 {
        (self.body_size_pt * 0.72).max(7.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letterhead_says_the_name_the_address_lines_and_a_web_link_only() {
        let mut organisation = Organisation {
            name: "  Alianza Puentes ".into(),
            short_name: None,
            logo: None,
            address: Some("Apartado 1234\n\n  Ciudad de Guatemala  \n".into()),
            website: Some("https://puentes.example.org".into()),
        };
        let text = LetterheadText::of(&organisation);
        assert_eq!(text.name, Some("Alianza Puentes"));
        assert_eq!(text.address, ["Apartado 1234", "Ciudad de Guatemala"]);
        assert_eq!(text.website, Some("https://puentes.example.org"));
        organisation.name = " ".into();
        organisation.website = Some("javascript:alert(1)".into());
        let text = LetterheadText::of(&organisation);
        assert_eq!((text.name, text.website), (None, None));
    }
}
