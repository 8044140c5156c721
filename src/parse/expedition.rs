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
        let right = item[at + 5..].trim();
        if left.ends_with('-') || inside_company_name(left, right) {
            continue;
        }
        let right_capital = right.chars().next().is_some_and(char::is_uppercase);
        // `Ekonomiavdelningen och kommunfullmäktige`: a body or a usual recipient written in
        // lower case is a recipient of its own, where `Vård och omsorg` is one name.
        let recipient = super::bodies::is_body_word(right)
            || ["revisorerna", "akten", "sökanden", "sökande"].contains(&right);
        // In a list, a part in lower case after `och` is a recipient of its own where it can
        // stand alone (`…, Kansliet och ekonomichefen`), not where it ends a unit's name of
        // two common nouns (`…, Gata och park`, `Kultur och fritid`).
        if !left.is_empty()
            && !right.is_empty()
            && (right_capital || recipient || (in_list && stands_alone(right)))
        {
            return vec![left.to_string(), right.to_string()];
        }
        break;
    }
    vec![item.to_string()]
}

/// The forms of company a name ends in: `AB`, `HB`, `KB` (`Malung-Sälens Vatten och Avfall
/// AB`).
const COMPANY_FORMS: &[&str] = &["AB", "HB", "KB"];

/// Whether a word ends a unit's name, so that a capitalised word after it starts another
/// recipient: a word in the definite form of seven letters or more (`-en`, `-et`, `-na`), a
/// `-fullmäktige`, a company's form (`AB`), or a closing parenthesis (a recipient's note:
/// `Sökanden (delgivningskvitto)`).
/// Not the bare noun that names the kind of what a proper name follows (`Föreningen
/// Bygdegården`, `Stiftelsen Sälenfjällen`), unless a body's name follows it; a compound
/// (`Hembygdsföreningen`) names one unit.
fn ends_unit_name(w: &str, next: &str) -> bool {
    if w.ends_with(')') || COMPANY_FORMS.contains(&w) {
        return true;
    }
    let definite = (["en", "et", "na"].iter().any(|e| w.ends_with(e))
        || w.ends_with("fullmäktige"))
        && w.chars().count() >= 7
        && w.chars().all(char::is_alphabetic);
    definite
        && (!["Föreningen", "Stiftelsen", "Bolaget", "Klubben"].contains(&w)
            || super::bodies::is_body_word(next))
}

/// Whether ` och ` joins two words of one company's name, neither side a recipient by itself:
/// the right side ends in the company's form (`AB`, `HB`, `KB`), the left in a capitalised
/// word that ends no unit's name ([`ends_unit_name`]) and is no company of its own.
///
/// Pattern: `Name Word och Word AB`. Example: `Malung-Sälens Vatten och Avfall AB` stays whole;
/// `Kommunstyrelsen och Mittsverige Vatten AB` is two recipients.
fn inside_company_name(left: &str, right: &str) -> bool {
    fn last(t: &str) -> &str {
        t.rsplit(' ').next().unwrap_or("")
    }
    let (before, after) = (last(left), right.split(' ').next().unwrap_or(""));
    right.contains(' ')
        && COMPANY_FORMS.contains(&last(right))
        && before.starts_with(char::is_uppercase)
        && !COMPANY_FORMS.contains(&before)
        && !ends_unit_name(before, after)
        && !super::bodies::is_body_word(before)
}

/// Whether a recipient written in lower case after `och` is one by itself: several words
/// (`ekonomichef Anna Berg`), a word in the definite form (`ekonomichefen`, `kansliet`,
/// `revisorerna`), or an official's title (`ekonomidirektör`, `controller`), not a common
/// noun that ends a unit's name (`park`, `service`, `fritid`).
fn stands_alone(right: &str) -> bool {
    const TITLES: &[&str] = &[
        "chef",
        "direktör",
        "controller",
        "sekreterare",
        "strateg",
        "ansvarig",
        "handläggare",
        "samordnare",
        "ekonom",
        "utredare",
        "ordförande",
        "revisor",
        "jurist",
        "inspektör",
    ];
    let definite =
        ["en", "et", "na"].iter().any(|e| right.ends_with(e)) && right.chars().count() >= 6;
    right.contains(' ') || definite || TITLES.iter().any(|t| right.ends_with(t))
}

/// Words in lower case inside one recipient's name, before a capitalised word of it:
/// `Länsstyrelsen i Västra Götalands län`, `Kommunstyrelsen för Vallentuna`.
const NAME_CONNECTORS: &[&str] = &[
    "i", "för", "till", "av", "och", "samt", "med", "på", "hos", "inom", "vid", "via", "enligt",
    "från", "under", "om", "mot", "över",
];

/// Recipients set one to a line that a flattened page (a PDF page on one line of a web page)
/// ran together without commas, cut where a word in the definite form of seven letters or more
/// (`-en`, `-et`, `-na`, or `-fullmäktige`), a closing parenthesis (a recipient's note:
/// `Sökanden (delgivningskvitto)`) or a word in lower case other than a connector (`Den valde`,
/// `Samtliga nämnder`) is followed by a capitalised word: the end of one unit's name and the
/// start of the next.
///
/// Pattern: `NAME-EN Name-et …`. Example: `Samhällsbyggnadsnämnden Lantmäteriet Länsstyrelsen`
/// → `Samhällsbyggnadsnämnden`, `Lantmäteriet`, `Länsstyrelsen`. `Länsstyrelsen i Skåne län`,
/// `Region Skåne` and `Anna Berg` stay whole. The recipients are pushed to `out`.
///
/// Only a list that the text does not part otherwise (one row, no commas) is cut after a word
/// in the definite form (`definite_cuts`): in a list of rows or of commas, each row's or item's
/// definite word goes on with the name that follows it (`Länsstyrelsen Dalarna`, `Trafikverket
/// Region Mitt`); a parenthesis or a word in lower case before a capital still ends one.
fn run_together<'a>(item: &'a str, out: &mut Vec<&'a str>, definite_cuts: bool) {
    // A recipient of one word, most of them, is no run.
    if !item.contains(' ') {
        out.push(item);
        return;
    }
    // After a word in lower case, only a capital and a small letter start a name: an
    // abbreviation in capitals goes with it (`utvecklingsstrateg HSD-stab`).
    let ends_lower = |w: &str, next: &str| {
        w.starts_with(char::is_lowercase)
            && !NAME_CONNECTORS.contains(&w)
            && next.chars().nth(1).is_some_and(char::is_lowercase)
    };
    let mut start = 0;
    let mut at = 0;
    let mut prev = "";
    for w in item.split(' ') {
        let unit_end = if definite_cuts { ends_unit_name(prev, w) } else { prev.ends_with(')') };
        if w.starts_with(char::is_uppercase) && (unit_end || ends_lower(prev, w)) {
            out.push(item[start..at].trim());
            start = at;
        }
        if !w.is_empty() {
            prev = w;
        }
        at += w.len() + 1;
    }
    out.push(item[start..].trim());
}

/// A row's purpose heading before the recipients it groups, taken off: `För åtgärd: Tekniska
/// förvaltningen` → `Tekniska förvaltningen`, `För kännedom:` → ``. Only with its colon: a
/// purpose after a recipient (`Kommunstyrelsen för kännedom`) is the recipient's note.
///
/// Pattern: `[För] åtgärd|kännedom|info|information|beslut|verkställighet:`, any case.
fn without_purpose(text: &str) -> &str {
    // Every heading holds a colon: most rows hold none.
    let Some(colon) = text.find(':') else { return text };
    let head = text[..colon].trim();
    let head = super::text::lower_case(head);
    let word = head.strip_prefix("för ").unwrap_or(&head);
    let purposes = ["åtgärd", "kännedom", "info", "information", "beslut", "verkställighet"];
    if purposes.contains(&word) { text[colon + 1..].trim_start() } else { text }
}

/// Whether a line alone in its block may be one recipient of a list set one to a block:
/// a short name that starts with a capital and is no sentence.
///
/// Example: `Lantmäteriet`, `Kommunstyrelsen för kännedom`; not `Ärendet har beretts av
/// förvaltningen som föreslår bifall.`
fn lone_recipient(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['-', '•', '–']).trim_start();
    let body = t.strip_suffix('.').unwrap_or(t);
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().count() <= 60
        && t.split_whitespace().count() <= 6
        && !body.contains(['.', ':', '?', '!', ',', ';', '\t'])
        && super::frame::label(t).is_err()
}

/// Whether the first line of a page goes on with the list the page before ended with: a
/// [`lone_recipient`] with no full stop (`Miljö- och hälsoskyddsförvaltningen`), or with the
/// full stop that ends the list after one word or a body's name (`Kommunfullmäktige.`), which
/// a sentence of prose (`Informationen noteras.`) is not.
fn lone_recipient_over_page(text: &str) -> bool {
    let t = text.trim();
    let Some(name) = t.strip_suffix('.') else { return lone_recipient(t) };
    lone_recipient(t) && (!name.contains(char::is_whitespace) || super::bodies::is_body_name(name))
}

/// Whether a lone line after a blank one is a page's running header rather than a recipient:
/// a body's name that no further lone recipient follows — over a date (`Kommunfullmäktige` /
/// `` / `2004-05-07`), at the paragraph's end or over a letter's block, where the normaliser
/// may have set the date aside as a repeated header.
fn is_running_header(line: &Line, after: &[&Line]) -> bool {
    let t = line.text.trim();
    let names_body = super::bodies::is_body_name(t);
    let Some(j) = after.iter().position(|l| !l.is_blank()) else { return names_body };
    let next = &after[j].text;
    let list_goes_on = after.get(j + 1).is_none_or(|l| l.is_blank())
        && lone_recipient(next)
        && super::lexical::date(next.trim_start()).is_err();
    names_body && !list_goes_on
}

/// The recipients written in `value` (after the label, on its line) and the lines under it.
///
/// Lines are joined where one wraps into the next (it ends with a comma, or the next begins in
/// lower case or with "och"); the list ends at the first blank line after some recipients,
/// unless it is set one recipient to a block (plain `pdftotext` gives `Sökanden` / `` /
/// `Lantmäteriet`): then it goes on while each block is one `lone_recipient` line.
/// A blank line in `page_breaks` (where the normaliser set a page break's furniture aside:
/// [`crate::normalize::Normalized::page_breaks`]) is no end when the next page goes on with a
/// lone recipient that ends in no full stop (`Grannar enligt sändlista` / `-----` / page header
/// / `Miljö- och hälsoskyddsförvaltningen`).
/// In a `flattened` text (a PDF page on one line), whose rows are no lines of the page, a
/// row's recipients may have run together (`run_together`) whatever parts them.
/// Example: `Regiondirektör, hälso- och sjukvårdsdirektör, utvecklingsstrateg HSD-stab`.
#[must_use]
pub fn recipients(
    value: &str,
    lines: &[&Line],
    page_breaks: &[u32],
    flattened: bool,
) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let value = without_purpose(value.trim());
    if !value.is_empty() {
        rows.push(value.to_string());
    }
    // Whether every block so far was one line, and whether a blank line has just ended one.
    let mut one_to_a_block = true;
    let mut after_blank = false;
    let mut block_len = 0;
    for (k, line) in lines.iter().enumerate() {
        if line.is_blank() {
            one_to_a_block &= block_len <= 1 && rows.last().is_none_or(|r| lone_recipient(r));
            block_len = 0;
            let page_goes_on = page_breaks.contains(&line.no)
                && lines.get(k + 1).is_some_and(|next| lone_recipient_over_page(&next.text));
            after_blank = !rows.is_empty() && !page_goes_on;
            continue;
        }
        if after_blank {
            let alone = lines.get(k + 1).is_none_or(|next| next.is_blank());
            if !(one_to_a_block && alone && lone_recipient(&line.text))
                || is_running_header(line, &lines[k + 1..])
            {
                break;
            }
            after_blank = false;
        }
        // An extract's signature under the list (`Rätt utdraget intygar`) ends it.
        if super::lexical::starts_with_lower(&line.text, "rätt utdraget")
            || super::lexical::starts_with_lower(&line.text, "utdragsbestyrkande")
            || super::header::is_closing(&line.text)
        {
            break;
        }
        block_len += 1;
        // A bullet's mark and the column gap after it (`-   Lönenheten` in pandoc's lists).
        let text = line.text.trim_start_matches(['-', '•', '–', '\t', ' ']).replace('\t', ", ");
        let text = without_purpose(text.trim());
        if text.is_empty() {
            continue;
        }
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
    let mut out: Vec<String> = Vec::new();
    // Set one recipient to a row, a row's part after a comma in lower case says which part of
    // the recipient (`Stadskontoret, ekonomiavdelningen`, `Rektorer, samtliga grundskolor`).
    let one_to_a_row = rows.len() >= 2;
    for row in rows {
        let items: Vec<&str> =
            row.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).collect();
        if let [_, part] = items[..]
            && one_to_a_row
            && part.starts_with(char::is_lowercase)
            && !part.starts_with("och ")
        {
            // `Näringsdepartementet Koncernavdelning trafik, infrastruktur och miljö`: a
            // run-together list before the recipient with the part.
            let row = row.trim().trim_end_matches(['.', ',', ';']);
            let mut parts = Vec::new();
            run_together(row, &mut parts, flattened);
            out.extend(parts.into_iter().map(str::to_string));
            continue;
        }
        // Most lists hold no recipient of several words, and are kept as they are.
        let items = if items.iter().any(|i| i.contains(' ')) {
            let mut parts = Vec::with_capacity(items.len());
            let definite_cuts = flattened || (!one_to_a_row && items.len() == 1);
            for i in items {
                run_together(i, &mut parts, definite_cuts);
            }
            parts
        } else {
            items
        };
        let in_list = items.len() > 1;
        let n = items.len();
        for (k, item) in items.into_iter().enumerate() {
            let item = item.trim_end_matches('.').trim();
            let item = item.strip_prefix("och ").unwrap_or(item);
            // `För kännedom: Kommunstyrelsen` inside a row a flattened page ran together.
            let item = without_purpose(item);
            // `Ekonomidirektör, för kännedom`: a purpose after a comma is the recipient's
            // note, never a recipient (none starts with a small "för").
            if k > 0
                && item.starts_with("för ")
                && let Some(prev) = out.last_mut()
            {
                prev.push_str(", ");
                prev.push_str(item);
                continue;
            }
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
        assert_eq!(recipients(value, &refs, &[], false), expected);
    }

    /// A page break inside the list (a converter's `-----` and the next page's header set
    /// aside, a blank line left where they stood) ends it no more than a line break does.
    #[test]
    fn a_list_over_a_page_break() {
        let check_broken = |text: &str, breaks: &[u32], expected: &[&str]| {
            let ls = lines(text);
            let refs: Vec<&Line> = ls.iter().collect();
            assert_eq!(recipients("", &refs, breaks, false), expected, "{text}");
        };
        // `Grannar enligt sändlista` / `-----` / page header / `Miljö- och …`.
        let text =
            "Fastighetsägaren\nGrannar enligt sändlista\n\nMiljö- och hälsoskyddsförvaltningen\n";
        check_broken(
            text,
            &[3],
            &[
                "Fastighetsägaren",
                "Grannar enligt sändlista",
                "Miljö- och hälsoskyddsförvaltningen",
            ],
        );
        check_broken(text, &[], &["Fastighetsägaren", "Grannar enligt sändlista"]);
        // docling: one to a block, the page header between two of them.
        let text = "\nKulturförvaltningen\n\nKommunstyrelsen\n";
        check_broken(text, &[3], &["Kulturförvaltningen", "Kommunstyrelsen"]);
        check_broken(text, &[], &["Kulturförvaltningen"]);
        check_broken(
            "\nKulturförvaltningen\n\nFritidsförvaltningen\n\nKommunstyrelsen\n\nAkten",
            &[3],
            &["Kulturförvaltningen", "Fritidsförvaltningen", "Kommunstyrelsen", "Akten"],
        );
        // Prose on the next page is no recipient.
        check_broken(
            "Fastighetsägaren\nGrannar enligt sändlista\n\nÄrendet har beretts av förvaltningen.",
            &[3],
            &["Fastighetsägaren", "Grannar enligt sändlista"],
        );
        check_broken(
            "Ekonomiavdelningen\nRevisionen\n\nInformationen noteras.",
            &[3],
            &["Ekonomiavdelningen", "Revisionen"],
        );
        // The list's last recipient, with the full stop that ends the list: one word, or a
        // body's name.
        check_broken(
            "Ekonomiavdelningen\nRevisionen\n\nKommunfullmäktige.\n",
            &[3],
            &["Ekonomiavdelningen", "Revisionen", "Kommunfullmäktige"],
        );
        check_broken(
            "Ekonomiavdelningen\n\nMiljö- och hälsoskyddsnämnden.\n",
            &[2],
            &["Ekonomiavdelningen", "Miljö- och hälsoskyddsnämnden"],
        );
    }

    #[test]
    fn a_list_run_together_on_a_flattened_page() {
        check(
            "Samhällsbyggnadsnämnden Lantmäteriet Länsstyrelsen",
            "",
            &["Samhällsbyggnadsnämnden", "Lantmäteriet", "Länsstyrelsen"],
        );
        check("Motionären Kommunstyrelsen", "", &["Motionären", "Kommunstyrelsen"]);
        check(
            "Kommunfullmäktige Barn- och utbildningsnämnden Region Skåne",
            "",
            &["Kommunfullmäktige", "Barn- och utbildningsnämnden", "Region Skåne"],
        );
        check(
            "Sökanden (delgivningskvitto) Grannar enligt sändlista",
            "",
            &["Sökanden (delgivningskvitto)", "Grannar enligt sändlista"],
        );
        check("Länsstyrelsen i Skåne län", "", &["Länsstyrelsen i Skåne län"]);
        check(
            "Den valde Socialnämnden Löneenheten",
            "",
            &["Den valde", "Socialnämnden", "Löneenheten"],
        );
        check(
            "Samtliga nämnder Revisorerna Länsstyrelsen i Västra Götalands län",
            "",
            &["Samtliga nämnder", "Revisorerna", "Länsstyrelsen i Västra Götalands län"],
        );
        // Rows of a flattened page: cut after a definite word too.
        let ls =
            lines("Näringsdepartementet Koncernavdelning trafik, infrastruktur och miljö\nAkten");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(
            recipients("", &refs, &[], true),
            ["Näringsdepartementet", "Koncernavdelning trafik, infrastruktur och miljö", "Akten"]
        );
        // One recipient to a row of a page: the row's name is whole.
        check(
            "",
            "Näringsdepartementet Koncernavdelning trafik, infrastruktur och miljö\nAkten",
            &["Näringsdepartementet Koncernavdelning trafik, infrastruktur och miljö", "Akten"],
        );
        check("Anna Berg", "", &["Anna Berg"]);
        // A kind's name before a proper name is no unit's name of its own.
        check(
            "",
            "Föreningen Bygdegården för kännedom\nEkonomienheten för åtgärd",
            &["Föreningen Bygdegården för kännedom", "Ekonomienheten för åtgärd"],
        );
        check("Hembygdsföreningen Socialnämnden", "", &["Hembygdsföreningen", "Socialnämnden"]);
        check("Hembygdsföreningen Ekonomikontoret", "", &["Hembygdsföreningen", "Ekonomikontoret"]);
        check("Föreningen Socialnämnden", "", &["Föreningen", "Socialnämnden"]);
        check(
            "Sälens Vatten och Avfall AB Löneenheten Förtroendemannaregistret",
            "",
            &["Sälens Vatten och Avfall AB", "Löneenheten", "Förtroendemannaregistret"],
        );
    }

    /// Purpose headings over the recipients they group are no recipients.
    #[test]
    fn purpose_headings() {
        check(
            "",
            "För åtgärd: Tekniska förvaltningen\nFör kännedom: Kommunstyrelsen, Revisorerna",
            &["Tekniska förvaltningen", "Kommunstyrelsen", "Revisorerna"],
        );
        check(
            "",
            "För kännedom:\nKommunstyrelsen\nRevisorerna",
            &["Kommunstyrelsen", "Revisorerna"],
        );
        check("", "Kommunstyrelsen för kännedom", &["Kommunstyrelsen för kännedom"]);
        check(
            "För åtgärd: Tekniska förvaltningen För kännedom: Kommunstyrelsen, Revisorerna",
            "",
            &["Tekniska förvaltningen", "Kommunstyrelsen", "Revisorerna"],
        );
        check("", "Miljöenheten: tillsyn", &["Miljöenheten: tillsyn"]);
    }

    /// A list parted by commas or rows keeps a definite word with the name after it.
    #[test]
    fn a_definite_word_before_a_name_in_a_list() {
        check(
            "Länsstyrelsen Dalarna, Lantmäteriet, Trafikverket Region Mitt",
            "",
            &["Länsstyrelsen Dalarna", "Lantmäteriet", "Trafikverket Region Mitt"],
        );
        check(
            "",
            "Länsstyrelsen Dalarna\nPolismyndigheten Region Bergslagen\nSocialnämnden för kännedom",
            &[
                "Länsstyrelsen Dalarna",
                "Polismyndigheten Region Bergslagen",
                "Socialnämnden för kännedom",
            ],
        );
        // A note in lower case or a parenthesis still ends a recipient.
        check(
            "Ekonomidirektör, för kännedom Kommunstyrelsen",
            "",
            &["Ekonomidirektör, för kännedom", "Kommunstyrelsen"],
        );
        check(
            "Sökanden (delgivningskvitto) Lantmäteriet, Akten",
            "",
            &["Sökanden (delgivningskvitto)", "Lantmäteriet", "Akten"],
        );
    }

    /// A unit's name of two common nouns joined by `och` is one recipient, last in a list too.
    #[test]
    fn och_inside_a_units_name() {
        check("Ekonomienheten, Gata och park", "", &["Ekonomienheten", "Gata och park"]);
        check(
            "Kommunfullmäktige, Kultur och fritid",
            "",
            &["Kommunfullmäktige", "Kultur och fritid"],
        );
        check(
            "Kommunstyrelsen, Kansliet och ekonomichefen",
            "",
            &["Kommunstyrelsen", "Kansliet", "ekonomichefen"],
        );
        check(
            "Kommunstyrelsen, Kansliet och ekonomidirektör",
            "",
            &["Kommunstyrelsen", "Kansliet", "ekonomidirektör"],
        );
    }

    /// ` och ` inside a company's name, neither side a recipient by itself, is no cut.
    #[test]
    fn och_inside_a_company_name() {
        check(
            "",
            "Kommunfullmäktige\nMalung-Sälens Vatten och Avfall AB",
            &["Kommunfullmäktige", "Malung-Sälens Vatten och Avfall AB"],
        );
        check(
            "Kultur- och fritidsnämnden, Ekonomiavdelningen och Sälens Vatten och Avfall AB",
            "",
            &["Kultur- och fritidsnämnden", "Ekonomiavdelningen", "Sälens Vatten och Avfall AB"],
        );
        check(
            "Kommunstyrelsen och Mittsverige Vatten AB",
            "",
            &["Kommunstyrelsen", "Mittsverige Vatten AB"],
        );
        check("Anna Berg och Per Olsson", "", &["Anna Berg", "Per Olsson"]);
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
        check("", "-\tEkonomiavdelningen\n\n-\tLönenheten", &["Ekonomiavdelningen", "Lönenheten"]);
        check("", "Lantmäteriet\nRätt utdraget intygar\nLisa Strömberg", &["Lantmäteriet"]);
        check(
            "Ekonomiavdelningen och kommunfullmäktige",
            "",
            &["Ekonomiavdelningen", "kommunfullmäktige"],
        );
        check("Tekniska kontoret och revisorerna", "", &["Tekniska kontoret", "revisorerna"]);
        check(
            "Socialnämnden och Kultur- och fritidsnämnden",
            "",
            &["Socialnämnden", "Kultur- och fritidsnämnden"],
        );
        check("Hälso- och sjukvårdsdirektör", "", &["Hälso- och sjukvårdsdirektör"]);
        // Plain pdftotext: a blank line between recipients, one to a block.
        check("", "\nSökanden\n\nLantmäteriet\n\n", &["Sökanden", "Lantmäteriet"]);
        check(
            "",
            "\nSökanden\n\nLantmäteriet\n\nKommunstyrelsen för kännedom",
            &["Sökanden", "Lantmäteriet", "Kommunstyrelsen för kännedom"],
        );
        // A block of prose, or one of several lines, after the list is no recipient.
        check(
            "",
            "Sökanden\n\nÄrendet har beretts av förvaltningen som föreslår bifall.",
            &["Sökanden"],
        );
        check("", "Sökanden\nLantmäteriet\n\nAkten", &["Sökanden", "Lantmäteriet"]);
        check("", "Sökanden\n\nAnna Berg\nOrdförande", &["Sökanden"]);
        check("", "Sökanden\n\nLantmäteriet\n\nBeslutsunderlag", &["Sökanden", "Lantmäteriet"]);
        // A body's name over a date is the letterhead of what follows, no recipient.
        check(
            "",
            "Ekonomiavdelningen\n\nKommunfullmäktige\n\n2004-05-07\n\nSekretariatet",
            &["Ekonomiavdelningen"],
        );
        check("", "Motionären\n\nVård- och omsorgsnämnden\n", &["Motionären"]);
        check(
            "",
            "Motionären\n\nMiljö- och byggnadsnämnden\n\nSekretariatet\nStefan Claesson",
            &["Motionären"],
        );
        check(
            "",
            "Sökanden\n\nKommunstyrelsen\n\nLantmäteriet",
            &["Sökanden", "Kommunstyrelsen", "Lantmäteriet"],
        );
        // One to a row, a part in lower case after a comma is part of the recipient.
        check(
            "",
            "Stadskontoret, ekonomiavdelningen\nKultur- och fritidsnämnden\nRektorer, samtliga grundskolor",
            &[
                "Stadskontoret, ekonomiavdelningen",
                "Kultur- och fritidsnämnden",
                "Rektorer, samtliga grundskolor",
            ],
        );
        // A purpose after a comma stays with its recipient.
        check(
            "",
            "Hälso- och sjukvårdsdirektör\nEkonomidirektör, för kännedom\nRevisorerna",
            &["Hälso- och sjukvårdsdirektör", "Ekonomidirektör, för kännedom", "Revisorerna"],
        );
        check(
            "Kommunstyrelsen, för kännedom, Lantmäteriet",
            "",
            &["Kommunstyrelsen, för kännedom", "Lantmäteriet"],
        );
        check(
            "Ekonomienheten, Hälso- och sjukvårdsnämnden och Vård- och omsorgsnämnden",
            "",
            &["Ekonomienheten", "Hälso- och sjukvårdsnämnden", "Vård- och omsorgsnämnden"],
        );
    }
}
