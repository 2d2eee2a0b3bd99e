//! Statements: items, pins, order, forks, workflow, assembly from the real library.

mod common;

use common::{lang, library, section};
use plenary_core::date::PartialDate;
use plenary_core::fact::FactKey;
use plenary_core::id::SectionId;
use plenary_core::statement::{Consent, ItemContent};
use plenary_core::status::{SectionStatus, StatementStatus};
use plenary_core::warning::Warning;
use plenary_store::{
    ConsentAnswer, NewEvent, NewStatement, OrganisationUpdate, Refusal, SectionEdit, StatementDetails, Store,
    StoreError,
};

fn today() -> plenary_core::date::Date {
    "2026-11-26".parse().expect("date")
}

/// A section that has been through review: version 1 vetted.
fn vetted(store: &mut Store, title: &str, body: &str) -> SectionId {
    let mut new = section(title, body);
    new.status = SectionStatus::InReview;
    let id = store.write(|w| w.add_section(new)).expect("add in review");
    store.write(|w| w.set_section_status(id, SectionStatus::Vetted, "dir")).expect("vet");
    id
}

fn titles(store: &Store, statement: plenary_core::id::StatementId) -> Vec<String> {
    store.assemble(statement, today()).expect("assemble").items.into_iter().map(|item| item.title).collect()
}

#[test]
fn a_statement_is_assembled_from_linked_sections_and_new_text() {
    let (_folder, mut store) = library();
    store
        .write(|w| {
            w.set_fact(&FactKey::parse("member_orgs").expect("key"), "45", None, Some("2026 census".into()))
        })
        .expect("fact");
    let about = vetted(&mut store, "Who we are", "We are {{fact.member_orgs}} organisations.");
    let work = vetted(&mut store, "What we do", "We defend rights.");
    let event = store
        .write(|w| {
            w.add_event(NewEvent {
                name: "Global Forum on Migration and Development".into(),
                short_name: Some("GFMD".into()),
                edition: Some("2026".into()),
                word_limit: Some(500),
                languages: vec![lang("es")],
                ..Default::default()
            })
        })
        .expect("event");
    let statement = store
        .write(|w| {
            w.new_statement(NewStatement {
                title: "Statement".into(),
                event: Some(event),
                ..Default::default()
            })
        })
        .expect("statement");
    store.write(|w| w.add_sections(statement, &[about, work])).expect("add sections");
    store.write(|w| w.add_text(statement, "For this forum", "We call on *states* to act.")).expect("text");

    let read = store.statement(statement).expect("read");
    assert_eq!(read.lang.as_str(), "es", "the event's language is the default");
    assert_eq!(read.template, "letterhead");
    assert!(matches!(read.items[0].content, ItemContent::Linked { section, version: 1 } if section == about));
    assert!(
        matches!(&read.items[2].content, ItemContent::Text { title, forked_from: None, .. } if title == "For this forum")
    );

    let assembled = store.assemble(statement, today()).expect("assemble");
    assert_eq!(assembled.items[0].body, "We are 45 organisations.");
    assert_eq!(assembled.items[0].lang.as_str(), "en");
    assert_eq!(assembled.items[2].lang.as_str(), "es");
    assert_eq!(assembled.word_count, 7 + 6 + 9);
    // The English sections in a Spanish statement are named; nothing else is wrong.
    let english_items: Vec<u32> = assembled
        .warnings
        .iter()
        .map(|warning| match warning {
            Warning::ItemLanguage { item, lang, .. } if lang.as_str() == "en" => *item,
            other => panic!("unexpected warning {other:?}"),
        })
        .collect();
    assert_eq!(english_items, [1, 2]);
    assert_eq!(store.statements().expect("list")[0].event.as_deref(), Some("GFMD 2026"));
    let used = store.used_in(about).expect("used in");
    assert_eq!((used.len(), used[0].position, used[0].version), (1, 1, 1));
}

#[test]
fn pins_stay_until_updated_and_warnings_follow_the_library() {
    let (_folder, mut store) = library();
    let id = vetted(&mut store, "Protection", "Protection first.");
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &[id])).expect("add");

    // A new draft version does not change the statement.
    let edit = SectionEdit {
        body: Some("Protection must come first.".into()),
        author: "ana".into(),
        ..Default::default()
    };
    store.write(|w| w.edit_section(id, edit)).expect("edit");
    let assembled = store.assemble(statement, today()).expect("assemble");
    assert_eq!(assembled.items[0].body, "Protection first.");
    assert!(assembled.warnings.is_empty(), "{:?}", assembled.warnings);
    assert!(store.write(|w| w.update_item(statement, 1)).is_err(), "no newer vetted version yet");

    // Once vetted, the item is outdated until updated.
    store.write(|w| w.set_section_status(id, SectionStatus::InReview, "ana")).expect("submit");
    store.write(|w| w.set_section_status(id, SectionStatus::Vetted, "dir")).expect("vet");
    let warnings = store.assemble(statement, today()).expect("assemble").warnings;
    assert_eq!(warnings, [Warning::OutdatedVersion { item: 1, section: id, pinned: 1, latest_vetted: 2 }]);
    assert_eq!(store.write(|w| w.update_item(statement, 1)).expect("update"), 2);
    let assembled = store.assemble(statement, today()).expect("assemble");
    assert_eq!(assembled.items[0].body, "Protection must come first.");
    assert!(assembled.warnings.is_empty());

    // Retiring the section warns; new statements cannot add it.
    store.write(|w| w.set_section_status(id, SectionStatus::Retired, "dir")).expect("retire");
    let warnings = store.assemble(statement, today()).expect("assemble").warnings;
    assert_eq!(warnings, [Warning::RetiredSection { item: 1, section: id }]);
    let error = store.write(|w| w.add_sections(statement, &[id])).expect_err("retired");
    assert!(error.to_string().contains("retired"), "{error}");
}

#[test]
fn unvetted_sections_are_pinned_to_their_current_version_and_flagged() {
    let (_folder, mut store) = library();
    let draft = store.write(|w| w.add_section(section("Draft", "Not yet {{fact.nope}}."))).expect("add");
    store
        .write(|w| {
            w.set_fact(
                &FactKey::parse("old").expect("key"),
                "12",
                Some(PartialDate::parse("as_of", "2017-06").expect("date")),
                None,
            )
        })
        .expect("fact");
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &[draft])).expect("add");
    store.write(|w| w.add_text(statement, "", "{{fact.old}} states.")).expect("text");
    let warnings: Vec<&str> = store
        .assemble(statement, today())
        .expect("assemble")
        .warnings
        .iter()
        .map(|warning| match warning {
            Warning::UnvettedSection { .. } => "unvetted",
            Warning::UnknownFact { .. } => "unknown fact",
            Warning::StaleFact { .. } => "stale fact",
            _ => "other",
        })
        .collect();
    assert_eq!(warnings, ["unvetted", "unknown fact", "stale fact"]);
}

#[test]
fn items_move_fork_and_remove() {
    let (_folder, mut store) = library();
    let ids: Vec<SectionId> =
        ["One", "Two", "Three", "Four"].iter().map(|t| vetted(&mut store, t, "Body.")).collect();
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &ids)).expect("add");

    store.write(|w| w.move_item(statement, 4, 1)).expect("move up");
    assert_eq!(titles(&store, statement), ["Four", "One", "Two", "Three"]);
    store.write(|w| w.move_item(statement, 1, 3)).expect("move down");
    assert_eq!(titles(&store, statement), ["One", "Two", "Four", "Three"]);
    let error = store.write(|w| w.move_item(statement, 5, 1)).expect_err("out of range");
    assert_eq!(error.to_string(), "no item at position 5: the statement has 4 items");
    let error = store.write(|w| w.move_item(statement, 1, 5)).expect_err("past the end");
    assert_eq!(error.to_string(), "no item at position 5: the statement has 4 items");
    let error = store.write(|w| w.move_item(statement, 0, 2)).expect_err("before the start");
    assert_eq!(error.to_string(), "no item at position 0: the statement has 4 items");
    assert_eq!(titles(&store, statement), ["One", "Two", "Four", "Three"], "nothing moved");

    store.write(|w| w.fork_item(statement, 2)).expect("fork");
    let read = store.statement(statement).expect("read");
    assert!(
        matches!(&read.items[1].content, ItemContent::Text { title, forked_from: Some(from), .. } if title == "Two" && from.section == ids[1])
    );
    store.write(|w| w.edit_text(statement, 2, "Two, adapted", "New body.")).expect("edit forked text");
    assert!(
        store.write(|w| w.edit_text(statement, 1, "x", "y")).is_err(),
        "linked items are edited in the library"
    );

    store.write(|w| w.remove_item(statement, 1)).expect("remove");
    assert_eq!(titles(&store, statement), ["Two, adapted", "Four", "Three"]);
    let positions: Vec<u32> =
        store.statement(statement).expect("read").items.iter().map(|i| i.position).collect();
    assert_eq!(positions, [1, 2, 3]);
}

#[test]
fn final_and_submitted_statements_are_protected_and_can_be_copied() {
    let (_folder, mut store) = library();
    let id = vetted(&mut store, "One", "Body.");
    let statement = common::statement(&mut store, "GFMD 2017");
    store.write(|w| w.add_sections(statement, &[id])).expect("add");
    store.write(|w| w.add_signatory(statement, "Red Regional", Some("Coordinación".into()))).expect("sign");
    store.write(|w| w.set_statement_status(statement, StatementStatus::Final, None, today())).expect("final");
    let error = store.write(|w| w.add_text(statement, "x", "y")).expect_err("final is frozen");
    assert!(error.to_string().contains("reopen"), "{error}");
    store
        .write(|w| w.set_statement_status(statement, StatementStatus::Submitted, None, today()))
        .expect("submitted");
    assert!(
        store.write(|w| w.set_statement_status(statement, StatementStatus::Draft, None, today())).is_err()
    );

    let copy = store.write(|w| w.copy_statement(statement, None)).expect("copy");
    let copied = store.statement(copy).expect("read copy");
    assert_eq!(copied.title, "GFMD 2017 (copy)");
    assert_eq!(copied.status, StatementStatus::Draft);
    assert_eq!(copied.items.len(), 1);
    assert_eq!(copied.signatories[0].role.as_deref(), Some("Coordinación"));
    assert_ne!(copied.items[0].id, store.statement(statement).expect("original").items[0].id);
}

#[test]
fn sections_dropped_at_a_position_land_there() {
    let (_folder, mut store) = library();
    let ids: Vec<SectionId> =
        ["One", "Two", "Three"].iter().map(|t| vetted(&mut store, t, "Text.")).collect();
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &ids[..2])).expect("add two");
    store.write(|w| w.insert_sections(statement, &ids[2..], 1)).expect("insert at the top");
    assert_eq!(titles(&store, statement), ["Three", "One", "Two"]);
    store.write(|w| w.insert_sections(statement, &ids[..1], 99)).expect("past the end appends");
    assert_eq!(titles(&store, statement), ["Three", "One", "Two", "One"]);
    store.write(|w| w.insert_sections(statement, &ids[1..], 3)).expect("two dropped in the middle");
    assert_eq!(titles(&store, statement), ["Three", "One", "Two", "Three", "Two", "One"], "in their order");
}

#[test]
fn three_sections_dropped_before_the_last_item_keep_their_order() {
    let (_folder, mut store) = library();
    let ids: Vec<SectionId> =
        ["A", "B", "C", "D", "E", "F"].iter().map(|t| vetted(&mut store, t, "Text.")).collect();
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &ids[..3])).expect("add three");
    store.write(|w| w.insert_sections(statement, &ids[3..], 3)).expect("three dropped at 3");
    assert_eq!(titles(&store, statement), ["A", "B", "D", "E", "F", "C"]);
}

#[test]
fn an_event_named_with_its_edition_is_not_listed_with_it_twice() {
    let (_folder, mut store) = library();
    let event = store
        .write(|w| {
            w.add_event(NewEvent {
                name: "HLPF 2026".into(),
                edition: Some("2026".into()),
                ..Default::default()
            })
        })
        .expect("event");
    store
        .write(|w| {
            w.new_statement(NewStatement { title: "S".into(), event: Some(event), ..Default::default() })
        })
        .expect("statement");
    assert_eq!(store.statements().expect("list")[0].event.as_deref(), Some("HLPF 2026"));
}

#[test]
fn a_draft_statements_details_change_and_a_final_ones_do_not() {
    let (_folder, mut store) = library();
    let event = store
        .write(|w| {
            w.add_event(NewEvent { name: "Forum".into(), word_limit: Some(500), ..Default::default() })
        })
        .expect("event");
    let statement = common::statement(&mut store, "Draft");
    let details = StatementDetails {
        title: "Statement to the Forum".into(),
        event: Some(event),
        lang: lang("es"),
        template: "plain".into(),
        date: Some("2027-01-20".parse().expect("date")),
    };
    store.write(|w| w.update_statement(statement, details.clone())).expect("update");
    let read = store.statement(statement).expect("read");
    assert_eq!(
        (read.title.as_str(), read.event, read.lang.as_str(), read.template.as_str()),
        ("Statement to the Forum", Some(event), "es", "plain")
    );

    let blank = StatementDetails { title: "  ".into(), ..details.clone() };
    assert!(store.write(|w| w.update_statement(statement, blank)).is_err(), "a title is required");
    store.write(|w| w.set_statement_status(statement, StatementStatus::Final, None, today())).expect("final");
    let error = store.write(|w| w.update_statement(statement, details)).expect_err("final is read-only");
    assert!(error.to_string().contains("final"), "{error}");

    // Events are edited in place, under the same rules as when created.
    let renamed = NewEvent { name: "Forum 2027".into(), word_limit: Some(650), ..Default::default() };
    store.write(|w| w.update_event(event, renamed)).expect("update event");
    let read = store.event(event).expect("event");
    assert_eq!((read.name.as_str(), read.word_limit), ("Forum 2027", Some(650)));
    let zero = NewEvent { name: "Forum".into(), word_limit: Some(0), ..Default::default() };
    assert!(store.write(|w| w.update_event(event, zero)).is_err(), "a zero word limit is refused");
}

/// A statement shows exactly the versions it pins: no connection opened the way Plenary opens
/// the library (foreign keys on) can delete or rewrite one of them.
#[test]
fn a_used_version_cannot_disappear_or_change() {
    let (_folder, mut store) = library();
    let section = vetted(&mut store, "Who we are", "We are 45 organisations.");
    let statement = common::statement(&mut store, "S");
    store.write(|w| w.add_sections(statement, &[section])).expect("add");
    let before = titles(&store, statement);

    let raw = rusqlite::Connection::open(store.path()).expect("second connection");
    raw.pragma_update(None, "foreign_keys", true).expect("foreign keys, as Plenary opens the file");
    for (what, sql) in [
        ("delete the version", "DELETE FROM versions"),
        ("delete the section", "DELETE FROM sections"),
        ("rewrite the body", "UPDATE versions SET body = 'Something else'"),
        ("rewrite the title", "UPDATE versions SET title = 'Other'"),
    ] {
        assert!(raw.execute(sql, []).is_err(), "{what} went through");
    }
    drop(raw);
    assert_eq!(titles(&store, statement), before);
    let assembled = store.assemble(statement, today()).expect("assemble");
    assert_eq!(assembled.items[0].body, "We are 45 organisations.");
}

/// Marking a statement final keeps the facts, event, organisation profile and item languages it
/// was approved with; reopening it (recorded, with the reason) lets it follow the library again.
#[test]
fn a_final_statement_keeps_what_it_was_approved_with_until_reopened() {
    let (_folder, mut store) = library();
    let key = FactKey::parse("displaced").expect("key");
    store.write(|w| w.set_fact(&key, "21 million people", None, None)).expect("fact");
    store
        .write(|w| {
            w.update_organisation(OrganisationUpdate {
                name: Some("Red Regional".into()),
                ..Default::default()
            })
        })
        .expect("org");
    let event = store
        .write(|w| w.add_event(NewEvent { name: "GFMD".into(), word_limit: Some(500), ..Default::default() }))
        .expect("event");
    let section = vetted(&mut store, "Displacement", "Some {{fact.displaced}} are displaced.");
    let statement = store
        .write(|w| {
            w.new_statement(NewStatement { title: "S".into(), event: Some(event), ..Default::default() })
        })
        .expect("statement");
    store.write(|w| w.add_sections(statement, &[section])).expect("add");
    assert!(store.frozen(statement).expect("frozen").is_none(), "a draft follows the library");

    store.write(|w| w.set_statement_status(statement, StatementStatus::Final, None, today())).expect("final");
    let body = |store: &Store| store.assemble(statement, today()).expect("assemble").items[0].body.clone();
    assert_eq!(body(&store), "Some 21 million people are displaced.");

    // The library moves on.
    store.write(|w| w.set_fact(&key, "23 million people", None, None)).expect("new figure");
    store
        .write(|w| {
            w.update_organisation(OrganisationUpdate { name: Some("Renamed".into()), ..Default::default() })
        })
        .expect("renamed");
    let renamed = NewEvent { name: "GFMD 2027".into(), word_limit: Some(10), ..Default::default() };
    store.write(|w| w.update_event(event, renamed)).expect("event changed");
    let spanish = SectionEdit { lang: Some(lang("es")), author: "ana".into(), ..Default::default() };
    store.write(|w| w.edit_section(section, spanish)).expect("language changed");

    let later: plenary_core::date::Date = "2027-02-01".parse().expect("date");
    let frozen = store.assemble(statement, later).expect("assemble later");
    assert_eq!(frozen.items[0].body, "Some 21 million people are displaced.");
    assert_eq!(frozen.items[0].lang.as_str(), "en");
    assert_eq!(frozen.event.as_ref().map(|e| e.name.as_str()), Some("GFMD"));
    assert_eq!(frozen.assembled_on, today(), "exports carry the day it was frozen");
    assert_eq!(store.organisation_for(statement).expect("org").name, "Red Regional");
    assert_eq!(store.organisation().expect("org").name, "Renamed");

    // Submitting keeps the freeze; a submitted statement cannot be reopened.
    store
        .write(|w| w.set_statement_status(statement, StatementStatus::Submitted, None, today()))
        .expect("sent");
    assert_eq!(body(&store), "Some 21 million people are displaced.");
    let error = store
        .write(|w| w.set_statement_status(statement, StatementStatus::Draft, None, today()))
        .expect_err("a record");
    assert!(error.to_string().contains("copy it"), "{error}");

    // A final one can be reopened: recorded with its reason, then it follows the library.
    let other = store
        .write(|w| {
            w.new_statement(NewStatement { title: "T".into(), event: Some(event), ..Default::default() })
        })
        .expect("statement");
    store.write(|w| w.add_sections(other, &[section])).expect("add");
    store.write(|w| w.set_statement_status(other, StatementStatus::Final, None, today())).expect("final");
    store.write(|w| w.set_fact(&key, "25 million people", None, None)).expect("newer figure");
    store
        .write(|w| w.set_statement_status(other, StatementStatus::Draft, Some("new UNHCR figure"), today()))
        .expect("reopen");
    assert!(store.frozen(other).expect("frozen").is_none());
    assert_eq!(
        store.assemble(other, today()).expect("assemble").items[0].body,
        "Some 25 million people are displaced."
    );
    let changes: Vec<(StatementStatus, StatementStatus, Option<String>)> = store
        .status_changes(other)
        .expect("changes")
        .into_iter()
        .map(|change| (change.from, change.to, change.note))
        .collect();
    assert_eq!(
        changes,
        [
            (StatementStatus::Draft, StatementStatus::Final, None),
            (StatementStatus::Final, StatementStatus::Draft, Some("new UNHCR figure".to_owned())),
        ]
    );
}

/// A submitted statement with no export recorded (an imported past statement) still counts as
/// the last use of its sections, on its date.
#[test]
fn a_submitted_statement_without_exports_is_a_sections_last_use() {
    let (_folder, mut store) = library();
    let section = vetted(&mut store, "Who we are", "We are 45 organisations.");
    assert!(store.last_used(section).expect("last used").is_none());
    let date = "2017-06-28".parse().expect("date");
    let statement = store
        .write(|w| {
            w.new_statement(NewStatement {
                title: "GFMD 2017".into(),
                date: Some(date),
                ..Default::default()
            })
        })
        .expect("statement");
    store.write(|w| w.add_sections(statement, &[section])).expect("add");
    store.write(|w| w.set_statement_status(statement, StatementStatus::Final, None, today())).expect("final");
    assert!(store.last_used(section).expect("last used").is_none(), "final is not yet sent");
    store
        .write(|w| w.set_statement_status(statement, StatementStatus::Submitted, None, today()))
        .expect("sent");
    let last = store.last_used(section).expect("last used").expect("used");
    assert_eq!(
        (last.statement, last.title.as_str(), last.on, last.exported),
        (statement, "GFMD 2017", date, false)
    );
}

/// Signatories reordered, then removed, keep one position each: the sequence that once broke
/// the (statement, position) key when rows were shifted in one UPDATE.
#[test]
fn signatories_are_reordered_and_removed_in_any_sequence() {
    let (_folder, mut store) = library();
    let statement = common::statement(&mut store, "S");
    for name in ["A", "B", "C", "D"] {
        store.write(|w| w.add_signatory(statement, name, None)).expect("sign");
    }
    let names = |store: &Store| -> Vec<String> {
        store.statement(statement).expect("read").signatories.into_iter().map(|s| s.name).collect()
    };
    store.write(|w| w.move_signatory(statement, 1, 3)).expect("A down to 3");
    assert_eq!(names(&store), ["B", "C", "A", "D"]);
    store.write(|w| w.remove_signatory(statement, 1)).expect("remove B");
    assert_eq!(names(&store), ["C", "A", "D"]);
    store.write(|w| w.move_signatory(statement, 3, 1)).expect("D up to 1");
    assert_eq!(names(&store), ["D", "C", "A"]);
    store.write(|w| w.remove_signatory(statement, 2)).expect("remove C");
    assert_eq!(names(&store), ["D", "A"]);
    let error = store.write(|w| w.add_signatory(statement, " d ", None)).expect_err("twice");
    assert!(error.to_string().contains("already a signatory"), "{error}");
    for (from, to) in [(0, 1), (1, 3), (3, 1)] {
        let error = store.write(|w| w.move_signatory(statement, from, to)).expect_err("no such place");
        assert!(matches!(error, StoreError::Refused(Refusal::NoSuchSignatory { count: 2, .. })), "{error:?}");
    }
    assert_eq!(names(&store), ["D", "A"], "nothing moved");
}

#[test]
fn a_removed_signatory_is_put_back_in_place_with_their_answer() {
    let (_folder, mut store) = library();
    let statement = common::statement(&mut store, "S");
    for name in ["A", "B", "C"] {
        store.write(|w| w.add_signatory(statement, name, Some(format!("{name}'s role")))).expect("sign");
    }
    let agreed = ConsentAnswer::Agreed { by: "Ana".into() };
    store.write(|w| w.record_consent(statement, 2, agreed, today())).expect("B agrees");
    let declined = ConsentAnswer::Declined { note: Some("Board said no".into()) };
    store.write(|w| w.record_consent(statement, 3, declined, today())).expect("C declines");
    let before = store.statement(statement).expect("read").signatories;
    assert!(
        matches!(&before[2].consent, Consent::Declined { note: Some(note), .. } if note == "Board said no"),
        "{:?}",
        before[2].consent
    );
    assert!(matches!(before[0].consent, Consent::Invited), "asked, no answer yet: {:?}", before[0].consent);

    let removed = store.write(|w| w.remove_signatory(statement, 2)).expect("remove B");
    assert_eq!(removed, before[1], "the signatory as they were, answer included");
    store.write(|w| w.put_back_signatory(statement, 2, &removed)).expect("undo");
    assert_eq!(store.statement(statement).expect("read").signatories, before, "same place, same answer");

    let removed = store.write(|w| w.remove_signatory(statement, 3)).expect("remove C");
    store.write(|w| w.remove_signatory(statement, 1)).expect("remove A");
    store.write(|w| w.put_back_signatory(statement, 3, &removed)).expect("C back, last");
    let names: Vec<String> =
        store.statement(statement).expect("read").signatories.into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["B", "C"]);
    let error = store.write(|w| w.put_back_signatory(statement, 1, &removed)).expect_err("twice");
    assert!(error.to_string().contains("already a signatory"), "{error}");
}

/// Moving a signatory up from the middle leaves every place up to the count filled.
#[test]
fn a_signatory_moved_up_from_the_middle_leaves_no_gap() {
    let (_folder, mut store) = library();
    let statement = common::statement(&mut store, "S");
    for name in ["A", "B", "C", "D"] {
        store.write(|w| w.add_signatory(statement, name, None)).expect("sign");
    }
    store.write(|w| w.move_signatory(statement, 3, 1)).expect("C to the top");
    let removed = store.write(|w| w.remove_signatory(statement, 4)).expect("place 4 is still D");
    assert_eq!(removed.name, "D");
    let names: Vec<String> =
        store.statement(statement).expect("read").signatories.into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["C", "A", "B"]);
}

/// Removing a signatory closes the gap, so every place up to the new count names someone.
#[test]
fn after_a_removal_the_last_place_is_the_last_signatory() {
    let (_folder, mut store) = library();
    let statement = common::statement(&mut store, "S");
    for name in ["A", "B", "C"] {
        store.write(|w| w.add_signatory(statement, name, None)).expect("sign");
    }
    store.write(|w| w.remove_signatory(statement, 2)).expect("remove B");
    let removed = store.write(|w| w.remove_signatory(statement, 2)).expect("place 2 is now C");
    assert_eq!(removed.name, "C");
    store.write(|w| w.add_signatory(statement, "D", None)).expect("sign");
    store.write(|w| w.move_signatory(statement, 2, 1)).expect("D to the top");
    let names: Vec<String> =
        store.statement(statement).expect("read").signatories.into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["D", "A"]);
}
