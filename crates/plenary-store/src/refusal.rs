//! What the library refuses to do as things stand, one named case each.
//!
//! A refusal is not a failure of the file: the request itself cannot be carried out (a section
//! that would be its own translation, a signatory named twice). Each case carries the values its
//! sentence names, so the English `Display` here serves the command line and the app words the
//! same case in the window's language from its key (`error.refused.<case>` in `strings.ts`,
//! built from the serialised form: `{"case": "...", "params": {...}}`).
//!
//! The sentences say what is wrong and what would work, in words that hold for every front end:
//! no command-line flags or menu names (the CLI adds its own advice, see `plenary-cli`).

use std::path::PathBuf;

use plenary_core::language::Language;
use serde::Serialize;

/// One thing the library will not do, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "case", content = "params", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Refusal {
    /// A kind name that is not in the library's list of kinds.
    #[error("unknown kind '{kind}' (known kinds: {})", known.join(", "))]
    UnknownKind {
        /// The kind asked for.
        kind: String,
        /// The kinds the library has.
        known: Vec<String>,
    },
    /// An id prefix too short to be told apart from others.
    #[error("id '{given}' is too short: give at least {min} characters of the {what}'s id")]
    IdTooShort {
        /// What was given.
        given: String,
        /// "section", "statement", …
        what: &'static str,
        /// The fewest characters accepted.
        min: usize,
    },
    /// A value stored in the library that cannot be read back (a damaged record).
    #[error("the library holds a {what} it cannot read ('{value}')")]
    UnreadableRecord {
        /// "export time", "statement date".
        what: &'static str,
        /// What is stored.
        value: String,
    },

    /// A statement without a title.
    #[error("a statement needs a title")]
    StatementNeedsTitle,
    /// A statement without a template.
    #[error("a statement needs a template")]
    StatementNeedsTemplate,
    /// A text item with neither title nor body.
    #[error("the text item is empty: give a title or a body")]
    EmptyTextItem,
    /// A position past the statement's items.
    #[error("no item at position {position}: the statement has {count} items")]
    NoSuchItem {
        /// The position asked for, from 1.
        position: u32,
        /// How many items there are.
        count: u32,
    },
    /// A library-only change asked of an item that is the statement's own text.
    #[error("item {position} is statement text, not a library section")]
    ItemIsText {
        /// Its position, from 1.
        position: u32,
    },
    /// Forking an item that is already the statement's own text.
    #[error("item {position} is already statement text")]
    ItemAlreadyText {
        /// Its position, from 1.
        position: u32,
    },
    /// Editing a linked library section in place.
    #[error("item {position} is a linked library section; fork it to change its text here")]
    ItemLinked {
        /// Its position, from 1.
        position: u32,
    },
    /// Updating an item that already shows the newest vetted version.
    #[error("item {position} already shows the newest vetted version (version {version})")]
    ItemUpToDate {
        /// Its position, from 1.
        position: u32,
        /// The version it shows.
        version: u32,
    },
    /// A signatory without a name.
    #[error("a signatory needs a name")]
    SignatoryNeedsName,
    /// The same name signing twice.
    #[error("'{name}' is already a signatory of this statement")]
    SignatoryTwice {
        /// The name given.
        name: String,
    },
    /// A position past the statement's signatories.
    #[error("no signatory at position {position}: the statement has {count}")]
    NoSuchSignatory {
        /// The position asked for, from 1.
        position: u32,
        /// How many signatories there are.
        count: u32,
    },
    /// A parallel export whose second column is the statement's own language.
    #[error("the statement is in '{lang}' already: give the other language for the second column")]
    ParallelSameLanguage {
        /// The language given.
        lang: Language,
    },

    /// A fact set without a value.
    #[error("fact '{key}' needs a value")]
    FactNeedsValue {
        /// The fact.
        key: String,
    },
    /// A fact's value in one language set empty.
    #[error("fact '{key}' needs a value in '{lang}'")]
    FactNeedsValueIn {
        /// The fact.
        key: String,
        /// The language.
        lang: Language,
    },
    /// A value in one language for a fact that does not exist yet.
    #[error("there is no fact '{key}' yet: set its value first, then its value in '{lang}'")]
    FactNotYet {
        /// The fact.
        key: String,
        /// The language.
        lang: Language,
    },
    /// Removing a language's value the fact does not have.
    #[error("fact '{key}' has no value of its own in '{lang}'")]
    FactNoValueIn {
        /// The fact.
        key: String,
        /// The language.
        lang: Language,
    },
    /// Deleting a fact that a kept statement cites.
    #[error("fact '{key}' is cited by {}; it stays while a final or submitted statement cites it", statements.join(", "))]
    FactCited {
        /// The fact.
        key: String,
        /// The titles of the statements citing it.
        statements: Vec<String>,
    },
    /// A term already in the termbase.
    #[error(
        "'{term}' is already in the termbase for '{lang}' (prefer \"{prefer}\"); remove it first to change it"
    )]
    TermExists {
        /// The term.
        term: String,
        /// Its language.
        lang: Language,
        /// What the termbase prefers.
        prefer: String,
    },

    /// Changing the text of a retired section.
    #[error("section '{title}' is retired; reinstate it to change its text")]
    SectionRetired {
        /// Its title.
        title: String,
    },
    /// Deleting a section that is linked as a translation.
    #[error("the section is linked to its translation or source; unlink it first")]
    SectionLinked,
    /// A section linked to itself.
    #[error("a section cannot be its own translation")]
    OwnTranslation,
    /// A translation link between sections in one language.
    #[error("both sections are in '{lang}'; translations link sections in different languages")]
    SameLanguage {
        /// Their language.
        lang: Language,
    },
    /// A link that would make a section the source of its own source.
    #[error("'{from}' was itself translated from '{to}'; unlink it first to swap which is the source")]
    TranslationLoop {
        /// The section to become the translation.
        from: String,
        /// The section to become its source.
        to: String,
    },
    /// Putting back the links of a section that has been linked again since.
    #[error(
        "'{title}' has been linked to a translation again since; unlink it first to put the old links back"
    )]
    AlreadyLinked {
        /// Its title.
        title: String,
    },
    /// Unlinking a section that has no translation link.
    #[error("'{title}' is not linked to any translation")]
    NotLinked {
        /// Its title.
        title: String,
    },
    /// Marking up to date a section that is no translation.
    #[error("'{title}' is not a translation of another section (link it to its source first)")]
    NotATranslation {
        /// Its title.
        title: String,
    },
    /// Marking up to date a translation that is.
    #[error("'{title}' is already up to date with version {version} of '{source_title}'")]
    TranslationUpToDate {
        /// The translation's title.
        title: String,
        /// The source's version it follows.
        version: u32,
        /// The source's title.
        source_title: String,
    },
    /// Resolving a section that has one text.
    #[error("section '{title}' is not diverged; edit it to change its text")]
    NotDiverged {
        /// Its title.
        title: String,
    },
    /// A merge that left a version behind (a defect: the merge copies every version first).
    #[error("section {section}: version {version} was not merged")]
    NotMerged {
        /// The section's id.
        section: String,
        /// The version missing.
        version: u32,
    },

    /// Asking a draft for the template kept when it was marked final.
    #[error("statement {statement} is a draft; only a final statement's template is kept")]
    DraftKeepsNoTemplate {
        /// The statement's id.
        statement: String,
    },
    /// A final statement's kept copy that cannot be read back.
    #[error(
        "the frozen copy of a final statement cannot be read ({detail}); reopen it as a draft to export it"
    )]
    FrozenUnreadable {
        /// Why.
        detail: String,
    },
    /// A final statement's copy that cannot be written.
    #[error("cannot keep the frozen copy: {detail}")]
    FrozenUnwritable {
        /// Why.
        detail: String,
    },

    /// A backup or export target that exists already.
    #[error("{} already exists; choose another file", file.display())]
    FileExists {
        /// The file.
        #[serde(serialize_with = "shown")]
        file: PathBuf,
    },
    /// Restoring when no backup can be read.
    #[error("{} has no good backup in {} ({checked} checked); nothing was changed", library.display(), folder.display())]
    NoGoodBackup {
        /// The library file.
        #[serde(serialize_with = "shown")]
        library: PathBuf,
        /// Where its backups are.
        #[serde(serialize_with = "shown")]
        folder: PathBuf,
        /// How many backups were tried.
        checked: usize,
    },
}

/// A path as a person reads it (serde refuses paths that are not UTF-8).
fn shown<S: serde::Serializer>(path: &std::path::Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_sent_as_its_case_and_the_values_its_sentence_names() {
        let refusal = Refusal::TranslationUpToDate {
            title: "Acceso".into(),
            version: 3,
            source_title: "Access".into(),
        };
        assert_eq!(refusal.to_string(), "'Acceso' is already up to date with version 3 of 'Access'");
        assert_eq!(
            serde_json::to_value(&refusal).expect("serialisable"),
            serde_json::json!({
                "case": "translationUpToDate",
                "params": { "title": "Acceso", "version": 3, "sourceTitle": "Access" },
            })
        );
        assert_eq!(
            serde_json::to_value(Refusal::SectionLinked).expect("serialisable"),
            serde_json::json!({ "case": "sectionLinked" })
        );
    }
}
