//! Writing a bundle: the chosen part of the library as `library.json`, the logo beside it, and a
//! manifest with the format version and each file's SHA-256. The file appears at its path only
//! once complete.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use plenary_core::id::SectionId;
use plenary_core::organisation::LogoFormat;
use plenary_store::Store;
use zip::write::SimpleFileOptions;

use crate::error::BundleError;
use crate::manifest::{
    FORMAT, FileEntry, LIBRARY_FILE, MANIFEST_FILE, Manifest, format_version_for, sha256_hex,
};

/// Which sections to share: those named and those carrying one of the tags; everything when both
/// are empty.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Sections by id.
    pub sections: Vec<SectionId>,
    /// Sections carrying any of these tags.
    pub tags: Vec<String>,
}

/// What was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// Where.
    pub path: PathBuf,
    /// How many sections it holds.
    pub sections: usize,
    /// How many versions they have between them.
    pub versions: usize,
    /// The file's size.
    pub bytes: u64,
}

/// Writes the sections `selection` chooses, with the library's kinds, facts and organisation
/// profile, to a bundle at `path` (replacing a file there only once the new one is complete).
pub fn write_bundle(store: &Store, selection: &Selection, path: &Path) -> Result<Written, BundleError> {
    let mut library = store.shared_library(&selection.sections, &selection.tags)?;
    if library.sections.is_empty() && !selection.tags.is_empty() {
        return Err(BundleError::invalid(
            path,
            format!("no section carries the tag {}; nothing to share", selection.tags.join(" or ")),
        ));
    }
    let logo = library.organisation.logo.take();
    let library_json = serde_json::to_vec_pretty(&library)
        .map_err(|error| BundleError::invalid(path, format!("the library cannot be written: {error}")))?;
    let mut files: Vec<(String, Vec<u8>)> = vec![(LIBRARY_FILE.to_owned(), library_json)];
    if let Some(logo) = logo {
        let name = match logo.format {
            LogoFormat::Png => "logo.png",
            LogoFormat::Svg => "logo.svg",
        };
        files.push((name.to_owned(), logo.bytes));
    }
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        format_version: format_version_for(&library),
        created_by: format!("Plenary {}", env!("CARGO_PKG_VERSION")),
        created_at: jiff::Timestamp::now(),
        organisation: library.organisation.name.clone(),
        sections: library.sections.len(),
        files: files
            .iter()
            .map(|(name, bytes)| FileEntry {
                name: name.clone(),
                bytes: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let manifest_json = serde_json::to_vec_pretty(&manifest)
        .map_err(|error| BundleError::invalid(path, format!("the manifest cannot be written: {error}")))?;

    let io = |source: std::io::Error| BundleError::Io { file: path.to_owned(), source };
    // Written beside the target (with the permissions any new file gets) and renamed over it
    // once flushed, so that a colleague never receives half a bundle.
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let written = write_zip(&partial, manifest_json, files).and_then(|bytes| {
        std::fs::rename(&partial, path)?;
        Ok(bytes)
    });
    let bytes = match written {
        Ok(bytes) => bytes,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(io(error));
        }
    };
    Ok(Written {
        path: path.to_owned(),
        sections: library.sections.len(),
        versions: library.sections.iter().map(|section| section.versions.len()).sum(),
        bytes,
    })
}

/// Writes the archive to `file` and flushes it to the disk; returns its size.
fn write_zip(file: &Path, manifest_json: Vec<u8>, files: Vec<(String, Vec<u8>)>) -> std::io::Result<u64> {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(file)?);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in std::iter::once((MANIFEST_FILE.to_owned(), manifest_json)).chain(files) {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    let file = zip.finish().map_err(std::io::Error::other)?;
    file.sync_all()?;
    Ok(file.metadata()?.len())
}
