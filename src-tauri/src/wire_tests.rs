//! The commands as the window calls them: through Tauri's IPC on its mock runtime, with the
//! app's real configuration and capabilities, on a real library file. What these check is the
//! shell's part: argument names and `null`s, the JSON of replies and of errors, the undo shelf
//! and the permission checks, which no test of the core crates sees.

use std::time::Instant;

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

use crate::state::{AppState, Settings};

/// The app on the mock runtime over a new library in `folder`, and its main window.
fn app_in(folder: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let settings = Settings {
        path: folder.join("library.plenary"),
        author: "Ana".to_owned(),
        templates_folder: None,
        export_dir: Some(folder.to_owned()),
        open_file: None,
    };
    let state = AppState::open(settings, Instant::now()).expect("the library opens");
    let app = crate::app(mock_builder(), state)
        .build(tauri::generate_context!("../tauri.conf.json"))
        .expect("the app builds");
    let window = match app.get_webview_window("main") {
        Some(window) => window,
        None => WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("a window"),
    };
    (app, window)
}

/// A new statement titled `title`, with no event, language or template chosen; its id.
fn new_statement(window: &WebviewWindow<MockRuntime>, title: &str) -> String {
    let args = json!({"title": title, "event": null, "lang": null, "template": null});
    let id = call(window, "create_statement", args).expect("created");
    id.as_str().expect("the new statement's id").to_owned()
}

/// Calls `command` with `args` as the window's `invoke` would.
fn call(window: &WebviewWindow<MockRuntime>, command: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: if cfg!(windows) { "http://tauri.localhost" } else { "tauri://localhost" }
            .parse()
            .expect("the app's own origin"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_owned(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("a JSON reply"))
}

#[test]
fn a_statement_is_made_changed_and_previewed_through_the_windows_calls() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    let id = new_statement(&window, "Statement on water");

    let detail = call(
        &window,
        "add_statement_text",
        json!({"id": id, "title": "Opening", "body": "We *welcome* the draft."}),
    )
    .expect("text added");
    assert_eq!(detail["title"], "Statement on water");
    assert_eq!(detail["status"], "draft");
    assert_eq!(detail["items"][0]["source"], "text");
    assert_eq!(detail["word_count"], 5, "the heading's word and the body's four: {detail}");
    let preview = detail["preview"]["html"].as_str().expect("the preview is HTML");
    assert!(preview.contains("<em>welcome</em>"), "the preview is the export's HTML: {preview}");

    let again = call(&window, "open_statement", json!({"id": id})).expect("opened");
    assert_eq!(again["items"], detail["items"], "the library kept the change");
}

#[test]
fn refusals_reach_the_window_with_the_key_it_words_them_by() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    let id = new_statement(&window, "Joint statement");
    let signatory = json!({"id": id, "name": "Red Regional", "role": ""});
    call(&window, "add_signatory", signatory.clone()).expect("first signature");
    let refused = call(&window, "add_signatory", signatory).expect_err("a second signature is refused");
    assert_eq!(refused["code"], "rejected");
    assert_eq!(refused["key"], "error.refused.signatoryTwice");
    assert_eq!(refused["params"]["name"], "Red Regional");

    let bad_language = json!({"title": "Otra", "event": null, "lang": "klingon", "template": null});
    let invalid =
        call(&window, "create_statement", bad_language).expect_err("an unknown language is refused");
    assert_eq!(invalid["code"], "invalid");
    assert_eq!(invalid["key"], "error.invalid.language");

    let missing = call(&window, "open_statement", json!({"id": "9d6f1c2e-3b8a-4e57-a0d4-c1e2f3a4b5c6"}))
        .expect_err("no such statement");
    assert_eq!(missing["code"], "not_found");
}

#[test]
fn a_removed_signatory_is_put_back_once_and_only_once() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    let id = new_statement(&window, "Joint statement");
    for name in ["First NGO", "Second NGO"] {
        call(&window, "add_signatory", json!({"id": id, "name": name, "role": ""})).expect("signed");
    }
    let removed = call(&window, "remove_signatory", json!({"id": id, "position": 1})).expect("removed");
    assert_eq!(removed["signatories"].as_array().map(Vec::len), Some(1));
    let back = call(&window, "put_back_signatory", json!({"id": id, "name": "First NGO"})).expect("put back");
    let names: Vec<&str> =
        back["signatories"].as_array().into_iter().flatten().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(names, ["First NGO", "Second NGO"], "back in their place");
    let twice = call(&window, "put_back_signatory", json!({"id": id, "name": "First NGO"}))
        .expect_err("an undo is done once");
    assert_eq!(twice["code"], "not_found");
}

#[test]
fn a_command_outside_the_apps_capabilities_is_refused() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    // The shell's own commands are allowed by `capabilities/main.json`; a plugin command the
    // window has no permission for is not, even though the plugin is installed.
    assert!(call(&window, "list_statements", json!({})).is_ok());
    let refused = call(&window, "plugin:dialog|save", json!({"options": {}})).expect_err("not permitted");
    assert!(refused.to_string().contains("not allowed"), "Tauri's refusal: {refused}");
}

#[test]
fn every_command_naming_a_record_the_library_lacks_answers_not_found_and_changes_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    let gone = "0b7c3e52-9a41-4f8e-8d0c-5a7e2f0c1d93";
    let real = call(&window, "list_sections", json!({"filter": {}})).expect("sections");
    let section = real[0]["id"].as_str().expect("the demo library has sections").to_owned();
    let statement = new_statement(&window, "Exported");
    call(&window, "add_statement_text", json!({"id": statement, "title": "", "body": "Text."}))
        .expect("text");
    call(
        &window,
        "export_statement",
        json!({"id": statement, "format": "txt", "template": null, "parallel": null}),
    )
    .expect("exported");
    let exports = call(&window, "list_exports", json!({"id": statement})).expect("export log");
    let export = exports[0]["id"].as_str().expect("one export").to_owned();
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(folder.path())
            .expect("folder")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files_before = files();
    let before = (
        call(&window, "list_sections", json!({"filter": {}})).expect("sections"),
        call(&window, "list_statements", json!({})).expect("statements"),
        call(&window, "list_events", json!({})).expect("events"),
    );
    let details = json!({"kind": "other", "lang": "en", "tags": [], "owner": "", "review_due": ""});
    let statement_details =
        json!({"title": "T", "event": null, "lang": "en", "template": "letterhead", "date": ""});
    let calls = [
        ("open_section", json!({"id": gone})),
        ("save_section_draft", json!({"id": gone, "title": "T", "body": "B"})),
        ("commit_section_draft", json!({"id": gone, "note": ""})),
        ("discard_section_draft", json!({"id": gone})),
        ("update_section_details", json!({"id": gone, "details": details})),
        ("section_history", json!({"id": gone})),
        ("restore_section_version", json!({"id": gone, "number": 1})),
        ("delete_section", json!({"id": gone})),
        ("set_section_status", json!({"id": gone, "status": "vetted", "by": "Ana"})),
        ("link_translation", json!({"source": section, "translation": gone})),
        ("link_translation", json!({"source": gone, "translation": section})),
        ("unlink_translation", json!({"id": gone})),
        ("mark_translation_updated", json!({"id": gone})),
        ("resolve_divergence", json!({"id": gone, "keep": 1})),
        ("delete_event", json!({"id": gone})),
        ("save_event", json!({"id": gone, "event": {"name": "Forum"}})),
        ("create_statement", json!({"title": "T", "event": gone, "lang": null, "template": null})),
        ("copy_statement", json!({"id": gone, "title": ""})),
        ("open_statement", json!({"id": gone})),
        ("update_statement_details", json!({"id": gone, "details": statement_details})),
        ("add_statement_sections", json!({"id": gone, "sections": [section], "at": null})),
        ("add_statement_text", json!({"id": gone, "title": "T", "body": "B"})),
        ("edit_statement_text", json!({"id": gone, "position": 1, "title": "T", "body": "B"})),
        ("delete_statement", json!({"id": gone})),
        ("undelete_statement", json!({"id": gone})),
        ("move_statement_item", json!({"id": gone, "from": 1, "to": 2})),
        ("remove_statement_item", json!({"id": gone, "position": 1})),
        ("update_statement_item", json!({"id": gone, "position": 1})),
        ("fork_statement_item", json!({"id": gone, "position": 1})),
        ("set_statement_status", json!({"id": gone, "status": "final", "note": ""})),
        ("add_signatory", json!({"id": gone, "name": "N", "role": ""})),
        ("record_consent", json!({"id": gone, "position": 1, "agreed": true, "note": ""})),
        ("remove_signatory", json!({"id": gone, "position": 1})),
        ("move_signatory", json!({"id": gone, "from": 1, "to": 2})),
        ("export_statement", json!({"id": gone, "format": "html", "template": null, "parallel": null})),
        ("export_text", json!({"id": gone, "export": export})),
        ("export_text", json!({"id": statement, "export": gone})),
        ("export_details", json!({"id": gone, "export": export})),
        ("export_details", json!({"id": statement, "export": gone})),
        ("open_export", json!({"id": gone, "export": export})),
        ("list_exports", json!({"id": gone})),
        ("put_back_signatory", json!({"id": gone, "name": "N"})),
        ("relink_translation", json!({"id": gone})),
        ("undelete_section", json!({"id": gone})),
    ];
    for (command, args) in calls {
        let refused = call(&window, command, args.clone()).expect_err(command);
        assert_eq!(refused["code"], "not_found", "{command} {args}: {refused}");
    }
    let after = (
        call(&window, "list_sections", json!({"filter": {}})).expect("sections"),
        call(&window, "list_statements", json!({})).expect("statements"),
        call(&window, "list_events", json!({})).expect("events"),
    );
    assert_eq!(before, after, "nothing changed");
    assert_eq!(files(), files_before, "no file was written");
}

#[test]
fn an_id_that_is_not_one_is_refused_before_the_library_is_asked() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    let refused = call(&window, "open_statement", json!({"id": "4f2"})).expect_err("a prefix is not an id");
    // Tauri's own refusal of the argument (a string), not the library's `{code, message}`.
    let message = refused.as_str().unwrap_or_else(|| panic!("refused before any command ran: {refused}"));
    assert!(message.contains("invalid args `id`"), "{message}");
}

#[test]
fn the_library_filter_takes_null_for_any_and_words_a_bad_kind() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    let any = json!({"kind": null, "tag": null, "status": null, "lang": null, "review_due_by": ""});
    let all = call(&window, "list_sections", json!({"filter": any})).expect("every section");
    let all = all.as_array().expect("a list").clone();
    let vetted = json!({"kind": null, "tag": null, "status": "vetted", "lang": null, "review_due_by": ""});
    let vetted = call(&window, "list_sections", json!({"filter": vetted})).expect("vetted sections");
    let vetted = vetted.as_array().expect("a list");
    assert!(!vetted.is_empty() && vetted.len() < all.len(), "the demo library has vetted and other sections");
    assert!(vetted.iter().all(|section| section["status"] == "vetted"), "{vetted:?}");
    let bad = json!({"kind": "nonsense!", "tag": null, "status": null, "lang": null, "review_due_by": ""});
    let refused = call(&window, "list_sections", json!({"filter": bad})).expect_err("no such kind");
    assert_eq!(refused["key"], "error.invalid.kind", "{refused}");
}
