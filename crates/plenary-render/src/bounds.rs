//! Limits on what a template can make the renderer do. Handlebars has none: its parser recurses
//! once per nested block or bracket, its renderer once per nested block or partial, so a partial
//! that reaches itself overflows the stack (the process aborts), and loops that print nothing run
//! for hours without reaching the output limit. A template is therefore checked before it is
//! compiled (nesting in its text), once compiled (no partial reaches itself, partial names are
//! written out, depth with partials expanded) and before each render (the steps its loops could
//! take over the data at hand).

use std::collections::HashMap;

use handlebars::Handlebars;
use handlebars::template::{DecoratorTemplate, Parameter, Template, TemplateElement};
use serde_json::Value;

use crate::RenderError;
use crate::style::line_and_column;

/// How deeply blocks, subexpressions and literals may nest in a template's text.
pub(crate) const MAX_NESTING: usize = 40;
/// How deeply blocks and partials may nest once every partial is expanded.
pub(crate) const MAX_DEPTH: usize = 64;
/// The most steps a render may take, counting every loop as running over the longest list in
/// the data (a step is one element of the template, printed or not).
pub(crate) const MAX_STEPS: u64 = 2_000_000;

/// Refuses text whose blocks, subexpressions or literals nest deeper than [`MAX_NESTING`], so
/// that the parser's recursion stays small. Follows the grammar's tokens (escapes, comments, raw
/// blocks, strings) so that nesting cannot hide where the parser would see it.
pub(crate) fn check_nesting(file: &str, text: &str) -> Result<(), RenderError> {
    let bytes = text.as_bytes();
    // Each open block's levels: one, plus one per `{{else if …}}` chained to it (the parser nests
    // a chain as deeply as it is long).
    let mut open_blocks: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(open) = next_tag(bytes, at) {
        let rest = &bytes[open..];
        if rest.starts_with(b"{{!") {
            at = comment_end(bytes, open).unwrap_or(bytes.len());
            continue;
        }
        // Past the braces (two, or four for a raw block) and any `~` or spaces.
        let raw = rest.starts_with(b"{{{{");
        let mut inner = open + if raw { 4 } else { 2 };
        while inner < bytes.len() && (bytes[inner] == b'~' || bytes[inner].is_ascii_whitespace()) {
            inner += 1;
        }
        let word = |from: usize| {
            bytes[from.min(bytes.len())..].iter().take_while(|b| b.is_ascii_alphanumeric()).count()
        };
        match bytes.get(inner) {
            Some(b'#') => open_blocks.push(1),
            Some(b'/') => {
                open_blocks.pop();
            }
            // `{{^name}}` or `{{else name}}`: a chained block, one level deeper.
            Some(b'^') if word(inner + 1) > 0 => {
                if let Some(levels) = open_blocks.last_mut() {
                    *levels += 1;
                }
            }
            _ if bytes[inner.min(bytes.len())..].starts_with(b"else") && word(inner) == 4 => {
                let after = inner + 4;
                let next = bytes[after.min(bytes.len())..].iter().position(|b| !b.is_ascii_whitespace());
                let chained = next.is_some_and(|n| !matches!(bytes.get(after + n), Some(b'}' | b'~')));
                if chained && let Some(levels) = open_blocks.last_mut() {
                    *levels += 1;
                }
            }
            _ => {}
        }
        let blocks: usize = open_blocks.iter().sum();
        let (end, brackets) = tag_end(bytes, open + 2);
        if blocks + brackets > MAX_NESTING {
            let (line, column) = line_and_column(text, open);
            return Err(RenderError::Template {
                file: file.to_owned(),
                line: Some(line),
                column: Some(column),
                message: format!(
                    "blocks and brackets nest {} deep here; templates may nest at most {MAX_NESTING} deep",
                    blocks + brackets
                ),
            });
        }
        at = end;
        // A raw block's text is not parsed: skip to the next `{{{{` (its end).
        if raw && bytes.get(inner) != Some(&b'/') {
            at = raw_block_text_end(bytes, end);
        }
    }
    Ok(())
}

/// The next `{{` from `at` that is not escaped (`\{{` is text, `\\{{` is a backslash and a tag).
fn next_tag(bytes: &[u8], mut at: usize) -> Option<usize> {
    while at < bytes.len() {
        if bytes[at] == b'\\' {
            if bytes[at + 1..].starts_with(b"{{") {
                at += 3;
                if bytes[at..].starts_with(b"{{") {
                    at += 2;
                }
                continue;
            }
            let run = bytes[at..].iter().take_while(|b| **b == b'\\').count();
            at += if run > 1 && bytes[at + run..].starts_with(b"{{") { run } else { 1 };
            continue;
        }
        if bytes[at..].starts_with(b"{{") {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Where a comment that opens at `open` ends: `{{!-- … --}}`, else `{{! … }}`.
fn comment_end(bytes: &[u8], open: usize) -> Option<usize> {
    let find = |from: usize, needle: &[u8]| {
        bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|at| from + at + needle.len())
    };
    if bytes[open..].starts_with(b"{{!--")
        && let Some(end) = find(open + 5, b"--}}")
    {
        return Some(end);
    }
    find(open + 3, b"}}")
}

/// Reads a tag's inside from `from`: returns where it ends (after its `}}`) and how deeply its
/// brackets nest. Braces inside count as object literals, so `{{{x}}}` and `{{{{raw}}}}` end at
/// their last braces; nothing inside a string counts.
fn tag_end(bytes: &[u8], from: usize) -> (usize, usize) {
    let (mut at, mut open, mut braces, mut deepest) = (from, 0usize, 0usize, 0usize);
    let mut quote: Option<u8> = None;
    while at < bytes.len() {
        let byte = bytes[at];
        if let Some(q) = quote {
            at += if byte == b'\\' { 2 } else { 1 };
            if byte == q {
                quote = None;
            }
            continue;
        }
        match byte {
            b'"' | b'\'' => quote = Some(byte),
            // `[…]` is a path segment taken literally up to its `]` (or an array literal):
            // nothing inside it ends the tag, and each `[` in it may be a level.
            b'[' => {
                let close = bytes[at..].iter().position(|b| *b == b']').map_or(bytes.len(), |n| at + n);
                let levels = bytes[at..close].iter().filter(|b| **b == b'[').count();
                open += levels;
                deepest = deepest.max(open);
                at = close + 1;
                open = open.saturating_sub(1);
                continue;
            }
            b'(' | b'{' => {
                open += 1;
                braces += usize::from(byte == b'{');
                deepest = deepest.max(open);
            }
            b')' | b']' => open = open.saturating_sub(1),
            b'}' if braces > 0 => {
                braces -= 1;
                open = open.saturating_sub(1);
            }
            b'}' if bytes.get(at + 1) == Some(&b'}') => return (at + 2, deepest),
            _ => {}
        }
        at += 1;
    }
    (bytes.len(), deepest)
}

/// Where a raw block's text ends: at the next `{{{{` that is not escaped.
fn raw_block_text_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        if bytes[at] == b'\\' && bytes[at + 1..].starts_with(b"{{") {
            at += 3;
            continue;
        }
        if bytes[at..].starts_with(b"{{{{") {
            return at;
        }
        at += 1;
    }
    bytes.len()
}

/// The registered templates a render starts from, with the file each comes from.
pub(crate) struct Entry<'a> {
    /// Its name in the registry.
    pub(crate) name: &'a str,
    /// The file errors name.
    pub(crate) file: &'a str,
}

/// Checks a compiled registry (no partial reaches itself, partial names are written out, depth
/// with partials expanded within [`MAX_DEPTH`]) and returns the steps rendering `entry` could
/// take when every loop runs over `longest` entries; refuses more than [`MAX_STEPS`].
pub(crate) fn measure(
    registry: &Handlebars<'_>,
    entries: &[Entry<'_>],
    entry: &str,
    longest: usize,
) -> Result<u64, RenderError> {
    let mut walk = Walk { definitions: HashMap::new(), measured: HashMap::new(), stack: Vec::new(), longest };
    for Entry { name, file } in entries {
        if let Some(template) = registry.get_template(name) {
            walk.definitions.entry((*name).to_owned()).or_default().push((template, file));
            collect_inline(template, file, &mut walk.definitions);
        }
    }
    let (steps, _) = walk.partial(entry, None, 0)?;
    if steps > MAX_STEPS {
        let file = entries.iter().find(|e| e.name == entry).map_or(entry, |e| e.file);
        return Err(RenderError::Template {
            file: file.to_owned(),
            line: None,
            column: None,
            message: format!(
                "the template's loops could take {steps} steps over the longest list here ({longest} \
                 entries), more than the {MAX_STEPS} allowed: nested {{{{#each}}}} loops multiply"
            ),
        });
    }
    Ok(steps)
}

/// The entries a template's data holds in its longest list (or object).
pub(crate) fn longest_list(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.iter().map(longest_list).fold(items.len(), usize::max),
        Value::Object(fields) => fields.values().map(longest_list).fold(fields.len(), usize::max),
        _ => 0,
    }
}

/// Every partial definition by name: (template, file it is written in).
type Definitions<'a> = HashMap<String, Vec<(&'a Template, &'a str)>>;

fn collect_inline<'a>(template: &'a Template, file: &'a str, into: &mut Definitions<'a>) {
    for element in &template.elements {
        match element {
            TemplateElement::DecoratorBlock(decorator) => {
                if decorator.name.as_name() == Some("inline")
                    && let Some(Parameter::Literal(Value::String(name))) = decorator.params.first()
                    && let Some(body) = &decorator.template
                {
                    into.entry(name.clone()).or_default().push((body, file));
                }
                if let Some(body) = &decorator.template {
                    collect_inline(body, file, into);
                }
            }
            TemplateElement::HelperBlock(helper) => {
                for body in [&helper.template, &helper.inverse].into_iter().flatten() {
                    collect_inline(body, file, into);
                }
            }
            TemplateElement::PartialBlock(decorator) => {
                if let Some(body) = &decorator.template {
                    collect_inline(body, file, into);
                }
            }
            _ => {}
        }
    }
}

struct Walk<'a> {
    definitions: Definitions<'a>,
    /// Steps and depth of each partial already measured (they do not depend on the caller).
    measured: HashMap<String, (u64, usize)>,
    /// The partials being expanded, outermost first.
    stack: Vec<String>,
    longest: usize,
}

impl Walk<'_> {
    /// Steps and depth of expanding the partial `name` at nesting `level`, referenced at `from`
    /// (file, template, element index) unless it is where the render starts.
    fn partial(
        &mut self,
        name: &str,
        from: Option<(&str, &Template, usize)>,
        level: usize,
    ) -> Result<(u64, usize), RenderError> {
        if let Some(known) = self.measured.get(name) {
            return Ok(*known);
        }
        if self.stack.iter().any(|open| open == name) {
            let path = [self.stack.as_slice(), &[name.to_owned()]].concat().join(" → ");
            return Err(refuse(
                from,
                format!("partial '{name}' includes itself ({path}); templates must not recurse"),
            ));
        }
        // A quoted name (`{{> 'x'}}`) is counted as reaching both `'x'` and `x`: whichever
        // Handlebars looks up, no recursion is missed.
        let unquoted = name.trim_matches(['\'', '"']);
        let mut definitions = self.definitions.get(name).cloned().unwrap_or_default();
        if unquoted != name {
            definitions.extend(self.definitions.get(unquoted).cloned().unwrap_or_default());
        }
        if definitions.is_empty() {
            // Unknown partials fail when rendered, with Handlebars' own message.
            return Ok((1, 0));
        }
        self.stack.push(name.to_owned());
        let mut most = (0u64, 0usize);
        for (template, file) in definitions {
            let (steps, depth) = self.template(template, file, level)?;
            most = (most.0.max(steps), most.1.max(depth));
        }
        self.stack.pop();
        self.measured.insert(name.to_owned(), most);
        Ok(most)
    }

    /// Steps and depth of rendering `template` once, at nesting `level`.
    fn template(
        &mut self,
        template: &Template,
        file: &str,
        level: usize,
    ) -> Result<(u64, usize), RenderError> {
        if level > MAX_DEPTH {
            return Err(refuse(
                Some((file, template, 0)),
                format!("blocks and partials nest more than {MAX_DEPTH} deep once partials are expanded"),
            ));
        }
        let (mut steps, mut depth) = (0u64, 0usize);
        for (index, element) in template.elements.iter().enumerate() {
            let (inner_steps, inner_depth) = match element {
                TemplateElement::HelperBlock(helper) => {
                    let body = match &helper.template {
                        Some(body) => self.template(body, file, level + 1)?,
                        None => (0, 0),
                    };
                    let inverse = match &helper.inverse {
                        Some(inverse) => self.template(inverse, file, level + 1)?,
                        None => (0, 0),
                    };
                    // A loop runs over the longest list in the data, or over a list written in the
                    // template itself (`{{#each [1,2,…]}}`).
                    let written = match helper.params.first() {
                        Some(Parameter::Literal(Value::Array(items))) => items.len(),
                        Some(Parameter::Literal(Value::Object(fields))) => fields.len(),
                        _ => 0,
                    };
                    let runs = if helper.name.as_name() == Some("each") {
                        self.longest.max(written) as u64
                    } else {
                        1
                    };
                    (body.0.saturating_mul(runs).saturating_add(inverse.0), body.1.max(inverse.1) + 1)
                }
                TemplateElement::PartialExpression(partial) | TemplateElement::PartialBlock(partial) => {
                    let name = partial_name(partial).ok_or_else(|| {
                        refuse(
                            Some((file, template, index)),
                            "partial names must be written out ({{> name}}), not computed".to_owned(),
                        )
                    })?;
                    let block = match &partial.template {
                        Some(block) => self.template(block, file, level + 1)?,
                        None => (0, 0),
                    };
                    // `@partial-block` prints the block its caller passed, already counted there.
                    let called = if name == "@partial-block" {
                        (0, 0)
                    } else {
                        self.partial(&name, Some((file, template, index)), level + 1)?
                    };
                    (called.0.saturating_add(block.0), called.1.max(block.1) + 1)
                }
                _ => (0, 0),
            };
            steps = steps.saturating_add(1).saturating_add(inner_steps);
            depth = depth.max(inner_depth);
        }
        if level + depth > MAX_DEPTH {
            return Err(refuse(
                Some((file, template, 0)),
                format!("blocks and partials nest more than {MAX_DEPTH} deep once partials are expanded"),
            ));
        }
        Ok((steps, depth))
    }
}

/// A partial's name as written (`{{> name}}`, `{{> 'name'}}`), or `None` when it is computed.
fn partial_name(partial: &DecoratorTemplate) -> Option<String> {
    let name = match &partial.name {
        Parameter::Literal(Value::String(name)) => name.as_str(),
        Parameter::Subexpression(_) => return None,
        other => other.as_name()?,
    };
    Some(name.to_owned())
}

/// A template error at element `index` of `template` in `file`.
fn refuse(at: Option<(&str, &Template, usize)>, message: String) -> RenderError {
    let (file, position) = match at {
        Some((file, template, index)) => (file, template.mapping.get(index).map(|m| (m.0, m.1))),
        None => ("template", None),
    };
    RenderError::Template {
        file: file.to_owned(),
        line: position.map(|(line, _)| line),
        column: position.map(|(_, column)| column),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(text: &str) -> Result<Handlebars<'static>, RenderError> {
        check_nesting("t.hbs", text)?;
        let mut registry = Handlebars::new();
        registry.register_template_string("statement", text).map_err(|error| RenderError::Template {
            file: "t.hbs".to_owned(),
            line: None,
            column: None,
            message: error.to_string(),
        })?;
        Ok(registry)
    }

    fn measured(text: &str, longest: usize) -> Result<u64, String> {
        let registry = compile(text).map_err(|error| error.to_string())?;
        let entries = [Entry { name: "statement", file: "t.hbs" }];
        measure(&registry, &entries, "statement", longest).map_err(|error| error.to_string())
    }

    #[test]
    fn nesting_is_counted_as_the_parser_sees_it() {
        let deep = |open: &str, close: &str, n: usize| format!("{}x{}", open.repeat(n), close.repeat(n));
        assert!(check_nesting("t", &deep("{{#if a}}", "{{/if}}", MAX_NESTING)).is_ok());
        let error = check_nesting("t", &deep("{{#if a}}", "{{/if}}", MAX_NESTING + 1)).expect_err("deep");
        assert!(error.to_string().contains(&format!("line 1, column {}", 9 * MAX_NESTING + 1)), "{error}");
        let parens =
            format!("{{{{x {}a{}}}}}", "(lookup ".repeat(MAX_NESTING + 1), ")".repeat(MAX_NESTING + 1));
        assert!(check_nesting("t", &parens).is_err());
        assert!(check_nesting("t", &format!("{{{{x {}1{}}}}}", "[".repeat(50), "]".repeat(50))).is_err());
        // Closing brackets inside strings, comments or escaped tags do not lower the count.
        let hidden = format!("{{{{x {}}}}}", "(a \")\" ".repeat(MAX_NESTING + 1));
        assert!(check_nesting("t", &hidden).is_err());
        let commented = "{{! }} ((( }}".to_owned() + &deep("{{#if a}}", "{{/if}}", MAX_NESTING + 1);
        assert!(check_nesting("t", &commented).is_err());
        // A raw block's end, a `[…]` name holding a brace, and a long `{{else if}}` chain do not
        // hide nesting either (each once let 100,000 levels through to the parser).
        let deep_ifs = deep("{{#if a}}", "{{/if}}", MAX_NESTING + 1);
        assert!(check_nesting("t", &format!("{{{{{{{{raw}}}}}}}}x{{{{{{{{/raw}}}}}}}}{deep_ifs}")).is_err());
        assert!(check_nesting("t", &format!("{{{{[a{{]}}}}{deep_ifs}")).is_err());
        let chain = format!("{{{{#if a}}}}{}{{{{/if}}}}", "{{else if a}}".repeat(MAX_NESTING + 1));
        assert!(check_nesting("t", &chain).is_err());
        assert!(check_nesting("t", "{{#if a}}x{{else if b}}y{{else}}z{{/if}}").is_ok());
        // Prose brackets and closed blocks do not add up.
        let prose = "(see annex) [1] {{#if a}}x{{/if}} ".repeat(500);
        assert!(check_nesting("t", &prose).is_ok());
    }

    /// Deep nesting hidden among escapes, strings, comments and raw blocks: whatever the check
    /// lets through must parse on a small stack (an overflow would abort this test binary).
    #[test]
    fn whatever_passes_the_nesting_check_parses_on_a_small_stack() {
        const NOISE: &[&str] = &[
            "\"",
            "'",
            "\\",
            "\\{{",
            "{{!-- ",
            " --}}",
            "}}",
            "{{{{raw}}}}",
            "{{{{/raw}}}}",
            ")",
            "]",
            "{",
            "}",
            " ",
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        let mut accepted = 0;
        for _ in 0..300 {
            let depth = rng.usize(20..3000);
            let mut text = String::new();
            let noise = |rng: &mut fastrand::Rng, text: &mut String| {
                for _ in 0..rng.usize(0..3) {
                    text.push_str(NOISE[rng.usize(..NOISE.len())]);
                }
            };
            for _ in 0..depth {
                text.push_str(if rng.bool() { "{{#if a}}" } else { "{{#each a}}" });
                noise(&mut rng, &mut text);
            }
            text.push_str("{{x ");
            for _ in 0..depth {
                text.push_str(["(lookup a ", "[", "{\"k\":"][rng.usize(..3)]);
                noise(&mut rng, &mut text);
            }
            if check_nesting("t", &text).is_ok() {
                accepted += 1;
                let parsed = std::thread::Builder::new()
                    .stack_size(1 << 20)
                    .spawn(move || Handlebars::new().register_template_string("t", &text).is_ok())
                    .expect("thread")
                    .join();
                assert!(parsed.is_ok(), "the parser panicked");
            }
        }
        assert!(accepted < 300, "every case was accepted: the generator does not nest");
    }

    #[test]
    fn partials_that_reach_themselves_are_refused_with_their_path() {
        let cycle = "a\n{{#*inline \"x\"}}{{> y}}{{/inline}}{{#*inline \"y\"}}{{> x}}{{/inline}}{{> x}}";
        let error = measured(cycle, 1).expect_err("cycle");
        assert!(error.contains("includes itself (statement → x → y → x)"), "{error}");
        assert!(error.starts_with("t.hbs, line 2"), "{error}");
        let through_the_entry = "{{#*inline \"a\"}}{{> statement}}{{/inline}}{{> a}}";
        assert!(measured(through_the_entry, 1).expect_err("cycle").contains("statement → a → statement"));
        let dynamic = measured("{{> (lookup this 'p')}}", 1).expect_err("dynamic");
        assert!(dynamic.contains("written out"), "{dynamic}");
        // A quoted name is the same partial to the check, whichever name Handlebars looks up.
        let quoted = "{{#*inline \"'x'\"}}{{> 'x'}}{{/inline}}{{> 'x'}}";
        assert!(measured(quoted, 1).expect_err("cycle").contains("includes itself"));
        // Reuse is not recursion.
        assert!(measured("{{#*inline \"x\"}}ok{{/inline}}{{> x}}{{> x}}{{#> x}}{{/x}}", 1).is_ok());
    }

    #[test]
    fn loops_are_counted_over_the_longest_list() {
        let one = measured("{{#each items}}<p>{{title}}</p>{{/each}}", 10).expect("fine");
        assert_eq!(one, 1 + 10 * 3);
        let seven = "{{#each @root.items}}".repeat(7) + &"{{/each}}".repeat(7);
        assert_eq!(measured(&seven, 3), Ok((0..7).map(|n| 3u64.pow(n)).sum()));
        let error = measured(&seven, 20).expect_err("20^7 steps");
        assert!(error.contains("nested {{#each}} loops multiply"), "{error}");
        // A list written in the template counts as much as one in the data.
        let written = format!("{{{{#each [{}]}}}}", vec!["0"; 1000].join(","));
        let four = written.repeat(4) + &"{{/each}}".repeat(4);
        assert!(measured(&four, 3).expect_err("10^12 steps").contains("loops multiply"));
        // Partials called in loops count each time.
        let fanned = "{{#*inline \"p\"}}{{#each items}}x{{/each}}{{/inline}}".to_owned()
            + &"{{#each items}}{{> p}}{{/each}}".repeat(2);
        assert_eq!(measured(&fanned, 10), Ok(1 + 2 * (1 + 10 * (1 + (1 + 10)))));
    }

    #[test]
    fn depth_counts_partials_expanded() {
        let mut chain = String::new();
        for n in 0..=MAX_DEPTH {
            chain.push_str(&format!("{{{{#*inline \"p{n}\"}}}}{{{{> p{}}}}}{{{{/inline}}}}", n + 1));
        }
        chain.push_str(&format!("{{{{#*inline \"p{}\"}}}}end{{{{/inline}}}}{{{{> p0}}}}", MAX_DEPTH + 1));
        let error = measured(&chain, 1).expect_err("deep");
        assert!(error.contains(&format!("more than {MAX_DEPTH} deep")), "{error}");
    }

    #[test]
    fn the_longest_list_looks_inside_objects_and_lists() {
        let data = serde_json::json!({"a": [1, 2, 3], "b": {"c": [[1, 2, 3, 4, 5]]}});
        assert_eq!(longest_list(&data), 5);
        assert_eq!(longest_list(&serde_json::json!("text")), 0);
    }
}
