//! Template CSS is inlined into exports, where it must not load anything, run anything or end
//! the `<style>` element. It is read with a real CSS tokenizer (`cssparser`, the one Servo and
//! Firefox use), so escapes such as `u\72l(` or `@\69mport` are decoded before anything is judged,
//! and rebuilt from allow-lists: style rules and `@media`, `@supports` and `@page` blocks whose
//! declarations name known properties with harmless values. Anything else is dropped whole: a
//! declaration, or a rule whose selector or condition is not understood.

use cssparser::{
    Delimiter, ParseError, Parser, ToCss, Token, TokenSerializationType, serialize_identifier,
    serialize_string,
};

/// At-rules kept, with the rules inside them.
const GROUPING_AT_RULES: &[&str] = &["media", "supports"];
/// Functions a value may use: colours, arithmetic, gradients, transforms, counters, grid.
const VALUE_FUNCTIONS: &[&str] = &[
    "rgb",
    "rgba",
    "hsl",
    "hsla",
    "hwb",
    "lab",
    "lch",
    "oklab",
    "oklch",
    "color-mix",
    "calc",
    "min",
    "max",
    "clamp",
    "var",
    "counter",
    "counters",
    "linear-gradient",
    "radial-gradient",
    "conic-gradient",
    "repeating-linear-gradient",
    "repeating-radial-gradient",
    "translate",
    "translatex",
    "translatey",
    "rotate",
    "scale",
    "scalex",
    "scaley",
    "skew",
    "matrix",
    "cubic-bezier",
    "steps",
    "repeat",
    "minmax",
    "fit-content",
];
/// Functions a selector may use (pseudo-classes).
const SELECTOR_FUNCTIONS: &[&str] = &[
    "not",
    "is",
    "where",
    "has",
    "nth-child",
    "nth-last-child",
    "nth-of-type",
    "nth-last-of-type",
    "lang",
    "dir",
];
/// Properties kept, by exact name.
const PROPERTIES: &[&str] = &[
    "color",
    "display",
    "position",
    "top",
    "right",
    "bottom",
    "left",
    "inset",
    "float",
    "clear",
    "z-index",
    "overflow",
    "visibility",
    "opacity",
    "order",
    "gap",
    "content",
    "quotes",
    "line-height",
    "letter-spacing",
    "white-space",
    "hyphens",
    "tab-size",
    "vertical-align",
    "direction",
    "unicode-bidi",
    "writing-mode",
    "orphans",
    "widows",
    "page",
    "size",
    "table-layout",
    "caption-side",
    "empty-cells",
    "object-fit",
    "object-position",
    "transform",
    "transform-origin",
    "aspect-ratio",
    "accent-color",
    "print-color-adjust",
    "-webkit-print-color-adjust",
    "overflow-wrap",
    "hanging-punctuation",
];
/// Properties kept, by the start of their name (`--` is a custom property).
const PROPERTY_PREFIXES: &[&str] = &[
    "--",
    "font",
    "text-",
    "background",
    "margin",
    "padding",
    "border",
    "outline",
    "width",
    "height",
    "min-",
    "max-",
    "box-",
    "flex",
    "grid",
    "row-",
    "column",
    "align-",
    "justify-",
    "place-",
    "list-style",
    "counter-",
    "word-",
    "hyphenate-",
    "page-break-",
    "break-",
];
/// How deeply blocks and functions may nest before the construct is dropped.
const MAX_NESTING: usize = 12;

type Failed = ParseError<()>;

/// The template's CSS with only what is known to be harmless left in it.
pub(crate) fn sanitise_css(css: &str) -> String {
    let mut parser = Parser::new(css);
    let mut out = Writer::default();
    rules(&mut parser, &mut out, 0);
    // Nothing above writes `<` (strings escape it, any other token holding it is dropped). Were
    // one to slip through, deleting it could leave a backslash that escapes what follows, so the
    // whole sheet goes instead.
    if out.text.contains('<') { String::new() } else { out.text }
}

/// Serialised CSS, with `/**/` between tokens that would otherwise run together.
#[derive(Default)]
struct Writer {
    text: String,
    last: Option<TokenSerializationType>,
}

impl Writer {
    /// Writes `token`; false (and nothing written) when its text would hold a `<`, which only
    /// escapes in identifiers or units can produce.
    fn token(&mut self, token: &Token<'_>) -> bool {
        let text = match token {
            Token::QuotedString(_) => None,
            _ => Some(token.to_css_string()),
        };
        if text.as_deref().is_some_and(|text| text.contains('<')) {
            return false;
        }
        let kind = token.serialization_type();
        if self.last.is_some_and(|last| last.needs_separator_when_before(kind)) {
            self.text.push_str("/**/");
        }
        match (token, text) {
            (Token::QuotedString(value), _) => self.string(value),
            (_, text) => self.text.push_str(&text.unwrap_or_default()),
        }
        self.last = Some(kind);
        true
    }

    fn string(&mut self, value: &str) {
        let mut quoted = String::new();
        let _ = serialize_string(value, &mut quoted);
        // `\3c ` is `<` to CSS and nothing to HTML.
        self.text.push_str(&quoted.replace('<', "\\3c "));
    }

    fn raw(&mut self, text: &str) {
        self.text.push_str(text);
        self.last = None;
    }

    fn append(&mut self, other: Writer) {
        self.text.push_str(&other.text);
        self.last = other.last.or(self.last);
    }
}

/// A list of rules (the sheet, or the inside of `@media`).
fn rules(parser: &mut Parser<'_>, out: &mut Writer, depth: usize) {
    loop {
        parser.skip_whitespace();
        let start = parser.state();
        let at_rule = match parser.next() {
            Err(_) => return,
            Ok(Token::AtKeyword(name)) => Some(name.to_ascii_lowercase()),
            Ok(_) => None,
        };
        if at_rule.is_none() {
            parser.reset(&start);
        }
        // The prelude (selector or condition) runs to the block, or to `;` for a statement.
        let mut prelude = Writer::default();
        let kept = match &at_rule {
            None => parse_prelude(parser, &mut prelude, Prelude::Selector),
            Some(name) if GROUPING_AT_RULES.contains(&name.as_str()) || name == "page" => {
                parse_prelude(parser, &mut prelude, Prelude::Condition)
            }
            Some(_) => {
                let _ = parser.parse_until_before(Delimiter::CurlyBracketBlock | Delimiter::Semicolon, skip);
                false
            }
        };
        match parser.next() {
            Ok(Token::CurlyBracketBlock) => {}
            // A statement (`@import …;`) or junk up to `;`: nothing to keep.
            Ok(_) => continue,
            Err(_) => return,
        }
        if !kept || depth >= MAX_NESTING {
            continue;
        }
        let mut body = Writer::default();
        let parsed = parser.parse_nested_block(|inner| {
            match at_rule.as_deref() {
                Some("media" | "supports") => rules(inner, &mut body, depth + 1),
                _ => declarations(inner, &mut body, depth + 1),
            }
            Ok::<(), Failed>(())
        });
        if parsed.is_err() {
            continue;
        }
        let mut head = String::new();
        if let Some(name) = &at_rule {
            head.push('@');
            let _ = serialize_identifier(name, &mut head);
        }
        let selector = prelude.text.trim();
        if !selector.is_empty() {
            if !head.is_empty() {
                head.push(' ');
            }
            head.push_str(selector);
        }
        out.raw(&head);
        out.raw(" {\n");
        out.append(body);
        out.raw("}\n");
    }
}

/// What a run of tokens is: it decides which functions and brackets are allowed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prelude {
    /// A rule's selector: pseudo-class functions.
    Selector,
    /// An `@media`, `@supports` or `@page` condition: brackets, no functions.
    Condition,
    /// A declaration's value: value functions; brackets only inside them (`calc((…))`), so that
    /// `url/**/(…)` cannot come back together as `url(…)`.
    Value,
}

/// Reads a prelude up to (not including) its block; writes it and says whether it is harmless.
fn parse_prelude(parser: &mut Parser<'_>, out: &mut Writer, kind: Prelude) -> bool {
    parser
        .parse_until_before(Delimiter::CurlyBracketBlock | Delimiter::Semicolon, |inner| {
            Ok::<bool, Failed>(harmless_tokens(inner, out, kind, 0, false))
        })
        .unwrap_or(false)
}

/// Declarations inside a block: each `name: value;` is kept only if the property is allowed and
/// every token of the value is harmless.
fn declarations(parser: &mut Parser<'_>, out: &mut Writer, depth: usize) {
    while !parser.is_exhausted() {
        let mut declaration = Writer::default();
        let kept = parser
            .parse_until_after(Delimiter::Semicolon, |inner| {
                let name = match inner.next() {
                    Ok(Token::Ident(name)) => name.to_ascii_lowercase(),
                    _ => return Ok::<bool, Failed>(false),
                };
                if !allowed_property(&name) || inner.expect_colon().is_err() {
                    return Ok(false);
                }
                inner.skip_whitespace();
                let _ = serialize_identifier(&name, &mut declaration.text);
                declaration.raw(": ");
                let harmless = harmless_tokens(inner, &mut declaration, Prelude::Value, depth, false);
                Ok(harmless && !declaration.text.trim_end().ends_with(':'))
            })
            .unwrap_or(false);
        if kept {
            out.raw("  ");
            out.raw(declaration.text.trim_end());
            out.raw(";\n");
        }
    }
}

fn allowed_property(name: &str) -> bool {
    !name.contains(['<', '\\'])
        && (PROPERTIES.contains(&name) || PROPERTY_PREFIXES.iter().any(|prefix| name.starts_with(prefix)))
}

/// Writes the rest of `parser`'s tokens; false at the first one that could load or run
/// something, or that is not understood. `kind` says which functions are allowed; `nested`,
/// whether these tokens are inside a function or bracket.
fn harmless_tokens(
    parser: &mut Parser<'_>,
    out: &mut Writer,
    kind: Prelude,
    depth: usize,
    nested: bool,
) -> bool {
    if depth > MAX_NESTING {
        return false;
    }
    loop {
        let token = match parser.next_including_whitespace() {
            Ok(token) => token.clone(),
            Err(_) => return true,
        };
        let close = match &token {
            Token::WhiteSpace(_) => {
                out.raw(" ");
                continue;
            }
            Token::Ident(name) | Token::Hash(name) | Token::IDHash(name) if name.contains('<') => {
                return false;
            }
            Token::Ident(_)
            | Token::Hash(_)
            | Token::IDHash(_)
            | Token::QuotedString(_)
            | Token::Number { .. }
            | Token::Percentage { .. }
            | Token::Dimension { .. }
            | Token::Comma
            | Token::Colon
            | Token::IncludeMatch
            | Token::DashMatch
            | Token::PrefixMatch
            | Token::SuffixMatch
            | Token::SubstringMatch => {
                if !out.token(&token) {
                    return false;
                }
                continue;
            }
            Token::Delim(c) if !matches!(c, '<' | '\\' | '@' | '{' | '}') => {
                if !out.token(&token) {
                    return false;
                }
                continue;
            }
            Token::UnquotedUrl(url) if is_inline_image(url) => {
                out.raw("url(");
                out.string(url);
                out.raw(")");
                continue;
            }
            Token::Function(name) if name.eq_ignore_ascii_case("url") => {
                let inline_image = parser
                    .parse_nested_block(|inner| match inner.next() {
                        Ok(Token::QuotedString(url)) if is_inline_image(url) => {
                            let url = url.to_string();
                            inner.expect_exhausted().map(|()| url).map_err(Into::into)
                        }
                        _ => Err(inner.new_error_for_next_token::<()>()),
                    })
                    .ok();
                match inline_image {
                    Some(url) => {
                        out.raw("url(");
                        out.string(&url);
                        out.raw(")");
                        continue;
                    }
                    None => return false,
                }
            }
            Token::Function(name) => {
                let name = name.to_ascii_lowercase();
                let allowed = match kind {
                    Prelude::Selector => SELECTOR_FUNCTIONS.contains(&name.as_str()),
                    Prelude::Condition => false,
                    Prelude::Value => VALUE_FUNCTIONS.contains(&name.as_str()),
                };
                if !allowed {
                    return false;
                }
                ")"
            }
            Token::ParenthesisBlock if kind != Prelude::Value || nested => ")",
            Token::SquareBracketBlock => "]",
            _ => return false,
        };
        if !out.token(&token) {
            return false;
        }
        let mut inner_out = Writer::default();
        let harmless = parser
            .parse_nested_block(|inner| {
                Ok::<bool, Failed>(harmless_tokens(inner, &mut inner_out, kind, depth + 1, true))
            })
            .unwrap_or(false);
        if !harmless {
            return false;
        }
        out.append(inner_out);
        out.raw(close);
    }
}

/// A data URI of a raster image: loads nothing, runs nothing.
fn is_inline_image(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"]
        .iter()
        .any(|kind| url.starts_with(kind))
}

fn skip(parser: &mut Parser<'_>) -> Result<(), Failed> {
    while parser.next().is_ok() {}
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_and_active_css_is_removed() {
        let hostile = "@import url(https://evil.example/a.css);\nbody { background: url('https://evil.example/x.png'); color: red; }\n\
                       p { width: expression(alert(1)); behavior: url(x.htc); } </style><script>alert(1)</script>";
        let clean = sanitise_css(hostile);
        for forbidden in ["@import", "evil.example", "expression", "behavior", "</style", "<script"] {
            assert!(!clean.to_lowercase().contains(forbidden), "{clean}");
        }
        assert!(clean.contains("color: red;"), "{clean}");
    }

    #[test]
    fn escapes_are_decoded_before_anything_is_judged() {
        for hostile in [
            "a { background: u\\72l(https://evil.example/x.png) }",
            "a { background: \\75 rl(https://evil.example/x.png) }",
            "a { background: \\75rl(\"https://evil.example/x.png\") }",
            "a { background-image: image-set(\"https://evil.example/x.png\" 1x) }",
            "a { background-image: -webkit-image-set(url(https://evil.example/x.png) 1x) }",
            "@\\69mport 'https://evil.example/a.css';",
            "@\\69 mport url(https://evil.example/a.css);",
            "@font-face { font-family: x; src: url(https://evil.example/f.woff) }",
            "a { -moz-binding: url(https://evil.example/x.xml#b) }",
            "a { content: url/**/(https://evil.example/x.png) }",
            "a { --x: url(https://evil.example/x.png); background: var(--x) }",
            "a { cursor: url(https://evil.example/c.cur), auto }",
        ] {
            let clean = sanitise_css(hostile);
            assert!(!clean.contains("evil.example"), "{hostile} → {clean}");
        }
    }

    #[test]
    fn ordinary_template_css_survives() {
        let css = "h1, .title > span:not(.x) { color: #123456; font: 700 19pt/1.2 \"Noto Serif\", serif; }\n\
                   @media (max-width: 600px) { main { padding: 0 calc(1rem + 2px) !important; } }\n\
                   @page { size: A4; margin: 22mm 25mm; }\n\
                   li::before { content: \"– \"; counter-increment: item; }\n\
                   header { background: linear-gradient(to right, rgb(0 0 0 / 50%), transparent); }\n\
                   img { background-image: url(\"data:image/png;base64,iVBORw0KGgo=\"); }";
        let clean = sanitise_css(css);
        for kept in [
            "h1, .title > span:not(.x) {",
            "color: #123456;",
            "font: 700 19pt/1.2 \"Noto Serif\", serif;",
            "@media (max-width: 600px) {",
            "padding: 0 calc(1rem + 2px) !important;",
            "@page {",
            "size: A4;",
            "content: \"– \";",
            "linear-gradient(to right, rgb(0 0 0 / 50%), transparent)",
            "url(\"data:image/png;base64,iVBORw0KGgo=\")",
        ] {
            assert!(clean.contains(kept), "{kept} missing from\n{clean}");
        }
    }

    /// Every declaration of the built-in templates comes through unchanged (up to spacing).
    #[test]
    fn the_built_in_templates_lose_nothing() {
        for css in [
            include_str!("../../../templates/letterhead/style.css"),
            include_str!("../../../templates/plain/style.css"),
        ] {
            let clean = sanitise_css(css);
            let mut declarations = 0;
            for block in css.split('{').skip(1) {
                let body = block.split('}').next().unwrap_or_default();
                for declaration in body.split(';').map(str::trim).filter(|d| d.contains(':')) {
                    let (name, value) = declaration.split_once(':').unwrap_or_default();
                    let expected = format!(
                        "{}: {};",
                        name.trim(),
                        value.split_whitespace().collect::<Vec<_>>().join(" ")
                    );
                    assert!(clean.contains(&expected), "{expected} missing from\n{clean}");
                    declarations += 1;
                }
            }
            assert!(declarations > 30, "the test read the declarations: {declarations}");
        }
    }

    #[test]
    fn nothing_can_close_the_style_element() {
        for hostile in [
            "a { content: \"</style><script>alert(1)</script>\" }",
            "a\\3c /style\\3e { color: red }",
            "</style><script>alert(1)</script>",
            "a { font-family: \\3c/style\\3e }",
            // A unit or a custom property name holding `<`: deleting it used to leave a backslash
            // that turned string text into live CSS.
            "a{content:1x\\3c\";} body{background:url(https://evil.example/x.png)} c{--q:\" \"--z:\"}",
            "a{--\\3c\\22:1} body{background:url(https://evil.example/y.png)} c{--z:\"}",
        ] {
            let clean = sanitise_css(hostile);
            assert!(!clean.contains('<') && !clean.contains("evil.example"), "{hostile} → {clean}");
        }
    }

    #[test]
    fn deep_nesting_is_dropped_without_trouble() {
        let deep = format!("a {{ width: {}1px{} }}", "calc(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(sanitise_css(&deep), "a {\n}\n");
        let media = format!("{}a {{ color: red }}{}", "@media print {".repeat(10_000), "}".repeat(10_000));
        assert!(!sanitise_css(&media).contains("color"));
    }
}
