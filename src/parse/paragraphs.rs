//! Paragraph (§) headings and titles.
//!
//! [`heading`] is the grammar of the line that opens a paragraph: `§ 92 Reviderad …`, `§76`,
//! `KF § 267 Dnr KS 02-820 107`, `§§ 3–5 Anmälningsärenden`, and, in minutes whose PDF text
//! lost the `§` sign, `Ks 1 Dnr 2012-KS …` or `SN 13 Bidrag …`. The segmenter in `mod.rs`
//! starts a paragraph at every heading line; this module also reads the title that follows.

use super::lexical::tag_no_case;
use crate::parse::lexical::is_alpha;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{opt, rest, verify};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::lexical::{dash, uint, ws0, ws1};

/// A parsed heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading<'a> {
    /// The body prefix written before the number: `KF`, `Ks`, `SN`.
    pub prefix: Option<&'a str>,
    /// The (first) § number.
    pub number: u32,
    /// The last number of a `§§ 3–5` range.
    pub last: Option<u32>,
    /// The rest of the line: title and/or dnr.
    pub rest: &'a str,
}

/// A body prefix before a paragraph number: `KF`, `KS`, `Ks`, `SN`, `Sn`, `Au`, `KSAU`.
fn prefix(i: &str) -> IResult<&str, &str> {
    verify(take_while_m_n(2, 5, is_alpha), |p: &str| {
        p.chars().next().is_some_and(char::is_uppercase)
            && !["Sida", "Kl", "Tid", "Nr", "Bilaga", "Punkt", "Kap", "Den", "Dnr"].contains(&p)
    })
    .parse(i)
}

/// What may follow a heading's number: nothing, or a gap and something that is not a lower-case
/// word (a title, a dnr, a parenthesis). `§ 357.` inside a sentence is not a heading.
fn heading_tail(i: &str) -> IResult<&str, &str> {
    alt((
        verify(rest, |r: &str| r.trim().is_empty()),
        preceded(
            alt((tag(" - "), tag(" – "), ws1)),
            verify(rest, |r: &str| {
                let r = r.trim_start();
                !r.starts_with(|c: char| c.is_lowercase()) && !r.starts_with('§')
            }),
        ),
    ))
    .parse(i)
}

/// A necessary condition for [`heading`], cheap to test on every line: its sign (`§`,
/// `paragraf` in any case) starts the line, or follows the first word and a gap (`KF § 267`).
/// A prefix is all of the line's first run of letters, as a gap must follow it, and the gap
/// all of the spaces after it.
fn may_be_heading(i: &str) -> bool {
    let sign_at = |s: &str| {
        s.starts_with('§')
            || s.as_bytes().get(..8).is_some_and(|w| w.eq_ignore_ascii_case(b"paragraf"))
    };
    if sign_at(i) {
        return true;
    }
    // `Ärende 1 § 88`: the sign after an agenda item's number, whose word starts with `Ä`
    // (its lead byte) or `P`, in either case.
    if matches!(i.as_bytes().first(), Some(0xC3 | b'p' | b'P'))
        && let Some(after) = agenda_item_len(i)
    {
        return sign_at(&i[after..]);
    }
    // The prefix takes two to five letters and a gap must follow them: six ASCII letters at
    // the start (most words the flattening pass asks about) rule it out without walking on.
    if i.as_bytes().get(..6).is_some_and(|w| w.iter().all(u8::is_ascii_alphabetic)) {
        return false;
    }
    let after_word = &i[super::lexical::letters_lead_len(i, is_alpha)..];
    let gap = after_word.trim_start_matches(super::lexical::is_space);
    gap.len() < after_word.len() && sign_at(gap)
}

/// The length of an agenda item's number that a heading's sign follows, with the gap (and a
/// dash or colon) after it: `Ärende 1 ` in `Ärende 1 § 88`, `Punkt 3 – ` in `Punkt 3 – § 90`.
///
/// Pattern: `ÄRENDE|PUNKT NUMBER [-|–|:] `, any case.
fn agenda_item_len(i: &str) -> Option<usize> {
    let word = |i| alt((tag_no_case("ärende"), tag_no_case("punkt"))).parse(i);
    let sep = opt((ws0, alt((dash, tag(":"), tag(".")))));
    let (r, _) = (word, ws1, uint, sep, ws1).parse(i).ok()?;
    Some(i.len() - r.len())
}

/// The § heading of a paragraph.
///
/// Pattern: `[PREFIX ] § NUMBER[/YEAR] [– NUMBER] [TITLE]` or `§§ NUMBER – NUMBER [TITLE]`, the
/// sign also written out (`Paragraf 5`), and after an agenda item's number (`Ärende 1 § 88`).
/// Examples: `§ 90 Val av justerare`, `§76`, `KF § 267 Dnr KS 02-820 107`, `§§ 3–5`,
/// `Paragraf 12 Val av justerare`, `Ärende 2 § 89 Dnr SN 2023/45`, `§ 12/2024` (the number
/// with the year it is counted in, as Netpublicator and some regions print it).
pub fn heading(i: &str) -> IResult<&str, Heading<'_>> {
    if !may_be_heading(i) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let i = &i[agenda_item_len(i).unwrap_or(0)..];
    let range_end = opt(preceded((ws0, dash, ws0), uint));
    let sign = alt((tag("§§"), tag("§"), preceded(tag_no_case("paragraf"), ws1)));
    (
        opt((prefix, ws1)),
        sign,
        ws0,
        uint,
        opt(sub_letter),
        opt(number_year),
        range_end,
        heading_tail,
    )
        .map(|(p, _, _, number, _, _, last, rest)| Heading {
            prefix: p.map(|x| x.0),
            number,
            last,
            rest: rest.trim(),
        })
        .parse(i)
}

/// The year a paragraph's number is counted in, after a slash: `/2024` in `§ 12/2024`, `/24`
/// in `§ 12/24`. No digit may follow it.
fn number_year(i: &str) -> IResult<&str, &str> {
    let (r, y) =
        preceded(char('/'), take_while_m_n(2, 4, |c: char| c.is_ascii_digit())).parse(i)?;
    if y.len() == 3 || r.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((r, y))
}

/// The letter of a paragraph added under another's number, glued to it or after a space:
/// `a` in `§ 46 a⇥Tilläggsärende: Yttrande över remiss`, `b` in `§ 12b`. A letter alone, so
/// that `§ 5 i kommunallagen` keeps its word for [`heading_tail`] to refuse.
fn sub_letter(i: &str) -> IResult<&str, char> {
    let b = i.as_bytes();
    let (at, letter) = match b {
        [c, ..] if c.is_ascii_alphabetic() => (0, *c),
        [b' ', c, ..] if c.is_ascii_lowercase() => (1, *c),
        _ => return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Char))),
    };
    let rest = &i[at + 1..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Char)));
    }
    Ok((rest, char::from(letter)))
}

/// A heading whose `§` was lost in conversion: `Ks 1 Dnr 2012-KS …`, `SN 13 Bidrag …`,
/// `Sn 49 Sammanträdets öppnande`, and the number-and-year forms `KS 107/16 Strategisk plan`
/// (Skövde) and `KSAU 130/2014 Dnr …` (Hultsfred). Only tried where a document has no `§`
/// heading at all.
pub fn bare_heading(i: &str) -> IResult<&str, Heading<'_>> {
    // A cheap necessary condition, as the grammar is tried on every line: the prefix is all of
    // the line's first run of letters (a gap must follow it), then a gap and a digit.
    let after_word = &i[super::lexical::letters_lead_len(i, is_alpha)..];
    let gap = after_word.trim_start_matches(super::lexical::is_space);
    if gap.len() == after_word.len() || !gap.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let year = preceded(char('/'), take_while_m_n(2, 4, |c: char| c.is_ascii_digit()));
    let (r, (p, _, number, _, rest)) = (
        prefix,
        ws1,
        verify(uint, |&n| n < 1000),
        opt(year),
        verify(heading_tail, |r: &str| r.starts_with(|c: char| c.is_uppercase())),
    )
        .parse(i)?;
    let caps = p.chars().filter(|c| c.is_uppercase()).count();
    if caps == 0 || p.chars().count() > 4 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((r, Heading { prefix: Some(p), number, last: None, rest: rest.trim() }))
}

/// Whether a title starts with a capitalised word, a capital and a small letter (`Val av
/// justerare`), as a heading's title does and a number's unit or code does not.
fn starts_a_word(title: &str) -> bool {
    let mut chars = title.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// A heading with its sign after the number, or a full stop after the number: `12 § Val av
/// justerare`, `13 §`, `§ 14. Information om vinterväghållning`, `§ 13.`. Only tried where a
/// document has no other heading: in prose these are statutes (`6 kap. 12 § kommunallagen`)
/// and citations (`enligt § 12.`), so the title must start with a capital and a small letter,
/// or the line end there.
///
/// Pattern: `NUMBER § [TITLE]` or `§ NUMBER. [TITLE]`.
pub fn sign_after_heading(i: &str) -> IResult<&str, Heading<'_>> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    // Both forms start with a digit or the `§` (its lead byte C2): most lines are ruled out.
    if !matches!(i.as_bytes().first(), Some(b'0'..=b'9' | 0xC2)) {
        return Err(fail());
    }
    let number = || verify(uint, |&n| (1..1000).contains(&n));
    let (rest, n) = alt((
        (number(), ws0, tag("§"), opt(char('.'))).map(|(n, _, _, _)| n),
        (tag("§"), ws0, number(), char('.')).map(|(_, _, n, _)| n),
    ))
    .parse(i)?;
    let title = rest.trim();
    if !(title.is_empty() || (rest.starts_with([' ', '\t']) && starts_a_word(title))) {
        return Err(fail());
    }
    Ok(("", Heading { prefix: None, number: n, last: None, rest: title }))
}

/// An agenda item numbered with a full stop, as some minutes without `§` head their
/// paragraphs: `1. Val av justerare`, `12. Motion om cykelbanor`. The title starts with a
/// capital and a small letter and ends in no full stop (`1. Delårsrapporten godkänns.` is a
/// decision's point). Only tried where a document has no other heading, and kept only where
/// the items are the document's paragraphs (`numbered_items` in `mod.rs`).
///
/// Pattern: `NUMBER. TITLE`.
pub fn item_heading(i: &str) -> IResult<&str, Heading<'_>> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    if !i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(fail());
    }
    let (rest, (n, _, _)) = (verify(uint, |&n| (1..1000).contains(&n)), char('.'), ws1).parse(i)?;
    let title = rest.trim();
    if !starts_a_word(title) || title.ends_with(['.', ':', ';', ',']) || title.chars().count() > 120
    {
        return Err(fail());
    }
    Ok(("", Heading { prefix: None, number: n, last: None, rest: title }))
}

/// A heading that is only a number and a capitalised title, as a flattened page starts:
/// `25 Ändring av dagordningen` (Eslöv). Only tried at a page start in a flattened text
/// without any other heading.
pub fn number_heading(i: &str) -> IResult<&str, Heading<'_>> {
    let (r, (number, _, rest)) = (
        verify(uint, |&n| (1..1000).contains(&n)),
        ws1,
        verify(rest, |r: &str| {
            let first = r.split_whitespace().next().unwrap_or("");
            first.chars().count() > 1
                && first.starts_with(|c: char| c.is_uppercase())
                && first.chars().skip(1).all(char::is_lowercase)
                && !r.contains("...")
        }),
    )
        .parse(i)?;
    Ok((r, Heading { prefix: None, number, last: None, rest: rest.trim() }))
}

/// Words after which a capitalised word still belongs to a title: `i Skövde kommun`,
/// `till Konstklubben Gyllen`, and the nouns a place's name follows (`för kvarteret Linden`,
/// `fastigheten Norrby 4:12`).
const TITLE_CONNECTORS: &[&str] = &[
    "kvarteret",
    "kv.",
    "fastigheten",
    "området",
    "stadsdelen",
    "i",
    "för",
    "om",
    "på",
    "till",
    "av",
    "med",
    "från",
    "vid",
    "inom",
    "över",
    "under",
    "mellan",
    "hos",
    "och",
    "samt",
    "mot",
    "gällande",
    "avseende",
    "angående",
    "inför",
    "efter",
    "kring",
    "ur",
    "enligt",
    "-",
    "–",
];

/// Finite verbs that a sentence's subject goes before: a capitalised word before one starts a
/// sentence, not a name in the title (`… Vansbro Kommunstyrelsen beslutar …`, `… Anna Berg (S)
/// Motionären föreslår …`).
const FINITE_VERBS: &[&str] = &[
    "har",
    "hade",
    "är",
    "var",
    "ska",
    "skall",
    "kan",
    "bör",
    "vill",
    "får",
    "fick",
    "ger",
    "gav",
    "föreslår",
    "beslutar",
    "beslöt",
    "beslutade",
    "avser",
    "begär",
    "yrkar",
    "anser",
    "önskar",
    "redovisar",
    "informerar",
    "lämnar",
    "ansöker",
    "inkom",
    "syftar",
    "innebär",
    "gäller",
    "omfattar",
    "visar",
    "beskriver",
    "föreslås",
    "måste",
    "skulle",
    "finns",
    "framgår",
    "behandlades",
    "redovisades",
    "godkändes",
    "antogs",
    "beslutades",
];

/// Words that start a sentence and that no title holds capitalised after its first word:
/// determiners, pronouns and the adverbs that open an account (`… i Sälen Ett
/// medborgarförslag har inkommit …`).
const SENTENCE_STARTS: &[&str] = &[
    "Ett", "En", "Det", "Den", "Detta", "Denna", "Dessa", "Där", "Enligt", "Efter", "Under", "Vid",
    "Inför", "Sedan", "Nu", "Då",
];

/// The title at the start of a flattened heading's text, where nothing marks its end: it ends
/// before a capitalised word that follows a lower-case word other than a connector or a comma
/// (a new sentence), that a finite verb follows (`Kommunstyrelsen beslutar`) or that starts
/// sentences (`SENTENCE_STARTS`), after a full
/// stop, or after the case number a `Dnr` label gives it. A case number ends it before any of
/// these, as long as no sentence ended before it: one after a `Dnr` label in capitals, or one
/// with its series (`Ansökan om bidrag till föreningen Bygdegården Dnr: SN 2023.0456 …`,
/// `… kommunens bolag KS 2023/456-1.4.2 Kommunstyrelsen beslutar …`).
/// `Namninsamling med begäran om folkomröstning Den 14 december 2012 överlämnades …` →
/// `Namninsamling med begäran om folkomröstning`; `Bygglov för nybyggnad av enbostadshus,
/// Norrby 4:12 Dnr BMN 2018-0034 Sökanden har ansökt …` → up to `BMN 2018-0034`.
#[must_use]
pub fn flattened_title(text: &str) -> &str {
    let words: Vec<(usize, &str)> = text
        .char_indices()
        .filter(|&(at, c)| c != ' ' && (at == 0 || text[..at].ends_with(' ')))
        .map(|(at, _)| (at, text[at..].split(' ').next().unwrap_or("")))
        .take(27)
        .collect();
    let case_end = |k: usize, any_label: bool| {
        let (at, w) = words[k];
        if w.starts_with('D') || (any_label && w.starts_with('d')) {
            let read = (super::dnr::label, ws0, super::dnr::labelled_one).parse(&text[at..]);
            if let Ok((mut r, _)) = read {
                // `Dnr MBN 2024/127, MBN 2024/128`: the numbers a comma or `och` joins.
                let more =
                    |i| (alt((tag(", "), tag(" och "))), ws0, super::dnr::labelled_one).parse(i);
                while let Ok((r2, _)) = more(r) {
                    r = r2;
                }
                return Some(text.len() - r.len());
            }
        }
        // A case number with its series, not inside a parenthesis (`(KS 2023/12)` is cited).
        let prev_open = k > 0 && words[k - 1].1.starts_with('(');
        if w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !prev_open
            && let Ok((r, d)) = super::dnr::dnr(&text[at..])
            && d.series.is_some()
            && r.chars().next().is_none_or(|c| c == ' ')
        {
            return Some(text.len() - r.len());
        }
        None
    };
    let mut cut = None;
    for k in 1..words.len() {
        let ((at, w), (_, p)) = (words[k], words[k - 1]);
        let count = k + 1;
        let capital = w.starts_with(|c: char| c.is_uppercase())
            && w.chars().skip(1).take_while(|c| *c != '-').any(char::is_lowercase);
        let sentence_end = p.ends_with('.') && p.trim_end_matches('.').chars().count() > 3;
        if sentence_end && capital {
            cut = cut.or(Some(at));
            break;
        }
        if let Some(end) = case_end(k, cut.is_none()) {
            return text[..end].trim_end();
        }
        if cut.is_some() {
            // The sentence after the title has its verb: a case number in it is cited.
            if FINITE_VERBS.contains(&w) || w == "att" {
                break;
            }
            continue;
        }
        // `enbostadshus, Norrby 4:12`: a name after a comma goes on with the title.
        let after_lower = p.starts_with(|c: char| c.is_lowercase())
            && !p.ends_with(',')
            && !TITLE_CONNECTORS.contains(&p);
        // A subject of one word before its verb, or a body's name of several (`Miljö- och
        // byggnadsnämnden beslutar`).
        let verb_at = |r: &str| {
            r.strip_prefix(' ')
                .and_then(|r| r.split(' ').next())
                .is_some_and(|v| FINITE_VERBS.contains(&v))
        };
        // A body's name is tried only where a verb follows within its four words.
        let verb_near =
            || words[k + 1..(k + 5).min(words.len())].iter().any(|(_, v)| FINITE_VERBS.contains(v));
        let subject = words.get(k + 1).is_some_and(|(_, next)| FINITE_VERBS.contains(next))
            || (capital
                && verb_near()
                && super::bodies::body_name(&text[at..]).is_ok_and(|(r, _)| verb_at(r)));
        if capital && count > 2 && (after_lower || subject || SENTENCE_STARTS.contains(&w)) {
            cut = Some(at);
        }
        if count > 25 {
            cut = Some(at);
        }
    }
    cut.map_or(text, |at| text[..at].trim_end())
}

/// Skips the paragraph numbers of earlier handling that follow a prefixed heading:
/// `Au 84 Sn 34 Au 57 Dnr 2016/ Budget …` (Vilhelmina's `Sn 50` heading) → `Dnr 2016/ Budget …`.
#[must_use]
pub fn skip_cross_references(rest: &str) -> &str {
    let mut r = rest;
    while let Ok((r2, _)) = (prefix, ws1, verify(uint, |&n| n < 1000), ws1).parse(r) {
        if r2.starts_with(|c: char| c.is_lowercase()) {
            break;
        }
        r = r2;
    }
    r
}

/// Skips an agenda item's number that follows a heading's § number, as some minutes print
/// both: `Ärende 5⇥KS 2024/00298` after `§ 121` → `KS 2024/00298`, `Punkt 3 Motion om skolmat`
/// → `Motion om skolmat`. Only before nothing, a case number or a capitalised title: `Ärende
/// 5 utgår` is a title.
///
/// Pattern: `ÄRENDE|PUNKT NUMBER [-|–|:|.] REST`, any case.
#[must_use]
pub fn skip_agenda_item(rest: &str) -> &str {
    // Both words start with `Ä` (its lead byte) or `P`, in either case.
    if !matches!(rest.as_bytes().first(), Some(0xC3 | b'p' | b'P')) {
        return rest;
    }
    let word = |i| alt((tag_no_case("ärende"), tag_no_case("punkt"))).parse(i);
    let sep = opt((ws0, alt((dash, tag(":"), tag(".")))));
    match (word, ws1, verify(uint, |&n| n < 1000), sep, ws0).parse(rest) {
        Ok((r, _)) if r.is_empty() || !r.starts_with(char::is_lowercase) => r,
        _ => rest,
    }
}

/// Whether a line is a table-of-contents entry: a title, dot leaders and a page number
/// (`Årsredovisning 2017 ........ 4`), or a row of a contents table printed in columns whose
/// last cell is a page number after a title (`KS § 45⇥Information från kommundirektören⇥3`,
/// under `Paragraf⇥Ärende⇥Sida` in Meetings Plus and Platina minutes). A heading's own
/// columns hold no bare page number: `§ 12⇥Dnr 2023/45`, `§ 12 Budget⇥2024` are headings.
#[must_use]
pub fn is_toc_entry(line: &str) -> bool {
    // Both forms end in a digit: most lines are ruled out by their last byte.
    if !line.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let t = line.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    if t.ends_with("..") || t.ends_with('…') {
        return true;
    }
    // A page number is a cell of its own, of one to three digits, after a cell holding words.
    line.rsplit_once('\t').is_some_and(|(before, page)| {
        page.len() <= 3
            && page.bytes().all(|b| b.is_ascii_digit())
            && before.contains(|c: char| c.is_lowercase())
    })
}

/// A paragraph list as written after a name or in a note: `§§ 90–91, 93–95, 97`,
/// `§ 92, 96 och 98`, `§§ 1-5`. Ranges are expanded.
pub fn paragraph_list(i: &str) -> IResult<&str, Vec<u32>> {
    let item = (uint, opt(preceded((ws0, dash, ws0), uint))).map(|(a, b)| match b {
        Some(b) if b >= a && b - a < 200 => (a..=b).collect(),
        _ => vec![a],
    });
    let sep = alt((
        nom::combinator::recognize((ws0, char(','), ws0)),
        nom::combinator::recognize((ws1, tag("och"), ws1)),
    ));
    preceded(
        (alt((tag("§§"), tag("§"))), ws0),
        nom::multi::separated_list1(sep, item).map(|v: Vec<Vec<u32>>| v.concat()),
    )
    .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, prefix: Option<&str>, number: u32, rest: &str) {
        let (_, h) = heading(input).expect(input);
        assert_eq!((h.prefix, h.number, h.rest), (prefix, number, rest), "{input}");
    }

    #[test]
    fn headings() {
        check("§ 90 Val av justerare", None, 90, "Val av justerare");
        check("§76", None, 76, "");
        check("KF § 267 Dnr KS 02-820 107", Some("KF"), 267, "Dnr KS 02-820 107");
        check("KF § 266", Some("KF"), 266, "");
        check("§ 142", None, 142, "");
        let (_, h) = heading("Paragraf 12 Val av justerare").expect("written out");
        assert_eq!((h.number, h.rest), (12, "Val av justerare"));
        assert!(heading("Paragraf 5 i reglementet anger").is_err());
        let (_, h) = heading("§§ 3–5 Anmälningsärenden").expect("range");
        assert_eq!((h.number, h.last), (3, Some(5)));
        check("KSAU\u{a0}§ 12 Budget", Some("KSAU"), 12, "Budget");
        check("Sn\t§ 49 Sammanträdets öppnande", Some("Sn"), 49, "Sammanträdets öppnande");
        check("PARAGRAF 7", None, 7, "");
        check("Ärende 1 § 88", None, 88, "");
        check("Ärende 2 § 89 Dnr SN 2023/45", None, 89, "Dnr SN 2023/45");
        check(
            "PUNKT 3 – § 90 Anmälan av delegationsbeslut",
            None,
            90,
            "Anmälan av delegationsbeslut",
        );
        assert!(heading("Ärende 4 behandlades före § 90").is_err());
        // A paragraph added under another's number: its letter is no title.
        check(
            "§ 46 a\tTilläggsärende: Yttrande över remiss",
            None,
            46,
            "Tilläggsärende: Yttrande över remiss",
        );
        check("§ 12b Budget", None, 12, "Budget");
        // The number with its year.
        check("§ 12/2024", None, 12, "");
        check(
            "§ 12/2024 Årsredovisning 2023 RS 2024/88",
            None,
            12,
            "Årsredovisning 2023 RS 2024/88",
        );
        check("KS § 7/24 Budget", Some("KS"), 7, "Budget");
        assert!(heading("§ 12/20245").is_err() && heading("§ 12/202").is_err());
        check("§ 12 a", None, 12, "");
        for line in ["§ 90 Val av justerare", "KF § 267", "Paragraf 12", "Öä  §§ 3", "KSAU § 1"]
        {
            assert!(may_be_heading(line), "{line}");
        }
        for line in
            ["Kommunfullmäktige beslutar", "KF  267 §", "1 § lagen", "KF§ 1", "Protokoll § 4"]
        {
            assert!(!may_be_heading(line) && heading(line).is_err(), "{line}");
        }
    }

    #[test]
    fn not_headings() {
        for line in [
            "§ 357. Riktlinjen revideras",
            "§§ 92, 96 och 98 där Viktoria Jansson",
            "2 § Vårdgivaren ska ansvara",
            "Pia Lundin §§ 90–91, 93–95, 97",
            "§ 5 ärendet bordläggs",
            "§ 5 i kommunallagen",
            "§ 5 a kommunallagen",
            "§ 12 ab Budget",
        ] {
            assert!(heading(line).is_err(), "{line}");
        }
    }

    #[test]
    fn bare_headings() {
        let (_, h) = bare_heading("SN 13 Bidrag till fritidsstudier").expect("sn");
        assert_eq!((h.prefix, h.number), (Some("SN"), 13));
        assert!(bare_heading("KS 2018/14 Information").is_err());
        assert!(bare_heading("Sida 2 Text").is_err());
        assert!(bare_heading("Kl 12.00-13.00 Lunch").is_err());
        let (_, h) = bare_heading("KS 107/16 Strategisk plan med budget").expect("skövde");
        assert_eq!((h.prefix, h.number, h.rest), (Some("KS"), 107, "Strategisk plan med budget"));
        let (_, h) = bare_heading("KSAU 130/2014 Dnr 2014/ Ombudgetering 2014").expect("ksau");
        assert_eq!((h.number, h.rest), (130, "Dnr 2014/ Ombudgetering 2014"));
        let (_, h) = bare_heading("Sn 49 Sammanträdets öppnande, formalia.").expect("sn");
        assert_eq!((h.prefix, h.number), (Some("Sn"), 49));
        let (_, h) = bare_heading("Sn\u{a0} 49 Sammanträdets öppnande").expect("sn, gap");
        assert_eq!((h.prefix, h.number), (Some("Sn"), 49));
        for line in ["SNAB 1x", "SNABBA 13 Bidrag", "SN13 Bidrag", "SN  Bidrag 13", "13 Bidrag"] {
            assert!(bare_heading(line).is_err(), "{line}");
        }
    }

    #[test]
    fn cross_references() {
        assert_eq!(skip_cross_references("Au 84 Sn 34 Au 57 Dnr 2016/ Budget"), "Dnr 2016/ Budget");
        assert_eq!(
            skip_cross_references("Bidrag till fritidsstudier"),
            "Bidrag till fritidsstudier"
        );
    }

    #[test]
    fn flattened_titles() {
        for (text, title) in [
            (
                "Namninsamling med begäran om folkomröstning Den 14 december 2012 överlämnades",
                "Namninsamling med begäran om folkomröstning",
            ),
            ("Sammanträdets öppnande, formalia. Sn", "Sammanträdets öppnande, formalia."),
            (
                "Ansökan om bidrag till Konstklubben Gyllen för verksamhetsåret",
                "Ansökan om bidrag till Konstklubben Gyllen för verksamhetsåret",
            ),
            (
                "Höjning av taxa för den allmänna VA-anläggningen i Skövde kommun",
                "Höjning av taxa för den allmänna VA-anläggningen i Skövde kommun",
            ),
            ("Arrende Skövde Golfklubb, Våmb", "Arrende Skövde Golfklubb, Våmb"),
            ("Detaljplan för kvarteret Linden", "Detaljplan för kvarteret Linden"),
            (
                "Bygglov för fastigheten Norrby 4:12 Dnr BMN 2018-0034 Sökanden har",
                "Bygglov för fastigheten Norrby 4:12 Dnr BMN 2018-0034",
            ),
            (
                "Bygglov för nybyggnad av enbostadshus, Norrby 4:12 Dnr BMN 2018-0034 Sökanden har ansökt om bygglov",
                "Bygglov för nybyggnad av enbostadshus, Norrby 4:12 Dnr BMN 2018-0034",
            ),
            (
                "Föreläggande om åtgärder, Lilla Ek 1:3 Dnr BMN 2017-0211 Nämnden har vid tillsyn",
                "Föreläggande om åtgärder, Lilla Ek 1:3 Dnr BMN 2017-0211",
            ),
            // A case number after the first cut, before any sentence's end.
            (
                "Ansökan om bidrag till föreningen Bygdegården Dnr: SN 2023.0456 Kommunstyrelsens beslut",
                "Ansökan om bidrag till föreningen Bygdegården Dnr: SN 2023.0456",
            ),
            (
                "Delårsrapport för kommunens bolag KS 2023/456-1.4.2 Kommunstyrelsen beslutar att",
                "Delårsrapport för kommunens bolag KS 2023/456-1.4.2",
            ),
            (
                "Informationsärenden Diarienr: 2024/123 - 041 Kommunstyrelsen beslutar att",
                "Informationsärenden Diarienr: 2024/123 - 041",
            ),
            (
                "Tillsyn enligt miljöbalken, Sälen 5:8 Dnr MBN 2024/127, MBN 2024/128 Miljö- och byggnadsnämnden beslutar",
                "Tillsyn enligt miljöbalken, Sälen 5:8 Dnr MBN 2024/127, MBN 2024/128",
            ),
            (
                "Strandskyddsdispens för bastu, Sälen 5:7 (MBN 2024-000124) Miljö- och byggnadsnämnden beslutar att bevilja",
                "Strandskyddsdispens för bastu, Sälen 5:7 (MBN 2024-000124)",
            ),
            (
                "Upphandling av skolskjuts Tekniska nämnden beslutar att",
                "Upphandling av skolskjuts",
            ),
            (
                "Medborgarförslag om belysning i Sälen Ett medborgarförslag har inkommit",
                "Medborgarförslag om belysning i Sälen",
            ),
            ("Val av revisor En ny revisor ska väljas", "Val av revisor"),
            // A subject before its verb starts a sentence.
            (
                "Detaljplan för Norrby 4:12, Vansbro Kommunstyrelsen beslutar att anta",
                "Detaljplan för Norrby 4:12, Vansbro",
            ),
            (
                "Motion från Anna Berg (S) om skolmat Motionären föreslår att",
                "Motion från Anna Berg (S) om skolmat",
            ),
            ("Detaljplan för Norrby Planförslaget syftar till att", "Detaljplan för Norrby"),
            (
                "Svar på motion från Anna Berg (S) Motionären föreslår att",
                "Svar på motion från Anna Berg (S)",
            ),
            // Not a case number cited in the text after a sentence's end or in parentheses.
            ("Val av ombud. Enligt beslut Dnr KS 2023/12 ska", "Val av ombud."),
            ("Motion om skolmat Motionären (KS 2023/12) föreslår", "Motion om skolmat"),
            ("Motion om skolmat Motionären föreslår att KS 2023/12 ska", "Motion om skolmat"),
        ] {
            assert_eq!(flattened_title(text), title);
        }
    }

    #[test]
    fn sign_after_the_number() {
        let read = |i| sign_after_heading(i).map(|(_, h)| (h.number, h.rest));
        assert_eq!(read("12 § Val av justerare"), Ok((12, "Val av justerare")));
        assert_eq!(read("13 §"), Ok((13, "")));
        assert_eq!(
            read("§ 14. Information om vinterväghållning"),
            Ok((14, "Information om vinterväghållning"))
        );
        assert_eq!(read("§ 13."), Ok((13, "")));
        for no in ["12 § kommunallagen", "12 § KL", "§ 12. nämnden", "§ 12", "2024 § 5", "12 §§ 3"]
        {
            assert!(read(no).is_err(), "{no}");
        }
    }

    #[test]
    fn numbered_items() {
        let read = |i| item_heading(i).map(|(_, h)| (h.number, h.rest));
        assert_eq!(read("1. Val av justerare"), Ok((1, "Val av justerare")));
        assert_eq!(read("12. Motion om cykelbanor"), Ok((12, "Motion om cykelbanor")));
        for no in [
            "1. Delårsrapporten godkänns.",
            "1. godkänna rapporten",
            "1.5 Mål",
            "2024. Budget",
            "1. KS",
        ] {
            assert!(read(no).is_err(), "{no}");
        }
    }

    #[test]
    fn agenda_items_after_the_number() {
        assert_eq!(skip_agenda_item("Ärende 5\tKS 2024/00298"), "KS 2024/00298");
        assert_eq!(skip_agenda_item("Ärende 5"), "");
        assert_eq!(skip_agenda_item("Punkt 3: Motion om skolmat"), "Motion om skolmat");
        assert_eq!(skip_agenda_item("Ärende 5 utgår"), "Ärende 5 utgår");
        assert_eq!(skip_agenda_item("Ärendebalans 2024"), "Ärendebalans 2024");
        assert_eq!(skip_agenda_item("Punkter att följa upp"), "Punkter att följa upp");
    }

    #[test]
    fn number_headings() {
        let (_, h) = number_heading("25 Ändring av dagordningen").expect("eslöv");
        assert_eq!((h.number, h.rest), (25, "Ändring av dagordningen"));
        assert!(number_heading("26 Dnr KS 2018/14 Information... 3").is_err());
        assert!(number_heading("2018 Årsredovisning").is_err());
        assert!(number_heading("3 st ledamöter").is_err());
    }

    #[test]
    fn lists() {
        assert_eq!(
            paragraph_list("§§ 90–91, 93–95, 97").map(|x| x.1),
            Ok(vec![90, 91, 93, 94, 95, 97])
        );
        assert_eq!(paragraph_list("§§ 92, 96 och 98").map(|x| x.1), Ok(vec![92, 96, 98]));
        assert!(is_toc_entry("Årsredovisning för Kramfors kommun 2017... 4"));
        assert!(!is_toc_entry("§ 92 Verksamhetsplan 2024"));
    }

    /// A contents table printed in columns (Paragraf, Ärende, Sida), as Meetings Plus and
    /// Platina put before the paragraphs: its rows are no headings.
    #[test]
    fn toc_table_rows() {
        assert!(is_toc_entry("KS § 45\tInformation från kommundirektören\t3"));
        assert!(is_toc_entry("§ 46 Delårsrapport januari–juni 2023\t12"));
        assert!(!is_toc_entry("§ 46\tDelårsrapport januari–juni 2023"));
        assert!(!is_toc_entry("§ 12\tDnr 2023/45"));
        assert!(!is_toc_entry("§ 12\t45"));
        assert!(!is_toc_entry("§ 12 Budget\t2024"));
    }
}
