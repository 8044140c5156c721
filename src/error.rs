//! Errors of the operations that can truly fail: reading a file, extracting its text, walking a
//! folder, the index.
//!
//! Parsing has no error type: it returns a document and warnings (see [`crate::parse`]).
//! Every error names the path it concerns, so one line on stderr says what went wrong where.

use std::io;
use std::path::PathBuf;

/// A fatal error for one input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The file is empty.
    #[error("{}: empty file", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is binary, not text.
    #[error("{}: not a text file (binary content at byte {offset})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Where the first binary byte is.
        offset: usize,
    },
    /// A PDF or DOCX that gave no text: encrypted, damaged, a scan, not a Word document.
    #[error("{}: {source}", path.display())]
    Extract {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: crate::extract::ExtractError,
    },
    /// The file is larger than any minutes document, so it is not read at all.
    #[error("{}: too large ({} MB; documents over {} MB are not read)", path.display(), bytes / 1_000_000, limit / 1_000_000)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The index could not be opened, read or written.
    #[error("index {}: {message}", path.display())]
    Index {
        /// The index folder.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Another process is writing the index.
    #[error("index {} is locked: another `protokoll index` is running", path.display())]
    Locked {
        /// The index folder.
        path: PathBuf,
    },
    /// There is no index in the folder.
    #[error("no index in {} (run `protokoll index` first)", path.display())]
    NoIndex {
        /// The index folder.
        path: PathBuf,
    },
    /// The index was written by another schema version.
    #[error("index {} was written by another version of protokoll (run `protokoll index` to rebuild it)", path.display())]
    OldIndex {
        /// The index folder.
        path: PathBuf,
    },
    /// A part of the index beside tantivy's files cannot be read.
    #[error("index {} is damaged ({reason}); run `protokoll index` to rebuild it", path.display())]
    DamagedIndex {
        /// The index folder.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A query could not be understood.
    #[error("query: {message}")]
    Query {
        /// What was wrong, pointing at the problem.
        message: String,
    },
    /// A folder could not be walked.
    #[error("{}: {message}", path.display())]
    Walk {
        /// The folder or entry.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Results of fatal operations.
pub type Result<T> = std::result::Result<T, Error>;
