//! The command line, as `shared/CLI.md` fixes it (names and flags scripts rely on) plus the
//! commands Plenary adds.

// Argument enums are built once per run; boxing their variants would only add noise.
#![allow(clippy::large_enum_variant)]

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Plenary: assemble conference statements from a library of vetted language.
#[derive(Debug, Parser)]
#[command(name = "plenary", version, about, long_about = None, max_term_width = 100)]
pub(crate) struct Cli {
    /// The library file (default: $PLENARY_DB, else the desktop app's file in the OS app-data folder).
    #[arg(long, global = true, value_name = "FILE", env = "PLENARY_DB")]
    pub(crate) db: Option<PathBuf>,
    /// Who is making the change, recorded with new versions (default: $PLENARY_AUTHOR, else the login name).
    #[arg(long, global = true, value_name = "NAME", env = "PLENARY_AUTHOR")]
    pub(crate) author: Option<String>,
    /// Folder of user templates that override or add to the built-in ones (default:
    /// $PLENARY_TEMPLATES, else `templates` in the app-data folder).
    #[arg(long, global = true, value_name = "DIR", env = "PLENARY_TEMPLATES")]
    pub(crate) templates: Option<PathBuf>,
    /// Without a command, `plenary` prints an overview of the library.
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Create or migrate the library; print its path.
    Init {
        /// Fill an empty library with the demo organisation, sections, event and statement.
        #[arg(long)]
        demo: bool,
    },
    /// Library sections: add, edit, show, list, history, vet, retire.
    #[command(subcommand)]
    Section(SectionCommand),
    /// Search the library (ranked; accents ignored; the last word matches as a prefix).
    Search(SearchArgs),
    /// Section kinds: list, add.
    #[command(subcommand)]
    Kind(KindCommand),
    /// Facts that bodies cite as {{fact.KEY}}.
    #[command(subcommand)]
    Fact(FactCommand),
    /// The termbase: words and phrases to avoid, with the wording to use instead.
    #[command(subcommand)]
    Term(TermCommand),
    /// The organisation profile templates print.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Events (conferences) and their rules.
    #[command(subcommand)]
    Event(EventCommand),
    /// Statements for events: new, add, text, move, show, list.
    #[command(subcommand)]
    Statement(StatementCommand),
    /// Export a statement to a file (the export is recorded with the versions that went in).
    Export {
        statement: String,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Template (default: the statement's own).
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// Put the statement's translation into LANG in a second column beside it (pdf, html,
        /// docx); items with no translation are named.
        #[arg(long, value_name = "LANG")]
        parallel: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        json: Json,
    },
    /// Split a past statement (.txt, .md, .html, .docx, .pdf) into proposed sections; `--save` stores
    /// them as drafts.
    Import(ImportArgs),
    /// What was exported: an export's text, versions and facts, or its file again.
    #[command(subcommand)]
    Exports(ExportsCommand),
    /// Share the library with colleagues: write a bundle file, or merge one in.
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// Templates: list them, or write the built-in ones out for editing.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Write a consistent copy of the library; `backup list` shows the backups there are.
    #[command(args_conflicts_with_subcommands = true)]
    Backup {
        /// Where to write it (default: backups/ beside the library).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(subcommand)]
        command: Option<BackupCommand>,
    },
    /// Put a backup in place of the library (default: the newest good one). A sound library is
    /// backed up first; a damaged one is kept aside in backups/.
    Restore {
        /// The backup: a file, or a name from `backup list`.
        backup: Option<PathBuf>,
        #[command(flatten)]
        json: Json,
    },
    /// Check the library file for damage; exit 1 if any is found.
    Check,
    /// Measure Plenary on a generated library and print the figures.
    #[command(subcommand)]
    Bench(BenchCommand),
}

/// `plenary exports`.
#[derive(Debug, Subcommand)]
pub(crate) enum ExportsCommand {
    /// What an export contained: its text, the versions and fact values that went in, its file's
    /// SHA-256 (ids from `statement exports`).
    Show {
        id: String,
        #[command(flatten)]
        json: Json,
    },
    /// Write the exported file again, byte for byte (the same SHA-256), whatever changed since.
    Copy {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// `plenary bundle`.
#[derive(Debug, Subcommand)]
pub(crate) enum BundleCommand {
    /// Write the library (or the sections chosen) with their whole history, vetting, kinds,
    /// facts and organisation profile to a .plenary file.
    Export {
        /// The bundle file to write.
        file: PathBuf,
        /// Share this section (repeat for several); without --section or --tag, everything.
        #[arg(long = "section", value_name = "ID")]
        sections: Vec<String>,
        /// Share the sections carrying this tag (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        #[command(flatten)]
        json: Json,
    },
    /// Merge a colleague's bundle: new sections and versions are added, nothing is overwritten;
    /// sections changed on both sides are kept in both versions and marked diverged.
    Import {
        /// The bundle file.
        file: PathBuf,
        #[command(flatten)]
        json: Json,
    },
}

/// `plenary import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The file to import.
    pub(crate) file: PathBuf,
    /// The language of sections whose language cannot be told from their text (BCP 47).
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// Store the proposed sections as drafts (those already in the library are skipped).
    #[arg(long)]
    pub(crate) save: bool,
    /// With --save: this kind for every section instead of the guessed ones.
    #[arg(long, requires = "save")]
    pub(crate) kind: Option<String>,
    /// With --save: tag every saved section (repeat for several).
    #[arg(long = "tag", value_name = "TAG", requires = "save")]
    pub(crate) tags: Vec<String>,
    /// With --save: also keep the document as a past (submitted) statement built from its
    /// sections.
    #[arg(long, requires = "save")]
    pub(crate) as_statement: bool,
    /// The past statement's event.
    #[arg(long, value_name = "ID", requires = "as_statement")]
    pub(crate) event: Option<String>,
    /// The past statement's date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", requires = "as_statement")]
    pub(crate) date: Option<String>,
    /// The past statement's title (default: the document's).
    #[arg(long, value_name = "TITLE", requires = "as_statement")]
    pub(crate) statement_title: Option<String>,
    #[command(flatten)]
    pub(crate) json: Json,
}

/// Either inline text or a file (`-` for standard input).
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub(crate) struct BodyArgs {
    /// The body, Markdown.
    #[arg(long)]
    pub(crate) body: Option<String>,
    /// Read the body from FILE (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub(crate) body_file: Option<PathBuf>,
}

/// Like [`BodyArgs`] but optional.
#[derive(Debug, Args)]
#[group(required = false, multiple = false)]
pub(crate) struct OptionalBodyArgs {
    /// The new body, Markdown.
    #[arg(long)]
    pub(crate) body: Option<String>,
    /// Read the new body from FILE (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub(crate) body_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum BackupCommand {
    /// The backups in backups/ beside the library, newest first.
    List {
        #[command(flatten)]
        json: Json,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum StatusArg {
    Draft,
    #[value(name = "in_review")]
    InReview,
    Vetted,
    Retired,
}

/// The statuses a new section may start with: vetting is a step of its own (`section vet`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum NewStatusArg {
    Draft,
    #[value(name = "in_review")]
    InReview,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    Pdf,
    Html,
    Txt,
    Md,
    Docx,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TemplateCommand {
    /// List the templates and where each comes from.
    List {
        #[command(flatten)]
        json: Json,
    },
    /// Write the built-in templates into DIR for editing.
    Export { dir: PathBuf },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum StatementStatusArg {
    Draft,
    Final,
    Submitted,
}

#[derive(Debug, Args)]
pub(crate) struct Json {
    /// Print one JSON document.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct FilterArgs {
    /// Only this kind.
    #[arg(long)]
    pub(crate) kind: Option<String>,
    /// Only sections with this tag.
    #[arg(long)]
    pub(crate) tag: Option<String>,
    /// Only this status.
    #[arg(long, value_enum)]
    pub(crate) status: Option<StatusArg>,
    /// Only this language.
    #[arg(long)]
    pub(crate) lang: Option<String>,
    /// Only sections due for review on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub(crate) review_due_by: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum SectionCommand {
    /// Add a section (version 1); print its id.
    Add {
        #[arg(long)]
        title: String,
        /// about, work, activism, position, recommendation, closing, other, or one added with `kind add`.
        #[arg(long)]
        kind: String,
        /// BCP 47 language tag.
        #[arg(long, default_value = "en")]
        lang: String,
        /// A tag (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// draft or in_review; a section is vetted with `section vet` after review.
        #[arg(long, value_enum, default_value = "draft")]
        status: NewStatusArg,
        #[arg(long)]
        owner: Option<String>,
        /// When the language should be reviewed (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        review_due: Option<String>,
        #[command(flatten)]
        body: BodyArgs,
        #[command(flatten)]
        json: Json,
    },
    /// Edit a section; a changed title or body saves a new version.
    Edit {
        id: String,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        body: OptionalBodyArgs,
        /// Why the text changed, kept with the new version.
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        /// The section's tags become exactly these (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Remove all tags.
        #[arg(long, conflicts_with = "tags")]
        clear_tags: bool,
        #[arg(long)]
        lang: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        /// YYYY-MM-DD, or "none" to clear.
        #[arg(long, value_name = "DATE")]
        review_due: Option<String>,
        #[command(flatten)]
        json: Json,
    },
    /// Show a section: current version, status, tags, translations, where it is used.
    Show {
        id: String,
        #[command(flatten)]
        json: Json,
    },
    /// List sections.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        json: Json,
    },
    /// A section's versions, newest first.
    History {
        id: String,
        #[command(flatten)]
        json: Json,
    },
    /// Submit a draft for review.
    Submit { id: String },
    /// Mark the current version vetted (the section must be in review).
    Vet {
        id: String,
        /// Who vetted it.
        #[arg(long)]
        by: String,
    },
    /// Send a section in review back to draft.
    Reject { id: String },
    /// End a divergence (after `bundle import`): the chosen version's text becomes the current one.
    Resolve {
        id: String,
        /// The version whose text goes on (see `section history`).
        #[arg(long, value_name = "VERSION")]
        keep: u32,
        #[command(flatten)]
        json: Json,
    },
    /// Save an older version's text as a new version (any unsaved draft of it is dropped).
    Restore {
        id: String,
        /// The version to bring back (see `section history`).
        version: u32,
        #[command(flatten)]
        json: Json,
    },
    /// Retire a section: no longer offered for new statements.
    Retire { id: String },
    /// Delete a section no statement uses, with its whole history (retire one that was used).
    Delete { id: String },
    /// Bring a retired section back as a draft.
    Reinstate { id: String },
    /// Link a translation to the section it was translated from (ID is the source, OTHER the
    /// translation, made from the source's current version).
    Link { id: String, other: String },
    /// Take a section out of its translation group.
    Unlink { id: String },
    /// Record that a translation now says what its source's current version says.
    TranslationUpdated { id: String },
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The words to find.
    pub(crate) query: String,
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// Most hits to show.
    #[arg(long, default_value_t = 20)]
    pub(crate) limit: usize,
    #[command(flatten)]
    pub(crate) json: Json,
}

#[derive(Debug, Subcommand)]
pub(crate) enum KindCommand {
    /// List the kinds.
    List {
        #[command(flatten)]
        json: Json,
    },
    /// Add a kind.
    Add { name: String },
}

#[derive(Debug, Subcommand)]
pub(crate) enum FactCommand {
    /// Set a fact (create or update).
    Set {
        key: String,
        value: String,
        /// When the figure was true: YYYY, YYYY-MM or YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        source: Option<String>,
        /// Set the value for text in this language only (the fact must exist).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// List the facts (stale ones, over a year old, are marked).
    List {
        #[command(flatten)]
        json: Json,
    },
    /// Delete a fact that no final or submitted statement cites; with --lang, only its value
    /// in that language.
    Remove {
        key: String,
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum TermCommand {
    /// Add a term to avoid; print its id.
    Add {
        /// The word or phrase to avoid ("illegal immigrant").
        term: String,
        /// The wording to use instead ("undocumented migrant").
        #[arg(long)]
        prefer: String,
        /// The language it applies to (default: en).
        #[arg(long, default_value = "en")]
        lang: String,
        /// Why, or where the rule comes from.
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        json: Json,
    },
    /// List the termbase.
    List {
        #[command(flatten)]
        json: Json,
    },
    /// Remove a term.
    Remove { id: String },
}

#[derive(Debug, Subcommand)]
pub(crate) enum OrgCommand {
    /// Change the organisation profile.
    Set {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        short: Option<String>,
        /// A PNG or SVG file.
        #[arg(long, value_name = "FILE")]
        logo: Option<PathBuf>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long, value_name = "URL")]
        website: Option<String>,
    },
    /// Show the organisation profile.
    Show {
        #[command(flatten)]
        json: Json,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum EventCommand {
    /// Delete an event no statement uses.
    Delete { id: String },
    /// Add an event; print its id.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        short: Option<String>,
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        organiser: Option<String>,
        #[arg(long, value_name = "DATE")]
        starts: Option<String>,
        #[arg(long, value_name = "DATE")]
        ends: Option<String>,
        #[arg(long, value_name = "DATE")]
        deadline: Option<String>,
        /// Most words: N for every language, LANG=N for one (repeat: --word-limit 800
        /// --word-limit es=900).
        #[arg(long = "word-limit", value_name = "[LANG=]N")]
        word_limits: Vec<String>,
        /// An accepted language (repeat for several).
        #[arg(long = "lang", value_name = "LANG")]
        langs: Vec<String>,
        #[command(flatten)]
        json: Json,
    },
    /// List events.
    List {
        #[command(flatten)]
        json: Json,
    },
    /// Show one event.
    Show {
        id: String,
        #[command(flatten)]
        json: Json,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum StatementCommand {
    /// Delete a draft that was never final; it can be undeleted for 30 days.
    Delete { statement: String },
    /// Bring back a statement deleted in the last 30 days.
    Undelete { statement: String },
    /// Start a statement; print its id.
    New {
        #[arg(long)]
        title: String,
        #[arg(long, value_name = "ID")]
        event: Option<String>,
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[command(flatten)]
        json: Json,
    },
    /// Start a statement from an earlier one (same event, items and signatories); print its id.
    Copy {
        statement: String,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        json: Json,
    },
    /// Append library sections as linked items.
    Add {
        statement: String,
        #[arg(required = true)]
        sections: Vec<String>,
    },
    /// Append statement-only text.
    Text {
        statement: String,
        #[arg(long)]
        title: String,
        #[command(flatten)]
        body: BodyArgs,
    },
    /// Move the item at FROM to TO (1-based positions).
    Move { statement: String, from: u32, to: u32 },
    /// Remove the item at POSITION.
    Remove { statement: String, position: u32 },
    /// Re-pin a linked item to its section's newest vetted version.
    Update { statement: String, position: u32 },
    /// Turn a linked item into text of this statement alone.
    Fork { statement: String, position: u32 },
    /// Ask someone to sign (appended last; printed once they agree, see `consent`).
    Sign {
        statement: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: Option<String>,
    },
    /// Record a signatory's answer: agreement keeps the text agreed to, and goes stale if the
    /// text changes afterwards.
    Consent {
        statement: String,
        /// The signatory's 1-based position.
        position: u32,
        /// They agreed to this text.
        #[arg(long, conflicts_with = "declined", required_unless_present = "declined")]
        agreed: bool,
        /// They declined.
        #[arg(long)]
        declined: bool,
        /// Who recorded (or gave) the agreement; default: --author.
        #[arg(long)]
        by: Option<String>,
        /// Why they declined, or who said so.
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove a signatory.
    Unsign { statement: String, position: u32 },
    /// Move a signatory from one position to another (1-based).
    MoveSignatory { statement: String, from: u32, to: u32 },
    /// Move a statement to draft, final or submitted. Final freezes what its exports are made
    /// of (facts, event, organisation profile, template) until it is reopened as a draft.
    Status {
        statement: String,
        #[arg(value_enum)]
        status: StatementStatusArg,
        /// Why (kept in the statement's history; say why when reopening).
        #[arg(long)]
        note: Option<String>,
    },
    /// Show a statement: items in order, word count, warnings.
    Show {
        statement: String,
        #[command(flatten)]
        json: Json,
    },
    /// List statements.
    List {
        #[command(flatten)]
        json: Json,
    },
    /// The statement's recorded exports, newest first.
    Exports {
        statement: String,
        #[command(flatten)]
        json: Json,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum BenchCommand {
    /// Time PDF, HTML and DOCX export of a five-page statement, and WeasyPrint on the same HTML.
    Export {
        /// Timed runs of each export.
        #[arg(long, default_value_t = 30)]
        runs: usize,
        /// Template to export through.
        #[arg(long, default_value = "letterhead")]
        template: String,
    },
    /// Build a realistic library, then time opening it and searching it.
    Library {
        /// How many sections to create.
        #[arg(long, default_value_t = 10_000)]
        sections: usize,
        /// How many searches to time.
        #[arg(long, default_value_t = 400)]
        queries: usize,
        /// Keep the generated library at FILE (default: a temporary file, deleted afterwards).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Seed for the generator, for repeatable runs.
        #[arg(long, default_value_t = 2017)]
        seed: u64,
    },
}
