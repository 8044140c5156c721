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
    let words = text.split_whitespace().count();
    words <= 6
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with(['.', ',', ';', '-'])
        && !text.contains('\t')
}

/// Joins lines into prose: wrapped lines become one paragraph, a blank line, a list item or a
/// heading-like line starts a new one (`\n` between paragraphs). Column tabs become spaces.
#[must_use]
pub fn prose(lines: &[&Line]) -> String {
    let mut out = String::new();
    let mut prev: Option<&str> = None;
    for line in lines {
        if line.is_blank() {
            if prev.is_some() {
                out.push('\n');
            }
            prev = None;
            continue;
        }
        let text = line.text.replace('\t', " ");
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
    out.trim_end().to_string()
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "t.ex", "bl.a", "m.m", "m.fl", "s.k", "kl", "ca", "nr", "tf", "jfr", "resp", "ang", "enl",
    "st", "kap", "prop", "dnr", "d.v.s", "dvs", "fr.o.m", "t.o.m", "p.g.a", "pga", "o.s.v", "osv",
    "f.d", "ev", "inkl", "exkl", "tel", "s", "sid", "ordf", "bitr", "sekr",
];

/// Splits prose into sentences at `.`, `!`, `?` followed by a space and a capital or digit,
/// and at paragraph breaks; abbreviations (`t.ex.`, `kl.`, `m.m.`) do not end one.
#[must_use]
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut start = 0;
        let chars: Vec<(usize, char)> = para.char_indices().collect();
        for (k, &(at, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let next_space = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ');
            let next_cap = chars.get(k + 2).is_some_and(|&(_, n)| {
                n.is_uppercase() || n.is_ascii_digit() || n == '"' || n == '”'
            });
            if !(next_space && next_cap) {
                continue;
            }
            let word_start =
                super::lexical::after_last(&para[..at], |ch| ch.is_whitespace() || ch == '(');
            let word = para[word_start..at].to_lowercase();
            if c == '.'
                && (ABBREVIATIONS.contains(&word.as_str())
                    || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic)))
            {
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

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line { no: i as u32 + 1, text: t.to_string() })
            .collect()
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
    fn splits_sentences() {
        assert_eq!(
            sentences("Mötet började kl. 9. Ordföranden hälsade t.ex. alla välkomna. Se § 3."),
            ["Mötet började kl. 9.", "Ordföranden hälsade t.ex. alla välkomna.", "Se § 3."]
        );
    }
}
