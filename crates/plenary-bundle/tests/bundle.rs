//! Bundles on real library files: written, read back, merged; histories that diverge; hostile
//! and damaged files.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use plenary_bundle::{BundleError, Imported, Selection, read_bundle, write_bundle};
use plenary_core::fact::FactKey;
use plenary_core::id::SectionId;
use plenary_core::kind::Kind;
use plenary_core::language::Language;
use plenary_core::organisation::Logo;
use plenary_core::share::{Conflict, SharedLibrary};
use plenary_core::status::SectionStatus;
use plenary_store::{NewSection, OrganisationUpdate, SectionEdit, Store};
use tempfile::TempDir;

fn import_bundle(store: &mut Store, path: &Path) -> Result<Imported, BundleError> {
    plenary_bundle::import_bundle(store, path, "2026-12-01".parse().expect("date"))
}

fn library(folder: &TempDir, name: &str) -> Store {
    Store::open(folder.path().join(name)).expect("open a library")
}

fn new_section(title: &str, body: &str) -> NewSection {
    NewSection {
        title: title.to_owned(),
        body: body.to_owned(),
        kind: Kind::parse("position").expect("kind"),
        lang: Language::english(),
        tags: vec!["gfmd".to_owned()],
        status: SectionStatus::Draft,
        owner: None,
        review_due: None,
        author: "ana".to_owned(),
        note: None,
    }
}

fn add(store: &mut Store, title: &str, body: &str) -> SectionId {
    store.write(|w| w.add_section(new_section(title, body))).expect("add section")
}

fn edit(store: &mut Store, id: SectionId, body: &str, author: &str) {
    let edit =
        SectionEdit { body: Some(body.to_owned()), author: author.to_owned(), ..SectionEdit::default() };
    store.write(|w| w.edit_section(id, edit)).expect("edit section");
}

fn vet(store: &mut Store, id: SectionId, by: &str) {
    store.write(|w| w.set_section_status(id, SectionStatus::InReview, by)).expect("submit");
    store.write(|w| w.set_section_status(id, SectionStatus::Vetted, by)).expect("vet");
}

fn share(store: &Store, folder: &TempDir, name: &str) -> PathBuf {
    let path = folder.path().join(name);
    write_bundle(store, &Selection::default(), &path).expect("write bundle");
    path
}

/// What two libraries must agree on after merging both ways: per section, its versions (by
/// content), which of them are vetted, and whether it is diverged.
type Shape = BTreeMap<SectionId, (BTreeSet<String>, BTreeSet<String>, bool)>;

fn version_key(version: &plenary_core::section::Version) -> String {
    format!("{}|{}|{}|{}|{:?}", version.title, version.body, version.author, version.created_at, version.note)
}

fn shape(store: &Store) -> Shape {
    let library = store.shared_library(&[], &[]).expect("shared library");
    library
        .sections
        .iter()
        .map(|section| {
            let versions = section.versions.iter().map(version_key).collect();
            let vetted = section.versions.iter().filter(|v| v.vetted.is_some()).map(version_key).collect();
            (section.id, (versions, vetted, section.diverged_with.is_some()))
        })
        .collect()
}

/// Current text and status of each section that is not diverged.
fn settled(store: &Store) -> BTreeMap<SectionId, (String, SectionStatus)> {
    let library = store.shared_library(&[], &[]).expect("shared library");
    library
        .sections
        .iter()
        .filter(|section| section.diverged_with.is_none())
        .map(|section| {
            let current = &section.versions[section.current_version as usize - 1];
            (section.id, (version_key(current), section.status))
        })
        .collect()
}

fn everything(store: &Store) -> SharedLibrary {
    store.shared_library(&[], &[]).expect("shared library")
}

#[test]
fn a_library_arrives_whole_in_an_empty_one() {
    let folder = tempfile::tempdir().expect("folder");
    let mut ours = library(&folder, "ours.sqlite3");
    let who = add(&mut ours, "Who we are", "We are **{{fact.member_orgs}}** organisations.");
    edit(&mut ours, who, "We are {{fact.member_orgs}} organisations in 12 countries.", "marta");
    vet(&mut ours, who, "Marta Díaz");
    let custom = Kind::parse("annex").expect("kind");
    ours.write(|w| w.add_kind(&custom)).expect("kind");
    let annex = ours
        .write(|w| w.add_section(NewSection { kind: custom.clone(), ..new_section("Annex", "Figures.") }))
        .expect("annex");
    let spanish = ours
        .write(|w| {
            w.add_section(NewSection {
                lang: Language::parse("lang", "es").expect("es"),
                ..new_section("Quiénes somos", "Somos 45 organizaciones.")
            })
        })
        .expect("spanish");
    ours.write(|w| w.link_translations(who, spanish)).expect("link");
    ours.write(|w| {
        w.set_fact(&FactKey::parse("member_orgs").expect("key"), "45", None, Some("2026 census".into()))
    })
    .expect("fact");
    let logo = Logo::from_file_bytes("logo.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec())
        .expect("logo");
    ours.write(|w| {
        w.update_organisation(OrganisationUpdate {
            name: Some("Red Puentes".into()),
            website: Some("https://puentes.example.org".into()),
            logo: Some(logo.clone()),
            ..OrganisationUpdate::default()
        })
    })
    .expect("organisation");

    let path = share(&ours, &folder, "ours.plenary");
    let mut theirs = library(&folder, "theirs.sqlite3");
    let imported = import_bundle(&mut theirs, &path).expect("import");
    assert_eq!(imported.report.added, 3);
    assert_eq!(imported.report.kinds_added, [custom]);
    assert_eq!(imported.report.facts_added, 1);
    assert!(imported.report.organisation_added && imported.report.conflicts.is_empty());
    assert_eq!(imported.manifest.organisation, "Red Puentes");

    let (sent, arrived) = (everything(&ours), everything(&theirs));
    assert_eq!(sent.facts, arrived.facts);
    assert_eq!(arrived.organisation, sent.organisation);
    assert_eq!(arrived.organisation.logo, Some(logo));
    for (sent, arrived) in sent.sections.iter().zip(&arrived.sections) {
        // Everything is the same except where the vetting record came from.
        let mut arrived = arrived.clone();
        for version in &mut arrived.versions {
            if let Some(vetting) = &mut version.vetted {
                assert!(
                    vetting.via.as_deref().is_some_and(|via| via.starts_with("bundle ours.plenary from Red Puentes, imported ")),
                    "{vetting:?}"
                );
                vetting.via = None;
            }
        }
        assert_eq!(sent, &arrived);
    }
    assert_eq!(theirs.section(annex).expect("annex").kind.as_str(), "annex");
    assert_eq!(theirs.translations(who).expect("translations").len(), 1);
    assert_eq!(
        theirs
            .search(&plenary_store::SearchQuery { text: "countries".into(), limit: 10, ..Default::default() })
            .expect("search")
            .len(),
        1
    );

    // Importing the same bundle again changes nothing.
    let before = everything(&theirs);
    let again = import_bundle(&mut theirs, &path).expect("import again");
    assert_eq!((again.report.added, again.report.updated, again.report.unchanged), (0, 0, 3));
    assert!(again.report.changed_nothing() && again.report.conflicts.is_empty());
    assert_eq!(everything(&theirs), before);
}

#[test]
fn a_selection_shares_only_the_sections_named_or_tagged() {
    let folder = tempfile::tempdir().expect("folder");
    let mut ours = library(&folder, "ours.sqlite3");
    let first = add(&mut ours, "First", "One.");
    let second = ours
        .write(|w| {
            w.add_section(NewSection { tags: vec!["Detention".into()], ..new_section("Second", "Two.") })
        })
        .expect("second");
    add(&mut ours, "Third", "Three.");
    let path = folder.path().join("some.plenary");
    let selection = Selection { sections: vec![first], tags: vec!["detention".into()] };
    let written = write_bundle(&ours, &selection, &path).expect("write");
    assert_eq!((written.sections, written.versions), (2, 2));
    let ids: Vec<SectionId> =
        read_bundle(&path).expect("read").library.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, [first, second]);
    let none = Selection { sections: vec![], tags: vec!["nothing".into()] };
    let error = write_bundle(&ours, &none, &folder.path().join("none.plenary")).expect_err("empty");
    assert!(error.to_string().contains("no section carries the tag nothing"), "{error}");
    assert!(!folder.path().join("none.plenary").exists());
}

#[test]
fn new_versions_arrive_and_vetting_travels_with_where_it_came_from() {
    let folder = tempfile::tempdir().expect("folder");
    let mut ours = library(&folder, "ours.sqlite3");
    let id = add(&mut ours, "Who we are", "First text.");
    let mut theirs = library(&folder, "theirs.sqlite3");
    import_bundle(&mut theirs, &share(&ours, &folder, "start.plenary")).expect("start");

    edit(&mut theirs, id, "Second text, by a colleague.", "luis");
    vet(&mut theirs, id, "Luis");
    let report = import_bundle(&mut ours, &share(&theirs, &folder, "back.plenary")).expect("back").report;
    assert_eq!((report.added, report.updated, report.unchanged), (0, 1, 0));
    let section = ours.section(id).expect("section");
    assert_eq!(
        (section.current_version, section.status, section.diverged_with),
        (2, SectionStatus::Vetted, None)
    );
    assert_eq!(section.body, "Second text, by a colleague.");
    let vetting = ours.version(id, 2).expect("v2").vetted.expect("vetted");
    assert_eq!(vetting.by, "Luis");
    assert!(vetting.via.as_deref().is_some_and(|via| via.starts_with("bundle back.plenary")), "{vetting:?}");

    // Our own later edits are ahead: their old bundle changes nothing here.
    edit(&mut ours, id, "Third text.", "ana");
    let report = import_bundle(&mut ours, &folder.path().join("back.plenary")).expect("old").report;
    assert_eq!((report.updated, report.unchanged), (0, 1));
    assert_eq!(ours.section(id).expect("section").current_version, 3);
}

#[test]
fn text_changed_on_both_sides_keeps_both_branches_until_a_person_chooses() {
    let folder = tempfile::tempdir().expect("folder");
    let mut ours = library(&folder, "ours.sqlite3");
    let id = add(&mut ours, "Who we are", "Common text.");
    let statement_pin = ours.section(id).expect("section").current_version;
    let mut theirs = library(&folder, "theirs.sqlite3");
    import_bundle(&mut theirs, &share(&ours, &folder, "start.plenary")).expect("start");
    edit(&mut ours, id, "Our wording.", "ana");
    edit(&mut theirs, id, "Their wording.", "luis");
    vet(&mut theirs, id, "Luis");

    let report = import_bundle(&mut ours, &share(&theirs, &folder, "theirs.plenary")).expect("merge").report;
    assert_eq!(
        report.conflicts,
        [Conflict::Section { id, title: "Who we are".into(), ours: 2, theirs: 3, newly: true }]
    );
    let section = ours.section(id).expect("section");
    assert_eq!(section.diverged_with, Some(3));
    assert_eq!((section.current_version, section.body.as_str()), (2, "Our wording."));
    assert_eq!(ours.version(id, 3).expect("their branch").body, "Their wording.");
    assert_eq!(ours.version(id, statement_pin).expect("pinned").body, "Common text.");
    // Editing a diverged section numbers after every version, both branches included.
    edit(&mut ours, id, "Our wording, again.", "ana");
    assert_eq!(ours.section(id).expect("section").current_version, 4);

    // Choosing their vetted text makes a new, vetted current version; the choice travels back.
    let chosen = ours.write(|w| w.resolve_divergence(id, 3, "ana")).expect("resolve");
    let section = ours.section(id).expect("section");
    assert_eq!((chosen, section.current_version, section.diverged_with), (5, 5, None));
    assert_eq!((section.body.as_str(), section.status), ("Their wording.", SectionStatus::Vetted));
    let carried = ours.version(id, 5).expect("v5").vetted.expect("vetting carried");
    assert_eq!(carried.by, "Luis");
    let via = carried.via.expect("via");
    assert!(
        via.starts_with("the same text as version 3; bundle theirs.plenary, imported 2026-12-01"),
        "{via}"
    );
    let error = ours.write(|w| w.resolve_divergence(id, 3, "ana")).expect_err("not diverged");
    assert!(error.to_string().contains("not diverged"), "{error}");

    let report = import_bundle(&mut theirs, &share(&ours, &folder, "resolved.plenary")).expect("back").report;
    assert_eq!((report.updated, report.conflicts.len()), (1, 0));
    let section = theirs.section(id).expect("theirs");
    assert_eq!(section.diverged_with, None);
    assert_eq!(section.body, "Their wording.");
    assert_eq!(shape(&ours), shape(&theirs));
}

#[test]
fn a_fact_with_two_values_and_two_organisation_names_are_conflicts_and_ours_are_kept() {
    let folder = tempfile::tempdir().expect("folder");
    let key = FactKey::parse("member_orgs").expect("key");
    let mut ours = library(&folder, "ours.sqlite3");
    ours.write(|w| w.set_fact(&key, "45", None, None)).expect("fact");
    ours.write(|w| {
        w.update_organisation(OrganisationUpdate { name: Some("Red Puentes".into()), ..Default::default() })
    })
    .expect("org");
    let mut theirs = library(&folder, "theirs.sqlite3");
    theirs.write(|w| w.set_fact(&key, "47", None, None)).expect("fact");
    theirs
        .write(|w| {
            w.update_organisation(OrganisationUpdate {
                name: Some("Puentes Network".into()),
                ..Default::default()
            })
        })
        .expect("org");
    let report = import_bundle(&mut ours, &share(&theirs, &folder, "theirs.plenary")).expect("merge").report;
    assert_eq!(
        report.conflicts,
        [
            Conflict::Fact { key: key.clone(), lang: None, ours: "45".into(), theirs: "47".into() },
            Conflict::Organisation { ours: "Red Puentes".into(), theirs: "Puentes Network".into() },
        ]
    );
    assert_eq!(ours.facts().expect("facts")[0].value, "45");
    assert_eq!(ours.organisation().expect("org").name, "Red Puentes");
}

/// A fact's values in single languages travel: missing ones are added, different ones are
/// conflicts naming the language, and ours are kept.
#[test]
fn a_facts_values_per_language_are_added_or_reported() {
    let folder = tempfile::tempdir().expect("folder");
    let (families, members) =
        (FactKey::parse("families").expect("key"), FactKey::parse("members").expect("key"));
    let (es, fr): (Language, Language) = ("es".parse().expect("es"), "fr".parse().expect("fr"));
    let mut ours = library(&folder, "ours.sqlite3");
    ours.write(|w| {
        w.set_fact(&families, "100,000 families", None, None)?;
        w.set_fact(&members, "45", None, None)?;
        w.set_fact_value(&families, &es, "100.000 familias", None, None)
    })
    .expect("ours");
    let mut theirs = library(&folder, "theirs.sqlite3");
    theirs
        .write(|w| {
            w.set_fact(&families, "100,000 families", None, None)?;
            w.set_fact(&members, "45", None, None)?;
            w.set_fact_value(&families, &es, "cien mil familias", None, None)?;
            w.set_fact_value(&members, &fr, "45 membres", None, None)
        })
        .expect("theirs");
    let report = import_bundle(&mut ours, &share(&theirs, &folder, "theirs.plenary")).expect("merge").report;
    assert_eq!(
        report.conflicts,
        [Conflict::Fact {
            key: families.clone(),
            lang: Some(es.clone()),
            ours: "100.000 familias".into(),
            theirs: "cien mil familias".into()
        }]
    );
    let facts = ours.facts().expect("facts");
    assert_eq!(facts[0].values.get(&es).map(String::as_str), Some("100.000 familias"), "ours kept");
    // Values per language need format 2: an older Plenary refuses the bundle rather than drop them.
    let written = read_bundle(&share(&theirs, &folder, "again.plenary")).expect("read");
    assert_eq!(written.manifest.format_version, 2);
    assert_eq!(facts[1].values.get(&fr).map(String::as_str), Some("45 membres"), "theirs added");
}

/// Random edit histories on two libraries that start from a common one: merging each into the
/// other gives both the same sections, versions, vetting and divergence, and sections that did
/// not diverge end with the same text and status.
#[test]
fn merging_a_into_b_and_b_into_a_gives_the_same_library() {
    // How often the random histories reach each case, so that the test cannot pass on easy ones.
    let (mut diverged, mut updated, mut added) = (0, 0, 0);
    for seed in 0..16_u64 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let folder = tempfile::tempdir().expect("folder");
        let mut a = library(&folder, "a.sqlite3");
        for n in 0..3 {
            add(&mut a, &format!("Section {n}"), "Common.");
        }
        let mut b = library(&folder, "b.sqlite3");
        import_bundle(&mut b, &share(&a, &folder, "start.plenary")).expect("start");

        for (name, store) in [("a", &mut a), ("b", &mut b)] {
            for step in 0..rng.usize(0..6) {
                let ids: Vec<SectionId> =
                    everything(store).sections.iter().map(|section| section.id).collect();
                let id = ids[rng.usize(0..ids.len())];
                match rng.u8(0..5) {
                    0 | 1 => edit(store, id, &format!("{name} wrote this at step {step}."), name),
                    2 => {
                        if store.section(id).expect("section").status == SectionStatus::Draft {
                            vet(store, id, name);
                        }
                    }
                    3 => {
                        let tags = Some(vec![format!("{name}-{step}")]);
                        let edit = SectionEdit { tags, author: name.to_owned(), ..SectionEdit::default() };
                        store.write(|w| w.edit_section(id, edit)).expect("retag");
                    }
                    _ => {
                        add(store, &format!("New in {name} {step}"), "Fresh.");
                    }
                }
            }
        }
        let a_bundle = share(&a, &folder, "a.plenary");
        let b_bundle = share(&b, &folder, "b.plenary");
        let report = import_bundle(&mut a, &b_bundle).expect("b into a").report;
        diverged += report.conflicts.len();
        updated += report.updated;
        added += report.added;
        import_bundle(&mut b, &a_bundle).expect("a into b");
        assert_eq!(shape(&a), shape(&b), "seed {seed}");
        assert_eq!(settled(&a), settled(&b), "seed {seed}");
        // And once merged, neither bundle brings anything new.
        let again = import_bundle(&mut a, &b_bundle).expect("again").report;
        assert_eq!((again.added, again.updated), (0, 0), "seed {seed}");
    }
    assert!(
        diverged > 0 && updated > 0 && added > 0,
        "diverged {diverged}, updated {updated}, added {added}"
    );
}

// ---- damaged and hostile files ----

/// Writes a ZIP with the given entries.
fn zip_file(path: &Path, entries: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).expect("entry");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("finish");
}

/// The entries of a real bundle, to tamper with.
fn entries_of(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).expect("entry");
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).expect("read");
            (entry.name().to_owned(), bytes)
        })
        .collect()
}

fn refused(store: &mut Store, path: &Path, expected: &str) {
    let before = everything(store);
    let backups = plenary_store::list_backups(store.path()).expect("backups").len();
    let error = import_bundle(store, path).expect_err(expected);
    let message = error.to_string();
    assert!(matches!(error, BundleError::Invalid { .. }), "{message}");
    assert!(message.contains(&path.display().to_string()) && message.contains(expected), "{message}");
    assert_eq!(everything(store), before, "{expected}: the library changed");
    assert_eq!(plenary_store::list_backups(store.path()).expect("backups").len(), backups);
}

#[test]
fn damaged_foreign_and_hostile_bundles_are_refused_and_change_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let mut ours = library(&folder, "ours.sqlite3");
    add(&mut ours, "Who we are", "We are 45 organisations.");
    let good = share(&ours, &folder, "good.plenary");
    let entries = entries_of(&good);
    let manifest: serde_json::Value = serde_json::from_slice(&entries[0].1).expect("manifest");
    let library = entries[1].1.clone();
    let mut theirs = library_with_one_section(&folder);
    let with = |name: &str, changes: &[(&str, &[u8])]| {
        let path = folder.path().join(name);
        zip_file(&path, changes);
        path
    };

    let not_zip = folder.path().join("statement.plenary");
    std::fs::write(&not_zip, "Who we are\n\nWe are 45 organisations.").expect("write");
    refused(&mut theirs, &not_zip, "not a Plenary bundle (a bundle is a ZIP archive)");

    let bytes = std::fs::read(&good).expect("read");
    let truncated = folder.path().join("truncated.plenary");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    refused(&mut theirs, &truncated, "not a Plenary bundle");

    let tampered_library = String::from_utf8(library.clone()).expect("utf-8").replace("45", "99");
    let manifest_bytes = serde_json::to_vec(&manifest).expect("json");
    let tampered = with(
        "tampered.plenary",
        &[("manifest.json", &manifest_bytes), ("library.json", tampered_library.as_bytes())],
    );
    refused(&mut theirs, &tampered, "library.json does not match its checksum in manifest.json");

    let mut newer = manifest.clone();
    newer["format_version"] = 3.into();
    newer["something_new"] = "x".into();
    let newer_bytes = serde_json::to_vec(&newer).expect("json");
    let from_newer = with("newer.plenary", &[("manifest.json", &newer_bytes), ("library.json", &library)]);
    refused(
        &mut theirs,
        &from_newer,
        "made by a newer Plenary (bundle format 3; this version reads up to 2)",
    );

    let escape = with(
        "escape.plenary",
        &[("manifest.json", &manifest_bytes), ("library.json", &library), ("../../.bashrc", b"echo owned")],
    );
    refused(&mut theirs, &escape, "a file its manifest does not list: '../../.bashrc'");
    assert!(!folder.path().join("../.bashrc").exists());

    let other_zip = with("other.plenary", &[("word/document.xml", b"<w:document/>")]);
    refused(&mut theirs, &other_zip, "not a Plenary bundle: it has no manifest.json");

    // A logo entry that lies about its size and unpacks to 3 MB of zeros: reading stops at 2 MB.
    let zeros = vec![0_u8; 3 * 1024 * 1024];
    let mut bomb_manifest = manifest.clone();
    bomb_manifest["files"]
        .as_array_mut()
        .expect("files")
        .push(serde_json::json!({"name": "logo.png", "bytes": 100, "sha256": "00"}));
    let bomb_bytes = serde_json::to_vec(&bomb_manifest).expect("json");
    let bomb = with(
        "bomb.plenary",
        &[("manifest.json", &bomb_bytes), ("library.json", &library), ("logo.png", &zeros)],
    );
    refused(&mut theirs, &bomb, "logo.png unpacks to more than 2 MB");

    // Contents that parse but break the model: a version numbered twice, a script for a kind.
    let text = String::from_utf8(library.clone()).expect("utf-8");
    for (name, from, to, expected) in [
        ("numbers.plenary", "\"number\": 1", "\"number\": 2", "expected 1"),
        ("kind.plenary", "\"kind\": \"position\"", "\"kind\": \"<script>\"", "invalid kind '<script>'"),
        ("lang.plenary", "\"lang\": \"en\"", "\"lang\": \"not a language\"", "library.json"),
    ] {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text, "{name}: the fixture has {from}");
        let mut listed = manifest.clone();
        listed["files"][0]["bytes"] = changed.len().into();
        listed["files"][0]["sha256"] = sha256(changed.as_bytes()).into();
        let listed = serde_json::to_vec(&listed).expect("json");
        let path = with(name, &[("manifest.json", &listed), ("library.json", changed.as_bytes())]);
        refused(&mut theirs, &path, expected);
    }
}

fn library_with_one_section(folder: &TempDir) -> Store {
    let mut store = library(folder, "theirs.sqlite3");
    add(&mut store, "Already here", "Their own text.");
    store
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A bundle written by the first format stays readable by every later Plenary: colleagues do not
/// update on the same day.
#[test]
fn a_bundle_in_format_1_still_imports() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo-format-1.plenary");
    let bundle = read_bundle(&fixture).expect("read the fixture");
    assert_eq!((bundle.manifest.format_version, bundle.manifest.sections), (1, 14));
    let folder = tempfile::tempdir().expect("folder");
    let mut store = library(&folder, "new.sqlite3");
    let report = import_bundle(&mut store, &fixture).expect("import").report;
    assert_eq!((report.added, report.conflicts.len()), (14, 0));
    assert!(report.organisation_added);
    assert_eq!(store.organisation().expect("org").name, bundle.library.organisation.name);
}

#[test]
fn a_bundle_that_cannot_be_written_leaves_no_file_behind() {
    let folder = tempfile::tempdir().expect("folder");
    let mut store = library(&folder, "ours.sqlite3");
    add(&mut store, "Who we are", "Text.");
    let target = folder.path().join("missing-folder").join("out.plenary");
    let error = write_bundle(&store, &Selection::default(), &target).expect_err("no folder");
    assert!(matches!(error, BundleError::Io { .. }) && error.to_string().contains("out.plenary"), "{error}");
    let left: Vec<_> = std::fs::read_dir(folder.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert!(
        left.iter().all(|name| !name.to_string_lossy().contains("plenary-bundle")
            && !name.to_string_lossy().ends_with(".partial")),
        "{left:?}"
    );
}

/// A bundle whose section says "draft" over a vetted current version (an older Plenary, a hand
/// edit): the status is raised on arrival, so a second merge finds nothing to change.
#[test]
fn a_status_behind_its_vetting_is_raised_once_on_arrival() {
    let folder = tempfile::tempdir().expect("folder");
    let mut ours = library(&folder, "ours.sqlite3");
    let id = add(&mut ours, "Who we are", "Text.");
    vet(&mut ours, id, "Marta");
    let mut shared = everything(&ours);
    shared.sections[0].status = SectionStatus::Draft;
    let mut theirs = library(&folder, "theirs.sqlite3");
    let first = theirs.write(|w| w.merge_shared(&shared, "test")).expect("first");
    assert_eq!(first.added, 1);
    assert_eq!(theirs.section(id).expect("section").status, SectionStatus::Vetted);
    let second = theirs.write(|w| w.merge_shared(&shared, "test")).expect("second");
    assert!(second.changed_nothing(), "{second:?}");
}
