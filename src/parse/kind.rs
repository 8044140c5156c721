//! What kind of document a text is: full protocol, protocol extract, official letter, report.
//!
//! Decided from a few signals the framer has already found (the number of § headings, an
//! attendance list, a decision, a letterhead) and the words a document uses of itself in its
//! first lines ("Protokollsutdrag", "Tjänsteskrivelse", "Sammanträdesprotokoll").

use crate::model::Kind;
use crate::normalize::Line;

/// What the framer found that tells the kind.
#[derive(Debug, Clone, Copy, Default)]
pub struct Signals {
    /// Number of § headings.
    pub headings: usize,
    /// An attendance list was read.
    pub attendees: bool,
    /// Some paragraph records a decision.
    pub decision: bool,
    /// The text starts with a letterhead (contact details, a handläggare).
    pub letterhead: bool,
}

/// Words a report's title starts with or contains.
const REPORT_WORDS: &[&str] = &[
    "rapport",
    "uppföljning",
    "redovisning",
    "analys",
    "utvärdering",
    "årsberättelse",
    "verksamhetsberättelse",
    "bokslut",
    "granskning",
    "revisionsrapport",
];

/// Decides the kind of a document.
#[must_use]
pub fn kind(lines: &[Line], title: &str, s: Signals) -> Kind {
    let head: String = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(30)
        .map(|l| l.text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    let all_lower = |needle: &str| {
        lines.iter().any(|l| l.text.contains("justerad") && l.text.to_lowercase().contains(needle))
    };
    let says_extract = head.contains("protokollsutdrag")
        || head.contains("utdrag ur protokoll")
        || head.contains("utdrag ur sammanträdesprotokoll")
        || all_lower("paragrafen är justerad");
    let says_letter = ["tjänsteskrivelse", "ärendeskrivelse", "missiv", "skrivelse"]
        .iter()
        .any(|w| head.lines().take(12).any(|l| l.starts_with(w)));
    let says_protocol = head.contains("sammanträdesprotokoll")
        || head.lines().any(|l| l.starts_with("protokoll") && !l.starts_with("protokollsutdrag"));
    if s.headings >= 2
        || (s.attendees && s.headings != 1)
        || (says_protocol && s.headings != 1 && !says_extract)
    {
        return Kind::Protocol;
    }
    if says_extract || s.headings == 1 || (s.decision && !s.letterhead) {
        return Kind::ProtocolExtract;
    }
    if says_letter || s.letterhead {
        return Kind::OfficialLetter;
    }
    let t = title.to_lowercase();
    if REPORT_WORDS.iter().any(|w| t.contains(w)) {
        return Kind::Report;
    }
    Kind::Unknown
}
