//! Byte scans eight (or sixteen) bytes at a time, for marks that are rare in text: a `u64`
//! holds eight bytes of text, little-endian, and each test sets the high bit of every byte it
//! finds. Shared by the decoder (NUL and control bytes), the line cleaner and the parser's
//! finders (case numbers, statutes, stance cues); each scan is tested against a plain byte loop.

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
/// for marks that are rare in prose. Sixteen bytes are given to `hits` only where `sieve`
/// marks a byte in them: a cheaper test that marks some byte of every word `hits` marks one in
/// (`|_| HIGHS` where `hits` is cheap enough by itself).
fn scan_words(
    b: &[u8],
    from: usize,
    sieve: impl Fn(u64) -> u64,
    hits: impl Fn(u64) -> u64,
) -> impl Iterator<Item = usize> {
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
                let (low, high) = (w as u64, (w >> 64) as u64);
                if sieve(low) | sieve(high) != 0 && hits(low) | hits(high) != 0 {
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
/// and digits and every byte of a non-ASCII character, as [`crate::parse::lexical::is_word_byte`].
///
/// Bit 0x20 set, the capitals `A`–`Z` are the small letters, and no other byte becomes one
/// (`@`–`Z` become `` ` ``–`z`, `[`–`_` become `{`–DEL): one range test for both cases.
fn word_bytes(x: u64) -> u64 {
    bytes_in_range(x, b'0', b'9') | bytes_in_range(x | (ONES * 0x20), b'a', b'z') | (x & HIGHS)
}

/// Calls `f` with the offset of each word start of `b`, in order: a word byte
/// ([`crate::parse::lexical::is_word_byte`]) at the start or after a byte that is not one. Eight
/// bytes at a time: a word starts where a word byte's high bit is set and the byte before's
/// (shifted in from the previous eight) is not.
///
/// The whole eight-byte words are read as chunks, with no bounds test or padding each; the
/// zero-padded tail once after them.
pub(crate) fn for_each_word_start(b: &[u8], mut f: impl FnMut(usize)) {
    let (chunks, tail) = b.as_chunks::<8>();
    let mut last_words = 0u64;
    for (n, c) in chunks.iter().enumerate() {
        last_words = word_starts(n * 8, u64::from_le_bytes(*c), last_words, &mut f);
    }
    if !tail.is_empty() {
        word_starts(chunks.len() * 8, load(tail).0, last_words, &mut f);
    }
}

/// Calls `f` with the offset of each word start among the eight bytes `x` at offset `at`, the
/// word bytes of the eight before being `last_words`; returns those of `x`.
#[allow(clippy::inline_always)]
#[inline(always)]
fn word_starts(at: usize, x: u64, last_words: u64, f: &mut impl FnMut(usize)) -> u64 {
    let words = word_bytes(x);
    // Bit 8i+7 of `before`: whether the byte before byte i is a word byte.
    let before = (words << 8) | (last_words >> 56);
    let mut starts = words & !before;
    while starts != 0 {
        f(at + (starts.trailing_zeros() / 8) as usize);
        starts &= starts - 1;
    }
    words
}

/// Offsets, from `from` on, of the bytes of `b` that `hits` marks in each eight-byte word
/// (little-endian; zero bytes past the end, which it must not mark), as their high bits and
/// exactly: the word-at-a-time form of `b[from..].iter().positions(..)`.
pub(crate) fn bytes_marked(
    b: &[u8],
    from: usize,
    hits: impl Fn(u64) -> u64,
) -> impl Iterator<Item = usize> {
    scan_words(b, from, |_| HIGHS, hits)
}

/// [`bytes_marked`] for marks that are cheap to rule out but not to find: `sieve` (as `hits`,
/// but cheaper) marks a byte of every eight that `hits` marks one of, and most words of the
/// text not at all, so that `hits` is asked only about the few it lets through.
///
/// Example: the case-number marks (`/`, `-`, a digit before a capital, …) lie in `-`..=`:`,
/// and one range test rules out about three sixteen-byte stretches of four of minutes.
pub(crate) fn bytes_sieved(
    b: &[u8],
    from: usize,
    sieve: impl Fn(u64) -> u64,
    hits: impl Fn(u64) -> u64,
) -> impl Iterator<Item = usize> {
    scan_words(b, from, sieve, hits)
}

/// Offsets, from `from` on, of the bytes of `b` equal to `c1` or `c2` (non-zero), in order.
pub(crate) fn bytes_either(b: &[u8], from: usize, c1: u8, c2: u8) -> impl Iterator<Item = usize> {
    scan_words(b, from, |_| HIGHS, move |x| bytes_equal(x, c1) | bytes_equal(x, c2))
}

/// Whether `needle` occurs in `hay`, as `<[u8]>::windows` would find it, ignoring ASCII case
/// where `ascii_ci`: the places where its first byte (in either case) stands are found eight
/// bytes at a time, and only there is the rest compared. For short needles whose first byte is
/// rare in the text (`j`, `p`; not `e`), where a substring searcher's setup costs more than the
/// search.
pub(crate) fn contains_bytes(hay: &[u8], needle: &[u8], ascii_ci: bool) -> bool {
    let Some(&first) = needle.first() else { return true };
    if hay.len() < needle.len() {
        return false;
    }
    let same = |w: &[u8]| if ascii_ci { w.eq_ignore_ascii_case(needle) } else { w == needle };
    if first == 0 {
        // Zero pads the last word of a scan and is never looked for: compared everywhere.
        return hay.windows(needle.len()).any(same);
    }
    let last = hay.len() - needle.len();
    let here = |k: usize| same(&hay[k..k + needle.len()]);
    if ascii_ci {
        let (c1, c2) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
        bytes_either(hay, 0, c1, c2).take_while(|&k| k <= last).any(here)
    } else {
        // One byte to look for: one test a word, not the same test twice.
        bytes_marked(hay, 0, |x| bytes_equal(x, first)).take_while(|&k| k <= last).any(here)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_as_windows_does() {
        let hays =
            ["", "a", "Förslag till beslut", "SAMMANTRÄDESPROTOKOLL", "förslagförslag", "\0ab"];
        let needles = ["", "a", "förslag", "FÖRSLAG", "proto", "esl", "ESL", "\0a", "beslut", "g"];
        let long = "x".repeat(40) + "Protokoll" + &"y".repeat(40);
        for hay in hays.iter().copied().chain([long.as_str()]) {
            for needle in needles {
                let (h, n) = (hay.as_bytes(), needle.as_bytes());
                let plain = n.is_empty() || h.windows(n.len()).any(|w| w == n);
                let ci = n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
                assert_eq!(contains_bytes(h, n, false), plain, "{hay} {needle}");
                assert_eq!(contains_bytes(h, n, true), ci, "{hay} {needle}");
            }
        }
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
        // A sieve that lets through the words with a digit or a sign of `-`..=`:` in them, for
        // marks that are digits and slashes: words it lets through with no mark (`-`, `.`),
        // words it keeps out, then marks.
        let sieve = |x| bytes_in_range(x, b'-', b':');
        let hits = |x| bytes_in_range(x, b'0', b'9') | bytes_equal(x, b'/');
        let sifted = [b"abc-def.ghijklmnopqrstuvwxyz ".repeat(3), text.to_vec()].concat();
        for t in [text, quiet.as_slice(), sifted.as_slice()] {
            for from in 0..t.len() {
                let words: Vec<usize> = bytes_sieved(t, from, sieve, hits).collect();
                let bytes: Vec<usize> =
                    (from..t.len()).filter(|&k| t[k].is_ascii_digit() || t[k] == b'/').collect();
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
        let wordish = crate::parse::lexical::is_word_byte;
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
}
