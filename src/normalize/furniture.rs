//! Page furniture: lines that belong to the page, not to the text, recognised one at a time.
//!
//! Signature tables ("Ordförandens sign  Justerandens sign  Exp den  Utdragsbestyrkande"),
//! page numbers ("Sida 2(19)", "18 (111)"), rules ("-----"), repeated page headers
//! ("Datum Dnr" and its value line) and the boiler-plate of web pages that host converted PDFs
//! ("Storlek: px", "Transkript"). Each recogniser is a nom parser run with `all_consuming` on a
//! cleaned line; `mod.rs` decides what to do with a match.

use crate::parse::lexical::is_alpha;
use crate::parse::lexical::tag_no_case;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_until, take_while_m_n, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{all_consuming, opt, recognize, verify};
use nom::multi::{fold_many_m_n, many0, many1, separated_list1};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use crate::parse::lexical::{self, ws0, ws1};

/// One cell of a signature table: `Ordförandens sign`, `Justerandens sign`, `Exp den`,
/// `Utdragsbestyrkande`; the signer also in the genitive without `n` (`Ordförandes signatur`,
/// `Sekreterares signatur`), the signatures also in the plural (`Justerandes signaturer`).
fn signature_cell(i: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            alt((
                tag_no_case("ordförandens"),
                tag_no_case("ordförandes"),
                tag_no_case("ordförande"),
                tag_no_case("ordf"),
                tag_no_case("justerandens"),
                tag_no_case("justerandes"),
                tag_no_case("justerarens"),
                tag_no_case("justerares"),
                tag_no_case("justerare"),
                tag_no_case("sekreterarens"),
                tag_no_case("sekreterares"),
                tag_no_case("just"),
            )),
            opt(char('.')),
            ws1,
            alt((tag_no_case("signaturer"), tag_no_case("signatur"), tag_no_case("sign"))),
            opt(char('.')),
        )),
        recognize((tag_no_case("exp"), opt(char('.')), ws1, tag_no_case("den"))),
        tag_no_case("utdragsbestyrkande"),
        tag_no_case("expedierat"),
    ))
    .parse(i)
}

/// A whole signature-table line: `Ordförandens sign\tJusterandens sign\tExp den\tUtdragsbestyrkande`.
pub fn signature_row(i: &str) -> IResult<&str, ()> {
    all_consuming(separated_list1(ws1, signature_cell)).map(|_| ()).parse(i)
}

/// A flattened page's signature footer: a [`signature_row`], or the signers' bare roles
/// before its cells, which on a line of their own would be labels.
///
/// Pattern: `[ROLE ]… CELL[ CELL]…`. Example: `Justerare Utdragsbestyrkande` at the end of
/// `… Protokollsutdrag till Regionfullmäktige Koncernstab ekonomi Justerare Utdragsbestyrkande`.
pub fn page_footer(i: &str) -> IResult<&str, ()> {
    let signer = alt((
        tag_no_case("justerare"),
        tag_no_case("justerande"),
        tag_no_case("ordförande"),
        tag_no_case("sekreterare"),
    ));
    all_consuming((many0(terminated(signer, ws1)), separated_list1(ws1, signature_cell)))
        .map(|_| ())
        .parse(i)
}

/// A rule of dashes, underscores or dots, possibly in columns: `-----\t-----`, `.....`.
pub fn rule(i: &str) -> IResult<&str, ()> {
    all_consuming(many1((take_while1(|c| matches!(c, '-' | '_' | '.' | '=' | '…')), ws0)))
        .map(|_| ())
        .parse(i)
}

/// The separator marker prints between pages with `--paginate_output`: the page number in
/// braces, then dashes.
///
/// Example: `{2}------------------------------------------------`.
pub fn page_separator(i: &str) -> IResult<&str, ()> {
    all_consuming((delimited(char('{'), digit1, char('}')), dash_line)).map(|_| ()).parse(i)
}

/// Three dashes or more and nothing else: the thematic break that pymupdf4llm (`-----`) and
/// LlamaParse (`---`) print between pages.
fn dash_line(i: &str) -> IResult<&str, ()> {
    all_consuming(take_while_m_n(3, usize::MAX, |c| c == '-')).map(|_| ()).parse(i)
}

/// A line that stands for a picture in markdown, whole: an image link as marker prints one
/// (`![](_page_1_Picture_0.jpeg)`), an HTML comment as docling prints a picture's place
/// (`<!-- image -->`) or other converters a page break (`<!-- PageBreak -->`).
pub fn markdown_placeholder(i: &str) -> IResult<&str, ()> {
    let image = (tag("!["), take_until("]("), tag("]("), take_until(")"), char(')'));
    let comment = (tag("<!--"), take_until("-->"), tag("-->"));
    all_consuming(alt((image.map(|_| ()), comment.map(|_| ())))).parse(i)
}

/// The word before a page number, in any case: `Sida`, `Sidan`, `Sid`, `Sid.`, `Blad`.
fn page_word(i: &str) -> IResult<&str, &str> {
    alt((
        tag_no_case("sidan"),
        tag_no_case("sida"),
        recognize((tag_no_case("sid"), opt(char('.')))),
        tag_no_case("blad"),
    ))
    .parse(i)
}

/// A page number and the page count parted by a slash without spaces, the number no greater
/// than the count and the count under a thousand: `3/12` in `Sida 3/12`. Only after the word
/// `Sida`: alone on its line it may be a case number's value under its label (`Dnr` / `5/16`,
/// number 5 of 2016), which must not be set aside.
fn slashed_page(i: &str) -> IResult<&str, &str> {
    let number = |d: &str| d.parse::<u32>().ok();
    verify(recognize((digit1, char('/'), digit1)), |s: &str| {
        let (n, total) = s.split_once('/').unwrap_or_default();
        matches!((number(n), number(total)), (Some(n), Some(t)) if (1..=t).contains(&n) && t < 1000)
    })
    .parse(i)
}

/// A page number with the page count: `Sida 2(19)`, `2(19)`, `18 (111)`, `Sida 3 av 12`,
/// `3 av 12`, `Sida 3/12`, `Blad 2 av 5`.
fn page_of_total(i: &str) -> IResult<&str, &str> {
    let of_total = alt((
        recognize((ws0, delimited(char('('), (ws0, digit1, ws0), char(')')))),
        recognize((ws1, alt((tag("av"), tag("/"))), ws1, digit1)),
    ));
    let mut numbered = recognize((digit1, of_total));
    // A digit starts the number, a letter the word before it: one branch is tried.
    if i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return numbered.parse(i);
    }
    recognize((page_word, ws1, alt((slashed_page, numbered)))).parse(i)
}

/// Whether a line may start a [`page_number`]: an ASCII digit, `-`, or `sid` or `blad` in
/// ASCII letters of either case (the start of every [`page_word`]: no other char lower-cases to
/// these letters).
fn may_start_page_number(line: &str) -> bool {
    let b = line.as_bytes();
    let starts = |w: &[u8]| b.len() >= w.len() && b[..w.len()].eq_ignore_ascii_case(w);
    matches!(b.first(), Some(b'0'..=b'9' | b'-')) || starts(b"sid") || starts(b"blad")
}

/// A page number: `Sida 2(19)`, `2(19)`, `18 (111)`, `Sida 3 av 12`, `Sida 3/12`, `Sida`,
/// `Sid 3`, `Blad 2`, `- 4 -`.
pub fn page_number(i: &str) -> IResult<&str, ()> {
    all_consuming(alt((
        page_of_total,
        // `Sida` alone, the others with their number.
        verify(recognize((page_word, opt((ws1, digit1)))), |w: &str| {
            w.ends_with(|c: char| c.is_ascii_digit()) || w.eq_ignore_ascii_case("sida")
        }),
        recognize((char('-'), ws1, digit1, ws1, char('-'))),
    )))
    .map(|_| ())
    .parse(i)
}

/// The label line of a repeated page header: `Datum Dnr`, `Datum Dnr Sida`.
pub fn page_header_labels(i: &str) -> IResult<&str, ()> {
    all_consuming((
        tag_no_case("datum"),
        ws1,
        tag_no_case("dnr"),
        opt(preceded(ws1, tag_no_case("sida"))),
    ))
    .map(|_| ())
    .parse(i)
}

/// Lines that web pages hosting converted PDFs add around the text:
/// `Storlek: px`, `Starta visningen från sidan:`, `Transkript`, `Download "…"`,
/// `Save this PDF as:`, `WORD PNG TXT JPG`, `Loading.... (view fulltext now)`.
pub fn web_boilerplate(i: &str) -> IResult<&str, ()> {
    // Whole lines and line starts compared as strings: what `all_consuming(tag(…))` and
    // `(tag(…), take_while(|_| true))` accept, without a parser call for each.
    const LINES: &[&str] = &[
        "Storlek: px",
        "Starta visningen från sidan:",
        "Transkript",
        "Save this PDF as:",
        "WORD\tPNG\tTXT\tJPG",
        "WORD PNG TXT JPG",
        "• No results found",
        "N/A",
        "Protected",
        "Copied!",
        "Full text",
    ];
    const STARTS: &[&str] = &["Download \"", "Share \"", "Academic year:", "Loading...."];
    // `(` digits `)`, nom's `digit1` taking ASCII digits.
    let page_count = i
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    if LINES.contains(&i) || STARTS.iter().any(|p| i.starts_with(p)) || page_count {
        Ok(("", ()))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
    }
}

/// Whether a cleaned line is furniture that can be dropped on its own.
#[must_use]
pub fn is_furniture(line: &str) -> bool {
    // Furniture is short; a long line is text (a cheap first look for the common case).
    if line.is_empty() || line.len() > 120 {
        return false;
    }
    // Each grammar can start with only a few bytes (checked before it is tried):
    // - the signature words start with `o`, `j`, `s`, `e` or `u` once lower-cased, and only
    //   these ASCII letters in either case lower-case to them;
    // - a rule starts with `-`, `_`, `.`, `=` or `…` (lead byte E2);
    // - a page number with `Sid` or `Blad` (ASCII case-insensitive), an ASCII digit or `-`
    //   ([`may_start_page_number`]);
    // - the boiler-plate with the first byte of one of its tags (`•` has lead byte E2).
    let b0 = line.as_bytes()[0];
    (matches!(b0, b'o' | b'O' | b'j' | b'J' | b's' | b'S' | b'e' | b'E' | b'u' | b'U')
        && signature_word(line)
        && signature_row(line).is_ok())
        || (matches!(b0, b'-' | b'_' | b'.' | b'=' | 0xE2) && rule(line).is_ok())
        || (may_start_page_number(line) && page_number(line).is_ok())
        || (b0 == b'{' && page_separator(line).is_ok())
        || (matches!(b0, b'!' | b'<') && markdown_placeholder(line).is_ok())
        || (matches!(
            b0,
            b'S' | b'T' | b'W' | b'N' | b'P' | b'C' | b'F' | b'D' | b'A' | b'L' | b'(' | 0xE2
        ) && web_boilerplate(line).is_ok())
}

/// Whether a cleaned line marks the foot or head of a page as surely as a form feed would: a
/// signature table (`Justerandes signatur\tUtdragsbestyrkande`), a page number with the page
/// count (`Sida 3 av 12`, `3(12)`), a running header that numbers its page
/// ([`numbered_running_header`]), or a markdown converter's page separator (`{2}-----`,
/// `-----`; a text that is not markdown has no line of dashes alone). A bare `Sida` or
/// `- 4 -` is not sure enough.
#[must_use]
pub fn is_page_seam_marker(line: &str) -> bool {
    // Asked of every line after the first heading: the two grammars' first bytes first (a
    // signature word's letters as in `is_furniture`; a page number's start), then the grammar,
    // then `is_furniture` as a whole, which the cheap looks imply but do not prove.
    let Some(&b0) = line.as_bytes().first() else { return false };
    let page = || {
        b0 != b'-'
            && may_start_page_number(line)
            && all_consuming(page_of_total).parse(line).is_ok()
    };
    let separator = || match b0 {
        b'{' => page_separator(line).is_ok(),
        b'-' => dash_line(line).is_ok(),
        _ => false,
    };
    line.len() <= 120 && (is_page_edge(line) || ((page() || separator()) && is_furniture(line)))
}

/// Whether a cleaned line is a page's foot or head wherever it stands, in a document's head
/// too: a signature table (`Justerandes signatur\tUtdragsbestyrkande`) or a running header
/// that numbers its page ([`numbered_running_header`]).
#[must_use]
pub fn is_page_edge(line: &str) -> bool {
    let Some(&b0) = line.as_bytes().first() else { return false };
    line.len() <= 120
        && ((matches!(b0, b'o' | b'O' | b'j' | b'J' | b's' | b'S' | b'e' | b'E' | b'u' | b'U')
            && signature_word(line)
            && signature_row(line).is_ok())
            || numbered_running_header(line))
}

/// One word of the name a page header starts with, and the space after it: `KOMMUNSTYRELSEN`,
/// `Hälso- `, `Arbetsutskottet`; never a protocol's title nor `Sida` (the header's next part).
fn header_name_word(i: &str) -> IResult<&str, &str> {
    let word = verify(take_while1(|c: char| is_alpha(c) || c == '-'), |w: &str| {
        lexical::protocol_title(w).is_err() && !w.eq_ignore_ascii_case("sida")
    });
    terminated(word, ws1).parse(i)
}

/// A page header with a protocol's title and the meeting's date, whole:
/// `[NAME] TITLE DATE [PAGE]`, at most five name words; says whether it numbers the page
/// (`Sida 2 av 3`, `2(3)`, or `Sida 2` after the title and date).
///
/// Example: `KOMMUNSTYRELSEN\tPROTOKOLL\t2017-10-03` (pdftotext -layout),
/// `Kommunstyrelsen protokoll 2017-10-03 Sida 2 av 3`, `Kommunstyrelsen\tProtokoll\t2024-03-12\tSida
/// 3` (a markdown table's header row).
fn dated_title_header(i: &str) -> IResult<&str, bool> {
    let page = alt((page_of_total, recognize((tag_no_case("sida"), ws1, digit1))));
    all_consuming((
        fold_many_m_n(0, 5, header_name_word, || (), |(), _| ()),
        lexical::protocol_title,
        ws1,
        lexical::date_range,
        opt((ws1, page)),
        ws0,
    ))
    .map(|((), _, _, _, page, _)| page.is_some())
    .parse(i)
}

/// A page header of a name, the protocol's title or none, the meeting's date or none, and the
/// page number with the page count, whole: `NAME [TITLE] [DATE] PAGE`, one to five name words.
///
/// Example: `Arbetsutskottet\tSida 2 av 3`, `Kommunfullmäktige 3(12)`, `KOMMUNSTYRELSEN
/// 2024-03-12 3(12)`, `Kommunstyrelsen\tSammanträdesprotokoll\t2 (3)`.
fn numbered_name_header(i: &str) -> IResult<&str, ()> {
    all_consuming((
        fold_many_m_n(1, 5, header_name_word, || (), |(), _| ()),
        opt((lexical::protocol_title, ws1)),
        opt((lexical::date_range, ws1)),
        page_of_total,
        ws0,
    ))
    .map(|_| ())
    .parse(i)
}

/// Whether a line is a running page header by its own marks, so that it is one even on a single
/// page: a protocol's title and date (`KOMMUNSTYRELSEN\tPROTOKOLL\t2017-10-03`) or a name and
/// the page count (`Arbetsutskottet\tSida 2 av 3`). `mod.rs` sets such a line aside at the
/// edge of a later page.
#[must_use]
pub fn running_header(line: &str) -> bool {
    // Both end in a number: a line without a digit is neither.
    line.len() <= 120
        && line.bytes().any(|b| b.is_ascii_digit())
        && (dated_title_header(line).is_ok() || numbered_name_header(line).is_ok())
}

/// A [`running_header`] that numbers its page (`KOMMUNSTYRELSEN 2024-03-12 3(12)`,
/// `Kommunstyrelsen protokoll 2024-03-12 Sida 3`): a page's edge as surely as a signature
/// table, wherever it stands.
#[must_use]
pub fn numbered_running_header(line: &str) -> bool {
    // A name or title first, a page number last.
    line.len() <= 120
        && line.as_bytes().first().is_some_and(|&c| c.is_ascii_alphabetic() || c == 0xC3)
        && ends_in_page_number(line)
        && (dated_title_header(line).is_ok_and(|(_, paged)| paged)
            || numbered_name_header(line).is_ok())
}

/// Whether a line ends the way a page number does (`(12)`, ` av 12`, ` / 12`, `Sida 3`): a
/// necessary condition of [`numbered_running_header`], read from the end on the bytes (a case
/// number's `/123` is none).
fn ends_in_page_number(line: &str) -> bool {
    let b = line.as_bytes();
    let space = |c: &u8| *c == b' ' || *c == b'\t';
    let trim = |mut n: usize, f: &dyn Fn(&u8) -> bool| {
        while n > 0 && f(&b[n - 1]) {
            n -= 1;
        }
        n
    };
    let end = trim(b.len(), &space);
    let paren = end > 0 && b[end - 1] == b')';
    let after_digits = if paren { trim(end - 1, &space) } else { end };
    let before = trim(after_digits, &|c| c.is_ascii_digit());
    if before == after_digits {
        return false;
    }
    if paren {
        return trim(before, &space).checked_sub(1).is_some_and(|k| b[k] == b'(');
    }
    // A word or sign before the number, after a space: `av`, `/` (spaced), `Sida`.
    let word_end = trim(before, &space);
    if word_end == before {
        return false;
    }
    let head = &b[..word_end];
    let after_space = |n: usize| head.len() == n || space(&head[head.len() - n - 1]);
    (head.ends_with(b"/") && after_space(1))
        || (head.len() >= 2 && head[head.len() - 2..].eq_ignore_ascii_case(b"av") && after_space(2))
        || (head.len() >= 4
            && head[head.len() - 4..].eq_ignore_ascii_case(b"sida")
            && after_space(4))
}

/// A § heading repeated where a paragraph goes on over a page, saying so with `forts.`
/// (fortsättning) before or after it: it only marks the page, and the paragraph's clauses and
/// recipients go on below it.
///
/// Pattern: `[forts.] [SERIES] § N [(forts.)]`, `forts` written once, with or without its
/// full stop, parentheses or a dash. Examples: `KS § 121 (forts.)`, `Forts. KS § 121`,
/// `§ 45 forts`, `SN § 12 - forts.`.
#[must_use]
pub fn continued_heading(line: &str) -> bool {
    // Short, with `forts` among its first or last seven bytes (`(forts.)`), as it starts or
    // ends the line: most lines fail here without a search of the whole line.
    // Before that, the line's first byte (`f`, `F`, `(`) or last (`s`, `S`, `.`, `)`).
    if line.len() > 40 {
        return false;
    }
    let b = line.trim().as_bytes();
    let (Some(first), Some(last)) = (b.first(), b.last()) else { return false };
    let holds = |w: &[u8]| w.windows(4).any(|x| x == b"orts" || x == b"ORTS");
    let starts = b"fF(".contains(first) && holds(&b[..b.len().min(7)]);
    if !(starts || (b"sS.)".contains(last) && holds(&b[b.len().saturating_sub(7)..]))) {
        return false;
    }
    let forts = || {
        recognize((
            opt(char('(')),
            alt((tag("forts"), tag("Forts"), tag("FORTS"))),
            opt(char('.')),
            opt(char(')')),
        ))
    };
    let series = terminated(take_while_m_n(1, 6, |c: char| c.is_uppercase()), ws1);
    let heading = (opt(series), char('§'), ws0, digit1);
    let before = (forts(), ws1, heading);
    let after = (
        (opt(take_while_m_n(1, 6, |c: char| c.is_uppercase())), ws0, char('§'), ws0, digit1),
        ws1,
        opt(terminated(alt((char('-'), char('–'), char(','))), ws0)),
        forts(),
    );
    let whole = |i| all_consuming((alt((recognize(before), recognize(after))), ws0)).parse(i);
    whole(line.trim()).is_ok()
}

/// Whether the first word of `line` (its letters), lower-cased, is a word that starts a
/// signature-table cell: `Ordförandens` in `Ordförandens sign\tJusterandens sign`.
fn signature_word(line: &str) -> bool {
    // The first word's letters (what `split(|c| !is_alpha(c)).next()` gives), lower-cased on
    // the stack when they are Latin-1 (nearly always; asked of every short line), else through
    // `to_lowercase`.
    let first = &line[..lexical::letters_lead_len(line, is_alpha)];
    let mut buf = [0u8; 24];
    let owned: String;
    let first = if let Some(lower) = lexical::latin_1_lowered(first, &mut buf) {
        lower
    } else {
        owned = first.to_lowercase();
        owned.as_str()
    };
    [
        "ordförandens",
        "ordförandes",
        "ordförande",
        "ordf",
        "justerandens",
        "justerandes",
        "justerarens",
        "justerares",
        "justerare",
        "sekreterarens",
        "sekreterares",
        "just",
        "exp",
        "utdragsbestyrkande",
        "expedierat",
    ]
    .contains(&first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stack-lowered first word reads as the `to_lowercase` of the first word did.
    #[test]
    fn continued_headings() {
        for line in
            ["KS § 121 (forts.)", "Forts. KS § 121", "§ 45 forts", "SN § 12 - forts.", "forts § 7"]
        {
            assert!(continued_heading(line), "{line}");
        }
        for line in
            ["KS § 121", "§ 45 Fortsatt arbete", "Forts. på nästa sida", "§ 12 forts. arbete"]
        {
            assert!(!continued_heading(line), "{line}");
        }
    }

    #[test]
    fn signature_word_as_lowercased() {
        let old = |line: &str| {
            let first = line.split(|c: char| !is_alpha(c)).next().unwrap_or("").to_lowercase();
            ["ordförandens", "ordförande", "ordf", "justerandens", "justerandes", "justerarens"]
                .into_iter()
                .chain(["justerares", "justerare", "sekreterarens", "sekreterares", "just", "exp"])
                .chain(["ordförandes"])
                .chain(["utdragsbestyrkande", "expedierat"])
                .any(|w| w == first)
        };
        for line in [
            "ORDFÖRANDENS sign",
            "Ordförande",
            "Justerandes signatur\tUtdragsbestyrkande",
            "UTDRAGSBESTYRKANDE",
            "Exp. den",
            "EXPEDIERAT",
            "Just.",
            "Ordförandenssignaturochmycketmeraänsåhär",
            "Ὀrdf",
            "Sekreterarens",
            "Sekreterare",
            "",
            "§ 3",
            "Utdragsbestyrkandet",
        ] {
            assert_eq!(signature_word(line), old(line), "{line}");
        }
    }

    #[test]
    fn furniture_lines() {
        for line in [
            "Ordförandens sign\tJusterandens sign\tExp den\tUtdragsbestyrkande",
            "Ordförandens sign",
            "Justerandens sign",
            "Ordförandes signatur Justerares signatur Utdragsbestyrkande",
            "Sekreterares signatur\tJusterandes signaturer",
            "Exp den",
            "Utdragsbestyrkande",
            "-------------------\t-------------------\t---------\t--------------------",
            ".....",
            "Sida",
            "2(19)",
            "Sida 2(19)",
            "18 (111)",
            "Sida 3 av 12",
            "Sida 3/12",
            "3 av 12",
            "Sidan 3 av 12",
            "Sid 3",
            "Sid. 3",
            "SIDA 3/12",
            "Blad 2",
            "Blad 2 av 5",
            "Storlek: px",
            "Transkript",
            "Download \"PROTOKOLL (40)\"",
            "(2)",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn running_headers_that_number_their_page_mark_a_seam() {
        for line in [
            "KOMMUNSTYRELSEN 2024-03-12 3(12)",
            "Kommunstyrelsen\tProtokoll\t2024-03-12\tSida 3",
            "Kommunstyrelsen\tSammanträdesprotokoll\t2 (3)",
            "Socialnämnden 2024-03-12 Sida 2 av 5",
            "Arbetsutskottet\tSida 2 av 3",
            "Arbetsutskottet 2 / 3",
            "Kommunstyrelsen Protokoll 2024-03-12 SIDA 4",
        ] {
            assert!(ends_in_page_number(line) && is_page_seam_marker(line), "{line}");
        }
        // No page number, or more than a header: a document list's line, a sentence.
        for line in [
            "Kommunstyrelsens protokoll 2023-11-22",
            "Kommunstyrelsen 2024-03-12",
            "Anna Ek (S)",
            "Beslutet gäller från 2024-03-12 enligt bilaga 3",
            "Kommunstyrelsen beslutar enligt bilaga (3)",
            "Avgifter inom hälsomålet 3",
            "Dnr KS 2023/123",
            "Ärendet återremitteras till nämnden i sin helhet (S)",
        ] {
            assert!(!is_page_seam_marker(line), "{line}");
        }
    }

    /// What PDF-to-markdown converters print around the text: marker's page separators and
    /// image links, docling's image placeholders, other converters' page-break comments.
    #[test]
    fn markdown_furniture() {
        for line in [
            "{2}------------------------------------------------",
            "{12}---",
            "![](_page_1_Picture_0.jpeg)",
            "![Bild 3](images/logo.png)",
            "<!-- image -->",
            "<!-- PageBreak -->",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in ["{2}------------------------------------------------", "-----", "---"] {
            assert!(is_page_seam_marker(line), "{line}");
        }
        for line in [
            "{2} Budget",
            "![](bild.png) visar kartan",
            "<!-- image --> Kommunstyrelsen",
            "<b>Beslut</b>",
            "- Akten",
            "--",
            "-----\t-----",
        ] {
            assert!(!is_page_seam_marker(line), "{line}");
        }
        for line in ["{2} Budget", "![](bild.png) visar kartan", "<!-- image --> Kommunstyrelsen"] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn running_headers_by_their_own_marks() {
        for line in [
            "KOMMUNSTYRELSEN\tPROTOKOLL\t2017-10-03",
            "KOMMUNSTYRELSEN PROTOKOLL 2017-10-03",
            "Kommunstyrelsens arbetsutskott\tSammanträdesprotokoll\t2017-10-03\tSida 2 av 3",
            "Hultsfreds kommun\tProtokollsutdrag\t3 oktober 2017",
            "Protokoll 2017-10-03",
            "Arbetsutskottet\tSida 1 av 3",
            "Kommunfullmäktige 3(12)",
        ] {
            assert!(running_header(line), "{line}");
        }
        for line in [
            "Protokollet justerades 2017-10-10",
            "Protokoll från sammanträdet 2017-10-03 godkänns",
            "Tjänsteskrivelse 2017-09-20",
            "Arbetsutskottets förslag till kommunstyrelsen",
            "Kommunstyrelsen beslutar 2017-10-03",
            "Sida 1 av 3",
            "Kapitel 3(12) och 4",
            "1. Fastigheten Lunden 4:12 säljs för 2,4 miljoner",
            "",
        ] {
            assert!(!running_header(line), "{line}");
        }
    }

    #[test]
    fn not_furniture() {
        for line in [
            "§ 92 Reviderad verksamhetsplan",
            "Beslut",
            "Sida 2 visar tabellen",
            "2024-06-13",
            "Exp den 12 juni",
            "Ordförande",
            "- Akten",
            // A date or a case number alone, a count above its page, a date in a sentence.
            "2024/123",
            "123/2024",
            // A case number of two-digit year alone, as under its `Dnr` label.
            "3/12",
            "5/16",
            "13/12",
            "0/12",
            "den 7/12",
            "Mötet hölls den 3/12",
            "Blad",
            "Sidan",
            "Bladet 2",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
        for line in ["()", "(2a)", "(2", "Transkript ", "Storlek: px.", "N/A/", "Downloads"] {
            assert!(web_boilerplate(line).is_err(), "{line}");
        }
        for line in
            ["(0123)", "Share \"x", "Loading.... (view fulltext now)", "WORD\tPNG\tTXT\tJPG"]
        {
            assert!(web_boilerplate(line).is_ok(), "{line}");
        }
        assert!(page_header_labels("Datum Dnr").is_ok());
        for line in
            ["Justerandes signatur\tUtdragsbestyrkande", "Sida 3 av 12", "3(12)", "Sida 3/12"]
        {
            assert!(is_page_seam_marker(line), "{line}");
        }
        for line in ["Sida", "- 4 -", "Beslut", "Sida 2 visar tabellen", "....."] {
            assert!(!is_page_seam_marker(line), "{line}");
        }
        assert!(page_header_labels("Datum").is_err());
    }
}
