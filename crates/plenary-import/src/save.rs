//! Saving what the person importing chose, for the app and `plenary import --save` alike: new
//! draft sections, or new versions of sections the library already has, in one transaction after
//! a backup, each version noting the file it came from.

use plenary_core::date::Date;
use plenary_core::id::SectionId;
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;
use plenary_store::{NewSection, SectionEdit, Store, StoreResult};
use serde::{Deserialize, Serialize};

/// Where imported text came from: recorded in each saved version's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file's name ("pasted text" for pasted text).
    pub file_name: String,
    /// The SHA-256 of its bytes, in hex.
    pub sha256: String,
}

/// What to do with one proposed section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Choice {
    /// Save it as a new draft section.
    New,
    /// Save its text as the next version of a library section.
    NewVersionOf {
        /// The section.
        section: SectionId,
    },
    /// Leave it out.
    Skip,
}

/// A proposed section as the person left it: perhaps retitled, merged, split or reclassified.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chosen {
    /// Its title.
    pub title: String,
    /// Its text, Markdown.
    pub body: String,
    /// Its kind.
    pub kind: Kind,
    /// Its language.
    pub lang: Language,
    /// What to do with it.
    pub choice: Choice,
}

/// What saving did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Saved {
    /// New sections, in order.
    pub added: Vec<SectionId>,
    /// Sections that got a new version, with its number.
    pub updated: Vec<(SectionId, u32)>,
    /// How many were skipped.
    pub skipped: usize,
}

/// The note kept with every version saved from `origin` on `today`.
pub fn note(origin: &Origin, today: Date) -> String {
    format!("Imported from {} (SHA-256 {}) on {today}", origin.file_name, origin.sha256)
}

/// Saves `sections` as chosen: new sections are drafts tagged `tags`. The library is backed up
/// first when anything is to be written; everything is one transaction, so a failure saves
/// nothing.
pub fn save(
    store: &mut Store,
    origin: &Origin,
    sections: &[Chosen],
    tags: &[String],
    author: &str,
    today: Date,
) -> StoreResult<Saved> {
    let writes = sections.iter().filter(|section| section.choice != Choice::Skip).count();
    if writes > 0 {
        store.backup_before("import")?;
    }
    let note = note(origin, today);
    store.write(|w| {
        let mut saved = Saved::default();
        for section in sections {
            match &section.choice {
                Choice::Skip => saved.skipped += 1,
                Choice::New => saved.added.push(w.add_section(NewSection {
                    title: section.title.clone(),
                    body: section.body.clone(),
                    kind: section.kind.clone(),
                    lang: section.lang.clone(),
                    tags: tags.to_vec(),
                    status: SectionStatus::Draft,
                    owner: None,
                    review_due: None,
                    author: author.to_owned(),
                    note: Some(note.clone()),
                })?),
                Choice::NewVersionOf { section: id } => {
                    let (number, _) = w.edit_section(
                        *id,
                        SectionEdit {
                            title: Some(section.title.clone()),
                            body: Some(section.body.clone()),
                            note: Some(note.clone()),
                            kind: None,
                            tags: None,
                            lang: None,
                            owner: None,
                            review_due: None,
                            author: author.to_owned(),
                        },
                    )?;
                    saved.updated.push((*id, number));
                }
            }
        }
        Ok(saved)
    })
}
