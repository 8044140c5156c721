//! protokoll: Swedish municipal and regional meeting minutes as structured data.
//!
//! ```text
//! PATH ─corpus::walk─▶ PathBuf ─source::read─▶ Source { info, text }       (I/O; may fail → Error)
//!      ─normalize::normalize─▶ Normalized { lines: [Line { no, text }] }   (pure; infallible)
//!      ─parse::document─▶ Document { paragraphs, attendees, warnings, … }  (pure; infallible)
//!      ─serde─▶ `protokoll parse --json` (the contract in SCHEMA.md)
//! ```
//!
//! ```
//! let doc = protokoll::parse_str("§ 12 Val av justerare\n\nNämnden beslutar\n\natt utse Anna Ek (S) att justera protokollet.").value;
//! assert_eq!(doc.paragraphs[0].number, Some(12));
//! assert_eq!(doc.paragraphs[0].decision.as_ref().map(|d| d.clauses.len()), Some(1));
//! ```

pub mod corpus;
pub mod error;
pub mod extract;
pub mod index;
pub mod model;
pub mod normalize;
pub mod parse;
mod scan;
pub mod source;

use std::path::Path;

pub use error::{Error, Result};
pub use model::Document;
pub use parse::{Parsed, parse_str};

/// Reads and parses one file.
///
/// # Errors
/// When the file cannot be read or is not text (see [`source::read`]); parsing itself never fails.
pub fn parse_file(path: &Path) -> Result<Document> {
    let src = source::read(path)?;
    Ok(parse::document(&src.text, src.info))
}
