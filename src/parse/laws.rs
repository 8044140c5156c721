//! Statutes cited in a text: `lagen (1991:1128)`, `kommunallagen (2017:725)`,
//! `31 kap. 3 § brottsbalken`, `1 kap. 2 § visselblåsarlagen`, `HSLF-FS 2022:62`,
//! `SOSFS 2011:9`, `SFS 2017:725`. Reports and memoranda (`Ds 2023:26`, `SOU 2017:114`) are not
//! statutes.

use crate::parse::lexical::is_alpha;
use aho_corasick::AhoCorasick;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{opt, recognize, verify};
use nom::{IResult, Parser};
use std::sync::OnceLock;

use super::lexical::{ws0, ws1};

/// A statute's name: a word ending in `lag`, `lagen`, `balken`, `förordning(en)`:
/// `brottsbalken`, `Kommunallagen`, `visselblåsarlagen`, `lag`.
fn statute_word(i: &str) -> IResult<&str, &str> {
    verify(take_while1(|c: char| is_alpha(c) || c == '-'), |w: &str| {
        let ends = |e: &&str| super::lexical::ends_with_ci(w, e);
        ["lag", "lagen", "balken", "förordning", "förordningen", "ordningen"].iter().any(ends)
            && !["inlagan", "underlag", "förslag"].iter().any(ends)
            && !w.eq_ignore_ascii_case("planlag")
    })
    .parse(i)
}

/// An SFS number in parentheses: `(2017:725)`.
fn sfs_number(i: &str) -> IResult<&str, &str> {
    recognize((
        char('('),
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        char(':'),
        digit1,
        char(')'),
    ))
    .parse(i)
}

/// The letter of an inserted section or chapter: ` a` in `2 a §`.
fn letter_suffix(i: &str) -> IResult<&str, &str> {
    recognize((
        ws1,
        take_while_m_n(1, 1, |c: char| c.is_ascii_lowercase()),
        nom::combinator::peek(ws1),
    ))
    .parse(i)
}

/// `[N kap.] N [a] § [N st.] NAME [(YYYY:N)]`: `31 kap. 3 § brottsbalken`,
/// `6 kap. 36 § kommunallagen (2017:725)`.
fn section_of_statute(i: &str) -> IResult<&str, &str> {
    recognize((
        opt((digit1, opt(letter_suffix), ws1, tag("kap"), opt(char('.')), ws1)),
        digit1,
        opt(letter_suffix),
        ws1,
        char('§'),
        statute_after_section,
    ))
    .parse(i)
}

/// What follows the `§` of [`section_of_statute`], `[N st.] NAME [(YYYY:N)]`: ` brottsbalken`
/// in `31 kap. 3 § brottsbalken`, ` 2 st. kommunallagen (2017:725)`. Read once after each `§`
/// by [`anchors`]: most `§` of minutes number a paragraph (`§ 12 Budget`) and cite no statute.
fn statute_after_section(i: &str) -> IResult<&str, &str> {
    recognize((
        opt((ws1, digit1, ws1, alt((tag("st."), tag("st"), tag("stycket"))))),
        ws1,
        statute_word,
        opt((ws1, sfs_number)),
    ))
    .parse(i)
}

/// `NAME (YYYY:N)`: `lagen (1991:1128)`, `Kommunallagen (2017:725)`, `lag (2021:890)`.
fn named_statute(i: &str) -> IResult<&str, &str> {
    recognize((statute_word, ws0, sfs_number)).parse(i)
}

/// A code of statutes and regulations: `HSLF-FS 2022:62`, `SOSFS 2011:9`, `SFS 2017:725`.
fn code_number(i: &str) -> IResult<&str, &str> {
    recognize((
        verify(take_while1(|c: char| c.is_ascii_uppercase() || c == '-'), |s: &str| {
            s == "SFS" || s.ends_with("FS")
        }),
        ws1,
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        char(':'),
        digit1,
    ))
    .parse(i)
}

/// Whether the word at the start of `s` is followed by a parenthesis: `lagen (1991:1128)`.
fn before_parenthesis(s: &str) -> bool {
    let b = s.as_bytes();
    let end = b
        .iter()
        .position(|&c| !(c.is_ascii_alphabetic() || c >= 0x80 || c == b'-'))
        .unwrap_or(b.len());
    b[end..].iter().find(|&&c| c != b' ' && c != b'\t') == Some(&b'(')
}

/// Where a citation may start, found from its fixed marks (every citation has a § or an SFS
/// number's colon): the word starts in the few bytes
/// before a `§` (`31 kap. 3 §`) that a statute follows ([`statute_after_section`]: none before
/// the others could start a [`section_of_statute`], whose `§` is the first after its number),
/// and the word before an SFS number `(YYYY:` or `YYYY:` (`lagen`, `HSLF-FS`). Sorted, without
/// repeats.
fn anchors(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let wordish = super::lexical::is_word_byte;
    let word_start_before = |mut k: usize| {
        while k > 0 && b[k - 1] == b' ' {
            k -= 1;
        }
        while k > 0 && (wordish(b[k - 1]) || b[k - 1] == b'-') {
            k -= 1;
        }
        k
    };
    let mut out = Vec::new();
    for_each_mark(b, |p| {
        if b[p] == 0xA7 {
            // "§" is C2 A7, and ends at `p`.
            if statute_after_section(&text[p + 1..]).is_err() {
                return;
            }
            // Digits start the citation within ~24 bytes before it.
            let from = p.saturating_sub(24);
            out.extend(
                (from..p).filter(|&k| b[k].is_ascii_digit() && (k == 0 || !wordish(b[k - 1]))),
            );
        } else if p >= 4 && b[p - 4..p].iter().all(u8::is_ascii_digit) {
            let q = p - 4;
            if q > 0 && matches!(b[q - 1], b'(' | b' ') {
                out.push(word_start_before(q - 1));
            }
        }
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `f` with the offset of every `:` in `b` and of the second byte (`A7`) of every `§`
/// (`C2 A7`), in order: a citation's fixed marks. Both are rare in minutes (about one byte in
/// a thousand): aho-corasick finds them, its prefilter a vectorised search for two bytes that
/// passes over the text several times faster than a word at a time
/// ([`crate::scan::bytes_either`], what is left where the searcher could not be built).
fn for_each_mark(b: &[u8], mut f: impl FnMut(usize)) {
    static MARKS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    match MARKS.get_or_init(|| AhoCorasick::new([":", "§"]).ok()) {
        Some(search) => search.find_iter(b).for_each(|m| f(m.end() - 1)),
        None => crate::scan::bytes_either(b, 0, b':', 0xA7)
            .filter(|&p| b[p] == b':' || (p > 0 && b[p - 1] == 0xC2))
            .for_each(f),
    }
}

/// Every statute cited in `text`, as written, in order, without repeats.
#[must_use]
pub fn laws(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let bytes = text.as_bytes();
    let mut skip_to = 0;
    for at in anchors(text) {
        if at >= skip_to {
            let here = &text[at..];
            let c = bytes[at];
            let found = if c.is_ascii_digit() {
                section_of_statute(here)
            } else if c.is_ascii_uppercase() && code_number(here).is_ok() {
                code_number(here)
            } else if before_parenthesis(here) {
                named_statute(here)
            } else {
                continue;
            };
            if let Ok((rest, law)) = found {
                skip_to = text.len() - rest.len();
                let law = law.replace('\t', " ");
                if !out.contains(&law) {
                    out.push(law);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{anchors, for_each_mark, laws, section_of_statute};

    /// Every start of a [`section_of_statute`] is an anchor: the `§` that no statute follows
    /// and that [`anchors`] passes over starts none.
    #[test]
    fn anchors_hold_every_section() {
        for text in [
            "enligt 31 kap. 3 § brottsbalken och 6 kap. 36 § kommunallagen (2017:725)",
            "§ 12 (KS 2023/1) och 2 a § lag, 3 § 2 st. kommunallagen, 5 §\tbrottsbalken",
            "§§ 3-4, 4 §\u{a0}lagen, 1 kap. 2 § visselblåsarlagen § 7 Budget 8 § 9",
        ] {
            let (anchors, b) = (anchors(text), text.as_bytes());
            let wordish = crate::parse::lexical::is_word_byte;
            // Where digits start a word, as anchors are found before a `§`.
            for k in (0..b.len()).filter(|&k| k == 0 || !wordish(b[k - 1])) {
                if b[k].is_ascii_digit() && section_of_statute(&text[k..]).is_ok() {
                    assert!(anchors.contains(&k), "{text} {k}");
                }
            }
        }
    }

    #[test]
    fn marks_as_a_byte_loop_finds_them() {
        let texts = [
            "",
            ":",
            "§",
            "enligt 6 kap. 36 § kommunallagen (2017:725), kl. 13:00 §§ 1-3",
            "ç (C3 A7), åäö: ¶ § §",
        ];
        let long = "x".repeat(70) + "lag (2021:890) och 2 §" + &"y".repeat(70) + ":";
        for text in texts.iter().copied().chain([long.as_str()]) {
            let b = text.as_bytes();
            let mut marks = Vec::new();
            for_each_mark(b, |p| marks.push(p));
            let plain: Vec<usize> = (0..b.len())
                .filter(|&p| b[p] == b':' || (b[p] == 0xA7 && p > 0 && b[p - 1] == 0xC2))
                .collect();
            assert_eq!(marks, plain, "{text}");
        }
    }

    #[test]
    fn statutes() {
        assert_eq!(
            laws("enligt 31 kap. 3 § brottsbalken med beslut om särskild utskrivningsprövning"),
            ["31 kap. 3 § brottsbalken"]
        );
        assert_eq!(
            laws("i enlighet med lagen (1991:1128) om psykiatrisk tvångsvård"),
            ["lagen (1991:1128)"]
        );
        assert_eq!(laws("de nya föreskrifterna (HSLF-FS 2022:62) om"), ["HSLF-FS 2022:62"]);
        assert_eq!(laws("(1 kap. 2 § visselblåsarlagen)"), ["1 kap. 2 § visselblåsarlagen"]);
        assert_eq!(
            laws("6 kap. 36 § kommunallagen (2017:725)"),
            ["6 kap. 36 § kommunallagen (2017:725)"]
        );
        assert_eq!(laws("lag (2021:890) om"), ["lag (2021:890)"]);
    }

    #[test]
    fn not_statutes() {
        assert!(laws("Promemorian (Ds 2023:26)").is_empty());
        assert!(laws("svar på remiss (SOU 2017:114)").is_empty());
        assert!(laws("ISO 14 001:2015").is_empty());
        assert!(laws("förslag (2023:1)").is_empty());
    }
}
