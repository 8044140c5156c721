//! The judged query set (`tests/relevance/queries.json`) and its measures, shared by the
//! relevance test and `cargo bench --bench relevance`.
//!
//! Each query lists the paragraphs (file and §) judged relevant by reading the corpus. A run
//! searches an index of `corpus/` with each query, widened or plain, and scores the first ten
//! hits: recall@10 (the share of the relevant paragraphs among them) and the reciprocal rank
//! of the first relevant one, averaged per kind of query.

// Counts here are a few dozen queries and paragraphs: exact in an f64.
#![allow(clippy::cast_precision_loss)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use protokoll::index::SearchIndex;
use protokoll::index::query::SearchRequest;
use serde::Deserialize;

/// The judged queries.
#[derive(Debug, Deserialize)]
pub struct QuerySet {
    /// What the set is.
    #[allow(dead_code)]
    pub description: String,
    /// The queries.
    pub queries: Vec<Judged>,
}

/// One query and its relevant paragraphs.
#[derive(Debug, Deserialize)]
pub struct Judged {
    /// A short name.
    pub id: String,
    /// What defeats a stemmer in it: `compound`, `inflection`, `dnr`, …
    pub kind: String,
    /// As a user types it.
    pub query: String,
    /// The relevant paragraphs.
    pub relevant: Vec<Paragraph>,
}

/// A paragraph of the corpus: its file (from the repository root) and § number.
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct Paragraph {
    /// `corpus/…`.
    pub path: String,
    /// The § number; `null` for a file of one unnumbered paragraph.
    pub number: Option<u64>,
}

/// The scores of one query.
#[derive(Debug)]
pub struct Outcome {
    /// The query's id.
    #[allow(dead_code)]
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// Relevant paragraphs among the first ten hits, as a share of all relevant ones.
    pub recall: f64,
    /// 1 / rank of the first relevant hit in the first ten; 0 when there is none.
    pub reciprocal_rank: f64,
}

/// Averages over a group of queries.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Queries in the group.
    pub queries: usize,
    /// Mean recall@10.
    pub recall: f64,
    /// Mean reciprocal rank.
    pub mrr: f64,
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Reads the judged set.
pub fn load() -> QuerySet {
    let path = root().join("tests/relevance/queries.json");
    let text = std::fs::read_to_string(&path).expect("tests/relevance/queries.json");
    serde_json::from_str(&text).expect("queries.json is a query set")
}

/// An index of `corpus/` in memory.
pub fn corpus_index() -> SearchIndex {
    let index = SearchIndex::in_ram().expect("index in memory");
    let docs: Vec<_> = protokoll::corpus::walk(&[root().join("corpus")])
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|p| protokoll::parse_file(&p).ok())
        .collect();
    index.add_documents(&docs).expect("index corpus");
    index
}

/// Runs every query, widened or `plain`, and scores its first ten hits.
pub fn run(index: &SearchIndex, set: &QuerySet, plain: bool) -> Vec<Outcome> {
    set.queries
        .iter()
        .map(|q| {
            let req =
                SearchRequest { query: q.query.clone(), limit: 10, plain, ..Default::default() };
            let hits = index.search(&req).map(|r| r.hits).unwrap_or_default();
            let is_relevant = |h: &protokoll::index::query::Hit| {
                q.relevant.iter().any(|r| h.path.ends_with(&r.path) && h.number == r.number)
            };
            let found = q
                .relevant
                .iter()
                .filter(|r| hits.iter().any(|h| h.path.ends_with(&r.path) && h.number == r.number))
                .count();
            let first = hits.iter().position(is_relevant);
            Outcome {
                id: q.id.clone(),
                kind: q.kind.clone(),
                recall: ratio(found, q.relevant.len()),
                reciprocal_rank: first.map_or(0.0, |i| 1.0 / (i as f64 + 1.0)),
            }
        })
        .collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Averages per kind, and over all queries under the key `all`.
pub fn summarize(outcomes: &[Outcome]) -> BTreeMap<String, Summary> {
    let mut out: BTreeMap<String, Summary> = BTreeMap::new();
    for o in outcomes {
        for key in [o.kind.as_str(), "all"] {
            let s = out.entry(key.to_string()).or_default();
            s.queries += 1;
            s.recall += o.recall;
            s.mrr += o.reciprocal_rank;
        }
    }
    for s in out.values_mut() {
        s.recall /= s.queries as f64;
        s.mrr /= s.queries as f64;
    }
    out
}
