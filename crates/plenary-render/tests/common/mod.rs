//! A realistic statement to render: English or Spanish, three pages' worth when `long`.

#![allow(dead_code, unreachable_pub)]

use plenary_core::assembly::{AssembledStatement, AssemblyInput, ResolvedItem, assemble};
use plenary_core::date::Timestamp;
use plenary_core::event::Event;
use plenary_core::id::{EventId, ItemId, StatementId};
use plenary_core::language::Language;
use plenary_core::organisation::{Logo, LogoFormat, Organisation};
use plenary_core::statement::{Signatory, Statement};
use plenary_core::status::StatementStatus;

pub fn organisation() -> Organisation {
    Organisation {
        name: "Alianza Puentes".into(),
        short_name: Some("AP".into()),
        logo: Some(Logo { format: LogoFormat::Svg, bytes: br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#1f4e79"/></svg>"##.to_vec() }),
        address: Some("Apartado 1234\nCiudad de Guatemala".into()),
        website: Some("https://puentes.example.org".into()),
    }
}

pub fn statement(lang: &str, items: Vec<(&str, &str)>) -> AssembledStatement {
    let lang = Language::parse("lang", lang).expect("lang");
    let statement = Statement {
        id: StatementId::new_random(),
        title: if lang.primary() == "es" {
            "Declaración de la sociedad civil".into()
        } else {
            "Civil society statement".into()
        },
        event: None,
        lang: lang.clone(),
        date: Some("2027-01-26".parse().expect("date")),
        template: "letterhead".into(),
        status: StatementStatus::Draft,
        signatories: vec![Signatory {
            name: "Alianza Puentes".into(),
            role: Some("Coordinación regional".into()),
        }],
        items: vec![],
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    };
    let event = Event {
        id: EventId::new_random(),
        name: "Global Forum on Migration and Development".into(),
        short_name: Some("GFMD".into()),
        edition: Some("2027".into()),
        city: Some("Bogotá".into()),
        country: Some("Colombia".into()),
        organiser: None,
        starts: Some("2027-01-26".parse().expect("date")),
        ends: Some("2027-01-28".parse().expect("date")),
        deadline: None,
        word_limit: Some(800),
        languages: vec![lang.clone()],
    };
    let items = items
        .into_iter()
        .map(|(title, body)| ResolvedItem {
            id: ItemId::new_random(),
            title: title.into(),
            body: body.into(),
            lang: lang.clone(),
            link: None,
        })
        .collect();
    assemble(AssemblyInput {
        statement: &statement,
        event: Some(&event),
        items,
        facts: &[],
        today: "2027-01-01".parse().expect("date"),
    })
}

pub fn english() -> AssembledStatement {
    statement(
        "en",
        vec![
            (
                "Who we are",
                "Alianza Puentes is a network of **45** organisations in the Americas — “migrant-led”, since 2009.",
            ),
            (
                "Recommendations",
                "1. Create regularisation programmes.\n2. Build *firewalls* between services and enforcement.\n\nSee [our report](https://puentes.example.org/report).",
            ),
            ("Closing", "We thank the organisers."),
        ],
    )
}

pub fn spanish() -> AssembledStatement {
    statement(
        "es",
        vec![
            (
                "Quiénes somos",
                "Alianza Puentes es una red de **45** organizaciones de las Américas. ¿Por qué? ¡Porque migrar no es un delito!",
            ),
            (
                "Recomendaciones",
                "- Programas de regularización.\n- Cortafuegos entre servicios y control migratorio.\n\n> La protección es lo primero.",
            ),
        ],
    )
}
