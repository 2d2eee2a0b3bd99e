//! The export log: an export is read back as it was recorded, newest first, with its file.

mod common;

use std::collections::BTreeMap;

use common::library;
use plenary_store::{ExportedVersion, NewExport};

#[test]
fn a_recorded_export_is_read_back_whole_with_its_file() {
    let (_folder, mut store) = library();
    let statement = common::statement(&mut store, "GFMD 2026");
    let pdf = NewExport {
        statement,
        format: "pdf".into(),
        template: "letterhead".into(),
        file: "/home/ana/GFMD 2026.pdf".into(),
        sha256: "9f".repeat(32),
        bytes: 4,
        word_count: 312,
        versions_json: r#"[{"section":"0b6e","version":3},{"section":"77aa","version":1}]"#.into(),
        facts_json: r#"{"network.members":"45","network.name":"Red"}"#.into(),
        text: Some("GFMD 2026\n\nWho we are".into()),
    };
    let html = NewExport { format: "html".into(), text: None, ..pdf.clone() };
    let first = store.write(|w| w.record_export(pdf.clone(), b"%PDF")).expect("record pdf");
    let second = store.write(|w| w.record_export(html.clone(), b"<html>")).expect("record html");

    let records = store.exports(statement).expect("exports");
    let ids: Vec<&str> = records.iter().map(|record| record.id.as_str()).collect();
    assert_eq!(ids, [second.as_str(), first.as_str()], "newest first");
    assert_eq!(records[0].export, html);
    assert_eq!(records[1].export, pdf);
    assert_eq!(store.export_record(&first[..8]).expect("by prefix").export, pdf);
    assert_eq!(store.export_content(&first).expect("content"), Some(b"%PDF".to_vec()));
    assert_eq!(store.export_content(&second).expect("content"), Some(b"<html>".to_vec()));

    let versions = records[1].export.versions().expect("versions");
    assert_eq!(
        versions,
        [
            ExportedVersion { section: "0b6e".into(), version: 3 },
            ExportedVersion { section: "77aa".into(), version: 1 }
        ]
    );
    let facts = records[1].export.facts().expect("facts");
    let expected: BTreeMap<String, String> =
        [("network.members", "45"), ("network.name", "Red")].map(|(k, v)| (k.into(), v.into())).into();
    assert_eq!(facts, expected);
}

#[test]
fn an_export_log_entry_that_cannot_be_read_says_so() {
    let (_folder, mut store) = library();
    let statement = common::statement(&mut store, "S");
    let damaged = NewExport {
        statement,
        format: "pdf".into(),
        template: "letterhead".into(),
        file: "s.pdf".into(),
        sha256: String::new(),
        bytes: 0,
        word_count: 0,
        versions_json: r#"[{"section":"0b6e"}]"#.into(),
        facts_json: "[]".into(),
        text: None,
    };
    store.write(|w| w.record_export(damaged, b"")).expect("record");
    let record = store.exports(statement).expect("exports").remove(0);
    let error = record.export.versions().expect_err("a version without its number");
    assert!(error.to_string().contains("missing field `version`"), "{error}");
    assert!(record.export.facts().is_err(), "facts are an object, not a list");
}
