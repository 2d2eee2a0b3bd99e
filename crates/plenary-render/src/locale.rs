//! The few words and date formats exports print, in the statement's language (English, Spanish,
//! French, Portuguese; others fall back to English).

use jiff::civil::Date;
use serde::Serialize;

/// Interface words a template may print.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Labels {
    pub(crate) signed: &'static str,
    pub(crate) words: &'static str,
    pub(crate) page: &'static str,
    pub(crate) of: &'static str,
}

pub(crate) fn labels(lang: &str) -> Labels {
    match primary(lang) {
        "es" => Labels { signed: "Firman", words: "palabras", page: "Página", of: "de" },
        "fr" => Labels { signed: "Signataires", words: "mots", page: "Page", of: "sur" },
        "pt" => Labels { signed: "Assinam", words: "palavras", page: "Página", of: "de" },
        _ => Labels { signed: "Signed", words: "words", page: "Page", of: "of" },
    }
}

fn primary(lang: &str) -> &str {
    lang.split('-').next().unwrap_or(lang)
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_PT: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

fn month(lang: &str, date: Date) -> &'static str {
    let index = (date.month() as usize).saturating_sub(1).min(11);
    match primary(lang) {
        "es" => MONTHS_ES[index],
        "fr" => MONTHS_FR[index],
        "pt" => MONTHS_PT[index],
        _ => MONTHS_EN[index],
    }
}

/// "26 January 2027", "26 de enero de 2027", "26 janvier 2027", "26 de janeiro de 2027".
pub(crate) fn long_date(lang: &str, date: Date) -> String {
    let (day, month, year) = (date.day(), month(lang, date), date.year());
    match primary(lang) {
        "es" | "pt" => format!("{day} de {month} de {year}"),
        _ => format!("{day} {month} {year}"),
    }
}

/// A span of days, shortest form: "26–28 January 2027", "30 June – 2 July 2027".
pub(crate) fn date_range(lang: &str, starts: Date, ends: Date) -> String {
    if starts == ends {
        return long_date(lang, starts);
    }
    let joiner = if matches!(primary(lang), "es" | "pt") { " de " } else { " " };
    if starts.year() == ends.year() && starts.month() == ends.month() {
        format!("{}–{}", starts.day(), long_date(lang, ends))
    } else if starts.year() == ends.year() {
        format!("{}{joiner}{} – {}", starts.day(), month(lang, starts), long_date(lang, ends))
    } else {
        format!("{} – {}", long_date(lang, starts), long_date(lang, ends))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("date")
    }

    #[test]
    fn dates_are_spelled_out_per_language() {
        assert_eq!(long_date("en", date("2027-01-26")), "26 January 2027");
        assert_eq!(long_date("es-419", date("2027-01-26")), "26 de enero de 2027");
        assert_eq!(long_date("fr", date("2027-08-01")), "1 août 2027");
        assert_eq!(long_date("pt-BR", date("2027-03-09")), "9 de março de 2027");
        assert_eq!(date_range("en", date("2027-01-26"), date("2027-01-28")), "26–28 January 2027");
        assert_eq!(
            date_range("es", date("2027-06-30"), date("2027-07-02")),
            "30 de junio – 2 de julio de 2027"
        );
        assert_eq!(
            date_range("en", date("2027-12-30"), date("2028-01-02")),
            "30 December 2027 – 2 January 2028"
        );
    }
}
