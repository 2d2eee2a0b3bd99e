//! Any bytes as a bundle's `library.json` (behind a valid manifest, so the checksums do not stop
//! them first): parsing and checking never panic, and what passes merges into a library twice
//! with the second merge changing nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::share::SharedLibrary;
use plenary_store::Store;

fuzz_target!(|data: &[u8]| {
    let Ok(library) = serde_json::from_slice::<SharedLibrary>(data) else { return };
    if library.check().is_err() {
        return;
    }
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = Store::open(folder.path().join("library.sqlite3")).expect("library");
    if store.write(|w| w.merge_shared(&library, "fuzz")).is_ok() {
        let again = store.write(|w| w.merge_shared(&library, "fuzz")).expect("second merge");
        assert!(again.changed_nothing(), "a second merge changed something: {again:?}");
    }
});
