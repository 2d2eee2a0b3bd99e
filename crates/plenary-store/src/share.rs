//! Sharing: a selection of the library as a [`SharedLibrary`], a shared library merged in by the
//! rules of [`plenary_core::share`], and a diverged section brought back to one text.

use std::collections::HashMap;

use plenary_core::fact::Fact;
use plenary_core::id::SectionId;
use plenary_core::organisation::Organisation;
use plenary_core::section::{Section, Version, Vetting};
use plenary_core::share::{
    Conflict, MergeReport, Outcome, SharedLibrary, SharedSection, VersionKey, compare,
};
use plenary_core::status::SectionStatus;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use crate::error::{StoreError, StoreResult};
use crate::ids::{self, SECTIONS};
use crate::organisation::OrganisationUpdate;
use crate::refusal::Refusal;
use crate::sections::{
    self, VERSION_COLUMNS, index, newest_version, replace_tags, tag_set, version_from_row,
};
use crate::{Store, facts, kinds};

impl Store {
    /// The sections named in `ids` or carrying one of `tags` (every section when both are
    /// empty) with their whole history, and the library's kinds, facts and organisation profile.
    pub fn shared_library(&self, ids: &[SectionId], tags: &[String]) -> StoreResult<SharedLibrary> {
        let conn = &self.conn;
        let mut chosen: Vec<SectionId> = Vec::new();
        if ids.is_empty() && tags.is_empty() {
            let mut all = conn.prepare_cached("SELECT id FROM sections ORDER BY seq")?;
            chosen = all.query_map([], |row| crate::rows::parsed(row, 0))?.collect::<Result<_, _>>()?;
        } else {
            for id in ids {
                ids::seq_of(conn, SECTIONS, &id.to_string())?;
                chosen.push(*id);
            }
            if !tags.is_empty() {
                let keys: Vec<Value> =
                    tags.iter().map(|tag| Value::Text(tag.trim().to_lowercase())).collect();
                let marks = vec!["?"; keys.len()].join(", ");
                let sql = format!(
                    "SELECT s.id FROM sections s WHERE EXISTS (SELECT 1 FROM section_tags t
                     WHERE t.section_seq = s.seq AND t.tag_key IN ({marks})) ORDER BY s.seq"
                );
                let mut tagged = conn.prepare(&sql)?;
                let found: Vec<SectionId> = tagged
                    .query_map(params_from_iter(keys), |row| crate::rows::parsed(row, 0))?
                    .collect::<Result<_, _>>()?;
                chosen.extend(found.into_iter().filter(|id| !ids.contains(id)));
            }
        }
        let sections = chosen
            .into_iter()
            .map(|id| {
                let section = sections::get(conn, id)?;
                let seq = ids::seq_of(conn, SECTIONS, &id.to_string())?;
                Ok(shared_section(section, versions(conn, seq)?))
            })
            .collect::<StoreResult<_>>()?;
        Ok(SharedLibrary {
            kinds: kinds::all(conn)?,
            sections,
            facts: facts::all(conn)?,
            organisation: self.organisation()?,
        })
    }
}

fn shared_section(section: Section, versions: Vec<Version>) -> SharedSection {
    SharedSection {
        id: section.id,
        kind: section.kind,
        lang: section.lang,
        status: section.status,
        owner: section.owner,
        review_due: section.review_due,
        translation_group: section.translation_group,
        tags: section.tags,
        current_version: section.current_version,
        diverged_with: section.diverged_with,
        created_at: section.created_at,
        updated_at: section.updated_at,
        versions,
    }
}

/// A section's versions, oldest first.
fn versions(conn: &Connection, seq: i64) -> StoreResult<Vec<Version>> {
    let sql = format!("{VERSION_COLUMNS} WHERE v.section_seq = ?1 ORDER BY v.number");
    let mut statement = conn.prepare_cached(&sql)?;
    let versions = statement.query_map([seq], version_from_row)?.collect::<Result<_, _>>()?;
    Ok(versions)
}

impl crate::Write<'_> {
    /// Merges a shared library into this one by the rules of [`plenary_core::share`]: nothing
    /// here is overwritten or removed. `via` says where it came from; it is recorded with every
    /// vetting record that arrives (an empty one records none: a section put back after deleting).
    pub fn merge_shared(&mut self, shared: &SharedLibrary, via: &str) -> StoreResult<MergeReport> {
        shared.check()?;
        let mut report = MergeReport::default();
        for kind in shared.kinds.iter().chain(shared.sections.iter().map(|section| &section.kind)) {
            if self.add_kind(kind)? {
                report.kinds_added.push(kind.clone());
            }
        }
        for section in &shared.sections {
            self.merge_section(section, via, &mut report)?;
        }
        for fact in &shared.facts {
            self.merge_fact(fact, &mut report)?;
        }
        self.merge_organisation(&shared.organisation, &mut report)?;
        Ok(report)
    }

    fn merge_section(
        &mut self,
        theirs: &SharedSection,
        via: &str,
        report: &mut MergeReport,
    ) -> StoreResult<()> {
        let conn = self.conn();
        let Some(seq) = conn
            .prepare_cached("SELECT seq FROM sections WHERE id = ?1")?
            .query_row([theirs.id.to_string()], |row| row.get::<_, i64>(0))
            .optional()?
        else {
            let seq = add_shared_section(conn, theirs, via)?;
            // As for any merge, so that merging the same bundle again finds nothing to change.
            if promote_if_vetted(conn, seq)? {
                index(conn, seq)?;
            }
            report.added += 1;
            return Ok(());
        };
        let ours = sections::get(conn, theirs.id)?;
        let our_versions = versions(conn, seq)?;
        let comparison = compare(&our_versions, &theirs.versions);
        let vetting_added = add_missing_vetting(conn, seq, &our_versions, &theirs.versions, via)?;
        // Their versions this library lacks go after its newest, in their order.
        let mut number_here: HashMap<VersionKey, u32> =
            our_versions.iter().map(|version| (VersionKey::of(version), version.number)).collect();
        let mut next = newest_version(conn, seq)?;
        for &index in &comparison.missing {
            let version = &theirs.versions[index];
            next += 1;
            insert_shared_version(conn, seq, next, version, via)?;
            number_here.insert(VersionKey::of(version), next);
        }
        // Their version numbers as this library numbers the same versions.
        let here = |number: u32| -> StoreResult<u32> {
            let version = &theirs.versions[number as usize - 1];
            number_here.get(&VersionKey::of(version)).copied().ok_or_else(|| {
                StoreError::from(Refusal::NotMerged { section: theirs.id.to_string(), version: number })
            })
        };
        let their_state = Placed {
            current: here(theirs.current_version)?,
            diverged_with: theirs.diverged_with.map(here).transpose()?,
        };
        let their_current_here = their_state.current;
        let changed = match comparison.outcome() {
            Outcome::TheirsAhead => {
                adopt(conn, seq, theirs, their_state)?;
                true
            }
            Outcome::Same if theirs.updated_at > ours.updated_at && differs(&ours, theirs, their_state) => {
                adopt(conn, seq, theirs, their_state)?;
                true
            }
            Outcome::Same | Outcome::OursAhead => vetting_added,
            Outcome::Diverged => {
                let mut tags = ours.tags.clone();
                tags.extend(theirs.tags.iter().cloned());
                replace_tags(conn, seq, &tags)?;
                conn.prepare_cached(
                    "UPDATE sections SET diverged_with = ?2, updated_at = ?3 WHERE seq = ?1",
                )?
                .execute(params![seq, their_current_here, self.now().to_string()])?;
                report.conflicts.push(Conflict::Section {
                    id: theirs.id,
                    title: ours.title.clone(),
                    ours: ours.current_version,
                    theirs: their_current_here,
                    newly: ours.diverged_with.is_none(),
                });
                index(conn, seq)?;
                return Ok(());
            }
        };
        let promoted = promote_if_vetted(conn, seq)?;
        if changed || promoted {
            index(conn, seq)?;
            report.updated += 1;
        } else {
            report.unchanged += 1;
        }
        Ok(())
    }

    fn merge_fact(&mut self, theirs: &Fact, report: &mut MergeReport) -> StoreResult<()> {
        let conn = self.conn();
        let ours: Option<String> = conn
            .prepare_cached("SELECT value FROM facts WHERE key = ?1")?
            .query_row([theirs.key.as_str()], |row| row.get(0))
            .optional()?;
        match ours {
            None => {
                conn.prepare_cached(
                    "INSERT INTO facts (key, value, as_of, source, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    theirs.key.as_str(),
                    theirs.value.trim(),
                    theirs.as_of.map(|date| date.to_string()),
                    theirs.source,
                    theirs.updated_at.to_string()
                ])?;
                report.facts_added += 1;
            }
            Some(ours) if ours != theirs.value.trim() => report.conflicts.push(Conflict::Fact {
                key: theirs.key.clone(),
                lang: None,
                ours,
                theirs: theirs.value.trim().to_owned(),
            }),
            Some(_) => {}
        }
        // Values in single languages: missing ones are added, different ones reported.
        for (lang, value) in &theirs.values {
            let value = value.trim();
            let ours: Option<String> = conn
                .prepare_cached("SELECT value FROM fact_values WHERE key = ?1 AND lang = ?2")?
                .query_row(params![theirs.key.as_str(), lang.as_str()], |row| row.get(0))
                .optional()?;
            match ours {
                None if !value.is_empty() => {
                    conn.prepare_cached("INSERT INTO fact_values (key, lang, value) VALUES (?1, ?2, ?3)")?
                        .execute(params![theirs.key.as_str(), lang.as_str(), value])?;
                }
                Some(ours) if ours != value => report.conflicts.push(Conflict::Fact {
                    key: theirs.key.clone(),
                    lang: Some(lang.clone()),
                    ours,
                    theirs: value.to_owned(),
                }),
                _ => {}
            }
        }
        Ok(())
    }

    fn merge_organisation(&mut self, theirs: &Organisation, report: &mut MergeReport) -> StoreResult<()> {
        let ours = crate::organisation::get(self.conn())?;
        let (our_name, their_name) = (ours.name.trim(), theirs.name.trim());
        if their_name.is_empty() || our_name == their_name {
            return Ok(());
        }
        if !our_name.is_empty() {
            report
                .conflicts
                .push(Conflict::Organisation { ours: our_name.to_owned(), theirs: their_name.to_owned() });
            return Ok(());
        }
        self.update_organisation(OrganisationUpdate {
            name: Some(their_name.to_owned()),
            short_name: Some(theirs.short_name.clone().unwrap_or_default()),
            logo: theirs.logo.clone(),
            address: Some(theirs.address.clone().unwrap_or_default()),
            // A website this library would refuse as typed is left out rather than failing the merge.
            website: Some(
                theirs
                    .website
                    .clone()
                    .filter(|site| crate::organisation::checked_website(site).is_ok())
                    .unwrap_or_default(),
            ),
        })?;
        report.organisation_added = true;
        Ok(())
    }

    /// Ends a divergence: version `keep`'s text becomes a new current version (so the choice
    /// travels to libraries that hold both branches) and the section is no longer diverged. A
    /// vetted text stays vetted: the new version carries the same record, noting where it is from.
    /// Returns the new version's number.
    pub fn resolve_divergence(&mut self, id: SectionId, keep: u32, author: &str) -> StoreResult<u32> {
        let conn = self.conn();
        let section = sections::get(conn, id)?;
        if section.diverged_with.is_none() {
            return Err(Refusal::NotDiverged { title: section.title }.into());
        }
        let kept = sections::version(conn, id, keep)?;
        let seq = ids::seq_of(conn, SECTIONS, &id.to_string())?;
        let number = newest_version(conn, seq)? + 1;
        let author = author.trim();
        let copied = format!("the same text as version {keep}");
        let vetted = kept.vetted.clone().map(|vetting| Vetting {
            via: Some(match &vetting.via {
                Some(from) => format!("{copied}; {from}"),
                None => copied.clone(),
            }),
            ..vetting
        });
        let chosen = Version {
            number,
            author: if author.is_empty() { "unknown".to_owned() } else { author.to_owned() },
            created_at: self.now(),
            note: Some(format!("Kept the text of version {keep} after the libraries diverged")),
            vetted,
            ..kept.clone()
        };
        insert_shared_version(conn, seq, number, &chosen, &copied)?;
        let status = match (section.status, &kept.vetted) {
            (SectionStatus::Retired, _) => SectionStatus::Retired,
            (_, Some(_)) => SectionStatus::Vetted,
            (_, None) => SectionStatus::Draft,
        };
        conn.prepare_cached(
            "UPDATE sections SET current_version = ?2, status = ?3, diverged_with = NULL, updated_at = ?4 WHERE seq = ?1",
        )?
        .execute(params![seq, number, status.as_str(), self.now().to_string()])?;
        index(conn, seq)?;
        Ok(number)
    }
}

/// Inserts a section the library did not have, as it arrived; returns its row.
fn add_shared_section(conn: &Connection, section: &SharedSection, via: &str) -> StoreResult<i64> {
    conn.prepare_cached(
        "INSERT INTO sections (id, kind, lang, status, owner, review_due, translation_group,
            current_version, diverged_with, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        section.id.to_string(),
        section.kind.as_str(),
        section.lang.as_str(),
        section.status.as_str(),
        section.owner,
        section.review_due.map(|date| date.to_string()),
        section.translation_group.map(|group| group.to_string()),
        section.current_version,
        section.diverged_with,
        section.created_at.to_string(),
        section.updated_at.to_string(),
    ])?;
    let seq = conn.last_insert_rowid();
    for version in &section.versions {
        insert_shared_version(conn, seq, version.number, version, via)?;
    }
    replace_tags(conn, seq, &section.clean_tags())?;
    index(conn, seq)?;
    Ok(seq)
}

/// Writes a version as it arrived (author, time, note and vetting kept) under `number`.
fn insert_shared_version(
    conn: &Connection,
    seq: i64,
    number: u32,
    version: &Version,
    via: &str,
) -> StoreResult<()> {
    let vetting = version.vetted.as_ref();
    conn.prepare_cached(
        "INSERT INTO versions (section_seq, number, title, body, author, created_at, note, vetted_by, vetted_at,
            vetted_via, restored_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        seq,
        number,
        version.title.trim(),
        version.body,
        version.author,
        version.created_at.to_string(),
        version.note,
        vetting.map(|vetting| vetting.by.as_str()),
        vetting.map(|vetting| vetting.at.to_string()),
        // An empty `via` (a section put back after deleting it) adds no origin.
        vetting.and_then(|vetting| vetting.via.as_deref().or(Some(via).filter(|via| !via.is_empty()))),
        // The number it names is the sending library's: kept only where the numbering is too.
        version.restored_from.filter(|_| number == version.number),
    ])?;
    Ok(())
}

/// Records vetting the bundle has for versions this library holds unvetted. Returns whether
/// any was added.
fn add_missing_vetting(
    conn: &Connection,
    seq: i64,
    ours: &[Version],
    theirs: &[Version],
    via: &str,
) -> StoreResult<bool> {
    let unvetted: HashMap<VersionKey, u32> = ours
        .iter()
        .filter(|version| version.vetted.is_none())
        .map(|version| (VersionKey::of(version), version.number))
        .collect();
    let mut added = false;
    for version in theirs {
        let (Some(vetting), Some(&number)) = (&version.vetted, unvetted.get(&VersionKey::of(version))) else {
            continue;
        };
        conn.prepare_cached(
            "UPDATE versions SET vetted_by = ?3, vetted_at = ?4, vetted_via = ?5 WHERE section_seq = ?1 AND number = ?2",
        )?
        .execute(params![seq, number, vetting.by, vetting.at.to_string(), vetting.via.as_deref().unwrap_or(via)])?;
        added = true;
    }
    Ok(added)
}

/// A status never falls behind the vetting record: a draft or in-review section whose current
/// version arrived vetted (or was vetted elsewhere) becomes vetted. Returns whether it changed.
fn promote_if_vetted(conn: &Connection, seq: i64) -> StoreResult<bool> {
    let promoted = conn
        .prepare_cached(
            "UPDATE sections SET status = 'vetted' WHERE seq = ?1 AND status IN ('draft', 'in_review')
             AND EXISTS (SELECT 1 FROM versions v WHERE v.section_seq = sections.seq
                         AND v.number = sections.current_version AND v.vetted_at IS NOT NULL)",
        )?
        .execute([seq])?;
    Ok(promoted > 0)
}

/// Their current version and other branch, numbered as this library numbers them.
#[derive(Clone, Copy)]
struct Placed {
    current: u32,
    diverged_with: Option<u32>,
}

/// Whether their metadata or current version differs from ours.
fn differs(ours: &Section, theirs: &SharedSection, placed: Placed) -> bool {
    ours.kind != theirs.kind
        || ours.lang != theirs.lang
        || ours.status != theirs.status
        || ours.owner != theirs.owner
        || ours.review_due != theirs.review_due
        || ours.translation_group != theirs.translation_group
        || tag_set(&ours.tags) != tag_set(&theirs.clean_tags())
        || ours.current_version != placed.current
        || ours.diverged_with != placed.diverged_with
}

/// Takes their state: current version, status, metadata and tags.
fn adopt(conn: &Connection, seq: i64, theirs: &SharedSection, placed: Placed) -> StoreResult<()> {
    conn.prepare_cached(
        "UPDATE sections SET kind = ?2, lang = ?3, status = ?4, owner = ?5, review_due = ?6,
            translation_group = ?7, current_version = ?8, diverged_with = ?9, updated_at = ?10 WHERE seq = ?1",
    )?
    .execute(params![
        seq,
        theirs.kind.as_str(),
        theirs.lang.as_str(),
        theirs.status.as_str(),
        theirs.owner,
        theirs.review_due.map(|date| date.to_string()),
        theirs.translation_group.map(|group| group.to_string()),
        placed.current,
        placed.diverged_with,
        theirs.updated_at.to_string(),
    ])?;
    replace_tags(conn, seq, &theirs.clean_tags())
}

#[cfg(test)]
mod tests {
    use plenary_core::kind::Kind;
    use plenary_core::language::Language;

    use super::*;
    use crate::NewSection;

    /// Each field counts on its own, the current version and the divergence as much as the tags:
    /// a newer copy differing in one of them alone is adopted.
    #[test]
    fn a_copy_differing_in_one_field_alone_differs() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let mut store = Store::open(folder.path().join("library.sqlite3")).expect("open");
        let new = NewSection {
            title: "Children".into(),
            body: "We oppose detention.".into(),
            kind: Kind::parse("position").expect("kind"),
            lang: Language::english(),
            tags: vec!["gfmd".into()],
            status: SectionStatus::Draft,
            owner: None,
            review_due: None,
            author: "ana".into(),
            note: None,
        };
        let id = store.write(|w| w.add_section(new)).expect("add");
        let ours = store.section(id).expect("section");
        let theirs = store.shared_library(&[id], &[]).expect("share").sections.remove(0);
        let same = Placed { current: ours.current_version, diverged_with: ours.diverged_with };
        assert!(!differs(&ours, &theirs, same), "a copy of itself");
        assert!(differs(&ours, &theirs, Placed { current: ours.current_version + 1, ..same }), "current");
        assert!(differs(&ours, &theirs, Placed { diverged_with: Some(1), ..same }), "diverged");
        let retagged = SharedSection { tags: vec!["gfmd".into(), "2026".into()], ..theirs.clone() };
        assert!(differs(&ours, &retagged, same), "tags");
    }
}
