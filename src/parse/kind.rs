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

/// Whether a line certifies the text as an extract, as the secretary stamps it under the
/// signatures, at the start of a line: `Rätt utdraget betygar`, `Utdraget
/// bestyrkes`, `Utdragets riktighet intygas` (the footer's empty `Utdragsbestyrkande` cell,
/// printed on every page of a protocol too, is none). Looked for in the text's last forty
/// lines and its head.
fn certified_extract(lines: &[Line], head: &[&Line]) -> bool {
    let stamp = |line: &str| {
        // ASCII letters compared in either case, the `ä` of `Rätt` in both.
        let b = line.as_bytes();
        let at_start =
            |p: &str| b.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p.as_bytes()));
        (at_start("utdraget")
            && (at_start("utdraget bestyrk")
                || at_start("utdragets riktighet")
                || at_start("utdraget intyga")))
            || at_start("rätt utdraget")
            || at_start("RÄTT UTDRAGET")
    };
    let foot = lines.iter().rev().filter(|l| !l.is_blank()).take(40);
    foot.chain(head.iter().copied()).any(|l| stamp(&l.text))
}

/// Decides the kind of a document from its lines, the page furniture set aside from them
/// (a page header repeated on every page, `SAMMANTRÄDESPROTOKOLL`, is the head's word for the
/// document as much as a line kept), the first paragraph's title and the framer's signals.
#[must_use]
pub fn kind(lines: &[Line], furniture: &[Line], title: &str, s: Signals) -> Kind {
    // The framer's signals alone make most documents protocols: the words of the text are
    // looked for only when they do not (the first test below, read before the rest).
    if s.headings >= 2 || (s.attendees && s.headings != 1) {
        return Kind::Protocol;
    }
    // The first lines, kept or set aside, in the text's order (both lists are in it).
    let mut head: Vec<&Line> = Vec::with_capacity(30);
    let (mut kept, mut aside) = (
        lines.iter().filter(|l| !l.is_blank()).peekable(),
        furniture.iter().filter(|l| !l.is_blank()).peekable(),
    );
    while head.len() < 30 {
        let next = match (kept.peek(), aside.peek()) {
            (Some(k), Some(a)) if a.no < k.no => aside.next(),
            (Some(_), _) => kept.next(),
            (None, _) => aside.next(),
        };
        let Some(l) = next else { break };
        head.push(l);
    }
    let (extract_in_head, says_letter, says_protocol) = head_words(&head);
    // "paragrafen är justerad" lower-cased holds these ASCII letters, from themselves alone.
    let all_lower = |needle: &str| {
        lines.iter().any(|l| {
            crate::scan::contains_bytes(l.text.as_bytes(), b"justerad", false)
                && contains_ascii_ci(&l.text, "paragrafen ")
                && super::text::lower_case(&l.text).contains(needle)
        })
    };
    let says_extract =
        extract_in_head || all_lower("paragrafen är justerad") || certified_extract(lines, &head);
    // A protocol of one § (a council's short meeting, or the one § a flattened page let the
    // framer find) is told from an extract by its attendance list: an extract copies the
    // paragraph and its page header, not the meeting's first page.
    if says_protocol && (s.headings != 1 || s.attendees) && !says_extract {
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
        kind(&crate::normalize::test_lines(text), &[], "", Signals::default())
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

    /// A protocol of one § with its attendance list is a protocol; without it, or certified as
    /// an extract, an extract.
    #[test]
    fn a_protocol_of_one_paragraph() {
        let with = |text: &str, attendees: bool| {
            let s = Signals { headings: 1, attendees, decision: true, letterhead: false };
            kind(&crate::normalize::test_lines(text), &[], "", s)
        };
        let head = "PROTOKOLL\nKommunala pensionärsrådet\nSammanträdesdatum 2024-03-12";
        assert_eq!(with(head, true), Kind::Protocol);
        assert_eq!(with(head, false), Kind::ProtocolExtract);
        let certified = format!("{head}\n\nRätt utdraget betygar\nMaria Lund");
        assert_eq!(with(&certified, true), Kind::ProtocolExtract);
        assert_eq!(with(&format!("{head}\nUtdraget bestyrkes:"), true), Kind::ProtocolExtract);
        let footer = format!("{head}\nJusterandes sign\tUtdragsbestyrkande");
        assert_eq!(with(&footer, true), Kind::Protocol);
        assert_eq!(with("Protokollsutdrag\nKommunstyrelsen", true), Kind::ProtocolExtract);
        // The page header that says so was set aside as furniture.
        let lines = crate::normalize::test_lines("\nSocialnämnden\nPlats och tid Kommunhuset");
        let furniture = crate::normalize::test_lines("SAMMANTRÄDESPROTOKOLL");
        let s = Signals { headings: 1, attendees: true, decision: true, letterhead: false };
        assert_eq!(kind(&lines, &furniture, "", s), Kind::Protocol);
        assert_eq!(kind(&lines, &[], "", s), Kind::ProtocolExtract);
    }
}
