//! Text out of the formats minutes are published in: PDF and DOCX, recognised by content.
//!
//! Both extractors are pure functions of the file's bytes and give plain text in the shape the
//! normaliser already reads: one line per printed line (PDF) or paragraph (DOCX), a blank line
//! between blocks, a tab between table cells or columns, and a form feed (`\x0c`) at the start
//! of every page after the first, as `pdftotext` writes it. The normaliser turns the form feeds
//! into page numbers and uses them to recognise page furniture.
//!
//! Whatever the bytes, an extractor returns text or an [`ExtractError`] that says what is
//! wrong in words a user can act on; it never panics (a property test feeds it damaged files).

pub mod docx;
pub mod pdf;

/// What a file's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or markdown, in any of the encodings [`crate::source::decode`] reads.
    Text,
    /// A PDF: `%PDF-` near the start.
    Pdf,
    /// A ZIP archive: a DOCX, or something else packed.
    Zip,
}

impl Format {
    /// Recognises a format by content, never by the file's name: a PDF may start with junk
    /// before its `%PDF-` header (the specification allows 1024 bytes of it).
    #[must_use]
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|w| w == b"%PDF-") {
            Format::Pdf
        } else if bytes.starts_with(b"PK\x03\x04") {
            Format::Zip
        } else {
            Format::Text
        }
    }
}

/// Text extracted from a paged format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text; pages after the first start with `\x0c`.
    pub text: String,
    /// How many pages the file has, where the format knows (PDF always; DOCX only when it
    /// records page breaks).
    pub pages: Option<u32>,
}

/// Why a PDF or DOCX gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The PDF is encrypted and does not open with an empty password.
    #[error("encrypted PDF: it needs a password")]
    Encrypted,
    /// The PDF's structure cannot be read (truncated, damaged, not really a PDF).
    #[error("damaged PDF: {0}")]
    DamagedPdf(String),
    /// The pages hold no text to speak of: a scan.
    #[error("no text layer: needs OCR ({pages} page(s), {letters} letters of text)")]
    NoTextLayer {
        /// Pages in the file.
        pages: u32,
        /// Letters found on all of them.
        letters: usize,
    },
    /// The text layer decodes to replacement characters: fonts without a Unicode map.
    #[error(
        "unreadable text layer: {bad} of {letters} characters have no Unicode mapping; needs OCR"
    )]
    Unmapped {
        /// Characters that decoded to U+FFFD or a private-use code.
        bad: usize,
        /// All characters decoded.
        letters: usize,
    },
    /// A ZIP archive that is not a Word document.
    #[error("not a DOCX: {0}")]
    NotDocx(String),
    /// A DOCX whose archive or XML cannot be read.
    #[error("damaged DOCX: {0}")]
    DamagedDocx(String),
}

/// The checks every extractor ends with: enough letters per page, and letters that decoded.
///
/// # Errors
/// [`ExtractError::NoTextLayer`] for fewer than 20 letters a page on average;
/// [`ExtractError::Unmapped`] when over a third of the characters are U+FFFD or private-use.
pub fn check_text_layer(text: &str, pages: u32) -> Result<(), ExtractError> {
    let (mut letters, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        if c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c) {
            bad += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if bad * 3 > letters + bad && bad > 0 {
        return Err(ExtractError::Unmapped { bad, letters: letters + bad });
    }
    if letters < 20 * pages.max(1) as usize {
        return Err(ExtractError::NoTextLayer { pages, letters });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(Format::sniff(b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(Format::sniff(b"\xef\xbb\xbf junk %PDF-1.4"), Format::Pdf);
        assert_eq!(Format::sniff(b"PK\x03\x04\x14\x00"), Format::Zip);
        assert_eq!(Format::sniff("§ 92 Reviderad verksamhetsplan".as_bytes()), Format::Text);
    }

    #[test]
    fn text_layer_checks() {
        let page = "Hälso- och sjukvårdsnämnden beslutar att godkänna rapporten.";
        assert_eq!(check_text_layer(page, 1), Ok(()));
        assert!(matches!(check_text_layer("  12  ", 3), Err(ExtractError::NoTextLayer { .. })));
        let unmapped = "\u{fffd}".repeat(40) + "abc";
        assert!(matches!(check_text_layer(&unmapped, 1), Err(ExtractError::Unmapped { .. })));
    }
}
