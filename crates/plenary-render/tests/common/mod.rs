//! A realistic statement to render: English or Spanish, three pages' worth when `long`.

#![allow(dead_code, unreachable_pub)]

pub mod host;

use plenary_core::assembly::{AssembledStatement, AssemblyInput, ResolvedItem, assemble};
use plenary_core::date::Timestamp;
use plenary_core::event::Event;
use plenary_core::id::{EventId, ItemId, StatementId};
use plenary_core::language::Language;
use plenary_core::organisation::{Logo, LogoFormat, Organisation};
use plenary_core::statement::{Consent, Signer, Statement};
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
        // Agreed before Plenary kept the text agreed to: printed, never stale.
        signatories: vec![Signer {
            name: "Alianza Puentes".into(),
            role: Some("Coordinación regional".into()),
            consent: Consent::Agreed { by: None, at: None, text: None },
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
        word_limits: Default::default(),
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
            forked_from: None,
        })
        .collect();
    assemble(AssemblyInput {
        statement: &statement,
        event: Some(&event),
        items,
        facts: &[],
        terms: &[],
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

/// About three pages: several items with lists, quotes, links, emphasis and every character
/// the product brief names.
pub fn long(lang: &str) -> AssembledStatement {
    let (paragraph, title) = if lang == "es" {
        (
            "Las organizaciones de la red acompañan a personas migrantes en tránsito, documentan abusos y proponen \
             políticas públicas basadas en evidencia. ¿Por qué insistimos? ¡Porque la protección de la niñez y de las \
             familias no puede esperar! Pedimos «vías seguras» y “regulares” — sin excepción — para más de 100.000 \
             familias… La criminalización de la migración, la detención y la devolución vulneran el derecho internacional.",
            "Recomendaciones",
        )
    } else {
        (
            "Member organisations accompany migrants in transit, document abuses along the routes and turn that \
             evidence into proposals for public policy. Why do we insist? Because the protection of children and \
             families cannot wait: we call for “safe and regular pathways” — without exception — for more than \
             100,000 families… Criminalisation, detention and refoulement breach international law, and \
             governments’ commitments under the Global Compact must be honoured.",
            "Recommendations",
        )
    };
    let body = |n: usize| {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(paragraph);
            text.push_str("\n\n");
            if i == 1 {
                text.push_str("- first point, with **bold** and _italic_ words;\n- second point, linking to [our report](https://puentes.example.org/report);\n- third point.\n\n");
            }
            if i == 2 {
                text.push_str("> Migration is not a crime. — á é í ó ú ñ ü ¿ ¡ « » “ ” ‘ ’ – — …\n\n");
            }
        }
        text
    };
    let titles: Vec<String> = (1..=6).map(|n| format!("{title} {n}")).collect();
    let bodies: Vec<String> = (0..6).map(|_| body(4)).collect();
    let items: Vec<(&str, &str)> =
        titles.iter().zip(&bodies).map(|(t, b)| (t.as_str(), b.as_str())).collect();
    statement(lang, items)
}
