//! Reading a document: the only file reading on the parse path.
//!
//! Bytes are hashed (SHA-256, the key for incremental indexing) and their format recognised by
//! content, never by the file's name ([`Format::sniff`]): a PDF or DOCX goes to its extractor
//! ([`crate::extract`]), text is decoded — UTF-8 (with or without BOM), UTF-16 with a BOM, else
//! Windows-1252, the common encoding of older Swedish archives (a superset of Latin-1's
//! printable range). Binary, empty and oversized files are refused with an error naming the
//! file.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::extract::{self, Format};
use crate::model::SourceInfo;

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
    from_bytes(path, &bytes)
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
    let empty = || Error::Empty { path: path.to_path_buf() };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    let extracted = |r: std::result::Result<extract::Extracted, extract::ExtractError>| {
        r.map(|e| e.text).map_err(|source| Error::Extract { path: path.to_path_buf(), source })
    };
    let (text, format) = match Format::sniff(bytes) {
        // A text that quotes a PDF header near its start is still text: a PDF proper starts
        // with its header, and one that does not only counts as one when it reads as one.
        Format::Pdf if !bytes.starts_with(b"%PDF-") => match extract::pdf::text(bytes) {
            Ok(e) => (e.text, "pdf"),
            Err(e) => match decode(bytes) {
                Ok(text) if !text.contains('\u{fffd}') => (text, "text"),
                _ => return Err(Error::Extract { path: path.to_path_buf(), source: e }),
            },
        },
        Format::Pdf => (extracted(extract::pdf::text(bytes))?, "pdf"),
        Format::Zip => (extracted(extract::docx::text(bytes))?, "docx"),
        Format::Text => {
            let text = decode(bytes)
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
        bytes: bytes.len() as u64,
    };
    Ok(Source { info, text })
}

/// Decodes text bytes; `Err(offset)` of the first byte that shows the content is binary.
///
/// # Errors
/// When a NUL byte or other control characters show the bytes are not text.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, usize> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(text.into_owned());
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(offset) = binary_byte(body) {
        return Err(offset + (bytes.len() - body.len()));
    }
    if let Ok(s) = std::str::from_utf8(body) {
        Ok(s.to_string())
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(body);
        Ok(text.into_owned())
    }
}

/// The first byte that no text file holds: NUL, or a control character among many.
fn binary_byte(bytes: &[u8]) -> Option<usize> {
    if let Some(p) = bytes.iter().position(|&b| b == 0) {
        return Some(p);
    }
    let control = |b: &u8| b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c);
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let n = sample.iter().filter(|b| control(b)).count();
    (n * 100 > sample.len()).then(|| sample.iter().position(control).unwrap_or(0))
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
}
