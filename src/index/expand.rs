//! What a query means in Swedish minutes: each word widened, in tiers that rank below the words
//! as typed.
//!
//! A plain query (words, `"phrases"`, `-word`) is read word by word. Each word matches, in
//! falling order of weight:
//!
//! 1. as typed, stemmed, in title or text (Snowball: `beslut`, `besluten`);
//! 2. a party's name for its abbreviation and back (`Kristdemokraterna` ~ `KD`);
//! 3. its lemma variants ([`super::lemma`]: `avstod` ~ `avstår`, `protokollet` ~ `protokoll`);
//! 4. compounds that end in it (`kameror` → `trygghetskameror`), found among the
//!    [lexicon](super::lexicon)'s reversed variants, the corpus being the lexicon: the first part
//!    must be a word the corpus knows, or both parts long; and compounds that start with it
//!    (`visselblåsare` → `visselblåsarärenden`, `revision` → `revisionsrapporter`), found among
//!    its forward variants, where the rest must be a word the corpus knows;
//! 5. its parts written apart, when it is a compound of two known words
//!    (`sotningstaxa` → `taxa för sotning`, `nöjesliv` → `nöjes- och kulturliv`);
//!    and elided compounds (`klädregler` → `kläd- och hygienregler`);
//! 6. only when none of that exists in the index: the nearest spellings (edit distance 1, 2 for
//!    long words; a missing diacritic costs nothing), at most a few, weighted low — a typo
//!    finds its word, and a rare word that is in the index is never drowned by neighbours.
//!
//! Tiers 3 to 6 find lemma variants in the lexicon and search the stems of the text they came
//! from, in the `text` and `title` fields: the index holds no variant itself.
//!
//! Every word must match (AND), and a paragraph that matches the whole query as typed gets a
//! constant bonus that puts it above every paragraph matched only through tiers 2–6.

use std::collections::{BTreeMap, HashMap};

use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Searcher, Term};

use super::lemma::Lemmatizer;
use super::lexicon::{Lexicon, reversed_term};
use super::schema::Fields;
use crate::parse::persons::PARTIES;

/// Weights of the tiers; tier 1's title weighs more, as in the plain search.
const TEXT: f32 = 1.0;
const TITLE: f32 = 2.0;
const PARTY: f32 = 0.8;
const LEMMA: f32 = 0.5;
const COMPOUND: f32 = 0.35;
const SPLIT: f32 = 0.35;
const FUZZY: f32 = 0.1;
/// The bonus of a paragraph that matches the query as typed: above any sum of tier scores.
pub const EXACT_BONUS: f32 = 1000.0;
/// Compounds kept per word (the most frequent), fuzzy neighbours per word.
const MAX_COMPOUNDS: usize = 24;
const MAX_FUZZY: usize = 5;
/// Lexicon entries looked at for one compound head.
const MAX_SCAN: usize = 1024;
/// Candidate compounds whose other part is checked, the most frequent first: rarer ones would
/// add little to a page of ten and cost a look-up each.
const MAX_CHECKED: usize = 96;

/// One part of a plain query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A word (a chunk between spaces may hold several, as in `klanerna/familjerna`).
    Word(String),
    /// A word that must not occur: `-budget`.
    Not(String),
    /// A quoted phrase, matched as typed.
    Phrase(String),
}

/// The items of a plain query, or `None` when it uses the query language (fields,
/// operators, parentheses, wildcards), which is then taken as typed.
#[must_use]
pub fn plain_items(q: &str) -> Option<Vec<Item>> {
    if q.contains([':', '(', ')', '^', '~', '*', '[', ']', '{', '}', '+']) {
        return None;
    }
    let mut items = Vec::new();
    for (i, part) in q.split('"').enumerate() {
        if i % 2 == 1 {
            if !part.trim().is_empty() {
                items.push(Item::Phrase(part.trim().to_string()));
            }
            continue;
        }
        for chunk in part.split_whitespace() {
            if matches!(chunk, "AND" | "OR" | "NOT" | "&&" | "||") {
                return None;
            }
            match chunk.strip_prefix('-') {
                Some(w) if !w.is_empty() => items.push(Item::Not(w.to_string())),
                _ => items.push(Item::Word(chunk.to_string())),
            }
        }
    }
    q.matches('"').count().is_multiple_of(2).then_some(items)
}

/// Builds the widened query of plain words against one searcher.
pub struct Expander<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    lexicon: &'a Lexicon,
    swedish: TextAnalyzer,
    lemma: Lemmatizer,
    /// Words already looked up with [`Expander::known`]: compound checks ask about the same
    /// parts again and again.
    known: std::cell::RefCell<HashMap<String, bool>>,
}

/// A clause and whether anything in the index can match it.
type Clause = (Box<dyn Query>, bool);

/// A word's clause, and whether it holds more than the word's stems.
struct WordClause {
    query: Box<dyn Query>,
    widens: bool,
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

fn any_of(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(clauses.into_iter().map(|c| (Occur::Should, c)).collect()))
}

impl<'a> Expander<'a> {
    /// An expander over `searcher`'s index and its lexicon.
    #[must_use]
    pub fn new(searcher: &'a Searcher, fields: &'a Fields, lexicon: &'a Lexicon) -> Self {
        Self {
            searcher,
            fields,
            lexicon,
            swedish: super::analyzer::swedish(),
            lemma: Lemmatizer::default(),
            known: std::cell::RefCell::new(HashMap::new()),
        }
    }

    fn doc_freq(&self, field: Field, text: &str) -> u64 {
        self.searcher.doc_freq(&Term::from_field_text(field, text)).unwrap_or(0)
    }

    fn term(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
        let q = TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs);
        boosted(Box::new(q), boost)
    }

    /// The words of a chunk as the Swedish analyzer cuts and stems them.
    fn stems(&mut self, chunk: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = self.swedish.token_stream(chunk);
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// The words of a chunk as written: `klanerna/familjerna` → `klanerna`, `familjerna`.
    fn words(chunk: &str) -> Vec<&str> {
        chunk.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
    }

    /// The widened query for the items, with the bonus for matching them as typed (`exact`,
    /// the query parsed by tantivy's parser). `None` when no word widens (stop words,
    /// two-letter words, numbers): the query as typed is the whole query then.
    #[must_use]
    pub fn query(
        &mut self,
        items: &[Item],
        exact: Option<Box<dyn Query>>,
    ) -> Option<Box<dyn Query>> {
        let mut widens = false;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for item in items {
            match item {
                Item::Word(chunk) => {
                    for w in Self::words(chunk) {
                        let c = self.word(w);
                        widens |= c.widens;
                        clauses.push((Occur::Must, c.query));
                    }
                }
                Item::Not(chunk) => {
                    for s in self.stems(chunk) {
                        for field in [self.fields.text, self.fields.title] {
                            clauses.push((Occur::MustNot, Self::term(field, &s, 1.0)));
                        }
                    }
                }
                Item::Phrase(phrase) => {
                    // Matched as typed (below); its lemmas only light up the snippet.
                    for w in Self::words(phrase) {
                        let variants = self.lemma.word(w).into_iter().map(|v| (v, 0.01));
                        for q in self.variant_terms(variants) {
                            clauses.push((Occur::Should, q));
                        }
                    }
                }
            }
        }
        if let Some(exact) = exact {
            let has_phrase = items.iter().any(|i| matches!(i, Item::Phrase(_)));
            // A phrase is matched as typed: the exact query must hold, and carries the bonus.
            let occur = if has_phrase { Occur::Must } else { Occur::Should };
            clauses.push((occur, Box::new(ConstScoreQuery::new(exact, EXACT_BONUS))));
        }
        widens.then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// The clause of one word: every tier that can match it.
    fn word(&mut self, w: &str) -> WordClause {
        let f = *self.fields;
        let mut tiers: Vec<Box<dyn Query>> = Vec::new();
        let mut found = false;
        let stems = self.stems(w);
        let has_lemmas = !self.lemma.word(w).is_empty();
        for s in &stems {
            found |= self.doc_freq(f.text, s) > 0 || self.doc_freq(f.title, s) > 0;
            tiers.push(Self::term(f.text, s, TEXT));
            tiers.push(Self::term(f.title, s, TITLE));
        }
        for (field, t) in self.party(w) {
            found |= self.doc_freq(field, &t) > 0;
            tiers.push(Self::term(field, &t, PARTY));
            // A party named in a title: `Motion från Helene Öberg (MP)`.
            if field == f.text {
                found |= self.doc_freq(f.title, &t) > 0;
                tiers.push(Self::term(f.title, &t, PARTY));
            }
        }
        let (lemma, lemma_found) = self.lemma_clause(w, true);
        found |= lemma_found;
        tiers.push(lemma);
        let starting = self.compounds_starting(w);
        found |= !starting.is_empty();
        tiers.extend(self.variant_terms(starting.into_iter().map(|(t, _)| (t, COMPOUND))));
        if let Some((a, b)) = self.split(w) {
            // The last part may stand in a compound of its own ("Stöd - och
            // serviceavdelningen" for "stödavdelningen"); the first part stands alone.
            let (qa, _) = self.lemma_clause(&a, false);
            let (qb, _) = self.lemma_clause(&b, true);
            let both = BooleanQuery::new(vec![(Occur::Must, qa), (Occur::Must, qb)]);
            tiers.push(boosted(Box::new(both), SPLIT));
            found = true;
        }
        if let Some(q) = self.elided(w) {
            tiers.push(boosted(q, SPLIT));
            found = true;
        }
        if !found {
            let near = self.fuzzy(w).into_iter();
            tiers.extend(
                self.variant_terms(
                    near.map(|(t, distance)| (t, FUZZY / (1.0 + f32::from(distance)))),
                ),
            );
        }
        // Beyond the stems' two terms and the lemma clause, or lemmas that can match more.
        let widens = has_lemmas || tiers.len() > stems.len() * 2 + 1;
        WordClause { query: any_of(tiers), widens }
    }

    /// A word's lemma variants and, with `compounds`, the compounds ending in them.
    fn lemma_clause(&self, w: &str, compounds: bool) -> Clause {
        let mut variants = Vec::new();
        let mut found = false;
        for v in self.lemma.word(w) {
            found |= self.lexicon.count(&v) > 0;
            if compounds {
                for (t, _) in self.compounds(&v) {
                    variants.push((t, COMPOUND));
                    found = true;
                }
            }
            variants.push((v, LEMMA));
        }
        (any_of(self.variant_terms(variants)), found)
    }

    /// The queries of lemma variants: the stems of the text each stands for (see
    /// [`Lexicon::stems`]), in text and title, each stem once at its variants' highest weight.
    fn variant_terms(
        &self,
        variants: impl IntoIterator<Item = (String, f32)>,
    ) -> Vec<Box<dyn Query>> {
        let mut stems: BTreeMap<String, f32> = BTreeMap::new();
        for (v, boost) in variants {
            for s in self.lexicon.stems(&v) {
                let e = stems.entry(s).or_insert(boost);
                *e = e.max(boost);
            }
        }
        stems.into_iter().flat_map(|(s, boost)| self.in_text_and_title(&s, boost)).collect()
    }

    /// A stem's term in the text and in the title, at one weight.
    fn in_text_and_title(&self, stem: &str, boost: f32) -> [Box<dyn Query>; 2] {
        [Self::term(self.fields.text, stem, boost), Self::term(self.fields.title, stem, boost)]
    }

    /// Whether the corpus knows `w` as a word of its own: any lemma variant, or without a
    /// linking `s` (`trygghets` → `trygghet`) or a linking vowel (`kvinno` → `kvinn`, as in
    /// `kvinnor`).
    fn known(&self, w: &str) -> bool {
        if let Some(&k) = self.known.borrow().get(w) {
            return k;
        }
        let k = self.known_uncached(w);
        self.known.borrow_mut().insert(w.to_string(), k);
        k
    }

    fn known_uncached(&self, w: &str) -> bool {
        let bare = w
            .strip_suffix(['s', 'a', 'e', 'o', 'u'])
            .filter(|b| b.chars().count() >= 3)
            .map(str::to_string);
        std::iter::once(w.to_string())
            .chain(bare.clone())
            .flat_map(|x| self.lemma.word(&x))
            // A stem is itself a lemma term ("kvinn"), though no word of three letters is one.
            .chain(bare.into_iter().filter(|b| b.chars().count() >= 4))
            .any(|v| self.lexicon.count(&v) > 0)
    }

    /// Compounds in the index that end in the lemma `head`, most frequent first:
    /// `kamer` → `trygghetskamer`, `övervakningskamer`.
    fn compounds(&self, head: &str) -> Vec<(String, u64)> {
        let n = head.chars().count();
        // The most frequent first, the first part checked only as far as needed.
        self.ending_in(head)
            .into_iter()
            .take(MAX_CHECKED)
            .filter(|(term, _)| {
                let modifier: String = term.chars().take(term.chars().count() - n).collect();
                let m = modifier.chars().count();
                // Both parts long, or a linking `s` that marks a compound (`sotnings|taxa`),
                // or a first part the corpus knows: never `föränd|ring`.
                (n >= 5 && m >= 4)
                    || (n >= 4 && m >= 5 && modifier.ends_with('s'))
                    || self.known(&modifier)
            })
            .take(MAX_COMPOUNDS)
            .collect()
    }

    /// Variants in the lexicon that end in `head` after three letters or more, most frequent
    /// first, unchecked.
    fn ending_in(&self, head: &str) -> Vec<(String, u64)> {
        let n = head.chars().count();
        if n < 3 {
            return Vec::new();
        }
        let rev = reversed_term(head);
        let mut found: HashMap<String, u64> = HashMap::new();
        self.lexicon.scan(rev.as_bytes(), MAX_SCAN, |key, doc_freq| {
            // The reversed word, without its mark.
            let Ok(key) = std::str::from_utf8(&key[1..]) else { return };
            if key.chars().count() >= n + 3 {
                *found.entry(key.chars().rev().collect()).or_default() += doc_freq;
            }
        });
        let mut out: Vec<(String, u64)> = found.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// A compound written with its first part elided before another compound: `klädregler` in
    /// `kläd- och hygienregler`, `hälsovårdsdirektör` in `hälso- och sjukvårdsdirektör`. The
    /// query word is cut where its first part is a word the text elides ([`Lexicon::elided`]),
    /// and the paragraph must hold that part and a compound that ends in the rest.
    fn elided(&mut self, w: &str) -> Option<Box<dyn Query>> {
        let chars: Vec<char> = w.to_lowercase().chars().collect();
        let n = chars.len();
        if n < 7 || !chars.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        let mut cuts = Vec::new();
        for i in 3..=n - 4 {
            let first: String = chars[..i].iter().collect();
            if self.lexicon.elided(&first) == 0 {
                continue;
            }
            let rest: String = chars[i..].iter().collect();
            let mut wholes: Vec<(String, f32)> = Vec::new();
            for v in self.lemma.word(&rest) {
                let ending = self.ending_in(&v).into_iter().take(MAX_COMPOUNDS);
                wholes.extend(ending.map(|(t, _)| (t, 1.0)));
            }
            if wholes.is_empty() {
                continue;
            }
            let first =
                self.stems(&first).iter().flat_map(|s| self.in_text_and_title(s, 1.0)).collect();
            cuts.push(Box::new(BooleanQuery::new(vec![
                (Occur::Must, any_of(first)),
                (Occur::Must, any_of(self.variant_terms(wholes))),
            ])) as Box<dyn Query>);
        }
        (!cuts.is_empty()).then(|| any_of(cuts))
    }

    /// Compounds in the index that start with the word, most frequent first: lemma terms that
    /// begin with it, or with it less a final vowel (`visselblåsare` → `visselblåsar|ärend`),
    /// and go on with a word of four letters or more that the corpus knows, a linking `s` aside
    /// (`revision` → `revision|s|rapport`). Never `plan` → `plan|ering`.
    fn compounds_starting(&self, w: &str) -> Vec<(String, u64)> {
        let lower = w.to_lowercase();
        if !lower.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let mut prefixes = vec![lower.clone()];
        if let Some(b) = lower.strip_suffix(['e', 'a', 'o']) {
            prefixes.push(b.to_string());
        }
        let mut candidates: HashMap<String, (u64, usize)> = HashMap::new();
        for p in prefixes.iter().filter(|p| p.chars().count() >= 4) {
            self.lexicon.scan(p.as_bytes(), MAX_SCAN, |key, doc_freq| {
                if key.len() < p.len() + 4 {
                    return;
                }
                let Ok(key) = std::str::from_utf8(key) else { return };
                candidates.entry(key.to_string()).or_insert((0, p.len())).0 += doc_freq;
            });
        }
        let mut ranked: Vec<(String, (u64, usize))> = candidates.into_iter().collect();
        ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
        ranked
            .into_iter()
            // The head is checked only as far as needed, most frequent first.
            .take(MAX_CHECKED)
            .filter(|(term, (_, at))| {
                let rest = &term[*at..];
                let head =
                    rest.strip_prefix('s').filter(|h| h.chars().count() >= 4).unwrap_or(rest);
                head.chars().count() >= 4 && self.known(head)
            })
            .take(MAX_COMPOUNDS)
            .map(|(t, (n, _))| (t, n))
            .collect()
    }

    /// A compound query word's two parts, both known to the corpus, the most even split
    /// first: `sotningstaxa` → (`sotnings`, `taxa`), `flyktingmottagande` → (`flykting`,
    /// `mottagande`).
    fn split(&self, w: &str) -> Option<(String, String)> {
        let chars: Vec<char> = w.to_lowercase().chars().collect();
        let n = chars.len();
        if n < 7 || !chars.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        let mut cuts: Vec<usize> = (3..=n - 3).collect();
        cuts.sort_by_key(|&i| std::cmp::Reverse(i.min(n - i)));
        cuts.into_iter().find_map(|i| {
            let left: String = chars[..i].iter().collect();
            let right: String = chars[i..].iter().collect();
            (self.known(&right) && self.known(&left)).then_some((left, right))
        })
    }

    /// The other spellings of a party: its abbreviation for its name and back, as text terms
    /// and as the paragraph's party.
    fn party(&mut self, w: &str) -> Vec<(Field, String)> {
        let upper = w.to_uppercase();
        let abbreviation = crate::parse::persons::party_by_name(w).or_else(|| {
            let typed_as_abbreviation = upper.chars().count() >= 2 || w == upper;
            PARTIES.iter().find(|(_, a)| *a == upper && typed_as_abbreviation).map(|(_, a)| *a)
        });
        let Some(abbreviation) = abbreviation else { return Vec::new() };
        let mut out = vec![
            (self.fields.party, abbreviation.to_string()),
            (self.fields.text, abbreviation.to_lowercase()),
        ];
        // One-word names only: "Sjukvårdspartiet Västernorrland" must not bring in every
        // paragraph that names the region.
        let names = PARTIES.iter().filter(|(n, a)| *a == abbreviation && !n.contains(' '));
        for (name, _) in names {
            for s in self.stems(name) {
                out.push((self.fields.text, s));
            }
        }
        out
    }

    /// The nearest spellings of a word the index lacks, among the lexicon's variants that start
    /// with the same two letters (a missing diacritic allowed in them): at most [`MAX_FUZZY`],
    /// nearest and most frequent first. A Levenshtein automaton walks the lexicon, so
    /// only terms within reach are visited; for short words one more edit than allowed is let
    /// through it, for the diacritics our [`distance`] forgives, and our distance then decides.
    fn fuzzy(&self, w: &str) -> Vec<(String, u8)> {
        let lower: Vec<char> = w.to_lowercase().chars().collect();
        if lower.len() < 4 {
            return Vec::new();
        }
        let max = if lower.len() >= 8 { 2 } else { 1 };
        let variants = self.lemma.word(w);
        let mut best: HashMap<String, (u8, u64)> = HashMap::new();
        let mut scratch = Vec::new();
        let mut term = Vec::new();
        for v in &variants {
            let chars: Vec<char> = v.chars().collect();
            let dfa = Dfa(levenshtein((max + 1).min(2)).build_dfa(v));
            self.lexicon.search(&dfa, |text, count| {
                term.clear();
                term.extend(text.chars());
                let same_start = term.len() >= 2
                    && same_letter(term[0], lower[0])
                    && same_letter(term[1], lower[1]);
                if same_start && let Some(d) = distance(&chars, &term, max, &mut scratch) {
                    let e = best.entry(text.to_string()).or_insert((d, 0));
                    e.0 = e.0.min(d);
                    e.1 += count;
                }
            });
        }
        let mut out: Vec<(String, (u8, u64))> = best.into_iter().collect();
        out.sort_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)).then(a.0.cmp(&b.0)));
        out.into_iter().take(MAX_FUZZY).map(|(t, (d, _))| (t, d)).collect()
    }
}

/// The Levenshtein automaton builder for `distance` edits (at most two; transpositions one
/// edit), built once: building its tables is the costly part.
fn levenshtein(distance: u8) -> &'static levenshtein_automata::LevenshteinAutomatonBuilder {
    use levenshtein_automata::LevenshteinAutomatonBuilder as Builder;
    static BUILDERS: [std::sync::OnceLock<Builder>; 3] = [const { std::sync::OnceLock::new() }; 3];
    let d = distance.min(2);
    BUILDERS[usize::from(d)].get_or_init(|| Builder::new(d, true))
}

/// A Levenshtein DFA as an automaton over the term dictionary.
struct Dfa(levenshtein_automata::DFA);

impl tantivy_fst::Automaton for Dfa {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), levenshtein_automata::Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != levenshtein_automata::SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// Letters equal but for a diacritic: `o`/`ö`, `a`/`å`/`ä`, `e`/`é`.
fn same_letter(a: char, b: char) -> bool {
    let fold = |c: char| match c {
        'å' | 'ä' | 'á' | 'à' => 'a',
        'ö' | 'ó' | 'ø' => 'o',
        'é' | 'è' => 'e',
        'ü' => 'u',
        c => c,
    };
    fold(a) == fold(b)
}

/// The edit distance of `a` and `b` (insertions, deletions, substitutions and swaps of
/// neighbours; a missing diacritic is free) when it is at most `max`. `rows` is scratch space.
fn distance(a: &[char], b: &[char], max: u8, rows: &mut Vec<u8>) -> Option<u8> {
    if a.len().abs_diff(b.len()) > usize::from(max) {
        return None;
    }
    let width = b.len() + 1;
    rows.clear();
    rows.resize((a.len() + 1) * width, 0);
    let at = |i: usize, j: usize| i * width + j;
    for j in 0..width {
        rows[at(0, j)] = u8::try_from(j).unwrap_or(u8::MAX);
    }
    for i in 1..=a.len() {
        rows[at(i, 0)] = u8::try_from(i).unwrap_or(u8::MAX);
        let mut row_min = rows[at(i, 0)];
        for j in 1..width {
            let cost = u8::from(!same_letter(a[i - 1], b[j - 1]));
            let mut d = (rows[at(i - 1, j)] + 1)
                .min(rows[at(i, j - 1)] + 1)
                .min(rows[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[at(i - 2, j - 2)] + 1);
            }
            rows[at(i, j)] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    let d = rows[at(a.len(), b.len())];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_queries_are_read_word_by_word() {
        assert_eq!(
            plain_items(r#"kameror "ekonomi i balans" -budget"#),
            Some(vec![
                Item::Word("kameror".into()),
                Item::Phrase("ekonomi i balans".into()),
                Item::Not("budget".into()),
            ])
        );
        assert_eq!(plain_items("title:budget"), None);
        assert_eq!(plain_items("budget OR skatt"), None);
        assert_eq!(plain_items("\"unclosed"), None);
    }

    #[test]
    fn distances_forgive_diacritics() {
        let d = |a: &str, b: &str, max| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            distance(&a, &b, max, &mut Vec::new())
        };
        assert_eq!(d("hogfeldt", "högfeldt", 1), Some(0));
        assert_eq!(d("folkomrösting", "folkomröstning", 2), Some(1));
        assert_eq!(d("budjet", "budget", 1), Some(1));
        assert_eq!(d("revisor", "revision", 1), None);
        assert_eq!(d("ab", "ba", 1), Some(1));
    }
}
