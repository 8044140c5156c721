//! `protokoll dnr DNR`: the follow-up trail of a case, in date order, across bodies.

use std::io::Write;

use anyhow::Result;

use super::index::{IndexDir, open_for_reading};
use super::search::FilterArgs;
use super::{Outcome, json_line, line, stdout};

/// Arguments of `protokoll dnr`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case number in any spelling: HSN/876/2024, HSN-876-2024, HSN 2024/876, 23HSN1782.
    dnr: String,
    #[command(flatten)]
    filters: FilterArgs,
    /// Only this kind of document (protocol, protocol_extract, official_letter, report).
    #[arg(long)]
    kind: Option<String>,
    /// One JSON object per paragraph.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    index: IndexDir,
}

/// Runs `protokoll dnr`.
pub fn run(args: &Args) -> Result<Outcome> {
    let index = open_for_reading(&args.index.dir)?;
    let trail = index.dnr_trail(&args.dnr, &args.filters.filters(args.kind.as_ref()))?;
    let mut out = stdout();
    if args.json {
        for e in &trail {
            json_line(&mut out, e)?;
        }
        out.flush()?;
        return Ok(Outcome::Ok);
    }
    let key = protokoll::parse::dnr::key_of(&args.dnr).unwrap_or_default();
    line(&mut out, &format!("{key}: {} paragraph(s)", trail.len()))?;
    for e in &trail {
        let number = e.number.map_or_else(String::new, |n| format!("§ {n} "));
        line(
            &mut out,
            &format!(
                "{}  {} · {} · {number}{}  ({})",
                e.date.as_deref().unwrap_or("----------"),
                e.organization.as_deref().unwrap_or("-"),
                e.body.as_deref().unwrap_or("-"),
                e.title,
                e.relation
            ),
        )?;
        if let Some(d) = &e.decision {
            let kind = match d.kind {
                protokoll::model::DecisionKind::Decision => "beslut",
                protokoll::model::DecisionKind::Proposal => "förslag",
            };
            let who = match (&d.by, &d.to) {
                (Some(by), Some(to)) => format!("{by} → {to}"),
                (Some(by), None) => by.clone(),
                _ => String::new(),
            };
            line(&mut out, &format!("    {kind} {who}"))?;
            for c in &d.clauses {
                let short: String = c.chars().take(110).collect();
                let more = if short.len() < c.len() { "…" } else { "" };
                line(&mut out, &format!("      – {short}{more}"))?;
            }
        }
        line(
            &mut out,
            &format!("    {}{}", e.path, e.line.map_or_else(String::new, |l| format!(":{l}"))),
        )?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
