//! Saving what the person importing chose, for the app and `plenary import --save` alike: new
//! draft sections, or new versions of sections the library already has, in one transaction after
//! a backup, each version noting the file it came from.

use plenary_core::date::Date;
use plenary_core::id::{EventId, SectionId, StatementId};
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::SectionStatus;
use plenary_core::status::StatementStatus;
use plenary_store::{NewSection, NewStatement, SectionEdit, Store, StoreResult};
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
    /// The library section it already is, when skipped for that reason: a past statement links
    /// to it.
    #[serde(default)]
    pub same_as: Option<SectionId>,
}

/// The imported document kept whole as a past statement (already submitted), built from the
/// sections saved (and those the library already held), each pinned to the version imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastStatement {
    /// Its title.
    pub title: String,
    /// The event it was for.
    pub event: Option<EventId>,
    /// The date it carried.
    pub date: Option<Date>,
    /// Its language.
    pub lang: Language,
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
    /// The past statement made, if one was asked for.
    pub statement: Option<StatementId>,
}

/// The note kept with every version saved from `origin` on `today`.
pub fn note(origin: &Origin, today: Date) -> String {
    format!("Imported from {} (SHA-256 {}) on {today}", origin.file_name, origin.sha256)
}

/// Saves `sections` as chosen: new sections are drafts tagged `tags`; with `past`, the document
/// is also kept as a submitted statement. The library is backed up first when anything is to be
/// written; everything is one transaction, so a failure saves nothing.
pub fn save(
    store: &mut Store,
    origin: &Origin,
    sections: &[Chosen],
    tags: &[String],
    past: Option<&PastStatement>,
    author: &str,
    today: Date,
) -> StoreResult<Saved> {
    let writes = sections.iter().filter(|section| section.choice != Choice::Skip).count();
    if writes > 0 || past.is_some() {
        store.backup_before("import")?;
    }
    let note = note(origin, today);
    store.write(|w| {
        let mut saved = Saved::default();
        // Each section's place in the past statement: the section and the version it shows.
        let mut items: Vec<(SectionId, u32)> = Vec::new();
        for section in sections {
            match &section.choice {
                Choice::Skip => {
                    saved.skipped += 1;
                    if let Some(existing) = section.same_as {
                        items.push((existing, w.section(existing)?.current_version));
                    }
                }
                Choice::New => {
                    let id = w.add_section(NewSection {
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
                    })?;
                    saved.added.push(id);
                    items.push((id, 1));
                }
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
                    items.push((*id, number));
                }
            }
        }
        if let Some(past) = past {
            let statement = w.new_statement(NewStatement {
                title: past.title.clone(),
                event: past.event,
                lang: Some(past.lang.clone()),
                template: None,
                date: past.date,
            })?;
            for (section, version) in items {
                w.add_section_at_version(statement, section, version)?;
            }
            let why = Some("imported as a past statement");
            w.set_statement_status(statement, StatementStatus::Final, why, today)?;
            w.set_statement_status(statement, StatementStatus::Submitted, why, today)?;
            saved.statement = Some(statement);
        }
        Ok(saved)
    })
}
