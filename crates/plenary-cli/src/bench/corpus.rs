//! A generator of realistic library content: advocacy prose in English and Spanish, built from
//! phrases of the kind NGO statements use, so that word frequencies, accents and lengths resemble
//! a real library.

use plenary_core::kind::{BUILTIN_KINDS, Kind};
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;
use plenary_store::{NewSection, SearchQuery, SectionFilter};

/// A section to create, the later revisions of its body, and the status it ends in.
pub(super) struct SectionDraft {
    pub(super) new: NewSection,
    pub(super) revisions: Vec<(String, String)>,
    pub(super) status: SectionStatus,
    pub(super) words: usize,
}

/// The words every section shares: who acts, how, where.
struct Common {
    subjects: &'static [&'static str],
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    tails: &'static [&'static str],
}

/// A subject an organisation writes about: its headings and the phrases only it uses.
struct Topic {
    titles: [&'static str; 2],
    english: &'static [&'static str],
    spanish: &'static [&'static str],
}

const ENGLISH: Common = Common {
    subjects: &[
        "Our network",
        "Civil society",
        "Member organisations",
        "Migrant workers",
        "Governments",
        "Local communities",
        "The Forum",
        "States of origin and destination",
        "Our 45 member organisations",
        "Diaspora groups",
        "Women migrants",
        "Young people on the move",
        "Regional bodies",
        "Faith-based groups",
        "Trade unions",
        "Municipal authorities",
        "Returnees",
        "Families in 12 states",
    ],
    verbs: &[
        "call for",
        "work towards",
        "defend",
        "document",
        "oppose",
        "promote",
        "demand",
        "support",
        "monitor",
        "advocate for",
        "denounce",
        "strengthen",
        "protect",
        "recognise",
        "invest in",
        "build",
    ],
    objects: &[
        "the rights of every person",
        "the participation of migrants in policy making",
        "inclusive development",
        "accountability for commitments",
        "international cooperation",
        "evidence-based policy",
    ],
    tails: &[
        "across the Americas",
        "at the national and local level",
        "in every corridor",
        "without exception",
        "in line with international law",
        "since 2006",
        "through coordinated action",
        "in the region",
        "before the next Summit",
        "with the full participation of civil society",
        "as a matter of urgency",
        "in countries of transit",
        "at borders and beyond",
        "for more than 100,000 families",
    ],
};

const SPANISH: Common = Common {
    subjects: &[
        "Nuestra red",
        "La sociedad civil",
        "Las organizaciones miembro",
        "Las personas migrantes",
        "Los gobiernos",
        "Las comunidades locales",
        "El Foro",
        "Los Estados de origen y destino",
        "Nuestras 45 organizaciones",
        "La diáspora",
        "Las mujeres migrantes",
        "Las juventudes en movimiento",
        "Los organismos regionales",
        "Las iglesias",
        "Los sindicatos",
        "Las autoridades municipales",
        "Las personas retornadas",
        "Las familias de 12 estados",
    ],
    verbs: &[
        "exigimos",
        "trabajamos por",
        "defendemos",
        "documentamos",
        "rechazamos",
        "promovemos",
        "pedimos",
        "apoyamos",
        "monitoreamos",
        "abogamos por",
        "denunciamos",
        "fortalecemos",
        "protegemos",
        "reconocemos",
        "invertimos en",
        "construimos",
    ],
    objects: &[
        "los derechos de todas las personas",
        "la participación de las personas migrantes en las políticas",
        "un desarrollo inclusivo",
        "la rendición de cuentas",
        "la cooperación internacional",
        "políticas basadas en evidencia",
    ],
    tails: &[
        "en las Américas",
        "a nivel nacional y local",
        "en cada corredor",
        "sin excepción",
        "conforme al derecho internacional",
        "desde 2006",
        "mediante la acción coordinada",
        "en la región",
        "antes de la próxima Cumbre",
        "con la plena participación de la sociedad civil",
        "con urgencia",
        "en los países de tránsito",
        "en las fronteras y más allá",
        "para más de 100.000 familias",
    ],
};

const TOPICS: &[Topic] = &[
    Topic {
        titles: ["Who we are", "Quiénes somos"],
        english: &[
            "a network of grassroots organisations",
            "our members in sending and receiving countries",
            "a coalition founded by migrant leaders",
        ],
        spanish: &[
            "una red de organizaciones de base",
            "nuestras organizaciones en países de origen y destino",
            "una coalición fundada por líderes migrantes",
        ],
    },
    Topic {
        titles: ["Protection must come first", "La protección es lo primero"],
        english: &[
            "the protection of migrants' rights",
            "protection at sea and on land",
            "protection for people in vulnerable situations",
        ],
        spanish: &[
            "la protección de los derechos de las personas migrantes",
            "la protección en el mar y en tierra",
            "la protección de personas en situación de vulnerabilidad",
        ],
    },
    Topic {
        titles: [
            "End criminalization of migration and detention",
            "Fin de la criminalización de la migración y la detención",
        ],
        english: &[
            "an end to the criminalization of migration",
            "alternatives to immigration detention",
            "the release of detained children",
        ],
        spanish: &[
            "el fin de la criminalización de la migración",
            "alternativas a la detención migratoria",
            "la liberación de la niñez detenida",
        ],
    },
    Topic {
        titles: ["Labour migration", "Migración laboral"],
        english: &[
            "decent work and fair recruitment",
            "labour mobility schemes",
            "the ratification of ILO conventions",
        ],
        spanish: &[
            "el trabajo decente y la contratación equitativa",
            "la movilidad laboral",
            "la ratificación de los convenios de la OIT",
        ],
    },
    Topic {
        titles: ["Children on the move", "Niñez en movimiento"],
        english: &[
            "the rights of children on the move",
            "the best interests of the child",
            "family-based care for unaccompanied minors",
        ],
        spanish: &[
            "los derechos de la niñez en movimiento",
            "el interés superior de la niñez",
            "el cuidado familiar de la niñez no acompañada",
        ],
    },
    Topic {
        titles: ["Climate and displacement", "Clima y desplazamiento"],
        english: &[
            "climate-induced displacement responses",
            "planned relocation with consent",
            "humanitarian visas after disasters",
        ],
        spanish: &[
            "respuestas al desplazamiento climático",
            "la reubicación planificada con consentimiento",
            "visas humanitarias tras desastres",
        ],
    },
    Topic {
        titles: ["Regular pathways", "Vías regulares"],
        english: &["safe and regular pathways", "family reunification", "regularisation programmes"],
        spanish: &["vías seguras y regulares", "la reunificación familiar", "programas de regularización"],
    },
    Topic {
        titles: ["Access to justice", "Acceso a la justicia"],
        english: &[
            "access to justice",
            "firewalls between services and enforcement",
            "legal aid for migrants",
        ],
        spanish: &[
            "el acceso a la justicia",
            "cortafuegos entre servicios y control migratorio",
            "la asistencia legal gratuita",
        ],
    },
    Topic {
        titles: ["Gender and migration", "Género y migración"],
        english: &[
            "gender-responsive migration policies",
            "the rights of domestic workers",
            "protection from gender-based violence",
        ],
        spanish: &[
            "políticas migratorias con enfoque de género",
            "los derechos de las trabajadoras del hogar",
            "la protección frente a la violencia de género",
        ],
    },
    Topic {
        titles: ["Xenophobia and public discourse", "Xenofobia y discurso público"],
        english: &[
            "an end to xenophobia and hate speech",
            "accurate reporting on migration",
            "campaigns against discrimination",
        ],
        spanish: &[
            "el fin de la xenofobia y el discurso de odio",
            "una cobertura mediática rigurosa",
            "campañas contra la discriminación",
        ],
    },
    Topic {
        titles: ["Remittances and development", "Remesas y desarrollo"],
        english: &[
            "remittance costs below three percent",
            "diaspora investment",
            "financial inclusion of migrant families",
        ],
        spanish: &[
            "remesas con costos menores al tres por ciento",
            "la inversión de la diáspora",
            "la inclusión financiera de las familias migrantes",
        ],
    },
    Topic {
        titles: ["Return and reintegration", "Retorno y reintegración"],
        english: &["dignified return and reintegration", "non-refoulement", "support for deported people"],
        spanish: &[
            "el retorno digno y la reintegración",
            "la no devolución",
            "el apoyo a personas deportadas",
        ],
    },
    Topic {
        titles: ["The Global Compact", "El Pacto Mundial"],
        english: &[
            "the implementation of the Global Compact for Migration",
            "national implementation plans",
            "the regional review of the Compact",
        ],
        spanish: &[
            "la implementación del Pacto Mundial para la Migración",
            "planes nacionales de implementación",
            "la revisión regional del Pacto",
        ],
    },
    Topic {
        titles: ["Consular protection", "Protección consular"],
        english: &["consular protection", "identity documents for nationals abroad", "mobile consulates"],
        spanish: &[
            "la protección consular",
            "documentos de identidad para connacionales",
            "consulados móviles",
        ],
    },
    Topic {
        titles: ["Health and social protection", "Salud y protección social"],
        english: &["universal access to health care", "portable social security", "mental health support"],
        spanish: &[
            "el acceso universal a la salud",
            "la seguridad social portátil",
            "la atención en salud mental",
        ],
    },
    Topic {
        titles: ["Closing remarks", "Palabras de cierre"],
        english: &[
            "our continued engagement with this process",
            "a follow-up meeting with civil society",
            "concrete commitments at this Summit",
        ],
        spanish: &[
            "nuestro compromiso continuo con este proceso",
            "una reunión de seguimiento con la sociedad civil",
            "compromisos concretos en esta Cumbre",
        ],
    },
];

const TAGS: &[&str] = &[
    "gfmd",
    "detention",
    "children",
    "labour",
    "climate",
    "gender",
    "un",
    "americas",
    "compact",
    "regional",
    "xenophobia",
    "remittances",
    "return",
    "justice",
    "2017",
    "2018",
    "summit",
];

fn pick<'a>(rng: &mut fastrand::Rng, words: &'a [&'a str]) -> &'a str {
    // Squaring a uniform index favours the first entries, like word frequencies in real prose.
    let u = rng.f64();
    words[((u * u) * words.len() as f64) as usize % words.len()]
}

fn sentence(rng: &mut fastrand::Rng, common: &Common, topics: [&[&'static str]; 2]) -> String {
    // Mostly the section's own topic, sometimes a related one, sometimes general language.
    let object = match rng.u8(..20) {
        0..=12 => pick(rng, topics[0]),
        13..=16 => pick(rng, topics[1]),
        _ => pick(rng, common.objects),
    };
    let mut text = format!("{} {} {object}", pick(rng, common.subjects), pick(rng, common.verbs));
    if rng.bool() {
        text.push(' ');
        text.push_str(pick(rng, common.tails));
    }
    text.push('.');
    text
}

/// Markdown prose of roughly `target` words in paragraphs, sometimes with a list or emphasis.
fn body(rng: &mut fastrand::Rng, common: &Common, topics: [&[&'static str]; 2], target: usize) -> String {
    let mut paragraphs = Vec::new();
    let mut words = 0;
    while words < target {
        let sentences: Vec<String> = (0..rng.usize(2..5)).map(|_| sentence(rng, common, topics)).collect();
        let mut paragraph = sentences.join(" ");
        if rng.u8(..10) == 0 {
            let items: Vec<String> = (0..3).map(|_| format!("- {}", pick(rng, topics[0]))).collect();
            paragraph = format!("{paragraph}\n\n{}", items.join("\n"));
        } else if rng.u8(..6) == 0 {
            paragraph = format!("**{paragraph}**");
        }
        words += paragraph.split_whitespace().count();
        paragraphs.push(paragraph);
    }
    paragraphs.join("\n\n")
}

/// One section on one topic (with a related one), 80–400 words, 60 % English, 0–3 revisions.
pub(crate) fn section(rng: &mut fastrand::Rng) -> SectionDraft {
    let spanish = rng.u8(..10) < 4;
    let (common, lang) = if spanish { (&SPANISH, "es") } else { (&ENGLISH, "en") };
    let (main, related) = (&TOPICS[rng.usize(..TOPICS.len())], &TOPICS[rng.usize(..TOPICS.len())]);
    let phrases = |topic: &Topic| if spanish { topic.spanish } else { topic.english };
    let topics = [phrases(main), phrases(related)];
    let target = rng.usize(80..=400);
    let text = body(rng, common, topics, target);
    let words = text.split_whitespace().count();
    let revisions = (0..rng.usize(0..=3))
        .map(|n| (body(rng, common, topics, target), format!("revision {}", n + 1)))
        .collect();
    let status = [
        SectionStatus::Vetted,
        SectionStatus::Vetted,
        SectionStatus::Draft,
        SectionStatus::InReview,
        SectionStatus::Retired,
    ][rng.usize(..5)];
    let tags = (0..rng.usize(0..=3)).map(|_| pick(rng, TAGS).to_owned()).collect();
    let kind = BUILTIN_KINDS[rng.usize(..BUILTIN_KINDS.len())];
    SectionDraft {
        new: NewSection {
            title: format!("{} ({})", main.titles[usize::from(spanish)], rng.u16(1..2000)),
            body: text,
            kind: Kind::parse(kind).unwrap_or_else(|_| unreachable!("built-in kinds are valid")),
            lang: Language::parse("lang", lang).unwrap_or_else(|_| Language::english()),
            tags,
            status: SectionStatus::InReview,
            owner: Some(["Marta", "Luis", "Ana", "Joseph"][rng.usize(..4)].to_owned()),
            review_due: None,
            author: "bench".to_owned(),
            note: None,
        },
        revisions,
        status,
        words,
    }
}

/// What people type in the search box: words, two-word queries, half-typed words, accents
/// missing, phrases; a third with a filter.
pub(super) fn queries(count: usize, rng: &mut fastrand::Rng) -> Vec<SearchQuery> {
    const TYPED: &[&str] = &[
        "migration",
        "migracion",
        "detention",
        "detención",
        "protection",
        "proteccion de",
        "children",
        "niñez",
        "criminalization",
        "criminalizacion migracion",
        "decent work",
        "trabajo decente",
        "regular pathways",
        "vias seguras",
        "remittances",
        "remesas",
        "xenophobia",
        "xenofobia",
        "climate displacement",
        "desplazamiento",
        "consular",
        "justice",
        "justicia",
        "compact",
        "pacto mundial",
        "family reunification",
        "reunificacion",
        "gender",
        "genero",
        "famil",
        "migr",
        "deten",
        "prot",
        "\"safe and regular\"",
        "\"derechos de la niñez\"",
        "labour mobility",
        "movilidad",
        "non-refoulement",
        "humanitarian visas",
        "civil society",
        "sociedad civil",
        "summit",
        "100,000 families",
        "45 organisations",
        "xeno",
        "returnees",
        "retorno",
        "inclusive development",
    ];
    (0..count)
        .map(|_| {
            let text = TYPED[rng.usize(..TYPED.len())].to_owned();
            let filter = match rng.u8(..9) {
                0 => SectionFilter {
                    lang: Language::parse("lang", ["en", "es"][rng.usize(..2)]).ok(),
                    ..Default::default()
                },
                1 => SectionFilter { status: Some(SectionStatus::Vetted), ..Default::default() },
                2 => SectionFilter { kind: Kind::parse("position").ok(), ..Default::default() },
                _ => SectionFilter::default(),
            };
            SearchQuery { text, filter, limit: 20 }
        })
        .collect()
}
