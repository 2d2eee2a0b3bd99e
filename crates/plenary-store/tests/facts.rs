//! Facts: setting one new or again, deleting one the library has, and one it does not.

mod common;

use common::library;
use plenary_core::fact::FactKey;
use plenary_store::StoreError;

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
