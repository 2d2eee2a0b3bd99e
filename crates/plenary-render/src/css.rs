//! Template CSS is inlined into exports; it must not fetch anything or break out of `<style>`.

/// Removes what could load a resource or run code: `@import`, `url(…)` other than data images,
/// legacy `expression(`/`behavior`/`-moz-binding`, and any `<` (so `</style>` cannot occur).
pub(crate) fn sanitise_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    loop {
        let lower = rest.to_ascii_lowercase();
        let next = ["@import", "url(", "expression(", "behavior", "-moz-binding", "javascript:"]
            .iter()
            .filter_map(|needle| lower.find(needle).map(|at| (at, *needle)))
            .min_by_key(|(at, _)| *at);
        let Some((at, needle)) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let skip = match needle {
            "url(" => {
                let end = after.find(')').map_or(after.len(), |e| e + 1);
                let inner = after[4..end.saturating_sub(1).max(4)]
                    .trim()
                    .trim_matches(['"', '\''])
                    .to_ascii_lowercase();
                if inner.starts_with("data:image/png") || inner.starts_with("data:image/jpeg") {
                    out.push_str(&after[..end]);
                } else {
                    out.push_str("none");
                }
                end
            }
            // Drop the whole statement or declaration.
            _ => after.find([';', '}']).map_or(after.len(), |e| e + usize::from(after.as_bytes()[e] == b';')),
        };
        rest = &after[skip..];
    }
    out.replace('<', "")
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
        assert_eq!(sanitise_css("h1 { color: #123456; }"), "h1 { color: #123456; }");
    }
}
