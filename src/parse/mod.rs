//! From normalised lines to a [`Document`]: orchestration only.
//!
//! Frame first (plain loops over [`Line`]s find the preamble, the § headings, each paragraph's
//! title and labelled sections, and the closing signatures), then parse each part with the small
//! grammars of the submodules. Pure and infallible: whatever the input, a `Document` comes back,
//! with a [`Warning`] for each thing skipped or guessed.

pub mod attendees;
pub mod bodies;
pub mod decision;
pub mod dnr;
pub mod expedition;
pub mod frame;
pub mod header;
pub mod kind;
pub mod laws;
pub mod lexical;
pub mod paragraphs;
pub mod persons;
pub mod stances;
pub mod text;

use crate::parse::lexical::{is_alnum, is_alpha};
use nom::Parser;
use nom::character::complete::space1;
use nom::multi::many_m_n;
use nom::sequence::terminated;
use std::collections::BTreeMap;

use crate::model::{
    Decision, DecisionKind, Dnr, Document, Kind, Paragraph, Person, References, SCHEMA_VERSION,
    SourceInfo, Warning,
};
use crate::normalize::{Line, Normalized, normalize};
use frame::Label;
use paragraphs::Heading;

/// A value and the warnings met while producing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The result.
    pub value: T,
    /// What was skipped or guessed.
    pub warnings: Vec<Warning>,
}

/// Parses a decoded text into a document. `source` says where it came from; its `path` also
/// names the organisation when a folder is named after one (`corpus/norrtälje-kommun/…`).
#[must_use]
pub fn document(text: &str, source: SourceInfo) -> Document {
    let norm = normalize(text);
    let mut warnings = Vec::new();
    let lines = &norm.lines;
    let headings = find_headings(lines, norm.flattened, &mut warnings);

    // Case numbers above their headings, where most headings (or the only one) have one.
    let mut above: Vec<Option<(usize, Vec<Dnr>)>> = Vec::with_capacity(headings.len());
    for (k, (at, _)) in headings.iter().enumerate() {
        let floor = if k == 0 { 0 } else { headings[k - 1].0 + 1 };
        above.push(dnr_above(lines, *at, floor));
    }
    if above.iter().filter(|a| a.is_some()).count() * 2 < headings.len().max(1) {
        above.fill(None);
    }
    // Where a paragraph's lines start: its heading, or the case number above it.
    let starts: Vec<usize> =
        headings.iter().zip(&above).map(|((at, _), a)| a.as_ref().map_or(*at, |x| x.0)).collect();
    let first = starts.first().copied().unwrap_or(lines.len());
    let preamble = &lines[..first];
    let mut head = header::header(preamble, &norm.furniture, lines);
    header::signatures(preamble, &mut head);
    let (attendees, attendee_warnings) = attendees::attendees(preamble);
    warnings.extend(attendee_warnings);

    let mut paragraphs = Vec::new();
    let mut letterhead = false;
    if headings.is_empty() {
        let (body, closing) = split_closing(lines);
        header::closing(closing, &mut head);
        let unnumbered = unnumbered(body, &norm, &mut warnings);
        letterhead = unnumbered.letterhead;
        if head.dnr.is_empty() {
            head.dnr.clone_from(&unnumbered.paragraph.dnr);
        }
        if !body.iter().all(Line::is_blank) {
            paragraphs.push(unnumbered.paragraph);
        }
    } else {
        for (k, (at, h)) in headings.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(lines.len());
            let block = &lines[*at..end];
            let block = if k + 1 == headings.len() {
                let (body, closing) = split_closing(block);
                header::closing(closing, &mut head);
                body
            } else {
                block
            };
            let lead = above[k].take().map(|x| x.1).unwrap_or_default();
            paragraphs.push(numbered(block, h, lead, &norm, &mut warnings));
        }
    }

    // Pages where the text marks them, or a PDF of one page.
    let paged = !norm.page_starts.is_empty() || source.format == "pdf";
    if paged {
        for p in &mut paragraphs {
            p.page = Some(norm.page_of(p.line).unwrap_or(1));
        }
    }

    // A § 1-style extract of one paragraph carries the document's case number.
    if head.dnr.is_empty() && paragraphs.len() == 1 {
        head.dnr.clone_from(&paragraphs[0].dnr);
    }

    let title_for_kind = paragraphs.first().map_or("", |p| p.title.as_str()).to_string();
    let signals = kind::Signals {
        headings: headings.len(),
        attendees: !attendees.is_empty(),
        decision: paragraphs.iter().any(|p| p.decision.is_some()),
        letterhead,
    };
    let kind = kind::kind(lines, &norm.furniture, &title_for_kind, signals);
    // An official's letter decides nothing: what it proposes ("Förslag till beslut /
    // Kommunstyrelsen föreslås besluta / att …") is its decision, of kind proposal.
    if kind == Kind::OfficialLetter {
        for p in &mut paragraphs {
            if p.decision.is_none()
                && let Some(proposal) = &p.proposal
            {
                p.decision = Some(Decision { kind: DecisionKind::Proposal, ..proposal.clone() });
            }
        }
    }

    // A body the head names beats the bodies decisions name: a board's extract proposes to
    // the council ("Kommunfullmäktige föreslås besluta"), a board writes "Nämnden beslutar".
    let protocol = matches!(kind, Kind::Protocol | Kind::ProtocolExtract);
    let named = head.named_body.clone().filter(|_| kind != Kind::OfficialLetter);
    let body = head
        .body
        .clone()
        .or(named)
        .or_else(|| most_common_by(&paragraphs))
        .or_else(|| protocol.then(|| most_mentioned_body(lines)).flatten());
    for p in &mut paragraphs {
        // "Nämnden beslutar" is the document's body deciding.
        if let Some(d) = p.decision.as_mut().filter(|d| {
            d.kind == DecisionKind::Decision
                && d.by.as_deref().is_none_or(|by| body.is_some() && bodies::is_generic(by))
        }) {
            d.by.clone_from(&body);
        }
    }

    let organization = organization(&source.path, lines, &norm);
    let chair = attendees
        .iter()
        .find(|a| a.role == crate::model::Role::Chair)
        .map(|a| a.name.clone())
        .or(head.chair.clone());
    let secretary = attendees
        .iter()
        .find(|a| a.role == crate::model::Role::Secretary)
        .map(|a| a.name.clone())
        .or(head.secretary.clone());
    // `Ordföranden anmäler jäv`: a stance named by a role is its holder's.
    let holder = |role: crate::model::Role| -> Option<Person> {
        let listed = attendees.iter().find(|a| a.role == role);
        let name = match role {
            crate::model::Role::Chair => chair.as_deref(),
            crate::model::Role::Secretary => secretary.as_deref(),
            _ => listed.map(|a| a.name.as_str()),
        }?;
        let party = attendees.iter().find(|a| a.name == name).and_then(|a| a.party.clone());
        Some(Person { name: name.to_string(), party })
    };
    for p in &mut paragraphs {
        for people in [&mut p.abstained, &mut p.reserved, &mut p.conflicts] {
            stances::resolve_roles(people, holder);
        }
    }
    // Adjusters the preamble does not name may be chosen in one of the first paragraphs
    // ("Val av justerare": `att utse Lars Ek (M) att jämte ordföranden justera protokollet`).
    let mut adjusters = head.adjusters;
    if adjusters.is_empty() {
        let clauses = paragraphs.iter().take(3).filter_map(|p| p.decision.as_ref());
        for p in clauses.flat_map(|d| &d.clauses).flat_map(|c| persons::adjusters_in_clause(c)) {
            if !adjusters.iter().any(|a| a.name == p.name) {
                adjusters.push(crate::model::Adjuster { name: p.name, paragraphs: Vec::new() });
            }
        }
    }
    let title = match kind {
        Kind::Protocol => Some(match &body {
            Some(b) => format!("{b} protokoll"),
            None => "Protokoll".to_string(),
        }),
        Kind::ProtocolExtract => Some(match &body {
            Some(b) => format!("{b} protokollsutdrag"),
            None => "Protokollsutdrag".to_string(),
        }),
        _ => paragraphs.first().map(|p| p.title.clone()).filter(|t| !t.is_empty()),
    };
    if lines.iter().all(Line::is_blank) {
        warnings.push(Warning::new(1, "the text is empty"));
    }
    warnings.sort_by_key(|w| w.line);
    warnings.dedup();
    Document {
        schema_version: SCHEMA_VERSION,
        source,
        kind,
        title,
        organization,
        body,
        date: head.date.map(lexical::ymd_string),
        end_date: head.end_date.map(lexical::ymd_string),
        time: head.time,
        place: head.place,
        dnr: head.dnr,
        attendees,
        chair,
        secretary,
        adjusters,
        paragraphs,
        warnings,
    }
}

/// The prefix most headings without `§` use (`SN`, `Ks`): others (`Au 84`, a cited
/// committee paragraph) are text.
fn bare_prefix(lines: &[Line]) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for line in lines.iter().filter(|l| !paragraphs::is_toc_entry(&l.text)) {
        if let Ok((_, h)) = paragraphs::bare_heading(&line.text)
            && let Some(p) = h.prefix
        {
            match counts.iter_mut().find(|(q, _)| *q == p) {
                Some(e) => e.1 += 1,
                None => counts.push((p, 1)),
            }
        }
    }
    counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(p, _)| p)
}

/// The § headings of a text, in order. Headings whose number runs backwards are read as text
/// (a cited "§ 12" at a line start); a gap in the numbering is a warning. Without any `§`
/// heading, headings that lost their `§` (`SN 13`, with the prefix most of them use) count,
/// then, two or more of them, headings with the sign after the number or a full stop after it
/// (`12 § Val av justerare`, `§ 13.`), and in a flattened text a number and title at a page
/// start (`25 Ändring av dagordningen`).
fn find_headings<'a>(
    lines: &'a [Line],
    flattened: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<(usize, Heading<'a>)> {
    let mut out: Vec<(usize, Heading<'a>)> = Vec::new();
    let prefix = bare_prefix(lines);
    let bare = |i: &'a str| {
        paragraphs::bare_heading(i).and_then(|(r, h)| {
            if h.prefix == prefix {
                Ok((r, h))
            } else {
                Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))
            }
        })
    };
    let parsers: [&dyn Fn(&'a str) -> nom::IResult<&'a str, Heading<'a>>; 5] = [
        &paragraphs::heading,
        &bare,
        &paragraphs::sign_after_heading,
        &paragraphs::item_heading,
        &paragraphs::number_heading,
    ];
    for (pass, parse) in parsers.iter().enumerate() {
        if pass == 3 && flattened {
            continue;
        }
        if pass == 4 && !flattened {
            break;
        }
        for (k, line) in lines.iter().enumerate() {
            if paragraphs::is_toc_entry(&line.text) {
                continue;
            }
            // A page start: the first line of the text or after a blank.
            if pass >= 3 && k > 0 && !lines[k - 1].is_blank() {
                continue;
            }
            let Ok((_, h)) = parse(&line.text) else { continue };
            // A range without a title (`§§ 60-66` under "Paragrafer", as plain pdftotext
            // gives a cover page) that this heading falls in listed the paragraphs: it opened
            // none.
            if let Some((_, last)) = out.last()
                && last.rest.is_empty()
                && last.last.is_some_and(|end| (last.number..=end).contains(&h.number))
            {
                out.pop();
            }
            // The first of a list of the items at the head of the text again: the list
            // opened no paragraphs.
            if !flattened && is_item_list(&out, lines, k, &h, parse) {
                out.clear();
            }
            if let Some((_, last)) = out.last() {
                let last_no = last.last.unwrap_or(last.number);
                if h.number <= last_no {
                    warnings.push(Warning::new(
                        line.no,
                        format!("§ {} after § {last_no}: read as text", h.number),
                    ));
                    continue;
                }
                if h.number > last_no + 100 {
                    warnings.push(Warning::new(
                        line.no,
                        format!("§ {} after § {last_no}: read as text", h.number),
                    ));
                    continue;
                }
                if h.number > last_no + 1 {
                    warnings.push(Warning::new(
                        line.no,
                        format!("§ numbers jump from {last_no} to {}", h.number),
                    ));
                }
            }
            out.push((k, h));
        }
        // One `12 §` in a text is a statute cited at a line's start, not the minutes' layout.
        if pass == 2 && out.len() < 2 {
            out.clear();
        }
        if pass == 3 && !numbered_items(&out, lines) {
            out.clear();
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Whether agenda items numbered with a full stop (`1. Val av justerare`) are the paragraphs
/// of the text, not a list in a letter or a report: two or more, numbered one after another
/// without a gap, each over a decision (a line of its block holds `beslut`: `beslutar`,
/// `Beslut`, `föreslår … besluta`).
fn numbered_items(out: &[(usize, Heading<'_>)], lines: &[Line]) -> bool {
    let decides = |from: usize, to: usize| {
        lines[from..to].iter().any(|l| {
            crate::scan::contains_bytes(l.text.as_bytes(), b"beslut", false)
                || crate::scan::contains_bytes(l.text.as_bytes(), b"Beslut", false)
        })
    };
    out.len() >= 2
        && out.windows(2).all(|w| w[1].1.number == w[0].1.number + 1)
        && out.iter().enumerate().all(|(k, (at, _))| {
            let end = out.get(k + 1).map_or(lines.len(), |(next, _)| *next);
            decides(*at + 1, end)
        })
}

/// Whether the headings found so far are a list of the items at the head of the text, which
/// the heading `h` on line `k` starts over: two or more headings, one to a line or with an
/// entry's title and page number between them ([`entry_gap`]), the first of them numbered as
/// `h`, and the second's number heads a later line too. Not in a flattened text, whose
/// pseudo-lines are no lines of the page. Platina and Meetings Plus print such a list on the
/// first page: `§ 67⇥Val av justerare` / `§ 68⇥Årsredovisning 2021`, then `KF § 67` / `Val av
/// justerare`; plain pdftotext gives a contents table a cell to a line: `KS § 45` /
/// `Information från kommundirektören` / `3` / `KS § 46` / ….
fn is_item_list<'a>(
    out: &[(usize, Heading<'a>)],
    lines: &'a [Line],
    k: usize,
    h: &Heading<'a>,
    parse: &dyn Fn(&'a str) -> nom::IResult<&'a str, Heading<'a>>,
) -> bool {
    let [(_, first), (_, second), ..] = out else { return false };
    first.number == h.number
        && out.windows(2).all(|w| entry_gap(&lines[w[0].0 + 1..w[1].0]))
        && lines[k + 1..]
            .iter()
            .any(|l| parse(&l.text).is_ok_and(|(_, later)| later.number == second.number))
}

/// Whether the lines between two headings of a list of items hold no more than an entry
/// does besides its heading: nothing but a blank line, or, a cell to a line as plain pdftotext
/// prints a contents table, a short title and a page number, blank lines around them.
///
/// Example: `Information från kommundirektören` / `3` between `KS § 45` and `KS § 46`.
fn entry_gap(gap: &[Line]) -> bool {
    let is_page = |t: &str| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let mut titles = 0;
    let mut filled = 0;
    for l in gap.iter().filter(|l| !l.is_blank()) {
        let t = l.text.trim();
        filled += 1;
        if !is_page(t) {
            titles += 1;
            if t.len() > 100 {
                return false;
            }
        }
    }
    match filled {
        0 => gap.len() <= 1,
        _ => filled <= 2 && titles <= 1 && gap.len() <= 2 * filled + 1,
    }
}

/// Splits the closing signatures (`Justeras`, `Vid protokollet`, `Paragrafen är justerad`)
/// from the end of a block.
fn split_closing(block: &[Line]) -> (&[Line], &[Line]) {
    match block.iter().position(|l| header::is_closing(&l.text)) {
        Some(at) if at > 0 => block.split_at(at),
        _ => (block, &[]),
    }
}

/// Connector words after which a title goes on on the next line.
const OPEN_ENDINGS: &[&str] =
    &["och", "av", "för", "till", "i", "om", "med", "på", "från", "samt", "inom", "över", "-", "–"];

/// Whether a title line continues on the next line.
fn title_continues(current: &str, next: &Line) -> bool {
    if next.is_blank()
        || frame::label(&next.text).is_ok()
        || dnr::label(&next.text).is_ok_and(|(r, _)| dnr::labelled_one(r).is_ok())
    {
        return false;
    }
    let next_text = next.text.trim();
    if text::lettered_item(next_text) {
        return false;
    }
    let last_word = current.split_whitespace().last().unwrap_or("");
    let open_paren = current.matches('(').count() > current.matches(')').count();
    let dnr_only = next_text.starts_with('(') && dnr::split_title(next_text).0.is_empty();
    dnr_only
        || open_paren
        || current.ends_with([':', ',', '-', '–'])
        || OPEN_ENDINGS.contains(&last_word)
        || (next_text.starts_with(|c: char| c.is_lowercase()) && next_text.len() < 100)
        || ends_a_cut_name(last_word, next_text)
        || dashed_subtitle(current, next_text)
}

/// Whether `next` is a subtitle a long title goes on with after a dash, in lower case: the
/// title's line is long enough to have been wrapped, and the subtitle is short and no
/// sentence (a bulleted list under a short title is the text's).
///
/// Pattern: `TITLE` (40 chars or more) / `- lower case words`. Example: `Regional
/// utvecklingsstrategi för Sörmland 2040` / `- remissversion`.
fn dashed_subtitle(current: &str, next: &str) -> bool {
    let Some(rest) = next.strip_prefix("- ").or_else(|| next.strip_prefix("– ")) else {
        return false;
    };
    current.chars().count() >= 40
        && rest.starts_with(char::is_lowercase)
        && rest.chars().count() <= 60
        && !rest.ends_with(['.', ';', ',', ':'])
}

/// Whether `next` is the rest of a name the title's line cut: the line ends in a capitalised
/// word and the next holds nothing but up to two more name words and the person's party.
///
/// Pattern: `… Name` / `[Name [Name]] (PARTY)`. Examples: `Val av ny ledamot i socialnämnden
/// efter Karin` / `Andersson (KD)`, `Val av ersättare efter Anna Lindqvist` / `(S)` (its case
/// number on the heading's line, as `pdftotext -layout` prints it).
fn ends_a_cut_name(last_word: &str, next: &str) -> bool {
    // A party's parenthesis ends the line: a first look that fails most lines of text.
    if !next.ends_with(')') || next.len() > 60 || persons::name_word(last_word).is_err() {
        return false;
    }
    let words = many_m_n(0, 2, terminated(persons::name_word, space1));
    (words, persons::party).parse(next).is_ok_and(|(rest, _)| rest.is_empty())
}

/// Whether a title's line `last`, long enough to have been wrapped, goes on at `lines[from]`
/// because the one or two lines from there lead straight to the paragraph's case number (a
/// labelled or a bare line), as a title wrapped before a capital or a party does:
/// `… sluten vård i Västra` / `Götalandsregionen` / `Diarienummer HSN 2024-00213`, `Val av
/// ersättare efter Anna Lindqvist` / `(S)` / `Diarienummer: RS2023-00502`. A short title
/// (`Anmälningsärenden`) was not wrapped: the line under it is the text's.
fn wraps_to_dnr(last: &Line, lines: &[Line], from: usize) -> bool {
    let is_dnr = |l: &Line| {
        let t = l.text.trim();
        dnr::label(t).is_ok_and(|(r, _)| dnr::labelled_one(r).is_ok())
            || dnr::bare_line(t).is_some()
    };
    let title_like = |l: &Line| {
        let t = l.text.trim();
        !l.is_blank() && t.len() < 100 && !t.ends_with('.') && frame::label(t).is_err()
    };
    if last.text.trim().chars().count() < 40 {
        return false;
    }
    // `… från Hembygdsföreningen` / `Gillet` / `` / `Diarienummer: SN 2023.0456`: a markdown
    // converter leaves a blank line between a title's block and its case number; the title's
    // rest is then a short name, up to three capitalised words.
    let name_rest = |l: &Line| {
        let t = l.text.trim();
        title_like(l)
            && t.split_whitespace().count() <= 3
            && t.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
            && !bodies::is_body_name(t)
    };
    if name_rest(&lines[from])
        && lines.get(from + 1).is_some_and(Line::is_blank)
        && first_filled(lines, from + 1).is_some_and(|k| is_dnr(&lines[k]))
    {
        return true;
    }
    lines[from..]
        .iter()
        .take(3)
        .position(|l| !title_like(l) || is_dnr(l))
        .is_some_and(|k| (1..=2).contains(&k) && is_dnr(&lines[from + k]))
}

/// Whether a line may go on with a title in lower case: it starts in lower case, is short and
/// is no sentence, label or case number.
///
/// Example: `barn och unga i kommunen` under `Motion om att införa fritidskort för alla` /
/// `KS 2024/123`.
fn lower_case_title_line(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(char::is_lowercase)
        && t.chars().count() < 80
        && !t.ends_with(['.', ':', ';'])
        && !text::holds_sentence_end(t)
        && frame::label(t).is_err()
}

/// A title's line without the case number in a column right of it, which goes to `found`.
///
/// Pattern: `TITLE⇥[LABEL ]DNR`. Examples: `Detaljplan för Norra Hamnen⇥KS 2023/123`, and the
/// first line of a wrapped title, `Motion om att införa fritidskort för alla⇥KS 2024/123` /
/// `barn och unga i kommunen`, or `Detaljplan för del av Norra Hamnen,⇥Dnr KS 2023/123` /
/// `antagande` (as `pdftotext -layout` prints a heading's columns).
fn without_right_dnr<'a>(line: &'a str, found: &mut Vec<Dnr>) -> &'a str {
    let line = line.trim();
    if let Some(at) = line.rfind('\t')
        && let Some(right) = dnr::bare_line(&line[at + 1..]).or_else(|| {
            dnr::label(&line[at + 1..]).ok().and_then(|(value, _)| labelled_value(value))
        })
    {
        found.extend(right);
        return line[..at].trim_end();
    }
    line
}

/// Reads a title starting at `lines[0]` (with `first` as its first text) and returns the title,
/// how many lines it took, and the case numbers written in it.
fn read_title(first: &str, lines: &[Line]) -> (String, usize, Vec<Dnr>) {
    let mut right = Vec::new();
    let mut title = without_right_dnr(first, &mut right).to_string();
    let mut used = 1;
    while used < lines.len()
        && used < 5
        && (title_continues(&title, &lines[used]) || wraps_to_dnr(&lines[used - 1], lines, used))
    {
        title.push(' ');
        title.push_str(without_right_dnr(&lines[used].text, &mut right));
        used += 1;
    }
    // `Motion om att införa fritidskort för alla` / `KS 2024/123` / `barn och unga i kommunen`:
    // plain pdftotext prints a case number right of a wrapped title's first line between the
    // title's lines; the line after it goes on with the title in lower case.
    if used + 1 < lines.len()
        && used < 5
        && lower_case_title_line(&lines[used + 1].text)
        && let Some(found) = dnr::bare_line(&lines[used].text)
    {
        right.extend(found);
        title.push(' ');
        title.push_str(lines[used + 1].text.trim());
        used += 2;
    }
    let title = title.replace('\t', " ");
    // `Ärende: Motion om skolmat`: the label of the title's line.
    let title = title.strip_prefix("Ärende:").map_or(title.as_str(), str::trim_start);
    let (mut title, mut found) = dnr::split_title(title);
    found.extend(right);
    // "Title  Dnr KS 2018/14" in a column layout, `Title Diarienr: 2024/123` on a flattened
    // page: a label in capitals (`Dnr`, `Diarienr`, `Diarienummer`) and its case numbers.
    let labelled_at = title.match_indices(" D").map(|(at, _)| at).find_map(|at| {
        let (value, _) = dnr::label(&title[at + 1..]).ok()?;
        let (found, _) = dnr::labelled(value);
        (!found.is_empty()).then_some((at, found))
    });
    if let Some((at, value)) = labelled_at {
        // They stand before the numbers taken off the title's end.
        found.splice(0..0, value);
        title.truncate(at);
    }
    (title.trim().trim_end_matches(['.', ':']).trim().to_string(), used, found)
}

/// Whether what follows a case number on a heading line is more of it, not a title: a
/// document number glued on (`-214`), a classification (`1.2.3`), a series written after the
/// number (`TN`), a classification after a slash (`/ 3.1.2`), a document number after a colon
/// (`KS 2023/456:3`).
fn is_dnr_tail(t: &str) -> bool {
    // Spaces only after a leading dash or slash: `- 041`, `/ 3.1.2`.
    let spaced = t.starts_with(['-', '/']);
    let code = t.len() <= 12
        && t.bytes().all(|b| b.is_ascii_digit() || b"-./:".contains(&b) || (spaced && b == b' '));
    let series = (1..=6).contains(&t.chars().count()) && t.chars().all(char::is_uppercase);
    !t.is_empty() && t.bytes().any(|b| b != b'-') && (code || series)
}

/// The case number on the line just above a § heading (skipping blank lines, not reaching
/// back to `floor`), as plain pdftotext puts a right-aligned `Dnr RS 2023/00123` before the
/// `§ 45` beside it: its line and the numbers.
fn dnr_above(lines: &[Line], at: usize, floor: usize) -> Option<(usize, Vec<Dnr>)> {
    let k = (floor..at).rev().find(|&k| !lines[k].is_blank())?;
    // `k` is not blank: the line of case numbers, if any, is `k` itself.
    own_dnr_line(lines, k).or_else(|| labelled_dnr_line(lines, k)).map(|(found, _)| (k, found))
}

/// A heading's rest may start with a dnr (`KF § 267 Dnr KS 02-820 107`, `Ks 1 Dnr 2012-KS …`),
/// or with one that has its series and no label before a capitalised title (`§ 12 KS 2024/45
/// Motion om skolmat`); returns it and the title text after it.
fn dnr_before_title<'a>(
    rest: &'a str,
    line: u32,
    warnings: &mut Vec<Warning>,
) -> (Vec<Dnr>, &'a str) {
    let (found, title) = labelled_dnr_before_title(rest, line, warnings);
    if found.is_empty()
        && let Ok((r, d)) = dnr::dnr(title)
        && d.series.is_some()
        && r.starts_with(' ')
        && r.trim_start().starts_with(char::is_uppercase)
    {
        return (vec![d], r.trim_start());
    }
    (found, title)
}

/// [`dnr_before_title`] after a label: the numbers and the title text after them, or none (a
/// warning where the label's value is unread) and the text after the label's first token.
fn labelled_dnr_before_title<'a>(
    rest: &'a str,
    line: u32,
    warnings: &mut Vec<Warning>,
) -> (Vec<Dnr>, &'a str) {
    let Ok((value, _)) = dnr::label(rest) else { return (Vec::new(), rest) };
    let mut found = Vec::new();
    let mut r = value;
    while let Ok((r2, d)) = dnr::labelled_one(r.trim_start()) {
        found.push(d);
        // `Dnr KS 2023/380, KS 2023/381`, `Dnr ON 2024/12 och ON 2024/13`: an `och` only
        // before another case number, which a title never starts with.
        let next = r2.trim_start();
        r = match next.strip_prefix(',') {
            Some(t) => t.trim_start_matches(','),
            None => next
                .strip_prefix("och ")
                .filter(|t| dnr::labelled_one(t.trim_start()).is_ok())
                .unwrap_or(next),
        };
    }
    if found.is_empty() {
        let token_end = value.find(char::is_whitespace).unwrap_or(value.len());
        warnings.push(Warning::new(line, format!("unrecognised dnr: `{}`", &value[..token_end])));
        return (found, &value[token_end..]);
    }
    (found, r)
}

/// Builds a numbered paragraph from its block (heading line first).
fn numbered(
    block: &[Line],
    h: &Heading<'_>,
    lead_dnr: Vec<Dnr>,
    norm: &Normalized,
    warnings: &mut Vec<Warning>,
) -> Paragraph {
    let start = &block[0];
    let rest = h.prefix.map_or(h.rest, |_| paragraphs::skip_cross_references(h.rest));
    let rest = paragraphs::skip_agenda_item(rest);
    let (mut own, mut title_start) = dnr_before_title(rest, start.no, warnings);
    own.splice(0..0, lead_dnr);
    // `§ 12        KS 2023/456`: a case number alone after the number, the title below.
    if let Some(found) = dnr::bare_line(title_start) {
        own.extend(found);
        title_start = "";
    }
    // `§ 23 (Dnr 2024.0056)`: a case number alone in parentheses, the title below.
    if title_start.starts_with('(')
        && let (t, found) = dnr::split_title(title_start)
        && t.is_empty()
        && !found.is_empty()
    {
        own.extend(found);
        title_start = "";
    }
    // `§ 45  Dnr KS 2019/00123-214`, `Dnr 2019/123 1.2.3`, `Dnr 2005.034 TN`: what follows a
    // case number on the heading line and is no title (a document number, a classification,
    // the series written after it) belongs to the number as written.
    let tail = title_start.trim();
    if let Some(last) = own.last_mut()
        && is_dnr_tail(tail)
    {
        if !tail.starts_with(['-', ':']) {
            last.raw.push(' ');
        }
        last.raw.push_str(tail);
        title_start = "";
    }
    // A flattened page runs the title into the text: the title ends where a sentence starts,
    // and the rest of the line is the text's first line.
    let (title_start, spill) = if norm.flattened {
        let t = paragraphs::flattened_title(title_start);
        let spill = title_start[t.len()..].trim();
        (t, (!spill.is_empty()).then(|| Line { no: start.no, text: spill.to_string() }))
    } else {
        (title_start, None)
    };
    let (title, mut body_from, title_dnr) = if title_start.trim().is_empty() {
        // The case number may stand between the heading and the title (`§ 46` / `KS 2023/12`
        // / `Motion om …`).
        let title_from = match own_dnr_line(block, 1).or_else(|| labelled_dnr_line(block, 1)) {
            Some((found, next)) => {
                own.extend(found);
                next
            }
            None => 1,
        };
        match block.iter().skip(title_from).position(|l| !l.is_blank()) {
            Some(p) if frame::label(&block[title_from + p].text).is_err() => {
                let at = title_from + p;
                let (t, used, d) = read_title(&block[at].text, &block[at..]);
                (t, at + used, d)
            }
            _ => (String::new(), title_from, Vec::new()),
        }
    } else if spill.is_some() {
        let (t, _, d) = read_title(title_start, &block[..1]);
        (t, 1, d)
    } else {
        let (t, used, d) = read_title(title_start, block);
        (t, used, d)
    };
    own.extend(title_dnr);
    if spill.is_none()
        && let Some((found, next)) = own_dnr_line(block, body_from)
    {
        own.extend(found);
        body_from = next;
    }
    if title.is_empty() {
        warnings.push(Warning::new(start.no, format!("§ {} has no title", h.number)));
    }
    let mut p = match spill {
        Some(first) => {
            let mut lines = vec![first];
            lines.extend_from_slice(&block[body_from..]);
            body(&lines, own, norm, warnings)
        }
        None => body(&block[body_from..], own, norm, warnings),
    };
    p.number = Some(h.number);
    p.title = title;
    p.line = start.no;
    p
}

/// A paragraph's own case numbers on a line of their own, the first line after `from` that is
/// not blank, as many layouts print them under the title (`KSN-2023-01234`,
/// `KS 2023/00456`): the numbers and the index of the line after them.
fn own_dnr_line(lines: &[Line], from: usize) -> Option<(Vec<Dnr>, usize)> {
    let k = first_filled(lines, from)?;
    dnr::bare_line(&lines[k].text).map(|found| (found, k + 1))
}

/// The first line from `from` on that is not blank.
fn first_filled(lines: &[Line], from: usize) -> Option<usize> {
    Some(from + lines.get(from..)?.iter().position(|l| !l.is_blank())?)
}

/// [`own_dnr_line`] for a labelled line (`Dnr 02341/2023`, `Diarienummer: KS 2023/12`) that
/// stands between a heading and its title.
///
/// A label alone on its line takes its value from the next line that is not blank, as plain
/// pdftotext prints a table's label cell over its value cell (`Dnr` / `KS 2024/123`).
fn labelled_dnr_line(lines: &[Line], from: usize) -> Option<(Vec<Dnr>, usize)> {
    let mut k = first_filled(lines, from)?;
    let (mut value, _) = dnr::label(lines[k].text.trim()).ok()?;
    if value.trim().is_empty() {
        k = first_filled(lines, k + 1)?;
        value = lines[k].text.trim();
    }
    labelled_value(value).map(|found| (found, k + 1))
}

/// The case numbers of a label's value when they are all of it (`KS 2023/12` after `Dnr`).
fn labelled_value(value: &str) -> Option<Vec<Dnr>> {
    let (found, _) = dnr::labelled(value);
    let whole = found.last().is_some_and(|d| value.trim_end().ends_with(d.raw.as_str()));
    whole.then_some(found)
}

/// An unnumbered paragraph and whether it sat under a letterhead.
struct Unnumbered {
    paragraph: Paragraph,
    letterhead: bool,
}

/// Whether a line belongs to a letterhead: contact details, a date, a case number, a name, a
/// single word ("Sekretariatet"), a body or organisation name.
fn letterhead_line(text: &str) -> (bool, bool, Option<Vec<Dnr>>) {
    let t = text.trim();
    // `t.to_lowercase().starts_with(w)`, lower-casing only as far as each word reaches.
    let contact = [
        "tfn",
        "tel",
        "telefon",
        "e-post",
        "epost",
        "mobil",
        "webb",
        "www",
        "postadress",
        "besöksadress",
        "handläggare",
        "fax",
        "org.nr",
        "organisationsnummer",
    ]
    .iter()
    .any(|w| lexical::starts_with_lower(t, w))
        || t.contains('@');
    if contact {
        return (true, true, None);
    }
    if let Ok((r, d)) = dnr::dnr(t)
        && r.trim().is_empty()
    {
        return (true, false, Some(vec![d]));
    }
    if let Ok((r, _)) = dnr::label(t) {
        let (found, _) = dnr::labelled(r);
        if !found.is_empty() {
            return (true, false, Some(found));
        }
    }
    let skip = is_letterhead_label(t)
        || lexical::date_range(t).is_ok_and(|(r, _)| r.trim().is_empty())
        || header::is_dated_label(t)
        || persons::name(t).is_ok_and(|(r, _)| r.trim().is_empty())
        || t.split_whitespace().count() == 1
        || bodies::organization(t).is_ok_and(|(r, _)| r.trim().is_empty())
        || bodies::is_body_name(t);
    (skip, false, None)
}

/// Letterhead lines that are neither contact details nor case numbers but never a title: an
/// addressee (`Till Kommunstyrelsen`), a reference (`Er referens: S2023/04567`, `Vår referens:
/// Jenny Larsson`), an office (`Avdelningen för samhällsbyggnad`, `Kommunkontoret`,
/// `Tekniska förvaltningen`).
fn is_letterhead_label(t: &str) -> bool {
    const LABELS: &[&str] =
        &["er referens", "vår referens", "er beteckning", "vår beteckning", "beteckning:"];
    const UNITS: &[&str] = &["avdelningen", "enheten", "sektionen", "staben", "stab", "kansliet"];
    const UNIT_ENDINGS: &[&str] =
        &["förvaltningen", "förvaltning", "kontoret", "kansliet", "avdelningen", "sekretariatet"];
    let words = t.split_whitespace().count();
    if words > 8 {
        return false;
    }
    if lexical::starts_with_lower(t, "till ") && words <= 6 {
        return true;
    }
    if LABELS.iter().any(|l| lexical::starts_with_lower(t, l)) {
        return true;
    }
    // The officer and title under the office: `Sandra Kjellberg, kommundirektör`.
    if let Ok((r, _)) = persons::name(t)
        && let Some(title) = r.trim_start().strip_prefix(',')
        && title.trim_start().starts_with(char::is_lowercase)
    {
        return true;
    }
    let first = t.split(|c: char| !is_alpha(c)).next().unwrap_or("").to_lowercase();
    let last = t.rsplit(|c: char| !is_alpha(c)).find(|w| !w.is_empty()).unwrap_or("");
    let last = last.to_lowercase();
    UNITS.contains(&first.as_str())
        || (words <= 4 && UNIT_ENDINGS.iter().any(|e| first.ends_with(e) || last.ends_with(e)))
}

/// The officers a `Handläggare` value names: `Anna Ek, Per Holm och Eva Lund`. A part in
/// lower case is the job title of the name before it, not an officer (`Lina Axelsson, ekonom`).
fn officers_of(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split([',', ';'])
        .flat_map(|x| x.split(" och "))
        .map(str::trim)
        .filter(|x| x.chars().next().is_some_and(|c| !c.is_lowercase()))
        .map(str::to_string)
}

/// Builds the single paragraph of a document without § headings: the title is the first line
/// after any letterhead.
fn unnumbered(lines: &[Line], norm: &Normalized, warnings: &mut Vec<Warning>) -> Unnumbered {
    let mut own = Vec::new();
    let mut letterhead = false;
    let mut title_at = None;
    let mut head_officers = Vec::new();
    for (k, line) in lines.iter().enumerate().take(60) {
        if line.is_blank() {
            continue;
        }
        let (skip, contact, found) = letterhead_line(&line.text);
        letterhead |= contact;
        // The letterhead's "Handläggare: Lina Axelsson, ekonom".
        if contact && let Some(value) = line.text.trim().strip_prefix("Handläggare") {
            head_officers.extend(officers_of(value.trim_start_matches([':', ' ', '\t'])));
        }
        if let Some(found) = found {
            own.extend(found);
        }
        if !skip {
            title_at = Some(k);
            break;
        }
    }
    let (title, body_from, title_dnr) = match title_at {
        Some(k) => {
            let (t, used, d) = read_title(&lines[k].text, &lines[k..]);
            (t, k + used, d)
        }
        None => (String::new(), 0, Vec::new()),
    };
    own.extend(title_dnr);
    let body_from = match own_dnr_line(lines, body_from) {
        Some((found, next)) if title_at.is_some() => {
            own.extend(found);
            next
        }
        _ => body_from,
    };
    let mut paragraph = body(&lines[body_from..], own, norm, warnings);
    paragraph.title = title;
    if paragraph.officers.is_empty() {
        paragraph.officers = head_officers;
    }
    paragraph.line = lines.iter().find(|l| !l.is_blank()).map_or(1, |l| l.no);
    Unnumbered { paragraph, letterhead }
}

/// Reads a paragraph's body: head fields, decision, proposal, stances, expedition, references.
/// `norm` says where a page broke ([`Normalized::page_breaks`]) and whether the text is
/// flattened.
fn body(
    lines: &[Line],
    mut own: Vec<Dnr>,
    norm: &Normalized,
    warnings: &mut Vec<Warning>,
) -> Paragraph {
    let sections = frame::sections(lines);
    let mut case_owner = None;
    let mut officers = Vec::new();
    let mut expedition = Vec::new();
    let mut decision_section: Option<(&frame::Section<'_>, DecisionKind)> = None;
    let mut proposal = None;
    let mut ballots = Vec::new();
    for s in &sections {
        match s.label {
            Some(Label::Dnr) => {
                let value = if s.value.is_empty() {
                    s.lines.iter().find(|l| !l.is_blank()).map_or("", |l| l.text.as_str())
                } else {
                    s.value
                };
                let (found, unread) = dnr::labelled(value);
                if unread {
                    warnings.push(Warning::new(s.line, format!("unrecognised dnr: `{value}`")));
                }
                own.extend(found);
            }
            Some(Label::CaseOwner) if !s.value.is_empty() => case_owner = Some(s.value.to_string()),
            Some(Label::Officers) => officers.extend(officers_of(s.value)),
            Some(Label::Expedition) => {
                expedition.extend(expedition::recipients(
                    s.value,
                    &s.lines,
                    &norm.page_breaks,
                    norm.flattened,
                ));
            }
            Some(Label::Decision) => decision_section = Some((s, DecisionKind::Decision)),
            // A body's proposal is the decision only where the paragraph records no decision
            // of its own (`Kommunfullmäktiges beslut` above `Kommunstyrelsens förslag`).
            Some(Label::BodyProposal)
                if !decision_section.is_some_and(|(_, k)| k == DecisionKind::Decision) =>
            {
                decision_section = Some((s, DecisionKind::Proposal));
            }
            Some(Label::Proposal) => {
                proposal =
                    decision::decision(&s.lines, true, DecisionKind::Proposal).map(|mut d| {
                        d.kind = DecisionKind::Proposal;
                        d
                    });
            }
            Some(Label::Vote) => {
                let lines: Vec<&str> = s.lines.iter().map(|l| l.text.as_str()).collect();
                ballots.extend(stances::ballots(&lines));
            }
            _ => {}
        }
    }
    let (mut decision, mut proposed) =
        decision_section.map_or((None, None), |(s, kind)| decision_from(s, kind));
    if decision.is_none() {
        // Prose sections whole; after the motions or a vote, the decision written without a
        // heading of its own.
        let prose_lines: Vec<&Line> = sections
            .iter()
            .flat_map(|s| match s.label {
                // A case number's or an officer's label holds its value on its line: the
                // lines under it are the paragraph's text (`Dnr KS 2015/13` / `Kommunstyrelsen
                // beslutar` / `att …`).
                None
                | Some(
                    Label::Prose | Label::Note | Label::Dnr | Label::CaseOwner | Label::Officers,
                ) => s.lines.as_slice(),
                Some(Label::Motions | Label::Vote) => decision::decision_after_debate(&s.lines),
                _ => &[],
            })
            .copied()
            .collect();
        (decision, proposed) =
            decision::decision_and_proposal(&prose_lines, false, DecisionKind::Decision);
    }
    // The proposal the body decided on, where no "Förslag till beslut" gives one.
    let proposal = proposal.or(proposed);
    let all: Vec<&Line> = lines.iter().collect();
    let text = text::prose(&all);
    let st = stances::stances(&text);
    let mut votes = st.votes;
    if !ballots.is_empty() {
        votes.get_or_insert_with(Default::default).ballots = ballots;
    }
    dedup_dnr(&mut own);
    let mut cited: Vec<Dnr> = dnr::find_all(&text).into_iter().map(|(_, d)| d).collect();
    cited.retain(|d| !own.iter().any(|o| o.key == d.key));
    dedup_dnr(&mut cited);
    Paragraph {
        number: None,
        title: String::new(),
        line: lines.first().map_or(1, |l| l.no),
        page: None,
        dnr: own,
        case_owner,
        officers,
        decision,
        proposal,
        motions: st.motions,
        abstained: st.abstained,
        reserved: st.reserved,
        conflicts: st.conflicts,
        votes,
        expedition,
        references: References { dnr: cited, laws: laws::laws(&text) },
        text,
    }
}

/// The decision of a "Beslut" section, with the label line's own value read first
/// (`Beslut: Nämnden beslutar att …`), and the proposal it decided on where the section
/// gives both ([`decision::decision_and_proposal`]).
fn decision_from(
    s: &frame::Section<'_>,
    kind: DecisionKind,
) -> (Option<Decision>, Option<Decision>) {
    let value_line = Line { no: s.line, text: s.value.to_string() };
    let mut lines: Vec<&Line> = Vec::with_capacity(s.lines.len() + 1);
    if !s.value.is_empty() {
        lines.push(&value_line);
    }
    lines.extend(s.lines.iter().copied());
    let (Some(mut d), proposal) = decision::decision_and_proposal(&lines, true, kind) else {
        return (None, None);
    };
    if kind == DecisionKind::Proposal && proposal.is_none() {
        d.kind = DecisionKind::Proposal;
    }
    // `Kommunstyrelsens förslag till kommunfullmäktige` over points: the heading names both.
    if s.label == Some(Label::BodyProposal) && d.by.is_none() && d.to.is_none() {
        (d.by, d.to) = frame::body_proposal_bodies(s.head);
    } else if s.label == Some(Label::BodyProposal) && d.to.is_none() {
        // `Kommunstyrelsens förslag till kommunfullmäktige` over `Kommunfullmäktige beslutar
        // att …`: the lead names the body that is to decide, the heading the one proposing.
        let (by, to) = frame::body_proposal_bodies(s.head);
        if let (Some(by), Some(lead)) = (by, d.by.as_deref())
            && by.to_lowercase() != bodies::canonical(lead).to_lowercase()
        {
            d.to = to.or_else(|| Some(lead.to_string()));
            d.by = Some(by);
        }
    }
    (Some(d), proposal)
}

/// Keeps the first of each case number (by key): a paragraph's few are compared without
/// hashing.
fn dedup_dnr(v: &mut Vec<Dnr>) {
    let mut k = 0;
    while k < v.len() {
        if v[..k].iter().any(|d| d.key == v[k].key) {
            v.remove(k);
        } else {
            k += 1;
        }
    }
}

/// The body most paragraphs name as deciding or proposing.
fn most_common_by(paragraphs: &[Paragraph]) -> Option<String> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (k, p) in paragraphs.iter().enumerate() {
        if let Some(by) = p.decision.as_ref().and_then(|d| d.by.as_ref()) {
            // A body word alone ("Nämnden beslutar") names no body.
            if !bodies::is_body_word(by.split_whitespace().last().unwrap_or(""))
                || bodies::is_generic(by)
            {
                continue;
            }
            let e = counts.entry(bodies::canonical(by)).or_insert((0, k));
            e.0 += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first))).map(|(b, _)| b)
}

/// The body a text names most often, preferring the longest spelling
/// (`hälso- och sjukvårdsnämnden` over `nämnden`).
fn most_mentioned_body(lines: &[Line]) -> Option<String> {
    // Mentions and the first mention's place: a tie goes to the body named first, whatever
    // the order of the map.
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut mention = 0;
    for line in lines {
        let t = &line.text;
        // Most lines name no body: one pass finds out before trying at every word.
        if !bodies::may_hold_body_name(t) {
            continue;
        }
        let mut prev: Option<char> = None;
        let mut skip_to = 0;
        for (at, c) in t.char_indices() {
            // A bare "nämnden" says too little; "socialnämnden" names one. A bare body word
            // longer than that ("revisionen", "beredningen") names none either, unless an
            // organisation has only one ("fullmäktige", "direktionen").
            if at >= skip_to
                && prev.is_none_or(|p| !is_alnum(p) && p != '-')
                && is_alpha(c)
                && let Ok((rest, name)) = bodies::body_name(&t[at..])
                && name.chars().count() > 9
                && (!bodies::is_generic(name) || bodies::is_unique_body(name))
            {
                skip_to = t.len() - rest.len();
                mention += 1;
                counts.entry(bodies::canonical(name).to_lowercase()).or_insert((0, mention)).0 += 1;
            }
            prev = Some(c);
        }
    }
    // "sjukvårdsnämnden" written after a line break is the end of "hälso- och sjukvårdsnämnden".
    let names: Vec<String> = counts.keys().cloned().collect();
    for short in &names {
        if let Some(long) = names
            .iter()
            .filter(|l| l.len() > short.len() && l.ends_with(short.as_str()))
            .max_by_key(|l| (counts[*l].0, std::cmp::Reverse(counts[*l].1)))
        {
            let n = counts[short].0;
            if let Some(e) = counts.get_mut(long) {
                e.0 += n;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(name, (n, first))| (*n, name.len(), std::cmp::Reverse(*first)))
        .map(|(name, _)| bodies::capitalise(&name))
}

/// The organisation: from a folder named after one, else the one the text names most.
fn organization(path: &str, lines: &[Line], norm: &Normalized) -> Option<String> {
    let from_path = std::path::Path::new(path)
        .ancestors()
        .skip(1)
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()))
        .find_map(bodies::organization_from_dir);
    if from_path.is_some() {
        return from_path;
    }
    let mut counts: BTreeMap<String, (usize, u32)> = BTreeMap::new();
    // The organisation is named in the header and the signatures, not deep in the text: the
    // first 150 lines, or the first 12 KB where lines are short (a PDF's wrapped lines hold
    // less text each than a converter's unwrapped ones).
    let mut seen = (0usize, 0usize);
    let head = lines.iter().filter(|l| !l.is_blank()).take_while(|l| {
        seen = (seen.0 + 1, seen.1 + l.text.len());
        seen.0 <= 150 || seen.1 <= 12_000
    });
    for line in head.chain(&norm.furniture) {
        let t = &line.text;
        // A name in a header or signature sits on a short line (a flattened page is long).
        if t.len() > 300 {
            continue;
        }
        // Every organisation name holds one of these; most lines hold none.
        let cue =
            ["egion", "EGION", "andsting", "ANDSTING", "ommun", "OMMUN", "stad", "Stad", "STAD"];
        if !cue.iter().any(|c| t.contains(c)) {
            continue;
        }
        let mut prev: Option<char> = None;
        // The end of the last name read: `Götalandsregionen` inside `Västra Götalandsregionen`
        // is none of its own.
        let mut skip_to = 0;
        for (at, c) in t.char_indices() {
            if at >= skip_to
                && prev.is_none_or(|p| !is_alnum(p))
                && c.is_uppercase()
                && let Ok((rest, org)) = bodies::organization(&t[at..])
            {
                skip_to = t.len() - rest.len();
                let e = counts.entry(org).or_insert((0, line.no));
                e.0 += 1;
            }
            prev = Some(c);
        }
    }
    // The letterhead names the document's own organisation: one named in the first lines
    // wins over one the text names more often (`VÄXJÖ KOMMUN` over the `Region Kronoberg` its
    // decision writes to).
    let letterhead_end = lines
        .iter()
        .filter(|l| !l.is_blank())
        .nth(crate::normalize::LETTERHEAD_LINES)
        .map(|l| l.no);
    if let Some((org, _)) = counts
        .iter()
        .filter(|(_, (_, first))| letterhead_end.is_none_or(|end| *first < end))
        .min_by_key(|(_, (_, first))| *first)
    {
        return Some(org.clone());
    }
    counts.into_iter().max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first))).map(|(o, _)| o)
}

/// Parses a text with an empty source description, for tests and quick use.
#[must_use]
pub fn parse_str(text: &str) -> Parsed<Document> {
    let source = SourceInfo {
        path: String::new(),
        sha256: String::new(),
        format: "text".into(),
        bytes: text.len() as u64,
    };
    let doc = document(text, source);
    let warnings = doc.warnings.clone();
    Parsed { value: doc, warnings }
}

#[cfg(test)]
mod tests {
    /// Checks each paragraph's title and own case numbers as written.
    #[track_caller]
    fn check_titles(text: &str, expected: &[(&str, &[&str])]) {
        let doc = super::parse_str(text).value;
        let got: Vec<(&str, Vec<&str>)> = doc
            .paragraphs
            .iter()
            .map(|p| (p.title.as_str(), p.dnr.iter().map(|d| d.raw.as_str()).collect()))
            .collect();
        let want: Vec<(&str, Vec<&str>)> = expected.iter().map(|(t, d)| (*t, d.to_vec())).collect();
        assert_eq!(got, want);
    }

    /// Found by comparing two runs over the generated corpus: two bodies named equally often,
    /// with names of one length, came out in the order of a hash map.
    /// A notice of a meeting (kallelse) names its body in its head, as a protocol does.
    #[test]
    fn a_notice_names_its_body() {
        let text = "KALLELSE\nKommunstyrelsen\n\nDatum: 2023-04-11\nTid: 13:00\nPlats: Kommunhuset\n\nÄrenden\n\n1. Val av justerare\n2. Årsredovisning 2022";
        let doc = super::parse_str(text).value;
        assert_eq!(doc.body.as_deref(), Some("Kommunstyrelsen"));
    }

    /// A stance declared by a role (`Ordföranden anmäler jäv`) is the attendee's who holds it,
    /// with the party; a role the document gives no one stays the name.
    #[test]
    fn a_stance_by_a_role_is_its_holders() {
        let text = "PROTOKOLL\nKommunala pensionärsrådet\n\nBeslutande\nJan-Olof (Janne) Berg (S), ordförande\nEva Holm (SoL)\n\nÖvriga\nMaria Lund, sekreterare\n\n§ 12 Budget 2025\nOrdföranden anmäler jäv och deltar inte i handläggningen av ärendet.\n\n§ 13 Taxor\nVice ordföranden anmäler jäv.\n";
        let doc = super::parse_str(text).value;
        let conflicts: Vec<Vec<(&str, Option<&str>)>> = doc
            .paragraphs
            .iter()
            .map(|p| p.conflicts.iter().map(|c| (c.name.as_str(), c.party.as_deref())).collect())
            .collect();
        assert_eq!(
            conflicts,
            [vec![("Jan-Olof Berg", Some("S"))], vec![("vice ordföranden", None)]]
        );
    }

    /// The letterhead's organisation, not the one the decision writes to more often; a name
    /// inside a longer one is not another.
    #[test]
    fn the_letterhead_names_the_organisation() {
        let text = "PROTOKOLL\nVÄXJÖ KOMMUN\t2024-05-07\nKommunstyrelsens arbetsutskott\n\n§ 5 Yttrande\nBeslut\nYttrandet översänds till Region Kronoberg.\nExpedieras till: Region Kronoberg";
        assert_eq!(super::parse_str(text).value.organization.as_deref(), Some("Växjö kommun"));
        let text = "Västra Götalandsregionen\tPROTOKOLL\nHälso- och sjukvårdsnämnden\n\n§ 1 Val";
        let org = super::parse_str(text).value.organization;
        assert_eq!(org.as_deref(), Some("Västra Götalandsregionen"));
    }

    /// A long title wrapped before a capital or a party, its case number under it: the
    /// lines down to the case number are the title's; a short title's next line is text.
    #[test]
    fn a_wrapped_title_runs_to_its_case_number() {
        let text = "§ 34 Förslag till regional medicinsk riktlinje för\nbehandling av hjärtsvikt inom öppen och sluten vård i Västra\nGötalandsregionen\nDiarienummer HSN 2024-00213\n\nBeslut\nRiktlinjen fastställs.\n\n§ 35 Val av ersättare i regionstyrelsen efter Anna Lindqvist\n(S)\nDiarienummer: RS2023-00502\n\nBeslut\nRegionfullmäktige väljer Erik Pelling (S).\n\n§ 36 Anmälningsärenden\nRegionfullmäktiges protokoll 2023-05-10\nRS 2023/15\n";
        let doc = super::parse_str(text).value;
        let titles: Vec<&str> = doc.paragraphs.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Förslag till regional medicinsk riktlinje för behandling av hjärtsvikt inom öppen och sluten vård i Västra Götalandsregionen",
                "Val av ersättare i regionstyrelsen efter Anna Lindqvist (S)",
                "Anmälningsärenden",
            ]
        );
        assert_eq!(doc.paragraphs[0].dnr[0].raw, "HSN 2024-00213");
        assert_eq!(doc.paragraphs[1].dnr[0].raw, "RS2023-00502");
    }

    /// A lettered list under a title starts in lower case, as a title's wrapped line does, but
    /// is the text's.
    #[test]
    fn a_lettered_list_is_no_title() {
        check_titles(
            "Kommunfullmäktige\n\n§ 8 Anmälningsärenden\na) Länsstyrelsens beslut om tillstånd, dnr 2024/55\nb) Protokoll från kommunala pensionärsrådet\n\nBeslut\nAnmälningarna läggs till handlingarna.\n",
            &[("Anmälningsärenden", &[])],
        );
    }

    /// Minutes that write the sign after the number, or a full stop after it.
    #[test]
    fn headings_with_the_sign_after_the_number() {
        check_titles(
            "Byggnadsnämnden\n\n12 § Val av justerare\nNämnden beslutar att utse Per Ek.\n\n13 § Bygglov för fritidshus, Sälen 4:12\nDnr BN 2024/12\nNämnden beslutar att bevilja bygglov.\n",
            &[("Val av justerare", &[]), ("Bygglov för fritidshus, Sälen 4:12", &["BN 2024/12"])],
        );
        check_titles(
            "Tekniska nämnden\n\n§ 12.\nVal av justerare\nNämnden beslutar att utse Per Ek.\n\n§ 13. Information\nNämnden beslutar att lägga informationen till handlingarna.\n",
            &[("Val av justerare", &[]), ("Information", &[])],
        );
        // Agenda items numbered with a full stop, each over a decision.
        check_titles(
            "Kommunstyrelsens arbetsutskott\n\n1. Val av justerare\nArbetsutskottet beslutar att utse Per Ek.\n\n2. Motion om cykelbanor\nDnr KS 2024/12\nArbetsutskottet föreslår kommunstyrelsen besluta att avslå motionen.\n",
            &[("Val av justerare", &[]), ("Motion om cykelbanor", &["KS 2024/12"])],
        );
        // A letter's numbered parts decide nothing.
        let doc = super::parse_str("Tjänsteskrivelse\n\n1. Bakgrund\nNämnden har fått en remiss.\n\n2. Ärendet\nRemissen gäller taxan.\n").value;
        assert_eq!(doc.paragraphs.len(), 1);
        // One statute at a line's start is no heading.
        let doc = super::parse_str(
            "Tjänsteskrivelse\n\nEnligt 6 kap.\n12 § Kommunallagen ska nämnden.\n",
        )
        .value;
        assert_eq!(doc.paragraphs[0].number, None);
    }

    /// A case number's label over its value, as plain pdftotext prints a table's cells.
    #[test]
    fn a_label_over_its_case_number() {
        check_titles(
            "§ 45\n\nDnr\nKS 2024/123\n\nSvar på motion om skolmat\n\nBeslut\nMotionen avslås.\n\n§ 46\nDiarienummer:\n\n2024/124\nDetaljplan för Norrby\n",
            &[
                ("Svar på motion om skolmat", &["KS 2024/123"]),
                ("Detaljplan för Norrby", &["2024/124"]),
            ],
        );
    }

    /// A markdown converter's blank line between a wrapped title's block and its case number.
    #[test]
    fn a_wrapped_title_over_a_blank_line_to_its_case_number() {
        check_titles(
            "§ 33\n\nAnsökan om föreningsbidrag för 2024 från Hembygdsföreningen\nGillet\n\nDiarienummer: SN 2023.0456\n\nBeslut\nAnsökan beviljas.\n\n§ 34\n\nÅrsredovisning för stiftelsen Sälenfjällen 2023\nKommunstyrelsen\n\nDiarienummer: KS 2024.0012\n",
            &[
                (
                    "Ansökan om föreningsbidrag för 2024 från Hembygdsföreningen Gillet",
                    &["SN 2023.0456"],
                ),
                ("Årsredovisning för stiftelsen Sälenfjällen 2023", &["KS 2024.0012"]),
            ],
        );
    }

    /// A title wrapped inside a person's name, its case number on the heading's line: the
    /// rest of the name and the party are the title's.
    #[test]
    fn a_title_wrapped_inside_a_name() {
        let text = "KF § 2\t\tKS-2024-00012\n\nVal av ny ledamot i socialnämnden efter Karin\nAndersson (KD)\n\nBeslut\nPer Ek (KD) väljs.\n\n\
                    KF § 3\t\tKS-2024-00013\n\nVal av ersättare efter Anna Lindqvist\n(S)\n\nBeslut\nEva Ek (S) väljs.\n\n\
                    KF § 4\t\tKS-2024-00014\n\nInformation från Socialnämnden\nLisa Berg (S) informerar.\n";
        let doc = super::parse_str(text).value;
        let titles: Vec<&str> = doc.paragraphs.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Val av ny ledamot i socialnämnden efter Karin Andersson (KD)",
                "Val av ersättare efter Anna Lindqvist (S)",
                "Information från Socialnämnden",
            ]
        );
    }

    /// A title wrapped under its heading, its case number in a column right of its first line.
    #[test]
    fn a_wrapped_title_with_its_case_number_right_of_it() {
        let text = "§ 45\tMotion om att införa fritidskort för alla\tKS 2024/123\nbarn och unga i kommunen\n\nBeslut\nMotionen avslås.\n";
        let doc = super::parse_str(text).value;
        let p = &doc.paragraphs[0];
        assert_eq!(p.title, "Motion om att införa fritidskort för alla barn och unga i kommunen");
        assert_eq!(p.dnr.iter().map(|d| d.raw.as_str()).collect::<Vec<_>>(), ["KS 2024/123"]);
    }

    /// A wrapped title's case number printed between its lines (plain pdftotext).
    #[test]
    fn a_case_number_between_a_titles_lines() {
        let text = "§ 45\nMotion om att införa fritidskort för alla\nKS 2024/123\nbarn och unga i kommunen\n\nBeslut\nMotionen avslås.\n\n§ 46\nInformation om krisberedskap\nKS 2024/7\nKommunstyrelsen beslutar att informationen noteras.\n";
        check_titles(
            text,
            &[
                (
                    "Motion om att införa fritidskort för alla barn och unga i kommunen",
                    &["KS 2024/123"],
                ),
                ("Information om krisberedskap", &["KS 2024/7"]),
            ],
        );
    }

    /// Two case numbers joined by `och` after the heading's label, and a series of two initials
    /// joined by `o`: neither is the title.
    #[test]
    fn case_numbers_joined_by_och_beside_the_heading() {
        let text = "§ 16\t\tDnr ON 2024/12 och ON 2024/13\n\nAvgifter för hemtjänst\n\nBeslut\nAvgifterna fastställs.\n\n\
                    § 17\t\tDnr BoU 2024/12\n\nSkolskjuts\n\nBeslut\nRiktlinjerna antas.\n";
        check_titles(
            text,
            &[
                ("Avgifter för hemtjänst", &["ON 2024/12", "ON 2024/13"]),
                ("Skolskjuts", &["BoU 2024/12"]),
            ],
        );
    }

    /// A long title's subtitle after a dash on the next line is the title's; a bullet under a
    /// short title is the text's.
    #[test]
    fn a_dashed_subtitle() {
        let text = "§ 88\tRS 2024/11\n\nRegional utvecklingsstrategi för Sörmland 2040\n- remissversion\n\nBeslut\nStrategin godkänns.\n\n\
                    § 89\tRS 2024/12\n\nMeddelanden\n- protokoll från pensionärsrådet\n\nBeslut\nMeddelandena noteras.\n";
        let doc = super::parse_str(text).value;
        let titles: Vec<&str> = doc.paragraphs.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Regional utvecklingsstrategi för Sörmland 2040 - remissversion", "Meddelanden"]
        );
    }

    /// A case number beside the title on the heading's line without a label: before the
    /// title, or after a comma or a dash; and a title's own label.
    #[test]
    fn unlabelled_case_numbers_beside_the_title() {
        let text = "§ 12 KS 2024/45 Motion om skolmat\n\nBeslut\nMotionen avslås.\n\n\
                    § 13 Motion om cykelvägar, KS 2024/46\n\nBeslut\nMotionen avslås.\n\n\
                    § 14 Detaljplan för Norr – SBN 2023/7\n\nBeslut\nPlanen antas.\n\n\
                    § 15\n\nÄrende: Verksamhetsplan 2024 - 2026\n\nBeslut\nPlanen antas.\n";
        check_titles(
            text,
            &[
                ("Motion om skolmat", &["KS 2024/45"]),
                ("Motion om cykelvägar", &["KS 2024/46"]),
                ("Detaljplan för Norr", &["SBN 2023/7"]),
                ("Verksamhetsplan 2024 - 2026", &[]),
            ],
        );
    }

    #[test]
    fn a_tie_between_bodies_goes_to_the_first_named() {
        let text = "§ 1 Information\n\nRegionfullmäktige och Kommunfullmäktige har fått \
                    informationen.\n\nKommunfullmäktige och Regionfullmäktige tackar.\n";
        for _ in 0..20 {
            let doc = super::parse_str(text).value;
            assert_eq!(doc.body.as_deref(), Some("Regionfullmäktige"), "{:?}", doc.body);
        }
    }

    /// Ydre's tjänsteskrivelse: the labelled date is letterhead, the title is the line after
    /// it; a job title after the officer's name is no second officer.
    #[test]
    fn letter_title_after_a_labelled_date() {
        let text = "Ydre kommun\nTJÄNSTESKRIVELSE\nKommunledningsförvaltningen\nDatum 2023-08-30\n\
                    Dnr KS 2023/178\nHandläggare: Lina Axelsson, ekonom\n\n\
                    Ansökan om medfinansiering\n\nFörslag till beslut\n\
                    Kommunstyrelsen föreslås besluta\n1. att bevilja medfinansiering,\n\
                    2. att medlen tas ur oförutsedda.\n";
        let doc = super::parse_str(text).value;
        assert_eq!(doc.kind, crate::model::Kind::OfficialLetter);
        assert_eq!(doc.title.as_deref(), Some("Ansökan om medfinansiering"));
        assert_eq!(doc.date.as_deref(), Some("2023-08-30"));
        assert_eq!(doc.paragraphs[0].officers, ["Lina Axelsson"]);
        let text = "Västra Götalandsregionen\nKoncernkontoret\nTjänsteutlåtande\nDatum: 2023-09-12\n\
                    Diarienummer: RS 2023-04567\n\nUtvecklingsplan för hälso- och sjukvården\n\n\
                    Förslag till beslut\n1. Regionstyrelsen godkänner utvecklingsplanen.\n";
        let doc = super::parse_str(text).value;
        assert_eq!(doc.kind, crate::model::Kind::OfficialLetter);
        assert_eq!(doc.title.as_deref(), Some("Utvecklingsplan för hälso- och sjukvården"));
    }

    /// A board's protocol names its body in the head; its decisions name the council it
    /// proposes to, or the board by a body word alone.
    #[test]
    fn the_body_in_the_head_beats_decision_subjects() {
        let cases = [
            (
                "Sala kommun\nKommunstyrelsen\nProtokollsutdrag\nSammanträdesdatum 2023-10-10\n\n\
              § 1\nTitel\n\nBeslut\nKommunfullmäktige föreslås besluta att godkänna.\n",
                "Kommunstyrelsen",
            ),
            (
                "Stockholms stad\nExploateringsnämnden\nProtokoll\nSammanträdesdatum 2023-10-10\n\n\
              § 1\nA\n\nBeslut\nNämnden beslutar att godkänna.\n\n§ 2\nB\n\nBeslut\n\
              Nämnden beslutar att godkänna.\n",
                "Exploateringsnämnden",
            ),
            (
                "Örebro kommun\nProtokoll\nProgramnämnd social välfärd\nDatum: 2023-05-17\n\n\
              § 1\nA\n\nBeslut\nProgramnämnd social välfärd beslutar att godkänna.\n\n§ 2\nB\n\n\
              Beslut\nNämnden beslutar att godkänna.\n",
                "Programnämnd social välfärd",
            ),
        ];
        for (text, body) in cases {
            let doc = super::parse_str(text).value;
            assert_eq!(doc.body.as_deref(), Some(body));
            let by = doc.paragraphs[0].decision.as_ref().and_then(|d| d.by.clone());
            assert_ne!(by.as_deref(), Some("Nämnden"));
        }
    }

    /// A PDF wraps lines short: the organisation named 200 lines into a text of wrapped lines
    /// is still in the head of it (found by parsing a PDF of seed 004 made from its text).
    #[test]
    fn organisation_in_the_head_of_wrapped_text() {
        let mut text = String::from("§ 1 Information\n\n");
        for _ in 0..200 {
            text.push_str("en kort rad om verksamheten\n");
        }
        text.push_str(
            "I november 2018 inrättades en visselblåsarfunktion i Region Västernorrland\n",
        );
        let doc = super::parse_str(&text).value;
        assert_eq!(doc.organization.as_deref(), Some("Region Västernorrland"));
    }

    /// A decision set as its own block after the motions or the vote, with no "Beslut"
    /// heading: the body's lead opens it; a motion that quotes a lead does not.
    #[test]
    fn a_decision_after_motions_or_a_vote() {
        let cases = [
            (
                "§ 4\nTaxa\n\nYrkanden\nLennart Berg (V) yrkar avslag.\n\n\
                 Socialnämnden beslutar att fastställa taxa.\n",
                Some(1),
            ),
            (
                "§ 4\nTaxa\n\nYrkande\nLennart Berg (v) yrkar att taxan ska höjas.\n\n\
                 Omröstning\nOmröstning begärs. Följande röstar:\n\n\
                 Med 5 ja-röster mot 2 nej-röster beslutar nämnden enligt kontorets förslag.\n\n\
                 Tekniska nämnden föreslår kommunfullmäktige besluta\n\n\
                 att fastställa taxa för vatten och avlopp enligt bilaga.\n",
                Some(1),
            ),
            (
                "§ 4\nTaxa\n\nPropositionsordning\nOrdföranden ställer proposition och \
                 finner att\nsocialnämnden beslutar att fastställa taxan.\n",
                None,
            ),
            (
                "§ 4\nTaxa\n\nYrkanden\nLennart Berg (V) yrkar att\n\
                 Socialnämnden beslutar att avslå förslaget.\n",
                None,
            ),
        ];
        for (text, clauses) in cases {
            let doc = super::parse_str(text).value;
            let got = doc.paragraphs[0].decision.as_ref().map(|d| d.clauses.len());
            assert_eq!(got, clauses, "{text}");
        }
    }

    /// Many protocols choose the adjuster in their first paragraph, not in the preamble.
    #[test]
    fn adjusters_chosen_in_the_first_paragraph() {
        let text = "Kommunstyrelsen\nSammanträdesdatum 2023-03-21\n\nBeslutande\nAnna Berg (S), \
                    ordförande\nLars Ek (M)\n\n§ 1\nVal av justerare\n\nBeslut\nKommunstyrelsen \
                    beslutar att utse Lars Ek (M) att jämte ordföranden justera protokollet.\n\n\
                    § 2\nBudget\n\nBeslut\nKommunstyrelsen beslutar att anta budgeten.\n";
        let doc = super::parse_str(text).value;
        let names: Vec<&str> = doc.adjusters.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Lars Ek"]);
    }

    /// Plain `pdftotext` puts a cover page's "Paragrafer" value on a line of its own: a
    /// range without a title that the next headings fall in is a list, not a heading.
    #[test]
    fn a_paragraph_list_on_its_own_line() {
        let text = "Kommunfullmäktige\nSammanträdesdatum 2023-03-21\n\nParagrafer\n§§ 60-62\n\n\
                    § 60\nUpprop\n\n§ 61\nVal av justerare\n\n§ 62\nBudget\n";
        let doc = super::parse_str(text).value;
        let numbers: Vec<Option<u32>> = doc.paragraphs.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [Some(60), Some(61), Some(62)]);
        assert!(
            doc.warnings.iter().all(|w| !w.message.contains("read as text")),
            "{:?}",
            doc.warnings
        );
    }

    /// A list of the items on the first page (Platina, Meetings Plus), one heading to a line
    /// without page numbers: the paragraphs start where the numbering starts again.
    #[test]
    fn a_list_of_items_before_the_paragraphs() {
        let text = "Kommunfullmäktige\nSammanträdesdatum 2022-06-20\n\n§ 67\tVal av justerare\n\
                    § 68\tÅrsredovisning 2021\n§ 69\tMotion om fria resor\n\n\
                    Ordförande\tBengt Nord (S)\n\nKF § 67\nVal av justerare\n\nBeslut\n\
                    Marie Ekholm (M) utses att justera.\n\nKF § 68\nÅrsredovisning 2021\n\n\
                    Beslut\nÅrsredovisningen godkänns.\n\nKF § 69\nMotion om fria resor\n\n\
                    Beslut\nMotionen avslås.\n";
        let doc = super::parse_str(text).value;
        let got: Vec<(Option<u32>, u32)> =
            doc.paragraphs.iter().map(|p| (p.number, p.line)).collect();
        assert_eq!(got, [(Some(67), 10), (Some(68), 16), (Some(69), 22)]);
        assert!(
            doc.warnings.iter().all(|w| !w.message.contains("read as text")),
            "{:?}",
            doc.warnings
        );
        // Paragraphs short enough to follow one another closely stay, and a § cited at a
        // line start below them is text.
        let text = "Kommunstyrelsen\n\n§ 1 Upprop\n§ 2 Val av justerare\n\n§ 3 Budget\n\
                    Beslut\nBudgeten antas.\n§ 1 Reglementet gäller.\n";
        let doc = super::parse_str(text).value;
        let numbers: Vec<Option<u32>> = doc.paragraphs.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    }

    /// A contents table as plain pdftotext gives it, each cell on a line of its own (a blank
    /// line between them or none), before the paragraphs.
    #[test]
    fn a_contents_table_a_cell_to_a_line() {
        let paragraphs = "KS § 45\nDnr KS 2023/101\nInformation från kommundirektören\n\n\
                          Beslut\nKommunstyrelsen beslutar att lägga informationen till \
                          handlingarna.\n\nKS § 46\nDnr KS 2023/88\nBudget 2024\n\nBeslut\n\
                          Kommunstyrelsen beslutar att anta budgeten.\n\nKS § 47\n\
                          Dnr KS 2022/300\nMotion om cykelvägar\n\nBeslut\n\
                          Kommunstyrelsen beslutar att avslå motionen.\n";
        for contents in [
            "KS § 45\nInformation från kommundirektören\n3\nKS § 46\nBudget 2024\n4\n\
             KS § 47\nMotion om cykelvägar\n6\n",
            "KS § 45\n\nInformation från kommundirektören\n\n3\n\nKS § 46\n\nBudget 2024\n\n\
             4\n\nKS § 47\n\nMotion om cykelvägar\n\n6\n",
        ] {
            let text = format!(
                "Kommunstyrelsen\nSammanträdesdatum 2023-03-14\n\nInnehållsförteckning\n\n\
                 {contents}\n{paragraphs}"
            );
            let doc = super::parse_str(&text).value;
            let got: Vec<(Option<u32>, &str, usize)> = doc
                .paragraphs
                .iter()
                .map(|p| {
                    (p.number, p.title.as_str(), p.decision.as_ref().map_or(0, |d| d.clauses.len()))
                })
                .collect();
            assert_eq!(
                got,
                [
                    (Some(45), "Information från kommundirektören", 1),
                    (Some(46), "Budget 2024", 1),
                    (Some(47), "Motion om cykelvägar", 1)
                ],
                "{contents}"
            );
            assert!(doc.warnings.iter().all(|w| !w.message.contains("read as text")));
        }
    }

    /// Platina's paragraph: the council's decision, then the board's proposal it followed.
    #[test]
    fn a_decision_above_the_boards_proposal() {
        let text = "Kommunfullmäktige\n\nKF § 68\nÅrsredovisning 2021\n\nKommunfullmäktiges beslut\n\
                    1. Årsredovisningen godkänns.\n2. Resultatet överförs till eget kapital.\n\n\
                    Kommunstyrelsens förslag\n\
                    Kommunstyrelsen föreslår kommunfullmäktige att godkänna årsredovisningen.\n";
        let doc = super::parse_str(text).value;
        let d = doc.paragraphs[0].decision.as_ref().expect("a decision");
        assert_eq!((d.kind, d.clauses.len()), (crate::model::DecisionKind::Decision, 2));
    }

    /// A board's proposal set as a heading over numbered points: the heading names who
    /// proposes and to whom.
    #[test]
    fn a_proposal_heading_names_both_bodies() {
        let text = "Kommunstyrelsen\n\n§ 46\nBudget 2024\n\n\
                    Kommunstyrelsens förslag till kommunfullmäktige\n\
                    1. Budget 2024 fastställs enligt bilaga.\n\
                    2. Skattesatsen för 2024 fastställs till 22,35 kr.\n";
        let doc = super::parse_str(text).value;
        let d = doc.paragraphs[0].decision.as_ref().expect("a decision");
        assert_eq!(d.kind, crate::model::DecisionKind::Proposal);
        assert_eq!(
            (d.by.as_deref(), d.to.as_deref(), d.clauses.len()),
            (Some("Kommunstyrelsen"), Some("kommunfullmäktige"), 2)
        );
    }

    /// A board's proposal heading over the lead of the body that is to decide: the lead names
    /// that body, the heading the one proposing.
    #[test]
    fn a_proposal_heading_over_the_deciding_bodys_lead() {
        let text = "Kommunstyrelsen\n\n§ 13 Dnr 2024/123\nBudget 2025\n\n\
                    Kommunstyrelsens förslag till kommunfullmäktige\n\
                    Kommunfullmäktige beslutar\natt anta budget 2025,\n\
                    att fastställa skattesatsen till 22,50 kr.\n";
        let doc = super::parse_str(text).value;
        let d = doc.paragraphs[0].decision.as_ref().expect("a decision");
        assert_eq!(
            (d.kind, d.by.as_deref(), d.to.as_deref(), d.clauses.len()),
            (
                crate::model::DecisionKind::Proposal,
                Some("Kommunstyrelsen"),
                Some("kommunfullmäktige"),
                2
            )
        );
    }

    /// A paragraph numbered with its year and a header dated day first.
    #[test]
    fn a_number_with_its_year_and_a_day_first_date() {
        let text = "Regionstyrelsen\nProtokoll\nSammanträdesdatum 12.3.2024\n\n\
                    § 12/2024\nÅrsredovisning 2023\n\nBeslut\nRegionstyrelsen beslutar\n\
                    att godkänna årsredovisningen\n";
        let doc = super::parse_str(text).value;
        assert_eq!(doc.date.as_deref(), Some("2024-03-12"));
        let p: Vec<_> = doc.paragraphs.iter().map(|p| (p.number, p.title.as_str())).collect();
        assert_eq!(p, [(Some(12), "Årsredovisning 2023")]);
    }

    /// A case number in parentheses after the § number, the title on the line below.
    #[test]
    fn a_parenthesised_case_number_beside_the_heading() {
        let text = "Vård- och omsorgsnämnden\nSammanträdesdatum 2024-03-12\n\n\
                    § 23 (Dnr 2024.0056)\nInformation om budgetläget\n\nBeslut\n\
                    Informationen läggs till handlingarna.\n";
        let doc = super::parse_str(text).value;
        let p = &doc.paragraphs[0];
        let dnr: Vec<_> = p.dnr.iter().map(|d| d.key.as_str()).collect();
        assert_eq!((p.title.as_str(), dnr), ("Information om budgetläget", vec!["2024-56"]));
    }

    /// What converters do to a right-aligned case number on the § line.
    #[test]
    fn case_numbers_beside_the_heading() {
        let own = |text: &str| -> Vec<(Option<u32>, String, Vec<String>)> {
            super::parse_str(text)
                .value
                .paragraphs
                .iter()
                .map(|p| (p.number, p.title.clone(), p.dnr.iter().map(|d| d.raw.clone()).collect()))
                .collect()
        };
        let head = "Kommunstyrelsen\nSammanträdesdatum 2019-03-21\n\n";
        // A document number after the case number, or a classification, is no title.
        assert_eq!(
            own(&format!(
                "{head}§ 45\tDnr KS 2019/00123-214\nDetaljplan för Norra Hamnen\n\ntext\n"
            )),
            [(Some(45), "Detaljplan för Norra Hamnen".into(), vec!["KS 2019/00123-214".into()])]
        );
        assert_eq!(
            own(&format!("{head}TN § 21\tDnr 2005.034 TN\nGatunamn\n\ntext\n"))[0].1,
            "Gatunamn"
        );
        assert_eq!(
            own(&format!("{head}§ 114 Dnr: 2024-00345 / 3.1.2\nBudgetuppföljning april\n\ntext\n")),
            [(Some(114), "Budgetuppföljning april".into(), vec!["2024-00345 / 3.1.2".into()])]
        );
        // A labelled case number right of a title's first line, the title wrapped under it.
        assert_eq!(
            own(&format!(
                "{head}§ 45\tDetaljplan för del av Norra Hamnen,\tDnr KS 2023/123\nantagande\n\ntext\n"
            )),
            [(
                Some(45),
                "Detaljplan för del av Norra Hamnen, antagande".into(),
                vec!["KS 2023/123".into()]
            )]
        );
        assert_eq!(
            own(&format!("{head}§ 15 Dnr KS 2023/456:3\nMarkanvisning\n\ntext\n")),
            [(Some(15), "Markanvisning".into(), vec!["KS 2023/456:3".into()])]
        );
        // A case number right of the title, without a label.
        assert_eq!(
            own(&format!("{head}§ 45 Detaljplan för Norra Hamnen\tKS 2023/123\n\ntext\n")),
            [(Some(45), "Detaljplan för Norra Hamnen".into(), vec!["KS 2023/123".into()])]
        );
        // Plain pdftotext gives the right column first: the case number above its heading.
        assert_eq!(
            own(&format!(
                "{head}Dnr RS 2023/00123\n§ 45\nAvtal om städning\n\ntext\n\nDnr RS 2023/00200\n§ 46\nAvtal om vakt\n\ntext\n"
            )),
            [
                (Some(45), "Avtal om städning".into(), vec!["RS 2023/00123".into()]),
                (Some(46), "Avtal om vakt".into(), vec!["RS 2023/00200".into()]),
            ]
        );
    }

    /// A letter's letterhead: addressee, references and offices are no title.
    #[test]
    fn letterhead_lines_are_no_title() {
        let title = |head: &str| -> String {
            let text = format!(
                "{head}\n\nNy taxa för upplåtelse av offentlig plats 2023\n\nSammanfattning\nNuvarande taxa antogs 2015.\n"
            );
            super::parse_str(&text).value.paragraphs[0].title.clone()
        };
        for head in [
            "Kommunkontoret\nAvdelningen för samhällsbyggnad\nHandläggare: Anna Berg\nDiarienummer: KS 2023/0123",
            "Tjänsteskrivelse\n2023-03-14\n\nTill Kommunstyrelsens arbetsutskott",
            "Region Örebro län\nÄrendenummer: RUN 2023-045",
            "Er referens: S2023/04567\nVår referens: Jenny Larsson",
            "Tekniska förvaltningen\nGatuenheten",
            "Hälso- och sjukvårdsförvaltningen\nSandra Kjellberg, kommundirektör\nTfn:",
        ] {
            assert_eq!(title(head), "Ny taxa för upplåtelse av offentlig plats 2023", "{head}");
        }
        let doc = super::parse_str(
            "Region Örebro län\nÄrendenummer: RUN 2023-045\n\nBidrag till Science Park\n\nText.\n",
        )
        .value;
        let own: Vec<&str> = doc.paragraphs[0].dnr.iter().map(|d| d.raw.as_str()).collect();
        assert_eq!(own, ["RUN 2023-045"]);
    }

    /// A letter's proposal is its decision, of kind proposal; a protocol's stays apart.
    #[test]
    fn a_letters_proposal_is_its_decision() {
        let text = "Tjänsteskrivelse\n2023-03-14\nDnr KS 2023/123\n\nNy taxa\n\nFörslag till beslut\n\
                    Kommunstyrelsen föreslår kommunfullmäktige besluta\natt anta taxan,\n\
                    att taxan gäller från 2023-07-01.\n\nSammanfattning\nTaxan är gammal.\n";
        let doc = super::parse_str(text).value;
        assert_eq!(doc.kind, crate::model::Kind::OfficialLetter);
        let d = doc.paragraphs[0].decision.as_ref().expect("the proposal");
        assert_eq!((d.kind, d.clauses.len()), (crate::model::DecisionKind::Proposal, 2));
    }

    /// A case number's label line before the decision, with no "Beslut" heading.
    #[test]
    fn a_decision_under_a_case_number_line() {
        let text = "§ 6 Test\n\nDnr KS 2015/13\n\nKommunstyrelsen beslutar\n\natt ge kommunchefen i uppdrag.\n";
        let doc = super::parse_str(text).value;
        let d = doc.paragraphs[0].decision.as_ref().expect("a decision");
        assert_eq!(d.clauses, ["ge kommunchefen i uppdrag"]);
    }
}
