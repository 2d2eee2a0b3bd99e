//! Any bytes, read as each format Plenary imports and split: no panic, no hang, and no word lost.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_import::{Format, propose, read_bytes};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Docx, Format::Pdf] {
        if let Ok(source) = read_bytes("fuzzed", data, format) {
            let proposal = propose(&source, None, &[]);
            assert_eq!(proposal.words(), source.words(), "a word was lost");
        }
    }
});
