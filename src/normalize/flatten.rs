//! The "flattened" layout: web pages that host converted PDFs (docplayer, 5dok) put each PDF
//! page on one long line that starts with the page number:
//!
//! ```text
//! 1 Socialnämnden (27) Plats och tid Kommunhuset, KS-salen, kl Beslutande Mariette Sjölund (S), …
//! 2 Socialnämnden (27) SN 13 Bidrag till fritidsstudier avseende utbildning inom förskolan Dnr 31/16 …
//! ```
//!
//! [`is_flattened`] recognises the layout for a whole text (several long lines that start with
//! a page number and carry most of the text), and [`split_page`] cuts one page line into
//! pseudo-lines at strong markers only: the running page header, § headings (also the prefix
//! forms `KF § 267`, `SN 13`, `Ks 1`, `KS 107/16`), header and attendance labels
//! (`Plats och tid`, `Beslutande`, `Utses att justera`, …) and paragraph section labels
//! (`Beslut`, `Ärendebeskrivning`, `Expedieras till`, `ARBETSUTSKOTTET BESLUTAR`, …). Ordinary
//! prose is never cut, and nothing here runs on a text that is not flattened, so the long
//! paragraphs of a markdown conversion stay whole. A table of contents (`Innehållsförteckning`,
//! `Ärendelista`) is kept as one pseudo-line, so its entries never look like headings.

use crate::parse::lexical::{is_alnum, is_alpha, lead_len};
use std::sync::OnceLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{opt, recognize, verify};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use crate::parse::lexical::{uint, ws0, ws1};

/// A page line's length from which it counts as a flattened page.
const LONG: usize = 300;

/// The page number that starts a page line: `2 ` in `2 Socialnämnden (27) SN 13 …`, `1` in
/// `1(36) Plats och tid …`.
pub fn page_start(i: &str) -> IResult<&str, u32> {
    (verify(uint, |&n| (1..1000).contains(&n)), nom::combinator::peek(alt((ws1, tag("(")))))
        .map(|(n, _)| n)
        .parse(i)
}

/// A page count in a running header: `Sida 1 (24)`, `1 (35)`, `1(54)`, `(27)`, `(40)`.
///
/// Example: `Sida 3 (24)` in `3 Sammanträdesprotokoll Sida 3 (24) 25 Ändring av dagordningen`.
pub fn page_total(i: &str) -> IResult<&str, &str> {
    let total = delimited(char('('), (ws0, digit1, ws0), char(')'));
    recognize(alt((
        recognize((opt((tag("Sida"), ws1)), digit1, ws0, total)),
        recognize((char('('), ws0, digit1, ws0, char(')'))),
    )))
    .parse(i)
}

/// Whether a text is in the flattened layout: at least two long lines start with a page
/// number (or one, under a web page's `Transkript`), and such lines hold most of the text.
/// A markdown conversion's long paragraphs ("2 § Vårdgivaren ska …") are few and short of that.
#[must_use]
pub fn is_flattened<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> bool {
    let total: usize = lines.clone().map(str::len).sum();
    let transcript = lines.clone().any(|l| l == "Transkript" || l == "Full text");
    let pages: Vec<&str> = lines
        .filter(|l| {
            l.len() >= LONG && page_start(l).is_ok_and(|(r, _)| !r.trim_start().starts_with('§'))
        })
        .collect();
    let in_pages: usize = pages.iter().map(|l| l.len()).sum();
    let enough = pages.len() >= 2 || (transcript && pages.len() == 1);
    enough && in_pages * 10 >= total * 6
}

/// What a marker opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A header or attendance label: `Plats och tid`, `Beslutande`, `Utses att justera`.
    Label,
    /// A paragraph section label that stands on its own line: `Beslut`, `Ärendebeskrivning`.
    Section,
    /// A § heading: `§ 142`, `KF § 267`, `SN 13` (with the document's own prefix).
    Heading,
    /// A decision lead: `ARBETSUTSKOTTET BESLUTAR`, `Socialnämnden beslutar att`.
    Lead,
    /// A table of contents: `Innehållsförteckning`, `Ärendelista`; the rest of the page is kept.
    Contents,
}

/// Header and attendance labels, longest first. Capitalised as written at a line start.
const LABELS: &[&str] = &[
    "Plats och tid för sammanträdet",
    "Plats och tid",
    "Tid och plats",
    "Beslutande ledamöter",
    "Beslutande",
    "Närvarande, ej tjänstgörande ersättare",
    "Ej tjänstgörande ersättare",
    "Ej tjänstgörande",
    "Ej beslutande ersättare",
    "Övriga deltagande",
    "Övriga närvarande",
    "Övriga deltagare",
    "Övriga ersättare",
    "Tjänstgörande ersättare",
    "Närvarande ersättare",
    "Ledamöter",
    "Frånvarande",
    "Anmält förhinder",
    "Tjänstemän",
    "Tjänsteman",
    "Tjänstepersoner",
    "Närvarorätt",
    "NÄRVARANDE",
    "Utses att justera",
    "Justeringens plats och tid",
    "Tid och plats för justering",
    "Underskrifter",
    "Underskrift",
    "Paragrafer",
    "Sekreterare",
    "Ordförande",
    "Justerande",
    "Justerare",
    "ANSLAG/BEVIS",
    "BEVIS OM ANSLAG",
    "Bevis om anslag",
    "Organ",
    "Sammanträdesdatum",
    "Datum för anslags uppsättande",
    "Förvaringsplats för protokollet",
];

/// Paragraph section labels that open a section on their own line.
const SECTIONS: &[&str] = &[
    "Förslag till beslut",
    "Ärendebeskrivning",
    "Beslutsunderlag",
    "Expedieras till",
    "Expedieras",
    "Beslutet skickas till",
    "Beslut skickas till",
    "Beslutet sänds till",
    "Expedierat till",
    "Expediering",
    "Beslutet expedieras till",
    "Beslutet delges",
    "Protokollet skickas till",
    "Protokollsutdrag skickas till",
    "Protokollsutdrag till",
    "Utdrag skickas till",
    "Utdrag till",
    "Exp till",
    "Exp. till",
    "Exp.",
    "Exp",
    "Beslutsexpediering",
    "Sändlista",
    "Kopia till",
    "Yrkanden",
    "Yrkande",
    "Reservationer",
    "Reservation",
    "Protokollsanteckning",
    "Särskilt yttrande",
    "Jäv",
    "Omröstning",
    "Votering",
    "Propositionsordning",
    "Sammanfattning av ärendet",
    "Sammanfattning",
    "Ärendet",
    "Bakgrund",
    "Bedömning",
    "Beslut",
];

/// Tables of contents.
const CONTENTS: &[&str] =
    &["Innehållsförteckning", "Ärendelista", "Föredragningslista", "INNEHÅLLSFÖRTECKNING"];

/// A word table indexed by first byte: the entries that start with each byte, in table order.
struct ByFirstByte(Vec<Vec<&'static str>>);

impl ByFirstByte {
    fn new(words: &[&'static str]) -> Self {
        let mut lists = vec![Vec::new(); 256];
        for w in words {
            // Every entry is two bytes long or more (see `one_of`).
            lists[usize::from(w.as_bytes()[0])].push(*w);
        }
        Self(lists)
    }
}

/// The tables [`one_of`] looks in, indexed once.
fn indexed(table: Table) -> &'static ByFirstByte {
    static INDEXES: [OnceLock<ByFirstByte>; 3] = [const { OnceLock::new() }; 3];
    let (slot, words) = match table {
        Table::Contents => (0, CONTENTS),
        Table::Labels => (1, LABELS),
        Table::Sections => (2, SECTIONS),
    };
    INDEXES[slot].get_or_init(|| ByFirstByte::new(words))
}

/// For each [`Table`] (by `table as usize`) and first byte, the second bytes of its entries that
/// start with that byte, each as bit `second % 64`: a first look at a word's first two bytes
/// that rules out nearly every word before the table's list is read.
const SECOND_BYTES: [[u64; 256]; 3] = {
    let mut bits = [[0u64; 256]; 3];
    let tables =
        [(Table::Contents, CONTENTS), (Table::Labels, LABELS), (Table::Sections, SECTIONS)];
    let mut t = 0;
    while t < tables.len() {
        let (table, words) = tables[t];
        let mut k = 0;
        while k < words.len() {
            // Every entry is two bytes long or more (see `one_of`).
            let w = words[k].as_bytes();
            bits[table as usize][w[0] as usize] |= 1 << (w[1] % 64);
            k += 1;
        }
        t += 1;
    }
    bits
};

/// A table of words [`one_of`] looks in.
#[derive(Clone, Copy)]
enum Table {
    Contents,
    Labels,
    Sections,
}

/// One of the words of `table` as a whole word (or phrase) at the start of `i`, the first in
/// table order.
///
/// Tried at most word starts of a page, and nearly always ruled out by the first two bytes
/// ([`SECOND_BYTES`]): always inlined, so that a word that starts no entry costs no call (merely
/// `#[inline]`, it stayed a call with the list search inlined into it).
#[allow(clippy::inline_always)]
#[inline(always)]
fn one_of(table: Table, i: &str) -> Option<(&str, &str)> {
    // Every entry is two bytes long or more, so a shorter `i` starts with none.
    let &[first, second] = i.as_bytes().first_chunk::<2>()?;
    if SECOND_BYTES[table as usize][usize::from(first)] >> (second % 64) & 1 == 0 {
        return None;
    }
    listed(table, i)
}

/// [`one_of`] after its first look: the entries with `i`'s first byte keep their table order,
/// and its second byte rules out nearly all of them (`Ö`, `Ä` and `Å` share their first byte).
/// Never inlined: the first look stays small where it is inlined.
#[inline(never)]
fn listed(table: Table, i: &str) -> Option<(&str, &str)> {
    let head = i.as_bytes();
    indexed(table).0[usize::from(head[0])].iter().filter(|w| w.as_bytes()[1] == head[1]).find_map(
        |w| {
            let r = i.strip_prefix(w)?;
            r.chars().next().is_none_or(|c| !is_alnum(c)).then(|| (r, &i[..w.len()]))
        },
    )
}

/// A section label and the rest after it, when what follows does not read as the label's own
/// sentence going on: `Beslut - beslutar …`, `Beslut Kommunstyrelsen beslutar`, but not
/// `Beslut om policy för internationellt arbete` (a title). Also a body's own proposal or
/// decision: `Arbetsutskottets förslag till kommunstyrelsen`, `Kommunstyrelsens beslut`, but
/// not one with its date, which a list of documents cites (`Beslutsunderlag Kommunstyrelsens
/// förslag 2019-01-29, § 8`).
///
/// `next` and `word` are [`next_word_first`] of `i`, which the caller may have found already.
fn section_label(i: &str, next: Option<u8>, word: usize) -> Option<(&str, &str)> {
    let (r, label) = one_of(Table::Sections, i).or_else(|| {
        // The word after a one-word genitive (`Kommunstyrelsens beslut`), or the elided first
        // part or adjective that starts a longer one (`Barn- och utbildningsnämndens beslut`,
        // `Tekniska nämndens förslag`).
        let longer = || next == Some(b'-') || crate::parse::bodies::is_body_adjective(&i[..word]);
        if !next.is_some_and(|b| b"fb".contains(&b)) && !longer() {
            return None;
        }
        let (r, l) = body_section(i).ok()?;
        // A date after it cites the decision (`Kommunstyrelsens förslag 2019-01-29, § 8`); a
        // point's number opens its list (`Kommunstyrelsens beslut 1. Delårsrapporten …`).
        let after = r.trim_start();
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let point = (1..=2).contains(&digits) && after[digits..].starts_with(". ");
        (digits == 0 || point).then_some((r, l))
    })?;
    let next = r.trim_start_matches([' ', ':']);
    let ok = next.is_empty()
        || next.starts_with(|c: char| !c.is_lowercase())
        || next.starts_with("att ");
    ok.then_some((r, label))
}

/// The first byte of the word after the first one of `i` (its letters, then spaces): whether
/// it is one of `fb` is a necessary condition of [`body_section`] (`… förslag`, `… beslut`),
/// one of `BbFf` of [`decision_lead`] (`… BESLUTAR`, `… föreslår`), checked before they look
/// the first word up among body words. Their `ws1` takes only whitespace, and the word after
/// it starts with a letter, so this skip stops where theirs does. [`marker`] finds it once for
/// both. Also the length of the first word (its letters), in bytes.
fn next_word_first(i: &str) -> (Option<u8>, usize) {
    // Nearly always the first word is ASCII letters and the gap ASCII white space: read as
    // bytes. An ASCII byte after the letters is none (`is_alpha` holds for no other ASCII
    // char), and ASCII white space is `\t`–`\r` and the space for `char::is_whitespace`; only
    // a non-ASCII byte, which may start a letter or a space, needs the chars read.
    let b = i.as_bytes();
    let letters = crate::parse::lexical::ascii_letters_len(b);
    if b.get(letters).is_none_or(u8::is_ascii) {
        let gap = b[letters..].iter().take_while(|c| matches!(c, b'\t'..=b'\r' | b' ')).count();
        let first = b.get(letters + gap).copied();
        if first.is_none_or(|c| c.is_ascii()) {
            return (first, letters);
        }
    }
    let word = crate::parse::lexical::letters_lead_len(i, is_alpha);
    let rest = &i[word..];
    let rest = &rest[lead_len(rest, char::is_whitespace)..];
    (rest.as_bytes().first().copied(), word)
}

/// A body's own proposal or decision label: `Arbetsutskottets förslag till kommunstyrelsen`,
/// `Arbetsutskottets förslag`, `Kommunstyrelsens beslut`, `Barn- och utbildningsnämndens
/// beslut` (the genitive as `frame::genitive_body` reads it, capitalised).
///
/// Example: `Arbetsutskottets förslag till kommunstyrelsen Arbetsutskottet föreslår …`.
pub fn body_section(i: &str) -> IResult<&str, &str> {
    recognize((
        verify(crate::parse::frame::genitive_body, |w: &str| {
            w.starts_with(|c: char| c.is_uppercase())
        }),
        ws1,
        alt((
            recognize((tag("förslag till beslut"),)),
            recognize((tag("förslag till"), ws1, take_while1(is_alpha))),
            tag("förslag"),
            tag("beslut"),
        )),
        nom::combinator::peek(alt((ws1, nom::combinator::eof, tag(":")))),
    ))
    .parse(i)
}

/// A body's decision lead in capitals or with a body word: `ARBETSUTSKOTTET BESLUTAR`,
/// `Socialnämnden beslutar att`, `Kommunstyrelsen beslutar`.
///
/// Example: `ARBETSUTSKOTTET BESLUTAR att notera informationen`.
pub fn decision_lead(i: &str) -> IResult<&str, &str> {
    recognize((
        verify(take_while1(is_alpha), |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && crate::parse::bodies::is_body_word(w)
        }),
        ws1,
        alt((tag("BESLUTAR"), tag("beslutar"), tag("FÖRESLÅR"), tag("föreslår"))),
    ))
    .parse(i)
}

/// A heading without `§` that uses the document's `prefix`: `SN 13 Bidrag …`, `KS 107/16
/// Strategisk plan`, `KSAU 130/2014 Dnr …`.
fn prefixed_number<'a>(prefix: &str, i: &'a str) -> Option<&'a str> {
    let r = i.strip_prefix(prefix)?;
    let (r, _) = (
        ws1,
        verify(uint, |&n| n < 1000),
        opt(preceded(char('/'), take_while_m_n(2, 4, |c: char| c.is_ascii_digit()))),
        ws1,
    )
        .parse(r)
        .ok()?;
    r.starts_with(|c: char| c.is_uppercase()).then_some(r)
}

/// Words before a `§ N` that show it is cited, not a heading: `enligt § 5`, `i § 12`, and the
/// signature block's label of the paragraphs it covers (`Paragrafer § 45-52 Maria Sund`).
const CITING: &[&str] = &[
    "enligt",
    "i",
    "och",
    "samt",
    "se",
    "till",
    "av",
    "kap",
    "kap.",
    "med",
    "under",
    "från",
    "§§",
    "Paragrafer",
];

/// The marker at the start of `i`, if any. `before` is the text before it on the page line;
/// `prefix` the document's heading prefix for headings without `§`.
#[must_use]
pub fn marker(i: &str, before: &str, prefix: Option<&str>) -> Option<Marker> {
    // Every marker starts with a capital or `§`: most words are ruled out at once.
    if !i.starts_with(|c: char| c.is_uppercase() || c == '§') {
        return None;
    }
    if one_of(Table::Contents, i).is_some() {
        return Some(Marker::Contents);
    }
    if one_of(Table::Labels, i).is_some() {
        return Some(Marker::Label);
    }
    let (next, word) = next_word_first(i);
    if section_label(i, next, word).is_some() {
        return Some(Marker::Section);
    }
    // Only the end of `before` matters: it can be a whole page long. Looked at only under a
    // heading (most words start none). A heading never follows a comma: `Kommunstyrelsens
    // förslag 2019-01-29, § 8` cites one.
    let cited = || {
        let end = before.trim_end();
        end.ends_with(',') || end.rsplit([' ', '\t']).next().is_some_and(|w| CITING.contains(&w))
    };
    // A heading's sign (`§`, `Paragraf` in any case) starts `i` or the word after its first
    // run of letters and a gap of spaces (see `paragraphs::heading`): the gap is whitespace,
    // so the sign's first byte is then `next` too. Most capitalised words have neither.
    let sign_first = |b: u8| matches!(b, 0xC2 | b'p' | b'P');
    let may_be_heading = sign_first(i.as_bytes()[0]) || next.is_some_and(sign_first);
    if may_be_heading && crate::parse::paragraphs::heading(i).is_ok() && !cited() {
        return Some(Marker::Heading);
    }
    // `Sn 50 Au 84 Sn 34 Au 57 Dnr …`: numbers of earlier handling right after a heading.
    let after_heading = || {
        let words: Vec<&str> = before.split_whitespace().take(9).collect();
        !words.is_empty()
            && words.len() < 9
            && words.len().is_multiple_of(2)
            && words.chunks(2).all(|c| {
                c[1].parse::<u32>().is_ok() && c[0].starts_with(|ch: char| ch.is_uppercase())
            })
    };
    if let Some(p) = prefix
        && prefixed_number(p, i).is_some()
        && !after_heading()
    {
        return Some(Marker::Heading);
    }
    // A mixed-case lead starts a sentence; one in capitals stands out anyway. A sentence
    // starts after a full stop or a colon, and after a title's last word, which no sentence
    // runs on from in lower case: a capitalised word, a number, a parenthesis (`… Norrby 4:12,
    // Vansbro Kommunstyrelsen beslutar att …`); `… i enlighet med att Kommunstyrelsen beslutar`
    // goes on with its sentence.
    let sentence_start = || {
        let end = before.trim_end();
        let last = end.rsplit(' ').next().unwrap_or("");
        end.is_empty()
            || end.ends_with(['.', ':'])
            || last.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || last.ends_with(')')
    };
    if next.is_some_and(|b| b"BbFf".contains(&b))
        && let Ok((_, lead)) = decision_lead(i)
        && (sentence_start() || lead.chars().filter(|&c| is_alpha(c)).all(char::is_uppercase))
    {
        return Some(Marker::Lead);
    }
    None
}

/// The heading prefix a flattened text uses without `§` (`SN`, `Sn`, `Ks`, `KS`, `KSAU`): the
/// most frequent `PREFIX N Title` at a word start, if any. Written in capitals or as a
/// capital and one or two letters, so `Bilaga 1 Protokoll` does not count.
#[must_use]
pub fn heading_prefix<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for line in lines {
        let bytes = line.as_bytes();
        // A word start is the line's start or right after a space: a space is a whole
        // character, and the byte after it starts one. Only there is the character looked at.
        // A prefix counts only where its letters run to a space and a digit follows (`SN 13`):
        // the digits with a space before them are found eight bytes at a time, and the word
        // start before each, after the last space before it, is the only one whose word can
        // end there (a word holds no space). Each word start is so found once, in order.
        let starts =
            crate::scan::bytes_marked(bytes, 1, |x| crate::scan::bytes_in_range(x, b'0', b'9'))
                .filter(|&d| bytes[d - 1] == b' ')
                .map(|d| line[..d - 1].rfind(' ').map_or(0, |p| p + 1));
        for at in starts {
            let upper = match bytes.get(at) {
                None => false,
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                Some(_) => line[at..].chars().next().is_some_and(char::is_uppercase),
            };
            if upper {
                let rest = &line[at..];
                // Only a word of two to five letters counts: a sixth letter rules the word out
                // before the rest of it is read.
                let mut letters = 0;
                let len = lead_len(rest, |c| {
                    letters += 1;
                    letters <= 6 && is_alpha(c)
                });
                if letters > 6 {
                    continue;
                }
                // `PREFIX N`: a space and a digit after the word, or nothing to count.
                let numbered = rest.as_bytes().get(len) == Some(&b' ')
                    && rest.as_bytes().get(len + 1).is_some_and(u8::is_ascii_digit);
                if !numbered {
                    continue;
                }
                let word = rest[..len].to_string();
                let n = word.chars().count();
                let caps = word.chars().all(char::is_uppercase);
                let short = n <= 3 && word.chars().skip(1).all(char::is_lowercase);
                let excluded = ["Nr", "Kl", "Tid", "Den", "Dnr", "Kap", "Sid", "Och", "Vid", "Av"]
                    .contains(&word.as_str());
                if (2..=5).contains(&n)
                    && (caps || short)
                    && !excluded
                    && prefixed_number(&word, &line[at..]).is_some()
                {
                    match counts.iter_mut().find(|(w, _)| *w == word) {
                        Some(e) => e.1 += 1,
                        None => counts.push((word, 1)),
                    }
                }
            }
        }
    }
    counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(w, _)| w)
}

/// A page line cut into pseudo-lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The page number the line started with.
    pub number: Option<u32>,
    /// The running header before the page count (`Socialnämnden`, `Sammanträdesprotokoll`).
    pub header: Option<String>,
    /// The page count (`Sida 1 (24)`, `(27)`).
    pub total: Option<String>,
    /// The content, cut at markers.
    pub pieces: Vec<String>,
}

/// Cuts one page line into its page number, running header, and content pieces.
///
/// Example: `3 Sammanträdesprotokoll Sida 3 (24) 25 Ändring av dagordningen Ärendebeskrivning
/// Ordföranden föreslår …` → page 3, header `Sammanträdesprotokoll`, total `Sida 3 (24)`,
/// pieces `25 Ändring av dagordningen`, `Ärendebeskrivning`, `Ordföranden föreslår …`.
#[must_use]
pub fn split_page(line: &str, prefix: Option<&str>) -> Page {
    let mut page = Page::default();
    let mut s = line.trim();
    if let Ok((r, n)) = page_start(s) {
        page.number = Some(n);
        s = r.trim_start();
    }
    // The running header: text up to a page count among the first words.
    if let Some((at, len)) = find_total(s) {
        let head = s[..at].trim();
        if !head.is_empty() {
            page.header = Some(head.to_string());
        }
        page.total = Some(s[at..at + len].trim().to_string());
        s = s[at + len..].trim_start();
    } else if let Some(n) = page.number {
        // `VILHELMINA KOMMUN PROTOKOLL 3 Sn 49 …`: the page number again ends the header.
        let words: Vec<&str> = s.split(' ').take(6).collect();
        if let Some(k) = words.iter().position(|w| w.parse::<u32>() == Ok(n))
            && k > 0
            && words[..k].iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            let at: usize = words[..k].iter().map(|w| w.len() + 1).sum();
            page.header = Some(s[..at].trim().to_string());
            s = s[at + words[k].len()..].trim_start();
        }
    }
    page.pieces = split_content(s, prefix);
    page
}

/// Where a page count sits among the first eight words of a page line.
fn find_total(s: &str) -> Option<(usize, usize)> {
    let mut words = 0;
    let mut prev = ' ';
    for (at, c) in s.char_indices() {
        if prev == ' ' {
            if let Ok((r, _)) = page_total(&s[at..])
                && r.chars().next().is_none_or(|c| c == ' ')
            {
                return Some((at, s.len() - at - r.len()));
            }
            words += 1;
            if words > 8 {
                return None;
            }
        }
        prev = c;
    }
    None
}

/// The bytes of `x` (eight text bytes, little-endian) that are an ASCII capital or a lead byte
/// from 0xC0 on, after a space in `x` or first in it, as their high bits.
fn capitals_after_spaces(x: u64) -> u64 {
    use crate::scan::{HIGHS, bytes_equal, bytes_in_range};
    let starts = bytes_in_range(x, b'A', b'Z') | (x & (x << 1) & HIGHS);
    starts & ((bytes_equal(x, b' ') << 8) | 0x80)
}

/// The length of a heading's sign and number at the start of `i`, which no later marker may cut
/// (`KS § 46 ` in `KS § 46 Dnr 2021/97 Svar på …`, whose `§ 46` is a heading too); the first
/// word of a heading without `§` (`SN 13 Bidrag …`).
fn heading_len(i: &str) -> usize {
    match crate::parse::paragraphs::heading(i) {
        // The heading's rest is what follows its number, trimmed: it ends where `i` does,
        // but for the white space after it.
        Ok((_, h)) => i.trim_end().len().saturating_sub(h.rest.len()),
        Err(_) => i.find(' ').map_or(i.len(), |p| p + 1),
    }
}

/// Where a labelled case number ends `before`, the text before a heading: `Dnr SN 2015/103`
/// in `… Expedieras till: Socialförvaltningen Dnr SN 2015/103 § 56 Ärende …`, where the case
/// number is printed above the heading (it would else end the recipients). Looked for among
/// the last four words: a label and a number of at most three words.
fn dnr_above(before: &str) -> Option<usize> {
    let text = before.trim_end();
    let starts = text.rmatch_indices(' ').take(4).map(|(at, _)| at + 1).chain([0]);
    starts.filter(|&at| text[at..].starts_with(['D', 'd'])).find(|&at| {
        let read = (crate::parse::dnr::label, crate::parse::dnr::labelled_one).parse(&text[at..]);
        read.is_ok_and(|(r, _)| r.trim().is_empty())
    })
}

/// Cuts page content before every marker; a section label also ends its pseudo-line, and a
/// table of contents runs to the end of the page.
fn split_content(s: &str, prefix: Option<&str>) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut skip_to = 0;
    let bytes = s.as_bytes();
    // Every marker starts with a capital or `§` at the start or after a space: an ASCII
    // capital, or the lead byte of a two- or three-byte character (`Ä`, `§`; a lead byte of
    // valid UTF-8 from 0xC0 on is one from 0xC2 on). They are found eight bytes at a time, the
    // rest of the words skipped unread; a word's first byte is marked whatever comes before it
    // and checked here.
    let starts = crate::scan::bytes_marked(bytes, 0, capitals_after_spaces)
        .filter(|&at| at == 0 || bytes[at - 1] == b' ');
    for at in starts {
        if at < skip_to {
            continue;
        }
        let Some(m) = marker(&s[at..], &s[start..at], prefix) else { continue };
        // The heading's own case number above it stands on a line of its own.
        let dnr_at = if m == Marker::Heading { dnr_above(&s[start..at]) } else { None };
        if let Some(k) = dnr_at {
            if k > 0 {
                pieces.push(s[start..start + k].trim().to_string());
            }
            pieces.push(s[start + k..at].trim().to_string());
        } else if at > start {
            pieces.push(s[start..at].trim().to_string());
        }
        start = at;
        match m {
            Marker::Contents => {
                pieces.push(s[at..].trim().to_string());
                return pieces;
            }
            Marker::Section => {
                let (next, word) = next_word_first(&s[at..]);
                let (r, _) = section_label(&s[at..], next, word).unwrap_or(("", ""));
                let end = s.len() - r.len();
                let r2 = r.trim_start_matches([':', ' ']);
                pieces.push(s[at..end].trim().to_string());
                start = s.len() - r2.len();
                skip_to = start;
            }
            Marker::Heading => skip_to = at + heading_len(&s[at..]),
            Marker::Lead | Marker::Label => {
                // Do not cut again inside the marker's own words.
                skip_to = at + s[at..].find(' ').map_or(s.len() - at, |p| p + 1);
            }
        }
    }
    if start < s.len() {
        pieces.push(s[start..].trim().to_string());
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_word_first_reads_chars_as_bytes() {
        // The chars read as first written.
        fn by_chars(i: &str) -> Option<u8> {
            let rest = i.trim_start_matches(is_alpha);
            rest.trim_start_matches(char::is_whitespace).as_bytes().first().copied()
        }
        for i in [
            "Kommunstyrelsen beslutar",
            "Beslut\t\x0bFörslag",
            "Ärendet  \u{a0}beslut",
            "KS \u{2003}föreslår",
            "Arbetsutskottets\u{a0} förslag",
            "Nämnden",
            "Nämnden ",
            "Ab\u{301}c d",
            "Ab1 x",
            "A Ö",
            "",
        ] {
            let word = i.len() - i.trim_start_matches(is_alpha).len();
            assert_eq!(next_word_first(i), (by_chars(i), word), "{i:?}");
        }
    }

    #[test]
    fn second_bytes_are_the_tables() {
        for (table, words) in
            [(Table::Contents, CONTENTS), (Table::Labels, LABELS), (Table::Sections, SECTIONS)]
        {
            for c in 0..=255u8 {
                for d in 0..=255u8 {
                    let same = words
                        .iter()
                        .any(|w| w.as_bytes()[0] == c && w.as_bytes()[1] % 64 == d % 64);
                    let bit = SECOND_BYTES[table as usize][usize::from(c)] >> (d % 64) & 1 == 1;
                    assert_eq!(bit, same, "{c} {d}");
                }
            }
            // The plain search, every entry in table order.
            let plain = |i: &str| -> Option<usize> {
                words.iter().find_map(|w| {
                    let r = i.strip_prefix(w)?;
                    r.chars().next().is_none_or(|c| !is_alnum(c)).then_some(w.len())
                })
            };
            let tails = ["", " x", ":", "s", "1"];
            let others =
                ["", "B", "Be", "Ö", "Öv", "Ärende", "Plats", "Kommunstyrelsen", "ÄR", "§ 5"];
            for w in words.iter().copied().chain(others) {
                for tail in tails {
                    let i = format!("{w}{tail}");
                    assert_eq!(one_of(table, &i).map(|(_, l)| l.len()), plain(&i), "{i}");
                }
            }
        }
    }

    #[track_caller]
    fn check(line: &str, prefix: Option<&str>, header: Option<&str>, pieces: &[&str]) {
        let p = split_page(line, prefix);
        assert_eq!(p.header.as_deref(), header, "{line}");
        assert_eq!(p.pieces, pieces, "{line}");
    }

    #[test]
    fn socialnamnden() {
        check(
            "2 Socialnämnden (27) SN 13 Bidrag till fritidsstudier avseende utbildning inom förskolan Dnr 31/16 XXXX XXXX, anställd",
            Some("SN"),
            Some("Socialnämnden"),
            &[
                "SN 13 Bidrag till fritidsstudier avseende utbildning inom förskolan Dnr 31/16 XXXX XXXX, anställd",
            ],
        );
        check(
            "1 Socialnämnden (27) Plats och tid Kommunhuset, KS-salen, kl Beslutande Mariette Sjölund (S), ordförande Ingvor Regnemer (S) Övriga deltagande Ersättare: Birgitta Westman (S) ej 13",
            None,
            Some("Socialnämnden"),
            &[
                "Plats och tid Kommunhuset, KS-salen, kl",
                "Beslutande Mariette Sjölund (S), ordförande Ingvor Regnemer (S)",
                "Övriga deltagande Ersättare: Birgitta Westman (S) ej 13",
            ],
        );
    }

    #[test]
    fn attendance_and_signatures() {
        check(
            "1 PROTOKOLL 1 (14) Beslutande Ledamöter Ewa Sandberg (S), ordförande Sara Mäkinen (SD) Ersättare Peter Hallin (S) tjänstgör för Anna Åberg (S) Närvarande ersättare Kerstin Ljung (L) Sekreterare Paragrafer § 45-52 Maria Sund",
            None,
            Some("PROTOKOLL"),
            &[
                "Beslutande",
                "Ledamöter Ewa Sandberg (S), ordförande Sara Mäkinen (SD) Ersättare Peter Hallin (S) tjänstgör för Anna Åberg (S)",
                "Närvarande ersättare Kerstin Ljung (L)",
                "Sekreterare",
                "Paragrafer § 45-52 Maria Sund",
            ],
        );
    }

    #[test]
    fn prefixed_heading_after_a_dated_header() {
        check(
            "3 PROTOKOLL 3 (14) Sammanträdesdatum Kommunstyrelsen 2021-05-10 KS § 46 Dnr 2021/97 Svar på medborgarförslag om utegym i Västerby Beslut Kommunstyrelsen beslutar att bifalla medborgarförslaget.",
            None,
            Some("PROTOKOLL"),
            &[
                "Sammanträdesdatum Kommunstyrelsen 2021-05-10",
                "KS § 46 Dnr 2021/97 Svar på medborgarförslag om utegym i Västerby",
                "Beslut",
                "Kommunstyrelsen beslutar att bifalla medborgarförslaget.",
            ],
        );
        check(
            "3 att anlägga ett utegym under 2022. Jäv Lina Axelsson (C) anmäler jäv och deltar inte i handläggningen av ärendet. Särskilt yttrande Sara Mäkinen (SD) lämnar ett särskilt yttrande.",
            None,
            None,
            &[
                "att anlägga ett utegym under 2022.",
                "Jäv",
                "Lina Axelsson (C) anmäler jäv och deltar inte i handläggningen av ärendet.",
                "Särskilt yttrande",
                "Sara Mäkinen (SD) lämnar ett särskilt yttrande.",
            ],
        );
    }

    #[test]
    fn a_case_number_above_a_heading() {
        check(
            "3 beslutar att godkänna förslaget. Expedieras till: Socialförvaltningen Dnr SN 2015/103 § 56 Ärende om avgifter",
            None,
            None,
            &[
                "beslutar att godkänna förslaget.",
                "Expedieras till",
                "Socialförvaltningen",
                "Dnr SN 2015/103",
                "§ 56 Ärende om avgifter",
            ],
        );
    }

    #[test]
    fn case_labels() {
        check(
            "2 RS § 201 Diarienummer RS 2017-04512 Delårsrapport augusti 2017 Ärendet Regionstyrelsen har att ta ställning till delårsrapport. Bakgrund Enligt budgeten ska Ärendet har beretts av förvaltningen.",
            None,
            None,
            &[
                "RS § 201 Diarienummer RS 2017-04512 Delårsrapport augusti 2017",
                "Ärendet",
                "Regionstyrelsen har att ta ställning till delårsrapport.",
                "Bakgrund",
                "Enligt budgeten ska Ärendet har beretts av förvaltningen.",
            ],
        );
    }

    #[test]
    fn expedition_labels() {
        check(
            "4 lägga redovisningen till handlingarna. Protokollsutdrag till Regionledningskontoret Patientnämnden",
            None,
            None,
            &[
                "lägga redovisningen till handlingarna.",
                "Protokollsutdrag till",
                "Regionledningskontoret Patientnämnden",
            ],
        );
        check(
            "4 bevilja ansökan. Exp till Sökanden Beslutsexpediering Akten",
            None,
            None,
            &["bevilja ansökan.", "Exp till", "Sökanden", "Beslutsexpediering", "Akten"],
        );
        check(
            "2 reserverar sig mot beslutet. Exp: Hembygdsföreningen Ekonomikontoret",
            None,
            None,
            &["reserverar sig mot beslutet.", "Exp", "Hembygdsföreningen Ekonomikontoret"],
        );
        check(
            "2 Delårsrapport 2024 Kommunstyrelsens beslut 1. Delårsrapporten godkänns.",
            None,
            None,
            &["Delårsrapport 2024", "Kommunstyrelsens beslut", "1. Delårsrapporten godkänns."],
        );
        // A genitive of several words: an elided first part, an adjective.
        check(
            "2 Godkännande av dagordning Barn- och utbildningsnämndens beslut Dagordningen godkänns.",
            None,
            None,
            &[
                "Godkännande av dagordning",
                "Barn- och utbildningsnämndens beslut",
                "Dagordningen godkänns.",
            ],
        );
        check(
            "2 Riktlinjer Tekniska nämndens förslag till kommunfullmäktige Kommunfullmäktige beslutar att anta riktlinjerna.",
            None,
            None,
            &[
                "Riktlinjer",
                "Tekniska nämndens förslag till kommunfullmäktige",
                "Kommunfullmäktige beslutar att anta riktlinjerna.",
            ],
        );
        check(
            "2 enligt förvaltningens förslag. Exp.: Trafikverket, Region Dalarna",
            None,
            None,
            &["enligt förvaltningens förslag.", "Exp.", "Trafikverket, Region Dalarna"],
        );
    }

    #[test]
    fn eslov_sections() {
        check(
            "3 Sammanträdesprotokoll Sida 3 (24) 25 Ändring av dagordningen Ärendebeskrivning Ordföranden föreslår att ärende 6 utgår Beslut - beslutar i enlighet med ordförandens förslag.",
            None,
            Some("Sammanträdesprotokoll"),
            &[
                "25 Ändring av dagordningen",
                "Ärendebeskrivning",
                "Ordföranden föreslår att ärende 6 utgår",
                "Beslut",
                "- beslutar i enlighet med ordförandens förslag.",
            ],
        );
    }

    #[test]
    fn vilhelmina_header_and_lead() {
        check(
            "3 VILHELMINA KOMMUN PROTOKOLL 3 Sn 49 Sammanträdets öppnande, formalia. Sn Ordförande Annika Wibrell öppnade",
            Some("Sn"),
            Some("VILHELMINA KOMMUN PROTOKOLL"),
            &["Sn 49 Sammanträdets öppnande, formalia. Sn", "Ordförande Annika Wibrell öppnade"],
        );
        check(
            "4 VILHELMINA KOMMUN PROTOKOLL 4 Roland Bång Socialnämnden Sn 50 Au 84 Sn 34 Au 57 Dnr 2016/ Budget",
            Some("Sn"),
            Some("VILHELMINA KOMMUN PROTOKOLL"),
            &["Roland Bång Socialnämnden", "Sn 50 Au 84 Sn 34 Au 57 Dnr 2016/ Budget"],
        );
        // After a title's last word, capitalised or a number, a lead starts a sentence.
        check(
            "4 § 48 Detaljplan för Norrby 4:12, Vansbro Kommunstyrelsen beslutar att anta detaljplanen",
            None,
            None,
            &[
                "§ 48 Detaljplan för Norrby 4:12, Vansbro",
                "Kommunstyrelsen beslutar att anta detaljplanen",
            ],
        );
        check(
            "4 § 61 Årsredovisning 2023 Kommunstyrelsen beslutar att godkänna den, då att Kommunstyrelsen beslutar om",
            None,
            None,
            &[
                "§ 61 Årsredovisning 2023",
                "Kommunstyrelsen beslutar att godkänna den, då att Kommunstyrelsen beslutar om",
            ],
        );
        check(
            "4 anse motionen besvarad. Sammanfattning Motionären föreslår att. Expedieras: Ekonomiavdelningen",
            None,
            None,
            &[
                "anse motionen besvarad.",
                "Sammanfattning",
                "Motionären föreslår att.",
                "Expedieras",
                "Ekonomiavdelningen",
            ],
        );
        check(
            "4 X år ARBETSUTSKOTTET BESLUTAR att notera informationen",
            None,
            None,
            &["X år", "ARBETSUTSKOTTET BESLUTAR att notera informationen"],
        );
    }

    #[test]
    fn contents_stay_whole_and_citations_do_not_cut() {
        check(
            "2(36) Kommunstyrelsens arbetsutskott Ärendelista 26 Dnr KS 2018/14 Information... 3 27 Dnr KS 2018/124 Årsredovisning",
            None,
            None,
            &[
                "Kommunstyrelsens arbetsutskott",
                "Ärendelista 26 Dnr KS 2018/14 Information... 3 27 Dnr KS 2018/124 Årsredovisning",
            ],
        );
        check(
            "2 Beslutsunderlag Kommunstyrelsens förslag 2019-01-29, § 8 Yrkanden Karin Lund (M) yrkar avslag.",
            None,
            None,
            &[
                "Beslutsunderlag",
                "Kommunstyrelsens förslag 2019-01-29, § 8",
                "Yrkanden",
                "Karin Lund (M) yrkar avslag.",
            ],
        );
        check(
            "5 enligt § 5 Kommunallagen gäller detta",
            None,
            None,
            &["enligt § 5 Kommunallagen gäller detta"],
        );
    }

    #[test]
    fn capitals_after_spaces_are_marked() {
        for c in 0..=255u8 {
            for d in [b' ', b'a', b'A', 0xC3, 0xC2, 0xE2, 0] {
                let x = u64::from_le_bytes([c, d, c, b' ', c, d, b'Q', c]);
                let m = capitals_after_spaces(x);
                let b = x.to_le_bytes();
                for k in 0..8 {
                    let start = b[k].is_ascii_uppercase() || b[k] >= 0xC0;
                    let want = start && (k == 0 || b[k - 1] == b' ');
                    assert_eq!(m >> (8 * k + 7) & 1 == 1, want, "{c} {d} {k}");
                }
            }
        }
    }

    #[test]
    fn prefixes_and_detection() {
        let lines = ["3 Sn 49 Sammanträdets öppnande", "Au 84 Sn 34 Au 57 Sn 50 Budget"];
        assert_eq!(heading_prefix(lines.iter().copied()).as_deref(), Some("Sn"));
        assert_eq!(
            heading_prefix(["KS 107/16 Strategisk plan KS 108/16 Höjning"].iter().copied())
                .as_deref(),
            Some("KS")
        );
        assert_eq!(heading_prefix(["Bilaga 1 Protokoll"].iter().copied()), None);
        // A prefix at the line start, after two spaces, before a digit run into it, and
        // non-ASCII letters: counted where a space and a digit follow it, and only there.
        let tricky = [
            "SN 13 Bidrag till fritidsstudier Sn 14 Val",
            "Text  Ks 1 Dnr x Ks1 2 Ks 2 Övrigt KSÄ 3 Åb 4 Å 5 9 Ks 3x KS 4 Mål",
            "1 2 3",
            " Ks 5 Start",
            "Äb 7 Ärende Äb 8 Ärende Äb 9 Ärende",
        ];
        assert_eq!(heading_prefix(tricky[..1].iter().copied()).as_deref(), Some("SN"));
        assert_eq!(heading_prefix(tricky[1..2].iter().copied()).as_deref(), Some("Ks"));
        assert_eq!(heading_prefix(tricky.iter().copied()).as_deref(), Some("Ks"));
        assert_eq!(heading_prefix(tricky[2..3].iter().copied()), None);
        let long = format!("1 Kommunstyrelsen (35) {}", "Beslutande Anna Ek (S) ".repeat(20));
        let long2 = format!("2 Kommunstyrelsen (35) {}", "text ".repeat(80));
        assert!(is_flattened([long.as_str(), "", long2.as_str()].iter().copied()));
        let para = format!("2 § Vårdgivaren ska ansvara {}", "för rutiner ".repeat(40));
        assert!(!is_flattened([para.as_str(), "kort"].iter().copied()));
    }
}
