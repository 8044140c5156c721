//! Decisions: the lead sentence ("Hälso- och sjukvårdsutskottet beslutar", "… föreslår att
//! Hälso- och sjukvårdsnämnden beslutar", "Då inga extra ärenden föreligger beslutar …") and the
//! att-clauses, numbered points or bullets that follow it; where there are none, the decision
//! sentences themselves.

use super::bodies;
use super::text::{prose, sentences};
use crate::model::{Decision, DecisionKind};
use crate::normalize::Line;
use crate::parse::lexical::{is_alnum, tag_no_case, ws0, ws1};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, one_of};
use nom::combinator::{eof, opt, recognize};
use nom::{IResult, Parser};

/// A lead sentence's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead<'a> {
    /// Decision or proposal.
    pub kind: DecisionKind,
    /// Who decides or proposes.
    pub by: Option<String>,
    /// Who is to decide a proposal.
    pub to: Option<String>,
    /// What follows the lead on its line (an inline clause).
    pub rest: &'a str,
}

/// The text [`find_word`] searches for a lower-case verb in `line`: `lower`, the line in lower
/// case, unless lower-casing changed byte lengths (rare letters), then the line itself
/// (searched case-sensitively), so that byte ranges stay those of `line`.
fn word_haystack<'a>(line: &'a str, lower: &'a str) -> &'a str {
    if lower.len() == line.len() { lower } else { line }
}

/// Finds `verb` as a whole word in `hay` (from [`word_haystack`]), returning its byte range.
fn find_word(hay: &str, verb: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = hay[from..].find(verb) {
        let at = from + p;
        let end = at + verb.len();
        if is_whole_word(hay, at, end) {
            return Some((at, end));
        }
        from = end;
    }
    None
}

/// Whether `text[at..end]` is a whole word: no letter or digit just before or after it.
fn is_whole_word(text: &str, at: usize, end: usize) -> bool {
    text[..at].chars().last().is_none_or(|c| !is_alnum(c))
        && text[end..].chars().next().is_none_or(|c| !is_alnum(c))
}

/// `find_word(&text::lower_case(line), verb)` for a line whose every char is below U+0100 or
/// has no case ([`lowers_in_place`]), without lower-casing it: there `lower_case` changes
/// bytes in place, so the lower-case text has the line's byte offsets and its byte `k` is
/// [`lowered_at`]`(line, k)`; a char and its lower case are both alphanumeric or neither, so
/// the word-boundary checks read the line itself. `verb` starts with an ASCII small letter:
/// only bytes that are it or its capital start a match.
fn find_word_latin_1(line: &str, verb: &str) -> Option<(usize, usize)> {
    let (b, v) = (line.as_bytes(), verb.as_bytes());
    let mut from = 0;
    loop {
        let (small, capital) = (v[0], v[0].to_ascii_uppercase());
        let firsts = |x| crate::scan::bytes_equal(x, small) | crate::scan::bytes_equal(x, capital);
        let at = crate::scan::bytes_marked(b, from, firsts).find(|&k| {
            k + v.len() <= b.len() && (0..v.len()).all(|j| lowered_at(b, k + j) == v[j])
        })?;
        let end = at + v.len();
        if is_whole_word(line, at, end) {
            return Some((at, end));
        }
        from = end;
    }
}

/// Whether every char of a text (its UTF-8 bytes) is below U+0100 or in U+2000–U+20FF
/// (dashes, quotes, `…`, `€`): those in the second block have no case, so `to_lowercase` leaves
/// their bytes as they are and lowers the others as [`lowered_at`] does, in place.
fn lowers_in_place(b: &[u8]) -> bool {
    b.iter().enumerate().all(|(k, &c)| {
        c < 0xC0
            || c == 0xC2
            || c == 0xC3
            || (c == 0xE2 && b.get(k + 1).is_some_and(|&n| n <= 0x83))
    })
}

/// Byte `k` of `text::lower_case` of a text whose every char is below U+0100
/// ([`super::lexical::latin_1_lower_byte`]).
fn lowered_at(b: &[u8], k: usize) -> u8 {
    super::lexical::latin_1_lower_byte(k.checked_sub(1).map_or(0, |p| b[p]), b[k])
}

/// The body that ends `subject`: `Då inga extra ärenden föreligger` has none,
/// `Hälso- och sjukvårdsutskottet` is one.
fn trailing_body(subject: &str) -> Option<String> {
    let s = subject.trim().trim_end_matches(',');
    // Most subjects end in a word no body's name ends in: no place is tried.
    if !may_end_body_name(s) {
        return None;
    }
    trailing_body_in(s)
}

/// Whether a [`bodies::body_name`] with nothing but white space after it may end `s`: a
/// necessary condition, read from the last word. The name's last word is the grammar's last
/// run of letters (and hyphens), which a space (`ws1`) or the start of the name, at a word start
/// after white space, comes before, and only white space after: the last word of `s` between
/// white space. That run is a body word, with or without its genitive `s`s, or an utskott's or
/// a presidium's word, `arbetsutskott…`, `…utskottet`, `presidi…` lower-cased, which hold
/// `utskott` or `presidi` in ASCII letters of either case, or a char lower-casing to ASCII
/// letters with another's help (the Kelvin sign to `k`, `İ` to `i` and a dot).
fn may_end_body_name(s: &str) -> bool {
    let s = s.trim_end();
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(at, c)| at + c.len_utf8());
    let w = &s[start..];
    !w.is_empty()
        && w.chars().all(|c| super::lexical::is_alpha(c) || c == '-')
        && (bodies::is_body_word(w.trim_end_matches('s'))
            || bodies::is_body_word(w)
            || super::lexical::contains_ascii_ci(w, "utskott")
            || super::lexical::contains_ascii_ci(w, "presidi")
            || w.contains(['\u{212a}', '\u{130}']))
}

/// [`trailing_body`] of a trimmed subject, without its first look: a body's name tried at each
/// word start.
fn trailing_body_in(s: &str) -> Option<String> {
    let mut prev: Option<char> = None;
    for (at, c) in s.char_indices() {
        if prev.is_none_or(char::is_whitespace)
            && let Ok((rest, name)) = bodies::body_name(&s[at..])
            && rest.trim().is_empty()
        {
            return Some(name.to_string());
        }
        prev = Some(c);
    }
    None
}

/// The body that starts `text`: `Hälsa- och sjukvårdsnämnden beslutar` → it.
fn leading_body(text: &str) -> Option<(String, &str)> {
    bodies::body_name(text.trim_start()).ok().map(|(rest, name)| (name.to_string(), rest))
}

/// Reads a lead sentence from one line.
///
/// Patterns: `BODY beslutar[:] [att …]`, `BODY föreslår [att] BODY beslutar[:] [att …]`,
/// `BODY föreslår BODY att besluta …`, `… beslutar BODY[:]`, and, where `lenient` (inside a
/// "Beslut" section), any subject and the past tense `beslöt`, `beslutade`.
/// Example: `Hälso- och sjukvårdsutskottet föreslår att Hälsa- och sjukvårdsnämnden beslutar`.
#[must_use]
pub fn lead(line: &str, lenient: bool) -> Option<Lead<'_>> {
    let line = line.trim();
    // "beslutar", "beslöt", "föreslår", "BESLUTAR" all hold these letters: a cheap first look.
    if !(line.contains("esl") || line.contains("ESL")) {
        return None;
    }
    // A line of Latin-1 chars (nearly all; some are whole flattened pages) is searched as it
    // stands ([`find_word_latin_1`]); another is lower-cased once for the four verbs.
    let latin_1 = lowers_in_place(line.as_bytes());
    let lower = if latin_1 { String::new() } else { super::text::lower_case(line) };
    let find = |verb: &str| {
        if latin_1 {
            find_word_latin_1(line, verb)
        } else {
            find_word(word_haystack(line, &lower), verb)
        }
    };
    if let Some((at, end)) = find("föreslår") {
        let by = trailing_body(&line[..at]).or_else(|| lenient_subject(&line[..at], lenient))?;
        let after = line[end..].trim_start();
        let after = after.strip_prefix("att ").unwrap_or(after);
        let (to, rest) = match leading_body(after) {
            Some((to, rest)) => {
                let rest = rest.trim_start();
                let rest = strip_any(
                    rest,
                    &["beslutar:", "beslutar", "besluta:", "besluta", "att besluta", "att"],
                );
                (Some(to), rest)
            }
            None => (None, after),
        };
        return Some(Lead {
            kind: DecisionKind::Proposal,
            by: Some(by),
            to,
            rest: rest.trim_start(),
        });
    }
    // Passive: "Kommunfullmäktige föreslås besluta", the proposal of an official's letter or
    // a committee, to the body named.
    if let Some((at, end)) = find("föreslås")
        && let Some(to) = trailing_body(&line[..at])
    {
        let after = line[end..].trim_start();
        let after = after.strip_prefix("att ").unwrap_or(after).trim_start();
        if let Some(rest) = after.strip_prefix("besluta") {
            let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
            return Some(Lead { kind: DecisionKind::Proposal, by: None, to: Some(to), rest });
        }
    }
    for verb in ["beslutar", "beslöt", "beslutade"] {
        if verb != "beslutar" && !lenient {
            continue;
        }
        let Some((at, end)) = find(verb) else { continue };
        let before = &line[..at];
        let after = line[end..].trim_start();
        if let Some(by) = trailing_body(before) {
            let rest = for_own_part(after.strip_prefix(':').unwrap_or(after));
            return Some(Lead { kind: DecisionKind::Decision, by: Some(by), to: None, rest });
        }
        // Inverted: "Då inga extra ärenden föreligger beslutar Hälso- och sjukvårdsutskottet".
        if let Some((by, rest)) = leading_body(after) {
            let rest = rest.trim_start();
            let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
            if rest.is_empty() || rest.starts_with("att ") {
                return Some(Lead { kind: DecisionKind::Decision, by: Some(by), to: None, rest });
            }
        }
        if lenient && before.split_whitespace().count() <= 6 {
            let by = lenient_subject(before, true);
            let rest = for_own_part(after.strip_prefix(':').unwrap_or(after));
            return Some(Lead { kind: DecisionKind::Decision, by, to: None, rest });
        }
    }
    None
}

/// Whether a line opens a body's own decision where no "Beslut" heading announces it: it starts
/// with the body's name, capitalised, which is the subject of a [`lead`].
///
/// Example: `Socialnämnden beslutar att fastställa taxa.`, `Tekniska nämnden föreslår
/// kommunfullmäktige besluta`; not `socialnämnden beslutar att …` (a wrapped sentence's end).
fn opens_body_decision(line: &str) -> bool {
    let t = line.trim_start();
    t.chars().next().is_some_and(char::is_uppercase)
        && leading_body(t).is_some()
        && lead(t, false).is_some_and(|l| l.by.is_some())
}

/// The lines of a "Yrkanden" or "Omröstning" section from the first that opens a body's own
/// decision (`opens_body_decision`) at a block's start (the section's first line, or after a
/// blank line or a sentence's end): the decision written after the motions or the vote
/// without a heading of its own. Empty where there is none.
///
/// Example: `Lennart Berg (V) yrkar avslag.` / `` / `Socialnämnden beslutar att fastställa
/// taxa.` gives the last line.
#[must_use]
pub fn decision_after_debate<'b, 'a>(lines: &'b [&'a Line]) -> &'b [&'a Line] {
    let mut block_start = true;
    for (k, line) in lines.iter().enumerate() {
        if line.is_blank() {
            block_start = true;
            continue;
        }
        if block_start && opens_body_decision(&line.text) {
            return &lines[k..];
        }
        block_start = line.text.trim_end().ends_with(['.', '!', ':']);
    }
    &[]
}

/// What follows "beslutar" without "för egen del" / "för sin del" (and its `:` or `,`), which
/// says whose decision it is, not what is decided: `beslutar för egen del att avge yttrande`.
fn for_own_part(after: &str) -> &str {
    let after = after.trim_start();
    let rest = strip_any(after, &["för egen del", "för sin del"]);
    if rest.len() == after.len() {
        return after;
    }
    rest.trim_start().trim_start_matches([':', ',']).trim_start()
}

fn lenient_subject(subject: &str, lenient: bool) -> Option<String> {
    let s = subject.trim().trim_start_matches(['-', '–']).trim();
    (lenient && !s.is_empty() && s.split_whitespace().count() <= 6).then(|| s.to_string())
}

fn strip_any<'a>(s: &'a str, prefixes: &[&str]) -> &'a str {
    prefixes.iter().find_map(|p| s.strip_prefix(p)).unwrap_or(s)
}

/// What is left of a lead line when it only announces the clauses below it, and is none
/// itself: `följande`, `enligt följande:`, `som följer`, `att:`, `att`, with an optional `:` or
/// `.`, or a colon alone.
///
/// Example: `Kommunstyrelsen föreslår kommunfullmäktige besluta följande.` leaves `följande.`;
/// `Kommunstyrelsen beslutar att` (points `1. godkänna …` below) leaves `att`;
/// `… föreslår regionstyrelsen att besluta:` leaves `:`.
fn intro(i: &str) -> IResult<&str, &str> {
    let words = (
        opt((alt((tag_no_case("enligt"), tag_no_case("i enlighet med"))), ws1)),
        alt((tag_no_case("följande"), tag_no_case("som följer"), tag_no_case("att"))),
        ws0,
        opt(one_of(":.")),
    );
    recognize((alt((recognize(words), tag(":"))), ws0, eof)).parse(i)
}

/// The points a lead's rest runs on with after an [`intro`] that ends in a colon, as a
/// flattened page writes them: `att: - avslå motionen - …`, `följande: 1. godkänna …`.
///
/// Pattern: `[enligt] följande|som följer|att: POINT …`, the point a bullet or a number.
fn points_after_intro(rest: &str) -> Option<&str> {
    let words = (
        opt((alt((tag_no_case("enligt"), tag_no_case("i enlighet med"))), ws1)),
        alt((tag_no_case("följande"), tag_no_case("som följer"), tag_no_case("att"))),
        ws0,
        char(':'),
        ws1,
    );
    let (points, _) = recognize(words).parse(rest.trim_start()).ok()?;
    list_item(points).map(|_| points)
}

/// Whether a lead's rest is only an [`intro`].
fn is_intro(rest: &str) -> bool {
    intro(rest.trim()).is_ok()
}

/// Whether a line opens an att-clause: `att anta …`, `- att anta …`, and "att" in a column of
/// its own, the clause after spaces or a tab (`att\tanta planen`, `att   anta planen`).
fn att_clause(line: &str) -> Option<&str> {
    let t = line.trim_start_matches(['-', '•', '–', ' ', '\t']).trim_start();
    let rest = t.get(..3).filter(|p| p.eq_ignore_ascii_case("att")).map(|_| &t[3..])?;
    rest.starts_with([' ', '\t']).then(|| rest.trim_start())
}

/// Whether a line is a numbered point or bullet: `1. Godkänna …`, `2) …`, `- …`, `• …`.
fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if let Some(r) =
        t.strip_prefix("- ").or_else(|| t.strip_prefix("• ")).or_else(|| t.strip_prefix("– "))
    {
        return Some(r.trim_start());
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let r = &t[digits..];
        // `1. Godkänna`, `2) …`, and Word's `1.⇥Fördela` (a tab after the number).
        if let Some(r) = r.strip_prefix(['.', ')']).and_then(|r| r.strip_prefix([' ', '\t'])) {
            return Some(r.trim_start());
        }
    }
    None
}

/// Numbered points run on in one clause, as a flattened page writes them: each `N. ` after
/// a sentence's end, numbered on from `1. `, starts the next, and loses its number.
///
/// Pattern: `1. POINT. 2. POINT. …`. Example: `1. Delårsrapporten per augusti 2017 godkänns.
/// 2. Regionstyrelsen får i uppdrag att vidta åtgärder.` → two clauses.
///
/// A point that ends in a comma or a semicolon ends there too, and one before a point that
/// starts with `att`: `1. godkänna rapporten, 2. uppdra åt kommundirektören …`, `1. att
/// godkänna årsredovisningen 2. att lägga den till handlingarna`.
fn split_points(clause: &str) -> Vec<&str> {
    let t = clause.trim_start();
    let Some(mut rest) = t.strip_prefix("1. ") else { return vec![clause] };
    let mut out = Vec::new();
    let mut next = 2;
    loop {
        let mark = format!(" {next}. ");
        let Some(at) = rest.match_indices(&mark).map(|(at, _)| at).find(|&at| {
            rest[..at].ends_with(['.', ',', ';']) || rest[at + mark.len()..].starts_with("att ")
        }) else {
            break;
        };
        out.push(&rest[..at]);
        rest = &rest[at + mark.len()..];
        next += 1;
    }
    out.push(rest);
    out
}

/// Bullets run on in one clause, as a flattened page writes them, each point after the
/// bullet's mark: a clause that starts with a bullet (`- `, `– `, `• `) is cut before each of
/// its marks after a space, and one that does not before each `•` and each dash before
/// `att`. In a clause that starts with a dash, a dash parts points only after a point's end
/// (`.`, `,`, `;`) that ran on over no sentence's end, or before `att`: `2024 - 2026` stays
/// whole. Each point loses its `att`.
///
/// Pattern: `- POINT. - POINT.`, `anta planen, • att uppdra …`. Example: `- Föreningen
/// beviljas bidrag om 20 000 kronor. - Bidraget belastar kommunstyrelsens anslag.` → two
/// clauses.
fn split_bullets(clause: &str) -> Vec<&str> {
    let t = clause.trim_start();
    let lead = ["- ", "– ", "• "].into_iter().find(|m| t.starts_with(m));
    // Every cut holds a bullet's mark: most clauses hold none (a point `split_points` cut
    // off its number still loses its `att`).
    if lead.is_none() && !t.contains(" • ") && !t.contains(" - att ") && !t.contains(" – att ")
    {
        return vec![att_clause(clause).unwrap_or(clause)];
    }
    let body = lead.map_or(t, |m| &t[m.len()..]);
    let marks: &[&str] = match lead {
        Some(m) => &[m],
        None => &["• ", "- ", "– "],
    };
    // A point is one sentence: a dash after a point that ran on over a sentence's end (a
    // page of flattened text) parts nothing.
    let cuts_at = |start: usize, at: usize, mark: &str| {
        let (before, after) = (&body[start..at], &body[at + 1 + mark.len()..]);
        mark.starts_with('•')
            || after.starts_with("att ")
            || (lead.is_some() && before.ends_with(['.', ',', ';']) && !before.contains(". "))
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some((at, mark)) = marks
        .iter()
        .filter_map(|m| body[from..].find(&format!(" {m}")).map(|p| (from + p, *m)))
        .min()
    {
        from = at + 1 + mark.len();
        if cuts_at(start, at, mark) {
            out.push(&body[start..at]);
            start = from;
        }
    }
    out.push(&body[start..]);
    out.into_iter().map(|c| att_clause(c).unwrap_or(c)).collect()
}

/// Clauses written on one line (flattened text, or a lead followed by its clauses):
/// `anta planen, att uppdra åt nämnden …; att …` is cut before each `, att`, `; att` and
/// `samt att`. An `att` inside a clause (`ge i uppdrag att ta fram`) is not a cut.
///
/// `och att` cuts too (`godkänna avtalet och att uppdra åt förvaltningen att verkställa`),
/// unless the clause before it already holds an inner `att`, whose infinitive it then
/// continues (`ge förvaltningen i uppdrag att utreda och att återkomma`).
fn split_inline(clause: &str) -> Vec<&str> {
    const SEPS: [&str; 3] = [", att ", "; att ", " samt att "];
    // Every cut (these and " och att ") holds "att ": most clauses hold none, and are looked
    // through once, not once for each separator.
    if !crate::scan::contains_bytes(clause.as_bytes(), b"att ", false) {
        return vec![clause];
    }
    let mut out = Vec::new();
    let mut rest = clause;
    // Each separator's first cut in `rest`, searched again only once a cut has passed it: a
    // cut at or after the new start of `rest` is still the first there, as `rest` only loses
    // its head, and one that found none finds none in what is left.
    let mut cuts = SEPS.map(|sep| cut_before_clause(rest, sep));
    loop {
        let och_att = rest
            .find(" och att ")
            .filter(|&at| !rest[..at].contains(" att "))
            .map(|at| (at, at + " och att ".len()));
        let Some((end, next)) = cuts.iter().flatten().copied().chain(och_att).min() else {
            break;
        };
        out.push(&rest[..end]);
        rest = &rest[next..];
        for (cut, sep) in cuts.iter_mut().zip(SEPS) {
            *cut = match *cut {
                Some((at, after)) if at >= next => Some((at - next, after - next)),
                Some(_) => cut_before_clause(rest, sep),
                None => None,
            };
        }
    }
    out.push(rest);
    out
}

/// The first `sep` in `rest` that starts a clause of its own, and where that clause starts:
/// `, att gälla från …` says from when the clause before applies (`fastställa taxa enligt
/// bilaga, att gälla från den 1 maj 2005`), and is none.
fn cut_before_clause(rest: &str, sep: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = rest[from..].find(sep) {
        let at = from + p;
        let next = at + sep.len();
        if !rest[next..].starts_with("gälla ") {
            return Some((at, next));
        }
        from = next;
    }
    None
}

/// Trims a clause: no trailing `;`, `,`, `.`, `samt`, `och`.
fn tidy(clause: &str) -> String {
    let mut c = clause.trim().replace('\t', " ");
    loop {
        let before = c.len();
        c = c.trim_end_matches([';', ',', '.', ' ']).to_string();
        for tail in [" samt", " och"] {
            if c.ends_with(tail) {
                c.truncate(c.len() - tail.len());
            }
        }
        if c.len() == before {
            break;
        }
    }
    c
}

/// Whether a clause's line ends in a preposition, which no clause ends in: the "att" on the
/// next line is the clause's inner infinitive, not a new clause.
///
/// Example: `att uppdra åt nämnderna att redovisa åtgärder för` / `att klara budgetramen.`
fn ends_open(clause: &str) -> bool {
    const PREPOSITIONS: &[&str] =
        &["för", "om", "till", "med", "av", "i", "på", "genom", "utan", "efter", "inför", "än"];
    let last = clause.rsplit([' ', '\t']).next().unwrap_or("");
    PREPOSITIONS.contains(&last)
}

/// Whether `line` goes on with a name the clause's line cut after a preposition, as a
/// hyphenated name rejoined at the line end leaves it: the clause ends in a preposition and up
/// to three capitalised words, the line starts with a capitalised word in lower case after its
/// first letter, and ends the sentence at its end and nowhere before (a label, a heading in
/// capitals or a page of flattened text is none).
///
/// Pattern: `… PREP Name [Name [Name]]` / `Name … .`. Examples: `Miljönämnden beslutar att
/// avge yttrande till Länsstyrelsen i Västra` / `Götalands län i enlighet med
/// miljöförvaltningens förslag.` (`Väst-` / `ra Götalands län …` rejoined), `Kommunstyrelsen
/// beslutar att godkänna avtalet med Region Västra` / `Götalands län.`
fn continues_name(clause: &str, line: &str) -> bool {
    let is_name = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase)
    };
    // The name's words (`Region Västra`, up to three) and the word before them.
    let mut words = clause.trim_end().rsplit([' ', '\t']);
    let mut names = 0;
    let before = loop {
        match words.next() {
            Some(w) if names < 3 && is_name(w) => names += 1,
            Some(w) => break w,
            None => return false,
        }
    };
    let first = line.split([' ', '\t']).next().unwrap_or("");
    let body = line.trim_end();
    names > 0
        && ends_open(before)
        && is_name(first)
        && body.ends_with('.')
        && !super::text::holds_sentence_end(body)
}

/// The clauses under a lead: every att-clause (wrapped lines joined), or numbered points and
/// bullets; stops at a blank line followed by text that continues neither, or at a member's
/// stance below a clause that ended its sentence. `first` is a clause
/// begun on the lead's line, which the next lines continue in mid-sentence (in lower case,
/// after a preposition, or a name cut after a preposition) until its sentence ends
/// (`Kommunstyrelsen beslutar att anta taxan för` / `bygglov enligt bilaga 1, samt` / `att …`).
fn clauses_after(lines: &[&Line], first: Option<&str>) -> Vec<String> {
    let mut clauses: Vec<String> = first.map(str::to_string).into_iter().collect();
    let opened = clauses.len();
    // A line that holds a sentence's end (flattened text) is no wrapped clause.
    let mut in_lead = first.is_some_and(|c| {
        !c.trim_end().ends_with(['.', ';', ':', '!', '?']) && !super::text::holds_sentence_end(c)
    });
    let mut in_list = in_lead;
    let mut after_blank = false;
    // Whether the last clause is an att-clause that ends in a colon: the bullets under it
    // without an `att` of their own are its points (`att godkänna avtalet med följande
    // ändringar:` / `- punkt 3 stryks` / `- punkt 4 ändras`), not clauses.
    let mut att_colon = false;
    for line in lines {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let text = line.text.as_str();
        // Whether the clause so far ends in a preposition, which no clause ends in.
        let last_open = clauses.last().is_some_and(|c| ends_open(c));
        // An att-line after a clause line that ends in a preposition is that clause's inner
        // infinitive (`… redovisa åtgärder för` / `att klara budgetramen.`).
        let wrapped = in_list && !after_blank && last_open;
        // The lead's clause goes on over a line in lower case, or after a preposition: a line
        // of flattened text may start with a page number or a § (`7 Patientnämnden
        // Sammanträdesprotokoll Sida 7 (16) …`).
        let continues_lead = text.starts_with(char::is_lowercase)
            || last_open
            || clauses.last().is_some_and(|c| continues_name(c, text));
        // `att taxan skall gälla från den 1 april 1998.` / `Kommunstyrelsen beslutar`: the
        // body's own decision below a proposal's clauses is none of them, unless the clause
        // above is left open (`… för` / `Kommunstyrelsen beslutar …` is its object).
        let open = last_open || clauses.last().is_some_and(|c| c.ends_with(" att"));
        if !open && opens_body_decision(text) {
            break;
        }
        if let Some(c) = att_clause(text).filter(|_| !wrapped) {
            clauses.push(c.to_string());
            in_list = true;
            in_lead = false;
            att_colon = c.trim_end().ends_with(':');
        } else if att_colon && text.trim_start().starts_with(['-', '–', '•']) && !after_blank {
            if let Some(last) = clauses.last_mut() {
                last.push(' ');
                last.push_str(text.trim_start());
            }
        } else if let Some(c) = list_item(text).filter(|_| in_list || clauses.len() == opened) {
            // A bullet keeps its mark, which `split_bullets` cuts bullets run on in the line
            // at (`- A. - B.`) and takes off; so does a first point, which `split_points`
            // cuts points run on after it at (`1. A. 2. B.`).
            let t = text.trim_start();
            let c = if t.starts_with(['-', '–', '•']) || t.starts_with("1. ") { t } else { c };
            clauses.push(att_clause(c).unwrap_or(c).to_string());
            in_list = true;
            in_lead = false;
        } else if in_list && !after_blank && (continues_lead || !in_lead) {
            // A member's stance below a clause that ended its sentence is none of it
            // (`att informationen noteras till protokollet.` / `Ann-Sofie Åhlin (C) avstår
            // från att delta i beslutet.`).
            if clauses.last().is_some_and(|c| c.trim_end().ends_with('.')) && is_stance(text) {
                break;
            }
            if let Some(last) = clauses.last_mut() {
                last.push(' ');
                last.push_str(text);
            }
        } else {
            break;
        }
        after_blank = false;
    }
    clauses
        .iter()
        .flat_map(|c| split_points(c))
        .flat_map(split_bullets)
        .flat_map(split_inline)
        .map(tidy)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The sentences of the first block of text in `lines` (after any blank lines), as clauses, up
/// to a member's stance: `Informationen noteras. Peter Nyberg (SD) deltar inte i beslutet.`, as
/// a flattened page runs them on, is one clause.
fn next_block_sentences(lines: &[&Line]) -> Vec<String> {
    let block: Vec<&Line> =
        lines.iter().copied().skip_while(|l| l.is_blank()).take_while(|l| !l.is_blank()).collect();
    sentences(&prose(&block))
        .into_iter()
        .map(|s| tidy(&s))
        .filter(|c| !c.is_empty())
        .take_while(|c| !is_stance(c))
        .collect()
}

/// Whether a lead's line ends in the `att` its clauses below share: `Nämnden beslutar att`,
/// `… föreslår kommunfullmäktige att:`.
fn ends_in_att(line: &str) -> bool {
    let b = line.trim_end().trim_end_matches(':').trim_end().as_bytes();
    b.len() > 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"att") && b[b.len() - 4] == b' '
}

/// The clauses under a lead whose line ends in `att` ([`ends_in_att`]), a line each (or
/// wrapped over a few) in lower case, each ending in `,`, `;` or `.` (lines that open with
/// their own `att` are att-clauses, read before this is asked), as a list comes out whose
/// bullets the conversion lost: `Tekniska nämnden föreslår
/// kommunfullmäktige att` / `anta VA-taxa 2024 enligt bilaga,` / `taxan ska gälla från 1 mars
/// 2024.` → two clauses. A line that starts with `och`, `samt` or `eller` goes on with the
/// clause above. Empty unless there are two clauses or more and the block's last line ends
/// its sentence: a single clause is the next block's sentence.
///
/// Pattern: `LEAD att` / `clause,` / `clause.` (one block).
fn clauses_under_att(lines: &[&Line]) -> Vec<String> {
    const GOES_ON: [&str; 3] = ["och ", "samt ", "eller "];
    let block = lines.iter().skip_while(|l| l.is_blank()).take_while(|l| !l.is_blank());
    let mut clauses: Vec<String> = Vec::new();
    let mut ended = true;
    for line in block {
        let t = line.text.trim();
        let lower = t.starts_with(char::is_lowercase);
        if ended && lower && !GOES_ON.iter().any(|w| t.starts_with(w)) {
            clauses.push(t.to_string());
        } else if let Some(last) = clauses.last_mut().filter(|_| lower || !ended) {
            last.push(' ');
            last.push_str(t);
        } else {
            return Vec::new();
        }
        ended = t.ends_with([',', ';', '.']);
    }
    if clauses.len() < 2 || !ended {
        return Vec::new();
    }
    clauses.iter().map(|c| tidy(c)).collect()
}

/// Whether a sentence records a member's stance (abstention, reservation, jäv) rather than
/// deciding anything.
fn is_stance(sentence: &str) -> bool {
    let s = super::stances::stances(sentence);
    !(s.abstained.is_empty() && s.reserved.is_empty() && s.conflicts.is_empty())
}

/// Reads a decision from a run of lines.
///
/// `in_section` says the lines are a "Beslut" section: then a lead is optional and the decision
/// sentences stand for clauses where there is no lead. Outside one, only a line with a lead
/// sentence opens a decision.
#[must_use]
pub fn decision(lines: &[&Line], in_section: bool, default_kind: DecisionKind) -> Option<Decision> {
    first_decision(lines, in_section, default_kind).map(|(d, _)| d)
}

/// Reads a decision as [`decision`] does and, where the first lead is a body's proposal that
/// the body it goes to decides on further down, that body's decision, the proposal beside it.
///
/// Pattern: `BODY föreslår BODY2 besluta` / `att …` / … / `BODY2 beslutar …` (the decision's
/// lead opens its line, as `opens_body_decision` says). Example (a typed protocol of 1998):
/// `Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta` / `att fastställa taxa.`
/// / `Kommunstyrelsen beslutar` / `` / `enligt arbetsutskottets förslag.` gives the board's
/// decision `enligt arbetsutskottets förslag` and the working committee's proposal.
///
/// The proposer's own decision below its proposal (`Regionstyrelsen beslutar för egen del` /
/// `2. uppdra åt regiondirektören …`) adds its clauses to the proposal's: one decision of the
/// body, in two parts.
#[must_use]
pub fn decision_and_proposal(
    lines: &[&Line],
    in_section: bool,
    default_kind: DecisionKind,
) -> (Option<Decision>, Option<Decision>) {
    let Some((mut first, at)) = first_decision(lines, in_section, default_kind) else {
        return (None, None);
    };
    if first.kind != DecisionKind::Proposal || first.by.is_none() {
        return (Some(first), None);
    }
    let same = |a: &str, b: &str| super::text::lower_case(a) == super::text::lower_case(b);
    // The body the proposal goes to decides (`nämnden` names it no better than its name), and
    // not the proposer itself; a proposal that names no body to decide waits for none.
    let decides_on = |by: &str| {
        first.by.as_deref().is_none_or(|p| !same(p, by))
            && first.to.as_deref().is_some_and(|to| same(to, by) || bodies::is_generic(to))
    };
    for (k, line) in lines.iter().enumerate().skip(at + 1) {
        if !opens_body_decision(&line.text) {
            continue;
        }
        let Some(l) = lead(&line.text, false) else { continue };
        if l.kind == DecisionKind::Decision
            && l.by.as_deref().zip(first.by.as_deref()).is_some_and(|(a, b)| same(a, b))
            && for_its_own_part(&line.text)
            && let Some((own, _)) = first_decision(&lines[k..], in_section, DecisionKind::Decision)
        {
            first.clauses.extend(own.clauses);
            continue;
        }
        if l.kind != DecisionKind::Decision || !l.by.as_deref().is_some_and(decides_on) {
            continue;
        }
        if let Some((later, _)) = first_decision(&lines[k..], in_section, DecisionKind::Decision)
            && later.kind == DecisionKind::Decision
        {
            return (Some(later), Some(first));
        }
    }
    (Some(first), None)
}

/// Whether a body's lead says it decides for its own part (`för egen del`, `för sin del`):
/// a proposer's own decision beside the proposal it makes to another body.
///
/// Example: `Regionstyrelsen beslutar för egen del` under `Regionstyrelsen föreslår
/// regionfullmäktige att` / `1. anta …`.
fn for_its_own_part(line: &str) -> bool {
    let lower = super::text::lower_case(line);
    lower.contains(" för egen del") || lower.contains(" för sin del")
}

/// [`decision`] and the index of its lead's line (of its first line where there is no lead).
fn first_decision(
    lines: &[&Line],
    in_section: bool,
    default_kind: DecisionKind,
) -> Option<(Decision, usize)> {
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        if let Some(lead) = lead(&line.text, in_section) {
            // "beslutar följande:", "besluta att:" announce what follows and are no clause.
            let announces = lead.rest.trim().is_empty() || is_intro(lead.rest);
            let rest = points_after_intro(lead.rest).unwrap_or(lead.rest);
            let first = (!announces).then(|| att_clause(rest)).flatten().or_else(|| {
                let r = rest.trim();
                (!announces && !r.is_empty()).then_some(r)
            });
            let mut clauses = clauses_after(&lines[i + 1..], first);
            // A lead ending in `att` over a list whose bullets the conversion lost.
            if clauses.is_empty() && announces && ends_in_att(&line.text) {
                clauses = clauses_under_att(&lines[i + 1..]);
            }
            // No att-clauses or points below a lead that announces them: the decision
            // sentences of the next block ("Kommunstyrelsen beslutar:" / "Kommunstyrelsen
            // avger yttrande enligt bilaga."). Outside a "Beslut" section only where the lead
            // says so (`följande`, a colon), not after a lead that merely ends a prose line.
            // A typed protocol also leaves a blank line inside the lead's sentence, which goes
            // on in lower case (`Kommunstyrelsen beslutar` / `` / `enligt arbetsutskottets
            // förslag.`).
            if clauses.is_empty()
                && announces
                && (in_section
                    || !lead.rest.trim().is_empty()
                    || line.text.trim_end().ends_with(':')
                    || continued_below(&lines[i + 1..])
                    || points_lost_their_numbers(&line.text, lead.rest, &lines[i + 1..]))
            {
                clauses = next_block_sentences(&lines[i + 1..]);
            }
            if clauses.is_empty() && !in_section {
                continue;
            }
            return Some((Decision { kind: lead.kind, by: lead.by, to: lead.to, clauses }, i));
        }
        if !in_section {
            continue;
        }
        // The body alone over its points, each a verb of its own (`Regionfullmäktige` /
        // `• fastställer regionplan 2022–2024` / `• ger regionstyrelsen i uppdrag …`).
        if let Some((body, "")) = leading_body(line.text.trim().trim_end_matches(':')) {
            let clauses = clauses_after(&lines[i + 1..], None);
            if !clauses.is_empty() {
                let by = Some(bodies::canonical(&body));
                return Some((Decision { kind: default_kind, by, to: None, clauses }, i));
            }
        }
        // A "Beslut" section without a lead: att-clauses, points, or the sentences.
        let mut clauses = clauses_after(&lines[i..], None);
        if clauses.is_empty() {
            clauses = next_block_sentences(&lines[i..]);
        }
        return (!clauses.is_empty())
            .then_some((Decision { kind: default_kind, by: None, to: None, clauses }, i));
    }
    None
}

/// Whether a body's lead alone on its line (`Kommunstyrelsen beslutar`) stands right over
/// sentences that start with a capital, as a Word list's points come out without their
/// numbers: `Kommunstyrelsen beslutar` / `Motionen bifalls.` / `Förvaltningen får i uppdrag
/// …`. The lead is the whole line, nothing after its verb, and the next line, no blank
/// between, is a sentence of its own.
fn points_lost_their_numbers(line: &str, rest: &str, below: &[&Line]) -> bool {
    rest.trim().is_empty()
        && below.first().is_some_and(|l| {
            let t = l.text.trim();
            !l.is_blank()
                && t.starts_with(char::is_uppercase)
                && t.ends_with('.')
                && super::frame::label(t).is_err()
        })
        && opens_body_decision(line)
}

/// Whether the next block after a lead with nothing after its verb goes on with the lead's
/// sentence: it starts in lower case, after a blank line.
///
/// Example: `enligt arbetsutskottets förslag.` below `Kommunstyrelsen beslutar` and a blank line.
fn continued_below(lines: &[&Line]) -> bool {
    lines.first().is_some_and(|l| l.is_blank())
        && lines
            .iter()
            .find(|l| !l.is_blank())
            .is_some_and(|l| l.text.trim_start().starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `split_inline` as it read before keeping each separator's cut: every separator
    /// searched again after every cut.
    fn split_inline_searching_again(clause: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = clause;
        loop {
            let och_att = rest
                .find(" och att ")
                .filter(|&at| !rest[..at].contains(" att "))
                .map(|at| (at, at + " och att ".len()));
            let Some((end, next)) = [", att ", "; att ", " samt att "]
                .iter()
                .filter_map(|sep| cut_before_clause(rest, sep))
                .chain(och_att)
                .min()
            else {
                break;
            };
            out.push(&rest[..end]);
            rest = &rest[next..];
        }
        out.push(rest);
        out
    }

    #[test]
    fn split_inline_keeps_cuts() {
        let clauses = [
            "anta planen, att uppdra åt nämnden; att anmäla samt att verkställa",
            "fastställa taxa enligt bilaga, att gälla från den 1 maj, att uppdra; att gälla x; att y",
            "godkänna avtalet och att uppdra åt förvaltningen att verkställa, att x och att y",
            "ge förvaltningen i uppdrag att utreda och att återkomma samt att z, att gälla , att w",
            ", att ; att  samt att , att , att gälla ; att gälla  samt att gälla och att ",
            "a, att b; att c samt att d och att e, att f; att g samt att h och att i",
            "",
            "inget alls",
            "att  och att, att",
            "x och att",
            "x, att",
        ];
        for c in clauses {
            assert_eq!(split_inline(c), split_inline_searching_again(c), "{c}");
        }
    }

    #[test]
    fn points_run_on_in_a_flattened_clause() {
        assert_eq!(
            split_points(
                "1. Delårsrapporten per augusti 2017 godkänns. 2. Regionstyrelsen får i uppdrag att vidta åtgärder för en budget i balans. 3. Paragrafen justeras omedelbart."
            ),
            [
                "Delårsrapporten per augusti 2017 godkänns.",
                "Regionstyrelsen får i uppdrag att vidta åtgärder för en budget i balans.",
                "Paragrafen justeras omedelbart.",
            ]
        );
        // Only points numbered on from 1 cut: `enligt bilaga 2. 4. …` is no list.
        assert_eq!(split_points("anta taxan. 2. Uppdra"), ["anta taxan. 2. Uppdra"]);
        assert_eq!(split_points("1. Godkänna avtalet. 3. X"), ["Godkänna avtalet. 3. X"]);
        // A point that ends in a comma.
        assert_eq!(
            split_points("1. godkänna rapporten, 2. uppdra åt kommundirektören att återkomma."),
            ["godkänna rapporten,", "uppdra åt kommundirektören att återkomma."]
        );
        assert_eq!(split_points("1. anta bilaga 1 2. x"), ["anta bilaga 1 2. x"]);
        assert_eq!(
            split_points("1. att godkänna årsredovisningen 2. att lägga den till handlingarna"),
            ["att godkänna årsredovisningen", "att lägga den till handlingarna"]
        );
    }

    #[test]
    fn bullets_run_on_in_a_flattened_clause() {
        assert_eq!(
            split_bullets(
                "- Föreningen beviljas bidrag om 20 000 kronor. - Bidraget belastar kommunstyrelsens anslag."
            ),
            [
                "Föreningen beviljas bidrag om 20 000 kronor.",
                "Bidraget belastar kommunstyrelsens anslag."
            ]
        );
        assert_eq!(
            split_bullets(
                "anta detaljplanen, • att uppdra åt förvaltningen att verkställa beslutet."
            ),
            ["anta detaljplanen,", "uppdra åt förvaltningen att verkställa beslutet."]
        );
        assert_eq!(
            split_bullets("- avslå motionen - att uppdra åt nämnden"),
            ["avslå motionen", "uppdra åt nämnden"]
        );
        // A dash inside a point parts nothing.
        assert_eq!(
            split_bullets("- anta verksamhetsplan 2024 - 2026"),
            ["anta verksamhetsplan 2024 - 2026"]
        );
        assert_eq!(split_bullets("anta planen - med ändringar"), ["anta planen - med ändringar"]);
        assert_eq!(split_bullets("- Godkänna planen"), ["Godkänna planen"]);
    }

    use crate::normalize::test_lines as lines;

    /// The last-word look passes every subject a body's name ends.
    #[test]
    fn trailing_body_first_look() {
        let subjects = [
            "Kommunstyrelsen",
            "Hälso- och sjukvårdsutskottet",
            "Då inga extra ärenden föreligger",
            "Kommunstyrelsens arbetsutskott",
            "KOMMUNSTYRELSENS ARBETSUTSKOTT",
            "Kommunstyrelsens presidium",
            "Regionstyrelsens presidiet",
            "Tekniska nämnden",
            "Sociala nämndens",
            "Barn- och utbildningsnämnden ",
            "Kommunfullmäktige ,",
            "Kommunfullmäktige , ,",
            "Kommunstyrelsens\u{a0}arbetsutskott",
            "Kommunstyrelsens\tindividutskott",
            "Utskottet",
            "Nämnden",
            "Förvaltningen",
            "Ordföranden",
            "socialnämndens",
            "Kommunstyrelsens utskotts",
            "Kommunstyrelsens PRESIDİET",
            "Kommunstyrelsens arbetsutskott:",
            "Valnämnden (KF)",
            "Anna Andersson",
            "",
        ];
        for s in subjects {
            let t = s.trim().trim_end_matches(',');
            if trailing_body_in(t).is_some() {
                assert!(may_end_body_name(t), "{s}");
            }
            assert_eq!(trailing_body(s), trailing_body_in(t), "{s}");
        }
        assert!(trailing_body("Då inga ärenden finns kommunstyrelsens arbetsutskott").is_some());
    }

    #[track_caller]
    fn check(
        text: &str,
        in_section: bool,
        kind: DecisionKind,
        by: Option<&str>,
        to: Option<&str>,
        n: usize,
    ) {
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, in_section, DecisionKind::Decision).expect(text);
        assert_eq!(
            (d.kind, d.by.as_deref(), d.to.as_deref(), d.clauses.len()),
            (kind, by, to, n),
            "{:?}",
            d.clauses
        );
    }

    /// A flattened page runs a lead's points on in its line.
    #[test]
    fn points_run_on_after_the_lead() {
        let by = Some("Kommunstyrelsen");
        let d = DecisionKind::Decision;
        check(
            "Kommunstyrelsen beslutar att: - avslå motionen, - uppdra åt förvaltningen att redovisa frågan",
            false,
            d,
            by,
            None,
            2,
        );
        check(
            "Kommunstyrelsen beslutar att 1. godkänna rapporten, 2. uppdra åt kommundirektören att återkomma i ärendet.",
            false,
            d,
            by,
            None,
            2,
        );
        check(
            "Kommunstyrelsen beslutar • att anta detaljplanen, • att uppdra åt förvaltningen att verkställa beslutet.",
            false,
            d,
            by,
            None,
            2,
        );
        check(
            "Kommunstyrelsen beslutar följande: 1. Motionen bifalls. 2. Ärendet avslutas.",
            false,
            d,
            by,
            None,
            2,
        );
        check(
            "- Föreningen beviljas bidrag om 20 000 kronor. - Bidraget belastar kommunstyrelsens anslag.",
            true,
            d,
            None,
            None,
            2,
        );
        check(
            "1. Delårsrapporten godkänns. 2. Nämnderna uppmanas att vidta åtgärder. 3. Paragrafen justeras omedelbart.",
            true,
            d,
            None,
            None,
            3,
        );
        check(
            "Kommunstyrelsen beslutar\n1. att godkänna rapporten\n2. att uppdra åt nämnden",
            false,
            d,
            by,
            None,
            2,
        );
    }

    /// A Word list's points without their numbers under a lead alone on its line.
    #[test]
    fn points_without_their_numbers() {
        let by = Some("Kommunstyrelsen");
        let d = DecisionKind::Decision;
        check(
            "Kommunstyrelsen beslutar\nMotionen bifalls.\nFörvaltningen får i uppdrag att utreda frågan.",
            false,
            d,
            by,
            None,
            2,
        );
        let ls = lines("Kommunstyrelsen beslutar\nBeslutsunderlag\nTjänsteskrivelse.");
        let refs: Vec<&Line> = ls.iter().collect();
        assert!(decision(&refs, false, d).is_none());
    }

    #[test]
    fn a_stance_below_a_clause_is_none_of_it() {
        let ls = lines(
            "Arbetsutskottet beslutar\natt informationen noteras till protokollet.\nAnn-Sofie Åhlin (C) avstår från att delta i beslutet.",
        );
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect("decision");
        assert_eq!(d.clauses, ["informationen noteras till protokollet"]);
        // A clause whose sentence goes on is continued.
        let ls = lines("Nämnden beslutar\natt anta planen\nenligt bilaga.");
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect("decision");
        assert_eq!(d.clauses, ["anta planen enligt bilaga"]);
    }

    /// Bullets under an att-clause that ends in a colon are its points, not clauses of their
    /// own; a bullet with its own `att` is a clause.
    #[test]
    fn points_under_a_clause_are_the_clause() {
        let ls = lines(
            "Kommunstyrelsen beslutar\natt godkänna avtalet med följande ändringar:\n- punkt 3 stryks\n- punkt 4 ändras\natt uppdra åt kommundirektören att underteckna avtalet.",
        );
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect("decision");
        assert_eq!(
            d.clauses,
            [
                "godkänna avtalet med följande ändringar: - punkt 3 stryks - punkt 4 ändras",
                "uppdra åt kommundirektören att underteckna avtalet"
            ]
        );
        let ls = lines("Nämnden beslutar\natt anta följande:\n- att anta planen\n- att anta taxan");
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect("decision");
        assert_eq!(d.clauses, ["anta följande:", "anta planen", "anta taxan"]);
    }

    #[test]
    fn latin_1_search_is_the_lower_case_search() {
        let lines = [
            "Kommunstyrelsen BESLUTAR att Föreslår FÖRESLÅR",
            "xbeslutar beslutarx Beslutar: beslöt BESLÖT beslutade",
            "föreslåR ×beslutar ÅFÖRESLÅR föreslår",
            "",
            "b",
            "beslutarbeslutar beslutar",
        ];
        let caseless: String = ('\u{2000}'..='\u{20ff}').collect();
        assert_eq!(caseless.to_lowercase(), caseless);
        let dashes = "Nämnden – BESLUTAR ”att” … föreslår € 5";
        assert!(lowers_in_place(dashes.as_bytes()) && !lowers_in_place("Ω beslutar".as_bytes()));
        for line in lines.into_iter().chain([dashes]) {
            for verb in ["föreslår", "beslutar", "beslöt", "beslutade"] {
                let lower = super::super::text::lower_case(line);
                assert_eq!(find_word_latin_1(line, verb), find_word(&lower, verb), "{line} {verb}");
            }
        }
    }

    #[test]
    fn leads() {
        let l = lead(
            "Hälso- och sjukvårdsutskottet föreslår att Hälsa- och sjukvårdsnämnden beslutar",
            false,
        )
        .expect("lead");
        assert_eq!(
            (l.kind, l.by.as_deref(), l.to.as_deref(), l.rest),
            (
                DecisionKind::Proposal,
                Some("Hälso- och sjukvårdsutskottet"),
                Some("Hälsa- och sjukvårdsnämnden"),
                ""
            )
        );
        let l =
            lead("Då inga extra ärenden föreligger beslutar Hälso- och sjukvårdsutskottet", false)
                .expect("inverted");
        assert_eq!(l.by.as_deref(), Some("Hälso- och sjukvårdsutskottet"));
        let l = lead("Arbetsutskottet föreslår kommunstyrelsen att föreslå kommunfullmäktige att godkänna förslaget", false).expect("chain");
        assert_eq!(
            (l.by.as_deref(), l.to.as_deref()),
            (Some("Arbetsutskottet"), Some("kommunstyrelsen"))
        );
        assert!(lead("Den 22 november 2023 beslutades planen", false).is_none());
        assert!(lead("Nämnden BESLÖT att anta planen", false).is_none());
        assert_eq!(
            lead("Nämnden BESLÖT att anta planen", true).map(|l| l.rest),
            Some("att anta planen")
        );
        assert!(lead("Hälso- och sjukvårdsnämndens beslutade handlingsplan", false).is_none());
    }

    /// A clause begun on the lead's line goes on below it; the att-clauses after it are read.
    #[test]
    fn a_clause_wrapped_after_its_lead() {
        let text = "Kommunstyrelsen beslutar att anta taxan för\nbygglov enligt bilaga 1, samt\natt ge förvaltningen i uppdrag att\nfölja upp taxan.";
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect(text);
        assert_eq!(
            d.clauses,
            [
                "anta taxan för bygglov enligt bilaga 1",
                "ge förvaltningen i uppdrag att följa upp taxan"
            ]
        );
        // A sentence ended on the lead's line, or a line in capitals after it, goes on no more.
        for text in [
            "Kommunstyrelsen beslutar att anta taxan.\nbygglov enligt bilaga 1",
            "Kommunstyrelsen beslutar att anta taxan\nBeslutet skickas till ekonomikontoret",
        ] {
            let ls = lines(text);
            let refs: Vec<&Line> = ls.iter().collect();
            let d = decision(&refs, true, DecisionKind::Decision).expect(text);
            assert_eq!(d.clauses, ["anta taxan"], "{text}");
        }
        check(
            "Informationen noteras\ntill protokollet.",
            true,
            DecisionKind::Decision,
            None,
            None,
            1,
        );
    }

    /// A body alone on its line over its points: the body decides, each point is a clause.
    #[test]
    fn a_body_over_its_points() {
        let text = "Regionfullmäktige\n• fastställer regionplan 2022–2024 enligt bilaga,\n• ger regionstyrelsen i uppdrag att följa upp planen.";
        check(text, true, DecisionKind::Decision, Some("Regionfullmäktige"), None, 2);
        let text = "Kommunstyrelsen:\n1. godkänner rapporten\n2. lägger den till handlingarna";
        check(text, true, DecisionKind::Decision, Some("Kommunstyrelsen"), None, 2);
    }

    #[test]
    fn att_clauses() {
        check(
            "Hälso- och sjukvårdsutskottet föreslår att Hälsa- och sjukvårdsnämnden beslutar\n\natt anta A;\n\natt anta B;\n\natt godkänna C; samt\n\natt godkänna D.\n",
            true,
            DecisionKind::Proposal,
            Some("Hälso- och sjukvårdsutskottet"),
            Some("Hälsa- och sjukvårdsnämnden"),
            4,
        );
        check(
            "Hälso- och sjukvårdsutskottet beslutar\n\natt utse Pia Lundin (SJVP) att jämte ordföranden justera protokollet.",
            false,
            DecisionKind::Decision,
            Some("Hälso- och sjukvårdsutskottet"),
            None,
            1,
        );
        check(
            "Kommunfullmäktige beslutar:\n\natt utse A,\n\natt justeringen skall äga rum\nden 9 december.",
            true,
            DecisionKind::Decision,
            Some("Kommunfullmäktige"),
            None,
            2,
        );
        check(
            "Kommunstyrelsen beslutar att godkänna rapporten.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            1,
        );
        // Clauses run together on one line, as a flattened page gives them.
        check(
            "Kommunfullmäktige beslutar att anta planen, att ge nämnden i uppdrag att återkomma samt att lägga rapporten till handlingarna.",
            false,
            DecisionKind::Decision,
            Some("Kommunfullmäktige"),
            None,
            3,
        );
    }

    #[test]
    fn passive_proposals() {
        // A tjänsteskrivelse's or a committee's proposal: "X föreslås besluta".
        check(
            "Kommunfullmäktige föreslås besluta\natt avslå motionen.",
            true,
            DecisionKind::Proposal,
            None,
            Some("Kommunfullmäktige"),
            1,
        );
        check(
            "Socialnämnden föreslås besluta att godkänna rapporten, att skicka den till revisorerna.",
            false,
            DecisionKind::Proposal,
            None,
            Some("Socialnämnden"),
            2,
        );
        check(
            "Kommunstyrelsen föreslås besluta:\n1. Godkänna avtalet.\n2. Ge kommundirektören i uppdrag att teckna det.",
            true,
            DecisionKind::Proposal,
            None,
            Some("Kommunstyrelsen"),
            2,
        );
        assert!(lead("Frågan föreslås utredas vidare", false).is_none());
    }

    #[test]
    fn for_its_own_part() {
        // "för egen del" says whose decision it is, not what is decided.
        check(
            "Kommunstyrelsens arbetsutskott beslutar för egen del\natt avge yttrande i enlighet med stadskontorets förslag.",
            true,
            DecisionKind::Decision,
            Some("Kommunstyrelsens arbetsutskott"),
            None,
            1,
        );
        check(
            "Kommunstyrelsen beslutar för egen del att uppdra åt stadsdirektören att återkomma.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            1,
        );
        check(
            "Kommunstyrelsen beslutar för sin del:\natt godkänna avtalet,\natt teckna det.",
            true,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            2,
        );
    }

    /// A list under a lead that ends in `att` whose bullets the conversion lost.
    #[test]
    fn clauses_under_att_without_their_marks() {
        check(
            "Tekniska nämnden föreslår kommunfullmäktige att\n anta VA-taxa 2024 enligt bilaga,\n taxan ska gälla från 1 mars 2024.",
            true,
            DecisionKind::Proposal,
            Some("Tekniska nämnden"),
            Some("kommunfullmäktige"),
            2,
        );
        // Wrapped lines go on with their clause; `och` goes on with the clause above.
        check(
            "Nämnden beslutar att\nanta riktlinjerna för\nskolskjuts enligt bilaga,\nuppdra åt förvaltningen att följa upp,\noch återrapportera i december.",
            true,
            DecisionKind::Decision,
            Some("Nämnden"),
            None,
            2,
        );
        // One sentence is one clause, as before; a capital after a clause's end is no list.
        check(
            "Nämnden beslutar att\nanta riktlinjerna enligt bilaga.",
            true,
            DecisionKind::Decision,
            Some("Nämnden"),
            None,
            1,
        );
        assert!(clauses_under_att(&[]).is_empty());
    }

    #[test]
    fn intro_fragments_are_no_clauses() {
        // "följande", "att:", "att", "enligt följande:" announce the clauses below.
        check(
            "Kommunstyrelsen föreslår kommunfullmäktige besluta följande.\n1. Budget för 2024 fastställs i enlighet med bilaga 1.\n2. Skattesatsen för 2024 fastställs till 17,74 kr.",
            true,
            DecisionKind::Proposal,
            Some("Kommunstyrelsen"),
            Some("kommunfullmäktige"),
            2,
        );
        check(
            "Kommunstyrelsen föreslår kommunfullmäktige besluta att:\n1. Taxan fastställs.\n2. Taxan gäller från 1 januari.",
            true,
            DecisionKind::Proposal,
            Some("Kommunstyrelsen"),
            Some("kommunfullmäktige"),
            2,
        );
        check(
            "Kommunstyrelsen beslutar att\n1. godkänna rapporten,\n2. lägga den till handlingarna.",
            true,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            2,
        );
        check(
            "Kommunstyrelsen beslutar enligt följande:\n- Rapporten godkänns.\n- Rapporten läggs till handlingarna.",
            true,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            2,
        );
        // "att besluta:" after the body proposed to leaves no clause of its own.
        check(
            "Regionstyrelsens arbetsutskott föreslår regionstyrelsen att besluta:\n1. Godkänna ekonomisk uppföljning januari 2021.\n2. Uppdra åt regiondirektören att återkomma med en åtgärdsplan för\n   hälso- och sjukvården.",
            false,
            DecisionKind::Proposal,
            Some("Regionstyrelsens arbetsutskott"),
            Some("regionstyrelsen"),
            2,
        );
        check(
            "Socialnämnden beslutar att\n- anta riktlinjer för ekonomiskt bistånd att gälla från 2015-01-01,\n- upphäva tidigare riktlinjer antagna 2011-09-20, § 102.",
            true,
            DecisionKind::Decision,
            Some("Socialnämnden"),
            None,
            2,
        );
        assert!(is_intro(":") && is_intro(" :"));
        assert!(is_intro("följande.") && is_intro("att:") && is_intro("Enligt följande:"));
        assert!(!is_intro("att godkänna") && !is_intro("följande beslut fattas"));
    }

    #[test]
    fn a_decision_sentence_below_the_lead() {
        // No att-clauses: the sentence on the next line is the decision.
        check(
            "Kommunstyrelsen beslutar följande.\nRemissen besvaras med stadsledningskontorets tjänsteutlåtande.",
            true,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            1,
        );
        check(
            "Kommunstyrelsen beslutar:\nKommunstyrelsen avger yttrande enligt bilaga.",
            true,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            1,
        );
        check(
            "Kommunstyrelsen beslutar följande.\n\nRemissen besvaras med tjänsteutlåtandet.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            1,
        );
    }

    #[test]
    fn och_att_cuts_clauses() {
        check(
            "Kommunstyrelsen beslutar att godkänna avtalet och att uppdra åt förvaltningen att verkställa beslutet.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            2,
        );
        // An "och att" that continues an inner att is no cut.
        check(
            "Kommunstyrelsen beslutar att ge förvaltningen i uppdrag att utreda frågan och att återkomma till nämnden.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            1,
        );
    }

    #[test]
    fn att_clauses_in_columns() {
        // "att" in a column of its own: spaces or a tab before the clause.
        check(
            "Kommunstyrelsen föreslår kommunfullmäktige besluta\n\natt   anta detaljplan för Norra Hamnen, samt\n\natt   uppdra åt nämnden att genomföra planen.",
            true,
            DecisionKind::Proposal,
            Some("Kommunstyrelsen"),
            Some("kommunfullmäktige"),
            2,
        );
        check(
            "Kommunstyrelsen beslutar\natt\tanta planen,\natt\tuppdra åt nämnden att genomföra den.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            2,
        );
        assert_eq!(att_clause("att\tanta planen"), Some("anta planen"));
        assert_eq!(att_clause("- att   anta planen"), Some("anta planen"));
        assert_eq!(att_clause("attityder"), None);
        assert_eq!(att_clause("att"), None);
    }

    /// A typed clause wrapped before an inner "att" (Ockelbo-style minutes of the 1990s, the
    /// wrapped line indented): the line after a preposition goes on with the clause.
    #[test]
    fn att_wrapped_after_a_preposition() {
        check(
            "Kommunstyrelsen beslutar\n\natt fastställa budget för 1999,\n\natt uppdra åt nämnderna att senast 1998-10-01 redovisa åtgärder för\n   att klara budgetramen.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            2,
        );
        check(
            "Kommunstyrelsen beslutar\natt ge förvaltningen i uppdrag\natt utreda frågan, samt\natt anta planen.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            3,
        );
    }

    /// A lead and its clause on one line, the clause wrapped onto the next (Ciceron minutes
    /// as plain `pdftotext` gives them): the whole clause, and the stance after it is none.
    #[test]
    fn an_inline_clause_wrapped() {
        let ls = lines(
            "Socialnämnden beslutar att anta ändrade riktlinjer för försörjningsstöd enligt\nbilaga.\nRasmus Olofsson (SD) reserverar sig mot beslutet.",
        );
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect("a decision");
        assert_eq!(d.clauses, ["anta ändrade riktlinjer för försörjningsstöd enligt bilaga"]);
        let ls = lines(
            "Kommunstyrelsen beslutar att godkänna avtalet med Region Gävleborg, samt att uppdra åt\nkommundirektören att underteckna det.",
        );
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect("a decision");
        assert_eq!(
            d.clauses,
            [
                "godkänna avtalet med Region Gävleborg",
                "uppdra åt kommundirektören att underteckna det"
            ]
        );
    }

    /// A place name cut at the lead's line end, as a rejoined hyphenation leaves it (`Väst-` /
    /// `ra Götalands län …` → `Västra` / `Götalands län …`): the clause goes on to its end.
    #[test]
    fn a_name_cut_at_the_lead_line_end() {
        let text = "Miljönämnden beslutar att avge yttrande till Länsstyrelsen i Västra\nGötalands län i enlighet med miljöförvaltningens förslag.";
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect(text);
        assert_eq!(
            d.clauses,
            [
                "avge yttrande till Länsstyrelsen i Västra Götalands län i enlighet med miljöförvaltningens förslag"
            ]
        );
        // A name of several words after the preposition.
        let text =
            "Kommunstyrelsen beslutar att godkänna avtalet med Region Västra\nGötalands län.";
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        let d = decision(&refs, true, DecisionKind::Decision).expect(text);
        assert_eq!(d.clauses, ["godkänna avtalet med Region Västra Götalands län"]);
        // A label, a heading in capitals or a page of flattened text after a name goes on no
        // more.
        for text in [
            "Miljönämnden beslutar att avge yttrande till Länsstyrelsen i Jämtland\nBeslutsunderlag",
            "Miljönämnden beslutar att avge yttrande till Länsstyrelsen i Jämtland\nNÄRVARANDE.",
            "Miljönämnden beslutar att avge yttrande till Länsstyrelsen i Jämtland\n7 Miljönämnden Sammanträdesprotokoll Sida 7 (16) § 46 Taxa.",
            "Miljönämnden beslutar att avge yttrande till Länsstyrelsen i Jämtland\nUnderskrift... Ärendet behandlades av nämnden den 19 mars.",
        ] {
            let ls = lines(text);
            let refs: Vec<&Line> = ls.iter().collect();
            let d = decision(&refs, true, DecisionKind::Decision).expect(text);
            assert_eq!(d.clauses, ["avge yttrande till Länsstyrelsen i Jämtland"], "{text}");
        }
    }

    #[test]
    fn decisions_after_the_debate() {
        let tail = |text: &str| {
            let ls = lines(text);
            let refs: Vec<&Line> = ls.iter().collect();
            decision_after_debate(&refs).iter().map(|l| l.text.clone()).collect::<Vec<_>>()
        };
        assert_eq!(
            tail("Lennart Berg (V) yrkar avslag.\n\nSocialnämnden beslutar att fastställa taxa."),
            ["Socialnämnden beslutar att fastställa taxa."]
        );
        assert_eq!(
            tail(
                "Omröstning begärs.\nTekniska nämnden föreslår kommunfullmäktige besluta\n\natt fastställa taxa."
            ),
            ["Tekniska nämnden föreslår kommunfullmäktige besluta", "", "att fastställa taxa."]
        );
        // A lead inside a motion or a vote's sentence is none.
        assert!(tail("Lennart Berg (V) yrkar att\nSocialnämnden beslutar att avslå.").is_empty());
        assert!(tail("Ordföranden finner att\nsocialnämnden beslutar att avslå.").is_empty());
        assert!(tail("Med 5 ja-röster mot 2 beslutar nämnden enligt förslaget.").is_empty());
    }

    #[test]
    fn points_numbered_by_word() {
        check(
            "Nämnden beslutar\n1.\tFördela bidrag.\n2.\tAvsätta 50 000 kr.",
            true,
            DecisionKind::Decision,
            Some("Nämnden"),
            None,
            2,
        );
    }

    #[test]
    fn a_clause_that_says_from_when() {
        check(
            "Kommunstyrelsen beslutar att fastställa taxa enligt bilaga, att gälla från den 1 maj 2005.",
            false,
            DecisionKind::Decision,
            Some("Kommunstyrelsen"),
            None,
            1,
        );
    }

    #[test]
    fn sentences_without_clauses() {
        check(
            "Upprättad rapport om uppföljning godkänns och ska beaktas i planeringen inför 2025.",
            true,
            DecisionKind::Decision,
            None,
            None,
            1,
        );
        // A stance run on after the decision's sentence, as a flattened page gives it.
        check(
            "Informationen noteras. Peter Nyberg (SD) deltar inte i beslutet.",
            true,
            DecisionKind::Decision,
            None,
            None,
            1,
        );
        check(
            "Nämnden beslutar:\n1. Godkänna rapporten.\n2. Lägga den till handlingarna.",
            true,
            DecisionKind::Decision,
            Some("Nämnden"),
            None,
            2,
        );
    }

    fn both(text: &str) -> (Option<Decision>, Option<Decision>) {
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        decision_and_proposal(&refs, false, DecisionKind::Decision)
    }

    /// A typed protocol of 1998: the working committee's proposal, then, in the same block,
    /// the board's decision, its sentence going on after a blank line.
    #[test]
    fn the_board_decides_on_the_committees_proposal() {
        let text = "Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta\n\
                    att fastställa taxa för bygglov enligt bilaga,\n\
                    att taxan skall gälla från den 1 april 1998.\n\
                    Kommunstyrelsen beslutar\n\nenligt arbetsutskottets förslag.\n";
        let (d, p) = both(text);
        let d = d.expect("a decision");
        assert_eq!(
            (d.kind, d.by.as_deref(), d.clauses.as_slice()),
            (
                DecisionKind::Decision,
                Some("Kommunstyrelsen"),
                ["enligt arbetsutskottets förslag".to_string()].as_slice()
            )
        );
        let p = p.expect("the proposal");
        assert_eq!(
            (p.kind, p.by.as_deref(), p.to.as_deref(), p.clauses.len()),
            (
                DecisionKind::Proposal,
                Some("Kommunstyrelsens arbetsutskott"),
                Some("kommunstyrelsen"),
                2
            )
        );
        // The decision on a line of its own, after a blank line, reads the same.
        let text = "Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta\n\
                    att bevilja anslag om 20 000 kr.\n\n\
                    Kommunstyrelsen beslutar enligt arbetsutskottets förslag.\n";
        let (d, p) = both(text);
        assert_eq!(d.and_then(|d| d.by), Some("Kommunstyrelsen".to_string()));
        assert_eq!(p.map(|p| p.clauses.len()), Some(1));
        // The proposer's own decision further down is no decision on its proposal.
        let text = "Arbetsutskottet föreslår kommunstyrelsen besluta\natt anta planen.\n\n\
                    Arbetsutskottet beslutar vidare att återkomma i frågan.\n";
        let (d, p) = both(text);
        assert_eq!(d.map(|d| d.kind), Some(DecisionKind::Proposal));
        assert!(p.is_none());
    }

    /// Region Halland: a proposal to the council, then the board's decision for its own
    /// part, numbered on: one decision of both parts' points.
    #[test]
    fn the_proposers_own_part_below_its_proposal() {
        let text = "Regionstyrelsen föreslår regionfullmäktige att
                    1. anta Regional handlingsplan för suicidprevention 2024–2027.

                    Regionstyrelsen beslutar för egen del
                    2. uppdra åt regiondirektören att återrapportera arbetet årligen.
";
        let (d, p) = both(text);
        let d = d.expect("a decision");
        assert_eq!((d.kind, d.clauses.len()), (DecisionKind::Proposal, 2));
        assert!(p.is_none());
    }

    /// A lead that stops before its sentence does, and the sentence below in lower case.
    #[test]
    fn a_lead_continued_after_a_blank_line() {
        assert!(continued_below(
            &lines("\nenligt arbetsutskottets förslag.").iter().collect::<Vec<_>>()
        ));
        assert!(!continued_below(&lines("\nYrkanden").iter().collect::<Vec<_>>()));
        assert!(!continued_below(&lines("enligt förslaget.").iter().collect::<Vec<_>>()));
    }
}
