//! Swedish word forms that Snowball leaves apart, brought together for search.
//!
//! Snowball's Swedish stemmer is light: it leaves definite forms (`beslutet`, `protokollet`,
//! `försvarsindustrin`), strong verbs (`avstod` ~ `avstår`, `föreslog` ~ `föreslår`) and
//! derivations (`bordläggning` ~ `bordläggs`, `investering` ~ `investerade`) apart. For each
//! word, [`lemmas`] gives the Snowball stem plus the stems of the forms it may stand for. A word
//! matches another when their lemma sets meet, so a rule that strips too much only adds a
//! variant and never loses the plain stem: `budget` gives `budget` and `budg`, `budgeten` gives
//! `budget`, and the two still meet.
//!
//! [`super::lexicon`] keeps the variants of every word of the index, and the query widens
//! through it.

use std::borrow::Cow;
use std::sync::OnceLock;

use frostem::{Algorithm, Stemmer};

/// Strong and irregular verbs of minutes: a form and the infinitive it belongs to. Matched at
/// the end of a word after a verb particle (`avstod` → `avstå`) or, for forms of four letters or
/// more, after any prefix (`bordlagd` → `bordlägga`).
const VERB_FORMS: &[(&str, &str)] = &[
    ("står", "stå"),
    ("stod", "stå"),
    ("stått", "stå"),
    ("slår", "slå"),
    ("slog", "slå"),
    ("slogs", "slå"),
    ("slagit", "slå"),
    ("slagits", "slå"),
    ("går", "gå"),
    ("gick", "gå"),
    ("gått", "gå"),
    ("tar", "ta"),
    ("tog", "ta"),
    ("togs", "ta"),
    ("tagit", "ta"),
    ("tagits", "ta"),
    ("tagen", "ta"),
    ("taget", "ta"),
    ("tagna", "ta"),
    ("drar", "dra"),
    ("drog", "dra"),
    ("drogs", "dra"),
    ("dragit", "dra"),
    ("ger", "ge"),
    ("gav", "ge"),
    ("gavs", "ge"),
    ("gett", "ge"),
    ("getts", "ge"),
    ("givit", "ge"),
    ("givits", "ge"),
    ("får", "få"),
    ("fick", "få"),
    ("fått", "få"),
    ("blir", "bli"),
    ("blev", "bli"),
    ("blivit", "bli"),
    ("kommer", "komma"),
    ("kom", "komma"),
    ("kommit", "komma"),
    ("höll", "hålla"),
    ("hölls", "hålla"),
    ("hållit", "hålla"),
    ("ser", "se"),
    ("såg", "se"),
    ("sågs", "se"),
    ("sett", "se"),
    ("setts", "se"),
    ("gör", "göra"),
    ("görs", "göra"),
    ("gjorde", "göra"),
    ("gjordes", "göra"),
    ("gjort", "göra"),
    ("gjorts", "göra"),
    ("lade", "lägga"),
    ("lades", "lägga"),
    ("lagt", "lägga"),
    ("lagts", "lägga"),
    ("lagd", "lägga"),
    ("lagda", "lägga"),
    ("satte", "sätta"),
    ("sattes", "sätta"),
    ("satts", "sätta"),
    ("satt", "sätta"),
    ("satta", "sätta"),
    ("sade", "säga"),
    ("sades", "säga"),
    ("sagt", "säga"),
    ("sagts", "säga"),
    ("säger", "säga"),
    ("sägs", "säga"),
    ("sägelse", "säga"),
    ("skrev", "skriva"),
    ("skrevs", "skriva"),
    ("skrivit", "skriva"),
    ("skrivits", "skriva"),
    ("valde", "välja"),
    ("valdes", "välja"),
    ("valts", "välja"),
    ("väljer", "välja"),
    ("väljs", "välja"),
    ("fann", "finna"),
    ("funnit", "finna"),
    ("burit", "bära"),
    ("sköt", "skjuta"),
    ("sköts", "skjuta"),
    ("skjutit", "skjuta"),
    ("bjöd", "bjuda"),
    ("bjudit", "bjuda"),
    ("bröt", "bryta"),
    ("bröts", "bryta"),
    ("brutit", "bryta"),
    ("lät", "låta"),
    ("låtit", "låta"),
    ("låg", "ligga"),
    ("legat", "ligga"),
    ("suttit", "sitta"),
    ("vann", "vinna"),
    ("vunnit", "vinna"),
    ("hann", "hinna"),
    ("hunnit", "hinna"),
    ("grep", "gripa"),
    ("gripit", "gripa"),
    ("strök", "stryka"),
    ("ströks", "stryka"),
    ("strukit", "stryka"),
    ("beslöt", "besluta"),
    ("beslöts", "besluta"),
    ("sålde", "sälja"),
    ("sålt", "sälja"),
    ("kände", "känna"),
    ("känt", "känna"),
    ("kändes", "känna"),
    ("anmälde", "anmäla"),
    ("anmält", "anmäla"),
    ("anmälan", "anmäla"),
    ("begärde", "begära"),
    ("begärt", "begära"),
    ("begäran", "begära"),
    ("ansökte", "ansöka"),
    ("ansökt", "ansöka"),
    ("ansökan", "ansöka"),
    ("ställde", "ställa"),
    ("ställt", "ställa"),
    ("använde", "använda"),
    ("använt", "använda"),
    ("hörde", "höra"),
    ("hört", "höra"),
];

/// Nouns whose plural changes the vowel, as minutes use them: a plural form and its singular.
/// Matched at the end of a word (`riksdagsledamöter` → `riksdagsledamot`).
const UMLAUT_PLURALS: &[(&str, &str)] = &[
    ("ledamöterna", "ledamot"),
    ("ledamöter", "ledamot"),
    ("männen", "man"),
    ("män", "man"),
    ("städerna", "stad"),
    ("städer", "stad"),
    ("länderna", "land"),
    ("länder", "land"),
    ("händerna", "hand"),
    ("händer", "hand"),
    ("bönderna", "bonde"),
    ("bönder", "bonde"),
    ("tänder", "tand"),
    ("bränderna", "brand"),
    ("bränder", "brand"),
    ("stränder", "strand"),
    ("söner", "son"),
    ("rötter", "rot"),
    ("fötter", "fot"),
    ("böckerna", "bok"),
    ("böcker", "bok"),
    ("nätter", "natt"),
    ("stänger", "stång"),
    ("döttrar", "dotter"),
    ("bröder", "broder"),
];

/// The singular of a plural in [`UMLAUT_PLURALS`], prefix kept: `förtroendemän` →
/// `förtroendeman`. A form of three letters (`män`) only after a part of four or more, so that
/// `kommän` is not read as one.
fn umlaut_singular(word: &str) -> Option<String> {
    UMLAUT_PLURALS.iter().find_map(|(plural, singular)| {
        let prefix = word.strip_suffix(plural)?;
        let ok = prefix.is_empty() || plural.chars().count() >= 5 || prefix.chars().count() >= 4;
        ok.then(|| format!("{prefix}{singular}"))
    })
}

/// Verb particles and prefixes a short strong form may follow: `av|stod`, `ut|såg`.
const PARTICLES: &[&str] = &[
    "", "av", "an", "be", "bi", "bort", "efter", "emot", "fast", "fram", "för", "före", "genom",
    "god", "hem", "in", "med", "mot", "ned", "ner", "om", "på", "sam", "till", "tillbaka", "under",
    "upp", "ut", "vid", "åter", "över",
];

/// Words too common to be worth a lemma: they still match through the stemmed text field.
const STOP: &[&str] = &[
    "och", "att", "som", "för", "med", "till", "den", "det", "har", "inte", "från", "ska", "kan",
    "samt", "eller", "även", "under", "efter", "vid", "ett", "där", "detta", "denna", "dessa",
];

/// [`VERB_FORMS`] ordered by their last two bytes, for a look-up without hashing.
fn verb_forms() -> &'static [(u16, &'static str, &'static str)] {
    static FORMS: OnceLock<Vec<(u16, &'static str, &'static str)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut v: Vec<_> = VERB_FORMS.iter().map(|(f, i)| (last_two(f), *f, *i)).collect();
        v.sort_unstable();
        v
    })
}

/// The last two bytes of a word, as one number.
fn last_two(w: &str) -> u16 {
    let b = w.as_bytes();
    match b.len() {
        0 => 0,
        1 => u16::from(b[0]),
        n => u16::from_be_bytes([b[n - 2], b[n - 1]]),
    }
}

/// The infinitive of a strong or irregular verb form, particle kept: `avstod` → `avstå`.
/// The longest form that ends the word wins.
fn verb_infinitive(word: &str) -> Option<String> {
    let forms = verb_forms();
    let key = last_two(word);
    let from = forms.partition_point(|f| f.0 < key);
    forms[from..]
        .iter()
        .take_while(|f| f.0 == key)
        .filter_map(|&(_, form, inf)| {
            let prefix = word.strip_suffix(form)?;
            let ok = PARTICLES.contains(&prefix)
                || (form.chars().count() >= 4 && prefix.chars().count() >= 2);
            ok.then(|| (form.len(), format!("{prefix}{inf}")))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, w)| w)
}

/// The lemma variants of one lower-cased word, Snowball's stem first, without repeats:
///
/// - strong verbs: `avstod` → `avstå`;
/// - definite singular `-et`/`-ets`: `beslutet` → `beslut`, `protokollet` → `protokoll`;
/// - definite `-n` after a vowel: `försvarsindustrin` → `försvarsindustri`;
/// - definite plural `-ena`: `områdena` → `områd`;
/// - plurals that change the vowel: `ledamöter` → `ledamot`, `förtroendemän` → `förtroendeman`;
/// - nouns of action: `bordläggning` → `bordlägg`, `investering` → `invester`,
///   `anmälan` → `anmäl`, `tillsättning` → `tillsät` (as `tillsätta`);
/// - weak past tense and supine: `tillstyrkte`, `tillstyrkt` → `tillstyrk`.
pub fn lemmas(stemmer: &Stemmer, word: &str, out: &mut Vec<String>) {
    let start = out.len();
    let push = |s: Cow<'_, str>, out: &mut Vec<String>| {
        if s.chars().count() >= 2 && !out[start..].iter().any(|x| *x == s) {
            out.push(s.into_owned());
        }
    };
    if let Some(inf) = verb_infinitive(word) {
        push(stemmer.stem(&inf), out);
        return;
    }
    let stem = stemmer.stem(word).into_owned();
    push(Cow::Borrowed(&stem), out);
    if let Some(singular) = umlaut_singular(word) {
        push(stemmer.stem(&singular), out);
    }
    let n = word.chars().count();
    let bare = |suffix: &str, min: usize| {
        word.strip_suffix(suffix).filter(|b| b.chars().count() >= min && n > suffix.len())
    };
    for (suffix, keep) in [("ets", ""), ("et", ""), ("ena", "e"), ("an", "")] {
        if let Some(b) = bare(suffix, 3) {
            let b = format!("{b}{keep}");
            push(stemmer.stem(&b), out);
        }
    }
    if let Some(b) = bare("n", 4).filter(|b| b.ends_with(['i', 'e', 'o', 'u', 'y'])) {
        push(Cow::Borrowed(b), out);
    }
    for suffix in ["ning", "ing"] {
        if let Some(b) = stem.strip_suffix(suffix).filter(|b| b.chars().count() >= 4) {
            push(Cow::Borrowed(b), out);
            // The verb's own stem: `tillsättning` → `tillsätt` → `tillsät`, as `tillsätta`.
            push(stemmer.stem(b), out);
            break;
        }
    }
    if (word.ends_with("de")
        || word.ends_with("te")
        || (word.ends_with('t') && !word.ends_with("et")))
        && n >= 6
        && let Some(b) = stem.strip_suffix(['d', 't']).filter(|b| b.chars().count() >= 4)
    {
        push(Cow::Borrowed(b), out);
    }
}

/// Lemma variants of words, with a Snowball stemmer of its own.
#[derive(Clone)]
pub struct Lemmatizer {
    stemmer: Stemmer,
}

impl Default for Lemmatizer {
    fn default() -> Self {
        Self { stemmer: Stemmer::new(Algorithm::Swedish) }
    }
}

impl Lemmatizer {
    /// The lemma variants of one word as the lexicon keeps them: none for a stop word, a word
    /// of one or two letters, a number or an overlong token.
    #[must_use]
    pub fn word(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        push_variants(&self.stemmer, word, &mut out);
        out
    }
}

/// Appends the variants of [`Lemmatizer::word`] to `out`.
fn push_variants(stemmer: &Stemmer, word: &str, out: &mut Vec<String>) {
    let n = word.chars().count();
    if n < 3 || word.len() > 40 || word.chars().all(|c| c.is_ascii_digit()) {
        return;
    }
    let lower = word.to_lowercase();
    if !STOP.contains(&lower.as_str()) {
        lemmas(stemmer, &lower, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lem(w: &str) -> Vec<String> {
        Lemmatizer::default().word(w)
    }

    fn meet(a: &str, b: &str) -> bool {
        let (a, b) = (lem(a), lem(b));
        a.iter().any(|x| b.contains(x))
    }

    #[test]
    fn forms_that_snowball_misses_meet() {
        for (a, b) in [
            ("beslutet", "beslut"),
            ("protokollet", "protokoll"),
            ("folkhälsoarbetet", "folkhälsoarbete"),
            ("försvarsindustrin", "försvarsindustri"),
            ("områdena", "område"),
            ("avstod", "avstår"),
            ("avsagt", "avsägelse"),
            ("föreslog", "föreslår"),
            ("beslöt", "beslutar"),
            ("bordläggs", "bordläggning"),
            ("bordlagd", "bordläggs"),
            ("investerade", "investeringar"),
            ("anmälan", "anmäler"),
            ("tillstyrkt", "tillstyrker"),
            ("budget", "budgeten"),
            ("kameror", "kamera"),
        ] {
            assert!(meet(a, b), "{a} {:?} ~ {b} {:?}", lem(a), lem(b));
        }
    }

    #[test]
    fn different_words_stay_apart() {
        for (a, b) in [("beslut", "budget"), ("står", "ställer"), ("nämnd", "namn")] {
            assert!(!meet(a, b), "{a} {:?} ~ {b} {:?}", lem(a), lem(b));
        }
        assert!(lem("och").is_empty());
    }
}
