//! `protokoll parse [--json] [--pretty] PATH...`: one document per file, as NDJSON or a summary.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use protokoll::Document;
use rayon::prelude::*;

use super::{Outcome, documents, json_line, line, stdout};

/// Arguments of `protokoll parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to parse (folders: every .txt/.md/.pdf/.docx file, sorted).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print the JSON model (SCHEMA.md), one object per line.
    #[arg(long)]
    json: bool,
    /// With --json: indent the output (one document per block).
    #[arg(long, requires = "json")]
    pretty: bool,
    /// Print the text as read, not parsed: what the PDF or DOCX extractor (or the decoder)
    /// gave, pages separated by form feeds.
    #[arg(long, conflicts_with = "json")]
    text: bool,
}

/// Files read and parsed at a time, on every core; they are printed in their order.
const CHUNK: usize = 64;

/// Runs `protokoll parse`.
pub fn run(args: &Args) -> Result<Outcome> {
    let mut failed = 0;
    let files = documents(&args.paths, &mut failed);
    let mut out = stdout();
    for chunk in files.chunks(CHUNK) {
        let printed: Vec<Result<Vec<u8>>> =
            chunk.par_iter().map(|path| print(args, path)).collect();
        for p in printed {
            match p {
                Ok(bytes) => out.write_all(&bytes)?,
                Err(e) => {
                    failed += 1;
                    out.flush()?;
                    eprintln!("protokoll: {e}");
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 { Outcome::SomeFailed } else { Outcome::Ok })
}

/// What `parse` prints for one file: its text as read, its JSON, or its summary. A file that
/// cannot be read is the error.
fn print(args: &Args, path: &Path) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if args.text {
        return Ok(protokoll::source::read(path)?.text.into_bytes());
    }
    let doc = protokoll::parse_file(path)?;
    if args.pretty {
        serde_json::to_writer_pretty(&mut out, &doc)?;
        line(&mut out, "")?;
    } else if args.json {
        json_line(&mut out, &doc)?;
    } else {
        summary(&mut out, &doc)?;
    }
    Ok(out)
}

/// A human-readable summary of one document.
fn summary(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
    line(
        out,
        &format!(
            "{}: {} | {} | {} | {}",
            doc.source.path,
            doc.kind.as_str(),
            opt(&doc.organization),
            opt(&doc.body),
            opt(&doc.date)
        ),
    )?;
    if !doc.attendees.is_empty() {
        line(
            out,
            &format!(
                "  {} attendees, chair {}, secretary {}",
                doc.attendees.len(),
                opt(&doc.chair),
                opt(&doc.secretary)
            ),
        )?;
    }
    for p in &doc.paragraphs {
        let number = p.number.map_or_else(|| "§ -".to_string(), |n| format!("§ {n}"));
        let dnr: Vec<&str> = p.dnr.iter().map(|d| d.raw.as_str()).collect();
        let decision = p.decision.as_ref().map_or(String::new(), |d| {
            format!(
                " [{} {}, {} clause(s)]",
                match d.kind {
                    protokoll::model::DecisionKind::Decision => "decision",
                    protokoll::model::DecisionKind::Proposal => "proposal",
                },
                d.by.as_deref().unwrap_or("-"),
                d.clauses.len()
            )
        });
        let dnr = if dnr.is_empty() { String::new() } else { format!(" ({})", dnr.join(", ")) };
        let page = p.page.map_or_else(String::new, |n| format!(" · p. {n}"));
        line(out, &format!("  {number} {}{dnr}{decision}{page}", p.title))?;
        for (what, people) in
            [("abstained", &p.abstained), ("reserved", &p.reserved), ("jäv", &p.conflicts)]
        {
            if !people.is_empty() {
                let names: Vec<String> = people
                    .iter()
                    .map(|x| super::person_label(&x.name, x.party.as_deref()))
                    .collect();
                line(out, &format!("      {what}: {}", names.join(", ")))?;
            }
        }
    }
    if !doc.warnings.is_empty() {
        line(out, &format!("  {} warning(s)", doc.warnings.len()))?;
    }
    Ok(())
}
