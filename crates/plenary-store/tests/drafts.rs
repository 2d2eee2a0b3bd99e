//! The app's autosave on a real library file: drafts kept between versions, cut into versions at
//! sensible points, surviving a reopen; and the lightweight section list.

mod common;

use common::{library, section};
use plenary_core::status::SectionStatus;
use plenary_store::{SectionFilter, Store};

#[test]
fn a_draft_is_durable_and_becomes_one_version_when_committed() {
    let (folder, mut store) = library();
    let id = store.write(|w| w.add_section(section("Protection", "First text."))).expect("add");
    for body in ["First text, edited", "First text, edited twice.", "First text, edited three times."] {
        store.write(|w| w.save_draft(id, "Protection first", body, "luis")).expect("save draft");
    }
    // The library still shows version 1; the draft is kept beside it, and survives a reopen
    // (a crash between autosave and version loses nothing).
    drop(store);
    let mut store = Store::open(folder.path().join("library.sqlite3")).expect("reopen");
    assert_eq!(store.section(id).expect("section").current_version, 1);
    let draft = store.draft(id).expect("read draft").expect("a draft");
    assert_eq!(
        (draft.body.as_str(), draft.base_version, draft.author.as_str()),
        ("First text, edited three times.", 1, "luis")
    );
    let listed = store.section_list(&SectionFilter::default()).expect("list");
    assert!(listed[0].has_draft);

    let number = store.write(|w| w.commit_draft(id, Some("tightened".into()))).expect("commit");
    assert_eq!(number, Some(2), "three drafts make one version");
    let history = store.history(id).expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].note.as_deref(), Some("tightened"));
    assert_eq!(history[0].body, "First text, edited three times.");
    assert_eq!((history[0].title.as_str(), history[0].author.as_str()), ("Protection first", "luis"));
    assert_eq!(store.draft(id).expect("read draft"), None);
    assert_eq!(store.write(|w| w.commit_draft(id, None)).expect("nothing to commit"), None);
}

#[test]
fn a_draft_equal_to_the_saved_text_is_dropped_and_retired_sections_refuse_drafts() {
    let (_folder, mut store) = library();
    let id = store.write(|w| w.add_section(section("Closing", "Thank you."))).expect("add");
    store.write(|w| w.save_draft(id, "Closing", "Thank you!", "ana")).expect("save");
    store.write(|w| w.save_draft(id, "Closing", "Thank you.", "ana")).expect("typed back");
    assert_eq!(store.draft(id).expect("draft"), None, "typing back to the saved text leaves no draft");

    store.write(|w| w.set_section_status(id, SectionStatus::Retired, "ana")).expect("retire");
    let error = store.write(|w| w.save_draft(id, "Closing", "Changed", "ana")).expect_err("retired");
    assert!(error.to_string().contains("retired"), "{error}");
}

#[test]
fn the_section_list_matches_the_full_listing_without_the_text() {
    let (_folder, mut store) = library();
    store.write(|w| w.add_demo_library("ana")).expect("demo");
    let filter = SectionFilter { lang: Some(common::lang("es")), ..Default::default() };
    let full = store.sections(&filter).expect("sections");
    let list = store.section_list(&filter).expect("list");
    assert_eq!(list.len(), 7);
    let pairs: Vec<_> = full.iter().map(|s| (s.id, s.title.clone(), s.status, s.tags.clone())).collect();
    let listed: Vec<_> = list.iter().map(|s| (s.id, s.title.clone(), s.status, s.tags.clone())).collect();
    assert_eq!(pairs, listed);

    let languages: Vec<String> =
        store.section_languages().expect("languages").iter().map(ToString::to_string).collect();
    assert_eq!(languages, ["en", "es"]);
}

#[test]
fn tags_are_listed_once_whatever_their_case_in_alphabetical_order() {
    let (_folder, mut store) = library();
    for tags in [&["migration", "asylum"][..], &["Climate", "Übergang"], &["Migration", "Asylum", "climate"]]
    {
        let mut new = section("Tagged", "Text.");
        new.tags = tags.iter().map(|tag| (*tag).to_owned()).collect();
        store.write(|w| w.add_section(new)).expect("add");
    }
    // One entry per tag ignoring case, spelled with its capital where one was used.
    assert_eq!(store.tags().expect("tags"), ["Asylum", "Climate", "Migration", "Übergang"]);
}

#[test]
fn restoring_an_old_version_drops_the_draft_and_records_where_the_text_came_from() {
    let (_folder, mut store) = library();
    let id = store.write(|w| w.add_section(section("Protection", "First text."))).expect("add");
    let edit = |body: &str| plenary_store::SectionEdit {
        title: Some("Protection of children".to_owned()),
        body: Some(body.to_owned()),
        note: Some("rewrote".to_owned()),
        author: "ana".to_owned(),
        ..Default::default()
    };
    store.write(|w| w.edit_section(id, edit("Second text."))).expect("v2");
    store.write(|w| w.save_draft(id, "Protection", "Unsaved third text.", "ana")).expect("draft");

    let number = store.write(|w| w.restore_version(id, 1, "luis")).expect("restore");
    assert_eq!(number, 3, "a new version; history keeps v2");
    assert_eq!(store.draft(id).expect("read draft"), None, "the draft it replaced is gone");
    let history = store.history(id).expect("history");
    assert_eq!(history.iter().map(|v| v.number).collect::<Vec<_>>(), [3, 2, 1]);
    let restored = &history[0];
    assert_eq!((restored.body.as_str(), restored.title.as_str()), ("First text.", "Protection"));
    assert_eq!((restored.restored_from, restored.author.as_str()), (Some(1), "luis"));
    assert_eq!(restored.note, None, "no English note: the window names the restore in its language");
    assert_eq!(history[1].restored_from, None, "an ordinary edit names no source");
    assert_eq!(store.section(id).expect("section").body, "First text.");

    let error = store.write(|w| w.restore_version(id, 9, "luis")).expect_err("no such version");
    assert!(error.to_string().contains('9'), "{error}");
    assert_eq!(store.history(id).expect("history").len(), 3, "nothing written by the refusal");
}

#[test]
fn a_draft_changing_only_the_body_or_only_the_title_is_kept() {
    let (_folder, mut store) = library();
    let id = store.write(|w| w.add_section(section("Protection", "First text."))).expect("add");
    store.write(|w| w.save_draft(id, "Protection", "First text, edited.", "luis")).expect("body only");
    let draft = store.draft(id).expect("read draft").expect("a draft of the body");
    assert_eq!((draft.title.as_str(), draft.body.as_str()), ("Protection", "First text, edited."));
    store.write(|w| w.save_draft(id, "Protection of children", "First text.", "luis")).expect("title only");
    let draft = store.draft(id).expect("read draft").expect("a draft of the title");
    assert_eq!((draft.title.as_str(), draft.body.as_str()), ("Protection of children", "First text."));
    store.write(|w| w.save_draft(id, " Protection ", "First text.", "luis")).expect("back as it was");
    assert!(store.draft(id).expect("read draft").is_none(), "the same text as the version is no draft");
}
