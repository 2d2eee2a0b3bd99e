//! Events: the conferences statements are written for, and the rules they impose.

use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::date::Date;
use crate::id::EventId;
use crate::language::Language;

/// A conference and its submission rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Its identity.
    pub id: EventId,
    /// Full name ("Global Forum on Migration and Development").
    pub name: String,
    /// Short name ("GFMD").
    pub short_name: Option<String>,
    /// Edition ("2017", "10th Summit").
    pub edition: Option<String>,
    /// Host city.
    pub city: Option<String>,
    /// Host country.
    pub country: Option<String>,
    /// Who runs it.
    pub organiser: Option<String>,
    /// First day.
    pub starts: Option<Date>,
    /// Last day.
    pub ends: Option<Date>,
    /// Last day to submit statements.
    pub deadline: Option<Date>,
    /// Most words a statement may have.
    pub word_limit: Option<u32>,
    /// Languages statements may be written in.
    pub languages: Vec<Language>,
}

impl Event {
    /// Checks the rules that tie fields together: an event cannot end before it starts.
    pub fn validate(&self) -> Result<(), ModelError> {
        if let (Some(starts), Some(ends)) = (self.starts, self.ends)
            && ends < starts
        {
            return Err(ModelError::invalid(
                "--ends",
                &ends.to_string(),
                &format!("the event cannot end before it starts ({starts})"),
            ));
        }
        if self.name.trim().is_empty() {
            return Err(ModelError::invalid("--name", &self.name, "an event needs a name"));
        }
        Ok(())
    }

    /// The name people use for it: short name and edition when there is one ("GFMD 2017").
    pub fn display_name(&self) -> String {
        let name = self.short_name.as_deref().unwrap_or(&self.name);
        match &self.edition {
            Some(edition) if !name.contains(edition.as_str()) => format!("{name} {edition}"),
            _ => name.to_owned(),
        }
    }
}
