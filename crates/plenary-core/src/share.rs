//! What one library gives another (a bundle's contents), the rules for merging it, and the
//! report of what a merge did.
//!
//! Sections travel with their whole history. Versions are append-only, and a version is the same
//! version in two libraries when its title, body, author, time and note are the same
//! ([`VersionKey`]); version numbers are each library's own. A merge compares the two sets of
//! versions of each section ([`compare`]):
//! - the bundle brings no version this library lacks: the section is unchanged, except that
//!   vetting records this library lacks are added, and metadata (kind, status, tags …) follows
//!   whichever side changed it last when both hold the same versions;
//! - only the bundle has new versions: they are appended and the bundle's current version, status
//!   and metadata are taken (updated);
//! - both have versions the other lacks: the bundle's are appended, this library's current
//!   version stays, and the section is marked diverged for a person to choose (a conflict).
//!
//! So merging A into B and B into A gives both the same sections and the same versions, and a
//! second merge of the same bundle finds nothing new.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::date::{Date, Timestamp};
use crate::fact::{Fact, FactKey};
use crate::id::{SectionId, TranslationGroupId};
use crate::kind::Kind;
use crate::language::Language;
use crate::organisation::Organisation;
use crate::section::{Version, clean_tags};
use crate::status::SectionStatus;

/// Everything a bundle carries: chosen sections with their history, the kinds they use, the
/// facts and the organisation profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedLibrary {
    /// Kinds the sender's library knows, built-in ones included.
    pub kinds: Vec<Kind>,
    /// The shared sections.
    pub sections: Vec<SharedSection>,
    /// Every fact of the sender's library.
    pub facts: Vec<Fact>,
    /// The sender's organisation profile (its logo travels as a file of its own).
    pub organisation: Organisation,
}

/// One section with every version it has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedSection {
    /// Its identity, the same in every library that holds it.
    pub id: SectionId,
    /// What it is for.
    pub kind: Kind,
    /// Its language.
    pub lang: Language,
    /// Where it stands in vetting.
    pub status: SectionStatus,
    /// Who answers for it.
    pub owner: Option<String>,
    /// When it is due for review.
    pub review_due: Option<Date>,
    /// Its translations share this group.
    pub translation_group: Option<TranslationGroupId>,
    /// Its tags.
    pub tags: Vec<String>,
    /// The number (in `versions`) of its current version.
    pub current_version: u32,
    /// While it is diverged in the sender's library, the other branch's newest version.
    pub diverged_with: Option<u32>,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// Every version, numbered 1, 2, 3 … in order.
    pub versions: Vec<Version>,
}

/// The longest title a shared section may carry, in bytes; longer ones are a damaged file.
const MAX_TITLE_BYTES: usize = 1_000;

impl SharedLibrary {
    /// Checks what serde cannot: ids unique, versions numbered from 1 without gaps, the current
    /// version among them, titles present. The error names the section and the field.
    pub fn check(&self) -> Result<(), ModelError> {
        let mut seen = HashSet::new();
        for section in &self.sections {
            let id = section.id.to_string();
            let field = |name: &str| format!("section {id} {name}");
            if !seen.insert(section.id) {
                return Err(ModelError::invalid("section id", &id, "each section may appear only once"));
            }
            if section.versions.is_empty() {
                return Err(ModelError::invalid(
                    &field("versions"),
                    "[]",
                    "a section has at least one version",
                ));
            }
            for (index, version) in section.versions.iter().enumerate() {
                let expected = u32::try_from(index + 1).unwrap_or(u32::MAX);
                if version.number != expected {
                    return Err(ModelError::invalid(
                        &field("version number"),
                        &version.number.to_string(),
                        &format!("versions are numbered 1, 2, 3 … in order; expected {expected}"),
                    ));
                }
                if version.section_id != section.id {
                    return Err(ModelError::invalid(
                        &field("version section"),
                        &version.section_id.to_string(),
                        "a version belongs to the section it is listed under",
                    ));
                }
                let title = version.title.trim();
                if title.is_empty() || title.len() > MAX_TITLE_BYTES || title.chars().any(char::is_control) {
                    return Err(ModelError::invalid(
                        &field(&format!("version {expected} title")),
                        &version.title.chars().take(80).collect::<String>(),
                        "a title is one line of text, up to 1,000 bytes",
                    ));
                }
            }
            let distinct: HashSet<VersionKey> = section.versions.iter().map(VersionKey::of).collect();
            if distinct.len() != section.versions.len() {
                return Err(ModelError::invalid(
                    &field("versions"),
                    &section.versions.len().to_string(),
                    "two versions have the same text, author and time; each version appears once",
                ));
            }
            let count = section.versions.len();
            for (name, number) in
                [("current_version", Some(section.current_version)), ("diverged_with", section.diverged_with)]
            {
                if let Some(number) = number.filter(|&number| number == 0 || number as usize > count) {
                    return Err(ModelError::invalid(
                        &field(name),
                        &number.to_string(),
                        &format!("a version number is one of the {count} listed"),
                    ));
                }
            }
        }
        let mut keys = HashSet::new();
        for fact in &self.facts {
            if !keys.insert(&fact.key) {
                return Err(ModelError::invalid(
                    "fact key",
                    fact.key.as_str(),
                    "each fact may appear only once",
                ));
            }
            if fact.value.trim().is_empty() {
                return Err(ModelError::invalid(
                    &format!("fact {} value", fact.key),
                    "",
                    "a fact needs a value",
                ));
            }
        }
        Ok(())
    }
}

impl SharedSection {
    /// The section's tags as the store keeps them (trimmed, no duplicates).
    pub fn clean_tags(&self) -> Vec<String> {
        clean_tags(&self.tags)
    }
}

/// What makes two versions in two libraries the same version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VersionKey {
    title: String,
    body: String,
    author: String,
    created_at: Timestamp,
    note: Option<String>,
}

impl VersionKey {
    /// The key of `version`.
    pub fn of(version: &Version) -> VersionKey {
        VersionKey {
            title: version.title.clone(),
            body: version.body.clone(),
            author: version.author.clone(),
            created_at: version.created_at,
            note: version.note.clone(),
        }
    }
}

/// How a section's versions in this library ("ours") and in a bundle ("theirs") relate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Indexes into theirs of the versions ours lacks, in their order.
    pub missing: Vec<usize>,
    /// Whether ours has versions theirs lacks.
    pub ours_ahead: bool,
}

/// What a merge does with one section both libraries hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Same versions on both sides.
    Same,
    /// Ours has everything theirs has, and more.
    OursAhead,
    /// Theirs has everything ours has, and more: take their versions and state.
    TheirsAhead,
    /// Each has versions the other lacks: keep both branches, mark the section diverged.
    Diverged,
}

impl Comparison {
    /// What a merge does with the section.
    pub fn outcome(&self) -> Outcome {
        match (self.missing.is_empty(), self.ours_ahead) {
            (true, false) => Outcome::Same,
            (true, true) => Outcome::OursAhead,
            (false, false) => Outcome::TheirsAhead,
            (false, true) => Outcome::Diverged,
        }
    }
}

/// Compares a section's versions in two libraries by [`VersionKey`].
pub fn compare(ours: &[Version], theirs: &[Version]) -> Comparison {
    let our_keys: HashSet<VersionKey> = ours.iter().map(VersionKey::of).collect();
    let their_keys: HashSet<VersionKey> = theirs.iter().map(VersionKey::of).collect();
    let missing = theirs
        .iter()
        .enumerate()
        .filter(|(_, version)| !our_keys.contains(&VersionKey::of(version)))
        .map(|(index, _)| index)
        .collect();
    let ours_ahead = ours.iter().any(|version| !their_keys.contains(&VersionKey::of(version)));
    Comparison { missing, ours_ahead }
}

/// What merging a bundle into a library did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MergeReport {
    /// Sections the library did not have.
    pub added: u32,
    /// Sections that gained versions, vetting records or newer metadata.
    pub updated: u32,
    /// Sections the bundle brought nothing new to.
    pub unchanged: u32,
    /// What a person must decide: diverged sections, facts with two values, two profiles.
    pub conflicts: Vec<Conflict>,
    /// Facts the library did not have.
    pub facts_added: u32,
    /// Kinds the library did not know.
    pub kinds_added: Vec<Kind>,
    /// Whether the library had no organisation profile and took the bundle's.
    pub organisation_added: bool,
}

impl MergeReport {
    /// Whether the merge changed nothing at all.
    pub fn changed_nothing(&self) -> bool {
        self.added == 0
            && self.updated == 0
            && self.facts_added == 0
            && self.kinds_added.is_empty()
            && !self.organisation_added
            && !self
                .conflicts
                .iter()
                .any(|conflict| matches!(conflict, Conflict::Section { newly: true, .. }))
    }
}

/// One thing a merge could not decide alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Conflict {
    /// Both libraries changed the section's text since their last common version.
    Section {
        /// The section.
        id: SectionId,
        /// Its title here.
        title: String,
        /// This library's current version.
        ours: u32,
        /// The number the bundle's current version has here.
        theirs: u32,
        /// Whether this merge made it diverge (false: it already was).
        newly: bool,
    },
    /// The two libraries give a fact different values; this library's value is kept.
    Fact {
        /// The fact.
        key: FactKey,
        /// The language of the two values, when they are the fact's values in one language.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<Language>,
        /// The value here.
        ours: String,
        /// The value in the bundle.
        theirs: String,
    },
    /// The two libraries have different organisation names; this library's profile is kept.
    Organisation {
        /// The name here.
        ours: String,
        /// The name in the bundle.
        theirs: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(id: SectionId, number: u32, body: &str) -> Version {
        Version {
            section_id: id,
            number,
            title: "Who we are".to_owned(),
            body: body.to_owned(),
            author: "ana".to_owned(),
            created_at: "2026-01-01T00:00:00Z".parse().expect("time"),
            note: None,
            vetted: None,
            restored_from: None,
        }
    }

    #[test]
    fn versions_are_compared_by_content_not_by_number() {
        let id = SectionId::new_random();
        let ours = [version(id, 1, "a"), version(id, 2, "b")];
        let same_renumbered = [version(id, 7, "a"), version(id, 9, "b")];
        assert_eq!(compare(&ours, &same_renumbered).outcome(), Outcome::Same);
        let theirs_ahead = [version(id, 1, "a"), version(id, 2, "b"), version(id, 3, "c")];
        assert_eq!(compare(&ours, &theirs_ahead), Comparison { missing: vec![2], ours_ahead: false });
        assert_eq!(compare(&theirs_ahead, &ours).outcome(), Outcome::OursAhead);
        let branched = [version(id, 1, "a"), version(id, 2, "c")];
        assert_eq!(compare(&ours, &branched), Comparison { missing: vec![1], ours_ahead: true });
        assert_eq!(compare(&ours, &branched).outcome(), Outcome::Diverged);
    }

    #[test]
    fn a_damaged_history_is_named_by_section_and_field() {
        let id = SectionId::new_random();
        let section = SharedSection {
            id,
            kind: Kind::parse("about").expect("kind"),
            lang: "en".parse().expect("lang"),
            status: SectionStatus::Draft,
            owner: None,
            review_due: None,
            translation_group: None,
            tags: vec![],
            current_version: 2,
            diverged_with: None,
            created_at: "2026-01-01T00:00:00Z".parse().expect("time"),
            updated_at: "2026-01-01T00:00:00Z".parse().expect("time"),
            versions: vec![version(id, 1, "a"), version(id, 3, "b")],
        };
        let mut library = SharedLibrary {
            kinds: vec![],
            sections: vec![section],
            facts: vec![],
            organisation: Organisation::default(),
        };
        let error = library.check().expect_err("gap").to_string();
        assert!(
            error.contains(&format!("section {id} version number")) && error.contains("expected 2"),
            "{error}"
        );
        library.sections[0].versions[1].number = 2;
        assert_eq!(library.check(), Ok(()));
        library.sections[0].current_version = 3;
        assert!(library.check().expect_err("current").to_string().contains("current_version"));
        library.sections[0].current_version = 2;
        library.sections[0].versions[0].title = "line\u{0}break".to_owned();
        assert!(library.check().expect_err("title").to_string().contains("version 1 title"));
        library.sections[0].versions[0].title = "Who we are".to_owned();
        library.sections[0].versions[1].body = "a".to_owned();
        assert!(library.check().expect_err("same version twice").to_string().contains("appears once"));
        library.sections[0].versions[1].body = "b".to_owned();
        library.sections[0].versions[0].title = "x".repeat(MAX_TITLE_BYTES);
        assert_eq!(library.check(), Ok(()), "a title of exactly the limit is accepted");
        library.sections[0].versions[0].title.push('x');
        assert!(library.check().expect_err("long title").to_string().contains("up to 1,000 bytes"));
        library.sections[0].versions[0].title = "Who we are".to_owned();
        library.sections[0].tags = vec![" gfmd".into(), "GFMD".into(), "detention".into()];
        assert_eq!(library.sections[0].clean_tags(), ["gfmd", "detention"]);
        let fact = |key: &str| crate::fact::Fact {
            key: crate::fact::FactKey::parse(key).expect("key"),
            value: "45".into(),
            values: Default::default(),
            as_of: None,
            source: None,
            updated_at: "2026-01-01T00:00:00Z".parse().expect("time"),
        };
        library.facts = vec![fact("members"), fact("countries")];
        assert_eq!(library.check(), Ok(()), "different keys");
        library.facts.push(fact("members"));
        assert!(library.check().expect_err("a key twice").to_string().contains("fact key"));
        library.facts.pop();
        library.sections.push(library.sections[0].clone());
        assert!(library.check().expect_err("twice").to_string().contains("only once"));
    }

    #[test]
    fn a_merge_changed_nothing_only_when_every_count_is_zero_and_nothing_newly_diverged() {
        assert!(MergeReport::default().changed_nothing());
        let changed = [
            MergeReport { added: 1, ..Default::default() },
            MergeReport { updated: 1, ..Default::default() },
            MergeReport { facts_added: 1, ..Default::default() },
            MergeReport { kinds_added: vec![Kind::parse("campaign").expect("kind")], ..Default::default() },
            MergeReport { organisation_added: true, ..Default::default() },
        ];
        for report in changed {
            assert!(!report.changed_nothing(), "{report:?}");
        }
        let diverged = |newly| Conflict::Section {
            id: SectionId::new_random(),
            title: "T".into(),
            ours: 2,
            theirs: 3,
            newly,
        };
        assert!(!MergeReport { conflicts: vec![diverged(true)], ..Default::default() }.changed_nothing());
        let already = MergeReport { unchanged: 4, conflicts: vec![diverged(false)], ..Default::default() };
        assert!(
            already.changed_nothing(),
            "a divergence found again, and unchanged sections, change nothing"
        );
    }
}
