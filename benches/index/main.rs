//! Index benchmark: protokoll's indexing against plain tantivy on a generated corpus, query
//! latencies and the no-op update. A reproducible measurement, not a test: nothing asserts times.
//!
//! ```text
//! cargo bench --bench index -- --gb 1            # 1 GiB corpus, seed 42
//! cargo bench --bench index -- --gb 0.05         # a quick run
//! cargo bench --bench index -- --gb 1 --corpus /data/bench --seed 7 --queries 300 --runs 5
//! cargo bench --bench index -- --report          # the table of the last run again
//! ```
//!
//! Steps (each measured phase in its own child process — this binary re-run with `--phase` — so
//! that peak resident memory, VmHWM from /proc/self/status, belongs to that phase alone):
//! 1. generate the corpus (`target/bench-corpus`, reused when seed, size and generator match);
//! 2. `dump` (untimed for the comparison): parse the corpus, write the paragraph texts and
//!    samples for the queries; its parse time is reported as the parse share;
//! 3. `--runs` rounds (3 by default) of the three indexing phases, one after the other, so that
//!    a disturbance of the machine meets each of them alike; each phase's round with the median
//!    wall time is reported, with the spread of the rounds:
//!    - `protokoll`: a fresh index with `SearchIndex::open_or_create` + `update`;
//!    - `plain`: tantivy alone indexing the dumped texts in one TEXT field with the same
//!      Swedish analysis made of tantivy's own filters, the same writer threads and memory
//!      budget (and again with the field stored, `plain-stored`);
//! 4. `noop`: `update` again on the unchanged corpus;
//! 5. `query`: term, phrase, filtered and dnr queries against the protokoll index, after a
//!    warm-up; p50/p99.
//!
//! A table is printed at the end and the same figures are written to
//! `target/bench-index.json`. MB are 10^6 bytes; `--gb N` asks for N·2^30 bytes of text.
//! The corpus is read from the page cache (it was just written, or read once when reused):
//! these are warm-cache figures.

// Figures are statistics over counts far below 2^52 and sizes from positive floats.
#![allow(clippy::cast_precision_loss, clippy::cast_sign_loss)]
// The table code names its rows x, f, t, c, p, q, n, as the columns are short.
#![allow(clippy::many_single_char_names)]
// `*rng.pick(&[&str])` picks the `&str` (clippy's suggestion does not infer the type).
#![allow(clippy::explicit_auto_deref)]

mod generate;
mod rng;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde_json::{Value, json};

use protokoll::index::SearchIndex;
use protokoll::index::query::{Filters, SearchRequest};
use rng::Rng;

/// Options of a run.
#[derive(Debug, Clone)]
struct Options {
    gb: f64,
    seed: u64,
    corpus: PathBuf,
    work: PathBuf,
    json: PathBuf,
    queries: usize,
    /// Rounds of the indexing phases; each phase's median round is reported.
    runs: usize,
    phase: Option<String>,
    report: bool,
}

fn options() -> Result<Options> {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let mut o = Options {
        gb: 1.0,
        seed: 42,
        corpus: target.join("bench-corpus"),
        work: target.join("bench-index"),
        json: target.join("bench-index.json"),
        queries: 300,
        runs: 3,
        phase: None,
        report: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match a.as_str() {
            "--gb" => o.gb = value("--gb")?.parse()?,
            "--seed" => o.seed = value("--seed")?.parse()?,
            "--corpus" => o.corpus = value("--corpus")?.into(),
            "--work" => o.work = value("--work")?.into(),
            "--json" => o.json = value("--json")?.into(),
            "--queries" => o.queries = value("--queries")?.parse()?,
            "--runs" => o.runs = value("--runs")?.parse::<usize>()?.max(1),
            "--phase" => o.phase = Some(value("--phase")?),
            // Print the table of the last run's JSON again, measuring nothing.
            "--report" => o.report = true,
            // cargo bench passes --bench to every bench binary.
            "--bench" => {}
            "-h" | "--help" => {
                bail!(
                    "usage: cargo bench --bench index -- [--gb 1] [--seed 42] [--corpus DIR] \
                     [--work DIR] [--json FILE] [--queries 300] [--runs 3] [--report]"
                )
            }
            other => bail!("unknown argument `{other}` (try --help)"),
        }
    }
    Ok(o)
}

fn main() -> Result<()> {
    let o = options()?;
    match o.phase.as_deref() {
        None if o.report => {
            let all: Value = serde_json::from_str(&std::fs::read_to_string(&o.json)?)?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}", table(&all))?;
            Ok(())
        }
        None => orchestrate(&o),
        Some(phase) => {
            let anon = anon_sampler();
            let result = match phase {
                "protokoll" => phase_protokoll(&o)?,
                "noop" => phase_noop(&o)?,
                "dump" => phase_dump(&o)?,
                "plain" => phase_plain(&o, false)?,
                "plain-stored" => phase_plain(&o, true)?,
                "query" => phase_query(&o)?,
                other => bail!("unknown phase `{other}`"),
            };
            let mut result = result;
            result["peak_rss_mb"] = json!(peak_rss_mb());
            result["peak_anon_mb"] = json!(
                anon.load(std::sync::atomic::Ordering::Relaxed).max(status_kb("RssAnon:")) as f64
                    * 1024.0
                    / 1e6
            );
            let mut out = std::io::stdout().lock();
            writeln!(out, "RESULT {result}")?;
            Ok(())
        }
    }
}

/// A field of /proc/self/status, kB (0 when absent).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse().ok()))
        })
        .unwrap_or(0)
}

/// Peak resident memory of this process, MB (VmHWM). It counts the pages of tantivy's
/// memory-mapped index files that were touched, which are page cache rather than heap.
fn peak_rss_mb() -> f64 {
    status_kb("VmHWM:") as f64 * 1024.0 / 1e6
}

/// Samples RssAnon (heap and stacks, without mapped files) every 20 ms; the kernel keeps no
/// peak of it.
fn anon_sampler() -> std::sync::Arc<std::sync::atomic::AtomicU64> {
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let p = peak.clone();
    std::thread::spawn(move || {
        loop {
            p.fetch_max(status_kb("RssAnon:"), std::sync::atomic::Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    peak
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn mb_per_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

// ---------------------------------------------------------------------------------------------
// Orchestration
// ---------------------------------------------------------------------------------------------

fn run_phase(o: &Options, phase: &str) -> Result<Value> {
    eprintln!("── phase {phase}");
    let exe = std::env::current_exe()?;
    let output = Command::new(exe)
        .args(["--phase", phase, "--gb", &o.gb.to_string(), "--seed", &o.seed.to_string()])
        .arg("--corpus")
        .arg(&o.corpus)
        .arg("--work")
        .arg(&o.work)
        .args(["--queries", &o.queries.to_string()])
        .stderr(std::process::Stdio::inherit())
        .output()?;
    if !output.status.success() {
        bail!("phase {phase} failed: {}", output.status);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .with_context(|| format!("phase {phase} printed no result"))?;
    Ok(serde_json::from_str(line)?)
}

/// The corpus, generated unless one with the same seed, size and generator is there.
fn ensure_corpus(o: &Options) -> Result<Value> {
    let target_bytes = (o.gb * f64::from(1u32 << 30)) as u64;
    let chain = generate::Chain::train(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))?;
    let wanted = json!({
        "seed": o.seed,
        "target_bytes": target_bytes,
        "generator": generate::GENERATOR_VERSION,
        "training": chain.fingerprint,
    });
    let marker = o.corpus.join(".bench-corpus.json");
    if let Ok(s) = std::fs::read_to_string(&marker)
        && let Ok(found) = serde_json::from_str::<Value>(&s)
        && ["seed", "target_bytes", "generator", "training"].iter().all(|k| found[k] == wanted[k])
    {
        eprintln!("reusing the corpus in {}", o.corpus.display());
        // The figures are warm-cache ones, as for a corpus just written: read it once.
        let warm = Instant::now();
        let bytes: u64 = walkdir::WalkDir::new(&o.corpus)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| std::fs::read(e.path()).ok())
            .map(|b| b.len() as u64)
            .sum();
        eprintln!(
            "read {} MB into the page cache in {:.1} s",
            bytes / 1_000_000,
            secs(warm.elapsed())
        );
        let mut found = found;
        found["reused"] = json!(true);
        return Ok(found);
    }
    if o.corpus.exists() {
        std::fs::remove_dir_all(&o.corpus)?;
    }
    std::fs::create_dir_all(&o.corpus)?;
    let started = Instant::now();
    let g = generate::generate(&o.corpus, o.seed, target_bytes, &chain)?;
    let mut info = wanted;
    info["files"] = json!(g.files);
    info["bytes"] = json!(g.bytes);
    info["generate_s"] = json!(secs(started.elapsed()));
    std::fs::write(&marker, info.to_string())?;
    info["reused"] = json!(false);
    Ok(info)
}

fn orchestrate(o: &Options) -> Result<()> {
    let corpus = ensure_corpus(o)?;
    std::fs::create_dir_all(&o.work)?;
    // The plain phases index the texts the dump wrote.
    let dump = run_phase(o, "dump")?;
    let mut rounds: [Vec<Value>; 3] = Default::default();
    for _ in 0..o.runs {
        for (phase, runs) in ["protokoll", "plain", "plain-stored"].iter().zip(&mut rounds) {
            runs.push(run_phase(o, phase)?);
        }
    }
    let [protokoll, plain, stored] = rounds.map(median_round);
    // The no-op update and the queries read the index of the last protokoll round.
    let noop = run_phase(o, "noop")?;
    let query = run_phase(o, "query")?;

    let ratio = protokoll["mb_per_s"].as_f64().unwrap_or(0.0)
        / plain["mb_per_s"].as_f64().unwrap_or(f64::NAN);
    let ratio_stored = protokoll["mb_per_s"].as_f64().unwrap_or(0.0)
        / stored["mb_per_s"].as_f64().unwrap_or(f64::NAN);
    let all = json!({
        "machine": { "cores": std::thread::available_parallelism().map_or(1, std::num::NonZero::get) },
        "writer": { "threads": protokoll::index::writer_threads(), "budget_mb": protokoll::index::WRITER_BUDGET / (1 << 20) },
        "corpus": corpus,
        "protokoll": protokoll,
        "noop_update": noop,
        "parse": dump,
        "plain": plain,
        "plain_stored": stored,
        "ratio_protokoll_to_plain": ratio,
        "ratio_protokoll_to_plain_stored": ratio_stored,
        "queries": query,
    });
    std::fs::write(&o.json, serde_json::to_string_pretty(&all)?)?;
    let table = table(&all);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{table}")?;
    writeln!(out, "figures written to {}", o.json.display())?;
    Ok(())
}

/// The round with the median wall time (the lower middle one of an even number), with the
/// wall times of all rounds in the order they ran, as `wall_s_runs`.
fn median_round(mut runs: Vec<Value>) -> Value {
    let walls: Vec<Value> = runs.iter().map(|r| r["wall_s"].clone()).collect();
    let wall = |r: &Value| r["wall_s"].as_f64().unwrap_or(f64::INFINITY);
    runs.sort_by(|a, b| wall(a).total_cmp(&wall(b)));
    let mut median = runs.swap_remove((runs.len() - 1) / 2);
    median["wall_s_runs"] = Value::Array(walls);
    median
}

/// `min–max` of a phase's round wall times (one figure for one round).
fn spread(x: &Value) -> String {
    let walls: Vec<f64> =
        x["wall_s_runs"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
    let (lo, hi) = walls.iter().fold((f64::INFINITY, 0f64), |(lo, hi), &w| (lo.min(w), hi.max(w)));
    match walls.len() {
        0 => String::new(),
        1 => format!("{lo:.1}"),
        _ => format!("{lo:.1}–{hi:.1}"),
    }
}

fn table(v: &Value) -> String {
    let f = |x: &Value| x.as_f64().unwrap_or(f64::NAN);
    let mut t = String::new();
    let c = &v["corpus"];
    let corpus_mb = f(&c["bytes"]) / 1e6;
    let _ = writeln!(
        t,
        "\nprotokoll index benchmark (seed {}, {} cores, writer {} threads / {} MiB)",
        c["seed"], v["machine"]["cores"], v["writer"]["threads"], v["writer"]["budget_mb"]
    );
    let _ = writeln!(
        t,
        "corpus: {} files, {:.0} MB (generated in {:.1} s{})",
        c["files"],
        corpus_mb,
        f(&c["generate_s"]),
        if c["reused"] == json!(true) { ", reused" } else { "" }
    );
    let _ = writeln!(
        t,
        "\n{:<34} {:>9} {:>9} {:>10} {:>9} {:>11} {:>9}  rounds s",
        "indexing (median round)", "wall s", "MB/s", "peak MB", "anon MB", "index MB", "index %"
    );
    for (name, key) in [
        ("protokoll (open_or_create+update)", "protokoll"),
        ("plain tantivy, TEXT", "plain"),
        ("plain tantivy, TEXT|STORED", "plain_stored"),
    ] {
        let x = &v[key];
        let _ = writeln!(
            t,
            "{:<34} {:>9.1} {:>9.1} {:>10.0} {:>9.0} {:>11.0} {:>8.0}%  {}",
            name,
            f(&x["wall_s"]),
            f(&x["mb_per_s"]),
            f(&x["peak_rss_mb"]),
            f(&x["peak_anon_mb"]),
            f(&x["index_bytes"]) / 1e6,
            100.0 * f(&x["index_bytes"]) / f(&c["bytes"]),
            spread(x)
        );
    }
    let p = &v["parse"];
    let _ = writeln!(
        t,
        "{:<34} {:>9.1} {:>9.1} {:>10.0} {:>9.0}",
        "read+hash+parse only (dump phase)",
        f(&p["parse_wall_s"]),
        f(&p["parse_mb_per_s"]),
        f(&p["peak_rss_mb"]),
        f(&p["peak_anon_mb"])
    );
    let n = &v["noop_update"];
    let _ = writeln!(
        t,
        "{:<34} {:>9.2} {:>9.1} {:>10.0} {:>9.0}",
        "no-op update (unchanged corpus)",
        f(&n["wall_s"]),
        f(&n["mb_per_s"]),
        f(&n["peak_rss_mb"]),
        f(&n["peak_anon_mb"])
    );
    let _ = writeln!(
        t,
        "\nratio protokoll / plain TEXT:        {:.2}  (target ≥ 0.80)",
        f(&v["ratio_protokoll_to_plain"])
    );
    let _ = writeln!(
        t,
        "ratio protokoll / plain TEXT|STORED: {:.2}",
        f(&v["ratio_protokoll_to_plain_stored"])
    );
    let pr = &v["protokoll"];
    let _ = writeln!(
        t,
        "protokoll indexed {} files, {} paragraphs, {} tantivy documents ({} source bytes/paragraph)",
        pr["files"],
        pr["paragraphs"],
        p["tantivy_docs"],
        (f(&pr["bytes"]) / f(&pr["paragraphs"])) as u64
    );
    let q = &v["queries"];
    let _ = writeln!(
        t,
        "\n{:<34} {:>6} {:>10} {:>10} {:>10} {:>10}",
        "queries (warm)", "n", "p50 ms", "p99 ms", "max ms", "mean hits"
    );
    for kind in [
        "term",
        "term_plain",
        "phrase",
        "phrase_plain",
        "filtered",
        "filtered_plain",
        "typo",
        "typo_plain",
        "dnr",
    ] {
        let x = &q[kind];
        if x.is_null() {
            continue;
        }
        let _ = writeln!(
            t,
            "{:<34} {:>6} {:>10.3} {:>10.3} {:>10.3} {:>10.1}",
            kind,
            x["n"],
            f(&x["p50_ms"]),
            f(&x["p99_ms"]),
            f(&x["max_ms"]),
            f(&x["mean_hits"])
        );
    }
    let _ = writeln!(
        t,
        "(targets: term and dnr p99 < 10 ms; peak memory < 1000 MB. peak MB is VmHWM, which \
        counts touched pages of the mapped index files; anon MB is sampled RssAnon, the heap;\n\
        `_plain` is the same queries without the Swedish widening: target widened p99 ≤ 2× plain)"
    );
    let sizes = &q["field_bytes"];
    if let Some(total) = sizes["total"].as_f64() {
        let own: f64 = ["lexicon", "case_number"].iter().map(|k| f(&sizes[*k])).sum();
        let _ = writeln!(
            t,
            "index growth for the Swedish search (lexicon files and case_number field): {:.0} MB, \
            {:.1}% of the index",
            own / 1e6,
            100.0 * own / total
        );
    }
    t
}

// ---------------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------------

fn index_dir(o: &Options) -> PathBuf {
    o.work.join("protokoll-index")
}

fn phase_protokoll(o: &Options) -> Result<Value> {
    let dir = index_dir(o);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let step = std::sync::atomic::AtomicUsize::new(0);
    let progress = |r: &protokoll::index::Report| {
        let pct = r.done * 20 / r.files.max(1);
        if pct > step.load(std::sync::atomic::Ordering::Relaxed) {
            step.store(pct, std::sync::atomic::Ordering::Relaxed);
            eprint!("\rindexing: {}/{} files", r.done, r.files);
        }
    };
    let started = Instant::now();
    let (index, _) = SearchIndex::open_or_create(&dir)?;
    let report = index.update(std::slice::from_ref(&o.corpus), &progress)?;
    let wall = started.elapsed();
    eprintln!();
    Ok(json!({
        "wall_s": secs(wall),
        "mb_per_s": mb_per_s(report.bytes, wall),
        "bytes": report.bytes,
        "files": report.files,
        "documents": report.documents,
        "paragraphs": report.paragraphs,
        "warnings": report.warnings,
        "failed": report.failed.len(),
        "index_bytes": dir_size(&dir),
    }))
}

fn phase_noop(o: &Options) -> Result<Value> {
    let corpus_bytes = dir_size(&o.corpus);
    let started = Instant::now();
    let (index, _) = SearchIndex::open_or_create(&index_dir(o))?;
    let report = index.update(std::slice::from_ref(&o.corpus), &|_| {})?;
    let wall = started.elapsed();
    Ok(json!({
        "wall_s": secs(wall),
        "mb_per_s": mb_per_s(corpus_bytes, wall),
        "skipped": report.skipped,
        "documents": report.documents,
    }))
}

fn texts_path(o: &Options) -> PathBuf {
    o.work.join("paragraphs.txt")
}

fn samples_path(o: &Options) -> PathBuf {
    o.work.join("query-samples.json")
}

/// Paragraph texts are written one per record, newlines escaped as U+2028 (no paragraph text
/// holds one) so a record is a line.
const NEWLINE: char = '\u{2028}';

fn phase_dump(o: &Options) -> Result<Value> {
    let paths: Vec<PathBuf> =
        protokoll::corpus::walk(std::slice::from_ref(&o.corpus)).into_iter().flatten().collect();
    let mut out = BufWriter::new(std::fs::File::create(texts_path(o))?);
    let mut rng = Rng::new(o.seed, 0xD0);
    let (mut words, mut long_words, mut phrases) = (Vec::new(), Vec::new(), Vec::new());
    let (mut filters, mut dnrs) = (Vec::new(), Vec::new());
    let (mut parse_time, mut bytes, mut paragraphs, mut text_bytes, mut docs) =
        (Duration::ZERO, 0u64, 0usize, 0u64, 0usize);
    let fields = protokoll::index::schema::build().1;
    for chunk in paths.chunks(256) {
        let started = Instant::now();
        let parsed: Vec<protokoll::Document> = chunk
            .par_iter()
            .filter_map(|p| {
                let b = std::fs::read(p).ok()?;
                let src = protokoll::source::from_bytes(p, &b).ok()?;
                Some(protokoll::parse::document(&src.text, src.info))
            })
            .collect();
        parse_time += started.elapsed();
        for doc in &parsed {
            bytes += doc.source.bytes;
            docs += protokoll::index::convert::documents(&fields, doc).len();
            let year =
                doc.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse::<u32>().ok());
            if rng.chance(0.05) {
                filters.push(json!([doc.organization, doc.body, year]));
            }
            for p in &doc.paragraphs {
                paragraphs += 1;
                text_bytes += p.text.len() as u64;
                writeln!(out, "{}", p.text.replace('\n', &NEWLINE.to_string()))?;
                for d in p.dnr.iter().chain(&p.references.dnr) {
                    if rng.chance(0.05) {
                        dnrs.push(json!([d.series, d.year, d.number, d.key]));
                    }
                }
                if rng.chance(0.02) {
                    let w: Vec<&str> = p
                        .text
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
                        .collect();
                    if w.len() >= 3 {
                        words.push(w[rng.below(w.len())].to_lowercase());
                        let long: Vec<&&str> =
                            w.iter().filter(|x| x.chars().count() >= 10).collect();
                        if !long.is_empty() {
                            long_words.push(long[rng.below(long.len())].to_lowercase());
                        }
                    }
                    // A phrase: 2–3 consecutive words of one line of the text.
                    let line =
                        p.text.lines().nth(rng.below(p.text.lines().count().max(1))).unwrap_or("");
                    let lw: Vec<&str> = line.split_whitespace().collect();
                    let len = rng.range(2, 3);
                    if lw.len() > len {
                        let at = rng.below(lw.len() - len);
                        let phrase: Vec<String> = lw[at..at + len]
                            .iter()
                            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                            .collect();
                        if phrase
                            .iter()
                            .all(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
                        {
                            phrases.push(phrase.join(" "));
                        }
                    }
                }
            }
        }
    }
    out.flush()?;
    let samples = json!({
        "words": words, "long_words": long_words, "phrases": phrases,
        "filters": filters, "dnrs": dnrs,
    });
    std::fs::write(samples_path(o), samples.to_string())?;
    Ok(json!({
        "parse_wall_s": secs(parse_time),
        "parse_mb_per_s": mb_per_s(bytes, parse_time),
        "files": paths.len(),
        "paragraphs": paragraphs,
        "paragraph_text_bytes": text_bytes,
        "tantivy_docs": docs,
    }))
}

fn phase_plain(o: &Options, stored: bool) -> Result<Value> {
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
    let dir = o.work.join(if stored { "plain-stored-index" } else { "plain-index" });
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let mut b = Schema::builder();
    let mut options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(protokoll::index::analyzer::SWEDISH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        options = options.set_stored();
    }
    let text = b.add_text_field("text", options);
    let schema = b.build();
    let file = BufReader::with_capacity(1 << 20, std::fs::File::open(texts_path(o))?);
    let started = Instant::now();
    let index = tantivy::Index::create_in_dir(&dir, schema)?;
    // tantivy's own filters, as protokoll's analyzer would be made of them (protokoll's
    // lower-cases and stems in one filter that remembers stems, with the same tokens).
    let stock = {
        use tantivy::tokenizer::{
            Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
        };
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Swedish))
            .build()
    };
    index.tokenizers().register(protokoll::index::analyzer::SWEDISH, stock);
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(
        protokoll::index::writer_threads(),
        protokoll::index::WRITER_BUDGET,
    )?;
    let mut bytes = 0u64;
    let mut docs = 0u64;
    for line in file.lines() {
        let line = line?.replace(NEWLINE, "\n");
        bytes += line.len() as u64;
        docs += 1;
        writer.add_document(tantivy::doc!(text => line))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let wall = started.elapsed();
    // MB/s of the *source* corpus, so the figure compares with protokoll's.
    let corpus_bytes = dir_size(&o.corpus);
    Ok(json!({
        "wall_s": secs(wall),
        "mb_per_s": mb_per_s(corpus_bytes, wall),
        "text_mb_per_s": mb_per_s(bytes, wall),
        "text_bytes": bytes,
        "documents": docs,
        "index_bytes": dir_size(&dir),
    }))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

/// Runs every query once to warm up, then again timed; latency figures in ms.
fn measure(queries: &[Box<dyn Fn() -> Result<usize> + '_>]) -> Result<Value> {
    for q in queries {
        q()?;
    }
    let mut times = Vec::with_capacity(queries.len());
    let mut hits = 0usize;
    for q in queries {
        let t = Instant::now();
        hits += q()?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    Ok(json!({
        "n": times.len(),
        "p50_ms": percentile(&times, 0.5),
        "p99_ms": percentile(&times, 0.99),
        "max_ms": times.last().copied().unwrap_or(f64::NAN),
        "mean_hits": hits as f64 / times.len().max(1) as f64,
    }))
}

fn phase_query(o: &Options) -> Result<Value> {
    let index = SearchIndex::open(&index_dir(o))?;
    let samples: Value = serde_json::from_str(&std::fs::read_to_string(samples_path(o))?)?;
    let strings = |k: &str| -> Vec<String> {
        samples[k]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            .unwrap_or_default()
    };
    let (words, long_words, phrases) =
        (strings("words"), strings("long_words"), strings("phrases"));
    let filters = samples["filters"].as_array().cloned().unwrap_or_default();
    let dnrs = samples["dnrs"].as_array().cloned().unwrap_or_default();
    anyhow::ensure!(
        !words.is_empty() && !phrases.is_empty() && !filters.is_empty() && !dnrs.is_empty(),
        "too few samples for queries: is the corpus tiny?"
    );
    let mut rng = Rng::new(o.seed, 0x0051);
    let n = o.queries;
    let search = |req: SearchRequest| -> Result<usize> { Ok(index.search(&req)?.total) };

    // Term: half frequency-weighted words (common), half long words (compounds, rarer).
    let terms: Vec<String> = (0..n)
        .map(|i| {
            if i % 2 == 0 || long_words.is_empty() {
                rng.pick(&words).clone()
            } else {
                rng.pick(&long_words).clone()
            }
        })
        .collect();
    let request = |query: String, filters: Filters| SearchRequest {
        query,
        filters,
        limit: 10,
        ..SearchRequest::default()
    };
    let term_r: Vec<SearchRequest> =
        terms.iter().map(|w| request(w.clone(), Filters::default())).collect();
    let phrase_r: Vec<SearchRequest> = (0..n)
        .map(|_| request(format!("\"{}\"", rng.pick(&phrases)), Filters::default()))
        .collect();
    let filtered_r: Vec<SearchRequest> = (0..n)
        .map(|i| {
            let f = rng.pick(&filters);
            let mut filters = Filters::default();
            match i % 3 {
                0 => filters.organization = f[0].as_str().map(String::from),
                1 => {
                    filters.organization = f[0].as_str().map(String::from);
                    filters.year = f[2].as_u64().map(|y| y as u32);
                }
                _ => filters.body = f[1].as_str().map(String::from),
            }
            request(rng.pick(&words).clone(), filters)
        })
        .collect();
    // Typo: a long word with one letter dropped, the path of the fuzzy fallback.
    let typo_r: Vec<SearchRequest> = (0..n)
        .map(|_| {
            let w: Vec<char> = rng.pick(&long_words).chars().collect();
            let at = 1 + rng.below(w.len().saturating_sub(2).max(1));
            let typo: String =
                w.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| *c).collect();
            request(typo, Filters::default())
        })
        .collect();
    let runs = |reqs: &[SearchRequest], plain: bool| -> Vec<Box<dyn Fn() -> Result<usize>>> {
        reqs.iter()
            .map(|r| -> Box<dyn Fn() -> Result<usize>> {
                let req = SearchRequest { plain, ..r.clone() };
                Box::new(move || search(req.clone()))
            })
            .collect()
    };
    let (term_q, phrase_q, filtered_q, typo_q) = (
        runs(&term_r, false),
        runs(&phrase_r, false),
        runs(&filtered_r, false),
        runs(&typo_r, false),
    );
    let mut unparsed = 0;
    let dnr_q: Vec<Box<dyn Fn() -> Result<usize>>> = (0..n)
        .filter_map(|_| -> Option<Box<dyn Fn() -> Result<usize>>> {
            let d = rng.pick(&dnrs);
            let (series, year, number, key) =
                (d[0].as_str(), d[1].as_i64()? as i32, d[2].as_u64()? as u32, d[3].as_str()?);
            let spellings = generate::spellings(series, year, number);
            // A spelling the library reads as this key; the key itself when none does.
            let mut spelled = rng.pick(&spellings).clone();
            if protokoll::parse::dnr::key_of(&spelled).as_deref() != Some(key) {
                unparsed += 1;
                spelled = key.to_string();
            }
            let index = &index;
            Some(Box::new(move || Ok(index.dnr_trail(&spelled, &Filters::default())?.len())))
        })
        .collect();
    eprintln!(
        "queries: {} term, {} phrase, {} filtered, {} dnr",
        term_q.len(),
        phrase_q.len(),
        filtered_q.len(),
        dnr_q.len()
    );
    Ok(json!({
        "term": measure(&term_q)?,
        "phrase": measure(&phrase_q)?,
        "filtered": measure(&filtered_q)?,
        "typo": measure(&typo_q)?,
        "dnr": measure(&dnr_q)?,
        "term_plain": measure(&runs(&term_r, true))?,
        "phrase_plain": measure(&runs(&phrase_r, true))?,
        "filtered_plain": measure(&runs(&filtered_r, true))?,
        "typo_plain": measure(&runs(&typo_r, true))?,
        "dnr_spellings_not_read": unparsed,
        "field_bytes": field_bytes(&index, &index_dir(o))?,
    }))
}

/// Bytes of the index per field (term dictionary, postings, positions, norms), summed over
/// segments, and of the lexicon's files: what the Swedish search's own parts cost.
fn field_bytes(index: &SearchIndex, dir: &Path) -> Result<Value> {
    let usage = index.searcher().space_usage()?;
    let mut sizes = serde_json::Map::new();
    for seg in usage.segments() {
        for part in [seg.termdict(), seg.postings(), seg.positions(), seg.fieldnorms()] {
            for field in part.fields() {
                let e = sizes.entry(field.field_name().to_string()).or_insert(json!(0));
                *e = json!(e.as_u64().unwrap_or(0) + field.total().get_bytes());
            }
        }
    }
    let lexicon: u64 = protokoll::index::lexicon::part_files(dir)
        .iter()
        .filter_map(|(_, p)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    sizes.insert("lexicon".into(), json!(lexicon));
    sizes.insert("total".into(), json!(usage.total().get_bytes() + lexicon));
    Ok(Value::Object(sizes))
}
