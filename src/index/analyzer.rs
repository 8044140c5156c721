//! Text analysis, registered in exactly one place ([`register`]) every time an index is opened.
//!
//! - `sv`: words (SimpleTokenizer), long tokens dropped, lower case, Snowball Swedish stemming —
//!   "beslutet", "besluten", "beslut" meet. No stop words: they would break phrases such as
//!   "avstår från att delta i beslutet" and save little.
//! - `key`: the whole value lower-cased, for exact filters on organisation and body.
//! - `name`: words, lower case, ASCII folding, for person look-ups ("Hogfeldt" finds "Högfeldt").

use tantivy::Index;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer,
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
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
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
