//! `manifest.json`: what a bundle is, which Plenary wrote it, and a checksum for every file.

use serde::{Deserialize, Serialize};

/// The `format` every bundle's manifest names.
pub const FORMAT: &str = "plenary-bundle";

/// The newest bundle format this build reads (and writes, when a bundle needs it). A change
/// that older builds could misread raises it.
pub const FORMAT_VERSION: u32 = 2;

/// The format a bundle is written in: 1 unless it holds what only format 2 carries (a fact's
/// values per language), so that older Plenary versions keep reading the bundles they can merge
/// without loss and refuse the others rather than drop those values.
pub(crate) fn format_version_for(library: &plenary_core::share::SharedLibrary) -> u32 {
    if library.facts.iter().any(|fact| !fact.values.is_empty()) { 2 } else { 1 }
}

/// The library's contents inside a bundle.
pub(crate) const LIBRARY_FILE: &str = "library.json";

/// The manifest's own name inside a bundle.
pub(crate) const MANIFEST_FILE: &str = "manifest.json";

/// A bundle's table of contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version it was written in.
    pub format_version: u32,
    /// The Plenary that wrote it ("Plenary 0.1.0").
    pub created_by: String,
    /// When it was written.
    pub created_at: jiff::Timestamp,
    /// The sender's organisation, as its profile names it (may be empty).
    pub organisation: String,
    /// How many sections it holds.
    pub sections: usize,
    /// Every other file in the bundle, with its size and SHA-256.
    pub files: Vec<FileEntry>,
}

/// One file listed in the manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its name inside the bundle.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its SHA-256, lowercase hex.
    pub sha256: String,
}

/// The lowercase hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}
