//! Deleting on a real library file: a draft statement goes to the bin for 30 days and comes
//! back whole; what a statement uses (an event, a section) is not deleted; a section no
//! statement used goes with its history, and a copy in the sharing format brings it back.

mod common;

use common::{library, section, statement};
use plenary_core::date::Date;
use plenary_core::status::StatementStatus;
use plenary_store::{NewEvent, NewSection, NewStatement, SearchQuery, StatementDetails, Store, StoreError};

fn query(text: &str) -> SearchQuery {
    SearchQuery { text: text.into(), filter: Default::default(), limit: 10 }
}

fn today() -> Date {
    "2026-12-01".parse().expect("day")
}

#[test]
fn a_deleted_draft_is_hidden_everywhere_and_comes_back_whole() {
    let (_folder, mut store) = library();
    let about = store.write(|w| w.add_section(section("About", "We are 45."))).expect("section");
    let id = statement(&mut store, "Draft to drop");
    store.write(|w| w.add_sections(id, &[about])).expect("add");
    store.write(|w| w.add_signatory(id, "Red Regional", None)).expect("signatory");
    let before = store.statement(id).expect("read");

    store.write(|w| w.delete_statement(id)).expect("delete");
    assert!(store.statements().expect("list").is_empty(), "not listed");
    assert!(matches!(store.statement(id), Err(StoreError::NotFound { .. })), "not read");
    assert!(store.used_in(about).expect("used in").is_empty(), "not counted as a use of its sections");
    let error = store.write(|w| w.add_text(id, "More", "text")).expect_err("not changed");
    assert!(matches!(error, StoreError::NotFound { .. }), "{error:?}");
    assert!(store.write(|w| w.delete_statement(id)).is_err(), "deleted once");

    store.write(|w| w.undelete_statement(id)).expect("undelete");
    assert_eq!(store.statement(id).expect("back"), before, "items and signatories as they were");
    assert_eq!(store.statements().expect("list").len(), 1);
    assert!(store.write(|w| w.undelete_statement(id)).is_err(), "only a deleted statement is undeleted");
}

#[test]
fn a_statement_that_was_final_once_is_kept() {
    let (_folder, mut store) = library();
    let id = statement(&mut store, "Approved");
    store.write(|w| w.add_text(id, "Call", "We call on states.")).expect("text");
    store.write(|w| w.set_statement_status(id, StatementStatus::Final, None, today())).expect("final");
    let error = store.write(|w| w.delete_statement(id)).expect_err("final");
    assert!(error.to_string().contains("reopen"), "{error}");
    store
        .write(|w| w.set_statement_status(id, StatementStatus::Draft, Some("one more line"), today()))
        .expect("reopen");
    let error = store.write(|w| w.delete_statement(id)).expect_err("was final");
    assert!(error.to_string().contains("kept as a record"), "{error}");
    assert_eq!(store.statements().expect("list").len(), 1);
}

#[test]
fn a_deleted_statement_is_purged_after_thirty_days() {
    let (folder, mut store) = library();
    let (old, recent) = (statement(&mut store, "Old"), statement(&mut store, "Recent"));
    store.write(|w| w.delete_statement(old)).expect("delete");
    store.write(|w| w.delete_statement(recent)).expect("delete");
    let path = folder.path().join("library.sqlite3");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let days_ago = |days: i64| {
        let now = jiff::Timestamp::now();
        now.checked_sub(jiff::SignedDuration::from_hours(24 * days)).expect("a date").to_string()
    };
    for (id, days) in [(old, 31), (recent, 29)] {
        let sql = "UPDATE statements SET deleted_at = ?2 WHERE id = ?1";
        assert_eq!(conn.execute(sql, [id.to_string(), days_ago(days)]).expect("age it"), 1);
    }
    drop(conn);

    let mut store = Store::open(&path).expect("reopen");
    assert!(store.write(|w| w.undelete_statement(old)).is_err(), "purged on opening");
    store.write(|w| w.undelete_statement(recent)).expect("still kept after 29 days");
}

/// Housekeeping never stands in the way: while another program is writing, the library opens
/// all the same and the purge waits for the next opening.
#[test]
fn a_library_another_program_is_writing_opens_and_is_purged_later() {
    let (folder, mut store) = library();
    let old = statement(&mut store, "Old");
    store.write(|w| w.delete_statement(old)).expect("delete");
    let path = folder.path().join("library.sqlite3");
    drop(store);
    let writer = rusqlite::Connection::open(&path).expect("raw");
    let long_ago = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_hours(24 * 31))
        .expect("a date")
        .to_string();
    let sql = "UPDATE statements SET deleted_at = ?2 WHERE id = ?1";
    assert_eq!(writer.execute(sql, [old.to_string(), long_ago]).expect("age it"), 1);
    let kept = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM statements WHERE id = ?1", [old.to_string()], |row| row.get(0))
            .expect("count")
    };

    writer.execute_batch("BEGIN IMMEDIATE").expect("another program starts writing");
    drop(Store::open(&path).expect("opens while the other program writes"));
    writer.execute_batch("ROLLBACK").expect("the other program is done");
    assert_eq!(kept(&writer), 1, "not purged while the other program wrote");
    drop(Store::open(&path).expect("opens again"));
    assert_eq!(kept(&writer), 0, "purged at the next opening");
}

#[test]
fn an_event_is_deleted_only_while_no_statement_uses_it() {
    let (_folder, mut store) = library();
    let event =
        store.write(|w| w.add_event(NewEvent { name: "GFMD".into(), ..Default::default() })).expect("event");
    let id = store
        .write(|w| {
            w.new_statement(NewStatement {
                title: "For GFMD".into(),
                event: Some(event),
                ..Default::default()
            })
        })
        .expect("statement");
    let error = store.write(|w| w.delete_event(event)).expect_err("used");
    assert!(error.to_string().contains("“For GFMD” (draft)"), "{error}");
    // A deleted statement may come back, so its event stays too, and the refusal says why.
    store.write(|w| w.delete_statement(id)).expect("delete statement");
    let error = store.write(|w| w.delete_event(event)).expect_err("a deleted statement uses it");
    assert!(error.to_string().contains("the deleted statement “For GFMD”"), "{error}");
    store.write(|w| w.undelete_statement(id)).expect("undelete");
    let read = store.statement(id).expect("read");
    let details = StatementDetails {
        title: read.title,
        event: None,
        lang: read.lang,
        template: read.template,
        date: read.date,
    };
    store.write(|w| w.update_statement(id, details)).expect("no event");
    store.write(|w| w.delete_event(event)).expect("unused now");
    assert!(store.events().expect("events").is_empty());
}

#[test]
fn a_section_no_statement_used_goes_with_its_history_and_its_copy_brings_it_back() {
    let (_folder, mut store) = library();
    let keep = store.write(|w| w.add_section(section("Keep", "Used text."))).expect("keep");
    let drop_it = store.write(|w| w.add_section(section("Protection of migrants", "First."))).expect("drop");
    let edit = plenary_store::SectionEdit {
        body: Some("Second.".into()),
        author: "ana".into(),
        ..Default::default()
    };
    store.write(|w| w.edit_section(drop_it, edit)).expect("v2");
    let id = statement(&mut store, "Uses keep");
    store.write(|w| w.add_sections(id, &[keep])).expect("add");

    let error = store.write(|w| w.delete_section(keep)).expect_err("used");
    assert!(error.to_string().contains("take it out of that statement first"), "{error}");
    // A translation link would not come back with Undo: it is ended first.
    let spanish = NewSection { lang: common::lang("es"), ..section("Protección", "Primero.") };
    let spanish = store.write(|w| w.add_section(spanish)).expect("translation");
    store.write(|w| w.link_translations(drop_it, spanish)).expect("link");
    let error = store.write(|w| w.delete_section(spanish)).expect_err("linked");
    assert!(error.to_string().contains("unlink it first"), "{error}");
    store.write(|w| w.unlink_translation(spanish)).expect("unlink");
    let copy = store.shared_library(&[drop_it], &[]).expect("copy");
    let history = store.history(drop_it).expect("history");
    store.write(|w| w.delete_section(drop_it)).expect("delete");
    assert!(matches!(store.section(drop_it), Err(StoreError::NotFound { .. })));
    assert!(store.search(&query("migrants")).expect("search").is_empty(), "out of the index");

    store.write(|w| w.merge_shared(&copy, "")).expect("put back");
    assert_eq!(store.history(drop_it).expect("history"), history, "every version as it was");
    assert_eq!(store.search(&query("migrants")).expect("search").len(), 1);
}
