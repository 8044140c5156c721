//! Text normalisation that keeps source line numbers.
//!
//! `normalize` turns a decoded text into [`Line`]s: cleaned characters ([`clean`]), page
//! furniture set aside ([`furniture`]), markdown emphasis spans that a converter broke over
//! several lines put back together, hyphenated words rejoined ("Samman-" / "ställning"), and the
//! blank-line-between-every-line layout of some PDF conversions undone. Blank lines are kept (as
//! empty [`Line`]s, one per run) because they separate blocks. It never fails and never reads a
//! file; joining lines into prose is left to the parser, which knows where prose is.

pub mod clean;
pub mod flatten;
pub mod furniture;
pub mod html;

use crate::parse::lexical::{is_alnum, is_alpha};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

use crate::parse::lexical;

/// One normalised line and the 1-based source line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the source text.
    pub no: u32,
    /// Cleaned text; a tab marks a column gap; empty for a blank line.
    pub text: String,
}

impl Line {
    /// Whether the line is blank.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Numbered, trimmed lines of a test input, as the grammars' unit tests take them.
#[cfg(test)]
pub(crate) fn test_lines(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, t)| Line { no: i as u32 + 1, text: t.trim().to_string() })
        .collect()
}

/// A normalised text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Content lines, blank runs collapsed to one empty line.
    pub lines: Vec<Line>,
    /// Page furniture that was set aside (page headers still carry a date or dnr).
    pub furniture: Vec<Line>,
    /// The text had a blank line after every wrapped line.
    pub double_spaced: bool,
    /// Each page was flattened onto one line and has been cut into pseudo-lines
    /// ([`flatten`]); a pseudo-line keeps the number of the line it came from.
    pub flattened: bool,
    /// The source lines on which pages 2, 3, … start: the text marks page breaks with form
    /// feeds (PDF and DOCX extraction, `pdftotext`). Empty when it marks none.
    pub page_starts: Vec<u32>,
    /// The blank lines (by number) that stand where a page break was: page furniture set aside
    /// or a page start between the lines around them. A list or sentence may go on over one.
    pub page_breaks: Vec<u32>,
}

impl Normalized {
    /// The page a source line is on, where the text marks pages.
    #[must_use]
    pub fn page_of(&self, line: u32) -> Option<u32> {
        (!self.page_starts.is_empty())
            .then(|| 1 + self.page_starts.partition_point(|&s| s <= line) as u32)
    }
}

/// Normalises a decoded text. Pure and infallible.
#[must_use]
pub fn normalize(text: &str) -> Normalized {
    let (src, marks) = split_lines(text);
    let mut raw = join_emphasis_spans(&src, marks.stars);
    // Tables and line breaks in HTML, as markdown converters leave them: only lines that hold
    // a `<` are asked, found in the pass that split the lines.
    if !marks.angle_lines.is_empty() {
        raw = expand_html(raw, &marks.angle_lines);
    }
    let mut furniture_lines = Vec::new();
    let mut cleaned: Vec<(u32, String)> = raw
        .into_iter()
        // A table's delimiter row starts with a `|` (after spaces): most lines are let by at
        // their first byte.
        .filter(|(_, t)| !t.trim_start_matches(' ').starts_with('|') || !clean::is_delimiter_row(t))
        .map(|(no, t)| (no, clean::clean_line(&t)))
        .collect();
    let flattened = flatten::is_flattened(cleaned.iter().map(|(_, t)| t.as_str()));
    if flattened {
        cleaned = unflatten(cleaned, &mut furniture_lines);
    }
    let page_starts = if marks.form_feeds { page_starts(text) } else { Vec::new() };
    if !page_starts.is_empty() {
        drop_page_edges(&mut cleaned, &page_starts, &mut furniture_lines);
        join_page_seams(&mut cleaned, &page_starts);
    } else if !flattened {
        // No form feeds: pages are known only by their footers, where there are sure ones.
        let seams = drop_marked_seams(&mut cleaned, &mut furniture_lines);
        if !seams.is_empty() {
            drop_page_edges(&mut cleaned, &seams, &mut furniture_lines);
            join_page_seams(&mut cleaned, &seams);
        }
    }
    let mut lines: Vec<Line> = Vec::with_capacity(cleaned.len());
    let mut skip_value_line = false;
    for (no, text) in cleaned {
        if skip_value_line && !text.is_empty() {
            skip_value_line = false;
            if lexical::date(&text).is_ok() {
                furniture_lines.push(Line { no, text });
                continue;
            }
        }
        if furniture::page_header_labels(&text).is_ok() {
            skip_value_line = true;
            furniture_lines.push(Line { no, text });
        } else if furniture::is_furniture(&text) || furniture::continued_heading(&text) {
            furniture_lines.push(Line { no, text });
        } else {
            lines.push(Line { no, text });
        }
    }
    drop_repeated_headers(&mut lines, &mut furniture_lines);
    let double_spaced = is_double_spaced(&lines);
    let mut lines = collapse_blanks(lines, double_spaced);
    rejoin_hyphenation(&mut lines);
    furniture_lines.sort_by_key(|l| l.no);
    let mut page_breaks = page_breaks(&lines, &furniture_lines, &page_starts);
    if join_sentences_over_breaks(&mut lines, &mut page_breaks) {
        // A word hyphenated at the foot of a page (`budgetsamman-` / page break / `ställningen`).
        rejoin_hyphenation(&mut lines);
    }
    Normalized {
        lines,
        furniture: furniture_lines,
        double_spaced,
        flattened,
        page_starts,
        page_breaks,
    }
}

/// The blank lines between two lines of text across which furniture was set aside or a page
/// starts (`Grannar enligt sändlista` / `` / `-----` / `` / page header / `` /
/// `Miljö- och hälsoskyddsförvaltningen` leaves one blank line, a page break). `furniture` is
/// sorted by line number.
fn page_breaks(lines: &[Line], furniture: &[Line], page_starts: &[u32]) -> Vec<u32> {
    if furniture.is_empty() && page_starts.is_empty() {
        return Vec::new();
    }
    lines
        .windows(3)
        .filter(|w| w[1].is_blank())
        .filter(|w| {
            let (before, after) = (w[0].no, w[2].no);
            let set_aside = furniture.get(furniture.partition_point(|l| l.no <= before));
            let start = page_starts.get(page_starts.partition_point(|&s| s <= before));
            set_aside.is_some_and(|l| l.no < after) || start.is_some_and(|&s| s <= after)
        })
        .map(|w| w[1].no)
        .collect()
}

/// The rare bytes [`split_lines`] notes while it cuts the lines.
#[derive(Debug, Default, PartialEq, Eq)]
struct Marks {
    /// The text holds a `*`.
    stars: bool,
    /// The text holds a form feed.
    form_feeds: bool,
    /// The lines (1-based, ascending) that hold a `<`: the only ones an HTML tag may be in.
    angle_lines: Vec<u32>,
}

/// The text's lines, as `text.split('\n')` cuts them, and its [`Marks`]: one pass, eight bytes
/// at a time to the next newline, `*`, form feed or `<`, for the searches of the whole text
/// that [`join_emphasis_spans`], [`page_starts`] and [`expand_html`] start with.
fn split_lines(text: &str) -> (Vec<&str>, Marks) {
    use crate::scan::{bytes_equal, bytes_marked};
    let b = text.as_bytes();
    let marks = |x| {
        bytes_equal(x, b'\n') | bytes_equal(x, b'*') | bytes_equal(x, 0x0C) | bytes_equal(x, b'<')
    };
    let mut lines = Vec::new();
    let mut found = Marks::default();
    let mut line_start = 0;
    for at in bytes_marked(b, 0, marks) {
        match b[at] {
            b'\n' => {
                lines.push(&text[line_start..at]);
                line_start = at + 1;
            }
            b'*' => found.stars = true,
            b'<' => {
                let no = lines.len() as u32 + 1;
                if found.angle_lines.last() != Some(&no) {
                    found.angle_lines.push(no);
                }
            }
            _ => found.form_feeds = true,
        }
    }
    lines.push(&text[line_start..]);
    (lines, found)
}

/// The lines on which pages after the first start: a form feed before a line's text starts a
/// page on that line, one after it on the next. (Asked only of a text that holds one.)
fn page_starts(text: &str) -> Vec<u32> {
    let mut starts: Vec<u32> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let no = i as u32 + 1;
        let mut seen_text = false;
        for c in line.chars() {
            if c == '\x0c' {
                let at = if seen_text { no + 1 } else { no };
                if starts.last().is_none_or(|&l| l < at) && at > 1 {
                    starts.push(at);
                }
            } else if !c.is_whitespace() {
                seen_text = true;
            }
        }
    }
    starts
}

/// How many of the first non-blank lines of a text are its letterhead, which a running page
/// header repeats and which names the document's organisation.
pub(crate) const LETTERHEAD_LINES: usize = 8;

/// Finds the page seams of a text without form feeds by their sure markers
/// ([`furniture::is_page_seam_marker`]: `Justerandes signatur  Utdragsbestyrkande`,
/// `Sida 3 av 12`) and sets aside the markers and the running header at the top of the next
/// page: the first lines after the markers, up to [`PAGE_EDGE`], while each may be furniture
/// ([`is_furniture_like`]) and carries a page header's marks (`protokoll`,
/// `sammanträdesdatum`, a date beside a body's or the organisation's name) or repeats a line
/// of the first page's letterhead
/// (`Helsingborgs stad  Protokoll 2023-11-22` / `Kommunstyrelsen`). Returns the source lines
/// on which the pages after the seams start.
fn drop_marked_seams(lines: &mut Vec<(u32, String)>, furniture: &mut Vec<Line>) -> Vec<u32> {
    let key = |t: &str| -> String {
        t.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
    };
    let mut gone = vec![false; lines.len()];
    let mut starts: Vec<u32> = Vec::new();
    let mut letterhead: Option<Vec<String>> = None;
    // Before the first § heading, a page number may be the first page's head (`Sida 1(19)`
    // under the letterhead): there only a page's edge marks a seam (`Justerandes sign` under
    // an attendance list that goes on over the page), and only after the letterhead.
    let first_heading = lines
        .iter()
        .position(|(_, t)| !t.is_empty() && crate::parse::paragraphs::heading(t).is_ok());
    let after_letterhead = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, t))| !t.is_empty())
        .nth(LETTERHEAD_LINES)
        .map_or(lines.len(), |(k, _)| k);
    let mut k = after_letterhead.min(first_heading.unwrap_or(lines.len()));
    while k < lines.len() {
        let t = &lines[k].1;
        let seam = if first_heading.is_some_and(|h| k >= h) {
            furniture::is_page_seam_marker(t)
        } else {
            furniture::is_page_edge(t)
        };
        if t.is_empty() || !seam {
            k += 1;
            continue;
        }
        // The run of markers (and other furniture, blank lines between) ends the page.
        let mut end = k;
        while end < lines.len()
            && (lines[end].1.is_empty()
                || furniture::is_furniture(&lines[end].1)
                || furniture::is_page_edge(&lines[end].1))
        {
            if !lines[end].1.is_empty() {
                gone[end] = true;
            }
            end += 1;
        }
        let Some(last) = (k..end).rev().find(|&j| gone[j]) else { break };
        let start = lines[last].0 + 1;
        if starts.last().is_none_or(|&s| s < start) {
            starts.push(start);
        }
        // The letterhead: the first lines before the first § heading.
        let head = letterhead.get_or_insert_with(|| {
            lines[..first_heading.unwrap_or(0)]
                .iter()
                .filter(|(_, t)| !t.is_empty())
                .take(LETTERHEAD_LINES)
                .map(|(_, t)| key(t))
                .collect()
        });
        let mut seen = 0;
        let mut j = end;
        while j < lines.len() && seen < PAGE_EDGE {
            let t = &lines[j].1;
            if t.is_empty() {
                j += 1;
                continue;
            }
            // A date alone is no header's mark: a list of documents under "Beslutsunderlag"
            // (`Tjänsteskrivelse 2018-09-28`) may start the page. A header dates a body or
            // the organisation (`Kommunstyrelsen  2023-10-10`).
            let marked = {
                let lower = t.to_lowercase();
                lower.contains("protokoll")
                    || lower.contains("sammanträdesdatum")
                    || (lexical::find(t, lexical::date).is_some()
                        && (crate::parse::bodies::body_name(t).is_ok()
                            || crate::parse::bodies::organization(t).is_ok()))
            };
            // The date alone under a header line that went (`Sammanträdesdatum` / `2024-03-12`).
            let its_date = seen > 0 && is_date_line(t);
            if !is_furniture_like(t) || !(marked || its_date || head.contains(&key(t))) {
                break;
            }
            gone[j] = true;
            seen += 1;
            j += 1;
        }
        k = j.max(end);
    }
    remove_marked(lines, &gone, |(no, t)| furniture.push(Line { no: *no, text: t.clone() }));
    starts
}

/// Closes the gap a page break leaves inside a sentence: where the last line of a page ends
/// open (a letter, digit, comma or hyphen) and the next page goes on in lower case, the blank
/// lines between them go, so the sentence stays one block (`… inom hälso- och` / page break /
/// `sjukvården och tandvården`). A new `att`-clause is left a block of its own.
fn join_page_seams(lines: &mut Vec<(u32, String)>, starts: &[u32]) {
    let mut gone = vec![false; lines.len()];
    for &start in starts {
        let from = lines.partition_point(|(no, _)| *no < start);
        let Some(b) = lines[from..].iter().position(|(_, t)| !t.is_empty()).map(|b| b + from)
        else {
            continue;
        };
        let Some(a) = lines[..b].iter().rposition(|(_, t)| !t.is_empty()) else { continue };
        let ends_open =
            lines[a].1.chars().last().is_some_and(|c| is_alnum(c) || matches!(c, ',' | '-'));
        let next = &lines[b].1;
        let goes_on =
            next.chars().next().is_some_and(char::is_lowercase) && !next.starts_with("att ");
        if ends_open && goes_on {
            gone[a + 1..b].iter_mut().for_each(|g| *g = true);
        }
    }
    remove_marked(lines, &gone, |_| {});
}

/// Closes the gap a page break leaves inside a sentence once the page's furniture is set
/// aside: a blank line of `page_breaks` goes where the line before ends open (a letter, digit,
/// comma or hyphen) and the line after goes on in lower case, not with a new `att`-clause
/// (`att godkänna budgeten med de ändringar som` / `` / `- 3 -` / `` / `framgår av bilaga,`).
/// [`join_page_seams`] closes such gaps before the furniture goes, where nothing but blank
/// lines lies between the pages.
/// Says whether it closed any.
fn join_sentences_over_breaks(lines: &mut Vec<Line>, page_breaks: &mut Vec<u32>) -> bool {
    let mut gone = vec![false; lines.len()];
    for k in 1..lines.len().saturating_sub(1) {
        let (before, blank, after) = (&lines[k - 1].text, &lines[k], &lines[k + 1].text);
        if blank.is_blank()
            && page_breaks.binary_search(&blank.no).is_ok()
            && before.chars().last().is_some_and(|c| is_alnum(c) || matches!(c, ',' | '-'))
            && after.chars().next().is_some_and(char::is_lowercase)
            && !after.starts_with("att ")
        {
            gone[k] = true;
        }
    }
    if gone.contains(&true) {
        let mut k = 0;
        page_breaks.retain(|&no| {
            while lines[k].no < no {
                k += 1;
            }
            !gone[k]
        });
        remove_marked(lines, &gone, |_| {});
        return true;
    }
    false
}

/// Removes the lines marked `gone`, handing each to `removed` first.
fn remove_marked<T>(lines: &mut Vec<T>, gone: &[bool], mut removed: impl FnMut(&T)) {
    if !gone.contains(&true) {
        return;
    }
    let mut k = 0;
    lines.retain(|l| {
        k += 1;
        if gone[k - 1] {
            removed(l);
        }
        !gone[k - 1]
    });
}

/// Whether a line at a page's edge may be a header or footer: short, no sentence (it would end
/// in a full stop), no § heading, section label or case-number label, which recur at the top
/// of every page of minutes that start each § on a page of their own.
fn is_furniture_like(t: &str) -> bool {
    use crate::parse::{dnr, frame, paragraphs};
    t.chars().count() <= 120
        && !t.ends_with('.')
        && paragraphs::heading(t).is_err()
        && frame::label(t).is_err()
        && dnr::label(t).map_or(true, |(_, l)| l.is_empty())
}

/// How many lines at the top and at the bottom of a page may be its header and footer.
const PAGE_EDGE: usize = 3;

/// Sets aside the page headers and footers a paged text repeats: a short line among the first
/// or last few of a page whose shape (case and spaces aside, and the page number of a line that
/// numbers pages) recurs at the edge of two pages or more and of at least two pages in five — `Sida 2(12)`, `Justerandes sign
/// Utdragsbestyrkande`, `Hälso- och sjukvårdsutskottet  Datum 2023-12-07 – 08`. The first
/// page's header stays: it names the organisation, body and date once; its footer goes.
fn drop_page_edges(lines: &mut Vec<(u32, String)>, starts: &[u32], furniture: &mut Vec<Line>) {
    let page_of = |no: u32| starts.partition_point(|&s| s <= no);
    let pages = starts.len() + 1;
    // Spaces and case aside; and where the line numbers the page (`Sida 9(12)`, `9 (12)`,
    // `9/12`), a run of digits is one `#`, so that `Sida 9(12)` and `Sida 10(12)` have one
    // shape. Other numbers must recur as they are: `Diarienummer: 23HSN1782` heading every
    // page of a protocol that starts each § on a page of its own is no furniture.
    let shape = |t: &str| -> String {
        let mut exact = String::with_capacity(t.len());
        let mut numbered = String::with_capacity(t.len());
        for c in t.chars().filter(|c| !c.is_whitespace()) {
            let c = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            exact.push(c);
            if !c.is_ascii_digit() {
                numbered.push(c);
            } else if !numbered.ends_with('#') {
                numbered.push('#');
            }
        }
        let numbers_the_page = numbered.contains("sida#")
            || numbered.ends_with("#(#)")
            || numbered.ends_with("#/#")
            || matches!(numbered.as_str(), "#" | "-#-");
        if numbers_the_page { numbered } else { exact }
    };
    // The non-blank lines of each page.
    let mut by_page: Vec<Vec<usize>> = vec![Vec::new(); pages];
    for (k, (no, t)) in lines.iter().enumerate() {
        if !t.is_empty() {
            by_page[page_of(*no).min(pages - 1)].push(k);
        }
    }
    // Each page's edge lines: their place and shape, and their index. The place of a footer's
    // line is its place from the bottom; a header's line is at the top, in any of its places:
    // a later page's header repeats the lines of the first page's below its title
    // (`Protokoll` / `Kommunstyrelsen` / `Sammanträdesdatum …`, then `Kommunstyrelsen` /
    // `Sammanträdesdatum …`).
    let edges: Vec<Vec<((isize, String), usize)>> = by_page
        .iter()
        .map(|ks| {
            let n = ks.len();
            let top = ks.iter().take(PAGE_EDGE).map(|&k| (0, k));
            let from = n.saturating_sub(PAGE_EDGE).max(PAGE_EDGE.min(n));
            let bottom =
                ks[from..].iter().enumerate().map(|(i, &k)| (i as isize - (n - from) as isize, k));
            top.chain(bottom)
                .filter(|&(_, k)| is_furniture_like(&lines[k].1))
                .map(|(at, k)| ((at, shape(&lines[k].1)), k))
                .collect()
        })
        .collect();
    // Where each (place, shape) stands, by page.
    let mut seen: FxHashMap<&(isize, String), Vec<usize>> = FxHashMap::default();
    for (page, ks) in edges.iter().enumerate() {
        for (place, _) in ks {
            let on_pages = seen.entry(place).or_default();
            if on_pages.last() != Some(&page) {
                on_pages.push(page);
            }
        }
    }
    let mut gone = vec![false; lines.len()];
    for (page, ks) in edges.iter().enumerate() {
        for (place, k) in ks {
            // The first page keeps its header, not its footer (`Justerandes sign`).
            if page == 0 && place.0 >= 0 {
                continue;
            }
            let n = seen.get(place).map_or(0, Vec::len);
            // A header that says what it is (`KOMMUNSTYRELSEN  PROTOKOLL  2017-10-03`,
            // `Arbetsutskottet  Sida 2 av 3`) goes though this page alone has it.
            if (n >= 2 && n * 5 >= pages * 2) || furniture::running_header(&lines[*k].1) {
                gone[*k] = true;
            }
        }
        // The date alone on its line in a header that went (`KOMMUNSTYRELSEN` / `PROTOKOLL` /
        // `2024-03-12`, where the first page wrote `Sammanträdesdatum 2024-03-12`) goes too.
        let top = || ks.iter().filter(|((at, _), _)| *at == 0).map(|&(_, k)| k);
        if page > 0 && top().any(|k| gone[k]) {
            for k in top().filter(|&k| is_date_line(&lines[k].1)) {
                gone[k] = true;
            }
        }
    }
    remove_marked(lines, &gone, |(no, t)| furniture.push(Line { no: *no, text: t.clone() }));
}

/// Whether a line is a date and nothing else: `2024-03-12`, `12 mars 2024`.
fn is_date_line(t: &str) -> bool {
    lexical::date(t.trim()).is_ok_and(|(rest, _)| rest.trim().is_empty())
}

/// Re-frames a flattened text: the web page's title lines before `Transkript` go to the
/// furniture, and each page line is cut into pseudo-lines that keep its line number. The running
/// header of the first page stays (it names the body); later pages' headers and page counts go.
fn unflatten(lines: Vec<(u32, String)>, furniture: &mut Vec<Line>) -> Vec<(u32, String)> {
    let start = lines
        .iter()
        .take(40)
        .position(|(_, t)| t == "Transkript" || t == "Full text")
        .filter(|&k| lines[..k].iter().any(|(_, t)| furniture::web_boilerplate(t).is_ok()))
        .map_or(0, |k| k + 1);
    let mut out = Vec::with_capacity(lines.len() * 8);
    for (no, text) in &lines[..start] {
        if !text.is_empty() {
            furniture.push(Line { no: *no, text: text.clone() });
        }
    }
    let prefix = flatten::heading_prefix(lines[start..].iter().map(|(_, t)| t.as_str()));
    let mut first_page = true;
    for (no, text) in lines.into_iter().skip(start) {
        if text.is_empty() || furniture::is_furniture(&text) {
            out.push((no, text));
            continue;
        }
        let page = flatten::split_page(&text, prefix.as_deref());
        if let Some(h) = page.header {
            if first_page {
                out.push((no, h));
            } else {
                furniture.push(Line { no, text: h });
            }
        }
        if let Some(t) = page.total {
            furniture.push(Line { no, text: t });
        }
        first_page = false;
        let mut pieces = page.pieces;
        if let Some(last) = pieces.last_mut()
            && let Some(at) = signature_footer(last)
        {
            furniture.push(Line { no, text: last[at..].to_string() });
            last.truncate(at);
            let kept = last.trim_end().len();
            last.truncate(kept);
            if last.is_empty() {
                pieces.pop();
            }
        }
        out.extend(pieces.into_iter().map(|p| (no, p)));
        // Pages are blocks of their own.
        out.push((no, String::new()));
    }
    out
}

/// Where a flattened page's signature footer starts at the end of its last piece, if one ends
/// it: `… Skolskjutsansvarig Justerandes sign Utdragsbestyrkande` → the offset of `Justerandes`.
/// `… Koncernstab ekonomi Justerare Utdragsbestyrkande` → the offset of `Justerare`
/// ([`furniture::page_footer`]). A footer is at most four cells of two words: it starts within
/// the last eight words.
fn signature_footer(piece: &str) -> Option<usize> {
    // The word starts among the last eight words, from the end (a page line is long).
    let mut starts: Vec<usize> = piece.rmatch_indices(' ').take(8).map(|(at, _)| at + 1).collect();
    if starts.len() < 8 {
        starts.push(0);
    }
    // Every signer's role and cell starts with `o`, `j`, `s`, `e` or `u` in either case: other
    // words are ruled out by their first byte.
    let may_start = |at: usize| {
        piece
            .as_bytes()
            .get(at)
            .is_some_and(|b| matches!(b | 0x20, b'o' | b'j' | b's' | b'e' | b'u'))
    };
    starts
        .into_iter()
        .rev()
        .find(|&at| may_start(at) && furniture::page_footer(&piece[at..]).is_ok())
}

/// The lines with an HTML table or line break as the lines they stand for ([`html::expand`]),
/// each keeping its source line's number; other lines as they are. `angle_lines` are the source
/// lines that hold a `<` ([`Marks`]): only a raw line that starts on one, or that joins one
/// ([`join_emphasis_spans`]), is asked.
fn expand_html<'a>(raw: Vec<(u32, Cow<'a, str>)>, angle_lines: &[u32]) -> Vec<(u32, Cow<'a, str>)> {
    let mut out = Vec::with_capacity(raw.len());
    let mut angles = angle_lines.iter().copied().peekable();
    let mut raw = raw.into_iter().peekable();
    while let Some((no, line)) = raw.next() {
        // The source lines this raw line stands for: up to the next raw line's.
        let end = raw.peek().map_or(u32::MAX, |(next, _)| *next);
        let mut holds_angle = false;
        while let Some(a) = angles.next_if(|&a| a < end) {
            holds_angle |= a >= no;
        }
        let expanded = if holds_angle { html::expand(&line) } else { None };
        match expanded {
            Some(lines) => out.extend(lines.into_iter().map(|l| (no, Cow::Owned(l)))),
            None => out.push((no, line)),
        }
    }
    out
}

/// Splits the source into numbered raw lines, joining a line whose `**` emphasis is left open
/// with the lines that close it (at most three), as converters emit for a title that wraps:
/// `**§ 96 Yttrande över remiss från Socialdepartementet:` … `(Ds 2023:26)**`.
///
/// `src` is the text's lines ([`split_lines`]); `stars` whether it holds a `*`: a text without
/// one (most) has no line with an odd `**`, found in that one pass, not a search a line.
fn join_emphasis_spans<'a>(src: &[&'a str], stars: bool) -> Vec<(u32, Cow<'a, str>)> {
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        let no = i as u32 + 1;
        if stars && odd_emphasis(src[i]) {
            let mut line = src[i].to_string();
            let close = (i + 1..src.len().min(i + 4))
                .find(|&j| src[j].trim().is_empty() || odd_emphasis(src[j]));
            if let Some(j) = close.filter(|&j| !src[j].trim().is_empty()) {
                for part in &src[i + 1..=j] {
                    line.push(' ');
                    line.push_str(part.trim());
                }
                out.push((no, Cow::Owned(line)));
                // Keep the line count: the joined lines become blanks-free gaps.
                i = j + 1;
                continue;
            }
        }
        out.push((no, Cow::Borrowed(src[i])));
        i += 1;
    }
    out
}

/// Whether `line` holds an odd number of `**`, counted left to right without overlap (as
/// `line.matches("**")` counts them): an emphasis left open or closed.
///
/// Most lines hold no `*` at all, found with one memchr-like search; the count then walks the
/// bytes, where an ASCII `*` is always a whole character.
fn odd_emphasis(line: &str) -> bool {
    let b = line.as_bytes();
    if !b.contains(&b'*') {
        return false;
    }
    let (mut count, mut k) = (0usize, 0);
    while k + 1 < b.len() {
        if b[k] == b'*' && b[k + 1] == b'*' {
            count += 1;
            k += 2;
        } else {
            k += 1;
        }
    }
    count % 2 == 1
}

/// Sets aside short lines repeated on three or more pages that carry a page header's marks
/// (a date, "protokoll", "sammanträdesdatum"): `Sammanträdesprotokoll 2016-03-01`.
fn drop_repeated_headers(lines: &mut Vec<Line>, furniture: &mut Vec<Line>) {
    // Sized for every line at once: growing the map re-hashes each line already counted.
    let mut counts: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(lines.len(), rustc_hash::FxBuildHasher);
    for l in lines.iter().filter(|l| !l.is_blank() && l.text.len() <= 80) {
        *counts.entry(l.text.as_str()).or_default() += 1;
    }
    // A protocol's title alone on its line (`Protokoll`), twice or more in any case: a page
    // header that a converter printed as a heading on every page (docling's `## Protokoll`).
    // The copies after the first § heading go; one above it titles the document.
    // The titles are `protokoll`, `protokollsutdrag` and `sammanträdesprotokoll` (9, 16 and 22
    // bytes in any case; a line is trimmed): other lengths are no bare title.
    let bare_title = |t: &str| {
        matches!(t.len(), 9 | 16 | 22)
            && lexical::protocol_title(t).is_ok_and(|(r, _)| r.trim().is_empty())
    };
    let mut titles: Vec<(String, usize)> = Vec::new();
    for (t, &n) in counts.iter().filter(|(t, _)| bare_title(t)) {
        let lower = t.to_lowercase();
        match titles.iter_mut().find(|(l, _)| *l == lower) {
            Some((_, total)) => *total += n,
            None => titles.push((lower, n)),
        }
    }
    titles.retain(|&(_, n)| n >= 2);
    let repeated: Vec<String> = counts
        .into_iter()
        .filter(|&(t, n)| {
            // Lower-cased only when repeated often enough to count.
            n >= 3 && !bare_title(t) && {
                let lower = t.to_lowercase();
                lower.contains("protokoll")
                    || lower.contains("sammanträdesdatum")
                    || lexical::find(t, lexical::date).is_some()
            }
        })
        .map(|(t, _)| t.to_string())
        .collect();
    if repeated.is_empty() && titles.is_empty() {
        return;
    }
    let first_heading = if titles.is_empty() {
        lines.len()
    } else {
        lines
            .iter()
            .position(|l| !l.is_blank() && crate::parse::paragraphs::heading(&l.text).is_ok())
            .unwrap_or(lines.len())
    };
    let mut gone = vec![false; lines.len()];
    for (k, l) in lines.iter().enumerate() {
        gone[k] = repeated.contains(&l.text)
            || (k > first_heading
                && bare_title(&l.text)
                && titles.iter().any(|(t, _)| *t == l.text.to_lowercase()));
    }
    remove_marked(lines, &gone, |l| furniture.push(l.clone()));
}

/// Whether the text wraps its lines with a blank line between them: counts line pairs where the
/// first ends without punctuation and the second starts in lower case, across a blank line and
/// directly.
fn is_double_spaced(lines: &[Line]) -> bool {
    let continues = |a: &str, b: &str| {
        let ends_open = a.chars().last().is_some_and(|c| is_alnum(c) || c == ',');
        let starts_low = b.chars().next().is_some_and(char::is_lowercase);
        ends_open && starts_low && !b.starts_with("att ")
    };
    let (mut across, mut direct) = (0usize, 0usize);
    for w in lines.windows(3) {
        if !w[0].is_blank() && w[1].is_blank() && continues(&w[0].text, &w[2].text) {
            across += 1;
        }
        if !w[0].is_blank() && continues(&w[0].text, &w[1].text) {
            direct += 1;
        }
    }
    across >= 3 && across > 2 * direct
}

/// Keeps one empty line per blank run; in the double-spaced layout a single blank line is only
/// the converter's spacing and goes, while two or more mark a real break.
fn collapse_blanks(lines: Vec<Line>, double_spaced: bool) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // A blank run: where it started and how long it is.
    let mut run: Option<(u32, usize)> = None;
    for line in lines {
        if line.is_blank() {
            run = Some(run.map_or((line.no, 1), |(no, n)| (no, n + 1)));
            continue;
        }
        if let Some((no, n)) = run.take()
            && !out.is_empty()
            && (!double_spaced || n >= 2)
        {
            out.push(Line { no, text: String::new() });
        }
        out.push(line);
    }
    out
}

/// Words after a hyphen that show the hyphen is an elided compound: "Hälso- och sjukvård".
const ELISION_WORDS: [&str; 9] =
    ["och", "eller", "samt", "respektive", "resp.", "till", "som", "men", "&"];

/// Rejoins words hyphenated at a line end: `Samman-` + `ställning` → `Sammanställning`, but
/// keeps `Hälso-` + `och sjukvård` apart and `IT-` + `systemet` → `IT-systemet`.
///
/// Runs from the last line to the first, so a join never changes a line end that is still to
/// be looked at: normalising twice gives what normalising once does.
fn rejoin_hyphenation(lines: &mut Vec<Line>) {
    for i in (0..lines.len().saturating_sub(1)).rev() {
        let Some(stem) = hyphenated_stem(&lines[i].text) else {
            continue;
        };
        let next = &lines[i + 1].text;
        let first_word_end = next.find(char::is_whitespace).unwrap_or(next.len());
        let word = &next[..first_word_end];
        let lower_start = word.chars().next().is_some_and(char::is_lowercase);
        // A word that is itself cut ("ö-") is no continuation: joining it would leave a new
        // line end to join, and normalising twice would differ from once.
        if !lower_start || ELISION_WORDS.contains(&word) || word.ends_with('-') {
            continue;
        }
        let keep_hyphen = stem.chars().last().is_some_and(|c| !c.is_lowercase());
        let rest = next[first_word_end..].trim_start().to_string();
        let mut joined = lines[i].text[..lines[i].text.len() - 1].to_string();
        if keep_hyphen {
            joined.push('-');
        }
        joined.push_str(word);
        lines[i].text = joined;
        // What is left may be furniture now ("a\t-" → "-"), as a second pass would find.
        if rest.is_empty() || furniture::is_furniture(&rest) {
            lines.remove(i + 1);
        } else {
            lines[i + 1].text = rest;
        }
    }
}

/// The last word of a line that ends in a hyphenation hyphen (`Samman-`), without the hyphen.
fn hyphenated_stem(text: &str) -> Option<&str> {
    let body = text.strip_suffix('-')?;
    let start = lexical::after_last(body, |c| c.is_whitespace() || c == '/' || c == '(');
    let stem = &body[start..];
    let letters = stem.chars().rev().take(2).filter(|&c| is_alpha(c)).count();
    (letters == 2).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_lines_is_split() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\nb",
            "a*\x0c\nb\r\n\n*",
            "**§ 96 Yttrande\n(Ds 2023:26)**\n",
            "x\x0cy",
            "a<br>b<br>c\n\n<table>\nx < 5",
        ] {
            let (lines, marks) = split_lines(text);
            assert_eq!(lines, text.split('\n').collect::<Vec<_>>(), "{text:?}");
            let angle_lines: Vec<u32> =
                (1..).zip(&lines).filter(|(_, l)| l.contains('<')).map(|(no, _)| no).collect();
            assert_eq!(
                marks,
                Marks { stars: text.contains('*'), form_feeds: text.contains('\x0c'), angle_lines },
                "{text:?}"
            );
        }
        let long = "ord och ord ".repeat(9) + "*" + &"x".repeat(30) + "\x0c\n" + &"y".repeat(17);
        let (lines, marks) = split_lines(&long);
        assert_eq!(lines, long.split('\n').collect::<Vec<_>>());
        assert!(marks.stars && marks.form_feeds && marks.angle_lines.is_empty());
    }

    #[test]
    fn odd_emphasis_counts_as_matches_does() {
        for line in [
            "**§ 96 Yttrande över remiss från Socialdepartementet:",
            "(Ds 2023:26)**",
            "Datum **Dnr**",
            "*",
            "***",
            "****",
            "*****",
            "* Akten",
            "a ** b *** c",
            "",
        ] {
            assert_eq!(odd_emphasis(line), line.matches("**").count() % 2 == 1, "{line}");
        }
    }

    fn texts(n: &Normalized) -> Vec<&str> {
        n.lines.iter().map(|l| l.text.as_str()).collect()
    }

    /// The blank line left where a converter's page separator and the next page's header were
    /// set aside is a page break; a blank line between paragraphs is none.
    #[test]
    fn page_breaks_where_furniture_was_set_aside() {
        let text = "§ 101\n\nFöreläggande\n\nBeslutet skickas till\n\nFastighetsägaren\nGrannar enligt sändlista\n\n-----\n\nMiljönämnden\nSammanträdesprotokoll 2023-09-14\n\nMiljöförvaltningen\n\n§ 102\n\nTillsynsplan\n\nBeslutet skickas till\n\nMiljöförvaltningen\n\n-----\n\nMiljönämnden\nSammanträdesprotokoll 2023-09-14\n\n§ 103\n\nDelegationsbeslut\n";
        let norm = normalize(text);
        let at = |no: u32| norm.lines.iter().find(|l| l.no == no).map(|l| l.text.as_str());
        assert_eq!(at(9), Some(""), "{:?}", norm.lines);
        assert_eq!(at(15), Some("Miljöförvaltningen"), "{:?}", norm.lines);
        assert_eq!(norm.page_breaks, [9, 24], "{:?}", norm.lines);
    }

    /// A `<br>` in a line of running text (a markdown converter's hard line break) parts it,
    /// as it does a table's cell.
    #[test]
    fn a_line_break_in_running_text() {
        let norm = normalize(
            "Övriga närvarande: Peter Hök, förvaltningschef<br>Anna-Lena Sten, sekreterare\nx < 5 %",
        );
        assert_eq!(
            texts(&norm),
            [
                "Övriga närvarande: Peter Hök, förvaltningschef",
                "Anna-Lena Sten, sekreterare",
                "x < 5 %"
            ]
        );
        assert_eq!(norm.lines.iter().map(|l| l.no).collect::<Vec<_>>(), [1, 1, 2]);
        // A line joined to close its emphasis: the `<br>` on the joined line is found.
        let norm =
            normalize("**Övriga närvarande: Peter Hök,\nförvaltningschef<br>Anna-Lena Sten**");
        assert_eq!(
            texts(&norm),
            ["Övriga närvarande: Peter Hök, förvaltningschef", "Anna-Lena Sten"]
        );
    }

    #[test]
    fn hyphenation() {
        let n = normalize("Samman-\nställning \n\nMålområde för hälso-\noch sjukvård -\nGod vård");
        assert_eq!(
            texts(&n),
            ["Sammanställning", "", "Målområde för hälso-", "och sjukvård -", "God vård"]
        );
        let n = normalize("ett nytt IT-\nsystemet är");
        assert_eq!(texts(&n), ["ett nytt IT-systemet", "är"]);
    }

    /// Found by the idempotence property: joining forwards left a new hyphenated line end.
    #[test]
    fn hyphenation_is_a_fixed_point() {
        let once = normalize("Samman-\nöa-\natt anta planen;");
        let again = normalize(&texts(&once).join("\n"));
        assert_eq!(texts(&once), texts(&again));
        assert_eq!(texts(&once), ["Sammanöaatt", "anta planen;"]);
        let once = normalize("Samman-\na\t-");
        assert_eq!(texts(&once), ["Sammana"]);
    }

    #[test]
    fn emphasis_spans_and_line_numbers() {
        let n = normalize(
            "**§ 96 Yttrande:\nPromemorian\ninom vården (Ds 2023:26)**\n\nDiarienummer: 23HSN4074",
        );
        assert_eq!(
            texts(&n),
            ["§ 96 Yttrande: Promemorian inom vården (Ds 2023:26)", "", "Diarienummer: 23HSN4074"]
        );
        assert_eq!(n.lines[2].no, 5);
    }

    #[test]
    fn furniture_goes_but_is_kept_aside() {
        let n = normalize(
            "text\n\nOrdförandens sign\n\nDatum Dnr\n23-12-07- 08 23HSN1\n\nSida\n2(19)\n\nMer text",
        );
        assert_eq!(texts(&n), ["text", "", "Mer text"]);
        assert_eq!(n.furniture.len(), 5);
    }

    #[test]
    fn a_page_edge_before_the_first_heading_is_a_seam() {
        // No form feeds: the attendance list goes on over the page, under a running header
        // that numbers the page and dates the meeting on lines of their own.
        let text = "Kommunstyrelsen\nSammanträdesprotokoll\nSammanträdesdatum 2024-03-12\n\nPlats och tid\tKommunhuset\n\nBeslutande\tAnna Ek (S)\n\tBo Berg (M)\n\tCarl Dahl (C)\n\tDag Ek (KD)\n\tEva Falk (L)\n\nJusterandes sign\tUtdragsbestyrkande\nKommunstyrelsen\tSammanträdesprotokoll\t2 (3)\n\tSammanträdesdatum\n\t2024-03-12\n\n\tEva Fors (V)\n\n§ 45\tDnr KS 2024/123";
        let n = normalize(text);
        assert_eq!(
            texts(&n)[10..],
            ["Eva Falk (L)", "", "Eva Fors (V)", "", "§ 45\tDnr KS 2024/123"]
        );
        assert_eq!(n.furniture.len(), 4);
    }

    #[test]
    fn a_sentence_goes_on_over_the_page_furniture() {
        // Without form feeds (the furniture alone shows the page broke), and with them (the
        // first page's footer goes too).
        let plain = "att godkänna budgeten med de ändringar som\n\n- 3 -\n\nframgår av bilaga,\n\natt uppdra åt förvaltningen";
        let footer = "Ordförandes signatur\tJusterares signatur";
        let paged = format!(
            "Kommunstyrelsen\n\natt godkänna budgeten som\n\n{footer}\n\x0cframgår av bilaga,\n\natt följa upp\n\n{footer}\n\x0cSlut\n{footer}"
        );
        let hyphenated = "att godkänna budgetsamman-\n\n- 1 -\n\nställningen för 2025,";
        assert_eq!(
            texts(&normalize(hyphenated)),
            ["att godkänna budgetsammanställningen", "för 2025,"]
        );
        assert_eq!(
            texts(&normalize(plain)),
            [
                "att godkänna budgeten med de ändringar som",
                "framgår av bilaga,",
                "",
                "att uppdra åt förvaltningen"
            ]
        );
        assert_eq!(
            texts(&normalize(&paged)),
            [
                "Kommunstyrelsen",
                "",
                "att godkänna budgeten som",
                "framgår av bilaga,",
                "",
                "att följa upp",
                "",
                "Slut"
            ]
        );
    }

    /// A protocol that starts every § on a page of its own repeats the shape of its dnr line at
    /// every page's top; only the page numbers and the repeated header are furniture.
    #[test]
    fn page_edges_repeat_furniture_not_case_numbers() {
        let page = |n: u32, dnr: u32| {
            format!(
                "Socialnämnden 2016-06-09\n\n§ {n} Ärende {n}\n\nDiarienummer: 16SN{dnr}\n\nNämnden beslutar att godkänna.\n\nSida {n}(4)\n"
            )
        };
        let text = [page(1, 11), page(2, 25), page(3, 37), page(4, 40)].join("\x0c");
        let n = normalize(&text);
        assert_eq!(n.page_starts.len(), 3);
        let kept = texts(&n);
        assert_eq!(kept.iter().filter(|t| t.starts_with("Diarienummer")).count(), 4, "{kept:?}");
        assert_eq!(kept.iter().filter(|t| t.starts_with("Socialnämnden")).count(), 1, "{kept:?}");
        assert_eq!(kept.iter().filter(|t| t.starts_with("Nämnden beslutar")).count(), 4);
        // "Sida 1(4)" goes by the furniture grammar, the others as repeated page numbers.
        assert_eq!(kept.iter().filter(|t| t.starts_with("Sida")).count(), 0, "{kept:?}");
        assert_eq!(
            n.page_of(n.lines.iter().find(|l| l.text == "§ 3 Ärende 3").map_or(0, |l| l.no)),
            Some(3)
        );
    }

    /// A later page's running header repeats lines of the first page's header in other places
    /// (the first page's title above them): they are furniture there, not the end of the list
    /// the page before ended with.
    #[test]
    fn a_running_header_from_lower_in_the_first_page_header() {
        let text = "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-03-12\n\n§ 41 Budget\n\nBeslutet skickas till\nEkonomiavdelningen\nRevisionen\n\x0cKommunstyrelsen\nSammanträdesdatum 2024-03-12\n\n§ 42 Motion\n";
        let n = normalize(text);
        let kept = texts(&n);
        assert_eq!(kept.iter().filter(|t| t.starts_with("Kommunstyrelsen")).count(), 1, "{kept:?}");
        assert_eq!(kept.iter().filter(|t| t.starts_with("Sammanträdesdatum")).count(), 1);
        assert!(kept.contains(&"Revisionen") && kept.contains(&"§ 42 Motion"), "{kept:?}");
        // The header in capitals, its date on a line of its own.
        let text = text.replace(
            "\x0cKommunstyrelsen\nSammanträdesdatum 2024-03-12",
            "\x0cKOMMUNSTYRELSEN\nPROTOKOLL\n2024-03-12",
        );
        let n = normalize(&text);
        let kept = texts(&n);
        assert!(!kept.iter().any(|t| t.starts_with("2024")), "{kept:?}");
        assert!(kept.contains(&"Revisionen") && kept.contains(&"§ 42 Motion"), "{kept:?}");
    }

    /// A page header that carries a protocol's title and date, or a page count, is furniture
    /// at the top of a later page even where it stands on that page only.
    #[test]
    fn a_running_header_once_after_a_form_feed() {
        let text = "Kommunstyrelsens arbetsutskott\nSammanträdesdatum 2017-10-03\n\n§ 110\tDnr KS 2017/288\n\nFörsäljning av fastigheten Lunden 4:12\n\nFastigheten säljs till Bostadsbolaget AB för 2,4 miljoner\n\x0cKOMMUNSTYRELSEN                 PROTOKOLL                 2017-10-03\nArbetsutskottet                                            Sida 2 av 2\n\nkronor.\n";
        let n = normalize(text);
        let kept = texts(&n);
        assert!(!kept.iter().any(|t| t.contains("PROTOKOLL")), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Sida 2")), "{kept:?}");
        assert!(n.furniture.iter().any(|l| l.text.contains("PROTOKOLL")));
        // The first page's copy stays: it names the body and the date.
        let n = normalize(&text.replace(
            "Kommunstyrelsens arbetsutskott\nSammanträdesdatum 2017-10-03",
            "KOMMUNSTYRELSEN   PROTOKOLL   2017-10-03",
        ));
        assert_eq!(texts(&n).iter().filter(|t| t.contains("PROTOKOLL")).count(), 1);
    }

    /// Without form feeds, a signature table and a page count mark a page seam: the running
    /// header after them is furniture, and the att-clause after it stays in its list.
    #[test]
    fn seams_known_by_their_footers() {
        let n = normalize(
            "Helsingborgs stad\nKommunstyrelsen\nProtokoll 2023-11-22\n\n§ 2\nB\n\nKommunstyrelsen beslutar\natt godkänna avtalet,\n\nJusterandes signatur    Utdragsbestyrkande\nSida 3 av 12\nHelsingborgs stad   Protokoll 2023-11-22\nKommunstyrelsen\n\natt uppdra åt förvaltningen att verkställa.\n",
        );
        assert!(n.page_starts.is_empty());
        let kept = texts(&n);
        assert_eq!(
            &kept[7..],
            [
                "Kommunstyrelsen beslutar",
                "att godkänna avtalet,",
                "",
                "att uppdra åt förvaltningen att verkställa."
            ],
            "{kept:?}"
        );
        assert_eq!(n.furniture.len(), 4);
        // A page whose top is a § heading keeps it.
        let n = normalize(
            "X kommun\nProtokoll 2023-10-10\n\n§ 4 Titel\ntext\nSida 1 av 2\nX kommun Protokoll 2023-10-10\n§ 5 Val av justerare\nmer text",
        );
        assert_eq!(
            texts(&n),
            [
                "X kommun",
                "Protokoll 2023-10-10",
                "",
                "§ 4 Titel",
                "text",
                "§ 5 Val av justerare",
                "mer text"
            ]
        );
        // A document list that starts the next page is no running header.
        let n = normalize(
            "X kommun\nProtokoll 2023-10-10\n\n§ 4 Titel\nBeslutsunderlag\nSida 1 av 2\n\nTjänsteskrivelse 2018-09-28\nYttrande 2018-09-30\n",
        );
        assert_eq!(
            &texts(&n)[4..],
            ["Beslutsunderlag", "", "Tjänsteskrivelse 2018-09-28", "Yttrande 2018-09-30"]
        );
        // Before the first § heading, a page count is the first page's head, and the lines
        // under it (the meeting's time) stay.
        let n =
            normalize("Datum\n2023-12-07\nSida\n1(19)\n\nTid: 2023-12-07 kl. 09:15\n\n§ 1 Titel");
        assert_eq!(
            texts(&n),
            ["Datum", "2023-12-07", "", "Tid: 2023-12-07 kl. 09:15", "", "§ 1 Titel"]
        );
    }

    /// A markdown converter's page separator is a page seam as sure as a page count: the
    /// running header after it goes, an image link and the separator go, and the att-clause
    /// after it stays in its list (marker, pymupdf4llm).
    #[test]
    fn markdown_page_separators_are_seams() {
        for separator in ["{1}------------------------------------------------", "-----"] {
            let n = normalize(&format!(
                "Helsingborgs stad\tPROTOKOLL\nKommunfullmäktige\t2023-06-20\n\n## § 101 Detaljplan\n\n**Beslut**\n\nKommunfullmäktige beslutar\n\natt anta detaljplanen, samt\n\n{separator}\n\n![](_page_1_Picture_0.jpeg)\n\nHelsingborgs stad\tPROTOKOLL\nKommunfullmäktige\t2023-06-20\n\natt uppdra åt nämnden att genomföra planen.\n"
            ));
            assert_eq!(
                &texts(&n)[3..],
                [
                    "§ 101 Detaljplan",
                    "",
                    "Beslut",
                    "",
                    "Kommunfullmäktige beslutar",
                    "",
                    "att anta detaljplanen, samt",
                    "",
                    "att uppdra åt nämnden att genomföra planen."
                ],
                "{separator}"
            );
        }
    }

    /// A markdown table's delimiter row is no blank line: the header row stays over its rows,
    /// as an attendance table in columns needs (docling, marker).
    #[test]
    fn table_delimiter_rows_go() {
        let n = normalize(
            "| Ledamöter | Ersättare |\n|---|---|\n| Hans Lindberg (S), ordförande | Rasmus Ek (S) |\n| Lena Riste (V) | |\n",
        );
        assert_eq!(
            texts(&n),
            [
                "Ledamöter\tErsättare",
                "Hans Lindberg (S), ordförande\tRasmus Ek (S)",
                "Lena Riste (V)"
            ]
        );
        assert_eq!(n.lines[1].no, 3);
    }

    /// An HTML table (MinerU) and line breaks become lines that keep their source line's
    /// number.
    #[test]
    fn html_tables_and_line_breaks() {
        let n = normalize(
            "Tekniska nämnden\n\n<table><tr><td>Beslutande</td><td>Parti</td></tr><tr><td>Maria Nilsson</td><td>S</td></tr></table>\n\n| Övriga | Peter Hök, förvaltningschef<br>Eva Sten, sekreterare |\n",
        );
        let got: Vec<(u32, &str)> = n.lines.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (1, "Tekniska nämnden"),
                (2, ""),
                (3, "Beslutande\tParti"),
                (3, "Maria Nilsson\tS"),
                (4, ""),
                (5, "Övriga\tPeter Hök, förvaltningschef"),
                (5, "Eva Sten, sekreterare"),
            ]
        );
    }

    /// docling prints the running header of every page as a heading (`## Protokoll`): its
    /// copies inside the paragraphs go, the first, which titles the document, stays.
    #[test]
    fn a_bare_title_repeated_is_a_page_header() {
        let n = normalize(
            "## PROTOKOLL\n\n## § 14 Verksamhetsplan\n\nKulturnämnden beslutar\n\natt anta planen,\n\n## Protokoll\n\natt uppdra åt förvaltningen.\n\n## Beslutet skickas till\n\nKulturförvaltningen\n\n## Protokoll\n\nKommunstyrelsen\n",
        );
        let kept = texts(&n);
        assert_eq!(kept.iter().filter(|t| t.contains("rotokoll")).count(), 0, "{kept:?}");
        assert_eq!(kept[0], "PROTOKOLL");
        assert_eq!(n.furniture.len(), 2);
        let n = normalize(
            "§ 1 Budget\n\natt anta budgeten,\n\nSAMMANTRÄDESPROTOKOLL\n\natt verkställa.\n\nSammanträdesprotokoll\n",
        );
        assert_eq!(texts(&n), ["§ 1 Budget", "", "att anta budgeten,", "", "att verkställa."]);
        // Once, it is the document's title.
        let n = normalize("Protokoll\n\n§ 1 Val av justerare\n\nText.");
        assert_eq!(texts(&n)[0], "Protokoll");
    }

    /// A flattened page's signature footer at its end is furniture, not the end of the last
    /// recipient or sentence.
    #[test]
    fn a_flattened_pages_signature_footer() {
        let page = |n: u32, body: &str| {
            format!("{n} Socialnämnden Sida {n} (3) {}{body}", "Text om ärendet. ".repeat(20))
        };
        let text = [
            "Transkript".to_string(),
            page(1, "Plats och tid Kommunhuset"),
            page(
                2,
                "SN 13 Bidrag Beslut Informationen noteras. Justerandes sign Utdragsbestyrkande",
            ),
            page(3, "SN 14 Val Beslutet expedieras till Förvaltningschef Ordförandens sign"),
            page(
                4,
                "SN 15 Val Protokollsutdrag till Koncernstab ekonomi Justerare Utdragsbestyrkande",
            ),
        ]
        .join("\n\n");
        let n = normalize(&text);
        assert!(n.flattened);
        let kept = texts(&n);
        assert!(!kept.iter().any(|t| t.contains("sign")), "{kept:?}");
        let gone: Vec<&str> = n.furniture.iter().map(|l| l.text.as_str()).collect();
        assert!(gone.contains(&"Justerandes sign Utdragsbestyrkande"), "{gone:?}");
        assert!(gone.contains(&"Ordförandens sign"), "{gone:?}");
        assert!(gone.contains(&"Justerare Utdragsbestyrkande"), "{gone:?}");
    }

    #[test]
    fn double_spaced_layout() {
        let src = "Enligt planen ska en \n\nuppföljning av planen genomföras i \n\njuni. En rapport \n\nhar tagits fram.\n\n \n\nNästa stycke \n\nfortsätter här.";
        let n = normalize(src);
        assert!(n.double_spaced);
        assert_eq!(
            texts(&n),
            [
                "Enligt planen ska en",
                "uppföljning av planen genomföras i",
                "juni. En rapport",
                "har tagits fram.",
                "",
                "Nästa stycke",
                "fortsätter här."
            ]
        );
    }
}
