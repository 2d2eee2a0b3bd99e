//! The demo library a new user starts with: English and Spanish pairs, vetted through review
//! like any other language, one pair still in review.

mod common;

use common::library;
use plenary_core::status::SectionStatus;
use plenary_store::SectionFilter;

#[test]
fn the_demo_library_holds_vetted_pairs_and_one_pair_in_review() {
    let (_folder, mut store) = library();
    let statement = store.write(|w| w.add_demo_library("ana")).expect("demo");
    let sections = store.sections(&SectionFilter::default()).expect("sections");
    let with = |status: SectionStatus| sections.iter().filter(move |s| s.status == status);
    assert_eq!(with(SectionStatus::InReview).count(), 2, "one pair in review");
    assert_eq!(with(SectionStatus::Vetted).count(), sections.len() - 2, "every other section vetted");
    for vetted in with(SectionStatus::Vetted) {
        assert_eq!(vetted.vetted_version, Some(1), "{}: vetted through review", vetted.title);
    }
    for in_review in with(SectionStatus::InReview) {
        assert_eq!(in_review.vetted_version, None, "{}", in_review.title);
    }
    assert!(!store.statement(statement).expect("the demo statement").items.is_empty());
}
