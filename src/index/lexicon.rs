//! The lexicon: every word form of the indexed text as its lemma variants, in one finite-state
//! map beside the index, so that the Swedish search widens a query at query time instead of
//! indexing each word's variants in every paragraph.
//!
//! A word of the text (`beslutet`) has lemma variants ([`super::lemma`]: `beslutet`, `beslut`)
//! and one stem in the `text` and `title` fields (the Swedish analyzer's: `beslutet`). The map
//! holds these kinds of keys, each with a count of the documents whose words gave it:
//!
//! - `beslut`: a variant, spelled forward — compounds by their first part are a prefix range;
//! - `\u{1}tulseb`: the same variant backwards behind [`REVERSED_MARK`] — compounds by their
//!   last part are a prefix range too (`kamer` → `trygghetskamer`);
//! - `\u{2}beslut\u{0}beslutet`: a variant and a stem of the text it came from, where the
//!   two differ — what a variant is searched as, besides itself ([`Lexicon::stems`]);
//! - `\u{3}kläd`: a word written as an elided first part (`kläd- och hygienregler`).
//!
//! The map is written before the index commit it belongs to, so it always holds at least the
//! words of the committed paragraphs; words of paragraphs deleted since only point at stems that
//! match nothing more. Counts only grow between rebuilds: they rank candidates, nothing shows
//! them.

use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy_fst::{Automaton, IntoStreamer, Map, MapBuilder, Streamer};

use super::lemma::Lemmatizer;
use crate::model::Document;

/// The lexicon's file in the index folder.
pub const LEXICON_FILE: &str = "protokoll-lexicon.fst";

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

/// The lexicon of an index.
#[derive(Default)]
pub struct Lexicon {
    /// `None` for an index without words yet.
    map: Option<Map<OwnedBytes>>,
}

impl Lexicon {
    fn from_bytes(bytes: OwnedBytes) -> tantivy_fst::Result<Self> {
        if bytes.is_empty() {
            return Ok(Self::default());
        }
        tantivy_fst::raw::Fst::new(bytes).map(|fst| Self { map: Some(Map::from(fst)) })
    }

    /// The lexicon of the index in `dir` (memory-mapped); empty when it has none.
    ///
    /// # Errors
    /// When the file exists but cannot be read or is not a lexicon.
    pub fn open(dir: &Path) -> Result<Self, String> {
        if !dir.join(LEXICON_FILE).exists() {
            return Ok(Self::default());
        }
        let mmap = MmapDirectory::open(dir).map_err(|e| e.to_string())?;
        let bytes = mmap
            .open_read(Path::new(LEXICON_FILE))
            .map_err(|e| e.to_string())?
            .read_bytes()
            .map_err(|e| e.to_string())?;
        Self::from_bytes(bytes).map_err(|e| format!("{LEXICON_FILE}: {e}"))
    }

    /// Keys in the map.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.as_ref().map_or(0, Map::len)
    }

    /// Whether the map is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Documents whose words have the variant (0 when none has).
    #[must_use]
    pub fn count(&self, variant: &str) -> u64 {
        self.map.as_ref().and_then(|m| m.get(variant)).unwrap_or(0)
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
            if let Ok(stem) = std::str::from_utf8(&key[prefix.len()..]) {
                out.push(stem.to_string());
            }
        });
        out
    }

    /// Visits the keys that start with `prefix` and their counts, at most `max` of them.
    pub fn scan(&self, prefix: &[u8], max: usize, mut visit: impl FnMut(&[u8], u64)) {
        let Some(map) = &self.map else { return };
        let mut stream = map.range().ge(prefix).into_stream();
        let mut scanned = 0;
        while let Some((key, count)) = stream.next() {
            if scanned == max || !key.starts_with(prefix) {
                break;
            }
            scanned += 1;
            visit(key, count);
        }
    }

    /// Visits the forward variants an automaton accepts, with their counts.
    pub fn search<A: Automaton>(&self, automaton: A, mut visit: impl FnMut(&str, u64)) {
        let Some(map) = &self.map else { return };
        let mut stream = map.search(automaton).into_stream();
        while let Some((key, count)) = stream.next() {
            if let Ok(text) = std::str::from_utf8(key)
                && !text.starts_with([REVERSED_MARK, PAIR_MARK, ELIDED_MARK])
            {
                visit(text, count);
            }
        }
    }
}

/// The distinct words of a parsed document (title and text of every paragraph), lower-cased,
/// and the elided first parts among them behind their mark, each followed by a newline in one
/// string (a word never holds one). Found while parsing, on the parsing threads; the writer's
/// thread only counts them, and allocates only for a word it has not met.
#[derive(Debug, Default)]
pub struct WordCounts(String);

impl WordCounts {
    /// The words of a document's paragraphs.
    #[must_use]
    pub fn of(doc: &Document) -> Self {
        Self::of_paragraphs(doc.paragraphs.iter().map(|p| [p.title.as_str(), p.text.as_str()]))
    }

    /// The words of paragraphs given as their title and text.
    pub fn of_paragraphs<'a>(paragraphs: impl IntoIterator<Item = [&'a str; 2]>) -> Self {
        // Words written in lower case are kept as slices of the text; the others are lower-cased
        // into a buffer that is copied only for a word not seen yet.
        let mut plain: FxHashSet<&'a str> = FxHashSet::default();
        let mut lowered: FxHashSet<String> = FxHashSet::default();
        let mut buf = String::new();
        for t in paragraphs.into_iter().flatten() {
            words(t, |w, elided| {
                if w.len() > 40 || w.bytes().all(|b| b.is_ascii_digit()) {
                    return;
                }
                let upper = w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80)
                    && w.chars().any(char::is_uppercase);
                if elided {
                    buf.clear();
                    buf.push(ELIDED_MARK);
                    buf.extend(w.chars().flat_map(char::to_lowercase));
                    if !lowered.contains(&buf) {
                        lowered.insert(buf.clone());
                    }
                }
                if w.len() < 3 {
                    return;
                }
                if !upper {
                    plain.insert(w);
                    return;
                }
                buf.clear();
                buf.extend(w.chars().flat_map(char::to_lowercase));
                if !lowered.contains(&buf) {
                    lowered.insert(buf.clone());
                }
            });
        }
        let size = plain.iter().map(|w| w.len() + 1).sum::<usize>()
            + lowered.iter().map(|w| w.len() + 1).sum::<usize>();
        let mut out = String::with_capacity(size);
        for w in &plain {
            out.push_str(w);
            out.push('\n');
        }
        for w in lowered.iter().filter(|w| !plain.contains(w.as_str())) {
            out.push_str(w);
            out.push('\n');
        }
        WordCounts(out)
    }

    /// The words, each once.
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split_terminator('\n')
    }
}

/// Visits the words of a text as the `text` field's tokenizer cuts them (runs of letters and
/// digits), each with whether it is an elided first part: followed by a hyphen and a space, as
/// `kläd` in `kläd- och hygienregler`.
fn words<'a>(text: &'a str, mut visit: impl FnMut(&'a str, bool)) {
    let bytes = text.as_bytes();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let elided = c == '-' && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace);
            visit(&text[s..i], elided);
        }
    }
}

/// Words met since the lexicon was last written: each word's keys, made when it is first met
/// (so that the work is spread over the run, not left for the commit), and the number of
/// documents it is in.
pub struct Pending {
    words: FxHashMap<String, (u32, Vec<Vec<u8>>)>,
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
    /// Adds a document's words.
    pub fn add(&mut self, words: &WordCounts) {
        for w in words.iter() {
            if let Some(e) = self.words.get_mut(w) {
                e.0 += 1;
            } else {
                let keys = word_keys(&self.lemmatizer, &mut self.swedish, w);
                self.words.insert(w.to_string(), (1, keys));
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

    /// [`Batch::merge_into`] of the pending words.
    ///
    /// # Errors
    /// As [`Batch::merge_into`].
    pub fn merge_into(&mut self, old: &Lexicon) -> tantivy_fst::Result<Vec<u8>> {
        self.take().merge_into(old)
    }
}

/// Pending words taken for a merge.
pub struct Batch(FxHashMap<String, (u32, Vec<Vec<u8>>)>);

impl Batch {
    /// Whether the batch holds no word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The lexicon `old` with the batch's words added, as the bytes of a new map.
    ///
    /// # Errors
    /// When the map cannot be built (it cannot, keys being sorted here).
    pub fn merge_into(self, old: &Lexicon) -> tantivy_fst::Result<Vec<u8>> {
        // Serial: the indexer calls this while the rayon pool's threads may all be waiting to
        // hand it parsed files.
        let mut keys: Vec<(Vec<u8>, u64)> = Vec::with_capacity(self.0.len() * 5);
        for (count, word_keys) in self.0.into_values() {
            keys.extend(word_keys.into_iter().map(|k| (k, u64::from(count))));
        }
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut builder = MapBuilder::memory();
        let mut new = keys.into_iter().peekable();
        let mut old = old.map.as_ref().map(Map::stream);
        let mut next = move || old.as_mut().and_then(|s| s.next().map(|(k, v)| (k.to_vec(), v)));
        let mut next_old = next();
        loop {
            // The smaller key of the two sorted sequences, with every count of it summed.
            let take_old = match (&next_old, new.peek()) {
                (None, None) => break,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (Some((ok, _)), Some((nk, _))) => ok <= nk,
            };
            let (key, mut count) = if take_old {
                let kv = next_old.take().unwrap_or_default();
                next_old = next();
                kv
            } else {
                new.next().unwrap_or_default()
            };
            while let Some((k, v)) = new.next_if(|(k, _)| *k == key) {
                debug_assert_eq!(*k, key);
                count += v;
            }
            builder.insert(&key, count)?;
        }
        builder.into_inner()
    }
}

/// The keys one word gives the lexicon: each variant forward and backwards, and each variant
/// paired with the word's stem in the text; an elided first part is its own key.
fn word_keys(lemmatizer: &Lemmatizer, swedish: &mut TextAnalyzer, word: &str) -> Vec<Vec<u8>> {
    if word.starts_with(ELIDED_MARK) {
        return vec![word.as_bytes().to_vec()];
    }
    let variants = lemmatizer.word(word);
    if variants.is_empty() {
        return Vec::new();
    }
    let mut stream = swedish.token_stream(word);
    let stem = if stream.advance() { stream.token().text.clone() } else { return Vec::new() };
    let mut keys = Vec::with_capacity(variants.len() * 3);
    for v in variants {
        keys.push(reversed_term(&v).into_bytes());
        // A variant is always searched as itself too (see `Lexicon::stems`): the pair is
        // needed only where the stem differs, and most variants are their word's stem.
        if v != stem {
            keys.push(format!("{}{stem}", pair_prefix(&v)).into_bytes());
        }
        keys.push(v.into_bytes());
    }
    keys
}

/// Writes a lexicon into an index folder atomically: a new file renamed over the old one.
///
/// # Errors
/// When the folder cannot be written.
pub fn write(dir: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = dir.join(format!("{LEXICON_FILE}.tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, dir.join(LEXICON_FILE))
}

/// Reads a lexicon from bytes (an index in memory keeps its lexicon so).
///
/// # Errors
/// When the bytes are not a lexicon.
pub fn from_bytes(bytes: Vec<u8>) -> tantivy_fst::Result<Lexicon> {
    Lexicon::from_bytes(OwnedBytes::new(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(texts: &[&str]) -> Lexicon {
        let mut pending = Pending::default();
        for t in texts {
            pending.add(&WordCounts::of_paragraphs([["", *t]]));
        }
        from_bytes(pending.merge_into(&Lexicon::default()).expect("merge")).expect("map")
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
    fn a_document_gives_each_word_once_in_lower_case() {
        let words = WordCounts::of_paragraphs([
            ["Beslutet", "beslutet fattades. BESLUTET"],
            ["Kläd- och hygienregler", "Ja 12 av"],
        ]);
        let mut all: Vec<&str> = words.iter().collect();
        all.sort_unstable();
        let elided = format!("{ELIDED_MARK}kläd");
        assert_eq!(all, [elided.as_str(), "beslutet", "fattades", "hygienregler", "kläd", "och"]);
    }

    #[test]
    fn a_merge_adds_counts_and_keeps_old_keys() {
        let first = lexicon(&["trygghetskameror"]);
        let mut pending = Pending::default();
        pending.add(&WordCounts::of_paragraphs([["", "trygghetskameror och budget"]]));
        let merged = from_bytes(pending.merge_into(&first).expect("merge")).expect("map");
        assert_eq!(merged.count("trygghetskamer"), 2);
        assert_eq!(merged.count("budget"), 1);
        assert!(pending.is_empty());
        let mut compounds = Vec::new();
        merged.scan(reversed_term("kamer").as_bytes(), 10, |k, _| compounds.push(k.to_vec()));
        assert_eq!(compounds.len(), 1);
    }
}
