//! Facts: setting one new or again, deleting one the library has, and one it does not.

mod common;

use common::{lang, library};
use plenary_core::fact::FactKey;
use plenary_store::{Refusal, StoreError};

#[test]
fn a_fact_is_deleted_once_and_an_unknown_one_is_not_found() {
    let (_folder, mut store) = library();
    let key = FactKey::parse("member_orgs").expect("key");
    store.write(|w| w.set_fact(&key, "45", None, None)).expect("set");
    let cited = store.write(|w| w.delete_fact(&key)).expect("deleted");
    assert!(cited.is_empty(), "no statement cites it");
    assert!(store.facts().expect("facts").is_empty(), "gone");
    let again = store.write(|w| w.delete_fact(&key)).expect_err("already gone");
    assert!(matches!(again, StoreError::NotFound { what: "fact", .. }), "{again:?}");
}

#[test]
fn setting_a_fact_says_whether_it_was_new() {
    let (_folder, mut store) = library();
    let key = FactKey::parse("member_orgs").expect("key");
    assert!(store.write(|w| w.set_fact(&key, "45", None, None)).expect("set"), "new");
    assert!(
        !store.write(|w| w.set_fact(&key, " 46 ", None, Some("Register".into()))).expect("set"),
        "changed"
    );
    let facts = store.facts().expect("facts");
    assert_eq!(facts.len(), 1);
    assert_eq!((facts[0].value.as_str(), facts[0].source.as_deref()), ("46", Some("Register")));
}

#[test]
fn deleting_a_fact_names_the_drafts_that_cite_it_and_no_others() {
    let (_folder, mut store) = library();
    let (members, total) =
        (FactKey::parse("member_orgs").expect("key"), FactKey::parse("member_orgs_total").expect("key"));
    store.write(|w| w.set_fact(&members, "45", None, None)).expect("set");
    store.write(|w| w.set_fact(&total, "60", None, None)).expect("set");
    let mut statement = |title: &str, body: &str| {
        let id = common::statement(&mut store, title);
        store.write(|w| w.add_text(id, "Who we are", body)).expect("text");
        id
    };
    let citing = statement("Citing", "We are {{fact.member_orgs}} organisations.");
    statement("Citing another", "With partners, {{fact.member_orgs_total}}.");
    let cited = store.write(|w| w.delete_fact(&members)).expect("deleted");
    let titles: Vec<(&str, _)> = cited.iter().map(|c| (c.title.as_str(), c.statement)).collect();
    assert_eq!(titles, [("Citing", citing)], "a longer key that starts the same is another fact");
}

#[test]
fn a_value_in_one_language_is_removed_once() {
    let (_folder, mut store) = library();
    let key = FactKey::parse("families_reached").expect("key");
    store.write(|w| w.set_fact(&key, "more than 100,000 families", None, None)).expect("set");
    store.write(|w| w.set_fact_value(&key, &lang("es"), "más de 100.000 familias", None, None)).expect("es");
    store.write(|w| w.remove_fact_value(&key, &lang("es"))).expect("remove");
    assert!(store.facts().expect("facts")[0].values.is_empty(), "Spanish text shows the fact's value again");
    let error = store.write(|w| w.remove_fact_value(&key, &lang("es"))).expect_err("none left");
    assert!(matches!(error, StoreError::Refused(Refusal::FactNoValueIn { .. })), "{error:?}");
}
