//! The full-text index: the only module (with its children) that knows tantivy.
//!
//! [`SearchIndex::open_or_create`] opens an index folder, checking the schema version written
//! beside it (an index of another version is rebuilt, and the caller is told); [`SearchIndex::update`]
//! brings it in line with a corpus incrementally: files are keyed by path and SHA-256, so
//! unchanged files are skipped, changed files replaced, and files gone from the walked folders
//! removed. Work is committed in batches, each commit atomic, so a killed run leaves the last
//! committed state and the next run completes it. One writer at a time: a second gets
//! [`Error::Locked`].

pub mod analyzer;
pub mod convert;
pub mod expand;
pub mod lemma;
pub mod lexicon;
pub mod merge;
pub mod query;
pub mod schema;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::error::Error;
use lexicon::{Lexicon, Pending, WordCounts};
use schema::{Fields, INDEX_SCHEMA_VERSION};

/// The file beside the index that records its schema version.
const VERSION_FILE: &str = "protokoll-index.json";

/// Memory budget of the index writer, shared by its threads (public so the index benchmark
/// gives plain tantivy the same).
pub const WRITER_BUDGET: usize = 256 * 1024 * 1024;

/// Source bytes between two commits.
const COMMIT_EVERY_BYTES: u64 = 256 * 1024 * 1024;

/// Parsed files that may wait for the writer (bounds the memory held between the two).
const QUEUED_FILES: usize = 64;

/// Files read and parsed as one piece of work, whose words are counted together.
const CHUNK_FILES: usize = 16;

/// An opened index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: PathBuf,
    /// Whether the index lives in `dir` (else in memory, with its lexicon).
    on_disk: bool,
    /// The lexicon of the last commit.
    lexicon: RwLock<Arc<Lexicon>>,
    /// Source bytes between two commits of an update.
    commit_every: u64,
}

/// What opening found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// An existing index of this version.
    Existing,
    /// A new, empty index.
    Created,
    /// An index of another schema version was removed and created anew.
    Rebuilt {
        /// The version found.
        found: String,
    },
    /// An index whose lexicon could not be read was removed and created anew (the lexicon
    /// cannot be rebuilt from the index alone).
    Damaged {
        /// What was wrong.
        reason: String,
    },
}

fn index_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Index { path: dir.to_path_buf(), message: e.to_string() }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if absent and rebuilding it if its schema version
    /// differs.
    ///
    /// # Errors
    /// When the folder cannot be created or read, or the index is damaged.
    pub fn open_or_create(dir: &Path) -> Result<(Self, Opened), Error> {
        let meta = dir.join("meta.json");
        let version_path = dir.join(VERSION_FILE);
        let mut opened = Opened::Existing;
        if meta.exists() {
            let found = schema_version_in(dir);
            if found != Some(u64::from(INDEX_SCHEMA_VERSION)) {
                opened = Opened::Rebuilt {
                    found: found.map_or_else(|| "none".to_string(), |v| v.to_string()),
                };
                remove_index_files(dir)?;
            } else if let Err(reason) = Lexicon::open(dir) {
                opened = Opened::Damaged { reason };
                remove_index_files(dir)?;
            }
        } else {
            opened = Opened::Created;
        }
        std::fs::create_dir_all(dir)
            .map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let index = if dir.join("meta.json").exists() {
            Index::open_in_dir(dir).map_err(|e| index_error(dir, e))?
        } else {
            let (schema, _) = schema::build();
            let index = Index::create_in_dir(dir, schema).map_err(|e| index_error(dir, e))?;
            let version =
                serde_json::json!({ "schema_version": INDEX_SCHEMA_VERSION, "tool": "protokoll" });
            std::fs::write(&version_path, version.to_string())
                .map_err(|source| Error::Io { path: version_path.clone(), source })?;
            index
        };
        Self::from_index(index, Some(dir)).map(|s| (s, opened))
    }

    /// Opens an existing index for reading.
    ///
    /// # Errors
    /// When there is no index in `dir`, it has another schema version, or it cannot be read.
    pub fn open(dir: &Path) -> Result<Self, Error> {
        if !dir.join("meta.json").exists() {
            return Err(Error::NoIndex { path: dir.to_path_buf() });
        }
        if schema_version_in(dir) != Some(u64::from(INDEX_SCHEMA_VERSION)) {
            return Err(Error::OldIndex { path: dir.to_path_buf() });
        }
        let index = Index::open_in_dir(dir).map_err(|e| index_error(dir, e))?;
        Self::from_index(index, Some(dir))
    }

    /// An index in memory (tests).
    ///
    /// # Errors
    /// When tantivy cannot create it.
    pub fn in_ram() -> Result<Self, Error> {
        let (schema, _) = schema::build();
        Self::from_index(Index::create_in_ram(schema), None)
    }

    fn from_index(index: Index, dir: Option<&Path>) -> Result<Self, Error> {
        let path = dir.unwrap_or(Path::new(""));
        analyzer::register(&index);
        let fields = schema::fields_of(&index.schema()).map_err(|e| index_error(path, e))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error(path, e))?;
        let lexicon = match dir {
            Some(dir) => Lexicon::open(dir)
                .map_err(|reason| Error::DamagedIndex { path: dir.to_path_buf(), reason })?,
            None => Lexicon::default(),
        };
        Ok(SearchIndex {
            index,
            reader,
            fields,
            dir: path.to_path_buf(),
            on_disk: dir.is_some(),
            lexicon: RwLock::new(Arc::new(lexicon)),
            commit_every: COMMIT_EVERY_BYTES,
        })
    }

    /// Commits an update every `bytes` of source instead of every 256 MB (tests: many
    /// commits while files wait for the writer).
    #[doc(hidden)]
    #[must_use]
    pub fn with_commit_every(mut self, bytes: u64) -> Self {
        self.commit_every = bytes.max(1);
        self
    }

    /// The lexicon of the last commit (see [`lexicon`]).
    #[must_use]
    pub fn lexicon(&self) -> Arc<Lexicon> {
        match self.lexicon.read() {
            Ok(l) => l.clone(),
            Err(e) => e.into_inner().clone(),
        }
    }

    /// Commits the writer and, first, the pending words into the lexicon, so that the lexicon
    /// always covers the committed paragraphs. The words' lexicon part is built on a thread of
    /// its own while tantivy prepares the commit (writes the new segments); the commit is
    /// published once the part is written.
    ///
    /// With `merge`, the lexicon's parts are merged into one with the new words (the last
    /// commit of a run that wrote parts before: a large run leaves one map to search). Returns
    /// whether the lexicon changed.
    fn commit(
        &self,
        writer: &mut IndexWriter,
        pending: &mut Pending,
        merge: bool,
    ) -> Result<bool, Error> {
        let batch = pending.take();
        let old = self.lexicon();
        let changed = !batch.is_empty() || (merge && old.parts() > 1);
        std::thread::scope(|s| -> Result<bool, Error> {
            let update = changed.then(|| s.spawn(|| batch.update(&old, merge)));
            let prepared = writer.prepare_commit().map_err(self.err())?;
            if let Some(update) = update {
                let update = update
                    .join()
                    .map_err(|_| index_error(&self.dir, "the lexicon merge panicked"))?
                    .map_err(|e| index_error(&self.dir, e))?;
                let dir = self.on_disk.then_some(self.dir.as_path());
                let new =
                    lexicon::install(&old, update, dir).map_err(|e| index_error(&self.dir, e))?;
                match self.lexicon.write() {
                    Ok(mut l) => *l = Arc::new(new),
                    Err(e) => *e.into_inner() = Arc::new(new),
                }
            }
            prepared.commit().map_err(self.err())?;
            Ok(changed)
        })
    }

    /// The field handles.
    #[must_use]
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A searcher over the last committed state.
    #[must_use]
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Turns a tantivy error into this index's [`Error::Index`].
    pub(crate) fn err(&self) -> impl Fn(tantivy::TantivyError) -> Error + Copy + '_ {
        |e| index_error(&self.dir, e)
    }

    fn writer(&self) -> Result<IndexWriter, Error> {
        let threads = writer_threads();
        // One merge at a time: each maps up to `merge::MAX_MERGE_DOCS` documents' files, and
        // tantivy's four merge threads once ran two such merges at once (peak RSS 1.1 GB on
        // 1 GB of minutes, of which 0.5 GB mapped files). Two cores gain nothing from more.
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(WRITER_BUDGET / threads)
            .num_merge_threads(1)
            .build();
        let writer = self.index.writer_with_options(options).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            ) => Error::Locked { path: self.dir.clone() },
            e => index_error(&self.dir, e),
        })?;
        writer.set_merge_policy(Box::new(merge::BoundedMerges::default()));
        Ok(writer)
    }

    /// The manifest: every indexed file's path and content hash.
    ///
    /// Read from the `path` and `sha256` columns of the `file` documents: opening their stored
    /// documents instead decompressed store blocks throughout the index (paragraphs and files
    /// are stored side by side), which for a 1 GB archive mapped 1.2 GB and took a second. Each
    /// column's dictionary is read once, in order, for the values the files use: looking each
    /// value up on its own decompressed a dictionary block per file.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn manifest(&self) -> Result<HashMap<String, String>, Error> {
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.doctype, "file"),
            IndexRecordOption::Basic,
        );
        let mut files: Vec<Vec<tantivy::DocId>> =
            vec![Vec::new(); searcher.segment_readers().len()];
        for addr in searcher.search(&q, &DocSetCollector).map_err(self.err())? {
            if let Some(docs) = files.get_mut(addr.segment_ord as usize) {
                docs.push(addr.doc_id);
            }
        }
        let mut out = HashMap::new();
        for (segment, docs) in searcher.segment_readers().iter().zip(&files) {
            let fast = segment.fast_fields();
            let (Some(paths), Some(shas)) =
                (fast.str("path").map_err(self.err())?, fast.str("sha256").map_err(self.err())?)
            else {
                continue;
            };
            let ords: Vec<(u64, u64)> = docs
                .iter()
                .filter_map(|&d| Some((paths.term_ords(d).next()?, shas.term_ords(d).next()?)))
                .collect();
            let path_of = self.values(&paths, ords.iter().map(|o| o.0))?;
            let sha_of = self.values(&shas, ords.iter().map(|o| o.1))?;
            for (p, h) in ords {
                if let (Some(p), Some(h)) = (path_of.get(&p), sha_of.get(&h)) {
                    out.insert(p.clone(), h.clone());
                }
            }
        }
        Ok(out)
    }

    /// The values of a string column for some of its ordinals, reading its dictionary once.
    fn values(
        &self,
        column: &tantivy::columnar::StrColumn,
        ords: impl Iterator<Item = u64>,
    ) -> Result<HashMap<u64, String>, Error> {
        let mut ords: Vec<u64> = ords.collect();
        ords.sort_unstable();
        ords.dedup();
        let mut values = Vec::with_capacity(ords.len());
        column
            .dictionary()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                values.push(String::from_utf8_lossy(bytes).into_owned());
            })
            .map_err(|e| index_error(&self.dir, e))?;
        Ok(ords.into_iter().zip(values).collect())
    }

    /// Brings the index in line with the documents under `roots`.
    ///
    /// `progress` is called after each file with the running totals (a CLI draws a bar).
    ///
    /// # Errors
    /// When the index is locked by another writer or cannot be written. Files that cannot be
    /// read are not errors: they are counted and listed in the report.
    pub fn update(
        &self,
        roots: &[PathBuf],
        progress: &(dyn Fn(&Report) + Sync),
    ) -> Result<Report, Error> {
        let started = Instant::now();
        let mut writer = self.writer()?;
        let manifest = self.manifest()?;
        let mut report = Report::default();
        let mut seen: HashSet<String> = HashSet::new();
        let mut todo: Vec<PathBuf> = Vec::new();
        for entry in crate::corpus::walk(roots) {
            match entry {
                Ok(path) => {
                    let key = path.to_string_lossy().into_owned();
                    if !seen.insert(key.clone()) {
                        continue;
                    }
                    todo.push(path);
                }
                Err(e) => report.failed.push(e.to_string()),
            }
        }
        report.files = todo.len();
        progress(&report);
        let f = self.fields;
        // Reading, hashing, parsing and converting run on the rayon pool while this thread
        // hands documents to the writer: the two overlap instead of taking turns by batch.
        // Files go in chunks, whose words are counted together (see `WordCounts`).
        let read_one = |path: &PathBuf, parsed: &mut Vec<crate::model::Document>| -> Outcome {
            let key = path.to_string_lossy();
            let bytes = match crate::source::read_bytes(path) {
                Ok(bytes) => bytes,
                Err(e) => return Outcome::Failed(e.to_string()),
            };
            let sha = crate::source::sha256_hex(&bytes);
            if manifest.get(key.as_ref()) == Some(&sha) {
                return Outcome::Unchanged;
            }
            let len = bytes.len() as u64;
            match crate::source::from_owned_bytes(path, bytes, sha) {
                Ok(src) => {
                    let doc = crate::parse::document(&src.text, src.info);
                    let outcome = Outcome::Parsed {
                        docs: convert::documents(&f, &doc),
                        paragraphs: doc.paragraphs.len(),
                        warnings: doc.warnings.len(),
                        bytes: len,
                    };
                    parsed.push(doc);
                    outcome
                }
                Err(e) => Outcome::Failed(e.to_string()),
            }
        };
        let read_chunk = |paths: &[PathBuf]| -> Chunk {
            let mut parsed = Vec::new();
            let outcomes = paths.iter().map(|p| (p.clone(), read_one(p, &mut parsed))).collect();
            Chunk { outcomes, words: WordCounts::of_documents(&parsed) }
        };
        let (tx, rx) = std::sync::mpsc::sync_channel::<Chunk>(QUEUED_FILES / CHUNK_FILES);
        let mut pending = Pending::default();
        let mut parts_written = 0;
        std::thread::scope(|s| -> Result<(), Error> {
            s.spawn(|| {
                // Stops early when the receiver is gone (an error or a panic below).
                let _ = todo
                    .par_chunks(CHUNK_FILES)
                    .try_for_each_with(tx, |tx, paths| tx.send(read_chunk(paths)));
            });
            let mut since_commit = 0u64;
            for chunk in rx {
                // A chunk's words are pending before any of its documents is handed on, so a
                // commit's lexicon part holds the words of every paragraph it commits.
                pending.add(&chunk.words);
                for (path, outcome) in chunk.outcomes {
                    let key = path.to_string_lossy().into_owned();
                    match outcome {
                        Outcome::Unchanged => report.skipped += 1,
                        Outcome::Failed(message) => {
                            if manifest.contains_key(&key) {
                                writer.delete_term(Term::from_field_text(f.path, &key));
                                report.removed += 1;
                            }
                            report.failed.push(message);
                        }
                        Outcome::Parsed { docs, paragraphs, warnings, bytes } => {
                            if manifest.contains_key(&key) {
                                writer.delete_term(Term::from_field_text(f.path, &key));
                                report.replaced += 1;
                            } else {
                                report.added += 1;
                            }
                            report.documents += 1;
                            report.paragraphs += paragraphs;
                            report.warnings += warnings;
                            report.bytes += bytes;
                            since_commit += bytes;
                            for d in docs {
                                writer.add_document(d).map_err(self.err())?;
                            }
                        }
                    }
                    report.done += 1;
                    progress(&report);
                    if since_commit >= self.commit_every {
                        parts_written +=
                            usize::from(self.commit(&mut writer, &mut pending, false)?);
                        since_commit = 0;
                    }
                }
            }
            Ok(())
        })?;
        // Files indexed before from these folders that are gone now (deleted or moved).
        let roots: Vec<PathBuf> = roots.iter().map(|r| crate::corpus::plain(r)).collect();
        let under_roots = |p: &str| roots.iter().any(|r| crate::corpus::is_under(Path::new(p), r));
        for path in manifest.keys() {
            if !seen.contains(path) && under_roots(path) {
                writer.delete_term(Term::from_field_text(f.path, path));
                report.removed += 1;
            }
        }
        self.commit(&mut writer, &mut pending, parts_written > 0)?;
        writer.wait_merging_threads().map_err(self.err())?;
        self.reader.reload().map_err(self.err())?;
        report.elapsed = started.elapsed();
        Ok(report)
    }

    /// Adds parsed documents directly (tests, benchmarks) and commits.
    ///
    /// # Errors
    /// When the index cannot be written.
    pub fn add_documents(&self, docs: &[crate::model::Document]) -> Result<(), Error> {
        let mut writer = self.writer()?;
        let mut pending = Pending::default();
        for doc in docs {
            writer.delete_term(Term::from_field_text(self.fields.path, &doc.source.path));
            for d in convert::documents(&self.fields, doc) {
                writer.add_document(d).map_err(self.err())?;
            }
            pending.add(&WordCounts::of(doc));
        }
        self.commit(&mut writer, &mut pending, false)?;
        self.reader.reload().map_err(self.err())?;
        Ok(())
    }
}

/// Indexing threads of the writer: one per core, at most four.
#[must_use]
pub fn writer_threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, 4)
}

/// The schema version written beside the index in `dir`, if any can be read.
fn schema_version_in(dir: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(dir.join(VERSION_FILE)).ok()?;
    serde_json::from_str::<serde_json::Value>(&text).ok()?.get("schema_version")?.as_u64()
}

fn remove_index_files(dir: &Path) -> Result<(), Error> {
    let entries =
        std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    for e in entries.flatten() {
        let p = e.path();
        let r = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
        r.map_err(|source| Error::Io { path: p.clone(), source })?;
    }
    Ok(())
}

/// What reading a few files came to: each file's outcome, and the words of those parsed.
struct Chunk {
    outcomes: Vec<(PathBuf, Outcome)>,
    words: WordCounts,
}

/// What reading one file came to.
enum Outcome {
    Unchanged,
    Failed(String),
    Parsed { docs: Vec<TantivyDocument>, paragraphs: usize, warnings: usize, bytes: u64 },
}

/// What an update did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Files found under the roots.
    pub files: usize,
    /// Files handled so far.
    pub done: usize,
    /// Files parsed and indexed (new or changed).
    pub documents: usize,
    /// New files.
    pub added: usize,
    /// Changed files, replaced.
    pub replaced: usize,
    /// Files removed from the index (deleted, moved, or now unreadable).
    pub removed: usize,
    /// Unchanged files, skipped.
    pub skipped: usize,
    /// One line per file that could not be read.
    pub failed: Vec<String>,
    /// Paragraphs indexed.
    pub paragraphs: usize,
    /// Parser warnings in the indexed files.
    pub warnings: usize,
    /// Source bytes parsed.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
}
