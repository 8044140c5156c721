//! The document's own facts: meeting date and time, place, the document's dnr, and the
//! signatures (ordförande, sekreterare, justerare with their § lists).
//!
//! Read from labelled lines (`Tid: 2023-12-07 -- 08 kl. 09:15`, `Plats: …`, `Datum` and its
//! value on the next line, `Sammanträdesdatum 2002-12-02`, `Utses att justera …`), from the
//! closing block (`Justeras`, `Vid protokollet`) and from page furniture, which still carries
//! the page header's date and dnr.

use crate::parse::lexical::is_alpha;
use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{eof, rest};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::bodies;
use super::dnr;
use super::lexical::{self, Ymd, ws0, ws1};
use super::paragraphs::paragraph_list;
use super::persons::{self, name};
use crate::model::{Adjuster, Dnr};
use crate::normalize::Line;

/// What kind of fact a header label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderLabel {
    MeetingDate,
    Time,
    Date,
    Place,
    PlaceAndTime,
    Body,
    Dnr,
    Adjusters,
}

/// The header labels in the order they are tried, each with what it announces (a label that
/// starts another, `plats` of `plats och tid`, comes after it).
const HEADER_LABELS: &[(&str, HeaderLabel)] = &[
    ("plats och tid", HeaderLabel::PlaceAndTime),
    ("tid och plats", HeaderLabel::PlaceAndTime),
    ("plats och datum", HeaderLabel::PlaceAndTime),
    ("sammanträdesplats", HeaderLabel::Place),
    ("plats", HeaderLabel::Place),
    ("sammanträdesdatum", HeaderLabel::MeetingDate),
    ("sammanträdesdag", HeaderLabel::MeetingDate),
    ("mötesdatum", HeaderLabel::MeetingDate),
    ("datum", HeaderLabel::Date),
    ("tid", HeaderLabel::Time),
    ("klockslag", HeaderLabel::Time),
    ("organ", HeaderLabel::Body),
    ("beslutsinstans", HeaderLabel::Body),
    ("sammanträdesorgan", HeaderLabel::Body),
    ("instans", HeaderLabel::Body),
    ("diarienummer", HeaderLabel::Dnr),
    ("dnr", HeaderLabel::Dnr),
    ("utses att justera", HeaderLabel::Adjusters),
    ("utsedda att justera", HeaderLabel::Adjusters),
    ("att justera", HeaderLabel::Adjusters),
    ("justerare", HeaderLabel::Adjusters),
    ("justerande", HeaderLabel::Adjusters),
];

/// A header label and the value after it on its line.
///
/// Examples: `Tid: 2023-12-07 -- 08 kl. 09:15`, `Plats och tid Roslagens Sparbank, kl 18.00`,
/// `Sammanträdesdatum 2002-12-02`, `Organ Kommunfullmäktige`, `Utses att justera Anna Ek (S)`.
fn header_label(i: &str) -> IResult<&str, (HeaderLabel, &str)> {
    // Every label starts with one of these ASCII letters, which no other first char lower-cases
    // to: other lines fail without trying each label.
    if !i.as_bytes().first().is_some_and(|b| b"ptsmdkobiuaj".contains(&b.to_ascii_lowercase())) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let (i, (_, label)) = lexical::tag_no_case_of(HEADER_LABELS, i)?;
    alt((preceded((ws0, char(':'), ws0), rest), preceded(ws1, rest), eof))
        .map(|v: &str| (label, v.trim()))
        .parse(i)
}

/// The document-level facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Meeting date (first day).
    pub date: Option<Ymd>,
    /// Last day.
    pub end_date: Option<Ymd>,
    /// Start time `HH:MM`.
    pub time: Option<String>,
    /// Place.
    pub place: Option<String>,
    /// A body named by a label (`Organ Kommunfullmäktige`) or a page header line.
    pub body: Option<String>,
    /// A body named alone on a line of the document's head (`Programnämnd social välfärd`
    /// over `Protokoll`): whose protocol it is, whatever bodies its decisions name.
    pub named_body: Option<String>,
    /// The document's own case numbers.
    pub dnr: Vec<Dnr>,
    /// Ordförande from the signatures.
    pub chair: Option<String>,
    /// Sekreterare from the signatures.
    pub secretary: Option<String>,
    /// Justerare.
    pub adjusters: Vec<Adjuster>,
}

/// The value of a label: on its line, or on the next non-blank line when the label stands alone
/// (`Datum` / `2023-12-07 – 08`). A header table that a converter printed a column at a time
/// gives its labels as one block and their values as the next (`Plats och tid` / `Beslutande`
/// / `Utses att justera` over `Stadshuset, tisdagen den 12 mars 2024 kl. 13.00` / `Anna Ek
/// (S), ordförande` / …): only the block's first label is sure of its value, the first line
/// after the block; the others, whose values may take several lines each, get none (never the
/// next label).
fn value_of<'a>(lines: &'a [Line], k: usize, inline: &'a str) -> &'a str {
    if !inline.is_empty() {
        return inline;
    }
    let mut after = lines[k + 1..].iter().filter(|l| !l.is_blank()).take(20);
    let Some(next) = lines[k + 1..].iter().take(2).find(|l| !l.is_blank()) else { return "" };
    if !bare_label(&next.text) {
        return &next.text;
    }
    let first_of_block =
        lines[..k].iter().rev().find(|l| !l.is_blank()).is_none_or(|l| !bare_label(&l.text));
    if !first_of_block {
        return "";
    }
    after.find(|l| !bare_label(&l.text)).map_or("", |l| l.text.as_str())
}

/// Whether a line is a label with no value, as a header table's label column prints it: a
/// header label alone (`Plats och tid`, `Utses att justera`), a role heading alone
/// (`Beslutande`, `Övriga deltagande`), the adjusting's label (`Justeringens plats och tid`)
/// or a signature's (`Underskrifter`, `Paragrafer`, `Sekreterare`).
pub(crate) fn bare_label(text: &str) -> bool {
    let text = text.trim();
    // Labels are short and hold no digit.
    if text.len() > 40 || text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    matches!(header_label(text), Ok((_, (_, ""))))
        || matches!(super::attendees::role_heading(text), Ok((_, (_, ""))))
        || (lexical::starts_with_lower(text, "justeringens")
            && text
                .split_whitespace()
                .skip(1)
                .all(|w| ["plats", "och", "tid", "datum"].contains(&w)))
        || ["underskrifter", "paragrafer", "sekreterare", "ordförande", "justerande"]
            .iter()
            .any(|w| lexical::eq_lower(text.trim_end_matches(':'), w))
}

/// Whether a line is only a date or date range: `2024-06-13`, `2023-12-07 – 08`.
fn date_only(text: &str) -> Option<(Ymd, Option<Ymd>)> {
    date_then(text, |r| r.trim().is_empty())
}

/// Whether the line above a date's line is the first line of a label of the adjusting
/// (`Justeringens` over `plats och tid 2024-02-05`), whose date is not the meeting's; a line
/// of its own with a date (`Justeringsdatum: 2024-02-05` over `Sammanträdesdatum: …`) is not.
fn adjusting_label_above(above: &str) -> bool {
    lexical::starts_with_lower(above, "justering") && !above.bytes().any(|b| b.is_ascii_digit())
}

/// A date alone on its line, or followed by the meeting's time: `2024-06-13`, `2024-02-01
/// kl. 13.00–15.00` (a head's line under the body, with the place on the next).
fn date_line(text: &str) -> Option<(Ymd, Option<Ymd>)> {
    date_then(text, |r| {
        let r = r.trim_start_matches([',', ' ']);
        r.trim().is_empty() || lexical::clock_labelled(r).is_ok()
    })
}

/// A date or date range that starts `text` (trimmed) and is followed by what `rest_ok` allows.
fn date_then(text: &str, rest_ok: impl Fn(&str) -> bool) -> Option<(Ymd, Option<Ymd>)> {
    let text = text.trim();
    // Most lines are prose: their first byte rules a date out.
    if !lexical::may_start_date(text) {
        return None;
    }
    match lexical::date_range(text) {
        Ok((r, d)) if rest_ok(r) => Some(d),
        _ => None,
    }
}

/// A place and a date on a line of their own, as a letter or a motion is signed off:
/// `Luleå 2018-02-20`, `Östersund den 22 januari 2025`.
///
/// Pattern: `PLACE [den] DATE`, the place one capitalised word.
fn place_and_date(text: &str) -> Option<(Ymd, Option<Ymd>)> {
    let text = text.trim();
    if !text.starts_with(char::is_uppercase) || text.len() > 60 {
        return None;
    }
    let (r, _) = nom::bytes::complete::take_while1::<_, _, nom::error::Error<&str>>(|c: char| {
        is_alpha(c) || c == '-'
    })(text)
    .ok()?;
    let (r, _) = ws1(r).ok()?;
    let r = r.strip_prefix("den ").unwrap_or(r).trim_start();
    date_only(r)
}

/// A page-header line naming a body and a date: `Kommunfullmäktige 2002-12-02 1(28)`,
/// `Kommunstyrelsens arbetsutskott 25 mars 2004`, `Nämnden för funktionsstöd 2024-02-06` (a
/// body as [`bodies::head_body`] reads it), or with the date's label between them, the
/// columns a converter set one space apart (pymupdf4llm: `**Kommunfullmäktige**
/// Sammanträdesdatum **2022-06-14**`).
///
/// Pattern: `BODY [DATE-LABEL[:]] DATE [PAGE]`.
fn body_and_date(text: &str) -> Option<(String, Ymd)> {
    // A body's name starts the line (a necessary condition of `head_body`), before the line is
    // searched for a date.
    bodies::body_name(text).ok()?;
    let (at, (d, _), rest) = lexical::find(text, lexical::date_range)?;
    let tail = rest.trim();
    if !(tail.is_empty() || tail.chars().all(|c| c.is_ascii_digit() || "() ".contains(c))) {
        return None;
    }
    let name = text[..at].trim_end().trim_end_matches(':');
    // The date's label, if any, ends the name's part.
    let name = ["sammanträdesdatum", "sammanträdesdag", "mötesdatum", "datum"]
        .iter()
        .find_map(|label| {
            let cut = name.len().checked_sub(label.len())?;
            let (before, word) = (name.get(..cut)?, &name[cut..]);
            (before.ends_with(char::is_whitespace) && lexical::eq_lower(word, label))
                .then(|| before.trim_end())
        })
        .unwrap_or(name);
    Some((bodies::head_body(name)?, d))
}

/// Whether a header's value is only a page or paragraph number, the label of such a column,
/// or nothing: `1(6)`, `Sida`, `Sida 2 av 12`, `Paragraf`, `§ 88`. Under a row of such labels
/// (`Sammanträdesdatum\tParagraf`) the values are in the row below (`2024-05-13\t88`).
fn page_only(value: &str) -> bool {
    value.split_whitespace().all(|w| {
        w.chars().all(|c| c.is_ascii_digit() || "()/§".contains(c))
            || lexical::eq_lower(w, "sida")
            || lexical::eq_lower(w, "paragraf")
            || lexical::eq_lower(w, "paragrafer")
            || w == "av"
    })
}

/// A date alone on its line, or beside the page number in the next column: `2023-09-07`,
/// `2023-09-07\t1(6)` (under a `Sammanträdesdatum\tSida` page header).
fn date_and_page(text: &str) -> Option<(Ymd, Option<Ymd>)> {
    date_then(text, page_only)
}

/// A line that dates the meeting without a date label: a protocol's title and its date
/// (`Protokoll 2023-11-22`, `Sammanträdesprotokoll 2023-11-22`, `Kommunstyrelsens protokoll
/// 2023-11-22`, `Protokoll från sammanträde den 6 december 2023`, `PROTOKOLL\t2017-10-03`: a
/// column after the date is another cell), or the day written out at the line's start
/// (`onsdagen den 6 december 2023 kl. 10.00–12.10 i Stadshuset`, Stockholm's unlabelled
/// header). An extract names its protocol after `Utdrag ur` (`Utdrag ur protokoll fört vid
/// Kommunstyrelsens sammanträde 2024-03-12`).
fn dated_title(text: &str) -> Option<(Ymd, Option<Ymd>)> {
    // The shapes start with `s`, `p`, `u`, a weekday's first letter (`m t o f l s`) or a
    // body's name (`may_start_body_name`, a necessary condition of `body_name`).
    let weekday_or_title =
        text.as_bytes().first().is_some_and(|b| b"psmtoflu".contains(&b.to_ascii_lowercase()));
    // A date holds a digit; most lines that start so hold none.
    if (!weekday_or_title && !bodies::may_start_body_name(text))
        || !text.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    if lexical::weekday(text).is_ok() {
        return lexical::date_range(text).ok().map(|(_, d)| d);
    }
    let after_body =
        bodies::body_name(text).ok().and_then(|(r, _)| ws1(r).ok()).map_or(text, |(r, _)| r);
    let after_body = (lexical::tag_no_case("utdrag"), ws1, lexical::tag_no_case("ur"), ws1)
        .parse(after_body)
        .map_or(after_body, |(r, _)| r);
    // A whole word: "Protokollet justerades 2023-12-08" is no title.
    let (r, _) = lexical::protocol_title(after_body).ok()?;
    // The date is in the title's cell, or in the next one when the title ends its cell
    // (`KOMMUNSTYRELSEN\tPROTOKOLL\t2017-10-03`, pdftotext -layout); a date of checking
    // or posting is none.
    let r = if r.trim_start_matches(' ').starts_with('\t') { r.trim_start() } else { r };
    let cell = &r[..r.find('\t').unwrap_or(r.len())];
    if lexical::contains_ascii_ci(cell, "juster") || lexical::contains_ascii_ci(cell, "anslag") {
        return None;
    }
    lexical::find(cell, lexical::date_range).map(|x| x.1)
}

/// The longest line [`column_date`] reads: a page header's columns, not a paragraph.
const MAX_HEADER_LINE: usize = 200;

/// The meeting date a line gives in one of its columns (the first or one after a tab): a date
/// label and its value (`Kommunstyrelsen\tSammanträdesdatum 2023-10-10`), the value on the line
/// below, `next`, when the label has none but a page number (`Sammanträdesdatum\t1(6)` over
/// `2023-09-07`), or a [`dated_title`] (`Kommunstyrelsen\tProtokoll 2023-12-06`). With the rank
/// of what it came from: 0 for a meeting-date label, 1 for the others.
fn column_date(text: &str, next: Option<&str>) -> Option<(u8, (Ymd, Option<Ymd>))> {
    // Each shape has a digit on the line or, for a label whose value is below it, on the next.
    let last_digit = text.bytes().rposition(|b| b.is_ascii_digit());
    if last_digit.is_none() && !next.is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let starts = std::iter::once(0).chain(text.match_indices('\t').map(|(at, _)| at + 1));
    for at in starts {
        let cell = &text[at..];
        // Of the labels, only the date labels (`sammanträdesdatum`, `sammanträdesdag`,
        // `mötesdatum`, `datum`) count here, and no label tried before them starts one: they
        // start with `s`, `m` or `d`, which no other first char lower-cases to.
        if cell.as_bytes().first().is_some_and(|b| matches!(b | 0x20, b's' | b'm' | b'd'))
            && let Ok((_, (label, value))) = header_label(cell)
            && matches!(label, HeaderLabel::MeetingDate | HeaderLabel::Date)
            && !value.starts_with("för ")
        {
            let rank = u8::from(label != HeaderLabel::MeetingDate);
            if let Some((_, d, _)) = lexical::find(value, lexical::labelled_date_range) {
                return Some((rank, d));
            }
            if page_only(value)
                && let Some(d) = next.and_then(date_and_page)
            {
                return Some((rank, d));
            }
        }
        // A dated title holds a digit in its cell (and `dated_title` looks for none otherwise).
        if last_digit.is_some_and(|k| k >= at)
            && let Some(d) = dated_title(cell)
        {
            return Some((1, d));
        }
    }
    None
}

/// Whether a line is a date label and a date alone: `Datum 2023-08-30`, `Datum: 2023-09-12`
/// (a letterhead's date, never a title).
#[must_use]
pub fn is_dated_label(text: &str) -> bool {
    matches!(
        header_label(text),
        Ok((_, (HeaderLabel::Date | HeaderLabel::MeetingDate, v))) if date_only(v).is_some()
    )
}

/// Reads the header facts from the preamble (the lines before the first paragraph), the
/// furniture set aside by normalisation, and the whole text for a standalone date.
#[must_use]
pub fn header(preamble: &[Line], furniture: &[Line], all: &[Line]) -> Header {
    let mut h = Header::default();
    let mut date_from_label = false;
    // The rank of the label the date came from: "Sammanträdesdatum" beats "Tid" and "Datum".
    let mut date_rank = u8::MAX;
    let mut prev_text = "";
    for (k, line) in preamble.iter().enumerate() {
        let after = std::mem::replace(&mut prev_text, line.text.as_str());
        let Ok((_, (label, inline))) = header_label(&line.text) else {
            // A meeting-date label's date is final; a header line is short (a flattened page
            // is not one).
            if date_rank == 0 || line.text.len() > MAX_HEADER_LINE {
                continue;
            }
            let next = preamble[k + 1..].iter().find(|l| !l.is_blank()).map(|l| l.text.as_str());
            if let Some((rank, (d, end))) = column_date(&line.text, next)
                && rank < date_rank
                && !adjusting_label_above(after)
            {
                (h.date, h.end_date, date_rank) = (Some(d), end, rank);
                date_from_label = true;
            }
            continue;
        };
        let value = value_of(preamble, k, inline);
        // "Justeringens / plats och tid …" and "Datum för anslags uppsättande" date other things.
        let other_date = adjusting_label_above(after) || value.starts_with("för ");
        match label {
            HeaderLabel::MeetingDate
            | HeaderLabel::Time
            | HeaderLabel::Date
            | HeaderLabel::PlaceAndTime => {
                let rank = u8::from(label != HeaderLabel::MeetingDate);
                // "Sammanträdesdatum\tSida" over "2023-09-07\t1(6)": the date is below.
                let below = || {
                    let next = preamble[k + 1..].iter().take(2).find(|l| !l.is_blank());
                    (page_only(inline) && label != HeaderLabel::Time)
                        .then(|| next.and_then(|l| date_and_page(&l.text)))
                        .flatten()
                };
                let found =
                    lexical::find(value, lexical::labelled_date_range).map(|x| x.1).or_else(below);
                if let Some((d, end)) = found
                    && rank < date_rank
                    && !other_date
                {
                    h.date = Some(d);
                    h.end_date = end;
                    date_from_label = true;
                    date_rank = rank;
                }
                if other_date {
                    continue;
                }
                if h.time.is_none() {
                    h.time = lexical::find_clock_labelled(value).map(|x| x.1);
                }
                // "Tid: 09.00–12.15": under a time label the clock needs no "kl".
                if h.time.is_none() && label == HeaderLabel::Time {
                    h.time = lexical::find(value, lexical::clock).map(|x| x.1);
                }
                if h.time.is_none() && label == HeaderLabel::PlaceAndTime {
                    h.time = value.split(',').find_map(bare_clock_range);
                }
                if label == HeaderLabel::PlaceAndTime && h.place.is_none() {
                    h.place = place_of(value);
                }
            }
            HeaderLabel::Place => {
                if h.place.is_none() {
                    h.place = place_of(value);
                }
            }
            HeaderLabel::Body => {
                if let Some(b) = bodies::organ_body(value) {
                    h.body.get_or_insert(b);
                }
            }
            HeaderLabel::Dnr => {
                let (found, _) = dnr::labelled(value);
                for d in found {
                    if !h.dnr.iter().any(|x| x.key == d.key) {
                        h.dnr.push(d);
                    }
                }
            }
            HeaderLabel::Adjusters => {
                for p in persons::trailing_people(value)
                    .into_iter()
                    .chain(persons::leading_people(value))
                {
                    if !p.name.is_empty() && !h.adjusters.iter().any(|a| a.name == p.name) {
                        h.adjusters.push(Adjuster { name: p.name, paragraphs: Vec::new() });
                    }
                }
            }
        }
    }
    if !date_from_label {
        // A page header repeated on every page was set aside as furniture with its date.
        let dated = furniture.iter().enumerate().find_map(|(k, l)| {
            if l.text.len() > MAX_HEADER_LINE {
                return None;
            }
            // The line below, set aside or kept (the date under a repeated label differs in
            // its page number from page to page).
            let kept = all.get(all.partition_point(|x| x.no <= l.no)..).unwrap_or_default();
            let next = furniture[k + 1..]
                .iter()
                .take(1)
                .chain(kept.iter().filter(|x| !x.is_blank()).take(1))
                .filter(|n| n.no <= l.no + 2)
                .min_by_key(|n| n.no)
                .map(|n| n.text.as_str());
            column_date(&l.text, next)
        });
        if let Some((_, (d, end))) = dated {
            (h.date, h.end_date) = (Some(d), end);
            date_from_label = true;
        }
    }
    // A page header of a body and a date, or a body line over a date line (an extract's header).
    let non_blank: Vec<&Line> = all.iter().chain(furniture).filter(|l| !l.is_blank()).collect();
    // A council's name and a date in the text below the head is a document's, listed under
    // `Beslutsunderlag` (`Funktionshinderrådet 2024-02-01`), not the page header of the
    // council's own minutes: those are set aside as furniture, or stand in the head.
    let head_end = preamble.last().map_or(0, |l| l.no);
    let in_text =
        |line: &Line| line.no > head_end && all.binary_search_by_key(&line.no, |l| l.no).is_ok();
    for (k, line) in non_blank.iter().enumerate() {
        // Both shapes are short lines; prose is not looked at.
        // Both start with a body's name, whose first word tells most lines from one
        // ([`bodies::may_start_body_name`], a necessary condition of [`bodies::body_name`]).
        if line.text.len() > 100 || !bodies::may_start_body_name(&line.text) {
            continue;
        }
        if let Some((body, d)) = body_and_date(&line.text) {
            if bodies::is_council(&body) && in_text(line) {
                continue;
            }
            h.body.get_or_insert(body);
            if !date_from_label {
                h.date.get_or_insert(d);
            }
            break;
        }
        if let Ok((r, b)) = bodies::body_name(&line.text)
            && r.trim().is_empty()
            && let Some(next) = non_blank.get(k + 1)
            && let Some((d, end)) = date_line(&next.text)
        {
            h.body.get_or_insert_with(|| bodies::canonical(b));
            if !date_from_label {
                h.date.get_or_insert(d);
                h.end_date = h.end_date.or(end);
            }
            break;
        }
    }
    if h.date.is_none()
        && let Some((d, end)) = preamble.iter().chain(all).find_map(|l| date_line(&l.text))
    {
        h.date = Some(d);
        h.end_date = end;
    }
    if h.date.is_none()
        && let Some((d, end)) = preamble.iter().chain(all).find_map(|l| place_and_date(&l.text))
    {
        // A letter or a motion signed off with its place and date.
        (h.date, h.end_date) = (Some(d), end);
    }
    if h.date.is_none()
        && let Some((d, end)) = furniture.iter().find_map(|l| date_and_page(&l.text))
    {
        // A date alone under the page header's label on every page (`Sammanträdesdatum` over
        // `2023-09-07`), set aside as furniture.
        (h.date, h.end_date) = (Some(d), end);
    }
    if h.date.is_none() {
        // A web page hosting the PDF titles its download with the first page's header, which
        // kept the digits the page text lost: `Download "… Kommunstyrelsen 2013-01-09"`.
        if let Some((_, (d, end), _)) = furniture
            .iter()
            .filter(|l| l.text.starts_with("Download \""))
            .find_map(|l| lexical::find(&l.text, lexical::date_range))
        {
            h.date = Some(d);
            h.end_date = end;
        }
    }
    // The preamble is `all` up to the first heading: furniture before that is in the head.
    let head_end = all.get(preamble.len()).map_or(u32::MAX, |l| l.no);
    h.named_body = named_body(preamble, furniture, head_end);
    if h.time.is_none() {
        h.time = preamble
            .iter()
            .take(60)
            .find_map(|l| lexical::find_clock_labelled(&l.text).map(|x| x.1));
    }
    if h.dnr.is_empty() {
        // A letterhead's case number on a line of its own: `RS/595/2023`.
        for line in preamble.iter().take(40) {
            if let Ok((r, d)) = dnr::dnr(&line.text)
                && r.trim().is_empty()
            {
                h.dnr.push(d);
                break;
            }
        }
    }
    h
}

/// The body a document's head names on a line of its own, or in a column of one (a page
/// header: `Kommunstyrelsen\tSammanträdesdatum 2023-10-10`), or in a protocol's title
/// (`Kommunstyrelsens protokoll`), or after the organisation in a flattened page header
/// (`VILHELMINA KOMMUN PROTOKOLL 1(54) Socialnämnden`): the first of its first lines, page
/// headers set aside as furniture before line `end` among them, that [`bodies::head_body`]
/// reads; with the utskott a line below names, the board's utskott ([`bodies::utskott_of`]).
fn named_body(preamble: &[Line], furniture: &[Line], end: u32) -> Option<String> {
    let mut head: Vec<&Line> = preamble
        .iter()
        .chain(furniture.iter().filter(|l| l.no < end))
        .filter(|l| !l.is_blank())
        .collect();
    head.sort_by_key(|l| l.no);
    // A name is short: longer cells are prose, but for a flattened page header's, whose body
    // runs on into the page's text.
    let named_in = |l: &Line| {
        l.text
            .split('\t')
            .filter(|cell| cell.len() <= 80)
            .find_map(|cell| {
                bodies::head_body(cell)
                    .or_else(|| bodies::titled_body(cell))
                    .or_else(|| bodies::dated_head_body(cell))
            })
            .or_else(|| bodies::letterhead_body(&l.text))
    };
    let (k, body) = head.iter().take(15).enumerate().find_map(|(k, l)| Some((k, named_in(l)?)))?;
    // `KOMMUNSTYRELSEN  PROTOKOLL` over `Arbetsutskottet  Sida 1 av 3`: the board's utskott.
    let below = head.get(k + 1).and_then(|l| named_in(l));
    Some(below.and_then(|sub| bodies::utskott_of(&body, &sub)).unwrap_or(body))
}

/// The place in a `Plats och tid` value: its comma-separated parts without the time, each
/// part up to where its time starts ([`time_starts`]). The place is written before the time
/// or after it: the parts before the first time, or, where the value opens with the time,
/// the parts after it.
///
/// Pattern: `PLACE-PART (, PLACE-PART)*` with time parts anywhere among them. Examples:
/// `Stadshuset, sammanträdesrum Hudiksvall, tisdag 14 mars 2023 kl 13.00–16.15`,
/// `Måndag den 20 juni 2022, klockan 18.30–21.40, Folkets hus, Bollnäs` (the time first, as
/// meeting systems write it), `2023-03-14 kl. 13.00, Kommunhuset`,
/// `Kommunhuset, Sessionssalen kl. 09.00-12.00`.
fn place_of(value: &str) -> Option<String> {
    let v = value.replace('\t', " ");
    let mut place = String::new();
    for part in v.split(',') {
        let part = part.trim();
        let time = time_starts(part);
        let kept = part[..time.unwrap_or(part.len())].trim().trim_end_matches([',', '.']).trim();
        if kept.chars().any(is_alpha) {
            if !place.is_empty() {
                place.push_str(", ");
            }
            place.push_str(kept);
        }
        // The time after the place ends it.
        if time.is_some() && !place.is_empty() {
            break;
        }
    }
    // A place is a few words; a value that runs on over a flattened page is no place.
    (!place.is_empty() && place.len() <= MAX_PLACE).then_some(place)
}

/// The longest place kept, in bytes: `Hotell- och restaurangprogrammet, Stockholmsvägen 55,
/// Norrtälje` is 64.
const MAX_PLACE: usize = 120;

/// A part of a `Plats och tid` value that is a clock range without `kl`: its start.
///
/// Pattern: `CLOCK DASH CLOCK`. Example: `09.00-11.00` in `Jan Sahléns tjänsterum,
/// kommunhuset, våning 4, 09.00-11.00` (not `14.03.2023`, a date).
fn bare_clock_range(part: &str) -> Option<String> {
    let (_, (start, ..)) =
        (lexical::clock, ws0, lexical::dash, ws0, lexical::clock).parse(part.trim()).ok()?;
    Some(start)
}

/// Where the time starts in one comma-separated part of a `Plats och tid` value: at a
/// weekday (`tisdag`, `Måndagen`), `den`, a date, or `kl`/`klockan` (whatever follows: in a
/// flattened page the clock may be lost); at
/// the part's start also a bare clock time (`13.00–16.15`; a number with a dot further in may
/// be a room's: `Rum 2.14`).
///
/// Example: 11 in `Stadshuset tisdag 14 mars 2023`.
fn time_starts(part: &str) -> Option<usize> {
    let word_ends = |r: &str| r.chars().next().is_none_or(|c| !lexical::is_alnum(c));
    let time_here = |i: &str| {
        let weekday = lexical::tag_no_case_of(lexical::WEEKDAYS, i)
            .is_ok_and(|(r, _)| word_ends(r.strip_prefix("en").unwrap_or(r)));
        weekday
            // `den 14 mars`; a capital `Den` before anything else starts a sentence.
            || (i.starts_with("den") && word_ends(&i[3..]))
            || lexical::tag_no_case("den ")(i).is_ok_and(|(r, _)| r.starts_with(|c: char| c.is_ascii_digit()))
            || lexical::labelled_date_range(i).is_ok_and(|(r, _)| word_ends(r))
            || lexical::tag_no_case("kl")(i).is_ok_and(|(r, _)| {
                word_ends(r) || lexical::tag_no_case("ockan")(r).is_ok_and(|(r, _)| word_ends(r))
            })
    };
    if lexical::clock(part).is_ok() {
        return Some(0);
    }
    let mut prev: Option<char> = None;
    for (at, c) in part.char_indices() {
        if prev.is_none_or(|p| !lexical::is_alnum(p))
            && lexical::is_alnum(c)
            && time_here(&part[at..])
        {
            return Some(at);
        }
        prev = Some(c);
    }
    None
}

/// Whether a line opens the closing signatures: `Justeras`, `Vid protokollet`,
/// `Paragrafen är justerad`, `Underskrifter`.
#[must_use]
pub fn is_closing(text: &str) -> bool {
    // The longest label is 27 characters; prose is not lower-cased to find out.
    if text.len() > 48 {
        return false;
    }
    let t = text.trim().trim_end_matches([':', '.']);
    // Every label starts with one of these ASCII letters, which only the same letter in either
    // case lower-cases to; most lines fail here. The rest are compared lower-cased char by char.
    if !t.as_bytes().first().is_some_and(|b| b"jvupo".contains(&b.to_ascii_lowercase())) {
        return false;
    }
    [
        "justeras",
        "justerat",
        "justerat och bestyrkt",
        "vid protokollet",
        "underskrifter",
        "paragrafen är justerad",
        "paragrafen justerad",
        "protokollet justeras",
        "justerandes signatur",
        "justerare signatur",
        "ordförandens signatur",
    ]
    .iter()
    .any(|label| lexical::eq_lower(t, label))
}

/// Reads the signatures of a closing block:
///
/// ```text
/// Justeras
/// Elina Backlund Arab
/// Ordförande Hälso- och sjukvårdsutskottet
/// Pia Lundin §§ 90–91, 93–95, 97
/// Viktoria Jansson §§ 92, 96, 98
/// Vid protokollet
/// Maria Öhman
/// ```
pub fn closing(lines: &[Line], h: &mut Header) {
    let mut pending_secretary = false;
    let texts: Vec<&str> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.trim_end_matches(['.', '…', ' ', '\t']))
        .collect();
    for (k, text) in texts.iter().enumerate() {
        if lexical::starts_with_lower(text, "vid protokollet")
            || lexical::eq_lower(text, "sekreterare")
        {
            pending_secretary = true;
            continue;
        }
        let Ok((r, n)) = name(text) else { continue };
        if pending_secretary {
            h.secretary.get_or_insert_with(|| persons::plain_name(n).into_owned());
            pending_secretary = false;
            continue;
        }
        if texts.get(k + 1).is_some_and(|t| lexical::starts_with_lower(t, "ordförande")) {
            h.chair.get_or_insert_with(|| persons::plain_name(n).into_owned());
            continue;
        }
        let paragraphs = paragraph_list(r.trim_start()).map(|x| x.1).unwrap_or_default();
        if !r.trim().is_empty() && paragraphs.is_empty() {
            continue;
        }
        let n = persons::plain_name(n);
        match h.adjusters.iter_mut().find(|a| a.name == n) {
            Some(a) if a.paragraphs.is_empty() => a.paragraphs = paragraphs,
            Some(_) => {}
            None => h.adjusters.push(Adjuster { name: n.into_owned(), paragraphs }),
        }
    }
    if let Some(chair) = &h.chair {
        h.adjusters.retain(|a| &a.name != chair);
    }
    if let Some(sec) = &h.secretary {
        h.adjusters.retain(|a| &a.name != sec);
    }
}

/// Whether `t` holds `...` or `…`, as `t.contains("...") || t.contains('…')` says, in one pass
/// over its dots and the last bytes of `…` (E2 80 A6), found eight bytes at a time (a
/// substring search sets up its searcher for every line). A0–BF bytes are continuation bytes:
/// an A6 after E2 80 is the end of `…`, never of another char.
fn is_dotted(t: &str) -> bool {
    let b = t.as_bytes();
    crate::scan::bytes_either(b, 0, b'.', 0xA6).any(|k| {
        if b[k] == b'.' { b[k + 1..].starts_with(b"..") } else { b[..k].ends_with(&[0xE2, 0x80]) }
    })
}

/// Signature lines of a preamble: `Sekreterare ........ Paragrafer 266-284` or
/// `Ordförande ....` followed by the name on the next line.
pub fn signatures(lines: &[Line], h: &mut Header) {
    let non_blank: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    for (k, line) in non_blank.iter().enumerate() {
        let t = line.text.as_str();
        let dotted = is_dotted(t);
        let Some(next) = non_blank.get(k + 1) else { break };
        // Only a dotted line is a signature line: the next line's name is read for it alone.
        if !dotted {
            continue;
        }
        let next_name = match name(&next.text) {
            Ok((r, n)) if r.trim().is_empty() || r.trim_start().starts_with('(') => {
                Some(n.to_string())
            }
            _ => None,
        };
        let label = t
            .split(|c: char| c.is_whitespace() || c == '.')
            .find(|w| matches!(*w, "Sekreterare" | "Ordförande"));
        if let (true, Some(n), Some(label)) = (dotted, next_name, label) {
            if label == "Sekreterare" {
                h.secretary.get_or_insert(n);
            } else {
                h.chair.get_or_insert(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::test_lines as lines;

    /// `column_date`'s first look: the date labels start with `s`, `m` or `d`.
    /// A `Plats och tid` value run on over a flattened page is no place.
    #[test]
    fn a_place_is_a_few_words() {
        assert_eq!(
            place_of("Stadshuset, Vilhelmina, torsdagen den 9 juni").as_deref(),
            Some("Stadshuset, Vilhelmina")
        );
        let run_on = "och 11 mnkr under 2024. Detta görs i Tertialrapport per april 2011. Hälso- och uppföljning. Viktiga delar i verksamheterna. Uppdraget att";
        assert_eq!(place_of(run_on), None);
    }

    #[test]
    fn date_labels_first_letters() {
        for &(t, label) in HEADER_LABELS {
            if matches!(label, HeaderLabel::MeetingDate | HeaderLabel::Date) {
                assert!(matches!(t.as_bytes()[0], b's' | b'm' | b'd'), "{t}");
            }
        }
        for cell in ["SAMMANTRÄDESDATUM 2023-10-10", "Mötesdatum: 2023-10-10", "DATUM 2023-10-10"]
        {
            assert!(header_label(cell).is_ok(), "{cell}");
            assert_eq!(column_date(cell, None).map(|x| x.1.0), Some((2023, 10, 10)), "{cell}");
            let row = format!("Kommunstyrelsen\t{cell}");
            assert_eq!(column_date(&row, None).map(|x| x.1.0), Some((2023, 10, 10)), "{row}");
        }
        // A label whose date is on the next line, and a title dated in the next cell.
        assert_eq!(
            column_date("Sammanträdesdatum", Some("2023-09-07")).map(|x| x.1.0),
            Some((2023, 9, 7))
        );
        assert_eq!(
            column_date("KOMMUNSTYRELSEN\tPROTOKOLL\t2017-10-03", None).map(|x| x.1.0),
            Some((2017, 10, 3))
        );
    }

    #[test]
    fn region_vasternorrland_header() {
        let ls = lines(
            "Datum\n2023-12-07 – 08\n\nDnr\n23HSN1\n\nTid: 2023-12-07 -- 08 kl. 09:15\n\nPlats: Regionens hus i Härnösand, E-huset lokal \"Nämndsalen\"",
        );
        let h = header(&ls, &[], &ls);
        assert_eq!(h.date, Some((2023, 12, 7)));
        assert_eq!(h.end_date, Some((2023, 12, 8)));
        assert_eq!(h.time.as_deref(), Some("09:15"));
        assert_eq!(
            h.place.as_deref(),
            Some("Regionens hus i Härnösand, E-huset lokal \"Nämndsalen\"")
        );
        assert_eq!(h.dnr[0].raw, "23HSN1");
    }

    /// The time before the place, a bare weekday, or the place alone before `kl.`.
    #[test]
    fn place_without_the_time() {
        for (value, place) in [
            (
                "Stadshuset, sammanträdesrum Hudiksvall, tisdag 14 mars 2023 kl 13.00–16.15",
                "Stadshuset, sammanträdesrum Hudiksvall",
            ),
            (
                "Måndag den 20 juni 2022, klockan 18.30–21.40, Folkets hus, Bollnäs",
                "Folkets hus, Bollnäs",
            ),
            ("Kommunhuset, Sessionssalen kl. 09.00-12.00", "Kommunhuset, Sessionssalen"),
            ("2023-03-14 kl. 13.00, Kommunhuset", "Kommunhuset"),
            ("Kommunhuset, 2023-03-14, 13.00–15.30", "Kommunhuset"),
            ("Sammanträdesrummet Älgen torsdagen den 25 mars 2004", "Sammanträdesrummet Älgen"),
            (
                "Roslagens Sparbank, Danskes gränd 2, Norrtälje, kl 18.00-21.20",
                "Roslagens Sparbank, Danskes gränd 2, Norrtälje",
            ),
            ("Lördagsvägen 3, Rum 2.14, kl 9.00", "Lördagsvägen 3, Rum 2.14"),
            ("Folkets hus, kl 18.30, ajournering 19.30-19.45, Bollnäs", "Folkets hus"),
        ] {
            assert_eq!(place_of(value).as_deref(), Some(place), "{value}");
        }
        assert_eq!(place_of("tisdag 14 mars 2023 kl 13.00"), None);
        let ls = lines("Plats och tid: Jan Sahléns tjänsterum, kommunhuset, 09.00-11.00");
        let h = header(&ls, &[], &ls);
        assert_eq!(
            (h.time.as_deref(), h.place.as_deref()),
            (Some("09:00"), Some("Jan Sahléns tjänsterum, kommunhuset"))
        );
        assert_eq!(bare_clock_range("14.03.2023"), None);
        assert_eq!(bare_clock_range(" 13.00 – 16.15").as_deref(), Some("13:00"));
        let ls = lines("Tid och plats: 2023-03-14 kl. 13.00, Kommunhuset");
        let h = header(&ls, &[], &ls);
        assert_eq!(h.date, Some((2023, 3, 14)));
        assert_eq!((h.time.as_deref(), h.place.as_deref()), (Some("13:00"), Some("Kommunhuset")));
    }

    /// The adjusting's date on a line of its own above the meeting's date label, and a date
    /// with its time under the body.
    #[test]
    fn dates_under_the_body() {
        for (head, date) in [
            (
                "Socialnämnden\nJusteringsdatum: 2024-02-05\nSammanträdesdatum: 2024-02-01",
                (2024, 2, 1),
            ),
            ("Protokoll\nSocialnämnden\n2024-02-01 kl. 13.00–15.00\nStadshuset", (2024, 2, 1)),
            (
                "Justeringens\nplats och tid 2024-02-05\n\nSammanträdesdatum 2024-02-01",
                (2024, 2, 1),
            ),
        ] {
            let ls = lines(head);
            assert_eq!(header(&ls, &[], &ls).date, Some(date), "{head}");
        }
        let ls = lines("Socialnämnden\nJusteringens\nplats och tid Stadshuset 2024-02-05");
        assert_eq!(header(&ls, &[], &ls).date, None);
    }

    /// A page header whose columns a converter printed one space apart: the body's name, then
    /// the date label (pymupdf4llm: `**Kommunfullmäktige** Sammanträdesdatum **2022-06-14**`).
    #[test]
    fn a_date_label_after_the_body_one_space_apart() {
        for head in [
            "SKELLEFTEÅ KOMMUN PROTOKOLL 1 (3)\n\nKommunfullmäktige Sammanträdesdatum 2022-06-14",
            "Kommunstyrelsens arbetsutskott Datum: 2022-06-14 1 (3)",
        ] {
            let ls = lines(head);
            assert_eq!(header(&ls, &[], &ls).date, Some((2022, 6, 14)), "{head}");
        }
        assert_eq!(
            body_and_date("Kommunfullmäktige Sammanträdesdatum 2022-06-14"),
            Some(("Kommunfullmäktige".to_string(), (2022, 6, 14)))
        );
        // A body's decision of a date is no header.
        assert_eq!(body_and_date("Kommunfullmäktige beslutar 2022-06-14"), None);
        // A body named by what it is for, or by an adjective; a body word alone names none.
        assert_eq!(
            body_and_date("Nämnden för funktionsstöd 2024-02-06"),
            Some(("Nämnden för funktionsstöd".to_string(), (2024, 2, 6)))
        );
        assert_eq!(
            body_and_date("Regionala utvecklingsnämnden 6 feb 2024 1 (12)"),
            Some(("Regionala utvecklingsnämnden".to_string(), (2024, 2, 6)))
        );
        assert_eq!(body_and_date("Nämnden 2024-02-06"), None);
    }

    /// A header table's row of labels over its row of values, as a converter prints an
    /// extract's head (`| Sammanträdesdatum | Paragraf |` / `| 2024-05-13 | 88 |`).
    #[test]
    fn a_row_of_labels_over_its_values() {
        for head in [
            "Sammanträdesdatum\tParagraf\n2024-05-13\t88",
            "Sammanträdesdatum\tParagrafer\n2024-05-13\t§ 88",
            "Kommunstyrelsen\tSammanträdesdatum\tParagraf\n2024-05-13\t88",
        ] {
            let ls = lines(head);
            assert_eq!(header(&ls, &[], &ls).date, Some((2024, 5, 13)), "{head}");
        }
    }

    /// A header table printed a column at a time (pdftotext without -layout): the labels as
    /// one block, then their values. The first label takes the first value; no label takes
    /// the next label as its value.
    #[test]
    fn labels_as_one_block_and_their_values_as_the_next() {
        let ls = lines(
            "SAMMANTRÄDESPROTOKOLL\nBarn- och utbildningsnämnden\n\nPlats och tid\nBeslutande\nÖvriga deltagande\nUtses att justera\nJusteringens plats och tid\n\nStadshuset, sammanträdesrum Oden, tisdagen den 12 mars 2024 kl. 13.00–15.30\nAnna Svensson (S), ordförande\nErik Berg (M)\nMaria Lund, sekreterare\nErik Berg\nStadshuset 2024-03-15",
        );
        let h = header(&ls, &[], &ls);
        assert_eq!(h.date, Some((2024, 3, 12)));
        assert_eq!(h.time.as_deref(), Some("13:00"));
        assert_eq!(h.place.as_deref(), Some("Stadshuset, sammanträdesrum Oden"));
        assert!(h.adjusters.is_empty());
        for label in [
            "Plats och tid",
            "Beslutande",
            "Övriga deltagande",
            "Justeringens plats och tid",
            "Paragrafer",
            "Utses att justera",
        ] {
            assert!(bare_label(label), "{label}");
        }
        for line in [
            "Stadshuset 2024-03-15",
            "Anna Svensson (S), ordförande",
            "Plats och tid Stadshuset",
            "Erik Berg",
        ] {
            assert!(!bare_label(line), "{line}");
        }
    }

    #[test]
    fn time_label_without_kl() {
        let ls = lines("Sammanträdesdatum: 2024-02-13\nTid: 09.00–12.15");
        let h = header(&ls, &[], &ls);
        assert_eq!((h.date, h.time.as_deref()), (Some((2024, 2, 13)), Some("09:00")));
    }

    #[test]
    fn norrtalje_header() {
        let ls = lines(
            "Kommunfullmäktige 2002-12-02 1(28)\n\nPlats och tid Roslagens Sparbank, Danskes gränd 2, Norrtälje, kl 18.00-21.20\n\nUtses att justera Annette Tagesson (m) och Jan Emanuel Johansson (s)",
        );
        let h = header(&ls, &[], &ls);
        assert_eq!((h.date, h.body.as_deref()), (Some((2002, 12, 2)), Some("Kommunfullmäktige")));
        assert_eq!(h.time.as_deref(), Some("18:00"));
        assert_eq!(h.place.as_deref(), Some("Roslagens Sparbank, Danskes gränd 2, Norrtälje"));
        assert_eq!(h.adjusters.len(), 2);
    }

    /// The header facts of a text as the parser reads them: normalised, the preamble before
    /// the first `§`, the furniture set aside.
    fn header_of(text: &str) -> Header {
        let n = crate::normalize::normalize(text);
        let first = n.lines.iter().position(|l| l.text.starts_with('§')).unwrap_or(n.lines.len());
        header(&n.lines[..first], &n.furniture, &n.lines)
    }

    /// A council's name and a date in the text is a document listed under `Beslutsunderlag`,
    /// not the minutes' body; in the head it is the body.
    #[test]
    fn a_council_in_the_text_is_no_page_header() {
        let h = header_of(
            "PROTOKOLL\nSammanträdesdatum 2024-03-12\n\n§ 1 Tillgänglighetsplan\n\nBeslutsunderlag\nTjänsteskrivelse 2024-02-20\nFunktionshinderrådet 2024-02-01\n",
        );
        assert_eq!((h.date, h.body.as_deref()), (Some((2024, 3, 12)), None));
        let h = header_of("Funktionshinderrådet 2024-03-12\n\n§ 1 Tillgänglighetsplan\n");
        assert_eq!(h.body.as_deref(), Some("Funktionshinderrådet"));
    }

    /// A page header repeated on every page is furniture, and still dates the meeting.
    #[test]
    fn date_in_a_repeated_page_header() {
        let page = |n: u32| {
            format!(
                "Sala kommun            Protokoll\nKommunstyrelsen        Sammanträdesdatum 2023-10-10\n\n§ {n}\nA\n\nBeslut\nKommunstyrelsen beslutar att godkänna.\n\n"
            )
        };
        let h = header_of(&(1..=3).map(page).collect::<String>());
        assert_eq!(h.date, Some((2023, 10, 10)));
        assert_eq!(h.named_body.as_deref(), Some("Kommunstyrelsen"));
        // Ljusdal: the label's value stands under it, beside a page number.
        let page = |n: u32| {
            format!(
                "LJUSDALS KOMMUN                                 SAMMANTRÄDESPROTOKOLL               Sida\nKommunstyrelsen                                 Sammanträdesdatum                    {n}(6)\n                                                2023-09-07\n\nJusteringens\nplats och tid       Kommunhuset 2023-09-12\n\nKS § {n}                                        Dnr 2023/456\n\nTitel\n\n"
            )
        };
        let h = header_of(&(1..=3).map(page).collect::<String>());
        assert_eq!(h.date, Some((2023, 9, 7)));
        // The label repeated, its value beside each page's number.
        let page = |n: u32| {
            format!(
                "Kommunstyrelsen\tSammanträdesdatum\tSida\n2023-09-07\t{n}(6)\n\nKS § {n}\tDnr 2023/456\n\nTitel\n\n"
            )
        };
        let h = header_of(&(1..=3).map(page).collect::<String>());
        assert_eq!(h.date, Some((2023, 9, 7)));
        let text = "Helsingborgs stad\nProtokoll 2023-11-22\n\n§ 1\nA\n\n".repeat(3);
        assert_eq!(header_of(&text).date, Some((2023, 11, 22)));
        // pdftotext -layout: the title and the date in columns of their own.
        let page = |n: u32| {
            format!(
                "\x0cKOMMUNSTYRELSEN                 PROTOKOLL                 2017-10-03\nArbetsutskottet                                            Sida {n} av 3\n\n§ {n}    Dnr KS 2017/288\n\nTitel\n\n"
            )
        };
        let h = header_of(&(1..=3).map(page).collect::<String>());
        assert_eq!(h.date, Some((2017, 10, 3)));
    }

    /// Dates without a date label: a protocol's title with its date, Stockholm's day written
    /// out under "fört vid sammanträde", a range of days before the month.
    #[test]
    fn unlabelled_meeting_dates() {
        for (text, date, end) in [
            ("Kommunstyrelsen\nProtokoll 2023-11-22\n\n§ 1\nA", (2023, 11, 22), None),
            ("Sammanträdesprotokoll 2023-11-22\n\n§ 1\nA", (2023, 11, 22), None),
            (
                "Stockholms stad\nProtokoll\nKommunstyrelsen\n\nProtokoll nr 21/2023\nfört vid sammanträde med kommunstyrelsen\nonsdagen den 6 december 2023 kl. 10.00–12.10 i Stadshuset, Borgarsalen\n\nJusterare\nAnna König Jerlmyr (M)\n\n§ 1\nA",
                (2023, 12, 6),
                None,
            ),
            (
                "Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 14-15 november 2023\n\n§ 1\nA",
                (2023, 11, 14),
                Some((2023, 11, 15)),
            ),
            (
                "Kommunstyrelsen\tProtokoll 2023-12-06\nJusteringsdatum 2023-12-08\n\n§ 1\nA",
                (2023, 12, 6),
                None,
            ),
            ("Kommunstyrelsens protokoll 2023-11-22\n\n§ 1\nA", (2023, 11, 22), None),
            (
                "Utdrag ur protokoll fört vid Kommunstyrelsens sammanträde 2024-03-12\n\n§ 88\nA",
                (2024, 3, 12),
                None,
            ),
            (
                "Protokoll från sammanträde med kommunstyrelsen den 6 december 2023\n\n§ 1\nA",
                (2023, 12, 6),
                None,
            ),
            (
                "LJUSDALS KOMMUN\tSAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\tSammanträdesdatum\tSida\n2023-09-07\t1(6)\n\n§ 1\nA",
                (2023, 9, 7),
                None,
            ),
            (
                "KOMMUNSTYRELSEN\tPROTOKOLL\t2017-10-03\nArbetsutskottet\n\n§ 1\nA",
                (2017, 10, 3),
                None,
            ),
            ("Kommunstyrelsen\tProtokoll\t\t2017-10-03\n\n§ 1\nA", (2017, 10, 3), None),
        ] {
            let h = header_of(text);
            assert_eq!((h.date, h.end_date), (Some(date), end), "{text}");
        }
        for text in [
            "Sammanträdesdatum\tSida\n2023-09-07\t1(6)\n\nProtokollet justerat 2023-09-12\n\n§ 1\nA",
            "Protokollet justerat 2023-09-12\nSammanträdesdatum 2023-09-07\n\n§ 1\nA",
        ] {
            assert_eq!(header_of(text).date, Some((2023, 9, 7)), "{text}");
        }
        // The day the minutes were checked is not the meeting's, in the next column either.
        let h = header_of("Sammanträdesdatum 2023-09-07\nProtokoll\tJusterat 2023-09-12\n\n§ 1\nA");
        assert_eq!(h.date, Some((2023, 9, 7)));
        assert_eq!(dated_title("Protokoll\tAnslagsdatum 2023-09-12"), None);
        assert_eq!(dated_title("Protokollet\t2023-09-12"), None);
        let h =
            header_of("Sammanträdesdatum 2023-09-07\nJusteringens\nProtokoll 2023-09-12\n\n§ 1\nA");
        assert_eq!(h.date, Some((2023, 9, 7)));
    }

    /// A page header naming the body, its utskott on the line below:
    /// `KOMMUNSTYRELSEN  PROTOKOLL  2017-10-03` over `Arbetsutskottet  Sida 1 av 3`.
    #[test]
    fn an_utskott_under_its_body_in_a_page_header() {
        let h = header_of(
            "KOMMUNSTYRELSEN                 PROTOKOLL                 2017-10-03\nArbetsutskottet                                            Sida 1 av 3\n\nTid och plats         Kommunhuset\n\n§ 110\nA",
        );
        assert_eq!(h.named_body.as_deref(), Some("Kommunstyrelsens arbetsutskott"));
        let h = header_of("KOMMUNSTYRELSEN\nProtokoll\n\n§ 1\nA");
        assert_eq!(h.named_body.as_deref(), Some("Kommunstyrelsen"));
        let h = header_of("ARBETSUTSKOTTET\t2017-10-03\n\n§ 1\nA");
        assert_eq!(h.body.as_deref(), Some("Arbetsutskottet"));
    }

    #[test]
    fn dated_label_lines() {
        assert!(is_dated_label("Datum 2023-08-30"));
        assert!(is_dated_label("Datum: 2023-09-12"));
        assert!(!is_dated_label("Datum för anslag 2023-09-12"));
        assert!(!is_dated_label("Ansökan om medfinansiering"));
    }

    #[test]
    fn dots_as_contains() {
        let lines = ["Ordförande ........", "a.b..c", "..", "...", "x. .. .", "", "Sekr…", "§ 3."];
        for t in lines.into_iter().chain(["…", "¦ \u{2066}", "Justerare …………"]) {
            assert_eq!(is_dotted(t), t.contains("...") || t.contains('…'), "{t}");
        }
    }

    #[test]
    fn closing_block() {
        let ls = lines(
            "Justeras\n\n.....\nElina Backlund Arab\nOrdförande Hälsö- och sjukvårdsutskottet.....\nPia Lundin §§ 90–91, 93–95, 97.....\nViktoria Jansson §§ 92, 96, 98\n\nVid protokollet\n\nMaria Öhman",
        );
        let mut h = Header::default();
        closing(&ls, &mut h);
        assert_eq!(h.chair.as_deref(), Some("Elina Backlund Arab"));
        assert_eq!(h.secretary.as_deref(), Some("Maria Öhman"));
        assert_eq!(
            h.adjusters,
            vec![
                Adjuster { name: "Pia Lundin".into(), paragraphs: vec![90, 91, 93, 94, 95, 97] },
                Adjuster { name: "Viktoria Jansson".into(), paragraphs: vec![92, 96, 98] },
            ]
        );
    }

    /// A letter or a motion signed off with its place and date.
    #[test]
    fn a_sign_off_dates_a_letter() {
        let text = "Motion om preventivmedel\n\nVi föreslår att fullmäktige beslutar att erbjuda preventivmedel.\n\nLuleå 2018-02-20\nKerstin Lindberg (V)\n";
        assert_eq!(header_of(text).date, Some((2018, 2, 20)));
        let text = "Svar på motion\n\nText.\n\nÖstersund den 22 januari 2025\nAnna Berg\n";
        assert_eq!(header_of(text).date, Some((2025, 1, 22)));
        assert_eq!(place_and_date("Kommunstyrelsen beslutade 2018-02-20"), None);
    }
}
