//! Facts: deleting one the library has, and one it does not.

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
