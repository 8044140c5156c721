//! What kind of document a text is: full protocol, protocol extract, official letter, report.
//!
//! Decided from a few signals the framer has already found (the number of § headings, an
//! attendance list, a decision, a letterhead) and the words a document uses of itself in its
//! first lines ("Protokollsutdrag", "Tjänsteskrivelse", "Sammanträdesprotokoll").

use super::lexical::{contains_ascii_ci, starts_with_lower};
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

/// Words a letter's first lines start with.
const LETTER_WORDS: [&str; 7] = [
    "tjänsteskrivelse",
    "tjänsteutlåtande",
    "tjänsteyttrande",
    "ärendeskrivelse",
    "ärendeutlåtande",
    "missiv",
    "skrivelse",
];

/// What the first lines (`head`, non-blank) say of the document: an extract, a letter, a
/// protocol. The words are looked for in each line lower-cased (a [`Line`] holds no line
/// break: the normaliser splits on them).
///
/// Every word looked for inside a line holds `proto`, which a line lower-cased holds only if
/// the line holds it in ASCII letters of either case (no other char lower-cases to these
/// letters): only such lines are lower-cased. The letter words are looked for at the start of
/// the first twelve lines without lower-casing them.
fn head_words(head: &[&Line]) -> (bool, bool, bool) {
    let mut extract = false;
    let mut protocol = false;
    for l in head.iter().filter(|l| contains_ascii_ci(&l.text, "proto")) {
        let lower = super::text::lower_case(&l.text);
        extract |= lower.contains("protokollsutdrag")
            || lower.contains("utdrag ur protokoll")
            || lower.contains("utdrag ur sammanträdesprotokoll");
        protocol |= lower.contains("sammanträdesprotokoll")
            || (lower.starts_with("protokoll") && !lower.starts_with("protokollsutdrag"));
    }
    let letter =
        LETTER_WORDS.iter().any(|w| head.iter().take(12).any(|l| starts_with_lower(&l.text, w)));
    (extract, letter, protocol)
}

/// Decides the kind of a document.
#[must_use]
pub fn kind(lines: &[Line], title: &str, s: Signals) -> Kind {
    // The framer's signals alone make most documents protocols: the words of the text are
    // looked for only when they do not (the first test below, read before the rest).
    if s.headings >= 2 || (s.attendees && s.headings != 1) {
        return Kind::Protocol;
    }
    let head: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).take(30).collect();
    let (extract_in_head, says_letter, says_protocol) = head_words(&head);
    // "paragrafen är justerad" lower-cased holds these ASCII letters, from themselves alone.
    let all_lower = |needle: &str| {
        lines.iter().any(|l| {
            crate::scan::contains_bytes(l.text.as_bytes(), b"justerad", false)
                && contains_ascii_ci(&l.text, "paragrafen ")
                && super::text::lower_case(&l.text).contains(needle)
        })
    };
    let says_extract = extract_in_head || all_lower("paragrafen är justerad");
    if says_protocol && s.headings != 1 && !says_extract {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(text: &str) -> Kind {
        kind(&crate::normalize::test_lines(text), "", Signals::default())
    }

    #[test]
    fn words_of_the_head() {
        assert_eq!(kind_of("KOMMUNSTYRELSEN\nSAMMANTRÄDESPROTOKOLL\n2023-12-07"), Kind::Protocol);
        assert_eq!(kind_of("Protokollsutdrag\nKommunstyrelsen"), Kind::ProtocolExtract);
        assert_eq!(kind_of("Ärendeskrivelse\n2023-12-07"), Kind::OfficialLetter);
        assert_eq!(
            kind_of("Koncernkontoret\nTjänsteutlåtande\nDatum: 2023-09-12"),
            Kind::OfficialLetter
        );
        assert_eq!(kind_of("TJÄNSTEYTTRANDE\n2023-09-12"), Kind::OfficialLetter);
        assert_eq!(kind_of("Text\n\nPARAGRAFEN ÄR justerad"), Kind::ProtocolExtract);
        assert_eq!(kind_of("Text om protokollet"), Kind::Unknown);
    }
}
