//! Sections (reusable blocks of vetted language) and their immutable versions.

use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::date::{Date, Timestamp};
use crate::id::{SectionId, TranslationGroupId};
use crate::kind::Kind;
use crate::language::Language;
use crate::status::SectionStatus;

/// A library section as the library shows it: its metadata and its current version's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Its identity, shared by all its versions.
    pub id: SectionId,
    /// The current version's heading.
    pub title: String,
    /// The current version's body, as Markdown.
    pub body: String,
    /// What the section is for.
    pub kind: Kind,
    /// Free labels for filtering ("gfmd", "detention").
    pub tags: Vec<String>,
    /// The language the section is written in.
    pub lang: Language,
    /// Where the current version stands in vetting.
    pub status: SectionStatus,
    /// Who answers for the section.
    pub owner: Option<String>,
    /// When the language should be looked at again.
    pub review_due: Option<Date>,
    /// The sections that say the same in other languages share this group.
    pub translation_group: Option<TranslationGroupId>,
    /// The number of the current version: the newest, except while the section is diverged.
    pub current_version: u32,
    /// While a shared library's versions and this library's newer ones stand side by side (see
    /// [`crate::share`]), the other branch's newest version; a person chooses which goes on.
    #[serde(default)]
    pub diverged_with: Option<u32>,
    /// The number of the newest vetted version, if any.
    pub vetted_version: Option<u32>,
    /// When the section was created.
    pub created_at: Timestamp,
    /// When the section last changed (text, metadata or status).
    pub updated_at: Timestamp,
}

impl Section {
    /// The version a statement pins when the section is added: its newest vetted version, else
    /// its current one (which the statement then flags as unvetted). A retired section is not
    /// offered any more.
    pub fn version_to_pin(&self) -> Result<u32, ModelError> {
        if self.status == SectionStatus::Retired {
            return Err(ModelError::Retired { title: self.title.clone() });
        }
        Ok(self.vetted_version.unwrap_or(self.current_version))
    }
}

/// One saved state of a section's text. Never changed once written, except to record vetting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// The section it belongs to.
    pub section_id: SectionId,
    /// 1 for the first version, counting up.
    pub number: u32,
    /// The heading as saved.
    pub title: String,
    /// The body as saved, Markdown.
    pub body: String,
    /// Who saved it.
    pub author: String,
    /// When it was saved.
    pub created_at: Timestamp,
    /// Why it was changed, if the author said.
    pub note: Option<String>,
    /// Who vetted this version and when, if anyone did.
    pub vetted: Option<Vetting>,
    /// The older version whose text this one brought back, if it was made by restoring one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_from: Option<u32>,
}

/// The record that a version was approved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vetting {
    /// Who approved it.
    pub by: String,
    /// When.
    pub at: Timestamp,
    /// Where the record came from if it arrived from another library (`None`: vetted here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// A pointer to one version of one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VersionRef {
    /// The section.
    pub section: SectionId,
    /// The version number.
    pub version: u32,
}

/// Normalises a tag list as typed: trimmed, empty ones dropped, duplicates (ignoring case)
/// removed, first spelling kept, order kept.
pub fn clean_tags<I: IntoIterator<Item = S>, S: AsRef<str>>(tags: I) -> Vec<String> {
    let mut cleaned: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.as_ref().trim();
        if !tag.is_empty() && !cleaned.iter().any(|seen| seen.to_lowercase() == tag.to_lowercase()) {
            cleaned.push(tag.to_owned());
        }
    }
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        assert_eq!(clean_tags([" gfmd", "GFMD", "", "detention ", "Detention"]), ["gfmd", "detention"]);
    }

    #[test]
    fn a_statement_pins_the_newest_vetted_version_else_the_current_and_never_a_retired_section() {
        let now: Timestamp = "2026-12-01T00:00:00Z".parse().expect("time");
        let mut section = Section {
            id: SectionId::new_random(),
            title: "Who we are".into(),
            body: "We are 45.".into(),
            kind: Kind::parse("about").expect("kind"),
            lang: Language::english(),
            tags: Vec::new(),
            status: SectionStatus::Draft,
            owner: None,
            review_due: None,
            translation_group: None,
            current_version: 4,
            diverged_with: None,
            vetted_version: None,
            created_at: now,
            updated_at: now,
        };
        assert_eq!(section.version_to_pin(), Ok(4), "unvetted: the current text");
        section.vetted_version = Some(2);
        assert_eq!(section.version_to_pin(), Ok(2), "the newest vetted, not the newer draft");
        section.status = SectionStatus::Retired;
        assert_eq!(section.version_to_pin(), Err(ModelError::Retired { title: "Who we are".into() }));
    }
}

/// What a translation was made from: its source section, and the source's version it matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationSource {
    /// The section translated.
    pub source: SectionId,
    /// The source's language.
    pub lang: Language,
    /// The source's current title.
    pub title: String,
    /// The source's version the translation was made from (or last brought up to date with).
    pub made_from: u32,
    /// The source's current version.
    pub source_version: u32,
}

impl TranslationSource {
    /// Whether the source has changed since the translation was made from it.
    pub fn out_of_date(&self) -> bool {
        self.source_version > self.made_from
    }
}
