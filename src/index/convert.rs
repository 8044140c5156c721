//! From a parsed [`Document`] to index documents: one per paragraph, one per stance, and the
//! file's manifest entry.

use tantivy::TantivyDocument;

use super::schema::Fields;
use crate::model::{Document, Person};

/// The stance kinds as they are named in the index and the JSON outputs.
pub const STANCE_KINDS: [&str; 3] = ["abstained", "reserved", "conflict"];

/// `2023-12-07` → `20231207`.
#[must_use]
pub fn day_number(date: &str) -> Option<u64> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

/// The year and number of a case key, without its series: `KS-2025-87` → `2025-87`.
#[must_use]
pub fn case_number(key: &str) -> &str {
    let mut dashes = key.rmatch_indices('-').map(|(i, _)| i);
    match (dashes.next(), dashes.next()) {
        (Some(_), Some(i)) => &key[i + 1..],
        _ => key,
    }
}

/// Fields shared by a document's paragraph and stance entries.
fn common(d: &mut TantivyDocument, f: &Fields, doc: &Document) {
    d.add_text(f.path, &doc.source.path);
    if let Some(o) = &doc.organization {
        d.add_text(f.organization, o);
        d.add_text(f.organization_facet, o);
    }
    if let Some(b) = &doc.body {
        d.add_text(f.body, b);
        d.add_text(f.body_facet, b);
    }
    d.add_text(f.kind, doc.kind.as_str());
    if let Some(date) = &doc.date {
        d.add_text(f.date, date);
        if let Some(day) = day_number(date) {
            d.add_u64(f.day, day);
            d.add_u64(f.year, day / 10_000);
        }
    }
}

/// The index documents for one parsed document.
#[must_use]
pub fn documents(f: &Fields, doc: &Document) -> Vec<TantivyDocument> {
    let mut out = Vec::with_capacity(doc.paragraphs.len() + 1);
    let mut file = TantivyDocument::default();
    file.add_text(f.doctype, "file");
    file.add_text(f.path, &doc.source.path);
    file.add_text(f.sha256, &doc.source.sha256);
    out.push(file);
    for p in &doc.paragraphs {
        let mut d = TantivyDocument::default();
        d.add_text(f.doctype, "paragraph");
        common(&mut d, f, doc);
        if let Some(n) = p.number {
            d.add_u64(f.number, u64::from(n));
        }
        d.add_u64(f.line, u64::from(p.line));
        if let Some(page) = p.page {
            d.add_u64(f.page, u64::from(page));
        }
        d.add_text(f.title, &p.title);
        d.add_text(f.text, &p.text);
        for k in &p.dnr {
            d.add_text(f.dnr, &k.key);
            d.add_text(f.dnr_raw, &k.raw);
        }
        for k in &p.references.dnr {
            d.add_text(f.cited, &k.key);
        }
        let mut numbers: Vec<&str> =
            p.dnr.iter().chain(&p.references.dnr).map(|k| case_number(&k.key)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        for n in numbers {
            d.add_text(f.case_number, n);
        }
        let mut parties: Vec<&str> = p
            .abstained
            .iter()
            .chain(&p.reserved)
            .chain(&p.conflicts)
            .filter_map(|x| x.party.as_deref())
            .chain(p.motions.iter().filter_map(|m| m.party.as_deref()))
            .collect();
        parties.sort_unstable();
        parties.dedup();
        for party in parties {
            d.add_text(f.party, party);
        }
        if let Some(dec) = &p.decision
            && let Ok(json) = serde_json::to_string(dec)
        {
            d.add_text(f.decision, &json);
        }
        out.push(d);
        let stances: [(&str, &Vec<Person>); 3] = [
            (STANCE_KINDS[0], &p.abstained),
            (STANCE_KINDS[1], &p.reserved),
            (STANCE_KINDS[2], &p.conflicts),
        ];
        for (kind, people) in stances {
            for person in people {
                let mut s = TantivyDocument::default();
                s.add_text(f.doctype, "stance");
                common(&mut s, f, doc);
                s.add_text(f.stance, kind);
                s.add_text(f.person, &person.name);
                s.add_text(f.person_facet, &person.name);
                if let Some(party) = &person.party {
                    s.add_text(f.party_facet, party);
                }
                if let Some(n) = p.number {
                    s.add_u64(f.number, u64::from(n));
                }
                s.add_u64(f.line, u64::from(p.line));
                s.add_text(f.stance_title, &p.title);
                out.push(s);
            }
        }
    }
    out
}
