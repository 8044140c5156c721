//! Reading a document: the only file reading on the parse path.
//!
//! Bytes are hashed (SHA-256, the key for incremental indexing) and their format recognised by
//! content, never by the file's name ([`Format::sniff`]): a PDF or DOCX goes to its extractor
//! ([`crate::extract`]), text is decoded — UTF-8 (with or without BOM), UTF-16 with a BOM, else
//! Windows-1252, the common encoding of older Swedish archives (a superset of Latin-1's
//! printable range); UTF-8 that was read as Windows-1252 and written out again
//! (`SammantrÃ¤desdatum`) is taken back to what it says. Binary, empty and oversized files are refused with an error naming the
//! file.

use std::borrow::Cow;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::extract::{self, Format};
use crate::model::SourceInfo;
use crate::scan::{HIGHS, ONES, bytes_equal, bytes_marked};

/// The largest file read as a document. Minutes with scanned annexes reach tens of megabytes;
/// anything larger is not a protocol, and reading it whole would only cost memory.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// A read and decoded document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Provenance.
    pub info: SourceInfo,
    /// The decoded text.
    pub text: String,
}

/// Reads and decodes the file at `path`.
///
/// # Errors
/// When the file cannot be read, is empty, is binary, or is a format this build cannot read.
pub fn read(path: &Path) -> Result<Source> {
    let bytes = read_bytes(path)?;
    let sha256 = sha256_hex(&bytes);
    from_owned_bytes(path, bytes, sha256)
}

/// The bytes of the file at `path`, refusing one over [`MAX_BYTES`] before reading it.
///
/// # Errors
/// When the file cannot be read or is too large.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > MAX_BYTES {
        return Err(Error::TooLarge { path: path.to_path_buf(), bytes: len, limit: MAX_BYTES });
    }
    std::fs::read(path).map_err(io)
}

/// Decodes bytes already read from `path`.
///
/// # Errors
/// When the bytes are empty, binary, or a format this build cannot read.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Source> {
    from_hashed_bytes(path, bytes, sha256_hex(bytes))
}

/// [`from_bytes`] for a caller that has hashed the bytes already (the indexer compares the
/// hash with its manifest before deciding to parse).
///
/// # Errors
/// When the bytes are empty, binary, or a format this build cannot read.
pub fn from_hashed_bytes(path: &Path, bytes: &[u8], sha256: String) -> Result<Source> {
    from_cow_bytes(path, Cow::Borrowed(bytes), sha256)
}

/// [`from_hashed_bytes`] for bytes the caller hands over: text that is UTF-8 without a BOM
/// becomes the [`Source`]'s text in place, not copied.
///
/// # Errors
/// When the bytes are empty, binary, or a format this build cannot read.
pub fn from_owned_bytes(path: &Path, bytes: Vec<u8>, sha256: String) -> Result<Source> {
    from_cow_bytes(path, Cow::Owned(bytes), sha256)
}

/// [`from_hashed_bytes`] and [`from_owned_bytes`]: the same steps, the owned bytes moved into
/// [`decode_owned`] where they are text.
fn from_cow_bytes(path: &Path, bytes: Cow<'_, [u8]>, sha256: String) -> Result<Source> {
    let empty = || Error::Empty { path: path.to_path_buf() };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    let extracted = |r: std::result::Result<extract::Extracted, extract::ExtractError>| {
        r.map(|e| e.text).map_err(|source| Error::Extract { path: path.to_path_buf(), source })
    };
    let len = bytes.len() as u64;
    let (text, format) = match Format::sniff(&bytes) {
        // A text that quotes a PDF header near its start is still text: a PDF proper starts
        // with its header, and one that does not only counts as one when it reads as one.
        Format::Pdf if !bytes.starts_with(b"%PDF-") => match extract::pdf::text(&bytes) {
            Ok(e) => (e.text, "pdf"),
            Err(e) => match decode(&bytes) {
                Ok(text) if !text.contains('\u{fffd}') => (text, "text"),
                _ => return Err(Error::Extract { path: path.to_path_buf(), source: e }),
            },
        },
        Format::Pdf => (extracted(extract::pdf::text(&bytes))?, "pdf"),
        Format::Zip => (extracted(extract::docx::text(&bytes))?, "docx"),
        Format::Text => {
            let text = decode_owned(bytes.into_owned())
                .map_err(|offset| Error::Binary { path: path.to_path_buf(), offset })?;
            (text, "text")
        }
    };
    if text.trim().is_empty() {
        return Err(empty());
    }
    let info = SourceInfo {
        path: path.to_string_lossy().into_owned(),
        sha256,
        format: format.to_string(),
        bytes: len,
    };
    Ok(Source { info, text })
}

/// Decodes text bytes; `Err(offset)` of the first byte that shows the content is binary.
///
/// # Errors
/// When a NUL byte or other control characters show the bytes are not text.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, usize> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] of bytes the caller hands over: UTF-8 (the common case) becomes the text in
/// place, without a copy. A BOM other than UTF-8's names the encoding; without one, bytes that
/// are not UTF-8 are read as Windows-1252.
///
/// # Errors
/// As [`decode`]; the offset counts a UTF-8 BOM.
pub fn decode_owned(mut bytes: Vec<u8>) -> std::result::Result<String, usize> {
    let mut bom = 0;
    if let Some((enc, len)) = encoding_rs::Encoding::for_bom(&bytes) {
        if enc != encoding_rs::UTF_8 {
            let (text, _) = enc.decode_without_bom_handling(&bytes[len..]);
            return Ok(text.into_owned());
        }
        bytes.drain(..len);
        bom = len;
    }
    if let Some(offset) = binary_byte(&bytes) {
        return Err(offset + bom);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(undo_double_utf8(text)),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
            Ok(text.into_owned())
        }
    }
}

/// Text that was UTF-8, read as Windows-1252 (or Latin-1) and written out as UTF-8 again, as
/// some web transcripts of older minutes are (`SammantrÃ¤desdatum`, `Â§ 12`), taken back to
/// what it says: each character goes back to the byte it was read from, and those bytes are
/// the UTF-8 of the real text.
///
/// Tried only where the first [`DOUBLE_UTF8_SAMPLE`] bytes hold such a pair (`Ã` or `Â` before
/// a character of a UTF-8 continuation byte; Swedish text shows its letters early), and kept
/// only when every character goes back to a byte and the bytes are UTF-8: a text that holds a
/// real `ä` anywhere (its byte alone is no UTF-8) stays as it is.
fn undo_double_utf8(text: String) -> String {
    let mut end = text.len().min(DOUBLE_UTF8_SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut chars = sample.chars().peekable();
    let mut seen = false;
    while let Some(c) = chars.next() {
        if matches!(c, 'Â' | 'Ã')
            && chars
                .peek()
                .and_then(|&n| byte_read_as(n))
                .is_some_and(|b| (0x80..0xC0).contains(&b))
        {
            seen = true;
            break;
        }
    }
    if !seen {
        return text;
    }
    let bytes: Option<Vec<u8>> = text.chars().map(byte_read_as).collect();
    match bytes.map(String::from_utf8) {
        Some(Ok(repaired)) => repaired,
        _ => text,
    }
}

/// How many bytes from the start [`undo_double_utf8`] looks at for a sign of double encoding.
const DOUBLE_UTF8_SAMPLE: usize = 4096;

/// The byte that Windows-1252 or Latin-1 reads as `c`, if any: `c` itself up to U+00FF, and
/// the characters Windows-1252 puts at 0x80–0x9F (`€`, `„`, `–`, …).
fn byte_read_as(c: char) -> Option<u8> {
    const WINDOWS_1252_HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    if let Ok(b) = u8::try_from(u32::from(c)) {
        return Some(b);
    }
    WINDOWS_1252_HIGH.iter().position(|&h| h == c).map(|k| 0x80 + k as u8)
}

/// The first byte that no text file holds: NUL, or a control character among many.
///
/// One pass over the first 64 KiB finds the first NUL there and counts the controls; only
/// when it holds no NUL are the bytes after it searched for one.
fn binary_byte(bytes: &[u8]) -> Option<usize> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let n = match nul_or_control_count(sample) {
        Err(p) => return Some(p),
        Ok(n) => n,
    };
    if let Some(p) = first_nul(&bytes[sample.len()..]) {
        return Some(sample.len() + p);
    }
    (n * 100 > sample.len()).then(|| sample.iter().position(|&c| is_control(c)).unwrap_or(0))
}

/// How many bytes from the start [`binary_byte`] counts the controls of.
const SAMPLE: usize = 64 * 1024;

/// Whether `b` is a control character that text holds only by mistake: one but line feed,
/// carriage return, tab and form feed.
fn is_control(b: u8) -> bool {
    b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)
}

/// The bytes of `x` below 0x20 or equal to 0x7f (DEL), as their high bits (no other bit is
/// set): the ASCII controls. Below 0x20: the high bit clear and the low seven bits plus 0x60
/// below 0x80, exact per byte as no sum reaches 0x100.
fn ascii_control_bytes(x: u64) -> u64 {
    (!((x & !HIGHS) + ONES * 0x60) & !x & HIGHS) | bytes_equal(x, 0x7f)
}

/// The bytes of `x` that [`is_control`] holds, as their high bits (no other bit is set): the
/// ASCII controls but the four whitespace ones.
fn control_bytes(x: u64) -> u64 {
    let whitespace = bytes_equal(x, b'\n')
        | bytes_equal(x, b'\r')
        | bytes_equal(x, b'\t')
        | bytes_equal(x, 0x0c);
    ascii_control_bytes(x) & !whitespace
}

/// The offset of the first NUL of `b`, eight bytes at a time: the byte loop's answer.
fn first_nul(b: &[u8]) -> Option<usize> {
    bytes_marked(b, 0, |x| bytes_equal(x, 0)).next()
}

/// How many bytes of `b` [`is_control`] holds, or `Err` with the offset of its first NUL;
/// eight bytes at a time. Most words of a text hold no ASCII control at all (NUL is one), and
/// only those that do are looked at further.
fn nul_or_control_count(b: &[u8]) -> std::result::Result<usize, usize> {
    let (words, tail) = b.as_chunks::<8>();
    let mut n = 0;
    for (k, w) in words.iter().enumerate() {
        let x = u64::from_le_bytes(*w);
        if ascii_control_bytes(x) == 0 {
            continue;
        }
        let nul = bytes_equal(x, 0);
        if nul != 0 {
            return Err(k * 8 + (nul.trailing_zeros() / 8) as usize);
        }
        n += control_bytes(x).count_ones() as usize;
    }
    if let Some(p) = tail.iter().position(|&c| c == 0) {
        return Err(words.len() * 8 + p);
    }
    Ok(n + tail.iter().filter(|&&c| is_control(c)).count())
}

/// Hex SHA-256 of `bytes`: the content key of a source file.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes).iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252() {
        assert_eq!(
            decode(b"H\xe4lso- och sjukv\xe5rdsn\xe4mnden").as_deref(),
            Ok("Hälso- och sjukvårdsnämnden")
        );
        assert_eq!(decode("§ 92 Hälsa".as_bytes()).as_deref(), Ok("§ 92 Hälsa"));
        assert_eq!(decode(b"\xef\xbb\xbf\xc2\xa7 1").as_deref(), Ok("§ 1"));
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b"abc\x00def"), Err(3));
        let p = Path::new("x.txt");
        assert!(matches!(from_bytes(p, b"  \n"), Err(Error::Empty { .. })));
        assert!(matches!(from_bytes(p, b"%PDF-1.7"), Err(Error::Extract { .. })));
        // A note that quotes a PDF header is text.
        let note = from_bytes(p, "Filen börjar med %PDF-1.7 och är trasig.\n".as_bytes());
        assert_eq!(note.map(|s| s.info.format).ok().as_deref(), Some("text"));
        assert!(matches!(from_bytes(p, b"PK\x03\x04\0\0"), Err(Error::Extract { .. })));
    }

    /// The byte-by-byte form of [`binary_byte`], as it was written before the word scans.
    fn binary_byte_bytewise(bytes: &[u8]) -> Option<usize> {
        if let Some(p) = bytes.iter().position(|&b| b == 0) {
            return Some(p);
        }
        let sample = &bytes[..bytes.len().min(64 * 1024)];
        let n = sample.iter().filter(|&&c| is_control(c)).count();
        (n * 100 > sample.len()).then(|| sample.iter().position(|&c| is_control(c)).unwrap_or(0))
    }

    #[test]
    fn word_scans_match_byte_scans() {
        for c in 0..=255u8 {
            let x = u64::from_le_bytes([c, 0x80, c, 0x7f, 0xff, c, 0x20, 0x1f]);
            let (nul, control) = (bytes_equal(x, 0), control_bytes(x));
            for (k, y) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(nul >> (8 * k + 7) & 1 == 1, *y == 0, "{c} {k}");
                assert_eq!(control >> (8 * k + 7) & 1 == 1, is_control(*y), "{c} {k}");
            }
        }
        let mut texts: Vec<Vec<u8>> = vec![Vec::new(), b"abc\x00def".to_vec()];
        let prose = "Kommunfullm\u{e4}ktige \u{a7} 12\r\n\tBeslut:\x0c\n".as_bytes();
        for len in 0..40 {
            for (at, c) in [(len / 2, 0u8), (len / 3, 1), (len, 0x7f)] {
                let mut t: Vec<u8> = prose.iter().copied().cycle().take(len + 1).collect();
                t[at] = c;
                texts.push(t.clone());
                t.truncate(len);
                texts.push(t);
            }
        }
        for len in [SAMPLE - 9, SAMPLE - 1, SAMPLE, SAMPLE + 1, SAMPLE + 9] {
            for at in [SAMPLE - 9, SAMPLE - 1, SAMPLE, SAMPLE + 1, SAMPLE + 9] {
                let mut t: Vec<u8> = prose.iter().copied().cycle().take(SAMPLE + 20).collect();
                t[at] = 0;
                t[at / 2] = 1;
                t.truncate(len);
                texts.push(t);
            }
        }
        let binary: Vec<u8> = (0..70_000u32).map(|k| if k % 90 == 7 { 3 } else { b'a' }).collect();
        let text: Vec<u8> = (0..70_000u32).map(|k| if k % 110 == 7 { 3 } else { b'a' }).collect();
        texts.extend([binary.clone(), text.clone()]);
        for t in &texts {
            assert_eq!(binary_byte(t), binary_byte_bytewise(t), "{t:?}");
            assert_eq!(decode(t), decode_reference(t), "{t:?}");
        }
        assert_eq!(binary_byte(&binary), Some(7));
        assert_eq!(binary_byte(&text), None);
    }

    /// `decode` as it was written before it kept the bytes it was handed: a BOM sniffed, a
    /// UTF-8 one skipped, binary refused, UTF-8 copied, anything else read as Windows-1252.
    fn decode_reference(bytes: &[u8]) -> std::result::Result<String, usize> {
        if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes)
            && enc != encoding_rs::UTF_8
        {
            return Ok(enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned());
        }
        let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        if let Some(offset) = binary_byte_bytewise(body) {
            return Err(offset + (bytes.len() - body.len()));
        }
        match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Ok(encoding_rs::WINDOWS_1252.decode(body).0.into_owned()),
        }
    }

    #[test]
    fn double_encoded_utf8_is_undone() {
        let real = "Sammanträdesdatum 2024-03-12\n§ 12 Örebro – Åre, Ärende för Öberg";
        let latin_1: String = real.bytes().map(char::from).collect();
        let windows_1252 = encoding_rs::WINDOWS_1252.decode(real.as_bytes()).0.into_owned();
        assert!(windows_1252.contains("Ã–rebro") && latin_1.contains("Â§"));
        assert_eq!(decode(latin_1.as_bytes()).as_deref(), Ok(real));
        assert_eq!(decode(windows_1252.as_bytes()).as_deref(), Ok(real));
        // A real letter beside the pair, or a pair that is no UTF-8: left as written.
        for kept in ["Ã¤ och ä", "SÃO PAULO Ã", "Ã\u{a4}\u{a4}"] {
            assert_eq!(decode(kept.as_bytes()).as_deref(), Ok(kept));
        }
    }

    #[test]
    fn owned_bytes_decode_as_borrowed() {
        let p = Path::new("x.txt");
        for b in [
            b"H\xe4lso- och sjukv\xe5rdsn\xe4mnden".as_slice(),
            "\u{a7} 92 H\u{e4}lsa".as_bytes(),
            b"\xef\xbb\xbf\xc2\xa7 1",
            b"\xef\xbb\xbf\xef\xbb\xbf\xe4",
            b"\xff\xfe\xa7\x00 \x001\x00",
            b"abc\x00def",
            b"\xef\xbb\xbfabc\x00def",
            b"  \n",
            b"%PDF-1.7",
            "Filen b\u{f6}rjar med %PDF-1.7 och \u{e4}r trasig.\n".as_bytes(),
        ] {
            let sha = sha256_hex(b);
            assert_eq!(decode(b), decode_reference(b), "{b:?}");
            let owned = from_owned_bytes(p, b.to_vec(), sha.clone());
            let borrowed = from_hashed_bytes(p, b, sha);
            assert_eq!(format!("{owned:?}"), format!("{borrowed:?}"), "{b:?}");
        }
    }
}
