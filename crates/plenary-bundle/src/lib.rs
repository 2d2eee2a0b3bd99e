//! Sharing a library between colleagues with `.plenary` bundle files.
//!
//! A bundle is a ZIP archive holding `manifest.json` (format, format version, who wrote it and
//! when, each other file's size and SHA-256), `library.json` (a
//! [`plenary_core::share::SharedLibrary`]: sections with their whole history and vetting, kinds,
//! facts, the organisation profile) and the organisation's logo. [`write_bundle`] writes one from
//! a library; [`import_bundle`] reads one, checking everything before the library is touched, and
//! merges it by the rules of [`plenary_core::share`] in one transaction after a backup.

mod error;
mod manifest;
mod read;
mod write;

use std::path::Path;

use plenary_core::date::Date;
use plenary_core::share::MergeReport;
use plenary_store::Store;

pub use error::BundleError;
pub use manifest::{FORMAT, FORMAT_VERSION, FileEntry, Manifest};
pub use read::{Bundle, read_bundle, read_bundle_bytes};
pub use write::{Selection, Written, write_bundle};

/// What importing a bundle did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The bundle's manifest (who sent it, when).
    pub manifest: Manifest,
    /// What the merge added, updated and could not decide.
    pub report: MergeReport,
}

/// Reads the bundle at `path` and merges it into `store` on `today`. A bundle that fails any
/// check changes nothing; a sound one is merged in one transaction after the library is backed
/// up.
pub fn import_bundle(store: &mut Store, path: &Path, today: Date) -> Result<Imported, BundleError> {
    let bundle = read_bundle(path)?;
    let file_name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned());
    let sender = match bundle.manifest.organisation.trim() {
        "" => String::new(),
        name => format!(" from {name}"),
    };
    let via = format!("bundle {file_name}{sender}, imported {today}");
    store.backup_before("bundle-import")?;
    let report = store.write(|write| write.merge_shared(&bundle.library, &via))?;
    Ok(Imported { manifest: bundle.manifest, report })
}
