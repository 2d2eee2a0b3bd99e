//! Errors raised when input breaks one of the model's rules.

use thiserror::Error;

use crate::status::StatementStatus;

/// A value or change the domain model refuses, with enough context to tell the user what to fix.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// A field's text could not be read as the type it holds.
    #[error("invalid {field} '{value}': {expected}")]
    Invalid {
        /// The field, as the user knows it (`--deadline`, `as_of`, `kind`).
        field: String,
        /// What the user gave.
        value: String,
        /// What would have been accepted.
        expected: String,
    },
    /// A status change the workflow does not allow.
    #[error("cannot go from {from} to {to}: {hint}")]
    Transition {
        /// The current status.
        from: String,
        /// The status asked for.
        to: String,
        /// What the user can do instead.
        hint: String,
    },
    /// A final or submitted statement was asked to change.
    #[error("the statement is {status}: {}", locked_hint(*status))]
    StatementLocked {
        /// Its status.
        status: StatementStatus,
    },
    /// A retired section was asked to join a statement.
    #[error("the section “{title}” is retired; reinstate it or choose another")]
    Retired {
        /// Its title.
        title: String,
    },
    /// A statement that was final once is part of the record and cannot be deleted.
    #[error("the statement was marked final once and is kept as a record; it cannot be deleted")]
    StatementKept,
    /// Something still used elsewhere was asked to be deleted.
    #[error("{what} is used in the {}statement “{statement}” ({status}): {}", if *deleted { "deleted " } else { "" }, in_use_hint(what, *status, *deleted))]
    InUse {
        /// What was to be deleted ("the section", "the event").
        what: &'static str,
        /// The title of a statement using it.
        statement: String,
        /// That statement's status.
        status: StatementStatus,
        /// Whether that statement was deleted (and can still be undeleted).
        deleted: bool,
    },
}

fn locked_hint(status: StatementStatus) -> &'static str {
    match status {
        StatementStatus::Submitted => "it is kept as a record; copy it to make changes",
        _ => "reopen it as a draft to change it",
    }
}

fn in_use_hint(what: &str, status: StatementStatus, deleted: bool) -> &'static str {
    match (deleted, status, what) {
        (true, _, _) => "a deleted statement is kept 30 days so that it can be brought back",
        (false, StatementStatus::Draft, _) => "take it out of that statement first",
        (false, _, "the section") => "a statement that was final keeps it; retire the section instead",
        (false, _, _) => "a statement that was final keeps it",
    }
}

impl ModelError {
    /// Builds an [`ModelError::Invalid`] for `field`.
    pub fn invalid(field: &str, value: &str, expected: &str) -> Self {
        ModelError::Invalid {
            field: field.to_owned(),
            value: value.to_owned(),
            expected: expected.to_owned(),
        }
    }
}
