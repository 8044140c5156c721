//! Shared nom leaves: spaces, words, numbers, Swedish and ISO dates, clock times.
//!
//! Every function here parses a small exact sub-language at the start of its input and returns
//! the rest, in nom's `IResult` style. None of them allocate unless they return an owned value.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of};
use nom::combinator::{map_res, opt, recognize, verify};
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// Whether `c` is horizontal white space, NBSP included.
#[must_use]
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

/// `char::is_alphabetic`, with the Latin-1 letters (`å`, `ä`, `ö`, `é`, …) read from their
/// range instead of the Unicode tables: nearly every non-ASCII letter of a Swedish text is one.
#[must_use]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if c <= '\u{ff}' {
        matches!(c, 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ')
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, as [`is_alpha`]: the Latin-1 numbers are `²`, `³`, `¹`, `¼`, `½`
/// and `¾`.
#[must_use]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if c <= '\u{ff}' {
        is_alpha(c) || matches!(c, '²' | '³' | '¹' | '¼' | '½' | '¾')
    } else {
        c.is_alphanumeric()
    }
}

/// Zero or more spaces or tabs.
pub fn ws0(i: &str) -> IResult<&str, &str> {
    take_while(is_space)(i)
}

/// One or more spaces or tabs.
pub fn ws1(i: &str) -> IResult<&str, &str> {
    take_while1(is_space)(i)
}

/// A protocol's title, a whole word, in any case: `PROTOKOLL`, `Sammanträdesprotokoll`,
/// `Protokollsutdrag` (not `Protokollet`, `Protokollsanteckning`).
pub fn protocol_title(i: &str) -> IResult<&str, &str> {
    const TITLES: &[(&str, ())] =
        &[("sammanträdesprotokoll", ()), ("protokollsutdrag", ()), ("protokoll", ())];
    let (r, (t, ())) = tag_no_case_of(TITLES, i)?;
    if r.starts_with(is_alpha) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    Ok((r, t))
}

/// One or more spaces, no tab: words of one name never span a column gap
/// (`REGION VÄSTERNORRLAND\tPROTOKOLL`).
pub fn sp1(i: &str) -> IResult<&str, &str> {
    take_while1(|c| c == ' ')(i)
}

/// A run of letters (any script), hyphens allowed inside: `Hälso`, `Sjöö-Törner`.
pub fn word(i: &str) -> IResult<&str, &str> {
    recognize((take_while1(is_alpha), nom::multi::many0_count((char('-'), take_while1(is_alpha)))))
        .parse(i)
}

/// An unsigned decimal number of 1 to 9 digits.
pub fn uint(i: &str) -> IResult<&str, u32> {
    map_res(take_while_m_n(1, 9, |c: char| c.is_ascii_digit()), str::parse).parse(i)
}

/// Exactly `n` ASCII digits as a number.
fn digits_n(n: usize) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |i| map_res(take_while_m_n(n, n, |c: char| c.is_ascii_digit()), str::parse).parse(i)
}

/// A dash as written between numbers: `-`, `–`, `—`, or markdown's `--`.
pub fn dash(i: &str) -> IResult<&str, &str> {
    alt((tag("--"), tag("-"), tag("–"), tag("—"))).parse(i)
}

/// A calendar date as `(year, month, day)`.
pub type Ymd = (i32, u32, u32);

/// Formats a date as `YYYY-MM-DD`.
#[must_use]
pub fn ymd_string((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn valid((y, m, d): Ymd) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// ISO date `YYYY-MM-DD`, or with full stops (`YYYY.MM.DD`, as some older minutes and
/// Word templates write it): `2023-12-07`, `2024.03.12`. One separator both times.
pub fn iso_date(i: &str) -> IResult<&str, Ymd> {
    let (rest, (y, sep, m)) = (digits_n(4), one_of("-."), digits_n(2)).parse(i)?;
    verify(preceded(char(sep), digits_n(2)).map(|d| (y as i32, m, d)), |&ymd| valid(ymd))
        .parse(rest)
}

/// Short date `YY-MM-DD` as in page headers: `23-12-07`. Years 00–69 are read as 20xx.
pub fn short_date(i: &str) -> IResult<&str, Ymd> {
    verify(
        (digits_n(2), char('-'), digits_n(2), char('-'), digits_n(2)).map(|(y, _, m, _, d)| {
            let y = y as i32;
            (if y < 70 { 2000 + y } else { 1900 + y }, m, d)
        }),
        |&ymd| valid(ymd),
    )
    .parse(i)
}

/// The Swedish month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// A Swedish month name, full or abbreviated, with or without a full stop (`december`,
/// `dec.`, `feb 2024`), as its number.
pub fn month_name(i: &str) -> IResult<&str, u32> {
    let (rest, w) = take_while1(is_alpha)(i)?;
    let lower = w.to_lowercase();
    // An abbreviation ends the word: a full stop or a space follows it.
    let abbreviated = lower.len() >= 3 && (rest.starts_with('.') || rest.starts_with(is_space));
    let found =
        MONTHS.iter().position(|m| *m == lower || (abbreviated && m.starts_with(lower.as_str())));
    match found {
        Some(n) => {
            let rest = rest.strip_prefix('.').filter(|_| MONTHS[n] != lower).unwrap_or(rest);
            Ok((rest, n as u32 + 1))
        }
        None => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
    }
}

/// The weekdays' names, bare, for [`tag_no_case_of`]: `måndag` … `söndag`.
pub const WEEKDAYS: &[(&str, ())] = &[
    ("måndag", ()),
    ("tisdag", ()),
    ("onsdag", ()),
    ("torsdag", ()),
    ("fredag", ()),
    ("lördag", ()),
    ("söndag", ()),
];

/// A weekday, with the definite ending or without it, as in `torsdagen den 25 mars 2004`,
/// `Tisdag 12 mars 2024` (a meeting system's header line).
pub fn weekday(i: &str) -> IResult<&str, &str> {
    recognize((|i| tag_no_case_of(WEEKDAYS, i), opt(tag_no_case("en")))).parse(i)
}

/// Swedish written date: `[torsdagen] [den] 7 december 2023`, `9 juni 2016`, `Tisdag 12 mars
/// 2024`, `tisdag, 12 mars 2024`.
pub fn swedish_date(i: &str) -> IResult<&str, Ymd> {
    verify(
        (
            opt((weekday, opt(char(',')), ws1)),
            opt((tag_no_case("den"), ws1)),
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            opt(char('.')),
            ws1,
            month_name,
            ws1,
            digits_n(4),
        )
            .map(|(_, _, d, _, _, m, _, y)| (y as i32, m, d.parse().unwrap_or(0))),
        |&ymd| valid(ymd),
    )
    .parse(i)
}

/// Any full date: ISO, Swedish written, or short `YY-MM-DD`.
///
/// Most places tried (every word of a line, by [`find`]) start with a byte no date starts
/// with ([`may_start_date`]): they fail before the three grammars are tried.
pub fn date(i: &str) -> IResult<&str, Ymd> {
    if !may_start_date(i) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    alt((iso_date, swedish_date, short_date)).parse(i)
}

/// A date with an optional last day: `2023-12-07 – 08`, `2023-12-07--08`, `2023-12-07 - 2023-12-08`.
///
/// Returns the first and, where written, the last day.
pub fn date_range(i: &str) -> IResult<&str, (Ymd, Option<Ymd>)> {
    let (rest, first) = match date(i) {
        Ok(found) => found,
        // Only a digit starts a range of days; other failures are final.
        Err(e) if !i.as_bytes().first().is_some_and(u8::is_ascii_digit) => return Err(e),
        Err(e) => return swedish_day_range(i).map_err(|_| e),
    };
    let mut end = (ws0, dash, ws0, alt((date, digits_n(2).map(|d| (first.0, first.1, d)))));
    match end.parse(rest) {
        Ok((r, (_, _, _, last))) if valid(last) && last > first => Ok((r, (first, Some(last)))),
        _ => Ok((rest, (first, None))),
    }
}

/// A day-first date of digits, as Finnish-Swedish and some Word templates print it and as a
/// date is typed by hand: `D.M.YYYY` (`12.3.2024`, `05.03.2024`) or `D/M YYYY` (`12/3 2024`,
/// also `12/3-2024`). Read only after a date label ([`labelled_date_range`]): in prose
/// `1.2.2024` may be a section's number and `12/3` a case number.
///
/// Pattern: `D[D].M[M].YYYY` or `D[D]/M[M](space|-)YYYY`.
fn day_first_date(i: &str) -> IResult<&str, Ymd> {
    let one_or_two = || take_while_m_n(1, 2, |c: char| c.is_ascii_digit());
    let dotted = (one_or_two(), char('.'), one_or_two(), char('.'), digits_n(4));
    let slashed = (one_or_two(), char('/'), one_or_two(), one_of(" -"), digits_n(4));
    verify(
        alt((dotted.map(|(d, _, m, _, y)| (d, m, y)), slashed.map(|(d, _, m, _, y)| (d, m, y))))
            .map(|(d, m, y): (&str, &str, u32)| {
                (y as i32, m.parse().unwrap_or(0), d.parse().unwrap_or(0))
            }),
        |&ymd| valid(ymd),
    )
    .parse(i)
}

/// [`date_range`], or else a `day_first_date`: the value of a date label
/// (`Sammanträdesdatum 12.3.2024`, `Datum: 12/3 2024`), where a number so written is a date.
pub fn labelled_date_range(i: &str) -> IResult<&str, (Ymd, Option<Ymd>)> {
    match date_range(i) {
        Ok(found) => Ok(found),
        // Only a digit starts a day-first date.
        Err(e) if !i.as_bytes().first().is_some_and(u8::is_ascii_digit) => Err(e),
        Err(e) => day_first_date(i).map(|(r, d)| (r, (d, None))).map_err(|_| e),
    }
}

/// Days of one month written out, the month named once: `14-15 november 2023`,
/// `14–15 nov. 2023` (`Sammanträdesdatum: 14-15 november 2023`).
fn swedish_day_range(i: &str) -> IResult<&str, (Ymd, Option<Ymd>)> {
    verify(
        (take_while_m_n(1, 2, |c: char| c.is_ascii_digit()), ws0, dash, ws0, swedish_date).map(
            |(first, _, _, _, last): (&str, _, _, _, Ymd)| {
                ((last.0, last.1, first.parse().unwrap_or(0)), Some(last))
            },
        ),
        |&(first, last)| valid(first) && last.is_some_and(|l| l > first),
    )
    .parse(i)
}

/// A clock time `09:15`, `09.15`, `9.15`, returned as `HH:MM`.
pub fn clock(i: &str) -> IResult<&str, String> {
    verify(
        (
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            alt((char(':'), char('.'))),
            digits_n(2),
        )
            .map(|(h, _, m): (&str, char, u32)| (h.parse::<u32>().unwrap_or(99), m)),
        |&(h, m)| h < 24 && m < 60,
    )
    .map(|(h, m)| format!("{h:02}:{m:02}"))
    .parse(i)
}

/// A time introduced by `kl`, `kl.` or `klockan`: `kl. 09:15`, `klockan 13.00`.
pub fn clock_labelled(i: &str) -> IResult<&str, String> {
    preceded((alt((tag_no_case("klockan"), tag_no_case("kl"))), opt(char('.')), ws0), clock)
        .parse(i)
}

/// Whether `word` ends with `suffix` (given in lower case), ignoring case, without allocating:
/// `Socialnämnden` ends with `nämnden`, so does `SOCIALNÄMNDEN`.
#[must_use]
pub fn ends_with_ci(word: &str, suffix: &str) -> bool {
    if word.ends_with(suffix) {
        return true;
    }
    if word.len() < suffix.len() || !word.chars().rev().take(suffix.len()).any(char::is_uppercase) {
        return false;
    }
    let mut w = word.chars().rev();
    suffix
        .chars()
        .rev()
        .all(|s| w.next().is_some_and(|c| c == s || c.to_lowercase().eq(std::iter::once(s))))
}

/// Whether `text` lower-cased starts with `prefix` (given in lower case, without `σ` or `ς`),
/// without lower-casing the whole text: `text.to_lowercase().starts_with(prefix)`, char by
/// char. (`str::to_lowercase` differs from `char::to_lowercase` only for a final `Σ`, which
/// becomes `ς` or `σ`: neither is in `prefix`, so the answer is the same.)
#[must_use]
#[inline]
pub fn starts_with_lower(text: &str, prefix: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// Whether `text` lower-cased is `word` (given in lower case, without `σ` or `ς`), as
/// [`starts_with_lower`]: `text.to_lowercase() == word`.
#[must_use]
pub fn eq_lower(text: &str, word: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    word.chars().all(|p| lower.next() == Some(p)) && lower.next().is_none()
}

/// Whether `text` holds `needle` ignoring ASCII case only.
#[must_use]
pub fn contains_ascii_ci(text: &str, needle: &str) -> bool {
    crate::scan::contains_bytes(text.as_bytes(), needle.as_bytes(), true)
}

/// How many ASCII letters `b` starts with, as `b.iter().take_while(|c| c.is_ascii_alphabetic())
/// .count()` counts them, eight bytes at a time: with bit 0x20 set, the capitals are the small
/// letters and no other byte becomes one (see `crate::scan`).
#[must_use]
pub fn ascii_letters_len(b: &[u8]) -> usize {
    use crate::scan::{HIGHS, ONES, bytes_in_range};
    let mut k = 0;
    while let Some(w) = b.get(k..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*w);
        let others = !bytes_in_range(x | (ONES * 0x20), b'a', b'z') & HIGHS;
        if others != 0 {
            return k + (others.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    k + b[k..].iter().take_while(|c| c.is_ascii_alphabetic()).count()
}

/// The byte length of the characters at the start of `s` that satisfy `keep`, as
/// `s.len() - s.trim_start_matches(keep).len()` gives it. An ASCII byte is a whole character
/// and is tested without decoding; only other characters are decoded.
#[must_use]
#[inline]
pub fn lead_len(s: &str, mut keep: impl FnMut(char) -> bool) -> usize {
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        // `k` is at a character's start: it moves by whole characters.
        let c =
            if b[k].is_ascii() { char::from(b[k]) } else { s[k..].chars().next().unwrap_or(' ') };
        if !keep(c) {
            break;
        }
        k += c.len_utf8();
    }
    k
}

/// [`lead_len`] for a `keep` that holds for every ASCII letter (`is_alpha`, or it and `-`): the
/// ASCII letters first, eight bytes at a time ([`ascii_letters_len`]), then the rest char by
/// char.
///
/// Always inlined: merely `#[inline]`, its four callers (heading and flatten first looks, body
/// names) ran 0.5% more instructions on the corpus than the two calls written out.
#[must_use]
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn letters_lead_len(s: &str, keep: impl FnMut(char) -> bool) -> usize {
    let ascii = ascii_letters_len(s.as_bytes());
    ascii + lead_len(&s[ascii..], keep)
}

/// For each first byte, the lengths (in bytes) of the `words` starting with it, as bits: a word
/// whose bit is clear is in no list built so, found without comparing it with any (see
/// [`may_be_listed`]).
///
/// # Panics
/// When a word is empty or 32 bytes or longer: in a `const`, at compile time.
#[must_use]
pub const fn first_byte_lengths(words: &[&str]) -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < words.len() {
        let w = words[k].as_bytes();
        assert!(!w.is_empty() && w.len() < 32);
        table[w[0] as usize] |= 1 << w.len();
        k += 1;
    }
    table
}

/// Whether `w` may be one of the words of `table` ([`first_byte_lengths`]): a necessary
/// condition, read from its first byte and its length.
#[must_use]
#[inline]
pub fn may_be_listed(table: &[u32; 256], w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(|&f| b.len() < 32 && table[usize::from(f)] >> b.len() & 1 == 1)
}

/// The byte offset just after the last character of `s` that matches `pred` (0 if none): the
/// start of the last word when `pred` finds separators.
#[must_use]
pub fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices().rev().find(|&(_, c)| pred(c)).map_or(0, |(p, c)| p + c.len_utf8())
}

/// Whether a byte belongs to a word when texts are scanned as bytes: an ASCII letter or digit,
/// or any byte of a non-ASCII character (counted as a letter), so scanning long texts stays
/// cheap.
#[must_use]
pub fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// `tag` in any case, as nom's `tag_no_case` but without lower-casing every character pair:
/// an ASCII tag (nearly all) is compared byte by byte ignoring ASCII case, any other char by
/// char through `char::to_lowercase`.
///
/// Example: `tag_no_case("plats och tid")` reads `Plats och tid` in `Plats och tid: Sal A`.
pub fn tag_no_case<'a>(t: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i: &'a str| {
        let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag));
        let (tb, ib) = (t.as_bytes(), i.as_bytes());
        // A first look at one byte before comparing the whole tag: most tries fail on it.
        if let (Some(&t0), Some(&i0)) = (tb.first(), ib.first())
            && !first_byte_may_match(t0, i0, t)
        {
            return Err(fail());
        }
        if t.is_ascii() {
            // Bytes equal but for ASCII case are ASCII in `i` too: `tb.len()` is a boundary.
            return if ib.len() >= tb.len() && ib[..tb.len()].eq_ignore_ascii_case(tb) {
                Ok((&i[tb.len()..], &i[..tb.len()]))
            } else {
                Err(fail())
            };
        }
        if let Some(matched) = latin_1_prefix_no_case(tb, ib) {
            return if matched { Ok((&i[tb.len()..], &i[..tb.len()])) } else { Err(fail()) };
        }
        let mut chars = i.char_indices();
        for tc in t.chars() {
            match chars.next() {
                Some((_, c)) if same_lower(c, tc) => {}
                _ => return Err(fail()),
            }
        }
        let end = chars.next().map_or(i.len(), |(at, _)| at);
        Ok((&i[end..], &i[..end]))
    }
}

/// Whether `i` starts with `t` in any case, compared byte by byte through
/// [`latin_1_lower_byte`] while both hold only ASCII and Latin-1 bytes (`Nämnd` against
/// `nämnd`); `None` when a byte of another script comes first, for the char-by-char path.
///
/// A Latin-1 char and its lower case are as long, and lower-casing keeps a lead byte a lead and
/// a following byte a following one, so bytes equal after lower-casing are chars equal after
/// [`same_lower`], and `t.len()` is a boundary of `i` when they all are. The first unequal
/// byte belongs to two Latin-1 chars, which [`same_lower`] finds unequal too.
fn latin_1_prefix_no_case(t: &[u8], i: &[u8]) -> Option<bool> {
    let (mut tp, mut ip) = (0, 0);
    for (k, &tc) in t.iter().enumerate() {
        let Some(&ic) = i.get(k) else { return Some(false) };
        if tc >= 0xC4 || ic >= 0xC4 {
            return None;
        }
        if latin_1_lower_byte(tp, tc) != latin_1_lower_byte(ip, ic) {
            return Some(false);
        }
        (tp, ip) = (tc, ic);
    }
    Some(true)
}

/// The first of `tags` that starts `i` in any case, with its value: what `alt` over
/// [`tag_no_case`] of each tag, in order, reads, in one loop. Most tags fail on their first
/// byte (`first_byte_may_match`), at the cost of a byte compare rather than a parser call.
///
/// Example: `("plats", Place)` in a table read from `Plats: Sal A` gives `(": Sal A", ("Plats",
/// Place))`.
pub fn tag_no_case_of<'a, T: Copy>(
    tags: &[(&'static str, T)],
    i: &'a str,
) -> IResult<&'a str, (&'a str, T)> {
    let i0 = i.as_bytes().first().copied();
    for &(t, value) in tags {
        let t0 = t.as_bytes().first().copied();
        if let (Some(t0), Some(i0)) = (t0, i0)
            && !first_byte_may_match(t0, i0, t)
        {
            continue;
        }
        if let Ok((rest, found)) = tag_no_case(t)(i) {
            return Ok((rest, (found, value)));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
}

/// `c == tc || c.to_lowercase().eq(tc.to_lowercase())`, with two Latin-1 chars (ASCII, `å`,
/// `Ä`, `é`, …) compared through their one-char lower case ([`latin_1_lower`]) instead of the
/// Unicode tables.
fn same_lower(c: char, tc: char) -> bool {
    match (latin_1_lower(c), latin_1_lower(tc)) {
        _ if c == tc => true,
        (Some(a), Some(b)) => a == b,
        _ => c.to_lowercase().eq(tc.to_lowercase()),
    }
}

/// The lower case of a Latin-1 char (`None` past U+00FF), which is one char: `A`–`Z`, `À`–`Ö`
/// and `Ø`–`Þ` map 32 code points on, every other char to itself (`ß`, `µ`, `ÿ`).
#[must_use]
pub fn latin_1_lower(c: char) -> Option<char> {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 32),
        '\0'..='\u{ff}' => Some(c),
        _ => None,
    }
}

/// Byte `c` of a text of Latin-1 chars lower-cased, `prev` the byte before it (0 at the start):
/// an ASCII capital, or the second byte of `À`–`Þ` but `×` (after the lead byte 0xC3), goes 0x20
/// up; every other byte stays. Branch-free, so a loop over a text's bytes vectorises.
#[must_use]
#[inline]
pub fn latin_1_lower_byte(prev: u8, c: u8) -> u8 {
    let latin = prev == 0xC3 && (0x80..=0x9E).contains(&c) && c != 0x97;
    c + 0x20 * u8::from(c.is_ascii_uppercase() | latin)
}

/// `word.to_lowercase()` written into `buf`, when every char of `word` is Latin-1 (nearly
/// every Swedish word) and it fits: each char lower-cases to one char of the same length
/// ([`latin_1_lower`]), so no final sigma or other context matters. `None` otherwise, for the
/// caller's `to_lowercase`.
///
/// Byte by byte: a Latin-1 char is one ASCII byte or the lead byte C2 or C3 and one more, and
/// its lower case differs only for `A`–`Z` (0x20 up) and for `À`–`Þ` but `×` (C3 80–9E but
/// C3 97; the second byte 0x20 up), so the lower case has the word's bytes and length.
#[inline]
pub fn latin_1_lowered<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let b = word.as_bytes();
    let out = buf.get_mut(..b.len())?;
    let mut prev = 0u8;
    // `latin_1_lower_byte`'s rule, with a branch per byte that also refuses a char past U+00FF:
    // fewer instructions on short words than the branch-free form.
    for (o, &c) in out.iter_mut().zip(b) {
        *o = match c {
            b'A'..=b'Z' => c + 0x20,
            0x80..=0x9E if prev == 0xC3 && c != 0x97 => c + 0x20,
            0..=0xBF | 0xC2 | 0xC3 => c,
            // A lead byte of a char past U+00FF.
            _ => return None,
        };
        prev = c;
    }
    std::str::from_utf8(out).ok()
}

/// Whether input starting with byte `i0` may match tag `t` (first byte `t0`) in any case: a
/// necessary condition of [`tag_no_case`] matching, decided from the two first bytes alone.
///
/// An ASCII input char `c` matches the tag's first char `tc` only if `c == tc` or both lower-case
/// to the same: ASCII `c` lower-cases to one ASCII char, and the only non-ASCII char whose lower
/// case is one ASCII char is the Kelvin sign `K` (to `k`). So with an ASCII `tc` the two bytes
/// must be equal ignoring ASCII case, and with a non-ASCII `tc` (`ö` in `övriga`) an ASCII input
/// byte never matches unless the tag starts with the Kelvin sign. A non-ASCII input char matches
/// an ASCII `tc` only as that Kelvin sign against a `k` of a tag compared char by char (an ASCII
/// tag is compared byte by byte, ignoring ASCII case only).
fn first_byte_may_match(t0: u8, i0: u8, t: &str) -> bool {
    match (t0.is_ascii(), i0.is_ascii()) {
        (true, true) => t0.eq_ignore_ascii_case(&i0),
        (false, true) => t.starts_with('\u{212a}'),
        (true, false) => t0.eq_ignore_ascii_case(&b'k') && !t.is_ascii(),
        (false, false) => true,
    }
}

/// Finds the first match of `parser` at a word start in `text`, returning the byte offset.
pub fn find<'a, O>(
    text: &'a str,
    mut parser: impl FnMut(&'a str) -> IResult<&'a str, O>,
) -> Option<(usize, O, &'a str)> {
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        let boundary = prev.is_none_or(|p| !is_alnum(p));
        if boundary
            && is_alnum(c)
            && let Ok((rest, o)) = parser(&text[at..])
            && rest.chars().next().is_none_or(|n| !is_alnum(n))
        {
            return Some((at, o, rest));
        }
        prev = Some(c);
    }
    None
}

/// [`find`] with [`clock_labelled`], trying only the places where `kl` starts a word.
///
/// Equivalent to `find(text, clock_labelled)`: both labels start with `kl`, compared by
/// [`tag_no_case`] byte by byte ignoring ASCII case (an ASCII tag), so the grammar can match
/// only where the bytes `k`/`K` and `l`/`L` start; the word-start and word-end tests are
/// [`find`]'s own, and the places are tried in the same order. The `k`s are found eight bytes
/// at a time (`scan::bytes_either`).
///
/// Example: `09:15` in `Sal A, kl. 09:15`.
#[must_use]
pub fn find_clock_labelled(text: &str) -> Option<(usize, String, &str)> {
    let b = text.as_bytes();
    for at in crate::scan::bytes_either(b, 0, b'k', b'K') {
        if !b.get(at + 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'l')) {
            continue;
        }
        // `k` is ASCII, so `at` is a char boundary and the char there is alphanumeric.
        let boundary = text[..at].chars().next_back().is_none_or(|p| !is_alnum(p));
        if boundary
            && let Ok((rest, o)) = clock_labelled(&text[at..])
            && rest.chars().next().is_none_or(|n| !is_alnum(n))
        {
            return Some((at, o, rest));
        }
    }
    None
}

/// Whether `date` (or [`date_range`]) may match at the start of `text`: a necessary condition
/// read from the first byte. Every form starts with an ASCII digit, a weekday (`måndagen` …
/// `söndagen`) or `den`; those tags start with one of `m t o f l s d`, which only that ASCII
/// letter in either case lower-cases to (the Kelvin sign and `İ` lower-case to `k` and `i`).
#[must_use]
pub fn may_start_date(text: &str) -> bool {
    text.as_bytes().first().is_some_and(|&c| {
        c.is_ascii_digit()
            || matches!(c.to_ascii_lowercase(), b'm' | b't' | b'o' | b'f' | b'l' | b's' | b'd')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_1_lowered_is_the_char_by_char_form() {
        // The char-by-char form it replaces.
        fn by_chars<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
            let mut n = 0;
            for c in word.chars() {
                let l = latin_1_lower(c)?;
                let end = n + l.len_utf8();
                n += l.encode_utf8(buf.get_mut(n..end)?).len();
            }
            std::str::from_utf8(&buf[..n]).ok()
        }
        let latin: String = (0..0x100u32).filter_map(char::from_u32).collect();
        let mut words: Vec<String> = latin.chars().map(|c| format!("Ab{c}Ö")).collect();
        words.extend(
            ["", "ÅÄÖÉ×Þß", "Kommunstyrelsen", "ŁÓDŹ", "aĀ", "KÅ", "x".repeat(24).as_str()]
                .map(String::from),
        );
        words.push("x".repeat(25));
        for w in &words {
            let (mut a, mut b) = ([0u8; 24], [0u8; 24]);
            let got = latin_1_lowered(w, &mut a).map(str::to_string);
            assert_eq!(got.as_deref(), by_chars(w, &mut b), "{w}");
            if let Some(l) = got {
                assert_eq!(l, w.to_lowercase(), "{w}");
            }
        }
    }

    #[test]
    fn ascii_letters_len_counts_as_take_while() {
        let text =
            "Sammanträdesprotokoll abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ x";
        for k in 0..text.len() {
            let b = &text.as_bytes()[k..];
            let want = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            assert_eq!(ascii_letters_len(b), want, "{k}");
        }
        for c in 0..=255u8 {
            let b = [b'a', b'B', c, b'z', b'Q', b'r', b's', b't', c, b'x'];
            let want = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            assert_eq!(ascii_letters_len(&b), want, "{c}");
        }
    }

    #[test]
    fn lead_len_is_trim_start_matches() {
        let keeps: [fn(char) -> bool; 2] = [is_alpha, char::is_whitespace];
        let lines =
            ["Arbetsutskottets förslag", "Ärende 1", "§ 5", " \u{a0}\tx", "\u{85}a", "Ål–x", ""];
        for s in lines {
            for keep in keeps {
                assert_eq!(lead_len(s, keep), s.len() - s.trim_start_matches(keep).len(), "{s}");
            }
        }
        let letters: [fn(char) -> bool; 2] = [is_alpha, |c| is_alpha(c) || c == '-'];
        for s in lines.into_iter().chain(["Hälso-och", "Kommunstyrelsens-x", "abcdefghijÅ-"]) {
            for keep in letters {
                assert_eq!(letters_lead_len(s, keep), lead_len(s, keep), "{s}");
            }
        }
    }

    #[test]
    fn latin_1_lowered_is_to_lowercase() {
        let mut buf = [0u8; 24];
        for w in ["SOCIALNÄMNDEN", "Ärendet", "KOMMITTÉN", "ÆØÅ", "", "beslut", "ẞ", "ΣNÄMND"]
        {
            let fits = w.len() <= buf.len() && w.chars().all(|c| c <= '\u{ff}');
            let got = latin_1_lowered(w, &mut buf).map(str::to_string);
            assert_eq!(got, fits.then(|| w.to_lowercase()), "{w}");
        }
        assert_eq!(latin_1_lowered("Sjukvårdsförvaltningens", &mut [0u8; 8]), None);
    }

    #[test]
    fn latin_1_bytes_compare_as_chars_do() {
        // The char-by-char comparison the byte path stands in for.
        fn by_chars(t: &str, i: &str) -> Option<usize> {
            let mut chars = i.char_indices();
            for tc in t.chars() {
                match chars.next() {
                    Some((_, c)) if same_lower(c, tc) => {}
                    _ => return None,
                }
            }
            Some(chars.next().map_or(i.len(), |(at, _)| at))
        }
        let mut chars: Vec<char> = (0x20..0x100u32).filter_map(char::from_u32).collect();
        chars.extend(['\u{212a}', 'Ÿ', 'Σ', 'İ', 'ẞ', '€']);
        let tags = ["nämnd", "Ärende", "föredragande", "ÅÄÖ", "k", "ÿ", "µx", "×"];
        for t in tags {
            for &c in &chars {
                for i in [format!("{c}{t}"), format!("{t}{c}"), t.to_uppercase(), format!("{c}")]
                    .iter()
                    .chain(std::iter::once(&t.replacen(|_| true, &c.to_string(), 1)))
                {
                    let fast = latin_1_prefix_no_case(t.as_bytes(), i.as_bytes());
                    if let Some(matched) = fast {
                        assert_eq!(matched.then_some(t.len()), by_chars(t, i), "{t:?} {i:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn latin_1_lower_case_as_unicode_says() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            if let Some(l) = latin_1_lower(c) {
                assert!(c.to_lowercase().eq(std::iter::once(l)), "{c:?}");
            } else {
                assert!(c > '\u{ff}');
            }
        }
        let some = ['a', 'Å', 'å', 'Ö', 'é', 'É', 'ß', 'k', '\u{212a}', 'İ', 'i', 'Σ', 'σ', '×'];
        for c in some {
            for tc in some {
                let slow = c == tc || c.to_lowercase().eq(tc.to_lowercase());
                assert_eq!(same_lower(c, tc), slow, "{c:?} {tc:?}");
            }
        }
    }

    #[test]
    fn latin_1_letters_as_unicode_says() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn finds_labelled_clocks_as_find_does() {
        for line in [
            "Sal A, kl. 09:15",
            "Kommunhuset klockan 13.00–15.30",
            "Sammanträdesrum Oxen, KL 8.30",
            "Onkl. 09:15, kl 25:00, kl.09.00",
            "Åkl 09.00 kl 9.15x kl 9.15",
            "kl",
            "ingen tid här",
            "\u{212a}l. 09:15",
        ] {
            assert_eq!(find_clock_labelled(line), find(line, clock_labelled), "{line}");
        }
    }

    #[test]
    fn dates_start_with_a_digit_weekday_or_den() {
        for line in [
            "2024-06-13",
            "torsdagen den 7 december 2023",
            "Måndagen den 7 december 2023",
            "LÖRDAGEN den 9 juni 2016",
            "Den 9 juni 2016",
            "9 juni 2016",
            "23-12-07",
        ] {
            assert!(may_start_date(line) && date(line).is_ok(), "{line}");
        }
        assert!(!may_start_date("Kommunstyrelsen 2013-01-09"));
        assert!(!may_start_date(""));
    }

    #[test]
    fn tags_in_any_case() {
        let plats = tag_no_case("plats och tid");
        assert_eq!(plats("Plats och tid: Sal A"), Ok((": Sal A", "Plats och tid")));
        assert_eq!(plats("PLATS OCH TID"), Ok(("", "PLATS OCH TID")));
        assert!(plats("Plats och").is_err());
        let monday = tag_no_case("måndagen");
        assert_eq!(monday("Måndagen den 7 december"), Ok((" den 7 december", "Måndagen")));
        assert_eq!(monday("MÅNDAGEN"), Ok(("", "MÅNDAGEN")));
        assert!(monday("mandagen").is_err());
        // The first-byte look keeps Unicode case folding: the Kelvin sign lower-cases to `k`.
        let kvinnor = tag_no_case("kvinnorna först");
        assert_eq!(kvinnor("\u{212a}vinnorna först"), Ok(("", "\u{212a}vinnorna först")));
        assert!(tag_no_case("klockan")("\u{212a}lockan").is_err());
        assert!(tag_no_case("övriga")("Ovriga").is_err());
        let table = [("plats och tid", 1), ("plats", 2), ("övriga", 3), ("", 4)];
        for i in ["Plats och tid: Sal A", "PLATS: Sal A", "Övriga", "Tid", "", "\u{212a}l"] {
            let by_alt = alt((
                tag_no_case("plats och tid").map(|m| (m, 1)),
                tag_no_case("plats").map(|m| (m, 2)),
                tag_no_case("övriga").map(|m| (m, 3)),
                tag_no_case("").map(|m| (m, 4)),
            ))
            .parse(i);
            assert_eq!(tag_no_case_of(&table, i).ok(), by_alt.ok(), "{i}");
        }
        assert_eq!(tag_no_case("övriga")("ÖVRIGA"), Ok(("", "ÖVRIGA")));
    }

    #[track_caller]
    fn check_date(input: &str, expected: Ymd, rest: &str) {
        let (r, d) = date(input).expect("parses");
        assert_eq!((d, r), (expected, rest));
    }

    #[test]
    fn dates() {
        check_date("2023-12-07 – 08", (2023, 12, 7), " – 08");
        check_date("23-12-07- 08 23HSN1", (2023, 12, 7), "- 08 23HSN1");
        check_date("7 december 2023", (2023, 12, 7), "");
        check_date("torsdagen den 25 mars 2004 kl", (2004, 3, 25), " kl");
        check_date("den 9 juni 2016, kl", (2016, 6, 9), ", kl");
        // A weekday without its definite ending, or with a comma after it.
        check_date("Tisdag 12 mars 2024, kl. 13.00", (2024, 3, 12), ", kl. 13.00");
        check_date("tisdag, 12 mars 2024", (2024, 3, 12), "");
        assert!(date("Tisdagsmöte 12 mars 2024").is_err());
        // A month abbreviated with or without its full stop.
        check_date("6 feb. 2024", (2024, 2, 6), "");
        check_date("6 feb 2024", (2024, 2, 6), "");
        check_date("12 Sept 2023", (2023, 9, 12), "");
        assert!(date("6 fe 2024").is_err() && date("6 mat 2024").is_err());
        assert!(date("2023-13-07").is_err());
        assert!(date("Ds 2023:26").is_err());
        // Full stops for dashes, one kind of separator in a date; a case number's is none.
        check_date("2024.03.12 kl. 13.00", (2024, 3, 12), " kl. 13.00");
        for no in ["2024.03-12", "2024-03.12", "2024.123", "2024.3.12", "2024.13.01"] {
            assert!(date(no).is_err(), "{no}");
        }
    }

    /// A date label's value written day first: `Sammanträdesdatum 12.3.2024`, `Datum: 12/3 2024`.
    #[test]
    fn day_first_dates_after_a_label() {
        for (text, ymd, rest) in [
            ("12.3.2024", (2024, 3, 12), ""),
            ("05.03.2024 kl. 13.00", (2024, 3, 5), " kl. 13.00"),
            ("12/3 2024", (2024, 3, 12), ""),
            ("12/3-2024, kl 9", (2024, 3, 12), ", kl 9"),
        ] {
            let (r, (d, end)) = labelled_date_range(text).expect(text);
            assert_eq!((d, end, r), (ymd, None, rest), "{text}");
        }
        // The other spellings as before; no day-first date in prose's grammar.
        assert_eq!(labelled_date_range("2024-03-12").map(|x| x.1.0), Ok((2024, 3, 12)));
        for no in ["13.00-15.30", "12.0.2024", "12/13 2024", "12/3 24", "1.2.3"] {
            assert!(labelled_date_range(no).is_err(), "{no}");
        }
        assert!(date("12.3.2024").is_err() && date_range("12/3 2024").is_err());
    }

    #[test]
    fn ranges() {
        let (_, r) = date_range("2023-12-07 – 08").expect("range");
        assert_eq!(r, ((2023, 12, 7), Some((2023, 12, 8))));
        let (_, r) = date_range("2023-12-07 -- 08").expect("range");
        assert_eq!(r, ((2023, 12, 7), Some((2023, 12, 8))));
        let (rest, r) = date_range("2024-06-13").expect("single");
        assert_eq!((r, rest), (((2024, 6, 13), None), ""));
        // A range of days before the month: the first day is the meeting's.
        let (rest, r) = date_range("14-15 november 2023").expect("days");
        assert_eq!((r, rest), (((2023, 11, 14), Some((2023, 11, 15))), ""));
        let (_, r) = date_range("14 – 15 nov. 2023, kl. 9").expect("days");
        assert_eq!(r, ((2023, 11, 14), Some((2023, 11, 15))));
        assert_eq!(
            find("Sammanträdesdatum: 14-15 november 2023", date_range).map(|x| x.1),
            Some(((2023, 11, 14), Some((2023, 11, 15))))
        );
        assert!(date_range("15-14 november 2023").is_err());
    }

    #[test]
    fn clocks() {
        assert_eq!(clock_labelled("kl. 09:15**").map(|x| x.1), Ok("09:15".to_string()));
        assert_eq!(clock_labelled("kl 18.00-21.20").map(|x| x.1), Ok("18:00".to_string()));
        assert_eq!(clock_labelled("klockan 9.05").map(|x| x.1), Ok("09:05".to_string()));
        assert!(clock("25:00").is_err());
    }

    #[test]
    fn lower_case_compares() {
        for (text, word) in [("Vid protokollet", "vid protokollet"), ("ÄRENDESKRIVELSE", "ärende")]
        {
            assert!(starts_with_lower(text, word));
        }
        assert!(starts_with_lower("\u{212a}lockan 9", "klockan"));
        assert!(!starts_with_lower("Sekr", "sekreterare"));
        assert!(eq_lower("SEKRETERARE", "sekreterare"));
        assert!(!eq_lower("Sekreterarens", "sekreterare"));
        assert!(contains_ascii_ci("SAMMANTRÄDESPROTOKOLL", "proto"));
    }

    #[test]
    fn finds_at_word_start() {
        let (at, d, _) = find("Tid: 2015-01-14 kl. 09.15", date).expect("found");
        assert_eq!((at, d), (5, (2015, 1, 14)));
        assert!(find("HSN/876/2024", date).is_none());
    }
}
