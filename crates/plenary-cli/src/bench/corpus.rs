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

struct Vocabulary {
    subjects: &'static [&'static str],
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    tails: &'static [&'static str],
    titles: &'static [&'static str],
}

const ENGLISH: Vocabulary = Vocabulary {
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
        "the protection of migrants' rights",
        "an end to the criminalization of migration",
        "alternatives to immigration detention",
        "safe and regular pathways",
        "access to justice",
        "decent work and fair recruitment",
        "family reunification",
        "the rights of children on the move",
        "gender-responsive migration policies",
        "humanitarian visas",
        "labour mobility schemes",
        "the Global Compact for Migration",
        "inclusive development",
        "non-refoulement",
        "climate-induced displacement responses",
        "consular protection",
        "portable social security",
        "remittance costs below three percent",
        "firewalls between services and enforcement",
        "the participation of migrants in policy making",
        "xenophobia and hate speech",
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
    titles: &[
        "Who we are",
        "What we do",
        "Global activism",
        "Protection must come first",
        "End criminalization of migration and detention",
        "Recommendations to states",
        "Our members",
        "Labour migration",
        "Children on the move",
        "Climate and displacement",
        "Closing remarks",
        "Access to justice",
        "Regular pathways",
        "Return and reintegration",
        "Gender and migration",
        "Xenophobia and public discourse",
        "Remittances and development",
        "Consular protection",
    ],
};

const SPANISH: Vocabulary = Vocabulary {
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
        "la protección de los derechos de las personas migrantes",
        "el fin de la criminalización de la migración",
        "alternativas a la detención migratoria",
        "vías seguras y regulares",
        "el acceso a la justicia",
        "el trabajo decente y la contratación equitativa",
        "la reunificación familiar",
        "los derechos de la niñez en movimiento",
        "políticas migratorias con enfoque de género",
        "visas humanitarias",
        "la movilidad laboral",
        "el Pacto Mundial para la Migración",
        "un desarrollo inclusivo",
        "la no devolución",
        "respuestas al desplazamiento climático",
        "la protección consular",
        "la seguridad social portátil",
        "remesas con costos menores al tres por ciento",
        "la participación de las personas migrantes",
        "la xenofobia y el discurso de odio",
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
    titles: &[
        "Quiénes somos",
        "Qué hacemos",
        "Activismo global",
        "La protección es lo primero",
        "Fin de la criminalización de la migración y la detención",
        "Recomendaciones a los Estados",
        "Nuestras organizaciones",
        "Migración laboral",
        "Niñez en movimiento",
        "Clima y desplazamiento",
        "Palabras de cierre",
        "Acceso a la justicia",
        "Vías regulares",
        "Retorno y reintegración",
        "Género y migración",
        "Xenofobia y discurso público",
        "Remesas y desarrollo",
        "Protección consular",
    ],
};

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

fn sentence(rng: &mut fastrand::Rng, vocabulary: &Vocabulary) -> String {
    let mut text = format!(
        "{} {} {}",
        pick(rng, vocabulary.subjects),
        pick(rng, vocabulary.verbs),
        pick(rng, vocabulary.objects)
    );
    if rng.bool() {
        text.push(' ');
        text.push_str(pick(rng, vocabulary.tails));
    }
    text.push('.');
    text
}

/// Markdown prose of roughly `target` words in paragraphs, sometimes with a list or emphasis.
fn body(rng: &mut fastrand::Rng, vocabulary: &Vocabulary, target: usize) -> String {
    let mut paragraphs = Vec::new();
    let mut words = 0;
    while words < target {
        let sentences: Vec<String> = (0..rng.usize(2..5)).map(|_| sentence(rng, vocabulary)).collect();
        let mut paragraph = sentences.join(" ");
        if rng.u8(..10) == 0 {
            let items: Vec<String> = (0..3).map(|_| format!("- {}", pick(rng, vocabulary.objects))).collect();
            paragraph = format!("{paragraph}\n\n{}", items.join("\n"));
        } else if rng.u8(..6) == 0 {
            paragraph = format!("**{paragraph}**");
        }
        words += paragraph.split_whitespace().count();
        paragraphs.push(paragraph);
    }
    paragraphs.join("\n\n")
}

/// One section with 0–3 later revisions, 80–400 words, 60 % English.
pub(super) fn section(rng: &mut fastrand::Rng) -> SectionDraft {
    let spanish = rng.u8(..10) < 4;
    let (vocabulary, lang) = if spanish { (&SPANISH, "es") } else { (&ENGLISH, "en") };
    let target = rng.usize(80..=400);
    let text = body(rng, vocabulary, target);
    let words = text.split_whitespace().count();
    let revisions = (0..rng.usize(0..=3))
        .map(|n| (body(rng, vocabulary, target), format!("revision {}", n + 1)))
        .collect();
    let status = [
        SectionStatus::Vetted,
        SectionStatus::Vetted,
        SectionStatus::Draft,
        SectionStatus::InReview,
        SectionStatus::Retired,
    ][rng.usize(..5)];
    let tags = (0..rng.usize(0..=3)).map(|_| pick(rng, TAGS).to_owned()).collect();
    SectionDraft {
        new: NewSection {
            title: format!("{} {}", pick(rng, vocabulary.titles), rng.u16(1..2000)),
            body: text,
            kind: Kind::parse(BUILTIN_KINDS[rng.usize(..BUILTIN_KINDS.len())])
                .unwrap_or_else(|_| unreachable!()),
            lang: Language::parse("lang", lang).unwrap_or_else(|_| Language::english()),
            tags,
            status: SectionStatus::Vetted,
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
