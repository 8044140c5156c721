//! Expedition lists: the recipients under "Expedieras till", "Beslutet skickas till",
//! "Protokollsutdrag skickas till", "Exp till".
//!
//! Recipients are split on commas, semicolons, line breaks and a final "och" — never inside an
//! elided compound such as "Hälso- och sjukvårdsdirektör".

use crate::normalize::Line;

/// Splits one recipient text at its final " och ", unless the "och" closes an elided compound
/// (`Hälso- och sjukvårdsdirektör`) or joins lower-case words of one name (`Vård och omsorg`).
///
/// The last " och " that closes no elided compound is the cut: `Socialnämnden och Kultur- och
/// fritidsnämnden` → `Socialnämnden`, `Kultur- och fritidsnämnden`.
fn split_final_och(item: &str, in_list: bool) -> Vec<String> {
    let mut end = item.len();
    while let Some(at) = item[..end].rfind(" och ") {
        end = at;
        let left = item[..at].trim();
        if left.ends_with('-') {
            continue;
        }
        let right = item[at + 5..].trim();
        let right_capital = right.chars().next().is_some_and(char::is_uppercase);
        if !left.is_empty() && !right.is_empty() && (right_capital || in_list) {
            return vec![left.to_string(), right.to_string()];
        }
        break;
    }
    vec![item.to_string()]
}

/// The recipients written in `value` (after the label, on its line) and the lines under it.
///
/// Lines are joined where one wraps into the next (it ends with a comma, or the next begins in
/// lower case or with "och"); the list ends at the first blank line after some recipients.
/// Example: `Regiondirektör, hälso- och sjukvårdsdirektör, utvecklingsstrateg HSD-stab`.
#[must_use]
pub fn recipients(value: &str, lines: &[&Line]) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    if !value.trim().is_empty() {
        rows.push(value.trim().to_string());
    }
    for line in lines {
        if line.is_blank() {
            if rows.is_empty() {
                continue;
            }
            break;
        }
        let text = line.text.replace('\t', ", ");
        let text = text.trim_start_matches(['-', '•', '–']).trim();
        let wraps = rows.last().is_some_and(|prev| {
            prev.ends_with(',')
                || prev.ends_with('-')
                || text.starts_with("och ")
                || text.starts_with(|c: char| c.is_lowercase())
        });
        match rows.last_mut() {
            Some(prev) if wraps => {
                prev.push(' ');
                prev.push_str(text);
            }
            _ => rows.push(text.to_string()),
        }
    }
    let mut out = Vec::new();
    for row in rows {
        let items: Vec<&str> =
            row.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).collect();
        let in_list = items.len() > 1;
        let n = items.len();
        for (k, item) in items.into_iter().enumerate() {
            let item = item.trim_end_matches('.').trim();
            let item = item.strip_prefix("och ").unwrap_or(item);
            if k + 1 == n {
                out.extend(split_final_och(item, in_list));
            } else if !item.is_empty() {
                out.push(item.to_string());
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::test_lines as lines;

    #[track_caller]
    fn check(value: &str, text: &str, expected: &[&str]) {
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(recipients(value, &refs), expected);
    }

    #[test]
    fn lists() {
        check(
            "",
            "\nRegiondirektör, hälso- och sjukvårdsdirektör, utvecklingsstrateg HSD-stab\n\nBeslutsunderlag",
            &["Regiondirektör", "hälso- och sjukvårdsdirektör", "utvecklingsstrateg HSD-stab"],
        );
        check(
            "",
            "Hälso- och sjukvårdsdirektör, Hälso- och sjukvårdsdirektörens närstöd, Ekonomicontroller\noch Enhetschef sekretariatet.",
            &[
                "Hälso- och sjukvårdsdirektör",
                "Hälso- och sjukvårdsdirektörens närstöd",
                "Ekonomicontroller",
                "Enhetschef sekretariatet",
            ],
        );
        check(
            "",
            "Kommunstyrelsen\nEkonomikontoret\nAkten",
            &["Kommunstyrelsen", "Ekonomikontoret", "Akten"],
        );
        check("Akten", "", &["Akten"]);
        check("", "Vård och omsorg", &["Vård och omsorg"]);
        check(
            "Socialnämnden och Kultur- och fritidsnämnden",
            "",
            &["Socialnämnden", "Kultur- och fritidsnämnden"],
        );
        check("Hälso- och sjukvårdsdirektör", "", &["Hälso- och sjukvårdsdirektör"]);
        check(
            "Ekonomienheten, Hälso- och sjukvårdsnämnden och Vård- och omsorgsnämnden",
            "",
            &["Ekonomienheten", "Hälso- och sjukvårdsnämnden", "Vård- och omsorgsnämnden"],
        );
    }
}
