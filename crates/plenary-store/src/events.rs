//! Events: the conferences statements are for.

use std::collections::BTreeMap;

use plenary_core::date::Date;
use plenary_core::event::Event;
use plenary_core::id::EventId;
use plenary_core::language::Language;
use rusqlite::{Connection, Row, params};

use crate::error::{StoreError, StoreResult};
use crate::ids::{self, EVENTS};
use crate::rows::{non_blank, parsed, parsed_opt};
use crate::{Store, Write};

/// An event to create.
#[derive(Debug, Clone, Default)]
pub struct NewEvent {
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: Option<String>,
    /// Edition.
    pub edition: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Organiser.
    pub organiser: Option<String>,
    /// First day.
    pub starts: Option<Date>,
    /// Last day.
    pub ends: Option<Date>,
    /// Submission deadline.
    pub deadline: Option<Date>,
    /// Word limit for every language without its own.
    pub word_limit: Option<u32>,
    /// Word limits of single languages.
    pub word_limits: BTreeMap<Language, u32>,
    /// Accepted languages.
    pub languages: Vec<Language>,
}

const EVENT_COLUMNS: &str = "SELECT id, name, short_name, edition, city, country, organiser, starts, ends,
        deadline, word_limit, languages FROM events";

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<Event> {
    let languages: String = row.get(11)?;
    let languages = languages
        .split(',')
        .filter(|tag| !tag.is_empty())
        .map(|tag| {
            tag.parse::<Language>().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(11, rusqlite::types::Type::Text, Box::new(e))
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(Event {
        id: parsed(row, 0)?,
        name: row.get(1)?,
        short_name: row.get(2)?,
        edition: row.get(3)?,
        city: row.get(4)?,
        country: row.get(5)?,
        organiser: row.get(6)?,
        starts: parsed_opt(row, 7)?,
        ends: parsed_opt(row, 8)?,
        deadline: parsed_opt(row, 9)?,
        word_limit: row.get(10)?,
        word_limits: BTreeMap::new(),
        languages,
    })
}

pub(crate) fn get(conn: &Connection, id: EventId) -> StoreResult<Event> {
    let sql = format!("{EVENT_COLUMNS} WHERE id = ?1");
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query_map([id.to_string()], event_from_row)?;
    match rows.next() {
        Some(event) => with_limits(conn, event?),
        None => Err(StoreError::NotFound { what: "event", id: id.to_string() }),
    }
}

/// Adds an event's per-language word limits.
fn with_limits(conn: &Connection, mut event: Event) -> StoreResult<Event> {
    event.word_limits = conn
        .prepare_cached(
            "SELECT l.lang, l.word_limit FROM event_word_limits l JOIN events e ON e.seq = l.event_seq
             WHERE e.id = ?1",
        )?
        .query_map([event.id.to_string()], |row| Ok((parsed(row, 0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(event)
}

impl Store {
    /// Finds an event by its id or a unique prefix of it.
    pub fn resolve_event(&self, given: &str) -> StoreResult<EventId> {
        let (_, id) = ids::resolve(&self.conn, EVENTS, given)?;
        id.parse().map_err(|_| StoreError::NotFound { what: "event", id })
    }

    /// One event.
    pub fn event(&self, id: EventId) -> StoreResult<Event> {
        get(&self.conn, id)
    }

    /// Every event, soonest first (undated ones last).
    pub fn events(&self) -> StoreResult<Vec<Event>> {
        let sql = format!("{EVENT_COLUMNS} ORDER BY starts IS NULL, starts, name");
        let mut statement = self.conn.prepare(&sql)?;
        let events: Vec<Event> = statement.query_map([], event_from_row)?.collect::<Result<_, _>>()?;
        events.into_iter().map(|event| with_limits(&self.conn, event)).collect()
    }
}

impl Write<'_> {
    /// Creates an event after checking its rules.
    pub fn add_event(&mut self, new: NewEvent) -> StoreResult<EventId> {
        let event = checked(EventId::new_random(), new)?;
        self.save_event(&event)?;
        Ok(event.id)
    }

    /// Replaces an event's details after checking its rules.
    pub fn update_event(&mut self, id: EventId, details: NewEvent) -> StoreResult<()> {
        get(self.conn(), id)?;
        self.save_event(&checked(id, details)?)
    }

    /// Writes a checked event: inserted if new, its details replaced if not.
    fn save_event(&mut self, event: &Event) -> StoreResult<()> {
        let languages: Vec<&str> = event.languages.iter().map(Language::as_str).collect();
        self.conn()
            .prepare_cached(
                "INSERT INTO events (id, name, short_name, edition, city, country, organiser, starts, ends,
                    deadline, word_limit, languages, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 ON CONFLICT (id) DO UPDATE SET name = ?2, short_name = ?3, edition = ?4, city = ?5,
                    country = ?6, organiser = ?7, starts = ?8, ends = ?9, deadline = ?10, word_limit = ?11,
                    languages = ?12",
            )?
            .execute(params![
                event.id.to_string(),
                event.name,
                event.short_name,
                event.edition,
                event.city,
                event.country,
                event.organiser,
                event.starts.map(|d| d.to_string()),
                event.ends.map(|d| d.to_string()),
                event.deadline.map(|d| d.to_string()),
                event.word_limit,
                languages.join(","),
                self.now().to_string(),
            ])?;
        let conn = self.conn();
        let seq = ids::seq_of(conn, EVENTS, &event.id.to_string())?;
        conn.execute("DELETE FROM event_word_limits WHERE event_seq = ?1", [seq])?;
        let mut insert = conn.prepare_cached(
            "INSERT INTO event_word_limits (event_seq, lang, word_limit) VALUES (?1, ?2, ?3)",
        )?;
        for (lang, limit) in &event.word_limits {
            insert.execute(params![seq, lang.as_str(), limit])?;
        }
        Ok(())
    }
}

/// The event `new` describes, if its rules hold.
fn checked(id: EventId, new: NewEvent) -> StoreResult<Event> {
    let event = Event {
        id,
        name: new.name.trim().to_owned(),
        short_name: non_blank(new.short_name),
        edition: non_blank(new.edition),
        city: non_blank(new.city),
        country: non_blank(new.country),
        organiser: non_blank(new.organiser),
        starts: new.starts,
        ends: new.ends,
        deadline: new.deadline,
        word_limit: new.word_limit,
        word_limits: new.word_limits,
        languages: new.languages,
    };
    event.validate()?;
    Ok(event)
}
