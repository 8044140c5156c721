//! The real binary, run as a user would: exit codes, stdout, stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn protokoll(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_protokoll"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn corpus(rel: &str) -> String {
    Path::new("corpus").join(rel).to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn parse_json_one_file_is_one_object() {
    let o =
        protokoll(&["parse", "--json", &corpus("region-västernorrland/004_2881339b2791bead.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["body"], "Hälso- och sjukvårdsutskottet");
    assert_eq!(doc["paragraphs"].as_array().map(Vec::len), Some(9));
    assert_eq!(doc["paragraphs"][2]["dnr"][0]["key"], "HSN-2023-1782");
}

#[test]
fn parse_folder_is_ndjson_in_sorted_order() {
    let o = protokoll(&["parse", "--json", "corpus/region-jämtland-härjedalen"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let paths: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("one JSON object per line"))
        .map(|d| d["source"]["path"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(paths.len(), 4);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn pretty_prints_one_indented_object() {
    let o = protokoll(&[
        "parse",
        "--json",
        "--pretty",
        &corpus("region-jämtland-härjedalen/000_9fe46fef686c33c5.txt"),
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.lines().count() > 20);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["paragraphs"][0]["number"], 76);
}

#[test]
fn summary_without_json() {
    let o = protokoll(&["parse", &corpus("region-västernorrland/004_2881339b2791bead.txt")]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("§ 92 Reviderad verksamhetsplan 2024–2026"), "{out}");
    assert!(out.contains("abstained: Pia Lundin (SJVP), Erica Stenberg (SD)"), "{out}");
}

/// A folder with good and bad files: every good file is parsed, every bad one named once on
/// stderr, and the exit status says something failed.
#[test]
fn bad_files_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(corpus("region-jämtland-härjedalen/000_9fe46fef686c33c5.txt")),
        d.join("a_good.txt"),
    )
    .expect("copy");
    std::fs::write(d.join("b_empty.txt"), b"").expect("write");
    std::fs::write(d.join("c_binary.txt"), b"\x00\x01\x02PNG\x00\x00").expect("write");
    std::fs::write(d.join("d_latin1.txt"), b"\xa7 5 H\xe4lso- och sjukv\xe5rdsn\xe4mnden\n\nN\xe4mnden beslutar\n\natt godk\xe4nna rapporten.\n").expect("write");
    std::fs::write(d.join("e.pdf.txt"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").expect("write");
    let missing: PathBuf = d.join("missing.txt");
    let o = protokoll(&["parse", "--json", &d.to_string_lossy(), &missing.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 4, "{err}");
    assert!(err.contains("b_empty.txt: empty file"), "{err}");
    assert!(err.contains("c_binary.txt: not a text file"), "{err}");
    assert!(err.contains("e.pdf.txt: damaged PDF"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    let docs: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["paragraphs"][0]["title"], "Hälso- och sjukvårdsnämnden");
    assert_eq!(docs[1]["paragraphs"][0]["decision"]["clauses"][0], "godkänna rapporten");
}

#[test]
fn check_counts_warnings() {
    let o = protokoll(&["check", "corpus"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(" documents, "), "{}", stdout(&o));
}

#[test]
fn usage_errors_exit_non_zero() {
    let o = protokoll(&["parse"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Usage"));
}

fn protokoll_in(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_protokoll"));
    cmd.args(args).current_dir(dir).env_remove("PROTOKOLL_INDEX");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

/// A temp folder with a `corpus/` of two organisations, as a user's checkout would have.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for org in ["region-västernorrland", "region-jämtland-härjedalen"] {
        let to = dir.path().join("corpus").join(org);
        std::fs::create_dir_all(&to).expect("mkdir");
        for e in std::fs::read_dir(root.join(org)).expect("read corpus") {
            let p = e.expect("entry").path();
            std::fs::copy(&p, to.join(p.file_name().expect("name"))).expect("copy");
        }
    }
    dir
}

/// Found while checking a damaged index by hand: a chosen index that could not be opened was
/// rebuilt from the bundled corpus, replacing what its owner had indexed.
#[test]
fn a_chosen_index_is_never_filled_with_the_bundled_corpus() {
    let dir = workdir();
    let o = protokoll_in(dir.path(), &["search", "--index", "mine", "budget"], &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no index in mine"), "{}", stderr(&o));
    assert!(!dir.path().join("mine").exists());
    // A damaged one says so, and `index` rebuilds it.
    let o = protokoll_in(dir.path(), &["index", "-q", "--index", "mine", "corpus"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(dir.path().join("mine/protokoll-lexicon-000001.fst"), b"x").expect("damage");
    let o = protokoll_in(dir.path(), &["search", "--index", "mine", "budget"], &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is damaged"), "{}", stderr(&o));
    let o = protokoll_in(dir.path(), &["index", "--index", "mine", "corpus"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is damaged") && stderr(&o).contains("rebuilding it"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn search_without_an_index_builds_it_first() {
    let dir = workdir();
    let o = protokoll_in(dir.path(), &["search", "kostnadsreducering"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("building it from corpus/ first"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("§ 98 Hälso- och sjukvårdens handlingsplan för kostnadsreduceringar"),
        "{}",
        stdout(&o)
    );
    assert!(dir.path().join(".protokoll-index/meta.json").exists());
    // The second time the index is there: nothing on stderr.
    let o = protokoll_in(dir.path(), &["search", "kostnadsreducering"], &[]);
    assert_eq!(stderr(&o), "");
}

#[test]
fn index_is_incremental_and_reports() {
    let dir = workdir();
    let o = protokoll_in(dir.path(), &["index", "--index", "idx", "corpus"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("indexed 5 documents (5 new, 0 changed), 13 paragraphs"),
        "{}",
        stderr(&o)
    );
    let o = protokoll_in(dir.path(), &["index", "--index", "idx"], &[]);
    assert!(
        stderr(&o).contains("indexed 0 documents") && stderr(&o).contains("5 unchanged skipped"),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.path().join("corpus/bad.txt"), b"\x00\x00binary").expect("write");
    let o = protokoll_in(dir.path(), &["index", "--index", "idx"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.txt: not a text file"), "{}", stderr(&o));
}

/// Found while checking the benchmark's index by hand: `./corpus` after `corpus` indexed every
/// file a second time under another key, and each search hit came twice.
#[test]
fn one_folder_spelled_two_ways_is_indexed_once() {
    let dir = workdir();
    let o = protokoll_in(dir.path(), &["index", "--index", "idx", "corpus"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for spelling in ["./corpus", "corpus/", "./corpus/./", "."] {
        let o = protokoll_in(dir.path(), &["index", "--index", "idx", spelling], &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("indexed 0 documents") && stderr(&o).contains("5 unchanged"),
            "{spelling}: {}",
            stderr(&o)
        );
        assert!(stderr(&o).contains(" 0 removed"), "{spelling}: {}", stderr(&o));
    }
    let file = "./corpus/region-västernorrland/004_2881339b2791bead.txt";
    let o = protokoll_in(dir.path(), &["index", "--index", "idx", file], &[]);
    assert!(stderr(&o).contains("1 unchanged"), "{}", stderr(&o));
    let o = protokoll_in(dir.path(), &["search", "--index", "idx", "kostnadsreducering"], &[]);
    assert!(stdout(&o).starts_with("1 matching paragraphs"), "{}", stdout(&o));
    assert!(stdout(&o).contains(" corpus/region-västernorrland/004_"), "{}", stdout(&o));
}

#[test]
fn search_json_has_the_documented_keys() {
    let dir = workdir();
    let o = protokoll_in(dir.path(), &["index", "-q"], &[("PROTOKOLL_INDEX", "env-idx")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = protokoll_in(
        dir.path(),
        &["search", "--json", "--org", "Region Västernorrland", "verksamhetsplan"],
        &[("PROTOKOLL_INDEX", "env-idx")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert!(!hits.is_empty());
    assert_keys(
        stdout(&o).lines().next().unwrap_or_default(),
        &[
            "path",
            "organization",
            "body",
            "date",
            "number",
            "title",
            "dnr",
            "page",
            "line",
            "score",
            "snippet",
        ],
    );
    let o = protokoll_in(
        dir.path(),
        &["search", "--sort", "date", "--facets", "plan"],
        &[("PROTOKOLL_INDEX", "env-idx")],
    );
    assert!(stdout(&o).contains("by organisation: "), "{}", stdout(&o));
}

#[test]
fn dnr_and_stances_commands() {
    let dir = workdir();
    protokoll_in(dir.path(), &["index", "-q", "--index", "idx"], &[]);
    let o = protokoll_in(dir.path(), &["dnr", "--index", "idx", "--json", "23HSN2705"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_keys(
        stdout(&o).lines().next().unwrap_or_default(),
        &[
            "date",
            "organization",
            "body",
            "path",
            "number",
            "title",
            "relation",
            "decision",
            "page",
        ],
    );
    assert!(rows.iter().any(|r| r["relation"] == "own" && r["number"] == 98));
    let o = protokoll_in(dir.path(), &["dnr", "--index", "idx", "not a number"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is not a case number"), "{}", stderr(&o));
    let o = protokoll_in(
        dir.path(),
        &["stances", "--index", "idx", "--json", "--person", "Pia Lundin"],
        &[],
    );
    let rows: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(rows.len(), 3);
    assert_keys(
        stdout(&o).lines().next().unwrap_or_default(),
        &["kind", "name", "party", "date", "organization", "body", "path", "number", "title"],
    );
    let o = protokoll_in(dir.path(), &["stances", "--index", "idx", "--csv", "--by", "party"], &[]);
    assert_eq!(stdout(&o).lines().next(), Some("party,party,abstained,reserved,conflict"));
    let o = protokoll_in(dir.path(), &["search", "--index", "idx", "\"ekonomi i balans"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stderr(&o).contains("unclosed quote"), "{}", stderr(&o));
}

/// The top-level keys of a JSON line are exactly `keys`, in that order (the documented order).
#[track_caller]
fn assert_keys(line: &str, keys: &[&str]) {
    let v: serde_json::Value = serde_json::from_str(line).expect("json");
    let mut got: Vec<&str> = v.as_object().expect("object").keys().map(String::as_str).collect();
    let mut want = keys.to_vec();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    let at: Vec<usize> =
        keys.iter().map(|k| line.find(&format!("\"{k}\":")).expect("key")).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "keys out of order in {line}");
}

/// A folder as a user downloads it: PDFs and a DOCX among bad files. The good ones are parsed
/// and indexed, each bad one named once with its reason, and search hits carry their page.
#[test]
fn pdf_and_docx_folders_parse_index_and_search() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().join("arkiv");
    std::fs::create_dir_all(&d).expect("mkdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in [
        "vasternorrland-hsu-2023-12-07.pdf",
        "jamtland-hsn-2024-06-13-extract.docx",
        "bad-encrypted.pdf",
        "bad-scanned.pdf",
        "bad-odt-named.docx",
    ] {
        std::fs::copy(fixtures.join(name), d.join(name)).expect("copy");
    }
    // Content decides, not the name: a PDF saved with its extension in capitals, and one
    // downloaded without any (an extension-less file that is not a document stays out).
    std::fs::copy(fixtures.join("jamtland-hsn-2024-06-13-extract.pdf"), d.join("utdrag.PDF"))
        .expect("copy");
    std::fs::copy(
        fixtures.join("jamtland-hsn-2024-06-13-extract-ghostscript.pdf"),
        d.join("nedladdad"),
    )
    .expect("copy");
    std::fs::write(d.join("LICENSE"), "not minutes").expect("write");
    let o = protokoll_in(dir.path(), &["parse", "--json", "arkiv"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.contains("bad-encrypted.pdf: encrypted PDF: it needs a password"), "{err}");
    assert!(err.contains("bad-scanned.pdf: no text layer: needs OCR"), "{err}");
    assert!(err.contains("bad-odt-named.docx: not a DOCX: an OpenDocument file"), "{err}");
    let docs: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    let formats: Vec<&str> = docs.iter().filter_map(|d| d["source"]["format"].as_str()).collect();
    assert_eq!(formats, ["docx", "pdf", "pdf", "pdf"]);

    let o = protokoll_in(dir.path(), &["index", "--index", "idx", "arkiv"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("indexed 4 documents"), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 failed"), "{}", stderr(&o));
    let o = protokoll_in(
        dir.path(),
        &["search", "--index", "idx", "--json", "visselblåsarärenden"],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let hit: serde_json::Value =
        serde_json::from_str(stdout(&o).lines().next().expect("a hit")).expect("json");
    assert_eq!(hit["number"], 93);
    assert_eq!(hit["page"], 4);
    let o = protokoll_in(dir.path(), &["search", "--index", "idx", "visselblåsarärenden"], &[]);
    assert!(stdout(&o).contains("vasternorrland-hsu-2023-12-07.pdf (page 4)"), "{}", stdout(&o));
    // The trail of a case knows the page too.
    let o = protokoll_in(dir.path(), &["dnr", "--index", "idx", "--json", "HSN-2023-4749"], &[]);
    let row: serde_json::Value =
        serde_json::from_str(stdout(&o).lines().next().expect("a row")).expect("json");
    assert_eq!((row["number"].as_u64(), row["page"].as_u64()), (Some(93), Some(4)));
}
