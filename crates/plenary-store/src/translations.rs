//! Translations: sections in one translation group say the same in different languages; each
//! translation remembers which section it was made from and up to which version of it, so that
//! a change to the source flags the translation as out of date.

use plenary_core::freeze::FrozenTranslation;
use plenary_core::id::{SectionId, TranslationGroupId};
use plenary_core::language::Language;
use plenary_core::section::TranslationSource;
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::StoreResult;
use crate::ids::{self, SECTIONS};
use crate::refusal::Refusal;
use crate::rows::parsed;
use crate::sections::{Translation, get};
use crate::{Store, Write};

/// What unlinking a section took apart, so that [`Write::relink_translation`] can put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlinked {
    /// The section taken out of its group.
    pub section: SectionId,
    /// The group it was in.
    pub group: TranslationGroupId,
    /// The links it was part of: (translation, its source, the source's version it follows).
    pub links: Vec<(SectionId, SectionId, u32)>,
    /// The one section the unlinking left alone, whose group went with it.
    pub left_alone: Option<SectionId>,
}

/// SQL true when the section `s` is a translation whose source has a newer version.
pub(crate) const OUT_OF_DATE_SQL: &str = "EXISTS (SELECT 1 FROM translation_sources ts
    JOIN sections src ON src.seq = ts.source_seq
    WHERE ts.section_seq = s.seq AND src.current_version > ts.source_version)";

/// Whether the section `seq` was made, directly or through others, from the section `from`. The
/// walk stops at a section seen before, so a circle already in the file cannot hang it.
fn made_from(conn: &Connection, seq: i64, from: i64) -> StoreResult<bool> {
    let mut seen = std::collections::HashSet::new();
    let mut ancestor = Some(seq);
    while let Some(at) = ancestor {
        if at == from {
            return Ok(true);
        }
        if !seen.insert(at) {
            return Ok(false);
        }
        ancestor = conn
            .prepare_cached("SELECT source_seq FROM translation_sources WHERE section_seq = ?1")?
            .query_row([at], |row| row.get(0))
            .optional()?;
    }
    Ok(false)
}

/// What `section` was translated from, if it is a translation with a known source.
pub(crate) fn source_of(conn: &Connection, section: SectionId) -> StoreResult<Option<TranslationSource>> {
    Ok(conn
        .prepare_cached(
            "SELECT src.id, src.lang, v.title, ts.source_version, src.current_version
             FROM translation_sources ts
             JOIN sections s ON s.seq = ts.section_seq
             JOIN sections src ON src.seq = ts.source_seq
             JOIN versions v ON v.section_seq = src.seq AND v.number = src.current_version
             WHERE s.id = ?1",
        )?
        .query_row([section.to_string()], |row| {
            Ok(TranslationSource {
                source: parsed(row, 0)?,
                lang: parsed(row, 1)?,
                title: row.get(2)?,
                made_from: row.get(3)?,
                source_version: row.get(4)?,
            })
        })
        .optional()?)
}

/// The other sections of `section`'s translation group (not retired), each with the version a
/// parallel export shows: its newest vetted version, else its current one. One per language,
/// the oldest section first.
pub(crate) fn of(conn: &Connection, section: SectionId) -> StoreResult<Vec<FrozenTranslation>> {
    let rows: Vec<(Language, SectionId)> = conn
        .prepare_cached(
            "SELECT t.lang, t.id FROM sections s JOIN sections t ON t.translation_group = s.translation_group
             WHERE s.id = ?1 AND t.seq <> s.seq AND t.lang <> s.lang AND t.status <> 'retired' ORDER BY t.seq",
        )?
        .query_map([section.to_string()], |row| Ok((parsed(row, 0)?, parsed(row, 1)?)))?
        .collect::<Result<_, _>>()?;
    let mut found: Vec<FrozenTranslation> = Vec::new();
    for (lang, id) in rows {
        if found.iter().any(|known| known.lang == lang) {
            continue;
        }
        let current = get(conn, id)?;
        let version = current.vetted_version.unwrap_or(current.current_version);
        found.push(FrozenTranslation { lang, section: id, version });
    }
    Ok(found)
}

impl Store {
    /// The other sections of a section's translation group, by language.
    pub fn translations(&self, id: SectionId) -> StoreResult<Vec<Translation>> {
        let section = get(&self.conn, id)?;
        let Some(group) = section.translation_group else { return Ok(Vec::new()) };
        let sql = format!(
            "SELECT s.id, s.lang, v.title, {OUT_OF_DATE_SQL} FROM sections s
             JOIN versions v ON v.section_seq = s.seq AND v.number = s.current_version
             WHERE s.translation_group = ?1 AND s.id <> ?2 ORDER BY s.lang"
        );
        let translations = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![group.to_string(), id.to_string()], |row| {
                Ok(Translation {
                    section: parsed(row, 0)?,
                    lang: parsed(row, 1)?,
                    title: row.get(2)?,
                    out_of_date: row.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(translations)
    }

    /// What a section was translated from, with the version it matches and the source's now.
    pub fn translation_source(&self, id: SectionId) -> StoreResult<Option<TranslationSource>> {
        get(&self.conn, id)?;
        source_of(&self.conn, id)
    }
}

impl Write<'_> {
    /// Records `translation` as made from `source`'s current version and puts both in one
    /// translation group (merging groups if both have one).
    pub fn link_translations(
        &mut self,
        source: SectionId,
        translation: SectionId,
    ) -> StoreResult<TranslationGroupId> {
        let conn = self.conn();
        let (from, to) = (get(conn, source)?, get(conn, translation)?);
        if source == translation {
            return Err(Refusal::OwnTranslation.into());
        }
        if from.lang == to.lang {
            return Err(Refusal::SameLanguage { lang: from.lang }.into());
        }
        let (source_seq, translation_seq) = (
            ids::seq_of(conn, SECTIONS, &source.to_string())?,
            ids::seq_of(conn, SECTIONS, &translation.to_string())?,
        );
        // A source must not turn out to be made, through others, from its own translation.
        if made_from(conn, source_seq, translation_seq)? {
            return Err(Refusal::TranslationLoop { from: from.title, to: to.title }.into());
        }
        let group =
            from.translation_group.or(to.translation_group).unwrap_or_else(TranslationGroupId::new_random);
        let now = self.now().to_string();
        let mut update = conn.prepare_cached(
            "UPDATE sections SET translation_group = ?1, updated_at = ?3
             WHERE id = ?2 OR (translation_group IS NOT NULL AND translation_group = (SELECT translation_group FROM sections WHERE id = ?2))",
        )?;
        update.execute(params![group.to_string(), source.to_string(), now])?;
        update.execute(params![group.to_string(), translation.to_string(), now])?;
        conn.prepare_cached(
            "INSERT OR REPLACE INTO translation_sources (section_seq, source_seq, source_version) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![translation_seq, source_seq, from.current_version])?;
        Ok(group)
    }

    /// Takes a section out of its translation group; translations made from it keep their group
    /// but no longer have a source. Returns what was taken apart, for an undo.
    pub fn unlink_translation(&mut self, id: SectionId) -> StoreResult<Unlinked> {
        let conn = self.conn();
        let section = get(conn, id)?;
        let Some(group) = section.translation_group else {
            return Err(Refusal::NotLinked { title: section.title }.into());
        };
        let seq = ids::seq_of(conn, SECTIONS, &id.to_string())?;
        let links = conn
            .prepare_cached(
                "SELECT s.id, src.id, ts.source_version FROM translation_sources ts
                 JOIN sections s ON s.seq = ts.section_seq JOIN sections src ON src.seq = ts.source_seq
                 WHERE ts.section_seq = ?1 OR ts.source_seq = ?1",
            )?
            .query_map([seq], |row| Ok((parsed(row, 0)?, parsed(row, 1)?, row.get(2)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        conn.execute("DELETE FROM translation_sources WHERE section_seq = ?1 OR source_seq = ?1", [seq])?;
        conn.execute(
            "UPDATE sections SET translation_group = NULL, updated_at = ?2 WHERE seq = ?1",
            params![seq, self.now().to_string()],
        )?;
        // A group left with one section is no group.
        let left: Vec<SectionId> = conn
            .prepare_cached("SELECT id FROM sections WHERE translation_group = ?1 LIMIT 2")?
            .query_map([group.to_string()], |row| parsed(row, 0))?
            .collect::<Result<_, _>>()?;
        let left_alone = match left.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        if let Some(alone) = left_alone {
            conn.execute("UPDATE sections SET translation_group = NULL WHERE id = ?1", [alone.to_string()])?;
        }
        Ok(Unlinked { section: id, group, links, left_alone })
    }

    /// Puts back what [`Write::unlink_translation`] took apart: the group, and each link with
    /// the source version it followed (so an out-of-date translation is still flagged). Links
    /// to a section deleted since are left out.
    pub fn relink_translation(&mut self, unlinked: &Unlinked) -> StoreResult<()> {
        let conn = self.conn();
        let section = get(conn, unlinked.section)?;
        if section.translation_group.is_some() {
            // Linked again meanwhile: what it is linked to now stands.
            return Err(Refusal::AlreadyLinked { title: section.title }.into());
        }
        // Nor is a link made since undone: every other section involved must still be where the
        // unlinking left it (in the old group or none, a translation without a new source).
        let others = unlinked.left_alone.iter().chain(unlinked.links.iter().flat_map(|(t, s, _)| [t, s]));
        for &other in others.filter(|&&other| other != unlinked.section) {
            let Ok(now) = get(conn, other) else { continue };
            let regrouped = now.translation_group.is_some_and(|group| group != unlinked.group)
                || (Some(other) == unlinked.left_alone && now.translation_group.is_some());
            let new_source =
                unlinked.links.iter().any(|(t, _, _)| *t == other) && source_of(conn, other)?.is_some();
            if regrouped || new_source {
                return Err(Refusal::AlreadyLinked { title: now.title }.into());
            }
        }
        let now = self.now().to_string();
        let mut join = conn.prepare_cached(
            "UPDATE sections SET translation_group = ?2, updated_at = ?3 WHERE id = ?1 AND translation_group IS NULL",
        )?;
        for member in std::iter::once(unlinked.section).chain(unlinked.left_alone) {
            join.execute(params![member.to_string(), unlinked.group.to_string(), now])?;
        }
        let mut link = conn.prepare_cached(
            "INSERT INTO translation_sources (section_seq, source_seq, source_version)
             SELECT s.seq, src.seq, ?3 FROM sections s, sections src WHERE s.id = ?1 AND src.id = ?2",
        )?;
        for (translation, source, version) in &unlinked.links {
            link.execute(params![translation.to_string(), source.to_string(), version])?;
        }
        // Links made since among the others could close a circle with the old ones: refused
        // (the transaction is rolled back).
        for (translation, source, _) in &unlinked.links {
            let seq = |id: &SectionId| ids::seq_of(conn, SECTIONS, &id.to_string());
            let (Ok(translation_seq), Ok(source_seq)) = (seq(translation), seq(source)) else { continue };
            let made = conn
                .query_row(
                    "SELECT source_seq FROM translation_sources WHERE section_seq = ?1",
                    [translation_seq],
                    |row| row.get::<_, i64>(0),
                )
                .optional()?;
            if made == Some(source_seq) && made_from(conn, source_seq, translation_seq)? {
                let (from, to) = (get(conn, *translation)?.title, get(conn, *source)?.title);
                return Err(Refusal::TranslationLoop { from, to }.into());
            }
        }
        Ok(())
    }

    /// Records that a translation now says what its source's current version says.
    pub fn mark_translation_updated(&mut self, id: SectionId) -> StoreResult<u32> {
        let conn = self.conn();
        let section = get(conn, id)?;
        let Some(source) = source_of(conn, id)? else {
            return Err(Refusal::NotATranslation { title: section.title }.into());
        };
        if !source.out_of_date() {
            return Err(Refusal::TranslationUpToDate {
                title: section.title,
                version: source.source_version,
                source_title: source.title,
            }
            .into());
        }
        conn.execute(
            "UPDATE translation_sources SET source_version = ?2
             WHERE section_seq = (SELECT seq FROM sections WHERE id = ?1)",
            params![id.to_string(), source.source_version],
        )?;
        Ok(source.source_version)
    }
}
