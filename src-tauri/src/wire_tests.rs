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
    let args = json!({"title": "Statement on water", "event": null, "lang": null, "template": null});
    let id = call(&window, "create_statement", args).expect("created");
    let id = id.as_str().expect("the new statement's id").to_owned();

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
    let id = call(
        &window,
        "create_statement",
        json!({"title": "Joint statement", "event": null, "lang": null, "template": null}),
    )
    .expect("created");
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

    let missing =
        call(&window, "open_statement", json!({"id": "no-such-statement"})).expect_err("no such statement");
    assert_eq!(missing["code"], "not_found");
}

#[test]
fn a_removed_signatory_is_put_back_once_and_only_once() {
    let folder = tempfile::tempdir().expect("folder");
    let (_app, window) = app_in(folder.path());
    let id = call(
        &window,
        "create_statement",
        json!({"title": "Joint statement", "event": null, "lang": null, "template": null}),
    )
    .expect("created");
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
