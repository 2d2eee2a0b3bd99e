//! An export file written beside its target and put in place only inside the transaction that
//! records it, so that the file and its record exist together or not at all: if the library
//! cannot record the export, the previous file (or no file) is back where it was.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A finished export waiting beside its target (`<target>.partial`). Dropped without
/// [`StagedFile::keep`], it undoes everything it did.
#[derive(Debug)]
pub(crate) struct StagedFile {
    target: PathBuf,
    partial: PathBuf,
    /// The file the export replaced, kept aside until the export is recorded.
    previous: Option<PathBuf>,
    placed: bool,
}

impl StagedFile {
    /// Writes `bytes` to `<target>.partial` and flushes them to the disk.
    pub(crate) fn write(target: &Path, bytes: &[u8]) -> std::io::Result<StagedFile> {
        let staged = StagedFile {
            target: target.to_owned(),
            partial: beside(target, "partial"),
            previous: None,
            placed: false,
        };
        let mut file = File::create(&staged.partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(staged)
    }

    /// Puts the file in the target's place. A file already there is kept aside (a hard link, or
    /// a copy where the disk has none) until [`StagedFile::keep`], so it can be put back.
    pub(crate) fn put_in_place(&mut self) -> std::io::Result<()> {
        ensure_replaceable(&self.target)?;
        if self.target.is_file() {
            let previous = beside(&self.target, "previous");
            remove_if_there(&previous)?;
            // Noted first, so that a copy that fails half-way is removed too (on drop).
            self.previous = Some(previous.clone());
            if std::fs::hard_link(&self.target, &previous).is_err() {
                std::fs::copy(&self.target, &previous)?;
            }
        }
        std::fs::rename(&self.partial, &self.target)?;
        self.placed = true;
        Ok(())
    }

    /// The export is recorded: the previous file is no longer needed.
    pub(crate) fn keep(mut self) {
        if let Some(previous) = self.previous.take() {
            let _ = std::fs::remove_file(previous);
        }
        self.placed = false;
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if self.placed {
            let _ = match self.previous.take() {
                Some(previous) => std::fs::rename(previous, &self.target),
                None => std::fs::remove_file(&self.target),
            };
        } else if let Some(previous) = self.previous.take() {
            let _ = std::fs::remove_file(previous);
        }
        let _ = remove_if_there(&self.partial);
    }
}

/// On Windows a file another program holds open (Word, Acrobat) cannot be replaced, and a link
/// to it kept aside could not be removed either: ask first, with the access a rename needs.
#[cfg(windows)]
fn ensure_replaceable(target: &Path) -> std::io::Result<()> {
    use std::os::windows::fs::OpenOptionsExt;
    const DELETE: u32 = 0x0001_0000;
    const SHARE_ALL: u32 = 0x1 | 0x2 | 0x4;
    match std::fs::OpenOptions::new().access_mode(DELETE).share_mode(SHARE_ALL).open(target) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(not(windows))]
fn ensure_replaceable(_target: &Path) -> std::io::Result<()> {
    Ok(())
}

/// `<target>.<suffix>`, in the target's folder.
fn beside(target: &Path, suffix: &str) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The names of the files in `folder`, sorted (for the export tests here and in lib.rs).
    pub(crate) fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("list")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn an_export_not_recorded_puts_the_previous_file_back() {
        let folder = tempfile::tempdir().expect("folder");
        let target = folder.path().join("statement.pdf");
        std::fs::write(&target, b"what was submitted").expect("old file");
        let mut staged = StagedFile::write(&target, b"%PDF new").expect("staged");
        staged.put_in_place().expect("placed");
        assert_eq!(std::fs::read(&target).expect("read"), b"%PDF new");
        drop(staged);
        assert_eq!(std::fs::read(&target).expect("read"), b"what was submitted");
        assert_eq!(names(folder.path()), ["statement.pdf"]);
    }

    #[test]
    fn a_new_file_not_recorded_is_removed() {
        let folder = tempfile::tempdir().expect("folder");
        let target = folder.path().join("statement.pdf");
        let mut staged = StagedFile::write(&target, b"%PDF").expect("staged");
        staged.put_in_place().expect("placed");
        drop(staged);
        assert!(names(folder.path()).is_empty());
    }

    #[test]
    fn a_recorded_export_keeps_the_new_file_alone() {
        let folder = tempfile::tempdir().expect("folder");
        let target = folder.path().join("statement.pdf");
        std::fs::write(&target, b"old").expect("old file");
        let mut staged = StagedFile::write(&target, b"new").expect("staged");
        staged.put_in_place().expect("placed");
        staged.keep();
        assert_eq!(std::fs::read(&target).expect("read"), b"new");
        assert_eq!(names(folder.path()), ["statement.pdf"]);
    }
}
