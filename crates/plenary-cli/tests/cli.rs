//! The `plenary` binary end to end: every command through the built executable on a real file.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// A library file in a temporary folder, and the binary to drive it.
struct Library {
    folder: TempDir,
    path: PathBuf,
}

impl Library {
    /// A new, empty library (made with `plenary init`: nothing else creates one).
    fn new() -> Self {
        let library = Self::without_file();
        library.ok(&["init"]);
        library
    }

    /// A folder where the library file does not exist yet.
    fn without_file() -> Self {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("library.sqlite3");
        Self { folder, path }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_plenary"));
        command
            .arg("--db")
            .arg(&self.path)
            .args(args)
            .env_remove("PLENARY_DB")
            .env("PLENARY_AUTHOR", "tester")
            .env("PLENARY_TODAY", "2026-11-26");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run plenary")
    }

    /// Runs a command that must succeed; returns its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "plenary {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8 output")
    }

    /// Runs a command with `--json` and parses what it prints.
    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        serde_json::from_str(&self.ok(&args)).expect("one JSON document")
    }

    /// Runs a command that must fail with `code`; returns its one-line error.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "plenary {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stderr = String::from_utf8(output.stderr).expect("utf-8 error");
        if code == 1 {
            assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
            assert!(stderr.starts_with("error: "), "{stderr}");
        }
        stderr
    }

    fn add_section(&self, title: &str, kind: &str, body: &str) -> String {
        self.ok(&["section", "add", "--title", title, "--kind", kind, "--body", body]).trim().to_owned()
    }

    fn section_count(&self) -> usize {
        self.json(&["section", "list"]).as_array().map(Vec::len).unwrap_or(0)
    }
}

fn vet(library: &Library, id: &str) {
    library.ok(&["section", "submit", id]);
    library.ok(&["section", "vet", id, "--by", "Director"]);
}

#[test]
fn init_prints_the_library_path_and_help_lists_the_commands() {
    let library = Library::without_file();
    assert_eq!(library.ok(&["init"]).trim(), library.path.display().to_string());
    assert!(library.path.exists());
    let overview = library.ok(&[]);
    assert!(overview.starts_with(&format!("Plenary library {}", library.path.display())), "{overview}");
    assert!(overview.contains("sections: 0"), "{overview}");
    let help = library.ok(&["--help"]);
    for command in ["init", "section", "search", "fact", "org", "event", "statement", "backup", "check"] {
        assert!(help.contains(command), "--help lists {command}: {help}");
    }
}

/// The app-data folder under a home folder of the test's own: found through XDG_DATA_HOME on
/// Linux and HOME on macOS. (Windows asks the shell for %APPDATA%, which a test cannot move.)
#[cfg(unix)]
fn data_folder(home: &Path) -> PathBuf {
    if cfg!(target_os = "macos") { home.join("Library/Application Support") } else { home.join("data") }
}

#[cfg(unix)]
#[test]
fn template_commands_leave_the_default_library_alone() {
    let home = tempfile::tempdir().expect("home");
    let output = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["template", "list"])
        .env_remove("PLENARY_DB")
        .env_remove("PLENARY_TEMPLATES")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .expect("run");
    assert!(output.status.success());
    assert!(!data_folder(home.path()).join("org.plenary.desktop/library.sqlite3").exists());
}

#[cfg(unix)]
#[test]
fn without_db_the_app_data_file_is_used() {
    let home = tempfile::tempdir().expect("home");
    let output = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("init")
        .env_remove("PLENARY_DB")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let expected = data_folder(home.path()).join("org.plenary.desktop/library.sqlite3");
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), expected.display().to_string());
    assert!(expected.exists());

    // The default library starts with the demo, as the desktop app's does.
    let demo = Library { folder: home, path: expected };
    let sections = demo.json(&["section", "list"]);
    assert_eq!(sections.as_array().map(Vec::len), Some(14));
    let statements = demo.json(&["statement", "list"]);
    let statement = statements[0]["id"].as_str().expect("demo statement").to_owned();
    let shown = demo.json(&["statement", "show", &statement]);
    assert_eq!(shown["items"].as_array().map(Vec::len), Some(7));
    assert!(
        shown["items"][0]["body"].as_str().unwrap_or_default().contains("network of 45"),
        "facts substituted"
    );
    let codes: Vec<_> =
        shown["warnings"].as_array().expect("warnings").iter().map(|w| w["code"].clone()).collect();
    assert_eq!(
        codes,
        ["unvetted_section", "consent_missing"],
        "the recommendations still in review, the second signatory not yet agreed"
    );
    let about =
        sections.as_array().expect("sections").iter().find(|s| s["title"] == "Who we are").expect("about");
    let about = demo.json(&["section", "show", about["id"].as_str().expect("id")]);
    assert_eq!(about["translations"][0]["lang"], "es");
}

/// On Windows the default library is `%APPDATA%\org.plenary.desktop\library.sqlite3`, the file the
/// desktop app opens (its demo content is checked above and by scripts/check-windows-installer).
#[cfg(windows)]
#[test]
fn without_db_the_app_data_file_is_used() {
    let output = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("init")
        .env_remove("PLENARY_DB")
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let app_data = std::env::var_os("APPDATA").expect("Windows sets APPDATA");
    let expected = Path::new(&app_data).join("org.plenary.desktop").join("library.sqlite3");
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), expected.display().to_string());
    assert!(expected.exists());
}

#[test]
fn init_demo_fills_an_empty_library_only() {
    let library = Library::new();
    assert_eq!(library.section_count(), 0, "a library named with --db starts empty");
    library.ok(&["init", "--demo"]);
    assert_eq!(library.section_count(), 14);
    let error = library.fails(&["init", "--demo"], 1);
    assert!(error.contains("already has sections"), "{error}");
}

#[test]
fn sections_are_added_edited_vetted_and_shown() {
    let library = Library::new();
    let id = library.ok(&[
        "section",
        "add",
        "--title",
        "Quiénes somos",
        "--kind",
        "about",
        "--lang",
        "es",
        "--tag",
        "gfmd",
        "--tag",
        "red",
        "--owner",
        "Marta",
        "--review-due",
        "2027-01-31",
        "--body",
        "Somos **45** organizaciones.",
    ]);
    let id = id.trim();
    assert_eq!(id.len(), 36, "a full UUID: {id}");

    let shown = library.json(&["section", "show", &id[..8]]);
    assert_eq!(shown["id"], id);
    assert_eq!(shown["title"], "Quiénes somos");
    assert_eq!(shown["kind"], "about");
    assert_eq!(shown["lang"], "es");
    assert_eq!(shown["status"], "draft");
    assert_eq!(shown["current_version"], 1);
    assert_eq!(shown["tags"], serde_json::json!(["gfmd", "red"]));
    assert_eq!(shown["review_due"], "2027-01-31");
    assert_eq!(shown["used_in"], serde_json::json!([]));

    let body_file = library.folder.path().join("body.md");
    std::fs::write(&body_file, "Somos **46** organizaciones de la región.").expect("write body");
    let edited = library.json(&[
        "section",
        "edit",
        id,
        "--body-file",
        body_file.to_str().expect("path"),
        "--note",
        "new member",
    ]);
    assert_eq!((edited["version"].as_u64(), edited["new_version"].as_bool()), (Some(2), Some(true)));

    let history = library.json(&["section", "history", id]);
    let versions: Vec<_> = history.as_array().expect("array").iter().map(|v| v["number"].as_u64()).collect();
    assert_eq!(versions, [Some(2), Some(1)]);
    assert_eq!(history[0]["note"], "new member");
    assert_eq!(history[0]["author"], "tester");

    // An older version's text comes back as a new version that names it.
    let restored = library.json(&["section", "restore", id, "1"]);
    assert_eq!(restored["version"], 3);
    let history = library.json(&["section", "history", id]);
    assert_eq!((history[0]["restored_from"].as_u64(), history[1]["restored_from"].as_u64()), (Some(1), None));
    assert_eq!(library.json(&["section", "show", id])["body"], history[2]["body"]);
    library.json(&["section", "restore", id, "2"]);

    vet(&library, id);
    let shown = library.json(&["section", "show", id]);
    // v4 holds v2's text again, restored above.
    assert_eq!((shown["status"].as_str(), shown["vetted_version"].as_u64()), (Some("vetted"), Some(4)));
    assert_eq!(library.json(&["section", "history", id])[0]["vetted_by"], "Director");

    // Vetting a vetted section is refused with the reason.
    let error = library.fails(&["section", "vet", id, "--by", "Director"], 1);
    assert!(error.contains("already vetted"), "{error}");

    let submitted = library.add_section("Pending", "other", "Text.");
    library.ok(&["section", "submit", &submitted]);
    let in_review = library.json(&["section", "list", "--status", "in_review"]);
    assert_eq!(in_review[0]["status"], "in_review");
    let in_review_add = library.ok(&[
        "section",
        "add",
        "--title",
        "R",
        "--kind",
        "other",
        "--status",
        "in_review",
        "--body",
        "b",
    ]);
    assert_eq!(library.json(&["section", "show", in_review_add.trim()])["status"], "in_review");

    library.ok(&["section", "retire", id]);
    assert_eq!(library.json(&["section", "list", "--status", "retired"]).as_array().map(Vec::len), Some(1));
    library.ok(&["section", "reinstate", id]);
    assert_eq!(library.json(&["section", "show", id])["status"], "draft");
}

#[test]
fn body_from_standard_input() {
    let library = Library::new();
    let mut child = library
        .command(&["section", "add", "--title", "Closing", "--kind", "closing", "--body-file", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(b"Thank you.\n").expect("write");
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success());
    let id = String::from_utf8(output.stdout).expect("utf-8");
    assert_eq!(library.json(&["section", "show", id.trim()])["body"], "Thank you.\n");
}

#[test]
fn a_body_file_from_windows_is_stored_with_plain_newlines() {
    let library = Library::new();
    library.ok(&["init"]);
    let file = library.folder.path().join("quienes.txt");
    std::fs::write(&file, "\u{feff}¿Quiénes somos?\r\n\r\nSomos 45 organizaciones.\r\n").expect("write");
    let id = library.ok(&[
        "section",
        "add",
        "--title",
        "Quiénes",
        "--kind",
        "about",
        "--body-file",
        file.to_str().expect("path"),
    ]);
    assert_eq!(
        library.json(&["section", "show", id.trim()])["body"],
        "¿Quiénes somos?\n\nSomos 45 organizaciones.\n"
    );
}

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    let library = Library::new();
    library.ok(&["init", "--demo"]);
    let mut child = library
        .command(&["section", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Closing the only read end before anything is written: the first line meets a closed pipe,
    // as `plenary section list | head -1` does once head has its line.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(141), "the conventional status of a closed pipe");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "no panic, no message");
}

#[test]
fn lists_and_search_filter_and_mark_matches() {
    let library = Library::new();
    library.add_section("Protección", "position", "La protección de las personas migrantes es lo primero.");
    library.ok(&[
        "section",
        "add",
        "--title",
        "Detention",
        "--kind",
        "position",
        "--lang",
        "en",
        "--tag",
        "detention",
        "--body",
        "We oppose immigration detention & the criminalization of migration.",
    ]);
    library.add_section("Who we are", "about", "A network of organisations.");

    let all = library.json(&["section", "list"]);
    let titles: Vec<_> =
        all.as_array().expect("array").iter().map(|s| s["title"].as_str().unwrap_or_default()).collect();
    assert_eq!(titles, ["Who we are", "Detention", "Protección"], "by kind order, then title");
    assert_eq!(library.json(&["section", "list", "--kind", "about"]).as_array().map(Vec::len), Some(1));
    assert_eq!(library.json(&["section", "list", "--tag", "DETENTION"]).as_array().map(Vec::len), Some(1));

    let hits = library.json(&["search", "proteccion"]);
    assert_eq!(hits[0]["title"], "Protección");
    assert!(
        hits[0]["snippet"].as_str().unwrap_or_default().to_lowercase().contains("<mark>protección</mark>"),
        "{hits}"
    );
    let hits = library.json(&["search", "criminaliz", "--lang", "en"]);
    assert_eq!(hits.as_array().map(Vec::len), Some(1));
    for key in ["id", "title", "kind", "status", "snippet"] {
        assert!(hits[0].get(key).is_some(), "search hit has {key}: {hits}");
    }
    assert!(hits[0]["snippet"].as_str().unwrap_or_default().contains("&amp;"), "escaped: {hits}");
    assert_eq!(library.json(&["search", "migration", "--kind", "about"]), serde_json::json!([]));
    let people = library.ok(&["search", "detention"]);
    assert!(people.contains("[detention]"), "{people}");
}

#[test]
fn facts_org_and_events() {
    let library = Library::new();
    library.ok(&["fact", "set", "member_orgs", "45", "--as-of", "2017-06", "--source", "Annual report"]);
    library.ok(&["fact", "set", "member_orgs", "46", "--as-of", "2026-09"]);
    let facts = library.json(&["fact", "list"]);
    assert_eq!(facts[0]["key"], "member_orgs");
    assert_eq!(facts[0]["value"], "46");
    assert_eq!(facts[0]["as_of"], "2026-09");
    let error = library.fails(&["fact", "set", "Member-Orgs", "1"], 1);
    assert!(error.contains("fact key"), "{error}");

    let logo = library.folder.path().join("logo.svg");
    std::fs::write(&logo, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")
        .expect("logo");
    library.ok(&[
        "org",
        "set",
        "--name",
        "Red Regional",
        "--short",
        "RR",
        "--website",
        "https://red.example.org",
        "--address",
        "Calle 1\nCiudad",
        "--logo",
        logo.to_str().expect("path"),
    ]);
    let org = library.json(&["org", "show"]);
    assert_eq!(org["name"], "Red Regional");
    assert_eq!(org["logo"]["mime"], "image/svg+xml");
    let error = library.fails(&["org", "set", "--website", "red.example.org"], 1);
    assert!(error.contains("--website"), "{error}");
    let not_image = library.folder.path().join("logo.txt");
    std::fs::write(&not_image, "hello").expect("write");
    let error = library.fails(&["org", "set", "--logo", not_image.to_str().expect("path")], 1);
    assert!(error.contains("neither a PNG nor an SVG"), "{error}");

    let id = library.ok(&[
        "event",
        "add",
        "--name",
        "Global Forum on Migration and Development",
        "--short",
        "GFMD",
        "--edition",
        "2017",
        "--city",
        "Berlin",
        "--country",
        "Germany",
        "--starts",
        "2017-06-28",
        "--ends",
        "2017-06-30",
        "--deadline",
        "2017-06-01",
        "--word-limit",
        "500",
        "--lang",
        "en",
        "--lang",
        "es",
    ]);
    let events = library.json(&["event", "list"]);
    assert_eq!(events[0]["id"], id.trim());
    assert_eq!(events[0]["languages"], serde_json::json!(["en", "es"]));
    assert_eq!(events[0]["word_limit"], 500);
    assert_eq!(library.json(&["event", "show", &id[..8]])["city"], "Berlin");
    let error =
        library.fails(&["event", "add", "--name", "X", "--starts", "2017-06-30", "--ends", "2017-06-28"], 1);
    assert!(error.contains("cannot end before it starts"), "{error}");
}

#[test]
fn a_statement_is_composed_reordered_and_shown_with_warnings() {
    let library = Library::new();
    library.ok(&["fact", "set", "member_orgs", "45", "--as-of", "2017-06"]);
    let about = library.add_section("Who we are", "about", "We are {{fact.member_orgs}} organisations.");
    let work = library.add_section("What we do", "work", "We defend rights.");
    let draft = library.add_section("Recommendations", "recommendation", "End detention. {{fact.unknown}}");
    vet(&library, &about);
    vet(&library, &work);
    let event =
        library.ok(&["event", "add", "--name", "GFMD", "--deadline", "2026-12-01", "--word-limit", "12"]);
    let statement = library.json(&[
        "statement",
        "new",
        "--title",
        "Statement",
        "--event",
        event.trim(),
        "--date",
        "2026-11-20",
    ]);
    let statement = statement["id"].as_str().expect("id").to_owned();
    library.ok(&["statement", "add", &statement[..8], &about[..8], &work, &draft]);
    library.ok(&["statement", "text", &statement, "--title", "Closing", "--body", "Thank you."]);
    library.ok(&["statement", "move", &statement, "3", "1"]);
    library.ok(&["statement", "sign", &statement, "--name", "Red Regional", "--role", "Coordinación"]);

    let shown = library.json(&["statement", "show", &statement]);
    let titles: Vec<_> = shown["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["title"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(titles, ["Recommendations", "Who we are", "What we do", "Closing"]);
    assert_eq!(shown["items"][1]["body"], "We are 45 organisations.");
    assert_eq!(shown["items"][1]["type"], "linked");
    assert_eq!(shown["items"][1]["section_id"], about);
    assert_eq!(shown["items"][3]["type"], "text");
    assert_eq!(shown["date"], "2026-11-20");
    assert_eq!(shown["signatories"][0]["role"], "Coordinación");
    // Recommendations 1 + "End detention. {{fact.unknown}}" 3 (the unknown reference stays, one
    // word); 3 + 4; 3 + 3; 1 + 2.
    assert_eq!(shown["word_count"], 20);
    let codes: Vec<_> = shown["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w["code"].as_str().unwrap_or_default())
        .collect();
    // The signatory was asked and has not answered yet.
    assert_eq!(
        codes,
        ["unvetted_section", "unknown_fact", "stale_fact", "over_word_limit", "consent_missing"]
    );
    assert_eq!(shown["warnings"][0]["item"], 1);
    assert!(shown["warnings"][3]["message"].as_str().unwrap_or_default().contains("20 words"));

    let list = library.json(&["statement", "list"]);
    assert_eq!((list[0]["title"].as_str(), list[0]["items"].as_u64()), (Some("Statement"), Some(4)));
    assert_eq!(library.json(&["section", "show", &about])["used_in"][0]["position"], 2);

    let error = library.fails(&["statement", "move", &statement, "9", "1"], 1);
    assert!(error.contains("no item at position 9"), "{error}");
    library.ok(&["statement", "status", &statement, "final"]);
    let error = library.fails(&["statement", "text", &statement, "--title", "x", "--body", "y"], 1);
    assert!(error.contains("final"), "{error}");
    let copy = library.ok(&["statement", "copy", &statement, "--title", "Next year"]);
    assert_eq!(library.json(&["statement", "show", copy.trim()])["items"].as_array().map(Vec::len), Some(4));
}

#[test]
fn drafts_unused_events_and_unused_sections_are_deleted_and_a_statement_undeleted() {
    let library = Library::new();
    let used = library.add_section("Who we are", "about", "We are 45.");
    let unused = library.add_section("Old wording", "other", "Never used.");
    let event = library.ok(&["event", "add", "--name", "GFMD"]);
    let event = event.trim();
    let statement = library.json(&["statement", "new", "--title", "Draft to drop", "--event", event])["id"]
        .as_str()
        .expect("id")
        .to_owned();
    library.ok(&["statement", "add", &statement, &used]);

    let error = library.fails(&["section", "delete", &used], 1);
    assert!(error.contains("“Draft to drop” (draft)"), "{error}");
    let error = library.fails(&["event", "delete", event], 1);
    assert!(error.contains("take it out of that statement first"), "{error}");

    library.ok(&["statement", "delete", &statement]);
    assert_eq!(library.json(&["statement", "list"]), serde_json::json!([]));
    library.fails(&["statement", "show", &statement], 1);
    library.ok(&["statement", "undelete", &statement]);
    assert_eq!(library.json(&["statement", "show", &statement])["items"].as_array().map(Vec::len), Some(1));

    library.ok(&["section", "delete", &unused]);
    assert_eq!(library.section_count(), 1);
    let error = library.fails(&["section", "show", &unused], 1);
    assert!(error.contains(&unused[..8]), "{error}");
}

#[test]
fn bad_input_is_one_line_exit_1_and_writes_nothing() {
    let library = Library::new();
    let id = library.add_section("Kept", "about", "Body.");
    let before = library.section_count();
    let missing = library.folder.path().join("missing.md");
    let missing = missing.to_str().expect("path");

    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["section", "show", "00000000-0000-4000-8000-000000000000"],
            "no section with id '00000000-0000-4000-8000-000000000000'",
        ),
        (vec!["section", "edit", "deadbeef", "--title", "x"], "no section with id 'deadbeef'"),
        (vec!["section", "show", &id[..5]], "too short"),
        (
            vec![
                "section",
                "add",
                "--title",
                "T",
                "--kind",
                "about",
                "--review-due",
                "2026-02-30",
                "--body",
                "b",
            ],
            "invalid --review-due '2026-02-30'",
        ),
        (
            vec!["section", "add", "--title", "T", "--kind", "about", "--body-file", missing],
            "cannot read body file",
        ),
        (
            vec!["section", "add", "--title", "T", "--kind", "manifesto", "--body", "b"],
            "unknown kind 'manifesto'",
        ),
        (
            vec!["section", "add", "--title", "T", "--kind", "about", "--lang", "english", "--body", "b"],
            "invalid --lang 'english'",
        ),
        (vec!["section", "add", "--title", "  ", "--kind", "about", "--body", "b"], "needs a title"),
        (
            vec!["event", "add", "--name", "GFMD", "--deadline", "01/06/2017"],
            "invalid --deadline '01/06/2017'",
        ),
        (vec!["statement", "add", "00000000", &id], "no statement with id '00000000'"),
        (vec!["fact", "set", "k", "v", "--as-of", "June 2017"], "invalid --as-of 'June 2017'"),
    ];
    for (args, expected) in cases {
        let error = library.fails(&args, 1);
        assert!(error.contains(expected), "plenary {args:?}: expected {expected:?} in {error:?}");
        if args.contains(&"--body-file") {
            assert!(error.contains("missing.md"), "names the file: {error}");
        }
    }
    assert_eq!(library.section_count(), before, "nothing was written");
    assert_eq!(library.json(&["event", "list"]), serde_json::json!([]));
    assert_eq!(library.json(&["fact", "list"]), serde_json::json!([]));
}

#[test]
fn usage_errors_exit_2() {
    let library = Library::new();
    library.fails(&["section", "add", "--kind", "about", "--body", "b"], 2);
    library.fails(&["section", "add", "--title", "T", "--kind", "about"], 2);
    library
        .fails(&["section", "add", "--title", "T", "--kind", "about", "--body", "b", "--body-file", "x"], 2);
    library.fails(&["section", "list", "--status", "approved"], 2);
    library.fails(&["no-such-command"], 2);
}

#[test]
fn vetting_cannot_be_skipped() {
    let library = Library::new();
    for status in ["vetted", "retired"] {
        let refused = library.fails(
            &["section", "add", "--title", "T", "--kind", "about", "--status", status, "--body", "b"],
            2,
        );
        assert!(refused.contains("possible values: draft, in_review"), "{refused}");
    }
    assert_eq!(library.section_count(), 0, "nothing was added");
    let draft = library.add_section("A", "about", "Body.");
    let refused = library.fails(&["section", "vet", &draft, "--by", "Director"], 1);
    assert!(refused.contains("submit it for review first"), "{refused}");
    assert_eq!(library.json(&["section", "show", &draft])["status"], "draft");
}

#[test]
fn backup_and_check() {
    let library = Library::new();
    library.add_section("A", "about", "Body.");
    let target = library.folder.path().join("copies/one.sqlite3");
    let printed = library.ok(&["backup", "--out", target.to_str().expect("path")]);
    assert_eq!(printed.trim(), target.display().to_string());
    let copy = Library { folder: tempfile::tempdir().expect("folder"), path: target };
    assert_eq!(copy.section_count(), 1);
    let default = library.ok(&["backup"]);
    assert!(Path::new(default.trim()).starts_with(library.folder.path().join("backups")), "{default}");
    assert!(library.ok(&["check"]).starts_with("ok: 1 sections"));
}

#[test]
fn a_mistyped_library_path_creates_nothing() {
    let library = Library::without_file();
    let library =
        Library { path: library.folder.path().join("Documnets").join("library.sqlite3"), ..library };
    let db = library.path.display().to_string();
    for command in
        [&["section", "list"][..], &["section", "add", "--title", "T", "--kind", "about", "--body", "b"]]
    {
        let error = library.fails(command, 1);
        assert!(
            error.contains(&db) && error.contains("no library here") && error.contains("init"),
            "{error}"
        );
    }
    assert!(!library.folder.path().join("Documnets").exists(), "no folder was created");
    // `init` is how a library is made anywhere else than the default place.
    library.ok(&["init"]);
    assert_eq!(library.section_count(), 0);
}

#[test]
fn a_damaged_library_is_restored_from_the_newest_good_backup() {
    let library = Library::new();
    library.add_section("A", "about", &"Body one. ".repeat(400));
    // A later command's first change of the day is preceded by the day's backup.
    library.add_section("B", "about", "Body two.");
    let listed = library.json(&["backup", "list"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    assert_eq!(listed[0]["kind"], "daily");

    let mut bytes = std::fs::read(&library.path).expect("bytes");
    let middle = (bytes.len() / 4096 / 2) * 4096;
    bytes[middle..middle + 256].iter_mut().for_each(|b| *b ^= 0xFF);
    std::fs::write(&library.path, &bytes).expect("damage");
    let error = library.fails(&["section", "add", "--title", "C", "--kind", "about", "--body", "c"], 1);
    assert!(error.contains("is damaged") && error.contains("plenary restore"), "{error}");
    assert_eq!(std::fs::read(&library.path).expect("bytes"), bytes, "nothing was written");

    let printed = library.ok(&["restore"]);
    assert!(printed.contains("restored") && printed.contains("kept as"), "{printed}");
    assert_eq!(library.section_count(), 1, "the backup from before B");
    let kinds: Vec<String> = library
        .json(&["backup", "list"])
        .as_array()
        .expect("list")
        .iter()
        .map(|b| b["kind"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(kinds.contains(&"damaged library set aside".to_owned()), "{kinds:?}");
}

#[test]
fn damaged_newer_and_foreign_files_are_refused_clearly() {
    let library = Library::new();
    std::fs::write(&library.path, "not a database at all ".repeat(100)).expect("write");
    let error = library.fails(&["section", "list"], 1);
    assert!(error.contains("is damaged or is not a database"), "{error}");
    assert!(error.contains("library.sqlite3"), "names the file: {error}");
    let error = library.fails(&["check"], 1);
    assert!(error.contains("damaged"), "{error}");

    let newer = Library::new();
    newer.ok(&["init"]);
    set_user_version(&newer.path, 42);
    let error = newer.fails(&["section", "list"], 1);
    assert!(error.contains("newer Plenary"), "{error}");
}

/// Sets `user_version` by writing the header field directly (offset 60, big-endian), as a newer
/// Plenary would have left it; the WAL is empty after a clean close.
fn set_user_version(path: &Path, version: u32) {
    let mut bytes = std::fs::read(path).expect("read");
    bytes[60..64].copy_from_slice(&version.to_be_bytes());
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn a_read_only_library_is_reported_and_left_alone() {
    let library = Library::new();
    library.add_section("A", "about", "Body.");
    let before = std::fs::read(&library.path).expect("bytes");
    let mut permissions = std::fs::metadata(&library.path).expect("metadata").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&library.path, permissions).expect("chmod");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(library.folder.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod folder");
    }
    let command = library.command(&["section", "add", "--title", "B", "--kind", "about", "--body", "b"]);
    let output = common::as_unprivileged_user(command).output().expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("cannot be written"), "{error}");
    assert_eq!(std::fs::read(&library.path).expect("bytes"), before);
}

/// An edit is on the disk before `plenary` reports it done: after the commit's last write to the
/// write-ahead log, the log is flushed (fsync or fdatasync), as strace sees from outside. Another
/// connection keeps the library open, so the command does not close it last: closing last
/// checkpoints, and a checkpoint flushes the log under any `synchronous` setting, so only then
/// does a flush show the commit itself was made durable.
#[cfg(target_os = "linux")]
#[test]
fn an_acknowledged_edit_is_flushed_to_the_disk_before_the_command_returns() {
    let library = Library::new();
    let id = library.add_section("Durable", "other", "first");
    let reader = rusqlite::Connection::open(&library.path).expect("a second connection");
    let body: String = reader
        .query_row("SELECT body FROM versions ORDER BY rowid DESC LIMIT 1", [], |row| row.get(0))
        .expect("the second connection reads the library");
    assert_eq!(body, "first");

    let log = library.folder.path().join("strace.log");
    let edit = library.command(&["section", "edit", &id, "--body", "second"]);
    let mut traced = Command::new("strace");
    traced
        .args(["-f", "-qq", "-y", "-e", "trace=%desc", "-o"])
        .arg(&log)
        .arg(edit.get_program())
        .args(edit.get_args())
        .env_remove("PLENARY_DB");
    for (key, value) in edit.get_envs() {
        if let Some(value) = value {
            traced.env(key, value);
        }
    }
    let output = traced.output().expect("strace (scripts/setup --test installs it)");
    assert!(output.status.success(), "strace plenary: {}", String::from_utf8_lossy(&output.stderr));

    let trace = std::fs::read_to_string(&log).expect("strace log");
    let on_wal = |line: &&str| line.contains(".sqlite3-wal>");
    let is_write =
        |line: &str| ["write(", "pwrite64(", "writev(", "pwritev("].iter().any(|call| line.contains(call));
    let is_flush = |line: &str| line.contains("fsync(") || line.contains("fdatasync(");
    let wal: Vec<&str> = trace.lines().filter(on_wal).collect();
    let last_write = wal.iter().rposition(|line| is_write(line));
    let Some(last_write) = last_write else { panic!("the edit wrote nothing to the log:\n{trace}") };
    assert!(
        wal[last_write..].iter().any(|line| is_flush(line)),
        "the commit was not flushed before the command ended:\n{}",
        wal.join("\n")
    );
    drop(reader);
    assert_eq!(library.json(&["section", "show", &id])["body"], "second");
}

/// A writer killed in the middle of an edit (SIGKILL, or TerminateProcess on Windows) leaves a
/// sound library holding every edit that had returned. This is atomicity: a killed process's
/// finished writes are in the operating system's cache, so durability against power loss is the
/// test above.
#[test]
fn a_killed_writer_leaves_a_sound_library_with_every_finished_edit() {
    use std::time::{Duration, Instant};

    let library = Library::new();
    let id = library.add_section("Counter", "other", "edit 0");
    // A writer that saves edit after edit and counts one as acknowledged once `plenary` has
    // returned; after 1.5 s and three edits, the edit in flight is killed (SIGKILL, or
    // TerminateProcess on Windows), most likely inside a commit.
    let deadline = Instant::now() + Duration::from_millis(1500);
    let mut acknowledged: u32 = 0;
    'writing: loop {
        let next = acknowledged + 1;
        assert!(next <= 400, "400 edits and the writer was never killed mid-stream");
        let body = format!("edit {next}");
        let mut edit = library
            .command(&["section", "edit", &id, "--body", &body])
            .env("PLENARY_AUTHOR", "writer")
            .stdout(Stdio::null())
            .spawn()
            .expect("spawn an edit");
        loop {
            if let Some(status) = edit.try_wait().expect("wait for the edit") {
                assert!(status.success(), "edit {next} failed: {status}");
                acknowledged = next;
                break;
            }
            // At least a few edits first: a process starts slowly under Wine.
            if Instant::now() >= deadline && acknowledged >= 3 {
                edit.kill().expect("kill the edit in flight");
                edit.wait().expect("reap the killed edit");
                break 'writing;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    assert!(library.ok(&["check"]).starts_with("ok"), "the file survived");
    let section = library.json(&["section", "show", &id]);
    let version = section["current_version"].as_u64().expect("version") as u32;
    // Every acknowledged edit is there; at most the one in flight went further.
    assert!(
        version == acknowledged + 1 || version == acknowledged + 2,
        "version {version}, acknowledged {acknowledged}"
    );
    let history = library.json(&["section", "history", &id]);
    let acknowledged_body = format!("edit {acknowledged}");
    assert!(history.as_array().expect("history").iter().any(|v| v["body"] == acknowledged_body.as_str()));
}

#[test]
fn statements_export_to_html_text_and_markdown_and_are_recorded() {
    let library = Library::new();
    library.ok(&["init", "--demo"]);
    let statement = library.json(&["statement", "list"])[0]["id"].as_str().expect("id").to_owned();
    let shown = library.json(&["statement", "show", &statement]);
    let folder = library.folder.path();

    let html_file = folder.join("statement.html");
    let exported =
        library.json(&["export", &statement, "--format", "html", "--out", html_file.to_str().expect("path")]);
    assert_eq!(exported["format"], "html");
    let html = std::fs::read_to_string(&html_file).expect("html written");
    let page = scraper::Html::parse_document(&html);
    let h1 = scraper::Selector::parse("h1").expect("selector");
    assert_eq!(
        page.select(&h1).next().map(|e| e.text().collect::<String>()),
        Some("Civil society statement to the GFMD 2027 Summit".into())
    );
    assert!(html.contains("Alianza Puentes is a network of 45 migrant-led"), "facts substituted in the HTML");

    let text_file = folder.join("statement.txt");
    library.ok(&["export", &statement[..8], "--format", "txt", "--out", text_file.to_str().expect("path")]);
    let text = std::fs::read_to_string(&text_file).expect("text written");
    assert_eq!(
        plenary_core::words::count_words(&text),
        shown["word_count"].as_u64().expect("count") as usize,
        "the form sees the count shown"
    );

    let md_file = folder.join("statement.md");
    library.ok(&[
        "export",
        &statement,
        "--format",
        "md",
        "--template",
        "plain",
        "--out",
        md_file.to_str().expect("path"),
    ]);
    assert!(std::fs::read_to_string(&md_file).expect("md").starts_with("# Civil society statement"));

    let records = library.json(&["statement", "exports", &statement]);
    let formats: Vec<_> = records
        .as_array()
        .expect("records")
        .iter()
        .map(|r| r["format"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(formats, ["md", "txt", "html"]);
    let html_record = &records[2];
    assert_eq!(html_record["bytes"].as_u64(), Some(html.len() as u64));
    assert_eq!(html_record["versions"].as_array().map(Vec::len), Some(6), "six linked items");
    assert_eq!(html_record["facts"]["member_orgs"], "45");

    let error = library.fails(
        &[
            "export",
            &statement,
            "--format",
            "html",
            "--template",
            "fancy",
            "--out",
            html_file.to_str().expect("path"),
        ],
        1,
    );
    assert!(error.contains("unknown template 'fancy'"), "{error}");
    let error =
        library.fails(&["export", &statement, "--format", "html", "--out", "/no/such/folder/x.html"], 1);
    assert!(error.contains("does not exist"), "{error}");
}

#[test]
fn templates_are_listed_exported_and_overridden() {
    let library = Library::new();
    let user = library.folder.path().join("my-templates");
    let list = library.json(&["template", "list", "--templates", user.to_str().expect("path")]);
    assert_eq!(
        list,
        serde_json::json!([{"name": "letterhead", "origin": "built-in"}, {"name": "plain", "origin": "built-in"}])
    );
    let written = library.ok(&["template", "export", user.to_str().expect("path")]);
    assert_eq!(written.lines().count(), 6);
    std::fs::write(user.join("plain/statement.hbs"), "<h1 class=\"mine\">{{title}}</h1>").expect("edit");
    let list = library.json(&["template", "list", "--templates", user.to_str().expect("path")]);
    assert_eq!(list[1]["origin"], "built-in, overridden");

    library.ok(&["init", "--demo"]);
    let statement = library.json(&["statement", "list"])[0]["id"].as_str().expect("id").to_owned();
    let out = library.folder.path().join("mine.html");
    let (user, out) = (user.to_str().expect("path"), out.to_str().expect("path"));
    let export =
        ["export", &statement, "--format", "html", "--template", "plain", "--templates", user, "--out", out];
    library.ok(&export);
    assert!(
        std::fs::read_to_string(out).expect("html").contains("<h1 class=\"mine\">Civil society statement")
    );

    std::fs::write(Path::new(user).join("plain/statement.hbs"), "<h1>{{#if title}}</h1>").expect("break it");
    let error = library.fails(&export, 1);
    let file = Path::new("plain").join("statement.hbs").display().to_string();
    assert!(error.contains(&format!("{file}, line 1")), "{error}");
}

#[test]
fn a_past_statement_is_proposed_then_saved_as_drafts_once() {
    let library = Library::new();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../plenary-import/tests/fixtures/gfmd-2017.txt");
    let file = file.to_str().expect("path");
    let before = std::fs::read(&library.path).expect("library");

    let proposal = library.json(&["import", file]);
    assert_eq!(proposal["title"], "Statement of the Puentes Network to the GFMD Summit 2017");
    let sections = proposal["sections"].as_array().expect("sections");
    let titles: Vec<&str> = sections.iter().filter_map(|s| s["title"].as_str()).collect();
    assert_eq!(titles, ["Introduction", "Who Are We?", "What Do We Do?", "Global Activism"]);
    for key in ["title", "body", "kind", "lang", "match"] {
        assert!(sections.iter().all(|s| s.get(key).is_some()), "every section has {key}");
    }
    assert_eq!(sections[1]["kind"], "about");
    assert_eq!(sections[1]["lang"], "en");
    assert!(sections[1]["match"].is_null());
    assert_eq!(std::fs::read(&library.path).expect("library"), before, "a proposal changes nothing");

    let saved = library.json(&["import", file, "--save", "--tag", "gfmd-2017"]);
    let ids: Vec<String> = saved["saved"]
        .as_array()
        .expect("saved")
        .iter()
        .filter_map(|s| s["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(ids.len(), 4);
    let shown = library.json(&["section", "show", &ids[1]]);
    assert_eq!((shown["title"].as_str(), shown["status"].as_str()), (Some("Who Are We?"), Some("draft")));
    assert_eq!(shown["tags"], serde_json::json!(["gfmd-2017"]));
    let history = library.json(&["section", "history", &ids[1]]);
    let note = history[0]["note"].as_str().expect("note");
    assert!(
        note.starts_with("Imported from gfmd-2017.txt (SHA-256 ") && note.ends_with("on 2026-11-26"),
        "{note}"
    );
    let backups = std::fs::read_dir(library.folder.path().join("backups")).expect("backups");
    assert!(
        backups.filter_map(Result::ok).any(|e| e.file_name().to_string_lossy().contains("before-import"))
    );

    // The same file again: everything is already there, nothing is added.
    let again = library.json(&["import", file, "--save"]);
    assert_eq!(again["saved"], serde_json::json!([]));
    assert_eq!(again["skipped"].as_array().map(Vec::len), Some(4));
    assert_eq!(library.section_count(), 4);
    let proposal = library.json(&["import", file]);
    assert_eq!(proposal["sections"][1]["match"]["same"], true);
    assert_eq!(proposal["sections"][1]["match"]["title"], "Who Are We?");

    // A damaged file: one line naming it, and nothing saved.
    let bad = library.folder.path().join("old.docx");
    std::fs::write(&bad, b"not a zip").expect("write");
    let error = library.fails(&["import", bad.to_str().expect("path"), "--save"], 1);
    assert!(error.contains("old.docx") && error.contains("not a Word file"), "{error}");
    assert_eq!(library.section_count(), 4);
}

#[test]
fn colleagues_share_sections_through_bundles_and_choose_between_diverged_texts() {
    let ours = Library::new();
    let theirs = Library::new();
    let who = ours.add_section("Who we are", "about", "We are 45 organisations.");
    ours.ok(&["section", "edit", &who, "--tag", "gfmd"]);
    ours.add_section("Untagged", "other", "Not shared.");
    ours.ok(&["fact", "set", "member_orgs", "45"]);
    let bundle = ours.folder.path().join("gfmd.plenary");
    let bundle = bundle.to_str().expect("path");
    let written = ours.json(&["bundle", "export", bundle, "--tag", "gfmd"]);
    assert_eq!((written["sections"].as_u64(), written["versions"].as_u64()), (Some(1), Some(1)));

    let report = theirs.json(&["bundle", "import", bundle]);
    for key in ["added", "updated", "unchanged", "conflicts"] {
        assert!(report.get(key).is_some(), "the report has {key}: {report}");
    }
    assert_eq!((report["added"].as_u64(), report["facts_added"].as_u64()), (Some(1), Some(1)));
    let again = theirs.json(&["bundle", "import", bundle]);
    assert_eq!((again["added"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(1)));
    assert_eq!(theirs.section_count(), 1);

    // Both change the text: theirs keeps both and says how to choose.
    ours.ok(&["section", "edit", &who, "--body", "We are 46 organisations."]);
    theirs.ok(&["section", "edit", &who, "--body", "We are forty-five organisations."]);
    let back = theirs.folder.path().join("back.plenary");
    let back = back.to_str().expect("path");
    ours.ok(&["bundle", "export", back, "--section", &who[..8]]);
    let text = theirs.ok(&["bundle", "import", back]);
    assert!(
        text.contains(&format!("diverged: {who} \"Who we are\": ours is v2, theirs arrived as v3")),
        "{text}"
    );
    let shown = theirs.json(&["section", "show", &who]);
    assert_eq!((shown["current_version"].as_u64(), shown["diverged_with"].as_u64()), (Some(2), Some(3)));
    assert!(theirs.ok(&["section", "show", &who]).contains("diverged: changed here (v2)"));
    let resolved = theirs.json(&["section", "resolve", &who, "--keep", "3"]);
    assert_eq!(resolved["version"], 4);
    let shown = theirs.json(&["section", "show", &who]);
    assert_eq!(
        (shown["body"].as_str(), shown["diverged_with"].is_null()),
        (Some("We are 46 organisations."), true)
    );

    // A file that is not a bundle: one line naming it; nothing changes.
    let error = theirs.fails(&["bundle", "import", ours.path.to_str().expect("path")], 1);
    assert!(error.contains("library.sqlite3") && error.contains("not a Plenary bundle"), "{error}");
}

#[test]
fn an_imported_document_is_kept_as_a_submitted_statement_pinned_to_what_it_brought() {
    let library = Library::new();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../plenary-import/tests/fixtures/gfmd-2017.txt");
    let file = file.to_str().expect("path");
    let event = library.ok(&["event", "add", "--name", "GFMD Summit 2017"]).trim().to_owned();
    let saved = library.json(&[
        "import",
        file,
        "--save",
        "--as-statement",
        "--event",
        &event,
        "--date",
        "2017-06-28",
    ]);
    let statement = saved["statement"].as_str().expect("a statement id").to_owned();
    let shown = library.json(&["statement", "show", &statement]);
    assert_eq!(shown["title"], "Statement of the Puentes Network to the GFMD Summit 2017");
    assert_eq!((shown["status"].as_str(), shown["date"].as_str()), (Some("submitted"), Some("2017-06-28")));
    let items = shown["items"].as_array().expect("items");
    let titles: Vec<&str> = items.iter().filter_map(|i| i["title"].as_str()).collect();
    assert_eq!(titles, ["Introduction", "Who Are We?", "What Do We Do?", "Global Activism"]);
    assert!(items.iter().all(|i| i["type"] == "linked" && i["version"] == 1), "{items:?}");
    // A submitted statement is a record: it cannot be changed.
    library.fails(&["statement", "text", &statement, "--title", "P.S.", "--body", "Late."], 1);

    // The same document again: nothing new is saved, and the second past statement links the
    // sections the library already holds.
    let again = library.json(&["import", file, "--save", "--as-statement", "--statement-title", "Again"]);
    assert_eq!(again["saved"], serde_json::json!([]));
    let shown = library.json(&["statement", "show", again["statement"].as_str().expect("id")]);
    let ids = |shown: &Value| -> Vec<String> {
        shown["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|i| i["section_id"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(ids(&shown), ids(&library.json(&["statement", "show", &statement])));
    assert_eq!(library.section_count(), 4);
}

#[test]
fn an_export_is_given_back_byte_for_byte_whatever_changed_since() {
    let library = Library::new();
    library.ok(&["fact", "set", "displaced", "21 million people"]);
    let about = library.add_section("Who we are", "about", "We speak for {{fact.displaced}}.");
    let statement = library.ok(&["statement", "new", "--title", "GFMD 2027"]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &about]);
    library.ok(&["statement", "text", &statement, "--title", "Closing", "--body", "Thank you, chair."]);
    let pdf = library.folder.path().join("sent.pdf");
    let sent = library.json(&["export", &statement, "--format", "pdf", "--out", pdf.to_str().expect("path")]);
    let id = sent["id"].as_str().expect("export id").to_owned();
    let original = std::fs::read(&pdf).expect("exported file");

    // Everything that went in changes or disappears, and the file itself is overwritten.
    library.ok(&["fact", "set", "displaced", "23 million people"]);
    library.ok(&["statement", "remove", &statement, "2"]);
    std::fs::write(&pdf, b"overwritten").expect("overwrite");

    let shown = library.json(&["exports", "show", &id[..8]]);
    assert_eq!(shown["sha256"], sent["sha256"]);
    let text = shown["text"].as_str().expect("text");
    assert!(text.contains("We speak for 21 million people.") && text.contains("Thank you, chair."), "{text}");
    assert_eq!(shown["facts"]["displaced"], "21 million people");
    let copy = library.folder.path().join("copy.pdf");
    let printed = library.ok(&["exports", "copy", &id, "--out", copy.to_str().expect("path")]);
    assert!(printed.contains(sent["sha256"].as_str().expect("sha")), "{printed}");
    assert_eq!(std::fs::read(&copy).expect("copy"), original);
    let error = library.fails(&["exports", "show", "00000000"], 1);
    assert!(error.contains("no export with id '00000000'"), "{error}");
}

/// A final statement exports the same file whatever changes in the library (facts, profile,
/// template folder, the date) until it is reopened; reopening is recorded with its reason.
#[test]
fn a_final_statement_exports_the_same_file_until_it_is_reopened() {
    let library = Library::new();
    library.ok(&["fact", "set", "displaced", "21 million people"]);
    library.ok(&["org", "set", "--name", "Red Regional"]);
    let about = library.add_section("Who we are", "about", "We speak for {{fact.displaced}}.");
    let statement = library.ok(&["statement", "new", "--title", "GFMD 2027"]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &about]);
    let folder = library.folder.path();
    let templates = folder.join("templates");
    library.ok(&["template", "export", templates.to_str().expect("path")]);
    let export = |name: &str, format: &str, today: &str| -> (Value, String) {
        let out = folder.join(name);
        let output = library
            .command(&[
                "--templates",
                templates.to_str().expect("path"),
                "export",
                &statement,
                "--format",
                format,
                "--out",
                out.to_str().expect("path"),
                "--json",
            ])
            .env("PLENARY_TODAY", today)
            .output()
            .expect("run plenary");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let outcome: Value = serde_json::from_slice(&output.stdout).expect("json");
        (outcome, std::fs::read_to_string(folder.join(name)).unwrap_or_default())
    };

    let output = library.run(&["statement", "status", &statement, "final"]);
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("before final: item 1: version 1 of this section is not vetted"), "{said}");
    let formats = ["pdf", "html", "docx", "txt", "md"];
    let approved: Vec<Value> =
        formats.iter().map(|format| export(&format!("approved.{format}"), format, "2026-11-26").0).collect();
    let (_, html) = export("approved.html", "html", "2026-11-26");
    assert!(html.contains("21 million people") && html.contains("Red Regional"), "{html}");

    // The library moves on: a new figure, a new name, a restyled template, a later day.
    library.ok(&["fact", "set", "displaced", "23 million people"]);
    library.ok(&["org", "set", "--name", "Renamed Network"]);
    let css = templates.join("letterhead/style.css");
    let restyled = std::fs::read_to_string(&css).expect("css") + "\nh1 { color: #ff0000; }\n";
    std::fs::write(&css, restyled).expect("restyle");
    for (format, approved) in formats.iter().zip(&approved) {
        let (again, _) = export(&format!("again.{format}"), format, "2027-03-01");
        assert_eq!(again["sha256"], approved["sha256"], "a final statement exports the same {format} file");
    }
    let (_, html) = export("again.html", "html", "2027-03-01");
    assert!(html.contains("21 million people") && html.contains("Red Regional"), "{html}");
    assert!(!html.contains("#ff0000"), "the template kept with the statement is used");
    let shown = library.json(&["statement", "show", &statement]);
    assert_eq!(shown["items"][0]["body"], "We speak for 21 million people.");
    assert_eq!(shown["frozen"]["on"], "2026-11-26");
    assert_eq!(shown["frozen"]["template"], "letterhead");

    let refused = library.fails(
        &["export", &statement, "--format", "pdf", "--template", "plain", "--out", "/tmp/never.pdf"],
        1,
    );
    assert!(refused.contains("approved with ('letterhead')") && refused.contains("reopen"), "{refused}");
    assert!(!std::path::Path::new("/tmp/never.pdf").exists());

    // Reopened (with a reason), it follows the library again.
    library.ok(&["statement", "status", &statement, "draft", "--note", "new UNHCR figure"]);
    let (_, html) = export("reopened.html", "html", "2027-03-01");
    assert!(html.contains("23 million people") && html.contains("Renamed Network"), "{html}");
    assert!(html.contains("#ff0000"), "the template folder applies again");
    let shown = library.json(&["statement", "show", &statement]);
    assert!(shown["frozen"].is_null());
    let changes = shown["status_changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 2);
    assert_eq!((&changes[1]["from"], &changes[1]["to"]), (&"final".into(), &"draft".into()));
    assert_eq!(changes[1]["note"], "new UNHCR figure");
}

/// `section show --json` says which translations are out of date; `translation-updated` and
/// `unlink` change that.
#[test]
fn translations_are_flagged_out_of_date_when_their_source_changes() {
    let library = Library::new();
    let english = library.add_section("Who we are", "about", "We are 45 organisations.");
    let spanish = library
        .ok(&[
            "section",
            "add",
            "--title",
            "Quiénes somos",
            "--kind",
            "about",
            "--lang",
            "es",
            "--body",
            "Somos 45.",
        ])
        .trim()
        .to_owned();
    library.ok(&["section", "link", &english, &spanish]);
    let shown = library.json(&["section", "show", &english]);
    assert_eq!(shown["translations"][0]["id"], spanish.as_str());
    assert_eq!(shown["translations"][0]["lang"], "es");
    assert_eq!(shown["translations"][0]["out_of_date"], false);

    library.ok(&["section", "edit", &english, "--body", "We are 50 organisations."]);
    let shown = library.json(&["section", "show", &english]);
    assert_eq!(shown["translations"][0]["out_of_date"], true);
    let translation = library.json(&["section", "show", &spanish]);
    assert_eq!(translation["translation_of"]["id"], english.as_str());
    assert_eq!(translation["translation_of"]["made_from_version"], 1);
    assert_eq!(translation["translation_of"]["source_version"], 2);
    assert_eq!(translation["translation_of"]["out_of_date"], true);
    let said = library.ok(&["section", "show", &spanish]);
    assert!(said.contains("OUT OF DATE: made from v1, the source is now at v2"), "{said}");

    let printed = library.ok(&["section", "translation-updated", &spanish[..8]]);
    assert!(printed.contains("version 2"), "{printed}");
    assert_eq!(library.json(&["section", "show", &english])["translations"][0]["out_of_date"], false);
    let error = library.fails(&["section", "translation-updated", &spanish], 1);
    assert!(error.contains("already up to date"), "{error}");

    library.ok(&["section", "unlink", &spanish]);
    assert_eq!(library.json(&["section", "show", &english])["translations"], serde_json::json!([]));
}

/// `--word-limit 800 --word-limit es=900`: each language is counted against its own limit, and
/// the event's languages are checked against the statement's and the items'.
#[test]
fn word_limits_are_per_language_and_languages_are_checked() {
    let library = Library::new();
    let event = library.json(&[
        "event",
        "add",
        "--name",
        "Forum",
        "--lang",
        "en",
        "--lang",
        "es",
        "--word-limit",
        "6",
        "--word-limit",
        "es=8",
    ])["id"]
        .as_str()
        .expect("event id")
        .to_owned();
    let listed = library.json(&["event", "list"]);
    assert_eq!(listed[0]["word_limit"], 6);
    assert_eq!(listed[0]["word_limits"]["es"], 8);
    let english = library.add_section("One", "about", "Two three four five.");
    let spanish = library
        .ok(&[
            "section",
            "add",
            "--title",
            "Uno",
            "--kind",
            "about",
            "--lang",
            "es",
            "--body",
            "Dos tres cuatro cinco seis.",
        ])
        .trim()
        .to_owned();
    let statement = library.ok(&["statement", "new", "--title", "S", "--event", &event]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &english, &spanish]);
    let shown = library.json(&["statement", "show", &statement]);
    assert_eq!(shown["word_count_by_lang"], serde_json::json!({"en": 5, "es": 6}));
    let codes: Vec<&str> =
        shown["warnings"].as_array().expect("warnings").iter().filter_map(|w| w["code"].as_str()).collect();
    assert!(codes.contains(&"item_language") && !codes.contains(&"over_word_limit"), "{codes:?}");

    let more = library.add_section("More", "about", "Six seven.");
    library.ok(&["statement", "add", &statement, &more]);
    let shown = library.json(&["statement", "show", &statement]);
    let over: Vec<&Value> = shown["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["code"] == "over_word_limit")
        .collect();
    assert_eq!(over.len(), 1, "{over:?}");
    assert_eq!(
        (&over[0]["lang"], &over[0]["words"], &over[0]["limit"]),
        (&"en".into(), &8.into(), &6.into())
    );

    let french = library
        .ok(&["statement", "new", "--title", "F", "--event", &event, "--lang", "fr"])
        .trim()
        .to_owned();
    let shown = library.json(&["statement", "show", &french]);
    assert_eq!(shown["warnings"][0]["code"], "language_not_accepted");
    let said = library.ok(&["statement", "show", &french]);
    assert!(said.contains("the event accepts statements in en, es only, not 'fr'"), "{said}");

    let error = library.fails(&["event", "add", "--name", "Bad", "--word-limit", "es=0"], 1);
    assert!(error.contains("--word-limit") && error.contains("es=0"), "{error}");
}

/// `fact set KEY VALUE --lang es` gives Spanish text its own figure; `fact remove` deletes a fact
/// only while no final statement cites it; stale facts are marked.
#[test]
fn facts_have_values_per_language_and_are_removed_only_when_nothing_final_cites_them() {
    let library = Library::new();
    let error = library.fails(&["fact", "set", "families", "más de 100.000", "--lang", "es"], 1);
    assert!(error.contains("there is no fact 'families' yet"), "{error}");
    library.ok(&["fact", "set", "families", "more than 100,000 families", "--as-of", "2024"]);
    library.ok(&["fact", "set", "families", "más de 100.000 familias", "--lang", "es"]);
    let facts = library.json(&["fact", "list"]);
    assert_eq!(facts[0]["values"]["es"], "más de 100.000 familias");
    assert_eq!(facts[0]["stale"], true, "as of 2024 is over a year before 2026-11-26");
    assert!(library.ok(&["fact", "list"]).contains("[stale: over a year old]"));

    let english = library.add_section("Reach", "work", "We reach {{fact.families}}.");
    let spanish = library
        .ok(&[
            "section",
            "add",
            "--title",
            "Alcance",
            "--kind",
            "work",
            "--lang",
            "es",
            "--body",
            "Llegamos a {{fact.families}}.",
        ])
        .trim()
        .to_owned();
    let statement =
        library.ok(&["statement", "new", "--title", "Declaración", "--lang", "es"]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &spanish]);
    let draft = library.ok(&["statement", "new", "--title", "Draft"]).trim().to_owned();
    library.ok(&["statement", "add", &draft, &english]);
    let shown = library.json(&["statement", "show", &statement]);
    assert_eq!(shown["items"][0]["body"], "Llegamos a más de 100.000 familias.");
    assert_eq!(
        library.json(&["statement", "show", &draft])["items"][0]["body"],
        "We reach more than 100,000 families."
    );

    let error = library.fails(&["fact", "remove", "families", "--lang", "fr"], 1);
    assert!(error.contains("no value of its own in 'fr'"), "{error}");
    library.ok(&["fact", "set", "families", "plus de 100 000 familles", "--lang", "fr"]);
    library.ok(&["fact", "remove", "families", "--lang", "fr"]);
    assert!(library.json(&["fact", "list"])[0]["values"].get("fr").is_none());

    library.ok(&["statement", "status", &statement, "final"]);
    let error = library.fails(&["fact", "remove", "families"], 1);
    assert!(error.contains("'Declaración' (final)") && error.contains("stays"), "{error}");
    library.ok(&["statement", "status", &statement, "draft", "--note", "the figure goes"]);
    let output = library.run(&["fact", "remove", "families"]);
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("'Declaración'") && said.contains("'Draft'"),
        "the citing drafts are named: {said}"
    );
    assert_eq!(library.json(&["fact", "list"]), serde_json::json!([]));
    let error = library.fails(&["fact", "remove", "families"], 1);
    assert!(error.contains("no fact with id 'families'"), "{error}");
}

/// Signatories are invited, agree (to this text) or decline, are reordered and removed; exports
/// print only those who agreed to the text as it is; a change to the text makes consent stale.
#[test]
fn signatories_print_only_with_consent_to_the_text_as_it_is() {
    let library = Library::new();
    let about = library.add_section("Who we are", "about", "We are 45 organisations.");
    let statement = library.ok(&["statement", "new", "--title", "Joint statement"]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &about]);
    for name in ["Red Regional", "Puentes", "Casa Migrante"] {
        library.ok(&["statement", "sign", &statement, "--name", name]);
    }
    let error = library.fails(&["statement", "sign", &statement, "--name", "red regional"], 1);
    assert!(error.contains("already a signatory"), "{error}");
    library.ok(&["statement", "consent", &statement, "1", "--agreed", "--by", "Ana"]);
    library.ok(&["statement", "consent", &statement, "3", "--declined", "--note", "board said no"]);
    library.ok(&["statement", "move-signatory", &statement, "2", "1"]);

    let shown = library.json(&["statement", "show", &statement]);
    let standings: Vec<(String, String)> = shown["signatories"]
        .as_array()
        .expect("signatories")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap_or_default().to_owned(),
                s["standing"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        standings,
        [
            ("Puentes".into(), "invited".into()),
            ("Red Regional".into(), "agreed".into()),
            ("Casa Migrante".into(), "declined".into())
        ]
    );
    assert_eq!(shown["signatories"][1]["consent"]["by"], "Ana");
    assert_eq!(shown["signatories"][2]["consent"]["note"], "board said no");
    let md = library.folder.path().join("s.md");
    library.ok(&["export", &statement, "--format", "md", "--out", md.to_str().expect("path")]);
    let text = std::fs::read_to_string(&md).expect("markdown");
    assert!(
        text.contains("Red Regional") && !text.contains("Puentes") && !text.contains("Casa Migrante"),
        "{text}"
    );

    // The text changes: the agreement is stale and the name leaves the export.
    library.ok(&["section", "edit", &about, "--body", "We are 50 organisations."]);
    library.ok(&["section", "submit", &about]);
    library.ok(&["section", "vet", &about, "--by", "Director"]);
    library.ok(&["statement", "update", &statement, "1"]);
    let shown = library.json(&["statement", "show", &statement]);
    assert_eq!(shown["signatories"][1]["standing"], "stale");
    let codes: Vec<&str> =
        shown["warnings"].as_array().expect("warnings").iter().filter_map(|w| w["code"].as_str()).collect();
    assert_eq!(codes, ["consent_missing", "consent_stale"]);
    library.ok(&["export", &statement, "--format", "md", "--out", md.to_str().expect("path")]);
    assert!(!std::fs::read_to_string(&md).expect("markdown").contains("Red Regional"));
    let said = library.ok(&["statement", "show", &statement]);
    assert!(said.contains("Red Regional  (agreed to an earlier text: ask again)"), "{said}");

    library.ok(&["statement", "unsign", &statement, "1"]);
    let names: Vec<&str> = shown["signatories"]
        .as_array()
        .expect("signatories")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names.len(), 3);
    let after = library.json(&["statement", "show", &statement]);
    assert_eq!(after["signatories"][0]["name"], "Red Regional");
    let error = library.fails(&["statement", "unsign", &statement, "7"], 1);
    assert!(error.contains("no signatory at position 7: the statement has 2"), "{error}");
}

/// `plenary term add/list/remove`; matches are named in `section show` and as statement
/// warnings, whatever the case or accents, as whole words only.
#[test]
fn the_termbase_names_wording_to_avoid_in_sections_and_statements() {
    let library = Library::new();
    let id = library.json(&[
        "term",
        "add",
        "illegal immigrant",
        "--prefer",
        "undocumented migrant",
        "--note",
        "style guide 2024",
    ])["id"]
        .as_str()
        .expect("term id")
        .to_owned();
    library.ok(&["term", "add", "ilegales", "--prefer", "personas en situación irregular", "--lang", "es"]);
    let error = library.fails(&["term", "add", "Illegal Immigrant", "--prefer", "x"], 1);
    assert!(error.contains("already in the termbase"), "{error}");
    let terms = library.json(&["term", "list"]);
    assert_eq!(terms.as_array().map(Vec::len), Some(2));
    assert_eq!(terms[0]["note"], "style guide 2024");

    let section = library.add_section(
        "Language",
        "position",
        "No human being is an *Illegal immigrant*; illegality is not.",
    );
    let shown = library.json(&["section", "show", &section]);
    assert_eq!(shown["term_matches"].as_array().map(Vec::len), Some(1));
    assert_eq!(shown["term_matches"][0]["found"], "Illegal immigrant");
    assert_eq!(shown["term_matches"][0]["prefer"], "undocumented migrant");
    let spanish = library
        .ok(&[
            "section",
            "add",
            "--title",
            "Lenguaje",
            "--kind",
            "position",
            "--lang",
            "es",
            "--body",
            "Nadie es ILEGALES.",
        ])
        .trim()
        .to_owned();
    assert_eq!(library.json(&["section", "show", &spanish])["term_matches"][0]["found"], "ILEGALES");

    let statement = library.ok(&["statement", "new", "--title", "S"]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &section]);
    let warnings = library.json(&["statement", "show", &statement])["warnings"].clone();
    let term: Vec<&Value> =
        warnings.as_array().expect("warnings").iter().filter(|w| w["code"] == "term_to_avoid").collect();
    assert_eq!(term.len(), 1, "{warnings}");
    assert_eq!(term[0]["item"], 1);

    library.ok(&["term", "remove", &id[..8]]);
    assert_eq!(library.json(&["section", "show", &section])["term_matches"], serde_json::json!([]));
    let error = library.fails(&["term", "remove", &id], 1);
    assert!(error.contains("no term with id"), "{error}");
}

/// A section says when it last went out and in which statement, and whether its review is
/// overdue; overdue sections are found with `--review-due-by`.
#[test]
fn sections_show_when_they_were_last_used_and_whether_review_is_overdue() {
    let library = Library::new();
    let old = library
        .ok(&[
            "section",
            "add",
            "--title",
            "Old",
            "--kind",
            "about",
            "--review-due",
            "2026-01-31",
            "--body",
            "Old text.",
        ])
        .trim()
        .to_owned();
    let fresh = library
        .ok(&[
            "section",
            "add",
            "--title",
            "Fresh",
            "--kind",
            "about",
            "--review-due",
            "2027-06-30",
            "--body",
            "New.",
        ])
        .trim()
        .to_owned();
    let shown = library.json(&["section", "show", &old]);
    assert_eq!((&shown["review_overdue"], &shown["last_used"]), (&true.into(), &Value::Null));
    assert_eq!(library.json(&["section", "show", &fresh])["review_overdue"], false);
    let overdue = library.json(&["section", "list", "--review-due-by", "2026-11-25"]);
    assert_eq!(overdue.as_array().map(Vec::len), Some(1));
    assert_eq!(overdue[0]["id"], old.as_str());

    let statement = library.ok(&["statement", "new", "--title", "GFMD 2026"]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &old]);
    assert!(library.json(&["section", "show", &old])["last_used"].is_null(), "in a draft, not yet out");
    let out = library.folder.path().join("s.txt");
    library.ok(&["export", &statement, "--format", "txt", "--out", out.to_str().expect("path")]);
    let last = library.json(&["section", "show", &old])["last_used"].clone();
    assert_eq!(last["title"], "GFMD 2026");
    assert_eq!(last["statement_id"], statement.as_str());
    assert_eq!(last["exported"], true);
    assert!(library.json(&["section", "show", &fresh])["last_used"].is_null());
    assert!(library.ok(&["section", "show", &old]).contains("last used: "), "printed for people");
}

/// `export --parallel es`: the statement and its translation side by side in PDF, HTML and
/// DOCX; items with no translation are named; text formats are refused.
#[test]
fn a_statement_is_exported_beside_its_translation() {
    let library = Library::new();
    let english = library.add_section("Who we are", "about", "We are 45 organisations.");
    vet(&library, &english);
    let spanish = library
        .ok(&[
            "section",
            "add",
            "--title",
            "Quiénes somos",
            "--kind",
            "about",
            "--lang",
            "es",
            "--body",
            "Somos 45 organizaciones.",
        ])
        .trim()
        .to_owned();
    library.ok(&["section", "link", &english, &spanish]);
    let statement = library.ok(&["statement", "new", "--title", "Joint statement"]).trim().to_owned();
    library.ok(&["statement", "add", &statement, &english]);
    library.ok(&[
        "statement",
        "text",
        &statement,
        "--title",
        "For this Summit",
        "--body",
        "Written here only.",
    ]);
    let folder = library.folder.path();
    let path = |name: &str| folder.join(name).to_str().expect("path").to_owned();

    let output = library.run(&[
        "export",
        &statement,
        "--format",
        "html",
        "--parallel",
        "es",
        "--out",
        &path("p.html"),
        "--json",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("item 2 (\"For this Summit\") has no translation into 'es'"), "{said}");
    let outcome: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(outcome["untranslated"], serde_json::json!([2]));
    let html = std::fs::read_to_string(folder.join("p.html")).expect("html");
    let page = scraper::Html::parse_document(&html);
    let pair = scraper::Selector::parse(".parallel").expect("selector");
    let columns: Vec<Vec<String>> = page
        .select(&pair)
        .map(|row| {
            row.child_elements().map(|column| column.text().collect::<String>().trim().to_owned()).collect()
        })
        .collect();
    assert_eq!(columns[0], ["Who we areWe are 45 organisations.", "Quiénes somosSomos 45 organizaciones."]);
    assert_eq!(columns[1], ["For this SummitWritten here only.", ""]);

    library.ok(&["export", &statement, "--format", "docx", "--parallel", "es", "--out", &path("p.docx")]);
    let docx = std::fs::File::open(folder.join("p.docx")).expect("docx");
    let mut archive = zip::ZipArchive::new(docx).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").expect("document"), &mut xml)
        .expect("read");
    let cells: Vec<&str> = xml.split("<w:tc>").skip(1).collect();
    assert!(cells[0].contains("Who we are") && cells[1].contains("Quiénes somos"), "one row, two cells");

    library.ok(&["export", &statement, "--format", "pdf", "--parallel", "es", "--out", &path("p.pdf")]);
    let recorded = library.json(&["statement", "exports", &statement]);
    let shown = library.json(&["exports", "show", recorded[0]["id"].as_str().expect("id")]);
    let text = shown["text"].as_str().expect("text");
    assert!(text.contains("We are 45 organisations.") && text.contains("Somos 45 organizaciones."), "{text}");
    assert_eq!(shown["versions"].as_array().map(Vec::len), Some(2), "both sections' versions are recorded");

    // Final: the second column is frozen too.
    library.ok(&["statement", "status", &statement, "final"]);
    let first =
        library.json(&["export", &statement, "--format", "pdf", "--parallel", "es", "--out", &path("f.pdf")]);
    library.ok(&["section", "edit", &spanish, "--body", "Somos 50 organizaciones."]);
    library.ok(&["section", "submit", &spanish]);
    library.ok(&["section", "vet", &spanish, "--by", "Directora"]);
    let again =
        library.json(&["export", &statement, "--format", "pdf", "--parallel", "es", "--out", &path("g.pdf")]);
    assert_eq!(first["sha256"], again["sha256"], "the translation shown was frozen with the statement");
    library.ok(&["statement", "status", &statement, "draft", "--note", "new figure"]);
    library.ok(&["export", &statement, "--format", "html", "--parallel", "es", "--out", &path("r.html")]);
    let html = std::fs::read_to_string(folder.join("r.html")).expect("html");
    assert!(html.contains("Somos 50 organizaciones."), "reopened, it shows the newest vetted translation");

    let error = library
        .fails(&["export", &statement, "--format", "txt", "--parallel", "es", "--out", &path("p.txt")], 1);
    assert!(error.contains("use pdf, html or docx"), "{error}");
    let error = library
        .fails(&["export", &statement, "--format", "pdf", "--parallel", "en", "--out", &path("q.pdf")], 1);
    assert!(error.contains("in 'en' already"), "{error}");
}
