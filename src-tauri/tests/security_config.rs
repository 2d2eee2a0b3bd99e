//! The app's security configuration, read from the files Tauri builds from: a change that
//! loosens the content security policy or grants the window more than Plenary's own commands
//! fails here, not only in a review.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_content_security_policy_lets_no_script_in_but_the_apps_own() {
    let config = json(&crate_dir().join("../tauri.conf.json"));
    let security = &config["app"]["security"];
    let csp = security["csp"].as_object().expect("the CSP is written out directive by directive");
    for (directive, value) in csp {
        let value = value.as_str().expect("a directive is a string");
        assert!(!value.contains("unsafe-eval"), "{directive}: {value}");
        assert!(!value.contains('*'), "{directive} allows any source: {value}");
    }
    assert_eq!(csp["script-src"], "'self'", "scripts come from the app's own files only");
    assert_eq!(csp["default-src"], "'self'");
    for (directive, expected) in
        [("frame-src", "'none'"), ("object-src", "'none'"), ("base-uri", "'none'"), ("form-action", "'none'")]
    {
        assert_eq!(csp[directive], expected, "{directive}");
    }
    assert_eq!(csp["connect-src"], "ipc: http://ipc.localhost", "the window talks to the app, nothing else");
    assert_eq!(security["freezePrototype"], true);
    assert_eq!(
        security["dangerousDisableAssetCspModification"],
        serde_json::json!(["style-src"]),
        "only styles may skip Tauri's nonces (Svelte and Tiptap set inline styles)"
    );
    assert!(config["app"]["withGlobalTauri"].is_null() || config["app"]["withGlobalTauri"] == false);
}

/// The capabilities `tauri.conf.json` lists itself, if any (inline ones would bypass the folder).
fn config_capabilities() -> Option<Value> {
    let config = json(&crate_dir().join("../tauri.conf.json"));
    config["app"]["security"].get("capabilities").cloned()
}

/// The quoted names in the `COMMANDS` list of build.rs.
fn declared_commands() -> BTreeSet<String> {
    let build = read(&crate_dir().join("build.rs"));
    let list =
        build.split("const COMMANDS").nth(1).and_then(|rest| rest.split("];").next()).expect("COMMANDS");
    list.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The commands `lib.rs` hands to `generate_handler!`.
fn handled_commands() -> BTreeSet<String> {
    let lib = read(&crate_dir().join("src/lib.rs"));
    let handler =
        lib.split("generate_handler![").nth(1).and_then(|rest| rest.split(']').next()).expect("handler");
    handler
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_window_may_call_only_plenarys_own_commands() {
    let declared = declared_commands();
    assert!(declared.len() > 30, "build.rs was read: {declared:?}");
    assert_eq!(declared, handled_commands(), "build.rs declares exactly the commands the app handles");

    // Tauri grants every file in the folder (tauri.conf.json names none), so a second file would
    // widen the window's rights unseen by the checks below.
    let files: Vec<String> = std::fs::read_dir(crate_dir().join("capabilities"))
        .expect("capabilities folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["main.json"], "one capability file");
    assert!(
        config_capabilities().is_none_or(|named| named == serde_json::json!(["main-window"])),
        "tauri.conf.json grants no capability of its own"
    );
    let capability = json(&crate_dir().join("capabilities/main.json"));
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(capability.get("remote").is_none(), "no remote page may use the commands");
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("a permission is a name").to_owned())
        .collect();
    let mut expected: BTreeSet<String> =
        declared.iter().map(|command| format!("allow-{}", command.replace('_', "-"))).collect();
    expected.extend(["core:event:allow-listen".to_owned(), "core:event:allow-unlisten".to_owned()]);
    assert_eq!(granted, expected, "the window gets its own commands and event listening, nothing else");
}

/// The command names the window's typed calls (`ui/src/lib/api.ts`) invoke.
fn invoked_commands() -> BTreeSet<String> {
    let api = read(&crate_dir().join("../ui/src/lib/api.ts"));
    api.split("invoke<")
        .skip(1)
        .filter_map(|call| call.split_once(">(\"").and_then(|(_, rest)| rest.split('"').next()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_window_calls_exactly_the_commands_the_app_handles() {
    let invoked = invoked_commands();
    assert!(invoked.len() > 30, "api.ts was read: {invoked:?}");
    let handled = handled_commands();
    let unknown: Vec<_> = invoked.difference(&handled).collect();
    assert!(unknown.is_empty(), "api.ts calls commands the app does not handle: {unknown:?}");
    let unused: Vec<_> = handled.difference(&invoked).collect();
    assert!(unused.is_empty(), "commands no part of the window calls: {unused:?}");
}

/// The quoted ids in the `MenuId` union of `ui/src/lib/commands.svelte.ts`.
fn window_menu_ids() -> BTreeSet<String> {
    let source = read(&crate_dir().join("../ui/src/lib/commands.svelte.ts"));
    let union =
        source.split("export type MenuId =").nth(1).and_then(|rest| rest.split(';').next()).expect("MenuId");
    union
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| line.split('"').skip(1).step_by(2).map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// The ids the native menu sends (`src-tauri/src/menu.rs`): its `Entry` rows and the items built
/// one by one with `with_id`.
fn native_menu_ids() -> BTreeSet<String> {
    let source = read(&crate_dir().join("src/menu.rs"));
    let entries = source.split("Entry(\"").skip(1);
    let built = source.split("with_id(\"").skip(1);
    entries.chain(built).filter_map(|rest| rest.split('"').next()).map(str::to_owned).collect()
}

#[test]
fn the_menu_sends_exactly_the_ids_the_window_handles() {
    let native = native_menu_ids();
    assert!(native.len() > 10, "menu.rs was read: {native:?}");
    assert_eq!(native, window_menu_ids(), "menu.rs and MenuId in commands.svelte.ts");
}
