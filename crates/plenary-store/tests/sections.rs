//! Sections on a real library file: round trips, versions, workflow, tags, translations.

mod common;

use common::{kind, lang, library, section};
use plenary_core::section::Section;
use plenary_core::status::SectionStatus;
use plenary_store::{NewSection, Refusal, SectionEdit, SectionFilter, Store, StoreError};

fn add(store: &mut Store, new: NewSection) -> Section {
    let id = store.write(|w| w.add_section(new)).expect("add section");
    store.section(id).expect("read section back")
}

#[test]
fn a_section_round_trips_through_the_file() {
    let (folder, mut store) = library();
    let mut new = section("Who we are", "We are **45** organisations.\n\n- one\n- two");
    new.tags = vec!["gfmd".into(), "About-us".into(), "GFMD".into()];
    new.kind = kind("about");
    new.lang = lang("es-419");
    new.owner = Some("  Marta ".into());
    new.review_due = Some("2027-03-01".parse().expect("date"));
    let added = add(&mut store, new);
    drop(store);

    let store = Store::open(folder.path().join("library.sqlite3")).expect("reopen");
    let read = store.section(added.id).expect("section");
    assert_eq!(read, added);
    assert_eq!(read.title, "Who we are");
    assert_eq!(read.body, "We are **45** organisations.\n\n- one\n- two");
    assert_eq!(read.kind.as_str(), "about");
    assert_eq!(read.tags, ["About-us", "gfmd"]);
    assert_eq!(read.lang.as_str(), "es-419");
    assert_eq!(read.owner.as_deref(), Some("Marta"));
    assert_eq!(read.review_due.map(|d| d.to_string()).as_deref(), Some("2027-03-01"));
    assert_eq!((read.status, read.current_version, read.vetted_version), (SectionStatus::Draft, 1, None));
}

#[test]
fn text_edits_make_immutable_versions_and_metadata_edits_do_not() {
    let (_folder, mut store) = library();
    let id = add(&mut store, section("Protection first", "Protection must come first.")).id;

    let edit = SectionEdit {
        body: Some("Protection must always come first.".into()),
        note: Some("stronger".into()),
        author: "luis".into(),
        ..Default::default()
    };
    assert_eq!(store.write(|w| w.edit_section(id, edit)).expect("edit"), (2, true));
    let retag =
        SectionEdit { tags: Some(vec!["detention".into()]), author: "luis".into(), ..Default::default() };
    assert_eq!(store.write(|w| w.edit_section(id, retag)).expect("retag"), (2, false));
    let same = SectionEdit {
        body: Some("Protection must always come first.".into()),
        author: "luis".into(),
        ..Default::default()
    };
    assert_eq!(store.write(|w| w.edit_section(id, same)).expect("no-op"), (2, false));

    let history = store.history(id).expect("history");
    let summary: Vec<_> =
        history.iter().map(|v| (v.number, v.body.as_str(), v.author.as_str(), v.note.as_deref())).collect();
    assert_eq!(
        summary,
        [
            (2, "Protection must always come first.", "luis", Some("stronger")),
            (1, "Protection must come first.", "ana", None)
        ]
    );
    assert_eq!(store.section(id).expect("section").tags, ["detention"]);
    assert!(history[0].created_at >= history[1].created_at);

    // Each piece of metadata alone is a change worth saving, and none makes a version.
    let kind_only =
        SectionEdit { kind: Some(common::kind("about")), author: "luis".into(), ..Default::default() };
    assert_eq!(store.write(|w| w.edit_section(id, kind_only)).expect("kind"), (2, false));
    let lang_only =
        SectionEdit { lang: Some(common::lang("es")), author: "luis".into(), ..Default::default() };
    assert_eq!(store.write(|w| w.edit_section(id, lang_only)).expect("language"), (2, false));
    let saved = store.section(id).expect("section");
    assert_eq!((saved.kind.to_string(), saved.lang.to_string()), ("about".to_owned(), "es".to_owned()));
}

#[test]
fn the_workflow_is_enforced_and_vetting_is_recorded() {
    let (_folder, mut store) = library();
    let id = add(&mut store, section("Recommendations", "End detention.")).id;

    let refused =
        store.write(|w| w.set_section_status(id, SectionStatus::Vetted, "dir")).expect_err("draft → vetted");
    assert!(refused.to_string().contains("submit it for review first"), "{refused}");

    store.write(|w| w.set_section_status(id, SectionStatus::InReview, "ana")).expect("submit");
    store.write(|w| w.set_section_status(id, SectionStatus::Vetted, "Director")).expect("vet");
    let vetted = store.section(id).expect("section");
    assert_eq!((vetted.status, vetted.vetted_version), (SectionStatus::Vetted, Some(1)));
    let v1 = store.version(id, 1).expect("v1");
    assert_eq!(v1.vetted.as_ref().map(|v| v.by.as_str()), Some("Director"));

    // Editing vetted language makes a draft; the vetted version stays vetted.
    let edit = SectionEdit {
        body: Some("End immigration detention.".into()),
        author: "ana".into(),
        ..Default::default()
    };
    store.write(|w| w.edit_section(id, edit)).expect("edit");
    let edited = store.section(id).expect("section");
    assert_eq!(
        (edited.status, edited.current_version, edited.vetted_version),
        (SectionStatus::Draft, 2, Some(1))
    );

    store.write(|w| w.set_section_status(id, SectionStatus::Retired, "ana")).expect("retire");
    let frozen = SectionEdit { title: Some("New".into()), author: "ana".into(), ..Default::default() };
    let refused = store.write(|w| w.edit_section(id, frozen)).expect_err("retired sections are frozen");
    assert!(refused.to_string().contains("reinstate"), "{refused}");
    assert_eq!(store.history(id).expect("history").len(), 2, "the refused edit saved nothing");
}

#[test]
fn a_new_section_cannot_skip_review() {
    let (_folder, mut store) = library();
    for status in [SectionStatus::Vetted, SectionStatus::Retired] {
        let mut new = section("Global activism", "We organise.");
        new.status = status;
        let refused = store.write(|w| w.add_section(new)).expect_err("created past review");
        assert!(refused.to_string().contains("starts as draft or in_review"), "{refused}");
    }
    assert!(store.sections(&SectionFilter::default()).expect("list").is_empty(), "nothing was added");
    let mut new = section("Global activism", "We organise.");
    new.status = SectionStatus::InReview;
    let added = add(&mut store, new);
    assert_eq!((added.status, added.vetted_version), (SectionStatus::InReview, None));
    assert_eq!(store.version(added.id, 1).expect("v1").vetted, None);
}

#[test]
fn versions_cannot_be_rewritten_even_with_sql() {
    let (folder, mut store) = library();
    add(&mut store, section("Title", "Body"));
    drop(store);
    let conn = rusqlite::Connection::open(folder.path().join("library.sqlite3")).expect("raw open");
    let error = conn.execute("UPDATE versions SET body = 'rewritten'", []).expect_err("trigger");
    assert!(error.to_string().contains("immutable"), "{error}");
}

#[test]
fn unknown_kinds_are_refused_with_the_known_ones_and_can_be_added() {
    let (_folder, mut store) = library();
    let mut new = section("Q&A", "Answers.");
    new.kind = kind("faq");
    let error = store.write(|w| w.add_section(new.clone())).expect_err("unknown kind");
    let message = error.to_string();
    assert!(message.contains("unknown kind 'faq'") && message.contains("about, work, activism"), "{message}");
    assert!(store.sections(&SectionFilter::default()).expect("list").is_empty(), "nothing was written");

    assert!(store.write(|w| w.add_kind(&kind("faq"))).expect("add kind"));
    assert!(!store.write(|w| w.add_kind(&kind("faq"))).expect("add again"));
    store.write(|w| w.add_section(new)).expect("now known");
    assert_eq!(store.kinds().expect("kinds").last().map(|k| k.to_string()).as_deref(), Some("faq"));
}

#[test]
fn lists_filter_by_kind_tag_status_language_and_review_date() {
    let (_folder, mut store) = library();
    let mut about = section("About", "a");
    about.kind = kind("about");
    about.tags = vec!["GFMD".into()];
    about.review_due = Some("2026-01-01".parse().expect("date"));
    let mut spanish = section("Posición", "b");
    spanish.lang = lang("es");
    spanish.status = SectionStatus::InReview;
    let plain = section("Another position", "c");
    for new in [about, spanish, plain] {
        let vet = new.status == SectionStatus::InReview;
        let id = store.write(|w| w.add_section(new)).expect("add");
        if vet {
            store.write(|w| w.set_section_status(id, SectionStatus::Vetted, "dir")).expect("vet");
        }
    }
    let titles = |filter: SectionFilter| -> Vec<String> {
        store.sections(&filter).expect("list").into_iter().map(|s| s.title).collect()
    };
    assert_eq!(titles(SectionFilter::default()), ["About", "Another position", "Posición"]);
    assert_eq!(titles(SectionFilter { kind: Some(kind("about")), ..Default::default() }), ["About"]);
    assert_eq!(titles(SectionFilter { tag: Some("gfmd".into()), ..Default::default() }), ["About"]);
    assert_eq!(
        titles(SectionFilter { status: Some(SectionStatus::Vetted), ..Default::default() }),
        ["Posición"]
    );
    assert_eq!(titles(SectionFilter { lang: Some(lang("es")), ..Default::default() }), ["Posición"]);
    let due =
        SectionFilter { review_due_by: Some("2026-06-01".parse().expect("date")), ..Default::default() };
    assert_eq!(titles(due), ["About"]);
}

#[test]
fn ids_resolve_from_unique_prefixes() {
    let (_folder, mut store) = library();
    let id = add(&mut store, section("A", "b")).id;
    let full = id.to_string();
    assert_eq!(store.resolve_section(&full).expect("full"), id);
    assert_eq!(store.resolve_section(&full[..8].to_uppercase()).expect("prefix"), id);
    assert_eq!(store.resolve_section(&full[..13]).expect("a prefix with its hyphen"), id);
    assert!(matches!(
        store.resolve_section(&full[..7]),
        Err(StoreError::Refused(Refusal::IdTooShort { min: 8, .. }))
    ));
    assert!(matches!(
        store.resolve_section("00000000-dead"),
        Err(StoreError::NotFound { what: "section", .. })
    ));
    assert!(matches!(store.resolve_section("not-an-id!"), Err(StoreError::NotFound { .. })));
}

#[test]
fn translations_link_sections_in_other_languages() {
    let (_folder, mut store) = library();
    let english = add(&mut store, section("Who we are", "a")).id;
    let mut es = section("Quiénes somos", "b");
    es.lang = lang("es");
    let spanish = add(&mut store, es).id;
    let mut fr = section("Qui nous sommes", "c");
    fr.lang = lang("fr");
    let french = add(&mut store, fr).id;
    let same = add(&mut store, section("About us", "d")).id;

    store.write(|w| w.link_translations(english, spanish)).expect("link es");
    store.write(|w| w.link_translations(french, spanish)).expect("link fr");
    let langs: Vec<_> =
        store.translations(english).expect("translations").into_iter().map(|t| t.lang.to_string()).collect();
    assert_eq!(langs, ["es", "fr"]);
    let error = store.write(|w| w.link_translations(english, same)).expect_err("same language");
    assert!(error.to_string().contains("different languages"), "{error}");
}

#[test]
fn bodies_from_windows_files_are_stored_with_plain_newlines_and_the_same_text_is_no_edit() {
    let (_folder, mut store) = library();
    let windows = "\u{feff}Who we are\r\n\r\n- one\r\n- two\r\n";
    let id = add(&mut store, section("Who we are", windows)).id;
    assert_eq!(store.section(id).expect("section").body, "Who we are\n\n- one\n- two\n");

    // The same text saved again from a Windows editor is not a change.
    let same = SectionEdit {
        body: Some(windows.replace('\u{feff}', "")),
        author: "luis".into(),
        ..Default::default()
    };
    assert_eq!(store.write(|w| w.edit_section(id, same)).expect("same"), (1, false));
    let changed = SectionEdit {
        body: Some("Who we are\r\n\r\n- one\r\n".into()),
        author: "luis".into(),
        ..Default::default()
    };
    assert_eq!(store.write(|w| w.edit_section(id, changed)).expect("edit"), (2, true));
    assert_eq!(store.section(id).expect("section").body, "Who we are\n\n- one\n");
}
