//! Shared set-up for the store tests: a real library file in a temporary folder.

#![allow(dead_code, unreachable_pub)]

use plenary_core::id::StatementId;
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;
use plenary_store::{NewSection, NewStatement, Store};
use tempfile::TempDir;

/// A fresh library file; keep the folder alive as long as the store.
pub fn library() -> (TempDir, Store) {
    let folder = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(folder.path().join("library.sqlite3")).expect("open a new library");
    (folder, store)
}

/// A new section description with sensible defaults.
pub fn section(title: &str, body: &str) -> NewSection {
    NewSection {
        title: title.to_owned(),
        body: body.to_owned(),
        kind: Kind::parse("position").expect("kind"),
        lang: Language::english(),
        tags: vec![],
        status: SectionStatus::Draft,
        owner: None,
        review_due: None,
        author: "ana".to_owned(),
        note: None,
    }
}

/// Parses a language tag.
pub fn lang(tag: &str) -> Language {
    Language::parse("lang", tag).expect("language")
}

/// Parses a kind.
pub fn kind(name: &str) -> Kind {
    Kind::parse(name).expect("kind")
}

/// A new draft statement with only a title.
pub fn statement(store: &mut Store, title: &str) -> StatementId {
    store
        .write(|w| w.new_statement(NewStatement { title: title.into(), ..Default::default() }))
        .expect("new statement")
}
