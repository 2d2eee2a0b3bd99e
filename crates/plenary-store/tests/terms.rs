//! The termbase: terms to avoid per language, each once, listed by language and term.

mod common;

use common::{lang, library};
use plenary_store::{Refusal, StoreError};

#[test]
fn terms_are_kept_once_per_language_and_removed_once() {
    let (_folder, mut store) = library();
    let illegal = store
        .write(|w| w.add_term(&lang("en"), " illegal migrant ", "migrant in an irregular situation", None))
        .expect("add");
    store
        .write(|w| w.add_term(&lang("es"), "ilegal", "en situación irregular", Some("OIM".into())))
        .expect("add es");
    store.write(|w| w.add_term(&lang("en"), "Alien", "migrant", None)).expect("add");

    let error = store
        .write(|w| w.add_term(&lang("en"), "ILLEGAL MIGRANT", "anything", None))
        .expect_err("the same term in the same language");
    assert!(
        matches!(error, StoreError::Refused(Refusal::TermExists { ref term, .. }) if term == "illegal migrant")
    );
    store.write(|w| w.add_term(&lang("fr"), "illegal migrant", "migrant", None)).expect("another language");

    let listed: Vec<(String, String)> =
        store.terms().expect("terms").into_iter().map(|t| (t.lang.to_string(), t.term)).collect();
    let expected = [("en", "Alien"), ("en", "illegal migrant"), ("es", "ilegal"), ("fr", "illegal migrant")]
        .map(|(l, t)| (l.to_owned(), t.to_owned()));
    assert_eq!(listed, expected, "by language, then term whatever its case; trimmed");
    assert_eq!(store.resolve_term(&illegal.to_string()[..8]).expect("by prefix"), illegal);
    let error = store.resolve_term(&illegal.to_string()[..7]).expect_err("too short to be sure");
    assert!(matches!(error, StoreError::Refused(Refusal::IdTooShort { min: 8, .. })), "{error:?}");
    for given in ["illegal migrant", "zz"] {
        let error = store.resolve_term(given).expect_err("not an id, however long");
        assert!(matches!(error, StoreError::NotFound { what: "term", .. }), "{given}: {error:?}");
    }

    store.write(|w| w.remove_term(illegal)).expect("remove");
    assert_eq!(store.terms().expect("terms").len(), 3);
    let error = store.write(|w| w.remove_term(illegal)).expect_err("gone already");
    assert!(matches!(error, StoreError::NotFound { what: "term", .. }), "{error:?}");
    assert_eq!(store.terms().expect("terms").len(), 3, "nothing else removed");
}
