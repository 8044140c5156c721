//! Text analysis, registered in exactly one place ([`register`]) every time an index is opened.
//!
//! - `sv`: words (SimpleTokenizer), long tokens dropped, lower case, Snowball Swedish stemming —
//!   "beslutet", "besluten", "beslut" meet. No stop words: they would break phrases such as
//!   "avstår från att delta i beslutet" and save little. Lower-casing and stemming are one
//!   filter ([`SwedishStems`]) that remembers the stems of recent words: the same tokens as
//!   tantivy's `LowerCaser` then `Stemmer`, for less work on running text.
//! - `key`: the whole value lower-cased, for exact filters on organisation and body.
//! - `name`: words, lower case, ASCII folding, for person look-ups ("Hogfeldt" finds "Högfeldt").

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name of the Swedish analyzer.
pub const SWEDISH: &str = "sv";
/// Name of the lower-cased whole-value analyzer.
pub const KEY: &str = "key";
/// Name of the person-name analyzer.
pub const NAME: &str = "name";

/// The Swedish analyzer.
#[must_use]
pub fn swedish() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(SwedishStems)
        .build()
}

/// The token filter that lower-cases a token as tantivy's `LowerCaser` does (ASCII in place,
/// otherwise each character's lower case, Σ as σ) and stems it as its
/// `Stemmer::new(Language::Swedish)` does, remembering recent words' stems in a [`StemMemo`]:
/// in running text most tokens are words met shortly before.
#[derive(Clone, Copy, Debug, Default)]
pub struct SwedishStems;

impl TokenFilter for SwedishStems {
    type Tokenizer<T: Tokenizer> = SwedishStemsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SwedishStemsFilter<T> {
        SwedishStemsFilter { inner: tokenizer, memo: StemMemo::default() }
    }
}

/// [`SwedishStems`] on a tokenizer, with the stems it remembers (each clone of an analyzer —
/// tantivy gives every segment writer its own — remembers its own).
#[derive(Clone)]
pub struct SwedishStemsFilter<T> {
    inner: T,
    memo: StemMemo,
}

impl<T: Tokenizer> Tokenizer for SwedishStemsFilter<T> {
    type TokenStream<'a> = SwedishStemsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SwedishStemsStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::Swedish),
            lower: String::new(),
        }
    }
}

/// The token stream of a [`SwedishStemsFilter`].
pub struct SwedishStemsStream<'a, T> {
    tail: T,
    memo: &'a mut StemMemo,
    stemmer: frostem::Stemmer,
    lower: String,
}

impl<T: TokenStream> TokenStream for SwedishStemsStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        self.lower.clear();
        push_lower(&mut self.lower, &token.text);
        let stem = self.stemmer.stem(&self.lower);
        self.memo.put(&token.text, &stem);
        token.text.clear();
        token.text.push_str(&stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Appends `word` lower-cased as the `sv` analyzer lower-cases a token (as tantivy's
/// `LowerCaser`): ASCII a byte at a time, anything else each character's lower case (so Σ is σ
/// at a word's end too, unlike [`str::to_lowercase`]).
pub(crate) fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let at = out.len();
        out.push_str(word);
        out[at..].make_ascii_lowercase();
    } else {
        // Latin-1 (nearly every Swedish word) from its ranges, not the Unicode tables.
        for c in word.chars() {
            match crate::parse::lexical::latin_1_lower(c) {
                Some(lower) => out.push(lower),
                None => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Slots of a [`StemMemo`] (a power of two): 16,384 of 32 bytes, 512 KB, within a core's
/// 1 MB L2 cache, which a map of every word met is not (looking its keys up cost more than
/// stemming). Against 4,096 slots, on 57 MB of generated minutes the analyzer ran 11.6% fewer
/// instructions and, by callgrind's cache model, about 9% fewer cycles.
const MEMO_SLOTS: usize = 1 << 14;

/// The longest word and stem, in bytes, a slot holds; a longer word is always stemmed.
const MEMO_BYTES: usize = 15;

/// One remembered word (as the tokenizer gave it) and its stem.
#[derive(Clone, Copy)]
struct Slot {
    word_len: u8,
    stem_len: u8,
    word: [u8; MEMO_BYTES],
    stem: [u8; MEMO_BYTES],
}

/// Recent words' stems, one per slot, the slot chosen by the word's hash: a word that meets
/// another's slot takes it over.
#[derive(Clone)]
pub struct StemMemo {
    slots: Box<[Slot]>,
}

impl Default for StemMemo {
    fn default() -> Self {
        let empty = Slot { word_len: 0, stem_len: 0, word: [0; MEMO_BYTES], stem: [0; MEMO_BYTES] };
        Self { slots: vec![empty; MEMO_SLOTS].into_boxed_slice() }
    }
}

impl StemMemo {
    fn slot(word: &str) -> usize {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(word.as_bytes());
        // The high bits are the well-mixed ones.
        (h.finish() >> 50) as usize & (MEMO_SLOTS - 1)
    }

    /// The stem remembered for `word`, if it is.
    fn get(&self, word: &str) -> Option<&str> {
        if word.is_empty() || word.len() > MEMO_BYTES {
            return None;
        }
        let slot = &self.slots[Self::slot(word)];
        (slot.word[..usize::from(slot.word_len)] == *word.as_bytes())
            .then(|| std::str::from_utf8(&slot.stem[..usize::from(slot.stem_len)]).ok())
            .flatten()
    }

    /// Remembers `stem` for `word`, when both fit in a slot.
    fn put(&mut self, word: &str, stem: &str) {
        let (Ok(word_len), Ok(stem_len)) = (u8::try_from(word.len()), u8::try_from(stem.len()))
        else {
            return;
        };
        if word.is_empty() || word.len() > MEMO_BYTES || stem.len() > MEMO_BYTES {
            return;
        }
        let slot = &mut self.slots[Self::slot(word)];
        slot.word_len = word_len;
        slot.stem_len = stem_len;
        slot.word[..word.len()].copy_from_slice(word.as_bytes());
        slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
    }
}

/// The whole-value analyzer.
#[must_use]
pub fn key() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).build()
}

/// The person-name analyzer.
#[must_use]
pub fn name() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the analyzers on an index.
pub fn register(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(SWEDISH, swedish());
    tokenizers.register(KEY, key());
    tokenizers.register(NAME, name());
}

/// The lower-cased key of a filter value, as the `key` analyzer makes it.
#[must_use]
pub fn key_of(value: &str) -> String {
    value.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use tantivy::tokenizer::{Language, Stemmer};

    /// The analyzer as tantivy's own filters make it.
    fn stock() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Swedish))
            .build()
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    #[test]
    fn the_memo_remembers_what_fits_and_forgets_what_is_taken_over() {
        let mut memo = StemMemo::default();
        memo.put("Beslutet", "beslutet");
        memo.put("sjukvårdsnämnden", "sjukvårdsnämnd");
        assert_eq!(memo.get("Beslutet"), Some("beslutet"));
        assert_eq!(memo.get("beslutet"), None, "the word as the tokenizer gave it");
        assert_eq!(memo.get("sjukvårdsnämnden"), None, "longer than a slot");
        // Words that share a slot: the last one put is remembered.
        let words: Vec<String> = (0..3 * MEMO_SLOTS).map(|i| format!("ord{i}")).collect();
        for w in &words {
            memo.put(w, &w[..3]);
        }
        let last = words.last().map(String::as_str).unwrap_or_default();
        assert_eq!(memo.get(last), Some("ord"));
        let remembered = words.iter().filter(|w| memo.get(w).is_some()).count();
        assert!(remembered <= MEMO_SLOTS, "{remembered}");
    }

    #[test]
    fn remembered_stems_are_the_stock_filters_stems() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let texts: Vec<String> = crate::corpus::walk(&[corpus])
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|p| crate::source::read(&p).ok())
            .map(|s| s.text)
            .chain([
                "ΣΟΦΊΑ Σοφίας İstanbul ẞ ΟΔΟΣ KELVIN \u{212a} Beslutet BESLUTEN beslut".to_string()
            ])
            .collect();
        assert!(texts.len() > 10);
        let (mut ours, mut theirs) = (swedish(), stock());
        // Twice: the second time every word is remembered.
        for text in texts.iter().chain(&texts) {
            assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text));
        }
    }

    #[test]
    fn lower_casing_is_each_characters_lower_case() {
        // Every character to U+0250 (the fast path covers Latin-1), and the odd ones out.
        let text: String =
            ('\0'..='\u{250}').chain("ẞΣİKÅngestÖrÆØÞß".chars()).flat_map(|c| [c, 'Ä']).collect();
        let mut got = String::new();
        push_lower(&mut got, &text);
        let want: String = text.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(got, want);
    }
}
