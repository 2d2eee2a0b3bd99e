//! Drafts: editor text saved between versions, so that typing is durable at once while versions
//! are cut only at sensible points (the app's autosave).

use plenary_core::date::Timestamp;
use plenary_core::id::SectionId;
use plenary_core::status::SectionStatus;
use rusqlite::{OptionalExtension, params};

use crate::error::StoreResult;
use crate::ids::{self, SECTIONS};
use crate::refusal::Refusal;
use crate::rows::parsed;
use crate::sections::{self, SectionEdit};
use crate::{Store, Write};

/// A section's unsaved editor text.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Heading as typed.
    pub title: String,
    /// Body as typed, Markdown.
    pub body: String,
    /// The version the text was started from.
    pub base_version: u32,
    /// Who is typing.
    pub author: String,
    /// When it was last saved.
    pub saved_at: Timestamp,
}

impl Store {
    /// The section's draft, if its editor left one.
    pub fn draft(&self, section: SectionId) -> StoreResult<Option<Draft>> {
        let seq = ids::seq_of(&self.conn, SECTIONS, &section.to_string())?;
        let draft = self
            .conn
            .prepare_cached(
                "SELECT title, body, base_version, author, saved_at FROM section_drafts WHERE section_seq = ?1",
            )?
            .query_row([seq], |row| {
                Ok(Draft {
                    title: row.get(0)?,
                    body: row.get(1)?,
                    base_version: row.get(2)?,
                    author: row.get(3)?,
                    saved_at: parsed(row, 4)?,
                })
            })
            .optional()?;
        Ok(draft)
    }
}

impl Write<'_> {
    /// Saves what the editor holds, replacing any earlier draft of the section. Text equal to
    /// the current version removes the draft instead.
    pub fn save_draft(
        &mut self,
        section: SectionId,
        title: &str,
        body: &str,
        author: &str,
    ) -> StoreResult<()> {
        let conn = self.conn();
        let current = sections::get(conn, section)?;
        if current.status == SectionStatus::Retired {
            return Err(Refusal::SectionRetired { title: current.title }.into());
        }
        let seq = ids::seq_of(conn, SECTIONS, &section.to_string())?;
        if title.trim() == current.title && body == current.body {
            conn.execute("DELETE FROM section_drafts WHERE section_seq = ?1", [seq])?;
            return Ok(());
        }
        conn.prepare_cached(
            "INSERT INTO section_drafts (section_seq, title, body, base_version, author, saved_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (section_seq) DO UPDATE SET title = ?2, body = ?3, author = ?5, saved_at = ?6",
        )?
        .execute(params![
            seq,
            title,
            body,
            current.current_version,
            author,
            self.now().to_string()
        ])?;
        Ok(())
    }

    /// Turns the section's draft into a new version (with `note`) and removes the draft.
    /// Returns the version number when one was saved; `None` when there was no draft or it did
    /// not differ from the current text.
    pub fn commit_draft(&mut self, section: SectionId, note: Option<String>) -> StoreResult<Option<u32>> {
        let conn = self.conn();
        let seq = ids::seq_of(conn, SECTIONS, &section.to_string())?;
        let draft: Option<(String, String, String)> = conn
            .prepare_cached("SELECT title, body, author FROM section_drafts WHERE section_seq = ?1")?
            .query_row([seq], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .optional()?;
        let Some((title, body, author)) = draft else { return Ok(None) };
        let edit =
            SectionEdit { title: Some(title), body: Some(body), note, author, ..SectionEdit::default() };
        let (number, saved) = self.edit_section(section, edit)?;
        self.discard_draft(section)?;
        Ok(saved.then_some(number))
    }

    /// Throws the section's draft away.
    pub fn discard_draft(&mut self, section: SectionId) -> StoreResult<()> {
        let conn = self.conn();
        let seq = ids::seq_of(conn, SECTIONS, &section.to_string())?;
        conn.execute("DELETE FROM section_drafts WHERE section_seq = ?1", [seq])?;
        Ok(())
    }
}
