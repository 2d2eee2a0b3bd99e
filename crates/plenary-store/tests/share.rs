//! Merging what another library shared: metadata that changed without a new version travels
//! one way only, from the newer side.

mod common;

use common::{kind, lang, library, section};
use plenary_core::date::parse_date;
use plenary_core::fact::FactKey;
use plenary_core::status::SectionStatus;
use plenary_store::{SectionEdit, Store};

fn share_all(store: &Store) -> plenary_core::share::SharedLibrary {
    let ids: Vec<_> =
        store.section_list(&Default::default()).expect("list").into_iter().map(|s| s.id).collect();
    store.shared_library(&ids, &[]).expect("share")
}

#[test]
fn newer_metadata_arrives_and_older_metadata_does_not_overwrite() {
    let (_a_folder, mut a) = library();
    let (_b_folder, mut b) = library();
    let id = a.write(|w| w.add_section(section("Children", "We oppose detention."))).expect("add");
    let first = b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
    assert_eq!(first.added, 1);

    // A retags the section: no new version, newer metadata.
    let retag =
        SectionEdit { tags: Some(vec!["gfmd-2026".into()]), author: "ana".into(), ..Default::default() };
    a.write(|w| w.edit_section(id, retag)).expect("retag");
    let second = b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
    assert_eq!((second.updated, second.unchanged), (1, 0), "{second:?}");
    assert_eq!(b.section(id).expect("section").tags, ["gfmd-2026"]);

    // A sets an owner and takes it away again: newer, but the same as B has. Nothing to adopt.
    for owner in [Some("Ana".to_owned()), None] {
        let edit = SectionEdit { owner: Some(owner), author: "ana".into(), ..Default::default() };
        a.write(|w| w.edit_section(id, edit)).expect("owner");
    }
    let same = b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
    assert_eq!((same.updated, same.unchanged), (0, 1), "{same:?}");

    // Then B names an owner; A's copy, now older, brings nothing and takes nothing away.
    let owner = SectionEdit { owner: Some(Some("Luis".into())), author: "luis".into(), ..Default::default() };
    b.write(|w| w.edit_section(id, owner)).expect("owner");
    let third = b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
    assert_eq!((third.updated, third.unchanged), (0, 1), "{third:?}");
    let kept = b.section(id).expect("section");
    assert_eq!(
        (kept.owner.as_deref(), kept.tags.as_slice()),
        (Some("Luis"), ["gfmd-2026".to_owned()].as_slice())
    );
}

#[test]
fn each_kind_of_metadata_change_arrives_on_its_own() {
    let (_a_folder, mut a) = library();
    let (_b_folder, mut b) = library();
    let id = a.write(|w| w.add_section(section("Children", "We oppose detention."))).expect("add");
    b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
    let due = parse_date("review due", "2027-03-01").expect("date");
    let edits = [
        SectionEdit { kind: Some(kind("about")), ..Default::default() },
        SectionEdit { lang: Some(lang("es")), ..Default::default() },
        SectionEdit { owner: Some(Some("Luis".into())), ..Default::default() },
        SectionEdit { review_due: Some(Some(due)), ..Default::default() },
    ];
    for edit in edits {
        let what = format!("{edit:?}");
        a.write(|w| w.edit_section(id, SectionEdit { author: "ana".into(), ..edit })).expect("edit");
        let report = b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
        assert_eq!(report.updated, 1, "{what} arrives: {report:?}");
        let (ours, theirs) = (b.section(id).expect("here"), a.section(id).expect("there"));
        assert_eq!(
            (ours.kind, ours.lang, ours.owner, ours.review_due),
            (theirs.kind, theirs.lang, theirs.owner, theirs.review_due),
            "{what}"
        );
    }
}

#[test]
fn a_divergence_is_settled_by_a_new_version_that_says_who_kept_which_text() {
    let (_a_folder, mut a) = library();
    let (_b_folder, mut b) = library();
    let id = a.write(|w| w.add_section(section("Children", "We oppose detention."))).expect("add");
    b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
    let edit = |body: &str, author: &str| SectionEdit {
        body: Some(body.into()),
        note: Some(format!("{author}'s wording")),
        author: author.into(),
        ..Default::default()
    };
    a.write(|w| w.edit_section(id, edit("We oppose all detention of children.", "ana"))).expect("ours");
    b.write(|w| w.edit_section(id, edit("Children must never be detained.", "luis"))).expect("theirs");
    let report = a.write(|w| w.merge_shared(&share_all(&b), "b")).expect("merge");
    let theirs = match report.conflicts.as_slice() {
        [plenary_core::share::Conflict::Section { theirs, newly: true, .. }] => *theirs,
        other => panic!("one new divergence: {other:?}"),
    };
    let before = a.history(id).expect("history");
    let newest = before.iter().map(|v| v.number).max().expect("versions");

    let number = a.write(|w| w.resolve_divergence(id, theirs, "marta")).expect("settled");
    assert_eq!(number, newest + 1);
    let history = a.history(id).expect("history");
    let settled = history.iter().find(|v| v.number == number).expect("the new version");
    let kept = history.iter().find(|v| v.number == theirs).expect("the kept version");
    assert_eq!((settled.body.as_str(), settled.title.as_str()), (kept.body.as_str(), kept.title.as_str()));
    assert_eq!(settled.author, "marta", "who settled it, not who wrote the kept text");
    assert_eq!(
        settled.note.as_deref(),
        Some(format!("Kept the text of version {theirs} after the libraries diverged").as_str())
    );
    assert!(settled.created_at > kept.created_at, "made now");
    let section = a.section(id).expect("section");
    assert_eq!((section.current_version, section.diverged_with), (number, None));
}

#[test]
fn a_blank_value_in_one_language_is_not_taken_from_a_colleague() {
    let (_a_folder, mut a) = library();
    let (_b_folder, mut b) = library();
    let key = FactKey::parse("member_orgs").expect("key");
    a.write(|w| w.set_fact(&key, "45", None, None)).expect("fact");
    let mut shared = share_all(&a);
    shared.facts[0].values.insert(lang("es"), "  ".into());
    shared.facts[0].values.insert(lang("fr"), " 45 ".into());
    b.write(|w| w.merge_shared(&shared, "a")).expect("merge");
    let values = &b.facts().expect("facts")[0].values;
    assert_eq!(values.get(&lang("fr")).map(String::as_str), Some("45"), "trimmed");
    assert!(!values.contains_key(&lang("es")), "{values:?}");
    let again = b.write(|w| w.merge_shared(&shared, "a")).expect("merge again");
    assert!(again.conflicts.is_empty(), "the same values are no conflict: {:?}", again.conflicts);
}

/// A status never falls behind the vetting record, and the report counts a section whose status
/// alone a merge brought up to it.
#[test]
fn a_merge_that_only_brings_a_status_up_to_its_vetting_counts_as_an_update() {
    let (_a_folder, mut a) = library();
    let (_b_folder, mut b) = library();
    let mut new = section("Children", "We oppose detention.");
    new.status = SectionStatus::InReview;
    let id = a.write(|w| w.add_section(new)).expect("add");
    a.write(|w| w.set_section_status(id, SectionStatus::Vetted, "dir")).expect("vet");
    b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge");
    // B retires it and reinstates it as a draft: its current version keeps its vetting record.
    b.write(|w| w.set_section_status(id, SectionStatus::Retired, "luis")).expect("retire");
    b.write(|w| w.set_section_status(id, SectionStatus::Draft, "luis")).expect("reinstate");
    let report = b.write(|w| w.merge_shared(&share_all(&a), "a")).expect("merge again");
    assert_eq!((report.updated, report.unchanged), (1, 0), "{report:?}");
    assert_eq!(b.section(id).expect("section").status, SectionStatus::Vetted);
}
