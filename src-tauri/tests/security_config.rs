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
