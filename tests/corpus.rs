//! One reviewed JSON snapshot per corpus document: any change to what the parser extracts
//! shows up as a diff in `tests/snapshots/`.

use std::path::Path;

#[test]
fn corpus_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    insta::glob!("../corpus", "**/*.txt", |path| {
        let mut doc = protokoll::parse_file(path).expect("corpus files are readable text");
        // Stable across machines: the path relative to the repository.
        doc.source.path =
            path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        insta::assert_json_snapshot!(doc);
    });
}
