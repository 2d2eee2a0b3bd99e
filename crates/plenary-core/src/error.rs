//! Errors raised when input breaks one of the model's rules.

use thiserror::Error;

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
