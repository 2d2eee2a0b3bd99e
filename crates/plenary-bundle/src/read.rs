//! Reading a bundle, trusting nothing in it: sizes are capped before anything is unpacked, only
//! the files the manifest lists (and this format knows) may be present, each must match its
//! checksum, and the contents are checked before the library sees them.

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Seek};
use std::path::Path;

use plenary_core::organisation::{Logo, MAX_LOGO_BYTES};
use plenary_core::share::SharedLibrary;

use crate::error::BundleError;
use crate::manifest::{FORMAT, FORMAT_VERSION, LIBRARY_FILE, MANIFEST_FILE, Manifest, sha256_hex};

/// The largest bundle file opened at all.
const MAX_BUNDLE_BYTES: u64 = 512 * 1024 * 1024;
/// The most `library.json` may unpack to: a zip bomb stops here.
const MAX_LIBRARY_BYTES: u64 = 1024 * 1024 * 1024;
/// The most the manifest may unpack to.
const MAX_MANIFEST_BYTES: u64 = 64 * 1024;
/// The most files a bundle may hold (the manifest, the library, a logo, and room to grow).
const MAX_ENTRIES: usize = 16;
/// The files a bundle may hold besides its manifest.
const KNOWN_FILES: [&str; 3] = [LIBRARY_FILE, "logo.png", "logo.svg"];

/// A bundle read and checked, ready to merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// Its manifest.
    pub manifest: Manifest,
    /// Its contents (the organisation's logo included).
    pub library: SharedLibrary,
}

/// Reads and checks the bundle at `path`. Every problem is one [`BundleError::Invalid`] naming
/// the file and, where it can, the part of the bundle.
pub fn read_bundle(path: &Path) -> Result<Bundle, BundleError> {
    let file = File::open(path).map_err(|source| BundleError::Io { file: path.to_owned(), source })?;
    let size = file.metadata().map_err(|source| BundleError::Io { file: path.to_owned(), source })?.len();
    read_archive(path, file, size)
}

/// Reads and checks a bundle already in memory; `name` names it in errors.
pub fn read_bundle_bytes(name: &Path, bytes: &[u8]) -> Result<Bundle, BundleError> {
    read_archive(name, std::io::Cursor::new(bytes), bytes.len() as u64)
}

fn read_archive<R: Read + Seek>(path: &Path, file: R, size: u64) -> Result<Bundle, BundleError> {
    let invalid = |problem: String| BundleError::invalid(path, problem);
    if size > MAX_BUNDLE_BYTES {
        return Err(invalid(format!("the file is {} MB; bundles are at most 512 MB", size / 1024 / 1024)));
    }
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|error| invalid(format!("not a Plenary bundle (a bundle is a ZIP archive): {error}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(invalid(format!(
            "it holds {} files; a bundle holds at most {MAX_ENTRIES}",
            archive.len()
        )));
    }

    let manifest_bytes = entry(&mut archive, path, MANIFEST_FILE, MAX_MANIFEST_BYTES)?
        .ok_or_else(|| invalid("not a Plenary bundle: it has no manifest.json".to_owned()))?;
    let manifest = manifest(&manifest_bytes).map_err(invalid)?;

    // Only files the manifest lists, of kinds this format has, may be present: nothing else in
    // the archive (such as `../` names) is ever read or written anywhere.
    let listed: HashSet<&str> = manifest.files.iter().map(|file| file.name.as_str()).collect();
    if listed.len() != manifest.files.len() {
        return Err(invalid("manifest.json lists a file twice".to_owned()));
    }
    if let Some(unknown) = manifest.files.iter().find(|file| !KNOWN_FILES.contains(&file.name.as_str())) {
        return Err(invalid(format!(
            "manifest.json lists '{}', which is not part of a bundle",
            unknown.name
        )));
    }
    let mut present = HashSet::new();
    for name in archive.file_names() {
        if name != MANIFEST_FILE && !listed.contains(name) {
            return Err(invalid(format!(
                "it holds a file its manifest does not list: '{}'",
                printable(name)
            )));
        }
        present.insert(name.to_owned());
    }
    if present.len() != archive.len() {
        return Err(invalid("it holds two files of the same name".to_owned()));
    }

    let mut library: Option<SharedLibrary> = None;
    let mut logo: Option<Logo> = None;
    for listed in &manifest.files {
        let name = listed.name.as_str();
        let limit = if name == LIBRARY_FILE { MAX_LIBRARY_BYTES } else { MAX_LOGO_BYTES as u64 };
        if listed.bytes > limit {
            return Err(invalid(format!(
                "{name} is listed at {} bytes, more than a bundle may hold",
                listed.bytes
            )));
        }
        let bytes = entry(&mut archive, path, name, limit)?
            .ok_or_else(|| invalid(format!("manifest.json lists {name}, but the bundle does not hold it")))?;
        if bytes.len() as u64 != listed.bytes || sha256_hex(&bytes) != listed.sha256 {
            return Err(invalid(format!(
                "{name} does not match its checksum in manifest.json (it was changed or damaged after it was written)"
            )));
        }
        if name == LIBRARY_FILE {
            let parsed: SharedLibrary = serde_json::from_slice(&bytes)
                .map_err(|error| invalid(format!("{LIBRARY_FILE}: {error}")))?;
            parsed.check().map_err(|error| invalid(format!("{LIBRARY_FILE}: {error}")))?;
            library = Some(parsed);
        } else {
            logo = Some(Logo::from_file_bytes(name, bytes).map_err(|error| invalid(error.to_string()))?);
        }
    }
    let mut library = library.ok_or_else(|| invalid(format!("it has no {LIBRARY_FILE}")))?;
    if manifest.sections != library.sections.len() {
        return Err(invalid(format!(
            "manifest.json counts {} sections but {LIBRARY_FILE} holds {}",
            manifest.sections,
            library.sections.len()
        )));
    }
    library.organisation.logo = logo;
    Ok(Bundle { manifest, library })
}

/// The manifest, its format and version checked before its fields, so that a bundle from a
/// newer Plenary says so rather than failing on a field this build does not know.
fn manifest(bytes: &[u8]) -> Result<Manifest, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|error| format!("manifest.json is not valid JSON: {error}"))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err("not a Plenary bundle (manifest.json does not name the plenary-bundle format)".to_owned());
    }
    match value.get("format_version").and_then(serde_json::Value::as_u64) {
        Some(version) if version > u64::from(FORMAT_VERSION) => {
            return Err(format!(
                "made by a newer Plenary (bundle format {version}; this version reads up to {FORMAT_VERSION}); update Plenary to import it"
            ));
        }
        Some(1..) => {}
        _ => return Err("manifest.json has no valid format_version".to_owned()),
    }
    serde_json::from_value(value).map_err(|error| format!("manifest.json: {error}"))
}

/// One file of the archive, refused if it unpacks past `limit` bytes; `None` if absent.
fn entry<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    path: &Path,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, BundleError> {
    let file = archive.by_name(name);
    let problem = |detail: String| BundleError::invalid(path, detail);
    let entry = match file {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(problem(format!("{name} cannot be read: {error}"))),
    };
    if entry.size() > limit {
        return Err(problem(format!("{name} unpacks to more than {} MB", limit / 1024 / 1024)));
    }
    let mut bytes = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| problem(format!("{name} cannot be read: {error}")))?;
    if bytes.len() as u64 > limit {
        return Err(problem(format!("{name} unpacks to more than {} MB", limit / 1024 / 1024)));
    }
    Ok(Some(bytes))
}

/// A name from the archive as an error message may show it (control characters escaped).
fn printable(name: &str) -> String {
    name.chars().take(200).flat_map(char::escape_default).collect()
}
