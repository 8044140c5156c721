//! Fuzz target: any bytes, decoded as the reader decodes a file, then parsed. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = protokoll::source::decode(data) {
        let doc = protokoll::parse_str(&text).value;
        let lines = text.split('\n').count() as u32;
        for w in &doc.warnings {
            assert!(w.line >= 1 && w.line <= lines);
        }
    }
});
