//! Paragraph (§) headings and titles.
//!
//! [`heading`] is the grammar of the line that opens a paragraph: `§ 92 Reviderad …`, `§76`,
//! `KF § 267 Dnr KS 02-820 107`, `§§ 3–5 Anmälningsärenden`, and, in minutes whose PDF text
//! lost the `§` sign, `Ks 1 Dnr 2012-KS …` or `SN 13 Bidrag …`. The segmenter in `mod.rs`
//! starts a paragraph at every heading line; this module also reads the title that follows.

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
    verify(take_while_m_n(2, 5, char::is_alphabetic), |p: &str| {
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

/// The § heading of a paragraph.
///
/// Pattern: `[PREFIX ] § NUMBER [– NUMBER] [TITLE]` or `§§ NUMBER – NUMBER [TITLE]`.
/// Examples: `§ 90 Val av justerare`, `§76`, `KF § 267 Dnr KS 02-820 107`, `§§ 3–5`.
pub fn heading(i: &str) -> IResult<&str, Heading<'_>> {
    let range_end = opt(preceded((ws0, dash, ws0), uint));
    (opt((prefix, ws1)), alt((tag("§§"), tag("§"))), ws0, uint, range_end, heading_tail)
        .map(|(p, _, _, number, last, rest)| Heading {
            prefix: p.map(|x| x.0),
            number,
            last,
            rest: rest.trim(),
        })
        .parse(i)
}

/// A heading whose `§` was lost in conversion: `Ks 1 Dnr 2012-KS …`, `SN 13 Bidrag …`,
/// `Sn 49 Sammanträdets öppnande`. Only tried where a document has no `§` heading at all.
pub fn bare_heading(i: &str) -> IResult<&str, Heading<'_>> {
    let (r, (p, _, number, rest)) = (
        prefix,
        ws1,
        verify(uint, |&n| n < 1000),
        verify(heading_tail, |r: &str| r.starts_with(|c: char| c.is_uppercase())),
    )
        .parse(i)?;
    let caps = p.chars().filter(|c| c.is_uppercase()).count();
    if caps == 0 || p.chars().count() > 4 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((r, Heading { prefix: Some(p), number, last: None, rest: rest.trim() }))
}

/// Whether a line is a table-of-contents entry: `Årsredovisning 2017 ........ 4`.
#[must_use]
pub fn is_toc_entry(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    t.len() < line.len() && (t.ends_with("..") || t.ends_with('…'))
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
        let (_, h) = heading("§§ 3–5 Anmälningsärenden").expect("range");
        assert_eq!((h.number, h.last), (3, Some(5)));
    }

    #[test]
    fn not_headings() {
        for line in [
            "§ 357. Riktlinjen revideras",
            "§§ 92, 96 och 98 där Viktoria Jansson",
            "2 § Vårdgivaren ska ansvara",
            "Pia Lundin §§ 90–91, 93–95, 97",
            "§ 5 ärendet bordläggs",
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
}
