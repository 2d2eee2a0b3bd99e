//! Turning command-line text into model values, with errors that name the flag.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use plenary_core::date::{Date, parse_date};
use plenary_core::event::parse_word_limit;
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::status::{SectionStatus, StatementStatus};
use plenary_store::{SectionFilter, Store, StoreError, default_database_path};

use crate::args::{BodyArgs, FilterArgs, NewStatusArg, OptionalBodyArgs, StatementStatusArg, StatusArg};

/// The library file: `--db`/`$PLENARY_DB`, else the app's default.
pub(crate) fn database_path(given: Option<PathBuf>) -> Result<PathBuf> {
    given.or_else(default_database_path).ok_or_else(|| {
        anyhow!("this system reports no app-data folder; give the library file with --db FILE or $PLENARY_DB")
    })
}

/// Opens the library, which must exist (a mistyped `--db` creates nothing), naming the file in
/// any error.
pub(crate) fn open(path: &Path) -> Result<Store> {
    Store::open_existing(path).map_err(|error| match error {
        StoreError::Missing { .. } => anyhow!("{error}; `plenary --db {} init` creates one", path.display()),
        other => other.into(),
    })
}

/// Opens the library, creating it (and its folder) if there is none: `init` and the default file.
pub(crate) fn open_or_create(path: &Path) -> Result<Store> {
    Ok(Store::open(path)?)
}

/// Who is making changes: `--author`/`$PLENARY_AUTHOR`, else the login name.
pub(crate) fn author(given: Option<String>) -> String {
    given
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Today in the local time zone, or `$PLENARY_TODAY` (YYYY-MM-DD) for reproducible runs.
pub(crate) fn today() -> Result<Date> {
    match std::env::var("PLENARY_TODAY") {
        Ok(text) => Ok(parse_date("$PLENARY_TODAY", &text)?),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
    }
}

/// The body given inline, from a file, or from standard input.
pub(crate) fn body(args: BodyArgs) -> Result<String> {
    optional_body(OptionalBodyArgs { body: args.body, body_file: args.body_file })?
        .ok_or_else(|| anyhow!("give the body with --body TEXT or --body-file FILE"))
}

/// Like [`body`] when a body is optional.
/// Line endings are left as read: the store normalises every body it saves.
pub(crate) fn optional_body(args: OptionalBodyArgs) -> Result<Option<String>> {
    match (args.body, args.body_file) {
        (Some(body), _) => Ok(Some(body)),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("cannot read the body from standard input")?;
            Ok(Some(text))
        }
        (None, Some(path)) => std::fs::read_to_string(&path)
            .map(Some)
            .with_context(|| format!("cannot read body file '{}'", path.display())),
        (None, None) => Ok(None),
    }
}

pub(crate) fn date(flag: &str, text: Option<&str>) -> Result<Option<Date>> {
    Ok(text.map(|text| parse_date(flag, text)).transpose()?)
}

pub(crate) fn language(flag: &str, text: &str) -> Result<Language> {
    Ok(Language::parse(flag, text)?)
}

pub(crate) fn kind(text: &str) -> Result<Kind> {
    Ok(Kind::parse(text)?)
}

pub(crate) fn section_status(status: StatusArg) -> SectionStatus {
    match status {
        StatusArg::Draft => SectionStatus::Draft,
        StatusArg::InReview => SectionStatus::InReview,
        StatusArg::Vetted => SectionStatus::Vetted,
        StatusArg::Retired => SectionStatus::Retired,
    }
}

pub(crate) fn new_section_status(status: NewStatusArg) -> SectionStatus {
    match status {
        NewStatusArg::Draft => SectionStatus::Draft,
        NewStatusArg::InReview => SectionStatus::InReview,
    }
}

pub(crate) fn statement_status(status: StatementStatusArg) -> StatementStatus {
    match status {
        StatementStatusArg::Draft => StatementStatus::Draft,
        StatementStatusArg::Final => StatementStatus::Final,
        StatementStatusArg::Submitted => StatementStatus::Submitted,
    }
}

pub(crate) fn filter(args: FilterArgs) -> Result<SectionFilter> {
    Ok(SectionFilter {
        kind: args.kind.as_deref().map(kind).transpose()?,
        tag: args.tag,
        status: args.status.map(section_status),
        lang: args.lang.as_deref().map(|text| language("--lang", text)).transpose()?,
        review_due_by: date("--review-due-by", args.review_due_by.as_deref())?,
    })
}

/// `--word-limit` values: the limit for every language (the last one given) and those of single
/// languages.
pub(crate) fn word_limits(given: &[String]) -> Result<(Option<u32>, BTreeMap<Language, u32>)> {
    let mut every = None;
    let mut per_language = BTreeMap::new();
    for text in given {
        match parse_word_limit("--word-limit", text)? {
            (None, limit) => every = Some(limit),
            (Some(lang), limit) => {
                per_language.insert(lang, limit);
            }
        }
    }
    Ok((every, per_language))
}
