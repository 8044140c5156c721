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
    assert!(err.contains("e.pdf.txt: PDF input is not supported"), "{err}");
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
