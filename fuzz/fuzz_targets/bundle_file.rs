//! Any bytes as a bundle: reading never panics or hangs, and a bundle that passes every check
//! merges into a library, and merging it again changes nothing.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plenary_bundle::read_bundle_bytes;
use plenary_store::Store;

fuzz_target!(|data: &[u8]| {
    let Ok(bundle) = read_bundle_bytes(Path::new("fuzzed.plenary"), data) else { return };
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = Store::open(folder.path().join("library.sqlite3")).expect("library");
    // The store may still refuse what the model allowed (an error, not a panic).
    if store.write(|w| w.merge_shared(&bundle.library, "fuzz")).is_ok() {
        let again = store.write(|w| w.merge_shared(&bundle.library, "fuzz")).expect("second merge");
        assert!(again.changed_nothing(), "a second merge changed something: {again:?}");
    }
});
