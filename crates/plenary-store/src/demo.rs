//! The demo library a new default library starts with, so that the app (and `plenary` on its
//! default file) is useful the moment it opens: a fictional network's vetted language in English
//! and Spanish, its facts, one event and one statement drafted for it.

use plenary_core::date::{Date, PartialDate};
use plenary_core::fact::FactKey;
use plenary_core::id::{SectionId, StatementId};
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;

use crate::error::StoreResult;
use crate::statements::ConsentAnswer;
use crate::{NewEvent, NewSection, NewStatement, OrganisationUpdate, Write};

/// One demo section in both languages.
struct Pair {
    kind: &'static str,
    tags: &'static [&'static str],
    english: (&'static str, &'static str),
    spanish: (&'static str, &'static str),
    status: SectionStatus,
}

const PAIRS: &[Pair] = &[
    Pair {
        kind: "about",
        tags: &["network"],
        english: (
            "Who we are",
            "Alianza Puentes is a network of {{fact.member_orgs}} migrant-led and community organisations in \
             sending, transit and receiving countries of the Americas. Since 2009 we have brought the voices of \
             migrants and their families to the policy tables where decisions about their lives are made.",
        ),
        spanish: (
            "Quiénes somos",
            "Alianza Puentes es una red de {{fact.member_orgs}} organizaciones comunitarias y lideradas por \
             personas migrantes en países de origen, tránsito y destino de las Américas. Desde 2009 llevamos la \
             voz de las personas migrantes y sus familias a los espacios donde se decide sobre sus vidas.",
        ),
        status: SectionStatus::Vetted,
    },
    Pair {
        kind: "work",
        tags: &["services"],
        english: (
            "What we do",
            "Our members run legal clinics, shelters and know-your-rights workshops, and reach \
             {{fact.families_reached}}. We document abuses along migration routes and turn that evidence into \
             proposals for:\n\n- safe and regular pathways;\n- access to justice regardless of status;\n- \
             decent work and fair recruitment.",
        ),
        spanish: (
            "Qué hacemos",
            "Nuestras organizaciones ofrecen asesoría legal, albergues y talleres sobre derechos, y acompañan a \
             {{fact.families_reached}}. Documentamos abusos en las rutas migratorias y convertimos esa evidencia \
             en propuestas para:\n\n- vías seguras y regulares;\n- acceso a la justicia sin importar el estatus;\n- \
             trabajo decente y contratación equitativa.",
        ),
        status: SectionStatus::Vetted,
    },
    Pair {
        kind: "activism",
        tags: &["gfmd", "un"],
        english: (
            "Global activism",
            "We take part in the Global Forum on Migration and Development, the regional reviews of the *Global \
             Compact for Safe, Orderly and Regular Migration* and the UN human rights mechanisms, always together \
             with migrant leaders.",
        ),
        spanish: (
            "Activismo global",
            "Participamos en el Foro Global sobre Migración y Desarrollo, en las revisiones regionales del *Pacto \
             Mundial para una Migración Segura, Ordenada y Regular* y en los mecanismos de derechos humanos de la \
             ONU, siempre junto a líderes migrantes.",
        ),
        status: SectionStatus::Vetted,
    },
    Pair {
        kind: "position",
        tags: &["protection"],
        english: (
            "Protection must come first",
            "Every policy on migration must start from the protection of the people who move. Border control, \
             labour needs and development goals can never justify returning people to danger, separating \
             families or denying medical care.",
        ),
        spanish: (
            "La protección es lo primero",
            "Toda política migratoria debe partir de la protección de las personas que se desplazan. El control \
             fronterizo, las necesidades laborales o las metas de desarrollo nunca justifican devolver a personas \
             al peligro, separar familias o negar atención médica.",
        ),
        status: SectionStatus::Vetted,
    },
    Pair {
        kind: "position",
        tags: &["detention"],
        english: (
            "End criminalization of migration and detention",
            "Migration is not a crime. We call on states to **end immigration detention of children and \
             families**, to use community-based alternatives, and to stop prosecuting people for how they crossed \
             a border.",
        ),
        spanish: (
            "Fin de la criminalización de la migración y la detención",
            "Migrar no es un delito. Pedimos a los Estados **poner fin a la detención migratoria de niñas, niños \
             y familias**, usar alternativas comunitarias y dejar de procesar penalmente a las personas por la \
             forma en que cruzaron una frontera.",
        ),
        status: SectionStatus::Vetted,
    },
    Pair {
        kind: "recommendation",
        tags: &["gfmd"],
        english: (
            "Recommendations to states",
            "1. Create regularisation programmes open to people already living and working in the country.\n\
             2. Build firewalls between public services and immigration enforcement.\n\
             3. Include migrant-led organisations in the national implementation of the Global Compact.",
        ),
        spanish: (
            "Recomendaciones a los Estados",
            "1. Crear programas de regularización abiertos a quienes ya viven y trabajan en el país.\n\
             2. Establecer cortafuegos entre los servicios públicos y el control migratorio.\n\
             3. Incluir a las organizaciones de personas migrantes en la implementación nacional del Pacto Mundial.",
        ),
        status: SectionStatus::InReview,
    },
    Pair {
        kind: "closing",
        tags: &[],
        english: (
            "Closing",
            "We thank the organisers for this space and remain ready to work with every government that puts \
             human rights at the centre of migration governance.",
        ),
        spanish: (
            "Cierre",
            "Agradecemos a las personas organizadoras por este espacio y reiteramos nuestra disposición a \
             trabajar con todos los gobiernos que pongan los derechos humanos en el centro de la gobernanza \
             migratoria.",
        ),
        status: SectionStatus::Vetted,
    },
];

/// Who vetted the demo's vetted language (a role, as the network's records name it).
const DEMO_REVIEWER: &str = "Dirección ejecutiva";

impl Write<'_> {
    /// Fills an empty library with the demo content; returns the demo statement.
    pub fn add_demo_library(&mut self, author: &str) -> StoreResult<StatementId> {
        let (english, spanish) = (Language::english(), Language::parse("lang", "es")?);
        self.update_organisation(OrganisationUpdate {
            name: Some("Alianza Puentes".to_owned()),
            short_name: Some("AP".to_owned()),
            logo: None,
            address: Some("Apartado 1234\nCiudad de Guatemala, Guatemala".to_owned()),
            website: Some("https://puentes.example.org".to_owned()),
        })?;
        let as_of = Some(PartialDate::parse("as_of", "2026-06")?);
        let facts = [
            ("member_orgs", "45", "Membership register"),
            ("families_reached", "more than 100,000 families in 12 U.S. states", "2025 annual report"),
        ];
        for (key, value, source) in facts {
            self.set_fact(&FactKey::parse(key)?, value, as_of, Some(source.to_owned()))?;
        }
        // Spanish text shows the figure as Spanish writes it.
        let families_es = "más de 100.000 familias en 12 estados de Estados Unidos";
        self.set_fact_value(&FactKey::parse("families_reached")?, &spanish, families_es, None, None)?;

        let mut english_ids: Vec<SectionId> = Vec::new();
        for pair in PAIRS {
            let kind = Kind::parse(pair.kind)?;
            let mut ids = Vec::new();
            for ((title, body), lang) in [(pair.english, &english), (pair.spanish, &spanish)] {
                let id = self.add_section(NewSection {
                    title: title.to_owned(),
                    body: body.to_owned(),
                    kind: kind.clone(),
                    lang: lang.clone(),
                    tags: pair.tags.iter().map(|tag| (*tag).to_owned()).collect(),
                    status: if pair.status == SectionStatus::Draft {
                        SectionStatus::Draft
                    } else {
                        SectionStatus::InReview
                    },
                    owner: Some("Coordinación".to_owned()),
                    review_due: Some(date("2027-06-30")?),
                    author: author.to_owned(),
                    note: Some("demo library".to_owned()),
                })?;
                // Vetted language has been through review, like any other: the record says who.
                if pair.status == SectionStatus::Vetted {
                    self.set_section_status(id, SectionStatus::Vetted, DEMO_REVIEWER)?;
                }
                ids.push(id);
            }
            self.link_translations(ids[0], ids[1])?;
            english_ids.push(ids[0]);
        }

        let event = self.add_event(NewEvent {
            name: "Global Forum on Migration and Development".to_owned(),
            short_name: Some("GFMD".to_owned()),
            edition: Some("2027 Summit".to_owned()),
            city: Some("Bogotá".to_owned()),
            country: Some("Colombia".to_owned()),
            organiser: Some("GFMD Chair".to_owned()),
            starts: Some(date("2027-01-26")?),
            ends: Some(date("2027-01-28")?),
            deadline: Some(date("2027-01-12")?),
            word_limit: Some(800),
            // Spanish says the same in more words.
            word_limits: std::collections::BTreeMap::from([(spanish.clone(), 900)]),
            languages: vec![english.clone(), spanish],
        })?;
        let statement = self.new_statement(NewStatement {
            title: "Civil society statement to the GFMD 2027 Summit".to_owned(),
            event: Some(event),
            lang: Some(english),
            template: None,
            date: Some(date("2027-01-26")?),
        })?;
        // Who we are, what we do, protection, detention, recommendations, closing.
        let chosen: Vec<SectionId> = [0, 1, 3, 4, 5, 6].iter().map(|&index| english_ids[index]).collect();
        self.add_sections(statement, &chosen)?;
        self.add_text(
            statement,
            "For this Summit",
            "As the Summit meets in Bogotá, we ask governments to hear the people who make migration \
             happen: those who leave, those who wait, and those who welcome.",
        )?;
        self.move_item(statement, 7, 6)?;
        self.add_signatory(statement, "Alianza Puentes", Some("Coordinación regional".to_owned()))?;
        // The network agreed to this text; the second signatory has been asked.
        let today = jiff::ZonedDateTime::now().date();
        self.record_consent(statement, 1, ConsentAnswer::Agreed { by: author.to_owned() }, today)?;
        self.add_signatory(statement, "Red Jesuita con Migrantes", Some("Equipo de incidencia".to_owned()))?;
        Ok(statement)
    }
}

fn date(text: &str) -> StoreResult<Date> {
    Ok(plenary_core::date::parse_date("date", text)?)
}
