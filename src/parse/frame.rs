//! Framing: the labelled sections of a paragraph ("Beslut", "Expedieras till", "Yrkande"),
//! found by a plain loop over lines with one nom grammar for a label line.
//!
//! A label is a known heading alone on its line (`Beslut`, `Beslut:`), or followed by a colon
//! and a value (`Diarienummer: 23HSN1782`, `Expedieras till: Akten`). Unknown lines stay in the
//! section they are in; nothing here fails.

use super::lexical::{tag_no_case, tag_no_case_of};
use crate::parse::lexical::is_alpha;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{eof, not, opt, recognize, rest};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::lexical::{ws0, ws1};
use crate::normalize::Line;

/// What a section label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "Beslut", "Beslut:", "Kommunstyrelsens beslut".
    Decision,
    /// "Förslag till beslut", "Förvaltningens förslag till beslut".
    Proposal,
    /// "Arbetsutskottets förslag till kommunstyrelsen", "Utskottets förslag": the body's own
    /// decision, which is to propose.
    BodyProposal,
    /// "Expedieras till", "Beslutet skickas till", "Exp till".
    Expedition,
    /// "Diarienummer:", "Dnr", "Ärendenummer:".
    Dnr,
    /// "Ärendeansvarig:".
    CaseOwner,
    /// "Handläggare:".
    Officers,
    /// "Yrkande", "Yrkanden".
    Motions,
    /// "Omröstning", "Votering".
    Vote,
    /// "Reservation", "Protokollsanteckning", "Jäv", "Noteras till protokollet".
    Note,
    /// "Beslutsunderlag", "Handlingar".
    Documents,
    /// "Ärendebeskrivning", "Bakgrund", "Sammanfattning", "Förvaltningens bedömning", …
    Prose,
}

fn end_of_label(i: &str) -> IResult<&str, &str> {
    alt((
        (ws0, opt(char(':')), ws0, eof).map(|_| ""),
        preceded((ws0, char(':'), ws0), rest),
        // A table's label cell and its value cell: `Expedieras till⇥Ekonomiavdelningen`.
        preceded((char('\t'), ws0), rest),
    ))
    .parse(i)
}

/// A body's genitive before "beslut" or "förslag": `Kommunstyrelsens`, `Arbetsutskottets`,
/// `Hälso- och sjukvårdsnämndens`, `Barn- och utbildningsnämndens`, `Tekniska nämndens`.
///
/// Pattern: `[WORD- och ] [ADJECTIVE ] BODYWORDs`, each word read once (this runs on every line
/// that passes the labels' first look).
pub(crate) fn genitive_body(i: &str) -> IResult<&str, &str> {
    let (mut rest, mut word) = take_while1(is_alpha).parse(i)?;
    if let Ok((after, _)) = (tag("-"), ws1, tag("och"), ws1).parse(rest) {
        (rest, word) = take_while1(is_alpha).parse(after)?;
    }
    if super::bodies::is_body_adjective(word) {
        (rest, word) = preceded(ws1, take_while1(is_alpha)).parse(rest)?;
    }
    if !(word.ends_with('s') && super::bodies::is_body_word(&word[..word.len() - 1])) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// "Beslut i" and the body that decided, or a word: `Beslut i kommunstyrelsen`,
/// `Beslut i Hälso- och sjukvårdsnämnden`.
fn decision_in_body(i: &str) -> IResult<&str, &str> {
    recognize((
        tag_no_case("beslut i"),
        ws1,
        alt((super::bodies::body_name, take_while1(is_alpha))),
    ))
    .parse(i)
}

/// The bodies a body's proposal label names: the one that proposes, from its genitive, and
/// the one that is to decide, after `till`.
///
/// Pattern: `GENITIVE förslag [till BODY]`. Example: `Kommunstyrelsens förslag till
/// kommunfullmäktige` → (`Kommunstyrelsen`, `kommunfullmäktige`), `Utskottets förslag` →
/// (`Utskottet`, none).
#[must_use]
pub fn body_proposal_bodies(label: &str) -> (Option<String>, Option<String>) {
    let Ok((rest, genitive)) = genitive_body(label.trim_start()) else { return (None, None) };
    let to = (ws1, tag_no_case("förslag"), ws1, tag_no_case("till"), ws1)
        .parse(rest)
        .ok()
        .and_then(|(r, _)| super::bodies::body_name(r).ok())
        .map(|(_, name)| name.trim().to_string());
    (Some(super::bodies::canonical(genitive)), to)
}

/// First words of the labels below, lower case.
const LABEL_FIRST_WORDS: &[&str] = &[
    "bakgrund",
    "bedömning",
    "beredning",
    "beslut",
    "beslutet",
    "beslutsexpediering",
    "beslutsförslag",
    "beslutsunderlag",
    "bilagor",
    "delges",
    "deltar",
    "diarienr",
    "diarienummer",
    "dnr",
    "ekonomiska",
    "exp",
    "expediering",
    "expedieras",
    "expedierat",
    "föredragande",
    "förslag",
    "förvaltningens",
    "handlingar",
    "handläggare",
    "inledning",
    "jäv",
    "kopia",
    "motivering",
    "noteras",
    "omröstning",
    "omröstningsresultat",
    "propositionsordning",
    "protokollet",
    "protokollsanteckning",
    "protokollsanteckningar",
    "protokollsutdrag",
    "protokollsutdraget",
    "reservation",
    "reservationer",
    "samlad",
    "sammanfattning",
    "skickas",
    "sändes",
    "sändlista",
    "sänds",
    "särskilt",
    "underlag",
    "utdrag",
    "utdraget",
    "votering",
    "yrkande",
    "yrkanden",
    "ärendansvarig",
    "ärendeansvarig",
    "ärendebeskrivning",
    "ärendenr",
    "ärendenummer",
    "ärendet",
    "överläggningar",
];

/// Whether a line can start with a label: its first word is a label's first word, a body's
/// genitive (`Kommunstyrelsens beslut`), or it names a proposal (`Förvaltningens förslag …`).
fn may_start_label(i: &str) -> bool {
    let b = i.as_bytes();
    let ascii_end = super::lexical::ascii_letters_len(b);
    if b.get(ascii_end).is_none_or(u8::is_ascii) {
        // The first word is ASCII letters (nearly every line): lower-cased on the stack. The
        // same word and lower case as below, as ASCII is never alphabetic but for its letters.
        if ascii_end == 0 || ascii_end > 40 {
            return false;
        }
        let mut buf = [0u8; 40];
        buf[..ascii_end].copy_from_slice(&b[..ascii_end]);
        buf.make_ascii_lowercase();
        let lower = std::str::from_utf8(&buf[..ascii_end]).unwrap_or_default();
        return starts_label(i, ascii_end, lower);
    }
    let word = i.split(|c: char| !is_alpha(c)).next().unwrap_or("");
    if word.is_empty() || word.len() > 40 {
        return false;
    }
    // A word of Latin-1 letters (`Ärendet`, nearly all) is lower-cased on the stack.
    let mut buf = [0u8; 40];
    match super::lexical::latin_1_lowered(word, &mut buf) {
        Some(lower) => starts_label(i, word.len(), lower),
        None => starts_label(i, word.len(), &word.to_lowercase()),
    }
}

/// The lengths of the [`LABEL_FIRST_WORDS`] by first byte: most first words are ruled out
/// without comparing them with any.
const FIRST_WORD_LENGTHS: [u32; 256] = super::lexical::first_byte_lengths(LABEL_FIRST_WORDS);

/// Whether `lower` is one of the [`LABEL_FIRST_WORDS`]: the length table first.
fn is_label_first_word(lower: &str) -> bool {
    super::lexical::may_be_listed(&FIRST_WORD_LENGTHS, lower) && LABEL_FIRST_WORDS.contains(&lower)
}

/// [`may_start_label`] for a line `i` whose first word, `len` bytes long, is `lower` in lower
/// case.
///
/// A [`genitive_body`] starts with its genitive word, an elided first part (`Barn- och …`: a
/// hyphen right after the first word) or an adjective (`Tekniska nämndens`); then "beslut" or
/// "förslag" follows it within the head of the line.
///
/// "Förslag" stands in a label's head after a first word that is none of these only as the
/// second word (`Ordförandens förslag till beslut`: the proposal grammar's one word, spaces,
/// then `tag_no_case("förslag till beslut")`), or after a genitive with an elided first part
/// or an adjective (`Tekniska nämndens förslag`): so its search runs only there
/// ([`second_word_may_be_proposal`]).
fn starts_label(i: &str, len: usize, lower: &str) -> bool {
    is_label_first_word(lower)
        || (lower.ends_with('s')
            && super::bodies::is_body_word(&lower[..lower.len() - 1])
            && genitive_may_end_label(i, len))
        || (second_word_may_be_proposal(i, len) && head_names_proposal(i))
        || ((i.as_bytes().get(len) == Some(&b'-') || super::bodies::is_body_adjective(lower))
            && (head_names_decision(i) || head_names_proposal(i)))
}

/// Whether the first word of `i`, `len` bytes of letters, a body's genitive, is followed by
/// spaces and "beslut" or "förslag" as [`genitive_body`]'s labels read them: the body proposal
/// (`genitive_body, ws1, tag_no_case("förslag")`) and the body decision (`genitive_body, ws1,
/// tag_no_case("beslut")`, then [`end_of_label`], whose first char is no ASCII letter). A
/// genitive that [`genitive_body`] reads further (an elided first part, an adjective) and
/// "förslag till beslut" after any first word have their own look in [`starts_label`].
fn genitive_may_end_label(i: &str, len: usize) -> bool {
    second_word(i, len).is_some_and(|b| starts_decision_word(b, 0) || starts_proposal_word(b, 0))
}

/// The bytes after the first word of `i` (`len` bytes) and the spaces after it, where a space
/// follows the word at all: where a label's second word starts.
fn second_word(i: &str, len: usize) -> Option<&[u8]> {
    let rest = &i[len..];
    let after = rest.trim_start_matches(super::lexical::is_space);
    (after.len() < rest.len()).then_some(after.as_bytes())
}

/// Whether "beslut" in any ASCII case stands at `k` in `b`, followed by no ASCII letter (as the
/// decision labels read `tag_no_case("beslut")` then [`end_of_label`]; no non-ASCII char
/// lower-cases to one of its letters).
fn starts_decision_word(b: &[u8], k: usize) -> bool {
    b.get(k..k + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"beslut"))
        && b.get(k + 6).is_none_or(|c| !c.is_ascii_alphabetic())
}

/// Whether "förslag" in any case stands at `k` in `b`: `f` or `F`, `ö` or `Ö`, then `rslag` in
/// any ASCII case (what `tag_no_case("förslag")` reads).
fn starts_proposal_word(b: &[u8], k: usize) -> bool {
    b.get(k).is_some_and(|c| c.eq_ignore_ascii_case(&b'f'))
        && b.get(k + 1) == Some(&0xC3)
        && matches!(b.get(k + 2), Some(0xB6 | 0x96))
        && b.get(k + 3..k + 8).is_some_and(|w| w.eq_ignore_ascii_case(b"rslag"))
}

/// Whether the first word of `i`, `len` bytes of letters, is followed by spaces and a word
/// starting with `f` or `F`: the only chars `tag_no_case("förslag till beslut")` reads as its
/// `f` (no other char lower-cases to `f`).
fn second_word_may_be_proposal(i: &str, len: usize) -> bool {
    second_word(i, len).is_some_and(|b| b.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'f')))
}

/// Whether "beslut" may stand, in any ASCII case, in the first 80 bytes of `i` followed by no
/// ASCII letter: a body's genitive with an elided first part or an adjective is no longer than
/// that (`Hälso- och sjukvårdsnämndens beslut`), and the decision grammar reads
/// `tag_no_case("beslut")` then [`end_of_label`] after it (`… nämnden beslutar:` is no label).
fn head_names_decision(i: &str) -> bool {
    let b = i.as_bytes();
    (0..i.len().min(80))
        .any(|k| b[k].eq_ignore_ascii_case(&b'b') && k + 6 <= 80 && starts_decision_word(b, k))
}

/// Whether "förslag" may stand, in any case, in the first 80 bytes of `i`, where a label's
/// words are: a long line that says "förslag" somewhere in its prose starts no label for that.
///
/// The proposal grammars read `tag_no_case("förslag …")`, so this looks for the lead byte C3
/// of its `ö` or `Ö` (rarer than any letter), then reads the word around it as
/// [`starts_proposal_word`] does: "Ordförandens FÖRSLAG TILL BESLUT" passes as "Ordförandens
/// förslag till beslut" does.
fn head_names_proposal(i: &str) -> bool {
    let head = &i.as_bytes()[..i.len().min(80)];
    crate::scan::bytes_marked(head, 0, |x| crate::scan::bytes_equal(x, 0xC3))
        .any(|k| k > 0 && starts_proposal_word(head, k - 1))
}

/// The first of `tags` that starts the input in any case: `alt` over [`tag_no_case`] of each
/// tag, in order, read in one [`tag_no_case_of`] loop (a byte compare per tag that fails on its
/// first byte, not a parser call through `alt`).
fn any_tag_no_case<'a>(
    tags: &'static [(&'static str, ())],
) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i| tag_no_case_of(tags, i).map(|(rest, (found, ()))| (rest, found))
}

/// A label at the start of a line and the value after it (empty for a label alone).
///
/// Examples: `Beslut:`, `Förslag till beslut`, `Expedieras till`, `Diarienummer: 23HSN1782`,
/// `Ärendansvarig: Anders Sylvan`, `Arbetsutskottets förslag till kommunstyrelsen`.
pub fn label(i: &str) -> IResult<&str, (Label, &str)> {
    // A label line starts with one of the labels' first words (a cheap first look).
    if !may_start_label(i) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    label_grammar(i)
}

/// [`label`] without its first look.
fn label_grammar(i: &str) -> IResult<&str, (Label, &str)> {
    // "Beslut i X" before "Beslut": `alt` does not come back to it when the label's end fails.
    let decision = alt((
        decision_in_body,
        any_tag_no_case(&[("beslutet", ()), ("beslut", ())]),
        recognize((genitive_body, ws1, tag_no_case("beslut"))),
    ));
    let proposal = alt((
        recognize((tag_no_case("förslag till beslut"), opt((ws1, tag("på sammanträdet"))))),
        recognize((take_while1(is_alpha), ws1, tag_no_case("förslag till beslut"))),
        any_tag_no_case(&[("beslutsförslag", ()), ("förslag", ())]),
    ));
    let body_proposal = recognize((
        genitive_body,
        ws1,
        tag_no_case("förslag"),
        opt((ws1, tag("till"), ws1, take_while1(|c: char| is_alpha(c) || c == ' '))),
    ));
    let expedition = alt((
        // `Beslutet skickas till`, `Protokollet skickas till`, `Utdraget expedieras till`, and
        // `Beslutet delges` (the people and offices told of the decision).
        recognize((
            alt((
                tag_no_case("beslutet"),
                tag_no_case("beslut"),
                tag_no_case("protokollet"),
                tag_no_case("protokollsutdraget"),
                tag_no_case("utdraget"),
            )),
            ws1,
            alt((
                recognize((
                    opt((tag("ska"), ws1)),
                    alt((tag("skickas"), tag("expedieras"), tag("sänds"))),
                    ws1,
                    tag("till"),
                )),
                tag("delges"),
            )),
        )),
        recognize((
            alt((tag_no_case("protokollsutdrag"), tag_no_case("utdrag"))),
            ws1,
            opt((tag("skickas"), ws1)),
            tag("till"),
        )),
        // `Protokollsutdrag: Ekonomienheten`: the extract's recipients after a colon.
        recognize((
            alt((tag_no_case("protokollsutdrag"), tag_no_case("utdrag"))),
            nom::combinator::peek((ws0, char(':'))),
        )),
        recognize((tag_no_case("expedieras"), opt((ws1, tag("till"))))),
        recognize((tag_no_case("expedierat"), ws1, tag("till"))),
        recognize((tag_no_case("exp"), opt(char('.')), ws1, tag("till"))),
        // "Exp: Regionfastigheter, Koncernkontoret" (Region Skåne): "Exp" as a whole word.
        recognize((tag_no_case("exp"), opt(char('.')), not(satisfy(is_alpha)))),
        any_tag_no_case(&[
            ("beslutsexpediering", ()),
            // `Delges: Sökanden`: who is told of the decision.
            ("delges", ()),
            ("expediering", ()),
            ("sändlista", ()),
            ("kopia till", ()),
            ("skickas till", ()),
            ("sänds till", ()),
            ("sändes till", ()),
        ]),
    ));
    let dnr = any_tag_no_case(&[
        ("diarienummer", ()),
        ("diarienr", ()),
        ("dnr", ()),
        ("ärendenummer", ()),
        ("ärendenr", ()),
    ]);
    let case_owner = any_tag_no_case(&[("ärendeansvarig", ()), ("ärendansvarig", ())]);
    let officers = any_tag_no_case(&[("handläggare", ()), ("föredragande", ())]);
    let motions = any_tag_no_case(&[("yrkanden", ()), ("yrkande", ())]);
    let vote = any_tag_no_case(&[
        ("omröstning", ()),
        ("votering", ()),
        ("omröstningsresultat", ()),
        ("propositionsordning", ()),
    ]);
    let note = any_tag_no_case(&[
        ("reservationer", ()),
        ("reservation", ()),
        ("protokollsanteckningar", ()),
        ("protokollsanteckning", ()),
        ("noteras till protokollet", ()),
        ("jäv", ()),
        ("särskilt yttrande", ()),
        ("deltar ej i beslutet", ()),
    ]);
    let documents = any_tag_no_case(&[
        ("beslutsunderlag", ()),
        ("handlingar i ärendet", ()),
        ("handlingar", ()),
        ("underlag", ()),
        ("bilagor", ()),
    ]);
    let prose = any_tag_no_case(&[
        ("ärendebeskrivning", ()),
        ("sammanfattning av ärendet", ()),
        ("sammanfattning", ()),
        ("bakgrund", ()),
        ("ärendet", ()),
        ("förvaltningens bedömning", ()),
        ("samlad bedömning", ()),
        ("bedömning", ()),
        ("överläggningar", ()),
        ("ekonomiska konsekvenser", ()),
        ("beredning", ()),
        ("motivering", ()),
        ("inledning", ()),
    ]);
    // Each alternative is tried only where it may read the line: a tag is read only from a
    // line starting with its first letter in either ASCII case or with a non-ASCII char
    // (`Ä`, `ö`, or the Kelvin sign that lower-cases to `k`: such lines try every alternative);
    // a body's genitive only where `genitive_body` reads one, and "förslag till beslut" after
    // any first word only where an `f` or `F` starts the second word. A skipped alternative
    // is one that would fail, so `alt` picks the same one.
    let b0 = i.as_bytes().first().copied().unwrap_or(0);
    let may = |letters: &[u8]| b0 >= 0x80 || letters.contains(&b0.to_ascii_lowercase());
    let genitive = genitive_body(i).is_ok();
    let word = i.len() - i.trim_start_matches(is_alpha).len();
    let second_f = word > 0 && second_word_may_be_proposal(i, word);
    alt((
        when(genitive, (body_proposal.map(|_| Label::BodyProposal), end_of_label)),
        when(may(b"fb") || second_f, (proposal.map(|_| Label::Proposal), end_of_label)),
        when(
            may(b"bpeskud"),
            (expedition.map(|_| Label::Expedition), opt(purpose), end_of_label)
                .map(|(l, _, v)| (l, v)),
        ),
        when(may(b"b") || genitive, (decision.map(|_| Label::Decision), end_of_label)),
        when(
            may(b"d"),
            (dnr.map(|_| Label::Dnr), alt((end_of_label, preceded((opt(char('.')), ws1), rest)))),
        ),
        when(may(b""), (case_owner.map(|_| Label::CaseOwner), end_of_label)),
        when(may(b"hf"), (officers.map(|_| Label::Officers), end_of_label)),
        when(may(b"y"), (motions.map(|_| Label::Motions), end_of_label)),
        when(may(b"ovp"), (vote.map(|_| Label::Vote), end_of_label)),
        when(may(b"rpnjsd"), (note.map(|_| Label::Note), end_of_label)),
        when(may(b"bhu"), (documents.map(|_| Label::Documents), end_of_label)),
        when(may(b"sbfemi"), (prose.map(|_| Label::Prose), end_of_label)),
    ))
    .map(|(l, v): (Label, &str)| (l, v.trim()))
    .parse(i)
}

/// The purpose a recipients' label names in parentheses: ` (för kännedom)` in `Expedieras till
/// (för kännedom):`, ` (för åtgärd)`.
fn purpose(i: &str) -> IResult<&str, &str> {
    recognize((ws0, char('('), nom::bytes::complete::take_while(|c| c != ')'), char(')'))).parse(i)
}

/// `p`, or a failure without reading when `ok` is false (an alternative known to fail).
fn when<'a, O>(
    ok: bool,
    mut p: impl Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>>,
) -> impl Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>> {
    move |i: &'a str| {
        if ok {
            p.parse(i)
        } else {
            Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
        }
    }
}

/// A labelled run of lines in a paragraph.
#[derive(Debug, Clone)]
pub struct Section<'a> {
    /// The label, or `None` for the text before the first label.
    pub label: Option<Label>,
    /// The label line's source line.
    pub line: u32,
    /// The value written after the label on its own line (`Diarienummer: 23HSN1782`).
    pub value: &'a str,
    /// The label line as written (`Kommunstyrelsens förslag till kommunfullmäktige`); empty
    /// for the text before the first label.
    pub head: &'a str,
    /// The lines under the label.
    pub lines: Vec<&'a Line>,
}

/// Splits a paragraph's lines into sections at label lines.
///
/// A label counts only at a line start and, for the prose labels, only as a whole line: a
/// sentence that begins "Bakgrund till ärendet är …" is not a heading.
#[must_use]
pub fn sections(lines: &[Line]) -> Vec<Section<'_>> {
    let mut out = vec![Section {
        label: None,
        line: lines.first().map_or(0, |l| l.no),
        value: "",
        head: "",
        lines: Vec::new(),
    }];
    for line in lines {
        if let Ok((_, (label, value))) = label(&line.text) {
            let value_ok = value.is_empty()
                || matches!(
                    label,
                    Label::Dnr
                        | Label::CaseOwner
                        | Label::Officers
                        | Label::Expedition
                        | Label::Decision
                        | Label::Motions
                );
            if value_ok {
                out.push(Section {
                    label: Some(label),
                    line: line.no,
                    value,
                    head: &line.text,
                    lines: Vec::new(),
                });
                continue;
            }
        }
        if let Some(last) = out.last_mut() {
            last.lines.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<(Label, &str)>) {
        assert_eq!(label(input).ok().map(|x| x.1), expected, "{input}");
    }

    #[test]
    fn first_words() {
        for line in ["Beslut:", "BESLUT", "Överläggningar", "Jäv", "Kommunstyrelsens beslut"] {
            assert!(may_start_label(line), "{line}");
        }
        for line in ["ÄRENDEBESKRIVNING", "Ärendet:", "ÖVERLÄGGNINGAR", "SÄNDLISTA"] {
            assert!(may_start_label(line), "{line}");
        }
        for line in ["Besluta", "", "1. Beslut", "Ärendena"] {
            assert!(!may_start_label(line), "{line}");
        }
        for w in LABEL_FIRST_WORDS.iter().copied().chain(["", "besluta", "dn", "ärend", "x"]) {
            assert_eq!(is_label_first_word(w), LABEL_FIRST_WORDS.contains(&w), "{w}");
        }
    }

    #[test]
    fn proposal_first_look() {
        for line in ["Ordförandens förslag", "X FÖRSLAG", "x FöRsLaG", "Förslag"] {
            assert!(head_names_proposal(line), "{line}");
        }
        for line in ["Ordförandens beslut", "forslag", "fö", "", "x FÖRSLA"] {
            assert!(!head_names_proposal(line), "{line}");
        }
        // Only the head of a line is looked at.
        assert!(!head_names_proposal(&format!("{} förslag", "x".repeat(80))));
    }

    #[test]
    fn labels() {
        check("Beslut", Some((Label::Decision, "")));
        check("Beslut:", Some((Label::Decision, "")));
        check("Kommunstyrelsens beslut", Some((Label::Decision, "")));
        check("Förslag till beslut", Some((Label::Proposal, "")));
        check("Ordförandens förslag till beslut", Some((Label::Proposal, "")));
        // Headings set in capitals: the first look must not be stricter than the grammar.
        check("ORDFÖRANDENS FÖRSLAG TILL BESLUT", Some((Label::Proposal, "")));
        check("Ordförandens Förslag till beslut", Some((Label::Proposal, "")));
        check("Arbetsutskottets förslag till kommunstyrelsen", Some((Label::BodyProposal, "")));
        check("Kommunstyrelsens förslag till kommunfullmäktige", Some((Label::BodyProposal, "")));
        check("Expedieras till", Some((Label::Expedition, "")));
        check("Beslutet skickas till", Some((Label::Expedition, "")));
        // Region Skåne: the minutes, or the extract, are what is sent.
        check("Protokollet skickas till", Some((Label::Expedition, "")));
        check("Utdraget expedieras till", Some((Label::Expedition, "")));
        check("Utdrag till", Some((Label::Expedition, "")));
        check("Beslutet delges", Some((Label::Expedition, "")));
        check("Beslut skickas till:", Some((Label::Expedition, "")));
        check("Sänds till", Some((Label::Expedition, "")));
        check(
            "Sändes till: Kansliet, Per Olsson",
            Some((Label::Expedition, "Kansliet, Per Olsson")),
        );
        check("Beslutet sänds till", Some((Label::Expedition, "")));
        check("Protokollsutdrag: Ekonomienheten", Some((Label::Expedition, "Ekonomienheten")));
        check("Utdrag:", Some((Label::Expedition, "")));
        check("Expediering:", Some((Label::Expedition, "")));
        check("Expedierat till", Some((Label::Expedition, "")));
        check("Protokollsutdrag", None);
        check("Beslut skickas ut i dag.", None);
        check("Utdrag ur protokollet", None);
        check("Protokollet justeras", None);
        check("Exp till: Akten", Some((Label::Expedition, "Akten")));
        // Who is told of the decision; a purpose in parentheses after the label.
        check("Delges:", Some((Label::Expedition, "")));
        check(
            "Delges: Sökanden, Lantmäteriet",
            Some((Label::Expedition, "Sökanden, Lantmäteriet")),
        );
        check("Delges sökanden", None);
        check("Expedieras till (för kännedom):", Some((Label::Expedition, "")));
        check(
            "Beslutet skickas till (för åtgärd): Ekonomienheten",
            Some((Label::Expedition, "Ekonomienheten")),
        );
        check(
            "Expedieras till\tEkonomiavdelningen",
            Some((Label::Expedition, "Ekonomiavdelningen")),
        );
        check(
            "Exp: Regionfastigheter, Koncernkontoret",
            Some((Label::Expedition, "Regionfastigheter, Koncernkontoret")),
        );
        check(
            "Exp: Ekonomienheten, Revisorerna",
            Some((Label::Expedition, "Ekonomienheten, Revisorerna")),
        );
        check("Exp.", Some((Label::Expedition, "")));
        check("Exploateringsavtal för Tomtebo strand", None);
        check("Expertgruppens rapport: se bilaga", None);
        check("Diarienummer: 23HSN1782", Some((Label::Dnr, "23HSN1782")));
        // Örebro kommun labels a paragraph's case number `Ärendenummer`.
        check("Ärendenummer: Kn 45/2024", Some((Label::Dnr, "Kn 45/2024")));
        check("ÄRENDENR KS 2024/12", Some((Label::Dnr, "KS 2024/12")));
        check("Ärendansvarig: Anders Sylvan", Some((Label::CaseOwner, "Anders Sylvan")));
        check(
            "Handläggare: Hanna Wahlund, Katarina Rask",
            Some((Label::Officers, "Hanna Wahlund, Katarina Rask")),
        );
        check("Noteras till protokollet:", Some((Label::Note, "")));
        check("Beslutsunderlag", Some((Label::Documents, "")));
        check("Beslutet innebär att", None);
        check("Beslutade handlingsplan", None);
    }

    /// The first look passes every line the grammar reads.
    #[test]
    fn first_look_holds_to_the_grammar() {
        let lines = [
            "Beslut",
            "Förslag till beslut",
            "Förslag till beslut på sammanträdet",
            "Ordförandens förslag till beslut",
            "ORDFÖRANDENS FÖRSLAG TILL BESLUT",
            "Ordförandens\tFörslag till beslut",
            "Ordförandens\u{a0}förslag till beslut:",
            "Ordförandens  förslag till beslut",
            "Ordförandens förslag",
            "Förvaltningens förslag till beslut",
            "Arbetsutskottets förslag till kommunstyrelsen",
            "Arbetsutskottets förslag",
            "Utskottets förslag",
            "Tekniska nämndens förslag till kommunfullmäktige",
            "Barn- och utbildningsnämndens förslag",
            "Barn- och utbildningsnämndens beslut",
            "Tekniska nämndens beslut",
            "Beslutsförslag",
            "Kommunstyrelsens beslut",
            "Kommunstyrelsens förslag",
            "Förslag:",
            "Presidiets förslag till beslut",
            "Ordförandens förslag: Bifall",
            "Exp: Akten",
            "Beslut i kommunstyrelsen",
            "Protokollsutdrag skickas till",
            "Ärendebeskrivning",
            "Sammanfattning av ärendet",
            "Dnr. 2023/12",
            "Ordförande förslag till beslut",
            "Anna Andersson föreslår bifall",
            "Kommunstyrelsen beslutar",
            "Förvaltningen föreslår",
            "1. Förslag till beslut",
            "Kommunstyrelsens\tbeslut",
            "Kommunstyrelsens\u{a0}beslut:",
            "Kommunstyrelsens   beslut: Bifall",
            "Kommunstyrelsens beslut\tAkten",
            "KOMMUNSTYRELSENS BESLUT",
            "Kommunstyrelsens BESLUT",
            "Kommunstyrelsens FÖRSLAG",
            "Kommunstyrelsens förslag till kommunfullmäktige",
            "Socialnämndens arbetsutskott beslutar:",
            "Socialnämndens beslutar",
            "Socialnämndens förslagsvis",
            "Miljö- och byggnadsnämndens beslut:",
            "Miljö- och byggnadsnämnden beslutar:",
            "Miljö- och byggnadsnämndens beslut\u{a0}",
            "Kultur- och fritidsnämnden beslutar",
            "Tekniska nämndens BESLUT",
        ];
        for line in lines {
            if label_grammar(line).is_ok() {
                assert!(may_start_label(line), "{line}");
            }
        }
        assert!(label_grammar("Presidiets förslag till beslut").is_ok());
        assert!(label_grammar("Kommunstyrelsens\u{a0}beslut:").is_ok());
        assert!(label_grammar("Miljö- och byggnadsnämndens beslut\u{a0}").is_ok());
        // A body deciding in prose starts no label, and is ruled out by the first look.
        for line in [
            "Socialnämndens arbetsutskott beslutar:",
            "Socialnämndens beslutar",
            "Miljö- och byggnadsnämnden beslutar:",
            "Kultur- och fritidsnämnden beslutar",
        ] {
            assert!(label_grammar(line).is_err(), "{line}");
            assert!(!may_start_label(line), "{line}");
        }
    }

    /// A section heading that names who proposes and to whom.
    #[test]
    fn bodies_of_a_body_proposal() {
        let both = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            body_proposal_bodies("Kommunstyrelsens förslag till kommunfullmäktige"),
            both("Kommunstyrelsen", "kommunfullmäktige")
        );
        assert_eq!(
            body_proposal_bodies("Arbetsutskottets förslag till kommunstyrelsen"),
            both("Arbetsutskottet", "kommunstyrelsen")
        );
        assert_eq!(
            body_proposal_bodies("Tekniska nämndens förslag till Kommunfullmäktige:"),
            both("Tekniska nämnden", "Kommunfullmäktige")
        );
        assert_eq!(body_proposal_bodies("Utskottets förslag"), (Some("Utskottet".into()), None));
        assert_eq!(body_proposal_bodies("Förslag till beslut"), (None, None));
    }

    /// The alternatives skipped by their first letter: each label in any case, after a
    /// non-ASCII first char, and after a body's genitive or another first word.
    #[test]
    fn alternatives_by_first_letter() {
        let cases = [
            ("BESLUT", Label::Decision),
            ("Beslut i kommunstyrelsen", Label::Decision),
            ("Kommunstyrelsens beslut", Label::Decision),
            ("Tekniska nämndens beslut", Label::Decision),
            ("Barn- och utbildningsnämndens FÖRSLAG", Label::BodyProposal),
            ("Ordförandens förslag till beslut", Label::Proposal),
            ("ORDFÖRANDENS\u{a0}FÖRSLAG TILL BESLUT", Label::Proposal),
            ("Beslutsförslag", Label::Proposal),
            ("Kopia till", Label::Expedition),
            ("Sändlista", Label::Expedition),
            ("Protokollsutdrag till", Label::Expedition),
            ("DNR 2023/12", Label::Dnr),
            ("ÄRENDEANSVARIG", Label::CaseOwner),
            ("Föredragande", Label::Officers),
            ("Yrkanden", Label::Motions),
            ("Votering", Label::Vote),
            ("Propositionsordning", Label::Vote),
            ("Deltar ej i beslutet", Label::Note),
            ("Jäv", Label::Note),
            ("Underlag", Label::Documents),
            ("Ärendet", Label::Prose),
            ("ÖVERLÄGGNINGAR", Label::Prose),
            ("Motivering", Label::Prose),
            ("Inledning", Label::Prose),
            ("Ekonomiska konsekvenser", Label::Prose),
        ];
        for (line, expected) in cases {
            assert_eq!(label_grammar(line).ok().map(|x| x.1.0), Some(expected), "{line}");
        }
    }

    #[test]
    fn decision_headings_of_named_bodies() {
        // A body with an elided first part, or an adjective, in the genitive before "beslut".
        check("Barn- och utbildningsnämndens beslut", Some((Label::Decision, "")));
        check("Miljö- och byggnämndens beslut:", Some((Label::Decision, "")));
        check("Tekniska nämndens beslut", Some((Label::Decision, "")));
        check("Hälso- och sjukvårdsnämndens beslutade handlingsplan", None);
        check("Tekniska kontorets beslut", None);
        // "Beslut i X": the longer alternative first, as `alt` does not come back to it.
        check("Beslut i kommunstyrelsen", Some((Label::Decision, "")));
        check("Beslut i Hälso- och sjukvårdsnämnden", Some((Label::Decision, "")));
        check("Beslut i kommunstyrelsen 2019-03-12 § 23", None);
        for line in ["Barn- och utbildningsnämndens beslut", "Tekniska nämndens beslut"] {
            assert!(may_start_label(line), "{line}");
        }
    }
}
