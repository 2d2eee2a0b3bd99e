//! Bundle errors: each names the file and what is wrong with it.

use std::path::PathBuf;

use plenary_store::StoreError;
use thiserror::Error;

/// What went wrong writing or reading a bundle.
#[derive(Debug, Error)]
pub enum BundleError {
    /// The file is not a bundle this Plenary can read; nothing was changed.
    #[error("{file}: {problem}; nothing was changed")]
    Invalid {
        /// The bundle file.
        file: PathBuf,
        /// What is wrong, naming the part of the bundle where it can.
        problem: String,
    },
    /// The bundle could not be written or read from the disk.
    #[error("{file}: {source}")]
    Io {
        /// The bundle file.
        file: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The library refused the change.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl BundleError {
    pub(crate) fn invalid(file: &std::path::Path, problem: impl Into<String>) -> BundleError {
        BundleError::Invalid { file: file.to_owned(), problem: problem.into() }
    }
}
