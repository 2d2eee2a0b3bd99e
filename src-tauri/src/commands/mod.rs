//! The window's commands, one module per screen. Each converts its arguments, makes one call
//! into the core crates and converts the result; none holds logic of its own.

pub(crate) mod backups;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod library;
pub(crate) mod sections;
pub(crate) mod statements;
pub(crate) mod window;

use plenary_core::id::{EventId, SectionId, StatementId};
use plenary_store::Store;

use crate::error::CommandResult;

/// A section id from the window.
fn section_id(store: &Store, id: &str) -> CommandResult<SectionId> {
    Ok(store.resolve_section(id)?)
}

/// A statement id from the window.
fn statement_id(store: &Store, id: &str) -> CommandResult<StatementId> {
    Ok(store.resolve_statement(id)?)
}

/// An event id from the window.
fn event_id(store: &Store, id: &str) -> CommandResult<EventId> {
    Ok(store.resolve_event(id)?)
}
