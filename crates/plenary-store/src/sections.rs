//! Sections, their immutable versions, tags, translations and where they are used.

use plenary_core::ModelError;
use plenary_core::date::{Date, Timestamp};
use plenary_core::id::{SectionId, StatementId};
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::section::{Section, Version, Vetting, clean_tags};
use plenary_core::status::{SectionStatus, StatementStatus};
use plenary_core::text::normalize_newlines;
use plenary_core::words::plain_text;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use crate::error::{StoreError, StoreResult};
use crate::ids::{self, SECTIONS};
use crate::kinds;
use crate::refusal::Refusal;
use crate::rows::{non_blank, parsed, parsed_opt};
use crate::translations::OUT_OF_DATE_SQL;
use crate::{Store, Write};

/// A section to create; it starts at version 1.
#[derive(Debug, Clone)]
pub struct NewSection {
    /// Heading.
    pub title: String,
    /// Body, Markdown.
    pub body: String,
    /// Kind; must be known to the library.
    pub kind: Kind,
    /// Language.
    pub lang: Language,
    /// Tags.
    pub tags: Vec<String>,
    /// Initial status: draft or in review (see `SectionStatus::check_initial`).
    pub status: SectionStatus,
    /// Who answers for it.
    pub owner: Option<String>,
    /// When to review it.
    pub review_due: Option<Date>,
    /// Who is creating it.
    pub author: String,
    /// Note for version 1.
    pub note: Option<String>,
}

/// A change to a section. Fields left `None` stay as they are. A changed title or body saves a
/// new version; the rest is metadata and changes in place.
#[derive(Debug, Clone, Default)]
pub struct SectionEdit {
    /// New heading.
    pub title: Option<String>,
    /// New body.
    pub body: Option<String>,
    /// Why the text changed (kept with the new version).
    pub note: Option<String>,
    /// New kind.
    pub kind: Option<Kind>,
    /// New tag set (replaces the old one).
    pub tags: Option<Vec<String>>,
    /// New language.
    pub lang: Option<Language>,
    /// New owner (`Some(None)` clears it).
    pub owner: Option<Option<String>>,
    /// New review date (`Some(None)` clears it).
    pub review_due: Option<Option<Date>>,
    /// Who is editing.
    pub author: String,
}

/// Which sections to list or search. Empty means all.
#[derive(Debug, Clone, Default)]
pub struct SectionFilter {
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only sections with this tag (case-insensitive).
    pub tag: Option<String>,
    /// Only this status.
    pub status: Option<SectionStatus>,
    /// Only this language.
    pub lang: Option<Language>,
    /// Only sections due for review on or before this date.
    pub review_due_by: Option<Date>,
}

/// A line of the section list: everything but the text, for lists of thousands.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionSummary {
    /// The section.
    pub id: SectionId,
    /// Its current heading.
    pub title: String,
    /// Its kind.
    pub kind: Kind,
    /// Its language.
    pub lang: Language,
    /// Its status.
    pub status: SectionStatus,
    /// Its tags.
    pub tags: Vec<String>,
    /// When it is due for review.
    pub review_due: Option<Date>,
    /// Its current version number.
    pub current_version: u32,
    /// Whether its editor left unsaved text (a draft).
    pub has_draft: bool,
    /// Whether it is a translation whose source has changed since it was made.
    pub translation_out_of_date: bool,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// A statement item showing a section.
#[derive(Debug, Clone, PartialEq)]
pub struct Usage {
    /// The statement.
    pub statement: StatementId,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: StatementStatus,
    /// The item's position.
    pub position: u32,
    /// The pinned version.
    pub version: u32,
}

/// When a section was last used, and where (serialised as the command and the window show it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LastUse {
    /// The statement.
    #[serde(rename = "statement_id")]
    pub statement: StatementId,
    /// Its title.
    pub title: String,
    /// When: the export's time, or a submitted statement's date.
    pub on: Date,
    /// Whether that was an export (else a submitted statement with no export recorded).
    pub exported: bool,
}

/// Another section of the same translation group.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The section.
    pub section: SectionId,
    /// Its language.
    pub lang: Language,
    /// Its current title.
    pub title: String,
    /// Whether it is a translation whose source has changed since it was made.
    pub out_of_date: bool,
}

/// The columns [`section_from_row`] reads, current version joined in.
const SECTION_COLUMNS: &str = "SELECT s.id, v.title, v.body, s.kind,
        (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM section_tags t WHERE t.section_seq = s.seq ORDER BY tag_key)),
        s.lang, s.status, s.owner, s.review_due, s.translation_group, s.current_version,
        (SELECT max(number) FROM versions w WHERE w.section_seq = s.seq AND w.vetted_at IS NOT NULL),
        s.created_at, s.updated_at, s.diverged_with
    FROM sections s
    JOIN versions v ON v.section_seq = s.seq AND v.number = s.current_version
    JOIN kinds k ON k.name = s.kind";

fn section_from_row(row: &Row<'_>) -> rusqlite::Result<Section> {
    let tags: Option<String> = row.get(4)?;
    Ok(Section {
        id: parsed(row, 0)?,
        title: row.get(1)?,
        body: row.get(2)?,
        kind: parsed(row, 3)?,
        tags: tags.map(|tags| tags.split('\u{1f}').map(str::to_owned).collect()).unwrap_or_default(),
        lang: parsed(row, 5)?,
        status: parsed(row, 6)?,
        owner: row.get(7)?,
        review_due: parsed_opt(row, 8)?,
        translation_group: parsed_opt(row, 9)?,
        current_version: row.get(10)?,
        vetted_version: row.get(11)?,
        created_at: parsed(row, 12)?,
        updated_at: parsed(row, 13)?,
        diverged_with: row.get(14)?,
    })
}

pub(crate) fn version_from_row(row: &Row<'_>) -> rusqlite::Result<Version> {
    let vetted_by: Option<String> = row.get(7)?;
    let vetted_at: Option<Timestamp> = parsed_opt(row, 8)?;
    let via: Option<String> = row.get(9)?;
    Ok(Version {
        section_id: parsed(row, 0)?,
        number: row.get(1)?,
        title: row.get(2)?,
        body: row.get(3)?,
        author: row.get(4)?,
        created_at: parsed(row, 5)?,
        note: row.get(6)?,
        vetted: vetted_by.zip(vetted_at).map(|(by, at)| Vetting { by, at, via }),
        restored_from: row.get(10)?,
    })
}

pub(crate) const VERSION_COLUMNS: &str =
    "SELECT s.id, v.number, v.title, v.body, v.author, v.created_at, v.note, v.vetted_by, v.vetted_at, v.vetted_via,
        v.restored_from
    FROM versions v JOIN sections s ON s.seq = v.section_seq";

pub(crate) fn get(conn: &Connection, id: SectionId) -> StoreResult<Section> {
    let sql = format!("{SECTION_COLUMNS} WHERE s.id = ?1");
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query_map([id.to_string()], section_from_row)?;
    match rows.next() {
        Some(section) => Ok(section?),
        None => Err(StoreError::NotFound { what: "section", id: id.to_string() }),
    }
}

pub(crate) fn version(conn: &Connection, id: SectionId, number: u32) -> StoreResult<Version> {
    let sql = format!("{VERSION_COLUMNS} WHERE s.id = ?1 AND v.number = ?2");
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query_map(params![id.to_string(), number], version_from_row)?;
    match rows.next() {
        Some(version) => Ok(version?),
        None => Err(StoreError::NotFound { what: "section version", id: format!("{id} v{number}") }),
    }
}

/// Appends ` AND …` clauses for `filter` over the alias `s`, pushing their parameters.
pub(crate) fn filter_sql(filter: &SectionFilter, sql: &mut String, values: &mut Vec<Value>) {
    if let Some(kind) = &filter.kind {
        values.push(Value::Text(kind.to_string()));
        sql.push_str(&format!(" AND s.kind = ?{}", values.len()));
    }
    if let Some(status) = filter.status {
        values.push(Value::Text(status.to_string()));
        sql.push_str(&format!(" AND s.status = ?{}", values.len()));
    }
    if let Some(lang) = &filter.lang {
        values.push(Value::Text(lang.to_string()));
        sql.push_str(&format!(" AND s.lang = ?{}", values.len()));
    }
    if let Some(tag) = &filter.tag {
        values.push(Value::Text(tag.trim().to_lowercase()));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM section_tags t WHERE t.section_seq = s.seq AND t.tag_key = ?{})",
            values.len()
        ));
    }
    if let Some(due) = filter.review_due_by {
        values.push(Value::Text(due.to_string()));
        sql.push_str(&format!(" AND s.review_due <= ?{}", values.len()));
    }
}

fn require_title(title: &str) -> StoreResult<String> {
    let title = title.trim();
    if title.is_empty() {
        return Err(ModelError::invalid("title", title, "a section needs a title").into());
    }
    Ok(title.to_owned())
}

impl Store {
    /// Finds a section by its id or a unique prefix of it.
    pub fn resolve_section(&self, given: &str) -> StoreResult<SectionId> {
        let (_, id) = ids::resolve(&self.conn, SECTIONS, given)?;
        id.parse().map_err(|_| StoreError::NotFound { what: "section", id })
    }

    /// A section with its current version's text.
    pub fn section(&self, id: SectionId) -> StoreResult<Section> {
        get(&self.conn, id)
    }

    /// Sections matching `filter`, by kind (in the kinds' order) then title.
    pub fn sections(&self, filter: &SectionFilter) -> StoreResult<Vec<Section>> {
        let mut sql = format!("{SECTION_COLUMNS} WHERE 1");
        let mut values = Vec::new();
        filter_sql(filter, &mut sql, &mut values);
        sql.push_str(" ORDER BY k.position, v.title COLLATE NOCASE, s.id");
        let mut statement = self.conn.prepare(&sql)?;
        let sections =
            statement.query_map(params_from_iter(values), section_from_row)?.collect::<Result<_, _>>()?;
        Ok(sections)
    }

    /// Sections matching `filter` without their text, in the order of [`Store::sections`].
    pub fn section_list(&self, filter: &SectionFilter) -> StoreResult<Vec<SectionSummary>> {
        let mut sql = format!(
            "SELECT s.id, v.title, s.kind, s.lang, s.status,
                (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM section_tags t WHERE t.section_seq = s.seq ORDER BY tag_key)),
                s.review_due, s.current_version,
                EXISTS (SELECT 1 FROM section_drafts d WHERE d.section_seq = s.seq), s.updated_at, {OUT_OF_DATE_SQL}
             FROM sections s
             JOIN versions v ON v.section_seq = s.seq AND v.number = s.current_version
             JOIN kinds k ON k.name = s.kind WHERE 1",
        );
        let mut values = Vec::new();
        filter_sql(filter, &mut sql, &mut values);
        sql.push_str(" ORDER BY k.position, v.title COLLATE NOCASE, s.id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(values), |row| {
            let tags: Option<String> = row.get(5)?;
            Ok(SectionSummary {
                id: parsed(row, 0)?,
                title: row.get(1)?,
                kind: parsed(row, 2)?,
                lang: parsed(row, 3)?,
                status: parsed(row, 4)?,
                tags: tags.map(|tags| tags.split('\u{1f}').map(str::to_owned).collect()).unwrap_or_default(),
                review_due: parsed_opt(row, 6)?,
                current_version: row.get(7)?,
                has_draft: row.get(8)?,
                translation_out_of_date: row.get(10)?,
                updated_at: parsed(row, 9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The languages sections are written in, sorted.
    pub fn section_languages(&self) -> StoreResult<Vec<Language>> {
        let mut statement = self.conn.prepare_cached("SELECT DISTINCT lang FROM sections ORDER BY lang")?;
        let languages = statement.query_map([], |row| parsed(row, 0))?.collect::<Result<_, _>>()?;
        Ok(languages)
    }

    /// Every tag in use, once each (as first written), sorted without regard to case.
    pub fn tags(&self) -> StoreResult<Vec<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT min(tag) FROM section_tags GROUP BY tag_key ORDER BY tag_key")?;
        let tags = statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
        Ok(tags)
    }

    /// Every version of a section, newest first.
    pub fn history(&self, id: SectionId) -> StoreResult<Vec<Version>> {
        get(&self.conn, id)?;
        let sql = format!("{VERSION_COLUMNS} WHERE s.id = ?1 ORDER BY v.number DESC");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let versions = statement.query_map([id.to_string()], version_from_row)?.collect::<Result<_, _>>()?;
        Ok(versions)
    }

    /// One version of a section.
    pub fn version(&self, id: SectionId, number: u32) -> StoreResult<Version> {
        version(&self.conn, id, number)
    }

    /// When the section last went out: the newest export that contained it, else the newest
    /// submitted statement that shows it (imported past statements have no exports).
    pub fn last_used(&self, id: SectionId) -> StoreResult<Option<LastUse>> {
        get(&self.conn, id)?;
        // Export records list their versions as JSON; the id is matched as the JSON writes it.
        let needle = format!("%\"section\":\"{id}\"%");
        let exported: Option<(String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT st.id, st.title, e.created_at FROM exports e JOIN statements st ON st.seq = e.statement_seq
                 WHERE e.versions LIKE ?1 AND st.deleted_at IS NULL ORDER BY e.created_at DESC LIMIT 1",
            )?
            .query_row([needle], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .optional()?;
        if let Some((statement, title, at)) = exported {
            let at: Timestamp = at
                .parse()
                .map_err(|_| Refusal::UnreadableRecord { what: "export time", value: at.clone() })?;
            let on = at.to_zoned_datetime(jiff::tz::TimeZone::system()).date();
            let statement =
                statement.parse().map_err(|_| StoreError::NotFound { what: "statement", id: statement })?;
            return Ok(Some(LastUse { statement, title, on, exported: true }));
        }
        let submitted: Option<(String, String, Option<String>, String)> = self
            .conn
            .prepare_cached(
                "SELECT st.id, st.title, st.date, st.updated_at FROM statements st
                 JOIN items i ON i.statement_seq = st.seq JOIN sections s ON s.seq = i.section_seq
                 WHERE s.id = ?1 AND st.status = 'submitted' AND st.deleted_at IS NULL
                 ORDER BY coalesce(st.date, substr(st.updated_at, 1, 10)) DESC LIMIT 1",
            )?
            .query_row([id.to_string()], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))
            .optional()?;
        let Some((statement, title, date, updated)) = submitted else { return Ok(None) };
        let day = date.unwrap_or_else(|| updated.chars().take(10).collect());
        let on = day
            .parse()
            .map_err(|_| Refusal::UnreadableRecord { what: "statement date", value: day.clone() })?;
        let statement =
            statement.parse().map_err(|_| StoreError::NotFound { what: "statement", id: statement })?;
        Ok(Some(LastUse { statement, title, on, exported: false }))
    }

    /// The statement items that show a section, by statement then position.
    pub fn used_in(&self, id: SectionId) -> StoreResult<Vec<Usage>> {
        let seq = ids::seq_of(&self.conn, SECTIONS, &id.to_string())?;
        let mut statement = self.conn.prepare_cached(
            "SELECT st.id, st.title, st.status, i.position, i.version FROM items i
             JOIN statements st ON st.seq = i.statement_seq
             WHERE i.section_seq = ?1 AND st.deleted_at IS NULL ORDER BY st.updated_at DESC, i.position",
        )?;
        let usages = statement
            .query_map([seq], |row| {
                Ok(Usage {
                    statement: parsed(row, 0)?,
                    title: row.get(1)?,
                    status: parsed(row, 2)?,
                    position: row.get(3)?,
                    version: row.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(usages)
    }
}

impl Write<'_> {
    /// A section as this transaction sees it.
    pub fn section(&self, id: SectionId) -> StoreResult<Section> {
        get(self.conn(), id)
    }

    /// Creates a section at version 1 and indexes it for search.
    pub fn add_section(&mut self, new: NewSection) -> StoreResult<SectionId> {
        let conn = self.conn();
        kinds::ensure_known(conn, &new.kind)?;
        let title = require_title(&new.title)?;
        let status = new.status.check_initial()?;
        let id = SectionId::new_random();
        let now = self.now().to_string();
        conn.prepare_cached(
            "INSERT INTO sections (id, kind, lang, status, owner, review_due, current_version, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)",
        )?
        .execute(params![
            id.to_string(),
            new.kind.as_str(),
            new.lang.as_str(),
            status.as_str(),
            non_blank(new.owner),
            new.review_due.map(|date| date.to_string()),
            now,
        ])?;
        let seq = conn.last_insert_rowid();
        let body = normalize_newlines(&new.body);
        insert_version(conn, seq, 1, &title, &body, &new.author, &now, new.note.as_deref(), None)?;
        replace_tags(conn, seq, &new.tags)?;
        index(conn, seq)?;
        Ok(id)
    }

    /// Applies an edit. Returns the current version number afterwards and whether the edit saved
    /// a new version.
    pub fn edit_section(&mut self, id: SectionId, edit: SectionEdit) -> StoreResult<(u32, bool)> {
        self.save_edit(id, edit, None)
    }

    /// Saves version `number`'s text as a new version that records where it came from, and drops
    /// the section's unsaved draft (the text being replaced). Returns the current version's
    /// number: the new one, or the same when `number`'s text is already the current text.
    pub fn restore_version(&mut self, id: SectionId, number: u32, author: &str) -> StoreResult<u32> {
        let old = version(self.conn(), id, number)?;
        self.discard_draft(id)?;
        let edit = SectionEdit {
            title: Some(old.title),
            body: Some(old.body),
            author: author.to_owned(),
            ..SectionEdit::default()
        };
        Ok(self.save_edit(id, edit, Some(number))?.0)
    }

    fn save_edit(
        &mut self,
        id: SectionId,
        edit: SectionEdit,
        restored_from: Option<u32>,
    ) -> StoreResult<(u32, bool)> {
        let conn = self.conn();
        let current = get(conn, id)?;
        let seq = ids::seq_of(conn, SECTIONS, &id.to_string())?;
        let now = self.now().to_string();
        let title = match &edit.title {
            Some(title) => require_title(title)?,
            None => current.title.clone(),
        };
        let body = edit
            .body
            .as_deref()
            .map_or_else(|| current.body.clone(), |body| normalize_newlines(body).into_owned());
        let text_changed = title != current.title || body != current.body;
        let mut number = current.current_version;
        let mut status = current.status;
        if text_changed {
            status = current.status.after_edit()?;
            // The newest number, not the current one: a diverged section holds versions after it.
            number = newest_version(conn, seq)? + 1;
            insert_version(
                conn,
                seq,
                number,
                &title,
                &body,
                &edit.author,
                &now,
                non_blank(edit.note.clone()).as_deref(),
                restored_from,
            )?;
        }
        if let Some(kind) = &edit.kind {
            kinds::ensure_known(conn, kind)?;
        }
        let kind = edit.kind.clone().unwrap_or_else(|| current.kind.clone());
        let lang = edit.lang.clone().unwrap_or_else(|| current.lang.clone());
        let owner = edit.owner.clone().map(non_blank).unwrap_or_else(|| current.owner.clone());
        let review_due = edit.review_due.unwrap_or(current.review_due);
        let tags_changed =
            edit.tags.as_ref().is_some_and(|tags| tag_set(&clean_tags(tags)) != tag_set(&current.tags));
        let metadata_changed = kind != current.kind
            || lang != current.lang
            || owner != current.owner
            || review_due != current.review_due
            || tags_changed;
        if !text_changed && !metadata_changed {
            return Ok((number, false));
        }
        conn.prepare_cached(
            "UPDATE sections SET kind = ?2, lang = ?3, status = ?4, owner = ?5, review_due = ?6,
                current_version = ?7, updated_at = ?8 WHERE seq = ?1",
        )?
        .execute(params![
            seq,
            kind.as_str(),
            lang.as_str(),
            status.as_str(),
            owner,
            review_due.map(|date| date.to_string()),
            number,
            now
        ])?;
        if let Some(tags) = &edit.tags {
            replace_tags(conn, seq, tags)?;
        }
        index(conn, seq)?;
        Ok((number, text_changed))
    }

    /// Moves a section through its workflow. Moving to `vetted` records `by` as having vetted
    /// the current version.
    pub fn set_section_status(&mut self, id: SectionId, next: SectionStatus, by: &str) -> StoreResult<()> {
        let conn = self.conn();
        let current = get(conn, id)?;
        current.status.transition(next)?;
        let seq = ids::seq_of(conn, SECTIONS, &id.to_string())?;
        let now = self.now().to_string();
        if next == SectionStatus::Vetted {
            let by = by.trim();
            if by.is_empty() {
                return Err(ModelError::invalid("reviewer", by, "say who vetted the section").into());
            }
            conn.prepare_cached(
                "UPDATE versions SET vetted_by = ?3, vetted_at = ?4 WHERE section_seq = ?1 AND number = ?2",
            )?
            .execute(params![seq, current.current_version, by, now])?;
        }
        conn.prepare_cached("UPDATE sections SET status = ?2, updated_at = ?3 WHERE seq = ?1")?
            .execute(params![seq, next.as_str(), now])?;
        Ok(())
    }
}

#[allow(clippy::too_many_arguments)]
fn insert_version(
    conn: &Connection,
    seq: i64,
    number: u32,
    title: &str,
    body: &str,
    author: &str,
    now: &str,
    note: Option<&str>,
    restored_from: Option<u32>,
) -> StoreResult<()> {
    let author = author.trim();
    let author = if author.is_empty() { "unknown" } else { author };
    // Written only when there is one, so the column stays at its default otherwise (and older
    // formats, which the upgrade tests fill with this code, take the row as they always did).
    match restored_from {
        None => conn
            .prepare_cached(
                "INSERT INTO versions (section_seq, number, title, body, author, created_at, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![seq, number, title, body, author, now, note])?,
        Some(from) => conn
            .prepare_cached(
                "INSERT INTO versions (section_seq, number, title, body, author, created_at, note, restored_from)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![seq, number, title, body, author, now, note, from])?,
    };
    Ok(())
}

/// The highest version number a section has.
pub(crate) fn newest_version(conn: &Connection, seq: i64) -> StoreResult<u32> {
    let newest = conn
        .prepare_cached("SELECT max(number) FROM versions WHERE section_seq = ?1")?
        .query_row([seq], |row| row.get::<_, Option<u32>>(0))?;
    Ok(newest.unwrap_or(0))
}

/// Tags compared as a set, ignoring case.
pub(crate) fn tag_set(tags: &[String]) -> Vec<String> {
    let mut set: Vec<String> = tags.iter().map(|tag| tag.to_lowercase()).collect();
    set.sort();
    set
}

pub(crate) fn replace_tags(conn: &Connection, seq: i64, tags: &[String]) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM section_tags WHERE section_seq = ?1")?.execute([seq])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO section_tags (section_seq, tag_key, tag) VALUES (?1, ?2, ?3)")?;
    for tag in clean_tags(tags) {
        insert.execute(params![seq, tag.to_lowercase(), tag])?;
    }
    Ok(())
}

/// Rewrites the section's search row from its current version: plain text, so that snippets show
/// words, not Markdown.
pub(crate) fn index(conn: &Connection, seq: i64) -> StoreResult<()> {
    let (title, body, tags): (String, String, Option<String>) = conn
        .prepare_cached(
            "SELECT v.title, v.body, (SELECT group_concat(tag, ' ') FROM section_tags t WHERE t.section_seq = s.seq)
             FROM sections s JOIN versions v ON v.section_seq = s.seq AND v.number = s.current_version WHERE s.seq = ?1",
        )?
        .query_row([seq], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    let tags = tags.unwrap_or_default();
    conn.prepare_cached("DELETE FROM section_search WHERE rowid = ?1")?.execute([seq])?;
    conn.prepare_cached("INSERT INTO section_search (rowid, title, body, tags) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![seq, title, plain_text(&body), tags])?;
    conn.prepare_cached("DELETE FROM section_titles WHERE rowid = ?1")?.execute([seq])?;
    conn.prepare_cached("INSERT INTO section_titles (rowid, title, tags) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, title, tags])?;
    Ok(())
}
