//! Prose from lines: hard-wrapped lines joined into paragraphs, and paragraphs into sentences.

use crate::normalize::Line;
use crate::parse::lexical::is_alpha;

/// Whether a line starts a list item or clause and so never continues the line before:
/// `- …`, `• …`, `1. …`, `a) …`, `att …`.
fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with("- ") || t.starts_with("• ") || t.starts_with("– ") || t.starts_with("att ")
    {
        return true;
    }
    if lettered_item(t) {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// Whether a line (trimmed) is an item of a lettered list: it starts in lower case, yet goes
/// on neither a title nor the line before.
///
/// Pattern: `LETTER) …`. Example: `Anmälningsärenden` / `a) Länsstyrelsens beslut om
/// tillstånd, dnr 2024/55` / `b) Protokoll från kommunala pensionärsrådet`.
pub(crate) fn lettered_item(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() > 3 && b[0].is_ascii_lowercase() && b[1] == b')' && b[2] == b' '
}

/// Whether a short line stands alone as a heading: `Sammanfattning`, `Ekonomiska ramar 2024–2026`.
fn is_heading_like(text: &str) -> bool {
    // The cheap tests first; the words are counted only up to the seventh, before the tab is
    // looked for in the whole line (a long line has seven words soon).
    text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with(['.', ',', ';', '-'])
        && fewer_than_seven_words(text)
        && !text.contains('\t')
        && !ends_open(text)
}

/// Whether a line ends in a word that joins it to the next (`Anna Berg (V) och Nils` /
/// `Holm (SD) reserverar sig`): no heading ends so, so the line wraps into the next.
fn ends_open(text: &str) -> bool {
    // Conjunctions only: a label ends in a preposition (`Beslutet skickas till`).
    const JOINING: &[&str] = &["och", "samt", "eller"];
    let last = text.rsplit(' ').next().unwrap_or("");
    JOINING.contains(&last)
}

/// Whether `text` goes on with the name that ends `prev`, broken over two lines as PDF
/// conversion breaks a narrow column: `prev` ends in a name's word and `text` starts with a
/// party in parentheses or with one name word and a party (a person's name has two words, so
/// no line starts with one word and a party of its own).
///
/// Example: `Olle Wiklund (V) och Birgitta` / `Nilsson (V) avstår från att delta i beslutet.`
fn continues_name(prev: &str, text: &str) -> bool {
    use super::persons::{name_word, party};
    // A first look: the next line starts with a capital or a parenthesis.
    if !text.starts_with(|c: char| c == '(' || c.is_uppercase()) {
        return false;
    }
    let last = prev.rsplit(' ').next().unwrap_or("");
    if !matches!(name_word(last), Ok(("", _))) {
        return false;
    }
    let rest = match name_word(text) {
        Ok((rest, _)) => rest.trim_start_matches(' '),
        Err(_) => text,
    };
    party(rest).is_ok()
}

/// `text.split_whitespace().nth(6).is_none()`, read byte by byte: a char is white space only
/// if it is one of the six ASCII ones or starts with the lead byte C2 (U+0085, U+00A0), E1
/// (U+1680), E2 (U+2000–U+205F) or E3 (U+3000); only those chars are decoded.
fn fewer_than_seven_words(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut words, mut in_word, mut k) = (0, false, 0);
    while k < b.len() {
        let (space, len) = match b[k] {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => (true, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = text[k..].chars().next().unwrap_or('x');
                (c.is_whitespace(), c.len_utf8())
            }
            _ => (false, 1),
        };
        if !space && !in_word {
            words += 1;
            if words == 7 {
                return false;
            }
        }
        in_word = !space;
        k += len;
    }
    true
}

/// Joins lines into prose: wrapped lines become one paragraph, a blank line, a list item or a
/// heading-like line starts a new one (`\n` between paragraphs). Column tabs become spaces.
#[must_use]
pub fn prose(lines: &[&Line]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    let mut prev: Option<&str> = None;
    for line in lines {
        if line.is_blank() {
            if prev.is_some() {
                out.push('\n');
            }
            prev = None;
            continue;
        }
        // Most lines hold no tab: those are not copied.
        let text = if line.text.contains('\t') {
            std::borrow::Cow::Owned(line.text.replace('\t', " "))
        } else {
            std::borrow::Cow::Borrowed(line.text.as_str())
        };
        match prev {
            None => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            Some(p) => {
                // A line in lower case goes on with the one before, which was no heading
                // however short (`Informationen noteras` / `till protokollet.`).
                let new_block = starts_item(&text)
                    || (is_heading_like(p)
                        && !text.starts_with(char::is_lowercase)
                        && !continues_name(p, &text))
                    || p.ends_with(':')
                    || (is_heading_like(&text) && p.ends_with(['.', '!', '?']));
                out.push(if new_block { '\n' } else { ' ' });
            }
        }
        out.push_str(&text);
        prev = Some(&line.text);
    }
    out.truncate(out.trim_end().len());
    out
}

/// `s` in lower case, the same as [`str::to_lowercase`]: byte by byte where every char of `s`
/// is below U+0100 (a line of Swedish prose), else through `to_lowercase`.
///
/// Below U+0100 the upper-case letters are `A`–`Z` and U+00C0–U+00DE but `×` (U+00D7), each
/// lower-cased to the char 0x20 above it: one byte `+ 0x20`, the ASCII byte or, after the lead
/// byte 0xC3, the second byte 0x80–0x9E of the two. No other char there changes.
pub(crate) fn lower_case(s: &str) -> String {
    let b = s.as_bytes();
    // Every lead byte is ASCII, 0xC2 or 0xC3: every char is below U+0100.
    if !b.iter().all(|&c| c < 0xC0 || c == 0xC2 || c == 0xC3) {
        return s.to_lowercase();
    }
    // Each byte from itself and the byte before it, branch-free so that the loop vectorises.
    let mut out = Vec::with_capacity(b.len());
    out.push(b.first().map_or(0, |&c| super::lexical::latin_1_lower_byte(0, c)));
    out.extend(b.windows(2).map(|w| super::lexical::latin_1_lower_byte(w[0], w[1])));
    out.truncate(b.len());
    // A changed byte stays ASCII or a continuation byte: still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| s.to_lowercase())
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "t.ex", "bl.a", "m.m", "m.fl", "s.k", "kl", "ca", "nr", "tf", "jfr", "resp", "ang", "enl",
    "st", "kap", "prop", "dnr", "d.v.s", "dvs", "fr.o.m", "t.o.m", "p.g.a", "pga", "o.s.v", "osv",
    "f.d", "ev", "inkl", "exkl", "tel", "s", "sid", "ordf", "bitr", "sekr",
];

/// Whether the `.`, `!` or `?` at byte `at` of `para` ends a sentence: a space and a capital,
/// digit or quote follow, and a full stop does not close an abbreviation (`t.ex.`, `kl.`) or an
/// initial.
#[must_use]
pub fn ends_sentence(para: &str, at: usize) -> bool {
    let b = para.as_bytes();
    if b.get(at + 1) != Some(&b' ') {
        return false;
    }
    let next_cap = para[at + 2..]
        .chars()
        .next()
        .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '"' || n == '”');
    if !next_cap {
        return false;
    }
    if b[at] != b'.' {
        return true;
    }
    let word_start = super::lexical::after_last(&para[..at], |ch| ch.is_whitespace() || ch == '(');
    let word = para[word_start..at].to_lowercase();
    !(ABBREVIATIONS.contains(&word.as_str())
        || (word.chars().count() == 1 && word.chars().all(is_alpha)))
}

/// The byte range of the sentence of `text` that holds byte `pos`, as [`sentences`] would cut
/// it (trimmed).
#[must_use]
pub fn sentence_around(text: &str, pos: usize) -> (usize, usize) {
    let para_start = text[..pos].rfind('\n').map_or(0, |p| p + 1);
    let para_end = text[pos..].find('\n').map_or(text.len(), |p| pos + p);
    let para = &text[para_start..para_end];
    let rel = pos - para_start;
    // The marks are ASCII, so they are found as bytes, the same places `match_indices` and
    // `rmatch_indices` of the three chars find without decoding the chars between.
    let b = para.as_bytes();
    let is_mark = |c: &u8| matches!(c, b'.' | b'!' | b'?');
    let mut before = rel;
    let start = loop {
        match b[..before].iter().rposition(is_mark) {
            Some(at) if ends_sentence(para, at) => break at + 1,
            Some(at) => before = at,
            None => break 0,
        }
    };
    let mut after = rel;
    let end = loop {
        match b[after..].iter().position(is_mark).map(|p| after + p) {
            Some(at) if ends_sentence(para, at) => break at + 1,
            Some(at) => after = at + 1,
            None => break para.len(),
        }
    };
    let s = &para[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (para_start + start + lead, para_start + end - trail)
}

/// Whether a sentence ends inside `text` ([`ends_sentence`] at one of its `.`, `!`, `?`): a
/// line that holds one holds more than a piece of one sentence (`… justera. Ärendet …`).
#[must_use]
pub fn holds_sentence_end(text: &str) -> bool {
    text.match_indices(['.', '!', '?']).any(|(at, _)| ends_sentence(text, at))
}

/// Splits prose into sentences at `.`, `!`, `?` followed by a space and a capital or digit,
/// and at paragraph breaks; abbreviations (`t.ex.`, `kl.`, `m.m.`) do not end one.
#[must_use]
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut start = 0;
        for (at, _) in para.match_indices(['.', '!', '?']) {
            if !ends_sentence(para, at) {
                continue;
            }
            let s = para[start..=at].trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
            start = at + 1;
        }
        let s = para[start..].trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::test_lines as lines;

    #[test]
    fn lower_case_is_to_lowercase() {
        for s in [
            "Hälso- OCH SJUKVÅRDSNÄMNDEN beslutar",
            "ÅÄÖÉÜ×ÞßÿÀ åäö ½ µ",
            "KOMMUNSTYRELSEN FÖRESLÅR",
            "İstanbul ΣΑΣ Ⱥ ẞ K Å",
            "",
        ] {
            assert_eq!(lower_case(s), s.to_lowercase(), "{s}");
        }
        let all: String = (0..0x100u32).filter_map(char::from_u32).collect();
        assert_eq!(lower_case(&all), all.to_lowercase());
    }

    #[test]
    fn joins_wrapped_lines() {
        let ls = lines(
            "Sammanfattning\nDen 15 december 2022 beslutade nämnden om sin verksamhetsplan för\n2023. Enligt planen\n\n- punkt ett\n- punkt två",
        );
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(
            prose(&refs),
            "Sammanfattning\nDen 15 december 2022 beslutade nämnden om sin verksamhetsplan för 2023. Enligt planen\n- punkt ett\n- punkt två"
        );
        // A short line that ends in "och" wraps into the next, which is no new paragraph.
        let ls = lines("Anna Berg (V) och\nNils Holm (SD) reserverar sig.");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(prose(&refs), "Anna Berg (V) och Nils Holm (SD) reserverar sig.");
        // A short line is no heading when the next goes on in lower case (Norrtälje's
        // `Justeringens` / `plats och tid …`; a decision sentence wrapped early).
        let ls = lines("Informationen noteras\ntill protokollet.\nSammanfattning\nText.");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(prose(&refs), "Informationen noteras till protokollet.\nSammanfattning\nText.");
        // A short line broken inside a name wraps into the next: a line starts with no
        // name's last word and party, nor with a party alone.
        let ls =
            lines("Olle Wiklund (V) och Birgitta\nNilsson (V) avstår från att delta i beslutet.");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(
            prose(&refs),
            "Olle Wiklund (V) och Birgitta Nilsson (V) avstår från att delta i beslutet."
        );
        let ls = lines("Reservation Jonas Backlund\n(S) reserverar sig mot beslutet.");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(prose(&refs), "Reservation Jonas Backlund (S) reserverar sig mot beslutet.");
        // A heading stays a heading over a line that starts with a name.
        let ls = lines("Val av ersättare\nAnna Ek (S) väljs.");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(prose(&refs), "Val av ersättare\nAnna Ek (S) väljs.");
        // The items of a lettered list start in lower case, and each is a line of its own.
        let ls = lines("a) Länsstyrelsens beslut om tillstånd\nb) Protokoll från rådet");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(prose(&refs), "a) Länsstyrelsens beslut om tillstånd\nb) Protokoll från rådet");
    }

    #[test]
    fn sentence_around_finds_the_marks_as_bytes() {
        let text = "Mötet började kl. 9. Ordföranden hälsade t.ex. alla välkomna! Se § 3? Ja. Nej\nÅr 2024. Slut";
        for pos in (0..text.len()).filter(|&k| text.is_char_boundary(k)) {
            let para_start = text[..pos].rfind('\n').map_or(0, |p| p + 1);
            let para_end = text[pos..].find('\n').map_or(text.len(), |p| pos + p);
            let para = &text[para_start..para_end];
            let rel = pos - para_start;
            let start = para[..rel]
                .rmatch_indices(['.', '!', '?'])
                .find(|&(at, _)| ends_sentence(para, at))
                .map_or(0, |(at, _)| at + 1);
            let end = para[rel..]
                .match_indices(['.', '!', '?'])
                .map(|(at, _)| rel + at)
                .find(|&at| ends_sentence(para, at))
                .map_or(para.len(), |at| at + 1);
            let s = &para[start..end];
            let (lead, trail) = (s.len() - s.trim_start().len(), s.len() - s.trim_end().len());
            let want = (para_start + start + lead, para_start + end - trail);
            assert_eq!(sentence_around(text, pos), want, "{pos}");
        }
    }

    #[test]
    fn words_counted_as_split_whitespace() {
        let spaces =
            [" ", "\t", "\u{b}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}", "\u{3000}", "  "];
        let words = ["a", "Å", "–", "\u{2011}", "x\u{200b}y", "ab"];
        for n in 0..10 {
            for (i, sp) in spaces.iter().enumerate() {
                let w = words[(n + i) % words.len()];
                let text: String = (0..n).map(|k| if k % 2 == 0 { w } else { sp }).collect();
                for t in [text.clone(), format!("{sp}{text}{sp}")] {
                    assert_eq!(fewer_than_seven_words(&t), t.split_whitespace().nth(6).is_none());
                }
            }
        }
        let all: String = (0..0x3100u32).filter_map(char::from_u32).collect();
        assert_eq!(fewer_than_seven_words(&all), all.split_whitespace().nth(6).is_none());
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let t = format!("a{c}b{c}c{c}d{c}e{c}f{c}g");
            assert_eq!(fewer_than_seven_words(&t), t.split_whitespace().nth(6).is_none(), "{c:?}");
        }
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(
            sentences("Mötet började kl. 9. Ordföranden hälsade t.ex. alla välkomna. Se § 3."),
            ["Mötet började kl. 9.", "Ordföranden hälsade t.ex. alla välkomna.", "Se § 3."]
        );
    }
}
