//! Calendar dates as users type them: full dates (`2026-03-15`) for deadlines and event days, and
//! partial dates (`2017`, `2017-06`) for the "as of" of a fact, which is often only a month.

use std::fmt;
use std::str::FromStr;

pub use jiff::Timestamp;
pub use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ModelError;

/// Reads a `YYYY-MM-DD` date, naming `field` in the error.
pub fn parse_date(field: &str, text: &str) -> Result<Date, ModelError> {
    let text = text.trim();
    let well_formed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<Date>() {
        Ok(date) if well_formed => Ok(date),
        _ => Err(ModelError::invalid(field, text, "expected a date as YYYY-MM-DD, for example 2026-03-15")),
    }
}

/// A date known to the year, the month or the day: when a fact's figure was true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

impl PartialDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, naming `field` in the error.
    pub fn parse(field: &str, text: &str) -> Result<Self, ModelError> {
        let text = text.trim();
        let error =
            || ModelError::invalid(field, text, "expected YYYY, YYYY-MM or YYYY-MM-DD, for example 2017-06");
        match text.len() {
            4 => {
                let year: i16 = text.parse().map_err(|_| error())?;
                // Validate the year through a real date.
                Date::new(year, 1, 1).map_err(|_| error())?;
                Ok(Self { year, month: None, day: None })
            }
            7 => {
                let date = format!("{text}-01").parse::<Date>().map_err(|_| error())?;
                if text.as_bytes()[4] != b'-' {
                    return Err(error());
                }
                Ok(Self { year: date.year(), month: Some(date.month()), day: None })
            }
            10 => {
                let date = parse_date(field, text)?;
                Ok(Self::from(date))
            }
            _ => Err(error()),
        }
    }

    /// The last day this partial date covers (`2017-06` → 2017-06-30): the most generous reading,
    /// so that age warnings never fire early.
    pub fn last_day(&self) -> Date {
        let month = self.month.unwrap_or(12);
        let first = Date::new(self.year, month, 1).unwrap_or(Date::MIN);
        match self.day {
            Some(day) => Date::new(self.year, month, day).unwrap_or(first),
            None => first.last_of_month(),
        }
    }
}

impl From<Date> for PartialDate {
    fn from(date: Date) -> Self {
        Self { year: date.year(), month: Some(date.month()), day: Some(date.day()) }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse("date", s)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_dates_must_be_iso() {
        assert!(parse_date("--deadline", "2026-03-15").is_ok());
        for bad in ["2026-13-01", "2026-02-30", "15/03/2026", "2026-3-15", "", "tomorrow"] {
            let error = parse_date("--deadline", bad).expect_err(bad).to_string();
            assert!(error.contains("--deadline"), "{error}");
            assert!(error.contains("YYYY-MM-DD"), "{error}");
        }
    }

    #[test]
    fn partial_dates_round_trip_and_cover_their_period() {
        for (text, last) in [("2017", "2017-12-31"), ("2017-06", "2017-06-30"), ("2024-02-10", "2024-02-10")]
        {
            let date = PartialDate::parse("as_of", text).expect(text);
            assert_eq!(date.to_string(), text);
            assert_eq!(date.last_day().to_string(), last);
        }
        assert_eq!(
            PartialDate::parse("as_of", "2024-02").expect("month").last_day().to_string(),
            "2024-02-29"
        );
        for bad in ["17", "2017-13", "2017/06", "2017-06-31", "June 2017"] {
            assert!(PartialDate::parse("as_of", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_the_extended_form_is_a_date_even_where_the_parser_takes_more() {
        // ISO 8601's basic form and date-times parse as dates too; a form field takes neither.
        for other in ["20260315", "2026-03-15T10:00", "+002026-03-15"] {
            assert!(parse_date("--deadline", other).is_err(), "{other}");
        }
        assert_eq!(parse_date("--deadline", " 2026-03-15 ").expect("padded").to_string(), "2026-03-15");
    }
}
