//! Full-text search: ranking, accents, filters, snippets, prefixes.

mod common;

use common::{kind, lang, library, section};
use plenary_core::status::SectionStatus;
use plenary_store::{SearchQuery, SectionEdit, SectionFilter, Store};

fn search(store: &Store, text: &str, filter: SectionFilter) -> Vec<String> {
    let query = SearchQuery { text: text.to_owned(), filter, limit: 20 };
    store.search(&query).expect("search").into_iter().map(|hit| hit.title).collect()
}

fn spanish_library() -> (tempfile::TempDir, Store) {
    let (folder, mut store) = library();
    let mut sections = vec![
        section(
            "Fin de la criminalización",
            "Pedimos el fin de la criminalización de la migración y de la detención.",
        ),
        section("Protección", "La protección de las personas migrantes debe ser lo primero."),
        section("Who we are", "A network of 45 organisations working on migration across the Americas."),
        section(
            "Migration and development",
            "Migration is a driver of development; migration policy must protect rights.",
        ),
    ];
    sections[0].lang = lang("es");
    sections[1].lang = lang("es");
    sections[1].tags = vec!["detención".into()];
    sections[2].kind = kind("about");
    for new in sections {
        store.write(|w| w.add_section(new)).expect("add");
    }
    (folder, store)
}

#[test]
fn searching_without_accents_finds_accented_words() {
    let (_folder, store) = spanish_library();
    assert_eq!(search(&store, "criminalizacion", SectionFilter::default()), ["Fin de la criminalización"]);
    assert_eq!(search(&store, "PROTECCION", SectionFilter::default()), ["Protección"]);
    // And the other way round.
    assert_eq!(search(&store, "organisátions ", SectionFilter::default()), ["Who we are"]);
}

#[test]
fn title_matches_and_frequent_terms_rank_first() {
    let (_folder, store) = spanish_library();
    let hits = search(&store, "migration ", SectionFilter::default());
    assert_eq!(hits, ["Migration and development", "Who we are"]);
}

#[test]
fn every_word_must_match_and_the_last_is_a_prefix() {
    let (_folder, store) = spanish_library();
    assert_eq!(search(&store, "migracion deten", SectionFilter::default()), ["Fin de la criminalización"]);
    assert_eq!(search(&store, "migracion deten ", SectionFilter::default()), Vec::<String>::new());
    assert_eq!(search(&store, "\"debe ser\"", SectionFilter::default()), ["Protección"]);
    assert!(search(&store, "   ", SectionFilter::default()).is_empty());
    // FTS5 syntax typed by a user is just words.
    assert!(search(&store, "NEAR(migration OR) AND -", SectionFilter::default()).is_empty());
}

#[test]
fn tags_are_searched_and_filters_apply() {
    let (_folder, store) = spanish_library();
    assert_eq!(
        search(&store, "detencion", SectionFilter::default()),
        ["Protección", "Fin de la criminalización"]
    );
    let spanish = SectionFilter { lang: Some(lang("es")), ..Default::default() };
    assert_eq!(search(&store, "migra", spanish).len(), 2);
    let about = SectionFilter { kind: Some(kind("about")), ..Default::default() };
    assert_eq!(search(&store, "migration", about), ["Who we are"]);
    let vetted = SectionFilter { status: Some(SectionStatus::Vetted), ..Default::default() };
    assert!(search(&store, "migration", vetted).is_empty());
    let tagged = SectionFilter { tag: Some("DETENCIÓN".into()), ..Default::default() };
    assert_eq!(search(&store, "personas", tagged), ["Protección"]);
}

#[test]
fn snippets_mark_matches_and_escape_the_rest() {
    let (_folder, mut store) = library();
    let body = "Intro text. <script>alert('x')</script> We **oppose** the detention of children & families.";
    store.write(|w| w.add_section(section("Children", body))).expect("add");
    let query = SearchQuery { text: "detention children".into(), filter: SectionFilter::default(), limit: 5 };
    let hits = store.search(&query).expect("search");
    assert_eq!(hits.len(), 1);
    let snippet = &hits[0].snippet;
    assert!(snippet.contains("<mark>detention</mark>"), "{snippet}");
    assert!(snippet.contains("<mark>children</mark>"), "{snippet}");
    assert!(snippet.contains("&amp; families"), "{snippet}");
    assert!(!snippet.contains("<script") && !snippet.contains("**"), "{snippet}");
}

#[test]
fn search_follows_the_current_version() {
    let (_folder, mut store) = library();
    let id = store.write(|w| w.add_section(section("Old wording", "irregular migrants"))).expect("add");
    let edit = SectionEdit {
        body: Some("undocumented migrants".into()),
        author: "ana".into(),
        ..Default::default()
    };
    store.write(|w| w.edit_section(id, edit)).expect("edit");
    assert!(search(&store, "irregular", SectionFilter::default()).is_empty());
    assert_eq!(search(&store, "undocumented", SectionFilter::default()), ["Old wording"]);
    assert!(store.check().expect("check").is_sound());
}

#[test]
fn broad_queries_put_title_matches_first_and_still_fill_the_page() {
    let (_folder, mut store) = library();
    store
        .write(|w| {
            w.add_section(section("Migration policy", "An early section."))?;
            for n in 0..plenary_store::RANK_ALL_UP_TO + 50 {
                w.add_section(section(&format!("Note {n}"), "Text about migration and rights."))?;
            }
            Ok(())
        })
        .expect("add");
    let query = SearchQuery { text: "migration".into(), filter: SectionFilter::default(), limit: 10 };
    let hits = store.search(&query).expect("search");
    assert_eq!(hits.len(), 10);
    assert_eq!(hits[0].title, "Migration policy", "the only title match, though the oldest, comes first");
    assert!(hits[1..].iter().all(|hit| hit.snippet.contains("<mark>migration</mark>")));
}

#[test]
fn a_page_is_filled_past_title_matches_that_also_match_in_the_text() {
    let (_folder, mut store) = library();
    store
        .write(|w| {
            for n in 0..2 {
                w.add_section(section(
                    &format!("Detention {n}"),
                    "Detention, detention and detention again.",
                ))?;
            }
            for n in 0..3 {
                w.add_section(section(
                    &format!("Note {n}"),
                    "One line on detention among many other words.",
                ))?;
            }
            Ok(())
        })
        .expect("add");
    let query = SearchQuery { text: "detention".into(), filter: SectionFilter::default(), limit: 4 };
    let titles: Vec<String> =
        store.search(&query).expect("search").into_iter().map(|hit| hit.title).collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert!(titles[..2].iter().all(|t| t.starts_with("Detention")), "{titles:?}");
    assert!(titles[2..].iter().all(|t| t.starts_with("Note")), "{titles:?}");
}

#[test]
fn a_word_in_the_tags_weighs_more_than_the_same_word_in_the_text() {
    let (_folder, mut store) = library();
    let mut tagged = section("Pathways", "Children need care here.");
    tagged.tags = vec!["detention".into()];
    store
        .write(|w| {
            w.add_section(tagged)?;
            w.add_section(section("Alternatives", "Detention harms children here."))?;
            for n in 0..4 {
                w.add_section(section(&format!("Filler {n}"), "Nothing about it."))?;
            }
            Ok(())
        })
        .expect("add");
    // Neither has both words in its title and tags, so the whole text ranks them; on a tie the
    // newer would come first.
    assert_eq!(search(&store, "detention children", SectionFilter::default()), ["Pathways", "Alternatives"]);
}

#[test]
fn a_section_missing_from_the_search_index_is_reported_by_the_check() {
    let (folder, mut store) = library();
    store
        .write(|w| {
            w.add_section(section("Detention", "One."))?;
            w.add_section(section("Protection", "Two."))?;
            Ok(())
        })
        .expect("add");
    assert!(store.check().expect("check").is_sound());
    drop(store);
    let path = folder.path().join("library.sqlite3");
    let conn = rusqlite::Connection::open(&path).expect("open the file directly");
    conn.execute("DELETE FROM section_search WHERE rowid = (SELECT min(seq) FROM sections)", [])
        .expect("drop one section from the index");
    drop(conn);
    let store = Store::open(&path).expect("reopen");
    let report = store.check().expect("check");
    assert_eq!(report.problems, [plenary_store::Problem::SearchIndex { by: 1 }]);
    assert!(!report.is_sound());
}
