//! Text analysis, registered in exactly one place ([`register`]) every time an index is opened.
//!
//! - `sv`: words (SimpleTokenizer), long tokens dropped, lower case, Snowball Swedish stemming —
//!   "beslutet", "besluten", "beslut" meet. No stop words: they would break phrases such as
//!   "avstår från att delta i beslutet" and save little. Lower-casing and stemming are one
//!   filter ([`SwedishStems`]) that remembers the stems of the words it met: the same tokens
//!   as tantivy's `LowerCaser` then `Stemmer`, for a fraction of the work on running text.
//! - `key`: the whole value lower-cased, for exact filters on organisation and body.
//! - `name`: words, lower case, ASCII folding, for person look-ups ("Hogfeldt" finds "Högfeldt").

use rustc_hash::FxHashMap;
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

/// Most words whose stems a [`SwedishStems`] filter remembers; it forgets them all when full
/// (a segment's worth of running text has far fewer distinct words than it has words).
const REMEMBERED_STEMS: usize = 1 << 16;

/// The token filter that lower-cases a token as tantivy's `LowerCaser` does (ASCII in place,
/// otherwise each character's lower case, Σ as σ) and stems it as its
/// `Stemmer::new(Language::Swedish)` does, remembering each word's stem: in running text most
/// tokens are words met before, whose stem is then one look-up.
#[derive(Clone, Copy, Debug, Default)]
pub struct SwedishStems;

impl TokenFilter for SwedishStems {
    type Tokenizer<T: Tokenizer> = SwedishStemsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SwedishStemsFilter<T> {
        SwedishStemsFilter { inner: tokenizer, stems: FxHashMap::default() }
    }
}

/// [`SwedishStems`] on a tokenizer, with the stems it remembers (each clone of an analyzer —
/// tantivy gives every segment writer its own — remembers its own).
#[derive(Clone)]
pub struct SwedishStemsFilter<T> {
    inner: T,
    stems: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for SwedishStemsFilter<T> {
    type TokenStream<'a> = SwedishStemsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SwedishStemsStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::Swedish),
            lower: String::new(),
        }
    }
}

/// The token stream of a [`SwedishStemsFilter`].
pub struct SwedishStemsStream<'a, T> {
    tail: T,
    stems: &'a mut FxHashMap<String, String>,
    stemmer: frostem::Stemmer,
    lower: String,
}

impl<T: TokenStream> TokenStream for SwedishStemsStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        self.lower.clear();
        if token.text.is_ascii() {
            self.lower.push_str(&token.text);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(token.text.chars().flat_map(char::to_lowercase));
        }
        let stem = self.stemmer.stem(&self.lower).into_owned();
        if self.stems.len() >= REMEMBERED_STEMS {
            self.stems.clear();
        }
        let word = std::mem::replace(&mut token.text, stem.clone());
        self.stems.insert(word, stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
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
}
