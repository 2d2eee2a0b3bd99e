//! Statements for events and the items they are made of.

use serde::{Deserialize, Serialize};

use crate::date::{Date, Timestamp};
use crate::id::{EventId, ItemId, SectionId, StatementId};
use crate::language::Language;
use crate::section::VersionRef;
use crate::status::StatementStatus;

/// A document for one event, made of ordered items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Its identity.
    pub id: StatementId,
    /// Its title.
    pub title: String,
    /// The event it is for, if any.
    pub event: Option<EventId>,
    /// The language it is written in.
    pub lang: Language,
    /// The date printed on it.
    pub date: Option<Date>,
    /// The template it is exported through.
    pub template: String,
    /// Where it stands.
    pub status: StatementStatus,
    /// Who signs it, in order.
    pub signatories: Vec<Signatory>,
    /// Its content, in order.
    pub items: Vec<Item>,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// Someone (a person or an organisation) signing a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// Name as printed.
    pub name: String,
    /// Role or affiliation line, if any ("Executive Director").
    pub role: Option<String>,
}

/// One entry of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Its identity, stable across reordering.
    pub id: ItemId,
    /// 1-based place in the statement.
    pub position: u32,
    /// What it holds.
    pub content: ItemContent,
}

/// What an item holds: vetted language from the library, or text of this statement alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemContent {
    /// A library section pinned to one version; updating it is an explicit step.
    Linked {
        /// The section.
        section: SectionId,
        /// The pinned version.
        version: u32,
    },
    /// Text written for this statement, possibly forked from a library section.
    Text {
        /// Its heading (may be empty for a plain paragraph).
        title: String,
        /// Its body, Markdown.
        body: String,
        /// The library version it was copied from, if it was forked.
        forked_from: Option<VersionRef>,
    },
}
