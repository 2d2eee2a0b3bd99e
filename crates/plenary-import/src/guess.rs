//! Guesses for a proposed section, which the person importing confirms or changes: its kind, from
//! words in its title in English, Spanish, French and Portuguese, and its language, from its text.

use plenary_core::kind::Kind;
use plenary_core::language::Language;

/// Title phrases (lowercase, without accents) that say what a section is for, by kind.
const KIND_PHRASES: [(&str, &[&str]); 5] = [
    (
        "about",
        &[
            "who we are",
            "who are we",
            "about us",
            "quienes somos",
            "sobre nosotros",
            "qui sommes nous",
            "qui nous sommes",
            "a propos",
            "quem somos",
            "sobre nos",
        ],
    ),
    (
        "work",
        &[
            "what we do",
            "what do we do",
            "our work",
            "que hacemos",
            "nuestro trabajo",
            "ce que nous faisons",
            "que faisons nous",
            "notre travail",
            "o que fazemos",
            "nosso trabalho",
        ],
    ),
    (
        "activism",
        &[
            "activism",
            "advocacy",
            "activismo",
            "incidencia",
            "plaidoyer",
            "militantisme",
            "ativismo",
            "incidencia",
        ],
    ),
    (
        "recommendation",
        &[
            "recommendation",
            "we call",
            "our asks",
            "demands",
            "recomendacion",
            "pedimos",
            "exigimos",
            "recommandation",
            "nous demandons",
            "recomendac",
            "reivindicac",
        ],
    ),
    (
        "closing",
        &[
            "closing",
            "conclusion",
            "final remarks",
            "in closing",
            "cierre",
            "para terminar",
            "en conclusion",
            "pour conclure",
            "encerramento",
            "consideracoes finais",
        ],
    ),
];

/// Lowercase, accents removed, punctuation as spaces: "¿Quiénes Somos?" → " quienes somos ".
fn normalised(text: &str) -> String {
    let folded = plenary_core::text::fold(text);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    format!(" {} ", words.join(" "))
}

/// The kind a section's title suggests; `other` when it suggests none.
pub(crate) fn kind(title: &str) -> Kind {
    let title = normalised(title);
    let name = KIND_PHRASES
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|phrase| title.contains(&format!(" {phrase}"))))
        .map_or("other", |(kind, _)| kind);
    Kind::parse(name).unwrap_or_else(|_| Kind::parse("other").expect("a built-in kind"))
}

/// The language of `text` when it can be told with confidence, as a BCP 47 tag.
pub(crate) fn language(text: &str) -> Option<Language> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    let code = match info.lang() {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Ara => "ar",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Cmn => "zh",
        _ => return None,
    };
    Language::parse("lang", code).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_guessed_from_titles_in_four_languages() {
        for (title, expected) in [
            ("Who Are We?", "about"),
            ("¿Quiénes somos?", "about"),
            ("Qui sommes-nous ?", "about"),
            ("Quem somos", "about"),
            ("What Do We Do?", "work"),
            ("Global Activism", "activism"),
            ("Incidencia política", "activism"),
            ("Our recommendations to states", "recommendation"),
            ("Recomendações", "recommendation"),
            ("In closing", "closing"),
            ("Protection must come first", "other"),
        ] {
            assert_eq!(kind(title).as_str(), expected, "{title}");
        }
    }

    #[test]
    fn languages_are_told_apart_when_the_text_is_long_enough() {
        let en = "We are a network of migrant-led organisations working across the region to protect the rights of people on the move.";
        let es = "Somos una red de organizaciones lideradas por personas migrantes que trabajan en toda la región por sus derechos.";
        let fr = "Nous sommes un réseau d'organisations dirigées par des personnes migrantes qui défendent leurs droits dans la région.";
        let pt = "Somos uma rede de organizações lideradas por pessoas migrantes que defendem os seus direitos em toda a região.";
        for (text, code) in [(en, "en"), (es, "es"), (fr, "fr"), (pt, "pt")] {
            assert_eq!(language(text).map(|l| l.as_str().to_owned()).as_deref(), Some(code), "{text}");
        }
        assert_eq!(language("OK"), None);
    }
}
