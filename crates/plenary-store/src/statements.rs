//! Statements: their items (linked or statement-only), order, signatories, and assembly.

use plenary_core::assembly::{AssembledStatement, AssemblyInput, LinkState, ResolvedItem, assemble};
use plenary_core::date::{Date, Timestamp};
use plenary_core::event::Event;
use plenary_core::fact::Fact;
use plenary_core::freeze::Frozen;
use plenary_core::id::{EventId, ItemId, SectionId, StatementId};
use plenary_core::language::Language;
use plenary_core::organisation::Organisation;
use plenary_core::section::{TranslationSource, VersionRef};
use plenary_core::statement::{Consent, Item, ItemContent, Signer, Statement};
use plenary_core::status::StatementStatus;
use plenary_core::text::normalize_newlines;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::{StoreError, StoreResult};
use crate::ids::{self, EVENTS, SECTIONS, STATEMENTS};
use crate::refusal::Refusal;
use crate::rows::{non_blank, parsed, parsed_opt};
use crate::{Store, Write, events, facts, freeze, sections, terms, translations};

/// The template a statement uses unless told otherwise.
const DEFAULT_TEMPLATE: &str = "letterhead";

/// A statement to create.
#[derive(Debug, Clone, Default)]
pub struct NewStatement {
    /// Title.
    pub title: String,
    /// The event it is for.
    pub event: Option<EventId>,
    /// Its language; by default the event's first language, else English.
    pub lang: Option<Language>,
    /// Template name; `letterhead` by default.
    pub template: Option<String>,
    /// The date printed on it.
    pub date: Option<Date>,
}

/// A statement's editable details; replaces all of them at once.
#[derive(Debug, Clone)]
pub struct StatementDetails {
    /// Title.
    pub title: String,
    /// The event it is for.
    pub event: Option<EventId>,
    /// Its language.
    pub lang: Language,
    /// Template name.
    pub template: String,
    /// The date printed on it.
    pub date: Option<Date>,
}

/// A signatory's answer, to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentAnswer {
    /// They agreed; `by` is who recorded it (or gave it).
    Agreed {
        /// Who.
        by: String,
    },
    /// They declined.
    Declined {
        /// Why, or who said so.
        note: Option<String>,
    },
}

/// A line of the statement list.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementSummary {
    /// The statement.
    pub id: StatementId,
    /// Its title.
    pub title: String,
    /// Its event's display name.
    pub event: Option<String>,
    /// Its language.
    pub lang: Language,
    /// Its status.
    pub status: StatementStatus,
    /// How many items it has.
    pub items: usize,
    /// When it last changed.
    pub updated_at: Timestamp,
}

fn statement_row(row: &Row<'_>) -> rusqlite::Result<(i64, Statement)> {
    Ok((
        row.get(0)?,
        Statement {
            id: parsed(row, 1)?,
            title: row.get(2)?,
            event: parsed_opt(row, 3)?,
            lang: parsed(row, 4)?,
            date: parsed_opt(row, 5)?,
            template: row.get(6)?,
            status: parsed(row, 7)?,
            signatories: Vec::new(),
            items: Vec::new(),
            created_at: parsed(row, 8)?,
            updated_at: parsed(row, 9)?,
        },
    ))
}

pub(crate) fn get(conn: &Connection, id: StatementId) -> StoreResult<Statement> {
    let (seq, mut statement) = conn
        .prepare_cached(
            "SELECT st.seq, st.id, st.title, e.id, st.lang, st.date, st.template, st.status, st.created_at, st.updated_at
             FROM statements st LEFT JOIN events e ON e.seq = st.event_seq WHERE st.id = ?1 AND st.deleted_at IS NULL",
        )?
        .query_row([id.to_string()], statement_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound { what: "statement", id: id.to_string() })?;
    statement.signatories = conn
        .prepare_cached(&format!("{SIGNER_COLUMNS} WHERE statement_seq = ?1 ORDER BY position"))?
        .query_map([seq], signer_row)?
        .collect::<Result<_, _>>()?;
    statement.items = conn
        .prepare_cached(
            "SELECT i.id, i.position, s.id, i.version, i.title, i.body, f.id, i.forked_version
             FROM items i LEFT JOIN sections s ON s.seq = i.section_seq LEFT JOIN sections f ON f.seq = i.forked_section_seq
             WHERE i.statement_seq = ?1 ORDER BY i.position",
        )?
        .query_map([seq], |row| {
            let linked: Option<SectionId> = parsed_opt(row, 2)?;
            let content = match linked {
                Some(section) => ItemContent::Linked { section, version: row.get(3)? },
                None => {
                    let forked: Option<SectionId> = parsed_opt(row, 6)?;
                    let forked_version: Option<u32> = row.get(7)?;
                    ItemContent::Text {
                        title: row.get(4)?,
                        body: row.get(5)?,
                        forked_from: forked.zip(forked_version).map(|(section, version)| VersionRef { section, version }),
                    }
                }
            };
            Ok(Item { id: parsed(row, 0)?, position: row.get(1)?, content })
        })?
        .collect::<Result<_, _>>()?;
    Ok(statement)
}

/// The statement's `seq`, if it may still be changed.
fn editable(conn: &Connection, id: StatementId) -> StoreResult<i64> {
    let (seq, status): (i64, String) = conn
        .prepare_cached("SELECT seq, status FROM statements WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id.to_string()], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound { what: "statement", id: id.to_string() })?;
    status.parse::<StatementStatus>()?.editable()?;
    Ok(seq)
}

fn item_count(conn: &Connection, statement_seq: i64) -> StoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM items WHERE statement_seq = ?1", [statement_seq], |row| {
        row.get(0)
    })?)
}

/// The item at a 1-based position, as (seq, section seq if linked, version if linked).
fn item_at(
    conn: &Connection,
    statement_seq: i64,
    position: u32,
) -> StoreResult<(i64, Option<i64>, Option<u32>)> {
    let count = item_count(conn, statement_seq)?;
    conn.prepare_cached(
        "SELECT seq, section_seq, version FROM items WHERE statement_seq = ?1 AND position = ?2",
    )?
    .query_row(params![statement_seq, position], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
    .optional()?
    .ok_or_else(|| StoreError::from(Refusal::NoSuchItem { position, count }))
}

impl Store {
    /// Finds a statement by its id or a unique prefix of it.
    pub fn resolve_statement(&self, given: &str) -> StoreResult<StatementId> {
        let (_, id) = ids::resolve(&self.conn, STATEMENTS, given)?;
        id.parse().map_err(|_| StoreError::NotFound { what: "statement", id })
    }

    /// A statement with its signatories and items in order.
    pub fn statement(&self, id: StatementId) -> StoreResult<Statement> {
        get(&self.conn, id)
    }

    /// Every statement, most recently changed first.
    pub fn statements(&self) -> StoreResult<Vec<StatementSummary>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT st.id, st.title, coalesce(e.short_name, e.name), e.edition, st.lang, st.status,
                (SELECT count(*) FROM items i WHERE i.statement_seq = st.seq), st.updated_at
             FROM statements st LEFT JOIN events e ON e.seq = st.event_seq WHERE st.deleted_at IS NULL
             ORDER BY st.updated_at DESC, st.title",
        )?;
        let summaries = statement
            .query_map([], |row| {
                let event: Option<String> = row.get(2)?;
                let edition: Option<String> = row.get(3)?;
                Ok(StatementSummary {
                    id: parsed(row, 0)?,
                    title: row.get(1)?,
                    event: event.map(|name| match edition {
                        Some(edition) if !name.contains(&edition) => format!("{name} {edition}"),
                        _ => name,
                    }),
                    lang: parsed(row, 4)?,
                    status: parsed(row, 5)?,
                    items: row.get::<_, i64>(6)? as usize,
                    updated_at: parsed(row, 7)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(summaries)
    }

    /// Puts a statement together as of `today`: items resolved, facts substituted, words
    /// counted, warnings raised.
    pub fn assemble(&self, id: StatementId, today: Date) -> StoreResult<AssembledStatement> {
        assemble_in(&self.conn, id, today)
    }

    /// The statement as it reads in `lang`, item by item, for a parallel export: each linked
    /// item's translation into `lang`, and the positions of the items that have none.
    pub fn assemble_translation(
        &self,
        id: StatementId,
        lang: &Language,
        today: Date,
    ) -> StoreResult<(AssembledStatement, Vec<u32>)> {
        assemble_translation(&self.conn, id, lang, today)
    }

    /// The organisation profile a statement's exports print: the one kept when it was frozen,
    /// else the library's.
    pub fn organisation_for(&self, id: StatementId) -> StoreResult<Organisation> {
        let seq = ids::seq_of(&self.conn, STATEMENTS, &id.to_string())?;
        match freeze::get(&self.conn, seq)? {
            Some(frozen) => Ok(frozen.organisation),
            None => self.organisation(),
        }
    }
}

impl Write<'_> {
    /// Creates an empty draft statement.
    pub fn new_statement(&mut self, new: NewStatement) -> StoreResult<StatementId> {
        let conn = self.conn();
        let title = new.title.trim();
        if title.is_empty() {
            return Err(Refusal::StatementNeedsTitle.into());
        }
        let (event_seq, event_lang) = match new.event {
            Some(event) => {
                let seq = ids::seq_of(conn, EVENTS, &event.to_string())?;
                (Some(seq), events::get(conn, event)?.languages.into_iter().next())
            }
            None => (None, None),
        };
        let lang = new.lang.or(event_lang).unwrap_or_else(Language::english);
        let template = non_blank(new.template).unwrap_or_else(|| DEFAULT_TEMPLATE.to_owned());
        let id = StatementId::new_random();
        let now = self.now().to_string();
        conn.prepare_cached(
            "INSERT INTO statements (id, title, event_seq, lang, date, template, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?7)",
        )?
        .execute(params![id.to_string(), title, event_seq, lang.as_str(), new.date.map(|d| d.to_string()), template, now])?;
        Ok(id)
    }

    /// Appends library sections as linked items, each pinned to its newest vetted version (or,
    /// if it has none yet, its current version, which assembly then flags as unvetted).
    pub fn add_sections(
        &mut self,
        statement: StatementId,
        sections: &[SectionId],
    ) -> StoreResult<Vec<ItemId>> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let mut added = Vec::with_capacity(sections.len());
        for section in sections {
            let version = sections::get(conn, *section)?.version_to_pin()?;
            let section_seq = ids::seq_of(conn, SECTIONS, &section.to_string())?;
            added.push(append_linked(conn, statement_seq, section_seq, version)?);
        }
        self.touch(statement_seq)?;
        Ok(added)
    }

    /// Appends one library section as a linked item pinned to `version` (an import's past
    /// statement shows the versions it brought in).
    pub fn add_section_at_version(
        &mut self,
        statement: StatementId,
        section: SectionId,
        version: u32,
    ) -> StoreResult<ItemId> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        sections::version(conn, section, version)?;
        let section_seq = ids::seq_of(conn, SECTIONS, &section.to_string())?;
        let id = append_linked(conn, statement_seq, section_seq, version)?;
        self.touch(statement_seq)?;
        Ok(id)
    }

    /// Replaces a draft statement's title, event, language, template and date.
    pub fn update_statement(&mut self, statement: StatementId, details: StatementDetails) -> StoreResult<()> {
        let conn = self.conn();
        let seq = editable(conn, statement)?;
        let title = details.title.trim();
        if title.is_empty() {
            return Err(Refusal::StatementNeedsTitle.into());
        }
        let template = details.template.trim();
        if template.is_empty() {
            return Err(Refusal::StatementNeedsTemplate.into());
        }
        let event_seq = match details.event {
            Some(event) => Some(ids::seq_of(conn, EVENTS, &event.to_string())?),
            None => None,
        };
        conn.prepare_cached(
            "UPDATE statements SET title = ?2, event_seq = ?3, lang = ?4, template = ?5, date = ?6 WHERE seq = ?1",
        )?
        .execute(params![
            seq,
            title,
            event_seq,
            details.lang.as_str(),
            template,
            details.date.map(|d| d.to_string())
        ])?;
        self.touch(seq)
    }

    /// Adds library sections as linked items from position `at` on (1-based; a position past
    /// the end appends), pinned as [`Write::add_sections`] pins them.
    pub fn insert_sections(
        &mut self,
        statement: StatementId,
        sections: &[SectionId],
        at: u32,
    ) -> StoreResult<Vec<ItemId>> {
        let added = self.add_sections(statement, sections)?;
        let count: u32 = self.conn().query_row(
            "SELECT count(*) FROM items i JOIN statements s ON s.seq = i.statement_seq WHERE s.id = ?1",
            [statement.to_string()],
            |row| row.get(0),
        )?;
        let first_new = count + 1 - added.len() as u32;
        let at = at.clamp(1, first_new);
        for offset in 0..added.len() as u32 {
            if first_new + offset != at + offset {
                self.move_item(statement, first_new + offset, at + offset)?;
            }
        }
        Ok(added)
    }

    /// Appends statement-only text.
    pub fn add_text(&mut self, statement: StatementId, title: &str, body: &str) -> StoreResult<ItemId> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        if title.trim().is_empty() && body.trim().is_empty() {
            return Err(Refusal::EmptyTextItem.into());
        }
        let id = ItemId::new_random();
        conn.prepare_cached(
            "INSERT INTO items (id, statement_seq, position, title, body)
             VALUES (?1, ?2, (SELECT count(*) + 1 FROM items WHERE statement_seq = ?2), ?3, ?4)",
        )?
        .execute(params![id.to_string(), statement_seq, title.trim(), normalize_newlines(body)])?;
        self.touch(statement_seq)?;
        Ok(id)
    }

    /// Moves the item at 1-based `from` to `to`, shifting the ones between.
    pub fn move_item(&mut self, statement: StatementId, from: u32, to: u32) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let count = item_count(conn, statement_seq)?;
        for position in [from, to] {
            if position == 0 || position > count {
                return Err(Refusal::NoSuchItem { position, count }.into());
            }
        }
        if from == to {
            return Ok(());
        }
        let (moving, _, _) = item_at(conn, statement_seq, from)?;
        let shift = if from < to {
            "UPDATE items SET position = position - 1 WHERE statement_seq = ?1 AND position > ?2 AND position <= ?3"
        } else {
            "UPDATE items SET position = position + 1 WHERE statement_seq = ?1 AND position >= ?3 AND position < ?2"
        };
        conn.execute(shift, params![statement_seq, from, to])?;
        conn.execute("UPDATE items SET position = ?2 WHERE seq = ?1", params![moving, to])?;
        self.touch(statement_seq)
    }

    /// Removes the item at `position`; the ones after move up.
    pub fn remove_item(&mut self, statement: StatementId, position: u32) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let (seq, _, _) = item_at(conn, statement_seq, position)?;
        conn.execute("DELETE FROM items WHERE seq = ?1", [seq])?;
        conn.execute(
            "UPDATE items SET position = position - 1 WHERE statement_seq = ?1 AND position > ?2",
            params![statement_seq, position],
        )?;
        self.touch(statement_seq)
    }

    /// Re-pins a linked item to its section's newest vetted version; returns that version.
    pub fn update_item(&mut self, statement: StatementId, position: u32) -> StoreResult<u32> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let (seq, section_seq, version) = item_at(conn, statement_seq, position)?;
        let (Some(section_seq), Some(pinned)) = (section_seq, version) else {
            return Err(Refusal::ItemIsText { position }.into());
        };
        let latest: Option<u32> = conn.query_row(
            "SELECT max(number) FROM versions WHERE section_seq = ?1 AND vetted_at IS NOT NULL",
            [section_seq],
            |row| row.get(0),
        )?;
        match latest {
            Some(latest) if latest > pinned => {
                conn.execute("UPDATE items SET version = ?2 WHERE seq = ?1", params![seq, latest])?;
                self.touch(statement_seq)?;
                Ok(latest)
            }
            _ => Err(Refusal::ItemUpToDate { position, version: pinned }.into()),
        }
    }

    /// Turns a linked item into statement-only text (a fork), keeping where it came from.
    pub fn fork_item(&mut self, statement: StatementId, position: u32) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let (seq, section_seq, _) = item_at(conn, statement_seq, position)?;
        if section_seq.is_none() {
            return Err(Refusal::ItemAlreadyText { position }.into());
        }
        conn.execute(
            "UPDATE items SET (title, body, forked_section_seq, forked_version, section_seq, version) =
                (SELECT v.title, v.body, v.section_seq, v.number, NULL, NULL FROM versions v
                 WHERE v.section_seq = items.section_seq AND v.number = items.version)
             WHERE seq = ?1",
            [seq],
        )?;
        self.touch(statement_seq)
    }

    /// Rewrites a statement-only item's text.
    pub fn edit_text(
        &mut self,
        statement: StatementId,
        position: u32,
        title: &str,
        body: &str,
    ) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let (seq, section_seq, _) = item_at(conn, statement_seq, position)?;
        if section_seq.is_some() {
            return Err(Refusal::ItemLinked { position }.into());
        }
        conn.execute(
            "UPDATE items SET title = ?2, body = ?3 WHERE seq = ?1",
            params![seq, title.trim(), normalize_newlines(body)],
        )?;
        self.touch(statement_seq)
    }

    /// Invites a signatory (appended last); the same name twice is refused.
    pub fn add_signatory(
        &mut self,
        statement: StatementId,
        name: &str,
        role: Option<String>,
    ) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Refusal::SignatoryNeedsName.into());
        }
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM signatories WHERE statement_seq = ?1 AND lower(name) = lower(?2))",
            params![statement_seq, name],
            |row| row.get(0),
        )?;
        if taken {
            return Err(Refusal::SignatoryTwice { name: name.to_owned() }.into());
        }
        conn.execute(
            "INSERT INTO signatories (statement_seq, position, name, role, consent, consent_at)
             VALUES (?1, (SELECT count(*) + 1 FROM signatories WHERE statement_seq = ?1), ?2, ?3, 'invited', ?4)",
            params![statement_seq, name, non_blank(role), self.now().to_string()],
        )?;
        self.touch(statement_seq)
    }

    /// Records the answer of the signatory at 1-based `position`. Agreement keeps the
    /// statement's text as of `today`, so that it goes stale if the text changes afterwards.
    pub fn record_consent(
        &mut self,
        statement: StatementId,
        position: u32,
        answer: ConsentAnswer,
        today: Date,
    ) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let seq = signatory_at(conn, statement_seq, position)?;
        let now = self.now().to_string();
        match answer {
            ConsentAnswer::Agreed { by } => {
                let text = assemble_in(conn, statement, today)?.consent_text();
                conn.execute(
                    "UPDATE signatories SET consent = 'agreed', consent_by = ?3, consent_at = ?4,
                        consent_text = ?5, consent_note = NULL WHERE statement_seq = ?1 AND position = ?2",
                    params![statement_seq, seq, non_blank(Some(by)), now, text],
                )?;
            }
            ConsentAnswer::Declined { note } => {
                conn.execute(
                    "UPDATE signatories SET consent = 'declined', consent_by = NULL, consent_at = ?3,
                        consent_text = NULL, consent_note = ?4 WHERE statement_seq = ?1 AND position = ?2",
                    params![statement_seq, seq, now, non_blank(note)],
                )?;
            }
        }
        self.touch(statement_seq)
    }

    /// Removes the signatory at `position`; the ones after move up. Returns the signatory with
    /// the answer they had given, for [`Write::put_back_signatory`].
    pub fn remove_signatory(&mut self, statement: StatementId, position: u32) -> StoreResult<Signer> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let position = signatory_at(conn, statement_seq, position)?;
        let removed = conn
            .prepare_cached(&format!("{SIGNER_COLUMNS} WHERE statement_seq = ?1 AND position = ?2"))?
            .query_row(params![statement_seq, position], signer_row)?;
        conn.execute(
            "DELETE FROM signatories WHERE statement_seq = ?1 AND position = ?2",
            params![statement_seq, position],
        )?;
        let last = signatory_count(conn, statement_seq)? + 1;
        shift_signatories(conn, statement_seq, position + 1, last, -1)?;
        self.touch(statement_seq)?;
        Ok(removed)
    }

    /// Puts a removed signatory back at `position` (or last, if the list has grown shorter), with
    /// the answer they had given and the text they agreed to: undoing [`Write::remove_signatory`].
    pub fn put_back_signatory(
        &mut self,
        statement: StatementId,
        position: u32,
        signer: &Signer,
    ) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM signatories WHERE statement_seq = ?1 AND lower(name) = lower(?2))",
            params![statement_seq, signer.name],
            |row| row.get(0),
        )?;
        if taken {
            return Err(Refusal::SignatoryTwice { name: signer.name.clone() }.into());
        }
        let count = signatory_count(conn, statement_seq)?;
        let position = position.clamp(1, count + 1);
        shift_signatories(conn, statement_seq, position, count, 1)?;
        let (consent, by, at, text, note) = match &signer.consent {
            // When they were asked is not kept with the answer: asked again now.
            Consent::Invited => ("invited", None, Some(self.now().to_string()), None, None),
            Consent::Agreed { by, at, text } => {
                ("agreed", by.clone(), at.map(|at| at.to_string()), text.clone(), None)
            }
            Consent::Declined { at, note } => ("declined", None, Some(at.to_string()), None, note.clone()),
        };
        conn.execute(
            "INSERT INTO signatories (statement_seq, position, name, role, consent, consent_by, consent_at,
                consent_text, consent_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![statement_seq, position, signer.name, signer.role, consent, by, at, text, note],
        )?;
        self.touch(statement_seq)
    }

    /// Moves the signatory at `from` to `to`, shifting the ones between.
    pub fn move_signatory(&mut self, statement: StatementId, from: u32, to: u32) -> StoreResult<()> {
        let conn = self.conn();
        let statement_seq = editable(conn, statement)?;
        let (from, to) = (signatory_at(conn, statement_seq, from)?, signatory_at(conn, statement_seq, to)?);
        if from == to {
            return Ok(());
        }
        // Out of the way first: (statement, position) is the key.
        conn.execute(
            "UPDATE signatories SET position = 0 WHERE statement_seq = ?1 AND position = ?2",
            params![statement_seq, from],
        )?;
        // The ones between move one place towards where the moving one was.
        if from < to {
            shift_signatories(conn, statement_seq, from + 1, to, -1)?;
        } else {
            shift_signatories(conn, statement_seq, to, from - 1, 1)?;
        }
        conn.execute(
            "UPDATE signatories SET position = ?2 WHERE statement_seq = ?1 AND position = 0",
            params![statement_seq, to],
        )?;
        self.touch(statement_seq)
    }

    /// Moves a statement through its workflow and records the move with `note` (why it was
    /// reopened, say). Marking a draft final freezes what its exports are made of, as of `today`;
    /// reopening it as a draft lets it follow the library again.
    pub fn set_statement_status(
        &mut self,
        statement: StatementId,
        next: StatementStatus,
        note: Option<&str>,
        today: Date,
    ) -> StoreResult<()> {
        let conn = self.conn();
        let current = get(conn, statement)?;
        current.status.transition(next)?;
        let seq = ids::seq_of(conn, STATEMENTS, &statement.to_string())?;
        if plenary_core::freeze::freezes(current.status, next) {
            freeze::take(conn, seq, &current, self.now(), today)?;
        } else if plenary_core::freeze::thaws(next) {
            freeze::thaw(conn, seq)?;
        }
        freeze::record_change(conn, seq, self.now(), current.status, next, note)?;
        conn.execute(
            "UPDATE statements SET status = ?2, updated_at = ?3 WHERE seq = ?1",
            params![seq, next.as_str(), self.now().to_string()],
        )?;
        Ok(())
    }

    /// Starts a new draft from an earlier statement: same event, language, template, signatories
    /// and items (linked items keep their pins).
    pub fn copy_statement(&mut self, source: StatementId, title: Option<String>) -> StoreResult<StatementId> {
        let original = get(self.conn(), source)?;
        let copy = self.new_statement(NewStatement {
            title: non_blank(title).unwrap_or_else(|| format!("{} (copy)", original.title)),
            event: original.event,
            lang: Some(original.lang.clone()),
            template: Some(original.template.clone()),
            date: None,
        })?;
        let conn = self.conn();
        let (from_seq, to_seq) = (
            ids::seq_of(conn, STATEMENTS, &source.to_string())?,
            ids::seq_of(conn, STATEMENTS, &copy.to_string())?,
        );
        let mut items = conn.prepare_cached(
            "SELECT position, section_seq, version, title, body, forked_section_seq, forked_version
             FROM items WHERE statement_seq = ?1 ORDER BY position",
        )?;
        let rows = items
            .query_map([from_seq], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get::<_, Option<i64>>(1)?,
                    row.get::<_, Option<u32>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<i64>>(5)?,
                    row.get::<_, Option<u32>>(6)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut insert = conn.prepare_cached(
            "INSERT INTO items (id, statement_seq, position, section_seq, version, title, body, forked_section_seq, forked_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (position, section, version, title, body, forked, forked_version) in rows {
            insert.execute(params![
                ItemId::new_random().to_string(),
                to_seq,
                position,
                section,
                version,
                title,
                body,
                forked,
                forked_version
            ])?;
        }
        conn.execute(
            "INSERT INTO signatories (statement_seq, position, name, role, consent, consent_by, consent_at, consent_text, consent_note)
             SELECT ?2, position, name, role, consent, consent_by, consent_at, consent_text, consent_note
             FROM signatories WHERE statement_seq = ?1",
            params![from_seq, to_seq],
        )?;
        Ok(copy)
    }

    fn touch(&self, statement_seq: i64) -> StoreResult<()> {
        self.conn().execute(
            "UPDATE statements SET updated_at = ?2 WHERE seq = ?1",
            params![statement_seq, self.now().to_string()],
        )?;
        Ok(())
    }
}

/// The signatory columns [`signer_row`] reads.
const SIGNER_COLUMNS: &str =
    "SELECT name, role, consent, consent_by, consent_at, consent_text, consent_note FROM signatories";

/// A signatory and their answer, from a row of [`SIGNER_COLUMNS`].
fn signer_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Signer> {
    let consent = match row.get::<_, String>(2)?.as_str() {
        "invited" => Consent::Invited,
        "declined" => Consent::Declined { at: parsed(row, 4)?, note: row.get(6)? },
        _ => Consent::Agreed { by: row.get(3)?, at: parsed_opt(row, 4)?, text: row.get(5)? },
    };
    Ok(Signer { name: row.get(0)?, role: row.get(1)?, consent })
}

fn signatory_count(conn: &Connection, statement_seq: i64) -> StoreResult<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM signatories WHERE statement_seq = ?1",
        [statement_seq],
        |row| row.get(0),
    )?)
}

/// Moves the signatories at positions `first..=last` by `step` places, one row at a time in the
/// order that never lands on a taken position: (statement, position) is the key, and SQLite
/// checks it row by row, in whatever order a single UPDATE visits them.
fn shift_signatories(
    conn: &Connection,
    statement_seq: i64,
    first: u32,
    last: u32,
    step: i64,
) -> StoreResult<()> {
    let order = if step < 0 { "ASC" } else { "DESC" };
    let positions: Vec<u32> = conn
        .prepare(&format!(
            "SELECT position FROM signatories WHERE statement_seq = ?1 AND position BETWEEN ?2 AND ?3
             ORDER BY position {order}"
        ))?
        .query_map(params![statement_seq, first, last], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut update = conn
        .prepare_cached("UPDATE signatories SET position = ?3 WHERE statement_seq = ?1 AND position = ?2")?;
    for position in positions {
        update.execute(params![statement_seq, position, i64::from(position) + step])?;
    }
    Ok(())
}

/// The signatory position `position` of a statement, checked to exist.
fn signatory_at(conn: &Connection, statement_seq: i64, position: u32) -> StoreResult<u32> {
    let count = signatory_count(conn, statement_seq)?;
    if position == 0 || position > count {
        return Err(Refusal::NoSuchSignatory { position, count }.into());
    }
    Ok(position)
}

/// Appends a linked item showing `version` of a section at the end of a statement.
fn append_linked(
    conn: &Connection,
    statement_seq: i64,
    section_seq: i64,
    version: u32,
) -> StoreResult<ItemId> {
    let id = ItemId::new_random();
    conn.prepare_cached(
        "INSERT INTO items (id, statement_seq, position, section_seq, version)
         VALUES (?1, ?2, (SELECT count(*) + 1 FROM items WHERE statement_seq = ?2), ?3, ?4)",
    )?
    .execute(params![id.to_string(), statement_seq, section_seq, version])?;
    Ok(id)
}

/// What a statement is assembled from besides its items: for a final statement what it was
/// frozen with, so its exports do not follow later changes to facts, the event, the sections'
/// languages or its translations; else the library as it is.
struct Basis {
    frozen: Option<Frozen>,
    event: Option<Event>,
    facts: Vec<Fact>,
}

fn basis(conn: &Connection, statement: &Statement) -> StoreResult<Basis> {
    let frozen = freeze::get(conn, ids::seq_of(conn, STATEMENTS, &statement.id.to_string())?)?;
    let (event, facts) = match &frozen {
        Some(frozen) => (frozen.event.clone(), frozen.facts.clone()),
        None => (statement.event.map(|event| events::get(conn, event)).transpose()?, facts::all(conn)?),
    };
    Ok(Basis { frozen, event, facts })
}

/// Assembles `statement` from `items` on `basis`; a frozen statement carries the day it was
/// frozen.
fn finish(
    conn: &Connection,
    statement: &Statement,
    basis: Basis,
    items: Vec<ResolvedItem>,
    today: Date,
) -> StoreResult<AssembledStatement> {
    let mut assembled = assemble(AssemblyInput {
        statement,
        event: basis.event.as_ref(),
        items,
        facts: &basis.facts,
        terms: &terms::all(conn)?,
        today,
    });
    if let Some(frozen) = basis.frozen {
        assembled.assembled_on = frozen.on;
    }
    Ok(assembled)
}

/// Version `number` of `section` as an item shows it, with what the library says about it now.
fn linked(
    conn: &Connection,
    item: ItemId,
    section: SectionId,
    number: u32,
    lang: Option<Language>,
    translation_of: Option<TranslationSource>,
) -> StoreResult<ResolvedItem> {
    let current = sections::get(conn, section)?;
    let pinned = sections::version(conn, section, number)?;
    Ok(ResolvedItem {
        id: item,
        title: pinned.title,
        body: pinned.body,
        lang: lang.unwrap_or(current.lang),
        link: Some(LinkState {
            section,
            pinned: number,
            pinned_vetted: pinned.vetted.is_some(),
            status: current.status,
            latest_vetted: current.vetted_version,
            review_due: current.review_due,
            translation_of,
        }),
        forked_from: None,
    })
}

/// Puts a statement together as of `today` (see [`Store::assemble`]).
pub(crate) fn assemble_in(
    conn: &Connection,
    id: StatementId,
    today: Date,
) -> StoreResult<AssembledStatement> {
    let statement = get(conn, id)?;
    let basis = basis(conn, &statement)?;
    let frozen_langs = basis.frozen.as_ref().map(|frozen| frozen.item_langs.as_slice()).unwrap_or_default();
    let mut items = Vec::with_capacity(statement.items.len());
    for (index, item) in statement.items.iter().enumerate() {
        let frozen_lang = frozen_langs.get(index).cloned();
        items.push(match &item.content {
            ItemContent::Linked { section, version } => {
                let source = translations::source_of(conn, *section)?;
                linked(conn, item.id, *section, *version, frozen_lang, source)?
            }
            ItemContent::Text { title, body, forked_from } => ResolvedItem {
                id: item.id,
                title: title.clone(),
                body: body.clone(),
                lang: frozen_lang.unwrap_or_else(|| statement.lang.clone()),
                link: None,
                forked_from: *forked_from,
            },
        });
    }
    finish(conn, &statement, basis, items, today)
}

/// The statement with each linked item replaced by its translation into `lang` (its newest
/// vetted version, else its current one; a final statement's as frozen), for a parallel export;
/// items without a translation (statement text, sections with none in `lang`) are left empty
/// and their positions returned.
pub(crate) fn assemble_translation(
    conn: &Connection,
    id: StatementId,
    lang: &Language,
    today: Date,
) -> StoreResult<(AssembledStatement, Vec<u32>)> {
    let mut statement = get(conn, id)?;
    if &statement.lang == lang {
        return Err(Refusal::ParallelSameLanguage { lang: lang.clone() }.into());
    }
    let basis = basis(conn, &statement)?;
    let mut items = Vec::with_capacity(statement.items.len());
    let mut missing = Vec::new();
    for (index, item) in statement.items.iter().enumerate() {
        let candidates = match (&basis.frozen, &item.content) {
            (Some(frozen), _) => frozen.translations.get(index).cloned().unwrap_or_default(),
            (None, ItemContent::Linked { section, .. }) => translations::of(conn, *section)?,
            (None, ItemContent::Text { .. }) => Vec::new(),
        };
        // The link makes the export record name the translation's version too.
        items.push(match candidates.into_iter().find(|candidate| &candidate.lang == lang) {
            Some(found) => linked(conn, item.id, found.section, found.version, Some(lang.clone()), None)?,
            None => {
                missing.push(item.position);
                ResolvedItem {
                    id: item.id,
                    title: String::new(),
                    body: String::new(),
                    lang: lang.clone(),
                    link: None,
                    forked_from: None,
                }
            }
        });
    }
    statement.lang = lang.clone();
    Ok((finish(conn, &statement, basis, items, today)?, missing))
}
