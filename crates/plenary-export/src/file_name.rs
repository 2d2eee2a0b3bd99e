//! The file name an export is offered under: from the statement's title, valid on Windows,
//! macOS and Linux alike.

use crate::Format;

/// The longest stem offered, in characters (Windows paths stay well under 260 with it).
const MAX_STEM: usize = 80;

/// Names Windows reserves for devices, with any extension (`CON.pdf` cannot be created either).
const RESERVED_ON_WINDOWS: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
    "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name for `title` in `format`: [`safe_file_stem`] (`statement` when nothing is left),
/// then the extension.
pub fn suggested_file_name(title: &str, format: Format) -> String {
    format!("{}.{}", safe_file_stem(title, "statement"), format.as_str())
}

/// A file name stem from `title`: letters (accents kept) and digits joined by single dashes.
/// Punctuation Windows refuses (`: ? * " < > | / \`), dots and control characters never survive;
/// device names such as `CON` get `-fallback` added, and an empty result is `fallback`.
pub fn safe_file_stem(title: &str, fallback: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.chars().take(MAX_STEM).collect();
    let mut stem = stem.trim_end_matches('-').to_owned();
    if stem.is_empty() {
        stem.push_str(fallback);
    } else if RESERVED_ON_WINDOWS.iter().any(|name| name.eq_ignore_ascii_case(&stem))
        || is_superscript_port(&stem)
    {
        stem.push('-');
        stem.push_str(fallback);
    }
    stem
}

/// `COM¹`…`LPT³`: Windows reserves these too.
fn is_superscript_port(stem: &str) -> bool {
    let upper = stem.to_uppercase();
    ["COM", "LPT"].iter().any(|port| {
        upper.strip_prefix(port).is_some_and(|digit| matches!(digit, "\u{b9}" | "\u{b2}" | "\u{b3}"))
    })
}

#[cfg(test)]
mod tests {
    use super::suggested_file_name;
    use crate::Format;

    fn check(title: &str, expected: &str) {
        assert_eq!(suggested_file_name(title, Format::Pdf), expected, "{title:?}");
    }

    #[test]
    fn letters_and_accents_stay_and_punctuation_becomes_single_dashes() {
        check("GFMD 2027: Statement (draft)", "GFMD-2027-Statement-draft.pdf");
        check("Declaración — Quito", "Declaración-Quito.pdf");
        check("¿Quiénes somos?", "Quiénes-somos.pdf");
        check("???", "statement.pdf");
        check("", "statement.pdf");
        assert_eq!(suggested_file_name("Notes", Format::Docx), "Notes.docx");
    }

    #[test]
    fn nothing_windows_refuses_survives() {
        for title in [
            "a:b?c*d\"e<f>g|h/i\\j",
            "Ends with dots...",
            "Ends with a space ",
            "tab\there\u{7}bell\u{0}nul",
            " . ",
            "CON",
            "con",
            "Nul",
            "LPT9",
            "COM\u{b9}",
            "aux.",
        ] {
            let name = suggested_file_name(title, Format::Html);
            let stem = name.strip_suffix(".html").expect("extension");
            assert!(!stem.is_empty(), "{title:?} → {name}");
            let refused = |c: char| matches!(c, ':' | '?' | '*' | '"' | '<' | '>' | '|' | '/' | '\\' | '.');
            assert!(!stem.chars().any(|c| refused(c) || c.is_control()), "{title:?} → {name}");
            assert!(!stem.ends_with([' ', '-']), "{title:?} → {name}");
            let device = stem.split('.').next().unwrap_or_default().to_uppercase();
            assert!(
                !["CON", "PRN", "AUX", "NUL", "LPT9", "COM\u{b9}"].contains(&device.as_str()),
                "{title:?} → {name}"
            );
        }
        check("CON", "CON-statement.pdf");
        check("aux.", "aux-statement.pdf");
        check("Console", "Console.pdf");
    }

    #[test]
    fn long_titles_are_cut_to_eighty_characters_without_a_trailing_dash() {
        let title = "Recommendations ".repeat(10);
        let name = suggested_file_name(&title, Format::Pdf);
        let stem = name.strip_suffix(".pdf").expect("extension");
        assert!(stem.chars().count() <= 80, "{name}");
        assert!(!stem.ends_with('-'), "{name}");
    }
}
