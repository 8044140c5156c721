//! Prose from lines: hard-wrapped lines joined into paragraphs, and paragraphs into sentences.

use crate::normalize::Line;

/// Whether a line starts a list item or clause and so never continues the line before:
/// `- …`, `• …`, `1. …`, `att …`.
fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with("- ") || t.starts_with("• ") || t.starts_with("– ") || t.starts_with("att ")
    {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// Whether a short line stands alone as a heading: `Sammanfattning`, `Ekonomiska ramar 2024–2026`.
fn is_heading_like(text: &str) -> bool {
    // The cheap tests first; the words are counted only up to the seventh.
    text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with(['.', ',', ';', '-'])
        && !text.contains('\t')
        && text.split_whitespace().nth(6).is_none()
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
                let new_block = starts_item(&text)
                    || is_heading_like(p)
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

/// One in each byte of a word: `ONES * b` is `b` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte of a word.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `x` (eight text bytes, little-endian) that lie in `lo..=hi`, as their high
/// bits (no other bit is set). `lo` and `hi` are ASCII, `lo > 0`. Exact per byte: the sums
/// stay below 0x100 in every byte, so nothing carries into the next one.
pub(crate) fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & !HIGHS;
    let at_least_lo = low7 + ONES * u64::from(0x80 - lo);
    let above_hi = low7 + ONES * u64::from(0x7f - hi);
    at_least_lo & !above_hi & !x & HIGHS
}

/// The bytes of `x` (eight text bytes, little-endian) equal to `c`, as their high bits (no
/// other bit is set). Exact per byte: `0x7f` is added to the low seven bits only.
pub(crate) fn bytes_equal(x: u64, c: u8) -> u64 {
    let v = x ^ (ONES * u64::from(c));
    !(((v & !HIGHS) + ONES * 0x7f) | v) & HIGHS
}

/// Offsets from `from` on of the bytes that `hits` marks in eight-byte words (`hits` sets the
/// high bit of each byte it finds), in order: the word-at-a-time form of a byte-by-byte scan,
/// for marks that are rare in prose.
fn scan_words(b: &[u8], from: usize, hits: impl Fn(u64) -> u64) -> impl Iterator<Item = usize> {
    let mut k = from;
    let mut pending = 0u64;
    let mut base = from;
    std::iter::from_fn(move || {
        loop {
            if pending != 0 {
                let at = base + (pending.trailing_zeros() / 8) as usize;
                pending &= pending - 1;
                return Some(at);
            }
            // Sixteen bytes at a time while neither word holds a mark (nearly always, for a
            // rare mark); the words with one are loaded again below.
            while let Some(w) = b.get(k..).and_then(<[u8]>::first_chunk::<16>) {
                let w = u128::from_le_bytes(*w);
                if hits(w as u64) | hits((w >> 64) as u64) != 0 {
                    break;
                }
                k += 16;
            }
            if k >= b.len() {
                return None;
            }
            let (x, n) = load(&b[k..]);
            pending = hits(x);
            if n < 8 {
                pending &= (1u64 << (8 * n)) - 1;
            }
            base = k;
            k += n;
        }
    })
}

/// The first eight bytes of `b` as a little-endian word, zero-padded past its end, and how
/// many of them there are. Zero padding is never a mark nor a word byte.
fn load(b: &[u8]) -> (u64, usize) {
    if let Some(word) = b.first_chunk::<8>() {
        (u64::from_le_bytes(*word), 8)
    } else {
        let mut word = [0u8; 8];
        word[..b.len()].copy_from_slice(b);
        (u64::from_le_bytes(word), b.len())
    }
}

/// The word bytes of `x` (eight text bytes, little-endian) as their high bits: ASCII letters
/// and digits and every byte of a non-ASCII character, as [`super::lexical::is_word_byte`].
///
/// Bit 0x20 set, the capitals `A`–`Z` are the small letters, and no other byte becomes one
/// (`@`–`Z` become `` ` ``–`z`, `[`–`_` become `{`–DEL): one range test for both cases.
fn word_bytes(x: u64) -> u64 {
    bytes_in_range(x, b'0', b'9') | bytes_in_range(x | (ONES * 0x20), b'a', b'z') | (x & HIGHS)
}

/// Calls `f` with the offset of each word start of `b`, in order: a word byte
/// ([`super::lexical::is_word_byte`]) at the start or after a byte that is not one. Eight
/// bytes at a time: a word starts where a word byte's high bit is set and the byte before's
/// (shifted in from the previous eight) is not.
pub(crate) fn for_each_word_start(b: &[u8], mut f: impl FnMut(usize)) {
    let mut last_words = 0u64;
    for n in 0..b.len().div_ceil(8) {
        let words = word_bytes(load(&b[n * 8..]).0);
        // Bit 8i+7 of `before`: whether the byte before byte i is a word byte.
        let before = (words << 8) | (last_words >> 56);
        let mut starts = words & !before;
        while starts != 0 {
            f(n * 8 + (starts.trailing_zeros() / 8) as usize);
            starts &= starts - 1;
        }
        last_words = words;
    }
}

/// Offsets, from `from` on, of the bytes of `b` that `hits` marks in each eight-byte word
/// (little-endian; zero bytes past the end, which it must not mark), as their high bits and
/// exactly: the word-at-a-time form of `b[from..].iter().positions(..)`.
pub(crate) fn bytes_marked(
    b: &[u8],
    from: usize,
    hits: impl Fn(u64) -> u64,
) -> impl Iterator<Item = usize> {
    scan_words(b, from, hits)
}

/// Offsets, from `from` on, of the bytes of `b` equal to `c1` or `c2` (non-zero), in order.
pub(crate) fn bytes_either(b: &[u8], from: usize, c1: u8, c2: u8) -> impl Iterator<Item = usize> {
    scan_words(b, from, move |x| bytes_equal(x, c1) | bytes_equal(x, c2))
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
    out.push(b.first().map_or(0, |&c| c + 0x20 * u8::from(c.is_ascii_uppercase())));
    out.extend(b.windows(2).map(|w| {
        let (p, c) = (w[0], w[1]);
        let latin = p == 0xC3 && (0x80..=0x9E).contains(&c) && c != 0x97;
        c + 0x20 * u8::from(c.is_ascii_uppercase() | latin)
    }));
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
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic)))
}

/// The byte range of the sentence of `text` that holds byte `pos`, as [`sentences`] would cut
/// it (trimmed).
#[must_use]
pub fn sentence_around(text: &str, pos: usize) -> (usize, usize) {
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
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (para_start + start + lead, para_start + end - trail)
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
    }

    #[test]
    fn word_scans_match_byte_scans() {
        let text = "Dnr KS 2023/123 – beslut 23HSN1782: § 5 (2017:725) åäö\u{a0}é-/.9:".as_bytes();
        // Long runs without a mark, as the sixteen-byte skip sees them, then marks at each offset.
        let quiet = [b"abcdefghijklmnopqrstuvwxyz ".repeat(3), text.to_vec()].concat();
        for t in [text, quiet.as_slice()] {
            for from in 0..t.len() {
                let words: Vec<usize> = bytes_either(t, from, b':', 0xA7).collect();
                let bytes: Vec<usize> =
                    (from..t.len()).filter(|&k| matches!(t[k], b':' | 0xA7)).collect();
                assert_eq!(words, bytes);
            }
        }
        for from in 0..text.len() {
            let words: Vec<usize> =
                bytes_marked(text, from, |x| bytes_in_range(x, b'-', b'9')).collect();
            let bytes: Vec<usize> =
                (from..text.len()).filter(|&k| (b'-'..=b'9').contains(&text[k])).collect();
            assert_eq!(words, bytes);
            let words: Vec<usize> = bytes_either(text, from, b':', 0xA7).collect();
            let bytes: Vec<usize> =
                (from..text.len()).filter(|&k| matches!(text[k], b':' | 0xA7)).collect();
            assert_eq!(words, bytes);
        }
        let wordish = super::super::lexical::is_word_byte;
        let more = ["ab", "", " x", "åäö é-x 1a.b", "(röst) RÖST ReSeRvErar nej, Xnej12345678 9"];
        for b in std::iter::once(text).chain(more.iter().map(|t| t.as_bytes())) {
            let mut words = Vec::new();
            for_each_word_start(b, |k| words.push(k));
            let bytes: Vec<usize> =
                (0..b.len()).filter(|&k| wordish(b[k]) && (k == 0 || !wordish(b[k - 1]))).collect();
            assert_eq!(words, bytes, "{b:?}");
        }
        for c in 0..=255u8 {
            let x = u64::from_le_bytes([c, 0, 0x80, c, 0xff, c, 0x2d, 0x39]);
            let m = bytes_in_range(x, b'-', b'9');
            for (k, &y) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(m >> (8 * k + 7) & 1 == 1, (b'-'..=b'9').contains(&y), "{c} {k}");
            }
            let m = word_bytes(x);
            for (k, &y) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(m >> (8 * k + 7) & 1 == 1, wordish(y), "{c} {k}");
            }
            let m = bytes_equal(x, b':');
            for (k, &y) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(m >> (8 * k + 7) & 1 == 1, y == b':', "{c} {k}");
            }
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
