//! Diarienummer (case numbers) in every spelling met in the corpus, and their canonical key.
//!
//! Two grammars: [`dnr`] accepts only spellings that cannot be mistaken for anything else (a
//! series of capitals plus a year and a number), and is safe to run over free text;
//! [`labelled`] also accepts the bare forms that are only case numbers because a label says so
//! (`Dnr 2016/123`, `Dnr 31/16`, `Dnr KS 02-820 107`). Statutes, reports and standards that look
//! like numbers (`Ds 2023:26`, `ISO 14 001:2015`, `(EU) 2016/679`) are never case numbers.
//!
//! The key is `SERIES-YEAR-NUMBER` (`HSN-2023-1782`), or `YEAR-NUMBER` where the format has no
//! series: equal for `HSN/871/2024`, `HSN-871-2024`, `HSN 2024/871` and `HSN 2024/00871`.

use crate::parse::lexical::{is_alnum, is_alpha};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, one_of};
use nom::combinator::{opt, recognize, verify};
use nom::multi::many1;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::lexical::{is_space, ws0, ws1};
use crate::model::Dnr;

/// Capitals that are never a dnr series: statute and report series, units, currencies.
const NOT_SERIES: &[&str] = &[
    "DS", "SOU", "SFS", "ISO", "EU", "EG", "EEG", "EUT", "PROP", "FS", "SOSFS", "HSLF", "KAP",
    "SEK", "MNKR", "TKR", "KR", "NR", "ID", "COVID", "SS", "EN", "IEC", "AFS", "BFS", "LVFS",
    "MSBFS", "NFS", "TSFS", "SIS", "KL", "LOU", "LSS", "LVU", "LVM", "LPT", "LRV", "HSL", "PBL",
    "SOL",
];

/// A series: 1–7 capital letters (`HSN`, `KS`, `SLK`, `RS`), not a statute or report series.
///
/// Example: `HSN` in `HSN/876/2024`.
///
/// The grammar is `verify(take_while_m_n(1, 7, capital), not in NOT_SERIES)`, read by hand:
/// [`dnr`] reads the series once per alternative at many word starts, so an ASCII capital is
/// told by its byte (`A`–`Z` are the only ASCII chars that are upper case and letters), and
/// the word is ruled out of `NOT_SERIES` as one packed word, not by a search of the list.
pub fn series(i: &str) -> IResult<&str, &str> {
    let b = i.as_bytes();
    let (mut end, mut chars) = (0, 0);
    while chars < 7 && end < b.len() {
        let len = if b[end].is_ascii_uppercase() {
            1
        } else if b[end] >= 0x80 {
            match i[end..].chars().next() {
                Some(c) if c.is_uppercase() && is_alpha(c) => c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        };
        end += len;
        chars += 1;
    }
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::TakeWhileMN)));
    }
    if is_not_series(&i[..end]) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((&i[end..], &i[..end]))
}

/// Up to seven bytes and their length in one word: equal words, equal strings.
const fn packed(b: &[u8]) -> u64 {
    let mut x = (b.len() as u64) << 56;
    let mut k = 0;
    while k < b.len() && k < 7 {
        x |= (b[k] as u64) << (8 * k);
        k += 1;
    }
    x
}

/// [`NOT_SERIES`], each word [`packed`].
const NOT_SERIES_PACKED: [u64; NOT_SERIES.len()] = {
    let mut out = [0; NOT_SERIES.len()];
    let mut k = 0;
    while k < out.len() {
        // A longer entry could never be told apart by `is_not_series`: refuse it at compile time.
        assert!(NOT_SERIES[k].len() <= 7, "a NOT_SERIES entry is longer than seven bytes");
        out[k] = packed(NOT_SERIES[k].as_bytes());
        k += 1;
    }
    out
};

/// Whether `s` is one of [`NOT_SERIES`] (as `NOT_SERIES.contains(&s)`), compared as packed
/// words: every entry is at most seven bytes long.
fn is_not_series(s: &str) -> bool {
    s.len() <= 7 && NOT_SERIES_PACKED.contains(&packed(s.as_bytes()))
}

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |i| take_while_m_n(min, max, |c: char| c.is_ascii_digit())(i)
}

fn year4(i: &str) -> IResult<&str, i32> {
    verify(digits(4, 4).map(|d: &str| d.parse::<i32>().unwrap_or(0)), |y| (1950..=2100).contains(y))
        .parse(i)
}

fn year2(i: &str) -> IResult<&str, i32> {
    digits(2, 2)
        .map(|d: &str| {
            let y = d.parse::<i32>().unwrap_or(0);
            if y < 70 { 2000 + y } else { 1900 + y }
        })
        .parse(i)
}

fn number(i: &str) -> IResult<&str, u32> {
    verify(digits(1, 7).map(|d: &str| d.parse::<u32>().unwrap_or(0)), |&n| n > 0).parse(i)
}

fn no_digit_follows(i: &str) -> IResult<&str, ()> {
    if i.starts_with(|c: char| is_alnum(c)) {
        Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))
    } else {
        Ok((i, ()))
    }
}

/// The parts of a case number before it is given its raw text and key.
type Parts<'a> = (Option<&'a str>, i32, u32);

/// `SERIES/NUMBER/YEAR`, Region Jämtland Härjedalen: `HSN/876/2024`, `RS/99/2024`.
fn series_number_year_slashed(i: &str) -> IResult<&str, Parts<'_>> {
    (series, char('/'), number, char('/'), year4, no_digit_follows)
        .map(|(s, _, n, _, y, ())| (Some(s), y, n))
        .parse(i)
}

/// `SERIES-A-B` with dashes: `HSN-871-2024` (number, year) or `SLK-2025-00283`,
/// `RS-2023-12` (year, number). A four-digit year-like part first is the year.
fn series_dashed(i: &str) -> IResult<&str, Parts<'_>> {
    let (rest, (s, _, a, _, b, ())) =
        (series, char('-'), digits(1, 7), char('-'), digits(1, 7), no_digit_follows).parse(i)?;
    let year_like = |d: &str| d.len() == 4 && year4(d).is_ok();
    let num = |d: &str| d.parse::<u32>().unwrap_or(0);
    let parts = if year_like(a) {
        (Some(s), year4(a).map_or(0, |x| x.1), num(b))
    } else if year_like(b) {
        (Some(s), year4(b).map_or(0, |x| x.1), num(a))
    } else {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    };
    if parts.2 == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, parts))
}

/// `SERIES-UNIT YY-NUMBER`, a series and a unit's series glued to a two-digit year, as Region
/// Sörmland writes its case numbers: `RS-LED24-1123` (series `RS-LED`, 2024, 1123).
fn series_unit_yy_number(i: &str) -> IResult<&str, Parts<'_>> {
    (recognize((series, char('-'), series)), year2, char('-'), number, no_digit_follows)
        .map(|(s, y, _, n, ())| (Some(s), y, n))
        .parse(i)
}

/// `SERIES YEAR/NUMBER`: `KS 2023/123`, `HSN 2024/871`, `KS2019/0012`, `KS-2023/00344`
/// (Umeå).
fn series_year_number(i: &str) -> IResult<&str, Parts<'_>> {
    (series, alt((tag("-"), ws0)), year4, char('/'), number, no_digit_follows)
        .map(|(s, _, y, _, n, ())| (Some(s), y, n))
        .parse(i)
}

/// `YYSERIESNUMBER`, Region Västernorrland: `23HSN1782` (2023, HSN, 1782), `23HSN1`.
fn glued(i: &str) -> IResult<&str, Parts<'_>> {
    (year2, verify(series, |s: &str| s.len() >= 2), number, no_digit_follows)
        .map(|(y, s, n, ())| (Some(s), y, n))
        .parse(i)
}

/// `SERIES YEAR-NUMBER` with a space or none: `RS 2023-05521` (Västra Götaland style),
/// `RS2023-00412` (Region Uppsala). A second part that is itself a year (`VP 2024-2026`) is a
/// range, not a case number.
fn series_space_year_dash_number(i: &str) -> IResult<&str, Parts<'_>> {
    let (rest, (s, _, y, _, n, ())) =
        (series, ws0, year4, char('-'), digits(1, 7), no_digit_follows).parse(i)?;
    let looks_like_year = n.len() == 4 && year4(n).is_ok();
    let number = n.parse::<u32>().unwrap_or(0);
    // "KS 2023-12-07 § 123" is a body and a date.
    let date = rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if looks_like_year || number == 0 || date {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, (Some(s), y, number)))
}

/// `SERIES YYMM-NNNN`, Stockholms läns landsting: `LS 1305-0677` (2013, 677). The month must be
/// a month, and two years (`VP 2024-2026`, `VP 2012-2014`) are a range, not a case number.
fn series_yymm_number(i: &str) -> IResult<&str, Parts<'_>> {
    yymm_number(i, 4)
}

/// [`series_yymm_number`] with a number of `min` to 5 digits: as typed, `LS 1305-677`.
fn yymm_number(i: &str, min: usize) -> IResult<&str, Parts<'_>> {
    let (rest, (s, _, yymm, _, n, ())) =
        (series, ws1, digits(4, 4), char('-'), digits(min, 5), no_digit_follows).parse(i)?;
    let month: u32 = yymm[2..].parse().unwrap_or(0);
    let range = year4(yymm).is_ok() && year4(n).is_ok();
    let number: u32 = n.parse().unwrap_or(0);
    if !(1..=12).contains(&month) || range || number == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    let (_, y) = year2(&yymm[..2])?;
    Ok((rest, (Some(s), y, number)))
}

/// A classification code glued before a case number, as document systems print them:
/// `1.1.3-` in `1.1.3-00087/2025`, `2.4-` in `KS 2.4-00012/2023`. At least one dot, so that
/// it is never a year or a number.
fn archive_code(i: &str) -> IResult<&str, &str> {
    recognize((digits(1, 3), many1((char('.'), digits(1, 3))), char('-'))).parse(i)
}

/// `[SERIES ]CODE-NUMBER/YEAR`, with a classification code glued on: `1.1.3-00087/2025`,
/// `KS 2.4-00012/2023`. The code makes it unambiguous, even in free text.
fn coded_number_year(i: &str) -> IResult<&str, Parts<'_>> {
    (opt((series, alt((ws1, tag("-"))))), archive_code, number, char('/'), year4, no_digit_follows)
        .map(|(s, _, n, _, y, ())| (s.map(|x| x.0), y, n))
        .parse(i)
}

/// `SERIES NUMBER/YEAR` with a four-digit year: `KS 00087/2025`, `KS-87/2025`.
fn series_number_year4(i: &str) -> IResult<&str, Parts<'_>> {
    (series, alt((ws1, tag("-"))), number, char('/'), year4, no_digit_follows)
        .map(|(s, _, n, _, y, ())| (Some(s), y, n))
        .parse(i)
}

/// A necessary condition for [`dnr`] at the start of `i`, cheap to test: the grammar is tried
/// at many word starts of free text, and its eight alternatives each read the series again.
///
/// Every alternative but three starts with a [`series`] and a digit, with a `/` or a `-` between
/// them, or spaces (`ws0`, `ws1`), or nothing (`KS2019/0012`): `ANSLAG/BEVIS`, `IT-stödet` and
/// `I Hälso-` are none. [`series_unit_yy_number`] starts with a series, a `-` and a series
/// before a digit (`RS-LED24-1123`). The two others start with digits: [`glued`] with two digits
/// and a series (`23HSN1782`), [`coded_number_year`] without a series with one to three digits
/// and a `.` (`1.1.3-00087/2025`).
fn may_start_dnr(i: &str) -> bool {
    let b = i.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
        return b.get(digits) == Some(&b'.') || (digits >= 2 && series(&i[2..]).is_ok());
    }
    let digit_first = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    series(i).is_ok_and(|(rest, _)| {
        let number =
            rest.strip_prefix(['/', '-']).unwrap_or_else(|| rest.trim_start_matches(is_space));
        digit_first(number)
            || rest
                .strip_prefix('-')
                .is_some_and(|unit| series(unit).is_ok_and(|(number, _)| digit_first(number)))
    })
}

/// Any unambiguous case number, safe to look for in free text.
///
/// Examples: `HSN/876/2024`, `HSN-871-2024`, `KS 2023/123`, `23HSN1782`, `LS 1305-0677`,
/// `KS 00087/2025`, `1.1.3-00087/2025`.
pub fn dnr(i: &str) -> IResult<&str, Dnr> {
    if !may_start_dnr(i) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    let (rest, parts) = unambiguous_spelling(i)?;
    let rest = filing_code(rest);
    Ok((rest, make(&i[..i.len() - rest.len()], parts)))
}

/// The spellings of [`dnr`], tried in order, without its pre-check ([`may_start_dnr`]).
fn unambiguous_spelling(i: &str) -> IResult<&str, Parts<'_>> {
    alt((
        series_number_year_slashed,
        series_dashed,
        series_unit_yy_number,
        series_year_number,
        series_yymm_number,
        series_space_year_dash_number,
        glued,
        coded_number_year,
        series_number_year4,
    ))
    .parse(i)
}

/// What follows a case number once a classification code glued after it is skipped:
/// `-3.2.1` in `KS 2022/01876-3.2.1`. The code is part of the number as written (its raw
/// text), not of its key; at least one dot, so that it is never a year or a second number.
fn filing_code(i: &str) -> &str {
    let code = recognize((char('-'), digits(1, 3), many1((char('.'), digits(1, 3)))));
    match (code, no_digit_follows).parse(i) {
        Ok((rest, _)) => rest,
        Err(_) => i,
    }
}

/// `SERIES YY-NUMBER [ARCHIVE]`, Norrtälje 2002: `KS 02-820 107` (2002, 820; 107 is the
/// archive code).
fn series_yy_number(i: &str) -> IResult<&str, Parts<'_>> {
    (
        series,
        ws1,
        year2,
        char('-'),
        number,
        opt((ws1, digits(3, 3), no_digit_follows)),
        no_digit_follows,
    )
        .map(|(s, _, y, _, n, _, ())| (Some(s), y, n))
        .parse(i)
}

/// `[SERIES] YEAR[.:/-]NUMBER` after a label: `KS 2019:123`, `2016/123`, `2016.0045`, and
/// the series joined by a dot too: `KS.2024.45`.
fn labelled_year_number(i: &str) -> IResult<&str, Parts<'_>> {
    (opt((series, alt((tag("."), ws0)))), year4, one_of("/:.-"), number, no_digit_follows)
        .map(|(s, y, _, n, ())| (s.map(|x| x.0), y, n))
        .parse(i)
}

/// `[SERIES ]YY.NUMBER[-CODE]` after a label, as minutes typed before the document systems
/// wrote case numbers: `98.112-041` (1998, 112; `041` is the code of the filing plan),
/// `KS 03.0456`. The code is part of the number as written, not of its key.
fn labelled_yy_dot_number(i: &str) -> IResult<&str, Parts<'_>> {
    let code = (char('-'), digits(1, 3), nom::multi::many0((char('.'), digits(1, 3))));
    (opt((series, ws1)), year2, char('.'), number, opt(code), no_digit_follows)
        .map(|(s, y, _, n, _, ())| (s.map(|x| x.0), y, n))
        .parse(i)
}

/// The last year a two-digit year is read as when another reading of the case number is at
/// hand: `SN 23/45` is no case of 2045 but the 45th of 2023.
const LAST_SHORT_YEAR: i32 = 2030;

/// `[SERIES] NUMBER/YEAR` after a label: `00087/2025`, `SN 31/16`, `31/16`; and two digits on
/// each side whose year after the slash would be later than [`LAST_SHORT_YEAR`] read the other
/// way round, `YY/NUMBER`, as the series that count from the year write them: `SN 23/45`
/// (2023, 45).
fn labelled_number_year(i: &str) -> IResult<&str, Parts<'_>> {
    let (rest, (s, (written, n), _, (y, yy), ())) = (
        opt((series, ws1)),
        nom::combinator::consumed(number),
        char('/'),
        alt((year4.map(|y| (y, false)), year2.map(|y| (y, true)))),
        no_digit_follows,
    )
        .parse(i)?;
    let s = s.map(|x| x.0);
    if yy && y > LAST_SHORT_YEAR && written.len() == 2 {
        // `23/45`: the first two digits as the year, if they are one.
        let (_, first) = year2(written)?;
        if first <= LAST_SHORT_YEAR {
            return Ok((rest, (s, first, u32::try_from(y % 100).unwrap_or(0))));
        }
    }
    Ok((rest, (s, y, n)))
}

/// `[SERIES] YY/NUMBER` after a label, with a number of three digits or more, which no
/// two-digit year is: `97/245` (1997, 245), as 1990s typed minutes wrote it. (`31/16` is
/// [`labelled_number_year`]'s.)
fn labelled_yy_number(i: &str) -> IResult<&str, Parts<'_>> {
    (opt((series, ws1)), year2, char('/'), digits(3, 6), no_digit_follows)
        .map(|(s, y, _, n, ())| (s.map(|x| x.0), y, n.parse::<u32>().unwrap_or(0)))
        .parse(i)
}

/// `[SERIES ]NUMBER-YEAR`, as a user types `HSN-1157-2023`: `HSN 1157-2023`, and Region
/// Norrbotten's `01234-2018`. Only after a label or as a query: in free text it could be a
/// range.
fn labelled_series_number_dash_year(i: &str) -> IResult<&str, Parts<'_>> {
    let (rest, (s, n, _, y, ())) =
        (opt((series, ws1)).map(|s| s.map(|x| x.0)), number, char('-'), year4, no_digit_follows)
            .parse(i)?;
    if (1950..=2100).contains(&i32::try_from(n).unwrap_or(0)) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, (s, y, n)))
}

/// `SERIES/YEAR:NUMBER` and `YEAR/NUMBER-SERIES` after a label: `KS/2020:123`,
/// `2016/0512-KS`.
fn labelled_series_around(i: &str) -> IResult<&str, Parts<'_>> {
    alt((
        (series, char('/'), year4, one_of(":/-"), number, no_digit_follows)
            .map(|(s, _, y, _, n, ())| (Some(s), y, n)),
        (year4, char('/'), number, char('-'), series, no_digit_follows)
            .map(|(y, _, n, _, s, ())| (Some(s), y, n)),
    ))
    .parse(i)
}

/// `SERIES YYMM-N` with a short number, after a label or as a query: `LS 1305-677`.
fn labelled_yymm_number(i: &str) -> IResult<&str, Parts<'_>> {
    yymm_number(i, 1)
}

/// `SERIESYY/NUMBER` after a label, the series glued to a two-digit year and a number of three
/// digits or more, as Region Dalarna writes them: `RD24/01234` (2024, 1234).
fn labelled_series_yy_number(i: &str) -> IResult<&str, Parts<'_>> {
    let long_number = verify(digits(3, 7), |d: &str| d.bytes().any(|b| b != b'0'));
    (series, year2, char('/'), long_number, no_digit_follows)
        .map(|(s, y, _, n, ())| (Some(s), y, n.parse().unwrap_or(0)))
        .parse(i)
}

/// `SERIESYYNUMBER` after a label, a series of two capitals or more glued to a two-digit year
/// and a number of three digits or more: `RV241234` (2024, 1234). Without a label it could be
/// any code.
fn labelled_series_yy_glued(i: &str) -> IResult<&str, Parts<'_>> {
    let long_number = verify(digits(3, 7), |d: &str| d.bytes().any(|b| b != b'0'));
    (verify(series, |s: &str| s.len() >= 2), year2, long_number, no_digit_follows)
        .map(|(s, y, n, ())| (Some(s), y, n.parse().unwrap_or(0)))
        .parse(i)
}

/// A series written capitalised, one capital and one to four small ASCII letters, as Örebro
/// kommun writes its series: `Ks`, `Kn`, `Bn`, `Sbn`; or two bodies' initials joined by a small
/// `o` (och), as `X och Y`-named boards write theirs: `BoU` (barn och utbildning), `KoFN`,
/// `MoB`. Never a label or a word that numbers something else (`Dnr`, `Nr`, `Sida`) nor a
/// statute or report series (`Ds`, `Sfs`).
fn capitalised_series(i: &str) -> IResult<&str, &str> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let b = i.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return Err(fail());
    }
    // The capital is one ASCII byte: the small letters after it start at byte 1.
    let small = b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    if !(1..=4).contains(&small) {
        return Err(fail());
    }
    // `BoU`, `KoFN`: an `o` between capitals, one or two after it.
    let joined = if small == 1 && b[1] == b'o' {
        b[2..].iter().take_while(|c| c.is_ascii_uppercase()).count()
    } else {
        0
    };
    if joined > 2 || b.get(1 + small + joined).is_some_and(u8::is_ascii_alphabetic) {
        return Err(fail());
    }
    let word = &i[..=small + joined];
    if ["Nr", "Dnr", "Sid", "Sida", "Kap", "Bil", "Mom", "Art"].contains(&word)
        || is_not_series(&word.to_ascii_uppercase())
    {
        return Err(fail());
    }
    Ok((&i[word.len()..], word))
}

/// `Series NUMBER/YEAR` or `Series YEAR/NUMBER` after a label, the series capitalised
/// ([`capitalised_series`]) and the year of four digits: `Kn 45/2024`, `Ks 1234/2023`,
/// `Bn 2023/112`.
fn labelled_capitalised_series(i: &str) -> IResult<&str, Parts<'_>> {
    let (r, (s, _)) = (capitalised_series, ws1).parse(i)?;
    alt((
        (year4, char('/'), number, no_digit_follows).map(|(y, _, n, ())| (Some(s), y, n)),
        (number, char('/'), year4, no_digit_follows).map(|(n, _, y, ())| (Some(s), y, n)),
    ))
    .parse(r)
}

/// `YEAR[-]SERIES[-]NUMBER` after a label: `2012-KS0123`, `2012-KS-123`, `2024KS0123`.
fn labelled_year_series_number(i: &str) -> IResult<&str, Parts<'_>> {
    (year4, opt(char('-')), series, opt(char('-')), number, no_digit_follows)
        .map(|(y, _, s, _, n, ())| (Some(s), y, n))
        .parse(i)
}

/// A case number after a label (`Dnr`, `Diarienummer:`): every [`dnr`] spelling and the bare
/// ones a label makes safe.
pub fn labelled_one(i: &str) -> IResult<&str, Dnr> {
    if let Ok((rest, found)) = dnr(i) {
        return Ok(with_document_number(i, rest, found));
    }
    let (rest, parts) = alt((
        labelled_series_around,
        series_yy_number,
        labelled_series_number_dash_year,
        labelled_yymm_number,
        labelled_year_number,
        labelled_number_year,
        labelled_yy_number,
        labelled_year_series_number,
        labelled_yy_dot_number,
        labelled_series_yy_number,
        labelled_series_yy_glued,
        labelled_capitalised_series,
    ))
    .parse(i)?;
    let rest = document_number(filing_code(rest));
    Ok((rest, make(&i[..i.len() - rest.len()], parts)))
}

/// What follows a case number once a document or filing-plan number after a dash is skipped,
/// spaces around the dash or none: `-2` in `KS 2024/00123-2`, ` - 041` in `2024/123 - 041`.
/// One to three digits, dotted parts allowed, and nothing after them that goes on with a
/// word or a number: a year (`- 2025`) or a title (`- Budget`) is none. Only where the case
/// number is surely one (after a label, or a line of nothing but case numbers); it is part of
/// the number as written, not of its key.
fn document_number(i: &str) -> &str {
    let code = (
        ws0,
        alt((tag("-"), tag("–"))),
        ws0,
        digits(1, 3),
        nom::multi::many0((char('.'), digits(1, 3))),
        no_digit_follows,
    );
    match recognize(code).parse(i) {
        Ok((rest, _)) if !rest.starts_with(['.', '/', ':', '-']) => rest,
        _ => i,
    }
}

/// A case number `d` read from `i` up to `rest`, and what follows it, with the
/// [`document_number`] after it as part of the number as written.
fn with_document_number<'a>(i: &'a str, rest: &'a str, mut d: Dnr) -> (&'a str, Dnr) {
    let after = document_number(rest);
    if after.len() < rest.len() {
        d.raw = i[..i.len() - after.len()].trim().to_string();
    }
    (after, d)
}

/// The label before a case number: `Dnr`, `Dnr.`, `Dnr:`, `Diarienummer:`, `Diarienr`,
/// `Ärendenummer`, `Vårt dnr`, `Er beteckning`.
///
/// Example: `Diarienummer: 23HSN1782`.
pub fn label(i: &str) -> IResult<&str, &str> {
    use super::lexical::tag_no_case;
    recognize((
        opt((alt((tag_no_case("vårt"), tag_no_case("ert"), tag_no_case("vår"))), ws1)),
        alt((
            tag_no_case("diarienummer"),
            tag_no_case("diarienr"),
            tag_no_case("ärendenummer"),
            tag_no_case("ärendenr"),
            tag_no_case("dnr"),
        )),
        opt(char('.')),
        ws0,
        opt(char(':')),
        ws0,
    ))
    .parse(i)
}

/// All case numbers in a labelled value: `23HSN1782`, `KS 2018/14, KS 2018/15`.
///
/// Returns the numbers and whether something after the label was left unread.
#[must_use]
pub fn labelled(value: &str) -> (Vec<Dnr>, bool) {
    let mut out = Vec::new();
    let mut rest = value.trim();
    while let Ok((r, d)) = labelled_one(rest) {
        out.push(d);
        let sep: IResult<&str, _> =
            alt((recognize((ws0, one_of(",;"), ws0)), recognize((ws1, tag("och"), ws1)))).parse(r);
        if let Ok((r2, _)) = sep {
            rest = r2;
        } else {
            rest = r;
            break;
        }
    }
    let unread = out.is_empty() && !rest.trim().is_empty();
    (out, unread)
}

/// A line that holds nothing but case numbers, as many layouts print a paragraph's own number
/// on the line under its title: `KSN-2023-01234`, `STK-2023-1502`, `KS 2023/00456`,
/// `KS 2023/456, KS 2023/457`. Only the unambiguous spellings of [`dnr`] count: a bare
/// `2023/456` could be anything.
///
/// Example line: `KSN-2023-01234` (Uppsala kommun's series, number and year).
#[must_use]
pub fn bare_line(i: &str) -> Option<Vec<Dnr>> {
    let t = i.trim();
    let mut out = Vec::new();
    let mut rest = t;
    loop {
        let (r, d) = dnr(rest).ok()?;
        let (r, d) = with_document_number(rest, r, d);
        out.push(d);
        let sep: IResult<&str, _> =
            alt((recognize((ws0, one_of(",;"), ws0)), recognize((ws1, tag("och"), ws1)))).parse(r);
        match sep {
            Ok((r2, _)) if !r2.is_empty() => rest = r2,
            _ if r.trim().is_empty() => return Some(out),
            _ => return None,
        }
    }
}

/// Where a case number may start: word starts in whitespace-separated tokens that hold a `/`,
/// a `-`, a digit before a capital (`23HSN1782`) or a `.` or `:` before a digit (`2019.0123`),
/// and the token before such a token when it is all capitals (`KS` in `KS 2023/123`), where
/// [`may_hold_number`] lets a case number be. The grammar runs only there. Besides, the labels
/// before such tokens ([`label_before`]).
///
/// Most tokens hold none of these marks: one tight scan finds the next mark, and only the
/// token around it (and the token before) is looked at, in the order a token-by-token walk
/// would give. `b` is text (a `str`'s bytes): a word start is a char's first byte.
fn candidates(b: &[u8]) -> (Vec<usize>, Vec<usize>) {
    let space = u8::is_ascii_whitespace;
    let mut out = Vec::new();
    let mut labels = Vec::new();
    let mut from = 0;
    while let Some(mark) = next_mark(b, from) {
        // The token that holds the mark, and the token before it.
        let start = b[..mark].iter().rposition(space).map_or(0, |p| p + 1);
        let end = b[mark..].iter().position(space).map_or(b.len(), |p| mark + p);
        let numbered = may_hold_number(b, start, end);
        let mut value = start;
        if let Some(pe) = b[..start].iter().rposition(|c| !space(c)).map(|p| p + 1) {
            let ps = b[..pe].iter().rposition(space).map_or(0, |p| p + 1);
            // "(RS 2023-04410)": the series may follow an opening bracket.
            let ps = ps + b[ps..pe].iter().take_while(|c| matches!(c, b'(' | b'[' | b'"')).count();
            // Capitals, ASCII or not (`ÖFN`): [`series`] reads them.
            if ps < pe
                && pe - ps <= 14
                && b[ps..pe].iter().all(|c| c.is_ascii_uppercase() || *c >= 0x80)
            {
                if numbered {
                    out.push(ps);
                }
                value = ps;
            }
        }
        labels.extend(label_before(b, value));
        // A char's first byte (`Ö` in `ÖFN/12/2024`), never a later one: those follow a word
        // byte, and the token's first byte follows white space.
        if numbered {
            crate::scan::for_each_word_start(&b[start..end], |k| out.push(start + k));
        }
        from = end;
    }
    (out, labels)
}

/// Whether a case number may start in the token `b[start..end]`, or in the series before it:
/// every spelling of [`dnr`] holds digits, after a series only a `/`, a `-` or white space
/// (`ws0`), and white space ends a token. Most tokens that [`next_mark`] finds hold no digit
/// (`Hälso-`, `IT-stöd`, `ANSLAG/BEVIS`): then only digits after it, past spaces, tabs and
/// NBSP, could end a spelling that starts in it (`a/b,KS 2023/12`).
fn may_hold_number(b: &[u8], start: usize, end: usize) -> bool {
    if b[start..end].iter().any(u8::is_ascii_digit) {
        return true;
    }
    let mut k = end;
    loop {
        match &b[k..] {
            [b' ' | b'\t', ..] => k += 1,
            [0xC2, 0xA0, ..] => k += 2,
            [next, ..] => return next.is_ascii_digit(),
            [] => return false,
        }
    }
}

/// Where a [`label`] starts whose token ends before white space and `at`: `dnr`, `Dnr.`,
/// `DNR:`, `(dnr`, `diarienr`, `diarienummer`. (`Ärendenummer` heads a line, read with it;
/// prose cites with `dnr`.)
fn label_before(b: &[u8], at: usize) -> Option<usize> {
    let space = u8::is_ascii_whitespace;
    let end = b[..at].iter().rposition(|c| !space(c))? + 1;
    if end == at {
        return None;
    }
    let start = b[..end].iter().rposition(space).map_or(0, |p| p + 1);
    let start = start + b[start..end].iter().take_while(|c| matches!(c, b'(' | b'[')).count();
    let mut word = &b[start..end];
    while let [rest @ .., b'.' | b':'] = word {
        word = rest;
    }
    let labels: [&[u8]; 3] = [b"dnr", b"diarienr", b"diarienummer"];
    labels.iter().any(|l| word.eq_ignore_ascii_case(l)).then_some(start)
}

/// The bytes of `x` (eight text bytes, little-endian) that may be [`next_mark`]'s marks, as
/// their high bits: every `/` and `-`, and each digit followed by an ASCII capital in `x` or
/// last in `x` (the byte after it is in the next word). A superset of the marks (and no zero
/// byte), which `next_mark` checks one by one: digits are common in minutes, a digit before a
/// capital is not.
fn mark_bytes(x: u64) -> u64 {
    use crate::scan::{bytes_equal, bytes_in_range};
    let digits = bytes_in_range(x, b'0', b'9');
    let capitals = bytes_in_range(x, b'A', b'Z');
    let stops = bytes_equal(x, b'.') | bytes_equal(x, b':');
    bytes_equal(x, b'/')
        | bytes_equal(x, b'-')
        | (digits & ((capitals >> 8) | (1 << 63)))
        | (stops & ((digits >> 8) | (1 << 63)))
}

/// The first byte at or after `from` that makes its token a candidate token: a `/`, a `-`, or
/// a digit followed by an ASCII capital (the digit is returned; it is in the same token).
/// They are looked for a word at a time ([`mark_bytes`]), and only in the words that hold a
/// byte of `-`..=`:` (`-./0123456789:`), where every mark lies: one range test passes over
/// most of the text.
fn next_mark(b: &[u8], from: usize) -> Option<usize> {
    use crate::scan::{bytes_in_range, bytes_sieved};
    bytes_sieved(b, from, |x| bytes_in_range(x, b'-', b':'), mark_bytes).find(|&p| {
        let next = b.get(p + 1);
        matches!(b[p], b'/' | b'-')
            || (b[p].is_ascii_digit() && next.is_some_and(u8::is_ascii_uppercase))
            || (matches!(b[p], b'.' | b':') && next.is_some_and(u8::is_ascii_digit))
    })
}

/// Every case number in free text, in order, with byte offsets: the unambiguous spellings
/// anywhere, and after a label the bare spellings the label makes safe ([`labelled`]).
///
/// Example: `Tidigare beslut, dnr KS 2019.0123 och Dnr 2018/456-042.` gives `KS-2019-123`
/// and `2018-456`.
#[must_use]
pub fn find_all(text: &str) -> Vec<(usize, Dnr)> {
    let (candidates, labels) = candidates(text.as_bytes());
    let mut out = unambiguous_at(text, candidates);
    let found = out.len();
    for at in labels {
        let Ok((value, _)) = label(&text[at..]) else { continue };
        // A label before an unambiguous spelling (`Dnr KS 2023/45`, most of them) adds nothing.
        let value_at = text.len() - value.len();
        if out[..found].iter().any(|(o, _)| *o == value_at) {
            continue;
        }
        for d in labelled(value).0 {
            if !out.iter().any(|(_, o)| o.key == d.key) {
                out.push((at, d));
            }
        }
    }
    if out.len() > found {
        out.sort_by_key(|(at, _)| *at);
    }
    out
}

/// Every unambiguous case number in free text that starts at one of the `candidates`, in
/// order, with byte offsets.
fn unambiguous_at(text: &str, candidates: Vec<usize>) -> Vec<(usize, Dnr)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut skip_to = 0;
    for at in candidates {
        let c = bytes[at];
        let after_joiner = at > 0 && matches!(bytes[at - 1], b'-' | b'/');
        if at >= skip_to
            && !after_joiner
            && (c.is_ascii_uppercase()
                || c.is_ascii_digit()
                || (c >= 0xC0 && text[at..].starts_with(char::is_uppercase)))
            && let Ok((rest, d)) = dnr(&text[at..])
        {
            skip_to = text.len() - rest.len();
            out.push((at, d));
        }
    }
    out
}

/// Parses a user's spelling of a case number into its key: `HSN 2024/876` → `HSN-2024-876`.
#[must_use]
pub fn key_of(query: &str) -> Option<String> {
    let upper = query.trim().to_uppercase();
    let q = upper.as_str();
    // A series may look like a label ("DNR/1/1990"): read the whole first.
    if let Ok((rest, d)) = labelled_one(q)
        && rest.trim().is_empty()
    {
        return Some(d.key);
    }
    let q = label(q).map_or(q, |(r, _)| r);
    match labelled_one(q) {
        Ok((rest, d)) if rest.trim().is_empty() => Some(d.key),
        _ => None,
    }
}

fn make(raw: &str, (series, year, number): Parts<'_>) -> Dnr {
    let series = series.map(str::to_uppercase);
    // The key as `format!("{s}-{year}-{number}")` or `format!("{year}-{number}")` writes it,
    // built by hand: a text cites many case numbers, and the formatter costs more than the rest.
    let mut key = String::with_capacity(series.as_ref().map_or(0, String::len) + 16);
    if let Some(s) = &series {
        key.push_str(s);
        key.push('-');
    }
    if year < 0 {
        key.push('-');
    }
    push_decimal(&mut key, year.unsigned_abs());
    key.push('-');
    push_decimal(&mut key, number);
    Dnr { raw: raw.trim().to_string(), series, year: Some(year), number: Some(number), key }
}

/// Appends `n` in decimal, as `{n}` formats it.
fn push_decimal(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

/// The case numbers that end a title: parenthesised (`Uppföljning … 2024 (HSN/876/2024)`,
/// `(Dnr 2024.0056)`; `(Ds 2023:26)` and `(2023)` stay), then one with its series after a
/// comma or a dash (`Motion om skolmat, KS 2024/45`, `Detaljplan för Norr – SBN 2023/7`).
///
/// Returns the title without them and the numbers.
#[must_use]
pub fn split_title(title: &str) -> (String, Vec<Dnr>) {
    let mut t = title.trim_end();
    let mut found = Vec::new();
    if let Some(body) = t.strip_suffix(')')
        && let Some(open) = body.rfind('(')
    {
        let inner = body[open + 1..].trim();
        // After its label a case number may be spelled as only a label allows: `(Dnr
        // 2024.0056)`.
        let after_label = label(inner).ok().map(|(r, _)| r);
        let read: IResult<&str, Dnr> = match after_label {
            Some(r) => preceded(ws0, labelled_one).parse(r),
            None => preceded(ws0, dnr).parse(inner),
        };
        let inner = after_label.unwrap_or(inner);
        if let Ok((rest, _)) = read
            && rest.trim().is_empty()
        {
            found = labelled(inner).0;
            t = t[..open].trim_end();
        }
    }
    if let Some((at, value)) = [", ", " – ", " - "]
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|at| (at, &t[at + sep.len()..])))
        .max_by_key(|&(at, _)| at)
        && let Ok((rest, d)) = dnr(value)
        && rest.trim().is_empty()
        && d.series.is_some()
    {
        found.push(d);
        t = &t[..at];
    } else if found.is_empty()
        && let Some((at, d)) = space_before_dnr(t)
    {
        found.push(d);
        t = &t[..at];
    }
    (t.to_string(), found)
}

/// A case number with its series that ends a title after a space, as a flattened page runs
/// them on (`Delårsrapport för kommunens bolag KS 2023/456-1.4.2`): where it starts and the
/// number. The series and the number may be one word (`KS-2023-00456`) or two (`KS 2023/456`).
fn space_before_dnr(t: &str) -> Option<(usize, Dnr)> {
    // Every spelling with a series holds a digit at its end: most titles end in a word.
    if !t.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut spaces = t.rmatch_indices(' ').map(|(at, _)| at);
    [spaces.next(), spaces.next()].into_iter().flatten().find_map(|at| {
        let (rest, d) = dnr(&t[at + 1..]).ok()?;
        // After its label (`… Dnr KS 2023/12`) the number goes with the label.
        // So does a list of them after the label (`… Dnr KS 2024/1, KS 2024/2`).
        let before = t[..at].trim_end().rsplit(' ').next().unwrap_or("");
        let labelled = label(before).is_ok_and(|(r, _)| r.is_empty()) || before.ends_with(',');
        (rest.is_empty() && d.series.is_some() && at > 0 && !labelled).then_some((at, d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_bytes_holds_every_mark() {
        for c in 0..=255u8 {
            for d in 0..=255u8 {
                let x = u64::from_le_bytes([c, d, b':', b'1', b'/', b'-', b'9', c]);
                let m = mark_bytes(x);
                let b = x.to_le_bytes();
                for k in 0..7 {
                    let mark = matches!(b[k], b'/' | b'-')
                        || (b[k].is_ascii_digit() && b[k + 1].is_ascii_uppercase())
                        || (matches!(b[k], b'.' | b':') && b[k + 1].is_ascii_digit());
                    assert!(!mark || m >> (8 * k + 7) & 1 == 1, "{c} {d} {k}");
                }
                let last = c.is_ascii_digit() || matches!(c, b'/' | b'-' | b'.' | b':');
                assert_eq!(m >> 63 == 1, last, "{c}");
            }
        }
    }

    /// [`candidates`] gives what a walk over the tokens, one by one, gives, or as much as
    /// the grammar needs.
    #[test]
    fn candidates_as_a_token_walk_gives_them() {
        fn walk(text: &str) -> Vec<usize> {
            let b = text.as_bytes();
            let wordish = crate::parse::lexical::is_word_byte;
            let mark = |k: usize| {
                let next = b.get(k + 1);
                matches!(b[k], b'/' | b'-')
                    || (b[k].is_ascii_digit() && next.is_some_and(u8::is_ascii_uppercase))
                    || (matches!(b[k], b'.' | b':') && next.is_some_and(u8::is_ascii_digit))
            };
            let mut out = Vec::new();
            let mut before: Option<(usize, usize)> = None;
            let mut start = 0;
            while start < b.len() {
                let end = (start..b.len()).find(|&k| b[k].is_ascii_whitespace()).unwrap_or(b.len());
                if start < end && (start..end).any(mark) {
                    if let Some((ps, pe)) = before {
                        let ps = ps + b[ps..pe].iter().take_while(|c| b"([\"".contains(c)).count();
                        let capitals =
                            b[ps..pe].iter().all(|c| c.is_ascii_uppercase() || *c >= 0x80);
                        if ps < pe && pe - ps <= 14 && capitals {
                            out.push(ps);
                        }
                    }
                    out.extend((start..end).filter(|&k| {
                        text.is_char_boundary(k)
                            && wordish(b[k])
                            && (k == start || !wordish(b[k - 1]))
                    }));
                }
                if start < end {
                    before = Some((start, end));
                }
                start = end + 1;
            }
            out
        }
        for text in [
            "",
            "-",
            "enligt ÖFN 2012/36 och (ÅHN/12/2024), ej Öppna 2012/36",
            "Hälso- och sjukvårdsnämnden (RS 2023-04410)  \"KS 1/2020 23HSN1782",
            "åäö-x é/é ÅÄÖ\t1.2\nKS\u{a0}2023/12 dnr: 2019.0123 kl. 13:00 ABCDEFGHIJKLMNO 1/2",
            "se/x,KS 2023/12, x/y,KS\u{a0} \t\u{a0}2023/13, se/x,KS\n2023/14, IT-stöd KS-2023/15",
            "ANSLAG/BEVIS 2023/16 (ÖFN/ \u{a0}2023/17) KS\u{a0}- 18/2023 x/ÖFN",
        ] {
            // The candidates are the walk's, less some where no case number starts: the same
            // case numbers are read.
            let (found, walked) = (candidates(text.as_bytes()).0, walk(text));
            assert!(found.iter().all(|k| walked.contains(k)), "{text}");
            let keys = |at: Vec<usize>| -> Vec<_> {
                unambiguous_at(text, at).into_iter().map(|(k, d)| (k, d.key)).collect()
            };
            assert_eq!(keys(found), keys(walked), "{text}");
        }
    }

    #[test]
    fn a_series_of_two_initials_joined_by_och() {
        let d = labelled_one("BoU 2024/12").map(|(r, d)| (r, d.raw, d.key));
        assert_eq!(d, Ok(("", "BoU 2024/12".into(), "BOU-2024-12".into())));
        assert!(labelled_one("KoFN 45/2024").is_ok() && labelled_one("Ks 45/2024").is_ok());
        assert!(labelled_one("BoUxy 2024/12").is_err() && labelled_one("BoUNXY 2024/12").is_err());
    }

    #[test]
    fn a_series_and_a_units_series() {
        let d = dnr("RS-LED24-1123 Regional utvecklingsstrategi").map(|(r, d)| (r, d.raw, d.key));
        assert_eq!(
            d,
            Ok((
                " Regional utvecklingsstrategi",
                "RS-LED24-1123".into(),
                "RS-LED-2024-1123".into()
            ))
        );
        assert_eq!(bare_line("RS-LED24-1123").map(|v| v.len()), Some(1));
        // A word with a dash and a year is none.
        assert!(dnr("IT-STÖD2024-12").is_err() && dnr("COVID-19").is_err());
    }

    #[test]
    fn umea_and_filing_codes() {
        fn read(i: &str) -> Option<(&str, String, String)> {
            dnr(i).ok().map(|(r, d)| (r, d.raw, d.key))
        }
        assert_eq!(
            read("KS-2023/00344 Exploateringsavtal"),
            Some((" Exploateringsavtal", "KS-2023/00344".into(), "KS-2023-344".into()))
        );
        assert_eq!(
            read("KS 2022/01876-3.2.1"),
            Some(("", "KS 2022/01876-3.2.1".into(), "KS-2022-1876".into()))
        );
        // A dash and a number without a dot is not a filing code.
        assert_eq!(read("KS 2022/01876-3 x").map(|x| x.0), Some("-3 x"));
        assert_eq!(
            labelled_one("2023/456-1.2").map(|(r, d)| (r, d.raw)),
            Ok(("", "2023/456-1.2".into()))
        );
    }

    #[test]
    fn more_labelled_spellings() {
        let read = |i: &str| labelled_one(i).ok().map(|(r, d)| (r.to_string(), d.raw, d.key));
        assert_eq!(
            read("01234-2018"),
            Some((String::new(), "01234-2018".into(), "2018-1234".into()))
        );
        assert_eq!(
            read("KS/2020:123"),
            Some((String::new(), "KS/2020:123".into(), "KS-2020-123".into()))
        );
        assert_eq!(
            read("2016/0512-KS"),
            Some((String::new(), "2016/0512-KS".into(), "KS-2016-512".into()))
        );
        // The series joined to the year by a dot; a glued two-digit year.
        assert_eq!(
            read("KS.2024.45"),
            Some((String::new(), "KS.2024.45".into(), "KS-2024-45".into()))
        );
        assert_eq!(
            read("RV241234"),
            Some((String::new(), "RV241234".into(), "RV-2024-1234".into()))
        );
        assert_eq!(read("KS2019").map(|x| x.2), None);
    }

    /// A year glued to its series.
    #[test]
    fn year_glued_to_its_series() {
        let read = |i: &str| labelled_one(i).ok().map(|(r, d)| (r.to_string(), d.raw, d.key));
        assert_eq!(
            read("2024KS0123"),
            Some((String::new(), "2024KS0123".into(), "KS-2024-123".into()))
        );
        // A word in capitals after a number is no series of it (an anonymised name).
        assert_eq!(read("31/16 XXXX").map(|x| x.2), Some("2016-31".into()));
    }

    /// A document or filing-plan number after a dash is part of the number as written:
    /// `Diarienr: 2024/123 - 041`, `Dnr KS 2024/00123-2`. A year or a title after a dash is not.
    #[test]
    fn a_document_number_after_a_dash() {
        let read = |i: &str| labelled_one(i).ok().map(|(r, d)| (r.to_string(), d.raw, d.key));
        assert_eq!(
            read("2024/123 - 041"),
            Some((String::new(), "2024/123 - 041".into(), "2024-123".into()))
        );
        assert_eq!(
            read("KS 2024/00123-2 Årsredovisning"),
            Some((" Årsredovisning".into(), "KS 2024/00123-2".into(), "KS-2024-123".into()))
        );
        assert_eq!(
            read("98.112-041"),
            Some((String::new(), "98.112-041".into(), "1998-112".into()))
        );
        for (i, rest) in [
            ("KS 2024/12 - 2025", " - 2025"),
            ("KS 2024/12 - Budget", " - Budget"),
            ("2024/12 - 2024-03-12", " - 2024-03-12"),
            ("KS 2024/12 - 3/2024", " - 3/2024"),
        ] {
            assert_eq!(read(i).map(|x| x.0), Some(rest.to_string()), "{i}");
        }
        let raws = |i: &str| bare_line(i).map(|v| v.into_iter().map(|d| d.raw).collect::<Vec<_>>());
        assert_eq!(raws("KS 2023/456-1"), Some(vec!["KS 2023/456-1".to_string()]));
    }

    /// Region Dalarna's series glued to a two-digit year: `Diarienummer: RD24/01234`.
    #[test]
    fn series_glued_to_a_short_year() {
        let read = |i: &str| labelled_one(i).ok().map(|(r, d)| (r.to_string(), d.raw, d.key));
        assert_eq!(
            read("RD24/01234"),
            Some((String::new(), "RD24/01234".into(), "RD-2024-1234".into()))
        );
        assert_eq!(read("RD24/01234").map(|x| x.2), read("RD 2024/1234").map(|x| x.2));
        assert_eq!(read("RD19/987 Budget").map(|x| x.0), Some(" Budget".into()));
        // A number after the slash shorter than three digits is no such case number.
        assert_eq!(read("SN31/16"), None);
    }

    /// Örebro kommun's capitalised series: `Ärendenummer: Kn 45/2024`.
    #[test]
    fn capitalised_series_after_a_label() {
        let read = |i: &str| labelled_one(i).ok().map(|(r, d)| (r.to_string(), d.raw, d.key));
        assert_eq!(
            read("Kn 45/2024"),
            Some((String::new(), "Kn 45/2024".into(), "KN-2024-45".into()))
        );
        assert_eq!(read("Ks 1234/2023").map(|x| x.2), read("KS 1234/2023").map(|x| x.2));
        assert_eq!(read("Sbn 2023/112").map(|x| x.2), Some("SBN-2023-112".into()));
        for text in [
            "Nr 45/2024",
            "Dnr 45/2024",
            "Sida 2/2024",
            "Ds 12/2023",
            "Kommunstyrelsen 12/2023",
            "Kn 45/24",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    /// Minutes typed in the 1990s: `KS § 87    Dnr 98.112-041`.
    #[test]
    fn typed_year_dot_number() {
        let read = |i: &str| labelled_one(i).ok().map(|(r, d)| (r.to_string(), d.raw, d.key));
        assert_eq!(
            read("98.112-041"),
            Some((String::new(), "98.112-041".into(), "1998-112".into()))
        );
        assert_eq!(
            read("KS 03.0456 Budget"),
            Some((" Budget".into(), "KS 03.0456".into(), "KS-2003-456".into()))
        );
        assert_eq!(read("98.09-002").map(|x| x.2), Some("1998-9".into()));
        assert_eq!(read("98.112-04155"), None);
    }

    #[test]
    fn a_line_of_case_numbers() {
        let keys = |i: &str| bare_line(i).map(|v| v.into_iter().map(|d| d.key).collect::<Vec<_>>());
        assert_eq!(keys("KSN-2023-01234"), Some(vec!["KSN-2023-1234".to_string()]));
        assert_eq!(keys("  STK-2023-1502 "), Some(vec!["STK-2023-1502".to_string()]));
        assert_eq!(keys("KS 2023/00456"), Some(vec!["KS-2023-456".to_string()]));
        assert_eq!(
            keys("KS 2023/456, KS 2023/457"),
            Some(vec!["KS-2023-456".to_string(), "KS-2023-457".to_string()])
        );
        assert_eq!(keys("KS 2023/456 och KS 2023/457").map(|v| v.len()), Some(2));
        // Prose, a bare year/number, a trailing comma and report series are no such line.
        for line in ["KS 2023/456 ska behandlas", "2023/456", "KS 2023/456,", "Ds 2023:26", ""] {
            assert_eq!(keys(line), None, "{line}");
        }
    }

    #[test]
    fn hand_read_series_is_the_grammar() {
        fn grammar(i: &str) -> IResult<&str, &str> {
            verify(take_while_m_n(1, 7, |c: char| c.is_uppercase() && is_alpha(c)), |s: &str| {
                !NOT_SERIES.contains(&s)
            })
            .parse(i)
        }
        let words = NOT_SERIES.iter().flat_map(|n| [n.to_string(), format!("{n}A"), n[1..].into()]);
        let more =
            ["", "KS 1", "HSN/1", "ÅÄÖ-2", "ABCDEFGHIJ", "KSå", "Ks", "ΣΩ1", "ÉN", "SOSFSX", "ⅣX"];
        for i in words.chain(more.iter().map(ToString::to_string)) {
            let (hand, nom) = (series(&i), grammar(&i));
            assert_eq!(hand.is_ok(), nom.is_ok(), "{i}");
            if let (Ok(h), Ok(n)) = (hand, nom) {
                assert_eq!(h, n, "{i}");
            }
        }
        for (year, number) in [(2024, 1), (1999, 4_294_967_295), (-5, 0), (0, 10)] {
            assert_eq!(make("x", (Some("KS"), year, number)).key, format!("KS-{year}-{number}"));
            assert_eq!(make("x", (None, year, number)).key, format!("{year}-{number}"));
        }
    }

    #[track_caller]
    fn check(input: &str, key: &str, rest: &str) {
        let (r, d) = labelled_one(input).expect(input);
        assert_eq!((d.key.as_str(), r), (key, rest), "{input}");
    }

    #[test]
    fn spellings() {
        check("HSN/876/2024)", "HSN-2024-876", ")");
        check("HSN-871-2024 Uppföljning", "HSN-2024-871", " Uppföljning");
        check("HSN 2024/871", "HSN-2024-871", "");
        check("HSN 2024/00871", "HSN-2024-871", "");
        check("23HSN1782", "HSN-2023-1782", "");
        check("23HSN1", "HSN-2023-1", "");
        check("RS/595/2023", "RS-2023-595", "");
        check("SLK-2025-00283", "SLK-2025-283", "");
        check("KS 2018/124 Årsredovisning", "KS-2018-124", " Årsredovisning");
        check("LS 1305-0677 Anf. 1-5", "LS-2013-677", " Anf. 1-5");
        check("RS 2023-05521)", "RS-2023-5521", ")");
        check("RS2023-00412", "RS-2023-412", "");
        check("KS 02-820 107", "KS-2002-820", "");
        check("31/16", "2016-31", "");
        // A two-digit year after the slash that is no year yet: the year is before it.
        check("SN 23/45", "SN-2023-45", "");
        check("SN 98/12", "SN-2012-98", "");
        check("KS 45/45", "KS-2045-45", "");
        check("00087/2025", "2025-87", "");
        check("2012-KS0123", "KS-2012-123", "");
        check("1.1.3-00087/2025", "2025-87", "");
        check("KS 2.4-00012/2023", "KS-2023-12", "");
        check("KS 00087/2025", "KS-2025-87", "");
    }

    #[test]
    fn same_case_same_key() {
        let keys: Vec<_> =
            ["HSN/871/2024", "HSN-871-2024", "HSN 2024/871", "hsn 2024/871", "Dnr HSN 2024/0871"]
                .iter()
                .map(|s| key_of(s))
                .collect();
        assert!(keys.iter().all(|k| k.as_deref() == Some("HSN-2024-871")), "{keys:?}");
    }

    /// Found by the key property: a series spelled like the label was taken for the label.
    #[test]
    fn series_that_looks_like_a_label() {
        assert_eq!(key_of("DNR/1/1990").as_deref(), Some("DNR-1990-1"));
        assert_eq!(key_of("Dnr KS 2023/123").as_deref(), Some("KS-2023-123"));
    }

    /// Spellings users type for numbers the corpus writes `HSN/1157/2023` and `LS 1305-0677`.
    #[test]
    fn typed_spellings() {
        assert_eq!(key_of("HSN 1157-2023").as_deref(), Some("HSN-2023-1157"));
        assert_eq!(key_of("LS 1305-677").as_deref(), Some("LS-2013-677"));
        assert_eq!(key_of("LS 1305-0677").as_deref(), Some("LS-2013-677"));
        // Not in free text: `HSN 1157-2023` there could be anything.
        assert!(find_all("enligt HSN 1157-2023 och").is_empty());
    }

    #[test]
    fn not_case_numbers() {
        for text in [
            "Promemorian (Ds 2023:26)",
            "enligt ISO 14 001:2015 genomförts",
            "förordning (EU) 2016/679",
            "den 2023-12-07",
            "ca 600 mnkr 2024-2026",
            "HSLF-FS 2022:62",
            "SOU 2017:114",
            "verksamhetsplan 2024–2026",
            "enligt VP 2024-2026",
            "enligt VP 2012-2014",
            "beslut i KS 2023-12-07 § 123",
            "Dnr 2016/",
            "avsnitt 1.2 och 3/2025",
            "version 1.1.3-2 från 2025",
        ] {
            assert_eq!(find_all(text), vec![], "{text}");
        }
    }

    /// The pre-check of [`dnr`] lets every spelling through and stops words and dates early.
    #[test]
    fn pre_check() {
        for ok in [
            "HSN/876/2024",
            "HSN-871-2024",
            "KS 2023/123",
            "KS2019/0012",
            "KS\u{a0}2023/123",
            "23HSN1782",
            "23ÅHN1782",
            "LS 1305-0677",
            "RS 2023-05521",
            "1.1.3-00087/2025",
            "123.4-00012/2023",
            "KS 2.4-00012/2023",
            "KS-87/2025",
        ] {
            assert!(may_start_dnr(ok), "{ok}");
        }
        for no in [
            "Hälso-",
            "2023-12-07",
            "DS 2023:26",
            "ABCDEFGH/1/2020",
            "1234.5-1/2020",
            "kS 1",
            "ANSLAG/BEVIS",
            "IT-stödet",
            "I Hälso- och",
            "KS - 2023/1",
        ] {
            assert!(!may_start_dnr(no), "{no}");
            assert!(dnr(no).is_err(), "{no}");
        }
        // Whatever the spellings read, the pre-check lets through: series, separators and
        // numbers put together every way.
        let heads =
            ["", "KS", "HSN", "ÖFN", "ANSLAG", "I", "DS", "KSABCDEFG", "23", "1.1.3", "23HSN"];
        let joins = ["", "/", "-", " ", "  ", "\t", "\u{a0}", " - ", "/-", "-/", ".", "x"];
        let tails = ["2023/123", "1782", "871-2024", "1305-0677", "2.4-00012/2023", "00087/2025"];
        let mut read = 0;
        for head in heads {
            for join in joins {
                for tail in tails.iter().chain(&["2023-05521", "x", ""]) {
                    let i = format!("{head}{join}{tail}");
                    if unambiguous_spelling(&i).is_ok() {
                        assert!(may_start_dnr(&i), "{i}");
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 50, "{read}");
    }

    #[test]
    fn found_in_text() {
        let found = find_all("tertialrapporten per april (RS/99/2024). Kostnader (RS/494/2023)");
        let keys: Vec<_> = found.iter().map(|(_, d)| d.key.as_str()).collect();
        assert_eq!(keys, ["RS-2024-99", "RS-2023-494"]);
        let found = find_all("riskanalyser inom förvaltningarna (RS 2023-04410).");
        assert_eq!(found[0].1.key, "RS-2023-4410");
        let found = find_all("- Handlingsplan 2024–2026, 23HSN2705");
        assert_eq!(found[0].1.raw, "23HSN2705");
        let found = find_all("ärendet (dnr 1.1.3-00087/2025) och KS 00012/2024.");
        let keys: Vec<_> = found.iter().map(|(_, d)| d.key.as_str()).collect();
        assert_eq!(keys, ["2025-87", "KS-2024-12"]);
        // After a label, the spellings only a label makes safe (`nr` found at any byte of a
        // scanned word: the texts are cut at each offset).
        let found = find_all(
            "Tidigare beslut: KF 2019-05-06 § 45, dnr KS 2019.0123, Dnr 2018/456-042, \
             Diarienr: KS/2020:123 och KS 2023/45; dnr 2016/0512-KS.",
        );
        let keys: Vec<_> = found.iter().map(|(_, d)| d.key.as_str()).collect();
        assert_eq!(keys, ["KS-2019-123", "2018-456", "KS-2020-123", "KS-2023-45", "KS-2016-512"]);
        assert!(find_all("Kdnr 2019.0123 och dnr. saknas").is_empty());
        for pad in 0..17 {
            for label in ["dnr", "DNR", "Dnr.", "diarienr"] {
                let text = format!("{} {label} KS 2019.0123", "x".repeat(pad));
                let keys: Vec<_> = find_all(&text).into_iter().map(|(_, d)| d.key).collect();
                assert_eq!(keys, ["KS-2019-123"], "{text}");
            }
        }
        // A series that starts with a letter outside ASCII.
        let found = find_all("enligt ÖFN 2012/36 och (ÅHN/12/2024), ej Öppna 2012/36");
        let keys: Vec<_> = found.iter().map(|(_, d)| d.key.as_str()).collect();
        assert_eq!(keys, ["ÖFN-2012-36", "ÅHN-2024-12"]);
    }

    #[test]
    fn titles() {
        let (t, d) = split_title(
            "Uppföljning Hälso- och sjukvårdsnämndens plan med budget 2024 (HSN/876/2024)",
        );
        assert_eq!(t, "Uppföljning Hälso- och sjukvårdsnämndens plan med budget 2024");
        assert_eq!(d[0].raw, "HSN/876/2024");
        let (t, d) = split_title("Yttrande över remiss (Ds 2023:26)");
        assert_eq!((t.as_str(), d.len()), ("Yttrande över remiss (Ds 2023:26)", 0));
        // A label in the parenthesis, and a spelling only a label allows.
        let (t, d) = split_title("Information om budgetläget (Dnr 2024.0056)");
        assert_eq!((t.as_str(), d[0].key.as_str()), ("Information om budgetläget", "2024-56"));
        let (t, d) = split_title("(Dnr 2024.0056)");
        assert_eq!((t.as_str(), d[0].raw.as_str()), ("", "2024.0056"));
        assert_eq!(split_title("Taxor (dnr 12 kap)").1.len(), 0);
        let (t, d) = split_title("Årlig information Visselblåsarärenden (2023)");
        assert_eq!((t.as_str(), d.len()), ("Årlig information Visselblåsarärenden (2023)", 0));
        // After a comma or a dash, with its series; a year range stays.
        let (t, d) = split_title("Motion om skolmat, KS 2024/45");
        assert_eq!((t.as_str(), d[0].raw.as_str()), ("Motion om skolmat", "KS 2024/45"));
        let (t, d) = split_title("Verksamhetsplan 2024 - 2026");
        assert_eq!((t.as_str(), d.len()), ("Verksamhetsplan 2024 - 2026", 0));
        // After a space, as a flattened page runs a title into its number.
        let (t, d) = split_title("Delårsrapport för kommunens bolag KS 2023/456-1.4.2");
        assert_eq!(
            (t.as_str(), d[0].raw.as_str()),
            ("Delårsrapport för kommunens bolag", "KS 2023/456-1.4.2")
        );
        let (t, d) = split_title("Detaljplan för Norrby KS-2023-00456");
        assert_eq!((t.as_str(), d[0].raw.as_str()), ("Detaljplan för Norrby", "KS-2023-00456"));
        assert_eq!(split_title("Budget 2025 Dnr KS 2024/12").1.len(), 0);
        for title in [
            "Budget KS 2024-2026",
            "Verksamhetsplan 2024",
            "Beslut i KS 2023-12-07",
            "Revidering av SFS 2023/12",
        ] {
            assert_eq!(split_title(title).1.len(), 0, "{title}");
        }
    }

    #[test]
    fn labelled_lists() {
        let (d, unread) = labelled("KS 2018/14, KS 2018/15");
        assert_eq!((d.len(), unread), (2, false));
        let (d, unread) = labelled("2016/");
        assert_eq!((d.len(), unread), (0, true));
        // A typed year before a number too long to be a year (1998's minutes), and the other
        // way round (Vilhelmina's `Dnr 31/16`).
        let keys = |v: &str| labelled(v).0.into_iter().map(|d| d.key).collect::<Vec<_>>();
        assert_eq!(keys("97/245"), ["1997-245"]);
        assert_eq!(keys("KS 97/245"), ["KS-1997-245"]);
        assert_eq!(keys("31/16"), ["2016-31"]);
    }
}
