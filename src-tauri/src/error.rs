//! Errors as the window sees them: `{code, message}`. The UI branches on `code` only, never on
//! the message, which is written for the person reading it.

use plenary_export::ExportError;
use plenary_render::RenderError;
use plenary_store::StoreError;
use serde::Serialize;

/// What kind of failure it was, for the UI to react to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Code {
    /// The input broke a rule; the form should show the message beside the field.
    Invalid,
    /// The record no longer exists (deleted elsewhere).
    NotFound,
    /// The library refuses the change as things stand (retired section, final statement…).
    Rejected,
    /// The library file is locked, read-only, damaged or from a newer Plenary.
    Library,
    /// A template failed to render.
    Template,
    /// A file could not be read or written.
    File,
    /// The window itself (its menu) could not be changed.
    Window,
}

/// An error crossing into the window.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CommandError {
    code: Code,
    message: String,
}

impl CommandError {
    /// An error with this code and message.
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }

    /// Bad input in a field the user typed.
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(Code::Invalid, message)
    }
}

/// What every command returns.
pub(crate) type CommandResult<T> = Result<T, CommandError>;

impl From<StoreError> for CommandError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::Model(_) => Code::Invalid,
            StoreError::NotFound { .. } | StoreError::Ambiguous { .. } => Code::NotFound,
            StoreError::Rejected(_) => Code::Rejected,
            _ => Code::Library,
        };
        Self::new(code, error.to_string())
    }
}

impl From<RenderError> for CommandError {
    fn from(error: RenderError) -> Self {
        Self::new(Code::Template, error.to_string())
    }
}

impl From<ExportError> for CommandError {
    fn from(error: ExportError) -> Self {
        match error {
            ExportError::Store(error) => error.into(),
            ExportError::Render(error) => error.into(),
            ExportError::Write { .. } => Self::new(Code::File, error.to_string()),
        }
    }
}

impl From<plenary_import::ImportError> for CommandError {
    fn from(error: plenary_import::ImportError) -> Self {
        Self::new(Code::File, error.to_string())
    }
}

impl From<plenary_bundle::BundleError> for CommandError {
    fn from(error: plenary_bundle::BundleError) -> Self {
        match error {
            plenary_bundle::BundleError::Store(error) => error.into(),
            other => Self::new(Code::File, other.to_string()),
        }
    }
}

impl From<plenary_core::ModelError> for CommandError {
    fn from(error: plenary_core::ModelError) -> Self {
        Self::invalid(error.to_string())
    }
}
