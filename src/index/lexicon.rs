//! The lexicon: every word form of the indexed text as its lemma variants, in finite-state
//! maps beside the index, so that the Swedish search widens a query at query time instead of
//! indexing each word's variants in every paragraph.
//!
//! A word of the text (`beslutet`) has lemma variants ([`super::lemma`]: `beslutet`, `beslut`)
//! and one stem in the `text` and `title` fields (the Swedish analyzer's: `beslutet`). The map
//! holds these kinds of keys, each with a count of the documents whose words gave it:
//!
//! - `beslut`: a variant, spelled forward — compounds by their first part are a prefix range;
//! - `\u{1}tulseb`: the same variant backwards behind [`REVERSED_MARK`] — compounds by their
//!   last part are a prefix range too (`kamer` → `trygghetskamer`);
//! - `\u{2}kamera\u{0}\u{5}`: a variant and a stem of the text it came from (`kamer`, of
//!   `kameror`), where the two differ — what a variant is searched as, besides itself
//!   ([`Lexicon::stems`]). The stem is written as the number of its first bytes that are the
//!   variant's, as one byte, and the rest of it (`\u{2}beslut\u{0}\u{6}et` for `beslutet`):
//!   spelled out, the stems of long compounds made half of the map's bytes and of the time
//!   to build it;
//! - `\u{3}kläd`: a word written as an elided first part (`kläd- och hygienregler`).
//!
//! Each commit writes the words it met as a part of its own (`protokoll-lexicon-000007.fst`),
//! before the index commit it belongs to: two maps in one file, the reversed variants and the
//! other keys, each built on a thread of its own. The parts always hold at least the words of the
//! committed paragraphs; words of paragraphs deleted since only point at stems that match
//! nothing more. The parts are read as one map, counts summed; when there are as many as it keeps
//! (four), the next commit merges all but the largest into one, and the last commit of a run
//! that wrote several merges them all. Counts only grow between rebuilds: they rank candidates,
//! nothing shows them.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy_fst::map::OpBuilder;
use tantivy_fst::{Automaton, Map, MapBuilder, Streamer};

use super::lemma::Lemmatizer;
use crate::model::Document;

/// What the lexicon's part files are called in the index folder: `protokoll-lexicon-000001.fst`.
pub const LEXICON_FILE: &str = "protokoll-lexicon";

/// What marks a reversed variant: below every letter, so reversed keys sort apart from the
/// forward ones and no word's prefix is one.
pub const REVERSED_MARK: char = '\u{1}';

/// What marks a variant-and-stem pair.
const PAIR_MARK: char = '\u{2}';

/// What marks an elided first part.
const ELIDED_MARK: char = '\u{3}';

/// `kamer` → `\u{1}remak`: how the lexicon spells a variant backwards.
#[must_use]
pub fn reversed_term(variant: &str) -> String {
    std::iter::once(REVERSED_MARK).chain(variant.chars().rev()).collect()
}

fn pair_prefix(variant: &str) -> String {
    format!("{PAIR_MARK}{variant}\u{0}")
}

/// Where a part's keys are cut in two maps, each built on a thread of its own: below it the
/// reversed variants, from it the pairs, the elided first parts and the forward variants (about
/// half of the keys each).
const RANGE_CUT: u8 = PAIR_MARK as u8;

/// Most parts a lexicon keeps: a commit that would add one more merges all but the largest into
/// one. (A typo's look-up walks every part, so they are kept few.)
const MAX_PARTS: usize = 4;

/// One part of a lexicon: what one commit wrote (or a merge of several), and its number. Its
/// keys are in two maps: those below [`RANGE_CUT`] (the reversed variants), and the others.
#[derive(Clone)]
struct Part {
    number: u64,
    maps: Arc<[Map<OwnedBytes>; 2]>,
}

impl Part {
    /// The number of keys.
    fn len(&self) -> usize {
        self.maps.iter().map(Map::len).sum()
    }
}

/// The lexicon of an index: the parts its commits wrote, read as one map whose counts are the
/// sums of the parts'. A commit writes only its own words, so an update of a few files costs
/// a few files' words, however large the archive; parts are merged as tantivy merges segments.
#[derive(Clone, Default)]
pub struct Lexicon {
    parts: Vec<Part>,
}

/// The file of part `number` in an index folder.
#[must_use]
pub fn part_file(number: u64) -> String {
    format!("{LEXICON_FILE}-{number:06}.fst")
}

/// The lexicon's part files in an index folder, by number.
#[must_use]
pub fn part_files(dir: &Path) -> Vec<(u64, PathBuf)> {
    let mut out: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name();
            let number = name
                .to_str()?
                .strip_prefix(LEXICON_FILE)?
                .strip_prefix('-')?
                .strip_suffix(".fst")?
                .parse()
                .ok()?;
            Some((number, e.path()))
        })
        .collect();
    out.sort();
    out
}

fn map_of(bytes: OwnedBytes) -> tantivy_fst::Result<Map<OwnedBytes>> {
    tantivy_fst::raw::Fst::new(bytes).map(Map::from)
}

/// A part's file: its maps, each behind its length in bytes (eight bytes, little-endian).
fn framed(maps: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(maps.iter().map(|m| m.len() + 8).sum());
    for m in maps {
        out.extend_from_slice(&(m.len() as u64).to_le_bytes());
        out.extend_from_slice(m);
    }
    out
}

/// The two maps of a part's file (see [`framed`]).
fn maps_of(mut bytes: OwnedBytes) -> Result<Arc<[Map<OwnedBytes>; 2]>, String> {
    let mut maps = Vec::with_capacity(2);
    while !bytes.is_empty() {
        let len = bytes
            .as_slice()
            .first_chunk::<8>()
            .and_then(|b| usize::try_from(u64::from_le_bytes(*b)).ok())
            .filter(|len| bytes.len() - 8 >= *len)
            .ok_or("not a lexicon part: a map's length is cut or too large")?;
        bytes.advance(8);
        let rest = bytes.split_off(len);
        maps.push(map_of(bytes).map_err(|e| e.to_string())?);
        bytes = rest;
    }
    let n = maps.len();
    let maps: [Map<OwnedBytes>; 2] =
        maps.try_into().map_err(|_| format!("not a lexicon part: {n} maps, not 2"))?;
    Ok(Arc::new(maps))
}

impl Lexicon {
    /// The lexicon of the index in `dir` (memory-mapped); empty when it has none.
    ///
    /// # Errors
    /// When a part exists but cannot be read or is not a map.
    pub fn open(dir: &Path) -> Result<Self, String> {
        let files = part_files(dir);
        if files.is_empty() {
            return Ok(Self::default());
        }
        let files_dir = MmapDirectory::open(dir).map_err(|e| e.to_string())?;
        let mut parts = Vec::with_capacity(files.len());
        for (number, path) in files {
            let name = part_file(number);
            let bytes = files_dir
                .open_read(Path::new(&name))
                .map_err(|e| e.to_string())
                .and_then(|f| f.read_bytes().map_err(|e| e.to_string()))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let maps = maps_of(bytes).map_err(|e| format!("{name}: {e}"))?;
            parts.push(Part { number, maps });
        }
        Ok(Self { parts })
    }

    /// Every map of every part.
    fn maps(&self) -> impl Iterator<Item = &Map<OwnedBytes>> {
        self.parts.iter().flat_map(|p| p.maps.iter())
    }

    /// Parts the lexicon is read from.
    #[must_use]
    pub fn parts(&self) -> usize {
        self.parts.len()
    }

    /// Documents whose words have the variant (0 when none has).
    #[must_use]
    pub fn count(&self, variant: &str) -> u64 {
        self.maps().filter_map(|m| m.get(variant)).sum()
    }

    /// Documents that write `word` as an elided first part: `kläd` in `kläd- och
    /// hygienregler`.
    #[must_use]
    pub fn elided(&self, word: &str) -> u64 {
        self.count(&format!("{ELIDED_MARK}{word}"))
    }

    /// The stems in the text that the variant stands for: `beslut` → `beslut`, `beslutet`,
    /// `besluten`, … The variant itself always comes first: a word whose stem it is has no
    /// pair, and where no word has it as its stem, searching it finds nothing more.
    #[must_use]
    pub fn stems(&self, variant: &str) -> Vec<String> {
        let prefix = pair_prefix(variant);
        let mut out = vec![variant.to_string()];
        self.scan(prefix.as_bytes(), usize::MAX, |key, _| {
            if let Some((&shared, rest)) = key[prefix.len()..].split_first()
                && let Some(head) = variant.as_bytes().get(..usize::from(shared))
                && let Ok(stem) = String::from_utf8([head, rest].concat())
            {
                out.push(stem);
            }
        });
        // In the order of the stems, not of their spelling in the map.
        out[1..].sort_unstable();
        out
    }

    /// Visits the keys that start with `prefix` and their counts, at most `max` of them.
    pub fn scan(&self, prefix: &[u8], max: usize, mut visit: impl FnMut(&[u8], u64)) {
        let mut op = OpBuilder::new();
        for m in self.maps() {
            op.push(m.range().ge(prefix));
        }
        let mut union = op.union();
        let mut scanned = 0;
        while let Some((key, values)) = union.next() {
            if scanned == max || !key.starts_with(prefix) {
                break;
            }
            scanned += 1;
            visit(key, values.iter().map(|v| v.value).sum());
        }
    }

    /// Visits the forward variants an automaton accepts, with their counts. (They are all in
    /// the second map of each part: the reversed keys need not be walked.)
    pub fn search<A: Automaton>(&self, automaton: A, mut visit: impl FnMut(&str, u64)) {
        let mut op = OpBuilder::new();
        for p in &self.parts {
            op.push(p.maps[1].search(&automaton));
        }
        let mut union = op.union();
        while let Some((key, values)) = union.next() {
            if let Ok(text) = std::str::from_utf8(key)
                && !text.starts_with([REVERSED_MARK, PAIR_MARK, ELIDED_MARK])
            {
                visit(text, values.iter().map(|v| v.value).sum());
            }
        }
    }
}

/// What a commit adds to the lexicon, made off the writer's thread.
pub enum Update {
    /// One more part.
    Part(Vec<u8>),
    /// The parts and the new words merged into one, but the part `kept` (if any), which stays.
    Merged {
        /// The merged map.
        bytes: Vec<u8>,
        /// The number of the part left as it is.
        kept: Option<u64>,
    },
}

/// A lexicon and the update a commit made of it: written into `dir` (when the index has one)
/// before the commit is published, and the lexicon the index reads next.
///
/// # Errors
/// When a file cannot be written, or the bytes are not a map (they are: this module made them).
pub fn install(old: &Lexicon, update: Update, dir: Option<&Path>) -> Result<Lexicon, String> {
    let number = old.parts.last().map_or(1, |p| p.number + 1);
    let (merged, bytes, kept) = match update {
        Update::Part(b) => (false, b, None),
        Update::Merged { bytes, kept } => (true, bytes, kept),
    };
    if let Some(dir) = dir {
        let name = part_file(number);
        write(dir, &name, &bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    let part = Part { number, maps: maps_of(OwnedBytes::new(bytes))? };
    if !merged {
        let mut parts = old.parts.clone();
        parts.push(part);
        return Ok(Lexicon { parts });
    }
    // The merged part holds every key of the parts it replaces: they can go. A run killed
    // before they are gone leaves keys counted twice, which only ranks; the next merge folds
    // them.
    let (kept, replaced): (Vec<Part>, Vec<Part>) =
        old.parts.iter().cloned().partition(|p| Some(p.number) == kept);
    if let Some(dir) = dir {
        for p in &replaced {
            let _ = std::fs::remove_file(dir.join(part_file(p.number)));
        }
    }
    let mut parts = kept;
    parts.push(part);
    Ok(Lexicon { parts })
}

/// The distinct words of some parsed documents (title and text of every paragraph),
/// lower-cased, and the elided first parts among them behind their mark, each with the number
/// of those documents it is in. Counted while parsing, on the parsing threads, over a few files
/// at a time: the writer's thread then looks each word up once for those files, not once for
/// every file it is in, and allocates only for a word it has not met.
#[derive(Debug, Default)]
pub struct WordCounts {
    /// The words, each followed by a newline (a word never holds one).
    words: String,
    /// The number of documents of each word, in the same order.
    counts: Vec<u32>,
}

impl WordCounts {
    /// The words of one document's paragraphs.
    #[must_use]
    pub fn of(doc: &Document) -> Self {
        Self::of_documents([doc])
    }

    /// The words of several documents' paragraphs.
    #[must_use]
    pub fn of_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Self {
        Self::of_texts(
            docs.into_iter()
                .map(|doc| doc.paragraphs.iter().flat_map(|p| [p.title.as_str(), p.text.as_str()])),
        )
    }

    /// The words of paragraphs given as their title and text, all of one document.
    pub fn of_paragraphs<'a>(paragraphs: impl IntoIterator<Item = [&'a str; 2]>) -> Self {
        Self::of_texts([paragraphs.into_iter().flatten()])
    }

    /// The words of documents given as their texts.
    fn of_texts<'a, D, T>(docs: D) -> Self
    where
        D: IntoIterator<Item = T>,
        T: IntoIterator<Item = &'a str>,
    {
        // Each word once: its documents, and the last document it was met in. A word written
        // in lower case is kept as a slice of the text; another is lower-cased into a buffer
        // that is copied only for a word not seen yet. One map for both, so a document that
        // writes `Beslut` and `beslut` counts once.
        let mut seen: FxHashMap<Cow<'a, str>, (u32, u32)> = FxHashMap::default();
        let mut buf = String::new();
        // Counts `key` in `doc`; `text` is the key as a slice of the text, if it is one.
        let count = |seen: &mut FxHashMap<Cow<'a, str>, (u32, u32)>,
                     key: &str,
                     text: Option<&'a str>,
                     doc: u32| {
            if let Some(e) = seen.get_mut(key) {
                if e.1 != doc {
                    *e = (e.0 + 1, doc);
                }
            } else {
                let key = text.map_or_else(|| Cow::Owned(key.to_string()), Cow::Borrowed);
                seen.insert(key, (1, doc));
            }
        };
        for (doc, texts) in (0u32..).zip(docs) {
            for t in texts {
                words(t, |w, elided| {
                    if w.len() > 40 || w.bytes().all(|b| b.is_ascii_digit()) {
                        return;
                    }
                    if elided {
                        lower_into(&mut buf, Some(ELIDED_MARK), w);
                        count(&mut seen, &buf, None, doc);
                    }
                    if w.len() < 3 {
                        return;
                    }
                    let upper = w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80)
                        && w.chars().any(char::is_uppercase);
                    if upper {
                        lower_into(&mut buf, None, w);
                        count(&mut seen, &buf, None, doc);
                    } else {
                        count(&mut seen, w, Some(w), doc);
                    }
                });
            }
        }
        let mut out = WordCounts {
            words: String::with_capacity(seen.keys().map(|w| w.len() + 1).sum()),
            counts: Vec::with_capacity(seen.len()),
        };
        for (w, (n, _)) in seen {
            out.words.push_str(&w);
            out.words.push('\n');
            out.counts.push(n);
        }
        out
    }

    /// The words, each once, with their numbers of documents.
    fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.words.split_terminator('\n').zip(self.counts.iter().copied())
    }
}

/// `w` lower-cased as the `sv` analyzer does, behind `mark` (if any), into `buf`.
fn lower_into(buf: &mut String, mark: Option<char>, w: &str) {
    buf.clear();
    buf.extend(mark);
    super::analyzer::push_lower(buf, w);
}

/// Visits the words of a text as the `text` field's tokenizer cuts them
/// ([`super::analyzer::next_word`]), each with whether it is an elided first part: followed by
/// a hyphen and a space, as `kläd` in `kläd- och hygienregler`.
fn words<'a>(text: &'a str, mut visit: impl FnMut(&'a str, bool)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some((from, to)) = super::analyzer::next_word(text, at) {
        let elided =
            bytes.get(to) == Some(&b'-') && bytes.get(to + 1).is_some_and(u8::is_ascii_whitespace);
        visit(&text[from..to], elided);
        at = to;
    }
}

/// Words met since the lexicon was last written: each word's keys, made when it is first met
/// (so that the work is spread over the run, not left for the commit), and the number of
/// documents it is in.
pub struct Pending {
    words: FxHashMap<String, (u32, Box<[u8]>)>,
    lemmatizer: Lemmatizer,
    swedish: TextAnalyzer,
}

impl Default for Pending {
    fn default() -> Self {
        Self {
            words: FxHashMap::default(),
            lemmatizer: Lemmatizer::default(),
            swedish: super::analyzer::swedish(),
        }
    }
}

impl Pending {
    /// Adds some documents' words.
    pub fn add(&mut self, words: &WordCounts) {
        for (w, n) in words.iter() {
            if let Some(e) = self.words.get_mut(w) {
                e.0 += n;
            } else {
                let keys = word_keys(&self.lemmatizer, &mut self.swedish, w);
                self.words.insert(w.to_string(), (n, keys));
            }
        }
    }

    /// Whether no word is waiting.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The pending words, taken for a merge (which may run on another thread).
    #[must_use]
    pub fn take(&mut self) -> Batch {
        Batch(std::mem::take(&mut self.words))
    }
}

/// Pending words taken for a merge.
pub struct Batch(FxHashMap<String, (u32, Box<[u8]>)>);

impl Batch {
    /// Whether the batch holds no word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// What the batch adds to `old`: a part of its own keys; with `merge`, one part of all of
    /// them; when `old` has as many parts as it keeps, one part of all of them but the largest,
    /// which stays as it is (so a run that indexes a few files does not rewrite the whole
    /// lexicon every few runs: on a 1 GB index that took five seconds).
    ///
    /// The reversed variants and the other keys are sorted and built into their maps on two
    /// threads: at a commit, the writer waits for this, and the end of a large run, which
    /// merges the whole lexicon, would otherwise leave one of two cores idle for seconds.
    ///
    /// # Errors
    /// When a map cannot be built (it cannot, keys being sorted here).
    pub fn update(self, old: &Lexicon, merge: bool) -> tantivy_fst::Result<Update> {
        // Plain threads: the indexer calls this while the rayon pool's threads may all be
        // waiting to hand it parsed files.
        let (mut low, mut high): (Vec<Key<'_>>, Vec<Key<'_>>) = (Vec::new(), Vec::new());
        for (count, word_keys) in self.0.values() {
            for k in word_keys.split(|b| *b == KEY_END).filter(|k| !k.is_empty()) {
                let key = (sort_prefix(k), k, u64::from(*count));
                if k[0] < RANGE_CUT { low.push(key) } else { high.push(key) }
            }
        }
        let merging = merge || old.parts.len() >= MAX_PARTS;
        let kept = if merging && !merge {
            old.parts.iter().max_by_key(|p| p.len()).map(|p| p.number)
        } else {
            None
        };
        let olds: Vec<&Map<OwnedBytes>> = if merging {
            old.parts
                .iter()
                .filter(|p| Some(p.number) != kept)
                .flat_map(|p| p.maps.iter())
                .collect()
        } else {
            Vec::new()
        };
        let (low, high) = std::thread::scope(|s| {
            let low = s.spawn(|| build(low, &olds, Range::Low));
            let high = build(high, &olds, Range::High);
            (low.join(), high)
        });
        let low = low.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        let bytes = framed(&[low, high?]);
        Ok(if merging { Update::Merged { bytes, kept } } else { Update::Part(bytes) })
    }
}

/// A key of a batch: its first eight bytes as a number (see [`sort_prefix`]), its bytes, and
/// its count.
type Key<'a> = (u64, &'a [u8], u64);

/// The keys below [`RANGE_CUT`], or the others.
#[derive(Clone, Copy)]
enum Range {
    Low,
    High,
}

/// One map of the batch's `keys` (all in `range`) and the keys in `range` of the maps `olds`,
/// counts summed.
fn build(
    mut keys: Vec<Key<'_>>,
    olds: &[&Map<OwnedBytes>],
    range: Range,
) -> tantivy_fst::Result<Vec<u8>> {
    // Ordering by the first eight bytes as a number orders most pairs without following the
    // pointer to the key's bytes.
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    let mut keys = keys.into_iter().peekable();
    // The batch's next key, its counts summed.
    let mut next_key = || {
        let (_, key, mut count) = keys.next()?;
        while let Some((_, _, v)) = keys.next_if(|(_, k, _)| *k == key) {
            count += v;
        }
        Some((key, count))
    };
    let mut op = OpBuilder::new();
    for m in olds {
        let stream = m.range();
        op.push(match range {
            Range::Low => stream.lt([RANGE_CUT]),
            Range::High => stream.ge([RANGE_CUT]),
        });
    }
    let mut union = op.union();
    let mut builder = MapBuilder::memory();
    let mut new = next_key();
    while let Some((key, values)) = union.next() {
        while let Some((k, count)) = new.filter(|(k, _)| *k < key) {
            builder.insert(k, count)?;
            new = next_key();
        }
        let mut count = values.iter().map(|v| v.value).sum();
        if let Some((_, n)) = new.filter(|(k, _)| *k == key) {
            count += n;
            new = next_key();
        }
        builder.insert(key, count)?;
    }
    while let Some((k, count)) = new {
        builder.insert(k, count)?;
        new = next_key();
    }
    builder.into_inner()
}

/// A key's first eight bytes as a big-endian number, zeros after a shorter key: ordering keys
/// by it and then by their bytes is ordering them by their bytes (a zero sorts below any byte,
/// and keys equal in it are told apart by the bytes).
fn sort_prefix(key: &[u8]) -> u64 {
    let mut first = [0u8; 8];
    let n = key.len().min(8);
    first[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(first)
}

/// Ends each key in a word's keys, which are kept as one allocation: no key holds it (a key is
/// made of lower-cased words and the marks, which are UTF-8 text, where no byte is `0xFF`, and
/// of a pair's byte of shared length, which is below 128).
const KEY_END: u8 = 0xFF;

/// The keys one word gives the lexicon: each variant forward and backwards, and each variant
/// paired with the word's stem in the text; an elided first part is its own key. They are
/// joined by [`KEY_END`]; a word that gives none gives an empty slice, which is no key.
fn word_keys(lemmatizer: &Lemmatizer, swedish: &mut TextAnalyzer, word: &str) -> Box<[u8]> {
    if word.starts_with(ELIDED_MARK) {
        return word.as_bytes().into();
    }
    let variants = lemmatizer.word(word);
    if variants.is_empty() {
        return Box::default();
    }
    let mut stream = swedish.token_stream(word);
    let stem = if stream.advance() { stream.token().text.clone() } else { return Box::default() };
    let mut keys = Vec::with_capacity(variants.len() * (3 * word.len() + 8));
    let mut utf8 = [0; 4];
    for v in variants {
        if !keys.is_empty() {
            keys.push(KEY_END);
        }
        // As `reversed_term` and `pair_prefix` write them.
        keys.push(REVERSED_MARK as u8);
        for c in v.chars().rev() {
            keys.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
        // A variant is always searched as itself too (see `Lexicon::stems`): the pair is
        // needed only where the stem differs, and most variants are their word's stem.
        if v != stem {
            keys.push(KEY_END);
            keys.push(PAIR_MARK as u8);
            keys.extend_from_slice(v.as_bytes());
            keys.push(0);
            let shared = shared_prefix(&v, &stem);
            keys.push(shared);
            keys.extend_from_slice(&stem.as_bytes()[usize::from(shared)..]);
        }
        keys.push(KEY_END);
        keys.extend_from_slice(v.as_bytes());
    }
    keys.into_boxed_slice()
}

/// How many first bytes `stem` shares with `variant`, ending at a character and below 128 (so
/// that it is never [`KEY_END`]): `kamera`, `kamer` → 5.
fn shared_prefix(variant: &str, stem: &str) -> u8 {
    let mut shared = 0;
    for ((i, a), b) in variant.char_indices().zip(stem.chars()) {
        if a != b || i + a.len_utf8() > 127 {
            break;
        }
        shared = i + a.len_utf8();
    }
    u8::try_from(shared).unwrap_or(0)
}

/// Writes a file into an index folder atomically: a new file renamed into place.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = dir.join(format!("{name}.tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(texts: &[&str]) -> Lexicon {
        let mut pending = Pending::default();
        for t in texts {
            pending.add(&WordCounts::of_paragraphs([["", *t]]));
        }
        let old = Lexicon::default();
        install(&old, pending.take().update(&old, false).expect("update"), None).expect("install")
    }

    #[test]
    fn variants_lead_to_the_stems_of_the_text() {
        let lex = lexicon(&["Beslutet fattades.", "Besluten och beslutet", "fler kameror"]);
        let mut stems = lex.stems("beslut");
        stems.sort();
        assert!(stems.contains(&"beslutet".to_string()) || stems.contains(&"beslut".to_string()));
        // "beslutet" occurs in two documents, counted once in each.
        assert!(lex.count("beslut") >= 2, "{}", lex.count("beslut"));
        assert!(lex.count(&reversed_term("kamer")) == 1);
        assert_eq!(lex.count("och"), 0, "stop words have no variants");
        let lex = lexicon(&["följsamheten avseende kläd- och hygienregler, miljö-frågor"]);
        assert_eq!(lex.elided("kläd"), 1);
        assert_eq!(lex.elided("miljö"), 0, "a hyphen inside a word elides nothing");
    }

    #[test]
    fn words_are_cut_where_letters_and_digits_end() {
        // Every character up to U+0250 (the byte fast paths cover ASCII and Latin-1), between
        // Swedish words: the cut must be the one `char::is_alphanumeric` makes.
        let text: String = ('\0'..='\u{250}')
            .flat_map(|c| [c, 'å', 'x'])
            .chain(" Hälso- och sjukvårdsnämnden, 2×3 ÷ µ²".chars())
            .collect();
        let mut got = Vec::new();
        words(&text, |w, elided| got.push((w, elided)));
        let mut want = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                let elided =
                    c == '-' && text[i + 1..].starts_with(|c: char| c.is_ascii_whitespace());
                want.push((&text[s..i], elided));
            }
        }
        assert_eq!(got, want);
        assert!(got.contains(&("Hälso", true)));
    }

    #[test]
    fn parts_are_merged_when_there_are_too_many() {
        let dir = tempfile::tempdir().expect("temp");
        let mut lex = Lexicon::default();
        for _ in 0..(MAX_PARTS + 3) {
            let mut pending = Pending::default();
            pending.add(&WordCounts::of_paragraphs([["", "trygghetskameror"]]));
            lex = install(
                &lex,
                pending.take().update(&lex, false).expect("update"),
                Some(dir.path()),
            )
            .expect("install");
            assert!(lex.parts() <= MAX_PARTS, "{}", lex.parts());
        }
        assert_eq!(lex.count("trygghetskamer"), (MAX_PARTS + 3) as u64);
        // What is on disk is what was read: the merged parts and the ones after them.
        let reopened = Lexicon::open(dir.path()).expect("open");
        assert_eq!(reopened.parts(), lex.parts());
        assert_eq!(reopened.count("trygghetskamer"), (MAX_PARTS + 3) as u64);
        assert_eq!(reopened.stems("trygghetskamer"), ["trygghetskamer"]);
    }

    #[test]
    fn small_commits_leave_the_largest_part_as_it_is() {
        let dir = tempfile::tempdir().expect("temp");
        let commit = |lex: &Lexicon, text: &str, merge: bool| {
            let mut pending = Pending::default();
            pending.add(&WordCounts::of_paragraphs([["", text]]));
            install(lex, pending.take().update(lex, merge).expect("update"), Some(dir.path()))
                .expect("install")
        };
        let big = "trygghetskameror budget kostnadsreducering patientsäkerhet visselblåsare";
        let mut lex = commit(&Lexicon::default(), big, false);
        let first = lex.parts.first().map(|p| p.number);
        for i in 0..20 {
            lex = commit(&lex, if i % 2 == 0 { "budget" } else { "beslutet" }, false);
            assert!(lex.parts() <= MAX_PARTS, "{}", lex.parts());
            assert_eq!(lex.parts.first().map(|p| p.number), first, "the large part is kept");
        }
        assert_eq!(lex.count("budget"), 11);
        assert_eq!(lex.count("beslut"), 10);
        assert_eq!(Lexicon::open(dir.path()).expect("open").count("budget"), 11);
        // The end of a large run merges all of them.
        lex = commit(&lex, "budget", true);
        assert_eq!(lex.parts(), 1);
        assert_eq!(lex.count("budget"), 12);
        assert_eq!(Lexicon::open(dir.path()).expect("open").parts(), 1);
    }

    #[test]
    fn a_document_gives_each_word_once_in_lower_case() {
        let words = WordCounts::of_paragraphs([
            ["Beslutet", "beslutet fattades. BESLUTET"],
            ["Kläd- och hygienregler", "Ja 12 av"],
        ]);
        let mut all: Vec<(&str, u32)> = words.iter().collect();
        all.sort_unstable();
        let elided = format!("{ELIDED_MARK}kläd");
        let want = [elided.as_str(), "beslutet", "fattades", "hygienregler", "kläd", "och"];
        assert_eq!(all, want.map(|w| (w, 1)));
    }

    #[test]
    fn documents_counted_together_count_each_word_once_per_document() {
        let doc = |text: &str| crate::parse_str(text).value;
        let docs =
            [doc("Beslutet fattades. Beslutet"), doc("beslutet och BESLUTET"), doc("Inget här")];
        let together = WordCounts::of_documents(&docs);
        let count =
            |w: &WordCounts, word: &str| w.iter().find(|(x, _)| *x == word).map_or(0, |(_, n)| n);
        assert_eq!(count(&together, "beslutet"), 2);
        assert_eq!(count(&together, "fattades"), 1);
        assert_eq!(count(&together, "inget"), 1);
        // The same counts as each document's words added one at a time.
        let (mut one, mut each) = (Pending::default(), Pending::default());
        one.add(&together);
        for d in &docs {
            each.add(&WordCounts::of(d));
        }
        let counts = |p: &Pending| {
            let mut v: Vec<(String, u32)> = p.words.iter().map(|(w, e)| (w.clone(), e.0)).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(counts(&one), counts(&each));
    }

    #[test]
    fn keys_in_prefix_order_are_in_byte_order() {
        let mut keys: Vec<&[u8]> = vec![
            b"beslut",
            b"beslut\0",
            b"beslutet",
            b"beslutad",
            b"a",
            b"",
            b"\x01tulseb",
            b"\x02beslut\0beslutet",
            "öl".as_bytes(),
            b"beslutetsx",
            b"beslutets",
        ];
        let mut by_prefix = keys.clone();
        by_prefix.sort_by(|a, b| sort_prefix(a).cmp(&sort_prefix(b)).then_with(|| a.cmp(b)));
        keys.sort();
        assert_eq!(by_prefix, keys);
    }

    #[test]
    fn a_merge_adds_counts_and_keeps_old_keys() {
        let first = lexicon(&["trygghetskameror"]);
        let mut pending = Pending::default();
        pending.add(&WordCounts::of_paragraphs([["", "trygghetskameror och budget"]]));
        let merged = install(&first, pending.take().update(&first, false).expect("update"), None)
            .expect("install");
        assert_eq!(merged.parts(), 2);
        assert_eq!(merged.count("trygghetskamer"), 2);
        assert_eq!(merged.count("budget"), 1);
        assert!(pending.is_empty());
        let mut compounds = Vec::new();
        merged.scan(reversed_term("kamer").as_bytes(), 10, |k, _| compounds.push(k.to_vec()));
        assert_eq!(compounds.len(), 1);
    }

    #[test]
    fn every_pair_gives_back_the_stem_of_its_word() {
        // Real words of the corpus, long compounds among them. The stem of "kommunstyrelsen"
        // shares ten bytes with its variants: a newline's byte, which once ended keys.
        let words = [
            "beslutet",
            "kameror",
            "trygghetskamerorna",
            "sjukvårdsnämnden",
            "kostnadsreduceringar",
            "hälsovårdsdirektörens",
            "förvaltningarnas",
            "äldreomsorgen",
            "kommunstyrelsen",
        ];
        let lex = lexicon(&[&words.join(" ")]);
        let lemmatizer = Lemmatizer::default();
        let mut swedish = super::super::analyzer::swedish();
        let mut shared = Vec::new();
        for w in words {
            let mut stream = swedish.token_stream(w);
            assert!(stream.advance());
            let stem = stream.token().text.clone();
            for v in lemmatizer.word(w) {
                let stems = lex.stems(&v);
                assert_eq!(stems[0], v);
                if v != stem {
                    assert!(stems.contains(&stem), "{w}: {v} → {stems:?}, not {stem}");
                    shared.push(shared_prefix(&v, &stem));
                }
            }
        }
        assert!(shared.contains(&10), "{shared:?}");
        assert_eq!(shared_prefix("kåra", "kåp"), 3, "`å` is two bytes");
        assert_eq!(shared_prefix("kåra", "käp"), 1, "and shares its first byte with `ä`");
        assert_eq!(shared_prefix("beslut", "beslutet"), 6);
    }

    #[test]
    fn a_part_holds_its_keys_in_two_maps_cut_between_the_marks() {
        let lex = lexicon(&["Trygghetskamerorna fattades"]);
        let maps = &lex.parts[0].maps;
        assert_eq!(maps.len(), 2);
        let keys = |m: &Map<OwnedBytes>| {
            let mut out = Vec::new();
            let mut s = m.stream();
            while let Some((k, _)) = s.next() {
                out.push(k[0]);
            }
            out
        };
        assert!(keys(&maps[0]).iter().all(|b| *b < RANGE_CUT));
        assert!(keys(&maps[1]).iter().all(|b| *b >= RANGE_CUT));
        assert!(!keys(&maps[0]).is_empty() && !keys(&maps[1]).is_empty());
        // A part file is its maps behind their lengths; a cut one is refused.
        let bytes = framed(&[b"x".to_vec()]);
        assert!(maps_of(OwnedBytes::new(bytes[..8].to_vec())).is_err());
        assert!(maps_of(OwnedBytes::new(bytes)).is_err(), "not a map");
        assert!(maps_of(OwnedBytes::new(b"x".to_vec())).is_err());
        assert!(maps_of(OwnedBytes::new(Vec::new())).is_err(), "no maps");
        let one = MapBuilder::memory().into_inner().expect("an empty map");
        assert!(maps_of(OwnedBytes::new(framed(std::slice::from_ref(&one)))).is_err(), "one map");
        assert!(maps_of(OwnedBytes::new(framed(&[one.clone(), one]))).is_ok());
    }
}
