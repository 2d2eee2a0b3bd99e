//! The real app, driven through WebDriver: search, create, compose, reorder, preview, export,
//! restart; and hostile section text that must not run anywhere in the window.
//!
//! Each test starts the built `plenary-app` on its own library file. They run one at a time
//! (one window, one display).

use std::path::Path;

use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;
use plenary_e2e::{App, pdf_text, select, wait_for_export};
use plenary_store::{NewSection, SectionFilter, Store};
use thirtyfour::prelude::*;
use tokio::sync::Mutex;

static ONE_WINDOW_AT_A_TIME: Mutex<()> = Mutex::const_new(());

/// A library file with the demo content, as the app makes on first start, plus `extra`.
fn library(dir: &Path, extra: &[(&str, &str)]) -> std::path::PathBuf {
    let path = dir.join("library.sqlite3");
    let mut store = Store::open(&path).expect("create library");
    store.write(|w| w.add_demo_library("e2e")).expect("demo library");
    for (title, body) in extra {
        let new = NewSection {
            title: (*title).to_owned(),
            body: (*body).to_owned(),
            kind: Kind::parse("position").expect("kind"),
            lang: Language::english(),
            tags: vec!["hostile".to_owned()],
            status: SectionStatus::Draft,
            owner: None,
            review_due: None,
            author: "e2e".to_owned(),
            note: None,
        };
        store.write(|w| w.add_section(new)).expect("add section");
    }
    path
}

/// Runs the `plenary` command on `db`; returns what it printed.
fn cli(db: &Path, args: &[&str]) -> Vec<u8> {
    let output = std::process::Command::new(plenary_e2e::cli_binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PLENARY_TODAY")
        .output()
        .expect("run plenary");
    assert!(output.status.success(), "plenary {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

/// The titles of the composer's items, in order.
async fn item_titles(app: &App) -> Vec<String> {
    let value = app
        .eval("return [...document.querySelectorAll('[data-item-position]')].map(c => c.getAttribute('aria-label'));")
        .await;
    value.as_array().expect("array").iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect()
}

/// Positions of `needles` in the preview's HTML (None when missing).
async fn preview_order(app: &App, needles: &[&str]) -> Vec<Option<usize>> {
    let html = app.eval("return document.querySelector('[data-testid=preview]').srcdoc;").await;
    let html = html.as_str().unwrap_or_default().to_owned();
    needles.iter().map(|n| html.find(n)).collect()
}

async fn search_library(app: &App, text: &str) {
    let search = app.find("[data-testid=library-search]").await;
    search.clear().await.expect("clear search");
    search.send_keys(text).await.expect("type search");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_statement_is_composed_reordered_exported_and_still_there_after_a_restart() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports folder");
    let db = library(dir.path(), &[]);
    let app = App::start(&db, &exports).await;

    // The library opens on the demo sections; search narrows it with highlighted snippets.
    app.wait_until(
        "the demo library listed",
        "return document.querySelectorAll('[data-section-id]').length >= 10",
    )
    .await;
    // From here until the search is typed, every change to the list is watched: a late answer
    // that emptied or shrank it would be caught, however late it came in that time.
    let watching = "window.__fewest = document.querySelectorAll('[data-section-id]').length; \
         window.__listWatch = new MutationObserver(() => { window.__fewest = Math.min(window.__fewest, \
           document.querySelectorAll('[data-section-id]').length); }); \
         window.__listWatch.observe(document.body, { childList: true, subtree: true }); return window.__fewest;";
    assert_eq!(app.eval(watching).await, serde_json::json!(14), "the demo library's 14 sections");
    let count = app.find("[data-testid=result-count]").await.text().await.expect("count");
    assert_eq!(count, "14 sections");
    app.screenshot("01-library").await;
    let fewest = app.eval("window.__listWatch.disconnect(); return window.__fewest;").await;
    assert_eq!(fewest, serde_json::json!(14), "the list stayed filled once loaded");
    search_library(&app, "detention").await;
    let hits = app
        .wait_until(
            "search results with marks",
            "const rows = [...document.querySelectorAll('.section-row')]; return rows.length > 0 && rows.some(r => r.querySelector('mark')) && rows.map(r => r.querySelector('.title').textContent);",
        )
        .await;
    assert!(hits.to_string().contains("End criminalization of migration and detention"), "hits: {hits}");
    app.screenshot("02-search").await;

    // Create a section through the editor.
    app.click("[data-testid=new-section]").await;
    app.type_into("[data-testid=new-title]", "Climate displacement").await;
    app.type_into("[data-testid=new-body]", "People displaced by climate change need protection.").await;
    app.click("[data-testid=create-section]").await;
    app.wait_until(
        "the new section open in the editor",
        "const t = document.querySelector('[data-testid=section-title]'); return t && t.value === 'Climate displacement';",
    )
    .await;
    // Edit it: type on with the toolbar's Bold on, then leave the editor so a version is cut.
    app.type_into("[data-testid=section-body]", " ").await;
    app.click("[data-testid=section-editor] .toolbar button:first-child").await;
    let body = app.driver.active_element().await.expect("the editor keeps the focus");
    body.send_keys("Bold").await.expect("type bold");
    app.wait_until(
        "the draft saved",
        "const s = document.querySelector('[data-testid=save-state]'); return s && s.dataset.state === 'drafted';",
    )
    .await;
    app.screenshot("03-editor").await;
    app.click("[data-testid=open-history]").await;
    app.wait_until(
        "the history with two versions",
        "return document.querySelectorAll('[data-version]').length === 2",
    )
    .await;
    let diff = app.find("[data-testid=diff]").await.text().await.expect("diff text");
    assert!(diff.contains("Bold"), "the diff shows the added word: {diff}");
    app.screenshot("04-history").await;
    app.eval("document.querySelector('[data-testid=history]').close(); return true;").await;

    // Compose a statement for the GFMD from three sections.
    app.click("[data-view=statements]").await;
    app.click("[data-testid=new-statement]").await;
    app.type_into("[data-testid=statement-title-input]", "E2E statement").await;
    let event_id = app
        .wait_until("the event list", "const o = document.querySelector('[data-testid=statement-event] option:nth-child(2)'); return o && o.value;")
        .await;
    select(&app, "[data-testid=statement-event]", event_id.as_str().unwrap_or_default()).await;
    app.click("[data-testid=create-statement]").await;
    app.find("[data-testid=composer]").await;
    for (query, title) in [
        ("who we are", "Who we are"),
        ("protection must", "Protection must come first"),
        ("climate displacement", "Climate displacement"),
    ] {
        let search = app.find("[data-testid=composer-search]").await;
        search.clear().await.expect("clear");
        search.send_keys(query).await.expect("type");
        let script = format!(
            "const hit = [...document.querySelectorAll('[data-hit-id]')].find(h => h.querySelector('strong').textContent === {title:?}); if (!hit) return false; hit.querySelector('[data-testid=add-hit]').click(); return true;"
        );
        app.wait_until(&format!("a hit for {title}"), &script).await;
        let count = format!(
            "return [...document.querySelectorAll('[data-item-position]')].some(c => c.getAttribute('aria-label').endsWith({title:?}));"
        );
        app.wait_until(&format!("{title} in the statement"), &count).await;
    }
    assert_eq!(
        item_titles(&app).await,
        ["1. Who we are", "2. Protection must come first", "3. Climate displacement"]
    );
    app.wait_until(
        "the preview with all three",
        "const h = document.querySelector('[data-testid=preview]').srcdoc; return h.includes('Climate displacement') && h.includes('Who we are');",
    )
    .await;
    let words = app.find("[data-testid=word-count]").await.attr("data-words").await.expect("attr");
    assert!(words.and_then(|w| w.parse::<u32>().ok()).is_some_and(|w| w > 50), "a word count is shown");
    app.screenshot("05-composer").await;

    // Reorder by keyboard: the third item moves up twice, and the preview follows.
    let before = preview_order(&app, &["Who we are", "Climate displacement"]).await;
    assert!(before[0] < before[1], "preview starts in the original order");
    for expected_position in [2, 1] {
        let focus = "const c = [...document.querySelectorAll('[data-item-position]')].find(c => c.getAttribute('aria-label').endsWith('Climate displacement')); c.focus(); return document.activeElement === c;";
        app.wait_until("the card focused", focus).await;
        let active = app.driver.active_element().await.expect("focused card");
        active.send_keys(Key::Alt + Key::Up).await.expect("Alt+Up");
        let moved = format!(
            "return [...document.querySelectorAll('[data-item-position]')].find(c => c.getAttribute('aria-label') === '{expected_position}. Climate displacement') !== undefined;"
        );
        app.wait_until("the item moved up", &moved).await;
    }
    assert_eq!(
        item_titles(&app).await,
        ["1. Climate displacement", "2. Who we are", "3. Protection must come first"]
    );
    app.wait_until(
        "the preview reordered",
        "const h = document.querySelector('[data-testid=preview]').srcdoc; return h.indexOf('Climate displacement') < h.indexOf('Who we are');",
    )
    .await;

    // Statement-only text: the preview follows as it is typed.
    app.click("[data-testid=add-text]").await;
    let text_body = "[data-item-position='4'] [data-testid=item-body]";
    app.type_into(text_body, "Written for the summit in Bogotá.").await;
    app.wait_until(
        "the typed text in the preview",
        "return document.querySelector('[data-testid=preview]').srcdoc.includes('Written for the summit in Bogotá.');",
    )
    .await;

    // Export a PDF and an HTML file; read their text back.
    select(&app, "[data-testid=export-format]", "pdf").await;
    app.click("[data-testid=export]").await;
    let pdf = wait_for_export(&exports, "pdf");
    let text = pdf_text(&pdf);
    let (climate, who, protection) =
        (text.find("Climate displacement"), text.find("Who we are"), text.find("Protection must come first"));
    assert!(climate.is_some() && who.is_some() && protection.is_some(), "PDF text: {text}");
    assert!(climate < who && who < protection, "the PDF follows the new order");
    assert!(text.contains("People displaced by climate change need protection."), "PDF text: {text}");
    assert!(text.contains("Written for the summit in Bogotá."), "PDF text: {text}");
    select(&app, "[data-testid=export-format]", "html").await;
    app.click("[data-testid=export]").await;
    let html = std::fs::read_to_string(wait_for_export(&exports, "html")).expect("read HTML export");
    assert!(html.contains("<strong>Bold</strong>"), "the bold word survived Markdown round trips");
    assert!(html.find("Climate displacement") < html.find("Who we are"));
    for format in ["docx", "txt", "md"] {
        select(&app, "[data-testid=export-format]", format).await;
        app.click("[data-testid=export]").await;
        wait_for_export(&exports, format);
    }
    app.wait_until("the export log", "return document.querySelectorAll('.exports li').length === 5").await;
    // The command exports the very same bytes in every format.
    let statement = cli(&db, &["statement", "list", "--json"]);
    let statements: serde_json::Value = serde_json::from_slice(&statement).expect("statement list JSON");
    let id = statements
        .as_array()
        .and_then(|list| list.iter().find(|s| s["title"] == "E2E statement"))
        .and_then(|s| s["id"].as_str())
        .expect("the statement listed by the command")
        .to_owned();
    for format in ["pdf", "html", "docx", "txt", "md"] {
        let from_app = std::fs::read(wait_for_export(&exports, format)).expect("the app's export");
        let out = dir.path().join(format!("from-the-command.{format}"));
        cli(&db, &["export", &id, "--format", format, "--out", out.to_str().expect("path")]);
        let from_cli = std::fs::read(&out).expect("the command's export");
        assert!(from_app == from_cli, "the app's and the command's {format} exports differ");
    }

    // The text changes and is exported again over the same file; the log compares the two text
    // exports word by word and gives back the first as it was sent.
    let txt = wait_for_export(&exports, "txt");
    let first_txt = std::fs::read(&txt).expect("the first text export");
    // At the end of the text: focus it, move to its end, then type there.
    app.click(text_body).await;
    app.press(&["ctrl+End"]).await;
    app.find(text_body).await.send_keys(" Added later.").await.expect("type at the end");
    app.wait_until(
        "the new words in the preview",
        "return document.querySelector('[data-testid=preview]').srcdoc.includes('Added later.');",
    )
    .await;
    select(&app, "[data-testid=export-format]", "txt").await;
    app.click("[data-testid=export]").await;
    // Five from the window, five from the command above, and this one.
    app.wait_until(
        "eleven exports in the log",
        "return document.querySelectorAll('.exports li').length === 11",
    )
    .await;
    assert_ne!(std::fs::read(&txt).expect("the second text export"), first_txt, "the file was overwritten");
    let text_rows = "[...document.querySelectorAll('[data-testid=export-log] li')]\
        .filter(li => li.querySelector('[data-testid=open-export]').textContent === 'TXT')";
    let ticked = app
        .eval(&format!(
            "const rows = {text_rows}; [rows[0], rows[rows.length - 1]].forEach(r => r.querySelector('[data-testid=compare-export]').click()); return rows.length;"
        ))
        .await;
    // This one, the command's and the window's first.
    assert_eq!(ticked, serde_json::json!(3));
    let added = app
        .wait_until(
            "the word diff of the two text exports",
            "const d = document.querySelector('[data-testid=export-diff]'); \
             return d && [...d.querySelectorAll('.added')].map(s => s.textContent).join('');",
        )
        .await;
    assert!(added.as_str().is_some_and(|added| added.contains("Added later.")), "{added}");
    app.eval(&format!(
        "const rows = {text_rows}; rows[rows.length - 1].querySelector('[data-testid=open-export]').click(); return true;"
    ))
    .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let sent = loop {
        let copy = std::fs::read_dir(&exports)
            .expect("exports folder")
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| path.to_string_lossy().contains("(sent "));
        if let Some(copy) = copy {
            break copy;
        }
        assert!(std::time::Instant::now() < deadline, "the first export was not given back");
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(std::fs::read(&sent).expect("the copy"), first_txt, "the export as it was sent");

    // Other screens, for the record.
    for (view, loaded) in [
        ("events", "return document.querySelectorAll('tbody tr').length === 1"),
        ("facts", "return document.querySelectorAll('[data-fact]').length === 2"),
        (
            "organisation",
            "const n = document.querySelector('[data-testid=org-name]'); return n && n.value === 'Alianza Puentes'",
        ),
    ] {
        app.click(&format!("[data-view={view}]")).await;
        app.wait_until(view, loaded).await;
        app.screenshot(&format!("06-{view}")).await;
    }
    let light = app.screenshot("08-light").await;
    // The Spanish interface in the dark theme.
    app.click("[data-view=library]").await;
    select(&app, "[data-testid=ui-language]", "es").await;
    select(&app, "[data-testid=ui-theme]", "dark").await;
    app.wait_until("the Spanish interface", "return document.querySelector('[data-view=library]').textContent === 'Biblioteca' && document.documentElement.dataset.theme === 'dark'").await;
    // What a person sees: the window's own background, the choice shown in the select, and the
    // pixels of the whole window against the light one.
    let seen = app
        .eval(
            "const s = document.querySelector('[data-testid=ui-theme]'); \
             return [getComputedStyle(document.documentElement).backgroundColor, s.options[s.selectedIndex].textContent];",
        )
        .await;
    assert_eq!(seen, serde_json::json!(["rgb(22, 24, 28)", "Oscuro"]));
    let dark = app.screenshot("09-spanish-dark").await;
    let (light, dark) = (plenary_e2e::mean_brightness(&light), plenary_e2e::mean_brightness(&dark));
    assert!(light > 0.8 && dark < 0.2, "the window is light ({light:.2}) then dark ({dark:.2})");
    select(&app, "[data-testid=ui-language]", "en").await;
    select(&app, "[data-testid=ui-theme]", "system").await;
    app.stop().await;

    // Restart: everything is still there.
    let app = App::start(&db, &exports).await;
    app.wait_until(
        "the library after restart",
        "return document.querySelectorAll('[data-section-id]').length >= 15",
    )
    .await;
    search_library(&app, "climate displacement").await;
    app.wait_until(
        "the new section found after restart",
        "return [...document.querySelectorAll('.section-row .title')].some(t => t.textContent === 'Climate displacement');",
    )
    .await;
    app.click("[data-view=statements]").await;
    let open = "const b = [...document.querySelectorAll('[data-statement-id]')].find(b => b.textContent.includes('E2E statement')); if (!b) return false; b.click(); return true;";
    app.wait_until("the statement listed after restart", open).await;
    app.find("[data-testid=composer]").await;
    app.wait_until(
        "the items after restart",
        "return document.querySelectorAll('[data-item-position]').length === 4",
    )
    .await;
    assert_eq!(
        item_titles(&app).await,
        ["1. Climate displacement", "2. Who we are", "3. Protection must come first", "4. New paragraph"]
    );
    // The statement-only text typed before the restart, in its card and in the preview.
    let kept = app
        .wait_until(
            "the statement-only text after restart",
            "const b = document.querySelector(\"[data-item-position='4'] [data-testid=item-body]\"); \
             const p = document.querySelector('[data-testid=preview]'); \
             return b && p && p.srcdoc.includes('Written for the summit in Bogotá.') && (b.value ?? b.textContent).trim();",
        )
        .await;
    assert_eq!(kept, serde_json::json!("Written for the summit in Bogotá. Added later."));

    // A signatory is asked, then agrees: only then does the name reach the preview.
    app.type_into("[data-testid=signatory-name]", "Red Regional").await;
    app.click("[data-testid=add-signatory]").await;
    app.wait_until(
        "the signatory asked, not printed",
        "const s = document.querySelector('[data-signer=\"Red Regional\"]'); \
         return s && s.dataset.standing === 'invited' && !document.querySelector('[data-testid=preview]').srcdoc.includes('Red Regional');",
    )
    .await;
    app.click("[data-signer='Red Regional'] [data-testid=signer-agreed]").await;
    app.wait_until(
        "the signatory agreed and printed",
        "const s = document.querySelector('[data-signer=\"Red Regional\"]'); \
         return s && s.dataset.standing === 'agreed' && document.querySelector('[data-testid=preview]').srcdoc.includes('Red Regional');",
    )
    .await;

    // Marking it final lists what is still to check and asks; once final, a new figure set by
    // the command no longer reaches it, until it is reopened with a reason.
    app.click("[data-testid=mark-final]").await;
    let problems = app
        .wait_until(
            "the checklist before final",
            "const l = document.querySelector('[data-testid=status-problems]'); return l && l.textContent;",
        )
        .await;
    assert!(
        problems.as_str().is_some_and(|p| p.contains("“Climate displacement” v2 is not vetted")),
        "{problems}"
    );
    app.screenshot("14-mark-final").await;
    app.click("[data-testid=status-confirm]").await;
    app.wait_until(
        "the statement final and frozen",
        "const s = document.querySelector('[data-testid=statement-status]'); \
         return s.textContent === 'Final' && document.querySelector('[data-testid=frozen-on]') !== null;",
    )
    .await;
    cli(&db, &["fact", "set", "member_orgs", "46"]);
    let shown: serde_json::Value =
        serde_json::from_slice(&cli(&db, &["statement", "show", &id, "--json"])).expect("statement JSON");
    let who = shown["items"][1]["body"].as_str().unwrap_or_default().to_owned();
    assert!(who.contains("a network of 45 "), "the final statement keeps its figure: {who}");
    app.click("[data-testid=reopen]").await;
    app.type_into("[data-testid=status-note]", "New membership figure").await;
    app.click("[data-testid=status-confirm]").await;
    app.wait_until(
        "reopened, following the library again",
        "const s = document.querySelector('[data-testid=statement-status]'); \
         const h = document.querySelector('[data-testid=status-history]'); \
         return s.textContent === 'Draft' && h && h.textContent.includes('New membership figure') \
           && document.querySelector('[data-testid=preview]').srcdoc.includes('a network of 46 ');",
    )
    .await;

    // Exported beside its Spanish translation: both texts in one PDF, over the earlier file.
    select(&app, "[data-testid=export-format]", "pdf").await;
    select(&app, "[data-testid=export-parallel]", "es").await;
    app.click("[data-testid=export]").await;
    let pdf = wait_for_export(&exports, "pdf");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let text = loop {
        let text = pdf_text(&pdf);
        if text.contains("Quiénes somos") || std::time::Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert!(text.contains("Quiénes somos") && text.contains("Who we are"), "both columns: {text}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_section_text_runs_no_script_in_the_library_the_editor_or_the_preview() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports folder");
    let title = "Hostile <img src=x onerror=\"window.__xss='title'\">";
    let body = "Hostile body <script>window.__xss='script'; document.title='pwned'</script>\n\n\
                <img src=x onerror=\"window.__xss='img'; document.title='pwned'\">\n\n\
                [click](javascript:window.__xss='link') and <svg onload=\"window.__xss='svg'\"></svg> end.";
    let db = library(dir.path(), &[(title, body)]);
    let app = App::start(&db, &exports).await;
    let no_script_ran = "return window.__xss === undefined && document.title !== 'pwned';";

    // Library list and search snippet.
    app.wait_until("the library", "return document.querySelectorAll('[data-section-id]').length > 0").await;
    search_library(&app, "hostile").await;
    let shown = app
        .wait_until(
            "the hostile hit alone",
            "const t = document.querySelectorAll('.section-row .title'); return t.length === 1 && t[0].textContent.startsWith('Hostile') && t[0].textContent;",
        )
        .await;
    assert_eq!(shown, serde_json::json!(title), "the title is shown as text");
    assert_eq!(app.eval(no_script_ran).await, serde_json::json!(true), "nothing ran in the list");

    // The editor.
    app.click(".section-row").await;
    // The editor has its text: anything it was going to run has been inserted by now.
    app.wait_until(
        "the hostile body in the editor",
        "const b = document.querySelector('[data-testid=section-body]'); return b && b.textContent.includes('Hostile body') && b.textContent.includes('end.');",
    )
    .await;
    assert_eq!(app.eval(no_script_ran).await, serde_json::json!(true), "nothing ran in the editor");
    let in_editor = app
        .eval(
            "return document.querySelectorAll('[data-testid=section-body] :is(img, script, svg, [onerror], [onload], a[href^=\"javascript\"])').length;",
        )
        .await;
    assert_eq!(in_editor, serde_json::json!(0), "no live img/script/svg or javascript: link in the editor");
    app.screenshot("07-hostile-editor").await;

    // The preview: the section in a statement.
    app.click("[data-view=statements]").await;
    app.click("[data-testid=new-statement]").await;
    app.type_into("[data-testid=statement-title-input]", "Hostile preview").await;
    app.click("[data-testid=create-statement]").await;
    let search = app.find("[data-testid=composer-search]").await;
    search.send_keys("hostile").await.expect("type");
    app.wait_until(
        "the hostile hit in the composer",
        "const b = document.querySelector('[data-testid=add-hit]'); if (!b) return false; b.click(); return true;",
    )
    .await;
    app.wait_until(
        "the preview",
        "const f = document.querySelector('[data-testid=preview]'); return f && f.srcdoc.includes('Hostile body');",
    )
    .await;
    // A sandboxed frame cannot reach this window's variables, so a script running inside it
    // would leave no trace here: what keeps the preview inert is the frame's empty `sandbox`
    // (no scripts) and HTML with nothing that could run, which are checked instead.
    // Parse the preview's HTML (inertly) and look for anything that could run.
    let frame = app
        .eval(
            "const f = document.querySelector('[data-testid=preview]'); \
             const doc = new DOMParser().parseFromString(f.srcdoc, 'text/html'); \
             const live = doc.querySelectorAll('script, [onerror], [onload], svg, a[href^=\"javascript\"]').length; \
             return [f.getAttribute('sandbox'), live, doc.body.textContent.includes('Hostile <img src=x')];",
        )
        .await;
    assert_eq!(frame, serde_json::json!(["", 0, true]), "sandboxed, nothing live, the title shown as text");
    assert_eq!(app.eval(no_script_ran).await, serde_json::json!(true), "nothing ran in the composer");
    let in_card = app
        .eval(
            "return document.querySelectorAll('[data-item-position] :is(script, img, svg, iframe, [onerror], [onload], a[href^=\"javascript\"])').length;",
        )
        .await;
    assert_eq!(in_card, serde_json::json!(0), "the composer's item shows no live element");
    let pinned = app.find("[data-item-position='1'] .badge").await.text().await.expect("badge");
    assert_eq!(pinned, "Library v1", "viewing the section in the editor did not make a new version");
    app.screenshot("08-hostile-preview").await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_library_opens_on_the_offer_to_restore_its_newest_good_backup() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports folder");
    let db = library(dir.path(), &[]);
    // A backup, then the damage a failing disk leaves (the last close folded the WAL in).
    let backup = Store::open(&db).expect("open").backup_before("import").expect("backup");
    let mut bytes = std::fs::read(&db).expect("bytes");
    let middle = (bytes.len() / 4096 / 2) * 4096;
    bytes[middle..middle + 256].iter_mut().for_each(|b| *b ^= 0xFF);
    std::fs::write(&db, &bytes).expect("damage");

    let app = App::start(&db, &exports).await;
    app.wait_until(
        "the offer to restore",
        "return !!document.querySelector('[data-testid=recovery-problem]')",
    )
    .await;
    let problem =
        app.eval("return document.querySelector('[data-testid=recovery-problem]').textContent").await;
    let problem = problem.as_str().unwrap_or_default().to_owned();
    assert!(problem.contains("library.sqlite3") && problem.contains("damaged"), "{problem}");
    assert_eq!(std::fs::read(&db).expect("bytes"), bytes, "nothing was written to the damaged file");
    let listed = app.eval("return document.querySelectorAll('[data-backup]').length").await;
    assert_eq!(listed, serde_json::json!(1), "the backup is listed");
    app.screenshot("recovery").await;

    app.click("[data-testid=restore-newest]").await;
    app.wait_until(
        "the library, restored",
        "return document.querySelectorAll('[data-section-id]').length >= 10",
    )
    .await;
    let kept = plenary_store::list_backups(&db).expect("list");
    assert!(
        kept.iter().any(|b| b.kind == plenary_store::BackupKind::Damaged),
        "the damaged file is kept aside: {kept:?}"
    );
    assert!(kept.iter().any(|b| b.path == backup));

    // The Backups screen makes a copy on request and lists it.
    app.click("[data-view=backups]").await;
    app.click("[data-testid=back-up-now]").await;
    app.wait_until(
        "the new backup listed",
        "return [...document.querySelectorAll('[data-backup]')].some(row => row.textContent.includes('Made on request'))",
    )
    .await;
    app.screenshot("backups").await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unsaved_changes_are_offered_back_and_discarded_and_an_old_version_is_restored() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports folder");
    let db = library(dir.path(), &[]);
    // "Who we are" gets a second version, then changes the autosave kept but the app never made
    // a version of: what a crash (or a power cut) leaves behind.
    let (id, first_body) = {
        let mut store = Store::open(&db).expect("library");
        let section = store
            .sections(&SectionFilter::default())
            .expect("sections")
            .into_iter()
            .find(|s| s.title == "Who we are")
            .expect("the demo's Who we are");
        let id = section.id;
        store
            .write(|w| w.save_draft(id, "Who we are", "Second version of who we are.", "e2e"))
            .expect("draft");
        store.write(|w| w.commit_draft(id, Some("second".to_owned()))).expect("version 2");
        store
            .write(|w| w.save_draft(id, "Who we are", "Typed just before the crash.", "e2e"))
            .expect("draft");
        (id, section.body)
    };
    let app = App::start(&db, &exports).await;
    app.wait_until("the library", "return document.querySelectorAll('[data-section-id]').length >= 10").await;
    search_library(&app, "who we are").await;
    app.wait_until(
        "the section listed alone",
        "const rows = [...document.querySelectorAll('.section-row')].filter(r => r.querySelector('.title').textContent === 'Who we are'); if (rows.length !== 1) return false; rows[0].click(); return true;",
    )
    .await;
    let offered = app
        .wait_until(
            "the recovered changes offered",
            "const note = document.querySelector('.recovered'); const body = document.querySelector('[data-testid=section-body]'); \
             return note && body && body.textContent.includes('Typed just before the crash.') && note.textContent;",
        )
        .await;
    assert!(offered.to_string().contains("Recovered changes from"), "{offered}");
    app.screenshot("10-recovered").await;
    app.click(".recovered button").await;
    app.wait_until(
        "the saved version back in the editor",
        "const body = document.querySelector('[data-testid=section-body]'); \
         return !document.querySelector('.recovered') && body.textContent.includes('Second version of who we are.');",
    )
    .await;

    // Version 1 restored from the history: a third version with the first's text.
    app.click("[data-testid=open-history]").await;
    app.wait_until("two versions", "return document.querySelectorAll('[data-version]').length === 2").await;
    app.click("[data-version='1']").await;
    app.click("[data-testid=restore]").await;
    let first_line = first_body.lines().next().unwrap_or_default().to_owned();
    app.wait_until(
        "the first version's text back in the editor",
        &format!(
            "const body = document.querySelector('[data-testid=section-body]'); return body && body.textContent.includes({first_line:?});"
        ),
    )
    .await;
    app.stop().await;

    let store = Store::open(&db).expect("library");
    assert_eq!(store.draft(id).expect("draft"), None, "the discarded changes are gone");
    let history = store.history(id).expect("history");
    assert_eq!(history.len(), 3, "restoring made a version: {history:?}");
    assert_eq!(history[0].body, first_body, "version 3 is version 1's text");
    assert_eq!(history[1].body, "Second version of who we are.");
}

#[tokio::test(flavor = "multi_thread")]
async fn items_are_reordered_and_added_by_dragging_and_the_menus_and_shortcuts_work() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports folder");
    let db = library(dir.path(), &[]);
    let app = App::start(&db, &exports).await;
    app.wait_until("the library", "return document.querySelectorAll('[data-section-id]').length >= 10").await;

    // Shortcuts, pressed as keys of the X keyboard: the native menu's accelerators.
    let shown = |view: &str| {
        format!(
            "return document.querySelector('[data-view={view}]').getAttribute('aria-current') === 'page';"
        )
    };
    app.press(&["ctrl+2"]).await;
    app.wait_until("Ctrl+2 shows the statements", &shown("statements")).await;
    app.press(&["ctrl+6"]).await;
    app.wait_until("Ctrl+6 shows the backups", &shown("backups")).await;
    app.press(&["ctrl+1"]).await;
    app.wait_until("Ctrl+1 shows the library", &shown("library")).await;
    // The menu bar by keyboard: F10 opens File, View is two menus to the right and opens with
    // nothing chosen; its fourth entry is Facts.
    app.press(&["F10", "Right", "Right", "Down", "Down", "Down", "Down", "Return"]).await;
    app.wait_until("View → Facts", "return document.querySelectorAll('[data-fact]').length === 2").await;

    // The demo statement: drag its third item above the first by its handle.
    app.press(&["ctrl+2"]).await;
    let open = "const b = [...document.querySelectorAll('[data-statement-id]')].find(b => b.textContent.includes('GFMD 2027')); if (!b) return false; b.click(); return true;";
    app.wait_until("the demo statement", open).await;
    app.wait_until("its items", "return document.querySelectorAll('[data-item-position]').length === 7")
        .await;
    let before = item_titles(&app).await;
    let drag = |from: &str, onto: &str| {
        format!(
            "const dt = new DataTransfer(); const from = document.querySelector({from:?}); const onto = document.querySelector({onto:?}); \
             from.dispatchEvent(new DragEvent('dragstart', {{ bubbles: true, cancelable: true, dataTransfer: dt }})); \
             const accepted = !onto.dispatchEvent(new DragEvent('dragover', {{ bubbles: true, cancelable: true, dataTransfer: dt }})); \
             onto.dispatchEvent(new DragEvent('drop', {{ bubbles: true, cancelable: true, dataTransfer: dt }})); \
             from.dispatchEvent(new DragEvent('dragend', {{ bubbles: true, dataTransfer: dt }})); return accepted;"
        )
    };
    let accepted = app.eval(&drag("[data-item-position='3'] .handle", ".cards > li:first-child")).await;
    assert_eq!(accepted, serde_json::json!(true), "the list accepts an item dragged over it");
    let strip = |title: &str| title.split_once(". ").map_or(String::new(), |(_, rest)| rest.to_owned());
    let moved = strip(&before[2]);
    app.wait_until(
        "the dragged item first",
        &format!("const c = document.querySelector(\"[data-item-position='1']\"); return c && c.getAttribute('aria-label') === {:?};", format!("1. {moved}")),
    )
    .await;
    let after: Vec<String> = item_titles(&app).await.iter().map(|t| strip(t)).collect();
    let mut expected: Vec<String> = before.iter().map(|t| strip(t)).collect();
    let third = expected.remove(2);
    expected.insert(0, third);
    assert_eq!(after, expected, "only the dragged item moved");

    // A section dragged in from the composer's search lands where it is dropped.
    let search = app.find("[data-testid=composer-search]").await;
    search.send_keys("global activism").await.expect("type");
    // The one English section the demo statement leaves out.
    let hit = "Global activism".to_owned();
    let found = app
        .wait_until(
            "the search hit",
            "const h = [...document.querySelectorAll('[data-hit-id]')].find(h => h.querySelector('strong').textContent === 'Global activism'); \
             if (!h) return false; h.dataset.e2eDrag = 'yes'; return true;",
        )
        .await;
    assert_eq!(found, serde_json::json!(true));
    let accepted = app.eval(&drag("[data-e2e-drag=yes]", ".cards > li:nth-child(2)")).await;
    assert_eq!(accepted, serde_json::json!(true));
    app.wait_until(
        "the dropped section second",
        &format!("const c = document.querySelector(\"[data-item-position='2']\"); return c && c.getAttribute('aria-label') === {:?};", format!("2. {hit}")),
    )
    .await;
    app.wait_until("eight items", "return document.querySelectorAll('[data-item-position]').length === 8")
        .await;
    app.stop().await;

    // The order is the library's, not only the window's.
    let store = Store::open(&db).expect("library");
    let statement = store
        .statements()
        .expect("statements")
        .into_iter()
        .find(|s| s.title.contains("GFMD 2027"))
        .expect("statement");
    let shown: serde_json::Value =
        serde_json::from_slice(&cli(&db, &["statement", "show", &statement.id.to_string(), "--json"]))
            .expect("JSON");
    let items: Vec<String> = shown["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["title"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(items[0], expected[0]);
    assert_eq!(items[1], hit);
    assert_eq!(items[2..], expected[1..]);
}

#[tokio::test(flavor = "multi_thread")]
async fn pasted_text_is_split_reviewed_and_saved_as_draft_sections() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports folder");
    let db = library(dir.path(), &[]);
    let statement = std::fs::read_to_string(
        plenary_e2e::workspace().join("crates/plenary-import/tests/fixtures/gfmd-2017.txt"),
    )
    .expect("fixture");
    let app = App::start(&db, &exports).await;
    app.wait_until("the library", "return document.querySelectorAll('[data-section-id]').length >= 10").await;
    app.click("[data-view=import]").await;
    // Typing 700 characters key by key is slow and tests nothing more: set the field as a paste
    // does, with an input event.
    let paste = format!(
        "const t = document.querySelector('[data-testid=import-text]'); t.value = {statement:?}; \
         t.dispatchEvent(new Event('input', {{ bubbles: true }})); return t.value.length;"
    );
    assert_eq!(app.eval(&paste).await, serde_json::json!(statement.encode_utf16().count()));
    app.click("[data-testid=import-split]").await;
    let titles = "return [...document.querySelectorAll('[data-testid=import-title]')].map(i => i.value);";
    app.wait_until(
        "four proposed sections",
        "return document.querySelectorAll('[data-import-section]').length === 4",
    )
    .await;
    assert_eq!(
        app.eval(titles).await,
        serde_json::json!(["Introduction", "Who Are We?", "What Do We Do?", "Global Activism"])
    );
    let kinds = app
        .eval("return [...document.querySelectorAll('[data-testid=import-kind]')].map(s => s.value);")
        .await;
    assert_eq!(kinds, serde_json::json!(["other", "about", "work", "activism"]));
    let source = app.find("[data-testid=import-source]").await.text().await.expect("source text");
    assert!(source.contains("Who Are We?") && source.contains("• end the detention of children"), "{source}");
    app.screenshot("11-import").await;

    // Skip the place and date, merge "What Do We Do?" into "Who Are We?", tag the rest.
    select(&app, "[data-import-section='0'] [data-testid=import-action]", "skip").await;
    app.click("[data-import-section='1'] [data-testid=import-merge]").await;
    app.wait_until(
        "three sections after merging",
        "return document.querySelectorAll('[data-import-section]').length === 3",
    )
    .await;
    assert_eq!(app.eval(titles).await, serde_json::json!(["Introduction", "Who Are We?", "Global Activism"]));
    app.type_into("[data-testid=import-tags]", "gfmd-2017").await;
    app.click("[data-testid=import-save]").await;
    app.wait_until(
        "the saved notice",
        "const n = document.querySelector('[data-notice]'); return n && n.textContent.includes('2 new sections');",
    )
    .await;
    // The same review in Spanish: every label of the screen changes, the document's words do not.
    select(&app, "[data-testid=ui-language]", "es").await;
    assert_eq!(app.eval(&paste).await, serde_json::json!(statement.encode_utf16().count()));
    app.click("[data-testid=import-split]").await;
    app.wait_until(
        "the review in Spanish",
        "const h = [...document.querySelectorAll('h2')].map(e => e.textContent); \
         return h.includes('Secciones propuestas') && h.includes('El documento') \
           && document.querySelectorAll('[data-import-section]').length === 4;",
    )
    .await;
    let actions = app
        .eval("return [...document.querySelectorAll('[data-testid=import-action] option:checked')].map(o => o.textContent.trim());")
        .await;
    let actions: Vec<&str> = actions.as_array().expect("actions").iter().filter_map(|a| a.as_str()).collect();
    assert!(
        actions
            .iter()
            .all(|a| ["Sección nueva (borrador)", "Omitir"].contains(a) || a.starts_with("Nueva versión de")),
        "{actions:?}"
    );
    // "Global Activism" was saved word for word a moment ago: the library already holds it.
    assert_eq!(actions.last(), Some(&"Omitir"));
    app.screenshot("11-import-es").await;
    app.stop().await;

    let store = Store::open(&db).expect("library");
    let imported: Vec<_> = store
        .sections(&SectionFilter::default())
        .expect("sections")
        .into_iter()
        .filter(|s| s.tags.contains(&"gfmd-2017".to_owned()))
        .collect();
    let mut saved: Vec<&str> = imported.iter().map(|s| s.title.as_str()).collect();
    saved.sort_unstable();
    assert_eq!(saved, ["Global Activism", "Who Are We?"]);
    let who = imported.iter().find(|s| s.title == "Who Are We?").expect("merged section");
    assert!(who.body.contains("### What Do We Do?") && who.body.contains("20,000 people"), "{}", who.body);
    assert_eq!(who.status, SectionStatus::Draft);
    let note = store.history(who.id).expect("history")[0].note.clone().unwrap_or_default();
    assert!(note.starts_with("Imported from pasted text (SHA-256 "), "{note}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_colleagues_bundle_is_merged_and_a_diverged_section_is_settled_in_the_editor() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports folder");
    let db = library(dir.path(), &[]);
    // A colleague starts from this library, then both change "Who we are" and the colleague
    // adds a section of their own; their bundle is what the app's Open dialog returns.
    let colleague = dir.path().join("colleague.sqlite3");
    let start = dir.path().join("start.plenary");
    let incoming = dir.path().join("from-luis.plenary");
    let id = {
        let store = Store::open(&db).expect("library");
        let sections = store.sections(&SectionFilter::default()).expect("sections");
        sections.into_iter().find(|s| s.title == "Who we are").expect("the demo's Who we are").id.to_string()
    };
    cli(&db, &["bundle", "export", start.to_str().expect("path")]);
    cli(&colleague, &["init"]);
    cli(&colleague, &["bundle", "import", start.to_str().expect("path")]);
    cli(&db, &["section", "edit", &id, "--body", "Our own new wording."]);
    cli(&colleague, &["--author", "luis", "section", "edit", &id, "--body", "Luis's wording, vetted."]);
    cli(&colleague, &["section", "submit", &id]);
    cli(&colleague, &["section", "vet", &id, "--by", "Luis"]);
    cli(
        &colleague,
        &["section", "add", "--title", "Detention", "--kind", "position", "--body", "No child in detention."],
    );
    cli(&colleague, &["bundle", "export", incoming.to_str().expect("path")]);

    let app = App::start_with(&db, &exports, Some(&incoming)).await;
    app.wait_until("the library", "return document.querySelectorAll('[data-section-id]').length >= 10").await;
    app.click("[data-view=share]").await;
    // Sharing the whole library writes a bundle the command reads back whole.
    app.click("[data-testid=share-library]").await;
    let shared = wait_for_export(&exports, "plenary");
    let check = dir.path().join("check.sqlite3");
    cli(&check, &["init"]);
    let report: serde_json::Value =
        serde_json::from_slice(&cli(&check, &["bundle", "import", shared.to_str().expect("path"), "--json"]))
            .expect("report");
    let shared_count =
        Store::open(&db).expect("library").sections(&SectionFilter::default()).expect("sections").len();
    assert_eq!(report["added"].as_u64(), Some(shared_count as u64));

    app.click("[data-testid=import-bundle]").await;
    let result = app
        .wait_until(
            "the merge report",
            "const r = document.querySelector('[data-testid=merge-result]'); return r && r.textContent;",
        )
        .await;
    let result = result.as_str().unwrap_or_default().to_owned();
    assert!(result.contains("Sections added: 1 · updated: 0"), "{result}");
    assert!(result.contains("“Who we are”: changed on both sides"), "{result}");
    app.screenshot("12-share-merged").await;

    app.click("[data-view=library]").await;
    search_library(&app, "who we are").await;
    app.wait_until(
        "the section listed",
        "const rows = [...document.querySelectorAll('.section-row')].filter(r => r.querySelector('.title').textContent === 'Who we are'); if (rows.length !== 1) return false; rows[0].click(); return true;",
    )
    .await;
    let banner = app
        .wait_until(
            "the diverged banner",
            "const d = document.querySelector('[data-testid=diverged]'); return d && d.textContent;",
        )
        .await;
    assert!(banner.as_str().is_some_and(|text| text.contains("version 3")), "{banner}");
    app.eval("document.querySelector('[data-testid=diverged] details').open = true; return true;").await;
    app.screenshot("13-diverged-section").await;
    app.click("[data-testid=diverged] [data-testid=keep-theirs]").await;
    app.wait_until(
        "their text, settled",
        "const body = document.querySelector('[data-testid=section-body]'); \
         return !document.querySelector('[data-testid=diverged]') && body && body.textContent.includes(\"Luis's wording\");",
    )
    .await;
    app.stop().await;

    let store = Store::open(&db).expect("library");
    let id = store.resolve_section(&id).expect("id");
    let section = store.section(id).expect("section");
    assert_eq!(
        (section.diverged_with, section.status, section.current_version),
        (None, SectionStatus::Vetted, 4)
    );
    let vetting = store.version(id, 4).expect("v4").vetted.expect("vetting carried");
    assert_eq!(vetting.by, "Luis");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_out_of_date_translation_is_flagged_shown_its_sources_changes_and_relinked() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = library(dir.path(), &[]);
    let english = {
        let store = Store::open(&db).expect("library");
        let who = store.sections(&SectionFilter::default()).expect("sections");
        who.into_iter().find(|s| s.title == "Who we are").expect("the demo's English section").id.to_string()
    };
    // A colleague changes the English text from the command line.
    cli(
        &db,
        &[
            "section",
            "edit",
            &english,
            "--body",
            "Alianza Puentes is a network of 50 migrant-led organisations.",
        ],
    );
    let app = App::start(&db, dir.path()).await;
    app.wait_until(
        "the Spanish section flagged in the list",
        "const row = [...document.querySelectorAll('.section-row')].find(r => r.querySelector('.title').textContent === 'Quiénes somos'); \
         return row !== undefined && row.querySelector('[data-flag=translation]') !== null;",
    )
    .await;
    let flagged = app.eval("return document.querySelectorAll('[data-flag=translation]').length;").await;
    assert_eq!(flagged, serde_json::json!(1), "only the Spanish translation is out of date");
    app.eval(
        "[...document.querySelectorAll('.section-row')].find(r => r.querySelector('.title').textContent === 'Quiénes somos').click(); return true;",
    )
    .await;
    let changes = app
        .wait_until(
            "the banner with the source's changes",
            "const d = document.querySelector('[data-testid=source-changes]'); \
             return d && [...d.querySelectorAll('.added')].map(s => s.textContent).join(' ');",
        )
        .await;
    assert!(changes.as_str().is_some_and(|added| added.contains("50")), "{changes}");
    app.screenshot("15-translation-out-of-date").await;
    app.click("[data-testid=translation-updated]").await;
    app.wait_until(
        "the banner and the flag gone",
        "return !document.querySelector('[data-testid=translation-out-of-date]') && !document.querySelector('[data-flag=translation]');",
    )
    .await;

    // Unlinked, Undo puts the link back; unlinked again, then linked again from the editor: it is
    // the translation of the English text.
    let none_left = "const t = document.querySelector('[data-testid=translations]'); return t && t.querySelectorAll('li').length === 0;";
    app.click("[data-testid=unlink-translation]").await;
    app.wait_until("no translations left", none_left).await;
    app.click("[data-notice=info] [data-testid=notice-action]").await;
    app.wait_until(
        "the link back",
        "const t = document.querySelector('[data-testid=translations]'); return t && t.textContent.includes('en: Who we are');",
    )
    .await;
    app.click("[data-testid=unlink-translation]").await;
    app.wait_until("no translations left again", none_left).await;
    app.eval("document.querySelector('[data-testid=translations] details').open = true; return true;").await;
    app.type_into("[data-testid=link-search]", "who we are").await;
    let linked = format!(
        "const hit = document.querySelector('[data-link-hit=\"{english}\"]'); if (!hit) return false; \
         hit.querySelector('[data-testid=link-as-source]').click(); return true;"
    );
    app.wait_until("the English section offered", &linked).await;
    app.wait_until(
        "translated from the English section",
        "const t = document.querySelector('[data-testid=translations]'); return t && t.textContent.includes('en: Who we are');",
    )
    .await;
    app.stop().await;

    let store = Store::open(&db).expect("library");
    let spanish = store
        .sections(&SectionFilter::default())
        .expect("sections")
        .into_iter()
        .find(|s| s.title == "Quiénes somos")
        .expect("the Spanish section")
        .id;
    let source = store.translation_source(spanish).expect("source").expect("linked again");
    assert_eq!((source.source.to_string(), source.made_from, source.out_of_date()), (english, 2, false));
}

#[tokio::test(flavor = "multi_thread")]
async fn terms_to_avoid_and_a_facts_spanish_value_are_kept_from_their_screens_and_shown_where_used() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = library(dir.path(), &[("Our language", "No one is an Illegal Immigrant in our work.")]);
    let app = App::start(&db, dir.path()).await;

    // The termbase, from its screen.
    app.click("[data-view=terms]").await;
    app.type_into("[data-testid=term-term]", "illegal immigrant").await;
    app.type_into("[data-testid=term-prefer]", "undocumented migrant").await;
    app.click("[data-testid=add-term]").await;
    app.wait_until(
        "the term listed",
        "return document.querySelector('[data-term=\"illegal immigrant\"]') !== null",
    )
    .await;
    app.screenshot("16-terms").await;

    // The editor names it, whatever its case.
    app.click("[data-view=library]").await;
    search_library(&app, "our language").await;
    app.wait_until(
        "the section opened",
        "const row = [...document.querySelectorAll('.section-row')].find(r => r.querySelector('.title').textContent === 'Our language'); \
         if (!row) return false; row.click(); return true;",
    )
    .await;
    let note = app
        .wait_until(
            "the term named in the editor",
            "const n = document.querySelector('[data-testid=terms-found]'); return n && n.textContent;",
        )
        .await;
    assert!(
        note.as_str().is_some_and(|text| text.contains("“Illegal Immigrant”: write “undocumented migrant”")),
        "{note}"
    );

    // A Spanish value for a fact, from the Facts screen; the Spanish section shows it.
    app.click("[data-view=facts]").await;
    app.type_into("[data-testid=fact-key]", "member_orgs").await;
    app.type_into("[data-testid=fact-value]", "cuarenta y cinco").await;
    app.type_into("[data-testid=fact-lang]", "es").await;
    app.click("[data-testid=save-fact]").await;
    app.wait_until(
        "the Spanish value listed",
        "const row = document.querySelector('[data-fact=member_orgs]'); return row && row.textContent.includes('es: cuarenta y cinco');",
    )
    .await;
    app.stop().await;

    let statement = cli(&db, &["statement", "new", "--title", "Declaración", "--lang", "es"]);
    let statement = String::from_utf8(statement).expect("id").trim().to_owned();
    let store = Store::open(&db).expect("library");
    let spanish = store
        .sections(&SectionFilter::default())
        .expect("sections")
        .into_iter()
        .find(|s| s.title == "Quiénes somos")
        .expect("the Spanish section")
        .id
        .to_string();
    drop(store);
    cli(&db, &["statement", "add", &statement, &spanish]);
    let shown: serde_json::Value =
        serde_json::from_slice(&cli(&db, &["statement", "show", &statement, "--json"])).expect("JSON");
    let body = shown["items"][0]["body"].as_str().unwrap_or_default().to_owned();
    assert!(body.contains("una red de cuarenta y cinco organizaciones"), "{body}");
}

#[tokio::test(flavor = "multi_thread")]
async fn statements_events_and_sections_are_deleted_and_brought_back_and_dates_are_typed_as_people_write_them()
 {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = library(dir.path(), &[("Old wording", "Never used in a statement.")]);
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("utf-8").trim().to_owned();
    let used = text(cli(
        &db,
        &["event", "add", "--name", "Forum in use", "--starts", "2026-11-30", "--ends", "2026-12-02"],
    ));
    cli(&db, &["event", "add", "--name", "Old forum"]);
    let statement = text(cli(&db, &["statement", "new", "--title", "Draft to drop", "--event", &used]));
    let app = App::start(&db, dir.path()).await;

    // A draft statement goes at once; Undo in the notice brings it back.
    app.click("[data-view=statements]").await;
    app.click(&format!("[data-statement-id=\"{statement}\"] ~ [data-testid=delete-statement]")).await;
    let ours = format!("return document.querySelector('[data-statement-id=\"{statement}\"]')");
    app.wait_until("the statement gone", &format!("{ours} === null")).await;
    app.screenshot("17-deleted-with-undo").await;
    app.click("[data-testid=notice-action]").await;
    app.wait_until("the statement back", &format!("{ours} !== null")).await;

    // Events: a range of days written as people read it; the one a statement uses is kept, with
    // the reason; the unused one goes and comes back.
    app.click("[data-view=events]").await;
    let shown = app
        .wait_until("the events listed", "const row = document.querySelector('[data-event=\"Forum in use\"]'); return row && row.textContent;")
        .await;
    assert!(
        shown.as_str().is_some_and(|row| row.contains("Nov 30") && row.contains("Dec 2, 2026")),
        "{shown}"
    );
    app.click("[data-event=\"Forum in use\"] [data-testid=delete-event]").await;
    let error = app
        .wait_until(
            "the refusal",
            "const n = document.querySelector('[data-notice=error]'); return n && n.textContent;",
        )
        .await;
    assert!(error.as_str().is_some_and(|e| e.contains("“Draft to drop” (draft)")), "{error}");
    app.click("[data-notice=error] button.link").await;
    app.click("[data-event=\"Old forum\"] [data-testid=delete-event]").await;
    app.wait_until("the event gone", "return document.querySelector('[data-event=\"Old forum\"]') === null")
        .await;
    app.click("[data-notice=info] [data-testid=notice-action]").await;
    app.wait_until("the event back", "return document.querySelector('[data-event=\"Old forum\"]') !== null")
        .await;

    // A deadline typed as people write it is stored as the day; a day that does not exist is
    // refused in the field and nothing is saved from it.
    app.click("[data-event=\"Forum in use\"] button.link").await;
    let deadline = app.find("[data-testid=event-deadline]").await;
    deadline.clear().await.expect("clear");
    app.type_into("[data-testid=event-deadline]", "Feb 30, 2027").await;
    app.eval("document.querySelector('[data-testid=event-deadline]').dispatchEvent(new Event('change', { bubbles: true }));").await;
    app.wait_until("the field refuses it", "return document.querySelector('[data-testid=event-deadline]').getAttribute('aria-invalid') === 'true'").await;
    // The browser will not send a form whose field says it is invalid.
    let sendable =
        app.eval("return document.querySelector('[data-testid=event-form]').checkValidity()").await;
    assert_eq!(sendable, serde_json::json!(false), "a form with a day that does not exist is not sent");
    deadline.clear().await.expect("clear");
    app.type_into("[data-testid=event-deadline]", "3/1/2027").await;
    app.eval("document.querySelector('[data-testid=event-deadline]').dispatchEvent(new Event('change', { bubbles: true }));").await;
    let field = app
        .wait_until("the field rewritten", "const f = document.querySelector('[data-testid=event-deadline]'); return f.getAttribute('aria-invalid') === 'false' && f.value;")
        .await;
    assert_eq!(field, serde_json::json!("Mar 1, 2027"), "English reads numbers month first");
    app.screenshot("18-event-dates").await;
    app.click("[data-testid=save-event]").await;
    app.wait_until("the form saved", "return document.querySelector('[data-testid=event-form]') === null")
        .await;

    // A section no statement used goes with its history; Undo puts it back.
    app.click("[data-view=library]").await;
    search_library(&app, "old wording").await;
    app.wait_until(
        "the section opened",
        "const row = [...document.querySelectorAll('.section-row')].find(r => r.querySelector('.title').textContent === 'Old wording'); \
         if (!row) return false; row.click(); return true;",
    )
    .await;
    app.click("[data-testid=delete-section]").await;
    app.wait_until("the section gone", "return ![...document.querySelectorAll('.section-row .title')].some(t => t.textContent === 'Old wording')").await;
    app.click("[data-notice=info] [data-testid=notice-action]").await;
    let back = app
        .wait_until(
            "the section back",
            "const e = document.querySelector('[data-notice=error]'); if (e) return e.textContent; \
             return [...document.querySelectorAll('.section-row .title')].some(t => t.textContent === 'Old wording') && 'back';",
        )
        .await;
    assert_eq!(back, serde_json::json!("back"));
    app.stop().await;

    let store = Store::open(&db).expect("library");
    assert!(store.statements().expect("statements").iter().any(|s| s.title == "Draft to drop"));
    let events = store.events().expect("events");
    let in_use = events.iter().find(|e| e.name == "Forum in use").expect("the event in use is kept");
    assert_eq!(in_use.deadline.map(|d| d.to_string()).as_deref(), Some("2027-03-01"));
    assert!(events.iter().any(|e| e.name == "Old forum"), "the deleted event is back");
    let old = store
        .sections(&SectionFilter::default())
        .expect("sections")
        .into_iter()
        .find(|s| s.title == "Old wording");
    assert!(old.is_some(), "the section is back");
}

/// Presses Tab `count` times with the X server's keyboard; what is wrong with the stops: one
/// that shows no focus (no outline, no shadow), focus lost to the page, or an element that
/// jumps the reading order with a positive `tabindex`.
async fn tab_stops(app: &App, count: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let jumpers = app
        .eval("return [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length;")
        .await;
    if jumpers != serde_json::json!(0) {
        problems.push(format!("{jumpers} elements with a positive tabindex"));
    }
    for _ in 0..count {
        app.eval("window.__tabFrom = document.activeElement; return true;").await;
        app.press(&["Tab"]).await;
        // The key is sent when press returns, not yet handled: wait for the focus to move.
        app.wait_until("the focus to move on Tab", "return document.activeElement !== window.__tabFrom;")
            .await;
        let stop = app
            .eval(
                "const e = document.activeElement; if (!e || e === document.body) return 'focus lost to the page'; \
                 const s = getComputedStyle(e); \
                 const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; \
                 return shown ? null : 'no visible focus on ' + (e.getAttribute('data-testid') || e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40));",
            )
            .await;
        if let Some(problem) = stop.as_str() {
            problems.push(problem.to_owned());
        }
    }
    problems.dedup();
    problems
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_an_accessibility_check_in_both_themes() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = library(dir.path(), &[]);
    let app = App::start(&db, dir.path()).await;
    let mut problems = Vec::new();
    for theme in ["light", "dark"] {
        select(&app, "[data-testid=ui-theme]", theme).await;
        for view in [
            "library",
            "statements",
            "events",
            "facts",
            "terms",
            "organisation",
            "backups",
            "import",
            "share",
        ] {
            app.click(&format!("[data-view={view}]")).await;
            app.wait_until(view, &format!("return document.querySelector('[data-view={view}]').getAttribute('aria-current') === 'page'")).await;
            for problem in app.accessibility_problems().await {
                problems.push(format!("{theme} {view}: {problem}"));
            }
            for problem in tab_stops(&app, 12).await {
                problems.push(format!("{theme} {view}: {problem}"));
            }
        }
        // The two screens where the work happens: a section's editor and the composer.
        app.click("[data-view=library]").await;
        app.wait_until(
            "a section open",
            "const row = document.querySelector('.section-row'); if (!row) return false; row.click(); \
             return document.querySelector('[data-testid=open-history]') !== null;",
        )
        .await;
        for problem in app.accessibility_problems().await {
            problems.push(format!("{theme} section editor: {problem}"));
        }
        app.click("[data-view=statements]").await;
        app.click("[data-statement-id]").await;
        app.wait_until("the composer", "return document.querySelector('[data-testid=mark-final]') !== null")
            .await;
        for problem in app.accessibility_problems().await {
            problems.push(format!("{theme} composer: {problem}"));
        }
        for problem in tab_stops(&app, 25).await {
            problems.push(format!("{theme} composer: {problem}"));
        }
    }
    // The check itself sees a field nobody could name, and faint text.
    app.eval(
        "const probe = document.createElement('div'); probe.id = 'probe'; probe.style = 'position:fixed;top:0;left:0;z-index:99'; \
         probe.innerHTML = '<input type=text><p style=\"color:#777;background:#888\">faint</p>'; \
         document.body.append(probe);",
    )
    .await;
    let seen = app.accessibility_problems().await.join("\n");
    assert!(seen.contains("label (critical)") && seen.contains("color-contrast"), "{seen}");
    app.stop().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What a desktop user needs of the command line is in the window: naming who vetted a section,
/// the integrity check, what an export contained, the built-in templates written out for
/// editing, a new kind; and a Spanish window words the library's refusals and why each backup was made.
#[tokio::test(flavor = "multi_thread")]
async fn a_reviewer_is_named_the_library_checked_an_exports_contents_read_and_templates_exported() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = library(dir.path(), &[("Needs review", "Text for the director to vet.")]);
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("utf-8").trim().to_owned();
    let section = {
        let store = Store::open(&db).expect("library");
        let sections = store.sections(&SectionFilter::default()).expect("sections");
        sections.into_iter().find(|s| s.title == "Needs review").expect("the section").id.to_string()
    };
    cli(&db, &["section", "submit", &section]);
    cli(&db, &["backup"]);
    let statement = text(cli(&db, &["statement", "new", "--title", "Contents shown"]));
    cli(&db, &["statement", "add", &statement, &section]);
    cli(
        &db,
        &["statement", "text", &statement, "--title", "Figures", "--body", "We are {{fact.member_orgs}}."],
    );
    let exported = dir.path().join("contents.html");
    let record: serde_json::Value = serde_json::from_slice(&cli(
        &db,
        &["export", &statement, "--format", "html", "--out", &exported.display().to_string(), "--json"],
    ))
    .expect("export JSON");
    let app = App::start(&db, dir.path()).await;

    // Vetting asks who vetted the text, offering the person at the keyboard.
    search_library(&app, "needs review").await;
    app.wait_until(
        "the section opened",
        "const row = [...document.querySelectorAll('.section-row')].find(r => r.querySelector('.title').textContent === 'Needs review'); \
         if (!row) return false; row.click(); return true;",
    )
    .await;
    app.click("[data-action=vetted]").await;
    let offered = app
        .wait_until(
            "the reviewer asked",
            "const f = document.querySelector('[data-testid=vetted-by]'); return f && f.value;",
        )
        .await;
    assert_eq!(offered, serde_json::json!("e2e"));
    app.find("[data-testid=vetted-by]").await.clear().await.expect("clear");
    app.type_into("[data-testid=vetted-by]", "Directora Ruiz").await;
    app.click("[data-testid=confirm-vet]").await;
    app.wait_until(
        "the section vetted",
        "return document.querySelector('[data-testid=section-status]').textContent === 'Vetted' && !document.querySelector('[data-testid=vet-form]');",
    )
    .await;

    // The integrity check, as `plenary check`.
    app.click("[data-view=backups]").await;
    app.click("[data-testid=check-library]").await;
    let checked = app
        .wait_until(
            "the check's result",
            "const r = document.querySelector('[data-testid=check-result]'); return r && [r.dataset.sound, r.textContent.trim()];",
        )
        .await;
    app.screenshot("19-library-checked").await;
    assert_eq!(checked[0], "true", "{checked}");
    assert!(
        checked[1].as_str().is_some_and(|t| t.starts_with("No damage found") && t.contains("sections")),
        "{checked}"
    );

    // What the export contained: the section's version with its title, the fact's value, the digest.
    app.click("[data-view=statements]").await;
    app.click(&format!("[data-statement-id=\"{statement}\"]")).await;
    app.wait_until("the export log", "const d = document.querySelector('[data-testid=export-log]'); if (!d) return false; d.closest('details').open = true; return true;").await;
    app.click("[data-testid=export-details-toggle]").await;
    let contents = app
        .wait_until(
            "the export's contents",
            "const d = document.querySelector('[data-testid=export-details]'); return d && \
             [[...d.querySelectorAll('[data-section]')].map(s => s.textContent.trim()), \
              [...d.querySelectorAll('[data-fact]')].map(f => f.textContent.trim()), \
              d.querySelector('[data-testid=export-sha256]').textContent];",
        )
        .await;
    assert_eq!(contents[0], serde_json::json!(["Needs review · v1"]), "{contents}");
    assert!(
        contents[1]
            .as_array()
            .is_some_and(|facts| facts.len() == 1
                && facts[0].as_str().is_some_and(|f| f.starts_with("member_orgs = "))),
        "{contents}"
    );
    assert_eq!(contents[2], record["sha256"], "the digest the command printed");
    app.screenshot("20-export-contents").await;

    // The built-in templates, written out for editing.
    app.click("[data-view=organisation]").await;
    app.click("[data-testid=export-templates]").await;
    let written = app
        .wait_until(
            "the templates written",
            "const p = document.querySelector('[data-testid=templates-written]'); return p && p.textContent;",
        )
        .await;
    app.screenshot("21-templates-exported").await;
    let folder = dir.path().join("Plenary templates");
    assert!(written.as_str().is_some_and(|w| w.contains(&folder.display().to_string())), "{written}");
    let files: Vec<_> = walk(&folder);
    assert!(files.iter().any(|f| f.ends_with("statement.hbs")), "{files:?}");
    assert!(files.iter().any(|f| f.extension().is_some_and(|e| e == "css")), "{files:?}");

    // In Spanish: why each backup was made, and a refusal from the library in the window's words.
    select(&app, "[data-testid=ui-language]", "es").await;
    app.click("[data-view=backups]").await;
    let reasons = app
        .wait_until(
            "the backups listed",
            "const rows = [...document.querySelectorAll('[data-testid=backups] td:nth-child(2)')]; return rows.length > 0 && rows.map(r => r.textContent);",
        )
        .await;
    assert!(
        reasons.as_array().is_some_and(|r| r.iter().all(|r| r
            .as_str()
            .is_some_and(|r| r == "Diaria" || r.starts_with("Antes de") || r == "Hecha a petición"))),
        "{reasons}"
    );
    app.click("[data-view=statements]").await;
    app.click(&format!("[data-statement-id=\"{statement}\"]")).await;
    app.type_into("[data-testid=signatory-name]", "Red Regional").await;
    app.click("[data-testid=add-signatory]").await;
    app.wait_until(
        "the first signatory",
        "return document.querySelector('[data-signer=\"Red Regional\"]') !== null && document.querySelector('[data-testid=signatory-name]').value === '';",
    )
    .await;
    app.type_into("[data-testid=signatory-name]", "red regional").await;
    app.click("[data-testid=add-signatory]").await;
    let refusal = app
        .wait_until(
            "the refusal",
            "const n = document.querySelector('[data-notice=error]'); return n && n.textContent;",
        )
        .await;
    assert!(
        refusal.as_str().is_some_and(|r| r.contains("red regional ya firma esta declaración")),
        "{refusal}"
    );
    app.click("[data-notice=error] button.link").await;

    // A signatory who agreed is removed; Undo puts them back with their agreement.
    app.click("[data-signer='Red Regional'] [data-testid=signer-agreed]").await;
    app.wait_until(
        "the signatory agreed",
        "const s = document.querySelector('[data-signer=\"Red Regional\"]'); return s && s.dataset.standing === 'agreed';",
    )
    .await;
    app.click("[data-signer='Red Regional'] [data-testid=signer-remove]").await;
    let removed = app
        .wait_until(
            "the signatory removed, with Undo",
            "const n = document.querySelector('[data-notice=info]:has([data-testid=notice-action])'); return !document.querySelector('[data-signer=\"Red Regional\"]') && n && n.textContent;",
        )
        .await;
    assert!(removed.as_str().is_some_and(|n| n.contains("Red Regional ya no es firmante")), "{removed}");
    app.click("[data-notice=info] [data-testid=notice-action]").await;
    app.wait_until(
        "the signatory back, still agreed",
        "const s = document.querySelector('[data-signer=\"Red Regional\"]'); return s && s.dataset.standing === 'agreed';",
    )
    .await;

    // A kind added from the new-section form; one that cannot be a kind is refused in Spanish.
    app.click("[data-view=library]").await;
    app.click("[data-testid=new-section]").await;
    app.click("[data-testid=add-kind]").await;
    app.type_into("[data-testid=new-kind-name]", "declaración").await;
    app.click("[data-testid=save-kind]").await;
    let refusal = app
        .wait_until("the kind refused", "const n = [...document.querySelectorAll('[data-notice=error]')].pop(); return n && n.textContent;")
        .await;
    assert!(refusal.as_str().is_some_and(|r| r.contains("«declaración» no puede ser un tipo")), "{refusal}");
    app.find("[data-testid=new-kind-name]").await.clear().await.expect("clear");
    app.type_into("[data-testid=new-kind-name]", "Testimonio").await;
    app.click("[data-testid=save-kind]").await;
    app.wait_until(
        "the new kind chosen",
        "const k = document.querySelector('[data-testid=new-kind]'); return !document.querySelector('[data-testid=new-kind-name]') && k.value === 'testimonio';",
    )
    .await;
    select(&app, "[data-testid=ui-language]", "en").await;
    app.stop().await;

    let store = Store::open(&db).expect("library");
    assert!(store.kinds().expect("kinds").iter().any(|k| k.as_str() == "testimonio"));
    let id = section.parse().expect("section id");
    let vetted = store.version(id, 1).expect("version 1").vetted.expect("vetted");
    assert_eq!(vetted.by, "Directora Ruiz");
}

/// Every file under `folder`.
fn walk(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The keys `text` is typed with (xdotool's names).
fn keys(text: &str) -> Vec<String> {
    text.chars().map(|c| if c == ' ' { "space".to_owned() } else { c.to_string() }).collect()
}

/// Keyboard alone, as the X server's keyboard delivers it: the search has the focus at start,
/// arrows and Enter open a result with the focus in its title, and New statement puts the focus
/// in the new statement's title, which Enter creates and opens.
#[tokio::test(flavor = "multi_thread")]
async fn the_library_a_new_statement_a_dialog_and_a_deletion_are_worked_by_keyboard_alone() {
    let _window = ONE_WINDOW_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = library(dir.path(), &[]);
    let app = App::start(&db, dir.path()).await;
    let focused_on = |testid: &str| {
        format!(
            "const e = document.activeElement; return e !== null && e.getAttribute('data-testid') === '{testid}';"
        )
    };
    app.wait_until("the search focused at start", &focused_on("library-search")).await;

    let typed = keys("who we are");
    app.press(&typed.iter().map(String::as_str).collect::<Vec<_>>()).await;
    app.wait_until(
        "the results for what was typed",
        "const t = [...document.querySelectorAll('.section-row .title')].map(t => t.textContent); \
         return document.querySelector('[data-testid=library-search]').value === 'who we are' && t.includes('Who we are');",
    )
    .await;
    // Down to the row, as many times as it stands from the top.
    let place = app
        .eval("return [...document.querySelectorAll('.section-row .title')].findIndex(t => t.textContent === 'Who we are');")
        .await;
    let downs = vec!["Down"; place.as_u64().expect("a row") as usize + 1];
    app.press(&downs).await;
    app.press(&["Return"]).await;
    let opened = app
        .wait_until(
            "the section open, its title focused",
            "const e = document.activeElement; return e && e.getAttribute('data-testid') === 'section-title' && e.value;",
        )
        .await;
    assert_eq!(opened, serde_json::json!("Who we are"));

    app.press(&["ctrl+n"]).await;
    app.wait_until("the new statement's title focused", &focused_on("statement-title-input")).await;
    let title = keys("Keyboard statement");
    app.press(&title.iter().map(String::as_str).collect::<Vec<_>>()).await;
    app.press(&["Return"]).await;
    let composed = app
        .wait_until(
            "the composer on the new statement",
            "const c = document.querySelector('[data-testid=statement-title]'); return c && (c.value ?? c.textContent);",
        )
        .await;
    assert_eq!(composed, serde_json::json!("Keyboard statement"));

    // A dialog opened from the keyboard closes with Escape and gives the focus back.
    app.eval("document.querySelector('[data-testid=mark-final]').focus(); return true;").await;
    app.press(&["Return"]).await;
    app.wait_until(
        "the status dialog open",
        "const d = document.querySelector('[data-testid=status-dialog]'); return d !== null && d.open;",
    )
    .await;
    app.press(&["Escape"]).await;
    app.wait_until(
        "the dialog gone, the focus back on Mark final",
        "return document.querySelector('[data-testid=status-dialog]') === null && document.activeElement \
         && document.activeElement.getAttribute('data-testid') === 'mark-final';",
    )
    .await;

    // Deleting from the keyboard leaves the focus in the list, not on the page.
    app.press(&["ctrl+2"]).await;
    let named = "[...document.querySelectorAll('.list li')].find(li => li.textContent.includes('Keyboard statement'))";
    app.wait_until("the statements list with the new draft", &format!("return {named} !== undefined;")).await;
    app.eval(&format!("{named}.querySelector('[data-testid=delete-statement]').focus(); return true;")).await;
    app.press(&["Return"]).await;
    let focused = app
        .wait_until(
            "the draft deleted and the focus on a row's control or the New button",
            &format!(
                "const e = document.activeElement; if ({named} !== undefined || !e || e === document.body) return false; \
                 const row = e.closest('.list li'); return row ? 'row' : e.getAttribute('data-testid');"
            ),
        )
        .await;
    assert!(
        focused == serde_json::json!("row") || focused == serde_json::json!("new-statement"),
        "{focused}"
    );

    // The last row deleted, the focus goes to the form that makes a new one.
    app.click("[data-view=terms]").await;
    for (term, prefer) in [("illegal immigrant", "undocumented migrant"), ("aliens", "migrants")] {
        app.type_into("[data-testid=term-term]", term).await;
        app.type_into("[data-testid=term-prefer]", prefer).await;
        app.click("[data-testid=add-term]").await;
        app.wait_until(
            "the term listed",
            &format!(
                "return [...document.querySelectorAll('[data-term]')].some(r => r.dataset.term === '{term}');"
            ),
        )
        .await;
    }
    for left in (0..2).rev() {
        app.eval("document.querySelector('[data-testid=remove-term]').focus(); return true;").await;
        app.press(&["Return"]).await;
        app.wait_until(
            "one term fewer, the focus on a term's Remove or the new term's field",
            &format!(
                "const e = document.activeElement; return document.querySelectorAll('[data-testid=remove-term]').length === {left} \
                 && e && ['remove-term', 'term-term'].includes(e.getAttribute('data-testid'));"
            ),
        )
        .await;
    }
    app.wait_until(
        "no terms left, the focus on the new term's field",
        "return document.activeElement && document.activeElement.getAttribute('data-testid') === 'term-term';",
    )
    .await;
    app.stop().await;
}
