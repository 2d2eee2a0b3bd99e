//! Translations: which section a translation was made from, when it falls out of date, and how
//! it is brought up to date, unlinked and warned about in statements.

mod common;

use common::{lang, library, section};
use plenary_core::id::SectionId;
use plenary_core::status::SectionStatus;
use plenary_core::warning::Warning;
use plenary_store::{Refusal, SectionEdit, SectionFilter, Store, StoreError};

fn add(store: &mut Store, title: &str, body: &str, language: &str) -> SectionId {
    let mut new = section(title, body);
    new.lang = lang(language);
    store.write(|w| w.add_section(new)).expect("add")
}

fn edit_body(store: &mut Store, id: SectionId, body: &str) {
    let edit = SectionEdit { body: Some(body.into()), author: "ana".into(), ..Default::default() };
    store.write(|w| w.edit_section(id, edit)).expect("edit");
}

fn flagged(store: &Store) -> Vec<String> {
    let list = store.section_list(&SectionFilter::default()).expect("list");
    list.into_iter().filter(|row| row.translation_out_of_date).map(|row| row.title).collect()
}

#[test]
fn a_translation_falls_out_of_date_when_its_source_changes_and_is_brought_back() {
    let (_folder, mut store) = library();
    let english = add(&mut store, "Who we are", "We are 45 organisations.", "en");
    let spanish = add(&mut store, "Quiénes somos", "Somos 45 organizaciones.", "es");
    store.write(|w| w.link_translations(english, spanish)).expect("link");

    let source = store.translation_source(spanish).expect("source").expect("a translation");
    assert_eq!((source.source, source.made_from, source.out_of_date()), (english, 1, false));
    assert!(store.translation_source(english).expect("source").is_none(), "the source is no translation");
    assert!(flagged(&store).is_empty());

    // The English text changes: the Spanish is out of date everywhere it is shown.
    edit_body(&mut store, english, "We are 50 organisations.");
    let source = store.translation_source(spanish).expect("source").expect("a translation");
    assert_eq!((source.made_from, source.source_version, source.out_of_date()), (1, 2, true));
    assert_eq!(flagged(&store), ["Quiénes somos"]);
    let from_english = store.translations(english).expect("translations");
    assert_eq!(from_english.len(), 1);
    assert!(from_english[0].out_of_date, "listed out of date from its source");
    assert!(!store.translations(spanish).expect("translations")[0].out_of_date, "the source is not");

    // A statement using the Spanish section is warned.
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &[spanish])).expect("add");
    let today = "2026-12-01".parse().expect("date");
    let warnings = store.assemble(statement, today).expect("assemble").warnings;
    assert!(
        warnings.contains(&Warning::TranslationOutOfDate {
            item: 1,
            section: spanish,
            source: english,
            made_from: 1,
            source_version: 2
        }),
        "{warnings:?}"
    );

    // Brought up to date: the flag and the warning go.
    edit_body(&mut store, spanish, "Somos 50 organizaciones.");
    assert_eq!(store.write(|w| w.mark_translation_updated(spanish)).expect("updated"), 2);
    assert!(flagged(&store).is_empty());
    let statement_warnings = store.assemble(statement, today).expect("assemble").warnings;
    assert!(!statement_warnings.iter().any(|w| matches!(w, Warning::TranslationOutOfDate { .. })));
    let again = store.write(|w| w.mark_translation_updated(spanish)).expect_err("nothing to do");
    assert!(again.to_string().contains("already up to date with version 2"), "{again}");
    let error = store.write(|w| w.mark_translation_updated(english)).expect_err("not a translation");
    assert!(error.to_string().contains("not a translation"), "{error}");

    // A metadata change of the source makes no version and no flag.
    store.write(|w| w.set_section_status(english, SectionStatus::InReview, "ana")).expect("submit");
    assert!(flagged(&store).is_empty());
}

#[test]
fn linking_refuses_a_circle_and_unlinking_takes_a_section_out() {
    let (_folder, mut store) = library();
    let english = add(&mut store, "Who we are", "a", "en");
    let spanish = add(&mut store, "Quiénes somos", "b", "es");
    let french = add(&mut store, "Qui nous sommes", "c", "fr");
    store.write(|w| w.link_translations(english, spanish)).expect("es from en");
    store.write(|w| w.link_translations(spanish, french)).expect("fr from es");
    let error = store.write(|w| w.link_translations(french, english)).expect_err("a circle");
    assert!(error.to_string().contains("unlink it first"), "{error}");

    store.write(|w| w.unlink_translation(spanish)).expect("unlink");
    assert!(store.translation_source(spanish).expect("source").is_none());
    assert!(store.translation_source(french).expect("source").is_none(), "its translation lost its source");
    assert!(store.section(spanish).expect("section").translation_group.is_none());
    let langs: Vec<String> =
        store.translations(english).expect("translations").into_iter().map(|t| t.lang.to_string()).collect();
    assert_eq!(langs, ["fr"], "the others stay together");
    store.write(|w| w.unlink_translation(french)).expect("unlink the last but one");
    assert!(store.section(english).expect("section").translation_group.is_none(), "a group of one is none");
    let error = store.write(|w| w.unlink_translation(english)).expect_err("nothing linked");
    assert!(error.to_string().contains("not linked"), "{error}");
}

#[test]
fn unlinking_is_undone_with_the_group_and_the_version_each_translation_follows() {
    let (_folder, mut store) = library();
    let english = add(&mut store, "Who we are", "a", "en");
    let spanish = add(&mut store, "Quiénes somos", "b", "es");
    store.write(|w| w.link_translations(english, spanish)).expect("es from en");
    edit_body(&mut store, english, "a, changed");
    assert_eq!(flagged(&store), ["Quiénes somos"], "out of date before the unlink");
    let group = store.section(english).expect("section").translation_group;

    let unlinked = store.write(|w| w.unlink_translation(english)).expect("unlink");
    assert_eq!(unlinked.left_alone, Some(spanish), "a group of two leaves one alone");
    assert!(store.section(spanish).expect("section").translation_group.is_none());
    assert!(flagged(&store).is_empty());

    store.write(|w| w.relink_translation(&unlinked)).expect("undo");
    assert_eq!(store.section(english).expect("section").translation_group, group);
    assert_eq!(store.section(spanish).expect("section").translation_group, group);
    let source = store.translation_source(spanish).expect("source").expect("a source again");
    assert_eq!((source.source, source.made_from), (english, 1), "the version it followed, not the newest");
    assert_eq!(flagged(&store), ["Quiénes somos"], "still out of date");

    let error = store.write(|w| w.relink_translation(&unlinked)).expect_err("linked already");
    assert!(error.to_string().contains("linked to a translation again"), "{error}");
}

#[test]
fn an_undo_that_would_close_a_circle_or_undo_a_newer_link_is_refused() {
    let (_folder, mut store) = library();
    let portuguese = add(&mut store, "Quem somos", "a", "pt");
    let english = add(&mut store, "Who we are", "b", "en");
    let spanish = add(&mut store, "Quiénes somos", "c", "es");
    store.write(|w| w.link_translations(portuguese, english)).expect("en from pt");
    store.write(|w| w.link_translations(english, spanish)).expect("es from en");
    let unlinked = store.write(|w| w.unlink_translation(english)).expect("unlink en");
    // Since then: Portuguese made from Spanish. The old links would now run in a circle.
    store.write(|w| w.link_translations(spanish, portuguese)).expect("pt from es");
    let error = store.write(|w| w.relink_translation(&unlinked)).expect_err("a circle");
    assert!(error.to_string().contains("was itself translated from"), "{error}");
    assert!(store.translation_source(english).expect("source").is_none(), "nothing was put back");
    assert!(store.translation_source(spanish).expect("source").is_none());

    // A translation given a new source since keeps it.
    let french = add(&mut store, "Qui nous sommes", "d", "fr");
    let german = add(&mut store, "Wer wir sind", "e", "de");
    store.write(|w| w.link_translations(french, german)).expect("de from fr");
    let unlinked = store.write(|w| w.unlink_translation(french)).expect("unlink fr");
    store.write(|w| w.link_translations(english, german)).expect("de from en");
    let error = store.write(|w| w.relink_translation(&unlinked)).expect_err("de has a source now");
    assert!(error.to_string().contains("Wer wir sind"), "{error}");
    let source = store.translation_source(german).expect("source").expect("the newer link");
    assert_eq!(source.source, english);
}

#[test]
fn an_undo_is_refused_once_the_source_has_joined_another_group() {
    let (_folder, mut store) = library();
    let english = add(&mut store, "Who we are", "a", "en");
    let spanish = add(&mut store, "Quiénes somos", "b", "es");
    let french = add(&mut store, "Qui nous sommes", "c", "fr");
    store.write(|w| w.link_translations(english, spanish)).expect("es from en");
    store.write(|w| w.link_translations(english, french)).expect("fr from en");
    let unlinked = store.write(|w| w.unlink_translation(spanish)).expect("unlink es");
    assert_eq!(unlinked.left_alone, None, "English and French stay together");
    // Since then: French unlinked too, and English made the source of German in a new group.
    store.write(|w| w.unlink_translation(french)).expect("unlink fr");
    let german = add(&mut store, "Wer wir sind", "d", "de");
    store.write(|w| w.link_translations(english, german)).expect("de from en");

    let error = store.write(|w| w.relink_translation(&unlinked)).expect_err("English is elsewhere now");
    assert!(error.to_string().contains("Who we are"), "{error}");
    assert!(store.translation_source(spanish).expect("source").is_none(), "nothing was put back");
    assert!(store.section(spanish).expect("section").translation_group.is_none());
}

#[test]
fn a_statement_reads_in_each_language_its_sections_are_translated_into() {
    let (_folder, mut store) = library();
    let english = add(&mut store, "Who we are", "We are 45 organisations.", "en");
    let spanish = add(&mut store, "Quiénes somos", "Somos 45 organizaciones.", "es");
    let french = add(&mut store, "Qui nous sommes", "Nous sommes 45 organisations.", "fr");
    let untranslated = add(&mut store, "Our ask", "End child detention.", "en");
    store.write(|w| w.link_translations(english, spanish)).expect("es from en");
    store.write(|w| w.link_translations(english, french)).expect("fr from en");
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &[english, untranslated])).expect("add");
    let today = "2026-12-01".parse().expect("date");

    for (tag, title) in [("es", "Quiénes somos"), ("fr", "Qui nous sommes")] {
        let (assembled, missing) =
            store.assemble_translation(statement, &lang(tag), today).expect("assemble");
        let titles: Vec<&str> = assembled.items.iter().map(|item| item.title.as_str()).collect();
        assert_eq!(titles, [title, ""], "{tag}");
        assert_eq!(missing, [2], "{tag}: the section with no translation");
    }
    let error = store.assemble_translation(statement, &lang("en"), today).expect_err("its own language");
    assert!(matches!(error, StoreError::Refused(Refusal::ParallelSameLanguage { .. })), "{error:?}");
}
