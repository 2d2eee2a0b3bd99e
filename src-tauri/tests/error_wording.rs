//! Every error the app sends with a wording key has that key in both of the window's string
//! tables, so a Spanish window never falls back to English for a refusal it was meant to word.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The keys of one string table (`export const en = {` … `};`) in `ui/src/lib/strings.ts`.
fn table_keys(strings: &str, opening: &str) -> BTreeSet<String> {
    let (_, rest) = strings.split_once(opening).unwrap_or_else(|| panic!("strings.ts has {opening}"));
    let body = rest.split("\n};").next().unwrap_or_default();
    body.lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.split_once("\":").map(|(key, _)| key.to_owned()))
        .collect()
}

/// The cases of `plenary_store::Refusal`, as the window's keys name them (`error.refused.fileExists`).
fn refusal_keys() -> BTreeSet<String> {
    let source = read(&crate_dir().join("../crates/plenary-store/src/refusal.rs"));
    let (_, body) = source.split_once("pub enum Refusal {").expect("refusal.rs declares Refusal");
    let body = body.split("\n}").next().unwrap_or_default();
    body.lines()
        .filter_map(|line| {
            let case = line.strip_prefix("    ")?;
            let first = case.chars().next()?;
            if !first.is_ascii_uppercase() {
                return None;
            }
            let name: String = case.chars().take_while(char::is_ascii_alphanumeric).collect();
            Some(format!("error.refused.{}{}", name[..1].to_ascii_lowercase(), &name[1..]))
        })
        .collect()
}

/// The fixed keys `src-tauri/src/error.rs` sends ("error.locked", …), and the prefixes of the
/// keys it builds (`error.notFound.` + what).
fn keys_sent_by_the_shell() -> BTreeSet<String> {
    let source = read(&crate_dir().join("src/error.rs"));
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    code.split('"')
        .skip(1)
        .step_by(2)
        .filter(|text| text.starts_with("error.") && !text.contains('{') && !text.ends_with('.'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_keyed_error_is_worded_in_english_and_spanish() {
    let strings = read(&crate_dir().join("../ui/src/lib/strings.ts"));
    let english = table_keys(&strings, "export const en = {");
    let spanish = table_keys(&strings, "export const es: Record<StringKey, string> = {");
    assert!(english.len() > 300 && spanish.len() > 300, "both tables were read");
    let refusals = refusal_keys();
    assert!(refusals.len() > 30, "Refusal's cases were read: {refusals:?}");
    assert!(refusals.contains("error.refused.fileExists"), "{refusals:?}");
    let fixed = keys_sent_by_the_shell();
    assert!(fixed.contains("error.noColumns") && fixed.contains("error.locked"), "{fixed:?}");
    for key in refusals.iter().chain(&fixed) {
        assert!(english.contains(key), "{key} is not in the English table");
        assert!(spanish.contains(key), "{key} is not in the Spanish table");
    }
}
