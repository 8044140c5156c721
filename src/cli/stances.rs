//! `protokoll stances`: who abstained, reserved themselves or declared jäv, where and when.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use protokoll::index::query::{StanceEntry, StanceRequest};

use super::index::{IndexDir, open_for_reading};
use super::search::FilterArgs;
use super::{Outcome, json_line, line, stdout};

/// Arguments of `protokoll stances`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A person's name or part of it.
    #[arg(long)]
    person: Option<String>,
    /// abstained, reserved or conflict (jäv).
    #[arg(long)]
    kind: Option<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Only this kind of document (protocol, protocol_extract, official_letter, report).
    #[arg(long)]
    doc_kind: Option<String>,
    /// Counts by person or by party instead of the list.
    #[arg(long, value_parser = ["person", "party"])]
    by: Option<String>,
    /// One JSON object per stance.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV with a header row.
    #[arg(long)]
    csv: bool,
    #[command(flatten)]
    index: IndexDir,
}

/// Runs `protokoll stances`.
pub fn run(args: &Args) -> Result<Outcome> {
    let index = open_for_reading(&args.index.dir)?;
    let req = StanceRequest {
        person: args.person.clone(),
        kind: args.kind.clone(),
        filters: args.filters.filters(args.doc_kind.as_ref()),
    };
    let entries = index.stances(&req)?;
    let mut out = stdout();
    if let Some(by) = &args.by {
        let mut counts: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
        for e in &entries {
            let who = if by == "party" {
                e.party.clone().unwrap_or_else(|| "-".into())
            } else if e.name.is_empty() {
                format!("({})", e.party.as_deref().unwrap_or("-"))
            } else {
                e.name.clone()
            };
            let party =
                if by == "party" { String::new() } else { e.party.clone().unwrap_or_default() };
            let slot = match e.kind.as_str() {
                "abstained" => 0,
                "reserved" => 1,
                _ => 2,
            };
            counts.entry((who, party)).or_default()[slot] += 1;
        }
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort_by(|a, b| {
            b.1.iter().sum::<usize>().cmp(&a.1.iter().sum::<usize>()).then(a.0.cmp(&b.0))
        });
        if args.json {
            for ((who, party), [a, r, c]) in rows {
                let v = serde_json::json!({ by.as_str(): who, "party": party, "abstained": a, "reserved": r, "conflict": c });
                line(&mut out, &v.to_string())?;
            }
        } else if args.csv {
            line(&mut out, &format!("{by},party,abstained,reserved,conflict"))?;
            for ((who, party), [a, r, c]) in rows {
                line(&mut out, &format!("{},{},{a},{r},{c}", csv(&who), csv(&party)))?;
            }
        } else {
            line(
                &mut out,
                &format!("{:<32} {:>9} {:>9} {:>9}", by, "abstained", "reserved", "jäv"),
            )?;
            for ((who, party), [a, r, c]) in rows {
                let label = if party.is_empty() { who } else { format!("{who} ({party})") };
                line(&mut out, &format!("{label:<32} {a:>9} {r:>9} {c:>9}"))?;
            }
        }
        out.flush()?;
        return Ok(Outcome::Ok);
    }
    if args.json {
        for e in &entries {
            json_line(&mut out, e)?;
        }
    } else if args.csv {
        line(&mut out, "kind,name,party,date,organization,body,path,number,title")?;
        for e in &entries {
            line(&mut out, &csv_row(e))?;
        }
    } else {
        line(&mut out, &format!("{} stance(s)", entries.len()))?;
        for e in &entries {
            let who = super::person_label(&e.name, e.party.as_deref());
            let number = e.number.map_or_else(String::new, |n| format!("§ {n} "));
            line(
                &mut out,
                &format!(
                    "{}  {:<9} {who:<28} {} · {} · {number}{}",
                    e.date.as_deref().unwrap_or("----------"),
                    e.kind,
                    e.organization.as_deref().unwrap_or("-"),
                    e.body.as_deref().unwrap_or("-"),
                    e.title
                ),
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(e: &StanceEntry) -> String {
    let o = |s: &Option<String>| csv(s.as_deref().unwrap_or(""));
    format!(
        "{},{},{},{},{},{},{},{},{}",
        e.kind,
        csv(&e.name),
        o(&e.party),
        o(&e.date),
        o(&e.organization),
        o(&e.body),
        csv(&e.path),
        e.number.map_or_else(String::new, |n| n.to_string()),
        csv(&e.title)
    )
}
