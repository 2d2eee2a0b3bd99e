//! A template's style: the one place both the HTML and the PDF read page size, margins, fonts,
//! sizes, colours and footer from (`style.toml` beside the template).

use serde::Deserialize;

use crate::RenderError;

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// Width and height in millimetres.
    pub fn millimetres(self) -> (f32, f32) {
        match self {
            Self::A4 => (210.0, 297.0),
            Self::Letter => (215.9, 279.4),
        }
    }

    /// The CSS `@page size` keyword.
    pub fn css(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "letter",
        }
    }
}

/// The shipped font families.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FontChoice {
    /// Noto Serif.
    Serif,
    /// Noto Sans.
    Sans,
}

impl FontChoice {
    /// The CSS font stack.
    pub fn css_stack(self) -> &'static str {
        match self {
            Self::Serif => "\"Noto Serif\", Georgia, \"Times New Roman\", serif",
            Self::Sans => "\"Noto Sans\", \"Segoe UI\", Helvetica, Arial, sans-serif",
        }
    }
}

/// Page and type settings of a template.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// Paper size.
    pub page_size: PageSize,
    /// Top margin.
    pub margin_top_mm: f32,
    /// Bottom margin (the footer sits inside it).
    pub margin_bottom_mm: f32,
    /// Left margin.
    pub margin_left_mm: f32,
    /// Right margin.
    pub margin_right_mm: f32,
    /// Family for body text.
    pub body_font: FontChoice,
    /// Family for the title and headings.
    pub heading_font: FontChoice,
    /// Body text size.
    pub body_size_pt: f32,
    /// Line height as a multiple of the body size.
    pub line_height: f32,
    /// Title size.
    pub title_size_pt: f32,
    /// Item heading size.
    pub heading_size_pt: f32,
    /// Text colour, `#rrggbb`.
    pub text_colour: String,
    /// Colour of the title, headings, rules and links, `#rrggbb`.
    pub accent_colour: String,
    /// Colour of secondary text (the letterhead's address, the event line, roles, the footer),
    /// `#rrggbb`; templates written before it existed get the default.
    #[serde(default = "default_muted_colour")]
    pub muted_colour: String,
    /// Whether page 1 carries the organisation block.
    pub letterhead: bool,
    /// Footer text, a Handlebars template over the same data as the body.
    pub footer: String,
}

impl Style {
    /// Reads `style.toml`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Style, RenderError> {
        let style: Style = toml::from_str(text).map_err(|error| {
            let (line, column) = error
                .span()
                .map(|span| line_and_column(text, span.start))
                .map_or((None, None), |(l, c)| (Some(l), Some(c)));
            RenderError::Template { file: file.to_owned(), line, column, message: error.message().to_owned() }
        })?;
        style.validate(file)?;
        Ok(style)
    }

    fn validate(&self, file: &str) -> Result<(), RenderError> {
        let problem = |message: String| RenderError::Template {
            file: file.to_owned(),
            line: None,
            column: None,
            message,
        };
        for (name, value) in [
            ("text_colour", &self.text_colour),
            ("accent_colour", &self.accent_colour),
            ("muted_colour", &self.muted_colour),
        ] {
            if parse_colour(value).is_none() {
                return Err(problem(format!("{name} = '{value}' is not a colour like \"#1f4e79\"")));
            }
        }
        let margins = [self.margin_top_mm, self.margin_bottom_mm, self.margin_left_mm, self.margin_right_mm];
        if margins.iter().any(|m| !(5.0..=60.0).contains(m)) {
            return Err(problem("margins must be between 5 and 60 mm".to_owned()));
        }
        let sizes = [self.body_size_pt, self.title_size_pt, self.heading_size_pt];
        if sizes.iter().any(|s| !(6.0..=48.0).contains(s)) {
            return Err(problem("type sizes must be between 6 and 48 pt".to_owned()));
        }
        if !(1.0..=2.5).contains(&self.line_height) {
            return Err(problem("line_height must be between 1.0 and 2.5".to_owned()));
        }
        Ok(())
    }

    /// The text colour as RGB fractions.
    pub fn text_rgb(&self) -> [f32; 3] {
        parse_colour(&self.text_colour).unwrap_or([0.0; 3])
    }

    /// The accent colour as RGB fractions.
    pub fn accent_rgb(&self) -> [f32; 3] {
        parse_colour(&self.accent_colour).unwrap_or([0.0; 3])
    }

    /// The secondary-text colour as RGB fractions.
    pub fn muted_rgb(&self) -> [f32; 3] {
        parse_colour(&self.muted_colour).unwrap_or([0.4; 3])
    }

    /// CSS custom properties and the `@page` rule, prepended to the template's CSS.
    pub fn css_variables(&self) -> String {
        format!(
            ":root {{ --text-colour: {}; --accent-colour: {}; --muted-colour: {}; --body-font-family: {}; \
             --heading-font-family: {}; --body-size: {}pt; --title-size: {}pt; --heading-size: {}pt; \
             --line-height: {}; }}\n\
             @page {{ size: {}; margin: {}mm {}mm {}mm {}mm; }}\n",
            self.text_colour,
            self.accent_colour,
            self.muted_colour,
            self.body_font.css_stack(),
            self.heading_font.css_stack(),
            self.body_size_pt,
            self.title_size_pt,
            self.heading_size_pt,
            self.line_height,
            self.page_size.css(),
            self.margin_top_mm,
            self.margin_right_mm,
            self.margin_bottom_mm,
            self.margin_left_mm,
        )
    }
}

/// The secondary-text colour of a `style.toml` that does not name one.
fn default_muted_colour() -> String {
    "#5c5c66".to_owned()
}

/// `#rrggbb` → RGB fractions.
fn parse_colour(text: &str) -> Option<[f32; 3]> {
    let hex =
        text.strip_prefix('#').filter(|hex| hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))?;
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok().map(|v| f32::from(v) / 255.0);
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |tail| tail.chars().count()) + 1;
    (line, column)
}
