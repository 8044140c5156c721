//! Character-level cleaning of one line: Unicode form, odd spaces, soft hyphens, markdown.
//!
//! Works on single lines only; joining lines (emphasis spans, hyphenation) is `mod.rs`'s job.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Cleans one source line.
///
/// - NFC, so `a` + combining ring becomes `å`;
/// - NBSP and other fixed-width spaces become a space; soft hyphens and zero-width characters
///   vanish; Unicode hyphens become `-`;
/// - markdown emphasis (`**`, `*`, `__`), heading marks (`## `) and escapes (`\-`) go;
///   a `* ` bullet becomes `- `;
/// - a tab, or three or more spaces (a column gap in `pdftotext -layout` output), becomes
///   one tab; other runs of spaces become one space; the ends are trimmed.
#[must_use]
pub fn clean_line(raw: &str) -> String {
    let trimmed = raw.trim_matches(' ');
    if is_plain(trimmed) {
        return nfc(trimmed).into_owned();
    }
    let mut s: String = nfc(raw)
        .chars()
        .filter_map(|c| match c {
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{2060}' => None,
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{2002}' | '\u{2003}' | '\r'
            | '\u{c}' => Some(' '),
            '\u{2010}' | '\u{2011}' => Some('-'),
            '\u{f0b7}' | '\u{2022}' | '\u{25cf}' | '\u{25aa}' | '\u{2023}' => Some('•'),
            c => Some(c),
        })
        .collect();
    // Stripping can uncover more markup ("*#" → "#"); a few rounds reach the fixed point.
    for _ in 0..4 {
        let next = nfc(&collapse_spaces(&strip_markdown(&s))).into_owned();
        let done = next == s || !next.contains(['*', '#', '_', '\\', '•']);
        s = next;
        if done {
            break;
        }
    }
    s
}

/// Whether a line needs nothing but trimming: no odd spaces or hyphens, no markup, no tabs or
/// runs of spaces (the common case, checked in one pass).
fn is_plain(s: &str) -> bool {
    let mut prev_space = false;
    for c in s.chars() {
        let odd = match c {
            ' ' => prev_space,
            '*' | '#' | '_' | '\\' => true,
            c if c.is_whitespace() || c.is_control() => true,
            c if c.is_ascii() => false,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{2060}'
            | '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{2002}' | '\u{2003}'
            | '\u{2010}' | '\u{2011}' | '\u{f0b7}' | '\u{2022}' | '\u{25cf}' | '\u{25aa}'
            | '\u{2023}' => true,
            _ => false,
        };
        if odd {
            return false;
        }
        prev_space = c == ' ';
    }
    // "- " and "• " bullets are kept as they are; "* " was caught above.
    true
}

/// NFC, without the work where the text is already in that form (nearly always).
fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Removes markdown markup that PDF-to-markdown conversion adds.
fn strip_markdown(s: &str) -> String {
    let t = s.trim_start();
    let mut out = String::with_capacity(s.len());
    let body = if let Some(rest) = t.strip_prefix("* ").or_else(|| t.strip_prefix("• ")) {
        out.push_str("- ");
        rest
    } else if t.starts_with('#') {
        t.trim_start_matches('#').trim_start()
    } else {
        t
    };
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => {}
            '_' if chars.peek() == Some(&'_') => {
                while chars.peek() == Some(&'_') {
                    chars.next();
                }
            }
            // A markdown escape (`\-`, `\*`): the backslash goes, the character is read as usual.
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {}
            c => out.push(c),
        }
    }
    out
}

/// Collapses spaces; a tab or 3+ spaces is a column gap and becomes one tab.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = 0usize;
    let mut tab = false;
    for c in s.chars() {
        if c == ' ' || c == '\t' {
            run += 1;
            tab |= c == '\t';
            continue;
        }
        if run > 0 && !out.is_empty() {
            out.push(if tab || run >= 3 { '\t' } else { ' ' });
        }
        run = 0;
        tab = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean_line;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(clean_line(input), expected);
    }

    #[test]
    fn markdown() {
        check(
            "§ 92 **Reviderad verksamhetsplan 2024–2026**",
            "§ 92 Reviderad verksamhetsplan 2024–2026",
        );
        check("- *Rättspsykiatriska regionkliniken", "- Rättspsykiatriska regionkliniken");
        check("Datum **Dnr**", "Datum Dnr");
        check("## Beslut", "Beslut");
        check("* Akten", "- Akten");
    }

    #[test]
    fn spaces() {
        check("Elina Backlund Arab (S)\tOrdförande", "Elina Backlund Arab (S)\tOrdförande");
        check("Beslutande      Anna Ek (S)", "Beslutande\tAnna Ek (S)");
        check(
            " Uppföljning av hälso- och  sjukvårdsnämndens ",
            "Uppföljning av hälso- och sjukvårdsnämndens",
        );
        check("Samman\u{ad}ställning\u{a0}av", "Sammanställning av");
        check("Sta\u{30a}ngby", "Stångby");
    }
}
