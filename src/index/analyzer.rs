//! Text analysis, registered in exactly one place ([`register`]) every time an index is opened.
//!
//! - `sv`: words (as tantivy's SimpleTokenizer cuts them), long tokens dropped, lower case,
//!   Snowball Swedish stemming — "beslutet", "besluten", "beslut" meet. No stop words: they
//!   would break phrases such as "avstår från att delta i beslutet" and save little. All four
//!   are one tokenizer ([`SwedishTokenizer`]) that remembers the stems of recent words: the
//!   same tokens as tantivy's `SimpleTokenizer`, `RemoveLongFilter`, `LowerCaser` and `Stemmer`,
//!   for less work on running text.
//! - `key`: the whole value lower-cased, for exact filters on organisation and body.
//! - `name`: words, lower case, ASCII folding, for person look-ups ("Hogfeldt" finds "Högfeldt").

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, SimpleTokenizer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
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
    TextAnalyzer::builder(SwedishTokenizer::default()).build()
}

/// Tokens of this many bytes or more are dropped, as by tantivy's `RemoveLongFilter::limit(40)`.
const LONGEST_TOKEN: usize = 40;

/// The `sv` tokens of a text in one pass: the words as tantivy's `SimpleTokenizer` cuts them
/// (`next_word`), those of `LONGEST_TOKEN` bytes or more dropped (their positions kept, as
/// `RemoveLongFilter` keeps them), each lower-cased as tantivy's `LowerCaser` does (ASCII in
/// place, otherwise each character's lower case, Σ as σ) and stemmed as its
/// `Stemmer::new(Language::Swedish)` does — the same tokens as those four, for less work on
/// running text:
///
/// - a word is cut a byte at a time, not decoded and classed as a `char` at every character;
/// - it is looked up in a [`StemMemo`] of recent words' stems as a slice of the text (in
///   running text most tokens are words met shortly before), and only its stem is copied into
///   the token.
#[derive(Clone, Default)]
pub struct SwedishTokenizer {
    token: Token,
    memo: StemMemo,
    lower: String,
}

impl Tokenizer for SwedishTokenizer {
    type TokenStream<'a> = SwedishTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SwedishTokenStream<'a> {
        self.token.reset();
        SwedishTokenStream {
            text,
            at: 0,
            token: &mut self.token,
            memo: &mut self.memo,
            lower: &mut self.lower,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::Swedish),
        }
    }
}

/// The token stream of a [`SwedishTokenizer`].
pub struct SwedishTokenStream<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
    token: &'a mut Token,
    memo: &'a mut StemMemo,
    lower: &'a mut String,
    stemmer: frostem::Stemmer,
}

impl TokenStream for SwedishTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        loop {
            // Every word takes a position, a dropped one too.
            self.token.position = self.token.position.wrapping_add(1);
            let Some((from, to)) = next_word(self.text, self.at) else {
                self.at = self.text.len();
                return false;
            };
            self.at = to;
            if to - from >= LONGEST_TOKEN {
                continue;
            }
            let word = &self.text[from..to];
            self.token.offset_from = from;
            self.token.offset_to = to;
            match self.memo.get(word) {
                Some(Kept { len, lower: true }) => self.token.text.push_str(&word[..len]),
                Some(Kept { len, lower: false }) => push_lower(&mut self.token.text, &word[..len]),
                None => {
                    self.lower.clear();
                    push_lower(self.lower, word);
                    let stem = self.stemmer.stem(self.lower);
                    self.memo.put(word, self.lower, &stem);
                    self.token.text.push_str(&stem);
                }
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The next word of `text` at or after byte `at` (a char boundary), as tantivy's
/// `SimpleTokenizer` cuts words: a run of alphanumeric characters (`char::is_alphanumeric`).
/// Its byte range, or `None` when no word is left.
///
/// Without decoding ASCII or Latin-1: an ASCII byte is a word's byte when it is a letter or a
/// digit (for ASCII, exactly `is_alphanumeric`), and inside a word the letters are skipped eight
/// bytes at a time; a Latin-1 letter (`å`, `ä`, `ö`, `é`: the lead byte 0xC3, then any second
/// byte but those of `×` and `÷`) is one from its two bytes; any other character is decoded and
/// asked.
#[inline]
pub(crate) fn next_word(text: &str, mut at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let start = loop {
        at += bytes.get(at..)?.iter().position(|&b| !b.is_ascii() || WORD_BYTE[usize::from(b)])?;
        if bytes[at].is_ascii() {
            break at;
        }
        let (word, len) = wide_char_is_word(text, at);
        if word {
            break at;
        }
        at += len;
    };
    at = start;
    loop {
        // Letters eight bytes at a time; a digit or a wide character then, a byte or a
        // character at a time.
        at += crate::parse::lexical::ascii_letters_len(&bytes[at..]);
        match bytes.get(at) {
            Some(b) if b.is_ascii_digit() => at += 1,
            Some(b) if !b.is_ascii() => match wide_char_is_word(text, at) {
                (true, len) => at += len,
                (false, _) => break,
            },
            _ => break,
        }
    }
    Some((start, at))
}

/// Which bytes are ASCII letters and digits.
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0u8;
    while b < 128 {
        table[b as usize] = b.is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether the non-ASCII character at byte `at` of `text` is alphanumeric, and its length.
fn wide_char_is_word(text: &str, at: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    // U+00C0–U+00FF: all letters but `×` (C3 97) and `÷` (C3 B7).
    if bytes[at] == 0xC3
        && let Some(&second) = bytes.get(at + 1)
    {
        return (second != 0x97 && second != 0xB7, 2);
    }
    match text.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        // Not a char boundary: cannot happen for a boundary `at`; step a byte.
        None => (false, 1),
    }
}

/// Appends `word` lower-cased as the `sv` analyzer lower-cases a token (as tantivy's
/// `LowerCaser`): ASCII a byte at a time, anything else each character's lower case (so Σ is σ
/// at a word's end too, unlike [`str::to_lowercase`]).
pub(crate) fn push_lower(out: &mut String, word: &str) {
    let at = out.len();
    out.push_str(word);
    out[at..].make_ascii_lowercase();
    // The ASCII capitals are lowered in place; a word with another character that is not its
    // own lower case is lowered again, a character at a time.
    if !word.is_ascii() && !wide_chars_are_lower(word) {
        out.truncate(at);
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether every non-ASCII character of `s` is Latin-1 and its own lower case: no lead byte
/// past 0xC3, and no byte that [`crate::parse::lexical::latin_1_lower_byte`] raises (the second
/// byte of `À`–`Þ` but `×`). A necessary condition only for a character past U+00FF, which may
/// be its own lower case too.
fn wide_chars_are_lower(s: &str) -> bool {
    let mut prev = 0u8;
    s.bytes().all(|c| {
        let lower =
            c.is_ascii() || (c < 0xC4 && crate::parse::lexical::latin_1_lower_byte(prev, c) == c);
        prev = c;
        lower
    })
}

/// Slots of a [`StemMemo`] (a power of two): 16,384 of 32 bytes, 512 KB, within a core's
/// 1 MB L2 cache, which a map of every word met is not (looking its keys up cost more than
/// stemming). Against 4,096 slots, on 57 MB of generated minutes the analyzer ran 11.6% fewer
/// instructions and, by callgrind's cache model, about 9% fewer cycles.
const MEMO_SLOTS: usize = 1 << 14;

/// The longest word, in bytes, a slot holds (a slot is 32 bytes); a longer word is always
/// stemmed.
const MEMO_BYTES: usize = 29;

/// One remembered word, as the tokenizer gave it, and how much of it its stem keeps.
#[derive(Clone, Copy)]
struct Slot {
    word_len: u8,
    kept: u8,
    lower: bool,
    word: [u8; MEMO_BYTES],
}

/// What a remembered word's stem is: its first `len` bytes, lower-cased unless `lower` says
/// the word is in lower case already.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Kept {
    len: usize,
    lower: bool,
}

/// Recent words' stems, one per slot, the slot chosen by the word's hash: a word that meets
/// another's slot takes it over.
///
/// A Swedish Snowball stem is the lower-cased word with a suffix cut off, so a slot holds the
/// length of the word the stem keeps, not the stem: a hit copies a slice of the text, with no
/// stem bytes to check as UTF-8 again (which cost 1.8% of an index run's instructions), and a
/// slot holds compounds up to 29 bytes (`sjukvårdsnämnden`). Only a word whose stem is such a
/// prefix is remembered, and only a word of Latin-1 characters, whose lower case has its
/// characters' lengths (see [`crate::parse::lexical::latin_1_lower`]).
#[derive(Clone)]
pub struct StemMemo {
    slots: Box<[Slot]>,
}

impl Default for StemMemo {
    fn default() -> Self {
        let empty = Slot { word_len: 0, kept: 0, lower: true, word: [0; MEMO_BYTES] };
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

    /// How much of `word` its stem keeps, if the word is remembered.
    fn get(&self, word: &str) -> Option<Kept> {
        if word.is_empty() || word.len() > MEMO_BYTES {
            return None;
        }
        let slot = &self.slots[Self::slot(word)];
        (slot.word[..usize::from(slot.word_len)] == *word.as_bytes())
            .then_some(Kept { len: usize::from(slot.kept), lower: slot.lower })
    }

    /// Remembers `stem` for `word`, whose lower case is `lower`, when the word fits in a slot,
    /// is Latin-1, and its stem is a prefix of `lower`.
    fn put(&mut self, word: &str, lower: &str, stem: &str) {
        let (Ok(word_len), Ok(kept)) = (u8::try_from(word.len()), u8::try_from(stem.len())) else {
            return;
        };
        // A lead byte from 0xC4 on starts a character past U+00FF.
        let latin_1 = word.bytes().all(|b| b < 0xC4);
        if word.is_empty() || word.len() > MEMO_BYTES || !latin_1 || !lower.starts_with(stem) {
            return;
        }
        let slot = &mut self.slots[Self::slot(word)];
        slot.word_len = word_len;
        slot.kept = kept;
        slot.lower = word == lower;
        slot.word[..word.len()].copy_from_slice(word.as_bytes());
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
    use tantivy::tokenizer::{Language, RemoveLongFilter, Stemmer};

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
        memo.put("Beslutet", "beslutet", "beslut");
        memo.put("sjukvårdsnämnden", "sjukvårdsnämnden", "sjukvårdsnämnd");
        memo.put("hälso-och-sjukvårdsnämndernas", "x", "x");
        memo.put("ΟΔΟΣ", "οδοσ", "οδοσ");
        memo.put("Ärendet", "ärendet", "ärende");
        memo.put("knäet", "knäet", "kna");
        assert_eq!(memo.get("Beslutet"), Some(Kept { len: 6, lower: false }));
        assert_eq!(memo.get("beslutet"), None, "the word as the tokenizer gave it");
        assert_eq!(memo.get("sjukvårdsnämnden"), Some(Kept { len: 16, lower: true }));
        assert_eq!(memo.get("hälso-och-sjukvårdsnämndernas"), None, "longer than a slot");
        assert_eq!(memo.get("ΟΔΟΣ"), None, "not Latin-1");
        assert_eq!(memo.get("Ärendet"), Some(Kept { len: 7, lower: false }));
        assert_eq!(memo.get("knäet"), None, "a stem that is not a prefix");
        // Words that share a slot: the last one put is remembered.
        let words: Vec<String> = (0..3 * MEMO_SLOTS).map(|i| format!("ord{i}")).collect();
        for w in &words {
            memo.put(w, w, &w[..3]);
        }
        let last = words.last().map(String::as_str).unwrap_or_default();
        assert_eq!(memo.get(last), Some(Kept { len: 3, lower: true }));
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
        // Every character to U+0250 (the fast path covers Latin-1), and the odd ones out, in a
        // long text and one by one beside a letter that has a lower case and one that does not.
        let chars = || ('\0'..='\u{250}').chain("ẞΣİKÅngestÖrÆØÞßǅ".chars());
        let text: String = chars().flat_map(|c| [c, 'Ä']).collect();
        let words = chars().flat_map(|c| [format!("{c}Ä"), format!("ö{c}"), c.to_string()]);
        for word in std::iter::once(text).chain(words) {
            let mut got = String::from("Å");
            push_lower(&mut got, &word);
            let want: String = word.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(got, format!("Å{want}"), "{word:?}");
        }
    }

    #[test]
    fn words_are_cut_as_the_simple_tokenizer_cuts_them() {
        // Real lines, and the edges: a long word, digits, `×`, `÷`, other scripts, marks.
        let lines = [
            "§ 92 Dnr HSN/876/2024 – Hälso- och sjukvårdsnämndens beslut 2024-03-07",
            "Socialnämndens arbetsutskott (SNAU) föreslår kommunstyrelsen att besluta",
            "3×4 ÷ 2 Ærø straße ΣΟΦΊΑ Σοφίας İstanbul ẞ K \u{301}é e\u{301} x²",
            "Samhällsbyggnadsförvaltningensverksamhetsplaneringsdokumentationen och kort",
        ];
        // Words of 39, 40 and 41 bytes about the limit of 40 (`å` is two).
        let limit =
            format!("{} {} {} {}", "a".repeat(39), "b".repeat(40), "å".repeat(20), "c".repeat(41));
        let (mut ours, mut theirs) = (swedish(), stock());
        for line in lines.into_iter().chain([limit.as_str()]) {
            assert_eq!(tokens(&mut ours, line), tokens(&mut theirs, line), "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_the_stock_filters_tokens(
            text in "[ a-zA-Z0-9åäöÅÄÖéÉüßÆØÞ×÷§.,:()\\-\t\n\u{a0}\u{2013}\u{301}ΣσİǅK²]{0,60}"
        ) {
            let (mut ours, mut theirs) = (swedish(), stock());
            // Twice: the second time every short word is remembered.
            for _ in 0..2 {
                proptest::prop_assert_eq!(tokens(&mut ours, &text), tokens(&mut theirs, &text));
            }
        }
    }
}
