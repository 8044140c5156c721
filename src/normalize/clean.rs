//! Character-level cleaning of one line: Unicode form, odd spaces, soft hyphens, ligatures,
//! markdown.
//!
//! Works on single lines only; joining lines (emphasis spans, hyphenation) is `mod.rs`'s job.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::scan::{HIGHS, ONES, bytes_equal, bytes_in_range, bytes_marked};

/// Cleans one source line.
///
/// - NFC, so `a` + combining ring becomes `å`;
/// - NBSP and other fixed-width spaces become a space; soft hyphens and zero-width characters
///   vanish; Unicode hyphens become `-`;
/// - markdown emphasis (`**`, `*`, `__`), heading marks (`## `) and escapes (`\-`) go;
///   a `* ` bullet becomes `- `;
/// - a tab, or three or more spaces (a column gap in `pdftotext -layout` output), becomes
///   one tab; other runs of spaces become one space; the ends are trimmed.
#[must_use]
pub fn clean_line(raw: &str) -> String {
    let trimmed = raw.trim_matches(' ');
    if trimmed.starts_with('|') {
        return table_row(trimmed);
    }
    let plain = plain_prefix(trimmed);
    if plain == trimmed.len() {
        // A plain line holds no combining mark either: it is in NFC already.
        return trimmed.to_string();
    }
    // A CRLF line, plain up to its CR: the CR becomes a space and goes with the trailing
    // spaces before it; nothing else changes (the rest is plain: no markup, tabs, runs of
    // spaces, characters to map or combining marks), so that is the whole result.
    if plain + 1 == trimmed.len() && trimmed.ends_with('\r') {
        return trimmed[..plain].trim_end_matches(' ').to_string();
    }
    // The bytes before the first one `plain_prefix` stopped at (after the leading spaces) hold
    // no combining mark and nothing `map_chars` changes: those passes start after them.
    let from = raw.len() - raw.trim_start_matches(' ').len() + plain;
    // Without a combining mark NFC changes nothing, neither now nor after a round below (which
    // only drops characters and turns spaces into tabs): it need not be looked for again. The
    // marks are looked for in the pass that maps the characters, which gives up at one.
    let (combining, mut s) = match map_chars_in(raw, from, true) {
        Some(mapped) => (false, mapped),
        None => (true, Cow::Owned(map_chars(&nfc(raw), 0).into_owned())),
    };
    // Without a combining mark NFC leaves the plain start as it is, and the first round's
    // output starts with it too (see `strip_and_collapse`); with one, a mark may compose with
    // the character before it, and nothing is assumed.
    let mut known = if combining { 0 } else { plain };
    // Stripping can uncover more markup ("*#" → "#"); a few rounds reach the fixed point.
    for _ in 0..4 {
        let (stripped, kept) = strip_and_collapse(&s, known);
        let next = if combining { nfc(&stripped).into_owned() } else { stripped };
        let done = next == *s || !has_markup(&next.as_bytes()[kept..]);
        s = Cow::Owned(next);
        if done {
            break;
        }
        known = 0;
    }
    // A pipe between spaces parts columns, as a converter writes a row of a header table.
    // (A plain line holds no pipe: `plain_prefix` stops at one.)
    let mut s = if s.contains(" | ") { s.replace(" | ", "\t") } else { s.into_owned() };
    // pandoc ends a hard line break with a backslash (`Socialdepartementet\`).
    if s.ends_with('\\') && !s.ends_with("\\\\") {
        s.pop();
        s.truncate(s.trim_end().len());
    }
    // Markup around a table row (`*| a | b |`): the row, as it would be read without it.
    if s.starts_with('|') {
        return table_row(&s);
    }
    s
}

/// Whether a source line is a markdown table's delimiter row, which parts the header row from
/// the body: `|---|:--:|`, `| --- | --- |`. It is no line of the text: the normaliser drops
/// it, so that it leaves no blank line between a table's header and its rows (a blank line
/// ends an attendance table's columns).
#[must_use]
pub fn is_delimiter_row(raw: &str) -> bool {
    let t = raw.trim_matches(|c| c == ' ' || c == '\t' || c == '\r');
    t.starts_with('|') && t.contains('-') && only_delimiter_bytes(t)
}

/// Whether a table row holds nothing but a delimiter row's bytes: dashes, colons, pipes and
/// white space.
fn only_delimiter_bytes(row: &str) -> bool {
    row.bytes().all(|b| b"-:| \t".contains(&b))
}

/// A markdown table row, as PDF-to-markdown converters print attendance and header tables:
/// `| Anna Berg | S | Ordförande |` becomes the columns `Anna Berg⇥S⇥Ordförande` that
/// `pdftotext` gives, each cell cleaned; a delimiter row (`|---|:--:|`) becomes an empty
/// line, and empty cells at the ends go.
fn table_row(line: &str) -> String {
    let inner = &line[1..];
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    if only_delimiter_bytes(inner) {
        return String::new();
    }
    let mut out = String::with_capacity(line.len());
    for (k, cell) in inner.split('|').enumerate() {
        if k > 0 {
            out.push('\t');
        }
        // A cell holds no pipe: cleaning it cannot come back here.
        out.push_str(&clean_line(cell));
    }
    // Empty cells at the ends go, as a line's ends are trimmed (cleaning twice changes nothing).
    out.trim_matches('\t').to_string()
}

/// Drops soft hyphens and zero-width characters, turns fixed-width spaces, CR and form feeds
/// into a space, Unicode hyphens into `-`, bullet characters into `•` and ligatures into their
/// letters.
///
/// Works on the UTF-8 bytes: every character it changes is a CR, a form feed, or starts with
/// the lead byte C2, E2 or EF, so the text between them is copied in spans, undecoded. The
/// caller knows the first `from` bytes to hold none of them (`from` is a character boundary).
fn map_chars(text: &str, from: usize) -> Cow<'_, str> {
    map_chars_in(text, from, false).unwrap_or(Cow::Borrowed(text))
}

/// [`map_chars`], or where `marks_stop`, `None` if the text from `from` on holds a combining
/// mark's lead ([`is_mark_start`]): what [`may_combine`] says of those bytes, read in the same
/// pass. (Its lead bytes are never continuation bytes, which the pass skips.)
fn map_chars_in(text: &str, from: usize, marks_stop: bool) -> Option<Cow<'_, str>> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    // Eight bytes at a time to the next byte that may start a changed character, or a mark
    // ([`mark_lead_bytes`] but E2 and EF, which are map leads already).
    let leads = |x| {
        map_lead_bytes(x)
            | if marks_stop { bytes_equal(x | ONES, 0xCD) | bytes_equal(x, 0xE1) } else { 0 }
    };
    let mut k = from;
    while let Some(at) = bytes_marked(bytes, k, leads).next() {
        k = at;
        if marks_stop && is_mark_start(bytes, k) {
            return None;
        }
        // `k` is at a character's start: C2, E2 and EF are lead bytes, never continuations.
        let ch = text[k..].chars().next().unwrap_or(' ');
        let len = ch.len_utf8();
        let replacement = match ch {
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{2060}' => Some(""),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{2002}' | '\u{2003}' | '\r'
            | '\u{c}' => Some(" "),
            '\u{2010}' | '\u{2011}' => Some("-"),
            '\u{f0b7}' | '\u{2022}' | '\u{25cf}' | '\u{25aa}' | '\u{2023}' => Some("•"),
            // Typographic ligatures a PDF's text keeps (`ﬁnansiering`, `oﬀentlig`).
            '\u{fb00}'..='\u{fb06}' => Some(ligature_letters(ch)),
            _ => None,
        };
        if let Some(with) = replacement {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..k]);
            o.push_str(with);
            copied = k + len;
        }
        k += len;
    }
    Some(match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    })
}

/// The letters of a Latin ligature U+FB00–U+FB06: `ﬀ` → `ff`, `ﬁ` → `fi`, `ﬂ` → `fl`, `ﬃ`
/// → `ffi`, `ﬄ` → `ffl`, `ﬅ` and `ﬆ` → `st`.
fn ligature_letters(c: char) -> &'static str {
    match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        _ => "st",
    }
}

/// The bytes of `x` (eight bytes, little-endian) that [`map_chars`] decodes at, as their high
/// bits: CR and form feed (0x0D, 0x0C: 0x0D with the low bit set), and the lead bytes C2 and
/// E2 (E2 with bit 0x20 set) and EF. Exact per byte; a zero byte is none of them.
fn map_lead_bytes(x: u64) -> u64 {
    bytes_equal(x | ONES, 0x0D) | bytes_equal(x | (ONES * 0x20), 0xE2) | bytes_equal(x, 0xEF)
}

/// Whether markup may be left for another round: `*`, `#`, `_`, `\\` or `•`.
///
/// Eight bytes at a time to the next ASCII mark or lead byte E2.
fn has_markup(b: &[u8]) -> bool {
    let marks = |x| {
        bytes_equal(x, b'*')
            | bytes_equal(x, b'#')
            | bytes_equal(x, b'_')
            | bytes_equal(x, b'\\')
            | bytes_equal(x, 0xE2)
    };
    bytes_marked(b, 0, marks).any(|k| b[k] != 0xE2 || b[k + 1..].starts_with(&[0x80, 0xA2]))
}

/// How many bytes at the start of a line need nothing but trimming: no odd spaces or hyphens,
/// no markup, no tabs or runs of spaces, no combining marks that NFC would compose (the whole
/// line, the common case, checked in one pass). Where it stops, at the first byte that may need
/// more, a character starts: every byte it stops at is ASCII or a lead byte.
///
/// Works on the UTF-8 bytes and errs on the safe side: every character the cleaner changes —
/// controls, Unicode spaces (U+0085, U+00A0, U+1680, U+2000–U+200F, U+2028–U+202F,
/// U+205F–U+2060, U+3000), the soft hyphen, Unicode hyphens and bullets, U+FEFF, and the
/// combining marks [`nfc`] looks for (lead bytes CC, CD, E1, EF and E2 83) — sends the line to
/// the full cleaner, and so do a few rare blocks around them.
fn plain_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    // Eight bytes at a time: only the bytes `maybe_odd` marks are looked at one by one (in
    // order, so the first odd one is found first), and a space only after another.
    let mut k = 0;
    let mut last_spaces = 0u64;
    while let Some(w) = b.get(k..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*w);
        let spaces = bytes_equal(x, b' ');
        let mut marks = maybe_odd(x) | (spaces & ((spaces << 8) | (last_spaces >> 56)));
        while marks != 0 {
            let at = k + (marks.trailing_zeros() / 8) as usize;
            if is_odd(b, at) {
                return at;
            }
            marks &= marks - 1;
        }
        last_spaces = spaces;
        k += 8;
    }
    (k..b.len()).find(|&at| is_odd(b, at)).unwrap_or(b.len())
}

/// A superset of the bytes of `x` (eight text bytes, little-endian) that [`is_odd`] may hold
/// odd but for the space, as their high bits: controls (below 0x20); `"`, `#`, `*`, `+` (with
/// bits 0x09 set, 0x2B); `\\`–`_` and `|`–DEL (with bits 0x23 set, 0x7F); lead bytes from 0xC0
/// on but 0xC3 (`å`, `ä`, `ö`, `é`).
fn maybe_odd(x: u64) -> u64 {
    let below_space = !(x | ((x & !HIGHS) + ONES * (0x80 - 0x20))) & HIGHS;
    let leads = x & (x << 1) & HIGHS & !bytes_equal(x, 0xC3);
    below_space
        | bytes_equal(x | (ONES * 0x09), 0x2B)
        | bytes_equal(x | (ONES * 0x23), 0x7F)
        | leads
}

/// Whether byte `k` of `b` (at a character's start or a quiet byte) is the first that
/// [`plain_prefix`] stops at: a space after another, markup, a control, or the start of an odd
/// character or combining mark.
fn is_odd(b: &[u8], k: usize) -> bool {
    let c = b[k];
    // Most bytes are quiet; a space is odd only after another.
    if QUIET[usize::from(c)] {
        return false;
    }
    let next = b.get(k + 1).copied().unwrap_or(0);
    match c {
        b' ' => k > 0 && b[k - 1] == b' ',
        // A pipe may part columns (` | `), which the end of `clean_line` turns into a tab.
        b'*' | b'#' | b'_' | b'\\' | b'|' | 0..=0x1F | 0x7F | 0xCC | 0xCD | 0xE1 | 0xEF => true,
        // U+0080–U+00A0 (C1 controls, NBSP) and U+00AD (soft hyphen).
        0xC2 => next <= 0xA0 || next == 0xAD,
        // U+1xxx (U+1680) and U+Fxxx (U+FEFF, private-use bullets) are in the arm above: rare
        // blocks, sent to the full cleaner to be safe.
        0xE3 => next == 0x80,
        // U+2000–U+2011, U+2022–U+2023, U+2028–U+202F; U+205F–U+2060; U+20Dx–U+20Fx;
        // U+25xx bullets.
        0xE2 => {
            let third = b.get(k + 2).copied().unwrap_or(0);
            match next {
                0x80 => {
                    third <= 0x91
                        || third == 0xA2
                        || third == 0xA3
                        || (0xA8..=0xAF).contains(&third)
                }
                0x81 => third == 0x9F || third == 0xA0,
                // U+20D0–U+20FF (combining marks for symbols); U+25xx bullets.
                0x83 | 0x96 | 0x97 => true,
                _ => false,
            }
        }
        _ => false,
    }
    // "- " and "• " bullets are kept as they are; "* " was caught above.
}

/// Bytes that never make a line need cleaning: letters, digits, punctuation, and UTF-8 bytes
/// other than the lead bytes C2, CC, CD, E0–E3 and EF of odd characters and combining marks
/// (not `#`, `*`, `\\`, `_`, the space or controls).
const QUIET: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = matches!(c as u8, b'!' | b'"' | b'$'..=b')' | b'+'..=b'[' | b']'..=b'^' | b'`'..=b'{' | b'}' | b'~' | 0x80..=0xC1 | 0xC3..=0xCB | 0xCE..=0xDF | 0xE4..=0xEE | 0xF0..=0xFF);
        c += 1;
    }
    table
};

/// Whether NFC may change the text (its UTF-8 bytes, or the bytes from a character boundary
/// on): only combining marks can, U+0300–U+036F (CC/CD), U+1AB0–U+1DFF (E1), U+20D0–U+20FF
/// (E2 83), U+FE20–U+FE2F (EF).
///
/// Eight bytes at a time to the next of those lead bytes ([`mark_lead_bytes`]).
fn may_combine(b: &[u8]) -> bool {
    bytes_marked(b, 0, mark_lead_bytes).any(|k| is_mark_start(b, k))
}

/// The bytes of `x` (eight text bytes, little-endian) that may lead a combining mark, as their
/// high bits: CC and CD (CD with the low bit set), E1, EF and E2 (see [`is_mark_start`]).
fn mark_lead_bytes(x: u64) -> u64 {
    bytes_equal(x | ONES, 0xCD) | bytes_equal(x, 0xE1) | bytes_equal(x, 0xEF) | bytes_equal(x, 0xE2)
}

/// Whether byte `k` of `b`, at a character's start, leads a combining mark of the blocks
/// [`may_combine`] names: CC, CD, E1, EF, or E2 then 83.
fn is_mark_start(b: &[u8], k: usize) -> bool {
    matches!(b[k], 0xCC | 0xCD | 0xE1 | 0xEF) || (b[k] == 0xE2 && b.get(k + 1) == Some(&0x83))
}

/// NFC, without the work where the text is already in that form (nearly always).
fn nfc(s: &str) -> Cow<'_, str> {
    if !may_combine(s.as_bytes()) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Removes the markdown markup that PDF-to-markdown conversion adds, then collapses spaces, in
/// one pass: a leading `* ` or `• ` bullet becomes `- `, leading `#`s go, and so do every `*`,
/// every run of two or more `_`, and the backslash of an escape (`\-`, `\*`); then a tab or a run
/// of 3+ spaces (a column gap) becomes one tab, another run of spaces one space, and spaces at
/// the ends go.
///
/// Works on the UTF-8 bytes: every byte it looks at is ASCII, so the text between them is
/// copied in spans, undecoded. The bullet's `- ` is a `-` written and one space pending.
///
/// `plain` bytes at the start of `line.trim_start()` are known to be plain ([`plain_prefix`]:
/// no markup, tab or run of spaces; they start with no space, bullet or `#`): the output starts
/// with them as they are, but a last space, which is pending. Also returns how many bytes the
/// output starts with that way, which hold no markup.
fn strip_and_collapse(line: &str, plain: usize) -> (String, usize) {
    let t = line.trim_start();
    let mut out = String::with_capacity(line.len());
    // The pending run of spaces and tabs, and whether it holds a tab.
    let (mut run, mut tab) = (0usize, false);
    let mut k = 0;
    let body = if plain > 0 {
        // The loop below would copy these bytes, each single space written before the next
        // byte: all of them but a last space, which it would leave pending.
        let kept = if t.as_bytes()[plain - 1] == b' ' { plain - 1 } else { plain };
        out.push_str(&t[..kept]);
        run = plain - kept;
        k = plain;
        t
    } else if let Some(rest) = t.strip_prefix("* ").or_else(|| t.strip_prefix("• ")) {
        out.push('-');
        run = 1;
        rest
    } else if t.starts_with('#') {
        t.trim_start_matches('#').trim_start()
    } else {
        t
    };
    let kept = out.len() * usize::from(plain > 0);
    let bytes = body.as_bytes();
    while k < bytes.len() {
        match bytes[k] {
            b'*' => k += 1,
            b'_' if bytes.get(k + 1) == Some(&b'_') => {
                while bytes.get(k) == Some(&b'_') {
                    k += 1;
                }
            }
            // A markdown escape (`\-`, `\*`): the backslash goes, the character is read as usual.
            b'\\' if bytes.get(k + 1).is_some_and(u8::is_ascii_punctuation) => k += 1,
            c @ (b' ' | b'\t') => {
                run += 1;
                tab |= c == b'\t';
                k += 1;
            }
            _ => {
                // A span of bytes that neither step changes: up to the next one it looks at. A
                // single space before such a byte is taken into the span: the loop would write
                // it as one space before that byte (a run of one, no tab, `out` not empty).
                let end = span_end(bytes, k + 1);
                if run > 0 && !out.is_empty() {
                    out.push(if tab || run >= 3 { '\t' } else { ' ' });
                }
                run = 0;
                tab = false;
                out.push_str(&body[k..end]);
                k = end;
            }
        }
    }
    (out, kept)
}

/// Whether [`strip_and_collapse`] looks at byte `c` (it copies any other as it is).
fn is_stop(c: u8) -> bool {
    matches!(c, b'*' | b'_' | b'\\' | b' ' | b'\t')
}

/// Where the span of bytes that [`strip_and_collapse`] copies as they are, from `from` on,
/// ends: at the first byte it looks at ([`is_stop`]) but a single space before one it does not
/// look at, which it would write as one space before that byte (a run of one, no tab, the
/// output not empty), so it is taken into the span; `bytes.len()` if there is none.
///
/// Eight bytes at a time to the next byte [`span_marks`] marks, a superset of those ends, each
/// then checked; only a space last in the text, which ends the span, it can miss.
fn span_end(bytes: &[u8], from: usize) -> usize {
    let ends = |p: usize| {
        is_stop(bytes[p]) && !(bytes[p] == b' ' && bytes.get(p + 1).is_some_and(|&c| !is_stop(c)))
    };
    bytes_marked(bytes, from, span_marks).find(|&p| ends(p)).unwrap_or_else(|| {
        let last = bytes.len().saturating_sub(1);
        if last >= from && bytes.get(last) == Some(&b' ') { last } else { bytes.len() }
    })
}

/// A superset of the bytes of `x` (eight text bytes, little-endian) where a span of
/// [`span_end`] may end, as their high bits: controls and the space (0x01–0x20, holding the
/// tab), `*`, `\\`–`_` (with bits 0x03 set, 0x5F), but a space only where the byte after it in
/// `x` is one of those or it is the last byte of `x` (the byte after it is in the next word).
/// A zero byte is never marked.
fn span_marks(x: u64) -> u64 {
    let stops =
        bytes_in_range(x, 0x01, b' ') | bytes_equal(x, b'*') | bytes_equal(x | (ONES * 0x03), b'_');
    let spaces = bytes_equal(x, b' ');
    (stops & !spaces) | (spaces & ((stops >> 8) | (1 << 63)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(clean_line(input), expected);
    }

    #[test]
    fn markdown() {
        check(
            "§ 92 **Reviderad verksamhetsplan 2024–2026**",
            "§ 92 Reviderad verksamhetsplan 2024–2026",
        );
        check("- *Rättspsykiatriska regionkliniken", "- Rättspsykiatriska regionkliniken");
        check("Datum **Dnr**", "Datum Dnr");
        check("## Beslut", "Beslut");
        check("* Akten", "- Akten");
    }

    #[test]
    fn markdown_tables() {
        // A PDF converted to markdown prints tables as pipe rows: cells become columns.
        check("| Anna Berg | S | Ordförande |", "Anna Berg\tS\tOrdförande");
        check("| Eva Lund | V | |", "Eva Lund\tV");
        check("|---|:---:|---|", "");
        assert!(is_delimiter_row("|---|:---:|---|"));
        assert!(is_delimiter_row("  | --- | --- |\r"));
        assert!(!is_delimiter_row("| Anna Berg | S |"));
        assert!(!is_delimiter_row("||"));
        assert!(!is_delimiter_row("-----"));
        check("| Datum | **2023-05-10** |", "Datum\t2023-05-10");
        check("|  | Ersättare |", "Ersättare");
        check("||𝒮", "𝒮");
        // A pipe between spaced words parts columns too, as a converter writes a header row:
        check(
            "**Kommunstyrelsen** | Sammanträdesdatum: 2019-04-23",
            "Kommunstyrelsen\tSammanträdesdatum: 2019-04-23",
        );
        check("Ja | Nej", "Ja\tNej");
        check("Socialdepartementet\\", "Socialdepartementet");
        check("\\", "");
        check("*|", "");
        check("a|b", "a|b");
    }

    #[test]
    fn spaces() {
        check("Elina Backlund Arab (S)\tOrdförande", "Elina Backlund Arab (S)\tOrdförande");
        check("Beslutande      Anna Ek (S)", "Beslutande\tAnna Ek (S)");
        check(
            " Uppföljning av hälso- och  sjukvårdsnämndens ",
            "Uppföljning av hälso- och sjukvårdsnämndens",
        );
        check("Samman\u{ad}ställning\u{a0}av", "Sammanställning av");
        check(
            "oﬀentlig ﬁnansiering av ﬂyktingmottagande",
            "offentlig finansiering av flyktingmottagande",
        );
        check("Sta\u{30a}ngby", "Stångby");
        // A line that is plain but for a combining mark is still composed.
        check("Rene\u{301} Nilsson (C)", "René Nilsson (C)");
    }

    #[test]
    fn word_masks_are_exact() {
        for c in 0..=255u8 {
            let x = u64::from_le_bytes([c, 0, 0x0d, c, 0xe2, c, 0xc3, 0x20]);
            let m = map_lead_bytes(x);
            for (k, &y) in x.to_le_bytes().iter().enumerate() {
                let want = matches!(y, b'\r' | b'\x0c' | 0xC2 | 0xE2 | 0xEF);
                assert_eq!(m >> (8 * k + 7) & 1 == 1, want, "{c} {k}");
            }
        }
    }

    #[test]
    fn the_mapping_pass_stops_at_the_marks_may_combine_finds() {
        let pieces = [
            "a", "å", "\u{301}", "\u{30a}", "\u{36f}", "\u{1ab0}", "\u{20d7}", "\u{2013}",
            "\u{feff}", "\u{fe20}", "\u{a0}", "•", "\r", "ł",
        ];
        for p in pieces {
            for q in pieces {
                for pad in 0..10 {
                    let s = format!("{}{p}{}{q}", "x".repeat(pad), " y".repeat(pad % 3));
                    assert_eq!(
                        map_chars_in(&s, 0, true).is_none(),
                        may_combine(s.as_bytes()),
                        "{s:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn plain_prefix_is_the_byte_loop() {
        // The byte loop as first written, every byte in turn.
        fn by_bytes(s: &str) -> usize {
            let b = s.as_bytes();
            (0..b.len()).find(|&k| is_odd(b, k)).unwrap_or(b.len())
        }
        for c in 0..=255u8 {
            let x = u64::from_le_bytes([c, b'a', c, 0xC3, c, b' ', c, 0xE2]);
            let m = maybe_odd(x);
            for (k, &y) in x.to_le_bytes().iter().enumerate() {
                let odd_but_space = !QUIET[usize::from(y)] && y != b' ';
                assert!(!odd_but_space || m >> (8 * k + 7) & 1 == 1, "{c} {k}");
            }
        }
        let pieces = [
            "a",
            " ",
            "  ",
            "\t",
            "§",
            "å",
            "Ä",
            "–",
            "\u{a0}",
            "\u{ad}",
            "*",
            "#",
            "_",
            "\\",
            "é",
            "\u{301}",
            "•",
            "\u{2011}",
            "x\u{2028}",
            "\u{3000}",
            "\r",
            "ł",
            "\u{feff}",
            "]^`",
        ];
        for (i, p) in pieces.iter().enumerate() {
            for q in &pieces[i..] {
                for pad in 0..10 {
                    let s = format!("{}{p}{}{q} tail text", "x".repeat(pad), " y".repeat(pad % 3));
                    assert_eq!(plain_prefix(&s), by_bytes(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn span_end_is_the_byte_loop() {
        // The span loop as first written, byte by byte.
        fn by_bytes(bytes: &[u8], from: usize) -> usize {
            let mut end = from;
            while end < bytes.len() {
                if !is_stop(bytes[end]) {
                    end += 1;
                } else if bytes[end] == b' ' && bytes.get(end + 1).is_some_and(|&c| !is_stop(c)) {
                    end += 2;
                } else {
                    break;
                }
            }
            end
        }
        let pieces = ["a", " ", "  ", "\t", "*", "_", "\\", "]", "\r", "å", "x y", "\0"];
        for (i, p) in pieces.iter().enumerate() {
            for q in &pieces[i..] {
                for pad in 0..18 {
                    for end in ["", " ", "z", " z", "  "] {
                        let s = format!("{}{p}{}{q}{end}", "x".repeat(pad), " y".repeat(pad % 4));
                        let b = s.as_bytes();
                        for from in 1..=b.len() {
                            assert_eq!(span_end(b, from), by_bytes(b, from), "{s:?} {from}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn plain_starts_and_crlf() {
        check("Protokollet justeras \r", "Protokollet justeras");
        check("  Sida 1\r", "Sida 1");
        check("\r", "");
        check("justera protokollet. ________ MBN § 20", "justera protokollet. MBN § 20");
        check("Beslut \t Anna Ek (S)", "Beslut\tAnna Ek (S)");
        for raw in [
            "a \r",
            "a  \r",
            "a \r\r",
            "ab *c* \r",
            "Rene\u{301} \r",
            "x ____ y __ z _",
            "x \\* y",
            "x • y",
            "x \u{a0}\u{a0} y",
            "x y\u{301}",
            "ett tu  tre * fyra _ fem \\ sex\t sju ",
            "a b c d\u{a0}e f  g",
        ] {
            assert_eq!(clean_line(raw), reference(raw), "{raw:?}");
        }
    }

    /// The cleaner as first written, char by char in separate passes: the one-pass code above
    /// must give what it gives.
    fn reference(raw: &str) -> String {
        let mut s: String = nfc(raw)
            .chars()
            .filter_map(|c| match c {
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{2060}' => None,
                '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{2002}' | '\u{2003}'
                | '\r' | '\u{c}' => Some(' '),
                '\u{2010}' | '\u{2011}' => Some('-'),
                '\u{f0b7}' | '\u{2022}' | '\u{25cf}' | '\u{25aa}' | '\u{2023}' => Some('•'),
                c => Some(c),
            })
            .collect::<String>()
            .replace('\u{fb00}', "ff")
            .replace('\u{fb01}', "fi")
            .replace('\u{fb02}', "fl")
            .replace('\u{fb03}', "ffi")
            .replace('\u{fb04}', "ffl")
            .replace(['\u{fb05}', '\u{fb06}'], "st");
        for _ in 0..4 {
            let next = nfc(&collapse_spaces(&strip_markdown(&s))).into_owned();
            let done = next == s || !next.contains(['*', '#', '_', '\\', '•']);
            s = next;
            if done {
                break;
            }
        }
        // pandoc's hard line break.
        if s.ends_with('\\') && !s.ends_with("\\\\") {
            s.pop();
            s.truncate(s.trim_end().len());
        }
        s
    }

    /// Removes markdown markup that PDF-to-markdown conversion adds.
    fn strip_markdown(s: &str) -> String {
        let t = s.trim_start();
        let mut out = String::with_capacity(s.len());
        let body = if let Some(rest) = t.strip_prefix("* ").or_else(|| t.strip_prefix("• ")) {
            out.push_str("- ");
            rest
        } else if t.starts_with('#') {
            t.trim_start_matches('#').trim_start()
        } else {
            t
        };
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '*' => {}
                '_' if chars.peek() == Some(&'_') => {
                    while chars.peek() == Some(&'_') {
                        chars.next();
                    }
                }
                // A markdown escape (`\-`, `\*`): the backslash goes, the character is read as usual.
                '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {}
                c => out.push(c),
            }
        }
        out
    }

    /// Collapses spaces; a tab or 3+ spaces is a column gap and becomes one tab.
    fn collapse_spaces(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut run = 0usize;
        let mut tab = false;
        for c in s.chars() {
            if c == ' ' || c == '\t' {
                run += 1;
                tab |= c == '\t';
                continue;
            }
            if run > 0 && !out.is_empty() {
                out.push(if tab || run >= 3 { '\t' } else { ' ' });
            }
            run = 0;
            tab = false;
            out.push(c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn one_pass_is_the_reference(
            raw in "[ a-zåäöé§.,:()\\-\\t\r\x0c*#_\\\\•\u{ad}\u{a0}\u{2009}\u{2011}\u{2013}\u{2022}\u{200b}\u{feff}\u{f0b7}\u{25aa}\u{301}\u{30a}\u{20d7}\u{fb01}\u{fb03}\u{fb06}]{0,40}"
        ) {
            proptest::prop_assert_eq!(clean_line(&raw), reference(&raw));
        }
    }
}
