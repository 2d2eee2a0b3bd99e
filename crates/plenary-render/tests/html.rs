//! The HTML export through the built-in templates: structure, escaping, sanitising, snapshots.

mod common;

use plenary_render::{Document, TemplateSet, render_html};
use scraper::{Html, Selector};

fn render(template: &str, statement: &plenary_core::assembly::AssembledStatement) -> String {
    let template = TemplateSet::builtin().get(template).expect("built-in template");
    let organisation = common::organisation();
    render_html(&template, &Document { statement, organisation: &organisation }).expect("render")
}

/// Asserts that nothing in the document can run or load: no active elements, no event handler
/// attributes, no script or remote URLs, no CSS that fetches.
fn assert_inert(html: &str) {
    let page = Html::parse_document(html);
    let all = Selector::parse("*").expect("selector");
    for element in page.select(&all) {
        let name = element.value().name();
        assert!(
            ![
                "script", "iframe", "frame", "object", "embed", "form", "input", "base", "svg", "math",
                "link", "audio", "video"
            ]
            .contains(&name),
            "<{name}> survived"
        );
        if name == "meta" {
            assert_ne!(element.value().attr("http-equiv").map(str::to_lowercase).as_deref(), Some("refresh"));
        }
        for (attribute, value) in element.value().attrs() {
            let value = value.trim().to_lowercase();
            assert!(!attribute.starts_with("on"), "{attribute} on <{name}>");
            assert_ne!(attribute, "style", "style attribute on <{name}>");
            if ["href", "src", "action", "formaction", "xlink:href"].contains(&attribute) {
                assert!(
                    !value.starts_with("javascript:") && !value.contains("evil.example"),
                    "{attribute}={value}"
                );
                if attribute == "src" {
                    assert!(value.starts_with("data:image/"), "remote src {value}");
                }
                if attribute == "href" {
                    assert!(!value.starts_with("data:"), "data link {value}");
                }
            }
        }
    }
    let style = select(&page, "style").join("\n").to_lowercase();
    for word in ["@import", "url(http", "expression(", "evil.example"] {
        assert!(!style.contains(word), "{word} survived in the CSS");
    }
}

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).expect("selector");
    html.select(&selector).map(|e| e.text().collect::<String>().trim().to_owned()).collect()
}

#[test]
fn the_letterhead_has_organisation_title_event_items_and_signatories() {
    let html = render("letterhead", &common::english());
    let page = Html::parse_document(&html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(select(&page, "title"), ["Civil society statement"]);
    assert_eq!(select(&page, ".organisation-name"), ["Alianza Puentes"]);
    assert_eq!(select(&page, "h1"), ["Civil society statement"]);
    assert_eq!(select(&page, ".event"), ["GFMD 2027 · Bogotá, Colombia · 26–28 January 2027"]);
    assert_eq!(select(&page, "main > section > h2"), ["Who we are", "Recommendations", "Closing", "Signed"]);
    assert_eq!(select(&page, "ol > li").len(), 2);
    assert_eq!(select(&page, ".signatories .name"), ["Alianza Puentes"]);
    let logo = Selector::parse("img.logo").expect("selector");
    let src = page.select(&logo).next().and_then(|img| img.value().attr("src")).unwrap_or_default();
    assert!(src.starts_with("data:image/svg+xml;base64,"), "the logo is inline: {src}");
    assert!(html.contains("“migrant-led”") && html.contains("—"), "typographic characters survive");
    assert!(
        html.contains("--accent-colour: #1f4e79;") && html.contains("@page {\n  size: A4;"),
        "style.toml reaches the CSS"
    );
    assert!(html.contains("Content-Security-Policy"), "the file forbids loading and running anything");
}

#[test]
fn spanish_statements_are_spanish_throughout() {
    let html = render("letterhead", &common::spanish());
    let page = Html::parse_document(&html);
    assert!(html.contains("<html lang=\"es\">"));
    assert_eq!(select(&page, ".event"), ["GFMD 2027 · Bogotá, Colombia · 26–28 de enero de 2027"]);
    assert_eq!(select(&page, ".date"), ["26 de enero de 2027"]);
    assert_eq!(select(&page, ".signatories h2"), ["Firman"]);
    assert!(select(&page, "blockquote").iter().any(|q| q.contains("La protección es lo primero")));
}

#[test]
fn the_built_in_templates_match_their_snapshots() {
    for name in ["letterhead", "plain"] {
        insta::assert_snapshot!(format!("{name}_en"), render(name, &common::english()));
        insta::assert_snapshot!(format!("{name}_es"), render(name, &common::spanish()));
    }
}

#[test]
fn hostile_bodies_titles_and_names_run_nothing() {
    let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"#\" onmouseover=\"alert(1)\">hover</a>",
        "<div style=\"background:url(https://evil.example/x)\">x</div>",
        "<object data=\"x.swf\"></object><embed src=\"x\"><form action=\"https://evil.example\"><input></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><base href=\"https://evil.example/\">",
    ];
    let items: Vec<(&str, &str)> = hostile.iter().map(|h| (*h, *h)).collect();
    let statement = common::statement("en", items);
    let mut organisation = common::organisation();
    organisation.name = "<script>alert('org')</script>".into();
    organisation.website = Some("javascript:alert(1)".into());
    let template = TemplateSet::builtin().get("letterhead").expect("template");
    let html = render_html(&template, &Document { statement: &statement, organisation: &organisation })
        .expect("render");
    assert_inert(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "hostile titles show as text");
}

#[test]
fn hostile_templates_are_sanitised_too() {
    let folder = tempfile::tempdir().expect("folder");
    let dir = folder.path().join("evil");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("statement.hbs"), "<script>alert(1)</script><h1 onclick=\"x()\">{{{title}}}</h1><img src=\"https://evil.example/p.png\"><a href=\"javascript:alert(1)\">x</a>").expect("write");
    std::fs::write(dir.join("style.css"), "@import url(https://evil.example/x.css); body { background: url(https://evil.example/bg.png) } </style><script>alert(2)</script>").expect("write");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../templates/plain/style.toml"),
        dir.join("style.toml"),
    )
    .expect("copy");
    let set = TemplateSet::with_user_folder(folder.path()).expect("user folder");
    let template = set.get("evil").expect("evil template");
    let mut statement = common::english();
    statement.title = "<img src=x onerror=alert(1)>".into();
    let organisation = common::organisation();
    let html = render_html(&template, &Document { statement: &statement, organisation: &organisation })
        .expect("render");
    assert_inert(&html);
    assert!(!html.contains("evil.example"), "no remote address anywhere: {html}");
}

#[test]
fn broken_templates_name_file_line_and_column() {
    let folder = tempfile::tempdir().expect("folder");
    let dir = folder.path().join("plain");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("statement.hbs"), "<h1>{{title}}</h1>\n<p>{{#each items}}{{title}}</p>\n")
        .expect("write");
    let set = TemplateSet::with_user_folder(folder.path()).expect("user folder");
    let error = set.get("plain").expect_err("unclosed block").to_string();
    // User templates are named by their path, written the system's way.
    let file = std::path::Path::new("plain").join("statement.hbs").display().to_string();
    assert!(error.contains(&format!("{file}, line ")) && error.contains("column"), "{error}");

    std::fs::write(dir.join("statement.hbs"), "<h1>{{titel}}</h1>").expect("write");
    let template = TemplateSet::with_user_folder(folder.path()).expect("set").get("plain").expect("compiles");
    let statement = common::english();
    let organisation = common::organisation();
    let error = render_html(&template, &Document { statement: &statement, organisation: &organisation })
        .expect_err("strict");
    let message = error.to_string();
    assert!(message.contains(&file) && message.contains("titel"), "{message}");

    std::fs::write(dir.join("style.toml"), "page_size = \"a5\"\n").expect("write");
    let error = TemplateSet::with_user_folder(folder.path())
        .expect("set")
        .get("plain")
        .expect_err("bad style")
        .to_string();
    assert!(error.contains("style.toml") && error.contains("line 1"), "{error}");

    let error = TemplateSet::builtin().get("fancy").expect_err("unknown").to_string();
    assert_eq!(error, "unknown template 'fancy' (templates: letterhead, plain)");
}

/// A user template folder holding `plain` with the given statement.hbs and, if given, style.toml.
fn user_template(
    body: &str,
    style: Option<&str>,
) -> (tempfile::TempDir, Result<plenary_render::Template, String>) {
    let folder = tempfile::tempdir().expect("folder");
    let dir = folder.path().join("plain");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("statement.hbs"), body).expect("write");
    if let Some(style) = style {
        std::fs::write(dir.join("style.toml"), style).expect("write");
    }
    let template = TemplateSet::with_user_folder(folder.path())
        .expect("set")
        .get("plain")
        .map_err(|error| error.to_string());
    (folder, template)
}

fn render_english(template: &plenary_render::Template) -> Result<String, String> {
    render_statement(template, &common::english())
}

fn render_statement(
    template: &plenary_render::Template,
    statement: &plenary_core::assembly::AssembledStatement,
) -> Result<String, String> {
    let organisation = common::organisation();
    render_html(template, &Document { statement, organisation: &organisation }).map_err(|e| e.to_string())
}

#[test]
fn recursive_templates_are_refused_naming_the_file() {
    let file = std::path::Path::new("plain").join("statement.hbs").display().to_string();
    for body in [
        "{{#*inline \"loop\"}}{{> loop}}{{/inline}}{{> loop}}",
        "{{#*inline \"a\"}}{{> statement}}{{/inline}}{{> a}}",
        "{{#> a}}{{/a}}{{#*inline \"a\"}}{{> 'statement'}}{{/inline}}",
    ] {
        let (_folder, template) = user_template(body, None);
        let error = template.expect_err(body);
        assert!(error.contains(&file) && error.contains("includes itself"), "{body}: {error}");
    }
    // The footer in style.toml is a template too: the body and the footer must not call each other.
    let style = format!("{}footer = \"{{{{> statement}}}}\"\n", plain_style_without_footer());
    let (_folder, template) = user_template("<main>{{> footer}}</main>", Some(&style));
    let error = template.expect_err("footer ↔ statement");
    assert!(error.contains("includes itself (statement → footer → statement)"), "{error}");
}

/// The built-in plain style.toml without its footer line.
fn plain_style_without_footer() -> String {
    let folder = tempfile::tempdir().expect("folder");
    TemplateSet::export_builtin(folder.path()).expect("export");
    let style = std::fs::read_to_string(folder.path().join("plain/style.toml")).expect("read");
    style.lines().filter(|line| !line.starts_with("footer")).map(|line| format!("{line}\n")).collect()
}

#[test]
fn loops_that_would_run_for_hours_are_refused_before_rendering() {
    // Seven nested loops over twenty items that print nothing: 20^7 steps, which no output limit
    // would stop. The same template over three items is fine.
    let seven = "{{#each @root.items}}".repeat(7) + &"{{/each}}".repeat(7);
    let (_folder, template) = user_template(&seven, None);
    let template = template.expect("compiles");
    let titles: Vec<String> = (1..=20).map(|n| format!("Item {n}")).collect();
    let twenty = common::statement("en", titles.iter().map(|t| (t.as_str(), "Body.")).collect());
    let error = render_statement(&template, &twenty).expect_err("too much work");
    assert!(error.contains("nested {{#each}} loops multiply"), "{error}");
    assert!(render_english(&template).is_ok());

    // Text nested past the parser's limit is refused before it is parsed (no stack overflow).
    let deep = "{{#if title}}".repeat(100_000) + &"{{/if}}".repeat(100_000);
    let (_folder, template) = user_template(&deep, None);
    assert!(template.expect_err("deep").contains("nest at most"));
    let parens = format!("{{{{title {}title{}}}}}", "(lookup ".repeat(100_000), ")".repeat(100_000));
    let (_folder, template) = user_template(&parens, None);
    assert!(template.expect_err("deep").contains("nest at most"));
}

#[test]
fn the_built_in_templates_render_a_thousand_items() {
    let items: Vec<(String, String)> =
        (1..=1000).map(|n| (format!("Item {n}"), format!("Body {n}."))).collect();
    let borrowed: Vec<(&str, &str)> = items.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let statement = common::statement("en", borrowed);
    let organisation = common::organisation();
    for name in ["letterhead", "plain"] {
        let template = TemplateSet::builtin().get(name).expect("built in");
        let html = render_html(&template, &Document { statement: &statement, organisation: &organisation })
            .expect("renders");
        assert!(html.contains("Item 1000"), "{name}");
    }
}

#[test]
fn runaway_output_is_stopped() {
    // Three nested loops over the three items print a 3 MB line 27 times: past the 64 MB limit.
    let nested = "{{#each @root.items}}".repeat(3) + &"x".repeat(3_000_000) + &"{{/each}}".repeat(3);
    let (_folder, template) = user_template(&nested, None);
    let error = render_english(&template.expect("compiles")).expect_err("too big");
    assert!(error.contains("the output grew past"), "{error}");
}

#[test]
fn template_export_writes_every_built_in_file_once() {
    let folder = tempfile::tempdir().expect("folder");
    let written = TemplateSet::export_builtin(folder.path()).expect("export");
    assert_eq!(written.len(), 6);
    assert!(folder.path().join("letterhead/statement.hbs").exists());
    assert!(TemplateSet::export_builtin(folder.path()).is_err(), "nothing is overwritten");
    // An exported, edited copy overrides the built-in file.
    std::fs::write(folder.path().join("plain/style.css"), "h1 { color: #ff0000; }").expect("edit");
    let set = TemplateSet::with_user_folder(folder.path()).expect("set");
    let origins: Vec<_> = set.list().into_iter().map(|t| (t.name, t.origin.as_str())).collect();
    assert_eq!(
        origins,
        [("letterhead".to_owned(), "built-in, overridden"), ("plain".to_owned(), "built-in, overridden")]
    );
}

#[test]
fn exports_are_valid_html_by_the_nu_checker() {
    let jar = std::env::var("PLENARY_VNU_JAR")
        .expect("PLENARY_VNU_JAR names the Nu HTML checker (vnu.jar); scripts/test installs it and sets it");
    let folder = tempfile::tempdir().expect("folder");
    let mut files = Vec::new();
    for template in ["letterhead", "plain"] {
        for (lang, statement) in
            [("en", common::english()), ("es", common::spanish()), ("long", common::long("en"))]
        {
            let path = folder.path().join(format!("{template}-{lang}.html"));
            std::fs::write(&path, render(template, &statement)).expect("write");
            files.push(path);
        }
    }
    let mut checker = common::host::HostCommand::new("java")
        .arg("-jar")
        .arg(jar)
        .arg("--errors-only")
        .arg("--also-check-css");
    for file in &files {
        checker = checker.path(file);
    }
    let output = checker.output();
    let report = output.stderr_text();
    assert!(output.success && report.trim().is_empty(), "the Nu checker found errors:\n{report}");
}
