//! Fuzz target: any bytes read as a file is read — PDF and DOCX recognised by content and
//! extracted, text decoded — then parsed. Nothing may panic; an extraction error is an answer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = protokoll::source::from_bytes(std::path::Path::new("fuzz"), data) {
        let _ = protokoll::parse::document(&src.text, src.info);
    }
});
