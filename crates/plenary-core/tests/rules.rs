//! Small rules of the model that other crates lean on, each checked where it is decided (found
//! by a mutation run of this crate: these changed without a test of its own noticing).

use plenary_core::fact::{FactKey, fact_references};
use plenary_core::id::SectionId;
use plenary_core::kind::Kind;
use plenary_core::section::TranslationSource;
use plenary_core::statement::{Consent, Signer, SignerStanding, Standing, consent_text};

fn signer(consent: Consent) -> Signer {
    Signer { name: "Red Regional".into(), role: None, consent }
}

#[test]
fn a_signer_stands_by_the_text_they_agreed_to_and_no_other() {
    let agreed = |text: Option<&str>| Consent::Agreed { by: None, at: None, text: text.map(str::to_owned) };
    let now = consent_text("Statement", [("Who we are", "We are **45**.")]);
    assert_eq!(now, "Statement\n\nWho we are\nWe are 45.");
    assert_eq!(signer(agreed(Some(&now))).standing(&now), Standing::Agreed);
    assert_eq!(signer(agreed(Some("Statement\n\nolder text"))).standing(&now), Standing::Stale);
    assert_eq!(signer(agreed(None)).standing(&now), Standing::Agreed, "agreed before texts were kept");
    assert_eq!(signer(Consent::Invited).standing(&now), Standing::Invited);
    let declined = Consent::Declined { at: "2026-12-01T00:00:00Z".parse().expect("time"), note: None };
    assert_eq!(signer(declined).standing(&now), Standing::Declined);

    let all = SignerStanding::all(vec![signer(agreed(Some(&now))), signer(Consent::Invited)], &now);
    let standings: Vec<Standing> = all.iter().map(|s| s.standing).collect();
    assert_eq!(standings, [Standing::Agreed, Standing::Invited]);
}

#[test]
fn a_translation_is_out_of_date_once_its_source_has_a_newer_version() {
    let source = |made_from, source_version| TranslationSource {
        source: SectionId::new_random(),
        lang: "en".parse().expect("lang"),
        title: "Who we are".into(),
        made_from,
        source_version,
    };
    assert!(!source(3, 3).out_of_date());
    assert!(source(3, 4).out_of_date());
    assert!(!source(4, 3).out_of_date(), "made from a version the source no longer shows as current");
}

#[test]
fn keys_and_kinds_are_written_as_typed() {
    assert_eq!(String::from(FactKey::parse("member_orgs").expect("key")), "member_orgs");
    assert_eq!(String::from(Kind::parse("position").expect("kind")), "position");
}

#[test]
fn a_fact_reference_right_after_closing_braces_is_found() {
    let text = "see {{x}}{{fact.members}} and }}{{fact.countries}}";
    let keys: Vec<String> = fact_references(text).into_iter().map(|r| r.key).collect();
    assert_eq!(keys, ["members", "countries"]);
}
