//! Frozen statements: what a final statement was made from, kept so that every export of it gives
//! the same text (and the same file) until someone reopens it, whatever changes in the library.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::{Date, Timestamp};
use crate::event::Event;
use crate::fact::Fact;
use crate::id::SectionId;
use crate::language::Language;
use crate::organisation::Organisation;
use crate::status::StatementStatus;

/// Everything outside a statement's own rows that goes into its exports, as it stood when the
/// statement was marked final. Item texts need no copy: items are pinned to immutable versions
/// and statement-only text cannot change while the statement is final.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frozen {
    /// When it was frozen.
    pub at: Timestamp,
    /// The day it was frozen: the date its exports carry in their metadata.
    pub on: Date,
    /// The library's facts then.
    pub facts: Vec<Fact>,
    /// The statement's event then.
    pub event: Option<Event>,
    /// The organisation profile then (the logo is kept beside it, not in this JSON).
    pub organisation: Organisation,
    /// Each item's language then, in item order.
    pub item_langs: Vec<Language>,
    /// For each item, in order, the translations a parallel export shows beside it, as they were
    /// then (none for statement text).
    #[serde(default)]
    pub translations: Vec<Vec<FrozenTranslation>>,
    /// The template's files then; `None` for statements frozen without one (imported past
    /// statements, libraries upgraded from before freezing), which use the current template.
    pub template: Option<FrozenTemplate>,
}

/// The translation of one item into one language, pinned when the statement was frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrozenTranslation {
    /// Its language.
    pub lang: Language,
    /// The translated section.
    pub section: SectionId,
    /// The version shown.
    pub version: u32,
}

/// A template's source files as they were when a statement was frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrozenTemplate {
    /// The template's name.
    pub name: String,
    /// File name (`statement.hbs`, `style.css`, `style.toml`) → its text.
    pub files: BTreeMap<String, String>,
}

/// One recorded change of a statement's status, for its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// When.
    pub at: Timestamp,
    /// From which status.
    pub from: StatementStatus,
    /// To which status.
    pub to: StatementStatus,
    /// Why, as given (reopening asks for a reason).
    pub note: Option<String>,
}

/// Whether moving from `from` to `to` freezes the statement (it becomes final).
pub fn freezes(from: StatementStatus, to: StatementStatus) -> bool {
    from == StatementStatus::Draft && to != StatementStatus::Draft
}

/// Whether moving to `to` thaws the statement (it is reopened as a draft).
pub fn thaws(to: StatementStatus) -> bool {
    to == StatementStatus::Draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatementStatus::{Draft, Final, Submitted};

    #[test]
    fn marking_final_freezes_and_reopening_thaws() {
        assert!(freezes(Draft, Final));
        assert!(freezes(Draft, Submitted), "straight to submitted freezes too");
        for (from, to) in [(Final, Submitted), (Final, Draft), (Draft, Draft), (Submitted, Submitted)] {
            assert!(!freezes(from, to), "{from} → {to}");
        }
        assert!(thaws(Draft));
        assert!(!thaws(Final) && !thaws(Submitted));
    }
}
