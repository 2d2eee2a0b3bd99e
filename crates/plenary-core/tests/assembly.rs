//! Assembly rules: order, fact substitution, word counts and every warning.

use plenary_core::assembly::{AssemblyInput, LinkState, ResolvedItem, assemble};
use plenary_core::date::{Date, PartialDate, Timestamp};
use plenary_core::event::Event;
use plenary_core::fact::{Fact, FactKey};
use plenary_core::id::{EventId, ItemId, SectionId, StatementId};
use plenary_core::language::Language;
use plenary_core::statement::Statement;
use plenary_core::status::{SectionStatus, StatementStatus};
use plenary_core::warning::Warning;

fn date(text: &str) -> Date {
    text.parse().expect("test date")
}

fn lang(tag: &str) -> Language {
    Language::parse("lang", tag).expect("test language")
}

fn statement(status: StatementStatus) -> Statement {
    Statement {
        id: StatementId::new_random(),
        title: "Statement to {{fact.forum}}".to_owned(),
        event: None,
        lang: lang("en"),
        date: None,
        template: "letterhead".to_owned(),
        status,
        signatories: vec![],
        items: vec![],
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

fn event(word_limit: Option<u32>, deadline: Option<&str>) -> Event {
    Event {
        id: EventId::new_random(),
        name: "Global Forum on Migration and Development".to_owned(),
        short_name: Some("GFMD".to_owned()),
        edition: Some("2017".to_owned()),
        city: Some("Berlin".to_owned()),
        country: Some("Germany".to_owned()),
        organiser: None,
        starts: Some(date("2017-06-28")),
        ends: Some(date("2017-06-30")),
        deadline: deadline.map(date),
        word_limit,
        word_limits: Default::default(),
        languages: vec![lang("en")],
    }
}

fn fact(key: &str, value: &str, as_of: Option<&str>) -> Fact {
    Fact {
        key: FactKey::parse(key).expect("test key"),
        value: value.to_owned(),
        as_of: as_of.map(|text| PartialDate::parse("as_of", text).expect("test as_of")),
        source: None,
        updated_at: Timestamp::UNIX_EPOCH,
        values: Default::default(),
    }
}

fn text_item(title: &str, body: &str, tag: &str) -> ResolvedItem {
    ResolvedItem {
        id: ItemId::new_random(),
        title: title.to_owned(),
        body: body.to_owned(),
        lang: lang(tag),
        link: None,
        forked_from: None,
    }
}

fn linked_item(body: &str, link: LinkState) -> ResolvedItem {
    ResolvedItem { link: Some(link), ..text_item("Linked", body, "en") }
}

fn link(
    pinned: u32,
    pinned_vetted: bool,
    status: SectionStatus,
    latest_vetted: Option<u32>,
    review_due: Option<&str>,
) -> LinkState {
    LinkState {
        section: SectionId::new_random(),
        pinned,
        pinned_vetted,
        status,
        latest_vetted,
        review_due: review_due.map(date),
        translation_of: None,
    }
}

/// Assembles `items` on 2026-11-26 and returns the warnings' codes with their item positions.
fn check(
    statement: &Statement,
    event: Option<&Event>,
    items: Vec<ResolvedItem>,
    facts: &[Fact],
) -> (Vec<Warning>, usize) {
    let assembled =
        assemble(AssemblyInput { statement, event, items, facts, terms: &[], today: date("2026-11-26") });
    (assembled.warnings, assembled.word_count)
}

#[test]
fn items_keep_order_and_facts_are_substituted() {
    let statement = statement(StatementStatus::Draft);
    let facts = [fact("member_orgs", "45", None), fact("forum", "the GFMD", None)];
    let items = vec![
        text_item("Who we are", "We are **{{fact.member_orgs}}** organisations.", "en"),
        text_item("Quiénes somos", "Somos {{ fact.member_orgs }} organizaciones.", "es"),
    ];
    let assembled = assemble(AssemblyInput {
        statement: &statement,
        event: None,
        items,
        facts: &facts,
        terms: &[],
        today: date("2026-11-26"),
    });
    assert_eq!(assembled.title, "Statement to the GFMD");
    let positions: Vec<_> = assembled.items.iter().map(|item| (item.position, item.title.as_str())).collect();
    assert_eq!(positions, [(1, "Who we are"), (2, "Quiénes somos")]);
    assert_eq!(assembled.items[0].body, "We are **45** organisations.");
    assert_eq!(assembled.items[1].body, "Somos 45 organizaciones.");
    // Signers agree to the title and each item as printed: headings, plain text, facts in.
    assert_eq!(
        assembled.consent_text(),
        "Statement to the GFMD\n\nWho we are\nWe are 45 organisations.\n\nQuiénes somos\nSomos 45 organizaciones."
    );
    // "Who we are" + "We are 45 organisations." = 3 + 4; "Quiénes somos" + "Somos 45 organizaciones." = 2 + 3.
    assert_eq!(assembled.items[0].word_count, 7);
    assert_eq!(assembled.word_count, 12);
    assert_eq!(assembled.word_count_by_lang.get("en"), Some(&7));
    assert_eq!(assembled.word_count_by_lang.get("es"), Some(&5));
    // The Spanish item in an English statement is named.
    assert_eq!(
        assembled.warnings,
        [Warning::ItemLanguage { item: 2, lang: lang("es"), statement_lang: lang("en") }]
    );
}

#[test]
fn a_vetted_current_link_raises_nothing() {
    let (warnings, _) = check(
        &statement(StatementStatus::Draft),
        None,
        vec![linked_item("Fine.", link(2, true, SectionStatus::Vetted, Some(2), Some("2027-01-01")))],
        &[],
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn unvetted_and_retired_sections_are_flagged() {
    let draft = link(1, false, SectionStatus::Draft, None, None);
    let retired = link(1, true, SectionStatus::Retired, Some(1), None);
    let (draft_section, retired_section) = (draft.section, retired.section);
    let (warnings, _) = check(
        &statement(StatementStatus::Draft),
        None,
        vec![linked_item("a", draft), linked_item("b", retired)],
        &[],
    );
    assert_eq!(
        warnings,
        [
            Warning::UnvettedSection {
                item: 1,
                section: draft_section,
                version: 1,
                status: SectionStatus::Draft
            },
            Warning::RetiredSection { item: 2, section: retired_section },
        ]
    );
}

#[test]
fn a_pin_older_than_the_latest_vetted_version_is_flagged() {
    let outdated = link(1, true, SectionStatus::Draft, Some(3), None);
    let section = outdated.section;
    let (warnings, _) =
        check(&statement(StatementStatus::Draft), None, vec![linked_item("a", outdated)], &[]);
    assert_eq!(warnings, [Warning::OutdatedVersion { item: 1, section, pinned: 1, latest_vetted: 3 }]);
    assert!(warnings[0].message().contains("version 3 is vetted"));
}

#[test]
fn a_passed_review_date_is_flagged() {
    let overdue = link(1, true, SectionStatus::Vetted, Some(1), Some("2026-11-25"));
    let section = overdue.section;
    let (warnings, _) = check(&statement(StatementStatus::Draft), None, vec![linked_item("a", overdue)], &[]);
    assert_eq!(warnings, [Warning::ReviewOverdue { item: 1, section, due: date("2026-11-25") }]);
    let due_today = link(1, true, SectionStatus::Vetted, Some(1), Some("2026-11-26"));
    assert!(
        check(&statement(StatementStatus::Draft), None, vec![linked_item("a", due_today)], &[]).0.is_empty()
    );
}

#[test]
fn unknown_facts_are_flagged_per_item_and_kept_visible() {
    let statement = statement(StatementStatus::Draft);
    let facts = [fact("forum", "GFMD", None)];
    let items = vec![
        text_item("One", "{{fact.missing}} and {{fact.missing}}", "en"),
        text_item("Two", "{{fact.missing}}", "en"),
    ];
    let assembled = assemble(AssemblyInput {
        statement: &statement,
        event: None,
        items,
        facts: &facts,
        terms: &[],
        today: date("2026-11-26"),
    });
    assert_eq!(
        assembled.warnings,
        [
            Warning::UnknownFact { item: 1, key: "missing".into() },
            Warning::UnknownFact { item: 2, key: "missing".into() }
        ]
    );
    assert_eq!(assembled.items[1].body, "{{fact.missing}}");
}

#[test]
fn facts_older_than_a_year_are_flagged_once() {
    let facts = [
        fact("forum", "GFMD", None),
        fact("old", "45", Some("2017-06")),
        fact("recent", "12", Some("2026-01")),
        fact("edge", "7", Some("2025-11-26")),
    ];
    let items = vec![
        text_item("a", "{{fact.recent}} {{fact.old}} {{fact.edge}}", "en"),
        text_item("b", "{{fact.old}}", "en"),
    ];
    let (warnings, _) = check(&statement(StatementStatus::Draft), None, items, &facts);
    let as_of = PartialDate::parse("as_of", "2017-06").expect("as_of");
    assert_eq!(warnings, [Warning::StaleFact { item: 1, key: "old".into(), as_of }]);
}

#[test]
fn word_limit_counts_the_substituted_plain_text() {
    let event = event(Some(5), None);
    let items = vec![text_item("", "One two three four five.", "en")];
    assert!(check(&statement(StatementStatus::Draft), Some(&event), items.clone(), &[]).0.is_empty());
    let over = vec![text_item("", "One two three **four** five [six](https://example.org).", "en")];
    let (warnings, words) = check(&statement(StatementStatus::Draft), Some(&event), over, &[]);
    // The plain text a form receives ends "six (https://example.org).": the address is a word.
    assert_eq!(words, 7);
    assert_eq!(warnings, [Warning::OverWordLimit { words: 7, limit: 5, lang: lang("en") }]);
    assert_eq!(warnings[0].message(), "7 words in 'en' is over the event's limit of 5 by 2");
}

/// "108 of 60" was English and Spanish added together: each language is counted against its
/// own limit, and text in another language than the statement's is named.
#[test]
fn words_are_counted_per_language_against_each_languages_limit() {
    let mut bilingual = event(Some(6), None);
    bilingual.languages = vec![lang("en"), lang("es")];
    bilingual.word_limits.insert(lang("es"), 8);
    let items = vec![
        text_item("", "One two three four five six.", "en"),
        text_item("", "Uno dos tres cuatro cinco seis siete.", "es"),
    ];
    let (warnings, words) = check(&statement(StatementStatus::Draft), Some(&bilingual), items.clone(), &[]);
    assert_eq!(words, 13);
    assert_eq!(
        warnings,
        [Warning::ItemLanguage { item: 2, lang: lang("es"), statement_lang: lang("en") }],
        "6 English words of 6, 7 Spanish of 8: within both limits"
    );
    bilingual.word_limits.insert(lang("es"), 6);
    let (warnings, _) = check(&statement(StatementStatus::Draft), Some(&bilingual), items, &[]);
    assert!(
        warnings.contains(&Warning::OverWordLimit { words: 7, limit: 6, lang: lang("es") }),
        "{warnings:?}"
    );
    assert!(
        !warnings.iter().any(|w| matches!(w, Warning::OverWordLimit { lang, .. } if lang.as_str() == "en"))
    );

    // A French statement for an English and Spanish event.
    let mut french = statement(StatementStatus::Draft);
    french.lang = lang("fr");
    let (warnings, _) = check(&french, Some(&bilingual), vec![], &[]);
    assert_eq!(
        warnings,
        [Warning::LanguageNotAccepted { lang: lang("fr"), accepted: vec![lang("en"), lang("es")] }]
    );
    assert_eq!(warnings[0].message(), "the event accepts statements in en, es only, not 'fr'");
}

#[test]
fn a_passed_deadline_is_flagged_until_submitted() {
    let late = event(None, Some("2026-11-25"));
    let (warnings, _) = check(&statement(StatementStatus::Final), Some(&late), vec![], &[]);
    assert_eq!(warnings, [Warning::PastDeadline { deadline: date("2026-11-25") }]);
    assert!(check(&statement(StatementStatus::Submitted), Some(&late), vec![], &[]).0.is_empty());
    let today = event(None, Some("2026-11-26"));
    assert!(check(&statement(StatementStatus::Draft), Some(&today), vec![], &[]).0.is_empty());
}

#[test]
fn warnings_serialise_with_code_and_item() {
    let warning = Warning::UnknownFact { item: 2, key: "x".into() };
    let json = serde_json::to_value(&warning).expect("json");
    assert_eq!(json, serde_json::json!({"code": "unknown_fact", "item": 2, "key": "x"}));
    assert_eq!(warning.item(), Some(2));
}

#[test]
fn the_facts_used_are_listed_for_the_export_record() {
    let statement = statement(StatementStatus::Draft);
    let facts = [fact("member_orgs", "45", None), fact("unused", "x", None), fact("forum", "GFMD", None)];
    let items = vec![text_item("", "{{fact.member_orgs}} and {{fact.missing}}", "en")];
    let assembled = assemble(AssemblyInput {
        statement: &statement,
        event: None,
        items,
        facts: &facts,
        terms: &[],
        today: date("2026-11-26"),
    });
    let used: Vec<_> = assembled.facts_used.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    // The statement's title cites {{fact.forum}}.
    assert_eq!(used, [("forum", "GFMD"), ("member_orgs", "45")]);
}

/// A fact with a value in Spanish shows it in Spanish text and its value elsewhere; the export
/// record names which was used.
#[test]
fn facts_show_their_value_in_the_texts_language() {
    let mut families = fact("families", "more than 100,000 families", None);
    families.values.insert(lang("es"), "más de 100.000 familias".to_owned());
    let items = vec![
        text_item("", "We reach {{fact.families}}.", "en"),
        text_item("", "Llegamos a {{fact.families}}.", "es"),
    ];
    let mut spanish = statement(StatementStatus::Draft);
    spanish.lang = lang("es");
    let assembled = assemble(AssemblyInput {
        statement: &spanish,
        event: None,
        items,
        facts: &[families],
        terms: &[],
        today: date("2026-11-26"),
    });
    assert_eq!(assembled.items[0].body, "We reach more than 100,000 families.");
    assert_eq!(assembled.items[1].body, "Llegamos a más de 100.000 familias.");
    assert_eq!(assembled.facts_used.get("families").map(String::as_str), Some("more than 100,000 families"));
    assert_eq!(assembled.facts_used.get("families:es").map(String::as_str), Some("más de 100.000 familias"));
}

/// Wording the termbase says to avoid is named, item by item, with the preferred wording.
#[test]
fn terms_to_avoid_are_warnings_naming_the_preferred_wording() {
    let terms = [plenary_core::term::Term {
        id: plenary_core::id::TermId::new_random(),
        lang: lang("en"),
        term: "illegal immigrant".into(),
        prefer: "undocumented migrant".into(),
        note: None,
    }];
    let items = vec![
        text_item("Who we are", "We help every **Illegal Immigrant** and family.", "en"),
        text_item("Quiénes somos", "Illegal immigrant es un término en inglés.", "es"),
    ];
    let assembled = assemble(AssemblyInput {
        statement: &statement(StatementStatus::Draft),
        event: None,
        items,
        facts: &[],
        terms: &terms,
        today: date("2026-11-26"),
    });
    let term = Warning::TermToAvoid {
        item: 1,
        term: "illegal immigrant".into(),
        found: "Illegal Immigrant".into(),
        prefer: "undocumented migrant".into(),
    };
    assert_eq!(assembled.warnings[0], term, "{:?}", assembled.warnings);
    assert!(!assembled.warnings.iter().any(|w| matches!(w, Warning::TermToAvoid { item: 2, .. })));
    assert_eq!(
        assembled.warnings[0].message(),
        "item 1: \"Illegal Immigrant\" is on the list of terms to avoid; write \"undocumented migrant\""
    );
}
